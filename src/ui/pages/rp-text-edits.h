/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The text fields of a page save on their own: a short moment after the
 * last key press, and at once when the page says so (Enter, the focus
 * leaving, another row shown). While an edit waits, what the store says
 * does not overwrite what is being typed. One RpTextEdits holds the
 * waiting edits of all the text fields of a page (a GtkEditable or a
 * GtkTextView each), keyed by the field. */

#define RP_TYPE_TEXT_EDITS (rp_text_edits_get_type ())
G_DECLARE_FINAL_TYPE (RpTextEdits, rp_text_edits, RP, TEXT_EDITS, GObject)

/* Turns what was typed into @column into the value to store: *@value a
 * floating GVariant, or NULL for none. FALSE refuses the text, with
 * *@message saying why (shown on the field). */
typedef gboolean (*RpTextValueFunc) (RpEntity entity, const char *column, const char *text, GVariant **value,
                                     const char **message, gpointer user_data);

typedef enum
{
  RP_TEXT_EDITS_DEFAULT = 0,
  /* Text the store (or @value_func) refused stays, with its message, until
   * it is saved or forgotten: the store's value does not replace it, and
   * Enter or the focus leaving try it again. Without it the refused text
   * gives way to the store's at the next load. */
  RP_TEXT_EDITS_KEEP_REFUSED = 1 << 0,
} RpTextEditsFlags;

RpTextEdits *rp_text_edits_new (RpStore *store, RpTextEditsFlags flags, RpTextValueFunc value_func,
                                gpointer user_data);

/* Starts (or starts again) the wait before @widget's text is saved to
 * @column of the row @id (NULL: no row, the save does nothing). Ignored
 * while rp_text_edits_set_text() sets @widget. */
void rp_text_edits_schedule (RpTextEdits *self, GtkWidget *widget, RpEntity entity, const char *id,
                             const char *column);
/* Saves @widget's waiting (or refused) edit now; FALSE when refused. */
gboolean rp_text_edits_flush (RpTextEdits *self, GtkWidget *widget);
/* Saves @widget's text to @column of @id now, waiting or not. */
gboolean rp_text_edits_save (RpTextEdits *self, GtkWidget *widget, RpEntity entity, const char *id,
                             const char *column);
/* Saves every edit whose wait has not run out yet. */
void rp_text_edits_flush_all (RpTextEdits *self);
/* Drops @widget's edit (NULL: every edit) unsaved. */
void rp_text_edits_discard (RpTextEdits *self, GtkWidget *widget);
/* Drops every edit, and the message of a refused one with it: for when
 * the fields are about to show another row. */
void rp_text_edits_forget_all (RpTextEdits *self);
/* TRUE while @widget has an edit the store does not hold. */
gboolean rp_text_edits_is_editing (RpTextEdits *self, GtkWidget *widget);
/* Shows @text (NULL: empty) in @widget, unless an edit of it waits. */
void rp_text_edits_set_text (RpTextEdits *self, GtkWidget *widget, const char *text);
/* Saves @widget's edit when the focus leaves it. */
void rp_text_edits_watch_focus (RpTextEdits *self, GtkWidget *widget);

/* The text of a GtkEditable or a GtkTextView. */
char *rp_text_get (GtkWidget *widget);
/* TRUE when @text has nothing but white space. */
gboolean rp_text_is_blank (const char *text);
/* The usual RpTextValueFunc rule: blank text is no value (NULL), which a
 * column that must not be empty refuses (FALSE); else the text as is. */
gboolean rp_text_blank_is_none (RpEntity entity, const char *column, const char *text, GVariant **value);

/* An RpTextValueFunc: empty text is no value, except in a required
 * column, where it goes to the store as typed (which refuses it, in the
 * words of the data model); any other text as typed, spaces and all. */
gboolean rp_text_value_empty_is_none (RpEntity entity, const char *column, const char *text, GVariant **value,
                                      const char **message, gpointer user_data);

G_END_DECLS
