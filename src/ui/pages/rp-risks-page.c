/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-person-row.h"
#include "rp-risks-page.h"
#include "rp-text-edits.h"
#include "rp-ui-util.h"

/* The risks of a release: a 5×5 heat map of the open ones, the list sorted
 * by score (likelihood × impact), and an editor for the selected risk
 * beside the list on wide windows and below it on narrow ones. A cell of
 * the heat map is a toggle: on, the list shows only the open risks in it. */

#define CSS_RESOURCE "/io/github/releaseplanner/ReleasePlanner/pages/rp-risks.css"

struct _RpRisksPage
{
  RpReleasePage parent_instance;

  /* borrowed: the page's, once the store is set */
  RpStore *store;
  RpTextEdits *edits;
  const char *release_id;

  /* owned */
  GListStore *risks; /* RpRecord, in stored order */
  GtkCustomFilter *cell_filter;
  GtkFilterListModel *filtered; /* the risks of the heat map's cell turned on */
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GHashTable *person_names; /* id -> name; NULL until needed */
  char *editing_id;         /* the risk in the editor, or NULL */
  gint64 filter_likelihood; /* the cell the list is filtered to; 0: none */
  gint64 filter_impact;
  gboolean syncing_cells;   /* set while the page turns cells on and off */
  /* Set while the page puts store values into its widgets, so that their
   * change handlers do not write them back. */
  gboolean updating;

  /* borrowed: children of the page */
  GtkWidget *main_stack;
  GtkWidget *heat_cells[5][5]; /* [likelihood - 1][impact - 1] */
  GtkWidget *filter_label;     /* says what the list is filtered to */
  GtkWidget *add_entry;
  GtkWidget *list_stack;
  GtkWidget *list_view;
  GtkWidget *editor;
  GtkWidget *title_row;
  GtkWidget *likelihood_row;
  GtkWidget *impact_row;
  GtkWidget *score_label;
  GtkWidget *level_label;
  GtkWidget *mitigation_view;
  GtkWidget *owner_row;
  GtkWidget *status_row;
  GtkWidget *readiness_label;
};

G_DEFINE_FINAL_TYPE (RpRisksPage, rp_risks_page, RP_TYPE_RELEASE_PAGE)

typedef enum {
  LEVEL_LOW,
  LEVEL_MEDIUM,
  LEVEL_HIGH,
} Level;

static Level
level_of_score (gint64 score)
{
  if (score >= 15)
    return LEVEL_HIGH;
  if (score >= 8)
    return LEVEL_MEDIUM;
  return LEVEL_LOW;
}

static const char *
level_css_class (Level level)
{
  static const char *const classes[] = { "rp-score-low", "rp-score-medium", "rp-score-high" };
  return classes[level];
}

static const char *
level_label (Level level)
{
  switch (level)
    {
    case LEVEL_HIGH:
      /* Translators: the level of a risk's score */
      return C_("risk level", "High");
    case LEVEL_MEDIUM:
      return C_("risk level", "Medium");
    case LEVEL_LOW:
    default:
      return C_("risk level", "Low");
    }
}

/* Puts exactly one of the level classes on @widget. */
static void
set_level_class (GtkWidget *widget, Level level)
{
  for (Level l = LEVEL_LOW; l <= LEVEL_HIGH; l++)
    {
      if (l == level)
        gtk_widget_add_css_class (widget, level_css_class (l));
      else
        gtk_widget_remove_css_class (widget, level_css_class (l));
    }
}

static gint64
record_score (RpRecord *record)
{
  return rp_record_get_int (record, "likelihood") * rp_record_get_int (record, "impact");
}

static const char *
person_name (RpRisksPage *self, const char *id)
{
  if (id == NULL)
    return NULL;

  if (self->person_names == NULL)
    {
      g_autoptr (GPtrArray) people = rp_store_list (self->store, RP_ENTITY_PERSON, NULL);

      self->person_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < people->len; i++)
        g_hash_table_insert (self->person_names,
                             g_strdup (rp_record_get_id (people->pdata[i])),
                             g_strdup (rp_record_get_string (people->pdata[i], "name")));
    }

  return g_hash_table_lookup (self->person_names, id);
}

/* Sorting: highest score first, then by title, then by id so that equal
 * risks keep one order. */
static int
compare_risks (gconstpointer a,
               gconstpointer b,
               gpointer user_data G_GNUC_UNUSED)
{
  RpRecord *ra = (RpRecord *) a;
  RpRecord *rb = (RpRecord *) b;
  gint64 sa = record_score (ra);
  gint64 sb = record_score (rb);
  int cmp;

  if (sa != sb)
    return sa > sb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  cmp = g_utf8_collate (rp_record_get_string (ra, "title"), rp_record_get_string (rb, "title"));
  if (cmp != 0)
    return cmp < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  cmp = g_strcmp0 (rp_record_get_id (ra), rp_record_get_id (rb));
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static RpRecord *
get_editing_record (RpRisksPage *self)
{
  guint pos = rp_list_model_find (G_LIST_MODEL (self->risks), self->editing_id);

  if (pos == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->risks), pos);
}

/* ---- the heat map ---- */

static void set_cell_filter (RpRisksPage *self, gint64 likelihood, gint64 impact);

static gboolean
is_open_in_cell (RpRecord *record, gint64 likelihood, gint64 impact)
{
  return g_strcmp0 (rp_record_get_string (record, "status"), "open") == 0 &&
         rp_record_get_int (record, "likelihood") == likelihood && rp_record_get_int (record, "impact") == impact;
}

static void
update_heat_map (RpRisksPage *self)
{
  guint counts[5][5] = { { 0 } };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->risks));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRecord) record = g_list_model_get_item (G_LIST_MODEL (self->risks), i);
      gint64 l = rp_record_get_int (record, "likelihood");
      gint64 m = rp_record_get_int (record, "impact");

      if (g_strcmp0 (rp_record_get_string (record, "status"), "open") == 0
          && l >= 1 && l <= 5 && m >= 1 && m <= 5)
        counts[l - 1][m - 1]++;
    }

  for (guint l = 0; l < 5; l++)
    for (guint m = 0; m < 5; m++)
      {
        GtkWidget *cell = self->heat_cells[l][m];
        g_autofree char *text = counts[l][m] > 0 ? g_strdup_printf ("%u", counts[l][m])
                                                 : g_strdup ("");
        g_autofree char *tooltip = NULL;

        gtk_button_set_label (GTK_BUTTON (cell), text);
        if (counts[l][m] > 0)
          gtk_widget_add_css_class (cell, "rp-heat-filled");
        else
          gtk_widget_remove_css_class (cell, "rp-heat-filled");
        /* A cell with no open risk has nothing to filter to. */
        gtk_widget_set_sensitive (cell, counts[l][m] > 0);
        gtk_widget_set_cursor_from_name (cell, counts[l][m] > 0 ? "pointer" : NULL);

        /* Translators: a cell of the risk heat map, e.g. "Likely × Major:
         * 2 open risks, score 16" */
        tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s × %s: %u open risk, score %u",
                                                "%s × %s: %u open risks, score %u", counts[l][m]),
                                   rp_ui_likelihood_label (l + 1), rp_ui_impact_label (m + 1),
                                   counts[l][m], (l + 1) * (m + 1));
        gtk_widget_set_tooltip_text (cell, tooltip);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      }
  /* The cell the list was filtered to emptied: show them all again. */
  if (self->filter_likelihood > 0 && counts[self->filter_likelihood - 1][self->filter_impact - 1] == 0)
    set_cell_filter (self, 0, 0);
}

static gboolean
filter_by_cell (gpointer item, gpointer data)
{
  RpRisksPage *self = data;

  return self->filter_likelihood == 0 ||
         is_open_in_cell (RP_RECORD (item), self->filter_likelihood, self->filter_impact);
}

static void reselect (RpRisksPage *self, guint fallback);

/* Filters the list to the open risks of one cell (0, 0: all of them),
 * the cell's toggle on and the others off, and selects the first. */
static void
set_cell_filter (RpRisksPage *self, gint64 likelihood, gint64 impact)
{
  if (self->filter_likelihood == likelihood && self->filter_impact == impact)
    return;
  self->filter_likelihood = likelihood;
  self->filter_impact = impact;
  self->syncing_cells = TRUE;
  for (guint l = 0; l < 5; l++)
    for (guint m = 0; m < 5; m++)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->heat_cells[l][m]),
                                    l + 1 == likelihood && m + 1 == impact);
  self->syncing_cells = FALSE;
  gtk_widget_set_visible (self->filter_label, likelihood > 0);
  if (likelihood > 0)
    {
      /* Translators: under the heat map while the list shows one of its
       * cells, e.g. "Only Possible × Significant: select the cell again
       * for all risks" */
      g_autofree char *text = g_strdup_printf (_("Only %s × %s: select the cell again for all risks"),
                                               rp_ui_likelihood_label (likelihood), rp_ui_impact_label (impact));

      gtk_label_set_text (GTK_LABEL (self->filter_label), text);
    }
  self->updating = TRUE;
  gtk_filter_changed (GTK_FILTER (self->cell_filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->updating = FALSE;
  reselect (self, 0);
  if (likelihood > 0 && g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u",
                                gtk_single_selection_get_selected (self->selection));
}

/* A cell turned on filters the list to its open risks; off, shows all. */
static void
on_heat_cell_toggled_cb (GtkToggleButton *cell, RpRisksPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "rp-heat-cell"));
  gint64 likelihood = index / 5 + 1, impact = index % 5 + 1;

  if (self->syncing_cells)
    return;
  if (gtk_toggle_button_get_active (cell))
    set_cell_filter (self, likelihood, impact);
  else if (self->filter_likelihood == likelihood && self->filter_impact == impact)
    set_cell_filter (self, 0, 0);
}

static GtkWidget *
build_heat_map (RpRisksPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "rp-heat-map");
  gtk_widget_set_halign (box, GTK_ALIGN_FILL);

  label = gtk_label_new (_("Open Risks"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 3);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Heat map of open risks by likelihood and impact"), -1);
  gtk_box_append (GTK_BOX (box), grid);

  /* Likelihood runs up the left side (5 at the top), impact along the
   * bottom, as risk matrices are usually drawn. */
  label = gtk_label_new (_("Likelihood ↑"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 6, 1);

  for (guint l = 0; l < 5; l++)
    {
      guint row = 5 - l;
      g_autofree char *number = g_strdup_printf ("%u", l + 1);

      label = gtk_label_new (number);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, rp_ui_likelihood_label (l + 1));
      gtk_widget_set_margin_end (label, 6);
      gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);

      for (guint m = 0; m < 5; m++)
        {
          GtkWidget *cell = gtk_toggle_button_new ();
          g_autofree char *name = g_strdup_printf ("risk-heat-cell-%u-%u", l + 1, m + 1);

          gtk_widget_set_name (cell, name);
          g_object_set_data (G_OBJECT (cell), "rp-heat-cell", GUINT_TO_POINTER (l * 5 + m));
          g_signal_connect (cell, "toggled", G_CALLBACK (on_heat_cell_toggled_cb), self);
          gtk_widget_add_css_class (cell, "rp-heat-cell");
          gtk_widget_add_css_class (cell, "numeric");
          set_level_class (cell, level_of_score ((l + 1) * (m + 1)));
          gtk_grid_attach (GTK_GRID (grid), cell, m + 1, row, 1, 1);
          self->heat_cells[l][m] = cell;
        }
    }

  for (guint m = 0; m < 5; m++)
    {
      g_autofree char *number = g_strdup_printf ("%u", m + 1);

      label = gtk_label_new (number);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, rp_ui_impact_label (m + 1));
      gtk_grid_attach (GTK_GRID (grid), label, m + 1, 6, 1, 1);
    }

  label = gtk_label_new (_("Impact →"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 1, 7, 5, 1);

  self->filter_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->filter_label, "risk-heat-filter");
  gtk_label_set_wrap (GTK_LABEL (self->filter_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->filter_label), 0);
  gtk_widget_add_css_class (self->filter_label, "caption");
  gtk_widget_add_css_class (self->filter_label, "dim-label");
  gtk_widget_set_visible (self->filter_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->filter_label);

  return box;
}

/* ---- the list ---- */

typedef struct
{
  GtkWidget *badge;
  GtkWidget *title;
  GtkWidget *subtitle;
} RowWidgets;

static void
on_row_setup_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
                 GtkListItem *item,
                 gpointer user_data G_GNUC_UNUSED)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  RowWidgets *w = g_new0 (RowWidgets, 1);

  gtk_widget_add_css_class (box, "rp-risk-row");

  w->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->badge, "rp-score-badge");
  gtk_widget_set_valign (w->badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), w->badge);

  w->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->title), PANGO_ELLIPSIZE_END);
  /* A long title must not ask for so much width that the editor no longer
   * fits beside the list. */
  gtk_label_set_max_width_chars (GTK_LABEL (w->title), 40);
  gtk_box_append (GTK_BOX (text), w->title);

  w->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->subtitle), 0);
  /* One line: every row is as tall as the others, so the list can size
   * and scroll itself without measuring every row. */
  gtk_label_set_ellipsize (GTK_LABEL (w->subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (w->subtitle), 40);
  gtk_widget_add_css_class (w->subtitle, "caption");
  gtk_widget_add_css_class (w->subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), w->subtitle);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  g_object_set_data_full (G_OBJECT (box), "rp-row-widgets", w, g_free);
  gtk_list_item_set_child (item, box);
}

static void
on_row_bound_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
                 GtkListItem *item,
                 gpointer user_data)
{
  RpRisksPage *self = user_data;
  RpRecord *record = gtk_list_item_get_item (item);
  RowWidgets *w = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "rp-row-widgets");
  gint64 likelihood = rp_record_get_int (record, "likelihood");
  gint64 impact = rp_record_get_int (record, "impact");
  gint64 score = likelihood * impact;
  Level level = level_of_score (score);
  const char *owner = person_name (self, rp_record_get_string (record, "owner_id"));
  g_autofree char *badge = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  g_autofree char *scale = NULL;

  /* The level in words beside the number: never colour alone. */
  badge = g_markup_printf_escaped ("<b>%" G_GINT64_FORMAT "</b> %s", score, level_label (level));
  gtk_label_set_markup (GTK_LABEL (w->badge), badge);
  set_level_class (w->badge, level);

  gtk_label_set_text (GTK_LABEL (w->title), rp_record_get_string (record, "title"));
  /* The title may be cut short in a narrow list. */
  gtk_widget_set_tooltip_text (w->title, rp_record_get_string (record, "title"));

  /* Translators: likelihood × impact of a risk, e.g. "Likely × Major" */
  scale = g_strdup_printf (_("%s × %s"), rp_ui_likelihood_label (likelihood),
                           rp_ui_impact_label (impact));
  if (owner != NULL)
    /* Translators: "Likely × Major · Open · Ada Lovelace" */
    subtitle = g_strdup_printf (_("%s · %s · %s"), scale,
                                rp_ui_enum_label (rp_record_get_string (record, "status")), owner);
  else
    subtitle = g_strdup_printf (_("%s · %s"), scale,
                                rp_ui_enum_label (rp_record_get_string (record, "status")));
  gtk_label_set_text (GTK_LABEL (w->subtitle), subtitle);

  /* Translators: how a screen reader reads a risk in the list */
  a11y = g_strdup_printf (_("%s, score %" G_GINT64_FORMAT " %s, %s"),
                          rp_record_get_string (record, "title"), score, level_label (level),
                          subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

/* ---- the editor ---- */

static void
set_combo_selected (GtkWidget *row, guint position)
{
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static void
update_score (RpRisksPage *self, gint64 likelihood, gint64 impact)
{
  gint64 score = likelihood * impact;
  Level level = level_of_score (score);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, score);

  gtk_label_set_text (GTK_LABEL (self->score_label), text);
  gtk_label_set_text (GTK_LABEL (self->level_label), level_label (level));
  set_level_class (gtk_widget_get_parent (self->score_label), level);
}

/* What the readiness check will say about this risk (the rules
 * risk.unmitigated and risk.no-owner), said where it can be fixed. */
static void
update_readiness_hint (RpRisksPage *self, RpRecord *record)
{
  gint64 score = record_score (record);
  const char *mitigation = rp_record_get_string (record, "mitigation");
  const char *hint = NULL;
  gboolean blocker = FALSE;
  g_autofree char *stripped = g_strstrip (g_strdup (mitigation != NULL ? mitigation : ""));

  if (g_strcmp0 (rp_record_get_string (record, "status"), "open") == 0)
    {
      if (score >= 15 && *stripped == '\0')
        {
          hint = _("An open risk this high needs a mitigation, or the release is a no go.");
          blocker = TRUE;
        }
      else if (score >= 8 && rp_record_get_string (record, "owner_id") == NULL)
        hint = _("An open risk this high should have an owner.");
    }

  gtk_label_set_text (GTK_LABEL (self->readiness_label), hint != NULL ? hint : "");
  gtk_widget_set_visible (self->readiness_label, hint != NULL);
  if (blocker)
    {
      gtk_widget_add_css_class (self->readiness_label, "error");
      gtk_widget_remove_css_class (self->readiness_label, "warning");
    }
  else
    {
      gtk_widget_add_css_class (self->readiness_label, "warning");
      gtk_widget_remove_css_class (self->readiness_label, "error");
    }
}

/* Shows the risk being edited, leaving alone a field whose edit is still
 * waiting to be saved (the user is typing there). */
static void
load_editor (RpRisksPage *self)
{
  g_autoptr (RpRecord) record = get_editing_record (self);
  gint64 likelihood, impact;

  gtk_widget_set_visible (self->editor, record != NULL);
  if (record == NULL)
    return;

  likelihood = rp_record_get_int (record, "likelihood");
  impact = rp_record_get_int (record, "impact");

  self->updating = TRUE;

  rp_text_edits_set_text (self->edits, self->title_row, rp_record_get_string (record, "title"));
  set_combo_selected (self->likelihood_row, CLAMP (likelihood, 1, 5) - 1);
  set_combo_selected (self->impact_row, CLAMP (impact, 1, 5) - 1);
  update_score (self, likelihood, impact);

  rp_text_edits_set_text (self->edits, self->mitigation_view,
                          rp_record_get_string (record, "mitigation"));

  if (g_strcmp0 (rp_person_row_get_person_id (RP_PERSON_ROW (self->owner_row)),
                 rp_record_get_string (record, "owner_id")) != 0)
    rp_person_row_set_person_id (RP_PERSON_ROW (self->owner_row),
                                 rp_record_get_string (record, "owner_id"));

  set_combo_selected (self->status_row,
                      rp_ui_enum_index (rp_risk_statuses, rp_record_get_string (record, "status")));

  update_readiness_hint (self, record);

  self->updating = FALSE;
}

static void
on_title_changed_cb (GtkEditable *editable,
                     RpRisksPage *self)
{
  if (self->updating)
    return;
  rp_text_edits_schedule (self->edits, GTK_WIDGET (editable), RP_ENTITY_RISK, self->editing_id,
                          "title");
}

/* Enter saves the title at once, waiting or not. */
static void
on_title_applied_cb (AdwEntryRow *row,
                     RpRisksPage *self)
{
  rp_text_edits_save (self->edits, GTK_WIDGET (row), RP_ENTITY_RISK, self->editing_id, "title");
}

static void
on_mitigation_changed_cb (GtkTextBuffer *buffer G_GNUC_UNUSED,
                          RpRisksPage *self)
{
  if (self->updating)
    return;
  rp_text_edits_schedule (self->edits, self->mitigation_view, RP_ENTITY_RISK, self->editing_id,
                          "mitigation");
}

static void
on_scale_selected_cb (AdwComboRow *row,
                      GParamSpec *pspec G_GNUC_UNUSED,
                      RpRisksPage *self)
{
  const char *column = GTK_WIDGET (row) == self->likelihood_row ? "likelihood" : "impact";
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->editing_id == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  update_score (self,
                adw_combo_row_get_selected (ADW_COMBO_ROW (self->likelihood_row)) + 1,
                adw_combo_row_get_selected (ADW_COMBO_ROW (self->impact_row)) + 1);
  rp_ui_save_value (self->store, RP_ENTITY_RISK, self->editing_id, column,
                    g_variant_new_int64 (selected + 1), GTK_WIDGET (row));
}

static void
on_status_selected_cb (AdwComboRow *row,
                       GParamSpec *pspec G_GNUC_UNUSED,
                       RpRisksPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->editing_id == NULL
      || selected >= g_strv_length ((char **) rp_risk_statuses))
    return;
  rp_ui_save_value (self->store, RP_ENTITY_RISK, self->editing_id, "status",
                    g_variant_new_string (rp_risk_statuses[selected]), GTK_WIDGET (row));
}

static void
on_owner_changed_cb (RpPersonRow *row,
                     GParamSpec *pspec G_GNUC_UNUSED,
                     RpRisksPage *self)
{
  const char *id = rp_person_row_get_person_id (row);

  if (self->updating || self->editing_id == NULL)
    return;
  rp_ui_save_value (self->store, RP_ENTITY_RISK, self->editing_id, "owner_id",
                    id != NULL ? g_variant_new_string (id) : NULL, GTK_WIDGET (row));
}

/* ---- selection and keeping up with the store ---- */

/* The editor follows the selected risk. */
static void
show_selected (RpRisksPage *self)
{
  RpRecord *record = gtk_single_selection_get_selected_item (self->selection);
  const char *id = record != NULL ? rp_record_get_id (record) : NULL;

  if (g_strcmp0 (id, self->editing_id) != 0)
    {
      rp_release_page_flush (RP_RELEASE_PAGE (self));
      g_free (self->editing_id);
      self->editing_id = g_strdup (id);
      rp_ui_show_error (self->title_row, NULL);
      rp_ui_show_error (self->mitigation_view, NULL);
    }
  load_editor (self);
}

static void
on_selection_changed_cb (GtkSelectionModel *model G_GNUC_UNUSED,
                         guint position G_GNUC_UNUSED,
                         guint n_items G_GNUC_UNUSED,
                         RpRisksPage *self)
{
  if (self->updating)
    return;
  show_selected (self);
}

/* After the list changed: select the risk that was in the editor again
 * (it may have moved), or the one now at @fallback. */
static void
reselect (RpRisksPage *self, guint fallback)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  guint pos = rp_list_model_find (model, self->editing_id);

  if (pos == GTK_INVALID_LIST_POSITION && n > 0)
    pos = MIN (fallback, n - 1);

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, pos);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), n > 0 ? "list" : "empty");
  show_selected (self);
}

static void
reload (RpRisksPage *self)
{
  g_autoptr (GPtrArray) risks = NULL;
  guint selected = gtk_single_selection_get_selected (self->selection);

  g_clear_pointer (&self->person_names, g_hash_table_unref);

  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack),
                                    self->release_id != NULL ? "page" : "none");

  if (self->release_id != NULL)
    risks = rp_store_list (self->store, RP_ENTITY_RISK, self->release_id);
  else
    risks = g_ptr_array_new ();

  self->updating = TRUE;
  g_list_store_splice (self->risks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->risks)),
                       risks->pdata, risks->len);
  self->updating = FALSE;

  update_heat_map (self);
  reselect (self, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

static void
update_risk (RpRisksPage *self, const char *id)
{
  g_autoptr (RpRecord) record = NULL;
  guint pos, selected;
  gboolean belongs;

  record = rp_store_get (self->store, RP_ENTITY_RISK, id, NULL);
  pos = rp_list_model_find (G_LIST_MODEL (self->risks), id);
  selected = gtk_single_selection_get_selected (self->selection);
  belongs = record != NULL && self->release_id != NULL
            && g_strcmp0 (rp_record_get_parent_id (record), self->release_id) == 0;

  if (!belongs && pos == GTK_INVALID_LIST_POSITION)
    return;

  self->updating = TRUE;
  if (belongs && pos != GTK_INVALID_LIST_POSITION)
    g_list_store_splice (self->risks, pos, 1, (gpointer *) &record, 1);
  else if (belongs)
    g_list_store_append (self->risks, record);
  else
    g_list_store_remove (self->risks, pos);
  self->updating = FALSE;

  update_heat_map (self);
  reselect (self, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

static void
rp_risks_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  RpRisksPage *self = RP_RISKS_PAGE (page);

  if (entity == RP_ENTITY_RISK && id != NULL)
    update_risk (self, id);
  else
    reload (self);
}

/* ---- adding and deleting ---- */

static void
on_add_activated_cb (GtkEntry *entry,
                     RpRisksPage *self)
{
  g_autoptr (RpRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (self->release_id == NULL || *title == '\0')
    return;

  rp_release_page_flush (RP_RELEASE_PAGE (self));

  record = rp_record_new (RP_ENTITY_RISK);
  rp_record_set_string (record, "release_id", self->release_id);
  rp_record_set_string (record, "title", title);

  /* Select it before the store tells us about it, so the editor opens it. */
  g_free (self->editing_id);
  self->editing_id = g_strdup (rp_record_get_id (record));

  if (!rp_store_insert (self->store, record, &error))
    {
      rp_ui_show_error (GTK_WIDGET (entry), error->message);
      return;
    }
  rp_ui_show_error (GTK_WIDGET (entry), NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
delete_selected (GtkWidget *widget,
                 const char *action_name G_GNUC_UNUSED,
                 GVariant *parameter G_GNUC_UNUSED)
{
  RpRisksPage *self = RP_RISKS_PAGE (widget);
  g_autoptr (RpRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;

  rp_release_page_flush (RP_RELEASE_PAGE (self));
  record = get_editing_record (self);
  if (record == NULL)
    return;

  /* Translators: what the toast says was deleted: Risk “Outage” */
  what = g_strdup_printf (_("Risk “%s”"), rp_record_get_string (record, "title"));
  if (!rp_store_delete (self->store, RP_ENTITY_RISK, rp_record_get_id (record), &error))
    {
      rp_ui_show_error (self->list_view, error->message);
      return;
    }
  rp_release_page_show_deleted (RP_RELEASE_PAGE (self), RP_ENTITY_RISK, rp_record_get_id (record),
                                what);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    gtk_widget_grab_focus (self->list_view);
}

static gboolean
rp_risks_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id,
                              const char *field, gboolean focus)
{
  RpRisksPage *self = RP_RISKS_PAGE (page);
  guint pos;

  if (entity != RP_ENTITY_RISK)
    return FALSE;
  pos = rp_list_model_find (G_LIST_MODEL (self->sorted), id);
  if (pos == GTK_INVALID_LIST_POSITION && self->filter_likelihood > 0)
    {
      set_cell_filter (self, 0, 0);
      pos = rp_list_model_find (G_LIST_MODEL (self->sorted), id);
    }
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, pos);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", pos);
  if (focus)
    gtk_widget_grab_focus (g_strcmp0 (field, "mitigation") == 0   ? self->mitigation_view
                           : g_strcmp0 (field, "owner_id") == 0 ? self->owner_row
                                                                : self->title_row);
  return TRUE;
}

/* ---- building the page ---- */

static GtkWidget *
build_list_column (RpRisksPage *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled;
  GtkWidget *empty;
  GtkListItemFactory *factory;
  GtkShortcutController *shortcuts;
  GtkShortcutTrigger *trigger;

  gtk_box_append (GTK_BOX (column), build_heat_map (self));

  self->add_entry = gtk_entry_new ();
  gtk_widget_set_name (self->add_entry, "risk-add-entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->add_entry), _("New risk…"));
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (self->add_entry), GTK_ENTRY_ICON_PRIMARY,
                                     "list-add-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title of a new risk"), -1);
  gtk_widget_set_tooltip_text (self->add_entry, _("Type a title and press Enter to add a risk"));
  g_signal_connect (self->add_entry, "activate", G_CALLBACK (on_add_activated_cb), self);
  gtk_box_append (GTK_BOX (column), self->add_entry);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bound_cb), self);

  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       factory);
  gtk_widget_set_name (self->list_view, "risk-list");
  gtk_widget_add_css_class (self->list_view, "rp-risk-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Risks, highest score first"), -1);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("risk.delete")));
  gtk_widget_add_controller (self->list_view, GTK_EVENT_CONTROLLER (shortcuts));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);

  empty = gtk_label_new (_("No risks yet. Name what could go wrong above and press Enter."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (empty), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (empty), 40);
  gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 24);
  gtk_widget_set_margin_bottom (empty, 24);

  self->list_stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->list_stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->list_stack), empty, "empty");
  gtk_stack_set_hhomogeneous (GTK_STACK (self->list_stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->list_stack), FALSE);
  gtk_box_append (GTK_BOX (column), self->list_stack);

  return column;
}

static GtkWidget *
build_scale_row (const char *title, const char *name, gboolean likelihood)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (gint64 i = 1; i <= 5; i++)
    {
      /* Translators: a point of a risk scale, e.g. "4 — Likely" */
      g_autofree char *label = g_strdup_printf (_("%d — %s"), (int) i,
                                                likelihood ? rp_ui_likelihood_label (i)
                                                           : rp_ui_impact_label (i));
      gtk_string_list_append (model, label);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  return row;
}

static GtkWidget *
build_editor (RpRisksPage *self)
{
  GtkWidget *editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *box, *frame, *button;
  g_autoptr (GtkStringList) statuses = rp_ui_enum_model (rp_risk_statuses);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Risk"));
  gtk_box_append (GTK_BOX (editor), group);

  self->title_row = adw_entry_row_new ();
  gtk_widget_set_name (self->title_row, "risk-title-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->title_row), FALSE);
  g_signal_connect (self->title_row, "changed", G_CALLBACK (on_title_changed_cb), self);
  g_signal_connect (self->title_row, "entry-activated", G_CALLBACK (on_title_applied_cb), self);
  rp_text_edits_watch_focus (self->edits, self->title_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->title_row);

  self->likelihood_row = build_scale_row (_("Likelihood"), "risk-likelihood-row", TRUE);
  g_signal_connect (self->likelihood_row, "notify::selected",
                    G_CALLBACK (on_scale_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->likelihood_row);

  self->impact_row = build_scale_row (_("Impact"), "risk-impact-row", FALSE);
  g_signal_connect (self->impact_row, "notify::selected", G_CALLBACK (on_scale_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->impact_row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Score"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Likelihood × impact"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "rp-score-badge");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->score_label = gtk_label_new ("9");
  gtk_widget_set_name (self->score_label, "risk-score-label");
  gtk_widget_add_css_class (self->score_label, "heading");
  gtk_widget_add_css_class (self->score_label, "numeric");
  gtk_box_append (GTK_BOX (box), self->score_label);
  self->level_label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (box), self->level_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->owner_row = rp_person_row_new (self->store, _("Owner"), TRUE);
  gtk_widget_set_name (self->owner_row, "risk-owner-row");
  g_signal_connect (self->owner_row, "notify::person-id", G_CALLBACK (on_owner_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->owner_row);

  self->status_row = adw_combo_row_new ();
  gtk_widget_set_name (self->status_row, "risk-status-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), G_LIST_MODEL (statuses));
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->status_row);

  self->readiness_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->readiness_label, "risk-readiness-label");
  gtk_label_set_wrap (GTK_LABEL (self->readiness_label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (self->readiness_label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (self->readiness_label), 40);
  gtk_label_set_xalign (GTK_LABEL (self->readiness_label), 0);
  gtk_widget_set_visible (self->readiness_label, FALSE);
  gtk_box_append (GTK_BOX (editor), self->readiness_label);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Mitigation"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (group), _("What lowers the likelihood or the impact, and who does it"));
  frame = rp_ui_text_area_new ("risk-mitigation-view", _("Mitigation"), 100);
  self->mitigation_view = gtk_frame_get_child (GTK_FRAME (frame));
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->mitigation_view)), "changed",
                    G_CALLBACK (on_mitigation_changed_cb), self);
  rp_text_edits_watch_focus (self->edits, self->mitigation_view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  gtk_box_append (GTK_BOX (editor), group);

  button = gtk_button_new_with_mnemonic (_("_Delete Risk"));
  gtk_widget_set_name (button, "risk-delete-button");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, _("Delete the selected risk (Delete)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "risk.delete");
  gtk_box_append (GTK_BOX (editor), button);

  return editor;
}

static void
rp_risks_page_store_set (RpReleasePage *page)
{
  RpRisksPage *self = RP_RISKS_PAGE (page);
  self->store = rp_release_page_get_store (page);
  self->edits = rp_release_page_get_edits (page);
  self->editor = build_editor (self);
  self->main_stack = rp_ui_page_stack_new ("dialog-warning-symbolic",
                                           _("Pick a release to see its risks"),
                                           rp_ui_columns_new (build_list_column (self),
                                                              self->editor));
  adw_bin_set_child (ADW_BIN (self), self->main_stack);
}

/* Another release opens on its first risk. */
static void
rp_risks_page_release_changed (RpReleasePage *page)
{
  RpRisksPage *self = RP_RISKS_PAGE (page);

  self->release_id = rp_release_page_get_release_id (page);
  g_clear_pointer (&self->editing_id, g_free);
  set_cell_filter (self, 0, 0);
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  reload (self);
}

static void
rp_risks_page_dispose (GObject *object)
{
  RpRisksPage *self = RP_RISKS_PAGE (object);

  /* The fields go with the child: save what was typed first. */
  rp_release_page_flush (RP_RELEASE_PAGE (self));
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->cell_filter);
  g_clear_object (&self->risks);
  g_clear_pointer (&self->person_names, g_hash_table_unref);
  g_clear_pointer (&self->editing_id, g_free);

  G_OBJECT_CLASS (rp_risks_page_parent_class)->dispose (object);
}

static void
rp_risks_page_class_init (RpRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);

  object_class->dispose = rp_risks_page_dispose;
  page_class->store_set = rp_risks_page_store_set;
  page_class->release_changed = rp_risks_page_release_changed;
  page_class->store_changed = rp_risks_page_store_changed;
  page_class->select_subject = rp_risks_page_select_subject;
  rp_release_page_class_watch (page_class, RP_ENTITY_RISK);
  rp_release_page_class_watch (page_class, RP_ENTITY_PERSON);

  gtk_widget_class_install_action (widget_class, "risk.delete", NULL, delete_selected);
}

static void
rp_risks_page_init (RpRisksPage *self)
{
  GtkCustomSorter *sorter;

  rp_ui_ensure_css (gdk_display_get_default (), CSS_RESOURCE);
  rp_release_page_set_title (RP_RELEASE_PAGE (self), _("Risks"));
  rp_release_page_set_icon_name (RP_RELEASE_PAGE (self), "dialog-warning-symbolic");

  self->risks = g_list_store_new (RP_TYPE_RECORD);
  sorter = gtk_custom_sorter_new (compare_risks, NULL, NULL);
  self->cell_filter = gtk_custom_filter_new (filter_by_cell, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->risks)),
                                              GTK_FILTER (g_object_ref (self->cell_filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed",
                    G_CALLBACK (on_selection_changed_cb), self);
}
