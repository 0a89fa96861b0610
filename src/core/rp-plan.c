/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-format-json-private.h"
#include "rp-plan-private.h"

/* A plan file made canonical: imported into a store in memory, then
 * exported. The importer does every check (and says where, by JSON path);
 * the exporter writes every key in its fixed order. Diff and merge work on
 * the tree of the result, so a key left out by hand and the default it
 * stands for compare equal. */

struct _RpPlan
{
  grefcount ref_count;
  char *data;         /* the export: deterministic bytes */
  JsonNode *root;     /* the same, parsed */
  GHashTable *people; /* id -> name, borrowed from root */
  GHashTable *releases;
};

G_DEFINE_BOXED_TYPE (RpPlan, rp_plan, rp_plan_ref, rp_plan_unref)

static void
index_names (JsonObject *root, const char *key, GHashTable *names)
{
  JsonArray *rows = json_object_get_array_member (root, key);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_hash_table_insert (names, (gpointer) json_object_get_string_member (row, "id"),
                           (gpointer) json_object_get_string_member (row, "name"));
    }
}

/**
 * rp_plan_new_from_store:
 *
 * Returns: (transfer full): the plan in @store, or %NULL with @error set
 */
RpPlan *
rp_plan_new_from_store (RpStore *store, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  g_autofree char *data = rp_format_json_export (store, NULL, error);
  RpPlan *self;
  JsonObject *root;

  if (data == NULL)
    return NULL;
  /* The exporter's own output: failing to read it back is a bug. */
  if (!json_parser_load_from_data (parser, data, -1, &local))
    g_error ("the export of a plan does not parse: %s", local->message);

  self = g_new0 (RpPlan, 1);
  g_ref_count_init (&self->ref_count);
  self->data = g_steal_pointer (&data);
  self->root = json_parser_steal_root (parser);
  self->people = g_hash_table_new (g_str_hash, g_str_equal);
  self->releases = g_hash_table_new (g_str_hash, g_str_equal);
  root = json_node_get_object (self->root);
  index_names (root, "people", self->people);
  index_names (root, "releases", self->releases);
  return self;
}

/**
 * rp_plan_new_from_data:
 * @data: a plan file's bytes
 * @length: their number
 *
 * Reads @data as rp_format_json_import() does, into a store of its own in
 * memory; writes nothing anywhere.
 *
 * Returns: (transfer full) (nullable): the plan, or NULL with the
 *   importer's error (RP_FORMAT_ERROR, each problem with its JSON path)
 */
RpPlan *
rp_plan_new_from_data (const char *data, gsize length, GError **error)
{
  g_autoptr (RpStore) store = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = rp_store_open_memory (error);
  if (store == NULL || !rp_format_json_import (store, data, length, error))
    return NULL;
  return rp_plan_new_from_store (store, error);
}

/**
 * rp_plan_new_from_file:
 *
 * Like rp_plan_new_from_data(), reading @file as
 * rp_format_json_import_file() does.
 *
 * Returns: (transfer full) (nullable): the plan
 */
RpPlan *
rp_plan_new_from_file (GFile *file, GError **error)
{
  g_autoptr (RpStore) store = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = rp_store_open_memory (error);
  if (store == NULL || !rp_format_json_import_file (store, file, error))
    return NULL;
  return rp_plan_new_from_store (store, error);
}

/**
 * rp_plan_new_from_node:
 * @root: a plan file's tree (a merge's result)
 *
 * Returns: (transfer full) (nullable): the plan, checked as a file is
 */
RpPlan *
rp_plan_new_from_node (JsonNode *root, GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (root != NULL, NULL);

  _rp_format_json_emit_node (text, root, 0, FALSE);
  return rp_plan_new_from_data (text->str, text->len, error);
}

RpPlan *
rp_plan_ref (RpPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_plan_unref (RpPlan *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->people);
  g_hash_table_unref (self->releases);
  json_node_unref (self->root);
  g_free (self->data);
  g_free (self);
}

/**
 * rp_plan_get_root:
 *
 * Returns: (transfer none): the plan's tree; do not change it
 */
JsonNode *
rp_plan_get_root (RpPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->root;
}

/**
 * rp_plan_get_data:
 *
 * Returns: (transfer none): the plan file, as the export writes it
 */
const char *
rp_plan_get_data (RpPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->data;
}

gboolean
rp_plan_equal (RpPlan *a, RpPlan *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return strcmp (a->data, b->data) == 0;
}

const char *
rp_plan_get_person_name (RpPlan *self, const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id ? g_hash_table_lookup (self->people, id) : NULL;
}

const char *
rp_plan_get_release_name (RpPlan *self, const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id ? g_hash_table_lookup (self->releases, id) : NULL;
}

/* ------------------------------------------------------------------ */
/* The lists of a plan, for diff and merge */

static const RpPlanList lists[] = {
  { "people", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_PERSON, "name" },
  { "freeze_windows", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_FREEZE_WINDOW, "name" },
  { "templates", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_TEMPLATE, "name" },
  { "releases", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_RELEASE, "name" },
  { "components", RP_PLAN_LIST_ROWS, "component", RP_ENTITY_OWNER, "component" },
  { "scope", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_SCOPE_ITEM, "title" },
  { "acceptance_criteria", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_CRITERION, "text" },
  { "dependencies", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_DEPENDENCY, "title" },
  { "risks", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_RISK, "title" },
  { "checklist_sections", RP_PLAN_LIST_ROWS, "name", RP_ENTITY_CHECKLIST_SECTION, "name" },
  { "checklist", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_CHECKLIST_ITEM, "text" },
  { "rollout", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_ROLLOUT_STAGE, "name" },
  { "feature_flags", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_FEATURE_FLAG, "key" },
  { "decisions", RP_PLAN_LIST_ROWS, "id", RP_ENTITY_DECISION, "at" },
  { "on_call", RP_PLAN_LIST_STRINGS, NULL, RP_N_ENTITIES, NULL },
  { "qa", RP_PLAN_LIST_STRINGS, NULL, RP_N_ENTITIES, NULL },
  { "deploy_days", RP_PLAN_LIST_STRINGS, NULL, RP_N_ENTITIES, NULL },
  /* A template's sections and their items have nothing to know them by,
   * and a decision's readiness is a snapshot kept as it was. */
  { "sections", RP_PLAN_LIST_VALUE, NULL, RP_N_ENTITIES, NULL },
  { "readiness", RP_PLAN_LIST_VALUE, NULL, RP_N_ENTITIES, NULL },
};

const RpPlanList *
_rp_plan_find_list (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (strcmp (lists[i].key, key) == 0)
      return &lists[i];
  return NULL;
}

const char *
_rp_plan_row_id (const RpPlanList *list, JsonNode *row)
{
  JsonNode *id;

  if (list->shape == RP_PLAN_LIST_STRINGS)
    return _rp_format_json_node_is_string (row) ? json_node_get_string (row) : NULL;
  if (!JSON_NODE_HOLDS_OBJECT (row))
    return NULL;
  id = json_object_get_member (json_node_get_object (row), list->id_key);
  return id && _rp_format_json_node_is_string (id) ? json_node_get_string (id) : NULL;
}

gboolean
_rp_plan_ids_unique (const RpPlanList *list, JsonNode *array)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (array == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (array)); i++)
    {
      const char *id = _rp_plan_row_id (list, json_array_get_element (json_node_get_array (array), i));

      if (id == NULL || !g_hash_table_add (seen, (gpointer) id))
        return FALSE;
    }
  return TRUE;
}

const char *
_rp_plan_list_label (const RpPlanList *list)
{
  switch (list->entity)
    {
    case RP_ENTITY_OWNER:
      return "component";
    case RP_ENTITY_CRITERION:
      return "criterion";
    case RP_N_ENTITIES:
      return list->key;
    default:
      return rp_entity_get_info (list->entity)->label;
    }
}

char *
_rp_plan_describe_row (const RpPlanList *list, JsonNode *row)
{
  JsonObject *object = row && JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL;
  JsonNode *title = object && list->title_key ? json_object_get_member (object, list->title_key) : NULL;

  if (list->shape == RP_PLAN_LIST_STRINGS)
    return g_strdup_printf ("%s “%s”", list->key, _rp_plan_row_id (list, row));
  if (list->entity == RP_ENTITY_DECISION)
    return g_strdup_printf ("decision of %s", title && _rp_format_json_node_is_string (title)
                                                  ? json_node_get_string (title)
                                                  : "?");
  return g_strdup_printf ("%s “%s”", _rp_plan_list_label (list),
                          title && _rp_format_json_node_is_string (title) ? json_node_get_string (title)
                                                                          : "");
}

void
_rp_plan_path_push_key (GString *path, const char *key)
{
  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append (path, key);
}

void
_rp_plan_path_push_index (GString *path, guint index)
{
  g_string_append_printf (path, "[%u]", index);
}

char *
_rp_plan_node_to_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  if (node == NULL)
    g_string_append (out, "null");
  else
    _rp_format_json_emit_node (out, node, 0, FALSE);
  return g_string_free (out, FALSE);
}

/**
 * rp_plan_new_import_preview:
 * @store: the store a plan file would be imported into
 * @data: the plan file's bytes
 *
 * Imports the store's plan and then @data into a store in memory: the
 * result is what the import would leave, upserts, kept values, defaults
 * and all, so a diff against rp_plan_new_from_store() says what it changes.
 *
 * Returns: (transfer full): the plan after the import, or %NULL with
 *   the importer's error (JSON paths and all)
 */
RpPlan *
rp_plan_new_import_preview (RpStore *store, const char *data, gsize length, GError **error)
{
  g_autoptr (RpStore) copy = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  current = rp_format_json_export (store, NULL, error);
  if (current == NULL)
    return NULL;
  copy = rp_store_open_memory (error);
  if (copy == NULL)
    return NULL;
  /* The exporter's own output: failing to read it back is a bug. */
  if (!rp_format_json_import (copy, current, strlen (current), error))
    {
      g_critical ("the export of a plan does not import: %s", (*error)->message);
      return NULL;
    }
  if (!rp_format_json_import (copy, data, length, error))
    return NULL;
  return rp_plan_new_from_store (copy, error);
}
