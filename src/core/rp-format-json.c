/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-format-json-private.h"

/* The plan file's keys and the columns they map to: what the export writes
 * and the reader accepts, in the order of the file. A new field is a new row
 * here (and, for a key of its own, code in the export and the reader). */

/* The quark's name as it is spelled, not as clang-format would space it. */
/* clang-format off */
G_DEFINE_QUARK (rp-format-error-quark, rp_format_error)
/* clang-format on */

const RpJsonField _rp_format_json_person_fields[] = {
  { "id", NULL, TRUE },
  { "name", "name" },
  { "email", "email" },
  { NULL, NULL },
};

const RpJsonField _rp_format_json_freeze_window_fields[] = {
  { "id", NULL, TRUE },  { "name", "name" },     { "start", "start_date" },
  { "end", "end_date" }, { "reason", "reason" }, { NULL, NULL },
};

static const RpJsonField scope_item_fields[] = {
  { "id", NULL, TRUE },
  { "title", "title" },
  { "description", "description" },
  { "status", "status" },
  { "owner", "owner_id" },
  { "risky", "risky" },
  { "feature_flag", "feature_flag" },
  { "acceptance_criteria", NULL },
  { NULL, NULL },
};

const RpJsonField _rp_format_json_criterion_fields[] = {
  { "id", NULL, TRUE },
  { "text", "text" },
  { "met", "met" },
  { NULL, NULL },
};

static const RpJsonField dependency_fields[] = {
  { "id", NULL, TRUE },   { "title", "title" },    { "kind", "kind" }, { "release", "depends_on_release_id" },
  { "status", "status" }, { "owner", "owner_id" }, { "due", "due" },   { "notes", "notes" },
  { NULL, NULL },
};

static const RpJsonField risk_fields[] = {
  { "id", NULL, TRUE },           { "title", "title" },
  { "likelihood", "likelihood" }, { "impact", "impact" },
  { "mitigation", "mitigation" }, { "owner", "owner_id" },
  { "status", "status" },         { NULL, NULL },
};

const RpJsonField _rp_format_json_checklist_section_fields[] = {
  { "name", "name" },
  { "complete_before_deploy", "complete_before_deploy" },
  { NULL, NULL },
};

const RpJsonField _rp_format_json_checklist_item_fields[] = {
  { "id", NULL, TRUE },          { "section", NULL, TRUE }, { "text", "text" },   { "state", "state" },
  { "assignee", "assignee_id" }, { "due", "due" },          { "notes", "notes" }, { NULL, NULL },
};

static const RpJsonField rollout_stage_fields[] = {
  { "id", NULL, TRUE },     { "name", "name" },
  { "percent", "percent" }, { "hold_minutes", "hold_minutes" },
  { "status", "status" },   { "criteria", "criteria" },
  { NULL, NULL },
};

static const RpJsonField feature_flag_fields[] = {
  { "id", NULL, TRUE },
  { "key", "key" },
  { "state", "state" },
  { "percent", "percent" },
  { "cleanup_due", "cleanup_due" },
  { NULL, NULL },
};

static const RpJsonField decision_fields[] = {
  { "id", NULL, TRUE },  { "at", "at" }, { "decision", "decision" }, { "by", "by_id" }, { "notes", "notes" },
  { "readiness", NULL }, { NULL, NULL },
};

const RpJsonField _rp_format_json_timeline_fields[] = {
  { "code_complete", "code_complete" },
  { "testing_start", "testing_start" },
  { "testing_end", "testing_end" },
  { "deploy", "deploy" },
  { "deploy_window", NULL },
  { "buffer_days", "buffer_days" },
  { "monitoring_hours", "monitoring_hours" },
  { "committed", NULL },
  { NULL, NULL },
};

/* The dates the team committed to (a baseline), beside the plan's own. */
const RpJsonField _rp_format_json_committed_fields[] = {
  { "code_complete", "committed_code_complete" },
  { "testing_start", "committed_testing_start" },
  { "testing_end", "committed_testing_end" },
  { "deploy", "committed_deploy" },
  { "at", "committed_at" },
  { NULL, NULL },
};

const RpJsonField _rp_format_json_deploy_window_fields[] = {
  { "start", "window_start" },
  { "end", "window_end" },
  { "timezone", "window_timezone" },
  { NULL, NULL },
};

const RpJsonField _rp_format_json_post_release_fields[] = {
  { "released_at", "released_at" },
  { "postmortem", "postmortem" },
  { "postmortem_date", "postmortem_date" },
  { "feedback", "feedback" },
  { NULL, NULL },
};

const RpJsonField _rp_format_json_release_fields[] = {
  { "id", NULL, TRUE },
  { "name", "name" },
  { "version", "version" },
  { "summary", "summary" },
  { "status", "status" },
  { "timeline", NULL },
  { "owners", NULL },
  { "rollback_plan", "rollback_plan" },
  { "monitoring_plan", "monitoring_plan" },
  { "release_notes", "release_notes" },
  { "scope", NULL },
  { "dependencies", NULL },
  { "risks", NULL },
  { "checklist_sections", NULL },
  { "checklist", NULL },
  { "rollout", NULL },
  { "feature_flags", NULL },
  { "decisions", NULL },
  { "post_release", NULL },
  { NULL, NULL },
};

gboolean
_rp_format_json_key_is_required (RpEntity entity, const RpJsonField *field)
{
  const RpColumn *c;

  if (field->required || field->column == NULL)
    return field->required;
  c = rp_entity_get_column (entity, field->column);
  g_assert (c != NULL);
  return (c->flags & RP_COLUMN_REQUIRED) && c->default_text == NULL && c->type != RP_COLUMN_INT &&
         c->type != RP_COLUMN_BOOL;
}

const char *const _rp_format_json_weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };

/* The children of a release that have ids, in the order of the file. */
const RpJsonReleaseList _rp_format_json_release_lists[] = {
  { "scope", RP_ENTITY_SCOPE_ITEM, scope_item_fields },
  { "dependencies", RP_ENTITY_DEPENDENCY, dependency_fields },
  { "risks", RP_ENTITY_RISK, risk_fields },
  { "checklist", RP_ENTITY_CHECKLIST_ITEM, _rp_format_json_checklist_item_fields },
  { "rollout", RP_ENTITY_ROLLOUT_STAGE, rollout_stage_fields },
  { "feature_flags", RP_ENTITY_FEATURE_FLAG, feature_flag_fields },
  { "decisions", RP_ENTITY_DECISION, decision_fields },
};
