/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-date-range.h"
#include "rp-readiness.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Words and dates shared by the exports meant for people (Markdown, the
 * CSV for Jira, iCalendar, the PDF report), so that a status or a date
 * reads the same in all of them. They are in English, as the files are:
 * an export must give the same bytes whatever the locale of the machine
 * that wrote it. */

/* "in_progress" -> "In progress", for the nick of any stored enum (and
 * of the readiness severities); an unknown nick comes back as it is. */
const char *rp_format_label (const char *nick);

/* "2026-11-24T15:30:00Z" -> "2026-11-24 15:30 UTC"; a date stays as it
 * is; NULL -> NULL. */
char *rp_format_timestamp (const char *timestamp);

/* 90 -> "1 h 30 min", 60 -> "1 h", 45 -> "45 min", 0 -> "0 min". */
char *rp_format_minutes (int minutes);

/* "2027-01-21" for one day, "2027-01-21 to 2027-02-03" for several. */
char *rp_format_date_range (const RpDateRange *range);

/* The name of the person @person_id, or NULL when there is none. */
char *rp_format_person_name (RpStore *store, const char *person_id);

/* What Jira and mail want for a person: the email when there is one,
 * else the name; NULL when there is no such person. */
char *rp_format_person_address (RpStore *store, const char *person_id);

/* The owners of a release for people to read, one line per role with
 * the names of that role together ("On call", "Lena Vogel, Priya
 * Raman"), then one per component ("Component Payment service", its
 * owner, or NULL when it has none yet). Plain text: escape it. */
typedef struct
{
  char *role;
  char *who;
} RpFormatOwnerLine;

GArray *rp_format_owner_lines (RpStore *store, const char *release_id);

/* The findings of a readiness report counted by severity, for people:
 * "8 blockers, 1 warning", "2 notes", or "nothing to fix". */
char *rp_format_finding_counts (const RpReadinessReport *report);

/* The releases an export is about: the one @release_id names, or every
 * release for NULL. NULL with RP_STORE_ERROR_NOT_FOUND for an unknown id. */
GPtrArray *rp_format_list_releases (RpStore *store, const char *release_id, GError **error);

G_END_DECLS
