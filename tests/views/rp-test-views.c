/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-event-chip.h"
#include "rp-test-ui.h"
#include "rp-test-views.h"

RpStore *
rp_test_views_sample_store (void)
{
  RpStore *store = rp_test_open_store ();
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_sample_plan_load (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
set_date (RpRecord *release, const char *column, const char *value)
{
  if (value != NULL)
    rp_record_set_string (release, column, value);
}

/* A release with these dates (NULL: none), no buffer and no monitoring,
 * so that it has no other events; returns its id. */
char *
rp_test_views_add_release (RpStore *store, const char *name, const char *code_complete,
                           const char *testing_start, const char *testing_end, const char *deploy)
{
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "name", name);
  set_date (release, "code_complete", code_complete);
  set_date (release, "testing_start", testing_start);
  set_date (release, "testing_end", testing_end);
  set_date (release, "deploy", deploy);
  rp_record_set_int (release, "buffer_days", 0);
  rp_record_set_int (release, "monitoring_hours", 0);
  g_assert_true (rp_store_insert (store, release, &error));
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (release));
}

/* @n releases with every milestone, spread over two years from January
 * 2026 (a few a week), in one transaction. */
void
rp_test_views_add_many (RpStore *store, guint n)
{
  g_autoptr (GError) error = NULL;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 5, G_DATE_JANUARY, 2026);
  g_assert_true (rp_store_begin (store, "Many releases", &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
      g_autofree char *name = g_strdup_printf ("Service %u", i + 1);
      const char *columns[] = { "code_complete", "testing_start", "testing_end", "deploy" };
      const int offsets[] = { 0, 3, 12, 17 };
      guint32 first = g_date_get_julian (&start) + (i * 730) / MAX (n, 1);

      rp_record_set_string (release, "name", name);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          GDate date;
          g_autofree char *text = NULL;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, first + offsets[c] + i % 3);
          text = rp_date_format (&date);
          rp_record_set_string (release, columns[c], text);
        }
      g_assert_true (rp_store_insert (store, release, &error));
    }
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);
}

guint32
rp_test_views_julian (const char *iso_date)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (rp_date_parse_into (iso_date, &date));
  return g_date_get_julian (&date);
}

/* What a screen reader would read as @widget's name. */
gboolean
rp_test_views_has_name (GtkWidget *widget, const char *name)
{
  g_autofree char *mismatch =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  return mismatch == NULL;
}

void
rp_test_views_assert_name (GtkWidget *widget, const char *name)
{
  g_autofree char *mismatch =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  if (mismatch != NULL)
    g_error ("accessible name of %s: %s", G_OBJECT_TYPE_NAME (widget), mismatch);
}

static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget);
}

/* The first widget of @type below @root, shown, named @name (NULL: any). */
GtkWidget *
rp_test_views_find_named (GtkWidget *root, GType type, const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && is_shown (root) &&
      (name == NULL || rp_test_views_has_name (root, name)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rp_test_views_find_named (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The event named @name below @root, which must be there. */
GtkWidget *
rp_test_views_find_named_chip (GtkWidget *root, const char *name)
{
  GtkWidget *chip = rp_test_views_find_named (root, RP_TYPE_EVENT_CHIP, name);

  if (chip == NULL)
    g_error ("no event “%s” in %s", name, G_OBJECT_TYPE_NAME (root));
  return chip;
}

static void
count_named (GtkWidget *root, const char *name, guint *n)
{
  if (RP_IS_EVENT_CHIP (root) && is_shown (root) && (name == NULL || rp_test_views_has_name (root, name)))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_named (child, name, n);
}

/* The events shown below @root. */
guint
rp_test_views_count_chips (GtkWidget *root)
{
  guint n = 0;

  count_named (root, NULL, &n);
  return n;
}

/* The events shown below @root are those named in @names, as many times
 * as they are there (a span cut by week rows is several events). */
void
rp_test_views_assert_chips (GtkWidget *root, const char *const *names, guint n_names)
{
  for (guint i = 0; i < n_names; i++)
    {
      guint expected = 0, found = 0;

      for (guint j = 0; j < n_names; j++)
        expected += g_str_equal (names[i], names[j]);
      count_named (root, names[i], &found);
      if (found != expected)
        g_error ("%u events “%s”, expected %u", found, names[i], expected);
    }
  g_assert_cmpuint (rp_test_views_count_chips (root), ==, n_names);
}

/* Draws @widget into NAME.png (in the test's cache folder, and in
 * RP_SCREENSHOT_DIR when set): a picture of its size, not empty. */
void
rp_test_views_render (GtkWidget *widget, const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), file, NULL);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GFile) saved = NULL;
  g_autoptr (GFileInfo) info = NULL;

  g_assert_true (g_mkdir_with_parents (g_get_user_cache_dir (), 0700) == 0);
  texture = rp_test_render (widget, 200);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (widget));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (widget));
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  saved = g_file_new_for_path (path);
  info = g_file_query_info (saved, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpint (g_file_info_get_size (info), >, 1000);
  rp_test_screenshot (widget, name, 0);
}
