/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* Starts the next release from this one: a new release (status planning,
 * no dates, no post-release notes) with the same owners, the scope with
 * its acceptance criteria (all planned, none met) and the checklist (all
 * open), as one undo step. Risks, dependencies, rollout, flags and the
 * go/no-go log stay with the old release. Returns the new release's id. */
char *rp_release_duplicate (RpStore *store,
                            const char *release_id,
                            const char *name,
                            const char *version,
                            GError **error);

/* Casefolded text a search matches against: name, version and the titles
 * of the scope items. */
char *rp_release_search_text (RpStore *store, const char *release_id);

G_END_DECLS
