/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rp-cli.h"

#if RP_HAVE_UI
#include "rp-application.h"
#endif

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A subcommand runs the command line on librp-core alone: no display is
   * opened, so it works over ssh and in CI. */
  if (rp_cli_is_command (argc, argv))
    return rp_cli_run (argc, argv);

#if RP_HAVE_UI
  {
    g_autoptr (RpApplication) app = rp_application_new ();
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  return rp_cli_run (argc, argv);
#endif
}
