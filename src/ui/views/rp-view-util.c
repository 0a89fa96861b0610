/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
/* nl_langinfo (_NL_TIME_FIRST_WEEKDAY) is a GNU extension. */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#ifdef HAVE_NL_TIME_FIRST_WEEKDAY
#include <langinfo.h>
#endif

#include "rp-view-util.h"

#define CSS_RESOURCE RESOURCE_PREFIX "/views/rp-views.css"

/**
 * rp_view_first_weekday_for_langinfo:
 * @week_1stday: the day glibc's week list starts on (_NL_TIME_WEEK_1STDAY),
 *   as the number YYYYMMDD: 19971130 (a Sunday) or 19971201 (a Monday)
 * @first_weekday: the first weekday, a 1-based offset into that list
 *   (_NL_TIME_FIRST_WEEKDAY)
 *
 * Returns: the weekday weeks start on, as GNOME Calendar and GtkCalendar
 *   read the two; Monday when they make no sense
 */
GDateWeekday
rp_view_first_weekday_for_langinfo (guint week_1stday, int first_weekday)
{
  int week_origin; /* 0: Sunday */
  int week_start;

  if (week_1stday == 19971130)
    week_origin = 0;
  else if (week_1stday == 19971201)
    week_origin = 1;
  else
    return G_DATE_MONDAY;
  if (first_weekday < 1 || first_weekday > 7)
    return G_DATE_MONDAY;
  week_start = (week_origin + first_weekday - 1) % 7;
  return week_start == 0 ? G_DATE_SUNDAY : (GDateWeekday) week_start;
}

/**
 * rp_view_locale_first_weekday:
 *
 * Returns: the weekday weeks start on in the locale of LC_TIME (Monday
 * where the C library does not say)
 */
GDateWeekday
rp_view_locale_first_weekday (void)
{
#ifdef HAVE_NL_TIME_FIRST_WEEKDAY
  union
  {
    unsigned int word;
    char *string;
  } langinfo;
  int first_weekday;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  return rp_view_first_weekday_for_langinfo (langinfo.word, first_weekday);
#else
  return G_DATE_MONDAY;
#endif
}

guint32
rp_view_julian_for_date_time (GDateTime *date)
{
  GDate day;

  g_return_val_if_fail (date != NULL, 1);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                  g_date_time_get_year (date));
  return g_date_get_julian (&day);
}

/* Today's Julian day, local time. */
guint32
rp_view_julian_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return rp_view_julian_for_date_time (now);
}

/**
 * rp_view_date_time_for_julian:
 *
 * Returns: (transfer full): midnight (local time) of the day @julian
 */
GDateTime *
rp_view_date_time_for_julian (guint32 julian)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  return g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 0, 0,
                                0);
}

/**
 * rp_view_format_day:
 *
 * Returns: (transfer full): "Thursday 10 December" for a day, as the
 * views name it to people and screen readers
 */
char *
rp_view_format_day (guint32 julian)
{
  g_autoptr (GDateTime) date = rp_view_date_time_for_julian (julian);

  /* Translators: a day in the calendar and the timeline, see
   * g_date_time_format(); e.g. "Thursday 10 December" */
  return g_date_time_format (date, C_("calendar day", "%A %-d %B"));
}

/**
 * rp_view_format_days:
 *
 * Returns: (transfer full): "Monday 23 November to Friday 4 December",
 * or one day when @first is @last
 */
char *
rp_view_format_days (guint32 first, guint32 last)
{
  g_autofree char *from = rp_view_format_day (first);
  g_autofree char *to = NULL;

  if (first == last)
    return g_steal_pointer (&from);
  to = rp_view_format_day (last);
  /* Translators: a run of days, e.g. "Monday 23 November to Friday 4 December" */
  return g_strdup_printf (_("%s to %s"), from, to);
}

/* Gives @widget the style class of a release colour (rp-release-color-N),
 * and only that one. */
void
rp_view_set_color_class (GtkWidget *widget, guint color_index)
{
  char name[32];

  for (guint i = 0; i < RP_RELEASE_N_COLORS; i++)
    {
      g_snprintf (name, sizeof name, "rp-release-color-%u", i);
      if (i == color_index % RP_RELEASE_N_COLORS)
        gtk_widget_add_css_class (widget, name);
      else
        gtk_widget_remove_css_class (widget, name);
    }
}

static GtkCssProvider *
load_css (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, CSS_RESOURCE);
  return provider;
}

/* Adds the views' style sheet to @widget's display, once. */
void
rp_view_ensure_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (display == NULL || g_object_get_data (G_OBJECT (display), CSS_RESOURCE) != NULL)
    return;
  g_object_set_data_full (G_OBJECT (display), CSS_RESOURCE, load_css (), g_object_unref);
  gtk_style_context_add_provider_for_display (display, g_object_get_data (G_OBJECT (display), CSS_RESOURCE),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* A colour of the style: @name a named colour of the theme or of the
 * views' sheet (@view_fg_color, @error_color, …), or NULL for @widget's
 * own CSS color. Falls back on @widget's color. */
void
rp_view_get_style_color (GtkWidget *widget, const char *name, GdkRGBA *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

GdkRGBA
rp_view_faded (const GdkRGBA *color, float alpha)
{
  GdkRGBA copy = *color;

  copy.alpha *= alpha;
  return copy;
}

/**
 * rp_view_text_new:
 *
 * Returns: (transfer full): a layout of @text for @widget
 */
PangoLayout *
rp_view_text_new (GtkWidget *widget, const char *text, double scale, gboolean bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

void
rp_view_append_text (GtkSnapshot *snapshot, PangoLayout *layout, double x, double y, const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Reads the schedule of the store (none: an empty one) and says so. */
void
rp_view_source_reload (RpViewSource *source)
{
  g_clear_handle_id (&source->idle_id, g_source_remove);
  g_clear_pointer (&source->schedule, rp_schedule_unref);
  if (source->store != NULL)
    source->schedule = rp_schedule_new_from_store (source->store);
  else
    {
      g_autoptr (GPtrArray) none = g_ptr_array_new ();

      source->schedule = rp_schedule_new (none, NULL, NULL, NULL);
    }
  source->changed (source->data);
}

static gboolean
on_reload_idle_cb (gpointer data)
{
  RpViewSource *source = data;

  source->idle_id = 0;
  rp_view_source_reload (source);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpViewSource *source)
{
  if (source->idle_id == 0)
    source->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_reload_idle_cb, source, NULL);
}

/* Follows @store (NULL: none) instead of the one before; TRUE when that
 * changed anything. Reads it at once. */
gboolean
rp_view_source_set_store (RpViewSource *source, RpStore *store)
{
  if (source->store == store)
    return FALSE;
  if (source->store != NULL)
    g_clear_signal_handler (&source->changed_id, source->store);
  g_set_object (&source->store, store);
  if (store != NULL)
    source->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), source);
  rp_view_source_reload (source);
  return TRUE;
}

/* TRUE when @today (NULL: the clock's) is another day than before. */
gboolean
rp_view_source_set_today (RpViewSource *source, GDateTime *today)
{
  if (source->today == today ||
      (source->today != NULL && today != NULL && g_date_time_equal (source->today, today)))
    return FALSE;
  g_clear_pointer (&source->today, g_date_time_unref);
  if (today != NULL)
    source->today = g_date_time_ref (today);
  return TRUE;
}

/* Today's Julian day, as the view has it. */
guint32
rp_view_source_get_today (RpViewSource *source)
{
  return source->today != NULL ? rp_view_julian_for_date_time (source->today) : rp_view_julian_today ();
}

void
rp_view_source_clear (RpViewSource *source)
{
  g_clear_handle_id (&source->idle_id, g_source_remove);
  if (source->store != NULL)
    g_clear_signal_handler (&source->changed_id, source->store);
  g_clear_object (&source->store);
  g_clear_pointer (&source->schedule, rp_schedule_unref);
  g_clear_pointer (&source->today, g_date_time_unref);
}
