/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rp-entity.h"
#include "rp-format-markdown-private.h"
#include "rp-format-text.h"
#include "rp-records.h"
#include "rp-release.h"
#include "rp-risk.h"
#include "rp-template.h"

/* The plan of a release and the draft of its release notes, as Markdown
 * for a ticket, a wiki page or a git repository. Every text a person
 * wrote goes through one of the escapes of rp-format-markdown.c: inline
 * (headings, list items), block (paragraphs) or cell (tables); every
 * other character here is ours. The same data gives the same bytes. */

typedef struct
{
  GString *out;
  RpStore *store;
  RpRelease *release;
  const char *release_id;
  const GDate *today;
} Plan;

/* Appends escaped inline text; "\\-" for text that escapes to nothing,
 * so that a heading or an item never ends up empty. */
static void
append_inline (GString *out, const char *text)
{
  g_autofree char *escaped = rp_markdown_escape_inline (text);

  g_string_append (out, *escaped != '\0' ? escaped : "\\-");
}

static void
append_heading (Plan *plan, guint level, const char *title)
{
  g_string_append_c (plan->out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append_c (plan->out, '#');
  g_string_append_printf (plan->out, " %s\n\n", title);
}

/* A paragraph (or several) of user text, or @none when there is none. */
static void
append_block (GString *out, const char *text, const char *none)
{
  g_autofree char *block = rp_markdown_escape_block (text);

  if (*block == '\0')
    {
      if (none != NULL)
        g_string_append_printf (out, "%s\n", none);
      return;
    }
  g_string_append (out, block);
  g_string_append_c (out, '\n');
}

/* A table: @header is "| A | B |", the separator is made from it. */
static void
append_table_header (GString *out, const char *const *columns)
{
  g_string_append (out, "|");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (out, " %s |", columns[i]);
  g_string_append (out, "\n|");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
}

/* One row: the cells are user text (escaped here) or ours (NULL in
 * @escape). Takes @n cells. */
static void
append_table_row (GString *out, guint n, const char *const *cells, const gboolean *escape)
{
  g_string_append (out, "|");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cell = escape[i] ? rp_markdown_escape_cell (cells[i]) : g_strdup (cells[i]);

      if (*cell == '\0')
        g_string_append (out, " |");
      else
        g_string_append_printf (out, " %s |", cell);
    }
  g_string_append_c (out, '\n');
}

static char *
person_cell (Plan *plan, const char *person_id)
{
  return rp_format_person_name (plan->store, person_id);
}

/* The title: name, then version and status. */
static void
append_title (Plan *plan)
{
  const char *version = rp_release_get_version (plan->release);

  g_string_append (plan->out, "# ");
  append_inline (plan->out, rp_release_get_name (plan->release));
  g_string_append (plan->out, "\n\n");
  if (!rp_str_is_blank (version))
    {
      g_autofree char *escaped = rp_markdown_escape_inline (version);
      g_string_append_printf (plan->out, "Version %s · ", escaped);
    }
  g_string_append_printf (plan->out, "Status: %s\n",
                          rp_format_label (rp_release_statuses[rp_release_get_status (plan->release)]));
  if (!rp_str_is_blank (rp_release_get_summary (plan->release)))
    {
      g_string_append_c (plan->out, '\n');
      append_block (plan->out, rp_release_get_summary (plan->release), NULL);
    }
}

static char *
milestone_dates (RpRelease *release, RpMilestone milestone, gboolean committed)
{
  g_autoptr (RpDateRange) range = committed ? rp_release_get_committed_milestone (release, milestone)
                                            : rp_release_get_milestone (release, milestone);

  return range != NULL ? rp_format_date_range (range) : NULL;
}

static void
append_timeline (Plan *plan)
{
  RpRelease *release = plan->release;
  const char *const columns[] = { "Milestone", "Dates", "Committed", NULL };
  const char *const plain_columns[] = { "Milestone", "Dates", NULL };
  gboolean committed = rp_release_get_committed_at (release) != NULL;
  const gboolean escape[] = { FALSE, FALSE, FALSE };

  append_heading (plan, 2, "Timeline");
  append_table_header (plan->out, committed ? columns : plain_columns);
  for (RpMilestone m = RP_MILESTONE_CODE_COMPLETE; m <= RP_MILESTONE_MONITORING; m++)
    {
      g_autofree char *dates = milestone_dates (release, m, FALSE);
      g_autofree char *baseline = committed ? milestone_dates (release, m, TRUE) : NULL;
      g_autofree char *detail = NULL;
      const char *cells[3];

      if (dates != NULL && m == RP_MILESTONE_BUFFER)
        detail = g_strdup_printf ("%s (%d days)", dates, rp_release_get_buffer_days (release));
      else if (dates != NULL && m == RP_MILESTONE_MONITORING)
        detail = g_strdup_printf ("%s (%d hours)", dates, rp_release_get_monitoring_hours (release));
      else if (dates != NULL && m == RP_MILESTONE_DEPLOY && rp_release_get_window_start (release) != NULL &&
               rp_release_get_window_end (release) != NULL)
        {
          g_autofree char *zone = rp_markdown_escape_cell (rp_release_get_window_timezone (release));

          detail = g_strdup_printf ("%s, %s–%s%s%s", dates, rp_release_get_window_start (release),
                                    rp_release_get_window_end (release), *zone != '\0' ? " " : "", zone);
        }
      cells[0] = rp_format_label (rp_milestones[m]);
      cells[1] = detail != NULL ? detail : dates != NULL ? dates : "not set";
      cells[2] = baseline != NULL ? baseline : "";
      append_table_row (plan->out, committed ? 3 : 2, cells, escape);
    }
}

/* "- Role: A, B" for each role; "- Component c: owner" for each component. */
static void
append_owners (Plan *plan)
{
  g_autoptr (GArray) lines = rp_format_owner_lines (plan->store, plan->release_id);

  append_heading (plan, 2, "Owners");
  for (guint i = 0; i < lines->len; i++)
    {
      RpFormatOwnerLine *line = &g_array_index (lines, RpFormatOwnerLine, i);

      g_string_append (plan->out, "- ");
      append_inline (plan->out, line->role);
      g_string_append (plan->out, ": ");
      if (line->who != NULL)
        append_inline (plan->out, line->who);
      else
        g_string_append (plan->out, "no owner yet");
      g_string_append_c (plan->out, '\n');
    }
  if (lines->len == 0)
    g_string_append (plan->out, "Nobody yet.\n");
}

static void
append_scope_item (Plan *plan, RpScopeItem *item)
{
  g_autoptr (GPtrArray) criteria =
      rp_store_list (plan->store, RP_ENTITY_CRITERION, rp_record_get_id (RP_RECORD (item)));
  g_autofree char *owner = person_cell (plan, rp_scope_item_get_owner_id (item));

  g_string_append (plan->out, "### ");
  append_inline (plan->out, rp_scope_item_get_title (item));
  g_string_append_printf (plan->out, "\n\n%s",
                          rp_format_label (rp_scope_statuses[rp_scope_item_get_status (item)]));
  if (owner != NULL)
    {
      g_string_append (plan->out, " · Owner: ");
      append_inline (plan->out, owner);
    }
  if (rp_scope_item_get_risky (item))
    g_string_append (plan->out, " · Risky");
  if (!rp_str_is_blank (rp_scope_item_get_feature_flag (item)))
    {
      g_string_append (plan->out, " · Feature flag: ");
      append_inline (plan->out, rp_scope_item_get_feature_flag (item));
    }
  g_string_append_c (plan->out, '\n');
  if (!rp_str_is_blank (rp_scope_item_get_description (item)))
    {
      g_string_append_c (plan->out, '\n');
      append_block (plan->out, rp_scope_item_get_description (item), NULL);
    }

  if (criteria->len == 0)
    {
      g_string_append (plan->out, "\nNo acceptance criteria yet.\n");
      return;
    }
  g_string_append (plan->out, "\nAcceptance criteria:\n\n");
  for (guint i = 0; i < criteria->len; i++)
    {
      RpCriterion *criterion = criteria->pdata[i];

      g_string_append_printf (plan->out, "- [%c] ", rp_criterion_get_met (criterion) ? 'x' : ' ');
      append_inline (plan->out, rp_criterion_get_text (criterion));
      g_string_append_c (plan->out, '\n');
    }
}

static void
append_scope (Plan *plan)
{
  g_autoptr (GPtrArray) items = rp_store_list (plan->store, RP_ENTITY_SCOPE_ITEM, plan->release_id);

  append_heading (plan, 2, "Scope");
  if (items->len == 0)
    {
      g_string_append (plan->out, "Nothing in scope yet.\n");
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (plan->out, '\n');
      append_scope_item (plan, items->pdata[i]);
    }
}

static void
append_dependencies (Plan *plan)
{
  g_autoptr (GPtrArray) deps = rp_store_list (plan->store, RP_ENTITY_DEPENDENCY, plan->release_id);
  const char *const columns[] = { "Dependency", "Kind", "Status", "Owner", "Due", "Notes", NULL };
  const gboolean escape[] = { TRUE, TRUE, FALSE, TRUE, FALSE, TRUE };

  append_heading (plan, 2, "Dependencies");
  if (deps->len == 0)
    {
      g_string_append (plan->out, "None.\n");
      return;
    }
  append_table_header (plan->out, columns);
  for (guint i = 0; i < deps->len; i++)
    {
      RpDependency *dep = deps->pdata[i];
      g_autofree char *owner = person_cell (plan, rp_dependency_get_owner_id (dep));
      g_autofree char *kind = NULL;
      const char *other_id = rp_dependency_get_depends_on_release_id (dep);
      const char *cells[6];

      if (rp_dependency_get_kind (dep) == RP_DEPENDENCY_KIND_RELEASE && other_id != NULL)
        {
          g_autoptr (RpRelease) other =
              (RpRelease *) rp_store_get (plan->store, RP_ENTITY_RELEASE, other_id, NULL);

          if (other != NULL)
            kind = g_strdup_printf ("Release %s", rp_release_get_name (other));
        }
      cells[0] = rp_dependency_get_title (dep);
      cells[1] = kind != NULL ? kind : rp_format_label (rp_dependency_kinds[rp_dependency_get_kind (dep)]);
      cells[2] = rp_format_label (rp_dependency_statuses[rp_dependency_get_status (dep)]);
      cells[3] = owner;
      cells[4] = rp_dependency_get_due (dep) != NULL ? rp_dependency_get_due (dep) : "";
      cells[5] = rp_dependency_get_notes (dep);
      append_table_row (plan->out, 6, cells, escape);
    }
}

static void
append_risks (Plan *plan)
{
  g_autoptr (GPtrArray) risks = rp_store_list (plan->store, RP_ENTITY_RISK, plan->release_id);
  const char *const columns[] = { "Risk",   "Score", "Likelihood", "Impact",
                                  "Status", "Owner", "Mitigation", NULL };
  const gboolean escape[] = { TRUE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE };

  append_heading (plan, 2, "Risks");
  if (risks->len == 0)
    {
      g_string_append (plan->out, "None.\n");
      return;
    }
  append_table_header (plan->out, columns);
  for (guint i = 0; i < risks->len; i++)
    {
      RpRisk *risk = risks->pdata[i];
      g_autofree char *owner = person_cell (plan, rp_risk_get_owner_id (risk));
      g_autofree char *score = g_strdup_printf ("%d %s", rp_risk_get_score (risk),
                                                rp_format_label (rp_risk_levels[rp_risk_get_level (risk)]));
      g_autofree char *likelihood = g_strdup_printf ("%d", rp_risk_get_likelihood (risk));
      g_autofree char *impact = g_strdup_printf ("%d", rp_risk_get_impact (risk));
      const char *cells[] = { rp_risk_get_title (risk),
                              score,
                              likelihood,
                              impact,
                              rp_format_label (rp_risk_statuses[rp_risk_get_status (risk)]),
                              owner,
                              rp_risk_get_mitigation (risk) };

      append_table_row (plan->out, 7, cells, escape);
    }
}

static void
append_rollout (Plan *plan)
{
  g_autoptr (GPtrArray) stages = rp_store_list (plan->store, RP_ENTITY_ROLLOUT_STAGE, plan->release_id);
  g_autoptr (GPtrArray) flags = rp_store_list (plan->store, RP_ENTITY_FEATURE_FLAG, plan->release_id);
  const char *const stage_columns[] = { "Stage", "Percent", "Hold", "Status", "Criteria", NULL };
  const gboolean stage_escape[] = { TRUE, FALSE, FALSE, FALSE, TRUE };
  const char *const flag_columns[] = { "Flag", "State", "Percent", "Cleanup due", NULL };
  const gboolean flag_escape[] = { TRUE, FALSE, FALSE, FALSE };

  append_heading (plan, 2, "Rollout");
  if (stages->len == 0)
    g_string_append (plan->out, "No stages: everything at once.\n");
  else
    append_table_header (plan->out, stage_columns);
  for (guint i = 0; i < stages->len; i++)
    {
      RpRolloutStage *stage = stages->pdata[i];
      g_autofree char *percent = g_strdup_printf ("%d%%", rp_rollout_stage_get_percent (stage));
      g_autofree char *hold = rp_format_minutes (rp_rollout_stage_get_hold_minutes (stage));
      const char *cells[] = { rp_rollout_stage_get_name (stage), percent, hold,
                              rp_format_label (rp_stage_statuses[rp_rollout_stage_get_status (stage)]),
                              rp_rollout_stage_get_criteria (stage) };

      append_table_row (plan->out, 5, cells, stage_escape);
    }

  append_heading (plan, 3, "Feature flags");
  if (flags->len == 0)
    {
      g_string_append (plan->out, "None.\n");
      return;
    }
  append_table_header (plan->out, flag_columns);
  for (guint i = 0; i < flags->len; i++)
    {
      RpFeatureFlag *flag = flags->pdata[i];
      g_autofree char *percent = g_strdup_printf ("%d%%", rp_feature_flag_get_percent (flag));
      const char *due = rp_feature_flag_get_cleanup_due (flag);
      const char *cells[] = { rp_feature_flag_get_key (flag),
                              rp_format_label (rp_flag_states[rp_feature_flag_get_state (flag)]), percent,
                              due != NULL ? due : "" };

      append_table_row (plan->out, 4, cells, flag_escape);
    }
}

static void
append_checklist (Plan *plan)
{
  g_autoptr (GPtrArray) sections = rp_store_list (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->release_id);
  RpProgress progress;

  append_heading (plan, 2, "Checklist");
  if (sections->len == 0)
    {
      g_string_append (plan->out, "No checklist.\n");
      return;
    }
  rp_checklist_progress (plan->store, plan->release_id, NULL, &progress);
  g_string_append_printf (plan->out, "%u of %u done", progress.done, progress.total);
  if (progress.na > 0)
    g_string_append_printf (plan->out, ", %u not applicable", progress.na);
  g_string_append (plan->out, ".\n");
  for (guint i = 0; i < sections->len; i++)
    {
      RpChecklistSection *section = sections->pdata[i];

      _rp_markdown_append_checklist_section (plan->out, plan->store, RP_RECORD (section), 3,
                                             rp_checklist_section_get_complete_before_deploy (section)
                                                 ? " (before the deploy)"
                                                 : NULL);
    }
}

/* The readiness rules over the release as of today, with the deploy
 * days and freeze windows of the store (what `check` and the readiness
 * card use): the verdict, the figure, then the findings under a heading
 * per severity, blockers first. */
static void
append_readiness (Plan *plan)
{
  static const char *const headings[] = {
    [RP_SEVERITY_BLOCKER] = "Blockers",
    [RP_SEVERITY_WARNING] = "Warnings",
    [RP_SEVERITY_INFO] = "Notes",
  };
  g_autoptr (RpReadiness) readiness = rp_readiness_new (plan->store, plan->today);
  g_autoptr (RpReadinessReport) report = rp_readiness_check (readiness, plan->release_id, NULL);
  g_autofree char *date = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *figure = NULL;
  GPtrArray *findings;
  int severity = -1;

  append_heading (plan, 2, "Readiness");
  if (report == NULL)
    {
      g_string_append (plan->out, "Not checked.\n");
      return;
    }
  date = rp_date_format (plan->today);
  counts = rp_format_finding_counts (report);
  figure = rp_readiness_report_describe_figure (report);
  g_string_append_printf (plan->out, "Verdict: %s, as of %s (%s).\n\n",
                          rp_format_label (rp_decisions[rp_readiness_report_get_verdict (report)]), date,
                          counts);
  append_block (plan->out, figure, NULL);

  findings = rp_readiness_report_get_findings (report);
  for (guint i = 0; i < findings->len; i++)
    {
      const RpFinding *finding = findings->pdata[i];

      if ((int) rp_finding_get_severity (finding) != severity)
        {
          severity = rp_finding_get_severity (finding);
          append_heading (plan, 3, headings[severity]);
        }
      g_string_append (plan->out, "- ");
      append_inline (plan->out, rp_finding_get_message (finding));
      g_string_append_c (plan->out, '\n');
    }
}

/* The verdict of a readiness snapshot kept with a decision
 * ({"verdict": …, "findings": […]}), or NULL. */
static char *
snapshot_verdict (const char *readiness)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  const char *verdict;

  if (readiness == NULL || !json_parser_load_from_data (parser, readiness, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  verdict = json_object_get_string_member_with_default (object, "verdict", NULL);
  return verdict != NULL ? g_strdup (rp_format_label (verdict)) : NULL;
}

static void
append_decisions (Plan *plan)
{
  g_autoptr (GPtrArray) decisions = rp_store_list (plan->store, RP_ENTITY_DECISION, plan->release_id);
  const char *const columns[] = { "When", "Decision", "By", "Readiness then", "Notes", NULL };
  const gboolean escape[] = { FALSE, FALSE, TRUE, FALSE, TRUE };

  append_heading (plan, 2, "Go/no-go log");
  if (decisions->len == 0)
    {
      g_string_append (plan->out, "No decision yet.\n");
      return;
    }
  append_table_header (plan->out, columns);
  for (guint i = 0; i < decisions->len; i++)
    {
      RpDecision *decision = decisions->pdata[i];
      g_autofree char *when = rp_format_timestamp (rp_decision_get_at (decision));
      g_autofree char *by = person_cell (plan, rp_decision_get_by_id (decision));
      g_autofree char *verdict = snapshot_verdict (rp_decision_get_readiness (decision));
      const char *cells[] = { when, rp_format_label (rp_decisions[rp_decision_get_decision (decision)]), by,
                              verdict != NULL ? verdict : "", rp_decision_get_notes (decision) };

      append_table_row (plan->out, 5, cells, escape);
    }
}

static void
append_post_release (Plan *plan)
{
  RpRelease *release = plan->release;
  RpPostmortemState postmortem = rp_release_get_postmortem (release);
  const char *date = rp_release_get_postmortem_date (release);
  g_autofree char *released = rp_format_timestamp (rp_release_get_released_at (release));

  if (released == NULL && postmortem == RP_POSTMORTEM_STATE_NONE &&
      rp_str_is_blank (rp_release_get_feedback (release)))
    return;
  append_heading (plan, 2, "After the release");
  if (released != NULL)
    g_string_append_printf (plan->out, "- Released: %s\n", released);
  g_string_append_printf (plan->out, "- Post-mortem: %s%s%s\n",
                          rp_format_label (rp_postmortem_states[postmortem]), date != NULL ? ", " : "",
                          date != NULL ? date : "");
  if (!rp_str_is_blank (rp_release_get_feedback (release)))
    {
      g_string_append (plan->out, "\nFeedback:\n\n");
      append_block (plan->out, rp_release_get_feedback (release), NULL);
    }
}

static RpRelease *
get_release (RpStore *store, const char *release_id, GError **error)
{
  return (RpRelease *) rp_store_get (store, RP_ENTITY_RELEASE, release_id, error);
}

/**
 * rp_format_markdown_plan:
 * @release_id: the release
 * @today: the day the readiness rules check for
 *
 * The whole plan of a release as GitHub/GitLab Markdown: "# name", then
 * sections "## Timeline", "## Owners", "## Scope" (an "### item" each,
 * its acceptance criteria as a task list), "## Dependencies", "## Risks"
 * (tables), "## Rollout" (stages and feature flags as tables), "##
 * Rollback plan", "## Monitoring plan", "## Checklist", "## Readiness"
 * (the verdict as of @today and the findings, a "### Blockers",
 * "### Warnings" or "### Notes" list each), "## Go/no-go log",
 * "## Release notes" and, once there is something to say, "## After the
 * release". A section with nothing in it says so. User text
 * cannot make markup of its own; table cells keep their lines apart with
 * "<br>".
 *
 * Returns: (transfer full) (nullable): the Markdown, or NULL with
 * RP_STORE_ERROR_NOT_FOUND
 */
char *
rp_format_markdown_plan (RpStore *store, const char *release_id, const GDate *today, GError **error)
{
  g_autoptr (RpRelease) release = NULL;
  Plan plan;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if ((release = get_release (store, release_id, error)) == NULL)
    return NULL;

  plan.out = g_string_new (NULL);
  plan.store = store;
  plan.release = release;
  plan.release_id = release_id;
  plan.today = today;

  append_title (&plan);
  append_timeline (&plan);
  append_owners (&plan);
  append_scope (&plan);
  append_dependencies (&plan);
  append_risks (&plan);
  append_rollout (&plan);
  append_heading (&plan, 2, "Rollback plan");
  append_block (plan.out, rp_release_get_rollback_plan (release), "None yet.");
  append_heading (&plan, 2, "Monitoring plan");
  append_block (plan.out, rp_release_get_monitoring_plan (release), "None yet.");
  append_checklist (&plan);
  append_readiness (&plan);
  append_decisions (&plan);
  append_heading (&plan, 2, "Release notes");
  append_block (plan.out, rp_release_get_release_notes (release), "None yet.");
  append_post_release (&plan);
  return g_string_free (plan.out, FALSE);
}

/* "- title" with the description's first line, for the notes. */
static void
append_note_item (GString *out, RpScopeItem *item, const char *suffix)
{
  g_string_append (out, "- ");
  append_inline (out, rp_scope_item_get_title (item));
  if (suffix != NULL)
    g_string_append (out, suffix);
  g_string_append_c (out, '\n');
}

/**
 * rp_format_markdown_release_notes:
 * @release_id: the release
 *
 * A draft of the release notes: "# name: release notes", "Version v",
 * the release notes
 * written so far, "## What's new" (the scope items that are done, with
 * their descriptions) and "## Known gaps": dropped items, items not done
 * yet, and acceptance criteria not met (of items that are not dropped).
 * Sections with nothing in them are left out.
 *
 * Returns: (transfer full) (nullable): the Markdown, or NULL with
 * RP_STORE_ERROR_NOT_FOUND
 */
char *
rp_format_markdown_release_notes (RpStore *store, const char *release_id, GError **error)
{
  g_autoptr (RpRelease) release = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GString) gaps = g_string_new (NULL);
  g_autoptr (GString) done = g_string_new (NULL);
  GString *out;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);

  if ((release = get_release (store, release_id, error)) == NULL)
    return NULL;

  items = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, release_id);
  for (guint i = 0; i < items->len; i++)
    {
      RpScopeItem *item = items->pdata[i];
      RpScopeStatus status = rp_scope_item_get_status (item);
      g_autoptr (GPtrArray) criteria = NULL;

      if (status == RP_SCOPE_STATUS_DROPPED)
        {
          append_note_item (gaps, item, " (dropped)");
          continue;
        }
      if (status == RP_SCOPE_STATUS_DONE)
        {
          g_string_append (done, "- ");
          append_inline (done, rp_scope_item_get_title (item));
          /* one line per item: the description's lines joined */
          if (!rp_str_is_blank (rp_scope_item_get_description (item)))
            {
              g_autofree char *joined = rp_markdown_escape_inline (rp_scope_item_get_description (item));
              g_string_append_printf (done, ": %s", joined);
            }
          g_string_append_c (done, '\n');
        }
      else
        {
          g_autofree char *state = g_ascii_strdown (rp_format_label (rp_scope_statuses[status]), -1);
          g_autofree char *suffix = g_strdup_printf (" (not done: %s)", state);

          append_note_item (gaps, item, suffix);
        }
      criteria = rp_store_list (store, RP_ENTITY_CRITERION, rp_record_get_id (RP_RECORD (item)));
      for (guint c = 0; c < criteria->len; c++)
        {
          RpCriterion *criterion = criteria->pdata[c];
          g_autofree char *title = NULL;

          if (rp_criterion_get_met (criterion))
            continue;
          title = rp_markdown_escape_inline (rp_scope_item_get_title (item));
          g_string_append (gaps, "- Not met: ");
          append_inline (gaps, rp_criterion_get_text (criterion));
          g_string_append_printf (gaps, " (%s)\n", title);
        }
    }

  out = g_string_new ("# ");
  append_inline (out, rp_release_get_name (release));
  g_string_append (out, ": release notes\n");
  if (!rp_str_is_blank (rp_release_get_version (release)))
    {
      g_string_append (out, "\nVersion ");
      append_inline (out, rp_release_get_version (release));
      g_string_append_c (out, '\n');
    }
  if (!rp_str_is_blank (rp_release_get_release_notes (release)))
    {
      g_string_append_c (out, '\n');
      append_block (out, rp_release_get_release_notes (release), NULL);
    }
  if (done->len > 0)
    g_string_append_printf (out, "\n## What's new\n\n%s", done->str);
  if (gaps->len > 0)
    g_string_append_printf (out, "\n## Known gaps\n\n%s", gaps->str);
  return g_string_free (out, FALSE);
}
