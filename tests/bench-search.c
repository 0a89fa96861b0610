/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"
#include "rp-core.h"
#include "rp-test-core.h"

/* What the sidebar's search costs on 1,000 releases (the sample plan's,
 * duplicated with their rows): reading what it looks at (rp_search_new(),
 * once after each change of the plan while a query is typed) and finding
 * a query in it (rp_search_find(), each time the query changes), as
 * ratios of listing the releases, which the window does after every
 * change anyway; and, for the record, what the window did before, after
 * every change and whether searching or not: a query per release for its
 * scope titles. Medians of seven runs. Run with
 * `meson test --benchmark -C build bench-search`. */

#define RELEASES 1000
#define RUNS 7

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rp-bench-search-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (RpStore) store = NULL;
  g_autoptr (RpSearch) search = NULL;
  const char *const queries[] = { "rollback", "zzz-nothing", "support desk", "a" };
  BenchTime list[RUNS], read[RUNS], find[RUNS], before[RUNS];
  BenchTime list_m, read_m, find_m, before_m;
  guint found = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "plans.db", NULL);
  store = rp_test_open_store_at (path);
  rp_test_fill_plan (store, RELEASES);

  for (guint r = 0; r < RUNS; r++)
    {
      BenchClock clock;

      bench_clock_start (&clock, FALSE);
      g_ptr_array_unref (rp_store_list (store, RP_ENTITY_RELEASE, NULL));
      list[r] = bench_clock_stop (&clock);

      bench_clock_start (&clock, FALSE);
      {
        g_autoptr (GPtrArray) releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);

        for (guint i = 0; i < releases->len; i++)
          {
            g_autoptr (RpRecord) release =
                rp_store_get (store, RP_ENTITY_RELEASE, rp_record_get_id (releases->pdata[i]), NULL);

            g_ptr_array_unref (rp_store_list (store, RP_ENTITY_SCOPE_ITEM, rp_record_get_id (release)));
          }
      }
      before[r] = bench_clock_stop (&clock);

      g_clear_pointer (&search, rp_search_free);
      bench_clock_start (&clock, FALSE);
      search = rp_search_new (store, &error);
      read[r] = bench_clock_stop (&clock);
      g_assert_no_error (error);

      bench_clock_start (&clock, FALSE);
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr (GHashTable) matches = rp_search_find (search, queries[q]);

          found += g_hash_table_size (matches);
        }
      find[r] = bench_clock_stop (&clock);
      find[r].wall_ms /= G_N_ELEMENTS (queries);
      find[r].cpu_ms /= G_N_ELEMENTS (queries);
    }
  list_m = bench_median (list, RUNS);
  read_m = bench_median (read, RUNS);
  find_m = bench_median (find, RUNS);
  before_m = bench_median (before, RUNS);

  printf ("%u releases, medians of %u runs (found %u)\n", RELEASES, RUNS, found / RUNS);
  printf ("                   wall ms   cpu ms   ratio of the list (cpu)\n");
  printf ("list the releases  %7.2f  %7.2f\n", list_m.wall_ms, list_m.cpu_ms);
  printf ("read for a search  %7.2f  %7.2f  %5.2f×\n", read_m.wall_ms, read_m.cpu_ms,
          read_m.cpu_ms / list_m.cpu_ms);
  printf ("old: per release   %7.2f  %7.2f  %5.2f×\n", before_m.wall_ms, before_m.cpu_ms,
          before_m.cpu_ms / list_m.cpu_ms);
  printf ("find one query     %7.2f  %7.2f  %5.2f×\n", find_m.wall_ms, find_m.cpu_ms,
          find_m.cpu_ms / list_m.cpu_ms);

  g_clear_object (&store);
  rp_test_remove_database (path);
  g_rmdir (dir);
  return 0;
}
