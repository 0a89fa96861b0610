/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "rp-core.h"

/* How the store scales: each figure is the median of five runs, printed
 * with its ratio to the same work at a tenth of the size in the same run,
 * so a reader sees whether 10× the data costs 10× the time (linear) or
 * more, whatever the machine. Run with `meson test --benchmark`. */

#define RUNS 5

typedef double (*BenchFunc) (RpStore *store, guint n);

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

static RpStore *
fresh_store (const char *dir, guint run)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.db", run);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static char *
make_release_with_items (RpStore *store, guint n)
{
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);

  rp_record_set_string (release, "name", "Big release");
  g_assert_true (rp_store_begin (store, "bench", NULL));
  g_assert_true (rp_store_insert (store, release, NULL));
  rp_record_set_string (section, "release_id", rp_record_get_id (release));
  rp_record_set_string (section, "name", "Everything");
  g_assert_true (rp_store_insert (store, section, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) item = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);
      g_autofree char *text = g_strdup_printf ("Checklist item number %u", i);

      rp_record_set_string (item, "section_id", rp_record_get_id (section));
      rp_record_set_string (item, "text", text);
      g_assert_true (rp_store_insert (store, item, NULL));
    }
  g_assert_true (rp_store_commit (store, NULL));
  return g_strdup (rp_record_get_id (release));
}

static double
bench_insert (RpStore *store, guint n)
{
  double start = now_ms ();
  g_autofree char *id = make_release_with_items (store, n);
  return now_ms () - start;
}

static double
bench_list (RpStore *store, guint n)
{
  g_autofree char *id = make_release_with_items (store, n);
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, id);
  double start = now_ms ();
  g_autoptr (GPtrArray) items =
      rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]));

  g_assert_cmpuint (items->len, ==, n);
  return now_ms () - start;
}

static double
bench_delete_undo (RpStore *store, guint n)
{
  g_autofree char *id = make_release_with_items (store, n);
  double start = now_ms ();

  g_assert_true (rp_store_delete (store, RP_ENTITY_RELEASE, id, NULL));
  g_assert_true (rp_store_undo (store, NULL));
  return now_ms () - start;
}

static double
bench_export (RpStore *store, guint n)
{
  g_autofree char *id = make_release_with_items (store, n);
  double start = now_ms ();
  g_autofree char *json = rp_format_json_export (store, NULL, NULL);

  g_assert_nonnull (json);
  return now_ms () - start;
}

/* The window shows a few lists at once: the releases, the items of a
 * checklist, and lists of other things. A commit must cost a list it
 * touches one listing, whatever the number of rows it wrote, and a list it
 * does not touch nothing. */
#define N_MODELS 20

static double
bench_insert_models_open (RpStore *store, guint n)
{
  g_autoptr (GPtrArray) models = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) sections = NULL;
  double start;
  g_autofree char *id = NULL;

  g_ptr_array_add (models, rp_store_list_model (store, RP_ENTITY_RELEASE, NULL));
  g_ptr_array_add (models, rp_store_list_model (store, RP_ENTITY_CHECKLIST_ITEM, NULL));
  for (RpEntity e = 0; models->len < N_MODELS; e = (e + 1) % RP_N_ENTITIES)
    if (e != RP_ENTITY_RELEASE && e != RP_ENTITY_CHECKLIST_ITEM && e != RP_ENTITY_CHECKLIST_SECTION)
      g_ptr_array_add (models, rp_store_list_model (store, e, NULL));
  start = now_ms ();
  id = make_release_with_items (store, n);
  g_assert_cmpuint (g_list_model_get_n_items (models->pdata[1]), ==, n);
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, id);
  g_assert_cmpuint (sections->len, ==, 1);
  return now_ms () - start;
}

static double
bench_edit_models_open (RpStore *store, guint n)
{
  g_autofree char *id = make_release_with_items (store, n);
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, id);
  g_autoptr (GListModel) items =
      rp_store_list_model (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]));
  g_autoptr (RpRecord) item = g_list_model_get_item (items, n / 2);
  double start = now_ms ();

  /* Ten edits of one item, as typing its notes saves them. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr (RpRecord) edited = rp_record_copy (item);
      g_autofree char *notes = g_strdup_printf ("Note %u", i);

      rp_record_set_string (edited, "notes", notes);
      g_assert_true (rp_store_update (store, edited, NULL));
    }
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
  return now_ms () - start;
}

static double
median_of_runs (const char *dir, BenchFunc func, guint n, guint *run)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (RpStore) store = fresh_store (dir, (*run)++);
      times[i] = func (store, n);
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

int
main (int argc, char **argv)
{
  const struct
  {
    const char *name;
    BenchFunc func;
  } benches[] = {
    { "insert N checklist items (one group)", bench_insert },
    { "list N checklist items", bench_list },
    { "delete a release of N items + undo", bench_delete_undo },
    { "export the plan as JSON", bench_export },
    { "insert N items, 20 list models open", bench_insert_models_open },
    { "edit 1 of N items 10x, its model open", bench_edit_models_open },
  };
  double t_big[G_N_ELEMENTS (benches)];
  g_autofree char *dir = g_dir_make_tmp ("rp-bench-XXXXXX", NULL);
  guint run = 0;
  guint small = 200, big = 2000;

  g_test_init (&argc, &argv, NULL);
  g_print ("%-40s %12s %12s %8s\n", "benchmark (median of 5)", "N=200 ms", "N=2000 ms", "ratio");
  for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
    {
      double t_small = median_of_runs (dir, benches[b].func, small, &run);

      t_big[b] = median_of_runs (dir, benches[b].func, big, &run);
      g_print ("%-40s %12.2f %12.2f %7.1fx\n", benches[b].name, t_small, t_big[b],
               t_big[b] / MAX (t_small, 0.001));
    }
  g_print ("(10x the data: a ratio near 10 is linear; near 1, independent of N)\n");
  g_print ("insert N=%u with %u list models open / with none: %.2fx\n", big, N_MODELS,
           t_big[4] / MAX (t_big[0], 0.001));
  for (guint i = 0; i < run; i++)
    {
      g_autofree char *name = g_strdup_printf ("bench-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (dir);
  return 0;
}
