/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rp-cli-private.h"

/* merge */

int
rp_cli_cmd_merge (RpCli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = { { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
                                     N_("Write the merged plan to FILE instead of standard output"),
                                     "FILE" },
                                   { NULL } };
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("BASE OURS THEIRS"),
      _("Merge two versions of a plan file (OURS and THEIRS) that both started from BASE, by entity id and field: edits to different releases, or to different fields or rows of one release, merge cleanly, and lists follow the side that moved rows. A field changed both ways, a row deleted on one side and edited on the other, or a list reordered both ways is a conflict: it is printed on standard error with its JSON path and both values, and the merged plan keeps OURS for it. The merged plan is written in the exported form.\n\nExit status: 0 merged cleanly, 1 merged with conflicts, 2 on an error (nothing is written).\n\nAs a git merge driver:\n  git config merge.releaseplanner.driver 'release-planner merge %O %A %B -o %A'\n  echo 'plan.json merge=releaseplanner' >> .gitattributes"));
  g_autoptr (RpPlan) base = NULL;
  g_autoptr (RpPlan) ours = NULL;
  g_autoptr (RpPlan) theirs = NULL;
  g_autoptr (RpPlanMerge) merge = NULL;
  g_autoptr (GError) error = NULL;
  const char *data;
  guint n;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 3, 3))
    return 2;
  if ((base = rp_cli_load_plan (argv[1])) == NULL || (ours = rp_cli_load_plan (argv[2])) == NULL ||
      (theirs = rp_cli_load_plan (argv[3])) == NULL)
    return 2;

  merge = rp_plan_merge_new (base, ours, theirs, &error);
  if (merge == NULL)
    {
      rp_cli_error (_("merge: %s"), error->message);
      return 2;
    }
  data = rp_plan_get_data (rp_plan_merge_get_result (merge));
  if (!rp_cli_write_output (output, data, strlen (data)))
    return 2;

  n = rp_plan_merge_get_n_conflicts (merge);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *conflict = rp_plan_conflict_to_string (rp_plan_merge_get_conflict (merge, i));

      fprintf (stderr, "%s %s\n", _("CONFLICT"), conflict);
    }
  if (n > 0)
    rp_cli_error (g_dngettext (GETTEXT_PACKAGE, "merge: %u conflict; the merged plan keeps ours for it",
                               "merge: %u conflicts; the merged plan keeps ours for each", n),
                  n);
  return n > 0 ? 1 : 0;
}
