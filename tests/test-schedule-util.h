/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-core.h"

G_BEGIN_DECLS

/* What the tests of the calendar, the timeline and their benchmark share:
 * records built in memory (no store) and days by their ISO date. */

guint32 test_julian (const char *iso_date);
RpRelease *test_release_new (const char *id, const char *name, const char *code_complete,
                             const char *testing_start, const char *testing_end, const char *deploy,
                             int buffer_days, int monitoring_hours);
RpFreezeWindow *test_freeze_new (const char *id, const char *name, const char *start, const char *end);
RpDependency *test_dependency_new (const char *release_id, const char *depends_on);
RpSchedule *test_schedule_new (RpRelease *release, RpFreezeWindow *freeze, RpDependency *dependency);

G_END_DECLS
