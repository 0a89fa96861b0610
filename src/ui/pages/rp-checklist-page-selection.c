/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-checklist-page-private.h"
#include "rp-checklist-row.h"

/* The checklist page: the selected row and the focus. What should be
 * selected is named by its key before the list shows it (an item just
 * added, moved or brought back), selected once it is there, and given
 * the focus once its row is built; the keys act on the row with the
 * focus. */

RpChecklistEntry *
_rp_checklist_page_lookup_entry (RpChecklistPage *self, RpChecklistEntryKind kind, const char *id)
{
  g_autofree char *key = rp_checklist_entry_make_key (kind, id);

  return g_hash_table_lookup (self->by_key, key);
}

/* Where the entry of @key is shown, if it is. */
guint
_rp_checklist_page_find_position (RpChecklistPage *self, const char *key)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpChecklistEntry) entry = g_list_model_get_item (model, i);

      if (strcmp (rp_checklist_entry_get_key (entry), key) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Selects that entry (and when @focus, moves the focus to it) once the
 * list shows it: after the next reload, or _select_pending(). */
void
_rp_checklist_page_set_select_key (RpChecklistPage *self, RpChecklistEntryKind kind, const char *id,
                                   gboolean focus)
{
  g_free (self->select_key);
  self->select_key = rp_checklist_entry_make_key (kind, id);
  g_free (self->focus_key);
  self->focus_key = focus ? rp_checklist_entry_make_key (kind, id) : NULL;
}

static RpChecklistRow *
row_of (GtkWidget *list_item_widget)
{
  GtkWidget *row = gtk_widget_get_first_child (list_item_widget);

  return RP_IS_CHECKLIST_ROW (row) ? RP_CHECKLIST_ROW (row) : NULL;
}

/* The row appears a frame or two after the list scrolled to it. */
static gboolean
focus_pending_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  RpChecklistPage *self = user_data;

  /* The user went elsewhere (another tab) before the row appeared: the
   * focus stays where they took it. */
  if (!gtk_widget_get_mapped (widget))
    g_clear_pointer (&self->focus_key, g_free);
  if (self->focus_key != NULL)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        RpChecklistRow *row = row_of (child);
        RpChecklistEntry *entry = row != NULL ? rp_checklist_row_get_entry (row) : NULL;

        if (entry == NULL || strcmp (rp_checklist_entry_get_key (entry), self->focus_key) != 0)
          continue;
        if (!gtk_widget_grab_focus (GTK_WIDGET (row)))
          gtk_widget_grab_focus (child);
        g_clear_pointer (&self->focus_key, g_free);
        break;
      }
  if (self->focus_key == NULL || ++self->focus_tries > 10)
    {
      g_clear_pointer (&self->focus_key, g_free);
      self->focus_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
_rp_checklist_page_select_pending (RpChecklistPage *self)
{
  guint position;

  if (self->select_key == NULL)
    return;
  position = _rp_checklist_page_find_position (self, self->select_key);
  g_clear_pointer (&self->select_key, g_free);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      g_clear_pointer (&self->focus_key, g_free);
      return;
    }
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (self->focus_key != NULL && self->focus_tick_id == 0)
    {
      self->focus_tries = 0;
      self->focus_tick_id =
          gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), focus_pending_tick_cb, self, NULL);
    }
}

static GtkWidget *
get_focus (RpChecklistPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

/* The entry of the list's row that has the focus itself (not one of its
 * buttons). */
RpChecklistEntry *
_rp_checklist_page_get_focused_row_entry (RpChecklistPage *self)
{
  GtkWidget *focus = get_focus (self);
  RpChecklistRow *row;

  if (focus == NULL || gtk_widget_get_parent (focus) != GTK_WIDGET (self->list_view))
    return NULL;
  row = row_of (focus);
  return row != NULL ? rp_checklist_row_get_entry (row) : NULL;
}

/* The entry of the row with the focus, or else the selected one. */
RpChecklistEntry *
_rp_checklist_page_get_current_entry (RpChecklistPage *self)
{
  for (GtkWidget *w = get_focus (self); w != NULL && w != GTK_WIDGET (self->list_view);
       w = gtk_widget_get_parent (w))
    {
      RpChecklistRow *row = NULL;
      RpChecklistEntry *entry;

      if (RP_IS_CHECKLIST_ROW (w))
        row = RP_CHECKLIST_ROW (w);
      else if (gtk_widget_get_parent (w) == GTK_WIDGET (self->list_view))
        row = row_of (w);
      if (row == NULL)
        continue;
      entry = rp_checklist_row_get_entry (row);
      if (entry != NULL && rp_checklist_entry_get_kind (entry) != RP_CHECKLIST_ENTRY_ADD)
        return entry;
      break;
    }
  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
_rp_checklist_page_has_focus_in_list (RpChecklistPage *self)
{
  GtkWidget *focus = get_focus (self);

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));
}

/* RpReleasePage's select_subject: shows one item or section, selected,
 * for whatever points at it (a readiness finding, a search result, an
 * undo that brings it back). With @focus it gets the focus, and filters
 * that hide it are turned off. A row has no fields of its own: @field is
 * not used, but for the field "checklist" of the release, this tab. */
gboolean
_rp_checklist_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id, const char *field,
                                   gboolean focus)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (page);
  RpChecklistEntryKind kind;

  /* The checklist as a whole (a readiness finding that the release has
   * no staging item): the tab itself. */
  if (entity == RP_ENTITY_RELEASE)
    return g_strcmp0 (field, "checklist") == 0 && g_strcmp0 (id, rp_release_page_get_release_id (page)) == 0;
  if (entity == RP_ENTITY_CHECKLIST_ITEM)
    kind = RP_CHECKLIST_ENTRY_ITEM;
  else if (entity == RP_ENTITY_CHECKLIST_SECTION)
    kind = RP_CHECKLIST_ENTRY_SECTION;
  else
    return FALSE;
  if (_rp_checklist_page_lookup_entry (self, kind, id) == NULL)
    return FALSE;
  _rp_checklist_page_set_select_key (self, kind, id, focus);
  if (focus && _rp_checklist_page_find_position (self, self->select_key) == GTK_INVALID_LIST_POSITION)
    _rp_checklist_page_filters_clear (self);
  _rp_checklist_page_select_pending (self);
  return TRUE;
}
