/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-time-zones.h"

gboolean
rp_ui_is_time_zone (const char *id)
{
  g_autoptr (GTimeZone) zone = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  /* Since GLib 2.68 an unknown identifier gives NULL, not UTC. An offset
   * ("+02:00") is a zone to GLib but not a name of the database: only
   * names are taken. */
  if (*id == '\0' || *id == '+' || *id == '-' || strchr (id, ' ') != NULL)
    return FALSE;
  zone = g_time_zone_new_identifier (id);
  return zone != NULL;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

GtkStringList *
rp_ui_time_zones_new (void)
{
  const char *const tables[] = { "/usr/share/zoneinfo/zone.tab", "/usr/share/zoneinfo/zone1970.tab" };
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkStringList *list = gtk_string_list_new (NULL);
  const char *tzdir = g_getenv ("TZDIR");

  for (guint t = 0; t < G_N_ELEMENTS (tables) && names->len == 0; t++)
    {
      g_autofree char *path =
          tzdir != NULL ? g_build_filename (tzdir, strrchr (tables[t], '/') + 1, NULL) : g_strdup (tables[t]);
      g_autofree char *text = NULL;
      g_auto (GStrv) lines = NULL;

      if (!g_file_get_contents (path, &text, NULL, NULL))
        continue;
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto (GStrv) fields = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          fields = g_strsplit (lines[i], "\t", 4);
          if (g_strv_length (fields) < 3 || g_hash_table_contains (seen, fields[2]))
            continue;
          g_ptr_array_add (names, g_strdup (fields[2]));
          g_hash_table_add (seen, names->pdata[names->len - 1]);
        }
    }
  g_ptr_array_sort (names, compare_strings);
  gtk_string_list_append (list, "UTC");
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, names->pdata[i]);
  return list;
}
