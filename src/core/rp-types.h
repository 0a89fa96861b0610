/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every kind of row the store keeps. The order is the order of the
 * descriptor table in rp-entity.c; parents come before their children. */
typedef enum
{
  RP_ENTITY_PERSON,
  RP_ENTITY_FREEZE_WINDOW,
  RP_ENTITY_TEMPLATE,
  RP_ENTITY_TEMPLATE_SECTION,
  RP_ENTITY_TEMPLATE_ITEM,
  RP_ENTITY_RELEASE,
  RP_ENTITY_OWNER,
  RP_ENTITY_SCOPE_ITEM,
  RP_ENTITY_CRITERION,
  RP_ENTITY_DEPENDENCY,
  RP_ENTITY_RISK,
  RP_ENTITY_CHECKLIST_SECTION,
  RP_ENTITY_CHECKLIST_ITEM,
  RP_ENTITY_ROLLOUT_STAGE,
  RP_ENTITY_FEATURE_FLAG,
  RP_ENTITY_DECISION,
  RP_N_ENTITIES
} RpEntity;

typedef struct _RpStore RpStore;
typedef struct _RpRecord RpRecord;

G_END_DECLS
