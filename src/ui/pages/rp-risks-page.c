/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-person-row.h"
#include "rp-risks-page.h"
#include "rp-ui-util.h"

/* The risks of a release: a 5×5 heat map of the open ones above the list,
 * the list sorted by score (likelihood × impact, highest first) and an
 * editor of the selected risk. The list, the editor beside it and their
 * plumbing are RpListEditorPage's; this page shows a risk in its row, in
 * the heat map and in the editor. A cell of the heat map is a toggle: on,
 * the list shows only the open risks in it. */

#define N_LEVELS 5 /* the points of the likelihood and impact scales */

struct _RpRisksPage
{
  RpListEditorPage parent_instance;

  /* template widgets */
  GtkGrid *heat_grid;
  GtkLabel *filter_label; /* says what the list is filtered to */
  GtkListBox *details_list;
  AdwEntryRow *title_row;
  AdwComboRow *likelihood_row;
  AdwComboRow *impact_row;
  GtkWidget *score_badge;
  GtkLabel *score_label;
  GtkLabel *level_label;
  AdwComboRow *status_row;
  GtkLabel *readiness_label;
  GtkTextView *mitigation_view;

  /* owned */
  GtkFilter *cell_filter; /* the open risks of the cell turned on, or all */

  /* borrowed */
  GtkWidget *heat_cells[N_LEVELS][N_LEVELS]; /* [likelihood - 1][impact - 1], in heat_grid */
  RpTextEdits *edits;                        /* the page's */
  GtkWidget *owner_row;                      /* RpPersonRow, a child of details_list */

  int filter_likelihood; /* the cell the list is filtered to; 0: none */
  int filter_impact;
  int stop_likelihood; /* the one cell that Tab stops at (the arrows move it), 1-based */
  int stop_impact;
  guint syncing; /* > 0 while the page sets its own widgets */
};

G_DEFINE_FINAL_TYPE (RpRisksPage, rp_risks_page, RP_TYPE_LIST_EDITOR_PAGE)

static const char *
level_label (RpRiskLevel level)
{
  switch (level)
    {
    case RP_RISK_LEVEL_HIGH:
      /* Translators: the level of a risk's score */
      return C_("risk level", "High");
    case RP_RISK_LEVEL_MEDIUM:
      return C_("risk level", "Medium");
    case RP_RISK_LEVEL_LOW:
    default:
      return C_("risk level", "Low");
    }
}

/* Puts exactly one of the level classes on @widget: rp-score-low, … */
static void
set_level_class (GtkWidget *widget, RpRiskLevel level)
{
  static const char *const classes[] = { "rp-score-low", "rp-score-medium", "rp-score-high" };

  for (guint l = 0; l < G_N_ELEMENTS (classes); l++)
    if (l == level)
      gtk_widget_add_css_class (widget, classes[l]);
    else
      gtk_widget_remove_css_class (widget, classes[l]);
}

/* The cell of the heat map that @risk counts in, if it is open and on the
 * scales. */
static GtkWidget *
heat_cell_of (RpRisksPage *self, RpRisk *risk)
{
  int l = rp_risk_get_likelihood (risk);
  int m = rp_risk_get_impact (risk);

  if (rp_risk_get_status (risk) != RP_RISK_STATUS_OPEN || l < 1 || l > N_LEVELS || m < 1 || m > N_LEVELS)
    return NULL;
  return self->heat_cells[l - 1][m - 1];
}

/* ---- the heat map ---- */

static void
update_heat_map (RpRisksPage *self)
{
  GListModel *risks = rp_list_editor_page_get_model (RP_LIST_EDITOR_PAGE (self));
  guint n = g_list_model_get_n_items (risks);
  guint counts[N_LEVELS][N_LEVELS] = { { 0 } };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpRisk) risk = g_list_model_get_item (risks, i);

      if (heat_cell_of (self, risk) != NULL)
        counts[rp_risk_get_likelihood (risk) - 1][rp_risk_get_impact (risk) - 1]++;
    }

  for (guint l = 0; l < N_LEVELS; l++)
    for (guint m = 0; m < N_LEVELS; m++)
      {
        GtkWidget *cell = self->heat_cells[l][m];
        guint count = counts[l][m];
        g_autofree char *text = count > 0 ? g_strdup_printf ("%u", count) : g_strdup ("");
        g_autofree char *tooltip = NULL;

        gtk_button_set_label (GTK_BUTTON (cell), text);
        if (count > 0)
          gtk_widget_add_css_class (cell, "rp-heat-filled");
        else
          gtk_widget_remove_css_class (cell, "rp-heat-filled");
        /* A cell with no open risk has nothing to filter to; it stays
         * sensitive all the same, so that the arrows can pass it and a
         * screen reader can say it is empty. */
        g_object_set_data (G_OBJECT (cell), "rp-heat-count", GUINT_TO_POINTER (count));
        gtk_widget_set_cursor_from_name (cell, count > 0 ? "pointer" : NULL);

        /* Translators: a cell of the risk heat map, e.g. "Likely × Major:
         * 2 open risks, score 16" */
        tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s × %s: %u open risk, score %u",
                                                "%s × %s: %u open risks, score %u", count),
                                   rp_ui_likelihood_label (l + 1), rp_ui_impact_label (m + 1), count,
                                   (l + 1) * (m + 1));
        gtk_widget_set_tooltip_text (cell, tooltip);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
        /* The label says it all: not also the count, as the cell's label. */
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
        gtk_accessible_update_state (GTK_ACCESSIBLE (gtk_button_get_child (GTK_BUTTON (cell))),
                                     GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      }
}

static guint
cell_count (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "rp-heat-count"));
}

/* The heat map is one stop of Tab: the cell (1-based) where it stops is
 * the only focusable one, and the arrows move it. */
static void
set_tab_stop (RpRisksPage *self, int likelihood, int impact, gboolean grab)
{
  likelihood = CLAMP (likelihood, 1, N_LEVELS);
  impact = CLAMP (impact, 1, N_LEVELS);
  self->stop_likelihood = likelihood;
  self->stop_impact = impact;
  for (int l = 0; l < N_LEVELS; l++)
    for (int m = 0; m < N_LEVELS; m++)
      gtk_widget_set_focusable (self->heat_cells[l][m], l + 1 == likelihood && m + 1 == impact);
  if (grab)
    gtk_widget_grab_focus (self->heat_cells[likelihood - 1][impact - 1]);
}

/* Where Tab lands when nothing is filtered: the riskiest cell with an
 * open risk (the top left one when there is none). */
static void
place_tab_stop (RpRisksPage *self)
{
  int best_l = N_LEVELS, best_m = 1, best = 0;
  GtkWidget *focus;

  if (self->filter_likelihood > 0)
    {
      set_tab_stop (self, self->filter_likelihood, self->filter_impact, FALSE);
      return;
    }
  /* Not away from under the keyboard of someone moving through it. */
  focus = gtk_widget_get_root (GTK_WIDGET (self)) != NULL
              ? gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)))
              : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->heat_grid)))
    return;
  for (int l = 1; l <= N_LEVELS; l++)
    for (int m = 1; m <= N_LEVELS; m++)
      if (cell_count (self->heat_cells[l - 1][m - 1]) > 0 && l * m > best)
        {
          best = l * m;
          best_l = l;
          best_m = m;
        }
  set_tab_stop (self, best_l, best_m, FALSE);
}

/* Left, Right, Up, Down: the next cell that way (Up: more likely). */
static gboolean
on_heat_arrow_pressed_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RpRisksPage *self = RP_RISKS_PAGE (user_data);
  int dl, dm;

  g_variant_get (args, "(ii)", &dl, &dm);
  set_tab_stop (self, self->stop_likelihood + dl, self->stop_impact + dm, TRUE);
  return TRUE;
}

static gboolean
filter_by_cell (gpointer item, gpointer data)
{
  RpRisksPage *self = data;

  return self->filter_likelihood == 0 ||
         heat_cell_of (self, item) == self->heat_cells[self->filter_likelihood - 1][self->filter_impact - 1];
}

/* Filters the list to the open risks of one cell (0, 0: all of them),
 * the cell's toggle on and the others off. */
static void
set_cell_filter (RpRisksPage *self, int likelihood, int impact)
{
  if (self->filter_likelihood == likelihood && self->filter_impact == impact)
    return;
  self->filter_likelihood = likelihood;
  self->filter_impact = impact;
  self->syncing++;
  for (int l = 0; l < N_LEVELS; l++)
    for (int m = 0; m < N_LEVELS; m++)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->heat_cells[l][m]),
                                    l + 1 == likelihood && m + 1 == impact);
  self->syncing--;
  gtk_widget_set_visible (GTK_WIDGET (self->filter_label), likelihood > 0);
  if (likelihood > 0)
    set_tab_stop (self, likelihood, impact, FALSE);
  if (likelihood > 0)
    {
      /* Translators: under the heat map while the list shows one of its
       * cells, e.g. "Only Possible × Significant: select the cell again
       * for all risks" */
      g_autofree char *text =
          g_strdup_printf (_("Only %s × %s: select the cell again for all risks"),
                           rp_ui_likelihood_label (likelihood), rp_ui_impact_label (impact));

      gtk_label_set_text (self->filter_label, text);
    }
  gtk_filter_changed (self->cell_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* A cell turned on filters the list to its open risks; off, shows all. */
static void
on_heat_cell_toggled_cb (GtkToggleButton *cell, RpRisksPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "rp-heat-cell"));
  int likelihood = index / N_LEVELS + 1, impact = index % N_LEVELS + 1;

  if (self->syncing)
    return;
  if (gtk_toggle_button_get_active (cell) && cell_count (GTK_WIDGET (cell)) == 0)
    {
      /* Nothing to filter to. */
      self->syncing++;
      gtk_toggle_button_set_active (cell, FALSE);
      self->syncing--;
      set_tab_stop (self, likelihood, impact, FALSE);
      return;
    }
  if (gtk_toggle_button_get_active (cell))
    set_cell_filter (self, likelihood, impact);
  else if (self->filter_likelihood == likelihood && self->filter_impact == impact)
    set_cell_filter (self, 0, 0);
}

/* The cell the list is filtered to emptied: show them all again. */
static void
clear_empty_filter (RpRisksPage *self)
{
  if (self->filter_likelihood > 0 &&
      cell_count (self->heat_cells[self->filter_likelihood - 1][self->filter_impact - 1]) == 0)
    set_cell_filter (self, 0, 0);
}

static GtkWidget *
make_scale_label (guint point, const char *tooltip)
{
  g_autofree char *number = g_strdup_printf ("%u", point);
  GtkWidget *label = gtk_label_new (number);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

/* The numbers of the scales and the cells, into the grid of the template
 * (its titles are in row 0 and row 7). */
static void
build_heat_cells (RpRisksPage *self)
{
  static const struct
  {
    guint key;
    int dl, dm;
  } arrows[] = {
    { GDK_KEY_Up, +1, 0 },      { GDK_KEY_Down, -1, 0 },     { GDK_KEY_Left, 0, -1 },
    { GDK_KEY_Right, 0, +1 },   { GDK_KEY_KP_Up, +1, 0 },    { GDK_KEY_KP_Down, -1, 0 },
    { GDK_KEY_KP_Left, 0, -1 }, { GDK_KEY_KP_Right, 0, +1 },
  };
  GtkEventController *keys = gtk_shortcut_controller_new ();

  for (guint l = 0; l < N_LEVELS; l++)
    {
      guint row = N_LEVELS - l;
      GtkWidget *label = make_scale_label (l + 1, rp_ui_likelihood_label (l + 1));

      gtk_widget_set_margin_end (label, 6);
      gtk_grid_attach (self->heat_grid, label, 0, row, 1, 1);
      gtk_grid_attach (self->heat_grid, make_scale_label (l + 1, rp_ui_impact_label (l + 1)), l + 1,
                       N_LEVELS + 1, 1, 1);

      for (guint m = 0; m < N_LEVELS; m++)
        {
          GtkWidget *cell = gtk_toggle_button_new ();
          g_autofree char *name = g_strdup_printf ("risk-heat-cell-%u-%u", l + 1, m + 1);

          gtk_widget_set_name (cell, name);
          g_object_set_data (G_OBJECT (cell), "rp-heat-cell", GUINT_TO_POINTER (l * N_LEVELS + m));
          g_signal_connect (cell, "toggled", G_CALLBACK (on_heat_cell_toggled_cb), self);
          gtk_widget_add_css_class (cell, "rp-heat-cell");
          gtk_widget_add_css_class (cell, "numeric");
          set_level_class (cell, rp_risk_level_for_score ((l + 1) * (m + 1)));
          gtk_grid_attach (self->heat_grid, cell, m + 1, row, 1, 1);
          self->heat_cells[l][m] = cell;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    rp_ui_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), arrows[i].key, 0, on_heat_arrow_pressed_cb, self,
                        g_variant_new ("(ii)", arrows[i].dl, arrows[i].dm));
  gtk_widget_add_controller (GTK_WIDGET (self->heat_grid), keys);
  set_tab_stop (self, N_LEVELS, 1, FALSE);
}

/* ---- the list ---- */

static void
rp_risks_page_setup_row (RpListEditorPage *page, GtkListItem *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_name (row, "risk-row");
  gtk_widget_add_css_class (row, "rp-risk-row");
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);

  gtk_widget_add_css_class (badge, "rp-score-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  /* One line each: every row is as tall as the others, so the list can
   * size and scroll itself without measuring every row. */
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), details);
  gtk_box_append (GTK_BOX (row), badge);
  gtk_box_append (GTK_BOX (row), text);

  g_object_set_data (G_OBJECT (row), "rp-badge", badge);
  g_object_set_data (G_OBJECT (row), "rp-title", title);
  g_object_set_data (G_OBJECT (row), "rp-details", details);
  gtk_list_item_set_child (item, row);
}

static void
rp_risks_page_bind_row (RpListEditorPage *page, GtkWidget *row, RpRecord *record)
{
  RpRisk *risk = RP_RISK (record);
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "rp-badge");
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "rp-title");
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "rp-details");
  int score = rp_risk_get_score (risk);
  RpRiskLevel level = rp_risk_get_level (risk);
  const char *status = rp_enum_label (rp_risk_status_to_string (rp_risk_get_status (risk)));
  const char *owner = rp_list_editor_page_lookup_person (page, rp_risk_get_owner_id (risk));
  g_autofree char *markup = NULL;
  g_autofree char *scale = NULL;
  g_autofree char *text = NULL;
  g_autofree char *a11y = NULL;

  /* The level in words beside the number: never colour alone. */
  markup = g_markup_printf_escaped ("<b>%d</b> %s", score, level_label (level));
  gtk_label_set_markup (GTK_LABEL (badge), markup);
  set_level_class (badge, level);

  gtk_label_set_text (GTK_LABEL (title), rp_risk_get_title (risk));
  /* The title may be cut short in a narrow list. */
  gtk_widget_set_tooltip_text (title, rp_risk_get_title (risk));

  /* Translators: likelihood × impact of a risk, e.g. "Likely × Major" */
  scale = g_strdup_printf (_("%s × %s"), rp_ui_likelihood_label (rp_risk_get_likelihood (risk)),
                           rp_ui_impact_label (rp_risk_get_impact (risk)));
  if (owner != NULL)
    /* Translators: "Likely × Major · Open · Ada Lovelace" */
    text = g_strdup_printf (_("%s · %s · %s"), scale, status, owner);
  else
    text = g_strdup_printf (_("%s · %s"), scale, status);
  gtk_label_set_text (GTK_LABEL (details), text);

  /* Translators: how a screen reader reads a risk in the list */
  a11y =
      g_strdup_printf (_("%s, score %d %s, %s"), rp_risk_get_title (risk), score, level_label (level), text);
  rp_ui_set_row_label (row, a11y);
}

/* Highest score first, then by title, then by id so that equal risks
 * keep one order. */
static int
score_of (RpRisk *risk, gpointer data)
{
  return rp_risk_get_score (risk);
}

static GtkSorter *
make_sorter (void)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkNumericSorter *by_score = gtk_numeric_sorter_new (
      gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL, G_CALLBACK (score_of), NULL, NULL));
  GtkStringSorter *by_title =
      gtk_string_sorter_new (gtk_property_expression_new (RP_TYPE_RISK, NULL, "title"));
  GtkStringSorter *by_id = gtk_string_sorter_new (gtk_property_expression_new (RP_TYPE_RISK, NULL, "id"));

  gtk_numeric_sorter_set_sort_order (by_score, GTK_SORT_DESCENDING);
  gtk_string_sorter_set_ignore_case (by_title, FALSE);
  gtk_string_sorter_set_ignore_case (by_id, FALSE);
  gtk_multi_sorter_append (sorter, GTK_SORTER (by_score));
  gtk_multi_sorter_append (sorter, GTK_SORTER (by_title));
  gtk_multi_sorter_append (sorter, GTK_SORTER (by_id));
  return GTK_SORTER (sorter);
}

/* ---- the editor ---- */

static void
set_combo (RpRisksPage *self, AdwComboRow *row, guint position)
{
  if (adw_combo_row_get_selected (row) == position)
    return;
  self->syncing++;
  adw_combo_row_set_selected (row, position);
  self->syncing--;
}

static void
show_score (RpRisksPage *self, RpRisk *risk)
{
  g_autofree char *text = g_strdup_printf ("%d", rp_risk_get_score (risk));

  gtk_label_set_text (self->score_label, text);
  gtk_label_set_text (self->level_label, level_label (rp_risk_get_level (risk)));
  set_level_class (self->score_badge, rp_risk_get_level (risk));
}

/* What the readiness check will say about this risk (the rules
 * risk.unmitigated and risk.no-owner), said where it can be fixed. */
static void
show_readiness_hint (RpRisksPage *self, RpRisk *risk)
{
  int score = rp_risk_get_score (risk);
  const char *hint = NULL;
  gboolean blocker = FALSE;

  if (rp_risk_get_status (risk) == RP_RISK_STATUS_OPEN)
    {
      if (score >= RP_RISK_SCORE_HIGH && rp_text_is_blank (rp_risk_get_mitigation (risk)))
        {
          hint = _("An open risk this high needs a mitigation, or the release is a no go.");
          blocker = TRUE;
        }
      else if (score >= RP_RISK_SCORE_MEDIUM && rp_risk_get_owner_id (risk) == NULL)
        hint = _("An open risk this high should have an owner.");
    }

  gtk_label_set_text (self->readiness_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->readiness_label), hint != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->readiness_label), blocker ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->readiness_label), blocker ? "error" : "warning");
}

/* Shows the risk, leaving alone a field whose edit is still waiting to be
 * saved (the user is typing there). */
static void
rp_risks_page_show_record (RpListEditorPage *page, RpRecord *record, gboolean other)
{
  RpRisksPage *self = RP_RISKS_PAGE (page);
  RpRisk *risk = record != NULL ? RP_RISK (record) : NULL;

  if (other)
    {
      rp_ui_show_error (GTK_WIDGET (self->likelihood_row), NULL);
      rp_ui_show_error (GTK_WIDGET (self->impact_row), NULL);
      rp_ui_show_error (GTK_WIDGET (self->status_row), NULL);
      rp_ui_show_error (self->owner_row, NULL);
    }
  if (risk == NULL)
    return;

  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->title_row), rp_risk_get_title (risk));
  rp_text_edits_set_text (self->edits, GTK_WIDGET (self->mitigation_view), rp_risk_get_mitigation (risk));
  set_combo (self, self->likelihood_row, CLAMP (rp_risk_get_likelihood (risk), 1, N_LEVELS) - 1);
  set_combo (self, self->impact_row, CLAMP (rp_risk_get_impact (risk), 1, N_LEVELS) - 1);
  set_combo (self, self->status_row, rp_risk_get_status (risk));
  if (g_strcmp0 (rp_person_row_get_person_id (RP_PERSON_ROW (self->owner_row)),
                 rp_risk_get_owner_id (risk)) != 0)
    {
      self->syncing++;
      rp_person_row_set_person_id (RP_PERSON_ROW (self->owner_row), rp_risk_get_owner_id (risk));
      self->syncing--;
    }
  show_score (self, risk);
  show_readiness_hint (self, risk);
}

static void
on_scale_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpRisksPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected >= N_LEVELS)
    return;
  rp_list_editor_page_save_current (RP_LIST_EDITOR_PAGE (self),
                                    row == self->likelihood_row ? "likelihood" : "impact",
                                    g_variant_new_int64 (selected + 1), GTK_WIDGET (row));
}

static void
on_status_selected_cb (AdwComboRow *row, GParamSpec *pspec, RpRisksPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected >= g_strv_length ((char **) rp_risk_statuses))
    return;
  rp_list_editor_page_save_current (RP_LIST_EDITOR_PAGE (self), "status",
                                    g_variant_new_string (rp_risk_statuses[selected]), GTK_WIDGET (row));
}

static void
on_owner_picked_cb (RpPersonRow *row, GParamSpec *pspec, RpRisksPage *self)
{
  const char *id = rp_person_row_get_person_id (row);

  if (!self->syncing)
    rp_list_editor_page_save_current (RP_LIST_EDITOR_PAGE (self), "owner_id",
                                      id ? g_variant_new_string (id) : NULL, GTK_WIDGET (row));
}

static char *
rp_risks_page_describe (RpListEditorPage *page, RpRecord *record)
{
  /* The heat map above the list sums it up. */
  if (record == NULL)
    return NULL;
  /* Translators: what was deleted, in a toast "… deleted" */
  return g_strdup_printf (_("Risk “%s”"), rp_risk_get_title (RP_RISK (record)));
}

static gboolean
rp_risks_page_focus_field (RpListEditorPage *page, const char *field)
{
  RpRisksPage *self = RP_RISKS_PAGE (page);
  GtkWidget *widget = GTK_WIDGET (self->title_row);

  if (g_strcmp0 (field, "mitigation") == 0)
    widget = GTK_WIDGET (self->mitigation_view);
  else if (g_strcmp0 (field, "owner_id") == 0)
    widget = self->owner_row;
  else if (g_strcmp0 (field, "likelihood") == 0)
    widget = GTK_WIDGET (self->likelihood_row);
  else if (g_strcmp0 (field, "impact") == 0)
    widget = GTK_WIDGET (self->impact_row);
  else if (g_strcmp0 (field, "status") == 0)
    widget = GTK_WIDGET (self->status_row);
  else if (field != NULL && g_strcmp0 (field, "title") != 0)
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/* ---- RpReleasePage ---- */

/* Another release shows all its risks. */
static void
rp_risks_page_release_changed (RpReleasePage *page)
{
  set_cell_filter (RP_RISKS_PAGE (page), 0, 0);
  RP_RELEASE_PAGE_CLASS (rp_risks_page_parent_class)->release_changed (page);
  update_heat_map (RP_RISKS_PAGE (page));
  place_tab_stop (RP_RISKS_PAGE (page));
}

static void
rp_risks_page_store_changed (RpReleasePage *page, RpEntity entity, const char *id)
{
  RP_RELEASE_PAGE_CLASS (rp_risks_page_parent_class)->store_changed (page, entity, id);
  if (entity == RP_ENTITY_RISK || entity == RP_N_ENTITIES)
    {
      update_heat_map (RP_RISKS_PAGE (page));
      clear_empty_filter (RP_RISKS_PAGE (page));
      place_tab_stop (RP_RISKS_PAGE (page));
    }
}

/* A risk the cell's filter hides is shown with all the others. */
static gboolean
rp_risks_page_select_subject (RpReleasePage *page, RpEntity entity, const char *id, const char *field,
                              gboolean focus)
{
  RpRisksPage *self = RP_RISKS_PAGE (page);
  GListModel *shown = rp_list_editor_page_get_model (RP_LIST_EDITOR_PAGE (self));

  if (entity == RP_ENTITY_RISK && rp_list_model_find (shown, id) == GTK_INVALID_LIST_POSITION)
    set_cell_filter (self, 0, 0);
  return RP_RELEASE_PAGE_CLASS (rp_risks_page_parent_class)->select_subject (page, entity, id, field, focus);
}

static void
rp_risks_page_store_set (RpReleasePage *page)
{
  RpRisksPage *self = RP_RISKS_PAGE (page);
  RpListEditorPage *list = RP_LIST_EDITOR_PAGE (page);

  self->edits = rp_release_page_get_edits (page);
  rp_list_editor_page_watch_text (list, GTK_WIDGET (self->title_row), "title");
  rp_list_editor_page_watch_text (list, GTK_WIDGET (self->mitigation_view), "mitigation");
  self->owner_row = rp_person_row_new (rp_release_page_get_store (page), _("Owner"), TRUE);
  gtk_widget_set_name (self->owner_row, "risk-owner-row");
  /* After the score, before the status. */
  gtk_list_box_insert (self->details_list, self->owner_row, 4);
  g_signal_connect_object (self->owner_row, "notify::person-id", G_CALLBACK (on_owner_picked_cb), self, 0);
}

static gboolean
rp_risks_page_text_value (RpReleasePage *page, RpEntity entity, const char *column, const char *text,
                          GVariant **value, const char **message)
{
  if (rp_text_blank_is_none (entity, column, text, value))
    return TRUE;
  *message = _("A risk needs a title.");
  return FALSE;
}

/* ---- GObject ---- */

static void
rp_risks_page_finalize (GObject *object)
{
  g_clear_object (&RP_RISKS_PAGE (object)->cell_filter);
  G_OBJECT_CLASS (rp_risks_page_parent_class)->finalize (object);
}

static void
rp_risks_page_class_init (RpRisksPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpReleasePageClass *page_class = RP_RELEASE_PAGE_CLASS (klass);
  RpListEditorPageClass *list_class = RP_LIST_EDITOR_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rp_risks_page_finalize;
  page_class->store_set = rp_risks_page_store_set;
  page_class->release_changed = rp_risks_page_release_changed;
  page_class->store_changed = rp_risks_page_store_changed;
  page_class->select_subject = rp_risks_page_select_subject;
  page_class->text_value = rp_risks_page_text_value;
  rp_release_page_class_watch (page_class, RP_ENTITY_RISK);
  list_class->entity = RP_ENTITY_RISK;
  list_class->setup_row = rp_risks_page_setup_row;
  list_class->bind_row = rp_risks_page_bind_row;
  list_class->show_record = rp_risks_page_show_record;
  list_class->focus_field = rp_risks_page_focus_field;
  list_class->describe = rp_risks_page_describe;

  rp_release_page_class_set_template_from_resource (
      page_class, "/io/github/releaseplanner/ReleasePlanner/pages/rp-risks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, heat_grid);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, impact_row);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, score_badge);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, level_label);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, RpRisksPage, mitigation_view);

  gtk_widget_class_set_css_name (widget_class, "rp-risks-page");
}

/* "4 — Likely": the points of a scale, for its combo. */
static GListModel *
make_scale_model (const char *(*label) (gint64 point))
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (gint64 i = 1; i <= N_LEVELS; i++)
    {
      /* Translators: a point of a risk scale, e.g. "4 — Likely" */
      g_autofree char *text = g_strdup_printf (_("%d — %s"), (int) i, label (i));

      gtk_string_list_append (model, text);
    }
  return G_LIST_MODEL (model);
}

static void
rp_risks_page_init (RpRisksPage *self)
{
  g_autoptr (GListModel) likelihoods = make_scale_model (rp_ui_likelihood_label);
  g_autoptr (GListModel) impacts = make_scale_model (rp_ui_impact_label);
  g_autoptr (GtkStringList) statuses = rp_ui_enum_model (rp_risk_statuses);
  g_autoptr (GtkSorter) sorter = make_sorter ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-scope.css");
  rp_ui_ensure_css (gtk_widget_get_display (GTK_WIDGET (self)),
                    "/io/github/releaseplanner/ReleasePlanner/pages/rp-risks.css");

  build_heat_cells (self);
  self->cell_filter = GTK_FILTER (gtk_custom_filter_new (filter_by_cell, self, NULL));
  rp_list_editor_page_set_filter (RP_LIST_EDITOR_PAGE (self), self->cell_filter);
  rp_list_editor_page_set_sorter (RP_LIST_EDITOR_PAGE (self), sorter);
  adw_combo_row_set_model (self->likelihood_row, likelihoods);
  adw_combo_row_set_model (self->impact_row, impacts);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_object (self->likelihood_row, "notify::selected", G_CALLBACK (on_scale_selected_cb), self,
                           0);
  g_signal_connect_object (self->impact_row, "notify::selected", G_CALLBACK (on_scale_selected_cb), self, 0);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb), self, 0);
}
