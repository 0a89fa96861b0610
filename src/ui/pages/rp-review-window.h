/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* Review mode, for the planning meeting: full screen, large type, one
 * upcoming release at a time (those not released or cancelled, by deploy
 * date) — its verdict, key dates and days left, owners, open risks by
 * score, unresolved dependencies, checklist progress per section and
 * findings. The arrow keys (and Page Up/Down) move between the releases,
 * Escape leaves. It follows the store while it is open. */
#define RP_TYPE_REVIEW_WINDOW (rp_review_window_get_type ())
G_DECLARE_FINAL_TYPE (RpReviewWindow, rp_review_window, RP, REVIEW_WINDOW, AdwWindow)

/* @release_id: (nullable): the release to start on (the first upcoming
 * one when it is not upcoming) */
GtkWidget *rp_review_window_new (RpStore *store, const char *release_id);
/* (transfer none) (nullable): the release shown */
const char *rp_review_window_get_release_id (RpReviewWindow *self);
/* Moves @delta releases on (negative: back), staying within the list. */
void rp_review_window_move (RpReviewWindow *self, int delta);

G_END_DECLS
