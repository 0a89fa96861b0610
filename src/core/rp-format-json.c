/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "rp-core-resources.h"
#include "rp-entity.h"
#include "rp-format-json.h"
#include "rp-json-strict.h"

G_DEFINE_QUARK (rp-format-error-quark, rp_format_error)

#define SAMPLE_PLAN_RESOURCE "/io/github/releaseplanner/ReleasePlanner/core/sample-plan.json"
/* More than this many problems are summed up in one last line. */
#define MAX_REPORTED_ERRORS 50

/* How a key of the file maps to a column. column NULL: the key is handled
 * by code of its own (nested lists, names instead of ids, JSON objects).
 * "id" is always the row's id. The order is the order of the file. */
typedef struct
{
  const char *key;
  const char *column;
} Field;

static const Field person_fields[] = {
  { "id", NULL }, { "name", "name" }, { "email", "email" }, { NULL, NULL },
};

static const Field freeze_window_fields[] = {
  { "id", NULL }, { "name", "name" }, { "start", "start_date" }, { "end", "end_date" },
  { "reason", "reason" }, { NULL, NULL },
};

static const Field scope_item_fields[] = {
  { "id", NULL }, { "title", "title" }, { "description", "description" }, { "status", "status" },
  { "owner", "owner_id" }, { "risky", "risky" }, { "feature_flag", "feature_flag" },
  { "acceptance_criteria", NULL }, { NULL, NULL },
};

static const Field criterion_fields[] = {
  { "id", NULL }, { "text", "text" }, { "met", "met" }, { NULL, NULL },
};

static const Field dependency_fields[] = {
  { "id", NULL }, { "title", "title" }, { "kind", "kind" }, { "release", "depends_on_release_id" },
  { "status", "status" }, { "owner", "owner_id" }, { "due", "due" }, { "notes", "notes" }, { NULL, NULL },
};

static const Field risk_fields[] = {
  { "id", NULL }, { "title", "title" }, { "likelihood", "likelihood" }, { "impact", "impact" },
  { "mitigation", "mitigation" }, { "owner", "owner_id" }, { "status", "status" }, { NULL, NULL },
};

static const Field checklist_section_fields[] = {
  { "name", "name" }, { "complete_before_deploy", "complete_before_deploy" }, { NULL, NULL },
};

static const Field checklist_item_fields[] = {
  { "id", NULL }, { "section", NULL }, { "text", "text" }, { "state", "state" },
  { "assignee", "assignee_id" }, { "due", "due" }, { "notes", "notes" }, { NULL, NULL },
};

static const Field rollout_stage_fields[] = {
  { "id", NULL }, { "name", "name" }, { "percent", "percent" }, { "hold_minutes", "hold_minutes" },
  { "status", "status" }, { "criteria", "criteria" }, { NULL, NULL },
};

static const Field feature_flag_fields[] = {
  { "id", NULL }, { "key", "key" }, { "state", "state" }, { "percent", "percent" },
  { "cleanup_due", "cleanup_due" }, { NULL, NULL },
};

static const Field decision_fields[] = {
  { "id", NULL }, { "at", "at" }, { "decision", "decision" }, { "by", "by_id" }, { "notes", "notes" },
  { "readiness", NULL }, { NULL, NULL },
};

static const Field timeline_fields[] = {
  { "code_complete", "code_complete" }, { "testing_start", "testing_start" },
  { "testing_end", "testing_end" }, { "deploy", "deploy" }, { "deploy_window", NULL },
  { "buffer_days", "buffer_days" }, { "monitoring_hours", "monitoring_hours" }, { NULL, NULL },
};

static const Field deploy_window_fields[] = {
  { "start", "window_start" }, { "end", "window_end" }, { "timezone", "window_timezone" }, { NULL, NULL },
};

static const Field post_release_fields[] = {
  { "released_at", "released_at" }, { "postmortem", "postmortem" },
  { "postmortem_date", "postmortem_date" }, { "feedback", "feedback" }, { NULL, NULL },
};

static const Field release_fields[] = {
  { "id", NULL }, { "name", "name" }, { "version", "version" }, { "summary", "summary" },
  { "status", "status" }, { "timeline", NULL }, { "owners", NULL },
  { "rollback_plan", "rollback_plan" }, { "monitoring_plan", "monitoring_plan" },
  { "release_notes", "release_notes" }, { "scope", NULL }, { "dependencies", NULL }, { "risks", NULL },
  { "checklist_sections", NULL }, { "checklist", NULL }, { "rollout", NULL }, { "feature_flags", NULL },
  { "decisions", NULL }, { "post_release", NULL }, { NULL, NULL },
};

static const char *const release_optional[] = { "checklist_sections", NULL };
static const char *const owners_keys[] = { "release_manager", "go_no_go", "on_call", "qa", "components", NULL };
static const char *const component_keys[] = { "component", "owner", NULL };
static const char *const template_keys[] = { "id", "name", "sections", NULL };
static const char *const template_section_keys[] = { "name", "complete_before_deploy", "items", NULL };
static const char *const settings_keys[] = { "deploy_days", NULL };
static const char *const root_keys[] = { "format", "format_version", "settings", "templates", "people",
                                         "freeze_windows", "releases", NULL };
static const char *const root_optional[] = { "settings", "templates", NULL };
static const char *const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };

/* The children of a release that have ids, in the order of the file. */
static const struct
{
  const char *key;
  RpEntity entity;
  const Field *fields;
} release_lists[] = {
  { "scope", RP_ENTITY_SCOPE_ITEM, scope_item_fields },
  { "dependencies", RP_ENTITY_DEPENDENCY, dependency_fields },
  { "risks", RP_ENTITY_RISK, risk_fields },
  { "checklist", RP_ENTITY_CHECKLIST_ITEM, checklist_item_fields },
  { "rollout", RP_ENTITY_ROLLOUT_STAGE, rollout_stage_fields },
  { "feature_flags", RP_ENTITY_FEATURE_FLAG, feature_flag_fields },
  { "decisions", RP_ENTITY_DECISION, decision_fields },
};

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

static void
emit_node (GString *out, JsonNode *node, guint level, gboolean pretty)
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
            emit_node (out, member, level + 1, pretty);
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
            emit_node (out, json_array_get_element (array, i), level + 1, pretty);
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
export_fields (Export *ex, RpRecord *record, const Field *fields)
{
  JsonObject *object = json_object_new ();

  for (const Field *f = fields; f->key; f++)
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
export_list (Export *ex, RpEntity entity, const char *parent_id, const Field *fields)
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
    return node_from_array (export_list (ex, RP_ENTITY_CRITERION, rp_record_get_id (record), criterion_fields));

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
          json_object_set_string_member (component, "owner", person);
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

  for (const Field *f = release_fields; f->key; f++)
    {
      if (strcmp (f->key, "id") == 0)
        json_object_set_string_member (object, "id", id);
      else if (f->column != NULL)
        put_column (object, f->key, release, f->column);
      else if (strcmp (f->key, "timeline") == 0)
        {
          JsonObject *timeline = json_object_new ();

          for (const Field *t = timeline_fields; t->key; t++)
            {
              if (t->column != NULL)
                put_column (timeline, t->key, release, t->column);
              else if (rp_record_is_null (release, "window_start") && rp_record_is_null (release, "window_end") &&
                       rp_record_is_null (release, "window_timezone"))
                json_object_set_null_member (timeline, t->key);
              else
                {
                  JsonObject *window = json_object_new ();

                  for (const Field *w = deploy_window_fields; w->key; w++)
                    put_column (window, w->key, release, w->column);
                  json_object_set_object_member (timeline, t->key, window);
                }
            }
          json_object_set_object_member (object, f->key, timeline);
        }
      else if (strcmp (f->key, "owners") == 0)
        json_object_set_member (object, f->key, export_owners (ex, id));
      else if (strcmp (f->key, "post_release") == 0)
        {
          JsonObject *post = json_object_new ();

          for (const Field *p = post_release_fields; p->key; p++)
            put_column (post, p->key, release, p->column);
          json_object_set_object_member (object, f->key, post);
        }
      else if (strcmp (f->key, "checklist_sections") == 0)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < sections->len; i++)
            json_array_add_object_element (array, export_fields (ex, sections->pdata[i], checklist_section_fields));
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
                json_array_add_object_element (array, export_fields (ex, items->pdata[j], checklist_item_fields));
            }
          json_object_set_array_member (object, f->key, array);
        }
      else
        {
          gboolean found = FALSE;

          for (guint l = 0; l < G_N_ELEMENTS (release_lists); l++)
            if (strcmp (release_lists[l].key, f->key) == 0)
              {
                json_object_set_array_member (object, f->key,
                                              export_list (ex, release_lists[l].entity, id, release_lists[l].fields));
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
  for (guint i = 0; weekdays[i]; i++)
    if (g_strv_contains ((const char *const *) days, weekdays[i]))
      json_array_add_string_element (day_array, weekdays[i]);
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
  json_object_set_array_member (root, "people", export_list (&ex, RP_ENTITY_PERSON, NULL, person_fields));
  json_object_set_array_member (root, "freeze_windows",
                                export_list (&ex, RP_ENTITY_FREEZE_WINDOW, NULL, freeze_window_fields));
  array = json_array_new ();
  for (guint i = 0; i < releases->len; i++)
    json_array_add_object_element (array, export_release (&ex, releases->pdata[i]));
  json_object_set_array_member (root, "releases", array);

  out = g_string_new (NULL);
  emit_node (out, root_node, 0, TRUE);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Import: first read and check everything, collecting every problem with
 * its JSON path; then, only when there is none, write it all in one group. */

typedef struct
{
  RpRecord *record;
  GPtrArray *sections; /* RpRecord (template_section); template_id unset */
  GPtrArray *items;    /* per section: GPtrArray of char * */
} TemplatePlan;

typedef struct
{
  RpRecord *record;
  GPtrArray *lists[G_N_ELEMENTS (release_lists)]; /* RpRecord */
  GPtrArray *criteria;                            /* RpRecord, scope_item_id set */
  GPtrArray *owners;                              /* RpRecord, ids meaningless */
  gboolean has_sections;
  GPtrArray *sections;      /* RpRecord (checklist_section): name and complete_before_deploy */
  GPtrArray *item_sections; /* char *: the section name of each checklist item */
} ReleasePlan;

typedef struct
{
  RpStore *store;
  GPtrArray *errors;
  guint n_errors;
  GString *path;
  GHashTable *people;   /* ids known: in the file or in the store */
  GHashTable *releases; /* the same for releases */
  GHashTable *seen[RP_N_ENTITIES]; /* id -> JSON path where it was first seen */

  char *deploy_days; /* NULL: no settings in the file */
  gboolean has_templates;
  GPtrArray *templates; /* TemplatePlan */
  GPtrArray *people_records;
  GPtrArray *freeze_records;
  GPtrArray *release_plans; /* ReleasePlan */
} Import;

static void
template_plan_free (gpointer data)
{
  TemplatePlan *plan = data;

  g_clear_object (&plan->record);
  g_ptr_array_unref (plan->sections);
  g_ptr_array_unref (plan->items);
  g_free (plan);
}

static void
release_plan_free (gpointer data)
{
  ReleasePlan *plan = data;

  g_clear_object (&plan->record);
  for (guint i = 0; i < G_N_ELEMENTS (release_lists); i++)
    g_ptr_array_unref (plan->lists[i]);
  g_ptr_array_unref (plan->criteria);
  g_ptr_array_unref (plan->owners);
  g_ptr_array_unref (plan->sections);
  g_ptr_array_unref (plan->item_sections);
  g_free (plan);
}

static void
import_clear (Import *ctx)
{
  g_clear_pointer (&ctx->errors, g_ptr_array_unref);
  if (ctx->path)
    g_string_free (ctx->path, TRUE);
  g_clear_pointer (&ctx->people, g_hash_table_unref);
  g_clear_pointer (&ctx->releases, g_hash_table_unref);
  for (guint i = 0; i < RP_N_ENTITIES; i++)
    g_clear_pointer (&ctx->seen[i], g_hash_table_unref);
  g_clear_pointer (&ctx->deploy_days, g_free);
  g_clear_pointer (&ctx->templates, g_ptr_array_unref);
  g_clear_pointer (&ctx->people_records, g_ptr_array_unref);
  g_clear_pointer (&ctx->freeze_records, g_ptr_array_unref);
  g_clear_pointer (&ctx->release_plans, g_ptr_array_unref);
}

static gsize
path_push_key (Import *ctx, const char *key)
{
  gsize old = ctx->path->len;

  if (ctx->path->len > 0)
    g_string_append_c (ctx->path, '.');
  g_string_append (ctx->path, key);
  return old;
}

static gsize
path_push_index (Import *ctx, guint index)
{
  gsize old = ctx->path->len;

  g_string_append_printf (ctx->path, "[%u]", index);
  return old;
}

static void
path_pop (Import *ctx, gsize old)
{
  g_string_truncate (ctx->path, old);
}

static void add_error (Import *ctx, const char *key, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Records a problem at the current path (plus @key, when set). */
static void
add_error (Import *ctx, const char *key, const char *format, ...)
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
    path_push_key (ctx, key);
  g_ptr_array_add (ctx->errors,
                   g_strdup_printf ("%s: %s", ctx->path->len ? ctx->path->str : "(top level)", message));
  path_pop (ctx, old);
}

static const char *
node_kind (JsonNode *node)
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

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Reports unknown keys and missing required ones; returns FALSE when a
 * required key is missing. */
static gboolean
check_keys (Import *ctx, JsonObject *object, const char *const *keys, const char *const *optional)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean complete = TRUE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (keys, name))
      add_error (ctx, name, "unknown key");
  for (guint i = 0; keys[i]; i++)
    if (!json_object_has_member (object, keys[i]) && !(optional && g_strv_contains (optional, keys[i])))
      {
        add_error (ctx, keys[i], "missing");
        complete = FALSE;
      }
  return complete;
}

static gboolean
check_field_keys (Import *ctx, JsonObject *object, const Field *fields, const char *const *optional)
{
  const char *keys[32];
  guint n = 0;

  for (const Field *f = fields; f->key; f++)
    {
      g_assert (n < G_N_ELEMENTS (keys) - 1);
      keys[n++] = f->key;
    }
  keys[n] = NULL;
  return check_keys (ctx, object, keys, optional);
}

/* The member @key when it is an object; otherwise reports it and returns NULL.
 * A missing member was reported by check_keys() already. */
static JsonObject *
get_object (Import *ctx, JsonObject *object, const char *key, gboolean nullable)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_error (ctx, key, "must be an object%s, not %s", nullable ? " or null" : "", node_kind (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
get_array (Import *ctx, JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_error (ctx, key, "must be a list, not %s", node_kind (node));
      return NULL;
    }
  return json_node_get_array (node);
}

/* A reference to a person (or release) must name one in the file or in the
 * store. */
static void
check_reference (Import *ctx, const char *key, RpEntity target, const char *id)
{
  GHashTable *known = target == RP_ENTITY_PERSON ? ctx->people : ctx->releases;

  if (!g_hash_table_contains (known, id))
    add_error (ctx, key, "unknown %s id “%s”", rp_entity_get_info (target)->label, id);
}

/* Reads @key of @object into @column of @record, checking its type and
 * value against the data model. */
static void
read_column (Import *ctx, JsonObject *object, const char *key, RpRecord *record, const char *column)
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
              add_error (ctx, key, "must be a whole number, not %s", node_kind (node));
              return;
            }
          value = g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (node)));
          break;
        case RP_COLUMN_BOOL:
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            {
              add_error (ctx, key, "must be true or false, not %s", node_kind (node));
              return;
            }
          value = g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (node)));
          break;
        default:
          if (!node_is_string (node))
            {
              add_error (ctx, key, "must be text%s, not %s", (c->flags & RP_COLUMN_REQUIRED) ? "" : " or null",
                         node_kind (node));
              return;
            }
          value = g_variant_ref_sink (g_variant_new_string (json_node_get_string (node)));
          break;
        }
    }

  if (!rp_column_check_value (c, value, &message))
    {
      add_error (ctx, key, "%s", message);
      return;
    }
  if (c->type == RP_COLUMN_REF && value != NULL && !(c->flags & RP_COLUMN_PARENT))
    check_reference (ctx, key, c->ref, g_variant_get_string (value, NULL));
  rp_record_set_value (record, column, value ? g_variant_ref (value) : NULL);
}

/* Reads the columns of @fields; the special keys are left to the caller. */
static void
read_fields (Import *ctx, JsonObject *object, const Field *fields, RpRecord *record)
{
  for (const Field *f = fields; f->key; f++)
    if (f->column != NULL)
      read_column (ctx, object, f->key, record, f->column);
}

static gboolean
read_id (Import *ctx, JsonObject *object, RpRecord *record)
{
  JsonNode *node = json_object_get_member (object, "id");
  RpEntity entity = rp_record_get_entity (record);
  const char *id, *first;
  g_autofree char *stripped = NULL;

  if (node == NULL)
    return FALSE;
  if (!node_is_string (node))
    {
      add_error (ctx, "id", "must be text, not %s", node_kind (node));
      return FALSE;
    }
  id = json_node_get_string (node);
  stripped = g_strstrip (g_strdup (id));
  if (*id == '\0' || strcmp (stripped, id) != 0 || strlen (id) > 200)
    {
      add_error (ctx, "id", "must be a non-empty id without surrounding spaces (got “%s”)", id);
      return FALSE;
    }
  first = g_hash_table_lookup (ctx->seen[entity], id);
  if (first != NULL)
    {
      add_error (ctx, "id", "duplicate id “%s” (also at %s)", id, first);
      return FALSE;
    }
  g_hash_table_insert (ctx->seen[entity], g_strdup (id), g_strdup (ctx->path->str));
  rp_record_set_id (record, id);
  return TRUE;
}

/* Where a row came from, for the rare problem only the store finds. */
static void
remember_path (Import *ctx, RpRecord *record)
{
  g_object_set_data_full (G_OBJECT (record), "rp-json-path", g_strdup (ctx->path->str), g_free);
}

/* One element of a list of rows with ids. Returns the record (even with
 * problems, which are reported) and the object for the special keys. */
static RpRecord *
read_row (Import *ctx, JsonNode *node, RpEntity entity, const Field *fields, JsonObject **object_out)
{
  RpRecord *record;
  JsonObject *object;

  *object_out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_error (ctx, NULL, "must be an object, not %s", node_kind (node));
      return NULL;
    }
  object = json_node_get_object (node);
  record = rp_record_new (entity);
  remember_path (ctx, record);
  check_field_keys (ctx, object, fields, NULL);
  read_id (ctx, object, record);
  read_fields (ctx, object, fields, record);
  *object_out = object;
  return record;
}

/* Reads each element of the list at @key with read_row(); calls @special
 * for the keys of its own. */
typedef void (*SpecialFunc) (Import *ctx, JsonObject *object, RpRecord *record, gpointer data);

static GPtrArray *
read_rows (Import *ctx, JsonObject *parent, const char *key, RpEntity entity, const Field *fields,
           const char *parent_column, const char *parent_id, SpecialFunc special, gpointer data)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array = get_array (ctx, parent, key);
  gsize old;

  if (array == NULL)
    return records;
  old = path_push_key (ctx, key);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize old_index = path_push_index (ctx, i);
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
      path_pop (ctx, old_index);
    }
  path_pop (ctx, old);
  return records;
}

static void
read_settings (Import *ctx, JsonObject *root)
{
  JsonObject *settings = get_object (ctx, root, "settings", FALSE);
  JsonArray *days;
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  gsize old;
  gboolean ok = TRUE;

  if (settings == NULL)
    return;
  old = path_push_key (ctx, "settings");
  check_keys (ctx, settings, settings_keys, NULL);
  days = get_array (ctx, settings, "deploy_days");
  if (days != NULL)
    {
      gsize old_days = path_push_key (ctx, "deploy_days");

      for (guint i = 0; i < json_array_get_length (days); i++)
        {
          JsonNode *node = json_array_get_element (days, i);
          const char *day = node_is_string (node) ? json_node_get_string (node) : NULL;
          gsize old_index = path_push_index (ctx, i);

          if (day == NULL || !g_strv_contains (weekdays, day))
            {
              add_error (ctx, NULL, "must be one of mon|tue|wed|thu|fri|sat|sun");
              ok = FALSE;
            }
          else if (g_ptr_array_find_with_equal_func (list, day, g_str_equal, NULL))
            {
              add_error (ctx, NULL, "“%s” is listed twice", day);
              ok = FALSE;
            }
          else
            g_ptr_array_add (list, (gpointer) day);
          path_pop (ctx, old_index);
        }
      path_pop (ctx, old_days);
      if (ok)
        {
          g_ptr_array_add (list, NULL);
          ctx->deploy_days = g_strjoinv (",", (char **) list->pdata);
        }
    }
  path_pop (ctx, old);
}

static void
read_templates (Import *ctx, JsonObject *root)
{
  JsonArray *templates = get_array (ctx, root, "templates");
  gsize old;

  if (templates == NULL)
    return;
  ctx->has_templates = TRUE;
  old = path_push_key (ctx, "templates");
  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonNode *node = json_array_get_element (templates, i);
      gsize old_index = path_push_index (ctx, i);
      JsonObject *object;
      JsonArray *sections;
      TemplatePlan *plan;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          add_error (ctx, NULL, "must be an object, not %s", node_kind (node));
          path_pop (ctx, old_index);
          continue;
        }
      object = json_node_get_object (node);
      plan = g_new0 (TemplatePlan, 1);
      plan->record = rp_record_new (RP_ENTITY_TEMPLATE);
      remember_path (ctx, plan->record);
      plan->sections = g_ptr_array_new_with_free_func (g_object_unref);
      plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_ptr_array_add (ctx->templates, plan);

      check_keys (ctx, object, template_keys, NULL);
      read_id (ctx, object, plan->record);
      read_column (ctx, object, "name", plan->record, "name");
      rp_record_set_position (plan->record, i);

      sections = get_array (ctx, object, "sections");
      if (sections != NULL)
        {
          gsize old_sections = path_push_key (ctx, "sections");

          for (guint j = 0; j < json_array_get_length (sections); j++)
            {
              JsonNode *section_node = json_array_get_element (sections, j);
              gsize old_section = path_push_index (ctx, j);
              JsonObject *section_object;
              JsonArray *items;
              RpRecord *section;
              GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

              g_ptr_array_add (plan->items, texts);
              if (!JSON_NODE_HOLDS_OBJECT (section_node))
                {
                  add_error (ctx, NULL, "must be an object, not %s", node_kind (section_node));
                  path_pop (ctx, old_section);
                  continue;
                }
              section_object = json_node_get_object (section_node);
              section = rp_record_new (RP_ENTITY_TEMPLATE_SECTION);
              rp_record_set_position (section, j);
              g_ptr_array_add (plan->sections, section);
              check_keys (ctx, section_object, template_section_keys, NULL);
              read_column (ctx, section_object, "name", section, "name");
              read_column (ctx, section_object, "complete_before_deploy", section, "complete_before_deploy");

              items = get_array (ctx, section_object, "items");
              for (guint k = 0; items && k < json_array_get_length (items); k++)
                {
                  JsonNode *item = json_array_get_element (items, k);
                  gsize old_items = path_push_key (ctx, "items");
                  gsize old_item = path_push_index (ctx, k);
                  g_autofree char *stripped = NULL;

                  if (!node_is_string (item))
                    add_error (ctx, NULL, "must be text, not %s", node_kind (item));
                  else if (*(stripped = g_strstrip (g_strdup (json_node_get_string (item)))) == '\0')
                    add_error (ctx, NULL, "must not be empty");
                  else
                    g_ptr_array_add (texts, g_strdup (json_node_get_string (item)));
                  path_pop (ctx, old_item);
                  path_pop (ctx, old_items);
                }
              path_pop (ctx, old_section);
            }
          path_pop (ctx, old_sections);
        }
      path_pop (ctx, old_index);
    }
  path_pop (ctx, old);
}

static void
read_criteria (Import *ctx, JsonObject *object, RpRecord *scope_item, gpointer data)
{
  ReleasePlan *plan = data;
  g_autoptr (GPtrArray) criteria = read_rows (ctx, object, "acceptance_criteria", RP_ENTITY_CRITERION,
                                              criterion_fields, "scope_item_id", rp_record_get_id (scope_item),
                                              NULL, NULL);

  g_ptr_array_extend_and_steal (plan->criteria, g_steal_pointer (&criteria));
}

static void
read_item_section (Import *ctx, JsonObject *object, RpRecord *item, gpointer data)
{
  ReleasePlan *plan = data;
  JsonNode *node = json_object_get_member (object, "section");
  const char *name = NULL;

  if (node != NULL && !node_is_string (node))
    add_error (ctx, "section", "must be the name of a checklist section, not %s", node_kind (node));
  else if (node != NULL)
    {
      name = json_node_get_string (node);
      if (plan->has_sections)
        {
          gboolean found = FALSE;

          for (guint i = 0; i < plan->sections->len && !found; i++)
            found = g_strcmp0 (rp_record_get_string (plan->sections->pdata[i], "name"), name) == 0;
          if (!found)
            add_error (ctx, "section", "unknown section “%s” (not in checklist_sections)", name);
        }
      else
        {
          g_autofree char *stripped = g_strstrip (g_strdup (name));

          if (*stripped == '\0')
            add_error (ctx, "section", "must not be empty");
        }
    }
  g_ptr_array_add (plan->item_sections, g_strdup (name ? name : ""));
}

static void
read_decision_readiness (Import *ctx, JsonObject *object, RpRecord *decision, gpointer data)
{
  JsonNode *node = json_object_get_member (object, "readiness");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    rp_record_set_null (decision, "readiness");
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    add_error (ctx, "readiness", "must be an object or null, not %s", node_kind (node));
  else
    {
      GString *text = g_string_new (NULL);

      emit_node (text, node, 0, FALSE);
      rp_record_set_string (decision, "readiness", text->str);
      g_string_free (text, TRUE);
    }
}

static void
read_person_list (Import *ctx, JsonObject *owners, const char *key, const char *role, ReleasePlan *plan)
{
  JsonArray *array = get_array (ctx, owners, key);
  gsize old;

  if (array == NULL)
    return;
  old = path_push_key (ctx, key);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize old_index = path_push_index (ctx, i);

      if (!node_is_string (node))
        add_error (ctx, NULL, "must be a person id, not %s", node_kind (node));
      else
        {
          const char *person = json_node_get_string (node);

          check_reference (ctx, NULL, RP_ENTITY_PERSON, person);
          {
            RpRecord *owner = rp_record_new (RP_ENTITY_OWNER);

            rp_record_set_string (owner, "role", role);
            rp_record_set_string (owner, "person_id", person);
            g_ptr_array_add (plan->owners, owner);
          }
        }
      path_pop (ctx, old_index);
    }
  path_pop (ctx, old);
}

static void
read_single_owner (Import *ctx, JsonObject *owners, const char *key, ReleasePlan *plan)
{
  JsonNode *node = json_object_get_member (owners, key);
  RpRecord *owner;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (!node_is_string (node))
    {
      add_error (ctx, key, "must be a person id or null, not %s", node_kind (node));
      return;
    }
  check_reference (ctx, key, RP_ENTITY_PERSON, json_node_get_string (node));
  owner = rp_record_new (RP_ENTITY_OWNER);
  rp_record_set_string (owner, "role", key);
  rp_record_set_string (owner, "person_id", json_node_get_string (node));
  g_ptr_array_add (plan->owners, owner);
}

static void
read_owners (Import *ctx, JsonObject *release, ReleasePlan *plan)
{
  JsonObject *owners = get_object (ctx, release, "owners", FALSE);
  JsonArray *components;
  gsize old;

  if (owners == NULL)
    return;
  old = path_push_key (ctx, "owners");
  check_keys (ctx, owners, owners_keys, NULL);
  read_single_owner (ctx, owners, "release_manager", plan);
  read_single_owner (ctx, owners, "go_no_go", plan);
  read_person_list (ctx, owners, "on_call", "on_call", plan);
  read_person_list (ctx, owners, "qa", "qa", plan);

  components = get_array (ctx, owners, "components");
  if (components != NULL)
    {
      gsize old_components = path_push_key (ctx, "components");

      for (guint i = 0; i < json_array_get_length (components); i++)
        {
          JsonNode *node = json_array_get_element (components, i);
          gsize old_index = path_push_index (ctx, i);
          JsonObject *object;
          JsonNode *component, *person;
          g_autofree char *stripped = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              add_error (ctx, NULL, "must be an object, not %s", node_kind (node));
              path_pop (ctx, old_index);
              continue;
            }
          object = json_node_get_object (node);
          check_keys (ctx, object, component_keys, NULL);
          component = json_object_get_member (object, "component");
          person = json_object_get_member (object, "owner");
          if (component != NULL && !node_is_string (component))
            add_error (ctx, "component", "must be text, not %s", node_kind (component));
          else if (component != NULL && *(stripped = g_strstrip (g_strdup (json_node_get_string (component)))) == '\0')
            add_error (ctx, "component", "must not be empty");
          if (person != NULL && !node_is_string (person))
            add_error (ctx, "owner", "must be a person id, not %s", node_kind (person));
          else if (person != NULL)
            check_reference (ctx, "owner", RP_ENTITY_PERSON, json_node_get_string (person));
          if (component && person && node_is_string (component) && node_is_string (person))
            {
              RpRecord *owner = rp_record_new (RP_ENTITY_OWNER);

              rp_record_set_string (owner, "role", "component");
              rp_record_set_string (owner, "person_id", json_node_get_string (person));
              rp_record_set_string (owner, "component", json_node_get_string (component));
              g_ptr_array_add (plan->owners, owner);
            }
          path_pop (ctx, old_index);
        }
      path_pop (ctx, old_components);
    }
  path_pop (ctx, old);

  for (guint i = 0; i < plan->owners->len; i++)
    {
      rp_record_set_string (plan->owners->pdata[i], "release_id", rp_record_get_id (plan->record));
      rp_record_set_position (plan->owners->pdata[i], i);
    }
}

static void
read_checklist_sections (Import *ctx, JsonObject *release, ReleasePlan *plan)
{
  JsonArray *array;
  gsize old;

  if (!json_object_has_member (release, "checklist_sections"))
    return;
  array = get_array (ctx, release, "checklist_sections");
  plan->has_sections = TRUE;
  if (array == NULL)
    return;
  old = path_push_key (ctx, "checklist_sections");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize old_index = path_push_index (ctx, i);
      JsonObject *object;
      RpRecord *section;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          add_error (ctx, NULL, "must be an object, not %s", node_kind (node));
          path_pop (ctx, old_index);
          continue;
        }
      object = json_node_get_object (node);
      section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);
      check_field_keys (ctx, object, checklist_section_fields, NULL);
      read_fields (ctx, object, checklist_section_fields, section);
      rp_record_set_string (section, "release_id", rp_record_get_id (plan->record));
      rp_record_set_position (section, i);
      name = rp_record_get_string (section, "name");
      for (guint j = 0; name && j < plan->sections->len; j++)
        if (g_strcmp0 (rp_record_get_string (plan->sections->pdata[j], "name"), name) == 0)
          {
            add_error (ctx, "name", "duplicate section name “%s” (also at checklist_sections[%u])", name, j);
            break;
          }
      g_ptr_array_add (plan->sections, section);
      path_pop (ctx, old_index);
    }
  path_pop (ctx, old);
}

static void
read_release (Import *ctx, JsonNode *node, guint index)
{
  ReleasePlan *plan;
  JsonObject *object, *timeline, *post;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_error (ctx, NULL, "must be an object, not %s", node_kind (node));
      return;
    }
  object = json_node_get_object (node);
  plan = g_new0 (ReleasePlan, 1);
  plan->record = rp_record_new (RP_ENTITY_RELEASE);
  remember_path (ctx, plan->record);
  plan->criteria = g_ptr_array_new_with_free_func (g_object_unref);
  plan->owners = g_ptr_array_new_with_free_func (g_object_unref);
  plan->sections = g_ptr_array_new_with_free_func (g_object_unref);
  plan->item_sections = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (ctx->release_plans, plan);

  check_field_keys (ctx, object, release_fields, release_optional);
  read_id (ctx, object, plan->record);
  id = rp_record_get_id (plan->record);
  read_fields (ctx, object, release_fields, plan->record);
  rp_record_set_position (plan->record, index);

  timeline = get_object (ctx, object, "timeline", FALSE);
  if (timeline != NULL)
    {
      gsize old = path_push_key (ctx, "timeline");
      JsonObject *window;

      check_field_keys (ctx, timeline, timeline_fields, NULL);
      read_fields (ctx, timeline, timeline_fields, plan->record);
      window = get_object (ctx, timeline, "deploy_window", TRUE);
      if (window != NULL)
        {
          gsize old_window = path_push_key (ctx, "deploy_window");

          check_field_keys (ctx, window, deploy_window_fields, NULL);
          read_fields (ctx, window, deploy_window_fields, plan->record);
          path_pop (ctx, old_window);
        }
      else
        {
          for (const Field *w = deploy_window_fields; w->key; w++)
            rp_record_set_null (plan->record, w->column);
        }
      path_pop (ctx, old);
    }

  post = get_object (ctx, object, "post_release", FALSE);
  if (post != NULL)
    {
      gsize old = path_push_key (ctx, "post_release");

      check_field_keys (ctx, post, post_release_fields, NULL);
      read_fields (ctx, post, post_release_fields, plan->record);
      path_pop (ctx, old);
    }

  read_owners (ctx, object, plan);
  read_checklist_sections (ctx, object, plan);

  for (guint l = 0; l < G_N_ELEMENTS (release_lists); l++)
    {
      SpecialFunc special = NULL;

      switch (release_lists[l].entity)
        {
        case RP_ENTITY_SCOPE_ITEM:
          special = read_criteria;
          break;
        case RP_ENTITY_CHECKLIST_ITEM:
          special = read_item_section;
          break;
        case RP_ENTITY_DECISION:
          special = read_decision_readiness;
          break;
        default:
          break;
        }
      plan->lists[l] = read_rows (ctx, object, release_lists[l].key, release_lists[l].entity, release_lists[l].fields,
                                  release_lists[l].entity == RP_ENTITY_CHECKLIST_ITEM ? NULL : "release_id", id,
                                  special, plan);
      if (release_lists[l].entity == RP_ENTITY_DEPENDENCY)
        {
          for (guint i = 0; i < plan->lists[l]->len; i++)
            if (g_strcmp0 (rp_record_get_string (plan->lists[l]->pdata[i], "depends_on_release_id"), id) == 0)
              {
                g_autofree char *key = g_strdup_printf ("dependencies[%" G_GINT64_FORMAT "].release",
                                                        rp_record_get_position (plan->lists[l]->pdata[i]));
                add_error (ctx, key, "a release cannot depend on itself");
              }
        }
    }
}

/* The ids of the objects of a top-level list, before reading it: people
 * and releases may be referred to before they appear. */
static void
collect_ids (JsonObject *root, const char *key, GHashTable *ids)
{
  JsonNode *node = json_object_get_member (root, key);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonNode *id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      id = json_object_get_member (json_node_get_object (element), "id");
      if (id != NULL && node_is_string (id))
        g_hash_table_add (ids, g_strdup (json_node_get_string (id)));
    }
}

static void
collect_store_ids (RpStore *store, RpEntity entity, GHashTable *ids)
{
  g_autoptr (GPtrArray) rows = rp_store_list (store, entity, NULL);

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (ids, g_strdup (rp_record_get_id (rows->pdata[i])));
}

static gboolean
check_format (JsonObject *root, GError **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "format_version");

  if (format == NULL || !node_is_string (format))
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
                   "This plan file has format version %" G_GINT64_FORMAT ", written by a newer Release Planner; "
                   "this version reads format version %d. Update Release Planner to import it.",
                   json_node_get_int (version), RP_PLAN_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static void
read_plan (Import *ctx, JsonObject *root)
{
  gsize old;

  check_keys (ctx, root, root_keys, root_optional);

  collect_ids (root, "people", ctx->people);
  collect_store_ids (ctx->store, RP_ENTITY_PERSON, ctx->people);
  collect_ids (root, "releases", ctx->releases);
  collect_store_ids (ctx->store, RP_ENTITY_RELEASE, ctx->releases);

  if (json_object_has_member (root, "settings"))
    read_settings (ctx, root);
  if (json_object_has_member (root, "templates"))
    read_templates (ctx, root);

  ctx->people_records = read_rows (ctx, root, "people", RP_ENTITY_PERSON, person_fields, NULL, NULL, NULL, NULL);
  ctx->freeze_records = read_rows (ctx, root, "freeze_windows", RP_ENTITY_FREEZE_WINDOW, freeze_window_fields, NULL,
                                   NULL, NULL, NULL);
  for (guint i = 0; i < ctx->freeze_records->len; i++)
    {
      RpRecord *window = ctx->freeze_records->pdata[i];
      const char *start = rp_record_get_string (window, "start_date");
      const char *end = rp_record_get_string (window, "end_date");

      if (start && end && rp_date_is_valid (start) && rp_date_is_valid (end) && strcmp (start, end) > 0)
        {
          g_autofree char *key = g_strdup_printf ("freeze_windows[%u].end", i);
          add_error (ctx, key, "must not be before start (%s)", start);
        }
    }

  if (get_array (ctx, root, "releases") != NULL)
    {
      JsonArray *releases = json_object_get_array_member (root, "releases");

      old = path_push_key (ctx, "releases");
      for (guint i = 0; i < json_array_get_length (releases); i++)
        {
          gsize old_index = path_push_index (ctx, i);

          read_release (ctx, json_array_get_element (releases, i), i);
          path_pop (ctx, old_index);
        }
      path_pop (ctx, old);
    }
}

/* ------------------------------------------------------------------ */
/* Import: writing */

static gboolean
upsert (RpStore *store, RpRecord *record, GError **error)
{
  g_autoptr (RpRecord) existing = rp_store_get (store, rp_record_get_entity (record), rp_record_get_id (record), NULL);
  const char *path = g_object_get_data (G_OBJECT (record), "rp-json-path");
  gboolean ok;

  if (existing != NULL)
    ok = rp_store_update (store, record, error);
  else
    ok = rp_store_insert (store, record, error);
  if (!ok && path != NULL && *path != '\0')
    g_prefix_error (error, "%s: ", path);
  return ok;
}

/* Top-level rows (people, freeze windows, templates, releases): when the
 * file holds every row the store has, the file's order becomes the stored
 * order; when it holds only some (a file of one release), rows already
 * there keep their place and new ones are added at the end. */
static void
place_top_level (Import *ctx, RpEntity entity, GPtrArray *records)
{
  g_autoptr (GPtrArray) rows = rp_store_list (ctx->store, entity, NULL);
  gboolean all = TRUE;

  for (guint i = 0; i < rows->len && all; i++)
    all = g_hash_table_contains (ctx->seen[entity], rp_record_get_id (rows->pdata[i]));
  for (guint i = 0; i < records->len; i++)
    rp_record_set_position (records->pdata[i], all ? (gint64) i : -1);
}

static gboolean
upsert_all (RpStore *store, GPtrArray *records, GError **error)
{
  for (guint i = 0; i < records->len; i++)
    if (!upsert (store, records->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* Deletes the children of @parent_id (in @column) whose ids are not in @keep. */
static gboolean
delete_missing (RpStore *store, RpEntity entity, const char *column, const char *parent_id, GHashTable *keep,
                GError **error)
{
  g_autoptr (GPtrArray) rows = rp_store_list_where (store, entity, column, parent_id);

  for (guint i = 0; i < rows->len; i++)
    if (!g_hash_table_contains (keep, rp_record_get_id (rows->pdata[i])) &&
        !rp_store_delete (store, entity, rp_record_get_id (rows->pdata[i]), error))
      return FALSE;
  return TRUE;
}

static GHashTable *
id_set (GPtrArray *records)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (set, (gpointer) rp_record_get_id (records->pdata[i]));
  return set;
}

/* Rows without ids in the file (owners, template sections and items) are
 * matched by position, so that importing what is there changes nothing. */
static gboolean
write_by_position (RpStore *store, GPtrArray *wanted, GPtrArray *existing, GPtrArray *ids_out, GError **error)
{
  for (guint i = 0; i < wanted->len; i++)
    {
      RpRecord *record = wanted->pdata[i];

      rp_record_set_position (record, i);
      if (i < existing->len)
        {
          rp_record_set_id (record, rp_record_get_id (existing->pdata[i]));
          if (!rp_store_update (store, record, error))
            return FALSE;
        }
      else if (!rp_store_insert (store, record, error))
        return FALSE;
      if (ids_out)
        g_ptr_array_add (ids_out, g_strdup (rp_record_get_id (record)));
    }
  for (guint i = wanted->len; i < existing->len; i++)
    if (!rp_store_delete (store, rp_record_get_entity (existing->pdata[i]), rp_record_get_id (existing->pdata[i]),
                          error))
      return FALSE;
  return TRUE;
}

static gboolean
write_template (RpStore *store, TemplatePlan *plan, GError **error)
{
  const char *id = rp_record_get_id (plan->record);
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GPtrArray) section_ids = g_ptr_array_new_with_free_func (g_free);

  if (!upsert (store, plan->record, error))
    return FALSE;
  for (guint i = 0; i < plan->sections->len; i++)
    rp_record_set_string (plan->sections->pdata[i], "template_id", id);
  existing = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, id);
  if (!write_by_position (store, plan->sections, existing, section_ids, error))
    return FALSE;

  for (guint i = 0; i < section_ids->len; i++)
    {
      GPtrArray *texts = plan->items->pdata[i];
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (GPtrArray) existing_items = rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, section_ids->pdata[i]);

      for (guint j = 0; j < texts->len; j++)
        {
          RpRecord *item = rp_record_new (RP_ENTITY_TEMPLATE_ITEM);

          rp_record_set_string (item, "section_id", section_ids->pdata[i]);
          rp_record_set_string (item, "text", texts->pdata[j]);
          g_ptr_array_add (items, item);
        }
      if (!write_by_position (store, items, existing_items, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_checklist (RpStore *store, ReleasePlan *plan, GPtrArray *items, GError **error)
{
  const char *release_id = rp_record_get_id (plan->record);
  g_autoptr (GPtrArray) existing = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  g_autoptr (GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) keep_items = id_set (items);
  g_autoptr (GHashTable) keep_sections = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) sections_now = NULL;

  for (guint i = 0; i < existing->len; i++)
    {
      const char *name = rp_record_get_string (existing->pdata[i], "name");

      if (!g_hash_table_contains (by_name, name))
        g_hash_table_insert (by_name, g_strdup (name), g_strdup (rp_record_get_id (existing->pdata[i])));
    }

  /* Sections: the file's list, matched by name. */
  for (guint i = 0; i < plan->sections->len; i++)
    {
      RpRecord *section = plan->sections->pdata[i];
      const char *id = g_hash_table_lookup (by_name, rp_record_get_string (section, "name"));

      if (id != NULL)
        {
          rp_record_set_id (section, id);
          if (!rp_store_update (store, section, error))
            return FALSE;
        }
      else
        {
          if (!rp_store_insert (store, section, error))
            return FALSE;
          g_hash_table_insert (by_name, g_strdup (rp_record_get_string (section, "name")),
                               g_strdup (rp_record_get_id (section)));
        }
    }

  /* Items, with the sections they name made when the file has no list. */
  for (guint i = 0; i < items->len; i++)
    {
      RpRecord *item = items->pdata[i];
      const char *name = plan->item_sections->pdata[i];
      const char *section_id = g_hash_table_lookup (by_name, name);
      g_autoptr (RpRecord) before = NULL;
      guint position;

      if (section_id == NULL)
        {
          g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);

          g_assert (!plan->has_sections);
          rp_record_set_string (section, "release_id", release_id);
          rp_record_set_string (section, "name", name);
          if (!rp_store_insert (store, section, error))
            return FALSE;
          g_hash_table_insert (by_name, g_strdup (name), g_strdup (rp_record_get_id (section)));
          section_id = g_hash_table_lookup (by_name, name);
        }
      position = GPOINTER_TO_UINT (g_hash_table_lookup (counts, section_id));
      g_hash_table_insert (counts, (gpointer) section_id, GUINT_TO_POINTER (position + 1));
      rp_record_set_string (item, "section_id", section_id);
      rp_record_set_position (item, position);

      /* done_at is not in the file: kept, or set when an item becomes done. */
      before = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (item), NULL);
      if (g_strcmp0 (rp_record_get_string (item, "state"), "done") != 0)
        rp_record_set_null (item, "done_at");
      else if (before != NULL && !rp_record_is_null (before, "done_at"))
        rp_record_set_string (item, "done_at", rp_record_get_string (before, "done_at"));
      else
        {
          g_autofree char *now = rp_timestamp_now ();
          rp_record_set_string (item, "done_at", now);
        }
      if (!upsert (store, item, error))
        return FALSE;
    }

  /* What the file does not have goes: items, then (with a list) sections. */
  sections_now = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  for (guint i = 0; i < sections_now->len; i++)
    if (!delete_missing (store, RP_ENTITY_CHECKLIST_ITEM, "section_id", rp_record_get_id (sections_now->pdata[i]),
                         keep_items, error))
      return FALSE;
  if (plan->has_sections)
    {
      for (guint i = 0; i < plan->sections->len; i++)
        g_hash_table_add (keep_sections, (gpointer) rp_record_get_id (plan->sections->pdata[i]));
      if (!delete_missing (store, RP_ENTITY_CHECKLIST_SECTION, "release_id", release_id, keep_sections, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_release_children (RpStore *store, ReleasePlan *plan, GError **error)
{
  const char *id = rp_record_get_id (plan->record);
  g_autoptr (GPtrArray) owners = rp_store_list (store, RP_ENTITY_OWNER, id);

  if (!write_by_position (store, plan->owners, owners, NULL, error))
    return FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (release_lists); l++)
    {
      GPtrArray *records = plan->lists[l];
      g_autoptr (GHashTable) keep = NULL;

      if (release_lists[l].entity == RP_ENTITY_CHECKLIST_ITEM)
        {
          if (!write_checklist (store, plan, records, error))
            return FALSE;
          continue;
        }
      if (!upsert_all (store, records, error))
        return FALSE;
      if (release_lists[l].entity == RP_ENTITY_SCOPE_ITEM)
        {
          g_autoptr (GHashTable) keep_criteria = id_set (plan->criteria);

          if (!upsert_all (store, plan->criteria, error))
            return FALSE;
          for (guint i = 0; i < records->len; i++)
            if (!delete_missing (store, RP_ENTITY_CRITERION, "scope_item_id", rp_record_get_id (records->pdata[i]),
                                 keep_criteria, error))
              return FALSE;
        }
      keep = id_set (records);
      if (!delete_missing (store, release_lists[l].entity, "release_id", id, keep, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_plan (Import *ctx, GError **error)
{
  g_autoptr (GPtrArray) templates = g_ptr_array_new ();
  g_autoptr (GPtrArray) releases = g_ptr_array_new ();

  if (ctx->deploy_days != NULL && !rp_store_set_setting (ctx->store, "deploy_days", ctx->deploy_days, error))
    return FALSE;

  place_top_level (ctx, RP_ENTITY_PERSON, ctx->people_records);
  if (!upsert_all (ctx->store, ctx->people_records, error))
    return FALSE;
  place_top_level (ctx, RP_ENTITY_FREEZE_WINDOW, ctx->freeze_records);
  if (!upsert_all (ctx->store, ctx->freeze_records, error))
    return FALSE;

  for (guint i = 0; i < ctx->templates->len; i++)
    g_ptr_array_add (templates, ((TemplatePlan *) ctx->templates->pdata[i])->record);
  place_top_level (ctx, RP_ENTITY_TEMPLATE, templates);
  for (guint i = 0; i < ctx->templates->len; i++)
    if (!write_template (ctx->store, ctx->templates->pdata[i], error))
      return FALSE;

  /* Every release first, so that dependencies between them resolve. */
  for (guint i = 0; i < ctx->release_plans->len; i++)
    g_ptr_array_add (releases, ((ReleasePlan *) ctx->release_plans->pdata[i])->record);
  place_top_level (ctx, RP_ENTITY_RELEASE, releases);
  if (!upsert_all (ctx->store, releases, error))
    return FALSE;
  for (guint i = 0; i < ctx->release_plans->len; i++)
    if (!write_release_children (ctx->store, ctx->release_plans->pdata[i], error))
      return FALSE;
  return TRUE;
}

/**
 * rp_format_json_import:
 * @store: the plan to import into
 * @data: the plan file's bytes
 * @length: their number
 *
 * Checks the whole file first (strict JSON, then every value against the
 * data model, every reference), then writes it in one transaction and one
 * undo step ("Import plan"): rows are inserted or updated by id; within a
 * release of the file, its children that the file does not list are
 * deleted. Nothing is written when anything is wrong.
 */
gboolean
rp_format_json_import (RpStore *store, const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local = NULL;
  Import ctx = { 0 };
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rp_json_strict_check (data, length, RP_PLAN_MAX_BYTES, RP_PLAN_MAX_DEPTH, error))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_SYNTAX, "%s", local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_VERSION,
                   "This is not a Release Planner plan file: it is %s, not a JSON object.",
                   root ? node_kind (root) : "empty");
      return FALSE;
    }
  if (!check_format (json_node_get_object (root), error))
    return FALSE;

  ctx.store = store;
  ctx.errors = g_ptr_array_new_with_free_func (g_free);
  ctx.path = g_string_new (NULL);
  ctx.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.releases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < RP_N_ENTITIES; i++)
    ctx.seen[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx.templates = g_ptr_array_new_with_free_func (template_plan_free);
  ctx.release_plans = g_ptr_array_new_with_free_func (release_plan_free);

  read_plan (&ctx, json_node_get_object (root));

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
      import_clear (&ctx);
      return FALSE;
    }

  if (!rp_store_begin (store, "Import plan", error))
    {
      import_clear (&ctx);
      return FALSE;
    }
  ok = write_plan (&ctx, error);
  if (ok)
    ok = rp_store_commit (store, error);
  else
    rp_store_rollback (store);
  import_clear (&ctx);
  return ok;
}

/**
 * rp_format_json_import_file:
 *
 * Like rp_format_json_import(), reading @file (refused unread when it is
 * larger than RP_PLAN_MAX_BYTES).
 */
gboolean
rp_format_json_import_file (RpStore *store, GFile *file, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "“%s” is a folder, not a plan file.", name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > RP_PLAN_MAX_BYTES)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_TOO_LARGE,
                   "The file is too large: %" G_GOFFSET_FORMAT " bytes; plan files may have at most %d bytes.",
                   g_file_info_get_size (info), RP_PLAN_MAX_BYTES);
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return FALSE;
  return rp_format_json_import (store, data, length, error);
}

/**
 * rp_sample_plan_load:
 *
 * Imports the sample plan shipped in the resources (one undo step).
 */
gboolean
rp_sample_plan_load (RpStore *store, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_resource_lookup_data (rp_core_get_resource (), SAMPLE_PLAN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return rp_format_json_import (store, data, length, error);
}
