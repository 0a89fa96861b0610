/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-search.h"
#include "rp-store-private.h"

/* How much of a long text a match shows, in characters, and how many of
 * them come before the match. */
#define SNIPPET_CHARS 60
#define SNIPPET_LEAD 20

struct _RpSearchMatch
{
  gatomicrefcount ref_count;
  char *release_id;
  RpEntity entity;
  char *id;
  const char *field;
  char *snippet;
};

G_DEFINE_BOXED_TYPE (RpSearchMatch, rp_search_match, rp_search_match_ref, rp_search_match_unref)

RpSearchMatch *
rp_search_match_ref (RpSearchMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_search_match_unref (RpSearchMatch *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->release_id);
  g_free (self->id);
  g_free (self->snippet);
  g_free (self);
}

const char *
rp_search_match_get_release_id (RpSearchMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->release_id;
}

/**
 * rp_search_match_get_entity:
 *
 * Returns: what matched: RP_ENTITY_RELEASE for its name or version, else
 *   a scope item, risk, dependency or checklist item of the release
 */
RpEntity
rp_search_match_get_entity (RpSearchMatch *self)
{
  g_return_val_if_fail (self != NULL, RP_N_ENTITIES);

  return self->entity;
}

/**
 * rp_search_match_get_id:
 *
 * Returns: the id of the row that matched (the release's for its name)
 */
const char *
rp_search_match_get_id (RpSearchMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

/**
 * rp_search_match_get_field:
 *
 * Returns: the column whose text matched: "name", "version", "title" or
 *   "text"
 */
const char *
rp_search_match_get_field (RpSearchMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->field;
}

/**
 * rp_search_match_get_snippet:
 *
 * Returns: the text that matched, on one line; a long one cut to the part
 *   around the match, with "…" where it was cut
 */
const char *
rp_search_match_get_snippet (RpSearchMatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->snippet;
}

/* What is searched, in the order a release's matches are preferred: its
 * name first (the row shows it already), its checklist last. */
static const struct
{
  RpEntity entity;
  const char *field;
} kinds[] = {
  { RP_ENTITY_RELEASE, "name" }, { RP_ENTITY_RELEASE, "version" },  { RP_ENTITY_SCOPE_ITEM, "title" },
  { RP_ENTITY_RISK, "title" },   { RP_ENTITY_DEPENDENCY, "title" }, { RP_ENTITY_CHECKLIST_ITEM, "text" },
};

/* Every searched text of the plan at once, only the columns it needs,
 * and where each stands in its release: in the order of kinds[], then of
 * the pages (the section, then the item). Sorted here, per release: the
 * sort of all the rows in SQLite took twice as long as reading them. */
static const char search_sql[] =
    "SELECT id, 0, id, name, 0, 0, 0, 0 FROM release"
    " UNION ALL SELECT id, 1, id, version, 0, 0, 0, 0 FROM release WHERE version <> ''"
    " UNION ALL SELECT release_id, 2, id, title, 0, 0, position, rowid FROM scope_item"
    " UNION ALL SELECT release_id, 3, id, title, 0, 0, position, rowid FROM risk"
    " UNION ALL SELECT release_id, 4, id, title, 0, 0, position, rowid FROM dependency"
    " UNION ALL SELECT s.release_id, 5, i.id, i.text, s.position, s.rowid, i.position, i.rowid"
    "   FROM checklist_item i JOIN checklist_section s ON s.id = i.section_id";

typedef struct
{
  guint kind;      /* in kinds[] */
  gint64 order[4]; /* its parent's position and rowid, its own */
  char *id;
  char *text;
  char *folded;
} Entry;

typedef struct
{
  char *release_id;
  GArray *entries; /* of Entry */
} Release;

struct _RpSearch
{
  GPtrArray *releases; /* of Release */
};

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  for (guint i = 0; i < G_N_ELEMENTS (x->order); i++)
    if (x->order[i] != y->order[i])
      return x->order[i] < y->order[i] ? -1 : 1;
  return 0;
}

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_free (entry->text);
  g_free (entry->folded);
}

static void
free_release (gpointer data)
{
  Release *release = data;

  g_free (release->release_id);
  g_array_unref (release->entries);
  g_free (release);
}

/* Folds @text for matching: case folded, accents dropped (a character
 * decomposed and its marks left out: "Café" and "CAFE" match). @offsets,
 * if not NULL, gets for each byte of the result the index of the
 * character of @text it came from. */
static char *
fold (const char *text, GArray *offsets)
{
  g_autofree char *valid = g_utf8_validate (text, -1, NULL) ? NULL : g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (text));
  guint index = 0;

  for (const char *p = valid != NULL ? valid : text; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);
      gsize before = out->len;

      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else
        {
          gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));

          for (gsize i = 0; i < n; i++)
            {
              char utf8[8];
              int length;
              g_autofree char *folded = NULL;

              if (g_unichar_ismark (parts[i]))
                continue;
              length = g_unichar_to_utf8 (parts[i], utf8);
              folded = g_utf8_casefold (utf8, length);
              g_string_append (out, folded);
            }
        }
      if (offsets != NULL)
        for (gsize b = before; b < out->len; b++)
          g_array_append_val (offsets, index);
    }
  return g_string_free (out, FALSE);
}

/**
 * rp_search_fold:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text as a search compares it: case folded,
 *   without accents
 */
char *
rp_search_fold (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return fold (text, NULL);
}

/**
 * rp_search_new:
 *
 * Reads what a search looks at from @store, in one query.
 *
 * Returns: (transfer full) (nullable): the snapshot, or NULL with @error
 *   set when the store cannot be read
 */
RpSearch *
rp_search_new (RpStore *store, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) releases = g_ptr_array_new_with_free_func (free_release);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  RpSearch *self;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sqlite3_prepare_v2 (store->db, search_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _rp_store_set_sqlite_error (store, error, "read the database");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *release_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *text = (const char *) sqlite3_column_text (stmt, 3);
      Release *release;
      Entry entry;

      if (release_id == NULL || text == NULL)
        continue;
      release = g_hash_table_lookup (by_id, release_id);
      if (release == NULL)
        {
          release = g_new0 (Release, 1);
          release->release_id = g_strdup (release_id);
          release->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
          g_array_set_clear_func (release->entries, clear_entry);
          g_ptr_array_add (releases, release);
          g_hash_table_insert (by_id, release->release_id, release);
        }
      entry.kind = CLAMP (sqlite3_column_int (stmt, 1), 0, (int) G_N_ELEMENTS (kinds) - 1);
      for (guint i = 0; i < G_N_ELEMENTS (entry.order); i++)
        entry.order[i] = sqlite3_column_int64 (stmt, 4 + i);
      entry.id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry.text = g_strdup (text);
      entry.folded = fold (text, NULL);
      g_array_append_val (release->entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_sqlite_error (store, error, "read the database");
      return NULL;
    }

  for (guint i = 0; i < releases->len; i++)
    g_array_sort (((Release *) releases->pdata[i])->entries, compare_entries);

  self = g_new0 (RpSearch, 1);
  self->releases = g_steal_pointer (&releases);
  return self;
}

void
rp_search_free (RpSearch *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->releases);
  g_free (self);
}

/* @text on one line, the part around the characters [@start, @end). */
static char *
make_snippet (const char *text, glong start, glong end)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong from = 0, to = n_chars;
  GString *snippet;

  if (n_chars > SNIPPET_CHARS)
    {
      from = MAX (0, MIN (start - SNIPPET_LEAD, n_chars - SNIPPET_CHARS));
      to = MAX (from + SNIPPET_CHARS, MIN (end, n_chars));
    }
  snippet = g_string_new (from > 0 ? "…" : "");
  {
    g_autofree char *part = g_utf8_substring (text, from, to);

    g_string_append (snippet, part);
  }
  if (to < n_chars)
    g_string_append (snippet, "…");
  for (char *p = snippet->str; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_string_free (snippet, FALSE);
}

static RpSearchMatch *
match_new (Release *release, Entry *entry, const char *word)
{
  RpSearchMatch *match = g_new0 (RpSearchMatch, 1);
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *folded = fold (entry->text, offsets);
  const char *at = strstr (folded, word);
  glong start = 0, end = 0;

  if (at != NULL && offsets->len > 0)
    {
      gsize first = at - folded;
      gsize last = MIN (first + strlen (word), offsets->len) - 1;

      start = g_array_index (offsets, guint, first);
      end = g_array_index (offsets, guint, last) + 1;
    }

  g_atomic_ref_count_init (&match->ref_count);
  match->release_id = g_strdup (release->release_id);
  match->entity = kinds[entry->kind].entity;
  match->id = g_strdup (entry->id);
  match->field = kinds[entry->kind].field;
  match->snippet = make_snippet (entry->text, start, end);
  return match;
}

/**
 * rp_search_find:
 * @query: what the user typed: words, each to be found (case and accents
 *   do not matter)
 *
 * The releases that hold every word of @query somewhere in what is
 * searched, each with what matched.
 *
 * Returns: (transfer full) (element-type utf8 RpSearchMatch): release id
 *   to its match; empty for a query without words
 */
GHashTable *
rp_search_find (RpSearch *self, const char *query)
{
  GHashTable *found =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) rp_search_match_unref);
  g_autofree char *folded = NULL;
  g_auto (GStrv) split = NULL;
  g_autoptr (GPtrArray) words = g_ptr_array_new ();
  g_autofree gboolean *seen = NULL;

  g_return_val_if_fail (self != NULL, found);
  g_return_val_if_fail (query != NULL, found);

  folded = fold (query, NULL);
  split = g_strsplit_set (folded, " \t\n\r", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_ptr_array_add (words, split[i]);
  if (words->len == 0)
    return found;
  seen = g_new (gboolean, words->len);

  for (guint r = 0; r < self->releases->len; r++)
    {
      Release *release = self->releases->pdata[r];
      Entry *best = NULL;
      guint best_n = 0, n_seen = 0;

      memset (seen, 0, sizeof (gboolean) * words->len);
      for (guint e = 0; e < release->entries->len && best_n < words->len; e++)
        {
          Entry *entry = &g_array_index (release->entries, Entry, e);
          guint n = 0;

          for (guint w = 0; w < words->len; w++)
            if (strstr (entry->folded, words->pdata[w]) != NULL)
              {
                n++;
                if (!seen[w])
                  n_seen++;
                seen[w] = TRUE;
              }
          if (n > best_n)
            {
              best = entry;
              best_n = n;
            }
        }
      if (n_seen < words->len || best == NULL)
        continue;

      /* The snippet around the first word the text holds. */
      for (guint w = 0; w < words->len; w++)
        if (strstr (best->folded, words->pdata[w]) != NULL)
          {
            RpSearchMatch *match = match_new (release, best, words->pdata[w]);

            g_hash_table_insert (found, match->release_id, match);
            break;
          }
    }
  return found;
}
