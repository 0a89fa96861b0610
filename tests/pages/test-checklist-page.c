/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "rp-checklist-page.h"
#include "rp-test-ui.h"

/* The Checklist page driven as a user would: tick an item, undo, mark one
 * not applicable, add an item by typing, move it with the keyboard,
 * filter, copy the list as Markdown; start from a template on an empty
 * checklist; and open a release with 2,000 items. */

static void
on_painted_cb (GdkFrameClock *clock, gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Runs the loop until the next frame has been painted. */
static void
wait_painted (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted_cb), &painted);
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

static GtkWidget *
find_label (GtkWidget *root, const char *name, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0 &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, name, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A control (by name) in the row of the item with @text. */
static GtkWidget *
item_control (GtkWidget *page, const char *text, const char *name)
{
  GtkWidget *label = find_label (page, "item-text", text);
  GtkWidget *control;

  g_assert_nonnull (label);
  /* label -> its box of labels -> the row's content */
  control = rp_test_find_named (gtk_widget_get_parent (gtk_widget_get_parent (label)), name);
  g_assert_nonnull (control);
  return control;
}

static GtkWidget *
template_child (GtkWidget *page, const char *name)
{
  return rp_test_template_child (page, RP_TYPE_CHECKLIST_PAGE, name);
}

static GListModel *
list_model (GtkWidget *page)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (template_child (page, "list_view"))));
}

static guint
count_rows (GtkWidget *page, const char *kind)
{
  GListModel *model = list_model (page);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) entry = g_list_model_get_item (model, i);
      g_autofree char *entry_kind = NULL;

      g_object_get (entry, "kind", &entry_kind, NULL);
      if (g_strcmp0 (entry_kind, kind) == 0)
        n++;
    }
  return n;
}

static guint
row_position (GtkWidget *page, const char *id)
{
  GListModel *model = list_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) entry = g_list_model_get_item (model, i);
      g_autofree char *entry_id = NULL;
      g_autofree char *kind = NULL;

      g_object_get (entry, "id", &entry_id, "kind", &kind, NULL);
      if (g_strcmp0 (entry_id, id) == 0 && g_strcmp0 (kind, "add") != 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static const char *
progress_text (GtkWidget *page)
{
  return gtk_label_get_text (GTK_LABEL (template_child (page, "progress_label")));
}

static double
progress_fraction (GtkWidget *page)
{
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (template_child (page, "progress_bar")));
}

static const char *
visible_page (GtkWidget *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (page, "stack")));
}

static GPtrArray *
list_items (RpStore *store, const char *release_id, guint section)
{
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);

  g_assert_cmpuint (section, <, sections->len);
  return rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[section]));
}

static void
assert_fits_narrow (GtkWidget *page)
{
  int minimum;

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static void
on_clipboard_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  char **text = user_data;
  g_autoptr (GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*text);
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_read_cb, &text);
  while (text == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (text);
  return text;
}

static GtkWidget *
show_page (RpStore *store, const char *release_id, int width, int height)
{
  GtkWidget *page = g_object_new (RP_TYPE_CHECKLIST_PAGE, "store", store, "release-id", release_id, NULL);
  GtkWidget *window = rp_test_window_for (page, width, height);

  rp_test_wait_mapped (page);
  rp_test_wait_ms (50);
  return window;
}

static void
close_page (GtkWidget *window)
{
  GtkWidget *page = gtk_window_get_child (GTK_WINDOW (window));

  g_object_ref (page);
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

static void
test_standard (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Checkout 3.0");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (RpRecord) item = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *added_id = NULL;
  GtkWidget *window, *page, *check, *entry;
  const char *first_text;

  rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, release_id, &error);
  g_assert_no_error (error);

  window = show_page (store, release_id, 900, 1000);
  page = gtk_window_get_child (GTK_WINDOW (window));

  /* The article's checklist: 3 sections, 17 items, nothing done. */
  g_assert_cmpstr (visible_page (page), ==, "list");
  g_assert_cmpuint (count_rows (page, "section"), ==, 3);
  g_assert_cmpuint (count_rows (page, "item"), ==, 17);
  g_assert_cmpstr (progress_text (page), ==, "0/17");
  g_assert_nonnull (find_label (page, "section-name", "Pre-Release"));
  g_assert_nonnull (find_label (page, "section-progress-label", "0/7"));
  assert_fits_narrow (page);
  rp_test_screenshot (window, "checklist-fresh", 200);

  /* Tick the first item with its check button. */
  items = list_items (store, release_id, 0);
  first_text = rp_record_get_string (items->pdata[0], "text");
  g_assert_cmpstr (first_text, ==, "All features complete and merged");
  check = item_control (page, first_text, "item-check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  rp_test_flush ();
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (items->pdata[0]), NULL);
  g_assert_cmpstr (rp_record_get_string (item, "state"), ==, "done");
  g_assert_false (rp_record_is_null (item, "done_at"));
  g_assert_cmpstr (progress_text (page), ==, "1/17");
  g_assert_cmpfloat_with_epsilon (progress_fraction (page), 1.0 / 17.0, 1e-9);
  g_assert_nonnull (find_label (page, "section-progress-label", "1/7"));
  g_clear_object (&item);

  /* Undo: open again, and the page says so. */
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (items->pdata[0]), NULL);
  g_assert_cmpstr (rp_record_get_string (item, "state"), ==, "open");
  g_assert_true (rp_record_is_null (item, "done_at"));
  g_assert_cmpstr (progress_text (page), ==, "0/17");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_clear_object (&item);

  /* Not applicable counts as complete. */
  gtk_toggle_button_set_active (
      GTK_TOGGLE_BUTTON (item_control (page, rp_record_get_string (items->pdata[1], "text"), "na-toggle")),
      TRUE);
  rp_test_flush ();
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (items->pdata[1]), NULL);
  g_assert_cmpstr (rp_record_get_string (item, "state"), ==, "na");
  g_assert_cmpstr (progress_text (page), ==, "1/17");
  g_clear_object (&item);

  /* A change from elsewhere (the CLI's tick) shows at once. */
  rp_checklist_set_state (store, rp_record_get_id (items->pdata[2]), "done", &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpstr (progress_text (page), ==, "2/17");
  g_assert_true (gtk_check_button_get_active (
      GTK_CHECK_BUTTON (item_control (page, rp_record_get_string (items->pdata[2], "text"), "item-check"))));

  /* Type an item into the first section's entry and press Enter. */
  entry = rp_test_find_named (page, "add-item-entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Installer smoke-tested on Windows  ");
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 0);
  g_assert_cmpuint (items->len, ==, 8);
  g_assert_cmpstr (rp_record_get_string (items->pdata[7], "text"), ==, "Installer smoke-tested on Windows");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (count_rows (page, "item"), ==, 18);
  g_assert_cmpstr (progress_text (page), ==, "2/18");
  added_id = g_strdup (rp_record_get_id (items->pdata[7]));

  /* The new item is selected: Alt+Up moves it up by one. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))), ==,
                    row_position (page, added_id));
  gtk_widget_activate_action (page, "checklist.move-up", NULL);
  rp_test_flush ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 0);
  g_assert_cmpstr (rp_record_get_id (items->pdata[6]), ==, added_id);
  g_assert_cmpuint (row_position (page, added_id), ==, 7); /* the header, then 6 items */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))), ==, 7);

  /* Alt+Down twice, faster than the page redraws: to the end of its
   * section, then into the next one. */
  gtk_widget_activate_action (page, "checklist.move-down", NULL);
  gtk_widget_activate_action (page, "checklist.move-down", NULL);
  rp_test_flush ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 1);
  g_assert_cmpstr (rp_record_get_id (items->pdata[0]), ==, added_id);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 0);
  g_assert_cmpuint (items->len, ==, 7);
  /* One undo step puts it back into its section. */
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 0);
  g_assert_cmpuint (items->len, ==, 8);
  g_assert_cmpstr (rp_record_get_id (items->pdata[7]), ==, added_id);

  /* Open items only: the done and the n/a item go away. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (page, "open_only_toggle")), TRUE);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "item"), ==, 16);
  g_assert_cmpuint (count_rows (page, "section"), ==, 3);
  g_assert_null (find_label (page, "item-text", rp_record_get_string (items->pdata[2], "text")));
  /* Ticking an item while filtered hides it too. */
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (item_control (page, rp_record_get_string (items->pdata[3], "text"), "item-check")),
      TRUE);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "item"), ==, 15);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (page, "open_only_toggle")), FALSE);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "item"), ==, 18);

  /* Copy as Markdown: the whole checklist on the clipboard. */
  g_signal_emit_by_name (rp_test_find_named (page, "copy-markdown-button"), "clicked");
  rp_test_flush ();
  markdown = read_clipboard (page);
  g_assert_true (g_str_has_prefix (markdown, "## Pre-Release\n- [ ] All features complete and merged\n"));
  g_assert_nonnull (strstr (markdown, "- [x] ~~All tests passing~~ (n/a)"));
  g_assert_nonnull (strstr (markdown, "- [ ] Installer smoke-tested on Windows"));
  g_assert_nonnull (strstr (markdown, "## Post-Deploy"));
  g_clear_pointer (&markdown, g_free);

  /* And one section, from its menu. */
  {
    g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);

    gtk_widget_activate_action (page, "checklist.copy-section", "s", rp_record_get_id (sections->pdata[1]));
    rp_test_flush ();
    markdown = read_clipboard (page);
    g_assert_true (g_str_has_prefix (markdown, "## Deploy\n"));
    g_assert_null (strstr (markdown, "Pre-Release"));
  }

  rp_test_screenshot (window, "checklist-worked", 200);
  if (g_getenv ("RP_SCREENSHOT_DIR") != NULL)
    {
      rp_test_resize (window, 360, 720, 100);
      rp_test_screenshot (window, "checklist-narrow", 200);
    }

  close_page (window);
}

static void
test_delete_and_sections (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Search 1.2");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  GtkWidget *window, *page;
  guint position;

  rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, release_id, &error);
  g_assert_no_error (error);
  window = show_page (store, release_id, 800, 900);
  page = gtk_window_get_child (GTK_WINDOW (window));

  /* Select an item and press Delete: gone, one undo brings it back. */
  items = list_items (store, release_id, 0);
  position = row_position (page, rp_record_get_id (items->pdata[1]));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), position);
  gtk_widget_activate_action (page, "checklist.delete", NULL);
  rp_test_flush ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 0);
  g_assert_cmpuint (items->len, ==, 6);
  g_assert_cmpuint (count_rows (page, "item"), ==, 16);
  g_assert_cmpstr (progress_text (page), ==, "0/16");
  /* The next item is selected, so that Delete again deletes it. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))), ==,
                    row_position (page, rp_record_get_id (items->pdata[1])));
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "item"), ==, 17);

  /* The toggle action (Space on a row) ticks the selected item. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)),
                                     row_position (page, rp_record_get_id (items->pdata[3])));
  gtk_widget_activate_action (page, "checklist.toggle", NULL);
  rp_test_flush ();
  {
    g_autoptr (RpRecord) item =
        rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (items->pdata[3]), NULL);
    g_assert_cmpstr (rp_record_get_string (item, "state"), ==, "done");
  }
  g_assert_cmpstr (progress_text (page), ==, "1/17");

  /* A finding that points at a done item while only open ones are shown
   * turns the filter off and selects it. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), GTK_INVALID_LIST_POSITION);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (page, "open_only_toggle")), TRUE);
  rp_test_flush ();
  g_assert_cmpuint (row_position (page, rp_record_get_id (items->pdata[3])), ==, GTK_INVALID_LIST_POSITION);
  rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_CHECKLIST_ITEM,
                                  rp_record_get_id (items->pdata[3]), NULL);
  rp_test_flush ();
  g_assert_false (
      gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (template_child (page, "open_only_toggle"))));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))), ==,
                    row_position (page, rp_record_get_id (items->pdata[3])));

  /* Sections: move the last one up, make it required, delete it. */
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  gtk_widget_activate_action (page, "checklist.section-up", "s", rp_record_get_id (sections->pdata[2]));
  rp_test_flush ();
  {
    g_autoptr (GPtrArray) now = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
    g_assert_cmpstr (rp_record_get_string (now->pdata[1], "name"), ==, "Post-Deploy");
    g_assert_cmpuint (row_position (page, rp_record_get_id (sections->pdata[2])), ==, 9);
  }
  g_assert_false (rp_record_get_bool (sections->pdata[2], "complete_before_deploy"));
  gtk_widget_activate_action (page, "checklist.toggle-required", "s", rp_record_get_id (sections->pdata[2]));
  rp_test_flush ();
  {
    g_autoptr (RpRecord) section =
        rp_store_get (store, RP_ENTITY_CHECKLIST_SECTION, rp_record_get_id (sections->pdata[2]), NULL);
    g_assert_true (rp_record_get_bool (section, "complete_before_deploy"));
  }
  gtk_widget_activate_action (page, "checklist.delete-section", "s", rp_record_get_id (sections->pdata[2]));
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "section"), ==, 2);
  g_assert_cmpuint (count_rows (page, "item"), ==, 12);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "section"), ==, 3);
  g_assert_cmpuint (count_rows (page, "item"), ==, 17);

  /* Deleting every section leaves the empty state. */
  for (guint i = 0; i < sections->len; i++)
    {
      rp_store_delete (store, RP_ENTITY_CHECKLIST_SECTION, rp_record_get_id (sections->pdata[i]), &error);
      g_assert_no_error (error);
    }
  rp_test_flush ();
  g_assert_cmpstr (visible_page (page), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 0);

  close_page (window);
}

static GtkWidget *
find_toplevel_with (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
      GtkWidget *found = rp_test_find_named (toplevel, name);

      if (found != NULL && gtk_widget_get_mapped (toplevel))
        return found;
    }
  return NULL;
}

static void
test_empty (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Mobile 7");
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *page, *row, *name_entry, *dialog;
  gint64 until;

  window = show_page (store, release_id, 800, 700);
  page = gtk_window_get_child (GTK_WINDOW (window));
  g_assert_cmpstr (visible_page (page), ==, "empty");
  rp_test_screenshot (window, "checklist-empty", 200);

  /* Apply Template… lists the templates; choosing one fills the list. */
  g_signal_emit_by_name (rp_test_find_named (page, "apply-template-button"), "clicked");
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((row = find_toplevel_with ("template-row")) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Standard release");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "3 sections · 17 items");
  rp_test_screenshot (GTK_WIDGET (gtk_widget_get_root (row)), "checklist-templates", 200);
  g_signal_emit_by_name (row, "activated");
  rp_test_flush ();
  g_assert_cmpstr (visible_page (page), ==, "list");
  g_assert_cmpuint (count_rows (page, "section"), ==, 3);
  g_assert_cmpuint (count_rows (page, "item"), ==, 17);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpstr (visible_page (page), ==, "empty");

  /* Add Section asks for a name. */
  g_signal_emit_by_name (rp_test_find_named (page, "add-section-button"), "clicked");
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((name_entry = find_toplevel_with ("name-entry")) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (name_entry);
  dialog = GTK_WIDGET (gtk_widget_get_root (name_entry));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Localisation");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* What its button does: respond, then close. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  gtk_window_close (GTK_WINDOW (dialog));
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (dialog != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dialog);
  rp_test_flush ();
  {
    g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
    g_assert_cmpuint (sections->len, ==, 1);
    g_assert_cmpstr (rp_record_get_string (sections->pdata[0], "name"), ==, "Localisation");
  }
  g_assert_cmpstr (visible_page (page), ==, "list");
  g_assert_cmpuint (count_rows (page, "add"), ==, 1);

  /* Save as Template… makes a template of it. */
  gtk_widget_activate_action (page, "checklist.save-template", NULL);
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((name_entry = find_toplevel_with ("name-entry")) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (name_entry);
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Mobile releases");
  dialog = GTK_WIDGET (gtk_widget_get_root (name_entry));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  gtk_window_close (GTK_WINDOW (dialog));
  rp_test_flush ();
  {
    g_autoptr (RpRecord) tmpl = rp_template_find (store, "Mobile releases", &error);
    g_assert_no_error (error);
    g_assert_nonnull (tmpl);
  }

  close_page (window);
}

/* Waits for a window with a widget of that name to be shown. */
static GtkWidget *
wait_for_named (const char *name, GtkWidget *not_in)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_get_monotonic_time () < until)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
          GtkWidget *found;

          if (toplevel == not_in || !gtk_widget_get_mapped (toplevel))
            continue;
          if ((found = rp_test_find_named (toplevel, name)) != NULL)
            return found;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Types a name into the name dialog that is open and presses its button. */
static void
answer_name (const char *name, GtkWidget *not_in)
{
  GtkWidget *entry = wait_for_named ("name-entry", not_in);
  GtkWidget *dialog = GTK_WIDGET (gtk_widget_get_root (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_null (dialog);
  rp_test_flush ();
}

static void
test_templates (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Analytics 9");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) tmpl = NULL;
  GtkWidget *window, *page, *row, *dialog;

  rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, release_id, &error);
  g_assert_no_error (error);
  window = show_page (store, release_id, 800, 700);
  page = gtk_window_get_child (GTK_WINDOW (window));

  gtk_widget_activate_action (page, "checklist.apply-template", NULL);
  row = wait_for_named ("template-row", window);
  dialog = GTK_WIDGET (gtk_widget_get_root (row));
  g_assert_cmpuint (rp_test_count_named (dialog, "template-row"), ==, 2);

  /* Renaming to the name of another template is refused. */
  gtk_widget_activate_action (row, "templates.rename", "s", RP_TEMPLATE_LIFECYCLE_ID);
  answer_name ("standard RELEASE", dialog);
  tmpl = rp_store_get (store, RP_ENTITY_TEMPLATE, RP_TEMPLATE_LIFECYCLE_ID, NULL);
  g_assert_cmpstr (rp_record_get_string (tmpl, "name"), ==, "Full lifecycle");
  g_clear_object (&tmpl);

  gtk_widget_activate_action (row, "templates.rename", "s", RP_TEMPLATE_LIFECYCLE_ID);
  answer_name ("Lifecycle, long form", dialog);
  tmpl = rp_store_get (store, RP_ENTITY_TEMPLATE, RP_TEMPLATE_LIFECYCLE_ID, NULL);
  g_assert_cmpstr (rp_record_get_string (tmpl, "name"), ==, "Lifecycle, long form");
  rp_test_flush ();
  g_assert_nonnull (wait_for_named ("template-row", window));
  rp_test_screenshot (dialog, "checklist-templates-managed", 200);

  /* Delete, and undo. */
  row = rp_test_find_named (dialog, "template-row");
  gtk_widget_activate_action (row, "templates.delete", "s", RP_TEMPLATE_STANDARD_ID);
  rp_test_flush ();
  g_assert_null (rp_store_get (store, RP_ENTITY_TEMPLATE, RP_TEMPLATE_STANDARD_ID, NULL));
  g_assert_cmpuint (rp_test_count_named (dialog, "template-row"), ==, 1);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (rp_test_count_named (dialog, "template-row"), ==, 2);
  {
    g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, RP_TEMPLATE_STANDARD_ID);
    g_assert_cmpuint (items->len, ==, 3);
  }

  gtk_window_close (GTK_WINDOW (dialog));
  rp_test_flush ();
  close_page (window);
}

static void
test_editor (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Billing 2");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (RpRecord) item = NULL;
  GtkWidget *window, *page, *text_row;
  gint64 until;

  rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, release_id, &error);
  g_assert_no_error (error);
  window = show_page (store, release_id, 800, 900);
  page = gtk_window_get_child (GTK_WINDOW (window));
  items = list_items (store, release_id, 0);

  /* The edit button of an item opens its editor; typing saves. */
  g_signal_emit_by_name (item_control (page, rp_record_get_string (items->pdata[4], "text"),
                                       "edit-item-button"),
                         "clicked");
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((text_row = find_toplevel_with ("item-text-row")) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (text_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text_row)), ==, "Release notes written");
  rp_test_screenshot (GTK_WIDGET (gtk_widget_get_root (text_row)), "checklist-editor", 200);
  gtk_editable_set_text (GTK_EDITABLE (text_row), "Release notes written and reviewed");
  g_signal_emit_by_name (text_row, "entry-activated");
  rp_test_flush ();
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (items->pdata[4]), NULL);
  g_assert_cmpstr (rp_record_get_string (item, "text"), ==, "Release notes written and reviewed");
  g_assert_nonnull (find_label (page, "item-text", "Release notes written and reviewed"));

  /* An empty text is refused where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (text_row), "   ");
  g_signal_emit_by_name (text_row, "entry-activated");
  rp_test_flush ();
  g_assert_true (gtk_widget_has_css_class (text_row, "error"));
  g_clear_object (&item);
  item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (items->pdata[4]), NULL);
  g_assert_cmpstr (rp_record_get_string (item, "text"), ==, "Release notes written and reviewed");

  gtk_window_close (GTK_WINDOW (gtk_widget_get_root (text_row)));
  rp_test_flush ();
  close_page (window);
}

/* Drops the row of @dragged_id on @target_row, in its upper or lower half,
 * as the end of a drag and drop does. */
static void
drop_on (GtkWidget *page, const char *dragged_id, GtkWidget *target_row, gboolean lower_half)
{
  g_autoptr (GObject) entry = g_list_model_get_item (list_model (page), row_position (page, dragged_id));
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (target_row);
  gboolean dropped = FALSE;

  g_assert_nonnull (entry);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      GValue value = G_VALUE_INIT;
      double y = lower_half ? gtk_widget_get_height (target_row) - 2 : 2;

      if (!GTK_IS_DROP_TARGET (controller))
        continue;
      g_value_init (&value, G_OBJECT_TYPE (entry));
      g_value_set_object (&value, entry);
      g_signal_emit_by_name (controller, "drop", &value, 10.0, y, &dropped);
      g_value_unset (&value);
    }
  g_assert_true (dropped);
  rp_test_flush ();
}

static GtkWidget *
item_row (GtkWidget *page, const char *text)
{
  /* check -> the row's content -> the row */
  return gtk_widget_get_parent (gtk_widget_get_parent (item_control (page, text, "item-check")));
}

static GtkWidget *
section_row (GtkWidget *page, const char *name)
{
  GtkWidget *label = find_label (page, "section-name", name);

  g_assert_nonnull (label);
  /* name -> its line -> the row's content -> the row */
  return gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (label)));
}

static void
test_drag_and_filter (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Payments 5");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) deploy = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (RpRecord) ada = rp_record_new (RP_ENTITY_PERSON);
  GtkWidget *window, *page, *dropdown, *entry;
  GListModel *people;

  rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, release_id, &error);
  g_assert_no_error (error);
  window = show_page (store, release_id, 800, 1000);
  page = gtk_window_get_child (GTK_WINDOW (window));

  /* An item of Deploy dropped on the upper half of the second item of
   * Pre-Release goes before it, and one undo puts it back. */
  deploy = list_items (store, release_id, 1);
  g_assert_cmpstr (rp_record_get_string (deploy->pdata[3], "text"), ==, "Smoke tests passing");
  drop_on (page, rp_record_get_id (deploy->pdata[3]), item_row (page, "All tests passing"), FALSE);
  items = list_items (store, release_id, 0);
  g_assert_cmpuint (items->len, ==, 8);
  g_assert_cmpstr (rp_record_get_string (items->pdata[1], "text"), ==, "Smoke tests passing");
  g_assert_cmpstr (rp_record_get_string (items->pdata[2], "text"), ==, "All tests passing");
  g_assert_nonnull (find_label (page, "section-progress-label", "0/8"));
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 1);
  g_assert_cmpstr (rp_record_get_string (items->pdata[3], "text"), ==, "Smoke tests passing");

  /* Within a section, on the lower half: after it. */
  drop_on (page, rp_record_get_id (deploy->pdata[0]), item_row (page, "Smoke tests passing"), TRUE);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 1);
  g_assert_cmpstr (rp_record_get_string (items->pdata[2], "text"), ==, "Smoke tests passing");
  g_assert_cmpstr (rp_record_get_string (items->pdata[3], "text"), ==, "Low-traffic window selected");

  /* A section dropped on the header of the first goes first. */
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  drop_on (page, rp_record_get_id (sections->pdata[2]), section_row (page, "Pre-Release"), FALSE);
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  g_assert_cmpstr (rp_record_get_string (sections->pdata[0], "name"), ==, "Post-Deploy");
  g_assert_cmpuint (row_position (page, rp_record_get_id (sections->pdata[0])), ==, 0);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();

  /* One person's items: the filter lists the people of the store. */
  rp_record_set_string (ada, "name", "Augusta Ada King, Countess of Lovelace");
  rp_store_insert (store, ada, &error);
  g_assert_no_error (error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (RpRecord) item = rp_record_copy (items->pdata[i * 2]);

      rp_record_set_string (item, "assignee_id", rp_record_get_id (ada));
      rp_store_update (store, item, &error);
      g_assert_no_error (error);
    }
  rp_test_flush ();
  dropdown = template_child (page, "assignee_dropdown");
  people = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (people), 2), ==,
                   "Augusta Ada King, Countess of Lovelace");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "item"), ==, 2);
  /* Even with a long name chosen the page fits a phone. */
  assert_fits_narrow (page);
  rp_test_screenshot (window, "checklist-filtered", 200);

  /* What is added while filtered is that person's. */
  entry = rp_test_find_named (page, "add-item-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Card network certification");
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_items (store, release_id, 0);
  g_assert_cmpstr (rp_record_get_string (items->pdata[7], "text"), ==, "Card network certification");
  g_assert_cmpstr (rp_record_get_string (items->pdata[7], "assignee_id"), ==, rp_record_get_id (ada));
  g_assert_cmpuint (count_rows (page, "item"), ==, 3);

  /* Unassigned, then everyone. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "item"), ==, 15);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "item"), ==, 18);

  close_page (window);
}

static void
test_large (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Monolith 2000");
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimer) timer = NULL;
  GtkWidget *window, *page;
  GtkAdjustment *adjustment;
  clock_t cpu;

  rp_store_begin (store, "Add 2,000 items", &error);
  g_assert_no_error (error);
  for (guint s = 0; s < 10; s++)
    {
      g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);
      g_autofree char *name = g_strdup_printf ("Section %u", s + 1);

      rp_record_set_string (section, "release_id", release_id);
      rp_record_set_string (section, "name", name);
      rp_store_insert (store, section, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 200; i++)
        {
          g_autoptr (RpRecord) item = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);
          g_autofree char *text = g_strdup_printf ("Item %u of section %u", i + 1, s + 1);

          rp_record_set_string (item, "section_id", rp_record_get_id (section));
          rp_record_set_string (item, "text", text);
          if (i % 3 == 0)
            rp_record_set_string (item, "state", "done");
          rp_store_insert (store, item, &error);
          g_assert_no_error (error);
        }
    }
  rp_store_commit (store, &error);
  g_assert_no_error (error);

  /* As in the window: the page is there, a release is chosen. */
  window = show_page (store, NULL, 800, 900);
  page = gtk_window_get_child (GTK_WINDOW (window));
  g_assert_cmpstr (visible_page (page), ==, "no-release");
  timer = g_timer_new ();
  cpu = clock ();
  g_object_set (page, "release-id", release_id, NULL);
  wait_painted (page);
  g_test_message ("opened a release with 2,000 checklist items and painted it in %.0f ms "
                  "(%.0f ms of CPU time)",
                  g_timer_elapsed (timer, NULL) * 1000, (double) (clock () - cpu) * 1000 / CLOCKS_PER_SEC);
  g_assert_cmpuint (count_rows (page, "item"), ==, 2000);
  g_assert_cmpstr (progress_text (page), ==, "670/2000");

  g_timer_start (timer);
  cpu = clock ();
  adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (template_child (page, "scrolled_window")));
  for (int step = 1; step <= 20; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * step / 20.0);
      rp_test_wait_ms (5);
    }
  g_test_message ("scrolled through it in 20 steps in %.0f ms (%.0f ms of CPU time)",
                  g_timer_elapsed (timer, NULL) * 1000, (double) (clock () - cpu) * 1000 / CLOCKS_PER_SEC);

  /* A tick in a big list changes one row, not the list. */
  g_timer_start (timer);
  {
    g_autoptr (GPtrArray) items = list_items (store, release_id, 9);
    rp_checklist_set_state (store, rp_record_get_id (items->pdata[199]), "done", &error);
    g_assert_no_error (error);
  }
  rp_test_flush ();
  g_test_message ("a tick shown in %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpstr (progress_text (page), ==, "671/2000");

  close_page (window);
}

/* Picks @template_name in the Apply Template dialog of @page. */
static void
apply_in_dialog (GtkWidget *page, GtkWidget *window, const char *template_name)
{
  GtkWidget *row = NULL, *dialog;

  gtk_widget_activate_action (page, "checklist.apply-template", NULL);
  dialog = GTK_WIDGET (gtk_widget_get_root (wait_for_named ("template-row", window)));
  for (GtkWidget *child = rp_test_find_named (dialog, "template-row"); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_PREFERENCES_ROW (child) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), template_name) == 0)
      row = child;
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  rp_test_flush ();
}

/* Apply Template on a checklist that has the template's sections adds
 * only the items it lacks (once it made 34 items of 17, sections twice)
 * and says so in a toast with Undo; when nothing lacks, it says that. */
static void
test_apply_again (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Payments 2027.1");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) items = NULL;
  GtkWidget *window, *page;
  const char *title, *action;
  RpProgress progress;

  g_assert_true (rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, release_id, &error));
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]));
  g_assert_true (rp_checklist_set_state (store, rp_record_get_id (items->pdata[0]), "done", &error));
  g_assert_true (
      rp_store_delete (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (items->pdata[1]), &error));
  g_assert_no_error (error);
  window = show_page (store, release_id, 800, 700);
  page = gtk_window_get_child (GTK_WINDOW (window));
  g_assert_cmpuint (count_rows (page, "item"), ==, 16);

  /* The deleted item comes back; nothing is there twice. */
  apply_in_dialog (page, window, "Standard release");
  g_assert_cmpuint (count_rows (page, "section"), ==, 3);
  g_assert_cmpuint (count_rows (page, "item"), ==, 17);
  rp_checklist_progress (store, release_id, NULL, &progress);
  g_assert_cmpuint (progress.total, ==, 17);
  g_assert_cmpuint (progress.done, ==, 1);
  g_assert_nonnull (rp_test_find_toast (window, &title, &action));
  g_assert_cmpstr (title, ==, "Added 1 item of “Standard release”");
  g_assert_cmpstr (action, ==, "win.undo");
  rp_test_screenshot (window, "checklist-apply-again", 100);

  /* Again: nothing to add, nothing to undo (once the toast before is
   * closed: a toast waits for the one shown to go). */
  {
    GtkWidget *toast = rp_test_find_toast (window, NULL, NULL);
    GtkWidget *close = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (toast); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_BUTTON (child))
        close = child;
    g_signal_emit_by_name (close, "clicked");
    rp_test_wait_ms (400);
  }
  apply_in_dialog (page, window, "Standard release");
  g_assert_cmpuint (count_rows (page, "item"), ==, 17);
  g_assert_nonnull (rp_test_find_toast (window, &title, &action));
  g_assert_cmpstr (title, ==, "The checklist has every item of “Standard release” already");
  g_assert_null (action);

  /* What Undo does: the item added goes again. */
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (count_rows (page, "item"), ==, 16);

  close_page (window);
}

int
main (int argc, char *argv[])
{
  /* Pictures and sizes of the end state, not of a transition. */
  rp_test_ui_init_full (&argc, &argv, RP_TEST_UI_NO_ANIMATIONS);

  g_test_add_func ("/checklist-page/standard", test_standard);
  g_test_add_func ("/checklist-page/delete-and-sections", test_delete_and_sections);
  g_test_add_func ("/checklist-page/empty", test_empty);
  g_test_add_func ("/checklist-page/editor", test_editor);
  g_test_add_func ("/checklist-page/templates", test_templates);
  g_test_add_func ("/checklist-page/apply-again", test_apply_again);
  g_test_add_func ("/checklist-page/drag-and-filter", test_drag_and_filter);
  g_test_add_func ("/checklist-page/large", test_large);

  return g_test_run ();
}
