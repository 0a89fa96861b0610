/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* What the views of all releases at once (the Calendar, the Timeline)
 * have in common, so that the window drives them alike: the store they
 * show, the date they show (the month of the calendar, the start of the
 * timeline), previous/next/today to move it, and release-activated when
 * the user opens a release from them.
 *
 * An implementation overrides the properties "store" and "date"
 * (g_object_class_override_property) and implements the vfuncs. */

#define RP_TYPE_PLAN_VIEW (rp_plan_view_get_type ())
G_DECLARE_INTERFACE (RpPlanView, rp_plan_view, RP, PLAN_VIEW, GtkWidget)

/**
 * RpPlanViewInterface:
 * @get_date: the date shown, (transfer none)
 * @set_date: shows @date (local time; the view may round it, to the
 *   first of its month for a month view)
 * @previous: goes back one step of the view (a month, a week)
 * @next: goes on one step of the view
 * @today: shows today; the default sets the date to now
 */
struct _RpPlanViewInterface
{
  GTypeInterface parent;

  GDateTime *(*get_date) (RpPlanView *self);
  void (*set_date) (RpPlanView *self, GDateTime *date);
  void (*previous) (RpPlanView *self);
  void (*next) (RpPlanView *self);
  void (*today) (RpPlanView *self);
};

RpStore *rp_plan_view_get_store (RpPlanView *self);
GDateTime *rp_plan_view_get_date (RpPlanView *self);
void rp_plan_view_set_date (RpPlanView *self, GDateTime *date);
void rp_plan_view_previous (RpPlanView *self);
void rp_plan_view_next (RpPlanView *self);
void rp_plan_view_today (RpPlanView *self);

G_END_DECLS
