/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"
#include "rp-core.h"
#include "rp-test-core.h"

/* What gating a deploy pipeline on the plan costs: `check --all` over a
 * database of 1,000 releases (the sample plan's four, duplicated with
 * their rows and dates), as a ratio of a plain `list` of the same
 * database, both through the real command line, and the same check in
 * the process (rp_readiness_check_all()) as a ratio of listing the
 * releases. Each figure is the median of five runs, wall clock and
 * processor time; the target for `check --all` is under 0.2 s on the
 * project's machine. Run with `meson test --benchmark -C build
 * bench-readiness`. */

#define RELEASES 1000
#define RUNS 5

static BenchTime
time_command (const char *const *argv, int expected)
{
  BenchTime runs[RUNS];

  for (guint r = 0; r < RUNS; r++)
    runs[r] = bench_run_expect (argv, NULL, NULL, expected);
  return bench_median (runs, RUNS);
}

static void
print_row (const char *what, BenchTime t, BenchTime base, const char *note)
{
  printf ("  %-32s %8.1f ms %5.2f×   cpu %8.1f ms %5.2f×%s\n", what, t.wall_ms, t.wall_ms / base.wall_ms,
          t.cpu_ms, t.cpu_ms / base.cpu_ms, note);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rp-bench-readiness-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (RpStore) store = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  BenchTime list_t, check_t, listed_t, checked_t;
  BenchTime runs[RUNS];
  BenchClock clock;
  GDate today;
  guint checked = 0;

  if (argc < 2)
    {
      g_printerr ("usage: bench-readiness PATH-TO-release-planner\n");
      return 2;
    }
  g_assert_no_error (error);
  path = g_build_filename (dir, "plans.db", NULL);
  store = rp_store_open (path, &error);
  g_assert_no_error (error);
  rp_test_fill_plan (store, RELEASES);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 24, 11, 2026);

  {
    const char *const list[] = { argv[1], "--db", path, "list", NULL };
    /* Exit 1: some releases are no-go. */
    const char *const check[] = { argv[1], "--db", path, "check", "--all", "--today", "2026-11-24", NULL };

    list_t = time_command (list, 0);
    check_t = time_command (check, 1);
  }

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr (GPtrArray) releases = NULL;

      bench_clock_start (&clock, FALSE);
      releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
      runs[r] = bench_clock_stop (&clock);
      g_assert_cmpuint (releases->len, ==, RELEASES);
    }
  listed_t = bench_median (runs, RUNS);
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr (RpReadiness) readiness = NULL;

      g_clear_pointer (&reports, g_ptr_array_unref);
      bench_clock_start (&clock, FALSE);
      readiness = rp_readiness_new (store, &today);
      reports = rp_readiness_check_all (readiness, TRUE);
      runs[r] = bench_clock_stop (&clock);
    }
  checked_t = bench_median (runs, RUNS);
  checked = reports->len;

  printf ("Readiness of %u releases (%u not released or cancelled), median of %u runs:\n", RELEASES, checked,
          RUNS);
  print_row ("command line  list", list_t, list_t, "");
  print_row ("command line  check --all", check_t, list_t, "  (target under 200 ms)");
  print_row ("in process    list releases", listed_t, listed_t, "");
  print_row ("in process    check_all", checked_t, listed_t, "");

  g_clear_object (&store);
  rp_test_remove_database (path);
  g_rmdir (dir);
  return 0;
}
