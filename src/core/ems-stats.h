/* ems-stats.h: the statistics of "Maturity and outcomes", exactly
 *
 * Pure functions over arrays of doubles, so that the window, the
 * presentation, the workbooks, the PDF and the command line compute the
 * same numbers. The inputs are finite numbers: callers leave out the
 * points that lack a value (and count them) before calling; a non-finite
 * input is a programming error (g_return_val_if_fail) and gives null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A statistic that may be null (has_value FALSE: value is NAN) */
typedef struct
{
  gboolean has_value;
  double   value;
} EmsStat;

/* Σ values / n; null when n is 0. */
EmsStat  ems_stats_mean      (const double *values,
                              gsize         n);

/* The middle value of the n values in ascending order: the one in the
 * middle when n is odd, the mean of the two middle ones when n is even;
 * null when n is 0. @values is not modified. */
EmsStat  ems_stats_median    (const double *values,
                              gsize         n);

/* Writes to @ranks (n doubles) the 1-based rank of each value in ascending
 * order, ties (exactly equal values) given the mean of the ranks they
 * span: 10, 20, 20, 30 rank 1, 2.5, 2.5, 4. */
void     ems_stats_ranks     (const double *values,
                              gsize         n,
                              double       *ranks);

/* Pearson's correlation coefficient
 *   r = Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² · Σ (y − ȳ)²),
 * clamped to [−1, 1] against rounding; null when n < 3 or when x or y is
 * constant (all its values equal). */
EmsStat  ems_stats_pearson   (const double *x,
                              const double *y,
                              gsize         n);

/* Spearman's ρ: Pearson's correlation of the ranks of x and of y (as
 * ems_stats_ranks gives them, ties averaged), not the shortcut formula
 * 1 − 6Σd²/(n(n²−1)), which is wrong with ties; null when n < 3 or when x
 * or y is constant. */
EmsStat  ems_stats_spearman  (const double *x,
                              const double *y,
                              gsize         n);

G_END_DECLS
