/* ems-comparison-stats.c: the statistics of a comparison, computed once
 * for every view (window, slides, handout, workbook, command line)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules, as the handout's and the workbook's Method sections state them:
 * a participant with no score for an element is left out of its figures
 * and counted; the standard deviation is the population one; the group's
 * target is the mean of the participants' targets; a change is up, down
 * or none as it is shown, rounded to one decimal.
 */
#define G_LOG_DOMAIN "ems-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ems-comparison-private.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Mean, median, extremes and spread of @n values (sorted here) */
static void
fill_stats (EmsElementStats *st,
            double          *values,
            guint            n)
{
  double sum = 0.0, squares = 0.0;

  st->n_scored = n;
  st->has_stats = n > 0;
  if (n == 0)
    {
      st->mean = st->median = st->min = st->max = st->stddev = st->range = NAN;
      return;
    }

  qsort (values, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += values[i];
  st->mean = sum / n;
  st->min = values[0];
  st->max = values[n - 1];
  st->range = st->max - st->min;
  st->median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;

  for (guint i = 0; i < n; i++)
    squares += (values[i] - st->mean) * (values[i] - st->mean);
  st->stddev = sqrt (squares / n);
}

void
ems_comparison_clear_stats (EmsComparison *self)
{
  g_clear_pointer (&self->stats, g_free);
  self->has_stats = FALSE;
}

void
ems_comparison_ensure_stats (EmsComparison *self)
{
  guint n_participants = self->participants->len;
  g_autofree double *values = NULL;
  guint n;

  if (self->has_stats)
    return;

  values = g_new (double, MAX (n_participants, 1));
  self->stats = g_new0 (EmsElementStats, self->n_elements);

  for (guint e = 0; e < self->n_elements; e++)
    {
      EmsElementStats *st = &self->stats[e];

      st->number = e + 1;
      n = 0;
      for (guint i = 0; i < n_participants; i++)
        {
          const EmsScores *scores = ems_comparison_participant (self, i)->scores;
          const EmsElementScore *es;

          if (e >= scores->n_elements)
            continue;
          es = &scores->elements[e];
          st->n_bands[es->band]++;
          if (es->has_score)
            values[n++] = es->score;
          else
            st->n_null++;
        }
      fill_stats (st, values, n);
    }

  /* The overall scores, by the same rules */
  memset (&self->overall, 0, sizeof self->overall);
  n = 0;
  for (guint i = 0; i < n_participants; i++)
    {
      const EmsScores *scores = ems_comparison_participant (self, i)->scores;

      self->overall.n_bands[scores->has_overall ? scores->band : EMS_BAND_NONE]++;
      if (scores->has_overall)
        values[n++] = scores->overall;
      else
        self->overall.n_null++;
    }
  fill_stats (&self->overall, values, n);

  /* The group's target: the mean of the participants' */
  memset (&self->target, 0, sizeof self->target);
  self->target.has_target = n_participants > 0;
  self->target.uniform = TRUE;
  if (n_participants > 0)
    {
      double sum = 0.0;

      self->target.lowest = G_MAXDOUBLE;
      self->target.highest = -G_MAXDOUBLE;
      for (guint i = 0; i < n_participants; i++)
        {
          double target = ems_comparison_participant (self, i)->scores->target;

          sum += target;
          self->target.lowest = MIN (self->target.lowest, target);
          self->target.highest = MAX (self->target.highest, target);
        }
      self->target.mean = sum / n_participants;
      self->target.uniform = self->target.lowest == self->target.highest;
    }

  self->has_stats = TRUE;
}

const EmsElementStats *
ems_comparison_get_element_stats (EmsComparison *self,
                                  guint          number)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= self->n_elements, NULL);

  ems_comparison_ensure_stats (self);

  return &self->stats[number - 1];
}

const EmsElementStats *
ems_comparison_get_overall_stats (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);

  ems_comparison_ensure_stats (self);

  return &self->overall;
}

const EmsGroupTarget *
ems_comparison_get_target (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);

  ems_comparison_ensure_stats (self);

  return &self->target;
}

/* Largest gap first, null scores last, ties by element number: the rule
 * of ems_scores_compute()'s priority */
static int
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const EmsElementScore *elements = user_data;
  const EmsElementScore *ea = &elements[*(const guint *) a];
  const EmsElementScore *eb = &elements[*(const guint *) b];
  double ga = ea->has_score ? ea->gap : -1.0;
  double gb = eb->has_score ? eb->gap : -1.0;

  if (ga != gb)
    return ga > gb ? -1 : 1;

  return (int) ea->number - (int) eb->number;
}

EmsScores *
ems_comparison_dup_group_scores (EmsComparison *self)
{
  guint n_participants;
  EmsScores *group;
  double coverage = 0.0;

  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);

  ems_comparison_ensure_stats (self);
  n_participants = self->participants->len;

  group = g_new0 (EmsScores, 1);
  group->n_elements = self->n_elements;
  group->elements = g_new0 (EmsElementScore, self->n_elements);
  group->priority = g_new0 (guint, self->n_elements);
  group->target = self->target.has_target ? self->target.mean : 75.0;
  group->target_level = (guint) CLAMP (round (group->target / 25.0), 0, EMS_LEVEL_MAX);
  group->has_overall = self->overall.has_stats;
  group->overall = self->overall.has_stats ? self->overall.mean : NAN;
  group->band = group->has_overall ? ems_band_from_score (group->overall) : EMS_BAND_NONE;

  for (guint e = 0; e < self->n_elements; e++)
    {
      const EmsElementStats *st = &self->stats[e];
      EmsElementScore *es = &group->elements[e];
      double element_coverage = 0.0;
      guint n_with = 0;

      es->number = e + 1;
      es->has_score = st->has_stats;
      es->score = st->has_stats ? st->mean : NAN;
      es->gap = st->has_stats ? MAX (0.0, group->target - st->mean) : NAN;
      es->band = st->has_stats ? ems_band_from_score (st->mean) : EMS_BAND_NONE;
      /* The group has no red flag of its own: a participant's would be
       * read as the group's */
      es->red_flag = FALSE;

      for (guint i = 0; i < n_participants; i++)
        {
          const EmsScores *scores = ems_comparison_participant (self, i)->scores;
          const EmsElementScore *pe;

          if (e >= scores->n_elements)
            continue;
          pe = &scores->elements[e];
          es->n_questions += pe->n_questions;
          es->n_answered += pe->n_answered;
          es->n_not_applicable += pe->n_not_applicable;
          for (guint k = 0; k <= EMS_LEVEL_MAX; k++)
            es->n_levels[k] += pe->n_levels[k];
          element_coverage += pe->coverage;
          n_with++;
        }
      es->coverage = n_with > 0 ? element_coverage / n_with : 0.0;

      group->n_questions += es->n_questions;
      group->n_answered += es->n_answered;
      group->n_not_applicable += es->n_not_applicable;
      group->priority[e] = e;
    }

  for (guint i = 0; i < n_participants; i++)
    coverage += ems_comparison_participant (self, i)->scores->coverage;
  group->coverage = n_participants > 0 ? coverage / n_participants : 0.0;

  g_qsort_with_data (group->priority, group->n_elements, sizeof (guint), compare_priority, group->elements);

  return group;
}

/* Rankings ---------------------------------------------------------------- */

static int
compare_disagreement (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  EmsComparison *self = user_data;
  const EmsElementStats *x = &self->stats[*(const guint *) a - 1];
  const EmsElementStats *y = &self->stats[*(const guint *) b - 1];
  double sx = x->has_stats ? x->stddev : -1.0;
  double sy = y->has_stats ? y->stddev : -1.0;

  if (sx != sy)
    return sx > sy ? -1 : 1;

  return (int) x->number - (int) y->number;
}

static int
compare_weakest (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  EmsComparison *self = user_data;
  const EmsElementStats *x = &self->stats[*(const guint *) a - 1];
  const EmsElementStats *y = &self->stats[*(const guint *) b - 1];
  double mx = x->has_stats ? x->mean : G_MAXDOUBLE;
  double my = y->has_stats ? y->mean : G_MAXDOUBLE;

  if (mx != my)
    return mx < my ? -1 : 1;

  return (int) x->number - (int) y->number;
}

static GArray *
ranked (EmsComparison    *self,
        GCompareDataFunc  compare)
{
  GArray *numbers = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_elements);

  ems_comparison_ensure_stats (self);

  for (guint e = 1; e <= self->n_elements; e++)
    g_array_append_val (numbers, e);

  g_array_sort_with_data (numbers, compare, self);

  return numbers;
}

GArray *
ems_comparison_rank_disagreement (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);
  return ranked (self, compare_disagreement);
}

GArray *
ems_comparison_rank_weakest (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);
  return ranked (self, compare_weakest);
}

static int
compare_zero_counts (gconstpointer a,
                     gconstpointer b)
{
  const EmsZeroCount *x = a, *y = b;

  if (x->n_zero != y->n_zero)
    return x->n_zero > y->n_zero ? -1 : 1;

  return (int) x->question->index - (int) y->question->index;
}

GArray *
ems_comparison_most_zero (EmsComparison *self,
                          guint          max)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  GArray *counts;

  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);

  counts = g_array_new (FALSE, TRUE, sizeof (EmsZeroCount));
  for (guint q = 0; q < ems_checklist_get_n_questions (checklist); q++)
    {
      EmsZeroCount count = { ems_checklist_get_question (checklist, q), 0, 0 };

      for (guint i = 0; i < self->participants->len; i++)
        {
          EmsParticipant *participant = ems_comparison_participant (self, i);
          const EmsAnswer *answer = ems_assessment_get_answer (participant->assessment, count.question->id);

          if (answer == NULL || answer->state != EMS_ANSWER_LEVEL)
            continue;
          count.n_answered++;
          if (answer->level == 0)
            count.n_zero++;
        }

      if (count.n_zero > 0)
        g_array_append_val (counts, count);
    }

  g_array_sort (counts, compare_zero_counts);
  if (max > 0 && counts->len > max)
    g_array_set_size (counts, max);

  return counts;
}

/* Changes over time -------------------------------------------------------- */

int
ems_change_direction (double delta)
{
  /* Rounded as shown: a change that rounds to 0.0 is no change */
  double shown = round (delta * 10.0);

  return shown > 0 ? 1 : shown < 0 ? -1 : 0;
}

char *
ems_format_change (double delta)
{
  g_autofree char *value = ems_format_percent (TRUE, fabs (delta));

  switch (ems_change_direction (delta))
    {
    case 1:
      /* Translators: a score that went up, in points; the arrow says it in text */
      return g_strdup_printf (_("↑ +%s"), value);
    case -1:
      /* Translators: a score that went down, in points */
      return g_strdup_printf (_("↓ −%s"), value);
    default:
      /* Translators: a score that did not change */
      return g_strdup_printf (_("= %s"), value);
    }
}

gboolean
ems_comparison_get_change (EmsComparison     *self,
                           const EmsFollowUp *follow_up,
                           guint              number,
                           EmsChange         *change)
{
  const EmsScores *first, *last;

  g_return_val_if_fail (EMS_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (follow_up != NULL && follow_up->n >= 2, FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  memset (change, 0, sizeof *change);
  first = ems_comparison_get_scores (self, follow_up->participants[0]);
  last = ems_comparison_get_scores (self, follow_up->participants[follow_up->n - 1]);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  if (number == 0)
    {
      change->has_first = first->has_overall;
      change->first = first->overall;
      change->has_last = last->has_overall;
      change->last = last->overall;
    }
  else
    {
      change->has_first = number <= first->n_elements && first->elements[number - 1].has_score;
      change->first = change->has_first ? first->elements[number - 1].score : NAN;
      change->has_last = number <= last->n_elements && last->elements[number - 1].has_score;
      change->last = change->has_last ? last->elements[number - 1].score : NAN;
    }

  change->has_delta = change->has_first && change->has_last;
  change->delta = change->has_delta ? change->last - change->first : NAN;
  change->direction = change->has_delta ? ems_change_direction (change->delta) : 0;

  return change->has_delta;
}

gboolean
ems_comparison_get_delta (EmsComparison     *self,
                          const EmsFollowUp *follow_up,
                          guint              number,
                          double            *delta)
{
  EmsChange change;

  g_return_val_if_fail (number >= 1, FALSE);

  if (!ems_comparison_get_change (self, follow_up, number, &change))
    return FALSE;

  *delta = change.delta;
  return TRUE;
}

/* Words -------------------------------------------------------------------- */

char *
ems_element_stats_describe (const EmsElementStats *stats)
{
  g_autofree char *mean = NULL;
  g_autofree char *median = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *stddev = NULL;

  if (stats == NULL || !stats->has_stats)
    return g_strdup (_("No participant has a score for this element."));

  mean = ems_format_percent (TRUE, stats->mean);
  median = ems_format_percent (TRUE, stats->median);
  min = ems_format_percent (TRUE, stats->min);
  max = ems_format_percent (TRUE, stats->max);
  stddev = ems_format_percent (TRUE, stats->stddev);

  if (stats->n_null > 0)
    /* Translators: statistics of an element's scores across participants,
     * in percent; the last two are counts of participants */
    return g_strdup_printf (_("Mean %s, median %s, lowest %s, highest %s, standard deviation %s · %u scored, %u without a score"),
                            mean, median, min, max, stddev, stats->n_scored, stats->n_null);

  /* Translators: statistics of an element's scores across participants,
   * in percent; the last is a count of participants */
  return g_strdup_printf (_("Mean %s, median %s, lowest %s, highest %s, standard deviation %s · %u scored"),
                          mean, median, min, max, stddev, stats->n_scored);
}
