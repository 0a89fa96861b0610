/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-list-editor-page.h"

G_BEGIN_DECLS

/* The scope items of a release and their acceptance criteria. */
#define RP_TYPE_SCOPE_PAGE (rp_scope_page_get_type ())
G_DECLARE_FINAL_TYPE (RpScopePage, rp_scope_page, RP, SCOPE_PAGE, RpListEditorPage)

G_END_DECLS
