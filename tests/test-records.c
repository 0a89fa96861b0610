/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-core.h"

/* The typed faces of RpRecord and their enums. */

static RpStore *
open_store (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
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
  g_assert_cmpint (rp_risk_get_likelihood (RP_RISK (risk_read)), ==, 4);
  g_assert_cmpint (rp_risk_get_status (RP_RISK (risk_read)), ==, RP_RISK_STATUS_OPEN);
  g_assert_cmpstr (rp_risk_get_release_id (RP_RISK (risk_read)), ==, rp_record_get_id (release));
  g_assert_cmpstr (rp_record_get_parent_id (risk_read), ==, rp_record_get_id (release));
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

  return g_test_run ();
}
