/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-readiness.h"

G_BEGIN_DECLS

/* What the files of RpReadiness share: rp-readiness.c (the inputs, and
 * reading the rows from the store), rp-readiness-rules.c (the rules),
 * rp-readiness-report.c (the rule table, findings, reports, JSON). */

/* The rows the rules read, grouped by parent: all of the plan for
 * rp_readiness_check_all(), one release and what it refers to for
 * rp_readiness_check(). */
typedef struct {
  GHashTable *releases; /* id -> RpRelease: every release, for dependencies */
  GHashTable *children[RP_N_ENTITIES]; /* parent id -> GPtrArray of RpRecord */
  GHashTable *graph; /* release id -> GPtrArray of its RpDependency on a release */
} RpReadinessPlan;

typedef struct {
  guint32 today;         /* Julian day */
  guint8 deploy_days;    /* bit (GDateWeekday - 1) set for an allowed day */
  GPtrArray *freezes;    /* of RpFreezeWindow */
  const RpReadinessPlan *plan;
} RpReadinessInputs;

/* rp-readiness.c */
GPtrArray *_rp_readiness_children (const RpReadinessPlan *plan, RpEntity entity, const char *parent_id);

/* rp-readiness-rules.c */
RpReadinessReport *_rp_readiness_run_rules (const RpReadinessInputs *inputs, RpRelease *release);

/* rp-readiness-report.c: takes @findings (of RpFinding) and sorts them. */
RpReadinessReport *_rp_readiness_report_new (const char *release_id,
                                             const char *release_name,
                                             GPtrArray *findings,
                                             const gboolean applies[RP_N_RULES]);

G_END_DECLS
