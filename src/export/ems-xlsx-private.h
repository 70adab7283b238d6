/* ems-xlsx-private.h: what the assessment workbook (ems-xlsx.c) and the
 * comparison workbook (ems-xlsx-compare.c) share (not installed, not API)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safety rules of the spreadsheet export live here once: text from an
 * assessment is always written as text, cleaned of what XML cannot hold
 * and cut with a visible marker; sheet names are always legal; every call
 * that libxlsxwriter would refuse with a line on stderr is kept within
 * Excel's limits first; the file is written to a temporary file with the
 * numbers in the C locale and renamed into place (ems-xlsx-text.c for
 * text, ems-xlsx-book.c for the rest).
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "ems-checklist.h"

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
/* "YYYY-MM-DD" as a spreadsheet date (from 1900) */
gboolean  ems_xlsx_parse_date        (const char       *text,
                                      lxw_datetime     *out);
/* A date cell when @text is a date, else the text */
void      ems_xlsx_write_date_or_text (EmsXlsxBook     *book,
                                      lxw_worksheet    *sheet,
                                      const char       *sheet_name,
                                      lxw_row_t         row,
                                      lxw_col_t         col,
                                      const char       *text,
                                      lxw_format       *date_format,
                                      lxw_format       *text_format);
/* A sheet's title on row 0 and, under it on row 1, a note merged over
 * columns 0..@last_col (@width wide together) and wrapped */
void      ems_xlsx_write_title_and_note (EmsXlsxBook   *book,
                                         lxw_worksheet *sheet,
                                         const char    *sheet_name,
                                         const char    *title,
                                         const char    *note,
                                         lxw_col_t      last_col,
                                         double         width);
/* The "Texts cut to fit" section of a Method sheet, from @row (nothing
 * when no text was cut); returns the next row */
lxw_row_t ems_xlsx_write_cut_texts   (EmsXlsxBook      *book,
                                      lxw_worksheet    *sheet,
                                      const char       *sheet_name,
                                      lxw_row_t         row);

/* Finishing a sheet -------------------------------------------------------- */

/* Columns 0..@n-1: widths, and the format of their empty cells (@formats
 * NULL: none) */
void      ems_xlsx_set_columns       (EmsXlsxBook      *book,
                                      lxw_worksheet    *sheet,
                                      const double     *widths,
                                      lxw_format      **formats,
                                      guint             n);
/* A header row in columns 0..@n-1, in the header format (or @formats[c]
 * where set), @height points high, or, when @height is 0, as high as its
 * tallest heading needs in @widths */
void      ems_xlsx_write_header_row  (EmsXlsxBook      *book,
                                      lxw_worksheet    *sheet,
                                      lxw_row_t         row,
                                      const char      **headers,
                                      guint             n,
                                      const double     *widths,
                                      lxw_format      **formats,
                                      double            height);

/* How a sheet reads on screen and prints */
typedef struct
{
  gboolean   landscape;
  guint16    fit_height;          /* pages down when printed; 0: as many as it takes */
  lxw_row_t  freeze_rows;         /* rows and columns kept in view */
  lxw_col_t  freeze_cols;
  gboolean   filter;              /* an autofilter over the table */
  lxw_row_t  header_row;          /* the table's header row */
  lxw_row_t  last_row;            /* the table's last row and column */
  lxw_col_t  last_col;
  gboolean   repeat_header;       /* the header row printed on every page */
  gboolean   repeat_first_column;
  gboolean   hide_zero;
} EmsXlsxSheetLayout;

/* Panes, filter and page set-up (A4, one page wide) of a finished sheet */
void      ems_xlsx_finish_sheet      (EmsXlsxBook              *book,
                                      lxw_worksheet            *sheet,
                                      const EmsXlsxSheetLayout *layout);

/* Within Excel's limits ---------------------------------------------------- */

/* A data validation over the range, its titles cut to 32 characters and
 * its messages to 255; a drop-down list longer than 255 characters (with
 * its commas) is left out. FALSE when nothing was added. */
gboolean  ems_xlsx_add_validation    (EmsXlsxBook               *book,
                                      lxw_worksheet             *sheet,
                                      lxw_row_t                  first_row,
                                      lxw_col_t                  first_col,
                                      lxw_row_t                  last_row,
                                      lxw_col_t                  last_col,
                                      const lxw_data_validation *validation);
/* A custom property, name and value cut to 255 characters */
void      ems_xlsx_set_custom_string (EmsXlsxBook      *book,
                                      const char       *name,
                                      const char       *value);
/* The document properties, each text cleaned like a cell's, and the
 * custom properties scripts read: "EMS format version" and "EMS
 * checklist" */
void      ems_xlsx_set_properties    (EmsXlsxBook              *book,
                                      const lxw_doc_properties *properties,
                                      EmsChecklist             *checklist);

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
