/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rp-cli-private.h"

/* check: the readiness verdict of a release, or of every release still to
 * ship, for a person or for a pipeline to gate a deploy on. */

gboolean
rp_cli_parse_today (const char *command, const char *text, GDate *today)
{
  g_date_clear (today, 1);
  if (text == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      return TRUE;
    }
  if (!rp_date_is_valid (text) || !rp_date_parse_into (text, today))
    {
      rp_cli_error (_("%s: --today must be a date like 2026-11-24, not “%s”"), command, text);
      return FALSE;
    }
  return TRUE;
}

const char *
rp_cli_verdict_label (RpDecisionKind verdict)
{
  switch (verdict)
    {
    case RP_DECISION_KIND_GO:
      return _("GO");
    case RP_DECISION_KIND_GO_WITH_RISKS:
      return _("GO WITH RISKS");
    case RP_DECISION_KIND_NO_GO:
    default:
      return _("NO-GO");
    }
}

char *
rp_cli_describe_counts (const RpReadinessReport *report)
{
  guint blockers = rp_readiness_report_count (report, RP_SEVERITY_BLOCKER);
  guint warnings = rp_readiness_report_count (report, RP_SEVERITY_WARNING);
  guint infos = rp_readiness_report_count (report, RP_SEVERITY_INFO);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (blockers > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u blocker", "%u blockers", blockers),
                                      blockers));
  if (warnings > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings),
                                      warnings));
  if (infos > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", infos), infos));
  if (parts->len == 0)
    return g_strdup (_("nothing to fix"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* "deploy on 2026-12-09, in 15 days", "deployed on …, 3 days ago", or
 * "no deploy date yet". */
static char *
describe_deploy (RpRelease *release, const GDate *today)
{
  GDate deploy;
  int days;

  g_date_clear (&deploy, 1);
  if (!rp_release_get_deploy_date (release, &deploy))
    return g_strdup (_("no deploy date yet"));
  days = g_date_days_between (today, &deploy);
  if (days == 0)
    return g_strdup_printf (_("deploy today, %s"), rp_release_get_deploy (release));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "deploy on %s, in %d day",
                                         "deploy on %s, in %d days", days),
                            rp_release_get_deploy (release), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "deployed on %s, %d day ago",
                                       "deployed on %s, %d days ago", -days),
                          rp_release_get_deploy (release), -days);
}

static const char *
severity_heading (RpSeverity severity)
{
  switch (severity)
    {
    case RP_SEVERITY_BLOCKER:
      return _("Blockers: the release cannot ship until these are fixed");
    case RP_SEVERITY_WARNING:
      return _("Warnings: risks to fix or to accept knowingly");
    case RP_SEVERITY_INFO:
    default:
      return _("Notes");
    }
}

/* The verdict first, then the findings by severity, grouped by rule with
 * what to do about them. */
static void
print_report (RpRelease *release, const RpReadinessReport *report, const GDate *today)
{
  GPtrArray *findings = rp_readiness_report_get_findings (report);
  const char *version = rp_release_get_version (release);
  g_autofree char *counts = rp_cli_describe_counts (report);
  g_autofree char *deploy = describe_deploy (release, today);
  g_autofree char *figure = rp_readiness_report_describe_figure (report);
  char date[16];
  int severity = -1;

  g_date_strftime (date, sizeof date, "%Y-%m-%d", today);
  printf ("%s%s%s%s — %s (%s)\n", rp_release_get_name (release), version ? " (" : "", version ? version : "",
          version ? ")" : "", rp_cli_verdict_label (rp_readiness_report_get_verdict (report)), counts);
  printf (_("As of %s: %s; status %s.\n"), date, deploy,
          rp_release_status_to_string (rp_release_get_status (release)));
  printf ("%s\n", figure);

  for (guint i = 0; i < findings->len; i++)
    {
      const RpFinding *finding = findings->pdata[i];
      RpRule rule = rp_finding_get_rule (finding);
      gboolean last_of_rule = i + 1 == findings->len || rp_finding_get_rule (findings->pdata[i + 1]) != rule;

      if ((int) rp_finding_get_severity (finding) != severity)
        {
          severity = rp_finding_get_severity (finding);
          printf ("\n%s\n", severity_heading (severity));
        }
      if (i == 0 || rp_finding_get_rule (findings->pdata[i - 1]) != rule)
        printf ("  %s [%s]\n", rp_rule_get_name (rule), rp_rule_get_id (rule));
      printf ("    • %s\n", rp_finding_get_message (finding));
      if (last_of_rule)
        printf ("      → %s\n", rp_rule_get_fix (rule));
    }
}

static int
exit_status (const RpReadinessReport *report)
{
  return rp_readiness_report_get_verdict (report) == RP_DECISION_KIND_NO_GO ? 1 : 0;
}

static int
check_all (RpCli *cli, RpReadiness *readiness, gboolean json, const GDate *today)
{
  g_autoptr (GPtrArray) reports = rp_readiness_check_all (readiness, TRUE);
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GHashTable) by_id = NULL;
  guint verdicts[RP_DECISION_KIND_GO_WITH_RISKS + 1] = { 0 };
  int status = 0;

  for (guint i = 0; i < reports->len; i++)
    {
      verdicts[rp_readiness_report_get_verdict (reports->pdata[i])]++;
      status = MAX (status, exit_status (reports->pdata[i]));
    }
  if (json)
    {
      g_autofree char *text = rp_readiness_report_list_to_json (reports, TRUE);
      g_autofree char *line = g_strconcat (text, "\n", NULL);

      return rp_cli_write_output (NULL, line, strlen (line)) ? status : 2;
    }
  if (reports->len == 0)
    {
      printf ("%s\n", _("No release to check: every release is released or cancelled."));
      return 0;
    }
  /* The releases in one read, not one read per report. */
  releases = rp_store_list (cli->store, RP_ENTITY_RELEASE, NULL);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < releases->len; i++)
    g_hash_table_insert (by_id, (gpointer) rp_record_get_id (releases->pdata[i]), releases->pdata[i]);
  for (guint i = 0; i < reports->len; i++)
    {
      RpRelease *release =
          g_hash_table_lookup (by_id, rp_readiness_report_get_release_id (reports->pdata[i]));

      if (i > 0)
        printf ("\n");
      print_report (release, reports->pdata[i], today);
    }
  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u release checked: %u go, %u go with risks, %u no-go.\n",
                       "%u releases checked: %u go, %u go with risks, %u no-go.\n", reports->len),
          reports->len, verdicts[RP_DECISION_KIND_GO], verdicts[RP_DECISION_KIND_GO_WITH_RISKS],
          verdicts[RP_DECISION_KIND_NO_GO]);
  return status;
}

/**
 * rp_cli_cmd_check:
 *
 * release-planner check RELEASE|--all [--today DATE] [--format text|json]
 *
 * Exit status: 0 when every release checked may ship (go, or go with
 * risks), 1 when one is a no-go, 2 for an error.
 */
int
rp_cli_cmd_check (RpCli *cli, int argc, char **argv)
{
  gboolean all = FALSE;
  g_autofree char *today_text = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = { { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
                                     N_("Check every release that is not released or cancelled"), NULL },
                                   { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
                                     N_("The day to check for (default: today)"), "YYYY-MM-DD" },
                                   { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
                                     N_("text (default) or json"), "FORMAT" },
                                   { NULL } };
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("RELEASE|--all"),
      _("Check whether a release can ship: the verdict (go, go with risks or no-go) and what the readiness rules "
         "found, blockers first, each with what to fix. RELEASE is a name, a version or an id.\n\n"
         "--all checks every release that is not released or cancelled, in the order “list” shows them. "
         "--format json writes the readiness snapshot {\"verdict\", \"findings\": [{\"rule\", \"severity\", "
         "\"message\", \"subject\"}]}; with --all, an array of them, each with \"release\" (the id) and \"name\" "
         "in front.\n\n"
         "Exit status: 0 when every release checked may ship (go, or go with risks), 1 when one is a no-go, "
         "2 for an error, so that a pipeline can gate a deploy on the plan."));
  g_autoptr (RpReadiness) readiness = NULL;
  g_autoptr (RpReadinessReport) report = NULL;
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, all ? 0 : 1, all ? 0 : 1))
    return 2;
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    {
      rp_cli_error (_("check: --format must be text or json, not “%s”"), format);
      return 2;
    }
  json = g_strcmp0 (format, "json") == 0;
  if (!rp_cli_parse_today (argv[0], today_text, &today))
    return 2;
  if (rp_cli_open_store (cli) == NULL)
    return 2;
  readiness = rp_readiness_new (cli->store, &today);
  if (all)
    return check_all (cli, readiness, json, &today);

  if ((release = rp_cli_find_release (cli, argv[1])) == NULL)
    return 2;
  report = rp_readiness_check (readiness, rp_record_get_id (release), &error);
  if (report == NULL)
    {
      rp_cli_error ("%s", error->message);
      return 2;
    }
  if (json)
    {
      g_autofree char *text = rp_readiness_report_to_json (report, TRUE);
      g_autofree char *line = g_strconcat (text, "\n", NULL);

      if (!rp_cli_write_output (NULL, line, strlen (line)))
        return 2;
    }
  else
    print_report (RP_RELEASE (release), report, &today);
  return exit_status (report);
}
