/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rp-core.h"
#include "rp-date-row.h"
#include "rp-rollout-page.h"
#include "rp-test-ui.h"

static void
add_by_name (GtkWidget *page, const char *entry_name, const char *text)
{
  GtkWidget *entry = rp_test_get_named (page, entry_name);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
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
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "", rp_record_get_string (rows->pdata[i], column));
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

      g_string_append_printf (names, "%s%s", i > 0 ? "," : "", rp_record_get_string (record, column));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static RpRecord *
find_row (RpStore *store, RpEntity entity, const char *release_id, const char *column, const char *value)
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
  rp_test_flush ();
}

static GtkWidget *
show_page (RpStore *store, const char *release_id, int width, int height, GtkWidget **window_out)
{
  GtkWidget *page = g_object_new (RP_TYPE_ROLLOUT_PAGE, "store", store, "release-id", release_id, NULL);
  GtkWidget *window;

  g_object_ref (page);
  window = rp_test_window_for (rp_test_in_toast_overlay (page), width, height);
  rp_test_wait_mapped (page);
  *window_out = window;
  return page;
}

static void
close_page (GtkWidget *window, GtkWidget *page)
{
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

static void
test_rollout_stages (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) stage = NULL;
  g_autofree char *names = NULL;
  GtkWidget *window, *page, *list_view;
  GtkTextBuffer *criteria;

  page = show_page (store, release_id, 1000, 900, &window);
  list_view = rp_test_get_named (page, "stage-list");

  add_by_name (page, "stage-add-entry", "Canary");
  add_by_name (page, "stage-add-entry", "Everyone");
  names = stored_names (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name");
  g_assert_cmpstr (names, ==, "Canary,Everyone");
  g_clear_pointer (&names, g_free);

  /* The new stage is in the editor: give it all the traffic. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "stage-name-row"))), ==,
                   "Everyone");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rp_test_get_named (page, "stage-percent-spin")), 100);
  rp_test_flush ();

  /* The first one gets 5 %, a two hour hold and its health criteria. */
  select_row (list_view, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "stage-name-row"))), ==,
                   "Canary");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rp_test_get_named (page, "stage-percent-spin")), 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rp_test_get_named (page, "stage-hold-spin")), 120);
  criteria = gtk_text_view_get_buffer (GTK_TEXT_VIEW (rp_test_get_named (page, "stage-criteria-view")));
  gtk_text_buffer_set_text (criteria, "Error rate below 0.1 %", -1);
  rp_test_wait_ms (800);

  stage = find_row (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name", "Canary");
  g_assert_cmpint (rp_record_get_int (stage, "percent"), ==, 5);
  g_assert_cmpint (rp_record_get_int (stage, "hold_minutes"), ==, 120);
  g_assert_cmpstr (rp_record_get_string (stage, "criteria"), ==, "Error rate below 0.1 %");
  g_clear_object (&stage);
  stage = find_row (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name", "Everyone");
  g_assert_cmpint (rp_record_get_int (stage, "percent"), ==, 100);
  g_clear_object (&stage);
  g_assert_false (gtk_widget_get_visible (rp_test_get_named (page, "stage-hint")));

  /* The status too. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (page, "stage-status-row")), 1);
  rp_test_flush ();
  stage = find_row (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name", "Canary");
  g_assert_cmpstr (rp_record_get_string (stage, "status"), ==, "active");
  g_clear_object (&stage);
  rp_test_screenshot (window, "rollout-page", 300);

  /* Move the second one up: the store's order changes, the list follows,
   * and the moved stage stays in the editor. */
  select_row (list_view, 1);
  g_assert_false (gtk_widget_get_sensitive (rp_test_get_named (page, "stage-down-button")));
  g_signal_emit_by_name (rp_test_get_named (page, "stage-up-button"), "clicked");
  rp_test_flush ();
  names = stored_names (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name");
  g_assert_cmpstr (names, ==, "Everyone,Canary");
  g_clear_pointer (&names, g_free);
  names = listed_names (list_view, "name");
  g_assert_cmpstr (names, ==, "Everyone,Canary");
  g_clear_pointer (&names, g_free);
  /* Everyone at once first would be a big bang: the page says so. */
  g_assert_true (gtk_widget_get_visible (rp_test_get_named (page, "stage-hint")));
  rp_test_screenshot (window, "rollout-page-hint", 300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "stage-name-row"))), ==,
                   "Everyone");
  g_assert_false (gtk_widget_get_sensitive (rp_test_get_named (page, "stage-up-button")));

  /* Undo puts the order back, on the page too. */
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  names = listed_names (list_view, "name");
  g_assert_cmpstr (names, ==, "Canary,Everyone");
  g_clear_pointer (&names, g_free);

  /* Alt+Down's action moves the selected one down again. */
  select_row (list_view, 0);
  rp_test_press_key (list_view, GDK_KEY_Down, GDK_ALT_MASK);
  rp_test_flush ();
  names = stored_names (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name");
  g_assert_cmpstr (names, ==, "Everyone,Canary");
  g_clear_pointer (&names, g_free);

  /* Delete (the key's action) and undo. */
  rp_test_press_key (list_view, GDK_KEY_Delete, 0);
  rp_test_flush ();
  names = stored_names (store, RP_ENTITY_ROLLOUT_STAGE, release_id, "name");
  g_assert_cmpstr (names, ==, "Everyone");
  g_clear_pointer (&names, g_free);
  g_assert_true (rp_store_undo (store, &error));
  rp_test_flush ();
  names = listed_names (list_view, "name");
  g_assert_cmpstr (names, ==, "Everyone,Canary");
  g_clear_pointer (&names, g_free);
  /* The stage that came back is in the editor again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "stage-name-row"))), ==,
                   "Canary");

  close_page (window, page);
}

static void
test_rollout_flags (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) flag = NULL;
  GtkWidget *window, *page, *list_view;
  GListModel *model;

  page = show_page (store, release_id, 1000, 900, &window);
  list_view = rp_test_get_named (page, "flag-list");
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));

  add_by_name (page, "flag-add-entry", "new-checkout");
  flag = find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "new-checkout");
  g_assert_nonnull (flag);
  g_assert_cmpstr (rp_record_get_string (flag, "state"), ==, "off");
  g_clear_object (&flag);

  /* State full (the fourth choice) and 100 %. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (page, "flag-state-row")), 3);
  rp_test_flush ();
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rp_test_get_named (page, "flag-percent-spin")), 100);
  rp_test_flush ();
  flag = find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "new-checkout");
  g_assert_cmpstr (rp_record_get_string (flag, "state"), ==, "full");
  g_assert_cmpint (rp_record_get_int (flag, "percent"), ==, 100);
  g_clear_object (&flag);

  /* On for everyone with no clean-up date: the date row asks for one. */
  g_assert_nonnull (rp_date_row_get_warning (RP_DATE_ROW (rp_test_get_named (page, "flag-cleanup-row"))));
  rp_test_screenshot (window, "rollout-page-flag-warning", 300);
  rp_date_row_pick_date (RP_DATE_ROW (rp_test_get_named (page, "flag-cleanup-row")), "2027-03-01");
  rp_test_flush ();
  flag = find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "new-checkout");
  g_assert_cmpstr (rp_record_get_string (flag, "cleanup_due"), ==, "2027-03-01");
  g_clear_object (&flag);
  g_assert_null (rp_date_row_get_warning (RP_DATE_ROW (rp_test_get_named (page, "flag-cleanup-row"))));

  /* Renaming the key is saved when typing pauses. */
  gtk_editable_set_text (GTK_EDITABLE (rp_test_get_named (page, "flag-key-row")), "new-checkout-v2");
  rp_test_wait_ms (800);
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
  rp_test_flush ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rp_test_get_named (page, "flag-state-row"))),
                    ==, 4);
  g_clear_object (&flag);

  add_by_name (page, "flag-add-entry", "dark-mode");
  rp_test_screenshot (window, "rollout-page-flags", 300);

  /* Delete with the button, undo. */
  g_signal_emit_by_name (rp_test_get_named (page, "flag-delete-button"), "clicked");
  rp_test_flush ();
  g_assert_null (find_row (store, RP_ENTITY_FEATURE_FLAG, release_id, "key", "dark-mode"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  close_page (window, page);
}

static void
test_rollout_narrow (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  GtkWidget *window, *page;

  page = show_page (store, release_id, 360, 900, &window);
  add_by_name (page, "stage-add-entry", "Internal");
  add_by_name (page, "stage-add-entry", "Canary 5 %");
  add_by_name (page, "flag-add-entry", "payments.new-provider");
  rp_test_screenshot (window, "rollout-page-narrow", 300);
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);

  close_page (window, page);
}

/* The sample plan, as a new user first sees it. */
static void
test_rollout_sample (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;
  GtkWidget *window, *page;

  rp_sample_plan_load (store, &error);
  g_assert_no_error (error);

  page = show_page (store, "938bae14-a74b-5866-8aa4-41878e03e181", 1000, 1000, &window);
  names = listed_names (rp_test_get_named (page, "stage-list"), "name");
  {
    g_autofree char *stored =
        stored_names (store, RP_ENTITY_ROLLOUT_STAGE, "938bae14-a74b-5866-8aa4-41878e03e181", "name");

    g_assert_cmpstr (names, ==, stored);
  }
  rp_test_screenshot (window, "rollout-page-sample", 300);

  /* Something pointing at a flag or a stage (a readiness finding) shows it. */
  {
    GtkListView *flag_list = GTK_LIST_VIEW (rp_test_get_named (page, "flag-list"));
    GtkListView *stage_list = GTK_LIST_VIEW (rp_test_get_named (page, "stage-list"));
    GListModel *flags = G_LIST_MODEL (gtk_list_view_get_model (flag_list));
    GListModel *stages = G_LIST_MODEL (gtk_list_view_get_model (stage_list));
    g_autoptr (RpRecord) flag = g_list_model_get_item (flags, 1);
    g_autoptr (RpRecord) stage = g_list_model_get_item (stages, 2);

    g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_FEATURE_FLAG,
                                                   rp_record_get_id (flag), NULL));
    rp_test_flush ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "flag-key-row"))), ==,
                     rp_record_get_string (flag, "key"));
    g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_ROLLOUT_STAGE,
                                                   rp_record_get_id (stage), NULL));
    rp_test_flush ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "stage-name-row"))), ==,
                     rp_record_get_string (stage, "name"));
  }

  close_page (window, page);
}

/* Tab reaches every part of the page, the editors beside the lists too. */
static void
test_rollout_keyboard (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  const char *const expected[] = { "stage-add-entry",     "stage-list",        "stage-name-row",
                                   "stage-percent-spin",  "stage-hold-spin",   "stage-status-row",
                                   "stage-criteria-view", "stage-down-button", "stage-delete-button",
                                   "flag-add-entry",      "flag-list",         "flag-key-row",
                                   "flag-state-row",      "flag-percent-spin", "flag-cleanup-row",
                                   "flag-delete-button" };
  GtkWidget *window, *page;

  page = show_page (store, release_id, 1000, 900, &window);
  add_by_name (page, "stage-add-entry", "Canary");
  add_by_name (page, "stage-add-entry", "Everyone");
  select_row (rp_test_get_named (page, "stage-list"), 0);
  add_by_name (page, "flag-add-entry", "new-checkout");

  gtk_widget_grab_focus (rp_test_get_named (page, "stage-add-entry"));
  rp_test_assert_tab_reaches (window, 120, expected, G_N_ELEMENTS (expected));

  close_page (window, page);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);

  g_test_add_func ("/pages/rollout/stages", test_rollout_stages);
  g_test_add_func ("/pages/rollout/flags", test_rollout_flags);
  g_test_add_func ("/pages/rollout/narrow", test_rollout_narrow);
  g_test_add_func ("/pages/rollout/sample", test_rollout_sample);
  g_test_add_func ("/pages/rollout/keyboard", test_rollout_keyboard);

  return g_test_run ();
}
