/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-test-core.h"

/* The plan of a release and the release notes as Markdown: golden files
 * of the sample plan (tests/data/plan-*.md, release-notes-*.md), and the
 * hostile release read back by cmark-gfm with GitHub's extensions. */

/* The day the plans are checked for: the sample plan's "today". */
static void
get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 25, 11, 2026);
}

static char *
plan_of (RpStore *store, const char *release_id, GError **error)
{
  GDate today;

  get_today (&today);
  return rp_format_markdown_plan (store, release_id, &today, error);
}

static char *
export_plan (RpStore *store, const char *name, gboolean notes)
{
  g_autoptr (RpRecord) release = rp_test_find_release (store, name);
  g_autoptr (GError) error = NULL;
  char *markdown = notes ? rp_format_markdown_release_notes (store, rp_record_get_id (release), &error)
                         : plan_of (store, rp_record_get_id (release), &error);

  g_assert_no_error (error);
  g_assert_nonnull (markdown);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  g_assert_true (g_str_has_suffix (markdown, "\n"));
  return markdown;
}

/* HTML from cmark-gfm as GitHub reads Markdown; raw HTML let through
 * (--unsafe) so that the only tags are the ones the export wrote. */
static char *
render (const char *markdown)
{
  const char *argv[] = { "cmark-gfm",   "--unsafe",      "--extension", "table",    "--extension", "tasklist",
                         "--extension", "strikethrough", "--extension", "autolink", "@FILE@",      NULL };

  return rp_test_run_reader (argv, markdown, strlen (markdown), ".md");
}

/* The number of cells of each row of each table in @html, as
 * "2,2,2;6,6" (tables separated by ";", rows by ","). */
static char *
table_shapes (const char *html)
{
  GString *shapes = g_string_new (NULL);
  const char *table = html;

  while ((table = strstr (table, "<table>")) != NULL)
    {
      const char *end = strstr (table, "</table>");
      const char *row = table;

      g_assert_nonnull (end);
      if (shapes->len > 0)
        g_string_append_c (shapes, ';');
      while ((row = strstr (row + 1, "<tr>")) != NULL && row < end)
        {
          const char *row_end = strstr (row, "</tr>");
          g_autofree char *cells = g_strndup (row, row_end - row);

          g_string_append_printf (shapes, "%s%u",
                                  shapes->len > 0 && shapes->str[shapes->len - 1] != ';' ? "," : "",
                                  rp_test_count (cells, "<td") + rp_test_count (cells, "<th"));
        }
      table = end;
    }
  return g_string_free (shapes, FALSE);
}

static void
assert_tasks (const char *html, guint items, guint checked)
{
  g_assert_cmpuint (rp_test_count (html, "<li><input type=\"checkbox\""), ==, items);
  g_assert_cmpuint (rp_test_count (html, "checked=\"\" disabled=\"\""), ==, checked);
}

/* @text as cmark-gfm writes text into HTML. */
static char *
html_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      default:
        g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

/* The Readiness section of @html, rendered: @verdict ("No-go, as of
 * 2026-11-25 (8 blockers, 1 warning)") and every finding of the rules
 * (run here as `check` runs them) as an item of the list under the
 * heading of its severity, in the rules' order; @n_findings of them. */
static void
assert_readiness (RpStore *store, const char *release_id, const char *html, const char *verdict,
                  guint n_findings)
{
  static const char *const headings[] = { "<h3>Blockers</h3>", "<h3>Warnings</h3>", "<h3>Notes</h3>" };
  g_autoptr (RpReadiness) readiness = NULL;
  g_autoptr (RpReadinessReport) report = NULL;
  g_autofree char *verdict_html = g_strdup_printf ("<h2>Readiness</h2>\n<p>Verdict: %s.</p>", verdict);
  const char *section = strstr (html, verdict_html);
  const char *end = section != NULL ? strstr (section, "<h2>Go/no-go log</h2>") : NULL;
  const char *at = section;
  GPtrArray *findings;
  GDate today;

  g_assert_nonnull (section);
  g_assert_nonnull (end);
  get_today (&today);
  readiness = rp_readiness_new (store, &today);
  report = rp_readiness_check (readiness, release_id, NULL);
  findings = rp_readiness_report_get_findings (report);
  g_assert_cmpuint (findings->len, ==, n_findings);
  for (guint i = 0; i < findings->len; i++)
    {
      const RpFinding *finding = findings->pdata[i];
      g_autofree char *message = html_escape (rp_finding_get_message (finding));
      g_autofree char *item = g_strdup_printf ("<li>%s</li>", message);
      const char *heading = strstr (section, headings[rp_finding_get_severity (finding)]);
      const char *found = strstr (at, item);

      /* under its heading, after the finding before it, in the section */
      g_assert_nonnull (heading);
      g_assert_nonnull (found);
      g_assert_true (found > heading && found < end);
      at = found + strlen (item);
    }
  /* nothing else listed */
  {
    g_autofree char *readiness_html = g_strndup (section, end - section);

    g_assert_cmpuint (rp_test_count (readiness_html, "<li>"), ==, n_findings);
  }
}

static void
test_sample (void)
{
  g_autoptr (RpStore) store = rp_test_open_sample ();
  g_autofree char *mobile = export_plan (store, "Mobile app 5.0", FALSE);
  g_autofree char *payments = export_plan (store, "Payments platform 2027.1", FALSE);
  g_autofree char *search = export_plan (store, "Search relevance v4", FALSE);
  g_autofree char *mobile_notes = export_plan (store, "Mobile app 5.0", TRUE);
  g_autofree char *checkout_notes = export_plan (store, "Checkout 2.3", TRUE);
  g_autofree char *again = export_plan (store, "Mobile app 5.0", FALSE);
  g_autofree char *html = NULL;
  g_autofree char *shapes = NULL;

  rp_test_assert_golden ("plan-mobile.md", mobile, strlen (mobile));
  rp_test_assert_golden ("plan-payments.md", payments, strlen (payments));
  rp_test_assert_golden ("plan-search.md", search, strlen (search));
  rp_test_assert_golden ("release-notes-mobile.md", mobile_notes, strlen (mobile_notes));
  rp_test_assert_golden ("release-notes-checkout.md", checkout_notes, strlen (checkout_notes));
  g_assert_cmpstr (mobile, ==, again);

  if ((html = render (mobile)) == NULL)
    return;
  /* timeline (5 milestones), dependencies (3), risks (4), stages (3), flags (2) */
  shapes = table_shapes (html);
  g_assert_cmpstr (shapes, ==, "2,2,2,2,2,2;6,6,6,6;7,7,7,7,7;5,5,5,5;4,4,4");
  /* 6 criteria (4 met) and 17 checklist items (3 done) */
  assert_tasks (html, 23, 7);
  g_assert_cmpuint (rp_test_count (html, "<h1>"), ==, 1);
  g_assert_cmpuint (rp_test_count (html, "<h2>"), ==, 12);
  /* 3 scope items, feature flags, 3 checklist sections, blockers, warnings */
  g_assert_cmpuint (rp_test_count (html, "<h3>"), ==, 9);
  g_assert_nonnull (strstr (html, "<td>16 High</td>"));
  {
    g_autoptr (RpRecord) release = rp_test_find_release (store, "Mobile app 5.0");

    assert_readiness (store, rp_record_get_id (release), html,
                      "No-go, as of 2026-11-25 (8 blockers, 1 warning)", 9);
  }
  g_clear_pointer (&html, g_free);
  {
    g_autoptr (RpRecord) release = rp_test_find_release (store, "Payments platform 2027.1");

    html = render (payments);
    assert_readiness (store, rp_record_get_id (release), html,
                      "No-go, as of 2026-11-25 (6 blockers, 6 warnings)", 12);
    g_clear_pointer (&html, g_free);
  }

  /* the go/no-go log of a release that has one */
  html = render (search);
  {
    g_autoptr (RpRecord) release = rp_test_find_release (store, "Search relevance v4");

    assert_readiness (store, rp_record_get_id (release), html, "Go with risks, as of 2026-11-25 (1 warning)",
                      1);
  }
  g_assert_nonnull (strstr (html,
                            "<td>2026-11-24 15:30 UTC</td>\n<td>Go with risks</td>\n<td>Daniel Brandt</td>\n"
                            "<td>Go with risks</td>"));
}

/* The hostile text of rp-test-core.c as it must come out of cmark-gfm:
 * what a reader sees, on one line. */
static void
assert_reads_back (const char *html, guint n_texts)
{
  const char *word = strstr (rp_test_hostile_text, "wwww");
  g_autofree char *long_word = g_strndup (word, strspn (word, "w"));

  g_assert_cmpuint (strlen (long_word), ==, 200);
  g_assert_cmpuint (rp_test_count (html, long_word), ==, n_texts);
  g_assert_cmpuint (rp_test_count (html, "=cmd|' /C calc'!A0 | b [x] `c` &lt;b&gt;x&lt;/b&gt; "
                                         "&lt;script&gt;alert(1)&lt;/script&gt;"),
                    ==, n_texts);
  g_assert_cmpuint (
      rp_test_count (
          html,
          "Καλημέρα 日本語のテキスト \u202bمرحبا\u202c \u200fשלום\u200e 🚀🔥👩‍💻 "
          "~~x~~ *y* _z_ [l](<a href=\"http://a.invalid\">http://a.invalid</a>)"),
      ==, n_texts);
  g_assert_cmpuint (rp_test_count (html, "<a href="), ==, n_texts);
  g_assert_cmpuint (rp_test_count (html, "- [ ] task?"), ==, n_texts);
  g_assert_cmpuint (rp_test_count (html, "# heading &gt; quote"), ==, n_texts);
  g_assert_cmpuint (rp_test_count (html, "Tab \\ back\\slash"), ==, n_texts);
  /* nothing but what the export wrote */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<code"));
  g_assert_null (strstr (html, "<pre"));
  g_assert_null (strstr (html, "<em"));
  g_assert_null (strstr (html, "<strong"));
  g_assert_null (strstr (html, "<del"));
  g_assert_null (strstr (html, "<ol"));
  g_assert_null (strstr (html, "<blockquote"));
  g_assert_null (strstr (html, "<hr"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<h4"));
}

static void
test_hostile (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *id = rp_test_add_hostile_release (store);
  g_autoptr (GError) error = NULL;
  g_autofree char *markdown = plan_of (store, id, &error);
  g_autofree char *notes = NULL;
  g_autofree char *html = NULL;
  g_autofree char *shapes = NULL;

  g_assert_no_error (error);
  rp_test_assert_golden ("plan-hostile.md", markdown, strlen (markdown));
  if ((html = render (markdown)) == NULL)
    return;

  /* timeline, dependencies, risks, stages, flags, decisions: every row
   * as many cells as the header, whatever the text in them */
  shapes = table_shapes (html);
  g_assert_cmpstr (shapes, ==, "2,2,2,2,2,2;6,6;7,7;5,5;4,4;5,5");
  /* the criteria (one met) and the checklist items (one done) */
  assert_tasks (html, 4, 2);
  /* owners: release manager, on call, a component; released, post-mortem;
   * the 5 blockers readiness finds */
  g_assert_cmpuint (rp_test_count (html, "<li>"), ==, 4 + 3 + 2 + 5);
  g_assert_cmpuint (rp_test_count (html, "<h1>"), ==, 1);
  g_assert_cmpuint (rp_test_count (html, "<h2>"), ==, 13);
  /* two scope items, "Feature flags", one checklist section, blockers */
  g_assert_cmpuint (rp_test_count (html, "<h3>"), ==, 5);
  /* name, version, summary; owners (3) and a component, the time zone; scope: title,
   * flag, description (2 items) and 2 criteria; dependency: title, owner,
   * notes; risk: title, owner, mitigation; stage: name, criteria; flag;
   * rollback and monitoring plans; checklist: section, 2 items, assignee;
   * readiness: the findings about a scope item, the dependency and the
   * checklist section; decision: by, notes; release notes; feedback */
  assert_reads_back (html, 3 + 4 + 1 + 7 + 1 + 3 + 3 + 2 + 1 + 2 + 4 + 3 + 2 + 1 + 1);
  /* the lines of a text in a table cell: kept apart by <br> */
  g_assert_nonnull (
      strstr (html, "<td>=cmd|' /C calc'!A0 | b [x] `c` &lt;b&gt;x&lt;/b&gt; "
                    "&lt;script&gt;alert(1)&lt;/script&gt;<br>+1, &quot;quoted&quot; 'single'<br>-1<br>"
                    "@here<br>- [ ] task?<br>1. one<br>===<br># heading &gt; quote<br>code<br>"));
  /* and in a paragraph by hard line breaks */
  g_assert_nonnull (
      strstr (html, "<p>=cmd|' /C calc'!A0 | b [x] `c` &lt;b&gt;x&lt;/b&gt; "
                    "&lt;script&gt;alert(1)&lt;/script&gt;<br />\n+1, &quot;quoted&quot; 'single'<br />\n"
                    "-1<br />\n@here<br />\n- [ ] task?<br />\n1. one<br />\n===<br />\n"));
  g_clear_pointer (&html, g_free);

  notes = rp_format_markdown_release_notes (store, id, &error);
  g_assert_no_error (error);
  rp_test_assert_golden ("release-notes-hostile.md", notes, strlen (notes));
  html = render (notes);
  /* what's new: the done item; known gaps: the dropped one, the unmet criterion */
  g_assert_cmpuint (rp_test_count (html, "<li>"), ==, 3);
  g_assert_cmpuint (rp_test_count (html, "<h2>"), ==, 2);
  g_assert_nonnull (strstr (html, "(dropped)</li>"));
  g_assert_cmpuint (rp_test_count (html, "<li>Not met: "), ==, 1);
  /* title (name and version), release notes; done item: title and
   * description; dropped item; unmet criterion and the title of its item */
  assert_reads_back (html, 2 + 1 + 2 + 1 + 2);
}

static void
test_not_found (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;

  g_assert_null (plan_of (store, "no-such-release", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rp_format_markdown_release_notes (store, "no-such-release", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

/* A release with nothing but a name: every section says it is empty. */
static void
test_empty (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *notes = NULL;

  rp_record_set_string (release, "name", "Bare");
  g_assert_true (rp_store_insert (store, release, &error));
  markdown = plan_of (store, rp_record_get_id (release), &error);
  g_assert_no_error (error);
  rp_test_assert_golden ("plan-empty.md", markdown, strlen (markdown));
  notes = rp_format_markdown_release_notes (store, rp_record_get_id (release), &error);
  g_assert_cmpstr (notes, ==, "# Bare: release notes\n");
}

typedef struct
{
  const char *in;
  const char *block;
  const char *cell;
} EscapeCase;

static const EscapeCase escape_cases[] = {
  { "plain", "plain", "plain" },
  { "one\ntwo", "one\\\ntwo", "one<br>two" },
  { "one\r\ntwo\rthree", "one\\\ntwo\\\nthree", "one<br>two<br>three" },
  { "para\n\n\nnext", "para\n\nnext", "para<br>next" },
  { "- item\n+ item\n= x\n---\n===", "\\- item\\\n\\+ item\\\n\\= x\\\n\\---\\\n\\===",
    "- item<br>+ item<br>= x<br>---<br>===" },
  { "1. one\n2) two\n1234567890. no list", "1\\. one\\\n2\\) two\\\n1234567890. no list",
    "1. one<br>2) two<br>1234567890. no list" },
  { "    code\n\tcode", "code\\\ncode", "code<br>code" },
  { "> quote\n# h", "\\> quote\\\n\\# h", "\\> quote<br>\\# h" },
  { "a | b", "a \\| b", "a \\| b" },
  { "ends \\\nnext", "ends \\\\\\\nnext", "ends \\\\<br>next" },
  { "\n\n", "", "" },
  { NULL, "", "" },
};

static void
test_escape (gconstpointer data)
{
  const EscapeCase *c = data;
  g_autofree char *block = rp_markdown_escape_block (c->in);
  g_autofree char *cell = rp_markdown_escape_cell (c->in);

  g_assert_cmpstr (block, ==, c->block);
  g_assert_cmpstr (cell, ==, c->cell);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/markdown/plan/sample", test_sample);
  g_test_add_func ("/markdown/plan/hostile", test_hostile);
  g_test_add_func ("/markdown/plan/not-found", test_not_found);
  g_test_add_func ("/markdown/plan/empty", test_empty);
  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/markdown/escape-block-and-cell/%u", i);
      g_test_add_data_func (path, &escape_cases[i], test_escape);
    }

  return g_test_run ();
}
