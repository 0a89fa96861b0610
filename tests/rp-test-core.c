/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
