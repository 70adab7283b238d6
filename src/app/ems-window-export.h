/* ems-window-export.h: the window's exports (workbook, PDF report, charts)
 * and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installs win.export-workbook (Ctrl+E), win.export-report,
 * win.export-chart, win.export-questionnaire, win.print (Ctrl+P) and
 * win.open-export (s: a URI).
 * Each export asks for a file, writes it in a worker thread from a snapshot
 * of the assessment, then shows a toast with an "Open" button, or a dialog
 * naming the file when it failed (nothing is left behind then).
 */
#pragma once

#include "ems-charts.h"
#include "ems-window.h"

G_BEGIN_DECLS

typedef enum
{
  EMS_EXPORT_WORKBOOK,   /* .xlsx */
  EMS_EXPORT_REPORT,     /* the PDF report */
  EMS_EXPORT_CHART,      /* .png, .svg or .pdf by the extension */
  EMS_EXPORT_PRINT,      /* the report through GtkPrintOperation, to a PDF file */
  EMS_EXPORT_QUESTIONNAIRE,        /* the fill-in .xlsx, pre-filled from the assessment */
  EMS_EXPORT_QUESTIONNAIRE_BLANK,  /* the fill-in .xlsx, blank */
} EmsExportKind;

/* From the window's class_init and init */
void      ems_window_export_class_init     (GtkWidgetClass *widget_class);
void      ems_window_export_init           (EmsWindow      *self);

/* Exports without a file chooser (EMS_EXPORT_CHART: the radar at 1×) */
void      ems_window_export_to_file        (EmsWindow      *self,
                                            EmsExportKind   kind,
                                            GFile          *file);
void      ems_window_export_chart_to_file  (EmsWindow      *self,
                                            EmsChartKind    chart,
                                            double          scale,
                                            GFile          *file);

/* For tests: exports finished (successfully or not) since the window
 * opened, and the toast of the last successful one (or NULL) */
gboolean  ems_window_export_is_running     (EmsWindow      *self);
guint     ems_window_export_get_n_finished (EmsWindow      *self);
AdwToast *ems_window_export_get_last_toast (EmsWindow      *self);

G_END_DECLS
