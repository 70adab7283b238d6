/* ems-step-view.h: a question's next step for its current level, with
 * "Add to Plan"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_STEP_VIEW (ems_step_view_get_type ())

G_DECLARE_FINAL_TYPE (EmsStepView, ems_step_view, EMS, STEP_VIEW, GtkWidget)

GtkWidget  *ems_step_view_new           (void);
/* The question it follows; hidden at level 4, N/A or unanswered */
void        ems_step_view_set_question  (EmsStepView       *self,
                                         EmsAssessment     *assessment,
                                         const EmsQuestion *question);
/* Adds the step to the action plan, due 90 days after the assessment
 * date, as "Add to Plan" does; returns the new action (transfer none) or
 * NULL when there is no step to add */
EmsAction  *ems_step_view_add_to_plan   (EmsStepView       *self);

G_END_DECLS
