/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rp-core.h"
#include "rp-readiness-private.h"
#include "rp-test-core.h"

/* The readiness rules over a store: a baseline release that passes every
 * rule, changed by a few operations per case. Rows are named by their ids,
 * so that a case can refer to them ("release_id=release"):
 *   add ENTITY ID COLUMN=VALUE…   insert a row
 *   set ID COLUMN=VALUE…          update a row (VALUE NULL clears it)
 *   delete ID                     delete a row
 *   setting KEY VALUE             a preference (deploy_days)
 *   today YYYY-MM-DD              the day the rules take as today
 *   sql STATEMENT                 raw SQL on the file, for what the store
 *                                 refuses to write (a dependency cycle) */

#define TODAY "2026-11-18" /* a Wednesday */

static const char *const baseline[] = {
  "add person ana name=Ana",
  "add person ben name=Ben",
  "add freeze_window year-end name=Year-end start_date=2026-12-18 end_date=2027-01-04",
  "add release summer 'name=Summer 4.1' status=released deploy=2026-10-01 released_at=2026-10-01",
  /* Code complete on a Friday, testing over a week, deploy on a Thursday
   * with two buffer days (Tuesday and Wednesday) before it. */
  "add release release 'name=Autumn 4.2' status=testing code_complete=2026-11-20 testing_start=2026-11-23 "
  "testing_end=2026-12-01 deploy=2026-12-03 buffer_days=2 'rollback_plan=Redeploy 4.1' "
  "'monitoring_plan=Error rates on the dashboard'",
  "add owner go-no-go release_id=release role=go_no_go person_id=ana",
  "add owner on-call release_id=release role=on_call person_id=ben",
  "add owner component release_id=release role=component person_id=ben component=API",
  "add scope_item scope release_id=release 'title=Dark mode' status=in_progress risky=1 feature_flag=dark-mode",
  "add acceptance_criterion criterion scope_item_id=scope 'text=Follows the system style' met=1",
  "add dependency service-dep release_id=release 'title=Auth 3.2' kind=service status=resolved",
  /* Open by its own status, but Summer 4.1 is released: resolved. */
  "add dependency release-dep release_id=release 'title=Summer 4.1 live' kind=release depends_on_release_id=summer "
  "status=open",
  "add risk risk release_id=release 'title=Theme flicker' likelihood=4 impact=4 'mitigation=Behind the flag' "
  "owner_id=ben",
  "add checklist_section pre release_id=release name=Pre-Release complete_before_deploy=1",
  "add checklist_item staging section_id=pre 'text=Staging tested and verified' state=done",
  "add checklist_item tests section_id=pre 'text=All tests passing' state=done",
  "add checklist_section deploy-section release_id=release name=Deploy complete_before_deploy=0",
  "add checklist_item smoke section_id=deploy-section 'text=Smoke tests passing' state=open",
  "add rollout_stage canary release_id=release name=Canary percent=5",
  "add rollout_stage everyone release_id=release name=Everyone percent=100",
  "add feature_flag flag release_id=release key=dark-mode state=off",
};

typedef struct
{
  RpStore *store;
  GHashTable *entities; /* id -> RpEntity of the rows added */
  GDate today;
} Fixture;

static void
set_column (RpRecord *record, const char *assignment)
{
  const char *equals = strchr (assignment, '=');
  g_autofree char *column = NULL;
  const RpColumn *info;
  const char *value;

  g_assert_nonnull (equals);
  column = g_strndup (assignment, equals - assignment);
  value = equals + 1;
  info = rp_entity_get_column (rp_record_get_entity (record), column);
  g_assert_nonnull (info);
  if (strcmp (value, "NULL") == 0)
    rp_record_set_null (record, column);
  else if (info->type == RP_COLUMN_INT)
    rp_record_set_int (record, column, g_ascii_strtoll (value, NULL, 10));
  else if (info->type == RP_COLUMN_BOOL)
    rp_record_set_bool (record, column, strcmp (value, "1") == 0);
  else
    rp_record_set_string (record, column, value);
}

static void
run_sql (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (rp_store_get_path (f->store), &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
run_op (Fixture *f, const char *op)
{
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) record = NULL;
  gboolean ok = TRUE;
  int argc;

  g_assert_true (g_shell_parse_argv (op, &argc, &argv, &error));
  if (strcmp (argv[0], "add") == 0)
    {
      RpEntity entity = rp_entity_from_name (argv[1]);

      g_assert_cmpint (entity, <, RP_N_ENTITIES);
      record = rp_record_new_with_id (entity, argv[2]);
      for (int i = 3; i < argc; i++)
        set_column (record, argv[i]);
      ok = rp_store_insert (f->store, record, &error);
      g_hash_table_insert (f->entities, g_strdup (argv[2]), GINT_TO_POINTER (entity));
    }
  else if (strcmp (argv[0], "set") == 0)
    {
      record = rp_store_get (f->store, GPOINTER_TO_INT (g_hash_table_lookup (f->entities, argv[1])), argv[1],
                             &error);
      g_assert_no_error (error);
      for (int i = 2; i < argc; i++)
        set_column (record, argv[i]);
      ok = rp_store_update (f->store, record, &error);
    }
  else if (strcmp (argv[0], "delete") == 0)
    ok = rp_store_delete (f->store, GPOINTER_TO_INT (g_hash_table_lookup (f->entities, argv[1])), argv[1],
                          &error);
  else if (strcmp (argv[0], "setting") == 0)
    ok = rp_store_set_setting (f->store, argv[1], argv[2], &error);
  else if (strcmp (argv[0], "today") == 0)
    g_assert_true (rp_date_parse_into (argv[1], &f->today));
  else if (strcmp (argv[0], "sql") == 0)
    run_sql (f, op + strlen ("sql "));
  else
    g_error ("unknown operation “%s”", op);
  if (!ok)
    g_error ("%s: %s", op, error->message);
}

/* The baseline, then @ops ("; " between operations). */
static void
fixture_setup (Fixture *f, const char *ops)
{
  static guint count = 0;
  g_autofree char *name = g_strdup_printf ("plans-%u.db", count++);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_auto (GStrv) list = g_strsplit (ops != NULL ? ops : "", "; ", -1);

  /* A file of its own: some tests set up more than one store. */
  f->store = rp_test_open_store_at (path);
  f->entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_clear (&f->today, 1);
  g_assert_true (rp_date_parse_into (TODAY, &f->today));
  for (guint i = 0; i < G_N_ELEMENTS (baseline); i++)
    run_op (f, baseline[i]);
  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0')
      run_op (f, list[i]);
}

static void
fixture_teardown (Fixture *f)
{
  g_hash_table_unref (f->entities);
  g_assert_finalize_object (f->store);
}

static RpReadinessReport *
fixture_check (Fixture *f, const char *release_id)
{
  g_autoptr (RpReadiness) readiness = rp_readiness_new (f->store, &f->today);
  g_autoptr (GError) error = NULL;
  RpReadinessReport *report = rp_readiness_check (readiness, release_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static RpReadinessReport *
check_ops (const char *ops)
{
  Fixture f;
  RpReadinessReport *report;

  fixture_setup (&f, ops);
  report = fixture_check (&f, "release");
  fixture_teardown (&f);
  return report;
}

/* One rule, one case */

typedef struct
{
  const char *path;
  RpRule rule;
  guint fires;     /* how many findings of the rule */
  const char *ops; /* changes to the baseline */
  /* of the first: "row ID", "row ID.FIELD" (the field of the row to
   * fix) or "field FIELD" (of the release), or NULL */
  const char *subject;
  const char *message; /* a part of the first one's message, or NULL */
} RuleCase;

static const RuleCase rule_cases[] = {
  { "scope.no-criteria/fires", RP_RULE_SCOPE_NO_CRITERIA, 1,
    "add scope_item bare release_id=release title=Search status=planned", "row bare.criteria",
    "Scope item “Search” has no acceptance criteria" },
  { "scope.no-criteria/dropped", RP_RULE_SCOPE_NO_CRITERIA, 0,
    "add scope_item bare release_id=release title=Search status=dropped" },
  { "scope.unmet-criteria/fires", RP_RULE_SCOPE_UNMET_CRITERIA, 1,
    "set criterion met=0; add acceptance_criterion fast scope_item_id=scope text=Fast met=0",
    "row scope.criteria", "Scope item “Dark mode” has 2 unmet acceptance criteria" },
  { "scope.unmet-criteria/one", RP_RULE_SCOPE_UNMET_CRITERIA, 1, "set criterion met=0", "row scope.criteria",
    "has 1 unmet acceptance criterion" },
  { "scope.unmet-criteria/dropped", RP_RULE_SCOPE_UNMET_CRITERIA, 0,
    "set criterion met=0; set scope status=dropped" },
  { "scope.not-done/code-complete-yesterday", RP_RULE_SCOPE_NOT_DONE, 1, "today 2026-11-21",
    "row scope.status", "Scope item “Dark mode” is still in progress, and code complete was on 2026-11-20" },
  { "scope.not-done/code-complete-today", RP_RULE_SCOPE_NOT_DONE, 0, "today 2026-11-20" },
  { "scope.not-done/done", RP_RULE_SCOPE_NOT_DONE, 0, "today 2026-11-25; set scope status=done" },
  { "scope.not-done/planned", RP_RULE_SCOPE_NOT_DONE, 1, "today 2026-11-25; set scope status=planned",
    "row scope.status", "is still planned" },
  { "deps.unresolved/open", RP_RULE_DEPS_UNRESOLVED, 1, "set service-dep status=open due=2026-11-30",
    "row service-dep.status", "Dependency “Auth 3.2” is open (due 2026-11-30)" },
  { "deps.unresolved/blocked", RP_RULE_DEPS_UNRESOLVED, 1, "set service-dep status=blocked",
    "row service-dep.status", "Dependency “Auth 3.2” is blocked" },
  { "deps.unresolved/ready", RP_RULE_DEPS_UNRESOLVED, 0, "set service-dep status=ready" },
  { "deps.unresolved/follows-released-target", RP_RULE_DEPS_UNRESOLVED, 0, NULL },
  { "deps.unresolved/target-not-released", RP_RULE_DEPS_UNRESOLVED, 1,
    "set release-dep status=resolved; set summer status=deploying", "row release-dep.depends_on_release_id",
    "Dependency “Summer 4.1 live” waits for “Summer 4.1”, which is not released yet (deploying)" },
  { "deps.unresolved/target-cancelled", RP_RULE_DEPS_UNRESOLVED, 1, "set summer status=cancelled",
    "row release-dep.depends_on_release_id", "which was cancelled" },
  { "deps.order/same-day", RP_RULE_DEPS_ORDER, 1, "set summer status=testing deploy=2026-12-03",
    "row release-dep", "depends on “Summer 4.1”, which deploys the same day (2026-12-03)" },
  { "deps.order/later", RP_RULE_DEPS_ORDER, 1, "set summer status=testing deploy=2026-12-10",
    "row release-dep", "which deploys later (2026-12-10, after 2026-12-03)" },
  { "deps.order/day-before", RP_RULE_DEPS_ORDER, 0, "set summer status=testing deploy=2026-12-02" },
  { "deps.order/released", RP_RULE_DEPS_ORDER, 0, "set summer deploy=2026-12-10" },
  { "deps.cycle/fires", RP_RULE_DEPS_CYCLE, 1,
    "add release winter name=Winter; "
    "add dependency winter-dep release_id=winter title=W kind=release depends_on_release_id=summer; "
    "add dependency on-winter release_id=release 'title=Winter first' kind=release depends_on_release_id=winter; "
    "sql UPDATE dependency SET depends_on_release_id = 'release' WHERE id = 'winter-dep'",
    "row on-winter", "Release dependencies form a cycle: “Autumn 4.2” → “Winter” → “Autumn 4.2”" },
  { "deps.cycle/itself", RP_RULE_DEPS_CYCLE, 1,
    "sql UPDATE dependency SET depends_on_release_id = 'release' WHERE id = 'release-dep'", "row release-dep",
    "cycle: “Autumn 4.2” → “Autumn 4.2”" },
  { "deps.cycle/chain", RP_RULE_DEPS_CYCLE, 0,
    "add release winter name=Winter; "
    "add dependency winter-dep release_id=winter title=W kind=release depends_on_release_id=summer; "
    "add dependency on-winter release_id=release 'title=Winter first' kind=release depends_on_release_id=winter" },
  /* Depending on a cycle is not being on one: only Winter and Summer are. */
  { "deps.cycle/beside-a-cycle", RP_RULE_DEPS_CYCLE, 0,
    "add release winter name=Winter; add release spring name=Spring; "
    "add dependency winter-dep release_id=winter title=W kind=release depends_on_release_id=summer; "
    "add dependency summer-dep release_id=summer title=S kind=release depends_on_release_id=spring; "
    "sql UPDATE dependency SET depends_on_release_id = 'winter' WHERE id = 'summer-dep'" },
  { "risk.unmitigated/score-15", RP_RULE_RISK_UNMITIGATED, 1,
    "set risk likelihood=3 impact=5 mitigation=NULL", "row risk.mitigation",
    "Risk “Theme flicker” (score 15) is open with no mitigation" },
  { "risk.unmitigated/blank", RP_RULE_RISK_UNMITIGATED, 1, "set risk 'mitigation=  '", "row risk.mitigation",
    "(score 16)" },
  { "risk.unmitigated/score-12", RP_RULE_RISK_UNMITIGATED, 0,
    "set risk likelihood=3 impact=4 mitigation=NULL" },
  { "risk.unmitigated/accepted", RP_RULE_RISK_UNMITIGATED, 0,
    "set risk likelihood=5 impact=5 mitigation=NULL status=accepted" },
  { "risk.no-owner/score-8", RP_RULE_RISK_NO_OWNER, 1, "set risk likelihood=2 impact=4 owner_id=NULL",
    "row risk.owner_id", "Risk “Theme flicker” (score 8) has no owner" },
  { "risk.no-owner/score-6", RP_RULE_RISK_NO_OWNER, 0, "set risk likelihood=2 impact=3 owner_id=NULL" },
  { "timeline.missing/deploy", RP_RULE_TIMELINE_MISSING, 1, "set release deploy=NULL", "field deploy",
    "The release has no deploy date" },
  { "timeline.missing/testing-window", RP_RULE_TIMELINE_MISSING, 2,
    "set release testing_start=NULL testing_end=NULL", "field testing_start", "no testing start date" },
  { "timeline.missing/complete", RP_RULE_TIMELINE_MISSING, 0, NULL },
  { "timeline.order/testing-before-code-complete", RP_RULE_TIMELINE_ORDER, 1,
    "set release testing_start=2026-11-19", "field testing_start",
    "Testing start (2026-11-19) is before code complete (2026-11-20)" },
  { "timeline.order/deploy-on-testing-end", RP_RULE_TIMELINE_ORDER, 1, "set release deploy=2026-12-01",
    "field deploy", "The deploy (2026-12-01) is not after testing end (2026-12-01)" },
  { "timeline.order/testing-on-code-complete", RP_RULE_TIMELINE_ORDER, 0,
    "set release testing_start=2026-11-20" },
  { "timeline.order/across-a-gap", RP_RULE_TIMELINE_ORDER, 1,
    "set release testing_start=NULL testing_end=NULL code_complete=2026-12-05", "field deploy",
    "is not after code complete (2026-12-05)" },
  { "timeline.no-buffer/zero", RP_RULE_TIMELINE_NO_BUFFER, 1, "set release buffer_days=0",
    "field buffer_days" },
  { "timeline.no-buffer/one", RP_RULE_TIMELINE_NO_BUFFER, 0, "set release buffer_days=1" },
  { "timeline.friday/friday", RP_RULE_TIMELINE_FRIDAY, 1, "set release deploy=2026-12-04", "field deploy",
    "The deploy is on a Friday (2026-12-04), but deploys are allowed on Monday to Thursday only" },
  { "timeline.friday/thursday", RP_RULE_TIMELINE_FRIDAY, 0, NULL },
  { "timeline.friday/setting-thursday", RP_RULE_TIMELINE_FRIDAY, 1, "setting deploy_days mon,tue,wed",
    "field deploy", "on a Thursday (2026-12-03), but deploys are allowed on Monday to Wednesday only" },
  { "timeline.friday/setting-two-days", RP_RULE_TIMELINE_FRIDAY, 1,
    "setting deploy_days tue,thu; set release deploy=2026-12-02", "field deploy",
    "allowed on Tuesday and Thursday only" },
  { "timeline.friday/setting-saturday", RP_RULE_TIMELINE_FRIDAY, 0,
    "setting deploy_days sat; set release deploy=2026-12-05" },
  { "timeline.friday/setting-none", RP_RULE_TIMELINE_FRIDAY, 1, "setting deploy_days ''", "field deploy",
    "no day is allowed for deploys" },
  { "timeline.slipped/deploy-later", RP_RULE_TIMELINE_SLIPPED, 1,
    "set release committed_deploy=2026-12-01 committed_testing_end=2026-12-01", "field deploy",
    "The deploy (2026-12-03) is 2 days later than committed (2026-12-01)" },
  { "timeline.slipped/on-date", RP_RULE_TIMELINE_SLIPPED, 0,
    "set release committed_deploy=2026-12-03 committed_testing_end=2026-12-01" },
  { "timeline.slipped/all-earlier", RP_RULE_TIMELINE_SLIPPED, 0,
    "set release committed_deploy=2026-12-07 committed_testing_end=2026-12-05" },
  { "timeline.slipped/deploy-earlier-than-testing", RP_RULE_TIMELINE_SLIPPED, 1,
    "set release committed_deploy=2026-12-05 committed_testing_end=2026-12-01", "field deploy",
    "The deploy (2026-12-03) is 2 days earlier than committed, and testing is not: the buffer before the deploy is "
    "used up" },
  { "timeline.slipped/buffer-used-up", RP_RULE_TIMELINE_SLIPPED, 1,
    "set release committed_deploy=2026-12-03 committed_testing_end=2026-11-29", "field testing_end",
    "Testing ends on 2026-12-01, 2 days later than committed: the buffer before the deploy is used up" },
  { "timeline.slipped/buffer-left", RP_RULE_TIMELINE_SLIPPED, 0,
    "set release committed_deploy=2026-12-03 committed_testing_end=2026-11-30" },
  { "timeline.freeze/first-day", RP_RULE_TIMELINE_FREEZE, 1, "set release deploy=2026-12-18", "field deploy",
    "The deploy (2026-12-18) falls in the freeze “Year-end” (2026-12-18 to 2027-01-04)" },
  { "timeline.freeze/last-day", RP_RULE_TIMELINE_FREEZE, 1, "set release deploy=2027-01-04", "field deploy",
    "The deploy (2027-01-04) falls in the freeze" },
  { "timeline.freeze/inside", RP_RULE_TIMELINE_FREEZE, 1, "set release deploy=2026-12-21", "field deploy",
    "The deploy (2026-12-21) falls in" },
  { "timeline.freeze/day-after-no-buffer", RP_RULE_TIMELINE_FREEZE, 0,
    "set release deploy=2027-01-05 buffer_days=0" },
  { "timeline.freeze/day-after-buffer-inside", RP_RULE_TIMELINE_FREEZE, 1, "set release deploy=2027-01-05",
    "field deploy", "2 buffer days before the deploy (from 2027-01-03) fall in the freeze “Year-end”" },
  { "timeline.freeze/buffer-crosses-end", RP_RULE_TIMELINE_FREEZE, 1, "set release deploy=2027-01-06",
    "field deploy", "1 buffer day before the deploy (2027-01-04) falls in the freeze" },
  { "timeline.freeze/buffer-clear", RP_RULE_TIMELINE_FREEZE, 0, "set release deploy=2027-01-07" },
  { "timeline.freeze/day-before-start", RP_RULE_TIMELINE_FREEZE, 0, "set release deploy=2026-12-17" },
  { "timeline.freeze/no-freezes", RP_RULE_TIMELINE_FREEZE, 0,
    "delete year-end; set release deploy=2026-12-21" },
  { "owners.go-no-go/nobody", RP_RULE_OWNERS_GO_NO_GO, 1, "delete go-no-go", "field go_no_go",
    "Nobody makes the go/no-go decision" },
  { "owners.go-no-go/named", RP_RULE_OWNERS_GO_NO_GO, 0, NULL },
  { "owners.on-call/nobody", RP_RULE_OWNERS_ON_CALL, 1, "delete on-call", "field on_call" },
  { "owners.on-call/named", RP_RULE_OWNERS_ON_CALL, 0, NULL },
  { "owners.component/no-owner", RP_RULE_OWNERS_COMPONENT, 1, "set component person_id=NULL", "row component",
    "Component “API” has no owner" },
  { "owners.component/owned", RP_RULE_OWNERS_COMPONENT, 0, NULL },
  { "rollback.missing/blank", RP_RULE_ROLLBACK_MISSING, 1, "set release 'rollback_plan=  '",
    "field rollback_plan", "The release has no rollback plan" },
  { "rollback.missing/none", RP_RULE_ROLLBACK_MISSING, 1, "set release rollback_plan=NULL",
    "field rollback_plan" },
  { "rollback.missing/written", RP_RULE_ROLLBACK_MISSING, 0, NULL },
  { "staging.skipped/open", RP_RULE_STAGING_SKIPPED, 1, "set staging state=open", "row staging",
    "“Staging tested and verified” is not done" },
  { "staging.skipped/not-applicable", RP_RULE_STAGING_SKIPPED, 1, "set staging state=na", "row staging",
    "is marked not applicable: the release skips staging" },
  { "staging.skipped/no-item", RP_RULE_STAGING_SKIPPED, 1, "delete staging", "field checklist",
    "The checklist has no staging item" },
  { "staging.skipped/not-a-word", RP_RULE_STAGING_SKIPPED, 1, "set staging 'text=Upstaging the banner'",
    "field checklist" },
  { "staging.skipped/other-wording", RP_RULE_STAGING_SKIPPED, 0,
    "set staging 'text=Pre-deploy: STAGING verified'" },
  { "staging.skipped/done", RP_RULE_STAGING_SKIPPED, 0, NULL },
  { "rollout.big-bang/no-stages", RP_RULE_ROLLOUT_BIG_BANG, 1, "delete canary; delete everyone",
    "field rollout", "The release has no rollout stages: it goes to everyone at once" },
  { "rollout.big-bang/first-stage-100", RP_RULE_ROLLOUT_BIG_BANG, 1, "delete canary", "row everyone",
    "The first rollout stage, “Everyone”, goes to everyone at once" },
  { "rollout.big-bang/gradual", RP_RULE_ROLLOUT_BIG_BANG, 0, NULL },
  { "monitoring.missing/none", RP_RULE_MONITORING_MISSING, 1, "set release monitoring_plan=NULL",
    "field monitoring_plan", "The release has no monitoring plan" },
  { "monitoring.missing/written", RP_RULE_MONITORING_MISSING, 0, NULL },
  { "flags.risky-unflagged/no-key", RP_RULE_FLAGS_RISKY_UNFLAGGED, 1, "set scope feature_flag=NULL",
    "row scope.feature_flag", "Risky scope item “Dark mode” has no feature flag" },
  { "flags.risky-unflagged/no-flag-row", RP_RULE_FLAGS_RISKY_UNFLAGGED, 1, "delete flag",
    "row scope.feature_flag", "names the flag “dark-mode”, which is not among the release’s feature flags" },
  { "flags.risky-unflagged/flagged", RP_RULE_FLAGS_RISKY_UNFLAGGED, 0, NULL },
  { "flags.risky-unflagged/dropped", RP_RULE_FLAGS_RISKY_UNFLAGGED, 0,
    "delete flag; set scope status=dropped" },
  { "flags.risky-unflagged/not-risky", RP_RULE_FLAGS_RISKY_UNFLAGGED, 0, "delete flag; set scope risky=0" },
  { "flags.stale/14-days", RP_RULE_FLAGS_STALE, 0,
    "set release status=released released_at=2026-12-03; set flag state=full; today 2026-12-17" },
  { "flags.stale/15-days", RP_RULE_FLAGS_STALE, 1,
    "set release status=released released_at=2026-12-03; set flag state=full; today 2026-12-18", "row flag",
    "Flag “dark-mode” is still at 100% 15 days after the release" },
  { "flags.stale/timestamp", RP_RULE_FLAGS_STALE, 1,
    "set release status=released released_at=2026-12-03T23:10:00Z; set flag state=full; today 2026-12-18",
    "row flag", "15 days after the release" },
  { "flags.stale/timestamp-14-days", RP_RULE_FLAGS_STALE, 0,
    "set release status=released released_at=2026-12-03T00:10:00Z; set flag state=full; today 2026-12-17" },
  { "flags.stale/released-without-date", RP_RULE_FLAGS_STALE, 1,
    "set release status=released; set flag state=full; today 2026-12-18", "row flag" },
  { "flags.stale/removed", RP_RULE_FLAGS_STALE, 0,
    "set release status=released released_at=2026-12-03; set flag state=removed; today 2027-01-20" },
  { "flags.stale/partial", RP_RULE_FLAGS_STALE, 0,
    "set release status=released released_at=2026-12-03; set flag state=partial; today 2027-01-20" },
  { "checklist.open/one", RP_RULE_CHECKLIST_OPEN, 1, "set tests state=open", "row tests",
    "1 item of “Pre-Release” is still open, and the section must be complete before the deploy" },
  { "checklist.open/two", RP_RULE_CHECKLIST_OPEN, 1,
    "set tests state=open; add checklist_item notes section_id=pre 'text=Release notes written'", "row tests",
    "2 items of “Pre-Release” are still open" },
  { "checklist.open/not-applicable", RP_RULE_CHECKLIST_OPEN, 0, "set tests state=na" },
  { "checklist.open/after-deploy-section", RP_RULE_CHECKLIST_OPEN, 0, NULL },
  { "postmortem.missing/rolled-back", RP_RULE_POSTMORTEM_MISSING, 1, "set canary status=rolled_back",
    "field postmortem", "The rollout stage “Canary” was rolled back, and no post-mortem is scheduled" },
  { "postmortem.missing/scheduled", RP_RULE_POSTMORTEM_MISSING, 0,
    "set canary status=rolled_back; set release postmortem=scheduled" },
};

static void
assert_subject (const RpFinding *finding, const char *subject)
{
  g_auto (GStrv) parts = g_strsplit (subject, " ", 2);

  if (strcmp (parts[0], "row") == 0)
    {
      g_auto (GStrv) row = g_strsplit (parts[1], ".", 2);

      g_assert_cmpstr (rp_finding_get_subject_id (finding), ==, row[0]);
      g_assert_cmpstr (rp_finding_get_subject_field (finding), ==, row[1]);
    }
  else
    {
      g_assert_cmpstr (parts[0], ==, "field");
      g_assert_cmpint (rp_finding_get_subject_entity (finding), ==, RP_ENTITY_RELEASE);
      g_assert_cmpstr (rp_finding_get_subject_id (finding), ==, "release");
      g_assert_cmpstr (rp_finding_get_subject_field (finding), ==, parts[1]);
    }
}

static void
test_rule (gconstpointer data)
{
  const RuleCase *c = data;
  g_autoptr (RpReadinessReport) report = check_ops (c->ops);
  GPtrArray *findings = rp_readiness_report_get_findings (report);
  const RpFinding *first = NULL;
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (rp_finding_get_rule (findings->pdata[i]) == c->rule)
      {
        if (n++ == 0)
          first = findings->pdata[i];
      }
  g_assert_cmpuint (n, ==, c->fires);
  /* A rule that found nothing passes, if it applies at all. */
  g_assert_true (rp_readiness_report_rule_passed (report, c->rule) ==
                 (c->fires == 0 && rp_readiness_report_rule_applies (report, c->rule)));
  if (first == NULL)
    return;
  g_assert_true (rp_readiness_report_rule_applies (report, c->rule));
  g_assert_cmpint (rp_finding_get_severity (first), ==, rp_rule_get_severity (c->rule));
  g_assert_cmpstr (rp_finding_get_rule_id (first), ==, rp_rule_get_id (c->rule));
  if (c->subject != NULL)
    assert_subject (first, c->subject);
  if (c->message != NULL && strstr (rp_finding_get_message (first), c->message) == NULL)
    g_error ("“%s” does not say “%s”", rp_finding_get_message (first), c->message);
}

/* The baseline passes every check that applies to it. */
static void
test_baseline (void)
{
  g_autoptr (RpReadinessReport) report = check_ops (NULL);
  g_autofree char *figure = rp_readiness_report_describe_figure (report);

  g_assert_cmpuint (rp_readiness_report_get_findings (report)->len, ==, 0);
  g_assert_cmpint (rp_readiness_report_get_verdict (report), ==, RP_DECISION_KIND_GO);
  g_assert_cmpuint (rp_readiness_report_get_n_applicable (report), ==, RP_N_RULES - 4);
  g_assert_cmpuint (rp_readiness_report_get_n_passed (report), ==, RP_N_RULES - 4);
  g_assert_cmpfloat (rp_readiness_report_get_fraction (report), ==, 1.0);
  g_assert_false (rp_readiness_report_rule_applies (report, RP_RULE_SCOPE_NOT_DONE));
  g_assert_false (rp_readiness_report_rule_applies (report, RP_RULE_TIMELINE_SLIPPED));
  g_assert_false (rp_readiness_report_rule_applies (report, RP_RULE_FLAGS_STALE));
  g_assert_false (rp_readiness_report_rule_applies (report, RP_RULE_POSTMORTEM_MISSING));
  g_assert_cmpstr (figure, ==,
                   "21 of 21 readiness checks pass; 4 rules do not apply to this release (Scope done by code "
                   "complete, On the committed dates, Flags cleaned up, Post-mortem after a rollback).");
}

/* Checks that apply only when there is something to check. */
static void
test_figure (void)
{
  g_autoptr (RpReadinessReport) report = check_ops (
      "delete on-call; set release monitoring_plan=NULL; delete scope; delete risk; delete component; delete service-dep; delete release-dep");
  g_autofree char *figure = rp_readiness_report_describe_figure (report);

  /* No scope (3 rules and risky-unflagged), risks (2), dependencies (3) or
   * components (1) either, so 13 rules do not apply; of the 12 that do,
   * owners.on-call and monitoring.missing fail. */
  g_assert_cmpuint (rp_readiness_report_get_n_applicable (report), ==, 12);
  g_assert_cmpuint (rp_readiness_report_get_n_passed (report), ==, 10);
  g_assert_cmpfloat_with_epsilon (rp_readiness_report_get_fraction (report), 10.0 / 12.0, 1e-9);
  g_assert_true (g_str_has_prefix (figure,
                                   "10 of 12 readiness checks pass; 13 rules do not apply to this release "
                                   "(Acceptance criteria written, Acceptance criteria met, "));
}

/* Blockers, then warnings, then info; rule order within; the stored order
 * of the subjects within a rule (not their names or ids). */
static void
test_order (void)
{
  g_autoptr (RpReadinessReport) report = check_ops (
      "set release monitoring_plan=NULL; delete on-call; set canary status=rolled_back; "
      "add scope_item zeta release_id=release title=Zeta; add scope_item alpha release_id=release title=Alpha; "
      "set risk likelihood=5 impact=5 mitigation=NULL");
  const char *const expected[][2] = {
    { "risk.unmitigated", "risk" },      { "owners.on-call", "release" },
    { "scope.no-criteria", "zeta" },     { "scope.no-criteria", "alpha" },
    { "monitoring.missing", "release" }, { "postmortem.missing", "release" },
  };
  GPtrArray *findings = rp_readiness_report_get_findings (report);

  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      g_assert_cmpstr (rp_finding_get_rule_id (findings->pdata[i]), ==, expected[i][0]);
      g_assert_cmpstr (rp_finding_get_subject_id (findings->pdata[i]), ==, expected[i][1]);
    }
  g_assert_cmpuint (rp_readiness_report_count (report, RP_SEVERITY_BLOCKER), ==, 2);
  g_assert_cmpuint (rp_readiness_report_count (report, RP_SEVERITY_WARNING), ==, 3);
  g_assert_cmpuint (rp_readiness_report_count (report, RP_SEVERITY_INFO), ==, 1);
}

/* The verdict from the severities alone. */
typedef struct
{
  const char *name;
  RpRule rules[3];
  guint n;
  RpDecisionKind verdict;
} VerdictCase;

static const VerdictCase verdict_cases[] = {
  { "nothing", { 0 }, 0, RP_DECISION_KIND_GO },
  { "info", { RP_RULE_POSTMORTEM_MISSING }, 1, RP_DECISION_KIND_GO },
  { "warning", { RP_RULE_TIMELINE_FRIDAY }, 1, RP_DECISION_KIND_GO_WITH_RISKS },
  { "warning-and-info",
    { RP_RULE_POSTMORTEM_MISSING, RP_RULE_FLAGS_STALE },
    2,
    RP_DECISION_KIND_GO_WITH_RISKS },
  { "blocker", { RP_RULE_ROLLBACK_MISSING }, 1, RP_DECISION_KIND_NO_GO },
  { "all-three",
    { RP_RULE_POSTMORTEM_MISSING, RP_RULE_MONITORING_MISSING, RP_RULE_TIMELINE_FREEZE },
    3,
    RP_DECISION_KIND_NO_GO },
};

static void
test_verdict (gconstpointer data)
{
  const VerdictCase *c = data;
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_finding_unref);
  gboolean applies[RP_N_RULES] = { FALSE };
  g_autoptr (RpReadinessReport) report = NULL;

  for (guint i = 0; i < c->n; i++)
    g_ptr_array_add (findings, rp_finding_new (c->rules[i], "x", RP_ENTITY_RELEASE, "r", "deploy"));
  report = _rp_readiness_report_new ("r", "R", findings, applies);
  g_assert_cmpint (rp_readiness_report_get_verdict (report), ==, c->verdict);
  g_assert_cmpuint (rp_readiness_report_get_n_applicable (report), ==, c->n);
  g_assert_cmpuint (rp_readiness_report_get_n_passed (report), ==, 0);
  if (c->n > 0)
    g_assert_cmpint (rp_finding_get_severity (rp_readiness_report_get_findings (report)->pdata[0]), ==,
                     rp_rule_get_severity (c->rules[c->n - 1]));
}

static void
test_json (void)
{
  g_autoptr (RpReadinessReport) report =
      check_ops ("delete on-call; set release monitoring_plan=NULL; set component person_id=NULL");
  g_autoptr (RpReadinessReport) good = check_ops (NULL);
  g_autofree char *compact = rp_readiness_report_to_json (report, FALSE);
  g_autofree char *again = rp_readiness_report_to_json (report, FALSE);
  g_autofree char *pretty = rp_readiness_report_to_json (good, TRUE);
  g_autofree char *empty = rp_readiness_report_to_json (good, FALSE);

  g_assert_cmpstr (
      compact, ==,
      "{\"verdict\":\"no_go\",\"findings\":["
      "{\"rule\":\"owners.on-call\",\"severity\":\"blocker\","
      "\"message\":\"Nobody is on call during and after the deploy\","
      "\"subject\":{\"entity\":\"release\",\"id\":\"release\",\"field\":\"on_call\"}},"
      "{\"rule\":\"owners.component\",\"severity\":\"warning\","
      "\"message\":\"Component “API” has no owner\","
      "\"subject\":{\"entity\":\"owner\",\"id\":\"component\"}},"
      "{\"rule\":\"monitoring.missing\",\"severity\":\"warning\","
      "\"message\":\"The release has no monitoring plan\","
      "\"subject\":{\"entity\":\"release\",\"id\":\"release\",\"field\":\"monitoring_plan\"}}]}");
  g_assert_cmpstr (again, ==, compact);
  g_assert_cmpstr (empty, ==, "{\"verdict\":\"go\",\"findings\":[]}");
  g_assert_cmpstr (pretty, ==, "{\n  \"verdict\": \"go\",\n  \"findings\": []\n}");
}

static void
test_check_all (void)
{
  Fixture f;
  g_autoptr (RpReadiness) readiness = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) unfinished = NULL;
  g_autoptr (RpReadinessReport) alone = NULL;
  g_autofree char *alone_json = NULL;
  g_autofree char *all_json = NULL;

  fixture_setup (&f,
                 "add release winter name=Winter status=planning; add release old name=Old status=cancelled");
  readiness = rp_readiness_new (f.store, &f.today);
  all = rp_readiness_check_all (readiness, FALSE);
  unfinished = rp_readiness_check_all (readiness, TRUE);

  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (rp_readiness_report_get_release_id (all->pdata[0]), ==, "summer");
  g_assert_cmpstr (rp_readiness_report_get_release_id (all->pdata[1]), ==, "release");
  g_assert_cmpuint (unfinished->len, ==, 2);
  g_assert_cmpstr (rp_readiness_report_get_release_id (unfinished->pdata[0]), ==, "release");
  g_assert_cmpstr (rp_readiness_report_get_release_id (unfinished->pdata[1]), ==, "winter");
  g_assert_cmpint (rp_readiness_report_get_verdict (unfinished->pdata[1]), ==, RP_DECISION_KIND_NO_GO);

  /* Reading the whole plan at once says what reading one release says. */
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr (RpReadinessReport) one =
          rp_readiness_check (readiness, rp_readiness_report_get_release_id (all->pdata[i]), NULL);
      g_autofree char *a = rp_readiness_report_to_json (one, FALSE);
      g_autofree char *b = rp_readiness_report_to_json (all->pdata[i], FALSE);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (rp_readiness_report_get_n_applicable (one), ==,
                        rp_readiness_report_get_n_applicable (all->pdata[i]));
    }
  alone = rp_readiness_check (readiness, "release", NULL);
  alone_json = rp_readiness_report_to_json (alone, FALSE);
  all_json = rp_readiness_report_to_json (unfinished->pdata[0], FALSE);
  g_assert_cmpstr (alone_json, ==, all_json);

  g_clear_object (&readiness);
  fixture_teardown (&f);
}

static void
test_unknown_release (void)
{
  Fixture f;
  g_autoptr (RpReadiness) readiness = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RpReadinessReport) report = NULL;

  fixture_setup (&f, NULL);
  readiness = rp_readiness_new (f.store, &f.today);
  report = rp_readiness_check (readiness, "no-such-release", &error);
  g_assert_null (report);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_object (&readiness);
  fixture_teardown (&f);
}

/* The inputs replace what the store says. */
static void
test_inputs (void)
{
  Fixture f;
  g_autoptr (RpReadiness) readiness = NULL;
  g_autoptr (RpReadinessReport) report = NULL;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  const char *const fridays[] = { "fri", NULL };
  GDate today;

  fixture_setup (&f, "set release deploy=2026-12-21");
  readiness = rp_readiness_new (f.store, &f.today);
  rp_readiness_get_today (readiness, &today);
  g_assert_cmpint (g_date_compare (&today, &f.today), ==, 0);
  rp_readiness_set_freeze_windows (readiness, none);
  rp_readiness_set_deploy_days (readiness, fridays);
  report = rp_readiness_check (readiness, "release", NULL);
  /* A Monday, out of any freeze now, but not a Friday. */
  g_assert_true (rp_readiness_report_rule_passed (report, RP_RULE_TIMELINE_FREEZE) == FALSE);
  g_assert_false (rp_readiness_report_rule_applies (report, RP_RULE_TIMELINE_FREEZE));
  g_assert_false (rp_readiness_report_rule_passed (report, RP_RULE_TIMELINE_FRIDAY));
  g_clear_pointer (&report, rp_readiness_report_unref);

  rp_readiness_set_deploy_days (readiness, NULL);
  report = rp_readiness_check (readiness, "release", NULL);
  g_assert_true (rp_readiness_report_rule_passed (report, RP_RULE_TIMELINE_FRIDAY));
  g_clear_object (&readiness);
  fixture_teardown (&f);
}

static void
test_rule_table (void)
{
  const char *const blockers[] = { "scope.unmet-criteria", "scope.not-done", "deps.unresolved",
                                   "deps.order",           "deps.cycle",     "risk.unmitigated",
                                   "timeline.missing",     "timeline.order", "timeline.freeze",
                                   "owners.go-no-go",      "owners.on-call", "rollback.missing",
                                   "staging.skipped",      "checklist.open", NULL };
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (RpRule r = 0; r < RP_N_RULES; r++)
    {
      const char *id = rp_rule_get_id (r);

      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);
      g_assert_cmpint (rp_rule_from_id (id), ==, r);
      g_assert_true (rp_rule_get_name (r)[0] != '\0');
      g_assert_true (g_str_has_suffix (rp_rule_get_fix (r), "."));
      if (g_strv_contains (blockers, id))
        g_assert_cmpint (rp_rule_get_severity (r), ==, RP_SEVERITY_BLOCKER);
      else
        g_assert_cmpint (rp_rule_get_severity (r), !=, RP_SEVERITY_BLOCKER);
    }
  g_assert_cmpint (rp_rule_get_severity (rp_rule_from_id ("postmortem.missing")), ==, RP_SEVERITY_INFO);
  g_assert_cmpint (rp_rule_from_id ("no.such-rule"), ==, RP_N_RULES);
  g_assert_cmpint (rp_rule_from_id (NULL), ==, RP_N_RULES);
}

/* Recording a decision */

static GDateTime *
at_noon (void)
{
  return g_date_time_new_utc (2026, 11, 18, 12, 0, 0);
}

static void
test_decision_refused (void)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) at = at_noon ();
  g_autofree char *id = NULL;

  fixture_setup (&f, "set release rollback_plan=NULL");
  id = rp_decision_record (f.store, "release", RP_DECISION_KIND_GO, NULL, "  ", &f.today, at, &error);
  g_assert_null (id);
  g_assert_error (error, RP_DECISION_ERROR, RP_DECISION_ERROR_NEEDS_NOTES);
  g_assert_cmpstr (
      error->message, ==,
      "“Autumn 4.2” has 1 blocker: a go over it needs notes that say why the release may ship anyway.");
  g_clear_error (&error);
  id = rp_decision_record (f.store, "release", RP_DECISION_KIND_GO_WITH_RISKS, NULL, NULL, &f.today, at,
                           &error);
  g_assert_null (id);
  g_assert_error (error, RP_DECISION_ERROR, RP_DECISION_ERROR_NEEDS_NOTES);
  g_assert_cmpuint (rp_store_count (f.store, RP_ENTITY_DECISION), ==, 0);

  g_clear_error (&error);
  id = rp_decision_record (f.store, "nope", RP_DECISION_KIND_NO_GO, NULL, NULL, &f.today, at, &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (id);
  fixture_teardown (&f);
}

static void
test_decision_recorded (void)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) at = at_noon ();
  g_autoptr (RpReadinessReport) report = NULL;
  g_autoptr (RpRecord) decision = NULL;
  g_autofree char *id = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *no_go = NULL;

  fixture_setup (&f, "set release rollback_plan=NULL");
  report = fixture_check (&f, "release");
  snapshot = rp_readiness_report_to_json (report, FALSE);

  id = rp_decision_record (f.store, "release", RP_DECISION_KIND_GO, NULL,
                           "The old release rolls back by DNS.", &f.today, at, &error);
  g_assert_no_error (error);
  decision = rp_store_get (f.store, RP_ENTITY_DECISION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_decision_get_release_id (RP_DECISION (decision)), ==, "release");
  g_assert_cmpint (rp_decision_get_decision (RP_DECISION (decision)), ==, RP_DECISION_KIND_GO);
  g_assert_cmpstr (rp_decision_get_at (RP_DECISION (decision)), ==, "2026-11-18T12:00:00Z");
  /* By the go/no-go owner unless someone else is named. */
  g_assert_cmpstr (rp_decision_get_by_id (RP_DECISION (decision)), ==, "ana");
  g_assert_cmpstr (rp_decision_get_notes (RP_DECISION (decision)), ==, "The old release rolls back by DNS.");
  g_assert_cmpstr (rp_decision_get_readiness (RP_DECISION (decision)), ==, snapshot);
  g_assert_nonnull (strstr (snapshot, "\"verdict\":\"no_go\""));

  /* One undo step takes it back. */
  g_assert_cmpstr (rp_store_get_undo_label (f.store), ==, "Record decision");
  g_assert_true (rp_store_undo (f.store, &error));
  g_assert_cmpuint (rp_store_count (f.store, RP_ENTITY_DECISION), ==, 0);
  g_assert_true (rp_store_redo (f.store, &error));
  g_assert_cmpuint (rp_store_count (f.store, RP_ENTITY_DECISION), ==, 1);

  /* A no-go needs no reason; someone else may decide. */
  no_go = rp_decision_record (f.store, "release", RP_DECISION_KIND_NO_GO, "ben", NULL, &f.today, at, &error);
  g_assert_no_error (error);
  g_clear_object (&decision);
  decision = rp_store_get (f.store, RP_ENTITY_DECISION, no_go, &error);
  g_assert_cmpstr (rp_decision_get_by_id (RP_DECISION (decision)), ==, "ben");
  g_assert_null (rp_decision_get_notes (RP_DECISION (decision)));
  g_clear_object (&decision);
  fixture_teardown (&f);
}

/* A go with nothing blocking needs no notes; nobody to default to. */
static void
test_decision_go (void)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) decision = NULL;
  g_autofree char *id = NULL;

  fixture_setup (&f, "set release monitoring_plan=NULL; delete go-no-go");
  id = rp_decision_record (f.store, "release", RP_DECISION_KIND_GO, NULL, NULL, &f.today, NULL, &error);
  /* Without a go/no-go owner there is a blocker, so this is refused... */
  g_assert_error (error, RP_DECISION_ERROR, RP_DECISION_ERROR_NEEDS_NOTES);
  g_clear_error (&error);
  run_op (&f, "add owner go-no-go release_id=release role=go_no_go person_id=ben");
  /* ...and with one, a warning alone is no reason to ask. */
  id = rp_decision_record (f.store, "release", RP_DECISION_KIND_GO_WITH_RISKS, NULL, NULL, &f.today, NULL,
                           &error);
  g_assert_no_error (error);
  decision = rp_store_get (f.store, RP_ENTITY_DECISION, id, NULL);
  g_assert_cmpstr (rp_decision_get_by_id (RP_DECISION (decision)), ==, "ben");
  g_assert_true (rp_timestamp_is_valid (rp_decision_get_at (RP_DECISION (decision))));
  g_assert_nonnull (
      strstr (rp_decision_get_readiness (RP_DECISION (decision)), "\"verdict\":\"go_with_risks\""));
  g_clear_object (&decision);
  fixture_teardown (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/readiness/rule/%s", rule_cases[i].path);
      g_test_add_data_func (path, &rule_cases[i], test_rule);
    }
  for (guint i = 0; i < G_N_ELEMENTS (verdict_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/readiness/verdict/%s", verdict_cases[i].name);
      g_test_add_data_func (path, &verdict_cases[i], test_verdict);
    }
  g_test_add_func ("/readiness/baseline", test_baseline);
  g_test_add_func ("/readiness/figure", test_figure);
  g_test_add_func ("/readiness/order", test_order);
  g_test_add_func ("/readiness/json", test_json);
  g_test_add_func ("/readiness/check-all", test_check_all);
  g_test_add_func ("/readiness/unknown-release", test_unknown_release);
  g_test_add_func ("/readiness/inputs", test_inputs);
  g_test_add_func ("/readiness/rule-table", test_rule_table);
  g_test_add_func ("/decision/refused", test_decision_refused);
  g_test_add_func ("/decision/recorded", test_decision_recorded);
  g_test_add_func ("/decision/go", test_decision_go);
  return g_test_run ();
}
