/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"
#include "rp-release.h"
#include "rp-template.h"

gboolean
rp_release_create (RpStore *store, RpRelease *release, const char *template_id, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (RP_IS_RELEASE (release), FALSE);

  if (!rp_store_begin (store, "New release", error))
    return FALSE;
  if (!rp_store_insert (store, RP_RECORD (release), error) ||
      (template_id != NULL &&
       !rp_template_apply (store, template_id, rp_record_get_id (RP_RECORD (release)), error)))
    {
      rp_store_rollback (store);
      return FALSE;
    }
  /* A commit that fails has rolled back already. */
  return rp_store_commit (store, error);
}

static RpDateRange *
day_of (const char *date)
{
  return rp_date_range_parse (date, date);
}

/* The buffer and the monitoring period around a deploy on @deploy. */
static RpDateRange *
around_deploy (RpRelease *self, const char *deploy, RpMilestone milestone)
{
  g_autoptr (RpDateRange) day = day_of (deploy);
  guint32 julian;
  int buffer = rp_release_get_buffer_days (self);
  int hours = rp_release_get_monitoring_hours (self);

  if (day == NULL)
    return NULL;
  julian = rp_date_range_get_first_julian (day);
  switch (milestone)
    {
    case RP_MILESTONE_DEPLOY:
      return g_steal_pointer (&day);
    case RP_MILESTONE_BUFFER:
      if (buffer <= 0 || julian <= (guint32) buffer)
        return NULL;
      return rp_date_range_new_julian (julian - buffer, julian - 1);
    case RP_MILESTONE_MONITORING:
      if (hours <= 0)
        return NULL;
      return rp_date_range_new_julian (julian, julian + (hours + 23) / 24);
    case RP_MILESTONE_CODE_COMPLETE:
    case RP_MILESTONE_TESTING:
    default:
      g_return_val_if_reached (NULL);
    }
}

static RpDateRange *
milestone_of (RpRelease *self, RpMilestone milestone, const char *code_complete, const char *testing_start,
              const char *testing_end, const char *deploy)
{
  switch (milestone)
    {
    case RP_MILESTONE_CODE_COMPLETE:
      return day_of (code_complete);
    case RP_MILESTONE_TESTING:
      return rp_date_range_parse (testing_start, testing_end);
    case RP_MILESTONE_BUFFER:
    case RP_MILESTONE_DEPLOY:
    case RP_MILESTONE_MONITORING:
      return around_deploy (self, deploy, milestone);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rp_release_get_milestone:
 *
 * Returns: (transfer full) (nullable): the days of @milestone
 */
RpDateRange *
rp_release_get_milestone (RpRelease *self, RpMilestone milestone)
{
  g_return_val_if_fail (RP_IS_RELEASE (self), NULL);

  return milestone_of (self, milestone, rp_release_get_code_complete (self),
                       rp_release_get_testing_start (self), rp_release_get_testing_end (self),
                       rp_release_get_deploy (self));
}

/**
 * rp_release_get_committed_milestone:
 *
 * Returns: (transfer full) (nullable): the committed days of @milestone
 */
RpDateRange *
rp_release_get_committed_milestone (RpRelease *self, RpMilestone milestone)
{
  g_return_val_if_fail (RP_IS_RELEASE (self), NULL);

  return milestone_of (self, milestone, rp_release_get_committed_code_complete (self),
                       rp_release_get_committed_testing_start (self),
                       rp_release_get_committed_testing_end (self), rp_release_get_committed_deploy (self));
}

/* @later − @earlier in days, 0 unless both are dates. */
static int
days_between (const char *earlier, const char *later)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  if (!rp_date_parse_into (earlier, &a) || !rp_date_parse_into (later, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

int
rp_release_get_slip_days (RpRelease *self)
{
  g_return_val_if_fail (RP_IS_RELEASE (self), 0);

  return days_between (rp_release_get_committed_deploy (self), rp_release_get_deploy (self));
}

int
rp_release_get_buffer_days_left (RpRelease *self)
{
  int buffer;
  int used;

  g_return_val_if_fail (RP_IS_RELEASE (self), 0);

  buffer = rp_release_get_buffer_days (self);
  used = days_between (rp_release_get_committed_testing_end (self), rp_release_get_testing_end (self)) -
         rp_release_get_slip_days (self);
  return CLAMP (buffer - used, 0, buffer);
}

static RpRelease *
get_release_with_deploy (RpStore *store, const char *release_id, const char *what, GError **error)
{
  g_autoptr (RpRecord) record = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error);

  if (record == NULL)
    return NULL;
  if (rp_release_get_deploy (RP_RELEASE (record)) == NULL)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   "“%s” has no deploy date yet: set one before you %s",
                   rp_release_get_name (RP_RELEASE (record)), what);
      return NULL;
    }
  return RP_RELEASE (g_steal_pointer (&record));
}

/* Saves @record as one undo step named @label. */
static gboolean
update_as (RpStore *store, RpRecord *record, const char *label, GError **error)
{
  if (!rp_store_begin (store, label, error))
    return FALSE;
  if (!rp_store_update (store, record, error))
    {
      rp_store_rollback (store);
      return FALSE;
    }
  return rp_store_commit (store, error);
}

static const char *const milestone_columns[] = { "code_complete", "testing_start", "testing_end", "deploy" };

/**
 * rp_release_commit_dates:
 * @now: the time of the commitment (stored as UTC)
 */
gboolean
rp_release_commit_dates (RpStore *store, const char *release_id, GDateTime *now, GError **error)
{
  g_autoptr (RpRelease) release = NULL;
  g_autoptr (RpRecord) copy = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (release_id != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  release = get_release_with_deploy (store, release_id, "commit to it", error);
  if (release == NULL)
    return FALSE;
  copy = rp_record_copy (RP_RECORD (release));
  for (guint i = 0; i < G_N_ELEMENTS (milestone_columns); i++)
    {
      g_autofree char *committed = g_strconcat ("committed_", milestone_columns[i], NULL);

      rp_record_set_value (copy, committed, rp_record_get_value (copy, milestone_columns[i]));
    }
  utc = g_date_time_to_utc (now);
  at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  rp_record_set_string (copy, "committed_at", at);

  return update_as (store, copy, "Commit dates", error);
}

gboolean
rp_release_shift_dates (RpStore *store, const char *release_id, RpReleaseShift shift, int days,
                        GError **error)
{
  g_autoptr (RpRelease) release = NULL;
  g_autoptr (RpRecord) copy = NULL;
  guint first = shift == RP_RELEASE_SHIFT_SCHEDULE ? 0 : G_N_ELEMENTS (milestone_columns) - 1;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (release_id != NULL, FALSE);
  g_return_val_if_fail (shift == RP_RELEASE_SHIFT_DEPLOY || shift == RP_RELEASE_SHIFT_SCHEDULE, FALSE);

  release = get_release_with_deploy (store, release_id, "move it", error);
  if (release == NULL)
    return FALSE;
  if (days == 0)
    return TRUE;
  copy = rp_record_copy (RP_RECORD (release));
  for (guint i = first; i < G_N_ELEMENTS (milestone_columns); i++)
    {
      GDate date;
      gint64 julian;
      g_autofree char *moved = NULL;

      g_date_clear (&date, 1);
      if (!rp_date_parse_into (rp_record_get_string (copy, milestone_columns[i]), &date))
        continue;
      julian = (gint64) g_date_get_julian (&date) + days;
      if (julian < 1 || !g_date_valid_julian (julian) || julian > G_MAXUINT32)
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID, "%s: cannot move %d days from %s",
                       milestone_columns[i], days, rp_record_get_string (copy, milestone_columns[i]));
          return FALSE;
        }
      g_date_set_julian (&date, julian);
      moved = rp_date_format (&date);
      rp_record_set_string (copy, milestone_columns[i], moved);
    }

  return update_as (store, copy, shift == RP_RELEASE_SHIFT_SCHEDULE ? "Move schedule" : "Move deploy date",
                    error);
}

guint
rp_release_color_index (const char *release_id)
{
  /* FNV-1a, written here so it stays the same on every machine and
   * version; its low bits are weak, so fold the high ones in. */
  guint32 hash = 2166136261u;

  g_return_val_if_fail (release_id != NULL, 0);

  for (const guchar *p = (const guchar *) release_id; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;
  return (hash ^ (hash >> 16)) % RP_RELEASE_N_COLORS;
}

/* Copies a row under a new id and parent, with some columns reset. */
static RpRecord *
copy_row (RpRecord *row, const char *parent_column, const char *parent_id)
{
  g_autofree char *id = g_uuid_string_random ();
  RpRecord *copy = rp_record_copy (row);

  rp_record_set_id (copy, id);
  rp_record_set_string (copy, parent_column, parent_id);
  return copy;
}

static gboolean
copy_children (RpStore *store, RpEntity entity, const char *from_parent, const char *to_parent,
               GHashTable *new_ids, GError **error)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);
  const char *parent_column = info->columns[info->parent_column].name;
  g_autoptr (GPtrArray) rows = rp_store_list (store, entity, from_parent);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (RpRecord) copy = copy_row (rows->pdata[i], parent_column, to_parent);

      switch (entity)
        {
        case RP_ENTITY_SCOPE_ITEM:
          rp_record_set_string (copy, "status", "planned");
          break;
        case RP_ENTITY_CRITERION:
          rp_record_set_bool (copy, "met", FALSE);
          break;
        case RP_ENTITY_CHECKLIST_ITEM:
          rp_record_set_string (copy, "state", "open");
          rp_record_set_null (copy, "done_at");
          break;
        default:
          break;
        }
      if (!rp_store_insert (store, copy, error))
        return FALSE;
      if (new_ids != NULL)
        g_hash_table_insert (new_ids, g_strdup (rp_record_get_id (rows->pdata[i])),
                             g_strdup (rp_record_get_id (copy)));
    }
  return TRUE;
}

char *
rp_release_duplicate (RpStore *store, const char *release_id, const char *name, const char *version,
                      GError **error)
{
  const char *const cleared[] = { "summary",  "code_complete", "testing_start", "testing_end",
                                  "deploy",   "release_notes", "released_at",   "postmortem_date",
                                  "feedback", "created_at",    "updated_at" };
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) copy = NULL;
  g_autoptr (GHashTable) scope_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *id = g_uuid_string_random ();
  GHashTableIter iter;
  gpointer from, to;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, error);
  if (release == NULL)
    return NULL;

  copy = rp_record_copy (release);
  rp_record_set_id (copy, id);
  rp_record_set_position (copy, -1);
  rp_record_set_string (copy, "name", name);
  rp_record_set_string (copy, "version", version);
  rp_record_set_string (copy, "status", "planning");
  rp_record_set_string (copy, "postmortem", "none");
  for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
    rp_record_set_null (copy, cleared[i]);

  if (!rp_store_begin (store, "Duplicate release", error))
    return NULL;
  ok = rp_store_insert (store, copy, error) &&
       copy_children (store, RP_ENTITY_OWNER, release_id, id, NULL, error) &&
       copy_children (store, RP_ENTITY_SCOPE_ITEM, release_id, id, scope_ids, error) &&
       copy_children (store, RP_ENTITY_CHECKLIST_SECTION, release_id, id, section_ids, error);

  g_hash_table_iter_init (&iter, scope_ids);
  while (ok && g_hash_table_iter_next (&iter, &from, &to))
    ok = copy_children (store, RP_ENTITY_CRITERION, from, to, NULL, error);
  g_hash_table_iter_init (&iter, section_ids);
  while (ok && g_hash_table_iter_next (&iter, &from, &to))
    ok = copy_children (store, RP_ENTITY_CHECKLIST_ITEM, from, to, NULL, error);

  if (!ok)
    {
      rp_store_rollback (store);
      return NULL;
    }
  if (!rp_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* A version's parts: the text before the first digit (a prefix such as
 * "v") into @prefix, then the numbers separated by dots, as written
 * (leading zeros kept), into @numbers; what follows them (a pre-release
 * tag such as "-rc1") is not part of a next version. FALSE: no number. */
static gboolean
split_version (const char *version, GString *prefix, GPtrArray *numbers)
{
  const char *p = version;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return FALSE;
  g_string_append_len (prefix, version, p - version);
  for (;;)
    {
      const char *start = p;

      while (g_ascii_isdigit (*p))
        p++;
      g_ptr_array_add (numbers, g_strndup (start, p - start));
      if (p[0] != '.' || !g_ascii_isdigit (p[1]))
        break;
      p++;
    }
  return TRUE;
}

/* @number + 1, as wide as it was written ("09" → "10", "007" → "008"). */
static char *
increment (const char *number)
{
  g_autoptr (GString) text = g_string_new (number);
  gssize i = (gssize) text->len - 1;

  for (; i >= 0; i--)
    {
      if (text->str[i] != '9')
        {
          text->str[i]++;
          return g_string_free (g_steal_pointer (&text), FALSE);
        }
      text->str[i] = '0';
    }
  g_string_prepend_c (text, '1');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
zero_like (const char *number)
{
  return g_strnfill (MAX (strlen (number), 1), '0');
}

/**
 * rp_version_propose_next:
 * @version: (nullable): the version of a release, as people write it
 *
 * The version of the release after it: with three numbers or more the
 * second goes up and those after it become 0 (2027.1.0 → 2027.2.0,
 * 1.4.2 → 1.5.0); with two, the second (5.0 → 5.1); with one, that one
 * (v3 → v4, 12 → 13). The text before the numbers stays, a tag after
 * them goes (2.0.0-rc1 → 2.1.0), numbers keep their width (2027.09 →
 * 2027.10).
 *
 * Returns: (transfer full) (nullable): the next version, or NULL when
 * @version has no number
 */
char *
rp_version_propose_next (const char *version)
{
  g_autoptr (GString) next = g_string_new (NULL);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  guint bump;

  if (version == NULL || !split_version (version, next, numbers))
    return NULL;
  bump = numbers->len >= 2 ? 1 : 0;
  for (guint i = 0; i < numbers->len; i++)
    {
      g_autofree char *number = i < bump    ? g_strdup (numbers->pdata[i])
                                : i == bump ? increment (numbers->pdata[i])
                                            : zero_like (numbers->pdata[i]);

      if (i > 0)
        g_string_append_c (next, '.');
      g_string_append (next, number);
    }
  return g_string_free (g_steal_pointer (&next), FALSE);
}

/* Where @needle stands in @haystack as a whole version (no digit or dot
 * and digit before or after it), the last time; NULL if nowhere. */
static const char *
find_version_in (const char *haystack, const char *needle)
{
  const char *found = NULL;
  gsize length = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *end = p + length;
      gboolean digit_before = p > haystack && (g_ascii_isdigit (p[-1]) ||
                                               (p[-1] == '.' && p - 1 > haystack && g_ascii_isdigit (p[-2])));
      gboolean digit_after = g_ascii_isdigit (end[0]) || (end[0] == '.' && g_ascii_isdigit (end[1]));

      if (!digit_before && !digit_after)
        found = p;
    }
  return found;
}

/* @prefix and the first @n of @numbers, joined by dots. */
static char *
join_version (const char *prefix, GPtrArray *numbers, guint n)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < n && i < numbers->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '.');
      g_string_append (text, numbers->pdata[i]);
    }
  return g_string_free (text, FALSE);
}

/**
 * rp_release_propose_next_name:
 * @name: the name of a release
 * @version: (nullable): its version
 * @next_version: (nullable): the version of the next one
 *
 * The name of the release after it: where @name holds its version, the
 * next version stands there instead ("Payments 2027.1" with 2027.1.0 →
 * "Payments 2027.2"; "Search v3" with v3 → "Search v4"), written with as
 * many numbers as the name had; otherwise the name as it is (the version
 * tells the two apart).
 *
 * Returns: (transfer full): the proposed name
 */
char *
rp_release_propose_next_name (const char *name, const char *version, const char *next_version)
{
  g_autoptr (GString) prefix = g_string_new (NULL);
  g_autoptr (GString) next_prefix = g_string_new (NULL);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) next_numbers = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (name != NULL, NULL);

  if (version == NULL || next_version == NULL || !split_version (version, prefix, numbers) ||
      !split_version (next_version, next_prefix, next_numbers))
    return g_strdup (name);

  /* The whole version first, then shorter ones ("2027.1" of 2027.1.0),
   * each with its prefix ("v3") and without ("3"). */
  for (guint n = numbers->len; n > 0; n--)
    for (guint with_prefix = 1; with_prefix < 3; with_prefix++)
      {
        gboolean use_prefix = with_prefix == 1;
        g_autofree char *old = join_version (use_prefix ? prefix->str : "", numbers, n);
        g_autofree char *replacement = join_version (use_prefix ? next_prefix->str : "", next_numbers, n);
        const char *at;

        if (!use_prefix && prefix->len == 0)
          continue;
        at = find_version_in (name, old);
        if (at != NULL)
          {
            GString *proposed = g_string_new_len (name, at - name);

            g_string_append (proposed, replacement);
            g_string_append (proposed, at + strlen (old));
            return g_string_free (proposed, FALSE);
          }
      }
  return g_strdup (name);
}
