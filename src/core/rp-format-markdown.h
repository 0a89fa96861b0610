/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* The checklist as a GitHub/GitLab task list, ready to paste into a
 * ticket. section_id NULL: every section, each under a "## name" heading. */
char *rp_format_markdown_checklist (RpStore *store, const char *release_id, const char *section_id, GError **error);

/* Escapes user text for one line of Markdown inline content. */
char *rp_markdown_escape_inline (const char *text);

G_END_DECLS
