/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rp-store-private.h"
#include "rp-store-schema.h"
#include "rp-template.h"

/* Opening RpStore: creating the file, refusing what is not ours, backing
 * up and migrating an older schema, seeding a new database. */

/* Inside the caller's transaction: every step or none. */
static gboolean
migrate (RpStore *self, gint64 from, guint to, GError **error)
{
  g_assert (self->depth > 0);

  for (guint v = from + 1; v <= to; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", v);

      if (!_rp_store_exec (self, rp_store_migrations[v - 1], "migrate the database", error) ||
          !_rp_store_exec (self, bump, "migrate the database", error))
        return FALSE;
    }
  return TRUE;
}

/* Creating, migrating and seeding the built-in templates are one
 * transaction, which reads the version itself: a kill leaves the file as
 * it was, and of several processes opening a new file at once the first
 * does it all while the others wait on the lock and then find it done. */
static gboolean
upgrade (RpStore *self, guint target, gboolean seed_if_new, GError **error)
{
  gint64 current = 0;

  if (!rp_store_begin (self, NULL, error))
    return FALSE;
  if (!_rp_store_query_int (self, "PRAGMA user_version", &current, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }
  if (current < target &&
      (!migrate (self, current, target, error) ||
       (current == 0 && seed_if_new && !rp_template_seed_builtin (self, error))))
    {
      rp_store_rollback (self);
      return FALSE;
    }
  return rp_store_commit (self, error);
}

static gboolean
backup_before_migration (RpStore *self, gint64 version, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", self->path, version);

  /* VACUUM INTO refuses to overwrite: an earlier backup of the same
   * version is the same data, so keep it. */
  if (!g_file_test (backup, G_FILE_TEST_EXISTS))
    {
      if (sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL) != SQLITE_OK)
        return _rp_store_set_sqlite_error (self, error, "back up the database before migrating it");
      if (sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_STATIC) != SQLITE_OK ||
          sqlite3_step (stmt) != SQLITE_DONE)
        return _rp_store_set_sqlite_error (self, error, "back up the database before migrating it");
    }
  self->backup_path = g_steal_pointer (&backup);
  return TRUE;
}

/* Everything that can be said about a file without writing to it. */
static gboolean
check_existing (RpStore *self, guint target, gint64 *version, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 app_id = 0, tables = 0;

  /* One statement, so one snapshot: read one by one, a first open in
   * another process could commit in between (tables but no id yet). */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT (SELECT application_id FROM pragma_application_id), "
                          "(SELECT count(*) FROM sqlite_schema), (SELECT user_version FROM pragma_user_version)",
                          -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return _rp_store_set_sqlite_error (self, error, "read the database");
  app_id = sqlite3_column_int64 (stmt, 0);
  tables = sqlite3_column_int64 (stmt, 1);
  *version = sqlite3_column_int64 (stmt, 2);

  if (app_id != RP_STORE_APPLICATION_ID && (app_id != 0 || tables > 0))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FOREIGN,
                   "“%s” is a database of another application, not a Release Planner plan. "
                   "It was left as it is.", self->path);
      return FALSE;
    }
  if (*version > (gint64) G_N_ELEMENTS (rp_store_migrations) || *version > target)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_TOO_NEW,
                   "“%s” was written by a newer version of Release Planner (schema %" G_GINT64_FORMAT
                   "; this version reads up to %u). Update Release Planner to open it; "
                   "the file was left as it is.", self->path, *version, target);
      return FALSE;
    }
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY,
                   "“%s” is read-only: Release Planner needs to save every edit at once. "
                   "Copy it somewhere writable or change its permissions.", self->path);
      return FALSE;
    }
  return TRUE;
}

/* What SQLite would open as a throwaway database rather than a file: an
 * empty name (an unset $DB in a script) or ":memory:" is a temporary
 * database gone at exit, and a "file:" URI names something else than its
 * text. Every edit would report success and be lost. */
static gboolean
check_path (const char *path, GError **error)
{
  if (*path == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           "The database path is empty (an unset variable?). Nothing was opened or saved; "
                           "give the path of the plan database file.");
      return FALSE;
    }
  if (strcmp (path, ":memory:") == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           "“:memory:” is not a file: every edit would be lost at exit. Nothing was opened "
                           "or saved; give the path of the plan database file (--plan FILE reads a plan "
                           "file without saving anything).");
      return FALSE;
    }
  if (g_ascii_strncasecmp (path, "file:", 5) == 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   "“%s” is an SQLite URI, not a file path; Release Planner takes the path of the file "
                   "itself (write “./%s” for a file whose name starts with “file:”). Nothing was opened.",
                   path, path);
      return FALSE;
    }
  return TRUE;
}

/**
 * rp_store_open_at_version:
 * @path: the database file; created when missing
 * @version: the schema version to migrate to (tests use older ones)
 *
 * Opens or creates the database. A file that is not a database, belongs to
 * another application, comes from a newer version or cannot be written is
 * refused with a clear error and is not modified.
 *
 * Returns: (transfer full) (nullable): the store
 */
RpStore *
rp_store_open_at_version (const char *path, guint version, GError **error)
{
  g_autoptr (RpStore) self = NULL;
  gboolean existed;
  gint64 current = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (rp_store_migrations), NULL);

  if (!check_path (path, error))
    return NULL;

  self = g_object_new (RP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  if (existed && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE,
                   "“%s” is a folder, not a Release Planner database.", path);
      return NULL;
    }
  if (!existed)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY,
                       "Cannot create the database “%s”: the folder “%s” cannot be made (%s).", path, dir,
                       g_strerror (saved));
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | (existed ? 0 : SQLITE_OPEN_CREATE), NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY, "Cannot %s the database “%s”: %s.",
                   existed ? "open" : "create", path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_existing (self, version, &current, error))
    return NULL;

  if (!_rp_store_exec (self, "PRAGMA foreign_keys = ON", "open the database", error) ||
      !_rp_store_exec (self, "PRAGMA journal_mode = WAL", "open the database", error) ||
      !_rp_store_exec (self, "PRAGMA synchronous = NORMAL", "open the database", error))
    return NULL;

  /* VACUUM INTO cannot run in a transaction: the backup comes first (of
   * the version read outside it; a copy of an older state is still one). */
  if (current > 0 && current < version && !backup_before_migration (self, current, error))
    return NULL;
  if (current < version && !upgrade (self, version, TRUE, error))
    return NULL;

  /* Seeding is not an edit the user can undo. */
  _rp_store_undo_clear (self);
  _rp_store_query_int (self, "PRAGMA data_version", &self->data_version, NULL);

  return g_steal_pointer (&self);
}

/**
 * rp_store_open_memory:
 *
 * A store of its own in memory, at the current schema and empty (not even
 * the built-in templates): for reading a plan file without writing
 * anything anywhere (--plan, diff, merge). It is gone when the last
 * reference goes. Not reachable through a path on purpose: a user's
 * ":memory:" is refused elsewhere, this is the code's own choice.
 *
 * Returns: (transfer full) (nullable): the store; its path is NULL
 */
RpStore *
rp_store_open_memory (GError **error)
{
  g_autoptr (RpStore) self = g_object_new (RP_TYPE_STORE, NULL);
  int rc;

  rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED, "Cannot make a plan in memory: %s.",
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  if (!_rp_store_exec (self, "PRAGMA foreign_keys = ON", "open the database", error) ||
      !upgrade (self, RP_STORE_SCHEMA_VERSION, FALSE, error))
    return NULL;
  _rp_store_undo_clear (self);
  return g_steal_pointer (&self);
}

/**
 * rp_store_open:
 * @path: the database file; created when missing
 *
 * Returns: (transfer full) (nullable): the store, at the current schema
 */
RpStore *
rp_store_open (const char *path, GError **error)
{
  return rp_store_open_at_version (path, RP_STORE_SCHEMA_VERSION, error);
}

/**
 * rp_store_default_path:
 *
 * Returns: (transfer full): RELEASE_PLANNER_DB, or the database in the
 * user's data folder.
 */
char *
rp_store_default_path (void)
{
  const char *env = g_getenv ("RELEASE_PLANNER_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "release-planner", "plans.db", NULL);
}

const char *
rp_store_get_path (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  return self->path;
}

/**
 * rp_store_get_backup_path:
 *
 * Returns: (nullable): the copy made before the last migration, if any
 */
const char *
rp_store_get_backup_path (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  return self->backup_path;
}
