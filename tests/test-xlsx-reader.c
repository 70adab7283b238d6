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
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ems-error.h"
#include "ems-workbook-import.h"
#include "ems-xlsx-questionnaire.h"
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

static EmsAssessment *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("EMS_EXAMPLES_DIR"), "01-northshore-metal-finishing.emsa", NULL);
  g_autoptr(GError) error = NULL;
  EmsFileKind kind = EMS_FILE_KIND_QUESTIONNAIRE;
  EmsAssessment *assessment = ems_load_assessment_file (NULL, path, &kind, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, EMS_FILE_KIND_ASSESSMENT);
  return assessment;
}

/* Written and read in process, in @locale: the same assessment back, the
 * same bytes for the same time */
static void
round_trip_in (const char *locale)
{
  g_autoptr(EmsAssessment) source = load_example ();
  g_autoptr(EmsAssessment) back = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 11, 23, 18, 30, 0);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) json_source = NULL;
  g_autoptr(GBytes) json_back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ems-reader-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "first.xlsx", NULL);
  g_autofree char *second = g_build_filename (dir, "second.xlsx", NULL);
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  char *contents = NULL;
  gsize length = 0;
  EmsFileKind kind = EMS_FILE_KIND_ASSESSMENT;

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip ("locale not available");
      return;
    }

  g_assert_true (ems_xlsx_export_questionnaire (ems_checklist_get_default (), source, time, first, &error));
  g_assert_no_error (error);
  g_assert_true (ems_xlsx_export_questionnaire (ems_checklist_get_default (), source, time, second, &error));
  g_assert_true (g_file_get_contents (first, &contents, &length, NULL));
  a = g_bytes_new_take (contents, length);
  g_assert_true (g_file_get_contents (second, &contents, &length, NULL));
  b = g_bytes_new_take (contents, length);
  g_assert_true (g_bytes_equal (a, b));

  back = ems_workbook_import (NULL, a, &kind, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpint (kind, ==, EMS_FILE_KIND_QUESTIONNAIRE);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The questionnaire carries no action plan */
  while (ems_assessment_get_n_actions (source) > 0)
    ems_assessment_remove_action (source, 0);
  /* …nor (yet) the outcome indicators */
  {
    g_auto(GStrv) ids = ems_assessment_dup_indicator_ids (source);

    for (guint i = 0; ids[i] != NULL; i++)
      ems_assessment_clear_indicator_value (source, ids[i]);
    ems_assessment_set_period (source, NULL, NULL);
    ems_assessment_set_output (source, NULL, NAN, NULL, NULL);
  }
  json_source = ems_assessment_serialize (source);
  json_back = ems_assessment_serialize (back);
  g_assert_cmpstr (g_bytes_get_data (json_back, NULL), ==, g_bytes_get_data (json_source, NULL));
  g_assert_cmpint (ems_assessment_get_employees (back), ==, 35);

  g_remove (first);
  g_remove (second);
  g_rmdir (dir);
  setlocale (LC_ALL, old);
}

static void
test_round_trip_c (void)
{
  round_trip_in ("C.UTF-8");
}

static void
test_round_trip_french (void)
{
  round_trip_in ("fr_FR.UTF-8");
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
  g_test_add_func ("/xlsx-reader/round-trip/c", test_round_trip_c);
  g_test_add_func ("/xlsx-reader/round-trip/fr", test_round_trip_french);

  return g_test_run ();
}
