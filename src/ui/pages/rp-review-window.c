/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-readiness-ui.h"
#include "rp-review-window.h"
#include "rp-ui-util.h"

struct _RpReviewWindow
{
  AdwWindow parent_instance;

  /* owned */
  RpStore *store;
  GPtrArray *releases; /* of RpRelease: the upcoming ones, in deploy order */
  char *release_id;
  gulong changed_id;
  guint idle_id;

  /* borrowed: widgets */
  GtkWidget *content;
  GtkWidget *position_label;
};

G_DEFINE_FINAL_TYPE (RpReviewWindow, rp_review_window, ADW_TYPE_WINDOW)

/* Deploy date first (undated last), then the name. */
static int
compare_by_deploy (gconstpointer a, gconstpointer b)
{
  RpRelease *x = *(RpRelease **) a;
  RpRelease *y = *(RpRelease **) b;
  const char *dx = rp_release_get_deploy (x);
  const char *dy = rp_release_get_deploy (y);

  if ((dx == NULL) != (dy == NULL))
    return dx == NULL ? 1 : -1;
  if (g_strcmp0 (dx, dy) != 0)
    return g_strcmp0 (dx, dy);
  return g_utf8_collate (rp_release_get_name (x), rp_release_get_name (y));
}

static void
load_releases (RpReviewWindow *self)
{
  g_autoptr (GPtrArray) all = rp_store_list (self->store, RP_ENTITY_RELEASE, NULL);

  g_clear_pointer (&self->releases, g_ptr_array_unref);
  self->releases = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      RpReleaseStatus status = rp_release_get_status (all->pdata[i]);

      if (status != RP_RELEASE_STATUS_RELEASED && status != RP_RELEASE_STATUS_CANCELLED)
        g_ptr_array_add (self->releases, g_object_ref (all->pdata[i]));
    }
  g_ptr_array_sort (self->releases, compare_by_deploy);
}

static int
find_position (RpReviewWindow *self)
{
  for (guint i = 0; i < self->releases->len; i++)
    if (g_strcmp0 (rp_record_get_id (self->releases->pdata[i]), self->release_id) == 0)
      return i;
  return -1;
}

static GtkWidget *
add_label (GtkWidget *box, const char *text, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* A heading and its lines; "none" in @empty when there are none. */
static GtkWidget *
add_section (GtkWidget *column, const char *name, const char *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_name (section, name);
  add_label (section, title, "rp-review-heading");
  gtk_box_append (GTK_BOX (column), section);
  return section;
}

static char *
describe_day (const char *what, const char *date, const GDate *today)
{
  GDate day;
  g_autofree char *words = NULL;
  int days;

  g_date_clear (&day, 1);
  if (date == NULL || !rp_date_parse_into (date, &day))
    /* Translators: "Deploy: not set" */
    return g_strdup_printf (_("%s: not set"), what);
  words = rp_ui_format_date (date);
  days = g_date_days_between (today, &day);
  if (days == 0)
    /* Translators: "Deploy: Thu, 10 Dec 2026 (today)" */
    return g_strdup_printf (_("%s: %s (today)"), what, words);
  if (days > 0)
    return g_strdup_printf (ngettext ("%s: %s (in %d day)", "%s: %s (in %d days)", days), what, words, days);
  return g_strdup_printf (ngettext ("%s: %s (%d day ago)", "%s: %s (%d days ago)", -days), what, words,
                          -days);
}

static int
compare_risk_score (gconstpointer a, gconstpointer b)
{
  return rp_risk_get_score (*(RpRisk **) b) - rp_risk_get_score (*(RpRisk **) a);
}

static const char *
person_name (GHashTable *people, const char *id)
{
  RpPerson *person = id != NULL ? g_hash_table_lookup (people, id) : NULL;

  return person != NULL ? rp_person_get_name (person) : _("Nobody");
}

static void
show_owners (RpReviewWindow *self, GtkWidget *column, RpRelease *release, GHashTable *people)
{
  GtkWidget *section = add_section (column, "review-owners", _("Owners"));
  g_autoptr (GPtrArray) owners =
      rp_store_list (self->store, RP_ENTITY_OWNER, rp_record_get_id (RP_RECORD (release)));
  const char *manager = NULL, *decider = NULL;
  g_autoptr (GString) on_call = g_string_new (NULL);
  g_autofree char *line = NULL;

  for (guint i = 0; i < owners->len; i++)
    {
      RpOwner *owner = owners->pdata[i];
      const char *person = rp_owner_get_person_id (owner);

      switch (rp_owner_get_role (owner))
        {
        case RP_OWNER_ROLE_RELEASE_MANAGER:
          manager = manager != NULL ? manager : person;
          break;
        case RP_OWNER_ROLE_GO_NO_GO:
          decider = decider != NULL ? decider : person;
          break;
        case RP_OWNER_ROLE_ON_CALL:
          g_string_append_printf (on_call, "%s%s", on_call->len > 0 ? _(", ") : "",
                                  person_name (people, person));
          break;
        case RP_OWNER_ROLE_QA:
        case RP_OWNER_ROLE_COMPONENT:
        default:
          break;
        }
    }
  line = g_strdup_printf (_("Release manager: %s"), person_name (people, manager));
  add_label (section, line, NULL);
  g_free (line);
  line = g_strdup_printf (_("Go/no-go: %s"), person_name (people, decider));
  add_label (section, line, NULL);
  g_free (line);
  line = g_strdup_printf (_("On call: %s"), on_call->len > 0 ? on_call->str : _("Nobody"));
  add_label (section, line, NULL);
}

static void
show_release (RpReviewWindow *self)
{
  GtkWidget *child, *top, *columns, *left, *right, *section;
  g_autoptr (RpReadinessReport) report = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GHashTable) by_id = NULL;
  g_autoptr (GPtrArray) risks = NULL;
  g_autoptr (GPtrArray) deps = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *position = NULL;
  RpRelease *release;
  const char *id;
  GPtrArray *findings;
  GDate today;
  int pos = find_position (self);
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);

  if (pos < 0)
    {
      add_label (self->content, _("No upcoming releases"), "rp-review-name");
      gtk_label_set_label (GTK_LABEL (self->position_label), "");
      return;
    }
  release = self->releases->pdata[pos];
  id = rp_record_get_id (RP_RECORD (release));
  rp_ui_get_today (&today);
  report = rp_ui_check_release (self->store, id);
  /* Translators: review mode, "Release 2 of 4" */
  position = g_strdup_printf (_("Release %d of %u"), pos + 1, self->releases->len);
  gtk_label_set_label (GTK_LABEL (self->position_label), position);

  people = rp_store_list (self->store, RP_ENTITY_PERSON, NULL);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (by_id, (gpointer) rp_record_get_id (people->pdata[i]), people->pdata[i]);

  gtk_widget_set_name (add_label (self->content, rp_release_get_name (release), "rp-review-name"),
                       "review-name");
  if (rp_release_get_version (release) != NULL)
    add_label (self->content, rp_release_get_version (release), "dim-label");
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  child = gtk_label_new (NULL);
  gtk_widget_set_name (child, "review-verdict");
  gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
  rp_ui_set_verdict (child, rp_readiness_report_get_verdict (report));
  gtk_box_append (GTK_BOX (top), child);
  counts = rp_ui_describe_counts (report);
  child = add_label (top, counts, "rp-review-heading");
  gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->content), top);

  /* Two columns: a projector is wide, and all of it fits at 1280×720. */
  columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 48);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (columns), left);
  gtk_box_append (GTK_BOX (columns), right);
  gtk_box_append (GTK_BOX (self->content), columns);

  /* Key dates and days left */
  section = add_section (left, "review-dates", _("Key Dates"));
  {
    const struct
    {
      const char *what;
      const char *date;
    } dates[] = {
      { _("Code complete"), rp_release_get_code_complete (release) },
      { _("Testing starts"), rp_release_get_testing_start (release) },
      { _("Testing ends"), rp_release_get_testing_end (release) },
      { _("Deploy"), rp_release_get_deploy (release) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_autofree char *line = describe_day (dates[i].what, dates[i].date, &today);

        add_label (section, line, NULL);
      }
  }

  show_owners (self, left, release, by_id);

  /* Checklist progress per section */
  section = add_section (left, "review-checklist", _("Checklist"));
  sections = rp_store_list (self->store, RP_ENTITY_CHECKLIST_SECTION, id);
  for (guint s = 0; s < sections->len; s++)
    {
      g_autoptr (GPtrArray) items =
          rp_store_list (self->store, RP_ENTITY_CHECKLIST_ITEM, rp_record_get_id (sections->pdata[s]));
      guint complete = 0;
      g_autofree char *line = NULL;

      for (guint i = 0; i < items->len; i++)
        complete += rp_checklist_item_get_state (items->pdata[i]) != RP_ITEM_STATE_OPEN;
      /* Translators: a checklist section in review mode, "Pre-Release: 3 of 7 done" */
      line = g_strdup_printf (_("%s: %u of %u done"), rp_checklist_section_get_name (sections->pdata[s]),
                              complete, items->len);
      add_label (section, line, NULL);
    }
  if (sections->len == 0)
    add_label (section, _("No checklist"), "dim-label");

  /* Open risks by score */
  section = add_section (right, "review-risks", _("Open Risks"));
  risks = rp_store_list (self->store, RP_ENTITY_RISK, id);
  g_ptr_array_sort (risks, compare_risk_score);
  for (guint i = 0; i < risks->len; i++)
    {
      g_autofree char *line = NULL;

      if (rp_risk_get_status (risks->pdata[i]) != RP_RISK_STATUS_OPEN)
        continue;
      /* Translators: a risk in review mode, "20 · Provider outage" */
      line = g_strdup_printf (_("%d · %s"), rp_risk_get_score (risks->pdata[i]),
                              rp_risk_get_title (risks->pdata[i]));
      add_label (section, line, NULL);
      shown++;
    }
  if (shown == 0)
    add_label (section, _("None"), "dim-label");

  /* Unresolved dependencies */
  section = add_section (right, "review-dependencies", _("Unresolved Dependencies"));
  deps = rp_store_list (self->store, RP_ENTITY_DEPENDENCY, id);
  shown = 0;
  for (guint i = 0; i < deps->len; i++)
    {
      RpDependencyStatus status = rp_dependency_get_status (deps->pdata[i]);

      if (status == RP_DEPENDENCY_STATUS_RESOLVED)
        continue;
      add_label (section, rp_dependency_get_title (deps->pdata[i]),
                 status == RP_DEPENDENCY_STATUS_BLOCKED ? "error" : NULL);
      shown++;
    }
  if (shown == 0)
    add_label (section, _("None"), "dim-label");

  /* Findings */
  section = add_section (self->content, "review-findings", _("Findings"));
  findings = rp_readiness_report_get_findings (report);
  for (guint i = 0; i < findings->len; i++)
    {
      RpFinding *finding = findings->pdata[i];
      /* Translators: "Blocker: The release has no rollback plan" */
      g_autofree char *line =
          g_strdup_printf (_("%s: %s"), rp_ui_severity_label (rp_finding_get_severity (finding)),
                           rp_finding_get_message (finding));

      add_label (section, line, rp_finding_get_severity (finding) == RP_SEVERITY_BLOCKER ? "error" : NULL);
    }
  if (findings->len == 0)
    add_label (section, _("None: every applicable check passes"), "dim-label");
}

void
rp_review_window_move (RpReviewWindow *self, int delta)
{
  int pos;

  g_return_if_fail (RP_IS_REVIEW_WINDOW (self));

  if (self->releases->len == 0)
    return;
  pos = CLAMP (find_position (self) + delta, 0, (int) self->releases->len - 1);
  g_free (self->release_id);
  self->release_id = g_strdup (rp_record_get_id (self->releases->pdata[pos]));
  show_release (self);
}

const char *
rp_review_window_get_release_id (RpReviewWindow *self)
{
  g_return_val_if_fail (RP_IS_REVIEW_WINDOW (self), NULL);

  return self->release_id;
}

static void
reload (RpReviewWindow *self)
{
  load_releases (self);
  if (find_position (self) < 0)
    {
      g_clear_pointer (&self->release_id, g_free);
      if (self->releases->len > 0)
        self->release_id = g_strdup (rp_record_get_id (self->releases->pdata[0]));
    }
  show_release (self);
}

static gboolean
on_reload_idle_cb (gpointer data)
{
  RpReviewWindow *self = data;

  self->idle_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpReviewWindow *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (on_reload_idle_cb, self);
}

static gboolean
on_move_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  rp_review_window_move (RP_REVIEW_WINDOW (widget), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
on_leave_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

GtkWidget *
rp_review_window_new (RpStore *store, const char *release_id)
{
  RpReviewWindow *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  self = g_object_new (RP_TYPE_REVIEW_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->release_id = g_strdup (release_id);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
  return GTK_WIDGET (self);
}

static void
rp_review_window_dispose (GObject *object)
{
  RpReviewWindow *self = RP_REVIEW_WINDOW (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->releases, g_ptr_array_unref);
  g_clear_pointer (&self->release_id, g_free);

  G_OBJECT_CLASS (rp_review_window_parent_class)->dispose (object);
}

static void
rp_review_window_class_init (RpReviewWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_review_window_dispose;
}

static void
rp_review_window_init (RpReviewWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *hint;
  GtkEventController *keys = gtk_shortcut_controller_new ();
  const struct
  {
    guint key;
    int delta;
  } moves[] = {
    { GDK_KEY_Right, 1 }, { GDK_KEY_Down, 1 }, { GDK_KEY_Page_Down, 1 }, { GDK_KEY_space, 1 },
    { GDK_KEY_Left, -1 }, { GDK_KEY_Up, -1 },  { GDK_KEY_Page_Up, -1 },
  };

  gtk_window_set_title (GTK_WINDOW (self), _("Review Mode"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self), "rp-review");

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (self->content, 32);
  gtk_widget_set_margin_bottom (self->content, 32);
  gtk_widget_set_margin_start (self->content, 32);
  gtk_widget_set_margin_end (self->content, 32);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_widget_set_margin_start (footer, 32);
  gtk_widget_set_margin_end (footer, 32);
  gtk_widget_set_margin_top (footer, 8);
  gtk_widget_set_margin_bottom (footer, 12);
  self->position_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->position_label, "review-position");
  gtk_box_append (GTK_BOX (footer), self->position_label);
  hint = gtk_label_new (_("← → move between upcoming releases · Esc leaves"));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 1);
  gtk_box_append (GTK_BOX (footer), hint);
  gtk_box_append (GTK_BOX (box), footer);
  adw_window_set_content (ADW_WINDOW (self), box);

  /* Capture: the keys are the window's, whatever has the focus. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), moves[i].key, 0, on_move_cb, NULL,
                        g_variant_new_int32 (moves[i].delta));
  rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, 0, on_leave_cb, NULL, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
