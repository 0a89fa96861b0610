/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-test-core.h"

/* Plans compared and merged without the command line: a small plan written
 * by hand, and edits of it ("PATH=JSON" sets a value, "PATH+=JSON" appends
 * a row, "PATH>N" moves a row to N, "-PATH" removes it; see
 * rp_test_edit_json()). */

static const char base_plan[] =
    "{\"format\": \"release-planner/plan\", \"format_version\": 1,"
    " \"people\": [{\"id\": \"maya\", \"name\": \"Maya Okafor\"}, {\"id\": \"daniel\", \"name\": \"Daniel Brandt\"},"
    "  {\"id\": \"lena\", \"name\": \"Lena Vogel\"}],"
    " \"releases\": ["
    "  {\"id\": \"payments\", \"name\": \"Payments 2027.1\", \"version\": \"2027.1.0\","
    "   \"timeline\": {\"code_complete\": \"2027-01-20\", \"deploy\": \"2027-02-09\"},"
    "   \"owners\": {\"release_manager\": \"maya\", \"on_call\": [\"lena\"]},"
    "   \"scope\": [{\"id\": \"sepa\", \"title\": \"SEPA direct debit\","
    "                \"acceptance_criteria\": [{\"id\": \"sepa-legal\", \"text\": \"Mandate text approved\"}]},"
    "               {\"id\": \"receipts\", \"title\": \"PDF receipts\"}],"
    "   \"risks\": [{\"id\": \"double-capture\", \"title\": \"Payments captured twice\", \"likelihood\": 2,"
    "               \"impact\": 5}],"
    "   \"checklist\": [{\"id\": \"c1\", \"section\": \"Pre-Release\", \"text\": \"Tests passing\"},"
    "                   {\"id\": \"c2\", \"section\": \"Pre-Release\", \"text\": \"Staging verified\"},"
    "                   {\"id\": \"c3\", \"section\": \"Pre-Release\", \"text\": \"Release notes written\"},"
    "                   {\"id\": \"c4\", \"section\": \"Deploy\", \"text\": \"Smoke tests\"}]},"
    "  {\"id\": \"search\", \"name\": \"Search v4\", \"timeline\": {\"deploy\": \"2026-11-25\"}}]}";

#define PSP_OUTAGE "{\"id\": \"psp-outage\", \"title\": \"PSP outage\", \"likelihood\": 3, \"impact\": 4}"
#define SCA "{\"id\": \"sca\", \"title\": \"SCA friction\"}"
#define WALLETS "{\"id\": \"wallets\", \"title\": \"Wallets\"}"

static RpPlan *
load (const char *text)
{
  g_autoptr (GError) error = NULL;
  RpPlan *plan = rp_plan_new_from_data (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static RpPlan *
load_edited (const char *const *edits)
{
  g_autofree char *text = rp_test_edit_json (base_plan, edits);

  return load (text);
}

/* ------------------------------------------------------------------ */
/* Diff */

typedef struct
{
  const char *name;
  const char *edits[8]; /* the new plan: the base with these */
  const char *text;     /* what diff says */
} DiffCase;

static const DiffCase diff_cases[] = {
  { "equal", { NULL }, "" },
  { "the-issue-example",
    { "releases[0].timeline.deploy=\"2027-02-11\"", "releases[0].risks+=" PSP_OUTAGE,
      "releases[0].checklist[0].state=\"done\"", "releases[0].checklist[1].state=\"done\"",
      "releases[0].checklist[2].state=\"done\"" },
    "Payments 2027.1: deploy moved from Tue 9 Feb to Thu 11 Feb; risk “PSP outage” added (score 12); "
    "3 checklist items done\n" },
  { "release-fields",
    { "releases[1].name=\"Search v5\"", "releases[1].summary=\"Better ranking\"",
      "releases[1].status=\"testing\"",
      "releases[1].rollback_plan=\"Turn the ranker flag off, then redeploy the v4 index from the nightly snapshot.\"" },
    "Search v5: renamed from “Search v4”; summary set to “Better ranking”; status planning → testing; "
    "rollback plan written\n" },
  { "owners",
    { "releases[0].owners.release_manager=\"daniel\"", "releases[0].owners.on_call=[\"daniel\"]",
      "releases[0].owners.components=[{\"component\": \"API\"}]" },
    "Payments 2027.1: release manager Maya Okafor → Daniel Brandt; Daniel Brandt on call; "
    "Lena Vogel no longer on call; component “API” added (no owner yet)\n" },
  { "rows-changed",
    { "releases[0].risks[0].likelihood=4", "releases[0].scope[0].acceptance_criteria[0].met=true",
      "releases[0].scope[1].status=\"dropped\"" },
    "Payments 2027.1: scope item “SEPA direct debit”: criterion “Mandate text approved” met; "
    "scope item “PDF receipts”: status planned → dropped; "
    "risk “Payments captured twice”: likelihood 2 → 4, score 10 → 20\n" },
  { "rows-added-removed",
    { "-releases[0].scope[1]", "releases[0].risks=[]", "-releases[0].checklist[2]",
      "releases[0].checklist[0].state=\"na\"" },
    "Payments 2027.1: scope item “PDF receipts” removed; risk “Payments captured twice” removed; "
    "checklist item “Tests passing” marked n/a; checklist item “Release notes written” removed\n" },
  { "releases-added-removed",
    { "-releases[1]",
      "releases+={\"id\": \"mobile\", \"name\": \"Mobile 5.0\", \"timeline\": {\"deploy\": \"2026-12-09\"}}" },
    "Mobile 5.0: added (deploy Wed 9 Dec 2026)\nSearch v4: removed\n" },
  { "reordered",
    { "releases[1]>0", "releases[1].scope[1]>0" },
    "Payments 2027.1: scope reordered\nReleases: reordered\n" },
  { "dates",
    { "releases[1].timeline.deploy=\"2027-01-05\"", "releases[1].timeline.code_complete=\"2026-12-18\"",
      "releases[0].timeline.code_complete=null",
      "releases[1].timeline.committed={\"deploy\": \"2026-11-25\", \"at\": \"2026-10-01T09:00:00Z\"}",
      "releases[0].post_release={\"released_at\": \"2027-02-09T07:10:00Z\"}" },
    "Payments 2027.1: code complete cleared (was Wed 20 Jan 2027); released at set to Tue 9 Feb 2027 07:10 UTC\n"
    "Search v4: code complete set to Fri 18 Dec 2026; deploy moved from Wed 25 Nov 2026 to Tue 5 Jan 2027; "
    "dates committed (deploy Wed 25 Nov 2026)\n" },
  { "top-level",
    { "people[0].email=\"maya@example.org\"", "people+={\"id\": \"ana\", \"name\": \"Ana Lima\"}",
      "freeze_windows=[{\"id\": \"year-end\", \"name\": \"Year end\", \"start\": \"2026-12-18\", \"end\": \"2027-01-04\"}]",
      "settings={\"deploy_days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]}" },
    "Settings: deploy days now mon, tue, wed, thu, fri\n"
    "People: “Maya Okafor”: email set to “maya@example.org”; “Ana Lima” added\n"
    "Freeze windows: “Year end” added (Fri 18 Dec 2026 – Mon 4 Jan 2027)\n" },
};

static void
test_diff_case (gconstpointer data)
{
  const DiffCase *dc = data;
  g_autoptr (RpPlan) old_plan = load (base_plan);
  g_autoptr (RpPlan) new_plan = load_edited (dc->edits);
  g_autoptr (RpPlanDiff) diff = rp_plan_diff_new (old_plan, new_plan);
  g_autoptr (RpPlanDiff) back = rp_plan_diff_new (new_plan, old_plan);
  g_autofree char *text = rp_plan_diff_to_text (diff);

  g_assert_cmpstr (text, ==, dc->text);
  g_assert_cmpuint (rp_plan_diff_get_n_changes (diff) == 0, ==, *dc->text == '\0');
  /* Backwards, the same number of changes. */
  g_assert_cmpuint (rp_plan_diff_get_n_changes (back), ==, rp_plan_diff_get_n_changes (diff));
  g_assert_finalize_object (g_steal_pointer (&diff));
}

/* A file written by hand and its export are the same plan. */
static void
test_diff_minimal_and_export (void)
{
  g_autoptr (RpPlan) minimal = load (base_plan);
  g_autoptr (RpPlan) exported = load (rp_plan_get_data (minimal));
  g_autoptr (RpPlanDiff) diff = rp_plan_diff_new (minimal, exported);

  g_assert_true (rp_plan_equal (minimal, exported));
  g_assert_cmpuint (rp_plan_diff_get_n_changes (diff), ==, 0);
}

static void
test_diff_json (void)
{
  const char *const edits[] = { "releases[0].timeline.deploy=\"2027-02-11\"", "-releases[0].checklist[2]",
                                NULL };
  g_autoptr (RpPlan) old_plan = load (base_plan);
  g_autoptr (RpPlan) new_plan = load_edited (edits);
  g_autoptr (RpPlanDiff) diff = rp_plan_diff_new (old_plan, new_plan);
  g_autofree char *json = rp_plan_diff_to_json (diff);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *deploy, *removed;
  JsonArray *changes;
  const RpPlanChange *change;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (root, "equal"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "summary"), 0), ==,
                   "Payments 2027.1: deploy moved from Tue 9 Feb to Thu 11 Feb; "
                   "checklist item “Release notes written” removed");
  changes = json_object_get_array_member (root, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  deploy = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (deploy, "change"), ==, "changed");
  g_assert_cmpstr (json_object_get_string_member (deploy, "path"), ==, "releases[0].timeline.deploy");
  g_assert_cmpstr (json_object_get_string_member (deploy, "release"), ==, "payments");
  g_assert_cmpstr (json_object_get_string_member (deploy, "entity"), ==, "release");
  g_assert_cmpstr (json_object_get_string_member (deploy, "id"), ==, "payments");
  g_assert_cmpstr (json_object_get_string_member (deploy, "field"), ==, "timeline.deploy");
  g_assert_cmpstr (json_object_get_string_member (deploy, "old"), ==, "2027-02-09");
  g_assert_cmpstr (json_object_get_string_member (deploy, "new"), ==, "2027-02-11");
  removed = json_array_get_object_element (changes, 1);
  g_assert_cmpstr (json_object_get_string_member (removed, "change"), ==, "removed");
  g_assert_cmpstr (json_object_get_string_member (removed, "path"), ==, "releases[0].checklist[2]");
  g_assert_cmpstr (json_object_get_string_member (removed, "entity"), ==, "checklist_item");
  g_assert_cmpstr (json_object_get_string_member (removed, "id"), ==, "c3");
  g_assert_true (json_object_get_null_member (removed, "field"));
  g_assert_true (json_object_get_null_member (removed, "new"));

  change = rp_plan_diff_get_change (diff, 1);
  g_assert_cmpint (change->kind, ==, RP_PLAN_CHANGE_REMOVED);
  g_assert_cmpint (change->entity, ==, RP_ENTITY_CHECKLIST_ITEM);
}

/* ------------------------------------------------------------------ */
/* Merge */

typedef struct
{
  const char *name;
  const char *ours[6];
  const char *theirs[6];
  const char *merged[10];   /* the merged plan: the base with these */
  const char *conflicts[3]; /* each conflict as text, in order */
} MergeCase;

static const MergeCase merge_cases[] = {
  { "different-releases",
    { "releases[0].timeline.deploy=\"2027-02-11\"" },
    { "releases[1].timeline.deploy=\"2026-11-26\"" },
    { "releases[0].timeline.deploy=\"2027-02-11\"", "releases[1].timeline.deploy=\"2026-11-26\"" } },
  { "different-fields-of-one-release",
    { "releases[0].timeline.deploy=\"2027-02-11\"", "releases[0].owners.release_manager=\"daniel\"" },
    { "releases[0].version=\"2027.1.1\"", "releases[0].risks[0].likelihood=4" },
    { "releases[0].timeline.deploy=\"2027-02-11\"", "releases[0].owners.release_manager=\"daniel\"",
      "releases[0].version=\"2027.1.1\"", "releases[0].risks[0].likelihood=4" } },
  { "different-rows-of-one-release",
    { "releases[0].risks+=" PSP_OUTAGE, "releases[0].checklist[3].state=\"done\"" },
    { "releases[0].checklist[0].state=\"done\"", "releases[0].risks[0].impact=4" },
    { "releases[0].risks+=" PSP_OUTAGE, "releases[0].risks[0].impact=4",
      "releases[0].checklist[3].state=\"done\"", "releases[0].checklist[0].state=\"done\"" } },
  { "same-change-on-both-sides",
    { "releases[0].timeline.deploy=\"2027-02-11\"" },
    { "releases[0].timeline.deploy=\"2027-02-11\"", "releases[1].status=\"testing\"" },
    { "releases[0].timeline.deploy=\"2027-02-11\"", "releases[1].status=\"testing\"" } },
  { "rows-added-on-both-sides",
    { "releases[0].risks+=" PSP_OUTAGE },
    { "releases[0].risks+=" SCA },
    { "releases[0].risks+=" PSP_OUTAGE, "releases[0].risks+=" SCA } },
  { "order-follows-the-side-that-moved",
    { "releases[0].scope+=" WALLETS },
    { "releases[0].scope[1]>0" },
    { "releases[0].scope[1]>0", "releases[0].scope+=" WALLETS, "releases[0].scope[2]>1" } },
  { "field-changed-both-ways",
    { "releases[0].timeline.deploy=\"2027-02-11\"", "releases[1].status=\"testing\"" },
    { "releases[0].timeline.deploy=\"2027-02-10\"", "releases[0].version=\"2027.1.1\"" },
    { "releases[0].timeline.deploy=\"2027-02-11\"", "releases[1].status=\"testing\"",
      "releases[0].version=\"2027.1.1\"" },
    { "releases[0].timeline.deploy (release “Payments 2027.1”): ours \"2027-02-11\", theirs \"2027-02-10\", "
      "base \"2027-02-09\"; kept ours" } },
  { "deleted-by-ours-edited-by-theirs",
    { "releases[0].risks=[]" },
    { "releases[0].risks[0].likelihood=4" },
    { "releases[0].risks=[]" },
    { "releases[0].risks (release “Payments 2027.1”, risk “Payments captured twice”): ours deleted it, theirs "
      "changed it; left out, as ours" } },
  { "deleted-by-theirs-edited-by-ours",
    { "releases[0].checklist[1].state=\"done\"" },
    { "-releases[0].checklist[1]" },
    { "releases[0].checklist[1].state=\"done\"" },
    { "releases[0].checklist (release “Payments 2027.1”, checklist item “Staging verified”): theirs deleted it, ours "
      "changed it; kept ours" } },
  { "reordered-both-ways",
    { "releases[0].checklist[1]>0" },
    { "releases[0].checklist[2]>1" },
    { "releases[0].checklist[1]>0" },
    { "releases[0].checklist (release “Payments 2027.1”): both sides reordered it, ours [\"c2\",\"c1\",\"c3\",\"c4\"], "
      "theirs [\"c1\",\"c3\",\"c2\",\"c4\"]; kept ours" } },
};

static void
test_merge_case (gconstpointer data)
{
  const MergeCase *mc = data;
  g_autoptr (RpPlan) base = load (base_plan);
  g_autoptr (RpPlan) ours = load_edited (mc->ours);
  g_autoptr (RpPlan) theirs = load_edited (mc->theirs);
  g_autoptr (RpPlan) expected = load_edited (mc->merged);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpPlanMerge) merge = rp_plan_merge_new (base, ours, theirs, &error);
  g_autoptr (RpPlanMerge) again = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (rp_plan_get_data (rp_plan_merge_get_result (merge)), ==, rp_plan_get_data (expected));
  while (n < G_N_ELEMENTS (mc->conflicts) && mc->conflicts[n])
    n++;
  g_assert_cmpuint (rp_plan_merge_get_n_conflicts (merge), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = rp_plan_conflict_to_string (rp_plan_merge_get_conflict (merge, i));

      g_assert_cmpstr (text, ==, mc->conflicts[i]);
    }

  /* Stable: merging again gives the same bytes. */
  again = rp_plan_merge_new (base, ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_plan_get_data (rp_plan_merge_get_result (again)), ==,
                   rp_plan_get_data (rp_plan_merge_get_result (merge)));
  g_assert_finalize_object (g_steal_pointer (&merge));
}

/* A merge that is not a plan: ours no longer has Lena, theirs makes her
 * own a risk. Each side alone is fine. */
static void
test_merge_invalid_together (void)
{
  const char *const ours_edits[] = { "-people[2]", "releases[0].owners.on_call=[]", NULL };
  const char *const theirs_edits[] = { "releases[0].risks[0].owner=\"lena\"", NULL };
  g_autoptr (RpPlan) base = load (base_plan);
  g_autoptr (RpPlan) ours = load_edited (ours_edits);
  g_autoptr (RpPlan) theirs = load_edited (theirs_edits);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpPlanMerge) merge = rp_plan_merge_new (base, ours, theirs, &error);

  g_assert_null (merge);
  g_assert_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "releases[0].risks[0].owner: unknown person id “lena”"));
}

/* The store diff and merge read plans into: in memory, empty (no built-in
 * templates to turn up in a merged file), and no file anywhere. */
static void
test_store_in_memory (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) store = rp_store_open_memory (&error);
  g_autoptr (GDir) dir = NULL;

  g_assert_no_error (error);
  g_assert_null (rp_store_get_path (store));
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_TEMPLATE), ==, 0);
  g_assert_true (rp_format_json_import (store, base_plan, strlen (base_plan), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 2);
  dir = g_dir_open (g_get_user_data_dir (), 0, NULL);
  g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
}

/* What an import would change, before it is written: the store is left
 * as it was, keys the file leaves out keep their stored values, and the
 * releases are counted as added, changed and left alone. */
static void
test_import_preview (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) store = rp_store_open_memory (&error);
  g_autoptr (RpPlan) old_plan = NULL;
  g_autoptr (RpPlan) new_plan = NULL;
  g_autoptr (RpPlanDiff) diff = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *file = "{\"format\": \"release-planner/plan\", \"format_version\": 1, \"releases\": ["
                     " {\"id\": \"search\", \"name\": \"Search v4.1\"},"
                     " {\"id\": \"mobile\", \"name\": \"Mobile 3\"}]}";
  const char *bad =
      "{\"format\": \"release-planner/plan\", \"format_version\": 1, \"releases\": ["
      " {\"id\": \"search\", \"risks\": [{\"id\": \"r\", \"title\": \"R\", \"likelihood\": 7}]}]}";
  guint added = 0, changed = 0, unchanged = 0, other = 0;

  g_assert_no_error (error);
  g_assert_true (rp_format_json_import (store, base_plan, strlen (base_plan), &error));
  g_assert_no_error (error);
  before = rp_format_json_export (store, NULL, NULL);

  old_plan = rp_plan_new_from_store (store, &error);
  g_assert_no_error (error);
  new_plan = rp_plan_new_import_preview (store, file, strlen (file), &error);
  g_assert_no_error (error);
  after = rp_format_json_export (store, NULL, NULL);
  g_assert_cmpstr (after, ==, before);

  diff = rp_plan_diff_new (old_plan, new_plan);
  rp_plan_diff_count_releases (diff, new_plan, &added, &changed, &unchanged, &other);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (unchanged, ==, 1);
  g_assert_cmpuint (other, ==, 0);
  /* the deploy date the file leaves out is kept */
  g_assert_nonnull (strstr (rp_plan_get_data (new_plan), "2026-11-25"));

  /* the importer's errors, with their JSON path */
  g_clear_pointer (&new_plan, rp_plan_unref);
  new_plan = rp_plan_new_import_preview (store, bad, strlen (bad), &error);
  g_assert_null (new_plan);
  g_assert_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "releases[0].risks[0].likelihood"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (diff_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/plan/diff/%s", diff_cases[i].name);
      g_test_add_data_func (path, &diff_cases[i], test_diff_case);
    }
  g_test_add_func ("/plan/diff/minimal-and-export", test_diff_minimal_and_export);
  g_test_add_func ("/plan/diff/json", test_diff_json);
  for (guint i = 0; i < G_N_ELEMENTS (merge_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/plan/merge/%s", merge_cases[i].name);
      g_test_add_data_func (path, &merge_cases[i], test_merge_case);
    }
  g_test_add_func ("/plan/merge/invalid-together", test_merge_invalid_together);
  g_test_add_func ("/plan/store-in-memory", test_store_in_memory);
  g_test_add_func ("/plan/import-preview", test_import_preview);
  return g_test_run ();
}
