/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-core.h"
#include "rp-test-core.h"

/* RpListModel follows the store through every kind of write. Each test
 * watches its models the way a view does: it applies every
 * ::items-changed to a copy of its own, so a splice that does not say
 * what changed leaves the copy unlike the model. After every step the
 * model must hold what rp_store_list() gives, and for one-row changes the
 * splices must be exactly the smallest ones. */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Splice;

typedef struct
{
  RpStore *store; /* borrowed */
  GListModel *model;
  GPtrArray *shadow; /* of RpRecord, as the splices built it */
  GArray *splices;   /* of Splice, since the last assert_splices */
  guint n_items_notified;
} Watch;

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, Watch *watch)
{
  Splice splice = { position, removed, added };

  g_assert_cmpuint (position + removed, <=, watch->shadow->len);
  g_ptr_array_remove_range (watch->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->shadow, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (watch->shadow->len, ==, g_list_model_get_n_items (model));
  g_array_append_val (watch->splices, splice);
}

static void
on_n_items_notified_cb (GObject *model, GParamSpec *pspec, Watch *watch)
{
  watch->n_items_notified++;
}

static Watch *
watch_new (RpStore *store, RpEntity entity, const char *parent_id)
{
  Watch *watch = g_new0 (Watch, 1);
  guint n;

  watch->store = store;
  watch->model = rp_store_list_model (store, entity, parent_id);
  watch->shadow = g_ptr_array_new_with_free_func (g_object_unref);
  watch->splices = g_array_new (FALSE, FALSE, sizeof (Splice));
  n = g_list_model_get_n_items (watch->model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (watch->shadow, g_list_model_get_item (watch->model, i));
  g_signal_connect (watch->model, "items-changed", G_CALLBACK (on_items_changed_cb), watch);
  g_signal_connect (watch->model, "notify::n-items", G_CALLBACK (on_n_items_notified_cb), watch);
  return watch;
}

static void
watch_free (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->model, watch);
  g_assert_finalize_object (watch->model);
  g_ptr_array_unref (watch->shadow);
  g_array_unref (watch->splices);
  g_free (watch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watch, watch_free)

/* The model holds what the store lists, in order, with the same
 * snapshots as the view's copy, and finds each row where it is. */
static void
check (Watch *watch)
{
  RpListModel *model = RP_LIST_MODEL (watch->model);
  g_autoptr (GPtrArray) rows =
      rp_store_list (watch->store, rp_list_model_get_entity (model), rp_list_model_get_parent_id (model));
  guint n = g_list_model_get_n_items (watch->model);
  guint n_items = 0;

  g_object_get (model, "n-items", &n_items, NULL);
  g_assert_cmpuint (n, ==, rows->len);
  g_assert_cmpuint (n_items, ==, n);
  g_assert_cmpuint (watch->shadow->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) item = g_list_model_get_item (watch->model, i);

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, g_list_model_get_item_type (watch->model)));
      g_assert_true (rp_record_equal (item, rows->pdata[i]));
      g_assert_true (item == watch->shadow->pdata[i]);
      g_assert_cmpuint (rp_list_model_find (watch->model, rp_record_get_id (item)), ==, i);
    }
  g_assert_null (g_list_model_get_item (watch->model, n));
}

static void
assert_splices_real (Watch *watch, const Splice *expected, guint n)
{
  g_assert_cmpuint (watch->splices->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const Splice *got = &g_array_index (watch->splices, Splice, i);

      g_assert_cmpuint (got->position, ==, expected[i].position);
      g_assert_cmpuint (got->removed, ==, expected[i].removed);
      g_assert_cmpuint (got->added, ==, expected[i].added);
    }
  g_array_set_size (watch->splices, 0);
  check (watch);
}

/* assert_splices (watch, { position, removed, added }, ...): exactly these
 * since the last call, then check (). */
#define assert_splices(watch, ...)                                                                           \
  assert_splices_real (watch, (const Splice[]){ __VA_ARGS__ },                                               \
                       G_N_ELEMENTS (((const Splice[]){ __VA_ARGS__ })))

static void
assert_no_splice (Watch *watch)
{
  assert_splices_real (watch, NULL, 0);
}

/* One splice, whichever: for lists whose order the test does not fix. */
static void
assert_one_splice (Watch *watch)
{
  g_assert_cmpuint (watch->splices->len, ==, 1);
  g_array_set_size (watch->splices, 0);
  check (watch);
}

/* Store helpers */

static const char *
name_column (RpEntity entity)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);

  for (guint i = 0; i < info->n_columns; i++)
    if (info->columns[i].flags & RP_COLUMN_NONEMPTY)
      return info->columns[i].name;
  g_assert_not_reached ();
}

/* Adds a row named @name under @parent_id at @position (-1: the end). */
static char *
add_at (RpStore *store, RpEntity entity, const char *parent_id, const char *name, gint64 position)
{
  const RpEntityInfo *info = rp_entity_get_info (entity);
  g_autoptr (RpRecord) record = rp_record_new (entity);
  g_autoptr (GError) error = NULL;

  if (parent_id != NULL)
    rp_record_set_string (record, info->columns[info->parent_column].name, parent_id);
  rp_record_set_string (record, name_column (entity), name);
  rp_record_set_position (record, position);
  g_assert_true (rp_store_insert (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (rp_record_get_id (record));
}

static char *
add (RpStore *store, RpEntity entity, const char *parent_id, const char *name)
{
  return add_at (store, entity, parent_id, name, -1);
}

static void
rename_row (RpStore *store, RpEntity entity, const char *id, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) row = rp_store_get (store, entity, id, &error);
  g_autoptr (RpRecord) renamed = rp_record_copy (row);

  rp_record_set_string (renamed, name_column (entity), name);
  g_assert_true (rp_store_update (store, renamed, &error));
  g_assert_no_error (error);
}

static void
undo (RpStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_undo (store, &error));
  g_assert_no_error (error);
}

static void
redo (RpStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_redo (store, &error));
  g_assert_no_error (error);
}

static void
move (RpStore *store, RpEntity entity, const char *id, guint position)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_move (store, entity, id, position, &error));
  g_assert_no_error (error);
}

static void delete (RpStore *store, RpEntity entity, const char *id)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_delete (store, entity, id, &error));
  g_assert_no_error (error);
}

/* A release with two checklist sections: the first with four items
 * (positions 0..3), the second with three. */
typedef struct
{
  RpStore *store;
  char *release;
  char *sections[2];
  char *items[4];
  char *late[3];
} Plan;

static Plan *
plan_new (void)
{
  Plan *plan = g_new0 (Plan, 1);

  plan->store = rp_test_open_store ();
  plan->release = add (plan->store, RP_ENTITY_RELEASE, NULL, "Alpha");
  plan->sections[0] = add (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->release, "Before");
  plan->sections[1] = add (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->release, "After");
  for (guint i = 0; i < G_N_ELEMENTS (plan->items); i++)
    {
      g_autofree char *text = g_strdup_printf ("Item %u", i);
      plan->items[i] = add (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0], text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (plan->late); i++)
    {
      g_autofree char *text = g_strdup_printf ("Late %u", i);
      plan->late[i] = add (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1], text);
    }
  return plan;
}

static void
plan_free (Plan *plan)
{
  g_assert_finalize_object (plan->store);
  g_free (plan->release);
  for (guint i = 0; i < G_N_ELEMENTS (plan->sections); i++)
    g_free (plan->sections[i]);
  for (guint i = 0; i < G_N_ELEMENTS (plan->items); i++)
    g_free (plan->items[i]);
  for (guint i = 0; i < G_N_ELEMENTS (plan->late); i++)
    g_free (plan->late[i]);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static RpRecord *
item_at (Watch *watch, guint position)
{
  /* transfer none: the view's copy holds it */
  g_assert_cmpuint (position, <, watch->shadow->len);
  return watch->shadow->pdata[position];
}

/* The tests */

static void
test_initial (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) all = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, NULL);
  RpListModel *model = RP_LIST_MODEL (items->model);
  g_autoptr (RpStore) store = NULL;
  g_autofree char *parent = NULL;
  guint entity = 0;
  GType item_type = G_TYPE_INVALID;

  check (items);
  check (all);
  g_assert_cmpuint (g_list_model_get_n_items (items->model), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (all->model), ==, 7);
  g_assert_true (g_list_model_get_item_type (items->model) == RP_TYPE_CHECKLIST_ITEM);
  g_assert_true (g_list_model_get_item_type (all->model) == RP_TYPE_CHECKLIST_ITEM);
  g_assert_true (rp_list_model_get_store (model) == plan->store);
  g_assert_cmpint (rp_list_model_get_entity (model), ==, RP_ENTITY_CHECKLIST_ITEM);
  g_assert_cmpstr (rp_list_model_get_parent_id (model), ==, plan->sections[0]);
  g_assert_null (rp_list_model_get_parent_id (RP_LIST_MODEL (all->model)));
  g_object_get (model, "store", &store, "entity", &entity, "parent-id", &parent, "item-type", &item_type,
                NULL);
  g_assert_true (store == plan->store);
  g_assert_cmpuint (entity, ==, RP_ENTITY_CHECKLIST_ITEM);
  g_assert_cmpstr (parent, ==, plan->sections[0]);
  g_assert_true (item_type == RP_TYPE_CHECKLIST_ITEM);

  g_assert_cmpuint (rp_list_model_find (items->model, plan->items[2]), ==, 2);
  g_assert_cmpuint (rp_list_model_find (items->model, plan->late[0]), ==, G_MAXUINT);
  g_assert_cmpuint (rp_list_model_find (items->model, "no-such-row"), ==, G_MAXUINT);
  g_assert_cmpuint (rp_list_model_find (items->model, NULL), ==, G_MAXUINT);
}

static void
test_find_other_models (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (GListStore) copy = g_list_store_new (RP_TYPE_RECORD);
  g_autoptr (GPtrArray) rows = rp_store_list (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);

  /* A model of records that is not an RpListModel is searched. */
  g_list_store_splice (copy, 0, 0, rows->pdata, rows->len);
  g_assert_cmpuint (rp_list_model_find (G_LIST_MODEL (copy), plan->late[2]), ==, 2);
  g_assert_cmpuint (rp_list_model_find (G_LIST_MODEL (copy), plan->items[0]), ==, G_MAXUINT);
  g_assert_cmpuint (rp_list_model_find (G_LIST_MODEL (copy), NULL), ==, G_MAXUINT);
}

static void
test_insert_end (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) late = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);
  g_autoptr (Watch) all = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, NULL);
  g_autofree char *id = add (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0], "Item 4");

  /* Current when the insert returns: the caller can select the new row. */
  g_assert_cmpuint (rp_list_model_find (items->model, id), ==, 4);
  assert_splices (items, { 4, 0, 1 });
  g_assert_cmpuint (items->n_items_notified, ==, 1);
  assert_no_splice (late);
  assert_splices (all, { 7, 0, 1 }); /* position 4 sorts after every other */

  undo (plan->store);
  assert_splices (items, { 4, 1, 0 });
  assert_splices (all, { 7, 1, 0 });
  redo (plan->store);
  assert_splices (items, { 4, 0, 1 });
  assert_splices (all, { 7, 0, 1 });
  assert_no_splice (late);
}

static void
test_insert_middle (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = NULL;
  g_autofree char *between = NULL;
  g_autofree char *tied = NULL;

  /* Positions 0, 2, 3 after a delete: a row at position 1 goes between. */
  delete (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[1]);
  items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  between = add_at (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0], "Between", 1);
  g_assert_cmpuint (rp_list_model_find (items->model, between), ==, 1);
  assert_splices (items, { 1, 0, 1 });

  /* A position taken already: rows of the same position stay in the
   * order they were added, as rp_store_list () gives them. */
  tied = add_at (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0], "Tied", 0);
  g_assert_cmpuint (rp_list_model_find (items->model, tied), ==, 1);
  assert_splices (items, { 1, 0, 1 });

  undo (plan->store);
  assert_splices (items, { 1, 1, 0 });
  undo (plan->store);
  assert_splices (items, { 1, 1, 0 });
  redo (plan->store);
  assert_splices (items, { 1, 0, 1 });
  undo (plan->store);
  undo (plan->store); /* the delete */
  assert_splices (items, { 1, 1, 0 }, { 1, 0, 1 });
}

static void
test_update (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) all = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, NULL);
  g_autoptr (Watch) sections = watch_new (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->release);
  RpRecord *first = item_at (items, 0);
  RpRecord *before = item_at (items, 2);

  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[2], "Renamed");
  /* The row is replaced by its new snapshot; the others keep theirs. */
  assert_splices (items, { 2, 1, 1 });
  g_assert_true (item_at (items, 0) == first);
  g_assert_false (item_at (items, 2) == before);
  g_assert_cmpstr (rp_record_get_string (item_at (items, 2), "text"), ==, "Renamed");
  g_assert_cmpuint (items->n_items_notified, ==, 0);
  /* Every item by position, then by age: i0 l0 i1 l1 i2 l2 i3. */
  assert_splices (all, { 4, 1, 1 });
  assert_no_splice (sections);

  undo (plan->store);
  assert_splices (items, { 2, 1, 1 });
  g_assert_cmpstr (rp_record_get_string (item_at (items, 2), "text"), ==, "Item 2");
  assert_splices (all, { 4, 1, 1 });
  redo (plan->store);
  assert_splices (items, { 2, 1, 1 });
  assert_splices (all, { 4, 1, 1 });
  assert_no_splice (sections);

  /* Saving what is there already changes nothing. */
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[2], "Renamed");
  assert_no_splice (items);
}

static void
test_update_many (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) releases = watch_new (plan->store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (GError) error = NULL;

  /* Two rows in one commit: one splice from the first to the last. */
  g_assert_true (rp_store_begin (plan->store, "Rename two", &error));
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[1], "One");
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[3], "Three");
  g_assert_true (rp_store_commit (plan->store, &error));
  assert_splices (items, { 1, 3, 3 });
  assert_no_splice (releases);

  /* Many rows and many releases: still one splice per model. */
  g_assert_true (rp_store_begin (plan->store, "Rename all", &error));
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Release %u", i);
      g_free (add (plan->store, RP_ENTITY_RELEASE, NULL, name));
    }
  for (guint i = 0; i < G_N_ELEMENTS (plan->items); i++)
    rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[i], "Same");
  g_assert_true (rp_store_commit (plan->store, &error));
  assert_splices (items, { 0, 4, 4 });
  assert_splices (releases, { 1, 0, 30 });
  undo (plan->store);
  assert_splices (items, { 0, 4, 4 });
  assert_splices (releases, { 1, 30, 0 });
}

static void
test_delete (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) late = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);

  delete (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[1]);
  assert_splices (items, { 1, 1, 0 });
  g_assert_cmpuint (items->n_items_notified, ==, 1);
  g_assert_cmpuint (rp_list_model_find (items->model, plan->items[1]), ==, G_MAXUINT);
  assert_no_splice (late);

  undo (plan->store);
  assert_splices (items, { 1, 0, 1 });
  redo (plan->store);
  assert_splices (items, { 1, 1, 0 });

  delete (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0]);
  assert_splices (items, { 0, 1, 0 });
  delete (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[3]);
  assert_splices (items, { 1, 1, 0 });
  undo (plan->store);
  assert_splices (items, { 1, 0, 1 });
  assert_no_splice (late);
}

static void
test_delete_cascade (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autofree char *other = add (plan->store, RP_ENTITY_RELEASE, NULL, "Beta");
  g_autoptr (Watch) releases = watch_new (plan->store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (Watch) sections = watch_new (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->release);
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) late = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);
  g_autoptr (Watch) all = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, NULL);
  g_autoptr (Watch) others = watch_new (plan->store, RP_ENTITY_CHECKLIST_SECTION, other);

  /* The release goes with its sections and their items: every model of
   * them empties, each in one splice. */
  delete (plan->store, RP_ENTITY_RELEASE, plan->release);
  assert_splices (releases, { 0, 1, 0 });
  assert_splices (sections, { 0, 2, 0 });
  assert_splices (items, { 0, 4, 0 });
  assert_splices (late, { 0, 3, 0 });
  assert_splices (all, { 0, 7, 0 });
  assert_no_splice (others);
  g_assert_cmpuint (g_list_model_get_n_items (items->model), ==, 0);

  undo (plan->store);
  assert_splices (releases, { 0, 0, 1 });
  assert_splices (sections, { 0, 0, 2 });
  assert_splices (items, { 0, 0, 4 });
  assert_splices (late, { 0, 0, 3 });
  assert_splices (all, { 0, 0, 7 });
  redo (plan->store);
  assert_splices (sections, { 0, 2, 0 });
  assert_splices (items, { 0, 4, 0 });
  undo (plan->store);
  assert_splices (items, { 0, 0, 4 });
  assert_no_splice (others);
}

static void
test_parent_deleted (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autofree char *scope = add (plan->store, RP_ENTITY_SCOPE_ITEM, plan->release, "Login");
  g_autofree char *a = add (plan->store, RP_ENTITY_CRITERION, scope, "Works");
  g_autofree char *b = add (plan->store, RP_ENTITY_CRITERION, scope, "Is fast");
  g_autoptr (Watch) criteria = watch_new (plan->store, RP_ENTITY_CRITERION, scope);
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);

  delete (plan->store, RP_ENTITY_SCOPE_ITEM, scope);
  assert_splices (criteria, { 0, 2, 0 });
  assert_no_splice (items);

  /* The model of a parent that is gone stays empty, and follows it back. */
  rename_row (plan->store, RP_ENTITY_RELEASE, plan->release, "Alpha 2");
  assert_no_splice (criteria);
  undo (plan->store);
  undo (plan->store);
  assert_splices (criteria, { 0, 0, 2 });
  g_assert_cmpuint (rp_list_model_find (criteria->model, b), ==, 1);

  /* Deleting a section empties the model of its items. */
  delete (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->sections[1]);
  assert_splices (items, { 0, 3, 0 });
  assert_no_splice (criteria);
}

static void
test_move_down (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) late = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);
  RpRecord *last = item_at (items, 3);

  /* 0 1 2 3 -> 1 2 0 3: the rows between change places. */
  move (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], 2);
  assert_splices (items, { 0, 3, 3 });
  g_assert_cmpuint (rp_list_model_find (items->model, plan->items[0]), ==, 2);
  g_assert_true (item_at (items, 3) == last);
  g_assert_cmpuint (items->n_items_notified, ==, 0);

  /* One step down: two rows. */
  move (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], 3);
  assert_splices (items, { 2, 2, 2 });

  undo (plan->store);
  assert_splices (items, { 2, 2, 2 });
  undo (plan->store);
  assert_splices (items, { 0, 3, 3 });
  g_assert_cmpuint (rp_list_model_find (items->model, plan->items[0]), ==, 0);
  redo (plan->store);
  assert_splices (items, { 0, 3, 3 });
  assert_no_splice (late);
}

static void
test_move_up (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) sections = watch_new (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->release);
  RpRecord *first = item_at (items, 0);

  move (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[2], 1);
  assert_splices (items, { 1, 2, 2 });
  g_assert_true (item_at (items, 0) == first);
  move (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[3], 0);
  assert_splices (items, { 0, 4, 4 });

  undo (plan->store);
  assert_splices (items, { 0, 4, 4 });
  undo (plan->store);
  assert_splices (items, { 1, 2, 2 });
  redo (plan->store);
  assert_splices (items, { 1, 2, 2 });

  /* Sections too. */
  move (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->sections[1], 0);
  assert_splices (sections, { 0, 2, 2 });
  undo (plan->store);
  assert_splices (sections, { 0, 2, 2 });
}

/* What the Checklist page does when an item is dropped on another
 * section: the new section and the place there, one undo step. */
static void
move_to_section (RpStore *store, const char *item, const char *section, guint position)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RpRecord) row = rp_store_get (store, RP_ENTITY_CHECKLIST_ITEM, item, &error);
  g_autoptr (RpRecord) moved = rp_record_copy (row);

  rp_record_set_string (moved, "section_id", section);
  g_assert_true (rp_store_begin (store, "Move checklist item", &error));
  g_assert_true (rp_store_update (store, moved, &error));
  move (store, RP_ENTITY_CHECKLIST_ITEM, item, position);
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
test_move_other_parent (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) late = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);
  g_autoptr (Watch) all = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, NULL);

  /* To the end of the other section: it leaves one model and enters the
   * other, and nothing else moves. */
  move_to_section (plan->store, plan->items[1], plan->sections[1], 3);
  assert_splices (items, { 1, 1, 0 });
  assert_splices (late, { 3, 0, 1 });
  g_assert_cmpuint (rp_list_model_find (late->model, plan->items[1]), ==, 3);
  assert_one_splice (all); /* all items, by position: where it goes depends on the others */

  undo (plan->store);
  assert_splices (items, { 1, 0, 1 });
  assert_splices (late, { 3, 1, 0 });
  assert_one_splice (all);
  redo (plan->store);
  assert_splices (items, { 1, 1, 0 });
  assert_splices (late, { 3, 0, 1 });
  assert_one_splice (all);

  /* To the top of the other section: the rows there are numbered anew,
   * so each gets a new snapshot. */
  move_to_section (plan->store, plan->items[2], plan->sections[1], 0);
  assert_splices (items, { 1, 1, 0 });
  assert_splices (late, { 0, 4, 5 });
  undo (plan->store);
  assert_splices (items, { 1, 0, 1 });
  assert_splices (late, { 0, 5, 4 });
  check (all);
  g_assert_cmpuint (all->splices->len, ==, 2);
}

static void
test_all_rows (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) releases = watch_new (plan->store, RP_ENTITY_RELEASE, NULL);
  g_autofree char *beta = add (plan->store, RP_ENTITY_RELEASE, NULL, "Beta");
  g_autofree char *gamma = add (plan->store, RP_ENTITY_RELEASE, NULL, "Gamma");

  assert_splices (releases, { 1, 0, 1 }, { 2, 0, 1 });
  move (plan->store, RP_ENTITY_RELEASE, gamma, 0);
  assert_splices (releases, { 0, 3, 3 });
  rename_row (plan->store, RP_ENTITY_RELEASE, beta, "Beta 2");
  assert_splices (releases, { 2, 1, 1 });
  delete (plan->store, RP_ENTITY_RELEASE, plan->release);
  assert_splices (releases, { 1, 1, 0 });
  undo (plan->store);
  assert_splices (releases, { 1, 0, 1 });
}

/* Makes a plan file in another database that has what @plan has plus
 * @n items in its first section and a new name for its first item. */
static char *
make_plan_file (Plan *plan, guint n)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "other.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *mine = rp_format_json_export (plan->store, NULL, &error);
  g_autoptr (RpStore) other = rp_test_open_store_at (path);
  g_autoptr (GPtrArray) sections = NULL;
  char *json;

  g_assert_true (rp_format_json_import (other, mine, strlen (mine), &error));
  g_assert_no_error (error);
  /* Sections travel by name: the other database has ids of its own. */
  sections = rp_store_list (other, RP_ENTITY_CHECKLIST_SECTION, plan->release);
  g_assert_cmpstr (rp_record_get_string (sections->pdata[0], "name"), ==, "Before");
  g_assert_true (rp_store_begin (other, "More", &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Imported %u", i);
      g_free (add (other, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[0]), text));
    }
  rename_row (other, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], "Changed by the import");
  g_assert_true (rp_store_commit (other, &error));
  json = rp_format_json_export (other, NULL, &error);
  g_assert_no_error (error);
  return json;
}

static void
on_rows_changed_count_cb (RpStore *store, RpStoreChanges *changes, guint *count)
{
  (*count)++;
}

static void
test_import (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autofree char *json = make_plan_file (plan, 300);
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) late = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);
  g_autoptr (Watch) releases = watch_new (plan->store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (GError) error = NULL;
  guint commits = 0;

  g_signal_connect (plan->store, "rows-changed", G_CALLBACK (on_rows_changed_count_cb), &commits);
  g_assert_true (rp_format_json_import (plan->store, json, strlen (json), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (commits, ==, 1);
  /* 300 rows added and one changed: one splice, from the changed row to
   * the end. */
  assert_splices (items, { 0, 4, 304 });
  g_assert_cmpuint (items->n_items_notified, ==, 1);
  check (late);
  check (releases);
  g_assert_cmpuint (late->splices->len, <=, 1);
  g_assert_cmpuint (releases->splices->len, <=, 1);

  undo (plan->store);
  assert_splices (items, { 0, 304, 4 });
  redo (plan->store);
  assert_splices (items, { 0, 4, 304 });
  g_assert_cmpuint (commits, ==, 3);
}

static void
test_external (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) late = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1]);
  g_autoptr (RpStore) other = rp_test_open_store_at (rp_store_get_path (plan->store));
  g_autofree char *added = NULL;

  /* Nothing is seen before the poll, and a poll with nothing new changes
   * nothing. */
  g_assert_false (rp_store_poll_external (plan->store));
  added = add (other, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0], "From the command line");
  g_assert_cmpuint (items->splices->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items->model), ==, 4);
  g_assert_true (rp_store_poll_external (plan->store));
  assert_splices (items, { 4, 0, 1 });
  assert_no_splice (late);

  rename_row (other, RP_ENTITY_CHECKLIST_ITEM, plan->items[1], "Ticked elsewhere");
  g_assert_true (rp_store_poll_external (plan->store));
  assert_splices (items, { 1, 1, 1 });

  delete (other, RP_ENTITY_CHECKLIST_ITEM, plan->items[2]);
  g_assert_true (rp_store_poll_external (plan->store));
  assert_splices (items, { 2, 1, 0 });

  move (other, RP_ENTITY_CHECKLIST_ITEM, added, 0);
  g_assert_true (rp_store_poll_external (plan->store));
  assert_splices (items, { 0, 4, 4 });

  /* Several writes between two polls: one splice. */
  rename_row (other, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], "Again");
  g_free (add (other, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1], "Late 3"));
  g_assert_true (rp_store_poll_external (plan->store));
  assert_splices (items, { 1, 1, 1 });
  assert_splices (late, { 3, 0, 1 });
  g_assert_false (rp_store_poll_external (plan->store));

  /* Our own writes are not taken for another process's. */
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], "Ours");
  assert_splices (items, { 1, 1, 1 });
  g_assert_false (rp_store_poll_external (plan->store));
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_settings_untouched (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) releases = watch_new (plan->store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (rp_store_set_setting (plan->store, "deploy_days", "mon,tue", &error));
  undo (plan->store);
  assert_no_splice (releases);
}

static void
on_changed_sees_model_cb (RpStore *store, int entity, const char *id, Watch *watch)
{
  /* Whoever reacts to ::changed finds the model current already. */
  if (entity == RP_ENTITY_CHECKLIST_ITEM)
    check (watch);
}

static void
test_current_for_changed (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (Watch) items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);

  g_signal_connect (plan->store, "changed", G_CALLBACK (on_changed_sees_model_cb), items);
  g_free (add (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0], "Seen"));
  delete (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0]);
  undo (plan->store);
  g_signal_handlers_disconnect_by_data (plan->store, items);
  g_assert_cmpuint (items->splices->len, ==, 3);
}

typedef struct
{
  guint commits;
  RpRowChange rows[8];
  char *ids[8];
  char *old_parents[8];
  char *new_parents[8];
  guint n_rows;
  gboolean everything;
  gboolean touches_first;
  gboolean touches_second;
  gboolean touches_all;
  gboolean touches_sections;
} Seen;

static void
on_rows_changed_seen_cb (RpStore *store, RpStoreChanges *changes, Seen *seen)
{
  seen->commits++;
  seen->everything = rp_store_changes_is_everything (changes);
  seen->n_rows = rp_store_changes_get_n_rows (changes);
  for (guint i = 0; i < MIN (seen->n_rows, G_N_ELEMENTS (seen->rows)); i++)
    {
      seen->rows[i] = *rp_store_changes_get_row (changes, i);
      g_free (seen->ids[i]);
      g_free (seen->old_parents[i]);
      g_free (seen->new_parents[i]);
      seen->ids[i] = g_strdup (seen->rows[i].id);
      seen->old_parents[i] = g_strdup (seen->rows[i].old_parent_id);
      seen->new_parents[i] = g_strdup (seen->rows[i].new_parent_id);
    }
  seen->touches_first = rp_store_changes_touches (changes, RP_ENTITY_CHECKLIST_ITEM,
                                                  g_object_get_data (G_OBJECT (store), "first"));
  seen->touches_second = rp_store_changes_touches (changes, RP_ENTITY_CHECKLIST_ITEM,
                                                   g_object_get_data (G_OBJECT (store), "second"));
  seen->touches_all = rp_store_changes_touches (changes, RP_ENTITY_CHECKLIST_ITEM, NULL);
  seen->touches_sections = rp_store_changes_touches (changes, RP_ENTITY_CHECKLIST_SECTION, NULL);
}

static void
seen_clear (Seen *seen)
{
  for (guint i = 0; i < G_N_ELEMENTS (seen->rows); i++)
    {
      g_free (seen->ids[i]);
      g_free (seen->old_parents[i]);
      g_free (seen->new_parents[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seen, seen_clear)

static void
test_changes (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_auto (Seen) seen = { 0 };
  g_autoptr (RpStore) other = rp_test_open_store_at (rp_store_get_path (plan->store));
  g_autoptr (GError) error = NULL;
  g_autofree char *gone = NULL;

  g_object_set_data (G_OBJECT (plan->store), "first", plan->sections[0]);
  g_object_set_data (G_OBJECT (plan->store), "second", plan->sections[1]);
  g_signal_connect (plan->store, "rows-changed", G_CALLBACK (on_rows_changed_seen_cb), &seen);

  /* A row written three times in one group is one row of the commit:
   * from where it was to where it is. */
  move_to_section (plan->store, plan->items[3], plan->sections[1], 0);
  g_assert_cmpuint (seen.commits, ==, 1);
  g_assert_false (seen.everything);
  g_assert_cmpuint (seen.n_rows, ==, 4); /* the item and the three it pushed down */
  g_assert_cmpint (seen.rows[0].entity, ==, RP_ENTITY_CHECKLIST_ITEM);
  g_assert_cmpstr (seen.ids[0], ==, plan->items[3]);
  g_assert_cmpstr (seen.old_parents[0], ==, plan->sections[0]);
  g_assert_cmpstr (seen.new_parents[0], ==, plan->sections[1]);
  g_assert_true (seen.rows[0].existed && seen.rows[0].exists && seen.rows[0].moved);
  g_assert_true (seen.touches_first && seen.touches_second && seen.touches_all);
  g_assert_false (seen.touches_sections);

  /* An edit in place. */
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], "Edited");
  g_assert_cmpuint (seen.n_rows, ==, 1);
  g_assert_true (seen.rows[0].existed && seen.rows[0].exists && !seen.rows[0].moved);
  g_assert_true (seen.touches_first);
  g_assert_false (seen.touches_second);

  /* Added and deleted in the same group: touched, but no list changed. */
  g_assert_true (rp_store_begin (plan->store, "Nothing", &error));
  gone = add (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[1], "Gone");
  delete (plan->store, RP_ENTITY_CHECKLIST_ITEM, gone);
  g_assert_true (rp_store_commit (plan->store, &error));
  g_assert_cmpuint (seen.n_rows, ==, 1);
  g_assert_false (seen.rows[0].existed || seen.rows[0].exists);
  g_assert_false (seen.touches_second || seen.touches_all);

  /* A setting. */
  g_assert_true (rp_store_set_setting (plan->store, "deploy_days", "mon", &error));
  g_assert_cmpuint (seen.n_rows, ==, 1);
  g_assert_cmpint (seen.rows[0].entity, ==, RP_N_ENTITIES);
  g_assert_null (seen.ids[0]);
  g_assert_false (seen.touches_all || seen.touches_sections);

  /* Another process: everything. */
  rename_row (other, RP_ENTITY_RELEASE, plan->release, "Elsewhere");
  g_assert_true (rp_store_poll_external (plan->store));
  g_assert_true (seen.everything);
  g_assert_cmpuint (seen.n_rows, ==, 0);
  g_assert_true (seen.touches_first && seen.touches_sections);
  g_assert_cmpuint (seen.commits, ==, 5);

  g_signal_handlers_disconnect_by_data (plan->store, &seen);
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_model_dropped (void)
{
  g_autoptr (Plan) plan = plan_new ();
  GListModel *model = rp_store_list_model (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  g_autoptr (Watch) items = NULL;

  /* Dropped while the store lives: the store writes on, unbothered. */
  g_assert_finalize_object (model);
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], "After the model");
  delete (plan->store, RP_ENTITY_CHECKLIST_SECTION, plan->sections[0]);
  undo (plan->store);

  /* Models come and go any time. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (GListModel) brief = rp_store_list_model (plan->store, RP_ENTITY_CHECKLIST_ITEM, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (brief), ==, 7);
    }
  items = watch_new (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], "Again");
  assert_splices (items, { 0, 1, 1 });
}

static void
on_drop_other_cb (GListModel *model, guint position, guint removed, guint added, GListModel **other)
{
  g_clear_object (other);
}

static void
test_model_dropped_while_notified (void)
{
  g_autoptr (Plan) plan = plan_new ();
  g_autoptr (GListModel) first =
      rp_store_list_model (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->sections[0]);
  GListModel *second = rp_store_list_model (plan->store, RP_ENTITY_CHECKLIST_ITEM, NULL);
  GWeakRef weak;

  /* A view of the first model drops the second in the middle of the
   * commit's delivery: the second must not hear of it. */
  g_weak_ref_init (&weak, second);
  g_signal_connect (first, "items-changed", G_CALLBACK (on_drop_other_cb), &second);
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], "Dropping");
  g_assert_null (second);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  rename_row (plan->store, RP_ENTITY_CHECKLIST_ITEM, plan->items[0], "Dropped");
  g_assert_cmpuint (rp_list_model_find (first, plan->items[0]), ==, 0);
}

static void
on_store_notified_cb (GObject *model, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_store_dropped (void)
{
  RpStore *store = rp_test_open_store ();
  g_autofree char *release = add (store, RP_ENTITY_RELEASE, NULL, "Alpha");
  g_autofree char *beta = add (store, RP_ENTITY_RELEASE, NULL, "Beta");
  g_autoptr (GListModel) model = rp_store_list_model (store, RP_ENTITY_RELEASE, NULL);
  g_autoptr (RpRecord) first = NULL;
  guint notified = 0;

  /* The model does not keep the store alive; when the store goes it
   * keeps its rows and follows nothing. */
  g_signal_connect (model, "notify::store", G_CALLBACK (on_store_notified_cb), &notified);
  g_assert_finalize_object (store);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (rp_list_model_get_store (RP_LIST_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (rp_record_get_string (first, "name"), ==, "Alpha");
  g_assert_cmpuint (rp_list_model_find (model, beta), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/list-model/initial", test_initial);
  g_test_add_func ("/list-model/find/other-models", test_find_other_models);
  g_test_add_func ("/list-model/insert/end", test_insert_end);
  g_test_add_func ("/list-model/insert/middle", test_insert_middle);
  g_test_add_func ("/list-model/update", test_update);
  g_test_add_func ("/list-model/update/many", test_update_many);
  g_test_add_func ("/list-model/delete", test_delete);
  g_test_add_func ("/list-model/delete/cascade", test_delete_cascade);
  g_test_add_func ("/list-model/delete/parent", test_parent_deleted);
  g_test_add_func ("/list-model/move/down", test_move_down);
  g_test_add_func ("/list-model/move/up", test_move_up);
  g_test_add_func ("/list-model/move/other-parent", test_move_other_parent);
  g_test_add_func ("/list-model/all-rows", test_all_rows);
  g_test_add_func ("/list-model/import", test_import);
  g_test_add_func ("/list-model/external", test_external);
  g_test_add_func ("/list-model/settings", test_settings_untouched);
  g_test_add_func ("/list-model/current-for-changed", test_current_for_changed);
  g_test_add_func ("/list-model/store-changes", test_changes);
  g_test_add_func ("/list-model/lifetime/model-dropped", test_model_dropped);
  g_test_add_func ("/list-model/lifetime/model-dropped-while-notified", test_model_dropped_while_notified);
  g_test_add_func ("/list-model/lifetime/store-dropped", test_store_dropped);

  return g_test_run ();
}
