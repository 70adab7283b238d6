/* ems-document.c: an open assessment: its file and the etag it had when
 * read, the unsaved mark, loading and saving (no widgets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo and the saved point are in ems-document-undo.c, the recovery files
 * in ems-document-autosave.c.
 */
#define G_LOG_DOMAIN "ems-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-atomic-file.h"
#include "ems-document-private.h"
#include "ems-recovery.h"

G_DEFINE_FINAL_TYPE (EmsDocument, ems_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_TITLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_N_AUTOSAVES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  AUTOSAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
ems_document_emit_undo_state (EmsDocument *self,
                              gboolean     could_undo,
                              gboolean     could_redo)
{
  if (could_undo != ems_document_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != ems_document_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* The unsaved mark */

static void
set_modified_flag (EmsDocument *self,
                   gboolean     modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  if (modified)
    ems_document_schedule_autosave (self);
  else
    /* Back to what the file holds: nothing to recover. */
    ems_document_discard_recovery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* A change that no undo entry recorded (none is known today; this keeps
 * a future one from passing for the saved state) */
static void
resolve_untracked (EmsDocument *self)
{
  if (!self->maybe_untracked)
    return;
  self->maybe_untracked = FALSE;
  self->saved_serial = EMS_SERIAL_UNREACHABLE;
  self->n_untracked++;
}

void
ems_document_update_modified (EmsDocument *self)
{
  resolve_untracked (self);
  set_modified_flag (self, ems_document_undo_top_serial (self) != self->saved_serial);
}

static void
on_assessment_changed (EmsAssessment *assessment,
                       EmsDocument   *self)
{
  self->change_count++;
  resolve_untracked (self);

  /* Answers, the profile and the plan's list are recorded before
   * "changed"; an action's own properties right after it. */
  if (!self->applying && !self->recorded)
    {
      self->maybe_untracked = TRUE;
      set_modified_flag (self, TRUE);
    }
  self->recorded = FALSE;

  if (self->modified)
    ems_document_schedule_autosave (self);
}

gboolean
ems_document_get_modified (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

void
ems_document_set_modified (EmsDocument *self,
                           gboolean     modified)
{
  g_return_if_fail (EMS_IS_DOCUMENT (self));

  resolve_untracked (self);
  self->saved_serial = modified ? EMS_SERIAL_UNREACHABLE
                                : ems_document_undo_seal (self);
  set_modified_flag (self, !!modified);
}

/* Loading */

typedef struct
{
  GFile         *file;
  EmsChecklist  *checklist;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_object_unref (job->file);
  g_object_unref (job->checklist);
  g_free (job);
}

typedef struct
{
  EmsAssessment *assessment;
  char          *etag;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *load = data;

  g_clear_object (&load->assessment);
  g_free (load->etag);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  LoadResult *load = g_new0 (LoadResult, 1);

  /* The etag before the content: a change in between then shows as a
   * conflict at the next save, never the other way round. */
  load->etag = ems_file_query_etag (job->file, cancellable);
  load->assessment = ems_assessment_load_from_file (job->checklist, job->file,
                                                    NULL, cancellable, &error);
  if (load->assessment == NULL)
    {
      load_result_free (load);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, load, load_result_free);
}

void
ems_document_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (G_IS_FILE (file));

  /* The checklist is chosen on the caller's thread, as
   * ems_assessment_load_file_async() does */
  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  job->checklist = g_object_ref (ems_checklist_get_default ());

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_document_load_async);
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

EmsDocument *
ems_document_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  LoadJob *job;
  LoadResult *load;
  EmsDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  load = g_task_propagate_pointer (G_TASK (result), error);
  if (load == NULL)
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  self = ems_document_new (load->assessment, job->file);
  self->etag = g_steal_pointer (&load->etag);
  load_result_free (load);

  return self;
}

const char *
ems_document_get_etag (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), NULL);
  return self->etag;
}

/* Saving */

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  char    *expected_etag;
  char    *new_etag;
  guint64  change_count;
  guint64  n_untracked;
  guint64  serial;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_object_unref (save->file);
  g_bytes_unref (save->bytes);
  g_free (save->expected_etag);
  g_free (save->new_etag);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GError) error = NULL;

  if (!ems_write_file_atomically (save->file, save->bytes, save->expected_etag,
                                  &save->new_etag, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  EmsDocument *self = EMS_DOCUMENT (object);
  GTask *task = G_TASK (result);
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GTask *outer = user_data;

  if (!g_task_propagate_boolean (task, &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }

  if (self->file == NULL || !g_file_equal (self->file, save->file))
    {
      g_set_object (&self->file, save->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  g_free (self->etag);
  self->etag = g_steal_pointer (&save->new_etag);

  /* The file now holds the state at the top of the stack when the save
   * began; edits made meanwhile are entries above it, still unsaved. */
  resolve_untracked (self);
  self->saved_serial = save->n_untracked == self->n_untracked ? save->serial
                                                              : EMS_SERIAL_UNREACHABLE;
  ems_document_update_modified (self);

  g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

void
ems_document_save_full_async (EmsDocument          *self,
                              GFile                *file,
                              EmsDocumentSaveFlags  flags,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *outer;
  SaveData *save;

  g_return_if_fail (EMS_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, ems_document_save_full_async);

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file ? file : self->file);
  /* The snapshot is taken now, on the caller's thread. */
  save->bytes = ems_assessment_serialize (self->assessment);
  resolve_untracked (self);
  save->serial = ems_document_undo_seal (self);
  save->n_untracked = self->n_untracked;
  save->change_count = self->change_count;
  /* Only the file we read has an etag to check: another one was chosen,
   * overwrite confirmed, in the file chooser. */
  if (!(flags & EMS_DOCUMENT_SAVE_IGNORE_CHANGES) && self->file != NULL &&
      g_file_equal (save->file, self->file))
    save->expected_etag = g_strdup (self->etag);

  task = g_task_new (self, cancellable, save_done, outer);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

void
ems_document_save_async (EmsDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  ems_document_save_full_async (self, file, EMS_DOCUMENT_SAVE_NONE, cancellable,
                                callback, user_data);
}

gboolean
ems_document_save_finish (EmsDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Properties */

EmsAssessment *
ems_document_get_assessment (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), NULL);
  return self->assessment;
}

GFile *
ems_document_get_file (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
ems_document_is_untitled (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), TRUE);
  return self->file == NULL;
}

char *
ems_document_dup_title (EmsDocument *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (EMS_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled Assessment"));

  basename = g_file_get_basename (self->file);
  return g_filename_display_name (basename);
}

static void
ems_document_constructed (GObject *object)
{
  EmsDocument *self = EMS_DOCUMENT (object);

  G_OBJECT_CLASS (ems_document_parent_class)->constructed (object);

  g_assert (EMS_IS_ASSESSMENT (self->assessment));

  ems_document_undo_connect (self);
  g_signal_connect_object (self->assessment, "changed",
                           G_CALLBACK (on_assessment_changed), self, 0);
}

static void
ems_document_dispose (GObject *object)
{
  EmsDocument *self = EMS_DOCUMENT (object);

  if (self->recovery_id != NULL)
    ems_document_autosave_dispose (self);

  if (self->assessment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->assessment, self);
      ems_document_undo_disconnect (self);
    }
  g_clear_object (&self->assessment);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ems_document_parent_class)->dispose (object);
}

static void
ems_document_finalize (GObject *object)
{
  EmsDocument *self = EMS_DOCUMENT (object);

  ems_document_undo_finalize (self);
  ems_document_autosave_finalize (self);
  g_free (self->etag);

  G_OBJECT_CLASS (ems_document_parent_class)->finalize (object);
}

static void
ems_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EmsDocument *self = EMS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_TITLE:
      g_value_take_string (value, ems_document_dup_title (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ems_document_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ems_document_get_can_redo (self));
      break;
    case PROP_N_AUTOSAVES:
      g_value_set_uint (value, self->n_autosaves);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EmsDocument *self = EMS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      self->assessment = g_value_dup_object (value);
      break;
    case PROP_FILE:
      g_set_object (&self->file, g_value_get_object (value));
      break;
    case PROP_MODIFIED:
      ems_document_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_document_class_init (EmsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ems_document_constructed;
  object_class->dispose = ems_document_dispose;
  object_class->finalize = ems_document_finalize;
  object_class->get_property = ems_document_get_property;
  object_class->set_property = ems_document_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, EMS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_AUTOSAVES] =
    g_param_spec_uint ("n-autosaves", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmsDocument::autosave-failed:
   * @error: why the recovery copy could not be written
   */
  signals[AUTOSAVE_FAILED] =
    g_signal_new ("autosave-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
ems_document_init (EmsDocument *self)
{
  ems_document_undo_init (self);
  ems_document_autosave_init (self);
}

EmsDocument *
ems_document_new (EmsAssessment *assessment,
                  GFile         *file)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  return g_object_new (EMS_TYPE_DOCUMENT,
                       "assessment", assessment,
                       "file", file,
                       NULL);
}

EmsDocument *
ems_document_new_recovered (EmsAssessment   *assessment,
                            EmsRecoveryItem *item)
{
  EmsDocument *self;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  self = ems_document_new (assessment, item->original);
  self->etag = g_strdup (item->etag);
  /* The recovery and its lock pass to this document: no other process
   * can offer it now. */
  ems_document_take_recovery (self, item->id, ems_recovery_item_steal_lock (item));
  self->saved_serial = EMS_SERIAL_UNREACHABLE;
  self->modified = TRUE;
  ems_document_autosave_now (self);

  return self;
}
