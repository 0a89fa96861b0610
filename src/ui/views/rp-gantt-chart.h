/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The chart of the Timeline, scrollable both ways (GtkScrollable, inside
 * a GtkScrolledWindow): the header of dates, freeze windows as shaded
 * columns, today's line, and one RpGanttRow per release with its bars,
 * dependency arrows over them. Only the rows in sight are widgets and only
 * the days in sight are drawn, so that a thousand releases scroll as one.
 *
 * A row is focusable and named for screen readers; Up and Down move
 * between rows (Tab enters the chart at the selected row and leaves it
 * from there). What the rows do goes through the actions of an ancestor:
 * release.open (s), release.shift-dates ((sbi): id, whole schedule, days)
 * and release.commit-dates (s). */

#define RP_TYPE_GANTT_CHART (rp_gantt_chart_get_type ())
G_DECLARE_FINAL_TYPE (RpGanttChart, rp_gantt_chart, RP, GANTT_CHART, GtkWidget)

GtkWidget *rp_gantt_chart_new (void);

void rp_gantt_chart_set_layout (RpGanttChart *self, RpTimelineLayout *layout);
RpTimelineLayout *rp_gantt_chart_get_layout (RpGanttChart *self);
void rp_gantt_chart_set_zoom (RpGanttChart *self, RpTimelineZoom zoom);
RpTimelineZoom rp_gantt_chart_get_zoom (RpGanttChart *self);
void rp_gantt_chart_set_first_weekday (RpGanttChart *self, GDateWeekday weekday);
void rp_gantt_chart_set_today (RpGanttChart *self, guint32 today);

guint32 rp_gantt_chart_get_left_day (RpGanttChart *self);
void rp_gantt_chart_scroll_to_day (RpGanttChart *self, guint32 julian);

const char *rp_gantt_chart_get_selected (RpGanttChart *self);
void rp_gantt_chart_select (RpGanttChart *self, const char *release_id, gboolean focus);
GtkWidget *rp_gantt_chart_get_row_widget (RpGanttChart *self, const char *release_id);
guint rp_gantt_chart_count_row_widgets (RpGanttChart *self);

G_END_DECLS
