/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rp-record.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_STORE_ERROR (rp_store_error_quark ())

typedef enum
{
  RP_STORE_ERROR_NOT_A_DATABASE, /* the file is not an SQLite database */
  RP_STORE_ERROR_FOREIGN,        /* a database of another application */
  RP_STORE_ERROR_TOO_NEW,        /* written by a newer Release Planner */
  RP_STORE_ERROR_READ_ONLY,      /* cannot be written */
  RP_STORE_ERROR_NOT_FOUND,      /* no row with that id */
  RP_STORE_ERROR_INVALID,        /* a value breaks a rule of the data model */
  RP_STORE_ERROR_IN_USE,         /* refused: other rows refer to this one */
  RP_STORE_ERROR_CYCLE,          /* refused: would make a dependency cycle */
  RP_STORE_ERROR_AMBIGUOUS,      /* a name or prefix matches several rows */
  RP_STORE_ERROR_FAILED,         /* SQLite failed (disk full, I/O error) */
  RP_STORE_ERROR_DAMAGED,        /* the file is corrupt or its disk cannot be read */
} RpStoreError;

/* The version of the schema this build writes; user_version in the file. */
#define RP_STORE_SCHEMA_VERSION 3
/* PRAGMA application_id: "RPln" */
#define RP_STORE_APPLICATION_ID 0x52506c6e

/* Signals:
 *  ::rows-changed (RpStoreChanges *changes): emitted once after each
 *    commit that changed something (an edit, a group such as an import,
 *    an undo or a redo) with every row it touched, and when another process
 *    wrote the file (then rp_store_changes_is_everything()). Emitted before
 *    ::changed, so that what follows the store (RpListModel) is current
 *    when ::changed handlers run.
 *  ::changed (RpEntity entity, const char *id): emitted after a write is
 *    committed (an edit, an undo, an import, or another process: then
 *    entity is RP_N_ENTITIES and id NULL, meaning "reload everything";
 *    a change of a setting also gives RP_N_ENTITIES and NULL).
 *    Inside a group it is emitted once per touched row, after the commit.
 * Properties: "can-undo", "can-redo" (notify when they change). */

/* One row that a commit touched, as it was before the commit and as it
 * is after it (a row written several times in one group appears once). */
typedef struct
{
  RpEntity entity;           /* RP_N_ENTITIES: a setting changed */
  const char *id;            /* NULL for a setting */
  const char *old_parent_id; /* nullable: its parent before (NULL if it did not exist) */
  const char *new_parent_id; /* nullable: its parent after (NULL if it does not exist) */
  gboolean existed;          /* the row was there before the commit */
  gboolean exists;           /* the row is there after it */
  gboolean moved;            /* both, but at another position or under another parent */
} RpRowChange;

typedef struct _RpStoreChanges RpStoreChanges;

#define RP_TYPE_STORE_CHANGES (rp_store_changes_get_type ())
GType rp_store_changes_get_type (void) G_GNUC_CONST;
RpStoreChanges *rp_store_changes_ref (RpStoreChanges *self);
void rp_store_changes_unref (RpStoreChanges *self);
gboolean rp_store_changes_is_everything (RpStoreChanges *self);
guint rp_store_changes_get_n_rows (RpStoreChanges *self);
const RpRowChange *rp_store_changes_get_row (RpStoreChanges *self, guint index);
gboolean rp_store_changes_touches (RpStoreChanges *self, RpEntity entity, const char *parent_id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpStoreChanges, rp_store_changes_unref)

#define RP_TYPE_STORE (rp_store_get_type ())
G_DECLARE_FINAL_TYPE (RpStore, rp_store, RP, STORE, GObject)

GQuark rp_store_error_quark (void);

char *rp_store_default_path (void);

RpStore *rp_store_open (const char *path, GError **error);
RpStore *rp_store_open_existing (const char *path, GError **error);
RpStore *rp_store_open_at_version (const char *path, guint version, GError **error);
RpStore *rp_store_open_memory (GError **error);
const char *rp_store_get_path (RpStore *self); /* NULL for a store in memory */
const char *rp_store_get_backup_path (RpStore *self);

/* Reading. Lists are in stored order (position, then insertion);
 * rp_store_list() with a NULL parent lists every row of the entity. */
RpRecord *rp_store_get (RpStore *self, RpEntity entity, const char *id, GError **error);
GPtrArray *rp_store_list (RpStore *self, RpEntity entity, const char *parent_id);
GPtrArray *rp_store_list_where (RpStore *self, RpEntity entity, const char *column, const char *value);
guint rp_store_count (RpStore *self, RpEntity entity);
RpRecord *rp_store_find_release (RpStore *self, const char *name_version_or_id, GError **error);
/* The readers above that take no GError (list, count, settings) keep the
 * first failure instead (a damaged file, an I/O error): this hands it
 * over, and a caller that must not act on a partial answer (an export)
 * asks before it trusts what it read. */
gboolean rp_store_check_reads (RpStore *self, GError **error);
/* A live list of the same rows (RpListModel, rp-list-model.h). */
GListModel *rp_store_list_model (RpStore *self, RpEntity entity, const char *parent_id);

/* Writing. Each call is one transaction unless it runs inside
 * rp_store_begin()/rp_store_commit(), which makes the whole group one
 * transaction and one undo step. A commit that fails has already rolled
 * the group back: do not call rp_store_rollback() after it. */
gboolean rp_store_insert (RpStore *self, RpRecord *record, GError **error);
gboolean rp_store_update (RpStore *self, RpRecord *record, GError **error);
gboolean rp_store_update_columns (RpStore *self, RpRecord *record, const char *const *columns,
                                  GError **error);
gboolean rp_store_delete (RpStore *self, RpEntity entity, const char *id, GError **error);
gboolean rp_store_move (RpStore *self, RpEntity entity, const char *id, guint position, GError **error);

gboolean rp_store_begin (RpStore *self, const char *label, GError **error);
gboolean rp_store_commit (RpStore *self, GError **error);
void rp_store_rollback (RpStore *self);

/* Preferences kept with the plan. */
char *rp_store_get_setting (RpStore *self, const char *key);
gboolean rp_store_set_setting (RpStore *self, const char *key, const char *value, GError **error);
GStrv rp_store_get_deploy_days (RpStore *self);

/* Undo and redo, whatever the edit was. */
gboolean rp_store_can_undo (RpStore *self);
gboolean rp_store_can_redo (RpStore *self);
const char *rp_store_get_undo_label (RpStore *self);
const char *rp_store_get_redo_label (RpStore *self);
gboolean rp_store_undo (RpStore *self, GError **error);
gboolean rp_store_redo (RpStore *self, GError **error);

/* Another process may write the same file: call this now and then (the
 * window does so on a timer) to emit ::changed when it did. */
gboolean rp_store_poll_external (RpStore *self);

G_END_DECLS
