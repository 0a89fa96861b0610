/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rp-format-json-private.h"
#include "rp-test-core.h"

RpStore *
rp_test_open_store_at (const char *path)
{
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A store of its own: G_TEST_OPTION_ISOLATE_DIRS gives every test its
 * own data dir. */
RpStore *
rp_test_open_store (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);

  return rp_test_open_store_at (path);
}

/* The node at @path in @root; *parent is the array or object that holds
 * it, with its *key (object) or *index (array, else G_MAXUINT). The last
 * member may be missing (NULL) when it is to be set. */
static JsonNode *
node_at_path (JsonNode *root, const char *path, JsonNode **parent, char **key, guint *index)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i]; i++)
    {
      char *bracket = strchr (parts[i], '[');
      guint at = 0;

      if (bracket != NULL)
        {
          at = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);
          *bracket = '\0';
        }
      *parent = node;
      g_free (*key);
      *key = g_strdup (parts[i]);
      *index = G_MAXUINT;
      node = json_object_get_member (json_node_get_object (node), parts[i]);
      if (node == NULL && parts[i + 1] == NULL && bracket == NULL)
        return NULL;
      if (node == NULL)
        g_error ("rp_test_edit_json: no “%s” in “%s”", parts[i], path);
      if (bracket != NULL)
        {
          *parent = node;
          *index = at;
          node = json_array_get_element (json_node_get_array (node), at);
        }
    }
  return node;
}

static JsonNode *
parse_value (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_error ("rp_test_edit_json: “%s”: %s", text, error->message);
  return json_node_copy (json_parser_get_root (parser));
}

char *
rp_test_edit_json (const char *json, const char *const *edits)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  GString *out = g_string_new (NULL);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, &error))
    g_error ("rp_test_edit_json: %s", error->message);
  root = json_parser_get_root (parser);
  for (guint i = 0; edits && edits[i]; i++)
    {
      gboolean remove = edits[i][0] == '-';
      g_autofree char *path = g_strdup (edits[i] + (remove ? 1 : 0));
      char *op = path + strcspn (path, "+=>");
      char kind = *op;
      const char *value = kind == '+' ? op + 2 : op + 1;
      g_autofree char *key = NULL;
      JsonNode *parent = NULL;
      JsonNode *node;
      guint index;

      *op = '\0';
      node = node_at_path (root, path, &parent, &key, &index);
      if (remove)
        json_array_remove_element (json_node_get_array (parent), index);
      else if (kind == '+')
        json_array_add_element (json_node_get_array (node), parse_value (value));
      else if (kind == '>')
        {
          JsonArray *array = json_node_get_array (parent);
          g_autoptr (GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
          guint to = (guint) g_ascii_strtoull (value, NULL, 10);

          for (guint j = 0; j < json_array_get_length (array); j++)
            g_ptr_array_add (elements, json_node_ref (json_array_get_element (array, j)));
          while (json_array_get_length (array) > 0)
            json_array_remove_element (array, 0);
          g_ptr_array_insert (elements, (gint) to, g_ptr_array_steal_index (elements, index));
          for (guint j = 0; j < elements->len; j++)
            json_array_add_element (array, json_node_ref (elements->pdata[j]));
        }
      else
        {
          g_assert (kind == '=' && index == G_MAXUINT);
          json_object_set_member (json_node_get_object (parent), key, parse_value (value));
        }
    }
  _rp_format_json_emit_node (out, root, 0, TRUE);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

RpStore *
rp_test_open_sample (void)
{
  RpStore *store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_sample_plan_load (store, &error));
  g_assert_no_error (error);
  return store;
}

RpRecord *
rp_test_find_release (RpStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  RpRecord *release = rp_store_find_release (store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (release);
  return release;
}

void
rp_test_assert_golden (const char *name, const char *actual, gsize length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  gsize expected_length = 0;

  if (g_getenv ("RP_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, actual, length, &error);
      g_assert_no_error (error);
    }
  g_file_get_contents (path, &expected, &expected_length, &error);
  g_assert_no_error (error);
  if (expected_length != length || memcmp (expected, actual, length) != 0)
    {
      g_autofree char *got = g_strndup (actual, length);

      g_test_message ("%s differs; run with RP_UPDATE_GOLDEN=1 and read the diff", name);
      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpuint (length, ==, expected_length);
    }
}

char *
rp_test_run_reader (const char *const *argv, const char *data, gsize length, const char *suffix)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_autofree char *message =
          g_strdup_printf ("%s is not installed (./build-aux/dev test installs it)", argv[0]);
      g_test_skip (message);
      return NULL;
    }
  dir = g_dir_make_tmp ("rp-reader-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_strconcat (dir, "/export", suffix, NULL);
  g_file_set_contents (file, data, length, &error);
  g_assert_no_error (error);

  g_ptr_array_add (args, program);
  for (guint i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (args, strcmp (argv[i], "@FILE@") == 0 ? file : (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("%s: %s", argv[0], err);
  g_assert_no_error (error);
  g_unlink (file);
  g_rmdir (dir);
  return out;
}

JsonNode *
rp_test_run_python (const char *script, const char *module, const char *data, gsize length,
                    const char *suffix)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, script, NULL);
  g_autofree char *check = g_strdup_printf ("import %s", module);
  const char *probe[] = { "/usr/bin/python3", "-c", check, NULL };
  const char *argv[] = { "/usr/bin/python3", path, "@FILE@", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  JsonNode *node;

  if (!g_file_test (probe[0], G_FILE_TEST_IS_EXECUTABLE) ||
      !g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *message =
          g_strdup_printf ("Python's %s is not installed (./build-aux/dev test installs it)", module);
      g_test_skip (message);
      return NULL;
    }
  out = rp_test_run_reader (argv, data, length, suffix);
  g_assert_nonnull (out);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

guint
rp_test_count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

const char *const rp_test_hostile_text =
    "=cmd|' /C calc'!A0 | b [x] `c` <b>x</b> <script>alert(1)</script>\n"
    "+1, \"quoted\" 'single'\r\n"
    "-1\n"
    "@here\r"
    "- [ ] task?\n"
    "1. one\n"
    "===\n"
    "# heading > quote\n"
    "    code\n"
    "\tTab \\ back\\slash\n"
    "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww"
    "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww\n"
    "Καλημέρα 日本語のテキスト \u202bمرحبا\u202c \u200fשלום\u200e 🚀🔥👩‍💻 ~~x~~ *y* _z_ [l](http://a.invalid)";

/* Rows with ids of their own, "hostile-1", "hostile-2", …, so that
 * exports that show ids (the UIDs of iCalendar) give the same bytes. */
static guint hostile_rows;

static char *
insert (RpStore *store, RpEntity entity, const char *const *pairs)
{
  g_autofree char *id = g_strdup_printf ("hostile-%u", ++hostile_rows);
  g_autoptr (RpRecord) record = rp_record_new_with_id (entity, id);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; pairs[i] != NULL; i += 2)
    rp_record_set_string (record, pairs[i], pairs[i + 1]);
  rp_store_insert (store, record, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (record));
}

char *
rp_test_add_hostile_release (RpStore *store)
{
  const char *h = rp_test_hostile_text;
  g_autofree char *person = NULL;
  g_autofree char *release = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *section = NULL;
  g_autofree char *id = NULL;

  hostile_rows = 0;
  person = insert (store, RP_ENTITY_PERSON, (const char *[]){ "name", h, NULL });
  release = insert (store, RP_ENTITY_RELEASE,
                    (const char *[]){ "name",
                                      h,
                                      "version",
                                      h,
                                      "summary",
                                      h,
                                      "status",
                                      "testing",
                                      "code_complete",
                                      "2027-03-01",
                                      "testing_start",
                                      "2027-03-02",
                                      "testing_end",
                                      "2027-03-10",
                                      "deploy",
                                      "2027-03-16",
                                      "window_start",
                                      "06:00",
                                      "window_end",
                                      "08:00",
                                      "window_timezone",
                                      h,
                                      "rollback_plan",
                                      h,
                                      "monitoring_plan",
                                      h,
                                      "release_notes",
                                      h,
                                      "released_at",
                                      "2027-03-16",
                                      "postmortem",
                                      "scheduled",
                                      "postmortem_date",
                                      "2027-03-20",
                                      "feedback",
                                      h,
                                      NULL });
  g_free (insert (store, RP_ENTITY_OWNER,
                  (const char *[]){ "release_id", release, "role", "release_manager", "person_id", person,
                                    NULL }));
  g_free (insert (store, RP_ENTITY_OWNER,
                  (const char *[]){ "release_id", release, "role", "on_call", "person_id", person, NULL }));
  g_free (insert (store, RP_ENTITY_OWNER,
                  (const char *[]){ "release_id", release, "role", "component", "person_id", person,
                                    "component", h, NULL }));
  scope = insert (store, RP_ENTITY_SCOPE_ITEM,
                  (const char *[]){ "release_id", release, "title", h, "description", h, "status", "done",
                                    "owner_id", person, "feature_flag", h, NULL });
  dropped = insert (store, RP_ENTITY_SCOPE_ITEM,
                    (const char *[]){ "release_id", release, "title", h, "description", h, "status",
                                      "dropped", NULL });
  g_free (insert (store, RP_ENTITY_CRITERION, (const char *[]){ "scope_item_id", scope, "text", h, NULL }));
  id = insert (store, RP_ENTITY_CRITERION, (const char *[]){ "scope_item_id", scope, "text", h, NULL });
  {
    g_autoptr (RpRecord) met = rp_store_get (store, RP_ENTITY_CRITERION, id, NULL);

    rp_record_set_bool (met, "met", TRUE);
    g_assert_true (rp_store_update (store, met, NULL));
  }
  g_free (insert (store, RP_ENTITY_DEPENDENCY,
                  (const char *[]){ "release_id", release, "title", h, "kind", "vendor", "owner_id", person,
                                    "due", "2027-02-20", "notes", h, NULL }));
  g_free (insert (store, RP_ENTITY_RISK,
                  (const char *[]){ "release_id", release, "title", h, "mitigation", h, "owner_id", person,
                                    NULL }));
  g_free (insert (store, RP_ENTITY_ROLLOUT_STAGE,
                  (const char *[]){ "release_id", release, "name", h, "criteria", h, NULL }));
  g_free (insert (store, RP_ENTITY_FEATURE_FLAG,
                  (const char *[]){ "release_id", release, "key", h, "cleanup_due", "2027-04-01", NULL }));
  section =
      insert (store, RP_ENTITY_CHECKLIST_SECTION, (const char *[]){ "release_id", release, "name", h, NULL });
  g_free (insert (store, RP_ENTITY_CHECKLIST_ITEM,
                  (const char *[]){ "section_id", section, "text", h, "assignee_id", person, "due",
                                    "2027-03-12", "notes", h, NULL }));
  g_free (insert (store, RP_ENTITY_CHECKLIST_ITEM,
                  (const char *[]){ "section_id", section, "text", h, "state", "done", NULL }));
  g_free (insert (store, RP_ENTITY_DECISION,
                  (const char *[]){ "release_id", release, "at", "2027-03-15T09:30:00Z", "decision", "no_go",
                                    "by_id", person, "notes", h, NULL }));
  g_free (insert (store, RP_ENTITY_FREEZE_WINDOW,
                  (const char *[]){ "name", h, "start_date", "2027-03-05", "end_date", "2027-03-06", "reason",
                                    h, NULL }));
  {
    g_autoptr (RpRecord) risky = rp_store_get (store, RP_ENTITY_SCOPE_ITEM, scope, NULL);

    rp_record_set_bool (risky, "risky", TRUE);
    g_assert_true (rp_store_update (store, risky, NULL));
  }
  return g_steal_pointer (&release);
}

void
rp_test_fill_plan (RpStore *store, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) samples = NULL;

  g_assert_true (rp_sample_plan_load (store, &error));
  g_assert_no_error (error);
  samples = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  for (guint i = samples->len; i < n; i++)
    {
      RpRelease *from = samples->pdata[i % samples->len];
      g_autofree char *name = g_strdup_printf ("%s #%u", rp_release_get_name (from), i);
      g_autofree char *id =
          rp_release_duplicate (store, rp_record_get_id (RP_RECORD (from)), name, NULL, &error);
      g_autoptr (RpRecord) copy = rp_store_get (store, RP_ENTITY_RELEASE, id, &error);
      const char *const dates[] = { "code_complete", "testing_start", "testing_end", "deploy" };

      /* a duplicate starts without dates: give it the milestones too */
      g_assert_no_error (error);
      for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
        rp_record_set_string (copy, dates[d], rp_record_get_string (RP_RECORD (from), dates[d]));
      g_assert_true (rp_store_update (store, copy, &error));
    }
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_RELEASE), ==, MAX (n, samples->len));
}

void
rp_test_remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

RpRecord *
rp_test_insert (RpStore *store, RpEntity entity, const char *parent_column, const char *parent_id, ...)
{
  RpRecord *record = rp_record_new (entity);
  g_autoptr (GError) error = NULL;
  const char *column;
  va_list args;

  if (parent_column != NULL)
    rp_record_set_string (record, parent_column, parent_id);
  va_start (args, parent_id);
  while ((column = va_arg (args, const char *)) != NULL)
    rp_record_set_string (record, column, va_arg (args, const char *));
  va_end (args);
  g_assert_true (rp_store_insert (store, record, &error));
  g_assert_no_error (error);
  return record;
}
