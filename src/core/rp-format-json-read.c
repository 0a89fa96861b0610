/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "rp-format-json-private.h"
#include "rp-json-strict.h"

/* The reader: read and check everything, collecting every problem with its
 * JSON path, and write nothing. The writer (rp-format-json-import.c) writes
 * what it read only when there is no problem. Below: the plan it makes, the
 * tools that check a value and record a problem, and the entry point; what a
 * plan holds is read by rp-format-json-read-plan.c with these tools. */

/* More than this many problems are summed up in one last line. */
#define MAX_REPORTED_ERRORS 50

static void
template_plan_free (gpointer data)
{
  RpJsonTemplatePlan *plan = data;

  g_clear_object (&plan->record);
  g_clear_pointer (&plan->sections, g_ptr_array_unref);
  g_clear_pointer (&plan->items, g_ptr_array_unref);
  g_free (plan);
}

static void
release_plan_free (gpointer data)
{
  RpJsonReleasePlan *plan = data;

  g_clear_object (&plan->record);
  for (guint i = 0; i < RP_JSON_N_RELEASE_LISTS; i++)
    g_clear_pointer (&plan->lists[i], g_ptr_array_unref);
  g_ptr_array_unref (plan->criteria);
  g_hash_table_unref (plan->criteria_given);
  g_ptr_array_unref (plan->owners);
  g_ptr_array_unref (plan->sections);
  g_ptr_array_unref (plan->item_sections);
  g_free (plan);
}

static RpJsonPlan *
plan_new (void)
{
  RpJsonPlan *plan = g_new0 (RpJsonPlan, 1);

  plan->templates = g_ptr_array_new_with_free_func (template_plan_free);
  plan->releases = g_ptr_array_new_with_free_func (release_plan_free);
  return plan;
}

void
_rp_format_json_plan_free (RpJsonPlan *plan)
{
  g_free (plan->deploy_days);
  g_ptr_array_unref (plan->templates);
  g_clear_pointer (&plan->people, g_ptr_array_unref);
  g_clear_pointer (&plan->freeze_windows, g_ptr_array_unref);
  g_ptr_array_unref (plan->releases);
  g_free (plan);
}

static void
reader_clear (RpJsonReader *ctx)
{
  g_clear_pointer (&ctx->errors, g_ptr_array_unref);
  if (ctx->path)
    g_string_free (ctx->path, TRUE);
  g_clear_pointer (&ctx->people, g_hash_table_unref);
  g_clear_pointer (&ctx->releases, g_hash_table_unref);
  for (guint i = 0; i < RP_N_ENTITIES; i++)
    g_clear_pointer (&ctx->seen[i], g_hash_table_unref);
  g_clear_pointer (&ctx->plan, _rp_format_json_plan_free);
}

gsize
_rp_format_json_path_push_key (RpJsonReader *ctx, const char *key)
{
  gsize old = ctx->path->len;

  if (ctx->path->len > 0)
    g_string_append_c (ctx->path, '.');
  g_string_append (ctx->path, key);
  return old;
}

gsize
_rp_format_json_path_push_index (RpJsonReader *ctx, guint index)
{
  gsize old = ctx->path->len;

  g_string_append_printf (ctx->path, "[%u]", index);
  return old;
}

void
_rp_format_json_path_pop (RpJsonReader *ctx, gsize old)
{
  g_string_truncate (ctx->path, old);
}

/* Records a problem at the current path (plus @key, when set). */
void
_rp_format_json_add_error (RpJsonReader *ctx, const char *key, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  gsize old = ctx->path->len;

  ctx->n_errors++;
  if (ctx->errors->len >= MAX_REPORTED_ERRORS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (key)
    _rp_format_json_path_push_key (ctx, key);
  g_ptr_array_add (ctx->errors,
                   g_strdup_printf ("%s: %s", ctx->path->len ? ctx->path->str : "(top level)", message));
  _rp_format_json_path_pop (ctx, old);
}

const char *
_rp_format_json_node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "a list";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "text";
        case G_TYPE_BOOLEAN:
          return "true or false";
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          return "a number";
        default:
          return "a value";
        }
    }
}

gboolean
_rp_format_json_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Reports unknown keys and missing required ones (@required may be NULL:
 * none); returns FALSE when a required key is missing. */
gboolean
_rp_format_json_check_keys (RpJsonReader *ctx, JsonObject *object, const char *const *keys,
                            const char *const *required)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean complete = TRUE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (keys, name))
      _rp_format_json_add_error (ctx, name, "unknown key");
  for (guint i = 0; required && required[i]; i++)
    if (!json_object_has_member (object, required[i]))
      {
        _rp_format_json_add_error (ctx, required[i], "missing");
        complete = FALSE;
      }
  return complete;
}

gboolean
_rp_format_json_check_field_keys (RpJsonReader *ctx, JsonObject *object, RpEntity entity,
                                  const RpJsonField *fields)
{
  const char *keys[32];
  const char *required[32];
  guint n = 0, n_required = 0;

  for (const RpJsonField *f = fields; f->key; f++)
    {
      g_assert (n < G_N_ELEMENTS (keys) - 1);
      keys[n++] = f->key;
      if (_rp_format_json_key_is_required (entity, f))
        required[n_required++] = f->key;
    }
  keys[n] = NULL;
  required[n_required] = NULL;
  return _rp_format_json_check_keys (ctx, object, keys, required);
}

/* The member @key when it is an object; otherwise reports it and returns NULL.
 * A missing member was reported by _rp_format_json_check_keys() already. */
JsonObject *
_rp_format_json_get_object (RpJsonReader *ctx, JsonObject *object, const char *key, gboolean nullable)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _rp_format_json_add_error (ctx, key, "must be an object%s, not %s", nullable ? " or null" : "",
                                 _rp_format_json_node_kind (node));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
_rp_format_json_get_array (RpJsonReader *ctx, JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _rp_format_json_add_error (ctx, key, "must be a list, not %s", _rp_format_json_node_kind (node));
      return NULL;
    }
  return json_node_get_array (node);
}

/* A reference to a person (or release) must name one in the file or in the
 * store. */
void
_rp_format_json_check_reference (RpJsonReader *ctx, const char *key, RpEntity target, const char *id)
{
  GHashTable *known = target == RP_ENTITY_PERSON ? ctx->people : ctx->releases;

  if (!g_hash_table_contains (known, id))
    _rp_format_json_add_error (ctx, key, "unknown %s id “%s”", rp_entity_get_info (target)->label, id);
}

#define GIVEN_DATA "rp-json-given"

void
_rp_format_json_mark_given (RpRecord *record, const char *column)
{
  int index = rp_entity_find_column (rp_record_get_entity (record), column);
  guint64 *given = g_object_get_data (G_OBJECT (record), GIVEN_DATA);

  g_assert (index >= 0 && index < 64);
  if (given == NULL)
    {
      given = g_new0 (guint64, 1);
      g_object_set_data_full (G_OBJECT (record), GIVEN_DATA, given, g_free);
    }
  *given |= G_GUINT64_CONSTANT (1) << index;
}

gboolean
_rp_format_json_is_given (RpRecord *record, guint column_index)
{
  guint64 *given = g_object_get_data (G_OBJECT (record), GIVEN_DATA);

  return given != NULL && column_index < 64 && (*given & (G_GUINT64_CONSTANT (1) << column_index)) != 0;
}

/* Reads @key of @object into @column of @record, checking its type and
 * value against the data model. */
void
_rp_format_json_read_column (RpJsonReader *ctx, JsonObject *object, const char *key, RpRecord *record,
                             const char *column)
{
  RpEntity entity = rp_record_get_entity (record);
  const RpColumn *c = rp_entity_get_column (entity, column);
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr (GVariant) value = NULL;
  g_autofree char *message = NULL;

  g_assert (c != NULL);
  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_NULL (node))
    {
      switch (c->type)
        {
        case RP_COLUMN_INT:
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
            {
              _rp_format_json_add_error (ctx, key, "must be a whole number, not %s",
                                         _rp_format_json_node_kind (node));
              return;
            }
          value = g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (node)));
          break;
        case RP_COLUMN_BOOL:
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            {
              _rp_format_json_add_error (ctx, key, "must be true or false, not %s",
                                         _rp_format_json_node_kind (node));
              return;
            }
          value = g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (node)));
          break;
        default:
          if (!_rp_format_json_node_is_string (node))
            {
              _rp_format_json_add_error (ctx, key, "must be text%s, not %s",
                                         (c->flags & RP_COLUMN_REQUIRED) ? "" : " or null",
                                         _rp_format_json_node_kind (node));
              return;
            }
          value = g_variant_ref_sink (g_variant_new_string (json_node_get_string (node)));
          break;
        }
    }

  if (!rp_column_check_value (c, value, &message))
    {
      _rp_format_json_add_error (ctx, key, "%s", message);
      return;
    }
  if (c->type == RP_COLUMN_REF && value != NULL && !(c->flags & RP_COLUMN_PARENT))
    _rp_format_json_check_reference (ctx, key, c->ref, g_variant_get_string (value, NULL));
  rp_record_set_value (record, column, value);
  _rp_format_json_mark_given (record, column);
}

/* Reads the columns of @fields; the special keys are left to the caller. */
void
_rp_format_json_read_fields (RpJsonReader *ctx, JsonObject *object, const RpJsonField *fields,
                             RpRecord *record)
{
  for (const RpJsonField *f = fields; f->key; f++)
    if (f->column != NULL)
      _rp_format_json_read_column (ctx, object, f->key, record, f->column);
}

/* Ids people can write, and that survive a JSON path, a shell and git:
 * [A-Za-z0-9._-]+, as the export keeps them. */
gboolean
_rp_format_json_id_is_valid (const char *id)
{
  gsize n = 0;

  for (const char *p = id; *p; p++, n++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return n > 0 && n <= RP_JSON_ID_MAX_LENGTH;
}

gboolean
_rp_format_json_read_id (RpJsonReader *ctx, JsonObject *object, RpRecord *record)
{
  JsonNode *node = json_object_get_member (object, "id");
  RpEntity entity = rp_record_get_entity (record);
  const char *id, *first;

  if (node == NULL)
    return FALSE;
  if (!_rp_format_json_node_is_string (node))
    {
      _rp_format_json_add_error (ctx, "id", "must be text, not %s", _rp_format_json_node_kind (node));
      return FALSE;
    }
  id = json_node_get_string (node);
  if (!_rp_format_json_id_is_valid (id))
    {
      _rp_format_json_add_error (
          ctx, "id",
          "must be 1 to %d letters, digits, “-”, “_” or “.” (like “payments-2027.1” or a "
          "UUID), not “%s”",
          RP_JSON_ID_MAX_LENGTH, id);
      return FALSE;
    }
  first = g_hash_table_lookup (ctx->seen[entity], id);
  if (first != NULL)
    {
      _rp_format_json_add_error (ctx, "id", "duplicate id “%s” (also at %s)", id, first);
      return FALSE;
    }
  g_hash_table_insert (ctx->seen[entity], g_strdup (id), g_strdup (ctx->path->str));
  rp_record_set_id (record, id);
  return TRUE;
}

/* Where a row came from, for the rare problem only the store finds. */
void
_rp_format_json_remember_path (RpJsonReader *ctx, RpRecord *record)
{
  g_object_set_data_full (G_OBJECT (record), RP_JSON_PATH_DATA, g_strdup (ctx->path->str), g_free);
}

/* One element of a list of rows with ids. Returns the record (even with
 * problems, which are reported) and the object for the special keys. */
static RpRecord *
read_row (RpJsonReader *ctx, JsonNode *node, RpEntity entity, const RpJsonField *fields,
          JsonObject **object_out)
{
  RpRecord *record;
  JsonObject *object;

  *object_out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _rp_format_json_add_error (ctx, NULL, "must be an object, not %s", _rp_format_json_node_kind (node));
      return NULL;
    }
  object = json_node_get_object (node);
  record = rp_record_new (entity);
  _rp_format_json_remember_path (ctx, record);
  _rp_format_json_check_field_keys (ctx, object, entity, fields);
  _rp_format_json_read_id (ctx, object, record);
  _rp_format_json_read_fields (ctx, object, fields, record);
  *object_out = object;
  return record;
}

/* Reads each element of the list at @key with read_row(); calls @special
 * for the keys of its own. */
GPtrArray *
_rp_format_json_read_rows (RpJsonReader *ctx, JsonObject *parent, const char *key, RpEntity entity,
                           const RpJsonField *fields, const char *parent_column, const char *parent_id,
                           RpJsonSpecialFunc special, gpointer data)
{
  GPtrArray *records;
  JsonArray *array;
  gsize old;

  if (!json_object_has_member (parent, key))
    return NULL;
  records = g_ptr_array_new_with_free_func (g_object_unref);
  array = _rp_format_json_get_array (ctx, parent, key);
  if (array == NULL)
    return records;
  old = _rp_format_json_path_push_key (ctx, key);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize old_index = _rp_format_json_path_push_index (ctx, i);
      JsonObject *object = NULL;
      RpRecord *record = read_row (ctx, json_array_get_element (array, i), entity, fields, &object);

      if (record != NULL)
        {
          rp_record_set_position (record, i);
          if (parent_column)
            rp_record_set_string (record, parent_column, parent_id);
          if (special)
            special (ctx, object, record, data);
          g_ptr_array_add (records, record);
        }
      _rp_format_json_path_pop (ctx, old_index);
    }
  _rp_format_json_path_pop (ctx, old);
  return records;
}

static gboolean
check_format (JsonObject *root, GError **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "format_version");

  if (format == NULL || !_rp_format_json_node_is_string (format))
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_VERSION,
                   "This is not a Release Planner plan file: it has no “format”: “%s”.", RP_PLAN_FORMAT);
      return FALSE;
    }
  if (strcmp (json_node_get_string (format), RP_PLAN_FORMAT) != 0)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_VERSION,
                   "This is not a Release Planner plan file: its format is “%s”, not “%s”.",
                   json_node_get_string (format), RP_PLAN_FORMAT);
      return FALSE;
    }
  if (version == NULL)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_INVALID, "format_version: missing");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_INVALID,
                   "format_version: must be a whole number from 1 (this version of Release Planner reads %d)",
                   RP_PLAN_FORMAT_VERSION);
      return FALSE;
    }
  if (json_node_get_int (version) > RP_PLAN_FORMAT_VERSION)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_VERSION,
                   "This plan file has format version %" G_GINT64_FORMAT
                   ", written by a newer Release Planner; "
                   "this version reads format version %d. Update Release Planner to import it.",
                   json_node_get_int (version), RP_PLAN_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* The file's plan, or NULL with every problem; @store is only read. */
RpJsonPlan *
_rp_format_json_read (RpStore *store, const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local = NULL;
  RpJsonReader ctx = { 0 };
  JsonNode *root;
  RpJsonPlan *plan;

  if (!_rp_json_strict_check (data, length, RP_PLAN_MAX_BYTES, RP_PLAN_MAX_DEPTH, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_SYNTAX, "%s", local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_VERSION,
                   "This is not a Release Planner plan file: it is %s, not a JSON object.",
                   root ? _rp_format_json_node_kind (root) : "empty");
      return NULL;
    }
  if (!check_format (json_node_get_object (root), error))
    return NULL;

  ctx.store = store;
  ctx.errors = g_ptr_array_new_with_free_func (g_free);
  ctx.path = g_string_new (NULL);
  ctx.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.releases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < RP_N_ENTITIES; i++)
    ctx.seen[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx.plan = plan_new ();

  _rp_format_json_read_plan (&ctx, json_node_get_object (root));

  if (ctx.n_errors > 0)
    {
      g_autoptr (GString) message = g_string_new (NULL);

      for (guint i = 0; i < ctx.errors->len; i++)
        {
          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, ctx.errors->pdata[i]);
        }
      if (ctx.n_errors > ctx.errors->len)
        g_string_append_printf (message, "\n… and %u more problems", ctx.n_errors - ctx.errors->len);
      g_set_error_literal (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_INVALID, message->str);
      reader_clear (&ctx);
      return NULL;
    }

  plan = g_steal_pointer (&ctx.plan);
  reader_clear (&ctx);
  return plan;
}
