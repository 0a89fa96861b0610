/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* Freeze windows from a calendar file (.ics): the file chooser, then a
 * dialog with the range of days to take (a year from today at first) and
 * a preview of the freeze windows it will add, change and finds already
 * there; Add writes them, all or nothing, one undo step, and a toast
 * with Undo says how many. Importing the same file again adds nothing. */
void rp_freeze_import_choose (GtkWidget *parent, RpStore *store);

/* The dialog alone, for @data of a file called @name. Returns it,
 * presented, or NULL after showing why the file cannot be read. */
GtkWidget *rp_freeze_import_dialog_new (GtkWidget *parent, RpStore *store, const char *name, GBytes *data);

/* For the tests: the dialog's range. */
void _rp_freeze_import_dialog_set_range (GtkWidget *dialog, const char *from, const char *to);

G_END_DECLS
