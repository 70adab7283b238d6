/* ems-question-row.h: one question with its level chooser, note, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_QUESTION_ROW (ems_question_row_get_type ())

G_DECLARE_FINAL_TYPE (EmsQuestionRow, ems_question_row, EMS, QUESTION_ROW, GtkWidget)

GtkWidget         *ems_question_row_new           (EmsAssessment     *assessment,
                                                   const EmsQuestion *question);
const EmsQuestion *ems_question_row_get_question  (EmsQuestionRow    *self);
/* Level 0..4, or EMS_LEVEL_NA; activates the level chooser button. */
GtkWidget         *ems_question_row_get_level_button (EmsQuestionRow *self,
                                                      guint           level);
GtkWidget         *ems_question_row_get_reason_row (EmsQuestionRow   *self);
GtkWidget         *ems_question_row_get_note_row  (EmsQuestionRow    *self);
gboolean           ems_question_row_is_answered   (EmsQuestionRow    *self);
/* Focus the level chooser (the chosen level, or the first button). */
void               ems_question_row_focus         (EmsQuestionRow    *self);

G_END_DECLS
