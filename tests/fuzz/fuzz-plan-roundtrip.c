/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rp-format-json.h"
#include "rp-store.h"

/* Any bytes imported as a plan into an empty store in memory, then:
 * - a refused import leaves the store as it was (all or nothing);
 * - an accepted one exports to a plan that imports again, into another
 *   empty store (which exports the same bytes) and into the same store
 *   (which then still exports them);
 * - undoing every step gives back the empty store's export, redoing them
 *   all the plan's.
 * No crash, no read out of bounds, no leak, no GLib warning on the way.
 *
 * The two stores are made once and emptied again by undo after each input
 * (which is checked, so each input starts from the same export): making a
 * store runs every migration, two thirds of the time of a run. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* At most this many undo steps: the import and the import of its export. */
#define MAX_STEPS 4

static RpStore *store, *other;
static char *empty;

static RpStore *
open_store (void)
{
  g_autoptr (GError) error = NULL;
  RpStore *made = rp_store_open_memory (&error);

  if (made == NULL)
    rp_fuzz_fail ("no store in memory: %s", error->message);
  return made;
}

static char *export(RpStore *from, const char *when)
{
  g_autoptr (GError) error = NULL;
  char *json = rp_format_json_export (from, NULL, &error);

  if (json == NULL)
    rp_fuzz_fail ("the export %s failed: %s", when, error->message);
  return json;
}

static void
same (const char *got, const char *wanted, const char *what)
{
  if (strcmp (got, wanted) != 0)
    rp_fuzz_fail ("%s: the export differs\n--- wanted\n%s\n--- got\n%s", what, wanted, got);
}

static void
import (RpStore *into, const char *json, const char *what)
{
  g_autoptr (GError) error = NULL;

  if (!rp_format_json_import (into, json, strlen (json), &error))
    rp_fuzz_fail ("%s: the export does not import: %s\n%s", what, error->message, json);
}

/* Undoes every step (at most MAX_STEPS) and checks the store is empty
 * again; returns how many there were. */
static guint
undo_all (RpStore *from, const char *what)
{
  g_autofree char *undone = NULL;
  guint steps = 0;

  while (rp_store_can_undo (from))
    {
      g_autoptr (GError) error = NULL;

      if (++steps > MAX_STEPS)
        rp_fuzz_fail ("%s: more than %d undo steps", what, MAX_STEPS);
      if (!rp_store_undo (from, &error))
        rp_fuzz_fail ("%s: undo %u failed: %s", what, steps, error->message);
    }
  undone = export(from, "after undoing");
  same (undone, empty, what);
  return steps;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  rp_fuzz_init ();
  store = open_store ();
  other = open_store ();
  empty = export(store, "of the empty store");
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *input = g_memdup2 (data, size);
  guint steps;

  if (!rp_format_json_import (store, input, size, &error))
    {
      g_autofree char *after = export(store, "after a refused import");

      if (error == NULL || error->message[0] == '\0')
        rp_fuzz_fail ("an import was refused without a message");
      same (after, empty, "a refused import");
      if (rp_store_can_undo (store))
        rp_fuzz_fail ("a refused import left an undo step");
      return 0;
    }

  first = export(store, "of the import");

  /* Into another store: the same plan, byte for byte. */
  {
    g_autofree char *again = NULL;

    import (other, first, "into another store");
    again = export(other, "of the re-import");
    same (again, first, "re-import into another store");
    undo_all (other, "undoing the re-import into another store");
  }

  /* Into the same store: nothing changes. */
  {
    g_autofree char *again = NULL;

    import (store, first, "into the same store");
    again = export(store, "of the import over itself");
    same (again, first, "re-import into the same store");
  }

  steps = undo_all (store, "undoing both imports");
  while (rp_store_can_redo (store))
    {
      g_autoptr (GError) redo_error = NULL;

      if (steps-- == 0)
        rp_fuzz_fail ("more redo steps than undo steps");
      if (!rp_store_redo (store, &redo_error))
        rp_fuzz_fail ("redo failed: %s", redo_error->message);
    }
  {
    g_autofree char *redone = export(store, "after redoing");

    same (redone, first, "redoing both imports");
  }
  /* Empty again for the next input. */
  undo_all (store, "undoing both imports after redoing them");
  return 0;
}
