/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rp-format-json-private.h"
#include "rp-store-private.h"

/* ------------------------------------------------------------------ */
/* Writing JSON: our own emitter, so that the bytes are ours to fix: key
 * order as built, two spaces, "key": value, UTF-8 as is, a trailing
 * newline. (It matches Python's json.dumps (indent=2, ensure_ascii=False).) */

static void
emit_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      const char *run = p;
      guchar c;

      /* What needs no escape goes in one piece. */
      while (*p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;
      c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double. */
static void
emit_double (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      g_string_append (out, "null");
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
emit_indent (GString *out, guint level)
{
  static const char spaces[] = "                                ";

  for (; level > (sizeof spaces - 1) / 2; level -= (sizeof spaces - 1) / 2)
    g_string_append_len (out, spaces, sizeof spaces - 1);
  g_string_append_len (out, spaces, 2 * level);
}

void
_rp_format_json_emit_node (GString *out, JsonNode *node, guint level, gboolean pretty)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        if (json_object_get_size (object) == 0)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            if (pretty)
              {
                g_string_append_c (out, '\n');
                emit_indent (out, level + 1);
              }
            emit_string (out, name);
            g_string_append (out, pretty ? ": " : ":");
            _rp_format_json_emit_node (out, member, level + 1, pretty);
          }
        if (pretty)
          {
            g_string_append_c (out, '\n');
            emit_indent (out, level);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (pretty)
              {
                g_string_append_c (out, '\n');
                emit_indent (out, level + 1);
              }
            _rp_format_json_emit_node (out, json_array_get_element (array, i), level + 1, pretty);
          }
        if (pretty)
          {
            g_string_append_c (out, '\n');
            emit_indent (out, level);
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          emit_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          emit_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Export: written as it is read, in the bytes the emitter above gives a
 * tree, without the tree. One cursor per entity walks its rows in the order
 * of the plan (rp-store-cursor.c); each release takes from each cursor the
 * rows that belong to it. What is in memory at once is one release's
 * sections and owners and the bytes not yet written. */

#define WRITER_MAX_DEPTH 16
#define WRITER_CHUNK (64 * 1024)

typedef struct
{
  GString *out;
  GOutputStream *stream; /* NULL: everything stays in out */
  GCancellable *cancellable;
  GError *error; /* the first failed write */
  guint depth;
  guint count[WRITER_MAX_DEPTH];
  gboolean is_array[WRITER_MAX_DEPTH];
} Writer;

static void
writer_flush (Writer *w, gboolean all)
{
  if (w->stream == NULL || w->error != NULL || (!all && w->out->len < WRITER_CHUNK))
    return;
  g_output_stream_write_all (w->stream, w->out->str, w->out->len, NULL, w->cancellable, &w->error);
  g_string_truncate (w->out, 0);
}

/* What comes before a value: in a list, the comma and the new line. */
static void
w_prefix (Writer *w)
{
  if (w->depth == 0 || !w->is_array[w->depth - 1])
    return;
  g_string_append (w->out, w->count[w->depth - 1]++ == 0 ? "[\n" : ",\n");
  emit_indent (w->out, w->depth);
}

static void
w_begin (Writer *w, gboolean is_array)
{
  g_assert (w->depth < WRITER_MAX_DEPTH);
  w_prefix (w);
  w->is_array[w->depth] = is_array;
  w->count[w->depth] = 0;
  w->depth++;
}

static void
w_end (Writer *w)
{
  w->depth--;
  if (w->count[w->depth] == 0)
    {
      g_string_append (w->out, w->is_array[w->depth] ? "[]" : "{}");
      return;
    }
  g_string_append_c (w->out, '\n');
  emit_indent (w->out, w->depth);
  g_string_append_c (w->out, w->is_array[w->depth] ? ']' : '}');
}

static void
w_key (Writer *w, const char *key)
{
  g_assert (w->depth > 0 && !w->is_array[w->depth - 1]);
  g_string_append (w->out, w->count[w->depth - 1]++ == 0 ? "{\n" : ",\n");
  emit_indent (w->out, w->depth);
  /* The keys are the file format's own: nothing in them to escape. */
  g_string_append_c (w->out, '"');
  g_string_append (w->out, key);
  g_string_append (w->out, "\": ");
}

static void
w_string (Writer *w, const char *text)
{
  w_prefix (w);
  if (text == NULL)
    g_string_append (w->out, "null");
  else
    emit_string (w->out, text);
}

static void
w_null (Writer *w)
{
  w_prefix (w);
  g_string_append (w->out, "null");
}

static void
w_node (Writer *w, JsonNode *node)
{
  w_prefix (w);
  _rp_format_json_emit_node (w->out, node, w->depth, TRUE);
}

typedef struct
{
  RpStore *store;
  Writer *w;
  RpStoreCursor *cursors[RP_N_ENTITIES]; /* owned; for the children of releases */
  GHashTable *section_names;             /* of the release being written: id -> name (borrowed) */
} Export;

/* A row to write: a record, or the statement of a cursor standing on the
 * row (then no record is made of it: most rows of an export are written
 * once and dropped, and making a record costs more than writing it). */
typedef struct
{
  RpEntity entity;
  RpRecord *record;   /* or NULL, and then: */
  sqlite3_stmt *stmt; /* 0 id, 1 position, 2 + i column i */
} Row;

#define ROW_FOR_RECORD(r) ((Row){ rp_record_get_entity (r), (r), NULL })

static gboolean
row_is_null_at (const Row *row, int index)
{
  if (row->record != NULL)
    return rp_record_get_value_at (row->record, index) == NULL;
  return sqlite3_column_type (row->stmt, index + 2) == SQLITE_NULL;
}

/* The text of a column (NULL for SQL NULL), valid while the row is; never
 * invalid UTF-8, whatever wrote the file (*tmp holds a repaired copy). */
static const char *
row_text_at (const Row *row, int index, char **tmp)
{
  GVariant *value;

  if (row->record == NULL)
    return _rp_store_column_text (row->stmt, index + 2, tmp);
  value = rp_record_get_value_at (row->record, index);
  return value ? g_variant_get_string (value, NULL) : NULL;
}

static const char *
row_text (const Row *row, const char *column, char **tmp)
{
  int index = rp_entity_find_column (row->entity, column);

  g_assert (index >= 0);
  return row_text_at (row, index, tmp);
}

static const char *
row_id (const Row *row, char **tmp)
{
  if (row->record != NULL)
    return rp_record_get_id (row->record);
  return _rp_store_column_text (row->stmt, 0, tmp);
}

/* An INT or BOOL column that is not null. */
static gint64
row_int_at (const Row *row, int index)
{
  GVariant *value;

  if (row->record == NULL)
    return sqlite3_column_int64 (row->stmt, index + 2);
  value = rp_record_get_value_at (row->record, index);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_get_boolean (value);
  return g_variant_get_int64 (value);
}

static void
put_column_at (Writer *w, const char *key, const Row *row, int index)
{
  RpColumnType type = rp_entity_get_info (row->entity)->columns[index].type;
  g_autofree char *tmp = NULL;

  w_key (w, key);
  if (row_is_null_at (row, index))
    g_string_append (w->out, "null");
  else if (type == RP_COLUMN_INT)
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT, row_int_at (row, index));
  else if (type == RP_COLUMN_BOOL)
    g_string_append (w->out, row_int_at (row, index) != 0 ? "true" : "false");
  else
    emit_string (w->out, row_text_at (row, index, &tmp));
}

/* One lookup of the column by name, then the value as stored. */
static void
put_column (Writer *w, const char *key, RpRecord *record, const char *column)
{
  Row row = ROW_FOR_RECORD (record);
  int index = rp_entity_find_column (row.entity, column);

  g_assert (index >= 0);
  put_column_at (w, key, &row, index);
}

/* An object of @fields, or null when every one of them is null. */
static void
put_nullable_group (Writer *w, const char *key, RpRecord *record, const RpJsonField *fields)
{
  gboolean all_null = TRUE;

  for (const RpJsonField *f = fields; f->key && all_null; f++)
    all_null = rp_record_is_null (record, f->column);
  if (all_null)
    {
      w_key (w, key);
      g_string_append (w->out, "null");
      return;
    }
  w_key (w, key);
  w_begin (w, FALSE);
  for (const RpJsonField *f = fields; f->key; f++)
    put_column (w, f->key, record, f->column);
  w_end (w);
}

/* The rows of @entity in the current release (or under the current scope
 * item, for criteria), taken from its cursor: FALSE on a read error. */
static gboolean export_rows (Export *ex, RpEntity entity, const char *release_id, const char *parent_id,
                             const RpJsonField *fields);

static void
export_readiness (Writer *w, const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    w_null (w);
  else
    w_node (w, json_parser_get_root (parser));
}

/* The column of each of @fields (-1 for a key without one), looked up
 * once for all the rows written with them. */
static int *
field_columns (RpEntity entity, const RpJsonField *fields)
{
  guint n = 0;
  int *columns;

  while (fields[n].key)
    n++;
  columns = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      columns[i] = fields[i].column ? rp_entity_find_column (entity, fields[i].column) : -1;
      g_assert (fields[i].column == NULL || columns[i] >= 0);
    }
  return columns;
}

static gboolean
export_fields (Export *ex, const Row *row, const char *release_id, const RpJsonField *fields,
               const int *columns)
{
  Writer *w = ex->w;
  g_autofree char *id_tmp = NULL;
  const char *id = row_id (row, &id_tmp);

  w_begin (w, FALSE);
  for (guint i = 0; fields[i].key; i++)
    {
      const RpJsonField *f = &fields[i];

      if (strcmp (f->key, "id") == 0)
        {
          w_key (w, "id");
          emit_string (w->out, id);
        }
      else if (columns[i] >= 0)
        put_column_at (w, f->key, row, columns[i]);
      else if (row->entity == RP_ENTITY_SCOPE_ITEM && strcmp (f->key, "acceptance_criteria") == 0)
        {
          /* The criteria's cursor is another statement: this row stays. */
          w_key (w, f->key);
          if (!export_rows (ex, RP_ENTITY_CRITERION, release_id, id, _rp_format_json_criterion_fields))
            return FALSE;
        }
      else if (row->entity == RP_ENTITY_CHECKLIST_ITEM && strcmp (f->key, "section") == 0)
        {
          g_autofree char *tmp = NULL;
          const char *name = g_hash_table_lookup (ex->section_names, row_text (row, "section_id", &tmp));

          w_key (w, f->key);
          emit_string (w->out, name ? name : "");
        }
      else if (row->entity == RP_ENTITY_DECISION && strcmp (f->key, "readiness") == 0)
        {
          g_autofree char *tmp = NULL;

          w_key (w, f->key);
          export_readiness (w, row_text (row, "readiness", &tmp));
        }
      else
        g_assert_not_reached ();
    }
  w_end (w);
  return TRUE;
}

static RpStoreCursor *
get_cursor (Export *ex, RpEntity entity, const char *release_id, GError **error)
{
  if (ex->cursors[entity] == NULL)
    ex->cursors[entity] = _rp_store_cursor_new (ex->store, entity, release_id, error);
  return ex->cursors[entity];
}

static gboolean
export_rows (Export *ex, RpEntity entity, const char *release_id, const char *parent_id,
             const RpJsonField *fields)
{
  RpStoreCursor *cursor = ex->cursors[entity];
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autofree int *columns = field_columns (entity, fields);
  sqlite3_stmt *stmt;

  w_begin (ex->w, TRUE);
  while ((stmt = _rp_store_cursor_peek (cursor, release_id)) != NULL &&
         (parent_id == NULL ||
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, info->parent_column + 2), parent_id) == 0))
    {
      Row row = { entity, NULL, stmt };

      if (!export_fields (ex, &row, release_id, fields, columns) ||
          !_rp_store_cursor_next (ex->store, cursor, &ex->w->error))
        return FALSE;
    }
  w_end (ex->w);
  return TRUE;
}

/* The rows of the current release from @entity's cursor, as an array. */
static GPtrArray *
take_rows (Export *ex, RpEntity entity, const char *release_id)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  RpRecord *row;

  while ((row = _rp_store_cursor_get (ex->cursors[entity], release_id)) != NULL)
    {
      g_ptr_array_add (rows, g_object_ref (row));
      if (!_rp_store_cursor_next (ex->store, ex->cursors[entity], &ex->w->error))
        {
          g_ptr_array_unref (rows);
          return NULL;
        }
    }
  return rows;
}

static void
put_person_list (Writer *w, const char *key, GPtrArray *owners, const char *role)
{
  w_key (w, key);
  w_begin (w, TRUE);
  for (guint i = 0; i < owners->len; i++)
    if (g_strcmp0 (rp_record_get_string (owners->pdata[i], "role"), role) == 0)
      w_string (w, rp_record_get_string (owners->pdata[i], "person_id"));
  w_end (w);
}

static gboolean
export_owners (Export *ex, const char *release_id)
{
  g_autoptr (GPtrArray) owners = take_rows (ex, RP_ENTITY_OWNER, release_id);
  const char *release_manager = NULL, *go_no_go = NULL;
  guint rm_index = G_MAXUINT, gng_index = G_MAXUINT;
  Writer *w = ex->w;

  if (owners == NULL)
    return FALSE;
  for (guint i = 0; i < owners->len; i++)
    {
      const char *role = rp_record_get_string (owners->pdata[i], "role");

      if (g_strcmp0 (role, "release_manager") == 0 && release_manager == NULL)
        release_manager = rp_record_get_string (owners->pdata[rm_index = i], "person_id");
      else if (g_strcmp0 (role, "go_no_go") == 0 && go_no_go == NULL)
        go_no_go = rp_record_get_string (owners->pdata[gng_index = i], "person_id");
    }
  (void) rm_index;
  (void) gng_index;

  w_begin (w, FALSE);
  w_key (w, "release_manager");
  w_string (w, release_manager);
  w_key (w, "go_no_go");
  w_string (w, go_no_go);
  put_person_list (w, "on_call", owners, "on_call");
  put_person_list (w, "qa", owners, "qa");
  w_key (w, "components");
  w_begin (w, TRUE);
  for (guint i = 0; i < owners->len; i++)
    if (g_strcmp0 (rp_record_get_string (owners->pdata[i], "role"), "component") == 0)
      {
        w_begin (w, FALSE);
        put_column (w, "component", owners->pdata[i], "component");
        put_column (w, "owner", owners->pdata[i], "person_id");
        w_end (w);
      }
  w_end (w);
  w_end (w);
  return TRUE;
}

static gboolean
export_release (Export *ex, RpRecord *release)
{
  const char *id = rp_record_get_id (release);
  g_autoptr (GPtrArray) sections = take_rows (ex, RP_ENTITY_CHECKLIST_SECTION, id);
  Writer *w = ex->w;

  if (sections == NULL)
    return FALSE;
  g_hash_table_remove_all (ex->section_names);
  for (guint i = 0; i < sections->len; i++)
    g_hash_table_insert (ex->section_names, (gpointer) rp_record_get_id (sections->pdata[i]),
                         (gpointer) rp_record_get_string (sections->pdata[i], "name"));

  w_begin (w, FALSE);
  for (const RpJsonField *f = _rp_format_json_release_fields; f->key; f++)
    {
      if (strcmp (f->key, "id") == 0)
        {
          w_key (w, "id");
          emit_string (w->out, id);
        }
      else if (f->column != NULL)
        put_column (w, f->key, release, f->column);
      else if (strcmp (f->key, "timeline") == 0)
        {
          w_key (w, f->key);
          w_begin (w, FALSE);
          for (const RpJsonField *t = _rp_format_json_timeline_fields; t->key; t++)
            {
              if (t->column != NULL)
                put_column (w, t->key, release, t->column);
              else if (strcmp (t->key, "deploy_window") == 0)
                put_nullable_group (w, t->key, release, _rp_format_json_deploy_window_fields);
              else if (strcmp (t->key, "committed") == 0)
                put_nullable_group (w, t->key, release, _rp_format_json_committed_fields);
              else
                g_assert_not_reached ();
            }
          w_end (w);
        }
      else if (strcmp (f->key, "owners") == 0)
        {
          w_key (w, f->key);
          if (!export_owners (ex, id))
            return FALSE;
        }
      else if (strcmp (f->key, "post_release") == 0)
        {
          w_key (w, f->key);
          w_begin (w, FALSE);
          for (const RpJsonField *p = _rp_format_json_post_release_fields; p->key; p++)
            put_column (w, p->key, release, p->column);
          w_end (w);
        }
      else if (strcmp (f->key, "checklist_sections") == 0)
        {
          g_autofree int *columns =
              field_columns (RP_ENTITY_CHECKLIST_SECTION, _rp_format_json_checklist_section_fields);

          w_key (w, f->key);
          w_begin (w, TRUE);
          for (guint i = 0; i < sections->len; i++)
            {
              Row row = ROW_FOR_RECORD (sections->pdata[i]);

              if (!export_fields (ex, &row, id, _rp_format_json_checklist_section_fields, columns))
                return FALSE;
            }
          w_end (w);
        }
      else if (strcmp (f->key, "checklist") == 0)
        {
          w_key (w, f->key);
          if (!export_rows (ex, RP_ENTITY_CHECKLIST_ITEM, id, NULL, _rp_format_json_checklist_item_fields))
            return FALSE;
        }
      else
        {
          gboolean found = FALSE;

          for (guint l = 0; l < RP_JSON_N_RELEASE_LISTS && !found; l++)
            if (strcmp (_rp_format_json_release_lists[l].key, f->key) == 0)
              {
                const RpJsonReleaseList *list = &_rp_format_json_release_lists[l];

                w_key (w, f->key);
                if (!export_rows (ex, list->entity, id, NULL, list->fields))
                  return FALSE;
                found = TRUE;
              }
          g_assert (found);
        }
    }
  w_end (w);
  return TRUE;
}

static void
export_settings_and_templates (Export *ex)
{
  g_autoptr (GPtrArray) templates = rp_store_list (ex->store, RP_ENTITY_TEMPLATE, NULL);
  g_auto (GStrv) days = rp_store_get_deploy_days (ex->store);
  Writer *w = ex->w;

  /* Settings hold weekdays in the store's order; write them in week order
   * so that the same set always gives the same bytes. */
  w_key (w, "settings");
  w_begin (w, FALSE);
  w_key (w, "deploy_days");
  w_begin (w, TRUE);
  for (guint i = 0; _rp_format_json_weekdays[i]; i++)
    if (g_strv_contains ((const char *const *) days, _rp_format_json_weekdays[i]))
      w_string (w, _rp_format_json_weekdays[i]);
  w_end (w);
  w_end (w);

  w_key (w, "templates");
  w_begin (w, TRUE);
  for (guint i = 0; i < templates->len; i++)
    {
      RpRecord *template = templates->pdata[i];
      g_autoptr (GPtrArray) sections =
          rp_store_list (ex->store, RP_ENTITY_TEMPLATE_SECTION, rp_record_get_id (template));

      w_begin (w, FALSE);
      w_key (w, "id");
      emit_string (w->out, rp_record_get_id (template));
      put_column (w, "name", template, "name");
      w_key (w, "sections");
      w_begin (w, TRUE);
      for (guint j = 0; j < sections->len; j++)
        {
          RpRecord *section = sections->pdata[j];
          g_autoptr (GPtrArray) items =
              rp_store_list (ex->store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (section));

          w_begin (w, FALSE);
          put_column (w, "name", section, "name");
          put_column (w, "complete_before_deploy", section, "complete_before_deploy");
          w_key (w, "items");
          w_begin (w, TRUE);
          for (guint k = 0; k < items->len; k++)
            w_string (w, rp_record_get_string (items->pdata[k], "text"));
          w_end (w);
          w_end (w);
        }
      w_end (w);
      w_end (w);
    }
  w_end (w);
}

/* The entities whose rows a release takes from a cursor of their own. */
static const RpEntity release_children[] = {
  RP_ENTITY_OWNER,
  RP_ENTITY_CHECKLIST_SECTION,
  RP_ENTITY_CHECKLIST_ITEM,
  RP_ENTITY_CRITERION,
};

static gboolean
export_plan (Export *ex, const char *release_id)
{
  Writer *w = ex->w;
  RpStoreCursor *releases;
  RpRecord *release;

  /* Every cursor first: one snapshot of the database for the whole file. */
  if (get_cursor (ex, RP_ENTITY_RELEASE, release_id, &w->error) == NULL)
    return FALSE;
  releases = ex->cursors[RP_ENTITY_RELEASE];
  if (release_id != NULL && _rp_store_cursor_get (releases, NULL) == NULL)
    {
      g_set_error (&w->error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, "There is no %s with the id “%s”.",
                   rp_entity_get_info (RP_ENTITY_RELEASE)->label, release_id);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (release_children); i++)
    if (get_cursor (ex, release_children[i], release_id, &w->error) == NULL)
      return FALSE;
  for (guint l = 0; l < RP_JSON_N_RELEASE_LISTS; l++)
    if (get_cursor (ex, _rp_format_json_release_lists[l].entity, release_id, &w->error) == NULL)
      return FALSE;
  if (get_cursor (ex, RP_ENTITY_PERSON, NULL, &w->error) == NULL ||
      get_cursor (ex, RP_ENTITY_FREEZE_WINDOW, NULL, &w->error) == NULL)
    return FALSE;

  w_begin (w, FALSE);
  w_key (w, "format");
  emit_string (w->out, RP_PLAN_FORMAT);
  w_key (w, "format_version");
  g_string_append_printf (w->out, "%d", RP_PLAN_FORMAT_VERSION);
  export_settings_and_templates (ex);
  w_key (w, "people");
  if (!export_rows (ex, RP_ENTITY_PERSON, NULL, NULL, _rp_format_json_person_fields))
    return FALSE;
  w_key (w, "freeze_windows");
  if (!export_rows (ex, RP_ENTITY_FREEZE_WINDOW, NULL, NULL, _rp_format_json_freeze_window_fields))
    return FALSE;
  w_key (w, "releases");
  w_begin (w, TRUE);
  while ((release = _rp_store_cursor_get (releases, NULL)) != NULL)
    {
      g_autoptr (RpRecord) held = g_object_ref (release);

      if (!_rp_store_cursor_next (ex->store, releases, &w->error) || !export_release (ex, held))
        return FALSE;
      writer_flush (w, FALSE);
      if (w->error != NULL)
        return FALSE;
    }
  w_end (w);
  w_end (w);
  g_string_append_c (w->out, '\n');
  return TRUE;
}

static gboolean
export_to (RpStore *store, const char *release_id, Writer *w, GError **error)
{
  Export ex = { store, w, { NULL }, NULL };
  gboolean ok;

  ex.section_names = g_hash_table_new (g_str_hash, g_str_equal);
  /* A read transaction: the cursors see one state of the file, whatever
   * another process commits meanwhile. */
  ok = _rp_store_exec (store, "SAVEPOINT json_export", "read the database", error);
  if (ok)
    {
      /* The lists read through rp_store_list() (templates) say their
       * failures afterwards. */
      ok = export_plan (&ex, release_id) && rp_store_check_reads (store, &w->error);
      for (guint i = 0; i < RP_N_ENTITIES; i++)
        g_clear_pointer (&ex.cursors[i], _rp_store_cursor_free);
      sqlite3_exec (store->db, "RELEASE json_export", NULL, NULL, NULL);
      /* What failed writes nothing more: a plan that fits in one piece
       * (most) is written whole or not at all. */
      if (ok)
        writer_flush (w, TRUE);
      if (w->error != NULL)
        {
          ok = FALSE;
          g_propagate_error (error, g_steal_pointer (&w->error));
        }
    }
  g_hash_table_unref (ex.section_names);
  return ok;
}

/**
 * rp_format_json_export_to_stream:
 * @store: the plan
 * @release_id: (nullable): one release, or NULL for the whole plan
 * @stream: where to write the plan file
 *
 * Writes what rp_format_json_export() returns, as it is read: the memory it
 * takes does not grow with the plan.
 *
 * Returns: FALSE with RP_STORE_ERROR_NOT_FOUND for an unknown release, or
 *   the error of the database or of @stream (then part of the file may have
 *   been written)
 */
gboolean
rp_format_json_export_to_stream (RpStore *store, const char *release_id, GOutputStream *stream,
                                 GCancellable *cancellable, GError **error)
{
  Writer w = { NULL };
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  w.out = g_string_sized_new (WRITER_CHUNK + 4096);
  w.stream = stream;
  w.cancellable = cancellable;
  ok = export_to (store, release_id, &w, error);
  g_string_free (w.out, TRUE);
  return ok;
}

/**
 * rp_format_json_export:
 * @store: the plan
 * @release_id: (nullable): one release, or NULL for the whole plan
 *
 * Returns: (transfer full) (nullable): the plan file, UTF-8 with a trailing
 *   newline; NULL with RP_STORE_ERROR_NOT_FOUND for an unknown release
 */
char *
rp_format_json_export (RpStore *store, const char *release_id, GError **error)
{
  Writer w = { NULL };

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w.out = g_string_new (NULL);
  if (!export_to (store, release_id, &w, error))
    {
      g_string_free (w.out, TRUE);
      return NULL;
    }
  return g_string_free (w.out, FALSE);
}
