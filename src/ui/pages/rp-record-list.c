/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-record-list.h"
#include "rp-ui-util.h"

guint
rp_record_list_find (GListModel *model, const char *id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), GTK_INVALID_LIST_POSITION);

  if (id == NULL)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (rp_record_get_id (record), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
rp_record_list_select (GtkSingleSelection *selection, const char *id)
{
  guint position;

  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));

  position = rp_record_list_find (gtk_single_selection_get_model (selection), id);
  if (gtk_single_selection_get_selected (selection) != position)
    gtk_single_selection_set_selected (selection, position);
}

/* Makes @items hold @records, replacing only what changed: the rows
 * before and after the first and last difference of ids stay (new
 * snapshots only where their values changed), the rest is spliced in.
 * So an edit redraws one row, an insert or a delete adds or removes one,
 * a move touches the rows between, and the list keeps its scroll
 * position and focus. */
void
rp_record_list_sync (GListStore *items, GPtrArray *records)
{
  GListModel *model = G_LIST_MODEL (items);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = records->len;
  guint prefix = 0, suffix = 0;

  while (prefix < MIN (n_old, n_new))
    {
      g_autoptr (RpRecord) old = g_list_model_get_item (model, prefix);

      if (g_strcmp0 (rp_record_get_id (old), rp_record_get_id (records->pdata[prefix])) != 0)
        break;
      prefix++;
    }
  while (suffix < MIN (n_old, n_new) - prefix)
    {
      g_autoptr (RpRecord) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (g_strcmp0 (rp_record_get_id (old),
                     rp_record_get_id (records->pdata[n_new - 1 - suffix])) != 0)
        break;
      suffix++;
    }

  /* From the end, so that the positions still to visit stay put. */
  for (guint j = 0; j < suffix; j++)
    {
      g_autoptr (RpRecord) old = g_list_model_get_item (model, n_old - 1 - j);

      if (!rp_record_equal (old, records->pdata[n_new - 1 - j]))
        g_list_store_splice (items, n_old - 1 - j, 1, &records->pdata[n_new - 1 - j], 1);
    }
  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_store_splice (items, prefix, n_old - prefix - suffix, &records->pdata[prefix],
                         n_new - prefix - suffix);
  for (guint i = 0; i < prefix; i++)
    {
      g_autoptr (RpRecord) old = g_list_model_get_item (model, i);

      if (!rp_record_equal (old, records->pdata[i]))
        g_list_store_splice (items, i, 1, &records->pdata[i], 1);
    }
}

guint
rp_record_list_move (GtkSingleSelection *selection, RpStore *store, RpEntity entity,
                     const char *id, int delta)
{
  guint position;
  guint n;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (RP_IS_STORE (store), GTK_INVALID_LIST_POSITION);

  position = gtk_single_selection_get_selected (selection);
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  if (id == NULL || position == GTK_INVALID_LIST_POSITION || (delta < 0 && position == 0) ||
      (delta > 0 && position + 1 >= n))
    return GTK_INVALID_LIST_POSITION;
  if (!rp_store_move (store, entity, id, position + delta, &error))
    g_warning ("%s", error->message);
  return position + delta;
}

void
rp_record_list_select_next (GtkSingleSelection *selection, guint position)
{
  guint n;

  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));

  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  if (n > 0 && position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, MIN (position, n - 1));
}

void
rp_record_list_add_shortcuts (GtkListView *list_view, GtkShortcutFunc delete_func,
                              GtkShortcutFunc move_func, gpointer data)
{
  GtkShortcutController *shortcuts;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  rp_ui_add_shortcut (shortcuts, GDK_KEY_Delete, 0, delete_func, data, NULL);
  rp_ui_add_shortcut (shortcuts, GDK_KEY_KP_Delete, 0, delete_func, data, NULL);
  rp_ui_add_shortcut (shortcuts, GDK_KEY_Up, GDK_ALT_MASK, move_func, data,
                      g_variant_new_int32 (-1));
  rp_ui_add_shortcut (shortcuts, GDK_KEY_Down, GDK_ALT_MASK, move_func, data,
                      g_variant_new_int32 (+1));
  gtk_widget_add_controller (GTK_WIDGET (list_view), GTK_EVENT_CONTROLLER (shortcuts));
}
