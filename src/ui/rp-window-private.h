/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-window.h"

G_BEGIN_DECLS

/* For the UI tests: what the window shows, without walking its widgets. */
GtkSingleSelection *_rp_window_get_selection (RpWindow *self);
GtkWidget *_rp_window_get_empty_page (RpWindow *self);
const char *_rp_window_get_visible_page (RpWindow *self);
GtkWidget *_rp_window_get_page (RpWindow *self, const char *name);
void _rp_window_show_page (RpWindow *self, const char *name);
GtkListView *_rp_window_get_release_list (RpWindow *self);
GtkSearchEntry *_rp_window_get_search_entry (RpWindow *self);
const char *_rp_window_get_title (RpWindow *self);
gboolean _rp_window_is_folded (RpWindow *self);
gboolean _rp_window_shows_overview (RpWindow *self);
const char *_rp_window_get_visible_view (RpWindow *self);
void _rp_window_show_view (RpWindow *self, const char *name);

/* For the window's action groups in other files (exports, import). */
void _rp_window_add_toast (RpWindow *self, AdwToast *toast);

G_END_DECLS
