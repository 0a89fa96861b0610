/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-checklist-item-dialog.h"
#include "rp-date-row.h"
#include "rp-person-row.h"
#include "rp-ui-util.h"

struct _RpChecklistItemDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  AdwEntryRow *text_row;
  AdwComboRow *state_row;
  GtkTextView *notes_view;
  GtkButton *delete_button;

  /* made once the store is there */
  RpPersonRow *person_row;
  RpDateRow *due_row;

  /* owned */
  RpStore *store;
  char *item_id;
  gulong changed_id;
  guint text_save_id;
  guint notes_save_id;
  gboolean updating;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ITEM_ID,
  N_PROPS
};

enum
{
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RpChecklistItemDialog, rp_checklist_item_dialog, ADW_TYPE_WINDOW)

static void
save_text (RpChecklistItemDialog *self)
{
  g_clear_handle_id (&self->text_save_id, g_source_remove);
  rp_ui_save_value (self->store, RP_ENTITY_CHECKLIST_ITEM, self->item_id, "text",
                    g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (self->text_row))),
                    GTK_WIDGET (self->text_row));
}

static char *
dup_notes (RpChecklistItemDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_notes (RpChecklistItemDialog *self)
{
  g_autofree char *notes = dup_notes (self);

  g_clear_handle_id (&self->notes_save_id, g_source_remove);
  rp_ui_save_value (self->store, RP_ENTITY_CHECKLIST_ITEM, self->item_id, "notes",
                    *notes != '\0' ? g_variant_new_string (notes) : NULL, GTK_WIDGET (self->notes_view));
}

static gboolean
on_text_typing_paused_cb (gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;

  self->text_save_id = 0;
  save_text (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_notes_typing_paused_cb (gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;

  self->notes_save_id = 0;
  save_notes (self);
  return G_SOURCE_REMOVE;
}

/* Shows what the store holds, leaving alone a field with an edit that is
 * still to be saved (the user is typing there). FALSE: the item is gone. */
static gboolean
load (RpChecklistItemDialog *self)
{
  g_autoptr (RpRecord) item = rp_store_get (self->store, RP_ENTITY_CHECKLIST_ITEM, self->item_id, NULL);
  const char *text;
  const char *notes;
  guint state;

  if (item == NULL)
    return FALSE;

  self->updating = TRUE;
  text = rp_checklist_item_get_text (RP_CHECKLIST_ITEM (item));
  if (self->text_save_id == 0 && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->text_row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->text_row), text);
  state = rp_checklist_item_get_state (RP_CHECKLIST_ITEM (item));
  if (adw_combo_row_get_selected (self->state_row) != state)
    adw_combo_row_set_selected (self->state_row, state);
  if (g_strcmp0 (rp_person_row_get_person_id (self->person_row),
                 rp_checklist_item_get_assignee_id (RP_CHECKLIST_ITEM (item))) != 0)
    rp_person_row_set_person_id (self->person_row,
                                 rp_checklist_item_get_assignee_id (RP_CHECKLIST_ITEM (item)));
  if (g_strcmp0 (rp_date_row_get_date (self->due_row),
                 rp_checklist_item_get_due (RP_CHECKLIST_ITEM (item))) != 0)
    rp_date_row_set_date (self->due_row, rp_checklist_item_get_due (RP_CHECKLIST_ITEM (item)));
  notes = rp_checklist_item_get_notes (RP_CHECKLIST_ITEM (item));
  if (self->notes_save_id == 0)
    {
      g_autofree char *shown = dup_notes (self);

      if (g_strcmp0 (shown, notes != NULL ? notes : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes != NULL ? notes : "",
                                  -1);
    }
  self->updating = FALSE;
  return TRUE;
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;

  if (entity == RP_N_ENTITIES || (entity == RP_ENTITY_CHECKLIST_ITEM && g_strcmp0 (id, self->item_id) == 0))
    {
      if (!load (self))
        gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
on_text_changed_cb (GtkEditable *editable, gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;

  if (self->updating)
    return;
  g_clear_handle_id (&self->text_save_id, g_source_remove);
  self->text_save_id = g_timeout_add (500, on_text_typing_paused_cb, self);
}

static void
on_text_activated_cb (AdwEntryRow *row, gpointer user_data)
{
  save_text (user_data);
}

static void
on_notes_changed_cb (GtkTextBuffer *buffer, gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;

  if (self->updating)
    return;
  g_clear_handle_id (&self->notes_save_id, g_source_remove);
  self->notes_save_id = g_timeout_add (500, on_notes_typing_paused_cb, self);
}

static void
on_state_selected_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;
  g_autoptr (GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= g_strv_length ((char **) rp_item_states))
    return;
  if (!rp_checklist_set_state (self->store, self->item_id, rp_item_states[selected], &error))
    rp_ui_show_error (GTK_WIDGET (row), error->message);
  else
    rp_ui_show_error (GTK_WIDGET (row), NULL);
}

static void
on_person_changed_cb (RpPersonRow *row, GParamSpec *pspec, gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;
  const char *person_id = rp_person_row_get_person_id (row);

  if (self->updating)
    return;
  rp_ui_save_value (self->store, RP_ENTITY_CHECKLIST_ITEM, self->item_id, "assignee_id",
                    person_id != NULL ? g_variant_new_string (person_id) : NULL, GTK_WIDGET (row));
}

static void
on_due_changed_cb (RpDateRow *row, GParamSpec *pspec, gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;
  const char *date = rp_date_row_get_date (row);

  if (self->updating)
    return;
  rp_ui_save_value (self->store, RP_ENTITY_CHECKLIST_ITEM, self->item_id, "due",
                    date != NULL ? g_variant_new_string (date) : NULL, GTK_WIDGET (row));
}

static void
on_delete_clicked_cb (GtkButton *button, gpointer user_data)
{
  RpChecklistItemDialog *self = user_data;
  g_autoptr (RpRecord) item = rp_store_get (self->store, RP_ENTITY_CHECKLIST_ITEM, self->item_id, NULL);
  g_autoptr (GError) error = NULL;

  if (item == NULL)
    return;
  g_clear_handle_id (&self->text_save_id, g_source_remove);
  g_clear_handle_id (&self->notes_save_id, g_source_remove);
  if (!rp_store_delete (self->store, RP_ENTITY_CHECKLIST_ITEM, self->item_id, &error))
    {
      rp_ui_show_error (GTK_WIDGET (button), error->message);
      return;
    }
  /* Gone from the store, the dialog closes at once (and not the next
   * time the store changes); whoever opened it hears of it first. */
  g_object_ref (self);
  g_signal_emit (self, signals[DELETED], 0, item);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Whatever is still being typed is saved, not lost. */
static gboolean
rp_checklist_item_dialog_close_request (GtkWindow *window)
{
  RpChecklistItemDialog *self = RP_CHECKLIST_ITEM_DIALOG (window);

  if (self->text_save_id != 0)
    save_text (self);
  if (self->notes_save_id != 0)
    save_notes (self);
  return GTK_WINDOW_CLASS (rp_checklist_item_dialog_parent_class)->close_request (window);
}

static void
rp_checklist_item_dialog_constructed (GObject *object)
{
  RpChecklistItemDialog *self = RP_CHECKLIST_ITEM_DIALOG (object);

  G_OBJECT_CLASS (rp_checklist_item_dialog_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  g_assert (self->item_id != NULL);

  self->person_row = RP_PERSON_ROW (rp_person_row_new (self->store, _("Assignee"), TRUE));
  adw_preferences_group_add (self->group, GTK_WIDGET (self->person_row));
  self->due_row = RP_DATE_ROW (rp_date_row_new (_("Due")));
  adw_preferences_group_add (self->group, GTK_WIDGET (self->due_row));

  load (self);

  g_signal_connect (self->text_row, "changed", G_CALLBACK (on_text_changed_cb), self);
  g_signal_connect (self->text_row, "entry-activated", G_CALLBACK (on_text_activated_cb), self);
  g_signal_connect (self->state_row, "notify::selected", G_CALLBACK (on_state_selected_cb), self);
  g_signal_connect (self->person_row, "notify::person-id", G_CALLBACK (on_person_changed_cb), self);
  g_signal_connect (self->due_row, "notify::date", G_CALLBACK (on_due_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (on_notes_changed_cb),
                    self);
  g_signal_connect (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
}

static void
rp_checklist_item_dialog_dispose (GObject *object)
{
  RpChecklistItemDialog *self = RP_CHECKLIST_ITEM_DIALOG (object);

  g_clear_handle_id (&self->text_save_id, g_source_remove);
  g_clear_handle_id (&self->notes_save_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_checklist_item_dialog_parent_class)->dispose (object);
}

static void
rp_checklist_item_dialog_finalize (GObject *object)
{
  RpChecklistItemDialog *self = RP_CHECKLIST_ITEM_DIALOG (object);

  g_clear_pointer (&self->item_id, g_free);

  G_OBJECT_CLASS (rp_checklist_item_dialog_parent_class)->finalize (object);
}

static void
rp_checklist_item_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpChecklistItemDialog *self = RP_CHECKLIST_ITEM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_item_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpChecklistItemDialog *self = RP_CHECKLIST_ITEM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ITEM_ID:
      self->item_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_item_dialog_class_init (RpChecklistItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rp_checklist_item_dialog_constructed;
  object_class->dispose = rp_checklist_item_dialog_dispose;
  object_class->finalize = rp_checklist_item_dialog_finalize;
  object_class->get_property = rp_checklist_item_dialog_get_property;
  object_class->set_property = rp_checklist_item_dialog_set_property;
  window_class->close_request = rp_checklist_item_dialog_close_request;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
      g_param_spec_string ("item-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpChecklistItemDialog::deleted:
   * @item: the item as it was before the delete
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, RP_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-checklist-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpChecklistItemDialog, group);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistItemDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistItemDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistItemDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistItemDialog, delete_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_checklist_item_dialog_init (RpChecklistItemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rp_checklist_item_dialog_new (RpStore *store, const char *item_id)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_object_new (RP_TYPE_CHECKLIST_ITEM_DIALOG, "store", store, "item-id", item_id, NULL);
}

const char *
rp_checklist_item_dialog_get_item_id (RpChecklistItemDialog *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ITEM_DIALOG (self), NULL);

  return self->item_id;
}
