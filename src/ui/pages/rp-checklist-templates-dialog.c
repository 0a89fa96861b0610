/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-checklist-name-dialog.h"
#include "rp-checklist-templates-dialog.h"

struct _RpChecklistTemplatesDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toasts;
  AdwPreferencesGroup *group;

  /* owned */
  RpStore *store;
  char *release_id;
  GPtrArray *rows; /* borrowed: the group holds them */
  gulong changed_id;
  guint reload_id;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_RELEASE_ID,
  N_PROPS
};

enum
{
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RpChecklistTemplatesDialog, rp_checklist_templates_dialog, ADW_TYPE_WINDOW)

static char *
describe_template (RpStore *store, const char *template_id)
{
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, template_id);
  g_autofree char *n_sections = NULL;
  g_autofree char *n_items = NULL;
  guint items = 0;

  for (guint s = 0; s < sections->len; s++)
    {
      g_autoptr (GPtrArray) list =
          rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (sections->pdata[s]));
      items += list->len;
    }
  n_sections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", sections->len),
                                sections->len);
  n_items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", items), items);
  return g_strdup_printf ("%s · %s", n_sections, n_items);
}

static void
show_error (RpChecklistTemplatesDialog *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

static void
on_template_activated_cb (AdwActionRow *row, gpointer user_data)
{
  RpChecklistTemplatesDialog *self = user_data;
  const char *template_id = g_object_get_data (G_OBJECT (row), "rp-template-id");
  g_autoptr (RpRecord) tmpl = rp_store_get (self->store, RP_ENTITY_TEMPLATE, template_id, NULL);
  g_autoptr (GError) error = NULL;
  guint n_sections = 0, n_items = 0;

  if (self->release_id == NULL || tmpl == NULL)
    return;
  /* What the checklist has already is not added again. */
  if (!rp_template_apply_full (self->store, template_id, self->release_id, &n_sections, &n_items, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[APPLIED], 0, rp_template_get_name (RP_TEMPLATE (tmpl)), n_items, n_sections);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static GMenuModel *
make_template_menu (const char *template_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenuItem) rename = g_menu_item_new (_("_Rename…"), NULL);
  g_autoptr (GMenuItem) remove = g_menu_item_new (_("_Delete"), NULL);

  g_menu_item_set_action_and_target (rename, "templates.rename", "s", template_id);
  g_menu_item_set_action_and_target (remove, "templates.delete", "s", template_id);
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, remove);
  return G_MENU_MODEL (menu);
}

static GtkWidget *
make_template_row (RpChecklistTemplatesDialog *self, RpRecord *tmpl)
{
  const char *id = rp_record_get_id (tmpl);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr (GMenuModel) menu = make_template_menu (id);
  g_autofree char *subtitle = describe_template (self->store, id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_template_get_name (RP_TEMPLATE (tmpl)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("Template Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Template Menu"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, "template-row");
  g_object_set_data_full (G_OBJECT (row), "rp-template-id", g_strdup (id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_template_activated_cb), self);
  return row;
}

static void
reload (RpChecklistTemplatesDialog *self)
{
  g_autoptr (GPtrArray) templates = rp_store_list (self->store, RP_ENTITY_TEMPLATE, NULL);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < templates->len; i++)
    {
      GtkWidget *row = make_template_row (self, templates->pdata[i]);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  adw_preferences_group_set_description (
      self->group, templates->len > 0
                       ? _("Choose one to add its sections and items after those the checklist "
                            "has. Save a checklist as a template from the checklist menu.")
                       : _("There are no templates yet. Save a checklist as a template from "
                            "the checklist menu."));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  RpChecklistTemplatesDialog *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, gpointer user_data)
{
  RpChecklistTemplatesDialog *self = user_data;

  if ((entity == RP_ENTITY_TEMPLATE || entity == RP_ENTITY_TEMPLATE_SECTION ||
       entity == RP_ENTITY_TEMPLATE_ITEM || entity == RP_N_ENTITIES) &&
      self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
on_rename_chosen_cb (RpChecklistNameDialog *dialog, const char *name, gpointer user_data)
{
  RpChecklistTemplatesDialog *self = user_data;
  const char *template_id = rp_checklist_name_dialog_get_subject (dialog);
  g_autoptr (RpRecord) tmpl = rp_store_get (self->store, RP_ENTITY_TEMPLATE, template_id, NULL);
  g_autoptr (RpRecord) clash = NULL;
  g_autoptr (GError) error = NULL;

  if (tmpl == NULL)
    return;
  /* Names pick templates (new --template NAME): they stay unique. */
  clash = rp_template_find (self->store, name, &error);
  if ((clash != NULL && g_strcmp0 (rp_record_get_id (clash), template_id) != 0) ||
      g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS))
    {
      g_autofree char *message =
          /* Translators: %s is the name of a checklist template */
          g_strdup_printf (_("A template named “%s” exists already."), name);
      show_error (self, message);
      return;
    }
  g_clear_error (&error);
  rp_record_set_string (tmpl, "name", name);
  if (!rp_store_update (self->store, tmpl, &error))
    show_error (self, error->message);
}

static void
rename_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistTemplatesDialog *self = RP_CHECKLIST_TEMPLATES_DIALOG (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) tmpl = rp_store_get (self->store, RP_ENTITY_TEMPLATE, id, NULL);
  RpChecklistNameDialog *dialog;

  if (tmpl == NULL)
    return;
  dialog = rp_checklist_name_dialog_present (GTK_WINDOW (self), _("Rename Template"), NULL,
                                             rp_template_get_name (RP_TEMPLATE (tmpl)), _("_Rename"), id);
  g_signal_connect_object (dialog, "name-chosen", G_CALLBACK (on_rename_chosen_cb), self, 0);
}

static void
on_undo_clicked_cb (AdwToast *toast, gpointer user_data)
{
  RpChecklistTemplatesDialog *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!rp_store_undo (self->store, &error))
    show_error (self, error->message);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistTemplatesDialog *self = RP_CHECKLIST_TEMPLATES_DIALOG (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) tmpl = rp_store_get (self->store, RP_ENTITY_TEMPLATE, id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (tmpl == NULL)
    return;
  if (!rp_store_delete (self->store, RP_ENTITY_TEMPLATE, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  name = g_markup_escape_text (rp_template_get_name (RP_TEMPLATE (tmpl)), -1);
  /* Translators: %s is the name of a checklist template */
  title = g_strdup_printf (_("Template “%s” deleted"), name);
  toast = adw_toast_new (title);
  /* This window is not the main window: its Undo button undoes itself. */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
rp_checklist_templates_dialog_constructed (GObject *object)
{
  RpChecklistTemplatesDialog *self = RP_CHECKLIST_TEMPLATES_DIALOG (object);

  G_OBJECT_CLASS (rp_checklist_templates_dialog_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

static void
rp_checklist_templates_dialog_dispose (GObject *object)
{
  RpChecklistTemplatesDialog *self = RP_CHECKLIST_TEMPLATES_DIALOG (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_checklist_templates_dialog_parent_class)->dispose (object);
}

static void
rp_checklist_templates_dialog_finalize (GObject *object)
{
  RpChecklistTemplatesDialog *self = RP_CHECKLIST_TEMPLATES_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->release_id, g_free);

  G_OBJECT_CLASS (rp_checklist_templates_dialog_parent_class)->finalize (object);
}

static void
rp_checklist_templates_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpChecklistTemplatesDialog *self = RP_CHECKLIST_TEMPLATES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RELEASE_ID:
      g_value_set_string (value, self->release_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_templates_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                                            GParamSpec *pspec)
{
  RpChecklistTemplatesDialog *self = RP_CHECKLIST_TEMPLATES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RELEASE_ID:
      if (g_strcmp0 (self->release_id, g_value_get_string (value)) != 0)
        {
          g_free (self->release_id);
          self->release_id = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_templates_dialog_class_init (RpChecklistTemplatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_checklist_templates_dialog_constructed;
  object_class->dispose = rp_checklist_templates_dialog_dispose;
  object_class->finalize = rp_checklist_templates_dialog_finalize;
  object_class->get_property = rp_checklist_templates_dialog_get_property;
  object_class->set_property = rp_checklist_templates_dialog_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The release a template is applied to (NULL: none). */
  properties[PROP_RELEASE_ID] =
      g_param_spec_string ("release-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpChecklistTemplatesDialog::applied:
   * @template_name: the name of the template whose checklist was added
   * @n_items: how many items were added (those the checklist lacked)
   * @n_sections: how many sections were added
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-checklist-templates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpChecklistTemplatesDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistTemplatesDialog, group);

  gtk_widget_class_install_action (widget_class, "templates.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "templates.delete", "s", delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_checklist_templates_dialog_init (RpChecklistTemplatesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
rp_checklist_templates_dialog_new (RpStore *store, const char *release_id)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_CHECKLIST_TEMPLATES_DIALOG, "store", store, "release-id", release_id, NULL);
}
