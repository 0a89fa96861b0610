/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The Templates page of the preferences: every checklist template, to
 * rename, reorder, delete and edit (its sections and their items, on a
 * subpage). Every change is saved at once and can be undone. */
#define RP_TYPE_TEMPLATES_PAGE (rp_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (RpTemplatesPage, rp_templates_page, RP, TEMPLATES_PAGE, AdwPreferencesPage)

GtkWidget *rp_templates_page_new (RpStore *store);

G_END_DECLS
