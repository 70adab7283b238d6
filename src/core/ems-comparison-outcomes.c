/* ems-comparison-outcomes.c: "Maturity and outcomes" over the
 * participants: the points, Spearman's ρ of maturity against an
 * indicator, and the follow-ups' changes in the indicators
 *
 * The rules are the domain brief's, exactly: one point per organisation
 * and site (name and site compared case-insensitively after trimming),
 * from its latest assessed_on; x the overall score or an element's, y the
 * indicator's ratio for an indicator with a ratio, else its value; a
 * point without x or y is left out and counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-comparison"

#include "config.h"

#include <math.h>

#include "ems-comparison-private.h"

gboolean
ems_comparison_get_outcome (EmsComparison      *self,
                            guint               index,
                            const EmsIndicator *indicator,
                            double             *y)
{
  EmsAssessment *assessment;

  g_return_val_if_fail (EMS_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (index < self->participants->len, FALSE);

  assessment = ems_comparison_participant (self, index)->assessment;
  if (indicator->has_ratio)
    return ems_assessment_get_indicator_ratio (assessment, indicator->id, y);

  return ems_assessment_get_indicator_value (assessment, indicator->id, y);
}

/* The same key as the follow-ups' */
static char *
point_key (EmsAssessment *assessment,
           guint          index)
{
  g_autofree char *name = NULL, *site = NULL;

  if (ems_assessment_get_name (assessment) == NULL)
    return g_strdup_printf ("\n\n%u", index);   /* unnamed: a point of its own */

  name = g_utf8_casefold (ems_assessment_get_name (assessment), -1);
  site = g_utf8_casefold (ems_assessment_get_site (assessment) ? ems_assessment_get_site (assessment) : "", -1);
  return g_strconcat (g_strstrip (name), "\n", g_strstrip (site), NULL);
}

GArray *
ems_comparison_outcome_points (EmsComparison *self)
{
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GArray *points = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (EMS_IS_COMPARISON (self), points);

  for (guint i = 0; i < self->participants->len; i++)
    {
      EmsAssessment *assessment = ems_comparison_participant (self, i)->assessment;
      char *key = point_key (assessment, i);
      gpointer found;

      if (g_hash_table_lookup_extended (latest, key, NULL, &found))
        {
          guint j = GPOINTER_TO_UINT (found);
          EmsAssessment *other = ems_comparison_participant (self, j)->assessment;

          /* the latest assessed_on; on a tie (or undated) the later loaded */
          if (g_strcmp0 (ems_assessment_get_assessed_on (assessment),
                         ems_assessment_get_assessed_on (other)) >= 0)
            g_hash_table_insert (latest, key, GUINT_TO_POINTER (i));
          else
            g_free (key);
        }
      else
        {
          g_hash_table_insert (latest, key, GUINT_TO_POINTER (i));
          g_ptr_array_add (order, key);
        }
    }

  for (guint k = 0; k < order->len; k++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (latest, g_ptr_array_index (order, k)));

      g_array_append_val (points, index);
    }

  return points;
}

static gboolean
get_x (EmsComparison *self,
       guint          index,
       guint          number,
       double        *x)
{
  const EmsScores *scores = ems_comparison_participant (self, index)->scores;

  if (number == 0)
    {
      *x = scores->overall;
      return scores->has_overall;
    }
  if (number > scores->n_elements || !scores->elements[number - 1].has_score)
    return FALSE;
  *x = scores->elements[number - 1].score;
  return TRUE;
}

void
ems_comparison_get_indicator_stats (EmsComparison      *self,
                                    const EmsIndicator *indicator,
                                    guint               number,
                                    EmsIndicatorStats  *stats)
{
  g_autoptr(GArray) points = NULL;
  g_autofree double *x = NULL, *y = NULL;
  guint n = 0;

  g_return_if_fail (EMS_IS_COMPARISON (self));
  g_return_if_fail (indicator != NULL && stats != NULL);

  points = ems_comparison_outcome_points (self);
  x = g_new (double, MAX (points->len, 1));
  y = g_new (double, MAX (points->len, 1));

  for (guint i = 0; i < points->len; i++)
    {
      guint index = g_array_index (points, guint, i);

      if (get_x (self, index, number, &x[n]) &&
          ems_comparison_get_outcome (self, index, indicator, &y[n]) && isfinite (y[n]))
        n++;
    }

  stats->indicator = indicator;
  stats->number = number;
  stats->n = n;
  stats->n_left_out = points->len - n;
  stats->spearman = ems_stats_spearman (x, y, n);
  stats->mean = ems_stats_mean (y, n);
  stats->median = ems_stats_median (y, n);
}

gboolean
ems_comparison_get_indicator_change (EmsComparison      *self,
                                     const EmsFollowUp  *follow_up,
                                     const EmsIndicator *indicator,
                                     double             *delta)
{
  double first, last;

  g_return_val_if_fail (EMS_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (follow_up != NULL && follow_up->n >= 2, FALSE);
  g_return_val_if_fail (indicator != NULL && delta != NULL, FALSE);

  if (!ems_comparison_get_outcome (self, follow_up->participants[0], indicator, &first) ||
      !ems_comparison_get_outcome (self, follow_up->participants[follow_up->n - 1], indicator, &last))
    return FALSE;

  *delta = last - first;
  return TRUE;
}
