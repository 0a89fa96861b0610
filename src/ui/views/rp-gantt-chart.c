/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-gantt-private.h"
#include "rp-view-util.h"

#define HEADER_LINE 19 /* each of the header's three lines: units, smaller units, freezes */
#define SPAN_MARGIN 31 /* days of room before the first and after the last date */

struct _RpGanttChart
{
  GtkWidget parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  RpTimelineLayout *layout;
  RpTimelineZoom zoom;
  GDateWeekday first_weekday;
  guint32 today;
  guint32 origin;   /* the day at x = 0 */
  guint32 end;      /* the day after the last one */
  guint32 left_day; /* the day at the left edge, kept over zooms and reloads */
  GPtrArray *rows;  /* per row of the layout: its RpGanttRow, or NULL when out of sight */
  char *selected;   /* the release of the selected row */
  guint update_id;
  gboolean in_allocate;
};

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

G_DEFINE_FINAL_TYPE_WITH_CODE (RpGanttChart, rp_gantt_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static double
ppd (RpGanttChart *self)
{
  return rp_timeline_zoom_get_pixels_per_day (self->zoom);
}

static double
scroll_x (RpGanttChart *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (RpGanttChart *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static guint
n_rows (RpGanttChart *self)
{
  return self->layout != NULL ? rp_timeline_layout_get_n_rows (self->layout) : 0;
}

/* Where day @julian starts on screen. */
static double
screen_x (RpGanttChart *self, guint32 julian)
{
  return rp_timeline_x_for_day (self->origin, ppd (self), julian) - scroll_x (self);
}

static double
row_top (RpGanttChart *self, guint index)
{
  return RP_GANTT_HEADER_HEIGHT + (double) index * RP_GANTT_ROW_HEIGHT - scroll_y (self);
}

void
_rp_gantt_chart_get_geometry (RpGanttChart *self, guint32 *origin, double *pixels_per_day, double *scroll)
{
  if (origin != NULL)
    *origin = self->origin;
  if (pixels_per_day != NULL)
    *pixels_per_day = ppd (self);
  if (scroll != NULL)
    *scroll = scroll_x (self);
}

RpSchedule *
_rp_gantt_chart_get_schedule (RpGanttChart *self)
{
  return self->layout != NULL ? rp_timeline_layout_get_schedule (self->layout) : NULL;
}

/* ---- the rows in sight ---- */

static void
visible_rows (RpGanttChart *self, int *first, int *last)
{
  double page = self->vadjustment != NULL ? gtk_adjustment_get_page_size (self->vadjustment) : 0;

  if (page <= 0)
    page = MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - RP_GANTT_HEADER_HEIGHT);
  *first = MAX (0, (int) (scroll_y (self) / RP_GANTT_ROW_HEIGHT));
  *last = MIN ((int) n_rows (self) - 1, (int) ((scroll_y (self) + page) / RP_GANTT_ROW_HEIGHT));
}

static int
selected_index (RpGanttChart *self)
{
  return self->layout != NULL && self->selected != NULL
             ? rp_timeline_layout_find_row (self->layout, self->selected)
             : -1;
}

static void
drop_row (RpGanttChart *self, guint index)
{
  GtkWidget *row = g_steal_pointer (&self->rows->pdata[index]);

  if (row != NULL)
    gtk_widget_unparent (row);
}

static GtkWidget *
ensure_row (RpGanttChart *self, guint index)
{
  GtkWidget *row = self->rows->pdata[index];
  GtkWidget *next = NULL;

  if (row != NULL)
    return row;
  for (guint i = index + 1; i < self->rows->len && next == NULL; i++)
    next = self->rows->pdata[i];
  row = _rp_gantt_row_new ();
  gtk_widget_insert_before (row, GTK_WIDGET (self), next);
  _rp_gantt_row_bind (RP_GANTT_ROW (row), index, rp_timeline_layout_get_row (self->layout, index));
  if (g_strcmp0 (self->selected, rp_timeline_layout_get_row (self->layout, index)->id) == 0)
    gtk_widget_add_css_class (row, "selected");
  self->rows->pdata[index] = row;
  return row;
}

/* Builds the rows that came into sight, drops those that left it (but
 * the selected one, which may hold the focus). */
static void
update_rows (RpGanttChart *self)
{
  int first, last, selected = selected_index (self);

  g_clear_handle_id (&self->update_id, g_source_remove);
  visible_rows (self, &first, &last);
  for (guint i = 0; i < self->rows->len; i++)
    if (self->rows->pdata[i] != NULL && ((int) i < first || (int) i > last) && (int) i != selected)
      drop_row (self, i);
  for (int i = first; i <= last; i++)
    ensure_row (self, i);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
on_update_cb (gpointer data)
{
  RpGanttChart *self = RP_GANTT_CHART (data);

  self->update_id = 0;
  update_rows (self);
  return G_SOURCE_REMOVE;
}

/* Rows cannot come and go while GTK allocates: then, after it. */
static void
queue_update_rows (RpGanttChart *self)
{
  if (!self->in_allocate)
    update_rows (self);
  else if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_update_cb, self, NULL);
}

static gboolean
rows_cover_sight (RpGanttChart *self)
{
  int first, last;

  visible_rows (self, &first, &last);
  for (int i = first; i <= last; i++)
    if (self->rows->pdata[i] == NULL)
      return FALSE;
  return TRUE;
}

static void
redraw_rows (RpGanttChart *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (self->rows->pdata[i] != NULL)
      gtk_widget_queue_draw (self->rows->pdata[i]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_hadjustment_changed_cb (GtkAdjustment *adjustment, RpGanttChart *self)
{
  self->left_day = rp_timeline_day_at_x (self->origin, ppd (self), gtk_adjustment_get_value (adjustment));
  redraw_rows (self);
}

static void
on_vadjustment_changed_cb (GtkAdjustment *adjustment, RpGanttChart *self)
{
  queue_update_rows (self);
  if (!self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (RpGanttChart *self, GtkAdjustment **slot, GtkAdjustment *adjustment, GCallback callback)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, callback, self);
  g_set_object (slot, adjustment);
  g_signal_connect (adjustment, "value-changed", callback, self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* ---- the span ---- */

static void
update_span (RpGanttChart *self)
{
  RpTimelineUnit major;
  guint32 first = self->today, last = self->today;

  rp_timeline_zoom_get_units (self->zoom, &major, NULL);
  if (self->layout != NULL)
    rp_timeline_layout_get_span (self->layout, &first, &last);
  self->origin =
      rp_timeline_unit_start (major, first > SPAN_MARGIN ? first - SPAN_MARGIN : 1, self->first_weekday);
  self->end = rp_timeline_unit_next (major, last + SPAN_MARGIN, self->first_weekday);
}

/* ---- sizes ---- */

static void
rp_gantt_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                        int *natural, int *minimum_baseline, int *natural_baseline)
{
  RpGanttChart *self = RP_GANTT_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = MAX (*minimum, (int) ((self->end - self->origin) * ppd (self)));
    }
  else
    {
      *minimum = RP_GANTT_HEADER_HEIGHT + RP_GANTT_ROW_HEIGHT;
      *natural = RP_GANTT_HEADER_HEIGHT + MAX (1, n_rows (self)) * RP_GANTT_ROW_HEIGHT;
    }
}

static void
rp_gantt_chart_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RpGanttChart *self = RP_GANTT_CHART (widget);
  double content_width, content_height, page_height, left;

  self->in_allocate = TRUE;
  content_width = MAX ((self->end - self->origin) * ppd (self), width);
  left = CLAMP (rp_timeline_x_for_day (self->origin, ppd (self), self->left_day), 0, content_width - width);
  gtk_adjustment_configure (self->hadjustment, left, 0, content_width, ppd (self) * 7, width * 0.9, width);

  page_height = MAX (0, height - RP_GANTT_HEADER_HEIGHT);
  content_height = n_rows (self) * (double) RP_GANTT_ROW_HEIGHT;
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                   MAX (0, content_height - page_height)),
                            0, MAX (content_height, page_height), RP_GANTT_ROW_HEIGHT, page_height * 0.9,
                            page_height);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      if (row != NULL)
        gtk_widget_size_allocate (row,
                                  &(GtkAllocation){ 0, (int) row_top (self, i), width, RP_GANTT_ROW_HEIGHT },
                                  -1);
    }
  self->in_allocate = FALSE;
  /* Rows scrolled into sight by a resize: built after this frame. */
  if (self->update_id == 0 && !rows_cover_sight (self))
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_update_cb, self, NULL);
}

/* ---- drawing ---- */

static char *
unit_label (RpTimelineUnit unit, guint32 day, gboolean major)
{
  g_autoptr (GDateTime) date = rp_view_date_time_for_julian (day);

  switch (unit)
    {
    case RP_TIMELINE_UNIT_DAY:
      return g_date_time_format (date, "%-d");
    case RP_TIMELINE_UNIT_WEEK:
      /* Translators: the first day of a week in the timeline's header, see g_date_time_format() */
      return g_date_time_format (date, C_("timeline week", "%-d %b"));
    case RP_TIMELINE_UNIT_MONTH:
      /* Translators: months in the timeline's header, see g_date_time_format() */
      return g_date_time_format (date, major ? C_("timeline month", "%OB %Y") : C_("timeline month", "%b"));
    case RP_TIMELINE_UNIT_QUARTER:
      /* Translators: a quarter of a year in the timeline's header, "Q1 2027" */
      return g_strdup_printf (_("Q%d %d"), (g_date_time_get_month (date) - 1) / 3 + 1,
                              g_date_time_get_year (date));
    case RP_TIMELINE_UNIT_YEAR:
    default:
      return g_date_time_format (date, "%Y");
    }
}

/* The labels of @unit between @first and @last on the header line at @y;
 * @sticky: a unit begun before the left edge keeps its label in sight. */
static void
snapshot_tick_labels (RpGanttChart *self, GtkSnapshot *snapshot, RpTimelineUnit unit, guint32 first,
                      guint32 last, double y, gboolean sticky, const GdkRGBA *color)
{
  guint32 day = rp_timeline_unit_start (unit, first, self->first_weekday);
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  for (; day <= last; day = rp_timeline_unit_next (unit, day, self->first_weekday))
    {
      guint32 next = rp_timeline_unit_next (unit, day, self->first_weekday);
      double x0 = screen_x (self, day), x1 = screen_x (self, next);
      g_autofree char *words = unit_label (unit, day, sticky);
      g_autoptr (PangoLayout) text = rp_view_text_new (GTK_WIDGET (self), words, 0.82, sticky);
      int w, h;
      double x;

      pango_layout_get_pixel_size (text, &w, &h);
      if (unit == RP_TIMELINE_UNIT_DAY)
        x = x0 + (x1 - x0 - w) / 2; /* centred in its day */
      else
        x = (sticky ? MAX (x0, 0) : x0) + 5;
      if (sticky)
        x = MIN (x, x1 - w - 5); /* pushed on by the next unit */
      if (x + w < 0 || x > width || x1 - x0 < w + 4)
        continue;
      rp_view_append_text (snapshot, text, x, y + (HEADER_LINE - h) / 2.0, color);
    }
}

static void
snapshot_columns (RpGanttChart *self, GtkSnapshot *snapshot, guint32 first, guint32 last, double height,
                  const GdkRGBA *fg)
{
  RpTimelineUnit major, minor;
  g_autoptr (GArray) minor_ticks = NULL;
  g_autoptr (GArray) major_ticks = NULL;
  GdkRGBA weekend = rp_view_faded (fg, 0.035f), minor_line = rp_view_faded (fg, 0.06f),
          major_line = rp_view_faded (fg, 0.14f);

  rp_timeline_zoom_get_units (self->zoom, &major, &minor);
  if (ppd (self) >= 8)
    for (guint32 day = first; day <= last; day++)
      {
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_julian (&date, day);
        if (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
          gtk_snapshot_append_color (snapshot, &weekend,
                                     &GRAPHENE_RECT_INIT (screen_x (self, day), RP_GANTT_HEADER_HEIGHT,
                                                          ppd (self), height));
      }
  minor_ticks = rp_timeline_get_ticks (minor, self->first_weekday, first, last);
  for (guint i = 0; i < minor_ticks->len; i++)
    gtk_snapshot_append_color (snapshot, &minor_line,
                               &GRAPHENE_RECT_INIT (screen_x (self, g_array_index (minor_ticks, guint32, i)),
                                                    2 * HEADER_LINE, 1, height));
  major_ticks = rp_timeline_get_ticks (major, self->first_weekday, first, last);
  for (guint i = 0; i < major_ticks->len; i++)
    gtk_snapshot_append_color (snapshot, &major_line,
                               &GRAPHENE_RECT_INIT (screen_x (self, g_array_index (major_ticks, guint32, i)),
                                                    0, 1, height));
}

/* Freeze windows: hatched columns, their names on the header's last line. */
static void
snapshot_freezes (RpGanttChart *self, GtkSnapshot *snapshot, guint32 first, guint32 last, double height,
                  const GdkRGBA *fg)
{
  RpSchedule *schedule = _rp_gantt_chart_get_schedule (self);
  GdkRGBA freeze;

  if (schedule == NULL)
    return;
  rp_view_get_style_color (GTK_WIDGET (self), "rp_freeze_color", &freeze);
  for (guint i = 0; i < rp_schedule_get_n_freezes (schedule); i++)
    {
      RpDateRange *days = rp_schedule_get_freeze_days (schedule, i);
      const GskColorStop stops[] = {
        { 0, rp_view_faded (&freeze, 0.35f) },
        { 0.5f, rp_view_faded (&freeze, 0.35f) },
        { 0.5f, rp_view_faded (&freeze, 0.1f) },
        { 1, rp_view_faded (&freeze, 0.1f) },
      };
      g_autoptr (PangoLayout) name = NULL;
      double x0, x1;
      int w, h;

      if (days == NULL || rp_date_range_get_last_julian (days) < first ||
          rp_date_range_get_first_julian (days) > last)
        continue;
      x0 = MAX (screen_x (self, rp_date_range_get_first_julian (days)), -1);
      x1 = MIN (screen_x (self, rp_date_range_get_last_julian (days) + 1),
                gtk_widget_get_width (GTK_WIDGET (self)) + 1);
      gtk_snapshot_append_repeating_linear_gradient (
          snapshot, &GRAPHENE_RECT_INIT (x0, 2 * HEADER_LINE, x1 - x0, height - 2 * HEADER_LINE),
          &GRAPHENE_POINT_INIT (0, 0), &GRAPHENE_POINT_INIT (8, 8), stops, G_N_ELEMENTS (stops));
      name = rp_view_text_new (GTK_WIDGET (self),
                               rp_freeze_window_get_name (rp_schedule_get_freeze (schedule, i)), 0.82, TRUE);
      pango_layout_set_width (name, MAX (0, (int) (x1 - x0 - 8)) * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (name, &w, &h);
      rp_view_append_text (snapshot, name, x0 + 4, 2 * HEADER_LINE + (HEADER_LINE - h) / 2.0, fg);
    }
}

static void
snapshot_header (RpGanttChart *self, GtkSnapshot *snapshot, guint32 first, guint32 last, double width,
                 const GdkRGBA *fg, const GdkRGBA *background)
{
  RpTimelineUnit major, minor;
  GdkRGBA dim = rp_view_faded (fg, 0.65f), line = rp_view_faded (fg, 0.15f);

  rp_timeline_zoom_get_units (self->zoom, &major, &minor);
  gtk_snapshot_append_color (snapshot, background, &GRAPHENE_RECT_INIT (0, 0, width, 2 * HEADER_LINE));
  snapshot_tick_labels (self, snapshot, major, first, last, 0, TRUE, fg);
  snapshot_tick_labels (self, snapshot, minor, first, last, HEADER_LINE, FALSE, &dim);
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, RP_GANTT_HEADER_HEIGHT - 1, width, 1));
}

static void
snapshot_today (RpGanttChart *self, GtkSnapshot *snapshot, double height)
{
  double x = screen_x (self, self->today) + ppd (self) / 2;
  g_autoptr (PangoLayout) text = rp_view_text_new (GTK_WIDGET (self), _("Today"), 0.82, TRUE);
  GdkRGBA accent, accent_fg;
  GskRoundedRect pill;
  int w, h;

  rp_view_get_style_color (GTK_WIDGET (self), "accent_bg_color", &accent);
  rp_view_get_style_color (GTK_WIDGET (self), "accent_fg_color", &accent_fg);
  gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x - 1, 2 * HEADER_LINE, 2, height));
  pango_layout_get_pixel_size (text, &w, &h);
  gsk_rounded_rect_init_from_rect (&pill,
                                   &GRAPHENE_RECT_INIT (x - w / 2.0 - 6, 2 * HEADER_LINE + 1, w + 12, h + 2),
                                   (h + 2) / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &accent, &pill.bounds);
  gtk_snapshot_pop (snapshot);
  rp_view_append_text (snapshot, text, x - w / 2.0, 2 * HEADER_LINE + 2, &accent_fg);
}

/* The arrows of dependencies that cross the rows in sight, from the
 * deploy of the release waited for to the deploy of the one waiting; red
 * where the order is wrong. */
static void
snapshot_arrows (RpGanttChart *self, GtkSnapshot *snapshot, double width, double height, const GdkRGBA *fg)
{
  int first, last;
  cairo_t *cr = NULL;
  GdkRGBA normal = rp_view_faded (fg, 0.55f), wrong;
  double half = ppd (self) / 2;

  if (self->layout == NULL)
    return;
  rp_view_get_style_color (GTK_WIDGET (self), "error_color", &wrong);
  visible_rows (self, &first, &last);
  for (guint i = 0; i < rp_timeline_layout_get_n_arrows (self->layout); i++)
    {
      const RpTimelineArrow *arrow = rp_timeline_layout_get_arrow (self->layout, i);
      const RpTimelineRow *from = rp_timeline_layout_get_row (self->layout, arrow->from_row);
      const RpTimelineRow *to = rp_timeline_layout_get_row (self->layout, arrow->to_row);
      double x1 = screen_x (self, from->deploy) + half + 8;
      double x2 = screen_x (self, to->deploy) + half - 8;
      double y1 = row_top (self, arrow->from_row) + 29, y2 = row_top (self, arrow->to_row) + 29;
      double bend = x1 + 6;
      const GdkRGBA *color = arrow->wrong_order ? &wrong : &normal;

      if ((int) MAX (arrow->from_row, arrow->to_row) < first ||
          (int) MIN (arrow->from_row, arrow->to_row) > last || MAX (x1, x2) < -20 ||
          MIN (x1, x2) > width + 20)
        continue;
      if (cr == NULL)
        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, RP_GANTT_HEADER_HEIGHT, width,
                                                                       height - RP_GANTT_HEADER_HEIGHT));
      /* A wrong order is a collision: it stands out. */
      cairo_set_line_width (cr, arrow->wrong_order ? 2.5 : 1.5);
      gdk_cairo_set_source_rgba (cr, color);
      cairo_move_to (cr, x1, y1);
      if (x2 >= bend + 4)
        {
          cairo_line_to (cr, bend, y1);
          cairo_line_to (cr, bend, y2);
        }
      else
        {
          /* Back to the left between the rows: the order is wrong. */
          double between = y2 + (y2 > y1 ? -RP_GANTT_ROW_HEIGHT / 2.0 : RP_GANTT_ROW_HEIGHT / 2.0);

          cairo_line_to (cr, bend, y1);
          cairo_line_to (cr, bend, between);
          cairo_line_to (cr, x2 - 8, between);
          cairo_line_to (cr, x2 - 8, y2);
        }
      cairo_line_to (cr, x2, y2);
      cairo_stroke (cr);
      cairo_move_to (cr, x2 + 1, y2);
      cairo_line_to (cr, x2 - 5, y2 - 4);
      cairo_line_to (cr, x2 - 5, y2 + 4);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  g_clear_pointer (&cr, cairo_destroy);
}

static void
rp_gantt_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RpGanttChart *self = RP_GANTT_CHART (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint32 first = rp_timeline_day_at_x (self->origin, ppd (self), scroll_x (self));
  guint32 last = rp_timeline_day_at_x (self->origin, ppd (self), scroll_x (self) + width);
  GdkRGBA fg, background;

  rp_view_get_style_color (widget, "view_fg_color", &fg);
  rp_view_get_style_color (widget, "view_bg_color", &background);

  snapshot_columns (self, snapshot, first, last, height, &fg);
  snapshot_freezes (self, snapshot, first, last, height, &fg);
  if (self->today >= first && self->today <= last)
    snapshot_today (self, snapshot, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, RP_GANTT_HEADER_HEIGHT, width,
                                                         MAX (0, height - RP_GANTT_HEADER_HEIGHT)));
  for (GtkWidget *row = gtk_widget_get_first_child (widget); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_snapshot_child (widget, row, snapshot);
  snapshot_arrows (self, snapshot, width, height, &fg);
  gtk_snapshot_pop (snapshot);

  snapshot_header (self, snapshot, first, last, width, &fg, &background);
}

/* ---- focus: Up and Down go from row to row, Tab in and out ---- */

/* The row of @release_id is the selected one (and looks it). */
static void
mark_selected (RpGanttChart *self, const char *release_id)
{
  if (g_strcmp0 (self->selected, release_id) != 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (release_id);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      if (row == NULL)
        continue;
      if (g_strcmp0 (_rp_gantt_row_get_row (RP_GANTT_ROW (row))->id, release_id) == 0)
        gtk_widget_add_css_class (row, "selected");
      else
        gtk_widget_remove_css_class (row, "selected");
    }
}

static gboolean
focus_row (RpGanttChart *self, int index)
{
  GtkWidget *row;
  double top = (double) index * RP_GANTT_ROW_HEIGHT;
  double page = gtk_adjustment_get_page_size (self->vadjustment);

  if (index < 0 || index >= (int) n_rows (self))
    return FALSE;
  if (top < scroll_y (self))
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (top + RP_GANTT_ROW_HEIGHT > scroll_y (self) + page)
    gtk_adjustment_set_value (self->vadjustment, top + RP_GANTT_ROW_HEIGHT - page);
  mark_selected (self, rp_timeline_layout_get_row (self->layout, index)->id);
  update_rows (self);
  row = ensure_row (self, index);
  return gtk_widget_grab_focus (row);
}

static gboolean
rp_gantt_chart_focus (GtkWidget *widget, GtkDirectionType direction)
{
  RpGanttChart *self = RP_GANTT_CHART (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int first, last, current;

  if (n_rows (self) == 0)
    return FALSE;
  if (focus_child == NULL)
    {
      int selected = selected_index (self);

      visible_rows (self, &first, &last);
      return focus_row (self, selected >= 0 ? selected : first);
    }
  current = _rp_gantt_row_get_index (RP_GANTT_ROW (focus_child));
  switch (direction)
    {
    case GTK_DIR_UP:
      return current > 0 ? focus_row (self, current - 1) : TRUE;
    case GTK_DIR_DOWN:
      return current + 1 < (int) n_rows (self) ? focus_row (self, current + 1) : TRUE;
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
      gtk_adjustment_set_value (self->hadjustment,
                                scroll_x (self) + (direction == GTK_DIR_LEFT ? -1 : 1) * ppd (self) * 7);
      return TRUE;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      return FALSE;
    }
}

void
_rp_gantt_chart_row_focused (RpGanttChart *self, RpGanttRow *row)
{
  const RpTimelineRow *data = _rp_gantt_row_get_row (row);

  if (data != NULL)
    mark_selected (self, data->id);
}

/* ---- the object ---- */

static void
rp_gantt_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpGanttChart *self = RP_GANTT_CHART (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_gantt_chart_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpGanttChart *self = RP_GANTT_CHART (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value),
                      G_CALLBACK (on_hadjustment_changed_cb));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value),
                      G_CALLBACK (on_vadjustment_changed_cb));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_gantt_chart_dispose (GObject *object)
{
  RpGanttChart *self = RP_GANTT_CHART (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    drop_row (self, i);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_hadjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_vadjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->layout, rp_timeline_layout_unref);
  G_OBJECT_CLASS (rp_gantt_chart_parent_class)->dispose (object);
}

static void
rp_gantt_chart_finalize (GObject *object)
{
  RpGanttChart *self = RP_GANTT_CHART (object);

  g_ptr_array_unref (self->rows);
  g_free (self->selected);
  G_OBJECT_CLASS (rp_gantt_chart_parent_class)->finalize (object);
}

static void
rp_gantt_chart_class_init (RpGanttChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_gantt_chart_dispose;
  object_class->finalize = rp_gantt_chart_finalize;
  object_class->get_property = rp_gantt_chart_get_property;
  object_class->set_property = rp_gantt_chart_set_property;
  widget_class->measure = rp_gantt_chart_measure;
  widget_class->size_allocate = rp_gantt_chart_size_allocate;
  widget_class->snapshot = rp_gantt_chart_snapshot;
  widget_class->focus = rp_gantt_chart_focus;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "rpganttchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
rp_gantt_chart_init (RpGanttChart *self)
{
  self->rows = g_ptr_array_new ();
  self->zoom = RP_TIMELINE_ZOOM_MONTH;
  self->first_weekday = G_DATE_MONDAY;
  self->today = rp_view_julian_today ();
  self->left_day = self->today;
  set_adjustment (self, &self->hadjustment, NULL, G_CALLBACK (on_hadjustment_changed_cb));
  set_adjustment (self, &self->vadjustment, NULL, G_CALLBACK (on_vadjustment_changed_cb));
  update_span (self);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
rp_gantt_chart_new (void)
{
  return g_object_new (RP_TYPE_GANTT_CHART, NULL);
}

/* Shows @layout (NULL: nothing); rows of releases still there keep their
 * widgets (and the focus). */
void
rp_gantt_chart_set_layout (RpGanttChart *self, RpTimelineLayout *layout)
{
  g_autoptr (GPtrArray) old = NULL;
  g_autoptr (RpTimelineLayout) keep = NULL;
  guint n;
  int selected;
  gboolean had_focus;

  g_return_if_fail (RP_IS_GANTT_CHART (self));

  if (self->layout == layout)
    return;
  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;
  keep = self->layout; /* its rows stay valid until the widgets are rebound */
  self->layout = layout != NULL ? rp_timeline_layout_ref (layout) : NULL;
  old = g_steal_pointer (&self->rows);
  n = n_rows (self);
  self->rows = g_ptr_array_new ();
  g_ptr_array_set_size (self->rows, n);
  for (guint i = 0; i < old->len; i++)
    {
      RpGanttRow *row = old->pdata[i];
      int index;

      if (row == NULL)
        continue;
      index = layout != NULL ? rp_timeline_layout_find_row (layout, _rp_gantt_row_get_row (row)->id) : -1;
      if (index < 0 || self->rows->pdata[index] != NULL)
        {
          gtk_widget_unparent (GTK_WIDGET (row));
          continue;
        }
      _rp_gantt_row_bind (row, index, rp_timeline_layout_get_row (layout, index));
      self->rows->pdata[index] = row;
    }
  /* Keep the children in row order, for screen readers. */
  for (guint i = n; i-- > 0;)
    if (self->rows->pdata[i] != NULL)
      gtk_widget_insert_after (self->rows->pdata[i], GTK_WIDGET (self), NULL);

  update_span (self);
  selected = selected_index (self);
  if (had_focus && selected >= 0)
    focus_row (self, selected);
  else
    update_rows (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  redraw_rows (self);
}

/**
 * rp_gantt_chart_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout shown
 */
RpTimelineLayout *
rp_gantt_chart_get_layout (RpGanttChart *self)
{
  g_return_val_if_fail (RP_IS_GANTT_CHART (self), NULL);

  return self->layout;
}

/* Zooms, keeping the day in the middle of the view where it is. */
void
rp_gantt_chart_set_zoom (RpGanttChart *self, RpTimelineZoom zoom)
{
  double width;
  guint32 middle;

  g_return_if_fail (RP_IS_GANTT_CHART (self));
  g_return_if_fail (zoom < RP_TIMELINE_N_ZOOMS);

  if (self->zoom == zoom)
    return;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  middle = rp_timeline_day_at_x (self->origin, ppd (self), scroll_x (self) + width / 2);
  self->zoom = zoom;
  update_span (self);
  self->left_day =
      rp_timeline_day_at_x (self->origin, ppd (self),
                            MAX (0, rp_timeline_x_for_day (self->origin, ppd (self), middle) - width / 2));
  gtk_widget_queue_resize (GTK_WIDGET (self));
  redraw_rows (self);
}

RpTimelineZoom
rp_gantt_chart_get_zoom (RpGanttChart *self)
{
  g_return_val_if_fail (RP_IS_GANTT_CHART (self), RP_TIMELINE_ZOOM_MONTH);

  return self->zoom;
}

void
rp_gantt_chart_set_first_weekday (RpGanttChart *self, GDateWeekday weekday)
{
  g_return_if_fail (RP_IS_GANTT_CHART (self));
  g_return_if_fail (g_date_valid_weekday (weekday));

  self->first_weekday = weekday;
  update_span (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
rp_gantt_chart_set_today (RpGanttChart *self, guint32 today)
{
  g_return_if_fail (RP_IS_GANTT_CHART (self));
  g_return_if_fail (g_date_valid_julian (today));

  self->today = today;
  update_span (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The day at the left edge of the view. */
guint32
rp_gantt_chart_get_left_day (RpGanttChart *self)
{
  g_return_val_if_fail (RP_IS_GANTT_CHART (self), 0);

  return self->left_day;
}

/* Scrolls so that @julian is at the left edge (as near as the span lets). */
void
rp_gantt_chart_scroll_to_day (RpGanttChart *self, guint32 julian)
{
  g_return_if_fail (RP_IS_GANTT_CHART (self));

  self->left_day = julian;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    gtk_adjustment_set_value (self->hadjustment, rp_timeline_x_for_day (self->origin, ppd (self), julian));
  self->left_day = julian;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * rp_gantt_chart_get_selected:
 *
 * Returns: (nullable): the id of the release whose row is selected
 */
const char *
rp_gantt_chart_get_selected (RpGanttChart *self)
{
  g_return_val_if_fail (RP_IS_GANTT_CHART (self), NULL);

  return self->selected;
}

/* Selects the row of @release_id, scrolled into sight; @focus: and
 * gives it the keyboard focus. */
void
rp_gantt_chart_select (RpGanttChart *self, const char *release_id, gboolean focus)
{
  int index;

  g_return_if_fail (RP_IS_GANTT_CHART (self));

  index = self->layout != NULL ? rp_timeline_layout_find_row (self->layout, release_id) : -1;
  if (index < 0)
    return;
  if (focus)
    focus_row (self, index);
  else
    _rp_gantt_chart_row_focused (self, RP_GANTT_ROW (ensure_row (self, index)));
}

/**
 * rp_gantt_chart_get_row_widget:
 *
 * Returns: (transfer none) (nullable): the row of @release_id, when it is
 * a widget (in sight, or selected)
 */
GtkWidget *
rp_gantt_chart_get_row_widget (RpGanttChart *self, const char *release_id)
{
  int index;

  g_return_val_if_fail (RP_IS_GANTT_CHART (self), NULL);

  index = self->layout != NULL ? rp_timeline_layout_find_row (self->layout, release_id) : -1;
  return index >= 0 ? self->rows->pdata[index] : NULL;
}

/* How many rows are widgets now: those in sight, and the selected one. */
guint
rp_gantt_chart_count_row_widgets (RpGanttChart *self)
{
  guint n = 0;

  g_return_val_if_fail (RP_IS_GANTT_CHART (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    n += self->rows->pdata[i] != NULL;
  return n;
}
