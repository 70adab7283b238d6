/* ems-plan.h: from gaps to a plan: where to start, and ISO 14001:2015
 * readiness, by the rules of the domain brief
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"
#include "ems-scores.h"

G_BEGIN_DECLS

/* One entry of "where to start": a question answered below the target
 * level, and the next step its level calls for. The pointers belong to the
 * assessment's checklist and live as long as it does. */
typedef struct
{
  const EmsQuestion *question;
  guint              level;         /* the answer, 0 .. target_level - 1 */
  EmsStepKind        step;          /* START at levels 0-1, IMPROVE at 2-3 */
  const char        *text;          /* the step's translated text (NULL if the data has none) */
  EmsEffort          effort;
  gboolean           critical_zero; /* a critical question answered 0 */
  guint              points;        /* (target_level - level) * weight */
  double             element_gap;   /* the gap of the question's element */
} EmsPlanStep;

/* The answered, applicable questions whose level is below the target level,
 * in the brief's exact order: critical questions answered 0 first; then
 * (target_level - level) * weight, largest first; then the element's gap,
 * largest first; then the question id, compared numerically.
 *
 * @scores: (nullable): the assessment's scores, computed here when NULL
 *
 * Returns: (transfer full) (element-type EmsPlanStep): every such question;
 *   empty at target level 0 */
GArray     *ems_plan_where_to_start      (EmsAssessment    *assessment,
                                          const EmsScores  *scores);

/* Readiness for one ISO 14001:2015 clause */
typedef struct
{
  char       *clause;           /* "6.1.3" */
  const char *title;            /* translated short title; NULL if the data has none */
  gboolean    has_score;        /* FALSE ("not assessed"): score is NaN */
  double      score;            /* 100 * sum (w * level) / sum (4 * w), percent */
  EmsBand     band;
  guint       n_questions;      /* questions citing the clause; 0: not assessed by this checklist */
  guint       n_answered;       /* of those, answered with a level */
  guint       n_not_applicable; /* of those, marked N/A */
} EmsClauseReadiness;

/* One entry per clause the checklist's questions cite, plus 4.1, 4.3 and
 * 4.4, in numeric clause order (4.1 < 4.2 < ... < 6.1.2 < ... < 10.3). The
 * score follows the element rule over the answered, applicable questions
 * citing the clause; none where no such question exists.
 *
 * Returns: (transfer full) (element-type EmsClauseReadiness): the clauses */
GArray     *ems_plan_iso14001_readiness  (EmsAssessment    *assessment);

/* Orders dotted numbers ("2.9" < "2.10", "6.1" < "6.1.2" < "10.3")
 * numerically, part by part; like strcmp. Question ids and clause numbers. */
int         ems_plan_compare_numbers     (const char       *a,
                                          const char       *b);

G_END_DECLS
