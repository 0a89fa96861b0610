/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-types.h"

G_BEGIN_DECLS

typedef enum
{
  RP_COLUMN_TEXT,              /* free text */
  RP_COLUMN_INT,               /* integer within [min, max] */
  RP_COLUMN_BOOL,              /* 0 or 1 */
  RP_COLUMN_DATE,              /* YYYY-MM-DD, a real calendar date */
  RP_COLUMN_TIMESTAMP,         /* YYYY-MM-DDTHH:MM:SSZ, UTC */
  RP_COLUMN_DATE_OR_TIMESTAMP, /* either of the two, kept as given */
  RP_COLUMN_TIME,              /* HH:MM, 24 hour clock */
  RP_COLUMN_ENUM,              /* one of values[] */
  RP_COLUMN_REF,               /* the id of a row of entity ref */
  RP_COLUMN_JSON,              /* a JSON document kept as text */
} RpColumnType;

typedef enum
{
  RP_COLUMN_NONE = 0,
  RP_COLUMN_REQUIRED = 1 << 0, /* never NULL */
  RP_COLUMN_NONEMPTY = 1 << 1, /* text with something besides white space */
  RP_COLUMN_PARENT = 1 << 2,   /* the owning row: deleting it deletes this row */
} RpColumnFlags;

/* What happens to a row that refers to a row being deleted. */
typedef enum
{
  RP_ON_DELETE_RESTRICT, /* the delete is refused: "in use" */
  RP_ON_DELETE_CASCADE,  /* the referring row goes too */
  RP_ON_DELETE_SET_NULL, /* the reference is cleared */
} RpOnDelete;

/* One column of an entity, as rp-entities.def describes it. */
typedef struct
{
  const char *name;
  const char *property; /* the name of its property on the typed face */
  RpColumnType type;
  RpColumnFlags flags;
  gint64 min;
  gint64 max;
  const char *const *values; /* RP_COLUMN_ENUM: the nicks, in enum order */
  GType (*enum_type) (void); /* RP_COLUMN_ENUM */
  RpEntity ref;              /* RP_COLUMN_REF */
  RpOnDelete on_delete;      /* RP_COLUMN_REF */
  const char *default_text;  /* default of a new record, or NULL */
  gint64 default_int;        /* default of INT and BOOL columns */
} RpColumn;

typedef struct
{
  RpEntity entity;
  const char *name;  /* table name, also used in messages: "scope_item" */
  const char *label; /* for people: "scope item" */
  int parent_column; /* index of the RP_COLUMN_PARENT column, or -1 */
  gboolean ordered;  /* has a position among its siblings */
  const RpColumn *columns;
  guint n_columns;
} RpEntityInfo;

const RpEntityInfo *rp_entity_get_info (RpEntity entity);
RpEntity rp_entity_from_name (const char *name);
int rp_entity_find_column (RpEntity entity, const char *column);
const RpColumn *rp_entity_get_column (RpEntity entity, const char *column);

gboolean rp_column_check_value (const RpColumn *column, GVariant *value, char **message);

gboolean rp_date_is_valid (const char *text);
gboolean rp_timestamp_is_valid (const char *text);
gboolean rp_time_is_valid (const char *text);
GDate *rp_date_parse (const char *text);
gboolean rp_date_parse_into (const char *text, GDate *date);
char *rp_date_format (const GDate *date);
char *rp_timestamp_now (void);

/* The value of @text in the enum @column (its index in column->values),
 * or -1 when it is not one. */
int rp_entity_enum_index (const RpColumn *column, const char *text);

/* TRUE when @text is NULL or holds nothing but white space. */
gboolean rp_str_is_blank (const char *text);

gboolean rp_strv_contains_static (const char *const *values, const char *value);

G_END_DECLS
