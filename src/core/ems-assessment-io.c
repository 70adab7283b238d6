/* ems-assessment-io.c: assessments in files: loading and saving GFiles
 * (in a thread), and the action plan as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include "ems-action-list.h"
#include "ems-assessment.h"
#include "ems-atomic-file.h"
#include "ems-error.h"
#include "ems-file-read.h"

/**
 * ems_assessment_get_actions:
 * @self: an assessment
 *
 * Returns: (transfer none): the action plan as a GListModel of EmsAction,
 *   kept up to date; it lives as long as @self
 */
GListModel *
ems_assessment_get_actions (EmsAssessment *self)
{
  GListModel *model;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);

  model = g_object_get_data (G_OBJECT (self), "ems-action-list");
  if (model == NULL)
    {
      model = ems_action_list_new (self);
      g_object_set_data_full (G_OBJECT (self), "ems-action-list", model, g_object_unref);
    }

  return model;
}

EmsAssessment *
ems_assessment_load_from_file (EmsChecklist  *checklist,
                               GFile         *file,
                               GPtrArray    **problems,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems != NULL)
    *problems = NULL;

  /* A regular file, read up to the limit and no further */
  if (!ems_file_load_bounded (file, EMS_MAX_FILE_SIZE, cancellable, &contents, &length, error))
    return NULL;

  return ems_assessment_load_from_data (checklist, contents, length, problems, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EmsChecklist *checklist = task_data;
  GFile *file = source_object;
  g_autoptr(GError) error = NULL;
  EmsAssessment *assessment;

  assessment = ems_assessment_load_from_file (checklist, file, NULL, cancellable, &error);
  if (assessment == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, assessment, g_object_unref);
}

void
ems_assessment_load_file_async (EmsChecklist        *checklist,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (checklist == NULL || EMS_IS_CHECKLIST (checklist));
  g_return_if_fail (G_IS_FILE (file));

  if (checklist == NULL)
    checklist = ems_checklist_get_default ();

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_assessment_load_file_async);
  g_task_set_task_data (task, g_object_ref (checklist), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

EmsAssessment *
ems_assessment_load_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writing */

gboolean
ems_assessment_save_to_file (EmsAssessment  *self,
                             GFile          *file,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = ems_assessment_serialize (self);

  return ems_write_file_atomically (file, bytes, NULL, NULL, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GBytes *bytes = task_data;
  g_autoptr(GError) error = NULL;

  if (ems_write_file_atomically (file, bytes, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
ems_assessment_save_async (EmsAssessment       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_assessment_save_async);
  /* The snapshot is taken now, on the caller's thread. */
  g_task_set_task_data (task, ems_assessment_serialize (self), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ems_assessment_save_finish (EmsAssessment  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
