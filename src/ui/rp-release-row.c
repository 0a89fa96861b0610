/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-labels.h"
#include "rp-readiness-ui.h"
#include "rp-release-row.h"
#include "rp-ui-util.h"
#include "rp-view-util.h"

/* One release in the sidebar: its name and status on the first line, its
 * version and deploy date under them with its readiness verdict. */
struct _RpReleaseRow
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkLabel *name_label;
  GtkWidget *color_dot;
  GtkLabel *status_label;
  GtkLabel *details_label;
  GtkWidget *verdict_label;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel *match_label;

  /* owned */
  RpRecord *release;
};

G_DEFINE_FINAL_TYPE (RpReleaseRow, rp_release_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_RELEASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a screen reader says of the row: what it shows, in one line. */
static void
update_row_label (RpReleaseRow *self)
{
  g_autoptr (GString) text = NULL;

  if (self->release == NULL || gtk_widget_get_parent (GTK_WIDGET (self)) == NULL)
    return;
  text = g_string_new (gtk_label_get_text (self->name_label));
  g_string_append_printf (text, ", %s, %s", gtk_label_get_text (self->status_label),
                          gtk_label_get_text (self->details_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->progress_label)))
    /* Translators: the checklist's progress, as a screen reader reads a release: ", checklist 12/17" */
    g_string_append_printf (text, _(", checklist %s"), gtk_label_get_text (self->progress_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->match_label)))
    /* Translators: what a search matched, as a screen reader reads a
     * release: ", matches Risk: PSP outage" */
    g_string_append_printf (text, _(", matches %s"), gtk_label_get_text (self->match_label));
  rp_ui_set_row_label (GTK_WIDGET (self), text->str);
}

static void
update_labels (RpReleaseRow *self)
{
  const char *version = NULL;
  g_autofree char *deploy = NULL;
  g_autofree char *details = NULL;

  if (self->release == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_widget_set_visible (self->color_dot, FALSE);
      gtk_label_set_label (self->details_label, "");
      rp_labels_set_status_badge (self->status_label, NULL);
      return;
    }

  version = rp_release_get_version (RP_RELEASE (self->release));
  deploy = rp_labels_date (rp_release_get_deploy (RP_RELEASE (self->release)));

  if (version != NULL && *version != '\0' && deploy != NULL)
    /* Translators: a release in the sidebar, "<version> · deploys <date>" */
    details = g_strdup_printf (_("%s · deploys %s"), version, deploy);
  else if (version != NULL && *version != '\0')
    /* Translators: a release in the sidebar, "<version> · no deploy date" */
    details = g_strdup_printf (_("%s · no deploy date"), version);
  else if (deploy != NULL)
    /* Translators: a release in the sidebar, "Deploys <date>" */
    details = g_strdup_printf (_("Deploys %s"), deploy);
  else
    details = g_strdup (_("No deploy date"));

  gtk_label_set_label (self->name_label, rp_release_get_name (RP_RELEASE (self->release)));
  rp_view_set_color_class (self->color_dot, rp_release_color_index (rp_record_get_id (self->release)));
  gtk_widget_set_visible (self->color_dot, TRUE);
  gtk_label_set_label (self->details_label, details);
  rp_labels_set_status_badge (self->status_label, rp_release_status_to_string (
                                                      rp_release_get_status (RP_RELEASE (self->release))));
  update_row_label (self);
}

static void
rp_release_row_dispose (GObject *object)
{
  RpReleaseRow *self = RP_RELEASE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_RELEASE_ROW);
  /* The grid holding the labels is not bound, so not unparented above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->release);

  G_OBJECT_CLASS (rp_release_row_parent_class)->dispose (object);
}

static void
rp_release_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpReleaseRow *self = RP_RELEASE_ROW (object);

  switch (prop_id)
    {
    case PROP_RELEASE:
      g_value_set_object (value, self->release);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_release_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpReleaseRow *self = RP_RELEASE_ROW (object);

  switch (prop_id)
    {
    case PROP_RELEASE:
      rp_release_row_set_release (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_release_row_class_init (RpReleaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The list's item is the row a screen reader names (rp_ui_set_row_label). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  object_class->dispose = rp_release_row_dispose;
  object_class->get_property = rp_release_row_get_property;
  object_class->set_property = rp_release_row_set_property;

  properties[PROP_RELEASE] =
      g_param_spec_object ("release", NULL, NULL, RP_TYPE_RECORD,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rp-release-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RpReleaseRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseRow, color_dot);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseRow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseRow, match_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rp_release_row_init (RpReleaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rp_view_ensure_css (GTK_WIDGET (self));
  update_labels (self);
}

GtkWidget *
rp_release_row_new (void)
{
  return g_object_new (RP_TYPE_RELEASE_ROW, NULL);
}

/**
 * rp_release_row_get_release:
 *
 * Returns: (transfer none) (nullable): the release shown
 */
RpRecord *
rp_release_row_get_release (RpReleaseRow *self)
{
  g_return_val_if_fail (RP_IS_RELEASE_ROW (self), NULL);

  return self->release;
}

void
rp_release_row_set_release (RpReleaseRow *self, RpRecord *release)
{
  g_return_if_fail (RP_IS_RELEASE_ROW (self));
  g_return_if_fail (release == NULL || RP_IS_RECORD (release));

  if (!g_set_object (&self->release, release))
    return;

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE]);
}

/**
 * rp_release_row_set_progress:
 * @complete: checklist items done or not applicable
 * @total: all checklist items
 *
 * Shows the checklist's progress; nothing when the release has no
 * checklist.
 */
void
rp_release_row_set_progress (RpReleaseRow *self, guint complete, guint total)
{
  g_autofree char *text = NULL;

  g_return_if_fail (RP_IS_RELEASE_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), total > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), total > 0);
  if (total > 0)
    {
      /* Translators: checklist progress in the sidebar, "12/17" */
      text = g_strdup_printf (_("%u/%u"), complete, total);
      gtk_label_set_label (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) complete / total);
    }
  update_row_label (self);
}

/**
 * rp_release_row_set_verdict:
 * @verdict: the verdict of the readiness rules on the release, or -1 for
 *   none (no badge)
 *
 * Shows the verdict as a badge, its words in its colour, named for a
 * screen reader as "Readiness: No-go".
 */
void
rp_release_row_set_verdict (RpReleaseRow *self, int verdict)
{
  g_autofree char *name = NULL;

  g_return_if_fail (RP_IS_RELEASE_ROW (self));
  g_return_if_fail (verdict >= -1 && verdict <= RP_DECISION_KIND_GO_WITH_RISKS);

  gtk_widget_set_visible (self->verdict_label, verdict >= 0);
  if (verdict < 0)
    return;
  rp_ui_set_verdict (self->verdict_label, verdict);
  gtk_widget_add_css_class (self->verdict_label, "rp-verdict-badge");
  /* Translators: the readiness badge of a release in the sidebar, as a
   * screen reader says it: "Readiness: No-go" */
  name = g_strdup_printf (_("Readiness: %s"), rp_ui_verdict_label (verdict));
  gtk_widget_set_tooltip_text (self->verdict_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_label), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * rp_release_row_set_match:
 * @text: (nullable): what a search matched in the release ("Risk: PSP
 *   outage"), or NULL for nothing to say
 *
 * Shows the match on a line of its own, and says it to a screen reader
 * with the rest of the row and as the row's description.
 */
void
rp_release_row_set_match (RpReleaseRow *self, const char *text)
{
  g_return_if_fail (RP_IS_RELEASE_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->match_label), text != NULL);
  gtk_label_set_label (self->match_label, text != NULL ? text : "");
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    rp_ui_set_row_description (GTK_WIDGET (self), text);
  update_row_label (self);
}
