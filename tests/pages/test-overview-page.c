/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-overview-page.h"
#include "rp-person-row.h"
#include "rp-test-ui.h"
#include "rp-ui-util.h"

/* The Overview page driven as a person would: typing, picking dates and
 * people, removing an owner, then undo. */

/* As a person types: into the text of the row, then Enter. */
static void
type_and_activate (GtkWidget *row, const char *text)
{
  GtkWidget *entry = rp_test_find_type (row, GTK_TYPE_TEXT);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
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

/* Scrolls the page so that @widget is at the top of what it shows. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *content = gtk_widget_get_first_child (viewport);
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = rp_test_tick_add (20);
  double x, y, shown_y;

  /* Until the widget is inside the visible part: the adjustment may not yet
   * reach that far (the content is allocated with a later frame), and a
   * loaded machine may take several frames. */
  while (TRUE)
    {
      g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
      gtk_adjustment_set_value (adjustment, y);
      g_main_context_iteration (NULL, TRUE);
      g_assert_true (gtk_widget_translate_coordinates (widget, scrolled, 0, 0, &x, &shown_y));
      if (shown_y >= 0 && shown_y + gtk_widget_get_height (widget) <= gtk_widget_get_height (scrolled))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, until);
    }
  g_source_remove (tick);
  rp_test_flush ();
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
  gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 700);
  f->page = g_object_new (RP_TYPE_OVERVIEW_PAGE, "store", f->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  g_object_set (f->page, "release-id", f->release_id, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  rp_test_flush ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  rp_test_flush ();
  g_assert_null (f->page);
  g_free (f->release_id);
  g_assert_finalize_object (f->store);
}

static void
test_overview_edit_and_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *name = rp_test_get_named (f->page, "name");
  GtkWidget *deploy = rp_test_get_named (f->page, "deploy");
  GtkWidget *testing_end = rp_test_get_named (f->page, "testing_end");
  GtkWidget *add_on_call = rp_test_get_named (f->page, "add-on-call");
  GtkWidget *remove;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  g_autoptr (GPtrArray) people = NULL;
  const char *ada_id;

  /* What the store holds is shown. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Spring");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (f->page, "version"))), ==, "1.0");
  g_assert_null (rp_date_row_get_date (RP_DATE_ROW (deploy)));

  /* A new name, then Enter. */
  type_and_activate (name, "Summer");
  value = get_column (f->store, f->release_id, "name");
  g_assert_cmpstr (value, ==, "Summer");
  g_clear_pointer (&value, g_free);

  /* The deploy date, as the calendar sets it. */
  rp_date_row_pick_date (RP_DATE_ROW (deploy), "2026-12-10");
  rp_test_flush ();
  value = get_column (f->store, f->release_id, "deploy");
  g_assert_cmpstr (value, ==, "2026-12-10");
  g_clear_pointer (&value, g_free);

  /* Testing that ends after the deploy is saved, and the deploy says so. */
  rp_date_row_pick_date (RP_DATE_ROW (testing_end), "2026-12-12");
  rp_test_flush ();
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
  gtk_editable_set_text (GTK_EDITABLE (rp_test_get_named (f->page, "version")), "2.0");
  rp_test_wait_ms (700);
  value = get_column (f->store, f->release_id, "version");
  g_assert_cmpstr (value, ==, "2.0");
  g_clear_pointer (&value, g_free);

  /* A rollback plan, typed into its text view. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                                GTK_TEXT_VIEW (rp_test_get_named (f->page, "rollback_plan"))),
                            "Redeploy 1.0 & restore the snapshot", -1);
  rp_test_wait_ms (700);
  value = get_column (f->store, f->release_id, "rollback_plan");
  g_assert_cmpstr (value, ==, "Redeploy 1.0 & restore the snapshot");
  g_clear_pointer (&value, g_free);

  /* A deploy window that is not a time stays unsaved, with the error. */
  type_and_activate (rp_test_get_named (f->page, "window_start"), "25:00");
  g_assert_true (gtk_widget_has_css_class (rp_test_get_named (f->page, "window_start"), "error"));
  value = get_column (f->store, f->release_id, "window_start");
  g_assert_null (value);
  type_and_activate (rp_test_get_named (f->page, "window_start"), "09:30");
  value = get_column (f->store, f->release_id, "window_start");
  g_assert_cmpstr (value, ==, "09:30");
  g_clear_pointer (&value, g_free);
  g_assert_false (gtk_widget_has_css_class (rp_test_get_named (f->page, "window_start"), "error"));

  /* Someone on call, added through "Add Person…" of the add row. */
  g_assert_true (
      rp_person_row_add_person (RP_PERSON_ROW (add_on_call), "Ada Lovelace", "ada@example.com", &error));
  g_assert_no_error (error);
  rp_test_flush ();
  people = rp_store_list (f->store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 1);
  ada_id = rp_record_get_id (people->pdata[0]);
  g_assert_cmpuint (count_owners (f->store, f->release_id, "on_call", ada_id), ==, 1);
  g_assert_null (rp_person_row_get_person_id (RP_PERSON_ROW (add_on_call)));
  g_assert_cmpuint (rp_test_count_named (f->page, "remove-owner"), ==, 1);

  /* The release manager: chosen, then nobody. */
  rp_person_row_set_person_id (RP_PERSON_ROW (rp_test_get_named (f->page, "release-manager")), ada_id);
  rp_test_flush ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "release_manager", ada_id), ==, 1);
  rp_person_row_set_person_id (RP_PERSON_ROW (rp_test_get_named (f->page, "release-manager")), NULL);
  rp_test_flush ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "release_manager", NULL), ==, 0);

  /* Code complete, picked in the calendar of its row. */
  {
    GtkWidget *row = rp_test_get_named (f->page, "code_complete");
    GtkWidget *button = rp_test_get_named (row, "pick-date");
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
    g_autoptr (GDateTime) shown = NULL;
    g_autoptr (GDateTime) day = NULL;
    g_autofree char *expected = NULL;

    /* Scrolled into view first, as a person would: below the readiness
     * card, the row is out of the window, and a popover needs a place on
     * the screen. */
    scroll_into_view (row);
    rp_test_wait_on_monitor (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    rp_test_flush ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    shown = gtk_calendar_get_date (calendar);
    day = g_date_time_new_local (g_date_time_get_year (shown), g_date_time_get_month (shown), 3, 12, 0, 0);
    gtk_calendar_select_day (calendar, day);
    rp_test_flush ();
    expected = g_date_time_format (day, "%Y-%m-%d");
    value = get_column (f->store, f->release_id, "code_complete");
    g_assert_cmpstr (value, ==, expected);
    g_clear_pointer (&value, g_free);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  }

  /* The go/no-go decider, added through "Add Person…" and its dialog. */
  {
    GtkWidget *row = rp_test_get_named (f->page, "go-no-go");
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
    GtkWidget *dialog = NULL;
    g_autoptr (GPtrArray) more = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_list_model_get_n_items (model) - 1);
    rp_test_flush ();
    g_assert_null (rp_person_row_get_person_id (RP_PERSON_ROW (row)));
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
          dialog = window;
      }
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (rp_test_get_named (dialog, "person-name")), "Grace Hopper");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
    rp_test_flush ();
    more = rp_store_list (f->store, RP_ENTITY_PERSON, NULL);
    g_assert_cmpuint (more->len, ==, 2);
    g_assert_cmpstr (rp_person_row_get_person_id (RP_PERSON_ROW (row)), ==,
                     rp_record_get_id (more->pdata[1]));
    g_assert_cmpuint (count_owners (f->store, f->release_id, "go_no_go", rp_record_get_id (more->pdata[1])),
                      ==, 1);
  }

  /* A component owner. */
  gtk_editable_set_text (GTK_EDITABLE (rp_test_get_named (f->page, "new-component")), "Billing");
  rp_person_row_set_person_id (RP_PERSON_ROW (rp_test_get_named (f->page, "new-component-owner")), ada_id);
  g_signal_emit_by_name (rp_test_get_named (f->page, "add-component"), "clicked");
  rp_test_flush ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "component", ada_id), ==, 1);
  g_assert_cmpuint (rp_test_count_named (f->page, "remove-owner"), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (f->page, "new-component"))), ==,
                   "");

  rp_test_screenshot (f->window, "overview", 300);
  if (g_getenv ("RP_SCREENSHOT_DIR") != NULL)
    {
      /* The whole form at once. */
      gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 3100);
      rp_test_screenshot (f->window, "overview-full", 300);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 700);
      rp_test_wait_ms (200);

      /* The list of people, as the release manager row opens it. */
      {
        GtkWidget *row = rp_test_get_named (f->page, "release-manager");
        GtkWidget *popover;

        g_signal_emit_by_name (row, "activate");
        rp_test_wait_ms (200);
        popover = rp_test_find_type (row, GTK_TYPE_POPOVER);
        g_assert_nonnull (popover);
        rp_test_screenshot (popover, "overview-people-list", 300);
        gtk_popover_popdown (GTK_POPOVER (popover));
        rp_test_flush ();
      }
    }

  /* Removing the on-call person, then undo brings them back. */
  remove = rp_test_get_named (f->page, "remove-owner");
  g_signal_emit_by_name (remove, "clicked");
  rp_test_flush ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "on_call", NULL), ==, 0);
  g_assert_true (rp_store_undo (f->store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (count_owners (f->store, f->release_id, "on_call", NULL), ==, 1);
  g_assert_cmpuint (rp_test_count_named (f->page, "remove-owner"), ==, 2);

  /* Undo, step by step, back to the first name: the page follows. */
  for (;;)
    {
      value = get_column (f->store, f->release_id, "name");
      if (g_strcmp0 (value, "Spring") == 0)
        break;
      g_clear_pointer (&value, g_free);
      g_assert_true (rp_store_undo (f->store, &error));
      g_assert_no_error (error);
      rp_test_flush ();
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Spring");
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (f->page, "version"))), ==, "1.0");
  g_assert_null (rp_date_row_get_date (RP_DATE_ROW (deploy)));
  g_assert_null (rp_date_row_get_warning (RP_DATE_ROW (deploy)));
  g_assert_cmpuint (rp_test_count_named (f->page, "remove-owner"), ==, 0);

  /* Redo brings the new name back into the row. */
  g_assert_true (rp_store_redo (f->store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
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
  GtkWidget *status = rp_test_get_named (f->page, "status");
  GtkWidget *buffer = rp_test_get_named (f->page, "buffer_days");

  rp_record_set_string (changed, "summary", "Faster search");
  rp_record_set_string (changed, "status", "testing");
  rp_record_set_int (changed, "buffer_days", 5);
  g_assert_true (rp_store_update (f->store, changed, &error));
  g_assert_no_error (error);
  rp_test_flush ();

  {
    GtkTextBuffer *text = gtk_text_view_get_buffer (GTK_TEXT_VIEW (rp_test_get_named (f->page, "summary")));
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
  rp_test_flush ();
  after = rp_store_get (f->store, RP_ENTITY_RELEASE, f->release_id, NULL);
  g_assert_cmpstr (rp_record_get_string (after, "status"), ==, "deploying");
  g_assert_cmpint (rp_record_get_int (after, "buffer_days"), ==, 0);

  /* No release: the page says so. */
  g_object_set (f->page, "release-id", NULL, NULL);
  rp_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (rp_test_find_type (f->page, GTK_TYPE_STACK))),
                   ==, "empty");
}

static void
set_dates (Fixture *f, const char *testing_end, const char *deploy)
{
  g_autoptr (RpRecord) release = rp_store_get (f->store, RP_ENTITY_RELEASE, f->release_id, NULL);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "code_complete", "2027-01-20");
  rp_record_set_string (release, "testing_start", "2027-01-21");
  rp_record_set_string (release, "testing_end", testing_end);
  rp_record_set_string (release, "deploy", deploy);
  rp_record_set_int (release, "buffer_days", 3);
  g_assert_true (rp_store_update (f->store, release, &error));
  g_assert_no_error (error);
  rp_test_flush ();
}

/* Commit Dates keeps the milestones; the row says how far the deploy
 * slipped since and how many buffer days are left. */
static void
test_overview_committed_dates (Fixture *f, gconstpointer data)
{
  GtkWidget *row = rp_test_get_named (f->page, "committed-row");
  GtkWidget *button = rp_test_get_named (f->page, "commit-dates-button");
  g_autofree char *committed = NULL;

  /* Nothing to commit to without a deploy: said on the row. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Not committed yet: commit to these dates to see how far they slip");
  g_signal_emit_by_name (button, "clicked");
  rp_test_flush ();
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  set_dates (f, "2027-02-03", "2027-02-09");
  g_signal_emit_by_name (button, "clicked");
  rp_test_flush ();
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  committed = get_column (f->store, f->release_id, "committed_deploy");
  g_assert_cmpstr (committed, ==, "2027-02-09");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Deploy committed for Tue, 9 Feb 2027, on time; 3 of 3 buffer days left");

  /* Testing ends three days late, the deploy a day: two buffer days gone. */
  set_dates (f, "2027-02-06", "2027-02-10");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Deploy committed for Tue, 9 Feb 2027, 1 day late; 1 of 3 buffer days left");
  rp_test_screenshot (f->window, "overview-committed", 300);
}

static void
test_overview_narrow_and_dark (Fixture *f, gconstpointer data)
{
  if (g_getenv ("RP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set RP_SCREENSHOT_DIR for screenshots");
      return;
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rp_test_screenshot (f->window, "overview-dark", 300);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gtk_widget_set_size_request (f->window, 360, 700);
  rp_test_wait_ms (300);
  rp_test_screenshot (f->window, "overview-narrow", 300);
}

/* A deploy window typed wrong stays as typed, with what is wrong, until
 * it is fixed or given up (Escape); a save of the next field does not
 * wipe it. A time zone is one of the system's database, picked from a
 * searchable list. */
static void
test_overview_deploy_window_input (Fixture *f, gconstpointer data)
{
  GtkWidget *start = rp_test_get_named (f->page, "window_start");
  GtkWidget *end = rp_test_get_named (f->page, "window_end");
  GtkWidget *zone = rp_test_get_named (f->page, "window_timezone");
  GtkWidget *search = rp_test_get_named (f->page, "time-zone-search");
  GtkListView *zones = GTK_LIST_VIEW (rp_test_get_named (f->page, "time-zone-list"));
  g_autofree char *value = NULL;

  type_and_activate (start, "25:99");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (start)), "Starts"));
  type_and_activate (end, "9am");
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (end)), "Ends"));
  type_and_activate (end, "10:00");
  value = get_column (f->store, f->release_id, "window_end");
  g_assert_cmpstr (value, ==, "10:00");
  g_clear_pointer (&value, g_free);
  /* The start is still as typed, and still says so. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "25:99");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  value = get_column (f->store, f->release_id, "window_start");
  g_assert_null (value);

  /* A time zone not in the database is refused, and stays as typed. */
  type_and_activate (zone, "Mars/Olympus");
  g_assert_true (gtk_widget_has_css_class (zone, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zone)), ==, "Mars/Olympus");
  value = get_column (f->store, f->release_id, "window_timezone");
  g_assert_null (value);

  /* Escape gives the start up: empty again, no message. */
  gtk_widget_grab_focus (start);
  {
    GtkEventController *keys = NULL;
    gboolean handled = FALSE;
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (start);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (c))
          keys = GTK_EVENT_CONTROLLER (c);
      }
    g_assert_nonnull (keys);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    g_assert_true (handled);
  }
  rp_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "");
  g_assert_false (gtk_widget_has_css_class (start, "error"));

  /* The list: searched, then picked. */
  gtk_editable_set_text (GTK_EDITABLE (search), "berlin");
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (zones))), ==, 1);
  g_signal_emit_by_name (zones, "activate", 0);
  rp_test_flush ();
  value = get_column (f->store, f->release_id, "window_timezone");
  g_assert_cmpstr (value, ==, "Europe/Berlin");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zone)), ==, "Europe/Berlin");
  g_assert_false (gtk_widget_has_css_class (zone, "error"));
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);

  g_test_add ("/overview-page/edit-and-undo", Fixture, NULL, fixture_set_up, test_overview_edit_and_undo,
              fixture_tear_down);
  g_test_add ("/overview-page/follows-store", Fixture, NULL, fixture_set_up, test_overview_follows_store,
              fixture_tear_down);
  g_test_add ("/overview-page/committed-dates", Fixture, NULL, fixture_set_up, test_overview_committed_dates,
              fixture_tear_down);
  g_test_add ("/overview-page/deploy-window-input", Fixture, NULL, fixture_set_up,
              test_overview_deploy_window_input, fixture_tear_down);
  g_test_add ("/overview-page/narrow-and-dark", Fixture, NULL, fixture_set_up, test_overview_narrow_and_dark,
              fixture_tear_down);

  return g_test_run ();
}
