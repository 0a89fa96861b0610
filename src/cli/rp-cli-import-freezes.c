/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rp-cli-private.h"

/* import-freezes: freeze windows from a company calendar (.ics). */

static gboolean
parse_date_option (const char *option, const char *text, GDate *date)
{
  if (rp_date_parse_into (text, date))
    return TRUE;
  rp_cli_error (_("import-freezes: %s “%s” is not a date (YYYY-MM-DD)"), option, text);
  return FALSE;
}

static void
print_windows (const char *mark, GPtrArray *windows)
{
  for (guint i = 0; i < windows->len; i++)
    {
      RpFreezeWindow *window = windows->pdata[i];

      printf ("  %s %s – %s  %s\n", mark, rp_freeze_window_get_start_date (window),
              rp_freeze_window_get_end_date (window), rp_freeze_window_get_name (window));
    }
}

int
rp_cli_cmd_import_freezes (RpCli *cli, int argc, char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = { { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
                                     N_("The first day to import (default: today)"), "DATE" },
                                   { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
                                     N_("The last day to import (default: a year after --from)"), "DATE" },
                                   { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
                                     N_("Show what would be added, write nothing"), NULL },
                                   { NULL } };
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("FILE.ics"),
      _("Import freeze windows from a calendar file (iCalendar, as calendar applications export it): each event between --from and --to becomes a freeze window of the days it touches, recurring events once per occurrence. Importing the same file again adds nothing twice. All or nothing, one undo step."));
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RpIcsFreezeImport) import = NULL;
  g_autofree char *data = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  gsize length = 0;
  GDate from, to;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 1, 1))
    return 2;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (from_text != NULL)
    {
      if (!parse_date_option ("--from", from_text, &from))
        return 2;
    }
  else
    g_date_set_time_t (&from, time (NULL));
  if (to_text != NULL)
    {
      if (!parse_date_option ("--to", to_text, &to))
        return 2;
    }
  else
    {
      to = from;
      g_date_add_years (&to, 1);
      g_date_subtract_days (&to, 1);
    }
  from_iso = rp_date_format (&from);
  to_iso = rp_date_format (&to);
  if (g_date_compare (&to, &from) < 0)
    {
      rp_cli_error (_("import-freezes: --to %s is before --from %s"), to_iso, from_iso);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      rp_cli_error (_("Could not read “%s”: %s"), argv[1], error->message);
      return 2;
    }
  if (rp_cli_open_store (cli) == NULL)
    return 2;
  import = rp_format_ics_read_freezes (cli->store, data, length, &from, &to, &error);
  if (import == NULL)
    {
      rp_cli_error (_("%s: nothing was imported:\n%s"), argv[1], error->message);
      return 2;
    }

  printf (ngettext ("%s: %u event; from %s to %s:\n", "%s: %u events; from %s to %s:\n", import->events),
          argv[1], import->events, from_iso, to_iso);
  print_windows ("+", import->added);
  print_windows ("~", import->changed);
  printf (_("%u new, %u changed, %u already there.\n"), import->added->len, import->changed->len,
          import->unchanged);
  if (dry_run)
    {
      printf ("%s\n", _("Nothing was written (--dry-run)."));
      return 0;
    }
  if (!rp_format_ics_apply_freezes (cli->store, import, &error))
    {
      rp_cli_error (_("%s: nothing was imported:\n%s"), argv[1], error->message);
      return 2;
    }
  return 0;
}
