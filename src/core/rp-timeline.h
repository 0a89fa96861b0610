/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-schedule.h"

G_BEGIN_DECLS

/* The Timeline (a Gantt chart of releases), worked out without a display:
 * the rows (one per release, active only or all), each row's bars, the
 * deploy marker and its warnings, the committed ghost and the slip, the
 * dependency arrows between rows, the span of days the chart covers, and
 * the zoom arithmetic (pixels per day, the units of the two header rows
 * and where their ticks fall). The widget only draws what this says.
 *
 * Development has no date of its own in the plan: its bar ends on code
 * complete and starts on the day the release was created (created_at),
 * when that is earlier. When it is not (a plan imported or typed in
 * late), the bar is "open": it covers RP_TIMELINE_OPEN_DEVELOPMENT_DAYS
 * before code complete and the view fades it in, since its start is not
 * known. */

#define RP_TYPE_TIMELINE_LAYOUT (rp_timeline_layout_get_type ())
#define RP_TIMELINE_OPEN_DEVELOPMENT_DAYS 14

typedef struct _RpTimelineLayout RpTimelineLayout;

typedef enum
{
  RP_TIMELINE_ZOOM_WEEK,    /* days are wide: a few weeks on screen */
  RP_TIMELINE_ZOOM_MONTH,   /* a few months */
  RP_TIMELINE_ZOOM_QUARTER, /* a year or so */
} RpTimelineZoom;

#define RP_TIMELINE_N_ZOOMS (RP_TIMELINE_ZOOM_QUARTER + 1)

/* Calendar units: of the header's ticks, and of previous/next. */
typedef enum
{
  RP_TIMELINE_UNIT_DAY,
  RP_TIMELINE_UNIT_WEEK, /* starts on the first weekday */
  RP_TIMELINE_UNIT_MONTH,
  RP_TIMELINE_UNIT_QUARTER,
  RP_TIMELINE_UNIT_YEAR,
} RpTimelineUnit;

typedef enum
{
  RP_TIMELINE_BAR_DEVELOPMENT,
  RP_TIMELINE_BAR_TESTING,
  RP_TIMELINE_BAR_BUFFER,
  RP_TIMELINE_BAR_MONITORING,
} RpTimelineBarKind;

#define RP_TIMELINE_N_BAR_KINDS (RP_TIMELINE_BAR_MONITORING + 1)

typedef struct
{
  RpTimelineBarKind kind;
  guint32 first; /* Julian days, both included */
  guint32 last;
  gboolean open_start; /* development whose start is not known */
} RpTimelineBar;

/* One release's row. Days are Julian days; 0 when the date is not set. */
typedef struct
{
  guint index; /* of the release in the schedule */
  const char *id;
  const char *title; /* its name */
  guint color_index;
  RpTimelineBar bars[RP_TIMELINE_N_BAR_KINDS];
  guint n_bars; /* in time order */
  guint32 code_complete;
  guint32 deploy;
  RpScheduleWarnings deploy_warnings;
  int freeze;               /* with RP_SCHEDULE_WARNING_FREEZE: the freeze's index */
  guint32 committed_first;  /* the committed ghost: first committed date … */
  guint32 committed_deploy; /* … to the committed deploy; 0: not committed */
  int slip_days;            /* deploy − committed deploy (positive: later) */
  guint32 first;            /* everything the row draws; 0 (both) for a row */
  guint32 last;             /* without any date */
} RpTimelineRow;

/* An arrow from the deploy of the release a row waits for to its own. */
typedef struct
{
  guint from_row;       /* the release waited for */
  guint to_row;         /* the release that waits */
  gboolean wrong_order; /* the one waited for deploys on or after the other */
} RpTimelineArrow;

double rp_timeline_zoom_get_pixels_per_day (RpTimelineZoom zoom);
void rp_timeline_zoom_get_units (RpTimelineZoom zoom, RpTimelineUnit *major, RpTimelineUnit *minor);
RpTimelineUnit rp_timeline_zoom_get_step (RpTimelineZoom zoom);

guint32 rp_timeline_unit_start (RpTimelineUnit unit, guint32 julian, GDateWeekday first_weekday);
guint32 rp_timeline_unit_next (RpTimelineUnit unit, guint32 julian, GDateWeekday first_weekday);
guint32 rp_timeline_unit_previous (RpTimelineUnit unit, guint32 julian, GDateWeekday first_weekday);
GArray *rp_timeline_get_ticks (RpTimelineUnit unit, GDateWeekday first_weekday, guint32 first, guint32 last);

double rp_timeline_x_for_day (guint32 origin, double pixels_per_day, guint32 julian);
guint32 rp_timeline_day_at_x (guint32 origin, double pixels_per_day, double x);
int rp_timeline_days_for_offset (double offset, double pixels_per_day);

GType rp_timeline_layout_get_type (void) G_GNUC_CONST;

RpTimelineLayout *rp_timeline_layout_new (RpSchedule *schedule, gboolean active_only, guint32 today);
RpTimelineLayout *rp_timeline_layout_ref (RpTimelineLayout *self);
void rp_timeline_layout_unref (RpTimelineLayout *self);

RpSchedule *rp_timeline_layout_get_schedule (RpTimelineLayout *self);
guint rp_timeline_layout_get_n_rows (RpTimelineLayout *self);
const RpTimelineRow *rp_timeline_layout_get_row (RpTimelineLayout *self, guint index);
int rp_timeline_layout_find_row (RpTimelineLayout *self, const char *release_id);
guint rp_timeline_layout_get_n_arrows (RpTimelineLayout *self);
const RpTimelineArrow *rp_timeline_layout_get_arrow (RpTimelineLayout *self, guint index);
void rp_timeline_layout_get_span (RpTimelineLayout *self, guint32 *first, guint32 *last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpTimelineLayout, rp_timeline_layout_unref)

G_END_DECLS
