/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-checklist-page.h"
#include "rp-date-row.h"
#include "rp-person-row.h"
#include "rp-ui-util.h"

/* The checklist of a release is one GtkListView over one flat list of
 * entries: per section a header, its items and an entry that adds an
 * item. Entries keep their identity across reloads (one per id), so a
 * change to an item only notifies its entry and the row showing it is
 * updated in place: no row is rebuilt and keyboard focus stays where it
 * was. Only additions, removals and moves splice the list. */

typedef enum
{
  ENTRY_SECTION,
  ENTRY_ITEM,
  ENTRY_ADD,
} EntryKind;

static const char *const entry_kind_names[] = { "section", "item", "add" };

#define RP_TYPE_CHECKLIST_ENTRY (rp_checklist_entry_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistEntry, rp_checklist_entry, RP, CHECKLIST_ENTRY, GObject)

struct _RpChecklistEntry
{
  GObject parent_instance;

  EntryKind kind;
  char *id;            /* the section's or the item's; ADD: the section's */
  char *key;           /* kind and id, unique in the list */
  RpRecord *record;    /* the section (SECTION, ADD) or the item */
  char *assignee_name; /* ITEM */
  RpProgress progress; /* SECTION */
  guint index;         /* among its siblings */
  guint n_siblings;
};

enum
{
  ENTRY_PROP_0,
  ENTRY_PROP_KIND,
  ENTRY_PROP_ID,
  ENTRY_PROP_RECORD,
  ENTRY_N_PROPS
};

static GParamSpec *entry_properties[ENTRY_N_PROPS];

G_DEFINE_FINAL_TYPE (RpChecklistEntry, rp_checklist_entry, G_TYPE_OBJECT)

static void
rp_checklist_entry_finalize (GObject *object)
{
  RpChecklistEntry *self = RP_CHECKLIST_ENTRY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->assignee_name, g_free);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (rp_checklist_entry_parent_class)->finalize (object);
}

static void
rp_checklist_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpChecklistEntry *self = RP_CHECKLIST_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_KIND: g_value_set_static_string (value, entry_kind_names[self->kind]); break;
    case ENTRY_PROP_ID: g_value_set_string (value, self->id); break;
    case ENTRY_PROP_RECORD: g_value_set_object (value, self->record); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_entry_class_init (RpChecklistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_checklist_entry_finalize;
  object_class->get_property = rp_checklist_entry_get_property;

  /* "section", "item" or "add" (the entry that adds an item). */
  entry_properties[ENTRY_PROP_KIND] =
      g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_ID] =
      g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Notifies whenever anything the row shows changed. */
  entry_properties[ENTRY_PROP_RECORD] =
      g_param_spec_object ("record", NULL, NULL, RP_TYPE_RECORD,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, ENTRY_N_PROPS, entry_properties);
}

static void
rp_checklist_entry_init (RpChecklistEntry *self)
{
}

static char *
make_key (EntryKind kind, const char *id)
{
  return g_strdup_printf ("%c:%s", "sia"[kind], id);
}

static RpChecklistEntry *
rp_checklist_entry_new (EntryKind kind, const char *id)
{
  RpChecklistEntry *self = g_object_new (RP_TYPE_CHECKLIST_ENTRY, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->key = make_key (kind, id);
  return self;
}

/* Returns whether anything changed (and then notifies). */
static gboolean
rp_checklist_entry_update (RpChecklistEntry *self, RpRecord *record, const char *assignee_name,
                           const RpProgress *progress, guint index, guint n_siblings)
{
  gboolean changed = FALSE;

  if (self->record == NULL || !rp_record_equal (self->record, record) ||
      rp_record_get_position (self->record) != rp_record_get_position (record))
    {
      g_set_object (&self->record, record);
      changed = TRUE;
    }
  if (g_strcmp0 (self->assignee_name, assignee_name) != 0)
    {
      g_free (self->assignee_name);
      self->assignee_name = g_strdup (assignee_name);
      changed = TRUE;
    }
  if (progress != NULL && memcmp (progress, &self->progress, sizeof *progress) != 0)
    {
      self->progress = *progress;
      changed = TRUE;
    }
  if (self->index != index || self->n_siblings != n_siblings)
    {
      self->index = index;
      self->n_siblings = n_siblings;
      changed = TRUE;
    }
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_RECORD]);
  return changed;
}

static const char *
entry_get_section_id (RpChecklistEntry *entry)
{
  if (entry->kind == ENTRY_ITEM)
    return rp_record_get_string (entry->record, "section_id");
  return entry->id;
}

/* What the page does for its rows; defined with the page below. */
static void page_set_item_state (RpChecklistPage *self, RpChecklistEntry *entry, const char *state);
static void page_add_item (RpChecklistPage *self, RpChecklistEntry *entry, GtkEditable *editable);
static void page_drop (RpChecklistPage *self, RpChecklistEntry *dragged, RpChecklistEntry *target,
                       gboolean after);

/* ---- The row: shows one entry of any kind ---- */

#define RP_TYPE_CHECKLIST_ROW (rp_checklist_row_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistRow, rp_checklist_row, RP, CHECKLIST_ROW, GtkWidget)

struct _RpChecklistRow
{
  GtkWidget parent_instance;

  /* borrowed */
  RpChecklistPage *page;

  /* owned */
  RpChecklistEntry *entry;
  gulong notify_id;
  int kind; /* of the widgets built, or -1 */
  double drag_x;
  double drag_y;
  gboolean updating;

  /* children; those of the kind built */
  GtkWidget *content;
  GtkWidget *check;
  GtkWidget *text_label;
  GtkWidget *subtitle_label;
  GtkWidget *notes_icon;
  GtkWidget *na_toggle;
  GtkWidget *edit_button;
  GtkWidget *name_label;
  GtkWidget *required_label;
  GtkWidget *count_label;
  GtkWidget *progress_bar;
  GtkWidget *menu_button;
  GtkWidget *add_entry;
};

G_DEFINE_FINAL_TYPE (RpChecklistRow, rp_checklist_row, GTK_TYPE_WIDGET)

static void
on_item_check_toggled_cb (GtkCheckButton *check, gpointer user_data)
{
  RpChecklistRow *self = user_data;

  if (self->updating || self->entry == NULL || self->entry->kind != ENTRY_ITEM)
    return;
  page_set_item_state (self->page, self->entry,
                       gtk_check_button_get_active (check) ? "done" : "open");
}

static void
on_item_na_toggled_cb (GtkToggleButton *toggle, gpointer user_data)
{
  RpChecklistRow *self = user_data;

  if (self->updating || self->entry == NULL || self->entry->kind != ENTRY_ITEM)
    return;
  page_set_item_state (self->page, self->entry,
                       gtk_toggle_button_get_active (toggle) ? "na" : "open");
}

static void
on_add_entry_activated_cb (GtkEntry *entry, gpointer user_data)
{
  RpChecklistRow *self = user_data;

  if (self->entry != NULL && self->entry->kind == ENTRY_ADD)
    page_add_item (self->page, self->entry, GTK_EDITABLE (entry));
}

static GtkWidget *
make_icon_button (const char *icon_name, const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static GtkWidget *
make_drag_handle (void)
{
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

  /* No tooltip: it is one more thing to make for every row, and the
   * list's description says how to move rows. */
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_valign (handle, GTK_ALIGN_CENTER);
  return handle;
}

static void
build_item (RpChecklistRow *self)
{
  GtkWidget *labels;

  self->content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->content, "checklist-item");

  gtk_box_append (GTK_BOX (self->content), make_drag_handle ());

  self->check = gtk_check_button_new ();
  gtk_widget_set_name (self->check, "item-check");
  gtk_widget_set_valign (self->check, GTK_ALIGN_CENTER);
  g_signal_connect (self->check, "toggled", G_CALLBACK (on_item_check_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->content), self->check);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  self->text_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->text_label, "item-text");
  gtk_widget_add_css_class (self->text_label, "checklist-text");
  gtk_label_set_xalign (GTK_LABEL (self->text_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (self->text_label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_width_chars (GTK_LABEL (self->text_label), 12);
  gtk_box_append (GTK_BOX (labels), self->text_label);
  self->subtitle_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->subtitle_label, "caption");
  gtk_widget_add_css_class (self->subtitle_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), self->subtitle_label);
  gtk_box_append (GTK_BOX (self->content), labels);

  self->notes_icon = gtk_image_new_from_icon_name ("text-x-generic-symbolic");
  gtk_widget_add_css_class (self->notes_icon, "dim-label");
  gtk_widget_set_valign (self->notes_icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->content), self->notes_icon);

  self->na_toggle = gtk_toggle_button_new_with_label (_("N/A"));
  gtk_widget_set_name (self->na_toggle, "na-toggle");
  gtk_widget_add_css_class (self->na_toggle, "checklist-na");
  gtk_widget_add_css_class (self->na_toggle, "flat");
  gtk_widget_set_valign (self->na_toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->na_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not applicable"), -1);
  g_signal_connect (self->na_toggle, "toggled", G_CALLBACK (on_item_na_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->content), self->na_toggle);

  self->edit_button = make_icon_button ("document-edit-symbolic", _("Edit Item"));
  gtk_widget_set_name (self->edit_button, "edit-item-button");
  gtk_box_append (GTK_BOX (self->content), self->edit_button);
}

static void on_section_menu_opened_cb (GtkMenuButton *button, gpointer user_data);

static void
build_section (RpChecklistRow *self)
{
  GtkWidget *top;

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (self->content, "checklist-section");

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (top), make_drag_handle ());

  self->name_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->name_label, "section-name");
  gtk_widget_add_css_class (self->name_label, "heading");
  gtk_widget_set_hexpand (self->name_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->name_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->name_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (top), self->name_label);

  self->required_label = gtk_label_new (_("Before deploy"));
  gtk_widget_add_css_class (self->required_label, "checklist-required");
  gtk_widget_set_valign (self->required_label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->required_label, _("Must be complete before the deploy"));
  gtk_box_append (GTK_BOX (top), self->required_label);

  self->count_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->count_label, "section-progress-label");
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_add_css_class (self->count_label, "checklist-count");
  gtk_box_append (GTK_BOX (top), self->count_label);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->menu_button, _("Section Menu"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button),
                                         on_section_menu_opened_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Section Menu"), -1);
  gtk_box_append (GTK_BOX (top), self->menu_button);
  gtk_box_append (GTK_BOX (self->content), top);

  self->progress_bar = gtk_progress_bar_new ();
  gtk_box_append (GTK_BOX (self->content), self->progress_bar);
}

static void
build_add (RpChecklistRow *self)
{
  self->content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->content, "checklist-add");

  self->add_entry = gtk_entry_new ();
  gtk_widget_set_name (self->add_entry, "add-item-entry");
  gtk_widget_set_hexpand (self->add_entry, TRUE);
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (self->add_entry), GTK_ENTRY_ICON_PRIMARY,
                                     "list-add-symbolic");
  g_signal_connect (self->add_entry, "activate", G_CALLBACK (on_add_entry_activated_cb), self);
  gtk_box_append (GTK_BOX (self->content), self->add_entry);
}

static void
rp_checklist_row_build (RpChecklistRow *self, EntryKind kind)
{
  if (self->kind == (int) kind)
    return;

  g_clear_pointer (&self->content, gtk_widget_unparent);
  self->check = self->text_label = self->subtitle_label = self->notes_icon = self->na_toggle = NULL;
  self->edit_button = NULL;
  self->name_label = self->required_label = self->count_label = self->progress_bar = NULL;
  self->menu_button = self->add_entry = NULL;

  switch (kind)
    {
    case ENTRY_ITEM: build_item (self); break;
    case ENTRY_SECTION: build_section (self); break;
    case ENTRY_ADD: build_add (self); break;
    default: g_assert_not_reached ();
    }
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
  self->kind = kind;
}

static char *
format_timestamp_date (const char *timestamp)
{
  g_autofree char *date = NULL;

  if (timestamp == NULL || strlen (timestamp) < 10)
    return NULL;
  date = g_strndup (timestamp, 10);
  return rp_ui_format_date (date);
}

static void
update_item (RpChecklistRow *self)
{
  RpRecord *record = self->entry->record;
  const char *text = rp_record_get_string (record, "text");
  const char *state = rp_record_get_string (record, "state");
  const char *notes = rp_record_get_string (record, "notes");
  gboolean done = g_strcmp0 (state, "done") == 0;
  gboolean na = g_strcmp0 (state, "na") == 0;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PangoAttrList) attrs = NULL;
  g_autofree char *subtitle = NULL;

  self->updating = TRUE;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->check)) != done)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), done);
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->na_toggle)) != na)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->na_toggle), na);
  self->updating = FALSE;

  gtk_label_set_text (GTK_LABEL (self->text_label), text);
  if (na)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
    }
  gtk_label_set_attributes (GTK_LABEL (self->text_label), attrs);
  if (na)
    gtk_widget_add_css_class (self->content, "na");
  else
    gtk_widget_remove_css_class (self->content, "na");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  if (self->entry->assignee_name != NULL)
    g_ptr_array_add (parts, g_strdup (self->entry->assignee_name));
  if (!rp_record_is_null (record, "due"))
    {
      g_autofree char *due = rp_ui_format_date (rp_record_get_string (record, "due"));
      /* Translators: %s is a date */
      g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), due));
    }
  if (na)
    g_ptr_array_add (parts, g_strdup (_("Not applicable")));
  else if (done && !rp_record_is_null (record, "done_at"))
    {
      g_autofree char *when = format_timestamp_date (rp_record_get_string (record, "done_at"));
      /* Translators: %s is a date */
      if (when != NULL)
        g_ptr_array_add (parts, g_strdup_printf (_("Done %s"), when));
    }
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle);
  gtk_widget_set_visible (self->subtitle_label, *subtitle != '\0');

  gtk_widget_set_visible (self->notes_icon, notes != NULL && *notes != '\0');
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->notes_icon), notes) != 0)
    gtk_widget_set_tooltip_text (self->notes_icon, notes);

  /* The target first: an action with a parameter and no target warns. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", self->entry->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "checklist.edit-item");
}

static GMenuModel *
make_section_menu (RpChecklistEntry *entry)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) edit = g_menu_new ();
  g_autoptr (GMenu) move = g_menu_new ();
  g_autoptr (GMenu) remove = g_menu_new ();
  g_autoptr (GMenuItem) item = NULL;
  gboolean required = rp_record_get_bool (entry->record, "complete_before_deploy");

  item = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target (item, "checklist.rename-section", "s", entry->id);
  g_menu_append_item (edit, item);
  g_clear_object (&item);

  item = g_menu_item_new (
      required ? _("_Not Required Before Deploy") : _("_Required Before Deploy"), NULL);
  g_menu_item_set_action_and_target (item, "checklist.toggle-required", "s", entry->id);
  g_menu_append_item (edit, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Copy as Markdown"), NULL);
  g_menu_item_set_action_and_target (item, "checklist.copy-section", "s", entry->id);
  g_menu_append_item (edit, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Move _Up"), NULL);
  g_menu_item_set_action_and_target (item, "checklist.section-up", "s", entry->id);
  g_menu_append_item (move, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Move _Down"), NULL);
  g_menu_item_set_action_and_target (item, "checklist.section-down", "s", entry->id);
  g_menu_append_item (move, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Delete Section"), NULL);
  g_menu_item_set_action_and_target (item, "checklist.delete-section", "s", entry->id);
  g_menu_append_item (remove, item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  return G_MENU_MODEL (menu);
}

/* Made when it opens, not for every section shown. */
static void
on_section_menu_opened_cb (GtkMenuButton *button, gpointer user_data)
{
  RpChecklistRow *self = user_data;
  g_autoptr (GMenuModel) menu = NULL;

  if (self->entry == NULL || self->entry->kind != ENTRY_SECTION)
    return;
  menu = make_section_menu (self->entry);
  gtk_menu_button_set_menu_model (button, menu);
}

static void
update_section (RpChecklistRow *self)
{
  RpChecklistEntry *entry = self->entry;
  const RpProgress *p = &entry->progress;
  g_autofree char *count = g_strdup_printf ("%u/%u", p->done + p->na, p->total);

  gtk_label_set_text (GTK_LABEL (self->name_label), rp_record_get_string (entry->record, "name"));
  gtk_widget_set_visible (self->required_label,
                          rp_record_get_bool (entry->record, "complete_before_deploy"));
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), rp_progress_fraction (p));
}

static void
update_add (RpChecklistRow *self)
{
  g_autofree char *placeholder =
      g_strdup_printf (_("Add an item to %s"), rp_record_get_string (self->entry->record, "name"));

  gtk_entry_set_placeholder_text (GTK_ENTRY (self->add_entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
}

static void
rp_checklist_row_update (RpChecklistRow *self)
{
  switch (self->entry->kind)
    {
    case ENTRY_ITEM: update_item (self); break;
    case ENTRY_SECTION: update_section (self); break;
    case ENTRY_ADD: update_add (self); break;
    default: g_assert_not_reached ();
    }
}

static void
on_entry_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  rp_checklist_row_update (user_data);
}

static void
rp_checklist_row_bind (RpChecklistRow *self, RpChecklistEntry *entry)
{
  g_assert (self->entry == NULL);

  self->entry = g_object_ref (entry);
  rp_checklist_row_build (self, entry->kind);
  self->notify_id =
      g_signal_connect (entry, "notify::record", G_CALLBACK (on_entry_changed_cb), self);
  rp_checklist_row_update (self);
}

static void
rp_checklist_row_unbind (RpChecklistRow *self)
{
  if (self->entry == NULL)
    return;
  g_clear_signal_handler (&self->notify_id, self->entry);
  g_clear_object (&self->entry);
}

static GdkContentProvider *
on_row_drag_prepared_cb (GtkDragSource *source, double x, double y, gpointer user_data)
{
  RpChecklistRow *self = user_data;

  if (self->entry == NULL || self->entry->kind == ENTRY_ADD)
    return NULL;
  self->drag_x = x;
  self->drag_y = y;
  return gdk_content_provider_new_typed (RP_TYPE_CHECKLIST_ENTRY, self->entry);
}

static void
on_row_drag_began_cb (GtkDragSource *source, GdkDrag *drag, gpointer user_data)
{
  RpChecklistRow *self = user_data;
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, (int) self->drag_x, (int) self->drag_y);
}

static gboolean
on_row_dropped_cb (GtkDropTarget *target, const GValue *value, double x, double y,
                   gpointer user_data)
{
  RpChecklistRow *self = user_data;
  RpChecklistEntry *dragged;

  if (self->entry == NULL || !G_VALUE_HOLDS (value, RP_TYPE_CHECKLIST_ENTRY))
    return FALSE;
  dragged = g_value_get_object (value);
  if (dragged == NULL || dragged == self->entry)
    return FALSE;
  page_drop (self->page, dragged, self->entry, y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  return TRUE;
}

static void
rp_checklist_row_dispose (GObject *object)
{
  RpChecklistRow *self = RP_CHECKLIST_ROW (object);

  rp_checklist_row_unbind (self);
  g_clear_pointer (&self->content, gtk_widget_unparent);

  G_OBJECT_CLASS (rp_checklist_row_parent_class)->dispose (object);
}

static void
rp_checklist_row_class_init (RpChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_checklist_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rp_checklist_row_init (RpChecklistRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (RP_TYPE_CHECKLIST_ENTRY, GDK_ACTION_MOVE);

  self->kind = -1;

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_row_drag_prepared_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_row_drag_began_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "drop", G_CALLBACK (on_row_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static GtkWidget *
rp_checklist_row_new (RpChecklistPage *page)
{
  RpChecklistRow *self = g_object_new (RP_TYPE_CHECKLIST_ROW, NULL);

  self->page = page;
  return GTK_WIDGET (self);
}

/* ---- The item editor: a small window with every field of one item ---- */

typedef struct
{
  /* owned */
  RpStore *store;
  char *item_id;
  gulong changed_id;
  guint text_save_id;
  guint notes_save_id;
  gboolean updating;

  /* borrowed: the widgets of the window, which owns this struct */
  RpChecklistPage *page;
  GtkWindow *window;
  AdwEntryRow *text_row;
  AdwComboRow *state_row;
  RpPersonRow *person_row;
  RpDateRow *due_row;
  GtkTextView *notes_view;
} ItemEditor;

/* Forward: the page forgets its editor when the editor goes away. */
static void page_editor_closed (RpChecklistPage *self, ItemEditor *editor);
static void page_toast_deleted (RpChecklistPage *self, const char *what);

static void
item_editor_save_text (ItemEditor *editor)
{
  g_clear_handle_id (&editor->text_save_id, g_source_remove);
  rp_ui_save_value (editor->store, RP_ENTITY_CHECKLIST_ITEM, editor->item_id, "text",
                    g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (editor->text_row))),
                    GTK_WIDGET (editor->text_row));
}

static void
item_editor_save_notes (ItemEditor *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;

  g_clear_handle_id (&editor->notes_save_id, g_source_remove);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  rp_ui_save_value (editor->store, RP_ENTITY_CHECKLIST_ITEM, editor->item_id, "notes",
                    *notes != '\0' ? g_variant_new_string (notes) : NULL,
                    GTK_WIDGET (editor->notes_view));
}

static gboolean
on_text_typing_paused_cb (gpointer user_data)
{
  ItemEditor *editor = user_data;

  editor->text_save_id = 0;
  item_editor_save_text (editor);
  return G_SOURCE_REMOVE;
}

static gboolean
on_notes_typing_paused_cb (gpointer user_data)
{
  ItemEditor *editor = user_data;

  editor->notes_save_id = 0;
  item_editor_save_notes (editor);
  return G_SOURCE_REMOVE;
}

/* Shows what the store holds, leaving alone a field with an edit that is
 * still to be saved (the user is typing there). */
static void
item_editor_load (ItemEditor *editor)
{
  g_autoptr (RpRecord) item =
      rp_store_get (editor->store, RP_ENTITY_CHECKLIST_ITEM, editor->item_id, NULL);
  const char *notes;
  guint state;

  if (item == NULL)
    {
      gtk_window_destroy (editor->window);
      return;
    }

  editor->updating = TRUE;
  if (editor->text_save_id == 0 &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editor->text_row)),
                 rp_record_get_string (item, "text")) != 0)
    gtk_editable_set_text (GTK_EDITABLE (editor->text_row), rp_record_get_string (item, "text"));
  state = rp_ui_enum_index (rp_item_states, rp_record_get_string (item, "state"));
  if (adw_combo_row_get_selected (editor->state_row) != state)
    adw_combo_row_set_selected (editor->state_row, state);
  if (g_strcmp0 (rp_person_row_get_person_id (editor->person_row),
                 rp_record_get_string (item, "assignee_id")) != 0)
    rp_person_row_set_person_id (editor->person_row, rp_record_get_string (item, "assignee_id"));
  if (g_strcmp0 (rp_date_row_get_date (editor->due_row), rp_record_get_string (item, "due")) != 0)
    rp_date_row_set_date (editor->due_row, rp_record_get_string (item, "due"));
  notes = rp_record_get_string (item, "notes");
  if (editor->notes_save_id == 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor->notes_view);
      GtkTextIter start, end;
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, notes != NULL ? notes : "") != 0)
        gtk_text_buffer_set_text (buffer, notes != NULL ? notes : "", -1);
    }
  editor->updating = FALSE;
}

static void
on_editor_store_changed_cb (RpStore *store, int entity, const char *id, gpointer user_data)
{
  ItemEditor *editor = user_data;

  if (entity == RP_N_ENTITIES ||
      (entity == RP_ENTITY_CHECKLIST_ITEM && g_strcmp0 (id, editor->item_id) == 0))
    item_editor_load (editor);
}

static void
on_editor_text_changed_cb (GtkEditable *editable, gpointer user_data)
{
  ItemEditor *editor = user_data;

  if (editor->updating)
    return;
  g_clear_handle_id (&editor->text_save_id, g_source_remove);
  editor->text_save_id = g_timeout_add (500, on_text_typing_paused_cb, editor);
}

static void
on_editor_text_activated_cb (AdwEntryRow *row, gpointer user_data)
{
  item_editor_save_text (user_data);
}

static void
on_editor_notes_changed_cb (GtkTextBuffer *buffer, gpointer user_data)
{
  ItemEditor *editor = user_data;

  if (editor->updating)
    return;
  g_clear_handle_id (&editor->notes_save_id, g_source_remove);
  editor->notes_save_id = g_timeout_add (500, on_notes_typing_paused_cb, editor);
}

static void
on_editor_state_selected_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  ItemEditor *editor = user_data;
  g_autoptr (GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (editor->updating || selected >= g_strv_length ((char **) rp_item_states))
    return;
  if (!rp_checklist_set_state (editor->store, editor->item_id, rp_item_states[selected], &error))
    rp_ui_show_error (GTK_WIDGET (row), error->message);
  else
    rp_ui_show_error (GTK_WIDGET (row), NULL);
}

static void
on_editor_person_changed_cb (RpPersonRow *row, GParamSpec *pspec, gpointer user_data)
{
  ItemEditor *editor = user_data;
  const char *person_id = rp_person_row_get_person_id (row);

  if (editor->updating)
    return;
  rp_ui_save_value (editor->store, RP_ENTITY_CHECKLIST_ITEM, editor->item_id, "assignee_id",
                    person_id != NULL ? g_variant_new_string (person_id) : NULL, GTK_WIDGET (row));
}

static void
on_editor_due_changed_cb (RpDateRow *row, GParamSpec *pspec, gpointer user_data)
{
  ItemEditor *editor = user_data;
  const char *date = rp_date_row_get_date (row);

  if (editor->updating)
    return;
  rp_ui_save_value (editor->store, RP_ENTITY_CHECKLIST_ITEM, editor->item_id, "due",
                    date != NULL ? g_variant_new_string (date) : NULL, GTK_WIDGET (row));
}

static void
on_editor_delete_clicked_cb (GtkButton *button, gpointer user_data)
{
  ItemEditor *editor = user_data;
  g_autoptr (RpRecord) item =
      rp_store_get (editor->store, RP_ENTITY_CHECKLIST_ITEM, editor->item_id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  RpChecklistPage *page = editor->page;

  if (item == NULL)
    return;
  /* Translators: %s is the text of a checklist item */
  what = g_strdup_printf (_("Item “%s”"), rp_record_get_string (item, "text"));
  g_clear_handle_id (&editor->text_save_id, g_source_remove);
  g_clear_handle_id (&editor->notes_save_id, g_source_remove);
  if (!rp_store_delete (editor->store, RP_ENTITY_CHECKLIST_ITEM, editor->item_id, &error))
    {
      rp_ui_show_error (GTK_WIDGET (button), error->message);
      return;
    }
  gtk_window_destroy (editor->window);
  if (page != NULL)
    page_toast_deleted (page, what);
}

static gboolean
on_editor_close_requested_cb (GtkWindow *window, gpointer user_data)
{
  ItemEditor *editor = user_data;

  /* Whatever is still being typed is saved, not lost. */
  if (editor->text_save_id != 0)
    item_editor_save_text (editor);
  if (editor->notes_save_id != 0)
    item_editor_save_notes (editor);
  return FALSE;
}

static void
item_editor_free (gpointer data)
{
  ItemEditor *editor = data;

  if (editor->page != NULL)
    page_editor_closed (editor->page, editor);
  g_clear_handle_id (&editor->text_save_id, g_source_remove);
  g_clear_handle_id (&editor->notes_save_id, g_source_remove);
  g_clear_signal_handler (&editor->changed_id, editor->store);
  g_clear_object (&editor->store);
  g_clear_pointer (&editor->item_id, g_free);
  g_free (editor);
}

static void
add_escape_closes (GtkWindow *window)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                        gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}

/* A modal window with a header bar around @content. */
static GtkWindow *
make_dialog_window (GtkWidget *parent, const char *title, GtkWidget *content, int width, int height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkRoot *root = gtk_widget_get_root (parent);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);
  add_escape_closes (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static ItemEditor *
item_editor_new (RpChecklistPage *page, RpStore *store, const char *item_id)
{
  ItemEditor *editor = g_new0 (ItemEditor, 1);
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *notes_group = adw_preferences_group_new ();
  GtkWidget *delete_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *delete_button = gtk_button_new_with_mnemonic (_("_Delete Item"));
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);

  editor->page = page;
  editor->store = g_object_ref (store);
  editor->item_id = g_strdup (item_id);

  editor->text_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (editor->text_row), "item-text-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->text_row), _("Text"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->text_row));

  gtk_string_list_append (states, _("Open"));
  gtk_string_list_append (states, _("Done"));
  gtk_string_list_append (states, _("Not applicable"));
  editor->state_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->state_row), _("State"));
  adw_combo_row_set_model (editor->state_row, G_LIST_MODEL (states));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->state_row));

  editor->person_row = RP_PERSON_ROW (rp_person_row_new (store, _("Assignee"), TRUE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->person_row));

  editor->due_row = RP_DATE_ROW (rp_date_row_new (_("Due")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->due_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (notes_group), _("Notes"));
  editor->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (editor->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (editor->notes_view, 12);
  gtk_text_view_set_bottom_margin (editor->notes_view, 12);
  gtk_text_view_set_left_margin (editor->notes_view, 12);
  gtk_text_view_set_right_margin (editor->notes_view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (editor->notes_view), -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (editor->notes_view));
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (notes_group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (notes_group));

  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_widget_add_css_class (delete_button, "pill");
  gtk_widget_set_halign (delete_button, GTK_ALIGN_CENTER);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (delete_group), delete_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (delete_group));

  editor->window = make_dialog_window (GTK_WIDGET (page), _("Edit Item"), prefs, 460, 600);
  g_object_set_data_full (G_OBJECT (editor->window), "rp-item-editor", editor, item_editor_free);

  item_editor_load (editor);

  g_signal_connect (editor->text_row, "changed", G_CALLBACK (on_editor_text_changed_cb), editor);
  g_signal_connect (editor->text_row, "entry-activated", G_CALLBACK (on_editor_text_activated_cb),
                    editor);
  g_signal_connect (editor->state_row, "notify::selected", G_CALLBACK (on_editor_state_selected_cb),
                    editor);
  g_signal_connect (editor->person_row, "notify::person-id",
                    G_CALLBACK (on_editor_person_changed_cb), editor);
  g_signal_connect (editor->due_row, "notify::date", G_CALLBACK (on_editor_due_changed_cb), editor);
  g_signal_connect (gtk_text_view_get_buffer (editor->notes_view), "changed",
                    G_CALLBACK (on_editor_notes_changed_cb), editor);
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_editor_delete_clicked_cb), editor);
  g_signal_connect (editor->window, "close-request", G_CALLBACK (on_editor_close_requested_cb),
                    editor);
  editor->changed_id =
      g_signal_connect (store, "changed", G_CALLBACK (on_editor_store_changed_cb), editor);
  return editor;
}

/* ---- The page ---- */

struct _RpChecklistPage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkLabel *progress_label;
  GtkLabel *progress_caption;
  GtkProgressBar *progress_bar;
  GtkToggleButton *open_only_toggle;
  GtkDropDown *assignee_dropdown;
  GtkScrolledWindow *scrolled_window;
  GtkListView *list_view;

  /* owned */
  RpStore *store;
  char *release_id;
  GListStore *entries; /* RpChecklistEntry, flat: section, items, add; … */
  GPtrArray *shown;    /* the same entries, for comparing */
  GHashTable *by_key;  /* entry key -> entry */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkStringList *assignee_names;
  GPtrArray *assignee_ids; /* parallel to assignee_names: NULL everyone, "" nobody, person ids */
  char *assignee_filter;   /* NULL: everyone; "": unassigned */
  char *select_key;        /* select this entry after the next reload */
  char *focus_key;         /* and move the focus to it */
  ItemEditor *editor;      /* the open item editor (its window owns it) */
  struct _TemplatesDialog *templates_dialog; /* the open Templates dialog (likewise) */
  GPtrArray *changed_items;                  /* ids of items changed since the last reload */
  gboolean full_reload;                      /* and whether anything else changed */
  gulong changed_id;
  guint reload_id;
  guint focus_tick_id;
  guint focus_tries;
  gboolean updating_filters;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_RELEASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RpChecklistPage, rp_checklist_page, ADW_TYPE_BIN)

/* The window's toast overlay when there is one, so that its toasts and
 * the page's take turns in one place; the page's own otherwise. */
static GtkWidget *
get_toast_anchor (RpChecklistPage *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (parent != NULL && gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY) != NULL)
    return GTK_WIDGET (self);
  return GTK_WIDGET (self->stack);
}

static void
show_toast (RpChecklistPage *self, const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GtkWidget *overlay = gtk_widget_get_ancestor (get_toast_anchor (self), ADW_TYPE_TOAST_OVERLAY);

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
page_toast_deleted (RpChecklistPage *self, const char *what)
{
  rp_ui_toast_deleted (get_toast_anchor (self), what);
}

static void
page_editor_closed (RpChecklistPage *self, ItemEditor *editor)
{
  if (self->editor == editor)
    self->editor = NULL;
}

/* Filters */

static gboolean
filter_entry_cb (gpointer item, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  RpChecklistEntry *entry = item;
  const char *assignee;

  if (entry->kind != ENTRY_ITEM)
    return TRUE;
  if (gtk_toggle_button_get_active (self->open_only_toggle) &&
      g_strcmp0 (rp_record_get_string (entry->record, "state"), "open") != 0)
    return FALSE;
  if (self->assignee_filter == NULL)
    return TRUE;
  assignee = rp_record_get_string (entry->record, "assignee_id");
  if (*self->assignee_filter == '\0')
    return assignee == NULL;
  return g_strcmp0 (assignee, self->assignee_filter) == 0;
}

static gboolean
filters_active (RpChecklistPage *self)
{
  return gtk_toggle_button_get_active (self->open_only_toggle) || self->assignee_filter != NULL;
}

/* The people for the assignee filter; returns id -> name. */
static GHashTable *
reload_people (RpChecklistPage *self)
{
  g_autoptr (GPtrArray) people = rp_store_list (self->store, RP_ENTITY_PERSON, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean same = self->assignee_ids->len == people->len + 2;
  guint selected = 0;

  for (guint i = 0; i < people->len; i++)
    {
      RpRecord *person = people->pdata[i];

      g_hash_table_insert (names, g_strdup (rp_record_get_id (person)),
                           g_strdup (rp_record_get_string (person, "name")));
      if (same && (g_strcmp0 (self->assignee_ids->pdata[i + 2], rp_record_get_id (person)) != 0 ||
                   g_strcmp0 (gtk_string_list_get_string (self->assignee_names, i + 2),
                              rp_record_get_string (person, "name")) != 0))
        same = FALSE;
    }
  if (same)
    return names;

  self->updating_filters = TRUE;
  g_ptr_array_set_size (self->assignee_ids, 0);
  g_ptr_array_add (self->assignee_ids, NULL);
  g_ptr_array_add (self->assignee_ids, g_strdup (""));
  {
    g_autoptr (GPtrArray) labels = g_ptr_array_new ();

    g_ptr_array_add (labels, _("Everyone"));
    g_ptr_array_add (labels, _("Unassigned"));
    for (guint i = 0; i < people->len; i++)
      {
        g_ptr_array_add (self->assignee_ids, g_strdup (rp_record_get_id (people->pdata[i])));
        g_ptr_array_add (labels, (char *) rp_record_get_string (people->pdata[i], "name"));
      }
    g_ptr_array_add (labels, NULL);
    gtk_string_list_splice (self->assignee_names, 0,
                            g_list_model_get_n_items (G_LIST_MODEL (self->assignee_names)),
                            (const char *const *) labels->pdata);
  }
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

/* Reloading */

static void
take_entry (RpChecklistPage *self, GPtrArray *next, GHashTable *next_by_key, EntryKind kind,
            RpRecord *record, const char *assignee_name, const RpProgress *progress, guint index,
            guint n_siblings, gboolean *items_changed)
{
  g_autofree char *key = make_key (kind, rp_record_get_id (record));
  RpChecklistEntry *entry = g_hash_table_lookup (self->by_key, key);

  if (entry != NULL)
    g_object_ref (entry);
  else
    entry = rp_checklist_entry_new (kind, rp_record_get_id (record));
  if (rp_checklist_entry_update (entry, record, assignee_name, progress, index, n_siblings) &&
      kind == ENTRY_ITEM)
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

static guint
find_position (RpChecklistPage *self, const char *key)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpChecklistEntry) entry = g_list_model_get_item (model, i);

      if (strcmp (entry->key, key) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
focus_pending_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  RpChecklistPage *self = user_data;

  if (self->focus_key != NULL)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        GtkWidget *row = gtk_widget_get_first_child (child);
        RpChecklistRow *r;

        if (!RP_IS_CHECKLIST_ROW (row))
          continue;
        r = RP_CHECKLIST_ROW (row);
        if (r->entry == NULL || strcmp (r->entry->key, self->focus_key) != 0)
          continue;
        if (r->add_entry != NULL)
          gtk_widget_grab_focus (r->add_entry);
        else
          gtk_widget_grab_focus (child);
        g_clear_pointer (&self->focus_key, g_free);
        break;
      }
  if (self->focus_key == NULL || ++self->focus_tries > 10)
    {
      g_clear_pointer (&self->focus_key, g_free);
      self->focus_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
select_pending (RpChecklistPage *self)
{
  guint position;

  if (self->select_key == NULL)
    return;
  position = find_position (self, self->select_key);
  g_clear_pointer (&self->select_key, g_free);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      g_clear_pointer (&self->focus_key, g_free);
      return;
    }
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (self->focus_key != NULL && self->focus_tick_id == 0)
    {
      self->focus_tries = 0;
      self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                          focus_pending_tick_cb, self, NULL);
    }
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
  caption = g_strdup_printf (_("%u done · %u not applicable · %u open"), total->done, total->na,
                             total->open);
  gtk_label_set_text (self->progress_caption, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
}

static void
reload (RpChecklistPage *self)
{
  g_autoptr (GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) next_by_key =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  gboolean items_changed = FALSE;
  RpProgress total = { 0 };

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_ptr_array_set_size (self->changed_items, 0);
  self->full_reload = FALSE;

  names = reload_people (self);
  if (self->release_id != NULL)
    release = rp_store_get (self->store, RP_ENTITY_RELEASE, self->release_id, NULL);
  if (release != NULL)
    {
      sections = rp_store_list (self->store, RP_ENTITY_CHECKLIST_SECTION, self->release_id);
      for (guint s = 0; s < sections->len; s++)
        {
          RpRecord *section = sections->pdata[s];
          const char *section_id = rp_record_get_id (section);
          g_autoptr (GPtrArray) items =
              rp_store_list (self->store, RP_ENTITY_CHECKLIST_ITEM, section_id);
          RpProgress progress;

          rp_checklist_progress (self->store, NULL, section_id, &progress);
          add_progress (&total, &progress);
          take_entry (self, next, next_by_key, ENTRY_SECTION, section, NULL, &progress, s,
                      sections->len, &items_changed);
          for (guint i = 0; i < items->len; i++)
            {
              RpRecord *item = items->pdata[i];
              const char *assignee = rp_record_get_string (item, "assignee_id");

              take_entry (self, next, next_by_key, ENTRY_ITEM, item,
                          assignee != NULL ? g_hash_table_lookup (names, assignee) : NULL, NULL, i,
                          items->len, &items_changed);
            }
          take_entry (self, next, next_by_key, ENTRY_ADD, section, NULL, NULL, s, sections->len,
                      &items_changed);
        }
    }

  apply_entries (self, next);
  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&next);
  g_hash_table_unref (self->by_key);
  self->by_key = g_steal_pointer (&next_by_key);
  if (items_changed && filters_active (self))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_progress (self, &total);

  if (release == NULL)
    gtk_stack_set_visible_child_name (self->stack, "no-release");
  else if (sections->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  select_pending (self);
}

/* A tick or an edit of a few items, which stay where they are: updates
 * their entries and the progress of their sections without reading the
 * whole checklist again. FALSE when that is not enough. */
static gboolean
update_items (RpChecklistPage *self)
{
  g_autoptr (GHashTable) sections = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean items_changed = FALSE;
  RpProgress total = { 0 };
  GHashTableIter iter;
  gpointer section_id;

  for (guint i = 0; i < self->changed_items->len; i++)
    {
      const char *id = self->changed_items->pdata[i];
      g_autofree char *key = make_key (ENTRY_ITEM, id);
      RpChecklistEntry *entry = g_hash_table_lookup (self->by_key, key);
      g_autoptr (RpRecord) item = rp_store_get (self->store, RP_ENTITY_CHECKLIST_ITEM, id, NULL);
      g_autoptr (RpRecord) person = NULL;
      const char *assignee;

      /* Added, deleted, moved: the list changes. */
      if (entry == NULL || item == NULL ||
          g_strcmp0 (rp_record_get_string (item, "section_id"),
                     rp_record_get_string (entry->record, "section_id")) != 0 ||
          rp_record_get_position (item) != rp_record_get_position (entry->record))
        return FALSE;
      assignee = rp_record_get_string (item, "assignee_id");
      if (assignee != NULL)
        person = rp_store_get (self->store, RP_ENTITY_PERSON, assignee, NULL);
      if (rp_checklist_entry_update (entry, item,
                                     person != NULL ? rp_record_get_string (person, "name") : NULL,
                                     NULL, entry->index, entry->n_siblings))
        items_changed = TRUE;
      g_hash_table_add (sections, (gpointer) rp_record_get_string (entry->record, "section_id"));
    }

  g_hash_table_iter_init (&iter, sections);
  while (g_hash_table_iter_next (&iter, &section_id, NULL))
    {
      g_autofree char *key = make_key (ENTRY_SECTION, section_id);
      RpChecklistEntry *entry = g_hash_table_lookup (self->by_key, key);
      RpProgress progress;

      if (entry == NULL)
        return FALSE;
      rp_checklist_progress (self->store, NULL, section_id, &progress);
      rp_checklist_entry_update (entry, entry->record, NULL, &progress, entry->index,
                                 entry->n_siblings);
    }

  for (guint i = 0; i < self->shown->len; i++)
    {
      RpChecklistEntry *entry = self->shown->pdata[i];

      if (entry->kind == ENTRY_SECTION)
        add_progress (&total, &entry->progress);
    }
  show_progress (self, &total);
  if (items_changed && filters_active (self))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_ptr_array_set_size (self->changed_items, 0);
  return TRUE;
}

/* Shows the changes the store reported and the page has not shown yet. */
static void
catch_up (RpChecklistPage *self)
{
  if (self->reload_id == 0)
    return;
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->full_reload || !update_items (self))
    reload (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  RpChecklistPage *self = user_data;

  self->reload_id = 0;
  if (self->full_reload || !update_items (self))
    reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (RpChecklistPage *self)
{
  /* Many rows change at once after a group (a template applied, an
   * import): read the store once, before the next frame is drawn. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, reload_idle_cb, self, NULL);
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, gpointer user_data)
{
  RpChecklistPage *self = user_data;

  switch (entity)
    {
    case RP_ENTITY_CHECKLIST_ITEM:
      if (id != NULL && self->changed_items->len < 100)
        g_ptr_array_add (self->changed_items, g_strdup (id));
      else
        self->full_reload = TRUE;
      schedule_reload (self);
      break;
    case RP_ENTITY_CHECKLIST_SECTION:
    case RP_ENTITY_PERSON:
    case RP_N_ENTITIES:
      self->full_reload = TRUE;
      schedule_reload (self);
      break;
    case RP_ENTITY_RELEASE:
      if (g_strcmp0 (id, self->release_id) == 0)
        {
          self->full_reload = TRUE;
          schedule_reload (self);
        }
      break;
    default: break;
    }
}

/* What the user does */

static void
set_select_key (RpChecklistPage *self, EntryKind kind, const char *id, gboolean focus)
{
  g_free (self->select_key);
  self->select_key = make_key (kind, id);
  g_free (self->focus_key);
  self->focus_key = focus ? make_key (kind, id) : NULL;
}

static void
page_set_item_state (RpChecklistPage *self, RpChecklistEntry *entry, const char *state)
{
  g_autoptr (GError) error = NULL;

  if (!rp_checklist_set_state (self->store, entry->id, state, &error))
    {
      show_toast (self, error->message);
      /* Show what the store holds again. */
      g_object_notify_by_pspec (G_OBJECT (entry), entry_properties[ENTRY_PROP_RECORD]);
    }
}

static void
page_add_item (RpChecklistPage *self, RpChecklistEntry *entry, GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autoptr (RpRecord) item = NULL;
  g_autoptr (GError) error = NULL;

  if (*text == '\0')
    return;
  item = rp_record_new (RP_ENTITY_CHECKLIST_ITEM);
  rp_record_set_string (item, "section_id", entry->id);
  rp_record_set_string (item, "text", text);
  /* While one person's items are shown, what is added is theirs. */
  if (self->assignee_filter != NULL && *self->assignee_filter != '\0')
    rp_record_set_string (item, "assignee_id", self->assignee_filter);
  if (!rp_store_insert (self->store, item, &error))
    {
      rp_ui_show_error (GTK_WIDGET (editable), error->message);
      return;
    }
  rp_ui_show_error (GTK_WIDGET (editable), NULL);
  gtk_editable_set_text (editable, "");
  /* Selected, so that Alt+Up moves it at once. */
  set_select_key (self, ENTRY_ITEM, rp_record_get_id (item), FALSE);
}

/* The index that @target has among the children of @parent_id, not
 * counting @moving; the children's count when @target is NULL. */
static guint
index_without (RpChecklistPage *self, RpEntity entity, const char *parent_id, const char *moving,
               const char *target)
{
  g_autoptr (GPtrArray) siblings = rp_store_list (self->store, entity, parent_id);
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
  g_autoptr (RpRecord) item = rp_store_get (self->store, RP_ENTITY_CHECKLIST_ITEM, item_id, NULL);
  g_autoptr (GError) error = NULL;

  if (item == NULL)
    return;
  if (g_strcmp0 (rp_record_get_string (item, "section_id"), section_id) == 0)
    {
      if (!rp_store_move (self->store, RP_ENTITY_CHECKLIST_ITEM, item_id, index, &error))
        show_toast (self, error->message);
    }
  else
    {
      g_autoptr (RpRecord) moved = rp_record_copy (item);

      rp_record_set_string (moved, "section_id", section_id);
      if (!rp_store_begin (self->store, _("Move checklist item"), &error))
        {
          show_toast (self, error->message);
          return;
        }
      if (!rp_store_update (self->store, moved, &error) ||
          !rp_store_move (self->store, RP_ENTITY_CHECKLIST_ITEM, item_id, index, &error))
        {
          rp_store_rollback (self->store);
          show_toast (self, error->message);
          return;
        }
      if (!rp_store_commit (self->store, &error))
        show_toast (self, error->message);
    }
}

static void
move_section_to (RpChecklistPage *self, const char *section_id, guint index)
{
  g_autoptr (GError) error = NULL;

  if (!rp_store_move (self->store, RP_ENTITY_CHECKLIST_SECTION, section_id, index, &error))
    show_toast (self, error->message);
}

static void
page_drop (RpChecklistPage *self, RpChecklistEntry *dragged, RpChecklistEntry *target,
           gboolean after)
{
  /* Only rows of this list: a row dragged from another window showing
   * another release stays in its own. */
  if (g_hash_table_lookup (self->by_key, dragged->key) != dragged)
    return;
  if (dragged->kind == ENTRY_ITEM)
    {
      const char *section_id = entry_get_section_id (target);
      guint index;

      if (target->kind == ENTRY_ITEM)
        index =
            index_without (self, RP_ENTITY_CHECKLIST_ITEM, section_id, dragged->id, target->id) +
            (after ? 1 : 0);
      else if (target->kind == ENTRY_SECTION)
        index = 0;
      else
        index = G_MAXUINT;
      move_item_to (self, dragged->id, section_id, index);
      set_select_key (self, ENTRY_ITEM, dragged->id, TRUE);
    }
  else if (dragged->kind == ENTRY_SECTION)
    {
      const char *section_id = entry_get_section_id (target);
      guint index = index_without (self, RP_ENTITY_CHECKLIST_SECTION, self->release_id, dragged->id,
                                   section_id);

      if (g_strcmp0 (section_id, dragged->id) == 0)
        return;
      if (target->kind != ENTRY_SECTION || after)
        index++;
      move_section_to (self, dragged->id, index);
      set_select_key (self, ENTRY_SECTION, dragged->id, TRUE);
    }
}

/* Up (-1) or down (+1) by one: an item at the edge of its section goes
 * to the end or the start of the section next to it. */
static void
move_entry (RpChecklistPage *self, RpChecklistEntry *entry, int delta)
{
  if (entry->kind == ENTRY_SECTION)
    {
      if ((delta < 0 && entry->index == 0) || (delta > 0 && entry->index + 1 >= entry->n_siblings))
        return;
      move_section_to (self, entry->id, entry->index + delta);
      set_select_key (self, ENTRY_SECTION, entry->id, TRUE);
    }
  else if (entry->kind == ENTRY_ITEM)
    {
      const char *section_id = rp_record_get_string (entry->record, "section_id");

      if ((delta < 0 && entry->index > 0) || (delta > 0 && entry->index + 1 < entry->n_siblings))
        move_item_to (self, entry->id, section_id, entry->index + delta);
      else
        {
          g_autoptr (GPtrArray) sections =
              rp_store_list (self->store, RP_ENTITY_CHECKLIST_SECTION, self->release_id);
          guint s;

          for (s = 0; s < sections->len; s++)
            if (g_strcmp0 (rp_record_get_id (sections->pdata[s]), section_id) == 0)
              break;
          if (s >= sections->len || (delta < 0 && s == 0) || (delta > 0 && s + 1 >= sections->len))
            return;
          move_item_to (self, entry->id, rp_record_get_id (sections->pdata[s + delta]),
                        delta < 0 ? G_MAXUINT : 0);
        }
      set_select_key (self, ENTRY_ITEM, entry->id, TRUE);
    }
}

/* The row to go on with once @entry is gone: the next item (or section)
 * shown, else the one before. */
static char *
dup_neighbour_key (RpChecklistPage *self, RpChecklistEntry *entry)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = find_position (self, entry->key);
  EntryKind wanted = entry->kind;

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  for (guint i = position + 1; i < n; i++)
    {
      g_autoptr (RpChecklistEntry) next = g_list_model_get_item (model, i);

      if (next->kind == wanted)
        return g_strdup (next->key);
      if (wanted == ENTRY_ITEM)
        break;
    }
  for (guint i = position; i-- > 0;)
    {
      g_autoptr (RpChecklistEntry) previous = g_list_model_get_item (model, i);

      if (previous->kind == wanted || (wanted == ENTRY_ITEM && previous->kind == ENTRY_SECTION))
        return g_strdup (previous->key);
    }
  return NULL;
}

static gboolean
has_focus_in_list (RpChecklistPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));
}

static void
delete_entry (RpChecklistPage *self, RpChecklistEntry *entry)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *neighbour = NULL;

  if (entry->kind == ENTRY_ITEM)
    /* Translators: %s is the text of a checklist item */
    what = g_strdup_printf (_("Item “%s”"), rp_record_get_string (entry->record, "text"));
  else if (entry->kind == ENTRY_SECTION)
    /* Translators: %s is the name of a checklist section */
    what = g_strdup_printf (_("Section “%s”"), rp_record_get_string (entry->record, "name"));
  else
    return;

  neighbour = dup_neighbour_key (self, entry);
  if (!rp_store_delete (self->store,
                        entry->kind == ENTRY_ITEM ? RP_ENTITY_CHECKLIST_ITEM
                                                  : RP_ENTITY_CHECKLIST_SECTION,
                        entry->id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  page_toast_deleted (self, what);
  /* Delete, Delete, Delete goes down the list. */
  if (neighbour != NULL)
    {
      g_free (self->select_key);
      self->select_key = g_strdup (neighbour);
      g_free (self->focus_key);
      self->focus_key = has_focus_in_list (self) ? g_steal_pointer (&neighbour) : NULL;
    }
}

static void
open_editor (RpChecklistPage *self, const char *item_id)
{
  if (self->editor != NULL)
    gtk_window_destroy (self->editor->window);
  self->editor = item_editor_new (self, self->store, item_id);
  gtk_window_present (self->editor->window);
}

/* The entry of the row with the focus, or else the selected one. */
static RpChecklistEntry *
get_current_entry (RpChecklistPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list_view);
       w = gtk_widget_get_parent (w))
    {
      GtkWidget *row = NULL;

      if (RP_IS_CHECKLIST_ROW (w))
        row = w;
      else if (gtk_widget_get_parent (w) == GTK_WIDGET (self->list_view))
        row = gtk_widget_get_first_child (w);
      if (row != NULL && RP_IS_CHECKLIST_ROW (row))
        {
          RpChecklistEntry *entry = RP_CHECKLIST_ROW (row)->entry;

          if (entry != NULL && entry->kind != ENTRY_ADD)
            return entry;
          break;
        }
    }
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
toggle_entry (RpChecklistPage *self, RpChecklistEntry *entry)
{
  const char *state;

  catch_up (self);
  state = rp_record_get_string (entry->record, "state");
  page_set_item_state (self, entry, g_strcmp0 (state, "done") == 0 ? "open" : "done");
}

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                        GdkModifierType state, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  /* Space on a focused row ticks its item (the list would only select
   * it); on the row's own check button it does that by itself. */
  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 || focus == NULL ||
      gtk_widget_get_parent (focus) != GTK_WIDGET (self->list_view))
    return FALSE;
  row = gtk_widget_get_first_child (focus);
  if (!RP_IS_CHECKLIST_ROW (row) || RP_CHECKLIST_ROW (row)->entry == NULL ||
      RP_CHECKLIST_ROW (row)->entry->kind != ENTRY_ITEM)
    return FALSE;
  toggle_entry (self, RP_CHECKLIST_ROW (row)->entry);
  return TRUE;
}

static void
on_list_activated_cb (GtkListView *list_view, guint position, gpointer user_data)
{
  RpChecklistPage *self = user_data;
  g_autoptr (RpChecklistEntry) entry =
      g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry == NULL)
    return;
  if (entry->kind == ENTRY_ITEM)
    open_editor (self, entry->id);
  else if (entry->kind == ENTRY_SECTION)
    gtk_widget_activate_action (GTK_WIDGET (self), "checklist.rename-section", "s", entry->id);
}

/* Filters */

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

/* Factory */

static void
on_item_set_up_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gtk_list_item_set_child (list_item, rp_checklist_row_new (user_data));
}

static void
on_item_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RpChecklistEntry *entry = gtk_list_item_get_item (list_item);
  RpChecklistRow *row = RP_CHECKLIST_ROW (gtk_list_item_get_child (list_item));

  rp_checklist_row_bind (row, entry);
  gtk_list_item_set_activatable (list_item, entry->kind != ENTRY_ADD);
  gtk_list_item_set_selectable (list_item, entry->kind != ENTRY_ADD);
}

static void
on_item_unbound_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  rp_checklist_row_unbind (RP_CHECKLIST_ROW (gtk_list_item_get_child (list_item)));
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

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (name));
}

/* Dialogs */

typedef void (*NameChosenFunc) (RpChecklistPage *self, const char *target_id, const char *name);

typedef struct
{
  RpChecklistPage *self; /* owned */
  char *target_id;
  GtkEditable *entry;
  NameChosenFunc func;
} NameRequest;

static void
name_request_free (gpointer data)
{
  NameRequest *request = data;

  g_clear_object (&request->self);
  g_clear_pointer (&request->target_id, g_free);
  g_free (request);
}

static void
on_name_changed_cb (GtkEditable *editable, gpointer user_data)
{
  AdwMessageDialog *dialog = user_data;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "ok", *name != '\0');
}

static void
on_name_responded_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  NameRequest *request = user_data;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (request->entry)));

  if (g_strcmp0 (response, "ok") == 0 && *name != '\0')
    request->func (request->self, request->target_id, name);
}

/* Asks for a name in a dialog above @parent. */
static void
ask_name_in (RpChecklistPage *self, GtkWindow *parent, const char *heading, const char *body,
             const char *initial, const char *ok_label, NameChosenFunc func, const char *target_id)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  GtkWidget *entry = gtk_entry_new ();
  NameRequest *request = g_new0 (NameRequest, 1);

  request->self = g_object_ref (self);
  request->target_id = g_strdup (target_id);
  request->entry = GTK_EDITABLE (entry);
  request->func = func;

  gtk_widget_set_name (entry, "name-entry");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok",
                                    ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  on_name_changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect (entry, "changed", G_CALLBACK (on_name_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_name_responded_cb), request,
                         (GClosureNotify) (void (*) (void)) name_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
ask_name (RpChecklistPage *self, const char *heading, const char *body, const char *initial,
          const char *ok_label, NameChosenFunc func, const char *target_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  ask_name_in (self, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body, initial,
               ok_label, func, target_id);
}

static void
add_section_named (RpChecklistPage *self, const char *target_id, const char *name)
{
  g_autoptr (RpRecord) section = rp_record_new (RP_ENTITY_CHECKLIST_SECTION);
  g_autoptr (GError) error = NULL;

  if (self->release_id == NULL)
    return;
  rp_record_set_string (section, "release_id", self->release_id);
  rp_record_set_string (section, "name", name);
  if (!rp_store_insert (self->store, section, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Ready to type its first item. */
  set_select_key (self, ENTRY_ADD, rp_record_get_id (section), TRUE);
}

static void
rename_section_named (RpChecklistPage *self, const char *section_id, const char *name)
{
  g_autoptr (RpRecord) section =
      rp_store_get (self->store, RP_ENTITY_CHECKLIST_SECTION, section_id, NULL);
  g_autoptr (GError) error = NULL;

  if (section == NULL)
    return;
  rp_record_set_string (section, "name", name);
  if (!rp_store_update (self->store, section, &error))
    show_toast (self, error->message);
}

static void
save_template_named (RpChecklistPage *self, const char *target_id, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;

  if (self->release_id == NULL)
    return;
  id = rp_template_save_from_release (self->store, self->release_id, name, &error);
  if (id == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: %s is the name of a checklist template */
  title = g_strdup_printf (_("Saved as template “%s”"), name);
  show_toast (self, title);
}

/* The Templates dialog: the templates of the store, one to apply to the
 * release (activate its row), to rename or to delete. */
typedef struct _TemplatesDialog
{
  /* owned */
  RpChecklistPage *self;
  RpStore *store;
  GPtrArray *rows;
  gulong changed_id;
  guint reload_id;

  /* borrowed: the window owns this struct */
  GtkWindow *window;
  AdwToastOverlay *toasts;
  AdwPreferencesGroup *group;
} TemplatesDialog;

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
  n_sections = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", sections->len), sections->len);
  n_items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", items), items);
  return g_strdup_printf ("%s · %s", n_sections, n_items);
}

static void
templates_dialog_toast (TemplatesDialog *dialog, AdwToast *toast)
{
  adw_toast_overlay_add_toast (dialog->toasts, toast);
}

static void
templates_dialog_error (TemplatesDialog *dialog, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  templates_dialog_toast (dialog, adw_toast_new (escaped));
}

static void
on_template_activated_cb (AdwActionRow *row, gpointer user_data)
{
  TemplatesDialog *dialog = user_data;
  RpChecklistPage *self = dialog->self;
  const char *template_id = g_object_get_data (G_OBJECT (row), "rp-template-id");
  g_autoptr (RpRecord) tmpl = rp_store_get (dialog->store, RP_ENTITY_TEMPLATE, template_id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->release_id == NULL || tmpl == NULL)
    return;
  if (!rp_template_apply (dialog->store, template_id, self->release_id, &error))
    {
      templates_dialog_error (dialog, error->message);
      return;
    }
  /* Translators: %s is the name of a checklist template */
  title = g_strdup_printf (_("Added the checklist of “%s”"), rp_record_get_string (tmpl, "name"));
  show_toast (self, title);
  gtk_window_destroy (dialog->window);
}

static GMenuModel *
make_template_menu (const char *template_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenuItem) rename = g_menu_item_new (_("_Rename…"), NULL);
  g_autoptr (GMenuItem) remove = g_menu_item_new (_("_Delete"), NULL);

  g_menu_item_set_action_and_target (rename, "templates.rename", "s", template_id);
  g_menu_item_set_action_and_target (remove, "templates.delete", "s", template_id);
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, remove);
  return G_MENU_MODEL (menu);
}

static void
templates_dialog_reload (TemplatesDialog *dialog)
{
  g_autoptr (GPtrArray) templates = rp_store_list (dialog->store, RP_ENTITY_TEMPLATE, NULL);

  g_clear_handle_id (&dialog->reload_id, g_source_remove);
  for (guint i = 0; i < dialog->rows->len; i++)
    adw_preferences_group_remove (dialog->group, dialog->rows->pdata[i]);
  g_ptr_array_set_size (dialog->rows, 0);

  for (guint i = 0; i < templates->len; i++)
    {
      RpRecord *tmpl = templates->pdata[i];
      const char *id = rp_record_get_id (tmpl);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *menu_button = gtk_menu_button_new ();
      g_autoptr (GMenuModel) menu = make_template_menu (id);
      g_autofree char *subtitle = describe_template (dialog->store, id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rp_record_get_string (tmpl, "name"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
      gtk_widget_add_css_class (menu_button, "flat");
      gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (menu_button, _("Template Menu"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Template Menu"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, "template-row");
      g_object_set_data_full (G_OBJECT (row), "rp-template-id", g_strdup (id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_template_activated_cb), dialog);
      adw_preferences_group_add (dialog->group, row);
      g_ptr_array_add (dialog->rows, row);
    }
  adw_preferences_group_set_description (
      dialog->group, templates->len > 0
                         ? _("Choose one to add its sections and items after those the checklist "
                              "has. Save a checklist as a template from the checklist menu.")
                         : _("There are no templates yet. Save a checklist as a template from "
                              "the checklist menu."));
}

static gboolean
templates_reload_idle_cb (gpointer user_data)
{
  TemplatesDialog *dialog = user_data;

  dialog->reload_id = 0;
  templates_dialog_reload (dialog);
  return G_SOURCE_REMOVE;
}

static void
on_templates_store_changed_cb (RpStore *store, int entity, const char *id, gpointer user_data)
{
  TemplatesDialog *dialog = user_data;

  if ((entity == RP_ENTITY_TEMPLATE || entity == RP_ENTITY_TEMPLATE_SECTION ||
       entity == RP_ENTITY_TEMPLATE_ITEM || entity == RP_N_ENTITIES) &&
      dialog->reload_id == 0)
    dialog->reload_id = g_idle_add (templates_reload_idle_cb, dialog);
}

static void
templates_dialog_free (gpointer data)
{
  TemplatesDialog *dialog = data;

  if (dialog->self->templates_dialog == dialog)
    dialog->self->templates_dialog = NULL;
  g_clear_handle_id (&dialog->reload_id, g_source_remove);
  g_clear_signal_handler (&dialog->changed_id, dialog->store);
  g_clear_pointer (&dialog->rows, g_ptr_array_unref);
  g_clear_object (&dialog->store);
  g_clear_object (&dialog->self);
  g_free (dialog);
}

static void
rename_template_named (RpChecklistPage *self, const char *template_id, const char *name)
{
  TemplatesDialog *dialog = self->templates_dialog;
  g_autoptr (RpRecord) tmpl = rp_store_get (self->store, RP_ENTITY_TEMPLATE, template_id, NULL);
  g_autoptr (RpRecord) clash = NULL;
  g_autoptr (GError) error = NULL;

  if (tmpl == NULL || dialog == NULL)
    return;
  /* Names pick templates (new --template NAME): they stay unique. */
  clash = rp_template_find (self->store, name, &error);
  if ((clash != NULL && g_strcmp0 (rp_record_get_id (clash), template_id) != 0) ||
      g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS))
    {
      g_autofree char *message =
          /* Translators: %s is the name of a checklist template */
          g_strdup_printf (_("A template named “%s” exists already."), name);
      templates_dialog_error (dialog, message);
      return;
    }
  g_clear_error (&error);
  rp_record_set_string (tmpl, "name", name);
  if (!rp_store_update (self->store, tmpl, &error))
    templates_dialog_error (dialog, error->message);
}

static void
rename_template_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  TemplatesDialog *dialog = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) tmpl = rp_store_get (dialog->store, RP_ENTITY_TEMPLATE, id, NULL);

  if (tmpl != NULL)
    ask_name_in (dialog->self, dialog->window, _("Rename Template"), NULL,
                 rp_record_get_string (tmpl, "name"), _("_Rename"), rename_template_named, id);
}

static void
on_undo_clicked_cb (AdwToast *toast, gpointer user_data)
{
  TemplatesDialog *dialog = user_data;
  g_autoptr (GError) error = NULL;

  if (!rp_store_undo (dialog->store, &error))
    templates_dialog_error (dialog, error->message);
}

static void
delete_template_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  TemplatesDialog *dialog = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) tmpl = rp_store_get (dialog->store, RP_ENTITY_TEMPLATE, id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (tmpl == NULL)
    return;
  if (!rp_store_delete (dialog->store, RP_ENTITY_TEMPLATE, id, &error))
    {
      templates_dialog_error (dialog, error->message);
      return;
    }
  name = g_markup_escape_text (rp_record_get_string (tmpl, "name"), -1);
  /* Translators: %s is the name of a checklist template */
  title = g_strdup_printf (_("Template “%s” deleted"), name);
  toast = adw_toast_new (title);
  /* This window is not the main window: its Undo button undoes itself. */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), dialog);
  templates_dialog_toast (dialog, toast);
}

static void
open_templates_dialog (RpChecklistPage *self)
{
  TemplatesDialog *dialog = g_new0 (TemplatesDialog, 1);
  GtkWidget *toasts = adw_toast_overlay_new ();
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr (GSimpleActionGroup) actions = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "rename", rename_template_activated, "s", NULL, NULL, { 0 } },
    { "delete", delete_template_activated, "s", NULL, NULL, { 0 } },
  };

  if (self->templates_dialog != NULL)
    gtk_window_destroy (self->templates_dialog->window);

  dialog->self = g_object_ref (self);
  dialog->store = g_object_ref (self->store);
  dialog->rows = g_ptr_array_new ();
  dialog->toasts = ADW_TOAST_OVERLAY (toasts);
  dialog->group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), dialog->group);
  adw_toast_overlay_set_child (dialog->toasts, prefs);
  dialog->window = make_dialog_window (GTK_WIDGET (self), _("Templates"), toasts, 440, 520);
  g_object_set_data_full (G_OBJECT (dialog->window), "rp-templates-dialog", dialog,
                          templates_dialog_free);
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), dialog);
  gtk_widget_insert_action_group (GTK_WIDGET (dialog->window), "templates",
                                  G_ACTION_GROUP (actions));
  dialog->changed_id = g_signal_connect (dialog->store, "changed",
                                         G_CALLBACK (on_templates_store_changed_cb), dialog);
  self->templates_dialog = dialog;
  templates_dialog_reload (dialog);
  gtk_window_present (dialog->window);
}

static void
copy_markdown (RpChecklistPage *self, const char *section_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *markdown = NULL;

  if (self->release_id == NULL)
    return;
  markdown = rp_format_markdown_checklist (self->store, self->release_id, section_id, &error);
  if (markdown == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), markdown);
  show_toast (self, _("Copied as Markdown"));
}

/* Actions */

static void
add_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ask_name (RP_CHECKLIST_PAGE (widget), _("Add Section"),
            _("Sections group the items of the checklist."), NULL, _("_Add"), add_section_named,
            NULL);
}

static void
apply_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_templates_dialog (RP_CHECKLIST_PAGE (widget));
}

static void
save_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  g_autoptr (RpRecord) release = NULL;

  if (self->release_id == NULL ||
      (release = rp_store_get (self->store, RP_ENTITY_RELEASE, self->release_id, NULL)) == NULL)
    return;
  ask_name (self, _("Save as Template"),
            _("New releases can start from the sections and items of this checklist."),
            rp_record_get_string (release, "name"), _("_Save"), save_template_named, NULL);
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

static void
rename_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) section = rp_store_get (self->store, RP_ENTITY_CHECKLIST_SECTION, id, NULL);

  if (section != NULL)
    ask_name (self, _("Rename Section"), NULL, rp_record_get_string (section, "name"),
              _("_Rename"), rename_section_named, id);
}

static void
toggle_required_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (RpRecord) section = rp_store_get (self->store, RP_ENTITY_CHECKLIST_SECTION, id, NULL);
  g_autoptr (GError) error = NULL;

  if (section == NULL)
    return;
  rp_record_set_bool (section, "complete_before_deploy",
                      !rp_record_get_bool (section, "complete_before_deploy"));
  if (!rp_store_update (self->store, section, &error))
    show_toast (self, error->message);
}

static RpChecklistEntry *
lookup_entry (RpChecklistPage *self, EntryKind kind, const char *id)
{
  g_autofree char *key = make_key (kind, id);

  return g_hash_table_lookup (self->by_key, key);
}

static void
section_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry =
      lookup_entry (self, ENTRY_SECTION, g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    move_entry (self, entry, -1);
}

static void
section_down_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry =
      lookup_entry (self, ENTRY_SECTION, g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    move_entry (self, entry, +1);
}

static void
delete_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry =
      lookup_entry (self, ENTRY_SECTION, g_variant_get_string (parameter, NULL));

  if (entry != NULL)
    delete_entry (self, entry);
}

static void
edit_item_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (RP_CHECKLIST_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
move_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry;

  /* A key pressed again before the last change was shown acts on what
   * the store holds now. */
  catch_up (self);
  entry = get_current_entry (self);

  if (entry != NULL)
    move_entry (self, entry, -1);
}

static void
move_down_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry;

  /* A key pressed again before the last change was shown acts on what
   * the store holds now. */
  catch_up (self);
  entry = get_current_entry (self);

  if (entry != NULL)
    move_entry (self, entry, +1);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry;

  /* A key pressed again before the last change was shown acts on what
   * the store holds now. */
  catch_up (self);
  entry = get_current_entry (self);

  if (entry != NULL)
    delete_entry (self, entry);
}

/* "checklist.select-item" (s): shows one item or section, selected and
 * with the focus, for whatever points at it (a readiness finding, a
 * search result); filters that hide it are turned off. */
static void
select_item_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  EntryKind kind = ENTRY_ITEM;

  catch_up (self);
  if (lookup_entry (self, ENTRY_ITEM, id) == NULL)
    {
      if (lookup_entry (self, ENTRY_SECTION, id) == NULL)
        return;
      kind = ENTRY_SECTION;
    }
  set_select_key (self, kind, id, TRUE);
  if (find_position (self, self->select_key) == GTK_INVALID_LIST_POSITION)
    {
      gtk_toggle_button_set_active (self->open_only_toggle, FALSE);
      gtk_drop_down_set_selected (self->assignee_dropdown, 0);
    }
  select_pending (self);
}

static void
toggle_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (widget);
  RpChecklistEntry *entry;

  /* A key pressed again before the last change was shown acts on what
   * the store holds now. */
  catch_up (self);
  entry = get_current_entry (self);

  if (entry != NULL && entry->kind == ENTRY_ITEM)
    toggle_entry (self, entry);
}

/* GObject */

static void
rp_checklist_page_set_release_id (RpChecklistPage *self, const char *release_id)
{
  if (g_strcmp0 (self->release_id, release_id) == 0)
    return;
  g_free (self->release_id);
  self->release_id = g_strdup (release_id);
  if (self->editor != NULL)
    gtk_window_destroy (self->editor->window);
  if (self->store != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_ID]);
}

static void
rp_checklist_page_constructed (GObject *object)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  G_OBJECT_CLASS (rp_checklist_page_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  self->changed_id =
      g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

static void
rp_checklist_page_dispose (GObject *object)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  if (self->editor != NULL)
    {
      self->editor->page = NULL;
      gtk_window_destroy (self->editor->window);
      self->editor = NULL;
    }
  if (self->templates_dialog != NULL)
    gtk_window_destroy (self->templates_dialog->window);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  /* The child and with it the list go first, then the models it shows. */
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->changed_items, g_ptr_array_unref);
  g_clear_object (&self->assignee_names);
  g_clear_pointer (&self->assignee_ids, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_checklist_page_parent_class)->dispose (object);
}

static void
rp_checklist_page_finalize (GObject *object)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  g_clear_pointer (&self->release_id, g_free);
  g_clear_pointer (&self->assignee_filter, g_free);
  g_clear_pointer (&self->select_key, g_free);
  g_clear_pointer (&self->focus_key, g_free);

  G_OBJECT_CLASS (rp_checklist_page_parent_class)->finalize (object);
}

static void
rp_checklist_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_RELEASE_ID: g_value_set_string (value, self->release_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  RpChecklistPage *self = RP_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_RELEASE_ID:
      rp_checklist_page_set_release_id (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_checklist_page_class_init (RpChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_checklist_page_constructed;
  object_class->dispose = rp_checklist_page_dispose;
  object_class->finalize = rp_checklist_page_finalize;
  object_class->get_property = rp_checklist_page_get_property;
  object_class->set_property = rp_checklist_page_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELEASE_ID] =
      g_param_spec_string ("release-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, progress_caption);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, open_only_toggle);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, assignee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RpChecklistPage, list_view);

  gtk_widget_class_install_action (widget_class, "checklist.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "checklist.apply-template", NULL,
                                   apply_template_action);
  gtk_widget_class_install_action (widget_class, "checklist.save-template", NULL,
                                   save_template_action);
  gtk_widget_class_install_action (widget_class, "checklist.copy-markdown", NULL,
                                   copy_markdown_action);
  gtk_widget_class_install_action (widget_class, "checklist.copy-section", "s",
                                   copy_section_action);
  gtk_widget_class_install_action (widget_class, "checklist.rename-section", "s",
                                   rename_section_action);
  gtk_widget_class_install_action (widget_class, "checklist.toggle-required", "s",
                                   toggle_required_action);
  gtk_widget_class_install_action (widget_class, "checklist.section-up", "s", section_up_action);
  gtk_widget_class_install_action (widget_class, "checklist.section-down", "s",
                                   section_down_action);
  gtk_widget_class_install_action (widget_class, "checklist.delete-section", "s",
                                   delete_section_action);
  gtk_widget_class_install_action (widget_class, "checklist.edit-item", "s", edit_item_action);
  gtk_widget_class_install_action (widget_class, "checklist.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "checklist.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "checklist.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "checklist.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "checklist.select-item", "s", select_item_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "checklist.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "checklist.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "checklist.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "checklist.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "checklist.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "checklist.delete",
                                       NULL);

  g_type_ensure (RP_TYPE_CHECKLIST_ENTRY);
}

static void
rp_checklist_page_init (RpChecklistPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-checklist-page.css");

  self->entries = g_list_store_new (RP_TYPE_CHECKLIST_ENTRY);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->changed_items = g_ptr_array_new_with_free_func (g_free);
  self->filter = gtk_custom_filter_new (filter_entry_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (on_item_set_up_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_item_unbound_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_activated_cb), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  self->assignee_names = gtk_string_list_new (NULL);
  self->assignee_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_drop_down_set_model (self->assignee_dropdown, G_LIST_MODEL (self->assignee_names));
  /* A long name must not make the page wider than a phone: the button
   * shortens it, the list shows it whole. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_name_set_up_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (factory, "bind", G_CALLBACK (on_name_bound_cb), NULL);
  gtk_drop_down_set_factory (self->assignee_dropdown, factory);
  g_object_unref (factory);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_name_set_up_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (factory, "bind", G_CALLBACK (on_name_bound_cb), NULL);
  gtk_drop_down_set_list_factory (self->assignee_dropdown, factory);
  g_object_unref (factory);
  g_signal_connect (self->open_only_toggle, "toggled", G_CALLBACK (on_open_only_toggled_cb), self);
  g_signal_connect (self->assignee_dropdown, "notify::selected",
                    G_CALLBACK (on_assignee_selected_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assignee_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assignee"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checklist"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Space ticks an item, Enter edits it, Alt+Up and Alt+Down "
                                     "move it, Delete removes it"),
                                  -1);
}
