/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-readiness-page.h"
#include "rp-readiness-ui.h"

struct _RpReadinessPage
{
  RpReleasePage parent_instance;

  /* owned */
  RpReadinessReport *report;

  /* borrowed: widgets */
  GtkStack *stack;
  GtkWidget *form;
  GtkWidget *verdict_label;
  GtkWidget *counts_label;
  GtkWidget *figure_label;
  GtkWidget *figure_bar;
  AdwPreferencesGroup *groups[RP_SEVERITY_INFO + 1];
  GtkListBox *lists[RP_SEVERITY_INFO + 1];
  AdwPreferencesGroup *passed_group;
  GtkListBox *passed_list;
  AdwPreferencesGroup *skipped_group;
  GtkListBox *skipped_list;
};

G_DEFINE_FINAL_TYPE (RpReadinessPage, rp_readiness_page, RP_TYPE_RELEASE_PAGE)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
check_row_new (RpRule rule, gboolean passed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (passed ? "object-select-symbolic" : "list-remove-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_rule_get_name (rule));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rp_rule_get_id (rule));
  gtk_widget_set_name (row, passed ? "passed-check" : "skipped-check");
  gtk_widget_add_css_class (icon, passed ? "success" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  passed ? _("Passes") : _("Does not apply"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
show_report (RpReadinessPage *self)
{
  GPtrArray *findings;
  guint passed, applicable;
  g_autofree char *counts = NULL;
  g_autofree char *figure = NULL;

  gtk_stack_set_visible_child_name (self->stack, self->report != NULL ? "page" : "none");
  for (guint s = 0; s <= RP_SEVERITY_INFO; s++)
    clear_list (self->lists[s]);
  clear_list (self->passed_list);
  clear_list (self->skipped_list);
  if (self->report == NULL)
    return;

  rp_ui_set_verdict (self->verdict_label, rp_readiness_report_get_verdict (self->report));
  counts = rp_ui_describe_counts (self->report);
  gtk_label_set_label (GTK_LABEL (self->counts_label), counts);
  passed = rp_readiness_report_get_n_passed (self->report);
  applicable = rp_readiness_report_get_n_applicable (self->report);
  figure = rp_readiness_report_describe_figure (self->report);
  gtk_label_set_label (GTK_LABEL (self->figure_label), figure);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->figure_bar),
                                 rp_readiness_report_get_fraction (self->report));
  {
    /* Translators: the readiness figure, "14 of 16 applicable checks pass" */
    g_autofree char *name = g_strdup_printf (ngettext ("%u of %u applicable check passes",
                                                       "%u of %u applicable checks pass", applicable),
                                             passed, applicable);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  }

  findings = rp_readiness_report_get_findings (self->report);
  for (guint i = 0; i < findings->len; i++)
    gtk_list_box_append (self->lists[rp_finding_get_severity (findings->pdata[i])],
                         rp_ui_finding_row_new (findings->pdata[i]));
  for (guint s = 0; s <= RP_SEVERITY_INFO; s++)
    gtk_widget_set_visible (GTK_WIDGET (self->groups[s]),
                            gtk_widget_get_first_child (GTK_WIDGET (self->lists[s])) != NULL);

  for (RpRule rule = 0; rule < RP_N_RULES; rule++)
    {
      if (!rp_readiness_report_rule_applies (self->report, rule))
        gtk_list_box_append (self->skipped_list, check_row_new (rule, FALSE));
      else if (rp_readiness_report_rule_passed (self->report, rule))
        gtk_list_box_append (self->passed_list, check_row_new (rule, TRUE));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->passed_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->passed_list)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->skipped_list)) != NULL);
}

static void
update (RpReadinessPage *self)
{
  RpReleasePage *page = RP_RELEASE_PAGE (self);

  g_clear_pointer (&self->report, rp_readiness_report_unref);
  self->report =
      rp_ui_check_release (rp_release_page_get_store (page), rp_release_page_get_release_id (page));
  show_report (self);
}

static GtkListBox *
add_list_group (AdwPreferencesPage *page, const char *name, const char *title, const char *description,
                AdwPreferencesGroup **group_out)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_set_name (group, name);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  *group_out = ADW_PREFERENCES_GROUP (group);
  return GTK_LIST_BOX (list);
}

static void
build (RpReadinessPage *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesPage *p = ADW_PREFERENCES_PAGE (page);
  GtkWidget *summary = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->stack = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Release Selected"));
  gtk_stack_add_named (self->stack, empty, "none");
  gtk_stack_add_named (self->stack, page, "page");
  self->form = page;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "rp-readiness-card");
  self->verdict_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->verdict_label, "verdict");
  gtk_box_append (GTK_BOX (top), self->verdict_label);
  self->counts_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->counts_label, "finding-counts");
  gtk_widget_set_hexpand (self->counts_label, TRUE);
  gtk_widget_add_css_class (self->counts_label, "heading");
  gtk_label_set_wrap (GTK_LABEL (self->counts_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->counts_label), 0);
  gtk_box_append (GTK_BOX (top), self->counts_label);
  gtk_box_append (GTK_BOX (box), top);
  self->figure_bar = gtk_progress_bar_new ();
  gtk_widget_set_name (self->figure_bar, "readiness-figure-bar");
  gtk_widget_set_margin_top (self->figure_bar, 6);
  gtk_box_append (GTK_BOX (box), self->figure_bar);
  self->figure_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->figure_label, "readiness-figure");
  gtk_label_set_wrap (GTK_LABEL (self->figure_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->figure_label), 0);
  gtk_box_append (GTK_BOX (box), self->figure_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary), box);
  adw_preferences_page_add (p, ADW_PREFERENCES_GROUP (summary));

  self->lists[RP_SEVERITY_BLOCKER] =
      add_list_group (p, "blockers", _("Blockers"), _("Each of these stops the release: fix them for a go"),
                      &self->groups[RP_SEVERITY_BLOCKER]);
  self->lists[RP_SEVERITY_WARNING] =
      add_list_group (p, "warnings", _("Warnings"), _("Risks the team can take, knowingly"),
                      &self->groups[RP_SEVERITY_WARNING]);
  self->lists[RP_SEVERITY_INFO] =
      add_list_group (p, "information", _("Information"),
                      _("Worth knowing; they do not change the verdict"), &self->groups[RP_SEVERITY_INFO]);
  self->passed_list = add_list_group (p, "passed-checks", _("Checks That Pass"), NULL, &self->passed_group);
  self->skipped_list =
      add_list_group (p, "skipped-checks", _("Checks That Do Not Apply"),
                      _("The release has nothing these look at yet; they do not count in the figure"),
                      &self->skipped_group);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/* RpReleasePage */

static void
rp_readiness_page_store_set (RpReleasePage *page)
{
  build (RP_READINESS_PAGE (page));
}

static void
rp_readiness_page_release_changed (RpReleasePage *page)
{
  RpReadinessPage *self = RP_READINESS_PAGE (page);

  update (self);
  rp_ui_scroll_to_top (self->form);
}

/* Any row can change a rule's answer; a setting comes as RP_N_ENTITIES. */
static void
rp_readiness_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  update (RP_READINESS_PAGE (page));
}

RpReadinessReport *
rp_readiness_page_get_report (RpReadinessPage *self)
{
  g_return_val_if_fail (RP_IS_READINESS_PAGE (self), NULL);

  return self->report;
}

static void
rp_readiness_page_finalize (GObject *object)
{
  RpReadinessPage *self = RP_READINESS_PAGE (object);

  g_clear_pointer (&self->report, rp_readiness_report_unref);
  G_OBJECT_CLASS (rp_readiness_page_parent_class)->finalize (object);
}

static void
rp_readiness_page_class_init (RpReadinessPageClass *klass)
{
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rp_readiness_page_finalize;
  page_class->store_set = rp_readiness_page_store_set;
  page_class->release_changed = rp_readiness_page_release_changed;
  page_class->store_changed = rp_readiness_page_store_changed;
  /* Watches nothing in particular: every entity comes through. */
}

static void
rp_readiness_page_init (RpReadinessPage *self)
{
  rp_release_page_set_title (RP_RELEASE_PAGE (self), _("Readiness"));
  rp_release_page_set_icon_name (RP_RELEASE_PAGE (self), "emblem-ok-symbolic");
}
