/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-records.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Can this release ship? The readiness rules of DESIGN.md, each the
 * common mistake of a release it catches, over the rows of one release
 * and a few inputs that are not rows of it: today (the rules never read
 * the clock), the weekdays deploys are allowed on and the freeze windows.
 * Their answer is an RpReadinessReport: a verdict, the findings (what is
 * wrong, how bad, and where to fix it) and a readiness figure. */

/* The rules, in the order of DESIGN.md's table, which is also the order
 * of the findings within a severity. */
typedef enum
{
  RP_RULE_SCOPE_NO_CRITERIA,
  RP_RULE_SCOPE_UNMET_CRITERIA,
  RP_RULE_SCOPE_NOT_DONE,
  RP_RULE_DEPS_UNRESOLVED,
  RP_RULE_DEPS_ORDER,
  RP_RULE_DEPS_CYCLE,
  RP_RULE_RISK_UNMITIGATED,
  RP_RULE_RISK_NO_OWNER,
  RP_RULE_TIMELINE_MISSING,
  RP_RULE_TIMELINE_ORDER,
  RP_RULE_TIMELINE_NO_BUFFER,
  RP_RULE_TIMELINE_FRIDAY,
  RP_RULE_TIMELINE_SLIPPED,
  RP_RULE_TIMELINE_FREEZE,
  RP_RULE_OWNERS_GO_NO_GO,
  RP_RULE_OWNERS_ON_CALL,
  RP_RULE_OWNERS_COMPONENT,
  RP_RULE_ROLLBACK_MISSING,
  RP_RULE_STAGING_SKIPPED,
  RP_RULE_ROLLOUT_BIG_BANG,
  RP_RULE_MONITORING_MISSING,
  RP_RULE_FLAGS_RISKY_UNFLAGGED,
  RP_RULE_FLAGS_STALE,
  RP_RULE_CHECKLIST_OPEN,
  RP_RULE_POSTMORTEM_MISSING,
  RP_N_RULES
} RpRule;

/* A rule's stable id ("scope.no-criteria"), its severity, its name as a
 * check ("Acceptance criteria met") and what to do about a finding of it
 * ("Meet the criteria and tick them on the Scope tab, or drop the item."). */
const char *rp_rule_get_id (RpRule rule);
RpSeverity rp_rule_get_severity (RpRule rule);
const char *rp_rule_get_name (RpRule rule);
const char *rp_rule_get_fix (RpRule rule);
/* The rule of @id, or RP_N_RULES when there is none. */
RpRule rp_rule_from_id (const char *id);

/* A finding: one thing one rule found wrong. Its subject is where to fix
 * it: a row (RP_ENTITY_SCOPE_ITEM and the item's id, field NULL) or a
 * field of the release (RP_ENTITY_RELEASE, the release's id and the
 * field). A field is a column of the release ("deploy", "rollback_plan",
 * "buffer_days", …) or, where no column holds the thing, one of the
 * places of a release: "go_no_go" or "on_call" (its owners of that
 * role), "checklist" or "rollout" (its tab). Immutable and reference
 * counted. */

#define RP_TYPE_FINDING (rp_finding_get_type ())

typedef struct _RpFinding RpFinding;

GType rp_finding_get_type (void) G_GNUC_CONST;

RpFinding *rp_finding_new (RpRule rule, const char *message, RpEntity subject_entity, const char *subject_id,
                           const char *subject_field);
RpFinding *rp_finding_ref (RpFinding *self);
void rp_finding_unref (RpFinding *self);

RpRule rp_finding_get_rule (const RpFinding *self);
const char *rp_finding_get_rule_id (const RpFinding *self);
RpSeverity rp_finding_get_severity (const RpFinding *self);
const char *rp_finding_get_message (const RpFinding *self);
RpEntity rp_finding_get_subject_entity (const RpFinding *self);
const char *rp_finding_get_subject_id (const RpFinding *self);
const char *rp_finding_get_subject_field (const RpFinding *self);
/* Severity (blockers first), then rule order; 0 for findings of one rule. */
int rp_finding_compare (const RpFinding *a, const RpFinding *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpFinding, rp_finding_unref)

/* A report: the verdict over one release and its findings, blockers
 * first, then warnings, then info; within a severity in rule order, and
 * within a rule in the stored order of their subjects (the scope items as
 * the Scope tab lists them, …). Immutable and reference counted.
 *
 * The verdict is no_go with any blocker, go_with_risks with any warning,
 * else go: the pre-set answer when the team records its decision.
 *
 * The readiness figure: each rule is one check; a check applies when the
 * release has what it looks at (the scope rules need a scope item that is
 * not dropped, scope.not-done also a code complete date that has passed,
 * the risk rules an open risk at their score, the flag rules a risky item
 * or a release that is out, …), and passes when it found nothing. The
 * figure is the passed checks of the applicable ones. */

#define RP_TYPE_READINESS_REPORT (rp_readiness_report_get_type ())

typedef struct _RpReadinessReport RpReadinessReport;

GType rp_readiness_report_get_type (void) G_GNUC_CONST;

RpReadinessReport *rp_readiness_report_ref (RpReadinessReport *self);
void rp_readiness_report_unref (RpReadinessReport *self);

const char *rp_readiness_report_get_release_id (const RpReadinessReport *self);
/* The release's name when it was checked. */
const char *rp_readiness_report_get_release_name (const RpReadinessReport *self);
RpDecisionKind rp_readiness_report_get_verdict (const RpReadinessReport *self);
/* (element-type RpFinding) (transfer none) */
GPtrArray *rp_readiness_report_get_findings (const RpReadinessReport *self);
guint rp_readiness_report_count (const RpReadinessReport *self, RpSeverity severity);

gboolean rp_readiness_report_rule_applies (const RpReadinessReport *self, RpRule rule);
gboolean rp_readiness_report_rule_passed (const RpReadinessReport *self, RpRule rule);
guint rp_readiness_report_get_n_applicable (const RpReadinessReport *self);
guint rp_readiness_report_get_n_passed (const RpReadinessReport *self);
/* Passed of applicable as a fraction, 0.0 to 1.0 (1.0 when none applies). */
double rp_readiness_report_get_fraction (const RpReadinessReport *self);
/* The figure in one sentence a person reads: "14 of 20 readiness checks
 * pass; 5 rules do not apply to this release (Flags cleaned up, …)." */
char *rp_readiness_report_describe_figure (const RpReadinessReport *self);

/* The snapshot of DESIGN.md, the same report giving the same bytes:
 * {"verdict": "no_go", "findings": [{"rule": "rollback.missing",
 *   "severity": "blocker", "message": "…", "subject": {"entity":
 *   "release", "id": "…", "field": "rollback_plan"}}, …]}
 * with the keys in that order, a subject without a field having no
 * "field" key. Compact (as decision.readiness stores it) or pretty (two
 * spaces, as the plan files are). */
char *rp_readiness_report_to_json (const RpReadinessReport *self, gboolean pretty);
/* Several reports (@reports of RpReadinessReport) as an array of their
 * snapshots, each with the release in front:
 * [{"release": "<id>", "name": "…", "verdict": …, "findings": […]}, …] */
char *rp_readiness_report_list_to_json (GPtrArray *reports, gboolean pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpReadinessReport, rp_readiness_report_unref)

/* RpReadiness: the rules with their inputs, over the rows of @store. It
 * reads the allowed deploy days and the freeze windows from the store
 * when it is made; the setters replace them. Checking reads the rows of
 * the release afresh each time, so keep one for a burst of checks and
 * make a new one when today or the preferences change. */

#define RP_TYPE_READINESS (rp_readiness_get_type ())
G_DECLARE_FINAL_TYPE (RpReadiness, rp_readiness, RP, READINESS, GObject)

RpReadiness *rp_readiness_new (RpStore *store, const GDate *today);

void rp_readiness_get_today (RpReadiness *self, GDate *today);
/* @days: "mon", "tue", … (rp_store_get_deploy_days()); NULL for the
 * default, Monday to Thursday. */
void rp_readiness_set_deploy_days (RpReadiness *self, const char *const *days);
/* @windows: (element-type RpFreezeWindow): the freezes, replacing those
 * of the store */
void rp_readiness_set_freeze_windows (RpReadiness *self, GPtrArray *windows);

RpReadinessReport *rp_readiness_check (RpReadiness *self, const char *release_id, GError **error);
/* Every release, in stored order, reading each table once: what the
 * sidebar and `check --all` want. @unfinished_only leaves out the
 * releases that are released or cancelled.
 * Returns: (transfer container) (element-type RpReadinessReport) */
GPtrArray *rp_readiness_check_all (RpReadiness *self, gboolean unfinished_only);

G_END_DECLS
