/* ems-plan-draft.h: a drafted, phased action plan, proposed from "where to
 * start" by the rules of issue 13
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"
#include "ems-plan.h"

G_BEGIN_DECLS

/* Days after the assessment date an action of each phase is due */
#define EMS_PLAN_DRAFT_PHASE1_DAYS  30
#define EMS_PLAN_DRAFT_PHASE2_DAYS  90
#define EMS_PLAN_DRAFT_PHASE3_DAYS 180
/* Days after the assessment date an action added from one question is due */
#define EMS_PLAN_STEP_DAYS          90

/* One proposed action. The question belongs to the assessment's checklist. */
typedef struct
{
  const EmsQuestion *question;
  guint              phase;        /* 1 .. 3 */
  EmsStepKind        step;
  EmsEffort          effort;
  char              *title;        /* the step's first sentence */
  char              *description;  /* the whole step */
  char              *due;          /* "YYYY-MM-DD" */
} EmsPlanDraftItem;

/* The phase of a "where to start" entry: 1 for a critical question
 * answered 0 and for compliance (elements 2, 6 and 10), 2 for the other
 * questions of red elements, 3 for the rest. */
guint       ems_plan_draft_phase          (const EmsPlanStep *step,
                                           const EmsScores   *scores);

/* The days after the assessment date a phase is due: 30, 90, 180 */
guint       ems_plan_draft_phase_days     (guint              phase);

/* "YYYY-MM-DD", @days after the assessment date (or after @today when the
 * assessment has no valid date; the local date when @today is NULL) */
char       *ems_plan_due_date             (EmsAssessment     *assessment,
                                           guint              days,
                                           const GDate       *today);

/* Every "where to start" entry not already linked to an action of the
 * plan, by phase, and in the "where to start" order within a phase.
 *
 * @scores: (nullable): computed here when NULL
 * @today: (nullable): the date used when the assessment has none
 *
 * Returns: (transfer full) (element-type EmsPlanDraftItem) */
GArray     *ems_plan_draft                (EmsAssessment     *assessment,
                                           const EmsScores   *scores,
                                           const GDate       *today);

/* A new action from a drafted item: title, description, element,
 * question, phase, due date */
EmsAction  *ems_plan_draft_item_to_action (const EmsPlanDraftItem *item);

/* The action "Add to plan" creates from one question's step for its
 * current level: title, description, element, question, due 90 days after
 * the assessment date. NULL when the question has no step at its level
 * (unanswered, level 4, N/A, at or above nothing to do). */
EmsAction  *ems_plan_action_for_question  (EmsAssessment     *assessment,
                                           const EmsQuestion *question,
                                           const GDate       *today);

/* TRUE if an action of the plan is linked to @question_id */
gboolean    ems_plan_has_action_for       (EmsAssessment     *assessment,
                                           const char        *question_id);

/* The first sentence of @text (up to and with its full stop), or the whole */
char       *ems_plan_first_sentence       (const char        *text);

G_END_DECLS
