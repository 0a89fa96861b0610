/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-plan.h"
#include "bench-util.h"
#include "rp-core.h"

/* Importing the plans of issue 12 (bench-plan.c) of 10, 100 and 1,000
 * releases (and 10,000 with RP_BENCH_HUGE=1), each figure the median of
 * RUNS imports into a new database, against the floor measured in the same
 * run: the sqlite3 shell replaying a .dump of the database the import made.
 * The ratio is of processor time (the machine may be shared); wall clock
 * beside it. The growth column is how much more each row cost than at the
 * size before: 1.0 is linear. Run with `meson test --benchmark -C build
 * bench-import`. */

#define RUNS 3

static char *
path_in (const char *dir, const char *name, guint n, guint run)
{
  g_autofree char *file = g_strdup_printf ("%s-%u-%u", name, n, run);
  return g_build_filename (dir, file, NULL);
}

static BenchTime
import_once (const char *db, const char *plan, gsize length)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) store = rp_store_open (db, &error);
  BenchClock clock;
  BenchTime t;

  g_assert_no_error (error);
  bench_clock_start (&clock, FALSE);
  if (!rp_format_json_import (store, plan, length, &error))
    g_error ("%s", error->message);
  g_clear_object (&store); /* the checkpoint on close is part of the work */
  t = bench_clock_stop (&clock);
  return t;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  guint sizes[] = { 10, 100, 1000, 10000 };
  guint n_sizes = g_getenv ("RP_BENCH_HUGE") ? 4 : 3;
  double last_per_row = 0;
  const char *sqlite3 = bench_sqlite3 ();

  g_assert_nonnull (dir);
  printf ("# Import of the plans of issue 12: medians of %d runs, processor time (wall clock)\n", RUNS);
  printf ("%-9s %8s %20s %20s %9s %9s %10s %7s\n", "releases", "rows", "import ms", "sqlite3 .dump ms",
          "ratio", "wall", "rows/s", "growth");

  for (guint s = 0; s < n_sizes; s++)
    {
      guint n = sizes[s];
      guint rows = bench_plan_rows (n);
      gsize length;
      g_autofree char *plan = bench_plan_generate (n, &length);
      BenchTime imports[RUNS], floors[RUNS], import, floor = { 0, 0 };
      double per_row;
      char growth[16] = "-";

      for (guint r = 0; r < RUNS; r++)
        {
          g_autofree char *db = path_in (dir, "import.db", n, r);
          g_autofree char *dump = path_in (dir, "dump.sql", n, r);
          g_autofree char *replay = path_in (dir, "replay.db", n, r);

          imports[r] = import_once (db, plan, length);
          if (sqlite3 != NULL)
            {
              const char *dump_argv[] = { sqlite3, db, ".dump", NULL };
              const char *replay_argv[] = { sqlite3, replay, NULL };

              bench_run (dump_argv, NULL, dump);
              floors[r] = bench_run (replay_argv, dump, NULL);
            }
          for (const char *const *p = (const char *const[]){ db, dump, replay, NULL }; *p; p++)
            {
              g_autofree char *wal = g_strconcat (*p, "-wal", NULL);
              g_autofree char *shm = g_strconcat (*p, "-shm", NULL);

              g_unlink (*p);
              g_unlink (wal);
              g_unlink (shm);
            }
        }
      import = bench_median (imports, RUNS);
      if (sqlite3 != NULL)
        floor = bench_median (floors, RUNS);
      per_row = import.cpu_ms / rows;
      if (last_per_row > 0)
        g_snprintf (growth, sizeof growth, "%.2f", per_row / last_per_row);
      printf ("%-9u %8u %11.0f (%6.0f) %11.0f (%6.0f) %8.2fx %8.2fx %10.0f %7s\n", n, rows, import.cpu_ms,
              import.wall_ms, floor.cpu_ms, floor.wall_ms,
              floor.cpu_ms > 0 ? import.cpu_ms / floor.cpu_ms : 0,
              floor.wall_ms > 0 ? import.wall_ms / floor.wall_ms : 0, rows / (import.cpu_ms / 1000.0),
              growth);
      fflush (stdout);
      last_per_row = per_row;
    }
  if (sqlite3 == NULL)
    printf ("# sqlite3 is not installed: no floor measured\n");
  printf ("# goal (issue 12): ratio <= 1.00 at 1,000 releases, growth about 1.0\n");
  g_rmdir (dir);
  return 0;
}
