/* ems-workbook-cells.c: reading the values of our workbooks' cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A level cell holds the drop-down's text in any language, a bare number
 * 0–4 or an N/A mark; dates are date cells (1900 or 1904 system) or ISO
 * text; numbers that become text are written in the C locale.
 */

#define G_LOG_DOMAIN "ems-workbook-import"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-workbook-import-private.h"

/* Lower case, trimmed, inner spaces and line breaks as one space */
char *
ems_workbook_normalize (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *folded = NULL;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  folded = g_utf8_strdown (text, -1);
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
ems_workbook_add_problem (Import       *im,
                          gboolean      warning,
                          EmsXlsxSheet *sheet,
                          guint         row,
                          guint         col,
                          const char   *format,
                          ...) G_GNUC_PRINTF (6, 7);

void
ems_workbook_add_problem (Import       *im,
                          gboolean      warning,
                          EmsXlsxSheet *sheet,
                          guint         row,
                          guint         col,
                          const char   *format,
                          ...)
{
  EmsProblem *problem = g_new0 (EmsProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->path = ems_xlsx_sheet_cell_ref (sheet, row, col);
  problem->warning = warning;
  g_ptr_array_add (im->problems, problem);
}

/* A cell as text: strings as they are, numbers as a machine writes them
 * (never in the locale's format); NULL for errors and empty cells */
char *
ems_workbook_cell_text (const EmsXlsxCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (cell == NULL)
    return NULL;
  switch (cell->type)
    {
    case EMS_XLSX_CELL_STRING:
      {
        g_autofree char *copy = g_strdup (cell->text);

        g_strstrip (copy);
        return copy[0] != '\0' ? g_steal_pointer (&copy) : NULL;
      }
    case EMS_XLSX_CELL_NUMBER:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell->number));
    case EMS_XLSX_CELL_BOOLEAN:
      return g_strdup (cell->number != 0 ? "TRUE" : "FALSE");
    case EMS_XLSX_CELL_EMPTY:
    case EMS_XLSX_CELL_ERROR:
    default:
      return NULL;
    }
}

gboolean
ems_workbook_cell_is_empty (const EmsXlsxCell *cell)
{
  g_autofree char *text = NULL;

  if (cell == NULL || cell->type == EMS_XLSX_CELL_EMPTY)
    return TRUE;
  if (cell->type == EMS_XLSX_CELL_ERROR)
    return FALSE;
  text = ems_workbook_cell_text (cell);
  return text == NULL;
}

/* What the cell held, for a message: “abc…” or an error's name */
char *
ems_workbook_shown_value (const EmsXlsxCell *cell)
{
  g_autofree char *text = NULL;

  if (cell != NULL && cell->type == EMS_XLSX_CELL_ERROR)
    /* Translators: %s is a spreadsheet error such as #N/A or #REF! */
    return g_strdup_printf (_("the error %s"), cell->text);
  text = ems_workbook_cell_text (cell);
  if (text == NULL)
    return g_strdup (_("nothing"));
  if (g_utf8_strlen (text, -1) > SHOWN_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, SHOWN_CHARS);

      return g_strdup_printf ("“%s…”", cut);
    }
  return g_strdup_printf ("“%s”", text);
}

/* Levels ------------------------------------------------------------------ */

static gboolean
is_na_text (const char *norm)
{
  static const char *const na[] = { "n/a", "na", "n.a.", "n.a", "s.o.", "s/o", NULL };
  g_autofree char *translated = ems_workbook_normalize (_("N/A"));

  if (g_strv_contains (na, norm) || g_str_equal (norm, translated))
    return TRUE;
  /* "N/A – Does not apply" */
  for (guint i = 0; na[i] != NULL; i++)
    if (g_str_has_prefix (norm, na[i]) && (norm[strlen (na[i])] == ' ' || norm[strlen (na[i])] == ':'))
      return TRUE;
  return translated[0] != '\0' && g_str_has_prefix (norm, translated)
         && (norm[strlen (translated)] == ' ' || norm[strlen (translated)] == ':');
}

gboolean
ems_workbook_parse_level_text (const char     *text,
                               EmsAnswerState *state,
                               guint          *level)
{
  g_autofree char *norm = ems_workbook_normalize (text);
  const char *p = norm;
  char *end = NULL;
  double number;

  if (norm[0] == '\0')
    {
      *state = EMS_ANSWER_UNANSWERED;
      return TRUE;
    }
  if (is_na_text (norm))
    {
      *state = EMS_ANSWER_NOT_APPLICABLE;
      return TRUE;
    }

  /* A bare number: "3", "3.0" */
  number = g_ascii_strtod (norm, &end);
  if (end != norm && *end == '\0')
    {
      if (number >= 0 && number <= EMS_LEVEL_MAX && number == floor (number))
        {
          *state = EMS_ANSWER_LEVEL;
          *level = (guint) number;
          return TRUE;
        }
      return FALSE;
    }

  /* The drop-down's text, in any language: a digit, then a separator */
  if (p[0] >= '0' && p[0] <= '0' + EMS_LEVEL_MAX
      && (p[1] == ' ' || p[1] == '-' || p[1] == ':' || p[1] == '.' || p[1] == ')'
          || g_str_has_prefix (p + 1, "–") || g_str_has_prefix (p + 1, "—")))
    {
      if (p[1] == '.' && g_ascii_isdigit (p[2]))
        return FALSE;
      *state = EMS_ANSWER_LEVEL;
      *level = p[0] - '0';
      return TRUE;
    }

  return FALSE;
}

gboolean
ems_workbook_parse_level_cell (const EmsXlsxCell *cell,
                               EmsAnswerState    *state,
                               guint             *level)
{
  if (cell == NULL || cell->type == EMS_XLSX_CELL_EMPTY)
    {
      *state = EMS_ANSWER_UNANSWERED;
      return TRUE;
    }
  if (cell->type == EMS_XLSX_CELL_NUMBER)
    {
      if (cell->number >= 0 && cell->number <= EMS_LEVEL_MAX && cell->number == floor (cell->number))
        {
          *state = EMS_ANSWER_LEVEL;
          *level = (guint) cell->number;
          return TRUE;
        }
      return FALSE;
    }
  if (cell->type == EMS_XLSX_CELL_STRING)
    return ems_workbook_parse_level_text (cell->text, state, level);
  return FALSE;   /* booleans and errors */
}

gboolean
ems_workbook_serial_to_date (double    serial,
                             gboolean  date1904,
                             char    **out)
{
  GDate date;
  double days = floor (serial);

  if (!isfinite (serial) || days < 1 || days > 2958465)   /* 9999-12-31 */
    return FALSE;
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else
    g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);   /* Excel's day 0, past its 1900 leap day */
  g_date_add_days (&date, (guint) days);
  *out = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
  return TRUE;
}

gboolean
ems_workbook_text_to_date (const char  *text,
                           char       **out)
{
  int y, m, d;
  char tail = '\0';

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  /* "2026-11-23", or with a time as LibreOffice may keep ("…T00:00:00") */
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3 || (tail != '\0' && tail != 'T' && tail != ' '))
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  *out = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;
}
