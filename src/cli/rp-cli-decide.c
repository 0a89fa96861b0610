/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rp-cli-private.h"

/* decide: record a go/no-go decision with the readiness of the moment,
 * from a script or a pipeline. */

static gboolean
parse_decision (const char *text, RpDecisionKind *decision)
{
  /* The words of the command line, and the stored values. */
  static const struct
  {
    const char *word;
    RpDecisionKind decision;
  } words[] = {
    { "go", RP_DECISION_KIND_GO },
    { "no-go", RP_DECISION_KIND_NO_GO },
    { "no_go", RP_DECISION_KIND_NO_GO },
    { "go-with-risks", RP_DECISION_KIND_GO_WITH_RISKS },
    { "go_with_risks", RP_DECISION_KIND_GO_WITH_RISKS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i].word) == 0)
      {
        *decision = words[i].decision;
        return TRUE;
      }
  return FALSE;
}

/* The person an id or a name (ignoring case) names, or NULL after saying
 * why not. */
static RpRecord *
find_person (RpStore *store, const char *name_or_id)
{
  g_autoptr (GPtrArray) people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_autofree char *wanted = g_utf8_casefold (name_or_id, -1);
  RpRecord *found = NULL;
  guint matches = 0;

  for (guint i = 0; i < people->len; i++)
    if (strcmp (rp_record_get_id (people->pdata[i]), name_or_id) == 0)
      return g_object_ref (people->pdata[i]);
  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *name = g_utf8_casefold (rp_person_get_name (people->pdata[i]), -1);

      if (strcmp (name, wanted) == 0 && matches++ == 0)
        found = people->pdata[i];
    }
  if (matches == 1)
    return g_object_ref (found);
  if (matches == 0)
    rp_cli_error (_("decide: nobody called “%s” (see the people in Preferences, or give an id)"),
                  name_or_id);
  else
    rp_cli_error (_("decide: %u people are called “%s”: give the id of one"), matches, name_or_id);
  return NULL;
}

/* After a refusal: what blocks, so that the reason can address it. */
static void
print_blockers (RpStore *store, const char *release_id, const GDate *today)
{
  g_autoptr (RpReadiness) readiness = rp_readiness_new (store, today);
  g_autoptr (RpReadinessReport) report = rp_readiness_check (readiness, release_id, NULL);
  GPtrArray *findings;

  if (report == NULL)
    return;
  findings = rp_readiness_report_get_findings (report);
  for (guint i = 0; i < findings->len; i++)
    if (rp_finding_get_severity (findings->pdata[i]) == RP_SEVERITY_BLOCKER)
      fprintf (stderr, "  • %s [%s]\n", rp_finding_get_message (findings->pdata[i]),
               rp_finding_get_rule_id (findings->pdata[i]));
}

/**
 * rp_cli_cmd_decide:
 *
 * release-planner decide RELEASE go|no-go|go-with-risks [--by PERSON]
 *   [--notes TEXT] [--today DATE]
 *
 * Exit status: 0 when the decision is recorded, 1 when a go over blockers
 * is refused for want of --notes, 2 for every other error.
 */
int
rp_cli_cmd_decide (RpCli *cli, int argc, char **argv)
{
  g_autofree char *by = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who decided: a name or an id (default: the go/no-go owner)"),
      "PERSON" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Why; needed for a go over blockers"), "TEXT" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The day to check readiness for (default: today)"),
      "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("RELEASE go|no-go|go-with-risks"),
      _("Record the go/no-go decision on a release, with the readiness snapshot of this moment (the verdict and the "
         "findings, as “check --format json” writes them), in its decision log. RELEASE is a name, a version or an "
         "id. The decision is the go/no-go owner’s unless --by names someone else.\n\n"
         "A go (or a go with risks) over blockers is refused unless --notes says why the release may ship anyway.\n\n"
         "Exit status: 0 when the decision is recorded, 1 when it is refused for want of notes, 2 for an error."));
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) person = NULL;
  g_autoptr (RpRecord) decision = NULL;
  g_autoptr (RpReadinessReport) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *who = NULL;
  RpDecisionKind kind;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 2, 2))
    return 2;
  if (!parse_decision (argv[2], &kind))
    {
      rp_cli_error (_("decide: the decision is go, no-go or go-with-risks, not “%s”"), argv[2]);
      return 2;
    }
  if (!rp_cli_parse_today (argv[0], today_text, &today))
    return 2;
  if ((release = rp_cli_find_release (cli, argv[1])) == NULL)
    return 2;
  if (by != NULL && (person = find_person (cli->store, by)) == NULL)
    return 2;

  id = rp_decision_record (cli->store, rp_record_get_id (release), kind,
                           person != NULL ? rp_record_get_id (person) : NULL, notes, &today, NULL, &error);
  if (id == NULL)
    {
      rp_cli_error ("%s", error->message);
      if (g_error_matches (error, RP_DECISION_ERROR, RP_DECISION_ERROR_NEEDS_NOTES))
        {
          print_blockers (cli->store, rp_record_get_id (release), &today);
          return 1;
        }
      return 2;
    }

  decision = rp_store_get (cli->store, RP_ENTITY_DECISION, id, &error);
  if (decision == NULL)
    {
      rp_cli_error ("%s", error->message);
      return 2;
    }
  if (rp_decision_get_by_id (RP_DECISION (decision)) != NULL)
    {
      g_autoptr (RpRecord) by_person =
          rp_store_get (cli->store, RP_ENTITY_PERSON, rp_decision_get_by_id (RP_DECISION (decision)), NULL);
      who = g_strdup (by_person != NULL ? rp_person_get_name (RP_PERSON (by_person))
                                        : rp_decision_get_by_id (RP_DECISION (decision)));
    }
  {
    g_autoptr (RpReadiness) readiness = rp_readiness_new (cli->store, &today);
    g_autofree char *counts = NULL;

    snapshot = rp_readiness_check (readiness, rp_record_get_id (release), NULL);
    counts = snapshot != NULL ? rp_cli_describe_counts (snapshot) : g_strdup ("");
    printf (_("Recorded %s for “%s”%s%s at %s.\n"), rp_cli_verdict_label (kind),
            rp_release_get_name (RP_RELEASE (release)), who ? _(" by ") : "", who ? who : "",
            rp_decision_get_at (RP_DECISION (decision)));
    if (snapshot != NULL)
      printf (_("Readiness at that moment: %s (%s).\n"),
              rp_cli_verdict_label (rp_readiness_report_get_verdict (snapshot)), counts);
    printf (_("Decision id: %s\n"), id);
  }
  return 0;
}
