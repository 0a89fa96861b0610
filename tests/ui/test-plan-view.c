/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-plan-view-private.h"
#include "rp-test-ui.h"

/* RpPlanView through the smallest view there can be: a month view that
 * shows nothing but keeps the first day of its month. */

#define TEST_TYPE_MONTH_VIEW (test_month_view_get_type ())
G_DECLARE_FINAL_TYPE (TestMonthView, test_month_view, TEST, MONTH_VIEW, GtkWidget)

struct _TestMonthView
{
  GtkWidget parent_instance;

  RpStore *store;
  GDateTime *date;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_DATE,
};

static void test_month_view_iface_init (RpPlanViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonthView, test_month_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (RP_TYPE_PLAN_VIEW, test_month_view_iface_init))

static GDateTime *
test_month_view_get_date (RpPlanView *view)
{
  return TEST_MONTH_VIEW (view)->date;
}

static void
test_month_view_set_date (RpPlanView *view, GDateTime *date)
{
  TestMonthView *self = TEST_MONTH_VIEW (view);
  g_autoptr (GDateTime) first =
      g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date), 1, 0, 0, 0);

  if (self->date != NULL && g_date_time_equal (self->date, first))
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_steal_pointer (&first);
  g_object_notify (G_OBJECT (self), "date");
}

static void
move (RpPlanView *view, int months)
{
  g_autoptr (GDateTime) date = g_date_time_add_months (TEST_MONTH_VIEW (view)->date, months);

  test_month_view_set_date (view, date);
}

static void
test_month_view_previous (RpPlanView *view)
{
  move (view, -1);
}

static void
test_month_view_next (RpPlanView *view)
{
  move (view, +1);
}

static void
test_month_view_iface_init (RpPlanViewInterface *iface)
{
  iface->get_date = test_month_view_get_date;
  iface->set_date = test_month_view_set_date;
  iface->previous = test_month_view_previous;
  iface->next = test_month_view_next;
}

static void
test_month_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TestMonthView *self = TEST_MONTH_VIEW (object);

  if (prop_id == PROP_STORE)
    g_value_set_object (value, self->store);
  else
    g_value_set_boxed (value, self->date);
}

static void
test_month_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TestMonthView *self = TEST_MONTH_VIEW (object);

  if (prop_id == PROP_STORE)
    {
      if (g_set_object (&self->store, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
    }
  else if (g_value_get_boxed (value) != NULL)
    test_month_view_set_date (RP_PLAN_VIEW (self), g_value_get_boxed (value));
}

static void
test_month_view_finalize (GObject *object)
{
  TestMonthView *self = TEST_MONTH_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->date, g_date_time_unref);
  G_OBJECT_CLASS (test_month_view_parent_class)->finalize (object);
}

static void
test_month_view_class_init (TestMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = test_month_view_finalize;
  object_class->get_property = test_month_view_get_property;
  object_class->set_property = test_month_view_set_property;
  g_object_class_override_property (object_class, PROP_STORE, "store");
  g_object_class_override_property (object_class, PROP_DATE, "date");
}

static void
test_month_view_init (TestMonthView *self)
{
  self->date = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
}

static void
on_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
on_release_activated_cb (RpPlanView *view, const char *release_id, char **out)
{
  g_free (*out);
  *out = g_strdup (release_id);
}

static void
assert_month (RpPlanView *view, int year, int month)
{
  GDateTime *date = rp_plan_view_get_date (view);

  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_year (date), ==, year);
  g_assert_cmpint (g_date_time_get_month (date), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 1);
}

static void
test_plan_view_interface (void)
{
  g_autoptr (RpStore) store = rp_test_open_store ();
  g_autoptr (GDateTime) july = g_date_time_new_local (2026, 7, 19, 10, 0, 0);
  g_autoptr (GDateTime) got = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *activated = NULL;
  GtkWidget *widget = g_object_ref_sink (g_object_new (TEST_TYPE_MONTH_VIEW, "store", store, NULL));
  RpPlanView *view = RP_PLAN_VIEW (widget);
  guint n_date = 0;
  GParamSpec *pspec;

  g_assert_true (RP_IS_PLAN_VIEW (widget));
  g_assert_true (rp_plan_view_get_store (view) == store);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "date");
  g_assert_nonnull (pspec);
  g_assert_true (pspec->value_type == G_TYPE_DATE_TIME);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

  g_signal_connect (view, "notify::date", G_CALLBACK (on_notify_cb), &n_date);
  assert_month (view, 2026, 1);

  /* Set as a property and read back; the view rounds to its month. */
  g_object_set (view, "date", july, NULL);
  g_assert_cmpuint (n_date, ==, 1);
  g_object_get (view, "date", &got, NULL);
  g_assert_cmpint (g_date_time_get_month (got), ==, 7);
  rp_plan_view_set_date (view, july);
  g_assert_cmpuint (n_date, ==, 1);

  rp_plan_view_next (view);
  assert_month (view, 2026, 8);
  rp_plan_view_previous (view);
  rp_plan_view_previous (view);
  assert_month (view, 2026, 6);
  g_assert_cmpuint (n_date, ==, 4);

  /* Today, by the interface's default. */
  rp_plan_view_today (view);
  now = g_date_time_new_now_local ();
  assert_month (view, g_date_time_get_year (now), g_date_time_get_month (now));

  g_signal_connect (view, "release-activated", G_CALLBACK (on_release_activated_cb), &activated);
  rp_plan_view_emit_release_activated (view, "r-1");
  g_assert_cmpstr (activated, ==, "r-1");

  g_assert_finalize_object (widget);
}

int
main (int argc, char *argv[])
{
  rp_test_ui_init (&argc, &argv);

  g_test_add_func ("/plan-view/interface", test_plan_view_interface);
  return g_test_run ();
}
