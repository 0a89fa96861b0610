/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* An AdwComboRow of the people in the store, with "Nobody" first (when
 * allow-none) and "Add Person…" last, which asks for a name and email,
 * adds the person and selects them. Property "person-id" (nullable);
 * notifies when the user picks someone. Follows the store's changes. */
#define RP_TYPE_PERSON_ROW (rp_person_row_get_type ())
G_DECLARE_FINAL_TYPE (RpPersonRow, rp_person_row, RP, PERSON_ROW, AdwComboRow)

GtkWidget *rp_person_row_new (RpStore *store, const char *title, gboolean allow_none);
const char *rp_person_row_get_person_id (RpPersonRow *self);
void rp_person_row_set_person_id (RpPersonRow *self, const char *person_id);

/* What "Add Person…" does once the dialog is filled in: adds the person
 * to the store, selects them and notifies "person-id". */
gboolean rp_person_row_add_person (RpPersonRow *self, const char *name, const char *email, GError **error);

/* Opens the "Add Person" dialog (as choosing "Add Person…" does). */
GtkWidget *rp_person_row_open_add_dialog (RpPersonRow *self);

G_END_DECLS
