/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-add-entry.h"
#include "rp-person-row.h"
#include "rp-scope-page.h"
#include "rp-ui-util.h"
#include "rp-wrap-text-view.h"

/* The scope of a release: what it delivers, each item with its acceptance
 * criteria. The list, the editor beside it and their plumbing are
 * RpListEditorPage's; this page shows an item in its row and in the
 * editor, and keeps the criteria of the item in the editor. Every edit is
 * saved at once: switches and combos when they change, text 400 ms after
 * the last key, or at once on Enter or when the focus leaves the field. */

struct _RpScopePage
{
  RpListEditorPage parent_instance;

  /* template widgets */
  GtkListBox *details_list;
  AdwEntryRow *title_row;
  AdwComboRow *status_row;
  AdwActionRow *risky_row;
  GtkSwitch *risky_switch;
  AdwEntryRow *flag_row;
  GtkTextView *description_view;
  GtkLabel *criteria_label;
  GtkListBox *criteria_list;
  RpAddEntry *criterion_add_entry;

  /* owned */
  GHashTable *counts;        /* scope item id -> "met/total" packed in a pointer */
  GPtrArray *criterion_rows; /* the criterion rows in order, borrowed */
  char *focus_criterion;     /* the criterion to focus after a rebuild */
  char *focus_part;          /* "text", "up", "down" */

  /* borrowed */
  RpStore *store;       /* the page's, once it is set */
  RpTextEdits *edits;   /* the page's */
  GtkWidget *owner_row; /* RpPersonRow, a child of details_list */

  guint syncing; /* > 0 while the page sets its own widgets */
};

G_DEFINE_FINAL_TYPE (RpScopePage, rp_scope_page, RP_TYPE_LIST_EDITOR_PAGE)

static const char *
status_style (RpScopeStatus status)
{
  switch (status)
    {
    case RP_SCOPE_STATUS_DONE:
      return "success";
    case RP_SCOPE_STATUS_IN_PROGRESS:
      return "accent";
    case RP_SCOPE_STATUS_DROPPED:
      return "dim";
    case RP_SCOPE_STATUS_PLANNED:
    default:
      return NULL;
    }
}

/* The counts of criteria the rows show, cached until criteria change and
 * asked for only by the rows on screen, so that 2,000 items cost what the
 * 20 visible ones cost (the names of people likewise, by the base). */

static void
count_criteria (RpScopePage *self, const char *item_id, guint *met, guint *total)
{
  gpointer packed;

  if (!g_hash_table_lookup_extended (self->counts, item_id, NULL, &packed))
    {
      g_autoptr (GPtrArray) criteria = rp_store_list (self->store, RP_ENTITY_CRITERION, item_id);
      guint n_met = 0;

      for (guint i = 0; i < criteria->len; i++)
        if (rp_criterion_get_met (criteria->pdata[i]))
          n_met++;
      packed = GUINT_TO_POINTER ((n_met << 16) | MIN (criteria->len, 0xffff));
      g_hash_table_insert (self->counts, g_strdup (item_id), packed);
    }
  *met = GPOINTER_TO_UINT (packed) >> 16;
  *total = GPOINTER_TO_UINT (packed) & 0xffff;
}

/* The list */

static void
rp_scope_page_bind_row (RpListEditorPage *page, GtkWidget *row, RpRecord *record)
{
  RpScopePage *self = RP_SCOPE_PAGE (page);
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "rp-title");
  GtkWidget *risky = g_object_get_data (G_OBJECT (row), "rp-risky");
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "rp-status");
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "rp-details");
  RpScopeItem *item = RP_SCOPE_ITEM (record);
  RpScopeStatus status_value = rp_scope_item_get_status (item);
  const char *status_label, *owner, *flag;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *a11y = NULL;
  guint met, total;

  status_label = rp_enum_label (rp_scope_status_to_string (status_value));
  owner = rp_list_editor_page_lookup_person (page, rp_scope_item_get_owner_id (item));
  flag = rp_scope_item_get_feature_flag (item);
  count_criteria (self, rp_record_get_id (record), &met, &total);

  gtk_label_set_label (GTK_LABEL (title), rp_scope_item_get_title (item));
  if (status_value == RP_SCOPE_STATUS_DROPPED)
    gtk_widget_add_css_class (title, "rp-dropped");
  else
    gtk_widget_remove_css_class (title, "rp-dropped");
  rp_ui_set_pill (status, status_label, status_style (status_value));
  gtk_widget_set_visible (risky, rp_scope_item_get_risky (item));

  g_string_append (text, owner ? owner : _("No owner"));
  if (!rp_text_is_blank (flag))
    {
      g_string_append (text, " · ");
      /* Translators: the key of the feature flag of a scope item */
      g_string_append_printf (text, _("flag %s"), flag);
    }
  else if (rp_scope_item_get_risky (item))
    {
      /* What the readiness check will warn about, said where it is fixed. */
      g_string_append (text, " · ");
      g_string_append (text, _("no feature flag"));
    }
  g_string_append (text, " · ");
  if (total == 0)
    g_string_append (text, _("no criteria"));
  else
    g_string_append_printf (text,
                            /* Translators: criteria of a scope item, "2/3 criteria met" */
                            g_dngettext (GETTEXT_PACKAGE, "%u/%u criterion met", "%u/%u criteria met", total),
                            met, total);
  gtk_label_set_label (GTK_LABEL (details), text->str);
  if (total > 0 && met < total)
    gtk_widget_remove_css_class (details, "success");
  else if (total > 0)
    gtk_widget_add_css_class (details, "success");

  a11y = g_strdup_printf ("%s, %s%s, %s", rp_scope_item_get_title (item), status_label,
                          rp_scope_item_get_risky (item) ? _(", risky") : "", text->str);
  rp_ui_set_row_label (row, a11y);
}

static void
rp_scope_page_setup_row (RpListEditorPage *page, GtkListItem *item)
{
  GtkWidget *row = rp_list_editor_row_new ("scope-row");

  rp_list_editor_row_add_pill (row, "rp-status", NULL);
  gtk_widget_add_css_class (rp_list_editor_row_add_pill (row, "rp-risky", _("Risky")), "warning");
  gtk_list_item_set_child (item, row);
}

/* The editor: criteria */

static void move_criterion (RpScopePage *self, GtkWidget *row, int delta, const char *focus_part);

static void
on_criterion_changed_cb (GtkTextBuffer *buffer, RpScopePage *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "rp-view");

  if (self->syncing)
    return;
  rp_text_edits_schedule (self->edits, view, RP_ENTITY_CRITERION,
                          g_object_get_data (G_OBJECT (view), "rp-id"), "text");
}

/* Enter saves the criterion (one paragraph) instead of breaking the line. */
static gboolean
on_criterion_enter_pressed_cb (GtkWidget *view, GVariant *args, gpointer data)
{
  rp_text_edits_flush (RP_SCOPE_PAGE (data)->edits, view);
  return TRUE;
}

static void
on_criterion_toggled_cb (GtkCheckButton *check, RpScopePage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (check), "rp-row");

  if (self->syncing)
    return;
  rp_ui_save_value (self->store, RP_ENTITY_CRITERION, g_object_get_data (G_OBJECT (row), "rp-id"), "met",
                    g_variant_new_boolean (gtk_check_button_get_active (check)), GTK_WIDGET (check));
}

static void
on_criterion_up_clicked_cb (GtkButton *button, RpScopePage *self)
{
  move_criterion (self, g_object_get_data (G_OBJECT (button), "rp-row"), -1, "up");
}

static void
on_criterion_down_clicked_cb (GtkButton *button, RpScopePage *self)
{
  move_criterion (self, g_object_get_data (G_OBJECT (button), "rp-row"), +1, "down");
}

static gboolean
on_criterion_move_pressed_cb (GtkWidget *row, GVariant *args, gpointer data)
{
  RpScopePage *self = RP_SCOPE_PAGE (data);

  move_criterion (self, row, g_variant_get_int32 (args), "text");
  return TRUE;
}

static void
on_criterion_remove_clicked_cb (GtkButton *button, RpScopePage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "rp-row");
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "rp-id"));
  g_autoptr (GError) error = NULL;

  rp_text_edits_discard (self->edits, g_object_get_data (G_OBJECT (row), "rp-entry"));
  if (!rp_store_delete (self->store, RP_ENTITY_CRITERION, id, &error))
    {
      rp_ui_show_error (GTK_WIDGET (button), error->message);
      return;
    }
  rp_release_page_update_now (RP_RELEASE_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->criterion_add_entry));
  rp_release_page_show_deleted (RP_RELEASE_PAGE (self), RP_ENTITY_CRITERION, id, _("Acceptance criterion"));
}

static GtkWidget *
make_icon_button (const char *icon, const char *name, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
make_criterion_row (RpScopePage *self, RpRecord *criterion)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *entry = rp_wrap_text_view_new ();
  GtkEventController *enter = gtk_shortcut_controller_new ();
  GtkWidget *up = make_icon_button ("go-up-symbolic", "criterion-up", _("Move Up"));
  GtkWidget *down = make_icon_button ("go-down-symbolic", "criterion-down", _("Move Down"));
  GtkWidget *remove = make_icon_button ("user-trash-symbolic", "criterion-remove", _("Remove Criterion"));
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* A row of its own rather than an AdwEntryRow: the tick, the text and
   * the buttons on one line, the text where the eye expects it. */
  gtk_widget_set_name (row, "criterion-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  g_object_set_data_full (G_OBJECT (row), "rp-id", g_strdup (rp_record_get_id (criterion)), g_free);
  g_object_set_data_full (G_OBJECT (entry), "rp-id", g_strdup (rp_record_get_id (criterion)), g_free);

  gtk_widget_set_name (check, "criterion-check");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Met"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Met"), -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), rp_criterion_get_met (RP_CRITERION (criterion)));

  /* A text view rather than an entry: a criterion is a sentence, and a
   * long one wraps instead of hiding its end. One that asks for the
   * height of its text at its width: a plain GtkTextView in a row is
   * measured before it has a width and drawn 0 px high. */
  gtk_widget_set_name (entry, "criterion-entry");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "rp-criterion-text");
  rp_ui_setup_text_view (GTK_TEXT_VIEW (entry), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)),
                            rp_criterion_get_text (RP_CRITERION (criterion)), -1);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry))), "rp-view", entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Acceptance criterion"), -1);
  gtk_event_controller_set_propagation_phase (enter, GTK_PHASE_CAPTURE);
  rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (enter), GDK_KEY_Return, 0, on_criterion_enter_pressed_cb, self,
                      NULL);
  rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (enter), GDK_KEY_KP_Enter, 0, on_criterion_enter_pressed_cb,
                      self, NULL);
  gtk_widget_add_controller (entry, enter);

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "rp-check", check);
  g_object_set_data (G_OBJECT (row), "rp-entry", entry);
  g_object_set_data (G_OBJECT (row), "rp-up", up);
  g_object_set_data (G_OBJECT (row), "rp-down", down);
  g_object_set_data (G_OBJECT (row), "rp-remove", remove);
  g_object_set_data (G_OBJECT (check), "rp-row", row);
  g_object_set_data (G_OBJECT (entry), "rp-row", row);
  g_object_set_data (G_OBJECT (up), "rp-row", row);
  g_object_set_data (G_OBJECT (down), "rp-row", row);
  g_object_set_data (G_OBJECT (remove), "rp-row", row);

  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)), "changed",
                           G_CALLBACK (on_criterion_changed_cb), self, 0);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_criterion_toggled_cb), self, 0);
  g_signal_connect_object (up, "clicked", G_CALLBACK (on_criterion_up_clicked_cb), self, 0);
  g_signal_connect_object (down, "clicked", G_CALLBACK (on_criterion_down_clicked_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_criterion_remove_clicked_cb), self, 0);
  rp_text_edits_watch_focus (self->edits, entry);

  /* Alt+Up and Alt+Down move the criterion, as the buttons do. */
  rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Up, GDK_ALT_MASK,
                      on_criterion_move_pressed_cb, self, g_variant_new_int32 (-1));
  rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Down, GDK_ALT_MASK,
                      on_criterion_move_pressed_cb, self, g_variant_new_int32 (+1));
  gtk_widget_add_controller (row, shortcuts);
  return row;
}

/* Each criterion's row and buttons say which criterion they are. */
static void
name_criterion_row (GtkWidget *row, RpRecord *criterion)
{
  const char *text = rp_criterion_get_text (RP_CRITERION (criterion));
  gboolean is_met = rp_criterion_get_met (RP_CRITERION (criterion));
  g_autofree char *row_label = NULL;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *remove = NULL;

  text = text != NULL ? text : "";
  /* Translators: an acceptance criterion as a screen reader reads it: "Refunds work, met" */
  row_label = g_strdup_printf (is_met ? _("%s, met") : _("%s, not met"), text);
  rp_ui_set_row_label (row, row_label);
  /* Translators: the buttons of an acceptance criterion, "Move Up: Refunds work" */
  up = g_strdup_printf (_("Move Up: %s"), text);
  down = g_strdup_printf (_("Move Down: %s"), text);
  remove = g_strdup_printf (_("Remove Criterion: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "rp-up")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "rp-down")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "rp-remove")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
}

static void
update_criteria (RpScopePage *self)
{
  g_autoptr (GPtrArray) criteria = NULL;
  gboolean same = TRUE;
  guint met = 0;
  g_autofree char *text = NULL;

  criteria =
      rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self))
          ? rp_store_list (self->store, RP_ENTITY_CRITERION,
                           rp_record_get_id (rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self))))
          : g_ptr_array_new_with_free_func (g_object_unref);

  if (criteria->len != self->criterion_rows->len)
    same = FALSE;
  for (guint i = 0; same && i < criteria->len; i++)
    same = g_strcmp0 (rp_record_get_id (criteria->pdata[i]),
                      g_object_get_data (self->criterion_rows->pdata[i], "rp-id")) == 0;

  if (!same)
    {
      /* The set or the order changed: build the rows again (there are
       * few), saving what is being typed in the old ones first. */
      for (guint i = 0; i < self->criterion_rows->len; i++)
        {
          GtkWidget *row = self->criterion_rows->pdata[i];
          GtkWidget *entry = g_object_get_data (G_OBJECT (row), "rp-entry");

          rp_text_edits_flush (self->edits, entry);
          rp_text_edits_discard (self->edits, entry);
          gtk_list_box_remove (self->criteria_list, row);
        }
      g_ptr_array_set_size (self->criterion_rows, 0);
      for (guint i = 0; i < criteria->len; i++)
        {
          GtkWidget *row = make_criterion_row (self, criteria->pdata[i]);

          gtk_list_box_insert (self->criteria_list, row, i);
          g_ptr_array_add (self->criterion_rows, row);
        }
    }

  for (guint i = 0; i < criteria->len; i++)
    {
      RpRecord *criterion = criteria->pdata[i];
      GtkWidget *row = self->criterion_rows->pdata[i];
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "rp-check");
      gboolean is_met = rp_criterion_get_met (RP_CRITERION (criterion));

      rp_text_edits_set_text (self->edits, g_object_get_data (G_OBJECT (row), "rp-entry"),
                              rp_criterion_get_text (RP_CRITERION (criterion)));
      if (gtk_check_button_get_active (check) != is_met)
        {
          self->syncing++;
          gtk_check_button_set_active (check, is_met);
          self->syncing--;
        }
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "rp-up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "rp-down"), i + 1 < criteria->len);
      if (is_met)
        met++;
      name_criterion_row (row, criterion);

      if (self->focus_criterion != NULL &&
          g_strcmp0 (self->focus_criterion, rp_record_get_id (criterion)) == 0)
        {
          GtkWidget *target = g_object_get_data (G_OBJECT (row), "rp-entry");

          if (g_strcmp0 (self->focus_part, "up") == 0 && i > 0)
            target = g_object_get_data (G_OBJECT (row), "rp-up");
          else if (g_strcmp0 (self->focus_part, "down") == 0 && i + 1 < criteria->len)
            target = g_object_get_data (G_OBJECT (row), "rp-down");
          gtk_widget_grab_focus (target);
        }
    }
  g_clear_pointer (&self->focus_criterion, g_free);
  g_clear_pointer (&self->focus_part, g_free);

  if (criteria->len == 0)
    text = g_strdup (_("None yet"));
  else
    /* Translators: "2 of 3 met", acceptance criteria */
    text = g_strdup_printf (_("%u of %u met"), met, criteria->len);
  gtk_label_set_label (self->criteria_label, text);
  /* No empty frame above the entry that adds the first one. */
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_list), criteria->len > 0);
}

static void
move_criterion (RpScopePage *self, GtkWidget *row, int delta, const char *focus_part)
{
  const char *id = g_object_get_data (G_OBJECT (row), "rp-id");
  guint index;
  g_autoptr (GError) error = NULL;

  if (!g_ptr_array_find (self->criterion_rows, row, &index) || (delta < 0 && index == 0) ||
      (delta > 0 && index + 1 >= self->criterion_rows->len))
    return;
  rp_text_edits_flush (self->edits, g_object_get_data (G_OBJECT (row), "rp-entry"));
  g_free (self->focus_criterion);
  self->focus_criterion = g_strdup (id);
  g_free (self->focus_part);
  self->focus_part = g_strdup (focus_part);
  if (!rp_store_move (self->store, RP_ENTITY_CRITERION, id, index + delta, &error))
    {
      rp_ui_show_error (g_object_get_data (G_OBJECT (row), "rp-entry"), error->message);
      return;
    }
  rp_release_page_update_now (RP_RELEASE_PAGE (self));
}

static gboolean
on_criterion_add_cb (RpScopePage *self, const char *text)
{
  g_autoptr (RpRecord) criterion = NULL;
  g_autoptr (GError) error = NULL;

  if (rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self)) == NULL)
    return FALSE;
  criterion = rp_record_new (RP_ENTITY_CRITERION);
  rp_record_set_string (criterion, "scope_item_id",
                        rp_record_get_id (rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self))));
  rp_record_set_string (criterion, "text", text);
  rp_record_set_position (criterion, -1);
  if (!rp_store_insert (self->store, criterion, &error))
    {
      rp_add_entry_show_error (self->criterion_add_entry, error->message);
      return FALSE;
    }
  rp_release_page_update_now (RP_RELEASE_PAGE (self));
  return TRUE;
}

/* The editor: the item */

static void
rp_scope_page_show_record (RpListEditorPage *page, RpRecord *record, gboolean other)
{
  RpScopePage *self = RP_SCOPE_PAGE (page);
  RpScopeItem *item = record ? RP_SCOPE_ITEM (record) : NULL;
  guint status;

  if (other)
    {
      rp_ui_show_error (GTK_WIDGET (self->status_row), NULL);
      rp_ui_show_error (GTK_WIDGET (self->risky_row), NULL);
      rp_ui_show_error (self->owner_row, NULL);
    }
  if (item == NULL)
    {
      update_criteria (self);
      return;
    }

  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->title_row), rp_scope_item_get_title (item));
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->flag_row), rp_scope_item_get_feature_flag (item));
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->description_view),
                          rp_scope_item_get_description (item));

  self->syncing++;
  status = rp_scope_item_get_status (item);
  if (adw_combo_row_get_selected (self->status_row) != status)
    adw_combo_row_set_selected (self->status_row, status);
  if (gtk_switch_get_active (self->risky_switch) != rp_scope_item_get_risky (item))
    gtk_switch_set_active (self->risky_switch, rp_scope_item_get_risky (item));
  if (g_strcmp0 (rp_person_row_get_person_id (RP_PERSON_ROW (self->owner_row)),
                 rp_scope_item_get_owner_id (item)) != 0)
    rp_person_row_set_person_id (RP_PERSON_ROW (self->owner_row), rp_scope_item_get_owner_id (item));
  self->syncing--;

  /* A risky item wants a flag: the field says so until it has one. */
  if (rp_scope_item_get_risky (item) && rp_text_is_blank (rp_scope_item_get_feature_flag (item)))
    gtk_widget_add_css_class (GTK_WIDGET (self->flag_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->flag_row), "warning");

  update_criteria (self);
}

static void
on_status_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpScopePage *self)
{
  guint index = adw_combo_row_get_selected (row);

  if (!self->syncing && index < g_strv_length ((char **) rp_scope_statuses))
    rp_list_editor_page_save_current (RP_LIST_EDITOR_PAGE (self), "status",
                                      g_variant_new_string (rp_scope_statuses[index]), GTK_WIDGET (row));
}

static void
on_risky_toggled_cb (GtkSwitch *sw, GParamSpec *pspec, RpScopePage *self)
{
  if (!self->syncing)
    rp_list_editor_page_save_current (RP_LIST_EDITOR_PAGE (self), "risky",
                                      g_variant_new_boolean (gtk_switch_get_active (sw)),
                                      GTK_WIDGET (self->risky_row));
}

static void
on_owner_picked_cb (RpPersonRow *row, GParamSpec *pspec, RpScopePage *self)
{
  const char *id = rp_person_row_get_person_id (row);

  if (!self->syncing)
    rp_list_editor_page_save_current (RP_LIST_EDITOR_PAGE (self), "owner_id",
                                      id ? g_variant_new_string (id) : NULL, GTK_WIDGET (row));
}

static gboolean
is_done (RpRecord *item)
{
  return rp_scope_item_get_status (RP_SCOPE_ITEM (item)) == RP_SCOPE_STATUS_DONE;
}

static gboolean
is_risky (RpRecord *item)
{
  return rp_scope_item_get_risky (RP_SCOPE_ITEM (item));
}

static char *
rp_scope_page_describe (RpListEditorPage *page, RpRecord *record)
{
  guint n = g_list_model_get_n_items (rp_list_editor_page_get_model (page));

  if (record != NULL)
    /* Translators: what was deleted, in a toast "… deleted" */
    return g_strdup_printf (_("Scope item “%s”"), rp_scope_item_get_title (RP_SCOPE_ITEM (record)));
  return g_strdup_printf (/* Translators: "12 items, 4 done, 2 risky" */
                          g_dngettext (GETTEXT_PACKAGE, "%u item, %u done, %u risky",
                                       "%u items, %u done, %u risky", n),
                          n, rp_list_editor_page_count (page, is_done),
                          rp_list_editor_page_count (page, is_risky));
}

/* The tick of the first criterion not met, or the entry for a new one
 * when there is none: what fixes a finding about the criteria. */
static GtkWidget *
first_unmet_criterion (RpScopePage *self)
{
  for (guint i = 0; i < self->criterion_rows->len; i++)
    {
      GtkWidget *check = g_object_get_data (self->criterion_rows->pdata[i], "rp-check");

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        return check;
    }
  return GTK_WIDGET (self->criterion_add_entry);
}

static gboolean
rp_scope_page_focus_field (RpListEditorPage *page, const char *field)
{
  RpScopePage *self = RP_SCOPE_PAGE (page);
  GtkWidget *widget = GTK_WIDGET (self->title_row);

  if (g_strcmp0 (field, "feature_flag") == 0)
    widget = GTK_WIDGET (self->flag_row);
  else if (g_strcmp0 (field, "status") == 0)
    widget = GTK_WIDGET (self->status_row);
  else if (g_strcmp0 (field, "criteria") == 0)
    widget = first_unmet_criterion (self);
  else if (g_strcmp0 (field, "description") == 0)
    widget = GTK_WIDGET (self->description_view);
  else if (field != NULL && g_strcmp0 (field, "title") != 0)
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/* RpReleasePage */

/* What the rows show of the criteria is read again. */
static void
forget_row_caches (RpScopePage *self)
{
  g_hash_table_remove_all (self->counts);
}

static void
rp_scope_page_release_changed (RpReleasePage *page)
{
  forget_row_caches (RP_SCOPE_PAGE (page));
  RP_RELEASE_PAGE_CLASS (rp_scope_page_parent_class)->release_changed (page);
}

static void
rp_scope_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  RpScopePage *self = RP_SCOPE_PAGE (page);
  gboolean stale = entity == RP_ENTITY_CRITERION || entity == RP_N_ENTITIES;

  if (stale)
    forget_row_caches (self);
  RP_RELEASE_PAGE_CLASS (rp_scope_page_parent_class)->store_changed (page, entity, id);
  /* Criteria show in rows that did not change themselves (for all
   * changes, the base shows the rows again). */
  if (entity == RP_ENTITY_CRITERION)
    rp_list_editor_page_rebind_rows (RP_LIST_EDITOR_PAGE (self));
}

/* A criterion is found in the editor of its item. */
static gboolean
rp_scope_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id, const char *field,
                              gboolean focus)
{
  RpScopePage *self = RP_SCOPE_PAGE (page);
  g_autoptr (RpRecord) criterion = NULL;

  if (entity != RP_ENTITY_CRITERION)
    return RP_RELEASE_PAGE_CLASS (rp_scope_page_parent_class)
        ->select_subject (page, entity, id, field, focus);
  criterion = rp_store_get (self->store, RP_ENTITY_CRITERION, id, NULL);
  if (criterion == NULL ||
      !RP_RELEASE_PAGE_CLASS (rp_scope_page_parent_class)
           ->select_subject (page, RP_ENTITY_SCOPE_ITEM,
                             rp_criterion_get_scope_item_id (RP_CRITERION (criterion)), NULL, focus))
    return FALSE;
  for (guint i = 0; focus && i < self->criterion_rows->len; i++)
    if (g_strcmp0 (g_object_get_data (self->criterion_rows->pdata[i], "rp-id"), id) == 0)
      gtk_widget_grab_focus (g_object_get_data (self->criterion_rows->pdata[i], "rp-entry"));
  return TRUE;
}

static void
rp_scope_page_store_set (RpReleasePage *page)
{
  RpScopePage *self = RP_SCOPE_PAGE (page);
  RpListEditorPage *list = RP_LIST_EDITOR_PAGE (page);

  self->store = rp_release_page_get_store (page);
  self->edits = rp_release_page_get_edits (page);
  rp_list_editor_page_watch_text (list, GTK_WIDGET (self->title_row), "title");
  rp_list_editor_page_watch_text (list, GTK_WIDGET (self->flag_row), "feature_flag");
  rp_list_editor_page_watch_text (list, GTK_WIDGET (self->description_view), "description");
  self->owner_row = rp_person_row_new (self->store, _("Owner"), TRUE);
  gtk_widget_set_name (self->owner_row, "owner-row");
  gtk_list_box_insert (self->details_list, self->owner_row, 2);
  g_signal_connect_object (self->owner_row, "notify::person-id", G_CALLBACK (on_owner_picked_cb), self, 0);
}

/* What was typed, as the value to store; an empty required text is
 * refused with what it lacks in words. */
static gboolean
rp_scope_page_text_value (RpReleasePage *page, RpEntity entity, const char *column, const char *text,
                          GVariant **value, const char **message)
{
  if (rp_text_blank_is_none (entity, column, text, value))
    return TRUE;
  if (entity == RP_ENTITY_CRITERION)
    *message = _("A criterion needs a text: what must be true?");
  else
    *message = _("A scope item needs a title.");
  return FALSE;
}

/* GObject */

static void
rp_scope_page_finalize (GObject *object)
{
  RpScopePage *self = RP_SCOPE_PAGE (object);

  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->criterion_rows, g_ptr_array_unref);
  g_clear_pointer (&self->focus_criterion, g_free);
  g_clear_pointer (&self->focus_part, g_free);
  G_OBJECT_CLASS (rp_scope_page_parent_class)->finalize (object);
}

static void
rp_scope_page_class_init (RpScopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);
  RpListEditorPageClass *list_class = RP_LIST_EDITOR_PAGE_CLASS (klass);

  object_class->finalize = rp_scope_page_finalize;
  page_class->store_set = rp_scope_page_store_set;
  page_class->release_changed = rp_scope_page_release_changed;
  page_class->store_changed = rp_scope_page_store_changed;
  page_class->select_subject = rp_scope_page_select_subject;
  page_class->text_value = rp_scope_page_text_value;
  rp_release_page_class_watch (page_class, RP_ENTITY_SCOPE_ITEM);
  rp_release_page_class_watch (page_class, RP_ENTITY_CRITERION);
  list_class->entity = RP_ENTITY_SCOPE_ITEM;
  list_class->setup_row = rp_scope_page_setup_row;
  list_class->bind_row = rp_scope_page_bind_row;
  list_class->show_record = rp_scope_page_show_record;
  list_class->focus_field = rp_scope_page_focus_field;
  list_class->describe = rp_scope_page_describe;

  rp_release_page_class_set_template_from_resource (
      page_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-scope-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, details_list);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, risky_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, risky_switch);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, flag_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, description_view);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, criteria_label);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, criterion_add_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_criterion_add_cb);

  gtk_widget_class_set_css_name (widget_class, "rp-scope-page");
}

static void
rp_scope_page_init (RpScopePage *self)
{
  g_autoptr (GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-scope.css");

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->criterion_rows = g_ptr_array_new ();
  statuses = rp_ui_enum_model (rp_scope_statuses);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb), self, 0);
  g_signal_connect_object (self->risky_switch, "notify::active", G_CALLBACK (on_risky_toggled_cb), self, 0);
}
