/* ems-answer.h: one answer to one question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  EMS_ANSWER_UNANSWERED,      /* may still carry a note or evidence */
  EMS_ANSWER_LEVEL,
  EMS_ANSWER_NOT_APPLICABLE,
} EmsAnswerState;

typedef struct
{
  EmsAnswerState  state;
  guint           level;      /* 0..4 when state is EMS_ANSWER_LEVEL */
  char           *note;       /* NULL when empty */
  char           *evidence;   /* NULL when empty */
  char           *reason;     /* N/A reason, NULL when empty */
} EmsAnswer;

#define EMS_TYPE_ANSWER (ems_answer_get_type ())

GType      ems_answer_get_type (void) G_GNUC_CONST;
EmsAnswer *ems_answer_new      (void);
EmsAnswer *ems_answer_copy     (const EmsAnswer *answer);
void       ems_answer_free     (EmsAnswer       *answer);
gboolean   ems_answer_equal    (const EmsAnswer *a,
                                const EmsAnswer *b);
gboolean   ems_answer_is_empty (const EmsAnswer *answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsAnswer, ems_answer_free)

G_END_DECLS
