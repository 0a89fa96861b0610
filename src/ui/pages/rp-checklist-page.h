/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-release-page.h"

G_BEGIN_DECLS

/* The Checklist tab of a release; see rp-release-page.h for what every
 * tab does. */
#define RP_TYPE_CHECKLIST_PAGE (rp_checklist_page_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistPage, rp_checklist_page, RP, CHECKLIST_PAGE, RpReleasePage)

G_END_DECLS
