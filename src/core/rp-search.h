/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rp-entity.h"
#include "rp-types.h"

G_BEGIN_DECLS

/* What a search found in one release: the first thing whose text holds
 * every word of the query (or, when the words are spread over several
 * things, the one that holds the most of them). Immutable. */
typedef struct _RpSearchMatch RpSearchMatch;

#define RP_TYPE_SEARCH_MATCH (rp_search_match_get_type ())
GType rp_search_match_get_type (void) G_GNUC_CONST;
RpSearchMatch *rp_search_match_ref (RpSearchMatch *self);
void rp_search_match_unref (RpSearchMatch *self);
const char *rp_search_match_get_release_id (RpSearchMatch *self);
RpEntity rp_search_match_get_entity (RpSearchMatch *self);
const char *rp_search_match_get_id (RpSearchMatch *self);
const char *rp_search_match_get_field (RpSearchMatch *self);
const char *rp_search_match_get_snippet (RpSearchMatch *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSearchMatch, rp_search_match_unref)

/* The searchable text of a plan, read from the store in one query: the
 * names and versions of the releases and the titles or texts of their
 * scope items, risks, dependencies and checklist items. A snapshot: read
 * it again after the store changed. */
typedef struct _RpSearch RpSearch;

RpSearch *rp_search_new (RpStore *store, GError **error);
void rp_search_free (RpSearch *self);
GHashTable *rp_search_find (RpSearch *self, const char *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSearch, rp_search_free)

char *rp_search_fold (const char *text);

G_END_DECLS
