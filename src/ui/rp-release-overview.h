/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_RELEASE_OVERVIEW (rp_release_overview_get_type ())
G_DECLARE_FINAL_TYPE (RpReleaseOverview, rp_release_overview, RP, RELEASE_OVERVIEW, GtkWidget)

GtkWidget *rp_release_overview_new (void);
RpStore *rp_release_overview_get_store (RpReleaseOverview *self);
void rp_release_overview_set_store (RpReleaseOverview *self,
                                    RpStore *store);
RpRecord *rp_release_overview_get_release (RpReleaseOverview *self);
void rp_release_overview_set_release (RpReleaseOverview *self,
                                      RpRecord *release);
void rp_release_overview_refresh (RpReleaseOverview *self);
const char *rp_release_overview_get_title (RpReleaseOverview *self);

G_END_DECLS
