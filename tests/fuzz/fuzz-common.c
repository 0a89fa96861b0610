/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

void
rp_fuzz_init (void)
{
  /* Before GLib allocates anything: plain malloc, which ASan and its leak
   * check see. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (g_log_writer_standard_streams, NULL, NULL);
}

void
rp_fuzz_fail (const char *format, ...)
{
  va_list args;

  fputs ("FUZZ INVARIANT BROKEN: ", stderr);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}
