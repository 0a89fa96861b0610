/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-core.h"
#include "rp-date-row.h"
#include "rp-ui-util.h"

struct _RpDateRow
{
  AdwActionRow parent_instance;

  /* owned */
  char *date;
  char *message;
  char *warning;

  /* borrowed: children */
  GtkImage *alert_icon;
  GtkButton *clear_button;
  GtkMenuButton *pick_button;
  GtkCalendar *calendar;

  /* the month the calendar shows, to tell browsing from picking */
  int shown_year;
  int shown_month;

  gboolean clearable;
};

G_DEFINE_FINAL_TYPE (RpDateRow, rp_date_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
replace_str (char **slot, const char *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
update_display (RpDateRow *self)
{
  g_autofree char *words = rp_ui_format_date (self->date);
  g_autofree char *subtitle = NULL;
  const char *problem = self->message != NULL ? self->message : self->warning;

  if (problem != NULL)
    /* Translators: a date, then what is wrong with it */
    subtitle = g_strdup_printf (_("%s — %s"), words != NULL ? words : _("Not set"), problem);
  else
    subtitle = g_strdup (words != NULL ? words : _("Not set"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->alert_icon), problem != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->alert_icon), problem);
  if (self->message != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->alert_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->alert_icon), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->alert_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->alert_icon), "warning");
    }
  if (self->warning != NULL && self->message == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->clearable && self->date != NULL);
}

static gboolean
set_date_internal (RpDateRow *self, const char *date)
{
  if (!replace_str (&self->date, date))
    return FALSE;
  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  return TRUE;
}

static void
on_popover_shown_cb (GtkPopover *popover, RpDateRow *self)
{
  g_autoptr (GDate) date = rp_date_parse (self->date);
  g_autoptr (GDateTime) dt = NULL;

  if (date != NULL)
    dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0,
                                0);
  else
    dt = g_date_time_new_now_local ();

  self->shown_year = g_date_time_get_year (dt);
  self->shown_month = g_date_time_get_month (dt);
  g_signal_handlers_block_by_func (self->calendar, NULL, self);
  gtk_calendar_select_day (self->calendar, dt);
  g_signal_handlers_unblock_by_func (self->calendar, NULL, self);
}

static void
on_month_changed_cb (GtkCalendar *calendar, RpDateRow *self)
{
  g_autoptr (GDateTime) dt = gtk_calendar_get_date (calendar);

  self->shown_year = g_date_time_get_year (dt);
  self->shown_month = g_date_time_get_month (dt);
}

static void
on_day_selected_cb (GtkCalendar *calendar, RpDateRow *self)
{
  g_autoptr (GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *iso = NULL;

  /* Going to another month selects a day too: that is browsing, not a
   * choice. */
  if (g_date_time_get_year (dt) != self->shown_year || g_date_time_get_month (dt) != self->shown_month)
    {
      on_month_changed_cb (calendar, self);
      return;
    }

  iso = g_date_time_format (dt, "%Y-%m-%d");
  gtk_menu_button_popdown (self->pick_button);
  rp_date_row_pick_date (self, iso);
}

static void
on_clear_clicked_cb (GtkButton *button, RpDateRow *self)
{
  rp_date_row_pick_date (self, NULL);
}

static void
on_row_activated_cb (AdwActionRow *row, RpDateRow *self)
{
  gtk_menu_button_popup (self->pick_button);
}

static void
update_accessible_labels (RpDateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *pick = NULL;
  g_autofree char *clear = NULL;

  /* Not "the %s date": a title may end in "Date" already ("Post-Mortem
   * Date"), and a screen reader would say it twice. */
  /* Translators: %s is the name of a date, e.g. "Deploy" */
  pick = g_strdup_printf (_("Choose a date for %s"), title != NULL ? title : "");
  /* Translators: %s is the name of a date, e.g. "Deploy" */
  clear = g_strdup_printf (_("Clear the date of %s"), title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pick_button), GTK_ACCESSIBLE_PROPERTY_LABEL, pick,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button), GTK_ACCESSIBLE_PROPERTY_LABEL, clear,
                                  -1);
}

static void
on_title_changed_cb (RpDateRow *self, GParamSpec *pspec, gpointer user_data)
{
  update_accessible_labels (self);
}

static void
rp_date_row_finalize (GObject *object)
{
  RpDateRow *self = RP_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (rp_date_row_parent_class)->finalize (object);
}

static void
rp_date_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpDateRow *self = RP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_date_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpDateRow *self = RP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      rp_date_row_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_date_row_class_init (RpDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_date_row_finalize;
  object_class->get_property = rp_date_row_get_property;
  object_class->set_property = rp_date_row_set_property;

  properties[PROP_DATE] =
      g_param_spec_string ("date", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_date_row_init (RpDateRow *self)
{
  GtkWidget *popover;
  GtkWidget *calendar;

  self->clearable = TRUE;

  self->alert_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (self->alert_icon), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->alert_icon), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->alert_icon));

  self->clear_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-clear-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (self->clear_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->clear_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clear_button), _("Clear Date"));
  gtk_widget_set_name (GTK_WIDGET (self->clear_button), "clear-date");
  g_signal_connect (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->clear_button));

  calendar = gtk_calendar_new ();
  self->calendar = GTK_CALENDAR (calendar);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self);
  g_signal_connect (calendar, "next-month", G_CALLBACK (on_month_changed_cb), self);
  g_signal_connect (calendar, "prev-month", G_CALLBACK (on_month_changed_cb), self);
  g_signal_connect (calendar, "next-year", G_CALLBACK (on_month_changed_cb), self);
  g_signal_connect (calendar, "prev-year", G_CALLBACK (on_month_changed_cb), self);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect (popover, "show", G_CALLBACK (on_popover_shown_cb), self);

  self->pick_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->pick_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->pick_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->pick_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->pick_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pick_button), _("Choose Date"));
  gtk_widget_set_name (GTK_WIDGET (self->pick_button), "pick-date");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->pick_button));

  /* The subtitle holds messages that may quote what someone typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  g_signal_connect (self, "activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);

  update_display (self);
  update_accessible_labels (self);
}

GtkWidget *
rp_date_row_new (const char *title)
{
  return g_object_new (RP_TYPE_DATE_ROW, "title", title, NULL);
}

/**
 * rp_date_row_get_date:
 *
 * Returns: (nullable): the date, YYYY-MM-DD
 */
const char *
rp_date_row_get_date (RpDateRow *self)
{
  g_return_val_if_fail (RP_IS_DATE_ROW (self), NULL);
  return self->date;
}

/**
 * rp_date_row_set_date:
 * @date: (nullable): YYYY-MM-DD, or %NULL for no date
 *
 * Shows @date; notifies "date" only when it differs from the shown one.
 */
void
rp_date_row_set_date (RpDateRow *self, const char *date)
{
  g_return_if_fail (RP_IS_DATE_ROW (self));
  g_return_if_fail (date == NULL || rp_date_is_valid (date));

  set_date_internal (self, date);
}

/**
 * rp_date_row_pick_date:
 * @date: (nullable): YYYY-MM-DD, or %NULL to clear
 *
 * What the calendar and the clear button do.
 */
void
rp_date_row_pick_date (RpDateRow *self, const char *date)
{
  g_return_if_fail (RP_IS_DATE_ROW (self));
  g_return_if_fail (date == NULL || rp_date_is_valid (date));

  set_date_internal (self, date);
}

void
rp_date_row_set_message (RpDateRow *self, const char *message)
{
  g_return_if_fail (RP_IS_DATE_ROW (self));

  if (replace_str (&self->message, message))
    update_display (self);
}

void
rp_date_row_set_warning (RpDateRow *self, const char *warning)
{
  g_return_if_fail (RP_IS_DATE_ROW (self));

  if (replace_str (&self->warning, warning))
    update_display (self);
}

/**
 * rp_date_row_get_warning:
 *
 * Returns: (nullable): the warning shown, if any
 */
const char *
rp_date_row_get_warning (RpDateRow *self)
{
  g_return_val_if_fail (RP_IS_DATE_ROW (self), NULL);
  return self->warning;
}

void
rp_date_row_set_clearable (RpDateRow *self, gboolean clearable)
{
  g_return_if_fail (RP_IS_DATE_ROW (self));

  self->clearable = !!clearable;
  update_display (self);
}
