/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-release-page.h"

G_BEGIN_DECLS

/* A page that is a list of the rows of one entity of a release beside an
 * editor of the selected one (Scope, Dependencies, Risks): on a narrow
 * window the two are the pages of a leaflet. It holds the list (a
 * GtkListView over the store's live RpListModel of the release's rows,
 * filtered and sorted if the page likes, through a GtkSingleSelection
 * that stays on its row as the row changes), the entry that adds a row,
 * deleting with the toast and Undo (the next row takes the place),
 * Alt+Up/Down and Delete on the list, the back button and the fold, the
 * empty states and selecting a row from outside.
 *
 * Its template (rp-list-editor-page.ui) is the frame. A subclass's
 * template, with parent="RpListEditorPage", gives:
 *  - the words, widget names and accessible labels of the internal
 *    children add_entry, add_button, list_view, list_empty and
 *    editor_empty (AdwStatusPages), back_button and delete_button:
 *    <child internal-child="add_entry"><object class="GtkEntry">…;
 *  - the editor, <child type="editor">, one or more, above the delete
 *    button in a clamped, scrolled column;
 *  - what stands above the add entry in the list's pane, if anything:
 *    <child type="list-header"> (the heat map of the risks).
 *
 * The class watches people and releases and keeps refused text
 * (RP_TEXT_EDITS_KEEP_REFUSED); a subclass watches its entity. */

#define RP_TYPE_LIST_EDITOR_PAGE (rp_list_editor_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RpListEditorPage, rp_list_editor_page, RP, LIST_EDITOR_PAGE, RpReleasePage)

/**
 * RpListEditorPageClass:
 * @entity: the entity of the rows, a child of the release
 * @setup_row: makes the widget of a row, the child of @item
 * @bind_row: shows @record in @row; called again for the rows on screen
 *   by rp_list_editor_page_rebind_rows()
 * @show_record: shows @record (NULL: none) in the editor; @other is TRUE
 *   when it is another row than the one shown before (the fields start
 *   afresh: clear their messages)
 * @focus_field: gives the focus to the editor's field of @field (a
 *   column; NULL for the first field); FALSE when there is none
 * @describe: the row as the list's summary and the toast name it:
 *   @record NULL for the summary of the whole list ("12 items, 4 done";
 *   NULL hides it), else the deleted row ("Scope item “Login”")
 * @new_record: the row to insert for @title typed in the add entry; the
 *   default has the release, the title and the last position
 */
struct _RpListEditorPageClass
{
  RpReleasePageClass parent_class;

  RpEntity entity;

  void (*setup_row) (RpListEditorPage *self, GtkListItem *item);
  void (*bind_row) (RpListEditorPage *self, GtkWidget *row, RpRecord *record);
  void (*show_record) (RpListEditorPage *self, RpRecord *record, gboolean other);
  gboolean (*focus_field) (RpListEditorPage *self, const char *field);
  char *(*describe) (RpListEditorPage *self, RpRecord *record);
  RpRecord *(*new_record) (RpListEditorPage *self, const char *title);

  /*< private >*/
  gpointer padding[8];
};

/* Whether a row counts, for rp_list_editor_page_count(): @record is the
 * typed face of the page's entity. */
typedef gboolean (*RpRecordMatchFunc) (RpRecord *record);

GListModel *rp_list_editor_page_get_model (RpListEditorPage *self);
void rp_list_editor_page_set_sorter (RpListEditorPage *self, GtkSorter *sorter);
void rp_list_editor_page_set_filter (RpListEditorPage *self, GtkFilter *filter);
RpRecord *rp_list_editor_page_get_current (RpListEditorPage *self);
gboolean rp_list_editor_page_get_editor_shown (RpListEditorPage *self);
gboolean rp_list_editor_page_select (RpListEditorPage *self, const char *id);
void rp_list_editor_page_rebind_rows (RpListEditorPage *self);
guint rp_list_editor_page_count (RpListEditorPage *self, RpRecordMatchFunc match);
const char *rp_list_editor_page_lookup_person (RpListEditorPage *self, const char *person_id);

/* The row most lists show, for setup_row: the title, in bold, has the
 * first line; the second holds the pills added with
 * rp_list_editor_row_add_pill() and then the details, small and dim.
 * The labels are on the row as its data "rp-title" and "rp-details". */
GtkWidget *rp_list_editor_row_new (const char *name);
/* A pill of the row's second line, before the details, with @text
 * (NULL: none yet), on the row as its data @key. */
GtkWidget *rp_list_editor_row_add_pill (GtkWidget *row, const char *key, const char *text);
gboolean rp_list_editor_page_save_current (RpListEditorPage *self, const char *column, GVariant *value,
                                           GtkWidget *widget);
void rp_list_editor_page_schedule_text (RpListEditorPage *self, GtkWidget *widget, const char *column);
void rp_list_editor_page_watch_text (RpListEditorPage *self, GtkWidget *widget, const char *column);

G_END_DECLS
