/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-date-row.h"
#include "rp-decisions-group.h"
#include "rp-overview-page.h"
#include "rp-person-row.h"
#include "rp-readiness-card.h"
#include "rp-readiness-ui.h"
#include "rp-time-zones.h"
#include "rp-text-edits.h"
#include "rp-ui-util.h"

/* Everything about the release itself: its name and status, the timeline,
 * the deploy window, who owns it, the plans and what happened after. Each
 * field saves on its own: text a short moment after the last key press
 * (and at once when it loses the focus or Enter is pressed), everything
 * else as soon as it is chosen. */

typedef enum
{
  TEXT_NAME,
  TEXT_VERSION,
  TEXT_SUMMARY,
  TEXT_WINDOW_START,
  TEXT_WINDOW_END,
  TEXT_WINDOW_TIMEZONE,
  TEXT_ROLLBACK_PLAN,
  TEXT_MONITORING_PLAN,
  TEXT_RELEASE_NOTES,
  TEXT_FEEDBACK,
  N_TEXT_FIELDS
} TextFieldId;

typedef enum
{
  DATE_CODE_COMPLETE,
  DATE_TESTING_START,
  DATE_TESTING_END,
  DATE_DEPLOY,
  DATE_RELEASED_AT,
  DATE_POSTMORTEM,
  N_DATE_FIELDS
} DateFieldId;

typedef struct
{
  RpOverviewPage *page;
  const char *column;
  const char *(*get) (RpRelease *release); /* the column's typed getter */
  GtkWidget *widget;                       /* an AdwEntryRow or a GtkTextView */
} TextField;

/* The people who can be on a list of one role: on call, QA. */
typedef struct
{
  RpOverviewPage *page;
  const char *role;
  GtkListBox *list;
  RpPersonRow *add_row;
} OwnerList;

struct _RpOverviewPage
{
  RpReleasePage parent_instance;

  /* borrowed: the page's, once the store is set */
  RpStore *store;
  RpTextEdits *edits;
  const char *release_id; /* the page's */

  TextField text[N_TEXT_FIELDS];
  OwnerList on_call;
  OwnerList qa;

  /* borrowed: widgets */
  GtkStack *stack;
  AdwComboRow *status_row;
  RpDateRow *dates[N_DATE_FIELDS];
  GtkSpinButton *buffer_days;
  GtkSpinButton *monitoring_hours;
  AdwActionRow *committed_row;
  AdwComboRow *postmortem_row;
  RpPersonRow *release_manager;
  RpPersonRow *go_no_go;
  GtkListBox *component_list;
  AdwEntryRow *new_component;
  RpPersonRow *new_component_owner;
  RpDecisionsGroup *decisions;
  RpReadinessCard *readiness;
  GtkWidget *form; /* the AdwPreferencesPage, scrolled to its top on a switch */
};

G_DEFINE_FINAL_TYPE (RpOverviewPage, rp_overview_page, RP_TYPE_RELEASE_PAGE)

static const char *const date_columns[N_DATE_FIELDS] = {
  "code_complete", "testing_start", "testing_end", "deploy", "released_at", "postmortem_date",
};

static const char *(*const date_getters[N_DATE_FIELDS]) (RpRelease *) = {
  rp_release_get_code_complete, rp_release_get_testing_start, rp_release_get_testing_end,
  rp_release_get_deploy,        rp_release_get_released_at,   rp_release_get_postmortem_date,
};

/* Text fields */

static gboolean
is_time_column (const char *column)
{
  return g_str_equal (column, "window_start") || g_str_equal (column, "window_end");
}

/* A text of only spaces is no value; a release needs a name, and a time
 * is saved without the spaces around it. */
static gboolean
rp_overview_page_text_value (RpReleasePage *page, RpEntity entity, const char *column, const char *text,
                             GVariant **value, const char **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (g_str_equal (column, "name") && *stripped == '\0')
    {
      *message = _("A release needs a name");
      return FALSE;
    }
  /* The message takes the row's title: it says which field, too. */
  if (is_time_column (column) && *stripped != '\0' && !rp_time_is_valid (stripped))
    {
      *message = g_str_equal (column, "window_start") ? _("Starts: use a 24-hour time such as 09:30")
                                                      : _("Ends: use a 24-hour time such as 17:00");
      return FALSE;
    }
  if (g_str_equal (column, "window_timezone") && *stripped != '\0' && !rp_ui_is_time_zone (stripped))
    {
      *message = _("Timezone: not in the time zone database; pick one from the list");
      return FALSE;
    }
  if (g_str_equal (column, "window_timezone"))
    {
      *value = *stripped != '\0' ? g_variant_new_string (stripped) : NULL;
      return TRUE;
    }
  *value = *stripped != '\0' ? g_variant_new_string (is_time_column (column) ? stripped : text) : NULL;
  return TRUE;
}

static void
on_text_changed_cb (gpointer editable_or_buffer, TextField *field)
{
  rp_text_edits_schedule (field->page->edits, field->widget, RP_ENTITY_RELEASE, field->page->release_id,
                          field->column);
}

static gboolean
holds_refused_window (TextField *field)
{
  return (is_time_column (field->column) || g_str_equal (field->column, "window_timezone")) &&
         gtk_widget_has_css_class (field->widget, "error");
}

/* Escape gives up what was typed: the store's value comes back, and the
 * message with it goes. */
static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                         GdkModifierType state, TextField *field)
{
  RpOverviewPage *self = field->page;
  g_autoptr (RpRecord) release = NULL;

  if (keyval != GDK_KEY_Escape ||
      !(rp_text_edits_is_editing (self->edits, field->widget) || holds_refused_window (field)))
    return FALSE;
  rp_text_edits_discard (self->edits, field->widget);
  if (self->release_id != NULL)
    release = rp_store_get (self->store, RP_ENTITY_RELEASE, self->release_id, NULL);
  rp_text_edits_set_text (self->edits, field->widget,
                          release != NULL ? field->get (RP_RELEASE (release)) : NULL);
  rp_ui_show_error (field->widget, NULL);
  return TRUE;
}

/* Enter saves at once, waiting or not. */
static void
on_entry_activated_cb (AdwEntryRow *row, TextField *field)
{
  rp_text_edits_save (field->page->edits, field->widget, RP_ENTITY_RELEASE, field->page->release_id,
                      field->column);
}

/* Loading */

static void
set_spin_value (GtkSpinButton *spin, gint64 value, GCallback handler, gpointer data)
{
  if ((gint64) gtk_spin_button_get_value (spin) == value)
    return;
  g_signal_handlers_block_by_func (spin, handler, data);
  gtk_spin_button_set_value (spin, value);
  g_signal_handlers_unblock_by_func (spin, handler, data);
}

static void
set_combo_selected (AdwComboRow *row, guint position, GCallback handler, gpointer data)
{
  if (position == GTK_INVALID_LIST_POSITION || adw_combo_row_get_selected (row) == position)
    return;
  g_signal_handlers_block_by_func (row, handler, data);
  adw_combo_row_set_selected (row, position);
  g_signal_handlers_unblock_by_func (row, handler, data);
}

static void on_date_changed_cb (RpDateRow *row, GParamSpec *pspec, RpOverviewPage *self);
static void on_spin_changed_cb (GtkSpinButton *spin, RpOverviewPage *self);
static void on_status_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpOverviewPage *self);
static void on_postmortem_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpOverviewPage *self);
static void on_single_owner_changed_cb (RpPersonRow *row, GParamSpec *pspec, RpOverviewPage *self);

/* Dates out of order are kept (plans change, and the readiness rules
 * say so too) but each offending date says what it collides with. */
static void
update_timeline_warnings (RpOverviewPage *self, RpRelease *release)
{
  static const struct
  {
    DateFieldId field;
    DateFieldId before;
    gboolean strict;
  } rules[] = {
    { DATE_TESTING_START, DATE_CODE_COMPLETE, FALSE }, { DATE_TESTING_END, DATE_TESTING_START, FALSE },
    { DATE_TESTING_END, DATE_CODE_COMPLETE, FALSE },   { DATE_DEPLOY, DATE_TESTING_END, TRUE },
    { DATE_DEPLOY, DATE_TESTING_START, TRUE },         { DATE_DEPLOY, DATE_CODE_COMPLETE, TRUE },
  };
  const char *warnings[N_DATE_FIELDS] = { NULL };
  char *owned[G_N_ELEMENTS (rules)] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const char *date = release ? date_getters[rules[i].field](release) : NULL;
      const char *other = release ? date_getters[rules[i].before](release) : NULL;
      int cmp;
      g_autofree char *other_words = NULL;

      if (date == NULL || other == NULL || warnings[rules[i].field] != NULL)
        continue;
      cmp = strcmp (date, other);
      if (cmp > 0 || (cmp == 0 && !rules[i].strict))
        continue;

      other_words = rp_ui_format_date (other);
      switch (rules[i].before)
        {
        case DATE_CODE_COMPLETE:
          /* Translators: %s is a date */
          owned[i] = g_strdup_printf (_("Before code complete (%s)"), other_words);
          break;
        case DATE_TESTING_START:
          owned[i] = g_strdup_printf (rules[i].field == DATE_DEPLOY ? _("Not after testing starts (%s)")
                                                                    : _("Before testing starts (%s)"),
                                      other_words);
          break;
        case DATE_TESTING_END:
        default:
          /* Translators: %s is a date */
          owned[i] = g_strdup_printf (_("Not after testing ends (%s)"), other_words);
          break;
        }
      warnings[rules[i].field] = owned[i];
    }

  for (guint i = 0; i < N_DATE_FIELDS; i++)
    rp_date_row_set_warning (self->dates[i], warnings[i]);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_free (owned[i]);

  if (release != NULL)
    {
      const char *released = rp_release_get_released_at (release);
      const char *postmortem = rp_release_get_postmortem_date (release);

      if (released != NULL && postmortem != NULL && strcmp (postmortem, released) < 0)
        rp_date_row_set_warning (self->dates[DATE_POSTMORTEM], _("Before the release"));
    }
}

/* The baseline: what the team committed to, how far the deploy moved
 * since, and how many buffer days are left. */
static void
update_committed_row (RpOverviewPage *self, RpRelease *release)
{
  const char *committed = rp_release_get_committed_deploy (release);
  g_autofree char *day = NULL;
  g_autofree char *slip = NULL;
  g_autofree char *text = NULL;
  int days = rp_release_get_slip_days (release);
  int buffer = rp_release_get_buffer_days (release);

  if (committed == NULL)
    {
      adw_action_row_set_subtitle (self->committed_row,
                                   _("Not committed yet: commit to these dates to see how far they slip"));
      return;
    }
  day = rp_ui_format_date (committed);
  if (days > 0)
    slip = g_strdup_printf (ngettext ("%d day late", "%d days late", days), days);
  else if (days < 0)
    slip = g_strdup_printf (ngettext ("%d day early", "%d days early", -days), -days);
  else
    slip = g_strdup (_("on time"));
  /* Translators: the committed dates of a release: "Deploy committed for
   * Tue, 9 Feb 2027, 3 days late; 1 of 3 buffer days left" */
  text = g_strdup_printf (ngettext ("Deploy committed for %s, %s; %d of %d buffer day left",
                                    "Deploy committed for %s, %s; %d of %d buffer days left", buffer),
                          day, slip, rp_release_get_buffer_days_left (release), buffer);
  adw_action_row_set_subtitle (self->committed_row, text);
}

static void
on_commit_dates_clicked_cb (GtkButton *button, RpOverviewPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;

  if (self->release_id == NULL)
    return;
  rp_ui_show_error (GTK_WIDGET (self->committed_row),
                    rp_release_commit_dates (self->store, self->release_id, now, &error) ? NULL
                                                                                         : error->message);
}

static void
load_release_fields (RpOverviewPage *self, RpRelease *release)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      TextField *field = &self->text[i];

      /* What the person is typing is not overwritten; text that was
       * refused gives way to the store's value (an empty name, when an
       * undo brings the name back), but for a deploy window's time or
       * time zone: that stays, with its message, until it is fixed or
       * given up with Escape, whatever else is saved meanwhile. */
      if (rp_text_edits_is_editing (self->edits, field->widget) || holds_refused_window (field))
        continue;
      rp_text_edits_set_text (self->edits, field->widget, field->get (release));
      rp_ui_show_error (field->widget, NULL);
    }

  for (guint i = 0; i < N_DATE_FIELDS; i++)
    {
      g_signal_handlers_block_by_func (self->dates[i], on_date_changed_cb, self);
      rp_date_row_set_date (self->dates[i], date_getters[i](release));
      g_signal_handlers_unblock_by_func (self->dates[i], on_date_changed_cb, self);
    }
  update_timeline_warnings (self, release);

  set_spin_value (self->buffer_days, rp_release_get_buffer_days (release), G_CALLBACK (on_spin_changed_cb),
                  self);
  set_spin_value (self->monitoring_hours, rp_release_get_monitoring_hours (release),
                  G_CALLBACK (on_spin_changed_cb), self);
  update_committed_row (self, release);
  /* The combo rows list the values in the order of their enums. */
  set_combo_selected (self->status_row, rp_release_get_status (release), G_CALLBACK (on_status_selected_cb),
                      self);
  set_combo_selected (self->postmortem_row, rp_release_get_postmortem (release),
                      G_CALLBACK (on_postmortem_selected_cb), self);
}

/* The rows that add to a list stay; the rows of owners go. */
#define KEEP_ROW_KEY "rp-keep-row"

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), KEEP_ROW_KEY) == NULL)
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static void on_remove_owner_clicked_cb (GtkButton *button, RpOverviewPage *self);

static GtkWidget *
make_owner_row (RpOverviewPage *self, RpOwner *owner, GHashTable *people)
{
  const char *person_id = rp_owner_get_person_id (owner);
  RpPerson *person = person_id != NULL ? g_hash_table_lookup (people, person_id) : NULL;
  const char *name = person != NULL      ? rp_person_get_name (person)
                     : person_id != NULL ? _("Unknown person")
                                         : _("Nobody");
  const char *email = person ? rp_person_get_email (person) : NULL;
  const char *component = rp_owner_get_component (owner);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (rp_owner_get_role (owner) == RP_OWNER_ROLE_COMPONENT)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), component != NULL ? component : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
      /* Translators: %s is a component, e.g. "Billing" */
      remove_label = g_strdup_printf (_("Remove the owner of %s"), component != NULL ? component : "");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (email != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), email);
      /* Translators: %s is a person's name */
      remove_label = g_strdup_printf (_("Remove %s"), name);
    }

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_name (remove, "remove-owner");
  g_object_set_data_full (G_OBJECT (remove), "owner-id", g_strdup (rp_record_get_id (RP_RECORD (owner))),
                          g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_owner_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
load_owners (RpOverviewPage *self)
{
  g_autoptr (GPtrArray) owners = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  const char *release_manager = NULL;
  const char *go_no_go = NULL;
  int on_call_n = 0, qa_n = 0, component_n = 0;

  if (self->release_id == NULL)
    return;

  owners = rp_store_list (self->store, RP_ENTITY_OWNER, self->release_id);
  people = rp_store_list (self->store, RP_ENTITY_PERSON, NULL);
  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (by_id, (gpointer) rp_record_get_id (people->pdata[i]), people->pdata[i]);

  remove_rows (self->on_call.list);
  remove_rows (self->qa.list);
  remove_rows (self->component_list);

  for (guint i = 0; i < owners->len; i++)
    {
      RpOwner *owner = owners->pdata[i];
      RpOwnerRole role = rp_owner_get_role (owner);
      const char *person_id = rp_owner_get_person_id (owner);

      if (role == RP_OWNER_ROLE_RELEASE_MANAGER && release_manager == NULL)
        release_manager = person_id;
      else if (role == RP_OWNER_ROLE_GO_NO_GO && go_no_go == NULL)
        go_no_go = person_id;
      else if (role == RP_OWNER_ROLE_ON_CALL)
        gtk_list_box_insert (self->on_call.list, make_owner_row (self, owner, by_id), on_call_n++);
      else if (role == RP_OWNER_ROLE_QA)
        gtk_list_box_insert (self->qa.list, make_owner_row (self, owner, by_id), qa_n++);
      else if (role == RP_OWNER_ROLE_COMPONENT)
        gtk_list_box_insert (self->component_list, make_owner_row (self, owner, by_id), component_n++);
    }

  g_signal_handlers_block_by_func (self->release_manager, on_single_owner_changed_cb, self);
  rp_person_row_set_person_id (self->release_manager, release_manager);
  g_signal_handlers_unblock_by_func (self->release_manager, on_single_owner_changed_cb, self);
  g_signal_handlers_block_by_func (self->go_no_go, on_single_owner_changed_cb, self);
  rp_person_row_set_person_id (self->go_no_go, go_no_go);
  g_signal_handlers_unblock_by_func (self->go_no_go, on_single_owner_changed_cb, self);
}

static void
load_release (RpOverviewPage *self)
{
  g_autoptr (RpRecord) release = NULL;

  if (self->release_id != NULL)
    release = rp_store_get (self->store, RP_ENTITY_RELEASE, self->release_id, NULL);

  gtk_stack_set_visible_child_name (self->stack, release != NULL ? "release" : "empty");
  if (release == NULL)
    return;

  load_release_fields (self, RP_RELEASE (release));
  load_owners (self);
}

static void
rp_overview_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  RpOverviewPage *self = RP_OVERVIEW_PAGE (page);

  if (self->release_id == NULL)
    return;

  if (entity == RP_N_ENTITIES ||
      (entity == RP_ENTITY_RELEASE && (id == NULL || g_strcmp0 (id, self->release_id) == 0)))
    load_release (self);
  else if (entity == RP_ENTITY_OWNER || entity == RP_ENTITY_PERSON)
    load_owners (self);
}

/* Saving what is picked */

static void
on_date_changed_cb (RpDateRow *row, GParamSpec *pspec, RpOverviewPage *self)
{
  const char *date = rp_date_row_get_date (row);

  for (guint i = 0; i < N_DATE_FIELDS; i++)
    if (self->dates[i] == row && self->release_id != NULL)
      rp_ui_save_value (self->store, RP_ENTITY_RELEASE, self->release_id, date_columns[i],
                        date != NULL ? g_variant_new_string (date) : NULL, GTK_WIDGET (row));
}

static void
on_spin_changed_cb (GtkSpinButton *spin, RpOverviewPage *self)
{
  const char *column = spin == self->buffer_days ? "buffer_days" : "monitoring_hours";

  if (self->release_id != NULL)
    rp_ui_save_value (self->store, RP_ENTITY_RELEASE, self->release_id, column,
                      g_variant_new_int64 (gtk_spin_button_get_value_as_int (spin)),
                      gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_ACTION_ROW));
}

static void
save_enum (RpOverviewPage *self, AdwComboRow *row, const char *column, const char *const *values)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->release_id == NULL || selected >= g_strv_length ((char **) values))
    return;
  rp_ui_save_value (self->store, RP_ENTITY_RELEASE, self->release_id, column,
                    g_variant_new_string (values[selected]), GTK_WIDGET (row));
}

static void
on_status_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpOverviewPage *self)
{
  save_enum (self, row, "status", rp_release_statuses);
}

static void
on_postmortem_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpOverviewPage *self)
{
  save_enum (self, row, "postmortem", rp_postmortem_states);
}

static gboolean
insert_owner (RpOverviewPage *self, const char *role, const char *person_id, const char *component,
              GError **error)
{
  g_autoptr (RpRecord) owner = rp_record_new (RP_ENTITY_OWNER);

  rp_record_set_string (owner, "release_id", self->release_id);
  rp_record_set_string (owner, "role", role);
  rp_record_set_string (owner, "person_id", person_id);
  if (component != NULL)
    rp_record_set_string (owner, "component", component);
  return rp_store_insert (self->store, owner, error);
}

/* The release manager and the go/no-go decider: one owner row each, gone
 * when "Nobody" is chosen. */
static void
on_single_owner_changed_cb (RpPersonRow *row, GParamSpec *pspec, RpOverviewPage *self)
{
  const char *role = row == self->release_manager ? "release_manager" : "go_no_go";
  const char *person_id = rp_person_row_get_person_id (row);
  g_autoptr (GPtrArray) owners = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;
  guint kept = 0;

  if (self->release_id == NULL)
    return;

  owners = rp_store_list (self->store, RP_ENTITY_OWNER, self->release_id);
  if (!rp_store_begin (self->store, _("Change owner"), &error))
    {
      rp_ui_show_error (GTK_WIDGET (row), error->message);
      return;
    }

  for (guint i = 0; ok && i < owners->len; i++)
    {
      RpRecord *owner = owners->pdata[i];

      if (g_strcmp0 (rp_owner_role_to_string (rp_owner_get_role (RP_OWNER (owner))), role) != 0)
        continue;
      if (person_id != NULL && kept++ == 0)
        {
          g_autoptr (RpRecord) changed = rp_record_copy (owner);

          rp_record_set_string (changed, "person_id", person_id);
          ok = rp_store_update (self->store, changed, &error);
        }
      else
        ok = rp_store_delete (self->store, RP_ENTITY_OWNER, rp_record_get_id (owner), &error);
    }
  if (ok && person_id != NULL && kept == 0)
    ok = insert_owner (self, role, person_id, NULL, &error);

  if (ok)
    ok = rp_store_commit (self->store, &error);
  else
    rp_store_rollback (self->store);
  rp_ui_show_error (GTK_WIDGET (row), ok ? NULL : error->message);
  if (!ok)
    load_owners (self);
}

static void
on_list_person_chosen_cb (RpPersonRow *row, GParamSpec *pspec, OwnerList *list)
{
  RpOverviewPage *self = list->page;
  g_autofree char *person_id = g_strdup (rp_person_row_get_person_id (row));
  g_autoptr (GPtrArray) owners = NULL;
  g_autoptr (GError) error = NULL;
  gboolean present = FALSE;

  if (person_id == NULL || self->release_id == NULL)
    return;

  /* The add row only adds: it goes back to "Nobody" for the next one. */
  g_signal_handlers_block_by_func (row, on_list_person_chosen_cb, list);
  rp_person_row_set_person_id (row, NULL);
  g_signal_handlers_unblock_by_func (row, on_list_person_chosen_cb, list);

  owners = rp_store_list (self->store, RP_ENTITY_OWNER, self->release_id);
  for (guint i = 0; i < owners->len; i++)
    if (g_strcmp0 (rp_owner_role_to_string (rp_owner_get_role (owners->pdata[i])), list->role) == 0 &&
        g_strcmp0 (rp_owner_get_person_id (owners->pdata[i]), person_id) == 0)
      present = TRUE;

  if (!present && !insert_owner (self, list->role, person_id, NULL, &error))
    rp_ui_show_error (GTK_WIDGET (row), error->message);
  else
    rp_ui_show_error (GTK_WIDGET (row), NULL);
}

static void
on_add_component_activated_cb (GtkWidget *widget, RpOverviewPage *self)
{
  g_autofree char *component =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_component))));
  const char *person_id = rp_person_row_get_person_id (self->new_component_owner);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->release_id == NULL)
    return;
  if (*component == '\0')
    {
      rp_ui_show_error (GTK_WIDGET (self->new_component), _("Name the component"));
      return;
    }
  rp_ui_show_error (GTK_WIDGET (self->new_component), NULL);
  if (person_id == NULL)
    {
      rp_ui_show_error (GTK_WIDGET (self->new_component_owner), _("Choose who owns it"));
      return;
    }

  ok = insert_owner (self, "component", person_id, component, &error);
  rp_ui_show_error (GTK_WIDGET (self->new_component_owner), ok ? NULL : error->message);
  if (ok)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->new_component), "");
      rp_person_row_set_person_id (self->new_component_owner, NULL);
    }
}

static void
on_remove_owner_clicked_cb (GtkButton *button, RpOverviewPage *self)
{
  g_autofree char *owner_id = g_strdup (g_object_get_data (G_OBJECT (button), "owner-id"));
  g_autoptr (RpRecord) owner = rp_store_get (self->store, RP_ENTITY_OWNER, owner_id, NULL);
  g_autoptr (RpRecord) person = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  const char *person_id, *component;
  RpOwnerRole role;

  if (owner == NULL)
    return;
  person_id = rp_owner_get_person_id (RP_OWNER (owner));
  component = rp_owner_get_component (RP_OWNER (owner));
  if (person_id != NULL)
    person = rp_store_get (self->store, RP_ENTITY_PERSON, person_id, NULL);
  role = rp_owner_get_role (RP_OWNER (owner));
  /* Translators: a role, then a name: "On call: Ada" */
  what = g_strdup_printf (_("%s: %s"),
                          role == RP_OWNER_ROLE_COMPONENT && component != NULL
                              ? component
                              : rp_enum_label (rp_owner_role_to_string (role)),
                          person ? rp_person_get_name (RP_PERSON (person)) : "");

  if (!rp_store_delete (self->store, RP_ENTITY_OWNER, owner_id, &error))
    {
      g_warning ("Could not remove an owner: %s", error->message);
      return;
    }
  rp_release_page_show_deleted (RP_RELEASE_PAGE (self), RP_ENTITY_OWNER, owner_id, what);
}

/* The card's "Record Decision…": the log's dialog, with the verdict the
 * card shows. */
static void
on_record_decision_cb (RpReadinessCard *card, RpOverviewPage *self)
{
  rp_decisions_group_record (self->decisions, rp_readiness_card_get_report (card));
}

/* The time zone picker: a search over the system's time zone database. */

static void
on_time_zone_activated_cb (GtkListView *view, guint position, RpOverviewPage *self)
{
  GtkStringObject *zone = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);
  GtkWidget *entry = self->text[TEXT_WINDOW_TIMEZONE].widget;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (entry), gtk_string_object_get_string (zone));
  rp_text_edits_save (self->edits, entry, RP_ENTITY_RELEASE, self->release_id, "window_timezone");
  g_object_unref (zone);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_time_zone_search_activated_cb (GtkSearchEntry *entry, GtkListView *view)
{
  /* Enter picks the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))) > 0)
    g_signal_emit_by_name (view, "activate", 0);
}

static void
on_zone_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
on_zone_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkWidget *
make_time_zone_button (RpOverviewPage *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr (GtkStringList) zones = rp_ui_time_zones_new ();
  GtkStringFilter *filter =
      gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  GtkFilterListModel *filtered =
      gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (zones)), GTK_FILTER (filter));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view;

  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (filter, TRUE);
  g_object_bind_property (search, "text", filter, "search", G_BINDING_DEFAULT);
  g_signal_connect (factory, "setup", G_CALLBACK (on_zone_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_zone_bind_cb), NULL);
  view =
      gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_set_name (view, "time-zone-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time zones"), -1);
  g_signal_connect (view, "activate", G_CALLBACK (on_time_zone_activated_cb), self);
  g_signal_connect (search, "activate", G_CALLBACK (on_time_zone_search_activated_cb), view);

  gtk_widget_set_name (search, "time-zone-search");
  g_object_set (search, "placeholder-text", _("Search time zones"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search time zones"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "find-location-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "pick-time-zone");
  gtk_widget_set_tooltip_text (button, _("Pick a Time Zone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick a Time Zone"), -1);
  return button;
}

/* Building the form */

/* The typed getters of the text fields, by TextFieldId. */
static const char *(*const text_getters[N_TEXT_FIELDS]) (RpRelease *) = {
  rp_release_get_name,          rp_release_get_version,         rp_release_get_summary,
  rp_release_get_window_start,  rp_release_get_window_end,      rp_release_get_window_timezone,
  rp_release_get_rollback_plan, rp_release_get_monitoring_plan, rp_release_get_release_notes,
  rp_release_get_feedback,
};

static void
bind_text_field (RpOverviewPage *self, TextFieldId id, const char *column, GtkWidget *widget)
{
  TextField *field = &self->text[id];

  field->page = self;
  field->column = column;
  field->get = text_getters[id];
  field->widget = widget;
  gtk_widget_set_name (widget, column);

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                      G_CALLBACK (on_text_changed_cb), field);
  else
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      g_signal_connect (widget, "changed", G_CALLBACK (on_text_changed_cb), field);
      g_signal_connect (widget, "entry-activated", G_CALLBACK (on_entry_activated_cb), field);
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), field);
      gtk_widget_add_controller (widget, keys);
    }
  rp_text_edits_watch_focus (self->edits, widget);
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_entry_row (RpOverviewPage *self, AdwPreferencesGroup *group, TextFieldId id, const char *column,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
  bind_text_field (self, id, column, row);
  return row;
}

/* A multi-line text: its own group, the text in a framed view. */
static void
add_text_view (RpOverviewPage *self, AdwPreferencesPage *page, TextFieldId id, const char *column,
               const char *title, const char *description)
{
  AdwPreferencesGroup *group = add_group (page, title, description);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  rp_ui_setup_text_view (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "rp-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (group, frame);
  bind_text_field (self, id, column, view);
}

static GtkWidget *
add_date_row (RpOverviewPage *self, AdwPreferencesGroup *group, DateFieldId id, const char *title)
{
  GtkWidget *row = rp_date_row_new (title);

  self->dates[id] = RP_DATE_ROW (row);
  gtk_widget_set_name (row, date_columns[id]);
  g_signal_connect (row, "notify::date", G_CALLBACK (on_date_changed_cb), self);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkSpinButton *
add_spin_row (RpOverviewPage *self, AdwPreferencesGroup *group, const char *column, const char *title,
              const char *subtitle)
{
  const RpColumn *c = rp_entity_get_column (RP_ENTITY_RELEASE, column);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (c->min, c->max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), c->default_int);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, column);
  /* The row's title names it: AdwActionRow labels its activatable widget. */
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

static AdwComboRow *
add_enum_row (AdwPreferencesGroup *group, const char *name, const char *title, const char *const *values)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = rp_ui_enum_model (values);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_widget_set_name (row, name);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static GtkListBox *
add_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  /* Named by its group's title ("On Call"), not "GtkListBox". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_group_get_title (group), -1);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

static void
build_owner_list (RpOverviewPage *self, AdwPreferencesPage *page, OwnerList *list, const char *role,
                  const char *title, const char *description, const char *add_title, const char *name)
{
  AdwPreferencesGroup *group = add_group (page, title, description);

  list->page = self;
  list->role = role;
  list->list = add_list (group);
  list->add_row = RP_PERSON_ROW (rp_person_row_new (self->store, add_title, TRUE));
  gtk_widget_set_name (GTK_WIDGET (list->add_row), name);
  g_object_set_data (G_OBJECT (list->add_row), KEEP_ROW_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (list->add_row, "notify::person-id", G_CALLBACK (on_list_person_chosen_cb), list);
  gtk_list_box_append (list->list, GTK_WIDGET (list->add_row));
}

static void
build_form (RpOverviewPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *empty = adw_status_page_new ();
  AdwPreferencesPage *p = ADW_PREFERENCES_PAGE (page);
  AdwPreferencesGroup *group;
  GtkWidget *add_button;
  GtkWidget *row;

  self->stack = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Release Selected"));
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, page, "release");
  self->form = page;

  /* Can it ship? First, above the form. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->readiness = RP_READINESS_CARD (rp_readiness_card_new (self->store));
  g_signal_connect (self->readiness, "record-decision", G_CALLBACK (on_record_decision_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->readiness));
  adw_preferences_page_add (p, group);

  /* The release */
  group = add_group (p, _("Release"), NULL);
  add_entry_row (self, group, TEXT_NAME, "name", _("Name"));
  add_entry_row (self, group, TEXT_VERSION, "version", _("Version"));
  self->status_row = add_enum_row (group, "status", _("Status"), rp_release_statuses);
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  add_text_view (self, p, TEXT_SUMMARY, "summary", _("Summary"),
                 _("What this release brings, in a few lines"));

  /* Timeline */
  group = add_group (p, _("Timeline"), _("Code complete, then testing, then the deploy"));
  add_date_row (self, group, DATE_CODE_COMPLETE, _("Code Complete"));
  add_date_row (self, group, DATE_TESTING_START, _("Testing Starts"));
  add_date_row (self, group, DATE_TESTING_END, _("Testing Ends"));
  add_date_row (self, group, DATE_DEPLOY, _("Deploy"));
  self->buffer_days =
      add_spin_row (self, group, "buffer_days", _("Buffer Days"), _("Slack kept before the deploy"));
  self->monitoring_hours = add_spin_row (self, group, "monitoring_hours", _("Monitoring Hours"),
                                         _("How long to watch after the deploy"));
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Commit Dates"));

    row = adw_action_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Committed Dates"));
    gtk_widget_set_name (row, "committed-row");
    gtk_widget_set_name (button, "commit-dates-button");
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (button,
                                 _("Keep these milestones as the baseline the slip is measured from"));
    g_signal_connect (button, "clicked", G_CALLBACK (on_commit_dates_clicked_cb), self);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    adw_preferences_group_add (group, row);
    self->committed_row = ADW_ACTION_ROW (row);
  }

  group = add_group (p, _("Deploy Window"), _("When on deploy day the change may go out"));
  add_entry_row (self, group, TEXT_WINDOW_START, "window_start", _("Starts (HH:MM)"));
  add_entry_row (self, group, TEXT_WINDOW_END, "window_end", _("Ends (HH:MM)"));
  row = add_entry_row (self, group, TEXT_WINDOW_TIMEZONE, "window_timezone", _("Timezone"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), make_time_zone_button (self));

  /* Owners */
  group = add_group (p, _("Owners"), NULL);
  self->release_manager = RP_PERSON_ROW (rp_person_row_new (self->store, _("Release Manager"), TRUE));
  gtk_widget_set_name (GTK_WIDGET (self->release_manager), "release-manager");
  g_signal_connect (self->release_manager, "notify::person-id", G_CALLBACK (on_single_owner_changed_cb),
                    self);
  adw_preferences_group_add (group, GTK_WIDGET (self->release_manager));
  self->go_no_go = RP_PERSON_ROW (rp_person_row_new (self->store, _("Go/No-Go Decision"), TRUE));
  gtk_widget_set_name (GTK_WIDGET (self->go_no_go), "go-no-go");
  g_signal_connect (self->go_no_go, "notify::person-id", G_CALLBACK (on_single_owner_changed_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->go_no_go));

  build_owner_list (self, p, &self->on_call, "on_call", _("On Call"),
                    _("Who answers when the deploy goes wrong"), _("Add Someone on Call"), "add-on-call");
  build_owner_list (self, p, &self->qa, "qa", _("Quality Assurance"), NULL, _("Add a Tester"), "add-qa");

  group = add_group (p, _("Component Owners"), _("Who answers for each part of the system"));
  self->component_list = add_list (group);
  row = adw_entry_row_new ();
  self->new_component = ADW_ENTRY_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New Component"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, "new-component");
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_add_component_activated_cb), self);
  add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (add_button, "add-component");
  gtk_widget_set_tooltip_text (add_button, _("Add the component owner"));
  g_signal_connect (add_button, "clicked", G_CALLBACK (on_add_component_activated_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), add_button);
  g_object_set_data (G_OBJECT (row), KEEP_ROW_KEY, GINT_TO_POINTER (TRUE));
  gtk_list_box_append (self->component_list, row);
  self->new_component_owner = RP_PERSON_ROW (rp_person_row_new (self->store, _("Owner"), TRUE));
  gtk_widget_set_name (GTK_WIDGET (self->new_component_owner), "new-component-owner");
  g_object_set_data (G_OBJECT (self->new_component_owner), KEEP_ROW_KEY, GINT_TO_POINTER (TRUE));
  gtk_list_box_append (self->component_list, GTK_WIDGET (self->new_component_owner));

  /* Plans */
  add_text_view (self, p, TEXT_ROLLBACK_PLAN, "rollback_plan", _("Rollback Plan"),
                 _("How to take the release back if it goes wrong"));
  add_text_view (self, p, TEXT_MONITORING_PLAN, "monitoring_plan", _("Monitoring Plan"),
                 _("What to watch after the deploy, and for how long"));
  add_text_view (self, p, TEXT_RELEASE_NOTES, "release_notes", _("Release Notes"), NULL);

  /* After the release */
  group = add_group (p, _("After the Release"), NULL);
  add_date_row (self, group, DATE_RELEASED_AT, _("Released On"));
  self->postmortem_row = add_enum_row (group, "postmortem", _("Post-Mortem"), rp_postmortem_states);
  g_signal_connect (self->postmortem_row, "notify::selected", G_CALLBACK (on_postmortem_selected_cb), self);
  add_date_row (self, group, DATE_POSTMORTEM, _("Post-Mortem Date"));
  add_text_view (self, p, TEXT_FEEDBACK, "feedback", _("Feedback"),
                 _("What went well, what to change next time"));

  /* The go/no-go log */
  self->decisions = RP_DECISIONS_GROUP (rp_decisions_group_new (self->store));
  rp_decisions_group_set_release_id (self->decisions, self->release_id);
  adw_preferences_page_add (p, ADW_PREFERENCES_GROUP (self->decisions));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* RpReleasePage */

static void
rp_overview_page_store_set (RpReleasePage *page)
{
  RpOverviewPage *self = RP_OVERVIEW_PAGE (page);

  self->store = rp_release_page_get_store (page);
  self->edits = rp_release_page_get_edits (page);
  build_form (self);
}

static void
rp_overview_page_release_changed (RpReleasePage *page)
{
  RpOverviewPage *self = RP_OVERVIEW_PAGE (page);

  self->release_id = rp_release_page_get_release_id (page);
  rp_decisions_group_set_release_id (self->decisions, self->release_id);
  rp_readiness_card_set_release_id (self->readiness, self->release_id);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    rp_ui_show_error (self->text[i].widget, NULL);
  load_release (self);
  /* Another release starts at its top (its name and readiness), not in
   * the middle of the form where the last one was left. */
  rp_ui_scroll_to_top (self->form);
}

/* The subjects of the page are the fields of the release, by column. */
static GtkWidget *
find_field (RpOverviewPage *self, const char *column)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (g_strcmp0 (self->text[i].column, column) == 0)
      return self->text[i].widget;
  for (guint i = 0; i < N_DATE_FIELDS; i++)
    if (g_strcmp0 (date_columns[i], column) == 0)
      return GTK_WIDGET (self->dates[i]);
  if (g_strcmp0 (column, "status") == 0)
    return GTK_WIDGET (self->status_row);
  if (g_strcmp0 (column, "buffer_days") == 0)
    return GTK_WIDGET (self->buffer_days);
  if (g_strcmp0 (column, "monitoring_hours") == 0)
    return GTK_WIDGET (self->monitoring_hours);
  if (g_strcmp0 (column, "postmortem") == 0)
    return GTK_WIDGET (self->postmortem_row);
  /* The owners that are one person, by their role. */
  if (g_strcmp0 (column, "release_manager") == 0)
    return GTK_WIDGET (self->release_manager);
  if (g_strcmp0 (column, "go_no_go") == 0)
    return GTK_WIDGET (self->go_no_go);
  if (g_strcmp0 (column, "on_call") == 0)
    return GTK_WIDGET (self->on_call.add_row);
  if (g_strcmp0 (column, "qa") == 0)
    return GTK_WIDGET (self->qa.add_row);
  if (g_strcmp0 (column, "component") == 0)
    return GTK_WIDGET (self->new_component);
  return NULL;
}

static gboolean
rp_overview_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id, const char *field,
                                 gboolean focus)
{
  RpOverviewPage *self = RP_OVERVIEW_PAGE (page);
  GtkWidget *widget;

  if (entity != RP_ENTITY_RELEASE || g_strcmp0 (id, self->release_id) != 0)
    return FALSE;
  widget = find_field (self, field != NULL ? field : "name");
  if (widget == NULL)
    return FALSE;
  if (focus)
    gtk_widget_grab_focus (widget);
  return TRUE;
}

/* GObject */

static void
rp_overview_page_class_init (RpOverviewPageClass *klass)
{
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);

  page_class->store_set = rp_overview_page_store_set;
  page_class->release_changed = rp_overview_page_release_changed;
  page_class->store_changed = rp_overview_page_store_changed;
  page_class->select_subject = rp_overview_page_select_subject;
  page_class->text_value = rp_overview_page_text_value;
  rp_release_page_class_watch (page_class, RP_ENTITY_RELEASE);
  rp_release_page_class_watch (page_class, RP_ENTITY_OWNER);
  rp_release_page_class_watch (page_class, RP_ENTITY_PERSON);
}

static void
rp_overview_page_init (RpOverviewPage *self)
{
  rp_release_page_set_title (RP_RELEASE_PAGE (self), _("Overview"));
  rp_release_page_set_icon_name (RP_RELEASE_PAGE (self), "document-properties-symbolic");
}
