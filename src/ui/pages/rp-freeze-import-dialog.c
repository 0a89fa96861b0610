/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-file-chooser.h"
#include "rp-freeze-import-dialog.h"
#include "rp-readiness-ui.h"
#include "rp-ui-util.h"

#define STATE_KEY "rp-freeze-import"

typedef struct
{
  RpStore *store;
  GBytes *data;
  char *name;
  RpIcsFreezeImport *import; /* for the range shown, or NULL when it cannot be read */
  GtkWidget *toast_parent;   /* borrowed: a widget under the toast overlay, weak */

  /* borrowed: widgets of the dialog */
  AdwMessageDialog *dialog;
  RpDateRow *from_row;
  RpDateRow *to_row;
  GtkListBox *preview;
  GtkLabel *summary;
} State;

static void
state_free (State *state)
{
  g_clear_object (&state->store);
  g_clear_pointer (&state->data, g_bytes_unref);
  g_clear_pointer (&state->import, rp_ics_freeze_import_free);
  if (state->toast_parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (state->toast_parent), (gpointer *) &state->toast_parent);
  g_free (state->name);
  g_free (state);
}

static void
show_error (GtkWidget *parent, const char *name, const char *message)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the name of a file */
  heading = g_strdup_printf (_("Could Not Import “%s”"), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message);
  gtk_widget_set_name (dialog, "freeze-import-error");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_window_row (RpFreezeWindow *window, const char *what)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *first = rp_ui_format_date (rp_freeze_window_get_start_date (window));
  g_autofree char *last = rp_ui_format_date (rp_freeze_window_get_end_date (window));
  g_autofree char *days = NULL;
  GtkWidget *label = gtk_label_new (what);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_freeze_window_get_name (window));
  if (g_strcmp0 (rp_freeze_window_get_start_date (window), rp_freeze_window_get_end_date (window)) == 0)
    days = g_strdup (first);
  else
    /* Translators: the first and last days of a freeze window */
    days = g_strdup_printf (_("%s – %s"), first, last);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), days);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "rp-window", g_object_ref (window), g_object_unref);
  return row;
}

/* By first day, then last day, then name. */
static int
compare_rows (gconstpointer a, gconstpointer b)
{
  RpFreezeWindow *x = g_object_get_data (G_OBJECT (*(GtkWidget **) a), "rp-window");
  RpFreezeWindow *y = g_object_get_data (G_OBJECT (*(GtkWidget **) b), "rp-window");
  int c = g_strcmp0 (rp_freeze_window_get_start_date (x), rp_freeze_window_get_start_date (y));

  if (c == 0)
    c = g_strcmp0 (rp_freeze_window_get_end_date (x), rp_freeze_window_get_end_date (y));
  if (c == 0)
    c = g_utf8_collate (rp_freeze_window_get_name (x), rp_freeze_window_get_name (y));
  return c;
}

static void
update_preview (State *state)
{
  g_autoptr (GDate) from = rp_date_parse (rp_date_row_get_date (state->from_row));
  g_autoptr (GDate) to = rp_date_parse (rp_date_row_get_date (state->to_row));
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  gsize length;
  const char *data = g_bytes_get_data (state->data, &length);
  guint n_new;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (state->preview))) != NULL)
    gtk_list_box_remove (state->preview, child);
  g_clear_pointer (&state->import, rp_ics_freeze_import_free);

  if (from == NULL || to == NULL || g_date_compare (from, to) > 0)
    {
      gtk_label_set_text (state->summary, _("Choose the first and the last day to import."));
      adw_message_dialog_set_response_enabled (state->dialog, "add", FALSE);
      return;
    }

  state->import = rp_format_ics_read_freezes (state->store, data, length, from, to, &error);
  if (state->import == NULL)
    {
      gtk_label_set_text (state->summary, error->message);
      adw_message_dialog_set_response_enabled (state->dialog, "add", FALSE);
      return;
    }

  /* in the order of their days, as a calendar shows them, not in the
   * file's order of events with their occurrences after them */
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();

    for (guint i = 0; i < state->import->added->len; i++)
      g_ptr_array_add (rows, make_window_row (state->import->added->pdata[i], _("New")));
    for (guint i = 0; i < state->import->changed->len; i++)
      g_ptr_array_add (rows, make_window_row (state->import->changed->pdata[i], _("Changed")));
    g_ptr_array_sort (rows, compare_rows);
    for (guint i = 0; i < rows->len; i++)
      gtk_list_box_append (state->preview, rows->pdata[i]);
  }
  gtk_widget_set_visible (GTK_WIDGET (state->preview),
                          gtk_widget_get_first_child (GTK_WIDGET (state->preview)) != NULL);

  n_new = state->import->added->len + state->import->changed->len;
  if (n_new == 0 && state->import->unchanged > 0)
    /* Translators: the preview of a calendar import that would add nothing */
    summary = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Nothing to add: its %u freeze window in these days is already there.",
                     "Nothing to add: its %u freeze windows in these days are already there.",
                     state->import->unchanged),
        state->import->unchanged);
  else if (n_new == 0)
    summary = g_strdup (_("The file has no events in these days."));
  else
    {
      GString *text = g_string_new (NULL);

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u new freeze window", "%u new freeze windows",
                                           state->import->added->len),
                              state->import->added->len);
      if (state->import->changed->len > 0)
        g_string_append_printf (text,
                                g_dngettext (GETTEXT_PACKAGE, ", %u changed", ", %u changed",
                                             state->import->changed->len),
                                state->import->changed->len);
      if (state->import->unchanged > 0)
        g_string_append_printf (text,
                                g_dngettext (GETTEXT_PACKAGE, ", %u already there", ", %u already there",
                                             state->import->unchanged),
                                state->import->unchanged);
      g_string_append_c (text, '.');
      summary = g_string_free (text, FALSE);
    }
  gtk_label_set_text (state->summary, summary);
  adw_message_dialog_set_response_enabled (state->dialog, "add", n_new > 0);
}

static void
on_range_changed_cb (RpDateRow *row, GParamSpec *pspec, State *state)
{
  update_preview (state);
}

/* The overlay above @widget, or else the first one in it (@widget is a
 * window). */
static GtkWidget *
find_toast_overlay (GtkWidget *widget)
{
  GtkWidget *found = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); found == NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    found = ADW_IS_TOAST_OVERLAY (child) ? child : find_toast_overlay (child);
  return found;
}

static void
toast (State *state, guint added, guint changed)
{
  GtkWidget *overlay = state->toast_parent != NULL ? find_toast_overlay (state->toast_parent) : NULL;
  g_autofree char *title = NULL;
  AdwToast *t;

  if (overlay == NULL)
    return;
  if (changed == 0)
    /* Translators: a toast after a calendar import */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u freeze window added",
                                          "%u freeze windows added", added),
                             added);
  else
    /* Translators: a toast after a calendar import: added, changed */
    title = g_strdup_printf (_("%u freeze windows added, %u changed"), added, changed);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo");
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
}

static void
on_response_cb (AdwMessageDialog *dialog, const char *response, State *state)
{
  g_autoptr (GError) error = NULL;
  guint added, changed;

  if (!g_str_equal (response, "add") || state->import == NULL)
    return;

  added = state->import->added->len;
  changed = state->import->changed->len;
  if (!rp_format_ics_apply_freezes (state->store, state->import, &error))
    {
      show_error (state->toast_parent, state->name, error->message);
      return;
    }
  toast (state, added, changed);
}

/**
 * rp_freeze_import_dialog_new:
 * @parent: a widget of the window the dialog belongs to, under the toast
 *   overlay that says what was added
 * @name: the file's name, to show
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
rp_freeze_import_dialog_new (GtkWidget *parent, RpStore *store, const char *name, GBytes *data)
{
  GtkRoot *root;
  State *state;
  GtkWidget *box, *range, *scrolled;
  g_autofree char *heading = NULL;
  g_autoptr (GDate) from = g_date_new ();
  g_autoptr (GDate) to = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  root = gtk_widget_get_root (parent);
  state = g_new0 (State, 1);
  state->store = g_object_ref (store);
  state->data = g_bytes_ref (data);
  state->name = g_strdup (name);
  state->toast_parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &state->toast_parent);

  /* Translators: %s is the name of a calendar file */
  heading = g_strdup_printf (_("Import Freeze Windows from “%s”"), name);
  state->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
      _("Each event in these days becomes a freeze window, recurring events once per occurrence.")));
  gtk_widget_set_name (GTK_WIDGET (state->dialog), "freeze-import");
  g_object_set_data_full (G_OBJECT (state->dialog), STATE_KEY, state, (GDestroyNotify) state_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  range = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (range), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (range, "boxed-list");
  state->from_row = RP_DATE_ROW (rp_date_row_new (_("First Day")));
  state->to_row = RP_DATE_ROW (rp_date_row_new (_("Last Day")));
  gtk_widget_set_name (GTK_WIDGET (state->from_row), "freeze-import-from");
  gtk_widget_set_name (GTK_WIDGET (state->to_row), "freeze-import-to");
  rp_date_row_set_clearable (state->from_row, FALSE);
  rp_date_row_set_clearable (state->to_row, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (range), GTK_WIDGET (state->from_row));
  gtk_list_box_append (GTK_LIST_BOX (range), GTK_WIDGET (state->to_row));
  gtk_box_append (GTK_BOX (box), range);

  state->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (state->summary, TRUE);
  gtk_label_set_xalign (state->summary, 0);
  gtk_widget_set_name (GTK_WIDGET (state->summary), "freeze-import-summary");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (state->summary));

  state->preview = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (state->preview, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (state->preview), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (state->preview), "freeze-import-preview");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (state->preview));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (state->dialog, box);

  adw_message_dialog_add_responses (state->dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (state->dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (state->dialog, "add");
  adw_message_dialog_set_close_response (state->dialog, "cancel");
  g_signal_connect (state->dialog, "response", G_CALLBACK (on_response_cb), state);

  /* As the command line: a year from today (the window's today, as the
   * readiness card has it). */
  rp_ui_get_today (from);
  to = g_date_copy (from);
  g_date_add_years (to, 1);
  g_date_subtract_days (to, 1);
  from_iso = rp_date_format (from);
  to_iso = rp_date_format (to);
  rp_date_row_set_date (state->from_row, from_iso);
  rp_date_row_set_date (state->to_row, to_iso);
  g_signal_connect (state->from_row, "notify::date", G_CALLBACK (on_range_changed_cb), state);
  g_signal_connect (state->to_row, "notify::date", G_CALLBACK (on_range_changed_cb), state);
  update_preview (state);

  gtk_window_present (GTK_WINDOW (state->dialog));
  return GTK_WIDGET (state->dialog);
}

void
_rp_freeze_import_dialog_set_range (GtkWidget *dialog, const char *from, const char *to)
{
  State *state = g_object_get_data (G_OBJECT (dialog), STATE_KEY);

  g_return_if_fail (state != NULL);

  rp_date_row_pick_date (state->from_row, from);
  rp_date_row_pick_date (state->to_row, to);
}

typedef struct
{
  GtkWidget *parent; /* owned */
  RpStore *store;    /* owned */
} Choose;

static void
choose_free (Choose *choose)
{
  g_object_unref (choose->parent);
  g_object_unref (choose->store);
  g_free (choose);
}

static void
on_calendar_chosen_cb (GFile *file, gpointer user_data)
{
  Choose *choose = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  bytes = rp_file_load_at_most (file, RP_ICS_MAX_BYTES, &error);
  if (bytes == NULL)
    {
      show_error (choose->parent, name, error->message);
      return;
    }
  rp_freeze_import_dialog_new (choose->parent, choose->store, name, bytes);
}

/**
 * rp_freeze_import_choose:
 * @parent: a widget of the window, under its toast overlay
 */
void
rp_freeze_import_choose (GtkWidget *parent, RpStore *store)
{
  Choose *choose;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RP_IS_STORE (store));

  choose = g_new0 (Choose, 1);
  choose->parent = g_object_ref (parent);
  choose->store = g_object_ref (store);
  rp_file_chooser_open (parent, _("Import Freeze Windows"), _("Calendar files"), "ics",
                        on_calendar_chosen_cb, choose, (GDestroyNotify) choose_free);
}
