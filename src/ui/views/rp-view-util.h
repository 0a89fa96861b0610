/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* What the Calendar and the Timeline share: the locale's first weekday,
 * days as people read them, the release colours, the views' style sheet,
 * and following a store. */

GDateWeekday rp_view_locale_first_weekday (void);
GDateWeekday rp_view_first_weekday_for_langinfo (guint week_1stday, int first_weekday);

guint32 rp_view_julian_today (void);
guint32 rp_view_julian_for_date_time (GDateTime *date);
GDateTime *rp_view_date_time_for_julian (guint32 julian);

char *rp_view_format_day (guint32 julian);
char *rp_view_format_days (guint32 first, guint32 last);

void rp_view_set_color_class (GtkWidget *widget, guint color_index);
void rp_view_ensure_css (GtkWidget *widget);
void rp_view_get_style_color (GtkWidget *widget, const char *name, GdkRGBA *color);

/* Drawing: a colour more transparent, a line of text in @widget's font
 * (@scale times its size, bold or not), a layout put at @x, @y. */
GdkRGBA rp_view_faded (const GdkRGBA *color, float alpha);
PangoLayout *rp_view_text_new (GtkWidget *widget, const char *text, double scale, gboolean bold);
void rp_view_append_text (GtkSnapshot *snapshot, PangoLayout *layout, double x, double y,
                          const GdkRGBA *color);

/* What a view shows: the schedule of a store, read again (in an idle,
 * once per burst of changes) after the store changed, and the day it
 * calls today. After each reading it calls @changed (@data). */
typedef struct
{
  RpStore *store;
  gulong changed_id;
  guint idle_id;
  RpSchedule *schedule; /* never NULL after the first reading */
  GDateTime *today;     /* NULL: the clock's */
  void (*changed) (gpointer data);
  gpointer data;
} RpViewSource;

gboolean rp_view_source_set_store (RpViewSource *source, RpStore *store);
void rp_view_source_reload (RpViewSource *source);
gboolean rp_view_source_set_today (RpViewSource *source, GDateTime *today);
guint32 rp_view_source_get_today (RpViewSource *source);
void rp_view_source_clear (RpViewSource *source);

G_END_DECLS
