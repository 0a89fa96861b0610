/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rp-core.h"

/* Each test gets its own XDG dirs (G_TEST_OPTION_ISOLATE_DIRS); its
 * database lives there. */
static char *
test_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
}

static RpStore *
open_store (void)
{
  g_autofree char *path = test_db_path ();
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* A valid value for any column; references get a row of their own. */
static RpRecord *make_row (RpStore *store, RpEntity entity, const char *parent_id);

static void
fill_value (RpStore *store, RpRecord *record, const RpColumn *c, int variant)
{
  switch (c->type)
    {
    case RP_COLUMN_TEXT:
      rp_record_set_string (record, c->name, variant ? "changed text" : "Some text");
      break;
    case RP_COLUMN_INT:
      rp_record_set_int (record, c->name, variant ? c->max : c->min);
      break;
    case RP_COLUMN_BOOL:
      rp_record_set_bool (record, c->name, !variant);
      break;
    case RP_COLUMN_DATE:
      rp_record_set_string (record, c->name, variant ? "2027-01-15" : "2026-12-01");
      break;
    case RP_COLUMN_TIMESTAMP:
      rp_record_set_string (record, c->name, variant ? "2027-01-15T08:00:00Z" : "2026-12-01T06:30:00Z");
      break;
    case RP_COLUMN_DATE_OR_TIMESTAMP:
      rp_record_set_string (record, c->name, variant ? "2027-01-15T08:00:00Z" : "2026-12-01");
      break;
    case RP_COLUMN_TIME:
      rp_record_set_string (record, c->name, variant ? "23:59" : "06:00");
      break;
    case RP_COLUMN_ENUM:
      rp_record_set_string (record, c->name,
                            c->values[variant ? 0 : g_strv_length ((char **) c->values) - 1]);
      break;
    case RP_COLUMN_JSON:
      rp_record_set_string (record, c->name, variant ? "{\"verdict\":\"go\"}" : "{}");
      break;
    case RP_COLUMN_REF:
      if (!(c->flags & RP_COLUMN_PARENT))
        {
          g_autoptr (RpRecord) target = make_row (store, c->ref, NULL);
          rp_record_set_string (record, c->name, rp_record_get_id (target));
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static RpRecord *
make_record (RpStore *store, RpEntity entity, const char *parent_id, int variant)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);
  RpRecord *record = rp_record_new (entity);

  for (guint i = 0; i < info->n_columns; i++)
    fill_value (store, record, &info->columns[i], variant);
  if (info->parent_column >= 0)
    {
      const RpColumn *pc = &info->columns[info->parent_column];
      g_autoptr (RpRecord) parent = NULL;

      if (parent_id == NULL)
        {
          parent = make_row (store, pc->ref, NULL);
          parent_id = rp_record_get_id (parent);
        }
      rp_record_set_string (record, pc->name, parent_id);
    }
  /* A component owner names its component. */
  if (entity == RP_ENTITY_OWNER)
    rp_record_set_string (record, "component", "Payments");
  return record;
}

static RpRecord *
make_row (RpStore *store, RpEntity entity, const char *parent_id)
{
  g_autoptr (GError) error = NULL;
  RpRecord *record = make_record (store, entity, parent_id, 0);

  rp_store_insert (store, record, &error);
  g_assert_no_error (error);
  return record;
}

/* Opening and migrating */

static void
test_open_new (void)
{
  g_autoptr (RpStore) store = open_store ();
  const char *path = rp_store_get_path (store);

  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, RP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, RP_STORE_APPLICATION_ID);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==,
                   1);
  g_assert_null (rp_store_get_backup_path (store));
  g_assert_false (rp_store_can_undo (store));

  /* Every entity of the data model is a STRICT table with exactly the
   * descriptor's columns. */
  for (RpEntity e = 0; e < RP_N_ENTITIES; e++)
    {
      const RpEntityInfo *info = rp_entity_get_info (e);
      g_autofree char *count_sql =
          g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s')", info->name);
      g_autofree char *strict_sql =
          g_strdup_printf ("SELECT strict FROM pragma_table_list WHERE name = '%s'", info->name);

      g_assert_cmpint (sql_int (path, count_sql), ==, info->n_columns + 2);
      for (guint i = 0; i < info->n_columns; i++)
        {
          g_autofree char *col_sql =
              g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s'", info->name,
                               info->columns[i].name);
          g_assert_cmpint (sql_int (path, col_sql), ==, 1);
        }
      g_assert_cmpint (sql_int (path, strict_sql), ==, 1);
    }
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_table_list WHERE name = 'setting'"), ==, 1);
}

/* A database as version @version of the app left it: its schema, and the
 * rows that version could write, written by SQL (today's column tables
 * have columns an old schema does not). */
static char *
old_database (guint version)
{
  g_autofree char *path = test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) old = rp_store_open_at_version (path, version, &error);

  g_assert_no_error (error);
  g_clear_object (&old);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, version);
  sql_exec (path, "INSERT INTO person (id, name) VALUES ('p1', 'Ada');"
                  "INSERT INTO release (id, name, released_at) VALUES ('r1', 'Payments', '2026-11-03');"
                  "INSERT INTO risk (id, release_id, title, likelihood, impact, owner_id)"
                  "  VALUES ('k1', 'r1', 'PSP outage', 4, 5, 'p1');"
                  "INSERT INTO owner (id, release_id, role, person_id, component)"
                  "  VALUES ('o1', 'r1', 'component', 'p1', 'Checkout');");
  return g_steal_pointer (&path);
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *path = old_database (1);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) store = NULL;
  g_autoptr (RpRecord) risk = NULL;
  g_autofree char *backup = NULL;

  store = rp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, RP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'risk_parent'"), ==, 1);

  /* The data survived, and the file as it was before is kept beside it. */
  risk = rp_store_get (store, RP_ENTITY_RISK, "k1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_risk_get_likelihood (RP_RISK (risk)), ==, 4);
  g_assert_cmpstr (rp_risk_get_owner_id (RP_RISK (risk)), ==, "p1");
  backup = g_strdup_printf ("%s.v1.bak", path);
  g_assert_cmpstr (rp_store_get_backup_path (store), ==, backup);
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM risk"), ==, 1);
}

/* Schema 3: a component owner without a person, a released_at timestamp
 * and the committed dates; the rows of schema 2 come through. */
static void
test_migrate_from_v2 (void)
{
  g_autofree char *path = old_database (2);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) store = rp_store_open (path, &error);
  g_autoptr (RpRecord) owner = NULL;
  g_autoptr (RpRecord) nobody = NULL;
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) manager = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'owner_person'"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  owner = rp_store_get (store, RP_ENTITY_OWNER, "o1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_owner_get_role (RP_OWNER (owner)), ==, RP_OWNER_ROLE_COMPONENT);
  g_assert_cmpstr (rp_owner_get_person_id (RP_OWNER (owner)), ==, "p1");
  g_assert_cmpstr (rp_owner_get_component (RP_OWNER (owner)), ==, "Checkout");

  /* A component may wait for its owner… */
  nobody = rp_record_new (RP_ENTITY_OWNER);
  rp_record_set_string (nobody, "release_id", "r1");
  rp_record_set_string (nobody, "role", "component");
  rp_record_set_string (nobody, "component", "Ledger");
  g_assert_true (rp_store_insert (store, nobody, &error));
  g_assert_no_error (error);
  /* …nobody else may, and the table says so too. */
  manager = rp_record_new (RP_ENTITY_OWNER);
  rp_record_set_string (manager, "release_id", "r1");
  rp_record_set_string (manager, "role", "go_no_go");
  g_assert_false (rp_store_insert (store, manager, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "person_id"));
  g_clear_error (&error);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_table_info('owner') "
                                  "WHERE name = 'person_id' AND \"notnull\" = 0"),
                   ==, 1);

  release = rp_store_get (store, RP_ENTITY_RELEASE, "r1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_release_get_released_at (RP_RELEASE (release)), ==, "2026-11-03");
  g_assert_null (rp_release_get_committed_deploy (RP_RELEASE (release)));
  rp_record_set_string (release, "released_at", "2026-11-03T07:10:00Z");
  rp_record_set_string (release, "committed_deploy", "2026-11-03");
  g_assert_true (rp_store_update (store, release, &error));
  g_assert_no_error (error);
  g_clear_object (&release);
  release = rp_store_get (store, RP_ENTITY_RELEASE, "r1", &error);
  g_assert_cmpstr (rp_release_get_released_at (RP_RELEASE (release)), ==, "2026-11-03T07:10:00Z");
  g_assert_cmpstr (rp_release_get_committed_deploy (RP_RELEASE (release)), ==, "2026-11-03");
}

static void
assert_refused (const char *path, int code, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? file_checksum (path) : NULL;
  g_autoptr (RpStore) store = rp_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, RP_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
  if (before != NULL)
    {
      g_autofree char *after = file_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = test_db_path ();

  g_clear_object (&(RpStore *){ open_store () });
  sql_exec (path, "PRAGMA user_version = 99");
  assert_refused (path, RP_STORE_ERROR_TOO_NEW, "newer version");
}

static void
test_refuse_not_database (void)
{
  g_autofree char *path = test_db_path ();

  g_assert_true (g_mkdir_with_parents (g_get_user_data_dir (), 0700) == 0);
  g_assert_true (
      g_file_set_contents (path, "# My release notes\nThis is not a database, it is text.\n", -1, NULL));
  assert_refused (path, RP_STORE_ERROR_NOT_A_DATABASE, "not an SQLite file");
}

static void
test_refuse_foreign (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *other = g_build_filename (g_get_user_data_dir (), "other.db", NULL);

  g_assert_true (g_mkdir_with_parents (g_get_user_data_dir (), 0700) == 0);
  sql_exec (path, "CREATE TABLE songs (title TEXT)");
  assert_refused (path, RP_STORE_ERROR_FOREIGN, "another application");
  sql_exec (other, "PRAGMA application_id = 1234");
  assert_refused (other, RP_STORE_ERROR_FOREIGN, "another application");
}

static void
test_refuse_read_only (void)
{
  /* /proc refuses new files even to root, which CI runs as. */
  assert_refused ("/proc/release-planner-test/plans.db", RP_STORE_ERROR_READ_ONLY, "cannot be made");
}

/* CRUD of every entity */

static void
test_crud (gconstpointer data)
{
  RpEntity entity = GPOINTER_TO_UINT (data);
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) row = make_row (store, entity, NULL);
  g_autoptr (RpRecord) got = NULL;
  g_autoptr (RpRecord) changed = NULL;
  g_autoptr (RpRecord) got_changed = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (RpRecord) gone = NULL;
  guint count = rp_store_count (store, entity);

  got = rp_store_get (store, entity, rp_record_get_id (row), &error);
  g_assert_no_error (error);
  if (entity != RP_ENTITY_RELEASE)
    g_assert_true (rp_record_equal (row, got));
  else
    g_assert_nonnull (rp_record_get_string (got, "updated_at"));

  /* Update every column but the parent to its other valid value. */
  changed = make_record (store, entity, rp_record_get_parent_id (row), 1);
  rp_record_set_id (changed, rp_record_get_id (row));
  g_assert_true (rp_store_update (store, changed, &error));
  g_assert_no_error (error);
  got_changed = rp_store_get (store, entity, rp_record_get_id (row), &error);
  for (guint i = 0; i < info->n_columns; i++)
    {
      const char *name = info->columns[i].name;
      if (g_str_equal (name, "updated_at") || g_str_equal (name, "created_at"))
        continue;
      g_assert_true (
          g_variant_equal (rp_record_get_value_at (got_changed, i), rp_record_get_value_at (changed, i)));
    }

  listed = info->parent_column >= 0 ? rp_store_list (store, entity, rp_record_get_parent_id (row))
                                    : rp_store_list (store, entity, NULL);
  g_assert_cmpuint (listed->len, >=, 1);

  g_assert_true (rp_store_delete (store, entity, rp_record_get_id (row), &error));
  g_assert_no_error (error);
  gone = rp_store_get (store, entity, rp_record_get_id (row), &error);
  g_assert_null (gone);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (rp_store_count (store, entity), ==, count - 1);
}

/* A release with something of every kind in it. */
static RpRecord *
make_full_release (RpStore *store)
{
  RpRecord *release = make_row (store, RP_ENTITY_RELEASE, NULL);
  const char *id = rp_record_get_id (release);
  g_autoptr (RpRecord) scope = make_row (store, RP_ENTITY_SCOPE_ITEM, id);
  g_autoptr (RpRecord) criterion = make_row (store, RP_ENTITY_CRITERION, rp_record_get_id (scope));
  g_autoptr (RpRecord) section = make_row (store, RP_ENTITY_CHECKLIST_SECTION, id);
  g_autoptr (RpRecord) item = make_row (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (section));
  RpEntity direct[] = { RP_ENTITY_OWNER,         RP_ENTITY_DEPENDENCY,   RP_ENTITY_RISK,
                        RP_ENTITY_ROLLOUT_STAGE, RP_ENTITY_FEATURE_FLAG, RP_ENTITY_DECISION };

  for (guint i = 0; i < G_N_ELEMENTS (direct); i++)
    g_clear_object (&(RpRecord *){ make_row (store, direct[i], id) });
  return release;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (rp_record_get_id (*(RpRecord **) a), rp_record_get_id (*(RpRecord **) b));
}

/* Every row of every table, in an order that does not depend on rowids. */
static GPtrArray *
snapshot (RpStore *store)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (RpEntity e = 0; e < RP_N_ENTITIES; e++)
    {
      g_autoptr (GPtrArray) rows = rp_store_list (store, e, NULL);
      g_ptr_array_sort (rows, compare_ids);
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&rows));
    }
  return all;
}

static void
assert_same_rows (RpStore *store, GPtrArray *expected)
{
  g_autoptr (GPtrArray) now = snapshot (store);

  g_assert_cmpuint (now->len, ==, expected->len);
  for (guint i = 0; i < now->len; i++)
    g_assert_true (rp_record_equal (now->pdata[i], expected->pdata[i]));
}

static void
test_delete_cascades (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) release = make_full_release (store);
  g_autoptr (GError) error = NULL;
  const char *id = rp_record_get_id (release);
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, id);
  g_autofree char *section_id = g_strdup (rp_record_get_id (sections->pdata[0]));
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) risks = NULL;

  g_assert_true (rp_store_delete (store, RP_ENTITY_RELEASE, id, &error));
  g_assert_no_error (error);
  risks = rp_store_list (store, RP_ENTITY_RISK, id);
  items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, section_id);
  g_assert_cmpuint (risks->len, ==, 0);
  g_assert_cmpuint (items->len, ==, 0);
  for (RpEntity e = RP_ENTITY_OWNER; e < RP_N_ENTITIES; e++)
    g_assert_cmpuint (rp_store_count (store, e), ==, 0);
}

/* Validation */

typedef struct
{
  const char *name;
  RpEntity entity;
  const char *column;
  const char *text; /* NULL: the int below */
  gint64 number;
  const char *message;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "likelihood-high", RP_ENTITY_RISK, "likelihood", NULL, 9, "risk likelihood: must be 1..5" },
  { "impact-zero", RP_ENTITY_RISK, "impact", NULL, 0, "risk impact: must be 1..5" },
  { "empty-name", RP_ENTITY_RELEASE, "name", "   ", 0, "release name: must not be empty" },
  { "impossible-date", RP_ENTITY_RELEASE, "deploy", "2026-02-30", 0, "release deploy: must be a date" },
  { "not-a-date", RP_ENTITY_RELEASE, "code_complete", "next friday", 0, "must be a date YYYY-MM-DD" },
  { "bad-status", RP_ENTITY_RELEASE, "status", "shipped", 0, "must be one of planning|development" },
  { "bad-time", RP_ENTITY_RELEASE, "window_start", "25:00", 0, "must be a time HH:MM" },
  { "percent", RP_ENTITY_ROLLOUT_STAGE, "percent", NULL, 101, "must be 0..100" },
  { "unknown-person", RP_ENTITY_RISK, "owner_id", "no-such-person", 0, "There is no person with the id" },
  { "bad-state", RP_ENTITY_CHECKLIST_ITEM, "state", "skipped", 0, "must be one of open|done|na" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) row = make_row (store, c->entity, NULL);
  g_autoptr (RpRecord) bad = rp_record_copy (row);
  g_autoptr (RpRecord) fresh = NULL;
  g_autoptr (RpRecord) stored = NULL;
  g_autoptr (GError) error = NULL;

  if (c->text)
    rp_record_set_string (bad, c->column, c->text);
  else
    rp_record_set_int (bad, c->column, c->number);

  /* Refused on update, the row stays as it was... */
  g_assert_false (rp_store_update (store, bad, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, c->message));
  g_clear_error (&error);
  stored = rp_store_get (store, c->entity, rp_record_get_id (row), NULL);
  g_assert_true (rp_record_equal (stored, row) || c->entity == RP_ENTITY_RELEASE);

  /* ...and on insert, nothing is added. */
  fresh = rp_record_copy (bad);
  rp_record_set_id (fresh, "another-id");
  rp_record_set_position (fresh, -1);
  g_assert_false (rp_store_insert (store, fresh, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_object (&stored);
  stored = rp_store_get (store, c->entity, "another-id", NULL);
  g_assert_null (stored);
}

static void
test_component_owner_needs_component (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) owner = make_row (store, RP_ENTITY_OWNER, NULL);
  g_autoptr (GError) error = NULL;

  rp_record_set_null (owner, "component");
  g_assert_false (rp_store_update (store, owner, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rp_record_set_string (owner, "role", "on_call");
  g_assert_true (rp_store_update (store, owner, &error));
  g_assert_no_error (error);
}

/* People */

static void
test_person_in_use (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) risk = make_row (store, RP_ENTITY_RISK, NULL);
  g_autoptr (RpRecord) other = make_row (store, RP_ENTITY_PERSON, NULL);
  g_autoptr (RpRecord) still = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *owner = g_strdup (rp_record_get_string (risk, "owner_id"));

  g_assert_false (rp_store_delete (store, RP_ENTITY_PERSON, owner, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "still in use"));
  g_assert_nonnull (strstr (error->message, "risk"));
  g_clear_error (&error);
  still = rp_store_get (store, RP_ENTITY_PERSON, owner, &error);
  g_assert_no_error (error);

  /* Reassigned, the person can go. */
  rp_record_set_string (risk, "owner_id", rp_record_get_id (other));
  g_assert_true (rp_store_update (store, risk, &error));
  g_assert_true (rp_store_delete (store, RP_ENTITY_PERSON, owner, &error));
  g_assert_no_error (error);
}

static void
test_release_reference_cleared (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) dep = make_row (store, RP_ENTITY_DEPENDENCY, NULL);
  g_autoptr (RpRecord) other = make_row (store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (RpRecord) after = NULL;
  g_autoptr (RpRecord) restored = NULL;
  g_autoptr (GError) error = NULL;

  rp_record_set_string (dep, "kind", "release");
  rp_record_set_string (dep, "depends_on_release_id", rp_record_get_id (other));
  g_assert_true (rp_store_update (store, dep, &error));

  g_assert_true (rp_store_delete (store, RP_ENTITY_RELEASE, rp_record_get_id (other), &error));
  after = rp_store_get (store, RP_ENTITY_DEPENDENCY, rp_record_get_id (dep), &error);
  g_assert_no_error (error);
  g_assert_null (rp_record_get_string (after, "depends_on_release_id"));

  g_assert_true (rp_store_undo (store, &error));
  restored = rp_store_get (store, RP_ENTITY_DEPENDENCY, rp_record_get_id (dep), &error);
  g_assert_cmpstr (rp_record_get_string (restored, "depends_on_release_id"), ==, rp_record_get_id (other));
}

static RpRecord *
add_release (RpStore *store, const char *name)
{
  RpRecord *release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "name", name);
  g_assert_true (rp_store_insert (store, release, &error));
  g_assert_no_error (error);
  return release;
}

static gboolean
depend (RpStore *store, RpRecord *release, RpRecord *on, GError **error)
{
  g_autoptr (RpRecord) dep = rp_record_new (RP_ENTITY_DEPENDENCY);

  rp_record_set_string (dep, "release_id", rp_record_get_id (release));
  rp_record_set_string (dep, "title", "Needs the other release");
  rp_record_set_string (dep, "kind", "release");
  rp_record_set_string (dep, "depends_on_release_id", rp_record_get_id (on));
  return rp_store_insert (store, dep, error);
}

static void
test_dependency_cycle (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) a = add_release (store, "Alpha");
  g_autoptr (RpRecord) b = add_release (store, "Beta");
  g_autoptr (RpRecord) c = add_release (store, "Gamma");
  g_autoptr (GError) error = NULL;
  guint before;

  g_assert_true (depend (store, a, b, &error));
  g_assert_true (depend (store, b, c, &error));
  g_assert_no_error (error);
  before = rp_store_count (store, RP_ENTITY_DEPENDENCY);

  g_assert_false (depend (store, c, a, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CYCLE);
  g_assert_cmpstr (error->message, ==, "This dependency would make a cycle: Gamma → Alpha → Beta → Gamma.");
  g_clear_error (&error);
  g_assert_false (depend (store, a, a, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CYCLE);
  g_assert_nonnull (strstr (error->message, "Alpha"));
  g_clear_error (&error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_DEPENDENCY), ==, before);

  /* Not a cycle: two releases depending on the same one. */
  g_assert_true (depend (store, a, c, &error));
  g_assert_no_error (error);
}

/* The graph the check walks is read once per group and follows the
 * group's own writes: what a group added, changed or deleted counts for
 * the next dependency of the same group. */
static void
test_dependency_cycle_in_group (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) a = add_release (store, "Alpha");
  g_autoptr (RpRecord) b = add_release (store, "Beta");
  g_autoptr (RpRecord) c = add_release (store, "Gamma");
  g_autoptr (GPtrArray) deps = NULL;
  g_autoptr (RpRecord) moved = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_begin (store, "Dependencies", &error));
  g_assert_true (depend (store, a, b, &error));
  g_assert_true (depend (store, b, c, &error));
  g_assert_false (depend (store, c, a, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CYCLE);
  g_assert_cmpstr (error->message, ==, "This dependency would make a cycle: Gamma → Alpha → Beta → Gamma.");
  g_clear_error (&error);

  /* Beta → Gamma goes: Gamma may depend on Alpha. */
  deps = rp_store_list (store, RP_ENTITY_DEPENDENCY, rp_record_get_id (b));
  g_assert_cmpuint (deps->len, ==, 1);
  g_assert_true (rp_store_delete (store, RP_ENTITY_DEPENDENCY, rp_record_get_id (deps->pdata[0]), &error));
  g_assert_true (depend (store, c, a, &error));
  g_assert_no_error (error);

  /* Alpha → Beta becomes Alpha → Gamma, which closes a loop now. */
  g_clear_pointer (&deps, g_ptr_array_unref);
  deps = rp_store_list (store, RP_ENTITY_DEPENDENCY, rp_record_get_id (a));
  moved = rp_record_copy (deps->pdata[0]);
  rp_record_set_string (moved, "depends_on_release_id", rp_record_get_id (c));
  g_assert_false (rp_store_update (store, moved, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CYCLE);
  g_clear_error (&error);

  /* Gamma goes with its dependency on Alpha: then it may be depended on. */
  g_assert_true (rp_store_delete (store, RP_ENTITY_RELEASE, rp_record_get_id (c), &error));
  g_assert_true (depend (store, a, b, &error));
  g_assert_false (depend (store, b, a, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CYCLE);
  g_clear_error (&error);
  /* A refused write fails the whole group: nothing of it stays, and the
   * next group reads the graph afresh. */
  g_assert_false (rp_store_commit (store, &error));
  g_clear_error (&error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_DEPENDENCY), ==, 0);
  g_assert_true (depend (store, b, a, &error));
  g_assert_false (depend (store, a, b, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CYCLE);
}

/* Undo and redo */

static void
count_changed_cb (RpStore *store, int entity, const char *id, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_undo_insert_update (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GPtrArray) empty = snapshot (store);
  g_autoptr (RpRecord) release = make_row (store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (GPtrArray) created = snapshot (store);
  g_autoptr (RpRecord) renamed = rp_record_copy (release);
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &changes);
  rp_record_set_string (renamed, "name", "Renamed");
  g_assert_true (rp_store_update (store, renamed, &error));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Change release");

  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);
  assert_same_rows (store, created);
  g_assert_true (rp_store_undo (store, &error));
  assert_same_rows (store, empty);
  g_assert_false (rp_store_can_undo (store));
  g_assert_false (rp_store_undo (store, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rp_store_redo (store, &error));
  g_assert_true (rp_store_redo (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr (RpRecord) now = rp_store_get (store, RP_ENTITY_RELEASE, rp_record_get_id (release), &error);
    g_assert_cmpstr (rp_record_get_string (now, "name"), ==, "Renamed");
  }
  g_assert_false (rp_store_can_redo (store));
}

static void
test_undo_delete_cascade (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) release = make_full_release (store);
  g_autoptr (GPtrArray) before = snapshot (store);
  g_autoptr (GPtrArray) after_delete = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_delete (store, RP_ENTITY_RELEASE, rp_record_get_id (release), &error));
  after_delete = snapshot (store);
  g_assert_cmpuint (after_delete->len, <, before->len);
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Delete release");

  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  assert_same_rows (store, before);

  g_assert_true (rp_store_redo (store, &error));
  assert_same_rows (store, after_delete);
  g_assert_true (rp_store_undo (store, &error));
  assert_same_rows (store, before);
}

static void
test_undo_group (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GPtrArray) before = snapshot (store);
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &changes);
  g_assert_true (rp_store_begin (store, "Add a few", &error));
  g_clear_object (&(RpRecord *){ make_row (store, RP_ENTITY_RISK, NULL) });
  g_clear_object (&(RpRecord *){ make_row (store, RP_ENTITY_CHECKLIST_ITEM, NULL) });
  g_assert_cmpuint (changes, ==, 0); /* nothing is announced before the commit */
  g_assert_true (rp_store_commit (store, &error));
  g_assert_cmpuint (changes, >=, 6);
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Add a few");

  g_assert_true (rp_store_undo (store, &error));
  assert_same_rows (store, before);
  g_assert_false (rp_store_can_undo (store));
}

static void
test_rollback (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GPtrArray) before = snapshot (store);
  g_autoptr (RpRecord) bad = rp_record_new (RP_ENTITY_PERSON);
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &changes);
  g_assert_true (rp_store_begin (store, "Half", &error));
  g_clear_object (&(RpRecord *){ make_row (store, RP_ENTITY_RISK, NULL) });
  g_assert_false (rp_store_insert (store, bad, &error)); /* no name */
  rp_store_rollback (store);
  g_assert_cmpuint (changes, ==, 0);
  assert_same_rows (store, before);
  g_assert_false (rp_store_can_undo (store));
}

static void
test_undo_move (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) section = make_row (store, RP_ENTITY_CHECKLIST_SECTION, NULL);
  const char *sid = rp_record_get_id (section);
  g_autoptr (RpRecord) a = make_row (store, RP_ENTITY_CHECKLIST_ITEM, sid);
  g_autoptr (RpRecord) b = make_row (store, RP_ENTITY_CHECKLIST_ITEM, sid);
  g_autoptr (RpRecord) c = make_row (store, RP_ENTITY_CHECKLIST_ITEM, sid);
  g_autoptr (GPtrArray) moved = NULL;
  g_autoptr (GPtrArray) back = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_move (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (c), 0, &error));
  moved = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, sid);
  g_assert_cmpstr (rp_record_get_id (moved->pdata[0]), ==, rp_record_get_id (c));
  g_assert_cmpstr (rp_record_get_id (moved->pdata[1]), ==, rp_record_get_id (a));
  g_assert_cmpstr (rp_record_get_id (moved->pdata[2]), ==, rp_record_get_id (b));

  g_assert_true (rp_store_undo (store, &error));
  back = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, sid);
  g_assert_cmpstr (rp_record_get_id (back->pdata[0]), ==, rp_record_get_id (a));
  g_assert_cmpstr (rp_record_get_id (back->pdata[2]), ==, rp_record_get_id (c));
}

static void
test_settings (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) days = rp_store_get_deploy_days (store);
  g_auto (GStrv) changed = NULL;
  g_auto (GStrv) undone = NULL;
  const char *const default_days[] = { "mon", "tue", "wed", "thu", NULL };

  g_assert_true (g_strv_equal ((const char *const *) days, default_days));
  g_assert_false (rp_store_set_setting (store, "deploy_days", "mon,funday", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rp_store_set_setting (store, "deploy_days", "tue,wed", &error));
  changed = rp_store_get_deploy_days (store);
  g_assert_cmpuint (g_strv_length (changed), ==, 2);
  g_assert_true (rp_store_undo (store, &error));
  undone = rp_store_get_deploy_days (store);
  g_assert_true (g_strv_equal ((const char *const *) undone, default_days));
}

/* Two processes on one file */

static void
test_external_changes (void)
{
  g_autoptr (RpStore) window = open_store ();
  g_autoptr (RpStore) cli = open_store ();
  g_autoptr (RpRecord) release = make_row (window, RP_ENTITY_RELEASE, NULL);
  g_autoptr (RpRecord) theirs = NULL;
  g_autoptr (RpRecord) kept = NULL;
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  g_assert_false (rp_store_poll_external (window));
  g_signal_connect (window, "changed", G_CALLBACK (count_changed_cb), &changes);

  theirs = rp_store_get (cli, RP_ENTITY_RELEASE, rp_record_get_id (release), &error);
  rp_record_set_string (theirs, "name", "Renamed from the command line");
  g_assert_true (rp_store_update (cli, theirs, &error));

  g_assert_true (rp_store_poll_external (window));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (rp_store_poll_external (window));

  /* The window's undo would overwrite the other process's edit: refused. */
  g_assert_false (rp_store_undo (window, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "changed elsewhere"));
  kept = rp_store_get (window, RP_ENTITY_RELEASE, rp_record_get_id (release), NULL);
  g_assert_cmpstr (rp_record_get_string (kept, "name"), ==, "Renamed from the command line");
}

static void
test_find_release (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (RpRecord) a = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) b = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) found = NULL;
  g_autoptr (GError) error = NULL;

  rp_record_set_string (a, "name", "Spring Release");
  rp_record_set_string (a, "version", "2.4.0");
  rp_record_set_string (b, "name", "Hotfix");
  rp_record_set_string (b, "version", "2.4.0");
  g_assert_true (rp_store_insert (store, a, &error));
  g_assert_true (rp_store_insert (store, b, &error));

  found = rp_store_find_release (store, "spring release", &error);
  g_assert_cmpstr (rp_record_get_id (found), ==, rp_record_get_id (a));
  g_clear_object (&found);
  found = rp_store_find_release (store, rp_record_get_id (b), &error);
  g_assert_cmpstr (rp_record_get_id (found), ==, rp_record_get_id (b));
  g_clear_object (&found);

  found = rp_store_find_release (store, "2.4.0", &error);
  g_assert_null (found);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "Hotfix"));
  g_clear_error (&error);
  found = rp_store_find_release (store, "3.0", &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open/new-file", test_open_new);
  g_test_add_func ("/store/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/store/migrate/from-v2", test_migrate_from_v2);
  g_test_add_func ("/store/refuse/newer-schema", test_refuse_newer);
  g_test_add_func ("/store/refuse/not-a-database", test_refuse_not_database);
  g_test_add_func ("/store/refuse/another-application", test_refuse_foreign);
  g_test_add_func ("/store/refuse/read-only-location", test_refuse_read_only);
  for (RpEntity e = 0; e < RP_N_ENTITIES; e++)
    {
      g_autofree char *path = g_strdup_printf ("/store/crud/%s", rp_entity_get_info (e)->name);
      g_test_add_data_func (path, GUINT_TO_POINTER (e), test_crud);
    }
  g_test_add_func ("/store/crud/delete-cascades", test_delete_cascades);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/invalid/%s", invalid_cases[i].name);
      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }
  g_test_add_func ("/store/invalid/component-owner", test_component_owner_needs_component);
  g_test_add_func ("/store/people/in-use", test_person_in_use);
  g_test_add_func ("/store/references/release-cleared", test_release_reference_cleared);
  g_test_add_func ("/store/references/dependency-cycle", test_dependency_cycle);
  g_test_add_func ("/store/references/dependency-cycle-in-group", test_dependency_cycle_in_group);
  g_test_add_func ("/store/undo/insert-update", test_undo_insert_update);
  g_test_add_func ("/store/undo/delete-cascade", test_undo_delete_cascade);
  g_test_add_func ("/store/undo/group", test_undo_group);
  g_test_add_func ("/store/undo/rollback", test_rollback);
  g_test_add_func ("/store/undo/move", test_undo_move);
  g_test_add_func ("/store/undo/settings", test_settings);
  g_test_add_func ("/store/external/poll-and-undo-conflict", test_external_changes);
  g_test_add_func ("/store/find-release", test_find_release);

  return g_test_run ();
}
