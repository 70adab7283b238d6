/* ems-comparison-load.c: reading the files of a workshop in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker thread never sees the comparison: it gets the URIs asked for
 * and a copy of the sources already in the set, reads and scores each
 * file into new objects of its own, and hands them over. The comparison
 * takes them in the main thread, in ems_comparison_load_files_finish().
 */
#define G_LOG_DOMAIN "ems-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-comparison-private.h"
#include "ems-i18n.h"

typedef struct
{
  GStrv       uris;      /* the files and folders asked for, in order */
  GHashTable *seen;      /* char* sources already in the set (a copy) */
} LoadJob;

typedef struct
{
  EmsAssessment *assessment;  /* made by the thread, handed over */
  EmsScores     *scores;
  char          *source;
} Loaded;

typedef struct
{
  GPtrArray *loaded;     /* Loaded* */
  GPtrArray *problems;   /* EmsLoadProblem* */
} LoadResult;

void
ems_load_problem_free (EmsLoadProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->name);
  g_free (problem->message);
  g_free (problem);
}

static void
load_job_free (LoadJob *job)
{
  g_strfreev (job->uris);
  g_hash_table_unref (job->seen);
  g_free (job);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->assessment);
  g_clear_pointer (&loaded->scores, ems_scores_free);
  g_free (loaded->source);
  g_free (loaded);
}

static void
load_result_free (LoadResult *result)
{
  g_ptr_array_unref (result->loaded);
  g_ptr_array_unref (result->problems);
  g_free (result);
}

static void
add_problem (GPtrArray  *problems,
             GFile      *file,
             const char *message)
{
  EmsLoadProblem *problem = g_new0 (EmsLoadProblem, 1);
  g_autofree char *basename = g_file_get_basename (file);

  problem->name = g_filename_display_name (basename != NULL ? basename : "");
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/* The .emsa files of @folder, sorted by name */
static void
expand_folder (GFile        *folder,
               GPtrArray    *into,
               GPtrArray    *problems,
               GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      add_problem (problems, folder, error->message);
      return;
    }

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (name, ".emsa"))
        g_ptr_array_add (found, g_file_get_child (folder, name));
      g_object_unref (info);
    }
  if (error != NULL)
    add_problem (problems, folder, error->message);

  if (found->len == 0 && error == NULL)
    add_problem (problems, folder, _("The folder holds no assessment (.emsa) files."));

  g_ptr_array_sort (found, ems_compare_file_paths);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (into, g_object_ref (g_ptr_array_index (found, i)));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  LoadResult *result = g_new0 (LoadResult, 1);

  /* source_object is the comparison: not touched here */
  result->loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) loaded_free);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_load_problem_free);

  for (guint i = 0; job->uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (job->uris[i]);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        expand_folder (file, files, result->problems, cancellable);
      else
        g_ptr_array_add (files, g_steal_pointer (&file));
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(EmsAssessment) assessment = NULL;
      g_autoptr(GError) error = NULL;
      Loaded *loaded;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (path == NULL)
        path = g_file_get_uri (file);
      if (g_hash_table_contains (job->seen, path))
        continue;

      assessment = ems_assessment_load_from_file (checklist, file, NULL, cancellable, &error);
      if (assessment == NULL)
        {
          add_problem (result->problems, file, error->message);
          continue;
        }

      loaded = g_new0 (Loaded, 1);
      loaded->scores = ems_scores_compute (assessment);
      loaded->assessment = g_steal_pointer (&assessment);
      loaded->source = g_strdup (path);
      g_ptr_array_add (result->loaded, loaded);
      g_hash_table_add (job->seen, g_steal_pointer (&path));
    }

  if (g_task_return_error_if_cancelled (task))
    {
      load_result_free (result);
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

void
ems_comparison_load_files_async (EmsComparison        *self,
                                 GFile               **files,
                                 guint                 n_files,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  LoadJob *job;

  g_return_if_fail (EMS_IS_COMPARISON (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (LoadJob, 1);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      g_strv_builder_add (uris, uri);
    }
  job->uris = g_strv_builder_end (uris);
  job->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->participants->len; i++)
    {
      const char *source = ems_comparison_participant (self, i)->source;

      if (source != NULL)
        g_hash_table_add (job->seen, g_strdup (source));
    }

  /* The checklist is read once, here, not by two threads at once */
  ems_checklist_get_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_comparison_load_files_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
ems_comparison_load_files_finish (EmsComparison  *self,
                                  GAsyncResult   *result,
                                  guint          *n_added,
                                  GPtrArray     **problems,
                                  GError        **error)
{
  LoadResult *loaded;
  guint added = 0;

  g_return_val_if_fail (EMS_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ems_comparison_load_files_async, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (problems != NULL)
    *problems = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;

  /* One notification of n-participants for the whole batch */
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < loaded->loaded->len; i++)
    {
      Loaded *one = g_ptr_array_index (loaded->loaded, i);

      /* Another job may have brought it in meanwhile */
      if (ems_comparison_has_source (self, one->source))
        continue;
      ems_comparison_add_scored (self, one->assessment, g_steal_pointer (&one->scores), one->source);
      added++;
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (n_added != NULL)
    *n_added = added;
  if (problems != NULL)
    *problems = g_ptr_array_ref (loaded->problems);

  load_result_free (loaded);

  return TRUE;
}
