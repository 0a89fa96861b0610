/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-preferences-window.h"
#include "rp-templates-page.h"
#include "rp-test-ui.h"

/* The Templates page of the preferences driven as a person would: rename,
 * reorder, edit sections and items, delete and undo, each checked in the
 * store. */

static GtkWidget *
get_row (GtkWidget *root, const char *prefix, const char *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);

  return rp_test_get_named (root, name);
}

static void
click (GtkWidget *root, const char *name)
{
  GtkWidget *button = rp_test_get_named (root, name);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  rp_test_flush ();
}

static void
type_and_emit (GtkWidget *row, const char *text, const char *signal)
{
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, signal);
  rp_test_flush ();
}

/* tmpl-NAME-light.png, or -dark under ADW_DEBUG_COLOR_SCHEME=prefer-dark */
static void
save_screenshot (GtkWidget *widget, const char *name)
{
  const char *scheme = g_getenv ("ADW_DEBUG_COLOR_SCHEME");
  g_autofree char *file =
      g_strdup_printf ("tmpl-%s-%s", name, g_strcmp0 (scheme, "prefer-dark") == 0 ? "dark" : "light");

  rp_test_screenshot (widget, file, 500);
}

static RpRecord *
get_record (RpStore *store, RpEntity entity, const char *id)
{
  g_autoptr (GError) error = NULL;
  RpRecord *record = rp_store_get (store, entity, id, &error);

  g_assert_no_error (error);
  return record;
}

static char *
template_name (RpStore *store, const char *id)
{
  g_autoptr (RpRecord) tmpl = get_record (store, RP_ENTITY_TEMPLATE, id);

  return g_strdup (rp_record_get_string (tmpl, "name"));
}

/* Sections and items of a template, as "Section: item, item | …". */
static char *
describe (RpStore *store, const char *template_id)
{
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, template_id);
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < sections->len; s++)
    {
      RpRecord *section = sections->pdata[s];
      g_autoptr (GPtrArray) items =
          rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (section));

      g_string_append_printf (text, "%s%s%s:", s > 0 ? " | " : "", rp_record_get_string (section, "name"),
                              rp_record_get_bool (section, "complete_before_deploy") ? "" : "*");
      for (guint i = 0; i < items->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "," : "",
                                rp_record_get_string (items->pdata[i], "text"));
    }
  return g_string_free (text, FALSE);
}

static guint
count_items (RpStore *store)
{
  return rp_store_count (store, RP_ENTITY_TEMPLATE_ITEM);
}

static const char *
nth_id (GPtrArray *records, guint i)
{
  g_assert_cmpuint (i, <, records->len);
  return rp_record_get_id (records->pdata[i]);
}

static void
test_templates_page (void)
{
  RpStore *store = rp_test_open_store ();
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = rp_templates_page_new (store);
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *standard_name = template_name (store, RP_TEMPLATE_STANDARD_ID);
  g_autofree char *lifecycle_name = template_name (store, RP_TEMPLATE_LIFECYCLE_ID);
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_autofree char *smoke_id = NULL;
  g_autofree char *logs_id = NULL;
  g_autofree char *page_id = NULL;
  guint n_sections = rp_store_count (store, RP_ENTITY_TEMPLATE_SECTION);
  guint n_items = count_items (store);
  GtkWidget *standard_row, *lifecycle_row, *row, *editor, *section, *toggle;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), ==, "Templates");
  g_assert_cmpstr (adw_preferences_page_get_icon_name (ADW_PREFERENCES_PAGE (page)), ==,
                   "checkbox-checked-symbolic");
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 680);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_flush ();

  /* Both built-in templates are listed, in stored order. */
  standard_row = get_row (window, "template-", RP_TEMPLATE_STANDARD_ID);
  lifecycle_row = get_row (window, "template-", RP_TEMPLATE_LIFECYCLE_ID);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (standard_row)), ==, standard_name);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (lifecycle_row)), ==, lifecycle_name);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (standard_row)), ==, 0);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (lifecycle_row)), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (rp_test_get_named (standard_row, "move-template-up")));
  save_screenshot (window, "list");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (standard_row), TRUE);
  save_screenshot (window, "expanded");

  /* Rename through the entry row. */
  type_and_emit (rp_test_get_named (standard_row, "template-name"), "  Weekly Release ", "entry-activated");
  name = template_name (store, RP_TEMPLATE_STANDARD_ID);
  g_assert_cmpstr (name, ==, "Weekly Release");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (standard_row)), ==, "Weekly Release");

  /* A name that differs only in case is refused, where it was typed. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (lifecycle_row), TRUE);
  row = rp_test_get_named (lifecycle_row, "template-name");
  type_and_emit (row, "weekly RELEASE", "apply");
  g_clear_pointer (&name, g_free);
  name = template_name (store, RP_TEMPLATE_LIFECYCLE_ID);
  g_assert_cmpstr (name, ==, lifecycle_name);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "exists already"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "weekly RELEASE");
  save_screenshot (window, "duplicate");
  /* An empty name is refused too; a good one clears the error. */
  type_and_emit (row, "   ", "entry-activated");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  type_and_emit (row, lifecycle_name, "entry-activated");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Name");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (lifecycle_row), FALSE);

  /* Move the second template up: the positions swap. */
  click (lifecycle_row, "move-template-up");
  templates = rp_store_list (store, RP_ENTITY_TEMPLATE, NULL);
  g_assert_cmpuint (templates->len, ==, 2);
  g_assert_cmpstr (nth_id (templates, 0), ==, RP_TEMPLATE_LIFECYCLE_ID);
  g_assert_cmpstr (nth_id (templates, 1), ==, RP_TEMPLATE_STANDARD_ID);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (lifecycle_row)), ==, 0);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (standard_row)), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (rp_test_get_named (lifecycle_row, "move-template-up")));
  g_assert_false (gtk_widget_get_sensitive (rp_test_get_named (standard_row, "move-template-down")));

  /* Edit the template on its subpage: add a section and two items. */
  g_signal_emit_by_name (rp_test_get_named (standard_row, "edit-template"), "activated");
  rp_test_flush ();
  editor = rp_test_get_named (window, "template-editor");
  type_and_emit (rp_test_get_named (editor, "new-section"), "Smoke Test", "entry-activated");
  sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, RP_TEMPLATE_STANDARD_ID);
  g_assert_cmpuint (sections->len, ==, 4);
  smoke_id = g_strdup (nth_id (sections, 3));
  g_assert_cmpstr (rp_record_get_string (sections->pdata[3], "name"), ==, "Smoke Test");
  g_assert_true (rp_record_get_bool (sections->pdata[3], "complete_before_deploy"));
  section = get_row (editor, "section-", smoke_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (editor, "new-section"))), ==, "");

  type_and_emit (rp_test_get_named (section, "new-item"), "Check the logs", "entry-activated");
  type_and_emit (rp_test_get_named (section, "new-item"), "Page on-call", "apply");
  items = rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, smoke_id);
  g_assert_cmpuint (items->len, ==, 2);
  logs_id = g_strdup (nth_id (items, 0));
  page_id = g_strdup (nth_id (items, 1));
  g_assert_cmpuint (count_items (store), ==, n_items + 2);

  /* Rename the item through its row. */
  type_and_emit (get_row (section, "item-", logs_id), "Check the error logs", "apply");
  g_clear_pointer (&after, g_free);
  after = describe (store, RP_TEMPLATE_STANDARD_ID);
  g_assert_true (g_str_has_suffix (after, " | Smoke Test:Check the error logs,Page on-call"));

  /* Reorder: the second item up, the section up one place. */
  click (get_row (section, "item-", page_id), "move-item-up");
  g_clear_pointer (&after, g_free);
  after = describe (store, RP_TEMPLATE_STANDARD_ID);
  g_assert_true (g_str_has_suffix (after, " | Smoke Test:Page on-call,Check the error logs"));
  g_assert_false (
      gtk_widget_get_sensitive (rp_test_get_named (get_row (section, "item-", page_id), "move-item-up")));
  click (section, "move-section-up");
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, RP_TEMPLATE_STANDARD_ID);
  g_assert_cmpstr (nth_id (sections, 2), ==, smoke_id);
  g_assert_true (gtk_widget_get_prev_sibling (get_row (editor, "section-", smoke_id)) ==
                 get_row (editor, "section-", nth_id (sections, 1)));

  /* Rename the section, and it need not be complete before deploy. */
  type_and_emit (rp_test_get_named (section, "section-name"), "Smoke Tests", "entry-activated");
  toggle = rp_test_get_named (section, "complete-before-deploy");
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  rp_test_flush ();
  {
    g_autoptr (RpRecord) smoke = get_record (store, RP_ENTITY_TEMPLATE_SECTION, smoke_id);

    g_assert_cmpstr (rp_record_get_string (smoke, "name"), ==, "Smoke Tests");
    g_assert_false (rp_record_get_bool (smoke, "complete_before_deploy"));
  }
  save_screenshot (window, "editor");

  /* Undo brings the switch back, in the store and on the page. */
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  rp_test_flush ();

  /* Remove an item. */
  click (get_row (section, "item-", logs_id), "remove-item");
  g_clear_pointer (&after, g_free);
  after = describe (store, RP_TEMPLATE_STANDARD_ID);
  g_assert_nonnull (strstr (after, " | Smoke Tests*:Page on-call | "));
  {
    g_autofree char *logs_row = g_strconcat ("item-", logs_id, NULL);

    g_assert_null (rp_test_find_named (editor, logs_row));
  }

  /* Back to the list; delete the template with its sections and items. */
  click (editor, "editor-back");
  rp_test_wait_ms (500);
  g_clear_pointer (&after, g_free);
  after = describe (store, RP_TEMPLATE_STANDARD_ID);
  click (standard_row, "delete-template");
  g_assert_null (rp_store_get (store, RP_ENTITY_TEMPLATE, RP_TEMPLATE_STANDARD_ID, NULL));
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, RP_TEMPLATE_STANDARD_ID);
  g_assert_cmpuint (sections->len, ==, 0);
  g_assert_null (rp_store_get (store, RP_ENTITY_TEMPLATE_ITEM, page_id, NULL));
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_TEMPLATE_SECTION), <, n_sections);
  {
    g_autofree char *standard = g_strconcat ("template-", RP_TEMPLATE_STANDARD_ID, NULL);

    g_assert_null (rp_test_find_named (window, standard));
  }
  save_screenshot (window, "deleted");

  /* Undo: all of it is back, and so is its row. */
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  {
    g_autofree char *restored = describe (store, RP_TEMPLATE_STANDARD_ID);

    g_assert_cmpstr (restored, ==, after);
  }
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_TEMPLATE_SECTION), ==, n_sections + 1);
  standard_row = get_row (window, "template-", RP_TEMPLATE_STANDARD_ID);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (standard_row)), ==, 1);

  /* Narrow, as on a phone. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 680);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (standard_row), TRUE);
  rp_test_wait_ms (300);
  save_screenshot (window, "narrow");
  g_signal_emit_by_name (rp_test_get_named (standard_row, "edit-template"), "activated");
  rp_test_flush ();
  save_screenshot (window, "narrow-editor");

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_null (window);
  g_assert_finalize_object (store);
}

/* The page in the preferences window: a template added there gets a name
 * of its own and is opened. */
static void
test_templates_page_add (void)
{
  RpStore *store = rp_test_open_store ();
  GtkWidget *window = rp_preferences_window_new (store);
  g_autoptr (GPtrArray) templates = NULL;
  GtkWidget *row;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_true (RP_IS_TEMPLATES_PAGE (rp_test_get_named (window, "templates")));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "templates");

  click (window, "add-template");
  click (window, "add-template");
  templates = rp_store_list (store, RP_ENTITY_TEMPLATE, NULL);
  g_assert_cmpuint (templates->len, ==, 4);
  g_assert_cmpstr (rp_record_get_string (templates->pdata[2], "name"), ==, "New Template");
  g_assert_cmpstr (rp_record_get_string (templates->pdata[3], "name"), ==, "New Template 2");
  row = get_row (window, "template-", nth_id (templates, 3));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "0 sections · 0 items");
  save_screenshot (window, "in-window");

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_null (window);
  g_assert_finalize_object (store);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);

  g_test_add_func ("/templates-page/edit", test_templates_page);
  g_test_add_func ("/templates-page/add", test_templates_page_add);

  return g_test_run ();
}
