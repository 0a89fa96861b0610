/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/statvfs.h>

#include "rp-entity.h"
#include "rp-store-private.h"

G_DEFINE_FINAL_TYPE (RpStore, rp_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  ROWS_CHANGED,
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* The quark's name as it is spelled, not as clang-format would space it. */
/* clang-format off */
G_DEFINE_QUARK (rp-store-error-quark, rp_store_error)
/* clang-format on */

static void
rp_store_finalize (GObject *object)
{
  RpStore *self = RP_STORE (object);

  if (self->depth > 0 && self->db != NULL)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  for (guint i = 0; i < RP_N_ENTITIES; i++)
    {
      g_free (self->select_sql[i]);
      g_free (self->exists_sql[i]);
    }
  _rp_store_undo_clear (self);
  g_clear_pointer (&self->pending, rp_store_changes_unref);
  g_clear_error (&self->read_error);
  _rp_store_deps_clear (self);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (rp_store_parent_class)->finalize (object);
}

static void
rp_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpStore *self = RP_STORE (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rp_store_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, rp_store_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_store_class_init (RpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_store_finalize;
  object_class->get_property = rp_store_get_property;

  properties[PROP_CAN_UNDO] =
      g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
      g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpStore::rows-changed:
   * @changes: every row the commit touched, or "everything"
   */
  signals[ROWS_CHANGED] =
      g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, RP_TYPE_STORE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * RpStore::changed:
   * @entity: the kind of row, or RP_N_ENTITIES for "anything"
   * @id: (nullable): the row, or NULL for "reload everything"
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
rp_store_init (RpStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/* Errors */

/* Whether the disk that holds @path has no room left (for this user). */
static gboolean
disk_is_full (const char *path)
{
  g_autofree char *dir = path ? g_path_get_dirname (path) : NULL;
  struct statvfs fs;

  if (dir == NULL || statvfs (dir, &fs) != 0)
    return FALSE;
  return (guint64) fs.f_bavail * fs.f_frsize < 64 * 1024;
}

gboolean
_rp_store_set_sqlite_error (RpStore *self, GError **error, const char *what)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *detail = sqlite3_errmsg (self->db);

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
                   "Could not %s: the disk is full. Nothing was changed.", what);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY,
                   "Could not %s: “%s” cannot be written (%s).", what, self->path, detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE,
                   "“%s” is not a Release Planner database: it is not an SQLite file.", self->path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_DAMAGED,
                   "Could not %s: the database “%s” is damaged (%s). What was read from it cannot be "
                   "trusted; restore it from a backup (“sqlite3 FILE .recover” may save what is left).",
                   what, self->path, detail);
      break;
    case SQLITE_IOERR:
      /* SQLite reports a full disk as an I/O error where it grows a file
       * in place (the -shm, the file itself at open). */
      if (code == SQLITE_IOERR_READ || code == SQLITE_IOERR_SHORT_READ || code == SQLITE_IOERR_CORRUPTFS)
        g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_DAMAGED,
                     "Could not %s: the database “%s” cannot be read from its disk (%s): the disk or the "
                     "file is damaged.",
                     what, self->path, detail);
      else if (disk_is_full (self->path))
        g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
                     "Could not %s: the disk is full. Nothing was changed.", what);
      else
        g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
                     "Could not %s: writing “%s” to its disk failed (%s). Nothing was changed.", what,
                     self->path, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   "Could not %s: the data breaks a rule of the database (%s).", what, detail);
      break;
    default:
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED, "Could not %s: %s.", what, detail);
      break;
    }
  return FALSE;
}

/* A reader that cannot return an error: keep the first failure for
 * rp_store_check_reads(), and fail the open group, which must not commit
 * what it decided on a partial read. Takes @error. */
void
_rp_store_note_read_failure (RpStore *self, GError *error)
{
  if (self->depth > 0)
    self->group_failed = TRUE;
  if (self->read_error == NULL)
    self->read_error = error;
  else
    g_error_free (error);
}

static void
note_sqlite_read_failure (RpStore *self)
{
  GError *error = NULL;

  _rp_store_set_sqlite_error (self, &error, "read the database");
  _rp_store_note_read_failure (self, error);
}

/**
 * rp_store_check_reads:
 *
 * Returns: FALSE, with the first failure of rp_store_list(),
 * rp_store_count() or rp_store_get_setting() since the last call (then
 * what they returned is incomplete); TRUE when they all worked
 */
gboolean
rp_store_check_reads (RpStore *self, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (self->read_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&self->read_error));
  return FALSE;
}

/* Statements */

static sqlite3_stmt *
get_statement (RpStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _rp_store_set_sqlite_error (self, error, "read the database");
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_rp_store_exec (RpStore *self, const char *sql, const char *what, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _rp_store_set_sqlite_error (self, error, what);
  return TRUE;
}

/* The text of column @i (NULL for SQL NULL), never invalid UTF-8: *@tmp
 * holds a repaired copy when it had to be. */
const char *
_rp_store_column_text (sqlite3_stmt *stmt, int i, char **tmp)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  /* The file may have been written by something else: never hand
   * invalid UTF-8 to GVariant. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = *tmp = g_utf8_make_valid (text, -1);
  return text;
}

static RpRecord *
record_from_row (RpEntity entity, sqlite3_stmt *stmt)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autofree char *id_tmp = NULL;
  RpRecord *record = rp_record_new_with_id (entity, _rp_store_column_text (stmt, 0, &id_tmp));

  rp_record_set_position (record, sqlite3_column_int64 (stmt, 1));
  for (guint i = 0; i < info->n_columns; i++)
    {
      int col = i + 2;
      GVariant *value = NULL;
      g_autofree char *tmp = NULL;

      if (sqlite3_column_type (stmt, col) != SQLITE_NULL)
        {
          switch (info->columns[i].type)
            {
            case RP_COLUMN_INT:
              value = g_variant_new_int64 (sqlite3_column_int64 (stmt, col));
              break;
            case RP_COLUMN_BOOL:
              value = g_variant_new_boolean (sqlite3_column_int64 (stmt, col) != 0);
              break;
            default:
              value = g_variant_new_string (_rp_store_column_text (stmt, col, &tmp));
              break;
            }
        }
      rp_record_set_value_at (record, i, value);
    }
  return record;
}

/* A row of a query that selects id, position and every column in order. */
RpRecord *
_rp_store_record_from_row (RpEntity entity, sqlite3_stmt *stmt)
{
  return record_from_row (entity, stmt);
}

static const char *
select_sql (RpStore *self, RpEntity entity)
{
  if (self->select_sql[entity] == NULL)
    {
      const RpEntityInfo *info = rp_entity_get_info (entity);
      GString *sql = g_string_new ("SELECT id, position");

      for (guint i = 0; i < info->n_columns; i++)
        g_string_append_printf (sql, ", %s", info->columns[i].name);
      g_string_append_printf (sql, " FROM %s", info->name);
      self->select_sql[entity] = g_string_free (sql, FALSE);
    }
  return self->select_sql[entity];
}

static int
bind_value (sqlite3_stmt *stmt, int index, GVariant *value)
{
  if (value == NULL)
    return sqlite3_bind_null (stmt, index);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return sqlite3_bind_int64 (stmt, index, g_variant_get_boolean (value));
  return sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
}

/* Binding fails only when SQLite runs out of memory or a value is over
 * its limits; then the statement must not run with a parameter missing. */
static gboolean
bind_text (RpStore *self, sqlite3_stmt *stmt, int index, const char *text, GError **error)
{
  if (sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT) != SQLITE_OK)
    return _rp_store_set_sqlite_error (self, error, "prepare a query");
  return TRUE;
}

gboolean
_rp_store_query_int (RpStore *self, const char *sql, gint64 *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return _rp_store_set_sqlite_error (self, error, "read the database");
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _rp_store_set_sqlite_error (self, error, "read the database");
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Reading */

RpRecord *
_rp_store_fetch (RpStore *self, RpEntity entity, const char *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE id = ?", select_sql (self, entity));
  sqlite3_stmt *stmt = get_statement (self, sql, error);
  RpRecord *record = NULL;
  int rc;

  if (stmt == NULL || !bind_text (self, stmt, 1, id, error))
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (entity, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, "There is no %s with the id “%s”.",
                 rp_entity_get_info (entity)->label, id);
  else
    _rp_store_set_sqlite_error (self, error, "read the database");
  sqlite3_reset (stmt);
  return record;
}

/* Whether the row is there, without reading it: what checking a
 * reference or an id costs on every row an import writes. */
static gboolean
row_exists (RpStore *self, RpEntity entity, const char *id, gboolean *exists, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->exists_sql[entity] == NULL)
    self->exists_sql[entity] =
        g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", rp_entity_get_info (entity)->name);
  stmt = get_statement (self, self->exists_sql[entity], error);
  if (stmt == NULL || !bind_text (self, stmt, 1, id, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _rp_store_set_sqlite_error (self, error, "read the database");
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * rp_store_get:
 *
 * Returns: (transfer full) (nullable): the row, or NULL with
 * RP_STORE_ERROR_NOT_FOUND
 */
RpRecord *
rp_store_get (RpStore *self, RpEntity entity, const char *id, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (entity < RP_N_ENTITIES, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return _rp_store_fetch (self, entity, id, error);
}

static GPtrArray *
list_by (RpStore *self, RpEntity entity, const char *column, const char *value)
{
  g_autofree char *sql = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  g_autoptr (GError) error = NULL;
  int rc;

  if (column != NULL)
    sql = g_strdup_printf ("%s WHERE %s IS ? ORDER BY position, rowid", select_sql (self, entity), column);
  else
    sql = g_strdup_printf ("%s ORDER BY position, rowid", select_sql (self, entity));

  stmt = get_statement (self, sql, &error);
  if (stmt == NULL || (column != NULL && !bind_text (self, stmt, 1, value, &error)))
    {
      _rp_store_note_read_failure (self, g_steal_pointer (&error));
      return records;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (entity, stmt));
  /* A damaged page or an I/O error ends the loop as the last row would:
   * what was read is not the whole list. */
  if (rc != SQLITE_DONE)
    note_sqlite_read_failure (self);
  sqlite3_reset (stmt);
  return records;
}

/**
 * rp_store_list:
 * @parent_id: (nullable): the parent row for child entities; NULL lists
 *   every row of @entity
 *
 * Returns: (transfer container) (element-type RpRecord): rows in stored order
 */
GPtrArray *
rp_store_list (RpStore *self, RpEntity entity, const char *parent_id)
{
  const RpEntityInfo *info;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (entity < RP_N_ENTITIES, NULL);

  info = rp_entity_get_info (entity);
  if (info->parent_column < 0 || parent_id == NULL)
    return list_by (self, entity, NULL, NULL);
  return list_by (self, entity, info->columns[info->parent_column].name, parent_id);
}

/**
 * rp_store_list_where:
 * @value: (nullable): NULL matches SQL NULL
 *
 * Returns: (transfer container) (element-type RpRecord): the rows whose
 *   @column equals @value, in stored order
 */
GPtrArray *
rp_store_list_where (RpStore *self, RpEntity entity, const char *column, const char *value)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (entity < RP_N_ENTITIES, NULL);
  g_return_val_if_fail (rp_entity_find_column (entity, column) >= 0, NULL);
  return list_by (self, entity, column, value);
}

guint
rp_store_count (RpStore *self, RpEntity entity)
{
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  gint64 n = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);
  g_return_val_if_fail (entity < RP_N_ENTITIES, 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", rp_entity_get_info (entity)->name);
  if (!_rp_store_query_int (self, sql, &n, &error))
    _rp_store_note_read_failure (self, g_steal_pointer (&error));
  return n;
}

/**
 * rp_store_find_release:
 * @name_version_or_id: what a person typed: an id, a name or a version
 *
 * Returns: (transfer full) (nullable): the one release it names; NOT_FOUND
 * or AMBIGUOUS (listing the candidates) otherwise
 */
RpRecord *
rp_store_find_release (RpStore *self, const char *name_version_or_id, GError **error)
{
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  const char *const columns[] = { "name", "version" };

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (name_version_or_id != NULL, NULL);

  releases = rp_store_list (self, RP_ENTITY_RELEASE, NULL);
  for (guint i = 0; i < releases->len; i++)
    if (g_strcmp0 (rp_record_get_id (releases->pdata[i]), name_version_or_id) == 0)
      return g_object_ref (releases->pdata[i]);

  for (guint c = 0; c < G_N_ELEMENTS (columns) && matches->len == 0; c++)
    for (guint i = 0; i < releases->len; i++)
      {
        const char *value = rp_record_get_string (releases->pdata[i], columns[c]);
        g_autofree char *a = value ? g_utf8_casefold (value, -1) : NULL;
        g_autofree char *b = g_utf8_casefold (name_version_or_id, -1);

        if (a != NULL && strcmp (a, b) == 0)
          g_ptr_array_add (matches, releases->pdata[i]);
      }

  if (matches->len == 1)
    return g_object_ref (matches->pdata[0]);
  if (matches->len == 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                   "No release has the name, version or id “%s”.", name_version_or_id);
      return NULL;
    }
  {
    GString *list = g_string_new (NULL);

    for (guint i = 0; i < matches->len; i++)
      {
        const char *version = rp_record_get_string (matches->pdata[i], "version");
        g_string_append_printf (list, "\n  %s %s (%s)", rp_record_get_string (matches->pdata[i], "name"),
                                version ? version : "", rp_record_get_id (matches->pdata[i]));
      }
    g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS, "“%s” matches %u releases; use the id:%s",
                 name_version_or_id, matches->len, list->str);
    g_string_free (list, TRUE);
  }
  return NULL;
}

/* Runs a write whose parameters are bound (@bind_rc: how binding went; a
 * statement is never run with a parameter missing) and readies the
 * statement for its next use: FALSE with @error saying it could not
 * @what_format… when binding or the step failed. */
static gboolean G_GNUC_PRINTF (5, 6)
    step_write (RpStore *self, sqlite3_stmt *stmt, int bind_rc, GError **error, const char *what_format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (bind_rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  va_start (args, what_format);
  what = g_strdup_vprintf (what_format, args);
  va_end (args);
  return _rp_store_set_sqlite_error (self, error, what);
}

/* Writing: the raw operations, which neither validate nor record */

gboolean
_rp_store_raw_insert (RpStore *self, RpRecord *record, GError **error)
{
  RpEntity entity = rp_record_get_entity (record);
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_string_printf (sql, "INSERT INTO %s (id, position", info->name);
  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, ", %s", info->columns[i].name);
  g_string_append (sql, ") VALUES (?, ?");
  for (guint i = 0; i < info->n_columns; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  stmt = get_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_bind_text (stmt, 1, rp_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 2, rp_record_get_position (record));
  for (guint i = 0; rc == SQLITE_OK && i < info->n_columns; i++)
    rc = bind_value (stmt, i + 3, rp_record_get_value_at (record, i));
  return step_write (self, stmt, rc, error, "add the %s", info->label);
}

gboolean
_rp_store_raw_update (RpStore *self, RpRecord *record, GError **error)
{
  RpEntity entity = rp_record_get_entity (record);
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_string_printf (sql, "UPDATE %s SET position = ?", info->name);
  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, ", %s = ?", info->columns[i].name);
  g_string_append_printf (sql, " WHERE id = ?%u", info->n_columns + 2);

  stmt = get_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_bind_int64 (stmt, 1, rp_record_get_position (record));
  for (guint i = 0; rc == SQLITE_OK && i < info->n_columns; i++)
    rc = bind_value (stmt, i + 2, rp_record_get_value_at (record, i));
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, info->n_columns + 2, rp_record_get_id (record), -1, SQLITE_TRANSIENT);
  return step_write (self, stmt, rc, error, "change the %s", info->label);
}

gboolean
_rp_store_raw_delete (RpStore *self, RpEntity entity, const char *id, GError **error)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->name);
  sqlite3_stmt *stmt = get_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (!bind_text (self, stmt, 1, id, error))
    return FALSE;
  return step_write (self, stmt, SQLITE_OK, error, "delete the %s", info->label);
}

gboolean
_rp_store_raw_set_setting (RpStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    stmt = get_statement (self, "DELETE FROM setting WHERE key = ?", error);
  else
    stmt = get_statement (self,
                          "INSERT INTO setting (key, value) VALUES (?, ?) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          error);
  if (stmt == NULL)
    return FALSE;
  if (!bind_text (self, stmt, 1, key, error) || (value != NULL && !bind_text (self, stmt, 2, value, error)))
    return FALSE;
  return step_write (self, stmt, SQLITE_OK, error, "save the preference");
}

gboolean
_rp_store_read_setting (RpStore *self, const char *key, char **value, GError **error)
{
  sqlite3_stmt *stmt = get_statement (self, "SELECT value FROM setting WHERE key = ?", error);
  int rc;

  *value = NULL;
  if (stmt == NULL || !bind_text (self, stmt, 1, key, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _rp_store_set_sqlite_error (self, error, "read the database");
  return TRUE;
}

gboolean
_rp_store_find_referring (RpStore *self, RpEntity entity, const char *id, RpRecord **referring,
                          GError **error)
{
  *referring = NULL;
  for (RpEntity e = 0; e < RP_N_ENTITIES && *referring == NULL; e++)
    {
      const RpEntityInfo *info = rp_entity_get_info (e);

      for (guint i = 0; i < info->n_columns && *referring == NULL; i++)
        {
          const RpColumn *c = &info->columns[i];
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt;
          int rc;

          if (c->type != RP_COLUMN_REF || c->ref != entity)
            continue;
          sql = g_strdup_printf ("%s WHERE %s = ? LIMIT 1", select_sql (self, e), c->name);
          stmt = get_statement (self, sql, error);
          if (stmt == NULL || !bind_text (self, stmt, 1, id, error))
            return FALSE;
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            *referring = record_from_row (e, stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return _rp_store_set_sqlite_error (self, error, "read the database");
        }
    }
  return TRUE;
}

/* Groups */

static RpStoreChanges *
pending (RpStore *self)
{
  if (self->pending == NULL)
    self->pending = _rp_store_changes_new (FALSE);
  return self->pending;
}

void
_rp_store_queue_row (RpStore *self, RpRecord *before, RpRecord *after)
{
  _rp_store_changes_add_row (pending (self), before, after);
  _rp_store_deps_update (self, before, after);
}

void
_rp_store_queue_setting (RpStore *self)
{
  _rp_store_changes_add_setting (pending (self));
}

void
_rp_store_drop_pending (RpStore *self)
{
  g_clear_pointer (&self->pending, rp_store_changes_unref);
}

/* First the whole commit to those that follow the store, so that they
 * are current when the ::changed handlers run. A handler may write
 * again: that starts a pending set of its own. */
static void
emit_changes (RpStore *self, RpStoreChanges *changes)
{
  _rp_store_changes_freeze (changes);
  g_signal_emit (self, signals[ROWS_CHANGED], 0, changes);
  if (rp_store_changes_is_everything (changes))
    g_signal_emit (self, signals[CHANGED], 0, (int) RP_N_ENTITIES, NULL);
  for (guint i = 0; i < rp_store_changes_get_n_rows (changes); i++)
    {
      const RpRowChange *row = rp_store_changes_get_row (changes, i);

      g_signal_emit (self, signals[CHANGED], 0, (int) row->entity, row->id);
    }
}

void
_rp_store_emit_pending (RpStore *self)
{
  g_autoptr (RpStoreChanges) changes = g_steal_pointer (&self->pending);

  if (changes != NULL)
    emit_changes (self, changes);
}

void
_rp_store_notify_undo_state (RpStore *self, gboolean could_undo, gboolean could_redo)
{
  if (could_undo != rp_store_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != rp_store_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/**
 * rp_store_begin:
 * @label: (nullable): what the group does, for the Undo button ("Import plan")
 *
 * Starts a group of writes: one transaction, one undo step. Groups nest;
 * only the outermost commits. Every rp_store_begin() is paired with
 * rp_store_commit() or rp_store_rollback().
 */
gboolean
rp_store_begin (RpStore *self, const char *label, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!_rp_store_exec (self, "BEGIN IMMEDIATE", "start saving", error))
        return FALSE;
      self->group_failed = FALSE;
      _rp_store_deps_clear (self);
    }
  _rp_store_step_begin (self, label);
  self->depth++;
  return TRUE;
}

static void
rollback_all (RpStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  _rp_store_step_drop (self);
  _rp_store_drop_pending (self);
  _rp_store_deps_clear (self);
  self->group_failed = FALSE;
  self->depth = 0;
}

/**
 * rp_store_rollback:
 *
 * Gives up the group: nothing of it is written. Inside a nested group the
 * whole outer group fails when it commits.
 */
void
rp_store_rollback (RpStore *self)
{
  g_return_if_fail (RP_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    {
      self->depth--;
      self->group_failed = TRUE;
      return;
    }
  rollback_all (self);
}

gboolean
rp_store_commit (RpStore *self, GError **error)
{
  gboolean could_undo, could_redo;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      self->depth--;
      return TRUE;
    }
  if (self->group_failed)
    {
      rollback_all (self);
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
                   "A part of the change failed, so none of it was saved.");
      return FALSE;
    }
  if (!_rp_store_exec (self, "COMMIT", "save", error))
    {
      rollback_all (self);
      return FALSE;
    }
  self->depth = 0;
  _rp_store_deps_clear (self);

  could_undo = rp_store_can_undo (self);
  could_redo = rp_store_can_redo (self);
  _rp_store_step_push (self);
  _rp_store_query_int (self, "PRAGMA data_version", &self->data_version, NULL);

  _rp_store_emit_pending (self);
  _rp_store_notify_undo_state (self, could_undo, could_redo);
  return TRUE;
}

/* Runs one write in a group of its own unless a group is open. */
static gboolean
begin_implicit (RpStore *self, const char *verb, RpEntity entity, GError **error)
{
  g_autofree char *label = NULL;

  if (self->depth == 0)
    label = g_strdup_printf ("%s %s", verb, rp_entity_get_info (entity)->label);
  return rp_store_begin (self, label, error);
}

static gboolean
end_implicit (RpStore *self, gboolean ok, GError **error)
{
  if (!ok)
    {
      rp_store_rollback (self);
      return FALSE;
    }
  return rp_store_commit (self, error);
}

/* Writing: checked and recorded */

static gboolean
check_references (RpStore *self, RpRecord *record, GError **error)
{
  const RpEntityInfo *info = rp_entity_get_info (rp_record_get_entity (record));

  for (guint i = 0; i < info->n_columns; i++)
    {
      const RpColumn *c = &info->columns[i];
      GVariant *value = rp_record_get_value_at (record, i);
      gboolean exists = FALSE;

      if (c->type != RP_COLUMN_REF || value == NULL)
        continue;
      if (!row_exists (self, c->ref, g_variant_get_string (value, NULL), &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                       "%s %s: There is no %s with the id “%s”.", info->label, c->name,
                       rp_entity_get_info (c->ref)->label, g_variant_get_string (value, NULL));
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
next_position (RpStore *self, RpRecord *record)
{
  const RpEntityInfo *info = rp_entity_get_info (rp_record_get_entity (record));
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 position = 0;

  if (info->parent_column >= 0)
    sql = g_strdup_printf ("SELECT COALESCE(MAX(position) + 1, 0) FROM %s WHERE %s = ?", info->name,
                           info->columns[info->parent_column].name);
  else
    sql = g_strdup_printf ("SELECT COALESCE(MAX(position) + 1, 0) FROM %s", info->name);
  /* A failure fails the group (see _rp_store_note_read_failure). */
  stmt = get_statement (self, sql, &error);
  if (stmt == NULL ||
      (info->parent_column >= 0 && !bind_text (self, stmt, 1, rp_record_get_parent_id (record), &error)))
    {
      _rp_store_note_read_failure (self, g_steal_pointer (&error));
      return 0;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  else
    note_sqlite_read_failure (self);
  sqlite3_reset (stmt);
  return position;
}

static void
stamp (RpRecord *record, gboolean created)
{
  g_autofree char *now = NULL;

  if (rp_record_get_entity (record) != RP_ENTITY_RELEASE)
    return;
  now = rp_timestamp_now ();
  if (created && rp_record_is_null (record, "created_at"))
    rp_record_set_string (record, "created_at", now);
  rp_record_set_string (record, "updated_at", now);
}

static gboolean
do_insert (RpStore *self, RpRecord *record, GError **error)
{
  g_autoptr (RpRecord) row = rp_record_copy (record);
  gboolean exists = FALSE;

  if (!rp_record_validate (row, error) || !check_references (self, row, error) ||
      (rp_record_get_entity (row) == RP_ENTITY_DEPENDENCY && !_rp_store_check_no_cycle (self, row, error)))
    return FALSE;
  if (!row_exists (self, rp_record_get_entity (row), rp_record_get_id (row), &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID, "A %s with the id “%s” exists already.",
                   rp_entity_get_info (rp_record_get_entity (row))->label, rp_record_get_id (row));
      return FALSE;
    }
  if (rp_record_get_position (row) < 0)
    rp_record_set_position (row, next_position (self, row));
  stamp (row, TRUE);
  if (!_rp_store_raw_insert (self, row, error))
    return FALSE;
  rp_record_set_position (record, rp_record_get_position (row));
  _rp_store_step_record (self, NULL, row);
  return TRUE;
}

static gboolean
do_update (RpStore *self, RpRecord *before, RpRecord *record, GError **error)
{
  g_autoptr (RpRecord) row = rp_record_copy (record);

  if (rp_record_get_position (row) < 0)
    rp_record_set_position (row, rp_record_get_position (before));
  /* updated_at is not something a caller sets: compare without it. */
  if (rp_record_get_entity (row) == RP_ENTITY_RELEASE)
    {
      rp_record_set_value (row, "created_at", rp_record_get_value (before, "created_at"));
      rp_record_set_value (row, "updated_at", rp_record_get_value (before, "updated_at"));
    }
  if (rp_record_equal (before, row))
    return TRUE;
  if (!rp_record_validate (row, error) || !check_references (self, row, error) ||
      (rp_record_get_entity (row) == RP_ENTITY_DEPENDENCY && !_rp_store_check_no_cycle (self, row, error)))
    return FALSE;
  stamp (row, FALSE);
  if (!_rp_store_raw_update (self, row, error))
    return FALSE;
  _rp_store_step_record (self, before, row);
  return TRUE;
}

/**
 * rp_store_insert:
 * @record: a new row; its position is set if it was -1 (append)
 *
 * Checks @record against the data model and saves it.
 */
gboolean
rp_store_insert (RpStore *self, RpRecord *record, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_RECORD (record), FALSE);

  if (!begin_implicit (self, "Add", rp_record_get_entity (record), error))
    return FALSE;
  return end_implicit (self, do_insert (self, record, error), error);
}

/**
 * rp_store_update:
 * @record: the row with its new values; position -1 keeps the old one
 *
 * Saves every column of @record. Saving what is there already changes
 * nothing and records no undo step.
 */
gboolean
rp_store_update (RpStore *self, RpRecord *record, GError **error)
{
  g_autoptr (RpRecord) before = NULL;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_RECORD (record), FALSE);

  if (!begin_implicit (self, "Change", rp_record_get_entity (record), error))
    return FALSE;
  before = _rp_store_fetch (self, rp_record_get_entity (record), rp_record_get_id (record), error);
  ok = before != NULL && do_update (self, before, record, error);
  return end_implicit (self, ok, error);
}

/**
 * rp_store_update_columns:
 * @record: a copy of the row with the new values of @columns
 * @columns: (array zero-terminated=1): the columns the person changed
 *
 * Saves only @columns of @record. The row is read again inside the
 * transaction, so whatever another process changed in its other columns
 * since @record was read is kept, not written back as it was.
 */
gboolean
rp_store_update_columns (RpStore *self, RpRecord *record, const char *const *columns, GError **error)
{
  RpEntity entity;
  g_autoptr (RpRecord) before = NULL;
  g_autoptr (RpRecord) row = NULL;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_RECORD (record), FALSE);
  g_return_val_if_fail (columns != NULL, FALSE);

  entity = rp_record_get_entity (record);
  for (guint i = 0; columns[i]; i++)
    g_return_val_if_fail (rp_entity_find_column (entity, columns[i]) >= 0, FALSE);

  if (!begin_implicit (self, "Change", entity, error))
    return FALSE;
  before = _rp_store_fetch (self, entity, rp_record_get_id (record), error);
  if (before != NULL)
    {
      row = rp_record_copy (before);
      for (guint i = 0; columns[i]; i++)
        rp_record_set_value (row, columns[i], rp_record_get_value (record, columns[i]));
    }
  ok = before != NULL && do_update (self, before, row, error);
  return end_implicit (self, ok, error);
}

char *
_rp_store_describe_row (RpRecord *record)
{
  const RpEntityInfo *info = rp_entity_get_info (rp_record_get_entity (record));

  for (guint i = 0; i < info->n_columns; i++)
    if (info->columns[i].flags & RP_COLUMN_NONEMPTY)
      return g_strdup_printf ("%s “%s”", info->label, rp_record_get_string (record, info->columns[i].name));
  return g_strdup (info->label);
}

static gboolean
do_delete (RpStore *self, RpRecord *row, GError **error)
{
  RpEntity entity = rp_record_get_entity (row);
  const char *id = rp_record_get_id (row);

  /* Whatever refers to this row: children go with it, references are
   * cleared or refuse the delete. Done here rather than by SQLite's own
   * cascades so that the undo step holds every row that changed. */
  for (RpEntity e = 0; e < RP_N_ENTITIES; e++)
    {
      const RpEntityInfo *info = rp_entity_get_info (e);

      for (guint i = 0; i < info->n_columns; i++)
        {
          const RpColumn *c = &info->columns[i];
          g_autoptr (GPtrArray) referring = NULL;

          if (c->type != RP_COLUMN_REF || c->ref != entity)
            continue;
          referring = list_by (self, e, c->name, id);
          if (referring->len == 0)
            continue;

          switch (c->on_delete)
            {
            case RP_ON_DELETE_RESTRICT:
              {
                g_autofree char *what = _rp_store_describe_row (row);
                g_autofree char *user = _rp_store_describe_row (referring->pdata[0]);
                g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_IN_USE,
                             "The %s is still in use: %u %s (the first is the %s). "
                             "Reassign or remove those first.",
                             what, referring->len, info->label, user);
                return FALSE;
              }
            case RP_ON_DELETE_CASCADE:
              for (guint r = 0; r < referring->len; r++)
                if (!do_delete (self, referring->pdata[r], error))
                  return FALSE;
              break;
            case RP_ON_DELETE_SET_NULL:
              for (guint r = 0; r < referring->len; r++)
                {
                  g_autoptr (RpRecord) cleared = rp_record_copy (referring->pdata[r]);
                  rp_record_set_null (cleared, c->name);
                  if (!_rp_store_raw_update (self, cleared, error))
                    return FALSE;
                  _rp_store_step_record (self, referring->pdata[r], cleared);
                }
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  if (!_rp_store_raw_delete (self, entity, id, error))
    return FALSE;
  _rp_store_step_record (self, row, NULL);
  return TRUE;
}

/**
 * rp_store_delete:
 *
 * Deletes the row with everything it contains (a release with its scope,
 * risks, checklist…), as one undo step. Refused with RP_STORE_ERROR_IN_USE
 * while other rows refer to it (a person who owns something).
 */
gboolean
rp_store_delete (RpStore *self, RpEntity entity, const char *id, GError **error)
{
  g_autoptr (RpRecord) row = NULL;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity < RP_N_ENTITIES, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!begin_implicit (self, "Delete", entity, error))
    return FALSE;
  row = _rp_store_fetch (self, entity, id, error);
  ok = row != NULL && do_delete (self, row, error);
  return end_implicit (self, ok, error);
}

/**
 * rp_store_move:
 * @position: the new index among its siblings (clamped to the last)
 *
 * Reorders a row among its siblings (the sections of a checklist, the items
 * of a section, the releases).
 */
gboolean
rp_store_move (RpStore *self, RpEntity entity, const char *id, guint position, GError **error)
{
  g_autoptr (RpRecord) row = NULL;
  g_autoptr (GPtrArray) siblings = NULL;
  gboolean ok = TRUE;
  guint from = G_MAXUINT;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity < RP_N_ENTITIES, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!begin_implicit (self, "Move", entity, error))
    return FALSE;
  row = _rp_store_fetch (self, entity, id, error);
  if (row == NULL)
    return end_implicit (self, FALSE, error);

  siblings = rp_store_list (self, entity, rp_record_get_parent_id (row));
  for (guint i = 0; i < siblings->len; i++)
    if (g_strcmp0 (rp_record_get_id (siblings->pdata[i]), id) == 0)
      from = i;
  g_assert (from != G_MAXUINT);
  position = MIN (position, siblings->len - 1);
  {
    gpointer moving = g_ptr_array_steal_index (siblings, from);
    g_ptr_array_insert (siblings, position, moving);
  }
  for (guint i = 0; ok && i < siblings->len; i++)
    {
      RpRecord *sibling = siblings->pdata[i];

      if (rp_record_get_position (sibling) != (gint64) i)
        {
          g_autoptr (RpRecord) moved = rp_record_copy (sibling);
          rp_record_set_position (moved, i);
          ok = do_update (self, sibling, moved, error);
        }
    }
  return end_implicit (self, ok, error);
}

/* Settings */

/**
 * rp_store_get_setting:
 *
 * Returns: (transfer full) (nullable): the value, NULL when never set
 */
char *
rp_store_get_setting (RpStore *self, const char *key)
{
  g_autoptr (GError) error = NULL;
  char *value = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!_rp_store_read_setting (self, key, &value, &error))
    _rp_store_note_read_failure (self, g_steal_pointer (&error));
  return value;
}

static const char *const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };

static gboolean
check_setting (const char *key, const char *value, GError **error)
{
  if (g_strcmp0 (key, "deploy_days") == 0 && value != NULL)
    {
      g_auto (GStrv) days = g_strsplit (value, ",", -1);

      for (guint i = 0; days[i]; i++)
        if (!rp_strv_contains_static (weekdays, days[i]) ||
            g_strv_contains ((const char *const *) days + i + 1, days[i]))
          {
            g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                         "deploy_days: “%s” is not a weekday (mon, tue, wed, thu, fri, sat, sun) "
                         "or is listed twice",
                         days[i]);
            return FALSE;
          }
    }
  return TRUE;
}

/**
 * rp_store_set_setting:
 * @value: (nullable): NULL forgets the setting (back to its default)
 *
 * Saves a preference that belongs with the plan; undoable like any edit.
 */
gboolean
rp_store_set_setting (RpStore *self, const char *key, const char *value, GError **error)
{
  g_autofree char *old = NULL;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!check_setting (key, value, error))
    return FALSE;
  old = rp_store_get_setting (self, key);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  if (!rp_store_begin (self, self->depth == 0 ? "Change preferences" : NULL, error))
    return FALSE;
  ok = _rp_store_raw_set_setting (self, key, value, error);
  if (ok)
    _rp_store_step_record_setting (self, key, old, value);
  return end_implicit (self, ok, error);
}

/**
 * rp_store_get_deploy_days:
 *
 * Returns: (transfer full): the weekdays deploys are allowed on ("mon",
 * "tue", …); Monday to Thursday unless set
 */
GStrv
rp_store_get_deploy_days (RpStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  value = rp_store_get_setting (self, "deploy_days");
  if (value == NULL)
    value = g_strdup ("mon,tue,wed,thu");
  if (*value == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (value, ",", -1);
}

/**
 * rp_store_poll_external:
 *
 * Returns: TRUE (after emitting ::rows-changed and ::changed for
 * everything) when another connection wrote to the file since the last
 * look
 */
gboolean
rp_store_poll_external (RpStore *self)
{
  g_autoptr (RpStoreChanges) everything = NULL;
  gint64 version = 0;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (self->depth > 0 || !_rp_store_query_int (self, "PRAGMA data_version", &version, NULL))
    return FALSE;
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  everything = _rp_store_changes_new (TRUE);
  emit_changes (self, everything);
  return TRUE;
}
