/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* The checklist as a GitHub/GitLab task list, ready to paste into a
 * ticket. section_id NULL: every section, each under a "## name" heading. */
char *rp_format_markdown_checklist (RpStore *store, const char *release_id, const char *section_id,
                                    GError **error);

/* The whole plan of a release: summary, timeline, owners, scope with the
 * acceptance criteria as task lists, dependencies and risks as tables,
 * rollout, plans, checklist, the readiness verdict and findings as of
 * @today, the go/no-go log, release notes. */
char *rp_format_markdown_plan (RpStore *store, const char *release_id, const GDate *today, GError **error);

/* A draft of the release notes: the notes written so far, what is done,
 * and the known gaps (dropped items, unfinished ones, unmet criteria). */
char *rp_format_markdown_release_notes (RpStore *store, const char *release_id, GError **error);

/* Escapes user text for one line of Markdown inline content. */
char *rp_markdown_escape_inline (const char *text);
/* ... for paragraphs of several lines. */
char *rp_markdown_escape_block (const char *text);
/* ... for one cell of a GFM table. */
char *rp_markdown_escape_cell (const char *text);

G_END_DECLS
