/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-plan.h"

G_BEGIN_DECLS

/* A three-way merge of plans by entity id and field: what one side changed
 * and the other did not is taken; a field both sides changed to different
 * values, a row one side deleted and the other edited, or a list both
 * sides reordered differently is a conflict, and the merged plan keeps
 * ours for it. Lists follow the order of the side that moved rows. */

typedef enum
{
  RP_PLAN_CONFLICT_CHANGED,        /* both sides changed the value, differently */
  RP_PLAN_CONFLICT_DELETED_THEIRS, /* theirs deleted the row, ours edited it: kept */
  RP_PLAN_CONFLICT_DELETED_OURS,   /* ours deleted the row, theirs edited it: left out */
  RP_PLAN_CONFLICT_ORDER,          /* both sides reordered the list, differently */
} RpPlanConflictKind;

typedef struct
{
  RpPlanConflictKind kind;
  char *path;     /* JSON path in the merged plan (of the list, for a row ours deleted) */
  char *where;    /* the rows it is in, for people: "release “Payments 2027.1”, risk “PSP outage”" */
  JsonNode *base; /* the values; NULL where the row is not */
  JsonNode *ours;
  JsonNode *theirs;
} RpPlanConflict;

#define RP_TYPE_PLAN_MERGE (rp_plan_merge_get_type ())
G_DECLARE_FINAL_TYPE (RpPlanMerge, rp_plan_merge, RP, PLAN_MERGE, GObject)

RpPlanMerge *rp_plan_merge_new (RpPlan *base, RpPlan *ours, RpPlan *theirs, GError **error);

RpPlan *rp_plan_merge_get_result (RpPlanMerge *self);
guint rp_plan_merge_get_n_conflicts (RpPlanMerge *self);
const RpPlanConflict *rp_plan_merge_get_conflict (RpPlanMerge *self, guint index);
/* "releases[0].timeline.deploy (release “Payments 2027.1”): ours
 * "2027-02-11", theirs "2027-02-10", base "2027-02-09"; kept ours" */
char *rp_plan_conflict_to_string (const RpPlanConflict *conflict);

G_END_DECLS
