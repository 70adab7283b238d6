/* ems-xlsx-assessment-private.h: the assessment workbook's insides,
 * shared by its Summary (ems-xlsx.c), its Answers, Actions and Method
 * sheets (ems-xlsx-answers.c) and its Where to start and ISO 14001 sheets
 * (ems-xlsx-plan.c); not API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-scores.h"
#include "ems-xlsx-private.h"

G_BEGIN_DECLS

/* Answers sheet columns */
enum {
  COL_ELEMENT,
  COL_ELEMENT_TITLE,
  COL_ID,
  COL_QUESTION,
  COL_LEVEL,
  COL_MEANING,
  COL_NA,
  COL_NA_REASON,
  COL_NOTE,
  COL_EVIDENCE,
  COL_WEIGHT,
  COL_CRITICAL,
  COL_ISO,
  COL_EPA,
  /* Every score formula sums these two: weight × level, and 4 × weight,
   * for a question answered with a level; empty otherwise. Plain sums
   * over them give the same numbers in Excel, LibreOffice and Gnumeric,
   * where an array expression inside SUMPRODUCT does not. */
  COL_POINTS,
  COL_MAX_POINTS,
  N_ANSWER_COLS
};

/* Summary sheet: rows (0-based) and columns */
enum {
  SUM_ROW_TITLE = 0,
  SUM_ROW_SUBTITLE = 1,
  SUM_ROW_PROFILE = 3,          /* nine rows of profile */
  SUM_ROW_TARGET_LEVEL = SUM_ROW_PROFILE + 7,
  SUM_ROW_TARGET = SUM_ROW_PROFILE + 8,
  SUM_ROW_OVERALL = SUM_ROW_TARGET + 2,
  SUM_ROW_BAND,
  SUM_ROW_COVERAGE,
  SUM_ROW_RED_FLAGS,
  SUM_ROW_HEADER = SUM_ROW_RED_FLAGS + 2,
  SUM_ROW_FIRST_ELEMENT,
};

enum {
  SUM_COL_NUMBER,
  SUM_COL_TITLE,
  SUM_COL_SCORE,
  SUM_COL_TARGET,
  SUM_COL_GAP,
  SUM_COL_BAND,
  SUM_COL_COVERAGE,
  SUM_COL_RED_FLAG,
  N_SUM_COLS
};

/* Summary column widths: the profile's values span C to H */
#define SUM_WIDTH_NUMBER  5
#define SUM_WIDTH_TITLE   50
#define SUM_WIDTH_FIGURE  11
#define SUM_VALUE_WIDTH   (SUM_WIDTH_FIGURE * (SUM_COL_RED_FLAG - SUM_COL_SCORE + 1))

/* Method sheet: the scale table, looked up by the Answers sheet */
#define METHOD_ROW_SCALE_HEADER 2
#define METHOD_ROW_LEVEL0       (METHOD_ROW_SCALE_HEADER + 1)
#define METHOD_ROW_NA           (METHOD_ROW_LEVEL0 + EMS_LEVEL_MAX + 1)
#define METHOD_WIDTH_A          26
#define METHOD_WIDTH_B          24
#define METHOD_WIDTH_C          80

/* Action rows that get the status drop-down, beyond the existing ones */
#define ACTION_SPARE_ROWS 100

typedef struct
{
  EmsAssessment *assessment;
  EmsChecklist  *checklist;
  EmsScores     *scores;
  GBytes        *source;
  GDateTime     *export_time;

  EmsXlsxBook   *book;
  lxw_worksheet *summary;
  lxw_worksheet *answers;
  lxw_worksheet *actions;
  lxw_worksheet *method;
  lxw_worksheet *where_to_start;
  lxw_worksheet *iso14001;

  char          *summary_name;
  char          *answers_name;
  char          *actions_name;
  char          *method_name;
  char          *where_name;
  char          *iso_name;
  char          *answers_ref;     /* "'Answers'!" */
  char          *method_ref;

  /* Answers rows (0-based, inclusive) of each element; first > last when
   * the element has no question */
  guint         *first_row;
  guint         *last_row;
  guint          n_answer_rows;
  GHashTable    *question_rows;   /* question id -> 1 + its Answers row */

  const char    *na_token;
  const char    *yes;
  const char    *no;
} EmsXlsxExport;


void ems_xlsx_write_answers (EmsXlsxExport *ex);
void ems_xlsx_write_actions (EmsXlsxExport *ex);
void ems_xlsx_write_method  (EmsXlsxExport *ex);
void ems_xlsx_write_where_to_start (EmsXlsxExport *ex);
void ems_xlsx_write_iso14001 (EmsXlsxExport *ex);
/* The SHA-256 of the file's bytes (*from_file) or of the assessment as
 * saved */
char *ems_xlsx_source_hash  (EmsXlsxExport *ex,
                             gboolean      *from_file);

/* Shorthands for the book's helpers */

static inline void
check (EmsXlsxExport *ex,
       lxw_error      err,
       const char    *where)
{
  ems_xlsx_check (ex->book, err, where);
}

static inline void
fit_row (EmsXlsxExport *ex,
         lxw_worksheet *sheet,
         lxw_row_t      row,
         guint          lines)
{
  ems_xlsx_fit_row (ex->book, sheet, row, lines);
}

static inline void
write_text (EmsXlsxExport *ex,
            lxw_worksheet *sheet,
            const char    *sheet_name,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  ems_xlsx_write_text (ex->book, sheet, sheet_name, row, col, text, format);
}

static inline void
write_date_or_text (EmsXlsxExport *ex,
                    lxw_worksheet *sheet,
                    const char    *sheet_name,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    const char    *text,
                    lxw_format    *date_format,
                    lxw_format    *text_format)
{
  ems_xlsx_write_date_or_text (ex->book, sheet, sheet_name, row, col, text, date_format, text_format);
}

G_END_DECLS
