/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_RECORD (rp_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (RpRecord, rp_record, RP, RECORD, GObject)

struct _RpRecordClass
{
  GObjectClass parent_class;
};

/* An RpRecord is one row of one entity: its id, its position among its
 * siblings and a value per column of the entity's descriptor (NULL for
 * SQL NULL). It is a snapshot: the store hands out new records after
 * every change, and writing to a record changes nothing until it is given
 * to rp_store_insert() or rp_store_update().
 *
 * Value types: TEXT, DATE, TIMESTAMP, TIME, ENUM, REF and JSON columns hold
 * strings; INT columns gint64; BOOL columns gboolean.
 *
 * Every record is an instance of its entity's typed face (RpRelease,
 * RpRisk, … in rp-records.h), a subclass generated from rp-entities.def
 * with a read-only property and a typed getter per column: read columns
 * through those; the by-name functions below are for code that works on
 * any entity (the store, the file formats). */

RpRecord *rp_record_new (RpEntity entity);
RpRecord *rp_record_new_with_id (RpEntity entity, const char *id);
RpRecord *rp_record_copy (RpRecord *self);

RpEntity rp_record_get_entity (RpRecord *self);
const char *rp_record_get_id (RpRecord *self);
void rp_record_set_id (RpRecord *self, const char *id);
gint64 rp_record_get_position (RpRecord *self);
void rp_record_set_position (RpRecord *self, gint64 position);
const char *rp_record_get_parent_id (RpRecord *self);
/* What names the row in a list, a message or a toast, for code that
 * works on any entity: its first non-empty text column (a release's
 * name, a risk's title, a flag's key, a checklist item's text); NULL for
 * an entity without one (owners, decisions). */
const char *rp_record_get_label (RpRecord *self);

gboolean rp_record_is_null (RpRecord *self, const char *column);
const char *rp_record_get_string (RpRecord *self, const char *column);
gint64 rp_record_get_int (RpRecord *self, const char *column);
gboolean rp_record_get_bool (RpRecord *self, const char *column);
GVariant *rp_record_get_value (RpRecord *self, const char *column);

void rp_record_set_string (RpRecord *self, const char *column, const char *value);
void rp_record_set_int (RpRecord *self, const char *column, gint64 value);
void rp_record_set_bool (RpRecord *self, const char *column, gboolean value);
void rp_record_set_null (RpRecord *self, const char *column);
void rp_record_set_value (RpRecord *self, const char *column, GVariant *value);

GVariant *rp_record_get_value_at (RpRecord *self, guint index);
void rp_record_set_value_at (RpRecord *self, guint index, GVariant *value);

gboolean rp_record_equal (RpRecord *a, RpRecord *b);
gboolean rp_record_validate (RpRecord *self, GError **error);

G_END_DECLS
