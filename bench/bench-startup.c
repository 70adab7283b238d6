/* bench-startup.c: time from process start to the first element page drawn,
 * with a complete assessment open (issue 3; target <= 300 ms).
 *
 * Needs a display: without one it runs itself again under
 * xvfb-run -a dbus-run-session. Prints min / median / max of several runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bench-display.h"
#include "ems-assessment.h"
#include "ems-i18n.h"

#define N_RUNS 9

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* The first example with every question answered */
static char *
write_complete_assessment (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GPtrArray) examples = ems_list_examples ();
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  char *path;

  if (examples->len == 0)
    g_error ("No example assessments found");

  assessment = ems_assessment_load_from_file (checklist, g_ptr_array_index (examples, 0),
                                              NULL, NULL, &error);
  if (assessment == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const EmsQuestion *q = ems_checklist_get_question (checklist, i);
      const EmsAnswer *answer = ems_assessment_get_answer (assessment, q->id);

      if (answer == NULL || answer->state == EMS_ANSWER_UNANSWERED)
        ems_assessment_set_level (assessment, q->id, i % 5);
    }

  dir = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "complete.emsa", NULL);
  file = g_file_new_for_path (path);
  if (!ems_assessment_save_to_file (assessment, file, NULL, &error))
    g_error ("%s", error->message);

  return path;
}

/* label -> GArray of milliseconds since the process started */
static GHashTable *marks;
static GPtrArray *mark_order;

static void
record_marks (const char *out,
              gint64      start)
{
  g_auto(GStrv) lines = NULL;

  if (marks == NULL)   /* the warm-up run */
    return;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);
      GArray *values;
      double ms;

      if (g_strv_length (fields) != 3 || !g_str_equal (fields[0], "mark"))
        continue;
      values = g_hash_table_lookup (marks, fields[1]);
      if (values == NULL)
        {
          values = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (marks, g_strdup (fields[1]), values);
          g_ptr_array_add (mark_order, g_strdup (fields[1]));
        }
      ms = (g_ascii_strtoll (fields[2], NULL, 10) - start) / 1000.0;
      g_array_append_val (values, ms);
    }
}

static GArray *cpu_times;
static char *data_home;

/* Extra environment of the current series: NULL-terminated name, value pairs */
static const char * const *series_env;

static double
run_once (const char *exe,
          const char *file)
{
  const char *argv[] = { exe, file, NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;
  gint64 start, drawn;

  g_subprocess_launcher_setenv (launcher, "EMS_BENCH_STARTUP", "1", TRUE);
  for (guint i = 0; series_env != NULL && series_env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, series_env[i], series_env[i + 1], TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", FALSE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", SCHEMAS_DIR, FALSE);
  /* A private data directory: no recovery files to offer, and no entries in
   * the user's recent files */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "EMS_RECOVERY_DIR", data_home, TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("%s", error->message);
  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
    g_error ("%s", error->message);

  line = out ? strstr (out, "first-element-page-drawn ") : NULL;
  if (line == NULL)
    g_error ("%s did not report drawing its first element page", exe);
  drawn = g_ascii_strtoll (line + strlen ("first-element-page-drawn "), NULL, 10);
  record_marks (out, start);
  line = strstr (out, "cpu-usec ");
  if (line != NULL && cpu_times != NULL)
    {
      double ms = g_ascii_strtoll (line + strlen ("cpu-usec "), NULL, 10) / 1000.0;
      g_array_append_val (cpu_times, ms);
    }

  return (drawn - start) / 1000.0;
}

static void
run_series (const char         *title,
            const char * const *env,
            const char         *exe,
            const char         *file)
{
  double times[N_RUNS];

  series_env = env;
  g_print ("\n== %s\n", title);
  /* One untimed run warms the disk cache and the fontconfig cache */
  run_once (exe, file);
  marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  mark_order = g_ptr_array_new_with_free_func (g_free);
  cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < N_RUNS; i++)
    times[i] = run_once (exe, file);
  qsort (times, N_RUNS, sizeof (double), compare_doubles);

  g_print ("%-48s %10s %10s %10s\n", "startup (complete assessment)", "min ms", "median ms", "max ms");
  g_print ("%-48s %10.1f %10.1f %10.1f\n", "process start -> first element page drawn",
           times[0], times[N_RUNS / 2], times[N_RUNS - 1]);
  if (cpu_times->len > 0)
    {
      g_array_sort (cpu_times, compare_doubles);
      g_print ("%-48s %10.1f %10.1f %10.1f\n", "CPU time of the process at that point",
               g_array_index (cpu_times, double, 0),
               g_array_index (cpu_times, double, cpu_times->len / 2),
               g_array_index (cpu_times, double, cpu_times->len - 1));
    }
  for (guint i = 0; i < mark_order->len; i++)
    {
      GArray *values = g_hash_table_lookup (marks, g_ptr_array_index (mark_order, i));
      g_autofree char *label = g_strdup_printf ("  milestone: %s", (char *) g_ptr_array_index (mark_order, i));

      g_array_sort (values, compare_doubles);
      g_print ("%-48s %10.1f %10.1f %10.1f\n", label,
               g_array_index (values, double, 0),
               g_array_index (values, double, values->len / 2),
               g_array_index (values, double, values->len - 1));
    }
  g_print ("target: median <= 300 ms: %s\n", times[N_RUNS / 2] <= 300 ? "met" : "NOT MET");

  g_clear_pointer (&marks, g_hash_table_unref);
  g_clear_pointer (&mark_order, g_ptr_array_unref);
  g_clear_pointer (&cpu_times, g_array_unref);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  const char *exe = g_getenv ("TEN_ELEMENTS");
  g_autofree char *file = NULL;

  status = bench_ensure_display (argv[0], "1366x768x24", TRUE);
  if (status >= 0)
    return status;

  if (exe == NULL)
    exe = TEN_ELEMENTS_EXE;

  ems_i18n_init ();
  file = write_complete_assessment ();
  data_home = g_path_get_dirname (file);

  run_series ("as configured (GL renderer if available, accessibility on)", NULL, exe, file);
  {
    static const char * const software[] = {
      "GSK_RENDERER", "cairo", "GDK_DEBUG", "gl-disable", "GTK_A11Y", "none", NULL,
    };

    run_series ("cairo renderer, no GL, no accessibility bus", software, exe, file);
  }

  /* Clean up what the runs left in the private directory */
  {
    g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);

    g_remove (recent);
    g_remove (file);
    g_rmdir (data_home);
    g_free (data_home);
  }

  return 0;
}
