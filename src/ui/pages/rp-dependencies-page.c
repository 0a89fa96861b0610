/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-dependencies-page.h"
#include "rp-person-row.h"
#include "rp-ui-util.h"

/* What a release waits for: other releases, services, teams, vendors.
 * The list, the editor beside it and their plumbing are
 * RpListEditorPage's; this page shows a dependency in its row and in the
 * editor. A dependency on another release that would close a loop is
 * refused by the store, which names the loop; the page shows that on the
 * release row and puts the choice back. */

struct _RpDependenciesPage
{
  RpListEditorPage parent_instance;

  /* template widgets */
  GtkListBox *details_list;
  AdwEntryRow *title_row;
  AdwComboRow *kind_row;
  AdwComboRow *release_row;
  AdwComboRow *status_row;
  GtkTextView *notes_view;

  /* owned */
  GHashTable *releases;   /* release id -> "Name 1.2" (char*) */
  GPtrArray *release_ids; /* the choices of release_row; NULL first, for none */
  GtkStringList *release_names;

  /* borrowed */
  RpStore *store;          /* the page's, once it is set */
  RpTextEdits *edits;      /* the page's */
  GtkWidget *owner_row;    /* RpPersonRow, a child of details_list */
  GtkWidget *due_row;      /* RpDateRow, a child of details_list */
  GtkWidget *show_release; /* a suffix of release_row: opens the release waited for */

  guint syncing; /* > 0 while the page sets its own widgets */
};

G_DEFINE_FINAL_TYPE (RpDependenciesPage, rp_dependencies_page, RP_TYPE_LIST_EDITOR_PAGE)

/* The page setting its own widgets is no edit. */
static gboolean
save (RpDependenciesPage *self, const char *column, GVariant *value, GtkWidget *widget)
{
  if (self->syncing)
    {
      if (value != NULL)
        g_variant_unref (g_variant_ref_sink (value));
      return TRUE;
    }
  return rp_list_editor_page_save_current (RP_LIST_EDITOR_PAGE (self), column, value, widget);
}

static const char *
status_style (RpDependencyStatus status)
{
  switch (status)
    {
    case RP_DEPENDENCY_STATUS_BLOCKED:
      return "error";
    case RP_DEPENDENCY_STATUS_OPEN:
      return "warning";
    case RP_DEPENDENCY_STATUS_READY:
      return "accent";
    case RP_DEPENDENCY_STATUS_RESOLVED:
      return "success";
    default:
      return NULL;
    }
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
      g_autoptr (RpRecord) record = rp_store_get (self->store, RP_ENTITY_RELEASE, release_id, NULL);
      RpRelease *release = record != NULL ? RP_RELEASE (record) : NULL;
      const char *version = release ? rp_release_get_version (release) : NULL;
      char *text;

      if (release == NULL)
        text = g_strdup ("");
      else if (rp_text_is_blank (version))
        text = g_strdup (rp_release_get_name (release));
      else
        text = g_strdup_printf ("%s %s", rp_release_get_name (release), version);
      g_hash_table_insert (self->releases, g_strdup (release_id), text);
      name = text;
    }
  return *name ? name : NULL;
}

/* The list */

static void
rp_dependencies_page_bind_row (RpListEditorPage *page, GtkWidget *row, RpRecord *record)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (page);
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "rp-title");
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "rp-status");
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "rp-details");
  RpDependency *dependency = RP_DEPENDENCY (record);
  RpDependencyStatus status_value = rp_dependency_get_status (dependency);
  RpDependencyKind kind = rp_dependency_get_kind (dependency);
  const char *status_label, *owner, *on;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *due = NULL;
  g_autofree char *a11y = NULL;

  status_label = rp_enum_label (rp_dependency_status_to_string (status_value));
  owner = rp_list_editor_page_lookup_person (page, rp_dependency_get_owner_id (dependency));
  on = kind == RP_DEPENDENCY_KIND_RELEASE
           ? lookup_release (self, rp_dependency_get_depends_on_release_id (dependency))
           : NULL;
  due = rp_ui_format_date (rp_dependency_get_due (dependency));

  gtk_label_set_label (GTK_LABEL (title), rp_dependency_get_title (dependency));
  rp_ui_set_pill (status, status_label, status_style (status_value));

  /* What holds the release up shows at a glance: a coloured edge. */
  if (status_value == RP_DEPENDENCY_STATUS_BLOCKED)
    gtk_widget_add_css_class (row, "rp-blocked");
  else
    gtk_widget_remove_css_class (row, "rp-blocked");
  if (status_value == RP_DEPENDENCY_STATUS_OPEN)
    gtk_widget_add_css_class (row, "rp-open");
  else
    gtk_widget_remove_css_class (row, "rp-open");

  if (on != NULL)
    /* Translators: a dependency on another release, "Release Beta 2.1" */
    g_string_append_printf (text, _("Release %s"), on);
  else
    g_string_append (text, rp_enum_label (rp_dependency_kind_to_string (kind)));
  g_string_append (text, " · ");
  g_string_append (text, owner ? owner : _("No owner"));
  if (due != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: the due date of a dependency */
      g_string_append_printf (text, _("due %s"), due);
    }
  gtk_label_set_label (GTK_LABEL (details), text->str);

  a11y = g_strdup_printf ("%s, %s, %s", rp_dependency_get_title (dependency), status_label, text->str);
  rp_ui_set_row_label (row, a11y);
}

static void
rp_dependencies_page_setup_row (RpListEditorPage *page, GtkListItem *item)
{
  GtkWidget *row = rp_list_editor_row_new ("dependency-row");

  /* The coloured edge of an open or a blocked one (rp-scope.css) stands
   * where the margin would. */
  gtk_widget_add_css_class (row, "rp-list-row");
  gtk_widget_set_margin_start (row, 0);
  rp_list_editor_row_add_pill (row, "rp-status", NULL);
  gtk_list_item_set_child (item, row);
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

      if (g_strcmp0 (rp_record_get_id (release), rp_release_page_get_release_id (RP_RELEASE_PAGE (self))) ==
          0)
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

/* The button to the release waited for names it, and shows only when
 * there is one. */
static void
update_show_release (RpDependenciesPage *self, const char *release_id)
{
  const char *name = release_id != NULL ? lookup_release (self, release_id) : NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (self->show_release, name != NULL);
  if (name == NULL)
    return;
  /* Translators: a button beside the release a dependency waits for */
  tooltip = g_strdup_printf (_("Show %s"), name);
  gtk_widget_set_tooltip_text (self->show_release, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_release), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

static void
on_show_release_clicked_cb (GtkButton *button, RpDependenciesPage *self)
{
  RpRecord *current = rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self));
  const char *id = current != NULL ? rp_dependency_get_depends_on_release_id (RP_DEPENDENCY (current)) : NULL;

  /* There, its status: released is what the dependency waits for. */
  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (button), "win.show-subject", "(sss)", "release", id, "status");
}

static void
rp_dependencies_page_show_record (RpListEditorPage *page, RpRecord *item, gboolean other)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (page);
  RpDependency *dependency;
  RpDependencyKind kind;

  if (other)
    {
      rp_ui_show_error (GTK_WIDGET (self->kind_row), NULL);
      rp_ui_show_error (GTK_WIDGET (self->release_row), NULL);
      rp_ui_show_error (GTK_WIDGET (self->status_row), NULL);
      rp_ui_show_error (self->owner_row, NULL);
      rp_ui_show_error (self->due_row, NULL);
    }
  update_release_choices (self);
  if (item == NULL)
    return;

  dependency = RP_DEPENDENCY (item);
  kind = rp_dependency_get_kind (dependency);
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->title_row), rp_dependency_get_title (dependency));
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->notes_view), rp_dependency_get_notes (dependency));
  set_combo (self, self->kind_row, kind);
  set_combo (self, self->status_row, rp_dependency_get_status (dependency));
  set_combo (self, self->release_row,
             release_choice_index (self, rp_dependency_get_depends_on_release_id (dependency)));
  gtk_widget_set_visible (GTK_WIDGET (self->release_row), kind == RP_DEPENDENCY_KIND_RELEASE);
  update_show_release (self, rp_dependency_get_depends_on_release_id (dependency));

  self->syncing++;
  if (g_strcmp0 (rp_person_row_get_person_id (RP_PERSON_ROW (self->owner_row)),
                 rp_dependency_get_owner_id (dependency)) != 0)
    rp_person_row_set_person_id (RP_PERSON_ROW (self->owner_row), rp_dependency_get_owner_id (dependency));
  if (g_strcmp0 (rp_date_row_get_date (RP_DATE_ROW (self->due_row)), rp_dependency_get_due (dependency)) != 0)
    rp_date_row_set_date (RP_DATE_ROW (self->due_row), rp_dependency_get_due (dependency));
  self->syncing--;
}

static void
on_kind_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  guint index = adw_combo_row_get_selected (row);
  g_autoptr (RpRecord) changed = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing || rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self)) == NULL ||
      index >= g_strv_length ((char **) rp_dependency_kinds))
    return;

  /* Only a dependency on a release names one: leaving that kind clears
   * the release in the same step, so one undo brings both back. */
  changed = rp_record_copy (rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self)));
  rp_record_set_string (changed, "kind", rp_dependency_kinds[index]);
  if (index != RP_DEPENDENCY_KIND_RELEASE)
    rp_record_set_null (changed, "depends_on_release_id");
  if (!rp_store_update (self->store, changed, &error))
    {
      rp_ui_show_error (GTK_WIDGET (row), error->message);
      set_combo (self, row,
                 rp_dependency_get_kind (
                     RP_DEPENDENCY (rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self)))));
      return;
    }
  rp_ui_show_error (GTK_WIDGET (row), NULL);
  rp_ui_show_error (GTK_WIDGET (self->release_row), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->release_row), index == RP_DEPENDENCY_KIND_RELEASE);
}

static void
on_release_picked_cb (AdwComboRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  guint index = adw_combo_row_get_selected (row);
  const char *id;
  g_autoptr (RpRecord) stored = NULL;

  if (self->syncing || rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self)) == NULL ||
      index >= self->release_ids->len)
    return;
  id = self->release_ids->pdata[index];
  if (save (self, "depends_on_release_id", id ? g_variant_new_string (id) : NULL, GTK_WIDGET (row)))
    {
      update_show_release (self, id);
      return;
    }

  /* Refused (a cycle): the message stays on the row, the choice goes
   * back to what is stored. */
  stored =
      rp_store_get (self->store, RP_ENTITY_DEPENDENCY,
                    rp_record_get_id (rp_list_editor_page_get_current (RP_LIST_EDITOR_PAGE (self))), NULL);
  if (stored != NULL)
    set_combo (self, row,
               release_choice_index (self, rp_dependency_get_depends_on_release_id (RP_DEPENDENCY (stored))));
}

static void
on_status_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  guint index = adw_combo_row_get_selected (row);

  if (index < g_strv_length ((char **) rp_dependency_statuses))
    save (self, "status", g_variant_new_string (rp_dependency_statuses[index]), GTK_WIDGET (row));
}

static void
on_owner_picked_cb (RpPersonRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  const char *id = rp_person_row_get_person_id (row);

  save (self, "owner_id", id ? g_variant_new_string (id) : NULL, GTK_WIDGET (row));
}

static void
on_due_picked_cb (RpDateRow *row, GParamSpec *pspec, RpDependenciesPage *self)
{
  const char *date = rp_date_row_get_date (row);

  save (self, "due", date ? g_variant_new_string (date) : NULL, GTK_WIDGET (row));
}

static gboolean
is_open (RpRecord *dependency)
{
  return rp_dependency_get_status (RP_DEPENDENCY (dependency)) == RP_DEPENDENCY_STATUS_OPEN;
}

static gboolean
is_blocked (RpRecord *dependency)
{
  return rp_dependency_get_status (RP_DEPENDENCY (dependency)) == RP_DEPENDENCY_STATUS_BLOCKED;
}

static char *
rp_dependencies_page_describe (RpListEditorPage *page, RpRecord *record)
{
  guint n = g_list_model_get_n_items (rp_list_editor_page_get_model (page));

  if (record != NULL)
    /* Translators: what was deleted, in a toast "… deleted" */
    return g_strdup_printf (_("Dependency “%s”"), rp_dependency_get_title (RP_DEPENDENCY (record)));
  /* Translators: "5 dependencies, 2 open, 1 blocked" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dependency, %u open, %u blocked",
                                       "%u dependencies, %u open, %u blocked", n),
                          n, rp_list_editor_page_count (page, is_open),
                          rp_list_editor_page_count (page, is_blocked));
}

static gboolean
rp_dependencies_page_focus_field (RpListEditorPage *page, const char *field)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (page);
  GtkWidget *widget = GTK_WIDGET (self->title_row);

  if (g_strcmp0 (field, "notes") == 0)
    widget = GTK_WIDGET (self->notes_view);
  else if (g_strcmp0 (field, "due") == 0)
    widget = self->due_row;
  else if (g_strcmp0 (field, "owner_id") == 0)
    widget = self->owner_row;
  else if (g_strcmp0 (field, "status") == 0)
    widget = GTK_WIDGET (self->status_row);
  /* What is left to do is in the release waited for: the way there. */
  else if (g_strcmp0 (field, "depends_on_release_id") == 0)
    widget =
        gtk_widget_get_visible (self->show_release) ? self->show_release : GTK_WIDGET (self->release_row);
  else if (field != NULL && g_strcmp0 (field, "title") != 0)
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/* RpReleasePage */

static void
rp_dependencies_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  /* The names of releases show in the rows and the choices. */
  if (entity == RP_ENTITY_RELEASE || entity == RP_N_ENTITIES)
    g_hash_table_remove_all (RP_DEPENDENCIES_PAGE (page)->releases);
  RP_RELEASE_PAGE_CLASS (rp_dependencies_page_parent_class)->store_changed (page, entity, id);
  if (entity == RP_ENTITY_RELEASE)
    rp_list_editor_page_rebind_rows (RP_LIST_EDITOR_PAGE (page));
}

static void
rp_dependencies_page_store_set (RpReleasePage *page)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (page);
  RpListEditorPage *list = RP_LIST_EDITOR_PAGE (page);

  self->store = rp_release_page_get_store (page);
  self->edits = rp_release_page_get_edits (page);
  rp_list_editor_page_watch_text (list, GTK_WIDGET (self->title_row), "title");
  rp_list_editor_page_watch_text (list, GTK_WIDGET (self->notes_view), "notes");
  self->owner_row = rp_person_row_new (self->store, _("Owner"), TRUE);
  gtk_widget_set_name (self->owner_row, "owner-row");
  gtk_list_box_insert (self->details_list, self->owner_row, 4);
  g_signal_connect_object (self->owner_row, "notify::person-id", G_CALLBACK (on_owner_picked_cb), self, 0);
  self->due_row = rp_date_row_new (_("Due"));
  gtk_widget_set_name (self->due_row, "due-row");
  gtk_list_box_insert (self->details_list, self->due_row, 5);
  g_signal_connect_object (self->due_row, "notify::date", G_CALLBACK (on_due_picked_cb), self, 0);
}

/* What was typed, as the value to store; an empty required text is
 * refused with what it lacks in words. */
static gboolean
rp_dependencies_page_text_value (RpReleasePage *page, RpEntity entity, const char *column, const char *text,
                                 GVariant **value, const char **message)
{
  if (rp_text_blank_is_none (entity, column, text, value))
    return TRUE;
  *message = _("A dependency needs a title.");
  return FALSE;
}

/* GObject */

static void
rp_dependencies_page_finalize (GObject *object)
{
  RpDependenciesPage *self = RP_DEPENDENCIES_PAGE (object);

  g_clear_object (&self->release_names);
  g_clear_pointer (&self->releases, g_hash_table_unref);
  g_clear_pointer (&self->release_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (rp_dependencies_page_parent_class)->finalize (object);
}

static void
rp_dependencies_page_class_init (RpDependenciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);
  RpListEditorPageClass *list_class = RP_LIST_EDITOR_PAGE_CLASS (klass);

  object_class->finalize = rp_dependencies_page_finalize;
  page_class->store_set = rp_dependencies_page_store_set;
  page_class->store_changed = rp_dependencies_page_store_changed;
  page_class->text_value = rp_dependencies_page_text_value;
  rp_release_page_class_watch (page_class, RP_ENTITY_DEPENDENCY);
  list_class->entity = RP_ENTITY_DEPENDENCY;
  list_class->setup_row = rp_dependencies_page_setup_row;
  list_class->bind_row = rp_dependencies_page_bind_row;
  list_class->show_record = rp_dependencies_page_show_record;
  list_class->focus_field = rp_dependencies_page_focus_field;
  list_class->describe = rp_dependencies_page_describe;

  rp_release_page_class_set_template_from_resource (
      page_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-dependencies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, release_row);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpDependenciesPage, notes_view);

  gtk_widget_class_set_css_name (widget_class, "rp-dependencies-page");
}

static void
rp_dependencies_page_init (RpDependenciesPage *self)
{
  g_autoptr (GtkStringList) kinds = NULL;
  g_autoptr (GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-scope.css");

  self->releases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->release_ids = g_ptr_array_new_with_free_func (g_free);
  self->release_names = gtk_string_list_new (NULL);

  kinds = rp_ui_enum_model (rp_dependency_kinds);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  statuses = rp_ui_enum_model (rp_dependency_statuses);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->release_row, G_LIST_MODEL (self->release_names));
  self->show_release = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_name (self->show_release, "show-release");
  gtk_widget_set_valign (self->show_release, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->show_release, "flat");
  gtk_widget_set_visible (self->show_release, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->release_row), self->show_release);
  g_signal_connect_object (self->show_release, "clicked", G_CALLBACK (on_show_release_clicked_cb), self, 0);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb), self, 0);
  g_signal_connect_object (self->release_row, "notify::selected", G_CALLBACK (on_release_picked_cb), self, 0);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb), self, 0);
}
