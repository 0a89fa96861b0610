/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-checklist-add-entry.h"
#include "rp-ui-util.h"

struct _RpChecklistAddEntry
{
  GtkWidget parent_instance;

  GtkEntry *entry;
  char *section_name;
};

enum
{
  PROP_0,
  PROP_SECTION_NAME,
  N_PROPS
};

enum
{
  ADD_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RpChecklistAddEntry, rp_checklist_add_entry, GTK_TYPE_WIDGET)

static void
on_entry_activated_cb (GtkEntry *entry, gpointer user_data)
{
  RpChecklistAddEntry *self = user_data;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gboolean added = FALSE;

  if (*text == '\0')
    return;
  g_signal_emit (self, signals[ADD_ITEM], 0, text, &added);
  if (!added)
    return;
  rp_checklist_add_entry_show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

void
rp_checklist_add_entry_set_section_name (RpChecklistAddEntry *self, const char *name)
{
  g_autofree char *placeholder = NULL;

  g_return_if_fail (RP_IS_CHECKLIST_ADD_ENTRY (self));

  if (g_strcmp0 (self->section_name, name) == 0)
    return;
  g_free (self->section_name);
  self->section_name = g_strdup (name);
  placeholder = g_strdup_printf (_("Add an item to %s"), name != NULL ? name : "");
  gtk_entry_set_placeholder_text (self->entry, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_NAME]);
}

void
rp_checklist_add_entry_show_error (RpChecklistAddEntry *self, const char *message)
{
  g_return_if_fail (RP_IS_CHECKLIST_ADD_ENTRY (self));

  rp_ui_show_error (GTK_WIDGET (self->entry), message);
}

/* The focus goes to the text, where the typing is. */
static gboolean
rp_checklist_add_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RP_CHECKLIST_ADD_ENTRY (widget)->entry));
}

static void
rp_checklist_add_entry_dispose (GObject *object)
{
  RpChecklistAddEntry *self = RP_CHECKLIST_ADD_ENTRY (object);

  g_clear_pointer ((GtkWidget **) &self->entry, gtk_widget_unparent);

  G_OBJECT_CLASS (rp_checklist_add_entry_parent_class)->dispose (object);
}

static void
rp_checklist_add_entry_finalize (GObject *object)
{
  RpChecklistAddEntry *self = RP_CHECKLIST_ADD_ENTRY (object);

  g_clear_pointer (&self->section_name, g_free);

  G_OBJECT_CLASS (rp_checklist_add_entry_parent_class)->finalize (object);
}

static void
rp_checklist_add_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpChecklistAddEntry *self = RP_CHECKLIST_ADD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SECTION_NAME:
      g_value_set_string (value, self->section_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_add_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpChecklistAddEntry *self = RP_CHECKLIST_ADD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SECTION_NAME:
      rp_checklist_add_entry_set_section_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_add_entry_class_init (RpChecklistAddEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_checklist_add_entry_dispose;
  object_class->finalize = rp_checklist_add_entry_finalize;
  object_class->get_property = rp_checklist_add_entry_get_property;
  object_class->set_property = rp_checklist_add_entry_set_property;
  widget_class->grab_focus = rp_checklist_add_entry_grab_focus;

  properties[PROP_SECTION_NAME] =
      g_param_spec_string ("section-name", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpChecklistAddEntry::add-item:
   * @text: what was typed, stripped, not empty
   *
   * Returns: TRUE when the item was added.
   */
  signals[ADD_ITEM] =
      g_signal_new ("add-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  /* A box around the entry, to themes and to screen readers. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rp_checklist_add_entry_init (RpChecklistAddEntry *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "checklist-add");

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "add-item-entry");
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_entry_set_icon_from_icon_name (self->entry, GTK_ENTRY_ICON_PRIMARY, "list-add-symbolic");
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_entry_activated_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
}

GtkWidget *
rp_checklist_add_entry_new (void)
{
  return g_object_new (RP_TYPE_CHECKLIST_ADD_ENTRY, NULL);
}
