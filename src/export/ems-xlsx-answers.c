/* ems-xlsx-answers.c: the Answers, Actions and Method sheets of the
 * assessment workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ems-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-xlsx-assessment-private.h"

/* Answers ---------------------------------------------------------------- */

static char *
join_refs (char **refs)
{
  if (refs == NULL)
    return NULL;
  return g_strjoinv (", ", refs);
}

void
ems_xlsx_write_answers (EmsXlsxExport *ex)
{
  lxw_worksheet *ws = ex->answers;
  guint n_elements = ems_checklist_get_n_elements (ex->checklist);
  const char *headers[N_ANSWER_COLS];
  lxw_format *colfmt[N_ANSWER_COLS];
  static const double widths[N_ANSWER_COLS] = {
    [COL_ELEMENT] = 8, [COL_ELEMENT_TITLE] = 24, [COL_ID] = 8,
    [COL_QUESTION] = 55, [COL_LEVEL] = 8, [COL_MEANING] = 40, [COL_NA] = 6,
    [COL_NA_REASON] = 28, [COL_NOTE] = 40, [COL_EVIDENCE] = 40,
    [COL_WEIGHT] = 8, [COL_CRITICAL] = 9, [COL_ISO] = 14, [COL_EPA] = 11,
    [COL_POINTS] = 8, [COL_MAX_POINTS] = 9,
  };
  g_autofree char *na = ems_xlsx_formula_string (ex->na_token);
  g_autofree char *yes = ems_xlsx_formula_string (ex->yes);
  char label_first[LXW_MAX_CELL_NAME_LENGTH];
  char label_last[LXW_MAX_CELL_NAME_LENGTH];
  char meaning_first[LXW_MAX_CELL_NAME_LENGTH];
  char meaning_last[LXW_MAX_CELL_NAME_LENGTH];
  char label_na[LXW_MAX_CELL_NAME_LENGTH];
  char meaning_na[LXW_MAX_CELL_NAME_LENGTH];
  g_autofree char *na_meaning = NULL;
  lxw_row_t row = 1;

  headers[COL_ELEMENT] = _("Element");
  headers[COL_ELEMENT_TITLE] = _("Element title");
  headers[COL_ID] = _("Question");
  headers[COL_QUESTION] = _("Question text");
  headers[COL_LEVEL] = _("Level");
  headers[COL_MEANING] = _("Level meaning");
  headers[COL_NA] = _("N/A");
  headers[COL_NA_REASON] = _("N/A reason");
  headers[COL_NOTE] = _("Note");
  headers[COL_EVIDENCE] = _("Evidence");
  headers[COL_WEIGHT] = _("Weight");
  headers[COL_CRITICAL] = _("Critical");
  headers[COL_ISO] = _("ISO 14001 clauses");
  headers[COL_EPA] = _("EPA CFEMS elements");
  /* Translators: Answers column: weight × level of a question answered with a level */
  headers[COL_POINTS] = _("Points");
  /* Translators: Answers column: 4 × weight of a question answered with a level */
  headers[COL_MAX_POINTS] = _("Possible points");

  for (guint c = 0; c < N_ANSWER_COLS; c++)
    {
      lxw_format *f;

      if (c == COL_ELEMENT_TITLE || c == COL_QUESTION || c == COL_MEANING
          || c == COL_NA_REASON || c == COL_NOTE || c == COL_EVIDENCE
          || c == COL_ISO || c == COL_EPA)
        f = ex->book->f_wrap;
      else if (c == COL_LEVEL)
        f = ex->book->f_input;
      else
        f = ex->book->f_center;
      /* A column's format only applies to empty cells: each cell below
       * gets it too */
      colfmt[c] = f;
    }
  ems_xlsx_set_columns (ex->book, ws, widths, colfmt, N_ANSWER_COLS);
  ems_xlsx_write_header_row (ex->book, ws, 0, headers, N_ANSWER_COLS, NULL, NULL, 32);

  lxw_rowcol_to_cell_abs (label_first, METHOD_ROW_LEVEL0, 1, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (label_last, METHOD_ROW_LEVEL0 + EMS_LEVEL_MAX, 1, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (meaning_first, METHOD_ROW_LEVEL0, 2, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (meaning_last, METHOD_ROW_LEVEL0 + EMS_LEVEL_MAX, 2, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (label_na, METHOD_ROW_NA, 1, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (meaning_na, METHOD_ROW_NA, 2, TRUE, TRUE);
  na_meaning = g_strdup_printf ("%s: %s",
                                ems_checklist_get_level_label (ex->checklist, EMS_LEVEL_NA),
                                ems_checklist_get_level_meaning (ex->checklist, EMS_LEVEL_NA));

  for (guint e = 1; e <= n_elements; e++)
    {
      const EmsElement *element = ems_checklist_get_element (ex->checklist, e);

      for (guint i = 0; i < element->n_questions; i++, row++)
        {
          const EmsQuestion *q = element->questions[i];
          const EmsAnswer *answer = ems_assessment_get_answer (ex->assessment, q->id);
          char level_cell[LXW_MAX_CELL_NAME_LENGTH];
          g_autofree char *formula = NULL;
          g_autofree char *meaning = NULL;
          g_autofree char *iso = join_refs (q->iso_clauses);
          g_autofree char *epa = join_refs (q->epa_elements);
          EmsAnswerState state = answer ? answer->state : EMS_ANSWER_UNANSWERED;

          g_assert (row >= ex->first_row[e] && row <= ex->last_row[e]);

          lxw_rowcol_to_cell (level_cell, row, COL_LEVEL);

          check (ex, worksheet_write_number (ws, row, COL_ELEMENT, element->number, colfmt[COL_ELEMENT]), "element");
          write_text (ex, ws, ex->answers_name, row, COL_ELEMENT_TITLE, element->title, colfmt[COL_ELEMENT_TITLE]);
          write_text (ex, ws, ex->answers_name, row, COL_ID, q->id, colfmt[COL_ID]);
          write_text (ex, ws, ex->answers_name, row, COL_QUESTION, q->text, colfmt[COL_QUESTION]);

          if (state == EMS_ANSWER_LEVEL)
            {
              check (ex, worksheet_write_number (ws, row, COL_LEVEL, answer->level, ex->book->f_input), "level");
              meaning = g_strdup_printf ("%s: %s",
                                         ems_checklist_get_level_label (ex->checklist, answer->level),
                                         ems_checklist_get_level_meaning (ex->checklist, answer->level));
            }
          else if (state == EMS_ANSWER_NOT_APPLICABLE)
            {
              check (ex, worksheet_write_string (ws, row, COL_LEVEL, ex->na_token, ex->book->f_input), "level");
              meaning = g_strdup (na_meaning);
            }
          else
            {
              check (ex, worksheet_write_blank (ws, row, COL_LEVEL, ex->book->f_input), "level");
            }

          /* The meaning and the N/A mark follow the level when it is edited */
          formula = g_strdup_printf ("=IF(ISNUMBER(%s),INDEX(%s%s:%s,%s+1)&\": \"&INDEX(%s%s:%s,%s+1),"
                                     "IF(%s=%s,%s%s&\": \"&%s%s,\"\"))",
                                     level_cell,
                                     ex->method_ref, label_first, label_last, level_cell,
                                     ex->method_ref, meaning_first, meaning_last, level_cell,
                                     level_cell, na, ex->method_ref, label_na, ex->method_ref, meaning_na);
          check (ex, worksheet_write_formula_str (ws, row, COL_MEANING, formula, colfmt[COL_MEANING],
                                                  meaning ? meaning : ""), "meaning");
          g_clear_pointer (&formula, g_free);

          formula = g_strdup_printf ("=IF(%s=%s,%s,\"\")", level_cell, na, yes);
          check (ex, worksheet_write_formula_str (ws, row, COL_NA, formula, colfmt[COL_NA],
                                                  state == EMS_ANSWER_NOT_APPLICABLE ? ex->yes : ""),
                 "n/a");

          if (answer != NULL)
            {
              write_text (ex, ws, ex->answers_name, row, COL_NA_REASON, answer->reason, colfmt[COL_NA_REASON]);
              write_text (ex, ws, ex->answers_name, row, COL_NOTE, answer->note, colfmt[COL_NOTE]);
              write_text (ex, ws, ex->answers_name, row, COL_EVIDENCE, answer->evidence, colfmt[COL_EVIDENCE]);
            }

          {
            guint lines = MAX (ems_xlsx_text_lines (element->title, widths[COL_ELEMENT_TITLE]),
                               ems_xlsx_text_lines (q->text, widths[COL_QUESTION]));

            lines = MAX (lines, ems_xlsx_text_lines (meaning, widths[COL_MEANING]));
            if (answer != NULL)
              {
                lines = MAX (lines, ems_xlsx_text_lines (answer->reason, widths[COL_NA_REASON]));
                lines = MAX (lines, ems_xlsx_text_lines (answer->note, widths[COL_NOTE]));
                lines = MAX (lines, ems_xlsx_text_lines (answer->evidence, widths[COL_EVIDENCE]));
              }
            fit_row (ex, ws, row, lines);
          }

          check (ex, worksheet_write_number (ws, row, COL_WEIGHT, q->weight, colfmt[COL_WEIGHT]), "weight");
          check (ex, worksheet_write_string (ws, row, COL_CRITICAL, q->critical ? ex->yes : ex->no,
                                             colfmt[COL_CRITICAL]), "critical");
          write_text (ex, ws, ex->answers_name, row, COL_ISO, iso, colfmt[COL_ISO]);
          write_text (ex, ws, ex->answers_name, row, COL_EPA, epa, colfmt[COL_EPA]);

          /* What the scores sum: only a level counts (not N/A, not empty) */
          {
            char weight_cell[LXW_MAX_CELL_NAME_LENGTH];
            gboolean scored = state == EMS_ANSWER_LEVEL;

            lxw_rowcol_to_cell (weight_cell, row, COL_WEIGHT);
            g_clear_pointer (&formula, g_free);
            formula = g_strdup_printf ("=IF(ISNUMBER(%s),%s*%s,\"\")", level_cell, weight_cell, level_cell);
            if (scored)
              check (ex, worksheet_write_formula_num (ws, row, COL_POINTS, formula, colfmt[COL_POINTS],
                                                      (double) q->weight * answer->level), "points");
            else
              check (ex, worksheet_write_formula_str (ws, row, COL_POINTS, formula, colfmt[COL_POINTS], ""),
                     "points");
            g_clear_pointer (&formula, g_free);

            formula = g_strdup_printf ("=IF(ISNUMBER(%s),%d*%s,\"\")", level_cell, EMS_LEVEL_MAX, weight_cell);
            if (scored)
              check (ex, worksheet_write_formula_num (ws, row, COL_MAX_POINTS, formula, colfmt[COL_MAX_POINTS],
                                                      (double) q->weight * EMS_LEVEL_MAX), "possible points");
            else
              check (ex, worksheet_write_formula_str (ws, row, COL_MAX_POINTS, formula, colfmt[COL_MAX_POINTS], ""),
                     "possible points");
          }
        }
    }

  if (ex->n_answer_rows > 0)
    {
      lxw_data_validation dv = { 0 };
      char *choices[EMS_LEVEL_MAX + 3] = { "0", "1", "2", "3", "4", (char *) ex->na_token, NULL };
      g_autofree char *message = NULL;

      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = choices;
      dv.ignore_blank = LXW_VALIDATION_ON;
      dv.dropdown = LXW_VALIDATION_ON;
      dv.show_input = LXW_VALIDATION_ON;
      dv.show_error = LXW_VALIDATION_ON;
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      /* Translators: %s is the short "N/A" mark; at most 255 characters */
      message = g_strdup_printf (_("0 Not in place … 4 Measured and improved, or %s; leave empty when not yet answered. The scores on the Summary sheet follow."),
                                 ex->na_token);
      /* Cut to Excel's limits by ems_xlsx_add_validation() */
      dv.input_title = (char *) _("Level");
      dv.input_message = message;
      dv.error_title = dv.input_title;
      dv.error_message = message;
      ems_xlsx_add_validation (ex->book, ws, 1, COL_LEVEL, ex->n_answer_rows, COL_LEVEL, &dv);
    }

  {
    EmsXlsxSheetLayout layout = {
      .landscape = TRUE, .freeze_rows = 1,
      .filter = TRUE, .header_row = 0, .last_row = ex->n_answer_rows, .last_col = N_ANSWER_COLS - 1,
      .repeat_header = TRUE,
    };

    ems_xlsx_finish_sheet (ex->book, ws, &layout);
  }
}

/* Actions ---------------------------------------------------------------- */

static const char *
status_label (EmsActionStatus status)
{
  switch (status)
    {
    case EMS_ACTION_OPEN:
      return C_("action status", "Open");
    case EMS_ACTION_IN_PROGRESS:
      return C_("action status", "In progress");
    case EMS_ACTION_DONE:
      return C_("action status", "Done");
    default:
      g_assert_not_reached ();
    }
}

void
ems_xlsx_write_actions (EmsXlsxExport *ex)
{
  lxw_worksheet *ws = ex->actions;
  guint n = ems_assessment_get_n_actions (ex->assessment);
  const char *headers[] = {
    C_("column heading: action number", "#"), _("Action"), _("Element"),
    _("Question"), _("Owner"), _("Due"), _("Status"),
  };
  static const double widths[] = { 5, 50, 9, 10, 24, 12, 14 };
  lxw_format *formats[G_N_ELEMENTS (widths)];
  lxw_data_validation dv = { 0 };
  char *choices[4];

  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == G_N_ELEMENTS (widths));
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    formats[c] = c == 1 || c == 4 ? ex->book->f_wrap : ex->book->f_center;
  ems_xlsx_set_columns (ex->book, ws, widths, formats, G_N_ELEMENTS (widths));
  ems_xlsx_write_header_row (ex->book, ws, 0, headers, G_N_ELEMENTS (headers), NULL, NULL, 24);

  for (guint i = 0; i < n; i++)
    {
      EmsAction *action = ems_assessment_get_action (ex->assessment, i);
      lxw_row_t row = i + 1;

      check (ex, worksheet_write_number (ws, row, 0, i + 1, ex->book->f_center), "number");
      write_text (ex, ws, ex->actions_name, row, 1, ems_action_get_title (action), ex->book->f_wrap);
      if (ems_action_get_element (action) > 0)
        check (ex, worksheet_write_number (ws, row, 2, ems_action_get_element (action), ex->book->f_center), "element");
      write_text (ex, ws, ex->actions_name, row, 3, ems_action_get_question (action), ex->book->f_center);
      write_text (ex, ws, ex->actions_name, row, 4, ems_action_get_owner (action), ex->book->f_wrap);
      write_date_or_text (ex, ws, ex->actions_name, row, 5, ems_action_get_due (action),
                          ex->book->f_date_input, ex->book->f_center);
      fit_row (ex, ws, row, MAX (ems_xlsx_text_lines (ems_action_get_title (action), widths[1]),
                                 ems_xlsx_text_lines (ems_action_get_owner (action), widths[4])));
      check (ex, worksheet_write_string (ws, row, 6, status_label (ems_action_get_status (action)),
                                         ex->book->f_input), "status");
    }

  choices[0] = (char *) status_label (EMS_ACTION_OPEN);
  choices[1] = (char *) status_label (EMS_ACTION_IN_PROGRESS);
  choices[2] = (char *) status_label (EMS_ACTION_DONE);
  choices[3] = NULL;
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = choices;
  dv.dropdown = LXW_VALIDATION_ON;
  ems_xlsx_add_validation (ex->book, ws, 1, 6, n + ACTION_SPARE_ROWS, 6, &dv);

  {
    lxw_data_validation date_dv = { 0 };

    date_dv.validate = LXW_VALIDATION_TYPE_DATE_NUMBER;
    date_dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN;
    date_dv.value_number = 0;
    ems_xlsx_add_validation (ex->book, ws, 1, 5, n + ACTION_SPARE_ROWS, 5, &date_dv);
  }

  {
    EmsXlsxSheetLayout layout = {
      .landscape = TRUE, .freeze_rows = 1,
      .filter = TRUE, .header_row = 0, .last_row = n, .last_col = G_N_ELEMENTS (headers) - 1,
      .repeat_header = TRUE,
    };

    ems_xlsx_finish_sheet (ex->book, ws, &layout);
  }
}

/* Method ----------------------------------------------------------------- */

static lxw_row_t
write_method_line (EmsXlsxExport *ex,
                   lxw_row_t      row,
                   const char    *label,
                   const char    *text)
{
  return ems_xlsx_write_method_line (ex->book, ex->method, ex->method_name, row, label, text,
                                     METHOD_WIDTH_B + METHOD_WIDTH_C);
}

char *
ems_xlsx_source_hash (EmsXlsxExport *ex,
             gboolean      *from_file)
{
  g_autoptr(GBytes) bytes = NULL;

  *from_file = ex->source != NULL;
  bytes = ex->source ? g_bytes_ref (ex->source) : ems_assessment_serialize (ex->assessment);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

void
ems_xlsx_write_method (EmsXlsxExport *ex)
{
  lxw_worksheet *ws = ex->method;
  g_autofree char *hash = NULL;
  g_autofree char *version = NULL;
  g_autofree char *time = NULL;
  g_autofree char *app = NULL;
  g_auto(GStrv) unknown = NULL;
  static const double widths[] = { METHOD_WIDTH_A, METHOD_WIDTH_B, METHOD_WIDTH_C };
  const EmsXlsxSheetLayout layout = { 0 };
  gboolean from_file;
  lxw_row_t row;

  ems_xlsx_set_columns (ex->book, ws, widths, NULL, G_N_ELEMENTS (widths));
  ems_xlsx_finish_sheet (ex->book, ws, &layout);

  check (ex, worksheet_write_string (ws, 0, 0, _("Method"), ex->book->f_title), "title");

  /* The scale: the Answers sheet looks labels and meanings up here */
  {
    const char *headers[] = { _("Level"), _("Label"), _("Meaning") };

    for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
      check (ex, worksheet_write_string (ws, METHOD_ROW_SCALE_HEADER, c, headers[c], ex->book->f_header), "header");
  }
  for (guint level = 0; level <= EMS_LEVEL_NA; level++)
    {
      lxw_row_t r = METHOD_ROW_LEVEL0 + level;

      if (level == EMS_LEVEL_NA)
        check (ex, worksheet_write_string (ws, r, 0, ex->na_token, ex->book->f_center), "level");
      else
        check (ex, worksheet_write_number (ws, r, 0, level, ex->book->f_center), "level");
      write_text (ex, ws, ex->method_name, r, 1, ems_checklist_get_level_label (ex->checklist, level), ex->book->f_wrap);
      write_text (ex, ws, ex->method_name, r, 2, ems_checklist_get_level_meaning (ex->checklist, level), ex->book->f_wrap);
      fit_row (ex, ws, r, MAX (ems_xlsx_text_lines (ems_checklist_get_level_label (ex->checklist, level), METHOD_WIDTH_B),
                               ems_xlsx_text_lines (ems_checklist_get_level_meaning (ex->checklist, level), METHOD_WIDTH_C)));
    }

  row = METHOD_ROW_NA + 2;
  check (ex, worksheet_write_string (ws, row++, 0, _("Scoring rule"), ex->book->f_section), "section");
  row = write_method_line (ex, row, _("Element score"),
                           _("100 × Σ(weight × level) ÷ Σ(4 × weight), over the element's questions answered with a level (not N/A, not unanswered). Empty when there is none."));
  row = write_method_line (ex, row, _("Overall score"),
                           _("The plain mean of the element scores that are not empty: the ten elements count equally."));
  row = write_method_line (ex, row, _("Coverage"),
                           _("Questions answered or marked N/A, divided by all questions. An unanswered question lowers the coverage, not the score."));
  row = write_method_line (ex, row, _("Target"),
                           _("25 × the target level (0–4), in percent."));
  row = write_method_line (ex, row, _("Gap"),
                           _("The target minus the score, or 0 when the score reaches the target; empty without a score. Elements with the largest gap come first in the priorities."));
  row = write_method_line (ex, row, _("Band"),
                           _("Red below 40, amber from 40 to below 70, green from 70."));
  row = write_method_line (ex, row, _("Red flag"),
                           _("An element with any critical question answered 0 is flagged, whatever its score."));
  row = write_method_line (ex, row, _("In this workbook"),
                           _("The Summary's scores are formulas over the Answers sheet: change a level there (0–4, N/A or empty) and the scores, bands and charts follow. Figures are shown rounded to one decimal."));
  row = write_method_line (ex, row, _("Points"),
                           _("The Answers sheet's Points (weight × level) and Possible points (4 × weight) columns are filled for the questions answered with a level; each score is 100 × the sum of Points ÷ the sum of Possible points over its questions. Plain sums, so every spreadsheet program computes the same numbers."));
  row = write_method_line (ex, row, _("Where to start"),
                           _("The questions answered below the target level: critical questions answered 0 first, then the most points to gain ((target level − level) × weight), then the element's gap, then the question number. Listed as exported: it does not follow edits."));
  row = write_method_line (ex, row, _("ISO 14001 readiness"),
                           _("For each ISO 14001:2015 clause, the element rule over the answered, applicable questions that cite it. An estimate of readiness, not a certification audit."));

  row++;
  check (ex, worksheet_write_string (ws, row++, 0, _("Source"), ex->book->f_section), "section");
  row = write_method_line (ex, row, _("Checklist"), ems_checklist_get_id (ex->checklist));
  version = g_strdup_printf ("%u", ems_checklist_get_version (ex->checklist));
  row = write_method_line (ex, row, _("Checklist version"), version);
  g_clear_pointer (&version, g_free);
  version = g_strdup_printf ("%s %d", EMS_FORMAT_NAME, EMS_FORMAT_VERSION);
  row = write_method_line (ex, row, _("Assessment format"), version);
  app = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  row = write_method_line (ex, row, _("Application"), app);
  /* ISO 8601 to the second, with the offset: "2026-11-23T18:30:00+00:00" */
  time = g_date_time_format (ex->export_time, "%Y-%m-%dT%H:%M:%S%:z");
  row = write_method_line (ex, row, _("Exported"), time);

  hash = ems_xlsx_source_hash (ex, &from_file);
  row = write_method_line (ex, row, _("SHA-256"), hash);
  row = write_method_line (ex, row, _("SHA-256 of"),
                           from_file
                           ? _("The bytes of the assessment file (.emsa) this workbook was made from.")
                           : _("The assessment as the application saves it (no file was given): it matches a file saved from the same assessment."));

  unknown = ems_assessment_dup_unknown_ids (ex->assessment);
  if (unknown != NULL && unknown[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", unknown);

      row = write_method_line (ex, row, _("Answers not in the checklist"), list);
    }

  ems_xlsx_write_cut_texts (ex->book, ws, ex->method_name, row);
}
