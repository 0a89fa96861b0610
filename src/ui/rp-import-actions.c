/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-file-chooser.h"
#include "rp-freeze-import-dialog.h"
#include "rp-import-actions.h"
#include "rp-window-private.h"

typedef struct
{
  RpWindow *window; /* owned */
  GBytes *data;
  char *name;
  char *summary; /* for the toast */
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->window);
  g_bytes_unref (pending->data);
  g_free (pending->name);
  g_free (pending->summary);
  g_free (pending);
}

static GtkWidget *
show_error (RpWindow *window, const char *name, const char *message)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the name of a file */
  heading = g_strdup_printf (_("Could Not Import “%s”"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, _("Nothing was changed."));
  gtk_widget_set_name (dialog, "import-error");
  if (message != NULL)
    {
      GtkWidget *label = gtk_label_new (message);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      /* one error a line, its JSON path whole: scrolled, never wrapped */
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_set_name (label, "import-errors");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* "2 releases added, 1 changed, 3 left alone" */
static char *
describe_counts (guint added, guint changed, guint unchanged, guint other, gboolean with_unchanged)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  if (added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u release added",
                                                          "%u releases added", added),
                                             added));
  if (changed > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (parts->len == 0 ? g_dngettext (GETTEXT_PACKAGE, "%u release changed",
                                                                     "%u releases changed", changed)
                                                      : g_dngettext (GETTEXT_PACKAGE, "%u changed",
                                                                     "%u changed", changed),
                                      changed));
  if (with_unchanged && unchanged > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (parts->len == 0 ? g_dngettext (GETTEXT_PACKAGE, "%u release left alone",
                                                                     "%u releases left alone", unchanged)
                                                      : g_dngettext (GETTEXT_PACKAGE, "%u left alone",
                                                                     "%u left alone", unchanged),
                                      unchanged));
  if (other > 0)
    /* Translators: people, freeze windows, templates, settings */
    g_ptr_array_add (parts, g_strdup (_("people or settings changed")));
  g_ptr_array_add (parts, NULL);
  text = g_strjoinv (_(", "), (char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return g_steal_pointer (&text);
}

static void
on_preview_response_cb (AdwMessageDialog *dialog, const char *response, Pending *pending)
{
  RpStore *store = rp_window_get_store (pending->window);
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *data;
  AdwToast *toast;

  if (!g_str_equal (response, "import"))
    return;

  data = g_bytes_get_data (pending->data, &length);
  if (!rp_format_json_import (store, data, length, &error))
    {
      show_error (pending->window, pending->name, error->message);
      return;
    }
  toast = adw_toast_new (pending->summary);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _rp_window_add_toast (pending->window, toast);
}

/**
 * _rp_import_plan_preview:
 *
 * Returns: (transfer none): the dialog: the preview, or the errors
 */
GtkWidget *
_rp_import_plan_preview (RpWindow *window, const char *name, GBytes *data)
{
  RpStore *store = rp_window_get_store (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (RpPlan) old_plan = NULL;
  g_autoptr (RpPlan) new_plan = NULL;
  g_autoptr (RpPlanDiff) diff = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *details = NULL;
  guint added, changed, unchanged, other;
  gsize length;
  const char *bytes = g_bytes_get_data (data, &length);
  Pending *pending;
  GtkWidget *dialog;

  g_return_val_if_fail (RP_IS_WINDOW (window), NULL);

  old_plan = rp_plan_new_from_store (store, &error);
  if (old_plan != NULL)
    new_plan = rp_plan_new_import_preview (store, bytes != NULL ? bytes : "", length, &error);
  if (new_plan == NULL)
    return show_error (window, name, error->message);

  diff = rp_plan_diff_new (old_plan, new_plan);
  rp_plan_diff_count_releases (diff, new_plan, &added, &changed, &unchanged, &other);
  if (rp_plan_diff_get_n_changes (diff) == 0)
    {
      /* Translators: %s is the name of a plan file */
      heading = g_strdup_printf (_("Nothing to Import from “%s”"), name);
      dialog = adw_message_dialog_new (GTK_WINDOW (window), heading,
                                       _("The plan already holds everything in this file."));
      gtk_widget_set_name (dialog, "import-nothing");
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }

  pending = g_new0 (Pending, 1);
  pending->window = g_object_ref (window);
  pending->data = g_bytes_ref (data);
  pending->name = g_strdup (name);
  pending->summary = describe_counts (added, changed, unchanged, other, FALSE);

  /* Translators: %s is the name of a plan file */
  heading = g_strdup_printf (_("Import “%s”?"), name);
  body = describe_counts (added, changed, unchanged, other, TRUE);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
  gtk_widget_set_name (dialog, "import-preview");
  details = rp_plan_diff_to_text (diff);
  if (details != NULL && *details != '\0')
    {
      GtkWidget *label = gtk_label_new (g_strchomp (details));
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_name (label, "import-changes");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import",
                                    _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_preview_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_plan_chosen_cb (GFile *file, gpointer user_data)
{
  RpWindow *window = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  bytes = rp_file_load_at_most (file, RP_PLAN_MAX_BYTES, &error);
  if (bytes == NULL)
    {
      show_error (window, name, error->message);
      return;
    }
  _rp_import_plan_preview (window, name, bytes);
}

static void
import_plan_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpWindow *window = user_data;

  rp_file_chooser_open (GTK_WIDGET (window), _("Import Plan File"), _("Plan files"), "json",
                        on_plan_chosen_cb, g_object_ref (window), g_object_unref);
}

static void
import_freezes_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RpWindow *window = user_data;

  rp_freeze_import_choose (GTK_WIDGET (window), rp_window_get_store (window));
}

/**
 * rp_import_actions_install:
 *
 * Adds the action group "import" to @window.
 */
void
rp_import_actions_install (RpWindow *window)
{
  const GActionEntry entries[] = {
    { "plan", import_plan_activated },
    { "freezes", import_freezes_activated },
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();

  g_return_if_fail (RP_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "import", G_ACTION_GROUP (group));
}
