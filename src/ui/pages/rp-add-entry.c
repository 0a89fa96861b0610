/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-add-entry.h"
#include "rp-text-edits.h"
#include "rp-ui-util.h"

struct _RpAddEntry
{
  GtkWidget parent_instance;

  /* owned (children) */
  GtkEntry *entry;
  GtkButton *button;

  char *label;
};

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

enum
{
  ADD,
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rp_add_entry_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpAddEntry, rp_add_entry, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, rp_add_entry_editable_init))

static GtkEditable *
rp_add_entry_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (RP_ADD_ENTRY (editable)->entry);
}

static void
rp_add_entry_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = rp_add_entry_get_delegate;
}

static void
add_typed (RpAddEntry *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  gboolean added = FALSE;

  if (*text == '\0')
    return;
  g_signal_emit (self, signals[ADD], 0, text, &added);
  if (!added)
    return;
  rp_add_entry_show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  /* Ready for the next one, also after a click on the button. */
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_entry_changed_cb (RpAddEntry *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->button),
                            !rp_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  rp_add_entry_show_error (self, NULL);
}

const char *
rp_add_entry_get_label (RpAddEntry *self)
{
  g_return_val_if_fail (RP_IS_ADD_ENTRY (self), NULL);

  return self->label;
}

void
rp_add_entry_set_label (RpAddEntry *self, const char *label)
{
  g_return_if_fail (RP_IS_ADD_ENTRY (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  /* One name for the text and its button: what they add. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
rp_add_entry_set_placeholder_text (RpAddEntry *self, const char *placeholder_text)
{
  g_return_if_fail (RP_IS_ADD_ENTRY (self));

  if (g_strcmp0 (gtk_entry_get_placeholder_text (self->entry), placeholder_text) == 0)
    return;
  gtk_entry_set_placeholder_text (self->entry, placeholder_text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}

GtkWidget *
rp_add_entry_get_button (RpAddEntry *self)
{
  g_return_val_if_fail (RP_IS_ADD_ENTRY (self), NULL);

  return GTK_WIDGET (self->button);
}

void
rp_add_entry_show_error (RpAddEntry *self, const char *message)
{
  g_return_if_fail (RP_IS_ADD_ENTRY (self));

  rp_ui_show_error (GTK_WIDGET (self->entry), message);
  if (message == NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), NULL);
}

/* The focus goes to the text, where the typing is. */
static gboolean
rp_add_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RP_ADD_ENTRY (widget)->entry));
}

static void
rp_add_entry_dispose (GObject *object)
{
  RpAddEntry *self = RP_ADD_ENTRY (object);

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  g_clear_pointer ((GtkWidget **) &self->entry, gtk_widget_unparent);
  g_clear_pointer ((GtkWidget **) &self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (rp_add_entry_parent_class)->dispose (object);
}

static void
rp_add_entry_finalize (GObject *object)
{
  RpAddEntry *self = RP_ADD_ENTRY (object);

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (rp_add_entry_parent_class)->finalize (object);
}

static void
rp_add_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpAddEntry *self = RP_ADD_ENTRY (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_add_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpAddEntry *self = RP_ADD_ENTRY (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_LABEL:
      rp_add_entry_set_label (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      rp_add_entry_set_placeholder_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_add_entry_class_init (RpAddEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_add_entry_dispose;
  object_class->finalize = rp_add_entry_finalize;
  object_class->get_property = rp_add_entry_get_property;
  object_class->set_property = rp_add_entry_set_property;
  widget_class->grab_focus = rp_add_entry_grab_focus;

  properties[PROP_LABEL] =
      g_param_spec_string ("label", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PLACEHOLDER_TEXT] =
      g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  /**
   * RpAddEntry::add:
   * @text: what was typed, stripped, not empty
   *
   * Returns: TRUE when it was added.
   */
  signals[ADD] =
      g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, g_signal_accumulator_true_handled,
                    NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  /* gtk_widget_activate(): adds what was typed, as Enter does. */
  signals[ACTIVATE] =
      g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                  G_CALLBACK (add_typed), NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rp_add_entry_init (RpAddEntry *self)
{
  /* The entry and its button as one control. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_add_css_class (GTK_WIDGET (self), "rp-add-entry");

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (add_typed), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  gtk_editable_init_delegate (GTK_EDITABLE (self));

  self->button = GTK_BUTTON (gtk_button_new_from_icon_name ("list-add-symbolic"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), FALSE);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (add_typed), self);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
}

GtkWidget *
rp_add_entry_new (const char *label, const char *placeholder_text)
{
  return g_object_new (RP_TYPE_ADD_ENTRY, "label", label, "placeholder-text", placeholder_text, NULL);
}
