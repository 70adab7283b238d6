/* ems-xlsx-compare-private.h: the comparison workbook's insides, shared
 * by its Matrix, Statistics and Distribution sheets (ems-xlsx-compare.c)
 * and its Priorities, Changes and Method sheets
 * (ems-xlsx-compare-sheets.c); not API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-comparison.h"
#include "ems-xlsx-private.h"

G_BEGIN_DECLS

/* Matrix: the header row, then one row per participant */
#define MX_COL_LABEL         0
#define MX_COL_FIRST_ELEMENT 1
#define MX_WIDTH_LABEL       30
#define MX_WIDTH_ELEMENT     13
#define MX_WIDTH_FIGURE      11

/* Statistics and Distribution: the header row, then one row per element */
enum {
  ST_COL_NUMBER,
  ST_COL_TITLE,
  ST_COL_MEAN,
  ST_COL_MEDIAN,
  ST_COL_MIN,
  ST_COL_MAX,
  ST_COL_STDDEV,
  ST_COL_SCORED,
  ST_COL_NULL,
  ST_COL_TARGET,
  N_ST_COLS
};

enum {
  DI_COL_NUMBER,
  DI_COL_TITLE,
  DI_COL_RED,
  DI_COL_AMBER,
  DI_COL_GREEN,
  DI_COL_NONE,
  N_DI_COLS
};

/* Changes: one row per follow-up and element */
enum {
  CH_COL_NAME,
  CH_COL_SITE,
  CH_COL_FROM,
  CH_COL_TO,
  CH_COL_NUMBER,
  CH_COL_TITLE,
  CH_COL_FIRST,
  CH_COL_LAST,
  CH_COL_DELTA,
  CH_COL_DIRECTION,
  N_CH_COLS
};

#define TITLE_WIDTH    60
#define FIGURE_WIDTH   11
#define METHOD_WIDTH_A 26
#define METHOD_WIDTH_B 30
#define METHOD_WIDTH_C 74

/* Band colours, as in the assessment workbook */
#define COLOR_RED   0xC0504D
#define COLOR_AMBER 0xE6A117
#define COLOR_GREEN 0x4E9A5B
#define COLOR_NONE  0xA6A6A6

typedef struct
{
  EmsComparison *comparison;
  EmsChecklist  *checklist;
  GDateTime     *export_time;
  EmsXlsxBook   *book;

  guint          n_participants;
  guint          n_elements;
  gboolean       anonymise;
  GPtrArray     *follow_ups;     /* EmsFollowUp */

  /* Matrix columns after the elements */
  lxw_col_t      mx_col_overall;
  lxw_col_t      mx_col_target;
  lxw_col_t      mx_col_coverage;
  lxw_col_t      mx_col_date;    /* G_MAXUINT16 when left out */
  lxw_col_t      mx_last_col;

  lxw_worksheet *matrix;
  lxw_worksheet *statistics;
  lxw_worksheet *distribution;
  lxw_worksheet *priorities;
  lxw_worksheet *changes;
  lxw_worksheet *method;

  char          *matrix_name;
  char          *statistics_name;
  char          *distribution_name;
  char          *priorities_name;
  char          *changes_name;
  char          *method_name;
  char          *matrix_ref;     /* "'Matrix'!" */

  const char    *null_mark;

  /* Centred vertically: rows grow with wrapped text */
  lxw_format    *f_band_score;   /* "62.5 Amber" */
  lxw_format    *f_figure;
  lxw_format    *f_share;
  lxw_format    *f_day;
  lxw_format    *f_cell_text;    /* wrapped */
  lxw_format    *f_cell_plain;
  lxw_format    *f_null;
  lxw_format    *f_count;
  lxw_format    *f_delta;
  lxw_format    *f_direction;
  lxw_format    *f_rank;
  lxw_format    *f_mono;
  lxw_format    *f_header_red;
  lxw_format    *f_header_amber;
  lxw_format    *f_header_green;
  lxw_format    *f_header_none;
  lxw_format    *f_up;
  lxw_format    *f_down;
} EmsXlsxCompare;

void ems_xlsx_compare_write_priorities  (EmsXlsxCompare *cx);
void ems_xlsx_compare_write_changes     (EmsXlsxCompare *cx);
void ems_xlsx_compare_write_method      (EmsXlsxCompare *cx);
void ems_xlsx_compare_set_properties    (EmsXlsxCompare *cx);

/* Shorthands for the book's helpers */

static inline void
check (EmsXlsxCompare *cx,
       lxw_error       err,
       const char     *where)
{
  ems_xlsx_check (cx->book, err, where);
}

static inline void
write_text (EmsXlsxCompare *cx,
            lxw_worksheet  *sheet,
            const char     *sheet_name,
            lxw_row_t       row,
            lxw_col_t       col,
            const char     *text,
            lxw_format     *format)
{
  ems_xlsx_write_text (cx->book, sheet, sheet_name, row, col, text, format);
}

static inline const char *
element_title (EmsXlsxCompare *cx,
               guint           number)
{
  if (number <= ems_checklist_get_n_elements (cx->checklist))
    return ems_checklist_get_element (cx->checklist, number)->title;
  return NULL;
}

/* A score with its band, or the no-score mark: never 0 */
static inline void
write_score (EmsXlsxCompare *cx,
             lxw_worksheet  *sheet,
             lxw_row_t       row,
             lxw_col_t       col,
             gboolean        has_score,
             double          score)
{
  if (has_score)
    check (cx, worksheet_write_number (sheet, row, col, score, cx->f_band_score), "score");
  else
    check (cx, worksheet_write_string (sheet, row, col, cx->null_mark, cx->f_null), "no score");
}

/* A formula with its computed number, or "" when there is none */
static inline void
write_formula (EmsXlsxCompare *cx,
               lxw_worksheet  *sheet,
               lxw_row_t       row,
               lxw_col_t       col,
               const char     *formula,
               lxw_format     *format,
               gboolean        has_value,
               double          value)
{
  if (has_value)
    check (cx, worksheet_write_formula_num (sheet, row, col, formula, format, value), "formula");
  else
    check (cx, worksheet_write_formula_str (sheet, row, col, formula, format, ""), "formula");
}

G_END_DECLS
