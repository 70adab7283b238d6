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
#include "ems-workbook-import-private.h"
#include "ems-xlsx-questionnaire.h"

/* The headings of the answer columns in the languages we ship, beside the
 * user's own (added at run time): a questionnaire sent out in French is
 * read back on an English desktop. Lower case, as ems_workbook_normalize() gives. */
static const char *const heading_aliases[N_HEADINGS][6] = {
  [H_ID] = { "id", "id.", "identifiant", "identificador", NULL },
  [H_QUESTION] = { "question", "pregunta", NULL },
  [H_LEVEL] = { "level", "niveau", "nivel", NULL },
  [H_REASON] = { "n/a reason", "raison (s.o.)", "motivo de n/a", "reason", NULL },
  [H_NOTE] = { "note", "notes", "remarque", "nota", NULL },
  [H_EVIDENCE] = { "evidence", "preuves", "evidencia", NULL },
};

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->answers_sheet, g_free);
  g_clear_pointer (&im->profile_sheet, g_free);
  for (guint i = 0; i < N_HEADINGS; i++)
    g_clear_pointer (&im->marker_headings[i], g_free);
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
  g_autofree char *mine = ems_workbook_normalize (translated[heading]);

  if (norm[0] == '\0')
    return FALSE;
  if (g_str_equal (norm, mine))
    return TRUE;
  if (im->marker_headings[heading] != NULL)
    {
      g_autofree char *marked = ems_workbook_normalize (im->marker_headings[heading]);

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
      g_autofree char *text = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, row, c));
      g_autofree char *norm = ems_workbook_normalize (text);

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
  marker = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, 0, 0));
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
    g_autofree char *checklist = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, 1, 1));

    if (checklist != NULL && !g_str_equal (checklist, ems_checklist_get_id (im->checklist)))
      ems_workbook_add_problem (im, TRUE, sheet, 1, 1,
                   /* Translators: %s are checklist identifiers such as cec-10-elements */
                   _("the questionnaire was written for the checklist “%s”; it is read with “%s”"),
                   checklist, ems_checklist_get_id (im->checklist));
  }

  im->answers_sheet = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, 2, 1));
  im->profile_sheet = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, 2, 2));
  {
    static const guint order[] = { H_ID, H_LEVEL, H_REASON, H_NOTE, H_EVIDENCE };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      im->marker_headings[order[i]] = ems_workbook_cell_text (ems_xlsx_sheet_get_cell (sheet, 3, 1 + i));
  }

  return TRUE;
}

/* Answers --------------------------------------------------------------------- */

gboolean
ems_workbook_is_question_id (const char *id)
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
      ems_workbook_add_problem (im, FALSE, sheet, row, col, _("expected text, found the error %s"), cell->text);
      return NULL;
    }
  return ems_workbook_cell_text (cell);
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
      g_autofree char *id = ems_workbook_cell_text (id_cell);
      g_autoptr(EmsAnswer) answer = ems_answer_new ();
      guint level = 0;

      if (id == NULL)
        {
          gboolean typed = !ems_workbook_cell_is_empty (level_cell);

          for (guint h = H_REASON; h <= H_EVIDENCE && !typed; h++)
            typed = columns[h] >= 0 && !ems_workbook_cell_is_empty (ems_xlsx_sheet_get_cell (sheet, row, columns[h]));
          if (typed)
            ems_workbook_add_problem (im, FALSE, sheet, row, columns[H_ID],
                         _("expected the question's ID (such as 1.1) beside this answer: the row is left out"));
          continue;
        }
      if (!ems_workbook_is_question_id (id))
        {
          g_autofree char *shown = ems_workbook_shown_value (id_cell);

          ems_workbook_add_problem (im, FALSE, sheet, row, columns[H_ID],
                       /* Translators: %s is what the cell held, quoted */
                       _("expected a question ID such as 1.1, found %s: the row is left out"), shown);
          continue;
        }
      if (g_hash_table_contains (seen, id))
        {
          ems_workbook_add_problem (im, FALSE, sheet, row, columns[H_ID],
                       _("the question %s appears a second time: this row is left out"), id);
          continue;
        }
      g_hash_table_add (seen, g_strdup (id));

      if (!ems_workbook_parse_level_cell (level_cell, &answer->state, &level))
        {
          g_autofree char *shown = ems_workbook_shown_value (level_cell);

          ems_workbook_add_problem (im, FALSE, sheet, row, columns[H_LEVEL],
                       /* Translators: the first %s is the N/A mark, the second what the cell held */
                       _("expected a level from 0 to 4 or %s, found %s: the level is left out"), na, shown);
          answer->state = EMS_ANSWER_UNANSWERED;
        }
      answer->level = answer->state == EMS_ANSWER_LEVEL ? level : 0;
      answer->reason = text_of (im, sheet, row, columns[H_REASON]);
      answer->note = text_of (im, sheet, row, columns[H_NOTE]);
      answer->evidence = text_of (im, sheet, row, columns[H_EVIDENCE]);

      if (answer->state == EMS_ANSWER_NOT_APPLICABLE && answer->reason == NULL)
        ems_workbook_add_problem (im, TRUE, sheet, row, columns[H_REASON] >= 0 ? (guint) columns[H_REASON] : (guint) columns[H_LEVEL],
                     _("is marked not applicable without a reason"));

      if (ems_answer_is_empty (answer))
        continue;
      if (ems_checklist_lookup_question (im->checklist, id) == NULL)
        ems_workbook_add_problem (im, TRUE, sheet, row, columns[H_ID],
                     _("is not a question of the checklist “%s”: it is kept but not scored"),
                     ems_checklist_get_id (im->checklist));
      ems_assessment_set_answer (im->assessment, id, answer);
    }
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
  if (!ems_workbook_read_profile (&im, answers_index, error))
    goto out;
  if (im.kind == EMS_FILE_KIND_ASSESSMENT_WORKBOOK && !ems_workbook_read_actions (&im, answers_index, error))
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
