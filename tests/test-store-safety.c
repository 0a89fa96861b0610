/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rp-store-private.h"
#include "rp-test-core.h"

/* What a second process, a damaged file or a careless path must not do to
 * a plan: each test here failed before the store defended against it. */

static char *
db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
}

/* The sample plan's first checklist item, as the store has it. */
static RpRecord *
first_item (RpStore *store)
{
  g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, NULL);

  g_assert_cmpuint (items->len, >, 0);
  return g_object_ref (items->pdata[0]);
}

/* The plan exported by @store with the text of the item @id replaced. */
static char *
plan_with_item_text (RpStore *store, const char *id, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = rp_format_json_export (store, NULL, &error);
  g_autoptr (RpRecord) item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, id, &error);
  g_autofree char *quoted_old = NULL;
  g_autofree char *quoted_new = NULL;
  char *at;
  GString *out;

  g_assert_no_error (error);
  /* The item's own text, after its id: a template may have the same. */
  quoted_old = g_strdup_printf ("\"%s\"", rp_record_get_string (item, "text"));
  quoted_new = g_strdup_printf ("\"%s\"", text);
  at = strstr (json, rp_record_get_id (item));
  g_assert_nonnull (at);
  at = strstr (at, quoted_old);
  g_assert_nonnull (at);
  out = g_string_new_len (json, at - json);
  g_string_append (out, quoted_new);
  g_string_append (out, at + strlen (quoted_old));
  return g_string_free (out, FALSE);
}

/* tick (and the window's editors) read a row, then write it: an import
 * committed by another process in between must keep its change. */
static void
test_lost_update_tick (void)
{
  g_autofree char *path = db_path ();
  g_autoptr (RpStore) ticker = rp_test_open_store_at (path);
  g_autoptr (RpStore) importer = rp_test_open_store_at (path);
  g_autoptr (RpRecord) stale = NULL;
  g_autoptr (RpRecord) now = NULL;
  g_autofree char *plan = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_sample_plan_load (ticker, &error));
  g_assert_no_error (error);
  stale = first_item (ticker);
  g_assert_cmpstr (rp_record_get_string (stale, "state"), !=, "done");

  /* The other process imports a plan that renames the item... */
  plan = plan_with_item_text (importer, rp_record_get_id (stale), "Renamed by the import");
  g_assert_true (rp_format_json_import (importer, plan, strlen (plan), &error));
  g_assert_no_error (error);

  /* ...while tick still holds the row it read before. */
  rp_record_set_string (stale, "state", "done");
  rp_record_set_string (stale, "done_at", "2026-01-01T00:00:00Z");
  g_assert_true (
      rp_store_update_columns (ticker, stale, (const char *const[]){ "state", "done_at", NULL }, &error));
  g_assert_no_error (error);

  now = rp_store_get (importer, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (stale), &error);
  g_assert_cmpstr (rp_record_get_string (now, "text"), ==, "Renamed by the import");
  g_assert_cmpstr (rp_record_get_string (now, "state"), ==, "done");
}

/* Undo takes back what this process wrote, and nothing another process
 * wrote since: a preference set again elsewhere stays. */
static void
test_undo_setting_changed_elsewhere (void)
{
  g_autofree char *path = db_path ();
  g_autoptr (RpStore) window = rp_test_open_store_at (path);
  g_autoptr (RpStore) other = rp_test_open_store_at (path);
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_set_setting (window, "deploy_days", "mon", &error));
  g_assert_true (rp_store_set_setting (other, "deploy_days", "fri", &error));
  g_assert_no_error (error);

  g_assert_false (rp_store_undo (window, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "changed elsewhere"));
  kept = rp_store_get_setting (window, "deploy_days");
  g_assert_cmpstr (kept, ==, "fri");
  g_assert_true (rp_store_can_undo (window));
}

/* Undoing the creation of a release would delete, through the cascade, a
 * risk another process added to it since. */
static void
test_undo_cascade_added_elsewhere (void)
{
  g_autofree char *path = db_path ();
  g_autoptr (RpStore) window = rp_test_open_store_at (path);
  g_autoptr (RpStore) other = rp_test_open_store_at (path);
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);
  g_autoptr (RpRecord) still = NULL;
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "name", "Made in the window");
  g_assert_true (rp_store_insert (window, release, &error));
  rp_record_set_string (risk, "release_id", rp_record_get_id (release));
  rp_record_set_string (risk, "title", "Added from the command line");
  g_assert_true (rp_store_insert (other, risk, &error));
  g_assert_no_error (error);

  g_assert_false (rp_store_undo (window, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "changed elsewhere"));
  g_clear_error (&error);
  still = rp_store_get (other, RP_ENTITY_RISK, rp_record_get_id (risk), &error);
  g_assert_no_error (error);
  g_assert_nonnull (still);
  g_clear_object (&still);
  still = rp_store_get (other, RP_ENTITY_RELEASE, rp_record_get_id (release), &error);
  g_assert_nonnull (still);
}

/* The undo stack holds its steps' rows: it is bounded by their size, not
 * only by their number. */
static void
test_undo_bounded_by_size (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autofree char *notes = g_strnfill (4096, 'x');
  g_autoptr (GError) error = NULL;
  guint undone = 0;

  _rp_store_set_undo_budget (store, 64 * 1024);
  rp_record_set_string (release, "name", "Noted");
  g_assert_true (rp_store_insert (store, release, &error));
  for (guint i = 0; i < 50; i++)
    {
      notes[0] = 'a' + i % 26;
      rp_record_set_string (release, "summary", notes);
      g_assert_true (rp_store_update (store, release, &error));
    }
  g_assert_no_error (error);
  while (rp_store_can_undo (store))
    {
      g_assert_true (rp_store_undo (store, &error));
      undone++;
    }
  /* Each step holds the row twice (before and after), 8 KiB and more. */
  g_assert_cmpuint (undone, >, 0);
  g_assert_cmpuint (undone, <=, 8);
}

/* A single step over the budget (a huge import) is not kept at all. */
static void
test_undo_step_too_big (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;

  _rp_store_set_undo_budget (store, 16 * 1024);
  g_assert_true (rp_sample_plan_load (store, &error));
  g_assert_no_error (error);
  g_assert_false (rp_store_can_undo (store));
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/safety/lost-update/edit-from-stale-copy", test_lost_update_tick);
  g_test_add_func ("/store/safety/undo/setting-changed-elsewhere", test_undo_setting_changed_elsewhere);
  g_test_add_func ("/store/safety/undo/cascade-of-a-row-added-elsewhere", test_undo_cascade_added_elsewhere);
  g_test_add_func ("/store/safety/undo/bounded-by-size", test_undo_bounded_by_size);
  g_test_add_func ("/store/safety/undo/step-too-big", test_undo_step_too_big);
  return g_test_run ();
}
