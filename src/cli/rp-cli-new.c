/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rp-cli-private.h"

/* new */

int
rp_cli_cmd_new (RpCli *cli, int argc, char **argv)
{
  g_autofree char *version = NULL;
  g_autofree char *template = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *status = NULL;
  g_autofree char *code_complete = NULL;
  g_autofree char *testing_start = NULL;
  g_autofree char *testing_end = NULL;
  g_autofree char *deploy = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_STRING, &version, N_("The version, e.g. 2.4.0"), "V" },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template,
      N_("Checklist template (name or id; “none” for an empty checklist; default: Standard release)"), "T" },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("One paragraph on what the release is"), "TEXT" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("planning (default), development, testing, deploying, monitoring, released or cancelled"), "S" },
    { "code-complete", 0, 0, G_OPTION_ARG_STRING, &code_complete, N_("Code complete date"), "DATE" },
    { "testing-start", 0, 0, G_OPTION_ARG_STRING, &testing_start, N_("First day of the testing window"),
      "DATE" },
    { "testing-end", 0, 0, G_OPTION_ARG_STRING, &testing_end, N_("Last day of the testing window"), "DATE" },
    { "deploy", 0, 0, G_OPTION_ARG_STRING, &deploy, N_("Deploy date"), "DATE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      rp_cli_command_context (_("NAME"), _("Create a release. Dates are YYYY-MM-DD."));
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) tmpl = NULL;
  g_autoptr (GError) error = NULL;
  struct
  {
    const char *column;
    const char *value;
  } fields[] = {
    { "version", NULL },       { "summary", NULL },     { "status", NULL }, { "code_complete", NULL },
    { "testing_start", NULL }, { "testing_end", NULL }, { "deploy", NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 1, 1) ||
      !rp_cli_check_text (_("NAME"), argv[1]))
    return 2;
  if (rp_cli_open_store (cli) == NULL)
    return 2;

  fields[0].value = version;
  fields[1].value = summary;
  fields[2].value = status;
  fields[3].value = code_complete;
  fields[4].value = testing_start;
  fields[5].value = testing_end;
  fields[6].value = deploy;

  release = rp_record_new (RP_ENTITY_RELEASE);
  rp_record_set_string (release, "name", argv[1]);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL)
      rp_record_set_string (release, fields[i].column, fields[i].value);

  if (template == NULL || g_ascii_strcasecmp (template, "none") != 0)
    {
      tmpl = rp_template_find (cli->store, template ? template : RP_TEMPLATE_STANDARD_ID, &error);
      if (tmpl == NULL && template != NULL)
        {
          rp_cli_error ("%s", error->message);
          return 2;
        }
      g_clear_error (&error);
    }

  if (!rp_release_create (cli->store, RP_RELEASE (release), tmpl ? rp_record_get_id (tmpl) : NULL, &error))
    goto failed;

  printf (_("Created “%s” (%s)%s%s\n"), argv[1], rp_record_get_id (release),
          tmpl ? _(" with the checklist of ") : "", tmpl ? rp_template_get_name (RP_TEMPLATE (tmpl)) : "");
  return 0;

failed:
  rp_cli_error ("%s", error->message);
  return 2;
}
