/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-release-page.h"

G_BEGIN_DECLS

/* A tab of a release: see rp-release-page.h. */
#define RP_TYPE_OVERVIEW_PAGE (rp_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (RpOverviewPage, rp_overview_page, RP, OVERVIEW_PAGE, RpReleasePage)

G_END_DECLS
