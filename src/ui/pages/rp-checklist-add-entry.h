/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The entry below a checklist section that adds an item to it: type,
 * press Enter. It emits ::add-item (text), the text stripped and never
 * empty; a handler returns TRUE when the item was added (the entry
 * empties, ready for the next one) and otherwise says why with
 * rp_checklist_add_entry_show_error(). Property "section-name": for the
 * placeholder and the accessible label. */
#define RP_TYPE_CHECKLIST_ADD_ENTRY (rp_checklist_add_entry_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistAddEntry, rp_checklist_add_entry, RP, CHECKLIST_ADD_ENTRY, GtkWidget)

GtkWidget *rp_checklist_add_entry_new (void);
void rp_checklist_add_entry_set_section_name (RpChecklistAddEntry *self, const char *name);

/* Marks what was typed as refused, with @message as the reason (NULL:
 * clears it). */
void rp_checklist_add_entry_show_error (RpChecklistAddEntry *self, const char *message);

G_END_DECLS
