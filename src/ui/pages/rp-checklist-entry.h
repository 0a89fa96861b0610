/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* One line of the checklist page's list: a section's header, an item, or
 * the entry that adds an item to a section. An entry keeps its identity
 * across reloads (the page keeps one per key), so a change to an item
 * only notifies its entry ("record") and the row showing it updates in
 * place. */
typedef enum
{
  RP_CHECKLIST_ENTRY_SECTION,
  RP_CHECKLIST_ENTRY_ITEM,
  RP_CHECKLIST_ENTRY_ADD,
} RpChecklistEntryKind;

#define RP_TYPE_CHECKLIST_ENTRY (rp_checklist_entry_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistEntry, rp_checklist_entry, RP, CHECKLIST_ENTRY, GObject)

/* @id: the section's or the item's; for an ADD entry, its section's. */
RpChecklistEntry *rp_checklist_entry_new (RpChecklistEntryKind kind, const char *id);

/* The key of an entry, unique in a list: its kind and its id. */
char *rp_checklist_entry_make_key (RpChecklistEntryKind kind, const char *id);

/* Takes what the store holds now; returns whether anything the row shows
 * changed (and then notifies "record"). @progress: for a SECTION, else
 * NULL; @index among @n_siblings: its place among its siblings. */
gboolean rp_checklist_entry_update (RpChecklistEntry *self, RpRecord *record, const char *assignee_name,
                                    const RpProgress *progress, guint index, guint n_siblings);

/* Notifies "record" with nothing changed, so that the row shows what the
 * store holds again (after an edit the store refused). */
void rp_checklist_entry_changed (RpChecklistEntry *self);

RpChecklistEntryKind rp_checklist_entry_get_kind (RpChecklistEntry *self);
const char *rp_checklist_entry_get_id (RpChecklistEntry *self);
const char *rp_checklist_entry_get_key (RpChecklistEntry *self);
RpRecord *rp_checklist_entry_get_record (RpChecklistEntry *self);
const char *rp_checklist_entry_get_section_id (RpChecklistEntry *self);
const char *rp_checklist_entry_get_assignee_name (RpChecklistEntry *self);
const RpProgress *rp_checklist_entry_get_progress (RpChecklistEntry *self);
guint rp_checklist_entry_get_index (RpChecklistEntry *self);
guint rp_checklist_entry_get_n_siblings (RpChecklistEntry *self);

G_END_DECLS
