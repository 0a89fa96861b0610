/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-file-chooser.h"

typedef struct
{
  RpFileChosenFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} Chosen;

/* The folder of the last file chosen to save to, for the next one. */
static GFile *last_folder;
static char *last_name;
static GFile *next_answer;
static gboolean answer_next;

static void
chosen_free (Chosen *chosen)
{
  if (chosen->destroy != NULL)
    chosen->destroy (chosen->user_data);
  g_free (chosen);
}

static void
on_response_cb (GtkNativeDialog *dialog, int response, Chosen *chosen)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    g_set_object (&last_folder, g_file_get_parent (file));

  chosen->func (file, chosen->user_data);
  chosen_free (chosen);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
run (GtkFileChooserNative *native, RpFileChosenFunc func, gpointer user_data, GDestroyNotify destroy)
{
  Chosen *chosen = g_new0 (Chosen, 1);

  chosen->func = func;
  chosen->user_data = user_data;
  chosen->destroy = destroy;

  if (answer_next)
    {
      g_autoptr (GFile) file = g_steal_pointer (&next_answer);

      answer_next = FALSE;
      g_object_unref (native);
      func (file, user_data);
      chosen_free (chosen);
      return;
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_response_cb), chosen);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static GtkWindow *
window_of (GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * rp_file_chooser_save:
 * @parent: (nullable): a widget of the window the chooser belongs to
 * @default_name: the file name to suggest
 * @func: called once, with the file or %NULL
 */
void
rp_file_chooser_save (GtkWidget *parent, const char *title, const char *default_name, RpFileChosenFunc func,
                      gpointer user_data, GDestroyNotify destroy)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (func != NULL);

  native = gtk_file_chooser_native_new (title, window_of (parent), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                        _("_Cancel"));
  g_free (last_name);
  last_name = g_strdup (default_name);
  if (last_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), last_folder, NULL);
  if (default_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), default_name);
  run (native, func, user_data, destroy);
}

/**
 * rp_file_chooser_open:
 * @parent: (nullable): a widget of the window the chooser belongs to
 * @func: called once, with the file or %NULL
 */
void
rp_file_chooser_open (GtkWidget *parent, const char *title, const char *filter_name, const char *suffix,
                      RpFileChosenFunc func, gpointer user_data, GDestroyNotify destroy)
{
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (suffix != NULL);
  g_return_if_fail (func != NULL);

  native = gtk_file_chooser_native_new (title, window_of (parent), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  run (native, func, user_data, destroy);
}

/**
 * rp_file_write_atomically:
 *
 * Returns: whether @file now holds @bytes; on failure it is as it was
 */
gboolean
rp_file_write_atomically (GFile *file, GBytes *bytes, GError **error)
{
  g_autofree char *path = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  path = g_file_get_path (file);
  /* g_file_set_contents always writes a temporary file and renames it
   * over the target (GFile's replace writes a new file in place). */
  if (path != NULL)
    return g_file_set_contents_full (path, data != NULL ? data : "", size, G_FILE_SET_CONTENTS_CONSISTENT,
                                     0644, error);

  return g_file_replace_contents (file, data != NULL ? data : "", size, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/**
 * rp_file_load_at_most:
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
rp_file_load_at_most (GFile *file, gsize max_bytes, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > max_bytes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file is larger than %u MiB."),
                   (guint) (max_bytes / (1024 * 1024)));
      return NULL;
    }
  return g_file_load_bytes (file, NULL, NULL, error);
}

void
_rp_file_chooser_answer_next (GFile *file)
{
  g_set_object (&next_answer, file);
  answer_next = TRUE;
}

const char *
_rp_file_chooser_get_last_name (void)
{
  return last_name;
}
