/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-text-edits.h"
#include "rp-ui-util.h"

#define SAVE_DELAY_MS 400

typedef struct
{
  RpTextEdits *edits; /* borrowed */
  GtkWidget *widget;  /* borrowed: the field, the key of edits->pending */
  RpEntity entity;
  char *id;
  const char *column; /* static */
  guint timeout_id;   /* 0 once tried: the store refused the text, which stays for the user to fix */
} PendingEdit;

struct _RpTextEdits
{
  GObject parent_instance;

  /* owned */
  RpStore *store;
  GHashTable *pending; /* GtkWidget* -> PendingEdit* */

  RpTextEditsFlags flags;
  RpTextValueFunc value_func;
  gpointer user_data;
  guint syncing; /* > 0 while set_text() sets a field */
};

G_DEFINE_FINAL_TYPE (RpTextEdits, rp_text_edits, G_TYPE_OBJECT)

static void
pending_edit_free (gpointer data)
{
  PendingEdit *edit = data;

  g_clear_handle_id (&edit->timeout_id, g_source_remove);
  g_free (edit->id);
  g_free (edit);
}

char *
rp_text_get (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

gboolean
rp_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
rp_text_blank_is_none (RpEntity entity, const char *column, const char *text, GVariant **value)
{
  /* A required text left empty stays, with what it needs said in words
   * (the store would refuse it too, in the words of the data model). */
  if (rp_text_is_blank (text) && (rp_entity_get_column (entity, column)->flags & RP_COLUMN_NONEMPTY))
    return FALSE;
  /* An optional text left empty is no value at all. */
  *value = rp_text_is_blank (text) ? NULL : g_variant_new_string (text);
  return TRUE;
}

gboolean
rp_text_value_empty_is_none (RpEntity entity, const char *column, const char *text, GVariant **value,
                             const char **message, gpointer user_data)
{
  gboolean required = (rp_entity_get_column (entity, column)->flags & RP_COLUMN_REQUIRED) != 0;

  *value = *text == '\0' && !required ? NULL : g_variant_new_string (text);
  return TRUE;
}

static gboolean
save_edit (RpTextEdits *self, PendingEdit *edit)
{
  GtkWidget *widget = edit->widget;
  g_autofree char *text = NULL;
  GVariant *value = NULL;
  const char *message = NULL;
  gboolean saved;

  g_clear_handle_id (&edit->timeout_id, g_source_remove);
  if (edit->id == NULL)
    {
      g_hash_table_remove (self->pending, widget);
      return TRUE;
    }
  text = rp_text_get (widget);
  if (!self->value_func (edit->entity, edit->column, text, &value, &message, self->user_data))
    {
      rp_ui_show_error (widget, message);
      saved = FALSE;
    }
  else
    saved = rp_ui_save_value (self->store, edit->entity, edit->id, edit->column, value, widget);
  if (saved || !(self->flags & RP_TEXT_EDITS_KEEP_REFUSED))
    g_hash_table_remove (self->pending, widget);
  return saved;
}

gboolean
rp_text_edits_flush (RpTextEdits *self, GtkWidget *widget)
{
  PendingEdit *edit;

  g_return_val_if_fail (RP_IS_TEXT_EDITS (self), FALSE);

  edit = g_hash_table_lookup (self->pending, widget);
  return edit == NULL || save_edit (self, edit);
}

void
rp_text_edits_flush_all (RpTextEdits *self)
{
  g_autoptr (GList) widgets = NULL;

  g_return_if_fail (RP_IS_TEXT_EDITS (self));

  widgets = g_hash_table_get_keys (self->pending);
  for (GList *l = widgets; l != NULL; l = l->next)
    {
      PendingEdit *edit = g_hash_table_lookup (self->pending, l->data);

      if (edit != NULL && edit->timeout_id != 0)
        save_edit (self, edit);
    }
}

void
rp_text_edits_discard (RpTextEdits *self, GtkWidget *widget)
{
  g_return_if_fail (RP_IS_TEXT_EDITS (self));

  if (widget == NULL)
    g_hash_table_remove_all (self->pending);
  else
    g_hash_table_remove (self->pending, widget);
}

void
rp_text_edits_forget_all (RpTextEdits *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_return_if_fail (RP_IS_TEXT_EDITS (self));

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      rp_ui_show_error (widget, NULL);
      g_hash_table_iter_remove (&iter);
    }
}

static gboolean
on_save_delay_elapsed_cb (gpointer data)
{
  PendingEdit *edit = data;

  edit->timeout_id = 0;
  save_edit (edit->edits, edit);
  return G_SOURCE_REMOVE;
}

static PendingEdit *
ensure_edit (RpTextEdits *self, GtkWidget *widget, RpEntity entity, const char *id, const char *column)
{
  PendingEdit *edit = g_hash_table_lookup (self->pending, widget);

  if (edit == NULL || g_strcmp0 (edit->id, id) != 0)
    {
      edit = g_new0 (PendingEdit, 1);
      edit->edits = self;
      edit->widget = widget;
      edit->entity = entity;
      edit->id = g_strdup (id);
      edit->column = column;
      g_hash_table_replace (self->pending, widget, edit);
    }
  return edit;
}

void
rp_text_edits_schedule (RpTextEdits *self, GtkWidget *widget, RpEntity entity, const char *id,
                        const char *column)
{
  PendingEdit *edit;

  g_return_if_fail (RP_IS_TEXT_EDITS (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->syncing)
    return;
  edit = ensure_edit (self, widget, entity, id, column);
  g_clear_handle_id (&edit->timeout_id, g_source_remove);
  edit->timeout_id = g_timeout_add (SAVE_DELAY_MS, on_save_delay_elapsed_cb, edit);
}

gboolean
rp_text_edits_save (RpTextEdits *self, GtkWidget *widget, RpEntity entity, const char *id, const char *column)
{
  g_return_val_if_fail (RP_IS_TEXT_EDITS (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return save_edit (self, ensure_edit (self, widget, entity, id, column));
}

gboolean
rp_text_edits_is_editing (RpTextEdits *self, GtkWidget *widget)
{
  g_return_val_if_fail (RP_IS_TEXT_EDITS (self), FALSE);

  return g_hash_table_contains (self->pending, widget);
}

void
rp_text_edits_set_text (RpTextEdits *self, GtkWidget *widget, const char *text)
{
  g_autofree char *old = NULL;

  g_return_if_fail (RP_IS_TEXT_EDITS (self));

  /* What the user is typing (or has typed wrong) wins over the store. */
  if (g_hash_table_contains (self->pending, widget))
    return;
  old = rp_text_get (widget);
  if (g_strcmp0 (old, text ? text : "") == 0)
    return;
  self->syncing++;
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
  self->syncing--;
}

static void
on_field_left_cb (GtkEventControllerFocus *controller, RpTextEdits *self)
{
  rp_text_edits_flush (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

void
rp_text_edits_watch_focus (RpTextEdits *self, GtkWidget *widget)
{
  GtkEventController *focus;

  g_return_if_fail (RP_IS_TEXT_EDITS (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_field_left_cb), self, 0);
  gtk_widget_add_controller (widget, focus);
}

RpTextEdits *
rp_text_edits_new (RpStore *store, RpTextEditsFlags flags, RpTextValueFunc value_func, gpointer user_data)
{
  RpTextEdits *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (value_func != NULL, NULL);

  self = g_object_new (RP_TYPE_TEXT_EDITS, NULL);
  self->store = g_object_ref (store);
  self->flags = flags;
  self->value_func = value_func;
  self->user_data = user_data;
  return self;
}

static void
rp_text_edits_finalize (GObject *object)
{
  RpTextEdits *self = RP_TEXT_EDITS (object);

  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_text_edits_parent_class)->finalize (object);
}

static void
rp_text_edits_class_init (RpTextEditsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_text_edits_finalize;
}

static void
rp_text_edits_init (RpTextEdits *self)
{
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, pending_edit_free);
}
