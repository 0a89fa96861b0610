/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The pages of a release (Overview, Scope, Dependencies, Risks, Checklist,
 * Rollout) are all AdwBin subclasses with the same two properties:
 *
 *   "store"      RpStore*, construct-only
 *   "release-id" char*, the release shown (NULL: none)
 *
 * The window makes one of each with g_object_new (RP_TYPE_X_PAGE, "store",
 * store, NULL) and sets "release-id" when the selection changes. A page
 * saves every edit at once through the store and follows the store's
 * ::changed signal, whatever caused it (its own edit, another page, undo,
 * an import, another process), without disturbing what the user is
 * typing. */

#include "rp-checklist-page.h"
#include "rp-dependencies-page.h"
#include "rp-overview-page.h"
#include "rp-risks-page.h"
#include "rp-rollout-page.h"
#include "rp-scope-page.h"
