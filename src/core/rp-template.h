/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* Fixed ids of the built-in templates, so that every database and every
 * plan file agree on them. */
#define RP_TEMPLATE_STANDARD_ID "7f9c2a4e-5b1d-4c3e-9a8f-0d6e1b2c3a01"
#define RP_TEMPLATE_LIFECYCLE_ID "7f9c2a4e-5b1d-4c3e-9a8f-0d6e1b2c3a02"

typedef struct
{
  guint open;
  guint done;
  guint na;
  guint total;
} RpProgress;

/* Called by the store when it creates a new database. */
gboolean rp_template_seed_builtin (RpStore *store, GError **error);

RpRecord *rp_template_find (RpStore *store, const char *name_or_id, GError **error);
/* Adds the template's checklist to the release's without repeating the
 * sections (by name) and items (by text) it has; see rp_template_apply_full(). */
gboolean rp_template_apply (RpStore *store, const char *template_id, const char *release_id, GError **error);
gboolean rp_template_apply_full (RpStore *store, const char *template_id, const char *release_id,
                                 guint *n_sections_added, guint *n_items_added, GError **error);
char *rp_template_save_from_release (RpStore *store, const char *release_id, const char *name,
                                     GError **error);

void rp_checklist_progress (RpStore *store, const char *release_id, const char *section_id, RpProgress *out);
double rp_progress_fraction (const RpProgress *progress);

RpRecord *rp_checklist_find_item (RpStore *store, const char *release_id, const char *id_or_prefix,
                                  GError **error);
gboolean rp_checklist_set_state (RpStore *store, const char *item_id, const char *state, GError **error);

G_END_DECLS
