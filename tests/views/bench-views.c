/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-calendar-view.h"
#include "rp-test-ui.h"
#include "rp-test-views.h"
#include "rp-timeline-view.h"

/* How the Calendar and the Timeline cost with a thousand releases against
 * one: the time to lay out and draw (down to pixels) a month, over two
 * years of months, and a screen of the timeline, over forty scroll
 * positions; printed as milliseconds a frame and as the ratio of the two
 * in this run. Not a pass/fail test: `meson test --benchmark`. */

#define WIDTH 1280
#define HEIGHT 800
#define N_MONTHS 24
#define N_SCROLLS 40

/* One frame of @window: lay out at its size, snapshot, render. */
static void
frame (GtkWidget *window)
{
  g_autoptr (GdkTexture) texture = NULL;
  int minimum;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, WIDTH, &minimum, NULL, NULL, NULL);
  gtk_widget_size_allocate (window, &(GtkAllocation){ 0, 0, WIDTH, HEIGHT }, -1);
  texture = rp_test_render (window, 0);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
}

static GtkWidget *
show (GtkWidget *view)
{
  GtkWidget *window = rp_test_window_for (view, WIDTH, HEIGHT);

  rp_test_wait_mapped (view);
  rp_test_wait_ms (200);
  return window;
}

static double
time_calendar (RpStore *store)
{
  g_autoptr (GDateTime) january = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  GtkWidget *view = rp_calendar_view_new (store);
  GtkWidget *window = show (view);
  gint64 start;

  rp_plan_view_set_date (RP_PLAN_VIEW (view), january);
  frame (window);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_MONTHS; i++)
    {
      rp_plan_view_next (RP_PLAN_VIEW (view));
      frame (window);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return (g_get_monotonic_time () - start) / 1000.0 / N_MONTHS;
}

static double
time_timeline (RpStore *store)
{
  GtkWidget *view = rp_timeline_view_new (store);
  GtkWidget *window = show (view);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (rp_test_find_type (view, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scroller);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (scroller);
  gint64 start;

  frame (window);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_SCROLLS; i++)
    {
      double f = (double) i / (N_SCROLLS - 1);

      gtk_adjustment_set_value (h, f * (gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h)));
      gtk_adjustment_set_value (v, f * (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)));
      /* The rows scrolled into sight are built in an idle. */
      rp_test_flush ();
      frame (window);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return (g_get_monotonic_time () - start) / 1000.0 / N_SCROLLS;
}

static void
bench_views (void)
{
  const guint sizes[] = { 1, 300, 1000 };
  double calendar[G_N_ELEMENTS (sizes)], timeline[G_N_ELEMENTS (sizes)];

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("bench-%u.db", sizes[i]);
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
      g_autoptr (RpStore) store = rp_test_open_store_at (path);

      rp_test_views_add_many (store, sizes[i]);
      calendar[i] = time_calendar (store);
      timeline[i] = time_timeline (store);
      rp_test_flush ();
    }
  /* The month's cost grows with the events that fit in its cells (the
   * lanes cap them), then no more; the timeline's with the rows in sight. */
  for (guint i = 1; i < G_N_ELEMENTS (sizes); i++)
    {
      g_print ("calendar, a month laid out and drawn: %.2f ms with %u release, %.2f ms with %u: ratio %.2f\n",
               calendar[0], sizes[0], calendar[i], sizes[i], calendar[i] / calendar[0]);
      g_print (
          "timeline, a screen scrolled and drawn: %.2f ms with %u release, %.2f ms with %u: ratio %.2f\n",
          timeline[0], sizes[0], timeline[i], sizes[i], timeline[i] / timeline[0]);
    }
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init_full (&argc, &argv, RP_TEST_UI_NO_ANIMATIONS);

  g_test_add_func ("/bench/views", bench_views);
  return g_test_run ();
}
