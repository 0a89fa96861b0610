/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-scope-page.h"
#include "rp-test-ui.h"

/* The Scope page driven as a user would: type a title and press Enter,
 * add and tick a criterion, delete the item, undo; and a release with
 * 2,000 items. */

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
  return rp_test_template_child (page, RP_TYPE_SCOPE_PAGE, name);
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
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (template_child (page, "list_view"))));
}

static GtkWidget *
make_window (RpStore *store, GtkWidget **page_out, int width, int height)
{
  GtkWidget *page = g_object_new (RP_TYPE_SCOPE_PAGE, "store", store, NULL);
  GtkWidget *window = rp_test_window_for (rp_test_in_toast_overlay (page), width, height);

  rp_test_flush ();
  *page_out = page;
  return window;
}

/* An empty release shows one empty state, the list's; with items but none
 * selected, the editor asks for one. */
static void
test_scope_one_empty_state (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release = rp_test_add_release (store, "Spring");
  GtkWidget *page, *window = make_window (store, &page, 1000, 720);

  g_object_set (page, "release-id", release, NULL);
  rp_test_wait_mapped (page);
  g_assert_true (gtk_widget_get_mapped (template_child (page, "list_empty")));
  g_assert_cmpuint (rp_test_count_mapped_status_pages (page), ==, 1);
  rp_test_screenshot (window, "scope-empty", 200);

  gtk_editable_set_text (GTK_EDITABLE (template_child (page, "add_entry")), "Passkeys");
  g_signal_emit_by_name (template_child (page, "add_entry"), "activate");
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 1);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), GTK_INVALID_LIST_POSITION);
  rp_test_flush ();
  g_assert_true (gtk_widget_get_mapped (template_child (page, "editor_empty")));
  g_assert_cmpuint (rp_test_count_mapped_status_pages (page), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
}

static void
test_scope_edit_delete_undo (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release_full (store, "Alpha", NULL, TRUE);
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
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 0);

  /* Type a title and press Enter. */
  entry = template_child (page, "add_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "New checkout flow");
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
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
  add_row = template_child (page, "criterion_add_entry");
  gtk_editable_set_text (GTK_EDITABLE (add_row), "Pays with a saved card");
  g_signal_emit_by_name (add_row, "activate");
  rp_test_flush ();
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_cmpuint (criteria->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (criteria->pdata[0], "text"), ==, "Pays with a saved card");
  g_assert_false (rp_record_get_bool (criteria->pdata[0], "met"));
  g_clear_pointer (&criteria, g_ptr_array_unref);

  /* Tick it as met. */
  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  check = rp_test_find_named (rows->pdata[0], "criterion-check");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  rp_test_flush ();
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_true (rp_record_get_bool (criteria->pdata[0], "met"));
  g_clear_pointer (&criteria, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A second criterion, moved up with its button. */
  gtk_editable_set_text (GTK_EDITABLE (add_row), "Shows the receipt");
  g_signal_emit_by_name (add_row, "activate");
  rp_test_flush ();
  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  g_signal_emit_by_name (rp_test_find_named (rows->pdata[1], "criterion-up"), "clicked");
  rp_test_flush ();
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_cmpstr (rp_record_get_string (criteria->pdata[0], "text"), ==, "Shows the receipt");
  g_clear_pointer (&criteria, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = criterion_rows (page);
  g_assert_cmpstr (view_text (rp_test_find_named (rows->pdata[0], "criterion-entry")), ==,
                   "Shows the receipt");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rp_store_undo (store, &error); /* the move */
  g_assert_no_error (error);
  rp_test_flush ();
  rows = criterion_rows (page);
  g_assert_cmpstr (view_text (rp_test_find_named (rows->pdata[0], "criterion-entry")), ==,
                   "Pays with a saved card");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Alt+Down on the first criterion moves it down; undo. */
  rows = criterion_rows (page);
  rp_test_press_key (rows->pdata[0], GDK_KEY_Down, GDK_ALT_MASK);
  rp_test_flush ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_cmpstr (rp_record_get_string (criteria->pdata[1], "text"), ==, "Pays with a saved card");
  g_clear_pointer (&criteria, g_ptr_array_unref);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();

  /* Edit a criterion's text, then remove the second one. */
  rows = criterion_rows (page);
  {
    GtkWidget *text = rp_test_find_named (rows->pdata[0], "criterion-entry");

    /* Typed, then Enter. */
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                              "Pays with a saved card or a voucher", -1);
    rp_test_press_key (text, GDK_KEY_Return, 0);
  }
  rp_test_flush ();
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, item_id);
  g_assert_cmpstr (rp_record_get_string (criteria->pdata[0], "text"), ==,
                   "Pays with a saved card or a voucher");
  g_clear_pointer (&criteria, g_ptr_array_unref);
  g_signal_emit_by_name (rp_test_find_named (rows->pdata[1], "criterion-remove"), "clicked");
  rp_test_flush ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, 1);
  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A change from elsewhere shows at once; what is being typed stays. */
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  rp_record_set_string (item, "description", "Written by the CLI");
  rp_store_update (store, item, &error);
  g_assert_no_error (error);
  g_clear_object (&item);
  rp_test_flush ();
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
  rp_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Checkout 2");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (template_child (page, "risky_switch"))));

  /* Typing alone saves, a moment after the last key. */
  {
    GtkTextBuffer *buffer =
        gtk_text_view_get_buffer (GTK_TEXT_VIEW (template_child (page, "description_view")));

    gtk_text_buffer_set_text (buffer, "Line one\nLine two", -1);
    rp_test_flush ();
    item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
    g_assert_cmpstr (rp_record_get_string (item, "description"), ==, "Written by the CLI");
    g_clear_object (&item);
    rp_test_wait_ms (700);
    item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
    g_assert_cmpstr (rp_record_get_string (item, "description"), ==, "Line one\nLine two");
    g_clear_object (&item);
  }

  /* Edit the title; an empty one is refused where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Checkout 2.0");
  g_signal_emit_by_name (title_row, "entry-activated");
  rp_test_flush ();
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_string (item, "title"), ==, "Checkout 2.0");
  g_clear_object (&item);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "   ");
  g_signal_emit_by_name (title_row, "entry-activated");
  rp_test_flush ();
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "title"), ==, "Checkout 2.0");
  g_clear_object (&item);
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title_row)), ==,
                   "A scope item needs a title.");
  rp_test_screenshot (window, "scope-title-error", 20);
  /* A change elsewhere does not wipe what is being fixed. */
  gtk_switch_set_active (GTK_SWITCH (template_child (page, "risky_switch")), TRUE);
  rp_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "   ");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Checkout 2.0");
  g_signal_emit_by_name (title_row, "entry-activated");
  rp_test_flush ();
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  g_assert_true (rp_record_get_bool (item, "risky"));
  g_clear_object (&item);

  /* The status, and the flag key. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (page, "status_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (template_child (page, "flag_row")), "checkout-v2");
  g_signal_emit_by_name (template_child (page, "flag_row"), "entry-activated");
  rp_test_flush ();
  item = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, item_id, &error);
  g_assert_cmpstr (rp_record_get_string (item, "status"), ==, "in_progress");
  g_assert_cmpstr (rp_record_get_string (item, "feature_flag"), ==, "checkout-v2");
  g_clear_object (&item);

  /* A second item for the pictures. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Dark mode for the settings page");
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
  gtk_switch_set_active (GTK_SWITCH (template_child (page, "risky_switch")), TRUE);
  rp_test_flush ();
  g_assert_true (gtk_widget_has_css_class (template_child (page, "flag_row"), "warning"));
  rp_test_screenshot (window, "scope-risky-unflagged", 20);
  gtk_single_selection_set_selected (selection, 0);
  rp_test_flush ();
  g_assert_false (gtk_widget_has_css_class (template_child (page, "flag_row"), "warning"));
  rp_test_screenshot (window, "scope-wide", 20);
  gtk_single_selection_set_selected (selection, 1);
  g_signal_emit_by_name (template_child (page, "delete_button"), "clicked");
  rp_test_flush ();
  gtk_single_selection_set_selected (selection, 0);
  rp_test_flush ();

  /* Delete the item: its criteria go with it. */
  g_signal_emit_by_name (template_child (page, "delete_button"), "clicked");
  rp_test_flush ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, release_id);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 0);

  /* Undo: both back, and shown. */
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
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
  rp_test_flush ();
  rp_test_press_key (template_child (page, "list_view"), GDK_KEY_Delete, 0);
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_SCOPE_ITEM), ==, 0);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 1);

  /* Narrow: the list, then the editor of the item tapped. */
  rp_test_resize (window, 360, 720, 0);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (template_child (page, "leaflet"))));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (page, "leaflet"))) ==
                 template_child (page, "list_pane"));
  rp_test_screenshot (window, "scope-narrow-list", 20);
  g_signal_emit_by_name (template_child (page, "list_view"), "activate", 0);
  rp_test_flush ();
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (page, "leaflet"))) ==
                 template_child (page, "editor_pane"));
  g_assert_true (gtk_widget_get_visible (template_child (page, "back_bar")));
  rp_test_screenshot (window, "scope-narrow-editor", 20);
  /* Nothing of the editor is wider than the window (once laid out). */
  {
    gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
    guint tick = rp_test_tick_add (20);

    while (gtk_widget_get_width (template_child (page, "editor_pane")) > 360 &&
           g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
  }
  g_assert_cmpint (gtk_widget_get_width (template_child (page, "editor_pane")), <=, 360);
  g_signal_emit_by_name (rp_test_find_named (page, "back-button"), "clicked");
  rp_test_flush ();
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (page, "leaflet"))) ==
                 template_child (page, "list_pane"));
  g_signal_emit_by_name (template_child (page, "list_view"), "activate", 0);
  rp_test_flush ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rp_test_resize (window, 1000, 720, 0);
  rp_test_screenshot (window, "scope-wide-dark", 20);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_null (g_weak_ref_get (&page_ref));
  g_weak_ref_clear (&page_ref);
}

/* How high @view must be to show its text at the width it has: the text
 * as its font draws it, wrapped at that width less the margins (and the
 * pixel a text view keeps for the cursor), and the top and bottom
 * margins. */
static int
text_height (GtkWidget *view)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (view, view_text (view));
  int height = 0;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (gtk_widget_get_width (view) - gtk_text_view_get_left_margin (text_view) -
                                   gtk_text_view_get_right_margin (text_view) - 1) *
                                      PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + gtk_text_view_get_top_margin (text_view) + gtk_text_view_get_bottom_margin (text_view);
}

/* On screen, laid out for the window it is in (not left from a wider
 * one), and as high as its text. */
static gboolean
criterion_drawn (GtkWidget *view)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (view));

  return gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 0 &&
         gtk_widget_get_width (view) < gtk_widget_get_width (window) &&
         gtk_widget_get_height (view) >= text_height (view);
}

static gboolean
criteria_drawn (GtkWidget *page, guint expected)
{
  g_autoptr (GPtrArray) rows = criterion_rows (page);

  if (rows->len != expected)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!criterion_drawn (rp_test_get_named (rows->pdata[i], "criterion-entry")))
      return FALSE;
  return TRUE;
}

/* Every criterion of the item in the editor has its text on screen: the
 * text view is mapped and as high as its text (once layout settled; 3 s
 * at most). Says which one is not when one is not. */
static void
assert_criteria_drawn (GtkWidget *page, guint expected, const char *when)
{
  gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  guint tick = rp_test_tick_add (20);
  g_autoptr (GPtrArray) rows = NULL;

  while (!criteria_drawn (page, expected) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  rp_test_flush ();

  rows = criterion_rows (page);
  g_assert_cmpuint (rows->len, ==, expected);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *view = rp_test_get_named (rows->pdata[i], "criterion-entry");

      if (!criterion_drawn (view))
        g_error ("%s: criterion %u “%s” is %s, %d × %d px; its text needs %d px", when, i, view_text (view),
                 gtk_widget_get_mapped (view) ? "mapped" : "not mapped", gtk_widget_get_width (view),
                 gtk_widget_get_height (view), text_height (view));
    }
}

/* The criteria of the sample plan's items are drawn with their text:
 * after an item is selected, after a criterion is added, after another
 * item is selected (once they were 0 px high until the window was
 * resized). */
static void
test_scope_criteria_drawn (void)
{
  g_autoptr (RpStore) store = rp_test_open_sample ();
  g_autoptr (RpRecord) release = rp_test_find_release (store, "2027.1.0");
  g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, rp_record_get_id (release));
  const char *sepa = NULL, *other = NULL;
  guint n_sepa = 0, n_other = 0, sepa_index = 0;
  GtkWidget *page, *window, *add_row;

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (GPtrArray) criteria =
          rp_store_list (store, RP_ENTITY_CRITERION, rp_record_get_id (items->pdata[i]));

      if (g_strcmp0 (rp_record_get_string (items->pdata[i], "title"), "SEPA direct debit at checkout") == 0)
        {
          sepa = rp_record_get_id (items->pdata[i]);
          sepa_index = i;
          n_sepa = criteria->len;
        }
      else if (criteria->len > 1 && other == NULL)
        {
          other = rp_record_get_id (items->pdata[i]);
          n_other = criteria->len;
        }
    }
  g_assert_nonnull (sepa);
  g_assert_nonnull (other);
  g_assert_cmpuint (n_sepa, >, 0);

  window = make_window (store, &page, 1000, 720);
  g_object_set (page, "release-id", rp_record_get_id (release), NULL);
  rp_test_wait_mapped (page);

  g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_SCOPE_ITEM, sepa, NULL));
  assert_criteria_drawn (page, n_sepa, "selected");
  rp_test_screenshot (window, "scope-criteria-selected", 20);

  add_row = template_child (page, "criterion_add_entry");
  gtk_editable_set_text (GTK_EDITABLE (add_row), "Mandates are kept for 14 months after the last debit");
  g_signal_emit_by_name (add_row, "activate");
  assert_criteria_drawn (page, n_sepa + 1, "added");
  rp_test_screenshot (window, "scope-criteria-added", 20);

  g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_SCOPE_ITEM, other, NULL));
  assert_criteria_drawn (page, n_other, "switched");
  g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_SCOPE_ITEM, sepa, NULL));
  assert_criteria_drawn (page, n_sepa + 1, "switched back");

  /* Narrow, the editor folded over the list. */
  rp_test_resize (window, 360, 720, 0);
  g_signal_emit_by_name (template_child (page, "list_view"), "activate", sepa_index);
  assert_criteria_drawn (page, n_sepa + 1, "narrow");
  rp_test_screenshot (window, "scope-criteria-narrow", 20);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
}

static void
test_scope_many (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release_full (store, "Big", NULL, TRUE);
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
  rp_test_flush ();
  g_test_message ("2000 scope items shown in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 2000);

  /* An edit of one item reloads without a stall too. */
  g_timer_start (timer);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), 1500);
  rp_test_flush ();
  gtk_switch_set_active (GTK_SWITCH (template_child (page, "risky_switch")), TRUE);
  rp_test_flush ();
  g_test_message ("selected and edited item 1500 in %.3f s", g_timer_elapsed (timer, NULL));
  g_timer_start (timer);
  gtk_switch_set_active (GTK_SWITCH (template_child (page, "risky_switch")), FALSE);
  rp_test_flush ();
  g_test_message ("edited it again in %.3f s", g_timer_elapsed (timer, NULL));

  /* Scrolling to the end and back. */
  g_timer_start (timer);
  gtk_widget_activate_action (template_child (page, "list_view"), "list.scroll-to-item", "u", 1999);
  rp_test_flush ();
  gtk_widget_activate_action (template_child (page, "list_view"), "list.scroll-to-item", "u", 0);
  rp_test_flush ();
  g_test_message ("scrolled to the end and back in %.3f s", g_timer_elapsed (timer, NULL));

  /* Alt+Down moves the selected item, which stays selected. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), 0);
  rp_test_flush ();
  rp_test_press_key (template_child (page, "list_view"), GDK_KEY_Down, GDK_ALT_MASK);
  rp_test_flush ();
  {
    g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, release_id);
    g_autoptr (RpRecord) second = g_list_model_get_item (list_model (page), 1);

    g_assert_cmpstr (rp_record_get_string (items->pdata[0], "title"), ==, "Scope item 1");
    g_assert_cmpstr (rp_record_get_string (items->pdata[1], "title"), ==, "Scope item 0");
    g_assert_cmpstr (rp_record_get_string (second, "title"), ==, "Scope item 0");
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))), ==, 1);
  }

  /* Something pointing at the last item shows it. */
  {
    g_autoptr (RpRecord) last = g_list_model_get_item (list_model (page), 1999);

    g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_SCOPE_ITEM,
                                                   rp_record_get_id (last), NULL));
    rp_test_flush ();
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))), ==, 1999);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (page, "title_row"))), ==,
                     "Scope item 1999");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
}

int
main (int argc, char *argv[])
{
  /* Pictures and sizes of the end state, not of a transition. */
  rp_test_ui_init_full (&argc, &argv, RP_TEST_UI_NO_ANIMATIONS);

  g_test_add_func ("/scope-page/one-empty-state", test_scope_one_empty_state);
  g_test_add_func ("/scope-page/edit-delete-undo", test_scope_edit_delete_undo);
  g_test_add_func ("/scope-page/criteria-drawn", test_scope_criteria_drawn);
  g_test_add_func ("/scope-page/many-items", test_scope_many);
  return g_test_run ();
}
