/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-add-entry.h"
#include "rp-date-row.h"
#include "rp-rollout-page.h"
#include "rp-text-edits.h"
#include "rp-ui-util.h"

/* How a release reaches its users: the rollout stages in order (each with
 * the share of traffic it gets, how long to hold and what must be healthy
 * before the next), and the feature flags that guard its risky parts.
 * Each is a list with an editor for the selected row, beside the list on
 * wide windows and below it on narrow ones. */

#define CSS_RESOURCE "/io/github/releaseplanner/ReleasePlanner/pages/rp-risks.css"

typedef struct _Section Section;
typedef struct _TextField TextField;

/* One of the two lists: the rows of one entity of the release, in stored
 * order, and which of them the editor shows. */
struct _Section
{
  RpRolloutPage *page; /* borrowed */
  RpEntity entity;
  GListStore *rows; /* RpRecord */
  GtkSingleSelection *selection;
  char *editing_id;
  GtkWidget *list_stack;
  GtkWidget *list_view;
  GtkWidget *editor;
  void (*load_editor) (RpRolloutPage *self, RpRecord *record);
};

/* A text the user types, saved (through the page's RpTextEdits) to the row
 * in its section's editor. */
struct _TextField
{
  Section *section;  /* borrowed */
  GtkWidget *widget; /* a GtkEditable or a GtkTextView */
  const char *column;
};

struct _RpRolloutPage
{
  RpReleasePage parent_instance;

  /* borrowed: the page's, once the store is set */
  RpStore *store;
  RpTextEdits *edits;
  const char *release_id;

  /* owned */
  Section stages;
  Section flags;
  TextField stage_name;
  TextField stage_criteria;
  TextField flag_key;
  /* Set while the page puts store values into its widgets, so that their
   * change handlers do not write them back. */
  gboolean updating;

  /* borrowed: children of the page */
  GtkWidget *main_stack;
  GtkWidget *stage_hint;
  GtkWidget *stage_percent_spin;
  GtkWidget *stage_hold_spin;
  GtkWidget *stage_status_row;
  GtkWidget *flag_state_row;
  GtkWidget *flag_percent_spin;
  GtkWidget *flag_cleanup_row;
};

G_DEFINE_FINAL_TYPE (RpRolloutPage, rp_rollout_page, RP_TYPE_RELEASE_PAGE)

static char *
format_hold (gint64 minutes)
{
  if (minutes == 0)
    return g_strdup (_("No hold"));
  if (minutes % (60 * 24) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hold %d day", "Hold %d days", minutes / (60 * 24)),
                            (int) (minutes / (60 * 24)));
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hold %d hour", "Hold %d hours", minutes / 60),
                            (int) (minutes / 60));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hold %d minute", "Hold %d minutes", minutes),
                          (int) minutes);
}

/* ---- text fields ---- */

static void
text_field_changed (TextField *field)
{
  if (field->section->page->updating || field->section->editing_id == NULL)
    return;
  rp_text_edits_schedule (field->section->page->edits, field->widget, field->section->entity,
                          field->section->editing_id, field->column);
}

static void
text_field_flush (TextField *field)
{
  rp_text_edits_flush (field->section->page->edits, field->widget);
}

/* Shows the stored text unless the user's own is waiting to be saved. */
static void
text_field_load (TextField *field, const char *stored)
{
  rp_text_edits_set_text (field->section->page->edits, field->widget, stored);
}

static void
on_editable_changed_cb (GtkEditable *editable G_GNUC_UNUSED, TextField *field)
{
  text_field_changed (field);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer G_GNUC_UNUSED, TextField *field)
{
  text_field_changed (field);
}

static void
on_entry_activated_cb (GtkWidget *widget G_GNUC_UNUSED, TextField *field)
{
  text_field_flush (field);
}

static void
text_field_init (TextField *field, Section *section, GtkWidget *widget, const char *column)
{
  field->section = section;
  field->widget = widget;
  field->column = column;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                        G_CALLBACK (on_buffer_changed_cb), field);
    }
  else
    {
      g_signal_connect (widget, "changed", G_CALLBACK (on_editable_changed_cb), field);
      g_signal_connect (widget, "entry-activated", G_CALLBACK (on_entry_activated_cb), field);
    }
  rp_text_edits_watch_focus (section->page->edits, widget);
}

/* ---- sections: a list that follows the store, and its editor ---- */

static RpRecord *
section_get_editing (Section *section)
{
  guint pos = rp_list_model_find (G_LIST_MODEL (section->rows), section->editing_id);

  if (pos == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (section->rows), pos);
}

static void update_actions (RpRolloutPage *self);

/* What the readiness check would say about the order of the stages, said
 * here where it can be fixed. */
static void
update_stage_hint (RpRolloutPage *self, GPtrArray *stages)
{
  g_autofree char *hint = NULL;

  if (stages->len > 0 && rp_rollout_stage_get_percent (stages->pdata[0]) >= 100)
    hint = g_strdup (_("The first stage already reaches everyone: start with a small share."));

  for (guint i = 1; hint == NULL && i < stages->len; i++)
    if (rp_rollout_stage_get_percent (stages->pdata[i]) < rp_rollout_stage_get_percent (stages->pdata[i - 1]))
      /* Translators: %u is the number of a rollout stage, %s its name */
      hint = g_strdup_printf (_("Stage %u, “%s”, reaches fewer users than the one before it."), i + 1,
                              rp_rollout_stage_get_name (stages->pdata[i]));

  gtk_label_set_text (GTK_LABEL (self->stage_hint), hint != NULL ? hint : "");
  gtk_widget_set_visible (self->stage_hint, hint != NULL);
}

/* The editor follows the selected row. */
static void
section_show_selected (Section *section)
{
  RpRolloutPage *self = section->page;
  RpRecord *selected = gtk_single_selection_get_selected_item (section->selection);
  const char *id = selected != NULL ? rp_record_get_id (selected) : NULL;
  g_autoptr (RpRecord) record = NULL;

  if (g_strcmp0 (id, section->editing_id) != 0)
    {
      rp_release_page_flush (RP_RELEASE_PAGE (self));
      g_free (section->editing_id);
      section->editing_id = g_strdup (id);
    }

  record = section_get_editing (section);
  gtk_widget_set_visible (section->editor, record != NULL);
  if (record != NULL)
    {
      self->updating = TRUE;
      section->load_editor (self, record);
      self->updating = FALSE;
    }
  update_actions (self);
}

static void
on_selection_changed_cb (GtkSelectionModel *model G_GNUC_UNUSED, guint position G_GNUC_UNUSED,
                         guint n_items G_GNUC_UNUSED, Section *section)
{
  if (section->page->updating)
    return;
  section_show_selected (section);
}

/* Reads the rows again (these lists are short) and selects the one in the
 * editor again, wherever it moved, or the one now at the old place. */
static void
section_reload (Section *section)
{
  RpRolloutPage *self = section->page;
  g_autoptr (GPtrArray) rows = NULL;
  guint selected = gtk_single_selection_get_selected (section->selection);
  guint pos, n;

  if (self->release_id != NULL)
    rows = rp_store_list (self->store, section->entity, self->release_id);
  else
    rows = g_ptr_array_new ();

  self->updating = TRUE;
  g_list_store_splice (section->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (section->rows)), rows->pdata,
                       rows->len);

  if (section->entity == RP_ENTITY_ROLLOUT_STAGE)
    update_stage_hint (self, rows);

  n = rows->len;
  pos = rp_list_model_find (G_LIST_MODEL (section->rows), section->editing_id);
  if (pos == GTK_INVALID_LIST_POSITION && n > 0)
    pos = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected, n - 1);
  gtk_single_selection_set_selected (section->selection, pos);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (GTK_STACK (section->list_stack), n > 0 ? "list" : "empty");
  section_show_selected (section);
}

/* Adds a row named @text (its name column is @column) at the end of the
 * section; TRUE when it did. */
static gboolean
section_add (Section *section, const char *column, RpAddEntry *entry, const char *text)
{
  RpRolloutPage *self = section->page;
  g_autoptr (RpRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  if (self->release_id == NULL)
    return FALSE;

  record = rp_record_new (section->entity);
  rp_record_set_string (record, "release_id", self->release_id);
  rp_record_set_string (record, column, text);
  rp_record_set_position (record, -1);

  rp_release_page_flush (RP_RELEASE_PAGE (self));

  /* The editor opens the new row as soon as the store reports it. */
  g_free (section->editing_id);
  section->editing_id = g_strdup (rp_record_get_id (record));

  if (!rp_store_insert (self->store, record, &error))
    {
      rp_add_entry_show_error (entry, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Deletes the row in the editor, with a toast that names it. */
static void
section_delete (Section *section, gboolean is_flag)
{
  RpRolloutPage *self = section->page;
  g_autoptr (RpRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;

  rp_release_page_flush (RP_RELEASE_PAGE (self));
  record = section_get_editing (section);
  if (record == NULL)
    return;

  if (is_flag)
    /* Translators: what the toast says was deleted: Flag “new-checkout” */
    what = g_strdup_printf (_("Flag “%s”"), rp_feature_flag_get_key (RP_FEATURE_FLAG (record)));
  else
    /* Translators: what the toast says was deleted: Stage “Canary” */
    what = g_strdup_printf (_("Stage “%s”"), rp_rollout_stage_get_name (RP_ROLLOUT_STAGE (record)));

  if (!rp_store_delete (self->store, section->entity, rp_record_get_id (record), &error))
    {
      rp_ui_show_error (section->list_view, error->message);
      return;
    }
  rp_release_page_show_deleted (RP_RELEASE_PAGE (self), section->entity, rp_record_get_id (record), what);
  if (g_list_model_get_n_items (G_LIST_MODEL (section->rows)) > 0)
    gtk_widget_grab_focus (section->list_view);
}

static void
section_init (Section *section, RpRolloutPage *self, RpEntity entity)
{
  section->page = self;
  section->entity = entity;
  section->rows = g_list_store_new (RP_TYPE_RECORD);
  section->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (section->rows)));
  gtk_single_selection_set_autoselect (section->selection, FALSE);
  gtk_single_selection_set_can_unselect (section->selection, TRUE);
  g_signal_connect (section->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), section);
}

static void
section_clear (Section *section)
{
  if (section->selection != NULL)
    g_signal_handlers_disconnect_by_data (section->selection, section);
  g_clear_object (&section->selection);
  g_clear_object (&section->rows);
  g_clear_pointer (&section->editing_id, g_free);
}

/* The text of a row of either list: its name above a subtitle, small
 * and dim, each on one line (every row is as tall as the others, so the
 * list can size and scroll itself without measuring every row). */
static GtkWidget *
row_text_new (GtkWidget **name, GtkWidget **subtitle)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  *name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (*name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (*name), 40);
  gtk_box_append (GTK_BOX (text), *name);
  *subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (*subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (*subtitle), 40);
  gtk_widget_add_css_class (*subtitle, "caption");
  gtk_widget_add_css_class (*subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), *subtitle);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  return text;
}

/* ---- stages ---- */

typedef struct
{
  GtkWidget *number;
  GtkWidget *name;
  GtkWidget *subtitle;
  GtkWidget *bar;
  GtkWidget *percent;
} StageRowWidgets;

static void
on_stage_setup_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED, GtkListItem *item,
                   gpointer user_data G_GNUC_UNUSED)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *meter = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  StageRowWidgets *w = g_new0 (StageRowWidgets, 1);

  w->number = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->number, "rp-stage-number");
  gtk_widget_add_css_class (w->number, "numeric");
  gtk_widget_set_valign (w->number, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), w->number);

  gtk_box_append (GTK_BOX (box), row_text_new (&w->name, &w->subtitle));

  w->percent = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->percent), 1);
  gtk_widget_add_css_class (w->percent, "numeric");
  gtk_widget_add_css_class (w->percent, "caption-heading");
  gtk_box_append (GTK_BOX (meter), w->percent);
  w->bar = gtk_level_bar_new_for_interval (0, 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Share of users"), -1);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (w->bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  /* One colour for any share: a bigger stage is not a warning. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (w->bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (w->bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (w->bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (w->bar, "rp-percent-bar");
  gtk_box_append (GTK_BOX (meter), w->bar);
  gtk_widget_set_valign (meter, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), meter);

  g_object_set_data_full (G_OBJECT (box), "rp-row-widgets", w, g_free);
  gtk_list_item_set_child (item, box);
}

static void
on_stage_bound_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED, GtkListItem *item,
                   gpointer user_data G_GNUC_UNUSED)
{
  RpRolloutStage *stage = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  StageRowWidgets *w = g_object_get_data (G_OBJECT (child), "rp-row-widgets");
  int percent = rp_rollout_stage_get_percent (stage);
  g_autofree char *number = g_strdup_printf ("%u", gtk_list_item_get_position (item) + 1);
  /* Translators: the share of traffic of a rollout stage, e.g. "25 %" */
  g_autofree char *share = g_strdup_printf (_("%d %%"), (int) percent);
  g_autofree char *hold = format_hold (rp_rollout_stage_get_hold_minutes (stage));
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;

  gtk_label_set_text (GTK_LABEL (w->number), number);
  gtk_label_set_text (GTK_LABEL (w->name), rp_rollout_stage_get_name (stage));
  /* Translators: "Hold 1 hour · Pending" */
  subtitle =
      g_strdup_printf (_("%s · %s"), hold,
                       rp_enum_label (rp_stage_status_to_string (rp_rollout_stage_get_status (stage))));
  gtk_label_set_text (GTK_LABEL (w->subtitle), subtitle);
  gtk_label_set_text (GTK_LABEL (w->percent), share);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (w->bar), CLAMP (percent, 0, 100));

  /* Translators: how a screen reader reads a stage: "2. Canary, 5 %, Hold 1 hour · Pending" */
  a11y = g_strdup_printf (_("%s. %s, %s, %s"), number, rp_rollout_stage_get_name (stage), share, subtitle);
  rp_ui_set_row_label (child, a11y);
}

static void
set_spin_value (GtkWidget *spin, gint64 value)
{
  if ((gint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)) != value)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

static void
set_combo_selected (GtkWidget *row, guint position)
{
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static void
load_stage_editor (RpRolloutPage *self, RpRecord *record)
{
  RpRolloutStage *stage = RP_ROLLOUT_STAGE (record);

  text_field_load (&self->stage_name, rp_rollout_stage_get_name (stage));
  set_spin_value (self->stage_percent_spin, rp_rollout_stage_get_percent (stage));
  set_spin_value (self->stage_hold_spin, rp_rollout_stage_get_hold_minutes (stage));
  set_combo_selected (self->stage_status_row, rp_rollout_stage_get_status (stage));
  text_field_load (&self->stage_criteria, rp_rollout_stage_get_criteria (stage));
}

/* Saves @value (floating; NULL clears) to @column of the row in @section's
 * editor, from @widget; nothing while the editor is being filled in. */
static void
section_save (Section *section, const char *column, GVariant *value, GtkWidget *widget)
{
  RpRolloutPage *self = section->page;

  if (self->updating || section->editing_id == NULL)
    {
      if (value != NULL)
        g_variant_unref (g_variant_ref_sink (value));
      return;
    }
  rp_ui_save_value (self->store, section->entity, section->editing_id, column, value, widget);
}

static void
section_save_spin (Section *section, const char *column, GtkSpinButton *spin)
{
  section_save (section, column, g_variant_new_int64 (gtk_spin_button_get_value_as_int (spin)),
                GTK_WIDGET (spin));
}

/* The value of the enum @values picked in @row. */
static void
section_save_enum (Section *section, const char *column, const char *const *values, AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < g_strv_length ((char **) values))
    section_save (section, column, g_variant_new_string (values[selected]), GTK_WIDGET (row));
}

static void
on_stage_spin_changed_cb (GtkSpinButton *spin, RpRolloutPage *self)
{
  section_save_spin (&self->stages,
                     GTK_WIDGET (spin) == self->stage_percent_spin ? "percent" : "hold_minutes", spin);
}

static void
on_stage_status_selected_cb (AdwComboRow *row, GParamSpec *pspec G_GNUC_UNUSED, RpRolloutPage *self)
{
  section_save_enum (&self->stages, "status", rp_stage_statuses, row);
}

static gboolean
on_stage_add_cb (RpAddEntry *entry, const char *text, RpRolloutPage *self)
{
  return section_add (&self->stages, "name", entry, text);
}

static void
move_stage (RpRolloutPage *self, int delta)
{
  guint pos;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stages.rows));
  g_autoptr (GError) error = NULL;

  rp_release_page_flush (RP_RELEASE_PAGE (self));
  pos = rp_list_model_find (G_LIST_MODEL (self->stages.rows), self->stages.editing_id);
  if (pos == GTK_INVALID_LIST_POSITION || (delta < 0 && pos == 0) || (delta > 0 && pos + 1 >= n))
    return;

  if (!rp_store_move (self->store, RP_ENTITY_ROLLOUT_STAGE, self->stages.editing_id, pos + delta, &error))
    rp_ui_show_error (self->stages.list_view, error->message);
}

static void
on_stage_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter G_GNUC_UNUSED)
{
  RpRolloutPage *self = RP_ROLLOUT_PAGE (widget);

  if (g_str_equal (action_name, "stage.move-up"))
    move_stage (self, -1);
  else if (g_str_equal (action_name, "stage.move-down"))
    move_stage (self, 1);
  else if (g_str_equal (action_name, "stage.delete"))
    section_delete (&self->stages, FALSE);
}

/* ---- flags ---- */

typedef struct
{
  GtkWidget *key;
  GtkWidget *subtitle;
  GtkWidget *state;
} FlagRowWidgets;

static void
on_flag_setup_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED, GtkListItem *item,
                  gpointer user_data G_GNUC_UNUSED)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  FlagRowWidgets *w = g_new0 (FlagRowWidgets, 1);

  gtk_box_append (GTK_BOX (box), row_text_new (&w->key, &w->subtitle));
  /* A key is an identifier: its end tells keys apart as much as its start. */
  gtk_label_set_ellipsize (GTK_LABEL (w->key), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (w->key, "rp-flag-key");

  w->state = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->state, "rp-flag-state");
  gtk_widget_set_valign (w->state, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), w->state);

  g_object_set_data_full (G_OBJECT (box), "rp-row-widgets", w, g_free);
  gtk_list_item_set_child (item, box);
}

static void
on_flag_bound_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED, GtkListItem *item,
                  gpointer user_data G_GNUC_UNUSED)
{
  RpFeatureFlag *flag = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  FlagRowWidgets *w = g_object_get_data (G_OBJECT (child), "rp-row-widgets");
  const char *state = rp_flag_state_to_string (rp_feature_flag_get_state (flag));
  g_autofree char *due = rp_ui_format_date (rp_feature_flag_get_cleanup_due (flag));
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  g_autofree char *state_class = g_strdup_printf ("rp-flag-%s", state);

  gtk_label_set_text (GTK_LABEL (w->key), rp_feature_flag_get_key (flag));
  if (due != NULL)
    /* Translators: a feature flag's share of users and when to remove it:
     * "25 % · clean up by Thu, 10 Dec 2026" */
    subtitle = g_strdup_printf (_("%d %% · clean up by %s"), rp_feature_flag_get_percent (flag), due);
  else
    subtitle = g_strdup_printf (_("%d %% · no clean-up date"), rp_feature_flag_get_percent (flag));
  gtk_label_set_text (GTK_LABEL (w->subtitle), subtitle);

  gtk_label_set_text (GTK_LABEL (w->state), rp_enum_label (state));
  for (guint i = 0; rp_flag_states[i] != NULL; i++)
    {
      g_autofree char *c = g_strdup_printf ("rp-flag-%s", rp_flag_states[i]);

      gtk_widget_remove_css_class (w->state, c);
    }
  gtk_widget_add_css_class (w->state, state_class);

  /* Translators: how a screen reader reads a flag: "new-checkout, Canary, 5 % · …" */
  a11y = g_strdup_printf (_("%s, %s, %s"), rp_feature_flag_get_key (flag), rp_enum_label (state), subtitle);
  rp_ui_set_row_label (child, a11y);
}

static void
load_flag_editor (RpRolloutPage *self, RpRecord *record)
{
  RpFeatureFlag *flag = RP_FEATURE_FLAG (record);
  const char *due = rp_feature_flag_get_cleanup_due (flag);

  text_field_load (&self->flag_key, rp_feature_flag_get_key (flag));
  set_combo_selected (self->flag_state_row, rp_feature_flag_get_state (flag));
  set_spin_value (self->flag_percent_spin, rp_feature_flag_get_percent (flag));
  if (g_strcmp0 (rp_date_row_get_date (RP_DATE_ROW (self->flag_cleanup_row)), due) != 0)
    rp_date_row_set_date (RP_DATE_ROW (self->flag_cleanup_row), due);

  /* A flag left on for everyone is dead code waiting to happen: the
   * readiness check warns about stale ones, so ask for the date here. */
  if (due == NULL && rp_feature_flag_get_state (flag) == RP_FLAG_STATE_FULL)
    rp_date_row_set_warning (RP_DATE_ROW (self->flag_cleanup_row),
                             _("On for everyone: set when to remove it"));
  else
    rp_date_row_set_warning (RP_DATE_ROW (self->flag_cleanup_row), NULL);
}

static void
on_flag_state_selected_cb (AdwComboRow *row, GParamSpec *pspec G_GNUC_UNUSED, RpRolloutPage *self)
{
  section_save_enum (&self->flags, "state", rp_flag_states, row);
}

static void
on_flag_percent_changed_cb (GtkSpinButton *spin, RpRolloutPage *self)
{
  section_save_spin (&self->flags, "percent", spin);
}

static void
on_flag_cleanup_changed_cb (RpDateRow *row, GParamSpec *pspec G_GNUC_UNUSED, RpRolloutPage *self)
{
  const char *date = rp_date_row_get_date (row);

  section_save (&self->flags, "cleanup_due", date != NULL ? g_variant_new_string (date) : NULL,
                GTK_WIDGET (row));
}

static gboolean
on_flag_add_cb (RpAddEntry *entry, const char *text, RpRolloutPage *self)
{
  return section_add (&self->flags, "key", entry, text);
}

static void
on_flag_action_cb (GtkWidget *widget, const char *action_name G_GNUC_UNUSED,
                   GVariant *parameter G_GNUC_UNUSED)
{
  RpRolloutPage *self = RP_ROLLOUT_PAGE (widget);

  section_delete (&self->flags, TRUE);
}

static void
update_actions (RpRolloutPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stages.rows));
  guint pos = rp_list_model_find (G_LIST_MODEL (self->stages.rows), self->stages.editing_id);
  gboolean has_stage = pos != GTK_INVALID_LIST_POSITION;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage.move-up", has_stage && pos > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage.move-down", has_stage && pos + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage.delete", has_stage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flag.delete", self->flags.editing_id != NULL);
}

/* A stage or a flag, shown in its editor; or the tab, for the release's
 * field "rollout". */
static gboolean
rp_rollout_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id, const char *field,
                                gboolean focus)
{
  RpRolloutPage *self = RP_ROLLOUT_PAGE (page);
  Section *section = entity == RP_ENTITY_ROLLOUT_STAGE  ? &self->stages
                     : entity == RP_ENTITY_FEATURE_FLAG ? &self->flags
                                                        : NULL;
  guint pos;

  /* The rollout as a whole (a readiness finding that the release has no
   * stages): the tab, ready for the first stage. */
  if (entity == RP_ENTITY_RELEASE && g_strcmp0 (field, "rollout") == 0 &&
      g_strcmp0 (id, rp_release_page_get_release_id (page)) == 0)
    return TRUE;
  if (section == NULL)
    return FALSE;
  pos = rp_list_model_find (G_LIST_MODEL (section->rows), id);
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (section->selection, pos);
  gtk_widget_activate_action (section->list_view, "list.scroll-to-item", "u", pos);
  if (focus)
    gtk_widget_grab_focus (section == &self->stages ? self->stage_name.widget : self->flag_key.widget);
  return TRUE;
}

/* ---- keeping up with the store ---- */

static void
reload (RpRolloutPage *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), self->release_id != NULL ? "page" : "none");
  section_reload (&self->stages);
  section_reload (&self->flags);
}

static void
rp_rollout_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  RpRolloutPage *self = RP_ROLLOUT_PAGE (page);

  if (entity == RP_ENTITY_ROLLOUT_STAGE)
    section_reload (&self->stages);
  else if (entity == RP_ENTITY_FEATURE_FLAG)
    section_reload (&self->flags);
  else if (entity == RP_N_ENTITIES)
    reload (self);
}

/* ---- building the page ---- */

static GtkWidget *
build_list (Section *section, const char *name, const char *label, const char *empty_text, GCallback setup,
            GCallback bind, const char *delete_action)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkShortcutController *shortcuts;
  GtkWidget *scrolled, *empty;
  GtkShortcutTrigger *trigger;
  GtkShortcutAction *action;

  g_signal_connect (factory, "setup", setup, section->page);
  g_signal_connect (factory, "bind", bind, section->page);

  section->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (section->selection)), factory);
  gtk_widget_set_name (section->list_view, name);
  gtk_widget_add_css_class (section->list_view, "rp-rollout-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (trigger, gtk_named_action_new (delete_action)));
  if (section->entity == RP_ENTITY_ROLLOUT_STAGE)
    {
      trigger = gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK);
      action = gtk_named_action_new ("stage.move-up");
      gtk_shortcut_controller_add_shortcut (shortcuts, gtk_shortcut_new (trigger, action));
      trigger = gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK);
      action = gtk_named_action_new ("stage.move-down");
      gtk_shortcut_controller_add_shortcut (shortcuts, gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (section->list_view, GTK_EVENT_CONTROLLER (shortcuts));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), section->list_view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);

  empty = gtk_label_new (empty_text);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (empty), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (empty), 40);
  gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);

  section->list_stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (section->list_stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (section->list_stack), empty, "empty");
  gtk_stack_set_hhomogeneous (GTK_STACK (section->list_stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (section->list_stack), FALSE);
  return section->list_stack;
}

static GtkWidget *
build_add_entry (const char *name, const char *label, const char *placeholder, GCallback add,
                 RpRolloutPage *self)
{
  GtkWidget *entry = rp_add_entry_new (label, placeholder);

  gtk_widget_set_name (entry, name);
  g_signal_connect (entry, "add", add, self);
  return entry;
}

static GtkWidget *
build_spin_row (const char *title, const char *subtitle, const char *name, double max, double step,
                GtkWidget **spin_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (spin, name);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  /* The row's title names it: AdwActionRow labels its activatable widget. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  *spin_out = spin;
  return row;
}

static GtkWidget *
build_icon_button (const char *icon, const char *label, const char *action, const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GtkWidget *
build_stage_editor (RpRolloutPage *self)
{
  GtkWidget *editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *frame, *buttons, *button;
  g_autoptr (GtkStringList) statuses = rp_ui_enum_model (rp_stage_statuses);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Stage"));
  gtk_box_append (GTK_BOX (editor), group);

  row = adw_entry_row_new ();
  gtk_widget_set_name (row, "stage-name-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  text_field_init (&self->stage_name, &self->stages, row, "name");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = build_spin_row (_("Traffic"), _("Percent of users on the new release"), "stage-percent-spin", 100,
                        5, &self->stage_percent_spin);
  g_signal_connect (self->stage_percent_spin, "value-changed", G_CALLBACK (on_stage_spin_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = build_spin_row (_("Hold"), _("Minutes to watch before the next stage"), "stage-hold-spin",
                        60 * 24 * 90, 15, &self->stage_hold_spin);
  g_signal_connect (self->stage_hold_spin, "value-changed", G_CALLBACK (on_stage_spin_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->stage_status_row = adw_combo_row_new ();
  gtk_widget_set_name (self->stage_status_row, "stage-status-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stage_status_row), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->stage_status_row), G_LIST_MODEL (statuses));
  g_signal_connect (self->stage_status_row, "notify::selected", G_CALLBACK (on_stage_status_selected_cb),
                    self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->stage_status_row);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Health Criteria"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What must hold before the next stage starts"));
  frame = rp_ui_text_area_new ("stage-criteria-view", _("Health criteria"), 90);
  text_field_init (&self->stage_criteria, &self->stages, gtk_frame_get_child (GTK_FRAME (frame)), "criteria");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  gtk_box_append (GTK_BOX (editor), group);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (buttons), build_icon_button ("go-up-symbolic", _("Move Up (Alt+Up)"),
                                                        "stage.move-up", "stage-up-button"));
  gtk_box_append (GTK_BOX (buttons), build_icon_button ("go-down-symbolic", _("Move Down (Alt+Down)"),
                                                        "stage.move-down", "stage-down-button"));
  button = gtk_button_new_with_mnemonic (_("_Delete Stage"));
  gtk_widget_set_name (button, "stage-delete-button");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, _("Delete the selected stage (Delete)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stage.delete");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (editor), buttons);

  self->stages.editor = editor;
  self->stages.load_editor = load_stage_editor;
  return editor;
}

static GtkWidget *
build_flag_editor (RpRolloutPage *self)
{
  GtkWidget *editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *button;
  g_autoptr (GtkStringList) states = rp_ui_enum_model (rp_flag_states);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Flag"));
  gtk_box_append (GTK_BOX (editor), group);

  row = adw_entry_row_new ();
  gtk_widget_set_name (row, "flag-key-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Key"));
  text_field_init (&self->flag_key, &self->flags, row, "key");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->flag_state_row = adw_combo_row_new ();
  gtk_widget_set_name (self->flag_state_row, "flag-state-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->flag_state_row), _("State"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->flag_state_row), G_LIST_MODEL (states));
  g_signal_connect (self->flag_state_row, "notify::selected", G_CALLBACK (on_flag_state_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->flag_state_row);

  row = build_spin_row (_("Traffic"), _("Percent of users with the flag on"), "flag-percent-spin", 100, 5,
                        &self->flag_percent_spin);
  g_signal_connect (self->flag_percent_spin, "value-changed", G_CALLBACK (on_flag_percent_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->flag_cleanup_row = rp_date_row_new (_("Clean Up By"));
  gtk_widget_set_name (self->flag_cleanup_row, "flag-cleanup-row");
  g_signal_connect (self->flag_cleanup_row, "notify::date", G_CALLBACK (on_flag_cleanup_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->flag_cleanup_row);

  button = gtk_button_new_with_mnemonic (_("De_lete Flag"));
  gtk_widget_set_name (button, "flag-delete-button");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, _("Delete the selected flag (Delete)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "flag.delete");
  gtk_box_append (GTK_BOX (editor), button);

  self->flags.editor = editor;
  self->flags.load_editor = load_flag_editor;
  return editor;
}

static GtkWidget *
build_heading (const char *title, const char *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (description);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
rp_rollout_page_store_set (RpReleasePage *page)
{
  RpRolloutPage *self = RP_ROLLOUT_PAGE (page);
  GtkWidget *content, *column;

  self->store = rp_release_page_get_store (page);
  self->edits = rp_release_page_get_edits (page);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_box_append (GTK_BOX (content),
                  build_heading (_("Rollout Stages"), _("Release to a few users first, hold, check health, "
                                                          "then widen")));
  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->stage_hint = gtk_label_new (NULL);
  gtk_widget_set_name (self->stage_hint, "stage-hint");
  gtk_label_set_wrap (GTK_LABEL (self->stage_hint), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (self->stage_hint), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (self->stage_hint), 30);
  gtk_label_set_xalign (GTK_LABEL (self->stage_hint), 0);
  gtk_widget_add_css_class (self->stage_hint, "warning");
  gtk_widget_set_visible (self->stage_hint, FALSE);
  gtk_box_append (GTK_BOX (column), build_list (&self->stages, "stage-list", _("Rollout stages, in order"),
                                                _("No stages: the release would reach everyone at once."),
                                                G_CALLBACK (on_stage_setup_cb),
                                                G_CALLBACK (on_stage_bound_cb), "stage.delete"));
  gtk_box_append (GTK_BOX (column), build_add_entry ("stage-add-entry", _("Add Rollout Stage"),
                                                     _("New stage…"), G_CALLBACK (on_stage_add_cb), self));
  gtk_box_append (GTK_BOX (column), self->stage_hint);
  gtk_box_append (GTK_BOX (content), rp_ui_columns_new (column, build_stage_editor (self)));

  gtk_box_append (GTK_BOX (content),
                  build_heading (_("Feature Flags"),
                                 _("Switches that turn risky parts on gradually, and when "
                                    "to remove them")));
  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (column),
                  build_list (&self->flags, "flag-list", _("Feature flags"), _("No feature flags yet."),
                              G_CALLBACK (on_flag_setup_cb), G_CALLBACK (on_flag_bound_cb), "flag.delete"));
  gtk_box_append (GTK_BOX (column), build_add_entry ("flag-add-entry", _("Add Feature Flag"),
                                                     _("New flag key…"), G_CALLBACK (on_flag_add_cb), self));
  gtk_box_append (GTK_BOX (content), rp_ui_columns_new (column, build_flag_editor (self)));

  self->main_stack =
      rp_ui_page_stack_new ("emoji-flags-symbolic", _("Pick a release to plan its rollout"), content);
  adw_bin_set_child (ADW_BIN (self), self->main_stack);
}

/* Another release opens on its first stage and flag. */
static void
rp_rollout_page_release_changed (RpReleasePage *page)
{
  RpRolloutPage *self = RP_ROLLOUT_PAGE (page);

  self->release_id = rp_release_page_get_release_id (page);
  g_clear_pointer (&self->stages.editing_id, g_free);
  g_clear_pointer (&self->flags.editing_id, g_free);
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->stages.selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->flags.selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  reload (self);
}

static void
rp_rollout_page_dispose (GObject *object)
{
  RpRolloutPage *self = RP_ROLLOUT_PAGE (object);

  /* The fields go with the child: save what was typed first. */
  rp_release_page_flush (RP_RELEASE_PAGE (self));
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->main_stack = NULL;
  section_clear (&self->stages);
  section_clear (&self->flags);

  G_OBJECT_CLASS (rp_rollout_page_parent_class)->dispose (object);
}

static void
rp_rollout_page_class_init (RpRolloutPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);

  object_class->dispose = rp_rollout_page_dispose;
  page_class->store_set = rp_rollout_page_store_set;
  page_class->release_changed = rp_rollout_page_release_changed;
  page_class->store_changed = rp_rollout_page_store_changed;
  page_class->select_subject = rp_rollout_page_select_subject;
  rp_release_page_class_watch (page_class, RP_ENTITY_ROLLOUT_STAGE);
  rp_release_page_class_watch (page_class, RP_ENTITY_FEATURE_FLAG);

  gtk_widget_class_install_action (widget_class, "stage.move-up", NULL, on_stage_action_cb);
  gtk_widget_class_install_action (widget_class, "stage.move-down", NULL, on_stage_action_cb);
  gtk_widget_class_install_action (widget_class, "stage.delete", NULL, on_stage_action_cb);
  gtk_widget_class_install_action (widget_class, "flag.delete", NULL, on_flag_action_cb);
}

static void
rp_rollout_page_init (RpRolloutPage *self)
{
  rp_ui_ensure_css (gdk_display_get_default (), CSS_RESOURCE);
  rp_release_page_set_title (RP_RELEASE_PAGE (self), _("Rollout"));
  rp_release_page_set_icon_name (RP_RELEASE_PAGE (self), "emoji-flags-symbolic");

  section_init (&self->stages, self, RP_ENTITY_ROLLOUT_STAGE);
  section_init (&self->flags, self, RP_ENTITY_FEATURE_FLAG);
}
