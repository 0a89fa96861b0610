/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmarks against the sqlite3 shell share: the time of a piece
 * of work, wall clock and processor (user + system: on a shared machine
 * the wall clock measures the neighbours too), of this process or of a
 * program it runs. */
typedef struct
{
  double wall_ms;
  double cpu_ms;
} BenchTime;

typedef struct
{
  gint64 wall_start;
  double cpu_start;
  gboolean children;
} BenchClock;

void bench_clock_start (BenchClock *clock, gboolean children);
BenchTime bench_clock_stop (BenchClock *clock);

/* The median of @n times, wall and processor apart. */
BenchTime bench_median (BenchTime *times, guint n);

/* Runs @argv with standard input from @in and output to @out (NULL:
 * /dev/null); the time it took, processor time its own. */
BenchTime bench_run (const char *const *argv, const char *in, const char *out);
/* The same, for a program whose exit status is to be @expected (a check
 * that says no-go exits 1). */
BenchTime bench_run_expect (const char *const *argv, const char *in, const char *out, int expected);

/* The sqlite3 shell, or NULL (then the floors are not measured). */
const char *bench_sqlite3 (void);

/* The resident memory now, and the peak since the last reset, in KiB. */
gsize bench_rss_kib (void);
gsize bench_peak_rss_kib (void);
void bench_reset_peak_rss (void);

G_END_DECLS
