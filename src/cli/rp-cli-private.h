/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char *db_path;   /* --db, or NULL for the default */
  const char *plan_path; /* --plan: a plan file read into a store in memory instead */
  RpStore *store;        /* opened on first use by rp_cli_open_store() */
  gboolean creates;      /* the command may make a new database (it writes) */
  gboolean plan_written; /* with --plan, a command wrote to the store in memory */
} RpCli;

/* argv is a strv the command owns (argv[0] is the command name); pass
 * &argc, &argv to rp_cli_parse(), which frees what it parses. */
typedef int (*RpCliCommandFunc) (RpCli *cli, int argc, char **argv);

typedef struct
{
  const char *name;
  const char *summary;
  RpCliCommandFunc run;
  gboolean writes; /* changes the database: refused with --plan */
} RpCliCommand;

/* Helpers shared by the command files. Each prints its own error to
 * stderr and returns NULL/FALSE on failure. */
/* The database (--db), or with --plan the plan file in a store in memory. */
RpStore *rp_cli_open_store (RpCli *cli);
/* A plan file for diff and merge ("-": standard input). */
RpPlan *rp_cli_load_plan (const char *path);
RpRecord *rp_cli_find_release (RpCli *cli, const char *name_version_or_id);
/* FALSE, after saying so, when @text (what a person typed, named @what) is
 * not UTF-8: the plan holds only text. */
gboolean rp_cli_check_text (const char *what, const char *text);
gboolean rp_cli_parse (GOptionContext *context, int *argc, char ***argv);
void rp_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
GOptionContext *rp_cli_command_context (const char *parameters, const char *summary);
/* Checks the number of positional arguments after the command name. */
gboolean rp_cli_expect_args (int argc, char **argv, int min, int max);
gboolean rp_cli_write_output (const char *path, const char *data, gsize length);
typedef gboolean (*RpCliWriteFunc) (GOutputStream *stream, GCancellable *cancellable, gpointer data,
                                    GError **error);
gboolean rp_cli_write_output_stream (const char *path, RpCliWriteFunc write, gpointer data);

/* The commands, one file per command or group of them. A new command is a
 * file with its RpCliCommandFunc, declared here, and a row in the table of
 * rp-cli.c (name, summary, function, and TRUE when it writes to the
 * database, so that --plan refuses it), which is all that help and
 * dispatch go by (main.c gives the command line any first word that is not
 * an option, known or not); the file also goes in meson.build and
 * po/POTFILES.in. */

/* rp-cli-list.c */
int rp_cli_cmd_list (RpCli *cli, int argc, char **argv);
int rp_cli_cmd_show (RpCli *cli, int argc, char **argv);

/* rp-cli-new.c */
int rp_cli_cmd_new (RpCli *cli, int argc, char **argv);

/* rp-cli-import-export.c */
int rp_cli_cmd_import (RpCli *cli, int argc, char **argv);
int rp_cli_cmd_export (RpCli *cli, int argc, char **argv);
int rp_cli_cmd_demo (RpCli *cli, int argc, char **argv);

/* rp-cli-check.c; the helpers also serve decide. */
int rp_cli_cmd_check (RpCli *cli, int argc, char **argv);
/* --today TEXT into @today (NULL: the local date today); FALSE after an
 * error when it is not a date. */
gboolean rp_cli_parse_today (const char *command, const char *text, GDate *today);
const char *rp_cli_verdict_label (RpDecisionKind verdict);
char *rp_cli_describe_counts (const RpReadinessReport *report);

/* rp-cli-decide.c */
int rp_cli_cmd_decide (RpCli *cli, int argc, char **argv);

/* rp-cli-import-freezes.c */
int rp_cli_cmd_import_freezes (RpCli *cli, int argc, char **argv);

/* rp-cli-checklist.c */
int rp_cli_cmd_tick (RpCli *cli, int argc, char **argv);
int rp_cli_cmd_templates (RpCli *cli, int argc, char **argv);

/* rp-cli-diff.c, rp-cli-merge.c */
int rp_cli_cmd_diff (RpCli *cli, int argc, char **argv);
int rp_cli_cmd_merge (RpCli *cli, int argc, char **argv);

G_END_DECLS
