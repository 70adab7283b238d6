/* ems-scores.h: the scoring rule of the domain brief, exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"

G_BEGIN_DECLS

typedef enum
{
  EMS_BAND_NONE,   /* no score */
  EMS_BAND_RED,    /* below 40 */
  EMS_BAND_AMBER,  /* 40 to below 70 */
  EMS_BAND_GREEN,  /* 70 and above */
} EmsBand;

typedef struct
{
  guint     number;          /* 1-based element number */
  gboolean  has_score;       /* FALSE: score and gap are null */
  double    score;           /* percent 0..100 */
  double    gap;             /* max (0, target - score) */
  double    coverage;        /* 0..1: (answered + N/A) / questions */
  EmsBand   band;
  gboolean  red_flag;        /* a critical question answered 0 */
  guint     n_questions;
  guint     n_answered;      /* answered with a level */
  guint     n_not_applicable;
  guint     n_levels[EMS_LEVEL_MAX + 1]; /* answers per level 0..4 */
} EmsElementScore;

typedef struct
{
  gboolean         has_overall;
  double           overall;   /* mean of non-null element scores */
  double           coverage;  /* 0..1 over all questions */
  guint            target_level;
  double           target;    /* 25 * target_level */
  EmsBand          band;      /* band of the overall score */
  guint            n_questions;
  guint            n_answered;
  guint            n_not_applicable;
  guint            n_elements;
  EmsElementScore *elements;  /* n_elements, in element order */
  guint           *priority;  /* element indexes (0-based), largest gap first */
} EmsScores;

EmsScores  *ems_scores_compute      (EmsAssessment *assessment);
void        ems_scores_free         (EmsScores     *scores);
EmsBand     ems_band_from_score     (double         score);
/* "red", "amber", "green", or NULL for EMS_BAND_NONE */
const char *ems_band_to_string      (EmsBand        band);
/* Translated band word for display */
const char *ems_band_to_label       (EmsBand        band);
/* The number rounded to one decimal, as the brief says figures are shown,
 * formatted in the current locale; "—" for none. */
char       *ems_format_percent      (gboolean       has_value,
                                     double         value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsScores, ems_scores_free)

G_END_DECLS
