/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

const char *rp_labels_release_status (const char *status);
void rp_labels_set_status_badge (GtkLabel *label, const char *status);
const char *rp_labels_owner_role (const char *role);
char *rp_labels_date (const char *iso_date);

G_END_DECLS
