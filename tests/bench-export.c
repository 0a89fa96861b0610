/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-plan.h"
#include "bench-util.h"
#include "rp-core.h"

/* The JSON export of the plans of issue 12 (bench-plan.c) of 100 and 1,000
 * releases (and 10,000 with RP_BENCH_HUGE=1), streamed to /dev/null, each
 * figure the median of RUNS, against the floor measured in the same run:
 * `sqlite3 -json` selecting every row of the same tables. The ratio is of
 * processor time (the machine may be shared); wall clock beside it. The
 * memory column is the peak resident memory the export added to what the
 * process held before it: it should not grow with the plan. Run with
 * `meson test --benchmark -C build bench-export`. */

#define RUNS 5

static const char floor_sql[] =
    "SELECT * FROM person; SELECT * FROM freeze_window; SELECT * FROM template; SELECT * FROM template_section; "
    "SELECT * FROM template_item; SELECT * FROM release; SELECT * FROM owner; SELECT * FROM scope_item; "
    "SELECT * FROM acceptance_criterion; SELECT * FROM dependency; SELECT * FROM risk; "
    "SELECT * FROM checklist_section; SELECT * FROM checklist_item; SELECT * FROM rollout_stage; "
    "SELECT * FROM feature_flag; SELECT * FROM decision; SELECT * FROM setting;";

static BenchTime
export_once (RpStore *store, gsize *peak_kib)
{
  g_autoptr (GFile) null = g_file_new_for_path ("/dev/null");
  g_autoptr (GOutputStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  BenchClock clock;
  BenchTime t;
  gsize before;

  stream = G_OUTPUT_STREAM (g_file_append_to (null, G_FILE_CREATE_NONE, NULL, &error));
  g_assert_no_error (error);
  bench_reset_peak_rss ();
  before = bench_rss_kib ();
  bench_clock_start (&clock, FALSE);
  if (!rp_format_json_export_to_stream (store, NULL, stream, NULL, &error))
    g_error ("%s", error->message);
  t = bench_clock_stop (&clock);
  *peak_kib = bench_peak_rss_kib () - before;
  return t;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  guint sizes[] = { 100, 1000, 10000 };
  guint n_sizes = g_getenv ("RP_BENCH_HUGE") ? 3 : 2;
  const char *sqlite3 = bench_sqlite3 ();

  g_assert_nonnull (dir);
  printf ("# JSON export of the plans of issue 12: medians of %d runs, processor time (wall clock)\n", RUNS);
  printf ("%-9s %8s %18s %18s %9s %9s %12s\n", "releases", "rows", "export ms", "sqlite3 -json ms", "ratio",
          "wall", "peak +MiB");

  for (guint s = 0; s < n_sizes; s++)
    {
      guint n = sizes[s];
      g_autofree char *name = g_strdup_printf ("export-%u.db", n);
      g_autofree char *db = g_build_filename (dir, name, NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      gsize length;
      g_autofree char *plan = bench_plan_generate (n, &length);
      g_autoptr (GError) error = NULL;
      g_autoptr (RpStore) store = rp_store_open (db, &error);
      BenchTime exports[RUNS], floors[RUNS], export, floor = { 0, 0 };
      gsize peaks[RUNS], peak = 0;

      g_assert_no_error (error);
      if (!rp_format_json_import (store, plan, length, &error))
        g_error ("%s", error->message);
      g_clear_pointer (&plan, g_free);
      for (guint r = 0; r < RUNS; r++)
        {
          exports[r] = export_once (store, &peaks[r]);
          peak = MAX (peak, peaks[r]);
          if (sqlite3 != NULL)
            {
              const char *argv_floor[] = { sqlite3, "-json", "-readonly", db, floor_sql, NULL };
              floors[r] = bench_run (argv_floor, NULL, NULL);
            }
        }
      export = bench_median (exports, RUNS);
      if (sqlite3 != NULL)
        floor = bench_median (floors, RUNS);
      printf ("%-9u %8u %9.0f (%6.0f) %9.0f (%6.0f) %8.2fx %8.2fx %12.1f\n", n, bench_plan_rows (n),
              export.cpu_ms, export.wall_ms, floor.cpu_ms, floor.wall_ms,
              floor.cpu_ms > 0 ? export.cpu_ms / floor.cpu_ms : 0,
              floor.wall_ms > 0 ? export.wall_ms / floor.wall_ms : 0, peak / 1024.0);
      fflush (stdout);
      g_clear_object (&store);
      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
    }
  if (sqlite3 == NULL)
    printf ("# sqlite3 is not installed: no floor measured\n");
  printf ("# goal (issue 12): ratio <= 2.00 at 1,000 releases, peak memory the same at every size\n");
  g_rmdir (dir);
  return 0;
}
