/* bench-results.c: the whole results view redrawn at 1920×1080 (issue 4)
 *
 * In process: an EmsResultsPage showing an example assessment fills an
 * undecorated 1920×1080 window. Each run invalidates every widget (as a
 * full redraw does) and times the next frame, from the frame clock's
 * before-paint to the end of its paint phase: layout, snapshot (the two
 * charts drawn again with Cairo) and render to the window. Also timed: an
 * answer changed -> scores recomputed, table, priorities and chart data
 * updated (before the frame is drawn).
 *
 * Needs a display: without one it runs itself again under xvfb-run -a.
 * Prints min / median / max of several runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "bench-display.h"
#include "ems-i18n.h"
#include "ems-results-page.h"

#define N_RUNS   25
#define WIDTH    1920
#define HEIGHT   1080

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static void
iterate_until (gboolean (*condition) (gpointer),
               gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("bench-results: timed out waiting for the window");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
is_allocated (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *count)
{
  (*count)++;
}

static gboolean
painted (gpointer data)
{
  return *(guint *) data >= 2;
}

static void
wait_painted (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint count = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &count);

  gtk_widget_queue_draw (window);
  iterate_until (painted, &count);
  g_signal_handler_disconnect (clock, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every widget draws again at the next snapshot */
static void
invalidate_all (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    invalidate_all (child);
}

typedef struct
{
  gint64 before_paint;
  gint64 layout;
  gint64 paint;
  guint  n_painted;
} Frame;

static void
on_before_paint (GdkFrameClock *clock,
                 Frame         *frame)
{
  frame->before_paint = g_get_monotonic_time ();
}

/* Connected after GTK's own handlers: these run when its phase is done */
static void
on_layout (GdkFrameClock *clock,
           Frame         *frame)
{
  frame->layout = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          Frame         *frame)
{
  frame->paint = g_get_monotonic_time ();
  frame->n_painted++;
}

static gboolean
frame_painted (gpointer data)
{
  return ((Frame *) data)->n_painted > 0;
}

/* One frame with every widget of the window drawn again: layout, snapshot
 * (the charts drawn with Cairo) and render to the window */
static void
redraw_once (GtkWidget *window,
             double    *paint_ms,
             double    *frame_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frame frame = { 0 };
  gulong ids[3];

  ids[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frame);
  ids[1] = g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &frame);
  ids[2] = g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &frame);
  invalidate_all (window);
  gtk_widget_queue_resize (window);
  iterate_until (frame_painted, &frame);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_signal_handler_disconnect (clock, ids[i]);

  *paint_ms = (frame.paint - frame.layout) / 1000.0;
  *frame_ms = (frame.paint - frame.before_paint) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autoptr(GPtrArray) examples = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *page;
  EmsChecklist *checklist;
  const EmsQuestion *question;
  double snapshots[N_RUNS], totals[N_RUNS], updates[N_RUNS];
  double first_snapshot, first_total;

  status = bench_ensure_display (argv[0], "1920x1080x24", FALSE);
  if (status >= 0)
    return status;

  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  ems_i18n_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  checklist = ems_checklist_get_default ();
  examples = ems_list_examples ();
  if (examples->len == 0)
    g_error ("No example assessments found");
  assessment = ems_assessment_load_from_file (checklist, g_ptr_array_index (examples, 0),
                                              NULL, NULL, &error);
  if (assessment == NULL)
    g_error ("%s", error->message);

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  page = ems_results_page_new (assessment);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (is_allocated, page);
  wait_painted (window);

  /* The first redraw pays for the fonts and glyph caches */
  redraw_once (window, &first_snapshot, &first_total);

  question = ems_checklist_get_question (checklist, 0);
  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      /* An answer changes: the page recomputes and updates at once */
      ems_assessment_set_level (assessment, question->id, i % (EMS_LEVEL_MAX + 1));
      updates[i] = (g_get_monotonic_time () - start) / 1000.0;
      wait_painted (window);
      redraw_once (window, &snapshots[i], &totals[i]);
    }

  qsort (snapshots, N_RUNS, sizeof (double), compare_doubles);
  qsort (totals, N_RUNS, sizeof (double), compare_doubles);
  qsort (updates, N_RUNS, sizeof (double), compare_doubles);

  g_print ("results view: %d×%d page, renderer %s\n",
           gtk_widget_get_width (page), gtk_widget_get_height (page),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("%-52s %9s %9s %9s\n", "", "min ms", "median ms", "max ms");
  g_print ("%-52s %9.2f %9.2f %9.2f\n", "answer changed -> scores, table, chart data",
           updates[0], updates[N_RUNS / 2], updates[N_RUNS - 1]);
  g_print ("%-52s %9.2f %9.2f %9.2f\n", "whole view redraw: snapshot + render",
           snapshots[0], snapshots[N_RUNS / 2], snapshots[N_RUNS - 1]);
  g_print ("%-52s %9.2f %9.2f %9.2f\n", "whole view redraw: frame (layout, snapshot, render)",
           totals[0], totals[N_RUNS / 2], totals[N_RUNS - 1]);
  g_print ("%-52s %9.2f %9s %9s\n", "first redraw in the process (cold)", first_total, "", "");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}
