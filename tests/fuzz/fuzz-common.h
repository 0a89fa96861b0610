/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the fuzz targets share: GLib set up so that its warnings and
 * criticals crash (libFuzzer then saves the input), and a broken
 * invariant said in a line and made a crash. */
void rp_fuzz_init (void);
G_NORETURN void rp_fuzz_fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
