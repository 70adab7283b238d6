/* bench-core.c: loading the checklist, loading and scoring an assessment,
 * --summary --json over many generated files, and --compare over 1,000
 * of them to a workbook.
 *
 * Run: build-aux/dev bench (or directly: bench/bench-core [N_FILES])
 * Prints a table; targets from the foundation issue: >= 10,000 files/s on
 * one core, with peak memory that stays flat as the file count grows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "ems-i18n.h"

#include "ems-assessment.h"
#include "ems-scores.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* A complete, realistic assessment: every question answered, notes and
 * evidence on most, a few N/A, a handful of actions. */
static GBytes *
generate (EmsChecklist *checklist,
          GRand        *rand,
          guint         n)
{
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autofree char *name = g_strdup_printf ("Generated Manufacturing %u Ltd.", n);

  ems_assessment_set_name (assessment, name);
  ems_assessment_set_site (assessment, "Dayton, OH");
  ems_assessment_set_sector (assessment, "Commercial printing");
  ems_assessment_set_employees (assessment, g_rand_int_range (rand, 5, 250));
  ems_assessment_set_country (assessment, "US");
  ems_assessment_set_assessor (assessment, "Bench Mark");
  ems_assessment_set_assessed_on (assessment, "2026-11-23");
  ems_assessment_set_target_level (assessment, g_rand_int_range (rand, 2, 5));

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const char *id = ems_checklist_get_question (checklist, i)->id;
      int roll = g_rand_int_range (rand, 0, 20);

      if (roll == 0)
        ems_assessment_set_not_applicable (assessment, id, "Not done on this site");
      else if (roll > 1)
        ems_assessment_set_level (assessment, id, g_rand_int_range (rand, 0, 5));
      if (roll > 5)
        {
          ems_assessment_set_note (assessment, id, "Discussed with the plant manager; partly in place, to review next quarter.");
          ems_assessment_set_evidence (assessment, id, "Binder EMS-02, section 4; photos on the shared drive");
        }
    }

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(EmsAction) action = ems_action_new ("Write the procedure and train the crew");
      ems_action_set_element (action, 1 + i * 2);
      ems_action_set_owner (action, "Operations lead");
      ems_action_set_due (action, "2027-03-31");
      ems_assessment_add_action (assessment, action);
    }

  return ems_assessment_serialize (assessment);
}

/* Runs argv, output to /dev/null; returns wall seconds and peak RSS (KiB). */
static gboolean
run_measured (char  **argv,
              double *seconds,
              long   *max_rss_kib)
{
  struct rusage usage;
  double start = now ();
  int status;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0)
    return FALSE;

  *seconds = now () - start;
  *max_rss_kib = usage.ru_maxrss;

  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *exe = g_getenv ("TEN_ELEMENTS") ? g_getenv ("TEN_ELEMENTS") : TEN_ELEMENTS_EXE;
  guint n_files = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  const guint steps[] = { n_files / 10, n_files / 2, n_files };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GBytes) sample = NULL;
  g_autoptr(GBytes) checklist_bytes = NULL;
  EmsChecklist *checklist;
  double start, elapsed;
  guint iterations;

  if (n_files < 10)
    n_files = 10;

  ems_i18n_init ();

  printf ("%-52s %14s %s\n", "benchmark", "result", "target");
  printf ("%-52s %14s %s\n", "---------", "------", "------");

  /* 1. The checklist, parsed from the bundled XML (the default one is
   *    cached, so parse fresh copies). */
  checklist_bytes = ems_checklist_dup_bundled_data ();
  iterations = 200;
  start = now ();
  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(EmsChecklist) fresh = ems_checklist_new_from_bytes (checklist_bytes, &error);
      g_assert_no_error (error);
    }
  elapsed = now () - start;
  printf ("%-52s %11.3f ms\n", "load the checklist", 1000 * elapsed / iterations);

  checklist = ems_checklist_get_default ();

  /* 2. One complete assessment: parse and score. */
  sample = generate (checklist, rand, 0);
  iterations = 2000;
  start = now ();
  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(EmsAssessment) assessment = NULL;
      g_autoptr(EmsScores) scores = NULL;

      assessment = ems_assessment_load_from_data (checklist, g_bytes_get_data (sample, NULL),
                                                  g_bytes_get_size (sample), NULL, &error);
      g_assert_no_error (error);
      scores = ems_scores_compute (assessment);
    }
  elapsed = now () - start;
  printf ("%-52s %11.3f ms\n", "load and score one assessment (in process)", 1000 * elapsed / iterations);
  printf ("%-52s %11.1f KB\n", "  size of that assessment", g_bytes_get_size (sample) / 1000.0);

  /* 3. --summary --json over generated files, in one process each run. */
  dir = g_dir_make_tmp ("ems-bench-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GBytes) bytes = generate (checklist, rand, i);
      char *path = g_strdup_printf ("%s/a%05u.emsa", dir, i);

      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      g_ptr_array_add (paths, path);
    }

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *label = NULL;
      double seconds;
      long rss;

      g_ptr_array_add (args, (char *) exe);
      g_ptr_array_add (args, (char *) "--summary");
      g_ptr_array_add (args, (char *) "--json");
      for (guint i = 0; i < steps[s]; i++)
        g_ptr_array_add (args, paths->pdata[i]);
      g_ptr_array_add (args, NULL);

      /* warm the page cache, then measure */
      run_measured ((char **) args->pdata, &seconds, &rss);
      if (!run_measured ((char **) args->pdata, &seconds, &rss))
        {
          g_printerr ("%s --summary --json failed\n", exe);
          return 1;
        }

      label = g_strdup_printf ("--summary --json, %u files", steps[s]);
      printf ("%-52s %9.0f files/s %s\n", label, steps[s] / seconds,
              s == G_N_ELEMENTS (steps) - 1 ? ">= 10000 files/s" : "");
      label = g_strdup_printf ("  peak memory, %u files", steps[s]);
      printf ("%-52s %11.1f MB %s\n", label, rss / 1024.0,
              s == G_N_ELEMENTS (steps) - 1 ? "flat as the count grows" : "");
    }

  /* --compare over 1,000 files to a workbook (workshop mode, issue 6) */
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new ();
    g_autofree char *out = g_build_filename (dir, "compare.xlsx", NULL);
    guint n = MIN (1000, n_files);
    g_autofree char *label = NULL;
    double seconds;
    long rss;

    for (int anonymise = 0; anonymise <= 1; anonymise++)
      {
        g_ptr_array_set_size (args, 0);
        g_ptr_array_add (args, (char *) exe);
        g_ptr_array_add (args, (char *) "--compare");
        if (anonymise)
          g_ptr_array_add (args, (char *) "--anonymise");
        g_ptr_array_add (args, (char *) "--export");
        g_ptr_array_add (args, out);
        for (guint i = 0; i < n; i++)
          g_ptr_array_add (args, paths->pdata[i]);
        g_ptr_array_add (args, NULL);

        if (!run_measured ((char **) args->pdata, &seconds, &rss))
          {
            g_printerr ("%s --compare --export failed\n", exe);
            return 1;
          }
        g_free (label);
        label = g_strdup_printf ("--compare%s %u files --export .xlsx", anonymise ? " --anonymise" : "", n);
        printf ("%-52s %11.0f ms  (peak %.1f MB)\n", label, 1000 * seconds, rss / 1024.0);
      }
    g_unlink (out);
  }

  /* For reference: a plain Python script reading the same files. */
  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autofree char *script = g_strdup_printf (
        "import json, glob\n"
        "for p in sorted(glob.glob('%s/*.emsa')):\n"
        "    with open(p, encoding='utf-8') as f: d = json.load(f)\n", dir);
      char *py_argv[] = { (char *) "/usr/bin/python3", (char *) "-c", script, NULL };
      double seconds;
      long rss;

      if (run_measured (py_argv, &seconds, &rss))
        printf ("%-52s %9.0f files/s\n", "  reference: python3 json.load of the same files", n_files / seconds);
    }

  for (guint i = 0; i < paths->len; i++)
    g_unlink (paths->pdata[i]);
  g_rmdir (dir);

  return 0;
}
