/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-date-row.h"
#include "rp-ui-util.h"

/* What a row looked like before an error took its place, so that clearing
 * the error puts it back. */
#define SAVED_TITLE_KEY "rp-ui-saved-title"
#define SAVED_SUBTITLE_KEY "rp-ui-saved-subtitle"

/**
 * rp_ui_show_error:
 * @widget: where the value was typed
 * @message: (nullable): what is wrong, or %NULL when all is well again
 */
void
rp_ui_show_error (GtkWidget *widget, const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);

  /* Messages can quote what was typed: never read them as markup. */
  if (message != NULL && ADW_IS_PREFERENCES_ROW (widget) && !RP_IS_DATE_ROW (widget))
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);

  if (RP_IS_DATE_ROW (widget))
    {
      rp_date_row_set_message (RP_DATE_ROW (widget), message);
    }
  else if (ADW_IS_ENTRY_ROW (widget))
    {
      /* An entry row has no subtitle: its title, which sits right above
       * the text, says what is wrong instead. */
      AdwPreferencesRow *row = ADW_PREFERENCES_ROW (widget);
      const char *saved = g_object_get_data (G_OBJECT (widget), SAVED_TITLE_KEY);

      if (message != NULL)
        {
          if (saved == NULL)
            g_object_set_data_full (G_OBJECT (widget), SAVED_TITLE_KEY,
                                    g_strdup (adw_preferences_row_get_title (row)), g_free);
          adw_preferences_row_set_title (row, message);
        }
      else if (saved != NULL)
        {
          adw_preferences_row_set_title (row, saved);
          g_object_set_data (G_OBJECT (widget), SAVED_TITLE_KEY, NULL);
        }
    }
  else if (ADW_IS_ACTION_ROW (widget))
    {
      AdwActionRow *row = ADW_ACTION_ROW (widget);
      gboolean has_saved = g_object_get_data (G_OBJECT (widget), SAVED_SUBTITLE_KEY) != NULL;

      if (message != NULL)
        {
          if (!has_saved)
            g_object_set_data_full (G_OBJECT (widget), SAVED_SUBTITLE_KEY,
                                    g_strdup (adw_action_row_get_subtitle (row)
                                                  ? adw_action_row_get_subtitle (row)
                                                  : ""),
                                    g_free);
          adw_action_row_set_subtitle (row, message);
        }
      else if (has_saved)
        {
          adw_action_row_set_subtitle (row, g_object_get_data (G_OBJECT (widget), SAVED_SUBTITLE_KEY));
          g_object_set_data (G_OBJECT (widget), SAVED_SUBTITLE_KEY, NULL);
        }
    }

  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * rp_ui_save_value:
 * @value: (transfer floating) (nullable): the new value, %NULL for none
 * @widget: (nullable): where the value was typed, to show a failure on
 *
 * Returns: %TRUE when the value is saved (or was already there)
 */
gboolean
rp_ui_save_value (RpStore *store, RpEntity entity, const char *id, const char *column, GVariant *value,
                  GtkWidget *widget)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) current = NULL;
  g_autoptr (RpRecord) changed = NULL;
  g_autoptr (GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && column != NULL, FALSE);

  current = rp_store_get (store, entity, id, &error);
  if (current == NULL)
    {
      if (widget != NULL)
        rp_ui_show_error (widget, error->message);
      return FALSE;
    }

  changed = rp_record_copy (current);
  /* The record takes a reference of its own. */
  rp_record_set_value (changed, column, owned);
  /* Only this column: the row may have changed elsewhere since it was read. */
  ok = rp_store_update_columns (store, changed, (const char *const[]){ column, NULL }, &error);

  if (widget != NULL)
    rp_ui_show_error (widget, ok ? NULL : error->message);
  else if (!ok)
    g_warning ("Could not save %s: %s", column, error->message);

  return ok;
}

/**
 * rp_ui_enum_model:
 *
 * Returns: (transfer full): the labels of @values, in order
 */
GtkStringList *
rp_ui_enum_model (const char *const *values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (; values != NULL && *values != NULL; values++)
    gtk_string_list_append (list, rp_enum_label (*values));
  return list;
}

/**
 * rp_ui_enum_index:
 *
 * Returns: the position of @value in @values, or %GTK_INVALID_LIST_POSITION
 */
guint
rp_ui_enum_index (const char *const *values, const char *value)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/**
 * rp_ui_format_date:
 * @iso_date: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date for people to read;
 *   %NULL for %NULL, the text itself when it is not a date
 */
char *
rp_ui_format_date (const char *iso_date)
{
  g_autoptr (GDate) date = NULL;
  g_autoptr (GDateTime) dt = NULL;

  if (iso_date == NULL)
    return NULL;
  date = rp_date_parse (iso_date);
  if (date == NULL)
    return g_strdup (iso_date);

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso_date);

  /* Translators: a date as pages show it, see g_date_time_format();
   * e.g. "Thu, 10 Dec 2026" */
  return g_date_time_format (dt, C_("date", "%a, %-d %b %Y"));
}

const char *
rp_ui_likelihood_label (gint64 likelihood)
{
  switch (likelihood)
    {
    case 1:
      return _("Rare");
    case 2:
      return _("Unlikely");
    case 3:
      return _("Possible");
    case 4:
      return _("Likely");
    case 5:
      return _("Almost certain");
    default:
      return "";
    }
}

const char *
rp_ui_impact_label (gint64 impact)
{
  switch (impact)
    {
    case 1:
      return _("Minor");
    case 2:
      return _("Moderate");
    case 3:
      return _("Significant");
    case 4:
      return _("Major");
    case 5:
      return _("Severe");
    default:
      return "";
    }
}

/**
 * rp_ui_toast_deleted:
 * @widget: the page (or any widget) where the delete happened
 * @what: what was deleted, for people: "Risk “Database migration”"
 */
void
rp_ui_toast_deleted (GtkWidget *widget, const char *what)
{
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  escaped = g_markup_escape_text (what != NULL ? what : "", -1);
  /* Translators: %s is what was deleted, e.g. "Risk “Outage”" */
  title = g_strdup_printf (_("%s deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
rp_ui_setup_text_view (GtkTextView *view, int margin)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_top_margin (view, margin);
  gtk_text_view_set_bottom_margin (view, margin);
  gtk_text_view_set_left_margin (view, margin);
  gtk_text_view_set_right_margin (view, margin);
}

GtkWidget *
rp_ui_text_area_new (const char *name, const char *label, int height)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_name (view, name);
  rp_ui_setup_text_view (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, height);
  gtk_widget_add_css_class (view, "rp-text-area");
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  gtk_widget_add_css_class (frame, "view");
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  return frame;
}

void
rp_ui_add_shortcut (GtkShortcutController *controller, guint key, GdkModifierType mods, GtkShortcutFunc func,
                    gpointer data, GVariant *args)
{
  GtkShortcut *shortcut =
      gtk_shortcut_new (gtk_keyval_trigger_new (key, mods), gtk_callback_action_new (func, data, NULL));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The -dark.css beside a sheet: its @define-colors win while the style is
 * dark (GTK 4.8's CSS cannot ask). */
static void
on_dark_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, GtkStyleProvider *dark)
{
  GdkDisplay *display = adw_style_manager_get_display (manager);

  if (adw_style_manager_get_dark (manager))
    gtk_style_context_add_provider_for_display (display, dark, GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  else
    gtk_style_context_remove_provider_for_display (display, dark);
}

void
rp_ui_ensure_css (GdkDisplay *display, const char *resource)
{
  g_autoptr (GtkCssProvider) provider = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dark_resource = NULL;

  g_return_if_fail (resource != NULL);

  /* Keyed by the sheet, so that the pages sharing one load it once. */
  if (display == NULL || g_object_get_data (G_OBJECT (display), resource) != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), g_intern_string (resource), g_steal_pointer (&provider),
                          g_object_unref);

  base =
      g_str_has_suffix (resource, ".css") ? g_strndup (resource, strlen (resource) - 4) : g_strdup (resource);
  dark_resource = g_strconcat (base, "-dark.css", NULL);
  if (g_resources_get_info (dark_resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    {
      AdwStyleManager *manager = adw_style_manager_get_for_display (display);
      g_autoptr (GtkCssProvider) dark = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (dark, dark_resource);
      g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed_cb), dark, 0);
      on_dark_changed_cb (manager, NULL, GTK_STYLE_PROVIDER (dark));
      g_object_set_data_full (G_OBJECT (display), g_intern_string (dark_resource), g_steal_pointer (&dark),
                              g_object_unref);
    }
}

void
rp_ui_list_box_place_row (GtkListBox *list, GtkWidget *row, int index)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  if (gtk_widget_get_parent (row) == GTK_WIDGET (list))
    {
      if (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) == index)
        return;
      g_object_ref (row);
      gtk_list_box_remove (list, row);
      gtk_list_box_insert (list, row, index);
      g_object_unref (row);
    }
  else
    gtk_list_box_insert (list, row, index);
}

void
rp_ui_list_box_remove_rows_not_in (GtkListBox *list, GHashTable *rows, GHashTable *seen)
{
  GHashTableIter iter;
  gpointer id, row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &id, &row))
    if (!g_hash_table_contains (seen, id))
      {
        gtk_list_box_remove (list, row);
        g_hash_table_iter_remove (&iter);
      }
}

void
rp_ui_set_pill (GtkWidget *label, const char *text, const char *style)
{
  const char *const styles[] = { "accent", "success", "warning", "error", "dim" };

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (GTK_LABEL (label), text);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (label, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

/* Two columns on wide windows, one above the other on narrow ones: a flow
 * box of two children measures itself height-for-width, so it wraps the
 * editor below the list when both do not fit side by side. */
GtkWidget *
rp_ui_columns_new (GtkWidget *first, GtkWidget *second)
{
  /* Groups, not a grid of cells: it lays out, it holds nothing to choose. */
  GtkWidget *flow = g_object_new (GTK_TYPE_FLOW_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *children[2] = { first, second };

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 24);
  gtk_widget_add_css_class (flow, "rp-columns");

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      GtkWidget *child =
          g_object_new (GTK_TYPE_FLOW_BOX_CHILD, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);

      gtk_widget_set_size_request (children[i], 300, -1);
      gtk_widget_set_valign (children[i], GTK_ALIGN_START);
      gtk_widget_set_hexpand (children[i], TRUE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), children[i]);
      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
    }
  return flow;
}

GtkWidget *
rp_ui_page_stack_new (const char *icon_name, const char *description, GtkWidget *content)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *viewport;

  gtk_stack_set_hhomogeneous (GTK_STACK (stack), FALSE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Release Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_stack_add_named (GTK_STACK (stack), status, "none");

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  /* Give the content its natural height, not its minimum: the lists in it
   * would otherwise shrink to their smallest and scroll on their own. */
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  gtk_scrollable_set_vscroll_policy (GTK_SCROLLABLE (viewport), GTK_SCROLL_NATURAL);
  gtk_stack_add_named (GTK_STACK (stack), scrolled, "page");
  return stack;
}

/* The row a screen reader moves between is the list's own item widget
 * (GTK 4.8 has no gtk_list_item_set_accessible_label ()), or a
 * GtkListBoxRow: name that, not the box inside it, which it would read
 * a second time. */
static GtkWidget *
find_row (GtkWidget *child)
{
  for (GtkWidget *row = child; row != NULL; row = gtk_widget_get_parent (row))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
      return row;
  return child;
}

void
rp_ui_set_row_label (GtkWidget *child, const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_accessible_update_property (GTK_ACCESSIBLE (find_row (child)), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* @description: (nullable): what the row says after its name, or NULL
 * for nothing */
void
rp_ui_set_row_description (GtkWidget *child, const char *description)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));

  row = find_row (child);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Names GTK 4.8 gets wrong, set right as each widget first shows. */

/* GTK 4.8 names a button with a mnemonic twice over: its accessible label
 * is the raw text ("_Delete Risk") and its label names it as well
 * ("Delete Risk"), so a screen reader says "underscore Delete Risk Delete
 * Risk". The label is the name: drop the raw text, now and whenever the
 * button's label changes (GTK sets it again). */
static void
on_mnemonic_label_changed_cb (GtkButton *button, GParamSpec *pspec, gpointer user_data)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
fix_button_name (GObject *object)
{
  if (!GTK_IS_BUTTON (object) || g_object_get_data (object, "rp-mnemonic-name") != NULL)
    return;
  g_object_set_data (object, "rp-mnemonic-name", GINT_TO_POINTER (TRUE));
  g_signal_connect (object, "notify::label", G_CALLBACK (on_mnemonic_label_changed_cb), NULL);
  g_signal_connect (object, "notify::use-underline", G_CALLBACK (on_mnemonic_label_changed_cb), NULL);
  on_mnemonic_label_changed_cb (GTK_BUTTON (object), NULL, NULL);
}

/* The buttons of a window that it holds but does not show yet (another
 * tab, a folded editor): a screen reader can list them already. */
static void
fix_button_names_below (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      fix_button_name (G_OBJECT (child));
      fix_button_names_below (child);
    }
}

static gboolean
on_widget_mapped_hook_cb (GSignalInvocationHint *hint, guint n_values, const GValue *values,
                          gpointer user_data)
{
  GObject *object = g_value_get_object (&values[0]);

  /* An icon without a tooltip is decoration (an entry row's pencil, a
   * combo row's arrow, the icon of a labelled button): GTK 4.8 would read
   * out "GtkImage". An icon that means something has a tooltip. */
  if (GTK_IS_IMAGE (object))
    gtk_accessible_update_state (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 !gtk_widget_get_has_tooltip (GTK_WIDGET (object)), -1);

  /* A GtkDropDown's button is what takes the focus, and GTK 4.8 leaves
   * it unnamed: the drop-down's name is its name. */
  if (GTK_IS_TOGGLE_BUTTON (object) && GTK_IS_DROP_DOWN (gtk_widget_get_parent (GTK_WIDGET (object))))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    gtk_widget_get_parent (GTK_WIDGET (object)), NULL, -1);

  fix_button_name (object);
  if (GTK_IS_ROOT (object))
    fix_button_names_below (GTK_WIDGET (object));
  return TRUE;
}

void
rp_ui_fix_mnemonic_names (void)
{
  static gsize done = 0;

  /* Every button, ours or libadwaita's (the responses of a message
   * dialog), when it first shows. */
  if (g_once_init_enter (&done))
    {
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_widget_mapped_hook_cb, NULL,
                                  NULL);
      g_once_init_leave (&done, 1);
    }
}
