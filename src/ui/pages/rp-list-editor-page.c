/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-add-entry.h"
#include "rp-list-editor-page.h"
#include "rp-ui-util.h"

typedef struct
{
  /* template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  RpAddEntry *add_entry;
  GtkLabel *summary_label;
  GtkStack *list_stack;
  GtkListView *list_view;
  GtkWidget *editor_pane;
  GtkWidget *back_bar;
  GtkLabel *back_label;
  GtkStack *editor_stack;
  GtkWidget *editor_box;
  GtkButton *delete_button;

  /* owned */
  GListModel *items;            /* the rows of klass->entity of the release: a live
                      * RpListModel, or an empty list for no release */
  GtkFilterListModel *filtered; /* the items the filter lets through, if any */
  GtkSortListModel *sorted;     /* those in the order of the sorter, if any */
  GtkSingleSelection *selection;
  RpRecord *current;  /* the row in the editor */
  GPtrArray *bound;   /* the GtkListItems on screen, borrowed */
  GHashTable *people; /* person id -> name (char*), "" for none: for the rows */

  guint reloading; /* > 0 while the list changes: no selection to follow */
} RpListEditorPagePrivate;

static void rp_list_editor_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (RpListEditorPage, rp_list_editor_page, RP_TYPE_RELEASE_PAGE,
                                  G_ADD_PRIVATE (RpListEditorPage)
                                      G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                             rp_list_editor_page_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum
{
  PROP_0,
  PROP_EDITOR_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define GET_PRIV(self)                                                                                       \
  ((RpListEditorPagePrivate *) rp_list_editor_page_get_instance_private (RP_LIST_EDITOR_PAGE (self)))

static RpStore *
get_store (RpListEditorPage *self)
{
  return rp_release_page_get_store (RP_RELEASE_PAGE (self));
}

static RpTextEdits *
get_edits (RpListEditorPage *self)
{
  return rp_release_page_get_edits (RP_RELEASE_PAGE (self));
}

static const char *
get_release_id (RpListEditorPage *self)
{
  return rp_release_page_get_release_id (RP_RELEASE_PAGE (self));
}

static void show_selected (RpListEditorPage *self);
static void select_id (RpListEditorPage *self, const char *id);

/* The list follows the store row by row as each write returns (a new
 * RpRecord for a row that changed): the selection would let go of a row
 * that changed, so it is held while the list changes and put back on the
 * same row (by id) after. */
static void
on_items_changing_cb (GListModel *model, guint position, guint removed, guint added, RpListEditorPage *self)
{
  GET_PRIV (self)->reloading++;
}

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);

  if (priv->current != NULL)
    select_id (self, rp_record_get_id (priv->current));
  priv->reloading--;
  show_selected (self);
}

/* Where the list comes from: the live rows of the release. */
static void
set_items (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  const char *release_id = get_release_id (self);

  if (priv->items != NULL)
    g_signal_handlers_disconnect_by_data (priv->items, self);
  g_clear_object (&priv->items);
  if (release_id != NULL)
    priv->items = G_LIST_MODEL (
        rp_store_list_model (get_store (self), RP_LIST_EDITOR_PAGE_GET_CLASS (self)->entity, release_id));
  else
    priv->items = G_LIST_MODEL (g_list_store_new (RP_TYPE_RECORD));
  /* Around the filtered and sorted lists' and so the selection's own
   * handlers: connected before and after them. */
  g_signal_connect (priv->items, "items-changed", G_CALLBACK (on_items_changing_cb), self);
  priv->reloading++;
  gtk_filter_list_model_set_model (priv->filtered, priv->items);
  priv->reloading--;
  g_signal_connect (priv->items, "items-changed", G_CALLBACK (on_items_changed_cb), self);
}

/* Selects the row @id (NULL: none), without a signal to follow. */
static void
select_id (RpListEditorPage *self, const char *id)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);

  priv->reloading++;
  gtk_single_selection_set_selected (priv->selection, rp_list_model_find (G_LIST_MODEL (priv->sorted), id));
  priv->reloading--;
}

/* The editor pane: the selected row's editor; "select one" when there are
 * rows but none is selected; nothing while the list is empty, where the
 * list's empty state already says what to do (two empty states side by
 * side said it twice). */
static void
show_editor_state (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  const char *name = "blank";

  if (gtk_single_selection_get_selected_item (priv->selection) != NULL)
    name = "editor";
  else if (priv->items != NULL && g_list_model_get_n_items (priv->items) > 0)
    name = "empty";
  gtk_stack_set_visible_child_name (priv->editor_stack, name);
}

static void
update_list_state (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  RpListEditorPageClass *klass = RP_LIST_EDITOR_PAGE_GET_CLASS (self);
  guint n = g_list_model_get_n_items (priv->items);
  g_autofree char *summary = klass->describe (self, NULL);

  gtk_label_set_label (priv->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (priv->summary_label), n > 0 && summary != NULL);
  gtk_stack_set_visible_child_name (priv->list_stack, n > 0 ? "list" : "empty");
  show_editor_state (self);
}

/* The editor follows the selection. */
static void
show_selected (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  RpRecord *selected = gtk_single_selection_get_selected_item (priv->selection);
  gboolean other = FALSE;

  if (selected != priv->current)
    {
      other = priv->current == NULL || selected == NULL ||
              g_strcmp0 (rp_record_get_id (priv->current), rp_record_get_id (selected)) != 0;
      /* Another row: what was typed for the old one is saved to it first,
       * and the fields start afresh. */
      if (other && get_edits (self) != NULL)
        {
          rp_text_edits_flush_all (get_edits (self));
          rp_text_edits_forget_all (get_edits (self));
        }
      g_set_object (&priv->current, selected);
    }

  show_editor_state (self);
  gtk_widget_set_sensitive (GTK_WIDGET (priv->delete_button), selected != NULL);
  gtk_label_set_label (priv->back_label, selected != NULL
                                             ? rp_record_get_label (selected)
                                             : rp_release_page_get_title (RP_RELEASE_PAGE (self)));
  RP_LIST_EDITOR_PAGE_GET_CLASS (self)->show_record (self, selected, other);
}

/* The list is current already: what it shows of it. */
static void
reload (RpListEditorPage *self)
{
  update_list_state (self);
  show_selected (self);
}

static void
on_selection_changed_cb (GtkSelectionModel *model, guint position, guint n_items, RpListEditorPage *self)
{
  if (GET_PRIV (self)->reloading == 0)
    show_selected (self);
}

static void
scroll_to (RpListEditorPage *self, guint position)
{
  gtk_widget_activate_action (GTK_WIDGET (GET_PRIV (self)->list_view), "list.scroll-to-item", "u", position);
}

static gboolean
is_folded (RpListEditorPage *self)
{
  return adw_leaflet_get_folded (GET_PRIV (self)->leaflet);
}

static void
show_editor (RpListEditorPage *self, const char *field)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);

  if (is_folded (self))
    adw_leaflet_set_visible_child (priv->leaflet, priv->editor_pane);
  RP_LIST_EDITOR_PAGE_GET_CLASS (self)->focus_field (self, field);
}

/* The rows */

static void
on_row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpListEditorPage *self)
{
  RP_LIST_EDITOR_PAGE_GET_CLASS (self)->setup_row (self, item);
}

static void
on_row_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpListEditorPage *self)
{
  g_ptr_array_add (GET_PRIV (self)->bound, item);
  RP_LIST_EDITOR_PAGE_GET_CLASS (self)->bind_row (self, gtk_list_item_get_child (item),
                                                  gtk_list_item_get_item (item));
}

static void
on_row_unbound_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpListEditorPage *self)
{
  g_ptr_array_remove_fast (GET_PRIV (self)->bound, item);
}

/* Adding, deleting, moving */

static RpRecord *
rp_list_editor_page_real_new_record (RpListEditorPage *self, const char *title)
{
  RpRecord *record = rp_record_new (RP_LIST_EDITOR_PAGE_GET_CLASS (self)->entity);

  rp_record_set_string (record, "release_id", get_release_id (self));
  rp_record_set_string (record, "title", title);
  rp_record_set_position (record, -1);
  return record;
}

static gboolean
on_add_cb (RpListEditorPage *self, const char *title)
{
  g_autoptr (RpRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  if (get_release_id (self) == NULL)
    return FALSE;
  record = RP_LIST_EDITOR_PAGE_GET_CLASS (self)->new_record (self, title);
  if (!rp_store_insert (get_store (self), record, &error))
    {
      rp_add_entry_show_error (GET_PRIV (self)->add_entry, error->message);
      return FALSE;
    }
  /* The new row is selected, to be filled in next; the focus stays in
   * the entry to add another. */
  rp_list_editor_page_select (self, rp_record_get_id (record));
  return TRUE;
}

static void
delete_selected (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  RpListEditorPageClass *klass = RP_LIST_EDITOR_PAGE_GET_CLASS (self);
  guint position = gtk_single_selection_get_selected (priv->selection);
  g_autoptr (RpRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  guint n;

  if (priv->current == NULL)
    return;
  record = g_object_ref (priv->current);
  /* The edits of the row go with it. */
  rp_text_edits_discard (get_edits (self), NULL);
  if (!rp_store_delete (get_store (self), klass->entity, rp_record_get_id (record), &error))
    {
      rp_ui_show_error (GTK_WIDGET (priv->delete_button), error->message);
      return;
    }
  rp_release_page_update_now (RP_RELEASE_PAGE (self));

  /* The next row takes its place (the last one at the end), for
   * deleting several in a row. */
  n = g_list_model_get_n_items (G_LIST_MODEL (priv->sorted));
  if (n > 0)
    gtk_single_selection_set_selected (priv->selection, MIN (position, n - 1));
  if (is_folded (self))
    adw_leaflet_set_visible_child (priv->leaflet, priv->list_pane);

  what = klass->describe (self, record);
  rp_release_page_show_deleted (RP_RELEASE_PAGE (self), klass->entity, rp_record_get_id (record), what);
}

static void
on_delete_clicked_cb (RpListEditorPage *self)
{
  delete_selected (self);
}

static gboolean
on_delete_pressed_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  delete_selected (RP_LIST_EDITOR_PAGE (data));
  /* The focus stays in the list, on the row that took the place. */
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static gboolean
on_move_pressed_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  RpListEditorPage *self = RP_LIST_EDITOR_PAGE (data);
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  guint position = gtk_single_selection_get_selected (priv->selection);
  int delta = g_variant_get_int32 (args);
  guint n = g_list_model_get_n_items (priv->items);
  g_autoptr (GError) error = NULL;

  /* A sorted list has no order of its own to change. */
  if (gtk_sort_list_model_get_sorter (priv->sorted) != NULL || priv->current == NULL ||
      position == GTK_INVALID_LIST_POSITION || (delta < 0 && position == 0) ||
      (delta > 0 && position + 1 >= n))
    return TRUE;
  /* The list shows what the store holds, moved or not. */
  if (!rp_store_move (get_store (self), RP_LIST_EDITOR_PAGE_GET_CLASS (self)->entity,
                      rp_record_get_id (priv->current), position + delta, &error))
    {
      g_warning ("Could not move a row: %s", error->message);
      return TRUE;
    }
  rp_release_page_update_now (RP_RELEASE_PAGE (self));
  scroll_to (self, position + delta);
  return TRUE;
}

/* The leaflet */

static void
on_item_activated_cb (RpListEditorPage *self, guint position)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);

  if (gtk_single_selection_get_selected (priv->selection) != position)
    gtk_single_selection_set_selected (priv->selection, position);
  if (is_folded (self))
    show_editor (self, NULL);
}

static void
on_back_clicked_cb (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);

  rp_text_edits_flush_all (get_edits (self));
  adw_leaflet_set_visible_child (priv->leaflet, priv->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (priv->list_view));
}

static void
on_folded_changed_cb (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  gboolean folded = is_folded (self);

  gtk_widget_set_visible (priv->back_bar, folded);
  /* Folded, a tap opens the editor; side by side, selecting does. */
  gtk_list_view_set_single_click_activate (priv->list_view, folded);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR_SHOWN]);
}

static void
on_visible_pane_changed_cb (RpListEditorPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR_SHOWN]);
}

/**
 * rp_list_editor_page_get_editor_shown:
 *
 * Returns: whether the page is folded and shows its editor, with its own
 *   back button (to the list): the window shows no second one above it
 */
gboolean
rp_list_editor_page_get_editor_shown (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv;

  g_return_val_if_fail (RP_IS_LIST_EDITOR_PAGE (self), FALSE);

  priv = GET_PRIV (self);
  return is_folded (self) && adw_leaflet_get_visible_child (priv->leaflet) == priv->editor_pane;
}

static void
rp_list_editor_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_EDITOR_SHOWN:
      g_value_set_boolean (value, rp_list_editor_page_get_editor_shown (RP_LIST_EDITOR_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* RpReleasePage */

static void
rp_list_editor_page_release_changed (RpReleasePage *page)
{
  RpListEditorPage *self = RP_LIST_EDITOR_PAGE (page);
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  const char *release_id = get_release_id (self);

  /* Another release: nothing of the old one stays selected. */
  g_hash_table_remove_all (priv->people);
  g_clear_object (&priv->current);
  set_items (self);
  gtk_editable_set_text (GTK_EDITABLE (priv->add_entry), "");
  reload (self);
  /* It opens on its first row, so the editor has something to show. */
  if (g_list_model_get_n_items (priv->items) > 0)
    gtk_single_selection_set_selected (priv->selection, 0);
  if (is_folded (self))
    adw_leaflet_set_visible_child (priv->leaflet, priv->list_pane);
  gtk_widget_set_sensitive (priv->list_pane, release_id != NULL);
}

static void
rp_list_editor_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  RpListEditorPage *self = RP_LIST_EDITOR_PAGE (page);
  gboolean people = entity == RP_ENTITY_PERSON || entity == RP_N_ENTITIES;

  if (people)
    g_hash_table_remove_all (GET_PRIV (self)->people);
  reload (self);
  /* Names show in rows that did not change themselves. */
  if (people)
    rp_list_editor_page_rebind_rows (self);
}

static gboolean
rp_list_editor_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id, const char *field,
                                    gboolean focus)
{
  RpListEditorPage *self = RP_LIST_EDITOR_PAGE (page);

  if (entity != RP_LIST_EDITOR_PAGE_GET_CLASS (self)->entity || !rp_list_editor_page_select (self, id))
    return FALSE;
  if (focus)
    show_editor (self, field);
  return TRUE;
}

/* GObject */

/* GtkBuildable: the slots of a subclass's template */

static void
rp_list_editor_page_add_child (GtkBuildable *buildable, GtkBuilder *builder, GObject *child, const char *type)
{
  RpListEditorPagePrivate *priv = GET_PRIV (buildable);

  /* In the order they come: the editor's parts above the delete button,
   * the list's header above the list. */
  if (g_strcmp0 (type, "editor") == 0)
    gtk_widget_insert_before (GTK_WIDGET (child), priv->editor_box, GTK_WIDGET (priv->delete_button));
  else if (g_strcmp0 (type, "list-header") == 0)
    gtk_widget_insert_before (GTK_WIDGET (child), priv->list_pane, GTK_WIDGET (priv->summary_label));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
rp_list_editor_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rp_list_editor_page_add_child;
}

/* GObject */

static void
setup_list (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  GtkListItemFactory *factory;
  GtkShortcutController *shortcuts;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbound_cb), self);
  gtk_list_view_set_factory (priv->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (priv->list_view, GTK_SELECTION_MODEL (priv->selection));

  /* Delete on the selected row deletes it; Alt+Up and Alt+Down move it. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  rp_ui_add_shortcut (shortcuts, GDK_KEY_Delete, 0, on_delete_pressed_cb, self, NULL);
  rp_ui_add_shortcut (shortcuts, GDK_KEY_KP_Delete, 0, on_delete_pressed_cb, self, NULL);
  rp_ui_add_shortcut (shortcuts, GDK_KEY_Up, GDK_ALT_MASK, on_move_pressed_cb, self,
                      g_variant_new_int32 (-1));
  rp_ui_add_shortcut (shortcuts, GDK_KEY_Down, GDK_ALT_MASK, on_move_pressed_cb, self,
                      g_variant_new_int32 (+1));
  gtk_widget_add_controller (GTK_WIDGET (priv->list_view), GTK_EVENT_CONTROLLER (shortcuts));

  g_signal_connect_object (priv->leaflet, "notify::visible-child", G_CALLBACK (on_visible_pane_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->leaflet, "notify::folded", G_CALLBACK (on_folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_folded_changed_cb (self);
}

static void
rp_list_editor_page_finalize (GObject *object)
{
  RpListEditorPagePrivate *priv = GET_PRIV (object);

  if (priv->items != NULL)
    g_signal_handlers_disconnect_by_data (priv->items, object);
  if (gtk_filter_list_model_get_filter (priv->filtered) != NULL)
    g_signal_handlers_disconnect_by_data (gtk_filter_list_model_get_filter (priv->filtered), object);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->sorted);
  g_clear_object (&priv->filtered);
  g_clear_object (&priv->items);
  g_clear_object (&priv->current);
  g_clear_pointer (&priv->bound, g_ptr_array_unref);
  g_clear_pointer (&priv->people, g_hash_table_unref);

  G_OBJECT_CLASS (rp_list_editor_page_parent_class)->finalize (object);
}

static void
rp_list_editor_page_class_init (RpListEditorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);

  object_class->finalize = rp_list_editor_page_finalize;
  object_class->get_property = rp_list_editor_page_get_property;
  page_class->release_changed = rp_list_editor_page_release_changed;
  page_class->store_changed = rp_list_editor_page_store_changed;
  page_class->select_subject = rp_list_editor_page_select_subject;
  /* What every list of the kind saves and shows: a required title that
   * stays while refused, names of people, the release's name. A
   * subclass watches its entity too. */
  page_class->edits_flags = RP_TEXT_EDITS_KEEP_REFUSED;
  rp_release_page_class_watch (page_class, RP_ENTITY_PERSON);
  rp_release_page_class_watch (page_class, RP_ENTITY_RELEASE);
  klass->new_record = rp_list_editor_page_real_new_record;

  /**
   * RpListEditorPage:editor-shown:
   *
   * Whether the page is folded and shows its editor.
   */
  properties[PROP_EDITOR_SHOWN] =
      g_param_spec_boolean ("editor-shown", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RP_TYPE_ADD_ENTRY);
  rp_release_page_class_set_template_from_resource (
      page_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-list-editor-page.ui");
  /* The widgets whose words, names and accessible labels a subclass's
   * template gives are internal children. */
#define BIND(name, internal)                                                                                 \
  gtk_widget_class_bind_template_child_full (widget_class, #name, internal,                                  \
                                             G_PRIVATE_OFFSET (RpListEditorPage, name))
  BIND (leaflet, FALSE);
  BIND (list_pane, FALSE);
  BIND (add_entry, TRUE);
  BIND (summary_label, FALSE);
  BIND (list_stack, FALSE);
  BIND (list_view, TRUE);
  BIND (editor_pane, FALSE);
  BIND (back_bar, FALSE);
  BIND (back_label, FALSE);
  BIND (editor_stack, FALSE);
  BIND (editor_box, FALSE);
  BIND (delete_button, TRUE);
#undef BIND
  gtk_widget_class_bind_template_child_full (widget_class, "list_empty", TRUE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "back_button", TRUE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "editor_empty", TRUE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
}

static void
rp_list_editor_page_init (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);

  priv->bound = g_ptr_array_new ();
  priv->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  priv->items = G_LIST_MODEL (g_list_store_new (RP_TYPE_RECORD));
  priv->filtered = gtk_filter_list_model_new (g_object_ref (priv->items), NULL);
  priv->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (priv->filtered)), NULL);
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->sorted)));
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  g_signal_connect (priv->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_list (self);
}

/**
 * rp_list_editor_page_get_model:
 *
 * Returns: (transfer none): the rows the list shows, in the order it
 *   shows them: the typed faces of the rows, which follow the store
 */
GListModel *
rp_list_editor_page_get_model (RpListEditorPage *self)
{
  g_return_val_if_fail (RP_IS_LIST_EDITOR_PAGE (self), NULL);

  return G_LIST_MODEL (GET_PRIV (self)->sorted);
}

/**
 * rp_list_editor_page_set_sorter:
 * @sorter: (transfer none) (nullable): the order of the list, NULL for
 *   the stored order
 *
 * Sorts the list, for a page whose rows have an order of their own (the
 * risks by score). A sorted list has no Alt+Up/Down: nothing to move.
 */
void
rp_list_editor_page_set_sorter (RpListEditorPage *self, GtkSorter *sorter)
{
  RpListEditorPagePrivate *priv;

  g_return_if_fail (RP_IS_LIST_EDITOR_PAGE (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  priv = GET_PRIV (self);
  priv->reloading++;
  gtk_sort_list_model_set_sorter (priv->sorted, sorter);
  if (priv->current != NULL)
    select_id (self, rp_record_get_id (priv->current));
  priv->reloading--;
}

/**
 * rp_list_editor_page_get_current:
 *
 * Returns: (transfer none) (nullable): the row in the editor
 */
RpRecord *
rp_list_editor_page_get_current (RpListEditorPage *self)
{
  g_return_val_if_fail (RP_IS_LIST_EDITOR_PAGE (self), NULL);

  return GET_PRIV (self)->current;
}

/* The filter changed: the list shows another part of the rows. The row
 * in the editor stays if it is still shown, else the first one takes its
 * place. */
static void
on_filter_changing_cb (GtkFilter *filter, GtkFilterChange change, RpListEditorPage *self)
{
  GET_PRIV (self)->reloading++;
}

static void
on_filter_changed_cb (GtkFilter *filter, GtkFilterChange change, RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv = GET_PRIV (self);
  guint position = GTK_INVALID_LIST_POSITION;

  if (priv->current != NULL)
    position = rp_list_model_find (G_LIST_MODEL (priv->sorted), rp_record_get_id (priv->current));
  if (position == GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (G_LIST_MODEL (priv->sorted)) > 0)
    position = 0;
  gtk_single_selection_set_selected (priv->selection, position);
  priv->reloading--;
  update_list_state (self);
  show_selected (self);
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
}

/**
 * rp_list_editor_page_set_filter:
 * @filter: (transfer none) (nullable): which rows the list shows, NULL
 *   for all
 *
 * Filters the list (the risks of one cell of the heat map). When the
 * filter changes, the row in the editor stays if it is still shown, else
 * the first row shown takes its place. The summary still counts every
 * row.
 */
void
rp_list_editor_page_set_filter (RpListEditorPage *self, GtkFilter *filter)
{
  RpListEditorPagePrivate *priv;
  GtkFilter *old;

  g_return_if_fail (RP_IS_LIST_EDITOR_PAGE (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  priv = GET_PRIV (self);
  old = gtk_filter_list_model_get_filter (priv->filtered);
  if (old == filter)
    return;
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  /* Around the filtered list's own handler, as for the rows. */
  if (filter != NULL)
    g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changing_cb), self);
  priv->reloading++;
  gtk_filter_list_model_set_filter (priv->filtered, filter);
  priv->reloading--;
  if (filter != NULL)
    g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
}

/**
 * rp_list_editor_page_select:
 * @id: the id of a row of the list
 *
 * Selects the row @id (the editor shows it) and scrolls the list to it.
 *
 * Returns: FALSE when the list has no such row
 */
gboolean
rp_list_editor_page_select (RpListEditorPage *self, const char *id)
{
  RpListEditorPagePrivate *priv;
  guint position;

  g_return_val_if_fail (RP_IS_LIST_EDITOR_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  priv = GET_PRIV (self);
  rp_release_page_update_now (RP_RELEASE_PAGE (self));
  position = rp_list_model_find (G_LIST_MODEL (priv->sorted), id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (priv->selection, position);
  scroll_to (self, position);
  return TRUE;
}

/**
 * rp_list_editor_page_rebind_rows:
 *
 * Shows the rows on screen again, for what they show of other rows (a
 * person's name, a count) that changed.
 */
void
rp_list_editor_page_rebind_rows (RpListEditorPage *self)
{
  RpListEditorPagePrivate *priv;

  g_return_if_fail (RP_IS_LIST_EDITOR_PAGE (self));

  priv = GET_PRIV (self);
  for (guint i = 0; i < priv->bound->len; i++)
    RP_LIST_EDITOR_PAGE_GET_CLASS (self)->bind_row (self, gtk_list_item_get_child (priv->bound->pdata[i]),
                                                    gtk_list_item_get_item (priv->bound->pdata[i]));
}

/**
 * rp_list_editor_page_save_current:
 * @column: a column of the row in the editor
 * @value: (transfer floating) (nullable): the value, NULL for none
 * @widget: where to show a refusal
 *
 * Saves @value to @column of the row in the editor, unless it holds that
 * already (a combo telling late about a value the page put back).
 *
 * Returns: FALSE when the store refused it
 */
gboolean
rp_list_editor_page_save_current (RpListEditorPage *self, const char *column, GVariant *value,
                                  GtkWidget *widget)
{
  RpListEditorPagePrivate *priv;
  g_autoptr (GVariant) owned = value != NULL ? g_variant_ref_sink (value) : NULL;
  GVariant *stored; /* borrowed */

  g_return_val_if_fail (RP_IS_LIST_EDITOR_PAGE (self), FALSE);

  priv = GET_PRIV (self);
  if (priv->current == NULL)
    return TRUE;
  stored = rp_record_get_value (priv->current, column);
  if (stored == NULL ? owned == NULL : owned != NULL && g_variant_equal (stored, owned))
    return TRUE;
  return rp_ui_save_value (get_store (self), RP_LIST_EDITOR_PAGE_GET_CLASS (self)->entity,
                           rp_record_get_id (priv->current), column,
                           owned != NULL ? g_variant_ref (owned) : NULL, widget);
}

/**
 * rp_list_editor_page_schedule_text:
 * @widget: a text field of the editor (a GtkEditable or GtkTextView)
 * @column: the column of the row in the editor it holds
 *
 * Saves @widget's text to @column a moment after the last key.
 */
void
rp_list_editor_page_schedule_text (RpListEditorPage *self, GtkWidget *widget, const char *column)
{
  RpListEditorPagePrivate *priv;

  g_return_if_fail (RP_IS_LIST_EDITOR_PAGE (self));

  priv = GET_PRIV (self);
  if (priv->current == NULL)
    return;
  rp_text_edits_schedule (get_edits (self), widget, RP_LIST_EDITOR_PAGE_GET_CLASS (self)->entity,
                          rp_record_get_id (priv->current), column);
}

static void
on_text_changed_cb (GObject *editable_or_buffer, GtkWidget *widget)
{
  RpListEditorPage *self = RP_LIST_EDITOR_PAGE (gtk_widget_get_ancestor (widget, RP_TYPE_LIST_EDITOR_PAGE));

  rp_list_editor_page_schedule_text (self, widget, g_object_get_data (G_OBJECT (widget), "rp-column"));
}

static void
on_entry_row_activated_cb (GtkWidget *row, RpListEditorPage *self)
{
  rp_text_edits_flush (get_edits (self), row);
}

/**
 * rp_list_editor_page_watch_text:
 * @widget: a text field of the editor: a GtkEditable or a GtkTextView
 * @column: (not nullable): a static string, the column it holds
 *
 * Makes @widget save what is typed into it to @column of the row in the
 * editor: a moment after the last key, at once on Enter (of an
 * AdwEntryRow) and when the focus leaves it. Call it once the store is
 * set (in store_set).
 */
void
rp_list_editor_page_watch_text (RpListEditorPage *self, GtkWidget *widget, const char *column)
{
  g_return_if_fail (RP_IS_LIST_EDITOR_PAGE (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (widget) || GTK_IS_EDITABLE (widget));
  g_return_if_fail (get_edits (self) != NULL);

  g_object_set_data (G_OBJECT (widget), "rp-column", (gpointer) column);
  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                             G_CALLBACK (on_text_changed_cb), widget, 0);
  else
    g_signal_connect_object (widget, "changed", G_CALLBACK (on_text_changed_cb), widget, 0);
  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_connect_object (widget, "entry-activated", G_CALLBACK (on_entry_row_activated_cb), self, 0);
  rp_text_edits_watch_focus (get_edits (self), widget);
}

GtkWidget *
rp_list_editor_row_new (const char *name)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_name (row, name);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (details, TRUE);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");

  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (second), details);
  gtk_box_append (GTK_BOX (row), second);
  g_object_set_data (G_OBJECT (row), "rp-title", title);
  g_object_set_data (G_OBJECT (row), "rp-details", details);
  return row;
}

GtkWidget *
rp_list_editor_row_add_pill (GtkWidget *row, const char *key, const char *text)
{
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "rp-details");
  GtkWidget *pill = gtk_label_new (text);

  g_return_val_if_fail (GTK_IS_LABEL (details), NULL);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "rp-pill");
  gtk_widget_insert_before (pill, gtk_widget_get_parent (details), details);
  g_object_set_data (G_OBJECT (row), key, pill);
  return pill;
}

/**
 * rp_list_editor_page_lookup_person:
 * @person_id: (nullable): the id of a person
 *
 * The name of a person for the rows, read once until people change.
 *
 * Returns: (transfer none) (nullable): the name, NULL for none
 */
const char *
rp_list_editor_page_lookup_person (RpListEditorPage *self, const char *person_id)
{
  RpListEditorPagePrivate *priv;
  const char *name;

  g_return_val_if_fail (RP_IS_LIST_EDITOR_PAGE (self), NULL);

  if (person_id == NULL)
    return NULL;
  priv = GET_PRIV (self);
  name = g_hash_table_lookup (priv->people, person_id);
  if (name == NULL)
    {
      g_autoptr (RpRecord) person = rp_store_get (get_store (self), RP_ENTITY_PERSON, person_id, NULL);

      name = person ? rp_person_get_name (RP_PERSON (person)) : "";
      g_hash_table_insert (priv->people, g_strdup (person_id), g_strdup (name));
      name = g_hash_table_lookup (priv->people, person_id);
    }
  return *name ? name : NULL;
}

/**
 * rp_list_editor_page_count:
 * @match: (scope call): says whether a row counts
 *
 * Counts the rows of the list for which @match is TRUE, for the summary.
 *
 * Returns: how many
 */
guint
rp_list_editor_page_count (RpListEditorPage *self, RpRecordMatchFunc match)
{
  GListModel *items;
  guint n, count = 0;

  g_return_val_if_fail (RP_IS_LIST_EDITOR_PAGE (self), 0);
  g_return_val_if_fail (match != NULL, 0);

  items = GET_PRIV (self)->items;
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) record = g_list_model_get_item (items, i);

      if (match (record))
        count++;
    }
  return count;
}
