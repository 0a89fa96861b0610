/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rp-entity.h"
#include "rp-format-pdf.h"
#include "rp-format-text.h"
#include "rp-readiness.h"
#include "rp-records.h"
#include "rp-release.h"
#include "rp-risk.h"
#include "rp-template.h"

/* The report is a list of blocks (a title, a heading, a paragraph, a row
 * of a table, a checklist section with its progress bar, the box of the
 * last decision), built once from the store as Pango markup with every
 * user text escaped. Paginating measures each block with the fonts of
 * the surface it will be drawn on and puts as many as fit on a page; a
 * heading never ends a page, and a table's header row is repeated when
 * the table goes on to the next page. Cells show at most a few lines of
 * a long text (ellipsized), so that a report stays one or two pages. */

#define MARGIN 36.0
#define FOOTER 24.0
#define PAD 3.0
#define MAX_CELLS 7

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_HEADER_ROW,
  BLOCK_ROW,
  BLOCK_PROGRESS,
  BLOCK_DECISION,
} BlockKind;

typedef struct
{
  BlockKind kind;
  guint n_cells;
  char *cells[MAX_CELLS];   /* markup */
  double widths[MAX_CELLS]; /* fractions of the width */
  double fraction;          /* BLOCK_PROGRESS: done; BLOCK_DECISION: its colour */
  int header;               /* BLOCK_ROW: its table's header row, or -1 */
  double height;            /* measured by rp_pdf_report_paginate() */
} Block;

struct _RpPdfReport
{
  char *title;
  char *footer;
  GArray *blocks;      /* Block */
  GArray *page_starts; /* guint: the first block of each page */
  double width;
  double height;
};

static void
block_clear (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < block->n_cells; i++)
    g_free (block->cells[i]);
}

/* Adds a block of @n cells (markup, taken) of the given widths. */
static Block *
add_block (RpPdfReport *report, BlockKind kind, guint n, char **cells, const double *widths)
{
  Block block = { kind, n, { NULL }, { 0 }, 0, -1, 0 };

  g_assert (n <= MAX_CELLS);
  for (guint i = 0; i < n; i++)
    {
      block.cells[i] = cells[i];
      block.widths[i] = widths != NULL ? widths[i] : 1.0 / n;
    }
  g_array_append_val (report->blocks, block);
  return &g_array_index (report->blocks, Block, report->blocks->len - 1);
}

static void
add_text (RpPdfReport *report, BlockKind kind, char *markup)
{
  add_block (report, kind, 1, &markup, NULL);
}

/* User text as markup on one line: a cell, a title or a paragraph of the
 * report shows a few lines at the most, and Pango counts that limit per
 * paragraph. */
static char *
escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_strdelimit (valid, "\r\n\t\f\v", ' ');
  return g_markup_escape_text (g_strstrip (valid), -1);
}

static void
add_heading (RpPdfReport *report, const char *title)
{
  add_text (report, BLOCK_HEADING, escape (title));
}

/* A table: the header row, then rows of cells that are plain text (NULL
 * for empty), escaped here. */
typedef struct
{
  RpPdfReport *report;
  guint n;
  const double *widths;
  int header;
} Table;

static void
table_start (Table *table, RpPdfReport *report, const char *const *columns, const double *widths)
{
  char *cells[MAX_CELLS];
  guint n = g_strv_length ((char **) columns);

  for (guint i = 0; i < n; i++)
    cells[i] = g_markup_printf_escaped ("<b>%s</b>", columns[i]);
  table->report = report;
  table->n = n;
  table->widths = widths;
  table->header = report->blocks->len;
  add_block (report, BLOCK_HEADER_ROW, n, cells, widths);
}

static void
table_row (Table *table, const char *const *texts)
{
  char *cells[MAX_CELLS];

  for (guint i = 0; i < table->n; i++)
    cells[i] = escape (texts[i]);
  add_block (table->report, BLOCK_ROW, table->n, cells, table->widths)->header = table->header;
}

static void
add_summary (RpPdfReport *report, RpRelease *release, const GDate *today)
{
  g_autofree char *version = escape (rp_release_get_version (release));
  g_autofree char *date = rp_date_format (today);
  g_autofree char *subtitle = NULL;

  add_text (report, BLOCK_TITLE, escape (rp_release_get_name (release)));
  if (*version != '\0')
    subtitle = g_strdup_printf ("Version %s · %s · Readiness report of %s", version,
                                rp_format_label (rp_release_statuses[rp_release_get_status (release)]), date);
  else
    subtitle =
        g_markup_printf_escaped ("%s · Readiness report of %s",
                                 rp_format_label (rp_release_statuses[rp_release_get_status (release)]),
                                 date);
  add_text (report, BLOCK_SUBTITLE, g_steal_pointer (&subtitle));
  if (!rp_str_is_blank (rp_release_get_summary (release)))
    add_text (report, BLOCK_TEXT, escape (rp_release_get_summary (release)));
}

/* The snapshot of readiness kept with a decision: its verdict and the
 * messages of its findings. */
static char *
snapshot_findings (const char *readiness, GString *findings)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonArray *array;

  if (readiness == NULL || !json_parser_load_from_data (parser, readiness, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (json_object_has_member (object, "findings") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "findings")))
    {
      array = json_object_get_array_member (object, "findings");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          const char *message, *severity;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          message = json_object_get_string_member_with_default (json_node_get_object (node), "message", NULL);
          severity =
              json_object_get_string_member_with_default (json_node_get_object (node), "severity", NULL);
          if (message != NULL)
            {
              g_autofree char *line = escape (message);

              g_string_append_printf (findings, "%s%s: %s", findings->len > 0 ? "\n" : "",
                                      rp_format_label (severity), line);
            }
        }
    }
  return g_strdup (json_object_get_string_member_with_default (object, "verdict", NULL));
}

static double
decision_colour (RpDecisionKind kind)
{
  return kind == RP_DECISION_KIND_GO ? 0 : kind == RP_DECISION_KIND_GO_WITH_RISKS ? 1 : 2;
}

static void
add_last_decision (RpPdfReport *report, RpStore *store, const char *release_id)
{
  g_autoptr (GPtrArray) decisions = rp_store_list (store, RP_ENTITY_DECISION, release_id);
  g_autoptr (GString) findings = g_string_new (NULL);
  g_autofree char *when = NULL;
  g_autofree char *by = NULL;
  g_autofree char *verdict = NULL;
  GString *markup;
  RpDecision *decision;
  char *cell;

  add_heading (report, "Last go/no-go decision");
  if (decisions->len == 0)
    {
      add_text (report, BLOCK_TEXT, escape ("No decision yet."));
      return;
    }
  decision = decisions->pdata[decisions->len - 1];
  when = rp_format_timestamp (rp_decision_get_at (decision));
  by = rp_format_person_name (store, rp_decision_get_by_id (decision));
  verdict = snapshot_findings (rp_decision_get_readiness (decision), findings);

  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<span size='x-large' weight='bold'>%s</span>\n",
                          rp_format_label (rp_decisions[rp_decision_get_decision (decision)]));
  {
    g_autofree char *who = escape (by);

    g_string_append_printf (markup, "%s%s%s", when, *who != '\0' ? " · " : "", who);
  }
  if (!rp_str_is_blank (rp_decision_get_notes (decision)))
    {
      g_autofree char *notes = escape (rp_decision_get_notes (decision));
      g_string_append_printf (markup, "\n%s", notes);
    }
  if (verdict != NULL)
    {
      g_autofree char *line =
          g_markup_printf_escaped ("\n<b>Readiness then:</b> %s", rp_format_label (verdict));
      g_string_append (markup, line);
    }
  if (findings->len > 0)
    g_string_append_printf (markup, "\n%s", findings->str);
  cell = g_string_free (markup, FALSE);
  add_block (report, BLOCK_DECISION, 1, &cell, NULL)->fraction =
      decision_colour (rp_decision_get_decision (decision));
}

/* The verdict of the rules as of today, in a box of its colour under the
 * title, and the findings under it, a table per severity. */
static void
add_readiness (RpPdfReport *report, RpStore *store, const char *release_id, const GDate *today)
{
  static const char *const headings[] = {
    [RP_SEVERITY_BLOCKER] = "Blockers",
    [RP_SEVERITY_WARNING] = "Warnings",
    [RP_SEVERITY_INFO] = "Notes",
  };
  g_autoptr (RpReadiness) readiness = rp_readiness_new (store, today);
  g_autoptr (RpReadinessReport) checked = rp_readiness_check (readiness, release_id, NULL);
  g_autofree char *date = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *figure = NULL;
  RpDecisionKind verdict;
  GPtrArray *findings;
  GString *markup;
  Table table;
  char *cell;
  int severity = -1;

  if (checked == NULL)
    return;
  verdict = rp_readiness_report_get_verdict (checked);
  date = rp_date_format (today);
  counts = rp_format_finding_counts (checked);
  {
    g_autofree char *text = rp_readiness_report_describe_figure (checked);

    figure = escape (text);
  }
  /* (the words and the date are ours: no markup in them) */
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<span size='xx-large' weight='bold'>Verdict: %s</span>\n",
                          rp_format_label (rp_decisions[verdict]));
  g_string_append_printf (markup, "<b>Readiness on %s:</b> %s\n%s", date, counts, figure);
  cell = g_string_free (markup, FALSE);
  add_block (report, BLOCK_DECISION, 1, &cell, NULL)->fraction = decision_colour (verdict);

  findings = rp_readiness_report_get_findings (checked);
  if (findings->len == 0)
    return;
  add_heading (report, "Findings");
  for (guint i = 0; i < findings->len; i++)
    {
      const RpFinding *finding = findings->pdata[i];
      const char *row[] = { rp_finding_get_message (finding) };

      if ((int) rp_finding_get_severity (finding) != severity)
        {
          const char *columns[] = { NULL, NULL };
          g_autofree char *heading = NULL;

          severity = rp_finding_get_severity (finding);
          heading =
              g_strdup_printf ("%s (%u)", headings[severity], rp_readiness_report_count (checked, severity));
          columns[0] = heading;
          table_start (&table, report, columns, NULL);
        }
      table_row (&table, row);
    }
}

static void
add_dates (RpPdfReport *report, RpRelease *release)
{
  const char *const columns[] = { "Milestone", "Dates", "Committed", NULL };
  const double widths[] = { 0.3, 0.4, 0.3 };
  const double plain_widths[] = { 0.3, 0.7 };
  gboolean committed = rp_release_get_committed_at (release) != NULL;
  Table table;

  add_heading (report, "Dates");
  if (committed)
    table_start (&table, report, columns, widths);
  else
    {
      const char *const plain[] = { columns[0], columns[1], NULL };

      table_start (&table, report, plain, plain_widths);
    }
  for (RpMilestone m = RP_MILESTONE_CODE_COMPLETE; m <= RP_MILESTONE_MONITORING; m++)
    {
      g_autoptr (RpDateRange) range = rp_release_get_milestone (release, m);
      g_autoptr (RpDateRange) baseline = committed ? rp_release_get_committed_milestone (release, m) : NULL;
      g_autofree char *dates = range != NULL ? rp_format_date_range (range) : g_strdup ("not set");
      g_autofree char *then = baseline != NULL ? rp_format_date_range (baseline) : NULL;
      const char *row[] = { rp_format_label (rp_milestones[m]), dates, then };

      table_row (&table, row);
    }
}

/* One row per role (the people of a role together), one per component. */
static void
add_owners (RpPdfReport *report, RpStore *store, const char *release_id)
{
  g_autoptr (GArray) lines = rp_format_owner_lines (store, release_id);
  const char *const columns[] = { "Role", "Who", NULL };
  const double widths[] = { 0.35, 0.65 };
  Table table;

  add_heading (report, "Owners");
  if (lines->len == 0)
    {
      add_text (report, BLOCK_TEXT, escape ("Nobody yet."));
      return;
    }
  table_start (&table, report, columns, widths);
  for (guint i = 0; i < lines->len; i++)
    {
      RpFormatOwnerLine *line = &g_array_index (lines, RpFormatOwnerLine, i);
      const char *row[] = { line->role, line->who != NULL ? line->who : "no owner yet" };

      table_row (&table, row);
    }
}

static int
compare_risk_scores (gconstpointer a, gconstpointer b)
{
  return rp_risk_get_score (*(RpRisk **) b) - rp_risk_get_score (*(RpRisk **) a);
}

static void
add_risks (RpPdfReport *report, RpStore *store, const char *release_id)
{
  g_autoptr (GPtrArray) risks = rp_store_list (store, RP_ENTITY_RISK, release_id);
  const char *const columns[] = { "Risk", "Score", "Status", "Owner", "Mitigation", NULL };
  const double widths[] = { 0.29, 0.11, 0.14, 0.16, 0.3 };
  Table table;

  add_heading (report, "Risks");
  if (risks->len == 0)
    {
      add_text (report, BLOCK_TEXT, escape ("None."));
      return;
    }
  /* the highest first, as in the meeting */
  g_ptr_array_sort (risks, compare_risk_scores);
  table_start (&table, report, columns, widths);
  for (guint i = 0; i < risks->len; i++)
    {
      RpRisk *risk = risks->pdata[i];
      g_autofree char *owner = rp_format_person_name (store, rp_risk_get_owner_id (risk));
      g_autofree char *score = g_strdup_printf ("%d %s", rp_risk_get_score (risk),
                                                rp_format_label (rp_risk_levels[rp_risk_get_level (risk)]));
      const char *row[] = { rp_risk_get_title (risk), score,
                            rp_format_label (rp_risk_statuses[rp_risk_get_status (risk)]), owner,
                            rp_risk_get_mitigation (risk) };

      table_row (&table, row);
    }
}

static void
add_checklist (RpPdfReport *report, RpStore *store, const char *release_id)
{
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  const double widths[] = { 0.4, 0.25, 0.35 };

  add_heading (report, "Checklist");
  if (sections->len == 0)
    {
      add_text (report, BLOCK_TEXT, escape ("No checklist."));
      return;
    }
  for (guint i = 0; i < sections->len; i++)
    {
      RpChecklistSection *section = sections->pdata[i];
      RpProgress progress;
      char *cells[3];

      rp_checklist_progress (store, release_id, rp_record_get_id (RP_RECORD (section)), &progress);
      {
        g_autofree char *name = escape (rp_checklist_section_get_name (section));

        cells[0] =
            g_strconcat (name,
                         rp_checklist_section_get_complete_before_deploy (section) ? " (before the deploy)"
                                                                                   : "",
                         NULL);
      }
      cells[1] = progress.na > 0
                     ? g_strdup_printf ("%u of %u done, %u n/a", progress.done, progress.total, progress.na)
                     : g_strdup_printf ("%u of %u done", progress.done, progress.total);
      cells[2] = g_strdup ("");
      add_block (report, BLOCK_PROGRESS, 3, cells, widths)->fraction = rp_progress_fraction (&progress);
    }
}

/**
 * rp_pdf_report_new:
 * @release_id: the release
 * @today: the day of the report
 *
 * Collects what the report shows: the release's name, version, status
 * and summary; the readiness verdict as of @today (with the store's
 * deploy days and freeze windows, as `check` and the readiness card) and
 * its findings by severity; the last go/no-go decision (with the readiness and the
 * findings it was taken on); the dates of the milestones (and the
 * committed ones); the owners; the risks, highest score first; the
 * progress of each checklist section.
 *
 * Returns: (transfer full) (nullable): the report, or NULL with
 * RP_STORE_ERROR_NOT_FOUND
 */
RpPdfReport *
rp_pdf_report_new (RpStore *store, const char *release_id, const GDate *today, GError **error)
{
  g_autoptr (RpRelease) release = NULL;
  RpPdfReport *report;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  release = (RpRelease *) rp_store_get (store, RP_ENTITY_RELEASE, release_id, error);
  if (release == NULL)
    return NULL;

  report = g_new0 (RpPdfReport, 1);
  report->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (report->blocks, block_clear);
  report->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  report->title = g_strdup_printf ("Readiness report: %s", rp_release_get_name (release));
  {
    g_autofree char *name = g_strdup (rp_release_get_name (release));

    report->footer =
        g_strdup_printf ("Release Planner · %s", g_strstrip (g_strdelimit (name, "\r\n\t", ' ')));
  }

  add_summary (report, release, today);
  add_readiness (report, store, release_id, today);
  add_last_decision (report, store, release_id);
  add_dates (report, release);
  add_owners (report, store, release_id);
  add_risks (report, store, release_id);
  add_checklist (report, store, release_id);
  return report;
}

void
rp_pdf_report_free (RpPdfReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->blocks);
  g_array_unref (report->page_starts);
  g_free (report->title);
  g_free (report->footer);
  g_free (report);
}

const char *
rp_pdf_report_get_title (RpPdfReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->title;
}

/* The layout of one cell of @block, @width points wide. */
static PangoLayout *
cell_layout (cairo_t *cr, const Block *block, guint cell, double width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = NULL;
  int max_lines = 3;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      font = pango_font_description_from_string ("Sans Bold 20");
      max_lines = 2;
      break;
    case BLOCK_HEADING:
      font = pango_font_description_from_string ("Sans Bold 13");
      max_lines = 1;
      break;
    case BLOCK_SUBTITLE:
      font = pango_font_description_from_string ("Sans 10");
      break;
    case BLOCK_TEXT:
      font = pango_font_description_from_string ("Sans 10");
      max_lines = 6;
      break;
    case BLOCK_DECISION:
      font = pango_font_description_from_string ("Sans 10");
      max_lines = 4; /* a paragraph: the notes, each finding */
      break;
    case BLOCK_HEADER_ROW:
    case BLOCK_ROW:
    case BLOCK_PROGRESS:
    default:
      font = pango_font_description_from_string ("Sans 9");
      break;
    }
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_markup (layout, block->cells[cell], -1);
  return layout;
}

static double
inner_width (double width)
{
  return width - 2 * MARGIN;
}

static double
cell_x (const Block *block, guint cell, double width)
{
  double x = MARGIN;

  for (guint i = 0; i < cell; i++)
    x += block->widths[i] * inner_width (width);
  return x;
}

static double
padding (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return 2 * PAD;
    case BLOCK_DECISION:
      return 3 * PAD;
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    case BLOCK_TEXT:
      return PAD / 2;
    case BLOCK_HEADER_ROW:
    case BLOCK_ROW:
    case BLOCK_PROGRESS:
    default:
      return PAD;
    }
}

static double
measure (cairo_t *cr, Block *block, double width)
{
  double height = 0;

  for (guint i = 0; i < block->n_cells; i++)
    {
      double w = block->widths[i] * inner_width (width) - 2 * padding (block);
      g_autoptr (PangoLayout) layout = cell_layout (cr, block, i, w);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      height = MAX (height, pango_units_to_double (h));
    }
  return height + 2 * padding (block) + (block->kind == BLOCK_HEADING ? PAD : 0);
}

int
rp_pdf_report_paginate (RpPdfReport *report, cairo_t *cr, double width, double height)
{
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;
  guint first = 0;

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  for (guint i = 0; i < report->blocks->len; i++)
    g_array_index (report->blocks, Block, i).height =
        measure (cr, &g_array_index (report->blocks, Block, i), width);

  g_array_set_size (report->page_starts, 0);
  g_array_append_val (report->page_starts, first);
  for (guint i = 0; i < report->blocks->len; i++)
    {
      Block *block = &g_array_index (report->blocks, Block, i);
      double need = block->height;

      /* a heading goes with what follows it */
      if (block->kind == BLOCK_HEADING && i + 1 < report->blocks->len)
        need += g_array_index (report->blocks, Block, i + 1).height;
      if (y + need > bottom && y > MARGIN)
        {
          g_array_append_val (report->page_starts, i);
          y = MARGIN;
          /* the header row again above the rest of a table */
          if (block->kind == BLOCK_ROW && block->header >= 0)
            y += g_array_index (report->blocks, Block, block->header).height;
        }
      y += block->height;
    }
  report->width = width;
  report->height = height;
  return report->page_starts->len;
}

static void
draw_block (cairo_t *cr, const Block *block, double width, double y)
{
  double pad = padding (block);

  if (block->kind == BLOCK_HEADER_ROW)
    {
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      cairo_rectangle (cr, MARGIN, y, inner_width (width), block->height);
      cairo_fill (cr);
    }
  else if (block->kind == BLOCK_DECISION)
    {
      static const double colours[3][3] = { { 0.85, 0.95, 0.87 }, { 1.0, 0.94, 0.80 }, { 0.98, 0.86, 0.86 } };
      const double *c = colours[CLAMP ((int) block->fraction, 0, 2)];

      cairo_set_source_rgb (cr, c[0], c[1], c[2]);
      cairo_rectangle (cr, MARGIN, y, inner_width (width), block->height);
      cairo_fill (cr);
    }
  else if (block->kind == BLOCK_PROGRESS)
    {
      double x = cell_x (block, 2, width) + pad;
      double w = block->widths[2] * inner_width (width) - 2 * pad;
      double bar = 8;
      double top = y + (block->height - bar) / 2;

      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_rectangle (cr, x, top, w, bar);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.20, 0.52, 0.89);
      cairo_rectangle (cr, x, top, w * CLAMP (block->fraction, 0, 1), bar);
      cairo_fill (cr);
    }

  for (guint i = 0; i < block->n_cells; i++)
    {
      double w = block->widths[i] * inner_width (width) - 2 * pad;
      g_autoptr (PangoLayout) layout = cell_layout (cr, block, i, w);

      if (block->kind == BLOCK_SUBTITLE)
        cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      else
        cairo_set_source_rgb (cr, 0, 0, 0);
      /* headings and paragraphs align with the tables' edge */
      cairo_move_to (cr,
                     cell_x (block, i, width) + (block->kind == BLOCK_HEADING || block->kind == BLOCK_TEXT ||
                                                         block->kind == BLOCK_TITLE ||
                                                         block->kind == BLOCK_SUBTITLE
                                                     ? 0
                                                     : pad),
                     y + pad + (block->kind == BLOCK_HEADING ? PAD : 0));
      pango_cairo_show_layout (cr, layout);
    }

  if (block->kind == BLOCK_ROW || block->kind == BLOCK_PROGRESS || block->kind == BLOCK_HEADING)
    {
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (cr, block->kind == BLOCK_HEADING ? 1.0 : 0.5);
      cairo_move_to (cr, MARGIN, y + block->height);
      cairo_line_to (cr, width - MARGIN, y + block->height);
      cairo_stroke (cr);
    }
}

static void
draw_footer (cairo_t *cr, RpPdfReport *report, double width, double height, int page)
{
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  g_autofree char *text =
      g_strdup_printf ("%s · page %d of %u", report->footer, page + 1, report->page_starts->len);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (inner_width (width)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_move_to (cr, MARGIN, height - MARGIN - FOOTER / 2);
  pango_cairo_show_layout (cr, layout);
}

void
rp_format_pdf_draw (cairo_t *cr, double width, double height, int page, RpPdfReport *report)
{
  guint first, end;
  double y = MARGIN;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (report != NULL);

  if (report->width != width || report->height != height || report->page_starts->len == 0)
    rp_pdf_report_paginate (report, cr, width, height);
  g_return_if_fail (page >= 0 && (guint) page < report->page_starts->len);

  first = g_array_index (report->page_starts, guint, page);
  end = (guint) page + 1 < report->page_starts->len ? g_array_index (report->page_starts, guint, page + 1)
                                                    : report->blocks->len;
  cairo_save (cr);
  if (first < end)
    {
      const Block *block = &g_array_index (report->blocks, Block, first);

      if (page > 0 && block->kind == BLOCK_ROW && block->header >= 0)
        {
          const Block *header = &g_array_index (report->blocks, Block, block->header);

          draw_block (cr, header, width, y);
          y += header->height;
        }
    }
  for (guint i = first; i < end; i++)
    {
      const Block *block = &g_array_index (report->blocks, Block, i);

      draw_block (cr, block, width, y);
      y += block->height;
    }
  draw_footer (cr, report, width, height, page);
  cairo_restore (cr);
}

static cairo_status_t
write_to_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * rp_format_pdf_export:
 *
 * The report (see rp_pdf_report_new()) as a PDF of A4 pages, with the
 * report's title and "Release Planner" as its creator in the metadata.
 *
 * Returns: (transfer full) (nullable): the PDF file, or NULL with
 * RP_STORE_ERROR_NOT_FOUND (no such release) or _FAILED (cairo failed)
 */
GBytes *
rp_format_pdf_export (RpStore *store, const char *release_id, const GDate *today, GError **error)
{
  g_autoptr (RpPdfReport) report = rp_pdf_report_new (store, release_id, today, error);
  g_autoptr (GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int pages;

  if (report == NULL)
    return NULL;

  bytes = g_byte_array_new ();
  surface =
      cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, RP_PDF_PAGE_WIDTH, RP_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Release Planner");
  cr = cairo_create (surface);
  pages = rp_pdf_report_paginate (report, cr, RP_PDF_PAGE_WIDTH, RP_PDF_PAGE_HEIGHT);
  for (int page = 0; page < pages; page++)
    {
      rp_format_pdf_draw (cr, RP_PDF_PAGE_WIDTH, RP_PDF_PAGE_HEIGHT, page, report);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED, "Could not draw the PDF: %s",
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
