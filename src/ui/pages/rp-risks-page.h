/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-list-editor-page.h"

G_BEGIN_DECLS

/* A tab of a release: see rp-list-editor-page.h. */
#define RP_TYPE_RISKS_PAGE (rp_risks_page_get_type ())
G_DECLARE_FINAL_TYPE (RpRisksPage, rp_risks_page, RP, RISKS_PAGE, RpListEditorPage)

G_END_DECLS
