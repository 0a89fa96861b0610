/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* What the tests of the Calendar and the Timeline share: stores to show,
 * widgets found by their accessible names, and pictures. */

RpStore *rp_test_views_sample_store (void);
char *rp_test_views_add_release (RpStore *store, const char *name, const char *code_complete,
                                 const char *testing_start, const char *testing_end, const char *deploy);
void rp_test_views_add_many (RpStore *store, guint n);
guint32 rp_test_views_julian (const char *iso_date);

gboolean rp_test_views_has_name (GtkWidget *widget, const char *name);
void rp_test_views_assert_name (GtkWidget *widget, const char *name);
GtkWidget *rp_test_views_find_named (GtkWidget *root, GType type, const char *name);
GtkWidget *rp_test_views_find_named_chip (GtkWidget *root, const char *name);
guint rp_test_views_count_chips (GtkWidget *root);
void rp_test_views_assert_chips (GtkWidget *root, const char *const *names, guint n_names);

void rp_test_views_render (GtkWidget *widget, const char *name);

G_END_DECLS
