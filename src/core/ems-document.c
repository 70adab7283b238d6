/* ems-document.c: an open assessment: its file, unsaved state, undo and
 * autosave to a recovery file (no widgets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-document"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ems-document.h"
#include "ems-atomic-file.h"
#include "ems-recovery.h"

/* Edits of the same text within this time make one undo step. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)
#define DEFAULT_AUTOSAVE_MSEC 10000

/* The profile properties of EmsAssessment that undo covers */
static const char * const profile_properties[] = {
  "name", "site", "sector", "employees", "country", "assessor",
  "assessed-on", "target-level",
};

typedef enum
{
  UNDO_ANSWER,
  UNDO_PROPERTY,
} UndoKind;

typedef struct
{
  UndoKind   kind;
  char      *key;          /* question id or property name */
  EmsAnswer *old_answer;   /* NULL: no entry */
  EmsAnswer *new_answer;
  GValue     old_value;
  GValue     new_value;
  gboolean   text_only;
  gint64     time;
} UndoEntry;

struct _EmsDocument
{
  GObject        parent_instance;

  EmsAssessment *assessment;
  GFile         *file;
  gboolean       modified;

  GHashTable    *shadow_answers;   /* id -> EmsAnswer */
  GHashTable    *shadow_values;    /* property name -> GValue */
  GPtrArray     *undo_stack;
  GPtrArray     *redo_stack;
  gboolean       applying;

  guint64        change_count;

  char          *recovery_id;
  guint          autosave_id;
  guint          autosave_msec;
  GCancellable  *recovery_cancellable;
  gboolean       autosave_in_flight;
  gboolean       autosave_again;
  guint          n_autosaves;
};

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

static void schedule_autosave (EmsDocument *self);

static void
undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  g_free (entry->key);
  g_clear_pointer (&entry->old_answer, ems_answer_free);
  g_clear_pointer (&entry->new_answer, ems_answer_free);
  if (G_IS_VALUE (&entry->old_value))
    g_value_unset (&entry->old_value);
  if (G_IS_VALUE (&entry->new_value))
    g_value_unset (&entry->new_value);
  g_free (entry);
}

static void
gvalue_free (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static void
notify_undo_state (EmsDocument *self,
                   gboolean     could_undo,
                   gboolean     could_redo)
{
  if (could_undo != ems_document_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != ems_document_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
answer_state_equal (const EmsAnswer *a,
                    const EmsAnswer *b)
{
  EmsAnswerState sa = a ? a->state : EMS_ANSWER_UNANSWERED;
  EmsAnswerState sb = b ? b->state : EMS_ANSWER_UNANSWERED;
  guint la = (a && a->state == EMS_ANSWER_LEVEL) ? a->level : 0;
  guint lb = (b && b->state == EMS_ANSWER_LEVEL) ? b->level : 0;

  return sa == sb && la == lb;
}

static void
push_entry (EmsDocument *self,
            UndoEntry   *entry)
{
  gboolean could_undo = ems_document_get_can_undo (self);
  gboolean could_redo = ems_document_get_can_redo (self);

  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, entry);
  notify_undo_state (self, could_undo, could_redo);
}

static UndoEntry *
top_entry (EmsDocument *self)
{
  if (self->undo_stack->len == 0)
    return NULL;
  return g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
}

static void
on_answer_changed (EmsAssessment *assessment,
                   const char    *question_id,
                   EmsDocument   *self)
{
  const EmsAnswer *current = ems_assessment_get_answer (assessment, question_id);
  EmsAnswer *old = g_hash_table_lookup (self->shadow_answers, question_id);
  gint64 now = g_get_monotonic_time ();

  if ((old == NULL && current == NULL) ||
      (old != NULL && current != NULL && ems_answer_equal (old, current)))
    return;

  if (!self->applying)
    {
      UndoEntry *top = top_entry (self);
      gboolean text_only = answer_state_equal (old, current);

      if (text_only && top != NULL && top->kind == UNDO_ANSWER &&
          top->text_only && g_strcmp0 (top->key, question_id) == 0 &&
          now - top->time < COALESCE_USEC && self->redo_stack->len == 0)
        {
          g_clear_pointer (&top->new_answer, ems_answer_free);
          top->new_answer = current ? ems_answer_copy (current) : NULL;
          top->time = now;
        }
      else
        {
          UndoEntry *entry = g_new0 (UndoEntry, 1);

          entry->kind = UNDO_ANSWER;
          entry->key = g_strdup (question_id);
          entry->old_answer = old ? ems_answer_copy (old) : NULL;
          entry->new_answer = current ? ems_answer_copy (current) : NULL;
          entry->text_only = text_only;
          entry->time = now;
          push_entry (self, entry);
        }
    }

  if (current != NULL)
    g_hash_table_insert (self->shadow_answers, g_strdup (question_id),
                         ems_answer_copy (current));
  else
    g_hash_table_remove (self->shadow_answers, question_id);
}

static gboolean
is_profile_property (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (profile_properties); i++)
    if (g_str_equal (name, profile_properties[i]))
      return TRUE;
  return FALSE;
}

static void
on_assessment_notify (EmsAssessment *assessment,
                      GParamSpec    *pspec,
                      EmsDocument   *self)
{
  const char *name = g_param_spec_get_name (pspec);
  GValue *old;
  GValue *current;
  gint64 now = g_get_monotonic_time ();

  if (!is_profile_property (name))
    return;

  old = g_hash_table_lookup (self->shadow_values, name);
  current = g_new0 (GValue, 1);
  g_value_init (current, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (G_OBJECT (assessment), name, current);

  if (old != NULL && g_param_values_cmp (pspec, old, current) == 0)
    {
      gvalue_free (current);
      return;
    }

  if (!self->applying && old != NULL)
    {
      UndoEntry *top = top_entry (self);
      gboolean is_text = G_VALUE_HOLDS_STRING (current);

      if (is_text && top != NULL && top->kind == UNDO_PROPERTY &&
          g_strcmp0 (top->key, name) == 0 && now - top->time < COALESCE_USEC &&
          self->redo_stack->len == 0)
        {
          g_value_copy (current, &top->new_value);
          top->time = now;
        }
      else
        {
          UndoEntry *entry = g_new0 (UndoEntry, 1);

          entry->kind = UNDO_PROPERTY;
          entry->key = g_strdup (name);
          g_value_init (&entry->old_value, G_VALUE_TYPE (old));
          g_value_copy (old, &entry->old_value);
          g_value_init (&entry->new_value, G_VALUE_TYPE (current));
          g_value_copy (current, &entry->new_value);
          entry->time = now;
          push_entry (self, entry);
        }
    }

  g_hash_table_insert (self->shadow_values, g_strdup (name), current);
}

static void
on_assessment_changed (EmsAssessment *assessment,
                       EmsDocument   *self)
{
  self->change_count++;
  ems_document_set_modified (self, TRUE);
  schedule_autosave (self);
}

static void
take_snapshot (EmsDocument *self)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (self->assessment);
  g_auto(GStrv) ids = ems_assessment_dup_answer_ids (self->assessment);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, ids[i]);

      if (answer != NULL)
        g_hash_table_insert (self->shadow_answers, g_strdup (ids[i]),
                             ems_answer_copy (answer));
    }

  for (guint i = 0; i < G_N_ELEMENTS (profile_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, profile_properties[i]);
      GValue *value;

      if (pspec == NULL)
        {
          g_debug ("EmsAssessment has no property %s: not undoable",
                   profile_properties[i]);
          continue;
        }

      value = g_new0 (GValue, 1);
      g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (self->assessment), profile_properties[i], value);
      g_hash_table_insert (self->shadow_values, g_strdup (profile_properties[i]), value);
    }
}

static void
apply_entry (EmsDocument *self,
             UndoEntry   *entry,
             gboolean     undo)
{
  self->applying = TRUE;

  if (entry->kind == UNDO_ANSWER)
    {
      EmsAnswer *answer = undo ? entry->old_answer : entry->new_answer;

      if (answer != NULL)
        {
          ems_assessment_set_answer (self->assessment, entry->key, answer);
        }
      else
        {
          g_autoptr(EmsAnswer) empty = ems_answer_new ();

          ems_assessment_set_answer (self->assessment, entry->key, empty);
        }
    }
  else
    {
      g_object_set_property (G_OBJECT (self->assessment), entry->key,
                             undo ? &entry->old_value : &entry->new_value);
    }

  self->applying = FALSE;
}

void
ems_document_undo (EmsDocument *self)
{
  gboolean could_undo, could_redo;
  UndoEntry *entry;

  g_return_if_fail (EMS_IS_DOCUMENT (self));

  if (self->undo_stack->len == 0)
    return;

  could_undo = ems_document_get_can_undo (self);
  could_redo = ems_document_get_can_redo (self);
  entry = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  apply_entry (self, entry, TRUE);
  entry->time = 0;
  g_ptr_array_add (self->redo_stack, entry);
  notify_undo_state (self, could_undo, could_redo);
}

void
ems_document_redo (EmsDocument *self)
{
  gboolean could_undo, could_redo;
  UndoEntry *entry;

  g_return_if_fail (EMS_IS_DOCUMENT (self));

  if (self->redo_stack->len == 0)
    return;

  could_undo = ems_document_get_can_undo (self);
  could_redo = ems_document_get_can_redo (self);
  entry = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  apply_entry (self, entry, FALSE);
  entry->time = 0;   /* never merge new edits into a redone step */
  g_ptr_array_add (self->undo_stack, entry);
  notify_undo_state (self, could_undo, could_redo);
}

gboolean
ems_document_get_can_undo (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
ems_document_get_can_redo (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0;
}

/* Autosave */

typedef struct
{
  GBytes *data;
  GBytes *info;
  GFile  *data_file;
  GFile  *info_file;
} AutosaveJob;

static void
autosave_job_free (gpointer data)
{
  AutosaveJob *job = data;

  g_bytes_unref (job->data);
  g_bytes_unref (job->info);
  g_object_unref (job->data_file);
  g_object_unref (job->info_file);
  g_free (job);
}

static void
autosave_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AutosaveJob *job = task_data;
  g_autoptr(GFile) dir = g_file_get_parent (job->data_file);
  g_autoptr(GError) error = NULL;

  if (!g_file_make_directory_with_parents (dir, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_error (&error);

  if (!ems_write_file_atomically (job->data_file, job->data, NULL, NULL, NULL, &error) ||
      !ems_write_file_atomically (job->info_file, job->info, NULL, NULL, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Discarded while we were writing: leave nothing behind. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_file_delete (job->data_file, NULL, NULL);
      g_file_delete (job->info_file, NULL, NULL);
    }

  g_task_return_boolean (task, TRUE);
}

static void
autosave_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  EmsDocument *self = EMS_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  self->autosave_in_flight = FALSE;
  if (self->assessment == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The user must know the safety net is gone: the window shows it. */
      g_signal_emit (self, signals[AUTOSAVE_FAILED], 0, error);
    }
  else if (!g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      self->n_autosaves++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_AUTOSAVES]);
    }

  if (self->autosave_again)
    {
      self->autosave_again = FALSE;
      schedule_autosave (self);
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

  g_key_file_set_int64 (keyfile, "Recovery", "Pid", getpid ());
  g_key_file_set_int64 (keyfile, "Recovery", "Time", g_date_time_to_unix (now));
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (keyfile, "Recovery", "Uri", uri);
    }
  if (name != NULL)
    g_key_file_set_string (keyfile, "Recovery", "Name", name);

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
  job->data = ems_assessment_serialize (self->assessment);
  job->info = build_info (self);
  job->data_file = ems_recovery_get_data_file (self->recovery_id);
  job->info_file = ems_recovery_get_info_file (self->recovery_id);

  self->autosave_in_flight = TRUE;
  task = g_task_new (self, self->recovery_cancellable, autosave_done, NULL);
  g_task_set_source_tag (task, ems_document_autosave_now);
  g_task_set_task_data (task, job, autosave_job_free);
  /* The cancellable only tells the thread to clean up; never skip a write. */
  g_task_set_check_cancellable (task, FALSE);
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

static void
schedule_autosave (EmsDocument *self)
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
  g_autoptr(GFile) data_file = NULL;
  g_autoptr(GFile) info_file = NULL;

  g_return_if_fail (EMS_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_again = FALSE;
  g_cancellable_cancel (self->recovery_cancellable);
  g_clear_object (&self->recovery_cancellable);
  self->recovery_cancellable = g_cancellable_new ();

  /* Two small unlinks: cheap enough for the main loop. */
  data_file = ems_recovery_get_data_file (self->recovery_id);
  info_file = ems_recovery_get_info_file (self->recovery_id);
  g_file_delete (data_file, NULL, NULL);
  g_file_delete (info_file, NULL, NULL);
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

/* Saving */

typedef struct
{
  GFile   *file;
  guint64  change_count;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_object_unref (save->file);
  g_free (save);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EmsDocument *self = g_task_get_source_object (task);
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!ems_assessment_save_finish (EMS_ASSESSMENT (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->file == NULL || !g_file_equal (self->file, save->file))
    {
      g_set_object (&self->file, save->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  /* Edits made while the file was being written are still unsaved. */
  if (self->change_count == save->change_count)
    {
      ems_document_set_modified (self, FALSE);
      ems_document_discard_recovery (self);
    }

  g_task_return_boolean (task, TRUE);
}

void
ems_document_save_async (EmsDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (EMS_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_document_save_async);

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file ? file : self->file);
  save->change_count = self->change_count;
  g_task_set_task_data (task, save, save_data_free);

  ems_assessment_save_async (self->assessment, save->file, cancellable,
                             save_done, g_steal_pointer (&task));
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

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  if (modified)
    schedule_autosave (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
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

  take_snapshot (self);
  g_signal_connect_object (self->assessment, "answer-changed",
                           G_CALLBACK (on_answer_changed), self, 0);
  g_signal_connect_object (self->assessment, "notify",
                           G_CALLBACK (on_assessment_notify), self, 0);
  g_signal_connect_object (self->assessment, "changed",
                           G_CALLBACK (on_assessment_changed), self, 0);
}

static void
ems_document_dispose (GObject *object)
{
  EmsDocument *self = EMS_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  /* A document closed without unsaved changes leaves nothing to recover. */
  if (!self->modified && self->recovery_id != NULL)
    ems_document_discard_recovery (self);

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_clear_object (&self->assessment);
  g_clear_object (&self->file);
  g_clear_object (&self->recovery_cancellable);

  G_OBJECT_CLASS (ems_document_parent_class)->dispose (object);
}

static void
ems_document_finalize (GObject *object)
{
  EmsDocument *self = EMS_DOCUMENT (object);

  g_hash_table_unref (self->shadow_answers);
  g_hash_table_unref (self->shadow_values);
  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);
  g_free (self->recovery_id);

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
  const char *interval = g_getenv ("EMS_AUTOSAVE_INTERVAL");

  self->shadow_answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) ems_answer_free);
  self->shadow_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gvalue_free);
  self->undo_stack = g_ptr_array_new_with_free_func (undo_entry_free);
  self->redo_stack = g_ptr_array_new_with_free_func (undo_entry_free);
  self->recovery_cancellable = g_cancellable_new ();
  self->recovery_id = g_uuid_string_random ();
  self->autosave_msec = DEFAULT_AUTOSAVE_MSEC;
  if (interval != NULL)
    self->autosave_msec = CLAMP (g_ascii_strtoull (interval, NULL, 10), 10, 30000);
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
ems_document_new_recovered (EmsAssessment *assessment,
                            GFile         *file,
                            const char    *recovery_id)
{
  EmsDocument *self;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (recovery_id != NULL, NULL);

  self = ems_document_new (assessment, file);
  g_free (self->recovery_id);
  self->recovery_id = g_strdup (recovery_id);
  self->modified = TRUE;
  /* Claim the recovery file for this process at once. */
  ems_document_autosave_now (self);

  return self;
}
