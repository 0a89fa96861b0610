/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-field-row.h"
#include "rp-ui-util.h"

#define FIELD_KEY "rp-field"

typedef struct
{
  RpStore *store; /* weak; NULL once the owner is gone */
  RpEntity entity;
  char *id;
  const char *column;
  GtkWidget *row; /* the AdwEntryRow */
  RpFieldRowFlags flags;
  guint delay_ms;
  RpFieldRowCheck check;
  gpointer user_data;
  gboolean dirty; /* typed, not saved yet */
  guint save_id;
} Field;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_handle_id (&field->save_id, g_source_remove);
  g_clear_weak_pointer (&field->store);
  g_free (field->id);
  g_free (field);
}

static void
field_save (Field *field)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (field->row));
  g_autofree char *stripped = g_strstrip (g_strdup (typed));
  const RpColumn *column = rp_entity_get_column (field->entity, field->column);
  g_autofree char *message = NULL;
  const char *text = (field->flags & RP_FIELD_ROW_TRIM) ? stripped : typed;

  g_clear_handle_id (&field->save_id, g_source_remove);
  /* A field saved after a pause waits no longer once it tried. */
  if (field->delay_ms > 0)
    field->dirty = FALSE;
  if (field->store == NULL)
    return;
  if ((column->flags & RP_COLUMN_NONEMPTY) && *stripped == '\0')
    {
      rp_ui_show_error (field->row, _("This cannot be empty"));
      return;
    }
  if (field->check != NULL && !field->check (field->id, stripped, &message, field->user_data))
    {
      rp_ui_show_error (field->row, message);
      return;
    }
  if (rp_ui_save_value (field->store, field->entity, field->id, field->column,
                        *stripped != '\0' ? g_variant_new_string (text) : NULL, field->row))
    field->dirty = FALSE;
}

static gboolean
on_field_delay_elapsed_cb (gpointer data)
{
  Field *field = data;

  field->save_id = 0;
  field_save (field);
  return G_SOURCE_REMOVE;
}

static void
on_field_changed_cb (GtkEditable *editable, Field *field)
{
  field->dirty = TRUE;
  if (field->delay_ms == 0)
    return;
  g_clear_handle_id (&field->save_id, g_source_remove);
  field->save_id = g_timeout_add (field->delay_ms, on_field_delay_elapsed_cb, field);
}

static void
on_field_activated_cb (AdwEntryRow *row, Field *field)
{
  field_save (field);
}

static void
on_field_focus_left_cb (GtkEventControllerFocus *controller, Field *field)
{
  if (field->dirty)
    field_save (field);
}

GtkWidget *
rp_field_row_new (RpStore *store, RpEntity entity, const char *id, const char *column, const char *title,
                  const char *name, RpFieldRowFlags flags, guint delay_ms, RpFieldRowCheck check,
                  gpointer user_data)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  Field *field = g_new0 (Field, 1);

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  g_set_weak_pointer (&field->store, store);
  field->entity = entity;
  field->id = g_strdup (id);
  field->column = column;
  field->row = row;
  field->flags = flags;
  field->delay_ms = delay_ms;
  field->check = check;
  field->user_data = user_data;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), (flags & RP_FIELD_ROW_APPLY_BUTTON) != 0);
  gtk_widget_set_name (row, name);
  g_object_set_data_full (G_OBJECT (row), FIELD_KEY, field, field_free);
  g_signal_connect (row, "changed", G_CALLBACK (on_field_changed_cb), field);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_field_activated_cb), field);
  if (flags & RP_FIELD_ROW_APPLY_BUTTON)
    g_signal_connect (row, "apply", G_CALLBACK (on_field_activated_cb), field);
  g_signal_connect (focus, "leave", G_CALLBACK (on_field_focus_left_cb), field);
  gtk_widget_add_controller (row, focus);
  return row;
}

void
rp_field_row_show (GtkWidget *row, const char *text)
{
  Field *field = g_object_get_data (G_OBJECT (row), FIELD_KEY);

  g_return_if_fail (field != NULL);

  if (field->dirty)
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    {
      g_signal_handlers_block_by_func (row, on_field_changed_cb, field);
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      g_signal_handlers_unblock_by_func (row, on_field_changed_cb, field);
    }
  rp_ui_show_error (row, NULL);
}

void
rp_field_row_flush_all (GtkWidget *widget, gboolean save)
{
  Field *field = g_object_get_data (G_OBJECT (widget), FIELD_KEY);

  if (field != NULL)
    {
      if (save && field->dirty)
        field_save (field);
      if (!save)
        {
          g_clear_handle_id (&field->save_id, g_source_remove);
          g_clear_weak_pointer (&field->store);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    rp_field_row_flush_all (child, save);
}

GtkWidget *
rp_field_row_icon_button_new (const char *icon, const char *label, const char *name)
{
  GtkWidget *button = icon != NULL ? gtk_button_new_from_icon_name (icon) : gtk_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_name (button, name);
  return button;
}

GtkListBox *
rp_field_row_add_list (AdwPreferencesGroup *group, const char *placeholder)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (placeholder != NULL)
    {
      GtkWidget *label = gtk_label_new (placeholder);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 18);
      gtk_widget_set_margin_bottom (label, 18);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), label);
    }
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}
