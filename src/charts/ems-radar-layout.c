/* ems-radar-layout.c: where the radar's plot, labels and legend go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every axis is labelled with its element's name: the title wrapped ever
 * narrower, then its short name, and its number alone only in a chart too
 * small for any name. Labels are shortened one at a time, only where
 * they touch another or hold the plot below its minimum size, so those
 * that fit keep their full titles. The one routine for the results page,
 * the reports, the workshop and presentation mode.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-radar-private.h"

/* Labels are shortened while the plot's radius is below this many ems
 * and this share of the chart's smaller side */
#define MIN_RADIUS_FACTOR 4.0
#define MIN_RADIUS_SHARE  0.27

void
ems_radar_texts_clear (EmsRadarTexts *texts)
{
  for (guint i = 0; i < G_N_ELEMENTS (texts->layouts); i++)
    g_clear_object (&texts->layouts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (texts->legend); i++)
    g_clear_object (&texts->legend[i]);
  for (guint i = 0; i < G_N_ELEMENTS (texts->rings); i++)
    g_clear_object (&texts->rings[i]);
}

static gboolean
has_flags (const EmsRadarData *data)
{
  if (data->red_flags == NULL)
    return FALSE;
  for (guint i = 0; i < data->n_axes; i++)
    if (data->red_flags[i])
      return TRUE;

  return FALSE;
}

static char *
label_text (const EmsRadarData *data,
            guint               i,
            EmsChartLabelKind   kind)
{
  const char *number = data->short_labels ? data->short_labels[i] : NULL;
  const char *title = data->labels ? data->labels[i] : NULL;
  gboolean no_score = data->n_series > 0 && !ems_radar_drawable (&data->series[0].values[i]);
  g_autofree char *base = NULL;

  if (kind == EMS_CHART_LABEL_SHORT && data->short_titles && data->short_titles[i])
    title = data->short_titles[i];

  if (kind == EMS_CHART_LABEL_NUMBER)
    base = g_strdup (number ? number : (title ? title : ""));
  else
    base = ems_chart_element_text (number, title);

  /* A short name stays on the line of its number: "10. Improvement",
   * never "10." above "Improvement" */
  if (kind == EMS_CHART_LABEL_SHORT && number != NULL && g_str_has_prefix (base, number))
    {
      const char *space = strchr (base + strlen (number), ' ');

      if (space != NULL && space - base <= (ptrdiff_t) strlen (number) + 1)
        {
          g_autofree char *head = g_strndup (base, space - base);
          char *joined = g_strconcat (head, "\u00a0", space + 1, NULL);

          g_free (base);
          base = joined;
        }
    }

  if (no_score && kind != EMS_CHART_LABEL_NUMBER)
    /* Translators: under an element's name on the radar when it has no score */
    return g_strdup_printf ("%s\n%s", base, _("(no score)"));
  if (no_score)
    return g_strdup_printf ("%s %s", base, "—");

  return g_steal_pointer (&base);
}

/* "25", "50", "75", "100 %" */
static PangoLayout *
ring_layout (EmsChartText *text,
             guint         k)
{
  g_autofree char *str = g_strdup_printf (k == EMS_RADAR_N_RINGS ? "%u %%" : "%u", k * 100 / EMS_RADAR_N_RINGS);

  return ems_chart_text_layout (text, str, 0.75, FALSE, -1, 0);
}

/* Lays the legend out in rows centred at the bottom; returns its height */
static double
layout_legend (EmsChartText       *text,
               const EmsRadarData *data,
               double              width,
               double              height,
               EmsRadarTexts      *texts,
               EmsChartRect       *rect)
{
  double fs = text->font_size;
  double swatch = 2.2 * fs;
  double gap = 1.2 * fs;
  double line_h = 0, row_w = 0, y, total_h;
  double widths[EMS_CHART_MAX_SERIES + 2];
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
  texts->legend_flag = has_flags (data);
  if (texts->legend_flag)
    texts->legend[n++] = ems_chart_text_layout (text, ems_chart_critical_legend (), 0.9, FALSE, -1, 0);
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

/* Where the label box of axis @i goes, for a box of @w × @h: its corner
 * offset from the point at (r + pad) on the axis */
static void
label_anchor (guint   i,
              guint   n,
              double  w,
              double  h,
              double *dx,
              double *dy)
{
  double a = ems_radar_axis_angle (i, n);
  double c = cos (a), s = sin (a);

  *dx = c > 0.2 ? 0 : (c < -0.2 ? -w : -w / 2);
  *dy = s > 0.2 ? 0 : (s < -0.2 ? -h : -h / 2);
}

/* The largest radius that keeps every label box inside the area, given
 * the box sizes; fills the boxes, and in @limits the radius each label
 * alone would allow. */
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
              EmsChartRect *boxes,
              double       *limits)
{
  double r = MIN (cx, cy) - margin;

  for (guint i = 0; i < n; i++)
    {
      double a = ems_radar_axis_angle (i, n);
      double c = cos (a), s = sin (a);
      double dx, dy;
      double ri = G_MAXDOUBLE;

      label_anchor (i, n, w[i], h[i], &dx, &dy);

      /* x = cx + (r + pad) c + dx must satisfy margin <= x, x + w <= area_w - margin */
      if (c > 1e-6)
        ri = MIN (ri, (area_w - margin - cx - dx - w[i]) / c - pad);
      else if (c < -1e-6)
        ri = MIN (ri, (margin - cx - dx) / c - pad);
      else if (cx + dx < margin || cx + dx + w[i] > area_w - margin)
        ri = MIN (ri, 0);

      if (s > 1e-6)
        ri = MIN (ri, (area_h - margin - cy - dy - h[i]) / s - pad);
      else if (s < -1e-6)
        ri = MIN (ri, (margin - cy - dy) / s - pad);
      else if (cy + dy < margin || cy + dy + h[i] > area_h - margin)
        ri = MIN (ri, 0);

      limits[i] = ri;
      r = MIN (r, ri);
    }

  r = MAX (r, 0);

  for (guint i = 0; i < n; i++)
    {
      double a = ems_radar_axis_angle (i, n);
      double dx, dy;

      label_anchor (i, n, w[i], h[i], &dx, &dy);
      boxes[i].x = cx + (r + pad) * cos (a) + dx;
      boxes[i].y = cy + (r + pad) * sin (a) + dy;
      boxes[i].width = w[i];
      boxes[i].height = h[i];
    }

  return r;
}

static gboolean
boxes_overlap (const EmsChartRect *a,
               const EmsChartRect *b,
               double              gap)
{
  EmsChartRect grown = *a;

  grown.x -= gap / 2;
  grown.y -= gap / 2;
  grown.width += gap;
  grown.height += gap;

  return ems_chart_rects_overlap (&grown, b);
}

static gboolean
labels_touch (guint               n,
              const EmsChartRect *boxes,
              double              gap)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (boxes_overlap (&boxes[i], &boxes[j], gap))
        return TRUE;

  return FALSE;
}

/* The ways to label an axis, tried in this order until the labels fit:
 * the title wrapped ever narrower (in ems; at most 3 lines), then the
 * short name, then the number */
typedef struct
{
  EmsChartLabelKind kind;
  double            wrap;
  double            scale;   /* of the font size */
} LabelStep;

static const LabelStep label_steps[] = {
  { EMS_CHART_LABEL_FULL, 15, 1.0 },
  { EMS_CHART_LABEL_FULL, 11, 1.0 },
  { EMS_CHART_LABEL_FULL, 8, 1.0 },
  { EMS_CHART_LABEL_SHORT, 11, 1.0 },
  { EMS_CHART_LABEL_SHORT, 6, 1.0 },
  { EMS_CHART_LABEL_SHORT, 5, 0.85 },
  { EMS_CHART_LABEL_SHORT, 5, 0.75 },
  { EMS_CHART_LABEL_NUMBER, 0, 1.0 },
};

#define MAX_FULL_LINES 3

/* Lays out axis @i's label at step @step; FALSE when the step does not
 * suit the label (a title over MAX_FULL_LINES lines) */
static gboolean
layout_label (EmsChartText       *text,
              const EmsRadarData *data,
              guint               i,
              guint               n,
              guint               step,
              double              width,
              EmsRadarTexts      *texts,
              double             *w,
              double             *h)
{
  const LabelStep *ls = &label_steps[step];
  double fs = text->font_size;
  gboolean flag = data->red_flags && data->red_flags[i];
  double flag_w = flag ? fs * 1.3 : 0;
  double wrap = MIN (ls->wrap * fs, width * 0.3);
  g_autofree char *str = label_text (data, i, ls->kind);
  PangoRectangle logical;
  double c = cos (ems_radar_axis_angle (i, n));

  g_clear_object (&texts->layouts[i]);
  texts->layouts[i] = ems_chart_text_layout (text, str, ls->scale, FALSE,
                                             ls->kind == EMS_CHART_LABEL_NUMBER ? -1 : MAX (wrap - flag_w, fs * 3),
                                             0);
  /* Between words only: a word longer than the width widens the box */
  pango_layout_set_wrap (texts->layouts[i], PANGO_WRAP_WORD);
  /* Aligned towards the chart within the wrap width; the text's own box
   * is the logical rectangle, drawn shifted by its x so the layout is
   * laid out once */
  pango_layout_set_alignment (texts->layouts[i],
                              c > 0.2 ? PANGO_ALIGN_LEFT : c < -0.2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  pango_layout_get_extents (texts->layouts[i], NULL, &logical);
  texts->offset_x[i] = (double) logical.x / PANGO_SCALE;
  texts->lines[i] = pango_layout_get_line_count (texts->layouts[i]);
  *w = ceil ((double) logical.width / PANGO_SCALE) + flag_w;
  *h = (double) logical.height / PANGO_SCALE;

  if (ls->kind == EMS_CHART_LABEL_FULL)
    {
      guint lines = texts->lines[i];
      gboolean no_score = data->n_series > 0 && !ems_radar_drawable (&data->series[0].values[i]);

      if (lines - (no_score ? 1 : 0) > MAX_FULL_LINES)
        return FALSE;
    }

  return TRUE;
}

/* Steps axis @i's label down to the next one that suits it; FALSE when it
 * is at the last step already */
static gboolean
shorten_label (EmsChartText       *text,
               const EmsRadarData *data,
               guint               i,
               guint               n,
               double              width,
               guint              *steps,
               EmsRadarTexts      *texts,
               double             *w,
               double             *h)
{
  while (steps[i] + 1 < G_N_ELEMENTS (label_steps))
    {
      steps[i]++;
      if (layout_label (text, data, i, n, steps[i], width, texts, &w[i], &h[i]))
        return TRUE;
    }

  return FALSE;
}

void
ems_radar_compute (EmsChartText       *text,
                   double              width,
                   double              height,
                   const EmsRadarData *data,
                   EmsRadarLayout     *out,
                   EmsRadarTexts      *texts)
{
  double fs = text->font_size;
  double margin = fs * 0.5;
  double pad = fs * 0.6;
  double gap = fs * 0.25;
  double legend_h, area_h, cx, cy, min_r, hard_r, r = 0;
  double w[EMS_RADAR_MAX_AXES] = { 0 }, h[EMS_RADAR_MAX_AXES] = { 0 }, limits[EMS_RADAR_MAX_AXES];
  guint steps[EMS_RADAR_MAX_AXES];
  guint n = MIN (data->n_axes, EMS_RADAR_MAX_AXES);

  memset (out, 0, sizeof *out);
  out->n_axes = n;

  legend_h = layout_legend (text, data, width, height, texts, &out->legend);
  area_h = height - legend_h - (legend_h > 0 ? fs * 0.5 : 0);
  cx = width / 2;
  cy = area_h / 2;
  out->cx = cx;
  out->cy = cy;
  /* Full labels only while they leave the plot a fair share of the area */
  min_r = MAX (MIN_RADIUS_FACTOR * fs, MIN_RADIUS_SHARE * MIN (width, area_h));
  /* Below this, numbers rather than names */
  hard_r = MAX (3 * fs, 0.15 * MIN (width, area_h));

  for (guint i = 0; i < n; i++)
    {
      steps[i] = 0;
      if (!layout_label (text, data, i, n, 0, width, texts, &w[i], &h[i]))
        shorten_label (text, data, i, n, width, steps, texts, w, h);
    }

  /* Each round shortens one label until the labels fit or none can be
   * shortened further: among the labels that touch another or, when none
   * does, that hold the plot below its minimum, the least shortened one
   * (the tightest or largest of those). So labels are shortened evenly,
   * only where needed, and those that fit keep their full titles. */
  for (guint round = 0; round < n * G_N_ELEMENTS (label_steps); round++)
    {
      gboolean candidates[EMS_RADAR_MAX_AXES];
      gboolean overlaps[EMS_RADAR_MAX_AXES] = { FALSE };
      gboolean overlap = FALSE, changed = FALSE;

      r = place_labels (n, w, h, width, area_h, margin, pad, cx, cy, out->labels, limits);

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          if (boxes_overlap (&out->labels[i], &out->labels[j], gap))
            overlap = overlaps[i] = overlaps[j] = TRUE;

      /* Pass 0: the touching labels, to a shorter name; pass 1: the labels
       * that hold the plot small, to a shorter name (touching labels part
       * as the plot grows); pass 2: to a number, when names cannot fit */
      if (!overlap && r >= min_r)
        break;
      for (guint pass = 0; pass < 3 && !changed; pass++)
        {
          gboolean numbers = pass == 2;

          if (pass == 0 && !overlap)
            continue;
          if (pass == 2 && !overlap && r >= hard_r)
            break;
          for (guint i = 0; i < n; i++)
            candidates[i] = pass == 1 || (pass == 2 && !overlap) ? limits[i] < MAX (min_r, r + 0.5)
                                                                 : overlaps[i];

          while (!changed)
            {
              guint best = G_MAXUINT;

              for (guint i = 0; i < n; i++)
                {
                  if (!candidates[i] || steps[i] + 1 >= G_N_ELEMENTS (label_steps))
                    continue;
                  if (!numbers && label_steps[steps[i] + 1].kind == EMS_CHART_LABEL_NUMBER)
                    continue;
                  if (best == G_MAXUINT || steps[i] < steps[best] ||
                      (steps[i] == steps[best] &&
                       (pass == 1 ? limits[i] < limits[best] : w[i] * h[i] > w[best] * h[best])))
                    best = i;
                }
              if (best == G_MAXUINT)
                break;
              candidates[best] = FALSE;
              changed = shorten_label (text, data, best, n, width, steps, texts, w, h);
            }
        }

      if (!changed)
        break;
    }

  /* Short names in one size: the smallest one any of them needed */
  {
    guint smallest = 0;
    guint saved[EMS_RADAR_MAX_AXES];

    for (guint i = 0; i < n; i++)
      if (label_steps[steps[i]].kind == EMS_CHART_LABEL_SHORT && steps[i] > smallest)
        smallest = steps[i];
    memcpy (saved, steps, sizeof saved);
    for (guint i = 0; i < n; i++)
      if (label_steps[steps[i]].kind == EMS_CHART_LABEL_SHORT &&
          label_steps[steps[i]].scale > label_steps[smallest].scale)
        {
          steps[i] = smallest;
          layout_label (text, data, i, n, steps[i], width, texts, &w[i], &h[i]);
        }
    r = place_labels (n, w, h, width, area_h, margin, pad, cx, cy, out->labels, limits);
    if (labels_touch (n, out->labels, gap))
      for (guint i = 0; i < n; i++)
        if (steps[i] != saved[i])
          {
            steps[i] = saved[i];
            layout_label (text, data, i, n, steps[i], width, texts, &w[i], &h[i]);
          }
  }

  /* Still touching: numbers only, as small a chart allows */
  r = place_labels (n, w, h, width, area_h, margin, pad, cx, cy, out->labels, limits);
  if (labels_touch (n, out->labels, gap))
    for (guint i = 0; i < n; i++)
      if (steps[i] + 1 < G_N_ELEMENTS (label_steps))
        {
          steps[i] = G_N_ELEMENTS (label_steps) - 1;
          layout_label (text, data, i, n, steps[i], width, texts, &w[i], &h[i]);
        }

  r = place_labels (n, w, h, width, area_h, margin, pad, cx, cy, out->labels, limits);
  out->radius = r;
  for (guint i = 0; i < n; i++)
    {
      out->label_kinds[i] = label_steps[steps[i]].kind;
      out->label_lines[i] = texts->lines[i];
      out->short_labels = out->short_labels || out->label_kinds[i] != EMS_CHART_LABEL_FULL;
    }

  /* Scale numbers along the first spoke, right of it, unless the chart is
   * too small for them or a label is in their way */
  if (r > 5 * fs)
    for (guint k = 1; k <= EMS_RADAR_N_RINGS; k++)
      {
        double unit = fs / 12.0;
        EmsChartRect *ring = &out->rings[k - 1];
        double tw, th;

        g_clear_object (&texts->rings[k - 1]);
        texts->rings[k - 1] = ring_layout (text, k);
        ems_chart_layout_size (texts->rings[k - 1], &tw, &th);
        *ring = (EmsChartRect) { cx + 3 * unit, cy - r * k / EMS_RADAR_N_RINGS + 1 * unit, tw, th };
        for (guint i = 0; i < n; i++)
          if (boxes_overlap (ring, &out->labels[i], gap))
            {
              ring->width = 0;
              break;
            }
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
  EmsRadarTexts texts = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (layout != NULL);

  ems_chart_text_init (&text, cr, style);
  ems_radar_compute (&text, width, height, data, layout, &texts);
  ems_radar_texts_clear (&texts);
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

  a = ems_radar_axis_angle (axis % layout->n_axes, layout->n_axes);
  f = CLAMP (value, 0, 100) / 100;
  if (x)
    *x = layout->cx + layout->radius * f * cos (a);
  if (y)
    *y = layout->cy + layout->radius * f * sin (a);
}
