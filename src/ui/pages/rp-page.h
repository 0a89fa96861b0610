/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The pages of a release (Overview, Scope, Dependencies, Risks, Checklist,
 * Rollout, Readiness). Each derives from RpReleasePage (rp-release-page.h), Scope
 * and Dependencies through RpListEditorPage (rp-list-editor-page.h); the
 * window declares them in rp-window.ui, binds their "release-id" to its
 * own and asks them for a subject with rp_release_page_select_subject(). */

#include "rp-checklist-page.h"
#include "rp-dependencies-page.h"
#include "rp-overview-page.h"
#include "rp-readiness-page.h"
#include "rp-risks-page.h"
#include "rp-rollout-page.h"
#include "rp-scope-page.h"
