/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* Saves one column of one row at once (one undo step). On failure the
 * message is shown where it was typed: @widget gets the "error" style
 * class and the message as its tooltip (and, for an AdwActionRow or
 * AdwEntryRow, as its subtitle/title hint); on success both go away.
 * @value is floating or NULL (SQL NULL). */
gboolean rp_ui_save_value (RpStore *store, RpEntity entity, const char *id, const char *column,
                           GVariant *value, GtkWidget *widget);

/* Marks a widget as holding invalid input (message) or clears it (NULL). */
void rp_ui_show_error (GtkWidget *widget, const char *message);

/* A GtkStringList of the translated labels of values[], in order, for an
 * AdwComboRow; the index of a value in values[] is its position. */
GtkStringList *rp_ui_enum_model (const char *const *values);
guint rp_ui_enum_index (const char *const *values, const char *value);

/* A pill label: @text, with @style (one of accent, success, warning,
 * error, dim; NULL for none) instead of the one it had. */
void rp_ui_set_pill (GtkWidget *label, const char *text, const char *style);

/* "Thu, 10 Dec 2026" for "2026-12-10"; NULL in, NULL out. */
char *rp_ui_format_date (const char *iso_date);

/* Words for the 1–5 scales of risks: rare … almost certain, minor … severe. */
const char *rp_ui_likelihood_label (gint64 likelihood);
const char *rp_ui_impact_label (gint64 impact);

/* After a delete: a toast "<what> deleted" with an Undo button (action
 * win.undo) in the AdwToastOverlay above @widget, if there is one. */
void rp_ui_toast_deleted (GtkWidget *widget, const char *what);

/* A GtkTextView for text of several lines in a form: wrapped at words,
 * Tab moves the focus on, @margin pixels all around. */
void rp_ui_setup_text_view (GtkTextView *view, int margin);

/* That text view (12 pixels), named @name, @height high, its accessible
 * label @label (NULL when a label's mnemonic-widget names it: else a
 * screen reader says both) and the style class rp-text-area, in a framed
 * card. Returns the frame; the view is its child. */
GtkWidget *rp_ui_text_area_new (const char *name, const char *label, int height);

/* Adds to @controller: @key with @mods calls @func (@data), with @args
 * (floating, or NULL) as the shortcut's arguments. */
void rp_ui_add_shortcut (GtkShortcutController *controller, guint key, GdkModifierType mods,
                         GtkShortcutFunc func, gpointer data, GVariant *args);

/* Adds the style sheet at @resource to @display, once: the application
 * loads its own style.css, but the pages also run alone (in their tests),
 * and several pages share one sheet. NULL @display: nothing. */
void rp_ui_ensure_css (GdkDisplay *display, const char *resource);

/* Two columns on wide windows, one above the other on narrow ones (a
 * flow box of two children, each at least 300 pixels wide). */
GtkWidget *rp_ui_columns_new (GtkWidget *first, GtkWidget *second);

/* The stack of a page that is one long form: "none", a status page (No
 * Release Selected, @icon_name, @description), and "page", @content
 * scrolled in a clamp. */
GtkWidget *rp_ui_page_stack_new (const char *icon_name, const char *description, GtkWidget *content);

/* Rows of a small GtkListBox kept in stored order and updated in place,
 * so that nobody loses what they are typing when the store changes:
 * place_row puts @row at @index (moving it if it is elsewhere);
 * remove_rows_not_in drops the rows of @rows (id -> row) whose id is not
 * in @seen. */
void rp_ui_list_box_place_row (GtkListBox *list, GtkWidget *row, int index);
void rp_ui_list_box_remove_rows_not_in (GtkListBox *list, GHashTable *rows, GHashTable *seen);

/* Names the row of a list that @child is in (a GtkListView's item or a
 * GtkListBoxRow) @label for screen readers: its title and its state. */
void rp_ui_set_row_label (GtkWidget *child, const char *label);
/* … and its description, read after it (NULL: none). */
void rp_ui_set_row_description (GtkWidget *child, const char *description);

/* From now on, what GTK 4.8 names wrong is named right when it shows:
 * buttons with a mnemonic once, without the underscore (GTK gives them
 * both); an icon without a tooltip is decoration, hidden from screen
 * readers (GTK reads out "GtkImage"); a drop-down's button by its
 * drop-down. */
void rp_ui_fix_mnemonic_names (void);

G_END_DECLS
