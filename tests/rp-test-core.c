/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-format-json-private.h"
#include "rp-test-core.h"

RpStore *
rp_test_open_store_at (const char *path)
{
  g_autoptr (GError) error = NULL;
  RpStore *store = rp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A store of its own: G_TEST_OPTION_ISOLATE_DIRS gives every test its
 * own data dir. */
RpStore *
rp_test_open_store (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.db", NULL);

  return rp_test_open_store_at (path);
}

/* The node at @path in @root; *parent is the array or object that holds
 * it, with its *key (object) or *index (array, else G_MAXUINT). The last
 * member may be missing (NULL) when it is to be set. */
static JsonNode *
node_at_path (JsonNode *root, const char *path, JsonNode **parent, char **key, guint *index)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i]; i++)
    {
      char *bracket = strchr (parts[i], '[');
      guint at = 0;

      if (bracket != NULL)
        {
          at = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);
          *bracket = '\0';
        }
      *parent = node;
      g_free (*key);
      *key = g_strdup (parts[i]);
      *index = G_MAXUINT;
      node = json_object_get_member (json_node_get_object (node), parts[i]);
      if (node == NULL && parts[i + 1] == NULL && bracket == NULL)
        return NULL;
      if (node == NULL)
        g_error ("rp_test_edit_json: no “%s” in “%s”", parts[i], path);
      if (bracket != NULL)
        {
          *parent = node;
          *index = at;
          node = json_array_get_element (json_node_get_array (node), at);
        }
    }
  return node;
}

static JsonNode *
parse_value (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_error ("rp_test_edit_json: “%s”: %s", text, error->message);
  return json_node_copy (json_parser_get_root (parser));
}

char *
rp_test_edit_json (const char *json, const char *const *edits)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  GString *out = g_string_new (NULL);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, &error))
    g_error ("rp_test_edit_json: %s", error->message);
  root = json_parser_get_root (parser);
  for (guint i = 0; edits && edits[i]; i++)
    {
      gboolean remove = edits[i][0] == '-';
      g_autofree char *path = g_strdup (edits[i] + (remove ? 1 : 0));
      char *op = path + strcspn (path, "+=>");
      char kind = *op;
      const char *value = kind == '+' ? op + 2 : op + 1;
      g_autofree char *key = NULL;
      JsonNode *parent = NULL;
      JsonNode *node;
      guint index;

      *op = '\0';
      node = node_at_path (root, path, &parent, &key, &index);
      if (remove)
        json_array_remove_element (json_node_get_array (parent), index);
      else if (kind == '+')
        json_array_add_element (json_node_get_array (node), parse_value (value));
      else if (kind == '>')
        {
          JsonArray *array = json_node_get_array (parent);
          g_autoptr (GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
          guint to = (guint) g_ascii_strtoull (value, NULL, 10);

          for (guint j = 0; j < json_array_get_length (array); j++)
            g_ptr_array_add (elements, json_node_ref (json_array_get_element (array, j)));
          while (json_array_get_length (array) > 0)
            json_array_remove_element (array, 0);
          g_ptr_array_insert (elements, (gint) to, g_ptr_array_steal_index (elements, index));
          for (guint j = 0; j < elements->len; j++)
            json_array_add_element (array, json_node_ref (elements->pdata[j]));
        }
      else
        {
          g_assert (kind == '=' && index == G_MAXUINT);
          json_object_set_member (json_node_get_object (parent), key, parse_value (value));
        }
    }
  _rp_format_json_emit_node (out, root, 0, TRUE);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
