/* test-charts.c: the chart drawing units, on image surfaces, no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry is checked by sampling pixels. Set EMS_CHARTS_DUMP_DIR to a
 * folder to keep a PNG of every chart drawn here, to look at.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ems-chart-test-utils.h"






/* Radar ----------------------------------------------------------------- */


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



int
main (int   argc,
      char *argv[])
{
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

  return g_test_run ();
}
