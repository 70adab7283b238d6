/* ems-comparison-private.h: the comparison's insides, shared by its
 * three files (participants, statistics, loading); not API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-comparison.h"

G_BEGIN_DECLS

typedef struct
{
  EmsAssessment *assessment;
  EmsScores     *scores;
  char          *source;
} EmsParticipant;

struct _EmsComparison
{
  GObject          parent_instance;

  GPtrArray       *participants;   /* EmsParticipant* */
  guint            n_elements;
  gboolean         anonymise;

  /* Statistics, computed on first use and dropped when a participant
   * comes in (ems-comparison-stats.c) */
  gboolean         has_stats;
  EmsElementStats *stats;          /* n_elements */
  EmsElementStats  overall;
  EmsGroupTarget   target;
};

static inline EmsParticipant *
ems_comparison_participant (EmsComparison *self,
                            guint          index)
{
  return g_ptr_array_index (self->participants, index);
}

/* Adds a participant whose scores are already computed (@scores taken) */
void ems_comparison_add_scored    (EmsComparison *self,
                                   EmsAssessment *assessment,
                                   EmsScores     *scores,
                                   const char    *source);
void ems_comparison_ensure_stats  (EmsComparison *self);
void ems_comparison_clear_stats   (EmsComparison *self);

G_END_DECLS
