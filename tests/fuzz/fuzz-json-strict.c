/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "rp-format-json.h"
#include "rp-json-strict.h"

/* The strict check of a plan file's bytes, on anything: it never crashes,
 * reads past the input or leaks; it says why it refuses, as a syntax or a
 * size error; and what it accepts json-glib parses too (it is run first,
 * so json-glib may be more lenient, never stricter). */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  rp_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  /* A copy of exactly size bytes, no NUL after them: ASan sees a read past
   * the end. */
  g_autofree char *copy = g_memdup2 (data, size);
  g_autoptr (GError) error = NULL;
  gboolean ok = _rp_json_strict_check (copy, size, RP_PLAN_MAX_BYTES, RP_PLAN_MAX_DEPTH, &error);

  if (!ok)
    {
      if (error == NULL || error->domain != RP_FORMAT_ERROR ||
          (error->code != RP_FORMAT_ERROR_SYNTAX && error->code != RP_FORMAT_ERROR_TOO_LARGE) ||
          error->message[0] == '\0')
        rp_fuzz_fail ("the strict check refused without a syntax or size error");
      return 0;
    }
  if (error != NULL)
    rp_fuzz_fail ("the strict check accepted and set an error");

  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autoptr (GError) parse_error = NULL;

    if (!json_parser_load_from_data (parser, copy, size, &parse_error))
      rp_fuzz_fail ("the strict check accepted what json-glib refuses: %s", parse_error->message);
  }

  /* A size cap of one byte less refuses it, as too large. */
  if (size > 0)
    {
      g_autoptr (GError) cap_error = NULL;

      if (_rp_json_strict_check (copy, size, size - 1, RP_PLAN_MAX_DEPTH, &cap_error) ||
          !g_error_matches (cap_error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_TOO_LARGE))
        rp_fuzz_fail ("a document one byte over the cap was not refused as too large");
    }
  return 0;
}
