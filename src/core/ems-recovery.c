/* ems-recovery.c: recovery files, and those left by a process that did not
 * exit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lock is flock(), as the atomic writer's temporary files use: it
 * belongs to the open file, so two documents of one process exclude each
 * other too (a POSIX record lock would not), a child process started with
 * the descriptor closed (O_CLOEXEC) takes nothing with it, and the kernel
 * drops it when the process dies, kill -9 included.
 */
#define G_LOG_DOMAIN "ems-recovery"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ems-recovery.h"

#define LOCK_TRIES 4

GFile *
ems_recovery_get_dir (void)
{
  const char *dir = g_getenv ("EMS_RECOVERY_DIR");

  if (dir != NULL && *dir != '\0')
    return g_file_new_for_path (dir);

  return g_file_new_build_filename (g_get_user_data_dir (),
                                    GETTEXT_PACKAGE, "recovery", NULL);
}

static GFile *
child_with_suffix (const char *id,
                   const char *suffix)
{
  g_autoptr(GFile) dir = ems_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (dir, name);
}

GFile *
ems_recovery_get_data_file (const char *id)
{
  return child_with_suffix (id, ".emsa");
}

GFile *
ems_recovery_get_info_file (const char *id)
{
  return child_with_suffix (id, ".info");
}

GFile *
ems_recovery_get_lock_file (const char *id)
{
  return child_with_suffix (id, ".lock");
}

int
ems_recovery_lock (const char  *id,
                   gboolean     create,
                   GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, -1);

  file = ems_recovery_get_lock_file (id);
  path = g_file_get_path (file);

  if (create)
    {
      g_autoptr(GFile) dir = g_file_get_parent (file);
      g_autofree char *dir_path = g_file_get_path (dir);

      if (g_mkdir_with_parents (dir_path, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (dir_path);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: %s are a folder name and the system's reason */
                       _("Could not create the recovery folder “%s”: %s"),
                       display, g_strerror (saved_errno));
          return -1;
        }
    }

  /* The file may be removed by its owner between open() and flock(): then
   * the lock is on a file no one else will ever look at. Check that the
   * name still leads to the locked file. */
  for (guint i = 0; i < LOCK_TRIES; i++)
    {
      struct stat locked, named;
      int fd = open (path, O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0), 0600);
      int saved_errno;

      if (fd < 0)
        {
          saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", path, g_strerror (saved_errno));
          return -1;
        }

      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          saved_errno = errno;
          close (fd);
          if (saved_errno == EWOULDBLOCK)
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                                 _("The recovery file is in use by an open window"));
          else
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                         "%s: %s", path, g_strerror (saved_errno));
          return -1;
        }

      if (fstat (fd, &locked) == 0 && stat (path, &named) == 0 &&
          locked.st_dev == named.st_dev && locked.st_ino == named.st_ino)
        return fd;

      close (fd);
      if (!create)
        break;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The recovery file was removed"));
  return -1;
}

void
ems_recovery_item_free (EmsRecoveryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_clear_object (&item->data_file);
  g_clear_object (&item->info_file);
  g_clear_object (&item->original);
  g_free (item->name);
  g_free (item->etag);
  if (item->lock_fd >= 0)
    close (item->lock_fd);
  g_free (item);
}

int
ems_recovery_item_steal_lock (EmsRecoveryItem *item)
{
  int fd;

  g_return_val_if_fail (item != NULL, -1);

  fd = item->lock_fd;
  item->lock_fd = -1;
  return fd;
}

/* Data first, the lock last: an .info file always has its .lock. */
static void
delete_files (const char *id)
{
  g_autoptr(GFile) data_file = ems_recovery_get_data_file (id);
  g_autoptr(GFile) info_file = ems_recovery_get_info_file (id);
  g_autoptr(GFile) lock_file = ems_recovery_get_lock_file (id);

  g_file_delete (data_file, NULL, NULL);
  g_file_delete (info_file, NULL, NULL);
  g_file_delete (lock_file, NULL, NULL);
}

void
ems_recovery_item_delete (EmsRecoveryItem *item)
{
  g_return_if_fail (item != NULL);

  delete_files (item->id);
}

typedef struct
{
  char *id;
  int   lock_fd;
} DeleteJob;

static void
delete_job_free (gpointer data)
{
  DeleteJob *job = data;

  if (job->lock_fd >= 0)
    close (job->lock_fd);
  g_free (job->id);
  g_free (job);
}

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DeleteJob *job = task_data;

  delete_files (job->id);
  if (job->lock_fd >= 0)
    {
      close (job->lock_fd);
      job->lock_fd = -1;
    }
  g_task_return_boolean (task, TRUE);
}

void
ems_recovery_delete_async (const char          *id,
                           int                  lock_fd,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DeleteJob *job;

  g_return_if_fail (id != NULL);

  job = g_new0 (DeleteJob, 1);
  job->id = g_strdup (id);
  job->lock_fd = lock_fd;

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, ems_recovery_delete_async);
  g_task_set_task_data (task, job, delete_job_free);
  g_task_run_in_thread (task, delete_thread);
}

gboolean
ems_recovery_delete_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ems_recovery_item_delete_async (EmsRecoveryItem     *item,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (item != NULL);

  ems_recovery_delete_async (item->id, ems_recovery_item_steal_lock (item),
                             callback, user_data);
  ems_recovery_item_free (item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const EmsRecoveryItem *ia = *(EmsRecoveryItem * const *) a;
  const EmsRecoveryItem *ib = *(EmsRecoveryItem * const *) b;

  return (ib->saved_time > ia->saved_time) - (ib->saved_time < ia->saved_time);
}

/* An orphan's item, holding its lock; NULL when the recovery is in use or
 * not worth offering (then cleaned up if it is ours to clean). */
static EmsRecoveryItem *
read_orphan (const char *dir,
             const char *id)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(EmsRecoveryItem) item = NULL;
  g_autofree char *info_name = g_strconcat (id, ".info", NULL);
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autofree char *uri = NULL;
  int fd;

  /* Creating the lock file covers recoveries written before there were
   * locks: a live writer always creates its lock before its .info. */
  fd = ems_recovery_lock (id, TRUE, NULL);
  if (fd < 0)
    return NULL;

  item = g_new0 (EmsRecoveryItem, 1);
  item->id = g_strdup (id);
  item->lock_fd = fd;
  item->data_file = ems_recovery_get_data_file (id);
  item->info_file = g_file_new_for_path (info_path);

  if (!g_key_file_load_from_file (keyfile, info_path, G_KEY_FILE_NONE, NULL) ||
      !g_file_query_exists (item->data_file, NULL))
    {
      /* Removed by its owner meanwhile, or an autosave that never
       * completed: nothing to restore. */
      delete_files (id);
      return NULL;
    }

  uri = g_key_file_get_string (keyfile, "Recovery", "Uri", NULL);
  if (uri != NULL && *uri != '\0')
    item->original = g_file_new_for_uri (uri);
  item->name = g_key_file_get_string (keyfile, "Recovery", "Name", NULL);
  item->saved_time = g_key_file_get_int64 (keyfile, "Recovery", "Time", NULL);
  item->etag = g_key_file_get_string (keyfile, "Recovery", "Etag", NULL);

  return g_steal_pointer (&item);
}

/* A lock file with nothing beside it, from a process that died between
 * taking the lock and writing, or while deleting */
static void
remove_lone_lock (const char *dir,
                  const char *id)
{
  g_autofree char *info_name = g_strconcat (id, ".info", NULL);
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  int fd;

  if (g_file_test (info_path, G_FILE_TEST_EXISTS))
    return;

  fd = ems_recovery_lock (id, FALSE, NULL);
  if (fd < 0)
    return;
  if (!g_file_test (info_path, G_FILE_TEST_EXISTS))
    delete_files (id);
  close (fd);
}

GPtrArray *
ems_recovery_list_orphans (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_recovery_item_free);
  g_autoptr(GFile) dir = ems_recovery_get_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GDir) gdir = NULL;
  const char *name;

  if (path == NULL || !(gdir = g_dir_open (path, 0, NULL)))
    return g_steal_pointer (&items);

  while ((name = g_dir_read_name (gdir)))
    {
      g_autofree char *id = NULL;

      if (g_str_has_suffix (name, ".info"))
        {
          EmsRecoveryItem *item;

          id = g_strndup (name, strlen (name) - strlen (".info"));
          if ((item = read_orphan (path, id)))
            g_ptr_array_add (items, item);
        }
      else if (g_str_has_suffix (name, ".lock"))
        {
          id = g_strndup (name, strlen (name) - strlen (".lock"));
          remove_lone_lock (path, id);
        }
    }

  g_ptr_array_sort (items, compare_items);

  return g_steal_pointer (&items);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, ems_recovery_list_orphans (),
                         (GDestroyNotify) g_ptr_array_unref);
}

void
ems_recovery_list_orphans_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ems_recovery_list_orphans_async);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
ems_recovery_list_orphans_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
