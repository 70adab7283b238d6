/* ems-xlsx.c: the assessment as a spreadsheet workbook (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four sheets: Summary (profile, scores as formulas over Answers, charts),
 * Answers (one row per question, the level column editable), Actions and
 * Method. The Summary's formulas implement the scoring rule of the domain
 * brief in plain A1 references (LibreOffice 7.4 cannot evaluate structured
 * references) and carry the values ems_scores_compute() gives, so every
 * reader shows the right numbers before recalculating.
 */

#define G_LOG_DOMAIN "ems-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "ems-atomic-file.h"
#include "ems-error.h"
#include "ems-scores.h"
#include "ems-xlsx.h"
#include "ems-xlsx-private.h"

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

  char          *summary_name;
  char          *answers_name;
  char          *actions_name;
  char          *method_name;
  char          *answers_ref;     /* "'Answers'!" */
  char          *method_ref;

  /* Answers rows (0-based, inclusive) of each element; first > last when
   * the element has no question */
  guint         *first_row;
  guint         *last_row;
  guint          n_answer_rows;

  const char    *na_token;
  const char    *yes;
  const char    *no;
} Export;

static void
export_clear (Export *ex)
{
  g_clear_pointer (&ex->scores, ems_scores_free);
  g_clear_pointer (&ex->summary_name, g_free);
  g_clear_pointer (&ex->answers_name, g_free);
  g_clear_pointer (&ex->actions_name, g_free);
  g_clear_pointer (&ex->method_name, g_free);
  g_clear_pointer (&ex->answers_ref, g_free);
  g_clear_pointer (&ex->method_ref, g_free);
  g_clear_pointer (&ex->first_row, g_free);
  g_clear_pointer (&ex->last_row, g_free);
}

/* Shared with ems-xlsx-compare.c (ems-xlsx-private.h) -------------------- */

void
ems_xlsx_check (EmsXlsxBook *book,
                lxw_error    err,
                const char  *where)
{
  if (err != LXW_NO_ERROR && book->error == LXW_NO_ERROR)
    {
      book->error = err;
      book->error_where = where;
    }
}

/* A drop-down or its prompt that does not fit Excel's limits (a long
 * translation) is left out rather than failing the export. */
void
ems_xlsx_optional (lxw_error   err,
                   const char *what)
{
  if (err != LXW_NO_ERROR)
    g_debug ("%s left out: %s", what, lxw_strerror (err));
}

/* At most @max characters of @text, for Excel's fixed limits */
char *
ems_xlsx_utf8_cut (const char *text,
                   glong       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  return g_utf8_substring (text, 0, max);
}

/* Text safety ----------------------------------------------------------- */

static gboolean
is_xml_char (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n';
  if (c >= 0xD800 && c <= 0xDFFF)
    return FALSE;
  return c != 0xFFFE && c != 0xFFFF;
}

static gboolean
is_hex4 (const char *p)
{
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* TRUE when @text needs none of ems_xlsx_clean_text()'s changes: valid
 * UTF-8 with no control character but tab and line feed, no U+FFFE or
 * U+FFFF, no "_x" and short enough for a cell (a UTF-8 text never has more
 * UTF-16 code units than bytes). Nearly every answer is like that. */
static gboolean
is_clean_text (const char *text)
{
  const guchar *p;

  for (p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n')
        return FALSE;
      if (*p == '_' && p[1] == 'x')
        return FALSE;
      if (*p == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        return FALSE;
    }

  return p - (const guchar *) text <= EMS_XLSX_CELL_MAX_UNITS &&
         g_utf8_validate (text, p - (const guchar *) text, NULL);
}

/* Makes @text safe for a cell: valid UTF-8, no character XML cannot hold,
 * CR LF as LF, "_xHHHH_" escaped so Excel does not decode it, and at most
 * EMS_XLSX_CELL_MAX_UNITS UTF-16 code units with a visible marker where it was cut.
 * Returns NULL for NULL or empty text. */
char *
ems_xlsx_clean_text (const char *text,
                     gboolean   *cut)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;
  const char *marker;
  glong marker_units;
  glong units = 0;
  glong limit;

  *cut = FALSE;

  if (text == NULL || *text == '\0')
    return NULL;

  if (is_clean_text (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] == '\n')
            continue;
          c = '\n';
        }

      if (!is_xml_char (c))
        continue;

      /* Excel reads "_x0041_" in a string as "A": escape the underscore */
      if (c == '_' && p[1] == 'x' && is_hex4 (p + 2) && p[6] == '_')
        g_string_append (out, "_x005F");

      g_string_append_unichar (out, c);
    }

  /* Translators: appended where a text too long for a spreadsheet cell
   * was cut; keep it short and keep the line breaks */
  marker = _("\n\n[… cut here: a cell holds at most 32,767 characters; "
             "the full text is in the assessment file]");
  marker_units = g_utf8_strlen (marker, -1);
  limit = EMS_XLSX_CELL_MAX_UNITS - marker_units;

  for (const char *p = out->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      units += c > 0xFFFF ? 2 : 1;
      if (units > EMS_XLSX_CELL_MAX_UNITS)
        {
          /* Too long: find the cut point that leaves room for the marker */
          const char *q = out->str;
          glong kept = 0;

          while (*q != '\0')
            {
              gunichar d = g_utf8_get_char (q);
              glong w = d > 0xFFFF ? 2 : 1;

              if (kept + w > limit)
                break;
              kept += w;
              q = g_utf8_next_char (q);
            }

          g_string_truncate (out, q - out->str);
          g_string_append (out, marker);
          *cut = TRUE;
          break;
        }
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
ems_xlsx_cell_name (lxw_row_t row,
                    lxw_col_t col)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, col);
  return g_strdup (name);
}

/* Spreadsheet applications do not grow rows for wrapped text on their
 * own (LibreOffice keeps the stored height): estimate the lines a text
 * takes in a column @width characters wide. */
guint
ems_xlsx_text_lines (const char *text,
                     double      width)
{
  g_auto(GStrv) parts = NULL;
  /* Proportional text fits about 1.1 characters per width unit */
  glong per_line = MAX (1, (glong) (width * 1.1));
  guint lines = 0;

  if (text == NULL || *text == '\0')
    return 1;

  parts = g_strsplit (text, "\n", -1);
  for (guint i = 0; parts[i] != NULL && lines < 1000; i++)
    {
      glong n = g_utf8_strlen (parts[i], -1);

      lines += MAX (1, (n + per_line - 1) / per_line);
    }

  return lines;
}

void
ems_xlsx_fit_row (EmsXlsxBook   *book,
                  lxw_worksheet *sheet,
                  lxw_row_t      row,
                  guint          lines)
{
  /* 15 points a line of 11-point text; Excel's maximum is 409 points */
  if (lines > 1)
    ems_xlsx_check (book, worksheet_set_row (sheet, row, MIN (409.0, 15.0 * lines + 1.0), NULL), "row height");
}

/* Writes assessment text as a string cell (never a formula), or a blank
 * cell with @format when there is no text. */
void
ems_xlsx_write_text (EmsXlsxBook   *book,
                     lxw_worksheet *sheet,
                     const char    *sheet_name,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *text,
                     lxw_format    *format)
{
  g_autofree char *clean = NULL;
  gboolean cut;

  clean = ems_xlsx_clean_text (text, &cut);

  if (clean == NULL)
    {
      if (format != NULL)
        ems_xlsx_check (book, worksheet_write_blank (sheet, row, col, format), "blank");
      return;
    }

  if (cut)
    {
      g_autofree char *cell = ems_xlsx_cell_name (row, col);

      g_ptr_array_add (book->warnings,
                       /* Translators: %s are a sheet name and a cell such as "I7" */
                       g_strdup_printf (_("%s, cell %s: the text was longer than a cell can hold (32,767 characters) and was cut"),
                                        sheet_name, cell));
    }

  ems_xlsx_check (book, worksheet_write_string (sheet, row, col, clean, format), "string");
}

lxw_row_t
ems_xlsx_write_method_line (EmsXlsxBook   *book,
                            lxw_worksheet *sheet,
                            const char    *sheet_name,
                            lxw_row_t      row,
                            const char    *label,
                            const char    *text,
                            double         text_width)
{
  ems_xlsx_check (book, worksheet_write_string (sheet, row, 0, label, book->f_label), "label");
  ems_xlsx_check (book, worksheet_merge_range (sheet, row, 1, row, 2, "", book->f_wrap), "merge");
  ems_xlsx_write_text (book, sheet, sheet_name, row, 1, text, book->f_wrap);
  ems_xlsx_fit_row (book, sheet, row, ems_xlsx_text_lines (text, text_width));

  return row + 1;
}

/* @text between two @quote characters, each @quote inside doubled: how
 * formulas quote both string literals and sheet names. */
static GString *
quote_doubled (const char *text,
               char        quote)
{
  GString *s = g_string_new (NULL);

  g_string_append_c (s, quote);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == quote)
        g_string_append_c (s, quote);
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, quote);

  return s;
}

/* A string literal for a formula: "…" with quotes doubled */
char *
ems_xlsx_formula_string (const char *text)
{
  return g_string_free (quote_doubled (text, '"'), FALSE);
}

/* A sheet name for use in a formula: always quoted, quotes doubled */
char *
ems_xlsx_sheet_ref (const char *name)
{
  GString *s = quote_doubled (name, '\'');

  g_string_append_c (s, '!');

  return g_string_free (s, FALSE);
}

/* Makes a (translated) sheet name legal: no []:*?/\, at most 31
 * characters, no apostrophe at either end, unique; falls back to the
 * English name. */
char *
ems_xlsx_legal_sheet_name (lxw_workbook *workbook,
                           const char   *translated,
                           const char   *fallback)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (translated, -1);
  glong n = 0;

  for (const char *p = valid; *p != '\0' && n < LXW_SHEETNAME_MAX; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL))
        c = '_';
      g_string_append_unichar (s, c);
      n++;
    }

  while (s->len > 0 && s->str[0] == '\'')
    g_string_erase (s, 0, 1);
  while (s->len > 0 && s->str[s->len - 1] == '\'')
    g_string_truncate (s, s->len - 1);

  if (s->len == 0
      || g_ascii_strcasecmp (s->str, "History") == 0
      || workbook_validate_sheet_name (workbook, s->str) != LXW_NO_ERROR)
    return g_strdup (fallback);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

lxw_worksheet *
ems_xlsx_add_sheet (EmsXlsxBook *book,
                    const char  *translated,
                    const char  *fallback,
                    char       **name)
{
  *name = ems_xlsx_legal_sheet_name (book->workbook, translated, fallback);
  return workbook_add_worksheet (book->workbook, *name);
}

char *
ems_xlsx_band_formula (const char *cell)
{
  g_autofree char *red = ems_xlsx_formula_string (ems_band_to_label (EMS_BAND_RED));
  g_autofree char *amber = ems_xlsx_formula_string (ems_band_to_label (EMS_BAND_AMBER));
  g_autofree char *green = ems_xlsx_formula_string (ems_band_to_label (EMS_BAND_GREEN));

  return g_strdup_printf ("=IF(ISNUMBER(%s),IF(%s<40,%s,IF(%s<70,%s,%s)),\"\")",
                          cell, cell, red, cell, amber, green);
}

void
ems_xlsx_band_formats (EmsXlsxBook   *book,
                       lxw_worksheet *sheet,
                       lxw_row_t      first_row,
                       lxw_col_t      first_col,
                       lxw_row_t      last_row,
                       lxw_col_t      last_col,
                       const char    *cell)
{
  g_autofree char *red = NULL;
  g_autofree char *amber = NULL;
  g_autofree char *green = NULL;
  struct { const char *formula; lxw_format *format; } bands[3];

  red = g_strdup_printf ("=AND(ISNUMBER(%s),%s<40)", cell, cell);
  amber = g_strdup_printf ("=AND(ISNUMBER(%s),%s>=40,%s<70)", cell, cell, cell);
  green = g_strdup_printf ("=AND(ISNUMBER(%s),%s>=70)", cell, cell);
  bands[0].formula = red;
  bands[0].format = book->f_red;
  bands[1].formula = amber;
  bands[1].format = book->f_amber;
  bands[2].formula = green;
  bands[2].format = book->f_green;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      lxw_conditional_format cf = { 0 };

      cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
      cf.value_string = (char *) bands[i].formula;
      cf.format = bands[i].format;
      ems_xlsx_check (book, worksheet_conditional_format_range (sheet, first_row, first_col,
                                                                last_row, last_col, &cf),
                      "conditional format");
    }
}

static void
make_formats (EmsXlsxBook *book)
{
  lxw_workbook *wb = book->workbook;

  book->f_title = workbook_add_format (wb);
  format_set_bold (book->f_title);
  format_set_font_size (book->f_title, 16);
  format_set_font_color (book->f_title, 0x1F4E3D);

  book->f_subtitle = workbook_add_format (wb);
  format_set_italic (book->f_subtitle);
  format_set_font_color (book->f_subtitle, 0x595959);

  book->f_section = workbook_add_format (wb);
  format_set_bold (book->f_section);
  format_set_font_size (book->f_section, 12);
  format_set_font_color (book->f_section, 0x1F4E3D);

  book->f_header = workbook_add_format (wb);
  format_set_bold (book->f_header);
  format_set_font_color (book->f_header, LXW_COLOR_WHITE);
  format_set_bg_color (book->f_header, 0x2E6B57);
  format_set_text_wrap (book->f_header);
  format_set_align (book->f_header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (book->f_header, LXW_BORDER_THIN);
  format_set_border_color (book->f_header, 0xBFBFBF);

  book->f_label = workbook_add_format (wb);
  format_set_bold (book->f_label);
  format_set_align (book->f_label, LXW_ALIGN_VERTICAL_TOP);

  book->f_text = workbook_add_format (wb);
  format_set_align (book->f_text, LXW_ALIGN_LEFT);
  format_set_align (book->f_text, LXW_ALIGN_VERTICAL_TOP);

  book->f_wrap = workbook_add_format (wb);
  format_set_text_wrap (book->f_wrap);
  format_set_align (book->f_wrap, LXW_ALIGN_VERTICAL_TOP);

  book->f_center = workbook_add_format (wb);
  format_set_align (book->f_center, LXW_ALIGN_CENTER);
  format_set_align (book->f_center, LXW_ALIGN_VERTICAL_TOP);

  book->f_input = workbook_add_format (wb);
  format_set_align (book->f_input, LXW_ALIGN_CENTER);
  format_set_align (book->f_input, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (book->f_input, 0xFFF2CC);
  format_set_border (book->f_input, LXW_BORDER_HAIR);
  format_set_border_color (book->f_input, 0xBF9000);
  format_set_bold (book->f_input);

  book->f_date = workbook_add_format (wb);
  format_set_num_format (book->f_date, "yyyy-mm-dd");
  format_set_align (book->f_date, LXW_ALIGN_LEFT);
  format_set_align (book->f_date, LXW_ALIGN_VERTICAL_TOP);

  book->f_date_input = workbook_add_format (wb);
  format_set_num_format (book->f_date_input, "yyyy-mm-dd");
  format_set_align (book->f_date_input, LXW_ALIGN_CENTER);
  format_set_align (book->f_date_input, LXW_ALIGN_VERTICAL_TOP);

  book->f_score = workbook_add_format (wb);
  format_set_num_format (book->f_score, "0.0");
  format_set_align (book->f_score, LXW_ALIGN_CENTER);

  book->f_score_big = workbook_add_format (wb);
  format_set_num_format (book->f_score_big, "0.0");
  format_set_bold (book->f_score_big);
  format_set_font_size (book->f_score_big, 14);
  format_set_align (book->f_score_big, LXW_ALIGN_LEFT);

  book->f_percent = workbook_add_format (wb);
  format_set_num_format (book->f_percent, "0.0%");
  format_set_align (book->f_percent, LXW_ALIGN_CENTER);

  book->f_percent_left = workbook_add_format (wb);
  format_set_num_format (book->f_percent_left, "0.0%");
  format_set_align (book->f_percent_left, LXW_ALIGN_LEFT);

  book->f_integer = workbook_add_format (wb);
  format_set_num_format (book->f_integer, "0");
  format_set_align (book->f_integer, LXW_ALIGN_LEFT);
  format_set_align (book->f_integer, LXW_ALIGN_VERTICAL_TOP);

  book->f_flag = workbook_add_format (wb);
  format_set_bold (book->f_flag);
  format_set_font_color (book->f_flag, 0xC00000);
  format_set_align (book->f_flag, LXW_ALIGN_CENTER);

  /* Band colours, applied by conditional formats so they follow edits */
  book->f_red = workbook_add_format (wb);
  format_set_bg_color (book->f_red, 0xF4CCCC);
  format_set_font_color (book->f_red, 0x990000);

  book->f_amber = workbook_add_format (wb);
  format_set_bg_color (book->f_amber, 0xFCE8B2);
  format_set_font_color (book->f_amber, 0x7F6000);

  book->f_green = workbook_add_format (wb);
  format_set_bg_color (book->f_green, 0xD9EAD3);
  format_set_font_color (book->f_green, 0x274E13);
}

/* The assessment workbook ------------------------------------------------ */

static void
check (Export     *ex,
       lxw_error   err,
       const char *where)
{
  ems_xlsx_check (ex->book, err, where);
}

static void
fit_row (Export        *ex,
         lxw_worksheet *sheet,
         lxw_row_t      row,
         guint          lines)
{
  ems_xlsx_fit_row (ex->book, sheet, row, lines);
}

static void
write_text (Export        *ex,
            lxw_worksheet *sheet,
            const char    *sheet_name,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  ems_xlsx_write_text (ex->book, sheet, sheet_name, row, col, text, format);
}

/* Parses "YYYY-MM-DD" */
static gboolean
parse_date (const char   *text,
            lxw_datetime *out)
{
  int y, m, d;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y) || y < 1900)
    return FALSE;

  *out = (lxw_datetime) { .year = y, .month = m, .day = d };
  return TRUE;
}

static void
write_date_or_text (Export        *ex,
                    lxw_worksheet *sheet,
                    const char    *sheet_name,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    const char    *text,
                    lxw_format    *date_format,
                    lxw_format    *text_format)
{
  lxw_datetime dt;

  if (parse_date (text, &dt))
    check (ex, worksheet_write_datetime (sheet, row, col, &dt, date_format), "date");
  else
    write_text (ex, sheet, sheet_name, row, col, text, text_format);
}

static void
band_conditional_formats (Export    *ex,
                          lxw_row_t  first_row,
                          lxw_row_t  last_row,
                          lxw_col_t  first_col,
                          lxw_col_t  last_col,
                          lxw_col_t  score_col)
{
  char c[LXW_MAX_CELL_NAME_LENGTH];

  /* Relative row, absolute column ("$C19"), except for the overall score
   * and band, which both test the overall score ("$C$14") */
  lxw_rowcol_to_cell_abs (c, first_row, score_col, first_row == SUM_ROW_OVERALL, TRUE);
  ems_xlsx_band_formats (ex->book, ex->summary, first_row, first_col, last_row, last_col, c);
}

static void
plan_answer_rows (Export *ex)
{
  guint n_elements = ems_checklist_get_n_elements (ex->checklist);
  guint row = 1;

  ex->first_row = g_new0 (guint, n_elements + 1);
  ex->last_row = g_new0 (guint, n_elements + 1);

  for (guint e = 1; e <= n_elements; e++)
    {
      const EmsElement *element = ems_checklist_get_element (ex->checklist, e);

      ex->first_row[e] = row;
      row += element->n_questions;
      ex->last_row[e] = row - 1;   /* first > last when empty */
    }

  ex->n_answer_rows = row - 1;
}

/* "'Answers'!$E$2:$E$6" */
static char *
answers_range (Export    *ex,
               guint      element,
               lxw_col_t  col)
{
  char first[LXW_MAX_CELL_NAME_LENGTH];
  char last[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (first, ex->first_row[element], col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last, ex->last_row[element], col, TRUE, TRUE);

  return g_strdup_printf ("%s%s:%s", ex->answers_ref, first, last);
}

static char *
answers_all_range (Export    *ex,
                   lxw_col_t  col)
{
  char first[LXW_MAX_CELL_NAME_LENGTH];
  char last[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (first, 1, col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last, MAX (ex->n_answer_rows, 1), col, TRUE, TRUE);

  return g_strdup_printf ("%s%s:%s", ex->answers_ref, first, last);
}

/* Summary ---------------------------------------------------------------- */

static void
write_profile_row (Export     *ex,
                   lxw_row_t   row,
                   const char *label,
                   const char *value)
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
write_summary (Export *ex)
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

  worksheet_set_column (ws, SUM_COL_NUMBER, SUM_COL_NUMBER, SUM_WIDTH_NUMBER, NULL);
  worksheet_set_column (ws, SUM_COL_TITLE, SUM_COL_TITLE, SUM_WIDTH_TITLE, NULL);
  worksheet_set_column (ws, SUM_COL_SCORE, SUM_COL_RED_FLAG, SUM_WIDTH_FIGURE, NULL);
  worksheet_set_column (ws, N_SUM_COLS, N_SUM_COLS, 3, NULL);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);   /* A4 */
  worksheet_fit_to_pages (ws, 1, 1);
  worksheet_hide_zero (ws);

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
    ems_xlsx_optional (worksheet_data_validation_cell (ws, SUM_ROW_TARGET_LEVEL, SUM_COL_SCORE, &dv),
              "target validation");
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
          g_autofree char *wt = answers_range (ex, e, COL_WEIGHT);
          g_autofree char *cr = answers_range (ex, e, COL_CRITICAL);

          /* Element score = 100 × Σ(w·level) / Σ(4·w) over answered,
           * applicable questions (numbers in the level column); empty
           * when there is none. SUMPRODUCT treats the text "N/A" and
           * blanks as 0 in the numerator. */
          formula = g_strdup_printf ("=IF(SUMPRODUCT(ISNUMBER(%s)*%s)=0,\"\","
                                     "100*SUMPRODUCT(%s,%s)/(4*SUMPRODUCT(ISNUMBER(%s)*%s)))",
                                     lv, wt, wt, lv, lv, wt);
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
          formula = g_strdup_printf ("=IF(SUMPRODUCT((%s=%s)*ISNUMBER(%s)*(%s=0))>0,%s,\"\")",
                                     cr, yes, lv, lv, yes);
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
write_charts (Export *ex)
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

/* Answers ---------------------------------------------------------------- */

static char *
join_refs (char **refs)
{
  if (refs == NULL)
    return NULL;
  return g_strjoinv (", ", refs);
}

static void
write_answers (Export *ex)
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
      check (ex, worksheet_set_column (ws, c, c, widths[c], f), "column");
      check (ex, worksheet_write_string (ws, 0, c, headers[c], ex->book->f_header), "header");
    }
  check (ex, worksheet_set_row (ws, 0, 32, NULL), "row");

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
        }
    }

  if (ex->n_answer_rows > 0)
    {
      lxw_data_validation dv = { 0 };
      char *choices[EMS_LEVEL_MAX + 3] = { "0", "1", "2", "3", "4", (char *) ex->na_token, NULL };
      g_autofree char *input_title = ems_xlsx_utf8_cut (_("Level"), 32);
      g_autofree char *input_message = NULL;

      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = choices;
      dv.ignore_blank = LXW_VALIDATION_ON;
      dv.dropdown = LXW_VALIDATION_ON;
      dv.show_input = LXW_VALIDATION_ON;
      dv.show_error = LXW_VALIDATION_ON;
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      {
        g_autofree char *full = NULL;

        /* Translators: %s is the short "N/A" mark; at most 255 characters */
        full = g_strdup_printf (_("0 Not in place … 4 Measured and improved, or %s; leave empty when not yet answered. The scores on the Summary sheet follow."),
                                ex->na_token);
        /* Excel holds at most 255 characters in a prompt */
        input_message = ems_xlsx_utf8_cut (full, 255);
      }
      dv.input_title = input_title;
      dv.input_message = input_message;
      dv.error_title = input_title;
      dv.error_message = input_message;
      ems_xlsx_optional (worksheet_data_validation_range (ws, 1, COL_LEVEL, ex->n_answer_rows, COL_LEVEL, &dv),
                "level validation");
    }

  worksheet_freeze_panes (ws, 1, 0);
  check (ex, worksheet_autofilter (ws, 0, 0, MAX (ex->n_answer_rows, 1), N_ANSWER_COLS - 1), "autofilter");
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);
  worksheet_fit_to_pages (ws, 1, 0);
  check (ex, worksheet_repeat_rows (ws, 0, 0), "repeat rows");
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

static void
write_actions (Export *ex)
{
  lxw_worksheet *ws = ex->actions;
  guint n = ems_assessment_get_n_actions (ex->assessment);
  const char *headers[] = {
    C_("column heading: action number", "#"), _("Action"), _("Element"),
    _("Question"), _("Owner"), _("Due"), _("Status"),
  };
  static const double widths[] = { 5, 50, 9, 10, 24, 12, 14 };
  lxw_data_validation dv = { 0 };
  char *choices[4];

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      check (ex, worksheet_set_column (ws, c, c, widths[c], c == 1 || c == 4 ? ex->book->f_wrap : ex->book->f_center),
             "column");
      check (ex, worksheet_write_string (ws, 0, c, headers[c], ex->book->f_header), "header");
    }
  check (ex, worksheet_set_row (ws, 0, 24, NULL), "row");

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
  ems_xlsx_optional (worksheet_data_validation_range (ws, 1, 6, n + ACTION_SPARE_ROWS, 6, &dv), "status validation");

  {
    lxw_data_validation date_dv = { 0 };

    date_dv.validate = LXW_VALIDATION_TYPE_DATE_NUMBER;
    date_dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN;
    date_dv.value_number = 0;
    ems_xlsx_optional (worksheet_data_validation_range (ws, 1, 5, n + ACTION_SPARE_ROWS, 5, &date_dv),
              "date validation");
  }

  worksheet_freeze_panes (ws, 1, 0);
  check (ex, worksheet_autofilter (ws, 0, 0, MAX (n, 1), G_N_ELEMENTS (headers) - 1), "autofilter");
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);
  worksheet_fit_to_pages (ws, 1, 0);
  check (ex, worksheet_repeat_rows (ws, 0, 0), "repeat rows");
}

/* Method ----------------------------------------------------------------- */

static lxw_row_t
write_method_line (Export     *ex,
                   lxw_row_t   row,
                   const char *label,
                   const char *text)
{
  return ems_xlsx_write_method_line (ex->book, ex->method, ex->method_name, row, label, text,
                                     METHOD_WIDTH_B + METHOD_WIDTH_C);
}

static char *
source_hash (Export   *ex,
             gboolean *from_file)
{
  g_autoptr(GBytes) bytes = NULL;

  *from_file = ex->source != NULL;
  bytes = ex->source ? g_bytes_ref (ex->source) : ems_assessment_serialize (ex->assessment);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
write_method (Export *ex)
{
  lxw_worksheet *ws = ex->method;
  g_autofree char *hash = NULL;
  g_autofree char *version = NULL;
  g_autofree char *time = NULL;
  g_autofree char *app = NULL;
  g_auto(GStrv) unknown = NULL;
  gboolean from_file;
  lxw_row_t row;

  check (ex, worksheet_set_column (ws, 0, 0, METHOD_WIDTH_A, NULL), "column");
  check (ex, worksheet_set_column (ws, 1, 1, METHOD_WIDTH_B, NULL), "column");
  check (ex, worksheet_set_column (ws, 2, 2, METHOD_WIDTH_C, NULL), "column");
  worksheet_set_paper (ws, 9);
  worksheet_fit_to_pages (ws, 1, 0);

  check (ex, worksheet_write_string (ws, 0, 0, _("Method"), ex->book->f_title), "title");

  /* The scale: the Answers sheet looks labels and meanings up here */
  check (ex, worksheet_write_string (ws, METHOD_ROW_SCALE_HEADER, 0, _("Level"), ex->book->f_header), "header");
  check (ex, worksheet_write_string (ws, METHOD_ROW_SCALE_HEADER, 1, _("Label"), ex->book->f_header), "header");
  check (ex, worksheet_write_string (ws, METHOD_ROW_SCALE_HEADER, 2, _("Meaning"), ex->book->f_header), "header");
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

  hash = source_hash (ex, &from_file);
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

  if (ex->book->warnings->len > 0)
    {
      row++;
      check (ex, worksheet_write_string (ws, row++, 0, _("Texts cut to fit"), ex->book->f_section), "section");
      for (guint i = 0; i < ex->book->warnings->len; i++)
        write_text (ex, ws, ex->method_name, row++, 1, g_ptr_array_index (ex->book->warnings, i), NULL);
    }
}

static void
set_properties (Export *ex)
{
  EmsAssessment *a = ex->assessment;
  gboolean cut;
  g_autofree char *name = ems_xlsx_clean_text (ems_assessment_get_name (a), &cut);
  g_autofree char *assessor = ems_xlsx_clean_text (ems_assessment_get_assessor (a), &cut);
  g_autofree char *title = NULL;
  g_autofree char *checklist = NULL;
  g_autofree char *hash = NULL;
  gboolean from_file;
  lxw_doc_properties props = { 0 };

  if (name != NULL)
    /* Translators: the document title; %s is the organisation */
    title = g_strdup_printf (_("Environmental self-assessment: %s"), name);
  else
    title = g_strdup (_("Environmental self-assessment"));

  props.title = title;
  props.subject = (char *) _("Self-assessment against the 10 Elements of an effective environmental management system (CEC)");
  props.author = assessor;
  props.company = name;
  props.category = (char *) _("Environmental management");
  /* Translators: document keywords, separated by commas */
  props.keywords = (char *) _("EMS, environmental management system, 10 Elements, CEC, self-assessment, ISO 14001");
  props.comments = (char *) _("Exported by Ten Elements");
  props.created = g_date_time_to_unix (ex->export_time);
  check (ex, workbook_set_properties (ex->book->workbook, &props), "properties");

  /* Custom properties: fixed English names, for scripts */
  check (ex, workbook_set_custom_property_integer (ex->book->workbook, "EMS format version",
                                                   EMS_FORMAT_VERSION), "custom");
  checklist = g_strdup_printf ("%s %u", ems_checklist_get_id (ex->checklist),
                               ems_checklist_get_version (ex->checklist));
  check (ex, workbook_set_custom_property_string (ex->book->workbook, "EMS checklist", checklist), "custom");
  if (ex->scores->has_overall)
    check (ex, workbook_set_custom_property_number (ex->book->workbook, "EMS overall score",
                                                    ex->scores->overall), "custom");
  hash = source_hash (ex, &from_file);
  check (ex, workbook_set_custom_property_string (ex->book->workbook, "EMS source SHA-256", hash), "custom");
}

static gboolean
build_workbook (EmsXlsxBook  *book,
                gpointer      user_data,
                GError      **error)
{
  Export *ex = user_data;

  ex->book = book;

  ex->summary = ems_xlsx_add_sheet (book, C_("sheet name", "Summary"), "Summary", &ex->summary_name);
  ex->answers = ems_xlsx_add_sheet (book, C_("sheet name", "Answers"), "Answers", &ex->answers_name);
  ex->actions = ems_xlsx_add_sheet (book, C_("sheet name", "Actions"), "Actions", &ex->actions_name);
  ex->method = ems_xlsx_add_sheet (book, C_("sheet name", "Method"), "Method", &ex->method_name);

  if (ex->summary == NULL || ex->answers == NULL || ex->actions == NULL || ex->method == NULL)
    {
      /* Only when two translations collide: fall back to English */
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Could not name the sheets of the workbook"));
      return FALSE;
    }

  ex->answers_ref = ems_xlsx_sheet_ref (ex->answers_name);
  ex->method_ref = ems_xlsx_sheet_ref (ex->method_name);

  plan_answer_rows (ex);
  write_answers (ex);
  write_actions (ex);
  write_summary (ex);
  write_charts (ex);
  write_method (ex);
  set_properties (ex);
  worksheet_activate (ex->summary);

  return TRUE;
}

/* Writing the file ------------------------------------------------------- */

/* Errors of the export carry EMS_ERROR_EXPORT, with the writer's message */
static void
propagate_export_error (GError **error,
                        GError  *local_error)
{
  g_set_error_literal (error, EMS_ERROR, EMS_ERROR_EXPORT, local_error->message);
  g_error_free (local_error);
}

gboolean
ems_xlsx_write_atomic (const char        *path,
                       EmsXlsxBuildFunc   build,
                       gpointer           user_data,
                       char            ***warnings,
                       GError           **error)
{
  EmsXlsxBook book = { 0 };
  lxw_workbook_options options = { .constant_memory = LXW_FALSE };
  g_autoptr(EmsAtomicFile) writer = NULL;
  GError *local_error = NULL;
  locale_t c_numeric;
  locale_t base_locale;
  locale_t old_locale;
  gboolean built = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (build != NULL, FALSE);
  g_return_val_if_fail (warnings == NULL || *warnings == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = ems_atomic_file_open_path (path, NULL, &local_error);
  if (writer == NULL)
    {
      propagate_export_error (error, local_error);
      return FALSE;
    }

  /* libxlsxwriter prints doubles with the C library: in a French or
   * Spanish locale it would write "4,5" and corrupt the workbook. Switch
   * this thread's numbers to "C", keeping the messages' language. */
  base_locale = duplocale (uselocale ((locale_t) 0));
  c_numeric = base_locale != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base_locale) : (locale_t) 0;
  if (c_numeric == (locale_t) 0)
    {
      if (base_locale != (locale_t) 0)
        freelocale (base_locale);
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Could not start the workbook: out of memory"));
      return FALSE;
    }
  old_locale = uselocale (c_numeric);

  book.warnings = g_ptr_array_new_with_free_func (g_free);
  book.workbook = workbook_new_opt (ems_atomic_file_get_temp_path (writer), &options);
  if (book.workbook == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Could not start the workbook: out of memory"));
    }
  else
    {
      lxw_error err;

      make_formats (&book);
      built = build (&book, user_data, error);

      errno = 0;
      err = workbook_close (book.workbook);
      book.workbook = NULL;
      ems_xlsx_check (&book, err, "close");
    }

  uselocale (old_locale);
  freelocale (c_numeric);

  if (built)
    {
      if (book.error != LXW_NO_ERROR)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          /* libxlsxwriter's own words are for developers; ours say what failed */
          g_debug ("libxlsxwriter: %s: %s", book.error_where, lxw_strerror (book.error));
          if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
            g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                         /* Translators: %s is a file name */
                         _("Could not write “%s”: the disk is full"), display);
          else
            g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                         /* Translators: %s is a file name */
                         _("Could not write “%s”: the workbook could not be completed"), display);
        }
      else if (!ems_atomic_file_commit (writer, NULL, NULL, &local_error))
        {
          propagate_export_error (error, local_error);
        }
      else
        {
          ok = TRUE;
        }
    }

  if (ok)
    {
      if (warnings != NULL)
        {
          g_ptr_array_add (book.warnings, NULL);
          *warnings = (char **) g_ptr_array_steal (book.warnings, NULL);
        }
      else
        {
          for (guint i = 0; i < book.warnings->len; i++)
            g_message ("%s: %s", path, (const char *) g_ptr_array_index (book.warnings, i));
        }
    }

  g_ptr_array_unref (book.warnings);

  return ok;
}

gboolean
ems_xlsx_export_full (EmsAssessment  *assessment,
                      GBytes         *source,
                      GDateTime      *export_time,
                      const char     *path,
                      char         ***warnings,
                      GError        **error)
{
  Export ex = { 0 };
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
