/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-entity.h"
#include "rp-readiness-private.h"
#include "rp-release.h"
#include "rp-risk.h"

/* The rules themselves: each looks at the rows of one release and the
 * inputs, says whether it applies, and adds a finding per thing wrong,
 * visiting rows in their stored order. Nothing here reads the clock, the
 * store or the preferences. */

/* How long a flag may stay at 100% after the release is out. */
#define STALE_FLAG_DAYS 14

typedef struct
{
  const RpReadinessInputs *in;
  RpRelease *release;
  const char *id;
  GPtrArray *findings;
  gboolean applies[RP_N_RULES];
} Check;

static void add (Check *c, RpRule rule, RpEntity entity, const char *id, const char *field,
                 const char *format, ...) G_GNUC_PRINTF (6, 7);

static void
add (Check *c, RpRule rule, RpEntity entity, const char *id, const char *field, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (c->findings, rp_finding_new (rule, message, entity, id, field));
}

/* A finding about a field of the release. */
#define add_field(c, rule, field, ...) add ((c), (rule), RP_ENTITY_RELEASE, (c)->id, (field), __VA_ARGS__)
/* A finding about a row. */
#define add_row(c, rule, row, ...) add_row_field ((c), (rule), (row), NULL, __VA_ARGS__)
/* A finding about a row, with the field of it to fix: where activating
 * the finding puts the focus. */
#define add_row_field(c, rule, row, field, ...)                                                              \
  add ((c), (rule), rp_record_get_entity (RP_RECORD (row)), rp_record_get_id (RP_RECORD (row)), (field),     \
       __VA_ARGS__)

static GPtrArray *
rows_of (Check *c, RpEntity entity)
{
  return _rp_readiness_children (c->in->plan, entity, c->id);
}

/* The Julian day of a date (or of a timestamp's UTC date), 0 for none. */
static guint32
julian_of (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  return rp_date_parse_into (text, &date) ? g_date_get_julian (&date) : 0;
}

static const char *
weekday_name (GDateWeekday day)
{
  static const char *const names[] = { N_("Monday"), N_("Tuesday"),  N_("Wednesday"), N_("Thursday"),
                                       N_("Friday"), N_("Saturday"), N_("Sunday") };

  g_return_val_if_fail (day >= G_DATE_MONDAY && day <= G_DATE_SUNDAY, "");
  return _(names[day - 1]);
}

/* "Monday to Thursday", "Monday, Wednesday and Friday", "Tuesday". */
static char *
describe_days (guint8 mask)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  int first = -1, last = -1;
  gboolean run = TRUE;
  g_autoptr (GString) text = g_string_new (NULL);

  for (int d = 0; d < 7; d++)
    if (mask & (1 << d))
      {
        if (last >= 0 && d != last + 1)
          run = FALSE;
        if (first < 0)
          first = d;
        last = d;
        g_ptr_array_add (names, (gpointer) weekday_name (d + 1));
      }
  if (names->len >= 3 && run)
    /* Translators: a run of weekdays deploys are allowed on */
    return g_strdup_printf (_("%s to %s"), weekday_name (first + 1), weekday_name (last + 1));
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == names->len ? _(" and ") : _(", "));
      g_string_append (text, names->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return rp_date_format (&date);
}

/* scope.no-criteria, scope.unmet-criteria, scope.not-done */
static void
check_scope (Check *c)
{
  GPtrArray *scope = rows_of (c, RP_ENTITY_SCOPE_ITEM);
  const char *code_complete = rp_release_get_code_complete (c->release);
  guint32 cc = julian_of (code_complete);
  gboolean passed = cc != 0 && cc < c->in->today;

  for (guint i = 0; i < scope->len; i++)
    {
      RpScopeItem *item = scope->pdata[i];
      const char *title = rp_scope_item_get_title (item);
      RpScopeStatus status = rp_scope_item_get_status (item);
      GPtrArray *criteria;
      guint unmet = 0;

      if (status == RP_SCOPE_STATUS_DROPPED)
        continue;
      c->applies[RP_RULE_SCOPE_NO_CRITERIA] = TRUE;
      c->applies[RP_RULE_SCOPE_UNMET_CRITERIA] = TRUE;
      c->applies[RP_RULE_SCOPE_NOT_DONE] |= passed;

      criteria =
          _rp_readiness_children (c->in->plan, RP_ENTITY_CRITERION, rp_record_get_id (RP_RECORD (item)));
      for (guint k = 0; k < criteria->len; k++)
        unmet += !rp_criterion_get_met (criteria->pdata[k]);
      if (criteria->len == 0)
        add_row_field (c, RP_RULE_SCOPE_NO_CRITERIA, item, "criteria",
                       _("Scope item “%s” has no acceptance criteria"), title);
      if (unmet > 0)
        add_row_field (c, RP_RULE_SCOPE_UNMET_CRITERIA, item, "criteria",
                       g_dngettext (GETTEXT_PACKAGE, "Scope item “%s” has %u unmet acceptance criterion",
                                    "Scope item “%s” has %u unmet acceptance criteria", unmet),
                       title, unmet);
      if (passed && status != RP_SCOPE_STATUS_DONE)
        add_row_field (c, RP_RULE_SCOPE_NOT_DONE, item, "status",
                       status == RP_SCOPE_STATUS_PLANNED
                           ? _("Scope item “%s” is still planned, and code complete was on %s")
                           : _("Scope item “%s” is still in progress, and code complete was on %s"),
                       title, code_complete);
    }
}

/* The dependency's target when it is a dependency on a release. */
static RpRelease *
target_of (Check *c, RpDependency *dep)
{
  const char *target = rp_dependency_get_depends_on_release_id (dep);

  if (rp_dependency_get_kind (dep) != RP_DEPENDENCY_KIND_RELEASE || target == NULL)
    return NULL;
  return g_hash_table_lookup (c->in->plan->releases, target);
}

static const char *
release_name (Check *c, const char *id)
{
  RpRelease *release = g_hash_table_lookup (c->in->plan->releases, id);
  return release != NULL ? rp_release_get_name (release) : id;
}

/* The shortest way back from @start to this release along dependencies
 * on releases, as "A → B → … → A", or NULL. */
static char *
find_cycle (Check *c, const char *start)
{
  GHashTable *graph = c->in->plan->graph;
  g_autoptr (GHashTable) came_from = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GQueue) queue = g_queue_new ();
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  const char *at = NULL;

  g_hash_table_insert (came_from, (gpointer) start, NULL);
  g_queue_push_tail (queue, (gpointer) start);
  while (at == NULL && !g_queue_is_empty (queue))
    {
      const char *current = g_queue_pop_head (queue);
      GPtrArray *deps;

      if (strcmp (current, c->id) == 0)
        {
          at = current;
          break;
        }
      deps = g_hash_table_lookup (graph, current);
      for (guint i = 0; deps != NULL && i < deps->len; i++)
        {
          const char *next = rp_dependency_get_depends_on_release_id (deps->pdata[i]);

          if (g_hash_table_contains (came_from, next))
            continue;
          g_hash_table_insert (came_from, (gpointer) next, (gpointer) current);
          g_queue_push_tail (queue, (gpointer) next);
        }
    }
  if (at == NULL)
    return NULL;
  /* at is this release; walk back to start, then put this release first. */
  for (; at != NULL; at = g_hash_table_lookup (came_from, at))
    g_ptr_array_insert (path, 0, (gpointer) at);
  g_ptr_array_insert (path, 0, (gpointer) c->id);
  for (guint i = 0; i < path->len; i++)
    g_string_append_printf (text, "%s“%s”", i > 0 ? " → " : "", release_name (c, path->pdata[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
release_status_label (RpReleaseStatus status)
{
  switch (status)
    {
    case RP_RELEASE_STATUS_PLANNING:
      return _("in planning");
    case RP_RELEASE_STATUS_DEVELOPMENT:
      return _("in development");
    case RP_RELEASE_STATUS_TESTING:
      return _("in testing");
    case RP_RELEASE_STATUS_DEPLOYING:
      return _("deploying");
    case RP_RELEASE_STATUS_MONITORING:
      return _("deployed and being monitored");
    case RP_RELEASE_STATUS_RELEASED:
      return _("released");
    case RP_RELEASE_STATUS_CANCELLED:
    default:
      return _("cancelled");
    }
}

/* deps.unresolved, deps.order, deps.cycle. A dependency on a release
 * follows that release: resolved once it is released, never while it is
 * cancelled, whatever the row's own status says. */
static void
check_dependencies (Check *c)
{
  GPtrArray *deps = rows_of (c, RP_ENTITY_DEPENDENCY);
  guint32 deploy = julian_of (rp_release_get_deploy (c->release));

  for (guint i = 0; i < deps->len; i++)
    {
      RpDependency *dep = deps->pdata[i];
      const char *title = rp_dependency_get_title (dep);
      const char *due = rp_dependency_get_due (dep);
      RpRelease *target = target_of (c, dep);
      g_autofree char *cycle = NULL;

      c->applies[RP_RULE_DEPS_UNRESOLVED] = TRUE;
      if (target == NULL)
        {
          RpDependencyStatus status = rp_dependency_get_status (dep);

          if (status == RP_DEPENDENCY_STATUS_OPEN && due != NULL)
            add_row_field (c, RP_RULE_DEPS_UNRESOLVED, dep, "status", _("Dependency “%s” is open (due %s)"),
                           title, due);
          else if (status == RP_DEPENDENCY_STATUS_OPEN)
            add_row_field (c, RP_RULE_DEPS_UNRESOLVED, dep, "status", _("Dependency “%s” is open"), title);
          else if (status == RP_DEPENDENCY_STATUS_BLOCKED)
            add_row_field (c, RP_RULE_DEPS_UNRESOLVED, dep, "status", _("Dependency “%s” is blocked"),
                           title);
          continue;
        }

      c->applies[RP_RULE_DEPS_ORDER] = TRUE;
      c->applies[RP_RULE_DEPS_CYCLE] = TRUE;
      switch (rp_release_get_status (target))
        {
        case RP_RELEASE_STATUS_RELEASED:
          break;
        case RP_RELEASE_STATUS_CANCELLED:
          add_row_field (c, RP_RULE_DEPS_UNRESOLVED, dep, "depends_on_release_id",
                         _("Dependency “%s” waits for “%s”, which was cancelled"), title,
                         rp_release_get_name (target));
          break;
        default:
          {
            guint32 target_deploy = julian_of (rp_release_get_deploy (target));

            add_row_field (c, RP_RULE_DEPS_UNRESOLVED, dep, "depends_on_release_id",
                           _("Dependency “%s” waits for “%s”, which is not released yet (%s)"), title,
                           rp_release_get_name (target),
                           release_status_label (rp_release_get_status (target)));
            if (deploy != 0 && target_deploy == deploy)
              add_row (c, RP_RULE_DEPS_ORDER, dep,
                       _("This release depends on “%s”, which deploys the same day (%s)"),
                       rp_release_get_name (target), rp_release_get_deploy (target));
            else if (deploy != 0 && target_deploy > deploy)
              add_row (c, RP_RULE_DEPS_ORDER, dep,
                       _("This release depends on “%s”, which deploys later (%s, after %s)"),
                       rp_release_get_name (target), rp_release_get_deploy (target),
                       rp_release_get_deploy (c->release));
          }
          break;
        }
      cycle = g_hash_table_contains (c->in->plan->may_cycle, c->id)
                  ? find_cycle (c, rp_record_get_id (RP_RECORD (target)))
                  : NULL;
      if (cycle != NULL)
        add_row (c, RP_RULE_DEPS_CYCLE, dep, _("Release dependencies form a cycle: %s"), cycle);
    }
}

/* risk.unmitigated, risk.no-owner: open risks only. */
static void
check_risks (Check *c)
{
  GPtrArray *risks = rows_of (c, RP_ENTITY_RISK);

  for (guint i = 0; i < risks->len; i++)
    {
      RpRisk *risk = risks->pdata[i];
      int score = rp_risk_get_score (risk);

      if (rp_risk_get_status (risk) != RP_RISK_STATUS_OPEN)
        continue;
      if (score >= RP_RISK_SCORE_HIGH)
        {
          c->applies[RP_RULE_RISK_UNMITIGATED] = TRUE;
          if (rp_str_is_blank (rp_risk_get_mitigation (risk)))
            add_row_field (c, RP_RULE_RISK_UNMITIGATED, risk, "mitigation",
                           _("Risk “%s” (score %d) is open with no mitigation"), rp_risk_get_title (risk),
                           score);
        }
      if (score >= RP_RISK_SCORE_MEDIUM)
        {
          c->applies[RP_RULE_RISK_NO_OWNER] = TRUE;
          if (rp_risk_get_owner_id (risk) == NULL)
            add_row_field (c, RP_RULE_RISK_NO_OWNER, risk, "owner_id",
                           _("Risk “%s” (score %d) has no owner"), rp_risk_get_title (risk), score);
        }
    }
}

/* timeline.missing, timeline.order */
static void
check_dates (Check *c)
{
  struct
  {
    const char *field;
    const char *missing;
    const char *label; /* at the start of a sentence */
    const char *other; /* later in one */
    const char *value;
    guint32 julian;
  } dates[] = {
    { "code_complete", N_("The release has no code complete date"), N_("Code complete"),
      N_("code complete"), rp_release_get_code_complete (c->release), 0 },
    { "testing_start", N_("The release has no testing start date"), N_("Testing start"),
      N_("testing start"), rp_release_get_testing_start (c->release), 0 },
    { "testing_end", N_("The release has no testing end date"), N_("Testing end"), N_("testing end"),
      rp_release_get_testing_end (c->release), 0 },
    { "deploy", N_("The release has no deploy date"), N_("The deploy"), N_("the deploy"),
      rp_release_get_deploy (c->release), 0 },
  };
  int previous = -1;

  c->applies[RP_RULE_TIMELINE_MISSING] = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      dates[i].julian = julian_of (dates[i].value);
      if (dates[i].julian == 0)
        {
          add_field (c, RP_RULE_TIMELINE_MISSING, dates[i].field, "%s", _(dates[i].missing));
          continue;
        }
      /* Each date against the one before it that is set: code complete
       * <= testing start <= testing end < deploy. */
      if (previous >= 0)
        {
          gboolean is_deploy = i + 1 == G_N_ELEMENTS (dates);
          guint32 before = dates[previous].julian;

          c->applies[RP_RULE_TIMELINE_ORDER] = TRUE;
          if (before > dates[i].julian || (is_deploy && before == dates[i].julian))
            add_field (c, RP_RULE_TIMELINE_ORDER, dates[i].field,
                       is_deploy ? _("%s (%s) is not after %s (%s)") : _("%s (%s) is before %s (%s)"),
                       _(dates[i].label), dates[i].value, _(dates[previous].other), dates[previous].value);
        }
      previous = i;
    }
}

/* timeline.no-buffer, timeline.friday, timeline.slipped, timeline.freeze */
static void
check_deploy (Check *c)
{
  RpRelease *r = c->release;
  const char *deploy_text = rp_release_get_deploy (r);
  guint32 deploy = julian_of (deploy_text);
  int buffer_days = rp_release_get_buffer_days (r);
  int slip = rp_release_get_slip_days (r);

  c->applies[RP_RULE_TIMELINE_NO_BUFFER] = TRUE;
  if (buffer_days == 0)
    add_field (c, RP_RULE_TIMELINE_NO_BUFFER, "buffer_days",
               _("There are no buffer days before the deploy for unexpected issues"));

  /* Slipped: against the baseline of Commit Dates, when there is one. */
  if (rp_release_get_committed_deploy (r) != NULL || rp_release_get_committed_testing_end (r) != NULL)
    {
      int testing_slip = 0;

      c->applies[RP_RULE_TIMELINE_SLIPPED] = TRUE;
      if (slip > 0)
        add_field (c, RP_RULE_TIMELINE_SLIPPED, "deploy",
                   g_dngettext (GETTEXT_PACKAGE, "The deploy (%s) is %d day later than committed (%s)",
                                "The deploy (%s) is %d days later than committed (%s)", slip),
                   deploy_text, slip, rp_release_get_committed_deploy (r));
      if (rp_release_get_testing_end (r) != NULL && rp_release_get_committed_testing_end (r) != NULL)
        testing_slip = (int) julian_of (rp_release_get_testing_end (r)) -
                       (int) julian_of (rp_release_get_committed_testing_end (r));
      /* Used up by testing that ends later, or by a deploy that moved
       * earlier without testing (rp_release_get_buffer_days_left()). */
      if (buffer_days > 0 && rp_release_get_buffer_days_left (r) == 0)
        {
          if (testing_slip > 0)
            add_field (
                c, RP_RULE_TIMELINE_SLIPPED, "testing_end",
                g_dngettext (
                    GETTEXT_PACKAGE,
                    "Testing ends on %s, %d day later than committed: the buffer before the deploy is used up",
                    "Testing ends on %s, %d days later than committed: the buffer before the deploy is used up",
                    testing_slip),
                rp_release_get_testing_end (r), testing_slip);
          else
            add_field (
                c, RP_RULE_TIMELINE_SLIPPED, "deploy",
                g_dngettext (
                    GETTEXT_PACKAGE,
                    "The deploy (%s) is %d day earlier than committed, and testing is not: the buffer before the deploy is used up",
                    "The deploy (%s) is %d days earlier than committed, and testing is not: the buffer before the deploy is used up",
                    -slip),
                deploy_text, -slip);
        }
    }

  if (deploy == 0)
    return;

  {
    GDate date;

    c->applies[RP_RULE_TIMELINE_FRIDAY] = TRUE;
    g_date_clear (&date, 1);
    g_date_set_julian (&date, deploy);
    if (!(c->in->deploy_days & (1 << (g_date_get_weekday (&date) - 1))))
      {
        g_autofree char *allowed = describe_days (c->in->deploy_days);

        if (c->in->deploy_days == 0)
          add_field (c, RP_RULE_TIMELINE_FRIDAY, "deploy",
                     _("The deploy is on a %s (%s), but no day is allowed for deploys"),
                     weekday_name (g_date_get_weekday (&date)), deploy_text);
        else
          add_field (c, RP_RULE_TIMELINE_FRIDAY, "deploy",
                     _("The deploy is on a %s (%s), but deploys are allowed on %s only"),
                     weekday_name (g_date_get_weekday (&date)), deploy_text, allowed);
      }
  }

  if (c->in->freezes->len > 0)
    {
      g_autoptr (RpDateRange) buffer = rp_release_get_milestone (r, RP_MILESTONE_BUFFER);

      c->applies[RP_RULE_TIMELINE_FREEZE] = TRUE;
      for (guint i = 0; i < c->in->freezes->len; i++)
        {
          RpFreezeWindow *freeze = c->in->freezes->pdata[i];
          g_autoptr (RpDateRange) window = rp_date_range_parse (rp_freeze_window_get_start_date (freeze),
                                                                rp_freeze_window_get_end_date (freeze));
          g_autoptr (RpDateRange) hit = NULL;

          if (window == NULL)
            continue;
          if (rp_date_range_contains_julian (window, deploy))
            {
              add_field (c, RP_RULE_TIMELINE_FREEZE, "deploy",
                         _("The deploy (%s) falls in the freeze “%s” (%s to %s)"), deploy_text,
                         rp_freeze_window_get_name (freeze), rp_freeze_window_get_start_date (freeze),
                         rp_freeze_window_get_end_date (freeze));
              continue;
            }
          if (buffer != NULL && (hit = rp_date_range_intersect (buffer, window)) != NULL)
            {
              g_autofree char *first = format_julian (rp_date_range_get_first_julian (hit));
              guint n = rp_date_range_get_n_days (hit);

              add_field (c, RP_RULE_TIMELINE_FREEZE, "deploy",
                         g_dngettext (
                             GETTEXT_PACKAGE,
                             "%u buffer day before the deploy (%s) falls in the freeze “%s” (%s to %s)",
                             "%u buffer days before the deploy (from %s) fall in the freeze “%s” (%s to %s)",
                             n),
                         n, first, rp_freeze_window_get_name (freeze),
                         rp_freeze_window_get_start_date (freeze), rp_freeze_window_get_end_date (freeze));
            }
        }
    }
}

/* owners.go-no-go, owners.on-call, owners.component */
static void
check_owners (Check *c)
{
  GPtrArray *owners = rows_of (c, RP_ENTITY_OWNER);
  gboolean go_no_go = FALSE, on_call = FALSE;

  c->applies[RP_RULE_OWNERS_GO_NO_GO] = TRUE;
  c->applies[RP_RULE_OWNERS_ON_CALL] = TRUE;
  for (guint i = 0; i < owners->len; i++)
    {
      RpOwner *owner = owners->pdata[i];
      gboolean named = rp_owner_get_person_id (owner) != NULL;

      switch (rp_owner_get_role (owner))
        {
        case RP_OWNER_ROLE_GO_NO_GO:
          go_no_go |= named;
          break;
        case RP_OWNER_ROLE_ON_CALL:
          on_call |= named;
          break;
        case RP_OWNER_ROLE_COMPONENT:
          c->applies[RP_RULE_OWNERS_COMPONENT] = TRUE;
          if (!named)
            add_row (c, RP_RULE_OWNERS_COMPONENT, owner, _("Component “%s” has no owner"),
                     rp_owner_get_component (owner) ? rp_owner_get_component (owner) : "");
          break;
        case RP_OWNER_ROLE_RELEASE_MANAGER:
        case RP_OWNER_ROLE_QA:
        default:
          break;
        }
    }
  if (!go_no_go)
    add_field (c, RP_RULE_OWNERS_GO_NO_GO, "go_no_go", _("Nobody makes the go/no-go decision"));
  if (!on_call)
    add_field (c, RP_RULE_OWNERS_ON_CALL, "on_call", _("Nobody is on call during and after the deploy"));
}

/* rollback.missing, monitoring.missing */
static void
check_plans (Check *c)
{
  c->applies[RP_RULE_ROLLBACK_MISSING] = TRUE;
  c->applies[RP_RULE_MONITORING_MISSING] = TRUE;
  if (rp_str_is_blank (rp_release_get_rollback_plan (c->release)))
    add_field (c, RP_RULE_ROLLBACK_MISSING, "rollback_plan", _("The release has no rollback plan"));
  if (rp_str_is_blank (rp_release_get_monitoring_plan (c->release)))
    add_field (c, RP_RULE_MONITORING_MISSING, "monitoring_plan", _("The release has no monitoring plan"));
}

/* The staging item of a checklist is one whose text has a word that
 * starts with "staging", in any case: "Staging tested and verified" of the
 * Standard template, "Pre-deploy: staging verified" and "Staging
 * environment that mirrors production tested" of Full lifecycle. */
gboolean
_rp_readiness_mentions_staging (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (const char *at = strstr (folded, "staging"); at != NULL; at = strstr (at + 1, "staging"))
    if (at == folded || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at))))
      return TRUE;
  return FALSE;
}

/* staging.skipped, checklist.open */
static void
check_checklist (Check *c)
{
  GPtrArray *sections = rows_of (c, RP_ENTITY_CHECKLIST_SECTION);
  gboolean staging = FALSE;

  c->applies[RP_RULE_STAGING_SKIPPED] = TRUE;
  for (guint s = 0; s < sections->len; s++)
    {
      RpChecklistSection *section = sections->pdata[s];
      GArray *items = _rp_readiness_items (c->in->plan, rp_record_get_id (RP_RECORD (section)));
      gboolean before_deploy = rp_checklist_section_get_complete_before_deploy (section);
      const RpReadinessItem *first_open = NULL;
      guint open = 0;

      for (guint i = 0; i < items->len; i++)
        {
          const RpReadinessItem *item = &g_array_index (items, RpReadinessItem, i);

          if (item->state == RP_ITEM_STATE_OPEN && open++ == 0)
            first_open = item;
          if (!item->staging)
            continue;
          staging = TRUE;
          if (item->state == RP_ITEM_STATE_OPEN)
            add (c, RP_RULE_STAGING_SKIPPED, RP_ENTITY_CHECKLIST_ITEM, item->id, NULL,
                 _("“%s” is not done: the release has not been tested in staging"), item->text);
          else if (item->state == RP_ITEM_STATE_NA)
            add (c, RP_RULE_STAGING_SKIPPED, RP_ENTITY_CHECKLIST_ITEM, item->id, NULL,
                 _("“%s” is marked not applicable: the release skips staging"), item->text);
        }
      if (!before_deploy || items->len == 0)
        continue;
      c->applies[RP_RULE_CHECKLIST_OPEN] = TRUE;
      if (open > 0)
        add (c, RP_RULE_CHECKLIST_OPEN, RP_ENTITY_CHECKLIST_ITEM, first_open->id, NULL,
             g_dngettext (
                 GETTEXT_PACKAGE,
                 "%u item of “%s” is still open, and the section must be complete before the deploy",
                 "%u items of “%s” are still open, and the section must be complete before the deploy", open),
             open, rp_checklist_section_get_name (section));
    }
  if (!staging)
    add_field (c, RP_RULE_STAGING_SKIPPED, "checklist",
               _("The checklist has no staging item: nothing says the release is tested in staging"));
}

/* rollout.big-bang, postmortem.missing */
static void
check_rollout (Check *c)
{
  GPtrArray *stages = rows_of (c, RP_ENTITY_ROLLOUT_STAGE);
  RpRolloutStage *rolled_back = NULL;

  c->applies[RP_RULE_ROLLOUT_BIG_BANG] = TRUE;
  if (stages->len == 0)
    add_field (c, RP_RULE_ROLLOUT_BIG_BANG, "rollout",
               _("The release has no rollout stages: it goes to everyone at once"));
  else if (rp_rollout_stage_get_percent (stages->pdata[0]) >= 100)
    add_row (c, RP_RULE_ROLLOUT_BIG_BANG, stages->pdata[0],
             _("The first rollout stage, “%s”, goes to everyone at once"),
             rp_rollout_stage_get_name (stages->pdata[0]));

  for (guint i = 0; i < stages->len && rolled_back == NULL; i++)
    if (rp_rollout_stage_get_status (stages->pdata[i]) == RP_STAGE_STATUS_ROLLED_BACK)
      rolled_back = stages->pdata[i];
  if (rolled_back == NULL)
    return;
  c->applies[RP_RULE_POSTMORTEM_MISSING] = TRUE;
  if (rp_release_get_postmortem (c->release) == RP_POSTMORTEM_STATE_NONE)
    add_field (c, RP_RULE_POSTMORTEM_MISSING, "postmortem",
               _("The rollout stage “%s” was rolled back, and no post-mortem is scheduled"),
               rp_rollout_stage_get_name (rolled_back));
}

static gboolean
has_flag (GPtrArray *flags, const char *key)
{
  for (guint i = 0; i < flags->len; i++)
    if (g_strcmp0 (rp_feature_flag_get_key (flags->pdata[i]), key) == 0)
      return TRUE;
  return FALSE;
}

/* The day the release went out: released_at (a date, or the UTC date of
 * a timestamp), or the deploy of a release marked released without it. */
static guint32
release_day (RpRelease *r)
{
  guint32 day = julian_of (rp_release_get_released_at (r));

  if (day == 0 && rp_release_get_status (r) == RP_RELEASE_STATUS_RELEASED)
    day = julian_of (rp_release_get_deploy (r));
  return day;
}

/* flags.risky-unflagged: a scope item's feature_flag is the key of a flag
 * of the Rollout page. flags.stale: counted from the day of release, as
 * the day a flag went to 100% is not kept. */
static void
check_flags (Check *c)
{
  GPtrArray *scope = rows_of (c, RP_ENTITY_SCOPE_ITEM);
  GPtrArray *flags = rows_of (c, RP_ENTITY_FEATURE_FLAG);
  guint32 released = release_day (c->release);

  for (guint i = 0; i < scope->len; i++)
    {
      RpScopeItem *item = scope->pdata[i];
      g_autofree char *key = NULL;

      if (!rp_scope_item_get_risky (item) || rp_scope_item_get_status (item) == RP_SCOPE_STATUS_DROPPED)
        continue;
      c->applies[RP_RULE_FLAGS_RISKY_UNFLAGGED] = TRUE;
      key = g_strstrip (
          g_strdup (rp_scope_item_get_feature_flag (item) ? rp_scope_item_get_feature_flag (item) : ""));
      if (*key == '\0')
        add_row_field (c, RP_RULE_FLAGS_RISKY_UNFLAGGED, item, "feature_flag",
                       _("Risky scope item “%s” has no feature flag"), rp_scope_item_get_title (item));
      else if (!has_flag (flags, key))
        add_row_field (
            c, RP_RULE_FLAGS_RISKY_UNFLAGGED, item, "feature_flag",
            _("Risky scope item “%s” names the flag “%s”, which is not among the release’s feature flags"),
            rp_scope_item_get_title (item), key);
    }

  if (released == 0 || flags->len == 0)
    return;
  c->applies[RP_RULE_FLAGS_STALE] = TRUE;
  for (guint i = 0; i < flags->len; i++)
    {
      RpFeatureFlag *flag = flags->pdata[i];
      int days = (int) c->in->today - (int) released;

      if (rp_feature_flag_get_state (flag) != RP_FLAG_STATE_FULL || days <= STALE_FLAG_DAYS)
        continue;
      add_row (c, RP_RULE_FLAGS_STALE, flag,
               g_dngettext (GETTEXT_PACKAGE, "Flag “%s” is still at 100%% %d day after the release",
                            "Flag “%s” is still at 100%% %d days after the release", days),
               rp_feature_flag_get_key (flag), days);
    }
}

RpReadinessReport *
_rp_readiness_run_rules (const RpReadinessInputs *inputs, RpRelease *release)
{
  Check c = { inputs, release, rp_record_get_id (RP_RECORD (release)), NULL, { FALSE } };

  c.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_finding_unref);
  check_scope (&c);
  check_dependencies (&c);
  check_risks (&c);
  check_dates (&c);
  check_deploy (&c);
  check_owners (&c);
  check_plans (&c);
  check_checklist (&c);
  check_rollout (&c);
  check_flags (&c);
  return _rp_readiness_report_new (c.id, rp_release_get_name (release), c.findings, c.applies);
}
