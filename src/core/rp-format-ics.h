/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) through libical, which folds, escapes and ends
 * the lines. */

#define RP_ICS_MAX_BYTES (16 * 1024 * 1024)

/* The milestones of a release (or of every release, @release_id NULL)
 * and the freeze windows as all-day events. @now is the DTSTAMP (RFC 5545:
 * when the file was made), a parameter so that tests get the same bytes. */
char *rp_format_ics_export (RpStore *store, const char *release_id, GDateTime *now, GError **error);

/* The freeze windows an .ics file would add or change, before anything is
 * written: its events (timed ones as the days they touch, recurring ones
 * expanded) that touch the days @from..@to. */
typedef struct
{
  GPtrArray *added;   /* RpFreezeWindow: new rows, not in the store yet */
  GPtrArray *changed; /* RpFreezeWindow: rows of an earlier import, with the file's values */
  guint unchanged;    /* occurrences already there as they are */
  guint events;       /* events in the file */
} RpIcsFreezeImport;

RpIcsFreezeImport *rp_format_ics_read_freezes (RpStore *store, const char *data, gsize length,
                                               const GDate *from, const GDate *to, GError **error);
/* Writes @import, all or nothing, as one undo step. */
gboolean rp_format_ics_apply_freezes (RpStore *store, RpIcsFreezeImport *import, GError **error);
void rp_ics_freeze_import_free (RpIcsFreezeImport *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpIcsFreezeImport, rp_ics_freeze_import_free)

G_END_DECLS
