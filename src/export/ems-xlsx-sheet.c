/* ems-xlsx-sheet.c: the cells of one sheet of a workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows, cells and their values (shared strings, inline strings, numbers,
 * booleans, errors, cached formula results) read from the sheet's part,
 * within EMS_XLSX_MAX_ROWS, EMS_XLSX_MAX_ROW_TAGS and EMS_XLSX_MAX_CELLS.
 */

#define G_LOG_DOMAIN "ems-xlsx-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-xlsx-reader-private.h"

struct _EmsXlsxSheet
{
  char       *name;
  GHashTable *cells;    /* row * EMS_XLSX_MAX_COLUMNS + col → EmsXlsxCell* */
  guint       n_rows;
  guint       n_columns;
};

static void
cell_free (EmsXlsxCell *cell)
{
  g_free (cell->text);
  g_free (cell);
}

/* Cell names ----------------------------------------------------------------- */

char *
ems_xlsx_cell_name_for (guint row,
                        guint col)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;
  guint n = col + 1;

  letters[i] = '\0';
  while (n > 0 && i > 0)
    {
      letters[--i] = 'A' + (n - 1) % 26;
      n = (n - 1) / 26;
    }

  return g_strdup_printf ("%s%u", letters + i, row + 1);
}

gboolean
ems_xlsx_parse_cell_name (const char *name,
                          guint      *row,
                          guint      *col)
{
  guint64 c = 0, r = 0;
  const char *p = name;
  guint n_letters = 0, n_digits = 0;

  if (p == NULL)
    return FALSE;
  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p) && n_letters < 4; p++, n_letters++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p) && n_digits < 8; p++, n_digits++)
    r = r * 10 + (*p - '0');

  if (*p != '\0' || n_letters == 0 || n_digits == 0 || c == 0 || r == 0
      || c > EMS_XLSX_MAX_COLUMNS || r > 1048576)
    return FALSE;

  *row = r - 1;
  *col = c - 1;
  return TRUE;
}

/* Sheets ------------------------------------------------------------------ */

typedef struct
{
  guint     row, col;
  char     *type;
  GString  *value;
  gboolean  has_value;
  gboolean  in_v, in_is, in_t;
  guint     in_rph;
} CellState;

static void
store_cell (EmsXlsxReader *reader,
            EmsXlsxSheet  *sheet,
            CellState     *cs)
{
  EmsXlsxCell *cell;
  const char *t = cs->type != NULL ? cs->type : "n";
  const char *v = cs->value->str;

  if (!cs->has_value)
    return;   /* a formatted blank */

  cell = g_new0 (EmsXlsxCell, 1);
  if (g_str_equal (t, "s"))
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (v, &end, 10);

      if (end != v && *end == '\0' && index < reader->strings->len)
        {
          cell->type = EMS_XLSX_CELL_STRING;
          cell->text = g_strdup (g_ptr_array_index (reader->strings, index));
        }
      else
        {
          cell->type = EMS_XLSX_CELL_ERROR;
          cell->text = g_strdup ("#REF!");
        }
    }
  else if (g_str_equal (t, "str") || g_str_equal (t, "inlineStr") || g_str_equal (t, "d"))
    {
      cell->type = EMS_XLSX_CELL_STRING;
      cell->text = g_strdup (v);
    }
  else if (g_str_equal (t, "b"))
    {
      cell->type = EMS_XLSX_CELL_BOOLEAN;
      cell->number = g_str_equal (g_strstrip (cs->value->str), "1") || g_ascii_strcasecmp (v, "true") == 0;
    }
  else if (g_str_equal (t, "e"))
    {
      cell->type = EMS_XLSX_CELL_ERROR;
      cell->text = g_strdup (v);
    }
  else
    {
      char *end = NULL;
      double number;

      g_strstrip (cs->value->str);
      number = g_ascii_strtod (cs->value->str, &end);
      if (end != cs->value->str && *end == '\0' && isfinite (number))
        {
          cell->type = EMS_XLSX_CELL_NUMBER;
          cell->number = number;
        }
      else
        {
          /* A number cell that holds no number: keep the text, the
           * importer says what it expected */
          cell->type = EMS_XLSX_CELL_STRING;
          cell->text = g_strdup (cs->value->str);
        }
    }

  g_hash_table_replace (sheet->cells, GUINT_TO_POINTER (cs->row * EMS_XLSX_MAX_COLUMNS + cs->col), cell);
  sheet->n_rows = MAX (sheet->n_rows, cs->row + 1);
  sheet->n_columns = MAX (sheet->n_columns, cs->col + 1);
}

EmsXlsxSheet *
ems_xlsx_reader_read_sheet (EmsXlsxReader  *reader,
                            guint           index,
                            guint           max_rows,
                            GError        **error)
{
  SheetInfo *info;
  g_autoptr(EmsXlsxSheet) sheet = NULL;
  CellState cs = { 0 };
  guint row = 0, next_col = 0, n_row_tags = 0, n_cells = 0;
  gboolean in_cell = FALSE, in_data = FALSE, have_row = FALSE;
  Xml x;
  int ret;

  g_return_val_if_fail (index < reader->sheets->len, NULL);
  info = g_ptr_array_index (reader->sheets, index);

  if (!ems_xlsx_xml_open (reader, info->part, TRUE, &x, error))
    return NULL;

  sheet = g_new0 (EmsXlsxSheet, 1);
  sheet->name = g_strdup (info->name);
  sheet->cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cell_free);
  cs.value = g_string_new (NULL);

  while ((ret = ems_xlsx_xml_next (&x, error)) == 1)
    {
      if (!in_data)
        {
          if (ems_xlsx_xml_is_start (&x, "sheetData"))
            {
              if (xmlTextReaderIsEmptyElement (x.xml))
                break;
              in_data = TRUE;
            }
          continue;
        }

      if (ems_xlsx_xml_is_end (&x, "sheetData"))
        break;

      if (ems_xlsx_xml_is_start (&x, "row"))
        {
          g_autofree char *r = ems_xlsx_xml_attr (&x, "r");
          guint64 number = 0;

          if (++n_row_tags > EMS_XLSX_MAX_ROW_TAGS)
            {
              g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                           _("The sheet “%s” has more than %u rows: it is not a questionnaire or an assessment workbook of ours"),
                           info->name, EMS_XLSX_MAX_ROW_TAGS);
              ret = -1;
              break;
            }
          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, 1048576, &number, NULL))
            row = number - 1;
          else
            row = have_row ? row + 1 : 0;
          have_row = TRUE;
          next_col = 0;

          if (max_rows > 0 && row >= max_rows)
            break;
          if (xmlTextReaderIsEmptyElement (x.xml))
            continue;
          if (row >= EMS_XLSX_MAX_ROWS)
            {
              g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                           _("The sheet “%s” has a row %u: more rows than a questionnaire or an assessment workbook of ours can hold (%u)"),
                           info->name, row + 1, EMS_XLSX_MAX_ROWS);
              ret = -1;
              break;
            }
        }
      else if (ems_xlsx_xml_is_start (&x, "c"))
        {
          g_autofree char *r = ems_xlsx_xml_attr (&x, "r");
          guint cell_row, cell_col;

          if (r != NULL && ems_xlsx_parse_cell_name (r, &cell_row, &cell_col))
            {
              if (cell_row != row)
                cell_col = next_col;   /* a cell outside its row: keep the row */
            }
          else
            cell_col = next_col;
          if (cell_col >= EMS_XLSX_MAX_COLUMNS)
            continue;
          if (row >= EMS_XLSX_MAX_ROWS)
            {
              /* A cell outside any <row>, after an empty far row */
              g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                           _("The sheet “%s” has a row %u: more rows than a questionnaire or an assessment workbook of ours can hold (%u)"),
                           info->name, row + 1, EMS_XLSX_MAX_ROWS);
              ret = -1;
              break;
            }
          next_col = cell_col + 1;

          if (++n_cells > EMS_XLSX_MAX_CELLS)
            {
              g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                           _("The sheet “%s” has more than %u cells: it is not a questionnaire or an assessment workbook of ours"),
                           info->name, EMS_XLSX_MAX_CELLS);
              ret = -1;
              break;
            }

          if (xmlTextReaderIsEmptyElement (x.xml))
            continue;
          in_cell = TRUE;
          cs.row = row;
          cs.col = cell_col;
          g_clear_pointer (&cs.type, g_free);
          cs.type = ems_xlsx_xml_attr (&x, "t");
          g_string_truncate (cs.value, 0);
          cs.has_value = FALSE;
          cs.in_v = cs.in_is = cs.in_t = FALSE;
          cs.in_rph = 0;
        }
      else if (!in_cell)
        continue;
      else if (ems_xlsx_xml_is_end (&x, "c"))
        {
          store_cell (reader, sheet, &cs);
          in_cell = FALSE;
        }
      else if (ems_xlsx_xml_is_start (&x, "v"))
        {
          cs.has_value = TRUE;
          cs.in_v = !xmlTextReaderIsEmptyElement (x.xml);
        }
      else if (ems_xlsx_xml_is_end (&x, "v"))
        cs.in_v = FALSE;
      else if (ems_xlsx_xml_is_start (&x, "is"))
        {
          cs.has_value = TRUE;
          cs.in_is = !xmlTextReaderIsEmptyElement (x.xml);
        }
      else if (ems_xlsx_xml_is_end (&x, "is"))
        cs.in_is = FALSE;
      else if (ems_xlsx_xml_is_start (&x, "rPh") && !xmlTextReaderIsEmptyElement (x.xml))
        cs.in_rph++;
      else if (ems_xlsx_xml_is_end (&x, "rPh") && cs.in_rph > 0)
        cs.in_rph--;
      else if (cs.in_is && ems_xlsx_xml_is_start (&x, "t") && !xmlTextReaderIsEmptyElement (x.xml))
        cs.in_t = TRUE;
      else if (ems_xlsx_xml_is_end (&x, "t"))
        cs.in_t = FALSE;
      else if (ems_xlsx_xml_is_text (&x) && (cs.in_v || (cs.in_is && cs.in_t && cs.in_rph == 0)))
        {
          const char *value = (const char *) xmlTextReaderConstValue (x.xml);

          g_string_append (cs.value, value);
        }
    }

  g_clear_pointer (&cs.type, g_free);
  g_string_free (cs.value, TRUE);
  ems_xlsx_xml_clear (&x);

  if (ret < 0)
    return NULL;

  return g_steal_pointer (&sheet);
}

void
ems_xlsx_sheet_free (EmsXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_clear_pointer (&sheet->cells, g_hash_table_unref);
  g_free (sheet->name);
  g_free (sheet);
}

const char *
ems_xlsx_sheet_get_name (EmsXlsxSheet *sheet)
{
  return sheet->name;
}

guint
ems_xlsx_sheet_get_n_rows (EmsXlsxSheet *sheet)
{
  return sheet->n_rows;
}

guint
ems_xlsx_sheet_get_n_columns (EmsXlsxSheet *sheet)
{
  return sheet->n_columns;
}

const EmsXlsxCell *
ems_xlsx_sheet_get_cell (EmsXlsxSheet *sheet,
                         guint         row,
                         guint         col)
{
  if (row >= sheet->n_rows || col >= sheet->n_columns)
    return NULL;
  return g_hash_table_lookup (sheet->cells, GUINT_TO_POINTER (row * EMS_XLSX_MAX_COLUMNS + col));
}

char *
ems_xlsx_sheet_cell_ref (EmsXlsxSheet *sheet,
                         guint         row,
                         guint         col)
{
  g_autofree char *cell = ems_xlsx_cell_name_for (row, col);

  return g_strdup_printf ("%s!%s", sheet->name, cell);
}
