/* ems-gap-bars.c: horizontal bars of each element's gap to the target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per element in the data's order: the red-flag marker, the
 * element's label, then a bar whose length is gap / target of the scale,
 * coloured by the score's band, hatched for red and amber, followed by the
 * gap and the band word. An element with no score gets "No score" and no
 * bar. The scale with its ticks runs along the bottom.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-charts-private.h"

typedef struct
{
  double        fs;
  double        row_h;
  double        bar_h;
  double        top;
  double        flag_x;
  double        label_x;
  double        label_w;     /* the labels' column */
  double        wrap_w;      /* the width they wrap at */
  EmsChartRect  scale;       /* x, width: the 0..target scale; y, height: rows */
  double        axis_y;
  int           max_lines;
  double        text_scale;  /* below 1 when rows are shorter than a line */
  gboolean      show_text;   /* FALSE when text would be too small to read */
  gboolean      has_legend;
  EmsChartRect  legend;      /* the critical mark and its words */
  double        line_h;
  gboolean      stacked;     /* narrow: each label on a line above its bar */
} GapGeometry;

static char *
value_text (const EmsGapBar *bar)
{
  g_autofree char *gap = NULL;

  if (!bar->has_score)
    /* Translators: gap chart: the element has no answered question */
    return g_strdup (_("No score"));

  if (bar->gap <= 0)
    /* Translators: gap chart: the score reaches the target; %s is the band word (Red, Amber, Green) */
    return g_strdup_printf (_("Target met · %s"), ems_band_to_label (bar->band));

  gap = ems_chart_format_number (bar->gap);
  /* Translators: gap chart: points below target, then the band word, e.g. "32.5 pts · Red" */
  return g_strdup_printf (_("%s pts · %s"), gap, ems_band_to_label (bar->band));
}

static char *
bar_label_text (const EmsGapBar   *bar,
                EmsChartLabelKind  kind)
{
  g_autofree char *number = g_strdup_printf ("%u", bar->number);

  if (kind == EMS_CHART_LABEL_SHORT && bar->short_label != NULL && *bar->short_label != '\0')
    return ems_chart_element_text (number, bar->short_label);

  return ems_chart_element_text (number, bar->label);
}

/* A row's label in @wrap_w and @max_lines: the title, wrapped between words;
 * the short name where the title needs more lines; the short name
 * ellipsized only where even that does not fit */
static PangoLayout *
row_label_layout (EmsChartText      *text,
                  const EmsGapBar   *bar,
                  double             scale,
                  double             wrap_w,
                  int                max_lines,
                  EmsChartLabelKind *kind)
{
  for (EmsChartLabelKind k = EMS_CHART_LABEL_FULL; k <= EMS_CHART_LABEL_SHORT; k++)
    {
      g_autofree char *str = bar_label_text (bar, k);
      PangoLayout *layout = ems_chart_text_layout (text, str, scale, FALSE, wrap_w, 0);
      PangoRectangle logical;

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_extents (layout, NULL, &logical);
      if (pango_layout_get_line_count (layout) <= max_lines &&
          logical.x + logical.width <= (wrap_w + 0.5) * PANGO_SCALE)
        {
          *kind = k;
          return layout;
        }
      g_object_unref (layout);
    }

  /* Too long even short: ellipsized, breaking inside words if need be */
  {
    g_autofree char *str = bar_label_text (bar, EMS_CHART_LABEL_SHORT);

    *kind = EMS_CHART_LABEL_SHORT;
    return ems_chart_text_layout (text, str, scale, FALSE, wrap_w, max_lines);
  }
}

static gboolean
any_flag (const EmsGapBarsData *data)
{
  for (guint i = 0; i < data->n_bars; i++)
    if (data->bars[i].red_flag)
      return TRUE;

  return FALSE;
}

static void
gap_geometry (EmsChartText         *text,
              double                width,
              double                height,
              const EmsGapBarsData *data,
              GapGeometry          *g)
{
  double fs = text->font_size;
  double label_max = 0, value_max = 0, line_h = fs * 1.3;
  double axis_h, min_scale, cap, used = 0;

  memset (g, 0, sizeof *g);
  g->fs = fs;

  for (guint i = 0; i < data->n_bars; i++)
    {
      g_autofree char *label = bar_label_text (&data->bars[i], EMS_CHART_LABEL_FULL);
      g_autofree char *value = value_text (&data->bars[i]);
      g_autoptr(PangoLayout) l1 = ems_chart_text_layout (text, label, 1.0, FALSE, -1, 0);
      g_autoptr(PangoLayout) l2 = ems_chart_text_layout (text, value, 0.9, TRUE, -1, 0);
      double w, h;

      ems_chart_layout_size (l1, &w, &h);
      label_max = MAX (label_max, w);
      line_h = h;
      ems_chart_layout_size (l2, &w, NULL);
      value_max = MAX (value_max, w);
    }
  g->line_h = line_h;

  axis_h = line_h * 2.2;
  g->has_legend = any_flag (data);
  if (g->has_legend)
    axis_h += line_h * 1.2;
  g->top = fs * 0.25;
  g->row_h = data->n_bars > 0 ? MAX (0, height - g->top - axis_h) / data->n_bars : 0;
  /* Rows shorter than a line: smaller text, or none, rather than overlap */
  g->text_scale = CLAMP (g->row_h / (line_h * 1.05), 0, 1);
  g->show_text = g->text_scale >= 0.6;
  g->max_lines = CLAMP ((int) floor (g->row_h * 0.95 / (line_h * g->text_scale + 0.01)), 1, 3);
  g->bar_h = MIN (g->row_h * 0.62, fs * 1.8);

  g->flag_x = fs * 0.25;
  g->label_x = g->flag_x + fs * 1.4;

  /* Labels take what they need on one line, up to what leaves the bars a
   * fair share (three tenths of the width, six ems at least) and at most
   * half the width; past that they wrap, and take the short name where
   * the title needs more lines than a row has */
  min_scale = MAX (width * 0.3, fs * 6);
  cap = width - g->label_x - fs * 0.8 - min_scale - value_max * g->text_scale - fs * 1.0;
  cap = MAX (MIN (cap, width * 0.5), fs * 4);
  g->wrap_w = MIN (label_max * g->text_scale + 1, cap);
  for (guint i = 0; i < data->n_bars; i++)
    {
      EmsChartLabelKind kind;
      g_autoptr(PangoLayout) layout = row_label_layout (text, &data->bars[i], g->text_scale,
                                                        g->wrap_w, g->max_lines, &kind);
      double w;

      ems_chart_layout_size (layout, &w, NULL);
      used = MAX (used, MIN (w, g->wrap_w));
    }
  g->label_w = data->n_bars > 0 ? ceil (used) : 0;

  /* Too narrow for the labels beside the bars, even short: each label on
   * its own line, across the chart, above its bar, when rows are tall
   * enough for a line and a bar */
  if (g->show_text && g->row_h >= line_h * 1.45)
    {
      gboolean cut = FALSE;

      for (guint i = 0; i < data->n_bars && !cut; i++)
        {
          EmsChartLabelKind kind;
          g_autoptr(PangoLayout) layout = row_label_layout (text, &data->bars[i], g->text_scale,
                                                            g->wrap_w, g->max_lines, &kind);

          cut = pango_layout_is_ellipsized (layout);
        }
      if (cut)
        {
          g->stacked = TRUE;
          g->max_lines = 1;
          g->wrap_w = MAX (width - g->label_x - fs * 0.25, fs * 4);
          g->label_w = g->wrap_w;
          g->bar_h = MIN (g->row_h - line_h * g->text_scale - fs * 0.35, fs * 1.2);
        }
    }

  g->scale.x = g->stacked ? g->label_x : g->label_x + g->label_w + fs * 0.8;
  g->scale.width = MAX (0, width - g->scale.x - value_max * g->text_scale - fs * 1.0);
  g->scale.y = g->top;
  g->scale.height = g->row_h * data->n_bars;
  g->axis_y = g->scale.y + g->scale.height;

  if (g->has_legend)
    {
      g_autoptr(PangoLayout) layout = ems_chart_text_layout (text, ems_chart_critical_legend (), 0.85, FALSE,
                                                             MAX (width - g->label_x, fs * 4), 1);
      double lw, lh;

      ems_chart_layout_size (layout, &lw, &lh);
      g->legend = (EmsChartRect) { g->flag_x, height - lh, g->label_x - g->flag_x + lw, lh };
    }
}

static double
fs_gap (const GapGeometry *g)
{
  return g->fs * 0.15;
}

/* The top of row @i's label, @th high */
static double
label_top (const GapGeometry *g,
           guint              i,
           double             th)
{
  if (g->stacked)
    return g->top + g->row_h * i;

  return g->top + g->row_h * i + g->row_h / 2 - th / 2;
}

static void
bar_rect (const GapGeometry    *g,
          const EmsGapBarsData *data,
          guint                 i,
          EmsChartRect         *rect)
{
  const EmsGapBar *bar = &data->bars[i];
  double f = 0;

  if (bar->has_score && data->target > 0 && isfinite (bar->gap) && isfinite (data->target))
    f = CLAMP (bar->gap / data->target, 0, 1);

  rect->x = g->scale.x;
  if (g->stacked)
    /* Under the label's line */
    rect->y = g->top + g->row_h * i + g->line_h * g->text_scale + fs_gap (g);
  else
    rect->y = g->top + g->row_h * i + (g->row_h - g->bar_h) / 2;
  rect->width = g->scale.width * f;
  rect->height = g->bar_h;
}

gboolean
ems_gap_bars_get_bar_rect (cairo_t              *cr,
                           double                width,
                           double                height,
                           const EmsGapBarsData *data,
                           const EmsChartStyle  *style,
                           guint                 index,
                           EmsChartRect         *bar,
                           EmsChartRect         *scale)
{
  EmsChartText text;
  GapGeometry g;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  if (index >= data->n_bars)
    return FALSE;

  ems_chart_text_init (&text, cr, style);
  gap_geometry (&text, width, height, data, &g);
  ems_chart_text_clear (&text);

  if (bar)
    bar_rect (&g, data, index, bar);
  if (scale)
    *scale = g.scale;

  return TRUE;
}

gboolean
ems_gap_bars_get_label (cairo_t              *cr,
                        double                width,
                        double                height,
                        const EmsGapBarsData *data,
                        const EmsChartStyle  *style,
                        guint                 index,
                        EmsGapBarLabel       *label)
{
  EmsChartText text;
  GapGeometry g;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (index >= data->n_bars)
    return FALSE;

  ems_chart_text_init (&text, cr, style);
  gap_geometry (&text, width, height, data, &g);
  layout = row_label_layout (&text, &data->bars[index], g.text_scale, g.wrap_w, g.max_lines, &label->kind);
  ems_chart_layout_size (layout, &w, &h);
  label->rect = (EmsChartRect) { g.label_x, label_top (&g, index, h), w, h };
  label->lines = pango_layout_get_line_count (layout);
  label->ellipsized = pango_layout_is_ellipsized (layout);
  ems_chart_text_clear (&text);

  return TRUE;
}

gboolean
ems_gap_bars_get_legend_rect (cairo_t              *cr,
                              double                width,
                              double                height,
                              const EmsGapBarsData *data,
                              const EmsChartStyle  *style,
                              EmsChartRect         *rect)
{
  EmsChartText text;
  GapGeometry g;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  ems_chart_text_init (&text, cr, style);
  gap_geometry (&text, width, height, data, &g);
  ems_chart_text_clear (&text);
  if (rect != NULL)
    *rect = g.legend;

  return g.has_legend;
}

/* A vertical line at @x down to @bottom: through the rows, or where the
 * labels sit above the bars, through the bars' bands only */
static void
stroke_column (cairo_t              *cr,
               const GapGeometry    *g,
               const EmsGapBarsData *data,
               double                x,
               double                bottom)
{
  if (!g->stacked)
    {
      cairo_move_to (cr, x, g->scale.y);
      cairo_line_to (cr, x, bottom);
      return;
    }

  for (guint i = 0; i < data->n_bars; i++)
    {
      EmsChartRect r;

      bar_rect (g, data, i, &r);
      cairo_move_to (cr, x, r.y - g->fs * 0.1);
      cairo_line_to (cr, x, i + 1 == data->n_bars ? bottom : r.y + r.height + g->fs * 0.1);
    }
}

void
ems_gap_bars_draw (cairo_t              *cr,
                   double                width,
                   double                height,
                   const EmsGapBarsData *data,
                   const EmsChartStyle  *style)
{
  EmsChartText text;
  GapGeometry g;
  double unit, fs;
  double ticks[8];
  guint n_ticks = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  ems_chart_paint_background (cr, width, height, style);
  ems_chart_text_init (&text, cr, style);
  gap_geometry (&text, width, height, data, &g);
  fs = g.fs;
  unit = fs / 12.0;

  /* Gridlines every 25 points up to the target, and the target itself */
  if (data->target > 0 && isfinite (data->target))
    {
      for (double t = 0; t < data->target - 1e-6 && n_ticks < G_N_ELEMENTS (ticks) - 1; t += 25)
        ticks[n_ticks++] = t;
      ticks[n_ticks++] = data->target;
    }

  cairo_set_line_width (cr, 1.0 * unit);
  ems_chart_set_color (cr, &style->grid);
  for (guint k = 0; k < n_ticks; k++)
    {
      double x = round (g.scale.x + g.scale.width * ticks[k] / data->target) + 0.5;

      stroke_column (cr, &g, data, x, g.axis_y + fs * 0.3);
    }
  cairo_stroke (cr);

  /* Tick labels, skipping those that would collide */
  {
    double last_end = -G_MAXDOUBLE;

    for (guint k = 0; k < n_ticks; k++)
      {
        g_autofree char *str = g_strdup_printf ("%.0f", ticks[k]);
        g_autoptr(PangoLayout) layout = ems_chart_text_layout (&text, str, 0.8, FALSE, -1, 0);
        double x = g.scale.x + g.scale.width * ticks[k] / data->target;
        double tw;

        ems_chart_layout_size (layout, &tw, NULL);
        x -= tw / 2;
        if (k == n_ticks - 1 && x < last_end + fs * 0.3 && k > 0)
          continue;
        if (x < last_end + fs * 0.3)
          continue;
        ems_chart_show_layout (cr, layout, x, g.axis_y + fs * 0.35, &style->muted);
        last_end = x + tw;
      }
  }

  /* The critical mark's legend, under the caption */
  if (g.has_legend)
    {
      g_autoptr(PangoLayout) layout = ems_chart_text_layout (&text, ems_chart_critical_legend (), 0.85, FALSE,
                                                             MAX (width - g.label_x, fs * 4), 1);
      double size = MIN (fs * 1.1, g.legend.height);

      ems_chart_draw_flag (cr, g.flag_x, g.legend.y + (g.legend.height - size) / 2, size, style);
      ems_chart_show_layout (cr, layout, g.label_x, g.legend.y, &style->foreground);
    }

  /* Axis caption */
  {
    g_autofree char *num = ems_chart_format_number (data->target);
    /* Translators: gap chart axis caption; %s is the target percentage number */
    g_autofree char *str = g_strdup_printf (_("Points below the target of %s %%"), num);
    g_autoptr(PangoLayout) layout = ems_chart_text_layout (&text, str, 0.85, FALSE,
                                                           MAX (width - g.scale.x, fs * 4), 1);
    double th;

    ems_chart_layout_size (layout, NULL, &th);
    ems_chart_show_layout (cr, layout, g.scale.x,
                           MIN ((g.has_legend ? g.legend.y : height) - th, g.axis_y + fs * 1.35), &style->muted);
  }

  for (guint i = 0; i < data->n_bars; i++)
    {
      const EmsGapBar *bar = &data->bars[i];
      g_autofree char *value = value_text (bar);
      EmsChartLabelKind kind;
      g_autoptr(PangoLayout) l_label = row_label_layout (&text, bar, g.text_scale, g.wrap_w, g.max_lines, &kind);
      g_autoptr(PangoLayout) l_value = ems_chart_text_layout (&text, value, (g.stacked ? 0.8 : 0.9) * g.text_scale,
                                                              bar->has_score, -1, 0);
      double row_y = g.top + g.row_h * i;
      double cy = row_y + g.row_h / 2;
      double th, vh;
      EmsChartRect r;

      bar_rect (&g, data, i, &r);

      ems_chart_layout_size (l_label, NULL, &th);
      if (bar->red_flag)
        {
          double size = MIN (fs * 1.1, (g.stacked ? th : g.row_h) * 0.9);
          double mid = g.stacked ? label_top (&g, i, th) + th / 2 : cy;

          ems_chart_draw_flag (cr, g.flag_x, mid - size / 2, size, style);
        }

      if (g.show_text)
        ems_chart_show_layout (cr, l_label, g.label_x, label_top (&g, i, th),
                               bar->has_score ? &style->foreground : &style->muted);

      if (r.width > 0)
        {
          const EmsChartColor *color = &style->band[bar->band];

          ems_chart_set_color (cr, color);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          cairo_fill (cr);
          /* Pattern as well as colour: red hatched densely, amber sparsely */
          if (bar->band == EMS_BAND_RED || bar->band == EMS_BAND_AMBER)
            {
              EmsChartColor stripe = style->background;

              stripe.alpha = 0.55;
              ems_chart_hatch_rect (cr, r.x, r.y, r.width, r.height,
                                    (bar->band == EMS_BAND_RED ? 5 : 10) * unit,
                                    1.5 * unit, bar->band == EMS_BAND_RED, &stripe);
            }
        }
      else if (bar->has_score)
        {
          /* A zero gap: a tick on the baseline so the row is not empty */
          ems_chart_set_color (cr, &style->band[bar->band]);
          cairo_rectangle (cr, r.x, r.y, 2 * unit, r.height);
          cairo_fill (cr);
        }

      if (g.show_text)
        {
          ems_chart_layout_size (l_value, NULL, &vh);
          ems_chart_show_layout (cr, l_value, r.x + r.width + fs * 0.5, r.y + r.height / 2 - vh / 2,
                                 bar->has_score ? &style->foreground : &style->muted);
        }
    }

  /* Baseline */
  ems_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 1.0 * unit);
  stroke_column (cr, &g, data, round (g.scale.x) + 0.5, g.axis_y);
  cairo_stroke (cr);

  ems_chart_text_clear (&text);
  cairo_restore (cr);
}

EmsGapBarsData *
ems_gap_bars_data_new_from_scores (EmsChecklist    *checklist,
                                   const EmsScores *scores)
{
  EmsGapBarsData *data;

  g_return_val_if_fail (EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (scores != NULL, NULL);

  data = g_new0 (EmsGapBarsData, 1);
  data->target = scores->target;
  data->n_bars = scores->n_elements;
  data->bars = g_new0 (EmsGapBar, scores->n_elements);

  for (guint i = 0; i < scores->n_elements; i++)
    {
      guint idx = scores->priority ? scores->priority[i] : i;
      const EmsElementScore *es = &scores->elements[idx];
      const EmsElement *element = ems_checklist_get_element (checklist, es->number);
      EmsGapBar *bar = &data->bars[i];

      bar->number = es->number;
      bar->label = g_strdup (element ? element->title : "");
      bar->short_label = g_strdup (element ? ems_element_get_short_title (element) : NULL);
      bar->has_score = es->has_score;
      bar->score = es->score;
      bar->gap = es->has_score ? es->gap : 0;
      bar->band = es->band;
      bar->red_flag = es->red_flag;
    }

  return data;
}

void
ems_gap_bars_data_free (EmsGapBarsData *data)
{
  if (data == NULL)
    return;

  for (guint i = 0; i < data->n_bars; i++)
    {
      g_free (data->bars[i].label);
      g_free (data->bars[i].short_label);
    }
  g_free (data->bars);
  g_free (data);
}

char *
ems_gap_bars_data_describe (const EmsGapBarsData *data)
{
  g_autofree char *target = NULL;
  GString *str;

  g_return_val_if_fail (data != NULL, NULL);

  target = ems_format_percent (TRUE, data->target);
  str = g_string_new (NULL);
  /* Translators: accessible description of the gap chart; %s is the target percentage */
  g_string_append_printf (str, _("Gap to the target of %s for each element, largest first."), target);

  for (guint i = 0; i < data->n_bars; i++)
    {
      const EmsGapBar *bar = &data->bars[i];
      g_autofree char *label = ems_chart_element_label (bar->number, bar->label);
      g_autofree char *value = value_text (bar);

      g_string_append_c (str, '\n');
      /* Translators: one element in a chart's accessible description: label, then value */
      g_string_append_printf (str, _("%s: %s"), label, value);
      if (bar->has_score)
        {
          g_autofree char *score = ems_format_percent (TRUE, bar->score);

          /* Translators: accessible description of a gap bar: the element's score */
          g_string_append_printf (str, _(" (score %s)"), score);
        }
      if (bar->red_flag)
        g_string_append_printf (str, " (%s)", ems_chart_critical_description ());
      g_string_append_c (str, ';');
    }

  return g_string_free (str, FALSE);
}
