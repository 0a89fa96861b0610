/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-format-json-private.h"
#include "rp-test-core.h"

/* Ids of the sample plan that the malformed cases edit. */
#define MAYA "05736d2a-e4b3-563c-85ec-c10f65628b4c"
#define DANIEL "3e47fe3f-ce10-59c5-ba8f-e5fd37a3eef5"
#define SEARCH "dc30d1f7-5301-58c0-8a3b-cdc4e2be671b"
#define PAYMENTS "63689aa3-9ce5-532e-8fd8-bff006e832c8"

/* Each test gets its own XDG dirs (G_TEST_OPTION_ISOLATE_DIRS) and so its
 * own database. */
static RpStore *
open_store (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static char *
export_all (RpStore *store)
{
  g_autoptr (GError) error = NULL;
  char *text = rp_format_json_export (store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static char *
read_test_file (const char *dir, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, name, NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static char *
read_sample (void)
{
  return read_test_file ("../data", "sample-plan.json");
}

static void
import_ok (RpStore *store, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_format_json_import (store, text, strlen (text), &error));
  g_assert_no_error (error);
}

/* A copy of @text with the first @find replaced by @replace. */
static char *
replace_first (const char *text, const char *find, const char *replace)
{
  const char *at = strstr (text, find);
  GString *out;

  if (at == NULL)
    g_error ("“%s” is not in the text", find);
  out = g_string_new_len (text, at - text);
  g_string_append (out, replace);
  g_string_append (out, at + strlen (find));
  return g_string_free (out, FALSE);
}

/* A database with the sample plan in it, so that "unchanged" means
 * something. Made once and copied for each test: loading the plan every
 * time is slow under the sanitizers. */
static char *sample_db_dir;
static char *sample_db_export;

static RpStore *
open_sample_copy (void)
{
  g_autofree char *template_path = g_build_filename (sample_db_dir, "sample.db", NULL);
  g_autofree char *dir = g_strdup (g_get_user_data_dir ());
  g_autofree char *path = g_build_filename (dir, "plans.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  if (sample_db_export == NULL)
    {
      g_autoptr (RpStore) store = rp_store_open (template_path, &error);

      g_assert_no_error (error);
      g_assert_true (rp_sample_plan_load (store, &error));
      g_assert_no_error (error);
      sample_db_export = export_all (store);
    }
  g_file_get_contents (template_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  return open_store ("plans.db");
}

static void
remove_sample_db (void)
{
  const char *names[] = { "sample.db", "sample.db-wal", "sample.db-shm", NULL };

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_filename (sample_db_dir, names[i], NULL);
      g_remove (path);
    }
  g_rmdir (sample_db_dir);
  g_clear_pointer (&sample_db_dir, g_free);
  g_clear_pointer (&sample_db_export, g_free);
}

/* ------------------------------------------------------------------ */
/* The golden file: a plan built through the core API, every kind of row
 * and every awkward value (quotes, newlines, control characters, non-ASCII,
 * nulls, empty lists, a readiness snapshot with a fraction). */

static RpRecord *
row (RpEntity entity, const char *id, const char *parent_column, const char *parent_id)
{
  RpRecord *record = rp_record_new_with_id (entity, id);

  if (parent_column)
    rp_record_set_string (record, parent_column, parent_id);
  return record;
}

static void
insert (RpStore *store, RpRecord *record)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_insert (store, record, &error));
  g_assert_no_error (error);
  g_object_unref (record);
}

/* Not the built-in templates: their text is not these tests' business. */
static void
delete_builtin_templates (RpStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_delete (store, RP_ENTITY_TEMPLATE, RP_TEMPLATE_STANDARD_ID, &error));
  g_assert_true (rp_store_delete (store, RP_ENTITY_TEMPLATE, RP_TEMPLATE_LIFECYCLE_ID, &error));
  g_assert_no_error (error);
}

static void
build_golden_plan (RpStore *store)
{
  g_autoptr (GError) error = NULL;
  RpRecord *r;

  delete_builtin_templates (store);
  /* Stored in another order: written in week order. */
  g_assert_true (rp_store_set_setting (store, "deploy_days", "wed,tue", &error));
  g_assert_no_error (error);

  r = row (RP_ENTITY_TEMPLATE, "template-hotfix", NULL, NULL);
  rp_record_set_string (r, "name", "Hotfix");
  insert (store, r);
  r = row (RP_ENTITY_TEMPLATE_SECTION, "ts-before", "template_id", "template-hotfix");
  rp_record_set_string (r, "name", "Before");
  insert (store, r);
  r = row (RP_ENTITY_TEMPLATE_ITEM, "ti-1", "section_id", "ts-before");
  rp_record_set_string (r, "text", "Reproduce the bug on staging");
  insert (store, r);
  r = row (RP_ENTITY_TEMPLATE_ITEM, "ti-2", "section_id", "ts-before");
  rp_record_set_string (r, "text", "Write the “fix” test");
  insert (store, r);
  r = row (RP_ENTITY_TEMPLATE_SECTION, "ts-after", "template_id", "template-hotfix");
  rp_record_set_string (r, "name", "After");
  rp_record_set_bool (r, "complete_before_deploy", FALSE);
  insert (store, r);

  r = row (RP_ENTITY_PERSON, "person-ada", NULL, NULL);
  rp_record_set_string (r, "name", "Ada Lovelace");
  rp_record_set_string (r, "email", "ada@example.org");
  insert (store, r);
  r = row (RP_ENTITY_PERSON, "person-grace", NULL, NULL);
  rp_record_set_string (r, "name", "Grace Hopper");
  insert (store, r);

  r = row (RP_ENTITY_FREEZE_WINDOW, "freeze-1", NULL, NULL);
  rp_record_set_string (r, "name", "Year-end freeze");
  rp_record_set_string (r, "start_date", "2026-12-18");
  rp_record_set_string (r, "end_date", "2027-01-04");
  insert (store, r);

  r = row (RP_ENTITY_RELEASE, "release-a", NULL, NULL);
  rp_record_set_string (r, "name", "Zürich \"quoted\" release ✓");
  rp_record_set_string (r, "version", "1.0.0");
  rp_record_set_string (r, "summary", "Line one\nline two\twith a tab, a backslash \\ and a bell \x07.");
  rp_record_set_string (r, "status", "testing");
  rp_record_set_string (r, "code_complete", "2026-11-20");
  rp_record_set_string (r, "testing_start", "2026-11-23");
  rp_record_set_string (r, "testing_end", "2026-12-04");
  rp_record_set_string (r, "deploy", "2026-12-09");
  rp_record_set_string (r, "window_start", "06:00");
  rp_record_set_string (r, "window_end", "08:00");
  rp_record_set_string (r, "window_timezone", "Europe/Berlin");
  rp_record_set_int (r, "buffer_days", 3);
  rp_record_set_int (r, "monitoring_hours", 48);
  rp_record_set_string (r, "rollback_plan", "Turn the flag off.");
  rp_record_set_string (r, "released_at", "2026-12-10T07:10:00Z");
  rp_record_set_string (r, "committed_code_complete", "2026-11-18");
  rp_record_set_string (r, "committed_testing_start", "2026-11-19");
  rp_record_set_string (r, "committed_testing_end", "2026-12-01");
  rp_record_set_string (r, "committed_deploy", "2026-12-08");
  rp_record_set_string (r, "committed_at", "2026-11-02T09:30:00Z");
  rp_record_set_string (r, "postmortem", "scheduled");
  rp_record_set_string (r, "postmortem_date", "2026-12-14");
  rp_record_set_string (r, "feedback", "</script>");
  insert (store, r);
  r = row (RP_ENTITY_RELEASE, "release-b", NULL, NULL);
  rp_record_set_string (r, "name", "Bare release");
  insert (store, r);

  r = row (RP_ENTITY_OWNER, "owner-1", "release_id", "release-a");
  rp_record_set_string (r, "role", "component");
  rp_record_set_string (r, "person_id", "person-grace");
  rp_record_set_string (r, "component", "API");
  insert (store, r);
  /* A component that waits for its owner (schema 3). */
  r = row (RP_ENTITY_OWNER, "owner-5", "release_id", "release-a");
  rp_record_set_string (r, "role", "component");
  rp_record_set_string (r, "component", "Billing");
  insert (store, r);
  r = row (RP_ENTITY_OWNER, "owner-2", "release_id", "release-a");
  rp_record_set_string (r, "role", "on_call");
  rp_record_set_string (r, "person_id", "person-grace");
  insert (store, r);
  r = row (RP_ENTITY_OWNER, "owner-3", "release_id", "release-a");
  rp_record_set_string (r, "role", "release_manager");
  rp_record_set_string (r, "person_id", "person-ada");
  insert (store, r);
  r = row (RP_ENTITY_OWNER, "owner-4", "release_id", "release-a");
  rp_record_set_string (r, "role", "on_call");
  rp_record_set_string (r, "person_id", "person-ada");
  insert (store, r);

  r = row (RP_ENTITY_SCOPE_ITEM, "scope-1", "release_id", "release-a");
  rp_record_set_string (r, "title", "Passkeys");
  rp_record_set_string (r, "status", "in_progress");
  rp_record_set_string (r, "owner_id", "person-ada");
  rp_record_set_bool (r, "risky", TRUE);
  rp_record_set_string (r, "feature_flag", "passkeys");
  insert (store, r);
  r = row (RP_ENTITY_CRITERION, "ac-1", "scope_item_id", "scope-1");
  rp_record_set_string (r, "text", "Works with a hardware key");
  rp_record_set_bool (r, "met", TRUE);
  insert (store, r);
  r = row (RP_ENTITY_SCOPE_ITEM, "scope-2", "release_id", "release-a");
  rp_record_set_string (r, "title", "Docs");
  rp_record_set_string (r, "description", "Update the help pages.");
  insert (store, r);

  r = row (RP_ENTITY_DEPENDENCY, "dep-1", "release_id", "release-a");
  rp_record_set_string (r, "title", "Bare release first");
  rp_record_set_string (r, "kind", "release");
  rp_record_set_string (r, "depends_on_release_id", "release-b");
  rp_record_set_string (r, "status", "blocked");
  rp_record_set_string (r, "due", "2026-12-01");
  insert (store, r);

  r = row (RP_ENTITY_RISK, "risk-1", "release_id", "release-a");
  rp_record_set_string (r, "title", "Token loss");
  rp_record_set_int (r, "likelihood", 4);
  rp_record_set_int (r, "impact", 5);
  rp_record_set_string (r, "owner_id", "person-grace");
  insert (store, r);

  r = row (RP_ENTITY_CHECKLIST_SECTION, "cs-pre", "release_id", "release-a");
  rp_record_set_string (r, "name", "Pre-Release");
  insert (store, r);
  r = row (RP_ENTITY_CHECKLIST_SECTION, "cs-post", "release_id", "release-a");
  rp_record_set_string (r, "name", "Post-Deploy");
  rp_record_set_bool (r, "complete_before_deploy", FALSE);
  insert (store, r);
  r = row (RP_ENTITY_CHECKLIST_ITEM, "ci-1", "section_id", "cs-post");
  rp_record_set_string (r, "text", "Stakeholders notified");
  insert (store, r);
  r = row (RP_ENTITY_CHECKLIST_ITEM, "ci-2", "section_id", "cs-pre");
  rp_record_set_string (r, "text", "Staging tested and verified");
  rp_record_set_string (r, "state", "done");
  rp_record_set_string (r, "assignee_id", "person-ada");
  rp_record_set_string (r, "done_at", "2026-11-25T10:00:00Z");
  rp_record_set_string (r, "notes", "On staging-2");
  insert (store, r);
  r = row (RP_ENTITY_CHECKLIST_ITEM, "ci-3", "section_id", "cs-pre");
  rp_record_set_string (r, "text", "Release notes written");
  rp_record_set_string (r, "state", "na");
  rp_record_set_string (r, "due", "2026-12-01");
  insert (store, r);

  r = row (RP_ENTITY_ROLLOUT_STAGE, "stage-1", "release_id", "release-a");
  rp_record_set_string (r, "name", "Canary");
  rp_record_set_int (r, "percent", 5);
  rp_record_set_string (r, "status", "healthy");
  rp_record_set_string (r, "criteria", "5xx < 0.5%");
  insert (store, r);

  r = row (RP_ENTITY_FEATURE_FLAG, "flag-1", "release_id", "release-a");
  rp_record_set_string (r, "key", "passkeys");
  rp_record_set_string (r, "state", "partial");
  rp_record_set_int (r, "percent", 25);
  rp_record_set_string (r, "cleanup_due", "2027-02-01");
  insert (store, r);

  r = row (RP_ENTITY_DECISION, "decision-1", "release_id", "release-a");
  rp_record_set_string (r, "at", "2026-11-24T15:30:00Z");
  rp_record_set_string (r, "decision", "go_with_risks");
  rp_record_set_string (r, "by_id", "person-ada");
  rp_record_set_string (
      r, "readiness",
      "{\"verdict\":\"go_with_risks\",\"findings\":[{\"rule\":\"risk.no-owner\",\"severity\":"
      "\"warning\",\"message\":\"“Token loss” has no owner\",\"subject\":\"risk-1\"}],"
      "\"score\":0.1,\"count\":1,\"empty\":{},\"none\":[]}");
  insert (store, r);
  r = row (RP_ENTITY_DECISION, "decision-2", "release_id", "release-a");
  rp_record_set_string (r, "at", "2026-11-25T09:00:00Z");
  rp_record_set_string (r, "decision", "no_go");
  insert (store, r);
}

static void
test_export_golden (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *golden = NULL;

  build_golden_plan (store);
  text = export_all (store);
  if (g_getenv ("RP_UPDATE_GOLDEN"))
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plan-golden.json", NULL);
      g_autoptr (GError) error = NULL;

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
  golden = read_test_file ("data", "plan-golden.json");
  g_assert_cmpstr (text, ==, golden);

  /* The same data: the same bytes. */
  again = export_all (store);
  g_assert_cmpstr (again, ==, text);
}

static void
test_export_one_release (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (RpStore) other = open_store ("other.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *again = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *releases;

  build_golden_plan (store);
  text = rp_format_json_export (store, "release-b", &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  releases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "releases");
  g_assert_cmpuint (json_array_get_length (releases), ==, 1);
  g_assert_true (g_str_has_suffix (text, "}\n"));

  /* The file stands alone: it imports into another database. */
  delete_builtin_templates (other);
  import_ok (other, text);
  again = rp_format_json_export (other, "release-b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, text);

  missing = rp_format_json_export (store, "no-such-release", &error);
  g_assert_null (missing);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

/* Streamed, the export writes the bytes it returns, in pieces; a stream
 * that fails fails it. */
static void
test_export_stream (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) full = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *streamed = NULL;
  char small[100];

  build_golden_plan (store);
  text = export_all (store);
  g_assert_true (rp_format_json_export_to_stream (store, NULL, memory, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (memory, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (memory, NULL, &error));
  streamed = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_cmpstr (streamed, ==, text);

  full = g_memory_output_stream_new (small, sizeof small, NULL, NULL);
  g_assert_false (rp_format_json_export_to_stream (store, NULL, full, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (rp_format_json_export_to_stream (store, "no-such-release", full, NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------ */
/* Round trips */

static void
test_round_trip_golden (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autofree char *golden = read_test_file ("data", "plan-golden.json");
  g_autofree char *text = NULL;

  delete_builtin_templates (store);
  import_ok (store, golden);
  text = export_all (store);
  g_assert_cmpstr (text, ==, golden);
}

static void
test_round_trip_sample (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = read_sample ();
  g_autofree char *text = NULL;

  g_assert_true (rp_sample_plan_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 4);
  text = export_all (store);
  if (g_strcmp0 (text, sample) != 0)
    g_test_message ("data/sample-plan.json is not its own export. If the built-in templates changed, "
                    "replace its \"templates\" with those of a fresh database's export "
                    "(release-planner --db NEW.db export --format json).");
  g_assert_cmpstr (text, ==, sample);
}

/* Loading the sample into a plan that holds it adds what is missing and
 * overwrites nothing: an edited sample release keeps its edits, a deleted
 * one comes back, a changed setting stays; one undo step removes what the
 * load added; a load that finds everything there changes nothing. */
static void
test_sample_keeps_existing (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) criterion = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) releases = NULL;
  g_autofree char *gone_id = NULL;
  g_autofree char *days = NULL;
  RpImportSummary summary = { 99, 99, 99 };
  guint n_criteria, n_criteria_left;

  g_assert_true (rp_sample_plan_load_full (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.releases_added, ==, 4);
  g_assert_cmpuint (summary.releases_kept, ==, 0);

  /* Edits of the sample: a renamed release with a new criterion, a
   * release deleted, the deploy days changed. */
  release = rp_store_find_release (store, "2027.1.0", &error);
  g_assert_no_error (error);
  rp_record_set_string (release, "name", "Payments, as we planned it");
  g_assert_true (rp_store_update (store, release, &error));
  items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, rp_record_get_id (release));
  criterion = rp_record_new (RP_ENTITY_CRITERION);
  rp_record_set_string (criterion, "scope_item_id", rp_record_get_id (items->pdata[0]));
  rp_record_set_string (criterion, "text", "Added after the sample was loaded");
  rp_record_set_position (criterion, -1);
  g_assert_true (rp_store_insert (store, criterion, &error));
  n_criteria = rp_store_count (store, RP_ENTITY_CRITERION);
  releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  gone_id = g_strdup (rp_record_get_id (releases->pdata[releases->len - 1]));
  g_assert_cmpstr (gone_id, !=, rp_record_get_id (release));
  g_assert_true (rp_store_delete (store, RP_ENTITY_RELEASE, gone_id, &error));
  n_criteria_left = rp_store_count (store, RP_ENTITY_CRITERION);
  g_assert_true (rp_store_set_setting (store, "deploy_days", "mon,tue", &error));
  g_assert_no_error (error);

  /* Again: the deleted release is back, the rest as it was. */
  g_assert_true (rp_sample_plan_load_full (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.releases_added, ==, 1);
  g_assert_cmpuint (summary.releases_kept, ==, 3);
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Load sample plan");
  g_clear_object (&release);
  release = rp_store_find_release (store, "2027.1.0", &error);
  g_assert_cmpstr (rp_record_get_string (release, "name"), ==, "Payments, as we planned it");
  g_clear_object (&release);
  release = rp_store_get (store, RP_ENTITY_RELEASE, gone_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (release);
  g_clear_object (&release);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 4);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, n_criteria);
  {
    g_autoptr (RpRecord) kept =
        rp_store_get (store, RP_ENTITY_CRITERION, rp_record_get_id (criterion), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rp_record_get_string (kept, "text"), ==, "Added after the sample was loaded");
  }
  days = rp_store_get_setting (store, "deploy_days");
  g_assert_cmpstr (days, ==, "mon,tue");

  /* Undo takes back what the load added, and only that. */
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 3);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, n_criteria_left);
  g_assert_true (rp_store_redo (store, &error));
  g_assert_no_error (error);

  /* Everything there: nothing added, no undo step. */
  g_assert_true (rp_sample_plan_load_full (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.releases_added, ==, 0);
  g_assert_cmpuint (summary.releases_kept, ==, 4);
  g_assert_cmpuint (summary.rows_added, ==, 0);
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Load sample plan");
  g_assert_true (rp_store_undo (store, &error));
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 3);
}

/* The values schema 3 added to the plan file: each edit of the sample
 * imports, is stored as given, and exports as the same bytes. */
typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  const char *release; /* the release the edit is in */
  const char *column;  /* a column of it that must now be… */
  const char *value;   /* …this (NULL: NULL) */
} RoundTripCase;

static const RoundTripCase round_trip_cases[] = {
  { "released-at-timestamp", "\"released_at\": null", "\"released_at\": \"2026-11-03T07:10:00Z\"", PAYMENTS,
    "released_at", "2026-11-03T07:10:00Z" },
  { "released-at-date", "\"released_at\": null", "\"released_at\": \"2026-11-03\"", PAYMENTS, "released_at",
    "2026-11-03" },
  { "committed", "\"monitoring_hours\": 48,\n        \"committed\": null",
    "\"monitoring_hours\": 48,\n        \"committed\": {\n          \"code_complete\": \"2027-01-20\",\n"
    "          \"testing_start\": \"2027-01-21\",\n          \"testing_end\": null,\n"
    "          \"deploy\": \"2027-02-04\",\n          \"at\": \"2026-11-02T09:30:00Z\"\n        }",
    PAYMENTS, "committed_deploy", "2027-02-04" },
  { "component-owner-null",
    "\"component\": \"Payment service\",\n            \"owner\": \"14b8a3c9-41c4-5d7a-8159-4c0a81854e4b\"",
    "\"component\": \"Payment service\",\n            \"owner\": null", NULL, NULL, NULL },
};

static void
test_round_trip_case (gconstpointer data)
{
  const RoundTripCase *rt = data;
  g_autoptr (RpStore) store = open_sample_copy ();
  g_autofree char *sample = read_sample ();
  g_autofree char *edited = replace_first (sample, rt->find, rt->replace);
  g_autofree char *text = NULL;

  import_ok (store, edited);
  text = export_all (store);
  g_assert_cmpstr (text, ==, edited);
  if (rt->release != NULL)
    {
      g_autoptr (RpRecord) release = rp_store_get (store, RP_ENTITY_RELEASE, rt->release, NULL);

      g_assert_cmpstr (rp_record_get_string (release, rt->column), ==, rt->value);
    }
  else
    {
      g_autoptr (GPtrArray) owners = rp_store_list (store, RP_ENTITY_OWNER, PAYMENTS);
      RpOwner *component = NULL;

      for (guint i = 0; i < owners->len && component == NULL; i++)
        if (g_strcmp0 (rp_owner_get_component (owners->pdata[i]), "Payment service") == 0)
          component = owners->pdata[i];
      g_assert_nonnull (component);
      g_assert_null (rp_owner_get_person_id (component));
    }
}

/* A file without "committed" (written before schema 3, or by hand) keeps
 * the commitment stored; null clears it. */
static void
test_import_committed_kept (void)
{
  g_autoptr (RpStore) store = open_sample_copy ();
  g_autofree char *sample = read_sample ();
  g_autofree char *committed = replace_first (sample, round_trip_cases[2].find, round_trip_cases[2].replace);
  g_autofree char *without = replace_first (sample, round_trip_cases[2].find, "\"monitoring_hours\": 48");
  g_autofree char *text = NULL;
  g_autoptr (RpRecord) release = NULL;

  import_ok (store, committed);
  import_ok (store, without);
  text = export_all (store);
  g_assert_cmpstr (text, ==, committed);
  release = rp_store_get (store, RP_ENTITY_RELEASE, PAYMENTS, NULL);
  g_assert_cmpstr (rp_release_get_committed_code_complete (RP_RELEASE (release)), ==, "2027-01-20");
  g_assert_null (rp_release_get_committed_testing_end (RP_RELEASE (release)));
  g_assert_cmpstr (rp_release_get_committed_at (RP_RELEASE (release)), ==, "2026-11-02T09:30:00Z");

  import_ok (store, sample);
  g_clear_object (&release);
  release = rp_store_get (store, RP_ENTITY_RELEASE, PAYMENTS, NULL);
  g_assert_null (rp_release_get_committed_deploy (RP_RELEASE (release)));
  g_assert_null (rp_release_get_committed_at (RP_RELEASE (release)));
}

/* ------------------------------------------------------------------ */
/* Files written by hand: only ids, names and what changes. Each is
 * imported over the sample plan; the export must then be the sample with
 * exactly the edits listed ("PATH=JSON" sets, "-PATH" removes). */

#define PLAN_HEAD "{\"format\": \"release-planner/plan\", \"format_version\": 1, "
#define PAYMENTS_HEAD "{\"id\": \"" PAYMENTS "\", \"name\": \"Payments platform 2027.1\", "
#define SCOPE_0 "77c6d6dd-bb57-59e8-9f10-a181cc86c84c"
#define SCOPE_1 "4b0fd8d1-5f04-5f97-8d9b-eaad860bbdf5"
#define SCOPE_2 "b8e7ce76-adc9-5a7a-bee0-c3da95c0600d"
#define RISK_0 "c63c2b58-8182-55c9-aab9-3f3a6c20ead9"
#define RISK_1 "8173c282-d198-55f5-8ccb-0af33a621f56"
#define KENJI "2ad8b5ca-e460-5d10-a9e8-05d69d8c781b"

typedef struct
{
  const char *name;
  const char *file;
  const char *edits[6]; /* NULL-terminated */
} MinimalCase;

static const MinimalCase minimal_cases[] = {
  { "left-out-keeps",
    PLAN_HEAD "\"releases\": [" PAYMENTS_HEAD "\"timeline\": {\"deploy\": \"2027-02-11\"}}]}",
    { "releases[0].timeline.deploy=\"2027-02-11\"" } },
  { "null-clears",
    PLAN_HEAD "\"releases\": [" PAYMENTS_HEAD "\"summary\": null, \"timeline\": {\"deploy_window\": null}}]}",
    { "releases[0].summary=null", "releases[0].timeline.deploy_window=null" } },
  { "group-keys",
    PLAN_HEAD "\"releases\": [" PAYMENTS_HEAD "\"timeline\": {\"deploy_window\": {\"end\": \"09:00\"}},"
              " \"post_release\": {\"feedback\": \"Went well\"}}]}",
    { "releases[0].timeline.deploy_window.end=\"09:00\"",
      "releases[0].post_release.feedback=\"Went well\"" } },
  { "row-keys",
    PLAN_HEAD "\"releases\": [" PAYMENTS_HEAD "\"risks\": [{\"id\": \"" RISK_0
              "\", \"title\": \"Double capture\","
              " \"likelihood\": 4}, {\"id\": \"" RISK_1
              "\", \"title\": \"Strong customer authentication challenges lower "
              "conversion\"}]}]}",
    { "releases[0].risks[0].title=\"Double capture\"", "releases[0].risks[0].likelihood=4" } },
  { "list-empty-removes",
    PLAN_HEAD "\"releases\": [" PAYMENTS_HEAD "\"risks\": [], \"scope\": [{\"id\": \"" SCOPE_0 "\","
              " \"title\": \"Route card payments through the new provider\"}]}]}",
    { "releases[0].risks=[]", "-releases[0].scope[2]", "-releases[0].scope[1]" } },
  { "criteria-left-out-keeps",
    PLAN_HEAD "\"releases\": [" PAYMENTS_HEAD "\"scope\": [{\"id\": \"" SCOPE_0 "\", \"title\":"
              " \"Route card payments through the new provider\", \"status\": \"done\"}, {\"id\": \"" SCOPE_1
              "\", \"title\":"
              " \"SEPA direct debit at checkout\", \"acceptance_criteria\": []}, {\"id\": \"" SCOPE_2
              "\", \"title\": \"PDF receipts\"}]}]}",
    { "releases[0].scope[0].status=\"done\"", "releases[0].scope[1].acceptance_criteria=[]",
      "releases[0].scope[2].title=\"PDF receipts\"" } },
  { "owners-by-role",
    PLAN_HEAD
    "\"releases\": [" PAYMENTS_HEAD "\"owners\": {\"qa\": [], \"go_no_go\": null, \"components\":"
    " [{\"component\": \"Checkout web\"}, {\"component\": \"Payment service\", \"owner\": null}]}}]}",
    { "releases[0].owners.qa=[]", "releases[0].owners.go_no_go=null",
      "releases[0].owners.components=[{\"component\": \"Checkout web\", \"owner\": \"" KENJI "\"},"
      " {\"component\": \"Payment service\", \"owner\": null}]" } },
  { "sections-without-items",
    PLAN_HEAD "\"releases\": [" PAYMENTS_HEAD "\"checklist_sections\": [{\"name\": \"Pre-Release\"},"
              " {\"name\": \"Deploy\", \"complete_before_deploy\": true}, {\"name\": \"Post-Deploy\"}]}]}",
    { "releases[0].checklist_sections[1].complete_before_deploy=true" } },
  { "top-level-rows",
    PLAN_HEAD
    "\"people\": [{\"id\": \"" MAYA "\", \"name\": \"Maya O.\"}], \"freeze_windows\":"
    " [{\"id\": \"74c5679a-476d-57c5-9a0b-2c8d306f3e7c\", \"name\": \"Year end\", \"start\": \"2026-12-18\","
    " \"end\": \"2027-01-06\"}], \"templates\": [{\"id\": \"" RP_TEMPLATE_STANDARD_ID
    "\", \"name\": \"Standard\"}],"
    " \"settings\": {}}",
    { "people[0].name=\"Maya O.\"", "freeze_windows[0].name=\"Year end\"",
      "freeze_windows[0].end=\"2027-01-06\"", "templates[0].name=\"Standard\"" } },
};

static char *
sample_with (const char *const *edits)
{
  g_autofree char *sample = read_sample ();

  return rp_test_edit_json (sample, edits);
}

static void
test_minimal_case (gconstpointer data)
{
  const MinimalCase *mc = data;
  g_autoptr (RpStore) store = open_sample_copy ();
  g_autofree char *expected = sample_with (mc->edits);
  g_autofree char *text = NULL;

  import_ok (store, mc->file);
  text = export_all (store);
  g_assert_cmpstr (text, ==, expected);
}

/* A plan written from scratch: ids people choose, names, a few dates; the
 * rest takes the defaults, and the export keeps the ids. */
static void
test_minimal_new (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) risk = NULL;
  g_autoptr (GPtrArray) owners = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autofree char *text = NULL;
  const char *file = PLAN_HEAD
      "\"people\": [{\"id\": \"ana\", \"name\": \"Ana Lima\"}],"
      " \"freeze_windows\": [{\"id\": \"year-end\", \"name\": \"Year end\", \"start\": \"2026-12-18\", \"end\": \"2027-01-04\"}],"
      " \"releases\": [{\"id\": \"payments-2027.1\", \"name\": \"Payments 2027.1\", \"timeline\": {\"deploy\": \"2027-02-09\"},"
      "  \"owners\": {\"release_manager\": \"ana\", \"components\": [{\"component\": \"API\"}]},"
      "  \"risks\": [{\"id\": \"psp_outage\", \"title\": \"PSP outage\", \"likelihood\": 3, \"impact\": 4}],"
      "  \"checklist\": [{\"id\": \"staging\", \"section\": \"Pre-Release\", \"text\": \"Staging verified\"}]},"
      " {\"id\": \"search.v5\", \"name\": \"Search v5\"}]}";

  import_ok (store, file);
  release = rp_store_get (store, RP_ENTITY_RELEASE, "payments-2027.1", NULL);
  g_assert_nonnull (release);
  g_assert_cmpstr (rp_release_get_deploy (RP_RELEASE (release)), ==, "2027-02-09");
  g_assert_cmpint (rp_release_get_status (RP_RELEASE (release)), ==, RP_RELEASE_STATUS_PLANNING);
  g_assert_cmpint (rp_release_get_buffer_days (RP_RELEASE (release)), ==, 2);
  g_assert_cmpint (rp_release_get_monitoring_hours (RP_RELEASE (release)), ==, 24);
  g_assert_null (rp_release_get_summary (RP_RELEASE (release)));
  risk = rp_store_get (store, RP_ENTITY_RISK, "psp_outage", NULL);
  g_assert_cmpint (rp_risk_get_score (RP_RISK (risk)), ==, 12);
  g_assert_cmpint (rp_risk_get_status (RP_RISK (risk)), ==, RP_RISK_STATUS_OPEN);
  owners = rp_store_list (store, RP_ENTITY_OWNER, "payments-2027.1");
  g_assert_cmpuint (owners->len, ==, 2);
  g_assert_cmpstr (rp_owner_get_component (owners->pdata[1]), ==, "API");
  g_assert_null (rp_owner_get_person_id (owners->pdata[1]));
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, "payments-2027.1");
  g_assert_cmpuint (sections->len, ==, 1);
  g_assert_nonnull (rp_store_get (store, RP_ENTITY_RELEASE, "search.v5", NULL));
  g_object_unref (rp_store_get (store, RP_ENTITY_RELEASE, "search.v5", NULL));

  text = export_all (store);
  g_assert_nonnull (strstr (text, "\"id\": \"payments-2027.1\""));
  g_assert_nonnull (strstr (text, "\"id\": \"psp_outage\""));
  g_assert_nonnull (strstr (text, "\"id\": \"year-end\""));
}

/* Importing what is there already changes nothing and leaves no undo
 * step; the import itself is one undo step. */
static void
test_import_idempotent_one_undo_step (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *empty = export_all (store);
  g_autofree char *sample = read_sample ();
  g_autofree char *after_undo = NULL;
  g_autofree char *after_redo = NULL;

  g_assert_false (rp_store_can_undo (store));
  import_ok (store, sample);
  g_assert_true (rp_store_can_undo (store));
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Import plan");
  import_ok (store, sample);

  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  after_undo = export_all (store);
  g_assert_cmpstr (after_undo, ==, empty);
  g_assert_false (rp_store_can_undo (store));

  g_assert_true (rp_store_redo (store, &error));
  g_assert_no_error (error);
  after_redo = export_all (store);
  g_assert_cmpstr (after_redo, ==, sample);
}

/* The reader alone: the sample becomes a plan of its four releases with the
 * file's ids, and the store is only read (the writer is what changes it). */
static void
test_read_writes_nothing (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = export_all (store);
  g_autofree char *after = NULL;
  g_autofree char *sample = read_sample ();
  g_autoptr (RpJsonPlan) plan = _rp_format_json_read (store, sample, strlen (sample), &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->releases->len, ==, 4);
  for (guint i = 0; i < plan->releases->len; i++)
    found |= g_strcmp0 (rp_record_get_id (((RpJsonReleasePlan *) plan->releases->pdata[i])->record),
                        PAYMENTS) == 0;
  g_assert_true (found);
  g_assert_cmpuint (plan->people->len, >, 0);

  after = export_all (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (rp_store_can_undo (store));
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 0);
}

/* Upsert by id; the file is authoritative for the children of its
 * releases; rows of other releases and people not in the file stay. */
static void
test_import_upsert (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = read_sample ();
  g_autofree char *edited = NULL;
  g_autofree char *edited2 = NULL;
  g_autofree char *result = NULL;
  g_autoptr (RpRecord) extra = NULL;
  g_autoptr (GPtrArray) risks = NULL;
  g_autoptr (GPtrArray) scope = NULL;
  g_autoptr (GPtrArray) owners = NULL;
  g_autoptr (GPtrArray) all_people = NULL;
  const char *receipts, *item_start = NULL, *item_end;
  GString *cut;

  import_ok (store, sample);

  /* A person only in the database survives an import. */
  extra = rp_record_new_with_id (RP_ENTITY_PERSON, "person-local");
  rp_record_set_string (extra, "name", "Local Person");
  g_assert_true (rp_store_insert (store, extra, &error));
  g_assert_no_error (error);

  /* Change a risk, make Daniel the release manager, and drop the third
   * scope item ("PDF receipts …") of the planning release. */
  edited = replace_first (sample, "\"likelihood\": 2", "\"likelihood\": 5");
  edited2 =
      replace_first (edited, "\"release_manager\": \"" MAYA "\"", "\"release_manager\": \"" DANIEL "\"");
  receipts = strstr (edited2, "\"title\": \"PDF receipts");
  g_assert_nonnull (receipts);
  for (const char *p = receipts; p > edited2; p--)
    if (g_str_has_prefix (p, ",\n        {\n"))
      {
        item_start = p;
        break;
      }
  g_assert_nonnull (item_start);
  item_end = strstr (receipts, "\n        }");
  g_assert_nonnull (item_end);
  item_end += strlen ("\n        }");
  cut = g_string_new_len (edited2, item_start - edited2);
  g_string_append (cut, item_end);
  g_free (edited);
  edited = g_string_free (cut, FALSE);
  import_ok (store, edited);

  risks = rp_store_list (store, RP_ENTITY_RISK, PAYMENTS);
  g_assert_cmpint (rp_record_get_int (risks->pdata[0], "likelihood"), ==, 5);
  scope = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, PAYMENTS);
  g_assert_cmpuint (scope->len, ==, 2);
  owners = rp_store_list (store, RP_ENTITY_OWNER, PAYMENTS);
  g_assert_cmpstr (rp_record_get_string (owners->pdata[0], "role"), ==, "release_manager");
  g_assert_cmpstr (rp_record_get_string (owners->pdata[0], "person_id"), ==, DANIEL);
  all_people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (all_people->len, ==, 7);

  /* The database now exports as the file, plus the local person. */
  result = export_all (store);
  g_assert_nonnull (strstr (result, "\"likelihood\": 5"));
  g_assert_null (strstr (result, "PDF receipts"));
  g_assert_nonnull (strstr (result, "Local Person"));
}

/* Keys added to format 1 later may be missing: the data stays. */
static void
test_import_lenient_optional_keys (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *sample = read_sample ();
  g_autofree char *trimmed = NULL;
  g_autofree char *result = NULL;
  JsonObject *root;
  JsonArray *releases;

  import_ok (store, sample);
  g_assert_true (json_parser_load_from_data (parser, sample, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (root, "settings");
  json_object_remove_member (root, "templates");
  releases = json_object_get_array_member (root, "releases");
  for (guint i = 0; i < json_array_get_length (releases); i++)
    json_object_remove_member (json_array_get_object_element (releases, i), "checklist_sections");
  json_generator_set_root (generator, json_parser_get_root (parser));
  trimmed = json_generator_to_data (generator, NULL);

  import_ok (store, trimmed);
  result = export_all (store);
  g_assert_cmpstr (result, ==, sample);
}

/* Without checklist_sections, a section an item names is made; done_at is
 * set when an item is done. */
static void
test_import_checklist_sections (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (RpRecord) item = NULL;
  const char *text =
      "{\"format\": \"release-planner/plan\", \"format_version\": 1, \"people\": [], \"freeze_windows\": [],"
      " \"releases\": [{\"id\": \"r1\", \"name\": \"R\", \"version\": null, \"summary\": null, \"status\": \"planning\","
      "  \"timeline\": {\"code_complete\": null, \"testing_start\": null, \"testing_end\": null, \"deploy\": null,"
      "   \"deploy_window\": null, \"buffer_days\": 2, \"monitoring_hours\": 24},"
      "  \"owners\": {\"release_manager\": null, \"go_no_go\": null, \"on_call\": [], \"qa\": [], \"components\": []},"
      "  \"rollback_plan\": null, \"monitoring_plan\": null, \"release_notes\": null, \"scope\": [],"
      "  \"dependencies\": [], \"risks\": [],"
      "  \"checklist\": [{\"id\": \"i1\", \"section\": \"Ship it\", \"text\": \"Deploy\", \"state\": \"done\","
      "    \"assignee\": null, \"due\": null, \"notes\": null}],"
      "  \"rollout\": [], \"feature_flags\": [], \"decisions\": [],"
      "  \"post_release\": {\"released_at\": null, \"postmortem\": \"none\", \"postmortem_date\": null,"
      "   \"feedback\": null}}]}";

  import_ok (store, text);
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, "r1");
  g_assert_cmpuint (sections->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (sections->pdata[0], "name"), ==, "Ship it");
  items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]));
  g_assert_cmpuint (items->len, ==, 1);
  item = g_object_ref (items->pdata[0]);
  g_assert_true (rp_timestamp_is_valid (rp_record_get_string (item, "done_at")));
}

/* Valid JSON that is unusual: escapes, surrogate pairs, exponents of
 * zero, white space of every kind. */
static void
test_import_strict_accepts_valid (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autofree char *sample = read_sample ();
  g_autofree char *a =
      replace_first (sample, "\"Maya Okafor\"", "\"Maya \\u00d6\\ud83d\\ude80 \\/ \\\"Okafor\\\"\"");
  g_autofree char *b = replace_first (a, "\"format_version\": 1,", "\"format_version\":\t1 ,\r\n");
  g_autofree char *text = NULL;

  import_ok (store, b);
  text = export_all (store);
  g_assert_nonnull (strstr (text, "\"name\": \"Maya Ö🚀 / \\\"Okafor\\\"\""));
}

static void
test_import_collects_every_error (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = read_sample ();
  g_autofree char *a = replace_first (sample, "\"likelihood\": 2", "\"likelihood\": 9");
  g_autofree char *b = replace_first (a, "\"deploy\": \"2027-02-09\"", "\"deploy\": \"2026-02-30\"");
  g_autofree char *c = replace_first (b, "\"summary\":", "\"colour\": \"blue\",\n      \"summary\":");
  g_auto (GStrv) lines = NULL;

  g_assert_false (rp_format_json_import (store, c, strlen (c), &error));
  g_assert_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "releases[0].risks[0].likelihood: must be 1..5"));
  g_assert_nonnull (strstr (error->message, "releases[0].timeline.deploy: must be a date"));
  g_assert_nonnull (strstr (error->message, "releases[0].colour: unknown key"));
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
}

/* Every malloc is slow under ASan with fast_unwind_on_malloc=0. */
#if defined(__SANITIZE_ADDRESS__)
#define MUTATION_ROUNDS 20
#else
#define MUTATION_ROUNDS 150
#endif

/* Random damage to the sample plan: every import either succeeds or fails
 * with a format error and changes nothing (g_test's seed repeats a run). */
static void
test_import_mutations (void)
{
  static const char pieces[] = "{}[]\":,\\-09ent \n/'\x01\xff\xc3";
  g_autoptr (RpStore) store = open_sample_copy ();
  g_autofree char *sample = read_sample ();
  g_autofree char *before = g_strdup (sample_db_export);
  gsize length = strlen (sample);
  guint failed = 0;

  for (guint round = 0; round < MUTATION_ROUNDS; round++)
    {
      g_autofree char *text = g_strdup (sample);
      g_autoptr (GError) error = NULL;
      guint edits = g_test_rand_int_range (1, 4);

      for (guint e = 0; e < edits; e++)
        {
          gsize at = g_test_rand_int_range (0, (gint32) length);

          if (g_test_rand_bit ())
            text[at] = pieces[g_test_rand_int_range (0, sizeof pieces - 1)];
          else
            memmove (text + at, text + at + 1, strlen (text + at + 1) + 1);
        }
      if (rp_format_json_import (store, text, strlen (text), &error))
        {
          g_assert_no_error (error);
          g_free (before);
          before = export_all (store);
        }
      else
        {
          g_autofree char *after = export_all (store);

          g_assert_true (error->domain == RP_FORMAT_ERROR || error->domain == RP_STORE_ERROR);
          g_assert_cmpstr (after, ==, before);
          failed++;
        }
    }
  g_test_message ("%u of %u damaged plans refused", failed, MUTATION_ROUNDS);
  g_assert_cmpuint (failed, >, MUTATION_ROUNDS / 3);
}

static void
test_import_file (void)
{
  g_autoptr (RpStore) store = open_store ("plans.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "huge.json", NULL);
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-plan.json", NULL);
  g_autoptr (GFile) huge = g_file_new_for_path (path);
  g_autoptr (GFile) sample = g_file_new_for_path (sample_path);
  g_autofree char *before = export_all (store);
  g_autofree char *after = NULL;
  int fd;

  /* A sparse file bigger than the limit is refused before it is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) RP_PLAN_MAX_BYTES + 1), ==, 0);
  close (fd);
  g_assert_false (rp_format_json_import_file (store, huge, &error));
  g_assert_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  after = export_all (store);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (rp_format_json_import_file (store, sample, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 4);
}

/* ------------------------------------------------------------------ */
/* Malformed plan files: each gets its error and changes nothing. */

typedef char *(*MakeFunc) (const char *sample);

typedef struct
{
  const char *name;
  const char *find;    /* edit the sample plan: the first find… */
  const char *replace; /* …becomes this */
  MakeFunc make;       /* or make the whole file */
  guint code;          /* RP_FORMAT_ERROR_* */
  const char *message; /* a part of the message */
} BadCase;

static char *
make_depth_bomb (const char *sample)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static char *
make_nested_readiness (const char *sample)
{
  g_autoptr (GString) s = g_string_new ("\"readiness\": {\"deep\": ");

  for (guint i = 0; i < RP_PLAN_MAX_DEPTH; i++)
    g_string_append (s, "{\"a\": ");
  g_string_append (s, "1");
  for (guint i = 0; i < RP_PLAN_MAX_DEPTH; i++)
    g_string_append_c (s, '}');
  g_string_append (s, ", ");
  return replace_first (sample, "\"readiness\": {", s->str);
}

static char *
make_too_large (const char *sample)
{
  gsize n = RP_PLAN_MAX_BYTES + 1;
  char *s = g_malloc (n + 1);

  memset (s, ' ', n);
  s[0] = '{';
  s[n - 1] = '}';
  s[n] = '\0';
  return s;
}

static char *
make_comment_first (const char *sample)
{
  return g_strconcat ("// the plan\n", sample, NULL);
}

static char *
make_trailing_garbage (const char *sample)
{
  return g_strconcat (sample, "{}", NULL);
}

static char *
make_bom (const char *sample)
{
  return g_strconcat ("\xef\xbb\xbf", sample, NULL);
}

static char *
make_empty (const char *sample)
{
  return g_strdup ("  \n");
}

static char *
make_array (const char *sample)
{
  return g_strdup ("[]");
}

static const BadCase bad_cases[] = {
  { "syntax/comment-line", NULL, NULL, make_comment_first, RP_FORMAT_ERROR_SYNTAX,
    "line 1, column 1: unexpected character '/' (comments are not allowed in JSON)" },
  { "syntax/comment-block", "\"format_version\": 1,", "\"format_version\": 1, /* v1 */", NULL,
    RP_FORMAT_ERROR_SYNTAX, "line 3, column 24: unexpected character '/'" },
  { "syntax/trailing-garbage", NULL, NULL, make_trailing_garbage, RP_FORMAT_ERROR_SYNTAX,
    "column 1: unexpected character '{' after the end of the document" },
  { "syntax/trailing-comma", "\"thu\"\n", "\"thu\",\n", NULL, RP_FORMAT_ERROR_SYNTAX,
    "line 10, column 5: unexpected character ']' (trailing comma?)" },
  { "syntax/single-quotes", "\"format\": \"release-planner/plan\"", "'format': 'release-planner/plan'", NULL,
    RP_FORMAT_ERROR_SYNTAX, "line 2, column 3: unexpected character ''' (strings take double quotes)" },
  { "syntax/invalid-utf8", "Tomás", "Tom\xe1s", NULL, RP_FORMAT_ERROR_SYNTAX, "invalid UTF-8 (byte 0xE1)" },
  { "syntax/control-character", "Maya Okafor", "Maya\tOkafor", NULL, RP_FORMAT_ERROR_SYNTAX,
    "control character U+0009 in a string" },
  { "syntax/bad-escape", "Maya Okafor", "Maya \\x41", NULL, RP_FORMAT_ERROR_SYNTAX,
    "invalid escape '\\' followed by 'x'" },
  { "syntax/short-unicode-escape", "Maya Okafor", "Maya \\u41", NULL, RP_FORMAT_ERROR_SYNTAX,
    "\\u takes four hex digits" },
  { "syntax/lone-surrogate", "Maya Okafor", "Maya \\ud800", NULL, RP_FORMAT_ERROR_SYNTAX,
    "unpaired surrogate \\uD800" },
  { "syntax/nul-escape", "Maya Okafor", "Maya\\u0000", NULL, RP_FORMAT_ERROR_SYNTAX,
    "\\u0000 is not allowed" },
  { "syntax/leading-zero", "\"format_version\": 1", "\"format_version\": 01", NULL, RP_FORMAT_ERROR_SYNTAX,
    "line 3, column 21: leading zeros are not allowed in numbers" },
  { "syntax/nan", "\"likelihood\": 2", "\"likelihood\": NaN", NULL, RP_FORMAT_ERROR_SYNTAX,
    "unexpected character 'N' (NaN and Infinity are not JSON numbers)" },
  { "syntax/number-out-of-range", "\"likelihood\": 2", "\"likelihood\": 1e999", NULL, RP_FORMAT_ERROR_SYNTAX,
    "the number 1e999 is out of range" },
  { "syntax/integer-out-of-range", "\"likelihood\": 2", "\"likelihood\": 12345678901234567890", NULL,
    RP_FORMAT_ERROR_SYNTAX, "the whole number 12345678901234567890 is out of range" },
  { "syntax/bare-word", "\"risky\": true", "\"risky\": yes", NULL, RP_FORMAT_ERROR_SYNTAX,
    "unexpected character 'y'" },
  { "syntax/duplicate-key", "\"format_version\": 1,", "\"format_version\": 1,\n  \"format_version\": 1,",
    NULL, RP_FORMAT_ERROR_SYNTAX, "line 4, column 3: duplicate key \"format_version\"" },
  { "syntax/byte-order-mark", NULL, NULL, make_bom, RP_FORMAT_ERROR_SYNTAX, "byte order mark" },
  { "syntax/empty", NULL, NULL, make_empty, RP_FORMAT_ERROR_SYNTAX, "line 2, column 1: the file is empty" },
  { "syntax/unclosed", "\n}\n", "\n", NULL, RP_FORMAT_ERROR_SYNTAX, "unexpected end of file" },
  { "too-large/depth-bomb", NULL, NULL, make_depth_bomb, RP_FORMAT_ERROR_TOO_LARGE,
    "line 1, column 33: nested deeper than 32 levels" },
  { "too-large/deep-readiness", NULL, NULL, make_nested_readiness, RP_FORMAT_ERROR_TOO_LARGE,
    "nested deeper than 32" },
  { "too-large/size", NULL, NULL, make_too_large, RP_FORMAT_ERROR_TOO_LARGE, "too large" },
  { "version/not-an-object", NULL, NULL, make_array, RP_FORMAT_ERROR_VERSION,
    "not a Release Planner plan file" },
  { "version/other-format", "release-planner/plan", "todo-list/plan", NULL, RP_FORMAT_ERROR_VERSION,
    "its format is “todo-list/plan”" },
  { "version/no-format", "\"format\": \"release-planner/plan\",", "", NULL, RP_FORMAT_ERROR_VERSION,
    "it has no “format”" },
  { "version/newer", "\"format_version\": 1", "\"format_version\": 2", NULL, RP_FORMAT_ERROR_VERSION,
    "format version 2, written by a newer Release Planner" },
  { "invalid/format-version-fraction", "\"format_version\": 1", "\"format_version\": 1.0", NULL,
    RP_FORMAT_ERROR_INVALID, "format_version: must be a whole number" },
  { "invalid/missing-key", "\"name\": \"Maya Okafor\",\n      \"email\"", "\"email\"", NULL,
    RP_FORMAT_ERROR_INVALID, "people[0].name: missing" },
  { "invalid/missing-id", "\"id\": \"" MAYA "\",\n      \"name\": \"Maya Okafor\"",
    "\"name\": \"Maya Okafor\"", NULL, RP_FORMAT_ERROR_INVALID, "people[0].id: missing" },
  { "invalid/misspelt-releases", "\"releases\": [", "\"releasez\": [", NULL, RP_FORMAT_ERROR_INVALID,
    "releasez: unknown key" },
  { "invalid/bad-date", "\"deploy\": \"2027-02-09\"", "\"deploy\": \"2026-02-30\"", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].timeline.deploy: must be a date YYYY-MM-DD (got “2026-02-30”)" },
  { "invalid/bad-time", "\"start\": \"06:00\"", "\"start\": \"6am\"", NULL, RP_FORMAT_ERROR_INVALID,
    "releases[0].timeline.deploy_window.start: must be a time HH:MM" },
  { "invalid/likelihood", "\"likelihood\": 2", "\"likelihood\": 9", NULL, RP_FORMAT_ERROR_INVALID,
    "releases[0].risks[0].likelihood: must be 1..5" },
  { "invalid/unknown-person", "\"release_manager\": \"" MAYA "\"", "\"release_manager\": \"nobody\"", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].owners.release_manager: unknown person id “nobody”" },
  { "invalid/unknown-on-call", "\"on_call\": [\n          \"", "\"on_call\": [\n          \"x", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].owners.on_call[0]: unknown person id" },
  { "invalid/unknown-release", "\"release\": \"" SEARCH "\"", "\"release\": \"nope\"", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[1].dependencies[1].release: unknown release id “nope”" },
  { "invalid/duplicate-id", "\"id\": \"" DANIEL "\",\n      \"name\": \"Daniel",
    "\"id\": \"" MAYA "\",\n      \"name\": \"Daniel", NULL, RP_FORMAT_ERROR_INVALID,
    "people[1].id: duplicate id “" MAYA "” (also at people[0])" },
  { "invalid/unknown-key", "\"summary\":", "\"colour\": \"blue\",\n      \"summary\":", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].colour: unknown key" },
  { "invalid/unknown-top-level-key", "\"people\": [", "\"persons\": [],\n  \"people\": [", NULL,
    RP_FORMAT_ERROR_INVALID, "persons: unknown key" },
  { "invalid/wrong-type-bool", "\"risky\": true", "\"risky\": \"yes\"", NULL, RP_FORMAT_ERROR_INVALID,
    "releases[0].scope[0].risky: must be true or false, not text" },
  { "invalid/wrong-type-list", "\"dependencies\": [],", "\"dependencies\": {},", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[3].dependencies: must be a list, not an object" },
  { "invalid/wrong-type-object", "\"timeline\": {", "\"timeline\": 7, \"x\": {", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].timeline: must be an object, not a number" },
  { "invalid/wrong-type-text", "\"name\": \"Maya Okafor\"", "\"name\": 42", NULL, RP_FORMAT_ERROR_INVALID,
    "people[0].name: must be text, not a number" },
  { "invalid/null-required", "\"name\": \"Maya Okafor\"", "\"name\": null", NULL, RP_FORMAT_ERROR_INVALID,
    "people[0].name: is required" },
  { "invalid/empty-name", "\"name\": \"Maya Okafor\"", "\"name\": \"  \"", NULL, RP_FORMAT_ERROR_INVALID,
    "people[0].name: must not be empty" },
  { "invalid/enum", "\"status\": \"planning\"", "\"status\": \"someday\"", NULL, RP_FORMAT_ERROR_INVALID,
    "releases[0].status: must be one of planning|" },
  { "invalid/percent", "\"percent\": 25", "\"percent\": 250", NULL, RP_FORMAT_ERROR_INVALID,
    "].percent: must be 0..100" },
  { "invalid/unknown-section", "\"section\": \"Deploy\"", "\"section\": \"Deploy!\"", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].checklist[7].section: unknown section “Deploy!”" },
  { "invalid/duplicate-section", "\"name\": \"Deploy\",\n          \"complete_before_deploy\": false\n",
    "\"name\": \"Pre-Release\",\n          \"complete_before_deploy\": false\n", NULL,
    RP_FORMAT_ERROR_INVALID, "duplicate section name “Pre-Release”" },
  { "invalid/freeze-end-before-start", "\"end\": \"2027-01-04\"", "\"end\": \"2026-12-01\"", NULL,
    RP_FORMAT_ERROR_INVALID, "freeze_windows[0].end: must not be before start" },
  { "invalid/deploy-day", "\"thu\"", "\"thursday\"", NULL, RP_FORMAT_ERROR_INVALID,
    "settings.deploy_days[3]: must be one of mon|tue|wed|thu|fri|sat|sun" },
  { "invalid/readiness-not-object", "\"readiness\": {", "\"readiness\": \"go\", \"x\": {", NULL,
    RP_FORMAT_ERROR_INVALID, "readiness: must be an object or null, not text" },
  { "invalid/timestamp", "\"at\": \"2026-11-24T15:30:00Z\"", "\"at\": \"2026-11-24 15:30\"", NULL,
    RP_FORMAT_ERROR_INVALID, "decisions[0].at: must be a UTC time" },
  { "invalid/released-at", "\"released_at\": null", "\"released_at\": \"2026-11-03 07:10\"", NULL,
    RP_FORMAT_ERROR_INVALID,
    "releases[0].post_release.released_at: must be a date YYYY-MM-DD or a UTC time" },
  { "invalid/committed-not-object", "\"committed\": null", "\"committed\": \"2027-02-04\"", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].timeline.committed: must be an object or null, not text" },
  { "invalid/committed-date", "\"committed\": null",
    "\"committed\": {\"code_complete\": null, \"testing_start\": null, \"testing_end\": null,"
    " \"deploy\": \"2027-02-30\", \"at\": null}",
    NULL, RP_FORMAT_ERROR_INVALID,
    "releases[0].timeline.committed.deploy: must be a date YYYY-MM-DD (got “2027-02-30”)" },
  { "invalid/component-owner", "\"owner\": \"14b8a3c9-41c4-5d7a-8159-4c0a81854e4b\"\n", "\"owner\": 7\n",
    NULL, RP_FORMAT_ERROR_INVALID,
    "releases[0].owners.components[0].owner: must be a person id or null, not a number" },
  { "invalid/id-characters", "\"id\": \"" MAYA "\"", "\"id\": \"Maya Okafor\"", NULL, RP_FORMAT_ERROR_INVALID,
    "people[0].id: must be 1 to 200 letters, digits, “-”, “_” or “.” (like “payments-2027.1” or a UUID), not “Maya Okafor”" },
  { "invalid/missing-release-name", "\"name\": \"Payments platform 2027.1\",", "", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].name: missing" },
  { "invalid/missing-risk-title", "\"title\": \"Payments captured twice during the switch-over\",", "", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].risks[0].title: missing" },
  { "invalid/missing-freeze-end", ",\n      \"end\": \"2027-01-04\"", "", NULL, RP_FORMAT_ERROR_INVALID,
    "freeze_windows[0].end: missing" },
  { "invalid/missing-item-section", "\"section\": \"Pre-Release\",", "", NULL, RP_FORMAT_ERROR_INVALID,
    "releases[0].checklist[0].section: missing" },
  { "invalid/missing-component", "\"component\": \"Payment service\",", "", NULL, RP_FORMAT_ERROR_INVALID,
    "releases[0].owners.components[0].component: missing" },
  { "invalid/component-empty", "\"component\": \"Payment service\"", "\"component\": \"\"", NULL,
    RP_FORMAT_ERROR_INVALID, "releases[0].owners.components[0].component: must not be empty" },
  { "invalid/template-item", "\"All tests passing\"", "17", NULL, RP_FORMAT_ERROR_INVALID,
    "templates[0].sections[0].items[1]: must be text, not a number" },
  { "invalid/self-dependency", "\"release\": \"" SEARCH "\"",
    "\"release\": \"938bae14-a74b-5866-8aa4-41878e03e181\"", NULL, RP_FORMAT_ERROR_INVALID,
    "releases[1].dependencies[1].release: a release cannot depend on itself" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr (RpStore) store = open_sample_copy ();
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = read_sample ();
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  const char *before = sample_db_export;
  gsize length;

  text = bad->make ? bad->make (sample) : replace_first (sample, bad->find, bad->replace);
  length = strlen (text);
  g_assert_false (rp_format_json_import (store, text, length, &error));
  g_assert_error (error, RP_FORMAT_ERROR, (int) bad->code);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("expected “%s” in the message:\n%s", bad->message, error->message);

  after = export_all (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (rp_store_can_undo (store));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sample_db_dir = g_dir_make_tmp ("test-format-json-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/format-json/export/golden", test_export_golden);
  g_test_add_func ("/format-json/export/one-release", test_export_one_release);
  g_test_add_func ("/format-json/export/stream", test_export_stream);
  g_test_add_func ("/format-json/round-trip/golden", test_round_trip_golden);
  g_test_add_func ("/format-json/round-trip/sample-plan", test_round_trip_sample);
  g_test_add_func ("/format-json/sample-plan/keeps-existing", test_sample_keeps_existing);
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/format-json/round-trip/%s", round_trip_cases[i].name);
      g_test_add_data_func (path, &round_trip_cases[i], test_round_trip_case);
    }
  g_test_add_func ("/format-json/import/committed-kept", test_import_committed_kept);
  g_test_add_func ("/format-json/minimal/new", test_minimal_new);
  for (guint i = 0; i < G_N_ELEMENTS (minimal_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/format-json/minimal/%s", minimal_cases[i].name);
      g_test_add_data_func (path, &minimal_cases[i], test_minimal_case);
    }
  g_test_add_func ("/format-json/import/idempotent-one-undo-step", test_import_idempotent_one_undo_step);
  g_test_add_func ("/format-json/import/upsert", test_import_upsert);
  g_test_add_func ("/format-json/import/lenient-optional-keys", test_import_lenient_optional_keys);
  g_test_add_func ("/format-json/import/checklist-sections", test_import_checklist_sections);
  g_test_add_func ("/format-json/import/strict-accepts-valid", test_import_strict_accepts_valid);
  g_test_add_func ("/format-json/import/collects-every-error", test_import_collects_every_error);
  g_test_add_func ("/format-json/import/file", test_import_file);
  g_test_add_func ("/format-json/import/mutations", test_import_mutations);
  g_test_add_func ("/format-json/read/writes-nothing", test_read_writes_nothing);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/format-json/malformed/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_file);
    }

  status = g_test_run ();
  remove_sample_db ();
  return status;
}
