/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-dependencies-page.h"
#include "rp-person-row.h"
#include "rp-test-ui.h"

/* The Dependencies page driven as a user would: add a dependency, make it
 * a dependency on a release, pick one that would close a loop (refused,
 * named, nothing saved), pick a good one, delete it, undo. */

static void
add_release_dependency (RpStore *store, const char *from, const char *to, const char *title)
{
  g_autoptr (RpRecord) dep = rp_record_new (RP_ENTITY_DEPENDENCY);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (dep, "release_id", from);
  rp_record_set_string (dep, "title", title);
  rp_record_set_string (dep, "kind", "release");
  rp_record_set_string (dep, "depends_on_release_id", to);
  rp_record_set_position (dep, -1);
  rp_store_insert (store, dep, &error);
  g_assert_no_error (error);
}

static GtkWidget *
template_child (GtkWidget *page, const char *name)
{
  return rp_test_template_child (page, RP_TYPE_DEPENDENCIES_PAGE, name);
}

static GListModel *
list_model (GtkWidget *page)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (template_child (page, "list_view"))));
}

/* The position of a choice of a combo row, by its words. */
static guint
choice (GtkWidget *combo, const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;
  g_error ("no choice “%s”", label);
  return 0;
}

static void
test_dependencies_cycle (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *alpha = rp_test_add_release_full (store, "Alpha", "1.0", TRUE);
  g_autofree char *beta = rp_test_add_release_full (store, "Beta", "2.0", TRUE);
  g_autofree char *gamma = rp_test_add_release_full (store, "Gamma", "3.0", TRUE);
  g_autofree char *delta = rp_test_add_release_full (store, "Delta", NULL, TRUE);
  g_autoptr (GPtrArray) deps = NULL;
  g_autoptr (RpRecord) dep = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dep_id = NULL;
  GtkWidget *window, *page, *entry, *kind_row, *release_row, *status_row;
  const char *message;
  GWeakRef page_ref;

  /* Alpha waits for Beta, Beta for Gamma: through the core. */
  add_release_dependency (store, alpha, beta, "Beta's new API");
  add_release_dependency (store, beta, gamma, "Gamma's schema");

  page = g_object_new (RP_TYPE_DEPENDENCIES_PAGE, "store", store, NULL);
  g_weak_ref_init (&page_ref, page);
  window = rp_test_window_for (rp_test_in_toast_overlay (page), 1000, 720);
  g_object_set (page, "release-id", gamma, NULL);
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 0);

  /* On Gamma's page: add a dependency, make it one on a release. */
  entry = template_child (page, "add_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Alpha's login service");
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
  deps = rp_store_list (store, RP_ENTITY_DEPENDENCY, gamma);
  g_assert_cmpuint (deps->len, ==, 1);
  dep_id = g_strdup (rp_record_get_id (deps->pdata[0]));
  g_clear_pointer (&deps, g_ptr_array_unref);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 1);

  kind_row = template_child (page, "kind_row");
  release_row = template_child (page, "release_row");
  g_assert_false (gtk_widget_get_visible (release_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), choice (kind_row, "Release"));
  rp_test_flush ();
  dep = rp_store_get (store, RP_ENTITY_DEPENDENCY, dep_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_record_get_string (dep, "kind"), ==, "release");
  g_clear_object (&dep);
  g_assert_true (gtk_widget_get_visible (release_row));

  /* The release itself is no choice. */
  {
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (release_row));

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4); /* None, Alpha, Beta, Delta */
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), !=, "Gamma 3.0");
  }

  /* Pick Alpha: Gamma → Alpha → Beta → Gamma. Refused, named, reverted. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (release_row), choice (release_row, "Alpha 1.0"));
  rp_test_flush ();
  g_assert_true (gtk_widget_has_css_class (release_row, "error"));
  message = adw_action_row_get_subtitle (ADW_ACTION_ROW (release_row));
  g_test_message ("shown: %s", message);
  g_assert_nonnull (strstr (message, "cycle"));
  g_assert_nonnull (strstr (message, "Gamma → Alpha → Beta → Gamma"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (release_row)), ==, 0);
  dep = rp_store_get (store, RP_ENTITY_DEPENDENCY, dep_id, &error);
  g_assert_no_error (error);
  g_assert_true (rp_record_is_null (dep, "depends_on_release_id"));
  g_clear_object (&dep);
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_DEPENDENCY), ==, 3);
  rp_test_screenshot (window, "dependencies-cycle", 20);

  /* Pick Delta: fine, and the message goes. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (release_row), choice (release_row, "Delta"));
  rp_test_flush ();
  g_assert_false (gtk_widget_has_css_class (release_row, "error"));
  dep = rp_store_get (store, RP_ENTITY_DEPENDENCY, dep_id, &error);
  g_assert_cmpstr (rp_record_get_string (dep, "depends_on_release_id"), ==, delta);
  g_clear_object (&dep);

  /* An owner added on the spot, and a due date. */
  rp_person_row_add_person (RP_PERSON_ROW (rp_test_find_named (page, "owner-row")), "Grace Hopper",
                            "grace@example.com", &error);
  g_assert_no_error (error);
  rp_test_flush ();
  rp_date_row_pick_date (RP_DATE_ROW (rp_test_find_named (page, "due-row")), "2026-12-10");
  rp_test_flush ();
  dep = rp_store_get (store, RP_ENTITY_DEPENDENCY, dep_id, &error);
  g_assert_cmpstr (rp_record_get_string (dep, "due"), ==, "2026-12-10");
  {
    g_autoptr (GPtrArray) people = rp_store_list (store, RP_ENTITY_PERSON, NULL);

    g_assert_cmpuint (people->len, ==, 1);
    g_assert_cmpstr (rp_record_get_string (dep, "owner_id"), ==, rp_record_get_id (people->pdata[0]));
  }
  g_clear_object (&dep);

  /* Blocked, then a second one for the list. */
  status_row = template_child (page, "status_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), choice (status_row, "Blocked"));
  rp_test_flush ();
  dep = rp_store_get (store, RP_ENTITY_DEPENDENCY, dep_id, &error);
  g_assert_cmpstr (rp_record_get_string (dep, "status"), ==, "blocked");
  g_clear_object (&dep);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Security review by the platform team");
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), choice (kind_row, "Team"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), choice (status_row, "Ready"));
  rp_test_flush ();
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), 0);
  rp_test_flush ();
  rp_test_screenshot (window, "dependencies-wide", 20);

  /* Leaving the kind "release" forgets the release, in one step. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), choice (kind_row, "Vendor"));
  rp_test_flush ();
  dep = rp_store_get (store, RP_ENTITY_DEPENDENCY, dep_id, &error);
  g_assert_cmpstr (rp_record_get_string (dep, "kind"), ==, "vendor");
  g_assert_true (rp_record_is_null (dep, "depends_on_release_id"));
  g_clear_object (&dep);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  dep = rp_store_get (store, RP_ENTITY_DEPENDENCY, dep_id, &error);
  g_assert_cmpstr (rp_record_get_string (dep, "depends_on_release_id"), ==, delta);
  g_clear_object (&dep);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, choice (kind_row, "Release"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (release_row)), ==,
                    choice (release_row, "Delta"));

  /* Delete it, undo. */
  g_signal_emit_by_name (template_child (page, "delete_button"), "clicked");
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_DEPENDENCY), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 1);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_DEPENDENCY), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 2);
  {
    g_autoptr (RpRecord) shown = g_list_model_get_item (list_model (page), 0);
    g_assert_cmpstr (rp_record_get_string (shown, "title"), ==, "Alpha's login service");
  }

  /* The Delete key on the selected row does the same. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (page)), 1);
  rp_test_flush ();
  rp_test_press_key (template_child (page, "list_view"), GDK_KEY_Delete, 0);
  rp_test_flush ();
  g_assert_cmpuint (rp_store_count (store, RP_ENTITY_DEPENDENCY), ==, 3);
  rp_store_undo (store, &error);
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))), ==, 1);

  /* Another process (the command line) renames it: the page follows. */
  {
    g_autoptr (RpStore) other = rp_store_open (rp_store_get_path (store), &error);
    g_autoptr (RpRecord) renamed = NULL;

    g_assert_no_error (error);
    renamed = rp_store_get (other, RP_ENTITY_DEPENDENCY, dep_id, &error);
    rp_record_set_string (renamed, "title", "Alpha's login service, version 2");
    rp_store_update (other, renamed, &error);
    g_assert_no_error (error);
  }
  g_assert_true (rp_store_poll_external (store));
  rp_test_flush ();
  {
    g_autoptr (RpRecord) shown = g_list_model_get_item (list_model (page), 0);

    g_assert_cmpstr (rp_record_get_string (shown, "title"), ==, "Alpha's login service, version 2");
  }

  /* Something pointing at a dependency shows it. */
  g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_DEPENDENCY, dep_id, NULL));
  rp_test_flush ();
  {
    g_autoptr (RpRecord) shown = g_list_model_get_item (list_model (page), 0);

    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model (page))), ==, 0);
    g_assert_cmpstr (rp_record_get_id (shown), ==, dep_id);
  }

  /* Narrow. */
  rp_test_resize (window, 360, 720, 0);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (template_child (page, "leaflet"))));
  rp_test_screenshot (window, "dependencies-narrow-list", 20);
  g_signal_emit_by_name (template_child (page, "list_view"), "activate", 0);
  rp_test_flush ();
  rp_test_screenshot (window, "dependencies-narrow-editor", 20);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rp_test_resize (window, 1000, 720, 0);
  rp_test_screenshot (window, "dependencies-wide-dark", 20);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_null (g_weak_ref_get (&page_ref));
  g_weak_ref_clear (&page_ref);
}

/* A release without dependencies shows one empty state, the list's, not a
 * second one beside it for the editor; with a dependency, its editor. */
static void
test_dependencies_one_empty_state (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *alpha = rp_test_add_release_full (store, "Alpha", "1.0", TRUE);
  GtkWidget *window, *page, *entry;

  page = g_object_new (RP_TYPE_DEPENDENCIES_PAGE, "store", store, NULL);
  window = rp_test_window_for (rp_test_in_toast_overlay (page), 1000, 720);
  g_object_set (page, "release-id", alpha, NULL);
  rp_test_wait_mapped (page);
  g_assert_true (gtk_widget_get_mapped (template_child (page, "list_empty")));
  g_assert_false (gtk_widget_get_mapped (template_child (page, "editor_empty")));
  g_assert_cmpuint (rp_test_count_mapped_status_pages (page), ==, 1);

  entry = template_child (page, "add_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Signed contract");
  g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model (page)), ==, 1);
  g_assert_cmpuint (rp_test_count_mapped_status_pages (page), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
}

int
main (int argc, char *argv[])
{
  /* Pictures and sizes of the end state, not of a transition. */
  rp_test_ui_init_full (&argc, &argv, RP_TEST_UI_NO_ANIMATIONS);

  g_test_add_func ("/dependencies-page/cycle", test_dependencies_cycle);
  g_test_add_func ("/dependencies-page/one-empty-state", test_dependencies_one_empty_state);
  return g_test_run ();
}
