/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-plan-view-private.h"

G_DEFINE_INTERFACE (RpPlanView, rp_plan_view, GTK_TYPE_WIDGET)

enum
{
  RELEASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rp_plan_view_real_today (RpPlanView *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  rp_plan_view_set_date (self, now);
}

static void
rp_plan_view_default_init (RpPlanViewInterface *iface)
{
  iface->today = rp_plan_view_real_today;

  /**
   * RpPlanView:store:
   *
   * The store whose releases the view shows.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                                G_PARAM_EXPLICIT_NOTIFY));

  /**
   * RpPlanView:date:
   *
   * The date the view shows (local time), as the view has it.
   */
  g_object_interface_install_property (iface, g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                                      G_PARAM_EXPLICIT_NOTIFY));

  /**
   * RpPlanView::release-activated:
   * @release_id: the id of the release
   *
   * The user opened a release from the view (a click on a milestone, a
   * bar of the timeline).
   */
  signals[RELEASE_ACTIVATED] =
      g_signal_new ("release-activated", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

/**
 * rp_plan_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store the view shows
 */
RpStore *
rp_plan_view_get_store (RpPlanView *self)
{
  g_autoptr (RpStore) store = NULL;

  g_return_val_if_fail (RP_IS_PLAN_VIEW (self), NULL);

  /* The implementation keeps a reference: this one only borrows it. */
  g_object_get (self, "store", &store, NULL);
  return store;
}

/**
 * rp_plan_view_get_date:
 *
 * Returns: (transfer none) (nullable): the date the view shows
 */
GDateTime *
rp_plan_view_get_date (RpPlanView *self)
{
  g_return_val_if_fail (RP_IS_PLAN_VIEW (self), NULL);
  g_return_val_if_fail (RP_PLAN_VIEW_GET_IFACE (self)->get_date != NULL, NULL);

  return RP_PLAN_VIEW_GET_IFACE (self)->get_date (self);
}

/**
 * rp_plan_view_set_date:
 * @date: (transfer none): the date to show
 */
void
rp_plan_view_set_date (RpPlanView *self, GDateTime *date)
{
  g_return_if_fail (RP_IS_PLAN_VIEW (self));
  g_return_if_fail (date != NULL);
  g_return_if_fail (RP_PLAN_VIEW_GET_IFACE (self)->set_date != NULL);

  RP_PLAN_VIEW_GET_IFACE (self)->set_date (self, date);
}

/**
 * rp_plan_view_previous:
 *
 * Goes back one step of the view (a month of the calendar).
 */
void
rp_plan_view_previous (RpPlanView *self)
{
  g_return_if_fail (RP_IS_PLAN_VIEW (self));
  g_return_if_fail (RP_PLAN_VIEW_GET_IFACE (self)->previous != NULL);

  RP_PLAN_VIEW_GET_IFACE (self)->previous (self);
}

/**
 * rp_plan_view_next:
 *
 * Goes on one step of the view.
 */
void
rp_plan_view_next (RpPlanView *self)
{
  g_return_if_fail (RP_IS_PLAN_VIEW (self));
  g_return_if_fail (RP_PLAN_VIEW_GET_IFACE (self)->next != NULL);

  RP_PLAN_VIEW_GET_IFACE (self)->next (self);
}

/**
 * rp_plan_view_today:
 *
 * Shows today.
 */
void
rp_plan_view_today (RpPlanView *self)
{
  g_return_if_fail (RP_IS_PLAN_VIEW (self));

  RP_PLAN_VIEW_GET_IFACE (self)->today (self);
}

void
rp_plan_view_emit_release_activated (RpPlanView *self, const char *release_id)
{
  g_return_if_fail (RP_IS_PLAN_VIEW (self));
  g_return_if_fail (release_id != NULL);

  g_signal_emit (self, signals[RELEASE_ACTIVATED], 0, release_id);
}
