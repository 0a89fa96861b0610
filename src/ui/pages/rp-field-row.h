/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The rows the preferences (people, freeze windows, templates) are built
 * of, where a boxed list of expander rows edits rows of the store in
 * place rather than in an editor beside a list. */

typedef enum
{
  RP_FIELD_ROW_NONE = 0,
  RP_FIELD_ROW_TRIM = 1 << 0,         /* store the text without its outer spaces */
  RP_FIELD_ROW_APPLY_BUTTON = 1 << 1, /* with the entry row's apply button */
} RpFieldRowFlags;

/* Whether @text may be stored; else FALSE with *message what is wrong. */
typedef gboolean (*RpFieldRowCheck) (const char *id, const char *text, char **message, gpointer user_data);

/* An AdwEntryRow, named @name, that edits the text column @column of the
 * row @id of @entity: saved on Enter (and apply), when the focus leaves it
 * and, with @delay_ms > 0, that long after the typing stops. An empty
 * text is no value, refused in a column that must not be empty. @check,
 * if not NULL, is asked before anything is saved. */
GtkWidget *rp_field_row_new (RpStore *store, RpEntity entity, const char *id, const char *column,
                             const char *title, const char *name, RpFieldRowFlags flags, guint delay_ms,
                             RpFieldRowCheck check, gpointer user_data);
/* Shows the stored @text (NULL: empty) in @row, unless what is typed
 * there waits to be saved. */
void rp_field_row_show (GtkWidget *row, const char *text);
/* Saves what waits in every field row in @widget (and itself); or, with
 * @save FALSE, leaves them unsaved and saving nothing any more (their
 * owner is going). */
void rp_field_row_flush_all (GtkWidget *widget, gboolean save);

/* A flat button with @icon (NULL: none), @label as its tooltip and
 * accessible name, named @name. */
GtkWidget *rp_field_row_icon_button_new (const char *icon, const char *label, const char *name);
/* A boxed list in @group, with @placeholder (NULL: none) in words while it
 * is empty. */
GtkListBox *rp_field_row_add_list (AdwPreferencesGroup *group, const char *placeholder);

G_END_DECLS
