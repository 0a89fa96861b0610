/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* RpChecklistPage, an RpReleasePage (which holds the store, the release
 * shown, the coalesced changes of the store and the "deleted" toast), is
 * one class over several files, by job:
 *
 *   rp-checklist-page.c            the GObject, its list and its rows
 *   rp-checklist-page-model.c      the store read into the list of entries
 *   rp-checklist-page-selection.c  the selected row, the focus, and
 *                                  select_subject
 *   rp-checklist-page-filters.c    "Open Only" and the assignee filter
 *   rp-checklist-page-actions.c    every checklist.* action, in one place
 *
 * The list is one GtkListView over one flat list of RpChecklistEntry: per
 * section a header, its items and an entry that adds an item. Entries
 * keep their identity across reloads (one per key), so a change to an
 * item only notifies its entry and the row showing it is updated in
 * place: no row is rebuilt and keyboard focus stays where it was. Only
 * additions, removals and moves splice the list. */

#include "rp-checklist-entry.h"
#include "rp-checklist-page.h"

G_BEGIN_DECLS

struct _RpChecklistPage
{
  RpReleasePage parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkLabel *progress_label;
  GtkLabel *progress_caption;
  GtkProgressBar *progress_bar;
  GtkToggleButton *open_only_toggle;
  GtkDropDown *assignee_dropdown;
  GtkScrolledWindow *scrolled_window;
  GtkListView *list_view;

  /* owned */
  GListStore *entries; /* RpChecklistEntry, flat: section, items, add; … */
  GPtrArray *shown;    /* the same entries, for comparing */
  GHashTable *by_key;  /* entry key -> entry */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkStringList *assignee_names;
  GPtrArray *assignee_ids; /* parallel to assignee_names: NULL everyone, "" nobody, person ids */
  char *assignee_filter;   /* NULL: everyone; "": unassigned */
  char *select_key;        /* select this entry after the next reload */
  char *focus_key;         /* and move the focus to it */
  guint focus_tick_id;
  guint focus_tries;
  gboolean updating_filters;

  /* weak: the open dialogs, which own themselves */
  GtkWindow *item_dialog;
  GtkWindow *templates_dialog;
};

/* The store and the release shown, which RpReleasePage holds. */
static inline RpStore *
_rp_checklist_page_get_store (RpChecklistPage *self)
{
  return rp_release_page_get_store (RP_RELEASE_PAGE (self));
}

static inline const char *
_rp_checklist_page_get_release_id (RpChecklistPage *self)
{
  return rp_release_page_get_release_id (RP_RELEASE_PAGE (self));
}

/* rp-checklist-page.c */
void _rp_checklist_page_show_toast (RpChecklistPage *self, const char *title);
void _rp_checklist_page_show_toast_full (RpChecklistPage *self, const char *title, gboolean undo);
void _rp_checklist_page_present (RpChecklistPage *self, GtkWindow *dialog);

/* rp-checklist-page-selection.c */
RpChecklistEntry *_rp_checklist_page_lookup_entry (RpChecklistPage *self, RpChecklistEntryKind kind,
                                                   const char *id);
guint _rp_checklist_page_find_position (RpChecklistPage *self, const char *key);
void _rp_checklist_page_set_select_key (RpChecklistPage *self, RpChecklistEntryKind kind, const char *id,
                                        gboolean focus);
void _rp_checklist_page_select_pending (RpChecklistPage *self);
RpChecklistEntry *_rp_checklist_page_get_current_entry (RpChecklistPage *self);
RpChecklistEntry *_rp_checklist_page_get_focused_row_entry (RpChecklistPage *self);
gboolean _rp_checklist_page_has_focus_in_list (RpChecklistPage *self);
gboolean _rp_checklist_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id,
                                            const char *field, gboolean focus);

/* rp-checklist-page-model.c */
void _rp_checklist_page_reload (RpChecklistPage *self);
void _rp_checklist_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id);

/* rp-checklist-page-filters.c */
void _rp_checklist_page_filters_init (RpChecklistPage *self);
gboolean _rp_checklist_page_filters_active (RpChecklistPage *self);
void _rp_checklist_page_filters_clear (RpChecklistPage *self);
GHashTable *_rp_checklist_page_reload_people (RpChecklistPage *self);

/* rp-checklist-page-actions.c */
void _rp_checklist_page_class_actions_init (RpChecklistPageClass *klass);
gboolean _rp_checklist_page_add_item (RpChecklistPage *self, const char *section_id, const char *text,
                                      GError **error);
void _rp_checklist_page_drop (RpChecklistPage *self, RpChecklistEntry *dragged, RpChecklistEntry *target,
                              gboolean after);

G_END_DECLS
