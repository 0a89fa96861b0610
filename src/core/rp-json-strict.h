/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A strict RFC 8259 check of raw bytes, run before json-glib parses them:
 * json-glib 1.6 accepts comments, trailing garbage, single quotes and
 * unbounded nesting, which a plan file must not have. Also refused:
 * invalid UTF-8, a byte order mark, control characters and bad escapes in
 * strings, unpaired surrogates and \u0000, leading zeros, NaN/Infinity,
 * numbers out of range, trailing commas and duplicate keys in an object.
 *
 * Errors are RP_FORMAT_ERROR_SYNTAX ("line 3, column 7: unexpected
 * character '/' …"; columns count characters, from 1) or
 * RP_FORMAT_ERROR_TOO_LARGE (more than @max_bytes, or containers nested
 * deeper than @max_depth). */
gboolean _rp_json_strict_check (const char *data, gsize length, gsize max_bytes, guint max_depth,
                                GError **error);

G_END_DECLS
