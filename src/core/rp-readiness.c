/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"
#include "rp-readiness-private.h"
#include "rp-store-private.h"

/* RpReadiness: the inputs of the rules (today, the allowed deploy days,
 * the freeze windows) and reading the rows they look at. One release
 * reads its own rows; the whole plan reads each table once and groups the
 * rows by parent, so that checking every release costs a few queries, not
 * a few per release. */

struct _RpReadiness
{
  GObject parent_instance;

  RpStore *store;
  GDate today;
  guint8 deploy_days;
  GPtrArray *freezes; /* of RpFreezeWindow */
};

G_DEFINE_FINAL_TYPE (RpReadiness, rp_readiness, G_TYPE_OBJECT)

/* The children of a release the rules read, and the grandchildren. */
static const RpEntity release_children[] = {
  RP_ENTITY_OWNER,        RP_ENTITY_SCOPE_ITEM,        RP_ENTITY_DEPENDENCY,
  RP_ENTITY_RISK,         RP_ENTITY_CHECKLIST_SECTION, RP_ENTITY_ROLLOUT_STAGE,
  RP_ENTITY_FEATURE_FLAG,
};

static const char *const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static void
rp_readiness_finalize (GObject *object)
{
  RpReadiness *self = RP_READINESS (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->freezes, g_ptr_array_unref);
  G_OBJECT_CLASS (rp_readiness_parent_class)->finalize (object);
}

static void
rp_readiness_class_init (RpReadinessClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_readiness_finalize;
}

static void
rp_readiness_init (RpReadiness *self)
{
  g_date_clear (&self->today, 1);
}

/**
 * rp_readiness_new:
 * @store: the plan
 * @today: the day the rules take as today
 *
 * Returns: (transfer full): the rules over @store, with the deploy days
 *   and the freeze windows of @store
 */
RpReadiness *
rp_readiness_new (RpStore *store, const GDate *today)
{
  RpReadiness *self;
  g_auto (GStrv) days = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (RP_TYPE_READINESS, NULL);
  self->store = g_object_ref (store);
  self->today = *today;
  days = rp_store_get_deploy_days (store);
  rp_readiness_set_deploy_days (self, (const char *const *) days);
  self->freezes = rp_store_list (store, RP_ENTITY_FREEZE_WINDOW, NULL);
  return self;
}

void
rp_readiness_get_today (RpReadiness *self, GDate *today)
{
  g_return_if_fail (RP_IS_READINESS (self));
  g_return_if_fail (today != NULL);
  *today = self->today;
}

void
rp_readiness_set_deploy_days (RpReadiness *self, const char *const *days)
{
  g_return_if_fail (RP_IS_READINESS (self));

  if (days == NULL)
    {
      self->deploy_days = 0x0f; /* Monday to Thursday */
      return;
    }
  self->deploy_days = 0;
  for (guint i = 0; days[i] != NULL; i++)
    for (guint d = 0; d < G_N_ELEMENTS (weekdays); d++)
      if (strcmp (days[i], weekdays[d]) == 0)
        self->deploy_days |= 1 << d;
}

void
rp_readiness_set_freeze_windows (RpReadiness *self, GPtrArray *windows)
{
  g_return_if_fail (RP_IS_READINESS (self));
  g_return_if_fail (windows != NULL);

  g_clear_pointer (&self->freezes, g_ptr_array_unref);
  self->freezes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < windows->len; i++)
    {
      g_return_if_fail (RP_IS_FREEZE_WINDOW (windows->pdata[i]));
      g_ptr_array_add (self->freezes, g_object_ref (windows->pdata[i]));
    }
}

/* Reading the plan */

static void
plan_init (RpReadinessPlan *plan)
{
  plan->releases = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint e = 0; e < RP_N_ENTITIES; e++)
    plan->children[e] =
        g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  plan->graph = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  plan->may_cycle = g_hash_table_new (g_str_hash, g_str_equal);
  plan->items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  /* The texts are interned: one lookup by address per item. */
  plan->staging_texts = g_hash_table_new (g_direct_hash, g_direct_equal);
  plan->strings = g_string_chunk_new (64 * 1024);
}

static void
plan_clear (RpReadinessPlan *plan)
{
  /* The keys are ids held by the records the values keep alive. */
  g_clear_pointer (&plan->may_cycle, g_hash_table_unref);
  g_clear_pointer (&plan->graph, g_hash_table_unref);
  g_clear_pointer (&plan->items, g_hash_table_unref);
  g_clear_pointer (&plan->staging_texts, g_hash_table_unref);
  g_clear_pointer (&plan->strings, g_string_chunk_free);
  for (guint e = 0; e < RP_N_ENTITIES; e++)
    g_clear_pointer (&plan->children[e], g_hash_table_unref);
  g_clear_pointer (&plan->releases, g_hash_table_unref);
}

/* Appends @row to the rows of its parent in @table. */
static void
group_under (GHashTable *table, RpRecord *row)
{
  const char *parent_id = rp_record_get_parent_id (row);
  GPtrArray *rows = g_hash_table_lookup (table, parent_id);

  if (rows == NULL)
    {
      rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (table, (gpointer) parent_id, rows);
    }
  g_ptr_array_add (rows, g_object_ref (row));
}

/* Adds @rows (of one entity) to the plan, grouped by parent, in order. */
static void
plan_add (RpReadinessPlan *plan, GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RpRecord *row = rows->pdata[i];
      RpEntity entity = rp_record_get_entity (row);

      if (entity == RP_ENTITY_RELEASE)
        {
          g_hash_table_insert (plan->releases, (gpointer) rp_record_get_id (row), g_object_ref (row));
          continue;
        }
      group_under (plan->children[entity], row);
    }
}

/* Appends an item to the items of its section. */
static void
plan_add_item (RpReadinessPlan *plan, const char *section_id, const char *id, const char *text,
               RpItemState state)
{
  const char *section = g_string_chunk_insert_const (plan->strings, section_id);
  GArray *items = g_hash_table_lookup (plan->items, section);
  RpReadinessItem item;
  gpointer staging;

  if (items == NULL)
    {
      items = g_array_new (FALSE, FALSE, sizeof (RpReadinessItem));
      g_hash_table_insert (plan->items, (gpointer) section, items);
    }
  item.id = g_string_chunk_insert (plan->strings, id);
  item.text = g_string_chunk_insert_const (plan->strings, text);
  item.state = state;
  if (!g_hash_table_lookup_extended (plan->staging_texts, item.text, NULL, &staging))
    {
      staging = GINT_TO_POINTER (_rp_readiness_mentions_staging (item.text));
      g_hash_table_insert (plan->staging_texts, (gpointer) item.text, staging);
    }
  item.staging = GPOINTER_TO_INT (staging);
  g_array_append_val (items, item);
}

static void
plan_add_item_records (RpReadinessPlan *plan, GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      RpRecord *item = items->pdata[i];

      plan_add_item (plan, rp_record_get_parent_id (item), rp_record_get_id (item),
                     rp_checklist_item_get_text (RP_CHECKLIST_ITEM (item)),
                     rp_checklist_item_get_state (RP_CHECKLIST_ITEM (item)));
    }
}

/* Every checklist item, read from its columns, each section's in the order
 * rp_store_list() gives them (by section first: the walk of the parent
 * index, with nothing to sort). A failed step is noted as rp_store_list()
 * notes it (see rp_store_check_reads()). */
static void
plan_read_all_items (RpReadiness *self, RpReadinessPlan *plan)
{
  g_autofree char *sql = g_strdup_printf ("SELECT section_id, id, text, state FROM %s"
                                          " ORDER BY section_id, position, rowid",
                                          rp_entity_get_info (RP_ENTITY_CHECKLIST_ITEM)->name);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->store->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *state = (const char *) sqlite3_column_text (stmt, 3);

        plan_add_item (plan, (const char *) sqlite3_column_text (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       g_strcmp0 (state, "done") == 0 ? RP_ITEM_STATE_DONE
                       : g_strcmp0 (state, "na") == 0 ? RP_ITEM_STATE_NA
                                                      : RP_ITEM_STATE_OPEN);
      }
  if (rc != SQLITE_DONE)
    {
      GError *error = NULL;

      _rp_store_set_sqlite_error (self->store, &error, "read the database");
      _rp_store_note_read_failure (self->store, error);
    }
  sqlite3_finalize (stmt);
}

GArray *
_rp_readiness_items (const RpReadinessPlan *plan, const char *section_id)
{
  static GArray *none = NULL;
  GArray *items = g_hash_table_lookup (plan->items, section_id);

  if (items != NULL)
    return items;
  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_array_new (FALSE, FALSE, sizeof (RpReadinessItem)));
  return none;
}

/* Which releases may lie on a cycle: what is left of the graph once every
 * release that depends on nothing left is taken out, again and again (a
 * release on a cycle always depends on another on it). In a plan without
 * cycles that is none, and the rule deps.cycle looks for no path back at
 * all: looking from every release cost the square of the releases. */
static void
mark_may_cycle (RpReadinessPlan *plan)
{
  g_autoptr (GHashTable) out_degree = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) dependants =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GQueue) sinks = g_queue_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (plan->may_cycle);
  g_hash_table_iter_init (&iter, plan->graph);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *deps = value;

      g_hash_table_insert (out_degree, key, GUINT_TO_POINTER (deps->len));
      for (guint i = 0; i < deps->len; i++)
        {
          const char *target = rp_dependency_get_depends_on_release_id (deps->pdata[i]);
          GPtrArray *sources = g_hash_table_lookup (dependants, target);

          if (sources == NULL)
            g_hash_table_insert (dependants, (gpointer) target, sources = g_ptr_array_new ());
          g_ptr_array_add (sources, key);
        }
    }
  /* Targets that depend on nothing are the first sinks. */
  g_hash_table_iter_init (&iter, dependants);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (out_degree, key))
      g_queue_push_tail (sinks, key);
  while (!g_queue_is_empty (sinks))
    {
      GPtrArray *sources = g_hash_table_lookup (dependants, g_queue_pop_head (sinks));

      for (guint i = 0; sources != NULL && i < sources->len; i++)
        {
          guint left = GPOINTER_TO_UINT (g_hash_table_lookup (out_degree, sources->pdata[i])) - 1;

          g_hash_table_insert (out_degree, sources->pdata[i], GUINT_TO_POINTER (left));
          if (left == 0)
            g_queue_push_tail (sinks, sources->pdata[i]);
        }
    }
  g_hash_table_iter_init (&iter, out_degree);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > 0)
      g_hash_table_add (plan->may_cycle, key);
}

/* The dependencies on releases, of every release: the graph a cycle is
 * looked for in. */
static void
plan_add_graph (RpReadinessPlan *plan, GPtrArray *deps)
{
  for (guint i = 0; i < deps->len; i++)
    {
      RpDependency *dep = deps->pdata[i];

      if (rp_dependency_get_kind (dep) == RP_DEPENDENCY_KIND_RELEASE &&
          rp_dependency_get_depends_on_release_id (dep) != NULL)
        group_under (plan->graph, RP_RECORD (dep));
    }
  mark_may_cycle (plan);
}

static void
plan_read_release (RpReadiness *self, RpReadinessPlan *plan, const char *release_id)
{
  for (guint c = 0; c < G_N_ELEMENTS (release_children); c++)
    {
      g_autoptr (GPtrArray) rows = rp_store_list (self->store, release_children[c], release_id);

      plan_add (plan, rows);
      for (guint i = 0; i < rows->len; i++)
        {
          const char *id = rp_record_get_id (rows->pdata[i]);
          g_autoptr (GPtrArray) grandchildren = NULL;

          if (release_children[c] == RP_ENTITY_SCOPE_ITEM)
            grandchildren = rp_store_list (self->store, RP_ENTITY_CRITERION, id);
          if (grandchildren != NULL)
            plan_add (plan, grandchildren);
          if (release_children[c] == RP_ENTITY_CHECKLIST_SECTION)
            {
              g_autoptr (GPtrArray) items = rp_store_list (self->store, RP_ENTITY_CHECKLIST_ITEM, id);

              plan_add_item_records (plan, items);
            }
        }
    }
}

GPtrArray *
_rp_readiness_children (const RpReadinessPlan *plan, RpEntity entity, const char *parent_id)
{
  static GPtrArray *none = NULL;
  GPtrArray *rows = g_hash_table_lookup (plan->children[entity], parent_id);

  if (rows != NULL)
    return rows;
  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_ptr_array_new ());
  return none;
}

static RpReadinessReport *
run (RpReadiness *self, const RpReadinessPlan *plan, RpRelease *release)
{
  RpReadinessInputs inputs = { g_date_get_julian (&self->today), self->deploy_days, self->freezes, plan };

  return _rp_readiness_run_rules (&inputs, release);
}

/**
 * rp_readiness_check:
 *
 * Returns: (transfer full) (nullable): the report on the release
 *   @release_id, or NULL (NOT_FOUND) when there is none
 */
RpReadinessReport *
rp_readiness_check (RpReadiness *self, const char *release_id, GError **error)
{
  RpReadinessPlan plan;
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GPtrArray) release_deps = NULL;
  RpRelease *release;
  RpReadinessReport *report;

  g_return_val_if_fail (RP_IS_READINESS (self), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);

  plan_init (&plan);
  releases = rp_store_list (self->store, RP_ENTITY_RELEASE, NULL);
  release_deps = rp_store_list_where (self->store, RP_ENTITY_DEPENDENCY, "kind",
                                      rp_dependency_kind_to_string (RP_DEPENDENCY_KIND_RELEASE));
  /* Every release (the targets of dependencies, the names in a cycle)
   * and the graph of dependencies on releases, then this one's rows. */
  plan_add (&plan, releases);
  plan_add_graph (&plan, release_deps);
  release = g_hash_table_lookup (plan.releases, release_id);
  if (release == NULL)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, "No release with the id “%s”.",
                   release_id);
      plan_clear (&plan);
      return NULL;
    }
  plan_read_release (self, &plan, release_id);
  report = run (self, &plan, release);
  plan_clear (&plan);
  return report;
}

/**
 * rp_readiness_check_all:
 *
 * Returns: (transfer container) (element-type RpReadinessReport): a
 *   report per release, in the stored order of the releases
 */
GPtrArray *
rp_readiness_check_all (RpReadiness *self, gboolean unfinished_only)
{
  RpReadinessPlan plan;
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GPtrArray) deps = NULL;
  GPtrArray *reports;

  g_return_val_if_fail (RP_IS_READINESS (self), NULL);

  plan_init (&plan);
  releases = rp_store_list (self->store, RP_ENTITY_RELEASE, NULL);
  deps = rp_store_list (self->store, RP_ENTITY_DEPENDENCY, NULL);
  plan_add (&plan, releases);
  plan_add_graph (&plan, deps);
  plan_add (&plan, deps);
  for (guint c = 0; c < G_N_ELEMENTS (release_children); c++)
    if (release_children[c] != RP_ENTITY_DEPENDENCY)
      {
        g_autoptr (GPtrArray) rows = rp_store_list (self->store, release_children[c], NULL);
        plan_add (&plan, rows);
      }
  {
    g_autoptr (GPtrArray) criteria = rp_store_list (self->store, RP_ENTITY_CRITERION, NULL);

    plan_add (&plan, criteria);
  }
  plan_read_all_items (self, &plan);

  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_readiness_report_unref);
  for (guint i = 0; i < releases->len; i++)
    {
      RpRelease *release = releases->pdata[i];
      RpReleaseStatus status = rp_release_get_status (release);

      if (unfinished_only && (status == RP_RELEASE_STATUS_RELEASED || status == RP_RELEASE_STATUS_CANCELLED))
        continue;
      g_ptr_array_add (reports, run (self, &plan, release));
    }
  plan_clear (&plan);
  return reports;
}
