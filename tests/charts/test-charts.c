/* test-charts.c: the chart drawing units, on image surfaces, no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry is checked by sampling pixels. Set EMS_CHARTS_DUMP_DIR to a
 * folder to keep a PNG of every chart drawn here, to look at.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ems-chart-colors.h"
#include "ems-charts.h"
#include "ems-charts-private.h"

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

static cairo_surface_t *
new_surface (int width,
             int height)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
}

static void
dump (cairo_surface_t *surface,
      const char      *name)
{
  const char *dir = g_getenv ("EMS_CHARTS_DUMP_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  cairo_surface_write_to_png (surface, path);
}

typedef struct { double r, g, b; } Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const unsigned char *data;
  guint32 value;
  Pixel p;

  cairo_surface_flush (surface);
  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  data = cairo_image_surface_get_data (surface);
  value = *(const guint32 *) (data + iy * cairo_image_surface_get_stride (surface) + ix * 4);
  /* Opaque (the background is painted), so no un-premultiplying */
  p.r = ((value >> 16) & 0xff) / 255.0;
  p.g = ((value >> 8) & 0xff) / 255.0;
  p.b = (value & 0xff) / 255.0;

  return p;
}

static gboolean
pixel_is (Pixel                p,
          const EmsChartColor *c,
          double               tolerance)
{
  return fabs (p.r - c->red) <= tolerance &&
         fabs (p.g - c->green) <= tolerance &&
         fabs (p.b - c->blue) <= tolerance;
}

/* Radar ----------------------------------------------------------------- */

static EmsRadarData *
radar_data_by_hand (void)
{
  EmsRadarData *data = g_new0 (EmsRadarData, 1);
  static const char *titles[10] = {
    "Environmental Policy", "Environmental Requirements and Voluntary Initiatives",
    "Objectives and Targets", "Structure, Responsibility and Resources",
    "Operational Control", "Corrective and Preventive Action and Emergency Procedures",
    "Training, Awareness and Competence", "Organizational Decision-Making and Planning",
    "Document Control", "Continuous Evaluation and Improvement",
  };

  data->n_axes = 10;
  data->labels = g_new0 (char *, 11);
  data->short_labels = g_new0 (char *, 11);
  data->red_flags = g_new0 (gboolean, 10);
  for (guint i = 0; i < 10; i++)
    {
      data->labels[i] = g_strdup (titles[i]);
      data->short_labels[i] = g_strdup_printf ("%u", i + 1);
    }
  data->n_series = 1;
  data->series[0].name = g_strdup ("Score");
  data->series[0].values = g_new0 (EmsChartValue, 10);
  for (guint i = 0; i < 10; i++)
    data->series[0].values[i] = (EmsChartValue) { TRUE, 50 };
  data->series[0].values[0].value = 100;   /* axis 0: outer ring */
  data->series[0].values[1].value = 0;     /* axis 1: the centre */
  data->series[0].values[2].has_value = FALSE;  /* axis 2: no score */
  data->series[0].values[3].value = 100;
  data->red_flags[4] = TRUE;

  return data;
}

/* Independent of ems_radar_layout_get_point(): axis i at -90° + i × 36° */
static void
axis_point (const EmsRadarLayout *lay,
            guint                 i,
            double                fraction,
            double               *x,
            double               *y)
{
  double a = -G_PI / 2 + 2 * G_PI * i / lay->n_axes;
  double px, py;

  *x = lay->cx + lay->radius * fraction * cos (a);
  *y = lay->cy + lay->radius * fraction * sin (a);

  ems_radar_layout_get_point (lay, i, fraction * 100, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, *x, 1e-6);
  g_assert_cmpfloat_with_epsilon (py, *y, 1e-6);
}

static void
test_radar_vertices (void)
{
  const EmsChartStyle *style = ems_chart_style_light ();
  g_autoptr(EmsRadarData) data = radar_data_by_hand ();
  cairo_surface_t *surface = new_surface (800, 600);
  cairo_t *cr = cairo_create (surface);
  EmsRadarLayout lay;
  double x, y;

  ems_radar_layout (cr, 800, 600, data, style, &lay);
  ems_radar_draw (cr, 800, 600, data, style);
  dump (surface, "radar-vertices.png");

  g_assert_cmpfloat (lay.radius, >, 100);
  g_assert_false (lay.short_labels);

  /* 100 lies on the outer ring: the vertex mark is drawn there */
  axis_point (&lay, 0, 1.0, &x, &y);
  g_assert_true (pixel_is (pixel_at (surface, x, y), &style->series[0], 0.02));
  axis_point (&lay, 3, 1.0, &x, &y);
  g_assert_true (pixel_is (pixel_at (surface, x, y), &style->series[0], 0.02));
  /* ... and not beyond it */
  axis_point (&lay, 0, 1.0, &x, &y);
  g_assert_false (pixel_is (pixel_at (surface, x, y - 8), &style->series[0], 0.1));

  /* 0 lies at the centre */
  g_assert_true (pixel_is (pixel_at (surface, lay.cx, lay.cy), &style->series[0], 0.02));

  /* 50 at half the radius */
  axis_point (&lay, 6, 0.5, &x, &y);
  g_assert_true (pixel_is (pixel_at (surface, x, y), &style->series[0], 0.02));

  /* The null on axis 2 is a gap: drawn as 0 it would run a line from the
   * centre out to the vertex of axis 3 (and from axis 1's, at the centre);
   * halfway along axis 3 there is no series colour. */
  axis_point (&lay, 3, 0.5, &x, &y);
  g_assert_false (pixel_is (pixel_at (surface, x, y), &style->series[0], 0.15));
  axis_point (&lay, 2, 0.5, &x, &y);
  g_assert_false (pixel_is (pixel_at (surface, x, y), &style->series[0], 0.15));
  /* nor a vertex mark at 0 on axis 2, a little off the centre */
  axis_point (&lay, 2, 0.0, &x, &y);
  axis_point (&lay, 2, 12.0 / lay.radius, &x, &y);
  g_assert_false (pixel_is (pixel_at (surface, x, y), &style->series[0], 0.15));

  /* The incomplete series is not filled: the inside stays background */
  axis_point (&lay, 7, 0.25, &x, &y);
  {
    Pixel p = pixel_at (surface, x + 3, y + 3);

    g_assert_true (pixel_is (p, &style->background, 0.02) || pixel_is (p, &style->grid, 0.3));
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_radar_complete_fill (void)
{
  const EmsChartStyle *style = ems_chart_style_dark ();
  g_autoptr(EmsRadarData) data = radar_data_by_hand ();
  cairo_surface_t *surface = new_surface (640, 480);
  cairo_t *cr = cairo_create (surface);
  EmsRadarLayout lay;
  double x, y;
  Pixel p;

  data->series[0].values[2] = (EmsChartValue) { TRUE, 50 };
  data->series[0].values[1].value = 50;
  ems_radar_layout (cr, 640, 480, data, style, &lay);
  ems_radar_draw (cr, 640, 480, data, style);
  dump (surface, "radar-dark.png");

  /* Inside a complete series: the translucent fill, neither the
   * background nor the line colour */
  axis_point (&lay, 7, 0.3, &x, &y);
  p = pixel_at (surface, x + 4, y);
  g_assert_false (pixel_is (p, &style->background, 0.01));
  g_assert_false (pixel_is (p, &style->series[0], 0.1));
  /* Outside it: the background */
  axis_point (&lay, 7, 0.5, &x, &y);
  axis_point (&lay, 8, 0.9, &x, &y);
  p = pixel_at (surface, x + 2, y + 2);
  g_assert_false (pixel_is (p, &style->series[0], 0.1));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
check_radar_layout (const EmsRadarLayout *lay,
                    double                width,
                    double                height)
{
  for (guint i = 0; i < lay->n_axes; i++)
    {
      const EmsChartRect *a = &lay->labels[i];
      double nx, ny;

      /* Inside the chart */
      g_assert_cmpfloat (a->x, >=, -0.5);
      g_assert_cmpfloat (a->y, >=, -0.5);
      g_assert_cmpfloat (a->x + a->width, <=, width + 0.5);
      g_assert_cmpfloat (a->y + a->height, <=, height + 0.5);

      /* Not on the plot: the box's nearest point is outside the ring */
      nx = CLAMP (lay->cx, a->x, a->x + a->width);
      ny = CLAMP (lay->cy, a->y, a->y + a->height);
      g_assert_cmpfloat (hypot (nx - lay->cx, ny - lay->cy), >=, lay->radius);

      /* Not on the legend */
      if (lay->legend.height > 0)
        g_assert_false (ems_chart_rects_overlap (a, &lay->legend));

      /* Not on each other */
      for (guint j = i + 1; j < lay->n_axes; j++)
        g_assert_false (ems_chart_rects_overlap (a, &lay->labels[j]));
    }
}

static void
test_radar_labels_fit (void)
{
  const EmsChartStyle *style = ems_chart_style_light ();
  g_autoptr(EmsAssessment) assessment = load_example ("02-muebles-del-bajio.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(EmsRadarData) data = ems_radar_data_new_from_scores (ems_assessment_get_checklist (assessment),
                                                                 scores, "Muebles");
  static const double sizes[][2] = {
    { 220, 180 }, { 300, 300 }, { 360, 640 }, { 480, 320 }, { 640, 480 },
    { 800, 600 }, { 1024, 400 }, { 1280, 720 }, { 1920, 1080 }, { 400, 1200 },
    { 2560, 1600 },
  };
  cairo_surface_t *surface = new_surface (4, 4);
  cairo_t *cr = cairo_create (surface);

  ems_radar_data_add_series (data, "Baseline", scores);
  ems_radar_data_add_series (data, "Group mean", scores);
  g_assert_false (ems_radar_data_add_series (data, "Too many", scores));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      EmsRadarLayout lay;

      ems_radar_layout (cr, sizes[i][0], sizes[i][1], data, style, &lay);
      g_test_message ("%gx%g: radius %.1f, %s labels", sizes[i][0], sizes[i][1], lay.radius,
                      lay.short_labels ? "short" : "full");
      g_assert_cmpfloat (lay.radius, >, 0);
      check_radar_layout (&lay, sizes[i][0], sizes[i][1]);
      if (sizes[i][0] >= 640 && sizes[i][1] >= 480)
        g_assert_false (lay.short_labels);
    }

  /* Larger text, as a projector or large-text setting would use */
  {
    EmsChartStyle big = *style;
    EmsRadarLayout lay;

    big.font_size = 24;
    ems_radar_layout (cr, 1280, 720, data, &big, &lay);
    check_radar_layout (&lay, 1280, 720);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Gap bars ---------------------------------------------------------------- */

static EmsGapBarsData *
gap_data_by_hand (void)
{
  EmsGapBarsData *data = g_new0 (EmsGapBarsData, 1);

  data->target = 75;
  data->n_bars = 4;
  data->bars = g_new0 (EmsGapBar, 4);
  data->bars[0] = (EmsGapBar) { 3, g_strdup ("Objectives and Targets"), TRUE, 15, 60, EMS_BAND_RED, TRUE };
  data->bars[1] = (EmsGapBar) { 1, g_strdup ("Environmental Policy"), TRUE, 45, 30, EMS_BAND_AMBER, FALSE };
  data->bars[2] = (EmsGapBar) { 9, g_strdup ("Document Control"), TRUE, 80, 0, EMS_BAND_GREEN, FALSE };
  data->bars[3] = (EmsGapBar) { 8, g_strdup ("Organizational Decision-Making and Planning"), FALSE, 0, 0, EMS_BAND_NONE, FALSE };

  return data;
}

/* From the bar's start, how far the row at @y differs from the background */
static double
measure_run (cairo_surface_t     *surface,
             double               x0,
             double               y,
             const EmsChartStyle *style)
{
  int width = cairo_image_surface_get_width (surface);
  int x = (int) ceil (x0) + 1;

  while (x < width && !pixel_is (pixel_at (surface, x, y), &style->background, 0.01))
    x++;

  return x - x0;
}

static void
test_gap_bars_lengths (void)
{
  const EmsChartStyle *style = ems_chart_style_light ();
  g_autoptr(EmsGapBarsData) data = gap_data_by_hand ();
  cairo_surface_t *surface = new_surface (800, 300);
  cairo_t *cr = cairo_create (surface);
  EmsChartRect bar, scale;

  ems_gap_bars_draw (cr, 800, 300, data, style);
  dump (surface, "gaps-by-hand.png");

  g_assert_true (ems_gap_bars_get_bar_rect (cr, 800, 300, data, style, 0, &bar, &scale));
  g_assert_cmpfloat (scale.width, >, 300);
  /* Length proportional to the gap: 60 of 75 */
  g_assert_cmpfloat_with_epsilon (bar.width, scale.width * 60 / 75, 0.01);
  /* Measured on the image: the bar ends where its length says (the
   * band word follows after a space, so measure up to the first
   * background pixel) */
  g_assert_cmpfloat_with_epsilon (measure_run (surface, bar.x, bar.y + 1, style), bar.width, 2.0);
  /* Red near its end (between two of the hatching's stripes) */
  {
    gboolean red = FALSE;

    for (double dx = 1; dx <= 6 && !red; dx++)
      red = pixel_is (pixel_at (surface, bar.x + bar.width - dx, bar.y + bar.height / 2), &style->band[EMS_BAND_RED], 0.35);
    g_assert_true (red);
  }

  g_assert_true (ems_gap_bars_get_bar_rect (cr, 800, 300, data, style, 1, &bar, NULL));
  g_assert_cmpfloat_with_epsilon (bar.width, scale.width * 30 / 75, 0.01);
  g_assert_cmpfloat_with_epsilon (measure_run (surface, bar.x, bar.y + 1, style), bar.width, 2.0);

  /* No gap: no bar beyond the zero tick */
  g_assert_true (ems_gap_bars_get_bar_rect (cr, 800, 300, data, style, 2, &bar, NULL));
  g_assert_cmpfloat (bar.width, ==, 0);

  /* No score: no bar at all (not a full-length "0 score" bar) */
  g_assert_true (ems_gap_bars_get_bar_rect (cr, 800, 300, data, style, 3, &bar, NULL));
  g_assert_cmpfloat (bar.width, ==, 0);
  g_assert_true (pixel_is (pixel_at (surface, scale.x + scale.width * 0.5, bar.y + 1), &style->background, 0.01));
  g_assert_true (pixel_is (pixel_at (surface, scale.x + scale.width * 0.9, bar.y + bar.height / 2), &style->background, 0.01));

  g_assert_false (ems_gap_bars_get_bar_rect (cr, 800, 300, data, style, 4, &bar, NULL));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_gap_bars_from_scores (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("01-northshore-metal-finishing.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(EmsGapBarsData) data = ems_gap_bars_data_new_from_scores (ems_assessment_get_checklist (assessment), scores);

  g_assert_cmpuint (data->n_bars, ==, scores->n_elements);
  g_assert_cmpfloat (data->target, ==, scores->target);
  for (guint i = 0; i < data->n_bars; i++)
    {
      const EmsElementScore *es = &scores->elements[data->bars[i].number - 1];

      g_assert_cmpuint (data->bars[i].number, ==, scores->priority[i] + 1);
      g_assert_cmpint (data->bars[i].has_score, ==, es->has_score);
      if (es->has_score)
        g_assert_cmpfloat (data->bars[i].gap, ==, es->gap);
      if (i > 0 && data->bars[i].has_score)
        g_assert_cmpfloat (data->bars[i - 1].gap, >=, data->bars[i].gap);
    }
}

/* Null scores from a real assessment ------------------------------------- */

static void
test_null_scores (void)
{
  const EmsChartStyle *style = ems_chart_style_light ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (ems_checklist_get_default ());
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  const EmsElement *e1 = ems_checklist_get_element (checklist, 1);
  g_autoptr(EmsScores) scores = NULL;
  g_autoptr(EmsRadarData) radar = NULL;
  g_autoptr(EmsGapBarsData) gaps = NULL;
  cairo_surface_t *surface = new_surface (700, 500);
  cairo_t *cr = cairo_create (surface);
  EmsRadarLayout lay;

  /* Only element 1 answered (all 4): the other nine have no score */
  for (guint q = 0; q < e1->n_questions; q++)
    ems_assessment_set_level (assessment, e1->questions[q]->id, 4);
  scores = ems_scores_compute (assessment);
  radar = ems_radar_data_new_from_scores (checklist, scores, NULL);
  g_assert_true (radar->series[0].values[0].has_value);
  for (guint i = 1; i < 10; i++)
    g_assert_false (radar->series[0].values[i].has_value);

  ems_radar_layout (cr, 700, 500, radar, style, &lay);
  ems_radar_draw (cr, 700, 500, radar, style);
  dump (surface, "radar-nulls.png");
  /* The single vertex at 100 on axis 0, and nothing at the centre */
  g_assert_true (pixel_is (pixel_at (surface, lay.cx, lay.cy - lay.radius), &style->series[0], 0.02));
  g_assert_false (pixel_is (pixel_at (surface, lay.cx + 2, lay.cy + 2), &style->series[0], 0.15));
  g_assert_false (pixel_is (pixel_at (surface, lay.cx, lay.cy - lay.radius / 2), &style->series[0], 0.15));

  gaps = ems_gap_bars_data_new_from_scores (checklist, scores);
  g_assert_cmpuint (gaps->bars[0].number, ==, 1);
  for (guint i = 1; i < 10; i++)
    g_assert_false (gaps->bars[i].has_score);
  ems_gap_bars_draw (cr, 700, 500, gaps, style);
  dump (surface, "gaps-nulls.png");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Distribution and coverage ------------------------------------------------ */

static void
test_distribution (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("01-northshore-metal-finishing.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(EmsDistributionData) data = ems_distribution_data_new_from_scores (ems_assessment_get_checklist (assessment), scores);

  g_assert_cmpuint (data->n_rows, ==, scores->n_elements);
  for (guint i = 0; i < data->n_rows; i++)
    {
      const EmsDistributionRow *row = &data->rows[i];
      guint total = row->n_not_applicable + row->n_unanswered;

      for (guint k = 0; k <= EMS_LEVEL_MAX; k++)
        total += row->n_levels[k];
      g_assert_cmpuint (total, ==, scores->elements[i].n_questions);
    }
  for (guint k = 0; k < EMS_DISTRIBUTION_N_SEGMENTS; k++)
    g_assert_nonnull (data->segment_labels[k]);
}

/* The middle of the first band of non-background pixels met going from
 * @x in steps of @dx along row @y */
static double
ring_middle (cairo_surface_t     *surface,
             int                  x,
             int                  dx,
             int                  y,
             const EmsChartStyle *style)
{
  int outer, inner;

  while (pixel_is (pixel_at (surface, x, y), &style->background, 0.01))
    x += dx;
  outer = x;
  while (!pixel_is (pixel_at (surface, x, y), &style->background, 0.01))
    x += dx;
  inner = x;

  return (outer + inner) / 2.0;
}

static void
test_coverage_ring (void)
{
  const EmsChartStyle *style = ems_chart_style_light ();
  EmsCoverageData data = { 5, 10, NULL };
  cairo_surface_t *surface = new_surface (400, 400);
  cairo_t *cr = cairo_create (surface);
  double right, left;

  ems_coverage_draw (cr, 400, 400, &data, style);
  dump (surface, "coverage-half.png");

  /* Half covered, clockwise from the top: the right half of the ring is
   * the series colour, the left half the empty track. Sample a little
   * below the middle row, clear of the text. */
  right = ring_middle (surface, 399, -1, 210, style);
  left = ring_middle (surface, 0, 1, 210, style);
  g_assert_cmpfloat (right, >, 300);
  g_assert_cmpfloat (left, <, 100);
  g_assert_true (pixel_is (pixel_at (surface, right, 210), &style->series[0], 0.02));
  g_assert_true (pixel_is (pixel_at (surface, left, 210), &style->grid, 0.02));

  /* A quarter: the bottom right is empty now */
  data.n_done = 1;
  data.n_total = 4;
  ems_coverage_draw (cr, 400, 400, &data, style);
  g_assert_true (pixel_is (pixel_at (surface, ring_middle (surface, 399, -1, 250, style), 250), &style->grid, 0.02));
  g_assert_true (pixel_is (pixel_at (surface, ring_middle (surface, 399, -1, 150, style), 150), &style->series[0], 0.02));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Styles ---------------------------------------------------------------------- */

static double
luminance (const EmsChartColor *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const EmsChartColor *a,
          const EmsChartColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_style_contrast (void)
{
  const EmsChartStyle *styles[] = { ems_chart_style_light (), ems_chart_style_dark () };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const EmsChartStyle *style = styles[s];

      /* Text: WCAG AA and better */
      g_assert_cmpfloat (contrast (&style->foreground, &style->background), >=, 7.0);
      g_assert_cmpfloat (contrast (&style->muted, &style->background), >=, 4.5);
      /* Marks: at least 3:1 (WCAG non-text contrast) */
      for (guint b = EMS_BAND_RED; b <= EMS_BAND_GREEN; b++)
        g_assert_cmpfloat (contrast (&style->band[b], &style->background), >=, 3.0);
      for (guint i = 0; i < EMS_CHART_MAX_SERIES; i++)
        g_assert_cmpfloat (contrast (&style->series[i], &style->background), >=, 3.0);
      g_assert_cmpfloat (contrast (&style->target, &style->background), >=, 3.0);
      g_assert_cmpfloat (contrast (&style->flag, &style->background), >=, 3.0);
      /* Counts written on level segments stay readable */
      for (guint k = 0; k <= EMS_LEVEL_MAX; k++)
        {
          EmsChartColor text = ems_chart_text_color_on (&style->levels[k]);

          g_assert_cmpfloat (contrast (&text, &style->levels[k]), >=, 4.5);
        }
    }
}

/* Every chart at every size, both styles: no crash, no cairo error ------- */

static void
test_all_sizes (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("03-gem-city-print.emsa");
  g_autoptr(EmsAssessment) empty = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(EmsScores) none = ems_scores_compute (empty);
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  static const int sizes[][2] = { { 0, 0 }, { 1, 1 }, { 40, 30 }, { 120, 90 }, { 320, 240 }, { 900, 720 }, { 1920, 1080 } };
  const EmsChartStyle *styles[] = { ems_chart_style_light (), ems_chart_style_dark () };

  for (guint k = 0; k < EMS_CHART_N_KINDS; k++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
        for (guint which = 0; which < 2; which++)
          {
            cairo_surface_t *surface = new_surface (MAX (sizes[i][0], 1), MAX (sizes[i][1], 1));
            cairo_t *cr = cairo_create (surface);

            ems_chart_draw (cr, k, sizes[i][0], sizes[i][1], checklist, which ? none : scores, styles[s]);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            if (sizes[i][0] == 900 || (sizes[i][0] == 320 && which == 0))
              {
                g_autofree char *name = g_strdup_printf ("%s-%dx%d-%s%s.png", ems_chart_kind_to_string (k),
                                                         sizes[i][0], sizes[i][1], s ? "dark" : "light",
                                                         which ? "-empty" : "");
                dump (surface, name);
              }
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
}

static void
test_describe (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("02-muebles-del-bajio.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  g_autoptr(EmsRadarData) radar = radar_data_by_hand ();

  for (guint k = 0; k < EMS_CHART_N_KINDS; k++)
    {
      g_autofree char *text = ems_chart_describe (k, checklist, scores);

      g_test_message ("%s", text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      if (k == EMS_CHART_COVERAGE)
        {
          g_autofree char *percent = ems_format_percent (TRUE, 100.0 * scores->coverage);

          g_assert_nonnull (strstr (text, percent));
          continue;
        }
      /* Every element, and for scores their numbers as shown */
      for (guint i = 0; i < scores->n_elements; i++)
        {
          const EmsElement *element = ems_checklist_get_element (checklist, i + 1);
          g_autofree char *score = ems_format_percent (scores->elements[i].has_score, scores->elements[i].score);

          g_assert_nonnull (strstr (text, element->title));
          if (k != EMS_CHART_DISTRIBUTION)
            g_assert_nonnull (strstr (text, score));
        }
      if (k != EMS_CHART_DISTRIBUTION)
        g_assert_nonnull (strstr (text, "red flag"));
    }

  /* A null is "no score" in words too */
  {
    g_autofree char *text = ems_radar_data_describe (radar);

    g_assert_nonnull (strstr (text, "3. Objectives and Targets: no score"));
    g_assert_nonnull (strstr (text, "1. Environmental Policy: 100.0 %"));
    g_assert_nonnull (strstr (text, "2. Environmental Requirements and Voluntary Initiatives: 0.0 %"));
  }
}

static void
test_target_levels (void)
{
  g_autoptr(EmsAssessment) assessment = load_example ("01-northshore-metal-finishing.emsa");
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  cairo_surface_t *surface = new_surface (600, 400);
  cairo_t *cr = cairo_create (surface);

  /* Target 0 (every gap 0, an empty scale) to 100 */
  for (guint level = 0; level <= EMS_LEVEL_MAX; level++)
    {
      g_autoptr(EmsScores) scores = NULL;
      g_autoptr(EmsGapBarsData) gaps = NULL;
      EmsChartRect bar, scale;

      ems_assessment_set_target_level (assessment, level);
      scores = ems_scores_compute (assessment);
      gaps = ems_gap_bars_data_new_from_scores (checklist, scores);
      for (guint k = 0; k < EMS_CHART_N_KINDS; k++)
        ems_chart_draw (cr, k, 600, 400, checklist, scores, ems_chart_style_light ());
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

      for (guint i = 0; i < gaps->n_bars; i++)
        {
          g_assert_true (ems_gap_bars_get_bar_rect (cr, 600, 400, gaps, ems_chart_style_light (), i, &bar, &scale));
          if (level == 0 || !gaps->bars[i].has_score)
            g_assert_cmpfloat (bar.width, ==, 0);
          else
            g_assert_cmpfloat_with_epsilon (bar.width, scale.width * gaps->bars[i].gap / scores->target, 1e-6);
        }
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_not_finite (void)
{
  const EmsChartStyle *style = ems_chart_style_light ();
  g_autoptr(EmsRadarData) radar = radar_data_by_hand ();
  g_autoptr(EmsGapBarsData) gaps = gap_data_by_hand ();
  cairo_surface_t *surface = new_surface (500, 400);
  cairo_t *cr = cairo_create (surface);
  EmsRadarLayout lay;
  EmsChartRect bar;
  double x, y;

  /* A NaN or infinite value from a careless caller is no value, not a
   * broken cairo context */
  radar->series[0].values[6].value = NAN;
  radar->series[0].values[7].value = INFINITY;
  radar->target = NAN;
  gaps->bars[0].gap = NAN;
  ems_radar_layout (cr, 500, 400, radar, style, &lay);
  ems_radar_draw (cr, 500, 400, radar, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  axis_point (&lay, 6, 0.5, &x, &y);
  g_assert_false (pixel_is (pixel_at (surface, x + 2, y), &style->series[0], 0.15));
  ems_gap_bars_draw (cr, 500, 400, gaps, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (ems_gap_bars_get_bar_rect (cr, 500, 400, gaps, style, 0, &bar, NULL));
  g_assert_cmpfloat (bar.width, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_kinds (void)
{
  EmsChartKind kind;

  for (guint k = 0; k < EMS_CHART_N_KINDS; k++)
    {
      g_assert_true (ems_chart_kind_from_string (ems_chart_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_true (ems_chart_kind_from_string ("gaps", &kind));
  g_assert_cmpint (kind, ==, EMS_CHART_GAPS);
  g_assert_false (ems_chart_kind_from_string ("pie", &kind));
}

/* The comparison builders draw core's figures: the group mean against the
 * group target, and the answers summed or per participant */
static void
test_comparison_data (void)
{
  static const char *names[] = {
    "01-northshore-metal-finishing.emsa", "02-muebles-del-bajio.emsa", "03-gem-city-print.emsa",
  };
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  g_autoptr(EmsRadarData) radar = NULL;
  g_autoptr(EmsRadarData) picked = NULL;
  g_autoptr(EmsRadarData) range = NULL;
  g_autoptr(EmsDistributionData) group = NULL;
  g_autoptr(EmsDistributionData) element = NULL;
  const EmsGroupTarget *target;
  guint pick[] = { 2, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(EmsAssessment) a = load_example (names[i]);

      ems_comparison_add (comparison, a, names[i]);
    }
  target = ems_comparison_get_target (comparison);
  /* The examples' targets differ (75, 50, 75): the ring is their mean */
  g_assert_false (target->uniform);

  radar = ems_radar_data_new_for_comparison (comparison, NULL, 0);
  g_assert_cmpuint (radar->n_series, ==, 1);
  g_assert_true (radar->has_target);
  g_assert_cmpfloat_with_epsilon (radar->target, (75.0 + 50.0 + 75.0) / 3, 1e-9);
  for (guint e = 0; e < radar->n_axes; e++)
    {
      const EmsElementStats *st = ems_comparison_get_element_stats (comparison, e + 1);

      g_assert_cmpfloat (radar->series[0].values[e].value, ==, st->mean);
      g_assert_false (radar->red_flags[e]);
    }

  /* Picked participants on top, the group last, the same ring */
  picked = ems_radar_data_new_for_comparison (comparison, pick, G_N_ELEMENTS (pick));
  g_assert_cmpuint (picked->n_series, ==, 3);
  g_assert_cmpfloat (picked->target, ==, radar->target);
  g_assert_cmpfloat (picked->series[0].values[0].value, ==,
                     ems_comparison_get_scores (comparison, 2)->elements[0].score);
  g_assert_cmpfloat (picked->series[2].values[0].value, ==, radar->series[0].values[0].value);

  range = ems_radar_data_new_for_group_range (comparison);
  g_assert_cmpuint (range->n_series, ==, 3);
  g_assert_cmpfloat (range->target, ==, radar->target);
  g_assert_cmpfloat (range->series[1].values[0].value, ==,
                     ems_comparison_get_element_stats (comparison, 1)->min);

  group = ems_distribution_data_new_for_group (comparison);
  element = ems_distribution_data_new_for_element (comparison, 3);
  g_assert_cmpuint (group->n_rows, ==, 10);
  g_assert_cmpuint (element->n_rows, ==, 3);
  for (guint k = 0; k <= EMS_LEVEL_MAX; k++)
    {
      guint sum = 0;

      for (guint p = 0; p < 3; p++)
        {
          sum += ems_comparison_get_scores (comparison, p)->elements[2].n_levels[k];
          g_assert_cmpuint (element->rows[p].n_levels[k], ==,
                            ems_comparison_get_scores (comparison, p)->elements[2].n_levels[k]);
        }
      g_assert_cmpuint (group->rows[2].n_levels[k], ==, sum);
    }
  {
    g_autofree char *label = ems_comparison_dup_label (comparison, 1);

    g_assert_cmpstr (element->rows[1].label, ==, label);
  }
}


/* Labels in every language, at the sizes the app uses -------------------- */

typedef struct
{
  const char *what;
  double      width;
  double      height;
  double      font_size;
  gboolean    full;       /* every label the full title */
  gboolean    names;      /* a name on every axis (no number alone) */
  gboolean    rings;      /* the four ring labels drawn */
} RadarSize;

/* The results page's card (at 360 px wide, 800 px wide and wider
 * windows), a report page (points), presentation mode at 1024×768 (the
 * slide's chart under its title, in the slide's type size) */
static const RadarSize radar_sizes[] = {
  { "results-340", 340, 380, 14.67, FALSE, TRUE, TRUE },
  { "results-360", 360, 380, 14.67, FALSE, TRUE, TRUE },
  { "results-490", 490, 380, 14.67, FALSE, TRUE, TRUE },
  { "results-520", 520, 420, 14.67, FALSE, TRUE, TRUE },
  { "report", 495, 330, 8.5, TRUE, TRUE, TRUE },
  { "presentation-560", 944, 560, 21.33, FALSE, TRUE, TRUE },
  { "presentation-480", 944, 480, 21.33, FALSE, TRUE, TRUE },
};

static const char *languages[] = { "C.UTF-8", "fr_FR.UTF-8", "es_MX.UTF-8" };

/* The bundled checklist parsed under the current locale (the default one
 * is parsed once, in the language the program started in) */
static EmsChecklist *
translated_checklist (void)
{
  g_autoptr(GBytes) bytes = ems_checklist_dup_bundled_data ();
  g_autoptr(GError) error = NULL;
  EmsChecklist *checklist = ems_checklist_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return checklist;
}

static gboolean
switch_language (const char *locale,
                 char      **saved)
{
  *saved = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip_printf ("the %s locale is not installed", locale);
      return FALSE;
    }

  return TRUE;
}

static void
check_rings (const EmsRadarLayout *lay,
             double                width,
             double                height,
             gboolean              all)
{
  for (guint k = 0; k < EMS_RADAR_N_RINGS; k++)
    {
      const EmsChartRect *ring = &lay->rings[k];

      if (all)
        g_assert_cmpfloat (ring->width, >, 0);
      if (ring->width <= 0)
        continue;
      g_assert_cmpfloat (ring->x, >=, 0);
      g_assert_cmpfloat (ring->y, >=, 0);
      g_assert_cmpfloat (ring->x + ring->width, <=, width);
      g_assert_cmpfloat (ring->y + ring->height, <=, height);
      for (guint i = 0; i < lay->n_axes; i++)
        g_assert_false (ems_chart_rects_overlap (ring, &lay->labels[i]));
      if (k > 0)
        g_assert_false (ems_chart_rects_overlap (ring, &lay->rings[k - 1]));
    }
}

static void
test_radar_languages (gconstpointer user_data)
{
  const char *locale = user_data;
  g_autofree char *saved = NULL;
  g_autoptr(EmsAssessment) assessment = load_example ("02-muebles-del-bajio.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(EmsChecklist) checklist = NULL;
  g_autoptr(EmsRadarData) data = NULL;
  g_autoptr(EmsRadarData) three = NULL;

  if (!switch_language (locale, &saved))
    return;

  checklist = translated_checklist ();
  data = ems_radar_data_new_from_scores (checklist, scores, NULL);
  three = ems_radar_data_new_from_scores (checklist, scores, "Muebles del Bajío, S.A. de C.V.");
  ems_radar_data_add_series (three, "Baseline", scores);
  ems_radar_data_add_series (three, "Group mean", scores);

  /* The example has critical questions answered 0: the marks take room */
  g_assert_true (scores->elements[1].red_flag);
  g_assert_nonnull (data->short_titles);
  for (guint i = 0; i < data->n_axes; i++)
    {
      g_assert_cmpuint (strlen (data->short_titles[i]), >, 0);
      g_assert_cmpuint (g_utf8_strlen (data->short_titles[i], -1), <, g_utf8_strlen (data->labels[i], -1) + 1);
    }
  /* Really translated */
  if (!g_str_has_prefix (locale, "C"))
    {
      g_assert_cmpstr (data->labels[0], !=, "Environmental Policy");
      g_assert_cmpstr (data->short_titles[0], !=, "Policy");
    }

  for (guint k = 0; k < G_N_ELEMENTS (radar_sizes); k++)
    for (guint d = 0; d < 2; d++)
      {
        const RadarSize *size = &radar_sizes[k];
        const EmsRadarData *which = d == 0 ? data : three;
        EmsChartStyle style = *ems_chart_style_light ();
        cairo_surface_t *surface = new_surface ((int) size->width, (int) size->height);
        cairo_t *cr = cairo_create (surface);
        EmsRadarLayout lay;
        guint n_full = 0;

        style.font_size = size->font_size;
        ems_radar_layout (cr, size->width, size->height, which, &style, &lay);
        ems_radar_draw (cr, size->width, size->height, which, &style);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

        for (guint i = 0; i < lay.n_axes; i++)
          {
            n_full += lay.label_kinds[i] == EMS_CHART_LABEL_FULL;
            if (size->names)
              g_assert_cmpint (lay.label_kinds[i], !=, EMS_CHART_LABEL_NUMBER);
            if (size->full)
              g_assert_cmpint (lay.label_kinds[i], ==, EMS_CHART_LABEL_FULL);
            /* Wrapped, never more than three lines of title (four with
             * "no score") */
            g_assert_cmpuint (lay.label_lines[i], <=, 4);
          }
        g_test_message ("%s %s, %u series: radius %.1f, %u of %u full titles", locale, size->what,
                        which->n_series, lay.radius, n_full, lay.n_axes);

        /* Inside the chart, off the plot, off the legend, off each other */
        check_radar_layout (&lay, size->width, size->height);
        check_rings (&lay, size->width, size->height, size->rings);
        /* A readable plot */
        g_assert_cmpfloat (lay.radius, >=, 3 * size->font_size);

        {
          g_autofree char *name = g_strdup_printf ("radar-%s-%s-%u.png", locale, size->what, which->n_series);

          dump (surface, name);
        }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  /* Where there is room, every title in full */
  {
    EmsChartStyle style = *ems_chart_style_light ();
    cairo_surface_t *surface = new_surface (4, 4);
    cairo_t *cr = cairo_create (surface);
    EmsRadarLayout lay;

    ems_radar_layout (cr, 1280, 800, data, &style, &lay);
    for (guint i = 0; i < lay.n_axes; i++)
      g_assert_cmpint (lay.label_kinds[i], ==, EMS_CHART_LABEL_FULL);
    g_assert_false (lay.short_labels);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  setlocale (LC_ALL, saved);
}

/* Labels shortened one by one, not all at once: a chart a little too
 * small for every title keeps those that fit */
static void
test_radar_labels_one_by_one (void)
{
  const EmsChartStyle *style = ems_chart_style_light ();
  g_autoptr(EmsRadarData) data = radar_data_by_hand ();
  cairo_surface_t *surface = new_surface (4, 4);
  cairo_t *cr = cairo_create (surface);
  EmsRadarLayout lay;
  guint n_full = 0, n_short = 0;
  static const char *shorts[10] = {
    "Policy", "Requirements", "Objectives", "Roles", "Operations", "Corrective Action",
    "Training", "Planning", "Documents", "Improvement",
  };

  data->short_titles = g_new0 (char *, 11);
  for (guint i = 0; i < 10; i++)
    data->short_titles[i] = g_strdup (shorts[i]);

  ems_radar_layout (cr, 480, 380, data, style, &lay);
  for (guint i = 0; i < lay.n_axes; i++)
    {
      n_full += lay.label_kinds[i] == EMS_CHART_LABEL_FULL;
      n_short += lay.label_kinds[i] == EMS_CHART_LABEL_SHORT;
    }
  check_radar_layout (&lay, 480, 380);
  g_assert_true (lay.short_labels);
  g_assert_cmpuint (n_full, >, 0);
  g_assert_cmpuint (n_short, >, 0);
  g_assert_cmpuint (n_full + n_short, ==, 10);
  /* The short ones are the long titles: "Document Control" fits */
  g_assert_cmpint (lay.label_kinds[8], ==, EMS_CHART_LABEL_FULL);
  g_assert_cmpint (lay.label_kinds[5], ==, EMS_CHART_LABEL_SHORT);

  /* Without short names, a title too long is wrapped, then numbered */
  g_clear_pointer (&data->short_titles, g_strfreev);
  ems_radar_layout (cr, 480, 380, data, style, &lay);
  check_radar_layout (&lay, 480, 380);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Critical: its own colour, a mark at the label and a legend entry ------- */

static double
color_distance (const EmsChartColor *a,
                const EmsChartColor *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);
}

static guint
count_pixels (cairo_surface_t     *surface,
              const EmsChartRect  *rect,
              const EmsChartColor *color)
{
  guint n = 0;
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  for (int y = MAX (0, (int) floor (rect->y)); y < MIN (h, (int) ceil (rect->y + rect->height)); y++)
    for (int x = MAX (0, (int) floor (rect->x)); x < MIN (w, (int) ceil (rect->x + rect->width)); x++)
      n += pixel_is (pixel_at (surface, x, y), color, 0.02);

  return n;
}

static void
test_critical_mark (void)
{
  const EmsChartStyle *styles[] = { ems_chart_style_light (), ems_chart_style_dark () };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const EmsChartStyle *style = styles[s];
      g_autoptr(EmsRadarData) radar = radar_data_by_hand ();
      g_autoptr(EmsGapBarsData) gaps = gap_data_by_hand ();
      cairo_surface_t *surface = new_surface (800, 600);
      cairo_t *cr = cairo_create (surface);
      EmsRadarLayout lay;
      EmsChartRect legend, no_legend;

      /* Its own colour: apart from every band, readable on the background */
      for (guint b = EMS_BAND_NONE; b <= EMS_BAND_GREEN; b++)
        g_assert_cmpfloat (color_distance (&style->flag, &style->band[b]), >, 0.5);
      g_assert_cmpfloat (contrast (&style->flag, &style->background), >=, 3.0);

      /* Radar: the mark at axis 4's label, none at the others, and an
       * entry in the legend */
      ems_radar_layout (cr, 800, 600, radar, style, &lay);
      ems_radar_draw (cr, 800, 600, radar, style);
      dump (surface, s ? "critical-radar-dark.png" : "critical-radar-light.png");
      g_assert_cmpuint (count_pixels (surface, &lay.labels[4], &style->flag), >, 20);
      for (guint i = 0; i < lay.n_axes; i++)
        if (i != 4)
          g_assert_cmpuint (count_pixels (surface, &lay.labels[i], &style->flag), ==, 0);
      g_assert_cmpuint (count_pixels (surface, &lay.legend, &style->flag), >, 20);
      /* No amber nor red anywhere near: nothing else in the chart has them */
      g_assert_cmpuint (count_pixels (surface, &lay.labels[4], &style->band[EMS_BAND_AMBER]), ==, 0);

      /* Without a flag, no legend entry for it */
      radar->red_flags[4] = FALSE;
      ems_chart_paint_background (cr, 800, 600, style);
      ems_radar_draw (cr, 800, 600, radar, style);
      g_assert_cmpuint (count_pixels (surface, &lay.legend, &style->flag), ==, 0);

      /* Gap bars: the mark on bar 0's row, and the legend under the scale */
      ems_chart_paint_background (cr, 800, 600, style);
      ems_gap_bars_draw (cr, 800, 600, gaps, style);
      dump (surface, s ? "critical-gaps-dark.png" : "critical-gaps-light.png");
      g_assert_true (ems_gap_bars_get_legend_rect (cr, 800, 600, gaps, style, &legend));
      g_assert_cmpuint (count_pixels (surface, &legend, &style->flag), >, 20);
      g_assert_cmpfloat (legend.y + legend.height, <=, 600.5);
      {
        EmsChartRect bar, scale, row;

        ems_gap_bars_get_bar_rect (cr, 800, 600, gaps, style, 0, &bar, &scale);
        /* Left of the label, across the row */
        row = (EmsChartRect) { 0, bar.y - 4, scale.x, bar.height + 8 };
        g_assert_cmpuint (count_pixels (surface, &row, &style->flag), >, 20);
        ems_gap_bars_get_bar_rect (cr, 800, 600, gaps, style, 1, &bar, &scale);
        row = (EmsChartRect) { 0, bar.y - 4, scale.x, bar.height + 8 };
        g_assert_cmpuint (count_pixels (surface, &row, &style->flag), ==, 0);
        /* The legend is under the bars */
        g_assert_cmpfloat (legend.y, >=, scale.y + scale.height);
      }
      gaps->bars[0].red_flag = FALSE;
      g_assert_false (ems_gap_bars_get_legend_rect (cr, 800, 600, gaps, style, &no_legend));

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The amber of the charts is the amber of the badges --------------------- */

static char *
css_block (const char *css,
           const char *selector)
{
  const char *start = strstr (css, selector);
  const char *open, *close;

  if (start == NULL)
    return NULL;
  open = strchr (start, '{');
  close = open ? strchr (open, '}') : NULL;
  g_assert_nonnull (close);

  return g_strndup (open + 1, close - open - 1);
}

static void
test_amber_matches_css (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "ui", "style.css", NULL);
  g_autofree char *css = NULL;
  g_autofree char *expected = g_strdup_printf ("@define-color %s #%06x;", EMS_CHART_BAND_AMBER_CSS,
                                               (guint) EMS_CHART_BAND_AMBER);
  g_autofree char *use = g_strdup_printf ("@%s", EMS_CHART_BAND_AMBER_CSS);
  g_autofree char *badge = NULL;
  g_autoptr(GError) error = NULL;
  const EmsChartStyle *styles[] = { ems_chart_style_light (), ems_chart_style_dark () };
  static const char *others[] = { "ems-results-page.css", "ems-presentation.css", "ems-workshop.css" };

  g_file_get_contents (path, &css, NULL, &error);
  g_assert_no_error (error);

  /* The CSS defines the header's value ... */
  g_assert_nonnull (strstr (css, expected));
  /* ... and the amber badge uses it */
  badge = css_block (css, ".band-badge.amber");
  g_assert_nonnull (badge);
  g_assert_nonnull (strstr (badge, use));
  g_assert_null (strstr (badge, "warning_bg_color"));

  /* Both chart styles draw that amber */
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const EmsChartColor *amber = &styles[s]->band[EMS_BAND_AMBER];

      g_assert_cmpint ((int) round (amber->red * 255), ==, (EMS_CHART_BAND_AMBER >> 16) & 0xff);
      g_assert_cmpint ((int) round (amber->green * 255), ==, (EMS_CHART_BAND_AMBER >> 8) & 0xff);
      g_assert_cmpint ((int) round (amber->blue * 255), ==, EMS_CHART_BAND_AMBER & 0xff);
      /* A mark on either background */
      g_assert_cmpfloat (contrast (amber, &styles[s]->background), >=, 3.0);
    }

  /* No other stylesheet paints amber bands in a colour of its own */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *other_path = g_test_build_filename (G_TEST_DIST, "..", "ui", others[i], NULL);
      g_autofree char *other = NULL;
      g_autofree char *block = NULL;

      if (!g_file_get_contents (other_path, &other, NULL, NULL))
        continue;
      block = css_block (other, ".amber");
      if (block != NULL)
        g_assert_nonnull (strstr (block, use));
    }
}

/* Gap-chart labels use the room they have -------------------------------- */

static void
test_gap_labels (gconstpointer user_data)
{
  const char *locale = user_data;
  g_autofree char *saved = NULL;
  g_autoptr(EmsAssessment) assessment = load_example ("02-muebles-del-bajio.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(EmsChecklist) checklist = NULL;
  g_autoptr(EmsGapBarsData) data = NULL;
  static const struct { const char *what; double width, height, font_size; gboolean full; } sizes[] = {
    { "wide", 900, 560, 12, TRUE },
    { "report", 495, 280, 8.5, TRUE },
    { "results-520", 520, 420, 14.67, FALSE },
    { "results-490", 490, 380, 14.67, FALSE },
    { "results-360", 360, 380, 14.67, FALSE },
  };

  if (!switch_language (locale, &saved))
    return;

  checklist = translated_checklist ();
  data = ems_gap_bars_data_new_from_scores (checklist, scores);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      EmsChartStyle style = *ems_chart_style_light ();
      cairo_surface_t *surface = new_surface ((int) sizes[k].width, (int) sizes[k].height);
      cairo_t *cr = cairo_create (surface);
      EmsChartRect scale, previous = { 0 };
      guint n_full = 0;

      style.font_size = sizes[k].font_size;
      ems_gap_bars_draw (cr, sizes[k].width, sizes[k].height, data, &style);
      {
        g_autofree char *name = g_strdup_printf ("gaps-%s-%s.png", locale, sizes[k].what);

        dump (surface, name);
      }
      ems_gap_bars_get_bar_rect (cr, sizes[k].width, sizes[k].height, data, &style, 0, NULL, &scale);

      for (guint i = 0; i < data->n_bars; i++)
        {
          EmsGapBarLabel label;

          g_assert_true (ems_gap_bars_get_label (cr, sizes[k].width, sizes[k].height, data, &style, i, &label));
          n_full += label.kind == EMS_CHART_LABEL_FULL;
          /* Never cut with "…": a shorter name or a wrap first */
          g_assert_false (label.ellipsized);
          if (sizes[k].full)
            g_assert_cmpint (label.kind, ==, EMS_CHART_LABEL_FULL);
          /* Left of the bars, or above its bar in a narrow chart; inside
           * the chart, off the row above */
          g_assert_cmpfloat (label.rect.x, >=, 0);
          g_assert_cmpfloat (label.rect.x + label.rect.width, <=, sizes[k].width);
          {
            EmsChartRect bar;

            ems_gap_bars_get_bar_rect (cr, sizes[k].width, sizes[k].height, data, &style, i, &bar, NULL);
            g_assert_true (label.rect.x + label.rect.width <= scale.x ||
                           label.rect.y + label.rect.height <= bar.y + 0.5);
            g_assert_cmpfloat (bar.height, >=, 4);
          }
          if (i > 0)
            g_assert_false (ems_chart_rects_overlap (&label.rect, &previous));
          previous = label.rect;
        }
      g_test_message ("%s %s: %u of %u full titles, bars from %.0f", locale, sizes[k].what,
                      n_full, data->n_bars, scale.x);
      /* The bars keep a fair share */
      g_assert_cmpfloat (scale.width, >=, sizes[k].width * 0.25);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* A title that fits on one line is on one line, in full, with the bars
   * starting right after the longest one: no room is wasted */
  {
    EmsChartStyle style = *ems_chart_style_light ();
    cairo_surface_t *surface = new_surface (4, 4);
    cairo_t *cr = cairo_create (surface);
    g_autoptr(EmsGapBarsData) few = gap_data_by_hand ();
    EmsGapBarLabel label;
    EmsChartRect scale;
    double widest = 0;

    for (guint i = 0; i < few->n_bars; i++)
      {
        ems_gap_bars_get_label (cr, 1200, 400, few, &style, i, &label);
        g_assert_cmpint (label.kind, ==, EMS_CHART_LABEL_FULL);
        g_assert_cmpuint (label.lines, ==, 1);
        g_assert_false (label.ellipsized);
        widest = MAX (widest, label.rect.x + label.rect.width);
      }
    ems_gap_bars_get_bar_rect (cr, 1200, 400, few, &style, 0, NULL, &scale);
    g_assert_cmpfloat (scale.x - widest, <, style.font_size * 1.5);

    /* Narrow: the long title takes its short name rather than "…" */
    g_free (few->bars[3].short_label);
    few->bars[3].short_label = g_strdup ("Planning");
    ems_gap_bars_get_label (cr, 300, 160, few, &style, 3, &label);
    g_assert_cmpint (label.kind, ==, EMS_CHART_LABEL_SHORT);
    g_assert_false (label.ellipsized);

    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("EMS_LOCALEDIR");

  /* The build tree's catalogues; the language is chosen per test with
   * setlocale (LANGUAGE would override it) */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/radar/vertices", test_radar_vertices);
  g_test_add_func ("/charts/comparison-data", test_comparison_data);
  g_test_add_func ("/charts/radar/complete-fill", test_radar_complete_fill);
  g_test_add_func ("/charts/radar/labels-fit", test_radar_labels_fit);
  g_test_add_func ("/charts/gaps/lengths", test_gap_bars_lengths);
  g_test_add_func ("/charts/gaps/from-scores", test_gap_bars_from_scores);
  g_test_add_func ("/charts/null-scores", test_null_scores);
  g_test_add_func ("/charts/distribution", test_distribution);
  g_test_add_func ("/charts/coverage", test_coverage_ring);
  g_test_add_func ("/charts/style/contrast", test_style_contrast);
  g_test_add_func ("/charts/all-sizes", test_all_sizes);
  g_test_add_func ("/charts/kinds", test_kinds);
  g_test_add_func ("/charts/target-levels", test_target_levels);
  g_test_add_func ("/charts/not-finite", test_not_finite);
  g_test_add_func ("/charts/describe", test_describe);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *radar = g_strdup_printf ("/charts/radar/languages/%s", languages[i]);
      g_autofree char *gaps = g_strdup_printf ("/charts/gaps/labels/%s", languages[i]);

      g_test_add_data_func (radar, languages[i], test_radar_languages);
      g_test_add_data_func (gaps, languages[i], test_gap_labels);
    }
  g_test_add_func ("/charts/radar/labels-one-by-one", test_radar_labels_one_by_one);
  g_test_add_func ("/charts/critical", test_critical_mark);
  g_test_add_func ("/charts/amber-css", test_amber_matches_css);

  return g_test_run ();
}
