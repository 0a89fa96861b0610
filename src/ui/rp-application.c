/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-application.h"
#include "rp-core.h"
#include "rp-preferences-window.h"
#include "rp-window.h"

struct _RpApplication
{
  AdwApplication parent_instance;

  /* owned */
  char *db_path; /* from --db, or NULL for the default */
  RpStore *store;
};

G_DEFINE_FINAL_TYPE (RpApplication, rp_application, ADW_TYPE_APPLICATION)

static void
on_error_dialog_responded_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Tells the person what went wrong, in a dialog on top of @parent (or on
 * its own when there is no window yet). */
static GtkWindow *
show_error (RpApplication *self, GtkWindow *parent, const char *heading, const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Holds the application while it is the only window. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_responded_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static RpWindow *
get_main_window (RpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (RP_IS_WINDOW (l->data))
      return RP_WINDOW (l->data);

  return NULL;
}

static void
on_new_release_responded_cb (AdwMessageDialog *dialog, const char *response, RpApplication *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "name-entry");
  GtkEditable *version_entry = g_object_get_data (G_OBJECT (dialog), "version-entry");
  GtkDropDown *templates = g_object_get_data (G_OBJECT (dialog), "template-drop-down");
  GStrv template_ids = g_object_get_data (G_OBJECT (dialog), "template-ids");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *version = g_strstrip (g_strdup (gtk_editable_get_text (version_entry)));
  guint chosen = gtk_drop_down_get_selected (templates);
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) template = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  RpWindow *window;

  if (g_strcmp0 (response, "create") != 0 || *name == '\0' || self->store == NULL)
    return;

  release = rp_record_new (RP_ENTITY_RELEASE);
  rp_record_set_string (release, "name", name);
  if (*version != '\0')
    rp_record_set_string (release, "version", version);

  /* The chosen template (the last choice is an empty checklist); the
   * release and its checklist are one step to undo. */
  if (chosen < g_strv_length (template_ids))
    template = rp_template_find (self->store, template_ids[chosen], NULL);

  if (!rp_release_create (self->store, RP_RELEASE (release),
                          template != NULL ? rp_record_get_id (template) : NULL, &error))
    {
      show_error (self, parent, _("Could Not Create the Release"), error);
      return;
    }

  window = get_main_window (self);
  if (window != NULL)
    rp_window_select_release (window, rp_record_get_id (release));
}

static void
on_new_release_name_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

static void
new_release_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpApplication *self = RP_APPLICATION (user_data);
  g_autoptr (GPtrArray) template_records = NULL;
  GtkStringList *names;
  GStrv template_ids;
  guint preselect = G_MAXUINT;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *version_entry;
  GtkWidget *drop_down;

  if (self->store == NULL)
    return;

  dialog =
      adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)), _("New Release"),
                              _("Name the release and choose the checklist it starts "
                                 "with; the timeline, owners and the rest of the plan can "
                                 "be filled in afterwards."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create",
                                    _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Release name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Release name"),
                                  -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_new_release_name_changed_cb), dialog, 0);
  gtk_box_append (GTK_BOX (box), entry);

  version_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (version_entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (version_entry), _("Version (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (version_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Version"), -1);
  gtk_box_append (GTK_BOX (box), version_entry);

  /* Every template, the standard one preselected, and an empty checklist. */
  template_records = rp_store_list (self->store, RP_ENTITY_TEMPLATE, NULL);
  names = gtk_string_list_new (NULL);
  template_ids = g_new0 (char *, template_records->len + 1);
  for (guint i = 0; i < template_records->len; i++)
    {
      const char *id = rp_record_get_id (template_records->pdata[i]);
      g_autofree char *label =
          g_strdup_printf (_("Checklist: %s"), rp_template_get_name (template_records->pdata[i]));

      gtk_string_list_append (names, label);
      template_ids[i] = g_strdup (id);
      if (g_strcmp0 (id, RP_TEMPLATE_STANDARD_ID) == 0)
        preselect = i;
    }
  gtk_string_list_append (names, _("Empty checklist"));
  if (preselect == G_MAXUINT)
    preselect = template_records->len;
  drop_down = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), preselect);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checklist template"), -1);
  gtk_box_append (GTK_BOX (box), drop_down);

  g_object_set_data (G_OBJECT (dialog), "name-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "version-entry", version_entry);
  g_object_set_data (G_OBJECT (dialog), "template-drop-down", drop_down);
  g_object_set_data_full (G_OBJECT (dialog), "template-ids", template_ids, (GDestroyNotify) g_strfreev);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_release_responded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* The sample goes in beside what is there and overwrites nothing (a
 * sample release already there, edited or not, is kept); the toast says
 * what was added and takes it back. */
static void
load_sample_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpApplication *self = RP_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RpImportSummary summary;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    return;

  if (!rp_sample_plan_load_full (self->store, &summary, &error))
    {
      show_error (self, window, _("Could Not Load the Sample Plan"), error);
      return;
    }
  if (summary.releases_added > 0 && summary.releases_kept == 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sample plan loaded: %u release",
                                          "Sample plan loaded: %u releases", summary.releases_added),
                             summary.releases_added);
  else if (summary.releases_added > 0)
    title = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%u sample release added; the others were here and are kept as they are",
                     "%u sample releases added; the others were here and are kept as they are",
                     summary.releases_added),
        summary.releases_added);
  else if (summary.rows_added > 0)
    title = g_strdup (
        _("The sample's releases are here already and kept as they are; what was missing is added"));
  else
    title = g_strdup (_("The sample plan is here already: nothing changed"));
  if (RP_IS_WINDOW (window))
    rp_window_show_toast (RP_WINDOW (window), title, summary.rows_added > 0);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpApplication *self = RP_APPLICATION (user_data);
  GtkWidget *preferences;

  if (self->store == NULL)
    return;

  preferences = rp_preferences_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpApplication *self = RP_APPLICATION (user_data);
  static const char *developers[] = { "The Release Planner authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)), "application-name",
                         _("Release Planner"), "application-icon", APP_ID, "developer-name",
                         _("The Release Planner authors"), "developers", developers, "version",
                         PACKAGE_VERSION, "comments",
                         _("Plan software releases end to end: scope, risks, "
                            "dependencies, checklists, rollout and the go/no-go "
                            "decision."),
                         "copyright", "© 2026 The Release Planner authors", "license-type",
                         GTK_LICENSE_GPL_3_0, "translator-credits", _("translator-credits"), NULL);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpApplication *self = RP_APPLICATION (user_data);

  /* Closing the windows lets them save their state. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "new-release", new_release_activated },
  { "load-sample", load_sample_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
on_open_error_responded_cb (AdwMessageDialog *dialog, const char *response, RpApplication *self)
{
  g_application_quit (G_APPLICATION (self));
}

static gboolean
open_store (RpApplication *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *dialog;

  path = self->db_path != NULL ? g_strdup (self->db_path) : rp_store_default_path ();
  self->store = rp_store_open (path, &error);
  if (self->store != NULL)
    return TRUE;

  /* The store leaves a file it refuses untouched; say why and stop. */
  dialog = show_error (self, NULL, _("Cannot Open the Plan"), error);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), "close", _("_Quit"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_responded_cb), self, 0);

  return FALSE;
}

static int
rp_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  RpApplication *self = RP_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &path) && path != NULL && *path != '\0')
    self->db_path = g_strdup (path);

  /* Another database than the default one gets its own process, so that
   * "--db other.db" never just raises the window of the running one. */
  if (self->db_path != NULL || g_getenv ("RELEASE_PLANNER_DB") != NULL)
    g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (rp_application_parent_class)->handle_local_options (application, options);
}

static void
rp_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_release_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (rp_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-release",
                                         new_release_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
rp_application_activate (GApplication *application)
{
  RpApplication *self = RP_APPLICATION (application);
  RpWindow *window;

  if (self->store == NULL && !open_store (self))
    return;

  window = get_main_window (self);
  if (window == NULL)
    window = rp_window_new (GTK_APPLICATION (self), self->store);

  gtk_window_present (GTK_WINDOW (window));
}

static void
rp_application_dispose (GObject *object)
{
  RpApplication *self = RP_APPLICATION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_application_parent_class)->dispose (object);
}

static void
rp_application_finalize (GObject *object)
{
  RpApplication *self = RP_APPLICATION (object);

  g_free (self->db_path);

  G_OBJECT_CLASS (rp_application_parent_class)->finalize (object);
}

static void
rp_application_class_init (RpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rp_application_dispose;
  object_class->finalize = rp_application_finalize;
  app_class->handle_local_options = rp_application_handle_local_options;
  app_class->startup = rp_application_startup;
  app_class->activate = rp_application_activate;
}

static void
rp_application_init (RpApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Use the plan database at PATH"), _("PATH"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Without a command, opens the Release Planner "
                                               "window. Run “release-planner help” for the "
                                               "commands."));
}

RpApplication *
rp_application_new (void)
{
  return g_object_new (RP_TYPE_APPLICATION, "application-id", APP_ID, "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Not the one GApplication derives from the .Devel id:
                        * both profiles share one set of resources. */
                       "resource-base-path", RESOURCE_PREFIX, NULL);
}
