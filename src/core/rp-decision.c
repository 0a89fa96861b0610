/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-decision.h"
#include "rp-entity.h"

/* The quark's name as it is spelled, not as clang-format would space it. */
/* clang-format off */
G_DEFINE_QUARK (rp-decision-error-quark, rp_decision_error)
/* clang-format on */

/* The first go/no-go owner of the release, or NULL. */
static char *
go_no_go_owner (RpStore *store, const char *release_id)
{
  g_autoptr (GPtrArray) owners = rp_store_list (store, RP_ENTITY_OWNER, release_id);

  for (guint i = 0; i < owners->len; i++)
    if (rp_owner_get_role (owners->pdata[i]) == RP_OWNER_ROLE_GO_NO_GO &&
        rp_owner_get_person_id (owners->pdata[i]) != NULL)
      return g_strdup (rp_owner_get_person_id (owners->pdata[i]));
  return NULL;
}

/**
 * rp_decision_record:
 *
 * Returns: (transfer full) (nullable): the id of the decision
 */
char *
rp_decision_record (RpStore *store, const char *release_id, RpDecisionKind decision, const char *by_person_id,
                    const char *notes, const GDate *today, GDateTime *at, GError **error)
{
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpReadiness) readiness = NULL;
  g_autoptr (RpReadinessReport) report = NULL;
  g_autoptr (RpRecord) record = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *when = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *by = NULL;
  guint blockers;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);
  g_return_val_if_fail (decision <= RP_DECISION_KIND_GO_WITH_RISKS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error);
  if (release == NULL)
    return NULL;
  readiness = rp_readiness_new (store, today);
  report = rp_readiness_check (readiness, release_id, error);
  if (report == NULL)
    return NULL;
  blockers = rp_readiness_report_count (report, RP_SEVERITY_BLOCKER);
  if (decision != RP_DECISION_KIND_NO_GO && blockers > 0 && rp_str_is_blank (notes))
    {
      g_set_error (
          error, RP_DECISION_ERROR, RP_DECISION_ERROR_NEEDS_NOTES,
          g_dngettext (
              GETTEXT_PACKAGE,
              "“%s” has %u blocker: a go over it needs notes that say why the release may ship anyway.",
              "“%s” has %u blockers: a go over them needs notes that say why the release may ship anyway.",
              blockers),
          rp_release_get_name (RP_RELEASE (release)), blockers);
      return NULL;
    }

  utc = at != NULL ? g_date_time_to_utc (at) : g_date_time_new_now_utc ();
  when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  snapshot = rp_readiness_report_to_json (report, FALSE);
  by = by_person_id != NULL ? g_strdup (by_person_id) : go_no_go_owner (store, release_id);

  record = rp_record_new (RP_ENTITY_DECISION);
  rp_record_set_string (record, "release_id", release_id);
  rp_record_set_string (record, "at", when);
  rp_record_set_string (record, "decision", rp_decision_kind_to_string (decision));
  rp_record_set_string (record, "by_id", by);
  rp_record_set_string (record, "notes", rp_str_is_blank (notes) ? NULL : notes);
  rp_record_set_string (record, "readiness", snapshot);

  if (!rp_store_begin (store, "Record decision", error))
    return NULL;
  if (!rp_store_insert (store, record, error))
    {
      rp_store_rollback (store);
      return NULL;
    }
  if (!rp_store_commit (store, error))
    return NULL;
  return g_strdup (rp_record_get_id (record));
}
