/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* See rp-page.h for what every page does. */
#define RP_TYPE_DEPENDENCIES_PAGE (rp_dependencies_page_get_type ())
G_DECLARE_FINAL_TYPE (RpDependenciesPage, rp_dependencies_page, RP, DEPENDENCIES_PAGE, AdwBin)

G_END_DECLS
