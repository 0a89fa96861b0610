/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rp-cli-private.h"

static const char *
or_dash (const char *text)
{
  return text && *text ? text : "—";
}

/* list */

int
rp_cli_cmd_list (RpCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
      rp_cli_command_context (NULL, _("List the releases with their status and deploy date."));
  g_autoptr (GPtrArray) releases = NULL;

  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 0, 0))
    return 2;
  if (rp_cli_open_store (cli) == NULL)
    return 2;

  releases = rp_store_list (cli->store, RP_ENTITY_RELEASE, NULL);
  if (releases->len == 0)
    {
      printf (
          "%s\n",
          _("No releases yet. Create one with “release-planner new NAME” or load the sample with “release-planner demo”."));
      return 0;
    }
  printf ("%-28s %-10s %-12s %-10s %s\n", _("NAME"), _("VERSION"), _("STATUS"), _("DEPLOY"), _("ID"));
  for (guint i = 0; i < releases->len; i++)
    {
      RpRelease *r = releases->pdata[i];
      printf ("%-28s %-10s %-12s %-10s %s\n", rp_release_get_name (r), or_dash (rp_release_get_version (r)),
              rp_release_status_to_string (rp_release_get_status (r)), or_dash (rp_release_get_deploy (r)),
              rp_record_get_id (RP_RECORD (r)));
    }
  return 0;
}

/* show */

static char *
person_name (RpStore *store, const char *id)
{
  g_autoptr (RpRecord) person = NULL;

  if (id == NULL)
    return g_strdup ("—");
  person = rp_store_get (store, RP_ENTITY_PERSON, id, NULL);
  return g_strdup (person ? rp_person_get_name (RP_PERSON (person)) : id);
}

static void
print_field (const char *label, const char *value)
{
  printf ("  %-18s %s\n", label, or_dash (value));
}

static void
print_multiline (const char *label, const char *value)
{
  g_auto (GStrv) lines = NULL;

  if (value == NULL || *value == '\0')
    {
      print_field (label, NULL);
      return;
    }
  lines = g_strsplit (value, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    printf ("  %-18s %s\n", i == 0 ? label : "", lines[i]);
}

int
rp_cli_cmd_show (RpCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("RELEASE"),
      _("Show a release: its timeline, owners, scope, dependencies, risks, checklist and rollout. RELEASE is a name, a version or an id."));
  g_autoptr (RpRecord) r = NULL;
  g_autoptr (GPtrArray) owners = NULL;
  g_autoptr (GPtrArray) scope = NULL;
  g_autoptr (GPtrArray) deps = NULL;
  g_autoptr (GPtrArray) risks = NULL;
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (GPtrArray) flags = NULL;
  g_autofree char *window = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *monitoring = NULL;
  RpProgress progress;
  RpRelease *release;
  RpStore *store;
  const char *id;

  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 1, 1))
    return 2;
  if ((r = rp_cli_find_release (cli, argv[1])) == NULL)
    return 2;
  release = RP_RELEASE (r);
  store = cli->store;
  id = rp_record_get_id (r);

  printf ("%s %s\n", rp_release_get_name (release), or_dash (rp_release_get_version (release)));
  print_field (_("Status"), rp_enum_label (rp_release_status_to_string (rp_release_get_status (release))));
  print_field (_("Id"), id);
  print_multiline (_("Summary"), rp_release_get_summary (release));

  printf ("\n%s\n", _("Timeline"));
  print_field (_("Code complete"), rp_release_get_code_complete (release));
  print_field (_("Testing start"), rp_release_get_testing_start (release));
  print_field (_("Testing end"), rp_release_get_testing_end (release));
  print_field (_("Deploy"), rp_release_get_deploy (release));
  if (rp_release_get_window_start (release))
    window =
        g_strdup_printf ("%s–%s %s", rp_release_get_window_start (release),
                         or_dash (rp_release_get_window_end (release)),
                         rp_release_get_window_timezone (release) ? rp_release_get_window_timezone (release)
                                                                  : "");
  print_field (_("Deploy window"), window);
  buffer = g_strdup_printf ("%d", rp_release_get_buffer_days (release));
  monitoring = g_strdup_printf ("%d", rp_release_get_monitoring_hours (release));
  print_field (_("Buffer days"), buffer);
  print_field (_("Monitoring hours"), monitoring);

  printf ("\n%s\n", _("Owners"));
  owners = rp_store_list (store, RP_ENTITY_OWNER, id);
  if (owners->len == 0)
    printf ("  %s\n", _("nobody yet"));
  for (guint i = 0; i < owners->len; i++)
    {
      RpOwner *o = owners->pdata[i];
      const char *component = rp_owner_get_component (o);
      g_autofree char *name = person_name (store, rp_owner_get_person_id (o));
      g_autofree char *who = NULL;

      /* Translators: an owner of a component in `show`: "Lena Vogel (Payment service)" */
      who = component != NULL ? g_strdup_printf (_("%s (%s)"), name, component) : g_strdup (name);
      print_field (rp_enum_label (rp_owner_role_to_string (rp_owner_get_role (o))), who);
    }

  printf ("\n%s\n", _("Plans"));
  print_multiline (_("Rollback plan"), rp_release_get_rollback_plan (release));
  print_multiline (_("Monitoring plan"), rp_release_get_monitoring_plan (release));
  print_multiline (_("Release notes"), rp_release_get_release_notes (release));

  scope = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, id);
  printf ("\n%s (%u)\n", _("Scope"), scope->len);
  for (guint i = 0; i < scope->len; i++)
    {
      RpScopeItem *s = scope->pdata[i];
      g_autoptr (GPtrArray) criteria =
          rp_store_list (store, RP_ENTITY_CRITERION, rp_record_get_id (RP_RECORD (s)));
      guint met = 0;

      for (guint c = 0; c < criteria->len; c++)
        met += rp_criterion_get_met (criteria->pdata[c]);
      printf ("  [%s] %s%s — %u/%u %s\n",
              rp_enum_label (rp_scope_status_to_string (rp_scope_item_get_status (s))),
              rp_scope_item_get_title (s), rp_scope_item_get_risky (s) ? _(" (risky)") : "", met,
              criteria->len, _("criteria met"));
    }

  deps = rp_store_list (store, RP_ENTITY_DEPENDENCY, id);
  printf ("\n%s (%u)\n", _("Dependencies"), deps->len);
  for (guint i = 0; i < deps->len; i++)
    {
      RpDependency *d = deps->pdata[i];
      printf ("  [%s] %s (%s)\n",
              rp_enum_label (rp_dependency_status_to_string (rp_dependency_get_status (d))),
              rp_dependency_get_title (d),
              rp_enum_label (rp_dependency_kind_to_string (rp_dependency_get_kind (d))));
    }

  risks = rp_store_list (store, RP_ENTITY_RISK, id);
  printf ("\n%s (%u)\n", _("Risks"), risks->len);
  for (guint i = 0; i < risks->len; i++)
    {
      RpRisk *k = risks->pdata[i];
      printf ("  [%s] %s — %s %d\n", rp_enum_label (rp_risk_status_to_string (rp_risk_get_status (k))),
              rp_risk_get_title (k), _("score"), rp_risk_get_score (k));
    }

  rp_checklist_progress (store, id, NULL, &progress);
  printf ("\n%s: %u/%u %s (%u n/a)\n", _("Checklist"), progress.done + progress.na, progress.total,
          _("complete"), progress.na);

  stages = rp_store_list (store, RP_ENTITY_ROLLOUT_STAGE, id);
  flags = rp_store_list (store, RP_ENTITY_FEATURE_FLAG, id);
  printf ("\n%s (%u)\n", _("Rollout"), stages->len);
  for (guint i = 0; i < stages->len; i++)
    {
      RpRolloutStage *stage = stages->pdata[i];
      printf ("  [%s] %s — %d%%\n",
              rp_enum_label (rp_stage_status_to_string (rp_rollout_stage_get_status (stage))),
              rp_rollout_stage_get_name (stage), rp_rollout_stage_get_percent (stage));
    }
  printf ("\n%s (%u)\n", _("Feature flags"), flags->len);
  for (guint i = 0; i < flags->len; i++)
    printf ("  [%s] %s\n",
            rp_enum_label (rp_flag_state_to_string (rp_feature_flag_get_state (flags->pdata[i]))),
            rp_feature_flag_get_key (flags->pdata[i]));
  return 0;
}
