/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-entity.h"
#include "rp-format-json-private.h"
#include "rp-readiness-private.h"

/* The rules as data, the findings and the reports, and the snapshot JSON. */

typedef struct
{
  const char *id;
  RpSeverity severity;
  const char *name;
  const char *fix;
} RuleInfo;

static const RuleInfo rules[RP_N_RULES] = {
  [RP_RULE_SCOPE_NO_CRITERIA] = { "scope.no-criteria", RP_SEVERITY_WARNING,
                                  N_("Acceptance criteria written"),
                                  N_("Write acceptance criteria for the item on the Scope tab, or drop the item.") },
  [RP_RULE_SCOPE_UNMET_CRITERIA] = { "scope.unmet-criteria", RP_SEVERITY_BLOCKER,
                                     N_("Acceptance criteria met"),
                                     N_("Meet the criteria and tick them on the Scope tab, or drop the item from this release.") },
  [RP_RULE_SCOPE_NOT_DONE] = { "scope.not-done", RP_SEVERITY_BLOCKER, N_("Scope done by code complete"),
                               N_("Finish the item, drop it from the release, or move code complete.") },
  [RP_RULE_DEPS_UNRESOLVED] = { "deps.unresolved", RP_SEVERITY_BLOCKER, N_("Dependencies resolved"),
                                N_("Get the dependency resolved before the deploy, or move the deploy.") },
  [RP_RULE_DEPS_ORDER] = { "deps.order", RP_SEVERITY_BLOCKER, N_("Dependencies deploy first"),
                           N_("Deploy the release this one depends on first: move one of the two deploys.") },
  [RP_RULE_DEPS_CYCLE] = { "deps.cycle", RP_SEVERITY_BLOCKER, N_("No dependency cycles"),
                           N_("Remove one of the dependencies of the cycle.") },
  [RP_RULE_RISK_UNMITIGATED] = { "risk.unmitigated", RP_SEVERITY_BLOCKER, N_("High risks mitigated"),
                                 N_("Write how the risk is mitigated on the Risks tab, or accept it.") },
  [RP_RULE_RISK_NO_OWNER] = { "risk.no-owner", RP_SEVERITY_WARNING, N_("Risks owned"),
                              N_("Give the risk an owner on the Risks tab.") },
  [RP_RULE_TIMELINE_MISSING] = { "timeline.missing", RP_SEVERITY_BLOCKER, N_("Timeline complete"),
                                 N_("Set the date on the Overview tab.") },
  [RP_RULE_TIMELINE_ORDER] = { "timeline.order", RP_SEVERITY_BLOCKER, N_("Dates in order"),
                               N_("Put the dates in order: code complete, testing start, testing end, then the deploy.") },
  [RP_RULE_TIMELINE_NO_BUFFER] = { "timeline.no-buffer", RP_SEVERITY_WARNING, N_("Buffer before the deploy"),
                                   N_("Plan at least one buffer day between testing and the deploy.") },
  [RP_RULE_TIMELINE_FRIDAY] = { "timeline.friday", RP_SEVERITY_WARNING, N_("Deploy on an allowed day"),
                                N_("Move the deploy to an allowed weekday (see Preferences, Deploy Days).") },
  [RP_RULE_TIMELINE_SLIPPED] = { "timeline.slipped", RP_SEVERITY_WARNING, N_("On the committed dates"),
                                 N_("Win the days back, or agree the new dates with the team and commit to them again.") },
  [RP_RULE_TIMELINE_FREEZE] = { "timeline.freeze", RP_SEVERITY_BLOCKER, N_("Outside freeze windows"),
                                N_("Move the deploy so that neither it nor its buffer days fall in the freeze.") },
  [RP_RULE_OWNERS_GO_NO_GO] = { "owners.go-no-go", RP_SEVERITY_BLOCKER, N_("Go/no-go owner named"),
                                N_("Name who makes the go/no-go decision on the Overview tab.") },
  [RP_RULE_OWNERS_ON_CALL] = { "owners.on-call", RP_SEVERITY_BLOCKER, N_("Someone on call"),
                               N_("Name who is on call during and after the deploy on the Overview tab.") },
  [RP_RULE_OWNERS_COMPONENT] = { "owners.component", RP_SEVERITY_WARNING, N_("Components owned"),
                                 N_("Name the component’s owner on the Overview tab.") },
  [RP_RULE_ROLLBACK_MISSING] = { "rollback.missing", RP_SEVERITY_BLOCKER, N_("Rollback plan written"),
                                 N_("Write how to undo the release quickly on the Overview tab.") },
  [RP_RULE_STAGING_SKIPPED] = { "staging.skipped", RP_SEVERITY_BLOCKER, N_("Tested in staging"),
                                N_("Test in an environment like production and tick the staging item of the checklist.") },
  [RP_RULE_ROLLOUT_BIG_BANG] = { "rollout.big-bang", RP_SEVERITY_WARNING, N_("Gradual rollout"),
                                 N_("Plan rollout stages on the Rollout tab, starting with a small percentage.") },
  [RP_RULE_MONITORING_MISSING] = { "monitoring.missing", RP_SEVERITY_WARNING, N_("Monitoring plan written"),
                                   N_("Write what to watch after the deploy and which alerts tell that it broke.") },
  [RP_RULE_FLAGS_RISKY_UNFLAGGED] = { "flags.risky-unflagged", RP_SEVERITY_WARNING,
                                      N_("Risky items behind flags"),
                                      N_("Add the item’s feature flag on the Rollout tab (or from the scope item).") },
  [RP_RULE_FLAGS_STALE] = { "flags.stale", RP_SEVERITY_WARNING, N_("Flags cleaned up"),
                            N_("Remove the flag from the code and mark it removed on the Rollout tab.") },
  [RP_RULE_CHECKLIST_OPEN] = { "checklist.open", RP_SEVERITY_BLOCKER, N_("Checklist done before the deploy"),
                               N_("Complete the open items on the Checklist tab, or mark them not applicable.") },
  [RP_RULE_POSTMORTEM_MISSING] = { "postmortem.missing", RP_SEVERITY_INFO,
                                   N_("Post-mortem after a rollback"),
                                   N_("Schedule a post-mortem on the Overview tab.") },
};

const char *
rp_rule_get_id (RpRule rule)
{
  g_return_val_if_fail (rule < RP_N_RULES, NULL);
  return rules[rule].id;
}

RpSeverity
rp_rule_get_severity (RpRule rule)
{
  g_return_val_if_fail (rule < RP_N_RULES, RP_SEVERITY_INFO);
  return rules[rule].severity;
}

const char *
rp_rule_get_name (RpRule rule)
{
  g_return_val_if_fail (rule < RP_N_RULES, NULL);
  return _(rules[rule].name);
}

const char *
rp_rule_get_fix (RpRule rule)
{
  g_return_val_if_fail (rule < RP_N_RULES, NULL);
  return _(rules[rule].fix);
}

RpRule
rp_rule_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < RP_N_RULES; i++)
    if (strcmp (rules[i].id, id) == 0)
      return i;
  return RP_N_RULES;
}

/* RpFinding */

struct _RpFinding
{
  RpRule rule;
  char *message;
  RpEntity entity;
  char *id;
  char *field;
  gatomicrefcount ref_count;
};

G_DEFINE_BOXED_TYPE (RpFinding, rp_finding, rp_finding_ref, rp_finding_unref)

/**
 * rp_finding_new:
 * @subject_field: (nullable): the field of the subject to fix (a column
 *   of the release, or of the row @subject_id: "status"; "criteria" for
 *   a scope item's acceptance criteria), or NULL for the row as a whole
 *
 * Returns: (transfer full): the finding
 */
RpFinding *
rp_finding_new (RpRule rule, const char *message, RpEntity subject_entity, const char *subject_id,
                const char *subject_field)
{
  RpFinding *self;

  g_return_val_if_fail (rule < RP_N_RULES, NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (subject_entity < RP_N_ENTITIES, NULL);
  g_return_val_if_fail (subject_id != NULL, NULL);

  self = g_new0 (RpFinding, 1);
  self->rule = rule;
  self->message = g_strdup (message);
  self->entity = subject_entity;
  self->id = g_strdup (subject_id);
  self->field = g_strdup (subject_field);
  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

RpFinding *
rp_finding_ref (RpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_finding_unref (RpFinding *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->message);
  g_free (self->id);
  g_free (self->field);
  g_free (self);
}

RpRule
rp_finding_get_rule (const RpFinding *self)
{
  g_return_val_if_fail (self != NULL, RP_N_RULES);
  return self->rule;
}

const char *
rp_finding_get_rule_id (const RpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return rules[self->rule].id;
}

RpSeverity
rp_finding_get_severity (const RpFinding *self)
{
  g_return_val_if_fail (self != NULL, RP_SEVERITY_INFO);
  return rules[self->rule].severity;
}

const char *
rp_finding_get_message (const RpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->message;
}

RpEntity
rp_finding_get_subject_entity (const RpFinding *self)
{
  g_return_val_if_fail (self != NULL, RP_N_ENTITIES);
  return self->entity;
}

const char *
rp_finding_get_subject_id (const RpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * rp_finding_get_subject_field:
 *
 * Returns: (nullable): the field of the subject to fix, NULL for the
 *   row as a whole
 */
const char *
rp_finding_get_subject_field (const RpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->field;
}

int
rp_finding_compare (const RpFinding *a, const RpFinding *b)
{
  RpSeverity sa = rp_finding_get_severity (a), sb = rp_finding_get_severity (b);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (a->rule != b->rule)
    return a->rule < b->rule ? -1 : 1;
  return 0;
}

/* RpReadinessReport */

struct _RpReadinessReport
{
  char *release_id;
  char *release_name;
  RpDecisionKind verdict;
  GPtrArray *findings;
  gboolean applies[RP_N_RULES];
  gboolean passed[RP_N_RULES];
  guint counts[RP_SEVERITY_INFO + 1];
  gatomicrefcount ref_count;
};

G_DEFINE_BOXED_TYPE (RpReadinessReport, rp_readiness_report, rp_readiness_report_ref,
                     rp_readiness_report_unref)

static int
compare_findings (gconstpointer a, gconstpointer b)
{
  return rp_finding_compare (*(RpFinding *const *) a, *(RpFinding *const *) b);
}

RpReadinessReport *
_rp_readiness_report_new (const char *release_id, const char *release_name, GPtrArray *findings,
                          const gboolean applies[RP_N_RULES])
{
  RpReadinessReport *self = g_new0 (RpReadinessReport, 1);

  self->release_id = g_strdup (release_id);
  self->release_name = g_strdup (release_name);
  /* GLib's sort is stable: the rules' own order (the stored order of the
   * subjects) stays within a rule. */
  g_ptr_array_sort (findings, compare_findings);
  self->findings = findings;
  for (guint r = 0; r < RP_N_RULES; r++)
    self->applies[r] = self->passed[r] = applies[r];
  for (guint i = 0; i < findings->len; i++)
    {
      RpFinding *finding = findings->pdata[i];

      /* A rule that found something applies, whatever it said. */
      self->applies[finding->rule] = TRUE;
      self->passed[finding->rule] = FALSE;
      self->counts[rp_finding_get_severity (finding)]++;
    }
  if (self->counts[RP_SEVERITY_BLOCKER] > 0)
    self->verdict = RP_DECISION_KIND_NO_GO;
  else if (self->counts[RP_SEVERITY_WARNING] > 0)
    self->verdict = RP_DECISION_KIND_GO_WITH_RISKS;
  else
    self->verdict = RP_DECISION_KIND_GO;
  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

RpReadinessReport *
rp_readiness_report_ref (RpReadinessReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_readiness_report_unref (RpReadinessReport *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->release_id);
  g_free (self->release_name);
  g_ptr_array_unref (self->findings);
  g_free (self);
}

const char *
rp_readiness_report_get_release_id (const RpReadinessReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->release_id;
}

const char *
rp_readiness_report_get_release_name (const RpReadinessReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->release_name;
}

RpDecisionKind
rp_readiness_report_get_verdict (const RpReadinessReport *self)
{
  g_return_val_if_fail (self != NULL, RP_DECISION_KIND_NO_GO);
  return self->verdict;
}

/**
 * rp_readiness_report_get_findings:
 *
 * Returns: (transfer none) (element-type RpFinding): the findings, in
 *   their order; do not change the array
 */
GPtrArray *
rp_readiness_report_get_findings (const RpReadinessReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->findings;
}

guint
rp_readiness_report_count (const RpReadinessReport *self, RpSeverity severity)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (severity <= RP_SEVERITY_INFO, 0);
  return self->counts[severity];
}

gboolean
rp_readiness_report_rule_applies (const RpReadinessReport *self, RpRule rule)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rule < RP_N_RULES, FALSE);
  return self->applies[rule];
}

gboolean
rp_readiness_report_rule_passed (const RpReadinessReport *self, RpRule rule)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rule < RP_N_RULES, FALSE);
  return self->passed[rule];
}

guint
rp_readiness_report_get_n_applicable (const RpReadinessReport *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint r = 0; r < RP_N_RULES; r++)
    n += self->applies[r];
  return n;
}

guint
rp_readiness_report_get_n_passed (const RpReadinessReport *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint r = 0; r < RP_N_RULES; r++)
    n += self->passed[r];
  return n;
}

double
rp_readiness_report_get_fraction (const RpReadinessReport *self)
{
  guint applicable;

  g_return_val_if_fail (self != NULL, 0.0);
  applicable = rp_readiness_report_get_n_applicable (self);
  return applicable == 0 ? 1.0 : (double) rp_readiness_report_get_n_passed (self) / applicable;
}

/**
 * rp_readiness_report_describe_figure:
 *
 * Returns: (transfer full): the readiness figure and what it counts, in
 *   one sentence
 */
char *
rp_readiness_report_describe_figure (const RpReadinessReport *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint applicable, passed, idle;

  g_return_val_if_fail (self != NULL, NULL);

  applicable = rp_readiness_report_get_n_applicable (self);
  passed = rp_readiness_report_get_n_passed (self);
  idle = RP_N_RULES - applicable;
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u of %u readiness check passes",
                                       "%u of %u readiness checks pass", applicable),
                          passed, applicable);
  if (idle == 0)
    {
      g_string_append (text, _("; every rule applies to this release."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "; %u rule does not apply to this release (",
                                       "; %u rules do not apply to this release (", idle),
                          idle);
  for (guint r = 0, listed = 0; r < RP_N_RULES; r++)
    if (!self->applies[r])
      g_string_append_printf (text, "%s%s", listed++ > 0 ? _(", ") : "", _(rules[r].name));
  g_string_append (text, _(")."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonNode *
subject_node (const RpFinding *finding)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entity");
  json_builder_add_string_value (builder, rp_entity_get_info (finding->entity)->name);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, finding->id);
  if (finding->field != NULL)
    {
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, finding->field);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The members of the snapshot, into the object @builder is in. */
static void
build_snapshot (JsonBuilder *builder, const RpReadinessReport *self)
{
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, rp_decision_kind_to_string (self->verdict));
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->findings->len; i++)
    {
      const RpFinding *finding = self->findings->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, rules[finding->rule].id);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, rp_severity_to_string (rp_finding_get_severity (finding)));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, finding->message);
      json_builder_set_member_name (builder, "subject");
      json_builder_add_value (builder, subject_node (finding));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
emit (JsonBuilder *builder, gboolean pretty)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  GString *out = g_string_new (NULL);

  _rp_format_json_emit_node (out, root, 0, pretty);
  return g_string_free (out, FALSE);
}

/**
 * rp_readiness_report_to_json:
 *
 * Returns: (transfer full): the snapshot of the report
 */
char *
rp_readiness_report_to_json (const RpReadinessReport *self, gboolean pretty)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  build_snapshot (builder, self);
  json_builder_end_object (builder);
  return emit (builder, pretty);
}

/**
 * rp_readiness_report_list_to_json:
 * @reports: (element-type RpReadinessReport)
 *
 * Returns: (transfer full): the snapshots of @reports, with their releases
 */
char *
rp_readiness_report_list_to_json (GPtrArray *reports, gboolean pretty)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (reports != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < reports->len; i++)
    {
      const RpReadinessReport *report = reports->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "release");
      json_builder_add_string_value (builder, report->release_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, report->release_name);
      build_snapshot (builder, report);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return emit (builder, pretty);
}
