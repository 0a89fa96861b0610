/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-plan-view.h"

G_BEGIN_DECLS

/* The Calendar: a month of every release's milestones and the freeze
 * windows (RpPlanView; its date is the first of the month shown).
 * Previous, next and today are the actions view.previous, view.next and
 * view.today, on Page Up, Page Down, Alt+Left, Alt+Right, Home and
 * Ctrl+T. Activating a release's event emits release-activated.
 *
 * Properties besides RpPlanView's:
 *  "first-weekday" (int, a GDateWeekday): the first column; the locale's
 *    first weekday unless set.
 *  "today" (GDateTime, nullable): the day marked as today and shown by
 *    view.today; NULL (the default) follows the clock. */

#define RP_TYPE_CALENDAR_VIEW (rp_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (RpCalendarView, rp_calendar_view, RP, CALENDAR_VIEW, GtkWidget)

GtkWidget *rp_calendar_view_new (RpStore *store);

G_END_DECLS
