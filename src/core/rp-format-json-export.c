/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rp-format-json-private.h"

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
      guchar c = (guchar) *p;

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
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
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
/* Export */

typedef struct
{
  RpStore *store;
  GHashTable *section_names; /* checklist section id -> name (borrowed from sections) */
  GPtrArray *sections;       /* owned records */
} Export;

static void
put_column (JsonObject *object, const char *key, RpRecord *record, const char *column)
{
  const RpColumn *c = rp_entity_get_column (rp_record_get_entity (record), column);

  g_assert (c != NULL);
  if (rp_record_is_null (record, column))
    json_object_set_null_member (object, key);
  else if (c->type == RP_COLUMN_INT)
    json_object_set_int_member (object, key, rp_record_get_int (record, column));
  else if (c->type == RP_COLUMN_BOOL)
    json_object_set_boolean_member (object, key, rp_record_get_bool (record, column));
  else
    json_object_set_string_member (object, key, rp_record_get_string (record, column));
}

/* An object of @fields, or null when every one of them is null. */
static void
put_nullable_group (JsonObject *object, const char *key, RpRecord *record, const RpJsonField *fields)
{
  JsonObject *group;
  gboolean all_null = TRUE;

  for (const RpJsonField *f = fields; f->key && all_null; f++)
    all_null = rp_record_is_null (record, f->column);
  if (all_null)
    {
      json_object_set_null_member (object, key);
      return;
    }
  group = json_object_new ();
  for (const RpJsonField *f = fields; f->key; f++)
    put_column (group, f->key, record, f->column);
  json_object_set_object_member (object, key, group);
}

static JsonNode *
node_from_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
node_from_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *export_special (Export *ex, RpRecord *record, const char *key);

static JsonObject *
export_fields (Export *ex, RpRecord *record, const RpJsonField *fields)
{
  JsonObject *object = json_object_new ();

  for (const RpJsonField *f = fields; f->key; f++)
    {
      if (strcmp (f->key, "id") == 0)
        json_object_set_string_member (object, "id", rp_record_get_id (record));
      else if (f->column != NULL)
        put_column (object, f->key, record, f->column);
      else
        json_object_set_member (object, f->key, export_special (ex, record, f->key));
    }
  return object;
}

static JsonArray *
export_list (Export *ex, RpEntity entity, const char *parent_id, const RpJsonField *fields)
{
  g_autoptr (GPtrArray) rows = rp_store_list (ex->store, entity, parent_id);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < rows->len; i++)
    json_array_add_object_element (array, export_fields (ex, rows->pdata[i], fields));
  return array;
}

static JsonNode *
export_readiness (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_node_new (JSON_NODE_NULL);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
export_special (Export *ex, RpRecord *record, const char *key)
{
  RpEntity entity = rp_record_get_entity (record);

  if (entity == RP_ENTITY_SCOPE_ITEM && strcmp (key, "acceptance_criteria") == 0)
    return node_from_array (
      export_list (ex, RP_ENTITY_CRITERION, rp_record_get_id (record), _rp_format_json_criterion_fields));

  if (entity == RP_ENTITY_CHECKLIST_ITEM && strcmp (key, "section") == 0)
    {
      const char *name = g_hash_table_lookup (ex->section_names, rp_record_get_string (record, "section_id"));
      JsonNode *node = json_node_new (JSON_NODE_VALUE);

      json_node_set_string (node, name ? name : "");
      return node;
    }

  if (entity == RP_ENTITY_DECISION && strcmp (key, "readiness") == 0)
    return export_readiness (rp_record_get_string (record, "readiness"));

  g_assert_not_reached ();
  return NULL;
}

static JsonNode *
export_owners (Export *ex, const char *release_id)
{
  g_autoptr (GPtrArray) owners = rp_store_list (ex->store, RP_ENTITY_OWNER, release_id);
  JsonObject *object = json_object_new ();
  JsonArray *on_call = json_array_new ();
  JsonArray *qa = json_array_new ();
  JsonArray *components = json_array_new ();
  const char *release_manager = NULL, *go_no_go = NULL;

  for (guint i = 0; i < owners->len; i++)
    {
      RpRecord *owner = owners->pdata[i];
      const char *role = rp_record_get_string (owner, "role");
      const char *person = rp_record_get_string (owner, "person_id");

      if (g_strcmp0 (role, "release_manager") == 0 && release_manager == NULL)
        release_manager = person;
      else if (g_strcmp0 (role, "go_no_go") == 0 && go_no_go == NULL)
        go_no_go = person;
      else if (g_strcmp0 (role, "on_call") == 0)
        json_array_add_string_element (on_call, person);
      else if (g_strcmp0 (role, "qa") == 0)
        json_array_add_string_element (qa, person);
      else if (g_strcmp0 (role, "component") == 0)
        {
          JsonObject *component = json_object_new ();

          put_column (component, "component", owner, "component");
          put_column (component, "owner", owner, "person_id");
          json_array_add_object_element (components, component);
        }
    }

  if (release_manager)
    json_object_set_string_member (object, "release_manager", release_manager);
  else
    json_object_set_null_member (object, "release_manager");
  if (go_no_go)
    json_object_set_string_member (object, "go_no_go", go_no_go);
  else
    json_object_set_null_member (object, "go_no_go");
  json_object_set_array_member (object, "on_call", on_call);
  json_object_set_array_member (object, "qa", qa);
  json_object_set_array_member (object, "components", components);
  return node_from_object (object);
}

static JsonObject *
export_release (Export *ex, RpRecord *release)
{
  const char *id = rp_record_get_id (release);
  JsonObject *object = json_object_new ();
  g_autoptr (GPtrArray) sections = rp_store_list (ex->store, RP_ENTITY_CHECKLIST_SECTION, id);

  for (guint i = 0; i < sections->len; i++)
    {
      g_ptr_array_add (ex->sections, g_object_ref (sections->pdata[i]));
      g_hash_table_insert (ex->section_names, (gpointer) rp_record_get_id (sections->pdata[i]),
                           (gpointer) rp_record_get_string (sections->pdata[i], "name"));
    }

  for (const RpJsonField *f = _rp_format_json_release_fields; f->key; f++)
    {
      if (strcmp (f->key, "id") == 0)
        json_object_set_string_member (object, "id", id);
      else if (f->column != NULL)
        put_column (object, f->key, release, f->column);
      else if (strcmp (f->key, "timeline") == 0)
        {
          JsonObject *timeline = json_object_new ();

          for (const RpJsonField *t = _rp_format_json_timeline_fields; t->key; t++)
            {
              if (t->column != NULL)
                put_column (timeline, t->key, release, t->column);
              else if (strcmp (t->key, "deploy_window") == 0)
                put_nullable_group (timeline, t->key, release, _rp_format_json_deploy_window_fields);
              else if (strcmp (t->key, "committed") == 0)
                put_nullable_group (timeline, t->key, release, _rp_format_json_committed_fields);
              else
                g_assert_not_reached ();
            }
          json_object_set_object_member (object, f->key, timeline);
        }
      else if (strcmp (f->key, "owners") == 0)
        json_object_set_member (object, f->key, export_owners (ex, id));
      else if (strcmp (f->key, "post_release") == 0)
        {
          JsonObject *post = json_object_new ();

          for (const RpJsonField *p = _rp_format_json_post_release_fields; p->key; p++)
            put_column (post, p->key, release, p->column);
          json_object_set_object_member (object, f->key, post);
        }
      else if (strcmp (f->key, "checklist_sections") == 0)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < sections->len; i++)
            {
              RpRecord *section = sections->pdata[i];

              json_array_add_object_element (array,
                                             export_fields (ex, section, _rp_format_json_checklist_section_fields));
            }
          json_object_set_array_member (object, f->key, array);
        }
      else if (strcmp (f->key, "checklist") == 0)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < sections->len; i++)
            {
              g_autoptr (GPtrArray) items =
                rp_store_list (ex->store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[i]));

              for (guint j = 0; j < items->len; j++)
                {
                  RpRecord *item = items->pdata[j];

                  json_array_add_object_element (array,
                                                 export_fields (ex, item, _rp_format_json_checklist_item_fields));
                }
            }
          json_object_set_array_member (object, f->key, array);
        }
      else
        {
          gboolean found = FALSE;

          for (guint l = 0; l < RP_JSON_N_RELEASE_LISTS; l++)
            if (strcmp (_rp_format_json_release_lists[l].key, f->key) == 0)
              {
                const RpJsonReleaseList *list = &_rp_format_json_release_lists[l];

                json_object_set_array_member (object, f->key, export_list (ex, list->entity, id, list->fields));
                found = TRUE;
              }
          g_assert (found);
        }
    }
  return object;
}

static void
export_settings_and_templates (Export *ex, JsonObject *root)
{
  g_autoptr (GPtrArray) templates = rp_store_list (ex->store, RP_ENTITY_TEMPLATE, NULL);
  g_auto (GStrv) days = rp_store_get_deploy_days (ex->store);
  JsonObject *settings = json_object_new ();
  JsonArray *day_array = json_array_new ();
  JsonArray *template_array = json_array_new ();

  /* Settings hold weekdays in the store's order; write them in week order
   * so that the same set always gives the same bytes. */
  for (guint i = 0; _rp_format_json_weekdays[i]; i++)
    if (g_strv_contains ((const char *const *) days, _rp_format_json_weekdays[i]))
      json_array_add_string_element (day_array, _rp_format_json_weekdays[i]);
  json_object_set_array_member (settings, "deploy_days", day_array);
  json_object_set_object_member (root, "settings", settings);

  for (guint i = 0; i < templates->len; i++)
    {
      RpRecord *template = templates->pdata[i];
      g_autoptr (GPtrArray) sections = rp_store_list (ex->store, RP_ENTITY_TEMPLATE_SECTION, rp_record_get_id (template));
      JsonObject *object = json_object_new ();
      JsonArray *section_array = json_array_new ();

      json_object_set_string_member (object, "id", rp_record_get_id (template));
      put_column (object, "name", template, "name");
      for (guint j = 0; j < sections->len; j++)
        {
          RpRecord *section = sections->pdata[j];
          g_autoptr (GPtrArray) items = rp_store_list (ex->store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (section));
          JsonObject *section_object = json_object_new ();
          JsonArray *item_array = json_array_new ();

          put_column (section_object, "name", section, "name");
          put_column (section_object, "complete_before_deploy", section, "complete_before_deploy");
          for (guint k = 0; k < items->len; k++)
            json_array_add_string_element (item_array, rp_record_get_string (items->pdata[k], "text"));
          json_object_set_array_member (section_object, "items", item_array);
          json_array_add_object_element (section_array, section_object);
        }
      json_object_set_array_member (object, "sections", section_array);
      json_array_add_object_element (template_array, object);
    }
  json_object_set_array_member (root, "templates", template_array);
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
  Export ex = { store, NULL, NULL };
  g_autoptr (GHashTable) section_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (JsonNode) root_node = NULL;
  JsonObject *root;
  JsonArray *array;
  GString *out;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ex.section_names = section_names;
  ex.sections = sections;

  if (release_id != NULL)
    {
      RpRecord *release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error);

      if (release == NULL)
        return NULL;
      releases = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (releases, release);
    }
  else
    releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);

  root = json_object_new ();
  root_node = node_from_object (root);
  json_object_set_string_member (root, "format", RP_PLAN_FORMAT);
  json_object_set_int_member (root, "format_version", RP_PLAN_FORMAT_VERSION);
  export_settings_and_templates (&ex, root);
  json_object_set_array_member (root, "people",
                                export_list (&ex, RP_ENTITY_PERSON, NULL, _rp_format_json_person_fields));
  json_object_set_array_member (root, "freeze_windows",
                                export_list (&ex, RP_ENTITY_FREEZE_WINDOW, NULL, _rp_format_json_freeze_window_fields));
  array = json_array_new ();
  for (guint i = 0; i < releases->len; i++)
    json_array_add_object_element (array, export_release (&ex, releases->pdata[i]));
  json_object_set_array_member (root, "releases", array);

  out = g_string_new (NULL);
  _rp_format_json_emit_node (out, root_node, 0, TRUE);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

