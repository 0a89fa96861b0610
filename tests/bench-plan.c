/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bench-plan.h"

/* The plan of a large organisation, as issue 12 measured it: per release
 * 100 checklist items in 3 sections, 10 scope items with 2 acceptance
 * criteria each, 5 risks, 3 dependencies on the releases before it, 3
 * rollout stages, 2 feature flags and 7 owners; 200 people. About 153
 * rows a release. The same @n_releases always gives the same bytes. */

#define N_PEOPLE 200
#define N_ITEMS 100
#define N_SCOPE 10
#define N_CRITERIA 2
#define N_RISKS 5
#define N_DEPS 3
#define N_STAGES 3
#define N_FLAGS 2

static const char *const sections[] = { "Pre-Release", "Deploy", "Post-Deploy" };
static const char *const item_states[] = { "open", "done", "na" };
static const char *const scope_states[] = { "planned", "in_progress", "done" };

static const char *
person (guint i)
{
  static char ids[N_PEOPLE][16];

  i %= N_PEOPLE;
  if (ids[i][0] == '\0')
    g_snprintf (ids[i], sizeof ids[i], "person-%u", i);
  return ids[i];
}

static void
append_date (GString *out, const char *key, guint day)
{
  g_autoptr (GDateTime) base = g_date_time_new_utc (2026, 1, 5, 0, 0, 0);
  g_autoptr (GDateTime) date = g_date_time_add_days (base, day);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  g_string_append_printf (out, "\"%s\": \"%s\"", key, text);
}

static void
append_release (GString *out, guint r)
{
  guint day = r * 7;

  g_string_append_printf (
      out,
      "{\"id\": \"release-%u\", \"name\": \"Release %u\", \"version\": \"%u.%u.0\", "
      "\"summary\": \"The release number %u of the generated plan.\", \"status\": \"planning\", ",
      r, r, 1 + r / 100, r % 100, r);
  g_string_append (out, "\"timeline\": {");
  append_date (out, "code_complete", day);
  g_string_append (out, ", ");
  append_date (out, "testing_start", day + 1);
  g_string_append (out, ", ");
  append_date (out, "testing_end", day + 8);
  g_string_append (out, ", ");
  append_date (out, "deploy", day + 10);
  g_string_append (out, ", \"buffer_days\": 2, \"monitoring_hours\": 24}, ");

  g_string_append_printf (
      out,
      "\"owners\": {\"release_manager\": \"%s\", \"go_no_go\": \"%s\", "
      "\"on_call\": [\"%s\", \"%s\"], \"qa\": [\"%s\"], \"components\": "
      "[{\"component\": \"API\", \"owner\": \"%s\"}, {\"component\": \"Web\", \"owner\": \"%s\"}]}, ",
      person (r), person (r + 1), person (r + 2), person (r + 3), person (r + 4), person (r + 5),
      person (r + 6));
  g_string_append (out, "\"rollback_plan\": \"Turn the flags off and redeploy the previous build.\", ");

  g_string_append (out, "\"scope\": [");
  for (guint s = 0; s < N_SCOPE; s++)
    {
      g_string_append_printf (
          out,
          "%s{\"id\": \"scope-%u-%u\", \"title\": \"Feature %u of release %u\", "
          "\"status\": \"%s\", \"owner\": \"%s\", \"risky\": %s, \"acceptance_criteria\": [",
          s ? ", " : "", r, s, s, r, scope_states[s % 3], person (r * 7 + s), s % 4 == 0 ? "true" : "false");
      for (guint c = 0; c < N_CRITERIA; c++)
        g_string_append_printf (out,
                                "%s{\"id\": \"ac-%u-%u-%u\", \"text\": \"Criterion %u holds\", \"met\": %s}",
                                c ? ", " : "", r, s, c, c, c ? "false" : "true");
      g_string_append (out, "]}");
    }
  g_string_append (out, "], ");

  g_string_append (out, "\"dependencies\": [");
  for (guint d = 0; d < N_DEPS && d < r; d++)
    g_string_append_printf (
        out,
        "%s{\"id\": \"dep-%u-%u\", \"title\": \"After release %u\", \"kind\": \"release\", "
        "\"release\": \"release-%u\", \"status\": \"open\"}",
        d ? ", " : "", r, d, r - d - 1, r - d - 1);
  g_string_append (out, "], ");

  g_string_append (out, "\"risks\": [");
  for (guint k = 0; k < N_RISKS; k++)
    g_string_append_printf (out,
                            "%s{\"id\": \"risk-%u-%u\", \"title\": \"Risk %u\", \"likelihood\": %u, "
                            "\"impact\": %u, \"mitigation\": \"Watch the dashboards.\", \"owner\": \"%s\", "
                            "\"status\": \"open\"}",
                            k ? ", " : "", r, k, k, 1 + k, 5 - k, person (r + k));
  g_string_append (out, "], ");

  g_string_append (out, "\"checklist_sections\": [");
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    g_string_append_printf (out, "%s{\"name\": \"%s\", \"complete_before_deploy\": %s}", s ? ", " : "",
                            sections[s], s < 2 ? "true" : "false");
  g_string_append (out, "], ");

  g_string_append (out, "\"checklist\": [");
  for (guint i = 0; i < N_ITEMS; i++)
    g_string_append_printf (out,
                            "%s{\"id\": \"ci-%u-%u\", \"section\": \"%s\", \"text\": \"Checklist item %u\", "
                            "\"state\": \"%s\", \"assignee\": \"%s\"}",
                            i ? ", " : "", r, i, sections[i * G_N_ELEMENTS (sections) / N_ITEMS], i,
                            item_states[i % 3], person (r + i));
  g_string_append (out, "], ");

  g_string_append (out, "\"rollout\": [");
  for (guint s = 0; s < N_STAGES; s++)
    g_string_append_printf (out,
                            "%s{\"id\": \"stage-%u-%u\", \"name\": \"Stage %u\", \"percent\": %u, "
                            "\"hold_minutes\": 60, \"status\": \"pending\", \"criteria\": \"5xx < 0.5%%\"}",
                            s ? ", " : "", r, s, s, s == N_STAGES - 1 ? 100 : 5 + 20 * s);
  g_string_append (out, "], ");

  g_string_append (out, "\"feature_flags\": [");
  for (guint f = 0; f < N_FLAGS; f++)
    g_string_append_printf (
        out, "%s{\"id\": \"flag-%u-%u\", \"key\": \"flag-%u-%u\", \"state\": \"off\", \"percent\": 0}",
        f ? ", " : "", r, f, r, f);
  g_string_append (out, "]}");
}

char *
bench_plan_generate (guint n_releases, gsize *length)
{
  GString *out = g_string_new ("{\"format\": \"release-planner/plan\", \"format_version\": 1, \"people\": [");

  for (guint p = 0; p < N_PEOPLE; p++)
    g_string_append_printf (
        out, "%s{\"id\": \"person-%u\", \"name\": \"Person %u\", \"email\": \"p%u@example.org\"}",
        p ? ", " : "", p, p, p);
  g_string_append (out, "], \"releases\": [");
  for (guint r = 0; r < n_releases; r++)
    {
      if (r > 0)
        g_string_append (out, ", ");
      append_release (out, r);
    }
  g_string_append (out, "]}\n");
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

guint
bench_plan_rows (guint n_releases)
{
  guint deps = 0;

  for (guint r = 0; r < n_releases; r++)
    deps += MIN (r, N_DEPS);
  return N_PEOPLE + deps +
         n_releases * (1 + 7 + N_SCOPE * (1 + N_CRITERIA) + N_RISKS + G_N_ELEMENTS (sections) + N_ITEMS +
                       N_STAGES + N_FLAGS);
}
