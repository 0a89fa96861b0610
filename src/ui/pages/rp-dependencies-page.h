/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-list-editor-page.h"

G_BEGIN_DECLS

/* What a release waits for: other releases, services, teams, vendors. */
#define RP_TYPE_DEPENDENCIES_PAGE (rp_dependencies_page_get_type ())
G_DECLARE_FINAL_TYPE (RpDependenciesPage, rp_dependencies_page, RP, DEPENDENCIES_PAGE, RpListEditorPage)

G_END_DECLS
