/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-core.h"
#include "test-schedule-util.h"

/* The timeline: zoom arithmetic, calendar units and ticks, rows and their
 * bars, the committed ghost and slip, dependency arrows. */

static void
test_zoom (void)
{
  RpTimelineUnit major, minor;
  double previous = G_MAXDOUBLE;

  /* Each zoom out shows more days on the same width. */
  for (RpTimelineZoom zoom = RP_TIMELINE_ZOOM_WEEK; zoom < RP_TIMELINE_N_ZOOMS; zoom++)
    {
      double ppd = rp_timeline_zoom_get_pixels_per_day (zoom);

      g_assert_cmpfloat (ppd, >, 0);
      g_assert_cmpfloat (ppd, <, previous);
      previous = ppd;
      rp_timeline_zoom_get_units (zoom, &major, &minor);
      g_assert_cmpint (major, >, minor);
    }
  g_assert_cmpfloat (rp_timeline_zoom_get_pixels_per_day (RP_TIMELINE_ZOOM_WEEK), ==, 36);
  g_assert_cmpfloat (rp_timeline_zoom_get_pixels_per_day (RP_TIMELINE_ZOOM_MONTH), ==, 12);
  g_assert_cmpfloat (rp_timeline_zoom_get_pixels_per_day (RP_TIMELINE_ZOOM_QUARTER), ==, 3);

  rp_timeline_zoom_get_units (RP_TIMELINE_ZOOM_WEEK, &major, &minor);
  g_assert_cmpint (major, ==, RP_TIMELINE_UNIT_MONTH);
  g_assert_cmpint (minor, ==, RP_TIMELINE_UNIT_DAY);
  rp_timeline_zoom_get_units (RP_TIMELINE_ZOOM_MONTH, &major, &minor);
  g_assert_cmpint (major, ==, RP_TIMELINE_UNIT_MONTH);
  g_assert_cmpint (minor, ==, RP_TIMELINE_UNIT_WEEK);
  rp_timeline_zoom_get_units (RP_TIMELINE_ZOOM_QUARTER, &major, &minor);
  g_assert_cmpint (major, ==, RP_TIMELINE_UNIT_QUARTER);
  g_assert_cmpint (minor, ==, RP_TIMELINE_UNIT_MONTH);
  g_assert_cmpint (rp_timeline_zoom_get_step (RP_TIMELINE_ZOOM_WEEK), ==, RP_TIMELINE_UNIT_WEEK);
  g_assert_cmpint (rp_timeline_zoom_get_step (RP_TIMELINE_ZOOM_QUARTER), ==, RP_TIMELINE_UNIT_QUARTER);
}

static void
test_pixels (void)
{
  guint32 origin = test_julian ("2026-12-01");

  g_assert_cmpfloat (rp_timeline_x_for_day (origin, 36, origin), ==, 0);
  g_assert_cmpfloat (rp_timeline_x_for_day (origin, 36, test_julian ("2026-12-09")), ==, 8 * 36);
  g_assert_cmpfloat (rp_timeline_x_for_day (origin, 12, test_julian ("2026-11-30")), ==, -12);

  /* The day under a pixel: a day covers [x, x + width). */
  g_assert_cmpuint (rp_timeline_day_at_x (origin, 36, 0), ==, origin);
  g_assert_cmpuint (rp_timeline_day_at_x (origin, 36, 35.9), ==, origin);
  g_assert_cmpuint (rp_timeline_day_at_x (origin, 36, 36), ==, origin + 1);
  g_assert_cmpuint (rp_timeline_day_at_x (origin, 36, -0.5), ==, origin - 1);
  g_assert_cmpuint (rp_timeline_day_at_x (origin, 3, 3 * 31), ==, test_julian ("2027-01-01"));
  for (guint32 day = origin - 40; day < origin + 400; day += 7)
    g_assert_cmpuint (rp_timeline_day_at_x (origin, 12, rp_timeline_x_for_day (origin, 12, day)), ==, day);

  /* A drag moves a date by the nearest whole number of days. */
  g_assert_cmpint (rp_timeline_days_for_offset (0, 36), ==, 0);
  g_assert_cmpint (rp_timeline_days_for_offset (17.9, 36), ==, 0);
  g_assert_cmpint (rp_timeline_days_for_offset (18, 36), ==, 1);
  g_assert_cmpint (rp_timeline_days_for_offset (100, 36), ==, 3);
  g_assert_cmpint (rp_timeline_days_for_offset (-18, 36), ==, -1);
  g_assert_cmpint (rp_timeline_days_for_offset (-100, 12), ==, -8);
  g_assert_cmpint (rp_timeline_days_for_offset (7, 3), ==, 2);
}

typedef struct
{
  RpTimelineUnit unit;
  GDateWeekday first_weekday;
  const char *day;
  const char *start;
  const char *next;
  const char *previous;
} UnitCase;

static const UnitCase unit_cases[] = {
  { RP_TIMELINE_UNIT_DAY, G_DATE_MONDAY, "2026-12-31", "2026-12-31", "2027-01-01", "2026-12-30" },
  { RP_TIMELINE_UNIT_WEEK, G_DATE_MONDAY, "2026-12-02", "2026-11-30", "2026-12-07", "2026-11-23" },
  { RP_TIMELINE_UNIT_WEEK, G_DATE_MONDAY, "2026-11-30", "2026-11-30", "2026-12-07", "2026-11-23" },
  { RP_TIMELINE_UNIT_WEEK, G_DATE_SUNDAY, "2026-12-02", "2026-11-29", "2026-12-06", "2026-11-22" },
  { RP_TIMELINE_UNIT_WEEK, G_DATE_SUNDAY, "2027-01-02", "2026-12-27", "2027-01-03", "2026-12-20" },
  { RP_TIMELINE_UNIT_MONTH, G_DATE_MONDAY, "2026-12-31", "2026-12-01", "2027-01-01", "2026-11-01" },
  { RP_TIMELINE_UNIT_MONTH, G_DATE_MONDAY, "2028-02-29", "2028-02-01", "2028-03-01", "2028-01-01" },
  { RP_TIMELINE_UNIT_MONTH, G_DATE_MONDAY, "2026-01-15", "2026-01-01", "2026-02-01", "2025-12-01" },
  { RP_TIMELINE_UNIT_QUARTER, G_DATE_MONDAY, "2026-12-02", "2026-10-01", "2027-01-01", "2026-07-01" },
  { RP_TIMELINE_UNIT_QUARTER, G_DATE_MONDAY, "2027-03-31", "2027-01-01", "2027-04-01", "2026-10-01" },
  { RP_TIMELINE_UNIT_YEAR, G_DATE_MONDAY, "2028-02-29", "2028-01-01", "2029-01-01", "2027-01-01" },
};

static void
test_units (gconstpointer data)
{
  const UnitCase *c = data;
  guint32 day = test_julian (c->day);

  g_assert_cmpuint (rp_timeline_unit_start (c->unit, day, c->first_weekday), ==, test_julian (c->start));
  g_assert_cmpuint (rp_timeline_unit_next (c->unit, day, c->first_weekday), ==, test_julian (c->next));
  g_assert_cmpuint (rp_timeline_unit_previous (c->unit, day, c->first_weekday), ==,
                    test_julian (c->previous));
}

static void
assert_ticks (RpTimelineUnit unit, GDateWeekday first_weekday, const char *first, const char *last,
              const char *const *expected)
{
  g_autoptr (GArray) ticks =
      rp_timeline_get_ticks (unit, first_weekday, test_julian (first), test_julian (last));
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (ticks->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (ticks, guint32, i), ==, test_julian (expected[i]));
}

static void
test_ticks (void)
{
  const char *const months[] = { "2026-12-01", "2027-01-01", "2027-02-01", NULL };
  const char *const from_first[] = { "2026-12-01", "2027-01-01", NULL };
  const char *const weeks[] = { "2026-12-07", "2026-12-14", "2026-12-21", NULL };
  const char *const quarters[] = {
    "2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01", "2028-01-01", NULL
  };
  const char *const days[] = { "2028-02-28", "2028-02-29", "2028-03-01", NULL };
  const char *const none[] = { NULL };

  assert_ticks (RP_TIMELINE_UNIT_MONTH, G_DATE_MONDAY, "2026-11-15", "2027-02-10", months);
  /* A tick on the first or the last day is in. */
  assert_ticks (RP_TIMELINE_UNIT_MONTH, G_DATE_MONDAY, "2026-12-01", "2027-01-01", from_first);
  assert_ticks (RP_TIMELINE_UNIT_WEEK, G_DATE_MONDAY, "2026-12-02", "2026-12-21", weeks);
  assert_ticks (RP_TIMELINE_UNIT_QUARTER, G_DATE_MONDAY, "2026-12-02", "2028-01-01", quarters);
  assert_ticks (RP_TIMELINE_UNIT_DAY, G_DATE_MONDAY, "2028-02-28", "2028-03-01", days);
  assert_ticks (RP_TIMELINE_UNIT_MONTH, G_DATE_MONDAY, "2026-12-02", "2026-12-31", none);
}

static const RpTimelineRow *
row_of (RpTimelineLayout *layout, const char *id)
{
  int row = rp_timeline_layout_find_row (layout, id);

  g_assert_cmpint (row, >=, 0);
  return rp_timeline_layout_get_row (layout, row);
}

static void
assert_bar (const RpTimelineBar *bar, RpTimelineBarKind kind, const char *first, const char *last,
            gboolean open_start)
{
  g_assert_cmpint (bar->kind, ==, kind);
  g_assert_cmpuint (bar->first, ==, test_julian (first));
  g_assert_cmpuint (bar->last, ==, test_julian (last));
  g_assert_cmpint (bar->open_start, ==, open_start);
}

/* The sample plan's Mobile app 5.0, created in May: every bar. */
static void
test_row_bars (void)
{
  g_autoptr (RpRelease) mobile = test_release_new ("mobile", "Mobile app 5.0", "2026-11-20", "2026-11-23",
                                                   "2026-12-04", "2026-12-09", 2, 72);
  g_autoptr (RpRelease) late =
      test_release_new ("late", "Typed in late", "2026-11-20", NULL, NULL, NULL, 2, 24);
  g_autoptr (GPtrArray) releases = g_ptr_array_new ();
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (RpTimelineLayout) layout = NULL;
  const RpTimelineRow *row;
  guint32 first, last;

  rp_record_set_string (RP_RECORD (mobile), "created_at", "2026-05-04T09:30:00Z");
  rp_record_set_string (RP_RECORD (late), "created_at", "2026-12-02T08:00:00Z");
  g_ptr_array_add (releases, mobile);
  g_ptr_array_add (releases, late);
  schedule = rp_schedule_new (releases, NULL, NULL, NULL);
  layout = rp_timeline_layout_new (schedule, TRUE, test_julian ("2026-12-02"));

  row = row_of (layout, "mobile");
  g_assert_cmpstr (row->title, ==, "Mobile app 5.0");
  g_assert_cmpuint (row->color_index, ==, rp_release_color_index ("mobile"));
  g_assert_cmpuint (row->n_bars, ==, 4);
  assert_bar (&row->bars[0], RP_TIMELINE_BAR_DEVELOPMENT, "2026-05-04", "2026-11-20", FALSE);
  assert_bar (&row->bars[1], RP_TIMELINE_BAR_TESTING, "2026-11-23", "2026-12-04", FALSE);
  assert_bar (&row->bars[2], RP_TIMELINE_BAR_BUFFER, "2026-12-07", "2026-12-08", FALSE);
  assert_bar (&row->bars[3], RP_TIMELINE_BAR_MONITORING, "2026-12-09", "2026-12-12", FALSE);
  g_assert_cmpuint (row->code_complete, ==, test_julian ("2026-11-20"));
  g_assert_cmpuint (row->deploy, ==, test_julian ("2026-12-09"));
  g_assert_cmpuint (row->first, ==, test_julian ("2026-05-04"));
  g_assert_cmpuint (row->last, ==, test_julian ("2026-12-12"));
  g_assert_cmpuint (row->committed_deploy, ==, 0);
  g_assert_cmpint (row->slip_days, ==, 0);

  /* Created after its code complete: development of unknown start. */
  row = row_of (layout, "late");
  g_assert_cmpuint (row->n_bars, ==, 1);
  assert_bar (&row->bars[0], RP_TIMELINE_BAR_DEVELOPMENT, "2026-11-06", "2026-11-20", TRUE);
  g_assert_cmpuint (row->deploy, ==, 0);

  /* The span holds every row and today. */
  rp_timeline_layout_get_span (layout, &first, &last);
  g_assert_cmpuint (first, ==, test_julian ("2026-05-04"));
  g_assert_cmpuint (last, ==, test_julian ("2026-12-12"));
}

/* Rows by deploy day; released and cancelled ones only with "all". */
static void
test_rows (void)
{
  g_autoptr (GPtrArray) releases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (RpTimelineLayout) active = NULL;
  g_autoptr (RpTimelineLayout) all = NULL;
  g_autoptr (RpTimelineLayout) empty = NULL;
  const char *const active_order[] = { "search", "mobile", "payments", "no-deploy", "no-dates" };
  const char *const all_order[] = { "checkout", "search",    "cancelled", "mobile",
                                    "payments", "no-deploy", "no-dates" };
  guint32 first, last;

  g_ptr_array_add (releases, test_release_new ("payments", "Payments", "2027-01-20", "2027-01-21",
                                               "2027-02-03", "2027-02-09", 3, 48));
  g_ptr_array_add (releases, test_release_new ("no-dates", "Without dates", NULL, NULL, NULL, NULL, 2, 24));
  g_ptr_array_add (releases, test_release_new ("mobile", "Mobile", "2026-11-20", "2026-11-23", "2026-12-04",
                                               "2026-12-09", 2, 72));
  g_ptr_array_add (releases, test_release_new ("checkout", "Checkout", "2026-10-09", "2026-10-12",
                                               "2026-10-22", "2026-10-27", 2, 24));
  g_ptr_array_add (releases, test_release_new ("no-deploy", "Without a deploy", NULL, "2027-03-01",
                                               "2027-03-05", NULL, 2, 24));
  g_ptr_array_add (releases, test_release_new ("search", "Search", "2026-11-06", "2026-11-09", "2026-11-20",
                                               "2026-11-25", 2, 48));
  g_ptr_array_add (releases,
                   test_release_new ("cancelled", "Cancelled", NULL, NULL, NULL, "2026-12-01", 0, 0));
  rp_record_set_string (releases->pdata[3], "status", "released");
  rp_record_set_string (releases->pdata[6], "status", "cancelled");
  schedule = rp_schedule_new (releases, NULL, NULL, NULL);

  active = rp_timeline_layout_new (schedule, TRUE, test_julian ("2026-12-02"));
  g_assert_cmpuint (rp_timeline_layout_get_n_rows (active), ==, G_N_ELEMENTS (active_order));
  for (guint i = 0; i < G_N_ELEMENTS (active_order); i++)
    g_assert_cmpstr (rp_timeline_layout_get_row (active, i)->id, ==, active_order[i]);
  g_assert_cmpint (rp_timeline_layout_find_row (active, "checkout"), ==, -1);
  g_assert_cmpuint (rp_timeline_layout_get_row (active, 4)->n_bars, ==, 0);
  g_assert_cmpuint (rp_timeline_layout_get_row (active, 4)->first, ==, 0);

  all = rp_timeline_layout_new (schedule, FALSE, test_julian ("2026-12-02"));
  g_assert_cmpuint (rp_timeline_layout_get_n_rows (all), ==, G_N_ELEMENTS (all_order));
  for (guint i = 0; i < G_N_ELEMENTS (all_order); i++)
    g_assert_cmpstr (rp_timeline_layout_get_row (all, i)->id, ==, all_order[i]);
  rp_timeline_layout_get_span (all, &first, &last);
  g_assert_cmpuint (first, ==, test_julian ("2026-09-25")); /* Checkout's open development */
  g_assert_cmpuint (last, ==, test_julian ("2027-03-05"));

  /* Nothing to show: the span is today. */
  g_ptr_array_set_size (releases, 0);
  g_clear_pointer (&schedule, rp_schedule_unref);
  schedule = rp_schedule_new (releases, NULL, NULL, NULL);
  empty = rp_timeline_layout_new (schedule, FALSE, test_julian ("2026-12-02"));
  g_assert_cmpuint (rp_timeline_layout_get_n_rows (empty), ==, 0);
  rp_timeline_layout_get_span (empty, &first, &last);
  g_assert_cmpuint (first, ==, test_julian ("2026-12-02"));
  g_assert_cmpuint (last, ==, test_julian ("2026-12-02"));
}

typedef struct
{
  const char *waited_deploy;  /* the release depended on */
  const char *waiting_deploy; /* the one that waits */
  gboolean wrong_order;
} ArrowCase;

static const ArrowCase arrow_cases[] = {
  { "2026-11-25", "2026-12-09", FALSE },
  { "2026-12-08", "2026-12-09", FALSE },
  { "2026-12-09", "2026-12-09", TRUE }, /* the same day is too late */
  { "2026-12-15", "2026-12-09", TRUE },
};

static void
test_arrows (gconstpointer data)
{
  const ArrowCase *c = data;
  g_autoptr (RpRelease) search =
      test_release_new ("search", "Search", NULL, NULL, NULL, c->waited_deploy, 0, 0);
  g_autoptr (RpRelease) mobile =
      test_release_new ("mobile", "Mobile", NULL, NULL, NULL, c->waiting_deploy, 0, 0);
  g_autoptr (RpRelease) other = test_release_new ("other", "Other", NULL, NULL, NULL, "2026-12-01", 0, 0);
  g_autoptr (RpDependency) edge = test_dependency_new ("mobile", "search");
  g_autoptr (RpDependency) service = test_dependency_new ("mobile", NULL);
  g_autoptr (RpDependency) on_other = test_dependency_new ("other", "search");
  g_autoptr (GPtrArray) releases = g_ptr_array_new ();
  g_autoptr (GPtrArray) dependencies = g_ptr_array_new ();
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (RpTimelineLayout) all = NULL;
  g_autoptr (RpTimelineLayout) active = NULL;
  const RpTimelineArrow *arrow;

  rp_record_set_string (RP_RECORD (service), "kind", "service");
  rp_record_set_string (RP_RECORD (other), "status", "released");
  g_ptr_array_add (releases, mobile);
  g_ptr_array_add (releases, search);
  g_ptr_array_add (releases, other);
  g_ptr_array_add (dependencies, edge);
  g_ptr_array_add (dependencies, service);
  g_ptr_array_add (dependencies, on_other);
  schedule = rp_schedule_new (releases, NULL, dependencies, NULL);
  /* The service dependency is no edge; the two on Search are. */
  g_assert_cmpuint (rp_schedule_get_n_dependencies (schedule), ==, 2);
  g_assert_cmpuint (rp_schedule_get_dependency (schedule, 0)->dependent, ==, 0);
  g_assert_cmpuint (rp_schedule_get_dependency (schedule, 0)->depends_on, ==, 1);

  all = rp_timeline_layout_new (schedule, FALSE, test_julian ("2026-12-02"));
  g_assert_cmpuint (rp_timeline_layout_get_n_arrows (all), ==, 2);
  arrow = rp_timeline_layout_get_arrow (all, 0);
  g_assert_cmpuint (arrow->from_row, ==, rp_timeline_layout_find_row (all, "search"));
  g_assert_cmpuint (arrow->to_row, ==, rp_timeline_layout_find_row (all, "mobile"));
  g_assert_cmpint (arrow->wrong_order, ==, c->wrong_order);

  /* A released release is not on the active timeline, nor its arrows. */
  active = rp_timeline_layout_new (schedule, TRUE, test_julian ("2026-12-02"));
  g_assert_cmpuint (rp_timeline_layout_get_n_arrows (active), ==, 1);
  g_assert_cmpuint (rp_timeline_layout_get_arrow (active, 0)->to_row, ==,
                    rp_timeline_layout_find_row (active, "mobile"));
}

/* Committed dates: the ghost from the first committed date to the
 * committed deploy, and the slip. */
static void
test_committed (void)
{
  g_autoptr (RpRelease) release =
      test_release_new ("r", "Payments", "2027-01-22", "2027-01-25", "2027-02-05", "2027-02-11", 3, 48);
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (RpTimelineLayout) layout = NULL;
  const RpTimelineRow *row;

  rp_record_set_string (RP_RECORD (release), "committed_code_complete", "2027-01-20");
  rp_record_set_string (RP_RECORD (release), "committed_testing_start", "2027-01-21");
  rp_record_set_string (RP_RECORD (release), "committed_testing_end", "2027-02-03");
  rp_record_set_string (RP_RECORD (release), "committed_deploy", "2027-02-09");
  schedule = test_schedule_new (release, NULL, NULL);
  layout = rp_timeline_layout_new (schedule, TRUE, test_julian ("2026-12-02"));
  row = rp_timeline_layout_get_row (layout, 0);

  g_assert_cmpuint (row->committed_first, ==, test_julian ("2027-01-20"));
  g_assert_cmpuint (row->committed_deploy, ==, test_julian ("2027-02-09"));
  g_assert_cmpint (row->slip_days, ==, 2);
  /* Thursday 11 February is an allowed day. */
  g_assert_cmpint (row->deploy_warnings, ==, RP_SCHEDULE_WARNING_NONE);

  /* Earlier than committed: a negative slip. */
  rp_record_set_string (RP_RECORD (release), "deploy", "2027-02-08");
  g_clear_pointer (&layout, rp_timeline_layout_unref);
  g_clear_pointer (&schedule, rp_schedule_unref);
  schedule = test_schedule_new (release, NULL, NULL);
  layout = rp_timeline_layout_new (schedule, TRUE, test_julian ("2026-12-02"));
  g_assert_cmpint (rp_timeline_layout_get_row (layout, 0)->slip_days, ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/zoom", test_zoom);
  g_test_add_func ("/timeline/pixels", test_pixels);
  for (guint i = 0; i < G_N_ELEMENTS (unit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/timeline/units/%d/%s/from-%d", unit_cases[i].unit,
                                               unit_cases[i].day, unit_cases[i].first_weekday);

      g_test_add_data_func (path, &unit_cases[i], test_units);
    }
  g_test_add_func ("/timeline/ticks", test_ticks);
  g_test_add_func ("/timeline/row-bars", test_row_bars);
  g_test_add_func ("/timeline/rows", test_rows);
  for (guint i = 0; i < G_N_ELEMENTS (arrow_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/timeline/arrows/%s-before-%s", arrow_cases[i].waited_deploy,
                                               arrow_cases[i].waiting_deploy);

      g_test_add_data_func (path, &arrow_cases[i], test_arrows);
    }
  g_test_add_func ("/timeline/committed", test_committed);
  return g_test_run ();
}
