/* test-xlsx.c: the workbook export through its C API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the file holds is read back by independent readers in
 * test-xlsx-read.py (openpyxl) and test-xlsx-libreoffice.py; here: the
 * file is written, reproducibly, in any numeric locale, atomically, and
 * failures are clean.
 */

#define G_LOG_DOMAIN "test-xlsx"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "ems-error.h"
#include "ems-xlsx.h"
#include "ems-xlsx-private.h"

static EmsAssessment *
make_assessment (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  EmsAssessment *a = ems_assessment_new (checklist);
  guint n = ems_checklist_get_n_questions (checklist);
  g_autoptr(EmsAction) action = NULL;

  ems_assessment_set_name (a, "Test Finishing Ltd.");
  ems_assessment_set_site (a, "Plant 2");
  ems_assessment_set_sector (a, "Metal finishing");
  ems_assessment_set_employees (a, 42);
  ems_assessment_set_country (a, "CA");
  ems_assessment_set_assessor (a, "A. Assessor");
  ems_assessment_set_assessed_on (a, "2026-11-23");
  ems_assessment_set_target_level (a, 3);

  /* Levels with fractions in the scores, N/A, unanswered questions */
  for (guint i = 0; i < n; i++)
    {
      const EmsQuestion *q = ems_checklist_get_question (checklist, i);

      if (i % 7 == 3)
        ems_assessment_set_not_applicable (a, q->id, "Not relevant here");
      else if (i % 5 != 4)
        ems_assessment_set_level (a, q->id, (i * 3) % 5);
    }
  ems_assessment_set_note (a, ems_checklist_get_question (checklist, 0)->id, "A note");

  action = ems_action_new ("Write the compliance register");
  ems_action_set_element (action, 2);
  ems_action_set_question (action, "2.1");
  ems_action_set_owner (action, "Plant manager");
  ems_action_set_due (action, "2027-03-31");
  ems_assessment_add_action (a, action);

  return a;
}

static GDateTime *
fixed_time (void)
{
  return g_date_time_new_utc (2026, 11, 23, 18, 30, 0);
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-xlsx-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static GBytes *
export_to_bytes (EmsAssessment *a,
                 GDateTime     *time)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) source = g_bytes_new_static ("{}", 2);
  GBytes *bytes;

  g_assert_true (ems_xlsx_export (a, source, time, path, &error));
  g_assert_no_error (error);
  bytes = read_bytes (path);
  rm_rf (dir);
  return bytes;
}

static void
test_basic (void)
{
  g_autoptr(EmsAssessment) a = make_assessment ();
  g_autoptr(GDateTime) time = fixed_time ();
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  g_assert_true (ems_xlsx_export (a, NULL, time, path, &error));
  g_assert_no_error (error);

  bytes = read_bytes (path);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, >, 4000);
  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  /* The temporary file is gone: only the workbook is left */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Exporting again replaces the file */
  g_assert_true (ems_xlsx_export (a, NULL, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  rm_rf (dir);
}

static void
test_reproducible (void)
{
  g_autoptr(EmsAssessment) a = make_assessment ();
  g_autoptr(GDateTime) time = fixed_time ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (time, 3600);
  g_autoptr(GBytes) first = export_to_bytes (a, time);
  g_autoptr(GBytes) second = export_to_bytes (a, time);
  g_autoptr(GBytes) other = export_to_bytes (a, later);

  g_assert_true (g_bytes_equal (first, second));
  /* The export time is printed and stored: a different time shows */
  g_assert_false (g_bytes_equal (first, other));
}

/* The libxlsxwriter trap: under a locale with a decimal comma the
 * workbook must not change by a byte. */
static void
test_numeric_locale (gconstpointer data)
{
  const char *locale = data;
  g_autoptr(EmsAssessment) a = make_assessment ();
  g_autoptr(GDateTime) time = fixed_time ();
  g_autoptr(GBytes) in_c = NULL;
  g_autoptr(GBytes) in_locale = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  in_c = export_to_bytes (a, time);

  if (setlocale (LC_NUMERIC, locale) == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("locale %s is not installed", locale);

      g_test_skip (msg);
      return;
    }
  /* fr_FR writes a decimal comma; es_MX a point but other grouping */
  if (g_str_has_prefix (locale, "fr"))
    g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  in_locale = export_to_bytes (a, time);
  /* The caller's locale is left as it was */
  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, locale);
  setlocale (LC_NUMERIC, saved);

  g_assert_true (g_bytes_equal (in_c, in_locale));
}

static void
test_unwritable_folder (void)
{
  g_autoptr(EmsAssessment) a = make_assessment ();
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.xlsx", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *under_file = g_build_filename (file, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ems_xlsx_export (a, NULL, NULL, missing, &error));
  g_assert_error (error, EMS_ERROR, EMS_ERROR_EXPORT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_false (ems_xlsx_export (a, NULL, NULL, under_file, &error));
  g_assert_error (error, EMS_ERROR, EMS_ERROR_EXPORT);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);

  /* The target is a folder: the rename fails, nothing is left behind */
  g_assert_false (ems_xlsx_export (a, NULL, NULL, dir, &error));
  g_assert_error (error, EMS_ERROR, EMS_ERROR_EXPORT);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  rm_rf (dir);
}

/* A full disk, simulated with a file size limit: the export fails with a
 * clear message, leaves no temporary file and keeps the good workbook. */
static void
test_full_disk (void)
{
  g_autoptr(EmsAssessment) a = make_assessment ();
  g_autoptr(GDateTime) time = fixed_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) after = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit limit = { 2048, 2048 };
      g_autoptr(GDateTime) later = g_date_time_add_seconds (time, 60);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (ems_xlsx_export (a, NULL, later, g_getenv ("TEST_XLSX_PATH"), &error));
      g_assert_error (error, EMS_ERROR, EMS_ERROR_EXPORT);
      g_printerr ("MESSAGE: %s\n", error->message);
      return;
    }

  dir = make_tmpdir ();
  path = g_build_filename (dir, "good.xlsx", NULL);
  g_assert_true (ems_xlsx_export (a, NULL, time, path, &error));
  g_assert_no_error (error);
  good = read_bytes (path);

  g_setenv ("TEST_XLSX_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*MESSAGE: Could not write “*good.xlsx”: the disk is full*");

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (good, after));
  /* No temporary file is left: the folder holds the good workbook only */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  rm_rf (dir);
}

/* Text from the assessment never breaks the file; a text too long for a
 * cell is cut and reported. */
static void
test_hostile_text (void)
{
  g_autoptr(EmsAssessment) a = make_assessment ();
  EmsChecklist *checklist = ems_assessment_get_checklist (a);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "hostile.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *huge = g_strnfill (100000, 'x');
  g_autofree char *long_name = g_strnfill (300, 'N');

  ems_assessment_set_name (a, long_name);
  ems_assessment_set_note (a, ems_checklist_get_question (checklist, 0)->id, "=HYPERLINK(\"http://example.com\",\"x\")");
  ems_assessment_set_note (a, ems_checklist_get_question (checklist, 1)->id, "ctl\001\002\033\177 end\r\nline");
  ems_assessment_set_note (a, ems_checklist_get_question (checklist, 2)->id, huge);
  ems_assessment_set_evidence (a, ems_checklist_get_question (checklist, 2)->id, "🌍🌱 émission — שלום עולם");

  g_assert_true (ems_xlsx_export_full (a, NULL, NULL, path, &warnings, &error));
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "I4"));
  rm_rf (dir);
}

/* Text goes into cells through ems_xlsx_clean_text(): clean text unchanged
 * (the fast path), everything else made safe (the slow path). */
static void
assert_clean (const char *text,
              const char *expected,
              gboolean    expect_cut)
{
  gboolean cut = !expect_cut;
  g_autofree char *clean = ems_xlsx_clean_text (text, &cut);

  g_assert_cmpstr (clean, ==, expected);
  g_assert_cmpint (cut, ==, expect_cut);
}

static void
test_clean_text (void)
{
  g_autofree char *fits = g_strnfill (EMS_XLSX_CELL_MAX_UNITS, 'x');
  g_autofree char *too_long = g_strnfill (EMS_XLSX_CELL_MAX_UNITS + 1, 'x');
  g_autofree char *cut_text = NULL;
  gboolean cut = FALSE;

  assert_clean (NULL, NULL, FALSE);
  assert_clean ("", NULL, FALSE);
  assert_clean ("Plain note\twith a tab\nand a line", "Plain note\twith a tab\nand a line", FALSE);
  assert_clean ("=SUM(A1:A2) émission 🌍 שלום", "=SUM(A1:A2) émission 🌍 שלום", FALSE);
  assert_clean ("a\r\nb\rc", "a\nb\nc", FALSE);
  assert_clean ("ctl\001\002\033 end", "ctl end", FALSE);
  assert_clean ("_x0041_ and _xyz", "_x005F_x0041_ and _xyz", FALSE);
  assert_clean ("no\xEF\xBF\xBE" "non\xEF\xBF\xBF" "char", "nononchar", FALSE);
  assert_clean ("bad \xFF" " byte", "bad \xEF\xBF\xBD" " byte", FALSE);
  assert_clean (fits, fits, FALSE);

  cut_text = ems_xlsx_clean_text (too_long, &cut);
  g_assert_true (cut);
  g_assert_cmpuint (g_utf8_strlen (cut_text, -1), <=, EMS_XLSX_CELL_MAX_UNITS);
  g_assert_true (g_str_has_prefix (cut_text, "xxxx"));
  g_assert_nonnull (strstr (cut_text, "32,767"));
}

/* The calls libxlsxwriter would refuse with a line on stderr are kept
 * within Excel's limits: long prompts are cut, a drop-down whose list is
 * too long is left out, a long custom property is cut, and odd sheet
 * names are made legal. Nothing reaches stderr. */
static void
test_limits_silent (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "limits.xlsx", NULL);
      g_autofree char *long_text = g_strnfill (400, 'x');
      g_autofree char *long_item = g_strnfill (300, 'y');
      g_autofree char *name = NULL;
      EmsXlsxBook book = { 0 };
      lxw_worksheet *sheet;
      lxw_data_validation dv = { 0 };
      char *short_list[] = { "0", "1", "N/A", NULL };
      char *long_list[] = { "0", long_item, NULL };
      const char *odd_names[] = { "History", "'Quoted'", "[a]:*?/\\b", "", "Sheet",
                                  "A name far longer than thirty-one characters" };

      book.warnings = g_ptr_array_new_with_free_func (g_free);
      book.workbook = workbook_new (path);
      g_assert_nonnull (book.workbook);
      sheet = ems_xlsx_add_sheet (&book, "Sheet", "Fallback", &name);
      g_assert_nonnull (sheet);

      /* A list drop-down with a prompt and a title past the limits */
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = short_list;
      dv.input_title = long_text;
      dv.input_message = long_text;
      dv.error_title = long_text;
      dv.error_message = long_text;
      g_assert_true (ems_xlsx_add_validation (&book, sheet, 1, 0, 10, 0, &dv));
      /* A list past 255 characters: left out */
      dv.value_list = long_list;
      g_assert_false (ems_xlsx_add_validation (&book, sheet, 1, 1, 10, 1, &dv));

      ems_xlsx_set_custom_string (&book, long_text, long_text);

      /* Each gets a legal name, or the fallback */
      for (guint i = 0; i < G_N_ELEMENTS (odd_names); i++)
        {
          g_autofree char *fallback = g_strdup_printf ("Fallback %u", i);
          g_autofree char *legal = NULL;

          g_assert_nonnull (ems_xlsx_add_sheet (&book, odd_names[i], fallback, &legal));
          g_assert_cmpint (g_utf8_strlen (legal, -1), <=, LXW_SHEETNAME_MAX);
          g_assert_null (strpbrk (legal, "[]:*?/\\"));
        }

      g_assert_cmpint (book.error, ==, LXW_NO_ERROR);
      g_assert_cmpint (workbook_close (book.workbook), ==, LXW_NO_ERROR);
      g_ptr_array_unref (book.warnings);
      g_assert_cmpint (g_remove (path), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/basic", test_basic);
  g_test_add_func ("/xlsx/reproducible", test_reproducible);
  g_test_add_data_func ("/xlsx/numeric-locale/fr_FR", "fr_FR.UTF-8", test_numeric_locale);
  g_test_add_data_func ("/xlsx/numeric-locale/es_MX", "es_MX.UTF-8", test_numeric_locale);
  g_test_add_func ("/xlsx/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/xlsx/full-disk", test_full_disk);
  g_test_add_func ("/xlsx/hostile-text", test_hostile_text);
  g_test_add_func ("/xlsx/clean-text", test_clean_text);
  g_test_add_func ("/xlsx/limits-silent", test_limits_silent);

  return g_test_run ();
}
