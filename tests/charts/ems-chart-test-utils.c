/* ems-chart-test-utils.c: helpers of the chart tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ems-chart-test-utils.h"

EmsAssessment *
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

cairo_surface_t *
new_surface (int width,
             int height)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
}

void
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

Pixel
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

gboolean
pixel_is (Pixel                p,
          const EmsChartColor *c,
          double               tolerance)
{
  return fabs (p.r - c->red) <= tolerance &&
         fabs (p.g - c->green) <= tolerance &&
         fabs (p.b - c->blue) <= tolerance;
}

EmsRadarData *
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

EmsGapBarsData *
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

void
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

double
luminance (const EmsChartColor *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

double
contrast (const EmsChartColor *a,
          const EmsChartColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
