/* ems-charts-private.h: helpers shared by the chart drawing units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "ems-charts.h"

G_BEGIN_DECLS

/* Text measured and drawn with one Pango context per draw */
typedef struct
{
  PangoContext         *context;
  PangoFontDescription *font;
  double                font_size;
} EmsChartText;

void         ems_chart_text_init        (EmsChartText        *text,
                                         cairo_t             *cr,
                                         const EmsChartStyle *style);
void         ems_chart_text_clear       (EmsChartText        *text);
/* A layout at @scale × the style's font size; @width < 0: no wrapping.
 * @max_lines > 0 ellipsizes after that many lines. */
PangoLayout *ems_chart_text_layout      (EmsChartText        *text,
                                         const char          *str,
                                         double               scale,
                                         gboolean             bold,
                                         double               width,
                                         int                  max_lines);
void         ems_chart_layout_size      (PangoLayout         *layout,
                                         double              *width,
                                         double              *height);
void         ems_chart_show_layout      (cairo_t             *cr,
                                         PangoLayout         *layout,
                                         double               x,
                                         double               y,
                                         const EmsChartColor *color);

void         ems_chart_set_color        (cairo_t             *cr,
                                         const EmsChartColor *color);
void         ems_chart_set_color_alpha  (cairo_t             *cr,
                                         const EmsChartColor *color,
                                         double               alpha);
/* Black or white, whichever reads better on @background */
EmsChartColor ems_chart_text_color_on   (const EmsChartColor *background);
void         ems_chart_paint_background (cairo_t             *cr,
                                         double               width,
                                         double               height,
                                         const EmsChartStyle *style);
/* Diagonal stripes of @color over the rectangle */
void         ems_chart_hatch_rect       (cairo_t             *cr,
                                         double               x,
                                         double               y,
                                         double               width,
                                         double               height,
                                         double               spacing,
                                         double               line_width,
                                         gboolean             rising,
                                         const EmsChartColor *color);
/* The red-flag marker: a warning triangle with "!" in a @size square */
void         ems_chart_draw_flag        (cairo_t             *cr,
                                         double               x,
                                         double               y,
                                         double               size,
                                         const EmsChartStyle *style);
/* "1. Environmental Policy" */
char        *ems_chart_element_label    (guint                number,
                                         const char          *title);
/* "1. Policy": an element's number (may be NULL) and title or short name;
 * the one labelling text of the radar's axes and the gap chart's rows */
char        *ems_chart_element_text     (const char          *number,
                                         const char          *title);
/* The legend entry of the critical mark, and the words for it in a
 * chart's description; translated */
const char  *ems_chart_critical_legend  (void);
const char  *ems_chart_critical_description (void);
/* One decimal, in the current locale */
char        *ems_chart_format_number    (double               value);
gboolean     ems_chart_rects_overlap    (const EmsChartRect  *a,
                                         const EmsChartRect  *b);

/* Distribution data with @n_rows empty rows and the legend */
EmsDistributionData *ems_distribution_data_new_empty (EmsChecklist          *checklist,
                                                      guint                  n_rows);
/* A row's counts from an element's answers (its label is left alone) */
void         ems_distribution_row_fill  (EmsDistributionRow    *row,
                                         const EmsElementScore *es);

G_END_DECLS
