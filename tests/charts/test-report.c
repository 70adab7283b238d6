/* test-report.c: the PDF report and chart files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the report of every example and checks it with poppler's
 * pdfinfo and pdftotext (skipped when poppler-utils is not installed):
 * the page count, and that the text holds the organisation, every element
 * title and the overall score. Chart files: PNG at 1× and 2×, SVG, PDF;
 * failures leave nothing behind. Set EMS_CHARTS_DUMP_DIR to keep the files.
 */

#define G_LOG_DOMAIN "ems-report"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ems-chart-export.h"
#include "ems-error.h"
#include "ems-plan.h"
#include "ems-report.h"

static EmsAssessment *
load_example (const char *name)
{
  const char *dir = g_getenv ("EMS_EXAMPLES_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : SOURCE_EXAMPLES_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EmsAssessment *assessment;

  assessment = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);

  return assessment;
}

static char *
out_dir (void)
{
  const char *dump = g_getenv ("EMS_CHARTS_DUMP_DIR");
  g_autoptr(GError) error = NULL;
  char *dir;

  if (dump != NULL)
    {
      g_mkdir_with_parents (dump, 0755);
      return g_strdup (dump);
    }

  dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  g_assert_no_error (error);

  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (g_getenv ("EMS_CHARTS_DUMP_DIR") != NULL)
    return;

  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

/* Runs a poppler tool; NULL (and the test skipped) when it is missing */
static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2,
          const char *arg3)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { tool, arg1, arg2, arg3, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return NULL;
    }

  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* Whitespace (line breaks inside wrapped titles) collapsed to one space */
static char *
normalise (const char *text)
{
  GString *str = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && str->len > 0)
            g_string_append_c (str, ' ');
          space = FALSE;
          g_string_append_unichar (str, c);
        }
    }

  return g_string_free (str, FALSE);
}

/* The "Where to start" and "ISO 14001 readiness" sections: the steps in
 * core's order, each clause with its score or "not assessed", the note */
static void
check_plan_sections (EmsAssessment *assessment,
                     EmsScores     *scores,
                     const char    *text)
{
  g_autoptr(GArray) steps = ems_plan_where_to_start (assessment, scores);
  g_autoptr(GArray) clauses = ems_plan_iso14001_readiness (assessment);
  const char *where = strstr (text, "Where to start The questions answered below the target level");
  const char *iso = strstr (text, "ISO 14001 readiness Each ISO 14001:2015 clause");
  const char *answers = iso != NULL ? strstr (iso, "Answers") : NULL;
  g_autofree char *where_text = NULL;
  g_autofree char *iso_text = NULL;
  const char *from;

  g_assert_nonnull (where);
  g_assert_nonnull (iso);
  g_assert_nonnull (answers);
  g_assert_true (where < iso);
  where_text = g_strndup (where, iso - where);
  iso_text = g_strndup (iso, answers - iso);

  /* Rows in core's order, found by "id first-word-of-the-question" */
  from = where_text;
  for (guint i = 0; i < steps->len; i++)
    {
      const EmsPlanStep *step = &g_array_index (steps, EmsPlanStep, i);
      g_autofree char *first_word = g_strndup (step->question->text, strcspn (step->question->text, " "));
      g_autofree char *needle = g_strdup_printf ("%s %s", step->question->id, first_word);
      const char *found = strstr (from, needle);

      if (found == NULL)
        g_error ("step %u (%s) is missing or out of order in “Where to start”", i + 1, needle);
      from = found + strlen (needle);
    }
  if (steps->len == 0)
    g_assert_nonnull (strstr (where_text, "No answered question is below the target level."));

  g_assert_nonnull (strstr (iso_text, "This is an estimate of readiness, not a certification audit."));
  from = iso_text;
  for (guint i = 0; i < clauses->len; i++)
    {
      const EmsClauseReadiness *clause = &g_array_index (clauses, EmsClauseReadiness, i);
      g_autofree char *needle = g_strdup_printf ("%s %s", clause->clause, clause->title);
      g_autofree char *score = ems_format_percent (clause->has_score, clause->score);
      g_autofree char *title = normalise (needle);
      const char *found = strstr (from, title);
      const char *next;

      /* A long title wraps: its first words are enough */
      if (found == NULL)
        {
          title[MIN (strlen (title), strlen (clause->clause) + 12)] = '\0';
          found = strstr (from, title);
        }
      if (found == NULL)
        g_error ("clause %s is missing or out of order in “ISO 14001 readiness”", clause->clause);
      next = found + strlen (title);
      if (clause->n_questions == 0)
        g_assert_nonnull (strstr (next, "not assessed by this checklist"));
      else if (clause->has_score)
        g_assert_nonnull (strstr (next, score));
      from = next;
    }
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL, NULL);
  const char *pages;

  if (info == NULL)
    return 0;

  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
check_report (gconstpointer user_data)
{
  const char *example = user_data;
  g_autoptr(EmsAssessment) assessment = load_example (example);
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 23, 18, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = out_dir ();
  g_autofree char *base = g_strconcat (example, ".pdf", NULL);
  g_autofree char *path = g_build_filename (dir, base, NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *overall = NULL;
  g_autoptr(EmsReport) report = NULL;
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  gint64 start;
  guint n_pages, n_pages_report;
  double width, height;

  start = g_get_monotonic_time ();
  g_assert_true (ems_report_write_pdf (assessment, path, when, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %.1f ms", example, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The pagination the file used */
  {
    cairo_surface_t *surface = cairo_pdf_surface_create (NULL, 10, 10);
    cairo_t *cr = cairo_create (surface);

    report = ems_report_new (assessment, when);
    ems_report_get_paper_size (&width, &height);
    n_pages_report = ems_report_paginate (report, cr, width, height);
    g_assert_cmpuint (ems_report_get_n_pages (report), ==, n_pages_report);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  /* Cover, results, charts, answers (several), action plan and method */
  g_assert_cmpuint (n_pages_report, >=, 6);

  n_pages = pdf_pages (path);
  if (g_test_failed () || n_pages == 0)
    goto out;
  g_assert_cmpuint (n_pages, ==, n_pages_report);

  raw = run_tool ("pdftotext", "-enc", "UTF-8", path);
  if (raw == NULL)
    goto out;
  /* pdftotext given a file writes FILE.txt */
  g_clear_pointer (&raw, g_free);
  {
    g_autofree char *txt = g_strconcat (dir, G_DIR_SEPARATOR_S, example, ".txt", NULL);

    g_assert_true (g_file_get_contents (txt, &raw, NULL, NULL));
    if (g_getenv ("EMS_CHARTS_DUMP_DIR") == NULL)
      g_unlink (txt);
  }
  text = normalise (raw);

  g_assert_nonnull (strstr (text, ems_assessment_get_name (assessment)));
  g_assert_nonnull (strstr (text, ems_assessment_get_assessor (assessment)));
  for (guint i = 1; i <= ems_checklist_get_n_elements (checklist); i++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, i);
      g_autofree char *title = normalise (element->title);

      if (strstr (text, title) == NULL)
        g_error ("“%s” is not in the report of %s", title, example);
    }
  overall = ems_format_percent (scores->has_overall, scores->overall);
  g_assert_nonnull (strstr (text, overall));
  /* Every question id, and the page numbers */
  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    g_assert_nonnull (strstr (text, ems_checklist_get_question (checklist, i)->id));
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    g_assert_nonnull (strstr (text, last));
  }
  g_assert_nonnull (strstr (text, "Action plan"));
  check_plan_sections (assessment, scores, text);

out:
  if (g_getenv ("EMS_CHARTS_DUMP_DIR") == NULL)
    g_unlink (path);
  remove_dir (dir);
}

static void
test_report_pdf_time (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("01-northshore-metal-finishing.emsa");
  g_autofree char *dir = out_dir ();
  g_autofree char *path = g_build_filename (dir, "timed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  g_assert_true (ems_report_write_pdf (assessment, path, NULL, &error));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("report: %.1f ms", ms);
  /* The benchmark's target is 300 ms; a test only guards against the
   * pathological (slow CI, debug builds, sanitizers). */
  g_assert_cmpfloat (ms, <, 5000);
  g_unlink (path);
  remove_dir (dir);
}

static gpointer
save_in_thread (gpointer data)
{
  EmsReport *report = data;
  g_autofree char *dir = out_dir ();
  g_autofree char *path = g_build_filename (dir, "threaded.pdf", NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = ems_report_save_pdf (report, path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  remove_dir (dir);

  return GINT_TO_POINTER (ok);
}

static void
test_report_thread (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("03-gem-city-print.emsa");
  g_autoptr(EmsReport) report = ems_report_new (assessment, NULL);
  GThread *thread;

  /* The snapshot holds: the document may change, or go, meanwhile */
  thread = g_thread_new ("save-pdf", save_in_thread, report);
  ems_assessment_set_name (assessment, "Changed meanwhile");
  g_clear_object (&assessment);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
}

static void
test_report_failure (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("03-gem-city-print.emsa");
  g_autofree char *dir = out_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autofree char *existing = g_build_filename (dir, "keep.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint before;

  /* A folder that does not exist: a clear error naming the file */
  g_assert_false (ems_report_write_pdf (assessment, missing, NULL, &error));
  g_assert_error (error, EMS_ERROR, EMS_ERROR_EXPORT);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A read-only folder: nothing written, the old file untouched, no
   * temporary left (root ignores permissions: skip that part) */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  before = count_files (dir);
  if (getuid () != 0)
    {
      g_autofree char *contents = NULL;

      g_chmod (dir, 0555);
      g_assert_false (ems_report_write_pdf (assessment, existing, NULL, &error));
      g_chmod (dir, 0755);
      g_assert_error (error, EMS_ERROR, EMS_ERROR_EXPORT);
      g_assert_nonnull (strstr (error->message, "keep.pdf"));
      g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
      g_assert_cmpuint (count_files (dir), ==, before);
      g_clear_error (&error);
    }

  /* Success replaces the file, and leaves no temporary either */
  g_assert_true (ems_report_write_pdf (assessment, existing, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, before);

  g_unlink (existing);
  remove_dir (dir);
}

static void
test_paper_size (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_PAPER, NULL));
  double w, h;

  ems_report_get_paper_size (&w, &h);
  g_assert_true ((w == 612 && h == 792) || (w > 595 && w < 596 && h > 841 && h < 842));

  /* Mexico prints on US Letter, France on A4 */
  if (setlocale (LC_PAPER, "es_MX.UTF-8") != NULL)
    {
      ems_report_get_paper_size (&w, &h);
      g_assert_cmpfloat (w, ==, 612);
      g_assert_cmpfloat (h, ==, 792);
    }
  else
    g_test_message ("es_MX.UTF-8 is not installed: Letter not checked");

  if (setlocale (LC_PAPER, "fr_FR.UTF-8") != NULL)
    {
      ems_report_get_paper_size (&w, &h);
      g_assert_cmpfloat_with_epsilon (w, 595.276, 0.01);
      g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
    }

  setlocale (LC_PAPER, saved);
}

/* Text as a PDF's text layer gives it back, whitespace collapsed */
static char *
pdf_text (const char *path)
{
  g_autofree char *txt = g_strconcat (path, ".txt", NULL);
  g_autofree char *out = run_tool ("pdftotext", "-enc", "UTF-8", path);
  g_autofree char *raw = NULL;
  g_autofree char *txt_path = NULL;

  if (out == NULL)
    return NULL;

  /* pdftotext FILE.pdf writes FILE.txt */
  txt_path = g_strndup (path, strlen (path) - strlen (".pdf"));
  g_free (txt);
  txt = g_strconcat (txt_path, ".txt", NULL);
  g_assert_true (g_file_get_contents (txt, &raw, NULL, NULL));
  g_unlink (txt);

  return normalise (raw);
}

static void
test_report_empty (void)
{
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (ems_checklist_get_default ());
  g_autofree char *dir = out_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Nothing answered, no profile: every score is null, never 0 */
  g_assert_true (ems_report_write_pdf (assessment, path, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "No score yet"));
      g_assert_nonnull (strstr (text, "No score"));
      /* A null drawn as 0 would read "Score 0.0 %" and be banded red */
      g_assert_null (strstr (text, "Score 0.0"));
      g_assert_null (strstr (text, "(Red)"));
      g_assert_nonnull (strstr (text, "No actions recorded."));
      /* Nothing below target yet; 4.3 and 4.4 never assessed */
      g_assert_nonnull (strstr (text, "No answered question is below the target level."));
      g_assert_nonnull (strstr (text, "4.3 Scope of the environmental management system"));
      g_assert_nonnull (strstr (text, "not assessed by this checklist"));
      g_assert_nonnull (strstr (text, "not a certification audit"));
    }
  if (g_getenv ("EMS_CHARTS_DUMP_DIR") == NULL)
    g_unlink (path);
  remove_dir (dir);
}

static void
test_report_hostile_text (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("02-muebles-del-bajio.emsa");
  g_autofree char *dir = out_dir ();
  g_autofree char *path = g_build_filename (dir, "hostile.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(EmsReport) report = NULL;
  gint64 start;

  /* Markup characters, right-to-left text, no spaces to break at, and a
   * note longer than a page */
  ems_assessment_set_name (assessment, "<b>Acme</b> & Sons \"Ltd\" — Ñandú");
  ems_assessment_set_note (assessment, "1.1", "مرحبا بالعالم <i>not italic</i> &amp;");
  ems_assessment_set_evidence (assessment, "1.2", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (huge, "Line %u of a very long note that keeps going. ", i);
  ems_assessment_set_note (assessment, "3.1", huge->str);

  start = g_get_monotonic_time ();
  g_assert_true (ems_report_write_pdf (assessment, path, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("hostile report: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  text = pdf_text (path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "<b>Acme</b> & Sons \"Ltd\" — Ñandú"));
      g_assert_nonnull (strstr (text, "not italic"));
      g_assert_nonnull (strstr (text, "&amp;"));
      g_assert_null (strstr (text, "<span"));
      g_assert_nonnull (strstr (text, "Line 0 of"));
      /* Cut short, and said so: the report is for paper */
      g_assert_nonnull (strstr (text, "Line 100 of"));
      g_assert_null (strstr (text, "Line 1999 of"));
      g_assert_nonnull (strstr (text, "the full text is in the assessment file"));
    }

  /* The long note runs over several pages */
  {
    cairo_surface_t *surface = cairo_pdf_surface_create (NULL, 10, 10);
    cairo_t *cr = cairo_create (surface);
    guint n;

    report = ems_report_new (assessment, NULL);
    n = ems_report_paginate (report, cr, 612, 792);
    g_assert_cmpuint (n, >, 9);
    /* Drawing past the end is harmless */
    ems_report_draw_page (report, cr, n);
    /* Paginate again for another paper, as a print dialog may */
    g_assert_cmpuint (ems_report_paginate (report, cr, 595.276, 841.89), >, 9);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  if (g_getenv ("EMS_CHARTS_DUMP_DIR") == NULL)
    g_unlink (path);
  remove_dir (dir);
}

static void
test_report_french_numbers (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("01-northshore-metal-finishing.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autofree char *dir = out_dir ();
  g_autofree char *path = g_build_filename (dir, "french.pdf", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *overall = NULL;

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("fr_FR.UTF-8 is not installed");
      remove_dir (dir);
      return;
    }

  /* Numbers with a decimal comma, and a PDF that stays valid */
  overall = ems_format_percent (scores->has_overall, scores->overall);
  g_assert_nonnull (strchr (overall, ','));
  g_assert_true (ems_report_write_pdf (assessment, path, NULL, &error));
  g_assert_no_error (error);
  setlocale (LC_NUMERIC, saved);

  g_assert_cmpuint (pdf_pages (path), >=, 6);
  text = pdf_text (path);
  if (text != NULL)
    g_assert_nonnull (strstr (text, overall));

  if (g_getenv ("EMS_CHARTS_DUMP_DIR") == NULL)
    g_unlink (path);
  remove_dir (dir);
}

static void
test_chart_files (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("01-northshore-metal-finishing.emsa");
  g_autofree char *dir = out_dir ();
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < EMS_CHART_N_KINDS; k++)
    {
      const char *kind = ems_chart_kind_to_string (k);
      g_autofree char *png1 = g_strdup_printf ("%s/%s.png", dir, kind);
      g_autofree char *png2 = g_strdup_printf ("%s/%s@2x.PNG", dir, kind);
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, kind);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, kind);
      g_autofree char *contents = NULL;
      g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
      gboolean have_pdfinfo = pdfinfo != NULL;
      double w, h;
      cairo_surface_t *image;

      ems_chart_get_default_size (k, &w, &h);

      g_assert_true (ems_chart_export (assessment, k, png1, 1, &error));
      g_assert_no_error (error);
      image = cairo_image_surface_create_from_png (png1);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) w);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) h);
      cairo_surface_destroy (image);

      g_assert_true (ems_chart_export (assessment, k, png2, 2, &error));
      g_assert_no_error (error);
      image = cairo_image_surface_create_from_png (png2);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * (int) w);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2 * (int) h);
      cairo_surface_destroy (image);

      g_assert_true (ems_chart_export (assessment, k, svg, 1, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "<svg"));
      g_clear_pointer (&contents, g_free);

      g_assert_true (ems_chart_export (assessment, k, pdf, 1, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      if (have_pdfinfo)
        g_assert_cmpuint (pdf_pages (pdf), ==, 1);

      if (g_getenv ("EMS_CHARTS_DUMP_DIR") == NULL)
        {
          g_unlink (png1);
          g_unlink (png2);
          g_unlink (svg);
          g_unlink (pdf);
        }
    }

  /* An extension we cannot write */
  {
    g_autofree char *bad = g_build_filename (dir, "radar.jpg", NULL);

    g_assert_false (ems_chart_export (assessment, EMS_CHART_RADAR, bad, 1, &error));
    g_assert_error (error, EMS_ERROR, EMS_ERROR_EXPORT);
    g_assert_nonnull (strstr (error->message, "radar.jpg"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* A folder that does not exist */
  {
    g_autofree char *bad = g_build_filename (dir, "nowhere", "radar.svg", NULL);

    g_assert_false (ems_chart_export (assessment, EMS_CHART_RADAR, bad, 1, &error));
    g_assert_error (error, EMS_ERROR, EMS_ERROR_EXPORT);
    g_assert_nonnull (strstr (error->message, "radar.svg"));
    g_clear_error (&error);
  }

  if (g_getenv ("EMS_CHARTS_DUMP_DIR") == NULL)
    g_assert_cmpuint (count_files (dir), ==, 0);
  remove_dir (dir);
}

static void
test_format_from_path (void)
{
  EmsChartFormat format;

  g_assert_true (ems_chart_format_from_path ("a.svg", &format));
  g_assert_cmpint (format, ==, EMS_CHART_FORMAT_SVG);
  g_assert_true (ems_chart_format_from_path ("/x/B.PDF", &format));
  g_assert_cmpint (format, ==, EMS_CHART_FORMAT_PDF);
  g_assert_true (ems_chart_format_from_path ("c.png", &format));
  g_assert_cmpint (format, ==, EMS_CHART_FORMAT_PNG);
  g_assert_false (ems_chart_format_from_path ("d.xlsx", &format));
  g_assert_false (ems_chart_format_from_path ("png", &format));
}

int
main (int   argc,
      char *argv[])
{
  static const char *examples[] = {
    "01-northshore-metal-finishing.emsa",
    "02-muebles-del-bajio.emsa",
    "03-gem-city-print.emsa",
  };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *name = g_strdup_printf ("/report/pdf/%s", examples[i]);

      g_test_add_data_func (name, examples[i], check_report);
    }
  g_test_add_func ("/report/pdf/time", test_report_pdf_time);
  g_test_add_func ("/report/pdf/failure", test_report_failure);
  g_test_add_func ("/report/pdf/thread", test_report_thread);
  g_test_add_func ("/report/pdf/empty", test_report_empty);
  g_test_add_func ("/report/pdf/hostile-text", test_report_hostile_text);
  g_test_add_func ("/report/pdf/french-numbers", test_report_french_numbers);
  g_test_add_func ("/report/paper-size", test_paper_size);
  g_test_add_func ("/report/chart-files", test_chart_files);
  g_test_add_func ("/report/format-from-path", test_format_from_path);

  return g_test_run ();
}
