/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-checklist-entry.h"

struct _RpChecklistEntry
{
  GObject parent_instance;

  RpChecklistEntryKind kind;
  char *id;
  char *key;
  RpRecord *record;    /* the section (SECTION, ADD) or the item */
  char *assignee_name; /* ITEM */
  RpProgress progress; /* SECTION */
  guint index;
  guint n_siblings;
};

enum
{
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const kind_names[] = { "section", "item", "add" };

G_DEFINE_FINAL_TYPE (RpChecklistEntry, rp_checklist_entry, G_TYPE_OBJECT)

static void
rp_checklist_entry_finalize (GObject *object)
{
  RpChecklistEntry *self = RP_CHECKLIST_ENTRY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->assignee_name, g_free);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (rp_checklist_entry_parent_class)->finalize (object);
}

static void
rp_checklist_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpChecklistEntry *self = RP_CHECKLIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_static_string (value, kind_names[self->kind]);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_entry_class_init (RpChecklistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_checklist_entry_finalize;
  object_class->get_property = rp_checklist_entry_get_property;

  /* "section", "item" or "add" (the entry that adds an item). */
  properties[PROP_KIND] =
      g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
      g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Notifies whenever anything the row shows changed. */
  properties[PROP_RECORD] =
      g_param_spec_object ("record", NULL, NULL, RP_TYPE_RECORD,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_checklist_entry_init (RpChecklistEntry *self)
{
}

char *
rp_checklist_entry_make_key (RpChecklistEntryKind kind, const char *id)
{
  return g_strdup_printf ("%c:%s", "sia"[kind], id);
}

RpChecklistEntry *
rp_checklist_entry_new (RpChecklistEntryKind kind, const char *id)
{
  RpChecklistEntry *self;

  g_return_val_if_fail (kind <= RP_CHECKLIST_ENTRY_ADD, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (RP_TYPE_CHECKLIST_ENTRY, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->key = rp_checklist_entry_make_key (kind, id);
  return self;
}

gboolean
rp_checklist_entry_update (RpChecklistEntry *self, RpRecord *record, const char *assignee_name,
                           const RpProgress *progress, guint index, guint n_siblings)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), FALSE);
  g_return_val_if_fail (RP_IS_RECORD (record), FALSE);

  if (self->record == NULL || !rp_record_equal (self->record, record) ||
      rp_record_get_position (self->record) != rp_record_get_position (record))
    {
      g_set_object (&self->record, record);
      changed = TRUE;
    }
  if (g_strcmp0 (self->assignee_name, assignee_name) != 0)
    {
      g_free (self->assignee_name);
      self->assignee_name = g_strdup (assignee_name);
      changed = TRUE;
    }
  if (progress != NULL && memcmp (progress, &self->progress, sizeof *progress) != 0)
    {
      self->progress = *progress;
      changed = TRUE;
    }
  if (self->index != index || self->n_siblings != n_siblings)
    {
      self->index = index;
      self->n_siblings = n_siblings;
      changed = TRUE;
    }
  if (changed)
    rp_checklist_entry_changed (self);
  return changed;
}

void
rp_checklist_entry_changed (RpChecklistEntry *self)
{
  g_return_if_fail (RP_IS_CHECKLIST_ENTRY (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

RpChecklistEntryKind
rp_checklist_entry_get_kind (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), RP_CHECKLIST_ENTRY_ITEM);

  return self->kind;
}

const char *
rp_checklist_entry_get_id (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), NULL);

  return self->id;
}

const char *
rp_checklist_entry_get_key (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), NULL);

  return self->key;
}

RpRecord *
rp_checklist_entry_get_record (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), NULL);

  return self->record;
}

const char *
rp_checklist_entry_get_section_id (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), NULL);

  if (self->kind == RP_CHECKLIST_ENTRY_ITEM)
    return rp_checklist_item_get_section_id (RP_CHECKLIST_ITEM (self->record));
  return self->id;
}

const char *
rp_checklist_entry_get_assignee_name (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), NULL);

  return self->assignee_name;
}

const RpProgress *
rp_checklist_entry_get_progress (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), NULL);

  return &self->progress;
}

guint
rp_checklist_entry_get_index (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), 0);

  return self->index;
}

guint
rp_checklist_entry_get_n_siblings (RpChecklistEntry *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ENTRY (self), 0);

  return self->n_siblings;
}
