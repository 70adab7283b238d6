/* ems-chart-test-utils.h: helpers of the chart tests (test-charts,
 * test-chart-labels)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set EMS_CHARTS_DUMP_DIR to a folder to keep a PNG of every chart the
 * tests draw, to look at.
 */
#pragma once

#include <cairo.h>

#include "ems-charts.h"
#include "ems-charts-private.h"

G_BEGIN_DECLS

typedef struct { double r, g, b; } Pixel;

/* An example assessment from data/examples */
EmsAssessment   *load_example       (const char           *name);
cairo_surface_t *new_surface        (int                   width,
                                     int                   height);
/* Into EMS_CHARTS_DUMP_DIR, when set */
void             dump               (cairo_surface_t      *surface,
                                     const char           *name);
Pixel            pixel_at           (cairo_surface_t      *surface,
                                     double                x,
                                     double                y);
gboolean         pixel_is           (Pixel                 p,
                                     const EmsChartColor  *c,
                                     double                tolerance);
/* Ten axes with the English titles, one series: axis 0 at 100, axis 1 at
 * 0, axis 2 without a score, axis 3 at 100, the others at 50; a red flag
 * on axis 4 */
EmsRadarData    *radar_data_by_hand (void);
/* Four bars: red (flagged), amber, green, no score */
EmsGapBarsData  *gap_data_by_hand   (void);
/* The labels inside the chart, off the plot, the legend and each other */
void             check_radar_layout (const EmsRadarLayout *lay,
                                     double                width,
                                     double                height);
double           luminance          (const EmsChartColor  *c);
/* WCAG contrast ratio */
double           contrast           (const EmsChartColor  *a,
                                     const EmsChartColor  *b);

G_END_DECLS
