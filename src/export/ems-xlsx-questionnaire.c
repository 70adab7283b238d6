/* ems-xlsx-questionnaire.c: the fill-in questionnaire workbook (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the owners a facilitator cannot ask to install anything: a workbook
 * they fill in with any spreadsheet program and send back, which
 * ems-workbook-import.c reads again. Sheets: Instructions, Profile,
 * Questions, and a hidden sheet "ten-elements" that marks the file as
 * ours and holds the drop-down's choices (a range, so that long
 * translations are not cut by Excel's 255-character list limit).
 *
 * Layout of the hidden marker sheet (0-based rows, read by the importer):
 *   row 0   A "ten-elements-questionnaire"   B layout version
 *   row 1   A "checklist"                    B id        C version
 *   row 2   A "sheets"                       B Questions C Profile (names as written)
 *   row 3   A "columns"                      B..F the headings of ID, Level,
 *                                            N/A reason, Note, Evidence
 *   row 4   A "language"                     B the locale written in
 *   rows 6..11  A the drop-down's choices (levels 0–4, then N/A)
 *
 * The Profile sheet keys each row in its hidden column A with the .emsa
 * member it fills ("name", "site", …), so the labels can be translated.
 */

#define G_LOG_DOMAIN "ems-xlsx"

#include "config.h"

#include <langinfo.h>
#include <locale.h>

#include <glib/gi18n-lib.h>

#include "ems-error.h"
#include "ems-xlsx-private.h"
#include "ems-xlsx-questionnaire.h"

#define MARKER_ROW_CHOICES 6
/* Within a portrait page's width at 100 % */
#define INSTRUCTIONS_WIDTH 74

/* Questions sheet columns */
enum {
  Q_COL_ELEMENT,
  Q_COL_ID,
  Q_COL_QUESTION,
  Q_COL_HELP,
  Q_COL_LEVEL,
  Q_COL_NA_REASON,
  Q_COL_NOTE,
  Q_COL_EVIDENCE,
  N_Q_COLS
};

/* Profile sheet columns and its first field's row */
enum {
  P_COL_KEY,
  P_COL_LABEL,
  P_COL_VALUE,
  P_COL_HINT,
  N_P_COLS
};
#define P_ROW_FIRST 3

typedef struct
{
  EmsChecklist  *checklist;
  EmsAssessment *assessment;     /* NULL: blank */
  GDateTime     *export_time;
  EmsXlsxBook   *book;

  lxw_worksheet *instructions;
  lxw_worksheet *profile;
  lxw_worksheet *questions;
  lxw_worksheet *marker;
  char          *instructions_name;
  char          *profile_name;
  char          *questions_name;

  char          *choices[EMS_N_LEVELS];   /* "3 – Implemented", …, "N/A" */
  const char    *headings[N_Q_COLS];
  guint          paper;                   /* 9 A4, 1 Letter */

  lxw_format    *f_locked_wrap;
  lxw_format    *f_in_text;
  lxw_format    *f_in_level;
  lxw_format    *f_in_date;
  lxw_format    *f_in_integer;
  lxw_format    *f_hint;
  lxw_format    *f_paragraph;
} Questionnaire;

static void
questionnaire_clear (Questionnaire *q)
{
  g_clear_pointer (&q->instructions_name, g_free);
  g_clear_pointer (&q->profile_name, g_free);
  g_clear_pointer (&q->questions_name, g_free);
  for (guint i = 0; i < EMS_N_LEVELS; i++)
    g_clear_pointer (&q->choices[i], g_free);
}

static void
check (Questionnaire *q,
       lxw_error      err,
       const char    *where)
{
  ems_xlsx_check (q->book, err, where);
}

/* Letter where the locale's paper is Letter (North America), else A4; the
 * sheets are fitted to the page's width, so either prints whole. */
static guint
locale_paper (void)
{
#ifdef __GLIBC__
  /* glibc gives the height in millimetres as the pointer's value */
  union { char *string; unsigned int word; } height;

  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (height.word == 279)
    return 1;
#endif
  return 9;
}

static void
make_formats (Questionnaire *q)
{
  lxw_workbook *wb = q->book->workbook;

  q->f_locked_wrap = workbook_add_format (wb);
  format_set_text_wrap (q->f_locked_wrap);
  format_set_align (q->f_locked_wrap, LXW_ALIGN_VERTICAL_TOP);

  q->f_paragraph = workbook_add_format (wb);
  format_set_text_wrap (q->f_paragraph);
  format_set_align (q->f_paragraph, LXW_ALIGN_VERTICAL_TOP);

  q->f_hint = workbook_add_format (wb);
  format_set_text_wrap (q->f_hint);
  format_set_italic (q->f_hint);
  format_set_font_color (q->f_hint, 0x595959);
  format_set_align (q->f_hint, LXW_ALIGN_VERTICAL_TOP);

  /* What the owner types: unlocked, on the input colour */
  q->f_in_text = workbook_add_format (wb);
  format_set_text_wrap (q->f_in_text);
  format_set_align (q->f_in_text, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (q->f_in_text, 0xFFF2CC);
  format_set_border (q->f_in_text, LXW_BORDER_HAIR);
  format_set_border_color (q->f_in_text, 0xBF9000);
  format_set_unlocked (q->f_in_text);

  q->f_in_level = workbook_add_format (wb);
  format_set_text_wrap (q->f_in_level);
  format_set_align (q->f_in_level, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold (q->f_in_level);
  format_set_bg_color (q->f_in_level, 0xFFF2CC);
  format_set_border (q->f_in_level, LXW_BORDER_HAIR);
  format_set_border_color (q->f_in_level, 0xBF9000);
  format_set_unlocked (q->f_in_level);

  q->f_in_date = workbook_add_format (wb);
  format_set_num_format (q->f_in_date, "yyyy-mm-dd");
  format_set_align (q->f_in_date, LXW_ALIGN_LEFT);
  format_set_align (q->f_in_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (q->f_in_date, 0xFFF2CC);
  format_set_border (q->f_in_date, LXW_BORDER_HAIR);
  format_set_border_color (q->f_in_date, 0xBF9000);
  format_set_unlocked (q->f_in_date);

  q->f_in_integer = workbook_add_format (wb);
  format_set_num_format (q->f_in_integer, "0");
  format_set_align (q->f_in_integer, LXW_ALIGN_LEFT);
  format_set_align (q->f_in_integer, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (q->f_in_integer, 0xFFF2CC);
  format_set_border (q->f_in_integer, LXW_BORDER_HAIR);
  format_set_border_color (q->f_in_integer, 0xBF9000);
  format_set_unlocked (q->f_in_integer);
}

/* Locked for structure, open for answers; no password: the lock keeps
 * ids from being broken by accident, it is not a secret */
static void
protect (Questionnaire *q,
         lxw_worksheet *sheet)
{
  lxw_protection options = { 0 };

  options.format_columns = LXW_TRUE;
  options.format_rows = LXW_TRUE;
  options.autofilter = LXW_TRUE;
  worksheet_protect (sheet, NULL, &options);
}

static void
page_setup (Questionnaire *q,
            lxw_worksheet *sheet,
            gboolean       landscape,
            lxw_row_t      repeat_row)
{
  EmsXlsxSheetLayout layout = { .landscape = landscape };

  ems_xlsx_finish_sheet (q->book, sheet, &layout);
  /* After finish_sheet, which sets A4 */
  worksheet_set_paper (sheet, q->paper);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.6);
  if (repeat_row != (lxw_row_t) -1)
    check (q, worksheet_repeat_rows (sheet, repeat_row, repeat_row), "repeat rows");
}

/* Instructions ------------------------------------------------------------ */

static lxw_row_t
write_paragraph (Questionnaire *q,
                 lxw_row_t      row,
                 const char    *text)
{
  ems_xlsx_write_text (q->book, q->instructions, q->instructions_name, row, 0, text, q->f_paragraph);
  ems_xlsx_fit_row (q->book, q->instructions, row, ems_xlsx_text_lines (text, INSTRUCTIONS_WIDTH - 8) + 1);
  return row + 1;
}

static void
write_instructions (Questionnaire *q)
{
  lxw_worksheet *ws = q->instructions;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *step3 = NULL;
  lxw_row_t row = 0;

  check (q, worksheet_set_column (ws, 0, 0, INSTRUCTIONS_WIDTH, NULL), "column");
  check (q, worksheet_write_string (ws, row++, 0, _("Environmental management self-assessment: questionnaire"),
                                    q->book->f_title), "title");
  check (q, worksheet_set_row (ws, 0, 24, NULL), "row");
  check (q, worksheet_write_string (ws, row++, 0,
                                    _("The 10 Elements of an effective environmental management system (CEC, 2000)"),
                                    q->book->f_subtitle), "subtitle");
  row++;
  check (q, worksheet_write_string (ws, row++, 0, _("How to fill in this questionnaire"), q->book->f_section),
         "section");

  /* Translators: %s is the name of the Profile sheet */
  step1 = g_strdup_printf (_("1. On the sheet “%s”, fill in the yellow cells: your organisation, site, sector, number of employees, country (a two-letter code such as CA, MX or US), who answers, the date and the level you aim for."),
                           q->profile_name);
  row = write_paragraph (q, row, step1);
  /* Translators: %s is the name of the Questions sheet; "N/A" as in the level list */
  step2 = g_strdup_printf (_("2. On the sheet “%s”, choose a level for each question from the list in the Level column, from 0 (not in place) to 4 (measured and improved), or N/A when the question does not apply to your business; then give a one-line reason in the N/A reason column."),
                           q->questions_name);
  row = write_paragraph (q, row, step2);
  row = write_paragraph (q, row, _("3. Leave a level empty when you do not know yet: an unanswered question lowers the coverage, not the score."));
  row = write_paragraph (q, row, _("4. Notes and evidence are optional but help the review: say what you have and where it is kept (a document, a register, a record)."));
  row = write_paragraph (q, row, _("5. The ids, the questions and the sheet names are locked (without a password) so that your answers can be read back: please do not change them, nor insert or delete rows."));
  /* Translators: %s is a file extension */
  step3 = g_strdup_printf (_("6. Save the file in the same format (%s) and send it back to the person who gave it to you."),
                           ".xlsx");
  row = write_paragraph (q, row, step3);

  row++;
  check (q, worksheet_write_string (ws, row++, 0, _("The levels"), q->book->f_section), "section");
  for (guint level = 0; level < EMS_N_LEVELS; level++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", q->choices[level],
                                               ems_checklist_get_level_meaning (q->checklist, level));

      row = write_paragraph (q, row, line);
    }

  page_setup (q, ws, FALSE, (lxw_row_t) -1);
  protect (q, ws);
}

/* Profile ----------------------------------------------------------------- */

static void
write_profile_text (Questionnaire *q,
                    lxw_row_t      row,
                    const char    *key,
                    const char    *label,
                    const char    *value,
                    const char    *hint)
{
  lxw_worksheet *ws = q->profile;

  check (q, worksheet_write_string (ws, row, P_COL_KEY, key, NULL), "key");
  check (q, worksheet_write_string (ws, row, P_COL_LABEL, label, q->book->f_label), "label");
  ems_xlsx_write_text (q->book, ws, q->profile_name, row, P_COL_VALUE, value, q->f_in_text);
  if (value == NULL || value[0] == '\0')
    check (q, worksheet_write_blank (ws, row, P_COL_VALUE, q->f_in_text), "blank");
  if (hint != NULL)
    check (q, worksheet_write_string (ws, row, P_COL_HINT, hint, q->f_hint), "hint");
  ems_xlsx_fit_row (q->book, ws, row, MAX (ems_xlsx_text_lines (value, 40), ems_xlsx_text_lines (hint, 40)));
}

static void
write_profile (Questionnaire *q)
{
  lxw_worksheet *ws = q->profile;
  EmsAssessment *a = q->assessment;
  lxw_row_t row = P_ROW_FIRST;
  lxw_row_t employees_row, country_row, date_row, target_row;
  guint target = a != NULL ? ems_assessment_get_target_level (a) : 3;

  check (q, worksheet_set_column_opt (ws, P_COL_KEY, P_COL_KEY, 10, NULL,
                                      &(lxw_row_col_options) { .hidden = LXW_TRUE }), "column");
  check (q, worksheet_set_column (ws, P_COL_LABEL, P_COL_LABEL, 24, NULL), "column");
  check (q, worksheet_set_column (ws, P_COL_VALUE, P_COL_VALUE, 40, NULL), "column");
  check (q, worksheet_set_column (ws, P_COL_HINT, P_COL_HINT, 40, NULL), "column");

  check (q, worksheet_write_string (ws, 0, P_COL_LABEL, _("Your organisation"), q->book->f_title), "title");
  check (q, worksheet_set_row (ws, 0, 24, NULL), "row");
  check (q, worksheet_write_string (ws, 1, P_COL_LABEL, _("Fill in the yellow cells."), q->book->f_subtitle),
         "subtitle");

  write_profile_text (q, row++, "name", _("Organisation"), a ? ems_assessment_get_name (a) : NULL, NULL);
  write_profile_text (q, row++, "site", _("Site"), a ? ems_assessment_get_site (a) : NULL,
                      _("The address or name of the site assessed"));
  write_profile_text (q, row++, "sector", _("Sector"), a ? ems_assessment_get_sector (a) : NULL,
                      _("What the business does, e.g. metal finishing"));

  employees_row = row++;
  check (q, worksheet_write_string (ws, employees_row, P_COL_KEY, "employees", NULL), "key");
  check (q, worksheet_write_string (ws, employees_row, P_COL_LABEL, _("Employees"), q->book->f_label), "label");
  if (a != NULL && ems_assessment_get_employees (a) >= 0)
    check (q, worksheet_write_number (ws, employees_row, P_COL_VALUE, ems_assessment_get_employees (a),
                                      q->f_in_integer), "employees");
  else
    check (q, worksheet_write_blank (ws, employees_row, P_COL_VALUE, q->f_in_integer), "employees");
  check (q, worksheet_write_string (ws, employees_row, P_COL_HINT, _("A whole number"), q->f_hint), "hint");

  country_row = row;
  write_profile_text (q, row++, "country", _("Country"), a ? ems_assessment_get_country (a) : NULL,
                      _("Two-letter ISO 3166 code: CA, MX, US…"));
  write_profile_text (q, row++, "assessor", _("Assessor"), a ? ems_assessment_get_assessor (a) : NULL,
                      _("Who answers the questionnaire"));

  date_row = row++;
  check (q, worksheet_write_string (ws, date_row, P_COL_KEY, "assessed_on", NULL), "key");
  check (q, worksheet_write_string (ws, date_row, P_COL_LABEL, _("Assessed on"), q->book->f_label), "label");
  {
    lxw_datetime dt;
    const char *date = a != NULL ? ems_assessment_get_assessed_on (a) : NULL;

    if (ems_xlsx_parse_date (date, &dt))
      check (q, worksheet_write_datetime (ws, date_row, P_COL_VALUE, &dt, q->f_in_date), "date");
    else
      check (q, worksheet_write_blank (ws, date_row, P_COL_VALUE, q->f_in_date), "date");
  }
  check (q, worksheet_write_string (ws, date_row, P_COL_HINT, _("A date, as YYYY-MM-DD"), q->f_hint), "hint");

  target_row = row++;
  check (q, worksheet_write_string (ws, target_row, P_COL_KEY, "target_level", NULL), "key");
  check (q, worksheet_write_string (ws, target_row, P_COL_LABEL, _("Target level (0–4)"), q->book->f_label),
         "label");
  check (q, worksheet_write_number (ws, target_row, P_COL_VALUE, target, q->f_in_integer), "target");
  check (q, worksheet_write_string (ws, target_row, P_COL_HINT,
                                    _("The level you aim for on every question; 3 when unsure"), q->f_hint),
         "hint");

  {
    lxw_data_validation dv = { 0 };

    dv.validate = LXW_VALIDATION_TYPE_INTEGER;
    dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    dv.minimum_number = 0;
    dv.value_number = 0;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    dv.error_message = (char *) _("A whole number of employees, 0 or more");
    ems_xlsx_add_validation (q->book, ws, employees_row, P_COL_VALUE, employees_row, P_COL_VALUE, &dv);

    dv = (lxw_data_validation) { 0 };
    dv.validate = LXW_VALIDATION_TYPE_LENGTH;
    dv.criteria = LXW_VALIDATION_CRITERIA_EQUAL_TO;
    dv.value_number = 2;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    dv.error_message = (char *) _("Two-letter ISO 3166 code: CA, MX, US…");
    ems_xlsx_add_validation (q->book, ws, country_row, P_COL_VALUE, country_row, P_COL_VALUE, &dv);

    dv = (lxw_data_validation) { 0 };
    dv.validate = LXW_VALIDATION_TYPE_DATE;
    dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN;
    dv.minimum_datetime = (lxw_datetime) { .year = 1990, .month = 1, .day = 1 };
    dv.value_datetime = dv.minimum_datetime;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    dv.error_message = (char *) _("A date, as YYYY-MM-DD");
    ems_xlsx_add_validation (q->book, ws, date_row, P_COL_VALUE, date_row, P_COL_VALUE, &dv);

    dv = (lxw_data_validation) { 0 };
    dv.validate = LXW_VALIDATION_TYPE_INTEGER;
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_number = 0;
    dv.maximum_number = EMS_LEVEL_MAX;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    dv.error_message = (char *) _("A level from 0 to 4");
    ems_xlsx_add_validation (q->book, ws, target_row, P_COL_VALUE, target_row, P_COL_VALUE, &dv);
  }

  page_setup (q, ws, FALSE, (lxw_row_t) -1);
  protect (q, ws);
}

/* Questions --------------------------------------------------------------- */

static void
write_questions (Questionnaire *q)
{
  lxw_worksheet *ws = q->questions;
  guint n_elements = ems_checklist_get_n_elements (q->checklist);
  static const double widths[N_Q_COLS] = {
    [Q_COL_ELEMENT] = 14, [Q_COL_ID] = 5, [Q_COL_QUESTION] = 40, [Q_COL_HELP] = 40,
    [Q_COL_LEVEL] = 18, [Q_COL_NA_REASON] = 18, [Q_COL_NOTE] = 26, [Q_COL_EVIDENCE] = 26,
  };
  lxw_format *formats[N_Q_COLS] = {
    q->f_locked_wrap, q->book->f_center, q->f_locked_wrap, q->f_hint,
    q->f_in_level, q->f_in_text, q->f_in_text, q->f_in_text,
  };
  lxw_row_t row = 1;
  g_autofree char *marker_ref = ems_xlsx_sheet_ref (EMS_QUESTIONNAIRE_MARKER_SHEET);

  ems_xlsx_set_columns (q->book, ws, widths, formats, N_Q_COLS);
  ems_xlsx_write_header_row (q->book, ws, 0, q->headings, N_Q_COLS, widths, NULL, 0);

  for (guint e = 1; e <= n_elements; e++)
    {
      const EmsElement *element = ems_checklist_get_element (q->checklist, e);
      g_autofree char *element_text = g_strdup_printf ("%u. %s", element->number, element->title);

      for (guint i = 0; i < element->n_questions; i++, row++)
        {
          const EmsQuestion *question = element->questions[i];
          const EmsAnswer *answer = q->assessment != NULL
                                    ? ems_assessment_get_answer (q->assessment, question->id) : NULL;
          guint lines;

          ems_xlsx_write_text (q->book, ws, q->questions_name, row, Q_COL_ELEMENT, element_text,
                               formats[Q_COL_ELEMENT]);
          ems_xlsx_write_text (q->book, ws, q->questions_name, row, Q_COL_ID, question->id,
                               formats[Q_COL_ID]);
          ems_xlsx_write_text (q->book, ws, q->questions_name, row, Q_COL_QUESTION, question->text,
                               formats[Q_COL_QUESTION]);
          ems_xlsx_write_text (q->book, ws, q->questions_name, row, Q_COL_HELP, question->help,
                               formats[Q_COL_HELP]);

          if (answer != NULL && answer->state == EMS_ANSWER_LEVEL)
            check (q, worksheet_write_string (ws, row, Q_COL_LEVEL, q->choices[answer->level], q->f_in_level),
                   "level");
          else if (answer != NULL && answer->state == EMS_ANSWER_NOT_APPLICABLE)
            check (q, worksheet_write_string (ws, row, Q_COL_LEVEL, q->choices[EMS_LEVEL_NA], q->f_in_level),
                   "level");
          else
            check (q, worksheet_write_blank (ws, row, Q_COL_LEVEL, q->f_in_level), "level");

          for (lxw_col_t c = Q_COL_NA_REASON; c <= Q_COL_EVIDENCE; c++)
            {
              const char *text = NULL;

              if (answer != NULL)
                text = c == Q_COL_NA_REASON ? answer->reason : c == Q_COL_NOTE ? answer->note : answer->evidence;
              if (text != NULL)
                ems_xlsx_write_text (q->book, ws, q->questions_name, row, c, text, q->f_in_text);
              else
                check (q, worksheet_write_blank (ws, row, c, q->f_in_text), "blank");
            }

          lines = MAX (ems_xlsx_text_lines (question->text, widths[Q_COL_QUESTION]),
                       ems_xlsx_text_lines (question->help, widths[Q_COL_HELP]));
          lines = MAX (lines, ems_xlsx_text_lines (element_text, widths[Q_COL_ELEMENT]));
          if (answer != NULL)
            {
              lines = MAX (lines, ems_xlsx_text_lines (answer->note, widths[Q_COL_NOTE]));
              lines = MAX (lines, ems_xlsx_text_lines (answer->evidence, widths[Q_COL_EVIDENCE]));
              lines = MAX (lines, ems_xlsx_text_lines (answer->reason, widths[Q_COL_NA_REASON]));
            }
          ems_xlsx_fit_row (q->book, ws, row, MAX (lines, 2));
        }
    }

  if (row > 1)
    {
      lxw_data_validation dv = { 0 };
      g_autofree char *source = NULL;
      g_autofree char *message = NULL;
      g_autofree char *title = ems_xlsx_utf8_cut (_("Level"), 32);
      g_autofree char *input = NULL;
      char first[LXW_MAX_CELL_NAME_LENGTH];
      char last[LXW_MAX_CELL_NAME_LENGTH];
      lxw_error err;

      /* The choices from the marker sheet: no 255-character list limit */
      lxw_rowcol_to_cell_abs (first, MARKER_ROW_CHOICES, 0, TRUE, TRUE);
      lxw_rowcol_to_cell_abs (last, MARKER_ROW_CHOICES + EMS_N_LEVELS - 1, 0, TRUE, TRUE);
      source = g_strdup_printf ("=%s%s:%s", marker_ref, first, last);
      /* Translators: %s is the short "N/A" mark; at most 255 characters */
      message = g_strdup_printf (_("Choose a level from the list: 0 Not in place … 4 Measured and improved, or %s when the question does not apply (give the reason). Leave empty when not yet answered."),
                                 q->choices[EMS_LEVEL_NA]);
      input = ems_xlsx_utf8_cut (message, 255);

      dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      dv.value_formula = source;
      dv.ignore_blank = LXW_VALIDATION_ON;
      dv.dropdown = LXW_VALIDATION_ON;
      dv.show_input = LXW_VALIDATION_ON;
      dv.show_error = LXW_VALIDATION_ON;
      /* A warning, not a stop: a bare number or "N/A" typed by hand is
       * read back as well */
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      dv.input_title = title;
      dv.input_message = input;
      dv.error_title = title;
      dv.error_message = input;
      err = worksheet_data_validation_range (ws, 1, Q_COL_LEVEL, row - 1, Q_COL_LEVEL, &dv);
      if (err != LXW_NO_ERROR)
        g_debug ("the level drop-down was left out: %s", lxw_strerror (err));
    }

  {
    EmsXlsxSheetLayout layout = {
      .landscape = TRUE, .freeze_rows = 1, .freeze_cols = 0,
      .filter = FALSE, .header_row = 0, .last_row = row - 1, .last_col = N_Q_COLS - 1,
    };

    ems_xlsx_finish_sheet (q->book, ws, &layout);
    worksheet_set_paper (ws, q->paper);
    worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
    worksheet_gridlines (ws, LXW_SHOW_ALL_GRIDLINES);
    check (q, worksheet_repeat_rows (ws, 0, 0), "repeat rows");
    /* Page numbers: a returned paper copy stays in order */
    worksheet_set_footer (ws, "&C&P / &N");
  }
  protect (q, ws);
}

/* The marker -------------------------------------------------------------- */

static void
write_marker (Questionnaire *q)
{
  lxw_worksheet *ws = q->marker;
  static const guint heading_cols[] = { Q_COL_ID, Q_COL_LEVEL, Q_COL_NA_REASON, Q_COL_NOTE, Q_COL_EVIDENCE };
  const char *language = setlocale (LC_MESSAGES, NULL);

  check (q, worksheet_write_string (ws, 0, 0, EMS_QUESTIONNAIRE_MARKER, NULL), "marker");
  check (q, worksheet_write_number (ws, 0, 1, EMS_QUESTIONNAIRE_VERSION, NULL), "marker");
  check (q, worksheet_write_string (ws, 1, 0, "checklist", NULL), "marker");
  check (q, worksheet_write_string (ws, 1, 1, ems_checklist_get_id (q->checklist), NULL), "marker");
  check (q, worksheet_write_number (ws, 1, 2, ems_checklist_get_version (q->checklist), NULL), "marker");
  check (q, worksheet_write_string (ws, 2, 0, "sheets", NULL), "marker");
  check (q, worksheet_write_string (ws, 2, 1, q->questions_name, NULL), "marker");
  check (q, worksheet_write_string (ws, 2, 2, q->profile_name, NULL), "marker");
  check (q, worksheet_write_string (ws, 3, 0, "columns", NULL), "marker");
  for (guint i = 0; i < G_N_ELEMENTS (heading_cols); i++)
    check (q, worksheet_write_string (ws, 3, 1 + i, q->headings[heading_cols[i]], NULL), "marker");
  check (q, worksheet_write_string (ws, 4, 0, "language", NULL), "marker");
  check (q, worksheet_write_string (ws, 4, 1, language != NULL ? language : "C", NULL), "marker");

  for (guint level = 0; level < EMS_N_LEVELS; level++)
    check (q, worksheet_write_string (ws, MARKER_ROW_CHOICES + level, 0, q->choices[level], NULL), "choice");

  worksheet_hide (ws);
  protect (q, ws);
}

static gboolean
build_questionnaire (EmsXlsxBook  *book,
                     gpointer      user_data,
                     GError      **error)
{
  Questionnaire *q = user_data;
  lxw_doc_properties props = { 0 };

  q->book = book;
  q->instructions = ems_xlsx_add_sheet (book, C_("sheet name", "Instructions"), "Instructions",
                                        &q->instructions_name);
  q->profile = ems_xlsx_add_sheet (book, C_("sheet name", "Profile"), "Profile", &q->profile_name);
  q->questions = ems_xlsx_add_sheet (book, C_("sheet name", "Questions"), "Questions", &q->questions_name);
  q->marker = workbook_add_worksheet (book->workbook, EMS_QUESTIONNAIRE_MARKER_SHEET);

  if (q->instructions == NULL || q->profile == NULL || q->questions == NULL || q->marker == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Could not name the sheets of the workbook"));
      return FALSE;
    }

  make_formats (q);
  write_instructions (q);
  write_profile (q);
  write_questions (q);
  write_marker (q);

  props.title = (char *) _("Environmental management self-assessment: questionnaire");
  props.subject = (char *) _("Self-assessment against the 10 Elements of an effective environmental management system (CEC)");
  props.category = (char *) _("Environmental management");
  props.comments = (char *) _("Exported by Ten Elements");
  props.created = g_date_time_to_unix (q->export_time);
  ems_xlsx_set_properties (book, &props, q->checklist);
  ems_xlsx_set_custom_string (book, "EMS workbook", "questionnaire");

  worksheet_activate (q->instructions);

  return TRUE;
}

gboolean
ems_xlsx_export_questionnaire (EmsChecklist   *checklist,
                               EmsAssessment  *assessment,
                               GDateTime      *export_time,
                               const char     *path,
                               GError        **error)
{
  Questionnaire q = { 0 };
  g_autoptr(GDateTime) now = NULL;
  gboolean ok;

  g_return_val_if_fail (EMS_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (assessment == NULL || EMS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (assessment == NULL || ems_assessment_get_checklist (assessment) == checklist, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (export_time == NULL)
    export_time = now = g_date_time_new_now_local ();

  q.checklist = checklist;
  q.assessment = assessment;
  q.export_time = export_time;
  q.paper = locale_paper ();

  for (guint level = 0; level <= EMS_LEVEL_MAX; level++)
    /* Translators: a choice of the level drop-down: the level's number, a
     * dash and its label ("3 – Implemented"); keep the number first */
    q.choices[level] = g_strdup_printf (_("%u – %s"), level,
                                        ems_checklist_get_level_label (checklist, level));
  /* Translators: short mark for "not applicable" in the level column */
  q.choices[EMS_LEVEL_NA] = g_strdup (_("N/A"));

  q.headings[Q_COL_ELEMENT] = _("Element");
  /* Translators: the heading of the question ids ("1.1") in the questionnaire */
  q.headings[Q_COL_ID] = C_("column heading", "ID");
  q.headings[Q_COL_QUESTION] = _("Question");
  q.headings[Q_COL_HELP] = _("Help and evidence examples");
  q.headings[Q_COL_LEVEL] = _("Level");
  q.headings[Q_COL_NA_REASON] = _("N/A reason");
  q.headings[Q_COL_NOTE] = _("Note");
  q.headings[Q_COL_EVIDENCE] = _("Evidence");

  ok = ems_xlsx_write_atomic (path, build_questionnaire, &q, NULL, error);

  questionnaire_clear (&q);

  return ok;
}
