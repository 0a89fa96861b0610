/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The top of the Overview: can this release ship? Its name, the verdict
 * of the readiness rules in large type and colour, the blockers and
 * warnings (each a row that takes the user to the fix), the readiness
 * figure in words, the days to the deploy and the next milestone, and
 * "Record Decision…", which emits ::record-decision. It follows every
 * change of the plan and of the preferences (deploy days, freezes), and
 * the date when the day changes. */
#define RP_TYPE_READINESS_CARD (rp_readiness_card_get_type ())
G_DECLARE_FINAL_TYPE (RpReadinessCard, rp_readiness_card, RP, READINESS_CARD, AdwBin)

GtkWidget *rp_readiness_card_new (RpStore *store);
void rp_readiness_card_set_release_id (RpReadinessCard *self, const char *release_id);
/* (transfer none) (nullable): the report shown */
RpReadinessReport *rp_readiness_card_get_report (RpReadinessCard *self);
/* Checks again now rather than in the idle after a change. */
void rp_readiness_card_update (RpReadinessCard *self);

G_END_DECLS
