/* ems-examples.c: the bundled example assessments
 *
 * Apart from ems-i18n.c because it hands out GFiles: the command line
 * links ems-i18n.c without GIO. The window lists them through the async
 * variant: reading a folder and three files is blocking I/O.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-i18n"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "ems-assessment.h"
#include "ems-examples.h"

/* For g_ptr_array_sort () of GFile*: by path */
int
ems_compare_file_paths (gconstpointer a,
                        gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **) a);
  g_autofree char *pb = g_file_get_path (*(GFile **) b);

  return g_strcmp0 (pa, pb);
}

#define EXAMPLE_DIRS { g_getenv ("EMS_EXAMPLES_DIR"), EXAMPLES_DIR, SOURCE_EXAMPLES_DIR }

GPtrArray *
ems_list_examples (void)
{
  const char *dirs[] = EXAMPLE_DIRS;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      if (!(dir = g_dir_open (dirs[i], 0, NULL)))
        continue;

      while ((name = g_dir_read_name (dir)))
        {
          if (g_str_has_suffix (name, ".emsa"))
            g_ptr_array_add (files, g_file_new_build_filename (dirs[i], name, NULL));
        }

      if (files->len > 0)
        break;
    }

  g_ptr_array_sort (files, ems_compare_file_paths);

  return g_steal_pointer (&files);
}

gboolean
ems_file_is_example (GFile *file)
{
  const char *dirs[] = EXAMPLE_DIRS;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;

  if (file == NULL || !g_file_is_native (file))
    return FALSE;

  name = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  if (name == NULL || parent == NULL || !g_str_has_suffix (name, ".emsa"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GFile) dir = NULL;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      dir = g_file_new_for_path (dirs[i]);
      if (g_file_equal (dir, parent))
        return TRUE;
    }

  return FALSE;
}

void
ems_example_free (EmsExample *example)
{
  if (example == NULL)
    return;
  g_clear_object (&example->file);
  g_free (example->title);
  g_free (example->subtitle);
  g_free (example);
}

/* An example's organisation and what it does, read from the file; the
 * file name when it cannot be read. */
static EmsExample *
example_new (GFile *file)
{
  g_autoptr(EmsAssessment) assessment = ems_assessment_load_from_file (NULL, file, NULL, NULL, NULL);
  EmsExample *example = g_new0 (EmsExample, 1);

  example->file = g_object_ref (file);
  if (assessment != NULL && ems_assessment_get_name (assessment) != NULL)
    {
      const char *sector = ems_assessment_get_sector (assessment);
      const char *site = ems_assessment_get_site (assessment);

      example->title = g_strdup (ems_assessment_get_name (assessment));
      if (sector != NULL && site != NULL)
        /* Translators: an example's sector, then its town, e.g.
         * "Commercial printing · Dayton, Ohio" */
        example->subtitle = g_strdup_printf (_("%s · %s"), sector, site);
      else
        example->subtitle = g_strdup (sector != NULL ? sector : site);
    }
  else
    {
      g_autofree char *basename = g_file_get_basename (file);

      example->title = g_filename_display_name (basename);
    }

  return example;
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) files = ems_list_examples ();
  g_autoptr(GPtrArray) examples = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_example_free);

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (examples, example_new (g_ptr_array_index (files, i)));

  g_task_return_pointer (task, g_steal_pointer (&examples), (GDestroyNotify) g_ptr_array_unref);
}

void
ems_list_examples_async (GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ems_list_examples_async);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
ems_list_examples_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
filter_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      if (g_task_return_error_if_cancelled (task))
        return;
      if (g_file_query_exists (file, cancellable))
        g_ptr_array_add (existing, g_object_ref (file));
    }

  g_task_return_pointer (task, g_steal_pointer (&existing), (GDestroyNotify) g_ptr_array_unref);
}

void
ems_filter_existing_files_async (GPtrArray           *files,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy;

  g_return_if_fail (files != NULL);

  /* The thread gets its own array of its own references */
  copy = g_ptr_array_new_full (files->len, g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (files, i)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_filter_existing_files_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, filter_thread);
}

GPtrArray *
ems_filter_existing_files_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
