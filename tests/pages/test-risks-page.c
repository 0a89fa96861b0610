/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rp-core.h"
#include "rp-risks-page.h"
#include "rp-test-ui.h"

static RpRecord *
find_risk (RpStore *store, const char *release_id, const char *title)
{
  g_autoptr (GPtrArray) risks = rp_store_list (store, RP_ENTITY_RISK, release_id);

  for (guint i = 0; i < risks->len; i++)
    if (g_strcmp0 (rp_record_get_string (risks->pdata[i], "title"), title) == 0)
      return g_object_ref (risks->pdata[i]);
  return NULL;
}

static void
add_risk_by_title (GtkWidget *page, const char *title)
{
  GtkWidget *entry = rp_test_get_named (page, "risk-add-entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static const char *
title_at (GtkWidget *list_view, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_autoptr (RpRecord) record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  /* The store keeps the record alive as long as the list holds it. */
  return rp_record_get_string (record, "title");
}

static void
test_risks_add_score_delete_undo (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) risk = NULL;
  GtkWidget *window, *overlay, *page, *list_view;
  GtkTextBuffer *mitigation;
  GListModel *model;

  page = g_object_new (RP_TYPE_RISKS_PAGE, "store", store, "release-id", release_id, NULL);
  g_object_ref (page);
  overlay = rp_test_in_toast_overlay (page);
  window = rp_test_window_for (overlay, 1000, 760);
  rp_test_wait_mapped (page);

  /* Add a risk by its title: it starts at 3 × 3. */
  add_risk_by_title (page, "Database migration locks the orders table");
  risk = find_risk (store, release_id, "Database migration locks the orders table");
  g_assert_nonnull (risk);
  g_assert_cmpint (rp_record_get_int (risk, "likelihood"), ==, 3);
  g_assert_cmpint (rp_record_get_int (risk, "impact"), ==, 3);
  g_assert_cmpstr (rp_record_get_string (risk, "status"), ==, "open");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "risk-title-row"))), ==,
                   "Database migration locks the orders table");

  /* Likelihood 5 (almost certain) and impact 4 (major) through the rows. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (page, "risk-likelihood-row")), 4);
  rp_test_flush ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (page, "risk-impact-row")), 3);
  rp_test_flush ();
  g_clear_object (&risk);
  risk = find_risk (store, release_id, "Database migration locks the orders table");
  g_assert_cmpint (rp_record_get_int (risk, "likelihood"), ==, 5);
  g_assert_cmpint (rp_record_get_int (risk, "impact"), ==, 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "20");

  /* So high and open with no mitigation, it would stop the release: the
   * page says so until a mitigation is written. */
  g_assert_true (gtk_widget_get_visible (rp_test_get_named (page, "risk-readiness-label")));
  g_assert_true (gtk_widget_has_css_class (rp_test_get_named (page, "risk-readiness-label"), "error"));
  rp_test_screenshot (window, "risks-page-blocker", 300);
  mitigation = gtk_text_view_get_buffer (GTK_TEXT_VIEW (rp_test_get_named (page, "risk-mitigation-view")));
  gtk_text_buffer_set_text (mitigation, "Run the migration online with pt-online-schema-change", -1);
  rp_test_wait_ms (800);
  g_clear_object (&risk);
  risk = find_risk (store, release_id, "Database migration locks the orders table");
  g_assert_cmpstr (rp_record_get_string (risk, "mitigation"), ==,
                   "Run the migration online with pt-online-schema-change");
  /* Still no owner: a warning, not a blocker. */
  g_assert_true (gtk_widget_get_visible (rp_test_get_named (page, "risk-readiness-label")));
  g_assert_true (gtk_widget_has_css_class (rp_test_get_named (page, "risk-readiness-label"), "warning"));

  /* A 2 × 2 risk comes after it, even though it was added later and is
   * selected. */
  add_risk_by_title (page, "Release notes have a typo");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "9");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (page, "risk-likelihood-row")), 1);
  rp_test_flush ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (page, "risk-impact-row")), 1);
  rp_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "4");
  {
    g_autoptr (RpRecord) small = find_risk (store, release_id, "Release notes have a typo");

    g_assert_cmpint (rp_record_get_int (small, "likelihood"), ==, 2);
    g_assert_cmpint (rp_record_get_int (small, "impact"), ==, 2);
  }

  list_view = rp_test_get_named (page, "risk-list");
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (title_at (list_view, 0), ==, "Database migration locks the orders table");
  g_assert_cmpstr (title_at (list_view, 1), ==, "Release notes have a typo");
  rp_test_screenshot (window, "risks-page", 300);

  /* Select the big one and delete it with the button. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  rp_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "20");
  g_signal_emit_by_name (rp_test_get_named (page, "risk-delete-button"), "clicked");
  rp_test_flush ();
  g_clear_object (&risk);
  risk = find_risk (store, release_id, "Database migration locks the orders table");
  g_assert_null (risk);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (title_at (list_view, 0), ==, "Release notes have a typo");

  /* Undo brings it back, in the store and on the page, on top again. */
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  risk = find_risk (store, release_id, "Database migration locks the orders table");
  g_assert_nonnull (risk);
  g_assert_cmpint (rp_record_get_int (risk, "likelihood"), ==, 5);
  g_assert_cmpint (rp_record_get_int (risk, "impact"), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (title_at (list_view, 0), ==, "Database migration locks the orders table");
  /* … and in the editor again. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "20");

  /* The Delete key on the list does the same as the button. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, TRUE);
  rp_test_flush ();
  rp_test_press_key (list_view, GDK_KEY_Delete, 0);
  rp_test_flush ();
  g_assert_null (find_risk (store, release_id, "Release notes have a typo"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

/* A narrow window still shows every part, one above the other. */
static void
test_risks_narrow (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  GtkWidget *window, *page;

  page = g_object_new (RP_TYPE_RISKS_PAGE, "store", store, "release-id", release_id, NULL);
  g_object_ref (page);
  window = rp_test_window_for (page, 360, 700);
  rp_test_wait_mapped (page);

  add_risk_by_title (page, "Vendor API rate limits");
  add_risk_by_title (page, "On-call engineer on holiday");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (page, "risk-likelihood-row")), 3);
  rp_test_flush ();
  rp_test_screenshot (window, "risks-page-narrow", 300);
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

/* Without a release the page says so, and it follows the release-id. */
static void
test_risks_no_release (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *page;
  GListModel *model;

  rp_record_set_string (risk, "release_id", release_id);
  rp_record_set_string (risk, "title", "Made elsewhere");
  rp_store_insert (store, risk, &error);
  g_assert_no_error (error);

  page = g_object_new (RP_TYPE_RISKS_PAGE, "store", store, NULL);
  g_object_ref (page);
  window = rp_test_window_for (page, -1, -1);
  rp_test_wait_mapped (page);

  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (rp_test_get_named (page, "risk-list"))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_object_set (page, "release-id", release_id, NULL);
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "risk-title-row"))), ==,
                   "Made elsewhere");

  /* An edit from elsewhere shows up in the editor. */
  {
    g_autoptr (RpRecord) changed = rp_record_copy (risk);

    rp_record_set_int (changed, "impact", 5);
    rp_store_update (store, changed, &error);
    g_assert_no_error (error);
  }
  rp_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "15");

  /* Another release opens on its highest risk. */
  {
    g_autofree char *other_id = rp_test_add_release (store, "Borealis");

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr (RpRecord) other = rp_record_new (RP_ENTITY_RISK);
        g_autofree char *title = g_strdup_printf ("Borealis risk %u", i);

        rp_record_set_string (other, "release_id", other_id);
        rp_record_set_string (other, "title", title);
        rp_record_set_int (other, "likelihood", i + 1);
        rp_store_insert (store, other, &error);
        g_assert_no_error (error);
      }
    g_object_set (page, "release-id", other_id, NULL);
    rp_test_flush ();
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "risk-title-row"))), ==,
                     "Borealis risk 2");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

/* The sample plan, as a new user first sees it. */
static void
test_risks_sample (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) release = NULL;
  GtkWidget *window, *page;
  GListModel *model;

  rp_sample_plan_load (store, &error);
  g_assert_no_error (error);
  release = rp_store_find_release (store, "938bae14-a74b-5866-8aa4-41878e03e181", &error);
  g_assert_no_error (error);

  page = g_object_new (RP_TYPE_RISKS_PAGE, "store", store, "release-id", rp_record_get_id (release), NULL);
  g_object_ref (page);
  window = rp_test_window_for (page, 1000, 760);
  rp_test_wait_mapped (page);

  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (rp_test_get_named (page, "risk-list"))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (RpRecord) a = g_list_model_get_item (model, i - 1);
      g_autoptr (RpRecord) b = g_list_model_get_item (model, i);

      g_assert_cmpint (rp_record_get_int (a, "likelihood") * rp_record_get_int (a, "impact"), >=,
                       rp_record_get_int (b, "likelihood") * rp_record_get_int (b, "impact"));
    }

  /* A very long title neither pushes the editor below the list nor widens
   * the page. */
  {
    g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);

    rp_record_set_string (risk, "release_id", rp_record_get_id (release));
    rp_record_set_string (risk, "title",
                          "The analytics vendor changes its SDK licence terms in the middle of "
                          "the release and legal asks us to hold the rollout until the new "
                          "contract is signed by both sides");
    rp_record_set_int (risk, "likelihood", 1);
    rp_record_set_int (risk, "impact", 1);
    rp_store_insert (store, risk, &error);
    g_assert_no_error (error);
    rp_test_flush ();
  }
  rp_test_screenshot (window, "risks-page-sample", 300);
  {
    graphene_point_t list_origin, editor_origin;

    g_assert_true (gtk_widget_compute_point (rp_test_get_named (page, "risk-list"), page,
                                             &GRAPHENE_POINT_INIT (0, 0), &list_origin));
    g_assert_true (gtk_widget_compute_point (rp_test_get_named (page, "risk-title-row"), page,
                                             &GRAPHENE_POINT_INIT (0, 0), &editor_origin));
    g_assert_cmpfloat (editor_origin.y, <,
                       list_origin.y + gtk_widget_get_height (rp_test_get_named (page, "risk-list")));
    g_assert_cmpint (gtk_widget_get_width (page), <=, 1000);
  }

  /* A cell of the heat map filters the list to its open risks, and
   * selects the first; again, and the list shows them all. */
  {
    GtkWidget *cell = rp_test_get_named (page, "risk-heat-cell-3-3");
    GtkWidget *empty = rp_test_get_named (page, "risk-heat-cell-5-5");
    guint all = g_list_model_get_n_items (model);
    RpRecord *selected;

    g_assert_true (GTK_IS_TOGGLE_BUTTON (cell));
    g_assert_true (gtk_widget_is_sensitive (cell));
    /* Nothing to filter to in an empty cell. */
    gtk_widget_activate (empty);
    rp_test_wait_ms (100);
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (empty)));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

    /* (Enter or Space: a button toggles once it was seen pressed.) */
    gtk_widget_activate (cell);
    rp_test_wait_ms (400);
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (cell)));
    g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
    g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr (RpRecord) risk = g_list_model_get_item (model, i);

        g_assert_cmpint (rp_record_get_int (risk, "likelihood"), ==, 3);
        g_assert_cmpint (rp_record_get_int (risk, "impact"), ==, 3);
        g_assert_cmpstr (rp_record_get_string (risk, "status"), ==, "open");
      }
    selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
    g_assert_nonnull (selected);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "9");
    g_assert_nonnull (rp_test_find_named (page, "risk-heat-filter"));
    g_assert_true (gtk_widget_get_mapped (rp_test_get_named (page, "risk-heat-filter")));
    rp_test_screenshot (window, "risks-filter-light", 300);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    rp_test_screenshot (window, "risks-filter-dark", 300);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

    /* The keyboard gets there too: Tab reaches the cell. */
    gtk_widget_grab_focus (rp_test_get_named (page, "risk-list"));
    rp_test_assert_tab_reaches (window, 60, (const char *const[]){ "risk-heat-cell-3-3" }, 1);

    gtk_widget_activate (cell);
    rp_test_wait_ms (400);
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (cell)));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
    g_assert_false (gtk_widget_get_visible (rp_test_get_named (page, "risk-heat-filter")));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

/* 2,000 risks: they open at once, something outside finds the last, and
 * an edit moves a risk far down the sorted list. (How quick that is, is a
 * benchmark's to measure, not a test's.) */
static void
test_risks_many (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Big");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) first = NULL;
  GtkWidget *window, *page;
  GListModel *model;

  rp_store_begin (store, "many", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);
      g_autofree char *title = g_strdup_printf ("Risk %04u", i);

      rp_record_set_string (risk, "release_id", release_id);
      rp_record_set_string (risk, "title", title);
      rp_record_set_int (risk, "likelihood", 1 + i % 5);
      rp_record_set_int (risk, "impact", 1 + (i / 5) % 5);
      rp_store_insert (store, risk, &error);
      g_assert_no_error (error);
    }
  rp_store_commit (store, &error);
  g_assert_no_error (error);

  page = g_object_new (RP_TYPE_RISKS_PAGE, "store", store, "release-id", release_id, NULL);
  g_object_ref (page);
  window = rp_test_window_for (page, 1000, 760);
  rp_test_wait_mapped (page);

  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (rp_test_get_named (page, "risk-list"))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2000);

  /* Something pointing at the last risk (a readiness finding) shows it. */
  {
    g_autoptr (RpRecord) last = g_list_model_get_item (model, 1999);

    g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_RISK,
                                                   rp_record_get_id (last), NULL));
    rp_test_flush ();
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 1999);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "risk-title-row"))), ==,
                     rp_record_get_string (last, "title"));
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
    rp_test_flush ();
  }

  /* The first is a 5 × 5: down to 5 × 1 moves it far down the list, and
   * the editor stays on it. */
  first = g_list_model_get_item (model, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (page, "risk-impact-row")), 0);
  rp_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rp_test_get_named (page, "risk-score-label"))), ==, "5");
  {
    RpRecord *selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));

    g_assert_cmpstr (rp_record_get_id (selected), ==, rp_record_get_id (first));
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), >, 1000);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

static guint
heat_count (GtkWidget *page, guint likelihood, guint impact)
{
  g_autofree char *name = g_strdup_printf ("risk-heat-cell-%u-%u", likelihood, impact);

  return (guint) g_ascii_strtoull (gtk_button_get_label (GTK_BUTTON (rp_test_get_named (page, name))), NULL,
                                   10);
}

static RpRecord *
add_risk (RpStore *store, const char *release_id, const char *title, int likelihood, int impact)
{
  g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (risk, "release_id", release_id);
  rp_record_set_string (risk, "title", title);
  rp_record_set_int (risk, "likelihood", likelihood);
  rp_record_set_int (risk, "impact", impact);
  g_assert_true (rp_store_insert (store, risk, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&risk);
}

/* The Risks page on the list-and-editor base: its list stays sorted by
 * score as risks change (ties by title), the stored order does not move
 * with Alt+Up/Down, a subject from outside selects the risk and focuses
 * the field, and the heat map follows a delete and its undo. */
static void
test_risks_sorted_list (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  g_autoptr (RpRecord) low = add_risk (store, release_id, "Low", 1, 2);
  g_autoptr (RpRecord) beta = add_risk (store, release_id, "Beta", 3, 3);
  g_autoptr (RpRecord) alpha = add_risk (store, release_id, "Alpha", 3, 3);
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *overlay, *page, *list_view;
  GListModel *model;

  page = g_object_new (RP_TYPE_RISKS_PAGE, "store", store, "release-id", release_id, NULL);
  g_object_ref (page);
  overlay = rp_test_in_toast_overlay (page);
  window = rp_test_window_for (overlay, 1000, 760);
  rp_test_wait_mapped (page);
  list_view = rp_test_get_named (page, "risk-list");
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));

  /* Score first, then the title; it opens on the first. */
  g_assert_cmpstr (title_at (list_view, 0), ==, "Alpha");
  g_assert_cmpstr (title_at (list_view, 1), ==, "Beta");
  g_assert_cmpstr (title_at (list_view, 2), ==, "Low");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  g_assert_cmpuint (heat_count (page, 3, 3), ==, 2);
  g_assert_cmpuint (heat_count (page, 1, 2), ==, 1);

  /* Alt+Down has nothing to move in a sorted list: the stored order stays. */
  rp_test_press_key (list_view, GDK_KEY_Down, GDK_ALT_MASK);
  rp_test_flush ();
  stored = rp_store_list (store, RP_ENTITY_RISK, release_id);
  g_assert_cmpstr (rp_record_get_id (stored->pdata[0]), ==, rp_record_get_id (low));
  g_assert_cmpstr (rp_record_get_id (stored->pdata[2]), ==, rp_record_get_id (alpha));

  /* An edit elsewhere (the command line, another page) raises Low to the
   * top; the editor stays on Alpha, now second. */
  {
    g_autoptr (RpRecord) changed = rp_record_copy (low);

    rp_record_set_int (changed, "likelihood", 5);
    rp_record_set_int (changed, "impact", 5);
    g_assert_true (rp_store_update (store, changed, &error));
    g_assert_no_error (error);
  }
  rp_test_flush ();
  g_assert_cmpstr (title_at (list_view, 0), ==, "Low");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "risk-title-row"))), ==,
                   "Alpha");
  g_assert_cmpuint (heat_count (page, 5, 5), ==, 1);
  g_assert_cmpuint (heat_count (page, 1, 2), ==, 0);

  /* A subject from outside (a readiness finding) selects Beta and puts
   * the focus in its mitigation. */
  g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_RISK,
                                                 rp_record_get_id (beta), "mitigation"));
  rp_test_flush ();
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 2);
  g_assert_true (gtk_widget_has_focus (rp_test_get_named (page, "risk-mitigation-view")));
  g_assert_false (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_SCOPE_ITEM,
                                                  rp_record_get_id (beta), NULL));

  /* Deleting Beta selects the row that takes its place (the last), the
   * heat map counts one risk less; an undo brings it back, selected. */
  g_signal_emit_by_name (rp_test_get_named (page, "risk-delete-button"), "clicked");
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (heat_count (page, 3, 3), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "risk-title-row"))), ==,
                   "Alpha");
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (heat_count (page, 3, 3), ==, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "risk-title-row"))), ==,
                   "Beta");

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

/* Narrow, the list and the editor are the two pages of a leaflet: a tap
 * on a risk opens its editor, the back button the list. */
static void
test_risks_narrow_leaflet (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  g_autoptr (RpRecord) small = add_risk (store, release_id, "Typo in the notes", 1, 1);
  g_autoptr (RpRecord) big = add_risk (store, release_id, "Payments down", 4, 5);
  GtkWidget *window, *page, *leaflet;

  page = g_object_new (RP_TYPE_RISKS_PAGE, "store", store, "release-id", release_id, NULL);
  g_object_ref (page);
  window = rp_test_window_for (page, 360, 700);
  rp_test_wait_mapped (page);
  leaflet = rp_test_template_child (page, RP_TYPE_RISKS_PAGE, "leaflet");
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) ==
                 rp_test_template_child (page, RP_TYPE_RISKS_PAGE, "list_pane"));
  g_assert_true (gtk_widget_get_mapped (rp_test_get_named (page, "risk-heat-cell-4-5")));

  g_signal_emit_by_name (rp_test_get_named (page, "risk-list"), "activate", 1);
  rp_test_flush ();
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) ==
                 rp_test_template_child (page, RP_TYPE_RISKS_PAGE, "editor_pane"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (page, "risk-title-row"))), ==,
                   "Typo in the notes");
  rp_test_screenshot (window, "risks-page-narrow-editor", 300);
  g_signal_emit_by_name (rp_test_get_named (page, "back-button"), "clicked");
  rp_test_flush ();
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) ==
                 rp_test_template_child (page, RP_TYPE_RISKS_PAGE, "list_pane"));
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

/* Tab reaches every part of the page, the editor beside the list too. */
static void
test_risks_keyboard (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Aurora");
  const char *const expected[] = {
    "risk-add-entry", "risk-list",       "risk-title-row",       "risk-likelihood-row", "risk-impact-row",
    "risk-owner-row", "risk-status-row", "risk-mitigation-view", "risk-delete-button"
  };
  GtkWidget *window, *page;

  page = g_object_new (RP_TYPE_RISKS_PAGE, "store", store, "release-id", release_id, NULL);
  g_object_ref (page);
  window = rp_test_window_for (page, 1000, 760);
  rp_test_wait_mapped (page);
  add_risk_by_title (page, "Vendor API rate limits");

  gtk_widget_grab_focus (rp_test_get_named (page, "risk-add-entry"));
  rp_test_assert_tab_reaches (window, 60, expected, G_N_ELEMENTS (expected));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);

  g_test_add_func ("/pages/risks/add-score-delete-undo", test_risks_add_score_delete_undo);
  g_test_add_func ("/pages/risks/narrow", test_risks_narrow);
  g_test_add_func ("/pages/risks/no-release", test_risks_no_release);
  g_test_add_func ("/pages/risks/sample", test_risks_sample);
  g_test_add_func ("/pages/risks/many", test_risks_many);
  g_test_add_func ("/pages/risks/sorted-list", test_risks_sorted_list);
  g_test_add_func ("/pages/risks/narrow-leaflet", test_risks_narrow_leaflet);
  g_test_add_func ("/pages/risks/keyboard", test_risks_keyboard);

  return g_test_run ();
}
