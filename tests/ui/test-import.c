/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rp-core.h"
#include "rp-date-row.h"
#include "rp-file-chooser.h"
#include "rp-freeze-import-dialog.h"
#include "rp-import-actions.h"
#include "rp-test-ui.h"
#include "rp-test-window.h"
#include "rp-window-private.h"

/* Importing from the window: a plan file shows what it will change before
 * anything is written, and is one undo step; a calendar file shows the
 * freeze windows it will add, and the second time adds nothing. */

static GtkWidget *
find_undo_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.undo") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_undo_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GFile *
write_file (const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static GtkWidget *
import_plan (RpWindowFixture *f, const char *name, const char *contents, const char *dialog_name)
{
  g_autoptr (GFile) file = write_file (name, contents);
  GtkWidget *dialog;

  _rp_file_chooser_answer_next (file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "import.plan", NULL));
  rp_test_flush ();
  dialog = rp_test_find_toplevel_named (dialog_name);
  g_assert_nonnull (dialog);
  return dialog;
}

static char *
release_name (RpWindowFixture *f, const char *id)
{
  g_autoptr (RpRecord) release = rp_store_get (f->store, RP_ENTITY_RELEASE, id, NULL);

  return release != NULL ? g_strdup (rp_record_get_string (release, "name")) : NULL;
}

static char *
changed_plan (RpWindowFixture *f)
{
  return g_strdup_printf ("{\"format\": \"release-planner/plan\", \"format_version\": 1, \"releases\": ["
                          "{\"id\": \"hotfix-1\", \"name\": \"Hotfix\"},"
                          "{\"id\": \"%s\", \"name\": \"Renamed by the file\"}]}",
                          f->release_id);
}

/* The preview says what will change and writes nothing; Import writes
 * it, the toast says what happened and its Undo takes all of it back. */
static void
test_plan_import_undo (RpWindowFixture *f, gconstpointer data)
{
  g_autofree char *plan = changed_plan (f);
  g_autofree char *before = rp_format_json_export (f->store, NULL, NULL);
  g_autofree char *after_undo = NULL;
  g_autofree char *name = NULL;
  guint n_releases = rp_store_count (f->store, RP_ENTITY_RELEASE);
  g_autofree char *body = NULL;
  GtkWidget *dialog = import_plan (f, "plan.json", plan, "import-preview");
  GtkWidget *undo;

  body = g_strdup_printf ("1 release added, 1 changed, %u left alone", n_releases - 1);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Import “plan.json”?");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (dialog, "import-changes"))),
                            "Hotfix: added"));
  /* nothing written yet */
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_RELEASE), ==, n_releases);
  rp_test_screenshot (dialog, data, 300);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_RELEASE), ==, n_releases + 1);
  name = release_name (f, f->release_id);
  g_assert_cmpstr (name, ==, "Renamed by the file");
  g_assert_nonnull (rp_test_find_label_prefix (GTK_WIDGET (f->window), "1 release added, 1 changed"));
  undo = find_undo_button (GTK_WIDGET (f->window));
  g_assert_nonnull (undo);

  /* one undo step: the whole import */
  g_assert_cmpstr (rp_store_get_undo_label (f->store), ==, "Import plan");
  g_signal_emit_by_name (undo, "clicked");
  rp_test_flush ();
  after_undo = rp_format_json_export (f->store, NULL, NULL);
  g_assert_cmpstr (after_undo, ==, before);
}

static void
test_plan_cancel (RpWindowFixture *f, gconstpointer data)
{
  g_autofree char *plan = changed_plan (f);
  g_autofree char *before = rp_format_json_export (f->store, NULL, NULL);
  g_autofree char *after = NULL;
  GtkWidget *dialog = import_plan (f, "plan.json", plan, "import-preview");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  rp_test_flush ();
  after = rp_format_json_export (f->store, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* A malformed file: its errors with their JSON paths, nothing changed. */
static void
test_plan_errors (RpWindowFixture *f, gconstpointer data)
{
  g_autofree char *before = rp_format_json_export (f->store, NULL, NULL);
  g_autofree char *after = NULL;
  const char *plan = "{\"format\": \"release-planner/plan\", \"format_version\": 1, \"releases\": ["
                     "{\"id\": \"new-one\", \"name\": \"New\"},"
                     "{\"id\": \"bad\", \"name\": \"Bad\", \"risks\": [{\"id\": \"r1\", \"title\": \"Risk\","
                     " \"likelihood\": 9, \"impact\": 2}]}]}";
  GtkWidget *dialog = import_plan (f, "broken.json", plan, "import-error");
  GtkWidget *errors;

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Import “broken.json”");
  errors = rp_test_get_named (dialog, "import-errors");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (errors)), "releases[1].risks[0].likelihood"));
  after = rp_format_json_export (f->store, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
  rp_test_screenshot (dialog, data, 300);

  /* not JSON at all: the line and column */
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = import_plan (f, "text.json", "{\"format\": \n  nope }", "import-error");
  errors = rp_test_get_named (dialog, "import-errors");
  g_test_message ("syntax error: %s", gtk_label_get_text (GTK_LABEL (errors)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (errors)), "2"));
  g_free (after);
  after = rp_format_json_export (f->store, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* The plan's own file changes nothing: the dialog says so. */
static void
test_plan_nothing (RpWindowFixture *f, gconstpointer data)
{
  g_autofree char *plan = rp_format_json_export (f->store, NULL, NULL);

  import_plan (f, "same.json", plan, "import-nothing");
}

static GBytes *
holidays (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays.ics", NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      n++;
  return n;
}

/* The titles of the rows of @list, joined by "; ". */
static char *
row_titles (GtkWidget *list)
{
  GString *titles = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_string_append_printf (titles, "%s%s", titles->len > 0 ? "; " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
  return g_string_free (titles, FALSE);
}

/* The window's menu: a calendar file, a range, the preview, Add; the
 * same file again adds nothing. */
static void
test_freezes (RpWindowFixture *f, gconstpointer data)
{
  g_autoptr (GBytes) bytes = holidays ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "holidays.ics", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  guint before = rp_store_count (f->store, RP_ENTITY_FREEZE_WINDOW);
  GtkWidget *dialog, *summary;
  guint added;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  _rp_file_chooser_answer_next (file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "import.freezes", NULL));
  rp_test_flush ();
  dialog = rp_test_find_toplevel_named ("freeze-import");
  g_assert_nonnull (dialog);
  _rp_freeze_import_dialog_set_range (dialog, "2027-01-01", "2027-12-31");
  rp_test_flush ();
  summary = rp_test_get_named (dialog, "freeze-import-summary");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (summary)), "9 new freeze windows"));
  added = count_rows (rp_test_get_named (dialog, "freeze-import-preview"));
  g_assert_cmpuint (added, ==, 9);
  /* by their days, the occurrences of the monthly event among the others */
  {
    g_autofree char *titles = row_titles (rp_test_get_named (dialog, "freeze-import-preview"));

    g_assert_cmpstr (titles, ==,
                     "New Year's Day; Network maintenance; Network maintenance (moved); "
                     "Change freeze for the annual audit; Network maintenance; Network maintenance; "
                     "Datacenter move; Network maintenance; Summer shutdown");
  }
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_FREEZE_WINDOW), ==, before);
  rp_test_screenshot (dialog, data, 300);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_FREEZE_WINDOW), ==, before + 9);
  g_assert_nonnull (rp_test_find_label_prefix (GTK_WIDGET (f->window), "9 freeze windows added"));
  g_assert_nonnull (find_undo_button (GTK_WIDGET (f->window)));

  /* again: nothing to add, Add is off */
  dialog = rp_freeze_import_dialog_new (GTK_WIDGET (f->window), f->store, "holidays.ics", bytes);
  _rp_freeze_import_dialog_set_range (dialog, "2027-01-01", "2027-12-31");
  rp_test_flush ();
  summary = rp_test_get_named (dialog, "freeze-import-summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==,
                   "Nothing to add: its 9 freeze windows in these days are already there.");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_cmpuint (count_rows (rp_test_get_named (dialog, "freeze-import-preview")), ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_FREEZE_WINDOW), ==, before + 9);

  /* Undo of the first import takes all nine back */
  g_assert_true (rp_store_undo (f->store, NULL));
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_FREEZE_WINDOW), ==, before);
}

/* The range a dialog starts with: a year from the window's today. */
static void
test_freezes_default_range (RpWindowFixture *f, gconstpointer data)
{
  g_autoptr (GBytes) bytes = holidays ();
  GtkWidget *dialog;

  g_setenv ("RP_TODAY", "2026-11-25", TRUE);
  dialog = rp_freeze_import_dialog_new (GTK_WIDGET (f->window), f->store, "holidays.ics", bytes);
  g_unsetenv ("RP_TODAY");
  rp_test_flush ();
  g_assert_cmpstr (rp_date_row_get_date (RP_DATE_ROW (rp_test_get_named (dialog, "freeze-import-from"))), ==,
                   "2026-11-25");
  g_assert_cmpstr (rp_date_row_get_date (RP_DATE_ROW (rp_test_get_named (dialog, "freeze-import-to"))), ==,
                   "2027-11-24");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A range the wrong way round: no preview, no Add. */
static void
test_freezes_range (RpWindowFixture *f, gconstpointer data)
{
  g_autoptr (GBytes) bytes = holidays ();
  GtkWidget *dialog = rp_freeze_import_dialog_new (GTK_WIDGET (f->window), f->store, "holidays.ics", bytes);

  _rp_freeze_import_dialog_set_range (dialog, "2027-12-31", "2027-01-01");
  rp_test_flush ();
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_cmpuint (count_rows (rp_test_get_named (dialog, "freeze-import-preview")), ==, 0);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);

  g_test_add ("/import/plan/undo", RpWindowFixture, "import-preview", rp_window_fixture_set_up,
              test_plan_import_undo, rp_window_fixture_tear_down);
  g_test_add ("/import/plan/cancel", RpWindowFixture, NULL, rp_window_fixture_set_up, test_plan_cancel,
              rp_window_fixture_tear_down);
  g_test_add ("/import/plan/errors", RpWindowFixture, "import-error", rp_window_fixture_set_up,
              test_plan_errors, rp_window_fixture_tear_down);
  g_test_add ("/import/plan/nothing", RpWindowFixture, NULL, rp_window_fixture_set_up, test_plan_nothing,
              rp_window_fixture_tear_down);
  g_test_add ("/import/freezes/add", RpWindowFixture, "freeze-import", rp_window_fixture_set_up, test_freezes,
              rp_window_fixture_tear_down);
  g_test_add ("/import/freezes/default-range", RpWindowFixture, NULL, rp_window_fixture_set_up,
              test_freezes_default_range, rp_window_fixture_tear_down);
  g_test_add ("/import/freezes/range", RpWindowFixture, NULL, rp_window_fixture_set_up, test_freezes_range,
              rp_window_fixture_tear_down);

  return g_test_run ();
}
