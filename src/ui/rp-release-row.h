/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_RELEASE_ROW (rp_release_row_get_type ())
G_DECLARE_FINAL_TYPE (RpReleaseRow, rp_release_row, RP, RELEASE_ROW, GtkWidget)

GtkWidget *rp_release_row_new (void);
RpRecord *rp_release_row_get_release (RpReleaseRow *self);
void rp_release_row_set_release (RpReleaseRow *self, RpRecord *release);

void rp_release_row_set_progress (RpReleaseRow *self, guint complete, guint total);
void rp_release_row_set_verdict (RpReleaseRow *self, int verdict);
void rp_release_row_set_match (RpReleaseRow *self, const char *text);

G_END_DECLS
