/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-format-json-private.h"
#include "rp-plan-diff.h"
#include "rp-plan-private.h"
#include "rp-risk.h"

/* The diff walks both trees together, in the order of the file: objects
 * key by key, lists of rows by id (RpPlanList). Each difference is a
 * change with the chain of rows it is in; the text is made from the
 * changes afterwards, one line per release (or per kind of top-level row),
 * the changes of one row in one phrase. */

#define MAX_FRAMES 8

/* A change and where it is, for the text: the row directly in the release
 * (or the top-level row) that it belongs to. */
typedef struct
{
  RpPlanChange pub;
  const RpPlanList *list;       /* the list of the innermost row, or NULL */
  JsonNode *row;                /* that row (new, or old when removed) */
  const RpPlanList *group_list; /* the row the change belongs to in its line, or NULL */
  char *group_id;
  JsonNode *group_old; /* that row before and after, when it is in both */
  JsonNode *group_new;
  char *subject; /* the line: a release id, or a top-level key ("people") */
} Change;

struct _RpPlanDiff
{
  GObject parent_instance;

  RpPlan *old_plan;
  RpPlan *new_plan;
  GPtrArray *changes; /* Change */
};

G_DEFINE_FINAL_TYPE (RpPlanDiff, rp_plan_diff, G_TYPE_OBJECT)

static void
change_free (gpointer data)
{
  Change *c = data;

  g_free (c->pub.path);
  g_free (c->pub.release_id);
  g_free (c->pub.row_id);
  g_free (c->pub.field);
  g_clear_pointer (&c->pub.old_value, json_node_unref);
  g_clear_pointer (&c->pub.new_value, json_node_unref);
  g_clear_pointer (&c->row, json_node_unref);
  g_free (c->group_id);
  g_clear_pointer (&c->group_old, json_node_unref);
  g_clear_pointer (&c->group_new, json_node_unref);
  g_free (c->subject);
  g_free (c);
}

static void
rp_plan_diff_finalize (GObject *object)
{
  RpPlanDiff *self = RP_PLAN_DIFF (object);

  g_clear_pointer (&self->old_plan, rp_plan_unref);
  g_clear_pointer (&self->new_plan, rp_plan_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  G_OBJECT_CLASS (rp_plan_diff_parent_class)->finalize (object);
}

static void
rp_plan_diff_class_init (RpPlanDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_plan_diff_finalize;
}

static void
rp_plan_diff_init (RpPlanDiff *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
}

/* ------------------------------------------------------------------ */
/* The walk */

typedef struct
{
  const RpPlanList *list;
  const char *id;
  JsonNode *old_row; /* NULL when added */
  JsonNode *new_row; /* NULL when removed */
  gsize field_start; /* the path's length just after the row's [index] */
} Frame;

typedef struct
{
  GPtrArray *changes;
  GString *path;
  Frame frames[MAX_FRAMES];
  guint depth;
} Walk;

static gboolean
in_release (Walk *w)
{
  return w->depth > 0 && strcmp (w->frames[0].list->key, "releases") == 0;
}

/* @index: for a string of a list of strings, its place (the path names the
 * element, the field the list); G_MAXUINT otherwise. */
static void
add_change (Walk *w, RpPlanChangeKind kind, JsonNode *old_value, JsonNode *new_value, guint index)
{
  Change *c = g_new0 (Change, 1);
  Frame *inner = w->depth > 0 ? &w->frames[w->depth - 1] : NULL;
  Frame *group = NULL;

  c->pub.kind = kind;
  c->pub.path =
      index == G_MAXUINT ? g_strdup (w->path->str) : g_strdup_printf ("%s[%u]", w->path->str, index);
  c->pub.entity = inner ? inner->list->entity : RP_N_ENTITIES;
  c->pub.row_id = inner ? g_strdup (inner->id) : NULL;
  if (inner == NULL)
    c->pub.field = g_strdup (w->path->str);
  else if (w->path->len > inner->field_start)
    c->pub.field = g_strdup (w->path->str + inner->field_start + 1);
  c->pub.old_value = old_value ? json_node_ref (old_value) : NULL;
  c->pub.new_value = new_value ? json_node_ref (new_value) : NULL;
  c->list = inner ? inner->list : NULL;
  if (inner != NULL)
    c->row = json_node_ref (inner->new_row ? inner->new_row : inner->old_row);

  if (in_release (w))
    {
      c->pub.release_id = g_strdup (w->frames[0].id);
      c->subject = g_strdup (w->frames[0].id);
      group = w->depth > 1 ? &w->frames[1] : NULL;
    }
  else
    {
      group = w->depth > 0 ? &w->frames[0] : NULL;
      c->subject = g_strndup (w->path->str, strcspn (w->path->str, ".["));
    }
  if (group != NULL)
    {
      c->group_list = group->list;
      /* The checklist reads as one phrase: "3 checklist items done". */
      c->group_id = strcmp (group->list->key, "checklist") == 0 ? NULL : g_strdup (group->id);
      c->group_old = group->old_row ? json_node_ref (group->old_row) : NULL;
      c->group_new = group->new_row ? json_node_ref (group->new_row) : NULL;
    }
  g_ptr_array_add (w->changes, c);
}

static void walk_node (Walk *w, const char *key, JsonNode *old_node, JsonNode *new_node);

static void
walk_object (Walk *w, JsonObject *old_object, JsonObject *new_object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, new_object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize old = w->path->len;

      _rp_plan_path_push_key (w->path, name);
      walk_node (w, name, json_object_get_member (old_object, name), member);
      g_string_truncate (w->path, old);
    }
  json_object_iter_init_ordered (&iter, old_object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!json_object_has_member (new_object, name))
      {
        gsize old = w->path->len;

        _rp_plan_path_push_key (w->path, name);
        walk_node (w, name, member, NULL);
        g_string_truncate (w->path, old);
      }
}

static void
push_frame (Walk *w, const RpPlanList *list, JsonNode *old_row, JsonNode *new_row)
{
  Frame *f;

  g_assert (w->depth < MAX_FRAMES);
  f = &w->frames[w->depth++];
  f->list = list;
  f->id = _rp_plan_row_id (list, new_row ? new_row : old_row);
  f->old_row = old_row;
  f->new_row = new_row;
  f->field_start = w->path->len;
}

/* A row added or removed, at @index of its list in the new (or old) plan. */
static void
add_row_change (Walk *w, const RpPlanList *list, RpPlanChangeKind kind, JsonNode *row, guint index)
{
  gsize old = w->path->len;

  if (list->shape == RP_PLAN_LIST_STRINGS)
    {
      add_change (w, kind, kind == RP_PLAN_CHANGE_REMOVED ? row : NULL,
                  kind == RP_PLAN_CHANGE_ADDED ? row : NULL, index);
      return;
    }
  _rp_plan_path_push_index (w->path, index);
  push_frame (w, list, kind == RP_PLAN_CHANGE_REMOVED ? row : NULL,
              kind == RP_PLAN_CHANGE_ADDED ? row : NULL);
  add_change (w, kind, kind == RP_PLAN_CHANGE_REMOVED ? row : NULL, kind == RP_PLAN_CHANGE_ADDED ? row : NULL,
              G_MAXUINT);
  w->depth--;
  g_string_truncate (w->path, old);
}

static JsonNode *
ids_node (const RpPlanList *list, JsonArray *array, GHashTable *keep)
{
  JsonArray *ids = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = _rp_plan_row_id (list, json_array_get_element (array, i));

      if (g_hash_table_contains (keep, id))
        json_array_add_string_element (ids, id);
    }
  json_node_take_array (node, ids);
  return node;
}

static void
walk_list (Walk *w, const RpPlanList *list, JsonArray *old_array, JsonArray *new_array)
{
  g_autoptr (GHashTable) old_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) new_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) both = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (JsonNode) old_order = NULL;
  g_autoptr (JsonNode) new_order = NULL;

  for (guint i = 0; i < json_array_get_length (old_array); i++)
    g_hash_table_insert (old_rows, (gpointer) _rp_plan_row_id (list, json_array_get_element (old_array, i)),
                         json_array_get_element (old_array, i));
  for (guint i = 0; i < json_array_get_length (new_array); i++)
    g_hash_table_insert (new_rows, (gpointer) _rp_plan_row_id (list, json_array_get_element (new_array, i)),
                         json_array_get_element (new_array, i));

  /* Rows changed and added, in the new order; then those removed. */
  for (guint i = 0; i < json_array_get_length (new_array); i++)
    {
      JsonNode *row = json_array_get_element (new_array, i);
      const char *id = _rp_plan_row_id (list, row);
      JsonNode *before = g_hash_table_lookup (old_rows, id);
      gsize old = w->path->len;

      if (before == NULL)
        {
          add_row_change (w, list, RP_PLAN_CHANGE_ADDED, row, i);
          continue;
        }
      g_hash_table_add (both, (gpointer) id);
      if (list->shape == RP_PLAN_LIST_STRINGS || json_node_equal (before, row))
        continue;
      _rp_plan_path_push_index (w->path, i);
      push_frame (w, list, before, row);
      walk_object (w, json_node_get_object (before), json_node_get_object (row));
      w->depth--;
      g_string_truncate (w->path, old);
    }
  for (guint i = 0; i < json_array_get_length (old_array); i++)
    {
      JsonNode *row = json_array_get_element (old_array, i);

      if (!g_hash_table_contains (new_rows, _rp_plan_row_id (list, row)))
        add_row_change (w, list, RP_PLAN_CHANGE_REMOVED, row, i);
    }

  /* The rows in both, in another order. */
  old_order = ids_node (list, old_array, both);
  new_order = ids_node (list, new_array, both);
  if (!json_node_equal (old_order, new_order))
    add_change (w, RP_PLAN_CHANGE_MOVED, old_order, new_order, G_MAXUINT);
}

static void
walk_node (Walk *w, const char *key, JsonNode *old_node, JsonNode *new_node)
{
  const RpPlanList *list = key ? _rp_plan_find_list (key) : NULL;

  if (old_node != NULL && new_node != NULL && json_node_equal (old_node, new_node))
    return;
  if (list != NULL && list->shape != RP_PLAN_LIST_VALUE && old_node != NULL && new_node != NULL &&
      JSON_NODE_HOLDS_ARRAY (old_node) && JSON_NODE_HOLDS_ARRAY (new_node) &&
      _rp_plan_ids_unique (list, old_node) && _rp_plan_ids_unique (list, new_node))
    walk_list (w, list, json_node_get_array (old_node), json_node_get_array (new_node));
  else if (list == NULL && old_node != NULL && new_node != NULL && JSON_NODE_HOLDS_OBJECT (old_node) &&
           JSON_NODE_HOLDS_OBJECT (new_node))
    walk_object (w, json_node_get_object (old_node), json_node_get_object (new_node));
  else
    add_change (w, RP_PLAN_CHANGE_CHANGED, old_node, new_node, G_MAXUINT);
}

/**
 * rp_plan_diff_new:
 * @old_plan: the plan before
 * @new_plan: the plan after
 *
 * Returns: (transfer full): what changed from @old_plan to @new_plan
 */
RpPlanDiff *
rp_plan_diff_new (RpPlan *old_plan, RpPlan *new_plan)
{
  RpPlanDiff *self;
  Walk w = { 0 };

  g_return_val_if_fail (old_plan != NULL, NULL);
  g_return_val_if_fail (new_plan != NULL, NULL);

  self = g_object_new (RP_TYPE_PLAN_DIFF, NULL);
  self->old_plan = rp_plan_ref (old_plan);
  self->new_plan = rp_plan_ref (new_plan);
  w.changes = self->changes;
  w.path = g_string_new (NULL);
  walk_node (&w, NULL, rp_plan_get_root (old_plan), rp_plan_get_root (new_plan));
  g_string_free (w.path, TRUE);
  return self;
}

guint
rp_plan_diff_get_n_changes (RpPlanDiff *self)
{
  g_return_val_if_fail (RP_IS_PLAN_DIFF (self), 0);
  return self->changes->len;
}

/**
 * rp_plan_diff_get_change:
 *
 * Returns: (transfer none): the change at @index, in the order of the file
 */
const RpPlanChange *
rp_plan_diff_get_change (RpPlanDiff *self, guint index)
{
  g_return_val_if_fail (RP_IS_PLAN_DIFF (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);
  return &((Change *) self->changes->pdata[index])->pub;
}

/**
 * rp_plan_diff_count_releases:
 * @new_plan: the new plan the diff was made with
 * @added: (out) (optional):
 * @changed: (out) (optional):
 * @unchanged: (out) (optional):
 * @other: (out) (optional): changes outside the releases
 */
void
rp_plan_diff_count_releases (RpPlanDiff *self, RpPlan *new_plan, guint *added, guint *changed,
                             guint *unchanged, guint *other)
{
  g_autoptr (GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) changed_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *releases;
  guint n_added = 0, n_other = 0, n_releases;

  g_return_if_fail (RP_IS_PLAN_DIFF (self));
  g_return_if_fail (new_plan != NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      const RpPlanChange *c = &((Change *) self->changes->pdata[i])->pub;

      if (c->release_id == NULL)
        n_other++;
      else if (c->kind == RP_PLAN_CHANGE_ADDED && c->entity == RP_ENTITY_RELEASE && c->field == NULL)
        g_hash_table_add (new_ids, c->release_id);
      else if (c->kind != RP_PLAN_CHANGE_REMOVED || c->entity != RP_ENTITY_RELEASE || c->field != NULL)
        g_hash_table_add (changed_ids, c->release_id);
    }

  releases = json_object_get_array_member (json_node_get_object (rp_plan_get_root (new_plan)), "releases");
  n_releases = json_array_get_length (releases);
  n_added = g_hash_table_size (new_ids);
  /* a new release's rows are not changes to it */
  for (guint i = 0; i < n_releases; i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (releases, i), "id");

      if (g_hash_table_contains (new_ids, id))
        g_hash_table_remove (changed_ids, id);
    }

  if (added != NULL)
    *added = n_added;
  if (changed != NULL)
    *changed = g_hash_table_size (changed_ids);
  if (unchanged != NULL)
    *unchanged = n_releases - n_added - g_hash_table_size (changed_ids);
  if (other != NULL)
    *other = n_other;
}

/* ------------------------------------------------------------------ */
/* Values in words */

static const char *const weekdays[] = { NULL, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *const months[] = { NULL,  "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* "Tue 9 Feb" (and " 2027" with @year); NULL when @text is no date. */
static char *
format_date (const char *text, gboolean year)
{
  GDate date;

  if (!rp_date_parse_into (text, &date))
    return NULL;
  if (year)
    return g_strdup_printf ("%s %u %s %u", weekdays[g_date_get_weekday (&date)], g_date_get_day (&date),
                            months[g_date_get_month (&date)], g_date_get_year (&date));
  return g_strdup_printf ("%s %u %s", weekdays[g_date_get_weekday (&date)], g_date_get_day (&date),
                          months[g_date_get_month (&date)]);
}

static const char *
node_string (JsonNode *node)
{
  return node != NULL && _rp_format_json_node_is_string (node) ? json_node_get_string (node) : NULL;
}

static gboolean
node_is_date (JsonNode *node)
{
  return node_string (node) != NULL && rp_date_is_valid (node_string (node));
}

static gboolean
is_person_key (const char *key)
{
  static const char *const keys[] = { "owner",    "assignee", "by", "release_manager",
                                      "go_no_go", "on_call",  "qa", NULL };

  return g_strv_contains (keys, key);
}

static gboolean
is_enum_key (const char *key)
{
  static const char *const keys[] = { "status", "state", "kind", "decision", "postmortem", NULL };

  return g_strv_contains (keys, key);
}

/* The last key of a dotted field. */
static const char *
last_key (const char *field)
{
  const char *dot = field ? strrchr (field, '.') : NULL;

  return dot ? dot + 1 : field;
}

/* A value as people read it, NULL for text too long to quote. @plan is the
 * plan the value comes from (for the names of people and releases). */
static char *
format_value (RpPlan *plan, const char *key, JsonNode *node)
{
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("none");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "yes" : "no");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  text = node_string (node);
  if (text == NULL)
    return NULL;
  if (is_person_key (key))
    return g_strdup (rp_plan_get_person_name (plan, text) ? rp_plan_get_person_name (plan, text) : text);
  if (strcmp (key, "release") == 0)
    return g_strdup_printf ("“%s”", rp_plan_get_release_name (plan, text)
                                        ? rp_plan_get_release_name (plan, text)
                                        : text);
  if (rp_date_is_valid (text))
    return format_date (text, TRUE);
  if (rp_timestamp_is_valid (text))
    {
      g_autofree char *day = g_strndup (text, 10);
      g_autofree char *date = format_date (day, TRUE);

      return g_strdup_printf ("%s %.5s UTC", date, text + 11);
    }
  if (is_enum_key (key))
    {
      if (strcmp (text, "na") == 0)
        return g_strdup ("n/a");
      if (strcmp (text, "no_go") == 0)
        return g_strdup ("no-go");
      return g_strdelimit (g_strdup (text), "_", ' ');
    }
  if (g_utf8_strlen (text, -1) > 40 || strchr (text, '\n') != NULL)
    return NULL;
  return g_strdup_printf ("“%s”", text);
}

/* What a key is called: "timeline.committed.deploy" is "committed deploy". */
static char *
field_label (const char *field)
{
  static const struct
  {
    const char *key;
    const char *label;
  } labels[] = {
    { "timeline", NULL },
    { "owners", NULL },
    { "post_release", NULL },
    { "go_no_go", "go/no-go" },
    { "postmortem", "post-mortem" },
    { "postmortem_date", "post-mortem date" },
    { "release", "depends on" },
    { "percent", "share" },
    { "hold_minutes", "hold (minutes)" },
    { "buffer_days", "buffer (days)" },
    { "monitoring_hours", "monitoring (hours)" },
    { "at", "time" },
  };
  g_auto (GStrv) parts = g_strsplit (field, ".", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i]; i++)
    {
      const char *label = parts[i];
      gboolean found = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (labels) && !found; j++)
        if (strcmp (labels[j].key, parts[i]) == 0)
          {
            label = labels[j].label;
            found = TRUE;
          }
      if (label == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, label);
      if (!found)
        g_strdelimit (out->str + out->len - strlen (label), "_", ' ');
    }
  return g_string_free (out, FALSE);
}

/* "deploy moved from Tue 9 Feb to Thu 11 Feb", "summary changed", "status
 * planning → testing": one value of a row, before and after. */
static void
append_field_phrase (RpPlanDiff *self, GString *out, const char *field, JsonNode *old_value,
                     JsonNode *new_value)
{
  const char *key = last_key (field);
  g_autofree char *label = field_label (field);
  g_autofree char *before = format_value (self->old_plan, key, old_value);
  g_autofree char *after = format_value (self->new_plan, key, new_value);
  gboolean old_null = old_value == NULL || JSON_NODE_HOLDS_NULL (old_value);
  gboolean new_null = new_value == NULL || JSON_NODE_HOLDS_NULL (new_value);

  if ((node_is_date (old_value) || old_null) && (node_is_date (new_value) || new_null) &&
      !(old_null && new_null))
    {
      if (old_null)
        g_string_append_printf (out, "%s set to %s", label, after);
      else if (new_null)
        g_string_append_printf (out, "%s cleared (was %s)", label, before);
      else
        {
          gboolean year = strncmp (node_string (old_value), node_string (new_value), 4) != 0;
          g_autofree char *from = format_date (node_string (old_value), year);
          g_autofree char *to = format_date (node_string (new_value), year);

          g_string_append_printf (out, "%s moved from %s to %s", label, from, to);
        }
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (new_value ? new_value : old_value) &&
      json_node_get_value_type (new_value ? new_value : old_value) == G_TYPE_BOOLEAN && !old_null &&
      !new_null)
    {
      gboolean on = json_node_get_boolean (new_value);

      if (strcmp (key, "risky") == 0)
        g_string_append (out, on ? "now risky" : "no longer risky");
      else if (strcmp (key, "met") == 0)
        g_string_append (out, on ? "met" : "no longer met");
      else if (strcmp (key, "complete_before_deploy") == 0)
        g_string_append (out, on ? "to be complete before deploy" : "no longer to be complete before deploy");
      else
        g_string_append_printf (out, "%s %s", label, on ? "on" : "off");
      return;
    }
  if (strcmp (key, "name") == 0 && !old_null && !new_null && before != NULL)
    {
      g_string_append_printf (out, "renamed from %s", before);
      return;
    }
  if (before == NULL || after == NULL)
    {
      /* Long text: say what happened to it, not what it says. */
      g_string_append_printf (out, "%s %s", label, old_null ? "written" : new_null ? "cleared" : "changed");
      return;
    }
  if (old_null)
    g_string_append_printf (out, "%s set to %s", label, after);
  else if (new_null)
    g_string_append_printf (out, "%s cleared (was %s)", label, before);
  else
    g_string_append_printf (out, "%s %s → %s", label, before, after);
}

/* ------------------------------------------------------------------ */
/* Rows in words */

/* "risk “PSP outage”", or in the lines of top-level rows just the name. */
static char *
row_name (RpPlanDiff *self, const RpPlanList *list, JsonObject *row, gboolean with_label)
{
  const char *title = row && json_object_has_member (row, list->title_key)
                          ? json_object_get_string_member (row, list->title_key)
                          : NULL;
  g_autofree char *quoted = NULL;

  if (list->entity == RP_ENTITY_DECISION && title != NULL)
    {
      g_autofree char *when = format_value (self->new_plan, "at", json_object_get_member (row, "at"));

      return g_strdup_printf ("decision of %s", when);
    }
  quoted = g_strdup_printf ("“%s”", title ? title : "");
  return with_label ? g_strdup_printf ("%s %s", _rp_plan_list_label (list), quoted)
                    : g_steal_pointer (&quoted);
}

/* What to say about a row that is new. */
static void
append_added_detail (RpPlanDiff *self, GString *out, const RpPlanList *list, JsonObject *row)
{
  switch (list->entity)
    {
    case RP_ENTITY_RISK:
      g_string_append_printf (out, " (score %" G_GINT64_FORMAT ")",
                              json_object_get_int_member (row, "likelihood") *
                                  json_object_get_int_member (row, "impact"));
      break;
    case RP_ENTITY_OWNER:
      {
        g_autofree char *owner =
            format_value (self->new_plan, "owner", json_object_get_member (row, "owner"));

        g_string_append_printf (out,
                                JSON_NODE_HOLDS_NULL (json_object_get_member (row, "owner"))
                                    ? " (no owner yet)"
                                    : " (%s)",
                                owner);
      }
      break;
    case RP_ENTITY_DECISION:
      {
        g_autofree char *decision =
            format_value (self->new_plan, "decision", json_object_get_member (row, "decision"));
        g_autofree char *by = format_value (self->new_plan, "by", json_object_get_member (row, "by"));

        g_string_append_printf (out, " (%s, by %s)", decision, by);
      }
      break;
    case RP_ENTITY_FREEZE_WINDOW:
      {
        g_autofree char *start = format_date (json_object_get_string_member (row, "start"), TRUE);
        g_autofree char *end = format_date (json_object_get_string_member (row, "end"), TRUE);

        g_string_append_printf (out, " (%s – %s)", start, end);
      }
      break;
    case RP_ENTITY_FEATURE_FLAG:
    case RP_ENTITY_ROLLOUT_STAGE:
      g_string_append_printf (out, " (%" G_GINT64_FORMAT "%%)", json_object_get_int_member (row, "percent"));
      break;
    default:
      break;
    }
}

static JsonObject *
node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gint64
risk_score (JsonNode *row)
{
  JsonObject *object = node_object (row);

  return object ? json_object_get_int_member (object, "likelihood") *
                      json_object_get_int_member (object, "impact")
                : 0;
}

/* "risk “PSP outage” added (score 12)", or "risk “X”: likelihood 2 → 4,
 * score 10 → 20": the changes of one row (and of the rows inside it). */
static void
append_row_phrase (RpPlanDiff *self, GString *out, GPtrArray *group, gboolean top_level)
{
  Change *first = group->pdata[0];
  const RpPlanList *list = first->group_list;
  JsonObject *row = node_object (first->group_new ? first->group_new : first->group_old);
  g_autofree char *name = row_name (self, list, row, !top_level);
  gboolean score = FALSE;

  if (group->len == 1 && first->list == list && first->pub.field == NULL)
    {
      g_string_append_printf (out, "%s %s", name,
                              first->pub.kind == RP_PLAN_CHANGE_ADDED ? "added" : "removed");
      if (first->pub.kind == RP_PLAN_CHANGE_ADDED)
        append_added_detail (self, out, list, row);
      return;
    }
  g_string_append_printf (out, "%s: ", name);
  for (guint i = 0; i < group->len; i++)
    {
      Change *c = group->pdata[i];
      const RpPlanChange *p = &c->pub;

      if (i > 0)
        g_string_append (out, ", ");
      if (c->list != list)
        {
          /* A row inside this one: an acceptance criterion. */
          g_autofree char *inner = row_name (self, c->list, node_object (c->row), TRUE);

          if (p->field == NULL)
            g_string_append_printf (out, "%s %s", inner,
                                    p->kind == RP_PLAN_CHANGE_ADDED ? "added" : "removed");
          else
            {
              g_string_append_printf (out, "%s ", inner);
              append_field_phrase (self, out, p->field, p->old_value, p->new_value);
            }
        }
      else if (p->kind == RP_PLAN_CHANGE_MOVED)
        {
          g_autofree char *label = field_label (p->field);

          g_string_append_printf (out, "%s reordered", label);
        }
      else
        append_field_phrase (self, out, p->field, p->old_value, p->new_value);
      score |= c->list == list && p->field != NULL &&
               (strcmp (p->field, "likelihood") == 0 || strcmp (p->field, "impact") == 0);
    }
  if (score && list->entity == RP_ENTITY_RISK)
    g_string_append_printf (out, ", score %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT,
                            risk_score (first->group_old), risk_score (first->group_new));
}

typedef enum
{
  ITEM_ADDED,
  ITEM_DONE,
  ITEM_REOPENED,
  ITEM_NA,
  ITEM_EDITED,
  ITEM_REMOVED,
  N_ITEM_CHANGES
} ItemChange;

/* "3 checklist items done; checklist item “Smoke tests” added": the
 * checklist of a release in counts, each item counted once. */
static void
append_checklist_phrases (RpPlanDiff *self, GPtrArray *phrases, GPtrArray *group)
{
  static const char *const verbs[N_ITEM_CHANGES] = { "added",      "done",   "reopened",
                                                     "marked n/a", "edited", "removed" };
  guint counts[N_ITEM_CHANGES] = { 0 };
  const char *names[N_ITEM_CHANGES] = { NULL };
  g_autoptr (GHashTable) counted = g_hash_table_new (g_str_hash, g_str_equal);

  /* State changes first, so that an item done and edited counts as done. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < group->len; i++)
      {
        Change *c = group->pdata[i];
        const RpPlanChange *p = &c->pub;
        gboolean state = p->field != NULL && strcmp (p->field, "state") == 0;
        ItemChange kind;

        if (c->list != c->group_list || (pass == 0) != (state || p->field == NULL) ||
            g_hash_table_contains (counted, p->row_id))
          continue;
        if (p->kind == RP_PLAN_CHANGE_ADDED)
          kind = ITEM_ADDED;
        else if (p->kind == RP_PLAN_CHANGE_REMOVED)
          kind = ITEM_REMOVED;
        else if (state && g_strcmp0 (node_string (p->new_value), "done") == 0)
          kind = ITEM_DONE;
        else if (state && g_strcmp0 (node_string (p->new_value), "na") == 0)
          kind = ITEM_NA;
        else if (state)
          kind = ITEM_REOPENED;
        else
          kind = ITEM_EDITED;
        g_hash_table_add (counted, p->row_id);
        if (counts[kind]++ == 0)
          names[kind] = json_object_get_string_member (node_object (c->row), "text");
      }
  for (guint k = 0; k < N_ITEM_CHANGES; k++)
    if (counts[k] == 1)
      g_ptr_array_add (phrases, g_strdup_printf ("checklist item “%s” %s", names[k], verbs[k]));
    else if (counts[k] > 1)
      g_ptr_array_add (phrases, g_strdup_printf ("%u checklist items %s", counts[k], verbs[k]));
}

/* A change of the release itself (or of settings): its fields, people on
 * call, lists reordered, the release added or removed. */
static char *
release_phrase (RpPlanDiff *self, Change *c)
{
  const RpPlanChange *p = &c->pub;
  GString *out = g_string_new (NULL);
  const char *key = last_key (p->field);
  JsonObject *value = node_object (p->new_value);

  if (p->field == NULL)
    {
      JsonObject *row = node_object (c->row);
      const char *deploy =
          json_object_get_string_member (json_object_get_object_member (row, "timeline"), "deploy");
      g_autofree char *date = deploy ? format_date (deploy, TRUE) : NULL;

      if (p->kind == RP_PLAN_CHANGE_REMOVED)
        g_string_append (out, "removed");
      else if (date != NULL)
        g_string_append_printf (out, "added (deploy %s)", date);
      else
        g_string_append (out, "added");
    }
  else if (p->kind == RP_PLAN_CHANGE_MOVED && strcmp (p->field, c->subject) == 0)
    g_string_append (out, "reordered");
  else if (p->kind == RP_PLAN_CHANGE_MOVED)
    {
      g_autofree char *label = field_label (p->field);

      g_string_append_printf (out, "%s reordered", label);
    }
  else if (p->kind != RP_PLAN_CHANGE_CHANGED)
    {
      /* Someone on call or in QA, or no longer. */
      gboolean added = p->kind == RP_PLAN_CHANGE_ADDED;
      g_autofree char *who =
          format_value (added ? self->new_plan : self->old_plan, key, added ? p->new_value : p->old_value);
      const char *role = strcmp (key, "qa") == 0 ? "in QA" : "on call";

      g_string_append_printf (out, "%s %s%s", who, added ? "" : "no longer ", role);
    }
  else if (strcmp (p->field, "timeline.deploy_window") == 0 && value != NULL)
    g_string_append_printf (out, "deploy window set to %s–%s %s",
                            json_object_get_string_member_with_default (value, "start", "?"),
                            json_object_get_string_member_with_default (value, "end", "?"),
                            json_object_get_string_member_with_default (value, "timezone", ""));
  else if (strcmp (p->field, "timeline.committed") == 0 && value != NULL)
    {
      const char *deploy = json_object_get_string_member_with_default (value, "deploy", NULL);
      g_autofree char *date = deploy ? format_date (deploy, TRUE) : NULL;

      g_string_append (out, "dates committed");
      if (date != NULL)
        g_string_append_printf (out, " (deploy %s)", date);
    }
  else if ((strcmp (p->field, "timeline.deploy_window") == 0 ||
            strcmp (p->field, "timeline.committed") == 0) &&
           p->new_value != NULL && JSON_NODE_HOLDS_NULL (p->new_value))
    g_string_append (out, strcmp (key, "committed") == 0 ? "commitment cleared" : "deploy window cleared");
  else
    append_field_phrase (self, out, p->field, p->old_value, p->new_value);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Lines */

typedef struct
{
  char *subject;
  char *header;
  GPtrArray *phrases; /* char * */
  gboolean is_release;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->subject);
  g_free (line->header);
  g_ptr_array_unref (line->phrases);
  g_free (line);
}

static Line *
get_line (RpPlanDiff *self, GPtrArray *lines, Change *c)
{
  static const struct
  {
    const char *key;
    const char *header;
  } headers[] = {
    { "people", "People" },       { "freeze_windows", "Freeze windows" },
    { "templates", "Templates" }, { "settings", "Settings" },
    { "releases", "Releases" },
  };
  Line *line;

  for (guint i = 0; i < lines->len; i++)
    if (strcmp (((Line *) lines->pdata[i])->subject, c->subject) == 0)
      return lines->pdata[i];
  line = g_new0 (Line, 1);
  line->subject = g_strdup (c->subject);
  line->phrases = g_ptr_array_new_with_free_func (g_free);
  line->is_release = c->pub.release_id != NULL;
  if (line->is_release)
    {
      const char *name = rp_plan_get_release_name (self->new_plan, c->pub.release_id);

      line->header = g_strdup (name ? name : rp_plan_get_release_name (self->old_plan, c->pub.release_id));
    }
  for (guint i = 0; i < G_N_ELEMENTS (headers) && line->header == NULL; i++)
    if (strcmp (headers[i].key, c->subject) == 0)
      line->header = g_strdup (headers[i].header);
  if (line->header == NULL)
    line->header = g_strdup (c->subject);
  g_ptr_array_add (lines, line);
  return line;
}

static void
flush_group (RpPlanDiff *self, Line *line, GPtrArray *group)
{
  Change *first;

  if (group->len == 0)
    return;
  first = group->pdata[0];
  if (strcmp (first->group_list->key, "checklist") == 0)
    append_checklist_phrases (self, line->phrases, group);
  else
    {
      GString *phrase = g_string_new (NULL);

      append_row_phrase (self, phrase, group, !line->is_release);
      g_ptr_array_add (line->phrases, g_string_free (phrase, FALSE));
    }
  g_ptr_array_set_size (group, 0);
}

static gboolean
same_group (Change *a, Change *b)
{
  return a->group_list == b->group_list && g_strcmp0 (a->group_id, b->group_id) == 0 &&
         strcmp (a->subject, b->subject) == 0;
}

/* "deploy days now Mon, Tue, Wed, Thu, Fri", from the new plan. */
static char *
settings_phrase (RpPlanDiff *self)
{
  JsonObject *settings =
      json_object_get_object_member (json_node_get_object (rp_plan_get_root (self->new_plan)), "settings");
  JsonArray *days = json_object_get_array_member (settings, "deploy_days");
  GString *out = g_string_new ("deploy days now");

  for (guint i = 0; i < json_array_get_length (days); i++)
    g_string_append_printf (out, "%s %s", i > 0 ? "," : "", json_array_get_string_element (days, i));
  if (json_array_get_length (days) == 0)
    g_string_append (out, " none");
  return g_string_free (out, FALSE);
}

/* The text, one line per release first, then the rest. */
static GPtrArray *
collect_lines (RpPlanDiff *self)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (line_free);
  g_autoptr (GPtrArray) group = g_ptr_array_new ();
  GPtrArray *text = g_ptr_array_new_with_free_func (g_free);
  Line *group_line = NULL;

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *c = self->changes->pdata[i];
      Line *line = get_line (self, lines, c);

      if (group->len > 0 && !same_group (group->pdata[0], c))
        flush_group (self, group_line, group);
      if (c->group_list != NULL)
        {
          group_line = line;
          g_ptr_array_add (group, c);
        }
      else if (strcmp (c->subject, "settings") == 0)
        {
          if (line->phrases->len == 0)
            g_ptr_array_add (line->phrases, settings_phrase (self));
        }
      else
        g_ptr_array_add (line->phrases, release_phrase (self, c));
    }
  if (group->len > 0)
    flush_group (self, group_line, group);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < lines->len; i++)
      {
        Line *line = lines->pdata[i];
        g_autofree char *phrases = NULL;

        if (line->is_release != (pass == 0) || line->phrases->len == 0)
          continue;
        g_ptr_array_add (line->phrases, NULL);
        phrases = g_strjoinv ("; ", (char **) line->phrases->pdata);
        g_ptr_array_add (text, g_strdup_printf ("%s: %s", line->header, phrases));
      }
  return text;
}

/**
 * rp_plan_diff_to_text:
 *
 * Returns: (transfer full): one line per release with what changed in it
 *   ("Payments 2027.1: deploy moved from Tue 9 Feb to Thu 11 Feb; risk
 *   “PSP outage” added (score 12); 3 checklist items done"), then lines
 *   for people, freeze windows, templates and settings; "" when nothing
 *   changed
 */
char *
rp_plan_diff_to_text (RpPlanDiff *self)
{
  g_autoptr (GPtrArray) lines = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (RP_IS_PLAN_DIFF (self), NULL);

  lines = collect_lines (self);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (out, FALSE);
}

static void
set_nullable_string (JsonObject *object, const char *key, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static void
set_nullable_node (JsonObject *object, const char *key, JsonNode *value)
{
  json_object_set_member (object, key, value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
}

/**
 * rp_plan_diff_to_json:
 *
 * Returns: (transfer full): {"equal": true|false, "summary": [the lines of
 *   rp_plan_diff_to_text()], "changes": [{"change":
 *   "added|removed|changed|moved", "path", "release", "entity", "id",
 *   "field", "old", "new"}]}, in the same deterministic style as plan files
 */
char *
rp_plan_diff_to_json (RpPlanDiff *self)
{
  static const char *const kinds[] = { "added", "removed", "changed", "moved" };
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *summary = json_array_new ();
  JsonArray *changes = json_array_new ();
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (RP_IS_PLAN_DIFF (self), NULL);

  lines = collect_lines (self);
  for (guint i = 0; i < lines->len; i++)
    json_array_add_string_element (summary, lines->pdata[i]);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const RpPlanChange *c = &((Change *) self->changes->pdata[i])->pub;
      JsonObject *change = json_object_new ();

      json_object_set_string_member (change, "change", kinds[c->kind]);
      json_object_set_string_member (change, "path", c->path);
      set_nullable_string (change, "release", c->release_id);
      set_nullable_string (change, "entity",
                           c->entity < RP_N_ENTITIES ? rp_entity_get_info (c->entity)->name : NULL);
      set_nullable_string (change, "id", c->row_id);
      set_nullable_string (change, "field", c->field);
      set_nullable_node (change, "old", c->old_value);
      set_nullable_node (change, "new", c->new_value);
      json_array_add_object_element (changes, change);
    }
  json_object_set_boolean_member (object, "equal", self->changes->len == 0);
  json_object_set_array_member (object, "summary", summary);
  json_object_set_array_member (object, "changes", changes);
  json_node_take_object (root, object);
  _rp_format_json_emit_node (out, root, 0, TRUE);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
