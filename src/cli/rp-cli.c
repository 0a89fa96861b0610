/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include <gio/gunixoutputstream.h>

#include "rp-cli-private.h"
#include "rp-cli.h"

/* The command line's frame: the global options (--db, --plan), the helpers
 * every command shares, help, and dispatch through the table below. The
 * commands themselves live in rp-cli-*.c, one file per command or group. */

static int cmd_help (RpCli *cli, int argc, char **argv);

/* In the order help lists them. */
static const RpCliCommand commands[] = {
  { "list", N_("List the releases"), rp_cli_cmd_list },
  { "show", N_("Show one release"), rp_cli_cmd_show },
  { "new", N_("Create a release"), rp_cli_cmd_new, TRUE },
  { "import", N_("Import a plan file (all or nothing)"), rp_cli_cmd_import, TRUE },
  { "export", N_("Export the plan, a release or a checklist"), rp_cli_cmd_export },
  { "check", N_("Tell whether a release can ship, and why not"), rp_cli_cmd_check },
  { "decide", N_("Record a go/no-go decision with its readiness"), rp_cli_cmd_decide, TRUE },
  { "import-freezes", N_("Import freeze windows from a calendar (.ics)"), rp_cli_cmd_import_freezes, TRUE },
  { "tick", N_("Set the state of a checklist item"), rp_cli_cmd_tick, TRUE },
  { "templates", N_("List the checklist templates"), rp_cli_cmd_templates },
  { "demo", N_("Load the sample plan"), rp_cli_cmd_demo, TRUE },
  { "diff", N_("Say what changed between two plan files"), rp_cli_cmd_diff },
  { "merge", N_("Merge two versions of a plan file (a git merge driver)"), rp_cli_cmd_merge },
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

/* The value of the global option @name at argv[*i] ("--db PATH" or
 * "--db=PATH"), stepping over it; NULL when argv[*i] is not that option. */
static const char *
global_option (int argc, char **argv, int *i, const char *name)
{
  gsize n = strlen (name);

  if (strcmp (argv[*i], name) == 0 && *i + 1 < argc)
    return argv[++*i];
  if (strncmp (argv[*i], name, n) == 0 && argv[*i][n] == '=')
    return argv[*i] + n + 1;
  return NULL;
}

/* Splits off the global options (--db PATH, --plan FILE) and returns the
 * index of the subcommand, or -1. */
static int
find_command (int argc, char **argv, RpCli *cli)
{
  for (int i = 1; i < argc; i++)
    {
      const char *value;

      if ((value = global_option (argc, argv, &i, "--db")) != NULL)
        {
          if (cli)
            cli->db_path = value;
          continue;
        }
      if ((value = global_option (argc, argv, &i, "--plan")) != NULL)
        {
          if (cli)
            cli->plan_path = value;
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

static void
on_plan_store_changed_cb (RpStore *store, RpEntity entity, const char *id, gpointer data)
{
  RpCli *cli = data;

  cli->plan_written = TRUE;
}

/* --plan: the file in a store of its own in memory; nothing is written. */
static RpStore *
open_plan (RpCli *cli)
{
  g_autoptr (RpStore) store = NULL;
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (cli->plan_path);
  g_autoptr (GError) error = NULL;

  store = rp_store_open_memory (&error);
  if (store == NULL || !rp_format_json_import_file (store, file, &error))
    {
      rp_cli_error ("%s: %s", cli->plan_path, error->message);
      return NULL;
    }
  g_signal_connect (store, "changed", G_CALLBACK (on_plan_store_changed_cb), cli);
  return g_steal_pointer (&store);
}

RpStore *
rp_cli_open_store (RpCli *cli)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;
  if (cli->plan_path != NULL)
    return cli->store = open_plan (cli);
  path = cli->db_path ? g_strdup (cli->db_path) : rp_store_default_path ();
  /* A command that only reads makes no empty plan where a path was
   * mistyped (and then reports an empty list as if all were well). */
  cli->store = cli->creates ? rp_store_open (path, &error) : rp_store_open_existing (path, &error);
  if (cli->store == NULL && g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND))
    rp_cli_error (_("no plan database at %s; “new” or “import” creates one"), path);
  else if (cli->store == NULL)
    rp_cli_error ("%s", error->message);
  return cli->store;
}

RpPlan *
rp_cli_load_plan (const char *path)
{
  g_autoptr (GError) error = NULL;
  RpPlan *plan;

  if (strcmp (path, "-") == 0)
    {
      g_autoptr (GByteArray) data = g_byte_array_new ();
      guint8 chunk[65536];
      gsize n;

      /* A byte over the limit is enough for the reader to refuse it. */
      while (data->len <= RP_PLAN_MAX_BYTES && (n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_byte_array_append (data, chunk, (guint) n);
      if (ferror (stdin))
        {
          rp_cli_error (_("standard input cannot be read"));
          return NULL;
        }
      plan = rp_plan_new_from_data ((const char *) data->data, data->len, &error);
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

      plan = rp_plan_new_from_file (file, &error);
    }
  if (plan == NULL)
    rp_cli_error ("%s: %s", strcmp (path, "-") == 0 ? _("standard input") : path, error->message);
  return plan;
}

gboolean
rp_cli_check_text (const char *what, const char *text)
{
  if (g_utf8_validate (text, -1, NULL))
    return TRUE;
  /* The bytes as \xNN, since they cannot be shown as text. */
  {
    g_autofree char *shown = g_strescape (text, NULL);
    rp_cli_error (_("%s “%s” is not valid UTF-8 text; nothing was changed"), what, shown);
  }
  return FALSE;
}

RpRecord *
rp_cli_find_release (RpCli *cli, const char *name_version_or_id)
{
  g_autoptr (GError) error = NULL;
  RpRecord *release;

  if (!rp_cli_check_text (_("RELEASE"), name_version_or_id) || rp_cli_open_store (cli) == NULL)
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

/* Like rp_cli_write_output(), for what @write produces piece by piece (a
 * plan file of any size, in little memory): to a file, written beside it
 * and renamed over it only when whole, so that a failure leaves the old
 * file as it was. */
gboolean
rp_cli_write_output_stream (const char *path, RpCliWriteFunc write, gpointer data)
{
  g_autoptr (GOutputStream) stream = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  gboolean existed;

  if (path == NULL || strcmp (path, "-") == 0)
    {
      fflush (stdout);
      stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      if (!write (stream, NULL, data, &error) || !g_output_stream_close (stream, NULL, &error))
        {
          rp_cli_error (_("Could not write the output: %s"), error->message);
          return FALSE;
        }
      return TRUE;
    }
  file = g_file_new_for_commandline_arg (path);
  existed = g_file_query_exists (file, NULL);
  stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
  if (stream == NULL || !write (stream, cancellable, data, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    {
      /* Closed cancelled, the replacement of a file is dropped; a new
       * file was written in place, and goes. */
      g_cancellable_cancel (cancellable);
      if (stream != NULL)
        g_output_stream_close (stream, cancellable, NULL);
      if (stream != NULL && !existed)
        g_file_delete (file, NULL, NULL);
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

/* help */

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: release-planner [--db PATH | --plan FILE] COMMAND [OPTIONS…]"),
           _("Commands:"));
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    fprintf (out, "  %-15s %s\n", commands[c].name, _(commands[c].summary));
  fprintf (
      out, "\n%s\n",
      _("Without a command, the application window opens. “release-planner COMMAND --help” tells more.\nThe database is $XDG_DATA_HOME/release-planner/plans.db unless --db or RELEASE_PLANNER_DB says otherwise.\n--plan FILE runs a command that only reads (list, show, export, …) on a plan file instead, in memory: nothing is written."));
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
  RpCli cli = { 0 };
  int index = find_command (argc, argv, &cli);
  int status;

  if (index < 0)
    {
      print_usage (stderr);
      return 2;
    }
  if (cli.db_path != NULL && cli.plan_path != NULL)
    {
      rp_cli_error (_("--db and --plan name two plans; give one of them"));
      return 2;
    }
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[index], commands[c].name) == 0)
      {
        g_auto (GStrv) args = g_new0 (char *, argc - index + 1);

        if (cli.plan_path != NULL && commands[c].writes)
          {
            rp_cli_error (_("%s changes the plan, and --plan only reads a plan file, writing nothing; "
                             "import the file into a database (--db PATH import %s) to change it"),
                          commands[c].name, cli.plan_path);
            return 2;
          }
        cli.creates = commands[c].writes;
        for (int i = index; i < argc; i++)
          args[i - index] = g_strdup (argv[i]);
        status = commands[c].run (&cli, argc - index, args);
        /* What it printed came from a damaged file or disk: not a success. */
        if (cli.store != NULL && status == 0)
          {
            g_autoptr (GError) error = NULL;

            if (!rp_store_check_reads (cli.store, &error))
              {
                rp_cli_error ("%s", error->message);
                status = 2;
              }
          }
        /* A command not marked as writing that wrote anyway: what it said
         * it did is not saved anywhere, so it must not look like success. */
        if (cli.plan_written && status == 0)
          {
            rp_cli_error (_("%s changed the plan read with --plan; nothing was saved"), commands[c].name);
            status = 2;
          }
        g_clear_object (&cli.store);
        return status;
      }
  rp_cli_error (_("unknown command “%s”"), argv[index]);
  print_usage (stderr);
  return 2;
}
