/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-test-ui.h"
#include "rp-window.h"

G_BEGIN_DECLS

/* The window on the sample plan with its first release selected, for the
 * tests of what its menus do (exports, imports). */
typedef struct
{
  RpStore *store;
  RpWindow *window;
  char *release_id;
} RpWindowFixture;

void rp_window_fixture_set_up (RpWindowFixture *f, gconstpointer data);
/* Closes every dialog, then the window, and checks it is finalized. */
void rp_window_fixture_tear_down (RpWindowFixture *f, gconstpointer data);

/* The first GtkLabel under @root whose text starts with @prefix. */
GtkWidget *rp_test_find_label_prefix (GtkWidget *root, const char *prefix);
/* A visible toplevel window (a dialog) named @name. */
GtkWidget *rp_test_find_toplevel_named (const char *name);

G_END_DECLS
