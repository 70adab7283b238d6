/* ems-action.h: one item of the action plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  EMS_ACTION_OPEN,
  EMS_ACTION_IN_PROGRESS,
  EMS_ACTION_DONE,
} EmsActionStatus;

#define EMS_ACTION_MAX_PHASE 3

#define EMS_TYPE_ACTION_STATUS (ems_action_status_get_type ())
#define EMS_TYPE_ACTION (ems_action_get_type ())

G_DECLARE_FINAL_TYPE (EmsAction, ems_action, EMS, ACTION, GObject)

GType            ems_action_status_get_type      (void) G_GNUC_CONST;
const char      *ems_action_status_to_string     (EmsActionStatus  status);
gboolean         ems_action_status_from_string   (const char      *str,
                                                  EmsActionStatus *status);

EmsAction       *ems_action_new                  (const char      *title);
EmsAction       *ems_action_copy                 (EmsAction       *self);
const char      *ems_action_get_title            (EmsAction       *self);
void             ems_action_set_title            (EmsAction       *self,
                                                  const char      *title);
guint            ems_action_get_element          (EmsAction       *self);
void             ems_action_set_element          (EmsAction       *self,
                                                  guint            element);
const char      *ems_action_get_question         (EmsAction       *self);
void             ems_action_set_question         (EmsAction       *self,
                                                  const char      *question);
const char      *ems_action_get_owner            (EmsAction       *self);
void             ems_action_set_owner            (EmsAction       *self,
                                                  const char      *owner);
/* ISO 8601 date "YYYY-MM-DD" or NULL */
const char      *ems_action_get_due              (EmsAction       *self);
void             ems_action_set_due              (EmsAction       *self,
                                                  const char      *due);
/* Multi-line free text: what to do, how, what evidence it produces */
const char      *ems_action_get_description      (EmsAction       *self);
void             ems_action_set_description      (EmsAction       *self,
                                                  const char      *description);
/* The plan's phase, 1 .. EMS_ACTION_MAX_PHASE, or 0 for none */
guint            ems_action_get_phase            (EmsAction       *self);
void             ems_action_set_phase            (EmsAction       *self,
                                                  guint            phase);
EmsActionStatus  ems_action_get_status           (EmsAction       *self);
void             ems_action_set_status           (EmsAction       *self,
                                                  EmsActionStatus  status);
gboolean         ems_action_is_overdue           (EmsAction       *self,
                                                  GDate           *today);

/* Strict ISO 8601 calendar date "YYYY-MM-DD"; FALSE (date cleared) otherwise */
gboolean         ems_date_parse_iso              (const char      *str,
                                                  GDate           *date);

G_END_DECLS
