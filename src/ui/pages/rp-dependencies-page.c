/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-dependencies-page.h"
#include "rp-person-row.h"
#include "rp-record-list.h"
#include "rp-text-edits.h"
#include "rp-ui-util.h"

/* What a release waits for: other releases, services, teams, vendors.
 * The same shape as the Scope page: a GtkListView of RpRecord snapshots,
 * reloaded after every change of the store, beside (or, narrow, in front
 * of) an editor that saves every edit at once. A dependency on another
 * release that would close a loop is refused by the store, which names
 * the loop; the page shows that on the release row and puts the choice
 * back. */

struct _RpDependenciesPage
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
  AdwComboRow *kind_row;
  AdwComboRow *release_row;
  AdwComboRow *status_row;
  GtkTextView *notes_view;
  GtkButton *delete_button;

  /* owned */
  RpStore *store;
  char *release_id;
  GListStore *items; /* RpRecord of RP_ENTITY_DEPENDENCY */
  GtkSingleSelection *selection;
  RpRecord *current;      /* the dependency in the editor */
  RpTextEdits *edits;    /* GtkWidget* -> PendingEdit* */
  GHashTable *people;     /* person id -> name (char*), "" for none */
  GHashTable *releases;   /* release id -> "Name 1.2" (char*) */
  GPtrArray *release_ids; /* the choices of release_row; NULL first, for none */
  GtkStringList *release_names;
  GPtrArray *bound_rows; /* the list rows on screen, borrowed */
  char *deleted_id;      /* selected again if an undo brings it back */
  gulong changed_id;
  guint reload_id;

  /* borrowed */
  GtkWidget *owner_row; /* RpPersonRow, a child of details_list */
  GtkWidget *due_row;   /* RpDateRow, a child of details_list */

  gboolean stale_rows; /* names or counts the rows show have changed */
  guint syncing;       /* > 0 while the page sets its own widgets */
  guint reloading;
};

G_DEFINE_FINAL_TYPE (RpDependenciesPage, rp_dependencies_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RELEASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (RpDependenciesPage *self);

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

static const char *
lookup_person (RpDependenciesPage *self, const char *person_id)
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

/* What was typed, as the value to store; an empty required text is
 * refused with what it lacks in words. */
static gboolean
text_to_value (RpEntity entity, const char *column, const char *text, GVariant **value,
               const char **message, gpointer user_data)
{
  if (rp_text_blank_is_none (entity, column, text, value))
    return TRUE;
  *message = _("A dependency needs a title.");
  return FALSE;
}

static const char *
status_style (const char *status)
{
  if (g_strcmp0 (status, "blocked") == 0)
    return "error";
  if (g_strcmp0 (status, "open") == 0)
    return "warning";
  if (g_strcmp0 (status, "ready") == 0)
    return "accent";
  if (g_strcmp0 (status, "resolved") == 0)
    return "success";
  return NULL;
}

/* "Beta 2.1", the way a release is named in a row or a combo. */
static const char *
lookup_release (RpDependenciesPage *self, const char *release_id)
{
  const char *name;

  if (release_id == NULL)
    return NULL;
  name = g_hash_table_lookup (self->releases, release_id);
  if (name == NULL)
    {
      g_autoptr (RpRecord) release =
          rp_store_get (self->store, RP_ENTITY_RELEASE, release_id, NULL);
      const char *version = release ? rp_record_get_string (release, "version") : NULL;
      char *text;

      if (release == NULL)
        text = g_strdup ("");
      else if (rp_text_is_blank (version))
        text = g_strdup (rp_record_get_string (release, "name"));
      else
        text = g_strdup_printf ("%s %s", rp_record_get_string (release, "name"), version);
      g_hash_table_insert (self->releases, g_strdup (release_id), text);
      name = text;
    }
  return *name ? name : NULL;
}

/* The list */

static RpRecord *
get_selected_record (RpDependenciesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_row (RpDependenciesPage *self, GtkWidget *row)
{
  RpRecord *record = g_object_get_data (G_OBJECT (row), "rp-record");
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "rp-title");
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "rp-status");
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "rp-details");
  const char *status_value, *kind, *owner, *on;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *due = NULL;
  g_autofree char *a11y = NULL;

  if (record == NULL)
    return;
  status_value = rp_record_get_string (record, "status");
  kind = rp_record_get_string (record, "kind");
  owner = lookup_person (self, rp_record_get_string (record, "owner_id"));
  on = g_strcmp0 (kind, "release") == 0
           ? lookup_release (self, rp_record_get_string (record, "depends_on_release_id"))
           : NULL;
  due = rp_ui_format_date (rp_record_get_string (record, "due"));

  gtk_label_set_label (GTK_LABEL (title), rp_record_get_string (record, "title"));
  set_pill (status, rp_ui_enum_label (status_value), status_style (status_value));

  /* What holds the release up shows at a glance: a coloured edge. */
  if (g_strcmp0 (status_value, "blocked") == 0)
    gtk_widget_add_css_class (row, "rp-blocked");
  else
    gtk_widget_remove_css_class (row, "rp-blocked");
  if (g_strcmp0 (status_value, "open") == 0)
    gtk_widget_add_css_class (row, "rp-open");
  else
    gtk_widget_remove_css_class (row, "rp-open");

  if (on != NULL)
    /* Translators: a dependency on another release, "Release Beta 2.1" */
    g_string_append_printf (text, _("Release %s"), on);
  else
    g_string_append (text, rp_ui_enum_label (kind));
  g_string_append (text, " · ");
  g_string_append (text, owner ? owner : _("No owner"));
  if (due != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: the due date of a dependency */
      g_string_append_printf (text, _("due %s"), due);
    }
  gtk_label_set_label (GTK_LABEL (details), text->str);

  a11y = g_strdup_printf ("%s, %s, %s", rp_record_get_string (record, "title"),
                          rp_ui_enum_label (status_value), text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpDependenciesPage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_name (row, "dependency-row");
  gtk_widget_add_css_class (row, "rp-list-row");
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_end (row, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "rp-pill");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");

  /* The title has the whole first line; the status leads the second. */
  gtk_widget_set_hexpand (details, TRUE);
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (top), details);
  gtk_box_append (GTK_BOX (row), top);

  g_object_set_data (G_OBJECT (row), "rp-title", title);
  g_object_set_data (G_OBJECT (row), "rp-status", status);
  g_object_set_data (G_OBJECT (row), "rp-details", details);
  gtk_list_item_set_child (item, row);
}

static void
on_row_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpDependenciesPage *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_object_set_data_full (G_OBJECT (row), "rp-record", g_object_ref (gtk_list_item_get_item (item)),
                          g_object_unref);
  g_ptr_array_add (self->bound_rows, row);
  update_row (self, row);
}

static void
on_row_unbound_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RpDependenciesPage *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->bound_rows, row);
  g_object_set_data (G_OBJECT (row), "rp-record", NULL);
}

static void
update_summary (RpDependenciesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint open = 0, blocked = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) record = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *status = rp_record_get_string (record, "status");

      if (g_strcmp0 (status, "open") == 0)
        open++;
      else if (g_strcmp0 (status, "blocked") == 0)
        blocked++;
    }
  /* Translators: "5 dependencies, 2 open, 1 blocked" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dependency, %u open, %u blocked",
                                       "%u dependencies, %u open, %u blocked", n),
                          n, open, blocked);
  gtk_label_set_label (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

/* The editor */

/* The releases this one may wait for: every other one, by name. */
static void
update_release_choices (RpDependenciesPage *self)
{
  g_autoptr (GPtrArray) releases = rp_store_list (self->store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  gboolean same;

  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, (gpointer) _("None"));
  for (guint i = 0; i < releases->len; i++)
    {
      RpRecord *release = releases->pdata[i];

      if (g_strcmp0 (rp_record_get_id (release), self->release_id) == 0)
        continue;
      g_ptr_array_add (ids, g_strdup (rp_record_get_id (release)));
      g_ptr_array_add (names, (gpointer) lookup_release (self, rp_record_get_id (release)));
    }

  same = ids->len == self->release_ids->len;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_strcmp0 (ids->pdata[i], self->release_ids->pdata[i]) == 0 &&
           g_strcmp0 (names->pdata[i], gtk_string_list_get_string (self->release_names, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  self->syncing++;
  g_ptr_array_set_size (self->release_ids, 0);
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (self->release_ids, g_strdup (ids->pdata[i]));
  gtk_string_list_splice (self->release_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->release_names)),
                          (const char *const *) names->pdata);
  self->syncing--;
}

static guint
release_choice_index (RpDependenciesPage *self, const char *release_id)
{
  for (guint i = 0; i < self->release_ids->len; i++)
    if (g_strcmp0 (self->release_ids->pdata[i], release_id) == 0)
      return i;
  return 0;
}

static void
set_combo (RpDependenciesPage *self, AdwComboRow *row, guint index)
{
  if (adw_combo_row_get_selected (row) == index)
    return;
  self->syncing++;
  adw_combo_row_set_selected (row, index);
  self->syncing--;
}

static void
update_editor (RpDependenciesPage *self)
{
  RpRecord *item = self->current;
  const char *kind;

  gtk_stack_set_visible_child_name (self->editor_stack, item ? "editor" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), item != NULL);
  if (item == NULL)
    return;

  kind = rp_record_get_string (item, "kind");
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->title_row),
                          rp_record_get_string (item, "title"));
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->notes_view),
                          rp_record_get_string (item, "notes"));
  set_combo (self, self->kind_row, rp_ui_enum_index (rp_dependency_kinds, kind));
  set_combo (self, self->status_row,
             rp_ui_enum_index (rp_dependency_statuses, rp_record_get_string (item, "status")));
  update_release_choices (self);
  set_combo (self, self->release_row,
             release_choice_index (self, rp_record_get_string (item, "depends_on_release_id")));
  gtk_widget_set_visible (GTK_WIDGET (self->release_row), g_strcmp0 (kind, "release") == 0);

  self->syncing++;
  if (g_strcmp0 (rp_person_row_get_person_id (RP_PERSON_ROW (self->owner_row)),
                 rp_record_get_string (item, "owner_id")) != 0)
    rp_person_row_set_person_id (RP_PERSON_ROW (self->owner_row),
                                 rp_record_get_string (item, "owner_id"));
  if (g_strcmp0 (rp_date_row_get_date (RP_DATE_ROW (self->due_row)),
                 rp_record_get_string (item, "due")) != 0)
    rp_date_row_set_date (RP_DATE_ROW (self->due_row), rp_record_get_string (item, "due"));
  self->syncing--;

  gtk_label_set_label (self->back_label, rp_record_get_string (item, "title"));
}

static gboolean
save_current (RpDependenciesPage *self, const char *column, GVariant *value, GtkWidget *widget)
{
  GVariant *stored = NULL; /* borrowed */

  if (value != NULL)
    g_variant_ref_sink (value);
  if (self->current != NULL)
    stored = rp_record_get_value (self->current, column);
  /* The page setting its own widgets, or a combo telling late about a
   * value the page put back: no edit, and a message shown stays. */
  if (self->syncing || self->current == NULL ||
      (stored == NULL ? value == NULL : value != NULL && g_variant_equal (stored, value)))
    {
      if (value != NULL)
        g_variant_unref (value);
      return TRUE;
    }
  return rp_ui_save_value (self->store, RP_ENTITY_DEPENDENCY, rp_record_get_id (self->current),
                           column, value, widget);
}

static void
on_text_changed_cb (RpDependenciesPage *self, GtkWidget *widget)
{
  if (self->syncing || self->current == NULL)
    return;
  rp_text_edits_schedule (self->edits, widget, RP_ENTITY_DEPENDENCY,
                          rp_record_get_id (self->current),
                          widget == GTK_WIDGET (self->title_row) ? "title" : "notes");
}

static void
on_entry_changed_cb (GtkEditable *editable, RpDependenciesPage *self)
{
  on_text_changed_cb (self, GTK_WIDGET (editable));
}

static void
on_notes_changed_cb (GtkTextBuffer *buffer, RpDependenciesPage *self)
{
  on_text_changed_cb (self, GTK_WIDGET (self->notes_view));
}

static void
on_entry_row_activated_cb (AdwEntryRow *row, RpDependenciesPage *self)
{
  rp_text_edits_flush (self->edits, GTK_WIDGET (row));
}

static void
on_kind_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  guint index = adw_combo_row_get_selected (row);
  g_autoptr (RpRecord) changed = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing || self->current == NULL ||
      index >= g_strv_length ((char **) rp_dependency_kinds))
    return;

  /* Only a dependency on a release names one: leaving that kind clears
   * the release in the same step, so one undo brings both back. */
  changed = rp_record_copy (self->current);
  rp_record_set_string (changed, "kind", rp_dependency_kinds[index]);
  if (g_strcmp0 (rp_dependency_kinds[index], "release") != 0)
    rp_record_set_null (changed, "depends_on_release_id");
  if (!rp_store_update (self->store, changed, &error))
    {
      rp_ui_show_error (GTK_WIDGET (row), error->message);
      set_combo (
          self, row,
          rp_ui_enum_index (rp_dependency_kinds, rp_record_get_string (self->current, "kind")));
      return;
    }
  rp_ui_show_error (GTK_WIDGET (row), NULL);
  rp_ui_show_error (GTK_WIDGET (self->release_row), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->release_row),
                          g_strcmp0 (rp_dependency_kinds[index], "release") == 0);
}

static void
on_release_picked_cb (AdwComboRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  guint index = adw_combo_row_get_selected (row);
  const char *id;
  g_autoptr (RpRecord) stored = NULL;

  if (self->syncing || self->current == NULL || index >= self->release_ids->len)
    return;
  id = self->release_ids->pdata[index];
  if (save_current (self, "depends_on_release_id", id ? g_variant_new_string (id) : NULL,
                    GTK_WIDGET (row)))
    return;

  /* Refused (a cycle): the message stays on the row, the choice goes
   * back to what is stored. */
  stored = rp_store_get (self->store, RP_ENTITY_DEPENDENCY, rp_record_get_id (self->current), NULL);
  if (stored != NULL)
    set_combo (self, row,
               release_choice_index (self, rp_record_get_string (stored, "depends_on_release_id")));
}

static void
on_status_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  guint index = adw_combo_row_get_selected (row);

  if (index < g_strv_length ((char **) rp_dependency_statuses))
    save_current (self, "status", g_variant_new_string (rp_dependency_statuses[index]),
                  GTK_WIDGET (row));
}

static void
on_owner_picked_cb (RpPersonRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  const char *id = rp_person_row_get_person_id (row);

  save_current (self, "owner_id", id ? g_variant_new_string (id) : NULL, GTK_WIDGET (row));
}

static void
on_due_picked_cb (RpDateRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  const char *date = rp_date_row_get_date (row);

  save_current (self, "due", date ? g_variant_new_string (date) : NULL, GTK_WIDGET (row));
}

/* Selection and reloading */

static void
show_selected (RpDependenciesPage *self)
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
          rp_ui_show_error (GTK_WIDGET (self->kind_row), NULL);
          rp_ui_show_error (GTK_WIDGET (self->release_row), NULL);
          rp_ui_show_error (GTK_WIDGET (self->status_row), NULL);
          rp_ui_show_error (self->owner_row, NULL);
          rp_ui_show_error (self->due_row, NULL);
        }
      g_set_object (&self->current, selected);
    }
  update_editor (self);
}

static void
on_selection_changed_cb (GtkSelectionModel *model, guint position, guint n_items,
                         RpDependenciesPage *self)
{
  if (self->reloading)
    return;
  show_selected (self);
}

static void
reload (RpDependenciesPage *self)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *selected_id = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  records = self->release_id ? rp_store_list (self->store, RP_ENTITY_DEPENDENCY, self->release_id)
                             : g_ptr_array_new_with_free_func (g_object_unref);
  if (self->current != NULL)
    selected_id = g_strdup (rp_record_get_id (self->current));

  self->reloading++;

  if (self->stale_rows)
    {
      g_hash_table_remove_all (self->people);
      g_hash_table_remove_all (self->releases);
    }
  rp_record_list_sync (self->items, records);

  /* Names of people and releases show in rows that did not change. */
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

  update_release_choices (self);
  update_summary (self);
  show_selected (self);
}

static gboolean
on_reload_idle_cb (gpointer data)
{
  RpDependenciesPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpDependenciesPage *self)
{
  /* A group of writes (a delete of many, an undo, an import) emits once
   * per row: reload once, when they are all in. */
  if (entity != RP_ENTITY_DEPENDENCY && entity != RP_ENTITY_PERSON && entity != RP_ENTITY_RELEASE &&
      entity != RP_N_ENTITIES)
    return;
  if (entity == RP_ENTITY_PERSON || entity == RP_ENTITY_RELEASE || entity == RP_N_ENTITIES)
    self->stale_rows = TRUE;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_reload_idle_cb, self, NULL);
}

/* Adding, deleting, moving */

static void
on_add_changed_cb (RpDependenciesPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            !rp_text_is_blank (
                                gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  rp_ui_show_error (GTK_WIDGET (self->add_entry), NULL);
}

static void
on_add_activated_cb (RpDependenciesPage *self)
{
  g_autofree char *title =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  g_autoptr (RpRecord) item = NULL;
  g_autoptr (GError) error = NULL;
  guint position;

  if (self->release_id == NULL)
    return;
  if (*title == '\0')
    {
      rp_ui_show_error (GTK_WIDGET (self->add_entry), _("Type a title first."));
      return;
    }
  item = rp_record_new (RP_ENTITY_DEPENDENCY);
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
  /* Selected, to set its kind and status next; the focus stays in the
   * entry to add another. */
  rp_record_list_select (self->selection, rp_record_get_id (item));
  position = rp_record_list_find (G_LIST_MODEL (self->items), rp_record_get_id (item));
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
delete_selected (RpDependenciesPage *self)
{
  g_autoptr (RpRecord) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (self->current == NULL)
    return;
  item = g_object_ref (self->current);
  /* The edits of the dependency go with it. */
  rp_text_edits_discard (self->edits, NULL);
  if (!rp_store_delete (self->store, RP_ENTITY_DEPENDENCY, rp_record_get_id (item), &error))
    {
      rp_ui_show_error (GTK_WIDGET (self->delete_button), error->message);
      return;
    }
  g_free (self->deleted_id);
  self->deleted_id = g_strdup (rp_record_get_id (item));
  reload (self);

  /* The next one takes its place, for deleting several in a row. */
  rp_record_list_select_next (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  /* Translators: what was deleted, in a toast "… deleted" */
  what = g_strdup_printf (_("Dependency “%s”"), rp_record_get_string (item, "title"));
  rp_ui_toast_deleted (GTK_WIDGET (self), what);
}

static void
on_delete_clicked_cb (RpDependenciesPage *self)
{
  delete_selected (self);
}

static void
on_delete_activated_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  delete_selected (RP_DEPENDENCIES_PAGE (widget));
}

static gboolean
on_delete_pressed_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  delete_selected (RP_DEPENDENCIES_PAGE (data));
  /* The focus stays in the list, on the row that took the place. */
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static gboolean
on_move_item_pressed_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (data);
  guint position;

  if (self->current == NULL)
    return TRUE;
  position = rp_record_list_move (self->selection, self->store, RP_ENTITY_DEPENDENCY,
                                  rp_record_get_id (self->current), g_variant_get_int32 (args));
  if (position == GTK_INVALID_LIST_POSITION)
    return TRUE;
  reload (self);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

static void
on_item_activated_cb (RpDependenciesPage *self, guint position)
{
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }
}

/* "dependencies.select-item" (s): shows one row in the editor, for whatever
 * points at it (a readiness finding, a search result). */
static void
on_select_item_activated_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (widget);
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
on_back_clicked_cb (RpDependenciesPage *self)
{
  rp_text_edits_flush_all (self->edits);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_folded_changed_cb (RpDependenciesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_bar, folded);
  /* Folded, a tap opens the editor; side by side, selecting does. */
  gtk_list_view_set_single_click_activate (self->list_view, folded);
}

/* GObject */

static void
rp_dependencies_page_constructed (GObject *object)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (object);

  G_OBJECT_CLASS (rp_dependencies_page_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  self->edits = rp_text_edits_new (self->store, RP_TEXT_EDITS_KEEP_REFUSED, text_to_value, NULL);
  rp_text_edits_watch_focus (self->edits, GTK_WIDGET (self->title_row));
  rp_text_edits_watch_focus (self->edits, GTK_WIDGET (self->notes_view));
  self->owner_row = rp_person_row_new (self->store, _("Owner"), TRUE);
  gtk_widget_set_name (self->owner_row, "owner-row");
  gtk_list_box_insert (self->details_list, self->owner_row, 4);
  g_signal_connect_object (self->owner_row, "notify::person-id", G_CALLBACK (on_owner_picked_cb),
                           self, 0);

  self->due_row = rp_date_row_new (_("Due"));
  gtk_widget_set_name (self->due_row, "due-row");
  gtk_list_box_insert (self->details_list, self->due_row, 5);
  g_signal_connect_object (self->due_row, "notify::date", G_CALLBACK (on_due_picked_cb), self, 0);

  self->changed_id =
      g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

static void
rp_dependencies_page_dispose (GObject *object)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (object);

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
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_DEPENDENCIES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->current);
  g_clear_object (&self->store);
  g_clear_object (&self->release_names);
  g_clear_pointer (&self->release_id, g_free);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_pointer (&self->releases, g_hash_table_unref);
  g_clear_pointer (&self->release_ids, g_ptr_array_unref);
  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);
  g_clear_pointer (&self->deleted_id, g_free);

  G_OBJECT_CLASS (rp_dependencies_page_parent_class)->dispose (object);
}

static void
rp_dependencies_page_set_release_id (RpDependenciesPage *self, const char *release_id)
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
rp_dependencies_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (object);

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
rp_dependencies_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RELEASE_ID:
      rp_dependencies_page_set_release_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_dependencies_page_class_init (RpDependenciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_dependencies_page_constructed;
  object_class->dispose = rp_dependencies_page_dispose;
  object_class->get_property = rp_dependencies_page_get_property;
  object_class->set_property = rp_dependencies_page_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELEASE_ID] =
      g_param_spec_string ("release-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-dependencies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, add_entry);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, back_label);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, release_row);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dependencies.delete-item", NULL,
                                   on_delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "dependencies.select-item", "s",
                                   on_select_item_activated_cb);

  gtk_widget_class_set_css_name (widget_class, "rp-dependencies-page");
}

static void
rp_dependencies_page_init (RpDependenciesPage *self)
{
  GtkListItemFactory *factory;
  g_autoptr (GtkStringList) kinds = NULL;
  g_autoptr (GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-scope.css");

  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->releases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->release_ids = g_ptr_array_new_with_free_func (g_free);
  self->release_names = gtk_string_list_new (NULL);
  self->bound_rows = g_ptr_array_new ();
  self->stale_rows = TRUE;

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
                                  _("Dependencies"), -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title of a new dependency"), -1);

  /* Delete on the selected row deletes it; Alt+Up and Alt+Down move it. */
  rp_record_list_add_shortcuts (self->list_view, on_delete_pressed_cb, on_move_item_pressed_cb,
                                self);

  kinds = rp_ui_enum_model (rp_dependency_kinds);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  statuses = rp_ui_enum_model (rp_dependency_statuses);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->release_row, G_LIST_MODEL (self->release_names));

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
  g_signal_connect_object (self->title_row, "entry-activated",
                           G_CALLBACK (on_entry_row_activated_cb), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes"), -1);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb),
                           self, 0);
  g_signal_connect_object (self->release_row, "notify::selected", G_CALLBACK (on_release_picked_cb),
                           self, 0);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb),
                           self, 0);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_folded_changed_cb (self);
}
