/* test-comparison.c: workshop statistics against hand-computed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ems-comparison.h"

/* Every question of @element at @level: the element scores 25 × level. */
static void
set_element (EmsAssessment *assessment,
             guint          element,
             guint          level)
{
  const EmsElement *e = ems_checklist_get_element (ems_checklist_get_default (), element);

  for (guint q = 0; q < e->n_questions; q++)
    ems_assessment_set_level (assessment, e->questions[q]->id, level);
}

static EmsAssessment *
participant (const char *name,
             const char *site,
             const char *date,
             int         e1,
             int         e2,
             int         e3)
{
  EmsAssessment *assessment = ems_assessment_new (NULL);

  ems_assessment_set_name (assessment, name);
  ems_assessment_set_site (assessment, site);
  ems_assessment_set_assessed_on (assessment, date);
  if (e1 >= 0)
    set_element (assessment, 1, e1);
  if (e2 >= 0)
    set_element (assessment, 2, e2);
  if (e3 >= 0)
    set_element (assessment, 3, e3);

  return assessment;
}

static EmsComparison *
three_participants (void)
{
  EmsComparison *comparison = ems_comparison_new ();
  /* element 1: 100, 50, 25 · element 2: 50, 50, null · element 3: null, 0, 100 */
  g_autoptr(EmsAssessment) p1 = participant ("Acme Plating", "Plant 1", "2025-01-10", 4, 2, -1);
  g_autoptr(EmsAssessment) p2 = participant ("Beta Wood", "León", "2025-02-01", 2, 2, 0);
  g_autoptr(EmsAssessment) p3 = participant ("ACME plating ", "plant 1", "2024-01-10", 1, -1, 4);

  ems_comparison_add (comparison, p1, "/data/acme-2025.emsa");
  ems_comparison_add (comparison, p2, "/data/beta.emsa");
  ems_comparison_add (comparison, p3, "/data/acme-2024.emsa");

  return comparison;
}

static void
test_statistics (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  const EmsElementStats *e1, *e2, *e3, *e4;
  double mean1 = (100.0 + 50.0 + 25.0) / 3.0;
  double sd1 = sqrt ((pow (100 - mean1, 2) + pow (50 - mean1, 2) + pow (25 - mean1, 2)) / 3.0);

  g_assert_cmpuint (ems_comparison_get_n_participants (comparison), ==, 3);
  g_assert_cmpuint (ems_comparison_get_n_elements (comparison), ==, 10);

  e1 = ems_comparison_get_element_stats (comparison, 1);
  g_assert_true (e1->has_stats);
  g_assert_cmpuint (e1->n_scored, ==, 3);
  g_assert_cmpuint (e1->n_null, ==, 0);
  g_assert_cmpfloat_with_epsilon (e1->mean, 58.333333333333336, 1e-9);
  g_assert_cmpfloat_with_epsilon (e1->mean, mean1, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->median, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->min, 25.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->max, 100.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->range, 75.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->stddev, 31.180478223116177, 1e-9);
  g_assert_cmpfloat_with_epsilon (e1->stddev, sd1, 1e-12);
  g_assert_cmpuint (e1->n_bands[EMS_BAND_RED], ==, 1);
  g_assert_cmpuint (e1->n_bands[EMS_BAND_AMBER], ==, 1);
  g_assert_cmpuint (e1->n_bands[EMS_BAND_GREEN], ==, 1);

  /* a null score is left out of the statistics, and counted */
  e2 = ems_comparison_get_element_stats (comparison, 2);
  g_assert_cmpuint (e2->n_scored, ==, 2);
  g_assert_cmpuint (e2->n_null, ==, 1);
  g_assert_cmpuint (e2->n_bands[EMS_BAND_NONE], ==, 1);
  g_assert_cmpfloat_with_epsilon (e2->mean, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e2->stddev, 0.0, 1e-12);

  /* even count: the median is the mean of the middle two */
  e3 = ems_comparison_get_element_stats (comparison, 3);
  g_assert_cmpuint (e3->n_scored, ==, 2);
  g_assert_cmpfloat_with_epsilon (e3->median, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e3->stddev, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e3->min, 0.0, 1e-12);

  e4 = ems_comparison_get_element_stats (comparison, 4);
  g_assert_false (e4->has_stats);
  g_assert_cmpuint (e4->n_null, ==, 3);
  g_assert_true (isnan (e4->mean));
}

static void
test_rankings (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (comparison);
  g_autoptr(GArray) zero = ems_comparison_most_zero (comparison, 0);
  g_autoptr(GArray) zero2 = ems_comparison_most_zero (comparison, 2);
  const EmsElement *e3 = ems_checklist_get_element (ems_checklist_get_default (), 3);

  g_assert_cmpuint (spread->len, ==, 10);
  g_assert_cmpuint (g_array_index (spread, guint, 0), ==, 3);   /* sd 50 */
  g_assert_cmpuint (g_array_index (spread, guint, 1), ==, 1);   /* sd 31.2 */
  g_assert_cmpuint (g_array_index (spread, guint, 2), ==, 2);   /* sd 0 */
  g_assert_cmpuint (g_array_index (spread, guint, 3), ==, 4);   /* nulls, in order */

  g_assert_cmpuint (g_array_index (weakest, guint, 0), ==, 2);  /* mean 50 */
  g_assert_cmpuint (g_array_index (weakest, guint, 1), ==, 3);  /* mean 50, later */
  g_assert_cmpuint (g_array_index (weakest, guint, 2), ==, 1);  /* mean 58.3 */
  g_assert_cmpuint (g_array_index (weakest, guint, 3), ==, 4);

  /* only participant 2's element 3 is answered 0 */
  g_assert_cmpuint (zero->len, ==, e3->n_questions);
  for (guint i = 0; i < zero->len; i++)
    {
      EmsZeroCount *count = &g_array_index (zero, EmsZeroCount, i);

      g_assert_cmpuint (count->n_zero, ==, 1);
      g_assert_cmpuint (count->n_answered, ==, 2);
      g_assert_cmpuint (count->question->element, ==, 3);
    }
  g_assert_cmpuint (zero2->len, ==, 2);
}

static void
test_labels_and_anonymise (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autofree char *plain = ems_comparison_dup_label (comparison, 1);
  g_autofree char *acme = ems_comparison_dup_label (comparison, 0);
  g_autofree char *anon0 = NULL, *anon2 = NULL;
  const char *expected[][2] = {
    { "0", "Participant A" }, { "25", "Participant Z" }, { "26", "Participant AA" },
    { "27", "Participant AB" }, { "701", "Participant ZZ" }, { "702", "Participant AAA" },
  };

  g_assert_cmpstr (plain, ==, "Beta Wood");
  g_assert_cmpstr (acme, ==, "Acme Plating");
  g_assert_cmpstr (ems_comparison_get_source (comparison, 1), ==, "/data/beta.emsa");

  ems_comparison_set_anonymise (comparison, TRUE);
  anon0 = ems_comparison_dup_label (comparison, 0);
  anon2 = ems_comparison_dup_label (comparison, 2);
  g_assert_cmpstr (anon0, ==, "Participant A");
  g_assert_cmpstr (anon2, ==, "Participant C");
  g_assert_null (ems_comparison_get_source (comparison, 1));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *label = ems_participant_label (atoi (expected[i][0]));
      g_assert_cmpstr (label, ==, expected[i][1]);
    }
}

static void
test_follow_ups (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (comparison);
  g_autoptr(GPtrArray) anonymous = NULL;
  EmsFollowUp *acme;

  /* "Acme Plating"/"Plant 1" and "ACME plating "/"plant 1" are one site */
  g_assert_cmpuint (follow_ups->len, ==, 1);
  acme = g_ptr_array_index (follow_ups, 0);
  g_assert_cmpuint (acme->n, ==, 2);
  g_assert_cmpuint (acme->participants[0], ==, 2);   /* 2024 first */
  g_assert_cmpuint (acme->participants[1], ==, 0);
  g_assert_cmpstr (acme->name, ==, "ACME plating ");

  /* 2024: 25, null, 100 → 2025: 100, 50, null */
  {
    double delta = 0;

    g_assert_true (ems_comparison_get_delta (comparison, acme, 1, &delta));
    g_assert_cmpfloat_with_epsilon (delta, 75.0, 1e-12);
    g_assert_false (ems_comparison_get_delta (comparison, acme, 2, &delta));
    g_assert_false (ems_comparison_get_delta (comparison, acme, 3, &delta));
  }

  ems_comparison_set_anonymise (comparison, TRUE);
  anonymous = ems_comparison_follow_ups (comparison);
  g_assert_cmpstr (((EmsFollowUp *) anonymous->pdata[0])->name, ==, "Participant C");
  g_assert_null (((EmsFollowUp *) anonymous->pdata[0])->site);
}

static void
test_empty (void)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (comparison);
  const EmsElementStats *stats = ems_comparison_get_element_stats (comparison, 1);

  g_assert_false (stats->has_stats);
  g_assert_cmpuint (stats->n_scored + stats->n_null, ==, 0);
  g_assert_cmpuint (follow_ups->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comparison/statistics", test_statistics);
  g_test_add_func ("/comparison/rankings", test_rankings);
  g_test_add_func ("/comparison/labels-anonymise", test_labels_and_anonymise);
  g_test_add_func ("/comparison/follow-ups", test_follow_ups);
  g_test_add_func ("/comparison/empty", test_empty);

  return g_test_run ();
}
