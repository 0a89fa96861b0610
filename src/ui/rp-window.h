/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_WINDOW (rp_window_get_type ())
G_DECLARE_FINAL_TYPE (RpWindow, rp_window, RP, WINDOW, AdwApplicationWindow)

RpWindow *rp_window_new (GtkApplication *application, RpStore *store);
RpStore *rp_window_get_store (RpWindow *self);
void rp_window_select_release (RpWindow *self, const char *release_id);
gboolean rp_window_show_subject (RpWindow *self, RpEntity entity, const char *id, const char *field);
void rp_window_show_toast (RpWindow *self, const char *title, gboolean with_undo);

G_END_DECLS
