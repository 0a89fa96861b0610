/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-format-csv.h"
#include "rp-test-core.h"

/* The CSV for Jira: golden files of the sample plan, RFC 4180 checked
 * byte by byte, and the cells read back by Python's csv module. */

static char *
export_csv (RpStore *store, const char *release_id)
{
  g_autoptr (GError) error = NULL;
  char *csv = rp_format_csv_jira (store, release_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  return csv;
}

/* RFC 4180: every record ends with CRLF, a quote inside a quoted cell is
 * doubled, a bare cell has no quote. Returns the number of records. */
static guint
check_rfc4180 (const char *csv)
{
  gboolean quoted = FALSE, cell_start = TRUE;
  guint records = 0;

  for (const char *p = csv; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            p++;
          else if (*p == '"')
            {
              quoted = FALSE;
              g_assert_true (p[1] == ',' || p[1] == '\r' || p[1] == '\0');
            }
          continue;
        }
      if (*p == '"')
        {
          g_assert_true (cell_start);
          quoted = TRUE;
          cell_start = FALSE;
          continue;
        }
      g_assert_cmpint (*p, !=, '\n'); /* a bare LF ends no record */
      if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          records++;
          cell_start = TRUE;
          continue;
        }
      cell_start = *p == ',';
    }
  g_assert_false (quoted);
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  return records;
}

/* The rows as Python's csv module reads them, or NULL (skipped). */
static JsonArray *
read_back (const char *csv, JsonNode **node)
{
  *node = rp_test_run_python ("read-csv.py", "csv", csv, strlen (csv), ".csv");
  if (*node == NULL)
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*node));
  return json_node_get_array (*node);
}

static const char *
cell (JsonArray *rows, guint row, guint column)
{
  JsonArray *cells = json_array_get_array_element (rows, row);

  g_assert_cmpuint (json_array_get_length (cells), ==, 9);
  return json_array_get_string_element (cells, column);
}

static void
test_sample (void)
{
  g_autoptr (RpStore) store = rp_test_open_sample ();
  g_autoptr (RpRecord) mobile = rp_test_find_release (store, "Mobile app 5.0");
  g_autofree char *one = export_csv (store, rp_record_get_id (mobile));
  g_autofree char *all = export_csv (store, NULL);
  g_autoptr (JsonNode) node = NULL;
  JsonArray *rows;
  guint epics = 0;

  rp_test_assert_golden ("jira-mobile.csv", one, strlen (one));
  rp_test_assert_golden ("jira-sample.csv", all, strlen (all));
  /* header, epic, 3 scope items, 17 checklist items */
  g_assert_cmpuint (check_rfc4180 (one), ==, 1 + 1 + 3 + 17);
  g_assert_cmpuint (check_rfc4180 (all), ==, 1 + 4 + 3 + 3 + 3 + 2 + 4 * 17);

  if ((rows = read_back (all, &node)) == NULL)
    return;
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + 4 + 11 + 4 * 17);
  for (guint c = 0; rp_csv_jira_columns[c] != NULL; c++)
    g_assert_cmpstr (cell (rows, 0, c), ==, rp_csv_jira_columns[c]);
  /* the epics first, then their children, each pointing at its epic */
  for (guint r = 1; r < json_array_get_length (rows); r++)
    {
      g_autofree char *id = g_strdup_printf ("%u", r);

      g_assert_cmpstr (cell (rows, r, 0), ==, id);
      if (r <= 4)
        {
          g_assert_cmpstr (cell (rows, r, 2), ==, "Epic");
          g_assert_cmpstr (cell (rows, r, 1), ==, "");
          epics++;
        }
      else
        {
          guint parent = atoi (cell (rows, r, 1));

          g_assert_cmpuint (parent, >=, 1);
          g_assert_cmpuint (parent, <=, 4);
          g_assert_true (g_str_equal (cell (rows, r, 2), "Story") || g_str_equal (cell (rows, r, 2), "Task"));
        }
    }
  g_assert_cmpuint (epics, ==, 4);
  g_assert_cmpstr (cell (rows, 1, 3), ==, "Payments platform 2027.1");
  g_assert_cmpstr (cell (rows, 1, 5), ==, "maya.okafor@northwind.example");
  g_assert_cmpstr (cell (rows, 1, 6), ==, "2027-02-09");
  g_assert_cmpstr (cell (rows, 1, 8), ==, "2027.1.0");
  /* the first story: acceptance criteria in its description */
  g_assert_cmpstr (cell (rows, 5, 3), ==, "Route card payments through the new provider");
  g_assert_cmpstr (cell (rows, 5, 1), ==, "1");
  g_assert_cmpstr (
      cell (rows, 5, 4), ==,
      "All card authorisations and captures go through the new PSP; the old one stays as a fallback "
      "for 30 days.\n\nAcceptance criteria:\n"
      "* [ ] Authorisation success rate at least as high as with the old provider over 7 days\n"
      "* [ ] Refunds of payments taken by the old provider still work\n\n"
      "Status: In progress\nRisky: yes\nFeature flag: psp-v2-routing");
}

static void
test_hostile (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *id = rp_test_add_hostile_release (store);
  g_autofree char *csv = export_csv (store, id);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GString) lf = g_string_new (rp_test_hostile_text);
  g_autofree char *description = NULL;
  JsonArray *rows;

  rp_test_assert_golden ("jira-hostile.csv", csv, strlen (csv));
  /* header, epic, 2 scope items, 2 checklist items */
  g_assert_cmpuint (check_rfc4180 (csv), ==, 6);
  if ((rows = read_back (csv, &node)) == NULL)
    return;
  g_assert_cmpuint (json_array_get_length (rows), ==, 6);

  /* no cell starts what a spreadsheet runs */
  for (guint r = 0; r < 6; r++)
    for (guint c = 0; c < 9; c++)
      {
        const char *text = cell (rows, r, c);

        if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
          g_error ("row %u, column %u starts a formula: %s", r, c, text);
      }

  /* every text back as it was, but for the "'" before a formula and one
   * kind of line break */
  g_string_replace (lf, "\r\n", "\n", 0);
  g_string_replace (lf, "\r", "\n", 0);
  description = g_strdup_printf ("'%s\n\nAcceptance criteria:\n", lf->str);
  g_assert_true (g_str_has_prefix (cell (rows, 2, 4), description));
  g_assert_cmpstr (cell (rows, 2, 2), ==, "Story");
  g_assert_cmpstr (cell (rows, 2, 1), ==, "1");
  g_assert_cmpstr (cell (rows, 4, 2), ==, "Task");
  g_assert_cmpint (cell (rows, 4, 4)[0], ==, '\'');
  g_assert_true (g_str_has_prefix (cell (rows, 4, 4) + 1, lf->str));
  /* the assignee has no email: the name, on one cell */
  g_assert_true (g_str_has_prefix (cell (rows, 4, 5), "'=cmd|' /C calc'!A0"));
  g_assert_nonnull (strstr (cell (rows, 4, 5), "\u200fשלום\u200e 🚀🔥👩‍💻"));
  /* summaries: one line, at most 255 characters, ending in an ellipsis */
  for (guint r = 1; r < 6; r++)
    {
      const char *summary = cell (rows, r, 3);

      g_assert_null (strchr (summary, '\n'));
      g_assert_cmpuint (g_utf8_strlen (summary, -1), <=, 255 + 1);
      g_assert_true (g_str_has_prefix (summary, "'=cmd|' /C calc'!A0 | b [x] `c` <b>x</b>"));
      g_assert_true (g_str_has_suffix (summary, "…"));
    }
  /* the version, a formula too, neutralised in every row */
  g_assert_cmpuint (cell (rows, 1, 8)[0], ==, '\'');
}

typedef struct
{
  const char *in;
  const char *out;
} CellCase;

static const CellCase cell_cases[] = {
  { "plain", "plain" },
  { NULL, "" },
  { "", "" },
  { "a,b", "\"a,b\"" },
  { "say \"hi\"", "\"say \"\"hi\"\"\"" },
  { "one\r\ntwo\rthree\nfour", "\"one\ntwo\nthree\nfour\"" },
  { " padded ", "\" padded \"" },
  { "=1+1", "'=1+1" },
  { "+1", "'+1" },
  { "-1", "'-1" },
  { "@SUM(A1)", "'@SUM(A1)" },
  { "\tx", "'\tx" },
  { "\rx", "\"'\nx\"" },
  { "＝1+1", "'＝1+1" },
  { "=HYPERLINK(\"http://x.invalid\",\"a,b\")", "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"a,b\"\")\"" },
  { "a=1", "a=1" },
  { "2027-01-01", "2027-01-01" },
  { "'quoted'", "'quoted'" },
  { "日本語 🚀", "日本語 🚀" },
  { "bad \xff byte", "bad \xef\xbf\xbd byte" },
};

static void
test_cell (gconstpointer data)
{
  const CellCase *c = data;
  g_autoptr (GString) out = g_string_new (NULL);

  rp_csv_append_cell (out, c->in);
  g_assert_cmpstr (out->str, ==, c->out);
}

static void
test_not_found (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *empty = NULL;

  g_assert_null (rp_format_csv_jira (store, "no-such-release", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  /* no releases: the header alone */
  empty = export_csv (store, NULL);
  g_assert_cmpstr (
      empty, ==, "Issue ID,Parent,Issue Type,Summary,Description,Assignee,Due Date,Labels,Fix Version/s\r\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/jira/sample", test_sample);
  g_test_add_func ("/csv/jira/hostile", test_hostile);
  g_test_add_func ("/csv/jira/not-found", test_not_found);
  for (guint i = 0; i < G_N_ELEMENTS (cell_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/cell/%u", i);
      g_test_add_data_func (path, &cell_cases[i], test_cell);
    }

  return g_test_run ();
}
