/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-checklist-item-dialog.h"
#include "rp-checklist-name-dialog.h"
#include "rp-checklist-page-private.h"
#include "rp-checklist-templates-dialog.h"

/* What the user does on the checklist page, as the page's actions, all
 * installed here (_rp_checklist_page_class_actions_init):
 *
 *   checklist.add-section, .apply-template, .save-template,
 *   .copy-markdown: the checklist menu and the empty state
 *   checklist.copy-section (s), .rename-section (s), .toggle-required (s),
 *   .section-up (s), .section-down (s), .delete-section (s): a section's
 *   menu, by section id
 *   checklist.edit-item (s): an item's edit button, Enter on an item
 *   checklist.set-state ((ss) item id, "open" | "done" | "na"): an item's
 *   check button and N/A toggle
 *   checklist.move-up, .move-down, .delete, .toggle: Alt+Up, Alt+Down,
 *   Delete and Space on the row with the focus (or else the selected one)
 *
 * and what the rows' signals ask for (adding an item, a drop). */

static void
toast_error (RpChecklistPage *self, const GError *error)
{
  _rp_checklist_page_show_toast (self, error->message);
}

/* Adding */

gboolean
_rp_checklist_page_add_item (RpChecklistPage *self, const char *section_id, const char *text, GError **error)
{
  RpStore *store = _rp_checklist_page_get_store (self);
  g_autoptr (RpRecord) item = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);

  rp_record_set_string (item, "section_id", section_id);
  rp_record_set_string (item, "text", text);
  /* While one person's items are shown, what is added is theirs. */
  if (self->assignee_filter != NULL && *self->assignee_filter != '\0')
    rp_record_set_string (item, "assignee_id", self->assignee_filter);
  if (!rp_store_insert (store, item, error))
    return FALSE;
  /* Selected, so that Alt+Up moves it at once. */
  _rp_checklist_page_set_select_key (self, RP_CHECKLIST_ENTRY_ITEM, rp_record_get_id (item), FALSE);
  return TRUE;
}

/* Asks for a name above the page's window; @func gets it. */
static void
ask_name (RpChecklistPage *self, const char *heading, const char *body, const char *initial,
          const char *ok_label, GCallback func, const char *subject)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RpChecklistNameDialog *dialog =
      rp_checklist_name_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body,
                                        initial, ok_label, subject);

  g_signal_connect_object (dialog, "name-chosen", func, self, 0);
}

static void
on_section_named_cb (RpChecklistNameDialog *dialog, const char *name, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *release_id = _rp_checklist_page_get_release_id (self);
  g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);
  g_autoptr (GError) error = NULL;

  if (release_id == NULL)
    return;
  rp_record_set_string (section, "release_id", release_id);
  rp_record_set_string (section, "name", name);
  if (!rp_store_insert (store, section, &error))
    {
      toast_error (self, error);
      return;
    }
  /* Ready to type its first item. */
  _rp_checklist_page_set_select_key (self, RP_CHECKLIST_ENTRY_ADD, rp_record_get_id (section), TRUE);
}

static void
add_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ask_name (RP_CHECKLIST_PAGE (widget), _("Add Section"), _("Sections group the items of the checklist."),
            NULL, _("_Add"), G_CALLBACK (on_section_named_cb), NULL);
}

/* Templates */

/* What the template added (only what the checklist lacked), with Undo;
 * or that it had everything already. */
static void
on_template_applied_cb (RpChecklistTemplatesDialog *dialog, const char *name, guint n_items, guint n_sections,
                        gpointer user_data)
{
  g_autofree char *title = NULL;

  if (n_items > 0)
    /* Translators: %s is the name of a checklist template */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u item of “%s”", "Added %u items of “%s”",
                                          n_items),
                             n_items, name);
  else if (n_sections > 0)
    /* Translators: %s is the name of a checklist template */
    title = g_strdup_printf (_("Added the sections of “%s”"), name);
  else
    /* Translators: %s is the name of a checklist template */
    title = g_strdup_printf (_("The checklist has every item of “%s” already"), name);
  _rp_checklist_page_show_toast_full (user_data, title, n_items + n_sections > 0);
}

static void
apply_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *release_id = _rp_checklist_page_get_release_id (self);
  GtkWidget *dialog;

  if (self->templates_dialog != NULL)
    gtk_window_destroy (self->templates_dialog);
  dialog = rp_checklist_templates_dialog_new (store, release_id);
  g_set_weak_pointer (&self->templates_dialog, GTK_WINDOW (dialog));
  g_object_bind_property (self, "release-id", dialog, "release-id", G_BINDING_DEFAULT);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_template_applied_cb), self, 0);
  _rp_checklist_page_present (self, GTK_WINDOW (dialog));
}

static void
on_template_named_cb (RpChecklistNameDialog *dialog, const char *name, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *release_id = _rp_checklist_page_get_release_id (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;

  if (release_id == NULL)
    return;
  id = rp_template_save_from_release (store, release_id, name, &error);
  if (id == NULL)
    {
      toast_error (self, error);
      return;
    }
  /* Translators: %s is the name of a checklist template */
  title = g_strdup_printf (_("Saved as template “%s”"), name);
  _rp_checklist_page_show_toast (self, title);
}

static void
save_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *release_id = _rp_checklist_page_get_release_id (self);
  g_autoptr (RpRecord) release = NULL;

  if (release_id == NULL || (release = rp_store_get (store, RP_ENTITY_RELEASE, release_id, NULL)) == NULL)
    return;
  ask_name (self, _("Save as Template"),
            _("New releases can start from the sections and items of this checklist."),
            rp_release_get_name (RP_RELEASE (release)), _("_Save"), G_CALLBACK (on_template_named_cb), NULL);
}

/* Copying */

static void
copy_markdown (RpChecklistPage *self, const char *section_id)
{
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *release_id = _rp_checklist_page_get_release_id (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *markdown = NULL;

  if (release_id == NULL)
    return;
  markdown = rp_format_markdown_checklist (store, release_id, section_id, &error);
  if (markdown == NULL)
    {
      toast_error (self, error);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), markdown);
  _rp_checklist_page_show_toast (self, _("Copied as Markdown"));
}

static void
copy_markdown_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  copy_markdown (RP_CHECKLIST_PAGE (widget), NULL);
}

static void
copy_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  copy_markdown (RP_CHECKLIST_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* Sections */

static void
on_section_renamed_cb (RpChecklistNameDialog *dialog, const char *name, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  RpStore *store = _rp_checklist_page_get_store (self);
  g_autoptr (RpRecord) section =
      rp_store_get (store, RP_ENTITY_CHECKLIST_SECTION, rp_checklist_name_dialog_get_subject (dialog), NULL);
  g_autoptr (GError) error = NULL;

  if (section == NULL)
    return;
  rp_record_set_string (section, "name", name);
  if (!rp_store_update (store, section, &error))
    toast_error (self, error);
}

static void
rename_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) section = rp_store_get (store, RP_ENTITY_CHECKLIST_SECTION, id, NULL);

  if (section != NULL)
    ask_name (self, _("Rename Section"), NULL,
              rp_checklist_section_get_name (RP_CHECKLIST_SECTION (section)), _("_Rename"),
              G_CALLBACK (on_section_renamed_cb), id);
}

static void
toggle_required_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) section = rp_store_get (store, RP_ENTITY_CHECKLIST_SECTION, id, NULL);
  g_autoptr (GError) error = NULL;

  if (section == NULL)
    return;
  rp_record_set_bool (section, "complete_before_deploy",
                      !rp_checklist_section_get_complete_before_deploy (RP_CHECKLIST_SECTION (section)));
  if (!rp_store_update (store, section, &error))
    toast_error (self, error);
}

/* Moving */

/* The index that @target has among the children of @parent_id, not
 * counting @moving; the children's count when @target is NULL. */
static guint
index_without (RpChecklistPage *self, RpEntity entity, const char *parent_id, const char *moving,
               const char *target)
{
  RpStore *store = _rp_checklist_page_get_store (self);
  g_autoptr (GPtrArray) siblings = rp_store_list (store, entity, parent_id);
  guint index = 0;

  for (guint i = 0; i < siblings->len; i++)
    {
      const char *id = rp_record_get_id (siblings->pdata[i]);

      if (g_strcmp0 (id, moving) == 0)
        continue;
      if (g_strcmp0 (id, target) == 0)
        return index;
      index++;
    }
  return index;
}

/* Puts an item at @index of a section, which may be another one: then
 * the change of section and the move are one undo step. */
static void
move_item_to (RpChecklistPage *self, const char *item_id, const char *section_id, guint index)
{
  RpStore *store = _rp_checklist_page_get_store (self);
  g_autoptr (RpRecord) item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, item_id, NULL);
  g_autoptr (RpRecord) moved = NULL;
  g_autoptr (GError) error = NULL;

  if (item == NULL)
    return;
  if (g_strcmp0 (rp_checklist_item_get_section_id (RP_CHECKLIST_ITEM (item)), section_id) == 0)
    {
      if (!rp_store_move (store, RP_ENTITY_CHECKLIST_ITEM, item_id, index, &error))
        toast_error (self, error);
      return;
    }
  moved = rp_record_copy (item);
  rp_record_set_string (moved, "section_id", section_id);
  if (!rp_store_begin (store, _("Move checklist item"), &error))
    {
      toast_error (self, error);
      return;
    }
  if (!rp_store_update (store, moved, &error) ||
      !rp_store_move (store, RP_ENTITY_CHECKLIST_ITEM, item_id, index, &error))
    {
      rp_store_rollback (store);
      toast_error (self, error);
      return;
    }
  if (!rp_store_commit (store, &error))
    toast_error (self, error);
}

static void
move_section_to (RpChecklistPage *self, const char *section_id, guint index)
{
  RpStore *store = _rp_checklist_page_get_store (self);
  g_autoptr (GError) error = NULL;

  if (!rp_store_move (store, RP_ENTITY_CHECKLIST_SECTION, section_id, index, &error))
    toast_error (self, error);
}

void
_rp_checklist_page_drop (RpChecklistPage *self, RpChecklistEntry *dragged, RpChecklistEntry *target,
                         gboolean after)
{
  const char *release_id = _rp_checklist_page_get_release_id (self);
  const char *dragged_id = rp_checklist_entry_get_id (dragged);
  const char *section_id = rp_checklist_entry_get_section_id (target);
  RpChecklistEntryKind target_kind = rp_checklist_entry_get_kind (target);
  guint index;

  /* Only rows of this list: a row dragged from another window showing
   * another release stays in its own. */
  if (g_hash_table_lookup (self->by_key, rp_checklist_entry_get_key (dragged)) != dragged)
    return;
  if (rp_checklist_entry_get_kind (dragged) == RP_CHECKLIST_ENTRY_ITEM)
    {
      if (target_kind == RP_CHECKLIST_ENTRY_ITEM)
        index = index_without (self, RP_ENTITY_CHECKLIST_ITEM, section_id, dragged_id,
                               rp_checklist_entry_get_id (target)) +
                (after ? 1 : 0);
      else if (target_kind == RP_CHECKLIST_ENTRY_SECTION)
        index = 0;
      else
        index = G_MAXUINT;
      move_item_to (self, dragged_id, section_id, index);
      _rp_checklist_page_set_select_key (self, RP_CHECKLIST_ENTRY_ITEM, dragged_id, TRUE);
    }
  else if (rp_checklist_entry_get_kind (dragged) == RP_CHECKLIST_ENTRY_SECTION)
    {
      if (g_strcmp0 (section_id, dragged_id) == 0)
        return;
      index = index_without (self, RP_ENTITY_CHECKLIST_SECTION, release_id, dragged_id, section_id);
      if (target_kind != RP_CHECKLIST_ENTRY_SECTION || after)
        index++;
      move_section_to (self, dragged_id, index);
      _rp_checklist_page_set_select_key (self, RP_CHECKLIST_ENTRY_SECTION, dragged_id, TRUE);
    }
}

/* Up (-1) or down (+1) by one: an item at the edge of its section goes
 * to the end or the start of the section next to it. */
static void
move_entry (RpChecklistPage *self, RpChecklistEntry *entry, int delta)
{
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *release_id = _rp_checklist_page_get_release_id (self);
  const char *id = rp_checklist_entry_get_id (entry);
  guint index = rp_checklist_entry_get_index (entry);
  guint n_siblings = rp_checklist_entry_get_n_siblings (entry);

  if (rp_checklist_entry_get_kind (entry) == RP_CHECKLIST_ENTRY_SECTION)
    {
      if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= n_siblings))
        return;
      move_section_to (self, id, index + delta);
      _rp_checklist_page_set_select_key (self, RP_CHECKLIST_ENTRY_SECTION, id, TRUE);
    }
  else if (rp_checklist_entry_get_kind (entry) == RP_CHECKLIST_ENTRY_ITEM)
    {
      const char *section_id = rp_checklist_entry_get_section_id (entry);

      if ((delta < 0 && index > 0) || (delta > 0 && index + 1 < n_siblings))
        move_item_to (self, id, section_id, index + delta);
      else
        {
          g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_CHECKLIST_SECTION, release_id);
          guint s;

          for (s = 0; s < sections->len; s++)
            if (g_strcmp0 (rp_record_get_id (sections->pdata[s]), section_id) == 0)
              break;
          if (s >= sections->len || (delta < 0 && s == 0) || (delta > 0 && s + 1 >= sections->len))
            return;
          move_item_to (self, id, rp_record_get_id (sections->pdata[s + delta]), delta < 0 ? G_MAXUINT : 0);
        }
      _rp_checklist_page_set_select_key (self, RP_CHECKLIST_ENTRY_ITEM, id, TRUE);
    }
}

static void
section_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry = _rp_checklist_page_lookup_entry (self, RP_CHECKLIST_ENTRY_SECTION,
                                                             g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    move_entry (self, entry, -1);
}

static void
section_down_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry = _rp_checklist_page_lookup_entry (self, RP_CHECKLIST_ENTRY_SECTION,
                                                             g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    move_entry (self, entry, +1);
}

/* Deleting */

/* The row to go on with once @entry is gone: the next item (or section)
 * shown, else the one before. */
static char *
dup_neighbour_key (RpChecklistPage *self, RpChecklistEntry *entry)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = _rp_checklist_page_find_position (self, rp_checklist_entry_get_key (entry));
  RpChecklistEntryKind wanted = rp_checklist_entry_get_kind (entry);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  for (guint i = position + 1; i < n; i++)
    {
      g_autoptr (RpChecklistEntry) next = g_list_model_get_item (model, i);

      if (rp_checklist_entry_get_kind (next) == wanted)
        return g_strdup (rp_checklist_entry_get_key (next));
      if (wanted == RP_CHECKLIST_ENTRY_ITEM)
        break;
    }
  for (guint i = position; i-- > 0;)
    {
      g_autoptr (RpChecklistEntry) previous = g_list_model_get_item (model, i);
      RpChecklistEntryKind kind = rp_checklist_entry_get_kind (previous);

      if (kind == wanted || (wanted == RP_CHECKLIST_ENTRY_ITEM && kind == RP_CHECKLIST_ENTRY_SECTION))
        return g_strdup (rp_checklist_entry_get_key (previous));
    }
  return NULL;
}

/* "Item “…”" or "Section “…”", for the toast that says it is deleted. */
static char *
describe (RpEntity entity, RpRecord *record)
{
  if (entity == RP_ENTITY_CHECKLIST_ITEM)
    /* Translators: %s is the text of a checklist item */
    return g_strdup_printf (_("Item “%s”"), rp_checklist_item_get_text (RP_CHECKLIST_ITEM (record)));
  /* Translators: %s is the name of a checklist section */
  return g_strdup_printf (_("Section “%s”"), rp_checklist_section_get_name (RP_CHECKLIST_SECTION (record)));
}

static void
delete_entry (RpChecklistPage *self, RpChecklistEntry *entry)
{
  RpStore *store = _rp_checklist_page_get_store (self);
  RpChecklistEntryKind kind = rp_checklist_entry_get_kind (entry);
  RpEntity entity = kind == RP_CHECKLIST_ENTRY_ITEM ? RP_ENTITY_CHECKLIST_ITEM : RP_ENTITY_CHECKLIST_SECTION;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *neighbour = NULL;

  if (kind == RP_CHECKLIST_ENTRY_ADD)
    return;
  what = describe (entity, rp_checklist_entry_get_record (entry));
  neighbour = dup_neighbour_key (self, entry);
  if (!rp_store_delete (store, entity, rp_checklist_entry_get_id (entry), &error))
    {
      toast_error (self, error);
      return;
    }
  rp_release_page_show_deleted (RP_RELEASE_PAGE (self), entity, rp_checklist_entry_get_id (entry), what);
  /* Delete, Delete, Delete goes down the list. */
  if (neighbour != NULL)
    {
      g_free (self->select_key);
      self->select_key = g_strdup (neighbour);
      g_free (self->focus_key);
      self->focus_key = _rp_checklist_page_has_focus_in_list (self) ? g_steal_pointer (&neighbour) : NULL;
    }
}

static void
delete_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry = _rp_checklist_page_lookup_entry (self, RP_CHECKLIST_ENTRY_SECTION,
                                                             g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    delete_entry (self, entry);
}

/* Items */

static void
on_item_deleted_cb (RpChecklistItemDialog *dialog, RpRecord *item, gpointer user_data)
{
  g_autofree char *what = describe (RP_ENTITY_CHECKLIST_ITEM, item);

  rp_release_page_show_deleted (RP_RELEASE_PAGE (user_data), RP_ENTITY_CHECKLIST_ITEM,
                                rp_record_get_id (item), what);
}

static void
edit_item_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpStore *store = _rp_checklist_page_get_store (self);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) item = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, id, NULL);
  GtkWidget *dialog;

  if (self->item_dialog != NULL)
    gtk_window_destroy (self->item_dialog);
  if (item == NULL)
    return;
  dialog = rp_checklist_item_dialog_new (store, id);
  g_set_weak_pointer (&self->item_dialog, GTK_WINDOW (dialog));
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (on_item_deleted_cb), self, 0);
  _rp_checklist_page_present (self, GTK_WINDOW (dialog));
}

static void
set_state (RpChecklistPage *self, const char *item_id, const char *state)
{
  RpStore *store = _rp_checklist_page_get_store (self);
  g_autoptr (GError) error = NULL;

  if (!rp_checklist_set_state (store, item_id, state, &error))
    {
      RpChecklistEntry *entry = _rp_checklist_page_lookup_entry (self, RP_CHECKLIST_ENTRY_ITEM, item_id);

      toast_error (self, error);
      /* Show what the store holds again. */
      if (entry != NULL)
        rp_checklist_entry_changed (entry);
    }
}

static void
set_state_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *item_id;
  const char *state;

  g_variant_get (parameter, "(&s&s)", &item_id, &state);
  set_state (RP_CHECKLIST_PAGE (widget), item_id, state);
}

/* The keys: on the row with the focus, or else the selected one. A key
 * pressed again before the last change was shown acts on what the store
 * holds now. */

static RpChecklistEntry *
get_current_entry (RpChecklistPage *self)
{
  rp_release_page_update_now (RP_RELEASE_PAGE (self));
  return _rp_checklist_page_get_current_entry (self);
}

static void
move_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry = get_current_entry (self);

  if (entry != NULL)
    move_entry (self, entry, -1);
}

static void
move_down_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry = get_current_entry (self);

  if (entry != NULL)
    move_entry (self, entry, +1);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry = get_current_entry (self);

  if (entry != NULL)
    delete_entry (self, entry);
}

static void
toggle_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry = get_current_entry (self);
  RpItemState state;

  if (entry == NULL || rp_checklist_entry_get_kind (entry) != RP_CHECKLIST_ENTRY_ITEM)
    return;
  state = rp_checklist_item_get_state (RP_CHECKLIST_ITEM (rp_checklist_entry_get_record (entry)));
  set_state (self, rp_checklist_entry_get_id (entry), state == RP_ITEM_STATE_DONE ? "open" : "done");
}

void
_rp_checklist_page_class_actions_init (RpChecklistPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct
  {
    const char *name;
    const char *parameter_type;
    GtkWidgetActionActivateFunc activate;
  } actions[] = {
    { "checklist.add-section", NULL, add_section_action },
    { "checklist.apply-template", NULL, apply_template_action },
    { "checklist.save-template", NULL, save_template_action },
    { "checklist.copy-markdown", NULL, copy_markdown_action },
    { "checklist.copy-section", "s", copy_section_action },
    { "checklist.rename-section", "s", rename_section_action },
    { "checklist.toggle-required", "s", toggle_required_action },
    { "checklist.section-up", "s", section_up_action },
    { "checklist.section-down", "s", section_down_action },
    { "checklist.delete-section", "s", delete_section_action },
    { "checklist.edit-item", "s", edit_item_action },
    { "checklist.set-state", "(ss)", set_state_action },
    { "checklist.move-up", NULL, move_up_action },
    { "checklist.move-down", NULL, move_down_action },
    { "checklist.delete", NULL, delete_action },
    { "checklist.toggle", NULL, toggle_action },
  };
  static const struct
  {
    guint key;
    GdkModifierType mods;
    const char *action;
  } keys[] = {
    { GDK_KEY_Up, GDK_ALT_MASK, "checklist.move-up" },
    { GDK_KEY_KP_Up, GDK_ALT_MASK, "checklist.move-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "checklist.move-down" },
    { GDK_KEY_KP_Down, GDK_ALT_MASK, "checklist.move-down" },
    { GDK_KEY_Delete, 0, "checklist.delete" },
    { GDK_KEY_KP_Delete, 0, "checklist.delete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
}
