/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-export-actions.h"
#include "rp-file-chooser.h"
#include "rp-readiness-ui.h"
#include "rp-window-private.h"

#define DATA_KEY "rp-export-actions"

typedef GBytes *(*ExportFunc) (RpStore *store, const char *release_id, GError **error);

typedef struct
{
  const char *action;
  gboolean all;      /* every release, not the selected one */
  const char *title; /* of the chooser */
  const char *name;  /* the default file name: %s is the release */
  ExportFunc export;
} Format;

typedef struct
{
  RpWindow *window; /* borrowed: the window owns this */
  GSimpleActionGroup *group;
} ExportActions;

typedef struct
{
  RpWindow *window;
  const Format *format;
  char *release_id;
} Job;

static GBytes *
bytes_or_null (char *text)
{
  return text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
}

/* The readiness verdict of the plan and the report is that of the
 * readiness card: today (or $RP_TODAY), as rp_ui_get_today() says. */
static char *
markdown_plan (RpStore *store, const char *id, GError **error)
{
  GDate today;

  rp_ui_get_today (&today);
  return rp_format_markdown_plan (store, id, &today, error);
}

static GBytes *
export_markdown (RpStore *store, const char *id, GError **error)
{
  return bytes_or_null (markdown_plan (store, id, error));
}

static GBytes *
export_checklist (RpStore *store, const char *id, GError **error)
{
  return bytes_or_null (rp_format_markdown_checklist (store, id, NULL, error));
}

static GBytes *
export_release_notes (RpStore *store, const char *id, GError **error)
{
  return bytes_or_null (rp_format_markdown_release_notes (store, id, error));
}

static GBytes *
export_json (RpStore *store, const char *id, GError **error)
{
  return bytes_or_null (rp_format_json_export (store, id, error));
}

static GBytes *
export_csv (RpStore *store, const char *id, GError **error)
{
  return bytes_or_null (rp_format_csv_jira (store, id, error));
}

static GBytes *
export_ics (RpStore *store, const char *id, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return bytes_or_null (rp_format_ics_export (store, id, now, error));
}

static GBytes *
export_pdf (RpStore *store, const char *id, GError **error)
{
  GDate today;

  rp_ui_get_today (&today);
  return rp_format_pdf_export (store, id, &today, error);
}

static const Format formats[] = {
  /* Translators: the titles of the file choosers, and the file names
   * they suggest (%s is the release's name and version; no-c-format) */
  { "markdown", FALSE, N_("Export Plan as Markdown"), N_("%s plan.md"), export_markdown },
  { "checklist", FALSE, N_("Export Checklist as Markdown"), N_("%s checklist.md"), export_checklist },
  { "release-notes", FALSE, N_("Export Release Notes"), N_("%s release notes.md"), export_release_notes },
  { "json", FALSE, N_("Export Plan File"), N_("%s.json"), export_json },
  { "csv", FALSE, N_("Export CSV for Jira"), N_("%s Jira.csv"), export_csv },
  { "ics", FALSE, N_("Export to Calendar"), N_("%s.ics"), export_ics },
  { "pdf", FALSE, N_("Export Readiness Report"), N_("%s readiness report.pdf"), export_pdf },
  { "json-all", TRUE, N_("Export All Releases"), N_("Release plan.json"), export_json },
  { "ics-all", TRUE, N_("Export All Releases to Calendar"), N_("Releases.ics"), export_ics },
};

static char *
get_release_id (RpWindow *window)
{
  char *id = NULL;

  g_object_get (window, "release-id", &id, NULL);
  return id;
}

/* "Checkout 2.4", made safe for a file name. */
static char *
describe_release (RpStore *store, const char *release_id)
{
  g_autoptr (RpRecord) release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, NULL);
  const char *name = release != NULL ? rp_release_get_name (RP_RELEASE (release)) : NULL;
  const char *version = release != NULL ? rp_release_get_version (RP_RELEASE (release)) : NULL;
  GString *text = g_string_new (name != NULL && *name != '\0' ? name : _("Release"));

  if (version != NULL && *version != '\0' && g_strstr_len (text->str, -1, version) == NULL)
    g_string_append_printf (text, " %s", version);
  for (char *p = text->str; *p != '\0'; p++)
    if (*p == '/' || *p == '\\' || *p == ':' || (guchar) *p < 0x20)
      *p = '-';
  if (text->str[0] == '.')
    text->str[0] = '_';

  return g_string_free (text, FALSE);
}

static void
job_free (Job *job)
{
  g_object_unref (job->window);
  g_free (job->release_id);
  g_free (job);
}

static void
show_error (RpWindow *window, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, message);

  gtk_widget_set_name (dialog, "export-error");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "~/Documents/plan.md" for a file in the home folder. */
static char *
display_path (GFile *file)
{
  g_autoptr (GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = g_file_get_relative_path (home, file);

  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (file);
}

static void
toast_saved (RpWindow *window, GFile *file)
{
  g_autofree char *where = display_path (file);
  g_autofree char *escaped = g_markup_escape_text (where, -1);
  g_autofree char *title = NULL;
  g_autoptr (GFile) folder = g_file_get_parent (file);
  AdwToast *toast;

  /* Translators: a toast after an export; %s is where the file went */
  title = g_strdup_printf (_("Saved to %s"), escaped);
  toast = adw_toast_new (title);
  if (folder != NULL && g_file_is_native (folder))
    {
      g_autofree char *uri = g_file_get_uri (folder);

      adw_toast_set_button_label (toast, _("_Open Folder"));
      adw_toast_set_action_name (toast, "export.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  _rp_window_add_toast (window, toast);
}

static void
on_file_chosen_cb (GFile *file, gpointer user_data)
{
  Job *job = user_data;
  RpStore *store = rp_window_get_store (job->window);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  if (file == NULL)
    return;

  /* Made now, not when the menu was opened: the plan as it is when saved. */
  bytes = job->format->export(store, job->release_id, &error);
  if (bytes == NULL || !rp_file_write_atomically (file, bytes, &error))
    {
      show_error (job->window, _("Could Not Export"), error->message);
      return;
    }
  toast_saved (job->window, file);
}

static void
export_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ExportActions *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  const Format *format = NULL;
  g_autofree char *release_id = get_release_id (self->window);
  g_autofree char *described = NULL;
  g_autofree char *file_name = NULL;
  Job *job;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].action, name))
      format = &formats[i];
  g_assert (format != NULL);

  if (!format->all && release_id == NULL)
    return;

  if (format->all)
    file_name = g_strdup (_(format->name));
  else
    {
      GString *pattern = g_string_new (_(format->name));

      described = describe_release (rp_window_get_store (self->window), release_id);
      g_string_replace (pattern, "%s", described, 1);
      file_name = g_string_free (pattern, FALSE);
    }

  job = g_new0 (Job, 1);
  job->window = g_object_ref (self->window);
  job->format = format;
  job->release_id = format->all ? NULL : g_steal_pointer (&release_id);
  rp_file_chooser_save (GTK_WIDGET (self->window), _(format->title), file_name, on_file_chosen_cb, job,
                        (GDestroyNotify) job_free);
}

static void
copy_markdown_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ExportActions *self = user_data;
  g_autofree char *release_id = get_release_id (self->window);
  g_autofree char *markdown = NULL;
  g_autoptr (GError) error = NULL;

  if (release_id == NULL)
    return;

  markdown = markdown_plan (rp_window_get_store (self->window), release_id, &error);
  if (markdown == NULL)
    {
      show_error (self->window, _("Could Not Copy"), error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self->window)), markdown);
  _rp_window_add_toast (self->window, adw_toast_new (_("Plan copied as Markdown")));
}

/* Printing: the same pages as the PDF, drawn by the same core code, on
 * the full sheet (the report keeps its own margins). */
static char *print_to_file;

static void
on_begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, RpPdfReport *report)
{
  int n_pages =
      rp_pdf_report_paginate (report, gtk_print_context_get_cairo_context (context),
                              gtk_print_context_get_width (context), gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, RpPdfReport *report)
{
  rp_format_pdf_draw (gtk_print_context_get_cairo_context (context), gtk_print_context_get_width (context),
                      gtk_print_context_get_height (context), page, report);
}

static void
on_print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, RpWindow *window)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (window, _("Could Not Print"), error != NULL ? error->message : NULL);
    }
}

static void
print_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ExportActions *self = user_data;
  g_autofree char *release_id = get_release_id (self->window);
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  GDate today;
  GtkPrintOperationAction run_as = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  RpPdfReport *report;

  if (release_id == NULL)
    return;

  rp_ui_get_today (&today);
  report = rp_pdf_report_new (rp_window_get_store (self->window), release_id, &today, &error);
  if (report == NULL)
    {
      show_error (self->window, _("Could Not Print"), error->message);
      return;
    }

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "rp-report", report, (GDestroyNotify) rp_pdf_report_free);
  gtk_print_operation_set_job_name (operation, rp_pdf_report_get_title (report));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self->window, 0);
  if (print_to_file != NULL)
    {
      gtk_print_operation_set_export_filename (operation, print_to_file);
      run_as = GTK_PRINT_OPERATION_ACTION_EXPORT;
      g_clear_pointer (&print_to_file, g_free);
    }
  else
    gtk_print_operation_set_allow_async (operation, TRUE);

  /* "done" reports the errors, also of a synchronous run */
  gtk_print_operation_run (operation, run_as, GTK_WINDOW (self->window), NULL);
}

void
_rp_export_print_to_file_for_tests (const char *path)
{
  g_free (print_to_file);
  print_to_file = g_strdup (path);
}

static void
open_folder_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ExportActions *self = user_data;
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self->window));
  g_autoptr (GdkAppLaunchContext) context = gdk_display_get_app_launch_context (display);

  /* In a Flatpak, GIO opens it through the OpenURI portal. */
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL, NULL, NULL);
}

static void
update_enabled (ExportActions *self)
{
  g_autofree char *release_id = get_release_id (self->window);
  const char *const per_release[] = { "copy-markdown", "print" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (!formats[i].all)
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->group),
                                                                                formats[i].action)),
                                   release_id != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (per_release); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (
                                     g_action_map_lookup_action (G_ACTION_MAP (self->group), per_release[i])),
                                 release_id != NULL);
}

static void
on_release_id_changed_cb (RpWindow *window, GParamSpec *pspec, ExportActions *self)
{
  update_enabled (self);
}

static void
export_actions_free (ExportActions *self)
{
  g_clear_object (&self->group);
  g_free (self);
}

/**
 * rp_export_actions_install:
 *
 * Adds the action group "export" to @window.
 */
void
rp_export_actions_install (RpWindow *window)
{
  const GActionEntry entries[] = {
    { "copy-markdown", copy_markdown_activated },
    { "print", print_activated },
    { "open-folder", open_folder_activated, "s" },
  };
  ExportActions *self;

  g_return_if_fail (RP_IS_WINDOW (window));

  self = g_new0 (ExportActions, 1);
  self->window = window;
  self->group = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GSimpleAction) action = g_simple_action_new (formats[i].action, NULL);

      g_signal_connect (action, "activate", G_CALLBACK (export_activated), self);
      g_action_map_add_action (G_ACTION_MAP (self->group), G_ACTION (action));
    }
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "export", G_ACTION_GROUP (self->group));
  g_object_set_data_full (G_OBJECT (window), DATA_KEY, self, (GDestroyNotify) export_actions_free);

  g_signal_connect (window, "notify::release-id", G_CALLBACK (on_release_id_changed_cb), self);
  update_enabled (self);
}
