/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rp-entity.h"
#include "rp-release.h"
#include "rp-timeline.h"

struct _RpTimelineLayout
{
  RpSchedule *schedule;
  GArray *rows;   /* RpTimelineRow */
  GArray *arrows; /* RpTimelineArrow */
  guint32 first;
  guint32 last;
  gatomicrefcount ref_count;
};

G_DEFINE_BOXED_TYPE (RpTimelineLayout, rp_timeline_layout, rp_timeline_layout_ref, rp_timeline_layout_unref)

static const struct
{
  double pixels_per_day;
  RpTimelineUnit major;
  RpTimelineUnit minor;
  RpTimelineUnit step;
} zooms[RP_TIMELINE_N_ZOOMS] = {
  [RP_TIMELINE_ZOOM_WEEK] = { 36, RP_TIMELINE_UNIT_MONTH, RP_TIMELINE_UNIT_DAY, RP_TIMELINE_UNIT_WEEK },
  [RP_TIMELINE_ZOOM_MONTH] = { 12, RP_TIMELINE_UNIT_MONTH, RP_TIMELINE_UNIT_WEEK, RP_TIMELINE_UNIT_MONTH },
  [RP_TIMELINE_ZOOM_QUARTER] = { 3, RP_TIMELINE_UNIT_QUARTER, RP_TIMELINE_UNIT_MONTH,
                                 RP_TIMELINE_UNIT_QUARTER },
};

/* How wide a day is at @zoom, in pixels. */
double
rp_timeline_zoom_get_pixels_per_day (RpTimelineZoom zoom)
{
  g_return_val_if_fail (zoom < RP_TIMELINE_N_ZOOMS, 1);

  return zooms[zoom].pixels_per_day;
}

/**
 * rp_timeline_zoom_get_units:
 * @major: (out) (optional): the unit of the header's top row
 * @minor: (out) (optional): the unit of its bottom row
 */
void
rp_timeline_zoom_get_units (RpTimelineZoom zoom, RpTimelineUnit *major, RpTimelineUnit *minor)
{
  g_return_if_fail (zoom < RP_TIMELINE_N_ZOOMS);

  if (major != NULL)
    *major = zooms[zoom].major;
  if (minor != NULL)
    *minor = zooms[zoom].minor;
}

/* How far previous and next go at @zoom. */
RpTimelineUnit
rp_timeline_zoom_get_step (RpTimelineZoom zoom)
{
  g_return_val_if_fail (zoom < RP_TIMELINE_N_ZOOMS, RP_TIMELINE_UNIT_WEEK);

  return zooms[zoom].step;
}

static void
set_julian (GDate *date, guint32 julian)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, julian);
}

/* The first day of the @unit holding the day @julian. */
guint32
rp_timeline_unit_start (RpTimelineUnit unit, guint32 julian, GDateWeekday first_weekday)
{
  GDate date;
  GDateMonth month;

  g_return_val_if_fail (g_date_valid_julian (julian), julian);
  g_return_val_if_fail (g_date_valid_weekday (first_weekday), julian);

  set_julian (&date, julian);
  switch (unit)
    {
    case RP_TIMELINE_UNIT_DAY:
      return julian;
    case RP_TIMELINE_UNIT_WEEK:
      return MAX (1, julian - (g_date_get_weekday (&date) - first_weekday + 7) % 7);
    case RP_TIMELINE_UNIT_MONTH:
      month = g_date_get_month (&date);
      break;
    case RP_TIMELINE_UNIT_QUARTER:
      month = (g_date_get_month (&date) - 1) / 3 * 3 + 1;
      break;
    case RP_TIMELINE_UNIT_YEAR:
      month = G_DATE_JANUARY;
      break;
    default:
      g_return_val_if_reached (julian);
    }
  g_date_set_dmy (&date, 1, month, g_date_get_year (&date));
  return g_date_get_julian (&date);
}

/* The first day of the @unit after the one holding @julian. */
guint32
rp_timeline_unit_next (RpTimelineUnit unit, guint32 julian, GDateWeekday first_weekday)
{
  GDate date;

  set_julian (&date, rp_timeline_unit_start (unit, julian, first_weekday));
  switch (unit)
    {
    case RP_TIMELINE_UNIT_DAY:
      g_date_add_days (&date, 1);
      break;
    case RP_TIMELINE_UNIT_WEEK:
      g_date_add_days (&date, 7);
      break;
    case RP_TIMELINE_UNIT_MONTH:
      g_date_add_months (&date, 1);
      break;
    case RP_TIMELINE_UNIT_QUARTER:
      g_date_add_months (&date, 3);
      break;
    case RP_TIMELINE_UNIT_YEAR:
      g_date_add_years (&date, 1);
      break;
    default:
      g_return_val_if_reached (julian);
    }
  return g_date_get_julian (&date);
}

/* The first day of the @unit before the one holding @julian. */
guint32
rp_timeline_unit_previous (RpTimelineUnit unit, guint32 julian, GDateWeekday first_weekday)
{
  guint32 start = rp_timeline_unit_start (unit, julian, first_weekday);

  if (start <= 1)
    return start;
  return rp_timeline_unit_start (unit, start - 1, first_weekday);
}

/**
 * rp_timeline_get_ticks:
 *
 * Returns: (transfer full) (element-type guint32): the first days of the
 * @units that start between @first and @last (both included), in order
 */
GArray *
rp_timeline_get_ticks (RpTimelineUnit unit, GDateWeekday first_weekday, guint32 first, guint32 last)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 day;

  g_return_val_if_fail (g_date_valid_julian (first), ticks);

  day = rp_timeline_unit_start (unit, first, first_weekday);
  if (day < first)
    day = rp_timeline_unit_next (unit, day, first_weekday);
  for (; day <= last; day = rp_timeline_unit_next (unit, day, first_weekday))
    g_array_append_val (ticks, day);
  return ticks;
}

/* Where the day @julian starts, @origin being at 0. */
double
rp_timeline_x_for_day (guint32 origin, double pixels_per_day, guint32 julian)
{
  return ((double) julian - (double) origin) * pixels_per_day;
}

/* The day under @x (never before day 1). */
guint32
rp_timeline_day_at_x (guint32 origin, double pixels_per_day, double x)
{
  double day;

  g_return_val_if_fail (pixels_per_day > 0, origin);

  day = (double) origin + floor (x / pixels_per_day);
  return day < 1 ? 1 : (guint32) day;
}

/* How many days a drag of @offset pixels moves a date: to the nearest. */
int
rp_timeline_days_for_offset (double offset, double pixels_per_day)
{
  g_return_val_if_fail (pixels_per_day > 0, 0);

  return (int) lround (offset / pixels_per_day);
}

static guint32
first_of (RpDateRange *range)
{
  return range != NULL ? rp_date_range_get_first_julian (range) : 0;
}

static void
add_bar (RpTimelineRow *row, RpTimelineBarKind kind, guint32 first, guint32 last, gboolean open_start)
{
  RpTimelineBar bar = { kind, first, last, open_start };

  row->bars[row->n_bars++] = bar;
  if (row->first == 0 || first < row->first)
    row->first = first;
  row->last = MAX (row->last, last);
}

static void
extend (RpTimelineRow *row, guint32 day)
{
  if (day == 0)
    return;
  if (row->first == 0 || day < row->first)
    row->first = day;
  row->last = MAX (row->last, day);
}

static int
compare_bars (gconstpointer a, gconstpointer b)
{
  const RpTimelineBar *x = a;
  const RpTimelineBar *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return x->kind < y->kind ? -1 : x->kind > y->kind;
}

/* The day created_at says, or 0. */
static guint32
created_day (RpRelease *release)
{
  const char *created = rp_release_get_created_at (release);
  g_autofree char *day = NULL;
  GDate date;

  if (created == NULL || strlen (created) < 10)
    return 0;
  day = g_strndup (created, 10);
  g_date_clear (&date, 1);
  return rp_date_parse_into (day, &date) ? g_date_get_julian (&date) : 0;
}

static void
fill_row (RpTimelineRow *row, RpSchedule *schedule, guint index)
{
  RpRelease *release = rp_schedule_get_release (schedule, index);
  RpDateRange *testing = rp_schedule_get_milestone (schedule, index, RP_MILESTONE_TESTING);
  RpDateRange *buffer = rp_schedule_get_milestone (schedule, index, RP_MILESTONE_BUFFER);
  RpDateRange *monitoring = rp_schedule_get_milestone (schedule, index, RP_MILESTONE_MONITORING);
  guint32 created;

  row->index = index;
  row->id = rp_record_get_id (RP_RECORD (release));
  row->title = rp_release_get_name (release);
  row->color_index = rp_release_color_index (row->id);
  row->code_complete = first_of (rp_schedule_get_milestone (schedule, index, RP_MILESTONE_CODE_COMPLETE));
  row->deploy = first_of (rp_schedule_get_milestone (schedule, index, RP_MILESTONE_DEPLOY));
  row->deploy_warnings = rp_schedule_get_deploy_warnings (schedule, index, &row->freeze);

  if (row->code_complete != 0)
    {
      created = created_day (release);
      if (created != 0 && created < row->code_complete)
        add_bar (row, RP_TIMELINE_BAR_DEVELOPMENT, created, row->code_complete, FALSE);
      else if (row->code_complete > RP_TIMELINE_OPEN_DEVELOPMENT_DAYS)
        add_bar (row, RP_TIMELINE_BAR_DEVELOPMENT, row->code_complete - RP_TIMELINE_OPEN_DEVELOPMENT_DAYS,
                 row->code_complete, TRUE);
    }
  if (testing != NULL)
    add_bar (row, RP_TIMELINE_BAR_TESTING, rp_date_range_get_first_julian (testing),
             rp_date_range_get_last_julian (testing), FALSE);
  if (buffer != NULL)
    add_bar (row, RP_TIMELINE_BAR_BUFFER, rp_date_range_get_first_julian (buffer),
             rp_date_range_get_last_julian (buffer), FALSE);
  if (monitoring != NULL)
    add_bar (row, RP_TIMELINE_BAR_MONITORING, rp_date_range_get_first_julian (monitoring),
             rp_date_range_get_last_julian (monitoring), FALSE);
  qsort (row->bars, row->n_bars, sizeof (RpTimelineBar), compare_bars);
  extend (row, row->deploy);

  row->committed_deploy =
      first_of (rp_schedule_get_committed_milestone (schedule, index, RP_MILESTONE_DEPLOY));
  if (row->committed_deploy != 0)
    {
      row->committed_first = row->committed_deploy;
      for (RpMilestone m = RP_MILESTONE_CODE_COMPLETE; m <= RP_MILESTONE_BUFFER; m++)
        {
          guint32 day = first_of (rp_schedule_get_committed_milestone (schedule, index, m));

          if (day != 0)
            row->committed_first = MIN (row->committed_first, day);
        }
      extend (row, row->committed_first);
      extend (row, row->committed_deploy);
      row->slip_days = rp_release_get_slip_days (release);
    }
}

/* Rows by deploy day, then by first day and title; rows without a
 * deploy after them, those without any date last. */
static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const RpTimelineRow *x = a;
  const RpTimelineRow *y = b;
  int cmp;

  if ((x->deploy == 0) != (y->deploy == 0))
    return x->deploy == 0 ? 1 : -1;
  if (x->deploy != y->deploy)
    return x->deploy < y->deploy ? -1 : 1;
  if ((x->first == 0) != (y->first == 0))
    return x->first == 0 ? 1 : -1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  cmp = g_utf8_collate (x->title, y->title);
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (x->id, y->id);
}

static void
add_arrows (RpTimelineLayout *self)
{
  RpSchedule *schedule = self->schedule;
  g_autofree int *row_of = g_new (int, MAX (1, rp_schedule_get_n_releases (schedule)));

  for (guint i = 0; i < rp_schedule_get_n_releases (schedule); i++)
    row_of[i] = -1;
  for (guint i = 0; i < self->rows->len; i++)
    row_of[g_array_index (self->rows, RpTimelineRow, i).index] = i;

  for (guint i = 0; i < rp_schedule_get_n_dependencies (schedule); i++)
    {
      const RpScheduleDependency *edge = rp_schedule_get_dependency (schedule, i);
      int from = row_of[edge->depends_on];
      int to = row_of[edge->dependent];
      const RpTimelineRow *waited, *waiting;
      RpTimelineArrow arrow;

      if (from < 0 || to < 0)
        continue;
      waited = &g_array_index (self->rows, RpTimelineRow, from);
      waiting = &g_array_index (self->rows, RpTimelineRow, to);
      if (waited->deploy == 0 || waiting->deploy == 0)
        continue;
      arrow.from_row = from;
      arrow.to_row = to;
      arrow.wrong_order = waited->deploy >= waiting->deploy;
      g_array_append_val (self->arrows, arrow);
    }
}

/**
 * rp_timeline_layout_new:
 * @schedule: the releases and freezes to show
 * @active_only: leave out releases that are released or cancelled
 * @today: today's Julian day; the span always holds it
 *
 * Returns: (transfer full): the layout of the timeline
 */
RpTimelineLayout *
rp_timeline_layout_new (RpSchedule *schedule, gboolean active_only, guint32 today)
{
  RpTimelineLayout *self;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (g_date_valid_julian (today), NULL);

  self = g_new0 (RpTimelineLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->schedule = rp_schedule_ref (schedule);
  self->rows = g_array_new (FALSE, TRUE, sizeof (RpTimelineRow));
  self->arrows = g_array_new (FALSE, FALSE, sizeof (RpTimelineArrow));
  self->first = self->last = today;

  for (guint i = 0; i < rp_schedule_get_n_releases (schedule); i++)
    {
      RpTimelineRow row = { 0 };

      if (active_only && !rp_schedule_is_active (schedule, i))
        continue;
      fill_row (&row, schedule, i);
      g_array_append_val (self->rows, row);
      if (row.first != 0)
        {
          self->first = MIN (self->first, row.first);
          self->last = MAX (self->last, row.last);
        }
    }
  g_array_sort (self->rows, compare_rows);
  add_arrows (self);
  return self;
}

RpTimelineLayout *
rp_timeline_layout_ref (RpTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_timeline_layout_unref (RpTimelineLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->rows);
  g_array_unref (self->arrows);
  rp_schedule_unref (self->schedule);
  g_free (self);
}

/**
 * rp_timeline_layout_get_schedule:
 *
 * Returns: (transfer none): the schedule the layout shows
 */
RpSchedule *
rp_timeline_layout_get_schedule (RpTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->schedule;
}

guint
rp_timeline_layout_get_n_rows (RpTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

const RpTimelineRow *
rp_timeline_layout_get_row (RpTimelineLayout *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return &g_array_index (self->rows, RpTimelineRow, index);
}

/* The row of the release @release_id, or -1 (not there, or filtered out). */
int
rp_timeline_layout_find_row (RpTimelineLayout *self, const char *release_id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; release_id != NULL && i < self->rows->len; i++)
    if (g_str_equal (g_array_index (self->rows, RpTimelineRow, i).id, release_id))
      return i;
  return -1;
}

guint
rp_timeline_layout_get_n_arrows (RpTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->arrows->len;
}

const RpTimelineArrow *
rp_timeline_layout_get_arrow (RpTimelineLayout *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->arrows->len, NULL);

  return &g_array_index (self->arrows, RpTimelineArrow, index);
}

/**
 * rp_timeline_layout_get_span:
 * @first: (out) (optional): the first day a row draws on, or today
 * @last: (out) (optional): the last, or today
 */
void
rp_timeline_layout_get_span (RpTimelineLayout *self, guint32 *first, guint32 *last)
{
  g_return_if_fail (self != NULL);

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
}
