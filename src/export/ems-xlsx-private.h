/* ems-xlsx-private.h: what the workbooks of ems-xlsx.c and
 * ems-xlsx-compare.c share (not installed, not API)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safety rules of the spreadsheet export live here once: text from an
 * assessment is always written as text, cleaned of what XML cannot hold
 * and cut with a visible marker; sheet names are always legal; the file is
 * written to a temporary file with the numbers in the C locale and renamed
 * into place.
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* Excel holds at most 32,767 UTF-16 code units in a cell. */
#define EMS_XLSX_CELL_MAX_UNITS 32767

/* A workbook being written, with the formats both workbooks use */
typedef struct
{
  lxw_workbook *workbook;
  GPtrArray    *warnings;      /* translated messages about text cut */
  lxw_error     error;         /* first libxlsxwriter error */
  const char   *error_where;

  lxw_format   *f_title;
  lxw_format   *f_subtitle;
  lxw_format   *f_section;
  lxw_format   *f_header;
  lxw_format   *f_label;
  lxw_format   *f_text;
  lxw_format   *f_wrap;
  lxw_format   *f_center;
  lxw_format   *f_input;
  lxw_format   *f_date;
  lxw_format   *f_date_input;
  lxw_format   *f_score;
  lxw_format   *f_score_big;
  lxw_format   *f_percent;
  lxw_format   *f_percent_left;
  lxw_format   *f_integer;
  lxw_format   *f_flag;
  lxw_format   *f_red;
  lxw_format   *f_amber;
  lxw_format   *f_green;
} EmsXlsxBook;

/* Adds the sheets and cells to @book->workbook (its formats are made);
 * returns FALSE with @error set to give up. Runs with LC_NUMERIC = "C". */
typedef gboolean (*EmsXlsxBuildFunc) (EmsXlsxBook  *book,
                                      gpointer      user_data,
                                      GError      **error);

/* Writes a workbook to @path through a temporary file in the same folder,
 * renamed into place when complete; nothing is left behind on failure.
 * Errors are EMS_ERROR_EXPORT naming the file. With @warnings NULL the
 * reports of text cut are logged with g_message(). */
gboolean  ems_xlsx_write_atomic      (const char       *path,
                                      EmsXlsxBuildFunc  build,
                                      gpointer          user_data,
                                      char           ***warnings,
                                      GError          **error);

void      ems_xlsx_check             (EmsXlsxBook      *book,
                                      lxw_error         err,
                                      const char       *where);
void      ems_xlsx_optional          (lxw_error         err,
                                      const char       *what);
char     *ems_xlsx_utf8_cut          (const char       *text,
                                      glong             max);
char     *ems_xlsx_clean_text        (const char       *text,
                                      gboolean         *cut);
char     *ems_xlsx_cell_name         (lxw_row_t         row,
                                      lxw_col_t         col);
guint     ems_xlsx_text_lines        (const char       *text,
                                      double            width);
void      ems_xlsx_fit_row           (EmsXlsxBook      *book,
                                      lxw_worksheet    *sheet,
                                      lxw_row_t         row,
                                      guint             lines);
void      ems_xlsx_write_text        (EmsXlsxBook      *book,
                                      lxw_worksheet    *sheet,
                                      const char       *sheet_name,
                                      lxw_row_t         row,
                                      lxw_col_t         col,
                                      const char       *text,
                                      lxw_format       *format);
/* One "label: text" line of a Method sheet, the text merged over columns
 * B and C (@text_width wide together); returns the next row. */
lxw_row_t ems_xlsx_write_method_line (EmsXlsxBook      *book,
                                      lxw_worksheet    *sheet,
                                      const char       *sheet_name,
                                      lxw_row_t         row,
                                      const char       *label,
                                      const char       *text,
                                      double            text_width);
char     *ems_xlsx_formula_string    (const char       *text);
char     *ems_xlsx_sheet_ref         (const char       *name);
char     *ems_xlsx_legal_sheet_name  (lxw_workbook     *workbook,
                                      const char       *translated,
                                      const char       *fallback);
/* A worksheet named from a translation, legal and unique; NULL when it
 * cannot be added. *name receives the name used. */
lxw_worksheet *ems_xlsx_add_sheet    (EmsXlsxBook      *book,
                                      const char       *translated,
                                      const char       *fallback,
                                      char            **name);
/* The band word of the score in @cell, as a formula */
char     *ems_xlsx_band_formula      (const char       *cell);
/* Band colours over a range, from the score in @cell: a reference to the
 * range's top-left score as the conditional format reads it ("$C19") */
void      ems_xlsx_band_formats      (EmsXlsxBook      *book,
                                      lxw_worksheet    *sheet,
                                      lxw_row_t         first_row,
                                      lxw_col_t         first_col,
                                      lxw_row_t         last_row,
                                      lxw_col_t         last_col,
                                      const char       *cell);

G_END_DECLS
