/* ems-window-import.c: the window reads our workbooks: opened (Open…,
 * drag and drop on an empty window) as a new untitled assessment, or
 * imported into the open assessment after showing what changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read and parsed in a GTask thread; the window only gets the
 * assessment and the problems (cells that could not be read, named
 * "Sheet!E7", which the rest of the import does without).
 */
#define G_LOG_DOMAIN "ems-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ems-file-dialogs.h"
#include "ems-import-dialog.h"
#include "ems-window-private.h"
#include "ems-workbook-import.h"

typedef struct
{
  EmsWindow     *self;
  GFile         *file;
  gboolean       into;         /* import into the open document */
  EmsDocument   *document;     /* that document, when into */
  EmsAssessment *assessment;   /* read in the thread */
  GPtrArray     *problems;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_clear_object (&job->document);
  g_clear_object (&job->assessment);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

gboolean
_ems_window_file_is_workbook (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename ? g_ascii_strdown (basename, -1) : NULL;

  return lower != NULL &&
         (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm") ||
          g_str_has_suffix (lower, ".xls"));
}

char *
_ems_window_imported_base_name (EmsWindow *self)
{
  const char *from = self->document ? g_object_get_data (G_OBJECT (self->document),
                                                         EMS_WINDOW_IMPORTED_FROM) : NULL;
  const char *dot = from ? strrchr (from, '.') : NULL;

  if (from == NULL)
    return NULL;
  return g_strndup (from, dot != NULL && dot != from ? (gsize) (dot - from) : strlen (from));
}

/* The worker thread: the bytes, then the workbook reader */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  g_autofree char *basename = g_file_get_basename (job->file);
  const char *data;
  gsize length;

  info = g_file_query_info (job->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_file_info_get_size (info) > EMS_MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               /* Translators: %u is a size in megabytes */
                               _("The file is larger than %u MB, which no workbook of ours reaches."),
                               (guint) (EMS_MAX_FILE_SIZE / (1024 * 1024)));
      return;
    }
  bytes = g_file_load_bytes (job->file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  job->assessment = ems_load_assessment_data (ems_checklist_get_default (),
                                              path ? path : basename, data, length,
                                              NULL, &job->problems, &error);
  if (job->assessment == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The problems as lines "Questions!E7: expected …", at most @max */
static char *
problems_text (GPtrArray *problems,
               guint      max)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len && i < max; i++)
    {
      EmsProblem *problem = g_ptr_array_index (problems, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (problem->path != NULL)
        g_string_append_printf (text, "%s: ", problem->path);
      g_string_append (text, problem->message);
    }
  if (problems != NULL && problems->len > max)
    {
      guint more = problems->len - max;

      g_string_append_c (text, '\n');
      /* Translators: after the first problems of a workbook */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                 "… and %u more", more), more);
    }
  return g_string_free (text, FALSE);
}

/* A dialog listing what was not imported; the rest was */
static void
show_problems (EmsWindow *window,
               GFile     *file,
               GPtrArray *problems)
{
  g_autofree char *name = ems_file_display_name (file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *list = problems_text (problems, 200);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  /* Translators: %s is a workbook's file name */
  heading = g_strdup_printf (_("Some Cells of “%s” Were Not Imported"), name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u cell could not be read and was left out; everything else was imported.",
                                       "%u cells could not be read and were left out; everything else was imported.",
                                       problems->len),
                          problems->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
  label = gtk_label_new (list);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (EmsWindow    *self,
            GFile        *file,
            const GError *error)
{
  g_autofree char *name = ems_file_display_name (file);
  g_autofree char *heading = NULL;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  ems_show_error_dialog (GTK_WINDOW (self), heading, error->message);
}

static EmsWindow *
target_window (EmsWindow *self)
{
  EmsWindow *window;

  if (ems_window_is_reusable (self))
    return self;
  window = ems_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* A new untitled assessment that says where it came from */
static void
open_as_new (ImportJob *job)
{
  g_autoptr(EmsDocument) document = ems_document_new (job->assessment, NULL);
  EmsWindow *window;

  g_object_set_data_full (G_OBJECT (document), EMS_WINDOW_IMPORTED_FROM,
                          ems_file_display_name (job->file), g_free);
  /* Not saved: closing asks, Save asks for an .emsa file */
  ems_document_set_modified (document, TRUE);
  window = target_window (job->self);
  ems_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  if (job->problems != NULL && job->problems->len > 0)
    show_problems (window, job->file, job->problems);
}

typedef struct
{
  EmsWindow   *self;
  EmsDocument *document;
} ApplyTarget;

static void
apply_target_free (gpointer  data,
                   GClosure *closure)
{
  ApplyTarget *target = data;

  g_object_unref (target->self);
  g_object_unref (target->document);
  g_free (target);
}

static void
on_import_apply (EmsImportDialog *dialog,
                 ApplyTarget     *target)
{
  EmsImportChanges *changes = ems_import_dialog_get_changes (dialog);
  guint n = changes->changes->len;
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* The window may show another document by now */
  if (ems_window_get_document (target->self) != target->document)
    return;

  ems_document_begin_group (target->document);
  ems_import_changes_apply (changes, ems_document_get_assessment (target->document));
  ems_document_end_group (target->document);

  /* Translators: a toast after importing a workbook */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change imported",
                                       "%u changes imported", n), n);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  ems_window_add_toast (target->self, toast);
}

static void
import_into (ImportJob *job)
{
  EmsWindow *self = job->self;
  EmsAssessment *current = ems_document_get_assessment (job->document);
  g_autoptr(EmsImportChanges) changes = ems_import_changes_new (current, job->assessment);
  g_autofree char *name = ems_file_display_name (job->file);
  EmsImportDialog *dialog;
  ApplyTarget *target;

  if (ems_window_get_document (self) != job->document)
    return;

  if (ems_import_changes_is_empty (changes))
    {
      if (job->problems != NULL && job->problems->len > 0)
        show_problems (self, job->file, job->problems);
      else
        /* Translators: a toast; %s is a workbook's file name */
        {
          g_autofree char *text = g_strdup_printf (_("“%s” changes nothing in this assessment"), name);

          ems_window_add_toast (self, adw_toast_new (text));
        }
      return;
    }

  dialog = ems_import_dialog_new (GTK_WINDOW (self), current, name,
                                  g_steal_pointer (&changes), job->problems);
  target = g_new0 (ApplyTarget, 1);
  target->self = g_object_ref (self);
  target->document = g_object_ref (job->document);
  g_signal_connect_data (dialog, "apply", G_CALLBACK (on_import_apply), target,
                         apply_target_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  _ems_window_set_busy (job->self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (job->self, job->file, error);
      return;
    }

  if (job->into)
    import_into (job);
  else
    open_as_new (job);
}

static void
start_import (EmsWindow *self,
              GFile     *file,
              gboolean   into)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  job->into = into && self->document != NULL;
  if (job->into)
    job->document = g_object_ref (self->document);

  _ems_window_set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, import_done, NULL);
  g_task_set_source_tag (task, start_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

void
_ems_window_open_workbook (EmsWindow *self,
                           GFile     *file)
{
  start_import (self, file, FALSE);
}

void
ems_window_import_answers (EmsWindow *self,
                           GFile     *file)
{
  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_import (self, file, self->document != NULL);
}

void
_ems_window_open_dropped (EmsWindow *self,
                          GFile     *file)
{
  /* A workbook dropped on an open assessment brings its answers in */
  if (_ems_window_file_is_workbook (file) && !ems_window_is_reusable (self))
    ems_window_import_answers (self, file);
  else
    ems_window_open_file (self, file);
}

/* win.import-workbook: a chooser for the workbook */

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    EmsWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (self->chooser == dialog)
    g_clear_object (&self->chooser);
  if (file != NULL && self->document != NULL)
    ems_window_import_answers (self, file);
}

static void
import_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  GSettings *settings = _ems_window_get_settings (self);
  g_autofree char *uri = settings ? g_settings_get_string (settings, "last-folder") : NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Answers from Workbook"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheet Workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (uri != NULL && *uri != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (uri);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

void
_ems_window_import_update_actions (EmsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-workbook",
                                 self->document != NULL && self->n_busy == 0);
}

void
_ems_window_class_import_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-workbook", NULL,
                                   import_workbook_action);
}
