/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-page.h"
#include "rp-person-row.h"
#include "rp-ui-util.h"

/* The Overview page driven as a person would: typing, picking dates and
 * people, removing an owner, then undo. */

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
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_named (GtkWidget *widget, const char *name)
{
  guint n = g_strcmp0 (gtk_widget_get_name (widget), name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_named (child, name);
  return n;
}

static GtkWidget *
get_named (GtkWidget *root, const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* As a person types: into the text of the row, then Enter. */
static void
type_and_activate (GtkWidget *row, const char *text)
{
  GtkWidget *entry = find_type (row, GTK_TYPE_TEXT);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (entry, "activate");
  wait_idle ();
}

static char *
get_column (RpStore *store, const char *id, const char *column)
{
  g_autoptr (RpRecord) release = rp_store_get (store, RP_ENTITY_RELEASE, id, NULL);

  g_assert_nonnull (release);
  return g_strdup (rp_record_get_string (release, column));
}

static guint
count_owners (RpStore *store, const char *release_id, const char *role, const char *person_id)
{
  g_autoptr (GPtrArray) owners = rp_store_list (store, RP_ENTITY_OWNER, release_id);
  guint n = 0;

  for (guint i = 0; i < owners->len; i++)
    if (g_strcmp0 (rp_record_get_string (owners->pdata[i], "role"), role) == 0 &&
        (person_id == NULL ||
         g_strcmp0 (rp_record_get_string (owners->pdata[i], "person_id"), person_id) == 0))
      n++;
  return n;
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
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}

typedef struct
{
  RpStore *store;
  char *release_id;
  GtkWidget *window;
  GtkWidget *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);

  f->store = rp_store_open (path, &error);
  g_assert_no_error (error);

  rp_record_set_string (release, "name", "Spring");
  rp_record_set_string (release, "version", "1.0");
  g_assert_true (rp_store_insert (f->store, release, &error));
  g_assert_no_error (error);
  f->release_id = g_strdup (rp_record_get_id (release));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 900);
  f->page = g_object_new (RP_TYPE_OVERVIEW_PAGE, "store", f->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  g_object_set (f->page, "release-id", f->release_id, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_idle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_idle ();
  g_assert_null (f->page);
  g_free (f->release_id);
  g_assert_finalize_object (f->store);
}

static void
test_overview_edit_and_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *name = get_named (f->page, "name");
  GtkWidget *deploy = get_named (f->page, "deploy");
  GtkWidget *testing_end = get_named (f->page, "testing_end");
  GtkWidget *add_on_call = get_named (f->page, "add-on-call");
  GtkWidget *remove;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  g_autoptr (GPtrArray) people = NULL;
  const char *ada_id;

  /* What the store holds is shown. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Spring");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (f->page, "version"))), ==,
                   "1.0");
  g_assert_null (rp_date_row_get_date (RP_DATE_ROW (deploy)));

  /* A new name, then Enter. */
  type_and_activate (name, "Summer");
  value = get_column (f->store, f->release_id, "name");
  g_assert_cmpstr (value, ==, "Summer");
  g_clear_pointer (&value, g_free);

  /* The deploy date, as the calendar sets it. */
  rp_date_row_pick_date (RP_DATE_ROW (deploy), "2026-12-10");
  wait_idle ();
  value = get_column (f->store, f->release_id, "deploy");
  g_assert_cmpstr (value, ==, "2026-12-10");
  g_clear_pointer (&value, g_free);

  /* Testing that ends after the deploy is saved, and the deploy says so. */
  rp_date_row_pick_date (RP_DATE_ROW (testing_end), "2026-12-12");
  wait_idle ();
  value = get_column (f->store, f->release_id, "testing_end");
  g_assert_cmpstr (value, ==, "2026-12-12");
  g_clear_pointer (&value, g_free);
  g_assert_nonnull (rp_date_row_get_warning (RP_DATE_ROW (deploy)));
  g_assert_null (rp_date_row_get_warning (RP_DATE_ROW (testing_end)));

  /* No name: refused where it was typed. */
  type_and_activate (name, "   ");
  value = get_column (f->store, f->release_id, "name");
  g_assert_cmpstr (value, ==, "Summer");
  g_clear_pointer (&value, g_free);
  g_assert_true (gtk_widget_has_css_class (name, "error"));

  /* The version is saved a moment after the typing stops, with no Enter. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (f->page, "version")), "2.0");
  wait_ms (700);
  value = get_column (f->store, f->release_id, "version");
  g_assert_cmpstr (value, ==, "2.0");
  g_clear_pointer (&value, g_free);

  /* A rollback plan, typed into its text view. */
  gtk_text_buffer_set_text (
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (f->page, "rollback_plan"))),
      "Redeploy 1.0 & restore the snapshot", -1);
  wait_ms (700);
  value = get_column (f->store, f->release_id, "rollback_plan");
  g_assert_cmpstr (value, ==, "Redeploy 1.0 & restore the snapshot");
  g_clear_pointer (&value, g_free);

  /* A deploy window that is not a time stays unsaved, with the error. */
  type_and_activate (get_named (f->page, "window_start"), "25:00");
  g_assert_true (gtk_widget_has_css_class (get_named (f->page, "window_start"), "error"));
  value = get_column (f->store, f->release_id, "window_start");
  g_assert_null (value);
  type_and_activate (get_named (f->page, "window_start"), "09:30");
  value = get_column (f->store, f->release_id, "window_start");
  g_assert_cmpstr (value, ==, "09:30");
  g_clear_pointer (&value, g_free);
  g_assert_false (gtk_widget_has_css_class (get_named (f->page, "window_start"), "error"));

  /* Someone on call, added through "Add Person…" of the add row. */
  g_assert_true (rp_person_row_add_person (RP_PERSON_ROW (add_on_call), "Ada Lovelace",
                                           "ada@example.com", &error));
  g_assert_no_error (error);
  wait_idle ();
  people = rp_store_list (f->store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 1);
  ada_id = rp_record_get_id (people->pdata[0]);
  g_assert_cmpuint (count_owners (f->store, f->release_id, "on_call", ada_id), ==, 1);
  g_assert_null (rp_person_row_get_person_id (RP_PERSON_ROW (add_on_call)));
  g_assert_cmpuint (count_named (f->page, "remove-owner"), ==, 1);

  /* The release manager: chosen, then nobody. */
  rp_person_row_set_person_id (RP_PERSON_ROW (get_named (f->page, "release-manager")), ada_id);
  wait_idle ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "release_manager", ada_id), ==, 1);
  rp_person_row_set_person_id (RP_PERSON_ROW (get_named (f->page, "release-manager")), NULL);
  wait_idle ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "release_manager", NULL), ==, 0);

  /* Code complete, picked in the calendar of its row. */
  {
    GtkWidget *row = get_named (f->page, "code_complete");
    GtkWidget *button = get_named (row, "pick-date");
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
    g_autoptr (GDateTime) shown = NULL;
    g_autoptr (GDateTime) day = NULL;
    g_autofree char *expected = NULL;

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    wait_idle ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    shown = gtk_calendar_get_date (calendar);
    day = g_date_time_new_local (g_date_time_get_year (shown), g_date_time_get_month (shown), 3, 12,
                                 0, 0);
    gtk_calendar_select_day (calendar, day);
    wait_idle ();
    expected = g_date_time_format (day, "%Y-%m-%d");
    value = get_column (f->store, f->release_id, "code_complete");
    g_assert_cmpstr (value, ==, expected);
    g_clear_pointer (&value, g_free);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  }

  /* The go/no-go decider, added through "Add Person…" and its dialog. */
  {
    GtkWidget *row = get_named (f->page, "go-no-go");
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
    GtkWidget *dialog = NULL;
    g_autoptr (GPtrArray) more = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_list_model_get_n_items (model) - 1);
    wait_idle ();
    g_assert_null (rp_person_row_get_person_id (RP_PERSON_ROW (row)));
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
          dialog = window;
      }
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "person-name")), "Grace Hopper");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
    wait_idle ();
    more = rp_store_list (f->store, RP_ENTITY_PERSON, NULL);
    g_assert_cmpuint (more->len, ==, 2);
    g_assert_cmpstr (rp_person_row_get_person_id (RP_PERSON_ROW (row)), ==,
                     rp_record_get_id (more->pdata[1]));
    g_assert_cmpuint (
        count_owners (f->store, f->release_id, "go_no_go", rp_record_get_id (more->pdata[1])), ==,
        1);
  }

  /* A component owner. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (f->page, "new-component")), "Billing");
  rp_person_row_set_person_id (RP_PERSON_ROW (get_named (f->page, "new-component-owner")), ada_id);
  g_signal_emit_by_name (get_named (f->page, "add-component"), "clicked");
  wait_idle ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "component", ada_id), ==, 1);
  g_assert_cmpuint (count_named (f->page, "remove-owner"), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (f->page, "new-component"))), ==,
                   "");

  save_screenshot (f->window, "overview.png");
  if (g_getenv ("RP_SCREENSHOT_DIR") != NULL)
    {
      /* The whole form at once. */
      gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 3100);
      save_screenshot (f->window, "overview-full.png");
      gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 900);
      wait_ms (200);

      /* The list of people, as the release manager row opens it. */
      {
        GtkWidget *row = get_named (f->page, "release-manager");
        GtkWidget *popover;

        g_signal_emit_by_name (row, "activate");
        wait_ms (200);
        popover = find_type (row, GTK_TYPE_POPOVER);
        g_assert_nonnull (popover);
        save_screenshot (popover, "overview-people-list.png");
        gtk_popover_popdown (GTK_POPOVER (popover));
        wait_idle ();
      }
    }

  /* Removing the on-call person, then undo brings them back. */
  remove = get_named (f->page, "remove-owner");
  g_signal_emit_by_name (remove, "clicked");
  wait_idle ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "on_call", NULL), ==, 0);
  g_assert_true (rp_store_undo (f->store, &error));
  g_assert_no_error (error);
  wait_idle ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "on_call", NULL), ==, 1);
  g_assert_cmpuint (count_named (f->page, "remove-owner"), ==, 2);

  /* Undo, step by step, back to the first name: the page follows. */
  for (;;)
    {
      value = get_column (f->store, f->release_id, "name");
      if (g_strcmp0 (value, "Spring") == 0)
        break;
      g_clear_pointer (&value, g_free);
      g_assert_true (rp_store_undo (f->store, &error));
      g_assert_no_error (error);
      wait_idle ();
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Spring");
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (f->page, "version"))), ==,
                   "1.0");
  g_assert_null (rp_date_row_get_date (RP_DATE_ROW (deploy)));
  g_assert_null (rp_date_row_get_warning (RP_DATE_ROW (deploy)));
  g_assert_cmpuint (count_named (f->page, "remove-owner"), ==, 0);

  /* Redo brings the new name back into the row. */
  g_assert_true (rp_store_redo (f->store, &error));
  g_assert_no_error (error);
  wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Summer");
}

/* A change made elsewhere (another page, the CLI) shows up, and the
 * status and numbers save at once. */
static void
test_overview_follows_store (Fixture *f, gconstpointer data)
{
  g_autoptr (RpRecord) release = rp_store_get (f->store, RP_ENTITY_RELEASE, f->release_id, NULL);
  g_autoptr (RpRecord) changed = rp_record_copy (release);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) after = NULL;
  GtkWidget *status = get_named (f->page, "status");
  GtkWidget *buffer = get_named (f->page, "buffer_days");

  rp_record_set_string (changed, "summary", "Faster search");
  rp_record_set_string (changed, "status", "testing");
  rp_record_set_int (changed, "buffer_days", 5);
  g_assert_true (rp_store_update (f->store, changed, &error));
  g_assert_no_error (error);
  wait_idle ();

  {
    GtkTextBuffer *text = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (f->page, "summary")));
    GtkTextIter start, end;
    g_autofree char *summary = NULL;

    gtk_text_buffer_get_bounds (text, &start, &end);
    summary = gtk_text_buffer_get_text (text, &start, &end, FALSE);
    g_assert_cmpstr (summary, ==, "Faster search");
  }
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status)), ==, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (buffer)), ==, 5);

  adw_combo_row_set_selected (ADW_COMBO_ROW (status), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (buffer), 0);
  wait_idle ();
  after = rp_store_get (f->store, RP_ENTITY_RELEASE, f->release_id, NULL);
  g_assert_cmpstr (rp_record_get_string (after, "status"), ==, "deploying");
  g_assert_cmpint (rp_record_get_int (after, "buffer_days"), ==, 0);

  /* No release: the page says so. */
  g_object_set (f->page, "release-id", NULL, NULL);
  wait_idle ();
  g_assert_cmpstr (
      gtk_stack_get_visible_child_name (GTK_STACK (find_type (f->page, GTK_TYPE_STACK))), ==,
      "empty");
}

static void
test_overview_narrow_and_dark (Fixture *f, gconstpointer data)
{
  if (g_getenv ("RP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set RP_SCREENSHOT_DIR for screenshots");
      return;
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (f->window, "overview-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gtk_widget_set_size_request (f->window, 360, 700);
  wait_ms (300);
  save_screenshot (f->window, "overview-narrow.png");
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

  g_test_add ("/overview-page/edit-and-undo", Fixture, NULL, fixture_set_up,
              test_overview_edit_and_undo, fixture_tear_down);
  g_test_add ("/overview-page/follows-store", Fixture, NULL, fixture_set_up,
              test_overview_follows_store, fixture_tear_down);
  g_test_add ("/overview-page/narrow-and-dark", Fixture, NULL, fixture_set_up,
              test_overview_narrow_and_dark, fixture_tear_down);

  status = g_test_run ();
  g_free (system_data_dirs);
  return status;
}
