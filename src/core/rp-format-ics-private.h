/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-format-ics.h"

G_BEGIN_DECLS

/* Shared by the export (rp-format-ics.c) and the import of freeze windows
 * (rp-format-ics-import.c). */

/* Text without the control characters RFC 5545 forbids in TEXT (all but
 * HTAB; line breaks become "\n"), as valid UTF-8; NULL for NULL. */
char *_rp_ics_clean_text (const char *text);

/* The same on one line (line breaks and tabs become spaces, the ends
 * trimmed); NULL for NULL or blank text. */
char *_rp_ics_one_line (const char *text);

G_END_DECLS
