/* ems-results-page-private.h: the results page's state, shared by
 * ems-results-page.c (the page, the summary, the charts and the table)
 * and ems-results-page-lists.c (where to start, the open actions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-results-page.h"
#include "ems-scores.h"

G_BEGIN_DECLS

/* Questions shown per priority element, and priority elements shown */
#define N_PRIORITY_ELEMENTS  3
#define N_PRIORITY_QUESTIONS 3
/* Steps listed in "Where to start", as --summary --json lists them */
#define N_WHERE_TO_START     5

struct _EmsResultsPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *scroller;
  GtkFlowBox      *summary_box;
  GtkLabel        *overall_label;
  GtkLabel        *overall_band_label;
  GtkLabel        *overall_detail_label;
  GtkLabel        *coverage_label;
  GtkLabel        *coverage_detail_label;
  GtkLabel        *target_label;
  GtkLabel        *target_detail_label;
  GtkFlowBox      *charts_box;
  GtkDrawingArea  *radar_area;
  GtkDrawingArea  *gaps_area;
  GtkGrid         *table_grid;
  GtkWidget       *priorities_box;
  GtkLabel        *priorities_description;
  GtkListBox      *actions_list;

  EmsAssessment   *assessment;
  EmsScores       *scores;
  EmsRadarData    *radar_data;
  EmsGapBarsData  *gaps_data;
  GPtrArray       *cells;             /* GtkLabel, n_elements × EMS_RESULTS_N_COLUMNS */
  GPtrArray       *question_buttons;  /* GtkButton */
  guint            n_table_rows;
  gboolean         dirty;
  /* What the priorities and the open actions were built from: they are
   * rebuilt only when it changes */
  char            *priorities_key;
  char            *actions_key;
};
void _ems_results_page_update_priorities   (EmsResultsPage *self);
void _ems_results_page_update_open_actions (EmsResultsPage *self);

G_END_DECLS
