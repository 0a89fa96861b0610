/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-entity.h"
#include "rp-record-private.h"
#include "rp-records.h"
#include "rp-store.h"

typedef struct
{
  RpEntity entity;
  char *id;
  gint64 position; /* -1: append after the last sibling on insert */
  GVariant **values;
} RpRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RpRecord, rp_record, G_TYPE_OBJECT)

#define PRIV(r) ((RpRecordPrivate *) rp_record_get_instance_private (r))

enum
{
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_record_finalize (GObject *object)
{
  RpRecordPrivate *priv = PRIV (RP_RECORD (object));

  if (priv->values != NULL)
    {
      const RpEntityInfo *info = rp_entity_get_info (priv->entity);

      for (guint i = 0; i < info->n_columns; i++)
        g_clear_pointer (&priv->values[i], g_variant_unref);
      g_free (priv->values);
    }
  g_free (priv->id);

  G_OBJECT_CLASS (rp_record_parent_class)->finalize (object);
}

static void
rp_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, PRIV (RP_RECORD (object))->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_record_class_init (RpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_record_finalize;
  object_class->get_property = rp_record_get_property;

  properties[PROP_ID] =
      g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_record_init (RpRecord *self)
{
  PRIV (self)->position = -1;
}

/* The typed faces: property N + 1 of a face is column N of its entity. */

static void
get_column_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpRecordPrivate *priv = PRIV (RP_RECORD (object));
  const RpEntityInfo *info = rp_entity_get_info (priv->entity);
  guint index = prop_id - 1;
  GVariant *v;

  if (prop_id == 0 || index >= info->n_columns)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  v = priv->values[index];
  switch (info->columns[index].type)
    {
    case RP_COLUMN_INT:
      g_value_set_int (value, v ? (int) g_variant_get_int64 (v) : 0);
      break;
    case RP_COLUMN_BOOL:
      g_value_set_boolean (value, v ? g_variant_get_boolean (v) : FALSE);
      break;
    case RP_COLUMN_ENUM:
      g_value_set_enum (value, _rp_record_get_enum_at (RP_RECORD (object), index));
      break;
    default:
      g_value_set_string (value, v ? g_variant_get_string (v, NULL) : NULL);
      break;
    }
}

void
_rp_record_class_install_columns (GObjectClass *klass, RpEntity entity)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  klass->get_property = get_column_property;
  for (guint i = 0; i < info->n_columns; i++)
    {
      const RpColumn *c = &info->columns[i];
      GParamSpec *pspec;

      switch (c->type)
        {
        case RP_COLUMN_INT:
          pspec = g_param_spec_int (c->property, NULL, NULL, c->min, c->max, c->default_int, flags);
          break;
        case RP_COLUMN_BOOL:
          pspec = g_param_spec_boolean (c->property, NULL, NULL, c->default_int != 0, flags);
          break;
        case RP_COLUMN_ENUM:
          pspec = g_param_spec_enum (c->property, NULL, NULL, c->enum_type (),
                                     rp_entity_enum_index (c, c->default_text), flags);
          break;
        default:
          pspec = g_param_spec_string (c->property, NULL, NULL, NULL, flags);
          break;
        }
      g_object_class_install_property (klass, i + 1, pspec);
    }
}

const char *
_rp_record_get_text_at (RpRecord *self, guint index)
{
  GVariant *v = PRIV (self)->values[index];

  return v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_STRING) ? g_variant_get_string (v, NULL) : NULL;
}

int
_rp_record_get_int_at (RpRecord *self, guint index)
{
  GVariant *v = PRIV (self)->values[index];

  return v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_INT64) ? (int) g_variant_get_int64 (v) : 0;
}

gboolean
_rp_record_get_bool_at (RpRecord *self, guint index)
{
  GVariant *v = PRIV (self)->values[index];

  return v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN) && g_variant_get_boolean (v);
}

int
_rp_record_get_enum_at (RpRecord *self, guint index)
{
  const RpColumn *column = &rp_entity_get_info (PRIV (self)->entity)->columns[index];
  int value = rp_entity_enum_index (column, _rp_record_get_text_at (self, index));

  /* A record always holds one of the values: the store checks every write. */
  return value < 0 ? 0 : value;
}

gboolean
_rp_record_get_date_at (RpRecord *self, guint index, GDate *date)
{
  const char *text = _rp_record_get_text_at (self, index);

  g_return_val_if_fail (date != NULL, FALSE);
  g_date_clear (date, 1);
  return rp_date_parse_into (text, date);
}

static RpRecord *
record_alloc (RpEntity entity, const char *id)
{
  RpRecord *self = g_object_new (rp_entity_get_record_type (entity), NULL);
  RpRecordPrivate *priv = PRIV (self);
  const RpEntityInfo *info = rp_entity_get_info (entity);

  priv->entity = entity;
  priv->id = g_strdup (id);
  priv->values = g_new0 (GVariant *, info->n_columns);
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
        PRIV (self)->values[i] = g_variant_ref_sink (g_variant_new_int64 (c->default_int));
      else if (c->type == RP_COLUMN_BOOL)
        PRIV (self)->values[i] = g_variant_ref_sink (g_variant_new_boolean (c->default_int != 0));
      else if (c->default_text != NULL)
        PRIV (self)->values[i] = g_variant_ref_sink (g_variant_new_string (c->default_text));
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

  info = rp_entity_get_info (PRIV (self)->entity);
  copy = record_alloc (PRIV (self)->entity, PRIV (self)->id);
  PRIV (copy)->position = PRIV (self)->position;
  for (guint i = 0; i < info->n_columns; i++)
    PRIV (copy)->values[i] = PRIV (self)->values[i] ? g_variant_ref (PRIV (self)->values[i]) : NULL;
  return copy;
}

RpEntity
rp_record_get_entity (RpRecord *self)
{
  g_return_val_if_fail (RP_IS_RECORD (self), RP_N_ENTITIES);
  return PRIV (self)->entity;
}

const char *
rp_record_get_id (RpRecord *self)
{
  g_return_val_if_fail (RP_IS_RECORD (self), NULL);
  return PRIV (self)->id;
}

void
rp_record_set_id (RpRecord *self, const char *id)
{
  g_return_if_fail (RP_IS_RECORD (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_free (PRIV (self)->id);
  PRIV (self)->id = g_strdup (id);
}

gint64
rp_record_get_position (RpRecord *self)
{
  g_return_val_if_fail (RP_IS_RECORD (self), -1);
  return PRIV (self)->position;
}

void
rp_record_set_position (RpRecord *self, gint64 position)
{
  g_return_if_fail (RP_IS_RECORD (self));
  PRIV (self)->position = position;
}

const char *
rp_record_get_parent_id (RpRecord *self)
{
  const RpEntityInfo *info;

  g_return_val_if_fail (RP_IS_RECORD (self), NULL);
  info = rp_entity_get_info (PRIV (self)->entity);
  if (info->parent_column < 0 || PRIV (self)->values[info->parent_column] == NULL)
    return NULL;
  return g_variant_get_string (PRIV (self)->values[info->parent_column], NULL);
}

static int
column_index (RpRecord *self, const char *column)
{
  int i = rp_entity_find_column (PRIV (self)->entity, column);

  if (i < 0)
    g_critical ("%s has no column “%s”", rp_entity_get_info (PRIV (self)->entity)->name, column);
  return i;
}

GVariant *
rp_record_get_value_at (RpRecord *self, guint index)
{
  g_return_val_if_fail (RP_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < rp_entity_get_info (PRIV (self)->entity)->n_columns, NULL);
  return PRIV (self)->values[index];
}

void
rp_record_set_value_at (RpRecord *self, guint index, GVariant *value)
{
  g_return_if_fail (RP_IS_RECORD (self));
  g_return_if_fail (index < rp_entity_get_info (PRIV (self)->entity)->n_columns);

  if (value != NULL)
    g_variant_ref_sink (value);
  g_clear_pointer (&PRIV (self)->values[index], g_variant_unref);
  PRIV (self)->values[index] = value;
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
  return i < 0 ? NULL : PRIV (self)->values[i];
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

const char *
rp_record_get_label (RpRecord *self)
{
  const RpEntityInfo *info;

  g_return_val_if_fail (RP_IS_RECORD (self), NULL);
  info = rp_entity_get_info (PRIV (self)->entity);
  for (guint i = 0; i < info->n_columns; i++)
    if (info->columns[i].type == RP_COLUMN_TEXT && (info->columns[i].flags & RP_COLUMN_NONEMPTY))
      return _rp_record_get_text_at (self, i);
  return NULL;
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

  if (PRIV (a)->entity != PRIV (b)->entity || g_strcmp0 (PRIV (a)->id, PRIV (b)->id) != 0 ||
      PRIV (a)->position != PRIV (b)->position)
    return FALSE;
  info = rp_entity_get_info (PRIV (a)->entity);
  for (guint i = 0; i < info->n_columns; i++)
    {
      if ((PRIV (a)->values[i] == NULL) != (PRIV (b)->values[i] == NULL))
        return FALSE;
      if (PRIV (a)->values[i] && !g_variant_equal (PRIV (a)->values[i], PRIV (b)->values[i]))
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

  info = rp_entity_get_info (PRIV (self)->entity);
  for (guint i = 0; i < info->n_columns; i++)
    {
      g_autofree char *message = NULL;

      if (!rp_column_check_value (&info->columns[i], PRIV (self)->values[i], &message))
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID, "%s %s: %s", info->label,
                       info->columns[i].name, message);
          return FALSE;
        }
    }

  /* Rules that span columns. */
  if (RP_IS_OWNER (self))
    {
      RpOwner *owner = RP_OWNER (self);

      if (rp_owner_get_role (owner) == RP_OWNER_ROLE_COMPONENT)
        {
          const char *component = rp_owner_get_component (owner);

          if (rp_str_is_blank (component))
            {
              g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           "owner component: a component owner needs the component's name");
              return FALSE;
            }
        }
      /* Only a component may wait for its owner: that is what the
       * readiness rule owners.component reports. */
      else if (rp_owner_get_person_id (owner) == NULL)
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID, "owner person_id: is required for a %s",
                       rp_owner_roles[rp_owner_get_role (owner)]);
          return FALSE;
        }
    }
  if (RP_IS_FREEZE_WINDOW (self) && g_strcmp0 (rp_freeze_window_get_start_date (RP_FREEZE_WINDOW (self)),
                                               rp_freeze_window_get_end_date (RP_FREEZE_WINDOW (self))) > 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   "freeze window end_date: must not be before its start");
      return FALSE;
    }
  return TRUE;
}
