/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rp-release-overview.h"
#include "rp-labels.h"

/* The read-only overview of one release: what it is, when it happens,
 * who owns it, how it is rolled back and watched, and how much is in it. */
struct _RpReleaseOverview
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwPreferencesPage *page;
  GtkLabel *title_label;
  GtkLabel *status_label;
  GtkLabel *version_label;
  GtkLabel *summary_label;
  AdwActionRow *code_complete_row;
  AdwActionRow *testing_row;
  AdwActionRow *deploy_row;
  AdwActionRow *window_row;
  AdwActionRow *buffer_row;
  AdwActionRow *monitoring_row;
  AdwPreferencesGroup *owners_group;
  AdwActionRow *rollback_row;
  AdwActionRow *monitoring_plan_row;
  AdwActionRow *scope_row;
  AdwActionRow *risks_row;
  AdwActionRow *dependencies_row;
  AdwActionRow *checklist_row;

  /* owned */
  RpStore *store;
  RpRecord *release;
  GPtrArray *owner_rows; /* borrowed from owners_group */
};

G_DEFINE_FINAL_TYPE (RpReleaseOverview, rp_release_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RELEASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* Short values (dates, counts) sit at the end of their row, where the eye
 * finds them down a column; long ones (plans) are the row's subtitle. */
static void
add_value_label (AdwActionRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Not wrapped: a wrapping label asks for the width of its longest word
   * and the row would give it no more; the title wraps instead. */
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (row, label);
  g_object_set_data (G_OBJECT (row), "rp-value-label", label);
}

static void
set_row_value (AdwActionRow *row,
               const char *text)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "rp-value-label");

  g_assert (GTK_IS_LABEL (label));
  gtk_label_set_label (label, text);
}

static void
set_row_text (AdwActionRow *row,
              const char *text,
              const char *fallback)
{
  if (g_object_get_data (G_OBJECT (row), "rp-value-label") != NULL)
    set_row_value (row, is_blank (text) ? fallback : text);
  else
    adw_action_row_set_subtitle (row, is_blank (text) ? fallback : text);
}

static void
set_date_row (AdwActionRow *row,
              RpRecord *release,
              const char *column)
{
  g_autofree char *date = rp_labels_date (rp_record_get_string (release, column));

  set_row_text (row, date, _("Not set"));
}

static char *
dup_person_name (RpReleaseOverview *self,
                 const char *person_id)
{
  g_autoptr (RpRecord) person = NULL;

  if (person_id == NULL)
    return NULL;

  person = rp_store_get (self->store, RP_ENTITY_PERSON, person_id, NULL);
  if (person == NULL)
    return NULL;

  return g_strdup (rp_record_get_string (person, "name"));
}

static void
add_owner_row (RpReleaseOverview *self,
               const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->owners_group, row);
  g_ptr_array_add (self->owner_rows, row);
}

static void
update_owners (RpReleaseOverview *self)
{
  g_autoptr (GPtrArray) owners = NULL;
  const char *release_id = rp_record_get_id (self->release);

  for (guint i = 0; i < self->owner_rows->len; i++)
    adw_preferences_group_remove (self->owners_group, g_ptr_array_index (self->owner_rows, i));
  g_ptr_array_set_size (self->owner_rows, 0);

  owners = rp_store_list (self->store, RP_ENTITY_OWNER, release_id);

  /* One row per role, in the order of the data model, with everybody who
   * holds it; components get a row each since each has its own owner. */
  for (guint r = 0; rp_owner_roles[r] != NULL; r++)
    {
      const char *role = rp_owner_roles[r];
      g_autoptr (GString) names = g_string_new (NULL);
      gboolean is_component = g_strcmp0 (role, "component") == 0;

      for (guint i = 0; owners != NULL && i < owners->len; i++)
        {
          RpRecord *owner = g_ptr_array_index (owners, i);
          g_autofree char *name = NULL;

          if (g_strcmp0 (rp_record_get_string (owner, "role"), role) != 0)
            continue;

          name = dup_person_name (self, rp_record_get_string (owner, "person_id"));
          if (name == NULL)
            name = g_strdup (_("Unknown person"));

          if (is_component)
            {
              const char *component = rp_record_get_string (owner, "component");
              g_autofree char *title = NULL;

              if (!is_blank (component))
                /* Translators: the owner of one component of a release */
                title = g_strdup_printf (_("Component: %s"), component);
              add_owner_row (self, title != NULL ? title : rp_labels_owner_role (role), name);
            }
          else
            {
              if (names->len > 0)
                g_string_append (names, ", ");
              g_string_append (names, name);
            }
        }

      if (!is_component)
        add_owner_row (self, rp_labels_owner_role (role),
                       names->len > 0 ? names->str : _("Nobody yet"));
    }
}

static void
update_counts (RpReleaseOverview *self)
{
  const char *release_id = rp_record_get_id (self->release);
  g_autoptr (GPtrArray) scope = rp_store_list (self->store, RP_ENTITY_SCOPE_ITEM, release_id);
  g_autoptr (GPtrArray) risks = rp_store_list (self->store, RP_ENTITY_RISK, release_id);
  g_autoptr (GPtrArray) deps = rp_store_list (self->store, RP_ENTITY_DEPENDENCY, release_id);
  g_autofree char *text = NULL;
  RpProgress progress = { 0 };
  guint n, done = 0, open = 0, unresolved = 0;

  n = scope != NULL ? scope->len : 0;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (rp_record_get_string (g_ptr_array_index (scope, i), "status"), "done") == 0)
      done++;
  if (n == 0)
    text = g_strdup (_("No scope items yet"));
  else
    /* Translators: "<n> items, <m> done" */
    text = g_strdup_printf (ngettext ("%u item, %u done", "%u items, %u done", n), n, done);
  set_row_value (self->scope_row, text);
  g_clear_pointer (&text, g_free);

  n = risks != NULL ? risks->len : 0;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (rp_record_get_string (g_ptr_array_index (risks, i), "status"), "open") == 0)
      open++;
  if (n == 0)
    text = g_strdup (_("No risks recorded"));
  else
    /* Translators: "<n> risks, <m> open" */
    text = g_strdup_printf (ngettext ("%u risk, %u open", "%u risks, %u open", n), n, open);
  set_row_value (self->risks_row, text);
  g_clear_pointer (&text, g_free);

  n = deps != NULL ? deps->len : 0;
  for (guint i = 0; i < n; i++)
    {
      const char *status = rp_record_get_string (g_ptr_array_index (deps, i), "status");
      if (g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "blocked") == 0)
        unresolved++;
    }
  if (n == 0)
    text = g_strdup (_("No dependencies"));
  else
    /* Translators: "<n> dependencies, <m> unresolved" */
    text = g_strdup_printf (
        ngettext ("%u dependency, %u unresolved", "%u dependencies, %u unresolved", n), n,
        unresolved);
  set_row_value (self->dependencies_row, text);
  g_clear_pointer (&text, g_free);

  rp_checklist_progress (self->store, release_id, NULL, &progress);
  if (progress.total == 0)
    text = g_strdup (_("No checklist yet"));
  else
    /* Translators: "<done> of <total> items done", not-applicable items count as done */
    text = g_strdup_printf (ngettext ("%u of %u item done", "%u of %u items done", progress.total),
                            progress.done + progress.na, progress.total);
  set_row_value (self->checklist_row, text);
}

static void
update_timeline (RpReleaseOverview *self)
{
  RpRecord *release = self->release;
  const char *window_start = rp_record_get_string (release, "window_start");
  const char *window_end = rp_record_get_string (release, "window_end");
  const char *timezone = rp_record_get_string (release, "window_timezone");
  g_autofree char *testing_start = rp_labels_date (rp_record_get_string (release, "testing_start"));
  g_autofree char *testing_end = rp_labels_date (rp_record_get_string (release, "testing_end"));
  g_autofree char *text = NULL;
  gint64 buffer_days = rp_record_get_int (release, "buffer_days");
  gint64 monitoring_hours = rp_record_get_int (release, "monitoring_hours");

  set_date_row (self->code_complete_row, release, "code_complete");
  set_date_row (self->deploy_row, release, "deploy");

  if (testing_start != NULL || testing_end != NULL)
    /* Translators: the testing window, "<start> – <end>" */
    text = g_strdup_printf (_("%s – %s"),
                            testing_start != NULL ? testing_start : _("not set"),
                            testing_end != NULL ? testing_end : _("not set"));
  set_row_text (self->testing_row, text, _("Not set"));
  g_clear_pointer (&text, g_free);

  if (window_start != NULL && window_end != NULL)
    {
      if (!is_blank (timezone))
        /* Translators: the deploy window, "<start>–<end> <time zone>" */
        text = g_strdup_printf (_("%s–%s %s"), window_start, window_end, timezone);
      else
        /* Translators: the deploy window, "<start>–<end>" */
        text = g_strdup_printf (_("%s–%s"), window_start, window_end);
    }
  set_row_text (self->window_row, text, _("Not set"));
  g_clear_pointer (&text, g_free);

  if (buffer_days == 0)
    text = g_strdup (_("No buffer"));
  else
    text = g_strdup_printf (
        ngettext ("%d day after deploy", "%d days after deploy", (gulong) buffer_days),
        (int) buffer_days);
  set_row_value (self->buffer_row, text);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (
      ngettext ("%d hour after deploy", "%d hours after deploy", (gulong) monitoring_hours),
      (int) monitoring_hours);
  set_row_value (self->monitoring_row, text);
}

static void
update_header (RpReleaseOverview *self)
{
  RpRecord *release = self->release;
  const char *version = rp_record_get_string (release, "version");
  const char *summary = rp_record_get_string (release, "summary");
  g_autofree char *version_text = NULL;

  if (!is_blank (version))
    /* Translators: the version of the release shown in the overview */
    version_text = g_strdup_printf (_("Version %s"), version);

  gtk_label_set_label (self->title_label, rp_record_get_string (release, "name"));
  rp_labels_set_status_badge (self->status_label, rp_record_get_string (release, "status"));
  gtk_label_set_label (self->version_label,
                       version_text != NULL ? version_text : _("No version yet"));
  gtk_label_set_label (self->summary_label, is_blank (summary) ? _("No summary yet.") : summary);
  gtk_widget_set_opacity (GTK_WIDGET (self->summary_label), is_blank (summary) ? 0.55 : 1.0);
}

/**
 * rp_release_overview_refresh:
 *
 * Reads the release's owners and contents from the store again; the
 * window calls it after the store changed.
 */
void
rp_release_overview_refresh (RpReleaseOverview *self)
{
  g_return_if_fail (RP_IS_RELEASE_OVERVIEW (self));

  if (self->release == NULL || self->store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->page), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->page), TRUE);
  update_header (self);
  update_timeline (self);
  update_owners (self);
  set_row_text (self->rollback_row, rp_record_get_string (self->release, "rollback_plan"),
                _("No rollback plan yet"));
  set_row_text (self->monitoring_plan_row, rp_record_get_string (self->release, "monitoring_plan"),
                _("No monitoring plan yet"));
  update_counts (self);
}

static void
rp_release_overview_dispose (GObject *object)
{
  RpReleaseOverview *self = RP_RELEASE_OVERVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_RELEASE_OVERVIEW);
  g_clear_pointer (&self->owner_rows, g_ptr_array_unref);
  g_clear_object (&self->release);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_release_overview_parent_class)->dispose (object);
}

static void
rp_release_overview_get_property (GObject *object,
                                  guint prop_id,
                                  GValue *value,
                                  GParamSpec *pspec)
{
  RpReleaseOverview *self = RP_RELEASE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RELEASE:
      g_value_set_object (value, self->release);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_release_overview_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  RpReleaseOverview *self = RP_RELEASE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rp_release_overview_set_store (self, g_value_get_object (value));
      break;

    case PROP_RELEASE:
      rp_release_overview_set_release (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_release_overview_class_init (RpReleaseOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_release_overview_dispose;
  object_class->get_property = rp_release_overview_get_property;
  object_class->set_property = rp_release_overview_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RELEASE] =
    g_param_spec_object ("release", NULL, NULL,
                         RP_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rp-release-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, page);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, title_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, status_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, version_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, code_complete_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, testing_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, deploy_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, window_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, buffer_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, monitoring_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, owners_group);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, rollback_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, monitoring_plan_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, scope_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, risks_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, dependencies_row);
  gtk_widget_class_bind_template_child (widget_class, RpReleaseOverview, checklist_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
add_value_labels (RpReleaseOverview *self)
{
  AdwActionRow *rows[] = {
    self->code_complete_row, self->testing_row, self->deploy_row, self->window_row,
    self->buffer_row, self->monitoring_row,
    self->scope_row, self->risks_row, self->dependencies_row, self->checklist_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    add_value_label (rows[i]);
}

static void
rp_release_overview_init (RpReleaseOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->owner_rows = g_ptr_array_new ();
  add_value_labels (self);
  rp_release_overview_refresh (self);
}

GtkWidget *
rp_release_overview_new (void)
{
  return g_object_new (RP_TYPE_RELEASE_OVERVIEW, NULL);
}

/**
 * rp_release_overview_get_store:
 *
 * Returns: (transfer none) (nullable): the store the details come from
 */
RpStore *
rp_release_overview_get_store (RpReleaseOverview *self)
{
  g_return_val_if_fail (RP_IS_RELEASE_OVERVIEW (self), NULL);

  return self->store;
}

void
rp_release_overview_set_store (RpReleaseOverview *self,
                               RpStore *store)
{
  g_return_if_fail (RP_IS_RELEASE_OVERVIEW (self));
  g_return_if_fail (store == NULL || RP_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  rp_release_overview_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * rp_release_overview_get_release:
 *
 * Returns: (transfer none) (nullable): the release shown
 */
RpRecord *
rp_release_overview_get_release (RpReleaseOverview *self)
{
  g_return_val_if_fail (RP_IS_RELEASE_OVERVIEW (self), NULL);

  return self->release;
}

void
rp_release_overview_set_release (RpReleaseOverview *self,
                                 RpRecord *release)
{
  g_return_if_fail (RP_IS_RELEASE_OVERVIEW (self));
  g_return_if_fail (release == NULL || RP_IS_RECORD (release));

  if (!g_set_object (&self->release, release))
    return;

  rp_release_overview_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE]);
}

/**
 * rp_release_overview_get_title:
 *
 * Returns: (transfer none): the title shown at the top: the release's name
 */
const char *
rp_release_overview_get_title (RpReleaseOverview *self)
{
  g_return_val_if_fail (RP_IS_RELEASE_OVERVIEW (self), NULL);

  return gtk_label_get_label (self->title_label);
}
