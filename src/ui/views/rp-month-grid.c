/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-event-chip.h"
#include "rp-month-grid.h"
#include "rp-view-util.h"

#define HEADER_HEIGHT 28 /* the row of weekday names */
#define DAY_HEIGHT 26    /* the day number atop a cell */
#define LANE_HEIGHT 22   /* one line of events: a chip and a gap */
#define CHIP_HEIGHT 20
#define CELL_INSET 2 /* between a chip and the cell's sides */
#define MIN_CELL_WIDTH 40
#define MIN_ROW_HEIGHT (DAY_HEIGHT + LANE_HEIGHT + 2)
#define COMPACT_BELOW 84 /* cells narrower than this show chips without text */

/* A child and the cells it covers. */
typedef struct
{
  GtkWidget *widget;
  guint week;
  guint first_column;
  guint last_column;
  guint lane;
} Placed;

struct _RpMonthGrid
{
  GtkWidget parent_instance;

  RpMonthLayout *layout;
  GArray *placed;  /* Placed, in reading order */
  guint max_lanes; /* what the children are (or, with rebuild_id, will be) built for */
  gboolean compact;
  guint rebuild_id;
};

enum
{
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RpMonthGrid, rp_month_grid, GTK_TYPE_WIDGET)

static void
emit_activated (RpMonthGrid *self, RpEventChip *chip)
{
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, rp_event_chip_get_id (chip),
                 rp_event_chip_get_kind (chip));
}

static void
on_chip_clicked_cb (RpEventChip *chip, RpMonthGrid *self)
{
  emit_activated (self, chip);
}

static void
on_popover_chip_clicked_cb (RpEventChip *chip, RpMonthGrid *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (chip), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  emit_activated (self, chip);
}

static void
place (RpMonthGrid *self, GtkWidget *widget, guint week, guint first_column, guint last_column, guint lane)
{
  Placed placed = { widget, week, first_column, last_column, lane };

  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  g_array_append_val (self->placed, placed);
}

/* The list behind "+N more": every event of the day. */
static void
create_day_popover_cb (GtkMenuButton *button, gpointer data)
{
  RpMonthGrid *self = RP_MONTH_GRID (data);
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rp-cell"));
  guint week = cell / 7, column = cell % 7;
  RpSchedule *schedule = rp_month_layout_get_schedule (self->layout);
  g_autoptr (GPtrArray) segments = rp_month_layout_get_day_segments (self->layout, week, column);
  g_autofree char *day = rp_view_format_day (rp_month_layout_get_day (self->layout, week, column));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (day);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_margin_bottom (title, 4);
  gtk_box_append (GTK_BOX (box), title);
  for (guint i = 0; i < segments->len; i++)
    {
      const RpCalendarSegment *segment = segments->pdata[i];
      GtkWidget *chip = rp_event_chip_new (schedule, segment->event);

      gtk_widget_set_size_request (chip, 260, CHIP_HEIGHT);
      g_signal_connect (chip, "clicked", G_CALLBACK (on_popover_chip_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), chip);
    }
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, day, -1);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
more_button_new (RpMonthGrid *self, guint week, guint column, guint hidden)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *day = rp_view_format_day (rp_month_layout_get_day (self->layout, week, column));

  /* Translators: on a crowded day of the calendar; opens the list of its events */
  text = self->compact ? g_strdup_printf ("+%u", hidden)
                       : g_strdup_printf (ngettext ("+%u more", "+%u more", hidden), hidden);
  /* Translators: the "+N more" button of a day, for screen readers */
  name = g_strdup_printf (ngettext ("%u more event on %s", "%u more events on %s", hidden), hidden, day);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_add_css_class (button, "rp-more");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "rp-cell", GUINT_TO_POINTER (week * 7 + column));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_day_popover_cb, self, NULL);
  return button;
}

static void
remove_children (RpMonthGrid *self)
{
  for (guint i = 0; i < self->placed->len; i++)
    gtk_widget_unparent (g_array_index (self->placed, Placed, i).widget);
  g_array_set_size (self->placed, 0);
}

/* The children for the layout, for cells of max_lanes lines. */
static void
rebuild (RpMonthGrid *self)
{
  RpSchedule *schedule;
  guint n_segments, next = 0;

  remove_children (self);
  if (self->layout == NULL)
    return;
  schedule = rp_month_layout_get_schedule (self->layout);
  n_segments = rp_month_layout_get_n_segments (self->layout);
  for (guint week = 0; week < rp_month_layout_get_n_weeks (self->layout); week++)
    {
      guint shown = rp_month_layout_get_shown_lanes (self->layout, week, self->max_lanes);

      for (; next < n_segments && rp_month_layout_get_segment (self->layout, next)->week == week; next++)
        {
          const RpCalendarSegment *segment = rp_month_layout_get_segment (self->layout, next);
          GtkWidget *chip;

          if (segment->lane >= shown)
            continue;
          chip = rp_event_chip_new (schedule, segment->event);
          rp_event_chip_set_continues (RP_EVENT_CHIP (chip), segment->continues_before,
                                       segment->continues_after);
          rp_event_chip_set_compact (RP_EVENT_CHIP (chip), self->compact);
          g_signal_connect (chip, "clicked", G_CALLBACK (on_chip_clicked_cb), self);
          place (self, chip, week, segment->first_column, segment->last_column, segment->lane);
        }
      for (guint column = 0; column < 7; column++)
        {
          guint hidden = rp_month_layout_count_hidden (self->layout, week, column, self->max_lanes);

          if (hidden > 0)
            place (self, more_button_new (self, week, column, hidden), week, column, column, shown);
        }
    }
}

static gboolean
on_rebuild_cb (gpointer data)
{
  RpMonthGrid *self = RP_MONTH_GRID (data);

  self->rebuild_id = 0;
  rebuild (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* The left edge of column @column (its right edge for column + 1). */
static double
column_x (RpMonthGrid *self, double column_width, guint column)
{
  double x = column * column_width;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    return gtk_widget_get_width (GTK_WIDGET (self)) - x;
  return x;
}

static double
row_height (RpMonthGrid *self, int height)
{
  guint n_weeks = self->layout != NULL ? rp_month_layout_get_n_weeks (self->layout) : 6;

  return MAX (0, height - HEADER_HEIGHT) / (double) n_weeks;
}

static void
rp_month_grid_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  RpMonthGrid *self = RP_MONTH_GRID (widget);
  guint n_weeks = self->layout != NULL ? rp_month_layout_get_n_weeks (self->layout) : 6;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * MIN_CELL_WIDTH;
      *natural = 7 * 140;
    }
  else
    {
      *minimum = HEADER_HEIGHT + n_weeks * MIN_ROW_HEIGHT;
      *natural = HEADER_HEIGHT + n_weeks * (DAY_HEIGHT + 4 * LANE_HEIGHT);
    }
}

static void
rp_month_grid_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RpMonthGrid *self = RP_MONTH_GRID (widget);
  double column_width = width / 7.0;
  double row_h = row_height (self, height);
  guint max_lanes = MAX (1, (int) ((row_h - DAY_HEIGHT - 2) / LANE_HEIGHT));
  gboolean compact = column_width < COMPACT_BELOW;

  /* The number of lanes (and words) that fit changed: build the children
   * for it after this frame (for the last size, if it changes again
   * meanwhile); meanwhile hide what no longer fits. */
  if (max_lanes != self->max_lanes || compact != self->compact)
    {
      self->max_lanes = max_lanes;
      self->compact = compact;
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_rebuild_cb, self, NULL);
    }

  for (guint i = 0; i < self->placed->len; i++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, i);
      double a = column_x (self, column_width, placed->first_column);
      double b = column_x (self, column_width, placed->last_column + 1);
      double x = MIN (a, b) + CELL_INSET;
      double w = MAX (a, b) - MIN (a, b) - 2 * CELL_INSET;
      double y = HEADER_HEIGHT + placed->week * row_h + DAY_HEIGHT + placed->lane * LANE_HEIGHT;
      gboolean fits = placed->lane < max_lanes;
      int min_width;

      gtk_widget_set_child_visible (placed->widget, fits);
      if (!fits)
        continue;
      gtk_widget_measure (placed->widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_size_allocate (placed->widget,
                                &(GtkAllocation){ (int) x, (int) y, MAX ((int) w, min_width), CHIP_HEIGHT },
                                -1);
    }
}

static void
snapshot_header (RpMonthGrid *self, GtkSnapshot *snapshot, double column_width, const GdkRGBA *fg)
{
  GdkRGBA dim = rp_view_faded (fg, 0.6f);

  for (guint column = 0; column < 7; column++)
    {
      /* Any day of that weekday names it. */
      g_autoptr (GDateTime) day =
          rp_view_date_time_for_julian (rp_month_layout_get_day (self->layout, 0, column));
      g_autofree char *name = g_date_time_format (day, "%a");
      g_autoptr (PangoLayout) text = rp_view_text_new (GTK_WIDGET (self), name, 0.85, TRUE);
      double a = column_x (self, column_width, column);
      double b = column_x (self, column_width, column + 1);
      int w, h;

      pango_layout_get_pixel_size (text, &w, &h);
      rp_view_append_text (snapshot, text, MIN (a, b) + 6, (HEADER_HEIGHT - h) / 2.0, &dim);
    }
}

/* A day's number atop its cell ("1 Dec" on the first of a month), on an
 * accent disc for today. */
static void
snapshot_day_number (RpMonthGrid *self, GtkSnapshot *snapshot, guint week, guint column,
                     const graphene_rect_t *cell, const GdkRGBA *fg)
{
  RpCalendarDayFlags flags = rp_month_layout_get_day_flags (self->layout, week, column);
  g_autoptr (GDateTime) day =
      rp_view_date_time_for_julian (rp_month_layout_get_day (self->layout, week, column));
  /* Translators: the first day of a month in a calendar cell, see g_date_time_format() */
  g_autofree char *number =
      g_date_time_format (day,
                          g_date_time_get_day_of_month (day) == 1 ? C_("calendar cell", "%-d %b") : "%-d");
  gboolean today = (flags & RP_CALENDAR_DAY_TODAY) != 0;
  g_autoptr (PangoLayout) text = rp_view_text_new (GTK_WIDGET (self), number, 1.0, today);
  GdkRGBA color = rp_view_faded (fg, (flags & RP_CALENDAR_DAY_IN_MONTH) ? 0.9f : 0.4f);
  double x = cell->origin.x + 6, y = cell->origin.y + 4;
  int w, h;

  pango_layout_get_pixel_size (text, &w, &h);
  if (today)
    {
      GdkRGBA accent, accent_fg;
      graphene_rect_t disc = GRAPHENE_RECT_INIT (x - 4, y - 1, MAX (w + 8, h + 2), h + 2);
      GskRoundedRect rounded;

      rp_view_get_style_color (GTK_WIDGET (self), "accent_bg_color", &accent);
      rp_view_get_style_color (GTK_WIDGET (self), "accent_fg_color", &accent_fg);
      gsk_rounded_rect_init_from_rect (&rounded, &disc, (h + 2) / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &accent, &disc);
      gtk_snapshot_pop (snapshot);
      rp_view_append_text (snapshot, text, disc.origin.x + (disc.size.width - w) / 2, y, &accent_fg);
      return;
    }
  rp_view_append_text (snapshot, text, x, y, &color);
}

static void
rp_month_grid_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RpMonthGrid *self = RP_MONTH_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double column_width = width / 7.0;
  double row_h = row_height (self, height);
  GdkRGBA fg, line, freeze, weekend;
  guint n_weeks;

  if (self->layout == NULL)
    return;
  n_weeks = rp_month_layout_get_n_weeks (self->layout);
  rp_view_get_style_color (widget, NULL, &fg);
  rp_view_get_style_color (widget, "rp_grid_line_color", &line);
  rp_view_get_style_color (widget, "rp_freeze_color", &freeze);
  freeze.alpha *= 0.14f;
  weekend = rp_view_faded (&fg, 0.035f);

  snapshot_header (self, snapshot, column_width, &fg);
  for (guint week = 0; week < n_weeks; week++)
    for (guint column = 0; column < 7; column++)
      {
        RpCalendarDayFlags flags = rp_month_layout_get_day_flags (self->layout, week, column);
        double a = column_x (self, column_width, column);
        double b = column_x (self, column_width, column + 1);
        graphene_rect_t cell =
            GRAPHENE_RECT_INIT (MIN (a, b), HEADER_HEIGHT + week * row_h, column_width, row_h);

        if (flags & RP_CALENDAR_DAY_WEEKEND)
          gtk_snapshot_append_color (snapshot, &weekend, &cell);
        if (flags & RP_CALENDAR_DAY_FREEZE)
          gtk_snapshot_append_color (snapshot, &freeze, &cell);
        snapshot_day_number (self, snapshot, week, column, &cell, &fg);
      }

  /* The lines between the cells. */
  for (guint week = 0; week <= n_weeks; week++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (0, MIN (HEADER_HEIGHT + week * row_h, height - 1), width,
                                                    1));
  for (guint column = 1; column < 7; column++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (column * column_width, HEADER_HEIGHT, 1,
                                                    height - HEADER_HEIGHT));

  for (guint i = 0; i < self->placed->len; i++)
    gtk_widget_snapshot_child (widget, g_array_index (self->placed, Placed, i).widget, snapshot);
}

static void
rp_month_grid_dispose (GObject *object)
{
  RpMonthGrid *self = RP_MONTH_GRID (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->placed != NULL)
    remove_children (self);
  g_clear_pointer (&self->layout, rp_month_layout_unref);
  G_OBJECT_CLASS (rp_month_grid_parent_class)->dispose (object);
}

static void
rp_month_grid_finalize (GObject *object)
{
  RpMonthGrid *self = RP_MONTH_GRID (object);

  g_array_unref (self->placed);
  G_OBJECT_CLASS (rp_month_grid_parent_class)->finalize (object);
}

static void
rp_month_grid_class_init (RpMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_month_grid_dispose;
  object_class->finalize = rp_month_grid_finalize;
  widget_class->measure = rp_month_grid_measure;
  widget_class->size_allocate = rp_month_grid_size_allocate;
  widget_class->snapshot = rp_month_grid_snapshot;

  signals[EVENT_ACTIVATED] =
      g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 2, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "rpmonthgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rp_month_grid_init (RpMonthGrid *self)
{
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->max_lanes = 3;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
rp_month_grid_new (void)
{
  return g_object_new (RP_TYPE_MONTH_GRID, NULL);
}

/* Shows @layout (NULL: nothing). */
void
rp_month_grid_set_layout (RpMonthGrid *self, RpMonthLayout *layout)
{
  g_return_if_fail (RP_IS_MONTH_GRID (self));

  if (self->layout == layout)
    return;
  g_clear_pointer (&self->layout, rp_month_layout_unref);
  if (layout != NULL)
    self->layout = rp_month_layout_ref (layout);
  rebuild (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rp_month_grid_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout shown
 */
RpMonthLayout *
rp_month_grid_get_layout (RpMonthGrid *self)
{
  g_return_val_if_fail (RP_IS_MONTH_GRID (self), NULL);

  return self->layout;
}

/* How many lines of events the cells have room for. */
guint
rp_month_grid_get_max_lanes (RpMonthGrid *self)
{
  g_return_val_if_fail (RP_IS_MONTH_GRID (self), 0);

  return self->max_lanes;
}
