/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-entity.h"
#include "rp-record.h"
#include "rp-store.h"

struct _RpRecord
{
  GObject parent_instance;

  RpEntity entity;
  char *id;
  gint64 position; /* -1: append after the last sibling on insert */
  GVariant **values;
};

G_DEFINE_FINAL_TYPE (RpRecord, rp_record, G_TYPE_OBJECT)

static void
rp_record_finalize (GObject *object)
{
  RpRecord *self = RP_RECORD (object);
  const RpEntityInfo *info = rp_entity_get_info (self->entity);

  for (guint i = 0; i < info->n_columns; i++)
    g_clear_pointer (&self->values[i], g_variant_unref);
  g_free (self->values);
  g_free (self->id);

  G_OBJECT_CLASS (rp_record_parent_class)->finalize (object);
}

static void
rp_record_class_init (RpRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_record_finalize;
}

static void
rp_record_init (RpRecord *self)
{
  self->position = -1;
}

static RpRecord *
record_alloc (RpEntity entity, const char *id)
{
  RpRecord *self = g_object_new (RP_TYPE_RECORD, NULL);
  const RpEntityInfo *info = rp_entity_get_info (entity);

  self->entity = entity;
  self->id = g_strdup (id);
  self->values = g_new0 (GVariant *, info->n_columns);
  return self;
}

/**
 * rp_record_new_with_id:
 * @entity: the kind of row
 * @id: the row's id
 *
 * Returns: (transfer full): a record with the column defaults of @entity.
 */
RpRecord *
rp_record_new_with_id (RpEntity entity, const char *id)
{
  const RpEntityInfo *info;
  RpRecord *self;

  g_return_val_if_fail (entity < RP_N_ENTITIES, NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  info = rp_entity_get_info (entity);
  self = record_alloc (entity, id);
  for (guint i = 0; i < info->n_columns; i++)
    {
      const RpColumn *c = &info->columns[i];

      if (c->type == RP_COLUMN_INT && (c->flags & RP_COLUMN_REQUIRED))
        self->values[i] = g_variant_ref_sink (g_variant_new_int64 (c->default_int));
      else if (c->type == RP_COLUMN_BOOL)
        self->values[i] = g_variant_ref_sink (g_variant_new_boolean (c->default_int != 0));
      else if (c->default_text != NULL)
        self->values[i] = g_variant_ref_sink (g_variant_new_string (c->default_text));
    }
  return self;
}

/**
 * rp_record_new:
 * @entity: the kind of row
 *
 * Returns: (transfer full): a record with a new random id and defaults.
 */
RpRecord *
rp_record_new (RpEntity entity)
{
  g_autofree char *id = g_uuid_string_random ();
  return rp_record_new_with_id (entity, id);
}

/**
 * rp_record_copy:
 *
 * Returns: (transfer full): a copy that can be changed on its own.
 */
RpRecord *
rp_record_copy (RpRecord *self)
{
  const RpEntityInfo *info;
  RpRecord *copy;

  g_return_val_if_fail (RP_IS_RECORD (self), NULL);

  info = rp_entity_get_info (self->entity);
  copy = record_alloc (self->entity, self->id);
  copy->position = self->position;
  for (guint i = 0; i < info->n_columns; i++)
    copy->values[i] = self->values[i] ? g_variant_ref (self->values[i]) : NULL;
  return copy;
}

RpEntity
rp_record_get_entity (RpRecord *self)
{
  g_return_val_if_fail (RP_IS_RECORD (self), RP_N_ENTITIES);
  return self->entity;
}

const char *
rp_record_get_id (RpRecord *self)
{
  g_return_val_if_fail (RP_IS_RECORD (self), NULL);
  return self->id;
}

void
rp_record_set_id (RpRecord *self, const char *id)
{
  g_return_if_fail (RP_IS_RECORD (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_free (self->id);
  self->id = g_strdup (id);
}

gint64
rp_record_get_position (RpRecord *self)
{
  g_return_val_if_fail (RP_IS_RECORD (self), -1);
  return self->position;
}

void
rp_record_set_position (RpRecord *self, gint64 position)
{
  g_return_if_fail (RP_IS_RECORD (self));
  self->position = position;
}

const char *
rp_record_get_parent_id (RpRecord *self)
{
  const RpEntityInfo *info;

  g_return_val_if_fail (RP_IS_RECORD (self), NULL);
  info = rp_entity_get_info (self->entity);
  if (info->parent_column < 0 || self->values[info->parent_column] == NULL)
    return NULL;
  return g_variant_get_string (self->values[info->parent_column], NULL);
}

static int
column_index (RpRecord *self, const char *column)
{
  int i = rp_entity_find_column (self->entity, column);

  if (i < 0)
    g_critical ("%s has no column “%s”", rp_entity_get_info (self->entity)->name, column);
  return i;
}

GVariant *
rp_record_get_value_at (RpRecord *self, guint index)
{
  g_return_val_if_fail (RP_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < rp_entity_get_info (self->entity)->n_columns, NULL);
  return self->values[index];
}

void
rp_record_set_value_at (RpRecord *self, guint index, GVariant *value)
{
  g_return_if_fail (RP_IS_RECORD (self));
  g_return_if_fail (index < rp_entity_get_info (self->entity)->n_columns);

  if (value != NULL)
    g_variant_ref_sink (value);
  g_clear_pointer (&self->values[index], g_variant_unref);
  self->values[index] = value;
}

/**
 * rp_record_get_value:
 *
 * Returns: (transfer none) (nullable): the value, NULL for SQL NULL.
 */
GVariant *
rp_record_get_value (RpRecord *self, const char *column)
{
  int i;

  g_return_val_if_fail (RP_IS_RECORD (self), NULL);
  i = column_index (self, column);
  return i < 0 ? NULL : self->values[i];
}

void
rp_record_set_value (RpRecord *self, const char *column, GVariant *value)
{
  int i;

  g_return_if_fail (RP_IS_RECORD (self));
  i = column_index (self, column);
  if (i >= 0)
    rp_record_set_value_at (self, i, value);
  else if (value != NULL)
    g_variant_unref (g_variant_ref_sink (value));
}

gboolean
rp_record_is_null (RpRecord *self, const char *column)
{
  return rp_record_get_value (self, column) == NULL;
}

const char *
rp_record_get_string (RpRecord *self, const char *column)
{
  GVariant *v = rp_record_get_value (self, column);

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return NULL;
  return g_variant_get_string (v, NULL);
}

gint64
rp_record_get_int (RpRecord *self, const char *column)
{
  GVariant *v = rp_record_get_value (self, column);

  if (v == NULL)
    return 0;
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_get_boolean (v);
  if (!g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return 0;
  return g_variant_get_int64 (v);
}

gboolean
rp_record_get_bool (RpRecord *self, const char *column)
{
  return rp_record_get_int (self, column) != 0;
}

void
rp_record_set_string (RpRecord *self, const char *column, const char *value)
{
  rp_record_set_value (self, column, value ? g_variant_new_string (value) : NULL);
}

void
rp_record_set_int (RpRecord *self, const char *column, gint64 value)
{
  rp_record_set_value (self, column, g_variant_new_int64 (value));
}

void
rp_record_set_bool (RpRecord *self, const char *column, gboolean value)
{
  rp_record_set_value (self, column, g_variant_new_boolean (value));
}

void
rp_record_set_null (RpRecord *self, const char *column)
{
  rp_record_set_value (self, column, NULL);
}

gboolean
rp_record_equal (RpRecord *a, RpRecord *b)
{
  const RpEntityInfo *info;

  g_return_val_if_fail (RP_IS_RECORD (a) && RP_IS_RECORD (b), FALSE);

  if (a->entity != b->entity || g_strcmp0 (a->id, b->id) != 0 || a->position != b->position)
    return FALSE;
  info = rp_entity_get_info (a->entity);
  for (guint i = 0; i < info->n_columns; i++)
    {
      if ((a->values[i] == NULL) != (b->values[i] == NULL))
        return FALSE;
      if (a->values[i] && !g_variant_equal (a->values[i], b->values[i]))
        return FALSE;
    }
  return TRUE;
}

/**
 * rp_record_validate:
 *
 * Checks every value against the data model. The error message names the
 * entity and column: "risk likelihood: must be 1..5".
 */
gboolean
rp_record_validate (RpRecord *self, GError **error)
{
  const RpEntityInfo *info;

  g_return_val_if_fail (RP_IS_RECORD (self), FALSE);

  info = rp_entity_get_info (self->entity);
  for (guint i = 0; i < info->n_columns; i++)
    {
      g_autofree char *message = NULL;

      if (!rp_column_check_value (&info->columns[i], self->values[i], &message))
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID, "%s %s: %s", info->label,
                       info->columns[i].name, message);
          return FALSE;
        }
    }

  /* Rules that span columns. */
  if (self->entity == RP_ENTITY_OWNER &&
      g_strcmp0 (rp_record_get_string (self, "role"), "component") == 0)
    {
      const char *component = rp_record_get_string (self, "component");
      g_autofree char *stripped = g_strstrip (g_strdup (component ? component : ""));

      if (*stripped == '\0')
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                       "owner component: a component owner needs the component's name");
          return FALSE;
        }
    }
  if (self->entity == RP_ENTITY_FREEZE_WINDOW &&
      g_strcmp0 (rp_record_get_string (self, "start_date"), rp_record_get_string (self, "end_date")) > 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   "freeze window end_date: must not be before its start");
      return FALSE;
    }
  return TRUE;
}
