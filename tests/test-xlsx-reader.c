/* test-xlsx-reader.c: reading workbooks back: level texts, cell names and
 * what is refused before any parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole workbooks (ours, re-saved by LibreOffice and Gnumeric, hostile
 * ones) are tested by export/test-questionnaire.py.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ems-error.h"
#include "ems-workbook-import.h"
#include "ems-xlsx-reader.h"

static void
test_level_texts (void)
{
  static const struct { const char *text; gboolean ok; EmsAnswerState state; guint level; } cases[] = {
    { "3 – Implemented", TRUE, EMS_ANSWER_LEVEL, 3 },
    { "0 – Pas en place", TRUE, EMS_ANSWER_LEVEL, 0 },
    { "4 — Medido y mejorado", TRUE, EMS_ANSWER_LEVEL, 4 },
    { "2-Written", TRUE, EMS_ANSWER_LEVEL, 2 },
    { " 1 ", TRUE, EMS_ANSWER_LEVEL, 1 },
    { "3.0", TRUE, EMS_ANSWER_LEVEL, 3 },
    { "N/A", TRUE, EMS_ANSWER_NOT_APPLICABLE, 0 },
    { "na", TRUE, EMS_ANSWER_NOT_APPLICABLE, 0 },
    { "n/a", TRUE, EMS_ANSWER_NOT_APPLICABLE, 0 },
    { "NA", TRUE, EMS_ANSWER_NOT_APPLICABLE, 0 },
    { "S.O.", TRUE, EMS_ANSWER_NOT_APPLICABLE, 0 },
    { "", TRUE, EMS_ANSWER_UNANSWERED, 0 },
    { "   ", TRUE, EMS_ANSWER_UNANSWERED, 0 },
    { "5", FALSE, 0, 0 },
    { "-1", FALSE, 0, 0 },
    { "2.5", FALSE, 0, 0 },
    { "3.5 – Implemented", FALSE, 0, 0 },
    { "three", FALSE, 0, 0 },
    { "Implemented", FALSE, 0, 0 },
    { "nan", FALSE, 0, 0 },
    { "inf", FALSE, 0, 0 },
    { "12", FALSE, 0, 0 },
    { "5 – Beyond", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EmsAnswerState state = 99;
      guint level = 99;
      gboolean ok = ems_workbook_parse_level_text (cases[i].text, &state, &level);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpint (state, ==, cases[i].state);
          if (state == EMS_ANSWER_LEVEL)
            g_assert_cmpuint (level, ==, cases[i].level);
        }
    }
}

static void
test_cell_names (void)
{
  static const struct { const char *name; guint row, col; } cases[] = {
    { "A1", 0, 0 }, { "E7", 6, 4 }, { "Z10", 9, 25 }, { "AA1", 0, 26 },
    { "$B$2", 1, 1 }, { "XFD1048576", 1048575, 16383 },
  };
  static const char *const bad[] = { "", "1A", "A0", "A", "7", "XFE1", "A1048577", "A1B", "AAAAA1", NULL };
  guint row, col;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *back = NULL;

      g_assert_true (ems_xlsx_parse_cell_name (cases[i].name, &row, &col));
      g_assert_cmpuint (row, ==, cases[i].row);
      g_assert_cmpuint (col, ==, cases[i].col);
      back = ems_xlsx_cell_name_for (row, col);
      g_assert_cmpstr (back, ==, cases[i].name[0] == '$' ? "B2" : cases[i].name);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (ems_xlsx_parse_cell_name (bad[i], &row, &col));
}

static void
expect_refused (const void *data,
                gsize       length,
                const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;

  assessment = ems_load_assessment_data (NULL, path, data, length, NULL, &problems, &error);
  g_assert_null (assessment);
  g_assert_error (error, EMS_ERROR, code);
  g_test_message ("%s: %s", path, error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_refused_unread (void)
{
  static const char text[] = "name,level\n1.1,3\n";
  static const guint8 ole[512] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  static const char truncated_zip[] = "PK\003\004\024\000\000\000";
  g_autofree char *huge = g_malloc0 (EMS_MAX_FILE_SIZE + 1);

  memcpy (huge, "PK\003\004", 4);
  expect_refused (text, sizeof text - 1, "answers.xlsx", EMS_ERROR_INVALID, "zip");
  expect_refused (ole, sizeof ole, "old.xlsx", EMS_ERROR_INVALID, "Office");
  expect_refused (truncated_zip, sizeof truncated_zip - 1, "cut.xlsx", EMS_ERROR_INVALID, "damaged");
  expect_refused (huge, EMS_MAX_FILE_SIZE + 1, "huge.xlsx", EMS_ERROR_TOO_LARGE, "too large");
  /* Text in a file not named as a workbook is an .emsa, and says so */
  expect_refused (text, sizeof text - 1, "answers.emsa", EMS_ERROR_NOT_JSON, "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx-reader/level-texts", test_level_texts);
  g_test_add_func ("/xlsx-reader/cell-names", test_cell_names);
  g_test_add_func ("/xlsx-reader/refused-unread", test_refused_unread);

  return g_test_run ();
}
