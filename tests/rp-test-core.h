/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-core.h"

G_BEGIN_DECLS

/* What every test that opens a store shares, core and UI alike (no GTK). */

RpStore *rp_test_open_store (void);
RpStore *rp_test_open_store_at (const char *path);

G_END_DECLS
