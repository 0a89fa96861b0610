/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-schedule.h"

G_BEGIN_DECLS

/* The month grid of the Calendar, worked out without a display: which days
 * the grid shows (whole weeks, starting on the locale's first weekday,
 * which the UI passes in), what each day is (in the month, a weekend,
 * today, inside a freeze), every event on it (a release's code complete,
 * testing window, buffer, deploy and end of monitoring; the freeze
 * windows), the pieces those events are cut into by the week rows, and the
 * lane (line of a day cell) of each piece, so that a span keeps one line
 * across its week. The widget only draws what this says.
 *
 * Lanes: in each week, pieces continuing from the week before come first,
 * then by first day, longer first, then freezes before milestones and by
 * kind and title; each takes the lowest lane free on all its days.
 * A cell with room for max_lanes lines shows every lane of a week that
 * needs no more; otherwise it shows max_lanes − 1 lanes and, on the days
 * with pieces in the hidden lanes, "+N more" on the last line. */

#define RP_TYPE_MONTH_LAYOUT (rp_month_layout_get_type ())

typedef struct _RpMonthLayout RpMonthLayout;

typedef enum
{
  RP_CALENDAR_EVENT_FREEZE,
  RP_CALENDAR_EVENT_CODE_COMPLETE,
  RP_CALENDAR_EVENT_TESTING,
  RP_CALENDAR_EVENT_BUFFER,
  RP_CALENDAR_EVENT_DEPLOY,
  RP_CALENDAR_EVENT_MONITORING_END,
} RpCalendarEventKind;

typedef enum
{
  RP_CALENDAR_DAY_IN_MONTH = 1 << 0,
  RP_CALENDAR_DAY_WEEKEND = 1 << 1, /* Saturday or Sunday */
  RP_CALENDAR_DAY_TODAY = 1 << 2,
  RP_CALENDAR_DAY_FREEZE = 1 << 3, /* inside a freeze window */
} RpCalendarDayFlags;

/* One event: its whole run of days, whatever the grid shows of it. */
typedef struct
{
  RpCalendarEventKind kind;
  guint index;       /* of the release (or freeze) in the schedule */
  const char *id;    /* of the release (or freeze window) */
  const char *title; /* its name */
  guint color_index; /* the release's colour (rp_release_color_index) */
  guint32 first;     /* Julian days, both included */
  guint32 last;
  RpScheduleWarnings warnings; /* deploys only */
  int freeze;                  /* with RP_SCHEDULE_WARNING_FREEZE: the freeze's index */
} RpCalendarEvent;

/* The part of an event inside one week row. */
typedef struct
{
  const RpCalendarEvent *event;
  guint week;         /* row of the grid, 0 at the top */
  guint first_column; /* 0 .. 6, the first weekday at 0 */
  guint last_column;
  guint lane;                /* line in the day cells, 0 at the top */
  gboolean continues_before; /* the event started before this row */
  gboolean continues_after;  /* and goes on after it */
} RpCalendarSegment;

GType rp_month_layout_get_type (void) G_GNUC_CONST;

RpMonthLayout *rp_month_layout_new (RpSchedule *schedule, int year, GDateMonth month,
                                    GDateWeekday first_weekday, guint32 today);
RpMonthLayout *rp_month_layout_ref (RpMonthLayout *self);
void rp_month_layout_unref (RpMonthLayout *self);

RpSchedule *rp_month_layout_get_schedule (RpMonthLayout *self);
int rp_month_layout_get_year (RpMonthLayout *self);
GDateMonth rp_month_layout_get_month (RpMonthLayout *self);
guint rp_month_layout_get_n_weeks (RpMonthLayout *self);
GDateWeekday rp_month_layout_get_weekday (RpMonthLayout *self, guint column);
guint32 rp_month_layout_get_day (RpMonthLayout *self, guint week, guint column);
gboolean rp_month_layout_find_day (RpMonthLayout *self, guint32 julian, guint *week, guint *column);
RpCalendarDayFlags rp_month_layout_get_day_flags (RpMonthLayout *self, guint week, guint column);
int rp_month_layout_get_day_freeze (RpMonthLayout *self, guint week, guint column);

guint rp_month_layout_get_n_events (RpMonthLayout *self);
const RpCalendarEvent *rp_month_layout_get_event (RpMonthLayout *self, guint index);

guint rp_month_layout_get_n_segments (RpMonthLayout *self);
const RpCalendarSegment *rp_month_layout_get_segment (RpMonthLayout *self, guint index);
guint rp_month_layout_get_n_lanes (RpMonthLayout *self, guint week);
GPtrArray *rp_month_layout_get_day_segments (RpMonthLayout *self, guint week, guint column);

guint rp_month_layout_get_shown_lanes (RpMonthLayout *self, guint week, guint max_lanes);
gboolean rp_month_layout_is_shown (RpMonthLayout *self, const RpCalendarSegment *segment, guint max_lanes);
guint rp_month_layout_count_hidden (RpMonthLayout *self, guint week, guint column, guint max_lanes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpMonthLayout, rp_month_layout_unref)

G_END_DECLS
