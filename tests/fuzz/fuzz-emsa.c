/* fuzz-emsa.c: libFuzzer harness for the .emsa loader
 *
 * Loads the input as an assessment against the bundled checklist, as
 * opening a file does. A document that loads must survive what the app
 * then does with it: scores, next steps, and a save that loads again
 * with the same answers and actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ems-assessment.h"
#include "ems-checklist.h"
#include "ems-plan.h"
#include "ems-scores.h"
#include "fuzz-common.h"

static EmsChecklist *checklist;

static void
check_problems (GPtrArray *problems,
                gboolean   loaded,
                GError    *error)
{
  g_assert_nonnull (problems);
  g_assert_true (loaded == (error == NULL));
  if (error != NULL)
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
check_same (EmsAssessment *a,
            EmsAssessment *b)
{
  g_auto(GStrv) ids_a = ems_assessment_dup_answer_ids (a);
  g_auto(GStrv) ids_b = ems_assessment_dup_answer_ids (b);

  g_assert_true (g_strv_equal ((const char * const *) ids_a, (const char * const *) ids_b));
  g_assert_cmpuint (ems_assessment_get_n_actions (a), ==, ems_assessment_get_n_actions (b));
  g_assert_cmpuint (ems_assessment_get_target_level (a), ==, ems_assessment_get_target_level (b));
  g_assert_cmpint (ems_assessment_get_employees (a), ==, ems_assessment_get_employees (b));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  checklist = ems_checklist_get_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(EmsAssessment) again = NULL;
  g_autoptr(GPtrArray) problems_again = NULL;
  g_autoptr(GError) error_again = NULL;
  g_autoptr(EmsScores) scores = NULL;
  g_autoptr(GArray) start = NULL;
  g_autoptr(GArray) readiness = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer saved;
  gsize saved_length;

  assessment = ems_assessment_load_from_data (checklist, (const char *) data, size,
                                              &problems, &error);
  check_problems (problems, assessment != NULL, error);
  if (assessment == NULL)
    return 0;

  scores = ems_scores_compute (assessment);
  start = ems_plan_where_to_start (assessment, scores);
  readiness = ems_plan_iso14001_readiness (assessment);

  /* Saving what was loaded, then loading it again, loses nothing. */
  bytes = ems_assessment_serialize (assessment);
  saved = g_bytes_get_data (bytes, &saved_length);
  again = ems_assessment_load_from_data (checklist, saved, saved_length,
                                         &problems_again, &error_again);
  if (again == NULL)
    g_error ("a saved assessment does not load again: %s\n%.*s",
             error_again->message, (int) MIN (saved_length, 4096), (const char *) saved);
  check_same (assessment, again);

  return 0;
}
