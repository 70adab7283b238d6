/* ems-coverage.c: the coverage ring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ring filled clockwise from the top by the share of questions answered
 * or marked not applicable, the percentage and "N of M questions" inside.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ems-charts-private.h"

void
ems_coverage_draw (cairo_t               *cr,
                   double                 width,
                   double                 height,
                   const EmsCoverageData *data,
                   const EmsChartStyle   *style)
{
  EmsChartText text;
  double fs, unit, top = 0, cx, cy, r, thick, fraction;
  g_autofree char *percent = NULL;
  g_autofree char *detail = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  ems_chart_paint_background (cr, width, height, style);
  ems_chart_text_init (&text, cr, style);
  fs = text.font_size;
  unit = fs / 12.0;

  if (data->title != NULL && data->title[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = ems_chart_text_layout (&text, data->title, 1.15, TRUE, width, 2);
      double tw, th;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      ems_chart_layout_size (layout, &tw, &th);
      ems_chart_show_layout (cr, layout, 0, fs * 0.25, &style->foreground);
      top = th + fs * 0.75;
    }

  cx = width / 2;
  cy = top + (height - top) / 2;
  r = MAX (0, MIN (width, height - top) / 2 - fs * 0.5);
  thick = MAX (r * 0.2, 2 * unit);
  fraction = data->n_total > 0 ? CLAMP ((double) data->n_done / data->n_total, 0, 1) : 0;

  cairo_set_line_width (cr, thick);
  ems_chart_set_color (cr, &style->grid);
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, MAX (0, r - thick / 2), 0, 2 * G_PI);
  cairo_stroke (cr);

  if (fraction > 0)
    {
      ems_chart_set_color (cr, &style->series[0]);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, MAX (0, r - thick / 2), -G_PI / 2, -G_PI / 2 + 2 * G_PI * fraction);
      cairo_stroke (cr);
    }

  if (data->n_total > 0)
    {
      g_autofree char *num = ems_chart_format_number (100.0 * fraction);

      /* Translators: coverage ring: the percentage of questions done; %s is a number */
      percent = g_strdup_printf (_("%s %%"), num);
      /* Translators: coverage ring, under the percentage: answered or N/A, of all questions */
      detail = g_strdup_printf (_("%u of %u questions"), data->n_done, data->n_total);
    }
  else
    {
      percent = g_strdup ("—");
      detail = g_strdup (_("No questions"));
    }

  {
    double inner = MAX (0, 2 * (r - thick) * 0.85);
    double big = CLAMP (inner / (5.5 * fs), 0.8, 3.0);
    g_autoptr(PangoLayout) l1 = ems_chart_text_layout (&text, percent, big, TRUE, -1, 0);
    g_autoptr(PangoLayout) l2 = ems_chart_text_layout (&text, detail, 0.85, FALSE, inner, 2);
    double w1, h1, w2, h2;

    pango_layout_set_alignment (l2, PANGO_ALIGN_CENTER);
    ems_chart_layout_size (l1, &w1, &h1);
    ems_chart_layout_size (l2, &w2, &h2);
    if (h1 + h2 > inner)
      h2 = 0;
    ems_chart_show_layout (cr, l1, cx - w1 / 2, cy - (h1 + h2) / 2, &style->foreground);
    if (h2 > 0)
      ems_chart_show_layout (cr, l2, cx - inner / 2, cy - (h1 + h2) / 2 + h1, &style->muted);
  }

  ems_chart_text_clear (&text);
  cairo_restore (cr);
}

EmsCoverageData *
ems_coverage_data_new_from_scores (const EmsScores *scores)
{
  EmsCoverageData *data;

  g_return_val_if_fail (scores != NULL, NULL);

  data = g_new0 (EmsCoverageData, 1);
  data->n_done = scores->n_answered + scores->n_not_applicable;
  data->n_total = scores->n_questions;
  /* Translators: title of the coverage ring */
  data->title = g_strdup (_("Coverage"));

  return data;
}

void
ems_coverage_data_free (EmsCoverageData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data);
}

char *
ems_coverage_data_describe (const EmsCoverageData *data)
{
  g_autofree char *percent = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (data->n_total == 0)
    return g_strdup (_("Coverage: no questions."));

  percent = ems_format_percent (TRUE, 100.0 * data->n_done / data->n_total);
  /* Translators: accessible description of the coverage ring: the percentage, questions done, all questions */
  return g_strdup_printf (_("Coverage: %s, %u of %u questions answered or marked not applicable."),
                          percent, data->n_done, data->n_total);
}
