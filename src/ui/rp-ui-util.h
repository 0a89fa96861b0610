/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

const char *rp_ui_release_status_label (const char *status);
int rp_ui_release_status_rank (const char *status);
void rp_ui_set_status_badge (GtkLabel *label, const char *status);
const char *rp_ui_owner_role_label (const char *role);
char *rp_ui_format_date (const char *iso_date);

G_END_DECLS
