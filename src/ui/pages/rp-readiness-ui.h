/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* What the readiness card, the Readiness tab, review mode and the
 * sidebar's badge share: today, the check itself, the verdict in words
 * and colour, and a row per finding that takes the user to the fix. */

/* Today for the rules: the local date, or the date in $RP_TODAY
 * (YYYY-MM-DD) when it holds one, so that a screenshot or a test of a
 * plan shows the verdicts of a fixed day. */
void rp_ui_get_today (GDate *today);
/* The rules over @release_id with today and the store's deploy days and
 * freeze windows (Preferences); NULL when there is no such release. */
RpReadinessReport *rp_ui_check_release (RpStore *store, const char *release_id);

/* "Go", "Go with risks", "No-go". */
const char *rp_ui_verdict_label (RpDecisionKind verdict);
/* Gives @label the words and the colour of @verdict (the rp-verdict
 * classes of rp-readiness.css, which it loads). */
void rp_ui_set_verdict (GtkWidget *label, RpDecisionKind verdict);
/* "Blocker", "Warning", "Info". */
const char *rp_ui_severity_label (RpSeverity severity);

/* A row for @finding: its message, what to do about it, an icon of its
 * severity; activating it runs win.show-subject on its subject. */
GtkWidget *rp_ui_finding_row_new (const RpFinding *finding);

/* "3 blockers, 2 warnings", "No blockers or warnings". */
char *rp_ui_describe_counts (const RpReadinessReport *report);
/* "Deploys in 12 days (Thu, 10 Dec 2026)", "Deployed 3 days ago", "No
 * deploy date yet". */
char *rp_ui_describe_deploy (RpRelease *release, const GDate *today);
/* "Next: testing starts in 3 days (Mon, 30 Nov 2026)", or NULL when no
 * milestone is ahead. */
char *rp_ui_describe_next_milestone (RpRelease *release, const GDate *today);

/* Scrolls the first scrolled window inside @widget back to its top. */
void rp_ui_scroll_to_top (GtkWidget *widget);

G_END_DECLS
