/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-date-row.h"
#include "rp-field-row.h"
#include "rp-freeze-import-dialog.h"
#include "rp-preferences-window.h"
#include "rp-templates-page.h"
#include "rp-ui-util.h"

#define SAVE_DELAY_MS 400

/* Keys of the data kept on rows and their widgets. */
#define ID_KEY "rp-id"
#define COLUMN_KEY "rp-column"

struct _RpPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* owned */
  RpStore *store;
  gulong changed_id;
  GHashTable *person_rows; /* id -> AdwExpanderRow (borrowed) */
  GHashTable *freeze_rows; /* id -> AdwExpanderRow (borrowed) */
  char *expand_freeze_id;  /* a freeze window just added: open it */

  /* borrowed: widgets */
  GtkWidget *people_group;
  GtkListBox *people_list;
  AdwEntryRow *new_name;
  AdwEntryRow *new_email;
  GtkWidget *freeze_group;
  GtkListBox *freeze_list;
  GtkCheckButton *days[7];
};

G_DEFINE_FINAL_TYPE (RpPreferencesWindow, rp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const weekday_keys[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* A text field of one row, saved a moment after the typing stops, when
 * it loses the focus and on Enter. */
static GtkWidget *
make_field (RpPreferencesWindow *self, RpEntity entity, const char *id, const char *column, const char *title)
{
  return rp_field_row_new (self->store, entity, id, column, title, column, RP_FIELD_ROW_NONE, SAVE_DELAY_MS,
                           NULL, NULL);
}

static GtkWidget *
make_delete_button (const char *label, const char *name)
{
  return rp_field_row_icon_button_new ("user-trash-symbolic", label, name);
}

/* People */

static void
show_in_use (RpPreferencesWindow *self, const char *message)
{
  GtkWidget *dialog =
      adw_message_dialog_new (GTK_WINDOW (self), _("This Person Cannot Be Deleted"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_widget_set_name (dialog, "in-use-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_person_clicked_cb (GtkButton *button, RpPreferencesWindow *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), ID_KEY));
  g_autoptr (RpRecord) person = rp_store_get (self->store, RP_ENTITY_PERSON, id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;

  if (person == NULL)
    return;
  /* Translators: the name of a person or a freeze window, in quotes */
  what = g_strdup_printf (_("“%s”"), rp_person_get_name (RP_PERSON (person)));

  if (!rp_store_delete (self->store, RP_ENTITY_PERSON, id, &error))
    {
      if (g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_IN_USE))
        show_in_use (self, error->message);
      else
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  rp_ui_toast_deleted (self->people_group, what);
}

static GtkWidget *
make_person_row (RpPreferencesWindow *self, RpRecord *person)
{
  const char *id = rp_record_get_id (person);
  g_autofree char *name = g_strconcat ("person-", id, NULL);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row = make_field (self, RP_ENTITY_PERSON, id, "name", _("Name"));
  GtkWidget *email_row = make_field (self, RP_ENTITY_PERSON, id, "email", _("Email"));
  GtkWidget *delete = make_delete_button (_("Delete Person"), "delete-person");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, name);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (email_row), GTK_INPUT_PURPOSE_EMAIL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), email_row);
  g_object_set_data_full (G_OBJECT (delete), ID_KEY, g_strdup (id), g_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_person_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete);
  g_object_set_data (G_OBJECT (row), "name-row", name_row);
  g_object_set_data (G_OBJECT (row), "email-row", email_row);
  return row;
}

static void
load_people (RpPreferencesWindow *self)
{
  g_autoptr (GPtrArray) people = rp_store_list (self->store, RP_ENTITY_PERSON, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < people->len; i++)
    {
      RpPerson *person = people->pdata[i];
      const char *id = rp_record_get_id (RP_RECORD (person));
      GtkWidget *row = g_hash_table_lookup (self->person_rows, id);
      const char *email = rp_person_get_email (person);

      g_hash_table_add (seen, (gpointer) id);
      if (row == NULL)
        {
          row = make_person_row (self, RP_RECORD (person));
          g_hash_table_insert (self->person_rows, g_strdup (id), row);
        }
      rp_ui_list_box_place_row (self->people_list, row, i);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_person_get_name (person));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), email != NULL ? email : "");
      rp_field_row_show (g_object_get_data (G_OBJECT (row), "name-row"), rp_person_get_name (person));
      rp_field_row_show (g_object_get_data (G_OBJECT (row), "email-row"), email);
    }
  rp_ui_list_box_remove_rows_not_in (self->people_list, self->person_rows, seen);
}

static void
on_add_person_activated_cb (GtkWidget *widget, RpPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_email))));
  g_autoptr (RpRecord) person = NULL;
  g_autoptr (GError) error = NULL;

  if (*name == '\0')
    {
      rp_ui_show_error (GTK_WIDGET (self->new_name), _("Type the person's name"));
      return;
    }
  person = rp_record_new (RP_ENTITY_PERSON);
  rp_record_set_string (person, "name", name);
  if (*email != '\0')
    rp_record_set_string (person, "email", email);
  if (!rp_store_insert (self->store, person, &error))
    {
      rp_ui_show_error (GTK_WIDGET (self->new_name), error->message);
      return;
    }
  rp_ui_show_error (GTK_WIDGET (self->new_name), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_email), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_name));
}

/* Freeze windows */

static char *
describe_span (const char *start, const char *end)
{
  g_autofree char *from = rp_ui_format_date (start);
  g_autofree char *to = rp_ui_format_date (end);

  /* Translators: a span of dates, "Mon, 21 Dec 2026 – Sun, 3 Jan 2027" */
  return g_strdup_printf (_("%s – %s"), from != NULL ? from : "?", to != NULL ? to : "?");
}

static void
on_freeze_date_changed_cb (RpDateRow *row, GParamSpec *pspec, RpPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), ID_KEY);
  const char *column = g_object_get_data (G_OBJECT (row), COLUMN_KEY);
  const char *date = rp_date_row_get_date (row);
  g_autoptr (RpRecord) window = rp_store_get (self->store, RP_ENTITY_FREEZE_WINDOW, id, NULL);
  gboolean is_end = g_str_equal (column, "end_date");
  const char *other;

  if (window == NULL)
    return;
  other = is_end ? rp_freeze_window_get_start_date (RP_FREEZE_WINDOW (window))
                 : rp_freeze_window_get_end_date (RP_FREEZE_WINDOW (window));
  if (date == NULL)
    {
      rp_ui_show_error (GTK_WIDGET (row), _("A freeze window needs both dates"));
      return;
    }
  if (is_end && other != NULL && strcmp (date, other) < 0)
    {
      rp_ui_show_error (GTK_WIDGET (row), _("Ends before it starts"));
      return;
    }
  if (!is_end && other != NULL && strcmp (date, other) > 0)
    {
      /* A window moved later keeps a valid end: it moves along, in the
       * same undo step. */
      g_autoptr (RpRecord) moved = rp_record_copy (window);
      g_autoptr (GError) error = NULL;

      rp_record_set_string (moved, "start_date", date);
      rp_record_set_string (moved, "end_date", date);
      rp_ui_show_error (GTK_WIDGET (row),
                        rp_store_update (self->store, moved, &error) ? NULL : error->message);
      return;
    }
  rp_ui_save_value (self->store, RP_ENTITY_FREEZE_WINDOW, id, column, g_variant_new_string (date),
                    GTK_WIDGET (row));
}

static void
on_delete_freeze_clicked_cb (GtkButton *button, RpPreferencesWindow *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), ID_KEY));
  g_autoptr (RpRecord) window = rp_store_get (self->store, RP_ENTITY_FREEZE_WINDOW, id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;

  if (window == NULL)
    return;
  what = g_strdup_printf (_("“%s”"), rp_freeze_window_get_name (RP_FREEZE_WINDOW (window)));
  if (!rp_store_delete (self->store, RP_ENTITY_FREEZE_WINDOW, id, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  rp_ui_toast_deleted (self->freeze_group, what);
}

static GtkWidget *
make_freeze_date_row (RpPreferencesWindow *self, const char *id, const char *column, const char *title)
{
  GtkWidget *row = rp_date_row_new (title);

  rp_date_row_set_clearable (RP_DATE_ROW (row), FALSE);
  gtk_widget_set_name (row, column);
  g_object_set_data_full (G_OBJECT (row), ID_KEY, g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), COLUMN_KEY, (gpointer) column);
  g_signal_connect (row, "notify::date", G_CALLBACK (on_freeze_date_changed_cb), self);
  return row;
}

static GtkWidget *
make_freeze_row (RpPreferencesWindow *self, RpRecord *window)
{
  const char *id = rp_record_get_id (window);
  g_autofree char *name = g_strconcat ("freeze-", id, NULL);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row = make_field (self, RP_ENTITY_FREEZE_WINDOW, id, "name", _("Name"));
  GtkWidget *start_row = make_freeze_date_row (self, id, "start_date", _("First Day"));
  GtkWidget *end_row = make_freeze_date_row (self, id, "end_date", _("Last Day"));
  GtkWidget *reason_row = make_field (self, RP_ENTITY_FREEZE_WINDOW, id, "reason", _("Reason"));
  GtkWidget *delete = make_delete_button (_("Delete Freeze Window"), "delete-freeze-window");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), start_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), end_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason_row);
  g_object_set_data_full (G_OBJECT (delete), ID_KEY, g_strdup (id), g_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_freeze_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete);
  g_object_set_data (G_OBJECT (row), "name-row", name_row);
  g_object_set_data (G_OBJECT (row), "reason-row", reason_row);
  g_object_set_data (G_OBJECT (row), "start-row", start_row);
  g_object_set_data (G_OBJECT (row), "end-row", end_row);
  return row;
}

static void
show_freeze_date (RpPreferencesWindow *self, RpDateRow *row, const char *date)
{
  g_signal_handlers_block_by_func (row, on_freeze_date_changed_cb, self);
  rp_date_row_set_date (row, date);
  g_signal_handlers_unblock_by_func (row, on_freeze_date_changed_cb, self);
  rp_ui_show_error (GTK_WIDGET (row), NULL);
}

static void
load_freeze_windows (RpPreferencesWindow *self)
{
  g_autoptr (GPtrArray) windows = rp_store_list (self->store, RP_ENTITY_FREEZE_WINDOW, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < windows->len; i++)
    {
      RpFreezeWindow *window = windows->pdata[i];
      const char *id = rp_record_get_id (RP_RECORD (window));
      GtkWidget *row = g_hash_table_lookup (self->freeze_rows, id);
      const char *start = rp_freeze_window_get_start_date (window);
      const char *end = rp_freeze_window_get_end_date (window);
      g_autofree char *span = describe_span (start, end);

      g_hash_table_add (seen, (gpointer) id);
      if (row == NULL)
        {
          row = make_freeze_row (self, RP_RECORD (window));
          g_hash_table_insert (self->freeze_rows, g_strdup (id), row);
        }
      rp_ui_list_box_place_row (self->freeze_list, row, i);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_freeze_window_get_name (window));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), span);
      rp_field_row_show (g_object_get_data (G_OBJECT (row), "name-row"), rp_freeze_window_get_name (window));
      rp_field_row_show (g_object_get_data (G_OBJECT (row), "reason-row"),
                         rp_freeze_window_get_reason (window));
      show_freeze_date (self, g_object_get_data (G_OBJECT (row), "start-row"), start);
      show_freeze_date (self, g_object_get_data (G_OBJECT (row), "end-row"), end);

      if (g_strcmp0 (id, self->expand_freeze_id) == 0)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          g_clear_pointer (&self->expand_freeze_id, g_free);
        }
    }
  rp_ui_list_box_remove_rows_not_in (self->freeze_list, self->freeze_rows, seen);
}

static void
on_import_freezes_clicked_cb (GtkButton *button, RpPreferencesWindow *self)
{
  rp_freeze_import_choose (self->freeze_group, self->store);
}

static void
on_add_freeze_clicked_cb (GtkButton *button, RpPreferencesWindow *self)
{
  g_autoptr (RpRecord) window = rp_record_new (RP_ENTITY_FREEZE_WINDOW);
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autoptr (GDateTime) week = g_date_time_add_days (today, 6);
  g_autofree char *start = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *end = g_date_time_format (week, "%Y-%m-%d");
  g_autoptr (GError) error = NULL;

  rp_record_set_string (window, "name", _("Freeze"));
  rp_record_set_string (window, "start_date", start);
  rp_record_set_string (window, "end_date", end);
  g_free (self->expand_freeze_id);
  self->expand_freeze_id = g_strdup (rp_record_get_id (window));
  if (!rp_store_insert (self->store, window, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* Deploy days */

static void on_day_toggled_cb (GtkCheckButton *check, RpPreferencesWindow *self);

static void
load_deploy_days (RpPreferencesWindow *self)
{
  g_auto (GStrv) days = rp_store_get_deploy_days (self->store);

  for (guint i = 0; i < 7; i++)
    {
      gboolean active = g_strv_contains ((const char *const *) days, weekday_keys[i]);

      if (gtk_check_button_get_active (self->days[i]) == active)
        continue;
      g_signal_handlers_block_by_func (self->days[i], on_day_toggled_cb, self);
      gtk_check_button_set_active (self->days[i], active);
      g_signal_handlers_unblock_by_func (self->days[i], on_day_toggled_cb, self);
    }
}

static void
on_day_toggled_cb (GtkCheckButton *check, RpPreferencesWindow *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) days = NULL;
  g_autofree char *value = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 7; i++)
    if (gtk_check_button_get_active (self->days[i]))
      g_strv_builder_add (builder, weekday_keys[i]);
  days = g_strv_builder_end (builder);
  value = g_strjoinv (",", days);

  if (!rp_store_set_setting (self->store, "deploy_days", value, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      load_deploy_days (self);
    }
}

/* The store */

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpPreferencesWindow *self)
{
  if (entity == RP_ENTITY_PERSON || entity == RP_N_ENTITIES)
    load_people (self);
  if (entity == RP_ENTITY_FREEZE_WINDOW || entity == RP_N_ENTITIES)
    load_freeze_windows (self);
  if (entity == RP_N_ENTITIES)
    load_deploy_days (self);
}

static void
on_undo_activated_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  rp_field_row_flush_all (widget, TRUE);
  if (g_str_equal (action_name, "win.undo"))
    ok = !rp_store_can_undo (self->store) || rp_store_undo (self->store, &error);
  else
    ok = !rp_store_can_redo (self->store) || rp_store_redo (self->store, &error);
  if (!ok)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* Building */

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
make_header_button (const char *icon, const char *label, const char *name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, name);
  return button;
}

static void
build (RpPreferencesWindow *self)
{
  GtkWidget *people_page = adw_preferences_page_new ();
  GtkWidget *deploy_page = adw_preferences_page_new ();
  AdwPreferencesGroup *group;
  GtkListBox *add_list_box;
  GtkWidget *add_button;
  GtkWidget *button;

  gtk_widget_set_name (people_page, "people");
  gtk_widget_set_name (deploy_page, "deploys");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (people_page), _("People"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (people_page), "system-users-symbolic");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (people_page));
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (deploy_page), _("Deploys"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (deploy_page), "x-office-calendar-symbolic");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (deploy_page));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (rp_templates_page_new (self->store)));

  /* People */
  group = add_group (ADW_PREFERENCES_PAGE (people_page), _("People"),
                     _("Who can own releases, scope, risks and checklist items"));
  self->people_group = GTK_WIDGET (group);
  self->people_list =
      rp_field_row_add_list (group, _("Nobody yet: add the people who work on releases below."));

  group = add_group (ADW_PREFERENCES_PAGE (people_page), _("Add a Person"), NULL);
  add_list_box = rp_field_row_add_list (group, NULL);
  self->new_name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_name), _("Name"));
  gtk_widget_set_name (GTK_WIDGET (self->new_name), "new-person-name");
  g_signal_connect (self->new_name, "entry-activated", G_CALLBACK (on_add_person_activated_cb), self);
  gtk_list_box_append (add_list_box, GTK_WIDGET (self->new_name));
  self->new_email = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_email), _("Email (optional)"));
  adw_entry_row_set_input_purpose (self->new_email, GTK_INPUT_PURPOSE_EMAIL);
  gtk_widget_set_name (GTK_WIDGET (self->new_email), "new-person-email");
  g_signal_connect (self->new_email, "entry-activated", G_CALLBACK (on_add_person_activated_cb), self);
  gtk_list_box_append (add_list_box, GTK_WIDGET (self->new_email));
  add_button = gtk_button_new_with_mnemonic (_("_Add Person"));
  gtk_widget_add_css_class (add_button, "pill");
  gtk_widget_add_css_class (add_button, "suggested-action");
  gtk_widget_set_halign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (add_button, 12);
  gtk_widget_set_name (add_button, "add-person");
  g_signal_connect (add_button, "clicked", G_CALLBACK (on_add_person_activated_cb), self);
  adw_preferences_group_add (group, add_button);

  /* Freeze windows */
  group = add_group (ADW_PREFERENCES_PAGE (deploy_page), _("Freeze Windows"),
                     _("Days when nothing may be deployed, for every release"));
  self->freeze_group = GTK_WIDGET (group);
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    button = make_header_button ("document-open-symbolic", _("_Import…"), "import-freeze-windows");
    gtk_widget_set_tooltip_text (button, _("Import Freeze Windows from a Calendar File"));
    g_signal_connect (button, "clicked", G_CALLBACK (on_import_freezes_clicked_cb), self);
    gtk_box_append (GTK_BOX (buttons), button);
    button = make_header_button ("list-add-symbolic", _("_Add"), "add-freeze-window");
    gtk_widget_set_tooltip_text (button, _("Add a Freeze Window"));
    g_signal_connect (button, "clicked", G_CALLBACK (on_add_freeze_clicked_cb), self);
    gtk_box_append (GTK_BOX (buttons), button);
    adw_preferences_group_set_header_suffix (group, buttons);
  }
  self->freeze_list = rp_field_row_add_list (group, _("No freeze windows"));

  /* Deploy days */
  group = add_group (ADW_PREFERENCES_PAGE (deploy_page), _("Deploy Days"),
                     _("The weekdays deploys are allowed on; readiness warns about the others"));
  {
    const char *day_names[7] = {
      _("Monday"), _("Tuesday"),  _("Wednesday"), _("Thursday"),
      _("Friday"), _("Saturday"), _("Sunday"),
    };

    for (guint i = 0; i < 7; i++)
      {
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *check = gtk_check_button_new ();
        g_autofree char *name = g_strconcat ("day-", weekday_keys[i], NULL);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day_names[i]);
        gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
        gtk_widget_set_name (check, name);
        gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, day_names[i],
                                        -1);
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
        adw_preferences_group_add (group, row);
        self->days[i] = GTK_CHECK_BUTTON (check);
        g_signal_connect (check, "toggled", G_CALLBACK (on_day_toggled_cb), self);
      }
  }
}

/* GObject */

static void
rp_preferences_window_constructed (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rp_preferences_window_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  build (self);
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  load_people (self);
  load_freeze_windows (self);
  load_deploy_days (self);
}

static void
rp_preferences_window_dispose (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  if (self->store != NULL)
    {
      /* What was typed a moment ago is kept. */
      rp_field_row_flush_all (GTK_WIDGET (self), TRUE);
      g_clear_signal_handler (&self->changed_id, self->store);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_preferences_window_parent_class)->dispose (object);
}

static void
rp_preferences_window_finalize (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->person_rows, g_hash_table_unref);
  g_clear_pointer (&self->freeze_rows, g_hash_table_unref);
  g_clear_pointer (&self->expand_freeze_id, g_free);

  G_OBJECT_CLASS (rp_preferences_window_parent_class)->finalize (object);
}

static void
rp_preferences_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_preferences_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_preferences_window_class_init (RpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_preferences_window_constructed;
  object_class->dispose = rp_preferences_window_dispose;
  object_class->finalize = rp_preferences_window_finalize;
  object_class->get_property = rp_preferences_window_get_property;
  object_class->set_property = rp_preferences_window_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The Undo of the toasts, and the keys, work here as in the window. */
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, on_undo_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, on_undo_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo",
                                       NULL);
}

static void
rp_preferences_window_init (RpPreferencesWindow *self)
{
  self->person_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->freeze_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 680);
}

/**
 * rp_preferences_window_new:
 *
 * Returns: (transfer floating): a new preferences window for @store
 */
GtkWidget *
rp_preferences_window_new (RpStore *store)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_PREFERENCES_WINDOW, "store", store, NULL);
}
