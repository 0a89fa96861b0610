/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rp-test-core.h"

/* Golden files live in tests/data/checklist-*.md. To write them anew
 * after a deliberate change of the format, run the test with
 * RP_UPDATE_GOLDEN=1 and read the diff. */

static char *
add_release (RpStore *store, const char *name)
{
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "name", name);
  rp_store_insert (store, release, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (release));
}

static char *
add_section (RpStore *store, const char *release_id, const char *name)
{
  g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (section, "release_id", release_id);
  rp_record_set_string (section, "name", name);
  rp_store_insert (store, section, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (section));
}

static void
add_item (RpStore *store, const char *section_id, const char *text, const char *state,
          const char *assignee_id, const char *due)
{
  g_autoptr (RpRecord) item = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (item, "section_id", section_id);
  rp_record_set_string (item, "text", text);
  rp_record_set_string (item, "state", state);
  if (assignee_id != NULL)
    rp_record_set_string (item, "assignee_id", assignee_id);
  if (due != NULL)
    rp_record_set_string (item, "due", due);
  rp_store_insert (store, item, &error);
  g_assert_no_error (error);
}

static void
assert_golden (const char *name, const char *actual)
{
  rp_test_assert_golden (name, actual, strlen (actual));
}

/* The Markdown of a release's checklist as cmark-gfm reads it. */
typedef struct
{
  guint items;   /* task list items */
  guint checked; /* of which checked */
  guint list_items;
  guint lists;
  guint headings; /* <h2> */
  guint links;
  guint struck; /* <del>, with the strikethrough extension */
  char *html;
} Parsed;

/* Returns FALSE (and skips the test) when cmark-gfm is not installed. */
static gboolean
parse_with_cmark_gfm (const char *markdown, gboolean like_github, Parsed *out)
{
  g_autofree char *program = g_find_program_in_path ("cmark-gfm");
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, "--extension", "tasklist", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  g_auto (GStrv) lines = NULL;

  memset (out, 0, sizeof *out);
  if (program == NULL)
    {
      g_test_skip ("cmark-gfm is not installed (Debian: apt install cmark-gfm)");
      return FALSE;
    }

  dir = g_dir_make_tmp ("rp-markdown-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_build_filename (dir, "checklist.md", NULL);
  g_file_set_contents (file, markdown, -1, &error);
  g_assert_no_error (error);

  argv[0] = program;
  if (like_github)
    {
      /* the extensions GitHub turns on besides task lists */
      argv[3] = "--extension";
      argv[4] = "autolink";
      argv[5] = "--extension";
      argv[6] = "strikethrough";
      argv[7] = "--extension";
      argv[8] = "table";
      argv[9] = file;
    }
  else
    argv[3] = file;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out->html, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_unlink (file);
  g_rmdir (dir);

  /* cmark-gfm writes one <li> per line: <li><input type="checkbox"
   * [checked=""] disabled="" /> text</li> */
  lines = g_strsplit (out->html, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "<li><input type=\"checkbox\""))
        {
          const char *end = strstr (lines[i], "/>");

          g_assert_nonnull (end);
          out->items++;
          if (g_strstr_len (lines[i], end - lines[i], "checked=\"\"") != NULL)
            out->checked++;
        }
    }
  out->list_items = rp_test_count (out->html, "<li");
  out->lists = rp_test_count (out->html, "<ul");
  out->headings = rp_test_count (out->html, "<h2>");
  out->links = rp_test_count (out->html, "<a ");
  out->struck = rp_test_count (out->html, "<del>");
  return TRUE;
}

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->html, g_free);
}

/* A fresh release from "Standard release" gives the article's checklist
 * word for word. */
static void
test_standard (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *r = add_release (store, "R1");
  g_autofree char *markdown = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GPtrArray) items = NULL;
  Parsed parsed;

  g_assert_true (rp_template_apply (store, RP_TEMPLATE_STANDARD_ID, r, &error));
  markdown = rp_format_markdown_checklist (store, r, NULL, &error);
  g_assert_no_error (error);
  assert_golden ("checklist-standard.md", markdown);

  if (parse_with_cmark_gfm (markdown, FALSE, &parsed))
    {
      g_assert_cmpuint (parsed.items, ==, 17);
      g_assert_cmpuint (parsed.checked, ==, 0);
      g_assert_cmpuint (parsed.headings, ==, 3);
      parsed_clear (&parsed);
    }

  /* tick one, mark one n/a */
  sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, r);
  items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]));
  g_assert_true (rp_checklist_set_state (store, rp_record_get_id (items->pdata[1]), "done", &error));
  g_assert_true (rp_checklist_set_state (store, rp_record_get_id (items->pdata[3]), "na", &error));
  g_clear_pointer (&markdown, g_free);
  markdown = rp_format_markdown_checklist (store, r, rp_record_get_id (sections->pdata[0]), &error);
  g_assert_no_error (error);
  assert_golden ("checklist-section.md", markdown);

  if (parse_with_cmark_gfm (markdown, FALSE, &parsed))
    {
      g_assert_cmpuint (parsed.items, ==, 7);
      g_assert_cmpuint (parsed.checked, ==, 2);
      g_assert_cmpuint (parsed.headings, ==, 1);
      parsed_clear (&parsed);
    }
}

/* Texts that would break a naive task list. */
static const char *const hostile_texts[][2] = {
  { "[x] done", "open" },
  { "a | b", "done" },
  { "`code` and ``double`` `", "open" },
  { "line one\nline two\r\nline three\rline four", "done" },
  { "# not a heading", "open" },
  { "<script>alert(1)</script>", "na" },
  { "~~not struck~~", "open" },
  { "back\\slash\\", "done" },
  { "**bold** _em_ *x* __u__", "open" },
  { "&amp; &#35; entity", "open" },
  { "- [ ] nested?", "open" },
  { "1. numbered", "open" },
  { "![img](http://x.invalid) [link](http://y.invalid) <http://z.invalid>", "open" },
  { "  padded\t ", "open" },
  { "$x$ {+ diff +} !42 #7 ~label", "open" },
  { "ends with backslash \\", "na" },
  { "Runbook: https://wiki.invalid/ops_guide#roll~back*x*. (see http://a.invalid/b_(c)), done", "open" },
  { "\n", "open" }, /* nothing but a line break: the store refuses it */
};

static void
fill_hostile (RpStore *store, const char *r, guint *n_items, guint *n_checked, guint *n_na)
{
  g_autoptr (RpRecord) person = rp_record_new (RP_ENTITY_PERSON);
  g_autofree char *s1 = add_section (store, r, "Pre-Release");
  g_autofree char *s2 = add_section (store, r, "# Hot | fixes [x] `now` ##");
  g_autofree char *s3 = add_section (store, r, "Empty\nsection");
  g_autoptr (RpRecord) blank = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);

  rp_record_set_string (person, "name", "Ada <ops> *Lovelace*");
  g_assert_true (rp_store_insert (store, person, NULL));

  *n_items = *n_checked = *n_na = 0;
  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    {
      if (strcmp (hostile_texts[i][0], "\n") == 0)
        {
          rp_record_set_string (blank, "section_id", s1);
          rp_record_set_string (blank, "text", hostile_texts[i][0]);
          g_assert_false (rp_store_insert (store, blank, NULL));
          continue;
        }
      add_item (store, s1, hostile_texts[i][0], hostile_texts[i][1], NULL, NULL);
      *n_items += 1;
      *n_checked += strcmp (hostile_texts[i][1], "open") != 0;
      *n_na += strcmp (hostile_texts[i][1], "na") == 0;
    }
  add_item (store, s2, "Rollback | with assignee", "open", rp_record_get_id (person), "2026-12-01");
  add_item (store, s2, "Not needed, due anyway", "na", NULL, "2026-12-02");
  add_item (store, s2, "Done by Ada", "done", rp_record_get_id (person), NULL);
  *n_items += 3;
  *n_checked += 2;
  *n_na += 1;
  (void) s3;
}

static void
test_hostile (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *r = add_release (store, "Hostile");
  g_autofree char *markdown = NULL;
  g_autofree char *again = NULL;
  guint n_items, n_checked, n_na;
  Parsed parsed;

  fill_hostile (store, r, &n_items, &n_checked, &n_na);
  markdown = rp_format_markdown_checklist (store, r, NULL, &error);
  g_assert_no_error (error);
  assert_golden ("checklist-hostile.md", markdown);

  /* deterministic */
  again = rp_format_markdown_checklist (store, r, NULL, &error);
  g_assert_cmpstr (markdown, ==, again);
  g_assert_true (g_str_has_suffix (markdown, "\n"));

  for (int github = 0; github <= 1; github++)
    {
      if (!parse_with_cmark_gfm (markdown, github, &parsed))
        return;
      g_assert_cmpuint (parsed.items, ==, n_items);
      g_assert_cmpuint (parsed.checked, ==, n_checked);
      g_assert_cmpuint (parsed.list_items, ==, n_items); /* nothing nested, nothing extra */
      g_assert_cmpuint (parsed.lists, ==, 2);            /* the empty section has none */
      g_assert_cmpuint (parsed.headings, ==, 3);
      g_assert_cmpuint (parsed.struck, ==, github ? n_na : 0);
      /* no markup came from the texts but the links of their URLs */
      g_assert_null (strstr (parsed.html, "<h1"));
      g_assert_null (strstr (parsed.html, "<script"));
      g_assert_null (strstr (parsed.html, "<code"));
      g_assert_null (strstr (parsed.html, "<em"));
      g_assert_null (strstr (parsed.html, "<strong"));
      g_assert_null (strstr (parsed.html, "<img"));
      g_assert_null (strstr (parsed.html, "<ol"));
      g_assert_null (strstr (parsed.html, "<table"));
      g_assert_null (strstr (parsed.html, "<br"));
      g_assert_null (strstr (parsed.html, "%5C")); /* no backslash in a link */
      g_assert_cmpuint (parsed.links, ==, 5);
      /* and the texts read as they were written */
      g_assert_nonnull (strstr (parsed.html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
      g_assert_nonnull (strstr (parsed.html, "[x] done</li>"));
      g_assert_nonnull (strstr (parsed.html, "line one line two line three line four"));
      g_assert_nonnull (strstr (parsed.html, "back\\slash\\</li>"));
      g_assert_nonnull (strstr (parsed.html, "&amp;amp; &amp;#35; entity"));
      g_assert_nonnull (strstr (parsed.html, "<h2># Hot | fixes [x] `now` ##</h2>"));
      g_assert_nonnull (strstr (parsed.html, "<h2>Empty section</h2>"));
      g_assert_nonnull (strstr (parsed.html,
                                "Runbook: <a href=\"https://wiki.invalid/ops_guide#roll~back*x\">"
                                "https://wiki.invalid/ops_guide#roll~back*x</a>*. (see "
                                "<a href=\"http://a.invalid/b_(c)\">http://a.invalid/b_(c)</a>), done"));
      parsed_clear (&parsed);
    }
}

static void
test_errors (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *r1 = add_release (store, "R1");
  g_autofree char *r2 = add_release (store, "R2");
  g_autofree char *s2 = add_section (store, r2, "Other");
  g_autofree char *markdown = NULL;

  /* no checklist: nothing at all */
  markdown = rp_format_markdown_checklist (store, r1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (markdown, ==, "");
  g_clear_pointer (&markdown, g_free);

  markdown = rp_format_markdown_checklist (store, "no-such-release", NULL, &error);
  g_assert_null (markdown);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a section of another release */
  markdown = rp_format_markdown_checklist (store, r1, s2, &error);
  g_assert_null (markdown);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

typedef struct
{
  const char *in;
  const char *out;
} EscapeCase;

static const EscapeCase escape_cases[] = {
  { "plain text", "plain text" },
  { "Deploy to canary/small percentage", "Deploy to canary/small percentage" },
  { "Post-mortem scheduled (if issues)", "Post-mortem scheduled (if issues)" },
  { "[x] done", "\\[x\\] done" },
  { "a | b", "a \\| b" },
  { "`x`", "\\`x\\`" },
  { "*a* _b_", "\\*a\\* \\_b\\_" },
  { "<b>", "\\<b\\>" },
  { "# h", "\\# h" },
  { "~~s~~", "\\~\\~s\\~\\~" },
  { "a\\b", "a\\\\b" },
  { "&amp;", "\\&amp;" },
  { "![i](u)", "\\!\\[i\\](u)" },
  { "$x$ {+y+}", "\\$x\\$ \\{+y+\\}" },
  { "one\ntwo", "one two" },
  { "one\r\ntwo", "one two" },
  { "one\rtwo", "one two" },
  { "tab\there", "tab here" },
  { "  both ends \n", "both ends" },
  { "\n\n", "" },
  { "", "" },
  { "Grüße — 日本", "Grüße — 日本" },
  { "see https://x.invalid/a_b#c~d.", "see <https://x.invalid/a_b#c~d>." },
  { "(HTTP://x.invalid/p_(q))!", "(<HTTP://x.invalid/p_(q)>)\\!" },
  { "http://x.invalid|b", "<http://x.invalid>\\|b" },
  { "<https://x.invalid>", "\\<<https://x.invalid>\\>" },
  { "nohttp://x.invalid", "nohttp://x.invalid" },
  { "https://", "https://" },
  /* closing quotes of other scripts end the link, as ASCII ones do */
  { "“see http://x.invalid/a”", "“see <http://x.invalid/a>”" },
  { "«http://x.invalid/(a)»。", "«<http://x.invalid/(a)>»。" },
  { "“[l](http://x.invalid)”", "“\\[l\\](<http://x.invalid>)”" },
  { "http://x.invalid/Grüße/🚀", "<http://x.invalid/Grüße/🚀>" },
};

static void
test_escape (gconstpointer data)
{
  const EscapeCase *c = data;
  g_autofree char *escaped = rp_markdown_escape_inline (c->in);

  g_assert_cmpstr (escaped, ==, c->out);
}

static void
test_escape_null (void)
{
  g_autofree char *escaped = rp_markdown_escape_inline (NULL);
  g_autofree char *invalid = rp_markdown_escape_inline ("bad \xff byte");

  g_assert_cmpstr (escaped, ==, "");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/markdown/checklist/standard", test_standard);
  g_test_add_func ("/markdown/checklist/hostile", test_hostile);
  g_test_add_func ("/markdown/checklist/errors", test_errors);
  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/markdown/escape/%u", i);
      g_test_add_data_func (path, &escape_cases[i], test_escape);
    }
  g_test_add_func ("/markdown/escape/null-and-invalid", test_escape_null);

  return g_test_run ();
}
