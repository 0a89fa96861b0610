/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rp-core.h"
#include "rp-date-row.h"
#include "rp-page.h"

static void
flush_events (void)
{
  for (guint i = 0; i < 3; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, on_timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  flush_events ();
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_named (GtkWidget *root, const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* Does what a key press on @widget does through its shortcut
 * controllers: runs the action of the shortcut whose trigger is the key
 * (GTK 4 cannot send key events to a window on a test server). */
static gboolean
trigger_matches (GtkShortcutTrigger *trigger, guint keyval, GdkModifierType modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      GtkAlternativeTrigger *alternative = GTK_ALTERNATIVE_TRIGGER (trigger);

      GtkShortcutTrigger *first = gtk_alternative_trigger_get_first (alternative);
      GtkShortcutTrigger *second = gtk_alternative_trigger_get_second (alternative);

      return trigger_matches (first, keyval, modifiers)
             || trigger_matches (second, keyval, modifiers);
    }
  return GTK_IS_KEYVAL_TRIGGER (trigger)
         && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
         && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

static void
press_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              flush_events ();
              return;
            }
        }
    }
  g_error ("no shortcut for %s on %s", gdk_keyval_name (keyval), gtk_widget_get_name (widget));
}

/* With RP_SCREENSHOT_DIR set, saves what @widget shows as NAME.png. */
static void
take_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("RP_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  /* Let the frame clock lay out and draw what changed last. */
  {
    gboolean timed_out = FALSE;

    g_timeout_add (300, on_timeout_cb, &timed_out);
    while (!timed_out)
      g_main_context_iteration (NULL, TRUE);
  }
  flush_events ();
  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static RpStore *
open_store (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static char *
add_release (RpStore *store, const char *name)
{
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "name", name);
  rp_store_insert (store, release, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (release));
}

/* Runs the main loop for a while: typed text is saved when typing pauses. */
static void
wait_ms (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, on_timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  flush_events ();
}

static void
add_by_name (GtkWidget *page, const char *entry_name, const char *text)
{
  GtkWidget *entry = get_named (page, entry_name);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* The names (or keys) of the rows of @entity, in stored order, joined by
 * commas. */
static char *
stored_names (RpStore *store, RpEntity entity, const char *release_id, const char *column)
{
  g_autoptr (GPtrArray) rows = rp_store_list (store, entity, release_id);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                            rp_record_get_string (rows->pdata[i], column));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
listed_names (GtkWidget *list_view, const char *column)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (RpRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                              rp_record_get_string (record, column));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static RpRecord *
find_row (RpStore *store, RpEntity entity, const char *release_id, const char *column,
          const char *value)
{
  g_autoptr (GPtrArray) rows = rp_store_list (store, entity, release_id);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (rp_record_get_string (rows->pdata[i], column), value) == 0)
      return g_object_ref (rows->pdata[i]);
  return NULL;
}

static void
select_row (GtkWidget *list_view, guint position)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));

  gtk_selection_model_select_item (model, position, TRUE);
  flush_events ();
}

static GtkWidget *
show_page (RpStore *store, const char *release_id, int width, int height, GtkWidget **window_out)
{
  GtkWidget *page = g_object_new (RP_TYPE_ROLLOUT_PAGE, "store", store, "release-id", release_id,
                                  NULL);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *window = gtk_window_new ();

  g_object_ref (page);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (page);
  *window_out = window;
  return page;
}

static void
close_page (GtkWidget *window, GtkWidget *page)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_finalize_object (page);
}

static void
test_rollout_stages (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autofree char *release_id = add_release (store, "Aurora");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) stage = NULL;
  g_autofree char *names = NULL;
  GtkWidget *window, *page, *list_view;
  GtkTextBuffer *criteria;

  page = show_page (store, release_id, 1000, 900, &window);
  list_view = get_named (page, "stage-list");

  add_by_name (page, "stage-add-entry", "Canary");
  add_by_name (page, "stage-add-entry", "Everyone");
  names = stored_names (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name");
  g_assert_cmpstr (names, ==, "Canary,Everyone");
  g_clear_pointer (&names, g_free);

  /* The new stage is in the editor: give it all the traffic. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (page, "stage-name-row"))), ==,
                   "Everyone");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (page, "stage-percent-spin")), 100);
  flush_events ();

  /* The first one gets 5 %, a two hour hold and its health criteria. */
  select_row (list_view, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (page, "stage-name-row"))), ==,
                   "Canary");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (page, "stage-percent-spin")), 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (page, "stage-hold-spin")), 120);
  criteria = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_named (page, "stage-criteria-view")));
  gtk_text_buffer_set_text (criteria, "Error rate below 0.1 %", -1);
  wait_ms (800);

  stage = find_row (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name", "Canary");
  g_assert_cmpint (rp_record_get_int (stage, "percent"), ==, 5);
  g_assert_cmpint (rp_record_get_int (stage, "hold_minutes"), ==, 120);
  g_assert_cmpstr (rp_record_get_string (stage, "criteria"), ==, "Error rate below 0.1 %");
  g_clear_object (&stage);
  stage = find_row (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name", "Everyone");
  g_assert_cmpint (rp_record_get_int (stage, "percent"), ==, 100);
  g_clear_object (&stage);
  g_assert_false (gtk_widget_get_visible (get_named (page, "stage-hint")));

  /* The status too. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (page, "stage-status-row")), 1);
  flush_events ();
  stage = find_row (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name", "Canary");
  g_assert_cmpstr (rp_record_get_string (stage, "status"), ==, "active");
  g_clear_object (&stage);
  take_screenshot (window, "rollout-page");

  /* Move the second one up: the store's order changes, the list follows,
   * and the moved stage stays in the editor. */
  select_row (list_view, 1);
  g_assert_false (gtk_widget_get_sensitive (get_named (page, "stage-down-button")));
  g_signal_emit_by_name (get_named (page, "stage-up-button"), "clicked");
  flush_events ();
  names = stored_names (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name");
  g_assert_cmpstr (names, ==, "Everyone,Canary");
  g_clear_pointer (&names, g_free);
  names = listed_names (list_view, "name");
  g_assert_cmpstr (names, ==, "Everyone,Canary");
  g_clear_pointer (&names, g_free);
  /* Everyone at once first would be a big bang: the page says so. */
  g_assert_true (gtk_widget_get_visible (get_named (page, "stage-hint")));
  take_screenshot (window, "rollout-page-hint");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (page, "stage-name-row"))), ==,
                   "Everyone");
  g_assert_false (gtk_widget_get_sensitive (get_named (page, "stage-up-button")));

  /* Undo puts the order back, on the page too. */
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  flush_events ();
  names = listed_names (list_view, "name");
  g_assert_cmpstr (names, ==, "Canary,Everyone");
  g_clear_pointer (&names, g_free);

  /* Alt+Down's action moves the selected one down again. */
  select_row (list_view, 0);
  press_key (list_view, GDK_KEY_Down, GDK_ALT_MASK);
  names = stored_names (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name");
  g_assert_cmpstr (names, ==, "Everyone,Canary");
  g_clear_pointer (&names, g_free);

  /* Delete (the key's action) and undo. */
  press_key (list_view, GDK_KEY_Delete, 0);
  names = stored_names (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name");
  g_assert_cmpstr (names, ==, "Everyone");
  g_clear_pointer (&names, g_free);
  g_assert_true (rp_store_undo (store, &error));
  flush_events ();
  names = listed_names (list_view, "name");
  g_assert_cmpstr (names, ==, "Everyone,Canary");
  g_clear_pointer (&names, g_free);
  /* The stage that came back is in the editor again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (page, "stage-name-row"))), ==,
                   "Canary");

  close_page (window, page);
}

static void
test_rollout_flags (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autofree char *release_id = add_release (store, "Aurora");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) flag = NULL;
  GtkWidget *window, *page, *list_view;
  GListModel *model;

  page = show_page (store, release_id, 1000, 900, &window);
  list_view = get_named (page, "flag-list");
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));

  add_by_name (page, "flag-add-entry", "new-checkout");
  flag = find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "new-checkout");
  g_assert_nonnull (flag);
  g_assert_cmpstr (rp_record_get_string (flag, "state"), ==, "off");
  g_clear_object (&flag);

  /* State full (the fourth choice) and 100 %. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (page, "flag-state-row")), 3);
  flush_events ();
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (page, "flag-percent-spin")), 100);
  flush_events ();
  flag = find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "new-checkout");
  g_assert_cmpstr (rp_record_get_string (flag, "state"), ==, "full");
  g_assert_cmpint (rp_record_get_int (flag, "percent"), ==, 100);
  g_clear_object (&flag);

  /* On for everyone with no clean-up date: the date row asks for one. */
  g_assert_nonnull (rp_date_row_get_warning (RP_DATE_ROW (get_named (page, "flag-cleanup-row"))));
  take_screenshot (window, "rollout-page-flag-warning");
  rp_date_row_pick_date (RP_DATE_ROW (get_named (page, "flag-cleanup-row")), "2027-03-01");
  flush_events ();
  flag = find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "new-checkout");
  g_assert_cmpstr (rp_record_get_string (flag, "cleanup_due"), ==, "2027-03-01");
  g_clear_object (&flag);
  g_assert_null (rp_date_row_get_warning (RP_DATE_ROW (get_named (page, "flag-cleanup-row"))));

  /* Renaming the key is saved when typing pauses. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (page, "flag-key-row")), "new-checkout-v2");
  wait_ms (800);
  flag = find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "new-checkout-v2");
  g_assert_nonnull (flag);
  g_clear_object (&flag);

  /* A state changed elsewhere shows in the editor. */
  flag = find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "new-checkout-v2");
  {
    g_autoptr (RpRecord) changed = rp_record_copy (flag);

    rp_record_set_string (changed, "state", "removed");
    rp_store_update (store, changed, &error);
    g_assert_no_error (error);
  }
  flush_events ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_named (page, "flag-state-row"))),
                    ==, 4);
  g_clear_object (&flag);

  add_by_name (page, "flag-add-entry", "dark-mode");
  take_screenshot (window, "rollout-page-flags");

  /* Delete with the button, undo. */
  g_signal_emit_by_name (get_named (page, "flag-delete-button"), "clicked");
  flush_events ();
  g_assert_null (find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "dark-mode"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  close_page (window, page);
}

static void
test_rollout_narrow (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autofree char *release_id = add_release (store, "Aurora");
  GtkWidget *window, *page;

  page = show_page (store, release_id, 360, 900, &window);
  add_by_name (page, "stage-add-entry", "Internal");
  add_by_name (page, "stage-add-entry", "Canary 5 %");
  add_by_name (page, "flag-add-entry", "payments.new-provider");
  take_screenshot (window, "rollout-page-narrow");
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);

  close_page (window, page);
}

/* The sample plan, as a new user first sees it. */
static void
test_rollout_sample (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;
  GtkWidget *window, *page;

  rp_sample_plan_load (store, &error);
  g_assert_no_error (error);

  page = show_page (store, "938bae14-a74b-5866-8aa4-41878e03e181", 1000, 1000, &window);
  names = listed_names (get_named (page, "stage-list"), "name");
  {
    g_autofree char *stored = stored_names (store, RP_ENTITY_ROLLOUT_STAGE,
                                            "938bae14-a74b-5866-8aa4-41878e03e181", "name");

    g_assert_cmpstr (names, ==, stored);
  }
  take_screenshot (window, "rollout-page-sample");

  /* Something pointing at a flag or a stage (a readiness finding) shows it. */
  {
    GtkListView *flag_list = GTK_LIST_VIEW (get_named (page, "flag-list"));
    GtkListView *stage_list = GTK_LIST_VIEW (get_named (page, "stage-list"));
    GListModel *flags = G_LIST_MODEL (gtk_list_view_get_model (flag_list));
    GListModel *stages = G_LIST_MODEL (gtk_list_view_get_model (stage_list));
    g_autoptr (RpRecord) flag = g_list_model_get_item (flags, 1);
    g_autoptr (RpRecord) stage = g_list_model_get_item (stages, 2);

    gtk_widget_activate_action (page, "rollout.select-item", "s", rp_record_get_id (flag));
    flush_events ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (page, "flag-key-row"))), ==,
                     rp_record_get_string (flag, "key"));
    gtk_widget_activate_action (page, "rollout.select-item", "s", rp_record_get_id (stage));
    flush_events ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (page, "stage-name-row"))), ==,
                     rp_record_get_string (stage, "name"));
  }

  close_page (window, page);
}

/* Tab reaches every part of the page, the editors beside the lists too. */
static void
test_rollout_keyboard (void)
{
  g_autoptr (RpStore) store = open_store ();
  g_autofree char *release_id = add_release (store, "Aurora");
  g_autoptr (GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);
  const char *const expected[] = { "stage-add-entry", "stage-list", "stage-name-row",
                                   "stage-percent-spin", "stage-hold-spin", "stage-status-row",
                                   "stage-criteria-view", "stage-down-button",
                                   "stage-delete-button", "flag-add-entry", "flag-list",
                                   "flag-key-row", "flag-state-row", "flag-percent-spin",
                                   "flag-cleanup-row", "flag-delete-button" };
  GtkWidget *window, *page;

  page = show_page (store, release_id, 1000, 900, &window);
  add_by_name (page, "stage-add-entry", "Canary");
  add_by_name (page, "stage-add-entry", "Everyone");
  select_row (get_named (page, "stage-list"), 0);
  add_by_name (page, "flag-add-entry", "new-checkout");

  gtk_widget_grab_focus (get_named (page, "stage-add-entry"));
  for (guint i = 0; i < 120; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      flush_events ();
      for (focus = gtk_root_get_focus (GTK_ROOT (window)); focus != NULL;
           focus = gtk_widget_get_parent (focus))
        for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
          if (g_strcmp0 (gtk_widget_get_name (focus), expected[j]) == 0)
            g_hash_table_add (reached, (gpointer) expected[j]);
    }
  for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
    if (!g_hash_table_contains (reached, expected[j]))
      g_error ("Tab never reaches %s", expected[j]);

  close_page (window, page);
}

int
main (int argc, char *argv[])
{
  /* libadwaita reads the desktop's interface settings and GTK loads
   * symbolic icons through the MIME database: find both before the test
   * isolates XDG_DATA_DIRS (the settings' values themselves come from
   * GSETTINGS_BACKEND=memory). */
  g_settings_schema_source_get_default ();
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/pages/rollout/stages", test_rollout_stages);
  g_test_add_func ("/pages/rollout/flags", test_rollout_flags);
  g_test_add_func ("/pages/rollout/narrow", test_rollout_narrow);
  g_test_add_func ("/pages/rollout/sample", test_rollout_sample);
  g_test_add_func ("/pages/rollout/keyboard", test_rollout_keyboard);

  return g_test_run ();
}
