/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-entity.h"
#include "rp-store-private.h"

/* The check that a dependency between releases closes no loop. The graph
 * of the release dependencies is read once per group (one query), then
 * kept current by every write the group makes to a dependency, so that an
 * import of N dependencies reads the table once, not N times.
 *
 * A new edge from → to closes a loop when from is reachable from to. The
 * search runs from both ends at once, each time widening the side with
 * the smaller frontier, and stops as soon as either side has nowhere left
 * to go: adding the dependencies of a release on older ones (an import,
 * where nothing depends on the release yet) costs a step, not a walk over
 * every older release. */

typedef struct
{
  char *id;
  char *from; /* the release that depends */
  char *to;   /* the release it depends on */
} Edge;

struct _RpDepGraph
{
  GHashTable *edges;    /* dependency id -> Edge, owned */
  GHashTable *forward;  /* release id -> GPtrArray of Edge: what it depends on */
  GHashTable *backward; /* release id -> GPtrArray of Edge: what depends on it */
};

static void
edge_free (gpointer data)
{
  Edge *edge = data;

  g_free (edge->id);
  g_free (edge->from);
  g_free (edge->to);
  g_free (edge);
}

static void
graph_free (RpDepGraph *graph)
{
  g_hash_table_unref (graph->forward);
  g_hash_table_unref (graph->backward);
  g_hash_table_unref (graph->edges);
  g_free (graph);
}

void
_rp_store_deps_clear (RpStore *self)
{
  g_clear_pointer (&self->deps, graph_free);
}

static void
link_edge (GHashTable *table, const char *key, Edge *edge)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, list);
    }
  g_ptr_array_add (list, edge);
}

/* The keys are the edges' own strings: when the edge that lent its key
 * goes, the list is filed again under the key of one that stays. */
static void
unlink_edge (GHashTable *table, const char *key, Edge *edge, gboolean by_from)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  g_ptr_array_remove_fast (list, edge);
  g_hash_table_steal (table, key);
  if (list->len > 0)
    {
      Edge *other = list->pdata[0];
      g_hash_table_insert (table, by_from ? other->from : other->to, list);
    }
  else
    g_ptr_array_unref (list);
}

static void
remove_edge (RpDepGraph *graph, const char *id)
{
  Edge *edge = g_hash_table_lookup (graph->edges, id);

  if (edge == NULL)
    return;
  unlink_edge (graph->forward, edge->from, edge, TRUE);
  unlink_edge (graph->backward, edge->to, edge, FALSE);
  g_hash_table_remove (graph->edges, id);
}

static void
add_edge (RpDepGraph *graph, const char *id, const char *from, const char *to)
{
  Edge *edge;

  remove_edge (graph, id);
  if (from == NULL || to == NULL)
    return;
  edge = g_new (Edge, 1);
  edge->id = g_strdup (id);
  edge->from = g_strdup (from);
  edge->to = g_strdup (to);
  g_hash_table_insert (graph->edges, edge->id, edge);
  link_edge (graph->forward, edge->from, edge);
  link_edge (graph->backward, edge->to, edge);
}

static RpDepGraph *
graph_new (void)
{
  RpDepGraph *graph = g_new0 (RpDepGraph, 1);

  graph->edges = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, edge_free);
  graph->forward = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  graph->backward = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  return graph;
}

static RpDepGraph *
get_graph (RpStore *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  RpDepGraph *graph;
  int rc;

  if (self->deps != NULL)
    return self->deps;
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, release_id, depends_on_release_id FROM dependency "
                          "WHERE depends_on_release_id IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _rp_store_set_sqlite_error (self, error, "read the dependencies");
      return NULL;
    }
  graph = graph_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_edge (graph, (const char *) sqlite3_column_text (stmt, 0),
              (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 2));
  if (rc != SQLITE_DONE)
    {
      graph_free (graph);
      _rp_store_set_sqlite_error (self, error, "read the dependencies");
      return NULL;
    }
  self->deps = graph;
  return graph;
}

/* Every write of a dependency in the group, checked or undone, passes
 * here: the graph follows the table. */
void
_rp_store_deps_update (RpStore *self, RpRecord *before, RpRecord *after)
{
  RpRecord *any = before ? before : after;

  if (self->deps == NULL || rp_record_get_entity (any) != RP_ENTITY_DEPENDENCY)
    return;
  remove_edge (self->deps, rp_record_get_id (any));
  if (after != NULL)
    add_edge (self->deps, rp_record_get_id (after), rp_record_get_string (after, "release_id"),
              rp_record_get_string (after, "depends_on_release_id"));
}

static char *
release_name (RpStore *self, const char *id)
{
  g_autoptr (RpRecord) release = _rp_store_fetch (self, RP_ENTITY_RELEASE, id, NULL);
  return g_strdup (release ? rp_record_get_string (release, "name") : id);
}

/* One side of the search: where it has been (each release with the one it
 * came from) and where it goes next. */
typedef struct
{
  GHashTable *came_from;
  GPtrArray *frontier;
  GHashTable *edges;
  gboolean forward;
} Side;

/* Widens @side by one level; returns the release where it meets @other,
 * or NULL. */
static const char *
widen (Side *side, Side *other, const char *skip_id)
{
  g_autoptr (GPtrArray) next = g_ptr_array_new ();

  for (guint i = 0; i < side->frontier->len; i++)
    {
      const char *at = side->frontier->pdata[i];
      GPtrArray *edges = g_hash_table_lookup (side->edges, at);

      for (guint e = 0; edges != NULL && e < edges->len; e++)
        {
          Edge *edge = edges->pdata[e];
          const char *to = side->forward ? edge->to : edge->from;

          if (g_strcmp0 (edge->id, skip_id) == 0 || g_hash_table_contains (side->came_from, to))
            continue;
          g_hash_table_insert (side->came_from, (gpointer) to, (gpointer) at);
          if (g_hash_table_contains (other->came_from, to))
            return to;
          g_ptr_array_add (next, (gpointer) to);
        }
    }
  g_ptr_array_unref (side->frontier);
  side->frontier = g_steal_pointer (&next);
  return NULL;
}

gboolean
_rp_store_check_no_cycle (RpStore *self, RpRecord *row, GError **error)
{
  const char *from = rp_record_get_string (row, "release_id");
  const char *to = rp_record_get_string (row, "depends_on_release_id");
  RpDepGraph *graph;
  Side ahead, behind; /* from @to along the dependencies; from @from against them */
  const char *meet = NULL;

  if (to == NULL)
    return TRUE;
  if (g_strcmp0 (from, to) == 0)
    {
      g_autofree char *name = release_name (self, from);
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CYCLE, "“%s” cannot depend on itself.", name);
      return FALSE;
    }
  graph = get_graph (self, error);
  if (graph == NULL)
    return FALSE;

  ahead = (Side){ g_hash_table_new (g_str_hash, g_str_equal), g_ptr_array_new (), graph->forward, TRUE };
  behind = (Side){ g_hash_table_new (g_str_hash, g_str_equal), g_ptr_array_new (), graph->backward, FALSE };
  g_hash_table_insert (ahead.came_from, (gpointer) to, NULL);
  g_ptr_array_add (ahead.frontier, (gpointer) to);
  g_hash_table_insert (behind.came_from, (gpointer) from, NULL);
  g_ptr_array_add (behind.frontier, (gpointer) from);
  while (meet == NULL && ahead.frontier->len > 0 && behind.frontier->len > 0)
    {
      if (behind.frontier->len <= ahead.frontier->len)
        meet = widen (&behind, &ahead, rp_record_get_id (row));
      else
        meet = widen (&ahead, &behind, rp_record_get_id (row));
    }

  if (meet != NULL)
    {
      /* from → to → … → meet → … → from, named */
      g_autoptr (GPtrArray) path = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GString) text = g_string_new (NULL);

      for (const char *at = meet; at != NULL; at = g_hash_table_lookup (ahead.came_from, at))
        g_ptr_array_insert (path, 0, release_name (self, at));
      g_ptr_array_insert (path, 0, release_name (self, from));
      for (const char *at = g_hash_table_lookup (behind.came_from, meet); at != NULL;
           at = g_hash_table_lookup (behind.came_from, at))
        g_ptr_array_add (path, release_name (self, at));
      for (guint i = 0; i < path->len; i++)
        g_string_append_printf (text, "%s%s", i ? " → " : "", (char *) path->pdata[i]);
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CYCLE, "This dependency would make a cycle: %s.",
                   text->str);
    }
  g_hash_table_unref (ahead.came_from);
  g_hash_table_unref (behind.came_from);
  g_ptr_array_unref (ahead.frontier);
  g_ptr_array_unref (behind.frontier);
  return meet == NULL;
}
