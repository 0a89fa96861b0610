/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-add-entry.h"
#include "rp-checklist-row.h"
#include "rp-ui-util.h"

struct _RpChecklistRow
{
  GtkWidget parent_instance;

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
};

enum
{
  DROPPED,
  ADD_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RpChecklistRow, rp_checklist_row, GTK_TYPE_WIDGET)

static gboolean
shows_item (RpChecklistRow *self)
{
  return !self->updating && self->entry != NULL &&
         rp_checklist_entry_get_kind (self->entry) == RP_CHECKLIST_ENTRY_ITEM;
}

static void
set_state (RpChecklistRow *self, const char *state)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "checklist.set-state", "(ss)",
                              rp_checklist_entry_get_id (self->entry), state);
}

static void
on_item_check_toggled_cb (GtkCheckButton *check, gpointer user_data)
{
  RpChecklistRow *self = user_data;

  if (shows_item (self))
    set_state (self, gtk_check_button_get_active (check) ? "done" : "open");
}

static void
on_item_na_toggled_cb (GtkToggleButton *toggle, gpointer user_data)
{
  RpChecklistRow *self = user_data;

  if (shows_item (self))
    set_state (self, gtk_toggle_button_get_active (toggle) ? "na" : "open");
}

static gboolean
on_add_item_cb (RpAddEntry *add_entry, const char *text, gpointer user_data)
{
  RpChecklistRow *self = user_data;
  gboolean added = FALSE;

  if (self->entry != NULL && rp_checklist_entry_get_kind (self->entry) == RP_CHECKLIST_ENTRY_ADD)
    g_signal_emit (self, signals[ADD_ITEM], 0, text, &added);
  return added;
}

static GtkWidget *
make_icon_button (const char *icon_name, const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
make_drag_handle (void)
{
  /* Nothing a screen reader should say: dragging is a pointer's way to
   * move rows, the keys are in the list's description. */
  GtkWidget *handle = g_object_new (GTK_TYPE_IMAGE, "icon-name", "list-drag-handle-symbolic",
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

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
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes"), -1);
  gtk_widget_add_css_class (self->notes_icon, "dim-label");
  gtk_widget_set_valign (self->notes_icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->content), self->notes_icon);

  self->na_toggle = gtk_toggle_button_new_with_label (_("N/A"));
  gtk_widget_set_name (self->na_toggle, "na-toggle");
  gtk_widget_add_css_class (self->na_toggle, "checklist-na");
  gtk_widget_add_css_class (self->na_toggle, "flat");
  gtk_widget_set_valign (self->na_toggle, GTK_ALIGN_CENTER);
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
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), on_section_menu_opened_cb, self,
                                         NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Section Menu"), -1);
  gtk_box_append (GTK_BOX (top), self->menu_button);
  gtk_box_append (GTK_BOX (self->content), top);

  self->progress_bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress"), -1);
  gtk_box_append (GTK_BOX (self->content), self->progress_bar);
}

static void
build_add (RpChecklistRow *self)
{
  self->content = rp_add_entry_new (NULL, _("New item…"));
  gtk_widget_set_name (self->content, "add-item-entry");
  gtk_widget_add_css_class (self->content, "checklist-add");
  g_signal_connect (self->content, "add", G_CALLBACK (on_add_item_cb), self);
}

static void
build (RpChecklistRow *self, RpChecklistEntryKind kind)
{
  if (self->kind == (int) kind)
    return;

  g_clear_pointer (&self->content, gtk_widget_unparent);
  self->check = self->text_label = self->subtitle_label = self->notes_icon = self->na_toggle = NULL;
  self->edit_button = NULL;
  self->name_label = self->required_label = self->count_label = self->progress_bar = NULL;
  self->menu_button = NULL;

  switch (kind)
    {
    case RP_CHECKLIST_ENTRY_ITEM:
      build_item (self);
      break;
    case RP_CHECKLIST_ENTRY_SECTION:
      build_section (self);
      break;
    case RP_CHECKLIST_ENTRY_ADD:
      build_add (self);
      break;
    default:
      g_assert_not_reached ();
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
  RpRecord *record = rp_checklist_entry_get_record (self->entry);
  const char *assignee_name = rp_checklist_entry_get_assignee_name (self->entry);
  const char *text = rp_checklist_item_get_text (RP_CHECKLIST_ITEM (record));
  RpItemState state = rp_checklist_item_get_state (RP_CHECKLIST_ITEM (record));
  const char *notes = rp_checklist_item_get_notes (RP_CHECKLIST_ITEM (record));
  gboolean done = state == RP_ITEM_STATE_DONE;
  gboolean na = state == RP_ITEM_STATE_NA;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PangoAttrList) attrs = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *na_label = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *row_label = NULL;
  const char *state_label;

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
  /* Each button says which item it acts on, and the check box says what
   * it cannot show: that the item does not apply. */
  state_label = na ? _("Not applicable") : done ? _("Done") : _("Open");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, state_label, -1);
  /* Translators: a button of a checklist item, "Not applicable: Run smoke tests" */
  na_label = g_strdup_printf (_("Not applicable: %s"), text);
  /* Translators: a button of a checklist item, "Edit Run smoke tests" */
  edit_label = g_strdup_printf (_("Edit %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->na_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, na_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  edit_label, -1);

  if (assignee_name != NULL)
    g_ptr_array_add (parts, g_strdup (assignee_name));
  if (rp_checklist_item_get_due (RP_CHECKLIST_ITEM (record)) != NULL)
    {
      g_autofree char *due = rp_ui_format_date (rp_checklist_item_get_due (RP_CHECKLIST_ITEM (record)));
      /* Translators: %s is a date */
      g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), due));
    }
  if (na)
    g_ptr_array_add (parts, g_strdup (_("Not applicable")));
  else if (done && rp_checklist_item_get_done_at (RP_CHECKLIST_ITEM (record)) != NULL)
    {
      g_autofree char *when =
          format_timestamp_date (rp_checklist_item_get_done_at (RP_CHECKLIST_ITEM (record)));
      /* Translators: %s is a date */
      if (when != NULL)
        g_ptr_array_add (parts, g_strdup_printf (_("Done %s"), when));
    }
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle);
  gtk_widget_set_visible (self->subtitle_label, *subtitle != '\0');
  if (!na && *subtitle != '\0')
    /* Translators: a checklist item as a screen reader reads it: "Run smoke tests, Done, Ada · Due …" */
    row_label = g_strdup_printf (_("%s, %s, %s"), text, state_label, subtitle);
  else
    /* Translators: a checklist item as a screen reader reads it: "Run smoke tests, Not applicable" */
    row_label = g_strdup_printf (_("%s, %s"), text, state_label);
  rp_ui_set_row_label (GTK_WIDGET (self), row_label);

  gtk_widget_set_visible (self->notes_icon, notes != NULL && *notes != '\0');
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->notes_icon), notes) != 0)
    gtk_widget_set_tooltip_text (self->notes_icon, notes);

  /* The target first: an action with a parameter and no target warns. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    rp_checklist_entry_get_id (self->entry));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "checklist.edit-item");
}

static void
append_section_action (GMenu *menu, const char *label, const char *action, const char *id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", id);
  g_menu_append_item (menu, item);
}

static GMenuModel *
make_section_menu (RpChecklistEntry *entry)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) edit = g_menu_new ();
  g_autoptr (GMenu) move = g_menu_new ();
  g_autoptr (GMenu) remove = g_menu_new ();
  const char *id = rp_checklist_entry_get_id (entry);
  gboolean required = rp_checklist_section_get_complete_before_deploy (
      RP_CHECKLIST_SECTION (rp_checklist_entry_get_record (entry)));

  append_section_action (edit, _("_Rename…"), "checklist.rename-section", id);
  append_section_action (edit, required ? _("_Not Required Before Deploy") : _("_Required Before Deploy"),
                         "checklist.toggle-required", id);
  append_section_action (edit, _("_Copy as Markdown"), "checklist.copy-section", id);
  append_section_action (move, _("Move _Up"), "checklist.section-up", id);
  append_section_action (move, _("Move _Down"), "checklist.section-down", id);
  append_section_action (remove, _("_Delete Section"), "checklist.delete-section", id);

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

  if (self->entry == NULL || rp_checklist_entry_get_kind (self->entry) != RP_CHECKLIST_ENTRY_SECTION)
    return;
  menu = make_section_menu (self->entry);
  gtk_menu_button_set_menu_model (button, menu);
}

static void
update_section (RpChecklistRow *self)
{
  RpRecord *record = rp_checklist_entry_get_record (self->entry);
  const RpProgress *p = rp_checklist_entry_get_progress (self->entry);
  g_autofree char *count = g_strdup_printf ("%u/%u", p->done + p->na, p->total);
  g_autofree char *row_label = NULL;
  g_autofree char *menu_label = NULL;
  const char *name = rp_checklist_section_get_name (RP_CHECKLIST_SECTION (record));
  gboolean required = rp_checklist_section_get_complete_before_deploy (RP_CHECKLIST_SECTION (record));

  gtk_label_set_text (GTK_LABEL (self->name_label),
                      rp_checklist_section_get_name (RP_CHECKLIST_SECTION (record)));
  gtk_widget_set_visible (self->required_label,
                          rp_checklist_section_get_complete_before_deploy (RP_CHECKLIST_SECTION (record)));
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), rp_progress_fraction (p));

  /* Translators: a checklist section as a screen reader reads it: "Before the deploy, 3 of 7 done" */
  row_label = g_strdup_printf (_("%s, %u of %u done%s"), name, p->done + p->na, p->total,
                               required ? _(", required before the deploy") : "");
  rp_ui_set_row_label (GTK_WIDGET (self), row_label);
  /* Translators: the menu button of a checklist section, "Section Menu: Before the deploy" */
  menu_label = g_strdup_printf (_("Section Menu: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);
}

static void
update (RpChecklistRow *self)
{
  switch (rp_checklist_entry_get_kind (self->entry))
    {
    case RP_CHECKLIST_ENTRY_ITEM:
      update_item (self);
      break;
    case RP_CHECKLIST_ENTRY_SECTION:
      update_section (self);
      break;
    case RP_CHECKLIST_ENTRY_ADD:
      {
        const char *name = rp_checklist_section_get_name (
            RP_CHECKLIST_SECTION (rp_checklist_entry_get_record (self->entry)));
        /* Translators: %s is the name of a section of the checklist */
        g_autofree char *label = g_strdup_printf (_("Add Item to %s"), name);

        rp_add_entry_set_label (RP_ADD_ENTRY (self->content), label);
        rp_ui_set_row_label (GTK_WIDGET (self), label);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_entry_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  update (user_data);
}

void
rp_checklist_row_bind (RpChecklistRow *self, RpChecklistEntry *entry)
{
  g_return_if_fail (RP_IS_CHECKLIST_ROW (self));
  g_return_if_fail (RP_IS_CHECKLIST_ENTRY (entry));
  g_return_if_fail (self->entry == NULL);

  self->entry = g_object_ref (entry);
  build (self, rp_checklist_entry_get_kind (entry));
  self->notify_id = g_signal_connect (entry, "notify::record", G_CALLBACK (on_entry_changed_cb), self);
  update (self);
}

void
rp_checklist_row_unbind (RpChecklistRow *self)
{
  g_return_if_fail (RP_IS_CHECKLIST_ROW (self));

  if (self->entry == NULL)
    return;
  g_clear_signal_handler (&self->notify_id, self->entry);
  g_clear_object (&self->entry);
}

RpChecklistEntry *
rp_checklist_row_get_entry (RpChecklistRow *self)
{
  g_return_val_if_fail (RP_IS_CHECKLIST_ROW (self), NULL);

  return self->entry;
}

void
rp_checklist_row_show_error (RpChecklistRow *self, const char *message)
{
  g_return_if_fail (RP_IS_CHECKLIST_ROW (self));

  if (RP_IS_ADD_ENTRY (self->content))
    rp_add_entry_show_error (RP_ADD_ENTRY (self->content), message);
}

static GdkContentProvider *
on_drag_prepared_cb (GtkDragSource *source, double x, double y, gpointer user_data)
{
  RpChecklistRow *self = user_data;

  if (self->entry == NULL || rp_checklist_entry_get_kind (self->entry) == RP_CHECKLIST_ENTRY_ADD)
    return NULL;
  self->drag_x = x;
  self->drag_y = y;
  return gdk_content_provider_new_typed (RP_TYPE_CHECKLIST_ENTRY, self->entry);
}

static void
on_drag_began_cb (GtkDragSource *source, GdkDrag *drag, gpointer user_data)
{
  RpChecklistRow *self = user_data;
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, (int) self->drag_x, (int) self->drag_y);
}

static gboolean
on_dropped_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  RpChecklistRow *self = user_data;
  RpChecklistEntry *dragged;

  if (self->entry == NULL || !G_VALUE_HOLDS (value, RP_TYPE_CHECKLIST_ENTRY))
    return FALSE;
  dragged = g_value_get_object (value);
  if (dragged == NULL || dragged == self->entry)
    return FALSE;
  g_signal_emit (self, signals[DROPPED], 0, dragged, y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  return TRUE;
}

/* An add entry takes the focus into its text; the other rows leave it
 * to the list's row around them. */
static gboolean
rp_checklist_row_grab_focus (GtkWidget *widget)
{
  RpChecklistRow *self = RP_CHECKLIST_ROW (widget);

  if (RP_IS_ADD_ENTRY (self->content))
    return gtk_widget_grab_focus (self->content);
  return FALSE;
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

  /* The list's item is the row a screen reader names (rp_ui_set_row_label). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  object_class->dispose = rp_checklist_row_dispose;
  widget_class->grab_focus = rp_checklist_row_grab_focus;

  signals[DROPPED] = g_signal_new ("dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, RP_TYPE_CHECKLIST_ENTRY, G_TYPE_BOOLEAN);
  signals[ADD_ITEM] =
      g_signal_new ("add-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rp_checklist_row_init (RpChecklistRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (RP_TYPE_CHECKLIST_ENTRY, GDK_ACTION_MOVE);

  self->kind = -1;

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepared_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_began_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "drop", G_CALLBACK (on_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
rp_checklist_row_new (void)
{
  return g_object_new (RP_TYPE_CHECKLIST_ROW, NULL);
}
