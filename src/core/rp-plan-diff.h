/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-entity.h"
#include "rp-plan.h"

G_BEGIN_DECLS

/* What changed between two versions of a plan, by entity id and field:
 * rows are matched by their id (checklist sections and components by
 * name), so a row that moved is not a row removed and another added. */

typedef enum
{
  RP_PLAN_CHANGE_ADDED,   /* a row (or a person on call, a deploy day) is new */
  RP_PLAN_CHANGE_REMOVED, /* it is gone; path is its place in the old plan */
  RP_PLAN_CHANGE_CHANGED, /* a value changed */
  RP_PLAN_CHANGE_MOVED,   /* the rows of a list are in another order */
} RpPlanChangeKind;

typedef struct
{
  RpPlanChangeKind kind;
  char *path; /* JSON path in the new plan ("releases[0].timeline.deploy"), in the old one for REMOVED */
  char *release_id;    /* the release it is in, or NULL (people, freeze windows, templates, settings) */
  RpEntity entity;     /* the entity of the row it is in or is; RP_N_ENTITIES at the top (settings) */
  char *row_id;        /* that row's id (a section's or component's name), or NULL */
  char *field;         /* the key in that row, dotted ("timeline.deploy"), or NULL for the row itself */
  JsonNode *old_value; /* NULL for ADDED */
  JsonNode *new_value; /* NULL for REMOVED */
} RpPlanChange;

#define RP_TYPE_PLAN_DIFF (rp_plan_diff_get_type ())
G_DECLARE_FINAL_TYPE (RpPlanDiff, rp_plan_diff, RP, PLAN_DIFF, GObject)

RpPlanDiff *rp_plan_diff_new (RpPlan *old_plan, RpPlan *new_plan);

guint rp_plan_diff_get_n_changes (RpPlanDiff *self);
const RpPlanChange *rp_plan_diff_get_change (RpPlanDiff *self, guint index);

/* The releases of @new_plan (the diff's new plan) that it adds, that it
 * changes and that it leaves as they were, and the changes outside any
 * release (people, freeze windows, templates, settings). */
void rp_plan_diff_count_releases (RpPlanDiff *self, RpPlan *new_plan, guint *added, guint *changed,
                                  guint *unchanged, guint *other);

/* One line per release (and for people, freeze windows, templates and
 * settings) in words a reviewer reads; "" when nothing changed. */
char *rp_plan_diff_to_text (RpPlanDiff *self);
/* {"equal": …, "summary": [the lines of the text], "changes": [...]} */
char *rp_plan_diff_to_json (RpPlanDiff *self);

G_END_DECLS
