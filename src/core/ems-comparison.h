/* ems-comparison.h: many assessments side by side (workshop mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure a workshop shows about the group is computed here, once:
 * the window, the slides, the PDF handout, the comparison workbook and the
 * command line read the same numbers, so they cannot disagree. Views only
 * choose which of them to show and how to word them.
 *
 *   participants    ems-comparison.c        labels, anonymising, follow-ups
 *   statistics      ems-comparison-stats.c  per element and overall, the
 *                                           group target and scores,
 *                                           rankings, changes over time
 *   loading         ems-comparison-load.c   files and folders, in a thread
 */
#pragma once

#include "ems-indicators.h"
#include "ems-scores.h"
#include "ems-stats.h"

G_BEGIN_DECLS

/* Statistics of one element (or of the overall scores) across the
 * participants that have a score for it; participants with a null score
 * are left out and counted. */
typedef struct
{
  guint     number;       /* 1-based element; 0 for the overall scores */
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

/* The group's target. Each participant has its own (25 × its target
 * level); the group's is their mean, whatever the view: the window's
 * radar ring, the slides, the handout and the workbook all use it. */
typedef struct
{
  gboolean  has_target;   /* at least one participant */
  double    mean;         /* percent */
  double    lowest;
  double    highest;
  gboolean  uniform;      /* every participant has the same target */
} EmsGroupTarget;

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

/* An element's (or the overall) score in the first and the last
 * assessment of a follow-up */
typedef struct
{
  gboolean  has_first;
  double    first;
  gboolean  has_last;
  double    last;
  gboolean  has_delta;    /* both have a score */
  double    delta;        /* last - first, in points */
  int       direction;    /* ems_change_direction() of delta; 0 without one */
} EmsChange;

/* A file or folder that could not be read */
typedef struct
{
  char *name;             /* its display name (basename) */
  char *message;          /* what went wrong, translated */
} EmsLoadProblem;

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
/* TRUE when a participant came from @source (anonymised or not) */
gboolean               ems_comparison_has_source          (EmsComparison  *self,
                                                           const char     *source);
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
/* The statistics of the participants' overall scores (number 0) */
const EmsElementStats *ems_comparison_get_overall_stats   (EmsComparison  *self);
const EmsGroupTarget  *ems_comparison_get_target          (EmsComparison  *self);
/* The group as one participant, for charts and tables: each element's
 * score is the group mean (null where nobody has a score) with its gap to
 * the group target, the overall score is the mean of the participants'
 * overall scores, coverage the mean coverage, the answer counts are summed
 * over the participants, and there is no red flag. target_level is the
 * level nearest to the group target. Free with ems_scores_free(). */
EmsScores             *ems_comparison_dup_group_scores    (EmsComparison  *self);
/* Element numbers: largest spread (standard deviation) first */
GArray                *ems_comparison_rank_disagreement   (EmsComparison  *self);
/* Element numbers: lowest group mean first */
GArray                *ems_comparison_rank_weakest        (EmsComparison  *self);
/* Questions answered 0 by at least one participant, most often first */
GArray                *ems_comparison_most_zero           (EmsComparison  *self,
                                                           guint           max);
/* Organisations (name and site) assessed more than once */
GPtrArray             *ems_comparison_follow_ups          (EmsComparison  *self);

/* Element @number's score (0: the overall score) in the first and the
 * last assessment of @follow_up; returns change->has_delta. */
gboolean               ems_comparison_get_change          (EmsComparison     *self,
                                                           const EmsFollowUp *follow_up,
                                                           guint              number,
                                                           EmsChange         *change);
/* The change of an element's score from the first to the last assessment
 * of @follow_up; FALSE when either has no score. */
gboolean               ems_comparison_get_delta           (EmsComparison     *self,
                                                           const EmsFollowUp *follow_up,
                                                           guint              number,
                                                           double            *delta);

/* Loading: reads @files in a worker thread, a folder standing for the
 * .emsa files in it (by name). Files already in the comparison or given
 * twice are skipped. The thread works on copies (the URIs, and the
 * sources already in the set) and never touches @self; what it reads is
 * added to @self, in order, by ems_comparison_load_files_finish(). */
void                   ems_comparison_load_files_async    (EmsComparison       *self,
                                                           GFile              **files,
                                                           guint                n_files,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* Adds what was read; FALSE only when cancelled (nothing is added then).
 * @n_added: how many participants came in; @problems: EmsLoadProblem*,
 * one per file or folder that could not be read (possibly empty). */
gboolean               ems_comparison_load_files_finish   (EmsComparison       *self,
                                                           GAsyncResult        *result,
                                                           guint               *n_added,
                                                           GPtrArray          **problems,
                                                           GError             **error);

/* "Participant A", …, "Participant Z", "Participant AA", … */
char                  *ems_participant_label              (guint           index);
void                   ems_follow_up_free                 (EmsFollowUp    *follow_up);
/* "Organisation, site" or the label alone */
char                  *ems_follow_up_dup_title            (const EmsFollowUp *follow_up);
/* "2 assessments, from 2025-01-15 to 2026-03-02" */
char                  *ems_comparison_describe_follow_up  (EmsComparison     *self,
                                                           const EmsFollowUp *follow_up);
/* An element's statistics in one sentence, for people */
char                  *ems_element_stats_describe         (const EmsElementStats *stats);
void                   ems_load_problem_free              (EmsLoadProblem *problem);

/* The direction of a change as it is shown, rounded to one decimal: a
 * change that rounds to 0.0 is no change. 1 up, -1 down, 0. */
int                    ems_change_direction               (double          delta);
/* "↑ +12.5", "↓ −5.0", "= 0.0": a change in points with its direction in
 * text, in the current locale */
char                  *ems_format_change                  (double          delta);

/* Maturity and outcomes (ems-comparison-outcomes.c), as the domain brief
 * defines them */
typedef struct
{
  const EmsIndicator *indicator;
  guint               number;       /* x: 0 the overall score, else an element's */
  guint               n;            /* points with both x and y */
  guint               n_left_out;   /* points lacking x or y */
  EmsStat             spearman;     /* ρ of x against y; null when n < 3 or constant */
  EmsStat             mean;         /* of y over the n points */
  EmsStat             median;
} EmsIndicatorStats;

/* y of a participant: the indicator's ratio when it has one, else its
 * value; FALSE when there is none */
gboolean               ems_comparison_get_outcome          (EmsComparison      *self,
                                                            guint               index,
                                                            const EmsIndicator *indicator,
                                                            double             *y);
/* Participant indexes, one per organisation and site (its latest
 * assessed_on; an unnamed participant is a point of its own), in order
 * of first appearance */
GArray                *ems_comparison_outcome_points       (EmsComparison      *self);
void                   ems_comparison_get_indicator_stats  (EmsComparison      *self,
                                                            const EmsIndicator *indicator,
                                                            guint               number,
                                                            EmsIndicatorStats  *stats);
/* Δy from the first to the last assessment of @follow_up; FALSE when
 * either has no y */
gboolean               ems_comparison_get_indicator_change (EmsComparison      *self,
                                                            const EmsFollowUp  *follow_up,
                                                            const EmsIndicator *indicator,
                                                            double             *delta);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsFollowUp, ems_follow_up_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsLoadProblem, ems_load_problem_free)

G_END_DECLS
