/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-readiness-ui.h"
#include "rp-ui-util.h"

#define READINESS_CSS "/io/github/releaseplanner/ReleasePlanner/pages/rp-readiness.css"

void
rp_ui_get_today (GDate *today)
{
  const char *fixed = g_getenv ("RP_TODAY");
  g_autoptr (GDateTime) now = NULL;

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  if (fixed != NULL && rp_date_is_valid (fixed) && rp_date_parse_into (fixed, today))
    return;
  now = g_date_time_new_now_local ();
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

RpReadinessReport *
rp_ui_check_release (RpStore *store, const char *release_id)
{
  g_autoptr (RpReadiness) readiness = NULL;
  GDate today;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if (release_id == NULL)
    return NULL;
  rp_ui_get_today (&today);
  readiness = rp_readiness_new (store, &today);
  return rp_readiness_check (readiness, release_id, NULL);
}

const char *
rp_ui_verdict_label (RpDecisionKind verdict)
{
  switch (verdict)
    {
    case RP_DECISION_KIND_GO:
      return _("Go");
    case RP_DECISION_KIND_GO_WITH_RISKS:
      return _("Go with risks");
    case RP_DECISION_KIND_NO_GO:
    default:
      return _("No-go");
    }
}

void
rp_ui_set_verdict (GtkWidget *label, RpDecisionKind verdict)
{
  static const char *const classes[] = { "rp-verdict-go", "rp-verdict-no-go", "rp-verdict-go-with-risks" };

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (verdict <= RP_DECISION_KIND_GO_WITH_RISKS);

  rp_ui_ensure_css (gtk_widget_get_display (label), READINESS_CSS);
  gtk_label_set_label (GTK_LABEL (label), rp_ui_verdict_label (verdict));
  gtk_widget_add_css_class (label, "rp-verdict");
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (i == verdict)
      gtk_widget_add_css_class (label, classes[i]);
    else
      gtk_widget_remove_css_class (label, classes[i]);
}

const char *
rp_ui_severity_label (RpSeverity severity)
{
  switch (severity)
    {
    case RP_SEVERITY_BLOCKER:
      return _("Blocker");
    case RP_SEVERITY_WARNING:
      return _("Warning");
    case RP_SEVERITY_INFO:
    default:
      return _("Info");
    }
}

static void
on_finding_row_activated_cb (AdwActionRow *row, gpointer user_data)
{
  const RpFinding *finding = g_object_get_data (G_OBJECT (row), "rp-finding");
  const char *field = rp_finding_get_subject_field (finding);

  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-subject", "(sss)",
                              rp_entity_get_info (rp_finding_get_subject_entity (finding))->name,
                              rp_finding_get_subject_id (finding), field != NULL ? field : "");
}

GtkWidget *
rp_ui_finding_row_new (const RpFinding *finding)
{
  static const char *const icons[] = { "dialog-error-symbolic", "dialog-warning-symbolic",
                                       "dialog-information-symbolic" };
  static const char *const classes[] = { "blocker", "warning", "info" };
  RpSeverity severity;
  GtkWidget *row, *icon, *arrow;
  g_autofree char *name = NULL;

  g_return_val_if_fail (finding != NULL, NULL);

  severity = rp_finding_get_severity (finding);
  row = adw_action_row_new ();
  gtk_widget_set_name (row, "finding-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_finding_get_message (finding));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rp_rule_get_fix (rp_finding_get_rule (finding)));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  icon = gtk_image_new_from_icon_name (icons[severity]);
  gtk_widget_add_css_class (icon, "rp-finding-icon");
  gtk_widget_add_css_class (icon, classes[severity]);
  gtk_widget_set_tooltip_text (icon, rp_ui_severity_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rp_ui_severity_label (severity), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Go to the fix"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Translators: a readiness finding as a screen reader says it,
   * "Blocker: The release has no rollback plan" */
  name = g_strdup_printf (_("%s: %s"), rp_ui_severity_label (severity), rp_finding_get_message (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  rp_rule_get_fix (rp_finding_get_rule (finding)), -1);
  /* AdwActionRow is labelled by its title as well, which would read the
   * message twice after the name that already holds it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_object_set_data_full (G_OBJECT (row), "rp-finding", rp_finding_ref ((RpFinding *) finding),
                          (GDestroyNotify) rp_finding_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_finding_row_activated_cb), NULL);
  rp_ui_ensure_css (gtk_widget_get_display (row), READINESS_CSS);
  return row;
}

char *
rp_ui_describe_counts (const RpReadinessReport *report)
{
  guint blockers = rp_readiness_report_count (report, RP_SEVERITY_BLOCKER);
  guint warnings = rp_readiness_report_count (report, RP_SEVERITY_WARNING);
  g_autofree char *b = NULL;
  g_autofree char *w = NULL;

  if (blockers == 0 && warnings == 0)
    return g_strdup (_("No blockers or warnings"));
  b = g_strdup_printf (ngettext ("%u blocker", "%u blockers", blockers), blockers);
  w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
  /* Translators: "3 blockers, 2 warnings" */
  return g_strdup_printf (_("%s, %s"), b, w);
}

/* Days from @today to the date @text, or G_MININT when it is no date. */
static int
days_until (const char *text, const GDate *today)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text == NULL || !rp_date_parse_into (text, &date))
    return G_MININT;
  return g_date_days_between (today, &date);
}

char *
rp_ui_describe_deploy (RpRelease *release, const GDate *today)
{
  const char *deploy = rp_release_get_deploy (release);
  int days = days_until (deploy, today);
  g_autofree char *words = NULL;

  if (days == G_MININT)
    return g_strdup (_("No deploy date yet"));
  words = rp_ui_format_date (deploy);
  if (days == 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("Deploys today (%s)"), words);
  if (days > 0)
    /* Translators: "Deploys in 12 days (Thu, 10 Dec 2026)" */
    return g_strdup_printf (ngettext ("Deploys in %d day (%s)", "Deploys in %d days (%s)", days), days,
                            words);
  if (rp_release_get_status (release) == RP_RELEASE_STATUS_RELEASED ||
      rp_release_get_status (release) == RP_RELEASE_STATUS_MONITORING)
    return g_strdup_printf (ngettext ("Deployed %d day ago (%s)", "Deployed %d days ago (%s)", -days), -days,
                            words);
  /* Translators: the deploy date has passed but the release is not out */
  return g_strdup_printf (ngettext ("The deploy date passed %d day ago (%s)",
                                    "The deploy date passed %d days ago (%s)", -days),
                          -days, words);
}

char *
rp_ui_describe_next_milestone (RpRelease *release, const GDate *today)
{
  const struct
  {
    const char *date;
    const char *what;
  } milestones[] = {
    { rp_release_get_code_complete (release), N_("code complete") },
    { rp_release_get_testing_start (release), N_("testing starts") },
    { rp_release_get_testing_end (release), N_("testing ends") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      int days = days_until (milestones[i].date, today);
      g_autofree char *words = NULL;

      if (days == G_MININT || days < 0)
        continue;
      words = rp_ui_format_date (milestones[i].date);
      if (days == 0)
        /* Translators: "Next: testing ends today (Mon, 30 Nov 2026)" */
        return g_strdup_printf (_("Next: %s today (%s)"), _(milestones[i].what), words);
      /* Translators: "Next: testing starts in 3 days (Mon, 30 Nov 2026)" */
      return g_strdup_printf (ngettext ("Next: %s in %d day (%s)", "Next: %s in %d days (%s)", days),
                              _(milestones[i].what), days, words);
    }
  return NULL;
}

static GtkWidget *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
rp_ui_scroll_to_top (GtkWidget *widget)
{
  GtkWidget *scrolled = find_scrolled (widget);
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
