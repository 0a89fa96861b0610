/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rp-gantt-private.h"
#include "rp-test-ui.h"
#include "rp-test-views.h"
#include "rp-timeline-view.h"
#include "rp-view-util.h"

/* The Timeline on the sample plan: its rows by accessible name, dragging
 * a deploy marker (and the whole schedule) into the store and back by
 * Undo, the same from the keyboard, Commit Dates and the slip, zoom,
 * scrolling a thousand releases, and pictures. */

#define MOBILE_ID "938bae14-a74b-5866-8aa4-41878e03e181"
#define SEARCH_ID "dc30d1f7-5301-58c0-8a3b-cdc4e2be671b"
#define PAYMENTS_ID "63689aa3-9ce5-532e-8fd8-bff006e832c8"
#define CHECKOUT_ID "40337efe-87d1-5cbc-9560-d1ff57cdd469"

/* How a row names its development: the sample plan is imported today,
 * so its releases were created today; development starts then when that
 * is before code complete, else its start is not known. */
static char *
development_words (const char *code_complete)
{
  guint32 created = rp_view_julian_today ();
  guint32 done = rp_test_views_julian (code_complete);
  g_autofree char *until = rp_view_format_day (done);
  g_autofree char *since = NULL;

  if (created >= done)
    return g_strdup_printf ("development until %s", until);
  since = rp_view_format_day (created);
  return g_strdup_printf ("development %s to %s", since, until);
}

/* @waits: how it waits for Search relevance v4. */
static char *
mobile_name (const char *waits)
{
  g_autofree char *development = development_words ("2026-11-20");

  return g_strdup_printf (
      "Mobile app 5.0: %s, testing Monday 23 November to Friday 4 December, buffer Monday 7 "
      "December to Tuesday 8 December, deploy Wednesday 9 December, monitoring Wednesday 9 "
      "December to Saturday 12 December, %s",
      development, waits);
}

/* After Commit Dates and a deploy three days later, on a Friday. */
static char *
payments_slipped_name (void)
{
  g_autofree char *development = development_words ("2027-01-20");

  return g_strdup_printf (
      "Payments platform 2027.1: %s, testing Thursday 21 January to Wednesday 3 February, "
      "buffer Tuesday 9 February to Thursday 11 February, deploy Friday 12 February, not an "
      "allowed deploy day, monitoring Friday 12 February to Sunday 14 February, 3 days later "
      "than committed",
      development);
}

static GtkWidget *
timeline_new (RpStore *store)
{
  g_autoptr (GDateTime) today = g_date_time_new_local (2026, 12, 2, 0, 0, 0);

  return g_object_new (RP_TYPE_TIMELINE_VIEW, "store", store, "today", today, "first-weekday", G_DATE_MONDAY,
                       NULL);
}

static RpGanttChart *
chart_of (GtkWidget *view)
{
  return RP_GANTT_CHART (rp_test_template_child (view, RP_TYPE_TIMELINE_VIEW, "chart"));
}

static GtkWidget *
open_timeline (RpStore *store, int width, int height, GtkWidget **window)
{
  GtkWidget *view = g_object_ref_sink (timeline_new (store));

  *window = rp_test_window_for (view, width, height);
  rp_test_wait_mapped (view);
  rp_plan_view_today (RP_PLAN_VIEW (view));
  rp_test_wait_ms (100);
  return view;
}

static void
close_timeline (GtkWidget *window, GtkWidget *view)
{
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (view);
}

static RpRelease *
get_release (RpStore *store, const char *id)
{
  g_autoptr (GError) error = NULL;
  RpRecord *record = rp_store_get (store, RP_ENTITY_RELEASE, id, &error);

  g_assert_no_error (error);
  return RP_RELEASE (record);
}

static void
assert_deploy (RpStore *store, const char *id, const char *deploy)
{
  g_autoptr (RpRelease) release = get_release (store, id);

  g_assert_cmpstr (rp_release_get_deploy (release), ==, deploy);
}

static void
assert_testing (RpStore *store, const char *id, const char *start, const char *end)
{
  g_autoptr (RpRelease) release = get_release (store, id);

  g_assert_cmpstr (rp_release_get_testing_start (release), ==, start);
  g_assert_cmpstr (rp_release_get_testing_end (release), ==, end);
}

static void
undo (RpStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_wait_ms (50);
}

static void
test_sample (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *window, *view = open_timeline (store, 1200, 640, &window);
  RpGanttChart *chart = chart_of (view);
  RpTimelineLayout *layout = rp_gantt_chart_get_layout (chart);
  g_autofree char *name = mobile_name ("waits for Search relevance v4");
  GtkWidget *mobile;
  graphene_rect_t bounds;

  /* Active releases by deploy day; Checkout (released) only with All. */
  g_assert_cmpuint (rp_timeline_layout_get_n_rows (layout), ==, 3);
  g_assert_cmpstr (rp_timeline_layout_get_row (layout, 0)->id, ==, SEARCH_ID);
  g_assert_cmpstr (rp_timeline_layout_get_row (layout, 1)->id, ==, MOBILE_ID);
  g_assert_cmpstr (rp_timeline_layout_get_row (layout, 2)->id, ==, PAYMENTS_ID);
  g_assert_null (rp_gantt_chart_get_row_widget (chart, CHECKOUT_ID));

  /* Mobile app 5.0 waits for Search relevance v4, which deploys first. */
  g_assert_cmpuint (rp_timeline_layout_get_n_arrows (layout), ==, 1);
  g_assert_false (rp_timeline_layout_get_arrow (layout, 0)->wrong_order);

  mobile = rp_gantt_chart_get_row_widget (chart, MOBILE_ID);
  g_assert_nonnull (mobile);
  g_assert_true (gtk_widget_get_mapped (mobile));
  rp_test_views_assert_name (mobile, name);
  g_assert_true (gtk_widget_compute_bounds (mobile, GTK_WIDGET (chart), &bounds));
  g_assert_cmpfloat (bounds.origin.y, ==, RP_GANTT_HEADER_HEIGHT + RP_GANTT_ROW_HEIGHT);
  g_assert_cmpfloat (bounds.size.height, ==, RP_GANTT_ROW_HEIGHT);
  /* Its deploy marker is in sight, right of today's line. */
  g_assert_cmpfloat (_rp_gantt_row_get_deploy_x (RP_GANTT_ROW (mobile)), >, 0);
  g_assert_cmpfloat (_rp_gantt_row_get_deploy_x (RP_GANTT_ROW (mobile)), <, gtk_widget_get_width (mobile));
  g_assert_true (gtk_widget_get_has_tooltip (mobile));
  /* Hovering says the dates of what is under the pointer. */
  {
    double deploy_x = _rp_gantt_row_get_deploy_x (RP_GANTT_ROW (mobile));
    double ppd = rp_timeline_zoom_get_pixels_per_day (rp_gantt_chart_get_zoom (chart));
    g_autofree char *on_deploy = _rp_gantt_row_describe_at (RP_GANTT_ROW (mobile), deploy_x);
    g_autofree char *on_testing = _rp_gantt_row_describe_at (RP_GANTT_ROW (mobile), deploy_x - 8 * ppd);
    g_autofree char *on_buffer = _rp_gantt_row_describe_at (RP_GANTT_ROW (mobile), deploy_x - 1.5 * ppd);
    g_autofree char *on_monitoring = _rp_gantt_row_describe_at (RP_GANTT_ROW (mobile), deploy_x + 2 * ppd);

    g_assert_cmpstr (on_deploy, ==,
                     "Deploy Wednesday 9 December\n"
                     "Drag to move the deploy, Shift-drag to move the whole schedule");
    g_assert_cmpstr (on_testing, ==, "Testing Monday 23 November to Friday 4 December");
    g_assert_cmpstr (on_buffer, ==, "Buffer Monday 7 December to Tuesday 8 December");
    g_assert_cmpstr (on_monitoring, ==, "Monitoring Wednesday 9 December to Saturday 12 December");
  }

  rp_test_views_render (window, "timeline-light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rp_test_views_render (window, "timeline-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_widget_activate_action (view, "view.filter", "s", "all");
  rp_test_flush ();
  layout = rp_gantt_chart_get_layout (chart);
  g_assert_cmpuint (rp_timeline_layout_get_n_rows (layout), ==, 4);
  g_assert_cmpstr (rp_timeline_layout_get_row (layout, 0)->id, ==, CHECKOUT_ID);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (rp_test_get_named (view, "timeline-filter"))),
                    ==, 1);
  /* And back by the drop-down. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (rp_test_get_named (view, "timeline-filter")), 0);
  rp_test_flush ();
  g_assert_cmpuint (rp_timeline_layout_get_n_rows (rp_gantt_chart_get_layout (chart)), ==, 3);

  close_timeline (window, view);
}

/* Dragging Mobile app 5.0's deploy marker two days on saves the deploy;
 * Undo brings it back. Shift-drag moves every date. */
static void
test_drag (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *window, *view = open_timeline (store, 1200, 640, &window);
  RpGanttChart *chart = chart_of (view);
  RpGanttRow *row = RP_GANTT_ROW (rp_gantt_chart_get_row_widget (chart, MOBILE_ID));
  double ppd = rp_timeline_zoom_get_pixels_per_day (rp_gantt_chart_get_zoom (chart));
  double x = _rp_gantt_row_get_deploy_x (row);

  /* Not on the marker: no drag. */
  g_assert_false (_rp_gantt_row_drag_begin (row, x - 40, FALSE));

  g_assert_true (_rp_gantt_row_drag_begin (row, x + 2, FALSE));
  _rp_gantt_row_drag_update (row, ppd * 1.2);
  /* Drawn where the pointer is, not saved yet. */
  g_assert_cmpfloat (_rp_gantt_row_get_deploy_x (row), ==, x + ppd);
  assert_deploy (store, MOBILE_ID, "2026-12-09");
  _rp_gantt_row_drag_end (row, ppd * 2.4);
  rp_test_wait_ms (50);
  assert_deploy (store, MOBILE_ID, "2026-12-11");
  assert_testing (store, MOBILE_ID, "2026-11-23", "2026-12-04");
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Move deploy date");
  /* The row follows the store. */
  row = RP_GANTT_ROW (rp_gantt_chart_get_row_widget (chart, MOBILE_ID));
  g_assert_cmpfloat (_rp_gantt_row_get_deploy_x (row), ==, x + 2 * ppd);
  undo (store);
  assert_deploy (store, MOBILE_ID, "2026-12-09");

  /* Shift-drag: the whole schedule, a week earlier. */
  row = RP_GANTT_ROW (rp_gantt_chart_get_row_widget (chart, MOBILE_ID));
  g_assert_true (_rp_gantt_row_drag_begin (row, x, TRUE));
  _rp_gantt_row_drag_end (row, -7 * ppd);
  rp_test_wait_ms (50);
  assert_deploy (store, MOBILE_ID, "2026-12-02");
  assert_testing (store, MOBILE_ID, "2026-11-16", "2026-11-27");
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Move schedule");
  undo (store);
  assert_deploy (store, MOBILE_ID, "2026-12-09");
  assert_testing (store, MOBILE_ID, "2026-11-23", "2026-12-04");

  /* A drag back to where it began changes nothing. */
  row = RP_GANTT_ROW (rp_gantt_chart_get_row_widget (chart, MOBILE_ID));
  g_assert_true (_rp_gantt_row_drag_begin (row, x, FALSE));
  _rp_gantt_row_drag_end (row, ppd * 0.3);
  rp_test_wait_ms (50);
  /* (A new edit would have emptied the redo stack.) */
  g_assert_true (rp_store_can_redo (store));
  assert_deploy (store, MOBILE_ID, "2026-12-09");

  close_timeline (window, view);
}

static void
on_release_activated_cb (RpPlanView *view, const char *release_id, char **out)
{
  g_free (*out);
  *out = g_strdup (release_id);
}

/* The keyboard: Tab into the rows, Down to the next, Alt+Right moves the
 * deploy a day, Shift+Alt+Left the schedule; Return opens the release;
 * zoom and previous/next. */
static void
test_keyboard (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *window, *view = open_timeline (store, 1200, 640, &window);
  RpGanttChart *chart = chart_of (view);
  g_autofree char *activated = NULL;
  GtkWidget *focus = NULL, *row;
  guint32 left;

  g_signal_connect (view, "release-activated", G_CALLBACK (on_release_activated_cb), &activated);
  for (guint i = 0; i < 12 && !RP_IS_GANTT_ROW (focus); i++)
    {
      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      rp_test_flush ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
    }
  g_assert_true (RP_IS_GANTT_ROW (focus));
  g_assert_cmpstr (_rp_gantt_row_get_row (RP_GANTT_ROW (focus))->id, ==, SEARCH_ID);
  gtk_widget_child_focus (window, GTK_DIR_DOWN);
  rp_test_flush ();
  row = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (row == rp_gantt_chart_get_row_widget (chart, MOBILE_ID));
  g_assert_cmpstr (rp_gantt_chart_get_selected (chart), ==, MOBILE_ID);
  g_assert_true (gtk_widget_has_css_class (row, "selected"));
  /* Tab leaves the chart from there. */
  gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
  rp_test_flush ();
  g_assert_false (RP_IS_GANTT_ROW (gtk_root_get_focus (GTK_ROOT (window))));
  gtk_widget_grab_focus (row);

  rp_test_press_key (row, GDK_KEY_Right, GDK_ALT_MASK);
  rp_test_wait_ms (50);
  assert_deploy (store, MOBILE_ID, "2026-12-10");
  /* The row keeps the focus after the store changed. */
  row = rp_gantt_chart_get_row_widget (chart, MOBILE_ID);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);
  rp_test_press_key (row, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK);
  rp_test_wait_ms (50);
  assert_deploy (store, MOBILE_ID, "2026-12-09");
  assert_testing (store, MOBILE_ID, "2026-11-22", "2026-12-03");
  undo (store);
  undo (store);
  assert_deploy (store, MOBILE_ID, "2026-12-09");
  assert_testing (store, MOBILE_ID, "2026-11-23", "2026-12-04");

  row = rp_gantt_chart_get_row_widget (chart, MOBILE_ID);
  rp_test_press_key (row, GDK_KEY_Return, 0);
  g_assert_cmpstr (activated, ==, MOBILE_ID);

  /* Zoom: in to weeks, out to quarters, no further. */
  rp_test_press_key (view, GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpint (rp_gantt_chart_get_zoom (chart), ==, RP_TIMELINE_ZOOM_WEEK);
  g_assert_false (gtk_widget_is_sensitive (rp_test_get_named (view, "timeline-zoom-in")));
  rp_test_press_key (view, GDK_KEY_minus, GDK_CONTROL_MASK);
  rp_test_press_key (view, GDK_KEY_minus, GDK_CONTROL_MASK);
  g_assert_cmpint (rp_gantt_chart_get_zoom (chart), ==, RP_TIMELINE_ZOOM_QUARTER);
  g_assert_false (gtk_widget_is_sensitive (rp_test_get_named (view, "timeline-zoom-out")));
  g_assert_true (gtk_widget_is_sensitive (rp_test_get_named (view, "timeline-zoom-in")));
  rp_test_wait_ms (50);
  rp_test_views_render (window, "timeline-quarters");

  /* A quarter back and on; today. */
  gtk_widget_activate_action (view, "view.zoom-in", NULL);
  rp_test_wait_ms (50);
  rp_test_press_key (view, GDK_KEY_Home, 0);
  rp_test_wait_ms (50);
  left = rp_gantt_chart_get_left_day (chart);
  g_assert_cmpuint (left, ==, rp_test_views_julian ("2026-11-01"));
  rp_test_press_key (view, GDK_KEY_Page_Down, 0);
  rp_test_wait_ms (50);
  g_assert_cmpuint (rp_gantt_chart_get_left_day (chart), ==, rp_test_views_julian ("2026-12-01"));
  rp_test_press_key (view, GDK_KEY_Page_Up, 0);
  rp_test_press_key (view, GDK_KEY_Page_Up, 0);
  rp_test_wait_ms (50);
  g_assert_cmpuint (rp_gantt_chart_get_left_day (chart), ==, rp_test_views_julian ("2026-10-01"));
  g_assert_cmpint (g_date_time_get_month (rp_plan_view_get_date (RP_PLAN_VIEW (view))), ==, 10);

  close_timeline (window, view);
}

/* Commit Dates, then a deploy three days later: the ghost and the slip. */
static void
test_commit_dates (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  g_autofree char *undated = rp_test_views_add_release (store, "Undated", "2027-03-01", NULL, NULL, NULL);
  GtkWidget *window, *view = open_timeline (store, 1200, 640, &window);
  RpGanttChart *chart = chart_of (view);
  g_autoptr (RpRelease) committed = NULL;
  g_autoptr (GDateTime) january = g_date_time_new_local (2027, 1, 1, 0, 0, 0);
  g_autofree char *slipped_name = payments_slipped_name ();
  const RpTimelineRow *data;
  GtkWidget *row, *error_label;

  gtk_widget_activate_action (view, "release.commit-dates", "s", PAYMENTS_ID);
  rp_test_wait_ms (50);
  committed = get_release (store, PAYMENTS_ID);
  g_assert_cmpstr (rp_release_get_committed_deploy (committed), ==, "2027-02-09");
  g_assert_cmpstr (rp_release_get_committed_code_complete (committed), ==, "2027-01-20");
  g_assert_nonnull (rp_release_get_committed_at (committed));

  gtk_widget_activate_action (view, "release.shift-dates", "(sbi)", PAYMENTS_ID, FALSE, 3);
  rp_test_wait_ms (50);
  row = rp_gantt_chart_get_row_widget (chart, PAYMENTS_ID);
  data = _rp_gantt_row_get_row (RP_GANTT_ROW (row));
  g_assert_cmpuint (data->committed_deploy, ==, rp_test_views_julian ("2027-02-09"));
  g_assert_cmpint (data->slip_days, ==, 3);
  rp_test_views_assert_name (row, slipped_name);
  rp_plan_view_set_date (RP_PLAN_VIEW (view), january);
  rp_test_wait_ms (50);
  rp_test_views_render (window, "timeline-slip");

  /* Nothing to commit to without a deploy: said under the toolbar. */
  error_label = rp_test_template_child (view, RP_TYPE_TIMELINE_VIEW, "error_label");
  gtk_widget_activate_action (view, "release.commit-dates", "s", undated);
  rp_test_wait_ms (50);
  g_assert_true (gtk_revealer_get_reveal_child (
      GTK_REVEALER (rp_test_template_child (view, RP_TYPE_TIMELINE_VIEW, "error_revealer"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Undated"));

  /* The row's menu offers Commit Dates. */
  row = rp_gantt_chart_get_row_widget (chart, MOBILE_ID);
  rp_test_press_key (row, GDK_KEY_Menu, 0);
  rp_test_wait_ms (100);
  g_assert_nonnull (rp_test_find_type (row, GTK_TYPE_POPOVER_MENU));
  g_assert_true (gtk_widget_get_mapped (rp_test_find_type (row, GTK_TYPE_POPOVER_MENU)));

  close_timeline (window, view);
}

/* A thousand releases: only the rows in sight are widgets, wherever the
 * view is scrolled to. */
static void
test_many (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  GtkWidget *window, *view, *scroller;
  RpGanttChart *chart;
  GtkAdjustment *vadjustment;
  guint n_sight = (640 - RP_GANTT_HEADER_HEIGHT) / RP_GANTT_ROW_HEIGHT + 2;
  guint first;

  rp_test_views_add_many (store, 1000);
  view = open_timeline (store, 1200, 640, &window);
  chart = chart_of (view);
  scroller = rp_test_template_child (view, RP_TYPE_TIMELINE_VIEW, "scroller");
  g_assert_cmpuint (rp_timeline_layout_get_n_rows (rp_gantt_chart_get_layout (chart)), ==, 1000);
  g_assert_cmpuint (rp_gantt_chart_count_row_widgets (chart), >, 0);
  g_assert_cmpuint (rp_gantt_chart_count_row_widgets (chart), <=, n_sight);

  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), ==, 1000.0 * RP_GANTT_ROW_HEIGHT);
  gtk_adjustment_set_value (vadjustment, 500.0 * RP_GANTT_ROW_HEIGHT);
  rp_test_wait_ms (50);
  g_assert_cmpuint (rp_gantt_chart_count_row_widgets (chart), <=, n_sight);
  first = 500;
  g_assert_nonnull (rp_gantt_chart_get_row_widget (
      chart, rp_timeline_layout_get_row (rp_gantt_chart_get_layout (chart), first)->id));
  g_assert_null (
      rp_gantt_chart_get_row_widget (chart,
                                     rp_timeline_layout_get_row (rp_gantt_chart_get_layout (chart), 0)->id));
  rp_test_views_render (window, "timeline-many");

  close_timeline (window, view);
}

/* The pixels of @widget drawn in (nearly) @color. */
static guint
count_pixels_of (GtkWidget *widget, const GdkRGBA *color)
{
  g_autoptr (GdkTexture) texture = rp_test_render (widget, 50);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  int want[3] = { (int) (color->red * 255), (int) (color->green * 255), (int) (color->blue * 255) };
  guint count = 0;

  /* Cairo's ARGB32 in native order: B, G, R, A on this machine's bytes. */
  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = data + y * stride + x * 4;
        int got[3] = { p[2], p[1], p[0] };

        if (p[3] == 255 && ABS (got[0] - want[0]) < 24 && ABS (got[1] - want[1]) < 24 &&
            ABS (got[2] - want[2]) < 24)
          count++;
      }
  return count;
}

/* Search relevance v4 moved to deploy after Mobile app 5.0, which waits
 * for it: the arrow between them turns red, and the waiting row says so. */
static void
test_wrong_order (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *window, *view = open_timeline (store, 1200, 640, &window);
  RpGanttChart *chart = chart_of (view);
  g_autofree char *name =
      mobile_name ("waits for Search relevance v4, which deploys on the same day or later");
  GdkRGBA error;

  rp_view_get_style_color (GTK_WIDGET (chart), "error_color", &error);
  /* In order: nothing red in the chart. */
  g_assert_cmpuint (count_pixels_of (GTK_WIDGET (chart), &error), ==, 0);

  gtk_widget_activate_action (view, "release.shift-dates", "(sbi)", SEARCH_ID, FALSE, 20);
  rp_test_wait_ms (50);
  assert_deploy (store, SEARCH_ID, "2026-12-15");
  g_assert_true (rp_timeline_layout_get_arrow (rp_gantt_chart_get_layout (chart), 0)->wrong_order);
  rp_test_views_assert_name (rp_gantt_chart_get_row_widget (chart, MOBILE_ID), name);
  /* The arrow, back to the left between the rows, in the error colour. */
  g_assert_cmpuint (count_pixels_of (GTK_WIDGET (chart), &error), >, 10);
  rp_test_views_render (window, "timeline-wrong-order");

  undo (store);
  g_assert_false (rp_timeline_layout_get_arrow (rp_gantt_chart_get_layout (chart), 0)->wrong_order);
  g_assert_cmpuint (count_pixels_of (GTK_WIDGET (chart), &error), ==, 0);

  close_timeline (window, view);
}

/* The months from the chart's left edge to its right edge. */
static char *
months_in_sight (RpGanttChart *chart)
{
  double ppd = rp_timeline_zoom_get_pixels_per_day (rp_gantt_chart_get_zoom (chart));
  guint32 left = rp_gantt_chart_get_left_day (chart);
  guint32 right = left + (guint32) (gtk_widget_get_width (GTK_WIDGET (chart)) / ppd) - 1;
  g_autoptr (GDateTime) from = rp_view_date_time_for_julian (left);
  g_autoptr (GDateTime) to = rp_view_date_time_for_julian (right);
  g_autofree char *a = g_date_time_format (from, "%b %Y");
  g_autofree char *b = g_date_time_format (to, "%b %Y");

  return g_str_equal (a, b) ? g_steal_pointer (&a) : g_strdup_printf ("%s – %s", a, b);
}

/* The title is as wide as its words (not cut short by the toolbar), on
 * the toolbar's line or above it; the chart is below both. */
static void
assert_title_whole (GtkWidget *view, gboolean beside)
{
  GtkWidget *title = rp_test_template_child (view, RP_TYPE_TIMELINE_VIEW, "title");
  GtkWidget *toolbar = rp_test_template_child (view, RP_TYPE_TIMELINE_VIEW, "toolbar");
  GtkWidget *scroller = rp_test_template_child (view, RP_TYPE_TIMELINE_VIEW, "scroller");
  graphene_rect_t title_bounds, toolbar_bounds, chart_bounds;
  int natural;

  g_assert_true (gtk_widget_get_mapped (title));
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_true (gtk_widget_compute_bounds (title, view, &title_bounds));
  g_assert_true (gtk_widget_compute_bounds (toolbar, view, &toolbar_bounds));
  g_assert_true (gtk_widget_compute_bounds (scroller, view, &chart_bounds));
  /* (The bounds leave out the margins that the natural width counts.) */
  g_assert_cmpfloat (title_bounds.size.width + gtk_widget_get_margin_start (title) +
                         gtk_widget_get_margin_end (title),
                     >=, natural);
  g_assert_cmpfloat (title_bounds.size.height, >, 0);
  g_assert_cmpfloat (toolbar_bounds.size.width, >, 0);
  if (beside)
    {
      g_assert_cmpfloat (title_bounds.origin.x + title_bounds.size.width, <=, toolbar_bounds.origin.x);
      g_assert_cmpfloat (title_bounds.origin.y, <, toolbar_bounds.origin.y + toolbar_bounds.size.height);
    }
  else
    g_assert_cmpfloat (title_bounds.origin.y + title_bounds.size.height, <=, toolbar_bounds.origin.y);
  g_assert_cmpfloat (chart_bounds.origin.y, >=, toolbar_bounds.origin.y + toolbar_bounds.size.height);
  g_assert_cmpfloat (toolbar_bounds.origin.x + toolbar_bounds.size.width, <=, gtk_widget_get_width (view));
}

/* A timeline shown for the first time (as the window's stack does, after
 * the view was made) has today in sight at any width, and its title says
 * the months it shows after a resize. */
static void
test_first_show (void)
{
  g_autoptr (RpStore) store = rp_test_views_sample_store ();
  GtkWidget *view = g_object_ref_sink (timeline_new (store));
  GtkWidget *window = rp_test_window_for (view, 360, 700);
  RpGanttChart *chart = chart_of (view);
  GtkLabel *title = GTK_LABEL (rp_test_template_child (view, RP_TYPE_TIMELINE_VIEW, "title"));
  double ppd = rp_timeline_zoom_get_pixels_per_day (rp_gantt_chart_get_zoom (chart));
  guint32 today = rp_test_views_julian ("2026-12-02");
  g_autofree char *narrow = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *middle = NULL;
  guint32 left;

  rp_test_wait_mapped (view);
  rp_test_wait_ms (100);
  left = rp_gantt_chart_get_left_day (chart);
  narrow = months_in_sight (chart);
  g_assert_cmpstr (gtk_label_get_text (title), ==, narrow);
  g_assert_cmpuint (left, <=, today);
  g_assert_cmpfloat ((today + 1 - left) * ppd, <=, gtk_widget_get_width (GTK_WIDGET (chart)));
  /* No room beside the toolbar: the whole title on a line above it. */
  assert_title_whole (view, FALSE);
  rp_test_views_render (window, "timeline-first-show-narrow");

  /* Once shown, a resize leaves the days where they are; the title
   * follows the width. */
  rp_test_resize (window, 1280, 700, 100);
  g_assert_cmpuint (rp_gantt_chart_get_left_day (chart), ==, left);
  wide = months_in_sight (chart);
  g_assert_cmpstr (wide, !=, narrow);
  g_assert_cmpstr (gtk_label_get_text (title), ==, wide);
  assert_title_whole (view, TRUE);
  rp_test_resize (window, 700, 700, 100);
  middle = months_in_sight (chart);
  g_assert_cmpstr (gtk_label_get_text (title), ==, middle);

  close_timeline (window, view);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init_full (&argc, &argv, RP_TEST_UI_NO_ANIMATIONS);

  g_test_add_func ("/timeline-view/sample", test_sample);
  g_test_add_func ("/timeline-view/drag", test_drag);
  g_test_add_func ("/timeline-view/keyboard", test_keyboard);
  g_test_add_func ("/timeline-view/commit-dates", test_commit_dates);
  g_test_add_func ("/timeline-view/many", test_many);
  g_test_add_func ("/timeline-view/first-show", test_first_show);
  g_test_add_func ("/timeline-view/wrong-order", test_wrong_order);
  return g_test_run ();
}
