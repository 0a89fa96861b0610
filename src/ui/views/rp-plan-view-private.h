/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-plan-view.h"

G_BEGIN_DECLS

/* For the implementations of RpPlanView only: tells the window that the
 * user opened the release @release_id from the view. */
void rp_plan_view_emit_release_activated (RpPlanView *self, const char *release_id);

G_END_DECLS
