/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-labels.h"

/* Shared by the sidebar rows and the overview, so that a status or a
 * date reads the same everywhere in the window. */

const char *
rp_labels_release_status (const char *status)
{
  return rp_enum_label (status);
}

void
rp_labels_set_status_badge (GtkLabel *label, const char *status)
{
  g_autofree char *css_class = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  for (guint i = 0; rp_release_statuses[i] != NULL; i++)
    {
      g_autofree char *other = g_strconcat ("status-", rp_release_statuses[i], NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (label), other);
    }

  gtk_label_set_label (label, rp_labels_release_status (status));
  gtk_widget_add_css_class (GTK_WIDGET (label), "status-badge");

  if (rp_strv_contains_static (rp_release_statuses, status))
    {
      css_class = g_strconcat ("status-", status, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
    }
}

const char *
rp_labels_owner_role (const char *role)
{
  if (g_strcmp0 (role, "release_manager") == 0)
    return _("Release Manager");
  if (g_strcmp0 (role, "go_no_go") == 0)
    return _("Go/No-Go Decision");
  if (g_strcmp0 (role, "on_call") == 0)
    return _("On Call");
  if (g_strcmp0 (role, "qa") == 0)
    return _("Quality Assurance");
  if (g_strcmp0 (role, "component") == 0)
    return _("Component Owner");

  return role != NULL ? role : "";
}

/**
 * rp_labels_date:
 * @iso_date: (nullable): a date as the store keeps it, YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date for people to read, or
 *   %NULL when there is no valid date
 */
char *
rp_labels_date (const char *iso_date)
{
  g_autoptr (GDate) date = rp_date_parse (iso_date);
  g_autoptr (GDateTime) dt = NULL;

  if (date == NULL)
    return NULL;

  dt =
      g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso_date);

  /* Translators: a date in the release overview and the sidebar, see
   * g_date_time_format(); e.g. "Tue, 3 Mar 2026" */
  return g_date_time_format (dt, C_("date", "%a, %-d %b %Y"));
}
