/* ems-xlsx.c: the assessment as a spreadsheet workbook (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Six sheets: Summary (profile, scores as formulas over Answers, charts),
 * Answers (one row per question, the level column editable), Actions
 * (those two in ems-xlsx-answers.c), Where to start and ISO 14001 (in
 * ems-xlsx-plan.c, from ems-plan.h), and Method. The order puts the
 * results and their inputs first, then what to do about them, then how
 * they are computed. The formulas implement the scoring rule of the
 * domain brief in plain A1 references (LibreOffice 7.4 cannot evaluate
 * structured references) as plain sums and counts over the Answers
 * sheet's Points columns (Gnumeric does not evaluate an array expression
 * inside SUMPRODUCT), and carry the values ems_scores_compute() gives, so
 * every reader shows the right numbers before recalculating. What both workbooks share is in
 * ems-xlsx-book.c and ems-xlsx-text.c.
 */

#define G_LOG_DOMAIN "ems-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-error.h"
#include "ems-xlsx.h"
#include "ems-xlsx-assessment-private.h"

static void
export_clear (EmsXlsxExport *ex)
{
  g_clear_pointer (&ex->scores, ems_scores_free);
  g_clear_pointer (&ex->summary_name, g_free);
  g_clear_pointer (&ex->answers_name, g_free);
  g_clear_pointer (&ex->actions_name, g_free);
  g_clear_pointer (&ex->method_name, g_free);
  g_clear_pointer (&ex->where_name, g_free);
  g_clear_pointer (&ex->iso_name, g_free);
  g_clear_pointer (&ex->answers_ref, g_free);
  g_clear_pointer (&ex->method_ref, g_free);
  g_clear_pointer (&ex->first_row, g_free);
  g_clear_pointer (&ex->last_row, g_free);
  g_clear_pointer (&ex->question_rows, g_hash_table_unref);
}

/* The assessment workbook ------------------------------------------------ */

static void
band_conditional_formats (EmsXlsxExport *ex,
                          lxw_row_t      first_row,
                          lxw_row_t      last_row,
                          lxw_col_t      first_col,
                          lxw_col_t      last_col,
                          lxw_col_t      score_col)
{
  char c[LXW_MAX_CELL_NAME_LENGTH];

  /* Relative row, absolute column ("$C19"), except for the overall score
   * and band, which both test the overall score ("$C$14") */
  lxw_rowcol_to_cell_abs (c, first_row, score_col, first_row == SUM_ROW_OVERALL, TRUE);
  ems_xlsx_band_formats (ex->book, ex->summary, first_row, first_col, last_row, last_col, c);
}

static void
plan_answer_rows (EmsXlsxExport *ex)
{
  guint n_elements = ems_checklist_get_n_elements (ex->checklist);
  guint row = 1;

  ex->first_row = g_new0 (guint, n_elements + 1);
  ex->last_row = g_new0 (guint, n_elements + 1);
  ex->question_rows = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint e = 1; e <= n_elements; e++)
    {
      const EmsElement *element = ems_checklist_get_element (ex->checklist, e);

      for (guint i = 0; i < element->n_questions; i++)
        g_hash_table_insert (ex->question_rows, element->questions[i]->id, GUINT_TO_POINTER (row + i + 1));
      ex->first_row[e] = row;
      row += element->n_questions;
      ex->last_row[e] = row - 1;   /* first > last when empty */
    }

  ex->n_answer_rows = row - 1;
}

/* "'Answers'!$E$2:$E$6" */
static char *
answers_range (EmsXlsxExport *ex,
               guint          element,
               lxw_col_t      col)
{
  char first[LXW_MAX_CELL_NAME_LENGTH];
  char last[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (first, ex->first_row[element], col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last, ex->last_row[element], col, TRUE, TRUE);

  return g_strdup_printf ("%s%s:%s", ex->answers_ref, first, last);
}

static char *
answers_all_range (EmsXlsxExport *ex,
                   lxw_col_t      col)
{
  char first[LXW_MAX_CELL_NAME_LENGTH];
  char last[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (first, 1, col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last, MAX (ex->n_answer_rows, 1), col, TRUE, TRUE);

  return g_strdup_printf ("%s%s:%s", ex->answers_ref, first, last);
}

/* Summary ---------------------------------------------------------------- */

static void
write_profile_row (EmsXlsxExport *ex,
                   lxw_row_t      row,
                   const char    *label,
                   const char    *value)
{
  /* The value spans the table's columns C to H and wraps, so a long name
   * neither runs under the charts nor shrinks the printed page */
  check (ex, worksheet_write_string (ex->summary, row, SUM_COL_NUMBER, label, ex->book->f_label), "label");
  check (ex, worksheet_merge_range (ex->summary, row, SUM_COL_SCORE, row, SUM_COL_RED_FLAG, "",
                                    ex->book->f_wrap), "merge");
  write_text (ex, ex->summary, ex->summary_name, row, SUM_COL_SCORE, value, ex->book->f_wrap);
  fit_row (ex, ex->summary, row, ems_xlsx_text_lines (value, SUM_VALUE_WIDTH));
}

static void
write_summary (EmsXlsxExport *ex)
{
  lxw_worksheet *ws = ex->summary;
  EmsAssessment *a = ex->assessment;
  EmsScores *scores = ex->scores;
  guint n_elements = ems_checklist_get_n_elements (ex->checklist);
  lxw_row_t last_element_row = SUM_ROW_FIRST_ELEMENT + MAX (n_elements, 1) - 1;
  char target_cell[LXW_MAX_CELL_NAME_LENGTH];
  char level_cell[LXW_MAX_CELL_NAME_LENGTH];
  char first_score[LXW_MAX_CELL_NAME_LENGTH];
  char last_score[LXW_MAX_CELL_NAME_LENGTH];
  char last_flag[LXW_MAX_CELL_NAME_LENGTH];
  char first_flag[LXW_MAX_CELL_NAME_LENGTH];
  g_autofree char *formula = NULL;
  g_autofree char *levels = NULL;
  g_autofree char *yes = ems_xlsx_formula_string (ex->yes);
  const char *headers[N_SUM_COLS];
  guint n_flags = 0;

  check (ex, worksheet_set_column (ws, SUM_COL_NUMBER, SUM_COL_NUMBER, SUM_WIDTH_NUMBER, NULL), "column");
  check (ex, worksheet_set_column (ws, SUM_COL_TITLE, SUM_COL_TITLE, SUM_WIDTH_TITLE, NULL), "column");
  check (ex, worksheet_set_column (ws, SUM_COL_SCORE, SUM_COL_RED_FLAG, SUM_WIDTH_FIGURE, NULL), "column");
  check (ex, worksheet_set_column (ws, N_SUM_COLS, N_SUM_COLS, 3, NULL), "column");
  {
    /* One landscape page */
    EmsXlsxSheetLayout layout = { .landscape = TRUE, .fit_height = 1, .hide_zero = TRUE };

    ems_xlsx_finish_sheet (ex->book, ws, &layout);
  }

  check (ex, worksheet_write_string (ws, SUM_ROW_TITLE, 0,
                                     _("Environmental management self-assessment"),
                                     ex->book->f_title), "title");
  check (ex, worksheet_set_row (ws, SUM_ROW_TITLE, 22, NULL), "row");
  check (ex, worksheet_write_string (ws, SUM_ROW_SUBTITLE, 0,
                                     _("The 10 Elements of an effective environmental management system (CEC, 2000)"),
                                     ex->book->f_subtitle), "subtitle");

  /* Profile */
  write_profile_row (ex, SUM_ROW_PROFILE + 0, _("Organisation"), ems_assessment_get_name (a));
  write_profile_row (ex, SUM_ROW_PROFILE + 1, _("Site"), ems_assessment_get_site (a));
  write_profile_row (ex, SUM_ROW_PROFILE + 2, _("Sector"), ems_assessment_get_sector (a));
  check (ex, worksheet_write_string (ws, SUM_ROW_PROFILE + 3, 0, _("Employees"), ex->book->f_label), "label");
  if (ems_assessment_get_employees (a) >= 0)
    check (ex, worksheet_write_number (ws, SUM_ROW_PROFILE + 3, SUM_COL_SCORE,
                                       ems_assessment_get_employees (a), ex->book->f_integer), "employees");
  write_profile_row (ex, SUM_ROW_PROFILE + 4, _("Country"), ems_assessment_get_country (a));
  write_profile_row (ex, SUM_ROW_PROFILE + 5, _("Assessor"), ems_assessment_get_assessor (a));
  check (ex, worksheet_write_string (ws, SUM_ROW_PROFILE + 6, 0, _("Assessed on"), ex->book->f_label), "label");
  write_date_or_text (ex, ws, ex->summary_name, SUM_ROW_PROFILE + 6, SUM_COL_SCORE,
                      ems_assessment_get_assessed_on (a), ex->book->f_date, ex->book->f_text);

  /* Target: the level is an input, the percent follows it */
  check (ex, worksheet_write_string (ws, SUM_ROW_TARGET_LEVEL, 0, _("Target level (0–4)"), ex->book->f_label), "label");
  check (ex, worksheet_write_number (ws, SUM_ROW_TARGET_LEVEL, SUM_COL_SCORE,
                                     scores->target_level, ex->book->f_input), "target level");
  {
    lxw_data_validation dv = { 0 };

    dv.validate = LXW_VALIDATION_TYPE_INTEGER;
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_number = 0;
    dv.maximum_number = EMS_LEVEL_MAX;
    ems_xlsx_add_validation (ex->book, ws, SUM_ROW_TARGET_LEVEL, SUM_COL_SCORE,
                             SUM_ROW_TARGET_LEVEL, SUM_COL_SCORE, &dv);
  }
  lxw_rowcol_to_cell (level_cell, SUM_ROW_TARGET_LEVEL, SUM_COL_SCORE);
  check (ex, worksheet_write_string (ws, SUM_ROW_TARGET, 0, _("Target score"), ex->book->f_label), "label");
  formula = g_strdup_printf ("=25*%s", level_cell);
  check (ex, worksheet_write_formula_num (ws, SUM_ROW_TARGET, SUM_COL_SCORE, formula,
                                          ex->book->f_score_big, scores->target), "target");
  g_clear_pointer (&formula, g_free);
  lxw_rowcol_to_cell_abs (target_cell, SUM_ROW_TARGET, SUM_COL_SCORE, TRUE, TRUE);

  /* Overall */
  lxw_rowcol_to_cell_abs (first_score, SUM_ROW_FIRST_ELEMENT, SUM_COL_SCORE, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last_score, last_element_row, SUM_COL_SCORE, TRUE, TRUE);
  check (ex, worksheet_write_string (ws, SUM_ROW_OVERALL, 0, _("Overall score"), ex->book->f_label), "label");
  formula = g_strdup_printf ("=IF(COUNT(%s:%s)=0,\"\",AVERAGE(%s:%s))",
                             first_score, last_score, first_score, last_score);
  if (scores->has_overall)
    check (ex, worksheet_write_formula_num (ws, SUM_ROW_OVERALL, SUM_COL_SCORE, formula,
                                            ex->book->f_score_big, scores->overall), "overall");
  else
    check (ex, worksheet_write_formula_str (ws, SUM_ROW_OVERALL, SUM_COL_SCORE, formula,
                                            ex->book->f_score_big, ""), "overall");
  g_clear_pointer (&formula, g_free);

  check (ex, worksheet_write_string (ws, SUM_ROW_BAND, 0, _("Band"), ex->book->f_label), "label");
  {
    char overall_cell[LXW_MAX_CELL_NAME_LENGTH];

    lxw_rowcol_to_cell (overall_cell, SUM_ROW_OVERALL, SUM_COL_SCORE);
    formula = ems_xlsx_band_formula (overall_cell);
    check (ex, worksheet_write_formula_str (ws, SUM_ROW_BAND, SUM_COL_SCORE, formula, ex->book->f_label,
                                            scores->has_overall ? ems_band_to_label (scores->band) : ""),
           "band");
    g_clear_pointer (&formula, g_free);
  }

  check (ex, worksheet_write_string (ws, SUM_ROW_COVERAGE, 0, _("Coverage (answered or N/A)"), ex->book->f_label), "label");
  levels = answers_all_range (ex, COL_LEVEL);
  formula = g_strdup_printf ("=IF(ROWS(%s)=0,0,COUNTA(%s)/ROWS(%s))", levels, levels, levels);
  check (ex, worksheet_write_formula_num (ws, SUM_ROW_COVERAGE, SUM_COL_SCORE, formula,
                                          ex->book->f_percent_left, scores->coverage), "coverage");
  g_clear_pointer (&formula, g_free);

  /* Elements table */
  headers[SUM_COL_NUMBER] = C_("column heading: element number", "#");
  headers[SUM_COL_TITLE] = _("Element");
  headers[SUM_COL_SCORE] = _("Score (%)");
  headers[SUM_COL_TARGET] = _("Target (%)");
  headers[SUM_COL_GAP] = _("Gap");
  headers[SUM_COL_BAND] = _("Band");
  headers[SUM_COL_COVERAGE] = _("Coverage");
  headers[SUM_COL_RED_FLAG] = _("Red flag");
  for (guint c = 0; c < N_SUM_COLS; c++)
    check (ex, worksheet_write_string (ws, SUM_ROW_HEADER, c, headers[c], ex->book->f_header), "header");
  check (ex, worksheet_set_row (ws, SUM_ROW_HEADER, 30, NULL), "row");

  for (guint e = 1; e <= n_elements; e++)
    {
      const EmsElement *element = ems_checklist_get_element (ex->checklist, e);
      const EmsElementScore *es = &scores->elements[e - 1];
      lxw_row_t row = SUM_ROW_FIRST_ELEMENT + e - 1;
      char score_cell[LXW_MAX_CELL_NAME_LENGTH];
      char target_here[LXW_MAX_CELL_NAME_LENGTH];

      lxw_rowcol_to_cell (score_cell, row, SUM_COL_SCORE);
      lxw_rowcol_to_cell (target_here, row, SUM_COL_TARGET);

      check (ex, worksheet_write_number (ws, row, SUM_COL_NUMBER, element->number, ex->book->f_center), "number");
      write_text (ex, ws, ex->summary_name, row, SUM_COL_TITLE, element->title, NULL);

      if (element->n_questions == 0)
        {
          check (ex, worksheet_write_string (ws, row, SUM_COL_SCORE, "", NULL), "score");
        }
      else
        {
          g_autofree char *lv = answers_range (ex, e, COL_LEVEL);
          g_autofree char *pts = answers_range (ex, e, COL_POINTS);
          g_autofree char *max = answers_range (ex, e, COL_MAX_POINTS);
          g_autofree char *cr = answers_range (ex, e, COL_CRITICAL);

          /* Element score = 100 × Σ(w·level) / Σ(4·w) over answered,
           * applicable questions: the Points columns are filled for the
           * questions answered with a level only. Empty when there is
           * none. */
          formula = g_strdup_printf ("=IF(SUM(%s)=0,\"\",100*SUM(%s)/SUM(%s))", max, pts, max);
          if (es->has_score)
            check (ex, worksheet_write_formula_num (ws, row, SUM_COL_SCORE, formula,
                                                    ex->book->f_score, es->score), "score");
          else
            check (ex, worksheet_write_formula_str (ws, row, SUM_COL_SCORE, formula,
                                                    ex->book->f_score, ""), "score");
          g_clear_pointer (&formula, g_free);

          formula = g_strdup_printf ("=COUNTA(%s)/ROWS(%s)", lv, lv);
          check (ex, worksheet_write_formula_num (ws, row, SUM_COL_COVERAGE, formula,
                                                  ex->book->f_percent, es->coverage), "coverage");
          g_clear_pointer (&formula, g_free);

          /* Red flag: a critical question answered 0 */
          /* A numeric criterion: an empty or N/A level is not 0 */
          formula = g_strdup_printf ("=IF(COUNTIFS(%s,%s,%s,0)>0,%s,\"\")", cr, yes, lv, yes);
          check (ex, worksheet_write_formula_str (ws, row, SUM_COL_RED_FLAG, formula, ex->book->f_flag,
                                                  es->red_flag ? ex->yes : ""), "red flag");
          g_clear_pointer (&formula, g_free);
          if (es->red_flag)
            n_flags++;
        }

      formula = g_strdup_printf ("=%s", target_cell);
      check (ex, worksheet_write_formula_num (ws, row, SUM_COL_TARGET, formula,
                                              ex->book->f_score, scores->target), "target");
      g_clear_pointer (&formula, g_free);

      formula = g_strdup_printf ("=IF(ISNUMBER(%s),MAX(0,%s-%s),\"\")",
                                 score_cell, target_here, score_cell);
      if (es->has_score)
        check (ex, worksheet_write_formula_num (ws, row, SUM_COL_GAP, formula,
                                                ex->book->f_score, es->gap), "gap");
      else
        check (ex, worksheet_write_formula_str (ws, row, SUM_COL_GAP, formula,
                                                ex->book->f_score, ""), "gap");
      g_clear_pointer (&formula, g_free);

      formula = ems_xlsx_band_formula (score_cell);
      check (ex, worksheet_write_formula_str (ws, row, SUM_COL_BAND, formula, ex->book->f_center,
                                              es->has_score ? ems_band_to_label (es->band) : ""),
             "band");
      g_clear_pointer (&formula, g_free);
    }

  /* Elements with a red flag */
  lxw_rowcol_to_cell_abs (first_flag, SUM_ROW_FIRST_ELEMENT, SUM_COL_RED_FLAG, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last_flag, last_element_row, SUM_COL_RED_FLAG, TRUE, TRUE);
  check (ex, worksheet_write_string (ws, SUM_ROW_RED_FLAGS, 0, _("Elements with a red flag"), ex->book->f_label), "label");
  formula = g_strdup_printf ("=COUNTIF(%s:%s,%s)", first_flag, last_flag, yes);
  check (ex, worksheet_write_formula_num (ws, SUM_ROW_RED_FLAGS, SUM_COL_SCORE, formula,
                                          ex->book->f_integer, n_flags), "red flags");
  g_clear_pointer (&formula, g_free);

  band_conditional_formats (ex, SUM_ROW_FIRST_ELEMENT, last_element_row,
                            SUM_COL_SCORE, SUM_COL_SCORE, SUM_COL_SCORE);
  band_conditional_formats (ex, SUM_ROW_FIRST_ELEMENT, last_element_row,
                            SUM_COL_BAND, SUM_COL_BAND, SUM_COL_SCORE);
  /* The overall score and its band both follow the overall score */
  band_conditional_formats (ex, SUM_ROW_OVERALL, SUM_ROW_BAND,
                            SUM_COL_SCORE, SUM_COL_SCORE, SUM_COL_SCORE);
}

static void
write_charts (EmsXlsxExport *ex)
{
  guint n_elements = ems_checklist_get_n_elements (ex->checklist);
  lxw_row_t first = SUM_ROW_FIRST_ELEMENT;
  lxw_row_t last = SUM_ROW_FIRST_ELEMENT + MAX (n_elements, 1) - 1;
  lxw_chart *radar, *bars;
  lxw_chart_series *series;
  lxw_chart_line score_line = { .color = 0x2E6B57, .width = 2.25 };
  lxw_chart_fill score_fill = { .color = 0x2E6B57, .transparency = 75 };
  lxw_chart_line target_line = { .color = 0xC55A11, .width = 1.5, .dash_type = LXW_CHART_LINE_DASH_DASH };
  lxw_chart_fill gap_fill = { .color = 0xC55A11 };
  lxw_chart_font axis_font = { .size = 9 };
  lxw_chart_options radar_options = { .x_offset = 10, .y_offset = 5, .x_scale = 1.25, .y_scale = 1.45 };
  lxw_chart_options bar_options = { .x_offset = 10, .y_offset = 5, .x_scale = 1.25, .y_scale = 1.2 };

  /* Radar: scores against the target, per element number */
  radar = workbook_add_chart (ex->book->workbook, LXW_CHART_RADAR_FILLED);
  chart_title_set_name (radar, _("Scores against target"));

  series = chart_add_series (radar, NULL, NULL);
  chart_series_set_categories (series, ex->summary_name, first, SUM_COL_NUMBER, last, SUM_COL_NUMBER);
  chart_series_set_values (series, ex->summary_name, first, SUM_COL_SCORE, last, SUM_COL_SCORE);
  chart_series_set_name_range (series, ex->summary_name, SUM_ROW_HEADER, SUM_COL_SCORE);
  chart_series_set_line (series, &score_line);
  chart_series_set_fill (series, &score_fill);

  series = chart_add_series (radar, NULL, NULL);
  chart_series_set_categories (series, ex->summary_name, first, SUM_COL_NUMBER, last, SUM_COL_NUMBER);
  chart_series_set_values (series, ex->summary_name, first, SUM_COL_TARGET, last, SUM_COL_TARGET);
  chart_series_set_name_range (series, ex->summary_name, SUM_ROW_HEADER, SUM_COL_TARGET);
  chart_series_set_line (series, &target_line);
  {
    lxw_chart_fill none = { .none = LXW_TRUE };

    chart_series_set_fill (series, &none);
  }

  chart_axis_set_min (radar->y_axis, 0);
  chart_axis_set_max (radar->y_axis, 100);
  chart_axis_set_major_unit (radar->y_axis, 25);
  chart_axis_set_num_font (radar->y_axis, &axis_font);
  chart_axis_set_num_font (radar->x_axis, &axis_font);
  chart_legend_set_position (radar, LXW_CHART_LEGEND_BOTTOM);
  check (ex, worksheet_insert_chart_opt (ex->summary, 0, N_SUM_COLS + 1, radar, &radar_options), "radar");

  /* Bars: the gap to target per element, element 1 at the top */
  bars = workbook_add_chart (ex->book->workbook, LXW_CHART_BAR);
  chart_title_set_name (bars, _("Gap to target (percentage points)"));
  series = chart_add_series (bars, NULL, NULL);
  chart_series_set_categories (series, ex->summary_name, first, SUM_COL_TITLE, last, SUM_COL_TITLE);
  chart_series_set_values (series, ex->summary_name, first, SUM_COL_GAP, last, SUM_COL_GAP);
  chart_series_set_name_range (series, ex->summary_name, SUM_ROW_HEADER, SUM_COL_GAP);
  chart_series_set_fill (series, &gap_fill);
  chart_series_set_labels (series);
  chart_series_set_labels_num_format (series, "0.0");
  /* In a bar chart x_axis is the (horizontal) value axis */
  chart_axis_set_reverse (bars->y_axis);
  chart_axis_set_min (bars->x_axis, 0);
  chart_axis_set_max (bars->x_axis, 100);
  chart_axis_set_major_unit (bars->x_axis, 25);
  chart_axis_set_num_font (bars->x_axis, &axis_font);
  chart_axis_set_num_font (bars->y_axis, &axis_font);
  chart_legend_set_position (bars, LXW_CHART_LEGEND_NONE);
  check (ex, worksheet_insert_chart_opt (ex->summary, 23, N_SUM_COLS + 1, bars, &bar_options), "bars");
}

static void
set_properties (EmsXlsxExport *ex)
{
  EmsAssessment *a = ex->assessment;
  const char *name = ems_assessment_get_name (a);
  g_autofree char *title = NULL;
  g_autofree char *hash = NULL;
  gboolean from_file;
  lxw_doc_properties props = { 0 };

  if (name != NULL && name[0] != '\0')
    /* Translators: the document title; %s is the organisation */
    title = g_strdup_printf (_("Environmental self-assessment: %s"), name);
  else
    title = g_strdup (_("Environmental self-assessment"));

  props.title = title;
  props.subject = (char *) _("Self-assessment against the 10 Elements of an effective environmental management system (CEC)");
  props.author = (char *) ems_assessment_get_assessor (a);
  props.company = (char *) name;
  props.category = (char *) _("Environmental management");
  /* Translators: document keywords, separated by commas */
  props.keywords = (char *) _("EMS, environmental management system, 10 Elements, CEC, self-assessment, ISO 14001");
  props.comments = (char *) _("Exported by Ten Elements");
  props.created = g_date_time_to_unix (ex->export_time);
  ems_xlsx_set_properties (ex->book, &props, ex->checklist);

  if (ex->scores->has_overall)
    check (ex, workbook_set_custom_property_number (ex->book->workbook, "EMS overall score",
                                                    ex->scores->overall), "custom");
  hash = ems_xlsx_source_hash (ex, &from_file);
  ems_xlsx_set_custom_string (ex->book, "EMS source SHA-256", hash);
}

static gboolean
build_workbook (EmsXlsxBook  *book,
                gpointer      user_data,
                GError      **error)
{
  EmsXlsxExport *ex = user_data;

  ex->book = book;

  ex->summary = ems_xlsx_add_sheet (book, C_("sheet name", "Summary"), "Summary", &ex->summary_name);
  ex->answers = ems_xlsx_add_sheet (book, C_("sheet name", "Answers"), "Answers", &ex->answers_name);
  ex->actions = ems_xlsx_add_sheet (book, C_("sheet name", "Actions"), "Actions", &ex->actions_name);
  ex->where_to_start = ems_xlsx_add_sheet (book, C_("sheet name", "Where to start"), "Where to start",
                                           &ex->where_name);
  ex->iso14001 = ems_xlsx_add_sheet (book, C_("sheet name", "ISO 14001"), "ISO 14001", &ex->iso_name);
  ex->method = ems_xlsx_add_sheet (book, C_("sheet name", "Method"), "Method", &ex->method_name);

  if (ex->summary == NULL || ex->answers == NULL || ex->actions == NULL
      || ex->where_to_start == NULL || ex->iso14001 == NULL || ex->method == NULL)
    {
      /* Only when two translations collide: fall back to English */
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Could not name the sheets of the workbook"));
      return FALSE;
    }

  ex->answers_ref = ems_xlsx_sheet_ref (ex->answers_name);
  ex->method_ref = ems_xlsx_sheet_ref (ex->method_name);

  plan_answer_rows (ex);
  ems_xlsx_write_answers (ex);
  ems_xlsx_write_actions (ex);
  ems_xlsx_write_where_to_start (ex);
  ems_xlsx_write_iso14001 (ex);
  write_summary (ex);
  write_charts (ex);
  ems_xlsx_write_method (ex);
  set_properties (ex);
  worksheet_activate (ex->summary);

  return TRUE;
}

gboolean
ems_xlsx_export_full (EmsAssessment  *assessment,
                      GBytes         *source,
                      GDateTime      *export_time,
                      const char     *path,
                      char         ***warnings,
                      GError        **error)
{
  EmsXlsxExport ex = { 0 };
  g_autoptr(GDateTime) now = NULL;
  gboolean ok;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (warnings == NULL || *warnings == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (export_time == NULL)
    export_time = now = g_date_time_new_now_local ();

  ex.assessment = assessment;
  ex.checklist = ems_assessment_get_checklist (assessment);
  ex.scores = ems_scores_compute (assessment);
  ex.source = source;
  ex.export_time = export_time;

  /* Translations first, in the user's locale */
  /* Translators: short mark for "not applicable" in the level column */
  ex.na_token = _("N/A");
  ex.yes = _("Yes");
  ex.no = _("No");

  ok = ems_xlsx_write_atomic (path, build_workbook, &ex, warnings, error);

  export_clear (&ex);

  return ok;
}

gboolean
ems_xlsx_export (EmsAssessment  *assessment,
                 GBytes         *source,
                 GDateTime      *export_time,
                 const char     *path,
                 GError        **error)
{
  return ems_xlsx_export_full (assessment, source, export_time, path, NULL, error);
}
