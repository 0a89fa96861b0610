/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-checklist-page-private.h"

/* The checklist page's filters: "Open Only" and one assignee (or the
 * unassigned items). They hide items, never the sections or the entries
 * that add items. */

static gboolean
filter_entry_cb (gpointer item, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  RpChecklistEntry *entry = item;
  RpRecord *record;
  const char *assignee;

  if (rp_checklist_entry_get_kind (entry) != RP_CHECKLIST_ENTRY_ITEM)
    return TRUE;
  record = rp_checklist_entry_get_record (entry);
  if (gtk_toggle_button_get_active (self->open_only_toggle) &&
      rp_checklist_item_get_state (RP_CHECKLIST_ITEM (record)) != RP_ITEM_STATE_OPEN)
    return FALSE;
  if (self->assignee_filter == NULL)
    return TRUE;
  assignee = rp_checklist_item_get_assignee_id (RP_CHECKLIST_ITEM (record));
  if (*self->assignee_filter == '\0')
    return assignee == NULL;
  return g_strcmp0 (assignee, self->assignee_filter) == 0;
}

gboolean
_rp_checklist_page_filters_active (RpChecklistPage *self)
{
  return gtk_toggle_button_get_active (self->open_only_toggle) || self->assignee_filter != NULL;
}

/* Shows every item again. */
void
_rp_checklist_page_filters_clear (RpChecklistPage *self)
{
  gtk_toggle_button_set_active (self->open_only_toggle, FALSE);
  gtk_drop_down_set_selected (self->assignee_dropdown, 0);
}

/* The people for the assignee filter; returns id -> name. */
GHashTable *
_rp_checklist_page_reload_people (RpChecklistPage *self)
{
  g_autoptr (GPtrArray) people = rp_store_list (_rp_checklist_page_get_store (self), RP_ENTITY_PERSON, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) labels = NULL;
  gboolean same = self->assignee_ids->len == people->len + 2;
  guint selected = 0;

  for (guint i = 0; i < people->len; i++)
    {
      RpRecord *person = people->pdata[i];

      g_hash_table_insert (names, g_strdup (rp_record_get_id (person)),
                           g_strdup (rp_person_get_name (RP_PERSON (person))));
      if (same && (g_strcmp0 (self->assignee_ids->pdata[i + 2], rp_record_get_id (person)) != 0 ||
                   g_strcmp0 (gtk_string_list_get_string (self->assignee_names, i + 2),
                              rp_person_get_name (RP_PERSON (person))) != 0))
        same = FALSE;
    }
  if (same)
    return names;

  self->updating_filters = TRUE;
  labels = g_ptr_array_new ();
  g_ptr_array_set_size (self->assignee_ids, 0);
  g_ptr_array_add (self->assignee_ids, NULL);
  g_ptr_array_add (self->assignee_ids, g_strdup (""));
  g_ptr_array_add (labels, _("Everyone"));
  g_ptr_array_add (labels, _("Unassigned"));
  for (guint i = 0; i < people->len; i++)
    {
      g_ptr_array_add (self->assignee_ids, g_strdup (rp_record_get_id (people->pdata[i])));
      g_ptr_array_add (labels, (char *) rp_person_get_name (RP_PERSON (people->pdata[i])));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->assignee_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->assignee_names)),
                          (const char *const *) labels->pdata);
  for (guint i = 0; i < self->assignee_ids->len; i++)
    if (g_strcmp0 (self->assignee_ids->pdata[i], self->assignee_filter) == 0)
      selected = i;
  if (selected == 0 && self->assignee_filter != NULL)
    {
      /* That person is gone: show everyone's items again. */
      g_clear_pointer (&self->assignee_filter, g_free);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }
  gtk_drop_down_set_selected (self->assignee_dropdown, selected);
  self->updating_filters = FALSE;
  return names;
}

static void
on_open_only_toggled_cb (GtkToggleButton *toggle, gpointer user_data)
{
  RpChecklistPage *self = user_data;

  gtk_filter_changed (GTK_FILTER (self->filter), gtk_toggle_button_get_active (toggle)
                                                     ? GTK_FILTER_CHANGE_MORE_STRICT
                                                     : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_assignee_selected_cb (GtkDropDown *drop_down, GParamSpec *pspec, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *id = selected < self->assignee_ids->len ? self->assignee_ids->pdata[selected] : NULL;

  if (self->updating_filters || g_strcmp0 (id, self->assignee_filter) == 0)
    return;
  g_free (self->assignee_filter);
  self->assignee_filter = g_strdup (id);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_name_set_up_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
on_name_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkStringObject *name = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (name));
}

static GtkListItemFactory *
make_name_factory (gboolean shortened)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_name_set_up_cb), GINT_TO_POINTER (shortened));
  g_signal_connect (factory, "bind", G_CALLBACK (on_name_bound_cb), NULL);
  return factory;
}

/* Makes the filter (self->filter) and sets up the filter's widgets. */
void
_rp_checklist_page_filters_init (RpChecklistPage *self)
{
  g_autoptr (GtkListItemFactory) button_factory = make_name_factory (TRUE);
  g_autoptr (GtkListItemFactory) list_factory = make_name_factory (FALSE);

  self->filter = gtk_custom_filter_new (filter_entry_cb, self, NULL);
  self->assignee_names = gtk_string_list_new (NULL);
  self->assignee_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_drop_down_set_model (self->assignee_dropdown, G_LIST_MODEL (self->assignee_names));
  /* A long name must not make the page wider than a phone: the button
   * shortens it, the list shows it whole. */
  gtk_drop_down_set_factory (self->assignee_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->assignee_dropdown, list_factory);
  g_signal_connect (self->open_only_toggle, "toggled", G_CALLBACK (on_open_only_toggled_cb), self);
  g_signal_connect (self->assignee_dropdown, "notify::selected", G_CALLBACK (on_assignee_selected_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assignee_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Assignee"), -1);
}
