/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A run of whole days, from its first to its last day, both included: a
 * testing window, the buffer before a deploy, a freeze. Immutable and
 * reference counted, so that views and rules can share one freely. */

#define RP_TYPE_DATE_RANGE (rp_date_range_get_type ())

typedef struct _RpDateRange RpDateRange;

GType rp_date_range_get_type (void) G_GNUC_CONST;

RpDateRange *rp_date_range_new (const GDate *first, const GDate *last);
RpDateRange *rp_date_range_new_julian (guint32 first, guint32 last);
RpDateRange *rp_date_range_parse (const char *first, const char *last);

RpDateRange *rp_date_range_ref (RpDateRange *self);
void rp_date_range_unref (RpDateRange *self);

void rp_date_range_get_first (const RpDateRange *self, GDate *date);
void rp_date_range_get_last (const RpDateRange *self, GDate *date);
guint32 rp_date_range_get_first_julian (const RpDateRange *self);
guint32 rp_date_range_get_last_julian (const RpDateRange *self);
guint rp_date_range_get_n_days (const RpDateRange *self);

gboolean rp_date_range_contains (const RpDateRange *self, const GDate *date);
gboolean rp_date_range_contains_julian (const RpDateRange *self, guint32 julian);
gboolean rp_date_range_overlaps (const RpDateRange *a, const RpDateRange *b);
RpDateRange *rp_date_range_intersect (const RpDateRange *a, const RpDateRange *b);
RpDateRange *rp_date_range_span (const RpDateRange *a, const RpDateRange *b);
int rp_date_range_compare (const RpDateRange *a, const RpDateRange *b);
gboolean rp_date_range_equal (const RpDateRange *a, const RpDateRange *b);
char *rp_date_range_to_string (const RpDateRange *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpDateRange, rp_date_range_unref)

G_END_DECLS
