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
  g_autoptr (GOptionContext) context = rp_cli_command_context (NULL, _("List the releases with their status and deploy date."));
  g_autoptr (GPtrArray) releases = NULL;

  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 0, 0))
    return 2;
  if (rp_cli_open_store (cli) == NULL)
    return 2;

  releases = rp_store_list (cli->store, RP_ENTITY_RELEASE, NULL);
  if (releases->len == 0)
    {
      printf ("%s\n", _("No releases yet. Create one with “release-planner new NAME” or load the sample with “release-planner demo”."));
      return 0;
    }
  printf ("%-28s %-10s %-12s %-10s %s\n", _("NAME"), _("VERSION"), _("STATUS"), _("DEPLOY"), _("ID"));
  for (guint i = 0; i < releases->len; i++)
    {
      RpRecord *r = releases->pdata[i];
      printf ("%-28s %-10s %-12s %-10s %s\n", rp_record_get_string (r, "name"),
              or_dash (rp_record_get_string (r, "version")), rp_record_get_string (r, "status"),
              or_dash (rp_record_get_string (r, "deploy")), rp_record_get_id (r));
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
  return g_strdup (person ? rp_record_get_string (person, "name") : id);
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
  g_autoptr (GOptionContext) context = rp_cli_command_context (_("RELEASE"), _("Show a release: its timeline, owners, scope, dependencies, risks, checklist and rollout. RELEASE is a name, a version or an id."));
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
  RpStore *store;
  const char *id;

  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 1, 1))
    return 2;
  if ((r = rp_cli_find_release (cli, argv[1])) == NULL)
    return 2;
  store = cli->store;
  id = rp_record_get_id (r);

  printf ("%s %s\n", rp_record_get_string (r, "name"), or_dash (rp_record_get_string (r, "version")));
  print_field (_("Status"), rp_record_get_string (r, "status"));
  print_field (_("Id"), id);
  print_multiline (_("Summary"), rp_record_get_string (r, "summary"));

  printf ("\n%s\n", _("Timeline"));
  print_field (_("Code complete"), rp_record_get_string (r, "code_complete"));
  print_field (_("Testing start"), rp_record_get_string (r, "testing_start"));
  print_field (_("Testing end"), rp_record_get_string (r, "testing_end"));
  print_field (_("Deploy"), rp_record_get_string (r, "deploy"));
  if (rp_record_get_string (r, "window_start"))
    window = g_strdup_printf ("%s–%s %s", rp_record_get_string (r, "window_start"),
                              or_dash (rp_record_get_string (r, "window_end")),
                              rp_record_get_string (r, "window_timezone") ? rp_record_get_string (r, "window_timezone") : "");
  print_field (_("Deploy window"), window);
  buffer = g_strdup_printf ("%" G_GINT64_FORMAT, rp_record_get_int (r, "buffer_days"));
  monitoring = g_strdup_printf ("%" G_GINT64_FORMAT, rp_record_get_int (r, "monitoring_hours"));
  print_field (_("Buffer days"), buffer);
  print_field (_("Monitoring hours"), monitoring);

  printf ("\n%s\n", _("Owners"));
  owners = rp_store_list (store, RP_ENTITY_OWNER, id);
  if (owners->len == 0)
    printf ("  %s\n", _("nobody yet"));
  for (guint i = 0; i < owners->len; i++)
    {
      RpRecord *o = owners->pdata[i];
      g_autofree char *name = person_name (store, rp_record_get_string (o, "person_id"));
      g_autofree char *role = g_strdup_printf ("%s%s%s", rp_record_get_string (o, "role"),
                                               rp_record_get_string (o, "component") ? " " : "",
                                               rp_record_get_string (o, "component") ? rp_record_get_string (o, "component") : "");
      print_field (role, name);
    }

  printf ("\n%s\n", _("Plans"));
  print_multiline (_("Rollback plan"), rp_record_get_string (r, "rollback_plan"));
  print_multiline (_("Monitoring plan"), rp_record_get_string (r, "monitoring_plan"));
  print_multiline (_("Release notes"), rp_record_get_string (r, "release_notes"));

  scope = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, id);
  printf ("\n%s (%u)\n", _("Scope"), scope->len);
  for (guint i = 0; i < scope->len; i++)
    {
      RpRecord *s = scope->pdata[i];
      g_autoptr (GPtrArray) criteria = rp_store_list (store, RP_ENTITY_CRITERION, rp_record_get_id (s));
      guint met = 0;

      for (guint c = 0; c < criteria->len; c++)
        met += rp_record_get_bool (criteria->pdata[c], "met");
      printf ("  [%s] %s%s — %u/%u %s\n", rp_record_get_string (s, "status"), rp_record_get_string (s, "title"),
              rp_record_get_bool (s, "risky") ? _(" (risky)") : "", met, criteria->len, _("criteria met"));
    }

  deps = rp_store_list (store, RP_ENTITY_DEPENDENCY, id);
  printf ("\n%s (%u)\n", _("Dependencies"), deps->len);
  for (guint i = 0; i < deps->len; i++)
    printf ("  [%s] %s (%s)\n", rp_record_get_string (deps->pdata[i], "status"),
            rp_record_get_string (deps->pdata[i], "title"), rp_record_get_string (deps->pdata[i], "kind"));

  risks = rp_store_list (store, RP_ENTITY_RISK, id);
  printf ("\n%s (%u)\n", _("Risks"), risks->len);
  for (guint i = 0; i < risks->len; i++)
    {
      RpRecord *k = risks->pdata[i];
      printf ("  [%s] %s — %s %" G_GINT64_FORMAT "\n", rp_record_get_string (k, "status"),
              rp_record_get_string (k, "title"), _("score"),
              rp_record_get_int (k, "likelihood") * rp_record_get_int (k, "impact"));
    }

  rp_checklist_progress (store, id, NULL, &progress);
  printf ("\n%s: %u/%u %s (%u n/a)\n", _("Checklist"), progress.done + progress.na, progress.total,
          _("complete"), progress.na);

  stages = rp_store_list (store, RP_ENTITY_ROLLOUT_STAGE, id);
  flags = rp_store_list (store, RP_ENTITY_FEATURE_FLAG, id);
  printf ("\n%s (%u)\n", _("Rollout"), stages->len);
  for (guint i = 0; i < stages->len; i++)
    printf ("  [%s] %s — %" G_GINT64_FORMAT "%%\n", rp_record_get_string (stages->pdata[i], "status"),
            rp_record_get_string (stages->pdata[i], "name"), rp_record_get_int (stages->pdata[i], "percent"));
  printf ("\n%s (%u)\n", _("Feature flags"), flags->len);
  for (guint i = 0; i < flags->len; i++)
    printf ("  [%s] %s\n", rp_record_get_string (flags->pdata[i], "state"),
            rp_record_get_string (flags->pdata[i], "key"));
  return 0;
}
