/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-entity.h"
#include "rp-store-private.h"

/* A walk over every row of one entity in the order of the plan: by
 * release (as the releases are ordered), then by each parent between (the
 * section of a checklist item, the scope item of a criterion), then by
 * the row's own position. One query for all the rows, one row in memory
 * at a time: an export walks one cursor per entity side by side, taking
 * from each the rows of the release it is writing. */

struct _RpStoreCursor
{
  RpEntity entity;
  sqlite3_stmt *stmt;
  gboolean has_row;       /* FALSE at the end */
  RpRecord *row;          /* the current row as a record, made when asked for */
  const char *release_id; /* its release (its own id for a release), owned by stmt */
};

static char *
cursor_sql (RpEntity entity, gboolean one_release)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autoptr (GString) sql = g_string_new ("SELECT t0.id, t0.position");
  g_autoptr (GString) tables = g_string_new (NULL);
  g_autoptr (GString) where = g_string_new (NULL);
  g_autoptr (GString) order = g_string_new (NULL);
  RpEntity at = entity;
  guint level = 0;

  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, ", t0.%s", info->columns[i].name);

  /* Up the parents to the release (or to the top, for what has none),
   * each joined outside the one below: CROSS JOIN keeps that order, so
   * that SQLite walks a release's rows through the parent indexes instead
   * of scanning every row of the table and sorting them all. */
  g_string_printf (tables, "%s t0", info->name);
  g_string_printf (order, "t0.position, t0.rowid");
  while (at != RP_ENTITY_RELEASE && rp_entity_get_info (at)->parent_column >= 0)
    {
      const RpEntityInfo *here = rp_entity_get_info (at);
      const RpColumn *parent = &here->columns[here->parent_column];
      g_autofree char *outer =
          g_strdup_printf ("%s t%u CROSS JOIN ", rp_entity_get_info (parent->ref)->name, level + 1);
      g_autofree char *outer_order = g_strdup_printf ("t%u.position, t%u.rowid, ", level + 1, level + 1);

      g_string_prepend (tables, outer);
      g_string_append_printf (where, "%st%u.%s = t%u.id", where->len ? " AND " : "", level, parent->name,
                              level + 1);
      g_string_prepend (order, outer_order);
      level++;
      at = parent->ref;
    }
  if (one_release)
    g_string_append_printf (where, "%st%u.id = ?", where->len ? " AND " : "", level);
  g_string_append_printf (sql, ", t%u.id FROM %s", level, tables->str);
  if (where->len > 0)
    g_string_append_printf (sql, " WHERE %s", where->str);
  g_string_append_printf (sql, " ORDER BY %s", order->str);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* @release_id: (nullable): only the rows of that release */
RpStoreCursor *
_rp_store_cursor_new (RpStore *self, RpEntity entity, const char *release_id, GError **error)
{
  g_autoptr (RpStoreCursor) cursor = g_new0 (RpStoreCursor, 1);
  g_autofree char *sql = cursor_sql (entity, release_id != NULL);

  cursor->entity = entity;
  if (sqlite3_prepare_v2 (self->db, sql, -1, &cursor->stmt, NULL) != SQLITE_OK)
    {
      _rp_store_set_sqlite_error (self, error, "read the database");
      return NULL;
    }
  if (release_id != NULL &&
      sqlite3_bind_text (cursor->stmt, 1, release_id, -1, SQLITE_TRANSIENT) != SQLITE_OK)
    {
      _rp_store_set_sqlite_error (self, error, "read the database");
      return NULL;
    }
  if (!_rp_store_cursor_next (self, cursor, error))
    return NULL;
  return g_steal_pointer (&cursor);
}

/* Steps to the next row; FALSE with @error when the database could not be
 * read (never a silently shorter walk). */
gboolean
_rp_store_cursor_next (RpStore *self, RpStoreCursor *cursor, GError **error)
{
  int rc;

  g_clear_object (&cursor->row);
  cursor->release_id = NULL;
  cursor->has_row = FALSE;
  rc = sqlite3_step (cursor->stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _rp_store_set_sqlite_error (self, error, "read the database");
  cursor->has_row = TRUE;
  /* Valid until the next step: the column is read as text only. */
  cursor->release_id =
      (const char *) sqlite3_column_text (cursor->stmt, rp_entity_get_info (cursor->entity)->n_columns + 2);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the statement standing on the
 * current row when that row belongs to @release_id (any release when
 * NULL): column 0 is the id, 1 the position, 2 + i the entity's column i.
 * What it returns is valid until the next _rp_store_cursor_next(); an
 * export reads the row from it without making a record of it. */
sqlite3_stmt *
_rp_store_cursor_peek (RpStoreCursor *cursor, const char *release_id)
{
  if (!cursor->has_row || (release_id != NULL && g_strcmp0 (cursor->release_id, release_id) != 0))
    return NULL;
  return cursor->stmt;
}

/* Returns: (transfer none) (nullable): the current row when it belongs to
 * @release_id (any release when NULL) */
RpRecord *
_rp_store_cursor_get (RpStoreCursor *cursor, const char *release_id)
{
  if (_rp_store_cursor_peek (cursor, release_id) == NULL)
    return NULL;
  if (cursor->row == NULL)
    cursor->row = _rp_store_record_from_row (cursor->entity, cursor->stmt);
  return cursor->row;
}

void
_rp_store_cursor_free (RpStoreCursor *cursor)
{
  g_clear_object (&cursor->row);
  sqlite3_finalize (cursor->stmt);
  g_free (cursor);
}
