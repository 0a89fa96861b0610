/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "rp-entity.h"
#include "rp-format-ics-private.h"
#include "rp-format-text.h"
#include "rp-records.h"
#include "rp-release.h"

/* The export: one VCALENDAR of all-day VEVENTs (RFC 5545 3.6.1: DTSTART
 * with VALUE=DATE, DTEND the day after the last one, since DTEND is not
 * part of the event), TRANSP:TRANSPARENT as a milestone keeps nobody busy.
 *
 * UIDs are made from the ids of the rows, so that a calendar importing
 * the file again updates its events instead of adding them twice:
 * "<release id>.<milestone>@releaseplanner.invalid" and
 * "<freeze window id>.freeze@releaseplanner.invalid". The domain part is
 * RFC 5545's advice for globally unique ids; .invalid (RFC 2606) as there
 * is no host of ours to name. */

#define UID_DOMAIN "releaseplanner.invalid"

static const char *const milestone_uid[] = {
  [RP_MILESTONE_CODE_COMPLETE] = "code-complete",
  [RP_MILESTONE_TESTING] = "testing",
  [RP_MILESTONE_BUFFER] = "buffer",
  [RP_MILESTONE_DEPLOY] = "deploy",
  [RP_MILESTONE_MONITORING] = "monitoring-end",
};

static const char *const milestone_summary[] = {
  [RP_MILESTONE_CODE_COMPLETE] = "code complete",     [RP_MILESTONE_TESTING] = "testing",
  [RP_MILESTONE_BUFFER] = "buffer before the deploy", [RP_MILESTONE_DEPLOY] = "deploy",
  [RP_MILESTONE_MONITORING] = "end of monitoring",
};

/* RFC 5545 3.3.11: no control characters in TEXT but HTAB; line breaks
 * are one "\n", which libical writes as "\\n". */
char *
_rp_ics_clean_text (const char *text)
{
  GString *clean;

  if (text == NULL)
    return NULL;
  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\r' || c == '\n')
        g_string_append_c (clean, '\n');
      else if ((c < 0x20 && c != '\t') || c == 0x7f)
        g_string_append_c (clean, ' ');
      else
        g_string_append_c (clean, c);
    }
  {
    char *valid = g_utf8_make_valid (clean->str, clean->len);

    g_string_free (clean, TRUE);
    return valid;
  }
}

char *
_rp_ics_one_line (const char *text)
{
  g_autofree char *clean = _rp_ics_clean_text (text);
  g_auto (GStrv) lines = NULL;

  if (rp_str_is_blank (clean))
    return NULL;
  lines = g_strsplit_set (clean, "\n\t", -1);
  return g_strstrip (g_strjoinv (" ", lines));
}

static struct icaltimetype
ical_date (guint32 julian)
{
  struct icaltimetype t = icaltime_null_date ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  t.year = g_date_get_year (&date);
  t.month = g_date_get_month (&date);
  t.day = g_date_get_day (&date);
  return t;
}

static void
add_text (icalcomponent *event, icalproperty *(*new_property) (const char *), const char *text)
{
  g_autofree char *clean = _rp_ics_clean_text (text);

  if (clean != NULL && *clean != '\0')
    icalcomponent_add_property (event, new_property (clean));
}

static void
add_event (icalcomponent *calendar, struct icaltimetype stamp, const char *uid, guint32 first, guint32 last,
           const char *summary, const char *description)
{
  icalcomponent *event = icalcomponent_new_vevent ();

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (first)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (last + 1)));
  add_text (event, icalproperty_new_summary, summary);
  add_text (event, icalproperty_new_description, description);
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_component (calendar, event);
}

static char *
deploy_description (RpRelease *release)
{
  GString *text = g_string_new (NULL);
  const char *version = rp_release_get_version (release);

  if (!rp_str_is_blank (version))
    g_string_append_printf (text, "Version %s\n", version);
  if (rp_release_get_window_start (release) != NULL && rp_release_get_window_end (release) != NULL)
    {
      const char *zone = rp_release_get_window_timezone (release);

      g_string_append_printf (text, "Deploy window: %s–%s%s%s\n", rp_release_get_window_start (release),
                              rp_release_get_window_end (release), rp_str_is_blank (zone) ? "" : " ",
                              rp_str_is_blank (zone) ? "" : zone);
    }
  if (!rp_str_is_blank (rp_release_get_summary (release)))
    g_string_append (text, rp_release_get_summary (release));
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, text->len == 0);
}

/* Adds the milestones of @release; returns the days they span (NULL when
 * there is none). */
static RpDateRange *
add_release (icalcomponent *calendar, struct icaltimetype stamp, RpRelease *release)
{
  g_autoptr (RpDateRange) span = NULL;

  for (RpMilestone m = RP_MILESTONE_CODE_COMPLETE; m <= RP_MILESTONE_MONITORING; m++)
    {
      g_autoptr (RpDateRange) range = rp_release_get_milestone (release, m);
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *description = NULL;
      guint32 first, last;

      if (range == NULL)
        continue;
      first = rp_date_range_get_first_julian (range);
      last = rp_date_range_get_last_julian (range);
      if (span == NULL)
        span = rp_date_range_ref (range);
      else
        {
          RpDateRange *wider = rp_date_range_span (span, range);

          rp_date_range_unref (span);
          span = wider;
        }
      /* the end of monitoring is its last day */
      if (m == RP_MILESTONE_MONITORING)
        first = last;
      if (m == RP_MILESTONE_DEPLOY)
        description = deploy_description (release);
      else if (m == RP_MILESTONE_MONITORING)
        description = g_strdup_printf ("%d hours of monitoring after the deploy",
                                       rp_release_get_monitoring_hours (release));
      uid = g_strdup_printf ("%s.%s@" UID_DOMAIN, rp_record_get_id (RP_RECORD (release)), milestone_uid[m]);
      summary = g_strdup_printf ("%s: %s", rp_release_get_name (release), milestone_summary[m]);
      add_event (calendar, stamp, uid, first, last, summary, description);
    }
  return g_steal_pointer (&span);
}

static void
add_freeze (icalcomponent *calendar, struct icaltimetype stamp, RpFreezeWindow *freeze)
{
  g_autoptr (RpDateRange) range =
      rp_date_range_parse (rp_freeze_window_get_start_date (freeze), rp_freeze_window_get_end_date (freeze));
  g_autofree char *uid = g_strdup_printf ("%s.freeze@" UID_DOMAIN, rp_record_get_id (RP_RECORD (freeze)));
  g_autofree char *summary = g_strdup_printf ("Freeze: %s", rp_freeze_window_get_name (freeze));

  if (range == NULL)
    return;
  add_event (calendar, stamp, uid, rp_date_range_get_first_julian (range),
             rp_date_range_get_last_julian (range), summary, rp_freeze_window_get_reason (freeze));
}

/**
 * rp_format_ics_export:
 * @release_id: (nullable): one release, or NULL for all
 * @now: the time the file is made, for DTSTAMP
 *
 * A VCALENDAR (PRODID "-//Release Planner//EN", X-WR-CALNAME the
 * release's name or "Release Planner") with, per release and in this
 * order, an all-day VEVENT for code complete, the testing window, the
 * buffer days, the deploy (with the deploy window in the description)
 * and the last day of monitoring, for the milestones that have dates;
 * then one per freeze window: every freeze window for the whole plan,
 * those that overlap the release's milestones for one release. libical
 * writes the lines: CRLF, folded at 75 octets, TEXT escaped.
 *
 * Returns: (transfer full) (nullable): the iCalendar text, or NULL with
 * RP_STORE_ERROR_NOT_FOUND
 */
char *
rp_format_ics_export (RpStore *store, const char *release_id, GDateTime *now, GError **error)
{
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GPtrArray) freezes = NULL;
  g_autoptr (RpDateRange) span = NULL;
  g_autoptr (GDateTime) utc = NULL;
  struct icaltimetype stamp;
  icalcomponent *calendar;
  icalproperty *name;
  GString *out;
  char *text;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if ((releases = rp_format_list_releases (store, release_id, error)) == NULL)
    return NULL;

  utc = g_date_time_to_utc (now);
  stamp = icaltime_null_time ();
  stamp.year = g_date_time_get_year (utc);
  stamp.month = g_date_time_get_month (utc);
  stamp.day = g_date_time_get_day_of_month (utc);
  stamp.hour = g_date_time_get_hour (utc);
  stamp.minute = g_date_time_get_minute (utc);
  stamp.second = g_date_time_get_second (utc);
  stamp.zone = icaltimezone_get_utc_timezone ();

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Release Planner//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  {
    g_autofree char *calname =
        _rp_ics_one_line (release_id != NULL ? rp_release_get_name (releases->pdata[0]) : "Release Planner");
    /* libical writes an X- value as it is: one line, no escapes */
    name = icalproperty_new_x (calname);
    icalproperty_set_x_name (name, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, name);
  }

  for (guint i = 0; i < releases->len; i++)
    {
      g_autoptr (RpDateRange) days = add_release (calendar, stamp, releases->pdata[i]);

      if (release_id != NULL)
        span = g_steal_pointer (&days);
    }
  freezes = rp_store_list (store, RP_ENTITY_FREEZE_WINDOW, NULL);
  for (guint i = 0; i < freezes->len; i++)
    {
      g_autoptr (RpDateRange) range = NULL;

      if (release_id != NULL)
        {
          range = rp_date_range_parse (rp_freeze_window_get_start_date (freezes->pdata[i]),
                                       rp_freeze_window_get_end_date (freezes->pdata[i]));
          if (span == NULL || range == NULL || !rp_date_range_overlaps (span, range))
            continue;
        }
      add_freeze (calendar, stamp, freezes->pdata[i]);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  out = g_string_new (text);
  icalmemory_free_buffer (text);
  /* libical 3.0 folds the line with its CRLF, and when what is left of
   * a line is 75 octets with the CRLF it folds between the CR and the LF:
   * "…\r" "\r\n " "\n". Escaped values hold no CR, so this is only that. */
  g_string_replace (out, "\r\r\n \n", "\r\n", 0);
  return g_string_free (out, FALSE);
}
