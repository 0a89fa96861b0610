/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv (after the global options) names a subcommand. */
gboolean rp_cli_is_command (int argc, char **argv);

/* Runs the subcommand; returns the process exit status. */
int rp_cli_run (int argc, char **argv);

G_END_DECLS
