/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>

#include "bench-plan.h"

/* gen-plan N: the generated plan of N releases on standard output, for
 * profiling an import or an export by hand (perf, callgrind). */
int
main (int argc, char **argv)
{
  gsize length;
  g_autofree char *plan = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s N_RELEASES\n", argv[0]);
      return 2;
    }
  plan = bench_plan_generate (strtoul (argv[1], NULL, 10), &length);
  fwrite (plan, 1, length, stdout);
  return 0;
}
