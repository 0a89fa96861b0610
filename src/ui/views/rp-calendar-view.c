/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-calendar-view.h"
#include "rp-month-grid.h"
#include "rp-plan-view-private.h"
#include "rp-view-util.h"

struct _RpCalendarView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *toolbar;
  GtkLabel *title;
  RpMonthGrid *grid;

  /* owned */
  RpViewSource source;
  GDateTime *date; /* the first of the month shown, local midnight */
  GDateWeekday first_weekday;
};

enum
{
  PROP_0,
  PROP_FIRST_WEEKDAY,
  PROP_TODAY,
  N_PROPS,
  /* RpPlanView's */
  PROP_STORE = N_PROPS,
  PROP_DATE,
};

static GParamSpec *properties[N_PROPS];

static void rp_calendar_view_plan_view_init (RpPlanViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpCalendarView, rp_calendar_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RP_TYPE_PLAN_VIEW, rp_calendar_view_plan_view_init))

/* Lays out the month shown from the schedule read last. */
static void
relayout (RpCalendarView *self)
{
  g_autoptr (RpMonthLayout) layout = NULL;
  /* Translators: the month a calendar shows, see g_date_time_format(); %OB
   * is the month's name as it stands alone, e.g. "December 2026" */
  g_autofree char *title = g_date_time_format (self->date, C_("calendar title", "%OB %Y"));

  layout = rp_month_layout_new (self->source.schedule, g_date_time_get_year (self->date),
                                g_date_time_get_month (self->date), self->first_weekday,
                                rp_view_source_get_today (&self->source));
  rp_month_grid_set_layout (self->grid, layout);
  gtk_label_set_text (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
on_source_changed_cb (gpointer data)
{
  relayout (RP_CALENDAR_VIEW (data));
}

static GDateTime *
first_of_month (GDateTime *date)
{
  return g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date), 1, 0, 0, 0);
}

static GDateTime *
rp_calendar_view_get_date (RpPlanView *view)
{
  return RP_CALENDAR_VIEW (view)->date;
}

static void
rp_calendar_view_set_date (RpPlanView *view, GDateTime *date)
{
  RpCalendarView *self = RP_CALENDAR_VIEW (view);
  g_autoptr (GDateTime) first = first_of_month (date);

  if (self->date != NULL && g_date_time_equal (self->date, first))
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_steal_pointer (&first);
  if (self->source.schedule != NULL)
    relayout (self);
  g_object_notify (G_OBJECT (self), "date");
}

static void
move_months (RpCalendarView *self, int months)
{
  g_autoptr (GDateTime) date = g_date_time_add_months (self->date, months);

  rp_calendar_view_set_date (RP_PLAN_VIEW (self), date);
}

static void
rp_calendar_view_previous (RpPlanView *view)
{
  move_months (RP_CALENDAR_VIEW (view), -1);
}

static void
rp_calendar_view_next (RpPlanView *view)
{
  move_months (RP_CALENDAR_VIEW (view), +1);
}

static void
rp_calendar_view_today (RpPlanView *view)
{
  g_autoptr (GDateTime) today =
      rp_view_date_time_for_julian (rp_view_source_get_today (&RP_CALENDAR_VIEW (view)->source));

  rp_calendar_view_set_date (view, today);
}

static void
rp_calendar_view_plan_view_init (RpPlanViewInterface *iface)
{
  iface->get_date = rp_calendar_view_get_date;
  iface->set_date = rp_calendar_view_set_date;
  iface->previous = rp_calendar_view_previous;
  iface->next = rp_calendar_view_next;
  iface->today = rp_calendar_view_today;
}

static void
on_event_activated_cb (RpMonthGrid *grid, const char *id, RpCalendarEventKind kind, RpCalendarView *self)
{
  if (kind != RP_CALENDAR_EVENT_FREEZE)
    rp_plan_view_emit_release_activated (RP_PLAN_VIEW (self), id);
}

static void
view_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpPlanView *view = RP_PLAN_VIEW (widget);

  if (g_str_equal (action_name, "view.previous"))
    rp_plan_view_previous (view);
  else if (g_str_equal (action_name, "view.next"))
    rp_plan_view_next (view);
  else
    rp_plan_view_today (view);
}

static void
set_first_weekday (RpCalendarView *self, GDateWeekday weekday)
{
  if (self->first_weekday == weekday)
    return;
  self->first_weekday = weekday;
  if (self->source.schedule != NULL)
    relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_WEEKDAY]);
}

static void
set_today (RpCalendarView *self, GDateTime *today)
{
  if (!rp_view_source_set_today (&self->source, today))
    return;
  if (self->source.schedule != NULL)
    relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

static void
rp_calendar_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpCalendarView *self = RP_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->source.store);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
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
rp_calendar_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpCalendarView *self = RP_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (rp_view_source_set_store (&self->source, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        rp_calendar_view_set_date (RP_PLAN_VIEW (self), g_value_get_boxed (value));
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
rp_calendar_view_dispose (GObject *object)
{
  RpCalendarView *self = RP_CALENDAR_VIEW (object);

  rp_view_source_clear (&self->source);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_CALENDAR_VIEW);
  G_OBJECT_CLASS (rp_calendar_view_parent_class)->dispose (object);
}

static void
rp_calendar_view_finalize (GObject *object)
{
  RpCalendarView *self = RP_CALENDAR_VIEW (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  G_OBJECT_CLASS (rp_calendar_view_parent_class)->finalize (object);
}

static void
rp_calendar_view_class_init (RpCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A group of controls named by the window's switcher; not a nameless widget. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  object_class->dispose = rp_calendar_view_dispose;
  object_class->finalize = rp_calendar_view_finalize;
  object_class->get_property = rp_calendar_view_get_property;
  object_class->set_property = rp_calendar_view_set_property;

  properties[PROP_FIRST_WEEKDAY] =
      g_param_spec_int ("first-weekday", NULL, NULL, G_DATE_MONDAY, G_DATE_SUNDAY, G_DATE_MONDAY,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TODAY] =
      g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE_TIME,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_STORE, "store");
  g_object_class_override_property (object_class, PROP_DATE, "date");

  g_type_ensure (RP_TYPE_MONTH_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/rp-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RpCalendarView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RpCalendarView, title);
  gtk_widget_class_bind_template_child (widget_class, RpCalendarView, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_event_activated_cb);

  gtk_widget_class_install_action (widget_class, "view.previous", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.next", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.today", NULL, view_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "view.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "view.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "view.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "view.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "view.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "view.today", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rpcalendarview");
}

static void
rp_calendar_view_init (RpCalendarView *self)
{
  self->source.changed = on_source_changed_cb;
  self->source.data = self;
  self->first_weekday = rp_view_locale_first_weekday ();
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();

    self->date = first_of_month (now);
  }
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  rp_view_ensure_css (GTK_WIDGET (self));
  rp_view_source_reload (&self->source);
}

/**
 * rp_calendar_view_new:
 * @store: (nullable): the store to show
 *
 * Returns: (transfer floating): a calendar showing this month
 */
GtkWidget *
rp_calendar_view_new (RpStore *store)
{
  return g_object_new (RP_TYPE_CALENDAR_VIEW, "store", store, NULL);
}
