/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"
#include "rp-format-csv.h"
#include "rp-format-text.h"
#include "rp-records.h"
#include "rp-release.h"

/* CSV for Jira's CSV importer (Jira Cloud and Data Center, System >
 * External System Import > CSV), following what Atlassian documents:
 *
 *  - "Importing data from CSV" (Jira Cloud administration): the header row
 *    names the fields and must have a Summary column; any content with
 *    commas or line breaks is enclosed in double quotes; user fields take
 *    email addresses ("Prepare a CSV file for import": "Use email
 *    addresses when adding people as assignees").
 *  - "CSV import Parent-child mapping" (Jira Cloud knowledge base, April
 *    2024, after Epic Link was deprecated): give each row an "Issue ID",
 *    put the parent's Issue ID in the child's "Parent" column, and list
 *    the rows in the order of the hierarchy: epics first, then the
 *    standard issue types (Story, Task), then sub-tasks. The Issue IDs
 *    only link the rows of one file, so they are numbers counted here,
 *    as in Atlassian's examples, not our UUIDs.
 *  - Dates: the import wizard parses them with the Java SimpleDateFormat
 *    pattern entered in its "Date format" setting (the default is
 *    "dd/MMM/yy h:mm a"); we write ISO dates and the README says to enter
 *    "yyyy-MM-dd" there.
 *
 * Quoting is RFC 4180: CRLF between records, a cell with a comma, a
 * double quote, a line break or spaces at its ends in double quotes, its
 * double quotes doubled; line breaks inside a cell are LF. A cell that
 * starts with "=", "+", "-", "@", a tab or a CR (or their full-width
 * forms, which spreadsheets in East Asian locales also evaluate) gets a
 * leading "'", as OWASP's "CSV Injection" page recommends, so that no
 * spreadsheet opening the file runs it as a formula: Jira shows the "'".
 * Jira's summaries are one line of at most 255 characters. */

const char *const rp_csv_jira_columns[] = {
  "Issue ID", "Parent",   "Issue Type", "Summary",       "Description",
  "Assignee", "Due Date", "Labels",     "Fix Version/s", NULL,
};

enum
{
  COL_ID,
  COL_PARENT,
  COL_TYPE,
  COL_SUMMARY,
  COL_DESCRIPTION,
  COL_ASSIGNEE,
  COL_DUE,
  COL_LABELS,
  COL_VERSION,
  N_COLS
};

#define SUMMARY_MAX_CHARS 255

static gboolean
starts_formula (const char *text)
{
  static const char *const full_width[] = { "\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0" };

  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (full_width); i++)
    if (g_str_has_prefix (text, full_width[i]))
      return TRUE;
  return FALSE;
}

void
rp_csv_append_cell (GString *out, const char *text)
{
  g_autofree char *valid = NULL;
  GString *cell;
  gboolean quote;

  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    return;
  valid = g_utf8_make_valid (text, -1);
  cell = g_string_new (NULL);
  if (starts_formula (valid))
    g_string_append_c (cell, '\'');
  g_string_append (cell, valid);
  /* one kind of line break inside a cell */
  g_string_replace (cell, "\r\n", "\n", 0);
  g_string_replace (cell, "\r", "\n", 0);

  quote = strpbrk (cell->str, ",\"\n") != NULL || cell->str[0] == ' ' || cell->str[cell->len - 1] == ' ';
  if (quote)
    {
      g_string_replace (cell, "\"", "\"\"", 0);
      g_string_prepend_c (cell, '"');
      g_string_append_c (cell, '"');
    }
  g_string_append_len (out, cell->str, cell->len);
  g_string_free (cell, TRUE);
}

static void
append_row (GString *out, char **cells)
{
  for (guint i = 0; i < N_COLS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      rp_csv_append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

/* One line of at most SUMMARY_MAX_CHARS characters. */
static char *
summary_of (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (valid), "\r\n\t", -1);
  g_autofree char *line = g_strjoinv (" ", words);

  if (g_utf8_strlen (line, -1) <= SUMMARY_MAX_CHARS)
    return g_steal_pointer (&line);
  *g_utf8_offset_to_pointer (line, SUMMARY_MAX_CHARS - 1) = '\0';
  return g_strconcat (line, "…", NULL);
}

typedef struct
{
  GString *out;
  RpStore *store;
  guint next_id;
} Csv;

/* The cells of one row; the strings are owned by the row. */
typedef struct
{
  char *cells[N_COLS];
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < N_COLS; i++)
    g_clear_pointer (&row->cells[i], g_free);
}

static void
row_start (Csv *csv, Row *row, guint parent, const char *type, const char *summary, const char *label,
           RpRelease *release)
{
  memset (row, 0, sizeof *row);
  row->cells[COL_ID] = g_strdup_printf ("%u", csv->next_id++);
  row->cells[COL_PARENT] = parent > 0 ? g_strdup_printf ("%u", parent) : NULL;
  row->cells[COL_TYPE] = g_strdup (type);
  row->cells[COL_SUMMARY] = summary_of (summary);
  row->cells[COL_LABELS] = g_strdup (label);
  row->cells[COL_VERSION] = g_strdup (rp_release_get_version (release));
}

static void
row_finish (Csv *csv, Row *row)
{
  append_row (csv->out, row->cells);
  row_clear (row);
}

/* "Label: value" on a line of @description, when there is a value. */
static void
append_fact (GString *description, const char *label, const char *value)
{
  if (rp_str_is_blank (value))
    return;
  if (description->len > 0 && description->str[description->len - 1] != '\n')
    g_string_append_c (description, '\n');
  g_string_append_printf (description, "%s: %s\n", label, value);
}

static void
append_paragraph (GString *description, const char *text)
{
  if (rp_str_is_blank (text))
    return;
  if (description->len > 0)
    g_string_append_c (description, '\n');
  g_string_append_printf (description, "%s\n", text);
}

static char *
finish_description (GString *description)
{
  /* no line break at the end of the cell */
  while (description->len > 0 && description->str[description->len - 1] == '\n')
    g_string_truncate (description, description->len - 1);
  return g_string_free (description, description->len == 0);
}

static char *
epic_description (RpRelease *release)
{
  GString *description = g_string_new (NULL);

  append_paragraph (description, rp_release_get_summary (release));
  if (description->len > 0)
    g_string_append_c (description, '\n');
  append_fact (description, "Status", rp_format_label (rp_release_statuses[rp_release_get_status (release)]));
  for (RpMilestone m = RP_MILESTONE_CODE_COMPLETE; m <= RP_MILESTONE_MONITORING; m++)
    {
      g_autoptr (RpDateRange) range = rp_release_get_milestone (release, m);
      g_autofree char *dates = range != NULL ? rp_format_date_range (range) : NULL;

      append_fact (description, rp_format_label (rp_milestones[m]), dates);
    }
  return finish_description (description);
}

static char *
release_manager_address (Csv *csv, const char *release_id)
{
  g_autoptr (GPtrArray) owners = rp_store_list (csv->store, RP_ENTITY_OWNER, release_id);

  for (guint i = 0; i < owners->len; i++)
    if (rp_owner_get_role (owners->pdata[i]) == RP_OWNER_ROLE_RELEASE_MANAGER)
      return rp_format_person_address (csv->store, rp_owner_get_person_id (owners->pdata[i]));
  return NULL;
}

static char *
scope_description (Csv *csv, RpScopeItem *item)
{
  g_autoptr (GPtrArray) criteria =
      rp_store_list (csv->store, RP_ENTITY_CRITERION, rp_record_get_id (RP_RECORD (item)));
  GString *description = g_string_new (NULL);

  append_paragraph (description, rp_scope_item_get_description (item));
  if (criteria->len > 0)
    {
      if (description->len > 0)
        g_string_append_c (description, '\n');
      g_string_append (description, "Acceptance criteria:\n");
      for (guint i = 0; i < criteria->len; i++)
        {
          RpCriterion *criterion = criteria->pdata[i];
          g_autofree char *text = summary_of (rp_criterion_get_text (criterion));

          g_string_append_printf (description, "* [%c] %s\n", rp_criterion_get_met (criterion) ? 'x' : ' ',
                                  text);
        }
    }
  if (description->len > 0)
    g_string_append_c (description, '\n');
  append_fact (description, "Status", rp_format_label (rp_scope_statuses[rp_scope_item_get_status (item)]));
  if (rp_scope_item_get_risky (item))
    append_fact (description, "Risky", "yes");
  append_fact (description, "Feature flag", rp_scope_item_get_feature_flag (item));
  return finish_description (description);
}

static char *
checklist_description (RpChecklistSection *section, RpChecklistItem *item)
{
  GString *description = g_string_new (NULL);

  append_paragraph (description, rp_checklist_item_get_notes (item));
  if (description->len > 0)
    g_string_append_c (description, '\n');
  append_fact (description, "Checklist section", rp_checklist_section_get_name (section));
  append_fact (description, "State", rp_format_label (rp_item_states[rp_checklist_item_get_state (item)]));
  return finish_description (description);
}

static void
append_children (Csv *csv, RpRelease *release, guint epic)
{
  const char *release_id = rp_record_get_id (RP_RECORD (release));
  g_autoptr (GPtrArray) items = rp_store_list (csv->store, RP_ENTITY_SCOPE_ITEM, release_id);
  g_autoptr (GPtrArray) sections = rp_store_list (csv->store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  Row row;

  for (guint i = 0; i < items->len; i++)
    {
      RpScopeItem *item = items->pdata[i];

      row_start (csv, &row, epic, "Story", rp_scope_item_get_title (item), "scope", release);
      row.cells[COL_DESCRIPTION] = scope_description (csv, item);
      row.cells[COL_ASSIGNEE] = rp_format_person_address (csv->store, rp_scope_item_get_owner_id (item));
      /* scope is due when the code is complete */
      row.cells[COL_DUE] = g_strdup (rp_release_get_code_complete (release));
      row_finish (csv, &row);
    }
  for (guint s = 0; s < sections->len; s++)
    {
      RpChecklistSection *section = sections->pdata[s];
      g_autoptr (GPtrArray) checklist =
          rp_store_list (csv->store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (RP_RECORD (section)));

      for (guint i = 0; i < checklist->len; i++)
        {
          RpChecklistItem *item = checklist->pdata[i];

          row_start (csv, &row, epic, "Task", rp_checklist_item_get_text (item), "checklist", release);
          row.cells[COL_DESCRIPTION] = checklist_description (section, item);
          row.cells[COL_ASSIGNEE] =
              rp_format_person_address (csv->store, rp_checklist_item_get_assignee_id (item));
          row.cells[COL_DUE] = g_strdup (rp_checklist_item_get_due (item));
          row_finish (csv, &row);
        }
    }
}

/**
 * rp_format_csv_jira:
 * @release_id: (nullable): the release, or NULL for every release
 *
 * The header row (rp_csv_jira_columns), then one Epic per release (its
 * summary and milestones in the description, the release manager as
 * assignee, due on the deploy day), then for each release its scope items
 * as Stories (acceptance criteria in the description, due at code
 * complete) and its checklist items as Tasks, each with the epic's Issue
 * ID as Parent and the release's version as Fix Version/s. The same data
 * gives the same bytes.
 *
 * Returns: (transfer full) (nullable): the CSV, or NULL with
 * RP_STORE_ERROR_NOT_FOUND
 */
char *
rp_format_csv_jira (RpStore *store, const char *release_id, GError **error)
{
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GArray) epics = g_array_new (FALSE, FALSE, sizeof (guint));
  Csv csv = { NULL, store, 1 };

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if ((releases = rp_format_list_releases (store, release_id, error)) == NULL)
    return NULL;

  csv.out = g_string_new (NULL);
  append_row (csv.out, (char **) rp_csv_jira_columns);
  /* the epics first, as the importer wants the parents before the children */
  for (guint i = 0; i < releases->len; i++)
    {
      RpRelease *release = releases->pdata[i];
      Row row;

      g_array_append_val (epics, csv.next_id);
      row_start (&csv, &row, 0, "Epic", rp_release_get_name (release), "release", release);
      row.cells[COL_DESCRIPTION] = epic_description (release);
      row.cells[COL_ASSIGNEE] = release_manager_address (&csv, rp_record_get_id (releases->pdata[i]));
      row.cells[COL_DUE] = g_strdup (rp_release_get_deploy (release));
      row_finish (&csv, &row);
    }
  for (guint i = 0; i < releases->len; i++)
    append_children (&csv, releases->pdata[i], g_array_index (epics, guint, i));
  return g_string_free (csv.out, FALSE);
}
