/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-plan.h"
#include "bench-util.h"
#include "rp-test-ui.h"
#include "rp-window.h"

/* The first window of issue 12: from opening the database to the first
 * frame painted on the screen, for an empty database and for the plan of
 * 1,000 releases (bench-plan.c), against a bare libadwaita window (a
 * header bar and a status page) measured in the same run. Each figure is
 * the median of RUNS, the three kinds taking turns so that a busy machine
 * weighs on all of them alike; wall clock, since painting waits for the X
 * server. The memory column is what a window added to the process's
 * resident memory, the first time. Not a pass/fail test:
 * `meson test --benchmark -C build bench-first-frame`. */

#define RUNS 5
#define WIDTH 1280
#define HEIGHT 800

typedef enum
{
  KIND_BARE,
  KIND_EMPTY,
  KIND_PLAN,
  N_KINDS
} Kind;

static const char *const kind_names[N_KINDS] = { "bare libadwaita window", "empty database",
                                                 "1,000 releases" };

static void
on_after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static GtkWidget *
bare_window (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Release Planner");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  return window;
}

/* One first frame: returns the time it took, and the memory the window
 * added in *@added_kib; the window is gone again when it returns. */
static BenchTime
first_frame (Kind kind, const char *path, gsize *added_kib)
{
  g_autoptr (RpStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  GtkWidget *window;
  gsize before = bench_rss_kib ();
  gsize after;
  BenchClock timer;
  BenchTime t;

  bench_clock_start (&timer, FALSE);

  if (kind == KIND_BARE)
    window = bare_window ();
  else
    {
      store = rp_store_open (path, &error);
      g_assert_no_error (error);
      window = GTK_WIDGET (rp_window_new (NULL, store));
    }
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_widget_realize (window);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_window_present (GTK_WINDOW (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  t = bench_clock_stop (&timer);
  after = bench_rss_kib ();
  *added_kib = after > before ? after - before : 0;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  return t;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-first-frame-XXXXXX", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *plan_path = g_build_filename (dir, "plan.db", NULL);
  g_autofree char *plan = NULL;
  const char *paths[N_KINDS] = { NULL, empty_path, plan_path };
  BenchTime times[N_KINDS][RUNS];
  gsize memory[N_KINDS] = { 0 };
  double median[N_KINDS];
  gsize length;

  rp_test_ui_init (&argc, &argv);
  g_assert_nonnull (dir);

  /* The databases, made before anything is measured. */
  {
    g_autoptr (RpStore) empty = NULL;
    g_autoptr (RpStore) store = NULL;
    g_autoptr (GError) error = NULL;

    empty = rp_store_open (empty_path, &error);
    g_assert_no_error (error);
    store = rp_store_open (plan_path, &error);
    g_assert_no_error (error);
    plan = bench_plan_generate (1000, &length);
    if (!rp_format_json_import (store, plan, length, &error))
      g_error ("%s", error->message);
  }

  /* One of each first, unmeasured but for memory: fonts, icons and the
   * theme are loaded once per process, by whichever window comes first.
   * The bare window goes first, so that the plan's window after it adds
   * only what it costs over the bare one (the empty database's would be
   * less than it costs, after the plan's: it is not given). */
  {
    static const Kind order[] = { KIND_BARE, KIND_PLAN, KIND_EMPTY };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      first_frame (order[i], paths[order[i]], &memory[order[i]]);
  }
  for (guint run = 0; run < RUNS; run++)
    for (Kind k = 0; k < N_KINDS; k++)
      {
        gsize added;

        times[k][run] = first_frame (k, paths[k], &added);
      }

  printf ("# First window, %u x %u: from opening the database to the first frame painted;\n"
          "# medians of %u runs, wall clock; memory: what the first such window added\n",
          WIDTH, HEIGHT, RUNS);
  printf ("%-24s %10s %8s %12s\n", "window", "ms", "ratio", "+MiB on bare");
  for (Kind k = 0; k < N_KINDS; k++)
    {
      median[k] = bench_median (times[k], RUNS).wall_ms;
      if (k == KIND_PLAN)
        printf ("%-24s %10.1f %7.2fx %12.1f\n", kind_names[k], median[k], median[k] / median[KIND_BARE],
                memory[k] / 1024.0);
      else
        printf ("%-24s %10.1f %7.2fx %12s\n", kind_names[k], median[k], median[k] / median[KIND_BARE], "");
    }
  printf ("# goal (issue 12): 1,000 releases <= 1.15x bare and <= +40 MiB; empty database <= 1.1x\n");

  g_unlink (empty_path);
  g_unlink (plan_path);
  g_rmdir (dir);
  return 0;
}
