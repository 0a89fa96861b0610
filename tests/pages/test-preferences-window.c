/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-date-row.h"
#include "rp-preferences-window.h"
#include "rp-test-ui.h"

/* The preferences driven as a person would: people, freeze windows and
 * deploy days, each checked in the store, and undo. */

static void
type_and_activate (GtkWidget *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (rp_test_find_type (row, GTK_TYPE_TEXT), "activate");
  rp_test_flush ();
}

static GtkWidget *
find_dialog (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static RpRecord *
insert (RpStore *store, RpRecord *record)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_insert (store, record, &error));
  g_assert_no_error (error);
  return record;
}

static void
test_preferences_people (void)
{
  RpStore *store = rp_test_open_store ();
  g_autoptr (RpRecord) ada = rp_record_new (RP_ENTITY_PERSON);
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) renamed = NULL;
  g_autofree char *ada_row_name = NULL;
  g_autofree char *grace_row_name = NULL;
  g_autofree char *grace_id = NULL;
  GtkWidget *window;
  GtkWidget *dialog;

  rp_record_set_string (ada, "name", "Ada Lovelace");
  insert (store, ada);
  rp_record_set_string (release, "name", "Spring");
  insert (store, release);
  rp_record_set_string (risk, "release_id", rp_record_get_id (release));
  rp_record_set_string (risk, "title", "The engine overheats");
  rp_record_set_string (risk, "owner_id", rp_record_get_id (ada));
  insert (store, risk);

  window = rp_preferences_window_new (store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_flush ();

  /* Ada is listed. */
  ada_row_name = g_strconcat ("person-", rp_record_get_id (ada), NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (
                       ADW_PREFERENCES_ROW (rp_test_get_named (window, ada_row_name))),
                   ==, "Ada Lovelace");

  /* Adding Grace, with an email. */
  gtk_editable_set_text (GTK_EDITABLE (rp_test_get_named (window, "new-person-name")), "Grace");
  gtk_editable_set_text (GTK_EDITABLE (rp_test_get_named (window, "new-person-email")), "grace@example.com");
  g_signal_emit_by_name (rp_test_get_named (window, "add-person"), "clicked");
  rp_test_flush ();
  people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (rp_record_get_string (people->pdata[1], "name"), ==, "Grace");
  g_assert_cmpstr (rp_record_get_string (people->pdata[1], "email"), ==, "grace@example.com");
  grace_id = g_strdup (rp_record_get_id (people->pdata[1]));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_get_named (window, "new-person-name"))), ==,
                   "");
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Renaming her in her row. */
  grace_row_name = g_strconcat ("person-", grace_id, NULL);
  type_and_activate (rp_test_get_named (rp_test_get_named (window, grace_row_name), "name"), "Grace Hopper");
  renamed = rp_store_get (store, RP_ENTITY_PERSON, grace_id, NULL);
  g_assert_cmpstr (rp_record_get_string (renamed, "name"), ==, "Grace Hopper");
  g_assert_cmpstr (adw_preferences_row_get_title (
                       ADW_PREFERENCES_ROW (rp_test_get_named (window, grace_row_name))),
                   ==, "Grace Hopper");

  /* An empty name is refused where it was typed. */
  type_and_activate (rp_test_get_named (rp_test_get_named (window, grace_row_name), "name"), "");
  g_clear_object (&renamed);
  renamed = rp_store_get (store, RP_ENTITY_PERSON, grace_id, NULL);
  g_assert_cmpstr (rp_record_get_string (renamed, "name"), ==, "Grace Hopper");
  g_assert_true (
      gtk_widget_has_css_class (rp_test_get_named (rp_test_get_named (window, grace_row_name), "name"),
                                "error"));

  /* Ada owns a risk: she cannot go, and the dialog says why. */
  g_signal_emit_by_name (rp_test_get_named (rp_test_get_named (window, ada_row_name), "delete-person"),
                         "clicked");
  rp_test_flush ();
  people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_clear_pointer (&people, g_ptr_array_unref);
  g_assert_nonnull (rp_test_find_named (window, ada_row_name));
  dialog = find_dialog ("in-use-dialog");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "in use"));
  rp_test_screenshot (dialog, "preferences-in-use", 300);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  rp_test_flush ();

  /* Grace owns nothing: she goes, and undo brings her back. */
  g_signal_emit_by_name (rp_test_get_named (rp_test_get_named (window, grace_row_name), "delete-person"),
                         "clicked");
  rp_test_flush ();
  people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 1);
  g_clear_pointer (&people, g_ptr_array_unref);
  g_assert_null (rp_test_find_named (window, grace_row_name));

  gtk_widget_activate_action (window, "win.undo", NULL);
  rp_test_flush ();
  people = rp_store_list (store, RP_ENTITY_PERSON, NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_clear_pointer (&people, g_ptr_array_unref);
  g_assert_nonnull (rp_test_find_named (window, grace_row_name));
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (rp_test_get_named (rp_test_get_named (window, grace_row_name), "name"))),
                   ==, "Grace Hopper");

  rp_test_screenshot (window, "preferences-people", 300);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_null (window);
  g_assert_finalize_object (store);
}

static void
test_preferences_deploy_days (void)
{
  RpStore *store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  g_auto (GStrv) days = NULL;
  GtkWidget *window = rp_preferences_window_new (store);
  GtkWidget *friday;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_flush ();

  /* Monday to Thursday unless told otherwise. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (rp_test_get_named (window, "day-mon"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (rp_test_get_named (window, "day-thu"))));
  friday = rp_test_get_named (window, "day-fri");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (friday)));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (friday), TRUE);
  rp_test_flush ();
  value = rp_store_get_setting (store, "deploy_days");
  g_assert_cmpstr (value, ==, "mon,tue,wed,thu,fri");

  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  days = rp_store_get_deploy_days (store);
  g_assert_false (g_strv_contains ((const char *const *) days, "fri"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (friday)));

  /* A freeze window: added, then an end before its start is refused. */
  {
    g_autoptr (GPtrArray) windows = NULL;
    g_autofree char *row_name = NULL;
    g_autoptr (RpRecord) stored = NULL;
    GtkWidget *row;
    GtkWidget *end;

    g_signal_emit_by_name (rp_test_get_named (window, "add-freeze-window"), "clicked");
    rp_test_flush ();
    windows = rp_store_list (store, RP_ENTITY_FREEZE_WINDOW, NULL);
    g_assert_cmpuint (windows->len, ==, 1);
    row_name = g_strconcat ("freeze-", rp_record_get_id (windows->pdata[0]), NULL);
    row = rp_test_get_named (window, row_name);
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

    type_and_activate (rp_test_get_named (row, "name"), "Holidays");
    rp_date_row_pick_date (RP_DATE_ROW (rp_test_get_named (row, "start_date")), "2026-12-21");
    rp_test_flush ();
    end = rp_test_get_named (row, "end_date");
    rp_date_row_pick_date (RP_DATE_ROW (end), "2027-01-03");
    rp_test_flush ();
    stored = rp_store_get (store, RP_ENTITY_FREEZE_WINDOW, rp_record_get_id (windows->pdata[0]), NULL);
    g_assert_cmpstr (rp_record_get_string (stored, "name"), ==, "Holidays");
    g_assert_cmpstr (rp_record_get_string (stored, "start_date"), ==, "2026-12-21");
    g_assert_cmpstr (rp_record_get_string (stored, "end_date"), ==, "2027-01-03");

    rp_date_row_pick_date (RP_DATE_ROW (end), "2026-12-01");
    rp_test_flush ();
    g_assert_true (gtk_widget_has_css_class (end, "error"));
    g_clear_object (&stored);
    stored = rp_store_get (store, RP_ENTITY_FREEZE_WINDOW, rp_record_get_id (windows->pdata[0]), NULL);
    g_assert_cmpstr (rp_record_get_string (stored, "end_date"), ==, "2027-01-03");

    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                             ADW_PREFERENCES_PAGE (rp_test_get_named (window, "deploys")));
    rp_test_screenshot (window, "preferences-deploys", 300);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    rp_test_screenshot (window, "preferences-deploys-dark", 300);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    if (g_getenv ("RP_SCREENSHOT_DIR") != NULL)
      {
        gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
        rp_test_screenshot (window, "preferences-deploys-narrow", 300);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_null (window);
  g_assert_finalize_object (store);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);

  g_test_add_func ("/preferences-window/people", test_preferences_people);
  g_test_add_func ("/preferences-window/deploy-days", test_preferences_deploy_days);

  return g_test_run ();
}
