/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rp-overview-page.h"
#include "rp-readiness-page.h"
#include "rp-readiness-card.h"
#include "rp-readiness-ui.h"
#include "rp-review-window.h"
#include "rp-test-ui.h"

/* The readiness card at the top of the Overview and the Readiness tab, on
 * the sample plan as of 2026-11-24 ($RP_TODAY): what a person sees — the
 * verdict in words and colour, the figure in words, a row per finding
 * that goes to the fix — and that it follows every edit and setting. */

#define TODAY "2026-11-24"
#define PAYMENTS "Payments platform 2027.1"
#define SEARCH "Search relevance v4"

typedef struct
{
  RpStore *store;
  GtkWidget *window;
  GtkWidget *page;
  GVariant *shown; /* the last win.show-subject parameter */
} Fixture;

static char *
release_id_of (RpStore *store, const char *name)
{
  g_autoptr (GPtrArray) releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);

  for (guint i = 0; i < releases->len; i++)
    if (g_strcmp0 (rp_release_get_name (releases->pdata[i]), name) == 0)
      return g_strdup (rp_record_get_id (releases->pdata[i]));
  g_assert_not_reached ();
}

static RpReadinessReport *
check (Fixture *f, const char *name)
{
  g_autofree char *id = release_id_of (f->store, name);
  GDate today;
  g_autoptr (RpReadiness) readiness = NULL;

  g_date_clear (&today, 1);
  g_assert_true (rp_date_parse_into (TODAY, &today));
  readiness = rp_readiness_new (f->store, &today);
  return rp_readiness_check (readiness, id, NULL);
}

static void
on_show_subject_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Fixture *f = data;

  g_clear_pointer (&f->shown, g_variant_unref);
  f->shown = g_variant_ref (parameter);
}

static void
set_up (Fixture *f, GType page_type, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSimpleActionGroup) win = g_simple_action_group_new ();
  const GActionEntry entries[] = { { "show-subject", on_show_subject_cb, "(sss)" } };
  g_autofree char *id = NULL;

  f->store = rp_test_open_store ();
  g_assert_true (rp_sample_plan_load (f->store, &error));
  g_assert_no_error (error);
  id = release_id_of (f->store, name);

  f->page = g_object_new (page_type, "store", f->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  f->window = rp_test_window_for (rp_test_in_toast_overlay (f->page), 800, 760);
  /* The window's action, as the page finds it in the main window. */
  g_action_map_add_action_entries (G_ACTION_MAP (win), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (win));
  g_object_set (f->page, "release-id", id, NULL);
  rp_test_wait_mapped (f->page);
  rp_test_flush ();
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  rp_test_flush ();
  g_assert_null (f->page);
  g_clear_pointer (&f->shown, g_variant_unref);
  g_assert_finalize_object (f->store);
}

static void
set_up_overview (Fixture *f, gconstpointer data)
{
  set_up (f, RP_TYPE_OVERVIEW_PAGE, data != NULL ? data : PAYMENTS);
}

static void
set_up_tab (Fixture *f, gconstpointer data)
{
  set_up (f, RP_TYPE_READINESS_PAGE, data);
}

/* The finding rows under @root, in order. */
static GPtrArray *
finding_rows (GtkWidget *root)
{
  GPtrArray *rows = g_ptr_array_new ();

  rp_test_collect_named (root, "finding-row", rows);
  return rows;
}

static gboolean
has_row_titled (GtkWidget *root, const char *title)
{
  g_autoptr (GPtrArray) rows = finding_rows (root);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_shown (GtkWidget *widget)
{
  g_assert_true (gtk_widget_is_visible (widget));
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpint (gtk_widget_get_allocated_height (widget), >, 0);
  g_assert_cmpint (gtk_widget_get_allocated_width (widget), >, 0);
}

static const char *
label_of (GtkWidget *root, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (rp_test_get_named (root, name)));
}

static void
update_release (Fixture *f, const char *name, const char *column, const char *value)
{
  g_autofree char *id = release_id_of (f->store, name);
  g_autoptr (RpRecord) stored = rp_store_get (f->store, RP_ENTITY_RELEASE, id, NULL);
  g_autoptr (RpRecord) changed = rp_record_copy (stored);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (changed, column, value);
  g_assert_true (rp_store_update (f->store, changed, &error));
  g_assert_no_error (error);
}

/* The card: the release's name, the verdict in words and in its colour,
 * the counts, days to the deploy and the next milestone, the figure in
 * words, and a row per blocker and warning with its message. */
static void
test_card_shows_verdict (Fixture *f, gconstpointer data)
{
  g_autoptr (RpReadinessReport) report = check (f, PAYMENTS);
  GtkWidget *card = rp_test_get_named (f->page, "readiness-card");
  GtkWidget *verdict = rp_test_get_named (card, "verdict");
  g_autoptr (GPtrArray) rows = finding_rows (card);
  GPtrArray *findings = rp_readiness_report_get_findings (report);
  g_autofree char *figure = NULL;
  guint shown = 0;

  assert_shown (card);
  assert_shown (verdict);
  assert_shown (rp_test_get_named (card, "release-name"));
  g_assert_cmpstr (label_of (card, "release-name"), ==, PAYMENTS);
  g_assert_cmpint (rp_readiness_report_get_verdict (report), ==, RP_DECISION_KIND_NO_GO);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (verdict)), ==, "No-go");
  g_assert_true (gtk_widget_has_css_class (verdict, "rp-verdict-no-go"));
  g_assert_cmpstr (label_of (card, "finding-counts"), ==, "6 blockers, 6 warnings");
  g_assert_cmpstr (label_of (card, "days-to-deploy"), ==, "Deploys in 77 days (Tue, 9 Feb 2027)");
  g_assert_true (g_str_has_prefix (label_of (card, "next-milestone"), "Next: code complete in 57 days"));
  figure = g_strdup_printf ("%u of %u applicable checks pass", rp_readiness_report_get_n_passed (report),
                            rp_readiness_report_get_n_applicable (report));
  g_assert_cmpstr (label_of (card, "readiness-figure"), ==, figure);
  assert_shown (rp_test_get_named (card, "readiness-figure-bar"));
  g_assert_true (strstr (label_of (card, "readiness-figure-detail"), "Post-mortem") != NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      RpFinding *finding = findings->pdata[i];

      if (rp_finding_get_severity (finding) == RP_SEVERITY_INFO)
        continue;
      g_assert_cmpuint (shown, <, rows->len);
      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[shown]), ==,
                       rp_finding_get_message (finding));
      assert_shown (rows->pdata[shown]);
      shown++;
    }
  g_assert_cmpuint (rows->len, ==, shown);
  g_assert_cmpuint (shown, ==, 12);
  rp_test_screenshot (f->window, "readiness-card", 300);
  if (g_getenv ("RP_SCREENSHOT_DIR") != NULL)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      rp_test_screenshot (f->window, "readiness-card-dark", 300);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
      rp_test_wait_ms (300);
      rp_test_screenshot (f->window, "readiness-card-narrow", 300);
      /* Narrow, every row of the card still has room for its text. */
      for (guint i = 0; i < rows->len; i++)
        g_assert_cmpint (gtk_widget_get_allocated_height (rows->pdata[i]), >, 0);
    }
}

/* Every edit and every setting: the rules run again. */
static void
test_card_follows_plan_and_settings (Fixture *f, gconstpointer data)
{
  GtkWidget *card = rp_test_get_named (f->page, "readiness-card");
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) freeze = rp_record_new (RP_ENTITY_FREEZE_WINDOW);

  g_assert_true (has_row_titled (card, "The release has no rollback plan"));
  update_release (f, PAYMENTS, "rollback_plan", "Route back to the old provider");
  rp_test_flush ();
  g_assert_false (has_row_titled (card, "The release has no rollback plan"));
  g_assert_cmpstr (label_of (card, "finding-counts"), ==, "5 blockers, 6 warnings");

  /* Deploys on Monday and Wednesday only: a Tuesday deploy is not allowed. */
  g_assert_true (rp_store_set_setting (f->store, "deploy_days", "mon,wed", &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_true (has_row_titled (
      card, "The deploy is on a Tuesday (2027-02-09), but deploys are allowed on Monday and Wednesday only"));
  g_assert_cmpstr (label_of (card, "finding-counts"), ==, "5 blockers, 7 warnings");

  /* A freeze (Preferences) over the deploy day. */
  rp_record_set_string (freeze, "name", "Year-end freeze");
  rp_record_set_string (freeze, "start_date", "2027-02-08");
  rp_record_set_string (freeze, "end_date", "2027-02-09");
  g_assert_true (rp_store_insert (f->store, freeze, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_true (has_row_titled (
      card, "The deploy (2027-02-09) falls in the freeze “Year-end freeze” (2027-02-08 to 2027-02-09)"));
  g_assert_cmpstr (label_of (card, "finding-counts"), ==, "6 blockers, 7 warnings");
}

/* A finding takes the user to the fix: win.show-subject on its subject. */
static void
test_card_finding_shows_subject (Fixture *f, gconstpointer data)
{
  GtkWidget *card = rp_test_get_named (f->page, "readiness-card");
  g_autoptr (GPtrArray) rows = finding_rows (card);
  g_autofree char *id = release_id_of (f->store, PAYMENTS);
  const char *entity, *subject, *field;
  GtkWidget *row = NULL;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "The release has no rollback plan") == 0)
      row = rows->pdata[i];
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  g_assert_nonnull (f->shown);
  g_variant_get (f->shown, "(&s&s&s)", &entity, &subject, &field);
  g_assert_cmpstr (entity, ==, "release");
  g_assert_cmpstr (subject, ==, id);
  g_assert_cmpstr (field, ==, "rollback_plan");

  /* A row's subject: the scope item, and what of it to fix. */
  g_signal_emit_by_name (rows->pdata[0], "activated");
  g_variant_get (f->shown, "(&s&s&s)", &entity, &subject, &field);
  g_assert_cmpstr (entity, ==, "scope_item");
  g_assert_cmpstr (field, ==, "criteria");
}

static AdwMessageDialog *
find_dialog (void)
{
  return rp_test_find_message_dialog ("decision-dialog");
}

/* "Record Decision…" on the card: pre-set from the verdict (no-go here,
 * not "Go"), a go over blockers asks why, and the decision is stored with
 * the snapshot of that moment. */
static void
test_card_records_decision (Fixture *f, gconstpointer data)
{
  GtkWidget *card = rp_test_get_named (f->page, "readiness-card");
  g_autofree char *id = release_id_of (f->store, PAYMENTS);
  AdwMessageDialog *dialog;
  GtkWidget *choice, *why, *notes;
  g_autoptr (GPtrArray) decisions = NULL;

  assert_shown (rp_test_get_named (card, "card-record-decision"));
  g_signal_emit_by_name (rp_test_get_named (card, "card-record-decision"), "clicked");
  rp_test_flush ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  choice = rp_test_get_named (GTK_WIDGET (dialog), "decision-choice");
  why = rp_test_get_named (GTK_WIDGET (dialog), "decision-why");
  notes = rp_test_get_named (GTK_WIDGET (dialog), "decision-notes");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (choice)), ==, RP_DECISION_KIND_NO_GO);
  g_assert_false (gtk_widget_get_visible (why));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));

  /* Go over 6 blockers: not without a reason. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (choice), RP_DECISION_KIND_GO);
  rp_test_flush ();
  g_assert_true (gtk_widget_get_visible (why));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "Board accepts the risk", -1);
  rp_test_flush ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  adw_message_dialog_response (dialog, "record");
  rp_test_flush ();

  decisions = rp_store_list (f->store, RP_ENTITY_DECISION, id);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpint (rp_decision_get_decision (decisions->pdata[0]), ==, RP_DECISION_KIND_GO);
  g_assert_cmpstr (rp_decision_get_notes (decisions->pdata[0]), ==, "Board accepts the risk");
  g_assert_true (
      g_str_has_prefix (rp_decision_get_readiness (decisions->pdata[0]), "{\"verdict\":\"no_go\""));
  /* Undoable like any edit. */
  g_assert_true (rp_store_undo (f->store, NULL));
  g_clear_pointer (&decisions, g_ptr_array_unref);
  decisions = rp_store_list (f->store, RP_ENTITY_DECISION, id);
  g_assert_cmpuint (decisions->len, ==, 0);
}

/* Another release: the page starts at its top (the card, its name). */
static void
test_overview_switch_scrolls_to_top (Fixture *f, gconstpointer data)
{
  GtkWidget *scrolled =
      gtk_widget_get_ancestor (rp_test_get_named (f->page, "readiness-card"), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_autofree char *search = release_id_of (f->store, SEARCH);

  gtk_adjustment_set_value (adjustment, 900);
  rp_test_wait_ms (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_object_set (f->page, "release-id", search, NULL);
  rp_test_wait_ms (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
  g_assert_cmpstr (label_of (f->page, "release-name"), ==, SEARCH);
  assert_shown (rp_test_get_named (f->page, "release-name"));
  g_assert_cmpstr (label_of (f->page, "verdict"), ==, "Go with risks");
  g_assert_true (
      gtk_widget_has_css_class (rp_test_get_named (f->page, "verdict"), "rp-verdict-go-with-risks"));
}

/* The tab: the findings grouped by severity, the checks that pass and
 * those that do not apply. */
static void
test_tab_groups_findings (Fixture *f, gconstpointer data)
{
  g_autoptr (RpReadinessReport) report = check (f, data);
  const char *const groups[] = { "blockers", "warnings", "information" };
  g_autoptr (GPtrArray) passed = g_ptr_array_new ();

  g_assert_cmpstr (rp_release_page_get_title (RP_RELEASE_PAGE (f->page)), ==, "Readiness");
  assert_shown (rp_test_get_named (f->page, "verdict"));
  g_assert_cmpstr (label_of (f->page, "verdict"), ==,
                   rp_ui_verdict_label (rp_readiness_report_get_verdict (report)));
  for (RpSeverity s = RP_SEVERITY_BLOCKER; s <= RP_SEVERITY_INFO; s++)
    {
      GtkWidget *group = rp_test_get_named (f->page, groups[s]);
      g_autoptr (GPtrArray) rows = finding_rows (group);
      guint n = rp_readiness_report_count (report, s);

      g_assert_cmpuint (rows->len, ==, n);
      g_assert_cmpint (gtk_widget_get_visible (group), ==, n > 0);
      for (guint i = 0; i < rows->len; i++)
        assert_shown (rows->pdata[i]);
    }
  rp_test_collect_named (rp_test_get_named (f->page, "passed-checks"), "passed-check", passed);
  g_assert_cmpuint (passed->len, ==, rp_readiness_report_get_n_passed (report));
  rp_test_screenshot (f->window, g_str_equal (data, PAYMENTS) ? "readiness-tab" : "readiness-tab-go", 300);
}

/* Review mode: one upcoming release at a time, large, with every part a
 * meeting asks for; the arrows move, Escape leaves. */
static void
test_review_mode (Fixture *f, gconstpointer data)
{
  const char *const sections[] = { "review-dates", "review-owners",       "review-checklist",
                                   "review-risks", "review-dependencies", "review-findings" };
  g_autofree char *payments = release_id_of (f->store, PAYMENTS);
  g_autofree char *mobile = release_id_of (f->store, "Mobile app 5.0");
  g_autofree char *search = release_id_of (f->store, SEARCH);
  GtkWidget *review = rp_review_window_new (f->store, payments);

  g_object_ref (review);
  gtk_window_set_default_size (GTK_WINDOW (review), 1280, 720);
  gtk_window_present (GTK_WINDOW (review));
  rp_test_wait_mapped (review);
  rp_test_flush ();
  g_assert_cmpstr (rp_review_window_get_release_id (RP_REVIEW_WINDOW (review)), ==, payments);
  g_assert_cmpstr (label_of (review, "review-name"), ==, PAYMENTS);
  g_assert_cmpstr (label_of (review, "review-verdict"), ==, "No-go");
  g_assert_cmpstr (label_of (review, "review-position"), ==, "Release 3 of 3");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    assert_shown (rp_test_get_named (review, sections[i]));
  /* Large type: the name is bigger than the text of the window. */
  g_assert_cmpint (gtk_widget_get_allocated_height (rp_test_get_named (review, "review-name")), >, 40);
  rp_test_screenshot (review, "review-mode", 300);
  if (g_getenv ("RP_SCREENSHOT_DIR") != NULL)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      rp_test_screenshot (review, "review-mode-dark", 300);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    }

  /* By deploy date: Search (25 Nov), Mobile (9 Dec), Payments (9 Feb). */
  rp_test_press_key (review, GDK_KEY_Right, 0);
  g_assert_cmpstr (rp_review_window_get_release_id (RP_REVIEW_WINDOW (review)), ==, payments);
  rp_test_press_key (review, GDK_KEY_Left, 0);
  g_assert_cmpstr (rp_review_window_get_release_id (RP_REVIEW_WINDOW (review)), ==, mobile);
  rp_test_press_key (review, GDK_KEY_Left, 0);
  g_assert_cmpstr (rp_review_window_get_release_id (RP_REVIEW_WINDOW (review)), ==, search);
  rp_test_flush ();
  g_assert_cmpstr (label_of (review, "review-name"), ==, SEARCH);
  g_assert_cmpstr (label_of (review, "review-verdict"), ==, "Go with risks");

  /* It follows the plan while it is open. */
  update_release (f, SEARCH, "rollback_plan", "");
  rp_test_flush ();
  g_assert_cmpstr (label_of (review, "review-verdict"), ==, "No-go");

  rp_test_press_key (review, GDK_KEY_Escape, 0);
  rp_test_flush ();
  g_assert_false (gtk_widget_get_visible (review));
  g_assert_finalize_object (review);
}

int
main (int argc, char *argv[])
{
  g_setenv ("RP_TODAY", TODAY, TRUE);
  rp_test_ui_init (&argc, &argv);

  g_test_add ("/readiness/card/shows-verdict", Fixture, NULL, set_up_overview, test_card_shows_verdict,
              tear_down);
  g_test_add ("/readiness/card/follows-plan-and-settings", Fixture, NULL, set_up_overview,
              test_card_follows_plan_and_settings, tear_down);
  g_test_add ("/readiness/card/finding-shows-subject", Fixture, NULL, set_up_overview,
              test_card_finding_shows_subject, tear_down);
  g_test_add ("/readiness/card/records-decision", Fixture, NULL, set_up_overview, test_card_records_decision,
              tear_down);
  g_test_add ("/readiness/overview/switch-scrolls-to-top", Fixture, NULL, set_up_overview,
              test_overview_switch_scrolls_to_top, tear_down);
  g_test_add ("/readiness/review-mode", Fixture, NULL, set_up_overview, test_review_mode, tear_down);
  g_test_add ("/readiness/tab/no-go", Fixture, PAYMENTS, set_up_tab, test_tab_groups_findings, tear_down);
  g_test_add ("/readiness/tab/go-with-risks", Fixture, SEARCH, set_up_tab, test_tab_groups_findings,
              tear_down);

  return g_test_run ();
}
