/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-readiness.h"

G_BEGIN_DECLS

#define RP_DECISION_ERROR (rp_decision_error_quark ())

typedef enum
{
  /* a go (or a go with risks) over blockers, with no notes saying why */
  RP_DECISION_ERROR_NEEDS_NOTES,
} RpDecisionError;

GQuark rp_decision_error_quark (void);

/* Records the go/no-go decision @decision on the release @release_id, with
 * the readiness snapshot of this moment (rp_readiness_report_to_json()
 * over @today, the store's deploy days and freeze windows) in
 * decision.readiness, as one undo step "Record decision".
 *
 * @by_person_id: who decided; NULL for the release's go/no-go owner (the
 *   first, when there are several; none when there is none)
 * @notes: (nullable): why; a go or a go with risks over blockers is
 *   refused (RP_DECISION_ERROR_NEEDS_NOTES) when they are blank
 * @at: (nullable): when it was decided, NULL for now (stored in UTC)
 *
 * Returns: (transfer full) (nullable): the new decision's id */
char *rp_decision_record (RpStore *store, const char *release_id, RpDecisionKind decision,
                          const char *by_person_id, const char *notes, const GDate *today, GDateTime *at,
                          GError **error);

G_END_DECLS
