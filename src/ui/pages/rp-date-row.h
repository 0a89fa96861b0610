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

/* A problem with the date, shown on the row under it (NULL: none). An
 * error (rp_ui_show_error() sets it) wins over a warning (the date is
 * saved but something about it is off, like dates out of order). */
void rp_date_row_set_message (RpDateRow *self, const char *message);
void rp_date_row_set_warning (RpDateRow *self, const char *warning);
const char *rp_date_row_get_warning (RpDateRow *self);

/* Whether the clear button is offered (default TRUE): not for a date
 * that must always be set. */
void rp_date_row_set_clearable (RpDateRow *self, gboolean clearable);

/* What picking a day in the calendar does: sets the date, notifies. */
void rp_date_row_pick_date (RpDateRow *self, const char *date);

G_END_DECLS
