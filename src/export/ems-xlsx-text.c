/* ems-xlsx-text.c: text made safe for a workbook: cells, formulas and
 * sheet names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text from an assessment is always written as text, cleaned of what XML
 * cannot hold and cut with a visible marker; string literals and sheet
 * names in formulas are quoted; sheet names are legal. Shared by both
 * workbooks (ems-xlsx-private.h).
 */

#define G_LOG_DOMAIN "ems-xlsx"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-xlsx-private.h"

/* At most @max characters of @text, for Excel's fixed limits */
char *
ems_xlsx_utf8_cut (const char *text,
                   glong       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  return g_utf8_substring (text, 0, max);
}

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
 * English name. Every name passes workbook_validate_sheet_name() here,
 * so workbook_add_worksheet() never refuses one (with a line on stderr). */
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
