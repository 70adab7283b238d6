/* ems-report.c: the multi-page results report (PDF, printing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content is a flat list of blocks (paragraphs, table rows, charts,
 * page breaks) built once from a snapshot of the assessment: the builders
 * are here, laying the blocks out on pages and drawing them is in
 * ems-report-layout.c.
 */

#define G_LOG_DOMAIN "ems-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-charts-private.h"
#include "ems-report-private.h"
#include "ems-scores.h"
/* Building ---------------------------------------------------------------- */

EmsReportBlock *
ems_report_add_block (EmsReport          *self,
                      EmsReportBlockKind  kind)
{
  EmsReportBlock block = { 0 };

  block.kind = kind;
  block.scale = 1.0;
  g_array_append_val (self->blocks, block);
  /* Anything but a row ends a table */
  if (kind != EMS_REPORT_BLOCK_ROW)
    self->last_header = 0;

  return &g_array_index (self->blocks, EmsReportBlock, self->blocks->len - 1);
}

/* @markup is taken */
EmsReportBlock *
ems_report_add_text (EmsReport *self,
                     char      *markup,
                     double     scale,
                     double     space_before,
                     double     space_after)
{
  EmsReportBlock *block = ems_report_add_block (self, EMS_REPORT_BLOCK_TEXT);

  block->n_cells = 1;
  block->markup[0] = markup;
  block->col_x[0] = 0;
  block->col_w[0] = 1;
  block->scale = scale;
  block->space_before = space_before;
  block->space_after = space_after;

  return block;
}

void
ems_report_add_heading (EmsReport  *self,
                        const char *text,
                        double      scale,
                        double      space_before)
{
  EmsReportBlock *block = ems_report_add_text (self, g_markup_printf_escaped ("<b>%s</b>", text), scale, space_before, scale * 4);

  block->keep_with_next = TRUE;
  /* Page and section headings go in the PDF outline */
  if (scale >= 1.25)
    {
      block->outline_level = scale >= 1.4 ? 1 : 2;
      block->outline = g_strdup (text);
    }
}

void
ems_report_add_break (EmsReport *self)
{
  ems_report_add_block (self, EMS_REPORT_BLOCK_BREAK);
}

static void
add_chart (EmsReport    *self,
           EmsChartKind  kind,
           double        height)
{
  EmsReportBlock *block = ems_report_add_block (self, EMS_REPORT_BLOCK_CHART);

  block->chart = kind;
  block->chart_height = height;
  block->space_before = 6;
  block->space_after = 10;
}

/* A table row; @widths are fractions of the text width; @cells markup, taken */
EmsReportBlock *
ems_report_add_row (EmsReport    *self,
                    guint         n_cells,
                    const double *widths,
                    char        **cells,
                    gboolean      header)
{
  EmsReportBlock *block = ems_report_add_block (self, EMS_REPORT_BLOCK_ROW);
  double x = 0;

  g_assert (n_cells <= EMS_REPORT_MAX_CELLS);

  block->n_cells = n_cells;
  for (guint i = 0; i < n_cells; i++)
    {
      block->markup[i] = cells[i];
      block->col_x[i] = x;
      block->col_w[i] = widths[i];
      x += widths[i];
    }
  block->header = header;
  block->rule = TRUE;
  block->keep_with_next = header;
  block->space_before = 0;
  block->space_after = 0;

  if (header)
    self->last_header = self->blocks->len;
  else
    block->repeat_header = self->last_header;

  return block;
}

EmsReportBlock *
ems_report_add_drawing (EmsReport         *self,
                        EmsReportDrawFunc  draw,
                        gpointer           data,
                        GDestroyNotify     data_free,
                        double             height)
{
  EmsReportBlock *block = ems_report_add_block (self, EMS_REPORT_BLOCK_CHART);

  block->draw = draw;
  block->draw_data = data;
  block->draw_data_free = data_free;
  block->chart_height = height;
  block->space_before = 6;
  block->space_after = 10;

  return block;
}

char *
ems_report_escape (const char *str)
{
  return g_markup_escape_text (str ? str : "", -1);
}

/* A report is read on paper: a text longer than this (a pasted log, say)
 * is cut, said so, and left whole in the assessment file. It also keeps
 * Pango's line breaking, worse than linear on huge paragraphs, quick. */
#define MAX_TEXT_CHARS 8000

char *
ems_report_clip (const char *str,
                 glong       max_chars)
{
  g_autofree char *head = NULL;

  if (str == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (str, max_chars + 1) <= max_chars)
    return g_strdup (str);

  head = g_strndup (str, g_utf8_offset_to_pointer (str, max_chars) - str);
  /* Translators: ends a text cut short in the PDF report; %s is the start
   * of the text */
  return g_strdup_printf (_("%s… (cut here: the full text is in the assessment file)"), head);
}

static char *
clipped (const char *str)
{
  return ems_report_clip (str, MAX_TEXT_CHARS);
}

/* User text in a table cell: escaped for Pango markup, cut shorter */
char *
ems_report_cell (const char *str)
{
  g_autofree char *cut = ems_report_clip (str, EMS_REPORT_MAX_CELL_CHARS);

  return g_markup_escape_text (cut, -1);
}

char *
ems_report_muted (const char *str)
{
  return g_markup_printf_escaped ("<span foreground=\"" EMS_REPORT_COLOR_MUTED "\">%s</span>", str ? str : "");
}

static char *
format_gap (const EmsElementScore *es)
{
  if (!es->has_score)
    return g_strdup ("—");

  return g_strdup_printf ("%.1f", es->gap);
}

static char *
format_coverage (double coverage)
{
  return ems_format_percent (TRUE, 100.0 * coverage);
}

const char *
ems_report_or_dash (const char *str)
{
  return str != NULL && str[0] != '\0' ? str : "—";
}

void
ems_report_add_profile_row (EmsReport  *self,
                            const char *key,
                            const char *value,
                            gboolean    strong)
{
  static const double widths[] = { 0.3, 0.7 };
  char *cells[2];
  EmsReportBlock *block;
  g_autofree char *cut = ems_report_clip (ems_report_or_dash (value), EMS_REPORT_MAX_CELL_CHARS);

  cells[0] = ems_report_muted (key);
  cells[1] = strong ? g_markup_printf_escaped ("<b>%s</b>", cut) : ems_report_escape (cut);
  block = ems_report_add_row (self, 2, widths, cells, FALSE);
  block->rule = FALSE;
  block->space_after = 3;
}

static void
build_cover (EmsReport *self)
{
  EmsAssessment *a = self->assessment;
  EmsScores *s = self->scores;
  g_autofree char *overall = ems_format_percent (s->has_overall, s->overall);
  g_autofree char *target = ems_format_percent (TRUE, s->target);
  g_autofree char *coverage = format_coverage (s->coverage);
  g_autofree char *overall_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *coverage_text = NULL;
  g_autofree char *employees = NULL;
  g_autofree char *generated = NULL;
  const char *org = ems_assessment_get_name (a);
  /* Translators: report cover title when the organisation has no name yet */
  g_autofree char *name = ems_report_clip (org != NULL && org[0] != '\0' ? org : _("Unnamed organisation"), EMS_REPORT_MAX_CELL_CHARS);
  guint n_flags = 0;

  for (guint i = 0; i < s->n_elements; i++)
    n_flags += s->elements[i].red_flag ? 1 : 0;

  ems_report_add_text (self, ems_report_muted (_("Environmental management system self-assessment")), 1.2, 40, 6);
  ems_report_add_text (self, g_markup_printf_escaped ("<b>%s</b>", name), 2.4, 0, 4);
  if (ems_assessment_get_site (a) != NULL && ems_assessment_get_site (a)[0] != '\0')
    ems_report_add_text (self, ems_report_cell (ems_assessment_get_site (a)), 1.3, 0, 4);
  ems_report_add_text (self, ems_report_muted (_("Against the 10 Elements of Effective Environmental Management Systems of the Commission for Environmental Cooperation (CEC)")),
                       1.0, 8, 26);

  ems_report_add_heading (self, _("Organisation"), 1.3, 0);
  if (ems_assessment_get_employees (a) >= 0)
    employees = g_strdup_printf ("%d", ems_assessment_get_employees (a));
  generated = g_date_time_format (self->when, "%Y-%m-%d");

  ems_report_add_profile_row (self, _("Organisation"), ems_assessment_get_name (a), TRUE);
  ems_report_add_profile_row (self, _("Site"), ems_assessment_get_site (a), FALSE);
  ems_report_add_profile_row (self, _("Sector"), ems_assessment_get_sector (a), FALSE);
  ems_report_add_profile_row (self, _("Employees"), employees, FALSE);
  ems_report_add_profile_row (self, _("Country"), ems_assessment_get_country (a), FALSE);
  ems_report_add_profile_row (self, _("Assessor"), ems_assessment_get_assessor (a), FALSE);
  ems_report_add_profile_row (self, _("Assessed on"), ems_assessment_get_assessed_on (a), FALSE);
  ems_report_add_profile_row (self, _("Report generated on"), generated, FALSE);

  ems_report_add_heading (self, _("Summary"), 1.3, 20);
  if (s->has_overall)
    /* Translators: overall score on the report cover: the percentage, then the band word */
    overall_text = g_strdup_printf (_("%s (%s)"), overall, ems_band_to_label (s->band));
  else
    overall_text = g_strdup (_("No score yet: no question is answered"));
  /* Translators: target on the report cover: the percentage, then the target level number */
  target_text = g_strdup_printf (_("%s (level %u)"), target, s->target_level);
  /* Translators: coverage on the report cover: percentage, then questions answered or N/A of all */
  coverage_text = g_strdup_printf (_("%s (%u of %u questions)"), coverage,
                                   s->n_answered + s->n_not_applicable, s->n_questions);

  ems_report_add_profile_row (self, _("Overall score"), overall_text, TRUE);
  ems_report_add_profile_row (self, _("Target"), target_text, FALSE);
  ems_report_add_profile_row (self, _("Coverage"), coverage_text, FALSE);
  {
    g_autofree char *flags = n_flags == 0 ? g_strdup (_("None")) :
      /* Translators: number of red-flagged elements on the report cover */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u element", "%u elements", n_flags), n_flags);

    ems_report_add_profile_row (self, _("Red flags"), flags, FALSE);
  }

  add_chart (self, EMS_CHART_COVERAGE, 170);
  ems_report_add_break (self);
}

static void
build_results (EmsReport *self)
{
  static const double widths[] = { 0.37, 0.1, 0.1, 0.08, 0.1, 0.13, 0.12 };
  EmsScores *s = self->scores;
  g_autofree char *target = ems_format_percent (TRUE, s->target);
  char *cells[7];

  ems_report_add_heading (self, _("Results"), 1.7, 0);
  ems_report_add_text (self, g_strdup (_("Each element's score is the weighted mean of its answered, applicable questions, as a percentage of the top level. The overall score is the mean of the element scores.")),
                       1.0, 0, 4);
  add_chart (self, EMS_CHART_RADAR, 330);

  cells[0] = g_markup_printf_escaped ("<b>%s</b>", _("Element"));
  cells[1] = g_markup_printf_escaped ("<b>%s</b>", _("Score"));
  cells[2] = g_markup_printf_escaped ("<b>%s</b>", _("Target"));
  cells[3] = g_markup_printf_escaped ("<b>%s</b>", _("Gap"));
  cells[4] = g_markup_printf_escaped ("<b>%s</b>", _("Band"));
  cells[5] = g_markup_printf_escaped ("<b>%s</b>", _("Coverage"));
  cells[6] = g_markup_printf_escaped ("<b>%s</b>", _("Red flag"));
  ems_report_add_row (self, 7, widths, cells, TRUE);

  for (guint i = 0; i < s->n_elements; i++)
    {
      const EmsElementScore *es = &s->elements[i];
      const EmsElement *element = ems_checklist_get_element (self->checklist, es->number);
      g_autofree char *label = ems_chart_element_label (es->number, element ? element->title : "");
      g_autofree char *score = ems_format_percent (es->has_score, es->score);
      g_autofree char *gap = format_gap (es);
      g_autofree char *coverage = format_coverage (es->coverage);
      EmsReportBlock *block;

      cells[0] = ems_report_escape (label);
      cells[1] = es->has_score ? ems_report_escape (score) : ems_report_muted (_("No score"));
      cells[2] = ems_report_escape (target);
      cells[3] = ems_report_escape (gap);
      cells[4] = es->has_score ? ems_report_escape (ems_band_to_label (es->band)) : ems_report_escape ("—");
      cells[5] = ems_report_escape (coverage);
      cells[6] = es->red_flag ? ems_report_escape (_("Yes")) : ems_report_escape ("");
      block = ems_report_add_row (self, 7, widths, cells, FALSE);
      block->flag = es->red_flag;
    }

  {
    g_autofree char *overall = ems_format_percent (s->has_overall, s->overall);
    g_autofree char *coverage = format_coverage (s->coverage);

    cells[0] = g_markup_printf_escaped ("<b>%s</b>", _("Overall"));
    cells[1] = g_markup_printf_escaped ("<b>%s</b>", overall);
    cells[2] = ems_report_escape (target);
    cells[3] = ems_report_escape ("");
    cells[4] = s->has_overall ? ems_report_escape (ems_band_to_label (s->band)) : ems_report_escape ("—");
    cells[5] = ems_report_escape (coverage);
    cells[6] = ems_report_escape ("");
    ems_report_add_row (self, 7, widths, cells, FALSE);
  }

  ems_report_add_text (self, ems_report_muted (_("Bands: red below 40, amber from 40 to below 70, green from 70. A red flag (▲) marks an element where a critical question is answered 0, whatever its average.")),
                       0.9, 8, 0);
  ems_report_add_break (self);

  ems_report_add_heading (self, _("Gaps to the target"), 1.4, 0);
  ems_report_add_text (self, g_strdup (_("Points missing to reach the target, largest first: the order in which to work on the elements.")),
                       1.0, 0, 2);
  add_chart (self, EMS_CHART_GAPS, 280);
  ems_report_add_heading (self, _("Answers by element"), 1.4, 12);
  add_chart (self, EMS_CHART_DISTRIBUTION, 290);
  ems_report_add_break (self);
}

static char *
answer_markup (EmsReport         *self,
               const EmsQuestion *question)
{
  const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, question->id);
  GString *str = g_string_new (NULL);
  g_autofree char *answer_label = ems_report_muted (_("Answer:"));

  if (answer == NULL || answer->state == EMS_ANSWER_UNANSWERED)
    {
      g_autofree char *text = g_markup_printf_escaped ("<i>%s</i>", _("Not answered"));

      g_string_append_printf (str, "%s %s", answer_label, text);
    }
  else if (answer->state == EMS_ANSWER_LEVEL)
    {
      const char *label = ems_checklist_get_level_label (self->checklist, answer->level);
      /* Translators: an answer in the report: level number, then its label */
      g_autofree char *text = g_strdup_printf (_("%u — %s"), answer->level, label ? label : "");
      g_autofree char *esc = ems_report_escape (text);

      g_string_append_printf (str, "%s <b>%s</b>", answer_label, esc);
    }
  else
    {
      const char *label = ems_checklist_get_level_label (self->checklist, EMS_LEVEL_NA);
      g_autofree char *esc = ems_report_escape (label ? label : _("Not applicable"));
      g_autofree char *cut = clipped (ems_report_or_dash (answer->reason));
      g_autofree char *reason = ems_report_escape (cut);

      g_string_append_printf (str, "%s <b>%s</b>: %s", answer_label, esc, reason);
    }

  if (answer != NULL && answer->note != NULL && answer->note[0] != '\0')
    {
      g_autofree char *key = ems_report_muted (_("Note:"));
      g_autofree char *note = clipped (answer->note);
      g_autofree char *esc = ems_report_escape (note);

      g_string_append_printf (str, "\n%s %s", key, esc);
    }
  if (answer != NULL && answer->evidence != NULL && answer->evidence[0] != '\0')
    {
      g_autofree char *key = ems_report_muted (_("Evidence:"));
      g_autofree char *evidence = clipped (answer->evidence);
      g_autofree char *esc = ems_report_escape (evidence);

      g_string_append_printf (str, "\n%s %s", key, esc);
    }

  return g_string_free (str, FALSE);
}

static void
build_answers (EmsReport *self)
{
  EmsScores *s = self->scores;
  g_auto(GStrv) unknown = NULL;

  ems_report_add_heading (self, _("Answers"), 1.7, 0);

  for (guint i = 0; i < s->n_elements; i++)
    {
      const EmsElementScore *es = &s->elements[i];
      const EmsElement *element = ems_checklist_get_element (self->checklist, es->number);
      g_autofree char *label = NULL;
      g_autofree char *score = ems_format_percent (es->has_score, es->score);
      g_autofree char *gap = format_gap (es);
      g_autofree char *coverage = format_coverage (es->coverage);
      g_autofree char *summary = NULL;
      EmsReportBlock *block;

      if (element == NULL)
        continue;

      label = ems_chart_element_label (es->number, element->title);
      ems_report_add_heading (self, label, 1.25, i == 0 ? 4 : 14);

      if (es->has_score)
        /* Translators: element summary in the report: score, band word, gap in points, coverage */
        summary = g_strdup_printf (_("Score %s (%s) · gap %s · coverage %s"),
                                   score, ems_band_to_label (es->band), gap, coverage);
      else
        /* Translators: element summary in the report when no question is answered; %s is the coverage */
        summary = g_strdup_printf (_("No score · coverage %s"), coverage);
      if (es->red_flag)
        {
          char *tmp = g_strdup_printf ("%s · ▲ %s", summary, _("red flag: a critical question is answered 0"));

          g_free (summary);
          summary = tmp;
        }
      block = ems_report_add_text (self, ems_report_muted (summary), 0.95, 0, 4);
      block->keep_with_next = TRUE;

      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsQuestion *question = element->questions[q];
          g_autofree char *text = ems_report_escape (question->text);
          g_autofree char *id = ems_report_escape (question->id);
          g_autofree char *critical = question->critical ?
            g_markup_printf_escaped (" <i>(%s)</i>", _("critical")) : g_strdup ("");

          block = ems_report_add_text (self, g_strdup_printf ("<b>%s</b>  %s%s", id, text, critical), 1.0, 6, 1);
          block->keep_with_next = TRUE;
          block = ems_report_add_text (self, answer_markup (self, question), 0.95, 0, 2);
          block->indent = 18;
        }
    }

  unknown = ems_assessment_dup_unknown_ids (self->assessment);
  if (unknown != NULL && unknown[0] != NULL)
    {
      ems_report_add_heading (self, _("Answers to questions this checklist does not know"), 1.1, 14);
      for (guint i = 0; unknown[i] != NULL; i++)
        {
          EmsQuestion fake = { .id = unknown[i], .text = unknown[i] };
          EmsReportBlock *block = ems_report_add_text (self, answer_markup (self, &fake), 0.95, 2, 2);

          block->indent = 18;
        }
    }

  ems_report_add_break (self);
}

static void
build_actions (EmsReport *self)
{
  static const double widths[] = { 0.4, 0.12, 0.2, 0.13, 0.15 };
  guint n = ems_assessment_get_n_actions (self->assessment);
  char *cells[5];

  ems_report_add_heading (self, _("Action plan"), 1.7, 0);

  if (n == 0)
    {
      ems_report_add_text (self, ems_report_muted (_("No actions recorded.")), 1.0, 0, 6);
      return;
    }

  cells[0] = g_markup_printf_escaped ("<b>%s</b>", _("Action"));
  /* Translators: action plan column: the question (or element) an action is for */
  cells[1] = g_markup_printf_escaped ("<b>%s</b>", _("For"));
  cells[2] = g_markup_printf_escaped ("<b>%s</b>", _("Owner"));
  cells[3] = g_markup_printf_escaped ("<b>%s</b>", _("Due"));
  cells[4] = g_markup_printf_escaped ("<b>%s</b>", _("Status"));
  ems_report_add_row (self, 5, widths, cells, TRUE);

  for (guint i = 0; i < n; i++)
    {
      EmsAction *action = ems_assessment_get_action (self->assessment, i);
      const char *question = ems_action_get_question (action);
      g_autofree char *element = NULL;
      const char *status;

      if (question != NULL && question[0] != '\0')
        element = g_strdup (question);
      else if (ems_action_get_element (action) > 0)
        /* Translators: action plan, an action tied to a whole element; %u is its number */
        element = g_strdup_printf (_("Element %u"), ems_action_get_element (action));

      switch (ems_action_get_status (action))
        {
        case EMS_ACTION_IN_PROGRESS:
          status = _("In progress");
          break;
        case EMS_ACTION_DONE:
          status = _("Done");
          break;
        case EMS_ACTION_OPEN:
        default:
          status = _("Open");
          break;
        }

      cells[0] = ems_report_cell (ems_report_or_dash (ems_action_get_title (action)));
      cells[1] = ems_report_cell (ems_report_or_dash (element));
      cells[2] = ems_report_cell (ems_report_or_dash (ems_action_get_owner (action)));
      cells[3] = ems_report_cell (ems_report_or_dash (ems_action_get_due (action)));
      cells[4] = ems_report_escape (status);
      ems_report_add_row (self, 5, widths, cells, FALSE);
    }
}

void
ems_report_add_answer_scale (EmsReport *self)
{
  static const double widths[] = { 0.08, 0.27, 0.65 };
  char *cells[3];

  g_return_if_fail (self != NULL);

  for (guint level = 0; level < EMS_N_LEVELS; level++)
    {
      const char *label = ems_checklist_get_level_label (self->checklist, level);
      const char *meaning = ems_checklist_get_level_meaning (self->checklist, level);
      EmsReportBlock *block;

      cells[0] = level == EMS_LEVEL_NA ? g_markup_printf_escaped ("<b>%s</b>", _("N/A"))
                                       : g_strdup_printf ("<b>%u</b>", level);
      cells[1] = g_markup_printf_escaped ("<b>%s</b>", ems_report_or_dash (label));
      cells[2] = ems_report_escape (ems_report_or_dash (meaning));
      block = ems_report_add_row (self, 3, widths, cells, FALSE);
      block->space_after = 2;
    }
}

static void
build_method (EmsReport *self)
{
  ems_report_add_heading (self, _("Answer scale and scoring method"), 1.7, 24);
  ems_report_add_answer_scale (self);

  ems_report_add_text (self, g_strdup (_("An unanswered question is neither 0 nor not applicable: it lowers the coverage, not the score.")),
                       1.0, 10, 4);
  ems_report_add_text (self, g_strdup (_("Element score = 100 × Σ(weight × level) ÷ Σ(4 × weight) over the element's answered, applicable questions; an element with no such question has no score. Each question weighs 1 to 3.")),
                       1.0, 0, 4);
  ems_report_add_text (self, g_strdup (_("Overall score = the plain mean of the element scores that exist: the ten elements count equally.")),
                       1.0, 0, 4);
  ems_report_add_text (self, g_strdup (_("Coverage = questions answered or marked not applicable ÷ all questions.")),
                       1.0, 0, 4);
  ems_report_add_text (self, g_strdup (_("Target = 25 × the target level; gap = target − score, never below 0. Elements are ranked by gap, largest first.")),
                       1.0, 0, 4);
  ems_report_add_text (self, g_strdup (_("Bands: red below 40, amber from 40 to below 70, green from 70. Red flag: a critical question answered 0, whatever the element's average.")),
                       1.0, 0, 4);
  ems_report_add_text (self, ems_report_muted (_("Figures are computed exactly and shown rounded to one decimal.")), 0.9, 4, 0);
}

EmsReport *
ems_report_new_empty (EmsChecklist *checklist,
                      GDateTime    *when,
                      const char   *footer,
                      const char   *assessor)
{
  EmsReport *self;

  g_return_val_if_fail (EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (footer != NULL, NULL);

  self = g_new0 (EmsReport, 1);
  self->checklist = g_object_ref (checklist);
  self->when = when ? g_date_time_ref (when) : g_date_time_new_now_local ();
  self->blocks = g_array_new (FALSE, TRUE, sizeof (EmsReportBlock));
  self->placements = g_array_new (FALSE, TRUE, sizeof (EmsReportPlacement));
  self->chart_style = *ems_chart_style_light ();
  self->chart_style.fill_background = FALSE;
  self->chart_style.font_size = 8.5;
  self->footer = g_strdup (footer);
  self->assessor = g_strdup (assessor);

  return self;
}

GDateTime *
ems_report_get_when (EmsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->when;
}

EmsReport *
ems_report_new (EmsAssessment *assessment,
                GDateTime     *when)
{
  EmsReport *self;
  g_autofree char *footer = NULL;
  const char *name;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  name = ems_assessment_get_name (assessment);
  if (name != NULL && name[0] != '\0')
    /* Translators: report footer; %s is the organisation's name */
    footer = g_strdup_printf (_("%s — EMS self-assessment"), name);
  else
    footer = g_strdup (_("EMS self-assessment"));

  self = ems_report_new_empty (ems_assessment_get_checklist (assessment), when, footer,
                               ems_assessment_get_assessor (assessment));
  self->assessment = g_object_ref (assessment);
  self->scores = ems_scores_compute (assessment);

  build_cover (self);
  build_results (self);
  ems_report_build_where_to_start (self, assessment);
  ems_report_add_break (self);
  ems_report_build_iso14001 (self, assessment);
  ems_report_add_break (self);
  build_answers (self);
  build_actions (self);
  build_method (self);

  /* A snapshot: nothing reads the assessment from here on, so the report
   * can be drawn or saved in another thread while the document changes. */
  g_clear_object (&self->assessment);

  return self;
}

void
ems_report_free (EmsReport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      EmsReportBlock *block = &g_array_index (self->blocks, EmsReportBlock, i);

      ems_report_block_clear_layout (block);
      for (guint c = 0; c < block->n_cells; c++)
        g_free (block->markup[c]);
      g_free (block->outline);
      if (block->draw_data_free != NULL)
        block->draw_data_free (block->draw_data);
    }
  g_array_unref (self->blocks);
  g_array_unref (self->placements);
  g_clear_object (&self->context);
  g_clear_object (&self->assessment);
  g_clear_object (&self->checklist);
  g_clear_pointer (&self->scores, ems_scores_free);
  g_clear_pointer (&self->when, g_date_time_unref);
  g_free (self->footer);
  g_free (self->assessor);
  g_free (self);
}
