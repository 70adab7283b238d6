/* ems-plan-draft.c: a drafted, phased action plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft follows "where to start" (ems-plan.c): every question answered
 * below the target level gets one proposed action, its next step. Phase 1
 * holds the critical questions answered 0 and the compliance elements (2:
 * legal requirements, 6: emergencies, 10: checking and correcting), phase 2
 * the other questions of red elements, phase 3 the rest; within a phase the
 * order is that of "where to start". A question already linked to an
 * action of the plan is left out, so drafting twice adds nothing twice.
 */
#define G_LOG_DOMAIN "ems-plan"

#include "config.h"

#include <string.h>

#include "ems-plan-draft.h"

/* The elements whose gaps are compliance gaps */
static const guint compliance_elements[] = { 2, 6, 10 };

guint
ems_plan_draft_phase (const EmsPlanStep *step,
                      const EmsScores   *scores)
{
  guint element;

  g_return_val_if_fail (step != NULL && step->question != NULL, 3);
  g_return_val_if_fail (scores != NULL, 3);

  element = step->question->element;

  if (step->critical_zero)
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (compliance_elements); i++)
    if (element == compliance_elements[i])
      return 1;

  if (element >= 1 && element <= scores->n_elements &&
      scores->elements[element - 1].band == EMS_BAND_RED)
    return 2;

  return 3;
}

guint
ems_plan_draft_phase_days (guint phase)
{
  switch (phase)
    {
    case 1:
      return EMS_PLAN_DRAFT_PHASE1_DAYS;
    case 2:
      return EMS_PLAN_DRAFT_PHASE2_DAYS;
    default:
      return EMS_PLAN_DRAFT_PHASE3_DAYS;
    }
}

char *
ems_plan_due_date (EmsAssessment *assessment,
                   guint          days,
                   const GDate   *today)
{
  GDate date;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  if (!ems_date_parse_iso (ems_assessment_get_assessed_on (assessment), &date))
    {
      if (today != NULL && g_date_valid (today))
        date = *today;
      else
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();

          g_date_set_dmy (&date, g_date_time_get_day_of_month (now),
                          g_date_time_get_month (now), g_date_time_get_year (now));
        }
    }

  g_date_add_days (&date, days);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

char *
ems_plan_first_sentence (const char *text)
{
  const char *p;

  if (text == NULL)
    return NULL;

  for (p = text; *p != '\0'; p++)
    {
      if ((*p == '.' || *p == '!' || *p == '?') &&
          (p[1] == ' ' || p[1] == '\n' || p[1] == '\0'))
        return g_strndup (text, p + 1 - text);
    }

  return g_strdup (text);
}

gboolean
ems_plan_has_action_for (EmsAssessment *assessment,
                         const char    *question_id)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), FALSE);

  if (question_id == NULL)
    return FALSE;

  for (guint i = 0; i < ems_assessment_get_n_actions (assessment); i++)
    {
      EmsAction *action = ems_assessment_get_action (assessment, i);

      if (g_strcmp0 (ems_action_get_question (action), question_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
clear_item (gpointer data)
{
  EmsPlanDraftItem *item = data;

  g_free (item->title);
  g_free (item->description);
  g_free (item->due);
}

static void
fill_texts (EmsPlanDraftItem  *item,
            const EmsQuestion *question,
            const char        *step_text)
{
  if (step_text != NULL && *step_text != '\0')
    {
      item->title = ems_plan_first_sentence (step_text);
      item->description = g_strdup (step_text);
    }
  else
    item->title = g_strdup (question->text);
}

typedef struct
{
  EmsPlanDraftItem item;
  guint            order;   /* in "where to start" */
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->item.phase != rb->item.phase)
    return ra->item.phase < rb->item.phase ? -1 : 1;
  return ra->order < rb->order ? -1 : ra->order > rb->order;
}

GArray *
ems_plan_draft (EmsAssessment   *assessment,
                const EmsScores *scores,
                const GDate     *today)
{
  g_autoptr(EmsScores) computed = NULL;
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) ranked = NULL;
  GArray *items;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  if (scores == NULL)
    scores = computed = ems_scores_compute (assessment);

  steps = ems_plan_where_to_start (assessment, scores);
  ranked = g_array_sized_new (FALSE, TRUE, sizeof (Ranked), steps->len);

  for (guint i = 0; i < steps->len; i++)
    {
      const EmsPlanStep *step = &g_array_index (steps, EmsPlanStep, i);
      Ranked r = { { 0 }, 0 };

      if (ems_plan_has_action_for (assessment, step->question->id))
        continue;

      r.order = i;
      r.item.question = step->question;
      r.item.phase = ems_plan_draft_phase (step, scores);
      r.item.step = step->step;
      r.item.effort = step->effort;
      fill_texts (&r.item, step->question, step->text);
      r.item.due = ems_plan_due_date (assessment, ems_plan_draft_phase_days (r.item.phase), today);
      g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, compare_ranked);

  items = g_array_sized_new (FALSE, TRUE, sizeof (EmsPlanDraftItem), ranked->len);
  g_array_set_clear_func (items, clear_item);
  for (guint i = 0; i < ranked->len; i++)
    g_array_append_val (items, g_array_index (ranked, Ranked, i).item);

  return items;
}

EmsAction *
ems_plan_draft_item_to_action (const EmsPlanDraftItem *item)
{
  g_return_val_if_fail (item != NULL && item->question != NULL, NULL);

  return g_object_new (EMS_TYPE_ACTION,
                       "title", item->title,
                       "description", item->description,
                       "element", item->question->element,
                       "question", item->question->id,
                       "phase", item->phase,
                       "due", item->due,
                       NULL);
}

EmsAction *
ems_plan_action_for_question (EmsAssessment     *assessment,
                              const EmsQuestion *question,
                              const GDate       *today)
{
  const EmsAnswer *answer;
  const EmsNextStep *step;
  EmsPlanDraftItem item = { 0 };
  EmsAction *action;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  answer = ems_assessment_get_answer (assessment, question->id);
  if (answer == NULL || answer->state != EMS_ANSWER_LEVEL)
    return NULL;
  step = ems_question_get_next_step (question, answer->level);
  if (step == NULL)
    return NULL;

  item.question = question;
  fill_texts (&item, question, step->text);
  item.due = ems_plan_due_date (assessment, EMS_PLAN_STEP_DAYS, today);

  action = g_object_new (EMS_TYPE_ACTION,
                         "title", item.title,
                         "description", item.description,
                         "element", question->element,
                         "question", question->id,
                         "due", item.due,
                         NULL);
  clear_item (&item);
  return action;
}
