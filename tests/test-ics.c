/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-test-core.h"

/* iCalendar: the export (golden files, read back by python3-icalendar)
 * and the import of freeze windows from tests/data/holidays.ics. */

#define PAYMENTS "63689aa3-9ce5-532e-8fd8-bff006e832c8"

static char *
export_ics (RpStore *store, const char *release_id)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 2, 9, 30, 0);
  g_autoptr (GError) error = NULL;
  char *ics = rp_format_ics_export (store, release_id, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ics);
  return ics;
}

static JsonObject *
read_back (const char *ics, JsonNode **node)
{
  JsonObject *calendar;

  *node = rp_test_run_python ("read-ics.py", "icalendar", ics, strlen (ics), ".ics");
  if (*node == NULL)
    return NULL;
  calendar = json_node_get_object (*node);
  /* every line within 75 octets and ended by CRLF */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (calendar, "bad_lines")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (calendar, "version"), ==, "2.0");
  return calendar;
}

static JsonObject *
event_at (JsonObject *calendar, guint i)
{
  return json_array_get_object_element (json_object_get_array_member (calendar, "events"), i);
}

static void
assert_event (JsonObject *calendar, guint i, const char *uid, const char *summary, const char *start,
              const char *end)
{
  JsonObject *event = event_at (calendar, i);

  g_assert_cmpstr (json_object_get_string_member (event, "uid"), ==, uid);
  g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==, summary);
  g_assert_cmpstr (json_object_get_string_member (event, "start"), ==, start);
  g_assert_cmpstr (json_object_get_string_member (event, "end"), ==, end);
  g_assert_true (json_object_get_boolean_member (event, "all_day"));
  g_assert_cmpstr (json_object_get_string_member (event, "transp"), ==, "TRANSPARENT");
  g_assert_cmpstr (json_object_get_string_member (event, "stamp"), ==, "2026-11-02T09:30:00Z");
}

static void
test_export_sample (void)
{
  g_autoptr (RpStore) store = rp_test_open_sample ();
  g_autofree char *all = export_ics (store, NULL);
  g_autofree char *payments = export_ics (store, PAYMENTS);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *calendar;

  rp_test_assert_golden ("calendar-sample.ics", all, strlen (all));
  rp_test_assert_golden ("calendar-payments.ics", payments, strlen (payments));

  if ((calendar = read_back (payments, &node)) == NULL)
    return;
  g_assert_cmpstr (json_object_get_string_member (calendar, "name"), ==, "Payments platform 2027.1");
  /* five milestones; the year-end freeze is before it */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (calendar, "events")), ==, 5);
  assert_event (calendar, 0, PAYMENTS ".code-complete@releaseplanner.invalid",
                "Payments platform 2027.1: code complete", "2027-01-20", "2027-01-21");
  assert_event (calendar, 1, PAYMENTS ".testing@releaseplanner.invalid", "Payments platform 2027.1: testing",
                "2027-01-21", "2027-02-04");
  /* three buffer days before the deploy of 9 February */
  assert_event (calendar, 2, PAYMENTS ".buffer@releaseplanner.invalid",
                "Payments platform 2027.1: buffer before the deploy", "2027-02-06", "2027-02-09");
  assert_event (calendar, 3, PAYMENTS ".deploy@releaseplanner.invalid", "Payments platform 2027.1: deploy",
                "2027-02-09", "2027-02-10");
  g_assert_cmpstr (
      json_object_get_string_member (event_at (calendar, 3), "description"), ==,
      "Version 2027.1.0\nDeploy window: 06:00–08:00 Europe/Berlin\nMoves card payments to the new "
      "payment service provider and adds SEPA direct debit for EU customers.");
  /* 48 hours after the deploy starts */
  assert_event (calendar, 4, PAYMENTS ".monitoring-end@releaseplanner.invalid",
                "Payments platform 2027.1: end of monitoring", "2027-02-11", "2027-02-12");
  g_clear_pointer (&node, json_node_unref);

  /* the whole plan: every release's milestones and the freeze window */
  calendar = read_back (all, &node);
  g_assert_cmpstr (json_object_get_string_member (calendar, "name"), ==, "Release Planner");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (calendar, "events")), ==, 4 * 5 + 1);
  assert_event (calendar, 20, "74c5679a-476d-57c5-9a0b-2c8d306f3e7c.freeze@releaseplanner.invalid",
                "Freeze: Year-end freeze", "2026-12-18", "2027-01-05");
}

static void
test_export_hostile (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *id = rp_test_add_hostile_release (store);
  g_autofree char *ics = export_ics (store, id);
  g_autofree char *summary = NULL;
  g_autoptr (GString) lf = g_string_new (rp_test_hostile_text);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *calendar;

  rp_test_assert_golden ("calendar-hostile.ics", ics, strlen (ics));
  if ((calendar = read_back (ics, &node)) == NULL)
    return;
  /* five milestones and the freeze window within them */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (calendar, "events")), ==, 6);
  /* the text back as it was, with one kind of line break */
  g_string_replace (lf, "\r\n", "\n", 0);
  g_string_replace (lf, "\r", "\n", 0);
  summary = g_strdup_printf ("%s: code complete", lf->str);
  g_assert_cmpstr (json_object_get_string_member (event_at (calendar, 0), "summary"), ==, summary);
  g_assert_cmpstr (json_object_get_string_member (event_at (calendar, 0), "start"), ==, "2027-03-01");
  g_assert_cmpstr (json_object_get_string_member (event_at (calendar, 5), "description"), ==, lf->str);
  g_assert_cmpstr (json_object_get_string_member (event_at (calendar, 5), "start"), ==, "2027-03-05");
  g_assert_cmpstr (json_object_get_string_member (event_at (calendar, 5), "end"), ==, "2027-03-07");
  /* the calendar's name on one line */
  g_assert_true (
      g_str_has_prefix (json_object_get_string_member (calendar, "name"), "=cmd|' /C calc'!A0 | b"));
  g_assert_null (strchr (json_object_get_string_member (calendar, "name"), '\n'));
}

static RpIcsFreezeImport *
read_holidays (RpStore *store, const char *data, const char *from, const char *to)
{
  g_autofree char *ics = NULL;
  g_autoptr (GError) error = NULL;
  GDate first, last;
  RpIcsFreezeImport *import;

  if (data == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "holidays.ics", NULL);

      g_file_get_contents (path, &ics, NULL, &error);
      g_assert_no_error (error);
      data = ics;
    }
  g_assert_true (rp_date_parse_into (from, &first));
  g_assert_true (rp_date_parse_into (to, &last));
  import = rp_format_ics_read_freezes (store, data, strlen (data), &first, &last, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* "start end name" of each window, one a line, sorted. */
static char *
describe (GPtrArray *windows)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < windows->len; i++)
    {
      RpFreezeWindow *window = windows->pdata[i];

      g_ptr_array_add (lines, g_strdup_printf ("%s %s %s", rp_freeze_window_get_start_date (window),
                                               rp_freeze_window_get_end_date (window),
                                               rp_freeze_window_get_name (window)));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (out, FALSE);
}

static const char expected_2027[] = "2027-01-01 2027-01-01 New Year's Day\n"
                                    "2027-01-02 2027-01-03 Network maintenance\n"
                                    "2027-02-13 2027-02-14 Network maintenance (moved)\n"
                                    "2027-03-31 2027-04-02 Change freeze for the annual audit\n"
                                    "2027-04-03 2027-04-04 Network maintenance\n"
                                    "2027-05-01 2027-05-02 Network maintenance\n"
                                    "2027-05-20 2027-05-21 Datacenter move\n"
                                    "2027-06-05 2027-06-06 Network maintenance\n"
                                    "2027-08-02 2027-08-13 Summer shutdown\n";

static void
test_import_holidays (void)
{
  g_autoptr (RpStore) store = rp_test_open_sample ();
  g_autoptr (RpIcsFreezeImport) import = read_holidays (store, NULL, "2027-01-01", "2027-12-31");
  g_autoptr (RpIcsFreezeImport) again = NULL;
  g_autoptr (GPtrArray) windows = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *added = describe (import->added);
  guint before = rp_store_count (store, RP_ENTITY_FREEZE_WINDOW);

  /* eight events: New Year's Day every year since 2020 (2027 in the
   * range), the summer shutdown (DTEND is the day after), the audit
   * freeze (timed: the days it touches), the monthly maintenance (six
   * first Saturdays, one excluded, one moved, each 22:00 to 02:00), the
   * data centre move (UTC, two hours over midnight), a cancelled offsite
   * and last year's Christmas */
  g_assert_cmpuint (import->events, ==, 8);
  g_assert_cmpstr (added, ==, expected_2027);
  g_assert_cmpuint (import->changed->len, ==, 0);
  g_assert_cmpuint (import->unchanged, ==, 0);
  /* a preview writes nothing */
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_FREEZE_WINDOW), ==, before);
  for (guint i = 0; i < import->added->len; i++)
    if (g_str_equal (rp_freeze_window_get_name (import->added->pdata[i]), "Summer shutdown"))
      g_assert_cmpstr (rp_freeze_window_get_reason (import->added->pdata[i]), ==,
                       "Two weeks with a skeleton crew:\nno deploys.");

  g_assert_true (rp_format_ics_apply_freezes (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_FREEZE_WINDOW), ==, before + 9);

  /* the same file again adds nothing */
  again = read_holidays (store, NULL, "2027-01-01", "2027-12-31");
  g_assert_cmpuint (again->added->len, ==, 0);
  g_assert_cmpuint (again->changed->len, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 9);
  g_assert_true (rp_format_ics_apply_freezes (store, again, &error));
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_FREEZE_WINDOW), ==, before + 9);

  /* one undo step takes the whole import back */
  g_assert_cmpstr (rp_store_get_undo_label (store), ==, "Import freeze windows");
  g_assert_true (rp_store_undo (store, &error));
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_FREEZE_WINDOW), ==, before);
  windows = rp_store_list (store, RP_ENTITY_FREEZE_WINDOW, NULL);
  g_assert_cmpstr (rp_freeze_window_get_name (windows->pdata[0]), ==, "Year-end freeze");
}

static void
test_import_changed (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (RpIcsFreezeImport) first = read_holidays (store, NULL, "2027-01-01", "2027-06-30");
  g_autoptr (RpIcsFreezeImport) moved = NULL;
  g_autoptr (RpIcsFreezeImport) by_hand = NULL;
  g_autoptr (RpRecord) window = rp_record_new (RP_ENTITY_FREEZE_WINDOW);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "holidays.ics", NULL);
  g_autofree char *ics = NULL;
  g_autoptr (GString) edited = NULL;
  g_autoptr (GError) error = NULL;

  /* the range cuts the summer shutdown */
  g_assert_cmpuint (first->added->len, ==, 8);
  g_assert_true (rp_format_ics_apply_freezes (store, first, &error));

  /* the calendar moved the audit freeze by a day */
  g_file_get_contents (path, &ics, NULL, &error);
  edited = g_string_new (ics);
  g_assert_cmpuint (g_string_replace (edited, "20270402T060000", "20270403T060000", 0), ==, 1);
  moved = read_holidays (store, edited->str, "2027-01-01", "2027-06-30");
  g_assert_cmpuint (moved->added->len, ==, 0);
  g_assert_cmpuint (moved->unchanged, ==, 7);
  g_assert_cmpuint (moved->changed->len, ==, 1);
  g_assert_cmpstr (rp_freeze_window_get_end_date (moved->changed->pdata[0]), ==, "2027-04-03");
  g_assert_true (rp_format_ics_apply_freezes (store, moved, &error));
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_FREEZE_WINDOW), ==, 8);

  /* a freeze window entered by hand with the same name and days is
   * not added again */
  rp_record_set_string (window, "name", "Summer shutdown");
  rp_record_set_string (window, "start_date", "2027-08-02");
  rp_record_set_string (window, "end_date", "2027-08-13");
  g_assert_true (rp_store_insert (store, window, &error));
  by_hand = read_holidays (store, NULL, "2027-07-01", "2027-12-31");
  g_assert_cmpuint (by_hand->added->len, ==, 0);
  g_assert_cmpuint (by_hand->unchanged, ==, 1);
}

static void
test_import_errors (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RpIcsFreezeImport) empty = NULL;
  const char *const not_ics[] = { "", "hello", "{\"format\": \"release-planner/plan\"}",
                                  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\xff\r\n" };
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, 1, 2027);
  to = from;
  for (guint i = 0; i < G_N_ELEMENTS (not_ics); i++)
    {
      g_assert_null (rp_format_ics_read_freezes (store, not_ics[i], strlen (not_ics[i]), &from, &to, &error));
      g_assert_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_SYNTAX);
      g_clear_error (&error);
    }
  g_assert_null (
      rp_format_ics_read_freezes (store, "BEGIN:VCALENDAR", RP_ICS_MAX_BYTES + 1, &from, &to, &error));
  g_assert_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* a calendar without events is no error: nothing to add */
  empty = rp_format_ics_read_freezes (store, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", 42, &from,
                                      &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->events, ==, 0);
  g_assert_cmpuint (empty->added->len, ==, 0);
  g_assert_true (rp_format_ics_apply_freezes (store, empty, &error));
  g_assert_false (rp_store_can_undo (store));
}

int
main (int argc, char **argv)
{
  /* timed UTC events are read in the local time zone */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ics/export/sample", test_export_sample);
  g_test_add_func ("/ics/export/hostile", test_export_hostile);
  g_test_add_func ("/ics/import/holidays", test_import_holidays);
  g_test_add_func ("/ics/import/changed", test_import_changed);
  g_test_add_func ("/ics/import/errors", test_import_errors);

  return g_test_run ();
}
