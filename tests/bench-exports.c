/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bench-util.h"
#include "rp-core.h"
#include "rp-test-core.h"

/* What each export costs on a database of 1,000 releases (the sample
 * plan's four, each duplicated into 250 with their scope, criteria,
 * owners, checklist and dates), as a ratio of the JSON export of the whole plan
 * in the same run, so that the figures say something whatever the
 * machine. The formats about one release (Markdown plan, release notes,
 * checklist, PDF) are timed for all 1,000 releases one after the other.
 * Each figure is the median of three runs, of the wall clock and of
 * the processor time (on a shared machine the wall clock measures the
 * neighbours too). Run with
 * `meson test --benchmark -C build bench-exports`. */

#define RELEASES 1000
#define RUNS 3

typedef gsize (*ExportFunc) (RpStore *store, GPtrArray *releases);

static gsize
take (char *text)
{
  gsize n;

  g_assert_nonnull (text);
  n = strlen (text);
  g_free (text);
  return n;
}

static gsize
export_json (RpStore *store, GPtrArray *releases)
{
  return take (rp_format_json_export (store, NULL, NULL));
}

static gsize
export_csv (RpStore *store, GPtrArray *releases)
{
  return take (rp_format_csv_jira (store, NULL, NULL));
}

static gsize
export_ics (RpStore *store, GPtrArray *releases)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 2, 9, 30, 0);

  return take (rp_format_ics_export (store, NULL, now, NULL));
}

typedef char *(*ReleaseFunc) (RpStore *store, const char *release_id, GError **error);

static gsize
each_release (RpStore *store, GPtrArray *releases, ReleaseFunc func)
{
  gsize n = 0;

  for (guint i = 0; i < releases->len; i++)
    n += take (func (store, rp_record_get_id (releases->pdata[i]), NULL));
  return n;
}

/* The day of the reports, set by main(). */
static GDate today;

/* with the readiness check of the release, as the window and the CLI */
static char *
markdown_plan (RpStore *store, const char *release_id, GError **error)
{
  return rp_format_markdown_plan (store, release_id, &today, error);
}

static gsize
export_markdown (RpStore *store, GPtrArray *releases)
{
  return each_release (store, releases, markdown_plan);
}

static gsize
export_release_notes (RpStore *store, GPtrArray *releases)
{
  return each_release (store, releases, rp_format_markdown_release_notes);
}

static char *
checklist (RpStore *store, const char *release_id, GError **error)
{
  return rp_format_markdown_checklist (store, release_id, NULL, error);
}

static gsize
export_checklist (RpStore *store, GPtrArray *releases)
{
  return each_release (store, releases, checklist);
}

static gsize
export_pdf (RpStore *store, GPtrArray *releases)
{
  gsize n = 0;

  for (guint i = 0; i < releases->len; i++)
    {
      g_autoptr (GBytes) pdf =
          rp_format_pdf_export (store, rp_record_get_id (releases->pdata[i]), &today, NULL);

      g_assert_nonnull (pdf);
      n += g_bytes_get_size (pdf);
    }
  return n;
}

/* The median time of RUNS runs of @func, wall clock and processor. */
static BenchTime
median_time (RpStore *store, GPtrArray *releases, ExportFunc func, gsize *bytes)
{
  BenchTime runs[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      BenchClock clock;

      bench_clock_start (&clock, FALSE);
      *bytes = func (store, releases);
      runs[r] = bench_clock_stop (&clock);
    }
  return bench_median (runs, RUNS);
}

int
main (int argc, char **argv)
{
  const struct
  {
    const char *name;
    ExportFunc func;
  } formats[] = {
    { "json (whole plan)", export_json },
    { "csv (whole plan)", export_csv },
    { "ics (whole plan)", export_ics },
    { "markdown (each release)", export_markdown },
    { "release-notes (each release)", export_release_notes },
    { "checklist (each release)", export_checklist },
    { "pdf (each release)", export_pdf },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rp-bench-exports-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (RpStore) store = NULL;
  g_autoptr (GPtrArray) releases = NULL;
  BenchTime baseline = { 0, 0 };

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  path = g_build_filename (dir, "plans.db", NULL);
  store = rp_store_open (path, &error);
  g_assert_no_error (error);
  rp_test_fill_plan (store, RELEASES);
  releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  g_assert_cmpuint (releases->len, ==, RELEASES);

  printf ("Exports of %u releases, median of %u runs, wall clock and processor time, as ratios of the JSON "
          "export:\n",
          RELEASES, RUNS);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      gsize bytes = 0;
      BenchTime t = median_time (store, releases, formats[f].func, &bytes);

      if (f == 0)
        baseline = t;
      printf ("  %-30s %9.1f ms %6.2f×  cpu %9.1f ms %6.2f×  %10" G_GSIZE_FORMAT " bytes\n", formats[f].name,
              t.wall_ms, t.wall_ms / baseline.wall_ms, t.cpu_ms, t.cpu_ms / MAX (baseline.cpu_ms, 0.001),
              bytes);
    }

  g_clear_object (&store);
  rp_test_remove_database (path);
  g_rmdir (dir);
  return 0;
}
