/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rp-cli-private.h"

/* import */

int
rp_cli_cmd_import (RpCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = rp_cli_command_context (_("FILE"), _("Import a plan file (JSON, format release-planner/plan version 1). Rows are matched by id: new ones are added, existing ones updated. All or nothing: on any error nothing is changed."));
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  guint before;

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
  printf (_("Imported %s: %u releases now (%u new).\n"), argv[1], rp_store_count (cli->store, RP_ENTITY_RELEASE),
          rp_store_count (cli->store, RP_ENTITY_RELEASE) - before);
  return 0;
}

/* export */

int
rp_cli_cmd_export (RpCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("json (the plan file) or checklist (Markdown task list)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = rp_cli_command_context (_("[RELEASE]"), _("Export the whole plan, or one release, to standard output or a file."));
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 0, 1))
    return 2;
  if (format == NULL)
    {
      rp_cli_error (_("export: say which format with --format json or --format checklist"));
      return 2;
    }
  if (rp_cli_open_store (cli) == NULL)
    return 2;
  if (argc == 2 && (release = rp_cli_find_release (cli, argv[1])) == NULL)
    return 2;

  if (strcmp (format, "json") == 0)
    data = rp_format_json_export (cli->store, release ? rp_record_get_id (release) : NULL, &error);
  else if (strcmp (format, "checklist") == 0)
    {
      if (release == NULL)
        {
          rp_cli_error (_("export --format checklist: name the release whose checklist to export"));
          return 2;
        }
      data = rp_format_markdown_checklist (cli->store, rp_record_get_id (release), NULL, &error);
    }
  else
    {
      rp_cli_error (_("export: unknown format “%s” (json or checklist)"), format);
      return 2;
    }
  if (data == NULL)
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
  g_autoptr (GOptionContext) context = rp_cli_command_context (NULL, _("Load the sample plan: four releases in different states, their people and a freeze window."));
  g_autoptr (GError) error = NULL;

  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 0, 0))
    return 2;
  if (rp_cli_open_store (cli) == NULL)
    return 2;
  if (!rp_sample_plan_load (cli->store, &error))
    {
      rp_cli_error ("%s", error->message);
      return 2;
    }
  printf (_("Loaded the sample plan into %s: %u releases.\n"), rp_store_get_path (cli->store),
          rp_store_count (cli->store, RP_ENTITY_RELEASE));
  return 0;
}
