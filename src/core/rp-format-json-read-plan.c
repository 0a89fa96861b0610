/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-format-json-private.h"

/* What a plan file holds, read into ctx->plan with the tools of
 * rp-format-json-read.c: settings, templates, people, freeze windows, and
 * the releases with their owners, checklist and lists of children. The
 * keys of rows come from the tables of rp-format-json.c; the keys below
 * are those of the objects that are not rows. */

static const char *const owners_keys[] = {
  "release_manager", "go_no_go", "on_call", "qa", "components", NULL
};
static const char *const component_keys[] = { "component", "owner", NULL };
static const char *const component_required[] = { "component", NULL };
static const char *const template_keys[] = { "id", "name", "sections", NULL };
static const char *const template_required[] = { "id", "name", NULL };
static const char *const template_section_keys[] = { "name", "complete_before_deploy", "items", NULL };
static const char *const template_section_required[] = { "name", NULL };
static const char *const settings_keys[] = { "deploy_days", NULL };
static const char *const root_keys[] = { "format", "format_version", "settings", "templates",
                                         "people", "freeze_windows", "releases", NULL };
static const char *const root_required[] = { "format", "format_version", NULL };

static void
read_settings (RpJsonReader *ctx, JsonObject *root)
{
  JsonObject *settings = _rp_format_json_get_object (ctx, root, "settings", FALSE);
  JsonArray *days;
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  gsize old;
  gboolean ok = TRUE;

  if (settings == NULL)
    return;
  old = _rp_format_json_path_push_key (ctx, "settings");
  _rp_format_json_check_keys (ctx, settings, settings_keys, NULL);
  days = _rp_format_json_get_array (ctx, settings, "deploy_days");
  if (days != NULL)
    {
      gsize old_days = _rp_format_json_path_push_key (ctx, "deploy_days");

      for (guint i = 0; i < json_array_get_length (days); i++)
        {
          JsonNode *node = json_array_get_element (days, i);
          const char *day = _rp_format_json_node_is_string (node) ? json_node_get_string (node) : NULL;
          gsize old_index = _rp_format_json_path_push_index (ctx, i);

          if (day == NULL || !g_strv_contains (_rp_format_json_weekdays, day))
            {
              _rp_format_json_add_error (ctx, NULL, "must be one of mon|tue|wed|thu|fri|sat|sun");
              ok = FALSE;
            }
          else if (g_ptr_array_find_with_equal_func (list, day, g_str_equal, NULL))
            {
              _rp_format_json_add_error (ctx, NULL, "“%s” is listed twice", day);
              ok = FALSE;
            }
          else
            g_ptr_array_add (list, (gpointer) day);
          _rp_format_json_path_pop (ctx, old_index);
        }
      _rp_format_json_path_pop (ctx, old_days);
      if (ok)
        {
          g_ptr_array_add (list, NULL);
          ctx->plan->deploy_days = g_strjoinv (",", (char **) list->pdata);
        }
    }
  _rp_format_json_path_pop (ctx, old);
}

/* The items of a template section, or NULL when the file left them out. */
static void
free_texts (gpointer texts)
{
  if (texts != NULL)
    g_ptr_array_unref (texts);
}

static void
read_templates (RpJsonReader *ctx, JsonObject *root)
{
  JsonArray *templates = _rp_format_json_get_array (ctx, root, "templates");
  gsize old;

  if (templates == NULL)
    return;
  old = _rp_format_json_path_push_key (ctx, "templates");
  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonNode *node = json_array_get_element (templates, i);
      gsize old_index = _rp_format_json_path_push_index (ctx, i);
      JsonObject *object;
      JsonArray *sections;
      RpJsonTemplatePlan *plan;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _rp_format_json_add_error (ctx, NULL, "must be an object, not %s",
                                     _rp_format_json_node_kind (node));
          _rp_format_json_path_pop (ctx, old_index);
          continue;
        }
      object = json_node_get_object (node);
      plan = g_new0 (RpJsonTemplatePlan, 1);
      plan->record = rp_record_new (RP_ENTITY_TEMPLATE);
      _rp_format_json_remember_path (ctx, plan->record);
      g_ptr_array_add (ctx->plan->templates, plan);

      _rp_format_json_check_keys (ctx, object, template_keys, template_required);
      _rp_format_json_read_id (ctx, object, plan->record);
      _rp_format_json_read_column (ctx, object, "name", plan->record, "name");
      rp_record_set_position (plan->record, i);

      sections = _rp_format_json_get_array (ctx, object, "sections");
      if (sections != NULL)
        {
          gsize old_sections = _rp_format_json_path_push_key (ctx, "sections");

          plan->sections = g_ptr_array_new_with_free_func (g_object_unref);
          plan->items = g_ptr_array_new_with_free_func (free_texts);

          for (guint j = 0; j < json_array_get_length (sections); j++)
            {
              JsonNode *section_node = json_array_get_element (sections, j);
              gsize old_section = _rp_format_json_path_push_index (ctx, j);
              JsonObject *section_object;
              JsonArray *items;
              RpRecord *section;
              GPtrArray *texts = NULL;

              if (!JSON_NODE_HOLDS_OBJECT (section_node))
                {
                  _rp_format_json_add_error (ctx, NULL, "must be an object, not %s",
                                             _rp_format_json_node_kind (section_node));
                  _rp_format_json_path_pop (ctx, old_section);
                  continue;
                }
              section_object = json_node_get_object (section_node);
              section = rp_record_new (RP_ENTITY_TEMPLATE_SECTION);
              rp_record_set_position (section, j);
              g_ptr_array_add (plan->sections, section);
              _rp_format_json_check_keys (ctx, section_object, template_section_keys,
                                          template_section_required);
              _rp_format_json_read_column (ctx, section_object, "name", section, "name");
              _rp_format_json_read_column (ctx, section_object, "complete_before_deploy", section,
                                           "complete_before_deploy");

              /* Items left out: the section keeps the items it has. */
              if (json_object_has_member (section_object, "items"))
                texts = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (plan->items, texts);
              items = _rp_format_json_get_array (ctx, section_object, "items");
              for (guint k = 0; items && k < json_array_get_length (items); k++)
                {
                  JsonNode *item = json_array_get_element (items, k);
                  gsize old_items = _rp_format_json_path_push_key (ctx, "items");
                  gsize old_item = _rp_format_json_path_push_index (ctx, k);
                  g_autofree char *stripped = NULL;

                  if (!_rp_format_json_node_is_string (item))
                    _rp_format_json_add_error (ctx, NULL, "must be text, not %s",
                                               _rp_format_json_node_kind (item));
                  else if (*(stripped = g_strstrip (g_strdup (json_node_get_string (item)))) == '\0')
                    _rp_format_json_add_error (ctx, NULL, "must not be empty");
                  else
                    g_ptr_array_add (texts, g_strdup (json_node_get_string (item)));
                  _rp_format_json_path_pop (ctx, old_item);
                  _rp_format_json_path_pop (ctx, old_items);
                }
              _rp_format_json_path_pop (ctx, old_section);
            }
          _rp_format_json_path_pop (ctx, old_sections);
        }
      _rp_format_json_path_pop (ctx, old_index);
    }
  _rp_format_json_path_pop (ctx, old);
}

static void
read_criteria (RpJsonReader *ctx, JsonObject *object, RpRecord *scope_item, gpointer data)
{
  RpJsonReleasePlan *plan = data;
  GPtrArray *criteria = _rp_format_json_read_rows (ctx, object, "acceptance_criteria", RP_ENTITY_CRITERION,
                                                   _rp_format_json_criterion_fields, "scope_item_id",
                                                   rp_record_get_id (scope_item), NULL, NULL);

  if (criteria == NULL)
    return;
  if (rp_record_get_id (scope_item) != NULL)
    g_hash_table_add (plan->criteria_given, g_strdup (rp_record_get_id (scope_item)));
  g_ptr_array_extend_and_steal (plan->criteria, criteria);
}

static void
read_item_section (RpJsonReader *ctx, JsonObject *object, RpRecord *item, gpointer data)
{
  RpJsonReleasePlan *plan = data;
  JsonNode *node = json_object_get_member (object, "section");
  const char *name = NULL;

  if (node != NULL && !_rp_format_json_node_is_string (node))
    _rp_format_json_add_error (ctx, "section", "must be the name of a checklist section, not %s",
                               _rp_format_json_node_kind (node));
  else if (node != NULL)
    {
      name = json_node_get_string (node);
      if (plan->has_sections)
        {
          gboolean found = FALSE;

          for (guint i = 0; i < plan->sections->len && !found; i++)
            found = g_strcmp0 (rp_record_get_string (plan->sections->pdata[i], "name"), name) == 0;
          if (!found)
            _rp_format_json_add_error (ctx, "section", "unknown section “%s” (not in checklist_sections)",
                                       name);
        }
      else
        {
          g_autofree char *stripped = g_strstrip (g_strdup (name));

          if (*stripped == '\0')
            _rp_format_json_add_error (ctx, "section", "must not be empty");
        }
    }
  g_ptr_array_add (plan->item_sections, g_strdup (name ? name : ""));
}

static void
read_decision_readiness (RpJsonReader *ctx, JsonObject *object, RpRecord *decision, gpointer data)
{
  JsonNode *node = json_object_get_member (object, "readiness");

  if (node == NULL)
    return;
  _rp_format_json_mark_given (decision, "readiness");
  if (JSON_NODE_HOLDS_NULL (node))
    rp_record_set_null (decision, "readiness");
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    _rp_format_json_add_error (ctx, "readiness", "must be an object or null, not %s",
                               _rp_format_json_node_kind (node));
  else
    {
      GString *text = g_string_new (NULL);

      _rp_format_json_emit_node (text, node, 0, FALSE);
      rp_record_set_string (decision, "readiness", text->str);
      g_string_free (text, TRUE);
    }
}

static void
read_person_list (RpJsonReader *ctx, JsonObject *owners, const char *key, const char *role,
                  RpJsonReleasePlan *plan)
{
  JsonArray *array = _rp_format_json_get_array (ctx, owners, key);
  gsize old;

  if (json_object_has_member (owners, key))
    plan->roles_given[rp_entity_enum_index (rp_entity_get_column (RP_ENTITY_OWNER, "role"), role)] = TRUE;
  if (array == NULL)
    return;
  old = _rp_format_json_path_push_key (ctx, key);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize old_index = _rp_format_json_path_push_index (ctx, i);

      if (!_rp_format_json_node_is_string (node))
        _rp_format_json_add_error (ctx, NULL, "must be a person id, not %s",
                                   _rp_format_json_node_kind (node));
      else
        {
          const char *person = json_node_get_string (node);

          _rp_format_json_check_reference (ctx, NULL, RP_ENTITY_PERSON, person);
          {
            RpRecord *owner = rp_record_new (RP_ENTITY_OWNER);

            rp_record_set_string (owner, "role", role);
            rp_record_set_string (owner, "person_id", person);
            g_ptr_array_add (plan->owners, owner);
          }
        }
      _rp_format_json_path_pop (ctx, old_index);
    }
  _rp_format_json_path_pop (ctx, old);
}

static void
read_single_owner (RpJsonReader *ctx, JsonObject *owners, const char *key, RpJsonReleasePlan *plan)
{
  JsonNode *node = json_object_get_member (owners, key);
  RpRecord *owner;

  if (node == NULL)
    return;
  plan->roles_given[rp_entity_enum_index (rp_entity_get_column (RP_ENTITY_OWNER, "role"), key)] = TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    return;
  if (!_rp_format_json_node_is_string (node))
    {
      _rp_format_json_add_error (ctx, key, "must be a person id or null, not %s",
                                 _rp_format_json_node_kind (node));
      return;
    }
  _rp_format_json_check_reference (ctx, key, RP_ENTITY_PERSON, json_node_get_string (node));
  owner = rp_record_new (RP_ENTITY_OWNER);
  rp_record_set_string (owner, "role", key);
  rp_record_set_string (owner, "person_id", json_node_get_string (node));
  g_ptr_array_add (plan->owners, owner);
}

static void
read_owners (RpJsonReader *ctx, JsonObject *release, RpJsonReleasePlan *plan)
{
  JsonObject *owners = _rp_format_json_get_object (ctx, release, "owners", FALSE);
  JsonArray *components;
  gsize old;

  if (owners == NULL)
    return;
  old = _rp_format_json_path_push_key (ctx, "owners");
  _rp_format_json_check_keys (ctx, owners, owners_keys, NULL);
  read_single_owner (ctx, owners, "release_manager", plan);
  read_single_owner (ctx, owners, "go_no_go", plan);
  read_person_list (ctx, owners, "on_call", "on_call", plan);
  read_person_list (ctx, owners, "qa", "qa", plan);

  components = _rp_format_json_get_array (ctx, owners, "components");
  if (json_object_has_member (owners, "components"))
    plan->roles_given[RP_OWNER_ROLE_COMPONENT] = TRUE;
  if (components != NULL)
    {
      gsize old_components = _rp_format_json_path_push_key (ctx, "components");

      for (guint i = 0; i < json_array_get_length (components); i++)
        {
          JsonNode *node = json_array_get_element (components, i);
          gsize old_index = _rp_format_json_path_push_index (ctx, i);
          JsonObject *object;
          JsonNode *component, *person;
          g_autofree char *stripped = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              _rp_format_json_add_error (ctx, NULL, "must be an object, not %s",
                                         _rp_format_json_node_kind (node));
              _rp_format_json_path_pop (ctx, old_index);
              continue;
            }
          object = json_node_get_object (node);
          _rp_format_json_check_keys (ctx, object, component_keys, component_required);
          component = json_object_get_member (object, "component");
          person = json_object_get_member (object, "owner");
          if (component != NULL && !_rp_format_json_node_is_string (component))
            _rp_format_json_add_error (ctx, "component", "must be text, not %s",
                                       _rp_format_json_node_kind (component));
          else if (component != NULL &&
                   *(stripped = g_strstrip (g_strdup (json_node_get_string (component)))) == '\0')
            _rp_format_json_add_error (ctx, "component", "must not be empty");
          /* null: the component has no owner yet (owners.component says so). */
          if (person != NULL && !JSON_NODE_HOLDS_NULL (person) && !_rp_format_json_node_is_string (person))
            _rp_format_json_add_error (ctx, "owner", "must be a person id or null, not %s",
                                       _rp_format_json_node_kind (person));
          else if (person != NULL && !JSON_NODE_HOLDS_NULL (person))
            _rp_format_json_check_reference (ctx, "owner", RP_ENTITY_PERSON, json_node_get_string (person));
          /* owner left out: the writer keeps the stored owner of the
           * component of that name (marked given only when present). */
          if (component && _rp_format_json_node_is_string (component) &&
              (person == NULL || JSON_NODE_HOLDS_NULL (person) || _rp_format_json_node_is_string (person)))
            {
              RpRecord *owner = rp_record_new (RP_ENTITY_OWNER);

              rp_record_set_string (owner, "role", "component");
              rp_record_set_null (owner, "person_id");
              if (person != NULL && !JSON_NODE_HOLDS_NULL (person))
                rp_record_set_string (owner, "person_id", json_node_get_string (person));
              if (person != NULL)
                _rp_format_json_mark_given (owner, "person_id");
              rp_record_set_string (owner, "component", json_node_get_string (component));
              g_ptr_array_add (plan->owners, owner);
            }
          _rp_format_json_path_pop (ctx, old_index);
        }
      _rp_format_json_path_pop (ctx, old_components);
    }
  _rp_format_json_path_pop (ctx, old);

  for (guint i = 0; i < plan->owners->len; i++)
    {
      rp_record_set_string (plan->owners->pdata[i], "release_id", rp_record_get_id (plan->record));
      rp_record_set_position (plan->owners->pdata[i], i);
    }
}

static void
read_checklist_sections (RpJsonReader *ctx, JsonObject *release, RpJsonReleasePlan *plan)
{
  JsonArray *array;
  gsize old;

  if (!json_object_has_member (release, "checklist_sections"))
    return;
  array = _rp_format_json_get_array (ctx, release, "checklist_sections");
  plan->has_sections = TRUE;
  if (array == NULL)
    return;
  old = _rp_format_json_path_push_key (ctx, "checklist_sections");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize old_index = _rp_format_json_path_push_index (ctx, i);
      JsonObject *object;
      RpRecord *section;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _rp_format_json_add_error (ctx, NULL, "must be an object, not %s",
                                     _rp_format_json_node_kind (node));
          _rp_format_json_path_pop (ctx, old_index);
          continue;
        }
      object = json_node_get_object (node);
      section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);
      _rp_format_json_check_field_keys (ctx, object, RP_ENTITY_CHECKLIST_SECTION,
                                        _rp_format_json_checklist_section_fields);
      _rp_format_json_read_fields (ctx, object, _rp_format_json_checklist_section_fields, section);
      rp_record_set_string (section, "release_id", rp_record_get_id (plan->record));
      rp_record_set_position (section, i);
      name = rp_record_get_string (section, "name");
      for (guint j = 0; name && j < plan->sections->len; j++)
        if (g_strcmp0 (rp_record_get_string (plan->sections->pdata[j], "name"), name) == 0)
          {
            _rp_format_json_add_error (ctx, "name",
                                       "duplicate section name “%s” (also at checklist_sections[%u])", name,
                                       j);
            break;
          }
      g_ptr_array_add (plan->sections, section);
      _rp_format_json_path_pop (ctx, old_index);
    }
  _rp_format_json_path_pop (ctx, old);
}

/* An object of columns that may be null as a whole (deploy_window,
 * committed): null clears them all; left out keeps them. */
static void
read_nullable_group (RpJsonReader *ctx, JsonObject *parent, const char *key, const RpJsonField *fields,
                     RpRecord *record)
{
  JsonNode *node = json_object_get_member (parent, key);
  JsonObject *object;
  gsize old;

  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      for (const RpJsonField *f = fields; f->key; f++)
        {
          rp_record_set_null (record, f->column);
          _rp_format_json_mark_given (record, f->column);
        }
      return;
    }
  object = _rp_format_json_get_object (ctx, parent, key, TRUE);
  if (object == NULL)
    return;
  old = _rp_format_json_path_push_key (ctx, key);
  _rp_format_json_check_field_keys (ctx, object, RP_ENTITY_RELEASE, fields);
  _rp_format_json_read_fields (ctx, object, fields, record);
  _rp_format_json_path_pop (ctx, old);
}

static void
read_release (RpJsonReader *ctx, JsonNode *node, guint index)
{
  RpJsonReleasePlan *plan;
  JsonObject *object, *timeline, *post;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _rp_format_json_add_error (ctx, NULL, "must be an object, not %s", _rp_format_json_node_kind (node));
      return;
    }
  object = json_node_get_object (node);
  plan = g_new0 (RpJsonReleasePlan, 1);
  plan->record = rp_record_new (RP_ENTITY_RELEASE);
  _rp_format_json_remember_path (ctx, plan->record);
  plan->criteria = g_ptr_array_new_with_free_func (g_object_unref);
  plan->criteria_given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->owners = g_ptr_array_new_with_free_func (g_object_unref);
  plan->sections = g_ptr_array_new_with_free_func (g_object_unref);
  plan->item_sections = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (ctx->plan->releases, plan);

  _rp_format_json_check_field_keys (ctx, object, RP_ENTITY_RELEASE, _rp_format_json_release_fields);
  _rp_format_json_read_id (ctx, object, plan->record);
  id = rp_record_get_id (plan->record);
  _rp_format_json_read_fields (ctx, object, _rp_format_json_release_fields, plan->record);
  rp_record_set_position (plan->record, index);

  timeline = _rp_format_json_get_object (ctx, object, "timeline", FALSE);
  if (timeline != NULL)
    {
      gsize old = _rp_format_json_path_push_key (ctx, "timeline");

      _rp_format_json_check_field_keys (ctx, timeline, RP_ENTITY_RELEASE, _rp_format_json_timeline_fields);
      _rp_format_json_read_fields (ctx, timeline, _rp_format_json_timeline_fields, plan->record);
      read_nullable_group (ctx, timeline, "deploy_window", _rp_format_json_deploy_window_fields,
                           plan->record);
      read_nullable_group (ctx, timeline, "committed", _rp_format_json_committed_fields, plan->record);
      _rp_format_json_path_pop (ctx, old);
    }

  post = _rp_format_json_get_object (ctx, object, "post_release", FALSE);
  if (post != NULL)
    {
      gsize old = _rp_format_json_path_push_key (ctx, "post_release");

      _rp_format_json_check_field_keys (ctx, post, RP_ENTITY_RELEASE, _rp_format_json_post_release_fields);
      _rp_format_json_read_fields (ctx, post, _rp_format_json_post_release_fields, plan->record);
      _rp_format_json_path_pop (ctx, old);
    }

  read_owners (ctx, object, plan);
  read_checklist_sections (ctx, object, plan);

  for (guint l = 0; l < RP_JSON_N_RELEASE_LISTS; l++)
    {
      const RpJsonReleaseList *list = &_rp_format_json_release_lists[l];
      RpJsonSpecialFunc special = NULL;

      switch (list->entity)
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
      plan->lists[l] =
          _rp_format_json_read_rows (ctx, object, list->key, list->entity, list->fields,
                                     list->entity == RP_ENTITY_CHECKLIST_ITEM ? NULL : "release_id", id,
                                     special, plan);
      if (list->entity == RP_ENTITY_DEPENDENCY && plan->lists[l] != NULL)
        {
          for (guint i = 0; i < plan->lists[l]->len; i++)
            if (g_strcmp0 (rp_record_get_string (plan->lists[l]->pdata[i], "depends_on_release_id"), id) == 0)
              {
                g_autofree char *key = g_strdup_printf ("dependencies[%" G_GINT64_FORMAT "].release",
                                                        rp_record_get_position (plan->lists[l]->pdata[i]));
                _rp_format_json_add_error (ctx, key, "a release cannot depend on itself");
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
      if (id != NULL && _rp_format_json_node_is_string (id))
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

void
_rp_format_json_read_plan (RpJsonReader *ctx, JsonObject *root)
{
  gsize old;

  _rp_format_json_check_keys (ctx, root, root_keys, root_required);

  collect_ids (root, "people", ctx->people);
  collect_store_ids (ctx->store, RP_ENTITY_PERSON, ctx->people);
  collect_ids (root, "releases", ctx->releases);
  collect_store_ids (ctx->store, RP_ENTITY_RELEASE, ctx->releases);

  if (json_object_has_member (root, "settings"))
    read_settings (ctx, root);
  if (json_object_has_member (root, "templates"))
    read_templates (ctx, root);

  ctx->plan->people = _rp_format_json_read_rows (ctx, root, "people", RP_ENTITY_PERSON,
                                                 _rp_format_json_person_fields, NULL, NULL, NULL, NULL);
  ctx->plan->freeze_windows =
      _rp_format_json_read_rows (ctx, root, "freeze_windows", RP_ENTITY_FREEZE_WINDOW,
                                 _rp_format_json_freeze_window_fields, NULL, NULL, NULL, NULL);
  /* People and freeze windows are only ever added or updated: a list left
   * out is the same as an empty one. */
  if (ctx->plan->people == NULL)
    ctx->plan->people = g_ptr_array_new_with_free_func (g_object_unref);
  if (ctx->plan->freeze_windows == NULL)
    ctx->plan->freeze_windows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ctx->plan->freeze_windows->len; i++)
    {
      RpRecord *window = ctx->plan->freeze_windows->pdata[i];
      const char *start = rp_record_get_string (window, "start_date");
      const char *end = rp_record_get_string (window, "end_date");

      if (start && end && rp_date_is_valid (start) && rp_date_is_valid (end) && strcmp (start, end) > 0)
        {
          g_autofree char *key = g_strdup_printf ("freeze_windows[%u].end", i);
          _rp_format_json_add_error (ctx, key, "must not be before start (%s)", start);
        }
    }

  if (_rp_format_json_get_array (ctx, root, "releases") != NULL)
    {
      JsonArray *releases = json_object_get_array_member (root, "releases");

      old = _rp_format_json_path_push_key (ctx, "releases");
      for (guint i = 0; i < json_array_get_length (releases); i++)
        {
          gsize old_index = _rp_format_json_path_push_index (ctx, i);

          read_release (ctx, json_array_get_element (releases, i), i);
          _rp_format_json_path_pop (ctx, old_index);
        }
      _rp_format_json_path_pop (ctx, old);
    }
}
