/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-test-ui.h"

/* G_TEST_OPTION_ISOLATE_DIRS hides the system's data dirs, and with them
 * the compiled GSettings schemas adw_init() needs and the MIME database
 * GTK uses to tell an SVG icon from anything else: point GSettings at the
 * schemas (unless the test set-up already did), read both, and keep the
 * system's data dirs; only the user's dirs are the test's own. */
static char *system_data_dirs;

static void
use_system_schemas (void)
{
  const char *const *dirs = g_get_system_data_dirs ();

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    return;
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *folder = g_build_filename (dirs[i], "glib-2.0", "schemas", NULL);
      g_autofree char *file = g_build_filename (folder, "gschemas.compiled", NULL);

      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        {
          g_setenv ("GSETTINGS_SCHEMA_DIR", folder, TRUE);
          return;
        }
    }
}

void
rp_test_ui_init_full (int *argc, char ***argv, RpTestUiFlags flags)
{
  system_data_dirs = g_strjoinv (G_SEARCHPATH_SEPARATOR_S, (char **) g_get_system_data_dirs ());
  use_system_schemas ();
  g_settings_schema_source_get_default ();
  g_content_type_set_mime_dirs (NULL);
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
  if (flags & RP_TEST_UI_NO_GTK_INIT)
    return;
  gtk_init ();
  adw_init ();
  rp_test_add_system_icons ();
  if (flags & RP_TEST_UI_NO_ANIMATIONS)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
rp_test_ui_init (int *argc, char ***argv)
{
  rp_test_ui_init_full (argc, argv, RP_TEST_UI_DEFAULT);
}

/* The isolated dirs hide /usr/share from the icon theme too. */
void
rp_test_add_system_icons (void)
{
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  "/usr/share/icons");
}

/* Runs the main loop until nothing is pending, three times over: the
 * pages read the store again in an idle after it changed. */
void
rp_test_flush (void)
{
  for (guint i = 0; i < 3; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds (typed text is saved when
 * typing pauses, frames are drawn), then until idle. */
void
rp_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  rp_test_flush ();
}

/* Waits (10 s at most) until @widget is on screen. */
void
rp_test_wait_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, on_timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_source_remove (id);
  rp_test_wait_on_monitor (widget);
}

/* Waits (10 s at most) until the window of @widget is on a monitor. On X11
 * the window is mapped before the server has told GDK where it is; until it
 * has, a popover cannot be placed (gdk_monitor_get_geometry() is handed no
 * monitor, a critical), so a test waits for this before it pops one up. */
void
rp_test_wait_on_monitor (GtkWidget *widget)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = rp_test_tick_add (20);
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkNative *native;
  GdkSurface *surface;

  while (TRUE)
    {
      native = gtk_widget_get_native (widget);
      surface = native ? gtk_native_get_surface (native) : NULL;
      if (surface && gdk_surface_get_mapped (surface) &&
          gdk_display_get_monitor_at_surface (display, surface))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  rp_test_flush ();
}

static gboolean
on_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Wakes the main loop every @ms milliseconds, so that a loop waiting on a
 * condition checks it again; g_source_remove() the id it returns. */
guint
rp_test_tick_add (guint ms)
{
  return g_timeout_add (ms, on_tick_cb, NULL);
}

GtkWidget *
rp_test_wait_focus_within (GtkWidget *window, GtkWidget *within, RpTestFocusCheck check, gconstpointer data)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = rp_test_tick_add (20);
  GtkWidget *focus;

  while (((focus = gtk_root_get_focus (GTK_ROOT (window))) == NULL ||
          !gtk_widget_is_ancestor (focus, within) || (check != NULL && !check (focus, data))) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return focus;
}

/* Resizes @window, waits (3 s at most) for the X server to say it did,
 * then runs the loop @settle_ms more. */
void
rp_test_resize (GtkWidget *window, int width, int height, guint settle_ms)
{
  gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  guint tick = rp_test_tick_add (20);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  while (gtk_widget_get_width (window) != width && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (settle_ms > 0)
    rp_test_wait_ms (settle_ms);
  else
    rp_test_flush ();
}

/* The first widget named @name at or below @root, depth first. */
GtkWidget *
rp_test_find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rp_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* As rp_test_find_named(), but there must be one. */
GtkWidget *
rp_test_get_named (GtkWidget *root, const char *name)
{
  GtkWidget *widget = rp_test_find_named (root, name);

  if (widget == NULL)
    g_error ("no widget named %s in %s", name, G_OBJECT_TYPE_NAME (root));
  return widget;
}

/* The first widget of @type at or below @root, depth first. */
GtkWidget *
rp_test_find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rp_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The empty states (AdwStatusPage) at or below @root that are on screen. */
guint
rp_test_count_mapped_status_pages (GtkWidget *root)
{
  guint n = ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += rp_test_count_mapped_status_pages (child);
  return n;
}

/* How many widgets at or below @root are named @name. */
guint
rp_test_count_named (GtkWidget *root, const char *name)
{
  guint n = g_strcmp0 (gtk_widget_get_name (root), name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += rp_test_count_named (child, name);
  return n;
}

/* The widgets at or below @root named @name, in order, added to @out. */
void
rp_test_collect_named (GtkWidget *root, const char *name, GPtrArray *out)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    rp_test_collect_named (c, name, out);
}

/* A child of @widget's template (of @widget_type), which must be there. */
GtkWidget *
rp_test_template_child (GtkWidget *widget, GType widget_type, const char *name)
{
  GObject *child = NULL;

  /* In the template of @widget_type or of a class it derives from (the
   * frame of a list-and-editor page is its base's). */
  for (GType type = widget_type; child == NULL && g_type_is_a (type, GTK_TYPE_WIDGET);
       type = g_type_parent (type))
    child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger, guint keyval, GdkModifierType modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      GtkAlternativeTrigger *alternative = GTK_ALTERNATIVE_TRIGGER (trigger);

      return trigger_matches (gtk_alternative_trigger_get_first (alternative), keyval, modifiers) ||
             trigger_matches (gtk_alternative_trigger_get_second (alternative), keyval, modifiers);
    }
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* Does what a key press on @widget does through its shortcut
 * controllers: runs the action of the shortcut whose trigger is the key
 * (GTK 4 cannot send key events to a window on a test server). Runs no
 * main loop: the caller says when to. */
void
rp_test_press_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_error ("no shortcut for %s on %s (%s)", gdk_keyval_name (keyval), gtk_widget_get_name (widget),
           G_OBJECT_TYPE_NAME (widget));
}

/* Presses Tab @presses times in @window from where the focus is, and
 * fails unless the focus (or a widget holding it) has had each of the
 * @n_names names on the way. */
void
rp_test_assert_tab_reaches (GtkWidget *window, guint presses, const char *const *names, guint n_names)
{
  g_autoptr (GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < presses; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      rp_test_flush ();
      for (focus = gtk_root_get_focus (GTK_ROOT (window)); focus != NULL;
           focus = gtk_widget_get_parent (focus))
        for (guint j = 0; j < n_names; j++)
          if (g_strcmp0 (gtk_widget_get_name (focus), names[j]) == 0)
            g_hash_table_add (reached, (gpointer) names[j]);
    }
  for (guint j = 0; j < n_names; j++)
    if (!g_hash_table_contains (reached, names[j]))
      g_error ("Tab never reaches %s", names[j]);
}

static GtkWidget *
find_toast (GtkWidget *root)
{
  GtkWidget *found = NULL;

  if (g_strcmp0 (gtk_widget_get_css_name (root), "toast") == 0)
    return root;
  /* The last one: a new toast goes after the one it replaces. */
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toast = find_toast (child);

      if (toast != NULL)
        found = toast;
    }
  return found;
}

/* The toast shown at or below @root (libadwaita 1.2 has no API to list
 * an overlay's toasts: the widget whose CSS name is "toast"), or NULL.
 * @title: its text; @button_action: the action of its button when it
 * shows one (Undo: "win.undo"), else NULL. */
GtkWidget *
rp_test_find_toast (GtkWidget *root, const char **title, const char **button_action)
{
  GtkWidget *toast = find_toast (root);
  GtkWidget *label, *button;

  if (title != NULL)
    *title = NULL;
  if (button_action != NULL)
    *button_action = NULL;
  if (toast == NULL)
    return NULL;
  label = rp_test_find_type (toast, GTK_TYPE_LABEL);
  if (title != NULL && label != NULL)
    *title = gtk_label_get_text (GTK_LABEL (label));
  button = rp_test_find_type (toast, GTK_TYPE_BUTTON);
  if (button_action != NULL && button != NULL && gtk_widget_get_visible (button))
    *button_action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));
  return toast;
}

/* A new window of @width × @height (-1: its natural size) around @child,
 * presented; the caller waits for what it needs. */
GtkWidget *
rp_test_window_for (GtkWidget *child, int width, int height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The visible AdwMessageDialog named @name, or NULL. */
AdwMessageDialog *
rp_test_find_message_dialog (const char *name)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
      return l->data;
  return NULL;
}

/* @page inside a toast overlay, as the main window holds it. */
GtkWidget *
rp_test_in_toast_overlay (GtkWidget *page)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  return overlay;
}

/* Adds a release named @name, with @version unless NULL, and at the end
 * of the list if @at_end; returns its id. */
char *
rp_test_add_release_full (RpStore *store, const char *name, const char *version, gboolean at_end)
{
  g_autoptr (RpRecord) release = rp_record_new (RP_ENTITY_RELEASE);
  g_autoptr (GError) error = NULL;

  rp_record_set_string (release, "name", name);
  if (version != NULL)
    rp_record_set_string (release, "version", version);
  if (at_end)
    rp_record_set_position (release, -1);
  rp_store_insert (store, release, &error);
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (release));
}

char *
rp_test_add_release (RpStore *store, const char *name)
{
  return rp_test_add_release_full (store, name, NULL, FALSE);
}

/* What @widget shows, after @settle_ms of drawing, as pixels. The window
 * draws only after the X server shows it: try again for up to 2 s until
 * it did. */
GdkTexture *
rp_test_render (GtkWidget *widget, guint settle_ms)
{
  g_autoptr (GskRenderNode) node = NULL;
  int width = 0, height = 0;

  rp_test_wait_ms (settle_ms);
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        rp_test_wait_ms (20);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    g_error ("%s: nothing drawn (%dx%d)", G_OBJECT_TYPE_NAME (widget), width, height);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* With RP_SCREENSHOT_DIR set, saves what @widget shows as NAME.png there,
 * after @settle_ms of drawing. */
void
rp_test_screenshot (GtkWidget *widget, const char *name, guint settle_ms)
{
  const char *dir = g_getenv ("RP_SCREENSHOT_DIR");
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  texture = rp_test_render (widget, settle_ms);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}

/* Destroys @window and checks that nothing else holds it. */
void
rp_test_close_window (GtkWidget *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_flush ();
  g_assert_finalize_object (window);
}
