/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-gantt-chart.h"
#include "rp-plan-view-private.h"
#include "rp-timeline-view.h"
#include "rp-view-util.h"

#define ERROR_SECONDS 8

struct _RpTimelineView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *toolbar;
  GtkLabel *title;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkWidget *overlay;
  GtkWidget *scroller;
  GtkDropDown *filter_dropdown;
  RpGanttChart *chart;
  GtkWidget *empty_label;

  /* owned */
  RpViewSource source;
  GDateTime *date; /* the day at the left edge, local midnight */
  GDateWeekday first_weekday;
  gboolean show_all;
  gboolean today_pending; /* Today was asked for before the chart had a width */
  guint error_timeout_id;
  guint title_idle_id;
  guint today_idle_id;
};

enum
{
  PROP_0,
  PROP_FILTER,
  PROP_ZOOM,
  PROP_FIRST_WEEKDAY,
  PROP_TODAY,
  N_PROPS,
  /* RpPlanView's */
  PROP_STORE = N_PROPS,
  PROP_DATE,
};

static GParamSpec *properties[N_PROPS];

static void rp_timeline_view_plan_view_init (RpPlanViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpTimelineView, rp_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RP_TYPE_PLAN_VIEW, rp_timeline_view_plan_view_init))

static void
update_title (RpTimelineView *self)
{
  guint32 first = rp_gantt_chart_get_left_day (self->chart);
  double width = gtk_widget_get_width (GTK_WIDGET (self->chart));
  guint32 last =
      first +
      (guint32) MAX (0,
                     width / rp_timeline_zoom_get_pixels_per_day (rp_gantt_chart_get_zoom (self->chart)) - 1);
  g_autoptr (GDateTime) from = rp_view_date_time_for_julian (first);
  g_autoptr (GDateTime) to = rp_view_date_time_for_julian (last);
  /* Translators: the first and last month the timeline shows, see
   * g_date_time_format(); e.g. "Nov 2026" */
  g_autofree char *a = g_date_time_format (from, C_("timeline title", "%b %Y"));
  g_autofree char *b = g_date_time_format (to, C_("timeline title", "%b %Y"));
  /* Translators: the months the timeline shows: "Nov 2026 – Jan 2027" */
  g_autofree char *title = g_str_equal (a, b) ? g_strdup (a) : g_strdup_printf (_("%s – %s"), a, b);

  gtk_label_set_text (self->title, title);
}

static gboolean
on_title_idle_cb (gpointer data)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (data);

  self->title_idle_id = 0;
  update_title (self);
  return G_SOURCE_REMOVE;
}

/* The left edge moved: the date changed when its day did. The chart
 * scrolls while GTK allocates it, when the toolbar's title cannot change
 * its size any more: that waits for an idle. */
static void
on_scrolled_cb (GtkAdjustment *adjustment, RpTimelineView *self)
{
  guint32 left = rp_gantt_chart_get_left_day (self->chart);

  if (self->title_idle_id == 0)
    self->title_idle_id = g_idle_add (on_title_idle_cb, self);
  if (self->date != NULL && rp_view_julian_for_date_time (self->date) == left)
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = rp_view_date_time_for_julian (left);
  g_object_notify (G_OBJECT (self), "date");
}

static void
relayout (RpTimelineView *self)
{
  g_autoptr (RpTimelineLayout) layout = rp_timeline_layout_new (self->source.schedule, !self->show_all,
                                                                rp_view_source_get_today (&self->source));

  rp_gantt_chart_set_today (self->chart, rp_view_source_get_today (&self->source));
  rp_gantt_chart_set_layout (self->chart, layout);
  gtk_widget_set_visible (self->empty_label, rp_timeline_layout_get_n_rows (layout) == 0);
  update_title (self);
}

static void
on_source_changed_cb (gpointer data)
{
  relayout (RP_TIMELINE_VIEW (data));
}

static gboolean
on_error_timeout_cb (gpointer data)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (data);

  self->error_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

/* Says what went wrong, under the toolbar, for a few seconds. */
static void
show_error (RpTimelineView *self, const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  g_clear_handle_id (&self->error_timeout_id, g_source_remove);
  self->error_timeout_id = g_timeout_add_seconds (ERROR_SECONDS, on_error_timeout_cb, self);
}

/* ---- RpPlanView ---- */

static GDateTime *
rp_timeline_view_get_date (RpPlanView *view)
{
  return RP_TIMELINE_VIEW (view)->date;
}

static RpTimelineUnit
step (RpTimelineView *self)
{
  return rp_timeline_zoom_get_step (rp_gantt_chart_get_zoom (self->chart));
}

static void
show_day (RpTimelineView *self, guint32 julian)
{
  rp_gantt_chart_scroll_to_day (self->chart, julian);
  on_scrolled_cb (NULL, self);
}

/* Shows @date at the left edge, from the start of its week, month or
 * quarter (as the zoom steps). */
static void
rp_timeline_view_set_date (RpPlanView *view, GDateTime *date)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (view);

  self->today_pending = FALSE;
  show_day (self,
            rp_timeline_unit_start (step (self), rp_view_julian_for_date_time (date), self->first_weekday));
}

static void
rp_timeline_view_previous (RpPlanView *view)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (view);

  self->today_pending = FALSE;
  show_day (self, rp_timeline_unit_previous (step (self), rp_gantt_chart_get_left_day (self->chart),
                                             self->first_weekday));
}

static void
rp_timeline_view_next (RpPlanView *view)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (view);

  self->today_pending = FALSE;
  show_day (self, rp_timeline_unit_next (step (self), rp_gantt_chart_get_left_day (self->chart),
                                         self->first_weekday));
}

/* Today, with the step before it in sight too; in a narrow view, a
 * quarter of it before today. Before the chart has a width (a view not
 * shown yet), again once it has one: see on_page_changed_cb(). */
static void
rp_timeline_view_today (RpPlanView *view)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (view);
  guint32 today = rp_view_source_get_today (&self->source);
  guint32 left = rp_timeline_unit_previous (step (self), today, self->first_weekday);
  double width = gtk_widget_get_width (GTK_WIDGET (self->chart));
  double days = width / rp_timeline_zoom_get_pixels_per_day (rp_gantt_chart_get_zoom (self->chart));

  self->today_pending = width <= 0;
  if (width > 0 && today - left > days * 0.6)
    left = today - (guint32) (days / 4);
  show_day (self, left);
}

static gboolean
on_today_idle_cb (gpointer data)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (data);

  self->today_idle_id = 0;
  if (self->today_pending)
    rp_timeline_view_today (RP_PLAN_VIEW (self));
  return G_SOURCE_REMOVE;
}

/* The chart got a width, or another one: the title says the months now
 * in sight, and a Today asked for before the first width is done again,
 * with it (after this allocation). */
static void
on_page_changed_cb (GtkAdjustment *adjustment, RpTimelineView *self)
{
  if (self->title_idle_id == 0)
    self->title_idle_id = g_idle_add (on_title_idle_cb, self);
  if (self->today_pending && gtk_adjustment_get_page_size (adjustment) > 0 && self->today_idle_id == 0)
    self->today_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_today_idle_cb, self, NULL);
}

static void
rp_timeline_view_plan_view_init (RpPlanViewInterface *iface)
{
  iface->get_date = rp_timeline_view_get_date;
  iface->set_date = rp_timeline_view_set_date;
  iface->previous = rp_timeline_view_previous;
  iface->next = rp_timeline_view_next;
  iface->today = rp_timeline_view_today;
}

/* ---- actions ---- */

static void
update_zoom_actions (RpTimelineView *self)
{
  RpTimelineZoom zoom = rp_gantt_chart_get_zoom (self->chart);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-in", zoom > RP_TIMELINE_ZOOM_WEEK);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-out", zoom + 1 < RP_TIMELINE_N_ZOOMS);
}

static void
set_zoom (RpTimelineView *self, RpTimelineZoom zoom)
{
  if (zoom >= RP_TIMELINE_N_ZOOMS || zoom == rp_gantt_chart_get_zoom (self->chart))
    return;
  rp_gantt_chart_set_zoom (self->chart, zoom);
  update_zoom_actions (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
view_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (widget);
  RpTimelineZoom zoom = rp_gantt_chart_get_zoom (self->chart);

  if (g_str_equal (action_name, "view.previous"))
    rp_plan_view_previous (RP_PLAN_VIEW (self));
  else if (g_str_equal (action_name, "view.next"))
    rp_plan_view_next (RP_PLAN_VIEW (self));
  else if (g_str_equal (action_name, "view.today"))
    rp_plan_view_today (RP_PLAN_VIEW (self));
  else if (g_str_equal (action_name, "view.zoom-in") && zoom > RP_TIMELINE_ZOOM_WEEK)
    set_zoom (self, zoom - 1);
  else if (g_str_equal (action_name, "view.zoom-out"))
    set_zoom (self, zoom + 1);
}

static void
release_open_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rp_plan_view_emit_release_activated (RP_PLAN_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
release_shift_dates_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (widget);
  g_autoptr (GError) error = NULL;
  const char *id;
  gboolean whole;
  int days;

  g_variant_get (parameter, "(&sbi)", &id, &whole, &days);
  if (self->source.store == NULL)
    return;
  rp_gantt_chart_select (self->chart, id, FALSE);
  if (!rp_release_shift_dates (self->source.store, id,
                               whole ? RP_RELEASE_SHIFT_SCHEDULE : RP_RELEASE_SHIFT_DEPLOY, days, &error))
    show_error (self, error);
}

static void
release_commit_dates_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;

  if (self->source.store != NULL &&
      !rp_release_commit_dates (self->source.store, g_variant_get_string (parameter, NULL), now, &error))
    show_error (self, error);
}

/* ---- layout: the title beside the toolbar, or above it ---- */

static GtkSizeRequestMode
get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Whether the whole title fits beside the toolbar in @width; the
 * toolbar's natural width in @toolbar_width. */
static gboolean
title_fits_beside (RpTimelineView *self, int width, int *toolbar_width)
{
  int title_width;

  gtk_widget_measure (GTK_WIDGET (self->title), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &title_width, NULL,
                      NULL);
  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, toolbar_width, NULL, NULL);
  return width < 0 || title_width + *toolbar_width <= width;
}

static void
measure_view (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
              int *minimum_baseline, int *natural_baseline)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (widget);
  GtkWidget *below[] = { GTK_WIDGET (self->error_revealer), self->overlay };
  int title_min, title_nat, bar_min, bar_nat, toolbar_width;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (GTK_WIDGET (self->title), orientation, -1, &title_min, &title_nat, NULL, NULL);
      gtk_widget_measure (self->toolbar, orientation, -1, &bar_min, &bar_nat, NULL, NULL);
      *minimum = MAX (title_min, bar_min);
      *natural = title_nat + bar_nat;
    }
  else
    {
      gboolean beside = title_fits_beside (self, for_size, &toolbar_width);

      gtk_widget_measure (GTK_WIDGET (self->title), orientation,
                          for_size < 0 ? -1
                          : beside     ? for_size - toolbar_width
                                       : for_size,
                          &title_min, &title_nat, NULL, NULL);
      gtk_widget_measure (self->toolbar, orientation, -1, &bar_min, &bar_nat, NULL, NULL);
      *minimum = beside ? MAX (title_min, bar_min) : title_min + bar_min;
      *natural = beside ? MAX (title_nat, bar_nat) : title_nat + bar_nat;
    }
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (below[i], orientation, for_size, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          *minimum += child_min;
          *natural += child_nat;
        }
    }
}

/* The toolbar at the right at its natural width, the title beside it
 * when all of it fits there, else on a line of its own above; the error
 * and the chart below, the chart taking what is left. */
static void
allocate_view (GtkWidget *widget, int width, int height, int baseline)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (widget);
  int toolbar_width, title_height, bar_height, error_height, y = 0;
  gboolean beside = title_fits_beside (self, width, &toolbar_width);
  int bar_width = MIN (toolbar_width, width);

  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, bar_width, NULL, &bar_height, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->title), GTK_ORIENTATION_VERTICAL, beside ? width - bar_width : width,
                      NULL, &title_height, NULL, NULL);
  if (beside)
    {
      int row = MAX (title_height, bar_height);

      gtk_widget_size_allocate (GTK_WIDGET (self->title), &(GtkAllocation){ 0, 0, width - bar_width, row },
                                -1);
      gtk_widget_size_allocate (self->toolbar, &(GtkAllocation){ width - bar_width, 0, bar_width, row }, -1);
      y = row;
    }
  else
    {
      gtk_widget_size_allocate (GTK_WIDGET (self->title), &(GtkAllocation){ 0, 0, width, title_height }, -1);
      gtk_widget_size_allocate (self->toolbar,
                                &(GtkAllocation){ width - bar_width, title_height, bar_width, bar_height },
                                -1);
      y = title_height + bar_height;
    }
  gtk_widget_measure (GTK_WIDGET (self->error_revealer), GTK_ORIENTATION_VERTICAL, width, NULL, &error_height,
                      NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (self->error_revealer), &(GtkAllocation){ 0, y, width, error_height },
                            -1);
  y += error_height;
  gtk_widget_size_allocate (self->overlay, &(GtkAllocation){ 0, y, width, MAX (0, height - y) }, -1);
}

/* ---- properties ---- */

static void
set_show_all (RpTimelineView *self, gboolean show_all)
{
  if (self->show_all == show_all)
    return;
  self->show_all = show_all;
  gtk_drop_down_set_selected (self->filter_dropdown, show_all ? 1 : 0);
  if (self->source.schedule != NULL)
    relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
on_filter_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, RpTimelineView *self)
{
  set_show_all (self, gtk_drop_down_get_selected (dropdown) == 1);
}

static void
set_first_weekday (RpTimelineView *self, GDateWeekday weekday)
{
  if (self->first_weekday == weekday)
    return;
  self->first_weekday = weekday;
  rp_gantt_chart_set_first_weekday (self->chart, weekday);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_WEEKDAY]);
}

static void
set_today (RpTimelineView *self, GDateTime *today)
{
  if (!rp_view_source_set_today (&self->source, today))
    return;
  if (self->source.schedule != NULL)
    relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

static void
rp_timeline_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->source.store);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_FILTER:
      g_value_set_string (value, self->show_all ? "all" : "active");
      break;
    case PROP_ZOOM:
      g_value_set_int (value, rp_gantt_chart_get_zoom (self->chart));
      break;
    case PROP_FIRST_WEEKDAY:
      g_value_set_int (value, self->first_weekday);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, self->source.today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timeline_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (rp_view_source_set_store (&self->source, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        rp_timeline_view_set_date (RP_PLAN_VIEW (self), g_value_get_boxed (value));
      break;
    case PROP_FILTER:
      set_show_all (self, g_strcmp0 (g_value_get_string (value), "all") == 0);
      break;
    case PROP_ZOOM:
      set_zoom (self, g_value_get_int (value));
      break;
    case PROP_FIRST_WEEKDAY:
      set_first_weekday (self, g_value_get_int (value));
      break;
    case PROP_TODAY:
      set_today (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timeline_view_dispose (GObject *object)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (object);
  GtkWidget *child;

  rp_view_source_clear (&self->source);
  g_clear_handle_id (&self->error_timeout_id, g_source_remove);
  g_clear_handle_id (&self->title_idle_id, g_source_remove);
  g_clear_handle_id (&self->today_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_TIMELINE_VIEW);
  /* And the children the template did not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rp_timeline_view_parent_class)->dispose (object);
}

static void
rp_timeline_view_finalize (GObject *object)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  G_OBJECT_CLASS (rp_timeline_view_parent_class)->finalize (object);
}

static void
add_key (GtkWidgetClass *widget_class, guint key, GdkModifierType mods, const char *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL);
}

static void
rp_timeline_view_class_init (RpTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A group of controls named by the window's switcher; not a nameless widget. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  object_class->dispose = rp_timeline_view_dispose;
  object_class->finalize = rp_timeline_view_finalize;
  object_class->get_property = rp_timeline_view_get_property;
  object_class->set_property = rp_timeline_view_set_property;

  properties[PROP_FILTER] =
      g_param_spec_string ("filter", NULL, NULL, "active",
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
      g_param_spec_int ("zoom", NULL, NULL, RP_TIMELINE_ZOOM_WEEK, RP_TIMELINE_ZOOM_QUARTER,
                        RP_TIMELINE_ZOOM_MONTH,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIRST_WEEKDAY] =
      g_param_spec_int ("first-weekday", NULL, NULL, G_DATE_MONDAY, G_DATE_SUNDAY, G_DATE_MONDAY,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TODAY] =
      g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE_TIME,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_STORE, "store");
  g_object_class_override_property (object_class, PROP_DATE, "date");

  g_type_ensure (RP_TYPE_GANTT_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/rp-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, title);
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, error_label);
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, overlay);
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, filter_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, RpTimelineView, empty_label);

  gtk_widget_class_install_action (widget_class, "view.previous", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.next", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.today", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, view_action_cb);
  gtk_widget_class_install_property_action (widget_class, "view.filter", "filter");
  gtk_widget_class_install_action (widget_class, "release.open", "s", release_open_cb);
  gtk_widget_class_install_action (widget_class, "release.shift-dates", "(sbi)", release_shift_dates_cb);
  gtk_widget_class_install_action (widget_class, "release.commit-dates", "s", release_commit_dates_cb);

  add_key (widget_class, GDK_KEY_Page_Up, 0, "view.previous");
  add_key (widget_class, GDK_KEY_Page_Down, 0, "view.next");
  add_key (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "view.previous");
  add_key (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "view.next");
  add_key (widget_class, GDK_KEY_Home, 0, "view.today");
  add_key (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "view.today");
  add_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "view.zoom-in");
  add_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "view.zoom-in");
  add_key (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "view.zoom-in");
  add_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "view.zoom-out");
  add_key (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "view.zoom-out");

  gtk_widget_class_set_css_name (widget_class, "rptimelineview");
}

static void
rp_timeline_view_init (RpTimelineView *self)
{
  GtkAdjustment *hadjustment;

  self->source.changed = on_source_changed_cb;
  self->source.data = self;
  self->first_weekday = rp_view_locale_first_weekday ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (get_request_mode, measure_view, allocate_view));
  rp_view_ensure_css (GTK_WIDGET (self));
  rp_gantt_chart_set_first_weekday (self->chart, self->first_weekday);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->chart));
  g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (on_scrolled_cb), self, 0);
  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (on_page_changed_cb), self, 0);
  update_zoom_actions (self);
  rp_view_source_reload (&self->source);
  rp_timeline_view_today (RP_PLAN_VIEW (self));
}

/**
 * rp_timeline_view_new:
 * @store: (nullable): the store to show
 *
 * Returns: (transfer floating): a timeline around today
 */
GtkWidget *
rp_timeline_view_new (RpStore *store)
{
  return g_object_new (RP_TYPE_TIMELINE_VIEW, "store", store, NULL);
}
