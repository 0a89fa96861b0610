/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-checklist-name-dialog.h"

struct _RpChecklistNameDialog
{
  AdwMessageDialog parent_instance;

  GtkEditable *entry;
  char *subject;
};

enum
{
  NAME_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RpChecklistNameDialog, rp_checklist_name_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_name (RpChecklistNameDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (self->entry)));
}

static void
on_name_changed_cb (GtkEditable *editable, gpointer user_data)
{
  RpChecklistNameDialog *self = user_data;
  g_autofree char *name = dup_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "ok", *name != '\0');
}

static void
on_responded_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  RpChecklistNameDialog *self = RP_CHECKLIST_NAME_DIALOG (dialog);
  g_autofree char *name = dup_name (self);

  if (g_strcmp0 (response, "ok") == 0 && *name != '\0')
    g_signal_emit (self, signals[NAME_CHOSEN], 0, name);
}

static void
rp_checklist_name_dialog_finalize (GObject *object)
{
  RpChecklistNameDialog *self = RP_CHECKLIST_NAME_DIALOG (object);

  g_clear_pointer (&self->subject, g_free);

  G_OBJECT_CLASS (rp_checklist_name_dialog_parent_class)->finalize (object);
}

static void
rp_checklist_name_dialog_class_init (RpChecklistNameDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_checklist_name_dialog_finalize;

  /**
   * RpChecklistNameDialog::name-chosen:
   * @name: the name, stripped, not empty
   */
  signals[NAME_CHOSEN] = g_signal_new ("name-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                       NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rp_checklist_name_dialog_init (RpChecklistNameDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *entry = gtk_entry_new ();

  self->entry = GTK_EDITABLE (entry);
  gtk_widget_set_name (entry, "name-entry");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect (self, "response", G_CALLBACK (on_responded_cb), NULL);
}

RpChecklistNameDialog *
rp_checklist_name_dialog_present (GtkWindow *parent, const char *heading, const char *body,
                                  const char *initial, const char *ok_label, const char *subject)
{
  RpChecklistNameDialog *self;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ok_label != NULL, NULL);

  self = g_object_new (RP_TYPE_CHECKLIST_NAME_DIALOG, "transient-for", parent, NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  if (heading != NULL)
    adw_message_dialog_set_heading (dialog, heading);
  if (body != NULL)
    adw_message_dialog_set_body (dialog, body);
  self->subject = g_strdup (subject);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_editable_set_text (self->entry, initial != NULL ? initial : "");
  on_name_changed_cb (self->entry, self);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return self;
}

const char *
rp_checklist_name_dialog_get_subject (RpChecklistNameDialog *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_NAME_DIALOG (self), NULL);

  return self->subject;
}
