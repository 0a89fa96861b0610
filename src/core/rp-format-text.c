/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"
#include "rp-format-text.h"
#include "rp-records.h"

/* Every nick of rp-entities.def, sorted for bsearch(); nicks that two
 * enums share ("open", "done") mean the same word in both. */
static const struct
{
  const char *nick;
  const char *label;
} labels[] = {
  { "accepted", "Accepted" },
  { "active", "Active" },
  { "blocked", "Blocked" },
  { "blocker", "Blocker" },
  { "buffer", "Buffer" },
  { "canary", "Canary" },
  { "cancelled", "Cancelled" },
  { "closed", "Closed" },
  { "code_complete", "Code complete" },
  { "component", "Component" },
  { "deploy", "Deploy" },
  { "deploying", "Deploying" },
  { "development", "Development" },
  { "done", "Done" },
  { "dropped", "Dropped" },
  { "full", "Full" },
  { "go", "Go" },
  { "go_no_go", "Go/no-go decision" },
  { "go_with_risks", "Go with risks" },
  { "healthy", "Healthy" },
  { "high", "High" },
  { "in_progress", "In progress" },
  { "info", "Info" },
  { "low", "Low" },
  { "medium", "Medium" },
  { "mitigated", "Mitigated" },
  { "monitoring", "Monitoring" },
  { "na", "N/A" },
  { "no_go", "No-go" },
  { "none", "None" },
  { "off", "Off" },
  { "on_call", "On call" },
  { "open", "Open" },
  { "other", "Other" },
  { "partial", "Partial" },
  { "pending", "Pending" },
  { "planned", "Planned" },
  { "planning", "Planning" },
  { "qa", "QA" },
  { "ready", "Ready" },
  { "release", "Release" },
  { "release_manager", "Release manager" },
  { "released", "Released" },
  { "removed", "Removed" },
  { "resolved", "Resolved" },
  { "rolled_back", "Rolled back" },
  { "scheduled", "Scheduled" },
  { "service", "Service" },
  { "team", "Team" },
  { "testing", "Testing" },
  { "vendor", "Vendor" },
  { "warning", "Warning" },
};

static int
compare_nick (const void *key, const void *entry)
{
  return strcmp (key, *(const char *const *) entry);
}

const char *
rp_format_label (const char *nick)
{
  const char *const *found;

  if (nick == NULL)
    return "";
  found = bsearch (nick, labels, G_N_ELEMENTS (labels), sizeof labels[0], compare_nick);
  return found != NULL ? found[1] : nick;
}

char *
rp_format_finding_counts (const RpReadinessReport *report)
{
  static const char *const words[][2] = {
    [RP_SEVERITY_BLOCKER] = { "blocker", "blockers" },
    [RP_SEVERITY_WARNING] = { "warning", "warnings" },
    [RP_SEVERITY_INFO] = { "note", "notes" },
  };
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (RpSeverity severity = RP_SEVERITY_BLOCKER; severity <= RP_SEVERITY_INFO; severity++)
    {
      guint n = rp_readiness_report_count (report, severity);

      if (n > 0)
        g_string_append_printf (text, "%s%u %s", text->len > 0 ? ", " : "", n, words[severity][n != 1]);
    }
  if (text->len == 0)
    g_string_append (text, "nothing to fix");
  return g_string_free (text, FALSE);
}

char *
rp_format_timestamp (const char *timestamp)
{
  if (timestamp == NULL)
    return NULL;
  if (!rp_timestamp_is_valid (timestamp))
    return g_strdup (timestamp);
  /* YYYY-MM-DDTHH:MM:SSZ */
  return g_strdup_printf ("%.10s %.5s UTC", timestamp, timestamp + 11);
}

char *
rp_format_minutes (int minutes)
{
  if (minutes < 60)
    return g_strdup_printf ("%d min", minutes);
  if (minutes % 60 == 0)
    return g_strdup_printf ("%d h", minutes / 60);
  return g_strdup_printf ("%d h %d min", minutes / 60, minutes % 60);
}

char *
rp_format_date_range (const RpDateRange *range)
{
  g_autofree char *interval = NULL;
  char *slash;

  g_return_val_if_fail (range != NULL, NULL);

  /* "first/last" or the one day */
  interval = rp_date_range_to_string (range);
  if ((slash = strchr (interval, '/')) == NULL)
    return g_steal_pointer (&interval);
  *slash = '\0';
  return g_strdup_printf ("%s to %s", interval, slash + 1);
}

static RpPerson *
get_person (RpStore *store, const char *person_id)
{
  if (person_id == NULL)
    return NULL;
  return (RpPerson *) rp_store_get (store, RP_ENTITY_PERSON, person_id, NULL);
}

char *
rp_format_person_name (RpStore *store, const char *person_id)
{
  g_autoptr (RpPerson) person = get_person (store, person_id);

  return person != NULL ? g_strdup (rp_person_get_name (person)) : NULL;
}

char *
rp_format_person_address (RpStore *store, const char *person_id)
{
  g_autoptr (RpPerson) person = get_person (store, person_id);

  if (person == NULL)
    return NULL;
  if (!rp_str_is_blank (rp_person_get_email (person)))
    return g_strdup (rp_person_get_email (person));
  return g_strdup (rp_person_get_name (person));
}

GPtrArray *
rp_format_list_releases (RpStore *store, const char *release_id, GError **error)
{
  GPtrArray *releases;
  RpRecord *release;

  if (release_id == NULL)
    return rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  if ((release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error)) == NULL)
    return NULL;
  releases = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (releases, release);
  return releases;
}

static void
owner_line_clear (gpointer data)
{
  RpFormatOwnerLine *line = data;

  g_free (line->role);
  g_free (line->who);
}

GArray *
rp_format_owner_lines (RpStore *store, const char *release_id)
{
  g_autoptr (GPtrArray) owners = rp_store_list (store, RP_ENTITY_OWNER, release_id);
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (RpFormatOwnerLine));

  g_array_set_clear_func (lines, owner_line_clear);
  for (RpOwnerRole role = RP_OWNER_ROLE_RELEASE_MANAGER; role <= RP_OWNER_ROLE_COMPONENT; role++)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < owners->len; i++)
        {
          RpOwner *owner = owners->pdata[i];
          char *name;

          if (rp_owner_get_role (owner) != role)
            continue;
          name = rp_format_person_name (store, rp_owner_get_person_id (owner));
          if (role == RP_OWNER_ROLE_COMPONENT)
            {
              const char *component = rp_owner_get_component (owner);
              RpFormatOwnerLine line = { g_strdup_printf ("Component %s", component != NULL ? component : ""),
                                         name };

              g_array_append_val (lines, line);
              continue;
            }
          if (name != NULL)
            g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", name);
          g_free (name);
        }
      if (names->len > 0)
        {
          RpFormatOwnerLine line = { g_strdup (rp_format_label (rp_owner_roles[role])), NULL };

          line.who = g_string_free (names, FALSE);
          g_array_append_val (lines, line);
        }
      else
        g_string_free (names, TRUE);
    }
  return lines;
}
