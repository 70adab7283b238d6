/* ems-results-page.h: the results of an assessment: scores, charts, where
 * to start and the open actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ems-assessment.h"
#include "ems-charts.h"

G_BEGIN_DECLS

#define EMS_TYPE_RESULTS_PAGE (ems_results_page_get_type ())

G_DECLARE_FINAL_TYPE (EmsResultsPage, ems_results_page, EMS, RESULTS_PAGE, GtkWidget)

/* The columns of the table of elements */
typedef enum
{
  EMS_RESULTS_COLUMN_ELEMENT,
  EMS_RESULTS_COLUMN_SCORE,
  EMS_RESULTS_COLUMN_TARGET,
  EMS_RESULTS_COLUMN_GAP,
  EMS_RESULTS_COLUMN_BAND,
  EMS_RESULTS_COLUMN_COVERAGE,
  EMS_RESULTS_COLUMN_RED_FLAG,
  EMS_RESULTS_N_COLUMNS
} EmsResultsColumn;

/* Signals:
 *   show-question (const char *question_id): the user asked to see that
 *   question; the window shows it. */

GtkWidget     *ems_results_page_new                 (EmsAssessment    *assessment);
EmsAssessment *ems_results_page_get_assessment      (EmsResultsPage   *self);
void           ems_results_page_set_assessment      (EmsResultsPage   *self,
                                                     EmsAssessment    *assessment);

/* For tests and the window: what the page shows */
const char    *ems_results_page_get_overall_text    (EmsResultsPage   *self);
/* The text of the cell of element @element (1-based) in @column */
const char    *ems_results_page_get_cell_text       (EmsResultsPage   *self,
                                                     guint             element,
                                                     EmsResultsColumn  column);
/* The drawing area of EMS_CHART_RADAR or EMS_CHART_GAPS */
GtkWidget     *ems_results_page_get_chart_area      (EmsResultsPage   *self,
                                                     EmsChartKind      kind);
/* The "go to question" buttons, in order (transfer container) */
GPtrArray     *ems_results_page_get_question_buttons (EmsResultsPage  *self);

/* Opens the "Draft an Action Plan" dialog over the page's window */
GtkWidget  *ems_results_page_draft (EmsResultsPage *self);

G_END_DECLS
