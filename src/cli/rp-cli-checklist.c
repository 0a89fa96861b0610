/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rp-cli-private.h"

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "done") == 0)
    return _("done");
  if (g_strcmp0 (state, "na") == 0)
    return _("not applicable");
  return _("open");
}

/* tick */

/**
 * rp_cli_cmd_tick:
 *
 * release-planner tick RELEASE ITEM [--state done|open|na]
 *
 * Exit status: 0 when the item has the state asked for (changed or not),
 * 1 when ITEM names no item or several (the candidates are listed, nothing
 * changes), 2 for every other error.
 */
int
rp_cli_cmd_tick (RpCli *cli, int argc, char **argv)
{
  g_autofree char *state = NULL;
  const GOptionEntry entries[] = { { "state", 's', 0, G_OPTION_ARG_STRING, &state,
                                     N_("done (default), open, or na (not applicable)"), "STATE" },
                                   { NULL } };
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      _("RELEASE ITEM"),
      _("Set the state of a checklist item. RELEASE is a name, a version or an id; ITEM is an item’s id, "
         "or the start of its text (ignoring case) if that names a single item."));
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (RpRecord) item = NULL;
  g_autoptr (RpRecord) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before_state = NULL;
  RpProgress progress;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 2, 2))
    return 2;
  if (state == NULL)
    state = g_strdup ("done");
  if (!rp_strv_contains_static (rp_item_states, state))
    {
      rp_cli_error (_("tick: --state must be done, open or na, not “%s”"), state);
      return 2;
    }
  if ((release = rp_cli_find_release (cli, argv[1])) == NULL || !rp_cli_check_text (_("ITEM"), argv[2]))
    return 2;

  item = rp_checklist_find_item (cli->store, rp_record_get_id (release), argv[2], &error);
  if (item == NULL)
    {
      rp_cli_error ("%s", error->message);
      if (g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_AMBIGUOUS) ||
          g_error_matches (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND))
        return 1;
      return 2;
    }

  before_state = g_strdup (rp_item_state_to_string (rp_checklist_item_get_state (RP_CHECKLIST_ITEM (item))));
  if (g_strcmp0 (before_state, state) == 0)
    {
      printf (_("“%s” is %s already; nothing changed.\n"),
              rp_checklist_item_get_text (RP_CHECKLIST_ITEM (item)), state_label (state));
      return 0;
    }
  if (!rp_checklist_set_state (cli->store, rp_record_get_id (item), state, &error))
    {
      rp_cli_error ("%s", error->message);
      return 2;
    }

  rp_checklist_progress (cli->store, rp_record_get_id (release), NULL, &progress);
  after = rp_store_get (cli->store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (item), NULL);
  printf (_("“%s”: %s → %s"), rp_checklist_item_get_text (RP_CHECKLIST_ITEM (item)),
          state_label (before_state), state_label (state));
  if (after != NULL && rp_checklist_item_get_done_at (RP_CHECKLIST_ITEM (after)) != NULL)
    printf (_(" at %s"), rp_checklist_item_get_done_at (RP_CHECKLIST_ITEM (after)));
  printf ("\n");
  printf (_("Checklist of “%s”: %u of %u complete.\n"), rp_release_get_name (RP_RELEASE (release)),
          progress.done + progress.na, progress.total);
  return 0;
}

/* templates */

int
rp_cli_cmd_templates (RpCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = rp_cli_command_context (
      NULL, _("List the checklist templates with their ids and the number of sections and items. "
               "“release-planner new NAME --template T” starts a release from one, by name or id."));
  g_autoptr (GPtrArray) templates = NULL;
  int width = 0;

  if (!rp_cli_parse (context, &argc, &argv) || !rp_cli_expect_args (argc, argv, 0, 0))
    return 2;
  /* The built-in templates are worth listing before the first release:
   * this one reader may make the database. */
  cli->creates = TRUE;
  if (rp_cli_open_store (cli) == NULL)
    return 2;

  templates = rp_store_list (cli->store, RP_ENTITY_TEMPLATE, NULL);
  if (templates->len == 0)
    {
      printf ("%s\n", _("No checklist templates."));
      return 0;
    }

  width = g_utf8_strlen (_("NAME"), -1);
  for (guint i = 0; i < templates->len; i++)
    width = MAX (width, (int) g_utf8_strlen (rp_template_get_name (templates->pdata[i]), -1));

  /* printf pads bytes, not characters: pad by hand for non-ASCII names. */
  for (guint i = 0; i <= templates->len; i++)
    {
      g_autofree char *sections_text = NULL;
      g_autofree char *items_text = NULL;
      const char *name;
      const char *id;
      guint n_items = 0;

      if (i == 0)
        {
          name = _("NAME");
          id = _("ID");
          sections_text = g_strdup (_("SECTIONS"));
          items_text = g_strdup (_("ITEMS"));
        }
      else
        {
          RpRecord *t = templates->pdata[i - 1];
          g_autoptr (GPtrArray) sections =
              rp_store_list (cli->store, RP_ENTITY_TEMPLATE_SECTION, rp_record_get_id (t));

          for (guint s = 0; s < sections->len; s++)
            {
              g_autoptr (GPtrArray) items =
                  rp_store_list (cli->store, RP_ENTITY_TEMPLATE_ITEM, rp_record_get_id (sections->pdata[s]));
              n_items += items->len;
            }
          name = rp_template_get_name (RP_TEMPLATE (t));
          id = rp_record_get_id (t);
          sections_text = g_strdup_printf ("%u", sections->len);
          items_text = g_strdup_printf ("%u", n_items);
        }
      printf ("%s%*s  %-36s  %8s  %5s\n", name, width - (int) g_utf8_strlen (name, -1), "", id, sections_text,
              items_text);
    }
  return 0;
}
