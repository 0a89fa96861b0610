/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-calendar.h"
#include "rp-release.h"

#define DAYS_PER_WEEK 7

struct _RpMonthLayout
{
  RpSchedule *schedule;
  int year;
  GDateMonth month;
  GDateWeekday first_weekday;
  guint32 first_day; /* Julian day of the top left cell */
  guint32 today;
  guint n_weeks;
  GArray *events;   /* RpCalendarEvent */
  GArray *segments; /* RpCalendarSegment, by week, lane, first column */
  guint *n_lanes;   /* per week */
  gatomicrefcount ref_count;
};

G_DEFINE_BOXED_TYPE (RpMonthLayout, rp_month_layout, rp_month_layout_ref, rp_month_layout_unref)

static guint32
last_day (RpMonthLayout *self)
{
  return self->first_day + self->n_weeks * DAYS_PER_WEEK - 1;
}

static void
add_event (RpMonthLayout *self, RpCalendarEventKind kind, guint index, RpDateRange *days)
{
  RpCalendarEvent event = { kind, index };
  RpSchedule *schedule = self->schedule;

  if (days == NULL)
    return;
  event.first = rp_date_range_get_first_julian (days);
  event.last = rp_date_range_get_last_julian (days);
  event.freeze = -1;
  if (kind == RP_CALENDAR_EVENT_MONITORING_END)
    event.first = event.last;
  if (event.last < self->first_day || event.first > last_day (self))
    return;

  if (kind == RP_CALENDAR_EVENT_FREEZE)
    {
      RpFreezeWindow *freeze = rp_schedule_get_freeze (schedule, index);

      event.id = rp_record_get_id (RP_RECORD (freeze));
      event.title = rp_freeze_window_get_name (freeze);
    }
  else
    {
      RpRelease *release = rp_schedule_get_release (schedule, index);

      event.id = rp_record_get_id (RP_RECORD (release));
      event.title = rp_release_get_name (release);
      event.color_index = rp_release_color_index (event.id);
      if (kind == RP_CALENDAR_EVENT_DEPLOY)
        event.warnings = rp_schedule_get_deploy_warnings (schedule, index, &event.freeze);
    }
  g_array_append_val (self->events, event);
}

static void
collect_events (RpMonthLayout *self)
{
  static const struct
  {
    RpMilestone milestone;
    RpCalendarEventKind kind;
  } shown[] = {
    { RP_MILESTONE_CODE_COMPLETE, RP_CALENDAR_EVENT_CODE_COMPLETE },
    { RP_MILESTONE_TESTING, RP_CALENDAR_EVENT_TESTING },
    { RP_MILESTONE_BUFFER, RP_CALENDAR_EVENT_BUFFER },
    { RP_MILESTONE_DEPLOY, RP_CALENDAR_EVENT_DEPLOY },
    { RP_MILESTONE_MONITORING, RP_CALENDAR_EVENT_MONITORING_END },
  };
  RpSchedule *schedule = self->schedule;

  for (guint i = 0; i < rp_schedule_get_n_freezes (schedule); i++)
    add_event (self, RP_CALENDAR_EVENT_FREEZE, i, rp_schedule_get_freeze_days (schedule, i));
  for (guint i = 0; i < rp_schedule_get_n_releases (schedule); i++)
    for (guint m = 0; m < G_N_ELEMENTS (shown); m++)
      add_event (self, shown[m].kind, i, rp_schedule_get_milestone (schedule, i, shown[m].milestone));
}

/* The pieces of every event, one per week row it touches. */
static void
cut_segments (RpMonthLayout *self)
{
  for (guint i = 0; i < self->events->len; i++)
    {
      const RpCalendarEvent *event = &g_array_index (self->events, RpCalendarEvent, i);
      guint32 first = MAX (event->first, self->first_day) - self->first_day;
      guint32 last = MIN (event->last, last_day (self)) - self->first_day;

      for (guint week = first / DAYS_PER_WEEK; week <= last / DAYS_PER_WEEK; week++)
        {
          guint32 week_first = week * DAYS_PER_WEEK;
          RpCalendarSegment segment = {
            .event = event,
            .week = week,
            .first_column = MAX (first, week_first) - week_first,
            .last_column = MIN (last, week_first + DAYS_PER_WEEK - 1) - week_first,
            .continues_before =
                event->first<self->first_day + week_first, .continues_after = event->last> self->first_day +
                week_first + DAYS_PER_WEEK - 1,
          };

          g_array_append_val (self->segments, segment);
        }
    }
}

/* The order in which the pieces of one week take their lanes. */
static int
compare_for_lanes (gconstpointer a, gconstpointer b)
{
  const RpCalendarSegment *x = a;
  const RpCalendarSegment *y = b;
  int cmp;

  if (x->week != y->week)
    return x->week < y->week ? -1 : 1;
  if (x->continues_before != y->continues_before)
    return x->continues_before ? -1 : 1;
  if (x->first_column != y->first_column)
    return x->first_column < y->first_column ? -1 : 1;
  if (x->last_column != y->last_column)
    return x->last_column > y->last_column ? -1 : 1;
  if (x->event->kind != y->event->kind)
    return x->event->kind < y->event->kind ? -1 : 1;
  cmp = g_strcmp0 (x->event->title, y->event->title);
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (x->event->id, y->event->id);
}

/* Reading order: by week, then lane, then day. */
static int
compare_for_reading (gconstpointer a, gconstpointer b)
{
  const RpCalendarSegment *x = a;
  const RpCalendarSegment *y = b;

  if (x->week != y->week)
    return x->week < y->week ? -1 : 1;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  if (x->first_column != y->first_column)
    return x->first_column < y->first_column ? -1 : 1;
  return 0;
}

static gboolean
lane_is_free (GByteArray *used, guint lane, const RpCalendarSegment *segment)
{
  if ((lane + 1) * DAYS_PER_WEEK > used->len)
    return TRUE;
  for (guint column = segment->first_column; column <= segment->last_column; column++)
    if (used->data[lane * DAYS_PER_WEEK + column])
      return FALSE;
  return TRUE;
}

static void
assign_lanes (RpMonthLayout *self)
{
  g_autoptr (GByteArray) used = g_byte_array_new ();
  guint week = G_MAXUINT;

  g_array_sort (self->segments, compare_for_lanes);
  for (guint i = 0; i < self->segments->len; i++)
    {
      RpCalendarSegment *segment = &g_array_index (self->segments, RpCalendarSegment, i);
      guint lane = 0;

      if (segment->week != week)
        {
          week = segment->week;
          g_byte_array_set_size (used, 0);
        }
      while (!lane_is_free (used, lane, segment))
        lane++;
      if ((lane + 1) * DAYS_PER_WEEK > used->len)
        {
          guint old = used->len;

          g_byte_array_set_size (used, (lane + 1) * DAYS_PER_WEEK);
          memset (used->data + old, 0, used->len - old);
        }
      for (guint column = segment->first_column; column <= segment->last_column; column++)
        used->data[lane * DAYS_PER_WEEK + column] = 1;
      segment->lane = lane;
      self->n_lanes[week] = MAX (self->n_lanes[week], lane + 1);
    }
  g_array_sort (self->segments, compare_for_reading);
}

/**
 * rp_month_layout_new:
 * @schedule: the releases and freezes to show
 * @year: the year of the month
 * @month: the month
 * @first_weekday: the weekday in the first column (the locale's)
 * @today: today's Julian day (0: none of the days is today)
 *
 * Returns: (transfer full): the layout of that month
 */
RpMonthLayout *
rp_month_layout_new (RpSchedule *schedule, int year, GDateMonth month, GDateWeekday first_weekday,
                     guint32 today)
{
  RpMonthLayout *self;
  GDate first;
  guint offset;
  guint days;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (g_date_valid_dmy (1, month, year), NULL);
  g_return_val_if_fail (g_date_valid_weekday (first_weekday), NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  offset = (g_date_get_weekday (&first) - first_weekday + DAYS_PER_WEEK) % DAYS_PER_WEEK;
  days = g_date_get_days_in_month (month, year);
  g_return_val_if_fail (g_date_get_julian (&first) > offset, NULL);

  self = g_new0 (RpMonthLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->schedule = rp_schedule_ref (schedule);
  self->year = year;
  self->month = month;
  self->first_weekday = first_weekday;
  self->first_day = g_date_get_julian (&first) - offset;
  self->today = today;
  self->n_weeks = (offset + days + DAYS_PER_WEEK - 1) / DAYS_PER_WEEK;
  self->n_lanes = g_new0 (guint, self->n_weeks);
  self->events = g_array_new (FALSE, FALSE, sizeof (RpCalendarEvent));
  self->segments = g_array_new (FALSE, FALSE, sizeof (RpCalendarSegment));

  collect_events (self);
  cut_segments (self);
  assign_lanes (self);
  return self;
}

RpMonthLayout *
rp_month_layout_ref (RpMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_month_layout_unref (RpMonthLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->segments);
  g_array_unref (self->events);
  g_free (self->n_lanes);
  rp_schedule_unref (self->schedule);
  g_free (self);
}

/**
 * rp_month_layout_get_schedule:
 *
 * Returns: (transfer none): the schedule the layout shows
 */
RpSchedule *
rp_month_layout_get_schedule (RpMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->schedule;
}

int
rp_month_layout_get_year (RpMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->year;
}

GDateMonth
rp_month_layout_get_month (RpMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, G_DATE_BAD_MONTH);

  return self->month;
}

/* How many week rows the month needs: 4 to 6. */
guint
rp_month_layout_get_n_weeks (RpMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_weeks;
}

/* The weekday of the column @column (for the header row). */
GDateWeekday
rp_month_layout_get_weekday (RpMonthLayout *self, guint column)
{
  g_return_val_if_fail (self != NULL, G_DATE_BAD_WEEKDAY);
  g_return_val_if_fail (column < DAYS_PER_WEEK, G_DATE_BAD_WEEKDAY);

  return (self->first_weekday - 1 + column) % DAYS_PER_WEEK + 1;
}

/* The Julian day of a cell. */
guint32
rp_month_layout_get_day (RpMonthLayout *self, guint week, guint column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (week < self->n_weeks && column < DAYS_PER_WEEK, 0);

  return self->first_day + week * DAYS_PER_WEEK + column;
}

/**
 * rp_month_layout_find_day:
 * @week: (out) (optional):
 * @column: (out) (optional):
 *
 * Returns: TRUE when the grid shows the day @julian, in that cell
 */
gboolean
rp_month_layout_find_day (RpMonthLayout *self, guint32 julian, guint *week, guint *column)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (julian < self->first_day || julian > last_day (self))
    return FALSE;
  if (week != NULL)
    *week = (julian - self->first_day) / DAYS_PER_WEEK;
  if (column != NULL)
    *column = (julian - self->first_day) % DAYS_PER_WEEK;
  return TRUE;
}

RpCalendarDayFlags
rp_month_layout_get_day_flags (RpMonthLayout *self, guint week, guint column)
{
  RpCalendarDayFlags flags = 0;
  guint32 julian;
  GDate date;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (week < self->n_weeks && column < DAYS_PER_WEEK, 0);

  julian = rp_month_layout_get_day (self, week, column);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_get_month (&date) == self->month)
    flags |= RP_CALENDAR_DAY_IN_MONTH;
  if (g_date_get_weekday (&date) == G_DATE_SATURDAY || g_date_get_weekday (&date) == G_DATE_SUNDAY)
    flags |= RP_CALENDAR_DAY_WEEKEND;
  if (julian == self->today)
    flags |= RP_CALENDAR_DAY_TODAY;
  if (rp_schedule_find_freeze_on (self->schedule, julian) >= 0)
    flags |= RP_CALENDAR_DAY_FREEZE;
  return flags;
}

/* The index in the schedule of the freeze window holding a cell's day, or -1. */
int
rp_month_layout_get_day_freeze (RpMonthLayout *self, guint week, guint column)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (week < self->n_weeks && column < DAYS_PER_WEEK, -1);

  return rp_schedule_find_freeze_on (self->schedule, rp_month_layout_get_day (self, week, column));
}

guint
rp_month_layout_get_n_events (RpMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->events->len;
}

const RpCalendarEvent *
rp_month_layout_get_event (RpMonthLayout *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->events->len, NULL);

  return &g_array_index (self->events, RpCalendarEvent, index);
}

guint
rp_month_layout_get_n_segments (RpMonthLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->segments->len;
}

/* The pieces in reading order: by week, lane, then first day. */
const RpCalendarSegment *
rp_month_layout_get_segment (RpMonthLayout *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);

  return &g_array_index (self->segments, RpCalendarSegment, index);
}

/* How many lanes the pieces of @week take. */
guint
rp_month_layout_get_n_lanes (RpMonthLayout *self, guint week)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (week < self->n_weeks, 0);

  return self->n_lanes[week];
}

/**
 * rp_month_layout_get_day_segments:
 *
 * Returns: (transfer container) (element-type RpCalendarSegment): the
 * pieces on the day of a cell, by lane (what "+N more" lists)
 */
GPtrArray *
rp_month_layout_get_day_segments (RpMonthLayout *self, guint week, guint column)
{
  GPtrArray *day;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (week < self->n_weeks && column < DAYS_PER_WEEK, NULL);

  day = g_ptr_array_new ();
  for (guint i = 0; i < self->segments->len; i++)
    {
      RpCalendarSegment *segment = &g_array_index (self->segments, RpCalendarSegment, i);

      if (segment->week == week && segment->first_column <= column && column <= segment->last_column)
        g_ptr_array_add (day, segment);
    }
  return day;
}

/* How many lanes of @week a cell with room for @max_lanes lines shows. */
guint
rp_month_layout_get_shown_lanes (RpMonthLayout *self, guint week, guint max_lanes)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (week < self->n_weeks, 0);
  g_return_val_if_fail (max_lanes >= 1, 0);

  if (self->n_lanes[week] <= max_lanes)
    return self->n_lanes[week];
  return max_lanes - 1;
}

gboolean
rp_month_layout_is_shown (RpMonthLayout *self, const RpCalendarSegment *segment, guint max_lanes)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (segment != NULL, FALSE);

  return segment->lane < rp_month_layout_get_shown_lanes (self, segment->week, max_lanes);
}

/* N of the "+N more" of a cell: the pieces on its day that are not shown. */
guint
rp_month_layout_count_hidden (RpMonthLayout *self, guint week, guint column, guint max_lanes)
{
  guint shown, hidden = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (week < self->n_weeks && column < DAYS_PER_WEEK, 0);

  shown = rp_month_layout_get_shown_lanes (self, week, max_lanes);
  for (guint i = 0; i < self->segments->len; i++)
    {
      RpCalendarSegment *segment = &g_array_index (self->segments, RpCalendarSegment, i);

      if (segment->week == week && segment->lane >= shown && segment->first_column <= column &&
          column <= segment->last_column)
        hidden++;
    }
  return hidden;
}
