/* ems-report.c: the multi-page results report (PDF, printing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content is a flat list of blocks (paragraphs, table rows, charts,
 * page breaks) built once from a snapshot of the assessment. Pagination
 * measures them with Pango for a page size and places them top to bottom,
 * keeping headings with what follows and splitting long paragraphs between
 * lines; drawing a page replays the placements, then the footer.
 */

#define G_LOG_DOMAIN "ems-report"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ems-charts-private.h"
#include "ems-atomic-file.h"
#include "ems-error.h"
#include "ems-report-private.h"
#include "ems-scores.h"

#define MARGIN      50.0  /* points */
#define FOOTER_GAP  18.0

/* Blocks kept together at most: a heading, a line under it, a table's
 * header row and its first row */
#define MAX_KEEP_CHAIN 4

typedef struct
{
  guint  block;
  guint  page;
  double y;
  guint  line_start;
  guint  line_end;
} Placement;

struct _EmsReport
{
  EmsAssessment *assessment;
  EmsChecklist  *checklist;
  EmsScores     *scores;
  GDateTime     *when;
  char          *footer;
  char          *assessor;
  GArray        *blocks;        /* EmsReportBlock */
  GArray        *placements;    /* Placement */
  guint          n_pages;
  double         page_width;
  double         page_height;
  PangoContext  *context;
  EmsChartStyle  chart_style;
  guint          last_header;   /* 1 + index of the open table's header row */
};

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
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
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
  build_answers (self);
  build_actions (self);
  build_method (self);

  /* A snapshot: nothing reads the assessment from here on, so the report
   * can be drawn or saved in another thread while the document changes. */
  g_clear_object (&self->assessment);

  return self;
}

static void
block_clear_layout (EmsReportBlock *block)
{
  for (guint i = 0; i < EMS_REPORT_MAX_CELLS; i++)
    g_clear_object (&block->layouts[i]);
  g_clear_pointer (&block->line_top, g_free);
  block->n_lines = 0;
  block->height = 0;
}

void
ems_report_free (EmsReport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      EmsReportBlock *block = &g_array_index (self->blocks, EmsReportBlock, i);

      block_clear_layout (block);
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

/* Pagination --------------------------------------------------------------- */

static PangoLayout *
make_layout (EmsReport  *self,
             const char *markup,
             double      scale,
             double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, EMS_REPORT_BODY_SIZE * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static void
measure_block (EmsReport      *self,
               EmsReportBlock *block,
               double          text_width)
{
  block_clear_layout (block);

  switch (block->kind)
    {
    case EMS_REPORT_BLOCK_TEXT:
      {
        PangoLayoutIter *iter;
        guint k = 0;

        block->layouts[0] = make_layout (self, block->markup[0], block->scale,
                                         MAX (text_width - block->indent, 20));
        block->n_lines = pango_layout_get_line_count (block->layouts[0]);
        block->line_top = g_new0 (double, block->n_lines + 1);
        iter = pango_layout_get_iter (block->layouts[0]);
        do
          {
            int y0, y1;

            pango_layout_iter_get_line_yrange (iter, &y0, &y1);
            block->line_top[k] = (double) y0 / PANGO_SCALE;
            block->line_top[k + 1] = (double) y1 / PANGO_SCALE;
            k++;
          }
        while (k < block->n_lines && pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
        block->height = block->line_top[block->n_lines];
      }
      break;

    case EMS_REPORT_BLOCK_ROW:
      {
        double h = 0;

        for (guint c = 0; c < block->n_cells; c++)
          {
            double w = block->col_w[c] * text_width - 6 - (block->flag && c == block->n_cells - 1 ? EMS_REPORT_BODY_SIZE * 1.3 : 0);
            double ch;

            block->layouts[c] = make_layout (self, block->markup[c], block->scale, MAX (w, 10));
            ems_chart_layout_size (block->layouts[c], NULL, &ch);
            h = MAX (h, ch);
          }
        block->height = h + (block->rule ? 6 : 0);
      }
      break;

    case EMS_REPORT_BLOCK_CHART:
      block->height = block->chart_height;
      break;

    case EMS_REPORT_BLOCK_BREAK:
    default:
      block->height = 0;
      break;
    }
}

/* Paragraphs longer than a third of a page may be split between pages;
 * shorter ones move whole to the next page. */
static gboolean
is_long (const EmsReportBlock *block,
         double                page_text_height)
{
  return block->kind == EMS_REPORT_BLOCK_TEXT && block->n_lines >= 4 &&
         block->height > page_text_height / 3;
}

static void
place (EmsReport *self,
       guint      block,
       guint      page,
       double     y,
       guint      line_start,
       guint      line_end)
{
  Placement p = { block, page, y, line_start, line_end };

  g_array_append_val (self->placements, p);
}

guint
ems_report_paginate (EmsReport *self,
                     cairo_t   *cr,
                     double     page_width,
                     double     page_height)
{
  double top = MARGIN, bottom, text_width, y;
  guint page = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  bottom = page_height - MARGIN;
  text_width = page_width - 2 * MARGIN;

  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    measure_block (self, &g_array_index (self->blocks, EmsReportBlock, i), text_width);

  y = top;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      EmsReportBlock *block = &g_array_index (self->blocks, EmsReportBlock, i);
      double before = y > top ? block->space_before : 0;
      double need = before + block->height;

      if (block->kind == EMS_REPORT_BLOCK_BREAK)
        {
          if (y > top)
            {
              page++;
              y = top;
            }
          continue;
        }

      /* Keep a heading with the start of what follows, and with what
       * that keeps (a table's header row with its first row), a few
       * blocks deep */
      for (guint j = i + 1, depth = 0;
           j < self->blocks->len && depth < MAX_KEEP_CHAIN;
           j++, depth++)
        {
          const EmsReportBlock *prev = &g_array_index (self->blocks, EmsReportBlock, j - 1);
          const EmsReportBlock *next = &g_array_index (self->blocks, EmsReportBlock, j);

          if (!prev->keep_with_next || next->kind == EMS_REPORT_BLOCK_BREAK)
            break;
          if (next->kind == EMS_REPORT_BLOCK_TEXT && next->n_lines > 0 && is_long (next, bottom - top))
            {
              need += prev->space_after + next->space_before + next->line_top[MIN (next->n_lines, 2)];
              break;
            }
          need += prev->space_after + next->space_before + next->height;
        }

      if (y + need > bottom && y > top)
        {
          gboolean split = block->kind == EMS_REPORT_BLOCK_TEXT && !block->keep_with_next &&
                           is_long (block, bottom - top) &&
                           y + before + block->line_top[2] <= bottom;

          if (!split)
            {
              page++;
              y = top;
              before = 0;
            }
        }

      /* A table running onto a new page repeats its header row there */
      if (block->kind == EMS_REPORT_BLOCK_ROW && block->repeat_header > 0 && y == top && page > 0)
        {
          const EmsReportBlock *header = &g_array_index (self->blocks, EmsReportBlock, block->repeat_header - 1);

          place (self, block->repeat_header - 1, page, y, 0, 0);
          y += header->height + header->space_after;
        }

      if (block->kind == EMS_REPORT_BLOCK_TEXT && y + before + block->height > bottom)
        {
          /* Split between lines, over as many pages as it takes */
          guint start = 0;

          y += before;
          while (start < block->n_lines)
            {
              guint end = start;

              while (end < block->n_lines &&
                     y + block->line_top[end + 1] - block->line_top[start] <= bottom)
                end++;
              /* No single line left alone at the top of the next page */
              if (end + 1 == block->n_lines && end - start > 2)
                end--;
              if (end == start)
                {
                  if (y > top)
                    {
                      page++;
                      y = top;
                      continue;
                    }
                  end = start + 1;   /* a line taller than a page */
                }
              place (self, i, page, y, start, end);
              y += block->line_top[end] - block->line_top[start];
              start = end;
              if (start < block->n_lines)
                {
                  page++;
                  y = top;
                }
            }
          y += block->space_after;
          continue;
        }

      y += before;
      place (self, i, page, y, 0, block->n_lines);
      y += block->height + block->space_after;
    }

  self->n_pages = page + 1;

  return self->n_pages;
}

guint
ems_report_get_n_pages (EmsReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

/* Drawing ------------------------------------------------------------------ */

static void
draw_text_lines (cairo_t              *cr,
                 const EmsReportBlock *block,
                 double                x,
                 double                y,
                 guint                 start,
                 guint                 end)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layouts[0]);
  guint k = 0;

  do
    {
      if (k >= start && k < end)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) baseline / PANGO_SCALE - block->line_top[start]);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      k++;
    }
  while (k < end && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_footer (EmsReport *self,
             cairo_t   *cr,
             guint      page)
{
  double width = self->page_width - 2 * MARGIN;
  double y = self->page_height - MARGIN + FOOTER_GAP;
  /* Translators: report footer: page number of the number of pages */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autofree char *m_number = ems_report_muted (number);
  g_autofree char *m_footer = ems_report_muted (self->footer);
  g_autoptr(PangoLayout) left = make_layout (self, m_footer, 0.8, width * 0.7);
  g_autoptr(PangoLayout) right = make_layout (self, m_number, 0.8, -1);
  double rw;

  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (left, -1);
  ems_chart_layout_size (right, &rw, NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.74);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y - 5);
  cairo_line_to (cr, MARGIN + width, y - 5);
  cairo_stroke (cr);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN + width - rw, y);
  pango_cairo_show_layout (cr, right);
  cairo_restore (cr);
}

void
ems_report_draw_page (EmsReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  double text_width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->context != NULL);

  if (page >= self->n_pages)
    return;

  text_width = self->page_width - 2 * MARGIN;
  pango_cairo_update_context (cr, self->context);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      EmsReportBlock *block = &g_array_index (self->blocks, EmsReportBlock, p->block);

      if (p->page != page)
        continue;

      switch (block->kind)
        {
        case EMS_REPORT_BLOCK_TEXT:
          draw_text_lines (cr, block, MARGIN + block->indent, p->y, p->line_start, p->line_end);
          break;

        case EMS_REPORT_BLOCK_ROW:
          if (block->header)
            {
              cairo_save (cr);
              cairo_set_source_rgb (cr, 0.94, 0.94, 0.93);
              cairo_rectangle (cr, MARGIN, p->y - 2, text_width, block->height + 1);
              cairo_fill (cr);
              cairo_restore (cr);
            }
          for (guint c = 0; c < block->n_cells; c++)
            {
              if (block->tint[c] == EMS_BAND_NONE)
                continue;
              cairo_save (cr);
              ems_chart_set_color_alpha (cr, &self->chart_style.band[block->tint[c]], 0.25);
              cairo_rectangle (cr, MARGIN + block->col_x[c] * text_width, p->y - 2,
                               block->col_w[c] * text_width - 1, block->height - 1);
              cairo_fill (cr);
              cairo_restore (cr);
            }
          for (guint c = 0; c < block->n_cells; c++)
            {
              double x = MARGIN + block->col_x[c] * text_width + (c > 0 ? 3 : 0);

              if (block->flag && c == block->n_cells - 1)
                {
                  ems_chart_draw_flag (cr, x, p->y + 1, EMS_REPORT_BODY_SIZE, &self->chart_style);
                  x += EMS_REPORT_BODY_SIZE * 1.3;
                }
              cairo_move_to (cr, x, p->y);
              pango_cairo_show_layout (cr, block->layouts[c]);
            }
          if (block->rule)
            {
              cairo_save (cr);
              cairo_set_source_rgb (cr, 0.8, 0.8, 0.79);
              cairo_set_line_width (cr, 0.5);
              cairo_move_to (cr, MARGIN, p->y + block->height - 2.5);
              cairo_line_to (cr, MARGIN + text_width, p->y + block->height - 2.5);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
          break;

        case EMS_REPORT_BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, MARGIN, p->y);
          if (block->draw != NULL)
            block->draw (cr, text_width, block->height, block->draw_data, &self->chart_style);
          else if (self->scores != NULL)
            ems_chart_draw (cr, block->chart, text_width, block->height,
                            self->checklist, self->scores, &self->chart_style);
          cairo_restore (cr);
          break;

        case EMS_REPORT_BLOCK_BREAK:
        default:
          break;
        }
    }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* PDF ------------------------------------------------------------------------ */

void
ems_report_get_paper_size (double *width,
                           double *height)
{
  /* A4 unless the locale's paper is US Letter (216 × 279 mm) */
  double w = 595.276, h = 841.89;

#ifdef __GLIBC__
  /* glibc's LC_PAPER: the width in millimetres, returned in the pointer */
  union { unsigned int word; char *string; } paper_width;

  paper_width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (paper_width.word == 216)
    {
      w = 612;
      h = 792;
    }
#endif

  if (width)
    *width = w;
  if (height)
    *height = h;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* Bookmarks for the headings on @page; level 2 under the last level 1 */
static void
add_outline (EmsReport       *self,
             cairo_surface_t *surface,
             guint            page,
             int             *parent)
{
  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      const EmsReportBlock *block = &g_array_index (self->blocks, EmsReportBlock, p->block);
      g_autofree char *link = NULL;
      int id;

      if (p->page != page || block->outline_level == 0 || p->line_start != 0)
        continue;

      /* Integers: the attribute parser wants a C decimal point */
      link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int) MARGIN, (int) p->y);
      id = cairo_pdf_surface_add_outline (surface,
                                          block->outline_level == 1 ? CAIRO_PDF_OUTLINE_ROOT : *parent,
                                          block->outline, link, 0);
      if (block->outline_level == 1)
        *parent = id;
    }
}

gboolean
ems_report_save_pdf (EmsReport   *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;
  int outline_parent = CAIRO_PDF_OUTLINE_ROOT;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_basename (path);
  ems_report_get_paper_size (&width, &height);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->footer);
  if (self->assessor != NULL && self->assessor[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->assessor);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  date = g_date_time_format (self->when, "%Y-%m-%dT%H:%M:%S");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  cr = cairo_create (surface);
  n_pages = ems_report_paginate (self, cr, width, height);
  for (guint page = 0; page < n_pages; page++)
    {
      ems_report_draw_page (self, cr, page);
      add_outline (self, surface, page, &outline_parent);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   /* Translators: the first %s is a file name, the second Cairo's reason */
                   _("Could not export “%s”: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));
  if (!ems_write_path_atomically (path, bytes, &local_error))
    {
      g_set_error_literal (error, EMS_ERROR, EMS_ERROR_EXPORT, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ems_report_write_pdf (EmsAssessment  *assessment,
                      const char     *path,
                      GDateTime      *when,
                      GError        **error)
{
  g_autoptr(EmsReport) report = NULL;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = ems_report_new (assessment, when);

  return ems_report_save_pdf (report, path, error);
}
