/* ems-plan.c: where to start, and ISO 14001:2015 readiness
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-plan"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ems-plan.h"

/* Clauses listed whether or not a question cites them: the brief names
 * them so that a reader sees what this checklist does not assess. */
static const char * const always_listed[] = { "4.1", "4.3", "4.4" };

int
ems_plan_compare_numbers (const char *a,
                          const char *b)
{
  const char *pa = a, *pb = b;

  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  while (*pa != '\0' && *pb != '\0')
    {
      char *end_a, *end_b;
      guint64 na, nb;

      if (!g_ascii_isdigit (*pa) || !g_ascii_isdigit (*pb))
        break;

      na = g_ascii_strtoull (pa, &end_a, 10);
      nb = g_ascii_strtoull (pb, &end_b, 10);
      if (na != nb)
        return na < nb ? -1 : 1;
      pa = end_a;
      pb = end_b;

      /* Both parts end here: on to the next, or one number is a prefix */
      if (*pa == '.' && *pb == '.')
        {
          pa++;
          pb++;
        }
      else if (*pa == '\0' || *pb == '\0')
        break;
      else if (*pa != *pb)
        break;
    }

  if (*pa == '\0' || *pb == '\0')
    return (*pa != '\0') - (*pb != '\0');

  /* Not dotted numbers: fall back to byte order from where they differ */
  return strcmp (pa, pb);
}

/* Where to start */

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const EmsPlanStep *sa = a;
  const EmsPlanStep *sb = b;

  if (sa->critical_zero != sb->critical_zero)
    return sa->critical_zero ? -1 : 1;
  if (sa->points != sb->points)
    return sa->points > sb->points ? -1 : 1;
  if (sa->element_gap != sb->element_gap)
    return sa->element_gap > sb->element_gap ? -1 : 1;

  return ems_plan_compare_numbers (sa->question->id, sb->question->id);
}

GArray *
ems_plan_where_to_start (EmsAssessment   *assessment,
                         const EmsScores *scores)
{
  g_autoptr(EmsScores) computed = NULL;
  EmsChecklist *checklist;
  GArray *steps;
  guint target_level;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  checklist = ems_assessment_get_checklist (assessment);
  target_level = ems_assessment_get_target_level (assessment);
  if (scores == NULL)
    scores = computed = ems_scores_compute (assessment);

  steps = g_array_new (FALSE, TRUE, sizeof (EmsPlanStep));

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);
      const EmsAnswer *answer = ems_assessment_get_answer (assessment, question->id);
      const EmsElementScore *es;
      EmsPlanStep step = { 0 };

      if (answer == NULL || answer->state != EMS_ANSWER_LEVEL || answer->level >= target_level)
        continue;

      /* Below the target, so below level 4: always a step kind */
      if (!ems_step_kind_for_level (answer->level, &step.step))
        g_assert_not_reached ();

      g_assert (question->element >= 1 && question->element <= scores->n_elements);
      es = &scores->elements[question->element - 1];

      step.question = question;
      step.level = answer->level;
      step.text = question->next_steps[step.step].text;
      step.effort = question->next_steps[step.step].effort;
      step.critical_zero = question->critical && answer->level == 0;
      step.points = (target_level - answer->level) * question->weight;
      /* An answered, applicable question gives its element a score */
      step.element_gap = es->has_score ? es->gap : -1.0;
      g_array_append_val (steps, step);
    }

  g_array_sort (steps, compare_steps);

  return steps;
}

/* ISO 14001:2015 readiness */

/* What readiness needs of a checklist, whatever the answers: the clauses in
 * order, their titles, and for each question the distinct clauses it cites.
 * Built once per checklist and kept on it (it never changes), so that
 * scoring many assessments (--summary over thousands of files) does not
 * collect and sort the same clauses again for each. */
typedef struct
{
  guint        n_clauses;
  const char **clauses;     /* numeric order; the checklist's strings */
  const char **titles;      /* translated; NULL where the data has none */
  guint       *offsets;     /* question i cites positions[offsets[i] .. offsets[i+1]) */
  guint       *positions;
} ClauseIndex;

static void
clause_index_free (gpointer data)
{
  ClauseIndex *index = data;

  g_free (index->clauses);
  g_free (index->titles);
  g_free (index->offsets);
  g_free (index->positions);
  g_free (index);
}

static int
compare_clause_strings (gconstpointer a,
                        gconstpointer b)
{
  return ems_plan_compare_numbers (*(const char * const *) a, *(const char * const *) b);
}

static ClauseIndex *
clause_index_new (EmsChecklist *checklist)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) clauses = g_ptr_array_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_questions = ems_checklist_get_n_questions (checklist);
  ClauseIndex *index = g_new0 (ClauseIndex, 1);

  /* The clause set: every clause cited, plus the ones always listed */
  for (guint i = 0; i < G_N_ELEMENTS (always_listed); i++)
    if (g_hash_table_add (seen, (gpointer) always_listed[i]))
      g_ptr_array_add (clauses, (gpointer) always_listed[i]);
  for (guint i = 0; i < n_questions; i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);

      for (guint c = 0; question->iso_clauses != NULL && question->iso_clauses[c] != NULL; c++)
        {
          const char *clause = question->iso_clauses[c];

          if (*clause != '\0' && g_hash_table_add (seen, (gpointer) clause))
            g_ptr_array_add (clauses, (gpointer) clause);
        }
    }
  g_ptr_array_sort (clauses, compare_clause_strings);

  index->n_clauses = clauses->len;
  index->clauses = g_new (const char *, clauses->len);
  index->titles = g_new (const char *, clauses->len);
  g_hash_table_remove_all (seen);
  {
    g_autoptr(GHashTable) position_of = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < clauses->len; i++)
      {
        const char *clause = g_ptr_array_index (clauses, i);

        index->clauses[i] = clause;
        index->titles[i] = ems_checklist_get_iso_clause_title (checklist, clause);
        g_hash_table_insert (position_of, (gpointer) clause, GUINT_TO_POINTER (i + 1));
      }

    /* Each question counts once for each distinct clause it cites */
    index->offsets = g_new (guint, n_questions + 1);
    for (guint i = 0; i < n_questions; i++)
      {
        const EmsQuestion *question = ems_checklist_get_question (checklist, i);
        guint first = positions->len;

        index->offsets[i] = first;
        for (guint c = 0; question->iso_clauses != NULL && question->iso_clauses[c] != NULL; c++)
          {
            guint position = GPOINTER_TO_UINT (g_hash_table_lookup (position_of, question->iso_clauses[c]));
            gboolean repeated = FALSE;

            if (position == 0)
              continue;
            position--;
            for (guint k = first; k < positions->len && !repeated; k++)
              repeated = g_array_index (positions, guint, k) == position;
            if (!repeated)
              g_array_append_val (positions, position);
          }
      }
    index->offsets[n_questions] = positions->len;
  }
  index->positions = (guint *) g_array_free (g_steal_pointer (&positions), FALSE);

  return index;
}

/* The checklist's index, built on first use. The lock covers only finding
 * or building it; once attached it is never replaced, so a caller may use
 * it for as long as it holds the checklist. */
static const ClauseIndex *
get_clause_index (EmsChecklist *checklist)
{
  static GMutex lock;
  static GQuark quark;
  ClauseIndex *index;

  g_mutex_lock (&lock);
  if (quark == 0)
    quark = g_quark_from_static_string ("ems-plan-clause-index");
  index = g_object_get_qdata (G_OBJECT (checklist), quark);
  if (index == NULL)
    {
      index = clause_index_new (checklist);
      g_object_set_qdata_full (G_OBJECT (checklist), quark, index, clause_index_free);
    }
  g_mutex_unlock (&lock);

  return index;
}

typedef struct
{
  guint weighted;
  guint weights;
} Sums;

static void
clear_readiness (gpointer data)
{
  EmsClauseReadiness *readiness = data;

  g_clear_pointer (&readiness->clause, g_free);
}

GArray *
ems_plan_iso14001_readiness (EmsAssessment *assessment)
{
  g_autofree Sums *sums = NULL;
  const ClauseIndex *index;
  EmsChecklist *checklist;
  GArray *result;
  guint n_questions;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  checklist = ems_assessment_get_checklist (assessment);
  n_questions = ems_checklist_get_n_questions (checklist);
  index = get_clause_index (checklist);

  result = g_array_sized_new (FALSE, TRUE, sizeof (EmsClauseReadiness), index->n_clauses);
  g_array_set_clear_func (result, clear_readiness);
  for (guint i = 0; i < index->n_clauses; i++)
    {
      EmsClauseReadiness readiness = { 0 };

      readiness.clause = g_strdup (index->clauses[i]);
      readiness.title = index->titles[i];
      readiness.score = NAN;
      g_array_append_val (result, readiness);
    }

  sums = g_new0 (Sums, index->n_clauses);
  for (guint i = 0; i < n_questions; i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);
      const EmsAnswer *answer;

      if (index->offsets[i] == index->offsets[i + 1])
        continue;
      answer = ems_assessment_get_answer (assessment, question->id);

      for (guint k = index->offsets[i]; k < index->offsets[i + 1]; k++)
        {
          guint position = index->positions[k];
          EmsClauseReadiness *readiness = &g_array_index (result, EmsClauseReadiness, position);

          readiness->n_questions++;

          if (answer == NULL || answer->state == EMS_ANSWER_UNANSWERED)
            continue;
          if (answer->state == EMS_ANSWER_NOT_APPLICABLE)
            {
              readiness->n_not_applicable++;
              continue;
            }

          readiness->n_answered++;
          sums[position].weighted += question->weight * answer->level;
          sums[position].weights += question->weight * EMS_LEVEL_MAX;
        }
    }

  for (guint i = 0; i < result->len; i++)
    {
      EmsClauseReadiness *readiness = &g_array_index (result, EmsClauseReadiness, i);

      if (sums[i].weights > 0)
        {
          readiness->has_score = TRUE;
          readiness->score = 100.0 * sums[i].weighted / sums[i].weights;
        }
      readiness->band = readiness->has_score ? ems_band_from_score (readiness->score) : EMS_BAND_NONE;
    }

  return result;
}
