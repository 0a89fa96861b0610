/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-core.h"
#include "test-schedule-util.h"

/* The month grid: which days, what they are, the events on them, the
 * pieces per week, their lanes and "+N more". */

typedef struct
{
  int year;
  GDateMonth month;
  GDateWeekday first_weekday;
  const char *first_cell; /* the top left day */
  guint n_weeks;
  guint first_of_month_column;
} GridCase;

/* A month starting on every weekday, weeks from Monday and from Sunday
 * (and Saturday), a month of exactly four weeks, and a leap February. */
static const GridCase grid_cases[] = {
  { 2026, G_DATE_JUNE, G_DATE_MONDAY, "2026-06-01", 5, 0 },      /* starts on a Monday */
  { 2026, G_DATE_SEPTEMBER, G_DATE_MONDAY, "2026-08-31", 5, 1 }, /* Tuesday */
  { 2026, G_DATE_APRIL, G_DATE_MONDAY, "2026-03-30", 5, 2 },     /* Wednesday */
  { 2026, G_DATE_JANUARY, G_DATE_MONDAY, "2025-12-29", 5, 3 },   /* Thursday */
  { 2026, G_DATE_MAY, G_DATE_MONDAY, "2026-04-27", 5, 4 },       /* Friday */
  { 2026, G_DATE_AUGUST, G_DATE_MONDAY, "2026-07-27", 6, 5 },    /* Saturday */
  { 2026, G_DATE_NOVEMBER, G_DATE_MONDAY, "2026-10-26", 6, 6 },  /* Sunday */
  { 2026, G_DATE_NOVEMBER, G_DATE_SUNDAY, "2026-11-01", 5, 0 },
  { 2026, G_DATE_AUGUST, G_DATE_SUNDAY, "2026-07-26", 6, 6 },
  { 2026, G_DATE_DECEMBER, G_DATE_SUNDAY, "2026-11-29", 5, 2 },
  { 2026, G_DATE_FEBRUARY, G_DATE_SUNDAY, "2026-02-01", 4, 0 }, /* four weeks exactly */
  { 2027, G_DATE_FEBRUARY, G_DATE_MONDAY, "2027-02-01", 4, 0 },
  { 2028, G_DATE_FEBRUARY, G_DATE_MONDAY, "2028-01-31", 5, 1 }, /* leap year */
  { 2028, G_DATE_FEBRUARY, G_DATE_SATURDAY, "2028-01-29", 5, 3 },
  { 2027, G_DATE_JANUARY, G_DATE_MONDAY, "2026-12-28", 5, 4 },
};

static void
test_grid (gconstpointer data)
{
  const GridCase *c = data;
  g_autoptr (RpSchedule) schedule = test_schedule_new (NULL, NULL, NULL);
  g_autoptr (RpMonthLayout) layout = rp_month_layout_new (schedule, c->year, c->month, c->first_weekday, 0);
  guint days = g_date_get_days_in_month (c->month, c->year);
  guint n_weeks = rp_month_layout_get_n_weeks (layout);
  guint in_month = 0;
  guint week, column;
  GDate first, cell;

  g_assert_cmpuint (n_weeks, ==, c->n_weeks);
  g_assert_cmpuint (rp_month_layout_get_day (layout, 0, 0), ==, test_julian (c->first_cell));
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (rp_month_layout_get_weekday (layout, i), ==, (c->first_weekday - 1 + i) % 7 + 1);

  /* The 1st is in the first row, in its weekday's column. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, c->month, c->year);
  g_assert_true (rp_month_layout_find_day (layout, g_date_get_julian (&first), &week, &column));
  g_assert_cmpuint (week, ==, 0);
  g_assert_cmpuint (column, ==, c->first_of_month_column);

  /* Consecutive days, each in its weekday's column; every day of the
   * month is there, the days around it are not "in the month". */
  g_date_clear (&cell, 1);
  for (week = 0; week < n_weeks; week++)
    for (column = 0; column < 7; column++)
      {
        guint32 julian = rp_month_layout_get_day (layout, week, column);
        RpCalendarDayFlags flags = rp_month_layout_get_day_flags (layout, week, column);

        g_assert_cmpuint (julian, ==, rp_month_layout_get_day (layout, 0, 0) + week * 7 + column);
        g_date_set_julian (&cell, julian);
        g_assert_cmpint (g_date_get_weekday (&cell), ==, rp_month_layout_get_weekday (layout, column));
        g_assert_cmpint (!!(flags & RP_CALENDAR_DAY_IN_MONTH), ==, g_date_get_month (&cell) == c->month);
        g_assert_cmpint (!!(flags & RP_CALENDAR_DAY_WEEKEND), ==,
                         g_date_get_weekday (&cell) >= G_DATE_SATURDAY);
        in_month += (flags & RP_CALENDAR_DAY_IN_MONTH) != 0;
      }
  g_assert_cmpuint (in_month, ==, days);
  /* No row of the grid is wholly outside the month. */
  g_assert_true (rp_month_layout_get_day_flags (layout, n_weeks - 1, 0) & RP_CALENDAR_DAY_IN_MONTH);
  g_assert_false (rp_month_layout_find_day (layout, rp_month_layout_get_day (layout, 0, 0) - 1, NULL, NULL));
  g_assert_false (
      rp_month_layout_find_day (layout, rp_month_layout_get_day (layout, n_weeks - 1, 6) + 1, NULL, NULL));
}

static void
test_leap_day (void)
{
  g_autoptr (RpRelease) release = test_release_new ("r", "Leap", NULL, NULL, NULL, "2028-02-29", 0, 0);
  g_autoptr (RpSchedule) schedule = test_schedule_new (release, NULL, NULL);
  g_autoptr (RpMonthLayout) february =
      rp_month_layout_new (schedule, 2028, G_DATE_FEBRUARY, G_DATE_MONDAY, 0);
  g_autoptr (RpMonthLayout) march = rp_month_layout_new (schedule, 2028, G_DATE_MARCH, G_DATE_MONDAY, 0);
  g_autoptr (RpMonthLayout) next = rp_month_layout_new (schedule, 2029, G_DATE_FEBRUARY, G_DATE_MONDAY, 0);
  const RpCalendarSegment *segment;
  guint week, column;

  /* Tuesday 29 February 2028: the fifth row's second cell, in the month. */
  g_assert_true (rp_month_layout_find_day (february, test_julian ("2028-02-29"), &week, &column));
  g_assert_cmpuint (week, ==, 4);
  g_assert_cmpuint (column, ==, 1);
  g_assert_true (rp_month_layout_get_day_flags (february, week, column) & RP_CALENDAR_DAY_IN_MONTH);
  g_assert_cmpuint (rp_month_layout_get_day (february, 4, 2), ==, test_julian ("2028-03-01"));

  g_assert_cmpuint (rp_month_layout_get_n_segments (february), ==, 1);
  segment = rp_month_layout_get_segment (february, 0);
  g_assert_cmpint (segment->event->kind, ==, RP_CALENDAR_EVENT_DEPLOY);
  g_assert_cmpuint (segment->week, ==, 4);
  g_assert_cmpuint (segment->first_column, ==, 1);

  /* March's grid starts on Monday 28 February and shows it too, outside
   * the month. */
  g_assert_true (rp_month_layout_find_day (march, test_julian ("2028-02-29"), &week, &column));
  g_assert_cmpuint (week, ==, 0);
  g_assert_false (rp_month_layout_get_day_flags (march, week, column) & RP_CALENDAR_DAY_IN_MONTH);
  g_assert_cmpuint (rp_month_layout_get_n_segments (march), ==, 1);
  /* 2029 has no 29 February. */
  g_assert_cmpuint (rp_month_layout_get_n_segments (next), ==, 0);
  g_assert_cmpuint (rp_month_layout_get_n_weeks (next), ==, 5);
}

static const RpCalendarSegment *
find_segment (RpMonthLayout *layout, RpCalendarEventKind kind, const char *id, guint week)
{
  for (guint i = 0; i < rp_month_layout_get_n_segments (layout); i++)
    {
      const RpCalendarSegment *segment = rp_month_layout_get_segment (layout, i);

      if (segment->event->kind == kind && g_str_equal (segment->event->id, id) && segment->week == week)
        return segment;
    }
  return NULL;
}

static guint
count_segments (RpMonthLayout *layout, RpCalendarEventKind kind)
{
  guint n = 0;

  for (guint i = 0; i < rp_month_layout_get_n_segments (layout); i++)
    n += rp_month_layout_get_segment (layout, i)->event->kind == kind;
  return n;
}

static void
assert_segment (const RpCalendarSegment *segment, guint first_column, guint last_column, gboolean before,
                gboolean after)
{
  g_assert_nonnull (segment);
  g_assert_cmpuint (segment->first_column, ==, first_column);
  g_assert_cmpuint (segment->last_column, ==, last_column);
  g_assert_cmpint (segment->continues_before, ==, before);
  g_assert_cmpint (segment->continues_after, ==, after);
}

/* Mobile app 5.0 of the sample plan in December 2026, weeks from Monday:
 * the grid runs from Monday 30 November to Sunday 3 January. */
static void
test_events (void)
{
  g_autoptr (RpRelease) mobile = test_release_new ("mobile", "Mobile app 5.0", "2026-11-20", "2026-11-23",
                                                   "2026-12-04", "2026-12-09", 2, 72);
  g_autoptr (RpFreezeWindow) freeze =
      test_freeze_new ("freeze", "Year-end freeze", "2026-12-18", "2027-01-04");
  g_autoptr (RpSchedule) schedule = test_schedule_new (mobile, freeze, NULL);
  g_autoptr (RpMonthLayout) layout =
      rp_month_layout_new (schedule, 2026, G_DATE_DECEMBER, G_DATE_MONDAY, test_julian ("2026-12-02"));
  const RpCalendarSegment *segment;
  guint week, column;

  g_assert_cmpuint (rp_month_layout_get_n_weeks (layout), ==, 5);
  /* Code complete (20 November) is before the grid. */
  g_assert_cmpuint (count_segments (layout, RP_CALENDAR_EVENT_CODE_COMPLETE), ==, 0);

  /* Testing (23 November – 4 December): cut at the grid's first day. */
  segment = find_segment (layout, RP_CALENDAR_EVENT_TESTING, "mobile", 0);
  assert_segment (segment, 0, 4, TRUE, FALSE);
  g_assert_cmpuint (segment->event->first, ==, test_julian ("2026-11-23"));
  g_assert_cmpuint (segment->event->last, ==, test_julian ("2026-12-04"));
  g_assert_cmpuint (segment->event->color_index, ==, rp_release_color_index ("mobile"));
  g_assert_cmpstr (segment->event->title, ==, "Mobile app 5.0");

  /* The two buffer days (Monday and Tuesday), the deploy on Wednesday 9,
   * and the end of monitoring 72 hours later, Saturday 12. */
  assert_segment (find_segment (layout, RP_CALENDAR_EVENT_BUFFER, "mobile", 1), 0, 1, FALSE, FALSE);
  segment = find_segment (layout, RP_CALENDAR_EVENT_DEPLOY, "mobile", 1);
  assert_segment (segment, 2, 2, FALSE, FALSE);
  g_assert_cmpint (segment->event->warnings, ==, RP_SCHEDULE_WARNING_NONE);
  assert_segment (find_segment (layout, RP_CALENDAR_EVENT_MONITORING_END, "mobile", 1), 5, 5, FALSE, FALSE);

  /* The freeze from Friday 18 over three rows, cut at the grid's end. */
  assert_segment (find_segment (layout, RP_CALENDAR_EVENT_FREEZE, "freeze", 2), 4, 6, FALSE, TRUE);
  assert_segment (find_segment (layout, RP_CALENDAR_EVENT_FREEZE, "freeze", 3), 0, 6, TRUE, TRUE);
  assert_segment (find_segment (layout, RP_CALENDAR_EVENT_FREEZE, "freeze", 4), 0, 6, TRUE, TRUE);
  g_assert_cmpuint (count_segments (layout, RP_CALENDAR_EVENT_FREEZE), ==, 3);
  g_assert_cmpstr (find_segment (layout, RP_CALENDAR_EVENT_FREEZE, "freeze", 2)->event->title, ==,
                   "Year-end freeze");
  g_assert_cmpuint (rp_month_layout_get_n_events (layout), ==, 5);

  /* Today, and the freeze's days. */
  g_assert_true (rp_month_layout_find_day (layout, test_julian ("2026-12-02"), &week, &column));
  g_assert_cmpint (rp_month_layout_get_day_flags (layout, week, column), ==,
                   RP_CALENDAR_DAY_IN_MONTH | RP_CALENDAR_DAY_TODAY);
  g_assert_cmpint (rp_month_layout_get_day_flags (layout, 2, 3), ==, RP_CALENDAR_DAY_IN_MONTH);
  g_assert_cmpint (rp_month_layout_get_day_flags (layout, 2, 4), ==,
                   RP_CALENDAR_DAY_IN_MONTH | RP_CALENDAR_DAY_FREEZE);
  g_assert_cmpint (rp_month_layout_get_day_freeze (layout, 2, 4), ==, 0);
  g_assert_cmpint (rp_month_layout_get_day_freeze (layout, 2, 3), ==, -1);
  g_assert_cmpint (rp_month_layout_get_day_flags (layout, 4, 6), ==,
                   RP_CALENDAR_DAY_WEEKEND | RP_CALENDAR_DAY_FREEZE);
}

/* A testing window from Monday 28 December 2026 to Tuesday 12 January
 * 2027: over a year's end, three week rows and two months. */
static void
test_span_across_months (void)
{
  g_autoptr (RpRelease) release =
      test_release_new ("r", "Winter", NULL, "2026-12-28", "2027-01-12", NULL, 0, 0);
  g_autoptr (RpSchedule) schedule = test_schedule_new (release, NULL, NULL);
  g_autoptr (RpMonthLayout) december =
      rp_month_layout_new (schedule, 2026, G_DATE_DECEMBER, G_DATE_MONDAY, 0);
  g_autoptr (RpMonthLayout) january = rp_month_layout_new (schedule, 2027, G_DATE_JANUARY, G_DATE_MONDAY, 0);
  g_autoptr (RpMonthLayout) sunday = rp_month_layout_new (schedule, 2027, G_DATE_JANUARY, G_DATE_SUNDAY, 0);

  /* December shows its first week only, going on after the grid. */
  g_assert_cmpuint (rp_month_layout_get_n_segments (december), ==, 1);
  assert_segment (find_segment (december, RP_CALENDAR_EVENT_TESTING, "r", 4), 0, 6, FALSE, TRUE);

  /* January (from Monday 28 December) shows all of it, in three rows. */
  g_assert_cmpuint (rp_month_layout_get_n_segments (january), ==, 3);
  assert_segment (find_segment (january, RP_CALENDAR_EVENT_TESTING, "r", 0), 0, 6, FALSE, TRUE);
  assert_segment (find_segment (january, RP_CALENDAR_EVENT_TESTING, "r", 1), 0, 6, TRUE, TRUE);
  assert_segment (find_segment (january, RP_CALENDAR_EVENT_TESTING, "r", 2), 0, 1, TRUE, FALSE);

  /* With weeks from Sunday the rows cut it elsewhere: the grid starts on
   * Sunday 27 December. */
  g_assert_cmpuint (rp_month_layout_get_day (sunday, 0, 0), ==, test_julian ("2026-12-27"));
  g_assert_cmpuint (rp_month_layout_get_n_segments (sunday), ==, 3);
  assert_segment (find_segment (sunday, RP_CALENDAR_EVENT_TESTING, "r", 0), 1, 6, FALSE, TRUE);
  assert_segment (find_segment (sunday, RP_CALENDAR_EVENT_TESTING, "r", 2), 0, 2, TRUE, FALSE);
}

typedef struct
{
  const char *deploy;
  const char *deploy_days; /* comma-separated, "" for none */
  RpScheduleWarnings warnings;
} WarningCase;

/* The freeze runs from Friday 18 December 2026 to Monday 4 January 2027,
 * both included. */
static const WarningCase warning_cases[] = {
  { "2026-12-17", "mon,tue,wed,thu", RP_SCHEDULE_WARNING_NONE },       /* Thursday before */
  { "2026-12-18", "mon,tue,wed,thu,fri", RP_SCHEDULE_WARNING_FREEZE }, /* its first day */
  { "2026-12-18", "mon,tue,wed,thu", RP_SCHEDULE_WARNING_FREEZE | RP_SCHEDULE_WARNING_DEPLOY_DAY },
  { "2027-01-04", "mon,tue,wed,thu", RP_SCHEDULE_WARNING_FREEZE },     /* its last day */
  { "2027-01-05", "mon,tue,wed,thu", RP_SCHEDULE_WARNING_NONE },       /* the day after */
  { "2026-12-11", "mon,tue,wed,thu", RP_SCHEDULE_WARNING_DEPLOY_DAY }, /* a Friday */
  { "2026-12-11", "fri", RP_SCHEDULE_WARNING_NONE },
  { "2026-12-13", "mon,tue,wed,thu,fri,sat", RP_SCHEDULE_WARNING_DEPLOY_DAY }, /* Sunday */
  { "2026-12-14", "", RP_SCHEDULE_WARNING_DEPLOY_DAY },
};

static void
test_deploy_warnings (gconstpointer data)
{
  const WarningCase *c = data;
  g_autoptr (RpRelease) release = test_release_new ("r", "Release", NULL, NULL, NULL, c->deploy, 2, 24);
  g_autoptr (RpFreezeWindow) freeze = test_freeze_new ("f", "Year-end freeze", "2026-12-18", "2027-01-04");
  g_auto (GStrv) days = g_strsplit (c->deploy_days, ",", -1);
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (RpMonthLayout) layout = NULL;
  g_autoptr (GPtrArray) releases = g_ptr_array_new ();
  g_autoptr (GPtrArray) freezes = g_ptr_array_new ();
  const RpCalendarSegment *deploy;
  GDate date;
  int found = 7;

  g_ptr_array_add (releases, release);
  g_ptr_array_add (freezes, freeze);
  schedule =
      rp_schedule_new (releases, freezes, NULL, *c->deploy_days == '\0' ? NULL : (const char *const *) days);
  g_assert_cmpint (rp_schedule_get_deploy_warnings (schedule, 0, &found), ==, c->warnings);
  g_assert_cmpint (found, ==, (c->warnings & RP_SCHEDULE_WARNING_FREEZE) ? 0 : -1);

  /* The calendar marks the deploy the same way. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, test_julian (c->deploy));
  layout =
      rp_month_layout_new (schedule, g_date_get_year (&date), g_date_get_month (&date), G_DATE_MONDAY, 0);
  deploy = find_segment (layout, RP_CALENDAR_EVENT_DEPLOY, "r", 0);
  for (guint week = 1; deploy == NULL && week < rp_month_layout_get_n_weeks (layout); week++)
    deploy = find_segment (layout, RP_CALENDAR_EVENT_DEPLOY, "r", week);
  g_assert_nonnull (deploy);
  g_assert_cmpint (deploy->event->warnings, ==, c->warnings);
  g_assert_cmpint (deploy->event->freeze, ==, found);
}

/* Events on the first and last day of a freeze are inside it; the cells
 * of those days are shaded, those around them not. */
static void
test_freeze_boundaries (void)
{
  g_autoptr (RpRelease) first = test_release_new ("a", "First day", "2026-12-18", NULL, NULL, NULL, 0, 0);
  g_autoptr (RpRelease) last = test_release_new ("b", "Last day", "2027-01-04", NULL, NULL, NULL, 0, 0);
  g_autoptr (RpFreezeWindow) freeze = test_freeze_new ("f", "Year-end freeze", "2026-12-18", "2027-01-04");
  g_autoptr (GPtrArray) releases = g_ptr_array_new ();
  g_autoptr (GPtrArray) freezes = g_ptr_array_new ();
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (RpMonthLayout) january = NULL;
  const char *const days[] = { "2026-12-17", "2026-12-18", "2027-01-04", "2027-01-05" };
  const gboolean inside[] = { FALSE, TRUE, TRUE, FALSE };

  g_ptr_array_add (releases, first);
  g_ptr_array_add (releases, last);
  g_ptr_array_add (freezes, freeze);
  schedule = rp_schedule_new (releases, freezes, NULL, NULL);
  january = rp_month_layout_new (schedule, 2027, G_DATE_JANUARY, G_DATE_MONDAY, 0);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (RpMonthLayout) layout = NULL;
      guint week, column;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, test_julian (days[i]));
      layout =
          rp_month_layout_new (schedule, g_date_get_year (&date), g_date_get_month (&date), G_DATE_MONDAY, 0);
      g_assert_true (rp_month_layout_find_day (layout, test_julian (days[i]), &week, &column));
      g_assert_cmpint (!!(rp_month_layout_get_day_flags (layout, week, column) & RP_CALENDAR_DAY_FREEZE), ==,
                       inside[i]);
      g_assert_cmpint (rp_schedule_find_freeze_on (schedule, test_julian (days[i])), ==, inside[i] ? 0 : -1);
    }

  /* January's grid (from 28 December) ends the freeze's piece on Monday
   * 4 January, the day of the second release's code complete. */
  assert_segment (find_segment (january, RP_CALENDAR_EVENT_FREEZE, "f", 1), 0, 0, TRUE, FALSE);
  assert_segment (find_segment (january, RP_CALENDAR_EVENT_CODE_COMPLETE, "b", 1), 0, 0, FALSE, FALSE);
  g_assert_cmpuint (find_segment (january, RP_CALENDAR_EVENT_FREEZE, "f", 1)->lane, ==, 0);
  g_assert_cmpuint (find_segment (january, RP_CALENDAR_EVENT_CODE_COMPLETE, "b", 1)->lane, ==, 1);
}

/* One week (from Monday 7 December 2026): a testing window Monday to
 * Wednesday, code complete on Monday, a deploy on Tuesday, a buffer
 * Thursday and Friday, and a span going on from the week before. */
static void
test_lanes (void)
{
  g_autoptr (RpRelease) a = test_release_new ("a", "Alpha", NULL, "2026-12-07", "2026-12-09", NULL, 0, 0);
  g_autoptr (RpRelease) b = test_release_new ("b", "Beta", "2026-12-07", NULL, NULL, "2026-12-08", 0, 0);
  g_autoptr (RpRelease) c = test_release_new ("c", "Gamma", NULL, NULL, NULL, "2026-12-12", 2, 0);
  g_autoptr (RpRelease) d = test_release_new ("d", "Delta", NULL, "2026-12-03", "2026-12-10", NULL, 0, 0);
  g_autoptr (GPtrArray) releases = g_ptr_array_new ();
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (RpMonthLayout) layout = NULL;
  g_autoptr (GPtrArray) tuesday = NULL;

  g_ptr_array_add (releases, a);
  g_ptr_array_add (releases, b);
  g_ptr_array_add (releases, c);
  g_ptr_array_add (releases, d);
  schedule = rp_schedule_new (releases, NULL, NULL, NULL);
  layout = rp_month_layout_new (schedule, 2026, G_DATE_DECEMBER, G_DATE_MONDAY, 0);

  /* Delta goes on from the week before: lane 0. Alpha is the longest of
   * those starting on Monday: lane 1, then Beta's code complete in 2;
   * on Tuesday lanes 0 and 1 are busy: Beta's deploy takes 2 as well.
   * The buffer (Thursday, Friday) finds lane 1 free after Alpha. */
  g_assert_cmpuint (find_segment (layout, RP_CALENDAR_EVENT_TESTING, "d", 1)->lane, ==, 0);
  g_assert_cmpuint (find_segment (layout, RP_CALENDAR_EVENT_TESTING, "a", 1)->lane, ==, 1);
  g_assert_cmpuint (find_segment (layout, RP_CALENDAR_EVENT_CODE_COMPLETE, "b", 1)->lane, ==, 2);
  g_assert_cmpuint (find_segment (layout, RP_CALENDAR_EVENT_DEPLOY, "b", 1)->lane, ==, 2);
  assert_segment (find_segment (layout, RP_CALENDAR_EVENT_BUFFER, "c", 1), 3, 4, FALSE, FALSE);
  g_assert_cmpuint (find_segment (layout, RP_CALENDAR_EVENT_BUFFER, "c", 1)->lane, ==, 1);
  g_assert_cmpuint (find_segment (layout, RP_CALENDAR_EVENT_DEPLOY, "c", 1)->lane, ==, 0);
  g_assert_cmpuint (rp_month_layout_get_n_lanes (layout, 1), ==, 3);
  /* Delta in the week before: lane 0 there too; other weeks are empty. */
  g_assert_cmpuint (find_segment (layout, RP_CALENDAR_EVENT_TESTING, "d", 0)->lane, ==, 0);
  g_assert_cmpuint (rp_month_layout_get_n_lanes (layout, 0), ==, 1);
  g_assert_cmpuint (rp_month_layout_get_n_lanes (layout, 2), ==, 0);

  /* Reading order: by week, then lane, then day. */
  for (guint i = 1; i < rp_month_layout_get_n_segments (layout); i++)
    {
      const RpCalendarSegment *x = rp_month_layout_get_segment (layout, i - 1);
      const RpCalendarSegment *y = rp_month_layout_get_segment (layout, i);

      g_assert_true (x->week < y->week ||
                     (x->week == y->week &&
                      (x->lane < y->lane || (x->lane == y->lane && x->first_column < y->first_column))));
    }

  /* Tuesday 8 holds Delta, Alpha and Beta's deploy, by lane. */
  tuesday = rp_month_layout_get_day_segments (layout, 1, 1);
  g_assert_cmpuint (tuesday->len, ==, 3);
  g_assert_cmpstr (((RpCalendarSegment *) tuesday->pdata[0])->event->id, ==, "d");
  g_assert_cmpstr (((RpCalendarSegment *) tuesday->pdata[1])->event->id, ==, "a");
  g_assert_cmpint (((RpCalendarSegment *) tuesday->pdata[2])->event->kind, ==, RP_CALENDAR_EVENT_DEPLOY);
}

/* Five deploys on Wednesday 9 December and one testing window over the
 * whole week: "+N more" for a cell of max_lanes lines. */
static void
test_more (void)
{
  g_autoptr (GPtrArray) releases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (RpMonthLayout) layout = NULL;
  g_autoptr (GPtrArray) wednesday = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("deploy-%u", i);

      g_ptr_array_add (releases, test_release_new (id, id, NULL, NULL, NULL, "2026-12-09", 0, 0));
    }
  g_ptr_array_add (releases, test_release_new ("long", "Long", NULL, "2026-12-07", "2026-12-13", NULL, 0, 0));
  schedule = rp_schedule_new (releases, NULL, NULL, NULL);
  layout = rp_month_layout_new (schedule, 2026, G_DATE_DECEMBER, G_DATE_MONDAY, 0);

  g_assert_cmpuint (rp_month_layout_get_n_lanes (layout, 1), ==, 6);
  g_assert_cmpuint (find_segment (layout, RP_CALENDAR_EVENT_TESTING, "long", 1)->lane, ==, 0);

  /* Room for all six: nothing hidden. */
  g_assert_cmpuint (rp_month_layout_get_shown_lanes (layout, 1, 6), ==, 6);
  g_assert_cmpuint (rp_month_layout_count_hidden (layout, 1, 2, 6), ==, 0);
  g_assert_cmpuint (rp_month_layout_get_shown_lanes (layout, 1, 10), ==, 6);

  /* Room for three lines: two lanes and "+4 more" on Wednesday; the other
   * days hide nothing, and the long span stays whole. */
  g_assert_cmpuint (rp_month_layout_get_shown_lanes (layout, 1, 3), ==, 2);
  g_assert_cmpuint (rp_month_layout_count_hidden (layout, 1, 2, 3), ==, 4);
  g_assert_cmpuint (rp_month_layout_count_hidden (layout, 1, 1, 3), ==, 0);
  g_assert_cmpuint (rp_month_layout_count_hidden (layout, 1, 6, 3), ==, 0);
  g_assert_true (
      rp_month_layout_is_shown (layout, find_segment (layout, RP_CALENDAR_EVENT_TESTING, "long", 1), 3));
  g_assert_true (
      rp_month_layout_is_shown (layout, find_segment (layout, RP_CALENDAR_EVENT_DEPLOY, "deploy-0", 1), 3));
  g_assert_false (
      rp_month_layout_is_shown (layout, find_segment (layout, RP_CALENDAR_EVENT_DEPLOY, "deploy-4", 1), 3));

  /* One line: "+6 more" on Wednesday, "+1 more" on the others. */
  g_assert_cmpuint (rp_month_layout_get_shown_lanes (layout, 1, 1), ==, 0);
  g_assert_cmpuint (rp_month_layout_count_hidden (layout, 1, 2, 1), ==, 6);
  g_assert_cmpuint (rp_month_layout_count_hidden (layout, 1, 0, 1), ==, 1);
  /* Weeks with no events have nothing to hide. */
  g_assert_cmpuint (rp_month_layout_count_hidden (layout, 0, 2, 1), ==, 0);
  wednesday = rp_month_layout_get_day_segments (layout, 1, 2);
  g_assert_cmpuint (wednesday->len, ==, 6);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (grid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/calendar/grid/%04d-%02d/from-%d", grid_cases[i].year,
                                               grid_cases[i].month, grid_cases[i].first_weekday);

      g_test_add_data_func (path, &grid_cases[i], test_grid);
    }
  g_test_add_func ("/calendar/leap-day", test_leap_day);
  g_test_add_func ("/calendar/events", test_events);
  g_test_add_func ("/calendar/span-across-months", test_span_across_months);
  for (guint i = 0; i < G_N_ELEMENTS (warning_cases); i++)
    {
      g_autofree char *path =
          g_strdup_printf ("/calendar/deploy-warnings/%s/%s", warning_cases[i].deploy,
                           *warning_cases[i].deploy_days ? warning_cases[i].deploy_days : "none");

      g_test_add_data_func (path, &warning_cases[i], test_deploy_warnings);
    }
  g_test_add_func ("/calendar/freeze-boundaries", test_freeze_boundaries);
  g_test_add_func ("/calendar/lanes", test_lanes);
  g_test_add_func ("/calendar/more", test_more);
  return g_test_run ();
}
