/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"

#include "rp-enum-types.h"
#include "rp-entity-table.h"

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

int
rp_entity_enum_index (const RpColumn *column, const char *text)
{
  g_return_val_if_fail (column != NULL && column->type == RP_COLUMN_ENUM, -1);

  for (guint i = 0; text != NULL && column->values[i] != NULL; i++)
    if (strcmp (column->values[i], text) == 0)
      return i;
  return -1;
}

gboolean
rp_str_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
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

/* Sets @date from "YYYY-MM-DD" (the date part of a timestamp too);
 * FALSE, leaving @date as it was, when @text is not a real date. */
gboolean
rp_date_parse_into (const char *text, GDate *date)
{
  guint y, m, d;
  size_t length;

  g_return_val_if_fail (date != NULL, FALSE);

  length = text != NULL ? strlen (text) : 0;
  if ((length != 10 && (length != 20 || text[10] != 'T')) || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) || !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

GDate *
rp_date_parse (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text == NULL || strlen (text) != 10 || !rp_date_parse_into (text, &date))
    return NULL;
  return g_date_copy (&date);
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
          *message =
              g_strdup_printf ("must be %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT, column->min, column->max);
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

    case RP_COLUMN_DATE_OR_TIMESTAMP:
      if (!rp_date_is_valid (text) && !rp_timestamp_is_valid (text))
        {
          *message =
              g_strdup_printf ("must be a date YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM:SSZ (got “%s”)",
                               text);
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
      if (rp_entity_enum_index (column, text) < 0)
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
