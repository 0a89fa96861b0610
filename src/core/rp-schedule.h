/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-date-range.h"
#include "rp-records.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* The dates of every release at once, as the Calendar and the Timeline
 * show them: each release's milestones (and committed milestones),
 * the freeze windows, the allowed deploy weekdays and the dependencies
 * between releases. A snapshot taken once (from the store, or from
 * records in a test) and shared by the month and timeline layouts, so
 * that drawing a month or scrolling a timeline never reads the store.
 * Immutable and reference counted. */

#define RP_TYPE_SCHEDULE (rp_schedule_get_type ())

typedef struct _RpSchedule RpSchedule;

/* What is wrong with a deploy day. */
typedef enum
{
  RP_SCHEDULE_WARNING_NONE = 0,
  RP_SCHEDULE_WARNING_DEPLOY_DAY = 1 << 0, /* a weekday deploys are not allowed on */
  RP_SCHEDULE_WARNING_FREEZE = 1 << 1,     /* inside a freeze window */
} RpScheduleWarnings;

/* A dependency of one release on another (kind release), both in the
 * schedule: @dependent waits for @depends_on. */
typedef struct
{
  guint dependent;  /* index of the release that waits */
  guint depends_on; /* index of the release it waits for */
} RpScheduleDependency;

GType rp_schedule_get_type (void) G_GNUC_CONST;

RpSchedule *rp_schedule_new (GPtrArray *releases, GPtrArray *freezes, GPtrArray *dependencies,
                             const char *const *deploy_days);
RpSchedule *rp_schedule_new_from_store (RpStore *store);

RpSchedule *rp_schedule_ref (RpSchedule *self);
void rp_schedule_unref (RpSchedule *self);

guint rp_schedule_get_n_releases (RpSchedule *self);
RpRelease *rp_schedule_get_release (RpSchedule *self, guint index);
int rp_schedule_find_release (RpSchedule *self, const char *release_id);
RpDateRange *rp_schedule_get_milestone (RpSchedule *self, guint index, RpMilestone milestone);
RpDateRange *rp_schedule_get_committed_milestone (RpSchedule *self, guint index, RpMilestone milestone);
gboolean rp_schedule_is_active (RpSchedule *self, guint index);

guint rp_schedule_get_n_freezes (RpSchedule *self);
RpFreezeWindow *rp_schedule_get_freeze (RpSchedule *self, guint index);
RpDateRange *rp_schedule_get_freeze_days (RpSchedule *self, guint index);
int rp_schedule_find_freeze_on (RpSchedule *self, guint32 julian);

guint rp_schedule_get_n_dependencies (RpSchedule *self);
const RpScheduleDependency *rp_schedule_get_dependency (RpSchedule *self, guint index);

gboolean rp_schedule_allows_deploy_on (RpSchedule *self, guint32 julian);
RpScheduleWarnings rp_schedule_get_deploy_warnings (RpSchedule *self, guint index, int *freeze);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSchedule, rp_schedule_unref)

G_END_DECLS
