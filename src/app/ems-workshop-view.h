/* ems-workshop-view.h: one view of a workshop comparison, and the pieces
 * the views and the slides share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view shows its EmsComparison and rebuilds itself when the comparison
 * changes (participants come in, anonymising is switched): the window only
 * hands it the comparison. Every figure a view shows comes from
 * EmsComparison or from the chart builders fed by it; views only draw.
 */
#pragma once

#include <adwaita.h>

#include "ems-charts.h"
#include "ems-comparison.h"

G_BEGIN_DECLS

#define EMS_TYPE_WORKSHOP_VIEW (ems_workshop_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (EmsWorkshopView, ems_workshop_view, EMS, WORKSHOP_VIEW, AdwBin)

struct _EmsWorkshopViewClass
{
  AdwBinClass parent_class;

  /* Shows the comparison anew (it may be NULL or empty) */
  void (*rebuild) (EmsWorkshopView *self);
};

EmsComparison       *ems_workshop_view_get_comparison (EmsWorkshopView *self);
void                 ems_workshop_view_set_comparison (EmsWorkshopView *self,
                                                       EmsComparison   *comparison);
/* The number of participants shown; 0 without a comparison */
guint                ems_workshop_view_get_n_participants (EmsWorkshopView *self);
void                 ems_workshop_view_rebuild        (EmsWorkshopView *self);

/* Pieces shared by the views and the slides ------------------------------ */

/* Loads the stylesheet at @resource (a GResource path) for the default
 * display, once */
void                 ems_workshop_load_stylesheet     (const char      *resource);
/* Light or dark, following the style manager, on the widget's background */
EmsChartStyle        ems_workshop_chart_style         (void);
/* "1. Environmental Policy" */
char                *ems_workshop_element_title       (guint            number);
void                 ems_workshop_remove_children     (GtkWidget       *box);
GtkWidget           *ems_workshop_cell_label          (const char      *text,
                                                       const char      *css_class,
                                                       float            xalign);
GtkWidget           *ems_workshop_group_new           (const char      *title,
                                                       const char      *description);
GtkWidget           *ems_workshop_row_new             (const char      *title,
                                                       const char      *subtitle);
/* A grid of element | first | last | change for @follow_up (the titles
 * wrap when @wrap_titles, else they are ellipsized); the change
 * labels are named "change" with the element number as data "element" */
GtkWidget           *ems_workshop_change_grid_new     (EmsComparison     *comparison,
                                                       const EmsFollowUp *follow_up,
                                                       const char        *cell_class,
                                                       gboolean           wrap_titles);

G_END_DECLS
