/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The lists of the pages hold RpRecord snapshots (a GListStore) that follow
 * the store: these find, select and refresh them by row id. */

/* The position of the row @id in @model (of RpRecord), or
 * GTK_INVALID_LIST_POSITION when it is not there or @id is NULL. */
guint rp_record_list_find (GListModel *model, const char *id);

/* Selects the row @id of @selection's model, or nothing when it is not
 * there; no change, no signal. */
void rp_record_list_select (GtkSingleSelection *selection, const char *id);

/* Makes @items hold @records (RpRecord, in order), replacing only what
 * changed, so that an edit redraws one row and the list keeps its scroll
 * position and focus. */
void rp_record_list_sync (GListStore *items, GPtrArray *records);

G_END_DECLS
