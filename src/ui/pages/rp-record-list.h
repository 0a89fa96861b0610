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

/* Alt+Up and Alt+Down: moves the row @id, the one selected in @selection,
 * @delta places in the store. Returns the position it goes to, or
 * GTK_INVALID_LIST_POSITION when nothing is selected or there is no room
 * that way; a move the store refuses is a warning (the list then shows
 * what the store holds). */
guint rp_record_list_move (GtkSingleSelection *selection,
                           RpStore *store,
                           RpEntity entity,
                           const char *id,
                           int delta);

/* After the row selected at @position was deleted, the next one takes
 * its place (the last one at the end), for deleting several in a row. */
void rp_record_list_select_next (GtkSingleSelection *selection, guint position);

/* The keys of a list of rows: Delete (and the keypad's) on the selected
 * row calls @delete_func, Alt+Up and Alt+Down call @move_func with the
 * delta (-1, +1, an int32) as its arguments; both get @data. */
void rp_record_list_add_shortcuts (GtkListView *list_view,
                                   GtkShortcutFunc delete_func,
                                   GtkShortcutFunc move_func,
                                   gpointer data);

G_END_DECLS
