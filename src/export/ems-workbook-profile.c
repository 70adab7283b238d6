/* ems-workbook-profile.c: the profile and the action plan from our
 * workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The questionnaire keys its Profile rows with the .emsa members in a
 * hidden column A; the assessment workbook labels its Summary rows in the
 * language it was written in, matched here in English, French, Spanish and
 * the user's language.
 */

#define G_LOG_DOMAIN "ems-workbook-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-workbook-import-private.h"
#include "ems-xlsx-questionnaire.h"

enum {
  P_NAME,
  P_SITE,
  P_SECTOR,
  P_EMPLOYEES,
  P_COUNTRY,
  P_ASSESSOR,
  P_ASSESSED_ON,
  P_TARGET_LEVEL,
  N_PROFILE
};

/* The questionnaire's keys (its Profile sheet's hidden column A, named
 * after the .emsa members) and the assessment workbook's labels */
static const char *const profile_keys[N_PROFILE] = {
  "name", "site", "sector", "employees", "country", "assessor", "assessed_on", "target_level",
};
static const char *const profile_aliases[N_PROFILE][5] = {
  [P_NAME] = { "organisation", "organization", "organización", NULL },
  [P_SITE] = { "site", "sitio", NULL },
  [P_SECTOR] = { "sector", "secteur", NULL },
  [P_EMPLOYEES] = { "employees", "employés", "empleados", NULL },
  [P_COUNTRY] = { "country", "pays", "país", NULL },
  [P_ASSESSOR] = { "assessor", "évaluateur", "evaluador", NULL },
  [P_ASSESSED_ON] = { "assessed on", "date de l'évaluation", "fecha de evaluación", NULL },
  [P_TARGET_LEVEL] = { "target level (0–4)", "niveau cible (0–4)", "nivel meta (0–4)", NULL },
};

/* Profile ---------------------------------------------------------------------- */

static void
read_profile_value (Import       *im,
                    EmsXlsxSheet *sheet,
                    guint         field,
                    guint         row,
                    guint         col)
{
  const EmsXlsxCell *cell = ems_xlsx_sheet_get_cell (sheet, row, col);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  EmsAssessment *a = im->assessment;

  if (ems_workbook_cell_is_empty (cell))
    return;
  text = ems_workbook_cell_text (cell);
  shown = ems_workbook_shown_value (cell);

  switch (field)
    {
    case P_NAME:
    case P_SITE:
    case P_SECTOR:
    case P_ASSESSOR:
      if (text == NULL)
        ems_workbook_add_problem (im, FALSE, sheet, row, col, _("expected text, found %s"), shown);
      else if (field == P_NAME)
        ems_assessment_set_name (a, text);
      else if (field == P_SITE)
        ems_assessment_set_site (a, text);
      else if (field == P_SECTOR)
        ems_assessment_set_sector (a, text);
      else
        ems_assessment_set_assessor (a, text);
      break;

    case P_EMPLOYEES:
      {
        guint64 n = 0;

        if (cell->type == EMS_XLSX_CELL_NUMBER && cell->number >= 0 && cell->number <= G_MAXINT
            && cell->number == floor (cell->number))
          ems_assessment_set_employees (a, (int) cell->number);
        else if (cell->type == EMS_XLSX_CELL_STRING && g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &n, NULL))
          ems_assessment_set_employees (a, (int) n);
        else
          ems_workbook_add_problem (im, FALSE, sheet, row, col, _("expected a whole number of employees, found %s"), shown);
      }
      break;

    case P_COUNTRY:
      if (text != NULL && strlen (text) == 2 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]))
        {
          g_autofree char *upper = g_ascii_strup (text, -1);

          ems_assessment_set_country (a, upper);
        }
      else
        ems_workbook_add_problem (im, FALSE, sheet, row, col,
                     _("expected a two-letter ISO 3166 country code such as CA, MX or US, found %s"), shown);
      break;

    case P_ASSESSED_ON:
      {
        g_autofree char *date = NULL;

        if ((cell->type == EMS_XLSX_CELL_NUMBER
             && ems_workbook_serial_to_date (cell->number, ems_xlsx_reader_get_date1904 (im->reader), &date))
            || (cell->type == EMS_XLSX_CELL_STRING && ems_workbook_text_to_date (text, &date)))
          ems_assessment_set_assessed_on (a, date);
        else
          ems_workbook_add_problem (im, FALSE, sheet, row, col, _("expected a date (YYYY-MM-DD), found %s"), shown);
      }
      break;

    case P_TARGET_LEVEL:
      {
        EmsAnswerState state;
        guint level = 0;

        if (ems_workbook_parse_level_cell (cell, &state, &level) && state == EMS_ANSWER_LEVEL)
          ems_assessment_set_target_level (a, level);
        else
          ems_workbook_add_problem (im, FALSE, sheet, row, col, _("expected a target level from 0 to 4, found %s"), shown);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The questionnaire's Profile sheet: a key in column A, the value in C */
static gboolean
read_keyed_profile (Import       *im,
                    EmsXlsxSheet *sheet)
{
  gboolean found = FALSE;

  for (guint row = 0; row < ems_xlsx_sheet_get_n_rows (sheet) && row < PROFILE_ROWS; row++)
    {
      g_autofree char *key = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, row, 0));

      for (guint f = 0; key != NULL && f < N_PROFILE; f++)
        if (g_str_equal (key, profile_keys[f]))
          {
            read_profile_value (im, sheet, f, row, 2);
            found = TRUE;
            break;
          }
    }

  return found;
}

/* The assessment workbook's Summary: a label in column A, the value in
 * the first cell after it that holds one */
static gboolean
read_labelled_profile (Import       *im,
                       EmsXlsxSheet *sheet)
{
  const char *translated[N_PROFILE] = {
    _("Organisation"), _("Site"), _("Sector"), _("Employees"), _("Country"), _("Assessor"),
    _("Assessed on"), _("Target level (0–4)"),
  };
  gboolean done[N_PROFILE] = { FALSE };
  gboolean found = FALSE;

  for (guint row = 0; row < ems_xlsx_sheet_get_n_rows (sheet) && row < PROFILE_ROWS; row++)
    {
      g_autofree char *label = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, row, 0));
      g_autofree char *norm = ems_workbook_normalize (label);

      for (guint f = 0; label != NULL && f < N_PROFILE; f++)
        {
          g_autofree char *mine = ems_workbook_normalize (translated[f]);

          if (done[f] || !(g_str_equal (norm, mine)
                           || g_strv_contains ((const char *const *) profile_aliases[f], norm)))
            continue;
          done[f] = found = TRUE;
          for (guint c = 1; c < 8; c++)
            if (!ems_workbook_cell_is_empty (ems_xlsx_sheet_get_cell (sheet, row, c)))
              {
                read_profile_value (im, sheet, f, row, c);
                break;
              }
          break;
        }
    }

  return found;
}

gboolean
ems_workbook_read_profile (Import  *im,
                           int      answers_index,
                           GError **error)
{
  int index = ems_xlsx_reader_find_sheet (im->reader, im->profile_sheet);

  /* The questionnaire names its Profile sheet; otherwise every other
   * sheet is looked at, the first with profile rows wins */
  if (index >= 0)
    {
      g_autoptr(EmsXlsxSheet) sheet = ems_xlsx_reader_read_sheet (im->reader, index, PROFILE_ROWS, error);

      if (sheet == NULL)
        return FALSE;
      if (read_keyed_profile (im, sheet))
        return TRUE;
    }

  for (guint i = 0; i < ems_xlsx_reader_get_n_sheets (im->reader); i++)
    {
      g_autoptr(EmsXlsxSheet) sheet = NULL;

      if ((int) i == answers_index || (int) i == index
          || g_str_equal (ems_xlsx_reader_get_sheet_name (im->reader, i), EMS_QUESTIONNAIRE_MARKER_SHEET))
        continue;
      sheet = ems_xlsx_reader_read_sheet (im->reader, i, PROFILE_ROWS, error);
      if (sheet == NULL)
        return FALSE;
      if (read_keyed_profile (im, sheet) || read_labelled_profile (im, sheet))
        return TRUE;
    }

  return TRUE;
}
