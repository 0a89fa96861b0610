/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-calendar-view.h"
#include "rp-checklist-page.h"
#include "rp-dependencies-page.h"
#include "rp-export-actions.h"
#include "rp-import-actions.h"
#include "rp-overview-page.h"
#include "rp-release-row.h"
#include "rp-risks-page.h"
#include "rp-rollout-page.h"
#include "rp-scope-page.h"
#include "rp-labels.h"
#include "rp-list-editor-page.h"
#include "rp-readiness-page.h"
#include "rp-readiness-ui.h"
#include "rp-timeline-view.h"
#include "rp-ui-util.h"
#include "rp-window-private.h"
#include "rp-window.h"

#define SETTINGS_SCHEMA_ID "io.github.releaseplanner.ReleasePlanner"

/* How often to look for writes by another process (the command line). */
#define POLL_INTERVAL_SECONDS 2

struct _RpWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  GtkStack *main_stack;
  AdwStatusPage *empty_page;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkListView *release_list;
  AdwToastOverlay *toast_overlay;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack *release_stack;
  GtkToggleButton *search_button;
  GtkWidget *back_button;
  AdwViewStack *view_stack;
  GtkWidget *calendar_view;
  GtkWidget *timeline_view;

  /* owned */
  RpStore *store;
  GSettings *settings;
  GListStore *releases;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GHashTable *verdicts;   /* release id -> RpReadinessVerdict + 1, the badges; until the next reload */
  RpSearch *search;       /* what a search looks at, until the next reload; or NULL */
  GHashTable *matches;    /* release id -> RpSearchMatch of the query, or NULL */
  GHashTable *bound_rows; /* the RpReleaseRows on screen (a set) */
  char *query;            /* what was typed, stripped; or NULL */
  char *select_id;        /* the release to select after the next reload */
  char *release_id;       /* the one the pages show */
  guint reload_idle_id;
  guint poll_id;
  gulong changed_id;

  gboolean reloading;
};

G_DEFINE_FINAL_TYPE (RpWindow, rp_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_RELEASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Releases in the order of their life (planning first, cancelled last),
 * then by deploy date with undated ones after the dated, then by name. */
static int
compare_releases (gconstpointer a, gconstpointer b, gpointer user_data)
{
  RpRelease *ra = (RpRelease *) a;
  RpRelease *rb = (RpRelease *) b;
  const char *da = rp_release_get_deploy (ra);
  const char *db = rp_release_get_deploy (rb);
  int cmp;

  /* The statuses are in that order in RpReleaseStatus. */
  cmp = (int) rp_release_get_status (ra) - (int) rp_release_get_status (rb);
  if (cmp != 0)
    return gtk_ordering_from_cmpfunc (cmp);

  if (da == NULL && db != NULL)
    return GTK_ORDERING_LARGER;
  if (da != NULL && db == NULL)
    return GTK_ORDERING_SMALLER;
  cmp = g_strcmp0 (da, db);
  if (cmp != 0)
    return gtk_ordering_from_cmpfunc (cmp);

  cmp = g_utf8_collate (rp_release_get_name (ra), rp_release_get_name (rb));
  if (cmp != 0)
    return gtk_ordering_from_cmpfunc (cmp);

  return gtk_ordering_from_cmpfunc (
      g_strcmp0 (rp_record_get_id (RP_RECORD (ra)), rp_record_get_id (RP_RECORD (rb))));
}

static guint
find_release (RpWindow *self, const char *release_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (release_id == NULL)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) release = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (rp_record_get_id (release), release_id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static const char *
get_release_id (RpWindow *self)
{
  RpRecord *release = gtk_single_selection_get_selected_item (self->selection);

  return release != NULL ? rp_record_get_id (release) : NULL;
}

static void
update_pages (RpWindow *self)
{
  RpRelease *release = gtk_single_selection_get_selected_item (self->selection);
  const char *id = get_release_id (self);
  const char *version = release != NULL ? rp_release_get_version (release) : NULL;

  /* The pages follow through their bindings to "release-id". */
  if (g_strcmp0 (id, self->release_id) != 0)
    {
      g_free (self->release_id);
      self->release_id = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_ID]);
    }

  adw_view_switcher_title_set_title (self->switcher_title,
                                     release != NULL ? rp_release_get_name (release) : "");
  adw_view_switcher_title_set_subtitle (self->switcher_title, version != NULL ? version : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "release.delete", release != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "release.duplicate", release != NULL);
}

/* Only a folded leaflet has anything to navigate; an unfolded one would
 * move the focus into the overview, away from the list being used. */
static void
show_content (RpWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
update_list_stack (RpWindow *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 &&
                  g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, none ? "no-match" : "list");
}

static gboolean
match_release (gpointer item, gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  return self->matches == NULL || g_hash_table_contains (self->matches, rp_record_get_id (RP_RECORD (item)));
}

/* What a search matched in a release, as its row says it: "Risk: PSP
 * outage"; NULL for its name or version, which the row shows anyway. */
static char *
describe_match (RpSearchMatch *match)
{
  const char *snippet = rp_search_match_get_snippet (match);

  switch (rp_search_match_get_entity (match))
    {
    case RP_ENTITY_SCOPE_ITEM:
      /* Translators: what a search matched, under a release in the sidebar */
      return g_strdup_printf (_("Scope: %s"), snippet);
    case RP_ENTITY_RISK:
      /* Translators: what a search matched, under a release in the sidebar */
      return g_strdup_printf (_("Risk: %s"), snippet);
    case RP_ENTITY_DEPENDENCY:
      /* Translators: what a search matched, under a release in the sidebar */
      return g_strdup_printf (_("Dependency: %s"), snippet);
    case RP_ENTITY_CHECKLIST_ITEM:
      /* Translators: what a search matched, under a release in the sidebar */
      return g_strdup_printf (_("Checklist: %s"), snippet);
    default:
      return NULL;
    }
}

static void
update_row_match (RpWindow *self, RpReleaseRow *row)
{
  RpRecord *release = rp_release_row_get_release (row);
  RpSearchMatch *match = NULL;
  g_autofree char *text = NULL;

  if (self->matches != NULL && release != NULL)
    match = g_hash_table_lookup (self->matches, rp_record_get_id (release));
  if (match != NULL)
    text = describe_match (match);
  rp_release_row_set_match (row, text);
}

/* The matches of the query in the plan as it is now: the search reads
 * the store once after each reload, and only while there is a query. */
static void
update_matches (RpWindow *self)
{
  GHashTableIter iter;
  gpointer row;

  g_clear_pointer (&self->matches, g_hash_table_unref);
  if (self->query != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (self->search == NULL)
        self->search = rp_search_new (self->store, &error);
      if (self->search == NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      self->matches = self->search != NULL ? rp_search_find (self->search, self->query)
                                           : g_hash_table_new (g_str_hash, g_str_equal);
    }

  /* Rows that stay on screen are not bound again: tell them. */
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row_match (self, row);
}

/* Opens the release of @release_id at what the search matched in it, if
 * that is not its name. Returns FALSE when there is no such match. */
static gboolean
show_match (RpWindow *self, const char *release_id)
{
  RpSearchMatch *match = NULL;

  if (self->matches != NULL && release_id != NULL)
    match = g_hash_table_lookup (self->matches, release_id);
  if (match == NULL || rp_search_match_get_entity (match) == RP_ENTITY_RELEASE)
    return FALSE;
  return rp_window_show_subject (self, rp_search_match_get_entity (match), rp_search_match_get_id (match),
                                 NULL);
}

static void
on_search_changed_cb (RpWindow *self, GtkSearchEntry *entry)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  g_clear_pointer (&self->query, g_free);
  if (*stripped != '\0')
    self->query = g_steal_pointer (&stripped);
  update_matches (self);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

static void
on_search_stopped_cb (RpWindow *self, GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->release_list));
}

static void
reload_releases (RpWindow *self)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *keep_id = NULL;
  RpRecord *selected;
  guint n_old, n_new, position;

  keep_id = g_steal_pointer (&self->select_id);
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (keep_id == NULL && selected != NULL)
    keep_id = g_strdup (rp_record_get_id (selected));

  records = rp_store_list (self->store, RP_ENTITY_RELEASE, NULL);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->releases));
  /* Any change can change a verdict, a setting too: check again. */
  g_clear_pointer (&self->verdicts, g_hash_table_unref);

  /* The filter runs on the new rows: search what they hold now. */
  g_clear_pointer (&self->search, rp_search_free);
  update_matches (self);

  self->reloading = TRUE;
  g_list_store_splice (self->releases, 0, n_old, records != NULL ? records->pdata : NULL,
                       records != NULL ? records->len : 0);
  position = find_release (self, keep_id);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;

  n_new = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  gtk_stack_set_visible_child_name (self->main_stack, n_new == 0 ? "empty" : "releases");
  update_list_stack (self);
  update_pages (self);

  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->release_list), "list.scroll-to-item", "u", position);
}

static gboolean
on_reload_idle_cb (gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  self->reload_idle_id = 0;
  reload_releases (self);

  return G_SOURCE_REMOVE;
}

static void
queue_reload (RpWindow *self)
{
  /* An import emits ::changed once per row: read the store once, after
   * the burst. */
  if (self->reload_idle_id == 0)
    self->reload_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_reload_idle_cb, self, NULL);
}

static void
on_store_changed_cb (RpWindow *self, int entity, const char *id, RpStore *store)
{
  /* Every kind of row shows up in the overview (owners, counts), and
   * RP_N_ENTITIES means everything may have changed: always reload. */
  queue_reload (self);
}

static gboolean
on_poll_timeout_cb (gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  /* Emits ::changed when another process wrote the file. */
  rp_store_poll_external (self->store);

  return G_SOURCE_CONTINUE;
}

static void
on_selected_item_changed_cb (RpWindow *self, GParamSpec *pspec, GtkSingleSelection *selection)
{
  if (self->reloading)
    return;

  update_pages (self);
}

static void
on_release_activated_cb (RpWindow *self, guint position, GtkListView *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (!show_match (self, get_release_id (self)))
    show_content (self);
}

static void
on_row_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  RpRecord *release = rp_release_row_get_release (RP_RELEASE_ROW (row));

  /* The list selects the row itself; on a narrow window a click also has
   * to open the overview, even when the row was selected already. A row
   * that a search found opens at what it matched. */
  if (n_press != 1)
    return;
  if (!show_match (self, release != NULL ? rp_record_get_id (release) : NULL))
    gtk_widget_activate_action (row, "window.show-content", NULL);
}

static void
on_row_set_up_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *row = rp_release_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_row_released_cb), user_data);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (list_item, row);
}

/* The verdict of the release @id for its badge (-1: none). Every release
 * is checked at once, the first time a row asks after a reload: checking
 * one release reads the whole graph of dependencies between releases, so
 * checking row by row cost the first window 10 s with 1,000 releases. */
static int
get_verdict (RpWindow *self, const char *id)
{
  gpointer verdict;

  if (self->verdicts == NULL)
    {
      g_autoptr (RpReadiness) readiness = NULL;
      g_autoptr (GPtrArray) reports = NULL;
      GDate today;

      rp_ui_get_today (&today);
      readiness = rp_readiness_new (self->store, &today);
      reports = rp_readiness_check_all (readiness, FALSE);
      self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < reports->len; i++)
        g_hash_table_insert (self->verdicts,
                             g_strdup (rp_readiness_report_get_release_id (reports->pdata[i])),
                             GINT_TO_POINTER (rp_readiness_report_get_verdict (reports->pdata[i]) + 1));
    }
  verdict = g_hash_table_lookup (self->verdicts, id);
  return verdict != NULL ? GPOINTER_TO_INT (verdict) - 1 : -1;
}

static void
on_row_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  RpReleaseRow *row = RP_RELEASE_ROW (gtk_list_item_get_child (list_item));
  RpRecord *release = gtk_list_item_get_item (list_item);
  RpProgress progress;

  rp_checklist_progress (self->store, rp_record_get_id (release), NULL, &progress);
  rp_release_row_set_release (row, release);
  g_hash_table_add (self->bound_rows, row);
  update_row_match (self, row);
  rp_release_row_set_progress (row, progress.done + progress.na, progress.total);
  rp_release_row_set_verdict (row, get_verdict (self, rp_record_get_id (release)));
}

static void
on_row_unbound_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  RpReleaseRow *row = RP_RELEASE_ROW (gtk_list_item_get_child (list_item));

  if (self->bound_rows != NULL)
    g_hash_table_remove (self->bound_rows, row);
  rp_release_row_set_release (row, NULL);
  rp_release_row_set_match (row, NULL);
}

static void
show_sidebar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpWindow *self = RP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_content_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_content (RP_WINDOW (widget));
}

/* window.show-page (s): Alt+1…7, the tab of that name of the release,
 * from wherever the window is (the Calendar, the sidebar of a narrow
 * window). */
static void
show_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpWindow *self = RP_WINDOW (widget);

  if (get_release_id (self) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "releases");
  _rp_window_show_page (self, g_variant_get_string (parameter, NULL));
  show_content (self);
}

/* Tab on the list of releases goes on to what the tab shows, not through
 * the tabs of the switcher and the release menu first (Shift+Tab from
 * there still reaches them). */
static gboolean
on_list_tab_pressed_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  GtkWidget *page = adw_view_stack_get_visible_child (self->release_stack);

  if (adw_leaflet_get_folded (self->leaflet) || page == NULL || get_release_id (self) == NULL)
    return FALSE;
  return gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
load_window_state (RpWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  /* Run from the build tree without the compiled schema, the window
   * still works; it just does not remember its size. */
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed: the window size is not kept", SETTINGS_SCHEMA_ID);
      return;
    }

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (RpWindow *self)
{
  int width = 0, height = 0;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
rp_window_close_request (GtkWindow *window)
{
  save_window_state (RP_WINDOW (window));

  return GTK_WINDOW_CLASS (rp_window_parent_class)->close_request (window);
}

/* The pages of a release, the children of release_stack in the order of
 * the tabs: an RpReleasePage each. */
static GPtrArray *
list_pages (RpWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = adw_view_stack_get_pages (self->release_stack);
  GPtrArray *list = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_ptr_array_add (list, adw_view_stack_page_get_child (page));
    }
  return list;
}

/* The header's Back (to the sidebar) shows on a folded window, but not
 * above a tab's own Back (from its editor to its list): one arrow at a
 * time, the nearer way back. */
static void
update_back_button (RpWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->release_stack);
  gboolean page_has_back =
      RP_IS_LIST_EDITOR_PAGE (page) && rp_list_editor_page_get_editor_shown (RP_LIST_EDITOR_PAGE (page));

  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet) && !page_has_back);
}

static void
setup_pages (RpWindow *self)
{
  g_autoptr (GPtrArray) pages = list_pages (self);

  for (guint i = 0; i < pages->len; i++)
    if (RP_IS_LIST_EDITOR_PAGE (pages->pdata[i]))
      g_signal_connect_object (pages->pdata[i], "notify::editor-shown", G_CALLBACK (update_back_button), self,
                               G_CONNECT_SWAPPED);
  g_signal_connect_object (self->release_stack, "notify::visible-child", G_CALLBACK (update_back_button),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_back_button), self,
                           G_CONNECT_SWAPPED);
  update_back_button (self);

  /* The pages of the template get the store once it is there. */
  for (guint i = 0; i < pages->len; i++)
    rp_release_page_set_store (pages->pdata[i], self->store);
  g_object_set (self->calendar_view, "store", self->store, NULL);
  g_object_set (self->timeline_view, "store", self->store, NULL);
}

/* A release opened from the Calendar or the Timeline: shown in Releases. */
static void
on_view_release_activated_cb (RpWindow *self, const char *release_id, RpPlanView *view)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "releases");
  rp_window_select_release (self, release_id);
}

/* The release a subject belongs to: the release itself, or the one up
 * its chain of parents (a criterion's scope item's release). */
static char *
find_subject_release (RpWindow *self, RpEntity entity, const char *id)
{
  g_autofree char *current = g_strdup (id);

  while (entity != RP_ENTITY_RELEASE)
    {
      const RpEntityInfo *info = rp_entity_get_info (entity);
      g_autoptr (RpRecord) record = NULL;

      if (info->parent_column < 0)
        return NULL;
      record = rp_store_get (self->store, entity, current, NULL);
      if (record == NULL)
        return NULL;
      g_free (current);
      current = g_strdup (rp_record_get_parent_id (record));
      entity = info->columns[info->parent_column].ref;
    }
  return g_steal_pointer (&current);
}

/**
 * rp_window_show_subject:
 * @entity: what the subject is
 * @id: the id of its row
 * @field: (nullable): a column of the row to focus (a field of a release:
 *   "rollback_plan"), or NULL for the row
 *
 * Shows what a finding or a search points at: selects its release (in
 * the sidebar, clearing a search that hides it), switches to the tab that
 * holds it, and there selects and focuses the row or the field.
 *
 * Returns: FALSE when no page holds it (nothing changes then but the
 *   release)
 */
gboolean
rp_window_show_subject (RpWindow *self, RpEntity entity, const char *id, const char *field)
{
  g_autofree char *release_id = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  GtkWidget *visible;
  guint position;

  g_return_val_if_fail (RP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (entity < RP_N_ENTITIES, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  release_id = find_subject_release (self, entity, id);
  if (release_id == NULL)
    return FALSE;

  /* The sidebar first, at once: the pages follow the release selected. */
  if (self->reload_idle_id != 0)
    {
      g_clear_handle_id (&self->reload_idle_id, g_source_remove);
      reload_releases (self);
    }
  if (g_strcmp0 (release_id, self->release_id) != 0)
    {
      position = find_release (self, release_id);
      if (position == GTK_INVALID_LIST_POSITION && self->query != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          position = find_release (self, release_id);
        }
      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
      gtk_single_selection_set_selected (self->selection, position);
    }
  show_content (self);

  /* Each page in turn is asked, shown (a field takes the focus only
   * where it can be seen). */
  visible = adw_view_stack_get_visible_child (self->release_stack);
  pages = list_pages (self);
  for (guint i = 0; i < pages->len; i++)
    {
      GtkWidget *page = pages->pdata[i];

      adw_view_stack_set_visible_child (self->release_stack, page);
      if (rp_release_page_select_subject (RP_RELEASE_PAGE (page), entity, id, field))
        return TRUE;
    }
  adw_view_stack_set_visible_child (self->release_stack, visible);
  return FALSE;
}

/* win.show-subject (sss): entity name, id, field ("" for the row). */
static void
show_subject_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  const char *name, *id, *field;
  RpEntity entity;

  g_variant_get (parameter, "(&s&s&s)", &name, &id, &field);
  entity = rp_entity_from_name (name);
  if (entity >= RP_N_ENTITIES)
    {
      g_warning ("win.show-subject: no entity “%s”", name);
      return;
    }
  if (!rp_window_show_subject (self, entity, id, *field != '\0' ? field : NULL))
    g_debug ("win.show-subject: no page shows %s %s", name, id);
}

/* win.undo and win.redo */
static void
replay_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  gboolean undo = g_str_equal (g_action_get_name (G_ACTION (action)), "undo");
  g_autoptr (GError) error = NULL;

  /* A field still waiting to save saves when it loses the focus; then
   * Undo takes back that edit, the last one, as the user expects. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  if (!(undo ? rp_store_undo (self->store, &error) : rp_store_redo (self->store, &error)))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
search_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
update_undo_actions (RpWindow *self)
{
  GAction *undo = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  GAction *redo = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (undo), rp_store_can_undo (self->store));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (redo), rp_store_can_redo (self->store));
}

static void
on_undo_state_changed_cb (RpWindow *self, GParamSpec *pspec, RpStore *store)
{
  update_undo_actions (self);
}

static const GActionEntry window_actions[] = {
  { "undo", replay_activated },
  { "redo", replay_activated },
  { "search", search_activated },
  { "show-subject", show_subject_activated, "(sss)" },
};

static void
delete_release_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  RpRecord *release = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (release == NULL)
    return;

  name = g_strdup (rp_release_get_name (RP_RELEASE (release)));
  if (!rp_store_delete (self->store, RP_ENTITY_RELEASE, rp_record_get_id (release), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  /* Translators: a toast after deleting a release, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * rp_window_show_toast:
 * @title: what happened, in words (plain text)
 * @with_undo: whether the toast has an Undo button (win.undo)
 *
 * Says in a toast what an action did, for the actions of the application
 * that have no page of their own to say it.
 */
void
rp_window_show_toast (RpWindow *self, const char *title, gboolean with_undo)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
duplicate_release_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  RpRecord *release = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (release == NULL)
    return;

  /* The next version, and the name with it where the name has the
   * version; both can be changed on the Overview it opens. */
  version = rp_version_propose_next (rp_release_get_version (RP_RELEASE (release)));
  name = rp_release_propose_next_name (rp_release_get_name (RP_RELEASE (release)),
                                       rp_release_get_version (RP_RELEASE (release)), version);
  id = rp_release_duplicate (self->store, rp_record_get_id (release), name, version, &error);
  if (id == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  rp_window_select_release (self, id);
  adw_view_stack_set_visible_child_name (self->release_stack, "overview");
}

/* The release's milestones become its committed dates (the baseline the
 * Timeline measures the slip from); Undo takes it back. */
static void
commit_dates_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  RpRecord *release = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;

  if (release != NULL && !rp_release_commit_dates (self->store, rp_record_get_id (release), now, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* The tabs of a release, as Alt+1…7 choose them. */
static const char *const tab_names[] = {
  "overview", "scope", "risks", "dependencies", "checklist", "rollout", "readiness",
};

static void
add_shortcuts (RpWindow *self)
{
  const struct
  {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "<Control>z", "win.undo" },
    { "<Control><Shift>z", "win.redo" },
    { "<Control>f", "win.search" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkEventController *list_controller = gtk_shortcut_controller_new ();

  /* Bubble phase: a text field that has the focus undoes its own typing
   * first; the store's undo takes the key everywhere else. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                                shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  /* Alt+1…7: the tabs of the release, in the switcher's order. */
  for (guint i = 0; i < G_N_ELEMENTS (tab_names); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK),
                                                gtk_named_action_new ("window.show-page"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (tab_names[i]));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (list_controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("release.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (list_controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, 0),
                                                          gtk_callback_action_new (on_list_tab_pressed_cb,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->release_list), list_controller);
}

static void
rp_window_constructed (GObject *object)
{
  RpWindow *self = RP_WINDOW (object);

  G_OBJECT_CLASS (rp_window_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));

  setup_pages (self);
  self->changed_id = g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::can-undo", G_CALLBACK (on_undo_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::can-redo", G_CALLBACK (on_undo_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_undo_actions (self);
  self->poll_id = g_timeout_add_seconds (POLL_INTERVAL_SECONDS, on_poll_timeout_cb, self);

  reload_releases (self);
}

static void
rp_window_dispose (GObject *object)
{
  RpWindow *self = RP_WINDOW (object);

  g_clear_handle_id (&self->reload_idle_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->search, rp_search_free);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->releases);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->select_id, g_free);
  g_clear_pointer (&self->release_id, g_free);

  G_OBJECT_CLASS (rp_window_parent_class)->dispose (object);
}

static void
rp_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpWindow *self = RP_WINDOW (object);

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
rp_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpWindow *self = RP_WINDOW (object);

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
rp_window_class_init (RpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  rp_ui_fix_mnemonic_names ();

  object_class->constructed = rp_window_constructed;
  object_class->dispose = rp_window_dispose;
  object_class->get_property = rp_window_get_property;
  object_class->set_property = rp_window_set_property;
  window_class->close_request = rp_window_close_request;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The release the pages show (the one selected in the sidebar), NULL
   * for none; they are bound to it in the template. */
  properties[PROP_RELEASE_ID] =
      g_param_spec_string ("release-id", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (RP_TYPE_SCOPE_PAGE);
  g_type_ensure (RP_TYPE_RISKS_PAGE);
  g_type_ensure (RP_TYPE_DEPENDENCIES_PAGE);
  g_type_ensure (RP_TYPE_CHECKLIST_PAGE);
  g_type_ensure (RP_TYPE_ROLLOUT_PAGE);
  g_type_ensure (RP_TYPE_READINESS_PAGE);
  g_type_ensure (RP_TYPE_CALENDAR_VIEW);
  g_type_ensure (RP_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, release_list);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, release_stack);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, timeline_view);
  gtk_widget_class_bind_template_callback (widget_class, on_release_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_release_activated_cb);

  gtk_widget_class_install_action (widget_class, "window.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "window.show-content", NULL, show_content_action);
  gtk_widget_class_install_action (widget_class, "window.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "release.delete", NULL, delete_release_action);
  gtk_widget_class_install_action (widget_class, "release.duplicate", NULL, duplicate_release_action);
  gtk_widget_class_install_action (widget_class, "release.commit-dates", NULL, commit_dates_action);
}

static void
rp_window_init (RpWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->releases = g_list_store_new (RP_TYPE_RECORD);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_releases, NULL, NULL));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->releases)), sorter);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              GTK_FILTER (gtk_custom_filter_new (match_release, self, NULL)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_changed_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_set_up_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbound_cb), self);
  gtk_list_view_set_factory (self->release_list, factory);
  gtk_list_view_set_model (self->release_list, GTK_SELECTION_MODEL (self->selection));

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions, G_N_ELEMENTS (window_actions), self);
  rp_export_actions_install (self);
  rp_import_actions_install (self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->sidebar));
  add_shortcuts (self);

  load_window_state (self);
}

RpWindow *
rp_window_new (GtkApplication *application, RpStore *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_WINDOW, "application", application, "store", store, NULL);
}

/**
 * rp_window_get_store:
 *
 * Returns: (transfer none): the store the window shows
 */
RpStore *
rp_window_get_store (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * rp_window_select_release:
 * @release_id: the id of a release, perhaps one written a moment ago
 *
 * Selects the release and shows its overview, also on a narrow window.
 * The list catches up with the store in an idle, so a release inserted
 * just now is selected once it is listed.
 */
void
rp_window_select_release (RpWindow *self, const char *release_id)
{
  guint position;

  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (release_id != NULL);

  show_content (self);

  if (self->reload_idle_id != 0)
    {
      g_free (self->select_id);
      self->select_id = g_strdup (release_id);
      return;
    }

  position = find_release (self, release_id);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->release_list), "list.scroll-to-item", "u", position);
    }
}

GtkSingleSelection *
_rp_window_get_selection (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return self->selection;
}

GtkWidget *
_rp_window_get_empty_page (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->empty_page);
}

const char *
_rp_window_get_visible_page (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

GtkWidget *
_rp_window_get_page (RpWindow *self, const char *name)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->release_stack, name);
}

GtkListView *
_rp_window_get_release_list (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return self->release_list;
}

GtkSearchEntry *
_rp_window_get_search_entry (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return self->search_entry;
}

const char *
_rp_window_get_title (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return adw_view_switcher_title_get_title (self->switcher_title);
}

/* @toast: (transfer full) */
void
_rp_window_add_toast (RpWindow *self, AdwToast *toast)
{
  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
_rp_window_is_folded (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

/* Whether the overview is what a person sees: on a folded window, the
 * page the leaflet shows. */
gboolean
_rp_window_shows_overview (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_visible_child (self->leaflet) == self->content;
}

/* Shows the tab @name of the release. */
void
_rp_window_show_page (RpWindow *self, const char *name)
{
  g_return_if_fail (RP_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->release_stack, name);
}

/* The view of the header's switcher: "releases", "calendar", "timeline". */
const char *
_rp_window_get_visible_view (RpWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
_rp_window_show_view (RpWindow *self, const char *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
