/* test-scores.c: the scoring rule against hand-computed cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ems-scores.h"

/* A small checklist whose weights make the arithmetic easy to follow:
 * element 1: 1.1 w1, 1.2 w2, 1.3 w3 critical
 * element 2: 2.1 w1, 2.2 w1 critical
 * element 3: 3.1..3.5 w1 */
static const char checklist_xml[] =
  "<checklist id='test' version='1'><levels>"
  "<level value='0'><label>L0</label><meaning>M0</meaning></level>"
  "<level value='1'><label>L1</label><meaning>M1</meaning></level>"
  "<level value='2'><label>L2</label><meaning>M2</meaning></level>"
  "<level value='3'><label>L3</label><meaning>M3</meaning></level>"
  "<level value='4'><label>L4</label><meaning>M4</meaning></level>"
  "<level value='na'><label>NA</label><meaning>MNA</meaning></level>"
  "</levels>"
  "<element number='1'><title>One</title><why>w</why>"
  "<question id='1.1' weight='1'><text>q</text><help>h</help></question>"
  "<question id='1.2' weight='2'><text>q</text><help>h</help></question>"
  "<question id='1.3' weight='3' critical='yes'><text>q</text><help>h</help></question>"
  "</element>"
  "<element number='2'><title>Two</title><why>w</why>"
  "<question id='2.1'><text>q</text><help>h</help></question>"
  "<question id='2.2' critical='yes'><text>q</text><help>h</help></question>"
  "</element>"
  "<element number='3'><title>Three</title><why>w</why>"
  "<question id='3.1'><text>q</text><help>h</help></question>"
  "<question id='3.2'><text>q</text><help>h</help></question>"
  "<question id='3.3'><text>q</text><help>h</help></question>"
  "<question id='3.4'><text>q</text><help>h</help></question>"
  "<question id='3.5'><text>q</text><help>h</help></question>"
  "</element>"
  "</checklist>";

static EmsChecklist *
test_checklist (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (checklist_xml, sizeof checklist_xml - 1);
  g_autoptr(GError) error = NULL;
  EmsChecklist *checklist = ems_checklist_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (checklist);

  return checklist;
}

static void
set_levels (EmsAssessment *assessment,
            const char    *element,
            const int     *levels,
            guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s.%u", element, i + 1);

      if (levels[i] >= 0)
        ems_assessment_set_level (assessment, id, levels[i]);
    }
}

static void
test_weighted_na_unanswered (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autoptr(EmsScores) scores = NULL;

  /* 1.1 = 4 (w1), 1.2 = 2 (w2), 1.3 N/A: 100 × (4 + 4) / (4 + 8) */
  ems_assessment_set_level (assessment, "1.1", 4);
  ems_assessment_set_level (assessment, "1.2", 2);
  ems_assessment_set_not_applicable (assessment, "1.3", "No such process");
  /* element 2 unanswered; 3.1 = 0, the rest unanswered */
  ems_assessment_set_level (assessment, "3.1", 0);
  /* a note alone is not an answer */
  ems_assessment_set_note (assessment, "3.2", "Ask the plant manager");

  scores = ems_scores_compute (assessment);

  g_assert_cmpuint (scores->n_elements, ==, 3);

  g_assert_true (scores->elements[0].has_score);
  g_assert_cmpfloat_with_epsilon (scores->elements[0].score, 800.0 / 12.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (scores->elements[0].coverage, 1.0, 1e-12);
  g_assert_cmpint (scores->elements[0].band, ==, EMS_BAND_AMBER);
  g_assert_false (scores->elements[0].red_flag);
  g_assert_cmpfloat_with_epsilon (scores->elements[0].gap, 75.0 - 800.0 / 12.0, 1e-9);

  g_assert_false (scores->elements[1].has_score);
  g_assert_true (isnan (scores->elements[1].score));
  g_assert_true (isnan (scores->elements[1].gap));
  g_assert_cmpint (scores->elements[1].band, ==, EMS_BAND_NONE);
  g_assert_cmpfloat_with_epsilon (scores->elements[1].coverage, 0.0, 1e-12);

  g_assert_true (scores->elements[2].has_score);
  g_assert_cmpfloat_with_epsilon (scores->elements[2].score, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (scores->elements[2].coverage, 0.2, 1e-12);
  g_assert_cmpint (scores->elements[2].band, ==, EMS_BAND_RED);
  g_assert_false (scores->elements[2].red_flag); /* 3.1 is not critical */

  /* overall: mean of the two non-null element scores */
  g_assert_true (scores->has_overall);
  g_assert_cmpfloat_with_epsilon (scores->overall, (800.0 / 12.0 + 0.0) / 2.0, 1e-9);
  /* coverage: 4 of 10 (three in element 1, one in element 3) */
  g_assert_cmpfloat_with_epsilon (scores->coverage, 4.0 / 10.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (scores->target, 75.0, 1e-12);

  /* priority: element 3 (gap 75), element 1 (gap 8.3), element 2 (null) */
  g_assert_cmpuint (scores->priority[0], ==, 2);
  g_assert_cmpuint (scores->priority[1], ==, 0);
  g_assert_cmpuint (scores->priority[2], ==, 1);
}

static void
test_critical_red_flag (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autoptr(EmsScores) scores = NULL;
  g_autoptr(EmsScores) scores2 = NULL;
  const int all_four[] = { 4, 4, 4, 4, 4 };

  /* Element 1 scores high, but its critical question is answered 0. */
  ems_assessment_set_level (assessment, "1.1", 4);
  ems_assessment_set_level (assessment, "1.2", 4);
  ems_assessment_set_level (assessment, "1.3", 0);
  set_levels (assessment, "3", all_four, 5);
  scores = ems_scores_compute (assessment);
  /* 100 × (4 + 8 + 0) / (4 + 8 + 12) = 50 */
  g_assert_cmpfloat_with_epsilon (scores->elements[0].score, 50.0, 1e-12);
  g_assert_true (scores->elements[0].red_flag);
  g_assert_false (scores->elements[2].red_flag);

  /* A critical question at level 1 is no red flag, whatever the average */
  ems_assessment_set_level (assessment, "1.3", 1);
  ems_assessment_set_level (assessment, "2.2", 0);
  ems_assessment_set_level (assessment, "2.1", 4);
  scores2 = ems_scores_compute (assessment);
  g_assert_false (scores2->elements[0].red_flag);
  g_assert_true (scores2->elements[1].red_flag);
  g_assert_cmpfloat_with_epsilon (scores2->elements[1].score, 50.0, 1e-12);
}

static void
test_band_edges (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  const int forty[] = { 4, 4, 0, 0, 0 };        /* 8 / 20 = 40 % */
  const int seventy[] = { 4, 4, 4, 2, 0 };      /* 14 / 20 = 70 % */
  const int thirty_five[] = { 4, 3, 0, 0, 0 };  /* 7 / 20 = 35 % */
  const int sixty_five[] = { 4, 4, 4, 1, 0 };   /* 13 / 20 = 65 % */
  struct {
    const int *levels;
    double     score;
    EmsBand    band;
  } cases[] = {
    { forty, 40.0, EMS_BAND_AMBER },
    { seventy, 70.0, EMS_BAND_GREEN },
    { thirty_five, 35.0, EMS_BAND_RED },
    { sixty_five, 65.0, EMS_BAND_AMBER },
  };

  g_assert_cmpint (ems_band_from_score (39.99), ==, EMS_BAND_RED);
  g_assert_cmpint (ems_band_from_score (40.0), ==, EMS_BAND_AMBER);
  g_assert_cmpint (ems_band_from_score (69.99), ==, EMS_BAND_AMBER);
  g_assert_cmpint (ems_band_from_score (70.0), ==, EMS_BAND_GREEN);
  g_assert_cmpint (ems_band_from_score (0.0), ==, EMS_BAND_RED);
  g_assert_cmpint (ems_band_from_score (100.0), ==, EMS_BAND_GREEN);
  g_assert_cmpint (ems_band_from_score (NAN), ==, EMS_BAND_NONE);
  g_assert_cmpstr (ems_band_to_string (EMS_BAND_RED), ==, "red");
  g_assert_cmpstr (ems_band_to_string (EMS_BAND_AMBER), ==, "amber");
  g_assert_cmpstr (ems_band_to_string (EMS_BAND_GREEN), ==, "green");
  g_assert_null (ems_band_to_string (EMS_BAND_NONE));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EmsScores) scores = NULL;

      set_levels (assessment, "3", cases[i].levels, 5);
      scores = ems_scores_compute (assessment);
      g_assert_cmpfloat_with_epsilon (scores->elements[2].score, cases[i].score, 1e-9);
      g_assert_cmpint (scores->elements[2].band, ==, cases[i].band);
      /* the only scored element: overall equals it */
      g_assert_cmpfloat_with_epsilon (scores->overall, cases[i].score, 1e-9);
      g_assert_cmpint (scores->band, ==, cases[i].band);
    }
}

static void
test_target_levels (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  const int levels[] = { 4, 4, 0, 0, 0 };     /* 40 % */
  g_autoptr(EmsScores) zero = NULL;
  g_autoptr(EmsScores) four = NULL;
  g_autoptr(EmsScores) def = NULL;

  g_assert_cmpuint (ems_assessment_get_target_level (assessment), ==, 3);
  set_levels (assessment, "3", levels, 5);
  ems_assessment_set_level (assessment, "2.1", 4);  /* 100 % */

  def = ems_scores_compute (assessment);
  g_assert_cmpfloat_with_epsilon (def->target, 75.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (def->elements[2].gap, 35.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (def->elements[1].gap, 0.0, 1e-12);

  ems_assessment_set_target_level (assessment, 0);
  zero = ems_scores_compute (assessment);
  g_assert_cmpfloat_with_epsilon (zero->target, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (zero->elements[2].gap, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (zero->elements[1].gap, 0.0, 1e-12);
  g_assert_false (zero->elements[0].has_score);
  /* every gap 0: ties go by element number, null last */
  g_assert_cmpuint (zero->priority[0], ==, 1);
  g_assert_cmpuint (zero->priority[1], ==, 2);
  g_assert_cmpuint (zero->priority[2], ==, 0);

  ems_assessment_set_target_level (assessment, 4);
  four = ems_scores_compute (assessment);
  g_assert_cmpfloat_with_epsilon (four->target, 100.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (four->elements[2].gap, 60.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (four->elements[1].gap, 0.0, 1e-12);
  g_assert_cmpuint (four->priority[0], ==, 2);
}

static void
test_all_null (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autoptr(EmsScores) empty = NULL;
  g_autoptr(EmsScores) all_na = NULL;

  empty = ems_scores_compute (assessment);
  g_assert_false (empty->has_overall);
  g_assert_true (isnan (empty->overall));
  g_assert_cmpint (empty->band, ==, EMS_BAND_NONE);
  g_assert_cmpfloat_with_epsilon (empty->coverage, 0.0, 1e-12);

  /* Everything N/A: full coverage, still no score */
  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    ems_assessment_set_not_applicable (assessment, ems_checklist_get_question (checklist, i)->id, "n/a");
  all_na = ems_scores_compute (assessment);
  g_assert_false (all_na->has_overall);
  g_assert_cmpfloat_with_epsilon (all_na->coverage, 1.0, 1e-12);
  for (guint e = 0; e < all_na->n_elements; e++)
    {
      g_assert_false (all_na->elements[e].has_score);
      g_assert_cmpfloat_with_epsilon (all_na->elements[e].coverage, 1.0, 1e-12);
    }
}

static void
test_unknown_ids_not_scored (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autoptr(EmsScores) scores = NULL;
  g_auto(GStrv) unknown = NULL;

  ems_assessment_set_level (assessment, "1.1", 2);
  ems_assessment_set_level (assessment, "1.9", 0);
  ems_assessment_set_level (assessment, "11.1", 0);

  scores = ems_scores_compute (assessment);
  g_assert_cmpfloat_with_epsilon (scores->elements[0].score, 50.0, 1e-12);
  g_assert_false (scores->elements[0].red_flag);
  g_assert_cmpuint (scores->n_answered, ==, 1);

  unknown = ems_assessment_dup_unknown_ids (assessment);
  g_assert_cmpuint (g_strv_length (unknown), ==, 2);
  g_assert_cmpstr (unknown[0], ==, "1.9");
  g_assert_cmpstr (unknown[1], ==, "11.1");
}

static void
test_default_checklist_example (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autoptr(EmsScores) scores = NULL;
  double expected_sum = 0;

  /* Every question at level 2: every element scores exactly 50. */
  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    ems_assessment_set_level (assessment, ems_checklist_get_question (checklist, i)->id, 2);

  scores = ems_scores_compute (assessment);
  g_assert_cmpuint (scores->n_elements, ==, 10);
  for (guint e = 0; e < 10; e++)
    {
      g_assert_cmpfloat_with_epsilon (scores->elements[e].score, 50.0, 1e-12);
      expected_sum += scores->elements[e].score;
    }
  g_assert_cmpfloat_with_epsilon (scores->overall, expected_sum / 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (scores->coverage, 1.0, 1e-12);
}

static void
test_format_percent (void)
{
  g_autofree char *none = ems_format_percent (FALSE, 12);
  g_autofree char *rounded = ems_format_percent (TRUE, 800.0 / 12.0);

  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpstr (rounded, ==, "66.7 %");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scores/weighted-na-unanswered", test_weighted_na_unanswered);
  g_test_add_func ("/scores/critical-red-flag", test_critical_red_flag);
  g_test_add_func ("/scores/band-edges", test_band_edges);
  g_test_add_func ("/scores/target-levels", test_target_levels);
  g_test_add_func ("/scores/all-null", test_all_null);
  g_test_add_func ("/scores/unknown-ids", test_unknown_ids_not_scored);
  g_test_add_func ("/scores/default-checklist", test_default_checklist_example);
  g_test_add_func ("/scores/format-percent", test_format_percent);

  return g_test_run ();
}
