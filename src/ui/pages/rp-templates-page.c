/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-field-row.h"
#include "rp-templates-page.h"
#include "rp-ui-util.h"

/* Keys of the data kept on rows and their widgets. */
#define ID_KEY "rp-id"
#define ENTITY_KEY "rp-entity"
#define DELTA_KEY "rp-delta"
#define SECTION_KEY "rp-section"

/* Rows of a section's list before its items: its name and the switch. */
#define ITEMS_OFFSET 2

struct _RpTemplatesPage
{
  AdwPreferencesPage parent_instance;

  /* owned */
  RpStore *store;
  gulong changed_id;
  guint reload_id;
  GHashTable *template_rows; /* id -> AdwExpanderRow (borrowed) */
  char *expand_id;           /* a template just added: open it */

  /* The subpage that edits one template, while it is shown: the editor
   * is owned by the window, and these are cleared when it goes. */
  char *editing_id;
  GtkWidget *editor;
  AdwWindowTitle *editor_title;
  GtkBox *sections_box;
  GtkWidget *no_sections;
  AdwEntryRow *new_section;
  GHashTable *section_groups; /* id -> AdwPreferencesGroup (borrowed) */

  /* borrowed: widgets */
  GtkWidget *templates_group;
  GtkListBox *templates_list;
};

G_DEFINE_FINAL_TYPE (RpTemplatesPage, rp_templates_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_editor (RpTemplatesPage *self);

/* Messages */

static AdwPreferencesWindow *
get_window (RpTemplatesPage *self)
{
  return ADW_PREFERENCES_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW));
}

static void
show_toast (RpTemplatesPage *self, AdwToast *toast)
{
  AdwPreferencesWindow *window = get_window (self);

  if (window != NULL)
    adw_preferences_window_add_toast (window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_failure (RpTemplatesPage *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  show_toast (self, adw_toast_new (escaped));
}

static void
on_undo_clicked_cb (AdwToast *toast, RpStore *store)
{
  g_autoptr (GError) error = NULL;

  if (rp_store_can_undo (store) && !rp_store_undo (store, &error))
    g_warning ("Could not undo: %s", error->message);
}

/* "“Standard release” deleted", with an Undo that undoes the last edit
 * (the delete, unless something else was changed since). */
static void
show_deleted (RpTemplatesPage *self, const char *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is the name of a template, a section or an item */
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), escaped);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), g_object_ref (self->store),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  show_toast (self, toast);
}

/* Text fields: saved on Enter, with the apply button and when the focus
 * leaves them; what is being typed is never replaced by a reload. */

/* Names pick templates (new --template NAME): they stay unique,
 * ignoring case, as rp_template_find() compares them. */
static gboolean
is_template_name_taken (RpTemplatesPage *self, const char *template_id, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) clash = rp_template_find (self->store, name, &error);

  return (clash != NULL && g_strcmp0 (rp_record_get_id (clash), template_id) != 0) ||
         g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS);
}

static gboolean
check_template_name (const char *template_id, const char *name, char **message, gpointer user_data)
{
  if (!is_template_name_taken (user_data, template_id, name))
    return TRUE;
  /* Translators: %s is the name of a checklist template */
  *message = g_strdup_printf (_("A template named “%s” exists already"), name);
  return FALSE;
}

static GtkWidget *
make_field (RpTemplatesPage *self, RpEntity entity, const char *id, const char *column, const char *title,
            const char *name)
{
  return rp_field_row_new (self->store, entity, id, column, title, name,
                           RP_FIELD_ROW_TRIM | RP_FIELD_ROW_APPLY_BUTTON, 0,
                           entity == RP_ENTITY_TEMPLATE ? check_template_name : NULL, self);
}

/* Buttons and lists */

static void on_move_clicked_cb (GtkButton *button, RpTemplatesPage *self);

/* An up or down button for a row of @entity. */
static GtkWidget *
make_move_button (RpTemplatesPage *self, RpEntity entity, const char *id, int delta, const char *label,
                  const char *name)
{
  GtkWidget *button =
      rp_field_row_icon_button_new (delta < 0 ? "go-up-symbolic" : "go-down-symbolic", label, name);

  g_object_set_data_full (G_OBJECT (button), ID_KEY, g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (button), ENTITY_KEY, GINT_TO_POINTER (entity));
  g_object_set_data (G_OBJECT (button), DELTA_KEY, GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked_cb), self);
  return button;
}

static void
set_id (gpointer object, const char *id)
{
  g_object_set_data_full (G_OBJECT (object), ID_KEY, g_strdup (id), g_free);
}

static void
set_move_sensitivity (GtkWidget *up, GtkWidget *down, guint at, guint n)
{
  gtk_widget_set_sensitive (up, at > 0);
  gtk_widget_set_sensitive (down, at + 1 < n);
}

/* Edits */

static void
on_move_clicked_cb (GtkButton *button, RpTemplatesPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), ID_KEY);
  RpEntity entity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), ENTITY_KEY));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), DELTA_KEY));
  g_autoptr (RpRecord) record = rp_store_get (self->store, entity, id, NULL);
  g_autoptr (GPtrArray) siblings = NULL;
  g_autoptr (GError) error = NULL;
  guint at = G_MAXUINT;

  if (record == NULL)
    return;
  /* Where it is now, as the store has it: the rows may not show it yet. */
  siblings = rp_store_list (self->store, entity, rp_record_get_parent_id (record));
  for (guint i = 0; i < siblings->len; i++)
    if (g_strcmp0 (rp_record_get_id (siblings->pdata[i]), id) == 0)
      at = i;
  if (at == G_MAXUINT || (delta < 0 && at == 0) || (delta > 0 && at + 1 >= siblings->len))
    return;
  if (!rp_store_move (self->store, entity, id, at + delta, &error))
    show_failure (self, error->message);
}

static void
delete_row (RpTemplatesPage *self, RpEntity entity, const char *id)
{
  g_autoptr (RpRecord) record = rp_store_get (self->store, entity, id, NULL);
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;

  if (record == NULL)
    return;
  name = g_strdup (rp_record_get_label (record));
  if (!rp_store_delete (self->store, entity, id, &error))
    {
      show_failure (self, error->message);
      return;
    }
  show_deleted (self, name);
}

static void
on_delete_template_clicked_cb (GtkButton *button, RpTemplatesPage *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), ID_KEY));

  delete_row (self, RP_ENTITY_TEMPLATE, id);
}

static void
on_remove_section_clicked_cb (GtkButton *button, RpTemplatesPage *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), ID_KEY));

  delete_row (self, RP_ENTITY_TEMPLATE_SECTION, id);
}

static void
on_remove_item_clicked_cb (GtkButton *button, RpTemplatesPage *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), ID_KEY));

  delete_row (self, RP_ENTITY_TEMPLATE_ITEM, id);
}

/* "New Template", or "New Template 2" when that is taken, and so on. */
static char *
make_unique_name (RpTemplatesPage *self)
{
  char *name = g_strdup (_("New Template"));

  for (guint n = 2; is_template_name_taken (self, NULL, name); n++)
    {
      g_free (name);
      /* Translators: a new template's name when "New Template" is taken */
      name = g_strdup_printf (_("New Template %u"), n);
    }
  return name;
}

static void
on_add_template_clicked_cb (GtkButton *button, RpTemplatesPage *self)
{
  g_autoptr (RpRecord) tmpl = rp_record_new (RP_ENTITY_TEMPLATE);
  g_autofree char *name = make_unique_name (self);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (tmpl, "name", name);
  g_free (self->expand_id);
  self->expand_id = g_strdup (rp_record_get_id (tmpl));
  if (!rp_store_insert (self->store, tmpl, &error))
    show_failure (self, error->message);
}

/* Adds a section or an item named by what was typed in @row. */
static void
add_child (RpTemplatesPage *self, AdwEntryRow *row, RpEntity entity, const char *parent_id)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);
  const char *parent_column = info->columns[info->parent_column].name;
  const char *column = entity == RP_ENTITY_TEMPLATE_ITEM ? "text" : "name";
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (RpRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  if (*text == '\0')
    {
      rp_ui_show_error (GTK_WIDGET (row), entity == RP_ENTITY_TEMPLATE_ITEM ? _("Type the item's text")
                                                                            : _("Type the section's name"));
      return;
    }
  record = rp_record_new (entity);
  rp_record_set_string (record, parent_column, parent_id);
  rp_record_set_string (record, column, text);
  if (!rp_store_insert (self->store, record, &error))
    {
      rp_ui_show_error (GTK_WIDGET (row), error->message);
      return;
    }
  rp_ui_show_error (GTK_WIDGET (row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_add_item_activated_cb (AdwEntryRow *row, RpTemplatesPage *self)
{
  add_child (self, row, RP_ENTITY_TEMPLATE_ITEM, g_object_get_data (G_OBJECT (row), ID_KEY));
}

static void
on_add_section_activated_cb (AdwEntryRow *row, RpTemplatesPage *self)
{
  if (self->editing_id != NULL)
    add_child (self, row, RP_ENTITY_TEMPLATE_SECTION, self->editing_id);
}

static void
on_deploy_switch_changed_cb (GtkSwitch *check, GParamSpec *pspec, RpTemplatesPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), ID_KEY);

  rp_ui_save_value (self->store, RP_ENTITY_TEMPLATE_SECTION, id, "complete_before_deploy",
                    g_variant_new_boolean (gtk_switch_get_active (check)), NULL);
}

/* The editor: one template's sections and items, on a subpage */

typedef struct
{
  char *id;
  GtkLabel *heading;
  GtkWidget *up;
  GtkWidget *down;
  GtkListBox *list;
  GtkWidget *name_row;
  GtkSwitch *deploy;
  GHashTable *item_rows; /* id -> AdwEntryRow (borrowed) */
} Section;

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->id);
  g_hash_table_unref (section->item_rows);
  g_free (section);
}

static void
on_item_menu_clicked_cb (GtkButton *button, GtkMenuButton *menu_button)
{
  gtk_menu_button_popdown (menu_button);
}

static GtkWidget *
make_menu_entry (GtkWidget *box, GtkWidget *menu_button, GtkWidget *button, const char *label)
{
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_widget_set_tooltip_text (button, NULL);
  g_signal_connect (button, "clicked", G_CALLBACK (on_item_menu_clicked_cb), menu_button);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

/* An item: its text to edit, and a menu to move or remove it (three
 * buttons would leave too little of the text on a phone). */
static GtkWidget *
make_item_row (RpTemplatesPage *self, const char *id)
{
  g_autofree char *name = g_strconcat ("item-", id, NULL);
  GtkWidget *row = make_field (self, RP_ENTITY_TEMPLATE_ITEM, id, "text", _("Item"), name);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *up = make_move_button (self, RP_ENTITY_TEMPLATE_ITEM, id, -1, _("Move Up"), "move-item-up");
  GtkWidget *down =
      make_move_button (self, RP_ENTITY_TEMPLATE_ITEM, id, 1, _("Move Down"), "move-item-down");
  GtkWidget *remove_button = rp_field_row_icon_button_new (NULL, _("Remove"), "remove-item");

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("Item Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Item Menu"), -1);
  gtk_widget_set_name (menu_button, "item-menu");
  gtk_widget_add_css_class (popover, "menu");
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);

  make_menu_entry (box, menu_button, up, _("Move _Up"));
  make_menu_entry (box, menu_button, down, _("Move _Down"));
  set_id (remove_button, id);
  g_signal_connect (remove_button, "clicked", G_CALLBACK (on_remove_item_clicked_cb), self);
  make_menu_entry (box, menu_button, remove_button, _("_Remove"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), menu_button);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);
  return row;
}

static GtkWidget *
make_section_group (RpTemplatesPage *self, const char *id)
{
  g_autofree char *name = g_strconcat ("section-", id, NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *remove_button =
      rp_field_row_icon_button_new ("user-trash-symbolic", _("Remove Section"), "remove-section");
  GtkWidget *deploy_row = adw_action_row_new ();
  GtkWidget *deploy = gtk_switch_new ();
  GtkWidget *new_item = adw_entry_row_new ();
  Section *section = g_new0 (Section, 1);

  section->id = g_strdup (id);
  section->item_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_set_name (group, name);
  g_object_set_data_full (G_OBJECT (group), SECTION_KEY, section, section_free);

  /* The section's name as a heading, its buttons beside it. The group's
   * own title is left empty: the name is the user's text, not markup. */
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  section->heading = GTK_LABEL (heading);
  section->up =
      make_move_button (self, RP_ENTITY_TEMPLATE_SECTION, id, -1, _("Move Section Up"), "move-section-up");
  section->down = make_move_button (self, RP_ENTITY_TEMPLATE_SECTION, id, 1, _("Move Section Down"),
                                    "move-section-down");
  gtk_box_append (GTK_BOX (header), section->up);
  gtk_box_append (GTK_BOX (header), section->down);
  set_id (remove_button, id);
  g_signal_connect (remove_button, "clicked", G_CALLBACK (on_remove_section_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), remove_button);
  gtk_widget_set_margin_bottom (header, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), header);

  section->list = rp_field_row_add_list (ADW_PREFERENCES_GROUP (group), NULL);
  section->name_row =
      make_field (self, RP_ENTITY_TEMPLATE_SECTION, id, "name", _("Section Name"), "section-name");
  gtk_list_box_append (section->list, section->name_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (deploy_row), _("Must Be Complete Before Deploy"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (deploy_row),
                               _("Readiness warns while any of its items is open"));
  gtk_widget_set_valign (deploy, GTK_ALIGN_CENTER);
  gtk_widget_set_name (deploy, "complete-before-deploy");
  set_id (deploy, id);
  g_signal_connect (deploy, "notify::active", G_CALLBACK (on_deploy_switch_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (deploy_row), deploy);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (deploy_row), deploy);
  gtk_list_box_append (section->list, deploy_row);
  section->deploy = GTK_SWITCH (deploy);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (new_item), _("Add an Item"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (new_item), TRUE);
  gtk_widget_set_name (new_item, "new-item");
  set_id (new_item, id);
  g_signal_connect (new_item, "entry-activated", G_CALLBACK (on_add_item_activated_cb), self);
  g_signal_connect (new_item, "apply", G_CALLBACK (on_add_item_activated_cb), self);
  gtk_list_box_append (section->list, new_item);
  return group;
}

static void
load_section (RpTemplatesPage *self, GtkWidget *group, RpRecord *record, guint at, guint n)
{
  Section *section = g_object_get_data (G_OBJECT (group), SECTION_KEY);
  g_autoptr (GPtrArray) items =
      rp_store_list (self->store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (record));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  RpTemplateSection *template_section = RP_TEMPLATE_SECTION (record);
  gboolean deploy = rp_template_section_get_complete_before_deploy (template_section);

  gtk_label_set_text (section->heading, rp_template_section_get_name (template_section));
  set_move_sensitivity (section->up, section->down, at, n);
  rp_field_row_show (section->name_row, rp_template_section_get_name (template_section));
  if (gtk_switch_get_active (section->deploy) != deploy)
    {
      g_signal_handlers_block_by_func (section->deploy, on_deploy_switch_changed_cb, self);
      gtk_switch_set_active (section->deploy, deploy);
      g_signal_handlers_unblock_by_func (section->deploy, on_deploy_switch_changed_cb, self);
    }

  for (guint i = 0; i < items->len; i++)
    {
      RpTemplateItem *item = items->pdata[i];
      const char *id = rp_record_get_id (RP_RECORD (item));
      GtkWidget *row = g_hash_table_lookup (section->item_rows, id);

      g_hash_table_add (seen, (gpointer) id);
      if (row == NULL)
        {
          row = make_item_row (self, id);
          g_hash_table_insert (section->item_rows, g_strdup (id), row);
        }
      rp_ui_list_box_place_row (section->list, row, ITEMS_OFFSET + i);
      rp_field_row_show (row, rp_template_item_get_text (item));
      set_move_sensitivity (g_object_get_data (G_OBJECT (row), "up"),
                            g_object_get_data (G_OBJECT (row), "down"), i, items->len);
    }
  rp_ui_list_box_remove_rows_not_in (section->list, section->item_rows, seen);
}

static void
close_editor (RpTemplatesPage *self)
{
  AdwPreferencesWindow *window = get_window (self);

  if (window != NULL && self->editor != NULL)
    adw_preferences_window_close_subpage (window);
}

static void
load_editor (RpTemplatesPage *self)
{
  g_autoptr (RpRecord) tmpl = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (GHashTable) seen = NULL;
  GtkWidget *previous = NULL;
  GHashTableIter iter;
  gpointer id, group;

  if (self->editor == NULL)
    return;
  tmpl = rp_store_get (self->store, RP_ENTITY_TEMPLATE, self->editing_id, NULL);
  if (tmpl == NULL)
    {
      /* Deleted (or its creation undone) while it was open. */
      close_editor (self);
      return;
    }
  adw_window_title_set_title (self->editor_title, rp_template_get_name (RP_TEMPLATE (tmpl)));

  sections = rp_store_list (self->store, RP_ENTITY_TEMPLATE_SECTION, self->editing_id);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < sections->len; i++)
    {
      RpRecord *record = sections->pdata[i];
      const char *section_id = rp_record_get_id (record);
      GtkWidget *section = g_hash_table_lookup (self->section_groups, section_id);

      g_hash_table_add (seen, (gpointer) section_id);
      if (section == NULL)
        {
          section = make_section_group (self, section_id);
          gtk_box_append (self->sections_box, section);
          g_hash_table_insert (self->section_groups, g_strdup (section_id), section);
        }
      if (gtk_widget_get_prev_sibling (section) != previous)
        gtk_box_reorder_child_after (self->sections_box, section, previous);
      load_section (self, section, record, i, sections->len);
      previous = section;
    }
  g_hash_table_iter_init (&iter, self->section_groups);
  while (g_hash_table_iter_next (&iter, &id, &group))
    if (!g_hash_table_contains (seen, id))
      {
        gtk_box_remove (self->sections_box, group);
        g_hash_table_iter_remove (&iter);
      }
  gtk_widget_set_visible (self->no_sections, sections->len == 0);
}

static void
on_editor_finalized_cb (gpointer data, GObject *where_the_editor_was)
{
  RpTemplatesPage *self = data;

  self->editor = NULL;
  self->editor_title = NULL;
  self->sections_box = NULL;
  self->no_sections = NULL;
  self->new_section = NULL;
  g_clear_pointer (&self->editing_id, g_free);
  g_hash_table_remove_all (self->section_groups);
}

static void
on_editor_back_clicked_cb (GtkButton *button, RpTemplatesPage *self)
{
  close_editor (self);
}

static GtkWidget *
make_editor (RpTemplatesPage *self)
{
  GtkWidget *editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = rp_field_row_icon_button_new ("go-previous-symbolic", _("Back"), "editor-back");
  GtkWidget *title = adw_window_title_new (NULL, _("Checklist Template"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *sections_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *no_sections = gtk_label_new (_("No sections yet: add the first one below."));
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *new_section = adw_entry_row_new ();

  gtk_widget_set_name (editor, "template-editor");
  g_signal_connect (back, "clicked", G_CALLBACK (on_editor_back_clicked_cb), self);
  gtk_widget_remove_css_class (back, "flat");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (editor), header);

  /* Laid out as an AdwPreferencesPage is, but with sections that can be
   * put in another order. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), sections_box);
  gtk_widget_add_css_class (no_sections, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (no_sections), TRUE);
  gtk_box_append (GTK_BOX (content), no_sections);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add_group), _("Add a Section"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (new_section), _("Section Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (new_section), TRUE);
  gtk_widget_set_name (new_section, "new-section");
  g_signal_connect (new_section, "entry-activated", G_CALLBACK (on_add_section_activated_cb), self);
  g_signal_connect (new_section, "apply", G_CALLBACK (on_add_section_activated_cb), self);
  gtk_list_box_append (rp_field_row_add_list (ADW_PREFERENCES_GROUP (add_group), NULL), new_section);
  gtk_box_append (GTK_BOX (content), add_group);

  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (editor), scrolled);

  self->editor_title = ADW_WINDOW_TITLE (title);
  self->sections_box = GTK_BOX (sections_box);
  self->no_sections = no_sections;
  self->new_section = ADW_ENTRY_ROW (new_section);
  return editor;
}

static void
on_edit_template_activated_cb (AdwActionRow *row, RpTemplatesPage *self)
{
  AdwPreferencesWindow *window = get_window (self);
  const char *id = g_object_get_data (G_OBJECT (row), ID_KEY);

  if (window == NULL)
    return;
  if (self->editor != NULL)
    {
      /* The last editor is still sliding away: let it go. */
      rp_field_row_flush_all (self->editor, TRUE);
      rp_field_row_flush_all (self->editor, FALSE);
      g_object_weak_unref (G_OBJECT (self->editor), on_editor_finalized_cb, self);
      on_editor_finalized_cb (self, NULL);
    }
  self->editing_id = g_strdup (id);
  self->editor = make_editor (self);
  g_object_weak_ref (G_OBJECT (self->editor), on_editor_finalized_cb, self);
  load_editor (self);
  adw_preferences_window_present_subpage (window, self->editor);
}

/* The list of templates */

static char *
describe_template (RpStore *store, const char *template_id)
{
  g_autoptr (GPtrArray) sections = rp_store_list (store, RP_ENTITY_TEMPLATE_SECTION, template_id);
  g_autofree char *n_sections = NULL;
  g_autofree char *n_items = NULL;
  guint items = 0;

  for (guint s = 0; s < sections->len; s++)
    {
      g_autoptr (GPtrArray) list =
          rp_store_list (store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (sections->pdata[s]));
      items += list->len;
    }
  n_sections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", sections->len),
                                sections->len);
  n_items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", items), items);
  /* Translators: "3 sections · 14 items" */
  return g_strdup_printf (_("%s · %s"), n_sections, n_items);
}

static GtkWidget *
make_template_row (RpTemplatesPage *self, const char *id)
{
  g_autofree char *name = g_strconcat ("template-", id, NULL);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row = make_field (self, RP_ENTITY_TEMPLATE, id, "name", _("Name"), "template-name");
  GtkWidget *edit_row = adw_action_row_new ();
  GtkWidget *position_row = adw_action_row_new ();
  GtkWidget *up =
      make_move_button (self, RP_ENTITY_TEMPLATE, id, -1, _("Move Template Up"), "move-template-up");
  GtkWidget *down =
      make_move_button (self, RP_ENTITY_TEMPLATE, id, 1, _("Move Template Down"), "move-template-down");
  GtkWidget *delete_button =
      rp_field_row_icon_button_new ("user-trash-symbolic", _("Delete Template"), "delete-template");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (edit_row), _("Sections and Items"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (edit_row), _("Add, rename, remove and reorder them"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (edit_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (edit_row), TRUE);
  gtk_widget_set_name (edit_row, "edit-template");
  set_id (edit_row, id);
  g_signal_connect (edit_row, "activated", G_CALLBACK (on_edit_template_activated_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), edit_row);

  /* The arrows inside: beside the expander's own arrow they would look
   * like it. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (position_row), _("Place in the List"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (position_row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (position_row), down);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), position_row);

  set_id (delete_button, id);
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_template_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete_button);
  g_object_set_data (G_OBJECT (row), "name-row", name_row);
  g_object_set_data (G_OBJECT (row), "position-row", position_row);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);
  return row;
}

static void
load_templates (RpTemplatesPage *self)
{
  g_autoptr (GPtrArray) templates = rp_store_list (self->store, RP_ENTITY_TEMPLATE, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < templates->len; i++)
    {
      RpTemplate *tmpl = templates->pdata[i];
      const char *id = rp_record_get_id (RP_RECORD (tmpl));
      GtkWidget *row = g_hash_table_lookup (self->template_rows, id);
      g_autofree char *subtitle = describe_template (self->store, id);

      g_hash_table_add (seen, (gpointer) id);
      if (row == NULL)
        {
          row = make_template_row (self, id);
          g_hash_table_insert (self->template_rows, g_strdup (id), row);
        }
      rp_ui_list_box_place_row (self->templates_list, row, i);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_template_get_name (tmpl));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      rp_field_row_show (g_object_get_data (G_OBJECT (row), "name-row"), rp_template_get_name (tmpl));
      set_move_sensitivity (g_object_get_data (G_OBJECT (row), "up"),
                            g_object_get_data (G_OBJECT (row), "down"), i, templates->len);
      {
        /* Translators: the place of a template in the list, "1 of 2" */
        g_autofree char *place = g_strdup_printf (_("%u of %u"), i + 1, templates->len);

        adw_action_row_set_subtitle (g_object_get_data (G_OBJECT (row), "position-row"), place);
      }
      if (g_strcmp0 (id, self->expand_id) == 0)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          g_clear_pointer (&self->expand_id, g_free);
        }
    }
  rp_ui_list_box_remove_rows_not_in (self->templates_list, self->template_rows, seen);
}

/* The store */

static gboolean
on_reload_idle_cb (gpointer data)
{
  RpTemplatesPage *self = data;

  self->reload_id = 0;
  load_templates (self);
  load_editor (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpTemplatesPage *self)
{
  /* A group (a delete with its sections and items, an undo) emits once
   * per row: reload once, after them all. */
  if ((entity == RP_ENTITY_TEMPLATE || entity == RP_ENTITY_TEMPLATE_SECTION ||
       entity == RP_ENTITY_TEMPLATE_ITEM || entity == RP_N_ENTITIES) &&
      self->reload_id == 0)
    self->reload_id = g_idle_add (on_reload_idle_cb, self);
}

/* Building */

static void
build (RpTemplatesPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add_button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Templates"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "checkbox-checked-symbolic");
  gtk_widget_set_name (GTK_WIDGET (self), "templates");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "templates");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Checklist Templates"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group),
      _("A new release's checklist can start from one of these, in this order"));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add_button), content);
  gtk_widget_add_css_class (add_button, "flat");
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add_button, _("Add a Template"));
  gtk_widget_set_name (add_button, "add-template");
  g_signal_connect (add_button, "clicked", G_CALLBACK (on_add_template_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  self->templates_group = group;

  self->templates_list = rp_field_row_add_list (ADW_PREFERENCES_GROUP (group),
                                                _("No templates: add one, or save a release's "
                                                   "checklist as a template from its checklist menu."));
}

/* GObject */

static void
rp_templates_page_constructed (GObject *object)
{
  RpTemplatesPage *self = RP_TEMPLATES_PAGE (object);

  G_OBJECT_CLASS (rp_templates_page_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  build (self);
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  load_templates (self);
}

static void
rp_templates_page_dispose (GObject *object)
{
  RpTemplatesPage *self = RP_TEMPLATES_PAGE (object);

  if (self->store != NULL)
    {
      /* What was typed a moment ago is kept. */
      rp_field_row_flush_all (GTK_WIDGET (self), TRUE);
      if (self->editor != NULL)
        rp_field_row_flush_all (self->editor, TRUE);
      g_clear_signal_handler (&self->changed_id, self->store);
    }
  /* The editor belongs to the window and may outlive the page. */
  if (self->editor != NULL)
    {
      rp_field_row_flush_all (self->editor, FALSE);
      g_object_weak_unref (G_OBJECT (self->editor), on_editor_finalized_cb, self);
      on_editor_finalized_cb (self, NULL);
    }
  rp_field_row_flush_all (GTK_WIDGET (self), FALSE);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_templates_page_parent_class)->dispose (object);
}

static void
rp_templates_page_finalize (GObject *object)
{
  RpTemplatesPage *self = RP_TEMPLATES_PAGE (object);

  g_clear_pointer (&self->template_rows, g_hash_table_unref);
  g_clear_pointer (&self->section_groups, g_hash_table_unref);
  g_clear_pointer (&self->expand_id, g_free);
  g_clear_pointer (&self->editing_id, g_free);

  G_OBJECT_CLASS (rp_templates_page_parent_class)->finalize (object);
}

static void
rp_templates_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpTemplatesPage *self = RP_TEMPLATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_templates_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpTemplatesPage *self = RP_TEMPLATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_templates_page_class_init (RpTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_templates_page_constructed;
  object_class->dispose = rp_templates_page_dispose;
  object_class->finalize = rp_templates_page_finalize;
  object_class->get_property = rp_templates_page_get_property;
  object_class->set_property = rp_templates_page_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_templates_page_init (RpTemplatesPage *self)
{
  self->template_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->section_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * rp_templates_page_new:
 *
 * Returns: (transfer floating): the Templates page of the preferences of @store
 */
GtkWidget *
rp_templates_page_new (RpStore *store)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_TEMPLATES_PAGE, "store", store, NULL);
}
