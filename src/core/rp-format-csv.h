/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* The columns of the CSV for Jira's importer, in order. */
extern const char *const rp_csv_jira_columns[];

/* A release (or every release, @release_id NULL) as CSV for Jira's CSV
 * importer: each release an epic, its scope items stories and its
 * checklist items tasks under it. RFC 4180, cells neutralised against
 * formula injection. */
char *rp_format_csv_jira (RpStore *store, const char *release_id, GError **error);

/* Appends @text as one CSV cell: quoted when it must be, a leading "'"
 * when a spreadsheet would read it as a formula. */
void rp_csv_append_cell (GString *out, const char *text);

G_END_DECLS
