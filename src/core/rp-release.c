/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-entity.h"
#include "rp-release.h"

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
copy_children (RpStore *store,
               RpEntity entity,
               const char *from_parent,
               const char *to_parent,
               GHashTable *new_ids,
               GError **error)
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
rp_release_duplicate (RpStore *store, const char *release_id, const char *name, const char *version, GError **error)
{
  const char *const cleared[] = { "summary", "code_complete", "testing_start", "testing_end", "deploy",
                                  "release_notes", "released_at", "postmortem_date", "feedback",
                                  "created_at", "updated_at" };
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

char *
rp_release_search_text (RpStore *store, const char *release_id)
{
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GPtrArray) scope = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (release_id != NULL, NULL);

  release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, NULL);
  if (release == NULL)
    return g_strdup ("");
  g_string_append_printf (text, "%s\n%s", rp_record_get_string (release, "name"),
                          rp_record_get_string (release, "version") ? rp_record_get_string (release, "version") : "");
  scope = rp_store_list (store, RP_ENTITY_SCOPE_ITEM, release_id);
  for (guint i = 0; i < scope->len; i++)
    g_string_append_printf (text, "\n%s", rp_record_get_string (scope->pdata[i], "title"));
  return g_utf8_casefold (text->str, -1);
}
