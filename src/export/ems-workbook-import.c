/* ems-workbook-import.c: assessments from our workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract is the domain brief's "Workbooks as input". A workbook is
 * ours when it has the questionnaire's hidden marker sheet, or a sheet
 * whose header row names the columns ID (or Question, in the assessment
 * workbook) and Level, in English, French, Spanish or the user's
 * language. Columns are found by their headings, not their letters, so a
 * column moved by a spreadsheet program still reads. Every cell that does
 * not read is a problem "Sheet!E7: expected …"; the rest is imported.
 */

#define G_LOG_DOMAIN "ems-workbook-import"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ems-error.h"
#include "ems-workbook-import.h"
#include "ems-xlsx-questionnaire.h"
#include "ems-xlsx-reader.h"

#define HEADER_ROWS   20     /* where a header row is looked for */
#define PROFILE_ROWS  60
#define SHOWN_CHARS   40     /* of a wrong value, in a message */

enum {
  H_ID,
  H_QUESTION,
  H_LEVEL,
  H_REASON,
  H_NOTE,
  H_EVIDENCE,
  N_HEADINGS
};

/* The headings of the answer columns in the languages we ship, beside the
 * user's own (added at run time): a questionnaire sent out in French is
 * read back on an English desktop. Lower case, as normalize() gives. */
static const char *const heading_aliases[N_HEADINGS][6] = {
  [H_ID] = { "id", "identifiant", "identificador", NULL },
  [H_QUESTION] = { "question", "pregunta", NULL },
  [H_LEVEL] = { "level", "niveau", "nivel", NULL },
  [H_REASON] = { "n/a reason", "raison (s.o.)", "motivo de n/a", "reason", NULL },
  [H_NOTE] = { "note", "notes", "remarque", "nota", NULL },
  [H_EVIDENCE] = { "evidence", "preuves", "evidencia", NULL },
};

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

typedef struct
{
  EmsChecklist  *checklist;
  EmsXlsxReader *reader;
  EmsAssessment *assessment;
  GPtrArray     *problems;
  EmsFileKind    kind;
  /* From the marker sheet */
  char          *answers_sheet;
  char          *profile_sheet;
  char          *marker_headings[N_HEADINGS];
} Import;

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->answers_sheet, g_free);
  g_clear_pointer (&im->profile_sheet, g_free);
  for (guint i = 0; i < N_HEADINGS; i++)
    g_clear_pointer (&im->marker_headings[i], g_free);
}

/* Lower case, trimmed, inner spaces and line breaks as one space */
static char *
normalize (const char *text)
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

static void
add_problem (Import       *im,
             gboolean      warning,
             EmsXlsxSheet *sheet,
             guint         row,
             guint         col,
             const char   *format,
             ...) G_GNUC_PRINTF (6, 7);

static void
add_problem (Import       *im,
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
static char *
cell_text (const EmsXlsxCell *cell)
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

static gboolean
cell_is_empty (const EmsXlsxCell *cell)
{
  g_autofree char *text = NULL;

  if (cell == NULL || cell->type == EMS_XLSX_CELL_EMPTY)
    return TRUE;
  if (cell->type == EMS_XLSX_CELL_ERROR)
    return FALSE;
  text = cell_text (cell);
  return text == NULL;
}

/* What the cell held, for a message: “abc…” or an error's name */
static char *
shown_value (const EmsXlsxCell *cell)
{
  g_autofree char *text = NULL;

  if (cell != NULL && cell->type == EMS_XLSX_CELL_ERROR)
    /* Translators: %s is a spreadsheet error such as #N/A or #REF! */
    return g_strdup_printf (_("the error %s"), cell->text);
  text = cell_text (cell);
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
  g_autofree char *translated = normalize (_("N/A"));

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
  g_autofree char *norm = normalize (text);
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

static gboolean
parse_level_cell (const EmsXlsxCell *cell,
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

/* Finding the answer sheet -------------------------------------------------- */

static gboolean
heading_matches (Import     *im,
                 guint       heading,
                 const char *norm)
{
  /* The user's language, the questionnaire's own (from its marker) and
   * the languages we ship */
  const char *translated[N_HEADINGS] = {
    C_("column heading", "ID"), _("Question"), _("Level"), _("N/A reason"), _("Note"), _("Evidence"),
  };
  g_autofree char *mine = normalize (translated[heading]);

  if (norm[0] == '\0')
    return FALSE;
  if (g_str_equal (norm, mine))
    return TRUE;
  if (im->marker_headings[heading] != NULL)
    {
      g_autofree char *marked = normalize (im->marker_headings[heading]);

      if (g_str_equal (norm, marked))
        return TRUE;
    }
  return g_strv_contains ((const char *const *) heading_aliases[heading], norm);
}

/* Columns by heading in @row; TRUE when it is a header row (an id and a
 * level column) */
static gboolean
map_columns (Import       *im,
             EmsXlsxSheet *sheet,
             guint         row,
             int          *columns)
{
  for (guint h = 0; h < N_HEADINGS; h++)
    columns[h] = -1;

  for (guint c = 0; c < ems_xlsx_sheet_get_n_columns (sheet) && c < 64; c++)
    {
      g_autofree char *text = cell_text (ems_xlsx_sheet_get_cell (sheet, row, c));
      g_autofree char *norm = normalize (text);

      for (guint h = 0; h < N_HEADINGS; h++)
        if (columns[h] < 0 && heading_matches (im, h, norm))
          {
            columns[h] = c;
            break;
          }
    }

  /* The assessment workbook heads its ids "Question"; the questionnaire
   * heads them "ID" and its question texts "Question" */
  if (columns[H_ID] < 0)
    columns[H_ID] = columns[H_QUESTION];

  return columns[H_ID] >= 0 && columns[H_LEVEL] >= 0;
}

static gboolean
find_header (Import       *im,
             EmsXlsxSheet *sheet,
             guint        *header_row,
             int          *columns)
{
  for (guint r = 0; r < HEADER_ROWS && r < ems_xlsx_sheet_get_n_rows (sheet); r++)
    if (map_columns (im, sheet, r, columns))
      {
        *header_row = r;
        return TRUE;
      }
  return FALSE;
}

/* The marker ----------------------------------------------------------------- */

static gboolean
read_marker (Import  *im,
             GError **error)
{
  int index = ems_xlsx_reader_find_sheet (im->reader, EMS_QUESTIONNAIRE_MARKER_SHEET);
  g_autoptr(EmsXlsxSheet) sheet = NULL;
  g_autofree char *marker = NULL;
  const EmsXlsxCell *version;

  if (index < 0)
    return TRUE;
  sheet = ems_xlsx_reader_read_sheet (im->reader, index, 20, error);
  if (sheet == NULL)
    return FALSE;
  marker = cell_text (ems_xlsx_sheet_get_cell (sheet, 0, 0));
  if (g_strcmp0 (marker, EMS_QUESTIONNAIRE_MARKER) != 0)
    return TRUE;

  im->kind = EMS_FILE_KIND_QUESTIONNAIRE;
  version = ems_xlsx_sheet_get_cell (sheet, 0, 1);
  if (version != NULL && version->type == EMS_XLSX_CELL_NUMBER && version->number > EMS_QUESTIONNAIRE_VERSION)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_NEWER_VERSION,
                   _("This questionnaire was written by a newer version of Ten Elements (layout %g; this version reads %d): update Ten Elements to read it"),
                   version->number, EMS_QUESTIONNAIRE_VERSION);
      return FALSE;
    }

  {
    g_autofree char *checklist = cell_text (ems_xlsx_sheet_get_cell (sheet, 1, 1));

    if (checklist != NULL && !g_str_equal (checklist, ems_checklist_get_id (im->checklist)))
      add_problem (im, TRUE, sheet, 1, 1,
                   /* Translators: %s are checklist identifiers such as cec-10-elements */
                   _("the questionnaire was written for the checklist “%s”; it is read with “%s”"),
                   checklist, ems_checklist_get_id (im->checklist));
  }

  im->answers_sheet = cell_text (ems_xlsx_sheet_get_cell (sheet, 2, 1));
  im->profile_sheet = cell_text (ems_xlsx_sheet_get_cell (sheet, 2, 2));
  {
    static const guint order[] = { H_ID, H_LEVEL, H_REASON, H_NOTE, H_EVIDENCE };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      im->marker_headings[order[i]] = cell_text (ems_xlsx_sheet_get_cell (sheet, 3, 1 + i));
  }

  return TRUE;
}

/* Answers --------------------------------------------------------------------- */

static gboolean
is_question_id (const char *id)
{
  const char *p = id;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p++ != '.' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0' && strlen (id) <= 16;
}

/* Text from a note, evidence or reason cell; reports errors */
static char *
text_of (Import       *im,
         EmsXlsxSheet *sheet,
         guint         row,
         int           col)
{
  const EmsXlsxCell *cell;

  if (col < 0)
    return NULL;
  cell = ems_xlsx_sheet_get_cell (sheet, row, col);
  if (cell != NULL && cell->type == EMS_XLSX_CELL_ERROR)
    {
      add_problem (im, FALSE, sheet, row, col, _("expected text, found the error %s"), cell->text);
      return NULL;
    }
  return cell_text (cell);
}

static void
read_answers (Import       *im,
              EmsXlsxSheet *sheet,
              guint         header_row,
              const int    *columns)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *na = g_strdup (_("N/A"));

  for (guint row = header_row + 1; row < ems_xlsx_sheet_get_n_rows (sheet); row++)
    {
      const EmsXlsxCell *id_cell = ems_xlsx_sheet_get_cell (sheet, row, columns[H_ID]);
      const EmsXlsxCell *level_cell = ems_xlsx_sheet_get_cell (sheet, row, columns[H_LEVEL]);
      g_autofree char *id = cell_text (id_cell);
      g_autoptr(EmsAnswer) answer = ems_answer_new ();
      guint level = 0;

      if (id == NULL)
        {
          gboolean typed = !cell_is_empty (level_cell);

          for (guint h = H_REASON; h <= H_EVIDENCE && !typed; h++)
            typed = columns[h] >= 0 && !cell_is_empty (ems_xlsx_sheet_get_cell (sheet, row, columns[h]));
          if (typed)
            add_problem (im, FALSE, sheet, row, columns[H_ID],
                         _("expected the question's ID (such as 1.1) beside this answer: the row is left out"));
          continue;
        }
      if (!is_question_id (id))
        {
          g_autofree char *shown = shown_value (id_cell);

          add_problem (im, FALSE, sheet, row, columns[H_ID],
                       /* Translators: %s is what the cell held, quoted */
                       _("expected a question ID such as 1.1, found %s: the row is left out"), shown);
          continue;
        }
      if (g_hash_table_contains (seen, id))
        {
          add_problem (im, FALSE, sheet, row, columns[H_ID],
                       _("the question %s appears a second time: this row is left out"), id);
          continue;
        }
      g_hash_table_add (seen, g_strdup (id));

      if (!parse_level_cell (level_cell, &answer->state, &level))
        {
          g_autofree char *shown = shown_value (level_cell);

          add_problem (im, FALSE, sheet, row, columns[H_LEVEL],
                       /* Translators: the first %s is the N/A mark, the second what the cell held */
                       _("expected a level from 0 to 4 or %s, found %s: the level is left out"), na, shown);
          answer->state = EMS_ANSWER_UNANSWERED;
        }
      answer->level = answer->state == EMS_ANSWER_LEVEL ? level : 0;
      answer->reason = text_of (im, sheet, row, columns[H_REASON]);
      answer->note = text_of (im, sheet, row, columns[H_NOTE]);
      answer->evidence = text_of (im, sheet, row, columns[H_EVIDENCE]);

      if (answer->state == EMS_ANSWER_NOT_APPLICABLE && answer->reason == NULL)
        add_problem (im, TRUE, sheet, row, columns[H_REASON] >= 0 ? (guint) columns[H_REASON] : (guint) columns[H_LEVEL],
                     _("is marked not applicable without a reason"));

      if (ems_answer_is_empty (answer))
        continue;
      if (ems_checklist_lookup_question (im->checklist, id) == NULL)
        add_problem (im, TRUE, sheet, row, columns[H_ID],
                     _("is not a question of the checklist “%s”: it is kept but not scored"),
                     ems_checklist_get_id (im->checklist));
      ems_assessment_set_answer (im->assessment, id, answer);
    }
}

/* Profile ---------------------------------------------------------------------- */

static gboolean
serial_to_date (double    serial,
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

static gboolean
text_to_date (const char  *text,
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

  if (cell_is_empty (cell))
    return;
  text = cell_text (cell);
  shown = shown_value (cell);

  switch (field)
    {
    case P_NAME:
    case P_SITE:
    case P_SECTOR:
    case P_ASSESSOR:
      if (text == NULL)
        add_problem (im, FALSE, sheet, row, col, _("expected text, found %s"), shown);
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
          add_problem (im, FALSE, sheet, row, col, _("expected a whole number of employees, found %s"), shown);
      }
      break;

    case P_COUNTRY:
      if (text != NULL && strlen (text) == 2 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]))
        {
          g_autofree char *upper = g_ascii_strup (text, -1);

          ems_assessment_set_country (a, upper);
        }
      else
        add_problem (im, FALSE, sheet, row, col,
                     _("expected a two-letter ISO 3166 country code such as CA, MX or US, found %s"), shown);
      break;

    case P_ASSESSED_ON:
      {
        g_autofree char *date = NULL;

        if ((cell->type == EMS_XLSX_CELL_NUMBER
             && serial_to_date (cell->number, ems_xlsx_reader_get_date1904 (im->reader), &date))
            || (cell->type == EMS_XLSX_CELL_STRING && text_to_date (text, &date)))
          ems_assessment_set_assessed_on (a, date);
        else
          add_problem (im, FALSE, sheet, row, col, _("expected a date (YYYY-MM-DD), found %s"), shown);
      }
      break;

    case P_TARGET_LEVEL:
      {
        EmsAnswerState state;
        guint level = 0;

        if (parse_level_cell (cell, &state, &level) && state == EMS_ANSWER_LEVEL)
          ems_assessment_set_target_level (a, level);
        else
          add_problem (im, FALSE, sheet, row, col, _("expected a target level from 0 to 4, found %s"), shown);
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
      g_autofree char *key = cell_text (ems_xlsx_sheet_get_cell (sheet, row, 0));

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
      g_autofree char *label = cell_text (ems_xlsx_sheet_get_cell (sheet, row, 0));
      g_autofree char *norm = normalize (label);

      for (guint f = 0; label != NULL && f < N_PROFILE; f++)
        {
          g_autofree char *mine = normalize (translated[f]);

          if (done[f] || !(g_str_equal (norm, mine)
                           || g_strv_contains ((const char *const *) profile_aliases[f], norm)))
            continue;
          done[f] = found = TRUE;
          for (guint c = 1; c < 8; c++)
            if (!cell_is_empty (ems_xlsx_sheet_get_cell (sheet, row, c)))
              {
                read_profile_value (im, sheet, f, row, c);
                break;
              }
          break;
        }
    }

  return found;
}

static gboolean
read_profile (Import  *im,
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

/* The workbook ----------------------------------------------------------------- */

EmsAssessment *
ems_workbook_import (EmsChecklist  *checklist,
                     GBytes        *bytes,
                     EmsFileKind   *kind,
                     GPtrArray    **problems,
                     GError       **error)
{
  g_autoptr(EmsXlsxReader) reader = NULL;
  g_autoptr(EmsXlsxSheet) answers = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_problem_free);
  g_autoptr(EmsAssessment) assessment = NULL;
  Import im = { 0 };
  int columns[N_HEADINGS];
  guint header_row = 0;
  int answers_index = -1;
  gboolean ok = FALSE;

  g_return_val_if_fail (checklist == NULL || EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  if (checklist == NULL)
    checklist = ems_checklist_get_default ();

  reader = ems_xlsx_reader_new (bytes, error);
  if (reader == NULL)
    goto out;

  assessment = ems_assessment_new (checklist);
  im.checklist = checklist;
  im.reader = reader;
  im.assessment = assessment;
  im.problems = found;
  im.kind = EMS_FILE_KIND_ASSESSMENT_WORKBOOK;

  if (!read_marker (&im, error))
    goto out;

  /* The answer sheet: the one the marker names, else the first sheet
   * with the columns ID and Level */
  answers_index = ems_xlsx_reader_find_sheet (reader, im.answers_sheet);
  for (int i = -1; answers == NULL && i < (int) ems_xlsx_reader_get_n_sheets (reader); i++)
    {
      guint index = i < 0 ? (guint) answers_index : (guint) i;
      g_autoptr(EmsXlsxSheet) head = NULL;

      if ((i < 0 && answers_index < 0) || (i >= 0 && i == answers_index))
        continue;
      if (g_str_equal (ems_xlsx_reader_get_sheet_name (reader, index), EMS_QUESTIONNAIRE_MARKER_SHEET))
        continue;
      head = ems_xlsx_reader_read_sheet (reader, index, HEADER_ROWS, error);
      if (head == NULL)
        goto out;
      if (find_header (&im, head, &header_row, columns))
        {
          answers = ems_xlsx_reader_read_sheet (reader, index, 0, error);
          if (answers == NULL)
            goto out;
          answers_index = index;
        }
    }

  if (answers == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   /* Translators: the column headings, as in the questionnaire */
                   _("This workbook was not written by Ten Elements: none of its sheets has the columns “%s” and “%s” (a questionnaire or an assessment workbook exported by Ten Elements is needed)"),
                   C_("column heading", "ID"), _("Level"));
      goto out;
    }

  read_answers (&im, answers, header_row, columns);
  if (!read_profile (&im, answers_index, error))
    goto out;

  if (kind != NULL)
    *kind = im.kind;
  ok = TRUE;

out:
  import_clear (&im);
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return ok ? g_steal_pointer (&assessment) : NULL;
}

/* Any file --------------------------------------------------------------------- */

gboolean
ems_data_is_workbook (const char *data,
                      gsize       length)
{
  static const guint8 ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

  return (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
         || (length >= sizeof ole && memcmp (data, ole, sizeof ole) == 0);
}

static gboolean
named_as_workbook (const char *path)
{
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm")
                           || g_str_has_suffix (lower, ".xls"));
}

EmsAssessment *
ems_load_assessment_data (EmsChecklist  *checklist,
                          const char    *path,
                          const char    *data,
                          gsize          length,
                          EmsFileKind   *kind,
                          GPtrArray    **problems,
                          GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (checklist == NULL)
    checklist = ems_checklist_get_default ();

  if (ems_data_is_workbook (data, length) || named_as_workbook (path))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);

      return ems_workbook_import (checklist, bytes, kind, problems, error);
    }

  if (kind != NULL)
    *kind = EMS_FILE_KIND_ASSESSMENT;
  return ems_assessment_load_from_data (checklist, data, length, problems, error);
}

EmsAssessment *
ems_load_assessment_file (EmsChecklist  *checklist,
                          const char    *path,
                          EmsFileKind   *kind,
                          GPtrArray    **problems,
                          GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("It is a folder, not an assessment file"));
      return NULL;
    }
  if (st.st_size > EMS_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *max = g_format_size (EMS_MAX_FILE_SIZE);

      g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                   _("The file is too large to be an assessment (%s; the limit is %s)"), size, max);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return ems_load_assessment_data (checklist, path, contents, length, kind, problems, error);
}
