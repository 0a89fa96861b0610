/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The month grid of the Calendar: draws the day cells of an
 * RpMonthLayout (weekday names, day numbers, weekends, today, freezes)
 * and places its events as RpEventChip children where the layout says,
 * as many lanes as the cells have room for, with a "+N more" button
 * (opening a list of the day's events) where they have not. Reading order
 * (and Tab) goes by week, then lane, then day.
 *
 * Signals:
 *  ::event-activated (const char *id, RpCalendarEventKind kind): the user
 *    activated an event (a release's, or a freeze's). */

#define RP_TYPE_MONTH_GRID (rp_month_grid_get_type ())
G_DECLARE_FINAL_TYPE (RpMonthGrid, rp_month_grid, RP, MONTH_GRID, GtkWidget)

GtkWidget *rp_month_grid_new (void);
void rp_month_grid_set_layout (RpMonthGrid *self, RpMonthLayout *layout);
RpMonthLayout *rp_month_grid_get_layout (RpMonthGrid *self);
guint rp_month_grid_get_max_lanes (RpMonthGrid *self);

G_END_DECLS
