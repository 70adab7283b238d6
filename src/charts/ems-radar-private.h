/* ems-radar-private.h: what the radar's layout and drawing share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "ems-charts-private.h"

G_BEGIN_DECLS

/* Axis i points at angle -90° + i × 360° / n (the first up, clockwise) */
static inline double
ems_radar_axis_angle (guint i,
                      guint n)
{
  return -G_PI / 2 + 2 * G_PI * i / n;
}

/* A value to draw: has one, and a finite one (a NaN is no value) */
static inline gboolean
ems_radar_drawable (const EmsChartValue *v)
{
  return v->has_value && isfinite (v->value);
}

/* The texts of a layout, laid out once and drawn as they were measured */
typedef struct
{
  PangoLayout *layouts[EMS_RADAR_MAX_AXES];
  double       offset_x[EMS_RADAR_MAX_AXES];
  guint        lines[EMS_RADAR_MAX_AXES];
  PangoLayout *rings[EMS_RADAR_N_RINGS];
  PangoLayout *legend[EMS_CHART_MAX_SERIES + 2];
  guint        n_legend;
  gboolean     legend_flag;   /* the last entry is the critical mark */
  double       legend_x[EMS_CHART_MAX_SERIES + 2];
  double       legend_y[EMS_CHART_MAX_SERIES + 2];
  double       swatch;
} EmsRadarTexts;

void ems_radar_texts_clear (EmsRadarTexts      *texts);
/* Where everything goes (ems-radar-layout.c): the legend, the plot, the
 * axis labels (shortened one by one until they fit) and the ring labels */
void ems_radar_compute     (EmsChartText       *text,
                            double              width,
                            double              height,
                            const EmsRadarData *data,
                            EmsRadarLayout     *out,
                            EmsRadarTexts      *texts);

G_END_DECLS
