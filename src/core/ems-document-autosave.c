/* ems-document-autosave.c: an EmsDocument's recovery files, written while
 * it has unsaved changes and held locked while it is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lock is taken with the first autosave, in the writing thread, and
 * kept until the recovery is discarded (saved, closed without changes,
 * undone to the saved state) or the process ends. Every file operation runs
 * in a thread: the main loop only hands over bytes and descriptors.
 */
#define G_LOG_DOMAIN "ems-document"

#include "config.h"

#include <unistd.h>

#include "ems-atomic-file.h"
#include "ems-document-private.h"
#include "ems-recovery.h"

#define DEFAULT_AUTOSAVE_MSEC 10000

typedef struct
{
  char     *id;
  GBytes   *data;
  GBytes   *info;
  gboolean  need_lock;
  int       new_fd;      /* the lock taken by the thread */
} AutosaveJob;

static void
autosave_job_free (gpointer data)
{
  AutosaveJob *job = data;

  if (job->new_fd >= 0)
    close (job->new_fd);
  g_free (job->id);
  g_bytes_unref (job->data);
  g_bytes_unref (job->info);
  g_free (job);
}

static void
autosave_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AutosaveJob *job = task_data;
  g_autoptr(GFile) data_file = ems_recovery_get_data_file (job->id);
  g_autoptr(GFile) info_file = ems_recovery_get_info_file (job->id);
  g_autoptr(GError) error = NULL;

  /* The lock first: an .info file always has a locked .lock beside it
   * while its document is open. */
  if (job->need_lock &&
      (job->new_fd = ems_recovery_lock (job->id, TRUE, &error)) < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!ems_write_file_atomically (data_file, job->data, NULL, NULL, NULL, &error) ||
      !ems_write_file_atomically (info_file, job->info, NULL, NULL, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
autosave_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  EmsDocument *self = EMS_DOCUMENT (object);
  AutosaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->autosave_in_flight = FALSE;

  if (g_strcmp0 (job->id, self->recovery_id) != 0)
    {
      /* Discarded while it was written: remove what it wrote. */
      int fd = self->pending_lock_fd >= 0 ? self->pending_lock_fd : job->new_fd;

      if (fd != job->new_fd && job->new_fd >= 0)
        close (job->new_fd);
      job->new_fd = -1;
      self->pending_lock_fd = -1;
      ems_recovery_delete_async (job->id, fd, NULL, NULL);
    }
  else
    {
      if (job->new_fd >= 0)
        {
          g_assert (self->lock_fd < 0);
          self->lock_fd = job->new_fd;
          job->new_fd = -1;
        }

      if (!ok)
        {
          /* The user must know the safety net is gone: the window shows it. */
          g_signal_emit_by_name (self, "autosave-failed", error);
        }
      else
        {
          self->recovery_written = TRUE;
          self->n_autosaves++;
          g_object_notify (G_OBJECT (self), "n-autosaves");
        }
    }

  if (self->autosave_again && self->assessment != NULL)
    {
      self->autosave_again = FALSE;
      ems_document_schedule_autosave (self);
    }
}

static GBytes *
build_info (EmsDocument *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *name = ems_assessment_get_name (self->assessment);
  char *data;
  gsize length;

  /* No process id: the lock says whether the writer lives. */
  g_key_file_set_int64 (keyfile, "Recovery", "Time", g_date_time_to_unix (now));
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (keyfile, "Recovery", "Uri", uri);
    }
  if (name != NULL)
    g_key_file_set_string (keyfile, "Recovery", "Name", name);
  /* So that saving the restored work still notices another program's
   * change to the file */
  if (self->etag != NULL)
    g_key_file_set_string (keyfile, "Recovery", "Etag", self->etag);

  data = g_key_file_to_data (keyfile, &length, NULL);
  return g_bytes_new_take (data, length);
}

void
ems_document_autosave_now (EmsDocument *self)
{
  g_autoptr(GTask) task = NULL;
  AutosaveJob *job;

  g_return_if_fail (EMS_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (self->autosave_in_flight)
    {
      self->autosave_again = TRUE;
      return;
    }

  job = g_new0 (AutosaveJob, 1);
  job->id = g_strdup (self->recovery_id);
  job->data = ems_assessment_serialize (self->assessment);
  job->info = build_info (self);
  job->need_lock = self->lock_fd < 0;
  job->new_fd = -1;

  self->autosave_in_flight = TRUE;
  task = g_task_new (self, NULL, autosave_done, NULL);
  g_task_set_source_tag (task, ems_document_autosave_now);
  g_task_set_task_data (task, job, autosave_job_free);
  g_task_run_in_thread (task, autosave_thread);
}

static gboolean
autosave_timeout (gpointer user_data)
{
  EmsDocument *self = user_data;

  self->autosave_id = 0;
  if (self->modified)
    ems_document_autosave_now (self);

  return G_SOURCE_REMOVE;
}

void
ems_document_schedule_autosave (EmsDocument *self)
{
  if (self->autosave_in_flight)
    {
      self->autosave_again = TRUE;
      return;
    }

  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add (self->autosave_msec, autosave_timeout, self);
}

void
ems_document_discard_recovery (EmsDocument *self)
{
  g_return_if_fail (EMS_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_again = FALSE;

  if (self->autosave_in_flight && self->pending_lock_fd < 0 &&
      self->lock_fd >= 0)
    {
      /* autosave_done() removes the files once they are written. */
      self->pending_lock_fd = self->lock_fd;
    }
  else if (!self->autosave_in_flight && (self->lock_fd >= 0 || self->recovery_written))
    {
      ems_recovery_delete_async (self->recovery_id, self->lock_fd, NULL, NULL);
    }
  else if (self->lock_fd >= 0)
    {
      /* A second discard during one autosave, with a lock of its own:
       * cannot happen, as only an autosave takes a lock. */
      close (self->lock_fd);
    }

  /* Later autosaves start a new recovery, so that the removal of this one
   * in its thread never meets them. */
  self->lock_fd = -1;
  self->recovery_written = FALSE;
  g_free (self->recovery_id);
  self->recovery_id = g_uuid_string_random ();
}

void
ems_document_take_recovery (EmsDocument *self,
                            const char  *recovery_id,
                            int          lock_fd)
{
  g_assert (!self->autosave_in_flight && self->lock_fd < 0);

  g_free (self->recovery_id);
  self->recovery_id = g_strdup (recovery_id);
  self->lock_fd = lock_fd;
  self->recovery_written = TRUE;
}

GFile *
ems_document_get_recovery_file (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), NULL);
  return ems_recovery_get_data_file (self->recovery_id);
}

guint
ems_document_get_n_autosaves (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), 0);
  return self->n_autosaves;
}

void
ems_document_autosave_init (EmsDocument *self)
{
  const char *interval = g_getenv ("EMS_AUTOSAVE_INTERVAL");

  self->recovery_id = g_uuid_string_random ();
  self->lock_fd = -1;
  self->pending_lock_fd = -1;
  self->autosave_msec = DEFAULT_AUTOSAVE_MSEC;
  if (interval != NULL)
    self->autosave_msec = CLAMP (g_ascii_strtoull (interval, NULL, 10), 10, 30000);
}

void
ems_document_autosave_dispose (EmsDocument *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);

  /* A document closed without unsaved changes leaves nothing to recover;
   * one with changes leaves its recovery, offered at the next start once
   * the lock goes with the descriptor. */
  if (!self->modified)
    ems_document_discard_recovery (self);
}

void
ems_document_autosave_finalize (EmsDocument *self)
{
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  if (self->pending_lock_fd >= 0)
    close (self->pending_lock_fd);
  g_free (self->recovery_id);
}
