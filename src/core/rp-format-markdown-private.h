/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-format-markdown.h"

G_BEGIN_DECLS

/* Shared by the checklist export (rp-format-markdown.c) and the plan
 * (rp-format-markdown-plan.c). */
void _rp_markdown_append_checklist_section (GString *out, RpStore *store, RpRecord *section, guint level,
                                            const char *note);

G_END_DECLS
