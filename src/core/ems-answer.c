/* ems-answer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-answer"

#include "config.h"

#include "ems-answer.h"

G_DEFINE_BOXED_TYPE (EmsAnswer, ems_answer, ems_answer_copy, ems_answer_free)

EmsAnswer *
ems_answer_new (void)
{
  return g_new0 (EmsAnswer, 1);
}

EmsAnswer *
ems_answer_copy (const EmsAnswer *answer)
{
  EmsAnswer *copy;

  g_return_val_if_fail (answer != NULL, NULL);

  copy = g_new0 (EmsAnswer, 1);
  copy->state = answer->state;
  copy->level = answer->level;
  copy->note = g_strdup (answer->note);
  copy->evidence = g_strdup (answer->evidence);
  copy->reason = g_strdup (answer->reason);

  return copy;
}

void
ems_answer_free (EmsAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->note);
  g_free (answer->evidence);
  g_free (answer->reason);
  g_free (answer);
}

gboolean
ems_answer_equal (const EmsAnswer *a,
                  const EmsAnswer *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || ems_answer_is_empty (a)) &&
           (b == NULL || ems_answer_is_empty (b));

  return a->state == b->state &&
         (a->state != EMS_ANSWER_LEVEL || a->level == b->level) &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->evidence, b->evidence) == 0 &&
         g_strcmp0 (a->reason, b->reason) == 0;
}

gboolean
ems_answer_is_empty (const EmsAnswer *answer)
{
  g_return_val_if_fail (answer != NULL, TRUE);

  return answer->state == EMS_ANSWER_UNANSWERED &&
         answer->note == NULL &&
         answer->evidence == NULL &&
         answer->reason == NULL;
}
