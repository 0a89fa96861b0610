/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-format-json.h"
#include "rp-plan-merge.h"
#include "rp-plan-private.h"

/* The merge walks the three trees together: an object key by key, a list
 * of rows by id (RpPlanList), anything else as one value. Where ours and
 * theirs agree, or one of them kept the base, there is nothing to decide;
 * only where both changed does it look deeper, and where it cannot merge
 * it records a conflict and keeps ours. The merged tree then goes through
 * the importer and the exporter like any file (rp_plan_new_from_node()),
 * so the result is checked and written in the deterministic format. */

struct _RpPlanMerge
{
  GObject parent_instance;

  RpPlan *result;
  GPtrArray *conflicts; /* RpPlanConflict */
};

G_DEFINE_FINAL_TYPE (RpPlanMerge, rp_plan_merge, G_TYPE_OBJECT)

static void
conflict_free (gpointer data)
{
  RpPlanConflict *c = data;

  g_free (c->path);
  g_free (c->where);
  g_clear_pointer (&c->base, json_node_unref);
  g_clear_pointer (&c->ours, json_node_unref);
  g_clear_pointer (&c->theirs, json_node_unref);
  g_free (c);
}

static void
rp_plan_merge_finalize (GObject *object)
{
  RpPlanMerge *self = RP_PLAN_MERGE (object);

  g_clear_pointer (&self->result, rp_plan_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  G_OBJECT_CLASS (rp_plan_merge_parent_class)->finalize (object);
}

static void
rp_plan_merge_class_init (RpPlanMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_plan_merge_finalize;
}

static void
rp_plan_merge_init (RpPlanMerge *self)
{
  self->conflicts = g_ptr_array_new_with_free_func (conflict_free);
}

/* ------------------------------------------------------------------ */
/* The walk */

typedef struct
{
  GPtrArray *conflicts;
  GString *path;    /* in the merged tree */
  GPtrArray *where; /* char *: the rows the walk is in */
} Merger;

static gboolean
same (JsonNode *a, JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static JsonNode *
ref_or_null (JsonNode *node)
{
  return node ? json_node_ref (node) : NULL;
}

static void
add_conflict (Merger *m, RpPlanConflictKind kind, const char *path, JsonNode *base, JsonNode *ours,
              JsonNode *theirs)
{
  RpPlanConflict *c = g_new0 (RpPlanConflict, 1);

  c->kind = kind;
  c->path = g_strdup (path);
  g_ptr_array_add (m->where, NULL);
  c->where = g_strjoinv (", ", (char **) m->where->pdata);
  g_ptr_array_remove_index (m->where, m->where->len - 1);
  c->base = ref_or_null (base);
  c->ours = ref_or_null (ours);
  c->theirs = ref_or_null (theirs);
  g_ptr_array_add (m->conflicts, c);
}

static JsonNode *merge_node (Merger *m, const char *key, JsonNode *base, JsonNode *ours, JsonNode *theirs);

static JsonObject *
object_of (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonNode *
merge_object (Merger *m, JsonNode *base, JsonNode *ours, JsonNode *theirs)
{
  JsonObject *b = object_of (base), *o = object_of (ours), *t = object_of (theirs);
  JsonObject *result = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  for (guint side = 0; side < 2; side++)
    {
      json_object_iter_init_ordered (&iter, side == 0 ? o : t);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          gsize old = m->path->len;
          JsonNode *merged;

          if (side == 1 && json_object_has_member (o, name))
            continue;
          _rp_plan_path_push_key (m->path, name);
          merged = merge_node (m, name, b ? json_object_get_member (b, name) : NULL,
                               json_object_get_member (o, name), json_object_get_member (t, name));
          g_string_truncate (m->path, old);
          if (merged != NULL)
            json_object_set_member (result, name, merged);
        }
    }
  json_node_take_object (node, result);
  return node;
}

static GHashTable *
rows_by_id (const RpPlanList *list, JsonArray *array)
{
  GHashTable *rows = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    g_hash_table_insert (rows, (gpointer) _rp_plan_row_id (list, json_array_get_element (array, i)),
                         json_array_get_element (array, i));
  return rows;
}

/* The ids of @array that are also in @a and @b (NULL: any), in order. */
static GPtrArray *
ids_in_both (const RpPlanList *list, JsonArray *array, GHashTable *a, GHashTable *b)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      const char *id = _rp_plan_row_id (list, json_array_get_element (array, i));

      if ((a == NULL || g_hash_table_contains (a, id)) && (b == NULL || g_hash_table_contains (b, id)))
        g_ptr_array_add (ids, (gpointer) id);
    }
  return ids;
}

static gboolean
same_order (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (a->pdata[i], b->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

static JsonNode *
ids_to_node (GPtrArray *ids)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_string_element (array, ids->pdata[i]);
  json_node_take_array (node, array);
  return node;
}

/* The merged order: the side that moved rows gives it (ours when neither
 * or both did); the rows only the other side has go in after the row they
 * follow there. */
static GPtrArray *
merged_order (Merger *m, const RpPlanList *list, JsonArray *b, JsonArray *o, JsonArray *t, GHashTable *keep)
{
  g_autoptr (GHashTable) base_rows = rows_by_id (list, b);
  g_autoptr (GHashTable) our_rows = rows_by_id (list, o);
  g_autoptr (GHashTable) their_rows = rows_by_id (list, t);
  g_autoptr (GPtrArray) base_ours = ids_in_both (list, b, our_rows, NULL);
  g_autoptr (GPtrArray) ours_base = ids_in_both (list, o, base_rows, NULL);
  g_autoptr (GPtrArray) base_theirs = ids_in_both (list, b, their_rows, NULL);
  g_autoptr (GPtrArray) theirs_base = ids_in_both (list, t, base_rows, NULL);
  g_autoptr (GPtrArray) ours_common = ids_in_both (list, o, base_rows, their_rows);
  g_autoptr (GPtrArray) theirs_common = ids_in_both (list, t, base_rows, our_rows);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  gboolean ours_moved = !same_order (base_ours, ours_base);
  gboolean theirs_moved = !same_order (base_theirs, theirs_base);
  JsonArray *lead = theirs_moved && !ours_moved ? t : o;
  JsonArray *other = lead == o ? t : o;
  GHashTable *other_rows = lead == o ? their_rows : our_rows;

  if (ours_moved && theirs_moved && !same_order (ours_common, theirs_common))
    {
      g_autoptr (JsonNode) ours_ids = ids_to_node (ours_common);
      g_autoptr (JsonNode) theirs_ids = ids_to_node (theirs_common);

      add_conflict (m, RP_PLAN_CONFLICT_ORDER, m->path->str, NULL, ours_ids, theirs_ids);
    }

  for (guint i = 0; i < json_array_get_length (lead); i++)
    {
      const char *id = _rp_plan_row_id (list, json_array_get_element (lead, i));

      if (g_hash_table_contains (keep, id))
        g_ptr_array_add (order, (gpointer) id);
    }
  for (guint i = 0; i < json_array_get_length (other); i++)
    {
      const char *id = _rp_plan_row_id (list, json_array_get_element (other, i));
      guint at = 0;

      if (!g_hash_table_contains (keep, id) ||
          g_ptr_array_find_with_equal_func (order, id, g_str_equal, NULL))
        continue;
      /* After the nearest row before it (on the other side) that is placed. */
      for (guint j = i; j > 0; j--)
        {
          const char *before = _rp_plan_row_id (list, json_array_get_element (other, j - 1));
          guint index;

          if (g_ptr_array_find_with_equal_func (order, before, g_str_equal, &index))
            {
              at = index + 1;
              break;
            }
        }
      /* Rows both sides added after the same row: the leading side's first. */
      while (at < order->len && !g_hash_table_contains (other_rows, order->pdata[at]))
        at++;
      g_ptr_array_insert (order, (gint) at, (gpointer) id);
    }
  return g_steal_pointer (&order);
}

static JsonNode *
merge_list (Merger *m, const RpPlanList *list, JsonNode *base, JsonNode *ours, JsonNode *theirs)
{
  JsonArray *b = base ? json_node_get_array (base) : NULL;
  JsonArray *o = json_node_get_array (ours), *t = json_node_get_array (theirs);
  g_autoptr (GHashTable) base_rows = rows_by_id (list, b);
  g_autoptr (GHashTable) our_rows = rows_by_id (list, o);
  g_autoptr (GHashTable) their_rows = rows_by_id (list, t);
  g_autoptr (GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) order = NULL;
  JsonArray *result = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  /* Which rows stay: those of both sides, those one side added, and
   * those one side deleted only when the other did not change them. */
  for (guint side = 0; side < 2; side++)
    {
      JsonArray *rows = side == 0 ? o : t;
      GHashTable *others = side == 0 ? their_rows : our_rows;

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonNode *row = json_array_get_element (rows, i);
          const char *id = _rp_plan_row_id (list, row);
          JsonNode *was = g_hash_table_lookup (base_rows, id);

          if (g_hash_table_contains (others, id) || was == NULL)
            g_hash_table_add (keep, (gpointer) id);
          else if (!same (was, row))
            {
              /* Deleted on the other side, changed on this one: ours wins. */
              g_ptr_array_add (m->where, _rp_plan_describe_row (list, row));
              add_conflict (m, side == 0 ? RP_PLAN_CONFLICT_DELETED_THEIRS : RP_PLAN_CONFLICT_DELETED_OURS,
                            m->path->str, was, side == 0 ? row : NULL, side == 0 ? NULL : row);
              g_ptr_array_remove_index (m->where, m->where->len - 1);
              if (side == 0)
                g_hash_table_add (keep, (gpointer) id);
            }
        }
    }

  order = merged_order (m, list, b, o, t, keep);
  for (guint i = 0; i < order->len; i++)
    {
      JsonNode *our_row = g_hash_table_lookup (our_rows, order->pdata[i]);
      JsonNode *their_row = g_hash_table_lookup (their_rows, order->pdata[i]);
      gsize old = m->path->len;
      JsonNode *merged;

      if (our_row == NULL || their_row == NULL || list->shape == RP_PLAN_LIST_STRINGS)
        {
          json_array_add_element (result, json_node_ref (our_row ? our_row : their_row));
          continue;
        }
      _rp_plan_path_push_index (m->path, i);
      g_ptr_array_add (m->where, _rp_plan_describe_row (list, our_row));
      merged = merge_node (m, NULL, g_hash_table_lookup (base_rows, order->pdata[i]), our_row, their_row);
      g_ptr_array_remove_index (m->where, m->where->len - 1);
      g_string_truncate (m->path, old);
      json_array_add_element (result, merged);
    }
  json_node_take_array (node, result);
  return node;
}

static JsonNode *
merge_node (Merger *m, const char *key, JsonNode *base, JsonNode *ours, JsonNode *theirs)
{
  const RpPlanList *list = key ? _rp_plan_find_list (key) : NULL;

  if (same (ours, theirs) || same (base, theirs))
    return ref_or_null (ours);
  if (same (base, ours))
    return ref_or_null (theirs);

  /* Both sides changed it: merge deeper when it has parts. */
  if (list != NULL && list->shape != RP_PLAN_LIST_VALUE && ours != NULL && theirs != NULL &&
      JSON_NODE_HOLDS_ARRAY (ours) && JSON_NODE_HOLDS_ARRAY (theirs) &&
      (base == NULL || JSON_NODE_HOLDS_ARRAY (base)) && _rp_plan_ids_unique (list, base) &&
      _rp_plan_ids_unique (list, ours) && _rp_plan_ids_unique (list, theirs))
    return merge_list (m, list, base, ours, theirs);
  if (list == NULL && object_of (ours) != NULL && object_of (theirs) != NULL &&
      (base == NULL || object_of (base) != NULL))
    return merge_object (m, base, ours, theirs);

  add_conflict (m, RP_PLAN_CONFLICT_CHANGED, m->path->str, base, ours, theirs);
  return ref_or_null (ours);
}

/**
 * rp_plan_merge_new:
 * @base: the common ancestor
 * @ours: one side (kept where the two conflict)
 * @theirs: the other side
 *
 * Merges the three by entity id and field. The merged plan is checked as
 * an imported file would be: two sides that are each valid may not be
 * together (ours deletes a person theirs assigns a risk to).
 *
 * Returns: (transfer full) (nullable): the merge, with its result and its
 *   conflicts; NULL with RP_FORMAT_ERROR_INVALID when the merged plan is
 *   not a valid plan
 */
RpPlanMerge *
rp_plan_merge_new (RpPlan *base, RpPlan *ours, RpPlan *theirs, GError **error)
{
  g_autoptr (RpPlanMerge) self = NULL;
  g_autoptr (JsonNode) merged = NULL;
  g_autoptr (GError) local = NULL;
  Merger m = { 0 };

  g_return_val_if_fail (base != NULL && ours != NULL && theirs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RP_TYPE_PLAN_MERGE, NULL);
  m.conflicts = self->conflicts;
  m.path = g_string_new (NULL);
  m.where = g_ptr_array_new_with_free_func (g_free);
  merged = merge_node (&m, NULL, rp_plan_get_root (base), rp_plan_get_root (ours), rp_plan_get_root (theirs));
  g_string_free (m.path, TRUE);
  g_ptr_array_unref (m.where);

  self->result = rp_plan_new_from_node (merged, &local);
  if (self->result == NULL)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_INVALID,
                   "Each side is a valid plan, but merged they are not; merge by hand:\n%s", local->message);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * rp_plan_merge_get_result:
 *
 * Returns: (transfer none): the merged plan, with ours where they conflict
 */
RpPlan *
rp_plan_merge_get_result (RpPlanMerge *self)
{
  g_return_val_if_fail (RP_IS_PLAN_MERGE (self), NULL);
  return self->result;
}

guint
rp_plan_merge_get_n_conflicts (RpPlanMerge *self)
{
  g_return_val_if_fail (RP_IS_PLAN_MERGE (self), 0);
  return self->conflicts->len;
}

/**
 * rp_plan_merge_get_conflict:
 *
 * Returns: (transfer none): the conflict at @index, in the order of the file
 */
const RpPlanConflict *
rp_plan_merge_get_conflict (RpPlanMerge *self, guint index)
{
  g_return_val_if_fail (RP_IS_PLAN_MERGE (self), NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);
  return self->conflicts->pdata[index];
}

char *
rp_plan_conflict_to_string (const RpPlanConflict *conflict)
{
  g_autofree char *base = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  GString *out;

  g_return_val_if_fail (conflict != NULL, NULL);

  out = g_string_new (conflict->path[0] ? conflict->path : "(top level)");
  if (conflict->where[0] != '\0')
    g_string_append_printf (out, " (%s)", conflict->where);
  switch (conflict->kind)
    {
    case RP_PLAN_CONFLICT_CHANGED:
      base = _rp_plan_node_to_text (conflict->base);
      ours = _rp_plan_node_to_text (conflict->ours);
      theirs = _rp_plan_node_to_text (conflict->theirs);
      g_string_append_printf (out, ": ours %s, theirs %s", ours, theirs);
      if (conflict->base != NULL)
        g_string_append_printf (out, ", base %s", base);
      else
        g_string_append (out, ", both added");
      g_string_append (out, "; kept ours");
      break;
    case RP_PLAN_CONFLICT_DELETED_THEIRS:
      g_string_append (out, ": theirs deleted it, ours changed it; kept ours");
      break;
    case RP_PLAN_CONFLICT_DELETED_OURS:
      g_string_append (out, ": ours deleted it, theirs changed it; left out, as ours");
      break;
    case RP_PLAN_CONFLICT_ORDER:
      ours = _rp_plan_node_to_text (conflict->ours);
      theirs = _rp_plan_node_to_text (conflict->theirs);
      g_string_append_printf (out, ": both sides reordered it, ours %s, theirs %s; kept ours", ours, theirs);
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, FALSE);
}
