/* ems-radar.c: the radar chart of the element scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Axis i points at angle -90° + i × 360° / n (the first up, clockwise).
 * A value v lies at v / 100 × radius from the centre; a null value has no
 * vertex, and the outline is broken on both sides of it. Where the plot,
 * the labels and the legend go is ems-radar-layout.c's.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-radar-private.h"

static void
vertex_shape (cairo_t *cr,
              guint    series,
              double   x,
              double   y,
              double   size)
{
  switch (series)
    {
    case 0:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - size * 0.9, y - size * 0.9, size * 1.8, size * 1.8);
      break;
    default:
      cairo_move_to (cr, x, y - size * 1.2);
      cairo_line_to (cr, x + size * 1.2, y);
      cairo_line_to (cr, x, y + size * 1.2);
      cairo_line_to (cr, x - size * 1.2, y);
      cairo_close_path (cr);
      break;
    }
}

static void
set_series_line (cairo_t *cr,
                 guint    series,
                 double   unit)
{
  static const double dashes1[] = { 6, 3 };
  static const double dashes2[] = { 1.5, 3 };
  double d[2];

  cairo_set_line_width (cr, (series == 0 ? 2.5 : 2.0) * unit);
  switch (series)
    {
    case 0:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case 1:
      d[0] = dashes1[0] * unit;
      d[1] = dashes1[1] * unit;
      cairo_set_dash (cr, d, 2, 0);
      break;
    default:
      d[0] = dashes2[0] * unit;
      d[1] = dashes2[1] * unit;
      cairo_set_dash (cr, d, 2, 0);
      break;
    }
}

static void
ring_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   radius,
           guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      double a = ems_radar_axis_angle (i, n);

      (i == 0 ? cairo_move_to : cairo_line_to) (cr, cx + radius * cos (a), cy + radius * sin (a));
    }
  cairo_close_path (cr);
}

static void
set_target_line (cairo_t *cr,
                 double   unit)
{
  double d[2] = { 12 * unit, 5 * unit };

  cairo_set_line_width (cr, 1.5 * unit);
  cairo_set_dash (cr, d, 2, 0);
}

void
ems_radar_draw (cairo_t             *cr,
                double               width,
                double               height,
                const EmsRadarData  *data,
                const EmsChartStyle *style)
{
  EmsChartText text;
  EmsRadarTexts texts = { 0 };
  EmsRadarLayout lay;
  double unit, r, cx, cy;
  guint n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (data->n_axes >= 3);

  cairo_save (cr);
  ems_chart_paint_background (cr, width, height, style);

  ems_chart_text_init (&text, cr, style);
  ems_radar_compute (&text, width, height, data, &lay, &texts);
  unit = text.font_size / 12.0;
  n = lay.n_axes;
  r = lay.radius;
  cx = lay.cx;
  cy = lay.cy;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* Rings at 25, 50, 75 and 100 %, polygons through the axes (as cheap
   * to draw as they are easy to read values from), and spokes */
  cairo_save (cr);
  /* Thin grid lines: the 4×4 rasteriser is indistinguishable here and
   * twice as fast at full-screen sizes */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  ems_chart_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1.0 * unit);
  for (guint k = 1; k <= 4; k++)
    ring_path (cr, cx, cy, r * k / 4, n);
  for (guint i = 0; i < n; i++)
    {
      double a = ems_radar_axis_angle (i, n);

      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Scale numbers along the first spoke, right of it */
  for (guint k = 0; k < EMS_RADAR_N_RINGS; k++)
    if (lay.rings[k].width > 0)
      ems_chart_show_layout (cr, texts.rings[k], lay.rings[k].x, lay.rings[k].y, &style->muted);

  /* Target ring */
  if (data->has_target && isfinite (data->target) && data->target > 0)
    {
      cairo_save (cr);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      ems_chart_set_color (cr, &style->target);
      set_target_line (cr, unit);
      ring_path (cr, cx, cy, r * CLAMP (data->target, 0, 100) / 100, n);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Series, the first on top */
  for (guint s = MIN (data->n_series, EMS_CHART_MAX_SERIES); s-- > 0;)
    {
      const EmsChartValue *v = data->series[s].values;
      double xs[EMS_RADAR_MAX_AXES], ys[EMS_RADAR_MAX_AXES];
      gboolean complete = TRUE;

      for (guint i = 0; i < n; i++)
        {
          double a = ems_radar_axis_angle (i, n);
          double f = ems_radar_drawable (&v[i]) ? CLAMP (v[i].value, 0, 100) / 100 : 0;

          xs[i] = cx + r * f * cos (a);
          ys[i] = cy + r * f * sin (a);
          complete = complete && ems_radar_drawable (&v[i]);
        }

      if (complete && s == 0)
        {
          for (guint i = 0; i < n; i++)
            (i == 0 ? cairo_move_to : cairo_line_to) (cr, xs[i], ys[i]);
          cairo_close_path (cr);
          ems_chart_set_color_alpha (cr, &style->series[s], 0.18);
          /* The outline is stroked over the edge: no need to antialias */
          cairo_save (cr);
          cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
          cairo_fill (cr);
          cairo_restore (cr);
        }

      /* Outline: only between two neighbours that both have a value, so
       * a null leaves a gap on both sides of its axis */
      if (complete)
        {
          for (guint i = 0; i < n; i++)
            (i == 0 ? cairo_move_to : cairo_line_to) (cr, xs[i], ys[i]);
          cairo_close_path (cr);
        }
      else
        for (guint i = 0; i < n; i++)
          {
            guint j = (i + 1) % n;

            if (ems_radar_drawable (&v[i]) && ems_radar_drawable (&v[j]))
              {
                cairo_move_to (cr, xs[i], ys[i]);
                cairo_line_to (cr, xs[j], ys[j]);
              }
          }
      ems_chart_set_color (cr, &style->series[s]);
      set_series_line (cr, s, unit);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (guint i = 0; i < n; i++)
        if (ems_radar_drawable (&v[i]))
          vertex_shape (cr, s, xs[i], ys[i], (s == 0 ? 4.0 : 3.5) * unit);
      cairo_fill (cr);
    }

  /* Labels, with the red-flag marker before the text */
  for (guint i = 0; i < n; i++)
    {
      const EmsChartRect *box = &lay.labels[i];
      gboolean flag = data->red_flags && data->red_flags[i];
      gboolean no_score = data->n_series > 0 && !ems_radar_drawable (&data->series[0].values[i]);
      double x = box->x;

      if (flag)
        {
          PangoLayoutIter *iter = pango_layout_get_iter (texts.layouts[i]);
          PangoRectangle first;
          double line_h;

          /* Just before the first line, wherever the alignment put it */
          pango_layout_iter_get_line_extents (iter, NULL, &first);
          pango_layout_iter_free (iter);
          line_h = (double) first.height / PANGO_SCALE;
          x += text.font_size * 1.3;
          ems_chart_draw_flag (cr, x - texts.offset_x[i] + (double) first.x / PANGO_SCALE - text.font_size * 1.2,
                               box->y + (line_h - text.font_size) / 2, text.font_size, style);
        }
      ems_chart_show_layout (cr, texts.layouts[i], x - texts.offset_x[i], box->y,
                             no_score ? &style->muted : &style->foreground);
    }

  /* Legend */
  for (guint i = 0; i < texts.n_legend; i++)
    {
      double lx = texts.legend_x[i], ly = texts.legend_y[i];
      double th, sw = texts.swatch;
      gboolean is_flag = texts.legend_flag && i == texts.n_legend - 1;
      gboolean is_target = !is_flag && i >= data->n_series;

      ems_chart_layout_size (texts.legend[i], NULL, &th);
      if (is_flag)
        {
          double size = MIN (text.font_size, th);

          ems_chart_draw_flag (cr, lx + (sw - size) / 2, ly + (th - size) / 2, size, style);
        }
      else
        {
          if (is_target)
            {
              ems_chart_set_color (cr, &style->target);
              set_target_line (cr, unit);
            }
          else
            {
              ems_chart_set_color (cr, &style->series[i]);
              set_series_line (cr, i, unit);
            }
          cairo_move_to (cr, lx, ly + th / 2);
          cairo_line_to (cr, lx + sw, ly + th / 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          if (!is_target)
            {
              vertex_shape (cr, i, lx + sw / 2, ly + th / 2, 3.5 * unit);
              cairo_fill (cr);
            }
        }
      ems_chart_show_layout (cr, texts.legend[i], lx + sw + text.font_size * 0.4, ly, &style->foreground);
    }

  ems_radar_texts_clear (&texts);
  ems_chart_text_clear (&text);
  cairo_restore (cr);
}

/* Data ------------------------------------------------------------------- */

static void
fill_values (EmsChartValue   *values,
             guint            n,
             const EmsScores *scores)
{
  for (guint i = 0; i < n; i++)
    {
      values[i].has_value = i < scores->n_elements && scores->elements[i].has_score;
      values[i].value = values[i].has_value ? scores->elements[i].score : 0;
    }
}

EmsRadarData *
ems_radar_data_new_from_scores (EmsChecklist    *checklist,
                                const EmsScores *scores,
                                const char      *series_name)
{
  EmsRadarData *data;
  guint n;

  g_return_val_if_fail (EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (scores != NULL, NULL);

  n = MIN (scores->n_elements, EMS_RADAR_MAX_AXES);
  data = g_new0 (EmsRadarData, 1);
  data->n_axes = n;
  data->labels = g_new0 (char *, n + 1);
  data->short_labels = g_new0 (char *, n + 1);
  data->short_titles = g_new0 (char *, n + 1);
  data->red_flags = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, scores->elements[i].number);

      data->labels[i] = g_strdup (element ? element->title : "");
      data->short_titles[i] = g_strdup (element ? ems_element_get_short_title (element) : "");
      data->short_labels[i] = g_strdup_printf ("%u", scores->elements[i].number);
      data->red_flags[i] = scores->elements[i].red_flag;
    }

  data->has_target = TRUE;
  data->target = scores->target;

  /* Translators: legend of the radar's main series: this assessment's scores */
  ems_radar_data_add_series (data, series_name ? series_name : _("Score"), scores);

  return data;
}

gboolean
ems_radar_data_add_series (EmsRadarData    *data,
                           const char      *name,
                           const EmsScores *scores)
{
  EmsRadarSeries *series;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (scores != NULL, FALSE);

  if (data->n_series >= EMS_CHART_MAX_SERIES)
    return FALSE;

  series = &data->series[data->n_series++];
  series->name = g_strdup (name ? name : "");
  series->values = g_new0 (EmsChartValue, data->n_axes);
  fill_values (series->values, data->n_axes, scores);

  return TRUE;
}

void
ems_radar_data_free (EmsRadarData *data)
{
  if (data == NULL)
    return;

  g_strfreev (data->labels);
  g_strfreev (data->short_labels);
  g_strfreev (data->short_titles);
  g_free (data->red_flags);
  for (guint s = 0; s < data->n_series; s++)
    {
      g_free (data->series[s].name);
      g_free (data->series[s].values);
    }
  g_free (data);
}

char *
ems_radar_data_describe (const EmsRadarData *data)
{
  GString *str;

  g_return_val_if_fail (data != NULL, NULL);

  str = g_string_new (_("Radar chart of the element scores, in percent."));
  if (data->has_target)
    {
      g_autofree char *target = ems_format_percent (TRUE, data->target);

      g_string_append_c (str, ' ');
      /* Translators: accessible description of the radar; %s is a percentage */
      g_string_append_printf (str, _("Target: %s."), target);
    }

  for (guint s = 0; s < data->n_series; s++)
    {
      if (data->n_series > 1)
        g_string_append_printf (str, "\n%s:", data->series[s].name);
      for (guint i = 0; i < data->n_axes; i++)
        {
          const EmsChartValue *v = &data->series[s].values[i];
          g_autofree char *value = ems_radar_drawable (v) ? ems_format_percent (TRUE, v->value) : g_strdup (_("no score"));
          g_autofree char *label = NULL;

          if (data->short_labels)
            /* Translators: a radar axis label: element number, then title */
            label = g_strdup_printf (_("%s. %s"), data->short_labels[i], data->labels ? data->labels[i] : "");
          else
            label = g_strdup (data->labels ? data->labels[i] : "");

          g_string_append_c (str, '\n');
          /* Translators: one element in a chart's accessible description: label, then value */
          g_string_append_printf (str, _("%s: %s"), label, value);
          if (s == 0 && data->red_flags && data->red_flags[i])
            g_string_append_printf (str, " (%s)", ems_chart_critical_description ());
          g_string_append_c (str, ';');
        }
    }

  return g_string_free (str, FALSE);
}
