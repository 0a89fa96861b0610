/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The one way to add to a list, on every page: an entry with a "+"
 * button beside it, at the end of the list it adds to. Type, press Enter
 * (or the button, enabled once there is text): it emits ::add (text),
 * the text stripped and never empty. A handler returns TRUE when it
 * added something: the entry empties and keeps the focus, ready for the
 * next one; otherwise it says why with rp_add_entry_show_error() and
 * what was typed stays.
 *
 * Property "label" ("Add Scope Item") names the button and the entry to
 * screen readers and is the button's tooltip; "placeholder-text" is the
 * hint in the empty entry. It is a GtkEditable (its text is the
 * entry's), and gtk_widget_activate() adds what was typed. */
#define RP_TYPE_ADD_ENTRY (rp_add_entry_get_type ())
G_DECLARE_FINAL_TYPE (RpAddEntry, rp_add_entry, RP, ADD_ENTRY, GtkWidget)

GtkWidget *rp_add_entry_new (const char *label, const char *placeholder_text);
const char *rp_add_entry_get_label (RpAddEntry *self);
void rp_add_entry_set_label (RpAddEntry *self, const char *label);
void rp_add_entry_set_placeholder_text (RpAddEntry *self, const char *placeholder_text);
GtkWidget *rp_add_entry_get_button (RpAddEntry *self);

/* Marks what was typed as refused, with @message as the reason (NULL:
 * clears it). */
void rp_add_entry_show_error (RpAddEntry *self, const char *message);

G_END_DECLS
