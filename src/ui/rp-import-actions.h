/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-window.h"

G_BEGIN_DECLS

/* Importing into the window, as the action group "import" on it:
 *
 *   import.plan      a plan file (JSON): the file chooser, then what it
 *                    will change (releases added, changed, left alone;
 *                    or its errors with their JSON paths), then Import:
 *                    all or nothing, one undo step, a toast with Undo
 *   import.freezes   freeze windows from a calendar file (.ics), as
 *                    Preferences does (rp-freeze-import-dialog.h)
 */
void rp_import_actions_install (RpWindow *window);

/* The preview of a plan file, for @data of a file called @name: what
 * the chooser leads to. Returns the dialog, presented. */
GtkWidget *_rp_import_plan_preview (RpWindow *window, const char *name, GBytes *data);

G_END_DECLS
