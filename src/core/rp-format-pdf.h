/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* The readiness report of a release for a meeting or the record, one or
 * two pages drawn with cairo and pango: the same drawing makes the PDF
 * and, through GtkPrintOperation, the printout:
 *
 *   report = rp_pdf_report_new (store, release_id, today, &error);
 *   n_pages = rp_pdf_report_paginate (report, cr, width, height);  (begin-print)
 *   rp_format_pdf_draw (cr, width, height, page, report);            (draw-page)
 */

typedef struct _RpPdfReport RpPdfReport;

/* A4, in points: the size of the PDF's pages. */
#define RP_PDF_PAGE_WIDTH 595.276
#define RP_PDF_PAGE_HEIGHT 841.89

RpPdfReport *rp_pdf_report_new (RpStore *store, const char *release_id, const GDate *today, GError **error);
void rp_pdf_report_free (RpPdfReport *report);
const char *rp_pdf_report_get_title (RpPdfReport *report);

/* Lays the report out on pages of @width × @height points of @cr's
 * surface (its fonts) and returns the number of pages. */
int rp_pdf_report_paginate (RpPdfReport *report, cairo_t *cr, double width, double height);

/* Draws page @page (from 0) of the report, paginated for @width × @height
 * (paginated now if it was not), with its top left corner at the origin. */
void rp_format_pdf_draw (cairo_t *cr, double width, double height, int page, RpPdfReport *report);

/* The report as a PDF file of A4 pages. */
GBytes *rp_format_pdf_export (RpStore *store, const char *release_id, const GDate *today, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpPdfReport, rp_pdf_report_free)

G_END_DECLS
