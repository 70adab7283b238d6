/* ems-workshop-private.h: pieces shared by the workshop window and the
 * presentation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-charts.h"
#include "ems-comparison.h"

G_BEGIN_DECLS

/* Loads ui/ems-workshop.css once for the default display */
void                  ems_workshop_load_style                  (void);
/* Light or dark, following the style manager */
const EmsChartStyle  *ems_workshop_chart_style                 (void);
/* Scores whose element scores are the group means (no red flags); free
 * with ems_workshop_free_group_mean() */
EmsScores            *ems_workshop_compute_group_mean          (EmsComparison     *comparison);
void                  ems_workshop_free_group_mean             (EmsScores         *mean);
EmsRadarData         *ems_workshop_radar_data_new              (EmsComparison     *comparison,
                                                                const EmsScores   *group_mean,
                                                                const guint       *picked,
                                                                guint              n_picked);
/* Element @number's answers, one row per participant */
EmsDistributionData  *ems_workshop_distribution_data_new       (EmsComparison     *comparison,
                                                                guint              number);
/* All the group's answers, one row per element */
EmsDistributionData  *ems_workshop_group_distribution_data_new (EmsComparison     *comparison);
char                 *ems_workshop_describe_stats              (const EmsElementStats *stats);
GtkWidget            *ems_workshop_change_grid_new             (EmsComparison     *comparison,
                                                                const EmsFollowUp *follow_up,
                                                                const char        *cell_class);
char                 *ems_workshop_describe_follow_up          (EmsComparison     *comparison,
                                                                const EmsFollowUp *follow_up);
char                 *ems_workshop_follow_up_title             (const EmsFollowUp *follow_up);

G_END_DECLS
