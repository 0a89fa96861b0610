/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enum-labels.h"

/* The words for the stored values of every enum of the data model, as
 * the window and the command line both show them. */
static const struct
{
  const char *value;
  const char *label;
} enum_labels[] = {
  /* release status */
  { "planning", N_("Planning") },
  { "development", N_("Development") },
  { "testing", N_("Testing") },
  { "deploying", N_("Deploying") },
  { "monitoring", N_("Monitoring") },
  { "released", N_("Released") },
  { "cancelled", N_("Cancelled") },
  /* owner roles */
  { "release_manager", N_("Release manager") },
  { "go_no_go", N_("Go/no-go decision") },
  { "on_call", N_("On call") },
  { "qa", N_("QA") },
  { "component", N_("Component owner") },
  /* scope */
  { "planned", N_("Planned") },
  { "in_progress", N_("In progress") },
  { "done", N_("Done") },
  { "dropped", N_("Dropped") },
  /* dependency kinds */
  { "release", N_("Release") },
  { "service", N_("Service") },
  { "team", N_("Team") },
  { "vendor", N_("Vendor") },
  { "other", N_("Other") },
  /* dependency, risk and item states */
  { "open", N_("Open") },
  { "ready", N_("Ready") },
  { "blocked", N_("Blocked") },
  { "resolved", N_("Resolved") },
  { "mitigated", N_("Mitigated") },
  { "accepted", N_("Accepted") },
  { "closed", N_("Closed") },
  /* Translators: a checklist item that does not apply */
  { "na", N_("Not applicable") },
  /* rollout stages */
  { "pending", N_("Pending") },
  { "active", N_("Active") },
  { "healthy", N_("Healthy") },
  { "rolled_back", N_("Rolled back") },
  /* feature flags */
  { "off", N_("Off") },
  { "canary", N_("Canary") },
  { "partial", N_("Partial") },
  { "full", N_("Full") },
  { "removed", N_("Removed") },
  /* decisions */
  { "go", N_("Go") },
  { "no_go", N_("No go") },
  { "go_with_risks", N_("Go with risks") },
  /* post-mortem */
  { "none", N_("None") },
  { "scheduled", N_("Scheduled") },
};

/**
 * rp_enum_label:
 * @value: (nullable): a stored value of an enum: "in_progress", "no_go"
 *
 * Returns: (transfer none): the translated words for @value ("In
 *   progress", "No go"), or @value itself when it is not a known one
 */
const char *
rp_enum_label (const char *value)
{
  if (value == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (g_str_equal (enum_labels[i].value, value))
      return _(enum_labels[i].label);
  return value;
}
