/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-release-page.h"
#include "rp-test-ui.h"

/* RpReleasePage through the smallest page there can be: one text field
 * for a risk's title, and counters of what the base calls. */

#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, RpReleasePage)

struct _TestPage
{
  RpReleasePage parent_instance;

  GtkWidget *entry;
  guint n_store_set;
  guint n_release_changed;
  guint n_store_changed;
  int last_entity;
  char *last_id;
  guint n_selected;
  RpEntity selected_entity;
  char *selected_id;
  gboolean selected_focus;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, RP_TYPE_RELEASE_PAGE)

static void
test_page_store_set (RpReleasePage *page)
{
  TEST_PAGE (page)->n_store_set++;
}

static void
test_page_release_changed (RpReleasePage *page)
{
  TEST_PAGE (page)->n_release_changed++;
}

static void
test_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  TestPage *self = TEST_PAGE (page);

  self->n_store_changed++;
  self->last_entity = entity;
  g_free (self->last_id);
  self->last_id = g_strdup (id);
}

static gboolean
test_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id, const char *field,
                          gboolean focus)
{
  TestPage *self = TEST_PAGE (page);

  self->n_selected++;
  self->selected_entity = entity;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  self->selected_focus = focus;
  return entity == RP_ENTITY_RISK;
}

static void
test_page_finalize (GObject *object)
{
  TestPage *self = TEST_PAGE (object);

  g_free (self->last_id);
  g_free (self->selected_id);
  G_OBJECT_CLASS (test_page_parent_class)->finalize (object);
}

static void
test_page_class_init (TestPageClass *klass)
{
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_page_finalize;
  page_class->store_set = test_page_store_set;
  page_class->release_changed = test_page_release_changed;
  page_class->store_changed = test_page_store_changed;
  page_class->select_subject = test_page_select_subject;
  rp_release_page_class_watch (page_class, RP_ENTITY_RISK);
  rp_release_page_class_watch (page_class, RP_ENTITY_RELEASE);
}

static void
test_page_init (TestPage *self)
{
  self->entry = gtk_entry_new ();
  self->last_entity = -1;
  adw_bin_set_child (ADW_BIN (self), self->entry);
}

static char *
add_risk (RpStore *store, const char *release_id, const char *title)
{
  g_autoptr (RpRecord) risk = rp_record_new (RP_ENTITY_RISK);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (risk, "release_id", release_id);
  rp_record_set_string (risk, "title", title);
  g_assert_true (rp_store_insert (store, risk, &error));
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (risk));
}

static const char *
stored_title (RpStore *store, const char *risk_id)
{
  static char *title;
  g_autoptr (RpRecord) risk = rp_store_get (store, RP_ENTITY_RISK, risk_id, NULL);

  g_free (title);
  title = g_strdup (rp_record_get_string (risk, "title"));
  return title;
}

/* Types into the page's field, to be saved to the risk's title. */
static void
type_title (TestPage *page, const char *risk_id, const char *text)
{
  RpTextEdits *edits = rp_release_page_get_edits (RP_RELEASE_PAGE (page));

  gtk_editable_set_text (GTK_EDITABLE (page->entry), text);
  rp_text_edits_schedule (edits, page->entry, RP_ENTITY_RISK, risk_id, "title");
  g_assert_true (rp_text_edits_is_editing (edits, page->entry));
}

static void
test_release_page_properties (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Alpha");
  TestPage *page = g_object_ref_sink (
      g_object_new (TEST_TYPE_PAGE, "title", "Risks", "icon-name", "dialog-warning-symbolic", NULL));
  RpReleasePage *base = RP_RELEASE_PAGE (page);

  /* A page from a .ui file gets its store after construction: the
   * release set before waits for it. */
  g_assert_null (rp_release_page_get_store (base));
  g_assert_null (rp_release_page_get_edits (base));
  g_object_set (page, "release-id", release_id, NULL);
  g_assert_cmpuint (page->n_release_changed, ==, 0);
  g_object_set (page, "store", store, NULL);
  g_assert_true (rp_release_page_get_store (base) == store);
  g_assert_nonnull (rp_release_page_get_edits (base));
  g_assert_cmpuint (page->n_store_set, ==, 1);
  g_assert_cmpuint (page->n_release_changed, ==, 1);

  g_assert_cmpstr (rp_release_page_get_title (base), ==, "Risks");
  g_assert_cmpstr (rp_release_page_get_icon_name (base), ==, "dialog-warning-symbolic");
  g_assert_cmpstr (rp_release_page_get_release_id (base), ==, release_id);

  /* The same release again is no change. */
  rp_release_page_set_release_id (base, release_id);
  g_assert_cmpuint (page->n_release_changed, ==, 1);
  rp_release_page_set_release_id (base, NULL);
  g_assert_cmpuint (page->n_release_changed, ==, 2);
  g_assert_null (rp_release_page_get_release_id (base));

  g_assert_finalize_object (page);
}

/* A burst of writes is one call, after the idle; what it says narrows to
 * the row, or the entity, when the burst had only that. */
static void
test_release_page_coalescing (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Alpha");
  g_autofree char *risk_id = NULL;
  g_autoptr (RpRecord) risk = NULL;
  g_autoptr (GError) error = NULL;
  TestPage *page =
      g_object_ref_sink (g_object_new (TEST_TYPE_PAGE, "store", store, "release-id", release_id, NULL));

  rp_test_flush ();
  g_assert_cmpuint (page->n_store_changed, ==, 0);

  /* Ten new risks: one call, for risks in general. */
  for (guint i = 0; i < 10; i++)
    g_free (add_risk (store, release_id, "Outage"));
  g_assert_cmpuint (page->n_store_changed, ==, 0);
  rp_test_flush ();
  g_assert_cmpuint (page->n_store_changed, ==, 1);
  g_assert_cmpint (page->last_entity, ==, RP_ENTITY_RISK);
  g_assert_null (page->last_id);

  /* Three edits of one risk: one call, for that risk. */
  risk_id = add_risk (store, release_id, "Vendor late");
  rp_test_flush ();
  risk = rp_store_get (store, RP_ENTITY_RISK, risk_id, NULL);
  for (guint i = 1; i <= 3; i++)
    {
      rp_record_set_int (risk, "likelihood", i);
      g_assert_true (rp_store_update (store, risk, &error));
      g_assert_no_error (error);
    }
  page->n_store_changed = 0;
  rp_test_flush ();
  g_assert_cmpuint (page->n_store_changed, ==, 1);
  g_assert_cmpint (page->last_entity, ==, RP_ENTITY_RISK);
  g_assert_cmpstr (page->last_id, ==, risk_id);

  /* A risk and the release: everything. */
  g_free (add_risk (store, release_id, "Cert expiry"));
  g_free (rp_test_add_release (store, "Beta"));
  page->n_store_changed = 0;
  rp_test_flush ();
  g_assert_cmpuint (page->n_store_changed, ==, 1);
  g_assert_cmpint (page->last_entity, ==, RP_N_ENTITIES);
  g_assert_null (page->last_id);

  /* What the page does not watch does not reach it... */
  {
    g_autoptr (RpRecord) person = rp_record_new (RP_ENTITY_PERSON);

    rp_record_set_string (person, "name", "Ada");
    g_assert_true (rp_store_insert (store, person, &error));
    g_assert_no_error (error);
  }
  page->n_store_changed = 0;
  rp_test_flush ();
  g_assert_cmpuint (page->n_store_changed, ==, 0);

  /* ...and the page's own write shows at once when it asks. */
  g_free (add_risk (store, release_id, "Load"));
  rp_release_page_update_now (RP_RELEASE_PAGE (page));
  g_assert_cmpuint (page->n_store_changed, ==, 1);
  rp_test_flush ();
  g_assert_cmpuint (page->n_store_changed, ==, 1);

  /* Another release: what waited for the old one is dropped. */
  g_free (add_risk (store, release_id, "Late"));
  rp_release_page_set_release_id (RP_RELEASE_PAGE (page), NULL);
  page->n_store_changed = 0;
  rp_test_flush ();
  g_assert_cmpuint (page->n_store_changed, ==, 0);

  g_assert_finalize_object (page);
}

/* What is typed is saved when the release changes, when the page leaves
 * its window and when it goes. */
static void
test_release_page_flush (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *alpha = rp_test_add_release (store, "Alpha");
  g_autofree char *beta = rp_test_add_release (store, "Beta");
  g_autofree char *risk_id = add_risk (store, alpha, "Outage");
  TestPage *page =
      g_object_ref_sink (g_object_new (TEST_TYPE_PAGE, "store", store, "release-id", alpha, NULL));
  GtkWidget *window;

  type_title (page, risk_id, "Outage of the EU region");
  rp_release_page_set_release_id (RP_RELEASE_PAGE (page), beta);
  g_assert_cmpstr (stored_title (store, risk_id), ==, "Outage of the EU region");
  g_assert_false (rp_text_edits_is_editing (rp_release_page_get_edits (RP_RELEASE_PAGE (page)), page->entry));

  window = rp_test_window_for (GTK_WIDGET (page), 400, 300);
  rp_test_flush ();
  type_title (page, risk_id, "Outage, both regions");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpstr (stored_title (store, risk_id), ==, "Outage, both regions");

  type_title (page, risk_id, "Outage at night");
  g_assert_finalize_object (page);
  g_assert_cmpstr (stored_title (store, risk_id), ==, "Outage at night");
}

static gboolean
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_undo_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.undo") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_undo_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A delete shows "… deleted" with Undo; the undo brings the row back
 * and the page selects it, without taking the focus. */
static void
test_release_page_deleted_undo (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autofree char *release_id = rp_test_add_release (store, "Alpha");
  g_autofree char *risk_id = add_risk (store, release_id, "Outage");
  g_autofree char *other_id = add_risk (store, release_id, "Vendor late");
  g_autoptr (GError) error = NULL;
  TestPage *page = g_object_new (TEST_TYPE_PAGE, "store", store, "release-id", release_id, NULL);
  GtkWidget *overlay = rp_test_in_toast_overlay (GTK_WIDGET (page));
  GtkWidget *window = rp_test_window_for (overlay, 600, 400);
  GtkWidget *undo;

  g_object_ref (page);
  rp_test_flush ();
  g_assert_true (rp_store_delete (store, RP_ENTITY_RISK, risk_id, &error));
  g_assert_no_error (error);
  rp_release_page_show_deleted (RP_RELEASE_PAGE (page), RP_ENTITY_RISK, risk_id, "Risk “Outage”");
  rp_test_flush ();
  g_assert_true (find_label (overlay, "Risk “Outage” deleted"));
  undo = find_undo_button (overlay);
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_get_visible (undo));
  g_assert_cmpuint (page->n_selected, ==, 0);

  /* Another write is not the undo: nothing is selected. */
  g_assert_true (rp_store_delete (store, RP_ENTITY_RISK, other_id, &error));
  rp_test_flush ();
  g_assert_cmpuint (page->n_selected, ==, 0);

  /* Undo the second delete, then the first: the first comes back. */
  g_assert_true (rp_store_undo (store, &error));
  rp_test_flush ();
  g_assert_cmpuint (page->n_selected, ==, 0);
  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
  rp_test_flush ();
  g_assert_cmpuint (page->n_selected, ==, 1);
  g_assert_cmpint (page->selected_entity, ==, RP_ENTITY_RISK);
  g_assert_cmpstr (page->selected_id, ==, risk_id);
  g_assert_false (page->selected_focus);

  /* Once: a redo and an undo later it is not selected again. */
  g_assert_true (rp_store_redo (store, &error));
  rp_test_flush ();
  g_assert_true (rp_store_undo (store, &error));
  rp_test_flush ();
  g_assert_cmpuint (page->n_selected, ==, 1);

  /* Asked from outside, the page is asked to focus. */
  g_assert_true (rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_RISK, other_id, NULL));
  g_assert_true (page->selected_focus);
  g_assert_false (
      rp_release_page_select_subject (RP_RELEASE_PAGE (page), RP_ENTITY_DEPENDENCY, other_id, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);

  g_test_add_func ("/release-page/properties", test_release_page_properties);
  g_test_add_func ("/release-page/coalescing", test_release_page_coalescing);
  g_test_add_func ("/release-page/flush", test_release_page_flush);
  g_test_add_func ("/release-page/deleted-undo", test_release_page_deleted_undo);
  return g_test_run ();
}
