/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* A GListModel of the RpRecord snapshots of one entity (instances of its
 * typed face, RpRelease, RpChecklistItem, …), all of them or
 * the children of one parent row, in stored order (as rp_store_list()
 * gives them), that follows the store: edits, groups, undo and redo, and
 * other processes (seen by rp_store_poll_external()). It is current as
 * soon as the call that wrote returns, and says what changed in at most
 * one ::items-changed per commit, covering the rows from the first to the
 * last that changed (one row for an edit, an insert or a delete). Rows
 * that did not change keep their RpRecord, so views keep their widgets.
 *
 * It holds no reference on the store; when the store goes first, it keeps
 * its last rows and "store" becomes NULL.
 *
 * Create one with rp_store_list_model(). Properties: "store", "entity",
 * "parent-id", "item-type", "n-items". */

#define RP_TYPE_LIST_MODEL (rp_list_model_get_type ())
G_DECLARE_FINAL_TYPE (RpListModel, rp_list_model, RP, LIST_MODEL, GObject)

RpStore *rp_list_model_get_store (RpListModel *self);
RpEntity rp_list_model_get_entity (RpListModel *self);
const char *rp_list_model_get_parent_id (RpListModel *self);

/* The position of the row @id in @model (any GListModel of RpRecord: an
 * RpListModel answers at once, others are searched), or G_MAXUINT (which
 * is GTK_INVALID_LIST_POSITION) when it is not there or @id is NULL. */
guint rp_list_model_find (GListModel *model, const char *id);

G_END_DECLS
