/* ems-radar.c: the radar chart of the element scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Axis i points at angle -90° + i × 360° / n (the first up, clockwise).
 * A value v lies at v / 100 × radius from the centre; a null value has no
 * vertex, and the outline is broken on both sides of it.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-charts-private.h"

/* Below this the labels are abbreviated to the element numbers */
#define MIN_RADIUS_FACTOR 5.0

static double
axis_angle (guint i,
            guint n)
{
  return -G_PI / 2 + 2 * G_PI * i / n;
}

/* A value to draw: has one, and a finite one (a NaN is no value) */
static inline gboolean
drawable (const EmsChartValue *v)
{
  return v->has_value && isfinite (v->value);
}

static char *
label_text (const EmsRadarData *data,
            guint               i,
            gboolean            short_label)
{
  const char *title = data->labels ? data->labels[i] : NULL;
  const char *number = data->short_labels ? data->short_labels[i] : NULL;
  gboolean no_score = data->n_series > 0 && !drawable (&data->series[0].values[i]);
  g_autofree char *base = NULL;

  if (short_label)
    base = g_strdup (number ? number : (title ? title : ""));
  else if (number != NULL)
    /* Translators: a radar axis label: element number, then title */
    base = g_strdup_printf (_("%s. %s"), number, title ? title : "");
  else
    base = g_strdup (title ? title : "");

  if (no_score && !short_label)
    /* Translators: under an element's name on the radar when it has no score */
    return g_strdup_printf ("%s\n%s", base, _("(no score)"));
  if (no_score)
    return g_strdup_printf ("%s %s", base, "—");

  return g_steal_pointer (&base);
}

typedef struct
{
  PangoLayout *layouts[EMS_RADAR_MAX_AXES];
  double       offset_x[EMS_RADAR_MAX_AXES];
  PangoLayout *legend[EMS_CHART_MAX_SERIES + 1];
  guint        n_legend;
  double       legend_x[EMS_CHART_MAX_SERIES + 1];
  double       legend_y[EMS_CHART_MAX_SERIES + 1];
  double       swatch;
} RadarTexts;

static void
radar_texts_clear (RadarTexts *texts)
{
  for (guint i = 0; i < G_N_ELEMENTS (texts->layouts); i++)
    g_clear_object (&texts->layouts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (texts->legend); i++)
    g_clear_object (&texts->legend[i]);
}

/* Lays the legend out in rows centred at the bottom; returns its height */
static double
layout_legend (EmsChartText       *text,
               const EmsRadarData *data,
               double              width,
               double              height,
               RadarTexts         *texts,
               EmsChartRect       *rect)
{
  double fs = text->font_size;
  double swatch = 2.2 * fs;
  double gap = 1.2 * fs;
  double line_h = 0, row_w = 0, y, total_h;
  double widths[EMS_CHART_MAX_SERIES + 1];
  guint row_start = 0, n = 0;

  for (guint s = 0; s < data->n_series; s++)
    texts->legend[n++] = ems_chart_text_layout (text, data->series[s].name, 0.9, FALSE, -1, 0);
  if (data->has_target)
    {
      g_autofree char *num = ems_chart_format_number (data->target);
      /* Translators: radar legend for the target ring; %s is a percentage number */
      g_autofree char *str = g_strdup_printf (_("Target (%s %%)"), num);
      texts->legend[n++] = ems_chart_text_layout (text, str, 0.9, FALSE, -1, 0);
    }
  texts->n_legend = n;
  texts->swatch = swatch;

  if (n == 0)
    {
      *rect = (EmsChartRect) { 0, height, 0, 0 };
      return 0;
    }

  for (guint i = 0; i < n; i++)
    {
      double h;

      ems_chart_layout_size (texts->legend[i], &widths[i], &h);
      widths[i] = MIN (widths[i], width - swatch - fs * 0.5);
      pango_layout_set_width (texts->legend[i], (int) (widths[i] * PANGO_SCALE));
      pango_layout_set_ellipsize (texts->legend[i], PANGO_ELLIPSIZE_END);
      line_h = MAX (line_h, h);
    }

  /* Rows: first measure how many rows, then place them from the bottom */
  {
    guint n_rows = 1;

    row_w = 0;
    for (guint i = 0; i < n; i++)
      {
        double item = swatch + fs * 0.4 + widths[i];

        if (row_w > 0 && row_w + gap + item > width)
          {
            n_rows++;
            row_w = 0;
          }
        row_w += (row_w > 0 ? gap : 0) + item;
      }
    total_h = n_rows * line_h * 1.25;
  }

  y = height - total_h;
  *rect = (EmsChartRect) { 0, y, width, total_h };

  row_w = 0;
  for (guint i = 0; i <= n; i++)
    {
      double item = i < n ? swatch + fs * 0.4 + widths[i] : 0;

      if (i == n || (row_w > 0 && row_w + gap + item > width))
        {
          /* Centre the finished row [row_start, i) */
          double x = (width - row_w) / 2;

          for (guint j = row_start; j < i; j++)
            {
              texts->legend_x[j] = x;
              texts->legend_y[j] = y;
              x += swatch + fs * 0.4 + widths[j] + gap;
            }
          y += line_h * 1.25;
          row_start = i;
          row_w = 0;
          if (i == n)
            break;
        }
      row_w += (row_w > 0 ? gap : 0) + item;
    }

  return total_h;
}

/* The largest radius that keeps every label box inside the area, given
 * the box sizes; fills the boxes. */
static double
place_labels (guint         n,
              const double *w,
              const double *h,
              double        area_w,
              double        area_h,
              double        margin,
              double        pad,
              double        cx,
              double        cy,
              EmsChartRect *boxes)
{
  double r = MIN (cx, cy) - margin;

  for (guint i = 0; i < n; i++)
    {
      double a = axis_angle (i, n);
      double c = cos (a), s = sin (a);
      double dx = c > 0.2 ? 0 : (c < -0.2 ? -w[i] : -w[i] / 2);
      double dy = s > 0.2 ? 0 : (s < -0.2 ? -h[i] : -h[i] / 2);

      /* x = cx + (r + pad) c + dx must satisfy margin <= x, x + w <= area_w - margin */
      if (c > 1e-6)
        r = MIN (r, (area_w - margin - cx - dx - w[i]) / c - pad);
      else if (c < -1e-6)
        r = MIN (r, (margin - cx - dx) / c - pad);
      else if (cx + dx < margin || cx + dx + w[i] > area_w - margin)
        r = MIN (r, 0);

      if (s > 1e-6)
        r = MIN (r, (area_h - margin - cy - dy - h[i]) / s - pad);
      else if (s < -1e-6)
        r = MIN (r, (margin - cy - dy) / s - pad);
      else if (cy + dy < margin || cy + dy + h[i] > area_h - margin)
        r = MIN (r, 0);
    }

  r = MAX (r, 0);

  for (guint i = 0; i < n; i++)
    {
      double a = axis_angle (i, n);
      double c = cos (a), s = sin (a);
      double dx = c > 0.2 ? 0 : (c < -0.2 ? -w[i] : -w[i] / 2);
      double dy = s > 0.2 ? 0 : (s < -0.2 ? -h[i] : -h[i] / 2);

      boxes[i].x = cx + (r + pad) * c + dx;
      boxes[i].y = cy + (r + pad) * s + dy;
      boxes[i].width = w[i];
      boxes[i].height = h[i];
    }

  return r;
}

static gboolean
labels_overlap (guint               n,
                const EmsChartRect *boxes,
                double              gap)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        EmsChartRect a = boxes[i];

        a.x -= gap / 2;
        a.y -= gap / 2;
        a.width += gap;
        a.height += gap;
        if (ems_chart_rects_overlap (&a, &boxes[j]))
          return TRUE;
      }

  return FALSE;
}

static void
radar_compute (EmsChartText       *text,
               double              width,
               double              height,
               const EmsRadarData *data,
               EmsRadarLayout     *out,
               RadarTexts         *texts)
{
  double fs = text->font_size;
  double margin = fs * 0.5;
  double pad = fs * 0.6;
  double legend_h, area_h, cx, cy;
  guint n = MIN (data->n_axes, EMS_RADAR_MAX_AXES);
  /* Attempts: wrap widths in ems, then numbers only */
  static const double wraps[] = { 15, 11, 8, 0 };

  memset (out, 0, sizeof *out);
  out->n_axes = n;

  legend_h = layout_legend (text, data, width, height, texts, &out->legend);
  area_h = height - legend_h - (legend_h > 0 ? fs * 0.5 : 0);
  cx = width / 2;
  cy = area_h / 2;
  out->cx = cx;
  out->cy = cy;

  for (guint attempt = 0; attempt < G_N_ELEMENTS (wraps); attempt++)
    {
      gboolean short_labels = wraps[attempt] == 0;
      double wrap = MIN (wraps[attempt] * fs, width * 0.28);
      double w[EMS_RADAR_MAX_AXES], h[EMS_RADAR_MAX_AXES];
      double r;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *str = label_text (data, i, short_labels);
          gboolean flag = data->red_flags && data->red_flags[i];
          double flag_w = flag ? fs * 1.3 : 0;

          g_clear_object (&texts->layouts[i]);
          texts->layouts[i] = ems_chart_text_layout (text, str, 1.0, FALSE,
                                                     short_labels ? -1 : MAX (wrap - flag_w, fs * 3), 0);
          /* Aligned towards the chart within the wrap width; the text's
           * own box is the logical rectangle, drawn shifted by its x so
           * the layout is laid out once */
          pango_layout_set_alignment (texts->layouts[i],
                                      cos (axis_angle (i, n)) > 0.2 ? PANGO_ALIGN_LEFT :
                                      cos (axis_angle (i, n)) < -0.2 ? PANGO_ALIGN_RIGHT :
                                      PANGO_ALIGN_CENTER);
          {
            PangoRectangle logical;

            pango_layout_get_extents (texts->layouts[i], NULL, &logical);
            texts->offset_x[i] = (double) logical.x / PANGO_SCALE;
            w[i] = ceil ((double) logical.width / PANGO_SCALE);
            h[i] = (double) logical.height / PANGO_SCALE;
          }
          w[i] += flag_w;
        }

      r = place_labels (n, w, h, width, area_h, margin, pad, cx, cy, out->labels);
      out->radius = r;
      out->short_labels = short_labels;

      /* Full labels only while they leave the plot a fair share of the
       * area; below that, numbers and a readable plot */
      if (!labels_overlap (n, out->labels, fs * 0.25) &&
          (short_labels || r >= MAX (MIN_RADIUS_FACTOR * fs, 0.22 * MIN (width, area_h))))
        break;
    }
}

void
ems_radar_layout (cairo_t             *cr,
                  double               width,
                  double               height,
                  const EmsRadarData  *data,
                  const EmsChartStyle *style,
                  EmsRadarLayout      *layout)
{
  EmsChartText text;
  RadarTexts texts = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (layout != NULL);

  ems_chart_text_init (&text, cr, style);
  radar_compute (&text, width, height, data, layout, &texts);
  radar_texts_clear (&texts);
  ems_chart_text_clear (&text);
}

void
ems_radar_layout_get_point (const EmsRadarLayout *layout,
                            guint                 axis,
                            double                value,
                            double               *x,
                            double               *y)
{
  double a, f;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (layout->n_axes > 0);

  a = axis_angle (axis % layout->n_axes, layout->n_axes);
  f = CLAMP (value, 0, 100) / 100;
  if (x)
    *x = layout->cx + layout->radius * f * cos (a);
  if (y)
    *y = layout->cy + layout->radius * f * sin (a);
}

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
      double a = axis_angle (i, n);

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
  RadarTexts texts = { 0 };
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
  radar_compute (&text, width, height, data, &lay, &texts);
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
      double a = axis_angle (i, n);

      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Scale numbers along the first spoke, right of it */
  if (r > 8 * text.font_size)
    for (guint k = 1; k <= 4; k++)
      {
        g_autofree char *str = g_strdup_printf (k == 4 ? "%u %%" : "%u", k * 25);
        g_autoptr(PangoLayout) layout = ems_chart_text_layout (&text, str, 0.75, FALSE, -1, 0);
        double tw, th;

        ems_chart_layout_size (layout, &tw, &th);
        ems_chart_show_layout (cr, layout, cx + 3 * unit, cy - r * k / 4 + 1 * unit, &style->muted);
      }

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
          double a = axis_angle (i, n);
          double f = drawable (&v[i]) ? CLAMP (v[i].value, 0, 100) / 100 : 0;

          xs[i] = cx + r * f * cos (a);
          ys[i] = cy + r * f * sin (a);
          complete = complete && drawable (&v[i]);
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

            if (drawable (&v[i]) && drawable (&v[j]))
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
        if (drawable (&v[i]))
          vertex_shape (cr, s, xs[i], ys[i], (s == 0 ? 4.0 : 3.5) * unit);
      cairo_fill (cr);
    }

  /* Labels, with the red-flag marker before the text */
  for (guint i = 0; i < n; i++)
    {
      const EmsChartRect *box = &lay.labels[i];
      gboolean flag = data->red_flags && data->red_flags[i];
      gboolean no_score = data->n_series > 0 && !drawable (&data->series[0].values[i]);
      double x = box->x;

      if (flag)
        {
          ems_chart_draw_flag (cr, x, box->y + (MIN (box->height, text.font_size * 1.4) - text.font_size) / 2,
                               text.font_size, style);
          x += text.font_size * 1.3;
        }
      ems_chart_show_layout (cr, texts.layouts[i], x - texts.offset_x[i], box->y,
                             no_score ? &style->muted : &style->foreground);
    }

  /* Legend */
  for (guint i = 0; i < texts.n_legend; i++)
    {
      double lx = texts.legend_x[i], ly = texts.legend_y[i];
      double th, sw = texts.swatch;
      gboolean is_target = i >= data->n_series;

      ems_chart_layout_size (texts.legend[i], NULL, &th);
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
      ems_chart_show_layout (cr, texts.legend[i], lx + sw + text.font_size * 0.4, ly, &style->foreground);
    }

  radar_texts_clear (&texts);
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
  data->red_flags = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, scores->elements[i].number);

      data->labels[i] = g_strdup (element ? element->title : "");
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
          g_autofree char *value = drawable (v) ? ems_format_percent (TRUE, v->value) : g_strdup (_("no score"));
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
            g_string_append_printf (str, " (%s)", _("red flag: a critical question is answered 0"));
          g_string_append_c (str, ';');
        }
    }

  return g_string_free (str, FALSE);
}
