/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"

const char *const rp_release_statuses[] = { "planning", "development", "testing", "deploying",
                                            "monitoring", "released", "cancelled", NULL };
const char *const rp_owner_roles[] = { "release_manager", "go_no_go", "on_call", "qa", "component", NULL };
const char *const rp_scope_statuses[] = { "planned", "in_progress", "done", "dropped", NULL };
const char *const rp_dependency_kinds[] = { "release", "service", "team", "vendor", "other", NULL };
const char *const rp_dependency_statuses[] = { "open", "ready", "blocked", "resolved", NULL };
const char *const rp_risk_statuses[] = { "open", "mitigated", "accepted", "closed", NULL };
const char *const rp_item_states[] = { "open", "done", "na", NULL };
const char *const rp_stage_statuses[] = { "pending", "active", "healthy", "rolled_back", NULL };
const char *const rp_flag_states[] = { "off", "canary", "partial", "full", "removed", NULL };
const char *const rp_decisions[] = { "go", "no_go", "go_with_risks", NULL };
const char *const rp_postmortem_states[] = { "none", "scheduled", "done", NULL };

#define TEXT(n) { .name = n, .type = RP_COLUMN_TEXT }
#define NAME(n) { .name = n, .type = RP_COLUMN_TEXT, .flags = RP_COLUMN_REQUIRED | RP_COLUMN_NONEMPTY }
#define DATE(n) { .name = n, .type = RP_COLUMN_DATE }
#define ENUM(n, v, d) { .name = n, .type = RP_COLUMN_ENUM, .flags = RP_COLUMN_REQUIRED, .values = v, .default_text = d }
#define INT(n, lo, hi, d) { .name = n, .type = RP_COLUMN_INT, .flags = RP_COLUMN_REQUIRED, .min = lo, .max = hi, .default_int = d }
#define BOOL(n, d) { .name = n, .type = RP_COLUMN_BOOL, .flags = RP_COLUMN_REQUIRED, .default_int = d }
#define PARENT(n, e) { .name = n, .type = RP_COLUMN_REF, .flags = RP_COLUMN_REQUIRED | RP_COLUMN_PARENT, .ref = e, .on_delete = RP_ON_DELETE_CASCADE }
#define PERSON(n) { .name = n, .type = RP_COLUMN_REF, .ref = RP_ENTITY_PERSON, .on_delete = RP_ON_DELETE_RESTRICT }

static const RpColumn person_columns[] = {
  NAME ("name"),
  TEXT ("email"),
};

static const RpColumn freeze_window_columns[] = {
  NAME ("name"),
  { .name = "start_date", .type = RP_COLUMN_DATE, .flags = RP_COLUMN_REQUIRED },
  { .name = "end_date", .type = RP_COLUMN_DATE, .flags = RP_COLUMN_REQUIRED },
  TEXT ("reason"),
};

static const RpColumn template_columns[] = {
  NAME ("name"),
};

static const RpColumn template_section_columns[] = {
  PARENT ("template_id", RP_ENTITY_TEMPLATE),
  NAME ("name"),
  BOOL ("complete_before_deploy", TRUE),
};

static const RpColumn template_item_columns[] = {
  PARENT ("section_id", RP_ENTITY_TEMPLATE_SECTION),
  NAME ("text"),
};

static const RpColumn release_columns[] = {
  NAME ("name"),
  TEXT ("version"),
  TEXT ("summary"),
  ENUM ("status", rp_release_statuses, "planning"),
  DATE ("code_complete"),
  DATE ("testing_start"),
  DATE ("testing_end"),
  DATE ("deploy"),
  { .name = "window_start", .type = RP_COLUMN_TIME },
  { .name = "window_end", .type = RP_COLUMN_TIME },
  TEXT ("window_timezone"),
  INT ("buffer_days", 0, 365, 2),
  INT ("monitoring_hours", 0, 24 * 365, 24),
  TEXT ("rollback_plan"),
  TEXT ("monitoring_plan"),
  TEXT ("release_notes"),
  DATE ("released_at"),
  ENUM ("postmortem", rp_postmortem_states, "none"),
  DATE ("postmortem_date"),
  TEXT ("feedback"),
  { .name = "created_at", .type = RP_COLUMN_TIMESTAMP },
  { .name = "updated_at", .type = RP_COLUMN_TIMESTAMP },
};

static const RpColumn owner_columns[] = {
  PARENT ("release_id", RP_ENTITY_RELEASE),
  ENUM ("role", rp_owner_roles, "release_manager"),
  { .name = "person_id", .type = RP_COLUMN_REF, .flags = RP_COLUMN_REQUIRED,
    .ref = RP_ENTITY_PERSON, .on_delete = RP_ON_DELETE_RESTRICT },
  TEXT ("component"),
};

static const RpColumn scope_item_columns[] = {
  PARENT ("release_id", RP_ENTITY_RELEASE),
  NAME ("title"),
  TEXT ("description"),
  ENUM ("status", rp_scope_statuses, "planned"),
  PERSON ("owner_id"),
  BOOL ("risky", FALSE),
  TEXT ("feature_flag"),
};

static const RpColumn criterion_columns[] = {
  PARENT ("scope_item_id", RP_ENTITY_SCOPE_ITEM),
  NAME ("text"),
  BOOL ("met", FALSE),
};

static const RpColumn dependency_columns[] = {
  PARENT ("release_id", RP_ENTITY_RELEASE),
  NAME ("title"),
  ENUM ("kind", rp_dependency_kinds, "other"),
  { .name = "depends_on_release_id", .type = RP_COLUMN_REF, .ref = RP_ENTITY_RELEASE,
    .on_delete = RP_ON_DELETE_SET_NULL },
  ENUM ("status", rp_dependency_statuses, "open"),
  PERSON ("owner_id"),
  DATE ("due"),
  TEXT ("notes"),
};

static const RpColumn risk_columns[] = {
  PARENT ("release_id", RP_ENTITY_RELEASE),
  NAME ("title"),
  INT ("likelihood", 1, 5, 3),
  INT ("impact", 1, 5, 3),
  TEXT ("mitigation"),
  PERSON ("owner_id"),
  ENUM ("status", rp_risk_statuses, "open"),
};

static const RpColumn checklist_section_columns[] = {
  PARENT ("release_id", RP_ENTITY_RELEASE),
  NAME ("name"),
  BOOL ("complete_before_deploy", TRUE),
};

static const RpColumn checklist_item_columns[] = {
  PARENT ("section_id", RP_ENTITY_CHECKLIST_SECTION),
  NAME ("text"),
  ENUM ("state", rp_item_states, "open"),
  PERSON ("assignee_id"),
  DATE ("due"),
  TEXT ("notes"),
  { .name = "done_at", .type = RP_COLUMN_TIMESTAMP },
};

static const RpColumn rollout_stage_columns[] = {
  PARENT ("release_id", RP_ENTITY_RELEASE),
  NAME ("name"),
  INT ("percent", 0, 100, 0),
  INT ("hold_minutes", 0, 60 * 24 * 90, 60),
  ENUM ("status", rp_stage_statuses, "pending"),
  TEXT ("criteria"),
};

static const RpColumn feature_flag_columns[] = {
  PARENT ("release_id", RP_ENTITY_RELEASE),
  NAME ("key"),
  ENUM ("state", rp_flag_states, "off"),
  INT ("percent", 0, 100, 0),
  DATE ("cleanup_due"),
};

static const RpColumn decision_columns[] = {
  PARENT ("release_id", RP_ENTITY_RELEASE),
  { .name = "at", .type = RP_COLUMN_TIMESTAMP, .flags = RP_COLUMN_REQUIRED },
  ENUM ("decision", rp_decisions, "go"),
  PERSON ("by_id"),
  TEXT ("notes"),
  { .name = "readiness", .type = RP_COLUMN_JSON },
};

#define ENTITY(e, n, l, p, cols) \
  [e] = { e, n, l, p, TRUE, cols, G_N_ELEMENTS (cols) }

static const RpEntityInfo entities[RP_N_ENTITIES] = {
  ENTITY (RP_ENTITY_PERSON, "person", "person", -1, person_columns),
  ENTITY (RP_ENTITY_FREEZE_WINDOW, "freeze_window", "freeze window", -1, freeze_window_columns),
  ENTITY (RP_ENTITY_TEMPLATE, "template", "template", -1, template_columns),
  ENTITY (RP_ENTITY_TEMPLATE_SECTION, "template_section", "template section", 0, template_section_columns),
  ENTITY (RP_ENTITY_TEMPLATE_ITEM, "template_item", "template item", 0, template_item_columns),
  ENTITY (RP_ENTITY_RELEASE, "release", "release", -1, release_columns),
  ENTITY (RP_ENTITY_OWNER, "owner", "owner", 0, owner_columns),
  ENTITY (RP_ENTITY_SCOPE_ITEM, "scope_item", "scope item", 0, scope_item_columns),
  ENTITY (RP_ENTITY_CRITERION, "acceptance_criterion", "acceptance criterion", 0, criterion_columns),
  ENTITY (RP_ENTITY_DEPENDENCY, "dependency", "dependency", 0, dependency_columns),
  ENTITY (RP_ENTITY_RISK, "risk", "risk", 0, risk_columns),
  ENTITY (RP_ENTITY_CHECKLIST_SECTION, "checklist_section", "checklist section", 0, checklist_section_columns),
  ENTITY (RP_ENTITY_CHECKLIST_ITEM, "checklist_item", "checklist item", 0, checklist_item_columns),
  ENTITY (RP_ENTITY_ROLLOUT_STAGE, "rollout_stage", "rollout stage", 0, rollout_stage_columns),
  ENTITY (RP_ENTITY_FEATURE_FLAG, "feature_flag", "feature flag", 0, feature_flag_columns),
  ENTITY (RP_ENTITY_DECISION, "decision", "decision", 0, decision_columns),
};

const RpEntityInfo *
rp_entity_get_info (RpEntity entity)
{
  g_return_val_if_fail (entity < RP_N_ENTITIES, NULL);
  return &entities[entity];
}

RpEntity
rp_entity_from_name (const char *name)
{
  for (guint i = 0; i < RP_N_ENTITIES; i++)
    if (g_strcmp0 (entities[i].name, name) == 0)
      return i;
  return RP_N_ENTITIES;
}

int
rp_entity_find_column (RpEntity entity, const char *column)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);

  for (guint i = 0; i < info->n_columns; i++)
    if (strcmp (info->columns[i].name, column) == 0)
      return i;
  return -1;
}

const RpColumn *
rp_entity_get_column (RpEntity entity, const char *column)
{
  int i = rp_entity_find_column (entity, column);
  return i < 0 ? NULL : &entities[entity].columns[i];
}

gboolean
rp_strv_contains_static (const char *const *values, const char *value)
{
  for (; values && *values; values++)
    if (g_strcmp0 (*values, value) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_digits (const char *text, guint n, guint *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  *out = v;
  return TRUE;
}

GDate *
rp_date_parse (const char *text)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) || !parse_digits (text + 8, 2, &d))
    return NULL;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

gboolean
rp_date_is_valid (const char *text)
{
  g_autoptr (GDate) date = rp_date_parse (text);
  return date != NULL;
}

char *
rp_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
rp_time_is_valid (const char *text)
{
  guint h, m;

  return text != NULL && strlen (text) == 5 && text[2] == ':' && parse_digits (text, 2, &h) &&
         parse_digits (text + 3, 2, &m) && h < 24 && m < 60;
}

gboolean
rp_timestamp_is_valid (const char *text)
{
  guint h, m, s;
  g_autofree char *date = NULL;

  if (text == NULL || strlen (text) != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z')
    return FALSE;
  date = g_strndup (text, 10);
  return rp_date_is_valid (date) && parse_digits (text + 11, 2, &h) && parse_digits (text + 14, 2, &m) &&
         parse_digits (text + 17, 2, &s) && h < 24 && m < 60 && s < 61;
}

char *
rp_timestamp_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Checks one value against its column; on failure sets *message to what a
 * person should read after the column's name ("must be 1..5"). */
gboolean
rp_column_check_value (const RpColumn *column, GVariant *value, char **message)
{
  const char *text = NULL;

  g_return_val_if_fail (column != NULL, FALSE);

  if (value == NULL)
    {
      if (column->flags & RP_COLUMN_REQUIRED)
        {
          *message = g_strdup ("is required");
          return FALSE;
        }
      return TRUE;
    }

  switch (column->type)
    {
    case RP_COLUMN_INT:
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        {
          *message = g_strdup ("must be a whole number");
          return FALSE;
        }
      if (g_variant_get_int64 (value) < column->min || g_variant_get_int64 (value) > column->max)
        {
          *message = g_strdup_printf ("must be %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT, column->min, column->max);
          return FALSE;
        }
      return TRUE;

    case RP_COLUMN_BOOL:
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        {
          *message = g_strdup ("must be true or false");
          return FALSE;
        }
      return TRUE;

    default:
      break;
    }

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      *message = g_strdup ("must be text");
      return FALSE;
    }
  text = g_variant_get_string (value, NULL);

  switch (column->type)
    {
    case RP_COLUMN_TEXT:
      if (column->flags & RP_COLUMN_NONEMPTY)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (text));
          if (*stripped == '\0')
            {
              *message = g_strdup ("must not be empty");
              return FALSE;
            }
        }
      return TRUE;

    case RP_COLUMN_DATE:
      if (!rp_date_is_valid (text))
        {
          *message = g_strdup_printf ("must be a date YYYY-MM-DD (got “%s”)", text);
          return FALSE;
        }
      return TRUE;

    case RP_COLUMN_TIMESTAMP:
      if (!rp_timestamp_is_valid (text))
        {
          *message = g_strdup_printf ("must be a UTC time YYYY-MM-DDTHH:MM:SSZ (got “%s”)", text);
          return FALSE;
        }
      return TRUE;

    case RP_COLUMN_TIME:
      if (!rp_time_is_valid (text))
        {
          *message = g_strdup_printf ("must be a time HH:MM (got “%s”)", text);
          return FALSE;
        }
      return TRUE;

    case RP_COLUMN_ENUM:
      if (!rp_strv_contains_static (column->values, text))
        {
          g_autofree char *joined = g_strjoinv ("|", (char **) column->values);
          *message = g_strdup_printf ("must be one of %s (got “%s”)", joined, text);
          return FALSE;
        }
      return TRUE;

    case RP_COLUMN_REF:
      if (*text == '\0')
        {
          *message = g_strdup ("must be an id");
          return FALSE;
        }
      return TRUE;

    case RP_COLUMN_JSON:
    case RP_COLUMN_INT:
    case RP_COLUMN_BOOL:
    default:
      return TRUE;
    }
}
