/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bench_plan_generate (guint n_releases, gsize *length);
guint bench_plan_rows (guint n_releases);

G_END_DECLS
