/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-release-overview.h"
#include "rp-window.h"

G_BEGIN_DECLS

/* For the UI tests: what the window shows, without walking its widgets. */
GtkSingleSelection *_rp_window_get_selection (RpWindow *self);
GtkWidget *_rp_window_get_empty_page (RpWindow *self);
const char *_rp_window_get_visible_page (RpWindow *self);
RpReleaseOverview *_rp_window_get_overview (RpWindow *self);
gboolean _rp_window_is_folded (RpWindow *self);
gboolean _rp_window_shows_overview (RpWindow *self);

G_END_DECLS
