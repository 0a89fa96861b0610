/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-release-page.h"

G_BEGIN_DECLS

/* The Readiness tab: the verdict and the readiness figure, then the
 * findings grouped by severity (blockers, warnings, information), each a
 * row that takes the user to the thing to fix, then the checks that pass
 * and those that do not apply, so that the figure explains itself. It
 * checks again after every change of the plan or of the preferences. */
#define RP_TYPE_READINESS_PAGE (rp_readiness_page_get_type ())
G_DECLARE_FINAL_TYPE (RpReadinessPage, rp_readiness_page, RP, READINESS_PAGE, RpReleasePage)

/* (transfer none) (nullable): the report shown */
RpReadinessReport *rp_readiness_page_get_report (RpReadinessPage *self);

G_END_DECLS
