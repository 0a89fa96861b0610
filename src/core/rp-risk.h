/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-records.h"

G_BEGIN_DECLS

/* The scores at which a risk becomes a medium and a high one: the
 * readiness rules use them too (risk.no-owner, risk.unmitigated). */
#define RP_RISK_SCORE_MEDIUM 8
#define RP_RISK_SCORE_HIGH 15

int rp_risk_get_score (RpRisk *self);
RpRiskLevel rp_risk_get_level (RpRisk *self);
RpRiskLevel rp_risk_level_for_score (int score);

G_END_DECLS
