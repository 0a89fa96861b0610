/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwActionRow for a date: shows it in words, a button opens a
 * GtkCalendar in a popover, another clears it. Property "date": ISO
 * YYYY-MM-DD or NULL; notifies when the user picks or clears one. */
#define RP_TYPE_DATE_ROW (rp_date_row_get_type ())
G_DECLARE_FINAL_TYPE (RpDateRow, rp_date_row, RP, DATE_ROW, AdwActionRow)

GtkWidget *rp_date_row_new (const char *title);
const char *rp_date_row_get_date (RpDateRow *self);
void rp_date_row_set_date (RpDateRow *self, const char *date);

G_END_DECLS
