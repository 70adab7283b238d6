/* ems-scores.c: the scoring rule of the domain brief
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-scores"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ems-scores.h"

EmsBand
ems_band_from_score (double score)
{
  if (isnan (score))
    return EMS_BAND_NONE;
  if (score < 40.0)
    return EMS_BAND_RED;
  if (score < 70.0)
    return EMS_BAND_AMBER;
  return EMS_BAND_GREEN;
}

const char *
ems_band_to_string (EmsBand band)
{
  switch (band)
    {
    case EMS_BAND_RED:
      return "red";
    case EMS_BAND_AMBER:
      return "amber";
    case EMS_BAND_GREEN:
      return "green";
    case EMS_BAND_NONE:
    default:
      return NULL;
    }
}

const char *
ems_band_to_label (EmsBand band)
{
  switch (band)
    {
    case EMS_BAND_RED:
      /* Translators: score band, below 40 % */
      return _("Red");
    case EMS_BAND_AMBER:
      /* Translators: score band, 40 % to below 70 % */
      return _("Amber");
    case EMS_BAND_GREEN:
      /* Translators: score band, 70 % and above */
      return _("Green");
    case EMS_BAND_NONE:
    default:
      /* Translators: no score band, because no question was answered */
      return _("No score");
    }
}

char *
ems_format_percent (gboolean has_value,
                    double   value)
{
  if (!has_value || isnan (value))
    return g_strdup ("—");

  /* Translators: a percentage with one decimal; %.1f is the number */
  return g_strdup_printf (_("%.1f %%"), value);
}

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

  if (ga > gb)
    return -1;
  if (ga < gb)
    return 1;

  return (int) ea->number - (int) eb->number;
}

EmsScores *
ems_scores_compute (EmsAssessment *assessment)
{
  EmsChecklist *checklist;
  EmsScores *scores;
  double sum_scores = 0.0;
  guint n_scored = 0;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  checklist = ems_assessment_get_checklist (assessment);

  scores = g_new0 (EmsScores, 1);
  scores->n_elements = ems_checklist_get_n_elements (checklist);
  scores->elements = g_new0 (EmsElementScore, scores->n_elements);
  scores->priority = g_new0 (guint, scores->n_elements);
  scores->target_level = ems_assessment_get_target_level (assessment);
  scores->target = 25.0 * scores->target_level;

  for (guint e = 0; e < scores->n_elements; e++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, e + 1);
      EmsElementScore *es = &scores->elements[e];
      guint weighted = 0, weights = 0;

      es->number = element->number;
      es->n_questions = element->n_questions;
      es->score = NAN;
      es->gap = NAN;

      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsQuestion *question = element->questions[q];
          const EmsAnswer *answer = ems_assessment_get_answer (assessment, question->id);

          if (answer == NULL || answer->state == EMS_ANSWER_UNANSWERED)
            continue;

          if (answer->state == EMS_ANSWER_NOT_APPLICABLE)
            {
              es->n_not_applicable++;
              continue;
            }

          es->n_answered++;
          es->n_levels[answer->level]++;
          weighted += question->weight * answer->level;
          weights += question->weight * EMS_LEVEL_MAX;

          if (question->critical && answer->level == 0)
            es->red_flag = TRUE;
        }

      es->coverage = es->n_questions > 0
        ? (double) (es->n_answered + es->n_not_applicable) / es->n_questions
        : 0.0;

      if (weights > 0)
        {
          es->has_score = TRUE;
          es->score = 100.0 * weighted / weights;
          es->gap = MAX (0.0, scores->target - es->score);
          sum_scores += es->score;
          n_scored++;
        }
      es->band = es->has_score ? ems_band_from_score (es->score) : EMS_BAND_NONE;

      scores->n_questions += es->n_questions;
      scores->n_answered += es->n_answered;
      scores->n_not_applicable += es->n_not_applicable;
      scores->priority[e] = e;
    }

  scores->coverage = scores->n_questions > 0
    ? (double) (scores->n_answered + scores->n_not_applicable) / scores->n_questions
    : 0.0;

  if (n_scored > 0)
    {
      scores->has_overall = TRUE;
      scores->overall = sum_scores / n_scored;
      scores->band = ems_band_from_score (scores->overall);
    }
  else
    {
      scores->overall = NAN;
      scores->band = EMS_BAND_NONE;
    }

  g_qsort_with_data (scores->priority, scores->n_elements, sizeof (guint),
                     compare_priority, scores->elements);

  return scores;
}

void
ems_scores_free (EmsScores *scores)
{
  if (scores == NULL)
    return;

  g_free (scores->elements);
  g_free (scores->priority);
  g_free (scores);
}
