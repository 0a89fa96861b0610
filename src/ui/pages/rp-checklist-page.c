/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-checklist-page-private.h"
#include "rp-checklist-row.h"
#include "rp-ui-util.h"

enum
{
  PROP_0,
  PROP_STORE,
  PROP_RELEASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RpChecklistPage, rp_checklist_page, ADW_TYPE_BIN)

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
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GtkWidget *overlay = gtk_widget_get_ancestor (get_toast_anchor (self), ADW_TYPE_TOAST_OVERLAY);

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

void
_rp_checklist_page_toast_deleted (RpChecklistPage *self, const char *what)
{
  rp_ui_toast_deleted (get_toast_anchor (self), what);
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
_rp_checklist_page_set_select_key (RpChecklistPage *self, RpChecklistEntryKind kind,
                                   const char *id, gboolean focus)
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
      self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                          focus_pending_tick_cb, self, NULL);
    }
}

static GtkWidget *
get_focus (RpChecklistPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? gtk_root_get_focus (root) : NULL;
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

/* The list */

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                        GdkModifierType state, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  GtkWidget *focus = get_focus (self);
  RpChecklistRow *row;
  RpChecklistEntry *entry;

  /* Space on a focused row ticks its item (the list would only select
   * it); on the row's own check button it does that by itself. */
  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 || focus == NULL ||
      gtk_widget_get_parent (focus) != GTK_WIDGET (self->list_view))
    return FALSE;
  row = row_of (focus);
  entry = row != NULL ? rp_checklist_row_get_entry (row) : NULL;
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
  g_autoptr (RpChecklistEntry) entry =
      g_list_model_get_item (G_LIST_MODEL (self->selection), position);

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
on_row_dropped_cb (RpChecklistRow *row, RpChecklistEntry *dragged, gboolean after,
                   gpointer user_data)
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

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, gpointer user_data)
{
  _rp_checklist_page_store_changed (user_data, entity, id);
}

/* GObject */

static void
rp_checklist_page_set_release_id (RpChecklistPage *self, const char *release_id)
{
  if (g_strcmp0 (self->release_id, release_id) == 0)
    return;
  g_free (self->release_id);
  self->release_id = g_strdup (release_id);
  if (self->item_dialog != NULL)
    gtk_window_destroy (self->item_dialog);
  if (self->store != NULL)
    _rp_checklist_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_ID]);
}

static void
rp_checklist_page_constructed (GObject *object)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  G_OBJECT_CLASS (rp_checklist_page_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  self->changed_id =
      g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  _rp_checklist_page_reload (self);
}

static void
rp_checklist_page_dispose (GObject *object)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  if (self->item_dialog != NULL)
    gtk_window_destroy (self->item_dialog);
  if (self->templates_dialog != NULL)
    gtk_window_destroy (self->templates_dialog);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  /* The child and with it the list go first, then the models it shows. */
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->changed_items, g_ptr_array_unref);
  g_clear_object (&self->assignee_names);
  g_clear_pointer (&self->assignee_ids, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_checklist_page_parent_class)->dispose (object);
}

static void
rp_checklist_page_finalize (GObject *object)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  g_clear_pointer (&self->release_id, g_free);
  g_clear_pointer (&self->assignee_filter, g_free);
  g_clear_pointer (&self->select_key, g_free);
  g_clear_pointer (&self->focus_key, g_free);

  G_OBJECT_CLASS (rp_checklist_page_parent_class)->finalize (object);
}

static void
rp_checklist_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_RELEASE_ID: g_value_set_string (value, self->release_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_RELEASE_ID:
      rp_checklist_page_set_release_id (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_page_class_init (RpChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_checklist_page_constructed;
  object_class->dispose = rp_checklist_page_dispose;
  object_class->finalize = rp_checklist_page_finalize;
  object_class->get_property = rp_checklist_page_get_property;
  object_class->set_property = rp_checklist_page_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELEASE_ID] =
      g_param_spec_string ("release-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-checklist-page.css");

  self->entries = g_list_store_new (RP_TYPE_CHECKLIST_ENTRY);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->changed_items = g_ptr_array_new_with_free_func (g_free);
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
