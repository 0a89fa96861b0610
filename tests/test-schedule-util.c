/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-schedule-util.h"

guint32
test_julian (const char *iso_date)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (rp_date_parse_into (iso_date, &date));
  return g_date_get_julian (&date);
}

static void
set_or_clear (RpRecord *record, const char *column, const char *value)
{
  if (value != NULL)
    rp_record_set_string (record, column, value);
  else
    rp_record_set_null (record, column);
}

/* A release with these dates (NULL: not set) and no created_at. */
RpRelease *
test_release_new (const char *id, const char *name, const char *code_complete, const char *testing_start,
                  const char *testing_end, const char *deploy, int buffer_days, int monitoring_hours)
{
  RpRecord *release = rp_record_new_with_id (RP_ENTITY_RELEASE, id);

  rp_record_set_string (release, "name", name);
  set_or_clear (release, "code_complete", code_complete);
  set_or_clear (release, "testing_start", testing_start);
  set_or_clear (release, "testing_end", testing_end);
  set_or_clear (release, "deploy", deploy);
  rp_record_set_int (release, "buffer_days", buffer_days);
  rp_record_set_int (release, "monitoring_hours", monitoring_hours);
  g_assert_true (RP_IS_RELEASE (release));
  return RP_RELEASE (release);
}

RpFreezeWindow *
test_freeze_new (const char *id, const char *name, const char *start, const char *end)
{
  RpRecord *freeze = rp_record_new_with_id (RP_ENTITY_FREEZE_WINDOW, id);

  rp_record_set_string (freeze, "name", name);
  rp_record_set_string (freeze, "start_date", start);
  rp_record_set_string (freeze, "end_date", end);
  return RP_FREEZE_WINDOW (freeze);
}

/* @release_id waits for the release @depends_on. */
RpDependency *
test_dependency_new (const char *release_id, const char *depends_on)
{
  RpRecord *dependency = rp_record_new (RP_ENTITY_DEPENDENCY);

  rp_record_set_string (dependency, "release_id", release_id);
  rp_record_set_string (dependency, "title", "Waits");
  rp_record_set_string (dependency, "kind", "release");
  rp_record_set_string (dependency, "depends_on_release_id", depends_on);
  return RP_DEPENDENCY (dependency);
}

/* A schedule of at most one of each (NULL: none), deploys allowed Monday
 * to Thursday as by default. */
RpSchedule *
test_schedule_new (RpRelease *release, RpFreezeWindow *freeze, RpDependency *dependency)
{
  const char *const deploy_days[] = { "mon", "tue", "wed", "thu", NULL };
  g_autoptr (GPtrArray) releases = g_ptr_array_new ();
  g_autoptr (GPtrArray) freezes = g_ptr_array_new ();
  g_autoptr (GPtrArray) dependencies = g_ptr_array_new ();

  if (release != NULL)
    g_ptr_array_add (releases, release);
  if (freeze != NULL)
    g_ptr_array_add (freezes, freeze);
  if (dependency != NULL)
    g_ptr_array_add (dependencies, dependency);
  return rp_schedule_new (releases, freezes, dependencies, deploy_days);
}
