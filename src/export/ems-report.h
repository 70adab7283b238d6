/* ems-report.h: the multi-page results report (PDF, printing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is laid out once for a page size and drawn page by page on any
 * cairo_t whose user unit is the point (1/72 in), so a PDF file and a
 * GtkPrintOperation share it:
 *
 *   begin-print: n = ems_report_paginate (report, cr, page_w, page_h);
 *                gtk_print_operation_set_n_pages (op, n);
 *   draw-page:   ems_report_draw_page (report, cr, page_nr);
 *
 * (with gtk_print_operation_set_unit (op, GTK_UNIT_POINTS) and the page
 * size from gtk_print_context_get_width/height).
 */
#pragma once

#include <cairo.h>

#include "ems-assessment.h"
#include "ems-comparison.h"

G_BEGIN_DECLS

typedef struct _EmsReport EmsReport;

/* Takes a snapshot of @assessment's texts and scores (the report keeps no
 * reference to it); @when is the generation date printed on the cover
 * (NULL: now). */
EmsReport *ems_report_new             (EmsAssessment *assessment,
                                       GDateTime     *when);
void       ems_report_free            (EmsReport     *report);
/* Lays the report out; returns the number of pages */
guint      ems_report_paginate        (EmsReport     *report,
                                       cairo_t       *cr,
                                       double         page_width,
                                       double         page_height);
guint      ems_report_get_n_pages     (EmsReport     *report);
/* Draws page @page (0-based) of the last pagination */
void       ems_report_draw_page       (EmsReport     *report,
                                       cairo_t       *cr,
                                       guint          page);

/* The paper of the current LC_PAPER: US Letter or A4, in points */
void       ems_report_get_paper_size  (double        *width,
                                       double        *height);

/* Lays out and writes @report as a PDF file at @path, paper from the
 * locale, atomically. Safe in a worker thread (g_task_run_in_thread) on a
 * report made in the main thread. */
gboolean   ems_report_save_pdf        (EmsReport     *report,
                                       const char    *path,
                                       GError       **error);

/* The whole report as a PDF file at @path, paper from the locale, written
 * atomically (temporary file beside @path, then renamed); on failure
 * nothing is left and @error is EMS_ERROR_EXPORT naming the file. */
gboolean   ems_report_write_pdf       (EmsAssessment *assessment,
                                       const char    *path,
                                       GDateTime     *when,
                                       GError       **error);

/* The comparison handout of a workshop: cover, group radar, participants
 * by elements, statistics, priorities, changes over time, method. A
 * snapshot like ems_report_new(): the report keeps no reference to
 * @comparison. Anonymised when @comparison is: no organisation, site,
 * assessor, date, file name, note, evidence or owner anywhere in it, the
 * PDF's metadata included. */
EmsReport *ems_report_new_comparison       (EmsComparison  *comparison,
                                            GDateTime      *when);
/* The comparison handout as a PDF file at @path, as ems_report_write_pdf() */
gboolean   ems_report_write_comparison_pdf (EmsComparison  *comparison,
                                            const char     *path,
                                            GDateTime      *when,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsReport, ems_report_free)

G_END_DECLS
