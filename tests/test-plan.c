/* test-plan.c: "where to start" and ISO 14001 readiness against
 * hand-computed cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ems-plan.h"

/* A small checklist whose weights make the arithmetic easy to follow:
 *   element 1: 1.1 w1, 1.2 w2, 1.3 w3 critical
 *   element 2: 2.1 w1 critical, 2.2 ... 2.10 w1 (ten questions, so that
 *              2.10 must sort after 2.9)
 *   element 3: 3.1 w2, 3.2 w1
 * ISO clauses cited: 1.1 "4.1 5.2", 1.2 "5.2", 1.3 "5.2 10.1",
 *   2.1 ... 2.9 "6.1.3", 2.10 "6.1.3 6.1.3" (counted once), 3.1 "9.1.2",
 *   3.2 "7.5 10.1". Titles for all but 7.5. */
static EmsChecklist *
test_checklist (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EmsChecklist *checklist;

  g_string_append (xml, "<checklist id='test' version='1'><levels>");
  for (guint l = 0; l <= 4; l++)
    g_string_append_printf (xml, "<level value='%u'><label>L%u</label><meaning>M%u</meaning></level>", l, l, l);
  g_string_append (xml, "<level value='na'><label>NA</label><meaning>MNA</meaning></level></levels>"
                        "<iso14001>"
                        "<clause number='10.1'>Ten one</clause>"
                        "<clause number='4.1'>Four one</clause>"
                        "<clause number='4.3'>Four three</clause>"
                        "<clause number='4.4'>Four four</clause>"
                        "<clause number='5.2'>Five two</clause>"
                        "<clause number='6.1.3'>Six one three</clause>"
                        "<clause number='9.1.2'>Nine one two</clause>"
                        "</iso14001>");

#define QUESTION(id, attrs) \
  "<question id='" id "' " attrs "><text>q" id "</text><help>h</help>" \
  "<step kind='start' effort='low'>start " id "</step>" \
  "<step kind='improve' effort='high'>improve " id "</step></question>"

  g_string_append (xml, "<element number='1'><title>One</title>"
                        QUESTION ("1.1", "weight='1' iso='4.1 5.2'")
                        QUESTION ("1.2", "weight='2' iso='5.2'")
                        QUESTION ("1.3", "weight='3' critical='yes' iso='5.2 10.1'")
                        "</element><element number='2'><title>Two</title>"
                        QUESTION ("2.1", "critical='yes' iso='6.1.3'"));
  for (guint q = 2; q <= 9; q++)
    g_string_append_printf (xml, "<question id='2.%u' iso='6.1.3'><text>q</text>"
                                 "<step kind='start' effort='medium'>start 2.%u</step>"
                                 "<step kind='improve' effort='medium'>improve 2.%u</step></question>",
                            q, q, q);
  g_string_append (xml, QUESTION ("2.10", "iso='6.1.3 6.1.3'")
                        "</element><element number='3'><title>Three</title>"
                        QUESTION ("3.1", "weight='2' iso='9.1.2'")
                        QUESTION ("3.2", "iso='7.5 10.1'")
                        "</element></checklist>");
#undef QUESTION

  bytes = g_bytes_new (xml->str, xml->len);
  checklist = ems_checklist_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (checklist);

  return checklist;
}

typedef struct
{
  const char *id;
  int         level;    /* -1: N/A */
} Answer;

static EmsAssessment *
assessment_new (EmsChecklist *checklist,
                guint         target_level,
                const Answer *answers,
                guint         n_answers)
{
  EmsAssessment *assessment = ems_assessment_new (checklist);

  ems_assessment_set_target_level (assessment, target_level);
  for (guint i = 0; i < n_answers; i++)
    {
      if (answers[i].level < 0)
        ems_assessment_set_not_applicable (assessment, answers[i].id, "does not apply");
      else
        ems_assessment_set_level (assessment, answers[i].id, answers[i].level);
    }

  return assessment;
}

typedef struct
{
  const char  *id;
  EmsStepKind  step;
  guint        points;
} Expected;

static void
assert_steps (EmsAssessment  *assessment,
              const Expected *expected,
              guint           n_expected)
{
  g_autoptr(GArray) steps = ems_plan_where_to_start (assessment, NULL);
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(GArray) again = ems_plan_where_to_start (assessment, scores);

  for (guint i = 0; i < steps->len; i++)
    g_test_message ("got %s", g_array_index (steps, EmsPlanStep, i).question->id);

  g_assert_cmpuint (steps->len, ==, n_expected);
  g_assert_cmpuint (again->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const EmsPlanStep *step = &g_array_index (steps, EmsPlanStep, i);
      const EmsPlanStep *other = &g_array_index (again, EmsPlanStep, i);
      const EmsAnswer *answer = ems_assessment_get_answer (assessment, step->question->id);

      g_assert_cmpstr (step->question->id, ==, expected[i].id);
      g_assert_cmpint (step->step, ==, expected[i].step);
      g_assert_cmpuint (step->points, ==, expected[i].points);
      g_assert_cmpuint (step->level, ==, answer->level);
      g_assert_true (step->critical_zero == (step->question->critical && answer->level == 0));
      g_assert_cmpstr (step->text, ==, step->question->next_steps[step->step].text);
      g_assert_cmpint (step->effort, ==, step->question->next_steps[step->step].effort);
      g_assert_cmpfloat (step->element_gap, ==, scores->elements[step->question->element - 1].gap);
      /* the same with the scores given or computed */
      g_assert_true (other->question == step->question);
    }
}

/* Critical zeros first; then points; ties by the element's gap (against
 * id order), then by id (2.9 before 2.10). Target level 3.
 *
 *   element 1: 1.1=0 (w1), 1.2=2 (w2), 1.3=0 (w3, critical)
 *              score 100*(0+4+0)/24 = 16.67, gap 58.33
 *   element 2: 2.1=0 (critical), 2.2=1, 2.3=2, 2.4..2.8=3, 2.9=1, 2.10=1
 *              score 100*(0+1+2+15+1+1)/40 = 50, gap 25
 *   element 3: 3.1=1 (w2), 3.2=2 (w1)
 *              score 100*(2+2)/12 = 33.33, gap 41.67
 *
 * Points (3 - level) * w: 1.1 3, 1.2 2, 1.3 9, 2.1 3, 2.2 2, 2.3 1, 2.9 2,
 * 2.10 2, 3.1 4, 3.2 1. */
static const Answer case_a[] = {
  { "1.1", 0 }, { "1.2", 2 }, { "1.3", 0 },
  { "2.1", 0 }, { "2.2", 1 }, { "2.3", 2 }, { "2.4", 3 }, { "2.5", 3 },
  { "2.6", 3 }, { "2.7", 3 }, { "2.8", 3 }, { "2.9", 1 }, { "2.10", 1 },
  { "3.1", 1 }, { "3.2", 2 },
};

static void
test_order (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = assessment_new (checklist, 3, case_a, G_N_ELEMENTS (case_a));
  const Expected expected[] = {
    { "1.3", EMS_STEP_START, 9 },     /* critical and 0 */
    { "2.1", EMS_STEP_START, 3 },     /* critical and 0, before 3.1's 4 points */
    { "3.1", EMS_STEP_START, 4 },
    { "1.1", EMS_STEP_START, 3 },
    { "1.2", EMS_STEP_IMPROVE, 2 },   /* gap 58.33 */
    { "2.2", EMS_STEP_START, 2 },     /* gap 25, then by id */
    { "2.9", EMS_STEP_START, 2 },
    { "2.10", EMS_STEP_START, 2 },
    { "3.2", EMS_STEP_IMPROVE, 1 },   /* gap 41.67 before 2.3's 25 */
    { "2.3", EMS_STEP_IMPROVE, 1 },
  };
  g_autoptr(GArray) steps = NULL;

  assert_steps (assessment, expected, G_N_ELEMENTS (expected));

  steps = ems_plan_where_to_start (assessment, NULL);
  g_assert_true (g_array_index (steps, EmsPlanStep, 0).critical_zero);
  g_assert_true (g_array_index (steps, EmsPlanStep, 1).critical_zero);
  g_assert_false (g_array_index (steps, EmsPlanStep, 2).critical_zero);
  g_assert_cmpstr (g_array_index (steps, EmsPlanStep, 0).text, ==, "start 1.3");
  g_assert_cmpint (g_array_index (steps, EmsPlanStep, 0).effort, ==, EMS_EFFORT_LOW);
  g_assert_cmpstr (g_array_index (steps, EmsPlanStep, 4).text, ==, "improve 1.2");
  g_assert_cmpint (g_array_index (steps, EmsPlanStep, 4).effort, ==, EMS_EFFORT_HIGH);
  g_assert_cmpstr (g_array_index (steps, EmsPlanStep, 9).text, ==, "improve 2.3");
  g_assert_cmpint (g_array_index (steps, EmsPlanStep, 9).effort, ==, EMS_EFFORT_MEDIUM);
  g_assert_cmpfloat_with_epsilon (g_array_index (steps, EmsPlanStep, 4).element_gap, 75.0 - 400.0 / 24, 1e-9);
}

/* Target level 0: nothing is below it */
static void
test_target_zero (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = assessment_new (checklist, 0, case_a, G_N_ELEMENTS (case_a));

  assert_steps (assessment, NULL, 0);
}

/* Target level 4: level 3 is below it (an improve step), level 4 never.
 *   element 1: 1.1=3 (w1), 1.2=4 (w2): score 100*11/12, gap 8.33
 *   element 2: 2.1=3 (critical, but not 0): score 75, gap 25
 *   element 3: 3.1=0 (w2): score 0, gap 100
 * Points (4 - level) * w: 1.1 1, 2.1 1, 3.1 8. */
static void
test_target_four (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  const Answer answers[] = { { "1.1", 3 }, { "1.2", 4 }, { "2.1", 3 }, { "3.1", 0 } };
  g_autoptr(EmsAssessment) assessment = assessment_new (checklist, 4, answers, G_N_ELEMENTS (answers));
  const Expected expected[] = {
    { "3.1", EMS_STEP_START, 8 },
    { "2.1", EMS_STEP_IMPROVE, 1 },   /* gap 25 */
    { "1.1", EMS_STEP_IMPROVE, 1 },   /* gap 8.33 */
  };

  assert_steps (assessment, expected, G_N_ELEMENTS (expected));
}

/* N/A and unanswered questions (even with a note) never appear */
static void
test_not_applicable_and_unanswered (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) all_na = ems_assessment_new (checklist);
  g_autoptr(EmsAssessment) empty = ems_assessment_new (checklist);
  const Answer answers[] = { { "1.1", -1 }, { "1.3", -1 }, { "2.4", 2 }, { "3.2", -1 } };
  g_autoptr(EmsAssessment) some = assessment_new (checklist, 3, answers, G_N_ELEMENTS (answers));
  const Expected expected[] = { { "2.4", EMS_STEP_IMPROVE, 1 } };

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    ems_assessment_set_not_applicable (all_na, ems_checklist_get_question (checklist, i)->id, "no");
  assert_steps (all_na, NULL, 0);
  assert_steps (empty, NULL, 0);

  ems_assessment_set_note (some, "1.2", "only a note: still unanswered");
  ems_assessment_set_note (some, "2.1", "only a note");
  assert_steps (some, expected, G_N_ELEMENTS (expected));
}

/* Readiness */

typedef struct
{
  const char *clause;
  const char *title;
  double      score;        /* NAN: none */
  guint       n_questions;
  guint       n_answered;
  guint       n_not_applicable;
} ExpectedClause;

static void
assert_readiness (EmsAssessment        *assessment,
                  const ExpectedClause *expected,
                  guint                 n_expected)
{
  g_autoptr(GArray) clauses = ems_plan_iso14001_readiness (assessment);

  g_assert_cmpuint (clauses->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const EmsClauseReadiness *got = &g_array_index (clauses, EmsClauseReadiness, i);

      g_assert_cmpstr (got->clause, ==, expected[i].clause);
      g_assert_cmpstr (got->title, ==, expected[i].title);
      g_assert_cmpuint (got->n_questions, ==, expected[i].n_questions);
      g_assert_cmpuint (got->n_answered, ==, expected[i].n_answered);
      g_assert_cmpuint (got->n_not_applicable, ==, expected[i].n_not_applicable);
      if (isnan (expected[i].score))
        {
          g_assert_false (got->has_score);
          g_assert_true (isnan (got->score));
          g_assert_cmpint (got->band, ==, EMS_BAND_NONE);
        }
      else
        {
          g_assert_true (got->has_score);
          g_assert_cmpfloat_with_epsilon (got->score, expected[i].score, 1e-9);
          g_assert_cmpint (got->band, ==, ems_band_from_score (expected[i].score));
        }
    }
}

/* Case A, clause by clause (score = 100 * sum (w * level) / sum (4 * w)):
 *   4.1   1.1=0 (w1)                        -> 0
 *   4.3   no question                       -> none
 *   4.4   no question                       -> none
 *   5.2   1.1=0 w1, 1.2=2 w2, 1.3=0 w3      -> 100 * 4/24
 *   6.1.3 the ten questions of element 2    -> 100 * 20/40 (2.10 once)
 *   7.5   3.2=2 (w1), no title              -> 50
 *   9.1.2 3.1=1 (w2)                        -> 100 * 2/8
 *   10.1  1.3=0 w3, 3.2=2 w1                -> 100 * 2/16 */
static void
test_readiness (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = assessment_new (checklist, 3, case_a, G_N_ELEMENTS (case_a));
  const ExpectedClause expected[] = {
    { "4.1", "Four one", 0.0, 1, 1, 0 },
    { "4.3", "Four three", NAN, 0, 0, 0 },
    { "4.4", "Four four", NAN, 0, 0, 0 },
    { "5.2", "Five two", 100.0 * 4 / 24, 3, 3, 0 },
    { "6.1.3", "Six one three", 50.0, 10, 10, 0 },
    { "7.5", NULL, 50.0, 1, 1, 0 },
    { "9.1.2", "Nine one two", 25.0, 1, 1, 0 },
    { "10.1", "Ten one", 12.5, 2, 2, 0 },
  };

  assert_readiness (assessment, expected, G_N_ELEMENTS (expected));
}

/* Only N/A or unanswered: no score, the counts still right.
 *   4.1   1.1 has only a note                -> none, 1 question
 *   5.2   1.1 note, 1.2=4 (w2), 1.3 N/A      -> 100
 *   6.1.3 2.1=1 only                         -> 25
 *   7.5   3.2 N/A                            -> none (only N/A)
 *   9.1.2 3.1 N/A                            -> none (only N/A)
 *   10.1  1.3 N/A, 3.2 N/A                   -> none */
static void
test_readiness_not_applicable (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  const Answer answers[] = { { "1.2", 4 }, { "1.3", -1 }, { "2.1", 1 }, { "3.1", -1 }, { "3.2", -1 } };
  g_autoptr(EmsAssessment) assessment = assessment_new (checklist, 3, answers, G_N_ELEMENTS (answers));
  g_autoptr(EmsAssessment) empty = ems_assessment_new (checklist);
  const ExpectedClause expected[] = {
    { "4.1", "Four one", NAN, 1, 0, 0 },
    { "4.3", "Four three", NAN, 0, 0, 0 },
    { "4.4", "Four four", NAN, 0, 0, 0 },
    { "5.2", "Five two", 100.0, 3, 1, 1 },
    { "6.1.3", "Six one three", 25.0, 10, 1, 0 },
    { "7.5", NULL, NAN, 1, 0, 1 },
    { "9.1.2", "Nine one two", NAN, 1, 0, 1 },
    { "10.1", "Ten one", NAN, 2, 0, 2 },
  };
  const ExpectedClause expected_empty[] = {
    { "4.1", "Four one", NAN, 1, 0, 0 },
    { "4.3", "Four three", NAN, 0, 0, 0 },
    { "4.4", "Four four", NAN, 0, 0, 0 },
    { "5.2", "Five two", NAN, 3, 0, 0 },
    { "6.1.3", "Six one three", NAN, 10, 0, 0 },
    { "7.5", NULL, NAN, 1, 0, 0 },
    { "9.1.2", "Nine one two", NAN, 1, 0, 0 },
    { "10.1", "Ten one", NAN, 2, 0, 0 },
  };

  ems_assessment_set_note (assessment, "1.1", "a note, no answer");
  assert_readiness (assessment, expected, G_N_ELEMENTS (expected));
  assert_readiness (empty, expected_empty, G_N_ELEMENTS (expected_empty));
}

/* The bundled checklist: every clause cited, plus 4.1, 4.3 and 4.4, in
 * numeric order, each with a title; 4.3 and 4.4 not assessed */
static void
test_readiness_bundled (void)
{
  const char *clauses[] = {
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3",
    "6.1.4", "6.2", "7.1", "7.2", "7.3", "7.4", "7.5", "8.1", "8.2", "9.1.1",
    "9.1.2", "9.2", "9.3", "10.1", "10.2", "10.3",
  };
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autoptr(GArray) readiness = NULL;
  guint n_cites = 0;

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);

      ems_assessment_set_level (assessment, question->id, 4);
      n_cites += g_strv_length (question->iso_clauses);
    }

  readiness = ems_plan_iso14001_readiness (assessment);
  g_assert_cmpuint (readiness->len, ==, G_N_ELEMENTS (clauses));
  for (guint i = 0; i < readiness->len; i++)
    {
      const EmsClauseReadiness *clause = &g_array_index (readiness, EmsClauseReadiness, i);
      gboolean assessed = !g_str_equal (clause->clause, "4.3") && !g_str_equal (clause->clause, "4.4");

      g_assert_cmpstr (clause->clause, ==, clauses[i]);
      g_assert_nonnull (clause->title);
      g_assert_true (clause->has_score == assessed);
      g_assert_cmpuint (clause->n_questions > 0, ==, assessed);
      g_assert_cmpuint (clause->n_answered, ==, clause->n_questions);
      if (assessed)
        g_assert_cmpfloat (clause->score, ==, 100.0);
      n_cites -= clause->n_questions;
    }
  /* every citation counted once */
  g_assert_cmpuint (n_cites, ==, 0);
}

static void
test_compare_numbers (void)
{
  const char *ordered[] = {
    "1", "1.1", "1.2", "1.10", "2", "2.9", "2.10", "4.1", "6.1", "6.1.2",
    "6.1.10", "6.2", "9.3", "10", "10.1", "10.3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
      {
        int cmp = ems_plan_compare_numbers (ordered[i], ordered[j]);

        if (i < j)
          g_assert_cmpint (cmp, <, 0);
        else if (i > j)
          g_assert_cmpint (cmp, >, 0);
        else
          g_assert_cmpint (cmp, ==, 0);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/compare-numbers", test_compare_numbers);
  g_test_add_func ("/plan/where-to-start/order", test_order);
  g_test_add_func ("/plan/where-to-start/target-zero", test_target_zero);
  g_test_add_func ("/plan/where-to-start/target-four", test_target_four);
  g_test_add_func ("/plan/where-to-start/not-applicable", test_not_applicable_and_unanswered);
  g_test_add_func ("/plan/readiness/hand-computed", test_readiness);
  g_test_add_func ("/plan/readiness/not-applicable", test_readiness_not_applicable);
  g_test_add_func ("/plan/readiness/bundled", test_readiness_bundled);

  return g_test_run ();
}
