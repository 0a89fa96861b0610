/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-gantt-chart.h"

G_BEGIN_DECLS

/* Between the chart and its rows; and the drag of a deploy marker, which
 * the tests drive as a pointer would. */

#define RP_TYPE_GANTT_ROW (rp_gantt_row_get_type ())
G_DECLARE_FINAL_TYPE (RpGanttRow, rp_gantt_row, RP, GANTT_ROW, GtkWidget)

#define RP_GANTT_HEADER_HEIGHT 58 /* three lines: units, smaller units, freezes and today */
#define RP_GANTT_ROW_HEIGHT 44

GtkWidget *_rp_gantt_row_new (void);
void _rp_gantt_row_bind (RpGanttRow *self, guint index, const RpTimelineRow *row);
guint _rp_gantt_row_get_index (RpGanttRow *self);
const RpTimelineRow *_rp_gantt_row_get_row (RpGanttRow *self);
double _rp_gantt_row_get_deploy_x (RpGanttRow *self);
char *_rp_gantt_row_describe_at (RpGanttRow *self, double x);

gboolean _rp_gantt_row_drag_begin (RpGanttRow *self, double x, gboolean whole);
void _rp_gantt_row_drag_update (RpGanttRow *self, double offset_x);
void _rp_gantt_row_drag_end (RpGanttRow *self, double offset_x);

void _rp_gantt_chart_get_geometry (RpGanttChart *self, guint32 *origin, double *pixels_per_day,
                                   double *scroll_x);
RpSchedule *_rp_gantt_chart_get_schedule (RpGanttChart *self);
void _rp_gantt_chart_row_focused (RpGanttChart *self, RpGanttRow *row);

G_END_DECLS
