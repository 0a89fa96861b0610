/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rp-entity.h"
#include "rp-store-private.h"

/* Undo and redo of RpStore: every group of writes becomes one step that
 * holds each row as it was before and after; undoing replays the step
 * backwards in one transaction, refusing when a row was changed elsewhere
 * since. */

#define UNDO_LIMIT 200
/* Steps are also dropped, oldest first, when their rows together take
 * more memory than this; a step bigger than that alone (the import of a
 * huge plan) cannot be undone, and its rows are not kept while it runs. */
#define UNDO_MAX_BYTES ((gsize) 128 * 1024 * 1024)

/* One change of one row (or of one setting), as the undo stack keeps it:
 * before NULL is an insert, after NULL a delete. */
typedef struct
{
  RpRecord *before;
  RpRecord *after;
  char *setting;   /* set for a change of a setting; then the values below */
  char *old_value; /* nullable */
  char *new_value; /* nullable */
} Op;

struct _RpStoreStep
{
  char *label;
  GPtrArray *ops;   /* of Op, in the order they were done */
  gsize bytes;      /* what ops take, roughly */
  gboolean too_big; /* over the budget: ops were let go, it cannot be undone */
};

static gsize
budget (RpStore *self)
{
  return self->undo_max_bytes ? self->undo_max_bytes : UNDO_MAX_BYTES;
}

void
_rp_store_set_undo_budget (RpStore *self, gsize bytes)
{
  self->undo_max_bytes = bytes;
}

/* Roughly what a row takes in memory: its values and their boxes. */
static gsize
record_size (RpRecord *record)
{
  const RpEntityInfo *info;
  gsize size = 128;

  if (record == NULL)
    return 0;
  info = rp_entity_get_info (rp_record_get_entity (record));
  for (guint i = 0; i < info->n_columns; i++)
    {
      GVariant *value = rp_record_get_value_at (record, i);

      size += sizeof (gpointer) + (value != NULL ? 48 + g_variant_get_size (value) : 0);
    }
  return size + strlen (rp_record_get_id (record));
}

/* Counts @bytes more for the open step; past the budget, lets its rows go. */
static gboolean
step_grow (RpStore *self, gsize bytes)
{
  RpStoreStep *step = self->current;

  if (step->too_big)
    return FALSE;
  step->bytes += bytes;
  if (step->bytes <= budget (self))
    return TRUE;
  step->too_big = TRUE;
  step->bytes = 0;
  g_ptr_array_set_size (step->ops, 0);
  return FALSE;
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->before);
  g_clear_object (&op->after);
  g_free (op->setting);
  g_free (op->old_value);
  g_free (op->new_value);
  g_free (op);
}

static void
step_free (gpointer data)
{
  RpStoreStep *step = data;

  if (step == NULL)
    return;
  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

/* Opens the step of a group, or names it when an inner group has the
 * label the outer one lacked. */
void
_rp_store_step_begin (RpStore *self, const char *label)
{
  if (self->current == NULL)
    {
      self->current = g_new0 (RpStoreStep, 1);
      self->current->label = g_strdup (label);
      self->current->ops = g_ptr_array_new_with_free_func (op_free);
    }
  else if (self->current->label == NULL && label != NULL)
    self->current->label = g_strdup (label);
}

void
_rp_store_step_record (RpStore *self, RpRecord *before, RpRecord *after)
{
  Op *op;

  _rp_store_queue_row (self, before, after);
  if (!step_grow (self, sizeof (Op) + record_size (before) + record_size (after)))
    return;
  op = g_new0 (Op, 1);
  op->before = before ? g_object_ref (before) : NULL;
  op->after = after ? g_object_ref (after) : NULL;
  g_ptr_array_add (self->current->ops, op);
}

void
_rp_store_step_record_setting (RpStore *self, const char *key, const char *old_value, const char *new_value)
{
  Op *op;

  _rp_store_queue_setting (self);
  if (!step_grow (self, sizeof (Op) + strlen (key) + (old_value ? strlen (old_value) : 0) +
                            (new_value ? strlen (new_value) : 0) + 3))
    return;
  op = g_new0 (Op, 1);
  op->setting = g_strdup (key);
  op->old_value = g_strdup (old_value);
  op->new_value = g_strdup (new_value);
  g_ptr_array_add (self->current->ops, op);
}

/* After the commit: a step that changed something becomes the newest
 * undo step, and what could be redone is gone. */
void
_rp_store_step_push (RpStore *self)
{
  if (self->current->too_big)
    {
      /* Nothing before it can be taken back either: undo goes in order. */
      g_queue_clear_full (&self->undo, step_free);
      g_queue_clear_full (&self->redo, step_free);
    }
  else if (self->current->ops->len > 0)
    {
      gsize total = 0;

      g_queue_push_head (&self->undo, g_steal_pointer (&self->current));
      g_queue_clear_full (&self->redo, step_free);
      for (GList *l = self->undo.head; l != NULL; l = l->next)
        total += ((RpStoreStep *) l->data)->bytes;
      while (g_queue_get_length (&self->undo) > UNDO_LIMIT || total > budget (self))
        {
          RpStoreStep *oldest = g_queue_pop_tail (&self->undo);

          total -= oldest->bytes;
          step_free (oldest);
        }
    }
  g_clear_pointer (&self->current, step_free);
}

void
_rp_store_step_drop (RpStore *self)
{
  g_clear_pointer (&self->current, step_free);
}

void
_rp_store_undo_clear (RpStore *self)
{
  g_clear_pointer (&self->current, step_free);
  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
}

gboolean
rp_store_can_undo (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
rp_store_can_redo (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

/**
 * rp_store_get_undo_label:
 *
 * Returns: (nullable): what Undo would take back ("Delete release")
 */
const char *
rp_store_get_undo_label (RpStore *self)
{
  RpStoreStep *step;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  step = g_queue_peek_head (&self->undo);
  return step ? step->label : NULL;
}

const char *
rp_store_get_redo_label (RpStore *self)
{
  RpStoreStep *step;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  step = g_queue_peek_head (&self->redo);
  return step ? step->label : NULL;
}

/* The row must still be as this step left it; another process may have
 * changed it since, and then undoing would overwrite that. */
static gboolean
check_unchanged (RpStore *self, RpRecord *expected, RpRecord *other, GError **error)
{
  RpRecord *any = expected ? expected : other;
  g_autoptr (RpRecord) current =
      _rp_store_fetch (self, rp_record_get_entity (any), rp_record_get_id (any), NULL);

  if ((expected == NULL && current == NULL) || (expected && current && rp_record_equal (expected, current)))
    return TRUE;
  {
    g_autofree char *what = _rp_store_describe_row (any);
    g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
                 "The %s was changed elsewhere since, so this step cannot be taken back.", what);
  }
  return FALSE;
}

/* The same for a preference: another process may have set it since. */
static gboolean
check_setting_unchanged (RpStore *self, const char *key, const char *expected, GError **error)
{
  g_autofree char *current = NULL;

  if (!_rp_store_read_setting (self, key, &current, error))
    return FALSE;
  if (g_strcmp0 (current, expected) == 0)
    return TRUE;
  g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
               "The preference “%s” was changed elsewhere since, so this step cannot be taken back.", key);
  return FALSE;
}

/* Deleting a row takes along what refers to it (SQLite's cascades, set
 * null): the rows this step added have been taken back before it, so
 * whatever still refers to the row was added elsewhere, and must stay. */
static gboolean
check_not_referred (RpStore *self, RpRecord *row, GError **error)
{
  g_autoptr (RpRecord) referring = NULL;

  if (!_rp_store_find_referring (self, rp_record_get_entity (row), rp_record_get_id (row), &referring, error))
    return FALSE;
  if (referring == NULL)
    return TRUE;
  {
    g_autofree char *what = _rp_store_describe_row (row);
    g_autofree char *theirs = _rp_store_describe_row (referring);
    g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
                 "The %s was changed elsewhere since (the %s was added to it), so this step cannot be "
                 "taken back.",
                 what, theirs);
  }
  return FALSE;
}

static gboolean
apply_op (RpStore *self, Op *op, gboolean forward, GError **error)
{
  RpRecord *from = forward ? op->before : op->after;
  RpRecord *to = forward ? op->after : op->before;

  if (op->setting != NULL)
    {
      if (!check_setting_unchanged (self, op->setting, forward ? op->old_value : op->new_value, error))
        return FALSE;
      _rp_store_queue_setting (self);
      return _rp_store_raw_set_setting (self, op->setting, forward ? op->new_value : op->old_value, error);
    }
  if (!check_unchanged (self, from, to, error) || (to == NULL && !check_not_referred (self, from, error)))
    return FALSE;
  _rp_store_queue_row (self, from, to);
  if (from == NULL)
    return _rp_store_raw_insert (self, to, error);
  if (to == NULL)
    return _rp_store_raw_delete (self, rp_record_get_entity (from), rp_record_get_id (from), error);
  return _rp_store_raw_update (self, to, error);
}

static gboolean
replay (RpStore *self, GQueue *from, GQueue *to, gboolean forward, GError **error)
{
  RpStoreStep *step;
  gboolean ok = TRUE;
  gboolean could_undo = rp_store_can_undo (self);
  gboolean could_redo = rp_store_can_redo (self);

  g_return_val_if_fail (self->depth == 0, FALSE);

  step = g_queue_peek_head (from);
  if (step == NULL)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, "There is nothing to %s.",
                   forward ? "redo" : "undo");
      return FALSE;
    }
  if (!_rp_store_exec (self, "BEGIN IMMEDIATE", forward ? "redo" : "undo", error))
    return FALSE;
  for (guint n = 0; ok && n < step->ops->len; n++)
    ok = apply_op (self, step->ops->pdata[forward ? n : step->ops->len - 1 - n], forward, error);
  if (!ok || !_rp_store_exec (self, "COMMIT", forward ? "redo" : "undo", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      _rp_store_drop_pending (self);
      return FALSE;
    }
  g_queue_push_head (to, g_queue_pop_head (from));
  _rp_store_query_int (self, "PRAGMA data_version", &self->data_version, NULL);
  _rp_store_emit_pending (self);
  _rp_store_notify_undo_state (self, could_undo, could_redo);
  return TRUE;
}

/**
 * rp_store_undo:
 *
 * Takes back the last step, exactly: a field, a tick, a delete with all it
 * contained.
 */
gboolean
rp_store_undo (RpStore *self, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  return replay (self, &self->undo, &self->redo, FALSE, error);
}

gboolean
rp_store_redo (RpStore *self, GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  return replay (self, &self->redo, &self->undo, TRUE, error);
}
