/* window-test-helpers.h: what the window test programs share: finding
 * widgets in the real window and waiting for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-question-row.h"
#include "ems-test-utils.h"

G_BEGIN_DECLS

/* The program's application, made by ems_test_init () */
extern EmsApplication *app;

EmsAssessment   *window_assessment    (EmsWindow  *window);
EmsQuestionRow  *question_row         (EmsWindow  *window,
                                       const char *question_id);
const EmsAnswer *answer               (EmsWindow  *window,
                                       const char *question_id);
void             click                (GtkWidget  *button);
/* Waits: the window has no I/O under way; its document is saved */
gboolean         window_not_busy      (gpointer    user_data);
gboolean         document_saved       (gpointer    user_data);
/* Depth-first searches below @widget; NULL when none */
GtkWidget       *find_descendant      (GtkWidget  *widget,
                                       GType       type);
GtkWidget       *find_label_with      (GtkWidget  *widget,
                                       const char *text);
GtkWidget       *find_action_button   (GtkWidget  *widget,
                                       const char *action);
GtkWidget       *find_action_row      (GtkWidget  *widget,
                                       EmsAction  *action);
GtkWidget       *find_button_labelled (GtkWidget  *widget,
                                       const char *label);
GtkWidget       *find_row_titled      (GtkWidget  *widget,
                                       const char *title);

G_END_DECLS
