/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-test-core.h"
#include "test-schedule-util.h"

/* The schedule read from a store, a release's colour, and the edits the
 * timeline makes: Commit Dates and moving dates, each one undo step. */

static char *
add_release (RpStore *store, const char *name, const char *deploy)
{
  g_autoptr (RpRelease) release =
      test_release_new ("unused", name, "2027-01-20", "2027-01-21", "2027-02-03", deploy, 3, 48);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr (GError) error = NULL;

  rp_record_set_id (RP_RECORD (release), id);
  g_assert_true (rp_store_insert (store, RP_RECORD (release), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

static RpRelease *
get_release (RpStore *store, const char *id)
{
  g_autoptr (GError) error = NULL;
  RpRecord *record = rp_store_get (store, RP_ENTITY_RELEASE, id, &error);

  g_assert_no_error (error);
  return RP_RELEASE (record);
}

static void
test_from_store (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RpSchedule) sample = NULL;
  g_autoptr (RpSchedule) friday = NULL;
  int mobile, search, freeze = 0;

  g_assert_true (rp_sample_plan_load (store, &error));
  g_assert_no_error (error);
  sample = rp_schedule_new_from_store (store);

  g_assert_cmpuint (rp_schedule_get_n_releases (sample), ==, 4);
  g_assert_cmpuint (rp_schedule_get_n_freezes (sample), ==, 1);
  g_assert_cmpstr (rp_freeze_window_get_name (rp_schedule_get_freeze (sample, 0)), ==, "Year-end freeze");
  g_assert_cmpuint (rp_date_range_get_first_julian (rp_schedule_get_freeze_days (sample, 0)), ==,
                    test_julian ("2026-12-18"));

  /* Mobile app 5.0 waits for Search relevance v4. */
  mobile = rp_schedule_find_release (sample, "938bae14-a74b-5866-8aa4-41878e03e181");
  search = rp_schedule_find_release (sample, "dc30d1f7-5301-58c0-8a3b-cdc4e2be671b");
  g_assert_cmpint (mobile, >=, 0);
  g_assert_cmpint (search, >=, 0);
  g_assert_cmpint (rp_schedule_find_release (sample, "nope"), ==, -1);
  g_assert_cmpuint (rp_schedule_get_n_dependencies (sample), ==, 1);
  g_assert_cmpuint (rp_schedule_get_dependency (sample, 0)->dependent, ==, mobile);
  g_assert_cmpuint (rp_schedule_get_dependency (sample, 0)->depends_on, ==, search);
  g_assert_cmpuint (rp_date_range_get_first_julian (
                        rp_schedule_get_milestone (sample, mobile, RP_MILESTONE_DEPLOY)),
                    ==, test_julian ("2026-12-09"));
  g_assert_true (rp_schedule_is_active (sample, mobile));

  /* Every deploy of the sample falls on an allowed day, outside the freeze. */
  for (guint i = 0; i < rp_schedule_get_n_releases (sample); i++)
    g_assert_cmpint (rp_schedule_get_deploy_warnings (sample, i, NULL), ==, RP_SCHEDULE_WARNING_NONE);

  /* The deploy-days setting comes along: Wednesday no more. */
  g_assert_true (rp_store_set_setting (store, "deploy_days", "mon,tue,thu", &error));
  friday = rp_schedule_new_from_store (store);
  g_assert_cmpint (rp_schedule_get_deploy_warnings (friday, mobile, &freeze), ==,
                   RP_SCHEDULE_WARNING_DEPLOY_DAY);
  g_assert_cmpint (freeze, ==, -1);
  g_assert_false (rp_schedule_allows_deploy_on (friday, test_julian ("2026-12-09")));
  g_assert_true (rp_schedule_allows_deploy_on (friday, test_julian ("2026-12-10")));
}

static void
test_color_index (void)
{
  const char *const sample[] = { "63689aa3-9ce5-532e-8fd8-bff006e832c8",
                                 "938bae14-a74b-5866-8aa4-41878e03e181",
                                 "dc30d1f7-5301-58c0-8a3b-cdc4e2be671b",
                                 "40337efe-87d1-5cbc-9560-d1ff57cdd469" };
  guint seen = 0;
  guint used[RP_RELEASE_N_COLORS] = { 0 };

  /* Fixed values: the colour of a release must not change between runs,
   * machines or versions. */
  g_assert_cmpuint (rp_release_color_index (sample[0]), ==, 6);
  g_assert_cmpuint (rp_release_color_index (sample[1]), ==, 2);
  g_assert_cmpuint (rp_release_color_index (sample[2]), ==, 3);
  g_assert_cmpuint (rp_release_color_index (sample[3]), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (sample); i++)
    seen |= 1 << rp_release_color_index (sample[i]);
  g_assert_cmpuint (seen, ==, (1 << 6) | (1 << 2) | (1 << 3) | (1 << 5));

  /* Random ids spread over every colour. */
  for (guint i = 0; i < 800; i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      guint color = rp_release_color_index (id);

      g_assert_cmpuint (color, <, RP_RELEASE_N_COLORS);
      used[color]++;
    }
  for (guint i = 0; i < RP_RELEASE_N_COLORS; i++)
    g_assert_cmpuint (used[i], >, 50);
}

static void
assert_dates (RpRelease *release, const char *code_complete, const char *testing_start,
              const char *testing_end, const char *deploy)
{
  g_assert_cmpstr (rp_release_get_code_complete (release), ==, code_complete);
  g_assert_cmpstr (rp_release_get_testing_start (release), ==, testing_start);
  g_assert_cmpstr (rp_release_get_testing_end (release), ==, testing_end);
  g_assert_cmpstr (rp_release_get_deploy (release), ==, deploy);
}

static void
assert_committed (RpRelease *release, const char *code_complete, const char *testing_start,
                  const char *testing_end, const char *deploy)
{
  g_assert_cmpstr (rp_release_get_committed_code_complete (release), ==, code_complete);
  g_assert_cmpstr (rp_release_get_committed_testing_start (release), ==, testing_start);
  g_assert_cmpstr (rp_release_get_committed_testing_end (release), ==, testing_end);
  g_assert_cmpstr (rp_release_get_committed_deploy (release), ==, deploy);
}

static void
test_commit_dates (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *id = add_release (store, "Payments", "2027-02-09");
  g_autofree char *undated = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 ("2026-12-02T09:15:00+01:00", NULL);
  g_autoptr (RpRelease) before = get_release (store, id);
  g_autoptr (RpRelease) committed = NULL;
  g_autoptr (RpRelease) undone = NULL;
  g_autoptr (RpRelease) slipped = NULL;
  g_autoptr (RpSchedule) schedule = NULL;
  g_autoptr (GError) error = NULL;

  assert_committed (before, NULL, NULL, NULL, NULL);
  g_assert_null (rp_release_get_committed_milestone (before, RP_MILESTONE_DEPLOY));

  g_assert_true (rp_release_commit_dates (store, id, now, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Commit dates");
  committed = get_release (store, id);
  assert_committed (committed, "2027-01-20", "2027-01-21", "2027-02-03", "2027-02-09");
  g_assert_cmpstr (rp_release_get_committed_at (committed), ==, "2026-12-02T08:15:00Z");

  /* Moving the schedule leaves the baseline: the slip shows. */
  g_assert_true (rp_release_shift_dates (store, id, RP_RELEASE_SHIFT_DEPLOY, 3, &error));
  slipped = get_release (store, id);
  assert_committed (slipped, "2027-01-20", "2027-01-21", "2027-02-03", "2027-02-09");
  schedule = rp_schedule_new_from_store (store);
  {
    g_autoptr (RpTimelineLayout) layout = rp_timeline_layout_new (schedule, TRUE, test_julian ("2026-12-02"));

    g_assert_cmpint (rp_timeline_layout_get_row (layout, 0)->slip_days, ==, 3);
  }

  /* One undo each. */
  g_assert_true (rp_store_undo (store, &error));
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  undone = get_release (store, id);
  assert_committed (undone, NULL, NULL, NULL, NULL);
  g_assert_null (rp_release_get_committed_at (undone));
  assert_dates (undone, "2027-01-20", "2027-01-21", "2027-02-03", "2027-02-09");

  /* Nothing to commit to without a deploy date. */
  undated = add_release (store, "Undated", NULL);
  g_assert_false (rp_release_commit_dates (store, undated, now, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Undated"));
  g_clear_error (&error);
  g_assert_false (rp_release_commit_dates (store, "no-such-release", now, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

static void
test_shift_dates (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *id = add_release (store, "Payments", "2027-02-09");
  g_autofree char *undated = add_release (store, "Undated", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;

  /* The deploy alone, a day later. */
  g_assert_true (rp_release_shift_dates (store, id, RP_RELEASE_SHIFT_DEPLOY, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Move deploy date");
  {
    g_autoptr (RpRelease) release = get_release (store, id);

    assert_dates (release, "2027-01-20", "2027-01-21", "2027-02-03", "2027-02-10");
  }

  /* The whole schedule, thirty days earlier, over the year's end. */
  g_assert_true (rp_release_shift_dates (store, id, RP_RELEASE_SHIFT_SCHEDULE, -30, &error));
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Move schedule");
  {
    g_autoptr (RpRelease) release = get_release (store, id);

    assert_dates (release, "2026-12-21", "2026-12-22", "2027-01-04", "2027-01-11");
  }

  /* No days: nothing changes, no undo step. */
  label = g_strdup (rp_store_get_undo_label (store));
  g_assert_true (rp_release_shift_dates (store, id, RP_RELEASE_SHIFT_SCHEDULE, 0, &error));
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, label);

  g_assert_true (rp_store_undo (store, &error));
  {
    g_autoptr (RpRelease) release = get_release (store, id);

    assert_dates (release, "2027-01-20", "2027-01-21", "2027-02-03", "2027-02-10");
  }
  g_assert_true (rp_store_undo (store, &error));
  {
    g_autoptr (RpRelease) release = get_release (store, id);

    assert_dates (release, "2027-01-20", "2027-01-21", "2027-02-03", "2027-02-09");
  }

  /* Refused, and nothing written: no deploy; off the calendar. */
  g_assert_false (rp_release_shift_dates (store, undated, RP_RELEASE_SHIFT_SCHEDULE, 1, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_release_shift_dates (store, id, RP_RELEASE_SHIFT_SCHEDULE, -800000, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (RpRelease) release = get_release (store, id);

    assert_dates (release, "2027-01-20", "2027-01-21", "2027-02-03", "2027-02-09");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/schedule/from-store", test_from_store);
  g_test_add_func ("/schedule/color-index", test_color_index);
  g_test_add_func ("/release/commit-dates", test_commit_dates);
  g_test_add_func ("/release/shift-dates", test_shift_dates);
  return g_test_run ();
}
