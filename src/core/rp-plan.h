/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* A plan file read for comparing and merging: checked by the importer in
 * a private store in memory (nothing is written anywhere) and written back
 * by the exporter, so that it holds every key with the defaults filled in.
 * Two files that mean the same plan give the same RpPlan, whatever keys a
 * person left out. Immutable and ref-counted. */
typedef struct _RpPlan RpPlan;

#define RP_TYPE_PLAN (rp_plan_get_type ())
GType rp_plan_get_type (void) G_GNUC_CONST;

RpPlan *rp_plan_new_from_data (const char *data, gsize length, GError **error);
RpPlan *rp_plan_new_from_file (GFile *file, GError **error);
RpPlan *rp_plan_new_from_node (JsonNode *root, GError **error);
/* What @store holds now. */
RpPlan *rp_plan_new_from_store (RpStore *store, GError **error);
/* What @store would hold after rp_format_json_import() of @data, with the
 * same errors; @store itself is not written. */
RpPlan *rp_plan_new_import_preview (RpStore *store, const char *data, gsize length, GError **error);
RpPlan *rp_plan_ref (RpPlan *self);
void rp_plan_unref (RpPlan *self);

JsonNode *rp_plan_get_root (RpPlan *self);
const char *rp_plan_get_data (RpPlan *self);
gboolean rp_plan_equal (RpPlan *a, RpPlan *b);

/* Names to show for ids, looked up in the plan: NULL when unknown. */
const char *rp_plan_get_person_name (RpPlan *self, const char *id);
const char *rp_plan_get_release_name (RpPlan *self, const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpPlan, rp_plan_unref)

G_END_DECLS
