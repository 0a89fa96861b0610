/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-readiness-card.h"
#include "rp-readiness-ui.h"
#include "rp-review-window.h"

struct _RpReadinessCard
{
  AdwBin parent_instance;

  /* owned */
  RpStore *store;
  char *release_id;
  RpReadinessReport *report;
  gulong changed_id;
  guint idle_id;
  guint midnight_id;

  /* borrowed: widgets */
  GtkWidget *name_label;
  GtkWidget *version_label;
  GtkWidget *verdict_label;
  GtkWidget *counts_label;
  GtkWidget *deploy_label;
  GtkWidget *next_label;
  GtkWidget *figure_bar;
  GtkWidget *figure_label;
  GtkWidget *figure_detail;
  GtkWidget *record_button;
  GtkListBox *findings;
};

G_DEFINE_FINAL_TYPE (RpReadinessCard, rp_readiness_card, ADW_TYPE_BIN)

enum
{
  SIGNAL_RECORD_DECISION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the figure leaves out: "Each rule is a check; these do not apply
 * to the release yet: Flags cleaned up, Post-mortem after a rollback." */
static char *
describe_skipped (RpReadinessReport *report)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (RpRule rule = 0; rule < RP_N_RULES; rule++)
    if (!rp_readiness_report_rule_applies (report, rule))
      g_string_append_printf (names, "%s%s", names->len > 0 ? _(", ") : "", rp_rule_get_name (rule));
  if (names->len == 0)
    return NULL;
  /* Translators: the end is a list of the names of checks */
  return g_strdup_printf (_("Each readiness rule is one check. Not counted, as they do not apply to this "
                             "release yet: %s."),
                          names->str);
}

static void
show_report (RpReadinessCard *self)
{
  g_autoptr (RpRecord) record = NULL;
  RpRelease *release;
  GPtrArray *findings;
  GtkWidget *child;
  g_autofree char *counts = NULL;
  g_autofree char *deploy = NULL;
  g_autofree char *next = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *detail = NULL;
  guint passed, applicable;
  GDate today;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings))) != NULL)
    gtk_list_box_remove (self->findings, child);

  if (self->report == NULL || self->release_id == NULL)
    return;
  record = rp_store_get (self->store, RP_ENTITY_RELEASE, self->release_id, NULL);
  if (record == NULL)
    return;
  release = RP_RELEASE (record);
  rp_ui_get_today (&today);

  gtk_label_set_label (GTK_LABEL (self->name_label), rp_release_get_name (release));
  gtk_label_set_label (GTK_LABEL (self->version_label),
                       rp_release_get_version (release) != NULL ? rp_release_get_version (release) : "");
  gtk_widget_set_visible (self->version_label, rp_release_get_version (release) != NULL);
  rp_ui_set_verdict (self->verdict_label, rp_readiness_report_get_verdict (self->report));

  counts = rp_ui_describe_counts (self->report);
  gtk_label_set_label (GTK_LABEL (self->counts_label), counts);
  deploy = rp_ui_describe_deploy (release, &today);
  gtk_label_set_label (GTK_LABEL (self->deploy_label), deploy);
  next = rp_ui_describe_next_milestone (release, &today);
  gtk_label_set_label (GTK_LABEL (self->next_label), next != NULL ? next : "");
  gtk_widget_set_visible (self->next_label, next != NULL);

  passed = rp_readiness_report_get_n_passed (self->report);
  applicable = rp_readiness_report_get_n_applicable (self->report);
  /* Translators: the readiness figure, "14 of 16 applicable checks pass" */
  figure = g_strdup_printf (ngettext ("%u of %u applicable check passes", "%u of %u applicable checks pass",
                                      applicable),
                            passed, applicable);
  gtk_label_set_label (GTK_LABEL (self->figure_label), figure);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->figure_bar),
                                 rp_readiness_report_get_fraction (self->report));
  detail = describe_skipped (self->report);
  gtk_label_set_label (GTK_LABEL (self->figure_detail), detail != NULL ? detail : "");
  gtk_widget_set_visible (self->figure_detail, detail != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, figure,
                                  -1);

  /* The blockers and the warnings; information waits on the Readiness tab. */
  findings = rp_readiness_report_get_findings (self->report);
  for (guint i = 0; i < findings->len; i++)
    if (rp_finding_get_severity (findings->pdata[i]) != RP_SEVERITY_INFO)
      gtk_list_box_append (self->findings, rp_ui_finding_row_new (findings->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->findings),
                          gtk_widget_get_first_child (GTK_WIDGET (self->findings)) != NULL);
}

void
rp_readiness_card_update (RpReadinessCard *self)
{
  g_return_if_fail (RP_IS_READINESS_CARD (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->report, rp_readiness_report_unref);
  if (self->store != NULL)
    self->report = rp_ui_check_release (self->store, self->release_id);
  show_report (self);
}

static gboolean
on_update_idle_cb (gpointer data)
{
  RpReadinessCard *self = data;

  self->idle_id = 0;
  rp_readiness_card_update (self);
  return G_SOURCE_REMOVE;
}

/* Any row can change a rule's answer, and a setting (RP_N_ENTITIES) can
 * be the deploy days: check again after the burst. */
static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpReadinessCard *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_update_idle_cb, self, NULL);
}

static void schedule_midnight (RpReadinessCard *self);

/* A new day moves "today" of the rules: code complete passes, a deploy
 * comes a day closer. */
static gboolean
on_midnight_cb (gpointer data)
{
  RpReadinessCard *self = data;

  self->midnight_id = 0;
  rp_readiness_card_update (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_midnight (RpReadinessCard *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) day = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr (GDateTime) next = g_date_time_add_days (day, 1);
  GTimeSpan wait = g_date_time_difference (next, now);

  self->midnight_id = g_timeout_add_seconds ((guint) (wait / G_TIME_SPAN_SECOND) + 1, on_midnight_cb, self);
}

static void
on_record_clicked_cb (GtkButton *button, RpReadinessCard *self)
{
  g_signal_emit (self, signals[SIGNAL_RECORD_DECISION], 0);
}

/* Review mode, for the meeting: full screen, over the window. */
static void
on_review_clicked_cb (GtkButton *button, RpReadinessCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *review = rp_review_window_new (self->store, self->release_id);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (review), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (review), TRUE);
  gtk_window_fullscreen (GTK_WINDOW (review));
  gtk_window_present (GTK_WINDOW (review));
}

static GtkWidget *
add_label (GtkWidget *box, const char *name, const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
build (RpReadinessCard *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *verdict_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *facts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading, *buttons, *review;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "rp-readiness-card");
  gtk_widget_set_name (card, "readiness-card");
  adw_bin_set_child (ADW_BIN (self), card);

  /* The release's name: the header of a wide window shows the tabs. */
  gtk_widget_set_hexpand (names, TRUE);
  self->name_label = add_label (names, "release-name", "title-1");
  self->version_label = add_label (names, "release-version", "dim-label");
  gtk_box_append (GTK_BOX (title), names);
  gtk_box_append (GTK_BOX (card), title);

  heading = gtk_label_new (_("Readiness"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (card), heading);

  self->verdict_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->verdict_label, "verdict");
  gtk_widget_set_valign (self->verdict_label, GTK_ALIGN_START);
  gtk_widget_set_halign (self->verdict_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (verdict_box), self->verdict_label);
  gtk_widget_set_hexpand (facts, TRUE);
  gtk_widget_set_valign (facts, GTK_ALIGN_CENTER);
  self->counts_label = add_label (facts, "finding-counts", "heading");
  self->deploy_label = add_label (facts, "days-to-deploy", NULL);
  self->next_label = add_label (facts, "next-milestone", "dim-label");
  gtk_box_append (GTK_BOX (verdict_box), facts);
  gtk_box_append (GTK_BOX (card), verdict_box);

  self->figure_bar = gtk_progress_bar_new ();
  gtk_widget_set_name (self->figure_bar, "readiness-figure-bar");
  gtk_widget_set_margin_top (self->figure_bar, 6);
  gtk_box_append (GTK_BOX (card), self->figure_bar);
  self->figure_label = add_label (card, "readiness-figure", NULL);
  self->figure_detail = add_label (card, "readiness-figure-detail", "dim-label");
  gtk_widget_add_css_class (self->figure_detail, "caption");

  self->findings = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->findings), "card-findings");
  gtk_list_box_set_selection_mode (self->findings, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->findings), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->findings), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Blockers and warnings"), -1);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->findings));

  /* One above the other: the card never makes the window wider than
   * 360 pixels. */
  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  review = gtk_button_new_with_mnemonic (_("Re_view Mode"));
  gtk_widget_set_name (review, "card-review-mode");
  gtk_widget_add_css_class (review, "pill");
  gtk_widget_set_tooltip_text (
      review, _("Full screen, large type, one upcoming release at a time, for the meeting"));
  g_signal_connect (review, "clicked", G_CALLBACK (on_review_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), review);
  self->record_button = gtk_button_new_with_mnemonic (_("_Record Decision…"));
  gtk_widget_set_name (self->record_button, "card-record-decision");
  gtk_widget_add_css_class (self->record_button, "pill");
  gtk_widget_add_css_class (self->record_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->record_button,
                               _("Log the go/no-go decision, pre-set from the verdict"));
  g_signal_connect (self->record_button, "clicked", G_CALLBACK (on_record_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->record_button);
  gtk_box_append (GTK_BOX (card), buttons);
}

GtkWidget *
rp_readiness_card_new (RpStore *store)
{
  RpReadinessCard *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  self = g_object_new (RP_TYPE_READINESS_CARD, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return GTK_WIDGET (self);
}

void
rp_readiness_card_set_release_id (RpReadinessCard *self, const char *release_id)
{
  g_return_if_fail (RP_IS_READINESS_CARD (self));

  if (g_strcmp0 (self->release_id, release_id) == 0)
    return;
  g_free (self->release_id);
  self->release_id = g_strdup (release_id);
  rp_readiness_card_update (self);
}

RpReadinessReport *
rp_readiness_card_get_report (RpReadinessCard *self)
{
  g_return_val_if_fail (RP_IS_READINESS_CARD (self), NULL);

  return self->report;
}

static void
rp_readiness_card_dispose (GObject *object)
{
  RpReadinessCard *self = RP_READINESS_CARD (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->report, rp_readiness_report_unref);
  g_clear_pointer (&self->release_id, g_free);

  G_OBJECT_CLASS (rp_readiness_card_parent_class)->dispose (object);
}

static void
rp_readiness_card_class_init (RpReadinessCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_readiness_card_dispose;
  /* A named group, not a widget a screen reader calls by its type name. */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * RpReadinessCard::record-decision:
   *
   * "Record Decision…" was pressed.
   */
  signals[SIGNAL_RECORD_DECISION] = g_signal_new ("record-decision", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rp_readiness_card_init (RpReadinessCard *self)
{
  build (self);
  schedule_midnight (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Readiness"), -1);
}
