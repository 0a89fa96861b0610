/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-test-window.h"

void
rp_window_fixture_set_up (RpWindowFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) releases = NULL;

  f->store = rp_test_open_store ();
  g_assert_true (rp_sample_plan_load (f->store, &error));
  g_assert_no_error (error);
  releases = rp_store_list (f->store, RP_ENTITY_RELEASE, NULL);
  g_assert_cmpuint (releases->len, >, 0);
  f->release_id = g_strdup (rp_record_get_id (g_ptr_array_index (releases, 0)));

  f->window = rp_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  rp_test_wait_mapped (GTK_WIDGET (f->window));
  rp_window_select_release (f->window, f->release_id);
  rp_test_flush ();
}

void
rp_window_fixture_tear_down (RpWindowFixture *f, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (g_object_ref (f->window));
  GList *toplevels = gtk_window_list_toplevels ();

  /* dialogs first: they hold the window as their parent */
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  gtk_window_destroy (window);
  rp_test_flush ();
  g_assert_finalize_object (window);
  g_clear_object (&f->store);
  g_free (f->release_id);
}

GtkWidget *
rp_test_find_label_prefix (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rp_test_find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
rp_test_find_toplevel_named (const char *name)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0 && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}
