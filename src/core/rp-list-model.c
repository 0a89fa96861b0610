/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-entity.h"
#include "rp-list-model.h"
#include "rp-records.h"

/* How a model follows the store: on ::rows-changed it asks the commit
 * whether its list is touched (constant time), and if so either fetches
 * the few rows whose values changed in place, or lists its rows again
 * (one query, whatever the commit did: an import of a thousand rows costs
 * what an edit does). The new listing keeps the snapshot the model had
 * for every row that did not change; the range between the first and the
 * last row that differ by pointer is the one ::items-changed. */

/* Fetching rows by id beats listing them all only for a few. */
#define IN_PLACE_MAX 8
/* A commit of more rows than this is not looked at row by row. */
#define SCAN_MAX 64

struct _RpListModel
{
  GObject parent_instance;

  /* borrowed: a weak reference, cleared by on_store_gone_cb */
  RpStore *store;
  gulong rows_changed_id;

  RpEntity entity;
  char *parent_id;

  /* owned */
  GPtrArray *items;      /* of RpRecord */
  GHashTable *positions; /* id -> position + 1; NULL until asked after a change */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpListModel, rp_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ENTITY,
  PROP_PARENT_ID,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static GType
rp_list_model_get_item_type (GListModel *model)
{
  return rp_entity_get_record_type (RP_LIST_MODEL (model)->entity);
}

static guint
rp_list_model_get_n_items (GListModel *model)
{
  return RP_LIST_MODEL (model)->items->len;
}

static gpointer
rp_list_model_get_item (GListModel *model, guint position)
{
  RpListModel *self = RP_LIST_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rp_list_model_get_item_type;
  iface->get_n_items = rp_list_model_get_n_items;
  iface->get_item = rp_list_model_get_item;
}

static GHashTable *
ensure_positions (RpListModel *self)
{
  if (self->positions == NULL)
    {
      /* The keys are the items' own ids: the table goes whenever they do. */
      self->positions = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->items->len; i++)
        g_hash_table_insert (self->positions, (gpointer) rp_record_get_id (self->items->pdata[i]),
                             GUINT_TO_POINTER (i + 1));
    }
  return self->positions;
}

static guint
find_position (RpListModel *self, const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ensure_positions (self), id)) - 1;
}

/* Makes @fresh the content and tells views the one range that differs:
 * the rows before the first and after the last that differ by pointer
 * stay as they are. */
static void
take_items (RpListModel *self, GPtrArray *fresh)
{
  g_autoptr (GPtrArray) old = self->items;
  guint n_old = old->len, n_new = fresh->len;
  guint prefix = 0, suffix = 0;

  while (prefix < MIN (n_old, n_new) && old->pdata[prefix] == fresh->pdata[prefix])
    prefix++;
  while (suffix < MIN (n_old, n_new) - prefix &&
         old->pdata[n_old - 1 - suffix] == fresh->pdata[n_new - 1 - suffix])
    suffix++;
  self->items = fresh;
  if (prefix == n_old && prefix == n_new)
    return;
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_new - prefix - suffix);
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
relist (RpListModel *self)
{
  GPtrArray *fresh = rp_store_list (self->store, self->entity, self->parent_id);

  for (guint i = 0; i < fresh->len; i++)
    {
      guint at = find_position (self, rp_record_get_id (fresh->pdata[i]));

      if (at != G_MAXUINT && rp_record_equal (self->items->pdata[at], fresh->pdata[i]))
        {
          g_object_unref (fresh->pdata[i]);
          fresh->pdata[i] = g_object_ref (self->items->pdata[at]);
        }
    }
  take_items (self, fresh);
}

static gboolean
concerns (RpListModel *self, const RpRowChange *row)
{
  if (row->entity != self->entity || (!row->existed && !row->exists))
    return FALSE;
  return self->parent_id == NULL || g_strcmp0 (row->old_parent_id, self->parent_id) == 0 ||
         g_strcmp0 (row->new_parent_id, self->parent_id) == 0;
}

/* When the commit changed only the values of a few of our rows, each in
 * its place, fetches those and puts them where the old ones were: no work
 * for the rows that did not change. FALSE (having changed nothing) when
 * the list must be listed again. */
static gboolean
update_in_place (RpListModel *self, RpStoreChanges *changes)
{
  guint n = rp_store_changes_get_n_rows (changes);
  guint found = 0, first = G_MAXUINT, last = 0;
  g_autoptr (GPtrArray) fetched = NULL;
  g_autoptr (GArray) where = NULL;

  if (rp_store_changes_is_everything (changes) || n > SCAN_MAX)
    return FALSE;
  fetched = g_ptr_array_new_with_free_func (g_object_unref);
  where = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      const RpRowChange *row = rp_store_changes_get_row (changes, i);
      g_autoptr (RpRecord) record = NULL;
      RpRecord *old;
      guint at;

      if (!concerns (self, row))
        continue;
      if (!row->existed || !row->exists || row->moved || ++found > IN_PLACE_MAX)
        return FALSE;
      at = find_position (self, row->id);
      record = rp_store_get (self->store, self->entity, row->id, NULL);
      if (at == G_MAXUINT || record == NULL)
        return FALSE;
      /* Another process may have moved it since: then list. */
      old = self->items->pdata[at];
      if (rp_record_get_position (record) != rp_record_get_position (old) ||
          g_strcmp0 (rp_record_get_parent_id (record), rp_record_get_parent_id (old)) != 0)
        return FALSE;
      if (!rp_record_equal (record, old))
        {
          g_ptr_array_add (fetched, g_steal_pointer (&record));
          g_array_append_val (where, at);
        }
    }

  for (guint i = 0; i < fetched->len; i++)
    {
      guint at = g_array_index (where, guint, i);
      RpRecord *record = fetched->pdata[i];

      /* The table's key is the old record's id: give it the new one's first. */
      g_hash_table_replace (self->positions, (gpointer) rp_record_get_id (record), GUINT_TO_POINTER (at + 1));
      g_object_unref (self->items->pdata[at]);
      self->items->pdata[at] = g_object_ref (record);
      first = MIN (first, at);
      last = MAX (last, at);
    }
  if (fetched->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
  return TRUE;
}

static void
on_store_rows_changed_cb (RpStore *store, RpStoreChanges *changes, RpListModel *self)
{
  if (!rp_store_changes_touches (changes, self->entity, self->parent_id))
    return;
  if (!update_in_place (self, changes))
    relist (self);
}

static void
on_store_gone_cb (gpointer data, GObject *where_the_store_was)
{
  RpListModel *self = data;

  /* Its handlers went with it. */
  self->store = NULL;
  self->rows_changed_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
rp_list_model_constructed (GObject *object)
{
  RpListModel *self = RP_LIST_MODEL (object);

  G_OBJECT_CLASS (rp_list_model_parent_class)->constructed (object);

  if (self->store == NULL)
    return;
  self->rows_changed_id =
      g_signal_connect (self->store, "rows-changed", G_CALLBACK (on_store_rows_changed_cb), self);
  g_ptr_array_unref (self->items);
  self->items = rp_store_list (self->store, self->entity, self->parent_id);
}

static void
rp_list_model_dispose (GObject *object)
{
  RpListModel *self = RP_LIST_MODEL (object);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->rows_changed_id, self->store);
      g_object_weak_unref (G_OBJECT (self->store), on_store_gone_cb, self);
      self->store = NULL;
    }

  G_OBJECT_CLASS (rp_list_model_parent_class)->dispose (object);
}

static void
rp_list_model_finalize (GObject *object)
{
  RpListModel *self = RP_LIST_MODEL (object);

  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_ptr_array_unref (self->items);
  g_free (self->parent_id);

  G_OBJECT_CLASS (rp_list_model_parent_class)->finalize (object);
}

static void
rp_list_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpListModel *self = RP_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ENTITY:
      g_value_set_uint (value, self->entity);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, rp_entity_get_record_type (self->entity));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_list_model_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpListModel *self = RP_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_get_object (value);
      if (self->store != NULL)
        g_object_weak_ref (G_OBJECT (self->store), on_store_gone_cb, self);
      break;
    case PROP_ENTITY:
      self->entity = g_value_get_uint (value);
      break;
    case PROP_PARENT_ID:
      self->parent_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_list_model_class_init (RpListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = rp_list_model_constructed;
  object_class->dispose = rp_list_model_dispose;
  object_class->finalize = rp_list_model_finalize;
  object_class->get_property = rp_list_model_get_property;
  object_class->set_property = rp_list_model_set_property;

  /* Not kept alive by the model; NULL once the store is gone. */
  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE, construct | G_PARAM_EXPLICIT_NOTIFY);
  /* An RpEntity. */
  properties[PROP_ENTITY] = g_param_spec_uint ("entity", NULL, NULL, 0, RP_N_ENTITIES - 1, 0, construct);
  /* The parent row whose children are listed; NULL lists every row. */
  properties[PROP_PARENT_ID] = g_param_spec_string ("parent-id", NULL, NULL, NULL, construct);
  /* The typed face of the entity (RpRelease, RpChecklistItem, …). */
  properties[PROP_ITEM_TYPE] = g_param_spec_gtype ("item-type", NULL, NULL, RP_TYPE_RECORD, read_only);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_list_model_init (RpListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * rp_store_list_model:
 * @parent_id: (nullable): the parent row for child entities (the scope
 *   items of a release, the items of a checklist section); NULL lists
 *   every row of @entity
 *
 * Returns: (transfer full): an RpListModel of the rows rp_store_list()
 * gives, which follows the store from now on
 */
GListModel *
rp_store_list_model (RpStore *self, RpEntity entity, const char *parent_id)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (entity < RP_N_ENTITIES, NULL);
  g_return_val_if_fail (parent_id == NULL || rp_entity_get_info (entity)->parent_column >= 0, NULL);

  return g_object_new (RP_TYPE_LIST_MODEL, "store", self, "entity", (guint) entity, "parent-id", parent_id,
                       NULL);
}

/**
 * rp_list_model_get_store:
 *
 * Returns: (transfer none) (nullable): the store it follows, NULL once
 * the store is gone
 */
RpStore *
rp_list_model_get_store (RpListModel *self)
{
  g_return_val_if_fail (RP_IS_LIST_MODEL (self), NULL);
  return self->store;
}

RpEntity
rp_list_model_get_entity (RpListModel *self)
{
  g_return_val_if_fail (RP_IS_LIST_MODEL (self), RP_N_ENTITIES);
  return self->entity;
}

/**
 * rp_list_model_get_parent_id:
 *
 * Returns: (nullable): the parent row whose children it lists, NULL when
 * it lists every row of its entity
 */
const char *
rp_list_model_get_parent_id (RpListModel *self)
{
  g_return_val_if_fail (RP_IS_LIST_MODEL (self), NULL);
  return self->parent_id;
}

guint
rp_list_model_find (GListModel *model, const char *id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), G_MAXUINT);

  if (id == NULL)
    return G_MAXUINT;
  if (RP_IS_LIST_MODEL (model))
    return find_position (RP_LIST_MODEL (model), id);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (RP_IS_RECORD (item) && g_strcmp0 (rp_record_get_id (RP_RECORD (item)), id) == 0)
        return i;
    }
  return G_MAXUINT;
}
