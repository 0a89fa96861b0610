/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-test-core.h"

/* rp_test_insert (), for the id of the row. */
#define insert(...) insert_id (rp_test_insert (__VA_ARGS__))

static char *
insert_id (RpRecord *record)
{
  char *id = g_strdup (rp_record_get_id (record));

  g_object_unref (record);
  return id;
}

/* Two releases: "Spring" with one of everything searched, and "Autumn"
 * with a checklist of two sections. */
typedef struct
{
  RpStore *store;
  char *spring, *autumn;
  char *scope, *risk, *dependency, *item, *late_item;
} Plan;

static void
plan_init (Plan *plan)
{
  g_autofree char *section = NULL;
  g_autofree char *first = NULL, *second = NULL;

  plan->store = rp_test_open_store ();
  plan->spring =
      insert (plan->store, RP_ENTITY_RELEASE, NULL, NULL, "name", "Spring", "version", "2.4.0", NULL);
  plan->autumn = insert (plan->store, RP_ENTITY_RELEASE, NULL, NULL, "name", "Autumn", NULL);
  plan->scope = insert (plan->store, RP_ENTITY_SCOPE_ITEM, "release_id", plan->spring, "title",
                        "Faster Checkout", NULL);
  plan->risk = insert (plan->store, RP_ENTITY_RISK, "release_id", plan->spring, "title", "PSP outage", NULL);
  plan->dependency = insert (plan->store, RP_ENTITY_DEPENDENCY, "release_id", plan->spring, "title",
                             "Payments gateway", NULL);
  section =
      insert (plan->store, RP_ENTITY_CHECKLIST_SECTION, "release_id", plan->spring, "name", "Support", NULL);
  plan->item = insert (plan->store, RP_ENTITY_CHECKLIST_ITEM, "section_id", section, "text",
                       "Brief the help désk", NULL);
  /* Autumn's second section is first in its checklist: its item is the
   * first match, though written last. */
  first =
      insert (plan->store, RP_ENTITY_CHECKLIST_SECTION, "release_id", plan->autumn, "name", "Later", NULL);
  second =
      insert (plan->store, RP_ENTITY_CHECKLIST_SECTION, "release_id", plan->autumn, "name", "Sooner", NULL);
  g_free (
      insert (plan->store, RP_ENTITY_CHECKLIST_ITEM, "section_id", first, "text", "Label the build", NULL));
  plan->late_item =
      insert (plan->store, RP_ENTITY_CHECKLIST_ITEM, "section_id", second, "text", "Label the images", NULL);
  g_assert_true (rp_store_move (plan->store, RP_ENTITY_CHECKLIST_SECTION, second, 0, NULL));
}

static void
plan_clear (Plan *plan)
{
  g_clear_object (&plan->store);
  g_free (plan->spring);
  g_free (plan->autumn);
  g_free (plan->scope);
  g_free (plan->risk);
  g_free (plan->dependency);
  g_free (plan->item);
  g_free (plan->late_item);
}

static GHashTable *
find (Plan *plan, const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RpSearch) search = rp_search_new (plan->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (search);
  return rp_search_find (search, query);
}

static void
test_fold (void)
{
  const struct
  {
    const char *text, *folded;
  } cases[] = {
    { "Café ÉCLAIR", "cafe eclair" },
    { "Straße", "strasse" },
    { "ÅNGSTRÖM naïve", "angstrom naive" },
    { "PSP Outage 2.4", "psp outage 2.4" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = rp_search_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

/* One query, the one release it finds in Spring, and what matched. */
typedef struct
{
  const char *query;
  RpEntity entity;
  const char *field;
  const char *snippet;
  guint which; /* 0 the release, 1 scope, 2 risk, 3 dependency, 4 checklist item */
} SpringCase;

static const SpringCase spring_cases[] = {
  { "spring", RP_ENTITY_RELEASE, "name", "Spring", 0 },
  { "2.4", RP_ENTITY_RELEASE, "version", "2.4.0", 0 },
  { "CHECKOUT", RP_ENTITY_SCOPE_ITEM, "title", "Faster Checkout", 1 },
  { "psp outage", RP_ENTITY_RISK, "title", "PSP outage", 2 },
  { "Gateway", RP_ENTITY_DEPENDENCY, "title", "Payments gateway", 3 },
  /* accents and case both folded, the other way round too */
  { "HELP DESK", RP_ENTITY_CHECKLIST_ITEM, "text", "Brief the help désk", 4 },
  { "brief  désk", RP_ENTITY_CHECKLIST_ITEM, "text", "Brief the help désk", 4 },
  /* words spread over two things: found, shown by the first that holds one */
  { "outage faster", RP_ENTITY_SCOPE_ITEM, "title", "Faster Checkout", 1 },
  /* the thing that holds them all beats the one that holds one */
  { "payments gateway", RP_ENTITY_DEPENDENCY, "title", "Payments gateway", 3 },
};

static void
test_find_in_spring (gconstpointer data)
{
  const SpringCase *row = data;
  Plan plan = { 0 };
  g_autoptr (GHashTable) found = NULL;
  RpSearchMatch *match;
  const char *ids[5];

  plan_init (&plan);
  ids[0] = plan.spring;
  ids[1] = plan.scope;
  ids[2] = plan.risk;
  ids[3] = plan.dependency;
  ids[4] = plan.item;
  found = find (&plan, row->query);
  g_assert_cmpuint (g_hash_table_size (found), ==, 1);
  match = g_hash_table_lookup (found, plan.spring);
  g_assert_nonnull (match);
  g_assert_cmpstr (rp_search_match_get_release_id (match), ==, plan.spring);
  g_assert_cmpint (rp_search_match_get_entity (match), ==, row->entity);
  g_assert_cmpstr (rp_search_match_get_id (match), ==, ids[row->which]);
  g_assert_cmpstr (rp_search_match_get_field (match), ==, row->field);
  g_assert_cmpstr (rp_search_match_get_snippet (match), ==, row->snippet);
  plan_clear (&plan);
}

static void
test_find_none (void)
{
  Plan plan = { 0 };
  const char *const queries[] = { "nowhere", "spring nowhere", "", "   ", "autumnal" };

  plan_init (&plan);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GHashTable) found = find (&plan, queries[i]);

      g_assert_cmpuint (g_hash_table_size (found), ==, 0);
    }
  plan_clear (&plan);
}

/* A release's matches in the order of its pages: the checklist's first
 * section before its second, whatever order they were written in. */
static void
test_find_in_page_order (void)
{
  Plan plan = { 0 };
  g_autoptr (GHashTable) found = NULL;
  RpSearchMatch *match;

  plan_init (&plan);
  found = find (&plan, "label");
  g_assert_cmpuint (g_hash_table_size (found), ==, 1);
  match = g_hash_table_lookup (found, plan.autumn);
  g_assert_nonnull (match);
  g_assert_cmpstr (rp_search_match_get_id (match), ==, plan.late_item);
  g_assert_cmpstr (rp_search_match_get_snippet (match), ==, "Label the images");
  plan_clear (&plan);
}

/* A long text shows the part around the match, on one line. */
static void
test_snippet (void)
{
  Plan plan = { 0 };
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GHashTable) found = NULL;
  g_autofree char *section = NULL;
  const char *snippet;

  plan_init (&plan);
  for (guint i = 0; i < 10; i++)
    g_string_append (text, "filler words\n");
  g_string_append (text, "ROLLBACK drill ");
  for (guint i = 0; i < 10; i++)
    g_string_append (text, "more filler ");
  section = insert (plan.store, RP_ENTITY_CHECKLIST_SECTION, "release_id", plan.autumn, "name", "Ops", NULL);
  g_free (insert (plan.store, RP_ENTITY_CHECKLIST_ITEM, "section_id", section, "text", text->str, NULL));

  found = find (&plan, "rollback");
  snippet = rp_search_match_get_snippet (g_hash_table_lookup (found, plan.autumn));
  g_assert_true (g_str_has_prefix (snippet, "…"));
  g_assert_true (g_str_has_suffix (snippet, "…"));
  g_assert_nonnull (strstr (snippet, "ROLLBACK drill"));
  g_assert_null (strchr (snippet, '\n'));
  g_assert_cmpint (g_utf8_strlen (snippet, -1), <=, 62);
  plan_clear (&plan);
}

/* A snapshot: what changed after it was read is not in it, a new one
 * has it. */
static void
test_snapshot (void)
{
  Plan plan = { 0 };
  g_autoptr (RpSearch) search = NULL;
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;

  plan_init (&plan);
  search = rp_search_new (plan.store, NULL);
  g_free (insert (plan.store, RP_ENTITY_RISK, "release_id", plan.autumn, "title", "Frost", NULL));
  before = rp_search_find (search, "frost");
  g_assert_cmpuint (g_hash_table_size (before), ==, 0);
  after = find (&plan, "frost");
  g_assert_cmpuint (g_hash_table_size (after), ==, 1);
  g_assert_true (g_hash_table_contains (after, plan.autumn));
  plan_clear (&plan);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search/fold", test_fold);
  for (guint i = 0; i < G_N_ELEMENTS (spring_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/search/find/%u", i);

      g_test_add_data_func (path, &spring_cases[i], test_find_in_spring);
    }
  g_test_add_func ("/search/find/none", test_find_none);
  g_test_add_func ("/search/find/page-order", test_find_in_page_order);
  g_test_add_func ("/search/snippet", test_snippet);
  g_test_add_func ("/search/snapshot", test_snapshot);

  return g_test_run ();
}
