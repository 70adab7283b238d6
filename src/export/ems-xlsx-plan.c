/* ems-xlsx-plan.c: the Where to start and ISO 14001 sheets of the
 * assessment workbook, drawn from ems-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where to start is the list as exported (the order is the core's; a
 * spreadsheet cannot re-sort it by the brief's rule in every program).
 * The ISO 14001 sheet's scores are formulas over the Answers sheet's
 * Points columns of the questions that cite each clause, stored with the
 * values ems_plan_iso14001_readiness() gives.
 */

#define G_LOG_DOMAIN "ems-xlsx"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-plan.h"
#include "ems-xlsx-assessment-private.h"

/* Excel takes at most 255 arguments in a function call */
#define MAX_FORMULA_ARGS 255

/* Both sheets: a title, a wrapped note under it, the table from row 3 */
#define PLAN_ROW_HEADER 3

/* Where to start ----------------------------------------------------------- */

enum {
  WS_COL_RANK,
  WS_COL_ELEMENT,
  WS_COL_ID,
  WS_COL_QUESTION,
  WS_COL_LEVEL,
  WS_COL_TARGET,
  WS_COL_STEP,
  WS_COL_EFFORT,
  N_WS_COLS
};

void
ems_xlsx_write_where_to_start (EmsXlsxExport *ex)
{
  lxw_worksheet *ws = ex->where_to_start;
  g_autoptr(GArray) steps = ems_plan_where_to_start (ex->assessment, ex->scores);
  static const double widths[N_WS_COLS] = {
    [WS_COL_RANK] = 5, [WS_COL_ELEMENT] = 9, [WS_COL_ID] = 9, [WS_COL_QUESTION] = 50,
    [WS_COL_LEVEL] = 7, [WS_COL_TARGET] = 8, [WS_COL_STEP] = 70, [WS_COL_EFFORT] = 10,
  };
  lxw_format *formats[N_WS_COLS];
  const char *headers[N_WS_COLS];
  double note_width = 0;

  for (guint c = 0; c < N_WS_COLS; c++)
    {
      formats[c] = c == WS_COL_QUESTION || c == WS_COL_STEP ? ex->book->f_wrap : ex->book->f_center;
      note_width += widths[c];
    }
  ems_xlsx_set_columns (ex->book, ws, widths, NULL, N_WS_COLS);

  ems_xlsx_write_title_and_note (ex->book, ws, ex->where_name, _("Where to start"),
                        _("The questions answered below the target level, in this order: critical questions answered 0 first, then the most points to gain ((target level − level) × weight), then the element with the largest gap, then the question number. Each comes with the next step its level calls for. The list is as exported: edits in the Answers sheet change the scores, not this list."),
                        N_WS_COLS - 1, note_width);

  headers[WS_COL_RANK] = C_("column heading: rank", "#");
  headers[WS_COL_ELEMENT] = _("Element");
  headers[WS_COL_ID] = _("Question");
  headers[WS_COL_QUESTION] = _("Question text");
  headers[WS_COL_LEVEL] = _("Level");
  headers[WS_COL_TARGET] = _("Target level");
  headers[WS_COL_STEP] = _("Next step");
  headers[WS_COL_EFFORT] = _("Effort");
  ems_xlsx_write_header_row (ex->book, ws, PLAN_ROW_HEADER, headers, N_WS_COLS, widths, NULL, 0);

  for (guint i = 0; i < steps->len; i++)
    {
      const EmsPlanStep *step = &g_array_index (steps, EmsPlanStep, i);
      lxw_row_t row = PLAN_ROW_HEADER + 1 + i;

      check (ex, worksheet_write_number (ws, row, WS_COL_RANK, i + 1, formats[WS_COL_RANK]), "rank");
      check (ex, worksheet_write_number (ws, row, WS_COL_ELEMENT, step->question->element,
                                         formats[WS_COL_ELEMENT]), "element");
      write_text (ex, ws, ex->where_name, row, WS_COL_ID, step->question->id, formats[WS_COL_ID]);
      write_text (ex, ws, ex->where_name, row, WS_COL_QUESTION, step->question->text, formats[WS_COL_QUESTION]);
      check (ex, worksheet_write_number (ws, row, WS_COL_LEVEL, step->level, formats[WS_COL_LEVEL]), "level");
      check (ex, worksheet_write_number (ws, row, WS_COL_TARGET, ex->scores->target_level,
                                         formats[WS_COL_TARGET]), "target");
      write_text (ex, ws, ex->where_name, row, WS_COL_STEP, step->text, formats[WS_COL_STEP]);
      if (step->text != NULL)
        check (ex, worksheet_write_string (ws, row, WS_COL_EFFORT, ems_effort_to_label (step->effort),
                                           formats[WS_COL_EFFORT]), "effort");
      fit_row (ex, ws, row, MAX (ems_xlsx_text_lines (step->question->text, widths[WS_COL_QUESTION]),
                                 ems_xlsx_text_lines (step->text, widths[WS_COL_STEP])));
    }

  if (steps->len == 0)
    write_text (ex, ws, ex->where_name, PLAN_ROW_HEADER + 1, WS_COL_QUESTION,
                _("No answered question is below the target level."), ex->book->f_wrap);

  {
    EmsXlsxSheetLayout layout = {
      .landscape = TRUE, .freeze_rows = PLAN_ROW_HEADER + 1,
      .filter = TRUE, .header_row = PLAN_ROW_HEADER, .last_row = PLAN_ROW_HEADER + steps->len,
      .last_col = N_WS_COLS - 1, .repeat_header = TRUE,
    };

    ems_xlsx_finish_sheet (ex->book, ws, &layout);
  }
}

/* ISO 14001 ---------------------------------------------------------------- */

enum {
  ISO_COL_CLAUSE,
  ISO_COL_TITLE,
  ISO_COL_SCORE,
  ISO_COL_BAND,
  ISO_COL_QUESTIONS,
  ISO_COL_ANSWERED,
  N_ISO_COLS
};

static gboolean
cites (const EmsQuestion *question,
       const char        *clause)
{
  for (guint c = 0; question->iso_clauses != NULL && question->iso_clauses[c] != NULL; c++)
    if (strcmp (question->iso_clauses[c], clause) == 0)
      return TRUE;

  return FALSE;
}

/* The Answers cells of @col in the rows that cite @clause, as arguments
 * of a function: "'Answers'!$P$2,'Answers'!$P$7:$P$9"; NULL when there
 * are more than a function takes. Rows next to each other make a range. */
static char *
clause_references (EmsXlsxExport *ex,
                   GArray        *rows,
                   lxw_col_t      col)
{
  g_autoptr(GString) refs = g_string_new (NULL);
  guint n_args = 0;

  for (guint i = 0; i < rows->len;)
    {
      guint first = g_array_index (rows, guint, i);
      guint last = first;
      char a[LXW_MAX_CELL_NAME_LENGTH];

      while (i + 1 < rows->len && g_array_index (rows, guint, i + 1) == last + 1)
        last = g_array_index (rows, guint, ++i);
      i++;

      if (++n_args > MAX_FORMULA_ARGS)
        return NULL;
      if (refs->len > 0)
        g_string_append_c (refs, ',');
      lxw_rowcol_to_cell_abs (a, first, col, TRUE, TRUE);
      g_string_append_printf (refs, "%s%s", ex->answers_ref, a);
      if (last != first)
        {
          lxw_rowcol_to_cell_abs (a, last, col, TRUE, TRUE);
          g_string_append_printf (refs, ":%s", a);
        }
    }

  return g_string_free (g_steal_pointer (&refs), FALSE);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  guint ra = *(const guint *) a;
  guint rb = *(const guint *) b;

  return ra < rb ? -1 : ra > rb;
}

/* The Answers rows (0-based, ascending) of the questions citing @clause */
static GArray *
clause_rows (EmsXlsxExport *ex,
             const char    *clause)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < ems_checklist_get_n_questions (ex->checklist); i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (ex->checklist, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (ex->question_rows, question->id));

      if (row > 0 && cites (question, clause))
        {
          guint answers_row = row - 1;

          g_array_append_val (rows, answers_row);
        }
    }
  g_array_sort (rows, compare_rows);

  return rows;
}

void
ems_xlsx_write_iso14001 (EmsXlsxExport *ex)
{
  lxw_worksheet *ws = ex->iso14001;
  g_autoptr(GArray) clauses = ems_plan_iso14001_readiness (ex->assessment);
  static const double widths[N_ISO_COLS] = {
    [ISO_COL_CLAUSE] = 9, [ISO_COL_TITLE] = 50, [ISO_COL_SCORE] = 11, [ISO_COL_BAND] = 11,
    [ISO_COL_QUESTIONS] = 12, [ISO_COL_ANSWERED] = 12,
  };
  const char *headers[N_ISO_COLS];
  lxw_row_t last_row = PLAN_ROW_HEADER + MAX (clauses->len, 1);
  double note_width = 0;
  char first_score[LXW_MAX_CELL_NAME_LENGTH];

  for (guint c = 0; c < N_ISO_COLS; c++)
    note_width += widths[c];
  ems_xlsx_set_columns (ex->book, ws, widths, NULL, N_ISO_COLS);

  ems_xlsx_write_title_and_note (ex->book, ws, ex->iso_name, _("ISO 14001:2015 readiness"),
                        _("An estimate of how far the answers go towards ISO 14001:2015, not a certification audit. Each clause the checklist's questions cite is scored by the element rule over the answered, applicable questions that cite it; clauses no question covers are not assessed by this checklist. Clause numbers and short titles only: the standard's text is not reproduced."),
                        N_ISO_COLS - 1, note_width);

  headers[ISO_COL_CLAUSE] = _("Clause");
  headers[ISO_COL_TITLE] = _("Title");
  headers[ISO_COL_SCORE] = _("Score (%)");
  headers[ISO_COL_BAND] = _("Band");
  headers[ISO_COL_QUESTIONS] = _("Questions citing it");
  headers[ISO_COL_ANSWERED] = _("Answered with a level");
  ems_xlsx_write_header_row (ex->book, ws, PLAN_ROW_HEADER, headers, N_ISO_COLS, widths, NULL, 0);

  for (guint i = 0; i < clauses->len; i++)
    {
      const EmsClauseReadiness *readiness = &g_array_index (clauses, EmsClauseReadiness, i);
      lxw_row_t row = PLAN_ROW_HEADER + 1 + i;
      g_autoptr(GArray) rows = clause_rows (ex, readiness->clause);
      g_autofree char *points = clause_references (ex, rows, COL_POINTS);
      g_autofree char *possible = clause_references (ex, rows, COL_MAX_POINTS);
      g_autofree char *levels = clause_references (ex, rows, COL_LEVEL);
      g_autofree char *formula = NULL;
      char score_cell[LXW_MAX_CELL_NAME_LENGTH];

      write_text (ex, ws, ex->iso_name, row, ISO_COL_CLAUSE, readiness->clause, ex->book->f_center);
      write_text (ex, ws, ex->iso_name, row, ISO_COL_TITLE, readiness->title, ex->book->f_wrap);
      fit_row (ex, ws, row, ems_xlsx_text_lines (readiness->title, widths[ISO_COL_TITLE]));
      check (ex, worksheet_write_number (ws, row, ISO_COL_QUESTIONS, readiness->n_questions,
                                         ex->book->f_center), "questions");

      if (readiness->n_questions == 0)
        {
          /* Shown as such: a blank score would read as "no answer yet" */
          check (ex, worksheet_merge_range (ws, row, ISO_COL_SCORE, row, ISO_COL_BAND, "",
                                            ex->book->f_subtitle), "merge");
          check (ex, worksheet_write_string (ws, row, ISO_COL_SCORE, _("Not assessed by this checklist"),
                                             ex->book->f_subtitle), "not assessed");
          continue;
        }

      if (points != NULL && possible != NULL && levels != NULL)
        {
          formula = g_strdup_printf ("=IF(SUM(%s)=0,\"\",100*SUM(%s)/SUM(%s))", possible, points, possible);
          if (readiness->has_score)
            check (ex, worksheet_write_formula_num (ws, row, ISO_COL_SCORE, formula, ex->book->f_score,
                                                    readiness->score), "clause score");
          else
            check (ex, worksheet_write_formula_str (ws, row, ISO_COL_SCORE, formula, ex->book->f_score, ""),
                   "clause score");
          g_clear_pointer (&formula, g_free);

          formula = g_strdup_printf ("=COUNT(%s)", levels);
          check (ex, worksheet_write_formula_num (ws, row, ISO_COL_ANSWERED, formula, ex->book->f_center,
                                                  readiness->n_answered), "answered");
          g_clear_pointer (&formula, g_free);
        }
      else
        {
          /* More scattered rows than a formula takes (not with the
           * bundled checklist): the values alone */
          if (readiness->has_score)
            check (ex, worksheet_write_number (ws, row, ISO_COL_SCORE, readiness->score, ex->book->f_score),
                   "clause score");
          check (ex, worksheet_write_number (ws, row, ISO_COL_ANSWERED, readiness->n_answered,
                                             ex->book->f_center), "answered");
        }

      lxw_rowcol_to_cell (score_cell, row, ISO_COL_SCORE);
      formula = ems_xlsx_band_formula (score_cell);
      check (ex, worksheet_write_formula_str (ws, row, ISO_COL_BAND, formula, ex->book->f_center,
                                              readiness->has_score ? ems_band_to_label (readiness->band) : ""),
             "band");
    }

  lxw_rowcol_to_cell_abs (first_score, PLAN_ROW_HEADER + 1, ISO_COL_SCORE, FALSE, TRUE);
  ems_xlsx_band_formats (ex->book, ws, PLAN_ROW_HEADER + 1, ISO_COL_SCORE, last_row, ISO_COL_BAND, first_score);

  {
    EmsXlsxSheetLayout layout = {
      .freeze_rows = PLAN_ROW_HEADER + 1,
      .filter = TRUE, .header_row = PLAN_ROW_HEADER, .last_row = last_row,
      .last_col = N_ISO_COLS - 1, .repeat_header = TRUE,
    };

    ems_xlsx_finish_sheet (ex->book, ws, &layout);
  }
}
