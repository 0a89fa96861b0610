/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkTextView of plain text that wraps and asks for the height its text
 * needs at the width it is given (height for width), for a text view that
 * sits in a row or a box rather than in a scrolled window. */
#define RP_TYPE_WRAP_TEXT_VIEW (rp_wrap_text_view_get_type ())
G_DECLARE_FINAL_TYPE (RpWrapTextView, rp_wrap_text_view, RP, WRAP_TEXT_VIEW, GtkTextView)

GtkWidget *rp_wrap_text_view_new (void);

G_END_DECLS
