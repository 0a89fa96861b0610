/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-date-row.h"
#include "rp-preferences-window.h"

/* The preferences driven as a person would: people, freeze windows and
 * deploy days, each checked in the store, and undo. */

static void
wait_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  wait_idle ();
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_named (GtkWidget *root, const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_and_activate (GtkWidget *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (find_text (row), "activate");
  wait_idle ();
}

static GtkWidget *
find_dialog (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static void
save_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("RP_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  wait_ms (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}

static RpStore *
open_store (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static RpRecord *
insert (RpStore *store, RpRecord *record)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_insert (store, record, &error));
  g_assert_no_error (error);
  return record;
}

static void
test_preferences_people (void)
{
  RpStore *store = open_store ();
  g_autoptr (RpRecord) ada = rp_record_new (RP_ENTITY_PERSON);
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) renamed = NULL;
  g_autofree char *ada_row_name = NULL;
  g_autofree char *grace_row_name = NULL;
  g_autofree char *grace_id = NULL;
  GtkWidget *window;
  GtkWidget *dialog;

  rp_record_set_string (ada, "name", "Ada Lovelace");
  insert (store, ada);
  rp_record_set_string (release, "name", "Spring");
  insert (store, release);
  rp_record_set_string (risk, "release_id", rp_record_get_id (release));
  rp_record_set_string (risk, "title", "The engine overheats");
  rp_record_set_string (risk, "owner_id", rp_record_get_id (ada));
  insert (store, risk);

  window = rp_preferences_window_new (store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  /* Ada is listed. */
  ada_row_name = g_strconcat ("person-", rp_record_get_id (ada), NULL);
  g_assert_cmpstr (
      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_named (window, ada_row_name))), ==,
      "Ada Lovelace");

  /* Adding Grace, with an email. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (window, "new-person-name")), "Grace");
  gtk_editable_set_text (GTK_EDITABLE (get_named (window, "new-person-email")),
                         "grace@example.com");
  g_signal_emit_by_name (get_named (window, "add-person"), "clicked");
  wait_idle ();
  people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (rp_record_get_string (people->pdata[1], "name"), ==, "Grace");
  g_assert_cmpstr (rp_record_get_string (people->pdata[1], "email"), ==, "grace@example.com");
  grace_id = g_strdup (rp_record_get_id (people->pdata[1]));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (window, "new-person-name"))), ==,
                   "");
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Renaming her in her row. */
  grace_row_name = g_strconcat ("person-", grace_id, NULL);
  type_and_activate (get_named (get_named (window, grace_row_name), "name"), "Grace Hopper");
  renamed = rp_store_get (store, RP_ENTITY_PERSON, grace_id, NULL);
  g_assert_cmpstr (rp_record_get_string (renamed, "name"), ==, "Grace Hopper");
  g_assert_cmpstr (
      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_named (window, grace_row_name))), ==,
      "Grace Hopper");

  /* An empty name is refused where it was typed. */
  type_and_activate (get_named (get_named (window, grace_row_name), "name"), "");
  g_clear_object (&renamed);
  renamed = rp_store_get (store, RP_ENTITY_PERSON, grace_id, NULL);
  g_assert_cmpstr (rp_record_get_string (renamed, "name"), ==, "Grace Hopper");
  g_assert_true (
      gtk_widget_has_css_class (get_named (get_named (window, grace_row_name), "name"), "error"));

  /* Ada owns a risk: she cannot go, and the dialog says why. */
  g_signal_emit_by_name (get_named (get_named (window, ada_row_name), "delete-person"), "clicked");
  wait_idle ();
  people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_clear_pointer (&people, g_ptr_array_unref);
  g_assert_nonnull (find_named (window, ada_row_name));
  dialog = find_dialog ("in-use-dialog");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "in use"));
  save_screenshot (dialog, "preferences-in-use.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  wait_idle ();

  /* Grace owns nothing: she goes, and undo brings her back. */
  g_signal_emit_by_name (get_named (get_named (window, grace_row_name), "delete-person"),
                         "clicked");
  wait_idle ();
  people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 1);
  g_clear_pointer (&people, g_ptr_array_unref);
  g_assert_null (find_named (window, grace_row_name));

  gtk_widget_activate_action (window, "win.undo", NULL);
  wait_idle ();
  people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_clear_pointer (&people, g_ptr_array_unref);
  g_assert_nonnull (find_named (window, grace_row_name));
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (get_named (get_named (window, grace_row_name), "name"))),
      ==, "Grace Hopper");

  save_screenshot (window, "preferences-people.png");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  g_assert_null (window);
  g_assert_finalize_object (store);
}

static void
test_preferences_deploy_days (void)
{
  RpStore *store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  g_auto (GStrv) days = NULL;
  GtkWidget *window = rp_preferences_window_new (store);
  GtkWidget *friday;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  /* Monday to Thursday unless told otherwise. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (get_named (window, "day-mon"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (get_named (window, "day-thu"))));
  friday = get_named (window, "day-fri");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (friday)));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (friday), TRUE);
  wait_idle ();
  value = rp_store_get_setting (store, "deploy_days");
  g_assert_cmpstr (value, ==, "mon,tue,wed,thu,fri");

  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  wait_idle ();
  days = rp_store_get_deploy_days (store);
  g_assert_false (g_strv_contains ((const char *const *) days, "fri"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (friday)));

  /* A freeze window: added, then an end before its start is refused. */
  {
    g_autoptr (GPtrArray) windows = NULL;
    g_autofree char *row_name = NULL;
    g_autoptr (RpRecord) stored = NULL;
    GtkWidget *row;
    GtkWidget *end;

    g_signal_emit_by_name (get_named (window, "add-freeze-window"), "clicked");
    wait_idle ();
    windows = rp_store_list (store, RP_ENTITY_FREEZE_WINDOW, NULL);
    g_assert_cmpuint (windows->len, ==, 1);
    row_name = g_strconcat ("freeze-", rp_record_get_id (windows->pdata[0]), NULL);
    row = get_named (window, row_name);
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

    type_and_activate (get_named (row, "name"), "Holidays");
    rp_date_row_pick_date (RP_DATE_ROW (get_named (row, "start_date")), "2026-12-21");
    wait_idle ();
    end = get_named (row, "end_date");
    rp_date_row_pick_date (RP_DATE_ROW (end), "2027-01-03");
    wait_idle ();
    stored =
        rp_store_get (store, RP_ENTITY_FREEZE_WINDOW, rp_record_get_id (windows->pdata[0]), NULL);
    g_assert_cmpstr (rp_record_get_string (stored, "name"), ==, "Holidays");
    g_assert_cmpstr (rp_record_get_string (stored, "start_date"), ==, "2026-12-21");
    g_assert_cmpstr (rp_record_get_string (stored, "end_date"), ==, "2027-01-03");

    rp_date_row_pick_date (RP_DATE_ROW (end), "2026-12-01");
    wait_idle ();
    g_assert_true (gtk_widget_has_css_class (end, "error"));
    g_clear_object (&stored);
    stored =
        rp_store_get (store, RP_ENTITY_FREEZE_WINDOW, rp_record_get_id (windows->pdata[0]), NULL);
    g_assert_cmpstr (rp_record_get_string (stored, "end_date"), ==, "2027-01-03");

    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                             ADW_PREFERENCES_PAGE (get_named (window, "deploys")));
    save_screenshot (window, "preferences-deploys.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
    save_screenshot (window, "preferences-deploys-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    if (g_getenv ("RP_SCREENSHOT_DIR") != NULL)
      {
        gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
        save_screenshot (window, "preferences-deploys-narrow.png");
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  g_assert_null (window);
  g_assert_finalize_object (store);
}

/* Isolated dirs hide the system's compiled GSettings schemas, which
 * adw_init() needs, and the MIME database that tells an SVG icon from
 * anything else: keep the system's data dirs, only the user's are the
 * test's own. */
static char *system_data_dirs;

static void
use_system_data_dirs (void)
{
  const char *const *dirs = g_get_system_data_dirs ();

  system_data_dirs = g_strjoinv (G_SEARCHPATH_SEPARATOR_S, (char **) dirs);
  for (guint i = 0; g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL && dirs[i] != NULL; i++)
    {
      g_autofree char *schemas = g_build_filename (dirs[i], "glib-2.0", "schemas", NULL);
      g_autofree char *compiled = g_build_filename (schemas, "gschemas.compiled", NULL);

      if (g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
        g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
}

int
main (int argc, char *argv[])
{
  int status;

  use_system_data_dirs ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/preferences-window/people", test_preferences_people);
  g_test_add_func ("/preferences-window/deploy-days", test_preferences_deploy_days);

  status = g_test_run ();
  g_free (system_data_dirs);
  return status;
}
