/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* Preferences that belong with the plan: the people, the freeze windows
 * and the weekdays deploys are allowed on. Every change is saved at once
 * and can be undone (Ctrl+Z, or the Undo of the toast after a delete). */
#define RP_TYPE_PREFERENCES_WINDOW (rp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RpPreferencesWindow, rp_preferences_window, RP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *rp_preferences_window_new (RpStore *store);

G_END_DECLS
