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
/* The version of a file without indicators (as the workbooks name it) */
#define EMS_FORMAT_VERSION  1
/* The newest version read and written: 2 adds "indicators" */
#define EMS_FORMAT_VERSION_NEWEST  2
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
/* Outcome indicators (format version 2: ems-assessment-indicators.c).
 * Each change emits "indicator-changed" with the detail and argument
 * "period", "output" or the indicator's id, then "changed". */
/* TRUE when there is anything to write in "indicators" */
gboolean         ems_assessment_has_indicators      (EmsAssessment    *self);
/* ISO 8601 dates, or NULL */
const char      *ems_assessment_get_period_from     (EmsAssessment    *self);
const char      *ems_assessment_get_period_to       (EmsAssessment    *self);
void             ems_assessment_set_period          (EmsAssessment    *self,
                                                     const char       *from,
                                                     const char       *to);
/* "employees", "production", "revenue", "floor-area", or NULL */
const char      *ems_assessment_get_output_kind     (EmsAssessment    *self);
/* FALSE when the output has no value */
gboolean         ems_assessment_get_output_value    (EmsAssessment    *self,
                                                     double           *value);
/* output.unit (production) and output.currency (revenue), or NULL */
const char      *ems_assessment_get_output_unit     (EmsAssessment    *self);
const char      *ems_assessment_get_output_currency (EmsAssessment    *self);
/* @value NAN: no value */
void             ems_assessment_set_output          (EmsAssessment    *self,
                                                     const char       *kind,
                                                     double            value,
                                                     const char       *unit,
                                                     const char       *currency);
/* FALSE when the indicator has no value */
gboolean         ems_assessment_get_indicator_value (EmsAssessment    *self,
                                                     const char       *id,
                                                     double           *value);
void             ems_assessment_set_indicator_value (EmsAssessment    *self,
                                                     const char       *id,
                                                     double            value);
void             ems_assessment_clear_indicator_value (EmsAssessment  *self,
                                                     const char       *id);
/* The ratio value / output value (ems_indicator_compute_ratio); FALSE
 * when there is none (no such ratio, no value, no output) */
gboolean         ems_assessment_get_indicator_ratio (EmsAssessment    *self,
                                                     const char       *id,
                                                     double           *ratio);
/* Ids with a value: the indicator set's order first, unknown ids last
 * (sorted) */
char           **ems_assessment_dup_indicator_ids   (EmsAssessment    *self);
/* Ids with a value the indicator set does not know: kept, saved back */
char           **ems_assessment_dup_unknown_indicator_ids (EmsAssessment *self);

G_END_DECLS
