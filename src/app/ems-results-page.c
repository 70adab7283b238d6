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

#include "ems-results-page.h"
#include "ems-tooltip.h"
#include "ems-scores.h"

/* Questions shown per priority element, and priority elements shown */
#define N_PRIORITY_ELEMENTS  3
#define N_PRIORITY_QUESTIONS 3

struct _EmsResultsPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *scroller;
  GtkFlowBox      *summary_box;
  GtkLabel        *overall_label;
  GtkLabel        *overall_band_label;
  GtkLabel        *overall_detail_label;
  GtkLabel        *coverage_label;
  GtkLabel        *coverage_detail_label;
  GtkLabel        *target_label;
  GtkLabel        *target_detail_label;
  GtkFlowBox      *charts_box;
  GtkDrawingArea  *radar_area;
  GtkDrawingArea  *gaps_area;
  GtkGrid         *table_grid;
  GtkWidget       *priorities_box;
  GtkLabel        *priorities_description;
  GtkListBox      *actions_list;

  EmsAssessment   *assessment;
  EmsScores       *scores;
  EmsRadarData    *radar_data;
  EmsGapBarsData  *gaps_data;
  GPtrArray       *cells;             /* GtkLabel, n_elements × EMS_RESULTS_N_COLUMNS */
  GPtrArray       *question_buttons;  /* GtkButton */
  guint            n_table_rows;
  gboolean         dirty;
  /* What the priorities and the open actions were built from: they are
   * rebuilt only when it changes */
  char            *priorities_key;
  char            *actions_key;
};

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

/* Priorities */

static void
on_question_clicked (GtkButton      *button,
                     EmsResultsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "question-id");

  if (id != NULL)
    g_signal_emit (self, signals[SHOW_QUESTION], 0, id);
}

typedef struct
{
  const EmsQuestion *question;
  guint              level;
} LowQuestion;

static int
compare_low (gconstpointer a,
             gconstpointer b)
{
  const LowQuestion *qa = a;
  const LowQuestion *qb = b;

  if (qa->level != qb->level)
    return qa->level < qb->level ? -1 : 1;
  /* Critical first, then heavier, then checklist order */
  if (qa->question->critical != qb->question->critical)
    return qa->question->critical ? -1 : 1;
  if (qa->question->weight != qb->question->weight)
    return qa->question->weight > qb->question->weight ? -1 : 1;
  return qa->question->index < qb->question->index ? -1 : 1;
}

static GtkWidget *
question_row_new (EmsResultsPage    *self,
                  const EmsQuestion *question,
                  guint              level)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: a question in "Where to start": its id and text */
  title = g_strdup_printf (_("%s %s"), question->id, question->text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (question->critical)
    /* Translators: a question's level and its meaning, for a critical question */
    subtitle = g_strdup_printf (_("Level %u: %s · critical"), level,
                                ems_checklist_get_level_meaning (checklist, level));
  else
    /* Translators: a question's level and its meaning */
    subtitle = g_strdup_printf (_("Level %u: %s"), level,
                                ems_checklist_get_level_meaning (checklist, level));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of the button that shows a question; %s is its id */
  accessible = g_strdup_printf (_("Go to Question %s"), question->id);
  ems_tooltip_set_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "question-id", g_strdup (question->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_question_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_ptr_array_add (self->question_buttons, button);

  return row;
}

/* Everything the priorities show depends on */
static char *
priorities_key (EmsResultsPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  GString *key = g_string_new (NULL);
  guint shown = 0;

  g_string_append_printf (key, "%u/%d|", self->scores->target_level, self->scores->has_overall);
  for (guint p = 0; p < self->scores->n_elements && shown < N_PRIORITY_ELEMENTS; p++)
    {
      const EmsElementScore *es = &self->scores->elements[self->scores->priority[p]];
      const EmsElement *element = ems_checklist_get_element (checklist, es->number);

      if (!es->has_score || es->gap <= 0)
        continue;
      g_string_append_printf (key, "%u:%.17g:%.17g:%d:", es->number, es->score, es->gap, es->red_flag);
      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsAnswer *answer = ems_assessment_get_answer (self->assessment,
                                                               element->questions[q]->id);

          g_string_append_printf (key, "%d%u,", answer ? (int) answer->state : -1,
                                  answer ? answer->level : 0);
        }
      g_string_append_c (key, '|');
      shown++;
    }

  return g_string_free (key, FALSE);
}

static void
update_priorities (EmsResultsPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  g_autofree char *key = priorities_key (self);
  GtkWidget *child;
  guint shown = 0;

  if (g_strcmp0 (key, self->priorities_key) == 0)
    return;
  g_free (self->priorities_key);
  self->priorities_key = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (self->priorities_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->priorities_box), child);
  g_ptr_array_set_size (self->question_buttons, 0);

  for (guint p = 0; p < self->scores->n_elements && shown < N_PRIORITY_ELEMENTS; p++)
    {
      const EmsElementScore *es = &self->scores->elements[self->scores->priority[p]];
      const EmsElement *element = ems_checklist_get_element (checklist, es->number);
      g_autoptr(GArray) low = g_array_new (FALSE, FALSE, sizeof (LowQuestion));
      GtkWidget *group;
      GtkWidget *list;
      g_autofree char *title = NULL;
      g_autofree char *score = NULL;
      g_autofree char *gap = NULL;
      g_autofree char *description = NULL;

      if (!es->has_score || es->gap <= 0)
        continue;

      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsQuestion *question = element->questions[q];
          const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, question->id);
          LowQuestion lq = { question, 0 };

          if (answer == NULL || answer->state != EMS_ANSWER_LEVEL ||
              answer->level >= self->scores->target_level)
            continue;
          lq.level = answer->level;
          g_array_append_val (low, lq);
        }
      g_array_sort (low, compare_low);

      score = ems_format_percent (es->has_score, es->score);
      gap = ems_format_percent (es->has_score, es->gap);
      /* Translators: heading in "Where to start": element number and title */
      title = g_strdup_printf (_("%u. %s"), es->number, element->title);
      if (es->red_flag)
        /* Translators: score, band word and gap of an element with a red flag */
        description = g_strdup_printf (_("Score %s (%s), %s below the target. A critical question is at level 0."),
                                       score, ems_band_to_label (es->band), gap);
      else
        /* Translators: score, band word and gap of an element */
        description = g_strdup_printf (_("Score %s (%s), %s below the target."),
                                       score, ems_band_to_label (es->band), gap);

      /* A heading and a description that wrap (a preferences group's
       * title would be cut short in a narrow window) */
      group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      {
        GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                           "label", title,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                           NULL);
        GtkWidget *details = gtk_label_new (description);

        gtk_label_set_xalign (GTK_LABEL (heading), 0);
        gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
        gtk_widget_add_css_class (heading, "heading");
        gtk_label_set_xalign (GTK_LABEL (details), 0);
        gtk_label_set_wrap (GTK_LABEL (details), TRUE);
        gtk_widget_add_css_class (details, "dim-label");
        gtk_box_append (GTK_BOX (group), heading);
        gtk_box_append (GTK_BOX (group), details);
      }

      if (low->len > 0)
        {
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          for (guint i = 0; i < low->len && i < N_PRIORITY_QUESTIONS; i++)
            {
              const LowQuestion *lq = &g_array_index (low, LowQuestion, i);

              gtk_list_box_append (GTK_LIST_BOX (list),
                                   question_row_new (self, lq->question, lq->level));
            }
          gtk_widget_set_margin_top (list, 6);
          gtk_box_append (GTK_BOX (group), list);
        }

      gtk_box_append (GTK_BOX (self->priorities_box), group);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *label;

      if (self->scores->has_overall)
        label = gtk_label_new (_("Every element with a score meets the target."));
      else
        label = gtk_label_new (_("Answer some questions to see where to start."));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (self->priorities_box), label);
    }
}

/* Open actions */

static void
update_open_actions (EmsResultsPage *self)
{
  GListModel *actions = ems_assessment_get_actions (self->assessment);
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  GtkWidget *child;
  guint shown = 0;
  GString *key = g_string_new (NULL);

  /* Everything the list shows depends on, today included (overdue) */
  g_string_append_printf (key, "%u|", g_date_get_julian (today));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(EmsAction) action = g_list_model_get_item (actions, i);

      g_string_append_printf (key, "%s\x1f%s\x1f%s\x1f%u\x1f%d\x1e",
                              ems_action_get_title (action) ? ems_action_get_title (action) : "",
                              ems_action_get_owner (action) ? ems_action_get_owner (action) : "",
                              ems_action_get_due (action) ? ems_action_get_due (action) : "",
                              ems_action_get_element (action),
                              (int) ems_action_get_status (action));
    }
  if (g_strcmp0 (key->str, self->actions_key) == 0)
    {
      g_string_free (key, TRUE);
      return;
    }
  g_free (self->actions_key);
  self->actions_key = g_string_free (key, FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))) != NULL)
    gtk_list_box_remove (self->actions_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(EmsAction) action = g_list_model_get_item (actions, i);
      EmsActionStatus status = ems_action_get_status (action);
      const char *title = ems_action_get_title (action);
      const char *owner = ems_action_get_owner (action);
      const char *due = ems_action_get_due (action);
      guint number = ems_action_get_element (action);
      const EmsElement *element = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      if (status == EMS_ACTION_DONE)
        continue;

      if (number >= 1 && number <= ems_checklist_get_n_elements (checklist))
        element = ems_checklist_get_element (checklist, number);
      if (element != NULL)
        /* Translators: the element of an action: number and title */
        g_string_append_printf (subtitle, _("%u. %s"), element->number, element->title);
      if (owner != NULL && *owner != '\0')
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, owner);
        }
      if (due != NULL && *due != '\0')
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          if (ems_action_is_overdue (action, today))
            /* Translators: an action's due date, passed */
            g_string_append_printf (subtitle, _("overdue since %s"), due);
          else
            /* Translators: an action's due date */
            g_string_append_printf (subtitle, _("due %s"), due);
        }
      if (status == EMS_ACTION_IN_PROGRESS)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, _("in progress"));
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     title != NULL && *title != '\0' ? title : _("Untitled action"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_append (self->actions_list, row);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No open actions"));
      gtk_list_box_append (self->actions_list, row);
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
  update_priorities (self);
  update_open_actions (self);
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
