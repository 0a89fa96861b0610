/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-page.h"

/* The Scope page driven as a user would: type a title and press Enter,
 * add and tick a criterion, delete the item, undo; and a release with
 * 2,000 items. */

static RpStore *
open_store (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static char *
add_release (RpStore *store, const char *name)
{
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "name", name);
  rp_record_set_position (release, -1);
  rp_store_insert (store, release, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (release));
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Resizes the window and waits for the X server to say it did. */
static void
resize (GtkWidget *window, int width, int height)
{
  gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, on_tick_cb, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  while (gtk_widget_get_width (window) != width && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  iterate ();
}

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

/* Presses a key on a widget the way its shortcut controllers see it:
 * finds the shortcut for the key and runs its action (GTK 4 has no way
 * to send a key event to a window on a test server). */
static void
press_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_error ("no shortcut for %s on %s", gdk_keyval_name (keyval), G_OBJECT_TYPE_NAME (widget));
}

/* The text of a text view, kept until the next call. */
static const char *
view_text (GtkWidget *view)
{
  static char *text;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  g_free (text);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return text;
}

static GtkWidget *
template_child (GtkWidget *page, const char *name)
{
  GObject *child = gtk_widget_get_template_child (page, RP_TYPE_SCOPE_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The criterion rows of the editor, in order. */
static GPtrArray *
criterion_rows (GtkWidget *page)
{
  GtkWidget *list = template_child (page, "criteria_list");
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), "criterion-row") == 0)
      g_ptr_array_add (rows, child);
  return rows;
}

static GListModel *
list_model (GtkWidget *page)
{
  return G_LIST_MODEL (
      gtk_list_view_get_model (GTK_LIST_VIEW (template_child (page, "list_view"))));
}

/* Saves a picture of the window when RP_SCREENSHOT_DIR is set. The
 * window draws only after the X server shows it: wait for that. */
static void
screenshot (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("RP_SCREENSHOT_DIR");
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = 0, height = 0;
  guint tick;

  if (dir == NULL)
    return;
  tick = g_timeout_add (20, on_tick_cb, NULL);
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

      g_main_context_iteration (NULL, TRUE);
      iterate ();
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_source_remove (tick);
  if (node == NULL)
    {
      g_test_message ("screenshot %s: nothing drawn (%dx%d)", name, width, height);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot %s", path);
}

static GtkWidget *
make_window (RpStore *store, GtkWidget **page_out, int width, int height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = g_object_new (RP_TYPE_SCOPE_PAGE, "store", store, NULL);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  *page_out = page;
  return window;
}

static void
test_scope_edit_delete_undo (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autofree char *release_id = add_release (store, "Alpha");
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (RpRecord) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *item_id = NULL;
  GtkWidget *page, *window, *entry, *add_row, *check, *title_row;
  GtkSingleSelection *selection;
  GWeakRef page_ref;

  window = make_window (store, &page, 1000, 720);
  g_weak_ref_init (&page_ref, page);
  g_object_set (page, "release-id", release_id, NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 0);

  /* Type a title and press Enter. */
  entry = template_child (page, "add_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "New checkout flow");
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, release_id);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (items->pdata[0], "title"), ==, "New checkout flow");
  item_id = g_strdup (rp_record_get_id (items->pdata[0]));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 1);

  /* It is selected, its editor shows it. */
  selection = GTK_SINGLE_SELECTION (list_model (page));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  title_row = template_child (page, "title_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "New checkout flow");

  /* Add a criterion. */
  add_row = template_child (page, "criterion_add_row");
  gtk_editable_set_text (GTK_EDITABLE (add_row), "Pays with a saved card");
  g_signal_emit_by_name (add_row, "entry-activated");
  iterate ();
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_cmpuint (criteria->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (criteria->pdata[0], "text"), ==, "Pays with a saved card");
  g_assert_false (rp_record_get_bool (criteria->pdata[0], "met"));
  g_clear_pointer (&criteria, g_ptr_array_unref);

  /* Tick it as met. */
  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  check = find_named (rows->pdata[0], "criterion-check");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  iterate ();
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_true (rp_record_get_bool (criteria->pdata[0], "met"));
  g_clear_pointer (&criteria, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A second criterion, moved up with its button. */
  gtk_editable_set_text (GTK_EDITABLE (add_row), "Shows the receipt");
  g_signal_emit_by_name (add_row, "entry-activated");
  iterate ();
  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  g_signal_emit_by_name (find_named (rows->pdata[1], "criterion-up"), "clicked");
  iterate ();
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_cmpstr (rp_record_get_string (criteria->pdata[0], "text"), ==, "Shows the receipt");
  g_clear_pointer (&criteria, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = criterion_rows (page);
  g_assert_cmpstr (view_text (find_named (rows->pdata[0], "criterion-entry")), ==,
                   "Shows the receipt");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rp_store_undo (store, &error); /* the move */
  g_assert_no_error (error);
  iterate ();
  rows = criterion_rows (page);
  g_assert_cmpstr (view_text (find_named (rows->pdata[0], "criterion-entry")), ==,
                   "Pays with a saved card");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Alt+Down on the first criterion moves it down; undo. */
  rows = criterion_rows (page);
  press_key (rows->pdata[0], GDK_KEY_Down, GDK_ALT_MASK);
  iterate ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_cmpstr (rp_record_get_string (criteria->pdata[1], "text"), ==, "Pays with a saved card");
  g_clear_pointer (&criteria, g_ptr_array_unref);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  iterate ();

  /* Edit a criterion's text, then remove the second one. */
  rows = criterion_rows (page);
  {
    GtkWidget *text = find_named (rows->pdata[0], "criterion-entry");

    /* Typed, then Enter. */
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                              "Pays with a saved card or a voucher", -1);
    press_key (text, GDK_KEY_Return, 0);
  }
  iterate ();
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_cmpstr (rp_record_get_string (criteria->pdata[0], "text"), ==,
                   "Pays with a saved card or a voucher");
  g_clear_pointer (&criteria, g_ptr_array_unref);
  g_signal_emit_by_name (find_named (rows->pdata[1], "criterion-remove"), "clicked");
  iterate ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, 1);
  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  iterate ();
  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A change from elsewhere shows at once; what is being typed stays. */
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  rp_record_set_string (item, "description", "Written by the CLI");
  rp_store_update (store, item, &error);
  g_assert_no_error (error);
  g_clear_object (&item);
  iterate ();
  {
    GtkTextBuffer *buffer =
        gtk_text_view_get_buffer (GTK_TEXT_VIEW (template_child (page, "description_view")));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Written by the CLI");
  }
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Checkout 2");
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  rp_record_set_bool (item, "risky", FALSE);
  rp_store_update (store, item, &error);
  g_clear_object (&item);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Checkout 2");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (template_child (page, "risky_switch"))));

  /* Typing alone saves, a moment after the last key. */
  {
    GtkTextBuffer *buffer =
        gtk_text_view_get_buffer (GTK_TEXT_VIEW (template_child (page, "description_view")));
    gint64 until;
    guint tick;

    gtk_text_buffer_set_text (buffer, "Line one\nLine two", -1);
    iterate ();
    item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
    g_assert_cmpstr (rp_record_get_string (item, "description"), ==, "Written by the CLI");
    g_clear_object (&item);
    until = g_get_monotonic_time () + 700 * 1000;
    tick = g_timeout_add (20, on_tick_cb, NULL);
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
    iterate ();
    item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
    g_assert_cmpstr (rp_record_get_string (item, "description"), ==, "Line one\nLine two");
    g_clear_object (&item);
  }

  /* Edit the title; an empty one is refused where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Checkout 2.0");
  g_signal_emit_by_name (title_row, "entry-activated");
  iterate ();
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_string (item, "title"), ==, "Checkout 2.0");
  g_clear_object (&item);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "   ");
  g_signal_emit_by_name (title_row, "entry-activated");
  iterate ();
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "title"), ==, "Checkout 2.0");
  g_clear_object (&item);
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title_row)), ==,
                   "A scope item needs a title.");
  screenshot (window, "scope-title-error.png");
  /* A change elsewhere does not wipe what is being fixed. */
  gtk_switch_set_active (GTK_SWITCH (template_child (page, "risky_switch")), TRUE);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "   ");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Checkout 2.0");
  g_signal_emit_by_name (title_row, "entry-activated");
  iterate ();
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  g_assert_true (rp_record_get_bool (item, "risky"));
  g_clear_object (&item);

  /* The status, and the flag key. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (page, "status_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (template_child (page, "flag_row")), "checkout-v2");
  g_signal_emit_by_name (template_child (page, "flag_row"), "entry-activated");
  iterate ();
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "status"), ==, "in_progress");
  g_assert_cmpstr (rp_record_get_string (item, "feature_flag"), ==, "checkout-v2");
  g_clear_object (&item);

  /* A second item for the pictures. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Dark mode for the settings page");
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  gtk_switch_set_active (GTK_SWITCH (template_child (page, "risky_switch")), TRUE);
  iterate ();
  g_assert_true (gtk_widget_has_css_class (template_child (page, "flag_row"), "warning"));
  screenshot (window, "scope-risky-unflagged.png");
  gtk_single_selection_set_selected (selection, 0);
  iterate ();
  g_assert_false (gtk_widget_has_css_class (template_child (page, "flag_row"), "warning"));
  screenshot (window, "scope-wide.png");
  gtk_single_selection_set_selected (selection, 1);
  g_signal_emit_by_name (template_child (page, "delete_button"), "clicked");
  iterate ();
  gtk_single_selection_set_selected (selection, 0);
  iterate ();

  /* Delete the item: its criteria go with it. */
  g_signal_emit_by_name (template_child (page, "delete_button"), "clicked");
  iterate ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, release_id);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 0);

  /* Undo: both back, and shown. */
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  iterate ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, release_id);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 1);
  {
    g_autoptr (RpRecord) shown = g_list_model_get_item (list_model (page), 0);
    g_assert_cmpstr (rp_record_get_string (shown, "title"), ==, "Checkout 2.0");
  }

  /* Delete key on the selected row. */
  gtk_single_selection_set_selected (selection, 0);
  iterate ();
  press_key (template_child (page, "list_view"), GDK_KEY_Delete, 0);
  iterate ();
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_SCOPE_ITEM), ==, 0);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 1);

  /* Narrow: the list, then the editor of the item tapped. */
  resize (window, 360, 720);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (template_child (page, "leaflet"))));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (page, "leaflet"))) ==
                 template_child (page, "list_pane"));
  screenshot (window, "scope-narrow-list.png");
  g_signal_emit_by_name (template_child (page, "list_view"), "activate", 0);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (page, "leaflet"))) ==
                 template_child (page, "editor_pane"));
  g_assert_true (gtk_widget_get_visible (template_child (page, "back_bar")));
  screenshot (window, "scope-narrow-editor.png");
  /* Nothing of the editor is wider than the window (once laid out). */
  {
    gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
    guint tick = g_timeout_add (20, on_tick_cb, NULL);

    while (gtk_widget_get_width (template_child (page, "editor_pane")) > 360 &&
           g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
  }
  g_assert_cmpint (gtk_widget_get_width (template_child (page, "editor_pane")), <=, 360);
  g_signal_emit_by_name (find_named (page, "back-button"), "clicked");
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (page, "leaflet"))) ==
                 template_child (page, "list_pane"));
  g_signal_emit_by_name (template_child (page, "list_view"), "activate", 0);
  iterate ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  resize (window, 1000, 720);
  screenshot (window, "scope-wide-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_null (g_weak_ref_get (&page_ref));
  g_weak_ref_clear (&page_ref);
}

static void
test_scope_many (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autofree char *release_id = add_release (store, "Big");
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimer) timer = NULL;
  GtkWidget *page, *window;

  rp_store_begin (store, "Fill", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr (RpRecord) item = rp_record_new (RP_ENTITY_SCOPE_ITEM);
      g_autofree char *title = g_strdup_printf ("Scope item %u", i);

      rp_record_set_string (item, "release_id", release_id);
      rp_record_set_string (item, "title", title);
      rp_record_set_bool (item, "risky", i % 7 == 0);
      rp_record_set_position (item, -1);
      rp_store_insert (store, item, &error);
      g_assert_no_error (error);
    }
  rp_store_commit (store, &error);
  g_assert_no_error (error);

  window = make_window (store, &page, 1000, 720);
  timer = g_timer_new ();
  g_object_set (page, "release-id", release_id, NULL);
  iterate ();
  g_test_message ("2000 scope items shown in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 2000);

  /* An edit of one item reloads without a stall too. */
  g_timer_start (timer);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), 1500);
  iterate ();
  gtk_switch_set_active (GTK_SWITCH (template_child (page, "risky_switch")), TRUE);
  iterate ();
  g_test_message ("selected and edited item 1500 in %.3f s", g_timer_elapsed (timer, NULL));
  g_timer_start (timer);
  gtk_switch_set_active (GTK_SWITCH (template_child (page, "risky_switch")), FALSE);
  iterate ();
  g_test_message ("edited it again in %.3f s", g_timer_elapsed (timer, NULL));

  /* Scrolling to the end and back. */
  g_timer_start (timer);
  gtk_widget_activate_action (template_child (page, "list_view"), "list.scroll-to-item", "u", 1999);
  iterate ();
  gtk_widget_activate_action (template_child (page, "list_view"), "list.scroll-to-item", "u", 0);
  iterate ();
  g_test_message ("scrolled to the end and back in %.3f s", g_timer_elapsed (timer, NULL));

  /* Alt+Down moves the selected item, which stays selected. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), 0);
  iterate ();
  press_key (template_child (page, "list_view"), GDK_KEY_Down, GDK_ALT_MASK);
  iterate ();
  {
    g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, release_id);
    g_autoptr (RpRecord) second = g_list_model_get_item (list_model (page), 1);

    g_assert_cmpstr (rp_record_get_string (items->pdata[0], "title"), ==, "Scope item 1");
    g_assert_cmpstr (rp_record_get_string (items->pdata[1], "title"), ==, "Scope item 0");
    g_assert_cmpstr (rp_record_get_string (second, "title"), ==, "Scope item 0");
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))),
                      ==, 1);
  }

  /* Something pointing at the last item shows it. */
  {
    g_autoptr (RpRecord) last = g_list_model_get_item (list_model (page), 1999);

    gtk_widget_activate_action (page, "scope.select-item", "s", rp_record_get_id (last));
    iterate ();
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))),
                      ==, 1999);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (page, "title_row"))), ==,
                     "Scope item 1999");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* G_TEST_OPTION_ISOLATE_DIRS hides the system's data dirs, and with them
 * the compiled GSettings schemas libadwaita reads at adw_init(): point
 * GSettings at them first, unless the test set-up already did. */
static void
keep_system_schemas (void)
{
  const char *const *dirs = g_get_system_data_dirs ();

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    return;
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (dirs[i], "glib-2.0", "schemas", NULL);
      g_autofree char *compiled = g_build_filename (dir, "gschemas.compiled", NULL);

      if (g_file_test (compiled, G_FILE_TEST_EXISTS))
        {
          g_setenv ("GSETTINGS_SCHEMA_DIR", dir, TRUE);
          return;
        }
    }
}

int
main (int argc, char *argv[])
{
  keep_system_schemas ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  /* Pictures and sizes of the end state, not of a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/scope-page/edit-delete-undo", test_scope_edit_delete_undo);
  g_test_add_func ("/scope-page/many-items", test_scope_many);
  return g_test_run ();
}
