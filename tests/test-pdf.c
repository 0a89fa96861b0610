/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-test-core.h"

/* The PDF readiness report, read back with pdfinfo and pdftotext
 * (poppler-utils), and its drawing function on other page sizes, as the
 * print dialog uses it. */

static GBytes *
export_pdf (RpStore *store, const char *name)
{
  g_autoptr (RpRecord) release = rp_test_find_release (store, name);
  g_autoptr (GError) error = NULL;
  GDate today;
  GBytes *pdf;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  pdf = rp_format_pdf_export (store, rp_record_get_id (release), &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_true (g_bytes_get_size (pdf) > 1000);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) == 0);
  return pdf;
}

/* pdftotext's text of @pdf, its lines joined by one space, or NULL. */
static char *
pdf_text (GBytes *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "@FILE@", "-", NULL };
  g_autofree char *text =
      rp_test_run_reader (argv, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), ".pdf");
  GString *joined;

  if (text == NULL)
    return NULL;
  joined = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = *p == '\n' || *p == '\f' || *p == ' ';

      if (!space)
        g_string_append_c (joined, *p);
      else if (joined->len > 0 && joined->str[joined->len - 1] != ' ')
        g_string_append_c (joined, ' ');
    }
  return g_string_free (joined, FALSE);
}

static char *
pdf_info (GBytes *pdf, const char *key)
{
  const char *argv[] = { "pdfinfo", "@FILE@", NULL };
  g_autofree char *info =
      rp_test_run_reader (argv, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), ".pdf");
  g_auto (GStrv) lines = NULL;

  if (info == NULL)
    return NULL;
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strdup (g_strstrip (lines[i] + strlen (key) + 1));
  return NULL;
}

/* The verdict of the rules as of the report's day, near the top (above
 * the last decision and the dates), and each of their findings, in
 * the order of the rules, under the heading of its severity. */
static void
assert_readiness (RpStore *store, const char *name, const char *text, const char *verdict)
{
  static const char *const headings[] = { "Blockers (", "Warnings (", "Notes (" };
  g_autoptr (RpRecord) release = rp_test_find_release (store, name);
  g_autoptr (RpReadiness) readiness = NULL;
  g_autoptr (RpReadinessReport) report = NULL;
  const char *at = strstr (text, verdict);
  const char *decision = strstr (text, "Last go/no-go decision");
  GPtrArray *findings;
  GDate today;

  g_assert_nonnull (at);
  g_assert_nonnull (decision);
  g_assert_true (at < decision);
  g_assert_true (at < strstr (text, "Dates"));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  readiness = rp_readiness_new (store, &today);
  report = rp_readiness_check (readiness, rp_record_get_id (release), NULL);
  findings = rp_readiness_report_get_findings (report);
  if (findings->len == 0)
    g_assert_null (strstr (text, "Findings"));
  for (guint i = 0; i < findings->len; i++)
    {
      const RpFinding *finding = findings->pdata[i];
      const char *heading = strstr (text, headings[rp_finding_get_severity (finding)]);
      const char *found = strstr (at, rp_finding_get_message (finding));

      g_assert_nonnull (heading);
      g_assert_nonnull (found);
      g_assert_true (found > heading && found < decision);
      at = found + strlen (rp_finding_get_message (finding));
    }
}

static void
test_sample (void)
{
  g_autoptr (RpStore) store = rp_test_open_sample ();
  const char *const names[] = { "Payments platform 2027.1", "Mobile app 5.0", "Search relevance v4",
                                "Checkout 2.3" };
  /* as `check --today 2026-11-25` says */
  const char *const verdicts[] = {
    "Verdict: No-go Readiness on 2026-11-25: 6 blockers, 6 warnings 8 of 18 readiness checks pass;",
    "Verdict: No-go Readiness on 2026-11-25: 8 blockers, 1 warning 16 of 22 readiness checks pass;",
    "Verdict: Go with risks Readiness on 2026-11-25: 1 warning 17 of 18 readiness checks pass;",
    "Verdict: Go with risks Readiness on 2026-11-25: 2 warnings 17 of 18 readiness checks pass;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GBytes) pdf = export_pdf (store, names[i]);
      g_autofree char *pages = pdf_info (pdf, "Pages");
      g_autofree char *title = NULL;
      g_autofree char *expected_title = NULL;
      g_autofree char *text = NULL;
      g_autofree char *footer = NULL;

      if (pages == NULL)
        return; /* no pdfinfo: skipped */
      /* one or two pages, for the meeting room */
      g_assert_cmpint (atoi (pages), >=, 1);
      g_assert_cmpint (atoi (pages), <=, 2);
      title = pdf_info (pdf, "Title");
      expected_title = g_strdup_printf ("Readiness report: %s", names[i]);
      g_assert_cmpstr (title, ==, expected_title);

      text = pdf_text (pdf);
      g_assert_nonnull (strstr (text, names[i]));
      g_assert_nonnull (strstr (text, "Readiness report of 2026-11-25"));
      g_assert_nonnull (strstr (text, "Dates"));
      g_assert_nonnull (strstr (text, "Owners"));
      g_assert_nonnull (strstr (text, "Risks"));
      g_assert_nonnull (strstr (text, "Checklist"));
      footer = g_strdup_printf ("%s · page 1 of %s", names[i], pages);
      g_assert_nonnull (strstr (text, footer));
      assert_readiness (store, names[i], text, verdicts[i]);
      switch (i)
        {
        case 0:
          g_assert_nonnull (strstr (text, "No decision yet."));
          g_assert_nonnull (strstr (text, "Pre-Release (before the deploy) 0 of 7 done"));
          break;
        case 2:
          /* the last decision, with the readiness and findings it was taken on */
          g_assert_nonnull (strstr (text, "Go with risks 2026-11-24 15:30 UTC · Daniel Brandt"));
          g_assert_nonnull (strstr (text, "Readiness then: Go with risks"));
          g_assert_nonnull (strstr (text, "Warning: “Search analytics events” has no acceptance criteria"));
          g_assert_nonnull (strstr (text, "7 of 7 done"));
          break;
        case 3:
          g_assert_nonnull (strstr (text, "Go 2026-10-26 14:00 UTC · Daniel Brandt"));
          break;
        default:
          break;
        }
    }
}

static void
test_hostile (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *id = rp_test_add_hostile_release (store);
  g_autoptr (GBytes) pdf = export_pdf (store, id);
  g_autofree char *pages = pdf_info (pdf, "Pages");
  g_autofree char *text = NULL;

  if (pages == NULL)
    return;
  /* long texts are cut to a few lines a cell: still at most two pages */
  g_assert_cmpint (atoi (pages), >=, 1);
  g_assert_cmpint (atoi (pages), <=, 2);
  text = pdf_text (pdf);
  /* markup in the text is text */
  g_assert_nonnull (strstr (text, "=cmd|' /C calc'!A0 | b [x] `c` <b>x</b> <script>alert(1)</script>"));
  g_assert_nonnull (strstr (text, "Verdict: No-go Readiness on 2026-11-25: 5 blockers"));
  g_assert_nonnull (strstr (text, "1 of 2 done"));
  g_assert_null (strstr (text, "hostile-"));
}

/* Draws every page of @report on an image surface of @width × @height
 * and returns how many pages there were; each page has ink on it. */
static int
draw_all (RpPdfReport *report, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  int pages = rp_pdf_report_paginate (report, cr, width, height);

  for (int page = 0; page < pages; page++)
    {
      const guint32 *pixels;
      guint dark = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      rp_format_pdf_draw (cr, width, height, page, report);
      cairo_surface_flush (surface);
      pixels = (const guint32 *) cairo_image_surface_get_data (surface);
      for (int p = 0; p < width * height; p++)
        dark += (pixels[p] & 0xff) < 0x80;
      g_assert_cmpuint (dark, >, 100);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pages;
}

/* The print dialog gives other page sizes: the same report paginates
 * anew, more pages on smaller paper, none of them empty. */
static void
test_draw_sizes (void)
{
  g_autoptr (RpStore) store = rp_test_open_sample ();
  g_autoptr (RpRecord) release = rp_test_find_release (store, "Search relevance v4");
  g_autoptr (RpPdfReport) report = NULL;
  g_autoptr (GError) error = NULL;
  GDate today;
  int a4, small;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  report = rp_pdf_report_new (store, rp_record_get_id (release), &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_pdf_report_get_title (report), ==, "Readiness report: Search relevance v4");
  a4 = draw_all (report, 595, 842);
  small = draw_all (report, 420, 300);
  /* (screen fonts are hinted to whole pixels, so a page may hold a line
   * or two less than in the PDF) */
  g_assert_cmpint (a4, <=, 2);
  g_assert_cmpint (small, >, a4 + 1);
  /* and back */
  g_assert_cmpint (draw_all (report, 595, 842), ==, a4);
}

static void
test_not_found (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, 11, 2026);
  g_assert_null (rp_format_pdf_export (store, "no-such-release", &today, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pdf/sample", test_sample);
  g_test_add_func ("/pdf/hostile", test_hostile);
  g_test_add_func ("/pdf/draw-sizes", test_draw_sizes);
  g_test_add_func ("/pdf/not-found", test_not_found);

  return g_test_run ();
}
