/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rp-cli-private.h"
#include "rp-cli.h"

static int cmd_list (RpCli *cli, int argc, char **argv);
static int cmd_show (RpCli *cli, int argc, char **argv);
static int cmd_new (RpCli *cli, int argc, char **argv);
static int cmd_import (RpCli *cli, int argc, char **argv);
static int cmd_export (RpCli *cli, int argc, char **argv);
static int cmd_demo (RpCli *cli, int argc, char **argv);
static int cmd_help (RpCli *cli, int argc, char **argv);

static const RpCliCommand commands[] = {
  { "list", N_("List the releases"), cmd_list },
  { "show", N_("Show one release"), cmd_show },
  { "new", N_("Create a release"), cmd_new },
  { "import", N_("Import a plan file (all or nothing)"), cmd_import },
  { "export", N_("Export the plan, a release or a checklist"), cmd_export },
  { "tick", N_("Set the state of a checklist item"), rp_cli_cmd_tick },
  { "templates", N_("List the checklist templates"), rp_cli_cmd_templates },
  { "demo", N_("Load the sample plan"), cmd_demo },
  { "help", N_("Show the commands"), cmd_help },
};

void
rp_cli_error (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "release-planner: %s\n", message);
}

/* Splits off the global options (--db PATH) and returns the index of the
 * subcommand, or -1. */
static int
find_command (int argc, char **argv, const char **db_path)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        {
          if (db_path)
            *db_path = argv[i + 1];
          i++;
          continue;
        }
      if (g_str_has_prefix (argv[i], "--db="))
        {
          if (db_path)
            *db_path = argv[i] + strlen ("--db=");
          continue;
        }
      /* The first word that is not an option is the command, known or
       * not: an unknown one gets an error, not a window. */
      return argv[i][0] == '-' ? -1 : i;
    }
  return -1;
}

gboolean
rp_cli_is_command (int argc, char **argv)
{
  return find_command (argc, argv, NULL) > 0;
}

RpStore *
rp_cli_open_store (RpCli *cli)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;
  path = cli->db_path ? g_strdup (cli->db_path) : rp_store_default_path ();
  cli->store = rp_store_open (path, &error);
  if (cli->store == NULL)
    rp_cli_error ("%s", error->message);
  return cli->store;
}

RpRecord *
rp_cli_find_release (RpCli *cli, const char *name_version_or_id)
{
  g_autoptr (GError) error = NULL;
  RpRecord *release;

  if (rp_cli_open_store (cli) == NULL)
    return NULL;
  release = rp_store_find_release (cli->store, name_version_or_id, &error);
  if (release == NULL)
    rp_cli_error ("%s", error->message);
  return release;
}

gboolean
rp_cli_parse (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  /* argv is the command's own strv: parse_strv frees what it removes. */
  if (!g_option_context_parse_strv (context, argv, &error))
    {
      rp_cli_error ("%s (see “release-planner %s --help”)", error->message, (*argv)[0]);
      return FALSE;
    }
  *argc = g_strv_length (*argv);
  return TRUE;
}

gboolean
rp_cli_write_output (const char *path, const char *data, gsize length)
{
  g_autoptr (GError) error = NULL;

  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          rp_cli_error (_("Could not write the output"));
          return FALSE;
        }
      return TRUE;
    }
  /* Written to a temporary file and renamed over: a full disk leaves the
   * old file as it was. */
  if (!g_file_set_contents (path, data, length, &error))
    {
      rp_cli_error (_("Could not write “%s”: %s"), path, error->message);
      return FALSE;
    }
  return TRUE;
}

GOptionContext *
rp_cli_command_context (const char *parameters, const char *summary)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_strict_posix (context, FALSE);
  return context;
}

gboolean
rp_cli_expect_args (int argc, char **argv, int min, int max)
{
  if (argc - 1 < min)
    {
      rp_cli_error (_("%s: missing argument (see “release-planner %s --help”)"), argv[0], argv[0]);
      return FALSE;
    }
  if (argc - 1 > max)
    {
      rp_cli_error (_("%s: unexpected argument “%s” (see “release-planner %s --help”)"), argv[0],
                    argv[max + 1], argv[0]);
      return FALSE;
    }
  return TRUE;
}

static const char *
or_dash (const char *text)
{
  return text && *text ? text : "—";
}

/* list */

static int
cmd_list (RpCli *cli, int argc, char **argv)
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

static int
cmd_show (RpCli *cli, int argc, char **argv)
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

/* new */

static int
cmd_new (RpCli *cli, int argc, char **argv)
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
    { "template", 0, 0, G_OPTION_ARG_STRING, &template, N_("Checklist template (name or id; “none” for an empty checklist; default: Standard release)"), "T" },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("One paragraph on what the release is"), "TEXT" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("planning (default), development, testing, deploying, monitoring, released or cancelled"), "S" },
    { "code-complete", 0, 0, G_OPTION_ARG_STRING, &code_complete, N_("Code complete date"), "DATE" },
    { "testing-start", 0, 0, G_OPTION_ARG_STRING, &testing_start, N_("First day of the testing window"), "DATE" },
    { "testing-end", 0, 0, G_OPTION_ARG_STRING, &testing_end, N_("Last day of the testing window"), "DATE" },
    { "deploy", 0, 0, G_OPTION_ARG_STRING, &deploy, N_("Deploy date"), "DATE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = rp_cli_command_context (_("NAME"), _("Create a release. Dates are YYYY-MM-DD."));
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) tmpl = NULL;
  g_autoptr (GError) error = NULL;
  struct { const char *column; const char *value; } fields[] = {
    { "version", NULL }, { "summary", NULL }, { "status", NULL }, { "code_complete", NULL },
    { "testing_start", NULL }, { "testing_end", NULL }, { "deploy", NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 1, 1))
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

  if (!rp_store_begin (cli->store, _("New release"), &error))
    goto failed;
  if (!rp_store_insert (cli->store, release, &error) ||
      (tmpl != NULL && !rp_template_apply (cli->store, rp_record_get_id (tmpl), rp_record_get_id (release), &error)))
    {
      rp_store_rollback (cli->store);
      goto failed;
    }
  if (!rp_store_commit (cli->store, &error))
    goto failed;

  printf (_("Created “%s” (%s)%s%s\n"), argv[1], rp_record_get_id (release),
          tmpl ? _(" with the checklist of ") : "", tmpl ? rp_record_get_string (tmpl, "name") : "");
  return 0;

failed:
  rp_cli_error ("%s", error->message);
  return 2;
}

/* import */

static int
cmd_import (RpCli *cli, int argc, char **argv)
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

static int
cmd_export (RpCli *cli, int argc, char **argv)
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

static int
cmd_demo (RpCli *cli, int argc, char **argv)
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

/* help */

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: release-planner [--db PATH] COMMAND [OPTIONS…]"), _("Commands:"));
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    fprintf (out, "  %-10s %s\n", commands[c].name, _(commands[c].summary));
  fprintf (out, "\n%s\n", _("Without a command, the application window opens. “release-planner COMMAND --help” tells more.\nThe database is $XDG_DATA_HOME/release-planner/plans.db unless --db or RELEASE_PLANNER_DB says otherwise."));
}

static int
cmd_help (RpCli *cli, int argc, char **argv)
{
  print_usage (stdout);
  return 0;
}

int
rp_cli_run (int argc, char **argv)
{
  RpCli cli = { NULL, NULL };
  int index = find_command (argc, argv, &cli.db_path);
  int status;

  if (index < 0)
    {
      print_usage (stderr);
      return 2;
    }
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[index], commands[c].name) == 0)
      {
        g_auto (GStrv) args = g_new0 (char *, argc - index + 1);

        for (int i = index; i < argc; i++)
          args[i - index] = g_strdup (argv[i]);
        status = commands[c].run (&cli, argc - index, args);
        g_clear_object (&cli.store);
        return status;
      }
  rp_cli_error (_("unknown command “%s”"), argv[index]);
  print_usage (stderr);
  return 2;
}
