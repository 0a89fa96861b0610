/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* One event of the calendar as a button (focusable, activatable, named
 * for screen readers: "Deploy Payments 2.4, Thursday 10 December"): a chip
 * tinted in the release's colour with its kind drawn in front — a dot for
 * code complete, a diamond for the deploy, a square for the end of
 * monitoring; stripes for a buffer or a freeze — and a warning mark on a
 * deploy that should not be there. Compact chips show no text. */

#define RP_TYPE_EVENT_CHIP (rp_event_chip_get_type ())
G_DECLARE_FINAL_TYPE (RpEventChip, rp_event_chip, RP, EVENT_CHIP, GtkButton)

GtkWidget *rp_event_chip_new (RpSchedule *schedule, const RpCalendarEvent *event);

const char *rp_event_chip_get_id (RpEventChip *self);
RpCalendarEventKind rp_event_chip_get_kind (RpEventChip *self);
void rp_event_chip_set_continues (RpEventChip *self, gboolean before, gboolean after);
void rp_event_chip_set_compact (RpEventChip *self, gboolean compact);

char *rp_event_describe (RpSchedule *schedule, const RpCalendarEvent *event);

G_END_DECLS
