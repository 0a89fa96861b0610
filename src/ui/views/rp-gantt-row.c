/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-gantt-private.h"
#include "rp-view-util.h"

/* One release's row of the timeline: its name at the left of the view,
 * and below it the bars of development, testing, the buffer and
 * monitoring, the deploy marker (which a drag moves), the committed ghost
 * and the slip. It draws in the chart's coordinates, scrolled as the chart
 * is; it is as wide as the chart's view. */

#define TITLE_TOP 4
#define BAR_TOP 22
#define BAR_HEIGHT 14
#define MARKER_SIZE 10.0
#define MARKER_HIT 10.0 /* how near the marker a drag may start */

struct _RpGanttRow
{
  GtkWidget parent_instance;

  const RpTimelineRow *row; /* borrowed from the chart's layout */
  guint index;
  PangoLayout *title;
  GtkWidget *popover;

  /* a drag of the deploy marker under way */
  gboolean dragging;
  gboolean drag_whole;
  int drag_days;
};

enum
{
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RpGanttRow, rp_gantt_row, GTK_TYPE_WIDGET)

static RpGanttChart *
get_chart (RpGanttRow *self)
{
  return RP_GANTT_CHART (gtk_widget_get_ancestor (GTK_WIDGET (self), RP_TYPE_GANTT_CHART));
}

/* Where day @julian starts, in the row's coordinates. */
static double
day_x (RpGanttRow *self, guint32 julian)
{
  RpGanttChart *chart = get_chart (self);
  guint32 origin = julian;
  double ppd = 1, scroll = 0;

  if (chart != NULL)
    _rp_gantt_chart_get_geometry (chart, &origin, &ppd, &scroll);
  return rp_timeline_x_for_day (origin, ppd, julian) - scroll;
}

static double
pixels_per_day (RpGanttRow *self)
{
  RpGanttChart *chart = get_chart (self);
  double ppd = 1;

  if (chart != NULL)
    _rp_gantt_chart_get_geometry (chart, NULL, &ppd, NULL);
  return ppd;
}

/* How many days the bar of @kind is drawn moved by a drag under way. */
static int
drag_offset (RpGanttRow *self, RpTimelineBarKind kind)
{
  if (!self->dragging)
    return 0;
  if (self->drag_whole || kind == RP_TIMELINE_BAR_BUFFER || kind == RP_TIMELINE_BAR_MONITORING)
    return self->drag_days;
  return 0;
}

/* The middle of the deploy marker (where a drag has it), or -1. */
double
_rp_gantt_row_get_deploy_x (RpGanttRow *self)
{
  g_return_val_if_fail (RP_IS_GANTT_ROW (self), -1);

  if (self->row == NULL || self->row->deploy == 0)
    return -1;
  return day_x (self, self->row->deploy + (self->dragging ? self->drag_days : 0)) + pixels_per_day (self) / 2;
}

/* A bar in words; @start: at the start of a sentence (a tooltip). */
static void
append_bar_words (GString *text, const RpTimelineBar *bar, gboolean start)
{
  g_autofree char *days =
      bar->open_start ? rp_view_format_day (bar->last) : rp_view_format_days (bar->first, bar->last);

  switch (bar->kind)
    {
    case RP_TIMELINE_BAR_DEVELOPMENT:
      /* Translators: %s is a day, or a run of days ("Monday 4 May to Friday 20 November") */
      if (bar->open_start)
        g_string_append_printf (text, start ? _("Development until %s") : _("development until %s"), days);
      else
        g_string_append_printf (text, start ? _("Development %s") : _("development %s"), days);
      break;
    case RP_TIMELINE_BAR_TESTING:
      /* Translators: %s is a run of days */
      g_string_append_printf (text, start ? _("Testing %s") : _("testing %s"), days);
      break;
    case RP_TIMELINE_BAR_BUFFER:
      /* Translators: %s is a run of days */
      g_string_append_printf (text, start ? _("Buffer %s") : _("buffer %s"), days);
      break;
    case RP_TIMELINE_BAR_MONITORING:
      /* Translators: %s is a run of days */
      g_string_append_printf (text, start ? _("Monitoring %s") : _("monitoring %s"), days);
      break;
    default:
      g_return_if_reached ();
    }
}

static void
append_slip_words (GString *text, int slip)
{
  if (slip > 0)
    g_string_append_printf (text,
                            ngettext ("%d day later than committed", "%d days later than committed", slip),
                            slip);
  else if (slip < 0)
    g_string_append_printf (
        text, ngettext ("%d day earlier than committed", "%d days earlier than committed", -slip), -slip);
  else
    g_string_append (text, _("on the committed date"));
}

static void
append_separator (GString *text, gboolean *first)
{
  g_string_append (text, *first ? ": " : ", ");
  *first = FALSE;
}

/* The arrows into this row, which the chart draws (red where the order
 * is wrong), in words: "waits for Search relevance v4" and, where the
 * release waited for deploys on or after this one, "which deploys
 * after it". */
static void
append_dependency_words (RpGanttRow *self, GString *text, gboolean *first)
{
  RpGanttChart *chart = get_chart (self);
  RpTimelineLayout *layout = chart != NULL ? rp_gantt_chart_get_layout (chart) : NULL;

  if (layout == NULL)
    return;
  for (guint i = 0; i < rp_timeline_layout_get_n_arrows (layout); i++)
    {
      const RpTimelineArrow *arrow = rp_timeline_layout_get_arrow (layout, i);
      const RpTimelineRow *waited;

      if (arrow->to_row != self->index)
        continue;
      waited = rp_timeline_layout_get_row (layout, arrow->from_row);
      append_separator (text, first);
      if (arrow->wrong_order)
        /* Translators: in the description of a timeline row: the release
         * this one depends on, which deploys on the same day or later */
        g_string_append_printf (text, _("waits for %s, which deploys on the same day or later"),
                                waited->title);
      else
        /* Translators: in the description of a timeline row: the release
         * this one depends on */
        g_string_append_printf (text, _("waits for %s"), waited->title);
    }
}

/* The whole row in words, in time order: its accessible name. */
static char *
describe (RpGanttRow *self)
{
  const RpTimelineRow *row = self->row;
  g_autoptr (GString) text = g_string_new (row->title);
  RpGanttChart *chart = get_chart (self);
  RpSchedule *schedule = chart != NULL ? _rp_gantt_chart_get_schedule (chart) : NULL;
  gboolean first = TRUE;

  if (row->n_bars == 0 && row->deploy == 0)
    {
      append_separator (text, &first);
      g_string_append (text, _("no dates yet"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  for (guint i = 0; i < row->n_bars; i++)
    if (row->bars[i].kind != RP_TIMELINE_BAR_MONITORING)
      {
        append_separator (text, &first);
        append_bar_words (text, &row->bars[i], FALSE);
      }
  if (row->deploy != 0)
    {
      g_autofree char *deploy = rp_view_format_day (row->deploy);

      append_separator (text, &first);
      /* Translators: in the description of a timeline row; %s is a day */
      g_string_append_printf (text, _("deploy %s"), deploy);
      if (row->deploy_warnings & RP_SCHEDULE_WARNING_DEPLOY_DAY)
        g_string_append (text, _(", not an allowed deploy day"));
      if ((row->deploy_warnings & RP_SCHEDULE_WARNING_FREEZE) && schedule != NULL && row->freeze >= 0)
        g_string_append_printf (text, _(", inside the freeze %s"),
                                rp_freeze_window_get_name (rp_schedule_get_freeze (schedule, row->freeze)));
    }
  for (guint i = 0; i < row->n_bars; i++)
    if (row->bars[i].kind == RP_TIMELINE_BAR_MONITORING)
      {
        append_separator (text, &first);
        append_bar_words (text, &row->bars[i], FALSE);
      }
  if (row->committed_deploy != 0)
    {
      append_separator (text, &first);
      append_slip_words (text, row->slip_days);
    }
  append_dependency_words (self, text, &first);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_name (RpGanttRow *self)
{
  g_autofree char *name = NULL;

  if (self->row == NULL)
    return;
  name = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* What is under @x: a sentence for the tooltip (the hover). */
char *
_rp_gantt_row_describe_at (RpGanttRow *self, double x)
{
  const RpTimelineRow *row = self->row;
  RpGanttChart *chart = get_chart (self);
  guint32 origin = 0, day;
  double ppd = 1, scroll = 0;
  double deploy_x = _rp_gantt_row_get_deploy_x (self);

  _rp_gantt_chart_get_geometry (chart, &origin, &ppd, &scroll);
  day = rp_timeline_day_at_x (origin, ppd, x + scroll);
  if (deploy_x >= 0 && ABS (x - deploy_x) <= MARKER_HIT)
    {
      g_autofree char *deploy = rp_view_format_day (row->deploy);
      g_autoptr (GString) text = g_string_new (NULL);

      /* Translators: the tooltip of a deploy marker */
      g_string_printf (text, _("Deploy %s"), deploy);
      if (row->committed_deploy != 0)
        {
          g_autofree char *committed = rp_view_format_day (row->committed_deploy);

          /* Translators: the tooltip of a deploy marker, after the deploy day */
          g_string_append_printf (text, _("\nCommitted: %s, "), committed);
          append_slip_words (text, row->slip_days);
        }
      g_string_append (text, "\n");
      g_string_append (text, _("Drag to move the deploy, Shift-drag to move the whole schedule"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  for (guint i = 0; i < row->n_bars; i++)
    if (row->bars[i].first <= day && day <= row->bars[i].last)
      {
        g_autoptr (GString) text = g_string_new (NULL);

        append_bar_words (text, &row->bars[i], TRUE);
        return g_string_free (g_steal_pointer (&text), FALSE);
      }
  if (row->committed_deploy != 0 && row->committed_first <= day && day <= row->committed_deploy)
    {
      g_autofree char *days = rp_view_format_days (row->committed_first, row->committed_deploy);

      /* Translators: the tooltip of the ghost bar of committed dates */
      return g_strdup_printf (_("Committed %s"), days);
    }
  return describe (self);
}

static gboolean
on_query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  RpGanttRow *self = RP_GANTT_ROW (widget);
  g_autofree char *text = NULL;

  if (self->row == NULL || get_chart (self) == NULL)
    return FALSE;
  text = keyboard ? describe (self) : _rp_gantt_row_describe_at (self, x);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
append_diamond (GtkSnapshot *snapshot, double cx, double cy, double size, const GdkRGBA *fill,
                const GdkRGBA *ring, float ring_width)
{
  graphene_rect_t square = GRAPHENE_RECT_INIT (-size / 2, -size / 2, size, size);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
  gtk_snapshot_rotate (snapshot, 45);
  if (ring != NULL)
    {
      GskRoundedRect outline;
      const float widths[4] = { ring_width, ring_width, ring_width, ring_width };
      const GdkRGBA colors[4] = { *ring, *ring, *ring, *ring };

      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (-size / 2 - ring_width, -size / 2 - ring_width,
                                                            size + 2 * ring_width, size + 2 * ring_width),
                                       1);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
  if (fill != NULL)
    gtk_snapshot_append_color (snapshot, fill, &square);
  gtk_snapshot_restore (snapshot);
}

static void
append_outline (GtkSnapshot *snapshot, const graphene_rect_t *rect, const GdkRGBA *color)
{
  GskRoundedRect outline;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, 4);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
snapshot_bar (RpGanttRow *self, GtkSnapshot *snapshot, const RpTimelineBar *bar, const GdkRGBA *color,
              double width)
{
  int offset = drag_offset (self, bar->kind);
  double x0 = day_x (self, bar->first + offset);
  double x1 = day_x (self, bar->last + 1 + offset);
  graphene_rect_t rect;
  GskRoundedRect rounded;

  if (x1 < 0 || x0 > width)
    return;
  /* Never more than a little past the edges: the rest is not in sight. */
  x0 = MAX (x0, -8);
  x1 = MIN (x1, width + 8);
  rect = GRAPHENE_RECT_INIT (x0, BAR_TOP, x1 - x0, BAR_HEIGHT);
  if (bar->kind == RP_TIMELINE_BAR_MONITORING)
    rect = GRAPHENE_RECT_INIT (x0, BAR_TOP + 3, x1 - x0, BAR_HEIGHT - 6);
  gsk_rounded_rect_init_from_rect (&rounded, &rect, 3);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  switch (bar->kind)
    {
    case RP_TIMELINE_BAR_DEVELOPMENT:
      if (bar->open_start)
        {
          const GskColorStop stops[] = { { 0, rp_view_faded (color, 0) },
                                         { 1, rp_view_faded (color, 0.3f) } };

          gtk_snapshot_append_linear_gradient (snapshot, &rect, &GRAPHENE_POINT_INIT (x0, 0),
                                               &GRAPHENE_POINT_INIT (x1, 0), stops, G_N_ELEMENTS (stops));
        }
      else
        {
          GdkRGBA fill = rp_view_faded (color, 0.3f);

          gtk_snapshot_append_color (snapshot, &fill, &rect);
        }
      break;
    case RP_TIMELINE_BAR_TESTING:
      {
        GdkRGBA fill = rp_view_faded (color, 0.85f);

        gtk_snapshot_append_color (snapshot, &fill, &rect);
      }
      break;
    case RP_TIMELINE_BAR_BUFFER:
      {
        const GskColorStop stops[] = {
          { 0, rp_view_faded (color, 0.55f) },
          { 0.5f, rp_view_faded (color, 0.55f) },
          { 0.5f, rp_view_faded (color, 0.15f) },
          { 1, rp_view_faded (color, 0.15f) },
        };

        gtk_snapshot_append_repeating_linear_gradient (snapshot, &rect, &GRAPHENE_POINT_INIT (0, 0),
                                                       &GRAPHENE_POINT_INIT (6, 6), stops,
                                                       G_N_ELEMENTS (stops));
      }
      break;
    case RP_TIMELINE_BAR_MONITORING:
      {
        GdkRGBA fill = rp_view_faded (color, 0.45f);

        gtk_snapshot_append_color (snapshot, &fill, &rect);
      }
      break;
    default:
      break;
    }
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_slip (RpGanttRow *self, GtkSnapshot *snapshot, double deploy_x, const GdkRGBA *fg)
{
  g_autofree char *words = NULL;
  g_autoptr (PangoLayout) text = NULL;
  GdkRGBA color;
  int slip = self->row->slip_days + (self->dragging ? self->drag_days : 0);

  if (slip == 0)
    return;
  /* Translators: the slip beside a deploy marker: "+3 d" (days later than
   * committed) or "−2 d" (earlier) */
  words = slip > 0 ? g_strdup_printf (_("+%d d"), slip) : g_strdup_printf (_("−%d d"), -slip);
  text = rp_view_text_new (GTK_WIDGET (self), words, 0.8, TRUE);
  rp_view_get_style_color (GTK_WIDGET (self), slip > 0 ? "warning_color" : "success_color", &color);
  rp_view_append_text (snapshot, text, deploy_x + MARKER_SIZE, BAR_TOP, &color);
}

static void
rp_gantt_row_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RpGanttRow *self = RP_GANTT_ROW (widget);
  const RpTimelineRow *row = self->row;
  double width = gtk_widget_get_width (widget);
  double ppd;
  GdkRGBA fg, color, background, error;
  double deploy_x;

  if (row == NULL || get_chart (self) == NULL)
    return;
  ppd = pixels_per_day (self);
  rp_view_get_style_color (widget, "view_fg_color", &fg);
  rp_view_get_style_color (widget, "view_bg_color", &background);
  rp_view_get_style_color (widget, "error_color", &error);
  rp_view_get_style_color (widget, NULL, &color);

  /* The committed dates behind, as a ghost. */
  if (row->committed_deploy != 0)
    {
      double x0 = day_x (self, row->committed_first);
      double x1 = day_x (self, row->committed_deploy + 1);
      GdkRGBA ghost = rp_view_faded (&fg, 0.4f);

      if (x1 >= 0 && x0 <= width)
        append_outline (snapshot,
                        &GRAPHENE_RECT_INIT (MAX (x0, -8), BAR_TOP - 3, MIN (x1, width + 8) - MAX (x0, -8),
                                             BAR_HEIGHT + 6),
                        &ghost);
      append_diamond (snapshot, day_x (self, row->committed_deploy) + ppd / 2, BAR_TOP + BAR_HEIGHT / 2.0,
                      MARKER_SIZE, NULL, &ghost, 1.5f);
    }

  for (guint i = 0; i < row->n_bars; i++)
    snapshot_bar (self, snapshot, &row->bars[i], &color, width);

  deploy_x = _rp_gantt_row_get_deploy_x (self);
  if (row->deploy != 0 && deploy_x >= -MARKER_SIZE && deploy_x <= width + MARKER_SIZE)
    {
      gboolean warned = row->deploy_warnings != RP_SCHEDULE_WARNING_NONE;

      /* A ring in the background's colour keeps it apart from the bars. */
      append_diamond (snapshot, deploy_x, BAR_TOP + BAR_HEIGHT / 2.0, MARKER_SIZE, &color,
                      warned ? &error : &background, warned ? 2.0f : 1.5f);
      if (row->committed_deploy != 0 || self->dragging)
        snapshot_slip (self, snapshot, deploy_x, &fg);
    }

  if (self->title != NULL)
    rp_view_append_text (snapshot, self->title, 8, TITLE_TOP, &fg);
}

static void
rp_gantt_row_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                      int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? RP_GANTT_ROW_HEIGHT : 0;
}

static void
rp_gantt_row_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RpGanttRow *self = RP_GANTT_ROW (widget);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

/* ---- what the row does ---- */

static void
rp_gantt_row_activate (RpGanttRow *self)
{
  if (self->row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "release.open", "s", self->row->id);
}

static void
shift (RpGanttRow *self, gboolean whole, int days)
{
  if (self->row != NULL && days != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "release.shift-dates", "(sbi)", self->row->id, whole,
                                days);
}

static gboolean
shift_key_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  gboolean whole;
  int days;

  g_variant_get (args, "(bi)", &whole, &days);
  shift (RP_GANTT_ROW (widget), whole, days);
  return TRUE;
}

/* Open Release and Commit Dates, at @x, @y (or below the name). */
static void
show_menu (RpGanttRow *self, double x, double y)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenuItem) open = NULL;
  g_autoptr (GMenuItem) commit = NULL;

  if (self->row == NULL)
    return;
  /* The menu of the time before, closed by now, or open: away with it. */
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  open = g_menu_item_new (_("_Open Release"), NULL);
  g_menu_item_set_action_and_target (open, "release.open", "s", self->row->id);
  g_menu_append_item (menu, open);
  commit = g_menu_item_new (_("_Commit Dates"), NULL);
  g_menu_item_set_action_and_target (commit, "release.commit-dates", "s", self->row->id);
  g_menu_append_item (menu, commit);

  self->popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &(GdkRectangle){ (int) x, (int) y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static gboolean
menu_key_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  show_menu (RP_GANTT_ROW (widget), 8, TITLE_TOP + 16);
  return TRUE;
}

static void
on_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, RpGanttRow *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      show_menu (self, x, y);
    }
  else if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE], 0);
}

/**
 * _rp_gantt_row_drag_begin:
 * @x: where the pointer went down
 * @whole: move the whole schedule, not only the deploy
 *
 * Returns: TRUE when @x is on the deploy marker: the drag moves it
 */
gboolean
_rp_gantt_row_drag_begin (RpGanttRow *self, double x, gboolean whole)
{
  double deploy_x;

  g_return_val_if_fail (RP_IS_GANTT_ROW (self), FALSE);

  deploy_x = _rp_gantt_row_get_deploy_x (self);
  if (deploy_x < 0 || ABS (x - deploy_x) > MARKER_HIT)
    return FALSE;
  self->dragging = TRUE;
  self->drag_whole = whole;
  self->drag_days = 0;
  return TRUE;
}

void
_rp_gantt_row_drag_update (RpGanttRow *self, double offset_x)
{
  int days;

  g_return_if_fail (RP_IS_GANTT_ROW (self));

  if (!self->dragging)
    return;
  days = rp_timeline_days_for_offset (offset_x, pixels_per_day (self));
  if (days != self->drag_days)
    {
      self->drag_days = days;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Ends a drag @offset_x pixels from where it began: saves the move. */
void
_rp_gantt_row_drag_end (RpGanttRow *self, double offset_x)
{
  int days;

  g_return_if_fail (RP_IS_GANTT_ROW (self));

  if (!self->dragging)
    return;
  _rp_gantt_row_drag_update (self, offset_x);
  days = self->drag_days;
  self->dragging = FALSE;
  self->drag_days = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  shift (self, self->drag_whole, days);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture, double x, double y, RpGanttRow *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (!_rp_gantt_row_drag_begin (self, x, (state & GDK_SHIFT_MASK) != 0))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update_cb (GtkGestureDrag *gesture, double offset_x, double offset_y, RpGanttRow *self)
{
  _rp_gantt_row_drag_update (self, offset_x);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture, double offset_x, double offset_y, RpGanttRow *self)
{
  _rp_gantt_row_drag_end (self, offset_x);
}

static void
on_motion_cb (GtkEventControllerMotion *motion, double x, double y, RpGanttRow *self)
{
  double deploy_x = _rp_gantt_row_get_deploy_x (self);
  gboolean on_marker = deploy_x >= 0 && ABS (x - deploy_x) <= MARKER_HIT;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), on_marker || self->dragging ? "ew-resize" : NULL);
}

static void
on_focus_enter_cb (GtkEventControllerFocus *focus, RpGanttRow *self)
{
  RpGanttChart *chart = get_chart (self);

  if (chart != NULL)
    _rp_gantt_chart_row_focused (chart, self);
}

static void
rp_gantt_row_dispose (GObject *object)
{
  RpGanttRow *self = RP_GANTT_ROW (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->title);
  G_OBJECT_CLASS (rp_gantt_row_parent_class)->dispose (object);
}

static void
rp_gantt_row_class_init (RpGanttRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_gantt_row_dispose;
  widget_class->snapshot = rp_gantt_row_snapshot;
  widget_class->measure = rp_gantt_row_measure;
  widget_class->size_allocate = rp_gantt_row_size_allocate;

  signals[ACTIVATE] =
      g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                  G_CALLBACK (rp_gantt_row_activate), NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, shift_key_cb, "(bi)", FALSE, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, shift_key_cb, "(bi)", FALSE, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, shift_key_cb,
                                "(bi)", TRUE, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, shift_key_cb,
                                "(bi)", TRUE, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "rpganttrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
rp_gantt_row_init (RpGanttRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
_rp_gantt_row_new (void)
{
  return g_object_new (RP_TYPE_GANTT_ROW, NULL);
}

/* Shows @row, the layout's row @index (which the chart keeps alive). */
void
_rp_gantt_row_bind (RpGanttRow *self, guint index, const RpTimelineRow *row)
{
  g_return_if_fail (RP_IS_GANTT_ROW (self));
  g_return_if_fail (row != NULL);

  self->index = index;
  self->row = row;
  self->dragging = FALSE;
  rp_view_set_color_class (GTK_WIDGET (self), row->color_index);
  g_clear_object (&self->title);
  self->title = rp_view_text_new (GTK_WIDGET (self), row->title, 0.9, TRUE);
  update_name (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
_rp_gantt_row_get_index (RpGanttRow *self)
{
  g_return_val_if_fail (RP_IS_GANTT_ROW (self), 0);

  return self->index;
}

const RpTimelineRow *
_rp_gantt_row_get_row (RpGanttRow *self)
{
  g_return_val_if_fail (RP_IS_GANTT_ROW (self), NULL);

  return self->row;
}
