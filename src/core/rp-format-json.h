/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_FORMAT_ERROR (rp_format_error_quark ())

typedef enum
{
  RP_FORMAT_ERROR_SYNTAX,    /* not strict JSON: message has line and column */
  RP_FORMAT_ERROR_INVALID,   /* JSON, but not a valid plan: one line per problem, each with its JSON path */
  RP_FORMAT_ERROR_VERSION,   /* another format, or a newer format_version */
  RP_FORMAT_ERROR_TOO_LARGE, /* bigger than RP_PLAN_MAX_BYTES or nested deeper than RP_PLAN_MAX_DEPTH */
} RpFormatError;

#define RP_PLAN_FORMAT "release-planner/plan"
#define RP_PLAN_FORMAT_VERSION 1
/* The largest plan file read. A plan a user can make in the app must fit:
 * 10,000 releases of the shape issue 12 measured (100 checklist items, 10
 * scope items with 2 criteria, 5 risks… each) export to 334 MB. The reader
 * still holds the whole file and its tree (12 to 24 times the file), so
 * this also bounds what a hostile file can make it allocate. */
#define RP_PLAN_MAX_BYTES (512 * 1024 * 1024)
#define RP_PLAN_MAX_DEPTH 32

GQuark rp_format_error_quark (void);

/* Deterministic bytes: the same data gives the same file. release_id NULL
 * exports the whole plan; otherwise that release (plus the people,
 * freeze windows, templates and settings, so the file stands alone). */
char *rp_format_json_export (RpStore *store, const char *release_id, GError **error);
/* The same bytes, written as they are read: memory does not grow with the plan. */
gboolean rp_format_json_export_to_stream (RpStore *store, const char *release_id, GOutputStream *stream,
                                          GCancellable *cancellable, GError **error);

/* All or nothing, in one transaction and one undo step: upserts by id. */
gboolean rp_format_json_import (RpStore *store, const char *data, gsize length, GError **error);
gboolean rp_format_json_import_file (RpStore *store, GFile *file, GError **error);

typedef enum
{
  RP_IMPORT_FLAGS_NONE = 0,
  /* Top-level rows (releases, people, freeze windows, templates) whose id
   * is stored already stay as they are, with all they hold; a stored
   * setting keeps its value. Only what is missing is added. */
  RP_IMPORT_KEEP_EXISTING = 1 << 0,
} RpImportFlags;

typedef struct
{
  guint releases_added;
  guint releases_kept; /* with RP_IMPORT_KEEP_EXISTING: there already, left alone */
  guint rows_added;    /* top-level rows written: releases, people, freeze windows, templates */
} RpImportSummary;

gboolean rp_format_json_import_full (RpStore *store, const char *data, gsize length, RpImportFlags flags,
                                     RpImportSummary *summary, GError **error);

/* The sample plan shipped in the resources (data/sample-plan.json), added
 * to what is there without overwriting it (RP_IMPORT_KEEP_EXISTING). */
gboolean rp_sample_plan_load (RpStore *store, GError **error);
gboolean rp_sample_plan_load_full (RpStore *store, RpImportSummary *summary, GError **error);

G_END_DECLS
