/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-test-core.h"

G_BEGIN_DECLS

/* What the UI tests share: start-up under G_TEST_OPTION_ISOLATE_DIRS,
 * running the main loop, finding widgets, windows, the store and
 * screenshots. */

typedef enum
{
  RP_TEST_UI_DEFAULT = 0,
  /* Pictures and sizes of the end state, not of a transition. */
  RP_TEST_UI_NO_ANIMATIONS = 1 << 0,
  /* The test runs a GtkApplication, whose start-up initialises GTK and
   * libadwaita: leave that to it. */
  RP_TEST_UI_NO_GTK_INIT = 1 << 1,
} RpTestUiFlags;

void rp_test_ui_init (int *argc, char ***argv);
void rp_test_ui_init_full (int *argc, char ***argv, RpTestUiFlags flags);
void rp_test_add_system_icons (void);

void rp_test_flush (void);
void rp_test_wait_ms (guint ms);
void rp_test_wait_mapped (GtkWidget *widget);
void rp_test_wait_on_monitor (GtkWidget *widget);
guint rp_test_tick_add (guint ms);
/* Waits (5 s at most) until the focus of @window is inside @within and
 * @check (if not NULL) accepts it; returns the focus then, or the last
 * one seen, for the caller's assertions. */
typedef gboolean (*RpTestFocusCheck) (GtkWidget *focus, gconstpointer data);
GtkWidget *rp_test_wait_focus_within (GtkWidget *window, GtkWidget *within, RpTestFocusCheck check,
                                      gconstpointer data);
void rp_test_resize (GtkWidget *window, int width, int height, guint settle_ms);

GtkWidget *rp_test_find_named (GtkWidget *root, const char *name);
GtkWidget *rp_test_get_named (GtkWidget *root, const char *name);
GtkWidget *rp_test_find_type (GtkWidget *root, GType type);
guint rp_test_count_mapped_status_pages (GtkWidget *root);
guint rp_test_count_named (GtkWidget *root, const char *name);
void rp_test_collect_named (GtkWidget *root, const char *name, GPtrArray *out);
GtkWidget *rp_test_template_child (GtkWidget *widget, GType widget_type, const char *name);
void rp_test_press_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers);
void rp_test_assert_tab_reaches (GtkWidget *window, guint presses, const char *const *names, guint n_names);

void rp_test_close_window (GtkWidget *window);
GtkWidget *rp_test_find_toast (GtkWidget *root, const char **title, const char **button_action);

GtkWidget *rp_test_window_for (GtkWidget *child, int width, int height);
AdwMessageDialog *rp_test_find_message_dialog (const char *name);
GtkWidget *rp_test_in_toast_overlay (GtkWidget *page);

char *rp_test_add_release (RpStore *store, const char *name);
char *rp_test_add_release_full (RpStore *store, const char *name, const char *version, gboolean at_end);

GdkTexture *rp_test_render (GtkWidget *widget, guint settle_ms);
void rp_test_screenshot (GtkWidget *widget, const char *name, guint settle_ms);

G_END_DECLS
