/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The go/no-go log of one release: its decisions, newest first, each with
 * a delete and an edit button, and "Record Decision…", which asks what was
 * decided (pre-set from the readiness verdict), by whom (the release's
 * go/no-go owner unless changed) and why (required for a go over blockers).
 * Every change is saved at once and follows the store's changes. */
#define RP_TYPE_DECISIONS_GROUP (rp_decisions_group_get_type ())
G_DECLARE_FINAL_TYPE (RpDecisionsGroup, rp_decisions_group, RP, DECISIONS_GROUP, AdwPreferencesGroup)

GtkWidget *rp_decisions_group_new (RpStore *store);
void rp_decisions_group_set_release_id (RpDecisionsGroup *self, const char *release_id);
void rp_decisions_group_record (RpDecisionsGroup *self, RpReadinessReport *report);

G_END_DECLS
