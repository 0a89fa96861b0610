/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rp-calendar-view.h"
#include "rp-core.h"
#include "rp-date-row.h"
#include "rp-labels.h"
#include "rp-release-row.h"
#include "rp-test-ui.h"
#include "rp-test-views.h"
#include "rp-text-edits.h"
#include "rp-timeline-view.h"
#include "rp-window-private.h"

#define SETTINGS_SCHEMA_ID "io.github.releaseplanner.ReleasePlanner"

static RpStore *
open_test_store (gboolean with_sample)
{
  /* G_TEST_OPTION_ISOLATE_DIRS: every test has its own data folder. */
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "release-planner", "plans.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) store = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = rp_test_open_store_at (path);

  if (with_sample)
    {
      rp_sample_plan_load (store, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&store);
}

static RpWindow *
open_window (RpStore *store)
{
  RpWindow *window = rp_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));

  return window;
}

/* Side by side: the sidebar and the tabs. */
static RpWindow *
open_wide_window (RpStore *store)
{
  RpWindow *window = rp_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));
  rp_test_flush ();
  return window;
}

static void
close_window (RpWindow *window)
{
  rp_test_close_window (GTK_WIDGET (window));
}

static guint
count_items (RpWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (_rp_window_get_selection (window)));
}

static const char *const page_names[] = {
  "overview", "scope", "risks", "dependencies", "checklist", "rollout", "readiness",
};

/* The release a page of the window shows; valid until the next change. */
static const char *
page_release_id (RpWindow *window, const char *name)
{
  GtkWidget *page = _rp_window_get_page (window, name);
  g_autofree char *id = NULL;
  const char *interned;

  g_assert_nonnull (page);
  g_object_get (page, "release-id", &id, NULL);
  interned = g_intern_string (id);
  return interned;
}

static void
test_window_empty (void)
{
  g_autoptr (RpStore) store = open_test_store (FALSE);
  RpWindow *window = open_window (store);

  g_assert_cmpuint (count_items (window), ==, 0);
  g_assert_cmpstr (_rp_window_get_visible_page (window), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (_rp_window_get_empty_page (window)));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (_rp_window_get_empty_page (window))), ==,
                   "No Releases Yet");

  close_window (window);
}

static void
test_window_sample (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_window (store);
  GListModel *model = G_LIST_MODEL (_rp_window_get_selection (window));
  guint n = rp_store_count (store, RP_ENTITY_RELEASE);
  int last_rank = -1;

  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpuint (count_items (window), ==, n);
  g_assert_cmpstr (_rp_window_get_visible_page (window), ==, "releases");
  g_assert_false (gtk_widget_get_mapped (_rp_window_get_empty_page (window)));

  /* Sorted by status, in the order of a release's life. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) release = g_list_model_get_item (model, i);
      int rank = rp_release_get_status (RP_RELEASE (release));

      g_assert_cmpint (rank, >=, last_rank);
      last_rank = rank;
    }

  /* Something is selected and shown from the start. */
  g_assert_nonnull (gtk_single_selection_get_selected_item (_rp_window_get_selection (window)));
  g_assert_nonnull (page_release_id (window, "overview"));

  close_window (window);
}

static void
test_window_select (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_window (store);
  GtkSingleSelection *selection = _rp_window_get_selection (window);
  guint n = count_items (window);

  g_assert_cmpuint (n, >, 1);

  /* Backwards, so that every step changes the selection. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr (RpRecord) release = g_list_model_get_item (G_LIST_MODEL (selection), i);

      gtk_single_selection_set_selected (selection, i);
      rp_test_flush ();

      g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, i);
      g_assert_cmpstr (_rp_window_get_title (window), ==, rp_record_get_string (release, "name"));
      /* Every page of the release follows the selection. */
      for (guint p = 0; p < G_N_ELEMENTS (page_names); p++)
        g_assert_cmpstr (page_release_id (window, page_names[p]), ==, rp_record_get_id (release));
    }

  close_window (window);
}

/* Duplicate as Next Release proposes the next version and puts it in
 * the name, not "(next)". */
static void
test_window_duplicate_next (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  g_autoptr (RpRecord) payments = rp_test_find_release (store, "2027.1.0");
  RpWindow *window = open_window (store);
  RpRecord *copy;

  rp_window_select_release (window, rp_record_get_id (payments));
  rp_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "release.duplicate", NULL));
  rp_test_flush ();

  copy = gtk_single_selection_get_selected_item (_rp_window_get_selection (window));
  g_assert_nonnull (copy);
  g_assert_cmpstr (rp_record_get_id (copy), !=, rp_record_get_id (payments));
  g_assert_cmpstr (rp_record_get_string (copy, "name"), ==, "Payments platform 2027.2");
  g_assert_cmpstr (rp_record_get_string (copy, "version"), ==, "2027.2.0");
  g_assert_cmpstr (_rp_window_get_title (window), ==, "Payments platform 2027.2");

  close_window (window);
}

/* Writes through the store show up without being asked for, and the
 * empty state comes back when the last release goes. */
static void
test_window_follows_store (void)
{
  g_autoptr (RpStore) store = open_test_store (FALSE);
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;
  RpWindow *window = open_window (store);

  rp_record_set_string (release, "name", "Spring & Summer <2027>");
  rp_record_set_string (release, "version", "3.0");
  rp_store_insert (store, release, &error);
  g_assert_no_error (error);
  rp_test_flush ();

  g_assert_cmpuint (count_items (window), ==, 1);
  g_assert_cmpstr (_rp_window_get_visible_page (window), ==, "releases");
  g_assert_cmpstr (_rp_window_get_title (window), ==, "Spring & Summer <2027>");

  rp_store_delete (store, RP_ENTITY_RELEASE, rp_record_get_id (release), &error);
  g_assert_no_error (error);
  rp_test_flush ();

  g_assert_cmpuint (count_items (window), ==, 0);
  g_assert_cmpstr (_rp_window_get_visible_page (window), ==, "empty");

  close_window (window);
}

/* Another process (the command line) writes the same file. */
static void
test_window_external_write (void)
{
  g_autoptr (RpStore) store = open_test_store (FALSE);
  g_autoptr (RpStore) other = NULL;
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;
  RpWindow *window = open_window (store);

  other = rp_store_open (rp_store_get_path (store), &error);
  g_assert_no_error (error);
  rp_record_set_string (release, "name", "From the command line");
  rp_store_insert (other, release, &error);
  g_assert_no_error (error);

  /* The window polls on a timer; do now what the timer would do. */
  rp_store_poll_external (store);
  rp_test_flush ();

  g_assert_cmpuint (count_items (window), ==, 1);
  g_assert_cmpstr (_rp_window_get_title (window), ==, "From the command line");

  close_window (window);
}

static void
test_window_size_kept (void)
{
  g_autoptr (RpStore) store = open_test_store (FALSE);
  g_autoptr (GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  RpWindow *window;
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);

  window = open_window (store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  rp_test_flush ();
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* A phone-sized window shows the list first; choosing a release shows its
 * overview, and Back returns to the list. */
static void
test_window_narrow (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  g_autoptr (GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  RpWindow *window;
  GtkWidget *list;
  g_autoptr (RpRecord) second = NULL;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 700);
  window = open_window (store);

  g_assert_true (_rp_window_is_folded (window));
  g_assert_false (_rp_window_shows_overview (window));

  /* Enter (or a double click) on the second row. */
  list = GTK_WIDGET (_rp_window_get_release_list (window));
  g_signal_emit_by_name (list, "activate", 1);
  rp_test_flush ();

  second = g_list_model_get_item (G_LIST_MODEL (_rp_window_get_selection (window)), 1);
  g_assert_true (_rp_window_shows_overview (window));
  g_assert_cmpstr (_rp_window_get_title (window), ==, rp_record_get_string (second, "name"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-sidebar", NULL));
  rp_test_flush ();
  g_assert_false (_rp_window_shows_overview (window));

  close_window (window);
}

static GtkWidget *
show_page (RpWindow *window, const char *name)
{
  GtkWidget *page = _rp_window_get_page (window, name);

  _rp_window_show_page (window, name);
  rp_test_flush ();
  return page;
}

/* Nothing in the window asks for more than a phone's 360 pixels: not the
 * seven tabs of a release (their switcher moves to a bar at the bottom,
 * which must fit too), not a view, not a page. */
static guint
count_mapped_buttons (GtkWidget *root)
{
  guint n = GTK_IS_TOGGLE_BUTTON (root) && gtk_widget_get_mapped (root) && gtk_widget_get_width (root) > 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_mapped_buttons (c);
  return n;
}

static int
min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static void
test_window_fits_360 (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  g_autoptr (GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  static const char *const views[] = { "calendar", "timeline", "releases" };
  GtkWidget *content;
  RpWindow *window;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 700);
  window = open_window (store);
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_assert_true (_rp_window_is_folded (window));
  g_signal_emit_by_name (_rp_window_get_release_list (window), "activate", 0);
  rp_test_flush ();
  g_assert_true (_rp_window_shows_overview (window));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = show_page (window, page_names[i]);
      GtkWidget *bar = rp_test_get_named (content, "release-switcher-bar");

      /* The leaflet's slide and the bar's reveal run first. */
      for (guint wait = 0; wait < 100 && count_mapped_buttons (bar) < G_N_ELEMENTS (page_names); wait++)
        rp_test_wait_ms (20);
      g_test_message ("%s: the window's content needs %d px", page_names[i], min_width (content));
      g_assert_cmpint (min_width (content), <=, 360);
      g_assert_true (gtk_widget_get_mapped (page));
      g_assert_cmpint (gtk_widget_get_width (page), <=, 360);
      /* The tabs are in the bar at the bottom, each of them shown. */
      g_assert_true (gtk_widget_get_mapped (bar));
      g_assert_cmpint (gtk_widget_get_width (bar), <=, 360);
      g_assert_cmpuint (count_mapped_buttons (bar), ==, G_N_ELEMENTS (page_names));
      if (g_str_equal (page_names[i], "readiness"))
        rp_test_screenshot (GTK_WIDGET (window), "readiness-tab-narrow", 300);
    }

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      _rp_window_show_view (window, views[i]);
      rp_test_flush ();
      g_test_message ("%s: the window's content needs %d px", views[i], min_width (content));
      g_assert_cmpint (min_width (content), <=, 360);
    }
  close_window (window);
}

static void
type_into (GtkWidget *editable, const char *text, const char *signal)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  g_signal_emit_by_name (editable, signal);
  rp_test_flush ();
}

/* Plan a release in the window as a user would, page by page, checking
 * what the store holds after each step; then undo from the window. */
static void
test_window_plan_a_release (void)
{
  g_autoptr (RpStore) store = open_test_store (FALSE);
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) saved = NULL;
  g_autoptr (GPtrArray) scope = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) risks = NULL;
  g_autoptr (GError) error = NULL;
  const char *id = rp_record_get_id (release);
  RpWindow *window;
  GtkWidget *page;

  rp_record_set_string (release, "name", "Autumn release");
  g_assert_true (rp_store_insert (store, release, &error));
  window = open_window (store);
  g_assert_cmpstr (page_release_id (window, "overview"), ==, id);

  /* Dates, picked as the calendar does. */
  page = show_page (window, "overview");
  rp_date_row_pick_date (RP_DATE_ROW (rp_test_get_named (page, "code_complete")), "2026-12-01");
  rp_date_row_pick_date (RP_DATE_ROW (rp_test_get_named (page, "deploy")), "2026-12-10");
  rp_test_flush ();
  saved = rp_store_get (store, RP_ENTITY_RELEASE, id, &error);
  g_assert_cmpstr (rp_record_get_string (saved, "code_complete"), ==, "2026-12-01");
  g_assert_cmpstr (rp_record_get_string (saved, "deploy"), ==, "2026-12-10");

  /* A scope item with an acceptance criterion. */
  page = show_page (window, "scope");
  type_into (rp_test_get_named (page, "add-entry"), "One-click refunds", "activate");
  scope = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, id);
  g_assert_cmpuint (scope->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (scope->pdata[0], "title"), ==, "One-click refunds");
  type_into (rp_test_get_named (page, "criterion-add-entry"), "Refund shows in the ledger", "activate");
  criteria = rp_store_list (store, RP_ENTITY_CRITERION, rp_record_get_id (scope->pdata[0]));
  g_assert_cmpuint (criteria->len, ==, 1);

  /* A risk, deleted, then back with Ctrl+Z's action. */
  page = show_page (window, "risks");
  type_into (rp_test_get_named (page, "risk-add-entry"), "Ledger lags behind", "activate");
  risks = rp_store_list (store, RP_ENTITY_RISK, id);
  g_assert_cmpuint (risks->len, ==, 1);
  g_clear_pointer (&risks, g_ptr_array_unref);
  g_signal_emit_by_name (rp_test_get_named (page, "risk-delete-button"), "clicked");
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RISK), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rp_test_flush ();
  risks = rp_store_list (store, RP_ENTITY_RISK, id);
  g_assert_cmpuint (risks->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (risks->pdata[0], "title"), ==, "Ledger lags behind");

  /* Undo again, twice: the risk, then the criterion, in order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RISK), ==, 0);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_CRITERION), ==, 0);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_SCOPE_ITEM), ==, 1);

  close_window (window);
}

/* Text still waiting for its pause to save is saved by Undo first, and
 * Undo then takes back exactly that edit. */
static void
test_window_undo_pending_text (void)
{
  g_autoptr (RpStore) store = open_test_store (FALSE);
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) saved = NULL;
  g_autoptr (GError) error = NULL;
  RpWindow *window;
  GtkWidget *page;
  GtkWidget *version;

  rp_record_set_string (release, "name", "Winter release");
  rp_record_set_string (release, "version", "1.0");
  g_assert_true (rp_store_insert (store, release, &error));
  window = open_window (store);
  page = show_page (window, "overview");

  version = rp_test_get_named (page, "version");
  gtk_widget_grab_focus (version);
  gtk_editable_set_text (GTK_EDITABLE (version), "1.1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rp_test_flush ();

  saved = rp_store_get (store, RP_ENTITY_RELEASE, rp_record_get_id (release), &error);
  g_assert_cmpstr (rp_record_get_string (saved, "version"), ==, "1.0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (version)), ==, "1.0");
  /* and it stays so after the pause the field would have waited */
  g_usleep (600 * 1000);
  rp_test_flush ();
  g_clear_object (&saved);
  saved = rp_store_get (store, RP_ENTITY_RELEASE, rp_record_get_id (release), &error);
  g_assert_cmpstr (rp_record_get_string (saved, "version"), ==, "1.0");
  g_assert_true (rp_store_can_redo (store));

  close_window (window);
}

/* Buttons that show only an icon must still say what they do. */
static void
check_icon_buttons (GtkWidget *widget, guint *n_checked, GString *missing)
{
  const char *icon_name = NULL;

  if (GTK_IS_WINDOW_CONTROLS (widget))
    return; /* GTK labels the window's own buttons */
  if (!gtk_widget_get_visible (widget))
    return; /* nobody can reach it (AdwEntryRow's unused apply button) */
  if (GTK_IS_SPIN_BUTTON (widget))
    return; /* its +/- buttons are GTK's, and the spin button is labelled */

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    icon_name = gtk_button_get_icon_name (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL)
    icon_name = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));

  if (icon_name != NULL)
    {
      GtkWidget *page = widget;

      /* Name the page it is on, to find it. */
      while (page != NULL && !ADW_IS_BIN (page))
        page = gtk_widget_get_parent (page);
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_string_append_printf (missing, "\n  the %s with the icon %s in %s", G_OBJECT_TYPE_NAME (widget),
                                icon_name, page != NULL ? G_OBJECT_TYPE_NAME (page) : "the window");
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_icon_buttons (child, n_checked, missing);
}

static void
test_window_accessible_buttons (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_window (store);
  g_autoptr (GString) missing = g_string_new (NULL);
  guint n_checked = 0;

  /* Every page of the release, as it shows the sample. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      _rp_window_show_page (window, page_names[i]);
      rp_test_flush ();
    }
  check_icon_buttons (GTK_WIDGET (window), &n_checked, missing);
  if (missing->len > 0)
    g_error ("Icon-only buttons without an accessible label:%s", missing->str);
  /* New Release, Back, and the two main menus (list and empty state). */
  g_assert_cmpuint (n_checked, >=, 4);

  close_window (window);
}

/* win.show-subject: one row per kind of subject, the row of the release
 * shown or of another one. */
typedef struct
{
  const char *entity; /* the name of the entity, as the action takes it */
  const char *field;  /* "" for the row */
  gboolean other_release;
  const char *page;    /* the tab that shows it */
  const char *list;    /* the name of the list whose row is selected, or NULL */
  const char *focused; /* the name of the widget that has (or holds) the focus */
} SubjectCase;

static const SubjectCase subject_cases[] = {
  { "scope_item", "", FALSE, "scope", "scope-list", "title-row" },
  { "scope_item", "", TRUE, "scope", "scope-list", "title-row" },
  { "scope_item", "description", TRUE, "scope", "scope-list", "description-view" },
  { "acceptance_criterion", "", TRUE, "scope", "scope-list", "criterion-entry" },
  { "dependency", "", TRUE, "dependencies", "dependency-list", "title-row" },
  { "risk", "", FALSE, "risks", "risk-list", "risk-title-row" },
  { "risk", "mitigation", TRUE, "risks", "risk-list", "risk-mitigation-view" },
  { "rollout_stage", "", TRUE, "rollout", "stage-list", "stage-name-row" },
  { "feature_flag", "", TRUE, "rollout", "flag-list", "flag-key-row" },
  { "checklist_item", "", TRUE, "checklist", NULL, "checklist-view" },
  { "release", "rollback_plan", FALSE, "overview", NULL, "rollback_plan" },
  { "release", "deploy", TRUE, "overview", NULL, "deploy" },
};

/* A row of @entity in a release other than (or the same as) @release_id;
 * its release in *@owner. */
static RpRecord *
find_subject (RpStore *store, RpEntity entity, const char *release_id, gboolean other, char **owner)
{
  g_autoptr (GPtrArray) releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);

  for (guint i = 0; i < releases->len; i++)
    {
      const char *id = rp_record_get_id (releases->pdata[i]);
      g_autoptr (GPtrArray) rows = NULL;

      if ((g_strcmp0 (id, release_id) != 0) != other)
        continue;
      *owner = g_strdup (id);
      if (entity == RP_ENTITY_RELEASE)
        return g_object_ref (releases->pdata[i]);
      if (entity == RP_ENTITY_CRITERION || entity == RP_ENTITY_CHECKLIST_ITEM)
        {
          /* Rows of the rows of the release (criteria of scope items,
           * items of checklist sections). */
          g_autoptr (GPtrArray) items = rp_store_list (
              store, entity == RP_ENTITY_CRITERION ? RP_ENTITY_SCOPE_ITEM : RP_ENTITY_CHECKLIST_SECTION, id);

          for (guint j = 0; j < items->len; j++)
            {
              g_autoptr (GPtrArray) criteria =
                  rp_store_list (store, entity, rp_record_get_id (items->pdata[j]));

              /* Not the first item's, so that selecting it is seen. */
              if (criteria->len > 0 && j > 0)
                return g_object_ref (criteria->pdata[criteria->len - 1]);
            }
          g_clear_pointer (owner, g_free);
          continue;
        }
      rows = rp_store_list (store, entity, id);
      /* The last row: not the one a page opens on, where there are more. */
      if (rows->len > 0)
        return g_object_ref (rows->pdata[rows->len - 1]);
      g_clear_pointer (owner, g_free);
    }
  return NULL;
}

static const char *
selected_row_id (GtkWidget *page, const char *list)
{
  GtkListView *view = GTK_LIST_VIEW (rp_test_get_named (page, list));
  RpRecord *row =
      gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_list_view_get_model (view)));

  return row != NULL ? rp_record_get_id (row) : NULL;
}

static void
test_window_show_subject (gconstpointer data)
{
  const SubjectCase *c = data;
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_wide_window (store);
  RpEntity entity = rp_entity_from_name (c->entity);
  g_autofree char *shown = NULL;
  g_autofree char *owner = NULL;
  g_autoptr (RpRecord) subject = NULL;
  g_autofree char *expected_row = NULL;
  GtkWidget *page, *focus, *target;

  /* A folded window is the narrow test's. */
  g_assert_false (_rp_window_is_folded (window));
  shown = g_strdup (page_release_id (window, "overview"));
  subject = find_subject (store, entity, shown, c->other_release, &owner);
  g_assert_nonnull (shown);
  g_assert_nonnull (subject);
  /* Start elsewhere, on a tab that is not the subject's. */
  _rp_window_show_page (window, g_str_equal (c->page, "checklist") ? "overview" : "checklist");
  rp_test_flush ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-subject", "(sss)", c->entity,
                              rp_record_get_id (subject), c->field);
  rp_test_flush ();

  /* The release of the subject (up the chain of parents) is the one
   * shown, in every tab. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    g_assert_cmpstr (page_release_id (window, page_names[i]), ==, owner);
  g_assert_cmpstr (rp_record_get_id (
                       gtk_single_selection_get_selected_item (_rp_window_get_selection (window))),
                   ==, owner);

  /* Its tab is the one shown. */
  page = _rp_window_get_page (window, c->page);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                       ADW_VIEW_STACK (gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK))),
                   ==, c->page);
  g_assert_true (gtk_widget_get_mapped (page));

  /* Its row is selected (for a criterion, the row of its item). */
  if (c->list != NULL)
    {
      expected_row = g_strdup (entity == RP_ENTITY_CRITERION ? rp_record_get_parent_id (subject)
                                                             : rp_record_get_id (subject));
      g_assert_cmpstr (selected_row_id (page, c->list), ==, expected_row);
    }

  /* The field has the focus (the text inside an entry row). */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  if (entity == RP_ENTITY_CRITERION)
    {
      g_autofree char *text = NULL;

      g_assert_cmpstr (gtk_widget_get_name (focus), ==, c->focused);
      text = rp_text_get (focus);
      g_assert_cmpstr (text, ==, rp_record_get_string (subject, "text"));
    }
  else
    {
      target = rp_test_get_named (page, c->focused);
      g_assert_true (focus == target || gtk_widget_is_ancestor (focus, target));
    }

  close_window (window);
}

/* What no page shows does nothing, and says nothing worse than a debug
 * message: a person, a row that is gone. */
static void
test_window_show_subject_none (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_window (store);
  g_autofree char *shown = g_strdup (page_release_id (window, "overview"));
  g_autoptr (GPtrArray) people = rp_store_list (store, RP_ENTITY_PERSON, NULL);

  g_assert_cmpuint (people->len, >, 0);
  g_assert_false (
      rp_window_show_subject (window, RP_ENTITY_PERSON, rp_record_get_id (people->pdata[0]), NULL));
  g_assert_false (rp_window_show_subject (window, RP_ENTITY_RISK, "no-such-risk", NULL));
  g_assert_false (rp_window_show_subject (window, RP_ENTITY_RELEASE, shown, "no_such_field"));
  rp_test_flush ();
  g_assert_cmpstr (page_release_id (window, "overview"), ==, shown);
  close_window (window);
}

#define MOBILE_ID "938bae14-a74b-5866-8aa4-41878e03e181"
#define PAYMENTS_ID "63689aa3-9ce5-532e-8fd8-bff006e832c8"

static void
screenshots_light_dark (RpWindow *window, const char *name)
{
  g_autofree char *light = g_strconcat (name, "-light", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  rp_test_screenshot (GTK_WIDGET (window), light, 300);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rp_test_screenshot (GTK_WIDGET (window), dark, 300);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The header's switcher: Releases, Calendar, Timeline. An event of the
 * calendar opens its release in Releases; the release menu commits its
 * dates. */
static void
test_window_views (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  g_autoptr (GDateTime) today = g_date_time_new_local (2026, 12, 2, 0, 0, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) payments = NULL;
  RpWindow *window = open_window (store);
  GtkWidget *calendar, *timeline, *chip;
  RpRecord *selected;

  rp_test_resize (GTK_WIDGET (window), 1280, 800, 100);
  g_assert_cmpstr (_rp_window_get_visible_view (window), ==, "releases");
  calendar = rp_test_find_type (GTK_WIDGET (window), RP_TYPE_CALENDAR_VIEW);
  timeline = rp_test_find_type (GTK_WIDGET (window), RP_TYPE_TIMELINE_VIEW);
  g_assert_nonnull (calendar);
  g_assert_nonnull (timeline);
  g_assert_true (rp_plan_view_get_store (RP_PLAN_VIEW (calendar)) == store);
  g_assert_true (rp_plan_view_get_store (RP_PLAN_VIEW (timeline)) == store);
  g_assert_false (gtk_widget_get_mapped (calendar));

  _rp_window_show_view (window, "calendar");
  g_object_set (calendar, "today", today, "first-weekday", G_DATE_MONDAY, NULL);
  rp_plan_view_today (RP_PLAN_VIEW (calendar));
  rp_test_wait_mapped (calendar);
  rp_test_wait_ms (100);
  chip = rp_test_views_find_named_chip (calendar, "Deploy Mobile app 5.0, Wednesday 9 December");
  g_assert_true (gtk_widget_get_mapped (chip));
  screenshots_light_dark (window, "calendar");

  /* Activating it opens Mobile app 5.0 in Releases. */
  gtk_widget_activate (chip);
  rp_test_wait_ms (400);
  g_assert_cmpstr (_rp_window_get_visible_view (window), ==, "releases");
  selected = gtk_single_selection_get_selected_item (_rp_window_get_selection (window));
  g_assert_cmpstr (rp_record_get_id (selected), ==, MOBILE_ID);

  _rp_window_show_view (window, "timeline");
  g_object_set (timeline, "today", today, "first-weekday", G_DATE_MONDAY, NULL);
  rp_plan_view_today (RP_PLAN_VIEW (timeline));
  rp_test_wait_mapped (timeline);
  rp_test_wait_ms (100);
  screenshots_light_dark (window, "timeline");

  /* Commit Dates in the release menu, for the release selected. */
  rp_window_select_release (window, PAYMENTS_ID);
  rp_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "release.commit-dates", NULL));
  payments = rp_store_get (store, RP_ENTITY_RELEASE, PAYMENTS_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_release_get_committed_deploy (RP_RELEASE (payments)), ==, "2027-02-09");

  /* Narrow: the switcher moves to a bar at the bottom. */
  _rp_window_show_view (window, "calendar");
  rp_test_resize (GTK_WIDGET (window), 360, 700, 300);
  g_assert_cmpint (gtk_widget_get_width (calendar), <=, 360);
  rp_test_screenshot (GTK_WIDGET (window), "calendar-narrow", 300);
  _rp_window_show_view (window, "timeline");
  rp_test_wait_ms (100);
  rp_plan_view_today (RP_PLAN_VIEW (timeline));
  rp_test_screenshot (GTK_WIDGET (window), "timeline-narrow", 300);

  close_window (window);
}

/* The sidebar's readiness badges, as of 2026-11-24: each release row says
 * its verdict in words (visible, with room), and follows an edit. */
static void
collect_rows (GtkWidget *root, GPtrArray *rows)
{
  if (RP_IS_RELEASE_ROW (root))
    g_ptr_array_add (rows, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_rows (c, rows);
}

static const char *
badge_of (RpWindow *window, const char *name)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (_rp_window_get_release_list (window)), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      RpRecord *release = rp_release_row_get_release (rows->pdata[i]);
      GtkWidget *badge = rp_test_template_child (rows->pdata[i], RP_TYPE_RELEASE_ROW, "verdict_label");

      if (release == NULL || g_strcmp0 (rp_release_get_name (RP_RELEASE (release)), name) != 0)
        continue;
      g_assert_true (gtk_widget_get_mapped (badge));
      g_assert_cmpint (gtk_widget_get_allocated_width (badge), >, 0);
      g_assert_true (gtk_widget_has_css_class (badge, "rp-verdict"));
      return gtk_label_get_text (GTK_LABEL (badge));
    }
  g_assert_not_reached ();
}

static void
test_window_readiness_badges (void)
{
  g_autoptr (RpStore) store = NULL;
  RpWindow *window;
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GError) error = NULL;

  g_setenv ("RP_TODAY", "2026-11-24", TRUE);
  store = open_test_store (TRUE);
  window = open_wide_window (store);

  g_assert_cmpstr (badge_of (window, "Payments platform 2027.1"), ==, "No-go");
  g_assert_cmpstr (badge_of (window, "Mobile app 5.0"), ==, "No-go");
  g_assert_cmpstr (badge_of (window, "Search relevance v4"), ==, "Go with risks");

  /* No rollback plan any more: no-go, at once. */
  releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  for (guint i = 0; i < releases->len; i++)
    if (g_str_equal (rp_release_get_name (releases->pdata[i]), "Search relevance v4"))
      {
        g_autoptr (RpRecord) changed = rp_record_copy (releases->pdata[i]);

        rp_record_set_null (changed, "rollback_plan");
        g_assert_true (rp_store_update (store, changed, &error));
        g_assert_no_error (error);
      }
  rp_test_flush ();
  g_assert_cmpstr (badge_of (window, "Search relevance v4"), ==, "No-go");

  /* A finding of the card goes to its field: the rollback plan, focused. */
  _rp_window_show_page (window, "overview");
  rp_test_flush ();
  {
    GtkWidget *overview = _rp_window_get_page (window, "overview");
    GtkWidget *card = rp_test_get_named (overview, "readiness-card");
    GtkWidget *row = NULL;
    GtkWidget *focus;

    for (GtkWidget *r = gtk_widget_get_first_child (rp_test_get_named (card, "card-findings")); r != NULL;
         r = gtk_widget_get_next_sibling (r))
      if (ADW_IS_PREFERENCES_ROW (r) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (r)),
                                                     "The release has no rollback plan"))
        row = r;
    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    rp_test_flush ();
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (focus == rp_test_get_named (overview, "rollback_plan") ||
                   gtk_widget_is_ancestor (focus, rp_test_get_named (overview, "rollback_plan")));
  }
  g_unsetenv ("RP_TODAY");
  close_window (window);
}

/* The tab that shows a finding's subject. */
static const char *
page_of_subject (RpEntity entity)
{
  switch (entity)
    {
    case RP_ENTITY_SCOPE_ITEM:
    case RP_ENTITY_CRITERION:
      return "scope";
    case RP_ENTITY_RISK:
      return "risks";
    case RP_ENTITY_DEPENDENCY:
      return "dependencies";
    case RP_ENTITY_CHECKLIST_SECTION:
    case RP_ENTITY_CHECKLIST_ITEM:
      return "checklist";
    case RP_ENTITY_ROLLOUT_STAGE:
    case RP_ENTITY_FEATURE_FLAG:
      return "rollout";
    default:
      return "overview";
    }
}

/* The Readiness tab in the window (Alt+7), on Mobile app 5.0 as of
 * 2026-11-24: every finding it lists, activated, shows the tab of its
 * subject with the focus there, on the thing to fix. */
static void
test_window_readiness_tab (void)
{
  g_autoptr (RpStore) store = NULL;
  RpWindow *window;
  GtkWidget *readiness;
  guint n_rows;

  g_setenv ("RP_TODAY", "2026-11-24", TRUE);
  store = open_test_store (TRUE);
  window = open_wide_window (store);
  rp_window_select_release (window, MOBILE_ID);
  rp_test_flush ();

  rp_test_press_key (GTK_WIDGET (window), GDK_KEY_7, GDK_ALT_MASK);
  rp_test_flush ();
  readiness = _rp_window_get_page (window, "readiness");
  g_assert_true (gtk_widget_get_mapped (readiness));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (readiness, "verdict"))), ==, "No-go");

  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();

    rp_test_collect_named (readiness, "finding-row", rows);
    n_rows = rows->len;
  }
  /* 8 blockers and a warning, some rows saying more than one. */
  g_assert_cmpuint (n_rows, >=, 5);
  screenshots_light_dark (window, "readiness-tab");

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr (GPtrArray) rows = g_ptr_array_new ();
      const RpFinding *finding;
      const char *expected;
      GtkWidget *page, *focus;

      _rp_window_show_page (window, "readiness");
      rp_test_flush ();
      rp_test_collect_named (readiness, "finding-row", rows);
      g_assert_cmpuint (rows->len, ==, n_rows);
      g_assert_true (gtk_widget_get_mapped (rows->pdata[i]));
      finding = g_object_get_data (rows->pdata[i], "rp-finding");
      g_assert_nonnull (finding);
      expected = page_of_subject (rp_finding_get_subject_entity (finding));

      g_signal_emit_by_name (rows->pdata[i], "activated");
      rp_test_flush ();

      g_test_message ("“%s” → %s", rp_finding_get_message (finding), expected);
      page = _rp_window_get_page (window, expected);
      g_assert_true (gtk_widget_get_mapped (page));
      g_assert_false (gtk_widget_get_mapped (readiness));
      /* The focus follows once the page is shown, which a loaded machine
       * may take some frames to do: wait for it. */
      focus = rp_test_wait_focus_within (GTK_WIDGET (window), page, NULL, NULL);
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, page));
    }

  g_unsetenv ("RP_TODAY");
  close_window (window);
}

/* An accessible property as GTK's test backend holds it, or NULL. */
static char *
accessible_property (GtkWidget *widget, GtkAccessibleProperty property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;
  /* With a value it cannot have, the check gives the value it has. */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\001");
}

static RpReleaseRow *
find_release_row (RpWindow *window, const char *release_id)
{
  GtkWidget *list = GTK_WIDGET (_rp_window_get_release_list (window));

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      RpRecord *release;

      if (!RP_IS_RELEASE_ROW (row) || !gtk_widget_get_visible (item))
        continue;
      release = rp_release_row_get_release (RP_RELEASE_ROW (row));
      if (release != NULL && g_strcmp0 (rp_record_get_id (release), release_id) == 0)
        return RP_RELEASE_ROW (row);
    }
  return NULL;
}

/* A search for what only one checklist item holds: its release alone is
 * listed, its row says what matched (seen and read out), and opening it
 * shows the item in the Checklist. */
static void
test_window_search_checklist (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  g_autoptr (GPtrArray) releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (RpRecord) item = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  const char *release_id;
  const char *expected = "Checklist: Brief the zébra desk";
  RpWindow *window;
  GtkWidget *entry, *label, *focus, *target;
  RpReleaseRow *row;

  /* Not the first release: the one selected from the start. */
  g_assert_cmpuint (releases->len, >, 1);
  release_id = rp_record_get_id (releases->pdata[1]);
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  g_assert_cmpuint (sections->len, >, 0);
  rp_record_set_string (item, "section_id", rp_record_get_id (sections->pdata[sections->len - 1]));
  rp_record_set_string (item, "text", "Brief the zébra desk");
  g_assert_true (rp_store_insert (store, item, &error));
  g_assert_no_error (error);

  window = rp_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  entry = GTK_WIDGET (_rp_window_get_search_entry (window));
  /* Case and accents do not matter. */
  type_into (entry, "ZEBRA", "search-changed");

  g_assert_cmpuint (count_items (window), ==, 1);
  row = find_release_row (window, release_id);
  g_assert_nonnull (row);
  label = rp_test_template_child (GTK_WIDGET (row), RP_TYPE_RELEASE_ROW, "match_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpint (gtk_widget_get_allocated_height (label), >, 0);
  g_assert_cmpint (gtk_widget_get_allocated_width (label), >, 0);

  /* The list's item is the row a screen reader names. */
  name = accessible_property (gtk_widget_get_parent (GTK_WIDGET (row)), GTK_ACCESSIBLE_PROPERTY_LABEL);
  description =
      accessible_property (gtk_widget_get_parent (GTK_WIDGET (row)), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_nonnull (name);
  g_assert_true (g_str_has_suffix (name, ", matches Checklist: Brief the zébra desk"));
  g_assert_cmpstr (description, ==, expected);
  screenshots_light_dark (window, "search-checklist");

  /* Enter on it: the Checklist, at the item. */
  g_signal_emit_by_name (_rp_window_get_release_list (window), "activate", 0);
  rp_test_flush ();
  g_assert_cmpstr (page_release_id (window, "checklist"), ==, release_id);
  g_assert_true (gtk_widget_get_mapped (_rp_window_get_page (window, "checklist")));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  target = rp_test_get_named (_rp_window_get_page (window, "checklist"), "checklist-view");
  g_assert_nonnull (focus);
  g_assert_true (focus == target || gtk_widget_is_ancestor (focus, target));

  /* A match in the name says nothing more; no query, no match line. */
  type_into (entry, rp_record_get_string (releases->pdata[1], "name"), "search-changed");
  row = find_release_row (window, release_id);
  g_assert_nonnull (row);
  g_assert_false (
      gtk_widget_get_visible (rp_test_template_child (GTK_WIDGET (row), RP_TYPE_RELEASE_ROW, "match_label")));
  type_into (entry, "", "search-changed");
  g_assert_cmpuint (count_items (window), ==, releases->len);

  /* On a phone, the row that found it, in the sidebar. */
  rp_test_resize (GTK_WIDGET (window), 360, 700, 300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_into (entry, "zebra desk", "search-changed");
  g_assert_cmpuint (count_items (window), ==, 1);
  rp_test_screenshot (GTK_WIDGET (window), "search-checklist-360", 300);

  close_window (window);
}

/* Ticking an item on the Checklist tab updates the count of its release
 * in the sidebar at once. */
static void
test_window_checklist_count (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = rp_window_new (NULL, store);
  g_autoptr (GPtrArray) sections = NULL;
  g_autofree char *expected = NULL;
  const char *release_id;
  RpRecord *open_item = NULL;
  RpReleaseRow *row;
  GtkWidget *label;
  RpProgress before, after;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));
  rp_test_flush ();
  release_id = page_release_id (window, "overview");
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  for (guint i = 0; i < sections->len && open_item == NULL; i++)
    {
      g_autoptr (GPtrArray) items =
          rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[i]));

      for (guint j = 0; j < items->len && open_item == NULL; j++)
        if (rp_checklist_item_get_state (items->pdata[j]) == RP_ITEM_STATE_OPEN)
          open_item = g_object_ref (items->pdata[j]);
    }
  g_assert_nonnull (open_item);
  rp_checklist_progress (store, release_id, NULL, &before);

  g_assert_true (
      rp_window_show_subject (window, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (open_item), NULL));
  rp_test_flush ();
  gtk_widget_activate_action (_rp_window_get_page (window, "checklist"), "checklist.toggle", NULL);
  rp_test_flush ();

  rp_checklist_progress (store, release_id, NULL, &after);
  g_assert_cmpuint (after.done, ==, before.done + 1);
  expected = g_strdup_printf ("%u/%u", after.done + after.na, after.total);
  row = find_release_row (window, release_id);
  g_assert_nonnull (row);
  label = rp_test_template_child (GTK_WIDGET (row), RP_TYPE_RELEASE_ROW, "progress_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);

  g_object_unref (open_item);
  close_window (window);
}

int
main (int argc, char **argv)
{
  rp_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/sample", test_window_sample);
  g_test_add_func ("/window/select", test_window_select);
  g_test_add_func ("/window/duplicate-next", test_window_duplicate_next);
  g_test_add_func ("/window/plan-a-release", test_window_plan_a_release);
  g_test_add_func ("/window/undo-pending-text", test_window_undo_pending_text);
  g_test_add_func ("/window/follows-store", test_window_follows_store);
  g_test_add_func ("/window/external-write", test_window_external_write);
  g_test_add_func ("/window/size-kept", test_window_size_kept);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/fits-360", test_window_fits_360);
  g_test_add_func ("/window/accessible-buttons", test_window_accessible_buttons);
  g_test_add_func ("/window/views", test_window_views);
  g_test_add_func ("/window/readiness-badges", test_window_readiness_badges);
  g_test_add_func ("/window/readiness-tab", test_window_readiness_tab);
  g_test_add_func ("/window/search/checklist", test_window_search_checklist);
  g_test_add_func ("/window/checklist-count", test_window_checklist_count);
  for (guint i = 0; i < G_N_ELEMENTS (subject_cases); i++)
    {
      const SubjectCase *c = &subject_cases[i];
      g_autofree char *path =
          g_strdup_printf ("/window/show-subject/%s%s%s%s", c->entity, *c->field ? "." : "", c->field,
                           c->other_release ? "/other-release" : "");

      g_test_add_data_func (path, c, test_window_show_subject);
    }
  g_test_add_func ("/window/show-subject/none", test_window_show_subject_none);

  return g_test_run ();
}
