/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-plan-view.h"

G_BEGIN_DECLS

/* The Timeline: a Gantt chart of the releases (RpPlanView; its date is
 * the day at the left edge). Its actions:
 *  view.previous, view.next, view.today (Page Up, Page Down, Alt+Left,
 *    Alt+Right, Home, Ctrl+T): a week, month or quarter back or on;
 *  view.zoom-in, view.zoom-out (Ctrl+plus, Ctrl+minus);
 *  view.filter ('active' or 'all': the property "filter");
 *  release.open (s): emits release-activated;
 *  release.shift-dates ((sbi) id, whole schedule, days): what a drag of
 *    a deploy marker and Alt(+Shift)+Left/Right on a row do;
 *  release.commit-dates (s): the row menu's Commit Dates.
 *
 * Properties besides RpPlanView's: "filter" ("active" or "all"), "zoom"
 * (RpTimelineZoom as int), "first-weekday" and "today" as RpCalendarView
 * has them. */

#define RP_TYPE_TIMELINE_VIEW (rp_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (RpTimelineView, rp_timeline_view, RP, TIMELINE_VIEW, GtkWidget)

GtkWidget *rp_timeline_view_new (RpStore *store);

G_END_DECLS
