/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* What the files of RpStore share: rp-store.c (statements, reading,
 * checked writes, groups, signals), rp-store-open.c (opening and
 * migrating), rp-store-undo.c (the undo and redo stacks),
 * rp-store-changes.c (what a commit changed). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct _RpStoreStep RpStoreStep;
typedef struct _RpDepGraph RpDepGraph;

struct _RpStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *backup_path;
  GHashTable *statements; /* SQL -> sqlite3_stmt, owned */
  char *select_sql[RP_N_ENTITIES];
  char *exists_sql[RP_N_ENTITIES];

  /* the group being written */
  guint depth;
  gboolean group_failed;
  RpStoreStep *current;
  RpStoreChanges *pending; /* what the group changed so far, or NULL */
  RpDepGraph *deps;        /* the release dependencies, once the group asked */

  GQueue undo; /* of RpStoreStep, newest first */
  GQueue redo;
  gsize undo_max_bytes; /* what their rows may hold together; 0: the default */

  gint64 data_version;
  GError *read_error; /* the first failure of a reader without a GError */
};

/* rp-store.c */
gboolean _rp_store_set_sqlite_error (RpStore *self, GError **error, const char *what);
void _rp_store_note_read_failure (RpStore *self, GError *error);
gboolean _rp_store_exec (RpStore *self, const char *sql, const char *what, GError **error);
gboolean _rp_store_query_int (RpStore *self, const char *sql, gint64 *out, GError **error);
RpRecord *_rp_store_fetch (RpStore *self, RpEntity entity, const char *id, GError **error);
RpRecord *_rp_store_record_from_row (RpEntity entity, sqlite3_stmt *stmt);
const char *_rp_store_column_text (sqlite3_stmt *stmt, int i, char **tmp);
char *_rp_store_describe_row (RpRecord *record);
gboolean _rp_store_raw_insert (RpStore *self, RpRecord *record, GError **error);
gboolean _rp_store_raw_update (RpStore *self, RpRecord *record, GError **error);
gboolean _rp_store_raw_delete (RpStore *self, RpEntity entity, const char *id, GError **error);
gboolean _rp_store_raw_set_setting (RpStore *self, const char *key, const char *value, GError **error);
gboolean _rp_store_read_setting (RpStore *self, const char *key, char **value, GError **error);
/* *referring: the first row whose reference (or parent) column holds @id, or NULL */
gboolean _rp_store_find_referring (RpStore *self, RpEntity entity, const char *id, RpRecord **referring,
                                   GError **error);
void _rp_store_queue_row (RpStore *self, RpRecord *before, RpRecord *after);
void _rp_store_queue_setting (RpStore *self);
void _rp_store_drop_pending (RpStore *self);
void _rp_store_emit_pending (RpStore *self);
void _rp_store_notify_undo_state (RpStore *self, gboolean could_undo, gboolean could_redo);

/* rp-store-undo.c: the step of the open group collects what each write
 * did; a commit pushes it on the undo stack. */
void _rp_store_step_begin (RpStore *self, const char *label);
void _rp_store_step_record (RpStore *self, RpRecord *before, RpRecord *after);
void _rp_store_step_record_setting (RpStore *self, const char *key, const char *old_value,
                                    const char *new_value);
void _rp_store_step_push (RpStore *self);
void _rp_store_step_drop (RpStore *self);
void _rp_store_undo_clear (RpStore *self);
/* Tests: a smaller memory budget for the undo and redo stacks. */
void _rp_store_set_undo_budget (RpStore *self, gsize bytes);

/* rp-store-deps.c: the graph of the release dependencies lives as long
 * as the outermost group that first needed it. */
gboolean _rp_store_check_no_cycle (RpStore *self, RpRecord *row, GError **error);
void _rp_store_deps_update (RpStore *self, RpRecord *before, RpRecord *after);
void _rp_store_deps_clear (RpStore *self);

/* rp-store-cursor.c: every row of an entity in the order of the plan
 * (by release, then by parent, then by position), one at a time. */
typedef struct _RpStoreCursor RpStoreCursor;
RpStoreCursor *_rp_store_cursor_new (RpStore *self, RpEntity entity, const char *release_id, GError **error);
gboolean _rp_store_cursor_next (RpStore *self, RpStoreCursor *cursor, GError **error);
RpRecord *_rp_store_cursor_get (RpStoreCursor *cursor, const char *release_id);
sqlite3_stmt *_rp_store_cursor_peek (RpStoreCursor *cursor, const char *release_id);
void _rp_store_cursor_free (RpStoreCursor *cursor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpStoreCursor, _rp_store_cursor_free)

/* rp-store-changes.c */
RpStoreChanges *_rp_store_changes_new (gboolean everything);
void _rp_store_changes_add_row (RpStoreChanges *self, RpRecord *before, RpRecord *after);
void _rp_store_changes_add_setting (RpStoreChanges *self);
void _rp_store_changes_freeze (RpStoreChanges *self);

G_END_DECLS
