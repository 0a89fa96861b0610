/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rp-cli-private.h"

/* diff */

int
rp_cli_cmd_diff (RpCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
                                     N_("text (the default: one line per release) or json"), "FORMAT" },
                                   { NULL } };
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("OLD NEW"),
      _("Say what changed from one plan file to another, release by release, in words a reviewer reads. Rows are matched by id, so a row that moved is not one removed and another added. “-” reads a file from standard input (git show main:plan.json | release-planner diff - plan.json).\n\nExit status: 0 when both are the same plan, 1 when they differ, 2 on an error."));
  g_autoptr (RpPlan) old_plan = NULL;
  g_autoptr (RpPlan) new_plan = NULL;
  g_autoptr (RpPlanDiff) diff = NULL;
  g_autofree char *text = NULL;
  gboolean json;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 2, 2))
    return 2;
  json = g_strcmp0 (format, "json") == 0;
  if (format != NULL && !json && strcmp (format, "text") != 0)
    {
      rp_cli_error (_("diff: unknown format “%s” (text or json)"), format);
      return 2;
    }
  if ((old_plan = rp_cli_load_plan (argv[1])) == NULL || (new_plan = rp_cli_load_plan (argv[2])) == NULL)
    return 2;

  diff = rp_plan_diff_new (old_plan, new_plan);
  text = json ? rp_plan_diff_to_json (diff) : rp_plan_diff_to_text (diff);
  if (!json && *text == '\0')
    {
      g_free (text);
      text = g_strdup_printf ("%s\n", _("No changes: both files hold the same plan."));
    }
  if (!rp_cli_write_output (NULL, text, strlen (text)))
    return 2;
  return rp_plan_diff_get_n_changes (diff) > 0 ? 1 : 0;
}
