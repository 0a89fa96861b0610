/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* A small window with every field of one checklist item: its text, state,
 * assignee, due date and notes, each saved as it is edited (text and
 * notes once the typing pauses, and when the window closes), and a
 * button that deletes the item. It follows the store and goes away when
 * the item does. After its Delete button deleted the item it emits
 * ::deleted (RpRecord *item), the item as it was, and closes. */
#define RP_TYPE_CHECKLIST_ITEM_DIALOG (rp_checklist_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistItemDialog, rp_checklist_item_dialog, RP, CHECKLIST_ITEM_DIALOG, AdwWindow)

GtkWidget *rp_checklist_item_dialog_new (RpStore *store, const char *item_id);
const char *rp_checklist_item_dialog_get_item_id (RpChecklistItemDialog *self);

G_END_DECLS
