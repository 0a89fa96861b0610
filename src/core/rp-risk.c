/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-risk.h"

/* Likelihood × impact, 1 to 25. */
int
rp_risk_get_score (RpRisk *self)
{
  g_return_val_if_fail (RP_IS_RISK (self), 0);

  return rp_risk_get_likelihood (self) * rp_risk_get_impact (self);
}

RpRiskLevel
rp_risk_level_for_score (int score)
{
  if (score >= RP_RISK_SCORE_HIGH)
    return RP_RISK_LEVEL_HIGH;
  if (score >= RP_RISK_SCORE_MEDIUM)
    return RP_RISK_LEVEL_MEDIUM;
  return RP_RISK_LEVEL_LOW;
}

RpRiskLevel
rp_risk_get_level (RpRisk *self)
{
  return rp_risk_level_for_score (rp_risk_get_score (self));
}
