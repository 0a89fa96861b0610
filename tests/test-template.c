/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-core.h"

/* Each test has its own XDG dirs (G_TEST_OPTION_ISOLATE_DIRS), so its own
 * fresh database. */
static RpStore *
open_store_named (const char *file)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), file, NULL);
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static RpStore *
open_store (void)
{
  return open_store_named ("plans.db");
}

static char *
add_release (RpStore *store, const char *name)
{
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "name", name);
  rp_store_insert (store, release, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (release));
}

static char *
add_section (RpStore *store, const char *release_id, const char *name, gboolean before_deploy)
{
  g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (section, "release_id", release_id);
  rp_record_set_string (section, "name", name);
  rp_record_set_bool (section, "complete_before_deploy", before_deploy);
  rp_store_insert (store, section, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (section));
}

static char *
add_item (RpStore *store, const char *section_id, const char *text, const char *state)
{
  g_autoptr (RpRecord) item = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (item, "section_id", section_id);
  rp_record_set_string (item, "text", text);
  rp_record_set_string (item, "state", state);
  rp_store_insert (store, item, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (item));
}

/* The checklist at the end of the article ("My Release Checklist"),
 * copied from it by hand: the standard template must be exactly this. */
typedef struct
{
  const char *name;
  gboolean complete_before_deploy;
  const char *items[8];
} ExpectedSection;

static const ExpectedSection article_checklist[] = {
  { "Pre-Release",
    TRUE,
    { "All features complete and merged", "All tests passing", "Code reviewed and approved",
      "Staging tested and verified", "Release notes written", "Rollback plan documented", "On-call scheduled",
      NULL } },
  { "Deploy",
    FALSE,
    { "Low-traffic window selected", "Monitoring dashboards open", "Deploy to canary/small percentage",
      "Smoke tests passing", "Expand to full rollout", NULL } },
  { "Post-Deploy",
    FALSE,
    { "Error rates normal", "Key metrics healthy", "Stakeholders notified", "Feature flags cleaned up",
      "Post-mortem scheduled (if issues)", NULL } },
};

static void
test_standard_is_article (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) tmpl = rp_template_find (store, "Standard release", &error);
  g_autoptr (GPtrArray) sections = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_id (tmpl), ==, RP_TEMPLATE_STANDARD_ID);
  g_assert_cmpstr (rp_record_get_string (tmpl, "name"), ==, "Standard release");

  sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, RP_TEMPLATE_STANDARD_ID);
  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (article_checklist));
  for (guint s = 0; s < sections->len; s++)
    {
      const ExpectedSection *want = &article_checklist[s];
      g_autoptr (GPtrArray) items =
          rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (sections->pdata[s]));
      guint n = g_strv_length ((char **) want->items);

      g_assert_cmpstr (rp_record_get_string (sections->pdata[s], "name"), ==, want->name);
      g_assert_cmpint (rp_record_get_bool (sections->pdata[s], "complete_before_deploy"), ==,
                       want->complete_before_deploy);
      g_assert_cmpuint (items->len, ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (rp_record_get_string (items->pdata[i], "text"), ==, want->items[i]);
    }
}

static void
collect_ids (RpStore *store, const char *template_id, GPtrArray *ids)
{
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, template_id);

  g_ptr_array_add (ids, g_strdup (template_id));
  for (guint s = 0; s < sections->len; s++)
    {
      g_autoptr (GPtrArray) items =
          rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (sections->pdata[s]));
      g_ptr_array_add (ids, g_strdup (rp_record_get_id (sections->pdata[s])));
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (ids, g_strdup (rp_record_get_id (items->pdata[i])));
    }
}

/* Every database agrees on the ids of the built-in rows. */
static void
test_builtin_ids_stable (void)
{
  g_autoptr (RpStore) a = open_store_named ("a.db");
  g_autoptr (RpStore) b = open_store_named ("b.db");
  const char *const templates[] = { RP_TEMPLATE_STANDARD_ID, RP_TEMPLATE_LIFECYCLE_ID };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr (GPtrArray) ids_a = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) ids_b = g_ptr_array_new_with_free_func (g_free);

      collect_ids (a, templates[t], ids_a);
      collect_ids (b, templates[t], ids_b);
      g_assert_cmpuint (ids_a->len, ==, ids_b->len);
      g_assert_cmpuint (ids_a->len, >, 10);
      for (guint i = 0; i < ids_a->len; i++)
        {
          const char *id = ids_a->pdata[i];

          g_assert_cmpstr (id, ==, ids_b->pdata[i]);
          g_assert_true (g_uuid_string_is_valid (id));
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, g_strdup (id));
        }
    }
}

/* A new database has the two built-ins and nothing to undo; seeding
 * again adds nothing. */
static void
test_seed_idempotent (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  guint sections = rp_store_count (store, RP_ENTITY_TEMPLATE_SECTION);
  guint items = rp_store_count (store, RP_ENTITY_TEMPLATE_ITEM);

  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_TEMPLATE), ==, 2);
  g_assert_cmpuint (sections, ==, 3 + 5);
  g_assert_false (rp_store_can_undo (store));

  g_assert_true (rp_template_seed_builtin (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_TEMPLATE), ==, 2);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_TEMPLATE_SECTION), ==, sections);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_TEMPLATE_ITEM), ==, items);
}

static void
test_lifecycle_phases (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) tmpl = rp_template_find (store, "Full lifecycle", &error);
  g_autoptr (GPtrArray) sections = NULL;
  const char *const phases[] = { "Planning", "Development", "Testing", "Deployment", "Post-Release" };
  /* a practice of each phase, as the article names it */
  const char *const practices[] = { "acceptance criteria", "code review", "staging", "low-traffic",
                                    "24 hours" };

  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_id (tmpl), ==, RP_TEMPLATE_LIFECYCLE_ID);
  sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, RP_TEMPLATE_LIFECYCLE_ID);
  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (phases));
  for (guint s = 0; s < sections->len; s++)
    {
      g_autoptr (GPtrArray) items =
          rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (sections->pdata[s]));
      gboolean found = FALSE;

      g_assert_cmpstr (rp_record_get_string (sections->pdata[s], "name"), ==, phases[s]);
      g_assert_cmpuint (items->len, >=, 3);
      for (guint i = 0; i < items->len; i++)
        {
          g_autofree char *lower = g_ascii_strdown (rp_record_get_string (items->pdata[i], "text"), -1);
          found |= strstr (lower, practices[s]) != NULL;
        }
      g_assert_true (found);
    }
  /* what happens before the deploy must be complete before it */
  g_assert_true (rp_record_get_bool (sections->pdata[0], "complete_before_deploy"));
  g_assert_true (rp_record_get_bool (sections->pdata[2], "complete_before_deploy"));
  g_assert_false (rp_record_get_bool (sections->pdata[4], "complete_before_deploy"));
}

static void
test_find (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) by_id = rp_template_find (store, RP_TEMPLATE_LIFECYCLE_ID, &error);
  g_autoptr (RpRecord) by_case = NULL;
  g_autoptr (RpRecord) none = NULL;
  g_autoptr (RpRecord) exact = NULL;
  g_autoptr (RpRecord) ambiguous = NULL;
  g_autoptr (RpRecord) a = rp_record_new (RP_ENTITY_TEMPLATE);
  g_autoptr (RpRecord) b = rp_record_new (RP_ENTITY_TEMPLATE);

  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_string (by_id, "name"), ==, "Full lifecycle");

  by_case = rp_template_find (store, "STANDARD Release", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_id (by_case), ==, RP_TEMPLATE_STANDARD_ID);

  none = rp_template_find (store, "Standard", &error);
  g_assert_null (none);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rp_record_set_string (a, "name", "Hotfix");
  rp_record_set_string (b, "name", "HOTFIX");
  g_assert_true (rp_store_insert (store, a, NULL));
  g_assert_true (rp_store_insert (store, b, NULL));

  exact = rp_template_find (store, "HOTFIX", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_id (exact), ==, rp_record_get_id (b));

  ambiguous = rp_template_find (store, "hotfix", &error);
  g_assert_null (ambiguous);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, rp_record_get_id (a)));
  g_assert_nonnull (strstr (error->message, rp_record_get_id (b)));
}

/* The sections of a release as "name|flag: item; item" lines. */
static char *
describe_checklist (RpStore *store, const char *release_id)
{
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < sections->len; s++)
    {
      g_autoptr (GPtrArray) items =
          rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[s]));

      g_string_append_printf (out, "%s|%d:", rp_record_get_string (sections->pdata[s], "name"),
                              rp_record_get_bool (sections->pdata[s], "complete_before_deploy"));
      for (guint i = 0; i < items->len; i++)
        g_string_append_printf (out, " %s;", rp_record_get_string (items->pdata[i], "text"));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_apply_save_round_trip (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *r1 = add_release (store, "R1");
  g_autofree char *r2 = add_release (store, "R2");
  g_autofree char *own = NULL;
  g_autofree char *extra = add_section (store, r1, "Existing", FALSE);
  g_autofree char *extra_item = add_item (store, extra, "Already here", "done");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *clash = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) first_items = NULL;
  RpProgress progress;

  g_assert_true (rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, r1, &error));
  g_assert_no_error (error);

  /* appended after the section that was there, items open */
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, r1);
  g_assert_cmpuint (sections->len, ==, 4);
  g_assert_cmpstr (rp_record_get_string (sections->pdata[0], "name"), ==, "Existing");
  g_assert_cmpstr (rp_record_get_string (sections->pdata[1], "name"), ==, "Pre-Release");
  g_assert_cmpstr (rp_record_get_string (sections->pdata[3], "name"), ==, "Post-Deploy");
  first_items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[1]));
  g_assert_cmpuint (first_items->len, ==, 7);
  g_assert_cmpstr (rp_record_get_string (first_items->pdata[0], "state"), ==, "open");
  rp_checklist_progress (store, r1, NULL, &progress);
  g_assert_cmpuint (progress.total, ==, 18);
  g_assert_cmpuint (progress.done, ==, 1);

  /* one undo step takes it all away, redo brings it back */
  before = describe_checklist (store, r1);
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, r1);
  g_assert_cmpuint (sections->len, ==, 1);
  g_assert_true (rp_store_redo (store, &error));
  g_assert_no_error (error);
  after = describe_checklist (store, r1);
  g_assert_cmpstr (before, ==, after);

  /* save as a template, apply it to another release: the same checklist */
  own = rp_template_save_from_release (store, r1, "Our release", &error);
  g_assert_no_error (error);
  g_assert_nonnull (own);
  {
    g_autoptr (RpRecord) found = rp_template_find (store, "our release", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rp_record_get_id (found), ==, own);
  }
  g_assert_true (rp_template_apply (store, own, r2, &error));
  g_assert_no_error (error);
  copy = describe_checklist (store, r2);
  g_assert_cmpstr (copy, ==, before);
  rp_checklist_progress (store, r2, NULL, &progress);
  g_assert_cmpuint (progress.done, ==, 0); /* states are not part of a template */
  g_assert_cmpuint (progress.total, ==, 18);

  /* names pick templates: a second "Our release" is refused */
  clash = rp_template_save_from_release (store, r2, "OUR RELEASE", &error);
  g_assert_null (clash);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* a template that does not exist changes nothing */
  g_assert_false (rp_template_apply (store, "no-such-template", r2, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

/* Applying a template to a checklist that has its sections adds only
 * what is missing: twice changes nothing, a ticked item stays ticked, a
 * deleted item comes back, a section of the same name in other case is
 * the same section; one undo step, none when nothing was added. */
static void
test_apply_skips_present (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *r = add_release (store, "R");
  g_autofree char *before = NULL;
  g_autofree char *again = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *own = NULL;
  g_autofree char *own_item = NULL;
  RpProgress progress;
  guint n_sections = 99, n_items = 99;

  g_assert_true (rp_template_apply_full (store, RP_TEMPLATE_STANDARD_ID, r, &n_sections, &n_items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sections, ==, 3);
  g_assert_cmpuint (n_items, ==, 17);

  /* Twice: the same checklist, no new undo step. */
  before = describe_checklist (store, r);
  g_assert_true (rp_template_apply_full (store, RP_TEMPLATE_STANDARD_ID, r, &n_sections, &n_items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sections, ==, 0);
  g_assert_cmpuint (n_items, ==, 0);
  again = describe_checklist (store, r);
  g_assert_cmpstr (again, ==, before);
  rp_checklist_progress (store, r, NULL, &progress);
  g_assert_cmpuint (progress.total, ==, 17);

  /* A ticked item, a deleted one, a section renamed in capitals and an
   * item of its own: only the deleted item comes back, at the end of its
   * section, and the rest is as it was. */
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, r);
  items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]));
  g_assert_true (rp_checklist_set_state (store, rp_record_get_id (items->pdata[0]), "done", &error));
  g_assert_true (
      rp_store_delete (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (items->pdata[1]), &error));
  {
    g_autoptr (RpRecord) renamed = rp_record_copy (sections->pdata[2]);

    rp_record_set_string (renamed, "name", "  POST-DEPLOY ");
    g_assert_true (rp_store_update (store, renamed, &error));
  }
  own = add_section (store, r, "Ours", FALSE);
  own_item = add_item (store, own, "Tell support", "open");
  g_assert_no_error (error);

  g_assert_true (rp_template_apply_full (store, RP_TEMPLATE_STANDARD_ID, r, &n_sections, &n_items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sections, ==, 0);
  g_assert_cmpuint (n_items, ==, 1);
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, r);
  g_assert_cmpuint (sections->len, ==, 4);
  rp_checklist_progress (store, r, NULL, &progress);
  g_assert_cmpuint (progress.total, ==, 18);
  g_assert_cmpuint (progress.done, ==, 1);
  {
    g_autoptr (GPtrArray) first =
        rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]));

    g_assert_cmpuint (first->len, ==, items->len);
    g_assert_cmpstr (rp_record_get_string (first->pdata[first->len - 1], "text"), ==,
                     rp_record_get_string (items->pdata[1], "text"));
  }

  /* Its undo step takes back that one item. */
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Add the checklist of “Standard release”");
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_checklist_progress (store, r, NULL, &progress);
  g_assert_cmpuint (progress.total, ==, 17);
}

static void
test_progress (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autofree char *r = add_release (store, "R");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *empty = NULL;
  RpProgress p;
  const char *states[] = { "done", "na", "open", "open", "done" };

  /* nothing planned: 0 of 0, and the bar empty */
  rp_checklist_progress (store, r, NULL, &p);
  g_assert_cmpuint (p.total, ==, 0);
  g_assert_cmpuint (p.open + p.done + p.na, ==, 0);
  g_assert_cmpfloat (rp_progress_fraction (&p), ==, 0.0);

  a = add_section (store, r, "A", TRUE);
  b = add_section (store, r, "B", FALSE);
  empty = add_section (store, r, "Empty", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *text = g_strdup_printf ("item %u", i);
      g_autofree char *id = add_item (store, i < 3 ? a : b, text, states[i]);
    }

  rp_checklist_progress (store, r, NULL, &p);
  g_assert_cmpuint (p.total, ==, 5);
  g_assert_cmpuint (p.done, ==, 2);
  g_assert_cmpuint (p.na, ==, 1);
  g_assert_cmpuint (p.open, ==, 2);
  g_assert_cmpfloat_with_epsilon (rp_progress_fraction (&p), 3.0 / 5.0, 1e-9);

  rp_checklist_progress (store, r, a, &p);
  g_assert_cmpuint (p.total, ==, 3);
  g_assert_cmpuint (p.done, ==, 1);
  g_assert_cmpuint (p.na, ==, 1);
  g_assert_cmpuint (p.open, ==, 1);
  g_assert_cmpfloat_with_epsilon (rp_progress_fraction (&p), 2.0 / 3.0, 1e-9);

  /* n/a alone is complete */
  {
    g_autofree char *c = add_section (store, r, "C", TRUE);
    g_autofree char *id = add_item (store, c, "not for us", "na");
    rp_checklist_progress (store, r, c, &p);
    g_assert_cmpuint (p.total, ==, 1);
    g_assert_cmpfloat (rp_progress_fraction (&p), ==, 1.0);
  }

  rp_checklist_progress (store, r, empty, &p);
  g_assert_cmpuint (p.total, ==, 0);
  g_assert_cmpfloat (rp_progress_fraction (&p), ==, 0.0);
}

static void
test_find_item (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *r = add_release (store, "R");
  g_autofree char *other = add_release (store, "Other");
  g_autoptr (RpRecord) item = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *os = add_section (store, other, "X", TRUE);
  g_autofree char *other_item = add_item (store, os, "All tests passing elsewhere", "open");
  g_autofree char *ds = NULL;
  g_autofree char *deploy = NULL;
  g_autofree char *deploy_canary = NULL;

  g_assert_true (rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, r, NULL));
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, r);
  items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]));

  /* by id */
  item = rp_checklist_find_item (store, r, rp_record_get_id (items->pdata[2]), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_string (item, "text"), ==, "Code reviewed and approved");
  g_clear_object (&item);

  /* by prefix, ignoring case; only this release's items count */
  item = rp_checklist_find_item (store, r, "all TESTS", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_string (item, "text"), ==, "All tests passing");
  g_clear_object (&item);

  /* the id of another release's item is not found */
  item = rp_checklist_find_item (store, r, other_item, &error);
  g_assert_null (item);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* ambiguous: the message lists every candidate */
  item = rp_checklist_find_item (store, r, "s", &error);
  g_assert_null (item);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "Staging tested and verified"));
  g_assert_nonnull (strstr (error->message, "Smoke tests passing"));
  g_assert_nonnull (strstr (error->message, "Stakeholders notified"));
  g_assert_null (strstr (error->message, "All tests passing"));
  g_clear_error (&error);

  item = rp_checklist_find_item (store, r, "nothing like it", &error);
  g_assert_null (item);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  item = rp_checklist_find_item (store, r, "  ", &error);
  g_assert_null (item);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a whole text wins over the longer texts it starts */
  ds = add_section (store, r, "Extra", FALSE);
  deploy = add_item (store, ds, "Deploy", "open");
  deploy_canary = add_item (store, ds, "Deploy later", "open");
  item = rp_checklist_find_item (store, r, "deploy", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_id (item), ==, deploy);
  g_clear_object (&item);
  item = rp_checklist_find_item (store, r, "Deploy ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_id (item), ==, deploy);
  g_clear_object (&item);
  item = rp_checklist_find_item (store, r, "deploy t", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_string (item, "text"), ==, "Deploy to canary/small percentage");
}

static void
test_set_state (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *r = add_release (store, "R");
  g_autofree char *s = add_section (store, r, "S", TRUE);
  g_autofree char *id = add_item (store, s, "Ship it", "open");
  g_autofree char *done_at = NULL;
  g_autoptr (RpRecord) item = NULL;

  g_assert_true (rp_checklist_set_state (store, id, "done", &error));
  g_assert_no_error (error);
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "state"), ==, "done");
  g_assert_true (rp_timestamp_is_valid (rp_record_get_string (item, "done_at")));
  done_at = g_strdup (rp_record_get_string (item, "done_at"));
  g_clear_object (&item);

  /* done again: nothing changes, no undo step */
  g_assert_true (rp_checklist_set_state (store, id, "done", &error));
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "done_at"), ==, done_at);
  g_clear_object (&item);

  g_assert_true (rp_checklist_set_state (store, id, "open", &error));
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "state"), ==, "open");
  g_assert_true (rp_record_is_null (item, "done_at"));
  g_clear_object (&item);

  /* undo is one step per tick */
  g_assert_true (rp_store_undo (store, &error));
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "state"), ==, "done");
  g_assert_cmpstr (rp_record_get_string (item, "done_at"), ==, done_at);
  g_clear_object (&item);

  g_assert_true (rp_checklist_set_state (store, id, "na", &error));
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "state"), ==, "na");
  g_assert_true (rp_record_is_null (item, "done_at"));
  g_clear_object (&item);

  g_assert_false (rp_checklist_set_state (store, id, "finished", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rp_checklist_set_state (store, "no-such-item", "done", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/template/standard/is-the-article", test_standard_is_article);
  g_test_add_func ("/template/builtin/stable-ids", test_builtin_ids_stable);
  g_test_add_func ("/template/builtin/seed-once", test_seed_idempotent);
  g_test_add_func ("/template/lifecycle/phases", test_lifecycle_phases);
  g_test_add_func ("/template/find", test_find);
  g_test_add_func ("/template/apply-save-round-trip", test_apply_save_round_trip);
  g_test_add_func ("/template/apply-skips-present", test_apply_skips_present);
  g_test_add_func ("/checklist/progress", test_progress);
  g_test_add_func ("/checklist/find-item", test_find_item);
  g_test_add_func ("/checklist/set-state", test_set_state);

  return g_test_run ();
}
