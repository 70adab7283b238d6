/* ems-chart-common.c: styles and helpers shared by the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ems-chart-colors.h"
#include "ems-charts-private.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Paper and light mode: every mark at least 3:1 against white, text 4.5:1.
 * Levels run light to dark so their order reads without hue. */
static const EmsChartStyle light_style = {
  .fill_background = TRUE,
  .background = RGB (0xffffff),
  .foreground = RGB (0x1e1e1e),
  .muted = RGB (0x5e5c64),
  .grid = RGB (0xc0bfbc),
  .band = { RGB (0x77767b), RGB (0xc01c28), RGB (EMS_CHART_BAND_AMBER), RGB (0x1a7f37) },
  .series = { RGB (0x1a5fb4), RGB (0xc64600), RGB (0x813d9c) },
  .target = RGB (0x3d3846),
  .levels = { RGB (0xdbe7f5), RGB (0xa5c5ec), RGB (0x62a0ea), RGB (0x2a6bbf), RGB (0x0d3f7f) },
  .not_applicable = RGB (0x9a9996),
  .unanswered = RGB (0x77767b),
  /* Critical: purple, apart from the red and amber bands */
  .flag = RGB (0x9141ac),
  .font_family = "Sans",
  .font_size = 12.0,
};

/* Dark mode (libadwaita's dark window background) */
static const EmsChartStyle dark_style = {
  .fill_background = TRUE,
  .background = RGB (0x242424),
  .foreground = RGB (0xffffff),
  .muted = RGB (0xc0bfbc),
  .grid = RGB (0x5e5c64),
  .band = { RGB (0x9a9996), RGB (0xff7b63), RGB (EMS_CHART_BAND_AMBER), RGB (0x57e389) },
  .series = { RGB (0x78aeed), RGB (0xffa348), RGB (0xdc8add) },
  .target = RGB (0xdeddda),
  .levels = { RGB (0x1c3250), RGB (0x24508a), RGB (0x3584e4), RGB (0x78aeed), RGB (0xc5dcf7) },
  .not_applicable = RGB (0x77767b),
  .unanswered = RGB (0x9a9996),
  .flag = RGB (0xc061cb),
  .font_family = "Sans",
  .font_size = 12.0,
};

const EmsChartStyle *
ems_chart_style_light (void)
{
  return &light_style;
}

const EmsChartStyle *
ems_chart_style_dark (void)
{
  return &dark_style;
}

void
ems_chart_text_init (EmsChartText        *text,
                     cairo_t             *cr,
                     const EmsChartStyle *style)
{
  text->context = pango_cairo_create_context (cr);
  text->font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  text->font_size = style->font_size > 0 ? style->font_size : 12.0;
}

void
ems_chart_text_clear (EmsChartText *text)
{
  g_clear_object (&text->context);
  g_clear_pointer (&text->font, pango_font_description_free);
}

PangoLayout *
ems_chart_text_layout (EmsChartText *text,
                       const char   *str,
                       double        scale,
                       gboolean      bold,
                       double        width,
                       int           max_lines)
{
  PangoLayout *layout = pango_layout_new (text->context);
  PangoFontDescription *font = pango_font_description_copy_static (text->font);

  pango_font_description_set_absolute_size (font, text->font_size * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, str ? str : "", -1);

  return layout;
}

void
ems_chart_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

void
ems_chart_show_layout (cairo_t             *cr,
                       PangoLayout         *layout,
                       double               x,
                       double               y,
                       const EmsChartColor *color)
{
  cairo_save (cr);
  ems_chart_set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
ems_chart_set_color (cairo_t             *cr,
                     const EmsChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
ems_chart_set_color_alpha (cairo_t             *cr,
                           const EmsChartColor *color,
                           double               alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static double
channel_luminance (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

EmsChartColor
ems_chart_text_color_on (const EmsChartColor *background)
{
  static const EmsChartColor black = { 0, 0, 0, 1 };
  static const EmsChartColor white = { 1, 1, 1, 1 };
  double l = 0.2126 * channel_luminance (background->red)
           + 0.7152 * channel_luminance (background->green)
           + 0.0722 * channel_luminance (background->blue);

  /* Contrast with black (l + 0.05) / 0.05 against white 1.05 / (l + 0.05) */
  return (l + 0.05) * (l + 0.05) > 0.0525 ? black : white;
}

void
ems_chart_paint_background (cairo_t             *cr,
                            double               width,
                            double               height,
                            const EmsChartStyle *style)
{
  if (!style->fill_background)
    return;

  cairo_save (cr);
  ems_chart_set_color (cr, &style->background);
  if (style->background.alpha >= 1.0)
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
ems_chart_hatch_rect (cairo_t             *cr,
                      double               x,
                      double               y,
                      double               width,
                      double               height,
                      double               spacing,
                      double               line_width,
                      gboolean             rising,
                      const EmsChartColor *color)
{
  if (width <= 0 || height <= 0 || spacing <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  ems_chart_set_color (cr, color);
  cairo_set_line_width (cr, line_width);
  for (double d = -height; d < width + height; d += spacing)
    {
      if (rising)
        {
          cairo_move_to (cr, x + d, y + height);
          cairo_line_to (cr, x + d + height, y);
        }
      else
        {
          cairo_move_to (cr, x + d, y);
          cairo_line_to (cr, x + d + height, y + height);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ems_chart_draw_flag (cairo_t             *cr,
                     double               x,
                     double               y,
                     double               size,
                     const EmsChartStyle *style)
{
  EmsChartColor mark = ems_chart_text_color_on (&style->flag);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x + size / 2, y + size * 0.05);
  cairo_line_to (cr, x + size * 0.98, y + size * 0.92);
  cairo_line_to (cr, x + size * 0.02, y + size * 0.92);
  cairo_close_path (cr);
  ems_chart_set_color (cr, &style->flag);
  cairo_fill (cr);

  ems_chart_set_color (cr, &mark);
  cairo_set_line_width (cr, MAX (1.0, size * 0.11));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x + size / 2, y + size * 0.36);
  cairo_line_to (cr, x + size / 2, y + size * 0.62);
  cairo_stroke (cr);
  cairo_arc (cr, x + size / 2, y + size * 0.77, MAX (0.5, size * 0.065), 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

char *
ems_chart_element_label (guint       number,
                         const char *title)
{
  /* Translators: an element in a chart: its number, then its title */
  return g_strdup_printf (_("%u. %s"), number, title ? title : "");
}

char *
ems_chart_element_text (const char *number,
                        const char *title)
{
  if (number == NULL || *number == '\0')
    return g_strdup (title ? title : "");

  /* Translators: a radar axis label: element number, then title */
  return g_strdup_printf (_("%s. %s"), number, title ? title : "");
}

const char *
ems_chart_critical_legend (void)
{
  /* Translators: chart legend beside the mark of an element where a
   * critical question is answered 0 */
  return _("Critical question answered 0");
}

const char *
ems_chart_critical_description (void)
{
  return _("red flag: a critical question is answered 0");
}

char *
ems_chart_format_number (double value)
{
  return g_strdup_printf ("%.1f", value);
}

gboolean
ems_chart_rects_overlap (const EmsChartRect *a,
                         const EmsChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Kinds ------------------------------------------------------------------ */

static const char *kind_names[EMS_CHART_N_KINDS] = {
  [EMS_CHART_RADAR] = "radar",
  [EMS_CHART_GAPS] = "gaps",
  [EMS_CHART_DISTRIBUTION] = "distribution",
  [EMS_CHART_COVERAGE] = "coverage",
};

const char *
ems_chart_kind_to_string (EmsChartKind kind)
{
  g_return_val_if_fail ((guint) kind < EMS_CHART_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
ems_chart_kind_from_string (const char   *str,
                            EmsChartKind *kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < EMS_CHART_N_KINDS; i++)
    if (g_str_equal (str, kind_names[i]))
      {
        if (kind)
          *kind = (EmsChartKind) i;
        return TRUE;
      }

  return FALSE;
}

void
ems_chart_get_default_size (EmsChartKind  kind,
                            double       *width,
                            double       *height)
{
  double w = 900, h = 640;

  switch (kind)
    {
    case EMS_CHART_RADAR:
      w = 900;
      h = 720;
      break;
    case EMS_CHART_GAPS:
    case EMS_CHART_DISTRIBUTION:
      w = 900;
      h = 560;
      break;
    case EMS_CHART_COVERAGE:
      w = 420;
      h = 420;
      break;
    default:
      g_return_if_reached ();
    }

  if (width)
    *width = w;
  if (height)
    *height = h;
}

char *
ems_chart_describe (EmsChartKind     kind,
                    EmsChecklist    *checklist,
                    const EmsScores *scores)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (scores != NULL, NULL);

  switch (kind)
    {
    case EMS_CHART_RADAR:
      {
        g_autoptr(EmsRadarData) data = ems_radar_data_new_from_scores (checklist, scores, NULL);
        return ems_radar_data_describe (data);
      }
    case EMS_CHART_GAPS:
      {
        g_autoptr(EmsGapBarsData) data = ems_gap_bars_data_new_from_scores (checklist, scores);
        return ems_gap_bars_data_describe (data);
      }
    case EMS_CHART_DISTRIBUTION:
      {
        g_autoptr(EmsDistributionData) data = ems_distribution_data_new_from_scores (checklist, scores);
        return ems_distribution_data_describe (data);
      }
    case EMS_CHART_COVERAGE:
      {
        g_autoptr(EmsCoverageData) data = ems_coverage_data_new_from_scores (scores);
        return ems_coverage_data_describe (data);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

void
ems_chart_draw (cairo_t             *cr,
                EmsChartKind         kind,
                double               width,
                double               height,
                EmsChecklist        *checklist,
                const EmsScores     *scores,
                const EmsChartStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (EMS_IS_CHECKLIST (checklist));
  g_return_if_fail (scores != NULL);
  g_return_if_fail (style != NULL);

  switch (kind)
    {
    case EMS_CHART_RADAR:
      {
        g_autoptr(EmsRadarData) data = ems_radar_data_new_from_scores (checklist, scores, NULL);
        ems_radar_draw (cr, width, height, data, style);
      }
      break;
    case EMS_CHART_GAPS:
      {
        g_autoptr(EmsGapBarsData) data = ems_gap_bars_data_new_from_scores (checklist, scores);
        ems_gap_bars_draw (cr, width, height, data, style);
      }
      break;
    case EMS_CHART_DISTRIBUTION:
      {
        g_autoptr(EmsDistributionData) data = ems_distribution_data_new_from_scores (checklist, scores);
        ems_distribution_draw (cr, width, height, data, style);
      }
      break;
    case EMS_CHART_COVERAGE:
      {
        g_autoptr(EmsCoverageData) data = ems_coverage_data_new_from_scores (scores);
        ems_coverage_draw (cr, width, height, data, style);
      }
      break;
    default:
      g_return_if_reached ();
    }
}
