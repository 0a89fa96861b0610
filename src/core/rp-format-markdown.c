/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"
#include "rp-format-markdown-private.h"

/* ASCII punctuation that can start or end Markdown syntax inside a line:
 * code spans, emphasis, links and task markers, raw HTML and entities,
 * table cells, strikethrough, headings, GitHub math, GitLab references
 * and inline diffs. CommonMark lets any ASCII punctuation be escaped with
 * a backslash; the rest ("-", ".", "/", "(", …) only means something at
 * the start of a line, and escaped text never starts one. */
static const char escaped_punctuation[] = "\\`*_[]<>|~#&!${}";

/* The length of the http(s) URL at @p, or 0. A backslash escape inside
 * a bare URL would become part of the link where GitHub and GitLab turn
 * URLs into links, so a URL is written as a CommonMark autolink <…>,
 * inside which nothing is markup. It ends where an autolink must (white
 * space, control characters, "<" and ">") or at "|" (a table cell), and
 * leaves out the punctuation that ends a sentence around it. */
static gsize
url_length (const char *p)
{
  gsize start, n, open = 0, close = 0;

  if (g_ascii_strncasecmp (p, "https://", 8) == 0)
    start = 8;
  else if (g_ascii_strncasecmp (p, "http://", 7) == 0)
    start = 7;
  else
    return 0;

  for (n = start; p[n] != '\0'; n++)
    {
      guchar c = (guchar) p[n];

      if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '|')
        break;
      open += c == '(';
      close += c == ')';
    }
  while (n > start)
    {
      const char *prev = g_utf8_find_prev_char (p + start, p + n);
      char last = p[n - 1];

      if ((guchar) last >= 0x80)
        {
          /* "…”", "…»", "…。": closing quotes and punctuation of other
           * scripts end a sentence too, as the readiness findings quote
           * a title in “ ” */
          gunichar u = prev != NULL ? g_utf8_get_char_validated (prev, p + n - prev) : (gunichar) -1;

          GUnicodeType type = u < 0x110000 ? g_unichar_type (u) : G_UNICODE_UNASSIGNED;

          if (prev == NULL || (type != G_UNICODE_CLOSE_PUNCTUATION && type != G_UNICODE_FINAL_PUNCTUATION &&
                               type != G_UNICODE_INITIAL_PUNCTUATION && type != G_UNICODE_OTHER_PUNCTUATION))
            break;
          n = prev - p;
          continue;
        }
      if (last == ')' && close > open)
        close--;
      else if (strchr (".,:;!?'\"*_~", last) == NULL)
        break;
      n--;
    }
  return n > start ? n : 0;
}

/**
 * rp_markdown_escape_inline:
 * @text: (nullable): text a person wrote
 *
 * Makes @text safe as inline content on one line of Markdown (a list
 * item, a heading or a table cell): line breaks and other control
 * characters become spaces, leading and trailing white space goes, and
 * punctuation that Markdown would read as syntax gets a backslash;
 * http(s) URLs become autolinks "<https://…>". The result renders as the
 * original text in every CommonMark reader.
 *
 * Returns: (transfer full): the escaped text, "" for NULL
 */
char *
rp_markdown_escape_inline (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize start, end;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid) + 8);
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      gsize url = (p == valid || !g_ascii_isalnum (p[-1])) ? url_length (p) : 0;

      if (url > 0)
        {
          g_string_append_c (out, '<');
          g_string_append_len (out, p, url);
          g_string_append_c (out, '>');
          p += url - 1;
        }
      else if (c == '\r' && p[1] == '\n')
        continue; /* CRLF is one line break: the LF makes the space */
      else if (c < 0x20 || c == 0x7f)
        g_string_append_c (out, ' ');
      else if (strchr (escaped_punctuation, c) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else
        g_string_append_c (out, c);
    }

  /* Leading spaces could make an indented code block; trailing ones a
   * hard line break. */
  for (start = 0; out->str[start] == ' '; start++)
    ;
  for (end = out->len; end > start && out->str[end - 1] == ' '; end--)
    ;
  g_string_truncate (out, end);
  g_string_erase (out, 0, start);
  return g_string_free (out, FALSE);
}

/* The lines of @text, each made safe with rp_markdown_escape_inline();
 * CRLF, CR and LF all end a line. */
static GPtrArray *
escape_lines (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_auto (GStrv) lines = NULL;
  GPtrArray *escaped = g_ptr_array_new_with_free_func (g_free);
  GString *normal = g_string_new (valid);

  g_string_replace (normal, "\r\n", "\n", 0);
  g_string_replace (normal, "\r", "\n", 0);
  lines = g_strsplit (normal->str, "\n", -1);
  g_string_free (normal, TRUE);
  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (escaped, rp_markdown_escape_inline (lines[i]));
  return escaped;
}

/* Escaped inline text never starts a line, but a line of a block does:
 * there "-", "+" and "=" could make a list item, a thematic break or a
 * setext heading of the line above, and "1." or "1)" an ordered list. */
static void
append_block_line (GString *out, const char *line)
{
  gsize digits = strspn (line, "0123456789");

  if (strchr ("-+=", line[0]) != NULL)
    g_string_append_c (out, '\\');
  else if (digits > 0 && digits < 10 && (line[digits] == '.' || line[digits] == ')'))
    {
      g_string_append_len (out, line, digits);
      g_string_append_c (out, '\\');
      line += digits;
    }
  g_string_append (out, line);
}

/* The escaped lines of @text joined: by @line_break within a paragraph,
 * by @paragraph_break where blank lines were; @block guards the start of
 * each line. */
static char *
escape_joined (const char *text, const char *line_break, const char *paragraph_break, gboolean block)
{
  g_autoptr (GPtrArray) lines = NULL;
  GString *out;
  gboolean blank = FALSE;

  if (text == NULL)
    return g_strdup ("");

  lines = escape_lines (text);
  out = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];

      if (*line == '\0')
        {
          blank = TRUE;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, blank ? paragraph_break : line_break);
      if (block)
        append_block_line (out, line);
      else
        g_string_append (out, line);
      blank = FALSE;
    }
  return g_string_free (out, FALSE);
}

/**
 * rp_markdown_escape_block:
 * @text: (nullable): text of several lines a person wrote
 *
 * Makes @text safe as paragraphs of Markdown: each line escaped as by
 * rp_markdown_escape_inline() and guarded against starting a block
 * (list, heading, quote, code, thematic break), lines of one paragraph
 * kept apart by hard line breaks (a backslash at the end of the line),
 * blank lines separating paragraphs. Without a final newline.
 *
 * Returns: (transfer full): the Markdown, "" for NULL or blank text
 */
char *
rp_markdown_escape_block (const char *text)
{
  return escape_joined (text, "\\\n", "\n\n", TRUE);
}

/**
 * rp_markdown_escape_cell:
 * @text: (nullable): text a person wrote
 *
 * Makes @text safe as the content of one cell of a GFM table: escaped as
 * by rp_markdown_escape_inline() (so "|" cannot end the cell), its lines
 * kept apart by "<br>", which GitHub and GitLab render inside tables
 * (a table cell cannot hold a line break of Markdown itself); blank lines
 * go.
 *
 * Returns: (transfer full): the cell, "" for NULL
 */
char *
rp_markdown_escape_cell (const char *text)
{
  return escape_joined (text, "<br>", "<br>", FALSE);
}

static void
append_item (GString *out, RpStore *store, RpRecord *item)
{
  const char *state = rp_record_get_string (item, "state");
  const char *assignee_id = rp_record_get_string (item, "assignee_id");
  const char *due = rp_record_get_string (item, "due");
  g_autofree char *text = rp_markdown_escape_inline (rp_record_get_string (item, "text"));

  /* The store refuses empty texts, but a text of control characters
   * alone escapes to nothing, and "- [ ]" alone is no task item. */
  if (*text == '\0')
    {
      g_free (text);
      text = g_strdup ("\\-");
    }

  if (g_strcmp0 (state, "na") == 0)
    g_string_append_printf (out, "- [x] ~~%s~~ (n/a)", text);
  else
    g_string_append_printf (out, "- [%c] %s", g_strcmp0 (state, "done") == 0 ? 'x' : ' ', text);

  if (assignee_id != NULL)
    {
      g_autoptr (RpRecord) person = rp_store_get (store, RP_ENTITY_PERSON, assignee_id, NULL);

      if (person != NULL)
        {
          g_autofree char *name = rp_markdown_escape_inline (rp_record_get_string (person, "name"));
          g_string_append_printf (out, " — @%s", name);
        }
    }
  if (due != NULL)
    {
      g_autofree char *date = rp_markdown_escape_inline (due);
      g_string_append_printf (out, " (due %s)", date);
    }
  g_string_append_c (out, '\n');
}

/* A section of the checklist: a heading of @level "#"s (with @note after
 * the name, when given), directly followed by its items. */
void
_rp_markdown_append_checklist_section (GString *out, RpStore *store, RpRecord *section, guint level,
                                       const char *note)
{
  g_autofree char *name = rp_markdown_escape_inline (rp_record_get_string (section, "name"));
  g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (section));

  if (out->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_printf (out, " %s%s\n", *name != '\0' ? name : "\\-", note != NULL ? note : "");
  for (guint i = 0; i < items->len; i++)
    append_item (out, store, items->pdata[i]);
}

/**
 * rp_format_markdown_checklist:
 * @release_id: the release
 * @section_id: (nullable): one section of it, or NULL for all
 *
 * The checklist as a GitHub/GitLab task list: per section a "## name"
 * heading (also when only one section is asked for, so that a pasted
 * section says what it is) directly followed by its items, sections
 * separated by a blank line — the layout of the article's checklist, so
 * a release fresh from "Standard release" gives the article's text.
 * Items: "- [ ] text", "- [x] text", not applicable "- [x] ~~text~~ (n/a)",
 * then " — @assignee" and " (due YYYY-MM-DD)" when set. The same data
 * gives the same bytes; the text ends with a newline, or is empty when
 * the release has no checklist sections.
 *
 * Returns: (transfer full) (nullable): the Markdown, or NULL with
 * RP_STORE_ERROR_NOT_FOUND
 */
char *
rp_format_markdown_checklist (RpStore *store, const char *release_id, const char *section_id, GError **error)
{
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);

  if ((release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error)) == NULL)
    return NULL;

  out = g_string_new (NULL);
  if (section_id != NULL)
    {
      g_autoptr (RpRecord) section = rp_store_get (store, RP_ENTITY_CHECKLIST_SECTION, section_id, error);

      if (section == NULL)
        return NULL;
      if (g_strcmp0 (rp_record_get_string (section, "release_id"), release_id) != 0)
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                       "The checklist of “%s” has no section with the id “%s”.",
                       rp_record_get_string (release, "name"), section_id);
          return NULL;
        }
      _rp_markdown_append_checklist_section (out, store, section, 2, NULL);
    }
  else
    {
      g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);

      for (guint s = 0; s < sections->len; s++)
        _rp_markdown_append_checklist_section (out, store, sections->pdata[s], 2, NULL);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
