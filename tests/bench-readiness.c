/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "rp-core.h"
#include "rp-test-core.h"

/* What gating a deploy pipeline on the plan costs: `check --all` over a
 * database of 1,000 releases (the sample plan's four, duplicated with
 * their rows and dates), as a ratio of a plain `list` of the same
 * database, both through the real command line, and the same check in
 * the process (rp_readiness_check_all()) as a ratio of listing the
 * releases. Each figure is the median of five runs; the target for
 * `check --all` is under 0.2 s on the project's machine. Run with
 * `meson test --benchmark -C build bench-readiness`. */

#define RELEASES 1000
#define RUNS 5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *runs)
{
  qsort (runs, RUNS, sizeof runs[0], compare_doubles);
  return runs[RUNS / 2];
}

/* The command line @argv, its output thrown away; its exit status. */
static int
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static double
time_command (const char *const *argv, int expected)
{
  double runs[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      double start = now_ms ();

      g_assert_cmpint (run (argv), ==, expected);
      runs[r] = now_ms () - start;
    }
  return median (runs);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rp-bench-readiness-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (RpStore) store = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  double list_ms, check_ms, listed_ms, checked_ms;
  double runs[RUNS];
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

    list_ms = time_command (list, 0);
    check_ms = time_command (check, 1);
  }

  for (guint r = 0; r < RUNS; r++)
    {
      double start = now_ms ();
      g_autoptr (GPtrArray) releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);

      g_assert_cmpuint (releases->len, ==, RELEASES);
      runs[r] = now_ms () - start;
    }
  listed_ms = median (runs);
  for (guint r = 0; r < RUNS; r++)
    {
      double start = now_ms ();
      g_autoptr (RpReadiness) readiness = rp_readiness_new (store, &today);

      g_clear_pointer (&reports, g_ptr_array_unref);
      reports = rp_readiness_check_all (readiness, TRUE);
      runs[r] = now_ms () - start;
    }
  checked_ms = median (runs);
  checked = reports->len;

  printf ("Readiness of %u releases (%u not released or cancelled), median of %u runs:\n", RELEASES, checked, RUNS);
  printf ("  command line  list              %8.1f ms  1.00×\n", list_ms);
  printf ("  command line  check --all       %8.1f ms  %5.2f×  (target under 200 ms)\n", check_ms,
          check_ms / list_ms);
  printf ("  in process    list releases     %8.1f ms  1.00×\n", listed_ms);
  printf ("  in process    check_all         %8.1f ms  %5.2f×\n", checked_ms, checked_ms / listed_ms);

  g_clear_object (&store);
  rp_test_remove_database (path);
  g_rmdir (dir);
  return 0;
}
