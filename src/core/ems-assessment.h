/* ems-assessment.h: the assessment document (model; no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ems-action.h"
#include "ems-answer.h"
#include "ems-checklist.h"

G_BEGIN_DECLS

#define EMS_FORMAT_NAME     "ten-elements-assessment"
#define EMS_FORMAT_VERSION  1
/* No real assessment comes near this; larger input is refused unread. */
#define EMS_MAX_FILE_SIZE   (16 * 1024 * 1024)

/* One problem found while reading a file: line and column are 1-based, or 0
 * when unknown; path names the JSON member ("answers/1.2/level") or is NULL. */
typedef struct
{
  char     *message;
  char     *path;
  guint     line;
  guint     column;
  gboolean  warning;   /* TRUE: reported, but the file is still valid */
} EmsProblem;

void ems_problem_free (EmsProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsProblem, ems_problem_free)

#define EMS_TYPE_ASSESSMENT (ems_assessment_get_type ())

G_DECLARE_FINAL_TYPE (EmsAssessment, ems_assessment, EMS, ASSESSMENT, GObject)

EmsAssessment   *ems_assessment_new                 (EmsChecklist     *checklist);
EmsChecklist    *ems_assessment_get_checklist       (EmsAssessment    *self);

/* Profile (all properties notify when changed) */
const char      *ems_assessment_get_name            (EmsAssessment    *self);
void             ems_assessment_set_name            (EmsAssessment    *self,
                                                     const char       *name);
const char      *ems_assessment_get_site            (EmsAssessment    *self);
void             ems_assessment_set_site            (EmsAssessment    *self,
                                                     const char       *site);
const char      *ems_assessment_get_sector          (EmsAssessment    *self);
void             ems_assessment_set_sector          (EmsAssessment    *self,
                                                     const char       *sector);
/* -1 when unknown */
int              ems_assessment_get_employees       (EmsAssessment    *self);
void             ems_assessment_set_employees       (EmsAssessment    *self,
                                                     int               employees);
/* ISO 3166-1 alpha-2, or NULL */
const char      *ems_assessment_get_country         (EmsAssessment    *self);
void             ems_assessment_set_country         (EmsAssessment    *self,
                                                     const char       *country);
const char      *ems_assessment_get_assessor        (EmsAssessment    *self);
void             ems_assessment_set_assessor        (EmsAssessment    *self,
                                                     const char       *assessor);
/* ISO 8601 "YYYY-MM-DD", or NULL */
const char      *ems_assessment_get_assessed_on     (EmsAssessment    *self);
void             ems_assessment_set_assessed_on     (EmsAssessment    *self,
                                                     const char       *assessed_on);
guint            ems_assessment_get_target_level    (EmsAssessment    *self);
void             ems_assessment_set_target_level    (EmsAssessment    *self,
                                                     guint             target_level);

/* Answers. get_answer returns NULL when the question has no entry at all. */
const EmsAnswer *ems_assessment_get_answer          (EmsAssessment    *self,
                                                     const char       *question_id);
void             ems_assessment_set_answer          (EmsAssessment    *self,
                                                     const char       *question_id,
                                                     const EmsAnswer  *answer);
void             ems_assessment_set_level           (EmsAssessment    *self,
                                                     const char       *question_id,
                                                     guint             level);
void             ems_assessment_set_not_applicable  (EmsAssessment    *self,
                                                     const char       *question_id,
                                                     const char       *reason);
void             ems_assessment_clear_level         (EmsAssessment    *self,
                                                     const char       *question_id);
void             ems_assessment_set_note            (EmsAssessment    *self,
                                                     const char       *question_id,
                                                     const char       *note);
void             ems_assessment_set_evidence        (EmsAssessment    *self,
                                                     const char       *question_id,
                                                     const char       *evidence);
/* Every question id with an entry: checklist order first, unknown ids last. */
char           **ems_assessment_dup_answer_ids      (EmsAssessment    *self);
/* Answer ids the checklist does not know: kept, saved back, never scored. */
char           **ems_assessment_dup_unknown_ids     (EmsAssessment    *self);

/* The action plan. get_action is (transfer none). */
guint            ems_assessment_get_n_actions       (EmsAssessment    *self);
EmsAction       *ems_assessment_get_action          (EmsAssessment    *self,
                                                     guint             position);
/* The same as a GListModel of EmsAction, owned by @self (needs GIO:
 * ems-assessment-io.c) */
GListModel      *ems_assessment_get_actions         (EmsAssessment    *self);
void             ems_assessment_add_action          (EmsAssessment    *self,
                                                     EmsAction        *action);
void             ems_assessment_insert_action       (EmsAssessment    *self,
                                                     guint             position,
                                                     EmsAction        *action);
/* Appends every EmsAction of @actions in one change (one undo step) */
void             ems_assessment_add_actions         (EmsAssessment    *self,
                                                     GPtrArray        *actions);
void             ems_assessment_remove_action       (EmsAssessment    *self,
                                                     guint             position);

/* Reading and writing the .emsa format */
EmsAssessment   *ems_assessment_load_from_data      (EmsChecklist     *checklist,
                                                     const char       *data,
                                                     gsize             length,
                                                     GPtrArray       **problems,
                                                     GError          **error);
EmsAssessment   *ems_assessment_load_from_file      (EmsChecklist     *checklist,
                                                     GFile            *file,
                                                     GPtrArray       **problems,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
void             ems_assessment_load_file_async     (EmsChecklist     *checklist,
                                                     GFile            *file,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
EmsAssessment   *ems_assessment_load_file_finish    (GAsyncResult     *result,
                                                     GError          **error);
GBytes          *ems_assessment_serialize           (EmsAssessment    *self);
gboolean         ems_assessment_save_to_file        (EmsAssessment    *self,
                                                     GFile            *file,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
/* Snapshot now, write atomically in a thread. */
void             ems_assessment_save_async          (EmsAssessment    *self,
                                                     GFile            *file,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
gboolean         ems_assessment_save_finish         (EmsAssessment    *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
G_END_DECLS
