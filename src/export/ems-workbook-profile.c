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

/* The action plan ------------------------------------------------------------- */

enum {
  A_TITLE,
  A_ELEMENT,
  A_QUESTION,
  A_OWNER,
  A_DUE,
  A_STATUS,
  N_ACTION_COLS
};

static const char *const action_aliases[N_ACTION_COLS][5] = {
  [A_TITLE] = { "action", "acción", NULL },
  [A_ELEMENT] = { "element", "élément", "elemento", NULL },
  [A_QUESTION] = { "question", "pregunta", NULL },
  [A_OWNER] = { "owner", "responsable", NULL },
  [A_DUE] = { "due", "échéance", "fecha límite", NULL },
  [A_STATUS] = { "status", "état", "estado", NULL },
};

/* Columns of an Actions header row: TRUE when it has an action and a
 * status column */
static gboolean
map_action_columns (EmsXlsxSheet *sheet,
                    guint         row,
                    int          *columns)
{
  const char *translated[N_ACTION_COLS] = {
    _("Action"), _("Element"), _("Question"), _("Owner"), _("Due"), _("Status"),
  };

  for (guint c = 0; c < N_ACTION_COLS; c++)
    columns[c] = -1;
  for (guint c = 0; c < ems_xlsx_sheet_get_n_columns (sheet) && c < 32; c++)
    {
      g_autofree char *text = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, row, c));
      g_autofree char *norm = ems_workbook_normalize (text);

      for (guint a = 0; a < N_ACTION_COLS && norm[0] != '\0'; a++)
        {
          g_autofree char *mine = ems_workbook_normalize (translated[a]);

          if (columns[a] < 0 && (g_str_equal (norm, mine)
                                 || g_strv_contains ((const char *const *) action_aliases[a], norm)))
            {
              columns[a] = c;
              break;
            }
        }
    }

  return columns[A_TITLE] >= 0 && columns[A_STATUS] >= 0;
}

static gboolean
parse_status (const char      *text,
              EmsActionStatus *status)
{
  static const struct { EmsActionStatus status; const char *names[6]; } known[] = {
    { EMS_ACTION_OPEN, { "open", "ouverte", "ouvert", "abierta", "abierto", NULL } },
    { EMS_ACTION_IN_PROGRESS, { "in progress", "in-progress", "en cours", "en proceso", NULL } },
    { EMS_ACTION_DONE, { "done", "terminée", "terminé", "terminada", "terminado", NULL } },
  };
  const char *translated[] = {
    C_("action status", "Open"), C_("action status", "In progress"), C_("action status", "Done"),
  };
  g_autofree char *norm = ems_workbook_normalize (text);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *mine = ems_workbook_normalize (translated[i]);

      if (g_str_equal (norm, mine) || g_strv_contains ((const char *const *) known[i].names, norm))
        {
          *status = known[i].status;
          return TRUE;
        }
    }
  return FALSE;
}

static void
read_action_row (Import       *im,
                 EmsXlsxSheet *sheet,
                 guint         row,
                 const int    *columns)
{
  const EmsXlsxCell *cells[N_ACTION_COLS] = { NULL };
  g_autofree char *title = NULL;
  g_autoptr(EmsAction) action = NULL;
  gboolean any = FALSE;

  for (guint a = 0; a < N_ACTION_COLS; a++)
    if (columns[a] >= 0)
      {
        cells[a] = ems_xlsx_sheet_get_cell (sheet, row, columns[a]);
        any |= !ems_workbook_cell_is_empty (cells[a]);
      }
  if (!any)
    return;

  title = ems_workbook_cell_text (cells[A_TITLE]);
  if (title == NULL)
    {
      /* The spare rows carry a status drop-down: a status alone is no action */
      gboolean other = FALSE;

      for (guint a = A_ELEMENT; a < A_STATUS; a++)
        other |= !ems_workbook_cell_is_empty (cells[a]);
      if (other)
        ems_workbook_add_problem (im, FALSE, sheet, row, columns[A_TITLE],
                                  _("expected the action's title: the row is left out"));
      return;
    }

  action = ems_action_new (title);

  if (!ems_workbook_cell_is_empty (cells[A_ELEMENT]))
    {
      const EmsXlsxCell *cell = cells[A_ELEMENT];
      guint n = ems_checklist_get_n_elements (im->checklist);
      guint64 element = 0;
      g_autofree char *text = ems_workbook_cell_text (cell);

      if ((cell->type == EMS_XLSX_CELL_NUMBER && cell->number >= 1 && cell->number <= n
           && cell->number == floor (cell->number) && (element = (guint64) cell->number))
          || (cell->type == EMS_XLSX_CELL_STRING && g_ascii_string_to_unsigned (text, 10, 1, n, &element, NULL)))
        ems_action_set_element (action, (guint) element);
      else
        {
          g_autofree char *shown = ems_workbook_shown_value (cell);

          ems_workbook_add_problem (im, FALSE, sheet, row, columns[A_ELEMENT],
                                    /* Translators: %u is the number of elements, %s what the cell held */
                                    _("expected an element number from 1 to %u, found %s"), n, shown);
        }
    }

  {
    g_autofree char *question = ems_workbook_cell_text (cells[A_QUESTION]);

    if (question != NULL && ems_workbook_is_question_id (question))
      ems_action_set_question (action, question);
    else if (question != NULL)
      {
        g_autofree char *shown = ems_workbook_shown_value (cells[A_QUESTION]);

        ems_workbook_add_problem (im, FALSE, sheet, row, columns[A_QUESTION],
                                  _("expected a question ID such as 1.1, found %s"), shown);
      }
  }

  {
    g_autofree char *owner = ems_workbook_cell_text (cells[A_OWNER]);

    if (owner != NULL)
      ems_action_set_owner (action, owner);
  }

  if (!ems_workbook_cell_is_empty (cells[A_DUE]))
    {
      const EmsXlsxCell *cell = cells[A_DUE];
      g_autofree char *text = ems_workbook_cell_text (cell);
      g_autofree char *date = NULL;

      if ((cell->type == EMS_XLSX_CELL_NUMBER
           && ems_workbook_serial_to_date (cell->number, ems_xlsx_reader_get_date1904 (im->reader), &date))
          || (cell->type == EMS_XLSX_CELL_STRING && ems_workbook_text_to_date (text, &date)))
        ems_action_set_due (action, date);
      else
        {
          g_autofree char *shown = ems_workbook_shown_value (cell);

          ems_workbook_add_problem (im, FALSE, sheet, row, columns[A_DUE],
                                    _("expected a date (YYYY-MM-DD), found %s"), shown);
        }
    }

  if (!ems_workbook_cell_is_empty (cells[A_STATUS]))
    {
      g_autofree char *text = ems_workbook_cell_text (cells[A_STATUS]);
      EmsActionStatus status;

      if (text != NULL && parse_status (text, &status))
        ems_action_set_status (action, status);
      else
        {
          g_autofree char *shown = ems_workbook_shown_value (cells[A_STATUS]);

          ems_workbook_add_problem (im, FALSE, sheet, row, columns[A_STATUS],
                                    /* Translators: the three statuses as the drop-down shows them */
                                    _("expected the status %s, %s or %s, found %s: the action is kept as open"),
                                    C_("action status", "Open"), C_("action status", "In progress"),
                                    C_("action status", "Done"), shown);
        }
    }

  ems_assessment_add_action (im->assessment, action);
}

gboolean
ems_workbook_read_actions (Import  *im,
                           int      answers_index,
                           GError **error)
{
  /* The sheet named Actions first (in the user's language or ours), then
   * any other with the headings: another sheet may list actions too */
  const char *names[] = { C_("sheet name", "Actions"), "Actions", "Acciones" };
  int first = -1;

  for (guint n = 0; n < G_N_ELEMENTS (names) && first < 0; n++)
    first = ems_xlsx_reader_find_sheet (im->reader, names[n]);

  for (int i = -1; i < (int) ems_xlsx_reader_get_n_sheets (im->reader); i++)
    {
      g_autoptr(EmsXlsxSheet) sheet = NULL;
      int index = i < 0 ? first : i;
      int columns[N_ACTION_COLS];

      if (index < 0 || index == answers_index || (i >= 0 && i == first))
        continue;
      sheet = ems_xlsx_reader_read_sheet (im->reader, index, 0, error);
      if (sheet == NULL)
        return FALSE;

      for (guint header = 0; header < 5 && header < ems_xlsx_sheet_get_n_rows (sheet); header++)
        if (map_action_columns (sheet, header, columns))
          {
            for (guint row = header + 1; row < ems_xlsx_sheet_get_n_rows (sheet); row++)
              read_action_row (im, sheet, row, columns);
            return TRUE;
          }
    }

  return TRUE;
}
