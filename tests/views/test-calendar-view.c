/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "rp-calendar-view.h"
#include "rp-event-chip.h"
#include "rp-month-grid.h"
#include "rp-test-ui.h"
#include "rp-test-views.h"
#include "rp-timeline-view.h"
#include "rp-view-util.h"

/* The Calendar on the sample plan, as a user and a screen reader meet it:
 * the events by their accessible names, where they sit, the keys, "+N
 * more", activation, and pictures in light, dark and narrow. */

#define MOBILE_ID "938bae14-a74b-5866-8aa4-41878e03e181"
#define SEARCH_ID "dc30d1f7-5301-58c0-8a3b-cdc4e2be671b"

static GtkWidget *
calendar_new (RpStore *store, int year, int month)
{
  g_autoptr (GDateTime) today = g_date_time_new_local (2026, 12, 2, 0, 0, 0);
  g_autoptr (GDateTime) date = g_date_time_new_local (year, month, 1, 0, 0, 0);

  return g_object_new (RP_TYPE_CALENDAR_VIEW, "store", store, "today", today, "first-weekday", G_DATE_MONDAY,
                       "date", date, NULL);
}

static const char *
title_of (GtkWidget *view)
{
  return gtk_label_get_text (GTK_LABEL (rp_test_template_child (view, RP_TYPE_CALENDAR_VIEW, "title")));
}

/* December 2026, weeks from Monday (30 November to 3 January): Mobile app
 * 5.0's testing (from November), buffer, deploy and end of monitoring, and
 * the year-end freeze over three week rows. */
static const char *const december[] = {
  "Testing Mobile app 5.0, Monday 23 November to Friday 4 December",
  "Buffer Mobile app 5.0, Monday 7 December to Tuesday 8 December",
  "Deploy Mobile app 5.0, Wednesday 9 December",
  "End of monitoring Mobile app 5.0, Saturday 12 December",
  "Freeze Year-end freeze, Friday 18 December to Monday 4 January",
  "Freeze Year-end freeze, Friday 18 December to Monday 4 January",
  "Freeze Year-end freeze, Friday 18 December to Monday 4 January",
};

static void
test_sample_december (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *view = g_object_ref_sink (calendar_new (store, 2026, 12));
  GtkWidget *window = rp_test_window_for (view, 1200, 820);
  GtkWidget *grid = rp_test_template_child (view, RP_TYPE_CALENDAR_VIEW, "grid");
  GtkWidget *deploy, *monitoring;
  graphene_rect_t bounds, end_bounds;
  double column;

  rp_test_wait_mapped (view);
  rp_test_wait_ms (100);
  g_assert_cmpstr (title_of (view), ==, "December 2026");
  rp_test_views_assert_chips (grid, december, G_N_ELEMENTS (december));

  /* The deploy sits in Wednesday's column, the end of monitoring in
   * Saturday's, both in the second week row, on screen and readable. */
  deploy = rp_test_views_find_named_chip (grid, "Deploy Mobile app 5.0, Wednesday 9 December");
  monitoring = rp_test_views_find_named_chip (grid, "End of monitoring Mobile app 5.0, Saturday 12 December");
  g_assert_true (gtk_widget_get_mapped (deploy) && gtk_widget_get_child_visible (deploy));
  g_assert_true (gtk_widget_compute_bounds (deploy, grid, &bounds));
  g_assert_true (gtk_widget_compute_bounds (monitoring, grid, &end_bounds));
  column = gtk_widget_get_width (grid) / 7.0;
  g_assert_cmpfloat (bounds.origin.x, >=, 2 * column);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 3 * column);
  g_assert_cmpfloat (end_bounds.origin.x, >=, 5 * column);
  g_assert_cmpfloat (end_bounds.origin.y, ==, bounds.origin.y);
  g_assert_cmpfloat (bounds.size.height, >=, 18);
  g_assert_cmpfloat (bounds.size.width, >=, column - 8);
  g_assert_true (gtk_widget_has_css_class (deploy, "deploy"));
  g_assert_false (gtk_widget_has_css_class (deploy, "warning"));

  rp_test_views_render (window, "calendar-light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rp_test_views_render (window, "calendar-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (view);
}

/* November 2026 (from Monday 26 October): Checkout's buffer, deploy and
 * end of monitoring at the top,
 * Search relevance v4 from code complete to the end of monitoring, Mobile
 * app 5.0's code complete and the start of its testing. */
static const char *const november[] = {
  "Buffer Checkout 2.3, Sunday 25 October to Monday 26 October",
  "Deploy Checkout 2.3, Tuesday 27 October",
  "End of monitoring Checkout 2.3, Wednesday 28 October",
  "Code complete Search relevance v4, Friday 6 November",
  "Testing Search relevance v4, Monday 9 November to Friday 20 November",
  "Testing Search relevance v4, Monday 9 November to Friday 20 November",
  "Code complete Mobile app 5.0, Friday 20 November",
  "Buffer Search relevance v4, Monday 23 November to Tuesday 24 November",
  "Deploy Search relevance v4, Wednesday 25 November",
  "End of monitoring Search relevance v4, Friday 27 November",
  "Testing Mobile app 5.0, Monday 23 November to Friday 4 December",
  "Testing Mobile app 5.0, Monday 23 November to Friday 4 December",
};

static void
test_sample_november (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *view = g_object_ref_sink (calendar_new (store, 2026, 11));
  GtkWidget *window = rp_test_window_for (view, 1200, 820);
  GtkWidget *grid = rp_test_template_child (view, RP_TYPE_CALENDAR_VIEW, "grid");

  rp_test_wait_mapped (view);
  rp_test_wait_ms (100);
  g_assert_cmpstr (title_of (view), ==, "November 2026");
  rp_test_views_assert_chips (grid, november, G_N_ELEMENTS (november));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (view);
}

static void
on_release_activated_cb (RpPlanView *view, const char *release_id, char **out)
{
  g_free (*out);
  *out = g_strdup (release_id);
}

/* Page Up and Down, Alt+Left and Right, Home and Ctrl+T; Tab reaches the
 * events, the arrow keys go from one to the next; Return opens the
 * release. */
static void
test_keyboard (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *view = g_object_ref_sink (calendar_new (store, 2026, 12));
  GtkWidget *window = rp_test_window_for (view, 1200, 820);
  GtkWidget *grid = rp_test_template_child (view, RP_TYPE_CALENDAR_VIEW, "grid");
  g_autofree char *activated = NULL;
  GtkWidget *focus = NULL, *buffer, *deploy;

  rp_test_wait_mapped (view);
  g_signal_connect (view, "release-activated", G_CALLBACK (on_release_activated_cb), &activated);

  rp_test_press_key (view, GDK_KEY_Page_Down, 0);
  g_assert_cmpstr (title_of (view), ==, "January 2027");
  rp_test_press_key (view, GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_cmpstr (title_of (view), ==, "February 2027");
  rp_test_press_key (view, GDK_KEY_Page_Up, 0);
  rp_test_press_key (view, GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_cmpstr (title_of (view), ==, "December 2026");
  rp_test_press_key (view, GDK_KEY_Page_Up, 0);
  g_assert_cmpstr (title_of (view), ==, "November 2026");
  rp_test_press_key (view, GDK_KEY_Home, 0);
  g_assert_cmpstr (title_of (view), ==, "December 2026");
  rp_test_press_key (view, GDK_KEY_Page_Down, 0);
  rp_test_press_key (view, GDK_KEY_t, GDK_CONTROL_MASK);
  g_assert_cmpstr (title_of (view), ==, "December 2026");
  /* The buttons do the same. */
  gtk_widget_activate_action (view, "view.next", NULL);
  g_assert_cmpstr (title_of (view), ==, "January 2027");
  gtk_widget_activate_action (view, "view.today", NULL);
  rp_test_wait_ms (50);

  /* Tab from the toolbar into the grid: the first event of the month. */
  for (guint i = 0; i < 8 && !RP_IS_EVENT_CHIP (focus); i++)
    {
      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      rp_test_flush ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
    }
  g_assert_true (RP_IS_EVENT_CHIP (focus));
  g_assert_true (focus == rp_test_views_find_named_chip (
                              grid, "Testing Mobile app 5.0, Monday 23 November to Friday 4 December"));

  /* Down to the second week, then right from the buffer to the deploy. */
  buffer =
      rp_test_views_find_named_chip (grid, "Buffer Mobile app 5.0, Monday 7 December to Tuesday 8 December");
  deploy = rp_test_views_find_named_chip (grid, "Deploy Mobile app 5.0, Wednesday 9 December");
  gtk_widget_grab_focus (buffer);
  gtk_widget_child_focus (window, GTK_DIR_RIGHT);
  rp_test_flush ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == deploy);

  /* Return opens the release (a button says clicked once it was seen
   * pressed); a freeze is no release. */
  gtk_widget_activate (deploy);
  rp_test_wait_ms (400);
  g_assert_cmpstr (activated, ==, MOBILE_ID);
  g_clear_pointer (&activated, g_free);
  gtk_widget_activate (
      rp_test_views_find_named_chip (grid, "Freeze Year-end freeze, Friday 18 December to Monday 4 January"));
  rp_test_wait_ms (400);
  g_assert_null (activated);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (view);
}

/* Six deploys on Wednesday 9 December in a calendar of small cells: the
 * lanes that fit, "+N more" for the rest, and its list. */
static void
test_more (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  GtkWidget *view, *window, *grid, *more, *popover, *listed;
  g_autofree char *activated = NULL;
  g_autofree char *name = NULL;
  g_autofree char *first_id = NULL;
  guint max_lanes, n_chips;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *release_name = g_strdup_printf ("Release %u", i + 1);
      g_autofree char *id = rp_test_views_add_release (store, release_name, NULL, NULL, NULL, "2026-12-09");

      if (i == 0)
        first_id = g_steal_pointer (&id);
    }
  view = g_object_ref_sink (calendar_new (store, 2026, 12));
  window = rp_test_window_for (view, 900, 560);
  grid = rp_test_template_child (view, RP_TYPE_CALENDAR_VIEW, "grid");
  rp_test_wait_mapped (view);
  rp_test_wait_ms (100);
  g_signal_connect (view, "release-activated", G_CALLBACK (on_release_activated_cb), &activated);

  max_lanes = rp_month_grid_get_max_lanes (RP_MONTH_GRID (grid));
  g_assert_cmpuint (max_lanes, >=, 1);
  g_assert_cmpuint (max_lanes, <, 6);
  n_chips = rp_test_views_count_chips (grid);
  g_assert_cmpuint (n_chips, ==, max_lanes - 1);

  name = g_strdup_printf ("%u more events on Wednesday 9 December", 6 - (max_lanes - 1));
  more = rp_test_views_find_named (grid, GTK_TYPE_MENU_BUTTON, name);
  g_assert_nonnull (more);
  g_assert_true (gtk_widget_get_mapped (more));
  rp_test_wait_on_monitor (more);
  gtk_menu_button_popup (GTK_MENU_BUTTON (more));
  rp_test_wait_ms (100);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_cmpuint (rp_test_views_count_chips (popover), ==, 6);
  rp_test_views_render (popover, "calendar-more");

  listed = rp_test_views_find_named_chip (popover, "Deploy Release 1, Wednesday 9 December");
  g_assert_nonnull (listed);
  g_signal_emit_by_name (listed, "clicked");
  rp_test_wait_ms (100);
  g_assert_cmpstr (activated, ==, first_id);
  g_assert_false (gtk_widget_get_mapped (popover));

  /* Taller cells: room for every lane, nothing more to show. (The width
   * stays, so rp_test_resize() cannot tell when the X server has done it:
   * wait for the height, then for the grid to rebuild its chips.) */
  rp_test_resize (window, 900, 1000, 100);
  for (gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       gtk_widget_get_height (window) != 1000 && g_get_monotonic_time () < until;)
    rp_test_wait_ms (20);
  rp_test_wait_ms (100);
  max_lanes = rp_month_grid_get_max_lanes (RP_MONTH_GRID (grid));
  if (max_lanes >= 6)
    {
      g_assert_cmpuint (rp_test_views_count_chips (grid), ==, 6);
      g_assert_null (rp_test_views_find_named (grid, GTK_TYPE_MENU_BUTTON, NULL));
    }
  else
    g_assert_cmpuint (rp_test_views_count_chips (grid), ==, max_lanes - 1);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (view);
}

/* Deploys on a Friday and inside the freeze carry a warning mark, and say
 * so to screen readers. */
static void
test_warnings (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  g_autofree char *friday = rp_test_views_add_release (store, "Hotfix", NULL, NULL, NULL, "2026-12-11");
  g_autofree char *frozen = rp_test_views_add_release (store, "Frozen", NULL, NULL, NULL, "2026-12-22");
  GtkWidget *view = g_object_ref_sink (calendar_new (store, 2026, 12));
  GtkWidget *window = rp_test_window_for (view, 1200, 820);
  GtkWidget *grid = rp_test_template_child (view, RP_TYPE_CALENDAR_VIEW, "grid");
  GtkWidget *chip;

  rp_test_wait_mapped (view);
  rp_test_wait_ms (100);
  chip = rp_test_views_find_named_chip (grid, "Deploy Hotfix, Friday 11 December, not an allowed deploy day");
  g_assert_true (gtk_widget_has_css_class (chip, "warning"));
  chip =
      rp_test_views_find_named_chip (grid,
                                     "Deploy Frozen, Tuesday 22 December, inside the freeze Year-end freeze");
  g_assert_true (gtk_widget_has_css_class (chip, "warning"));
  rp_test_views_render (window, "calendar-warnings");

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (view);
}

/* 360 pixels wide: chips without words, still named; weeks from Sunday. */
static void
test_narrow (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *view = g_object_ref_sink (calendar_new (store, 2026, 12));
  GtkWidget *window = rp_test_window_for (view, 360, 700);
  GtkWidget *grid = rp_test_template_child (view, RP_TYPE_CALENDAR_VIEW, "grid");
  RpMonthLayout *layout;

  g_object_set (view, "first-weekday", G_DATE_SUNDAY, NULL);
  rp_test_wait_mapped (view);
  rp_test_wait_ms (150);
  layout = rp_month_grid_get_layout (RP_MONTH_GRID (grid));
  g_assert_cmpint (rp_month_layout_get_weekday (layout, 0), ==, G_DATE_SUNDAY);
  g_assert_cmpint (gtk_widget_get_width (view), <=, 360);
  g_assert_nonnull (rp_test_views_find_named_chip (grid, "Deploy Mobile app 5.0, Wednesday 9 December"));
  rp_test_views_render (window, "calendar-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (view);
}

/* How glibc says where weeks start (LC_TIME's week-1stday and
 * first_weekday, see `locale -k LC_TIME`): the day its week list starts
 * on and a 1-based offset into it. */
typedef struct
{
  const char *locale;
  guint week_1stday;
  int first_weekday;
  GDateWeekday expected;
} LangInfoCase;

static const LangInfoCase langinfo_cases[] = {
  { "en_US", 19971130, 1, G_DATE_SUNDAY },         { "de_DE", 19971130, 2, G_DATE_MONDAY },
  { "ar_EG", 19971130, 7, G_DATE_SATURDAY },       { "fa_IR", 19971130, 7, G_DATE_SATURDAY },
  { "monday-origin", 19971201, 1, G_DATE_MONDAY }, { "monday-origin-sunday", 19971201, 7, G_DATE_SUNDAY },
  { "bad-origin", 20000101, 1, G_DATE_MONDAY },    { "bad-offset", 19971130, 9, G_DATE_MONDAY },
};

static void
test_first_weekday_langinfo (gconstpointer data)
{
  const LangInfoCase *c = data;

  g_assert_cmpint (rp_view_first_weekday_for_langinfo (c->week_1stday, c->first_weekday), ==, c->expected);
}

/* Left to themselves, the Calendar and the Timeline start weeks where
 * the locale does: glibc's C locale (the one of this test) says Sunday. */
static void
test_first_weekday_locale (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  g_autoptr (GDateTime) date = g_date_time_new_local (2026, 12, 1, 0, 0, 0);
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  GtkWidget *view, *window, *grid, *timeline;
  int weekday;

#ifndef HAVE_NL_TIME_FIRST_WEEKDAY
  g_test_skip ("the C library does not say where weeks start");
  return;
#endif
  g_assert_nonnull (setlocale (LC_TIME, "C"));
  view = g_object_ref_sink (g_object_new (RP_TYPE_CALENDAR_VIEW, "store", store, "date", date, NULL));
  timeline = g_object_ref_sink (rp_timeline_view_new (store));
  setlocale (LC_TIME, saved);

  window = rp_test_window_for (view, 1200, 820);
  grid = rp_test_template_child (view, RP_TYPE_CALENDAR_VIEW, "grid");
  rp_test_wait_mapped (view);
  g_object_get (view, "first-weekday", &weekday, NULL);
  g_assert_cmpint (weekday, ==, G_DATE_SUNDAY);
  g_assert_cmpint (rp_month_layout_get_weekday (rp_month_grid_get_layout (RP_MONTH_GRID (grid)), 0), ==,
                   G_DATE_SUNDAY);
  /* December 2026 from Sunday 29 November. */
  g_assert_nonnull (rp_test_views_find_named_chip (grid, "Deploy Mobile app 5.0, Wednesday 9 December"));
  g_assert_cmpuint (rp_month_layout_get_day (rp_month_grid_get_layout (RP_MONTH_GRID (grid)), 0, 0), ==,
                    rp_test_views_julian ("2026-11-29"));
  g_object_get (timeline, "first-weekday", &weekday, NULL);
  g_assert_cmpint (weekday, ==, G_DATE_SUNDAY);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (view);
  g_assert_finalize_object (timeline);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init_full (&argc, &argv, RP_TEST_UI_NO_ANIMATIONS);

  g_test_add_func ("/calendar-view/sample/december", test_sample_december);
  g_test_add_func ("/calendar-view/sample/november", test_sample_november);
  g_test_add_func ("/calendar-view/keyboard", test_keyboard);
  g_test_add_func ("/calendar-view/more", test_more);
  g_test_add_func ("/calendar-view/warnings", test_warnings);
  g_test_add_func ("/calendar-view/narrow", test_narrow);
  for (guint i = 0; i < G_N_ELEMENTS (langinfo_cases); i++)
    {
      g_autofree char *path =
          g_strdup_printf ("/calendar-view/first-weekday/langinfo/%s", langinfo_cases[i].locale);

      g_test_add_data_func (path, &langinfo_cases[i], test_first_weekday_langinfo);
    }
  g_test_add_func ("/calendar-view/first-weekday/locale", test_first_weekday_locale);
  return g_test_run ();
}
