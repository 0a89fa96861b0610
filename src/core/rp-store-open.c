/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rp-store-private.h"
#include "rp-store-schema.h"
#include "rp-template.h"

/* How long a write waits for another process's transaction to end: as
 * long as a big import holds the lock (a 1,000-release plan holds it 5 to
 * 11 s on a 2-core machine), so that a tick or an edit made meanwhile is
 * saved after it instead of failing as "database is locked". */
#define BUSY_TIMEOUT_MS 60000

/* Opening RpStore: creating the file, refusing what is not ours, backing
 * up and migrating an older schema, seeding a new database. */

/* Switching a new file to WAL needs it to itself, and SQLite does not wait
 * for that (the busy handler is not called where waiting could deadlock):
 * while another process creates the file, wait here, as long as the
 * busy timeout would. */
static gboolean
set_wal (RpStore *self, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * 1000;

  while (sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
    {
      if ((sqlite3_errcode (self->db) & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > deadline)
        return _rp_store_set_sqlite_error (self, error, "open the database");
      g_usleep (10 * 1000);
    }
  return TRUE;
}

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
  if (current < target && (!migrate (self, current, target, error) ||
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

static gboolean
refuse_read_only (const char *path, GError **error)
{
  g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY,
               "“%s” is read-only: Release Planner needs to save every edit at once. "
               "Copy it somewhere writable or change its permissions.",
               path);
  return FALSE;
}

/* Everything that can be said about a file without writing to it. */
static gboolean
check_existing (RpStore *self, guint target, gint64 *version, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 app_id = 0, tables = 0;

  /* One statement, so one snapshot: read one by one, a first open in
   * another process could commit in between (tables but no id yet). */
  if (sqlite3_prepare_v2 (
          self->db,
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
                   "It was left as it is.",
                   self->path);
      return FALSE;
    }
  if (*version > (gint64) G_N_ELEMENTS (rp_store_migrations) || *version > target)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_TOO_NEW,
                   "“%s” was written by a newer version of Release Planner (schema %" G_GINT64_FORMAT
                   "; this version reads up to %u). Update Release Planner to open it; "
                   "the file was left as it is.",
                   self->path, *version, target);
      return FALSE;
    }
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      return refuse_read_only (self->path, error);
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

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The first @size bytes of @path; FALSE when it is shorter or unreadable. */
static gboolean
read_head (const char *path, guint8 *buffer, gsize size)
{
  FILE *f = g_fopen (path, "rb");
  gboolean ok;

  if (f == NULL)
    return FALSE;
  ok = fread (buffer, 1, size, f) == size;
  fclose (f);
  return ok;
}

static gboolean
refuse_wal (const char *path, const char *why, GError **error)
{
  g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FOREIGN,
               "“%s-wal” beside the plan is not its journal but another database’s (%s): opening the plan "
               "would copy that database’s pages over it. The plan file was left as it is. Move “%s-wal” "
               "and “%s-shm” somewhere else, then open the plan again.",
               path, why, path, path);
  return FALSE;
}

/* A -wal file beside the plan is replayed into it on open and copied over
 * it at the next checkpoint, whatever database wrote it (a plan copied
 * where an old plan's -wal was left by a crash). Before SQLite sees it,
 * what it would make of the plan is looked at read-only: a page size of
 * its own, another application's header, or a plan smaller than the file
 * (this program never shrinks a plan) mean another database. */
static gboolean
check_wal (const char *path, GError **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 wal_header[32], db_header[100];
  guint32 magic, wal_page_size, db_page_size;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = -1, pages = -1;
  GStatBuf st;

  if (!read_head (wal, wal_header, sizeof wal_header) || !read_head (path, db_header, sizeof db_header) ||
      g_stat (path, &st) != 0)
    return TRUE; /* no journal, or a plan SQLite will judge by itself */
  magic = read_be32 (wal_header);
  if (magic != 0x377f0682 && magic != 0x377f0683)
    return TRUE; /* SQLite ignores a journal without its header */
  wal_page_size = read_be32 (wal_header + 8);
  db_page_size = (guint32) db_header[16] << 8 | db_header[17];
  if (db_page_size == 1)
    db_page_size = 65536;
  if (wal_page_size != db_page_size)
    return refuse_wal (path, "its pages have another size", error);

  /* Failing to tell (busy, unreadable) is left to the open that follows. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, 5000) == SQLITE_OK &&
      sqlite3_prepare_v2 (db,
                          "SELECT (SELECT application_id FROM pragma_application_id), "
                          "(SELECT page_count FROM pragma_page_count)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int64 (stmt, 0);
      pages = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (read_be32 (db_header + 68) == RP_STORE_APPLICATION_ID && app_id >= 0 &&
      app_id != RP_STORE_APPLICATION_ID)
    return refuse_wal (path, "it is not a Release Planner plan", error);
  if (pages >= 0 && pages * (gint64) db_page_size < st.st_size)
    return refuse_wal (path, "it would make the plan smaller than the file is", error);
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

  if (existed && !check_wal (path, error))
    return NULL;
  /* Refused before SQLite opens it: reading a plan in WAL mode would
   * leave a -wal and a -shm beside the file that was refused. */
  if (existed && g_access (path, W_OK) != 0 && (errno == EACCES || errno == EROFS))
    {
      refuse_read_only (path, error);
      return NULL;
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
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_existing (self, version, &current, error))
    return NULL;

  if (!_rp_store_exec (self, "PRAGMA foreign_keys = ON", "open the database", error) ||
      !set_wal (self, error) ||
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

  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, NULL);
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
 * rp_store_open_existing:
 * @path: the database file
 *
 * Like rp_store_open(), for what only reads: a missing file is
 * RP_STORE_ERROR_NOT_FOUND and an empty one RP_STORE_ERROR_NOT_A_DATABASE,
 * instead of a new plan made there.
 *
 * Returns: (transfer full) (nullable): the store, at the current schema
 */
RpStore *
rp_store_open_existing (const char *path, GError **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_path (path, error))
    return NULL;
  if (g_stat (path, &st) != 0 && errno == ENOENT)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, "There is no plan database at “%s”.",
                   path);
      return NULL;
    }
  if (S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE,
                   "“%s” is an empty file, not a plan database. It was left as it is.", path);
      return NULL;
    }
  return rp_store_open (path, error);
}

/**
 * rp_store_open:
 * @path: the database file; created when missing (or empty)
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
