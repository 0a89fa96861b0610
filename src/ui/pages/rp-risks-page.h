/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* See rp-page.h for what every page does. */
#define RP_TYPE_RISKS_PAGE (rp_risks_page_get_type ())
G_DECLARE_FINAL_TYPE (RpRisksPage, rp_risks_page, RP, RISKS_PAGE, AdwBin)

G_END_DECLS
