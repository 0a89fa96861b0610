/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The native file chooser (GtkFileChooserNative: GTK 4.8 has no
 * GtkFileDialog; in a Flatpak it goes through the portal), as one call
 * with a callback that gets the chosen file, or nothing when the person
 * cancelled. */
typedef void (*RpFileChosenFunc) (GFile *file, gpointer user_data);

/* A "Save" chooser for @default_name (in the last folder saved to). */
void rp_file_chooser_save (GtkWidget *parent, const char *title, const char *default_name,
                           RpFileChosenFunc func, gpointer user_data, GDestroyNotify destroy);

/* An "Open" chooser for files whose name ends in @suffix ("json", "ics"),
 * described as @filter_name, plus "All Files". */
void rp_file_chooser_open (GtkWidget *parent, const char *title, const char *filter_name, const char *suffix,
                           RpFileChosenFunc func, gpointer user_data, GDestroyNotify destroy);

/* Writes @bytes to @file all at once: to a new file beside it that then
 * replaces it, so a failed write leaves no half file and the old one as it
 * was. */
gboolean rp_file_write_atomically (GFile *file, GBytes *bytes, GError **error);

/* The bytes of @file; an error (G_IO_ERROR_FAILED) when it holds more
 * than @max_bytes, found before it is read. */
GBytes *rp_file_load_at_most (GFile *file, gsize max_bytes, GError **error);

/* For the UI tests: the next chooser shows nothing and answers at once
 * with @file (NULL: as if cancelled). */
void _rp_file_chooser_answer_next (GFile *file);
/* The name the last save chooser suggested, for the tests. */
const char *_rp_file_chooser_get_last_name (void);

G_END_DECLS
