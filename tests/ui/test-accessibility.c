/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "rp-core.h"
#include "rp-list-editor-page.h"
#include "rp-release-page.h"
#include "rp-test-ui.h"
#include "rp-window-private.h"

/* What a screen reader is told about every control of every page of the
 * sample plan.
 *
 * GTK 4.8 has no public getter of the name it computes for assistive
 * technologies; gtk_test_accessible_check_property() and
 * _check_relation() return the value that differs from the one asked
 * about, as a string, and that is enough to compute the name the way
 * GTK's AT-SPI backend does (gtkatcontext.c, after WAI-ARIA): the
 * label property, then the label properties of what the widget is
 * labelled by, then the value of a range; with none of those, the
 * GType name of anything that is not a plain container. */

/* A value nobody sets, to be told the value that is set. */
#define NOT_A_VALUE "\x01"

typedef struct
{
  GHashTable *widgets;     /* every widget of every window: for labelled-by */
  GHashTable *findings;    /* "what: details" -> where it was first seen */
  const char *where;       /* the page walked */
  guint n_named;           /* controls and rows checked */
  gboolean unmapped;       /* also what is visible but not on screen */
  gboolean mnemonics_only; /* look for raw mnemonics, nothing else */
} Walk;

static void
collect_widgets (GHashTable *set, GtkWidget *widget)
{
  g_hash_table_add (set, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (set, child);
}

static char *
get_label_property (GtkAccessible *accessible)
{
  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, NOT_A_VALUE);
}

static gboolean
is_hidden (GtkAccessible *accessible)
{
  g_autofree char *value = NULL;

  if (!gtk_test_accessible_has_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;
  /* Returns the value when it is not FALSE. */
  value = gtk_test_accessible_check_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  return value != NULL;
}

static gboolean
is_structural (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_FORM:
    case GTK_ACCESSIBLE_ROLE_GROUP:
    case GTK_ACCESSIBLE_ROLE_GENERIC:
    case GTK_ACCESSIBLE_ROLE_LANDMARK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_REGION:
    case GTK_ACCESSIBLE_ROLE_SEARCH:
    case GTK_ACCESSIBLE_ROLE_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The name GTK 4.8 gives @accessible over AT-SPI. */
static char *
compute_name (Walk *walk, GtkAccessible *accessible)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);
  char *label = get_label_property (accessible);

  if (label != NULL)
    g_ptr_array_add (names, label);

  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      /* "GtkLabel<0x…>GtkLabel<0x…>": the references, printed. */
      g_autofree char *refs =
          gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);

      for (const char *p = refs != NULL ? strchr (refs, '<') : NULL; p != NULL; p = strchr (p + 1, '<'))
        {
          gpointer other = GSIZE_TO_POINTER (g_ascii_strtoull (p + 1, NULL, 16));
          char *other_label;

          if (!g_hash_table_contains (walk->widgets, other))
            continue;
          other_label = get_label_property (other);
          if (other_label != NULL)
            g_ptr_array_add (names, other_label);
        }
    }

  if (role == GTK_ACCESSIBLE_ROLE_RANGE)
    {
      if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT))
        g_ptr_array_add (names,
                         gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                                             NOT_A_VALUE));
    }

  if (names->len == 0 && !is_hidden (accessible) && !is_structural (role))
    g_ptr_array_add (names, g_strdup (G_OBJECT_TYPE_NAME (accessible)));

  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The roles a user acts on or moves between: each needs a name. */
static gboolean
needs_name (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_OPTION:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_TREE_ITEM:
    case GTK_ACCESSIBLE_ROLE_DIALOG:
    case GTK_ACCESSIBLE_ROLE_WINDOW:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* A run of words said twice in a row, "Buffer Days Buffer Days". */
static char *
find_doubled_words (const char *name)
{
  g_auto (GStrv) words = NULL;
  g_autoptr (GString) folded = g_string_new (NULL);
  guint n;

  /* Words only, case folded; a comma or a dot between two phrases
   * ("Dashboards open, Open") ends the run. */
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        g_string_append_unichar (folded, g_unichar_tolower (c));
      else if (c == '-' || c == '\'' || g_unichar_isspace (c))
        g_string_append_c (folded, ' ');
      else
        g_string_append (folded, " | ");
    }
  words = g_strsplit_set (folded->str, " ", -1);
  /* Drop the empty ones. */
  n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        {
          char *word = words[i];

          words[i] = NULL;
          words[n++] = word;
        }
      else
        g_clear_pointer (&words[i], g_free);
    }
  words[n] = NULL;

  for (guint len = 1; 2 * len <= n; len++)
    for (guint start = 0; start + 2 * len <= n; start++)
      {
        gboolean same = TRUE;

        for (guint k = 0; k < len && same; k++)
          same =
              g_str_equal (words[start + k], words[start + len + k]) && !g_str_equal (words[start + k], "|");
        /* Numbers repeat for good reasons ("1 of 1"); words should not. */
        if (same && !(len == 1 && g_ascii_isdigit (words[start][0])))
          {
            g_autoptr (GString) run = g_string_new (NULL);

            for (guint k = 0; k < len; k++)
              g_string_append_printf (run, "%s%s", k > 0 ? " " : "", words[start + k]);
            return g_string_free (g_steal_pointer (&run), FALSE);
          }
      }
  return NULL;
}

static gboolean
has_mnemonic (const char *name)
{
  /* The sample's identifiers use hyphens: an underscore before a letter
   * is a mnemonic that was not parsed. */
  for (const char *p = strchr (name, '_'); p != NULL; p = strchr (p + 1, '_'))
    if (g_unichar_isalnum (g_utf8_get_char (p + 1)))
      return TRUE;
  return FALSE;
}

static gboolean
is_type_name (const char *name)
{
  GType type = g_type_from_name (name);

  return type != 0 && g_type_is_a (type, GTK_TYPE_ACCESSIBLE);
}

static const char *
role_name (GtkAccessibleRole role)
{
  GEnumClass *klass = g_type_class_peek (GTK_TYPE_ACCESSIBLE_ROLE);
  GEnumValue *value = g_enum_get_value (klass, role);

  return value != NULL ? value->value_nick : "?";
}

/* GTK's and libadwaita's own parts that a screen reader passes over (a
 * filler, a scrollbar, a tooltip) and that we cannot name: GTK 4.8 gives
 * them their type name. Every one of our widgets, and every control,
 * must have a name of its own. */
static gboolean
is_library_part (GtkAccessible *accessible)
{
  static const char *const parts[] = {
    "GtkScrollbar",     /* of every GtkScrolledWindow */
    "AdwViewSwitcher",  /* inside AdwViewSwitcherTitle and AdwViewSwitcherBar */
    "GtkTooltipWindow", /* a tooltip's window: its text is the tooltip */
  };
  const char *type_name = G_OBJECT_TYPE_NAME (accessible);

  if (gtk_accessible_get_accessible_role (accessible) == GTK_ACCESSIBLE_ROLE_WIDGET &&
      !g_str_has_prefix (type_name, "Rp"))
    return TRUE;
  return g_strv_contains (parts, type_name);
}

/* The closest widget above @widget with a name of its own, to find it. */
static const char *
find_named_ancestor (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (!g_str_equal (gtk_widget_get_name (w), G_OBJECT_TYPE_NAME (w)))
      return gtk_widget_get_name (w);
  return "";
}

static void
add_finding (Walk *walk, const char *what, GtkAccessible *accessible, const char *name)
{
  char *key =
      g_strdup_printf ("%s: %s %s \"%s\" in %s", what,
                       role_name (gtk_accessible_get_accessible_role (accessible)),
                       G_OBJECT_TYPE_NAME (accessible), name, find_named_ancestor (GTK_WIDGET (accessible)));

  if (g_hash_table_contains (walk->findings, key))
    g_free (key);
  else
    g_hash_table_insert (walk->findings, key, g_strdup (walk->where));
}

static void check_widget (Walk *walk, GtkWidget *widget);

static void
check_shortcuts (Walk *walk, GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *title = NULL;

          g_object_get (child, "title", &title, NULL);
          if (title == NULL || *title == '\0' || has_mnemonic (title))
            add_finding (walk, "a shortcut without a title", GTK_ACCESSIBLE (child),
                         title != NULL ? title : "");
        }
      check_shortcuts (walk, child);
    }
}

static void
check_widget (Walk *walk, GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);

  if (role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION && !is_hidden (accessible))
    {
      g_autofree char *name = compute_name (walk, accessible);
      g_autofree char *doubled = find_doubled_words (name);

      if (needs_name (role) && !walk->mnemonics_only)
        walk->n_named++;
      if (walk->mnemonics_only)
        ;
      else if (needs_name (role) && *g_strstrip (g_strdup (name)) == '\0')
        add_finding (walk, "no name", accessible, name);
      else if (is_type_name (name) && !is_library_part (accessible))
        add_finding (walk, "a type name", accessible, name);
      if (has_mnemonic (name))
        add_finding (walk, "a mnemonic", accessible, name);
      if (doubled != NULL && !walk->mnemonics_only)
        add_finding (walk, "a doubled word", accessible, name);
    }

  /* Inside, an AdwComboRow shows its value through a nameless list of
   * libadwaita's; the row itself is named by its title. */
  if (ADW_IS_COMBO_ROW (widget))
    return;
  /* GtkShortcutsWindow: its title, and the title of each shortcut; the
   * rest (its search, its page switcher) is GTK's. */
  if (GTK_IS_SHORTCUTS_WINDOW (widget))
    {
      check_shortcuts (walk, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (walk->unmapped ? gtk_widget_get_visible (child) : gtk_widget_get_mapped (child))
      check_widget (walk, child);
}

static void
walk_windows (Walk *walk, const char *where)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  g_hash_table_remove_all (walk->widgets);
  for (GList *l = toplevels; l != NULL; l = l->next)
    collect_widgets (walk->widgets, l->data);
  walk->where = g_intern_string (where);
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_mapped (l->data))
      check_widget (walk, l->data);
}

static RpStore *
open_test_store (gboolean with_sample)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "release-planner", "plans.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpStore) store = rp_test_open_store_at (path);

  if (with_sample)
    {
      rp_sample_plan_load (store, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&store);
}

static const char *const page_names[] = {
  "overview", "scope", "risks", "dependencies", "checklist", "rollout", "readiness",
};

static void
walk_release_pages (Walk *walk, RpWindow *window, const char *release_name)
{
  for (guint p = 0; p < G_N_ELEMENTS (page_names); p++)
    {
      g_autofree char *where = g_strdup_printf ("%s, %s", release_name, page_names[p]);

      _rp_window_show_page (window, page_names[p]);
      rp_test_wait_ms (50);
      walk_windows (walk, where);
    }
}

static void
report (Walk *walk)
{
  g_autoptr (GList) keys = g_hash_table_get_keys (walk->findings);
  g_autoptr (GString) message = g_string_new (NULL);

  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (message, "\n  %s (first on %s)", (char *) l->data,
                            (char *) g_hash_table_lookup (walk->findings, l->data));
  g_test_message ("%u controls and rows checked, %u problems", walk->n_named,
                  g_hash_table_size (walk->findings));
  if (message->len > 0)
    g_error ("%u accessible names are missing or wrong:%s", g_hash_table_size (walk->findings), message->str);
}

static void
walk_init (Walk *walk)
{
  walk->widgets = g_hash_table_new (NULL, NULL);
  walk->findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->n_named = 0;
  walk->unmapped = FALSE;
  walk->mnemonics_only = FALSE;
}

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->widgets, g_hash_table_unref);
  g_clear_pointer (&walk->findings, g_hash_table_unref);
}

static void
close_window (RpWindow *window)
{
  rp_test_close_window (GTK_WIDGET (window));
}

/* Every tab of every release of the sample, the views and the shortcuts
 * window, wide and narrow. */
static void
test_accessibility_sample (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  g_autoptr (GPtrArray) releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (GtkBuilder) builder = NULL;
  RpWindow *window = rp_window_new (NULL, store);
  Walk walk;

  /* Switching tabs and folding the leaflet, GTK 4.8 sometimes draws a
   * box before its first allocation and warns "Trying to snapshot GtkBox
   * without a current allocation" (structured logging, so no fatal handler
   * can single it out). This walk is about names: here warnings are
   * printed, criticals stay fatal; every other test keeps both fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  walk_init (&walk);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));
  rp_test_resize (GTK_WIDGET (window), 1280, 800, 100);

  for (guint i = 0; i < releases->len; i++)
    {
      RpRecord *release = releases->pdata[i];

      rp_window_select_release (window, rp_record_get_id (release));
      rp_test_flush ();
      walk_release_pages (&walk, window, rp_record_get_string (release, "name"));
    }

  /* What the window holds but does not show (the other tabs, the empty
   * states, the editors of a list): a screen reader can list it already,
   * so no raw mnemonic there either. (The rest of what GTK 4.8 names
   * wrong there is set right when it shows.) */
  walk.unmapped = TRUE;
  walk.mnemonics_only = TRUE;
  walk_windows (&walk, "not shown");
  walk.unmapped = FALSE;
  walk.mnemonics_only = FALSE;

  _rp_window_show_view (window, "calendar");
  rp_test_wait_ms (50);
  walk_windows (&walk, "Calendar");
  _rp_window_show_view (window, "timeline");
  rp_test_wait_ms (50);
  walk_windows (&walk, "Timeline");
  _rp_window_show_view (window, "releases");

  /* Narrow: the leaflet folds, the lists and their editors are pages. */
  rp_test_resize (GTK_WIDGET (window), 360, 700, 100);
  walk_windows (&walk, "narrow, sidebar");
  rp_window_select_release (window, rp_record_get_id (releases->pdata[0]));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-content", NULL));
  rp_test_wait_ms (50);
  walk_release_pages (&walk, window, "narrow");
  rp_test_resize (GTK_WIDGET (window), 1280, 800, 50);

  /* The shortcuts window, as GtkApplication would set it; not shown:
   * GTK 4.8 warns about the size of one of its own labels. */
  builder = gtk_builder_new_from_resource ("/io/github/releaseplanner/ReleasePlanner/gtk/help-overlay.ui");
  walk.unmapped = TRUE;
  walk.where = "Keyboard Shortcuts";
  check_widget (&walk, GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  report (&walk);
  walk_clear (&walk);
  close_window (window);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* A new user's first sight: no plan at all. */
static void
test_accessibility_empty (void)
{
  g_autoptr (RpStore) store = open_test_store (FALSE);
  RpWindow *window = rp_window_new (NULL, store);
  Walk walk;

  walk_init (&walk);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));
  walk_windows (&walk, "empty database");
  report (&walk);
  walk_clear (&walk);
  close_window (window);
}

/* The checks themselves. */
static void
test_accessibility_doubled (void)
{
  g_autofree char *buffer = find_doubled_words ("Buffer Days Buffer Days");
  g_autofree char *notes = find_doubled_words ("Notes Notes");
  g_autofree char *create = find_doubled_words ("_Create Release Create Release");
  g_autofree char *phrases = find_doubled_words ("Monitoring dashboards open, Open, Priya");
  g_autofree char *date = find_doubled_words ("Choose the Post-Mortem Date date");
  g_autofree char *none = find_doubled_words ("Edit Run smoke tests");
  g_autofree char *numbers = find_doubled_words ("1 of 1 1");

  g_assert_cmpstr (buffer, ==, "buffer days");
  g_assert_cmpstr (notes, ==, "notes");
  g_assert_cmpstr (create, ==, "create release");
  g_assert_null (none);
  g_assert_null (phrases);
  g_assert_cmpstr (date, ==, "date");
  g_assert_null (numbers);
  g_assert_true (has_mnemonic ("_Create Release"));
  g_assert_true (has_mnemonic ("C_reate"));
  g_assert_false (has_mnemonic ("psp-v2-routing"));
  g_assert_false (has_mnemonic ("Total: 5 _"));
  g_type_ensure (GTK_TYPE_TOGGLE_BUTTON);
  g_assert_true (is_type_name ("GtkToggleButton"));
  g_assert_true (is_type_name ("GtkShortcutsWindow"));
  g_assert_false (is_type_name ("Release"));
}

/* ---- the keyboard ---- */

#define MOBILE_ID "938bae14-a74b-5866-8aa4-41878e03e181"

static RpWindow *
open_sample_window (RpStore *store, int width, int height)
{
  RpWindow *window = rp_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_mapped (GTK_WIDGET (window));
  rp_test_resize (GTK_WIDGET (window), width, height, 100);
  return window;
}

static const char *
visible_tab (RpWindow *window)
{
  GtkWidget *stack = gtk_widget_get_ancestor (_rp_window_get_page (window, "overview"), ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* Alt+1…7 choose the tabs, from anywhere, and the shortcuts window says so. */
static void
test_keyboard_tabs (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  g_autoptr (GtkBuilder) builder = NULL;
  g_autoptr (GHashTable) accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  RpWindow *window = open_sample_window (store, 1280, 800);
  GObject *overlay;

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      rp_test_press_key (GTK_WIDGET (window), GDK_KEY_1 + i, GDK_ALT_MASK);
      rp_test_flush ();
      g_assert_cmpstr (visible_tab (window), ==, page_names[i]);
    }
  /* From the Calendar: back in Releases, on that tab. */
  _rp_window_show_view (window, "calendar");
  rp_test_press_key (GTK_WIDGET (window), GDK_KEY_3, GDK_ALT_MASK);
  rp_test_flush ();
  g_assert_cmpstr (_rp_window_get_visible_view (window), ==, "releases");
  g_assert_cmpstr (visible_tab (window), ==, "risks");

  builder = gtk_builder_new_from_resource ("/io/github/releaseplanner/ReleasePlanner/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  for (GSList *l = gtk_builder_get_objects (builder); l != NULL; l = g_slist_delete_link (l, l))
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *accelerator = NULL, *title = NULL;

        g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
        if (accelerator != NULL)
          g_hash_table_insert (accels, accelerator, title);
        else
          g_free (title);
      }
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *title = g_hash_table_lookup (accels, accel);
      GtkWidget *page = _rp_window_get_page (window, page_names[i]);

      if (title == NULL)
        g_error ("the shortcuts window does not list %s", accel);
      g_assert_cmpstr (title, ==, rp_release_page_get_title (RP_RELEASE_PAGE (page)));
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
  close_window (window);
}

/* Tab on the sidebar's list goes into the tab shown, not to its switcher. */
static void
test_keyboard_sidebar_tab (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_sample_window (store, 1280, 800);
  GtkWidget *list = GTK_WIDGET (_rp_window_get_release_list (window));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = _rp_window_get_page (window, page_names[i]);
      GtkWidget *focus;

      _rp_window_show_page (window, page_names[i]);
      rp_test_flush ();
      gtk_widget_grab_focus (list);
      rp_test_press_key (list, GDK_KEY_Tab, 0);
      rp_test_flush ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      if (!gtk_widget_is_ancestor (focus, page))
        g_error ("Tab from the sidebar went to %s (%s), not into %s", gtk_widget_get_name (focus),
                 G_OBJECT_TYPE_NAME (focus), page_names[i]);
    }
  close_window (window);
}

static guint
count_focusable_cells (GtkWidget *page)
{
  guint n = 0;

  for (guint l = 1; l <= 5; l++)
    for (guint m = 1; m <= 5; m++)
      {
        g_autofree char *name = g_strdup_printf ("risk-heat-cell-%u-%u", l, m);

        n += gtk_widget_get_focusable (rp_test_get_named (page, name));
      }
  return n;
}

static const char *
focus_name (RpWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL ? gtk_widget_get_name (focus) : "(nothing)";
}

/* The heat map: one stop of Tab, the arrows between its cells, Enter
 * filters the list to a cell. */
static void
test_keyboard_heat_map (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_sample_window (store, 1280, 800);
  GtkWidget *page = _rp_window_get_page (window, "risks");
  GListModel *risks;
  GtkWidget *cell, *grid;
  guint all;

  rp_window_select_release (window, MOBILE_ID);
  _rp_window_show_page (window, "risks");
  rp_test_wait_ms (100);
  risks = rp_list_editor_page_get_model (RP_LIST_EDITOR_PAGE (page));
  all = g_list_model_get_n_items (risks);

  /* Tab stops once, at the riskiest cell with an open risk (4 × 4). */
  g_assert_cmpuint (count_focusable_cells (page), ==, 1);
  cell = rp_test_get_named (page, "risk-heat-cell-4-4");
  g_assert_true (gtk_widget_get_focusable (cell));
  gtk_widget_grab_focus (rp_test_get_named (page, "risk-list"));
  rp_test_assert_tab_reaches (GTK_WIDGET (window), 60, (const char *const[]){ "risk-heat-cell-4-4" }, 1);

  gtk_widget_grab_focus (cell);
  grid = gtk_widget_get_parent (cell);
  rp_test_press_key (grid, GDK_KEY_Right, 0);
  g_assert_cmpstr (focus_name (window), ==, "risk-heat-cell-4-5");
  rp_test_press_key (grid, GDK_KEY_Up, 0);
  g_assert_cmpstr (focus_name (window), ==, "risk-heat-cell-5-5");
  rp_test_press_key (grid, GDK_KEY_Up, 0); /* the edge: it stays */
  g_assert_cmpstr (focus_name (window), ==, "risk-heat-cell-5-5");
  g_assert_cmpuint (count_focusable_cells (page), ==, 1);
  /* Enter on an empty cell: nothing to filter to. (A button toggles once
   * it was seen pressed.) */
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (window)));
  rp_test_wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, all);

  /* Down, down, down, left: 2 × 4, one open risk; Enter filters to it. */
  rp_test_press_key (grid, GDK_KEY_Down, 0);
  rp_test_press_key (grid, GDK_KEY_Down, 0);
  rp_test_press_key (grid, GDK_KEY_Down, 0);
  rp_test_press_key (grid, GDK_KEY_Left, 0);
  g_assert_cmpstr (focus_name (window), ==, "risk-heat-cell-2-4");
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (window)));
  rp_test_wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 1);
  /* Again: all of them. */
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (window)));
  rp_test_wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, all);

  close_window (window);
}

/* ---- the narrow window ---- */

static guint
count_mapped_back_buttons (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-previous-symbolic") == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_mapped_back_buttons (child);
  return n;
}

/* The back arrows mapped once the leaflet's transition is over: on a busy
 * machine it can take longer than the wait after a switch. */
static guint
settled_back_buttons (GtkWidget *window)
{
  for (guint i = 0; i < 100 && count_mapped_back_buttons (window) != 1; i++)
    rp_test_wait_ms (30);
  return count_mapped_back_buttons (window);
}

/* At 360 pixels, a tab's editor shows one back arrow, not the window's
 * and its own stacked. */
static void
test_narrow_one_back_arrow (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_sample_window (store, 360, 700);
  const char *const tabs[] = { "scope", "risks", "dependencies" };
  const char *const lists[] = { "scope-list", "risk-list", "dependency-list" };

  rp_window_select_release (window, MOBILE_ID);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-content", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *page = _rp_window_get_page (window, tabs[i]);

      _rp_window_show_page (window, tabs[i]);
      rp_test_wait_ms (300);
      /* The list: the window's Back, to the sidebar. */
      g_assert_cmpuint (settled_back_buttons (GTK_WIDGET (window)), ==, 1);
      g_assert_true (gtk_widget_get_mapped (rp_test_get_named (GTK_WIDGET (window), "window-back-button")));

      g_signal_emit_by_name (rp_test_get_named (page, lists[i]), "activate", 0);
      rp_test_wait_ms (400);
      if (i == 0)
        rp_test_screenshot (GTK_WIDGET (window), "scope-editor-narrow", 200);
      g_assert_cmpuint (settled_back_buttons (GTK_WIDGET (window)), ==, 1);
      g_assert_true (gtk_widget_get_mapped (rp_test_get_named (page, "back-button")));

      g_signal_emit_by_name (rp_test_get_named (page, "back-button"), "clicked");
      rp_test_wait_ms (400);
      g_assert_cmpuint (settled_back_buttons (GTK_WIDGET (window)), ==, 1);
    }
  close_window (window);
}

/* ---- colours ---- */

/* WCAG's relative luminance of a pixel of @texture at @x, @y. */
static double
luminance_at (GdkTexture *texture, int x, int y)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guchar *p;
  double rgb[3];

  gdk_texture_download (texture, data, width * 4);
  /* Cairo's ARGB32, in memory B, G, R, A on a little-endian machine. */
  p = data + ((gsize) y * width + x) * 4;
  for (guint i = 0; i < 3; i++)
    {
      double c = p[2 - i] / 255.0;

      rgb[i] = c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static double
contrast (double a, double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* Where to read a cell's colour: near its top left corner, inside the
 * rounding, away from its number. */
static void
cell_point (GtkWidget *cell, GtkWidget *window, int *x, int *y)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (cell, window, &GRAPHENE_POINT_INIT (6, 6), &point));
  *x = (int) point.x;
  *y = (int) point.y;
}

/* The heat map's high cells, empty and filled, stand out from the page in
 * both styles (in the dark style they all but vanished). */
static void
test_heat_map_colours (void)
{
  g_autoptr (RpStore) store = open_test_store (TRUE);
  RpWindow *window = open_sample_window (store, 1280, 800);
  GtkWidget *page = _rp_window_get_page (window, "risks");
  const gboolean darks[] = { FALSE, TRUE };

  rp_window_select_release (window, MOBILE_ID);
  _rp_window_show_page (window, "risks");
  rp_test_wait_ms (100);
  for (guint i = 0; i < G_N_ELEMENTS (darks); i++)
    {
      g_autoptr (GdkTexture) texture = NULL;
      GtkWidget *empty = rp_test_get_named (page, "risk-heat-cell-5-5");
      GtkWidget *filled = rp_test_get_named (page, "risk-heat-cell-4-4");
      GtkWidget *grid = gtk_widget_get_parent (empty);
      graphene_point_t corner;
      int x, y;
      double background, empty_l, filled_l;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          darks[i] ? ADW_COLOR_SCHEME_FORCE_DARK
                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
      rp_test_screenshot (GTK_WIDGET (window), darks[i] ? "heat-map-dark" : "heat-map-light", 300);
      texture = rp_test_render (GTK_WIDGET (window), 300);
      /* The page beside the grid, left of its first column. */
      g_assert_true (
          gtk_widget_compute_point (grid, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (-8, 4), &corner));
      background = luminance_at (texture, (int) corner.x, (int) corner.y);
      cell_point (empty, GTK_WIDGET (window), &x, &y);
      empty_l = luminance_at (texture, x, y);
      cell_point (filled, GTK_WIDGET (window), &x, &y);
      filled_l = luminance_at (texture, x, y);
      g_test_message ("%s: an empty high cell %.2f:1, a filled one %.2f:1 against the page",
                      darks[i] ? "dark" : "light", contrast (empty_l, background),
                      contrast (filled_l, background));
      /* A tint in an empty cell; the filled ones are what must stand out
       * (WCAG's 3:1 for parts of a graphic). */
      g_assert_cmpfloat (contrast (empty_l, background), >=, 1.2);
      g_assert_cmpfloat (contrast (filled_l, background), >=, 3.0);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);
}

int
main (int argc, char **argv)
{
  rp_test_ui_init (&argc, &argv);
  g_type_ensure (GTK_TYPE_SHORTCUTS_WINDOW);

  g_test_add_func ("/accessibility/checks", test_accessibility_doubled);
  g_test_add_func ("/accessibility/empty", test_accessibility_empty);
  g_test_add_func ("/accessibility/sample", test_accessibility_sample);
  g_test_add_func ("/keyboard/tabs", test_keyboard_tabs);
  g_test_add_func ("/keyboard/sidebar-tab", test_keyboard_sidebar_tab);
  g_test_add_func ("/keyboard/heat-map", test_keyboard_heat_map);
  g_test_add_func ("/narrow/one-back-arrow", test_narrow_one_back_arrow);
  g_test_add_func ("/style/heat-map-colours", test_heat_map_colours);

  return g_test_run ();
}
