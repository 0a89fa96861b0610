/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rp-core-resources.h"
#include "rp-format-json-private.h"
#include "rp-records.h"

/* The upsert writer: a plan the reader has checked goes into the store in
 * one group. Rows with ids are inserted or updated by id; rows without
 * (owners, template sections and items) are matched by position, checklist
 * sections and component owners by name. A key the file leaves out keeps
 * the stored value; a list it leaves out keeps the stored list, and a list
 * it has is the whole list: within a release of the file, the children a
 * list there does not name are deleted. What only the store can refuse is
 * reported with the JSON path the reader remembered. */

#define SAMPLE_PLAN_RESOURCE "/io/github/releaseplanner/ReleasePlanner/core/sample-plan.json"

/* The stored row with @record's id, or NULL for a new one. The columns the
 * file did not give are taken from it: a key left out keeps the stored
 * value (a new row keeps the defaults rp_record_new() gave it). */
static void
fill_absent (RpRecord *record, RpRecord *existing)
{
  const RpEntityInfo *info = rp_entity_get_info (rp_record_get_entity (record));

  for (guint i = 0; i < info->n_columns; i++)
    if ((int) i != info->parent_column && !_rp_format_json_is_given (record, i))
      rp_record_set_value_at (record, i, rp_record_get_value_at (existing, i));
}

static RpRecord *
merge_stored (RpStore *store, RpRecord *record)
{
  RpRecord *existing = rp_store_get (store, rp_record_get_entity (record), rp_record_get_id (record), NULL);

  if (existing != NULL)
    fill_absent (record, existing);
  return existing;
}

/* Inserts or updates @record, as merge_stored() found it. */
static gboolean
write_row (RpStore *store, RpRecord *record, gboolean exists, GError **error)
{
  const char *path = g_object_get_data (G_OBJECT (record), RP_JSON_PATH_DATA);
  gboolean ok = exists ? rp_store_update (store, record, error) : rp_store_insert (store, record, error);

  if (!ok && path != NULL && *path != '\0')
    g_prefix_error (error, "%s: ", path);
  return ok;
}

static gboolean
upsert (RpStore *store, RpRecord *record, GError **error)
{
  g_autoptr (RpRecord) existing = merge_stored (store, record);

  return write_row (store, record, existing != NULL, error);
}

static GHashTable *
id_set (GPtrArray *records)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (set, (gpointer) rp_record_get_id (records->pdata[i]));
  return set;
}

/* Top-level rows (people, freeze windows, templates, releases): when the
 * file holds every row the store has, the file's order becomes the stored
 * order; when it holds only some (a file of one release), rows already
 * there keep their place and new ones are added at the end. */
static void
place_top_level (RpStore *store, RpEntity entity, GPtrArray *records)
{
  g_autoptr (GPtrArray) rows = rp_store_list (store, entity, NULL);
  g_autoptr (GHashTable) in_file = id_set (records);
  gboolean all = TRUE;

  for (guint i = 0; i < rows->len && all; i++)
    all = g_hash_table_contains (in_file, rp_record_get_id (rows->pdata[i]));
  for (guint i = 0; i < records->len; i++)
    rp_record_set_position (records->pdata[i], all ? (gint64) i : -1);
}

static gboolean
upsert_all (RpStore *store, GPtrArray *records, GError **error)
{
  for (guint i = 0; i < records->len; i++)
    if (!upsert (store, records->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* Deletes the children of @parent_id (in @column) whose ids are not in @keep. */
static gboolean
delete_missing (RpStore *store, RpEntity entity, const char *column, const char *parent_id, GHashTable *keep,
                GError **error)
{
  g_autoptr (GPtrArray) rows = rp_store_list_where (store, entity, column, parent_id);

  for (guint i = 0; i < rows->len; i++)
    if (!g_hash_table_contains (keep, rp_record_get_id (rows->pdata[i])) &&
        !rp_store_delete (store, entity, rp_record_get_id (rows->pdata[i]), error))
      return FALSE;
  return TRUE;
}

/* Rows without ids in the file (owners, template sections and items) are
 * matched by position, so that importing what is there changes nothing.
 * With @fill, the columns the file left out are those of the row matched. */
static gboolean
write_by_position (RpStore *store, GPtrArray *wanted, GPtrArray *existing, guint first_position,
                   GPtrArray *ids_out, gboolean fill, GError **error)
{
  for (guint i = 0; i < wanted->len; i++)
    {
      RpRecord *record = wanted->pdata[i];

      rp_record_set_position (record, first_position + i);
      if (i < existing->len)
        {
          rp_record_set_id (record, rp_record_get_id (existing->pdata[i]));
          if (fill)
            fill_absent (record, existing->pdata[i]);
          if (!rp_store_update (store, record, error))
            return FALSE;
        }
      else if (!rp_store_insert (store, record, error))
        return FALSE;
      if (ids_out)
        g_ptr_array_add (ids_out, g_strdup (rp_record_get_id (record)));
    }
  for (guint i = wanted->len; i < existing->len; i++)
    if (!rp_store_delete (store, rp_record_get_entity (existing->pdata[i]),
                          rp_record_get_id (existing->pdata[i]), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_template (RpStore *store, RpJsonTemplatePlan *plan, GError **error)
{
  const char *id = rp_record_get_id (plan->record);
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GPtrArray) section_ids = g_ptr_array_new_with_free_func (g_free);

  if (!upsert (store, plan->record, error))
    return FALSE;
  if (plan->sections == NULL)
    return TRUE;
  for (guint i = 0; i < plan->sections->len; i++)
    rp_record_set_string (plan->sections->pdata[i], "template_id", id);
  existing = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, id);
  if (!write_by_position (store, plan->sections, existing, 0, section_ids, TRUE, error))
    return FALSE;

  for (guint i = 0; i < section_ids->len; i++)
    {
      GPtrArray *texts = plan->items->pdata[i];
      g_autoptr (GPtrArray) items = NULL;
      g_autoptr (GPtrArray) existing_items = NULL;

      if (texts == NULL)
        continue;
      items = g_ptr_array_new_with_free_func (g_object_unref);
      existing_items = rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, section_ids->pdata[i]);

      for (guint j = 0; j < texts->len; j++)
        {
          RpRecord *item = rp_record_new (RP_ENTITY_TEMPLATE_ITEM);

          rp_record_set_string (item, "section_id", section_ids->pdata[i]);
          rp_record_set_string (item, "text", texts->pdata[j]);
          g_ptr_array_add (items, item);
        }
      if (!write_by_position (store, items, existing_items, 0, NULL, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_checklist (RpStore *store, RpJsonReleasePlan *plan, GPtrArray *items, GError **error)
{
  const char *release_id = rp_record_get_id (plan->record);
  g_autoptr (GPtrArray) existing = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  g_autoptr (GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) keep_items = items ? id_set (items) : NULL;
  g_autoptr (GHashTable) keep_sections = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) sections_now = NULL;

  for (guint i = 0; i < existing->len; i++)
    {
      const char *name = rp_record_get_string (existing->pdata[i], "name");

      if (!g_hash_table_contains (by_name, name))
        g_hash_table_insert (by_name, g_strdup (name), g_strdup (rp_record_get_id (existing->pdata[i])));
    }

  /* Sections: the file's list, matched by name. */
  for (guint i = 0; i < plan->sections->len; i++)
    {
      RpRecord *section = plan->sections->pdata[i];
      const char *id = g_hash_table_lookup (by_name, rp_record_get_string (section, "name"));

      if (id != NULL)
        {
          g_autoptr (RpRecord) before = NULL;

          rp_record_set_id (section, id);
          before = merge_stored (store, section);
          if (!rp_store_update (store, section, error))
            return FALSE;
        }
      else
        {
          if (!rp_store_insert (store, section, error))
            return FALSE;
          g_hash_table_insert (by_name, g_strdup (rp_record_get_string (section, "name")),
                               g_strdup (rp_record_get_id (section)));
        }
    }

  /* Items, with the sections they name made when the file has no list. */
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      RpRecord *item = items->pdata[i];
      const char *name = plan->item_sections->pdata[i];
      const char *section_id = g_hash_table_lookup (by_name, name);
      g_autoptr (RpRecord) before = NULL;
      guint position;

      if (section_id == NULL)
        {
          g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);

          g_assert (!plan->has_sections);
          rp_record_set_string (section, "release_id", release_id);
          rp_record_set_string (section, "name", name);
          if (!rp_store_insert (store, section, error))
            return FALSE;
          g_hash_table_insert (by_name, g_strdup (name), g_strdup (rp_record_get_id (section)));
          section_id = g_hash_table_lookup (by_name, name);
        }
      position = GPOINTER_TO_UINT (g_hash_table_lookup (counts, section_id));
      g_hash_table_insert (counts, (gpointer) section_id, GUINT_TO_POINTER (position + 1));
      rp_record_set_string (item, "section_id", section_id);
      rp_record_set_position (item, position);

      /* done_at is not in the file: kept, or set when an item becomes done. */
      before = merge_stored (store, item);
      if (g_strcmp0 (rp_record_get_string (item, "state"), "done") != 0)
        rp_record_set_null (item, "done_at");
      else if (before == NULL || rp_record_is_null (before, "done_at"))
        {
          g_autofree char *now = rp_timestamp_now ();
          rp_record_set_string (item, "done_at", now);
        }
      if (!write_row (store, item, before != NULL, error))
        return FALSE;
    }

  /* What the file does not have goes: items (when it lists them), then
   * (with a list) sections. */
  sections_now = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
  for (guint i = 0; items != NULL && i < sections_now->len; i++)
    if (!delete_missing (store, RP_ENTITY_CHECKLIST_ITEM, "section_id",
                         rp_record_get_id (sections_now->pdata[i]), keep_items, error))
      return FALSE;
  if (plan->has_sections)
    {
      for (guint i = 0; i < plan->sections->len; i++)
        g_hash_table_add (keep_sections, (gpointer) rp_record_get_id (plan->sections->pdata[i]));
      if (!delete_missing (store, RP_ENTITY_CHECKLIST_SECTION, "release_id", release_id, keep_sections,
                           error))
        return FALSE;
    }
  return TRUE;
}

/* The owners of each role the file has replace the stored ones of that
 * role, by position; a role left out keeps its owners. A component whose
 * owner is left out keeps the owner stored for a component of that name.
 * Positions run over all the roles, in the order of the file. */
static gboolean
write_owners (RpStore *store, RpJsonReleasePlan *plan, GError **error)
{
  g_autoptr (GPtrArray) stored = rp_store_list (store, RP_ENTITY_OWNER, rp_record_get_id (plan->record));
  int person_column = rp_entity_find_column (RP_ENTITY_OWNER, "person_id");
  guint position = 0;

  for (RpOwnerRole role = 0; role <= RP_OWNER_ROLE_COMPONENT; role++)
    {
      g_autoptr (GPtrArray) wanted = g_ptr_array_new ();
      g_autoptr (GPtrArray) existing = g_ptr_array_new ();

      for (guint i = 0; i < stored->len; i++)
        if (rp_owner_get_role (stored->pdata[i]) == role)
          g_ptr_array_add (existing, stored->pdata[i]);
      if (!plan->roles_given[role])
        {
          for (guint i = 0; i < existing->len; i++, position++)
            if (rp_record_get_position (existing->pdata[i]) != (gint64) position)
              {
                g_autoptr (RpRecord) moved = rp_record_copy (existing->pdata[i]);

                rp_record_set_position (moved, position);
                if (!rp_store_update (store, moved, error))
                  return FALSE;
              }
          continue;
        }
      for (guint i = 0; i < plan->owners->len; i++)
        if (rp_owner_get_role (plan->owners->pdata[i]) == role)
          g_ptr_array_add (wanted, plan->owners->pdata[i]);
      for (guint i = 0; i < wanted->len; i++)
        {
          RpOwner *owner = wanted->pdata[i];

          if (role != RP_OWNER_ROLE_COMPONENT || _rp_format_json_is_given (RP_RECORD (owner), person_column))
            continue;
          for (guint j = 0; j < existing->len; j++)
            if (g_strcmp0 (rp_owner_get_component (existing->pdata[j]), rp_owner_get_component (owner)) == 0)
              {
                rp_record_set_string (RP_RECORD (owner), "person_id",
                                      rp_owner_get_person_id (existing->pdata[j]));
                break;
              }
        }
      if (!write_by_position (store, wanted, existing, position, NULL, FALSE, error))
        return FALSE;
      position += wanted->len;
    }
  return TRUE;
}

static gboolean
write_criteria (RpStore *store, RpJsonReleasePlan *plan, GError **error)
{
  g_autoptr (GHashTable) keep = id_set (plan->criteria);
  GHashTableIter iter;
  gpointer scope_item_id;

  if (!upsert_all (store, plan->criteria, error))
    return FALSE;
  g_hash_table_iter_init (&iter, plan->criteria_given);
  while (g_hash_table_iter_next (&iter, &scope_item_id, NULL))
    if (!delete_missing (store, RP_ENTITY_CRITERION, "scope_item_id", scope_item_id, keep, error))
      return FALSE;
  return TRUE;
}

static gboolean
write_release_children (RpStore *store, RpJsonReleasePlan *plan, GError **error)
{
  const char *id = rp_record_get_id (plan->record);

  if (!write_owners (store, plan, error))
    return FALSE;

  for (guint l = 0; l < RP_JSON_N_RELEASE_LISTS; l++)
    {
      GPtrArray *records = plan->lists[l];
      g_autoptr (GHashTable) keep = NULL;

      if (_rp_format_json_release_lists[l].entity == RP_ENTITY_CHECKLIST_ITEM)
        {
          if ((records != NULL || plan->has_sections) && !write_checklist (store, plan, records, error))
            return FALSE;
          continue;
        }
      if (records == NULL)
        continue;
      if (!upsert_all (store, records, error))
        return FALSE;
      if (_rp_format_json_release_lists[l].entity == RP_ENTITY_SCOPE_ITEM &&
          !write_criteria (store, plan, error))
        return FALSE;
      keep = id_set (records);
      if (!delete_missing (store, _rp_format_json_release_lists[l].entity, "release_id", id, keep, error))
        return FALSE;
    }
  return TRUE;
}

/* The rows of @records whose id @store does not have yet. */
static GPtrArray *
only_missing (RpStore *store, RpEntity entity, GPtrArray *records)
{
  GPtrArray *missing = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr (RpRecord) stored = rp_store_get (store, entity, rp_record_get_id (records->pdata[i]), NULL);

      if (stored == NULL)
        g_ptr_array_add (missing, records->pdata[i]);
    }
  return missing;
}

static gboolean
write_top_level (RpStore *store, RpEntity entity, GPtrArray *records, gboolean keep_existing,
                 RpImportSummary *summary, GError **error)
{
  g_autoptr (GPtrArray) wanted =
      keep_existing ? only_missing (store, entity, records) : g_ptr_array_ref (records);

  if (summary != NULL)
    summary->rows_added += wanted->len;
  place_top_level (store, entity, wanted);
  return upsert_all (store, wanted, error);
}

/* Writes @plan into @store, within the caller's group. With
 * @keep_existing, a top-level row (person, freeze window, template,
 * release) whose id is stored already is left as it is, with everything
 * it holds, and a setting already stored keeps its value: only what is
 * missing is added. */
static gboolean
write_plan (RpStore *store, RpJsonPlan *plan, gboolean keep_existing, RpImportSummary *summary,
            GError **error)
{
  g_autoptr (GPtrArray) templates = g_ptr_array_new ();
  g_autoptr (GPtrArray) releases = g_ptr_array_new ();
  g_autoptr (GPtrArray) release_plans = g_ptr_array_new ();
  g_autofree char *deploy_days = rp_store_get_setting (store, "deploy_days");

  if (plan->deploy_days != NULL && !(keep_existing && deploy_days != NULL) &&
      !rp_store_set_setting (store, "deploy_days", plan->deploy_days, error))
    return FALSE;

  if (!write_top_level (store, RP_ENTITY_PERSON, plan->people, keep_existing, summary, error) ||
      !write_top_level (store, RP_ENTITY_FREEZE_WINDOW, plan->freeze_windows, keep_existing, summary, error))
    return FALSE;

  for (guint i = 0; i < plan->templates->len; i++)
    {
      RpJsonTemplatePlan *template = plan->templates->pdata[i];
      g_autoptr (RpRecord) stored = NULL;

      if (keep_existing)
        stored = rp_store_get (store, RP_ENTITY_TEMPLATE, rp_record_get_id (template->record), NULL);
      if (stored == NULL)
        g_ptr_array_add (templates, template);
    }
  if (summary != NULL)
    summary->rows_added += templates->len;
  {
    g_autoptr (GPtrArray) records = g_ptr_array_new ();

    for (guint i = 0; i < templates->len; i++)
      g_ptr_array_add (records, ((RpJsonTemplatePlan *) templates->pdata[i])->record);
    place_top_level (store, RP_ENTITY_TEMPLATE, records);
  }
  for (guint i = 0; i < templates->len; i++)
    if (!write_template (store, templates->pdata[i], error))
      return FALSE;

  /* Every release first, so that dependencies between them resolve. */
  for (guint i = 0; i < plan->releases->len; i++)
    {
      RpJsonReleasePlan *release = plan->releases->pdata[i];
      g_autoptr (RpRecord) stored = NULL;

      if (keep_existing)
        stored = rp_store_get (store, RP_ENTITY_RELEASE, rp_record_get_id (release->record), NULL);
      if (stored != NULL)
        {
          if (summary != NULL)
            summary->releases_kept++;
          continue;
        }
      g_ptr_array_add (release_plans, release);
      g_ptr_array_add (releases, release->record);
    }
  if (summary != NULL)
    {
      summary->releases_added = releases->len;
      summary->rows_added += releases->len;
    }
  place_top_level (store, RP_ENTITY_RELEASE, releases);
  if (!upsert_all (store, releases, error))
    return FALSE;
  for (guint i = 0; i < release_plans->len; i++)
    if (!write_release_children (store, release_plans->pdata[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
import_plan (RpStore *store, const char *data, gsize length, RpImportFlags flags, RpImportSummary *summary,
             GError **error)
{
  g_autoptr (RpJsonPlan) plan = NULL;
  gboolean ok;

  if (summary != NULL)
    *summary = (RpImportSummary){
      0,
    };
  plan = _rp_format_json_read (store, data, length, error);
  if (plan == NULL)
    return FALSE;

  if (!rp_store_begin (store, (flags & RP_IMPORT_KEEP_EXISTING) ? "Load sample plan" : "Import plan", error))
    return FALSE;
  ok = write_plan (store, plan, (flags & RP_IMPORT_KEEP_EXISTING) != 0, summary, error);
  if (ok)
    ok = rp_store_commit (store, error);
  else
    rp_store_rollback (store);
  if (!ok && summary != NULL)
    *summary = (RpImportSummary){
      0,
    };
  return ok;
}

/**
 * rp_format_json_import:
 * @store: the plan to import into
 * @data: the plan file's bytes
 * @length: their number
 *
 * Checks the whole file first (strict JSON, then every value against the
 * data model, every reference), then writes it in one transaction and one
 * undo step ("Import plan"): rows are inserted or updated by id; within a
 * release of the file, its children that the file does not list are
 * deleted. Nothing is written when anything is wrong.
 */
gboolean
rp_format_json_import (RpStore *store, const char *data, gsize length, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_plan (store, data, length, RP_IMPORT_FLAGS_NONE, NULL, error);
}

/**
 * rp_format_json_import_full:
 * @store: the plan to import into
 * @data: the plan file's bytes
 * @length: their number
 * @flags: RP_IMPORT_KEEP_EXISTING to add only what @store lacks
 * @summary: (out caller-allocates) (optional): what was added and kept
 *
 * Like rp_format_json_import(). With RP_IMPORT_KEEP_EXISTING, a release,
 * person, freeze window or template whose id is stored already is left
 * as it is, with everything it holds, and a stored setting keeps its
 * value: importing twice changes nothing, and edits made in between stay.
 */
gboolean
rp_format_json_import_full (RpStore *store, const char *data, gsize length, RpImportFlags flags,
                            RpImportSummary *summary, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_plan (store, data, length, flags, summary, error);
}

/* A local file is read through its descriptor, opened without waiting:
 * a FIFO nobody writes to then reads as empty instead of hanging. Other
 * files (URIs) through GIO. */
typedef struct
{
  int fd;
  GInputStream *in;
} Reader;

static gboolean
reader_open (Reader *reader, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  reader->fd = -1;
  reader->in = NULL;
  if (path == NULL)
    return (reader->in = G_INPUT_STREAM (g_file_read (file, NULL, error))) != NULL;
  reader->fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (reader->fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot open “%s”: %s.", path,
                   g_strerror (saved));
      return FALSE;
    }
  /* Reads of a pipe with a writer wait for what it writes, as they should. */
  fcntl (reader->fd, F_SETFL, fcntl (reader->fd, F_GETFL) & ~O_NONBLOCK);
  return TRUE;
}

static gssize
reader_read (Reader *reader, guint8 *buffer, gsize size, GError **error)
{
  gssize n;

  if (reader->in != NULL)
    return g_input_stream_read (reader->in, buffer, size, NULL, error);
  do
    n = read (reader->fd, buffer, size);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot read the file: %s.",
                   g_strerror (saved));
    }
  return n;
}

static void
reader_close (Reader *reader)
{
  g_clear_object (&reader->in);
  if (reader->fd >= 0)
    close (reader->fd);
}

/* Reads at most @max bytes: the bound holds while reading, so /dev/zero,
 * a pipe or a file that grows cannot fill the memory. */
static char *
read_bounded (GFile *file, gsize max, gsize *length, GError **error)
{
  g_autoptr (GByteArray) data = NULL;
  Reader reader;
  gboolean ok = TRUE;

  if (!reader_open (&reader, file, error))
    return NULL;
  data = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = reader_read (&reader, chunk, sizeof chunk, error);

      if (n <= 0)
        {
          ok = n == 0;
          break;
        }
      if (data->len + (gsize) n > max)
        {
          g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_TOO_LARGE,
                       "The file is too large: more than %" G_GSIZE_FORMAT " bytes, the most a plan file "
                       "may have.",
                       max);
          ok = FALSE;
          break;
        }
      g_byte_array_append (data, chunk, (guint) n);
    }
  reader_close (&reader);
  if (!ok)
    return NULL;
  *length = data->len;
  g_byte_array_append (data, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
}

/**
 * rp_format_json_import_file:
 *
 * Like rp_format_json_import(), reading @file: refused unread when it is
 * larger than RP_PLAN_MAX_BYTES, and as soon as reading it (a pipe, a
 * device) gives more than that.
 */
gboolean
rp_format_json_import_file (RpStore *store, GFile *file, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "“%s” is a folder, not a plan file.", name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > RP_PLAN_MAX_BYTES)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_TOO_LARGE,
                   "The file is too large: %" G_GOFFSET_FORMAT
                   " bytes; plan files may have at most %d bytes.",
                   g_file_info_get_size (info), RP_PLAN_MAX_BYTES);
      return FALSE;
    }
  if ((data = read_bounded (file, RP_PLAN_MAX_BYTES, &length, error)) == NULL)
    return FALSE;
  return rp_format_json_import (store, data, length, error);
}

/**
 * rp_sample_plan_load_full:
 * @summary: (out caller-allocates) (optional): the releases added and kept
 *
 * Adds the sample plan shipped in the resources (one undo step, "Load
 * sample plan"), without touching what is there: a release of the sample
 * that the store holds already, edited or not, is kept as it is
 * (RP_IMPORT_KEEP_EXISTING).
 */
gboolean
rp_sample_plan_load_full (RpStore *store, RpImportSummary *summary, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_resource_lookup_data (rp_core_get_resource (), SAMPLE_PLAN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return import_plan (store, data, length, RP_IMPORT_KEEP_EXISTING, summary, error);
}

/**
 * rp_sample_plan_load:
 *
 * rp_sample_plan_load_full() without the summary.
 */
gboolean
rp_sample_plan_load (RpStore *store, GError **error)
{
  return rp_sample_plan_load_full (store, NULL, error);
}
