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
/* A checklist item as the rules read it: the items are most of the rows
 * of a plan (17 of 34 thousand for 1,000 releases), so they are read
 * straight from their columns, not as records, and whether an item is the
 * staging item is worked out once per distinct text. */
typedef struct
{
  const char *id;   /* in the plan's strings */
  const char *text; /* in the plan's strings, shared by equal texts */
  RpItemState state;
  gboolean staging;
} RpReadinessItem;

typedef struct
{
  GHashTable *releases;                /* id -> RpRelease: every release, for dependencies */
  GHashTable *children[RP_N_ENTITIES]; /* parent id -> GPtrArray of RpRecord (not checklist items) */
  GHashTable *graph;                   /* release id -> GPtrArray of its RpDependency on a release */
  GHashTable *may_cycle;               /* the release ids that may lie on a cycle of the graph (a set) */
  GHashTable *items;                   /* section id (in strings) -> GArray of RpReadinessItem, in order */
  GHashTable *staging_texts;           /* text (in strings) -> whether it names staging */
  GStringChunk *strings;
} RpReadinessPlan;

typedef struct
{
  guint32 today;      /* Julian day */
  guint8 deploy_days; /* bit (GDateWeekday - 1) set for an allowed day */
  GPtrArray *freezes; /* of RpFreezeWindow */
  const RpReadinessPlan *plan;
} RpReadinessInputs;

/* rp-readiness.c */
GPtrArray *_rp_readiness_children (const RpReadinessPlan *plan, RpEntity entity, const char *parent_id);

/* The items of the checklist section @section_id (never NULL). */
GArray *_rp_readiness_items (const RpReadinessPlan *plan, const char *section_id);

/* rp-readiness-rules.c */
gboolean _rp_readiness_mentions_staging (const char *text);
RpReadinessReport *_rp_readiness_run_rules (const RpReadinessInputs *inputs, RpRelease *release);

/* rp-readiness-report.c: takes @findings (of RpFinding) and sorts them. */
RpReadinessReport *_rp_readiness_report_new (const char *release_id, const char *release_name,
                                             GPtrArray *findings, const gboolean applies[RP_N_RULES]);

G_END_DECLS
