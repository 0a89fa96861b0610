/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* What every test that opens a store shares, core and UI alike (no GTK),
 * and what the export tests share: the sample plan, golden files, a
 * hostile release and the real programs that read the exports. */

RpStore *rp_test_open_store (void);
RpStore *rp_test_open_store_at (const char *path);

/* @json with @edits made, in order (NULL-terminated): "PATH=JSON" sets a
 * member, "PATH+=JSON" appends to a list, "PATH>N" moves an element of a
 * list to index N, "-PATH" removes one; PATH like "releases[0].risks[1]".
 * Written as plan files are (rp-format-json's emitter, trailing newline). */
char *rp_test_edit_json (const char *json, const char *const *edits);
RpStore *rp_test_open_sample (void);
RpRecord *rp_test_find_release (RpStore *store, const char *name);

/* Compares @actual with tests/data/@name byte for byte. RP_UPDATE_GOLDEN=1
 * writes the file anew (then read the diff). */
void rp_test_assert_golden (const char *name, const char *actual, gsize length);

/* Runs @argv with "@FILE@" replaced by a temporary file holding @data
 * and returns its standard output (it must exit 0). When argv[0] is not
 * installed, skips the test and returns NULL. */
char *rp_test_run_reader (const char *const *argv, const char *data, gsize length, const char *suffix);

/* Runs the Python code @script (from tests/@script) on @data with
 * /usr/bin/python3 and returns its standard output parsed as JSON, or
 * NULL (test skipped) when the module @module is not installed. */
JsonNode *rp_test_run_python (const char *script, const char *module, const char *data, gsize length,
                              const char *suffix);

/* Text that tries to break every format: table pipes, Markdown and HTML,
 * task markers, quotes and commas, leading = + - @ (spreadsheet
 * formulas), line breaks of three kinds, a 200-character word, Greek,
 * Japanese, Arabic and Hebrew with RTL and LTR marks, emoji. */
extern const char *const rp_test_hostile_text;

/* A release named rp_test_hostile_text with that text in every field a
 * person can write (scope, criteria, dependency, risk, owners' names,
 * rollout, flags, checklist, decision, plans, notes, a freeze window):
 * two scope items (done and dropped), two criteria on the first (one
 * met), one of everything else, a checklist of one section with an open
 * and a done item. Returns its id. */
char *rp_test_add_hostile_release (RpStore *store);

guint rp_test_count (const char *haystack, const char *needle);

/* A plan of @n releases for the benchmarks: the sample plan's, each
 * duplicated (scope, criteria, owners, checklist) with its dates, until
 * there are @n. */
void rp_test_fill_plan (RpStore *store, guint n);
/* Inserts a row of @entity under @parent_id (in @parent_column, or no
 * parent when NULL) with the column-value pairs that follow, up to NULL;
 * asserts it was written. Returns it. */
RpRecord *rp_test_insert (RpStore *store, RpEntity entity, const char *parent_column, const char *parent_id,
                          ...) G_GNUC_NULL_TERMINATED;
/* Deletes the database at @path with its -wal and -shm files. */
void rp_test_remove_database (const char *path);

G_END_DECLS
