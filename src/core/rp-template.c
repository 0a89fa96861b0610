/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"
#include "rp-template.h"

/* The built-in templates, in the words of the article the product is
 * built on ("End to End Release Management"). Plan files and databases
 * refer to their rows by the ids derived below, so the order of sections
 * and items must not change. */

typedef struct
{
  const char *name;
  gboolean complete_before_deploy;
  const char *const *items;
} BuiltinSection;

typedef struct
{
  const char *id;
  const char *name;
  const BuiltinSection *sections;
  guint n_sections;
} BuiltinTemplate;

/* "My Release Checklist", item for item. Only Pre-Release has to be
 * complete before deploy: the go/no-go decision is taken before the
 * deploy starts, and the Deploy items (canary, smoke tests, full rollout)
 * can only be done during it, so requiring them would make every release
 * "no go" until it had been deployed. */
static const char *const standard_pre_release[] = { "All features complete and merged",
                                                    "All tests passing",
                                                    "Code reviewed and approved",
                                                    "Staging tested and verified",
                                                    "Release notes written",
                                                    "Rollback plan documented",
                                                    "On-call scheduled",
                                                    NULL };

static const char *const standard_deploy[] = {
  "Low-traffic window selected", "Monitoring dashboards open", "Deploy to canary/small percentage",
  "Smoke tests passing",         "Expand to full rollout",     NULL
};

static const char *const standard_post_deploy[] = { "Error rates normal",
                                                    "Key metrics healthy",
                                                    "Stakeholders notified",
                                                    "Feature flags cleaned up",
                                                    "Post-mortem scheduled (if issues)",
                                                    NULL };

static const BuiltinSection standard_sections[] = {
  { "Pre-Release", TRUE, standard_pre_release },
  { "Deploy", FALSE, standard_deploy },
  { "Post-Deploy", FALSE, standard_post_deploy },
};

/* One section per phase of the article, with the practices it names. */
static const char *const lifecycle_planning[] = { "Clear scope with acceptance criteria",
                                                  "Dependencies identified",
                                                  "Risks called out",
                                                  "Code complete date set",
                                                  "Testing window set",
                                                  "Deploy date set",
                                                  "Buffer for unexpected issues planned",
                                                  "Owner of each component identified",
                                                  "Go/no-go decision maker identified",
                                                  "On-call during and after deploy identified",
                                                  NULL };

static const char *const lifecycle_development[] = {
  "Feature branches merged to main only when complete and tested",
  "Every change code reviewed",
  "Automated tests: unit, integration and smoke tests",
  "Risky features behind feature flags",
  "Regular integration: merged to main daily",
  NULL
};

static const char *const lifecycle_testing[] = { "QA pass: happy path testing",
                                                 "QA pass: edge cases",
                                                 "QA pass: regression testing for affected areas",
                                                 "Performance testing for significant changes",
                                                 "Security review for sensitive features",
                                                 "Staging environment that mirrors production tested",
                                                 "User acceptance testing (UAT) for major features",
                                                 NULL };

static const char *const lifecycle_deployment[] = { "Pre-deploy: all tests passing",
                                                    "Pre-deploy: staging verified",
                                                    "Pre-deploy: rollback plan ready",
                                                    "Pre-deploy: monitoring dashboards open",
                                                    "Pre-deploy: on-call people notified",
                                                    "Deploy in a low-traffic window",
                                                    "Gradual rollout: deploy to a small percentage first",
                                                    "Gradual rollout: monitor for errors",
                                                    "Gradual rollout: expand if healthy",
                                                    "Smoke test production: critical paths work",
                                                    "Communication: stakeholders know the release is live",
                                                    "Release notes updated",
                                                    NULL };

static const char *const lifecycle_post_release[] = {
  "Error rates, latency and key metrics monitored for at least 24 hours",
  "Feedback collected",
  "Post-mortem (if needed)",
  "Clean up: fully rolled out feature flags removed",
  "Clean up: release tickets closed",
  "Clean up: documentation updated",
  NULL
};

static const BuiltinSection lifecycle_sections[] = {
  { "Planning", TRUE, lifecycle_planning },
  { "Development", TRUE, lifecycle_development },
  { "Testing", TRUE, lifecycle_testing },
  { "Deployment", FALSE, lifecycle_deployment },
  { "Post-Release", FALSE, lifecycle_post_release },
};

static const BuiltinTemplate builtin_templates[] = {
  { RP_TEMPLATE_STANDARD_ID, "Standard release", standard_sections, G_N_ELEMENTS (standard_sections) },
  { RP_TEMPLATE_LIFECYCLE_ID, "Full lifecycle", lifecycle_sections, G_N_ELEMENTS (lifecycle_sections) },
};

/* A UUID-shaped id derived from the template's id and a path inside it
 * ("section/1", "section/1/item/3"), in the manner of a version 5 UUID:
 * the same in every database and every plan file. */
static char *
derive_id (const char *template_id, const char *path)
{
  g_autofree char *name = g_strdup_printf ("release-planner:%s/%s", template_id, path);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);
  char variant = "89ab"[g_ascii_xdigit_value (hex[16]) & 0x3];

  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13, variant, hex + 17,
                          hex + 20);
}

static gboolean
seed_one (RpStore *store, const BuiltinTemplate *t, GError **error)
{
  g_autoptr (RpRecord) existing = rp_store_get (store, RP_ENTITY_TEMPLATE, t->id, NULL);
  g_autoptr (RpRecord) tmpl = NULL;

  if (existing != NULL)
    return TRUE;

  tmpl = rp_record_new_with_id (RP_ENTITY_TEMPLATE, t->id);
  rp_record_set_string (tmpl, "name", t->name);
  if (!rp_store_insert (store, tmpl, error))
    return FALSE;

  for (guint s = 0; s < t->n_sections; s++)
    {
      const BuiltinSection *bs = &t->sections[s];
      g_autofree char *section_path = g_strdup_printf ("section/%u", s);
      g_autofree char *section_id = derive_id (t->id, section_path);
      g_autoptr (RpRecord) section = rp_record_new_with_id (RP_ENTITY_TEMPLATE_SECTION, section_id);

      rp_record_set_string (section, "template_id", t->id);
      rp_record_set_string (section, "name", bs->name);
      rp_record_set_bool (section, "complete_before_deploy", bs->complete_before_deploy);
      rp_record_set_position (section, s);
      if (!rp_store_insert (store, section, error))
        return FALSE;

      for (guint i = 0; bs->items[i] != NULL; i++)
        {
          g_autofree char *item_path = g_strdup_printf ("section/%u/item/%u", s, i);
          g_autofree char *item_id = derive_id (t->id, item_path);
          g_autoptr (RpRecord) item = rp_record_new_with_id (RP_ENTITY_TEMPLATE_ITEM, item_id);

          rp_record_set_string (item, "section_id", section_id);
          rp_record_set_string (item, "text", bs->items[i]);
          rp_record_set_position (item, i);
          if (!rp_store_insert (store, item, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * rp_template_seed_builtin:
 *
 * Adds the built-in templates ("Standard release" and "Full lifecycle")
 * with their fixed ids, in one group. A template that exists already is
 * left as it is.
 */
gboolean
rp_template_seed_builtin (RpStore *store, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  if (!rp_store_begin (store, "Add the built-in templates", error))
    return FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (builtin_templates); t++)
    if (!seed_one (store, &builtin_templates[t], error))
      {
        rp_store_rollback (store);
        return FALSE;
      }
  return rp_store_commit (store, error);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normal ? normal : text, -1);
}

/* Appends "\n  text (id)" per candidate, for a message. */
static char *
describe_candidates (GPtrArray *records, const char *column)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (list, "\n  %s (%s)", rp_record_get_string (records->pdata[i], column),
                            rp_record_get_id (records->pdata[i]));
  return g_string_free (list, FALSE);
}

/**
 * rp_template_find:
 * @name_or_id: an id, or a name (exact first, then ignoring case)
 *
 * Returns: (transfer full) (nullable): the one template it names;
 * NOT_FOUND or AMBIGUOUS (listing the candidates) otherwise
 */
RpRecord *
rp_template_find (RpStore *store, const char *name_or_id, GError **error)
{
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GPtrArray) exact = g_ptr_array_new ();
  g_autoptr (GPtrArray) folded = g_ptr_array_new ();
  g_autofree char *wanted = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  templates = rp_store_list (store, RP_ENTITY_TEMPLATE, NULL);
  wanted = fold (name_or_id);
  for (guint i = 0; i < templates->len; i++)
    {
      RpRecord *t = templates->pdata[i];
      const char *name = rp_record_get_string (t, "name");
      g_autofree char *folded_name = fold (name);

      if (g_strcmp0 (rp_record_get_id (t), name_or_id) == 0)
        return g_object_ref (t);
      if (g_strcmp0 (name, name_or_id) == 0)
        g_ptr_array_add (exact, t);
      if (strcmp (folded_name, wanted) == 0)
        g_ptr_array_add (folded, t);
    }

  matches = exact->len > 0 ? exact : folded;
  if (matches->len == 1)
    return g_object_ref (matches->pdata[0]);
  if (matches->len == 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                   "No checklist template has the name or id “%s”.", name_or_id);
      return NULL;
    }
  {
    g_autofree char *list = describe_candidates (matches, "name");
    g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS,
                 "“%s” matches %u checklist templates; use the id:%s", name_or_id, matches->len, list);
  }
  return NULL;
}

/* A section name or an item text as it is compared: case and the spaces
 * around it do not make another one. */
static char *
match_key (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : stripped, -1);
}

/* The keys of the texts of @records in @column, as a set. */
static GHashTable *
key_set (GPtrArray *records, const char *column)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (set, match_key (rp_record_get_string (records->pdata[i], column)));
  return set;
}

/**
 * rp_template_apply_full:
 * @n_sections_added: (out) (optional): how many sections were added
 * @n_items_added: (out) (optional): how many items were added
 *
 * Adds the checklist of a template to a release's, without repeating what
 * it has: a section of the template whose name a section of the release
 * has already (ignoring case) gets only the items it lacks (by their
 * text, ignoring case), at its end; other sections are added after the
 * release's. Applying a template twice so changes nothing the second
 * time, and what was ticked stays ticked. One undo step, none when
 * nothing was added.
 */
gboolean
rp_template_apply_full (RpStore *store, const char *template_id, const char *release_id,
                        guint *n_sections_added, guint *n_items_added, GError **error)
{
  g_autoptr (RpRecord) tmpl = NULL;
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *label = NULL;
  guint added_sections = 0, added_items = 0;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);
  g_return_val_if_fail (release_id != NULL, FALSE);

  if ((tmpl = rp_store_get (store, RP_ENTITY_TEMPLATE, template_id, error)) == NULL ||
      (release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error)) == NULL)
    return FALSE;

  existing = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  for (guint i = 0; i < existing->len; i++)
    {
      char *key = match_key (rp_record_get_string (existing->pdata[i], "name"));

      if (g_hash_table_contains (by_name, key))
        g_free (key);
      else
        g_hash_table_insert (by_name, key, g_strdup (rp_record_get_id (existing->pdata[i])));
    }

  label = g_strdup_printf ("Add the checklist of “%s”", rp_record_get_string (tmpl, "name"));
  if (!rp_store_begin (store, label, error))
    return FALSE;

  sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, template_id);
  for (guint s = 0; s < sections->len; s++)
    {
      RpRecord *ts = sections->pdata[s];
      g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (ts));
      g_autofree char *key = match_key (rp_record_get_string (ts, "name"));
      g_autofree char *section_id = g_strdup (g_hash_table_lookup (by_name, key));
      g_autoptr (GHashTable) texts = NULL;

      if (section_id == NULL)
        {
          g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);

          rp_record_set_string (section, "release_id", release_id);
          rp_record_set_string (section, "name", rp_record_get_string (ts, "name"));
          rp_record_set_bool (section, "complete_before_deploy",
                              rp_record_get_bool (ts, "complete_before_deploy"));
          if (!rp_store_insert (store, section, error))
            goto failed;
          section_id = g_strdup (rp_record_get_id (section));
          g_hash_table_insert (by_name, g_steal_pointer (&key), g_strdup (section_id));
          added_sections++;
          texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        }
      else
        {
          g_autoptr (GPtrArray) there = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, section_id);

          texts = key_set (there, "text");
        }

      for (guint i = 0; i < items->len; i++)
        {
          const char *text = rp_record_get_string (items->pdata[i], "text");
          char *text_key = match_key (text);
          g_autoptr (RpRecord) item = NULL;

          if (!g_hash_table_add (texts, text_key))
            continue;
          item = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);
          rp_record_set_string (item, "section_id", section_id);
          rp_record_set_string (item, "text", text);
          if (!rp_store_insert (store, item, error))
            goto failed;
          added_items++;
        }
    }
  if (!rp_store_commit (store, error))
    return FALSE;
  if (n_sections_added != NULL)
    *n_sections_added = added_sections;
  if (n_items_added != NULL)
    *n_items_added = added_items;
  return TRUE;

failed:
  rp_store_rollback (store);
  return FALSE;
}

/**
 * rp_template_apply:
 *
 * rp_template_apply_full() without the counts.
 */
gboolean
rp_template_apply (RpStore *store, const char *template_id, const char *release_id, GError **error)
{
  return rp_template_apply_full (store, template_id, release_id, NULL, NULL, error);
}

/**
 * rp_template_save_from_release:
 * @name: the new template's name; no other template may have it (ignoring case)
 *
 * Makes a new template of the sections and item texts of a release's
 * checklist (states, assignees and dates are not kept); one undo step.
 *
 * Returns: (transfer full) (nullable): the new template's id
 */
char *
rp_template_save_from_release (RpStore *store, const char *release_id, const char *name, GError **error)
{
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) clash = NULL;
  g_autoptr (RpRecord) tmpl = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error)) == NULL)
    return NULL;

  /* Names pick templates ("new --template NAME"): keep them unique. */
  clash = rp_template_find (store, name, &local);
  if (clash != NULL || g_error_matches (local, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   "A checklist template named “%s” exists already; choose another name.", name);
      return NULL;
    }

  tmpl = rp_record_new (RP_ENTITY_TEMPLATE);
  rp_record_set_string (tmpl, "name", name);

  label = g_strdup_printf ("Save the checklist as “%s”", name);
  if (!rp_store_begin (store, label, error))
    return NULL;
  if (!rp_store_insert (store, tmpl, error))
    goto failed;

  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  for (guint s = 0; s < sections->len; s++)
    {
      RpRecord *cs = sections->pdata[s];
      g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (cs));
      g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_TEMPLATE_SECTION);

      rp_record_set_string (section, "template_id", rp_record_get_id (tmpl));
      rp_record_set_string (section, "name", rp_record_get_string (cs, "name"));
      rp_record_set_bool (section, "complete_before_deploy",
                          rp_record_get_bool (cs, "complete_before_deploy"));
      if (!rp_store_insert (store, section, error))
        goto failed;

      for (guint i = 0; i < items->len; i++)
        {
          g_autoptr (RpRecord) item = rp_record_new (RP_ENTITY_TEMPLATE_ITEM);

          rp_record_set_string (item, "section_id", rp_record_get_id (section));
          rp_record_set_string (item, "text", rp_record_get_string (items->pdata[i], "text"));
          if (!rp_store_insert (store, item, error))
            goto failed;
        }
    }
  if (!rp_store_commit (store, error))
    return NULL;
  return g_strdup (rp_record_get_id (tmpl));

failed:
  rp_store_rollback (store);
  return NULL;
}

static void
count_items (RpStore *store, const char *section_id, RpProgress *out)
{
  g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, section_id);

  for (guint i = 0; i < items->len; i++)
    {
      const char *state = rp_record_get_string (items->pdata[i], "state");

      if (g_strcmp0 (state, "done") == 0)
        out->done++;
      else if (g_strcmp0 (state, "na") == 0)
        out->na++;
      else
        out->open++;
      out->total++;
    }
}

/**
 * rp_checklist_progress:
 * @release_id: (nullable): the release; may be NULL when @section_id is set
 * @section_id: (nullable): count only this section
 * @out: (out caller-allocates): the counts; done and na are both complete
 */
void
rp_checklist_progress (RpStore *store, const char *release_id, const char *section_id, RpProgress *out)
{
  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (release_id != NULL || section_id != NULL);

  if (section_id != NULL)
    count_items (store, section_id, out);
  else
    {
      g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);

      for (guint s = 0; s < sections->len; s++)
        count_items (store, rp_record_get_id (sections->pdata[s]), out);
    }
}

/**
 * rp_progress_fraction:
 *
 * Returns: (done + na) / total, in [0, 1]. An empty checklist is 0, not 1:
 * a progress bar should not look finished when nothing was planned.
 * Whether anything is left to do is progress->open == 0.
 */
double
rp_progress_fraction (const RpProgress *progress)
{
  g_return_val_if_fail (progress != NULL, 0.0);

  if (progress->total == 0)
    return 0.0;
  return (double) (progress->done + progress->na) / (double) progress->total;
}

/**
 * rp_checklist_find_item:
 * @id_or_prefix: an item's id, its whole text, or the start of its text
 *   (both ignoring case)
 *
 * An id wins, then a whole text, then a prefix; each must name one item.
 *
 * Returns: (transfer full) (nullable): the item; NOT_FOUND, or AMBIGUOUS
 * with a message that lists the candidates
 */
RpRecord *
rp_checklist_find_item (RpStore *store, const char *release_id, const char *id_or_prefix, GError **error)
{
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) whole = g_ptr_array_new ();
  g_autoptr (GPtrArray) prefixed = g_ptr_array_new ();
  g_autofree char *wanted = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);
  g_return_val_if_fail (id_or_prefix != NULL, NULL);

  if ((release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error)) == NULL)
    return NULL;

  {
    g_autofree char *stripped = g_strstrip (g_strdup (id_or_prefix));
    if (*stripped == '\0')
      {
        g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                     "Name a checklist item by its id or the start of its text.");
        return NULL;
      }
    wanted = fold (stripped);
  }

  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  for (guint s = 0; s < sections->len; s++)
    {
      g_autoptr (GPtrArray) section_items =
          rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[s]));
      for (guint i = 0; i < section_items->len; i++)
        g_ptr_array_add (items, g_object_ref (section_items->pdata[i]));
    }

  for (guint i = 0; i < items->len; i++)
    {
      RpRecord *item = items->pdata[i];
      g_autofree char *text = fold (rp_record_get_string (item, "text"));

      if (g_strcmp0 (rp_record_get_id (item), id_or_prefix) == 0)
        return g_object_ref (item);
      if (strcmp (text, wanted) == 0)
        g_ptr_array_add (whole, item);
      if (g_str_has_prefix (text, wanted))
        g_ptr_array_add (prefixed, item);
    }

  matches = whole->len > 0 ? whole : prefixed;
  if (matches->len == 1)
    return g_object_ref (matches->pdata[0]);
  if (matches->len == 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                   "No checklist item of “%s” has the id “%s” or a text that starts with it.",
                   rp_record_get_string (release, "name"), id_or_prefix);
      return NULL;
    }
  {
    g_autofree char *list = describe_candidates (matches, "text");
    g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS,
                 "“%s” matches %u checklist items; give more of the text or the id:%s", id_or_prefix,
                 matches->len, list);
  }
  return NULL;
}

/**
 * rp_checklist_set_state:
 * @state: "open", "done" or "na"
 *
 * Sets the state of a checklist item; done_at becomes now when it becomes
 * done and is cleared when it is not done. Setting the state it has
 * changes nothing (and keeps when it was done).
 */
gboolean
rp_checklist_set_state (RpStore *store, const char *item_id, const char *state, GError **error)
{
  g_autoptr (RpRecord) item = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!rp_strv_contains_static (rp_item_states, state))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   "A checklist item is open, done or na (not applicable), not “%s”.", state);
      return FALSE;
    }
  if ((item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, item_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (rp_record_get_string (item, "state"), state) == 0)
    return TRUE;

  rp_record_set_string (item, "state", state);
  if (strcmp (state, "done") == 0)
    {
      now = rp_timestamp_now ();
      rp_record_set_string (item, "done_at", now);
    }
  else
    rp_record_set_null (item, "done_at");
  /* Only these two: an import or another window may have changed the
   * item's text since it was read. */
  return rp_store_update_columns (store, item, (const char *const[]){ "state", "done_at", NULL }, error);
}
