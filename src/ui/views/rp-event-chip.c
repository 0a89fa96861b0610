/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-event-chip.h"
#include "rp-view-util.h"

#define GLYPH_SIZE 8.0
#define GLYPH_ROOM 14 /* the label's margin when a glyph stands before it */

struct _RpEventChip
{
  GtkButton parent_instance;

  GtkWidget *label; /* borrowed: the button's child */
  char *id;
  RpCalendarEventKind kind;
  gboolean compact;
};

G_DEFINE_FINAL_TYPE (RpEventChip, rp_event_chip, GTK_TYPE_BUTTON)

static const char *const kind_classes[] = {
  [RP_CALENDAR_EVENT_FREEZE] = "freeze",   [RP_CALENDAR_EVENT_CODE_COMPLETE] = "code-complete",
  [RP_CALENDAR_EVENT_TESTING] = "testing", [RP_CALENDAR_EVENT_BUFFER] = "buffer",
  [RP_CALENDAR_EVENT_DEPLOY] = "deploy",   [RP_CALENDAR_EVENT_MONITORING_END] = "monitoring-end",
};

static gboolean
has_glyph (RpCalendarEventKind kind)
{
  return kind == RP_CALENDAR_EVENT_CODE_COMPLETE || kind == RP_CALENDAR_EVENT_DEPLOY ||
         kind == RP_CALENDAR_EVENT_MONITORING_END;
}

/* What the chip says: short, the kind first. */
static char *
chip_text (const RpCalendarEvent *event)
{
  switch (event->kind)
    {
    case RP_CALENDAR_EVENT_FREEZE:
      return g_strdup (event->title);
    case RP_CALENDAR_EVENT_CODE_COMPLETE:
      /* Translators: an event of the calendar; %s is a release */
      return g_strdup_printf (_("Code complete: %s"), event->title);
    case RP_CALENDAR_EVENT_TESTING:
      /* Translators: an event of the calendar; %s is a release */
      return g_strdup_printf (_("Testing: %s"), event->title);
    case RP_CALENDAR_EVENT_BUFFER:
      /* Translators: an event of the calendar; %s is a release */
      return g_strdup_printf (_("Buffer: %s"), event->title);
    case RP_CALENDAR_EVENT_DEPLOY:
      /* Translators: an event of the calendar; %s is a release */
      return g_strdup_printf (_("Deploy: %s"), event->title);
    case RP_CALENDAR_EVENT_MONITORING_END:
      /* Translators: an event of the calendar; %s is a release */
      return g_strdup_printf (_("Monitoring ends: %s"), event->title);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rp_event_describe:
 *
 * Returns: (transfer full): the event in words, for its accessible name
 * and tooltip: "Deploy Payments 2.4, Thursday 10 December", with what is
 * wrong with a deploy
 */
char *
rp_event_describe (RpSchedule *schedule, const RpCalendarEvent *event)
{
  g_autofree char *days = rp_view_format_days (event->first, event->last);
  g_autoptr (GString) text = g_string_new (NULL);

  switch (event->kind)
    {
    case RP_CALENDAR_EVENT_FREEZE:
      /* Translators: %s are a freeze window's name and its days */
      g_string_printf (text, _("Freeze %s, %s"), event->title, days);
      break;
    case RP_CALENDAR_EVENT_CODE_COMPLETE:
      /* Translators: %s are a release and a day, "Code complete Payments 2.4, Friday 20 November" */
      g_string_printf (text, _("Code complete %s, %s"), event->title, days);
      break;
    case RP_CALENDAR_EVENT_TESTING:
      /* Translators: %s are a release and its days of testing */
      g_string_printf (text, _("Testing %s, %s"), event->title, days);
      break;
    case RP_CALENDAR_EVENT_BUFFER:
      /* Translators: %s are a release and its buffer days */
      g_string_printf (text, _("Buffer %s, %s"), event->title, days);
      break;
    case RP_CALENDAR_EVENT_DEPLOY:
      /* Translators: %s are a release and a day, "Deploy Payments 2.4, Thursday 10 December" */
      g_string_printf (text, _("Deploy %s, %s"), event->title, days);
      break;
    case RP_CALENDAR_EVENT_MONITORING_END:
      /* Translators: %s are a release and a day */
      g_string_printf (text, _("End of monitoring %s, %s"), event->title, days);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (event->warnings & RP_SCHEDULE_WARNING_DEPLOY_DAY)
    g_string_append (text, _(", not an allowed deploy day"));
  if ((event->warnings & RP_SCHEDULE_WARNING_FREEZE) && event->freeze >= 0)
    /* Translators: appended to a deploy; %s is a freeze window */
    g_string_append_printf (text, _(", inside the freeze %s"),
                            rp_freeze_window_get_name (rp_schedule_get_freeze (schedule, event->freeze)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The kind's mark before the text, in the release's colour. */
static void
snapshot_glyph (RpEventChip *self, GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  float y = gtk_widget_get_height (widget) / 2.0f;
  float x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                ? gtk_widget_get_width (widget) - 5 - GLYPH_SIZE / 2
                : 5 + GLYPH_SIZE / 2;
  graphene_rect_t box = GRAPHENE_RECT_INIT (-GLYPH_SIZE / 2, -GLYPH_SIZE / 2, GLYPH_SIZE, GLYPH_SIZE);
  GskRoundedRect rounded;
  GdkRGBA color;

  rp_view_get_style_color (widget, NULL, &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  switch (self->kind)
    {
    case RP_CALENDAR_EVENT_CODE_COMPLETE:
      gsk_rounded_rect_init_from_rect (&rounded, &box, GLYPH_SIZE / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &color, &box);
      gtk_snapshot_pop (snapshot);
      break;
    case RP_CALENDAR_EVENT_DEPLOY:
      gtk_snapshot_rotate (snapshot, 45);
      gtk_snapshot_scale (snapshot, 0.85f, 0.85f);
      gtk_snapshot_append_color (snapshot, &color, &box);
      break;
    case RP_CALENDAR_EVENT_MONITORING_END:
      {
        const float widths[4] = { 2, 2, 2, 2 };
        const GdkRGBA colors[4] = { color, color, color, color };

        gsk_rounded_rect_init_from_rect (&rounded, &box, 1);
        gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
      }
      break;
    default:
      break;
    }
  gtk_snapshot_restore (snapshot);
}

static void
rp_event_chip_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RpEventChip *self = RP_EVENT_CHIP (widget);

  GTK_WIDGET_CLASS (rp_event_chip_parent_class)->snapshot (widget, snapshot);
  if (has_glyph (self->kind))
    snapshot_glyph (self, snapshot);
}

/* Chips are as small as their row lets them be: the grid gives the width. */
static void
rp_event_chip_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  GTK_WIDGET_CLASS (rp_event_chip_parent_class)
      ->measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MIN (*minimum, GLYPH_ROOM);
}

static void
rp_event_chip_finalize (GObject *object)
{
  RpEventChip *self = RP_EVENT_CHIP (object);

  g_free (self->id);
  G_OBJECT_CLASS (rp_event_chip_parent_class)->finalize (object);
}

static void
rp_event_chip_class_init (RpEventChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rp_event_chip_finalize;
  widget_class->snapshot = rp_event_chip_snapshot;
  widget_class->measure = rp_event_chip_measure;
  gtk_widget_class_set_css_name (widget_class, "rpeventchip");
}

static void
rp_event_chip_init (RpEventChip *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (self->label), TRUE);
  gtk_button_set_child (GTK_BUTTON (self), self->label);
}

/**
 * rp_event_chip_new:
 * @schedule: what @event is from (for the names of freezes)
 *
 * Returns: (transfer floating): a chip for @event
 */
GtkWidget *
rp_event_chip_new (RpSchedule *schedule, const RpCalendarEvent *event)
{
  RpEventChip *self;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;
  const char *reason = NULL;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (RP_TYPE_EVENT_CHIP, NULL);
  self->id = g_strdup (event->id);
  self->kind = event->kind;
  text = chip_text (event);
  description = rp_event_describe (schedule, event);
  gtk_label_set_text (GTK_LABEL (self->label), text);
  if (has_glyph (event->kind))
    gtk_widget_set_margin_start (self->label, GLYPH_ROOM);
  gtk_widget_add_css_class (GTK_WIDGET (self), kind_classes[event->kind]);
  if (event->kind != RP_CALENDAR_EVENT_FREEZE)
    rp_view_set_color_class (GTK_WIDGET (self), event->color_index);
  else
    reason = rp_freeze_window_get_reason (rp_schedule_get_freeze (schedule, event->index));
  if (event->warnings != RP_SCHEDULE_WARNING_NONE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
      g_object_ref (self->label);
      gtk_button_set_child (GTK_BUTTON (self), NULL);
      gtk_widget_set_hexpand (self->label, TRUE);
      gtk_box_append (GTK_BOX (box), self->label);
      gtk_box_append (GTK_BOX (box), mark);
      g_object_unref (self->label);
      gtk_button_set_child (GTK_BUTTON (self), box);
    }

  tooltip = reason != NULL ? g_strdup_printf ("%s\n%s", description, reason) : g_strdup (description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
  return GTK_WIDGET (self);
}

/* The id of the release (or freeze window) of the event. */
const char *
rp_event_chip_get_id (RpEventChip *self)
{
  g_return_val_if_fail (RP_IS_EVENT_CHIP (self), NULL);

  return self->id;
}

RpCalendarEventKind
rp_event_chip_get_kind (RpEventChip *self)
{
  g_return_val_if_fail (RP_IS_EVENT_CHIP (self), RP_CALENDAR_EVENT_FREEZE);

  return self->kind;
}

/* Square ends where the event goes on in the week row before or after. */
void
rp_event_chip_set_continues (RpEventChip *self, gboolean before, gboolean after)
{
  g_return_if_fail (RP_IS_EVENT_CHIP (self));

  if (before)
    gtk_widget_add_css_class (GTK_WIDGET (self), "continues-before");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "continues-before");
  if (after)
    gtk_widget_add_css_class (GTK_WIDGET (self), "continues-after");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "continues-after");
}

/* Without its text, where the day cells are too narrow for words. */
void
rp_event_chip_set_compact (RpEventChip *self, gboolean compact)
{
  g_return_if_fail (RP_IS_EVENT_CHIP (self));

  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_widget_set_visible (self->label, !compact);
}
