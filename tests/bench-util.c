/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"

static double
cpu_ms (gboolean children)
{
  struct rusage usage;

  getrusage (children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

void
bench_clock_start (BenchClock *clock, gboolean children)
{
  clock->children = children;
  clock->cpu_start = cpu_ms (children);
  clock->wall_start = g_get_monotonic_time ();
}

BenchTime
bench_clock_stop (BenchClock *clock)
{
  BenchTime t;

  t.wall_ms = (g_get_monotonic_time () - clock->wall_start) / 1000.0;
  t.cpu_ms = cpu_ms (clock->children) - clock->cpu_start;
  return t;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

BenchTime
bench_median (BenchTime *times, guint n)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      wall[i] = times[i].wall_ms;
      cpu[i] = times[i].cpu_ms;
    }
  qsort (wall, n, sizeof (double), compare_doubles);
  qsort (cpu, n, sizeof (double), compare_doubles);
  return (BenchTime){ wall[n / 2], cpu[n / 2] };
}

BenchTime
bench_run (const char *const *argv, const char *in, const char *out)
{
  return bench_run_expect (argv, in, out, 0);
}

BenchTime
bench_run_expect (const char *const *argv, const char *in, const char *out, int expected)
{
  BenchClock clock;
  pid_t pid;
  int status = 0;

  fflush (stdout);
  bench_clock_start (&clock, TRUE);
  pid = fork ();
  g_assert (pid >= 0);
  if (pid == 0)
    {
      int in_fd = open (in ? in : "/dev/null", O_RDONLY);
      int out_fd = open (out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);

      if (in_fd < 0 || out_fd < 0 || dup2 (in_fd, 0) < 0 || dup2 (out_fd, 1) < 0)
        _exit (127);
      execv (argv[0], (char **) argv);
      _exit (127);
    }
  g_assert (waitpid (pid, &status, 0) == pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != expected)
    g_error ("%s failed (status %d, not %d)", argv[0], status, expected);
  return bench_clock_stop (&clock);
}

const char *
bench_sqlite3 (void)
{
  static char *path = NULL;

  if (path == NULL)
    path = g_find_program_in_path ("sqlite3");
  return path;
}

static gsize
status_kib (const char *key)
{
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL) || (at = strstr (text, key)) == NULL)
    return 0;
  return g_ascii_strtoull (at + strlen (key), NULL, 10);
}

gsize
bench_rss_kib (void)
{
  return status_kib ("VmRSS:");
}

gsize
bench_peak_rss_kib (void)
{
  return status_kib ("VmHWM:");
}

/* Linux: writing 5 to clear_refs resets the peak (VmHWM) to the present. */
void
bench_reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);

  if (fd >= 0)
    {
      if (write (fd, "5", 1) != 1)
        g_debug ("the peak memory could not be reset");
      close (fd);
    }
}
