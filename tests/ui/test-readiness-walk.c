/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rp-core.h"
#include "rp-checklist-entry.h"
#include "rp-checklist-row.h"
#include "rp-person-row.h"
#include "rp-test-window.h"
#include "rp-window-private.h"

/* A new user takes a no-go release to go by following the findings of
 * the Readiness tab one by one: activate the first finding, fix what the
 * focus lands on with the widget there, back to the tab, until it says
 * Go. Nothing is written to the store but through the widgets. */

#define MOBILE_ID "938bae14-a74b-5866-8aa4-41878e03e181"
#define MOBILE_NAME "Mobile app 5.0"

static const char *
verdict_of (GtkWidget *readiness)
{
  GtkWidget *verdict = rp_test_get_named (readiness, "verdict");

  g_assert_true (gtk_widget_get_mapped (verdict));
  g_assert_cmpint (gtk_widget_get_allocated_height (verdict), >, 0);
  return gtk_label_get_text (GTK_LABEL (verdict));
}

/* The checklist item of the row holding @focus, or NULL. */
static const char *
checklist_item_of (GtkWidget *focus)
{
  GtkWidget *row;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (focus, g_type_from_name ("GtkListItemWidget")))
    return NULL;
  row = gtk_widget_get_first_child (focus);
  if (!RP_IS_CHECKLIST_ROW (row) || rp_checklist_row_get_entry (RP_CHECKLIST_ROW (row)) == NULL)
    return NULL;
  return rp_checklist_entry_get_id (rp_checklist_row_get_entry (RP_CHECKLIST_ROW (row)));
}

/* The focus is shown, and on the row of the checklist item @data when
 * that is given. */
static gboolean
is_shown_on_item (GtkWidget *focus, gconstpointer data)
{
  return gtk_widget_get_mapped (focus) && (data == NULL || g_strcmp0 (checklist_item_of (focus), data) == 0);
}

/* The focus, once it is inside @page and shown (a loaded machine may take
 * some frames to show a page), and on the row of @checklist_item_id when
 * that is given: 5 s at most. */
static GtkWidget *
wait_focus_in (RpWindow *window, GtkWidget *page, const char *checklist_item_id)
{
  GtkWidget *focus =
      rp_test_wait_focus_within (GTK_WIDGET (window), page, is_shown_on_item, checklist_item_id);

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, page));
  g_assert_true (gtk_widget_get_mapped (focus));
  if (checklist_item_id != NULL)
    g_assert_cmpstr (checklist_item_of (focus), ==, checklist_item_id);
  return focus;
}

/* The widget of @type that holds the focus @focus, or is it. */
static GtkWidget *
focused (GtkWidget *focus, GType type)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
      return w;
  g_error ("the focus (%s) is not in a %s", G_OBJECT_TYPE_NAME (focus), g_type_name (type));
  return NULL;
}

static guint
choice_index (const char *const *choices, const char *choice)
{
  g_assert_true (g_strv_contains (choices, choice));
  for (guint i = 0;; i++)
    if (g_str_equal (choices[i], choice))
      return i;
}

/* Picks @choice in the combo row the focus is on, as a click on it does. */
static void
pick (GtkWidget *focus, const char *const *choices, const char *choice)
{
  GtkWidget *row = focused (focus, ADW_TYPE_COMBO_ROW);

  g_assert_cmpint (gtk_widget_get_allocated_height (row), >, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), choice_index (choices, choice));
}

/* The tick of the checklist row the focus is on, clicked. */
static void
tick_checklist_row (GtkWidget *focus)
{
  GtkWidget *check = rp_test_get_named (focus, "item-check");

  g_assert_true (gtk_widget_get_mapped (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_activate (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

/* Fixes what the finding's focus landed on, the way the finding says. */
static void
fix (RpWindowFixture *f, const RpFinding *finding, GtkWidget *focus)
{
  const char *rule = rp_finding_get_rule_id (finding);
  const char *field = rp_finding_get_subject_field (finding);

  if (g_str_equal (rule, "scope.unmet-criteria"))
    {
      /* The tick of the criterion not met, not the item's title. */
      g_assert_cmpstr (gtk_widget_get_name (focus), ==, "criterion-check");
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
      gtk_widget_activate (focus);
    }
  else if (g_str_equal (rule, "scope.not-done"))
    {
      g_assert_cmpstr (gtk_widget_get_name (focused (focus, ADW_TYPE_COMBO_ROW)), ==, "status-row");
      pick (focus, rp_scope_statuses, "done");
    }
  else if (g_str_equal (rule, "deps.unresolved") && g_strcmp0 (field, "status") == 0)
    {
      g_assert_cmpstr (gtk_widget_get_name (focused (focus, ADW_TYPE_COMBO_ROW)), ==, "status-row");
      pick (focus, rp_dependency_statuses, "resolved");
    }
  else if (g_str_equal (rule, "deps.unresolved"))
    {
      /* It waits for another release: the way there, then its status. */
      GtkWidget *overview = _rp_window_get_page (f->window, "overview");
      g_autofree char *label = NULL;

      g_assert_cmpstr (gtk_widget_get_name (focus), ==, "show-release");
      rp_test_screenshot (GTK_WIDGET (f->window), "readiness-walk-dependency", 200);
      label =
          gtk_test_accessible_check_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL, "\001");
      g_assert_true (g_str_has_prefix (label, "Show Search relevance v4"));
      gtk_widget_activate (focus);
      rp_test_flush ();
      focus = wait_focus_in (f->window, overview, NULL);
      g_assert_cmpstr (gtk_widget_get_name (focused (focus, ADW_TYPE_COMBO_ROW)), ==, "status");
      pick (focus, rp_release_statuses, "released");
      rp_test_flush ();
      /* And back to the release being planned, from the sidebar. */
      rp_window_select_release (f->window, MOBILE_ID);
    }
  else if (g_str_equal (rule, "staging.skipped") || g_str_equal (rule, "checklist.open"))
    tick_checklist_row (focus);
  else if (g_str_equal (rule, "risk.no-owner"))
    {
      GtkWidget *row = focused (focus, RP_TYPE_PERSON_ROW);

      /* The first person of the plan, after "Nobody". */
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
      g_assert_nonnull (rp_person_row_get_person_id (RP_PERSON_ROW (row)));
    }
  else
    g_error ("the walk does not know how to fix %s (%s)", rule, rp_finding_get_message (finding));
}

static void
test_walk_to_go (RpWindowFixture *f, gconstpointer data)
{
  GtkWidget *readiness = _rp_window_get_page (f->window, "readiness");
  g_autoptr (GString) walked = g_string_new (NULL);
  guint steps = 0;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 780);
  rp_window_select_release (f->window, MOBILE_ID);
  rp_test_flush ();

  for (;;)
    {
      g_autoptr (GPtrArray) rows = g_ptr_array_new ();
      g_autoptr (RpFinding) finding = NULL;
      g_autofree char *message = NULL;
      const char *page_name;
      GtkWidget *page, *focus;

      rp_test_press_key (GTK_WIDGET (f->window), GDK_KEY_7, GDK_ALT_MASK);
      rp_test_flush ();
      g_assert_true (gtk_widget_get_mapped (readiness));
      rp_test_collect_named (readiness, "finding-row", rows);
      if (steps == 0)
        g_assert_cmpstr (verdict_of (readiness), ==, "No-go");
      if (rows->len == 0)
        break;

      /* Blockers first, then warnings: the first row is the worst. */
      g_assert_true (gtk_widget_get_mapped (rows->pdata[0]));
      finding = rp_finding_ref (g_object_get_data (rows->pdata[0], "rp-finding"));
      message = g_strdup (rp_finding_get_message (finding));
      g_string_append_printf (walked, "%u. %s\n", ++steps, message);
      g_assert_cmpuint (steps, <=, 20);

      g_signal_emit_by_name (rows->pdata[0], "activated");
      rp_test_flush ();
      switch (rp_finding_get_subject_entity (finding))
        {
        case RP_ENTITY_SCOPE_ITEM:
          page_name = "scope";
          break;
        case RP_ENTITY_DEPENDENCY:
          page_name = "dependencies";
          break;
        case RP_ENTITY_CHECKLIST_ITEM:
          page_name = "checklist";
          break;
        case RP_ENTITY_RISK:
          page_name = "risks";
          break;
        default:
          page_name = "overview";
          break;
        }
      page = _rp_window_get_page (f->window, page_name);
      focus =
          wait_focus_in (f->window, page,
                         g_str_equal (page_name, "checklist") ? rp_finding_get_subject_id (finding) : NULL);
      fix (f, finding, focus);
      rp_test_flush ();

      /* That finding is gone, or says less (one open item fewer). */
      {
        g_autoptr (GPtrArray) after = g_ptr_array_new ();

        rp_test_press_key (GTK_WIDGET (f->window), GDK_KEY_7, GDK_ALT_MASK);
        rp_test_flush ();
        rp_test_collect_named (readiness, "finding-row", after);
        for (guint i = 0; i < after->len; i++)
          g_assert_cmpstr (rp_finding_get_message (g_object_get_data (after->pdata[i], "rp-finding")), !=,
                           message);
      }
    }
  g_test_message ("The walk:\n%s", walked->str);
  g_assert_cmpstr (verdict_of (readiness), ==, "Go");
  rp_test_screenshot (GTK_WIDGET (f->window), "readiness-walk-go", 200);
  /* 8 blockers and a warning, and three more open Pre-Release items. */
  g_assert_cmpuint (steps, >=, 9);

  /* What the store says, as `check` would. */
  {
    GDate today;
    g_autoptr (RpReadiness) readiness_check = NULL;
    g_autoptr (RpReadinessReport) report = NULL;
    g_autoptr (GError) error = NULL;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, 24, G_DATE_NOVEMBER, 2026);
    readiness_check = rp_readiness_new (f->store, &today);
    report = rp_readiness_check (readiness_check, MOBILE_ID, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rp_readiness_report_get_verdict (report), ==, RP_DECISION_KIND_GO);
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("RP_TODAY", "2026-11-24", TRUE);
  rp_test_ui_init (&argc, &argv);
  g_test_add ("/readiness-walk/to-go", RpWindowFixture, NULL, rp_window_fixture_set_up, test_walk_to_go,
              rp_window_fixture_tear_down);
  return g_test_run ();
}
