/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "rp-application.h"
#include "rp-core.h"
#include "rp-test-ui.h"
#include "rp-window.h"

/* The application as main.c runs it: g_application_run() with --db, the
 * windows it opens, and the actions of its menu. */

typedef struct
{
  RpApplication *app;
  char *db_path;
  /* what happened */
  char *dialog_heading;
  char *dialog_body;
  gboolean saw_window;
  gboolean window_is_devel;
  /* what to do once the main window is up */
  const char *const *actions;
  const char *release_name;
  /* called once the actions ran, before the application quits */
  void (*after_actions) (gpointer f, GtkWindow *window);
  char *toast_title;
  gboolean toast_has_undo;
} Fixture;

static void
on_startup_cb (GApplication *app, gpointer user_data)
{
  rp_test_add_system_icons ();
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->db_path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  f->app = rp_application_new ();
  g_signal_connect_after (f->app, "startup", G_CALLBACK (on_startup_cb), NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->app);
  g_free (f->db_path);
  g_free (f->dialog_heading);
  g_free (f->dialog_body);
  g_free (f->toast_title);
}

static int
run_app (Fixture *f)
{
  char *argv[] = { (char *) "release-planner", (char *) "--db", f->db_path, NULL };

  return g_application_run (G_APPLICATION (f->app), 3, argv);
}

static gboolean
answer_dialog_cb (gpointer user_data)
{
  Fixture *f = user_data;
  /* Dialogs on top of the window are not the application's windows. */
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        AdwMessageDialog *dialog = l->data;
        GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "name-entry");

        /* The new-release dialog asks for a name, a version and a
         * template (here the full lifecycle); the others are read. */
        if (entry != NULL && f->release_name != NULL)
          {
            GStrv ids = g_object_get_data (G_OBJECT (dialog), "template-ids");
            GtkDropDown *templates = g_object_get_data (G_OBJECT (dialog), "template-drop-down");

            gtk_editable_set_text (GTK_EDITABLE (entry), f->release_name);
            gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "version-entry"), "4.0");
            for (guint i = 0; ids[i] != NULL; i++)
              if (g_str_equal (ids[i], RP_TEMPLATE_LIFECYCLE_ID))
                gtk_drop_down_set_selected (templates, i);
            adw_message_dialog_response (dialog, "create");
          }
        else
          {
            g_free (f->dialog_heading);
            g_free (f->dialog_body);
            f->dialog_heading = g_strdup (adw_message_dialog_get_heading (dialog));
            f->dialog_body = g_strdup (adw_message_dialog_get_body (dialog));
            adw_message_dialog_response (dialog, adw_message_dialog_get_close_response (dialog));
          }
        return G_SOURCE_REMOVE;
      }

  return G_SOURCE_REMOVE;
}

static gboolean
run_actions_cb (gpointer user_data)
{
  Fixture *f = user_data;

  for (guint i = 0; f->actions != NULL && f->actions[i] != NULL; i++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (f->app), f->actions[i], NULL);
      /* A dialog opened by the action is answered at once. */
      answer_dialog_cb (f);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  if (f->after_actions != NULL)
    f->after_actions (f, gtk_application_get_active_window (GTK_APPLICATION (f->app)));

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *app, GtkWindow *window, Fixture *f)
{
  if (RP_IS_WINDOW (window))
    {
      f->saw_window = TRUE;
      f->window_is_devel = gtk_widget_has_css_class (GTK_WIDGET (window), "devel");
      g_idle_add (run_actions_cb, f);
    }
  else if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == NULL)
    {
      /* The dialog that explains a refused file: read it, then close it,
       * which quits the application. */
      g_idle_add (answer_dialog_cb, f);
    }
}

static char *
read_file (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return contents;
}

static void
test_app_opens_window (Fixture *f, gconstpointer data)
{
  g_signal_connect (f->app, "window-added", G_CALLBACK (on_window_added_cb), f);

  g_assert_cmpint (run_app (f), ==, 0);
  g_assert_true (f->saw_window);
  g_assert_cmpint (f->window_is_devel, ==, DEVELOPMENT_BUILD);
  g_assert_null (f->dialog_body);
  g_assert_true (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
}

static void
test_app_not_a_database (Fixture *f, gconstpointer data)
{
  static const char text[] = "# My release notes\n\nThis is not a database.\n";
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->db_path, text, -1, NULL));
  g_signal_connect (f->app, "window-added", G_CALLBACK (on_window_added_cb), f);

  g_assert_cmpint (run_app (f), ==, 0);

  g_assert_false (f->saw_window);
  g_assert_cmpstr (f->dialog_heading, ==, "Cannot Open the Plan");
  g_assert_nonnull (strstr (f->dialog_body, f->db_path));
  g_assert_nonnull (strstr (f->dialog_body, "not"));

  after = read_file (f->db_path);
  g_assert_cmpstr (after, ==, text);
}

static void
test_app_foreign_database (Fixture *f, gconstpointer data)
{
  sqlite3 *db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');", NULL,
                                 NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (f->db_path, &before, &before_len, NULL));

  g_signal_connect (f->app, "window-added", G_CALLBACK (on_window_added_cb), f);
  g_assert_cmpint (run_app (f), ==, 0);

  g_assert_false (f->saw_window);
  g_assert_nonnull (f->dialog_body);
  g_assert_nonnull (strstr (f->dialog_body, "another application"));

  g_assert_true (g_file_get_contents (f->db_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_app_load_sample (Fixture *f, gconstpointer data)
{
  static const char *const actions[] = { "load-sample", NULL };
  g_autoptr (RpStore) store = NULL;
  g_autoptr (GError) error = NULL;

  f->actions = actions;
  g_signal_connect (f->app, "window-added", G_CALLBACK (on_window_added_cb), f);
  g_assert_cmpint (run_app (f), ==, 0);
  g_assert_true (f->saw_window);
  g_assert_null (f->dialog_body);

  store = rp_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), >=, 4);
}

static void
test_app_new_release (Fixture *f, gconstpointer data)
{
  static const char *const actions[] = { "new-release", NULL };
  g_autoptr (RpStore) store = NULL;
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GError) error = NULL;
  RpProgress progress = { 0 };

  f->actions = actions;
  f->release_name = "  Winter release  ";
  g_signal_connect (f->app, "window-added", G_CALLBACK (on_window_added_cb), f);
  g_assert_cmpint (run_app (f), ==, 0);
  g_assert_true (f->saw_window);
  g_assert_null (f->dialog_body);

  store = rp_store_open (f->db_path, &error);
  g_assert_no_error (error);
  releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  g_assert_cmpuint (releases->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (g_ptr_array_index (releases, 0), "name"), ==, "Winter release");

  g_assert_cmpstr (rp_record_get_string (g_ptr_array_index (releases, 0), "version"), ==, "4.0");

  /* With the checklist of the chosen template: the five phases. */
  rp_checklist_progress (store, rp_record_get_id (g_ptr_array_index (releases, 0)), NULL, &progress);
  g_assert_cmpuint (progress.total, >, 0);
  sections =
      rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, rp_record_get_id (g_ptr_array_index (releases, 0)));
  g_assert_cmpuint (sections->len, ==, 5);
}

/* Reads the toast; presses its Undo button when it has one. */
static void
read_toast_and_undo (gpointer data, GtkWindow *window)
{
  Fixture *f = data;
  const char *title, *action;
  GtkWidget *toast = rp_test_find_toast (GTK_WIDGET (window), &title, &action);

  g_assert_nonnull (toast);
  f->toast_title = g_strdup (title);
  f->toast_has_undo = g_strcmp0 (action, "win.undo") == 0;
  if (f->toast_has_undo)
    g_signal_emit_by_name (rp_test_find_type (toast, GTK_TYPE_BUTTON), "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Loading the sample where it is already overwrites nothing: an edit of
 * a sample release stays, a sample release deleted comes back, the toast
 * says so and its Undo takes back what was added. */
static void
test_app_load_sample_again (Fixture *f, gconstpointer data)
{
  static const char *const actions[] = { "load-sample", NULL };
  g_autoptr (RpStore) store = NULL;
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) criterion = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *criterion_id = NULL;
  guint n_criteria;

  store = rp_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (rp_sample_plan_load (store, &error));
  release = rp_store_find_release (store, "2027.1.0", &error);
  g_assert_no_error (error);
  items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, rp_record_get_id (release));
  criterion = rp_record_new (RP_ENTITY_CRITERION);
  rp_record_set_string (criterion, "scope_item_id", rp_record_get_id (items->pdata[0]));
  rp_record_set_string (criterion, "text", "Written before the sample was loaded again");
  rp_record_set_position (criterion, -1);
  g_assert_true (rp_store_insert (store, criterion, &error));
  criterion_id = g_strdup (rp_record_get_id (criterion));
  releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  g_assert_true (rp_store_delete (store, RP_ENTITY_RELEASE,
                                  rp_record_get_id (releases->pdata[releases->len - 1]), &error));
  g_assert_no_error (error);
  n_criteria = rp_store_count (store, RP_ENTITY_CRITERION);
  g_clear_object (&store);

  f->actions = actions;
  f->after_actions = read_toast_and_undo;
  g_signal_connect (f->app, "window-added", G_CALLBACK (on_window_added_cb), f);
  g_assert_cmpint (run_app (f), ==, 0);
  g_assert_true (f->saw_window);
  g_assert_null (f->dialog_body);
  g_test_message ("toast: %s", f->toast_title);
  g_assert_cmpstr (f->toast_title, ==,
                   "1 sample release added; the others were here and are kept as they are");
  g_assert_true (f->toast_has_undo);

  /* The edit is there; the release that came back went again with Undo. */
  store = rp_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_clear_object (&criterion);
  criterion = rp_store_get (store, RP_ENTITY_CRITERION, criterion_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (criterion);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, n_criteria);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, releases->len - 1);
}

int
main (int argc, char **argv)
{
  /* No session bus: GApplication then runs as a plain, non-unique
   * process, as it does in a sandbox without one. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);

  /* The application initialises GTK in its start-up. */
  rp_test_ui_init_full (&argc, &argv, RP_TEST_UI_NO_GTK_INIT);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/application/opens-window", test_app_opens_window);
  ADD ("/application/refuses/not-a-database", test_app_not_a_database);
  ADD ("/application/refuses/foreign-database", test_app_foreign_database);
  ADD ("/application/load-sample", test_app_load_sample);
  ADD ("/application/load-sample-again", test_app_load_sample_again);
  ADD ("/application/new-release", test_app_new_release);
#undef ADD

  return g_test_run ();
}
