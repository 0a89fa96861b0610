/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "rp-entity.h"
#include "rp-format-ics-private.h"
#include "rp-format-json.h"
#include "rp-records.h"

/* Freeze windows from a calendar file (a company's holidays or change
 * freezes, as any calendar application exports them).
 *
 * Each occurrence of a VEVENT becomes a freeze window of the days it
 * touches: an all-day event its days (DTEND is the day after), a timed
 * one the days from its start to the last moment before its end, read
 * in the time zone it is written in (TZID or floating) and in the local
 * time zone when it is UTC ("Z"). Recurring events are expanded with
 * libical's recurrence iterator (RRULE, RDATE, EXDATE), an occurrence
 * moved or cancelled by a VEVENT with a RECURRENCE-ID replaced by it.
 *
 * Importing the same file twice adds nothing twice: the id of a freeze
 * window is a name-based UUID (RFC 4122 version 5) of the event's UID
 * and the occurrence's start, so the second import finds the first one's
 * rows (and updates them when the calendar changed them); an occurrence
 * with the name and days of a freeze window that is already there (one
 * entered by hand, or from another calendar) is left alone too. */

/* Occurrences of one rule at the most, so that a rule of every second
 * since 1970 ends. */
#define MAX_OCCURRENCES 100000

/* The namespace of the name-based UUIDs of imported freeze windows. */
static const guint8 uuid_namespace[16] = {
  0x1d, 0x80, 0xbc, 0x9e, 0x10, 0xd8, 0x47, 0x2e, 0x84, 0x54, 0x42, 0x87, 0xe5, 0xa1, 0xde, 0xd1,
};

static char *
name_uuid (const char *name)
{
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (sha1, uuid_namespace, sizeof uuid_namespace);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50; /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80; /* RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", digest[0],
                          digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14],
                          digest[15]);
}

static guint32
julian_of (int year, int month, int day)
{
  if (!g_date_valid_dmy (day, month, year))
    return 0;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, day, month, year);
    return g_date_get_julian (&date);
  }
}

/* The day of @t: as written, or in the local time zone for UTC. */
static guint32
day_of (struct icaltimetype t)
{
  if (!t.is_date && icaltime_is_utc (t))
    {
      g_autoptr (GDateTime) utc = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, t.second);
      g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

      if (local == NULL)
        return 0;
      return julian_of (g_date_time_get_year (local), g_date_time_get_month (local),
                        g_date_time_get_day_of_month (local));
    }
  return julian_of (t.year, t.month, t.day);
}

/* The days an occurrence from @start to @end (exclusive) touches. */
static gboolean
days_of (struct icaltimetype start, struct icaltimetype end, guint32 *first, guint32 *last)
{
  *first = day_of (start);
  *last = *first;
  if (*first == 0)
    return FALSE;
  if (icaltime_compare (end, start) > 0)
    {
      struct icaltimetype before_end = end;

      if (end.is_date)
        before_end.day -= 1;
      else
        before_end.second -= 1;
      before_end = icaltime_normalize (before_end);
      *last = MAX (*first, day_of (before_end));
    }
  return *last != 0;
}

/* What one VEVENT is: the same for each of its occurrences. */
typedef struct
{
  const char *uid;
  char *name;
  char *reason;
  struct icaldurationtype duration;
} Event;

typedef struct
{
  RpStore *store;
  RpIcsFreezeImport *import;
  guint32 from;
  guint32 to;
  GHashTable *existing;   /* id -> RpFreezeWindow */
  GHashTable *same_days;  /* "name\nstart\nend" of every existing one */
  GHashTable *seen;       /* ids made by this file */
  GHashTable *overridden; /* "uid\nrecurrence-id" replaced by another VEVENT */
} Reader;

static char *
days_key (const char *name, const char *start, const char *end)
{
  return g_strdup_printf ("%s\n%s\n%s", name, start, end);
}

static char *
date_of_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return rp_date_format (&date);
}

static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (rp_str_is_blank (a) ? NULL : a, rp_str_is_blank (b) ? NULL : b) == 0;
}

static void
add_occurrence (Reader *reader, Event *event, struct icaltimetype start, const char *recurrence)
{
  struct icaltimetype end = icaltime_add (start, event->duration);
  g_autofree char *key = g_strdup_printf ("%s\n%s", event->uid, recurrence);
  g_autofree char *id = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *last_date = NULL;
  g_autofree char *same = NULL;
  RpFreezeWindow *existing;
  RpRecord *window;
  guint32 first, last;

  if (!days_of (start, end, &first, &last) || last < reader->from || first > reader->to)
    return;
  id = name_uuid (key);
  if (!g_hash_table_add (reader->seen, g_strdup (id)))
    return; /* an RDATE on a day of the RRULE, or a UID twice */

  first_date = date_of_julian (first);
  last_date = date_of_julian (last);
  existing = g_hash_table_lookup (reader->existing, id);
  same = days_key (event->name, first_date, last_date);
  if (existing != NULL)
    {
      if (g_strcmp0 (rp_freeze_window_get_name (existing), event->name) == 0 &&
          g_strcmp0 (rp_freeze_window_get_start_date (existing), first_date) == 0 &&
          g_strcmp0 (rp_freeze_window_get_end_date (existing), last_date) == 0 &&
          same_text (rp_freeze_window_get_reason (existing), event->reason))
        {
          reader->import->unchanged++;
          return;
        }
      window = rp_record_copy (RP_RECORD (existing));
      g_ptr_array_add (reader->import->changed, window);
    }
  else if (g_hash_table_contains (reader->same_days, same))
    {
      reader->import->unchanged++;
      return;
    }
  else
    {
      window = rp_record_new_with_id (RP_ENTITY_FREEZE_WINDOW, id);
      g_ptr_array_add (reader->import->added, window);
    }
  rp_record_set_string (window, "name", event->name);
  rp_record_set_string (window, "start_date", first_date);
  rp_record_set_string (window, "end_date", last_date);
  rp_record_set_string (window, "reason", event->reason);
}

static char *
time_key (struct icaltimetype t)
{
  char *text = icaltime_as_ical_string_r (t);
  char *key = g_strdup (text);

  icalmemory_free_buffer (text);
  return key;
}

static gboolean
is_excluded (GArray *exdates, struct icaltimetype t)
{
  for (guint i = 0; i < exdates->len; i++)
    {
      struct icaltimetype ex = g_array_index (exdates, struct icaltimetype, i);

      if ((ex.is_date || t.is_date) ? icaltime_compare_date_only (ex, t) == 0 : icaltime_compare (ex, t) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_if_kept (Reader *reader, Event *event, GArray *exdates, struct icaltimetype t)
{
  g_autofree char *recurrence = time_key (t);
  g_autofree char *key = g_strdup_printf ("%s\n%s", event->uid, recurrence);

  if (is_excluded (exdates, t) || g_hash_table_contains (reader->overridden, key))
    return;
  add_occurrence (reader, event, t, recurrence);
}

static void
expand (Reader *reader, Event *event, icalcomponent *vevent, struct icaltimetype dtstart)
{
  g_autoptr (GArray) exdates = g_array_new (FALSE, FALSE, sizeof (struct icaltimetype));
  icalproperty *p;

  for (p = icalcomponent_get_first_property (vevent, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (vevent, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype ex = icalproperty_get_exdate (p);

      g_array_append_val (exdates, ex);
    }

  /* the first occurrence is DTSTART itself, whatever the rule says */
  add_if_kept (reader, event, exdates, dtstart);
  for (p = icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (vevent, ICAL_RRULE_PROPERTY))
    {
      icalrecur_iterator *it = icalrecur_iterator_new (icalproperty_get_rrule (p), dtstart);
      struct icaltimetype next;

      if (it == NULL)
        continue;
      for (guint n = 0; n < MAX_OCCURRENCES; n++)
        {
          next = icalrecur_iterator_next (it);
          if (icaltime_is_null_time (next) || day_of (next) > reader->to)
            break;
          add_if_kept (reader, event, exdates, next);
        }
      icalrecur_iterator_free (it);
    }
  for (p = icalcomponent_get_first_property (vevent, ICAL_RDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (vevent, ICAL_RDATE_PROPERTY))
    {
      struct icaldatetimeperiodtype rdate = icalproperty_get_rdate (p);
      struct icaltimetype t = icaltime_is_null_time (rdate.time) ? rdate.period.start : rdate.time;

      if (!icaltime_is_null_time (t))
        add_if_kept (reader, event, exdates, t);
    }
}

static void
read_event (Reader *reader, icalcomponent *vevent)
{
  struct icaltimetype dtstart = icalcomponent_get_dtstart (vevent);
  struct icaltimetype recurrence_id = icalcomponent_get_recurrenceid (vevent);
  icalproperty *dtend = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (vevent, ICAL_DURATION_PROPERTY);
  g_autofree char *fallback_uid = NULL;
  Event event = { 0 };

  if (icaltime_is_null_time (dtstart) || !icaltime_is_valid_time (dtstart))
    return;
  reader->import->events++;
  if (icalcomponent_get_status (vevent) == ICAL_STATUS_CANCELLED)
    return;

  event.uid = icalcomponent_get_uid (vevent);
  if (rp_str_is_blank (event.uid))
    {
      /* RFC 5545 requires a UID; without one, the event's own name and
       * start stand for it */
      g_autofree char *start = time_key (dtstart);

      fallback_uid = g_strdup_printf ("%s\n%s", icalcomponent_get_summary (vevent), start);
      event.uid = fallback_uid;
    }
  event.name = _rp_ics_one_line (icalcomponent_get_summary (vevent));
  if (event.name == NULL)
    event.name = g_strdup ("Imported event");
  event.reason = _rp_ics_clean_text (icalcomponent_get_description (vevent));
  if (rp_str_is_blank (event.reason))
    g_clear_pointer (&event.reason, g_free);

  /* RFC 5545 3.6.1: without DTEND or DURATION an all-day event lasts its
   * day, a timed one is a moment */
  if (dtend != NULL)
    event.duration = icaltime_subtract (icalproperty_get_dtend (dtend), dtstart);
  else if (duration != NULL)
    event.duration = icalproperty_get_duration (duration);
  else
    event.duration = icaldurationtype_from_int (dtstart.is_date ? 24 * 60 * 60 : 0);
  if (event.duration.is_neg)
    event.duration = icaldurationtype_null_duration ();

  if (!icaltime_is_null_time (recurrence_id))
    {
      g_autofree char *recurrence = time_key (recurrence_id);

      add_occurrence (reader, &event, dtstart, recurrence);
    }
  else if (icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY) != NULL ||
           icalcomponent_get_first_property (vevent, ICAL_RDATE_PROPERTY) != NULL)
    expand (reader, &event, vevent, dtstart);
  else
    add_occurrence (reader, &event, dtstart, "");
  g_free (event.name);
  g_free (event.reason);
}

/* The occurrences that VEVENTs with a RECURRENCE-ID move or cancel. */
static void
collect_overrides (Reader *reader, icalcomponent *calendar)
{
  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL; vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype recurrence_id = icalcomponent_get_recurrenceid (vevent);
      g_autofree char *recurrence = NULL;

      if (icaltime_is_null_time (recurrence_id) || icalcomponent_get_uid (vevent) == NULL)
        continue;
      recurrence = time_key (recurrence_id);
      g_hash_table_add (reader->overridden,
                        g_strdup_printf ("%s\n%s", icalcomponent_get_uid (vevent), recurrence));
    }
}

void
rp_ics_freeze_import_free (RpIcsFreezeImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->added);
  g_ptr_array_unref (import->changed);
  g_free (import);
}

/**
 * rp_format_ics_read_freezes:
 * @data: the .ics file
 * @from: the first day of the range to import
 * @to: its last day
 *
 * Reads the VEVENTs of @data into the freeze windows that importing it
 * would add or change (see the top of this file), without writing
 * anything: a preview for rp_format_ics_apply_freezes().
 *
 * Returns: (transfer full) (nullable): what the import would do, or NULL
 * with RP_FORMAT_ERROR_SYNTAX (not iCalendar) or _TOO_LARGE
 */
RpIcsFreezeImport *
rp_format_ics_read_freezes (RpStore *store, const char *data, gsize length, const GDate *from,
                            const GDate *to, GError **error)
{
  g_autoptr (RpIcsFreezeImport) import = NULL;
  g_autoptr (GPtrArray) windows = NULL;
  g_autofree char *text = NULL;
  icalcomponent *root, *calendar;
  Reader reader;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  if (length > RP_ICS_MAX_BYTES)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_TOO_LARGE,
                   "The calendar file is larger than %u MiB.", RP_ICS_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  text = g_strndup (data, length);
  if (strlen (text) != length || !g_utf8_validate (text, -1, NULL) ||
      strstr (text, "BEGIN:VCALENDAR") == NULL)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_SYNTAX,
                   "This is not an iCalendar file (text with BEGIN:VCALENDAR, RFC 5545).");
      return NULL;
    }

  icalerror_set_errors_are_fatal (0);
  root = icalparser_parse_string (text);
  calendar = root;
  if (root != NULL && icalcomponent_isa (root) == ICAL_XROOT_COMPONENT)
    calendar = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
  if (calendar == NULL || icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_SYNTAX,
                   "This is not an iCalendar file: libical found no VCALENDAR in it.");
      if (root != NULL)
        icalcomponent_free (root);
      return NULL;
    }

  import = g_new0 (RpIcsFreezeImport, 1);
  import->added = g_ptr_array_new_with_free_func (g_object_unref);
  import->changed = g_ptr_array_new_with_free_func (g_object_unref);
  reader.store = store;
  reader.import = import;
  reader.from = g_date_get_julian (from);
  reader.to = g_date_get_julian (to);
  reader.existing = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  reader.same_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.overridden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  windows = rp_store_list (store, RP_ENTITY_FREEZE_WINDOW, NULL);
  for (guint i = 0; i < windows->len; i++)
    {
      RpFreezeWindow *window = windows->pdata[i];

      g_hash_table_insert (reader.existing, (char *) rp_record_get_id (RP_RECORD (window)),
                           g_object_ref (window));
      g_hash_table_add (reader.same_days, days_key (rp_freeze_window_get_name (window),
                                                    rp_freeze_window_get_start_date (window),
                                                    rp_freeze_window_get_end_date (window)));
    }

  collect_overrides (&reader, calendar);
  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL; vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    read_event (&reader, vevent);

  icalcomponent_free (root);
  g_hash_table_unref (reader.existing);
  g_hash_table_unref (reader.same_days);
  g_hash_table_unref (reader.seen);
  g_hash_table_unref (reader.overridden);
  return g_steal_pointer (&import);
}

/**
 * rp_format_ics_apply_freezes:
 *
 * Inserts the added freeze windows of @import and updates the changed
 * ones, in one transaction and one undo step "Import freeze windows".
 * Nothing is written when there is nothing to write.
 */
gboolean
rp_format_ics_apply_freezes (RpStore *store, RpIcsFreezeImport *import, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  if (import->added->len == 0 && import->changed->len == 0)
    return TRUE;
  if (!rp_store_begin (store, "Import freeze windows", error))
    return FALSE;
  for (guint i = 0; i < import->added->len; i++)
    if (!rp_store_insert (store, import->added->pdata[i], error))
      {
        rp_store_rollback (store);
        return FALSE;
      }
  for (guint i = 0; i < import->changed->len; i++)
    if (!rp_store_update (store, import->changed->pdata[i], error))
      {
        rp_store_rollback (store);
        return FALSE;
      }
  return rp_store_commit (store, error);
}
