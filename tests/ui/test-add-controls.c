/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rp-add-entry.h"
#include "rp-core.h"
#include "rp-test-ui.h"
#include "rp-window-private.h"

/* Every page adds to its lists the same way: an RpAddEntry at the end of
 * the list, shown, named "Add …", its "+" enabled once there is text,
 * and after an add the entry is empty and has the focus for the next
 * one. The walk goes through the window on the sample plan, as a new
 * user would, page by page. */

typedef struct
{
  const char *page;   /* the tab */
  const char *name;   /* the add control's widget name */
  RpEntity entity;    /* what it adds */
  const char *prefix; /* its accessible name starts so */
} AddControl;

static const AddControl controls[] = {
  { "scope", "add-entry", RP_ENTITY_SCOPE_ITEM, "Add Scope Item" },
  { "scope", "criterion-add-entry", RP_ENTITY_CRITERION, "Add Acceptance Criterion" },
  { "risks", "risk-add-entry", RP_ENTITY_RISK, "Add Risk" },
  { "dependencies", "add-entry", RP_ENTITY_DEPENDENCY, "Add Dependency" },
  { "checklist", "add-item-entry", RP_ENTITY_CHECKLIST_ITEM, "Add Item to " },
  { "rollout", "stage-add-entry", RP_ENTITY_ROLLOUT_STAGE, "Add Rollout Stage" },
  { "rollout", "flag-add-entry", RP_ENTITY_FEATURE_FLAG, "Add Feature Flag" },
};

static RpStore *
open_sample_store (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "release-planner", "plans.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) store = rp_test_open_store_at (path);

  rp_sample_plan_load (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, GHashTable *changed)
{
  g_hash_table_add (changed, GINT_TO_POINTER (entity));
}

/* The accessible label of @widget equals @label (GTK 4.8 can only be
 * asked whether a value differs). */
static void
assert_accessible_label (GtkWidget *widget, const char *label, const char *what)
{
  g_autofree char *differs =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  if (differs != NULL)
    g_error ("%s is named \"%s\", not \"%s\"", what, differs, label);
}

static GtkWidget *
first_child_of_type (GtkWidget *widget, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_type_is_a (G_OBJECT_TYPE (child), type))
      return child;
  return NULL;
}

static void
check_control (RpWindow *window, RpStore *store, GHashTable *changed, const AddControl *control,
               gboolean by_button)
{
  GtkWidget *page = _rp_window_get_page (window, control->page);
  GtkWidget *widget = rp_test_find_named (page, control->name);
  GtkWidget *entry, *button, *focus;
  const char *label;
  g_autofree char *what = g_strdup_printf ("%s on %s", control->name, control->page);
  g_autofree char *text = g_strdup_printf ("Added on %s with %s", control->page, by_button ? "+" : "Enter");

  if (widget == NULL)
    g_error ("%s: no such widget", what);
  if (!RP_IS_ADD_ENTRY (widget))
    g_error ("%s is a %s, not the one add control", what, G_OBJECT_TYPE_NAME (widget));
  if (!gtk_widget_get_mapped (widget))
    g_error ("%s is not shown", what);
  if (gtk_widget_get_height (widget) <= 0)
    g_error ("%s is %d px high", what, gtk_widget_get_height (widget));

  label = rp_add_entry_get_label (RP_ADD_ENTRY (widget));
  g_assert_nonnull (label);
  if (!g_str_has_prefix (label, control->prefix))
    g_error ("%s is labelled \"%s\", not \"%s…\"", what, label, control->prefix);
  entry = first_child_of_type (widget, GTK_TYPE_ENTRY);
  button = rp_add_entry_get_button (RP_ADD_ENTRY (widget));
  g_assert_nonnull (entry);
  assert_accessible_label (entry, label, what);
  assert_accessible_label (button, label, what);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpint (gtk_widget_get_height (button), >, 0);

  /* Nothing typed: nothing to add. */
  gtk_editable_set_text (GTK_EDITABLE (widget), "");
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_editable_set_text (GTK_EDITABLE (widget), "   ");
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_widget_grab_focus (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_hash_table_remove_all (changed);
  if (by_button)
    {
      gtk_widget_grab_focus (button);
      g_signal_emit_by_name (button, "clicked");
    }
  else
    g_signal_emit_by_name (entry, "activate");
  rp_test_flush ();

  if (!g_hash_table_contains (changed, GINT_TO_POINTER (control->entity)))
    g_error ("%s added nothing", what);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "");
  g_assert_false (gtk_widget_get_sensitive (button));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget) || GTK_IS_BUTTON (focus))
    g_error ("after an add with %s, the focus is on %s, not in the entry of %s", by_button ? "+" : "Enter",
             focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing", what);
}

static void
test_add_controls_sample (void)
{
  g_autoptr (RpStore) store = open_sample_store ();
  g_autoptr (GHashTable) changed = g_hash_table_new (NULL, NULL);
  RpWindow *window = rp_window_new (NULL, store);
  const char *shown = NULL;

  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), changed);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));
  rp_test_resize (GTK_WIDGET (window), 1280, 800, 100);

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      if (g_strcmp0 (shown, controls[i].page) != 0)
        {
          g_autofree char *shot = g_strdup_printf ("add-%s", controls[i].page);

          shown = controls[i].page;
          _rp_window_show_page (window, shown);
          rp_test_wait_ms (100);
          rp_test_screenshot (GTK_WIDGET (window), shot, 100);
        }
      check_control (window, store, changed, &controls[i], FALSE);
      check_control (window, store, changed, &controls[i], TRUE);
    }

  g_signal_handlers_disconnect_by_func (store, on_store_changed_cb, changed);
  rp_test_close_window (GTK_WIDGET (window));
}

int
main (int argc, char **argv)
{
  rp_test_ui_init (&argc, &argv);

  g_test_add_func ("/add-controls/sample", test_add_controls_sample);

  return g_test_run ();
}
