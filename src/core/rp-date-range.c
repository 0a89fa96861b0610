/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-date-range.h"
#include "rp-entity.h"

struct _RpDateRange
{
  guint32 first; /* Julian days, first <= last */
  guint32 last;
  gatomicrefcount ref_count;
};

G_DEFINE_BOXED_TYPE (RpDateRange, rp_date_range, rp_date_range_ref, rp_date_range_unref)

/**
 * rp_date_range_new_julian:
 * @first: the Julian day number of the first day (g_date_get_julian())
 * @last: that of the last day, not before @first
 *
 * Returns: (transfer full): the range
 */
RpDateRange *
rp_date_range_new_julian (guint32 first, guint32 last)
{
  RpDateRange *self;

  g_return_val_if_fail (g_date_valid_julian (first), NULL);
  g_return_val_if_fail (g_date_valid_julian (last), NULL);
  g_return_val_if_fail (first <= last, NULL);

  self = g_new (RpDateRange, 1);
  self->first = first;
  self->last = last;
  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

/**
 * rp_date_range_new:
 * @first: the first day
 * @last: the last day, not before @first
 *
 * Returns: (transfer full): the range
 */
RpDateRange *
rp_date_range_new (const GDate *first, const GDate *last)
{
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  return rp_date_range_new_julian (g_date_get_julian (first), g_date_get_julian (last));
}

/**
 * rp_date_range_parse:
 * @first: (nullable): "YYYY-MM-DD"
 * @last: (nullable): "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): the range, or NULL when either is
 * not a date or @last comes before @first
 */
RpDateRange *
rp_date_range_parse (const char *first, const char *last)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  if (!rp_date_parse_into (first, &a) || !rp_date_parse_into (last, &b) || g_date_compare (&a, &b) > 0)
    return NULL;
  return rp_date_range_new (&a, &b);
}

RpDateRange *
rp_date_range_ref (RpDateRange *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_date_range_unref (RpDateRange *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

void
rp_date_range_get_first (const RpDateRange *self, GDate *date)
{
  g_return_if_fail (self != NULL && date != NULL);
  g_date_clear (date, 1);
  g_date_set_julian (date, self->first);
}

void
rp_date_range_get_last (const RpDateRange *self, GDate *date)
{
  g_return_if_fail (self != NULL && date != NULL);
  g_date_clear (date, 1);
  g_date_set_julian (date, self->last);
}

guint32
rp_date_range_get_first_julian (const RpDateRange *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->first;
}

guint32
rp_date_range_get_last_julian (const RpDateRange *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->last;
}

/* How many days it holds: 1 for a single day. */
guint
rp_date_range_get_n_days (const RpDateRange *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->last - self->first + 1;
}

gboolean
rp_date_range_contains_julian (const RpDateRange *self, guint32 julian)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return julian >= self->first && julian <= self->last;
}

gboolean
rp_date_range_contains (const RpDateRange *self, const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  return rp_date_range_contains_julian (self, g_date_get_julian (date));
}

/* TRUE when the two share at least one day. */
gboolean
rp_date_range_overlaps (const RpDateRange *a, const RpDateRange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->first <= b->last && b->first <= a->last;
}

/**
 * rp_date_range_intersect:
 *
 * Returns: (transfer full) (nullable): the days both hold, or NULL
 */
RpDateRange *
rp_date_range_intersect (const RpDateRange *a, const RpDateRange *b)
{
  if (!rp_date_range_overlaps (a, b))
    return NULL;
  return rp_date_range_new_julian (MAX (a->first, b->first), MIN (a->last, b->last));
}

/**
 * rp_date_range_span:
 *
 * Returns: (transfer full): the smallest range holding both (and any
 * days between them)
 */
RpDateRange *
rp_date_range_span (const RpDateRange *a, const RpDateRange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, NULL);
  return rp_date_range_new_julian (MIN (a->first, b->first), MAX (a->last, b->last));
}

/* Earlier first day first; of two starting together, the shorter one. */
int
rp_date_range_compare (const RpDateRange *a, const RpDateRange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);
  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  if (a->last != b->last)
    return a->last < b->last ? -1 : 1;
  return 0;
}

gboolean
rp_date_range_equal (const RpDateRange *a, const RpDateRange *b)
{
  return rp_date_range_compare (a, b) == 0;
}

/**
 * rp_date_range_to_string:
 *
 * Returns: (transfer full): an ISO 8601 interval, "2026-12-18/2027-01-04",
 * or the one date of a single day
 */
char *
rp_date_range_to_string (const RpDateRange *self)
{
  GDate first, last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  rp_date_range_get_first (self, &first);
  rp_date_range_get_last (self, &last);
  a = rp_date_format (&first);
  if (self->first == self->last)
    return g_steal_pointer (&a);
  b = rp_date_format (&last);
  return g_strconcat (a, "/", b, NULL);
}
