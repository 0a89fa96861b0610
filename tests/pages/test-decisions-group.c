/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rp-core.h"
#include "rp-decisions-group.h"
#include "rp-overview-page.h"
#include "rp-person-row.h"
#include "rp-test-ui.h"
#include "rp-ui-util.h"

typedef struct
{
  RpStore *store;
  char *release_id;
  char *ada_id;   /* the go/no-go owner */
  char *grace_id; /* someone else */
} Fixture;

static char *
insert (RpStore *store, RpRecord *record)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_insert (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (record));
}

static char *
add_person (RpStore *store, const char *name)
{
  g_autoptr (RpRecord) person = rp_record_new (RP_ENTITY_PERSON);

  rp_record_set_string (person, "name", name);
  return insert (store, person);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (RpRecord) owner = rp_record_new (RP_ENTITY_OWNER);
  g_autofree char *owner_id = NULL;

  f->store = rp_test_open_store ();
  rp_record_set_string (release, "name", "Aurora");
  rp_record_set_string (release, "version", "4.2");
  f->release_id = insert (f->store, release);
  f->grace_id = add_person (f->store, "Grace Hopper");
  f->ada_id = add_person (f->store, "Ada Lovelace");
  rp_record_set_string (owner, "release_id", f->release_id);
  rp_record_set_string (owner, "role", "go_no_go");
  rp_record_set_string (owner, "person_id", f->ada_id);
  owner_id = insert (f->store, owner);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->release_id, g_free);
  g_clear_pointer (&f->ada_id, g_free);
  g_clear_pointer (&f->grace_id, g_free);
  g_assert_finalize_object (f->store);
}

/* The decisions of the release in the store, newest first as the group
 * shows them (same `at`: the later inserted first). */
static GPtrArray *
stored_decisions (Fixture *f)
{
  GPtrArray *decisions = rp_store_list (f->store, RP_ENTITY_DECISION, f->release_id);

  /* Stored order is oldest first. */
  for (guint i = 0; i < decisions->len / 2; i++)
    {
      gpointer tmp = decisions->pdata[i];

      decisions->pdata[i] = decisions->pdata[decisions->len - 1 - i];
      decisions->pdata[decisions->len - 1 - i] = tmp;
    }
  return decisions;
}

static AdwMessageDialog *
find_dialog (void)
{
  return rp_test_find_message_dialog ("decision-dialog");
}

static guint
count_dialogs (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = windows; l != NULL; l = l->next)
    n += ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data);
  return n;
}

/* The n-th row of the list, top first. */
static GtkWidget *
row_at (GtkWidget *group, guint n)
{
  GtkWidget *list = rp_test_get_named (group, "decision-list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n);

  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, "decision-row");
  return GTK_WIDGET (row);
}

static const char *
pill_text (GtkWidget *row)
{
  return gtk_label_get_text (GTK_LABEL (rp_test_get_named (row, "decision-pill")));
}

/* What the row says of when: the local time of @at, to the minute. */
static char *
local_time_of (const char *at)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr (GDateTime) local = NULL;

  g_assert_nonnull (utc);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%H:%M");
}

/* What a click on a response button does: the response, then the
 * dialog closes. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  rp_test_flush ();
}

/* Clicks "Record Decision…" (or a row's edit button), fills in the
 * dialog as a user would and answers @response. */
static void
answer_dialog (GtkWidget *button, const char *decision, const char *person_id, const char *notes,
               const char *expected_person_id, const char *response, const char *screenshot)
{
  AdwMessageDialog *dialog;
  GtkWidget *by;

  g_assert_null (find_dialog ());
  g_signal_emit_by_name (button, "clicked");
  rp_test_flush ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  by = rp_test_get_named (GTK_WIDGET (dialog), "decision-by");
  g_assert_cmpstr (rp_person_row_get_person_id (RP_PERSON_ROW (by)), ==, expected_person_id);
  if (decision != NULL)
    adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_get_named (GTK_WIDGET (dialog), "decision-choice")),
                                rp_ui_enum_index (rp_decisions, decision));
  if (person_id != NULL)
    rp_person_row_set_person_id (RP_PERSON_ROW (by), person_id);
  if (notes != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                                  GTK_TEXT_VIEW (rp_test_get_named (GTK_WIDGET (dialog), "decision-notes"))),
                              notes, -1);
  rp_test_flush ();
  if (screenshot != NULL)
    rp_test_screenshot (GTK_WIDGET (dialog), screenshot, 300);
  respond (dialog, response);
  g_assert_null (find_dialog ());
}

static void
test_decisions_record_delete_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  g_autofree char *first_at = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *hhmm = NULL;
  GtkWidget *window, *page, *group, *record, *row;

  group = rp_decisions_group_new (f->store);
  g_object_ref_sink (group);
  page = adw_preferences_page_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  window = rp_test_window_for (rp_test_in_toast_overlay (page), 720, 640);
  rp_test_wait_mapped (group);

  /* No release: nothing to record into. */
  record = rp_test_get_named (group, "record-decision");
  g_assert_false (gtk_widget_get_sensitive (record));

  /* The release has no decisions yet: the group lists none. */
  rp_decisions_group_set_release_id (RP_DECISIONS_GROUP (group), f->release_id);
  rp_test_flush ();
  g_assert_true (gtk_widget_get_sensitive (record));
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 0);
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_DECISION), ==, 0);
  rp_test_screenshot (window, "dec-empty", 300);

  /* Cancel records nothing. */
  answer_dialog (record, "no_go", NULL, "Not this one", f->ada_id, "cancel", NULL);
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_DECISION), ==, 0);
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 0);

  /* Record "go with risks": by the go/no-go owner, at a valid time now. */
  answer_dialog (record, "go_with_risks", NULL, "Two warnings left, accepted by the CTO", f->ada_id, "record",
                 "dec-dialog");
  decisions = stored_decisions (f);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "decision"), ==, "go_with_risks");
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "by_id"), ==, f->ada_id);
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "notes"), ==,
                   "Two warnings left, accepted by the CTO");
  g_assert_true (rp_timestamp_is_valid (rp_record_get_string (decisions->pdata[0], "at")));
  /* … with the readiness snapshot of that moment. */
  g_assert_true (
      g_str_has_prefix (rp_record_get_string (decisions->pdata[0], "readiness"), "{\"verdict\":\"no_go\""));
  first_at = g_strdup (rp_record_get_string (decisions->pdata[0], "at"));
  first_id = g_strdup (rp_record_get_id (decisions->pdata[0]));
  g_clear_pointer (&decisions, g_ptr_array_unref);

  /* … and the row shows it: the words, the colour, when, who, why. */
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 1);
  row = row_at (group, 0);
  g_assert_cmpstr (pill_text (row), ==, "Go with risks");
  g_assert_true (
      gtk_widget_has_css_class (rp_test_get_named (row, "decision-pill"), "rp-decision-go-with-risks"));
  hhmm = local_time_of (first_at);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), hhmm));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Ada Lovelace"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Two warnings left, accepted by the CTO");

  /* A second decision, "no go" by someone else: on top. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  answer_dialog (record, "no_go", f->grace_id, "Payment vendor not ready", f->ada_id, "record",
                 "dec-dialog-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  decisions = stored_decisions (f);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "decision"), ==, "no_go");
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "by_id"), ==, f->grace_id);
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[1], "decision"), ==, "go_with_risks");
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "at"), >=, first_at);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 2);
  g_assert_cmpstr (pill_text (row_at (group, 0)), ==, "No-go");
  g_assert_true (
      gtk_widget_has_css_class (rp_test_get_named (row_at (group, 0), "decision-pill"), "rp-decision-no-go"));
  g_assert_nonnull (
      strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (group, 0))), "Grace Hopper"));
  g_assert_cmpstr (pill_text (row_at (group, 1)), ==, "Go with risks");

  /* Edit the notes of the older one through the same dialog: it opens
   * on what was recorded, and `at` stays. */
  answer_dialog (rp_test_get_named (row_at (group, 1), "edit-decision"), NULL, NULL,
                 "Two warnings left, accepted by the CTO on the call", f->ada_id, "record", NULL);
  {
    g_autoptr (RpRecord) edited = rp_store_get (f->store, RP_ENTITY_DECISION, first_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rp_record_get_string (edited, "decision"), ==, "go_with_risks");
    g_assert_cmpstr (rp_record_get_string (edited, "by_id"), ==, f->ada_id);
    g_assert_cmpstr (rp_record_get_string (edited, "at"), ==, first_at);
    g_assert_cmpstr (rp_record_get_string (edited, "notes"), ==,
                     "Two warnings left, accepted by the CTO on the call");
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (group, 1))), ==,
                   "Two warnings left, accepted by the CTO on the call");
  rp_test_screenshot (window, "dec-light", 300);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rp_test_screenshot (window, "dec-dark", 300);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  rp_test_resize (window, 360, 640, 300);
  rp_test_screenshot (window, "dec-narrow", 300);
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);

  /* Delete the newest ("no go") with its button: gone from the store and
   * the list, and a toast offers Undo. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (rp_test_get_named (row_at (group, 0), "delete-decision")), ==,
                   "Delete Decision");
  g_signal_emit_by_name (rp_test_get_named (row_at (group, 0), "delete-decision"), "clicked");
  rp_test_flush ();
  decisions = stored_decisions (f);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (rp_record_get_id (decisions->pdata[0]), ==, first_id);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 1);
  g_assert_cmpstr (pill_text (row_at (group, 0)), ==, "Go with risks");

  /* Undo brings it back, on top again. */
  g_assert_true (rp_store_undo (f->store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  decisions = stored_decisions (f);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "decision"), ==, "no_go");
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "by_id"), ==, f->grace_id);
  g_assert_cmpstr (rp_record_get_string (decisions->pdata[0], "notes"), ==, "Payment vendor not ready");
  g_clear_pointer (&decisions, g_ptr_array_unref);
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 2);
  g_assert_cmpstr (pill_text (row_at (group, 0)), ==, "No-go");

  /* Another release: its own (empty) log. */
  {
    g_autoptr (RpRecord) other = rp_record_new (RP_ENTITY_RELEASE);
    g_autofree char *other_id = NULL;

    rp_record_set_string (other, "name", "Borealis");
    other_id = insert (f->store, other);
    rp_decisions_group_set_release_id (RP_DECISIONS_GROUP (group), other_id);
    rp_test_flush ();
    g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 0);
    /* … with no go/no-go owner: the dialog asks for someone. */
    g_signal_emit_by_name (record, "clicked");
    rp_test_flush ();
    g_assert_nonnull (find_dialog ());
    g_assert_null (rp_person_row_get_person_id (
        RP_PERSON_ROW (rp_test_get_named (GTK_WIDGET (find_dialog ()), "decision-by"))));
    g_assert_false (adw_message_dialog_get_response_enabled (find_dialog (), "record"));
    respond (find_dialog (), "cancel");
    g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_DECISION), ==, 2);
  }

  g_assert_cmpuint (count_dialogs (), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (group);
}

/* A change from elsewhere (the CLI, an import) shows up. */
static void
test_decisions_follow_store (Fixture *f, gconstpointer data)
{
  g_autoptr (RpRecord) decision = rp_record_new (RP_ENTITY_DECISION);
  g_autoptr (GError) error = NULL;
  g_autofree char *now = rp_timestamp_now ();
  g_autofree char *id = NULL;
  GtkWidget *window, *group;

  group = rp_decisions_group_new (f->store);
  g_object_ref_sink (group);
  rp_decisions_group_set_release_id (RP_DECISIONS_GROUP (group), f->release_id);
  window = rp_test_window_for (group, 600, 400);
  rp_test_wait_mapped (group);
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 0);

  rp_record_set_string (decision, "release_id", f->release_id);
  rp_record_set_string (decision, "at", now);
  rp_record_set_string (decision, "decision", "go");
  id = insert (f->store, decision);
  rp_test_flush ();
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 1);
  g_assert_cmpstr (pill_text (row_at (group, 0)), ==, "Go");
  g_assert_true (
      gtk_widget_has_css_class (rp_test_get_named (row_at (group, 0), "decision-pill"), "rp-decision-go"));
  /* Nobody recorded: the row says when only, and no subtitle. */
  g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (group, 0))), " by "));

  g_assert_true (rp_store_delete (f->store, RP_ENTITY_RELEASE, f->release_id, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (rp_test_get_named (group, "record-decision")));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (group);
}

/* The Overview page ends with the log of the release it shows, at
 * construction and whenever the page moves to another release. */
static void
test_decisions_in_overview (Fixture *f, gconstpointer data)
{
  g_autoptr (RpRecord) other = rp_record_new (RP_ENTITY_RELEASE);
  g_autofree char *other_id = NULL;
  GtkWidget *window, *page, *group;

  rp_record_set_string (other, "name", "Borealis");
  other_id = insert (f->store, other);

  page = g_object_new (RP_TYPE_OVERVIEW_PAGE, "store", f->store, "release-id", f->release_id, NULL);
  g_object_ref_sink (page);
  window = rp_test_window_for (rp_test_in_toast_overlay (page), 720, 800);
  rp_test_wait_mapped (page);
  group = rp_test_find_type (page, RP_TYPE_DECISIONS_GROUP);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_sensitive (rp_test_get_named (group, "record-decision")));

  answer_dialog (rp_test_get_named (group, "record-decision"), "go", NULL, "All green", f->ada_id, "record",
                 NULL);
  g_assert_cmpuint (rp_store_count (f->store, RP_ENTITY_DECISION), ==, 1);
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 1);
  g_assert_cmpstr (pill_text (row_at (group, 0)), ==, "Go");
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    /* At the end of the page, after what happened after the release. */
    rp_test_wait_ms (100);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    rp_test_screenshot (window, "dec-overview", 300);
  }

  g_object_set (page, "release-id", other_id, NULL);
  rp_test_flush ();
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 0);
  g_object_set (page, "release-id", f->release_id, NULL);
  rp_test_flush ();
  g_assert_cmpuint (rp_test_count_named (group, "decision-row"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (page);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init_full (&argc, &argv, RP_TEST_UI_NO_ANIMATIONS);

  g_test_add ("/pages/decisions/record-delete-undo", Fixture, NULL, fixture_set_up,
              test_decisions_record_delete_undo, fixture_tear_down);
  g_test_add ("/pages/decisions/follow-store", Fixture, NULL, fixture_set_up, test_decisions_follow_store,
              fixture_tear_down);

  g_test_add ("/pages/decisions/in-overview", Fixture, NULL, fixture_set_up, test_decisions_in_overview,
              fixture_tear_down);

  return g_test_run ();
}
