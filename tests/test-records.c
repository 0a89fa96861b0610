/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-core.h"

/* The typed faces of RpRecord, their enums, RpDateRange and the domain
 * facts computed from them (scores, milestones). */

static RpStore *
open_store (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static GDate *
date (const char *iso)
{
  GDate *d = rp_date_parse (iso);

  g_assert_nonnull (d);
  return d;
}

/* Every entity's records are instances of its face, with one read-only
 * property per column named after it. */
static void
test_faces (gconstpointer data)
{
  RpEntity entity = GPOINTER_TO_UINT (data);
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autoptr (RpRecord) record = rp_record_new (entity);
  GType type = rp_entity_get_record_type (entity);
  GObjectClass *klass = g_type_class_ref (type);
  g_autofree char *expected_name = NULL;
  g_auto (GStrv) words = g_strsplit (info->label, " ", -1);
  g_autoptr (GString) camel = g_string_new ("Rp");

  g_assert_true (g_type_is_a (type, RP_TYPE_RECORD));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, type));
  g_assert_cmpint (rp_record_get_entity (record), ==, entity);

  for (guint i = 0; i < info->n_columns; i++)
    {
      const RpColumn *c = &info->columns[i];
      GParamSpec *pspec = g_object_class_find_property (klass, c->property);

      g_assert_nonnull (pspec);
      g_assert_true ((pspec->flags & G_PARAM_READABLE) && !(pspec->flags & G_PARAM_WRITABLE));
      g_assert_cmpstr (g_param_spec_get_name (pspec), ==, c->property);
      switch (c->type)
        {
        case RP_COLUMN_INT:
          g_assert_true (G_IS_PARAM_SPEC_INT (pspec));
          break;
        case RP_COLUMN_BOOL:
          g_assert_true (G_IS_PARAM_SPEC_BOOLEAN (pspec));
          break;
        case RP_COLUMN_ENUM:
          g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
          /* nick == the stored string, value == its index in values[] */
          for (guint v = 0; c->values[v] != NULL; v++)
            {
              g_autoptr (GEnumClass) enum_class = g_type_class_ref (c->enum_type ());
              GEnumValue *value = g_enum_get_value (enum_class, v);

              g_assert_nonnull (value);
              g_assert_cmpstr (value->value_nick, ==, c->values[v]);
            }
          break;
        default:
          g_assert_true (G_IS_PARAM_SPEC_STRING (pspec));
          break;
        }
    }
  g_object_get (record, "id", &expected_name, NULL);
  g_assert_cmpstr (expected_name, ==, rp_record_get_id (record));

  /* The face's name comes from the entity: "scope item" -> RpScopeItem. */
  if (entity == RP_ENTITY_CRITERION)
    g_string_append (camel, "Criterion");
  else
    for (guint i = 0; words[i] != NULL; i++)
      {
        g_string_append_unichar (camel, g_unichar_toupper (g_utf8_get_char (words[i])));
        g_string_append (camel, g_utf8_next_char (words[i]));
      }
  g_assert_cmpstr (g_type_name (type), ==, camel->str);
  g_type_class_unref (klass);
}

/* What the store reads back comes as the face, and getters, properties
 * and the by-name functions agree. */
static void
test_getters (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) read = NULL;
  g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);
  g_autoptr (RpRecord) risk_read = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *timezone = NULL;
  RpReleaseStatus status;
  int buffer;
  GDate deploy;

  rp_record_set_string (release, "name", "Payments");
  rp_record_set_string (release, "status", "testing");
  rp_record_set_string (release, "deploy", "2026-12-10");
  rp_record_set_string (release, "window_timezone", "Europe/Berlin");
  rp_record_set_int (release, "buffer_days", 3);
  g_assert_true (rp_store_insert (store, release, &error));
  g_assert_no_error (error);

  read = rp_store_get (store, RP_ENTITY_RELEASE, rp_record_get_id (release), &error);
  g_assert_no_error (error);
  g_assert_true (RP_IS_RELEASE (read));
  g_assert_cmpstr (rp_release_get_name (RP_RELEASE (read)), ==, "Payments");
  g_assert_cmpint (rp_release_get_status (RP_RELEASE (read)), ==, RP_RELEASE_STATUS_TESTING);
  g_assert_cmpstr (rp_release_get_window_timezone (RP_RELEASE (read)), ==, "Europe/Berlin");
  g_assert_null (rp_release_get_version (RP_RELEASE (read)));
  g_assert_cmpint (rp_release_get_buffer_days (RP_RELEASE (read)), ==, 3);
  g_assert_cmpint (rp_release_get_monitoring_hours (RP_RELEASE (read)), ==, 24);
  g_assert_cmpint (rp_release_get_postmortem (RP_RELEASE (read)), ==, RP_POSTMORTEM_STATE_NONE);
  g_assert_true (rp_release_get_deploy_date (RP_RELEASE (read), &deploy));
  g_assert_cmpint (g_date_get_day (&deploy), ==, 10);
  g_assert_cmpint (g_date_get_month (&deploy), ==, G_DATE_DECEMBER);
  g_assert_false (rp_release_get_code_complete_date (RP_RELEASE (read), &deploy));
  g_assert_false (g_date_valid (&deploy));

  g_assert_cmpstr (rp_record_get_label (read), ==, "Payments");
  g_object_get (read, "window-timezone", &timezone, "status", &status, "buffer-days", &buffer, NULL);
  g_assert_cmpstr (timezone, ==, "Europe/Berlin");
  g_assert_cmpint (status, ==, RP_RELEASE_STATUS_TESTING);
  g_assert_cmpint (buffer, ==, 3);

  rp_record_set_string (risk, "release_id", rp_record_get_id (release));
  rp_record_set_string (risk, "title", "PSP outage");
  rp_record_set_int (risk, "likelihood", 4);
  rp_record_set_int (risk, "impact", 5);
  g_assert_true (rp_store_insert (store, risk, &error));
  risk_read = rp_store_get (store, RP_ENTITY_RISK, rp_record_get_id (risk), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_risk_get_score (RP_RISK (risk_read)), ==, 20);
  g_assert_cmpint (rp_risk_get_level (RP_RISK (risk_read)), ==, RP_RISK_LEVEL_HIGH);
  g_assert_cmpint (rp_risk_get_status (RP_RISK (risk_read)), ==, RP_RISK_STATUS_OPEN);
  g_assert_cmpstr (rp_risk_get_release_id (RP_RISK (risk_read)), ==, rp_record_get_id (release));
  g_assert_cmpstr (rp_record_get_parent_id (risk_read), ==, rp_record_get_id (release));
  g_assert_cmpstr (rp_record_get_label (risk_read), ==, "PSP outage");
  /* An owner has no text that names it. */
  {
    g_autoptr (RpRecord) owner = rp_record_new (RP_ENTITY_OWNER);

    g_assert_null (rp_record_get_label (owner));
  }
}

static void
test_risk_levels (void)
{
  /* The bands of the heat map and of the readiness rules. */
  g_assert_cmpint (rp_risk_level_for_score (1), ==, RP_RISK_LEVEL_LOW);
  g_assert_cmpint (rp_risk_level_for_score (7), ==, RP_RISK_LEVEL_LOW);
  g_assert_cmpint (rp_risk_level_for_score (8), ==, RP_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (rp_risk_level_for_score (14), ==, RP_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (rp_risk_level_for_score (15), ==, RP_RISK_LEVEL_HIGH);
  g_assert_cmpint (rp_risk_level_for_score (25), ==, RP_RISK_LEVEL_HIGH);
}

/* Date ranges */

static void
test_range_basics (void)
{
  g_autoptr (GDate) a = date ("2026-12-18");
  g_autoptr (GDate) b = date ("2027-01-04");
  g_autoptr (GDate) inside = date ("2026-12-31");
  g_autoptr (GDate) after = date ("2027-01-05");
  g_autoptr (RpDateRange) freeze = rp_date_range_new (a, b);
  g_autoptr (RpDateRange) again = rp_date_range_parse ("2026-12-18", "2027-01-04");
  g_autoptr (RpDateRange) ref = rp_date_range_ref (freeze);
  g_autofree char *text = rp_date_range_to_string (freeze);
  GDate first, last;

  g_assert_cmpuint (rp_date_range_get_n_days (freeze), ==, 18);
  g_assert_true (rp_date_range_contains (freeze, a));
  g_assert_true (rp_date_range_contains (freeze, b));
  g_assert_true (rp_date_range_contains (freeze, inside));
  g_assert_false (rp_date_range_contains (freeze, after));
  g_assert_true (rp_date_range_equal (freeze, again));
  g_assert_true (ref == freeze);
  g_assert_cmpstr (text, ==, "2026-12-18/2027-01-04");
  rp_date_range_get_first (freeze, &first);
  rp_date_range_get_last (freeze, &last);
  g_assert_cmpint (g_date_compare (&first, a), ==, 0);
  g_assert_cmpint (g_date_compare (&last, b), ==, 0);
  g_assert_true (G_TYPE_IS_BOXED (RP_TYPE_DATE_RANGE));
}

static void
test_range_parse (void)
{
  g_autoptr (RpDateRange) day = rp_date_range_parse ("2028-02-29", "2028-02-29");
  g_autofree char *text = rp_date_range_to_string (day);

  g_assert_cmpuint (rp_date_range_get_n_days (day), ==, 1);
  g_assert_cmpstr (text, ==, "2028-02-29");
  g_assert_null (rp_date_range_parse ("2027-02-29", "2027-03-01")); /* not a leap year */
  g_assert_null (rp_date_range_parse ("2027-01-02", "2027-01-01")); /* backwards */
  g_assert_null (rp_date_range_parse (NULL, "2027-01-01"));
  g_assert_null (rp_date_range_parse ("2027-01-01", "soon"));
}

static void
test_range_overlap (void)
{
  g_autoptr (RpDateRange) december = rp_date_range_parse ("2026-12-01", "2026-12-31");
  g_autoptr (RpDateRange) new_year = rp_date_range_parse ("2026-12-31", "2027-01-02");
  g_autoptr (RpDateRange) january = rp_date_range_parse ("2027-01-01", "2027-01-31");
  g_autoptr (RpDateRange) both = rp_date_range_intersect (december, new_year);
  g_autoptr (RpDateRange) span = rp_date_range_span (december, january);
  g_autofree char *both_text = rp_date_range_to_string (both);
  g_autofree char *span_text = rp_date_range_to_string (span);

  /* Inclusive at both ends: touching on one day is an overlap, adjacent
   * months are not. */
  g_assert_true (rp_date_range_overlaps (december, new_year));
  g_assert_true (rp_date_range_overlaps (new_year, december));
  g_assert_false (rp_date_range_overlaps (december, january));
  g_assert_null (rp_date_range_intersect (december, january));
  g_assert_cmpstr (both_text, ==, "2026-12-31");
  g_assert_cmpstr (span_text, ==, "2026-12-01/2027-01-31");
  g_assert_cmpint (rp_date_range_compare (december, january), <, 0);
  g_assert_cmpint (rp_date_range_compare (january, december), >, 0);
  g_assert_cmpint (rp_date_range_compare (december, december), ==, 0);
}

/* Milestones */

static RpRelease *
release_with (const char *code_complete, const char *testing_start, const char *testing_end,
              const char *deploy, int buffer_days, int monitoring_hours)
{
  RpRecord *release = rp_record_new (RP_ENTITY_RELEASE);

  rp_record_set_string (release, "name", "Payments");
  rp_record_set_string (release, "code_complete", code_complete);
  rp_record_set_string (release, "testing_start", testing_start);
  rp_record_set_string (release, "testing_end", testing_end);
  rp_record_set_string (release, "deploy", deploy);
  rp_record_set_int (release, "buffer_days", buffer_days);
  rp_record_set_int (release, "monitoring_hours", monitoring_hours);
  return RP_RELEASE (release);
}

static void
assert_milestone (RpRelease *release, RpMilestone milestone, const char *expected)
{
  g_autoptr (RpDateRange) range = rp_release_get_milestone (release, milestone);
  g_autofree char *text = range ? rp_date_range_to_string (range) : NULL;

  g_assert_cmpstr (text, ==, expected);
}

static void
test_milestones (void)
{
  g_autoptr (RpRelease) release =
      release_with ("2026-12-01", "2026-12-02", "2026-12-07", "2026-12-10", 2, 24);
  g_autoptr (RpRelease) long_watch = release_with (NULL, NULL, NULL, "2026-12-31", 0, 49);
  g_autoptr (RpRelease) backwards = release_with ("2026-12-01", "2026-12-09", "2026-12-02", NULL, 3, 0);

  assert_milestone (release, RP_MILESTONE_CODE_COMPLETE, "2026-12-01");
  assert_milestone (release, RP_MILESTONE_TESTING, "2026-12-02/2026-12-07");
  /* The buffer is the days just before the deploy. */
  assert_milestone (release, RP_MILESTONE_BUFFER, "2026-12-08/2026-12-09");
  assert_milestone (release, RP_MILESTONE_DEPLOY, "2026-12-10");
  assert_milestone (release, RP_MILESTONE_MONITORING, "2026-12-10/2026-12-11");

  /* 49 hours of monitoring end on the third day after the deploy's,
   * across the year; no buffer, no code complete. */
  assert_milestone (long_watch, RP_MILESTONE_MONITORING, "2026-12-31/2027-01-03");
  assert_milestone (long_watch, RP_MILESTONE_BUFFER, NULL);
  assert_milestone (long_watch, RP_MILESTONE_CODE_COMPLETE, NULL);

  /* A testing window out of order has no days; no deploy, no buffer. */
  assert_milestone (backwards, RP_MILESTONE_TESTING, NULL);
  assert_milestone (backwards, RP_MILESTONE_BUFFER, NULL);
  assert_milestone (backwards, RP_MILESTONE_MONITORING, NULL);
}

static void
test_committed_milestones (void)
{
  g_autoptr (RpRelease) release =
      release_with ("2026-12-01", "2026-12-02", "2026-12-07", "2026-12-14", 2, 24);
  g_autoptr (RpDateRange) deploy = NULL;
  g_autoptr (RpDateRange) planned = rp_release_get_milestone (release, RP_MILESTONE_DEPLOY);
  g_autoptr (RpDateRange) buffer = NULL;
  g_autofree char *buffer_text = NULL;

  g_assert_null (rp_release_get_committed_milestone (release, RP_MILESTONE_DEPLOY));
  rp_record_set_string (RP_RECORD (release), "committed_deploy", "2026-12-10");
  deploy = rp_release_get_committed_milestone (release, RP_MILESTONE_DEPLOY);
  buffer = rp_release_get_committed_milestone (release, RP_MILESTONE_BUFFER);
  buffer_text = rp_date_range_to_string (buffer);
  /* Four days of slip; the buffer committed is before the committed deploy. */
  g_assert_cmpuint (rp_date_range_get_first_julian (deploy), ==,
                    rp_date_range_get_first_julian (planned) - 4);
  g_assert_cmpstr (buffer_text, ==, "2026-12-08/2026-12-09");
}

/* A new release with a template's checklist is one step to undo. */
static void
test_create (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) bad = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;
  const char *id = rp_record_get_id (release);
  RpProgress progress;

  rp_record_set_string (release, "name", "Payments");
  g_assert_true (rp_release_create (store, RP_RELEASE (release), RP_TEMPLATE_STANDARD_ID, &error));
  g_assert_no_error (error);
  rp_checklist_progress (store, id, NULL, &progress);
  g_assert_cmpuint (progress.total, ==, 17);
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 0);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CHECKLIST_ITEM), ==, 0);

  /* A refused release leaves nothing behind, and an unknown template is
   * an error that also undoes the release. */
  g_assert_false (rp_release_create (store, RP_RELEASE (bad), NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rp_record_set_string (bad, "name", "Ledger");
  g_assert_false (rp_release_create (store, RP_RELEASE (bad), "no-such-template", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 0);
  g_assert_false (rp_store_can_undo (store));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (RpEntity e = 0; e < RP_N_ENTITIES; e++)
    {
      g_autofree char *path = g_strdup_printf ("/records/face/%s", rp_entity_get_info (e)->name);
      g_test_add_data_func (path, GUINT_TO_POINTER (e), test_faces);
    }
  g_test_add_func ("/records/getters", test_getters);
  g_test_add_func ("/records/risk-levels", test_risk_levels);
  g_test_add_func ("/date-range/basics", test_range_basics);
  g_test_add_func ("/date-range/parse", test_range_parse);
  g_test_add_func ("/date-range/overlap", test_range_overlap);
  g_test_add_func ("/release/milestones", test_milestones);
  g_test_add_func ("/release/committed-milestones", test_committed_milestones);
  g_test_add_func ("/release/create", test_create);

  return g_test_run ();
}
