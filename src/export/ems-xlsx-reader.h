/* ems-xlsx-reader.h: reading the cells of an .xlsx workbook (not API)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zip container through libgsf (GsfInfileZip), each part through
 * libxml2's streaming reader with XML_PARSE_NONET and no entity
 * substitution; a part with a document type declaration is refused
 * unread, as is one that unpacks to more than EMS_XLSX_PART_MAX bytes
 * (declared or actual). Only what an importer needs: the sheets' names and
 * states, and their cells as numbers, text (shared or inline strings,
 * cached formula results), booleans and errors.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* No workbook of ours comes near these */
#define EMS_XLSX_PART_MAX       (32 * 1024 * 1024)
#define EMS_XLSX_MAX_ROWS       10000      /* rows that hold a cell */
#define EMS_XLSX_MAX_ROW_TAGS   200000     /* <row> elements, empty ones included */
#define EMS_XLSX_MAX_CELLS      500000
#define EMS_XLSX_MAX_COLUMNS    16384

typedef enum
{
  EMS_XLSX_CELL_EMPTY,
  EMS_XLSX_CELL_NUMBER,
  EMS_XLSX_CELL_STRING,
  EMS_XLSX_CELL_BOOLEAN,
  EMS_XLSX_CELL_ERROR,     /* text holds the error, e.g. "#N/A" */
} EmsXlsxCellType;

typedef struct
{
  EmsXlsxCellType  type;
  double           number;   /* NUMBER; BOOLEAN as 0 or 1 */
  char            *text;     /* STRING and ERROR */
} EmsXlsxCell;

typedef struct _EmsXlsxReader EmsXlsxReader;
typedef struct _EmsXlsxSheet  EmsXlsxSheet;

/* Opens a workbook from its bytes (kept by the reader). Errors are
 * EMS_ERROR_INVALID (not a workbook, damaged, encrypted, an .xls) or
 * EMS_ERROR_TOO_LARGE, with a message for the user. */
EmsXlsxReader     *ems_xlsx_reader_new           (GBytes         *bytes,
                                                  GError        **error);
void               ems_xlsx_reader_free          (EmsXlsxReader  *reader);
guint              ems_xlsx_reader_get_n_sheets  (EmsXlsxReader  *reader);
const char        *ems_xlsx_reader_get_sheet_name (EmsXlsxReader *reader,
                                                  guint           index);
gboolean           ems_xlsx_reader_sheet_is_hidden (EmsXlsxReader *reader,
                                                  guint           index);
/* The index of the sheet named @name, or -1 */
int                ems_xlsx_reader_find_sheet    (EmsXlsxReader  *reader,
                                                  const char     *name);
/* TRUE when the workbook counts dates from 1904 */
gboolean           ems_xlsx_reader_get_date1904  (EmsXlsxReader  *reader);

/* Reads the cells of sheet @index; with @max_rows > 0, stops quietly after
 * that many rows (to look at the headings only). Errors as above, the
 * message naming the sheet. */
EmsXlsxSheet      *ems_xlsx_reader_read_sheet    (EmsXlsxReader  *reader,
                                                  guint           index,
                                                  guint           max_rows,
                                                  GError        **error);

void               ems_xlsx_sheet_free           (EmsXlsxSheet   *sheet);
const char        *ems_xlsx_sheet_get_name       (EmsXlsxSheet   *sheet);
/* One past the last row and column that hold a cell (0-based) */
guint              ems_xlsx_sheet_get_n_rows     (EmsXlsxSheet   *sheet);
guint              ems_xlsx_sheet_get_n_columns  (EmsXlsxSheet   *sheet);
/* The cell at 0-based @row, @col, or NULL when there is none */
const EmsXlsxCell *ems_xlsx_sheet_get_cell       (EmsXlsxSheet   *sheet,
                                                  guint           row,
                                                  guint           col);
/* "Sheet!E7" */
char              *ems_xlsx_sheet_cell_ref       (EmsXlsxSheet   *sheet,
                                                  guint           row,
                                                  guint           col);

/* "E7" from 0-based @row and @col */
char              *ems_xlsx_cell_name_for        (guint           row,
                                                  guint           col);
/* Parses "E7" (or "$E$7") into 0-based @row and @col */
gboolean           ems_xlsx_parse_cell_name      (const char     *name,
                                                  guint          *row,
                                                  guint          *col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsXlsxReader, ems_xlsx_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsXlsxSheet, ems_xlsx_sheet_free)

G_END_DECLS
