/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_FORMAT_ERROR (rp_format_error_quark ())

typedef enum {
  RP_FORMAT_ERROR_SYNTAX,    /* not strict JSON: message has line and column */
  RP_FORMAT_ERROR_INVALID,   /* JSON, but not a valid plan: one line per problem, each with its JSON path */
  RP_FORMAT_ERROR_VERSION,   /* another format, or a newer format_version */
  RP_FORMAT_ERROR_TOO_LARGE, /* bigger than RP_PLAN_MAX_BYTES or nested deeper than RP_PLAN_MAX_DEPTH */
} RpFormatError;

#define RP_PLAN_FORMAT "release-planner/plan"
#define RP_PLAN_FORMAT_VERSION 1
#define RP_PLAN_MAX_BYTES (64 * 1024 * 1024)
#define RP_PLAN_MAX_DEPTH 32

GQuark rp_format_error_quark (void);

/* Deterministic bytes: the same data gives the same file. release_id NULL
 * exports the whole plan; otherwise that release (plus the people,
 * freeze windows, templates and settings, so the file stands alone). */
char *rp_format_json_export (RpStore *store, const char *release_id, GError **error);

/* All or nothing, in one transaction and one undo step: upserts by id. */
gboolean rp_format_json_import (RpStore *store, const char *data, gsize length, GError **error);
gboolean rp_format_json_import_file (RpStore *store, GFile *file, GError **error);

/* The sample plan shipped in the resources (data/sample-plan.json). */
gboolean rp_sample_plan_load (RpStore *store, GError **error);

G_END_DECLS
