/* bench-charts.c: drawing the charts and writing the PDF report
 *
 * Run: build-aux/dev bench (or directly: bench/bench-charts [FRAMES])
 * Targets from the results issue: the radar at 1920×1080 in at most 2 ms
 * per frame; the full PDF report in at most 300 ms. Each chart row is given
 * twice: wall time, and the thread's CPU time (steadier on a busy machine).
 * Frames include building the chart data from the scores, as a redraw after
 * an answer changes does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "ems-i18n.h"

#include "ems-charts.h"
#include "ems-chart-export.h"
#include "ems-report.h"

/* CPU time of this thread: steadier than wall time on a busy machine */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report_row (const char *what,
            double     *ms,
            guint       n,
            double      target)
{
  double sum = 0;

  qsort (ms, n, sizeof *ms, compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += ms[i];
  if (target > 0)
    printf ("%-40s %8.3f %8.3f %8.3f %8.1f  %s\n", what, sum / n, ms[n / 2], ms[(guint) (n * 0.95)],
            target, ms[n / 2] <= target ? "ok" : "SLOW");
  else
    printf ("%-40s %8.3f %8.3f %8.3f %8s\n", what, sum / n, ms[n / 2], ms[(guint) (n * 0.95)], "-");
}

static EmsAssessment *
load_example (const char *name)
{
  const char *dir = g_getenv ("EMS_EXAMPLES_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : SOURCE_EXAMPLES_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EmsAssessment *assessment;

  assessment = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  if (assessment == NULL)
    g_error ("%s: %s", path, error->message);

  return assessment;
}

/* Frames of one chart on one surface, as a window redraw would do */
static void
bench_chart (EmsChartKind         kind,
             const char          *label,
             EmsChecklist        *checklist,
             const EmsScores     *scores,
             const EmsChartStyle *style,
             guint                frames,
             double               target)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  g_autofree double *ms = g_new0 (double, frames);
  g_autofree double *cpu = g_new0 (double, frames);
  g_autofree char *cpu_label = g_strconcat (label, " (CPU)", NULL);

  for (guint i = 0; i < frames + 5; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double start_cpu = cpu_ms ();

      /* Data from scores every frame too: the window rebuilds it on change */
      ems_chart_draw (cr, kind, 1920, 1080, checklist, scores, style);
      cairo_surface_flush (surface);
      if (i >= 5)   /* warm-up: font loading */
        {
          ms[i - 5] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[i - 5] = cpu_ms () - start_cpu;
        }
      cairo_destroy (cr);
    }

  report_row (label, ms, frames, target);
  report_row (cpu_label, cpu, frames, target);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  guint frames = argc > 1 ? (guint) atoi (argv[1]) : 200;
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(EmsScores) scores = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree double *ms = NULL;
  EmsChecklist *checklist;
  guint runs = 20;

  ems_i18n_init ();
  if (frames == 0)
    frames = 200;

  assessment = load_example ("01-northshore-metal-finishing.emsa");
  checklist = ems_assessment_get_checklist (assessment);
  scores = ems_scores_compute (assessment);

  printf ("%-40s %8s %8s %8s %8s\n", "ms per run", "mean", "median", "p95", "target");

  bench_chart (EMS_CHART_RADAR, "radar 1920×1080 light", checklist, scores, ems_chart_style_light (), frames, 2.0);
  bench_chart (EMS_CHART_RADAR, "radar 1920×1080 dark", checklist, scores, ems_chart_style_dark (), frames, 2.0);
  bench_chart (EMS_CHART_GAPS, "gap bars 1920×1080", checklist, scores, ems_chart_style_light (), frames, 0);
  bench_chart (EMS_CHART_DISTRIBUTION, "distribution 1920×1080", checklist, scores, ems_chart_style_light (), frames, 0);
  bench_chart (EMS_CHART_COVERAGE, "coverage 1920×1080", checklist, scores, ems_chart_style_light (), frames, 0);

  /* The whole report, written to a file as --export OUT.pdf does */
  dir = g_dir_make_tmp ("bench-charts-XXXXXX", NULL);
  path = g_build_filename (dir, "report.pdf", NULL);
  ms = g_new0 (double, runs);
  for (guint i = 0; i < runs + 1; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!ems_report_write_pdf (assessment, path, NULL, &error))
        g_error ("%s", error->message);
      if (i >= 1)
        ms[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  report_row ("PDF report (10 pages), to a file", ms, runs, 300.0);

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
