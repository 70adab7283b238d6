/* ems-stats.c: the statistics of "Maturity and outcomes"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-stats"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ems-stats.h"

static const EmsStat null_stat = { FALSE, NAN };

static EmsStat
stat_value (double value)
{
  EmsStat stat = { TRUE, value };

  return stat;
}

static gboolean
all_finite (const double *values,
            gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (!isfinite (values[i]))
      return FALSE;

  return TRUE;
}

static gboolean
is_constant (const double *values,
             gsize         n)
{
  for (gsize i = 1; i < n; i++)
    if (values[i] != values[0])
      return FALSE;

  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

EmsStat
ems_stats_mean (const double *values,
                gsize         n)
{
  double sum = 0;

  g_return_val_if_fail (n == 0 || values != NULL, null_stat);
  g_return_val_if_fail (all_finite (values, n), null_stat);

  if (n == 0)
    return null_stat;

  for (gsize i = 0; i < n; i++)
    sum += values[i];

  return stat_value (sum / n);
}

EmsStat
ems_stats_median (const double *values,
                  gsize         n)
{
  g_autofree double *sorted = NULL;

  g_return_val_if_fail (n == 0 || values != NULL, null_stat);
  g_return_val_if_fail (all_finite (values, n), null_stat);

  if (n == 0)
    return null_stat;

  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);

  if (n % 2 == 1)
    return stat_value (sorted[n / 2]);

  return stat_value ((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
}

typedef struct
{
  double value;
  gsize  index;
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *x = a;
  const Ranked *y = b;
  int c = compare_doubles (&x->value, &y->value);

  if (c != 0)
    return c;

  /* a total order, so that qsort's result does not depend on its algorithm */
  return (x->index > y->index) - (x->index < y->index);
}

void
ems_stats_ranks (const double *values,
                 gsize         n,
                 double       *ranks)
{
  g_autofree Ranked *order = NULL;

  g_return_if_fail (n == 0 || (values != NULL && ranks != NULL));
  g_return_if_fail (all_finite (values, n));

  if (n == 0)
    return;

  order = g_new (Ranked, n);
  for (gsize i = 0; i < n; i++)
    {
      order[i].value = values[i];
      order[i].index = i;
    }
  qsort (order, n, sizeof (Ranked), compare_ranked);

  /* Positions first..last (0-based) hold equal values: each gets the
   * mean of the 1-based ranks first + 1 … last + 1. */
  for (gsize first = 0; first < n;)
    {
      gsize last = first;
      double rank;

      while (last + 1 < n && order[last + 1].value == order[first].value)
        last++;

      rank = (first + last) / 2.0 + 1;
      for (gsize i = first; i <= last; i++)
        ranks[order[i].index] = rank;

      first = last + 1;
    }
}

EmsStat
ems_stats_pearson (const double *x,
                   const double *y,
                   gsize         n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0, r;

  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), null_stat);
  g_return_val_if_fail (all_finite (x, n) && all_finite (y, n), null_stat);

  if (n < 3 || is_constant (x, n) || is_constant (y, n))
    return null_stat;

  for (gsize i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;

  for (gsize i = 0; i < n; i++)
    {
      double dx = x[i] - mx;
      double dy = y[i] - my;

      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }

  /* Not constant, yet values so close that the deviations vanish */
  if (!(sxx > 0) || !(syy > 0))
    return null_stat;

  r = sxy / sqrt (sxx * syy);
  return stat_value (CLAMP (r, -1.0, 1.0));
}

EmsStat
ems_stats_spearman (const double *x,
                    const double *y,
                    gsize         n)
{
  g_autofree double *rx = NULL;
  g_autofree double *ry = NULL;

  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), null_stat);
  g_return_val_if_fail (all_finite (x, n) && all_finite (y, n), null_stat);

  /* Ranks are constant exactly when the values are */
  if (n < 3 || is_constant (x, n) || is_constant (y, n))
    return null_stat;

  rx = g_new (double, n);
  ry = g_new (double, n);
  ems_stats_ranks (x, n, rx);
  ems_stats_ranks (y, n, ry);

  return ems_stats_pearson (rx, ry, n);
}
