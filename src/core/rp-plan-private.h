/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-entity.h"
#include "rp-plan.h"

G_BEGIN_DECLS

/* What diff (rp-plan-diff.c) and merge (rp-plan-merge.c) share: how the
 * lists of a plan's tree match between two versions of it. A list is
 * known by the key that holds it, the same wherever it is. */

typedef enum
{
  RP_PLAN_LIST_ROWS,    /* objects, each known by one of its keys (id, name, component) */
  RP_PLAN_LIST_STRINGS, /* strings, each known by itself (people on call, deploy days) */
  RP_PLAN_LIST_VALUE,   /* compared as a whole: rows without anything to know them by */
} RpPlanListShape;

typedef struct
{
  const char *key; /* the member that holds the list (or value) */
  RpPlanListShape shape;
  const char *id_key;    /* ROWS: the key that identifies a row */
  RpEntity entity;       /* the entity of its rows, or RP_N_ENTITIES */
  const char *title_key; /* ROWS: the key that names a row for people */
} RpPlanList;

/* NULL: @key is a plain member (an object to walk into, or a value). */
const RpPlanList *_rp_plan_find_list (const char *key);

/* The id of @row (an object of a ROWS list), or NULL. */
const char *_rp_plan_row_id (const RpPlanList *list, JsonNode *row);

/* TRUE when every element of @array (may be NULL) has its own id: a list
 * with two rows of the same id (a component named twice) is compared as a
 * whole instead. */
gboolean _rp_plan_ids_unique (const RpPlanList *list, JsonNode *array);

/* What people call the rows of @list: "risk", "component", "criterion". */
const char *_rp_plan_list_label (const RpPlanList *list);
/* "risk “PSP outage”": @row named by its title. */
char *_rp_plan_describe_row (const RpPlanList *list, JsonNode *row);

/* Appends "key" or "[index]" to a JSON path. */
void _rp_plan_path_push_key (GString *path, const char *key);
void _rp_plan_path_push_index (GString *path, guint index);

/* A compact text of @node ("null" for NULL), for messages. */
char *_rp_plan_node_to_text (JsonNode *node);

G_END_DECLS
