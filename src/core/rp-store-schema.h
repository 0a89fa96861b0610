/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The migrations, in order: migrations[N - 1] takes a database from
 * user_version N - 1 to N. Never edit one that has shipped: add another.
 * Each runs in one transaction together with its user_version bump. */

#define RP_ROW "id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL DEFAULT 0"
#define RP_BOOL(c, d) c " INTEGER NOT NULL DEFAULT " d " CHECK (" c " IN (0, 1))"
#define RP_PERSON(c) c " TEXT REFERENCES person (id) ON DELETE RESTRICT"
#define RP_OF_RELEASE "release_id TEXT NOT NULL REFERENCES release (id) ON DELETE CASCADE"

static const char *const rp_store_migrations[] = {
  /* 1: the data model of DESIGN.md */
  "PRAGMA application_id = 1381002350;"
  "CREATE TABLE person (" RP_ROW ", name TEXT NOT NULL, email TEXT) STRICT;"
  "CREATE TABLE freeze_window (" RP_ROW ", name TEXT NOT NULL, start_date TEXT NOT NULL,"
  "  end_date TEXT NOT NULL, reason TEXT, CHECK (start_date <= end_date)) STRICT;"
  "CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;"
  "CREATE TABLE template (" RP_ROW ", name TEXT NOT NULL) STRICT;"
  "CREATE TABLE template_section (" RP_ROW ","
  "  template_id TEXT NOT NULL REFERENCES template (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, " RP_BOOL (
      "complete_before_deploy",
      "1") ") STRICT;"
           "CREATE TABLE template_item (" RP_ROW ","
           "  section_id TEXT NOT NULL REFERENCES template_section (id) ON DELETE CASCADE,"
           "  text TEXT NOT NULL) STRICT;"
           "CREATE TABLE release (" RP_ROW ", name TEXT NOT NULL, version TEXT, summary TEXT,"
           "  status TEXT NOT NULL DEFAULT 'planning' CHECK (status IN ('planning', 'development',"
           "    'testing', 'deploying', 'monitoring', 'released', 'cancelled')),"
           "  code_complete TEXT, testing_start TEXT, testing_end TEXT, deploy TEXT,"
           "  window_start TEXT, window_end TEXT, window_timezone TEXT,"
           "  buffer_days INTEGER NOT NULL DEFAULT 2 CHECK (buffer_days BETWEEN 0 AND 365),"
           "  monitoring_hours INTEGER NOT NULL DEFAULT 24 CHECK (monitoring_hours BETWEEN 0 AND 8760),"
           "  rollback_plan TEXT, monitoring_plan TEXT, release_notes TEXT,"
           "  released_at TEXT, postmortem TEXT NOT NULL DEFAULT 'none'"
           "    CHECK (postmortem IN ('none', 'scheduled', 'done')),"
           "  postmortem_date TEXT, feedback TEXT, created_at TEXT, updated_at TEXT) STRICT;"
           "CREATE TABLE owner (" RP_ROW ", " RP_OF_RELEASE ","
           "  role TEXT NOT NULL CHECK (role IN ('release_manager', 'go_no_go', 'on_call', 'qa', 'component')),"
           "  person_id TEXT NOT NULL REFERENCES person (id) ON DELETE RESTRICT, component TEXT) STRICT;"
           "CREATE TABLE scope_item (" RP_ROW ", " RP_OF_RELEASE ", title TEXT NOT NULL, description TEXT,"
           "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),"
           "  " RP_PERSON ("owner_id") ", " RP_BOOL (
               "risky",
               "0") ", feature_flag TEXT) STRICT;"
                    "CREATE TABLE acceptance_criterion (" RP_ROW ","
                    "  scope_item_id TEXT NOT NULL REFERENCES scope_item (id) ON DELETE CASCADE,"
                    "  text TEXT NOT NULL, " RP_BOOL (
                        "met",
                        "0") ") STRICT;"
                             "CREATE TABLE dependency (" RP_ROW ", " RP_OF_RELEASE ", title TEXT NOT NULL,"
                             "  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('release', 'service', 'team', 'vendor', 'other')),"
                             "  depends_on_release_id TEXT REFERENCES release (id) ON DELETE SET NULL,"
                             "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'ready', 'blocked', 'resolved')),"
                             "  " RP_PERSON (
                                 "owner_id") ", due TEXT, notes TEXT) STRICT;"
                                             "CREATE TABLE risk (" RP_ROW ", " RP_OF_RELEASE
                                             ", title TEXT NOT NULL,"
                                             "  likelihood INTEGER NOT NULL DEFAULT 3 CHECK (likelihood BETWEEN 1 AND 5),"
                                             "  impact INTEGER NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),"
                                             "  mitigation TEXT, " RP_PERSON (
                                                 "owner_id") ","
                                                             "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mitigated', 'accepted', 'closed'))) STRICT;"
                                                             "CREATE TABLE checklist_section (" RP_ROW
                                                             ", " RP_OF_RELEASE ", name TEXT NOT NULL,"
                                                             "  " RP_BOOL (
                                                                 "complete_before_deploy",
                                                                 "1") ") STRICT;"
                                                                      "CREATE TABLE checklist_item (" RP_ROW
                                                                      ","
                                                                      "  section_id TEXT NOT NULL REFERENCES checklist_section (id) ON DELETE CASCADE,"
                                                                      "  text TEXT NOT NULL,"
                                                                      "  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'na')),"
                                                                      "  " RP_PERSON (
                                                                          "assignee_id") ", due TEXT, notes TEXT, done_at TEXT) STRICT;"
                                                                                         "CREATE TABLE rollout_stage (" RP_ROW
                                                                                         ", " RP_OF_RELEASE
                                                                                         ", name TEXT NOT NULL,"
                                                                                         "  percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),"
                                                                                         "  hold_minutes INTEGER NOT NULL DEFAULT 60 CHECK (hold_minutes >= 0),"
                                                                                         "  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'healthy', 'rolled_back')),"
                                                                                         "  criteria TEXT) STRICT;"
                                                                                         "CREATE TABLE feature_flag (" RP_ROW
                                                                                         ", " RP_OF_RELEASE
                                                                                         ", key TEXT NOT NULL,"
                                                                                         "  state TEXT NOT NULL DEFAULT 'off' CHECK (state IN ('off', 'canary', 'partial', 'full', 'removed')),"
                                                                                         "  percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100), cleanup_due TEXT) STRICT;"
                                                                                         "CREATE TABLE decision (" RP_ROW
                                                                                         ", " RP_OF_RELEASE
                                                                                         ", at TEXT NOT NULL,"
                                                                                         "  decision TEXT NOT NULL CHECK (decision IN ('go', 'no_go', 'go_with_risks')),"
                                                                                         "  " RP_PERSON (
                                                                                             "by_id") ", notes TEXT, readiness TEXT) STRICT;",

  /* 2: indexes on every foreign key, so that cascades and "who refers to
   * this person" stay fast with thousands of rows. */
  "CREATE INDEX template_section_parent ON template_section (template_id, position);"
  "CREATE INDEX template_item_parent ON template_item (section_id, position);"
  "CREATE INDEX owner_parent ON owner (release_id, position);"
  "CREATE INDEX owner_person ON owner (person_id);"
  "CREATE INDEX scope_item_parent ON scope_item (release_id, position);"
  "CREATE INDEX scope_item_owner ON scope_item (owner_id);"
  "CREATE INDEX acceptance_criterion_parent ON acceptance_criterion (scope_item_id, position);"
  "CREATE INDEX dependency_parent ON dependency (release_id, position);"
  "CREATE INDEX dependency_owner ON dependency (owner_id);"
  "CREATE INDEX dependency_release ON dependency (depends_on_release_id);"
  "CREATE INDEX risk_parent ON risk (release_id, position);"
  "CREATE INDEX risk_owner ON risk (owner_id);"
  "CREATE INDEX checklist_section_parent ON checklist_section (release_id, position);"
  "CREATE INDEX checklist_item_parent ON checklist_item (section_id, position);"
  "CREATE INDEX checklist_item_assignee ON checklist_item (assignee_id);"
  "CREATE INDEX rollout_stage_parent ON rollout_stage (release_id, position);"
  "CREATE INDEX feature_flag_parent ON feature_flag (release_id, position);"
  "CREATE INDEX decision_parent ON decision (release_id, position);"
  "CREATE INDEX decision_by ON decision (by_id);",

  /* 3: a component may wait for its owner (owners.component reports it),
   * so owner.person_id may be NULL, but only for a component; and the
   * committed dates of a release, the baseline its slip is measured
   * against. released_at may now be a UTC timestamp as well as a date:
   * that rule lives in the column table, the column stays TEXT. */
  "CREATE TABLE owner_v3 (" RP_ROW ", " RP_OF_RELEASE ","
  "  role TEXT NOT NULL CHECK (role IN ('release_manager', 'go_no_go', 'on_call', 'qa', 'component')),"
  "  person_id TEXT REFERENCES person (id) ON DELETE RESTRICT, component TEXT,"
  "  CHECK (person_id IS NOT NULL OR role = 'component')) STRICT;"
  "INSERT INTO owner_v3 (id, position, release_id, role, person_id, component)"
  "  SELECT id, position, release_id, role, person_id, component FROM owner;"
  "DROP TABLE owner;"
  "ALTER TABLE owner_v3 RENAME TO owner;"
  "CREATE INDEX owner_parent ON owner (release_id, position);"
  "CREATE INDEX owner_person ON owner (person_id);"
  "ALTER TABLE release ADD COLUMN committed_code_complete TEXT;"
  "ALTER TABLE release ADD COLUMN committed_testing_start TEXT;"
  "ALTER TABLE release ADD COLUMN committed_testing_end TEXT;"
  "ALTER TABLE release ADD COLUMN committed_deploy TEXT;"
  "ALTER TABLE release ADD COLUMN committed_at TEXT;",
};
