/* ems-report-plan.c: the report's "Where to start" and "ISO 14001
 * readiness" sections, drawn from ems-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ems-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-plan.h"
#include "ems-report-private.h"

static char *
bold (const char *text)
{
  return g_markup_printf_escaped ("<b>%s</b>", text);
}

void
ems_report_build_where_to_start (EmsReport     *self,
                                 EmsAssessment *assessment)
{
  /* The step under its question, across most of the page: short rows */
  static const double widths[] = { 0.05, 0.69, 0.13, 0.13 };
  g_autoptr(GArray) steps = NULL;
  char *cells[G_N_ELEMENTS (widths)];

  g_return_if_fail (self != NULL);
  g_return_if_fail (EMS_IS_ASSESSMENT (assessment));

  steps = ems_plan_where_to_start (assessment, self->scores);

  ems_report_add_heading (self, _("Where to start"), 1.7, 0);
  ems_report_add_text (self, g_strdup (_("The questions answered below the target level, with the next step each one calls for, in this order: critical questions answered 0 first, then the most points to gain ((target level − level) × weight), then the element with the largest gap, then the question number.")),
                       1.0, 0, 6);

  if (steps->len == 0)
    {
      ems_report_add_text (self, ems_report_muted (_("No answered question is below the target level.")),
                           1.0, 0, 6);
      return;
    }

  cells[0] = bold (C_("column heading: rank", "#"));
  cells[1] = bold (_("Question and next step"));
  /* Translators: report column: the answer's level, then the target level ("1 → 3") */
  cells[2] = bold (_("Level → target"));
  cells[3] = bold (_("Effort"));
  ems_report_add_row (self, G_N_ELEMENTS (widths), widths, cells, TRUE);

  for (guint i = 0; i < steps->len; i++)
    {
      const EmsPlanStep *step = &g_array_index (steps, EmsPlanStep, i);
      g_autofree char *id = ems_report_escape (step->question->id);
      g_autofree char *text = ems_report_cell (step->question->text);
      g_autofree char *critical = step->critical_zero ?
        g_markup_printf_escaped (" <i>(%s)</i>", _("critical")) : g_strdup ("");
      g_autofree char *label = ems_report_muted (_("Next step:"));
      g_autofree char *next = ems_report_cell (ems_report_or_dash (step->text));
      EmsReportBlock *block;

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup_printf ("<b>%s  %s</b>%s\n%s %s", id, text, critical, label, next);
      cells[2] = g_strdup_printf ("%u → %u", step->level, self->scores->target_level);
      cells[3] = step->text != NULL ? ems_report_escape (ems_effort_to_label (step->effort))
                                    : ems_report_escape ("—");
      block = ems_report_add_row (self, G_N_ELEMENTS (widths), widths, cells, FALSE);
      block->space_before = 2;
      block->space_after = 2;
      block->flag = step->critical_zero;
    }

  ems_report_add_text (self, ems_report_muted (_("Effort is the checklist's estimate for a business of 5 to 250 people: low, medium or high. Unanswered questions are not listed: answer them first.")),
                       0.9, 8, 0);
}

void
ems_report_build_iso14001 (EmsReport     *self,
                           EmsAssessment *assessment)
{
  static const double widths[] = { 0.10, 0.34, 0.11, 0.14, 0.14, 0.17 };
  g_autoptr(GArray) clauses = NULL;
  char *cells[G_N_ELEMENTS (widths)];

  g_return_if_fail (self != NULL);
  g_return_if_fail (EMS_IS_ASSESSMENT (assessment));

  clauses = ems_plan_iso14001_readiness (assessment);

  ems_report_add_heading (self, _("ISO 14001 readiness"), 1.7, 0);
  ems_report_add_text (self, g_strdup (_("Each ISO 14001:2015 clause that the checklist's questions cite, scored by the element rule over the answered, applicable questions that cite it.")),
                       1.0, 0, 4);
  ems_report_add_text (self, g_markup_printf_escaped ("<b>%s</b>",
                                                      _("This is an estimate of readiness, not a certification audit.")),
                       1.0, 0, 6);

  cells[0] = bold (_("Clause"));
  cells[1] = bold (_("Title"));
  cells[2] = bold (_("Score"));
  cells[3] = bold (_("Band"));
  /* Translators: report column: how many questions cite the clause */
  cells[4] = bold (_("Questions"));
  /* Translators: report column: how many of those are answered with a level */
  cells[5] = bold (_("Answered"));
  ems_report_add_row (self, G_N_ELEMENTS (widths), widths, cells, TRUE);

  for (guint i = 0; i < clauses->len; i++)
    {
      const EmsClauseReadiness *readiness = &g_array_index (clauses, EmsClauseReadiness, i);
      const char *title = ems_report_or_dash (readiness->title);
      EmsReportBlock *block;

      cells[0] = ems_report_escape (readiness->clause);
      if (readiness->n_questions == 0)
        {
          g_autofree char *muted = ems_report_muted (_("not assessed by this checklist"));
          g_autofree char *escaped = ems_report_escape (title);

          cells[1] = g_strdup_printf ("%s\n<i>%s</i>", escaped, muted);
          cells[2] = ems_report_escape ("—");
          cells[3] = ems_report_escape ("—");
          cells[5] = ems_report_escape ("—");
        }
      else
        {
          g_autofree char *score = ems_format_percent (readiness->has_score, readiness->score);

          cells[1] = ems_report_escape (title);
          cells[2] = readiness->has_score ? ems_report_escape (score) : ems_report_muted (_("No score"));
          cells[3] = ems_report_escape (readiness->has_score ? ems_band_to_label (readiness->band) : "—");
          cells[5] = g_strdup_printf ("%u", readiness->n_answered);
        }
      cells[4] = g_strdup_printf ("%u", readiness->n_questions);
      block = ems_report_add_row (self, G_N_ELEMENTS (widths), widths, cells, FALSE);
      block->tint[3] = readiness->has_score ? readiness->band : EMS_BAND_NONE;
    }

  ems_report_add_text (self, ems_report_muted (_("Clause numbers and short titles only: the standard's text is not reproduced. A clause can be scored well here and still lack what a certification body looks for.")),
                       0.9, 8, 0);
}
