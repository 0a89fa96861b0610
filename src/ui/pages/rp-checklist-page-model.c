/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-checklist-page-private.h"

/* The checklist page: the store read into the flat list of entries the
 * list view shows, at once when the release changes and when
 * RpReleasePage passes on what changed in the store (the writes of a
 * burst together). A tick or an edit of one item updates its entry only;
 * anything else reads the whole checklist again and splices what differs
 * into the list. */

static void
take_entry (RpChecklistPage *self, GPtrArray *next, GHashTable *next_by_key, RpChecklistEntryKind kind,
            RpRecord *record, const char *assignee_name, const RpProgress *progress, guint index,
            guint n_siblings, gboolean *items_changed)
{
  g_autofree char *key = rp_checklist_entry_make_key (kind, rp_record_get_id (record));
  RpChecklistEntry *entry = g_hash_table_lookup (self->by_key, key);

  if (entry != NULL)
    g_object_ref (entry);
  else
    entry = rp_checklist_entry_new (kind, rp_record_get_id (record));
  if (rp_checklist_entry_update (entry, record, assignee_name, progress, index, n_siblings) &&
      kind == RP_CHECKLIST_ENTRY_ITEM)
    *items_changed = TRUE;
  g_ptr_array_add (next, entry);
  g_hash_table_insert (next_by_key, g_steal_pointer (&key), g_object_ref (entry));
}

/* Splices what differs between the entries shown and @next. */
static void
apply_entries (RpChecklistPage *self, GPtrArray *next)
{
  guint n_old = self->shown->len;
  guint n_new = next->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n_old && prefix < n_new && self->shown->pdata[prefix] == next->pdata[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         self->shown->pdata[n_old - 1 - suffix] == next->pdata[n_new - 1 - suffix])
    suffix++;
  if (prefix + suffix < n_old || prefix + suffix < n_new)
    g_list_store_splice (self->entries, prefix, n_old - prefix - suffix, next->pdata + prefix,
                         n_new - prefix - suffix);
}

static void
add_progress (RpProgress *total, const RpProgress *part)
{
  total->open += part->open;
  total->done += part->done;
  total->na += part->na;
  total->total += part->total;
}

/* The release's progress: the sum of its sections'. */
static void
show_progress (RpChecklistPage *self, const RpProgress *total)
{
  g_autofree char *count = NULL;
  g_autofree char *caption = NULL;

  /* Translators: checklist items complete (done or not applicable) of all */
  count = g_strdup_printf (_("%u/%u"), total->done + total->na, total->total);
  gtk_label_set_text (self->progress_label, count);
  gtk_progress_bar_set_fraction (self->progress_bar, rp_progress_fraction (total));
  /* Translators: counts of checklist items */
  caption =
      g_strdup_printf (_("%u done · %u not applicable · %u open"), total->done, total->na, total->open);
  gtk_label_set_text (self->progress_caption, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  -1);
}

static void
refilter_if_needed (RpChecklistPage *self, gboolean items_changed)
{
  if (items_changed && _rp_checklist_page_filters_active (self))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
_rp_checklist_page_reload (RpChecklistPage *self)
{
  g_autoptr (GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) next_by_key =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  RpStore *store = rp_release_page_get_store (RP_RELEASE_PAGE (self));
  const char *release_id = rp_release_page_get_release_id (RP_RELEASE_PAGE (self));
  gboolean items_changed = FALSE;
  RpProgress total = { 0 };

  names = _rp_checklist_page_reload_people (self);
  if (release_id != NULL)
    release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, NULL);
  if (release != NULL)
    {
      sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
      for (guint s = 0; s < sections->len; s++)
        {
          RpRecord *section = sections->pdata[s];
          const char *section_id = rp_record_get_id (section);
          g_autoptr (GPtrArray) items = rp_store_list (store, RP_ENTITY_CHECKLIST_ITEM, section_id);
          RpProgress progress;

          rp_checklist_progress (store, NULL, section_id, &progress);
          add_progress (&total, &progress);
          take_entry (self, next, next_by_key, RP_CHECKLIST_ENTRY_SECTION, section, NULL, &progress, s,
                      sections->len, &items_changed);
          for (guint i = 0; i < items->len; i++)
            {
              RpRecord *item = items->pdata[i];
              const char *assignee = rp_checklist_item_get_assignee_id (RP_CHECKLIST_ITEM (item));

              take_entry (self, next, next_by_key, RP_CHECKLIST_ENTRY_ITEM, item,
                          assignee != NULL ? g_hash_table_lookup (names, assignee) : NULL, NULL, i,
                          items->len, &items_changed);
            }
          take_entry (self, next, next_by_key, RP_CHECKLIST_ENTRY_ADD, section, NULL, NULL, s, sections->len,
                      &items_changed);
        }
    }

  apply_entries (self, next);
  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&next);
  g_hash_table_unref (self->by_key);
  self->by_key = g_steal_pointer (&next_by_key);
  refilter_if_needed (self, items_changed);
  show_progress (self, &total);

  if (release == NULL)
    gtk_stack_set_visible_child_name (self->stack, "no-release");
  else if (sections->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  _rp_checklist_page_select_pending (self);
}

/* A tick or an edit of one item, which stays where it is: updates its
 * entry and the progress of its section without reading the whole
 * checklist again. FALSE when that is not enough. */
static gboolean
update_item (RpChecklistPage *self, const char *id)
{
  RpStore *store = rp_release_page_get_store (RP_RELEASE_PAGE (self));
  RpChecklistEntry *entry = _rp_checklist_page_lookup_entry (self, RP_CHECKLIST_ENTRY_ITEM, id);
  g_autoptr (RpRecord) item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, id, NULL);
  g_autoptr (RpRecord) person = NULL;
  RpChecklistEntry *section;
  RpRecord *shown;
  const char *assignee;
  gboolean item_changed;
  RpProgress progress;
  RpProgress total = { 0 };

  /* Added, deleted, moved: the list changes. */
  if (entry == NULL || item == NULL)
    return FALSE;
  shown = rp_checklist_entry_get_record (entry);
  if (g_strcmp0 (rp_checklist_item_get_section_id (RP_CHECKLIST_ITEM (item)),
                 rp_checklist_item_get_section_id (RP_CHECKLIST_ITEM (shown))) != 0 ||
      rp_record_get_position (item) != rp_record_get_position (shown))
    return FALSE;
  section = _rp_checklist_page_lookup_entry (self, RP_CHECKLIST_ENTRY_SECTION,
                                             rp_checklist_entry_get_section_id (entry));
  if (section == NULL)
    return FALSE;

  assignee = rp_checklist_item_get_assignee_id (RP_CHECKLIST_ITEM (item));
  if (assignee != NULL)
    person = rp_store_get (store, RP_ENTITY_PERSON, assignee, NULL);
  item_changed =
      rp_checklist_entry_update (entry, item, person != NULL ? rp_person_get_name (RP_PERSON (person)) : NULL,
                                 NULL, rp_checklist_entry_get_index (entry),
                                 rp_checklist_entry_get_n_siblings (entry));
  rp_checklist_progress (store, NULL, rp_checklist_entry_get_id (section), &progress);
  rp_checklist_entry_update (section, rp_checklist_entry_get_record (section), NULL, &progress,
                             rp_checklist_entry_get_index (section),
                             rp_checklist_entry_get_n_siblings (section));

  for (guint i = 0; i < self->shown->len; i++)
    {
      RpChecklistEntry *shown_entry = self->shown->pdata[i];

      if (rp_checklist_entry_get_kind (shown_entry) == RP_CHECKLIST_ENTRY_SECTION)
        add_progress (&total, rp_checklist_entry_get_progress (shown_entry));
    }
  show_progress (self, &total);
  refilter_if_needed (self, item_changed);
  return TRUE;
}

/* RpReleasePage's store_changed: the writes of a burst, together. */
void
_rp_checklist_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (page);

  if (entity == RP_ENTITY_CHECKLIST_ITEM && id != NULL && update_item (self, id))
    return;
  /* Another release: nothing this page shows. */
  if (entity == RP_ENTITY_RELEASE && id != NULL && g_strcmp0 (id, rp_release_page_get_release_id (page)) != 0)
    return;
  _rp_checklist_page_reload (self);
}
