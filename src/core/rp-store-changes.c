/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-entity.h"
#include "rp-store-private.h"

/* What one commit changed, row by row: collected while the group is
 * open (each write adds its row or merges into the row's entry), then
 * frozen and handed to ::rows-changed and ::changed. A write costs one
 * hash lookup, so a group of N writes costs N, not N². */

/* A row with what the commit needs to know whether it moved. */
typedef struct
{
  RpRowChange change; /* first, so that a Row is an RpRowChange */
  gint64 old_position;
  gint64 new_position;
} Row;

struct _RpStoreChanges
{
  grefcount ref_count;
  gboolean everything;
  GArray *rows; /* of Row, strings owned, in the order first touched */

  /* while collecting: id -> index + 1, per entity */
  GHashTable *by_id[RP_N_ENTITIES];
  guint setting_row; /* index + 1 of the row of the settings, or 0 */

  /* once frozen, made on the first question: the parents whose lists
   * changed, per entity, and the number of rows per entity */
  GHashTable *parents[RP_N_ENTITIES];
  guint per_entity[RP_N_ENTITIES];
  gboolean indexed;
};

G_DEFINE_BOXED_TYPE (RpStoreChanges, rp_store_changes, rp_store_changes_ref, rp_store_changes_unref)

static void
row_change_clear (gpointer data)
{
  RpRowChange *row = &((Row *) data)->change;

  g_free ((char *) row->id);
  g_free ((char *) row->old_parent_id);
  g_free ((char *) row->new_parent_id);
}

RpStoreChanges *
_rp_store_changes_new (gboolean everything)
{
  RpStoreChanges *self = g_new0 (RpStoreChanges, 1);

  g_ref_count_init (&self->ref_count);
  self->everything = everything;
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_change_clear);
  return self;
}

static void
clear_tables (GHashTable **tables)
{
  for (guint e = 0; e < RP_N_ENTITIES; e++)
    g_clear_pointer (&tables[e], g_hash_table_unref);
}

RpStoreChanges *
rp_store_changes_ref (RpStoreChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_store_changes_unref (RpStoreChanges *self)
{
  g_return_if_fail (self != NULL);
  if (!g_ref_count_dec (&self->ref_count))
    return;
  clear_tables (self->by_id);
  clear_tables (self->parents);
  g_array_unref (self->rows);
  g_free (self);
}

/* A write of one row: @before is the row before it (NULL: an insert),
 * @after the row after it (NULL: a delete). */
void
_rp_store_changes_add_row (RpStoreChanges *self, RpRecord *before, RpRecord *after)
{
  RpRecord *any = before ? before : after;
  RpEntity entity = rp_record_get_entity (any);
  const char *id = rp_record_get_id (any);
  Row *row;
  guint index;

  if (self->by_id[entity] == NULL)
    self->by_id[entity] = g_hash_table_new (g_str_hash, g_str_equal);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id[entity], id));
  if (index == 0)
    {
      Row fresh = { { entity, g_strdup (id), NULL, NULL, before != NULL, FALSE, FALSE }, -1, -1 };

      if (before != NULL)
        {
          fresh.change.old_parent_id = g_strdup (rp_record_get_parent_id (before));
          fresh.old_position = rp_record_get_position (before);
        }
      g_array_append_val (self->rows, fresh);
      index = self->rows->len;
      g_hash_table_insert (self->by_id[entity], (gpointer) fresh.change.id, GUINT_TO_POINTER (index));
    }
  row = &g_array_index (self->rows, Row, index - 1);
  g_free ((char *) row->change.new_parent_id);
  row->change.new_parent_id = after ? g_strdup (rp_record_get_parent_id (after)) : NULL;
  row->change.exists = after != NULL;
  row->new_position = after ? rp_record_get_position (after) : -1;
}

void
_rp_store_changes_add_setting (RpStoreChanges *self)
{
  Row row = { { RP_N_ENTITIES, NULL, NULL, NULL, FALSE, FALSE, FALSE }, -1, -1 };

  if (self->setting_row != 0)
    return;
  g_array_append_val (self->rows, row);
  self->setting_row = self->rows->len;
}

/* The group is committed: what is left is the difference between its two
 * ends. */
void
_rp_store_changes_freeze (RpStoreChanges *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      row->change.moved = row->change.existed && row->change.exists &&
                          (row->old_position != row->new_position ||
                           g_strcmp0 (row->change.old_parent_id, row->change.new_parent_id) != 0);
    }
  clear_tables (self->by_id);
}

/**
 * rp_store_changes_is_everything:
 *
 * Returns: TRUE when anything may have changed (another process wrote the
 * file): then there are no rows, and whoever follows the store reloads.
 */
gboolean
rp_store_changes_is_everything (RpStoreChanges *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->everything;
}

guint
rp_store_changes_get_n_rows (RpStoreChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

/**
 * rp_store_changes_get_row:
 *
 * Returns: (transfer none): the @index-th row touched, in the order the
 * commit first touched them
 */
const RpRowChange *
rp_store_changes_get_row (RpStoreChanges *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, Row, index).change;
}

static void
add_parent (RpStoreChanges *self, RpEntity entity, const char *parent_id)
{
  if (parent_id == NULL)
    return;
  if (self->parents[entity] == NULL)
    self->parents[entity] = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (self->parents[entity], (gpointer) parent_id);
}

/**
 * rp_store_changes_touches:
 * @parent_id: (nullable): NULL asks about any row of @entity
 *
 * Whether a list of @entity under @parent_id (what rp_store_list() gives
 * for them) may look different after this commit: a row of it changed,
 * came or went. Answers in constant time.
 */
gboolean
rp_store_changes_touches (RpStoreChanges *self, RpEntity entity, const char *parent_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entity < RP_N_ENTITIES, FALSE);

  if (self->everything)
    return TRUE;
  if (!self->indexed)
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          const RpRowChange *row = &g_array_index (self->rows, Row, i).change;

          /* A row added and deleted again in the same group changed no list. */
          if (row->entity == RP_N_ENTITIES || (!row->existed && !row->exists))
            continue;
          self->per_entity[row->entity]++;
          add_parent (self, row->entity, row->old_parent_id);
          add_parent (self, row->entity, row->new_parent_id);
        }
      self->indexed = TRUE;
    }
  if (parent_id == NULL || rp_entity_get_info (entity)->parent_column < 0)
    return self->per_entity[entity] > 0;
  return self->parents[entity] != NULL && g_hash_table_contains (self->parents[entity], parent_id);
}
