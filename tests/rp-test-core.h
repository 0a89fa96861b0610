/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-core.h"

G_BEGIN_DECLS

/* What every test that opens a store shares, core and UI alike (no GTK). */

RpStore *rp_test_open_store (void);
RpStore *rp_test_open_store_at (const char *path);

/* @json with @edits made, in order (NULL-terminated): "PATH=JSON" sets a
 * member, "PATH+=JSON" appends to a list, "PATH>N" moves an element of a
 * list to index N, "-PATH" removes one; PATH like "releases[0].risks[1]".
 * Written as plan files are (rp-format-json's emitter, trailing newline). */
char *rp_test_edit_json (const char *json, const char *const *edits);

G_END_DECLS
