/* ems-comparison.h: many assessments side by side (workshop mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-scores.h"

G_BEGIN_DECLS

/* Statistics of one element across the participants that have a score
 * for it; participants with a null score are left out and counted. */
typedef struct
{
  guint     number;       /* 1-based element */
  guint     n_scored;
  guint     n_null;
  gboolean  has_stats;    /* n_scored > 0 */
  double    mean;
  double    median;
  double    min;
  double    max;
  double    stddev;       /* population standard deviation */
  double    range;        /* max - min */
  guint     n_bands[4];   /* participants per EmsBand */
} EmsElementStats;

/* A question answered 0 by several participants */
typedef struct
{
  const EmsQuestion *question;
  guint              n_zero;
  guint              n_answered;   /* answered with a level */
} EmsZeroCount;

/* Two or more assessments of the same organisation and site, oldest first */
typedef struct
{
  char     *name;          /* a participant label when anonymised */
  char     *site;          /* NULL when anonymised */
  guint     n;
  guint    *participants;  /* indexes, by assessed_on then load order */
} EmsFollowUp;

#define EMS_TYPE_COMPARISON (ems_comparison_get_type ())

G_DECLARE_FINAL_TYPE (EmsComparison, ems_comparison, EMS, COMPARISON, GObject)

EmsComparison         *ems_comparison_new                 (void);
void                   ems_comparison_add                 (EmsComparison  *self,
                                                           EmsAssessment  *assessment,
                                                           const char     *source);
guint                  ems_comparison_get_n_participants  (EmsComparison  *self);
EmsAssessment         *ems_comparison_get_assessment      (EmsComparison  *self,
                                                           guint           index);
const EmsScores       *ems_comparison_get_scores          (EmsComparison  *self,
                                                           guint           index);
/* The file it came from, or NULL when anonymised */
const char            *ems_comparison_get_source          (EmsComparison  *self,
                                                           guint           index);
/* "Participant A"… when anonymised, else the organisation (and site when
 * the set holds several sites of it) */
char                  *ems_comparison_dup_label           (EmsComparison  *self,
                                                           guint           index);
gboolean               ems_comparison_get_anonymise       (EmsComparison  *self);
void                   ems_comparison_set_anonymise       (EmsComparison  *self,
                                                           gboolean        anonymise);

guint                  ems_comparison_get_n_elements      (EmsComparison  *self);
const EmsElementStats *ems_comparison_get_element_stats   (EmsComparison  *self,
                                                           guint           number);
/* Element numbers: largest spread (standard deviation) first */
GArray                *ems_comparison_rank_disagreement   (EmsComparison  *self);
/* Element numbers: lowest group mean first */
GArray                *ems_comparison_rank_weakest        (EmsComparison  *self);
/* Questions answered 0 by at least one participant, most often first */
GArray                *ems_comparison_most_zero           (EmsComparison  *self,
                                                           guint           max);
/* Organisations (name and site) assessed more than once */
GPtrArray             *ems_comparison_follow_ups          (EmsComparison  *self);

/* The change of an element's score from the first to the last assessment
 * of @follow_up; FALSE when either has no score. */
gboolean               ems_comparison_get_delta           (EmsComparison     *self,
                                                           const EmsFollowUp *follow_up,
                                                           guint              number,
                                                           double            *delta);

/* "Participant A", …, "Participant Z", "Participant AA", … */
char                  *ems_participant_label              (guint           index);
void                   ems_follow_up_free                 (EmsFollowUp    *follow_up);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsFollowUp, ems_follow_up_free)

G_END_DECLS
