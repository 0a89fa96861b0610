/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-checklist-page-private.h"
#include "rp-checklist-row.h"
#include "rp-ui-util.h"

G_DEFINE_FINAL_TYPE (RpChecklistPage, rp_checklist_page, RP_TYPE_RELEASE_PAGE)

/* The window's toast overlay when there is one, so that its toasts and
 * the page's take turns in one place; the page's own otherwise. */
static GtkWidget *
get_toast_anchor (RpChecklistPage *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (parent != NULL && gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY) != NULL)
    return GTK_WIDGET (self);
  return GTK_WIDGET (self->stack);
}

void
_rp_checklist_page_show_toast (RpChecklistPage *self, const char *title)
{
  _rp_checklist_page_show_toast_full (self, title, FALSE);
}

/* With @undo, the toast has an Undo button for the last edit (win.undo). */
void
_rp_checklist_page_show_toast_full (RpChecklistPage *self, const char *title, gboolean undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GtkWidget *overlay = gtk_widget_get_ancestor (get_toast_anchor (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (escaped);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Shows @dialog above the page's window. */
void
_rp_checklist_page_present (RpChecklistPage *self, GtkWindow *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/* The list */

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                        gpointer user_data)
{
  RpChecklistPage *self = user_data;
  RpChecklistEntry *entry;

  /* Space on a focused row ticks its item (the list would only select
   * it); on the row's own check button it does that by itself. */
  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  entry = _rp_checklist_page_get_focused_row_entry (self);
  if (entry == NULL || rp_checklist_entry_get_kind (entry) != RP_CHECKLIST_ENTRY_ITEM)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "checklist.toggle", NULL);
  return TRUE;
}

/* Enter on an item edits it, on a section renames it. */
static void
on_list_activated_cb (GtkListView *list_view, guint position, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  g_autoptr (RpChecklistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry == NULL)
    return;
  if (rp_checklist_entry_get_kind (entry) == RP_CHECKLIST_ENTRY_ITEM)
    gtk_widget_activate_action (GTK_WIDGET (self), "checklist.edit-item", "s",
                                rp_checklist_entry_get_id (entry));
  else if (rp_checklist_entry_get_kind (entry) == RP_CHECKLIST_ENTRY_SECTION)
    gtk_widget_activate_action (GTK_WIDGET (self), "checklist.rename-section", "s",
                                rp_checklist_entry_get_id (entry));
}

static void
on_row_dropped_cb (RpChecklistRow *row, RpChecklistEntry *dragged, gboolean after, gpointer user_data)
{
  RpChecklistEntry *target = rp_checklist_row_get_entry (row);

  if (target != NULL)
    _rp_checklist_page_drop (user_data, dragged, target, after);
}

static gboolean
on_row_add_item_cb (RpChecklistRow *row, const char *text, gpointer user_data)
{
  RpChecklistEntry *entry = rp_checklist_row_get_entry (row);
  g_autoptr (GError) error = NULL;

  if (entry == NULL)
    return FALSE;
  if (!_rp_checklist_page_add_item (user_data, rp_checklist_entry_get_id (entry), text, &error))
    {
      rp_checklist_row_show_error (row, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_item_set_up_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *row = rp_checklist_row_new ();

  g_signal_connect (row, "dropped", G_CALLBACK (on_row_dropped_cb), user_data);
  g_signal_connect (row, "add-item", G_CALLBACK (on_row_add_item_cb), user_data);
  gtk_list_item_set_child (list_item, row);
}

static void
on_item_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RpChecklistEntry *entry = gtk_list_item_get_item (list_item);
  gboolean add = rp_checklist_entry_get_kind (entry) == RP_CHECKLIST_ENTRY_ADD;

  rp_checklist_row_bind (RP_CHECKLIST_ROW (gtk_list_item_get_child (list_item)), entry);
  gtk_list_item_set_activatable (list_item, !add);
  gtk_list_item_set_selectable (list_item, !add);
}

static void
on_item_unbound_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  rp_checklist_row_unbind (RP_CHECKLIST_ROW (gtk_list_item_get_child (list_item)));
}

/* RpReleasePage */

static void
rp_checklist_page_store_set (RpReleasePage *page)
{
  /* With a release, release_changed comes next and reads it. */
  if (rp_release_page_get_release_id (page) == NULL)
    _rp_checklist_page_reload (RP_CHECKLIST_PAGE (page));
}

static void
rp_checklist_page_release_changed (RpReleasePage *page)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (page);

  if (self->item_dialog != NULL)
    gtk_window_destroy (self->item_dialog);
  _rp_checklist_page_reload (self);
}

/* GObject */

static void
rp_checklist_page_dispose (GObject *object)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  if (self->item_dialog != NULL)
    gtk_window_destroy (self->item_dialog);
  if (self->templates_dialog != NULL)
    gtk_window_destroy (self->templates_dialog);
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick_id);
      self->focus_tick_id = 0;
    }

  /* The child and with it the list go first, then the models it shows. */
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_object (&self->assignee_names);
  g_clear_pointer (&self->assignee_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_checklist_page_parent_class)->dispose (object);
}

static void
rp_checklist_page_finalize (GObject *object)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  g_clear_pointer (&self->assignee_filter, g_free);
  g_clear_pointer (&self->select_key, g_free);
  g_clear_pointer (&self->focus_key, g_free);

  G_OBJECT_CLASS (rp_checklist_page_parent_class)->finalize (object);
}

static void
rp_checklist_page_class_init (RpChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);

  object_class->dispose = rp_checklist_page_dispose;
  object_class->finalize = rp_checklist_page_finalize;
  page_class->store_set = rp_checklist_page_store_set;
  page_class->release_changed = rp_checklist_page_release_changed;
  page_class->store_changed = _rp_checklist_page_store_changed;
  page_class->select_subject = _rp_checklist_page_select_subject;
  rp_release_page_class_watch (page_class, RP_ENTITY_RELEASE);
  rp_release_page_class_watch (page_class, RP_ENTITY_CHECKLIST_SECTION);
  rp_release_page_class_watch (page_class, RP_ENTITY_CHECKLIST_ITEM);
  rp_release_page_class_watch (page_class, RP_ENTITY_PERSON);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, progress_caption);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, open_only_toggle);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, assignee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, list_view);

  _rp_checklist_page_class_actions_init (klass);

  g_type_ensure (RP_TYPE_CHECKLIST_ENTRY);
}

static void
rp_checklist_page_init (RpChecklistPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rp_release_page_set_title (RP_RELEASE_PAGE (self), _("Checklist"));
  rp_release_page_set_icon_name (RP_RELEASE_PAGE (self), "checkbox-checked-symbolic");
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-checklist-page.css");

  self->entries = g_list_store_new (RP_TYPE_CHECKLIST_ENTRY);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  _rp_checklist_page_filters_init (self);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (on_item_set_up_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_item_unbound_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_activated_cb), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checklist"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Space ticks an item, Enter edits it, Alt+Up and Alt+Down "
                                     "move it, Delete removes it"),
                                  -1);
}
