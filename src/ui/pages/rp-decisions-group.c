/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-decisions-group.h"
#include "rp-person-row.h"
#include "rp-readiness-ui.h"
#include "rp-ui-util.h"

/* The go/no-go log of a release. A release collects a handful of
 * decisions in its life, so a plain boxed list of rows is enough here
 * (not one of the list views the growing lists use). Every change is one
 * store call, saved at once and undoable; the rows are rebuilt from the
 * store in an idle after it changed, whoever changed it. */

struct _RpDecisionsGroup
{
  AdwPreferencesGroup parent_instance;

  /* owned */
  RpStore *store;
  char *release_id;
  gulong changed_id;
  guint reload_id;
  GtkSizeGroup *pills; /* every pill as wide as the widest: the titles line up */

  /* borrowed: widgets */
  GtkWidget *record_button;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (RpDecisionsGroup, rp_decisions_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_RELEASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DECISION_ID_KEY "rp-decision-id"

/* The pills: the word on a tinted background, from libadwaita's named
 * colours so that they follow the dark style. The pages also run without
 * the application's style sheet (in their tests), so the group brings
 * its own, once per display. */
static const char decisions_css[] = ".rp-decision-pill {"
                                    "  padding: 2px 10px;"
                                    "  border-radius: 999px;"
                                    "  font-size: smaller;"
                                    "  font-weight: bold;"
                                    "}"
                                    ".rp-decision-pill.rp-decision-go {"
                                    "  color: @success_color;"
                                    "  background-color: alpha(@success_bg_color, 0.18);"
                                    "}"
                                    ".rp-decision-pill.rp-decision-go-with-risks {"
                                    "  color: @warning_color;"
                                    "  background-color: alpha(@warning_bg_color, 0.2);"
                                    "}"
                                    ".rp-decision-pill.rp-decision-no-go {"
                                    "  color: @error_color;"
                                    "  background-color: alpha(@error_bg_color, 0.18);"
                                    "}";

static void
ensure_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr (GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "rp-decisions-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, decisions_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "rp-decisions-css", g_steal_pointer (&provider),
                          g_object_unref);
}

static const char *
pill_class (RpDecisionKind decision)
{
  if (decision == RP_DECISION_KIND_GO)
    return "rp-decision-go";
  if (decision == RP_DECISION_KIND_GO_WITH_RISKS)
    return "rp-decision-go-with-risks";
  return "rp-decision-no-go";
}

/* "Thu, 10 Dec 2026, 14:05" in local time for the UTC timestamp @at. */
static char *
format_at (const char *at)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (at, NULL);
  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  /* Translators: when a go/no-go decision was taken, see
   * g_date_time_format(); e.g. "Thu, 10 Dec 2026, 14:05" */
  return g_date_time_format (local, C_("date and time", "%a, %-d %b %Y, %H:%M"));
}

static void
show_error_toast (RpDecisionsGroup *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

/* The release's go/no-go decider: the person of its first owner row with
 * that role, or NULL. */
static char *
find_go_no_go_owner (RpDecisionsGroup *self, const char *release_id)
{
  g_autoptr (GPtrArray) owners = rp_store_list (self->store, RP_ENTITY_OWNER, release_id);

  for (guint i = 0; i < owners->len; i++)
    if (rp_owner_get_role (owners->pdata[i]) == RP_OWNER_ROLE_GO_NO_GO)
      return g_strdup (rp_owner_get_person_id (owners->pdata[i]));
  return NULL;
}

/* The dialog: record a new decision or change one */

typedef struct
{
  RpDecisionsGroup *self; /* owned */
  char *release_id;
  char *decision_id; /* NULL: a new decision */
  AdwComboRow *choice;
  RpPersonRow *by;
  GtkTextBuffer *notes;
  GtkWidget *why; /* says a go over blockers needs its reason */
  guint blockers; /* of the verdict the dialog opened with */
} DecisionRequest;

static void
decision_request_free (gpointer data, GClosure *closure)
{
  DecisionRequest *request = data;

  g_clear_object (&request->self);
  g_free (request->release_id);
  g_free (request->decision_id);
  g_free (request);
}

/* A log entry says who decided (no "Nobody"), and a go over blockers
 * says why. */
static void
update_record_response (DecisionRequest *request, AdwMessageDialog *dialog)
{
  guint selected = adw_combo_row_get_selected (request->choice);
  gboolean over_blockers = request->blockers > 0 && selected != RP_DECISION_KIND_NO_GO;
  gboolean has_notes;
  GtkTextIter start, end;
  g_autofree char *notes = NULL;

  gtk_text_buffer_get_bounds (request->notes, &start, &end);
  notes = gtk_text_buffer_get_text (request->notes, &start, &end, FALSE);
  has_notes = !rp_str_is_blank (notes);
  gtk_widget_set_visible (request->why, over_blockers);
  adw_message_dialog_set_response_enabled (dialog, "record",
                                           rp_person_row_get_person_id (request->by) != NULL &&
                                               (!over_blockers || has_notes));
}

static void
on_dialog_input_changed_cb (GObject *object, GParamSpec *pspec, AdwMessageDialog *dialog)
{
  update_record_response (g_object_get_data (G_OBJECT (dialog), "rp-request"), dialog);
}

static void
on_dialog_notes_changed_cb (GtkTextBuffer *buffer, AdwMessageDialog *dialog)
{
  update_record_response (g_object_get_data (G_OBJECT (dialog), "rp-request"), dialog);
}

static gboolean
save_request (DecisionRequest *request, GError **error)
{
  RpDecisionsGroup *self = request->self;
  guint selected = adw_combo_row_get_selected (request->choice);
  const char *by_id = rp_person_row_get_person_id (request->by);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  g_autoptr (RpRecord) stored = NULL;
  g_autoptr (RpRecord) record = NULL;

  gtk_text_buffer_get_bounds (request->notes, &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (request->notes, &start, &end, FALSE));
  if (selected >= g_strv_length ((char **) rp_decisions))
    selected = 0;

  if (request->decision_id == NULL)
    {
      g_autofree char *id = NULL;
      GDate today;

      /* With the readiness snapshot of this moment, one undo step. */
      rp_ui_get_today (&today);
      id = rp_decision_record (self->store, request->release_id, selected, by_id,
                               *notes != '\0' ? notes : NULL, &today, NULL, error);
      return id != NULL;
    }

  stored = rp_store_get (self->store, RP_ENTITY_DECISION, request->decision_id, error);
  if (stored == NULL)
    return FALSE;
  record = rp_record_copy (stored);

  rp_record_set_string (record, "decision", rp_decisions[selected]);
  if (by_id != NULL)
    rp_record_set_string (record, "by_id", by_id);
  else
    rp_record_set_null (record, "by_id");
  if (*notes != '\0')
    rp_record_set_string (record, "notes", notes);
  else
    rp_record_set_null (record, "notes");

  /* Nothing changed: no empty undo step. */
  if (rp_record_equal (stored, record))
    return TRUE;
  return rp_store_update (self->store, record, error);
}

static void
on_dialog_responded_cb (AdwMessageDialog *dialog, const char *response, DecisionRequest *request)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "record") != 0)
    return;
  if (!save_request (request, &error))
    show_error_toast (request->self, error->message);
}

static GtkWidget *
open_dialog (RpDecisionsGroup *self, RpDecision *decision, RpReadinessReport *report)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DecisionRequest *request = g_new0 (DecisionRequest, 1);
  g_autoptr (GtkStringList) choices = rp_ui_enum_model (rp_decisions);
  g_autofree char *person_id = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *list, *choice, *by, *notes_label, *notes_area, *notes, *why;
  RpDecisionKind preset = RP_DECISION_KIND_NO_GO;

  request->self = g_object_ref (self);
  if (decision != NULL)
    {
      g_autofree char *when = format_at (rp_decision_get_at (decision));

      request->release_id = g_strdup (rp_decision_get_release_id (decision));
      request->decision_id = g_strdup (rp_record_get_id (RP_RECORD (decision)));
      person_id = g_strdup (rp_decision_get_by_id (decision));
      preset = rp_decision_get_decision (decision);
      /* Translators: %s is a date and time */
      body = g_strdup_printf (_("Recorded on %s."), when);
    }
  else
    {
      g_autofree char *counts = NULL;

      request->release_id = g_strdup (self->release_id);
      person_id = find_go_no_go_owner (self, self->release_id);
      /* Pre-set from what the plan says, not "Go" whatever it says. */
      preset = report != NULL ? rp_readiness_report_get_verdict (report) : RP_DECISION_KIND_NO_GO;
      request->blockers = report != NULL ? rp_readiness_report_count (report, RP_SEVERITY_BLOCKER) : 0;
      counts = report != NULL ? rp_ui_describe_counts (report) : g_strdup ("");
      /* Translators: the verdict, then "3 blockers, 2 warnings" */
      body = g_strdup_printf (_("The readiness checks say “%s” (%s). The decision is logged with the "
                                 "current date and time and the findings of this moment."),
                              rp_ui_verdict_label (preset), counts);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   decision != NULL ? _("Edit Decision") : _("Record Decision"), body);
  gtk_widget_set_name (dialog, "decision-dialog");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Decision"), -1);

  choice = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice), _("Decision"));
  adw_combo_row_set_model (ADW_COMBO_ROW (choice), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (choice), preset);
  gtk_widget_set_name (choice, "decision-choice");
  gtk_list_box_append (GTK_LIST_BOX (list), choice);

  by = rp_person_row_new (self->store, _("Decided By"), TRUE);
  rp_person_row_set_person_id (RP_PERSON_ROW (by), person_id);
  gtk_widget_set_name (by, "decision-by");
  gtk_list_box_append (GTK_LIST_BOX (list), by);

  /* Why: often more than a line (named by the label below), so a text area rather than an entry. */
  notes_area = rp_ui_text_area_new ("decision-notes", NULL, 80);
  notes = gtk_frame_get_child (GTK_FRAME (notes_area));
  if (decision != NULL && rp_decision_get_notes (decision) != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)),
                              rp_decision_get_notes (decision), -1);
  notes_label = gtk_label_new_with_mnemonic (_("_Notes"));
  gtk_label_set_xalign (GTK_LABEL (notes_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (notes_label), notes);
  gtk_widget_add_css_class (notes_label, "heading");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_box_append (GTK_BOX (box), notes_label);
  gtk_box_append (GTK_BOX (box), notes_area);
  why = gtk_label_new (g_dngettext (GETTEXT_PACKAGE,
                                    "The release has a blocker: say in the notes why it goes anyway.",
                                    "The release has blockers: say in the notes why it goes anyway.",
                                    MAX (request->blockers, 1)));
  gtk_widget_set_name (why, "decision-why");
  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_widget_add_css_class (why, "warning");
  gtk_box_append (GTK_BOX (box), why);
  request->why = why;

  request->choice = ADW_COMBO_ROW (choice);
  request->by = RP_PERSON_ROW (by);
  request->notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "record",
                                    decision != NULL ? _("_Save") : _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "rp-request", request);
  update_record_response (request, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (by, "notify::person-id", G_CALLBACK (on_dialog_input_changed_cb), dialog);
  g_signal_connect (choice, "notify::selected", G_CALLBACK (on_dialog_input_changed_cb), dialog);
  g_signal_connect (request->notes, "changed", G_CALLBACK (on_dialog_notes_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_dialog_responded_cb), request,
                         decision_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (choice);
  return dialog;
}

static void
on_record_clicked_cb (GtkButton *button, RpDecisionsGroup *self)
{
  rp_decisions_group_record (self, NULL);
}

/* The rows */

static void
on_edit_clicked_cb (GtkButton *button, RpDecisionsGroup *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), DECISION_ID_KEY);
  g_autoptr (RpRecord) decision = rp_store_get (self->store, RP_ENTITY_DECISION, id, NULL);

  if (decision != NULL)
    open_dialog (self, RP_DECISION (decision), NULL);
}

static void
on_delete_clicked_cb (GtkButton *button, RpDecisionsGroup *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), DECISION_ID_KEY));
  g_autoptr (RpRecord) decision = rp_store_get (self->store, RP_ENTITY_DECISION, id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;

  if (decision == NULL)
    return;
  /* Translators: %s is a decision, e.g. "No-go"; the toast says
   * "Decision “No-go” deleted" */
  what = g_strdup_printf (_("Decision “%s”"),
                          rp_ui_verdict_label (rp_decision_get_decision (RP_DECISION (decision))));

  /* The row goes away with its button: keep the focus in the group. */
  gtk_widget_grab_focus (self->record_button);
  if (!rp_store_delete (self->store, RP_ENTITY_DECISION, id, &error))
    {
      show_error_toast (self, error->message);
      return;
    }
  rp_ui_toast_deleted (GTK_WIDGET (self), what);
}

static GtkWidget *
make_icon_button (RpDecisionsGroup *self, const char *icon_name, const char *name, const char *tooltip,
                  const char *label, const char *decision_id, GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), DECISION_ID_KEY, g_strdup (decision_id), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
make_row (RpDecisionsGroup *self, RpDecision *decision, GHashTable *people)
{
  RpDecisionKind value = rp_decision_get_decision (decision);
  const char *words = rp_ui_verdict_label (value);
  const char *by_id = rp_decision_get_by_id (decision);
  RpPerson *person = by_id != NULL ? g_hash_table_lookup (people, by_id) : NULL;
  const char *notes = rp_decision_get_notes (decision);
  const char *id = rp_record_get_id (RP_RECORD (decision));
  g_autofree char *when = format_at (rp_decision_get_at (decision));
  g_autofree char *title = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (words);

  if (person != NULL)
    /* Translators: when, then who decided: "Thu, 10 Dec 2026, 14:05 · by Ada Lovelace" */
    title = g_strdup_printf (_("%s · by %s"), when, rp_person_get_name (person));
  else
    title = g_strdup (when);

  gtk_widget_set_name (row, "decision-row");
  g_object_set_data_full (G_OBJECT (row), DECISION_ID_KEY, g_strdup (id), g_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (notes != NULL && *notes != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), notes);

  gtk_widget_set_name (pill, "decision-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "rp-decision-pill");
  gtk_widget_add_css_class (pill, pill_class (value));
  gtk_size_group_add_widget (self->pills, pill);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), pill);

  /* Translators: %s is when the decision was taken */
  edit_label = g_strdup_printf (_("Edit the decision of %s"), when);
  /* Translators: %s is when the decision was taken */
  delete_label = g_strdup_printf (_("Delete the decision of %s"), when);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button (self, "document-edit-symbolic", "edit-decision",
                                               _("Edit Decision"), edit_label, id,
                                               G_CALLBACK (on_edit_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button (self, "user-trash-symbolic", "delete-decision",
                                               _("Delete Decision"), delete_label, id,
                                               G_CALLBACK (on_delete_clicked_cb)));
  return row;
}

/* Newest first; two taken in the same second: the later recorded first. */
static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  RpDecision *x = *(RpDecision **) a;
  RpDecision *y = *(RpDecision **) b;
  int cmp = g_strcmp0 (rp_decision_get_at (y), rp_decision_get_at (x));
  gint64 px, py;

  if (cmp != 0)
    return cmp;
  px = rp_record_get_position (RP_RECORD (x));
  py = rp_record_get_position (RP_RECORD (y));
  return py < px ? -1 : py > px;
}

static void
reload (RpDecisionsGroup *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  g_autoptr (RpRecord) release = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  /* The placeholder is a child too: only the rows go. */
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->list, child);
      child = next;
    }

  if (self->release_id != NULL)
    release = rp_store_get (self->store, RP_ENTITY_RELEASE, self->release_id, NULL);
  gtk_widget_set_sensitive (self->record_button, release != NULL);
  if (release == NULL)
    return;

  people = rp_store_list (self->store, RP_ENTITY_PERSON, NULL);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (by_id, (gpointer) rp_record_get_id (people->pdata[i]), people->pdata[i]);

  decisions = rp_store_list (self->store, RP_ENTITY_DECISION, self->release_id);
  g_ptr_array_sort (decisions, compare_newest_first);
  for (guint i = 0; i < decisions->len; i++)
    gtk_list_box_append (self->list, make_row (self, RP_DECISION (decisions->pdata[i]), by_id));
}

static gboolean
on_reload_idle_cb (gpointer user_data)
{
  RpDecisionsGroup *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* One reload for a burst of changes (an undo of a group, an import), and
 * never under the feet of the button whose click made the change. */
static void
queue_reload (RpDecisionsGroup *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (on_reload_idle_cb, self);
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpDecisionsGroup *self)
{
  if (entity == RP_N_ENTITIES || entity == RP_ENTITY_DECISION || entity == RP_ENTITY_PERSON ||
      (entity == RP_ENTITY_RELEASE && g_strcmp0 (id, self->release_id) == 0))
    queue_reload (self);
}

/* Public */

/**
 * rp_decisions_group_record:
 * @report: (nullable): the readiness of the release now, or NULL to check
 *
 * Asks for a new decision on the release shown, pre-set from the verdict
 * of @report: who decides (the go/no-go owner), what (the verdict) and
 * why, which a go over blockers must say. Nothing without a release.
 */
void
rp_decisions_group_record (RpDecisionsGroup *self, RpReadinessReport *report)
{
  g_autoptr (RpReadinessReport) checked = NULL;

  g_return_if_fail (RP_IS_DECISIONS_GROUP (self));

  if (self->release_id == NULL)
    return;
  if (report == NULL)
    report = checked = rp_ui_check_release (self->store, self->release_id);
  open_dialog (self, NULL, report);
}

/**
 * rp_decisions_group_new:
 * @store: the store to read and write
 *
 * Returns: (transfer floating): a group showing no release yet
 */
GtkWidget *
rp_decisions_group_new (RpStore *store)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_DECISIONS_GROUP, "store", store, NULL);
}

/**
 * rp_decisions_group_set_release_id:
 * @release_id: (nullable): the release whose decisions to show
 */
void
rp_decisions_group_set_release_id (RpDecisionsGroup *self, const char *release_id)
{
  g_return_if_fail (RP_IS_DECISIONS_GROUP (self));

  if (g_strcmp0 (self->release_id, release_id) == 0)
    return;
  g_free (self->release_id);
  self->release_id = g_strdup (release_id);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_ID]);
}

/* GObject */

static void
rp_decisions_group_constructed (GObject *object)
{
  RpDecisionsGroup *self = RP_DECISIONS_GROUP (object);
  GtkWidget *placeholder = gtk_label_new (_("No decisions recorded yet"));

  G_OBJECT_CLASS (rp_decisions_group_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  ensure_css (GTK_WIDGET (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Go/No-Go Decisions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("What was decided before the deploy, by whom and why"));

  /* Words only: at 360 px an icon too would cut the group's title short. */
  self->record_button = gtk_button_new_with_mnemonic (_("_Record Decision…"));
  gtk_widget_set_valign (self->record_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->record_button, "flat");
  gtk_widget_set_name (self->record_button, "record-decision");
  gtk_widget_set_tooltip_text (self->record_button, _("Log a go/no-go decision taken now"));
  g_signal_connect (self->record_button, "clicked", G_CALLBACK (on_record_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->record_button);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (self->list), "decision-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Go/No-Go Decisions"), -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));

  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

static void
rp_decisions_group_dispose (GObject *object)
{
  RpDecisionsGroup *self = RP_DECISIONS_GROUP (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->pills);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_decisions_group_parent_class)->dispose (object);
}

static void
rp_decisions_group_finalize (GObject *object)
{
  RpDecisionsGroup *self = RP_DECISIONS_GROUP (object);

  g_clear_pointer (&self->release_id, g_free);

  G_OBJECT_CLASS (rp_decisions_group_parent_class)->finalize (object);
}

static void
rp_decisions_group_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpDecisionsGroup *self = RP_DECISIONS_GROUP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RELEASE_ID:
      g_value_set_string (value, self->release_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_decisions_group_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpDecisionsGroup *self = RP_DECISIONS_GROUP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RELEASE_ID:
      if (self->list != NULL)
        rp_decisions_group_set_release_id (self, g_value_get_string (value));
      else
        self->release_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_decisions_group_class_init (RpDecisionsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_decisions_group_constructed;
  object_class->dispose = rp_decisions_group_dispose;
  object_class->finalize = rp_decisions_group_finalize;
  object_class->get_property = rp_decisions_group_get_property;
  object_class->set_property = rp_decisions_group_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELEASE_ID] =
      g_param_spec_string ("release-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_decisions_group_init (RpDecisionsGroup *self)
{
  self->pills = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}
