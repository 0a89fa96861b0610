/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The plan file over five files, by job:
 *   rp-format-json.c              the keys of the file and the columns they map to
 *   rp-format-json-export.c       the deterministic emitter and the export
 *   rp-format-json-read.c         the strict reader: bytes -> RpJsonPlan, or every
 *                                 problem with its JSON path; its checking tools
 *   rp-format-json-read-plan.c    what a plan holds: settings, templates, people,
 *                                 freeze windows, releases and their children
 *   rp-format-json-import.c       the upsert writer: an RpJsonPlan into the store
 *                                 in one group; the public import functions
 * The reader writes nothing; the writer checks nothing the reader checked. */

#include <json-glib/json-glib.h>

#include "rp-entity.h"
#include "rp-format-json.h"
#include "rp-record.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* The shape of the file (rp-format-json.c) */

/* How a key of the file maps to a column. column NULL: the key is handled
 * by code of its own (nested lists, names instead of ids, JSON objects).
 * "id" is always the row's id. The order is the order of the file.
 *
 * Which keys a file must have: those marked required here (the keys
 * without a column that identify a row: id, a checklist item's section),
 * and those whose column the data model requires and gives no default
 * (a release's name, a risk's title, a freeze window's dates); see
 * _rp_format_json_key_is_required(). Every other key may be left out. */
typedef struct
{
  const char *key;
  const char *column;
  gboolean required;
} RpJsonField;

extern const RpJsonField _rp_format_json_person_fields[];
extern const RpJsonField _rp_format_json_freeze_window_fields[];
extern const RpJsonField _rp_format_json_criterion_fields[];
extern const RpJsonField _rp_format_json_checklist_section_fields[];
extern const RpJsonField _rp_format_json_checklist_item_fields[];
extern const RpJsonField _rp_format_json_timeline_fields[];
extern const RpJsonField _rp_format_json_deploy_window_fields[];
extern const RpJsonField _rp_format_json_committed_fields[];
extern const RpJsonField _rp_format_json_post_release_fields[];
extern const RpJsonField _rp_format_json_release_fields[];

/* Week order: the order deploy_days are written in, and the values allowed. */
extern const char *const _rp_format_json_weekdays[];

/* The children of a release that have ids, in the order of the file. */
typedef struct
{
  const char *key;
  RpEntity entity;
  const RpJsonField *fields;
} RpJsonReleaseList;

#define RP_JSON_N_RELEASE_LISTS 7
extern const RpJsonReleaseList _rp_format_json_release_lists[RP_JSON_N_RELEASE_LISTS];

/* ------------------------------------------------------------------ */
/* The emitter (rp-format-json-export.c) */

/* Appends @node: pretty (two spaces, "key": value, as the files are
 * written) or compact (no whitespace, as readiness snapshots are stored). */
void _rp_format_json_emit_node (GString *out, JsonNode *node, guint level, gboolean pretty);

/* ------------------------------------------------------------------ */
/* A read plan: what the reader hands the writer. Every record in it has
 * passed the checks of the data model; ids are the file's. */

/* A list that is NULL was left out of the file: what is stored stays. A
 * list that is there (empty or not) is the whole list: stored rows it does
 * not name are deleted. */

typedef struct
{
  RpRecord *record;    /* template */
  GPtrArray *sections; /* RpRecord (template_section), template_id unset; NULL: left out */
  GPtrArray *items;    /* per section: GPtrArray of char *, or NULL: left out */
} RpJsonTemplatePlan;

typedef struct
{
  RpRecord *record;                          /* release */
  GPtrArray *lists[RP_JSON_N_RELEASE_LISTS]; /* RpRecord, per _rp_format_json_release_lists; NULL: left out */
  GPtrArray *criteria;                       /* RpRecord, scope_item_id set */
  GHashTable *criteria_given;                /* ids of the scope items whose acceptance_criteria are listed */
  GPtrArray *owners;                         /* RpRecord, ids meaningless: matched by role and position */
  gboolean roles_given[RP_OWNER_ROLE_COMPONENT + 1]; /* the owners keys in the file, by RpOwnerRole */
  gboolean has_sections;                             /* the file has checklist_sections */
  GPtrArray *sections;      /* RpRecord (checklist_section): name and complete_before_deploy */
  GPtrArray *item_sections; /* char *: the section name of each checklist item */
} RpJsonReleasePlan;

typedef struct
{
  char *deploy_days;         /* "mon,tue,…"; NULL: not in the file */
  GPtrArray *templates;      /* RpJsonTemplatePlan */
  GPtrArray *people;         /* RpRecord (person) */
  GPtrArray *freeze_windows; /* RpRecord (freeze_window) */
  GPtrArray *releases;       /* RpJsonReleasePlan */
} RpJsonPlan;

/* Object data on a record of a plan: the JSON path it was read from, so that
 * a problem only the store finds still names its place in the file. */
#define RP_JSON_PATH_DATA "rp-json-path"

/* Which columns of a record the file gave a value for (null included): the
 * writer takes the others from the stored row with the same id, so that a
 * key left out keeps what is there. The reader marks them as it reads. */
void _rp_format_json_mark_given (RpRecord *record, const char *column);
gboolean _rp_format_json_is_given (RpRecord *record, guint column_index);

void _rp_format_json_plan_free (RpJsonPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpJsonPlan, _rp_format_json_plan_free)

/* ------------------------------------------------------------------ */
/* The reader (rp-format-json-read.c) */

/* Strict JSON, the format and its version, then every value against the
 * data model and every reference (to the file or to @store, which is only
 * read). Returns NULL with RP_FORMAT_ERROR_* and, for INVALID, one line per
 * problem. */
RpJsonPlan *_rp_format_json_read (RpStore *store, const char *data, gsize length, GError **error);

/* The state of one reading; the tools below record problems in it. */
typedef struct
{
  RpStore *store;
  GPtrArray *errors;
  guint n_errors;
  GString *path;                   /* JSON path of what is being read */
  GHashTable *people;              /* ids known: in the file or in the store */
  GHashTable *releases;            /* the same for releases */
  GHashTable *seen[RP_N_ENTITIES]; /* id -> JSON path where it was first seen */
  RpJsonPlan *plan;                /* what is read so far */
} RpJsonReader;

gsize _rp_format_json_path_push_key (RpJsonReader *ctx, const char *key);
gsize _rp_format_json_path_push_index (RpJsonReader *ctx, guint index);
void _rp_format_json_path_pop (RpJsonReader *ctx, gsize old);
void _rp_format_json_add_error (RpJsonReader *ctx, const char *key, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

const char *_rp_format_json_node_kind (JsonNode *node);
gboolean _rp_format_json_node_is_string (JsonNode *node);

gboolean _rp_format_json_key_is_required (RpEntity entity, const RpJsonField *field);
gboolean _rp_format_json_check_keys (RpJsonReader *ctx, JsonObject *object, const char *const *keys,
                                     const char *const *required);
gboolean _rp_format_json_check_field_keys (RpJsonReader *ctx, JsonObject *object, RpEntity entity,
                                           const RpJsonField *fields);
JsonObject *_rp_format_json_get_object (RpJsonReader *ctx, JsonObject *object, const char *key,
                                        gboolean nullable);
JsonArray *_rp_format_json_get_array (RpJsonReader *ctx, JsonObject *object, const char *key);
void _rp_format_json_check_reference (RpJsonReader *ctx, const char *key, RpEntity target, const char *id);

void _rp_format_json_read_column (RpJsonReader *ctx, JsonObject *object, const char *key, RpRecord *record,
                                  const char *column);
void _rp_format_json_read_fields (RpJsonReader *ctx, JsonObject *object, const RpJsonField *fields,
                                  RpRecord *record);
#define RP_JSON_ID_MAX_LENGTH 200
gboolean _rp_format_json_id_is_valid (const char *id);
gboolean _rp_format_json_read_id (RpJsonReader *ctx, JsonObject *object, RpRecord *record);
void _rp_format_json_remember_path (RpJsonReader *ctx, RpRecord *record);

typedef void (*RpJsonSpecialFunc) (RpJsonReader *ctx, JsonObject *object, RpRecord *record, gpointer data);
/* NULL when @key is not in @parent (left out). */
GPtrArray *_rp_format_json_read_rows (RpJsonReader *ctx, JsonObject *parent, const char *key, RpEntity entity,
                                      const RpJsonField *fields, const char *parent_column,
                                      const char *parent_id, RpJsonSpecialFunc special, gpointer data);

/* ------------------------------------------------------------------ */
/* What a plan holds (rp-format-json-read-plan.c) */

/* Reads the whole of @root (format and version already checked) into
 * ctx->plan, recording every problem in @ctx. */
void _rp_format_json_read_plan (RpJsonReader *ctx, JsonObject *root);

G_END_DECLS
