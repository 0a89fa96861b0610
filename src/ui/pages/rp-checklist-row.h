/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-checklist-entry.h"

G_BEGIN_DECLS

/* A row of the checklist page's list: shows one RpChecklistEntry of any
 * kind (a section's header, an item, the entry that adds an item) and
 * follows it, updated in place. What the user does in it goes out as
 * actions of the page (checklist.set-state, checklist.edit-item, the
 * section menu's) or as signals:
 *
 *   ::dropped (RpChecklistEntry *dragged, gboolean after): a row was
 *     dropped on this one, in its lower half when @after;
 *   ::add-item (const char *text) -> gboolean: text typed into an add
 *     entry (see RpChecklistAddEntry); TRUE when it was added, else the
 *     handler tells why with rp_checklist_row_show_error(). */
#define RP_TYPE_CHECKLIST_ROW (rp_checklist_row_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistRow, rp_checklist_row, RP, CHECKLIST_ROW, GtkWidget)

GtkWidget *rp_checklist_row_new (void);
void rp_checklist_row_bind (RpChecklistRow *self, RpChecklistEntry *entry);
void rp_checklist_row_unbind (RpChecklistRow *self);
RpChecklistEntry *rp_checklist_row_get_entry (RpChecklistRow *self);
void rp_checklist_row_show_error (RpChecklistRow *self, const char *message);

G_END_DECLS
