/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-person-row.h"
#include "rp-record-list.h"
#include "rp-text-edits.h"
#include "rp-scope-page.h"
#include "rp-ui-util.h"

/* The scope of a release: what it delivers, each item with its acceptance
 * criteria. A list of the items (a GtkListView over a GListStore of
 * RpRecord snapshots, reloaded after every change of the store) beside an
 * editor of the selected one; on a narrow window the two are pages of a
 * leaflet. Every edit is saved at once: switches and combos when they
 * change, text 400 ms after the last key, or at once on Enter or when the
 * focus leaves the field. */

struct _RpScopePage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkEntry *add_entry;
  GtkButton *add_button;
  GtkLabel *summary_label;
  GtkStack *list_stack;
  GtkListView *list_view;
  GtkWidget *editor_pane;
  GtkWidget *back_bar;
  GtkLabel *back_label;
  GtkStack *editor_stack;
  GtkListBox *details_list;
  AdwEntryRow *title_row;
  AdwComboRow *status_row;
  AdwActionRow *risky_row;
  GtkSwitch *risky_switch;
  AdwEntryRow *flag_row;
  GtkTextView *description_view;
  GtkLabel *criteria_label;
  GtkListBox *criteria_list;
  AdwEntryRow *criterion_add_row;
  GtkButton *delete_button;

  /* owned */
  RpStore *store;
  char *release_id;
  GListStore *items; /* RpRecord of RP_ENTITY_SCOPE_ITEM */
  GtkSingleSelection *selection;
  RpRecord *current;         /* the item in the editor */
  RpTextEdits *edits;       /* GtkWidget* -> PendingEdit* */
  GHashTable *counts;        /* scope item id -> "met/total" packed in a pointer */
  GHashTable *people;        /* person id -> name (char*), "" for none */
  GPtrArray *bound_rows;     /* the list rows on screen, borrowed */
  GPtrArray *criterion_rows; /* the criterion rows in order, borrowed */
  char *focus_criterion;     /* the criterion to focus after a rebuild */
  char *focus_part;          /* "text", "up", "down" */
  char *deleted_id;          /* selected again if an undo brings it back */
  gulong changed_id;
  guint reload_id;

  /* borrowed */
  GtkWidget *owner_row; /* RpPersonRow, a child of details_list */

  gboolean stale_rows; /* names or counts the rows show have changed */
  guint syncing;       /* > 0 while the page sets its own widgets */
  guint reloading;
};

G_DEFINE_FINAL_TYPE (RpScopePage, rp_scope_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RELEASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (RpScopePage *self);

static const char *
status_style (const char *status)
{
  if (g_strcmp0 (status, "done") == 0)
    return "success";
  if (g_strcmp0 (status, "in_progress") == 0)
    return "accent";
  if (g_strcmp0 (status, "dropped") == 0)
    return "dim";
  return NULL;
}

static void
set_pill (GtkWidget *label, const char *text, const char *style)
{
  const char *const styles[] = { "accent", "success", "warning", "error", "dim" };

  gtk_label_set_label (GTK_LABEL (label), text);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (label, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

/* Reading what the page shows: names of people and counts of criteria,
 * cached until the next reload and asked for only by the rows on screen,
 * so that 2,000 items cost what the 20 visible ones cost. */

static const char *
lookup_person (RpScopePage *self, const char *person_id)
{
  const char *name;

  if (person_id == NULL)
    return NULL;
  name = g_hash_table_lookup (self->people, person_id);
  if (name == NULL)
    {
      g_autoptr (RpRecord) person = rp_store_get (self->store, RP_ENTITY_PERSON, person_id, NULL);

      name = person ? rp_record_get_string (person, "name") : "";
      g_hash_table_insert (self->people, g_strdup (person_id), g_strdup (name));
      name = g_hash_table_lookup (self->people, person_id);
    }
  return *name ? name : NULL;
}

static void
count_criteria (RpScopePage *self, const char *item_id, guint *met, guint *total)
{
  gpointer packed;

  if (!g_hash_table_lookup_extended (self->counts, item_id, NULL, &packed))
    {
      g_autoptr (GPtrArray) criteria = rp_store_list (self->store, RP_ENTITY_CRITERION, item_id);
      guint n_met = 0;

      for (guint i = 0; i < criteria->len; i++)
        if (rp_record_get_bool (criteria->pdata[i], "met"))
          n_met++;
      packed = GUINT_TO_POINTER ((n_met << 16) | MIN (criteria->len, 0xffff));
      g_hash_table_insert (self->counts, g_strdup (item_id), packed);
    }
  *met = GPOINTER_TO_UINT (packed) >> 16;
  *total = GPOINTER_TO_UINT (packed) & 0xffff;
}

/* What was typed, as the value to store; an empty required text is
 * refused with what it lacks in words. */
static gboolean
text_to_value (RpEntity entity, const char *column, const char *text, GVariant **value,
               const char **message, gpointer user_data)
{
  if (rp_text_blank_is_none (entity, column, text, value))
    return TRUE;
  if (entity == RP_ENTITY_CRITERION)
    *message = _("A criterion needs a text: what must be true?");
  else
    *message = _("A scope item needs a title.");
  return FALSE;
}

/* The list */

static RpRecord *
get_selected_record (RpScopePage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_row (RpScopePage *self, GtkWidget *row)
{
  RpRecord *record = g_object_get_data (G_OBJECT (row), "rp-record");
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "rp-title");
  GtkWidget *risky = g_object_get_data (G_OBJECT (row), "rp-risky");
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "rp-status");
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "rp-details");
  const char *status_value, *owner, *flag;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *a11y = NULL;
  guint met, total;

  if (record == NULL)
    return;
  status_value = rp_record_get_string (record, "status");
  owner = lookup_person (self, rp_record_get_string (record, "owner_id"));
  flag = rp_record_get_string (record, "feature_flag");
  count_criteria (self, rp_record_get_id (record), &met, &total);

  gtk_label_set_label (GTK_LABEL (title), rp_record_get_string (record, "title"));
  if (g_strcmp0 (status_value, "dropped") == 0)
    gtk_widget_add_css_class (title, "rp-dropped");
  else
    gtk_widget_remove_css_class (title, "rp-dropped");
  set_pill (status, rp_ui_enum_label (status_value), status_style (status_value));
  gtk_widget_set_visible (risky, rp_record_get_bool (record, "risky"));

  g_string_append (text, owner ? owner : _("No owner"));
  if (!rp_text_is_blank (flag))
    {
      g_string_append (text, " · ");
      /* Translators: the key of the feature flag of a scope item */
      g_string_append_printf (text, _("flag %s"), flag);
    }
  else if (rp_record_get_bool (record, "risky"))
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
                            g_dngettext (GETTEXT_PACKAGE, "%u/%u criterion met",
                                         "%u/%u criteria met", total),
                            met, total);
  gtk_label_set_label (GTK_LABEL (details), text->str);
  if (total > 0 && met < total)
    gtk_widget_remove_css_class (details, "success");
  else if (total > 0)
    gtk_widget_add_css_class (details, "success");

  a11y = g_strdup_printf ("%s, %s%s, %s", rp_record_get_string (record, "title"),
                          rp_ui_enum_label (status_value),
                          rp_record_get_bool (record, "risky") ? _(", risky") : "", text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpScopePage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *risky = gtk_label_new (_("Risky"));
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_name (row, "scope-row");
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_valign (risky, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (risky, "rp-pill");
  gtk_widget_add_css_class (risky, "warning");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "rp-pill");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");

  /* The title has the whole first line; the pills lead the second. */
  gtk_widget_set_hexpand (details, TRUE);
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (top), risky);
  gtk_box_append (GTK_BOX (top), details);
  gtk_box_append (GTK_BOX (row), top);

  g_object_set_data (G_OBJECT (row), "rp-title", title);
  g_object_set_data (G_OBJECT (row), "rp-risky", risky);
  g_object_set_data (G_OBJECT (row), "rp-status", status);
  g_object_set_data (G_OBJECT (row), "rp-details", details);
  gtk_list_item_set_child (item, row);
}

static void
on_row_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpScopePage *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_object_set_data_full (G_OBJECT (row), "rp-record", g_object_ref (gtk_list_item_get_item (item)),
                          g_object_unref);
  g_ptr_array_add (self->bound_rows, row);
  update_row (self, row);
}

static void
on_row_unbound_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpScopePage *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->bound_rows, row);
  g_object_set_data (G_OBJECT (row), "rp-record", NULL);
}

static void
update_summary (RpScopePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint done = 0, risky = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) record = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (rp_record_get_string (record, "status"), "done") == 0)
        done++;
      if (rp_record_get_bool (record, "risky"))
        risky++;
    }
  text = g_strdup_printf (/* Translators: "12 items, 4 done, 2 risky" */
                          g_dngettext (GETTEXT_PACKAGE, "%u item, %u done, %u risky",
                                       "%u items, %u done, %u risky", n),
                          n, done, risky);
  gtk_label_set_label (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
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
  rp_ui_save_value (self->store, RP_ENTITY_CRITERION, g_object_get_data (G_OBJECT (row), "rp-id"),
                    "met", g_variant_new_boolean (gtk_check_button_get_active (check)),
                    GTK_WIDGET (check));
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
  reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->criterion_add_row));
  rp_ui_toast_deleted (GTK_WIDGET (self), _("Acceptance criterion"));
}

static GtkWidget *
make_icon_button (const char *icon, const char *name, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
make_criterion_row (RpScopePage *self, RpRecord *criterion)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *entry = gtk_text_view_new ();
  GtkEventController *enter = gtk_shortcut_controller_new ();
  GtkWidget *up = make_icon_button ("go-up-symbolic", "criterion-up", _("Move Up"));
  GtkWidget *down = make_icon_button ("go-down-symbolic", "criterion-down", _("Move Down"));
  GtkWidget *remove =
      make_icon_button ("user-trash-symbolic", "criterion-remove", _("Remove Criterion"));
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
  g_object_set_data_full (G_OBJECT (entry), "rp-id", g_strdup (rp_record_get_id (criterion)),
                          g_free);

  gtk_widget_set_name (check, "criterion-check");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Met"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Met"),
                                  -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), rp_record_get_bool (criterion, "met"));

  /* A text view rather than an entry: a criterion is a sentence, and a
   * long one wraps instead of hiding its end. */
  gtk_widget_set_name (entry, "criterion-entry");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "rp-criterion-text");
  rp_ui_setup_text_view (GTK_TEXT_VIEW (entry), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)),
                            rp_record_get_string (criterion, "text"), -1);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry))), "rp-view", entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Acceptance criterion"), -1);
  gtk_event_controller_set_propagation_phase (enter, GTK_PHASE_CAPTURE);
  rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (enter), GDK_KEY_Return, 0,
                      on_criterion_enter_pressed_cb, self, NULL);
  rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (enter), GDK_KEY_KP_Enter, 0,
                      on_criterion_enter_pressed_cb, self, NULL);
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

static void
update_criteria (RpScopePage *self)
{
  g_autoptr (GPtrArray) criteria = NULL;
  gboolean same = TRUE;
  guint met = 0;
  g_autofree char *text = NULL;

  criteria = self->current ? rp_store_list (self->store, RP_ENTITY_CRITERION,
                                            rp_record_get_id (self->current))
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
      gboolean is_met = rp_record_get_bool (criterion, "met");

      rp_text_edits_set_text (self->edits, g_object_get_data (G_OBJECT (row), "rp-entry"),
                       rp_record_get_string (criterion, "text"));
      if (gtk_check_button_get_active (check) != is_met)
        {
          self->syncing++;
          gtk_check_button_set_active (check, is_met);
          self->syncing--;
        }
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "rp-up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "rp-down"),
                                i + 1 < criteria->len);
      if (is_met)
        met++;

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
  reload (self);
}

static void
on_criterion_add_activated_cb (RpScopePage *self)
{
  g_autofree char *text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->criterion_add_row))));
  g_autoptr (RpRecord) criterion = NULL;
  g_autoptr (GError) error = NULL;

  if (self->current == NULL)
    return;
  if (rp_text_is_blank (text))
    {
      rp_ui_show_error (GTK_WIDGET (self->criterion_add_row),
                        _("Type what must be true, then press Enter."));
      return;
    }
  criterion = rp_record_new (RP_ENTITY_CRITERION);
  rp_record_set_string (criterion, "scope_item_id", rp_record_get_id (self->current));
  rp_record_set_string (criterion, "text", text);
  rp_record_set_position (criterion, -1);
  if (!rp_store_insert (self->store, criterion, &error))
    {
      rp_ui_show_error (GTK_WIDGET (self->criterion_add_row), error->message);
      return;
    }
  rp_ui_show_error (GTK_WIDGET (self->criterion_add_row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->criterion_add_row), "");
  reload (self);
}

/* The editor: the item */

static void
update_editor (RpScopePage *self)
{
  RpRecord *item = self->current;
  guint status;

  gtk_stack_set_visible_child_name (self->editor_stack, item ? "editor" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), item != NULL);
  if (item == NULL)
    {
      update_criteria (self);
      return;
    }

  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->title_row),
                          rp_record_get_string (item, "title"));
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->flag_row),
                          rp_record_get_string (item, "feature_flag"));
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->description_view),
                   rp_record_get_string (item, "description"));

  self->syncing++;
  status = rp_ui_enum_index (rp_scope_statuses, rp_record_get_string (item, "status"));
  if (adw_combo_row_get_selected (self->status_row) != status)
    adw_combo_row_set_selected (self->status_row, status);
  if (gtk_switch_get_active (self->risky_switch) != rp_record_get_bool (item, "risky"))
    gtk_switch_set_active (self->risky_switch, rp_record_get_bool (item, "risky"));
  if (g_strcmp0 (rp_person_row_get_person_id (RP_PERSON_ROW (self->owner_row)),
                 rp_record_get_string (item, "owner_id")) != 0)
    rp_person_row_set_person_id (RP_PERSON_ROW (self->owner_row),
                                 rp_record_get_string (item, "owner_id"));
  self->syncing--;

  /* A risky item wants a flag: the field says so until it has one. */
  if (rp_record_get_bool (item, "risky") &&
      rp_text_is_blank (rp_record_get_string (item, "feature_flag")))
    gtk_widget_add_css_class (GTK_WIDGET (self->flag_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->flag_row), "warning");

  gtk_label_set_label (self->back_label, rp_record_get_string (item, "title"));
  update_criteria (self);
}

static void
save_current (RpScopePage *self, const char *column, GVariant *value, GtkWidget *widget)
{
  GVariant *stored = NULL; /* borrowed */

  if (value != NULL)
    g_variant_ref_sink (value);
  if (self->current != NULL)
    stored = rp_record_get_value (self->current, column);
  /* The page setting its own widgets, or a combo telling late about a
   * value the page put back: no edit. */
  if (self->syncing || self->current == NULL ||
      (stored == NULL ? value == NULL : value != NULL && g_variant_equal (stored, value)))
    {
      if (value != NULL)
        g_variant_unref (value);
      return;
    }
  rp_ui_save_value (self->store, RP_ENTITY_SCOPE_ITEM, rp_record_get_id (self->current), column,
                    value, widget);
}

static void
on_text_changed_cb (RpScopePage *self, GtkWidget *widget)
{
  const char *column;

  if (self->syncing || self->current == NULL)
    return;
  if (widget == GTK_WIDGET (self->title_row))
    column = "title";
  else if (widget == GTK_WIDGET (self->flag_row))
    column = "feature_flag";
  else
    column = "description";
  rp_text_edits_schedule (self->edits, widget, RP_ENTITY_SCOPE_ITEM,
                          rp_record_get_id (self->current), column);
}

static void
on_entry_changed_cb (GtkEditable *editable, RpScopePage *self)
{
  on_text_changed_cb (self, GTK_WIDGET (editable));
}

static void
on_description_changed_cb (GtkTextBuffer *buffer, RpScopePage *self)
{
  on_text_changed_cb (self, GTK_WIDGET (self->description_view));
}

static void
on_entry_row_activated_cb (AdwEntryRow *row, RpScopePage *self)
{
  rp_text_edits_flush (self->edits, GTK_WIDGET (row));
}

static void
on_status_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpScopePage *self)
{
  guint index = adw_combo_row_get_selected (row);

  if (index < g_strv_length ((char **) rp_scope_statuses))
    save_current (self, "status", g_variant_new_string (rp_scope_statuses[index]),
                  GTK_WIDGET (row));
}

static void
on_risky_toggled_cb (GtkSwitch *sw, GParamSpec *pspec, RpScopePage *self)
{
  save_current (self, "risky", g_variant_new_boolean (gtk_switch_get_active (sw)),
                GTK_WIDGET (self->risky_row));
}

static void
on_owner_picked_cb (RpPersonRow *row, GParamSpec *pspec, RpScopePage *self)
{
  const char *id = rp_person_row_get_person_id (row);

  save_current (self, "owner_id", id ? g_variant_new_string (id) : NULL, GTK_WIDGET (row));
}

/* Selection and reloading */

static void
show_selected (RpScopePage *self)
{
  RpRecord *selected = get_selected_record (self);

  if (selected != self->current)
    {
      gboolean other =
          self->current == NULL || selected == NULL ||
          g_strcmp0 (rp_record_get_id (self->current), rp_record_get_id (selected)) != 0;

      if (other)
        {
          /* Another row: what was typed for the old one is saved to it
           * first, and the fields start afresh. */
          rp_text_edits_flush_all (self->edits);
          rp_text_edits_forget_all (self->edits);
          rp_ui_show_error (GTK_WIDGET (self->status_row), NULL);
          rp_ui_show_error (GTK_WIDGET (self->risky_row), NULL);
          rp_ui_show_error (self->owner_row, NULL);
        }
      g_set_object (&self->current, selected);
    }
  update_editor (self);
}

static void
on_selection_changed_cb (GtkSelectionModel *model, guint position, guint n_items, RpScopePage *self)
{
  if (self->reloading)
    return;
  show_selected (self);
}

static void
reload (RpScopePage *self)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *selected_id = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  records = self->release_id ? rp_store_list (self->store, RP_ENTITY_SCOPE_ITEM, self->release_id)
                             : g_ptr_array_new_with_free_func (g_object_unref);
  if (self->current != NULL)
    selected_id = g_strdup (rp_record_get_id (self->current));

  self->reloading++;

  if (self->stale_rows)
    {
      g_hash_table_remove_all (self->counts);
      g_hash_table_remove_all (self->people);
    }
  rp_record_list_sync (self->items, records);

  /* Criteria and people show in rows that did not change themselves. */
  if (self->stale_rows)
    {
      self->stale_rows = FALSE;
      for (guint i = 0; i < self->bound_rows->len; i++)
        update_row (self, self->bound_rows->pdata[i]);
    }

  /* An undo that brings back the row deleted last selects it again. */
  if (self->deleted_id != NULL &&
      rp_record_list_find (G_LIST_MODEL (self->items), self->deleted_id) !=
          GTK_INVALID_LIST_POSITION)
    {
      g_free (selected_id);
      selected_id = g_steal_pointer (&self->deleted_id);
    }
  rp_record_list_select (self->selection, selected_id);
  self->reloading--;

  update_summary (self);
  show_selected (self);
}

static gboolean
on_reload_idle_cb (gpointer data)
{
  RpScopePage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpScopePage *self)
{
  /* A group of writes (a delete of many, an undo, an import) emits once
   * per row: reload once, when they are all in. */
  if (entity != RP_ENTITY_SCOPE_ITEM && entity != RP_ENTITY_CRITERION &&
      entity != RP_ENTITY_PERSON && entity != RP_ENTITY_RELEASE && entity != RP_N_ENTITIES)
    return;
  if (entity == RP_ENTITY_CRITERION || entity == RP_ENTITY_PERSON || entity == RP_N_ENTITIES)
    self->stale_rows = TRUE;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_reload_idle_cb, self, NULL);
}

/* Adding, deleting, moving items */

static void
on_add_changed_cb (RpScopePage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            !rp_text_is_blank (
                                gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  rp_ui_show_error (GTK_WIDGET (self->add_entry), NULL);
}

static void
on_add_activated_cb (RpScopePage *self)
{
  g_autofree char *title =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  g_autoptr (RpRecord) item = NULL;
  g_autoptr (GError) error = NULL;

  if (self->release_id == NULL)
    return;
  if (*title == '\0')
    {
      rp_ui_show_error (GTK_WIDGET (self->add_entry), _("Type a title first."));
      return;
    }
  item = rp_record_new (RP_ENTITY_SCOPE_ITEM);
  rp_record_set_string (item, "release_id", self->release_id);
  rp_record_set_string (item, "title", title);
  rp_record_set_position (item, -1);
  if (!rp_store_insert (self->store, item, &error))
    {
      rp_ui_show_error (GTK_WIDGET (self->add_entry), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  reload (self);
  /* The new item is selected, so its criteria can be added next; the
   * focus stays in the entry to add another. */
  rp_record_list_select (self->selection, rp_record_get_id (item));
  {
    guint position;

    position = rp_record_list_find (G_LIST_MODEL (self->items), rp_record_get_id (item));
    if (position != GTK_INVALID_LIST_POSITION)
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
  }
}

static void
delete_selected (RpScopePage *self)
{
  g_autoptr (RpRecord) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (self->current == NULL)
    return;
  item = g_object_ref (self->current);
  /* The edits of the item go with it. */
  rp_text_edits_discard (self->edits, NULL);
  if (!rp_store_delete (self->store, RP_ENTITY_SCOPE_ITEM, rp_record_get_id (item), &error))
    {
      rp_ui_show_error (GTK_WIDGET (self->delete_button), error->message);
      return;
    }
  g_free (self->deleted_id);
  self->deleted_id = g_strdup (rp_record_get_id (item));
  reload (self);

  /* The next item takes its place, for deleting several in a row. */
  rp_record_list_select_next (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  /* Translators: what was deleted, in a toast "… deleted" */
  what = g_strdup_printf (_("Scope item “%s”"), rp_record_get_string (item, "title"));
  rp_ui_toast_deleted (GTK_WIDGET (self), what);
}

static void
on_delete_clicked_cb (RpScopePage *self)
{
  delete_selected (self);
}

static void
on_delete_activated_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  delete_selected (RP_SCOPE_PAGE (widget));
}

static gboolean
on_delete_pressed_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  delete_selected (RP_SCOPE_PAGE (data));
  /* The focus stays in the list, on the row that took the place. */
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static gboolean
on_move_item_pressed_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  RpScopePage *self = RP_SCOPE_PAGE (data);
  guint position;

  if (self->current == NULL)
    return TRUE;
  position = rp_record_list_move (self->selection, self->store, RP_ENTITY_SCOPE_ITEM,
                                  rp_record_get_id (self->current), g_variant_get_int32 (args));
  if (position == GTK_INVALID_LIST_POSITION)
    return TRUE;
  reload (self);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

static void
on_item_activated_cb (RpScopePage *self, guint position)
{
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }
}

/* "scope.select-item" (s): shows one row in the editor, for whatever
 * points at it (a readiness finding, a search result). */
static void
on_select_item_activated_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  RpScopePage *self = RP_SCOPE_PAGE (widget);
  guint position;

  position = rp_record_list_find (G_LIST_MODEL (self->items), g_variant_get_string (param, NULL));
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
on_back_clicked_cb (RpScopePage *self)
{
  rp_text_edits_flush_all (self->edits);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_folded_changed_cb (RpScopePage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_bar, folded);
  /* Folded, a tap opens the editor; side by side, selecting does. */
  gtk_list_view_set_single_click_activate (self->list_view, folded);
}

/* GObject */

static void
rp_scope_page_constructed (GObject *object)
{
  RpScopePage *self = RP_SCOPE_PAGE (object);

  G_OBJECT_CLASS (rp_scope_page_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  self->edits = rp_text_edits_new (self->store, RP_TEXT_EDITS_KEEP_REFUSED, text_to_value, NULL);
  rp_text_edits_watch_focus (self->edits, GTK_WIDGET (self->title_row));
  rp_text_edits_watch_focus (self->edits, GTK_WIDGET (self->flag_row));
  rp_text_edits_watch_focus (self->edits, GTK_WIDGET (self->description_view));
  self->owner_row = rp_person_row_new (self->store, _("Owner"), TRUE);
  gtk_widget_set_name (self->owner_row, "owner-row");
  gtk_list_box_insert (self->details_list, self->owner_row, 2);
  g_signal_connect_object (self->owner_row, "notify::person-id", G_CALLBACK (on_owner_picked_cb),
                           self, 0);

  self->changed_id =
      g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

static void
rp_scope_page_dispose (GObject *object)
{
  RpScopePage *self = RP_SCOPE_PAGE (object);

  /* Nothing typed is lost when the page goes. */
  if (self->edits != NULL)
    rp_text_edits_flush_all (self->edits);
  g_clear_object (&self->edits);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  /* The leaflet is the bin's child: take it from the bin before the
   * template lets go of it, so that neither unparents it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_SCOPE_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->current);
  g_clear_object (&self->store);
  g_clear_pointer (&self->release_id, g_free);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);
  g_clear_pointer (&self->criterion_rows, g_ptr_array_unref);
  g_clear_pointer (&self->focus_criterion, g_free);
  g_clear_pointer (&self->focus_part, g_free);
  g_clear_pointer (&self->deleted_id, g_free);

  G_OBJECT_CLASS (rp_scope_page_parent_class)->dispose (object);
}

static void
rp_scope_page_set_release_id (RpScopePage *self, const char *release_id)
{
  if (g_strcmp0 (self->release_id, release_id) == 0)
    return;
  rp_text_edits_flush_all (self->edits);
  rp_text_edits_forget_all (self->edits);
  g_free (self->release_id);
  self->release_id = g_strdup (release_id);

  /* Another release: nothing of the old one stays selected. */
  self->reloading++;
  g_list_store_remove_all (self->items);
  self->reloading--;
  g_clear_object (&self->current);
  self->stale_rows = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  if (self->store != NULL)
    reload (self);
  /* Another release opens on its first row, so the editor has
   * something to show. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_set_sensitive (self->list_pane, release_id != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_ID]);
}

static void
rp_scope_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpScopePage *self = RP_SCOPE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RELEASE_ID:
      g_value_set_string (value, self->release_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_scope_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpScopePage *self = RP_SCOPE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RELEASE_ID:
      rp_scope_page_set_release_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_scope_page_class_init (RpScopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_scope_page_constructed;
  object_class->dispose = rp_scope_page_dispose;
  object_class->get_property = rp_scope_page_get_property;
  object_class->set_property = rp_scope_page_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELEASE_ID] =
      g_param_spec_string ("release-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-scope-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, add_entry);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, back_label);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, details_list);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, risky_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, risky_switch);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, flag_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, description_view);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, criteria_label);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, criterion_add_row);
  gtk_widget_class_bind_template_child (widget_class, RpScopePage, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_criterion_add_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);

  gtk_widget_class_install_action (widget_class, "scope.delete-item", NULL, on_delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "scope.select-item", "s",
                                   on_select_item_activated_cb);

  gtk_widget_class_set_css_name (widget_class, "rp-scope-page");
}

static void
rp_scope_page_init (RpScopePage *self)
{
  GtkListItemFactory *factory;
  g_autoptr (GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-scope.css");

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->bound_rows = g_ptr_array_new ();
  self->stale_rows = TRUE;
  self->criterion_rows = g_ptr_array_new ();

  self->items = g_list_store_new (RP_TYPE_RECORD);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                    self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbound_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scope items"), -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title of a new scope item"), -1);

  /* Delete on the selected row deletes it; Alt+Up and Alt+Down move it. */
  rp_record_list_add_shortcuts (self->list_view, on_delete_pressed_cb, on_move_item_pressed_cb,
                                self);

  statuses = rp_ui_enum_model (rp_scope_statuses);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
  g_signal_connect_object (self->flag_row, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
  g_signal_connect_object (self->title_row, "entry-activated",
                           G_CALLBACK (on_entry_row_activated_cb), self, 0);
  g_signal_connect_object (self->flag_row, "entry-activated",
                           G_CALLBACK (on_entry_row_activated_cb), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (on_description_changed_cb), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->description_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Description"), -1);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb),
                           self, 0);
  g_signal_connect_object (self->risky_switch, "notify::active", G_CALLBACK (on_risky_toggled_cb),
                           self, 0);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_folded_changed_cb (self);
}
