/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-test-core.h"

static void
test_duplicate (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (RpRecord) person = rp_test_insert (store, RP_ENTITY_PERSON, NULL, NULL, "name", "Ana", NULL);
  g_autoptr (RpRecord) release =
      rp_test_insert (store, RP_ENTITY_RELEASE, NULL, NULL, "name", "Spring", "version", "2.4", "status",
                      "released", "deploy", "2026-11-02", "rollback_plan", "Redeploy 2.3", NULL);
  const char *rid = rp_record_get_id (release);
  g_autoptr (RpRecord) owner = rp_test_insert (store, RP_ENTITY_OWNER, "release_id", rid, "role", "on_call",
                                               "person_id", rp_record_get_id (person), NULL);
  g_autoptr (RpRecord) scope = rp_test_insert (store, RP_ENTITY_SCOPE_ITEM, "release_id", rid, "title",
                                               "Dark mode", "status", "done", NULL);
  g_autoptr (RpRecord) criterion =
      rp_test_insert (store, RP_ENTITY_CRITERION, "scope_item_id", rp_record_get_id (scope), "text",
                      "Follows the system style", NULL);
  g_autoptr (RpRecord) section =
      rp_test_insert (store, RP_ENTITY_CHECKLIST_SECTION, "release_id", rid, "name", "Deploy", NULL);
  g_autoptr (RpRecord) item =
      rp_test_insert (store, RP_ENTITY_CHECKLIST_ITEM, "section_id", rp_record_get_id (section), "text",
                      "Smoke tests passing", "state", "done", "done_at", "2026-11-02T10:00:00Z", NULL);
  g_autoptr (RpRecord) risk =
      rp_test_insert (store, RP_ENTITY_RISK, "release_id", rid, "title", "Old risk", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *copy_id = NULL;
  g_autoptr (RpRecord) copy = NULL;
  g_autoptr (GPtrArray) scope_copy = NULL;
  g_autoptr (GPtrArray) criteria_copy = NULL;
  g_autoptr (GPtrArray) sections_copy = NULL;
  g_autoptr (GPtrArray) items_copy = NULL;
  g_autoptr (GPtrArray) owners_copy = NULL;
  g_autoptr (GPtrArray) risks_copy = NULL;
  g_autoptr (RpRecord) met = rp_record_copy (criterion);

  rp_record_set_bool (met, "met", TRUE);
  g_assert_true (rp_store_update (store, met, &error));

  copy_id = rp_release_duplicate (store, rid, "Summer", "2.5", &error);
  g_assert_no_error (error);
  copy = rp_store_get (store, RP_ENTITY_RELEASE, copy_id, &error);
  g_assert_cmpstr (rp_record_get_string (copy, "name"), ==, "Summer");
  g_assert_cmpstr (rp_record_get_string (copy, "status"), ==, "planning");
  g_assert_null (rp_record_get_string (copy, "deploy"));
  g_assert_cmpstr (rp_record_get_string (copy, "rollback_plan"), ==, "Redeploy 2.3");

  scope_copy = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, copy_id);
  g_assert_cmpuint (scope_copy->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (scope_copy->pdata[0], "status"), ==, "planned");
  g_assert_cmpstr (rp_record_get_id (scope_copy->pdata[0]), !=, rp_record_get_id (scope));
  criteria_copy = rp_store_list (store, RP_ENTITY_CRITERION, rp_record_get_id (scope_copy->pdata[0]));
  g_assert_cmpuint (criteria_copy->len, ==, 1);
  g_assert_false (rp_record_get_bool (criteria_copy->pdata[0], "met"));
  sections_copy = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, copy_id);
  g_assert_cmpuint (sections_copy->len, ==, 1);
  items_copy = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections_copy->pdata[0]));
  g_assert_cmpuint (items_copy->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (items_copy->pdata[0], "state"), ==, "open");
  g_assert_null (rp_record_get_string (items_copy->pdata[0], "done_at"));
  owners_copy = rp_store_list (store, RP_ENTITY_OWNER, copy_id);
  g_assert_cmpuint (owners_copy->len, ==, 1);
  risks_copy = rp_store_list (store, RP_ENTITY_RISK, copy_id);
  g_assert_cmpuint (risks_copy->len, ==, 0);

  /* One step takes it all back. */
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Duplicate release");
  g_assert_true (rp_store_undo (store, &error));
  g_clear_object (&copy);
  copy = rp_store_get (store, RP_ENTITY_RELEASE, copy_id, NULL);
  g_assert_null (copy);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CHECKLIST_ITEM), ==, 1);
}

static void
test_duplicate_unknown (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *id = rp_release_duplicate (store, "no-such-id", "X", NULL, &error);

  g_assert_null (id);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

/* Slip and buffer left, from the dates alone: one row per case. */
typedef struct
{
  const char *name;
  const char *testing_end, *deploy;
  const char *committed_testing_end, *committed_deploy;
  int buffer_days;
  int slip;
  int buffer_left;
} SlipCase;

static const SlipCase slip_cases[] = {
  { "uncommitted", "2026-11-20", "2026-11-25", NULL, NULL, 2, 0, 2 },
  { "on-plan", "2026-11-20", "2026-11-25", "2026-11-20", "2026-11-25", 2, 0, 2 },
  { "deploy-later", "2026-11-20", "2026-11-27", "2026-11-20", "2026-11-25", 2, 2, 2 },
  { "deploy-earlier", "2026-11-20", "2026-11-24", "2026-11-20", "2026-11-25", 2, -1, 1 },
  { "testing-one-day-late", "2026-11-21", "2026-11-25", "2026-11-20", "2026-11-25", 2, 0, 1 },
  { "testing-eats-buffer", "2026-11-23", "2026-11-25", "2026-11-20", "2026-11-25", 2, 0, 0 },
  { "both-moved-together", "2026-11-23", "2026-11-28", "2026-11-20", "2026-11-25", 2, 3, 2 },
  { "testing-early", "2026-11-18", "2026-11-25", "2026-11-20", "2026-11-25", 2, 0, 2 },
  { "no-deploy", "2026-11-23", NULL, "2026-11-20", "2026-11-25", 2, 0, 0 },
  { "no-buffer", "2026-11-20", "2026-11-25", "2026-11-20", "2026-11-25", 0, 0, 0 },
  { "only-committed-deploy", NULL, "2026-11-26", NULL, "2026-11-25", 3, 1, 3 },
};

static void
test_slip (gconstpointer data)
{
  const SlipCase *c = data;
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);

  rp_record_set_string (release, "testing_end", c->testing_end);
  rp_record_set_string (release, "deploy", c->deploy);
  rp_record_set_string (release, "committed_testing_end", c->committed_testing_end);
  rp_record_set_string (release, "committed_deploy", c->committed_deploy);
  rp_record_set_int (release, "buffer_days", c->buffer_days);
  g_assert_cmpint (rp_release_get_slip_days (RP_RELEASE (release)), ==, c->slip);
  g_assert_cmpint (rp_release_get_buffer_days_left (RP_RELEASE (release)), ==, c->buffer_left);
}

/* The version and the name Duplicate as Next Release proposes. */
typedef struct
{
  const char *name; /* of the test */
  const char *version;
  const char *next; /* NULL: none proposed */
} NextVersionCase;

static const NextVersionCase next_version_cases[] = {
  { "calendar", "2027.1.0", "2027.2.0" },
  { "major-minor", "5.0", "5.1" },
  { "prefixed-single", "v3", "v4" },
  { "semver", "1.4.2", "1.5.0" },
  { "single", "12", "13" },
  { "carry", "9", "10" },
  { "minor-carry", "v1.9", "v1.10" },
  { "width-kept", "2027.09", "2027.10" },
  { "tag-dropped", "2.0.0-rc1", "2.1.0" },
  { "four-numbers", "1.2.3.4", "1.3.0.0" },
  { "words-before", "Release 7", "Release 8" },
  { "no-number", "next", NULL },
  { "empty", "", NULL },
  { "none", NULL, NULL },
};

static void
test_next_version (gconstpointer data)
{
  const NextVersionCase *c = data;
  g_autofree char *next = rp_version_propose_next (c->version);

  g_assert_cmpstr (next, ==, c->next);
}

typedef struct
{
  const char *name; /* of the test */
  const char *release_name;
  const char *version;
  const char *next_name;
} NextNameCase;

static const NextNameCase next_name_cases[] = {
  { "fewer-numbers", "Payments platform 2027.1", "2027.1.0", "Payments platform 2027.2" },
  { "whole-version", "Mobile app 5.0", "5.0", "Mobile app 5.1" },
  { "prefixed", "Search relevance v4", "v4", "Search relevance v5" },
  { "prefix-not-in-name", "Search 3", "v3", "Search 4" },
  { "semver", "Checkout 1.4.2 hotfixes", "1.4.2", "Checkout 1.5.0 hotfixes" },
  { "not-in-name", "Checkout", "2.4.0", "Checkout" },
  { "only-whole-numbers", "Build 2027.10 of 2027.1", "2027.1.0", "Build 2027.10 of 2027.2" },
  { "no-version", "Winter release", NULL, "Winter release" },
  { "unversioned", "Sprint 12", "", "Sprint 12" },
};

static void
test_next_name (gconstpointer data)
{
  const NextNameCase *c = data;
  g_autofree char *next_version = rp_version_propose_next (c->version);
  g_autofree char *next = rp_release_propose_next_name (c->release_name, c->version, next_version);

  g_assert_cmpstr (next, ==, c->next_name);
  g_assert_null (strstr (next, "(next)"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/release/duplicate", test_duplicate);
  g_test_add_func ("/release/duplicate-unknown", test_duplicate_unknown);
  for (guint i = 0; i < G_N_ELEMENTS (slip_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/release/slip/%s", slip_cases[i].name);
      g_test_add_data_func (path, &slip_cases[i], test_slip);
    }
  for (guint i = 0; i < G_N_ELEMENTS (next_version_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/release/next-version/%s", next_version_cases[i].name);
      g_test_add_data_func (path, &next_version_cases[i], test_next_version);
    }
  for (guint i = 0; i < G_N_ELEMENTS (next_name_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/release/next-name/%s", next_name_cases[i].name);
      g_test_add_data_func (path, &next_name_cases[i], test_next_name);
    }
  return g_test_run ();
}
