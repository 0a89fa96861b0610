/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-date-range.h"
#include "rp-records.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Creates @release (a new record the caller filled in) with the checklist
 * of the template @template_id (NULL: an empty checklist), as one undo
 * step "New release". */
gboolean rp_release_create (RpStore *store, RpRelease *release, const char *template_id, GError **error);

/* The days of a milestone of @self, or NULL when its dates do not say:
 *  code complete and deploy: that one day;
 *  testing: testing_start to testing_end (NULL when they are out of order);
 *  buffer: the buffer_days just before the deploy (NULL for none);
 *  monitoring: the deploy day to the day monitoring_hours after the
 *  deploy's start ends (NULL for no monitoring). */
RpDateRange *rp_release_get_milestone (RpRelease *self, RpMilestone milestone);
/* The same from the committed dates (the baseline): buffer and
 * monitoring follow the committed deploy. NULL before Commit Dates. */
RpDateRange *rp_release_get_committed_milestone (RpRelease *self, RpMilestone milestone);

/* How many days the deploy moved since the team committed to the date:
 * deploy − committed_deploy (positive: later, negative: earlier); 0 when
 * either date is missing. */
int rp_release_get_slip_days (RpRelease *self);
/* How many of the buffer_days are still free. The buffer stands between
 * the end of testing and the deploy, so every day testing_end moved later
 * than committed_testing_end eats one buffer day, unless the deploy moved
 * later by as much (a day the deploy moves earlier eats one too):
 *   buffer_days − ((testing_end − committed_testing_end)
 *                  − (deploy − committed_deploy)),
 * kept within 0..buffer_days. A difference whose two dates are not both
 * set counts as 0, so before Commit Dates this is buffer_days. */
int rp_release_get_buffer_days_left (RpRelease *self);

/* Stores the current milestones of the release @release_id as its
 * committed dates (the baseline the slip is measured from), and @now as
 * committed_at, as one undo step "Commit dates". Refused (INVALID) when
 * the release has no deploy date: there is nothing to commit to. */
gboolean rp_release_commit_dates (RpStore *store, const char *release_id, GDateTime *now, GError **error);

/* What rp_release_shift_dates() moves. */
typedef enum
{
  RP_RELEASE_SHIFT_DEPLOY,   /* the deploy day (the buffer and monitoring follow it) */
  RP_RELEASE_SHIFT_SCHEDULE, /* code complete, the testing window and the deploy */
} RpReleaseShift;

/* Moves the dates @shift names by @days (negative: earlier) as one undo
 * step; the committed dates stay. Refused (INVALID) when the release has
 * no deploy date, or a date would leave the calendar. */
gboolean rp_release_shift_dates (RpStore *store, const char *release_id, RpReleaseShift shift, int days,
                                 GError **error);

/* How many colours releases are told apart by. */
#define RP_RELEASE_N_COLORS 8

/* The colour of a release everywhere in the app (calendar, timeline,
 * sidebar), 0 .. RP_RELEASE_N_COLORS − 1: from its id, so it never
 * changes while the release lives. */
guint rp_release_color_index (const char *release_id);

/* Starts the next release from this one: a new release (status planning,
 * no dates, no post-release notes) with the same owners, the scope with
 * its acceptance criteria (all planned, none met) and the checklist (all
 * open), as one undo step. Risks, dependencies, rollout, flags and the
 * go/no-go log stay with the old release. Returns the new release's id. */
char *rp_release_duplicate (RpStore *store, const char *release_id, const char *name, const char *version,
                            GError **error);

/* What Duplicate as Next Release proposes: the next version (2027.1.0 →
 * 2027.2.0, 5.0 → 5.1, v3 → v4; NULL when @version has no number) and a
 * name with the version in it replaced ("Payments 2027.1" → "Payments
 * 2027.2"), else the same name. */
char *rp_version_propose_next (const char *version);
char *rp_release_propose_next_name (const char *name, const char *version, const char *next_version);

G_END_DECLS
