/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The system's time zone database, for the deploy window. */

/* TRUE when @id names a time zone GLib knows ("Europe/Berlin", "UTC");
 * "Mars/Olympus" is none. */
gboolean rp_ui_is_time_zone (const char *id);
/* The zones of the database (zone.tab), sorted, with UTC first. */
GtkStringList *rp_ui_time_zones_new (void);

G_END_DECLS
