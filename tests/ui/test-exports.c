/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rp-core.h"
#include "rp-export-actions.h"
#include "rp-file-chooser.h"
#include "rp-test-ui.h"
#include "rp-test-window.h"
#include "rp-window-private.h"

/* The exports of the window: each action, given a file by the chooser,
 * writes what the core format gives, atomically, and says where. */

static char *
out_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static char *
strip_dtstamp (const char *ics)
{
  g_auto (GStrv) lines = g_strsplit (ics, "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

/* The plan as the window makes it: the readiness of the day of
 * $RP_TODAY, which main() fixes, as the readiness card shows it. */
static char *
plan_markdown (RpStore *store, const char *release_id)
{
  GDate today;

  g_date_clear (&today, 1);
  g_assert_true (rp_date_parse_into (g_getenv ("RP_TODAY"), &today));
  return rp_format_markdown_plan (store, release_id, &today, NULL);
}

typedef struct
{
  const char *action;
  const char *name_suffix; /* of the name the chooser suggests */
  gboolean all;
} SaveCase;

static const SaveCase save_cases[] = {
  { "markdown", " plan.md", FALSE },
  { "checklist", " checklist.md", FALSE },
  { "release-notes", " release notes.md", FALSE },
  { "json", ".json", FALSE },
  { "csv", " Jira.csv", FALSE },
  { "ics", ".ics", FALSE },
  { "pdf", " readiness report.pdf", FALSE },
  { "json-all", "Release plan.json", TRUE },
  { "ics-all", "Releases.ics", TRUE },
};

static char *
expected_for (RpWindowFixture *f, const SaveCase *c)
{
  const char *id = c->all ? NULL : f->release_id;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  if (g_str_equal (c->action, "markdown"))
    text = plan_markdown (f->store, id);
  else if (g_str_equal (c->action, "checklist"))
    text = rp_format_markdown_checklist (f->store, id, NULL, &error);
  else if (g_str_equal (c->action, "release-notes"))
    text = rp_format_markdown_release_notes (f->store, id, &error);
  else if (g_str_has_prefix (c->action, "json"))
    text = rp_format_json_export (f->store, id, &error);
  else if (g_str_equal (c->action, "csv"))
    text = rp_format_csv_jira (f->store, id, &error);
  else if (g_str_has_prefix (c->action, "ics"))
    text = rp_format_ics_export (f->store, id, now, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_save (RpWindowFixture *f, gconstpointer data)
{
  const SaveCase *c = data;
  g_autofree char *action = g_strconcat ("export.", c->action, NULL);
  g_autofree char *path = out_path ("export.out");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length;
  GtkWidget *toast;

  _rp_file_chooser_answer_next (file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  rp_test_flush ();

  g_assert_true (g_str_has_suffix (_rp_file_chooser_get_last_name (), c->name_suffix));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (g_str_equal (c->action, "pdf"))
    {
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_cmpuint (length, >, 1000);
    }
  else if (g_str_has_prefix (c->action, "ics"))
    {
      g_autofree char *expected = expected_for (f, c);
      g_autofree char *a = strip_dtstamp (contents);
      g_autofree char *b = strip_dtstamp (expected);

      g_assert_cmpstr (a, ==, b);
    }
  else
    {
      g_autofree char *expected = expected_for (f, c);

      g_assert_cmpstr (contents, ==, expected);
    }

  /* the toast says where, with a button to open the folder */
  toast = rp_test_find_label_prefix (GTK_WIDGET (f->window), "Saved to ");
  g_assert_nonnull (toast);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (toast)), "export.out"));
  g_assert_nonnull (rp_test_find_label_prefix (GTK_WIDGET (f->window), "Open Folder"));
}

/* A chooser that was cancelled writes nothing and says nothing. */
static void
test_cancelled (RpWindowFixture *f, gconstpointer data)
{
  _rp_file_chooser_answer_next (NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "export.markdown", NULL));
  rp_test_flush ();
  g_assert_null (rp_test_find_label_prefix (GTK_WIDGET (f->window), "Saved to "));
  g_assert_null (rp_test_find_toplevel_named ("export-error"));
}

/* A file that cannot be written: an error in the window, no file, and an
 * older file of that name is left as it was. */
static void
test_error (RpWindowFixture *f, gconstpointer data)
{
  g_autofree char *missing = out_path ("no-such-folder/plan.md");
  g_autoptr (GFile) file = g_file_new_for_path (missing);
  g_autofree char *folder = out_path ("folder");
  g_autoptr (GFile) folder_file = g_file_new_for_path (folder);
  GtkWidget *dialog;

  _rp_file_chooser_answer_next (file);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "export.markdown", NULL);
  rp_test_flush ();
  dialog = rp_test_find_toplevel_named ("export-error");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Export");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_null (rp_test_find_label_prefix (GTK_WIDGET (f->window), "Saved to "));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a folder where the file should go: it stays a folder */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  _rp_file_chooser_answer_next (folder_file);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "export.csv", NULL);
  rp_test_flush ();
  g_assert_nonnull (rp_test_find_toplevel_named ("export-error"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

static void
test_atomic (RpWindowFixture *f, gconstpointer data)
{
  g_autofree char *path = out_path ("plan.md");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *expected = plan_markdown (f->store, f->release_id);
  g_autoptr (GDir) dir = NULL;
  guint n_files = 0;

  /* over an older, longer file: the new bytes only, and no temporary file
   * left beside it */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  _rp_file_chooser_answer_next (file);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "export.markdown", NULL);
  rp_test_flush ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  dir = g_dir_open (g_get_user_data_dir (), 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_prefix (name, "plan.md"))
      n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_copy_markdown (RpWindowFixture *f, gconstpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autofree char *expected = plan_markdown (f->store, f->release_id);
  g_auto (GValue) value = G_VALUE_INIT;
  GdkContentProvider *content;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "export.copy-markdown", NULL);
  rp_test_flush ();
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);
  g_assert_nonnull (rp_test_find_label_prefix (GTK_WIDGET (f->window), "Plan copied as Markdown"));
}

/* With no release selected, the release's exports do nothing (and the
 * chooser is not shown); exporting everything still works. */
static void
test_no_release (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  RpWindow *window = rp_window_new (NULL, store);
  g_autofree char *path = out_path ("nothing.md");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *expected = rp_format_json_export (store, NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));

  _rp_file_chooser_answer_next (file);
  gtk_widget_activate_action (GTK_WIDGET (window), "export.markdown", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "export.copy-markdown", NULL);
  rp_test_flush ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* the answer is still waiting: this one takes it */
  gtk_widget_activate_action (GTK_WIDGET (window), "export.json-all", NULL);
  rp_test_flush ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (window);
}

/* Print runs the same drawing as the PDF through GtkPrintOperation:
 * exported to a file here (no dialog), it holds the same pages. */
static void
test_print (RpWindowFixture *f, gconstpointer data)
{
  g_autofree char *path = out_path ("printed.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GDate today;
  g_autoptr (RpPdfReport) report = NULL;
  g_autoptr (GRegex) pages = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (RpRecord) release = rp_store_get (f->store, RP_ENTITY_RELEASE, f->release_id, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize length;
  int n_a4, n_letter, n_found = 0;

  _rp_export_print_to_file_for_tests (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "export.print", NULL));
  rp_test_flush ();
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* as many pages as the report has on the sheet (the default paper of
   * the locale: A4 or US Letter) */
  g_date_clear (&today, 1);
  g_assert_true (rp_date_parse_into (g_getenv ("RP_TODAY"), &today));
  report = rp_pdf_report_new (f->store, f->release_id, &today, NULL);
  surface = cairo_pdf_surface_create (NULL, RP_PDF_PAGE_WIDTH, RP_PDF_PAGE_HEIGHT);
  cr = cairo_create (surface);
  n_a4 = rp_pdf_report_paginate (report, cr, RP_PDF_PAGE_WIDTH, RP_PDF_PAGE_HEIGHT);
  n_letter = rp_pdf_report_paginate (report, cr, 612, 792);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (g_regex_match_full (pages, contents, length, 0, 0, &match, NULL); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    n_found++;
  g_assert_cmpint (n_found, >=, 1);
  g_assert_true (n_found == n_a4 || n_found == n_letter);

  if (pdftotext != NULL)
    {
      g_autofree char *text = NULL;
      const char *argv[] = { pdftotext, path, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                                   NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, rp_record_get_string (release, "name")));
      /* the verdict of the window's day */
      g_assert_nonnull (strstr (text, "Readiness on 2026-11-25:"));
    }
  else
    g_test_message ("pdftotext not found: the printed text is not read back");
}

/* The release menu with its Export submenu open, for the screenshots. */
static GtkWidget *
find_menu_button (GtkWidget *root, const char *tooltip)
{
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_menu (RpWindowFixture *f, gconstpointer data)
{
  GtkWidget *button = find_menu_button (GTK_WIDGET (f->window), "Release Menu");
  GtkPopover *popover;
  GMenuModel *model;
  GtkWidget *item;
  g_autofree char *name = NULL;
  g_autofree char *name_window = NULL;
  gboolean found = FALSE;

  if (g_str_has_suffix (data, "-narrow"))
    {
      rp_test_resize (GTK_WIDGET (f->window), 360, 720, 300);
      gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-content", NULL);
      rp_test_flush ();
      button = find_menu_button (GTK_WIDGET (f->window), "Release Menu");
    }
  g_assert_nonnull (button);
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  /* the Export submenu is in the release menu */
  for (int s = 0; s < g_menu_model_get_n_items (model) && !found; s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        if (g_menu_model_get_item_link (section, i, G_MENU_LINK_SUBMENU) != NULL)
          found = TRUE;
      g_clear_object (&section);
    }
  g_assert_true (found);

  rp_test_wait_on_monitor (button);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  rp_test_wait_mapped (GTK_WIDGET (popover));
  rp_test_screenshot (GTK_WIDGET (popover), data, 300);
  /* open the submenu as a click would */
  item = rp_test_find_label_prefix (GTK_WIDGET (popover), "Export");
  g_assert_nonnull (item);
  while (item != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (item), "GtkModelButton"))
    item = gtk_widget_get_parent (item);
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  rp_test_flush ();
  g_assert_nonnull (rp_test_find_label_prefix (GTK_WIDGET (popover), "CSV for Jira"));
  name = g_strconcat (data, "-export", NULL);
  rp_test_screenshot (GTK_WIDGET (popover), name, 300);
  name_window = g_strconcat (data, "-window", NULL);
  rp_test_screenshot (GTK_WIDGET (f->window), name_window, 300);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);
  /* a day that is not today: the exports must take the window's day */
  g_setenv ("RP_TODAY", "2026-11-25", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (save_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/exports/save/", save_cases[i].action, NULL);

      g_test_add (path, RpWindowFixture, &save_cases[i], rp_window_fixture_set_up, test_save,
                  rp_window_fixture_tear_down);
    }
  g_test_add ("/exports/cancelled", RpWindowFixture, NULL, rp_window_fixture_set_up, test_cancelled,
              rp_window_fixture_tear_down);
  g_test_add ("/exports/error", RpWindowFixture, NULL, rp_window_fixture_set_up, test_error,
              rp_window_fixture_tear_down);
  g_test_add ("/exports/atomic", RpWindowFixture, NULL, rp_window_fixture_set_up, test_atomic,
              rp_window_fixture_tear_down);
  g_test_add ("/exports/print", RpWindowFixture, NULL, rp_window_fixture_set_up, test_print,
              rp_window_fixture_tear_down);
  g_test_add ("/exports/copy-markdown", RpWindowFixture, NULL, rp_window_fixture_set_up, test_copy_markdown,
              rp_window_fixture_tear_down);
  g_test_add_func ("/exports/no-release", test_no_release);
  g_test_add ("/exports/menu", RpWindowFixture, "exports-menu", rp_window_fixture_set_up, test_menu,
              rp_window_fixture_tear_down);
  g_test_add ("/exports/menu-narrow", RpWindowFixture, "exports-menu-narrow", rp_window_fixture_set_up,
              test_menu, rp_window_fixture_tear_down);

  return g_test_run ();
}
