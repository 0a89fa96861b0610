/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-calendar.h"
#include "rp-date-range.h"
#include "rp-decision.h"
#include "rp-entity.h"
#include "rp-format-json.h"
#include "rp-format-markdown.h"
#include "rp-list-model.h"
#include "rp-plan.h"
#include "rp-plan-diff.h"
#include "rp-plan-merge.h"
#include "rp-readiness.h"
#include "rp-record.h"
#include "rp-records.h"
#include "rp-release.h"
#include "rp-risk.h"
#include "rp-schedule.h"
#include "rp-store.h"
#include "rp-template.h"
#include "rp-timeline.h"
#include "rp-types.h"
