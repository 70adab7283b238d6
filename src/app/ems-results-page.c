/* ems-results-page.c: the results of an assessment: scores, charts, where
 * to start and the open actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page binds to an EmsAssessment and recomputes the scores when it
 * changes (at once while the page is shown, else when it is next shown).
 * The chart areas are never rebuilt: their data is replaced and they are
 * queued for drawing, so they do not flicker.
 */
#define G_LOG_DOMAIN "ems-results-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ems-results-page-private.h"
#include "ems-tooltip.h"


G_DEFINE_FINAL_TYPE (EmsResultsPage, ems_results_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_QUESTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (EmsResultsPage *self);

/* Charts */

static const EmsChartStyle *
current_style (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? ems_chart_style_dark ()
         : ems_chart_style_light ();
}

/* The chart style in the widget's font, drawn on the card's background */
static void
widget_chart_style (GtkWidget     *widget,
                    EmsChartStyle *style)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);

  *style = *current_style ();
  style->fill_background = FALSE;
  if (font != NULL)
    {
      double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

      if (pango_font_description_get_family (font) != NULL)
        style->font_family = pango_font_description_get_family (font);
      if (size > 0)
        /* Points to pixels at 96 dpi, unless the size is in pixels already */
        style->font_size = pango_font_description_get_size_is_absolute (font)
                           ? size : size * 96.0 / 72.0;
    }
}

static void
draw_radar (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  EmsResultsPage *self = user_data;
  EmsChartStyle style;

  if (self->radar_data == NULL)
    return;
  widget_chart_style (GTK_WIDGET (area), &style);
  ems_radar_draw (cr, width, height, self->radar_data, &style);
}

static void
draw_gaps (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  EmsResultsPage *self = user_data;
  EmsChartStyle style;

  if (self->gaps_data == NULL)
    return;
  widget_chart_style (GTK_WIDGET (area), &style);
  ems_gap_bars_draw (cr, width, height, self->gaps_data, &style);
}

static void
on_dark_changed (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 EmsResultsPage  *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->radar_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->gaps_area));
}

/* Table */

static GtkWidget *
cell_label_new (const char *text,
                gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  if (numeric)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

static void
build_table (EmsResultsPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  guint n = ems_checklist_get_n_elements (checklist);
  const char *headings[EMS_RESULTS_N_COLUMNS] = {
    /* Translators: a column heading of the results table */
    N_("Element"),
    /* Translators: a column heading of the results table */
    N_("Score"),
    /* Translators: a column heading of the results table */
    N_("Target"),
    /* Translators: a column heading of the results table: target minus score */
    N_("Gap"),
    /* Translators: a column heading of the results table: red, amber, green */
    N_("Band"),
    /* Translators: a column heading of the results table: share of questions answered */
    N_("Coverage"),
    /* Translators: a column heading of the results table: a critical question at level 0 */
    N_("Red Flag"),
  };

  if (self->n_table_rows == n)
    return;

  while (gtk_widget_get_first_child (GTK_WIDGET (self->table_grid)) != NULL)
    gtk_grid_remove (self->table_grid, gtk_widget_get_first_child (GTK_WIDGET (self->table_grid)));
  g_ptr_array_set_size (self->cells, 0);

  for (guint c = 0; c < EMS_RESULTS_N_COLUMNS; c++)
    {
      GtkWidget *label = cell_label_new (_(headings[c]), c != EMS_RESULTS_COLUMN_ELEMENT &&
                                                         c != EMS_RESULTS_COLUMN_BAND &&
                                                         c != EMS_RESULTS_COLUMN_RED_FLAG);

      gtk_widget_add_css_class (label, "column-heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(headings[c]), -1);
      gtk_grid_attach (self->table_grid, label, c, 0, 1, 1);
    }

  for (guint i = 0; i < n; i++)
    {
      for (guint c = 0; c < EMS_RESULTS_N_COLUMNS; c++)
        {
          GtkWidget *label;

          if (c == EMS_RESULTS_COLUMN_ELEMENT)
            {
              /* Not wrapped: in the horizontally scrolled table a wrapped
               * label would ask for the height of its narrowest layout */
              label = cell_label_new (NULL, FALSE);
              gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
              gtk_label_set_width_chars (GTK_LABEL (label), 18);
              gtk_widget_set_hexpand (label, TRUE);
            }
          else if (c == EMS_RESULTS_COLUMN_BAND)
            {
              label = cell_label_new (NULL, FALSE);
              gtk_widget_add_css_class (label, "band-badge");
              gtk_widget_set_halign (label, GTK_ALIGN_START);
              gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
            }
          else if (c == EMS_RESULTS_COLUMN_RED_FLAG)
            label = cell_label_new (NULL, FALSE);
          else
            label = cell_label_new (NULL, TRUE);

          gtk_grid_attach (self->table_grid, label, c, i + 1, 1, 1);
          g_ptr_array_add (self->cells, label);
        }
    }

  self->n_table_rows = n;
}

static void
set_band_class (GtkWidget *label,
                EmsBand    band)
{
  const char *name = ems_band_to_string (band);

  gtk_widget_remove_css_class (label, "red");
  gtk_widget_remove_css_class (label, "amber");
  gtk_widget_remove_css_class (label, "green");
  if (name != NULL)
    gtk_widget_add_css_class (label, name);
}

static void
update_table (EmsResultsPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  g_autofree char *target = ems_format_percent (TRUE, self->scores->target);

  build_table (self);

  for (guint i = 0; i < self->scores->n_elements && i < self->n_table_rows; i++)
    {
      const EmsElementScore *es = &self->scores->elements[i];
      const EmsElement *element = ems_checklist_get_element (checklist, es->number);
      GtkLabel **row = (GtkLabel **) &self->cells->pdata[i * EMS_RESULTS_N_COLUMNS];
      g_autofree char *title = NULL;
      g_autofree char *score = ems_format_percent (es->has_score, es->score);
      g_autofree char *gap = ems_format_percent (es->has_score, es->gap);
      g_autofree char *coverage = ems_format_percent (TRUE, es->coverage * 100.0);

      /* Translators: element number and title in the results table */
      title = g_strdup_printf (_("%u. %s"), es->number, element->title);
      gtk_label_set_text (row[EMS_RESULTS_COLUMN_ELEMENT], title);
      gtk_label_set_text (row[EMS_RESULTS_COLUMN_SCORE], score);
      gtk_label_set_text (row[EMS_RESULTS_COLUMN_TARGET], target);
      gtk_label_set_text (row[EMS_RESULTS_COLUMN_GAP], gap);
      gtk_label_set_text (row[EMS_RESULTS_COLUMN_BAND], ems_band_to_label (es->band));
      set_band_class (GTK_WIDGET (row[EMS_RESULTS_COLUMN_BAND]), es->band);
      /* Translators: red flag column: a critical question is at level 0 */
      gtk_label_set_text (row[EMS_RESULTS_COLUMN_RED_FLAG], es->red_flag ? _("⚠ Yes") : _("No"));
      if (es->red_flag)
        {
          gtk_widget_add_css_class (GTK_WIDGET (row[EMS_RESULTS_COLUMN_RED_FLAG]), "results-flag");
          ems_tooltip_set_text (GTK_WIDGET (row[EMS_RESULTS_COLUMN_RED_FLAG]),
                                       _("A critical question is at level 0"));
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (row[EMS_RESULTS_COLUMN_RED_FLAG]), "results-flag");
          ems_tooltip_set_text (GTK_WIDGET (row[EMS_RESULTS_COLUMN_RED_FLAG]), NULL);
        }
      gtk_label_set_text (row[EMS_RESULTS_COLUMN_COVERAGE], coverage);

      /* The whole row in words for a screen reader, on the element's cell */
      {
        g_autofree char *description = NULL;

        if (es->has_score)
          /* Translators: a row of the results table read aloud: score, target,
           * gap, band word, coverage, then whether a critical question is at 0 */
          description = g_strdup_printf (_("Score %s, target %s, gap %s, %s, coverage %s%s"),
                                         score, target, gap, ems_band_to_label (es->band), coverage,
                                         es->red_flag ? _(", a critical question is at level 0") : "");
        else
          /* Translators: a row of the results table read aloud, for an element with no score */
          description = g_strdup_printf (_("No score yet, coverage %s"), coverage);
        gtk_accessible_update_property (GTK_ACCESSIBLE (row[EMS_RESULTS_COLUMN_ELEMENT]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      }
    }
}

/* Summary */

static void
update_summary (EmsResultsPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  EmsScores *scores = self->scores;
  g_autofree char *overall = ems_format_percent (scores->has_overall, scores->overall);
  g_autofree char *coverage = ems_format_percent (TRUE, scores->coverage * 100.0);
  g_autofree char *target = ems_format_percent (TRUE, scores->target);
  g_autofree char *overall_detail = NULL;
  g_autofree char *coverage_detail = NULL;
  g_autofree char *target_detail = NULL;
  guint n_scored = 0;

  for (guint i = 0; i < scores->n_elements; i++)
    if (scores->elements[i].has_score)
      n_scored++;

  gtk_label_set_text (self->overall_label, overall);
  gtk_label_set_text (self->overall_band_label, ems_band_to_label (scores->band));
  set_band_class (GTK_WIDGET (self->overall_band_label), scores->band);
  /* Translators: under the overall score: elements with a score of all */
  overall_detail = g_strdup_printf (_("Mean of %u of %u elements"), n_scored, scores->n_elements);
  gtk_label_set_text (self->overall_detail_label, overall_detail);

  gtk_label_set_text (self->coverage_label, coverage);
  /* Translators: under the coverage: answered (or not applicable) of all questions */
  coverage_detail = g_strdup_printf (_("%u of %u questions answered"),
                                     scores->n_answered + scores->n_not_applicable,
                                     scores->n_questions);
  gtk_label_set_text (self->coverage_detail_label, coverage_detail);

  gtk_label_set_text (self->target_label, target);
  /* Translators: under the target: the target level and what it means */
  target_detail = g_strdup_printf (_("Level %u: %s"), scores->target_level,
                                   ems_checklist_get_level_meaning (checklist, scores->target_level));
  gtk_label_set_text (self->target_detail_label, target_detail);

  {
    g_autofree char *accessible = NULL;

    /* Translators: accessible text of the overall score: score and band */
    accessible = g_strdup_printf (_("Overall score %s, %s"), overall, ems_band_to_label (scores->band));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->overall_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible, -1);
  }
}

static void
update_charts (EmsResultsPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  g_autofree char *radar_text = NULL;
  g_autofree char *gaps_text = NULL;

  g_clear_pointer (&self->radar_data, ems_radar_data_free);
  g_clear_pointer (&self->gaps_data, ems_gap_bars_data_free);
  self->radar_data = ems_radar_data_new_from_scores (checklist, self->scores, NULL);
  self->gaps_data = ems_gap_bars_data_new_from_scores (checklist, self->scores);

  radar_text = ems_radar_data_describe (self->radar_data);
  gaps_text = ems_gap_bars_data_describe (self->gaps_data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->radar_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, radar_text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->gaps_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gaps_text, -1);

  gtk_widget_queue_draw (GTK_WIDGET (self->radar_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->gaps_area));
}

static void
update (EmsResultsPage *self)
{
  self->dirty = FALSE;
  if (self->assessment == NULL)
    return;

  g_clear_pointer (&self->scores, ems_scores_free);
  self->scores = ems_scores_compute (self->assessment);

  update_summary (self);
  update_charts (self);
  update_table (self);
  _ems_results_page_update_priorities (self);
  _ems_results_page_update_open_actions (self);
}

static void
on_assessment_changed (EmsAssessment  *assessment,
                       EmsResultsPage *self)
{
  /* Hidden pages catch up when they are shown */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->dirty = TRUE;
}

/* Public API */

GtkWidget *
ems_results_page_new (EmsAssessment *assessment)
{
  g_return_val_if_fail (!assessment || EMS_IS_ASSESSMENT (assessment), NULL);

  return g_object_new (EMS_TYPE_RESULTS_PAGE, "assessment", assessment, NULL);
}

EmsAssessment *
ems_results_page_get_assessment (EmsResultsPage *self)
{
  g_return_val_if_fail (EMS_IS_RESULTS_PAGE (self), NULL);
  return self->assessment;
}

void
ems_results_page_set_assessment (EmsResultsPage *self,
                                 EmsAssessment  *assessment)
{
  g_return_if_fail (EMS_IS_RESULTS_PAGE (self));
  g_return_if_fail (!assessment || EMS_IS_ASSESSMENT (assessment));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_set_object (&self->assessment, assessment);
  if (assessment != NULL)
    g_signal_connect_object (assessment, "changed",
                             G_CALLBACK (on_assessment_changed), self, 0);

  g_clear_pointer (&self->scores, ems_scores_free);
  g_clear_pointer (&self->radar_data, ems_radar_data_free);
  g_clear_pointer (&self->gaps_data, ems_gap_bars_data_free);
  g_clear_pointer (&self->priorities_key, g_free);
  g_clear_pointer (&self->actions_key, g_free);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

const char *
ems_results_page_get_overall_text (EmsResultsPage *self)
{
  g_return_val_if_fail (EMS_IS_RESULTS_PAGE (self), NULL);

  if (self->dirty)
    update (self);
  return gtk_label_get_text (self->overall_label);
}

const char *
ems_results_page_get_cell_text (EmsResultsPage   *self,
                                guint             element,
                                EmsResultsColumn  column)
{
  g_return_val_if_fail (EMS_IS_RESULTS_PAGE (self), NULL);
  g_return_val_if_fail (element >= 1 && element <= self->n_table_rows, NULL);
  g_return_val_if_fail (column < EMS_RESULTS_N_COLUMNS, NULL);

  if (self->dirty)
    update (self);
  return gtk_label_get_text (g_ptr_array_index (self->cells,
                                                (element - 1) * EMS_RESULTS_N_COLUMNS + column));
}

GtkWidget *
ems_results_page_get_chart_area (EmsResultsPage *self,
                                 EmsChartKind    kind)
{
  g_return_val_if_fail (EMS_IS_RESULTS_PAGE (self), NULL);

  switch (kind)
    {
    case EMS_CHART_RADAR:
      return GTK_WIDGET (self->radar_area);
    case EMS_CHART_GAPS:
      return GTK_WIDGET (self->gaps_area);
    case EMS_CHART_DISTRIBUTION:
    case EMS_CHART_COVERAGE:
    default:
      return NULL;
    }
}

GPtrArray *
ems_results_page_get_question_buttons (EmsResultsPage *self)
{
  GPtrArray *buttons;

  g_return_val_if_fail (EMS_IS_RESULTS_PAGE (self), NULL);

  if (self->dirty)
    update (self);
  buttons = g_ptr_array_new ();
  for (guint i = 0; i < self->question_buttons->len; i++)
    g_ptr_array_add (buttons, g_ptr_array_index (self->question_buttons, i));
  return buttons;
}

/* GObject */

static void
ems_results_page_map (GtkWidget *widget)
{
  EmsResultsPage *self = EMS_RESULTS_PAGE (widget);

  if (self->dirty)
    update (self);

  GTK_WIDGET_CLASS (ems_results_page_parent_class)->map (widget);
}

static void
ems_results_page_dispose (GObject *object)
{
  EmsResultsPage *self = EMS_RESULTS_PAGE (object);

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_RESULTS_PAGE);

  g_clear_object (&self->assessment);
  g_clear_pointer (&self->scores, ems_scores_free);
  g_clear_pointer (&self->radar_data, ems_radar_data_free);
  g_clear_pointer (&self->gaps_data, ems_gap_bars_data_free);
  if (self->cells != NULL)
    g_ptr_array_set_size (self->cells, 0);
  if (self->question_buttons != NULL)
    g_ptr_array_set_size (self->question_buttons, 0);

  G_OBJECT_CLASS (ems_results_page_parent_class)->dispose (object);
}

static void
ems_results_page_finalize (GObject *object)
{
  EmsResultsPage *self = EMS_RESULTS_PAGE (object);

  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->question_buttons);
  g_free (self->priorities_key);
  g_free (self->actions_key);

  G_OBJECT_CLASS (ems_results_page_parent_class)->finalize (object);
}

static void
ems_results_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EmsResultsPage *self = EMS_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_results_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EmsResultsPage *self = EMS_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      ems_results_page_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_results_page_class_init (EmsResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_results_page_dispose;
  object_class->finalize = ems_results_page_finalize;
  object_class->get_property = ems_results_page_get_property;
  object_class->set_property = ems_results_page_set_property;
  widget_class->map = ems_results_page_map;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, EMS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmsResultsPage::show-question:
   * @question_id: the id of the question to show
   *
   * The user asked to see a question; the window shows it.
   */
  signals[SHOW_QUESTION] =
    g_signal_new ("show-question",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, overall_band_label);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, overall_detail_label);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, coverage_detail_label);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, target_label);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, target_detail_label);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, radar_area);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, gaps_area);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, table_grid);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, priorities_box);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, priorities_description);
  gtk_widget_class_bind_template_child (widget_class, EmsResultsPage, actions_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
load_css_once (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      gtk_css_provider_load_from_resource (provider,
                                           "/io/github/tenelements/TenElements/ems-results-page.css");
      if (display != NULL)
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_unref (provider);
      g_once_init_leave (&loaded, 1);
    }
}

/* Flow box children are containers here, not items to pick */
static void
make_children_unfocusable (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static void
ems_results_page_init (EmsResultsPage *self)
{
  self->cells = g_ptr_array_new ();
  self->question_buttons = g_ptr_array_new ();

  load_css_once ();
  gtk_widget_init_template (GTK_WIDGET (self));

  make_children_unfocusable (self->summary_box);
  make_children_unfocusable (self->charts_box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Results"), -1);

  gtk_drawing_area_set_draw_func (self->radar_area, draw_radar, self, NULL);
  gtk_drawing_area_set_draw_func (self->gaps_area, draw_gaps, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, 0);
}

