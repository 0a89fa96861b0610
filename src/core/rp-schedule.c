/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-release.h"
#include "rp-schedule.h"

#define N_MILESTONES (RP_MILESTONE_MONITORING + 1)

typedef struct
{
  RpRelease *release;
  RpDateRange *milestones[N_MILESTONES];
  RpDateRange *committed[N_MILESTONES];
} ScheduleRelease;

typedef struct
{
  RpFreezeWindow *freeze;
  RpDateRange *days; /* NULL when its dates are not a range */
} ScheduleFreeze;

struct _RpSchedule
{
  GArray *releases; /* ScheduleRelease */
  GArray *freezes;  /* ScheduleFreeze */
  GArray *dependencies;
  GHashTable *release_index; /* id -> index + 1 */
  guint8 deploy_days;        /* bit (1 << GDateWeekday) per allowed day */
  gatomicrefcount ref_count;
};

G_DEFINE_BOXED_TYPE (RpSchedule, rp_schedule, rp_schedule_ref, rp_schedule_unref)

static const char *const weekday_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static void
clear_release (gpointer data)
{
  ScheduleRelease *release = data;

  g_clear_object (&release->release);
  for (guint i = 0; i < N_MILESTONES; i++)
    {
      g_clear_pointer (&release->milestones[i], rp_date_range_unref);
      g_clear_pointer (&release->committed[i], rp_date_range_unref);
    }
}

static void
clear_freeze (gpointer data)
{
  ScheduleFreeze *freeze = data;

  g_clear_object (&freeze->freeze);
  g_clear_pointer (&freeze->days, rp_date_range_unref);
}

static guint8
deploy_day_mask (const char *const *deploy_days)
{
  guint8 mask = 0;

  for (guint i = 0; deploy_days != NULL && deploy_days[i] != NULL; i++)
    for (guint day = 0; day < G_N_ELEMENTS (weekday_names); day++)
      if (g_str_equal (deploy_days[i], weekday_names[day]))
        mask |= 1 << (G_DATE_MONDAY + day);
  return mask;
}

/**
 * rp_schedule_new:
 * @releases: (element-type RpRelease): the releases, in the order to keep
 * @freezes: (element-type RpFreezeWindow) (nullable): the freeze windows
 * @dependencies: (element-type RpDependency) (nullable): dependencies of
 *   any kind; those of kind release between two of @releases are kept
 * @deploy_days: (nullable): the weekdays deploys are allowed on ("mon", …)
 *
 * Returns: (transfer full): the schedule of @releases
 */
RpSchedule *
rp_schedule_new (GPtrArray *releases, GPtrArray *freezes, GPtrArray *dependencies,
                 const char *const *deploy_days)
{
  RpSchedule *self;

  g_return_val_if_fail (releases != NULL, NULL);

  self = g_new0 (RpSchedule, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->releases = g_array_sized_new (FALSE, TRUE, sizeof (ScheduleRelease), releases->len);
  g_array_set_clear_func (self->releases, clear_release);
  self->freezes = g_array_new (FALSE, TRUE, sizeof (ScheduleFreeze));
  g_array_set_clear_func (self->freezes, clear_freeze);
  self->dependencies = g_array_new (FALSE, FALSE, sizeof (RpScheduleDependency));
  self->release_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->deploy_days = deploy_day_mask (deploy_days);

  for (guint i = 0; i < releases->len; i++)
    {
      ScheduleRelease release = { g_object_ref (releases->pdata[i]) };

      g_return_val_if_fail (RP_IS_RELEASE (release.release), NULL);
      for (guint m = 0; m < N_MILESTONES; m++)
        {
          release.milestones[m] = rp_release_get_milestone (release.release, m);
          release.committed[m] = rp_release_get_committed_milestone (release.release, m);
        }
      g_array_append_val (self->releases, release);
      g_hash_table_insert (self->release_index, (gpointer) rp_record_get_id (RP_RECORD (release.release)),
                           GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; freezes != NULL && i < freezes->len; i++)
    {
      RpFreezeWindow *window = freezes->pdata[i];
      ScheduleFreeze freeze = {
        g_object_ref (window),
        rp_date_range_parse (rp_freeze_window_get_start_date (window),
                             rp_freeze_window_get_end_date (window)),
      };

      g_array_append_val (self->freezes, freeze);
    }

  for (guint i = 0; dependencies != NULL && i < dependencies->len; i++)
    {
      RpDependency *dependency = dependencies->pdata[i];
      int dependent, depends_on;

      if (rp_dependency_get_kind (dependency) != RP_DEPENDENCY_KIND_RELEASE)
        continue;
      dependent = rp_schedule_find_release (self, rp_dependency_get_release_id (dependency));
      depends_on = rp_schedule_find_release (self, rp_dependency_get_depends_on_release_id (dependency));
      if (dependent >= 0 && depends_on >= 0 && dependent != depends_on)
        {
          RpScheduleDependency edge = { dependent, depends_on };

          g_array_append_val (self->dependencies, edge);
        }
    }
  return self;
}

/**
 * rp_schedule_new_from_store:
 *
 * Returns: (transfer full): the schedule of every release in @store, in
 * stored order
 */
RpSchedule *
rp_schedule_new_from_store (RpStore *store)
{
  g_autoptr (GPtrArray) releases = NULL;
  g_autoptr (GPtrArray) freezes = NULL;
  g_autoptr (GPtrArray) dependencies = NULL;
  g_auto (GStrv) deploy_days = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  releases = rp_store_list (store, RP_ENTITY_RELEASE, NULL);
  freezes = rp_store_list (store, RP_ENTITY_FREEZE_WINDOW, NULL);
  dependencies = rp_store_list_where (store, RP_ENTITY_DEPENDENCY, "kind", "release");
  deploy_days = rp_store_get_deploy_days (store);
  return rp_schedule_new (releases, freezes, dependencies, (const char *const *) deploy_days);
}

RpSchedule *
rp_schedule_ref (RpSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rp_schedule_unref (RpSchedule *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->release_index);
  g_array_unref (self->releases);
  g_array_unref (self->freezes);
  g_array_unref (self->dependencies);
  g_free (self);
}

guint
rp_schedule_get_n_releases (RpSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->releases->len;
}

static ScheduleRelease *
release_at (RpSchedule *self, guint index)
{
  return &g_array_index (self->releases, ScheduleRelease, index);
}

/**
 * rp_schedule_get_release:
 *
 * Returns: (transfer none): the release at @index
 */
RpRelease *
rp_schedule_get_release (RpSchedule *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->releases->len, NULL);

  return release_at (self, index)->release;
}

/**
 * rp_schedule_find_release:
 * @release_id: (nullable): an id
 *
 * Returns: the index of the release @release_id, or -1
 */
int
rp_schedule_find_release (RpSchedule *self, const char *release_id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (release_id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->release_index, release_id)) - 1;
}

/**
 * rp_schedule_get_milestone:
 *
 * Returns: (transfer none) (nullable): the days of @milestone of the
 * release at @index, as rp_release_get_milestone() has them
 */
RpDateRange *
rp_schedule_get_milestone (RpSchedule *self, guint index, RpMilestone milestone)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->releases->len, NULL);
  g_return_val_if_fail (milestone < N_MILESTONES, NULL);

  return release_at (self, index)->milestones[milestone];
}

/**
 * rp_schedule_get_committed_milestone:
 *
 * Returns: (transfer none) (nullable): the committed days of @milestone
 */
RpDateRange *
rp_schedule_get_committed_milestone (RpSchedule *self, guint index, RpMilestone milestone)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->releases->len, NULL);
  g_return_val_if_fail (milestone < N_MILESTONES, NULL);

  return release_at (self, index)->committed[milestone];
}

/* Active: still to ship or shipping, not released or cancelled. */
gboolean
rp_schedule_is_active (RpSchedule *self, guint index)
{
  RpReleaseStatus status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->releases->len, FALSE);

  status = rp_release_get_status (release_at (self, index)->release);
  return status != RP_RELEASE_STATUS_RELEASED && status != RP_RELEASE_STATUS_CANCELLED;
}

guint
rp_schedule_get_n_freezes (RpSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->freezes->len;
}

/**
 * rp_schedule_get_freeze:
 *
 * Returns: (transfer none): the freeze window at @index
 */
RpFreezeWindow *
rp_schedule_get_freeze (RpSchedule *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->freezes->len, NULL);

  return g_array_index (self->freezes, ScheduleFreeze, index).freeze;
}

/**
 * rp_schedule_get_freeze_days:
 *
 * Returns: (transfer none) (nullable): the days of the freeze window at
 * @index, NULL when it ends before it starts
 */
RpDateRange *
rp_schedule_get_freeze_days (RpSchedule *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->freezes->len, NULL);

  return g_array_index (self->freezes, ScheduleFreeze, index).days;
}

/**
 * rp_schedule_find_freeze_on:
 *
 * Returns: the index of the first freeze window that holds the day
 * @julian (both ends included), or -1
 */
int
rp_schedule_find_freeze_on (RpSchedule *self, guint32 julian)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->freezes->len; i++)
    {
      RpDateRange *days = g_array_index (self->freezes, ScheduleFreeze, i).days;

      if (days != NULL && rp_date_range_contains_julian (days, julian))
        return i;
    }
  return -1;
}

guint
rp_schedule_get_n_dependencies (RpSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->dependencies->len;
}

const RpScheduleDependency *
rp_schedule_get_dependency (RpSchedule *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->dependencies->len, NULL);

  return &g_array_index (self->dependencies, RpScheduleDependency, index);
}

/* TRUE when the deploy-days setting allows a deploy on the day @julian. */
gboolean
rp_schedule_allows_deploy_on (RpSchedule *self, guint32 julian)
{
  GDate date;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_date_valid_julian (julian), FALSE);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return (self->deploy_days & (1 << g_date_get_weekday (&date))) != 0;
}

/**
 * rp_schedule_get_deploy_warnings:
 * @freeze: (out) (optional): the index of the freeze window the deploy
 *   falls in, or -1
 *
 * Returns: what is wrong with the deploy day of the release at @index
 * (nothing when it has none)
 */
RpScheduleWarnings
rp_schedule_get_deploy_warnings (RpSchedule *self, guint index, int *freeze)
{
  RpDateRange *deploy;
  RpScheduleWarnings warnings = RP_SCHEDULE_WARNING_NONE;
  int found = -1;

  g_return_val_if_fail (self != NULL, RP_SCHEDULE_WARNING_NONE);
  g_return_val_if_fail (index < self->releases->len, RP_SCHEDULE_WARNING_NONE);

  deploy = release_at (self, index)->milestones[RP_MILESTONE_DEPLOY];
  if (deploy != NULL)
    {
      guint32 day = rp_date_range_get_first_julian (deploy);

      if (!rp_schedule_allows_deploy_on (self, day))
        warnings |= RP_SCHEDULE_WARNING_DEPLOY_DAY;
      found = rp_schedule_find_freeze_on (self, day);
      if (found >= 0)
        warnings |= RP_SCHEDULE_WARNING_FREEZE;
    }
  if (freeze != NULL)
    *freeze = found;
  return warnings;
}
