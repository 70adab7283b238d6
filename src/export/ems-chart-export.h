/* ems-chart-export.h: one chart of an assessment as PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"
#include "ems-charts.h"

G_BEGIN_DECLS

typedef enum
{
  EMS_CHART_FORMAT_PNG,
  EMS_CHART_FORMAT_SVG,
  EMS_CHART_FORMAT_PDF,
} EmsChartFormat;

/* From the file name's extension (case-insensitive): .png, .svg, .pdf */
gboolean  ems_chart_format_from_path (const char          *path,
                                      EmsChartFormat      *format);

/* The chart drawn at @width × @height user units (0: the chart's default
 * size) in @style, as the bytes of a file in @format; for PNG the image is
 * @scale times that size in pixels (1 or 2; up to 4). */
GBytes   *ems_chart_render           (EmsChecklist        *checklist,
                                      const EmsScores     *scores,
                                      EmsChartKind         kind,
                                      EmsChartFormat       format,
                                      double               width,
                                      double               height,
                                      double               scale,
                                      const EmsChartStyle *style,
                                      GError             **error);

/* Writes the chart of @assessment to @path at its default size in the
 * paper (light) style, the format chosen by the extension; atomically:
 * nothing is left at @path on failure (EMS_ERROR_EXPORT, naming the file). */
gboolean  ems_chart_export           (EmsAssessment       *assessment,
                                      EmsChartKind         kind,
                                      const char          *path,
                                      double               scale,
                                      GError             **error);

G_END_DECLS
