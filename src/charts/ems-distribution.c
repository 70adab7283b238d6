/* ems-distribution.c: the answers of each element, stacked by level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A legend on top, then one row per element: its label and a bar of all its
 * questions split into levels 0 to 4 (light to dark), not applicable
 * (hatched) and unanswered (dashed outline), each segment with its count
 * when the count fits.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ems-charts-private.h"

static guint
row_count (const EmsDistributionRow *row,
           guint                     segment)
{
  if (segment <= EMS_LEVEL_MAX)
    return row->n_levels[segment];
  if (segment == EMS_DISTRIBUTION_NA)
    return row->n_not_applicable;
  return row->n_unanswered;
}

static void
segment_fill (cairo_t             *cr,
              const EmsChartStyle *style,
              guint                segment,
              double               x,
              double               y,
              double               w,
              double               h,
              double               unit)
{
  if (w <= 0)
    return;

  if (segment <= EMS_LEVEL_MAX)
    {
      ems_chart_set_color (cr, &style->levels[segment]);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
    }
  else if (segment == EMS_DISTRIBUTION_NA)
    {
      ems_chart_set_color_alpha (cr, &style->not_applicable, 0.35);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      ems_chart_hatch_rect (cr, x, y, w, h, 5 * unit, 1.2 * unit, TRUE, &style->not_applicable);
    }
  else
    {
      double d[2] = { 3 * unit, 2 * unit };

      cairo_save (cr);
      ems_chart_set_color (cr, &style->unanswered);
      cairo_set_line_width (cr, 1.0 * unit);
      cairo_set_dash (cr, d, 2, 0);
      cairo_rectangle (cr, x + 0.5 * unit, y + 0.5 * unit, MAX (0, w - unit), h - unit);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static const EmsChartColor *
segment_text_color (const EmsChartStyle *style,
                    guint                segment,
                    EmsChartColor       *scratch)
{
  if (segment <= EMS_LEVEL_MAX)
    {
      /* Composite over the background to judge the contrast */
      *scratch = ems_chart_text_color_on (&style->levels[segment]);
      return scratch;
    }

  return &style->foreground;
}

void
ems_distribution_draw (cairo_t                   *cr,
                       double                     width,
                       double                     height,
                       const EmsDistributionData *data,
                       const EmsChartStyle       *style)
{
  EmsChartText text;
  double fs, unit, swatch, legend_h = 0, line_h = 0;
  double label_w = 0, label_max = 0, bar_x, bar_w, row_h, bar_h, top;
  double text_scale;
  int max_lines;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  ems_chart_paint_background (cr, width, height, style);
  ems_chart_text_init (&text, cr, style);
  fs = text.font_size;
  unit = fs / 12.0;
  swatch = fs * 1.1;

  /* Legend rows */
  {
    double x = fs * 0.25, y = fs * 0.25;

    for (guint k = 0; k < EMS_DISTRIBUTION_N_SEGMENTS; k++)
      {
        g_autoptr(PangoLayout) layout = ems_chart_text_layout (&text, data->segment_labels[k], 0.85, FALSE,
                                                               MAX (fs * 3, width - swatch - fs), 1);
        double tw, th, item;

        ems_chart_layout_size (layout, &tw, &th);
        item = swatch + fs * 0.35 + tw;
        if (x > fs * 0.25 && x + item > width)
          {
            x = fs * 0.25;
            y += th * 1.35;
          }
        segment_fill (cr, style, k, x, y + (th - swatch) / 2, swatch, swatch, unit);
        if (k <= EMS_LEVEL_MAX)
          {
            ems_chart_set_color (cr, &style->grid);
            cairo_set_line_width (cr, unit);
            cairo_rectangle (cr, x + 0.5 * unit, y + (th - swatch) / 2 + 0.5 * unit, swatch - unit, swatch - unit);
            cairo_stroke (cr);
          }
        ems_chart_show_layout (cr, layout, x + swatch + fs * 0.35, y, &style->foreground);
        x += item + fs * 1.1;
        line_h = th;
      }
    legend_h = y + line_h * 1.35 + fs * 0.4;
  }

  for (guint i = 0; i < data->n_rows; i++)
    {
      g_autofree char *label = ems_chart_element_label (i + 1, data->rows[i].label);
      g_autoptr(PangoLayout) layout = ems_chart_text_layout (&text, label, 1.0, FALSE, -1, 0);
      double w;

      ems_chart_layout_size (layout, &w, NULL);
      label_max = MAX (label_max, w);
    }

  top = legend_h;
  row_h = data->n_rows > 0 ? MAX (0, height - top) / data->n_rows : 0;
  bar_h = MIN (row_h * 0.66, fs * 1.9);
  /* Rows shorter than a line: smaller text, or none, rather than overlap */
  text_scale = CLAMP (row_h / (MAX (line_h, 1) / 0.85 * 1.05), 0, 1);
  max_lines = CLAMP ((int) floor (row_h * 0.95 / (MAX (line_h, 1) / 0.85 * text_scale + 0.01)), 1, 3);
  label_w = MIN (label_max, MIN (width * 0.4, MAX (width * 0.4 / max_lines * 1.6, fs * 4)));
  bar_x = fs * 0.25 + label_w + fs * 0.8;
  bar_w = MAX (0, width - bar_x - fs * 0.5);

  for (guint i = 0; i < data->n_rows; i++)
    {
      const EmsDistributionRow *row = &data->rows[i];
      g_autofree char *label = ems_chart_element_label (i + 1, row->label);
      g_autoptr(PangoLayout) l_label = ems_chart_text_layout (&text, label, text_scale, FALSE, label_w, max_lines);
      double cy = top + row_h * i + row_h / 2;
      double by = cy - bar_h / 2;
      double th, x = bar_x;
      guint total = 0;

      for (guint k = 0; k < EMS_DISTRIBUTION_N_SEGMENTS; k++)
        total += row_count (row, k);

      if (text_scale >= 0.6)
        {
          ems_chart_layout_size (l_label, NULL, &th);
          ems_chart_show_layout (cr, l_label, fs * 0.25, cy - th / 2, &style->foreground);
        }

      if (total == 0)
        continue;

      for (guint k = 0; k < EMS_DISTRIBUTION_N_SEGMENTS; k++)
        {
          guint count = row_count (row, k);
          double w = bar_w * count / total;

          if (count == 0)
            continue;

          segment_fill (cr, style, k, x, by, w, bar_h, unit);

          /* The count, when it fits */
          {
            g_autofree char *str = g_strdup_printf ("%u", count);
            g_autoptr(PangoLayout) l_count = ems_chart_text_layout (&text, str, 0.85, TRUE, -1, 0);
            EmsChartColor scratch;
            double cw, ch;

            ems_chart_layout_size (l_count, &cw, &ch);
            if (cw + fs * 0.3 <= w && ch <= bar_h)
              ems_chart_show_layout (cr, l_count, x + (w - cw) / 2, cy - ch / 2,
                                     segment_text_color (style, k, &scratch));
          }

          /* Separator between segments */
          if (x > bar_x)
            {
              ems_chart_set_color (cr, &style->background);
              cairo_set_line_width (cr, unit);
              cairo_move_to (cr, x, by);
              cairo_line_to (cr, x, by + bar_h);
              cairo_stroke (cr);
            }
          x += w;
        }

      ems_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, unit);
      cairo_rectangle (cr, bar_x, by, bar_w, bar_h);
      cairo_stroke (cr);
    }

  ems_chart_text_clear (&text);
  cairo_restore (cr);
}

void
ems_distribution_row_fill (EmsDistributionRow    *row,
                           const EmsElementScore *es)
{
  guint done = es->n_not_applicable;

  for (guint k = 0; k <= EMS_LEVEL_MAX; k++)
    {
      row->n_levels[k] = es->n_levels[k];
      done += es->n_levels[k];
    }
  row->n_not_applicable = es->n_not_applicable;
  row->n_unanswered = es->n_questions > done ? es->n_questions - done : 0;
}

EmsDistributionData *
ems_distribution_data_new_empty (EmsChecklist *checklist,
                                 guint         n_rows)
{
  EmsDistributionData *data = g_new0 (EmsDistributionData, 1);

  data->n_rows = n_rows;
  data->rows = g_new0 (EmsDistributionRow, n_rows);

  for (guint k = 0; k <= EMS_LEVEL_MAX; k++)
    {
      const char *label = ems_checklist_get_level_label (checklist, k);

      /* Translators: distribution legend: a level number and its label, e.g. "3 Implemented" */
      data->segment_labels[k] = g_strdup_printf (_("%u %s"), k, label ? label : "");
    }
  /* Translators: distribution legend: questions marked not applicable */
  data->segment_labels[EMS_DISTRIBUTION_NA] = g_strdup (_("Not applicable"));
  /* Translators: distribution legend: questions not answered yet */
  data->segment_labels[EMS_DISTRIBUTION_UNANSWERED] = g_strdup (_("Unanswered"));

  return data;
}

EmsDistributionData *
ems_distribution_data_new_from_scores (EmsChecklist    *checklist,
                                       const EmsScores *scores)
{
  EmsDistributionData *data;

  g_return_val_if_fail (EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (scores != NULL, NULL);

  data = ems_distribution_data_new_empty (checklist, scores->n_elements);
  for (guint i = 0; i < scores->n_elements; i++)
    {
      const EmsElementScore *es = &scores->elements[i];
      const EmsElement *element = ems_checklist_get_element (checklist, es->number);

      data->rows[i].label = g_strdup (element ? element->title : "");
      ems_distribution_row_fill (&data->rows[i], es);
    }

  return data;
}

void
ems_distribution_data_free (EmsDistributionData *data)
{
  if (data == NULL)
    return;

  for (guint i = 0; i < data->n_rows; i++)
    g_free (data->rows[i].label);
  g_free (data->rows);
  for (guint k = 0; k < EMS_DISTRIBUTION_N_SEGMENTS; k++)
    g_free (data->segment_labels[k]);
  g_free (data);
}

char *
ems_distribution_data_describe (const EmsDistributionData *data)
{
  GString *str;

  g_return_val_if_fail (data != NULL, NULL);

  str = g_string_new (_("Answers of each element by level: number of questions per level, not applicable and unanswered."));

  for (guint i = 0; i < data->n_rows; i++)
    {
      const EmsDistributionRow *row = &data->rows[i];
      g_autofree char *label = ems_chart_element_label (i + 1, row->label);
      gboolean first = TRUE;

      g_string_append_printf (str, "\n%s —", label);
      for (guint k = 0; k < EMS_DISTRIBUTION_N_SEGMENTS; k++)
        {
          guint count = row_count (row, k);

          if (count == 0)
            continue;
          /* Translators: accessible description of the distribution: a count, then the level's legend */
          g_string_append (str, first ? " " : ", ");
          /* Translators: accessible description of the distribution: a level's legend, then its count */
          g_string_append_printf (str, _("%s: %u"),
                                  data->segment_labels[k] ? data->segment_labels[k] : "", count);
          first = FALSE;
        }
      g_string_append_c (str, ';');
    }

  return g_string_free (str, FALSE);
}
