/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rp-cli-private.h"

/* import */

int
rp_cli_cmd_import (RpCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("FILE"),
      _("Import a plan file (JSON, format release-planner/plan version 1). Rows are matched by id: new ones are added, existing ones updated. All or nothing: on any error nothing is changed."));
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  guint before, after;

  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 1, 1))
    return 2;
  if (rp_cli_open_store (cli) == NULL)
    return 2;

  before = rp_store_count (cli->store, RP_ENTITY_RELEASE);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!rp_format_json_import_file (cli->store, file, &error))
    {
      rp_cli_error (_("%s: nothing was imported:\n%s"), argv[1], error->message);
      return 2;
    }
  after = rp_store_count (cli->store, RP_ENTITY_RELEASE);
  /* Translators: after an import, "Imported plan.json: 1 release now (1 new)." */
  printf (ngettext ("Imported %s: %u release now (%u new).\n", "Imported %s: %u releases now (%u new).\n",
                    after),
          argv[1], after, after - before);
  return 0;
}

/* export */

/* What one format needs and makes. */
typedef enum
{
  RELEASE_OR_ALL,   /* one release, or the whole plan without one */
  RELEASE_REQUIRED, /* about one release only */
} ExportScope;

typedef char *(*ExportTextFunc) (RpStore *store, const char *release_id, GError **error);
/* with the readiness verdict of --today */
typedef char *(*ExportDatedFunc) (RpStore *store, const char *release_id, const GDate *today, GError **error);
typedef GBytes *(*ExportBinaryFunc) (RpStore *store, const char *release_id, const GDate *today,
                                     GError **error);

typedef struct
{
  const char *name;
  ExportScope scope;
  ExportTextFunc text;
  ExportDatedFunc dated;
  ExportBinaryFunc binary; /* not for a terminal */
} ExportFormat;

static char *
export_checklist (RpStore *store, const char *release_id, GError **error)
{
  return rp_format_markdown_checklist (store, release_id, NULL, error);
}

/* DTSTAMP is when the file was made (RFC 5545 3.8.7.2). */
static char *
export_ics (RpStore *store, const char *release_id, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return rp_format_ics_export (store, release_id, now, error);
}

/* The plan file is written as it is read: a plan of any size in little memory. */
typedef struct
{
  RpStore *store;
  const char *release_id;
} ExportJson;

static gboolean
export_json (GOutputStream *stream, GCancellable *cancellable, gpointer data, GError **error)
{
  ExportJson *json = data;

  return rp_format_json_export_to_stream (json->store, json->release_id, stream, cancellable, error);
}

static const ExportFormat export_formats[] = {
  { "json", RELEASE_OR_ALL, rp_format_json_export, NULL, NULL },
  { "markdown", RELEASE_REQUIRED, NULL, rp_format_markdown_plan, NULL },
  { "checklist", RELEASE_REQUIRED, export_checklist, NULL, NULL },
  { "release-notes", RELEASE_REQUIRED, rp_format_markdown_release_notes, NULL, NULL },
  { "csv", RELEASE_OR_ALL, rp_format_csv_jira, NULL, NULL },
  { "ics", RELEASE_OR_ALL, export_ics, NULL, NULL },
  { "pdf", RELEASE_REQUIRED, NULL, NULL, rp_format_pdf_export },
};

static const ExportFormat *
find_export_format (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (strcmp (export_formats[i].name, name) == 0)
      return &export_formats[i];
  return NULL;
}

static char *
export_format_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", export_formats[i].name);
  return g_string_free (names, FALSE);
}

/* Whether @output is the database file or its -wal or -shm (by inode:
 * another name, a link or a relative path is the same file). */
static gboolean
is_database_file (RpStore *store, const char *output)
{
  const char *db = rp_store_get_path (store);
  const char *const suffixes[] = { "", "-wal", "-shm" };
  GStatBuf out, st;

  if (db == NULL || strcmp (output, "-") == 0 || g_stat (output, &out) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      if (g_stat (path, &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
        return TRUE;
    }
  return FALSE;
}

int
rp_cli_cmd_export (RpCli *cli, int argc, char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("json (the plan file), markdown (the plan of a release), checklist (Markdown task list), "
          "release-notes (Markdown draft), csv (for Jira's CSV importer), ics (iCalendar: milestones and freeze windows), pdf (readiness report, needs -o or a pipe)"),
      "FORMAT" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the readiness verdict is for, as with check (markdown, pdf; default: today)"),
      "YYYY-MM-DD" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"),
      "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("[RELEASE]"),
      _("Export the whole plan, or one release, to standard output or a file. The file is written whole or not at all."));
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *names = export_format_names ();
  const ExportFormat *format;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 0, 1))
    return 2;
  if (format_name == NULL)
    {
      rp_cli_error (_("export: say which format with --format (%s)"), names);
      return 2;
    }
  if ((format = find_export_format (format_name)) == NULL)
    {
      rp_cli_error (_("export: unknown format “%s” (%s)"), format_name, names);
      return 2;
    }
  if (format->scope == RELEASE_REQUIRED && argc < 2)
    {
      rp_cli_error (_("export --format %s: name the release to export"), format->name);
      return 2;
    }
  /* the same day, and the same errors, as check */
  if (!rp_cli_parse_today (argv[0], today_text, &today))
    return 2;
  if (rp_cli_open_store (cli) == NULL)
    return 2;
  if (output != NULL && is_database_file (cli->store, output))
    {
      rp_cli_error (_("export: “%s” is the plan database itself; writing the export there would replace "
                       "the plan. Nothing was written; give another file"),
                    output);
      return 2;
    }
  if (argc == 2 && (release = rp_cli_find_release (cli, argv[1])) == NULL)
    return 2;

  if (format->binary != NULL)
    {
      g_autoptr (GBytes) bytes = NULL;

      if ((output == NULL || strcmp (output, "-") == 0) && isatty (STDOUT_FILENO))
        {
          rp_cli_error (_("export --format %s: this is a binary file; write it with -o FILE"), format->name);
          return 2;
        }
      bytes = format->binary (cli->store, rp_record_get_id (release), &today, &error);
      if (bytes == NULL || !rp_store_check_reads (cli->store, &error))
        {
          rp_cli_error ("%s", error->message);
          return 2;
        }
      return rp_cli_write_output (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) ? 0 : 2;
    }

  if (format->text == rp_format_json_export)
    {
      ExportJson json = { cli->store, release ? rp_record_get_id (release) : NULL };
      return rp_cli_write_output_stream (output, export_json, &json) ? 0 : 2;
    }
  if (format->dated != NULL)
    data = format->dated (cli->store, rp_record_get_id (release), &today, &error);
  else
    data = format->text (cli->store, release ? rp_record_get_id (release) : NULL, &error);
  /* A damaged file reads as fewer rows: such an export is not the plan. */
  if (data == NULL || !rp_store_check_reads (cli->store, &error))
    {
      rp_cli_error ("%s", error->message);
      return 2;
    }
  return rp_cli_write_output (output, data, strlen (data)) ? 0 : 2;
}

/* demo */

int
rp_cli_cmd_demo (RpCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      NULL,
      _("Load the sample plan: four releases in different states, their people and a freeze window. What is there already is kept as it is."));
  g_autoptr (GError) error = NULL;
  RpImportSummary summary;

  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 0, 0))
    return 2;
  if (rp_cli_open_store (cli) == NULL)
    return 2;
  if (!rp_sample_plan_load_full (cli->store, &summary, &error))
    {
      rp_cli_error ("%s", error->message);
      return 2;
    }
  /* Nothing already there is overwritten: say what was added and kept. */
  printf (g_dngettext (GETTEXT_PACKAGE, "Loaded the sample plan into %s: %u release added.\n",
                       "Loaded the sample plan into %s: %u releases added.\n", summary.releases_added),
          rp_store_get_path (cli->store), summary.releases_added);
  if (summary.releases_kept > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u release of the sample was there already and is kept as it is.\n",
                         "%u releases of the sample were there already and are kept as they are.\n",
                         summary.releases_kept),
            summary.releases_kept);
  return 0;
}
