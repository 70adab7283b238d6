/* ems-window-export.c: the window's exports (workbook, PDF report, charts)
 * and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Heavy work runs in a GTask thread on a snapshot: the report snapshots
 * itself (ems_report_new), the workbook and charts are written from a copy
 * of the assessment loaded from its serialized bytes. The window only
 * lends its document, its settings, its toasts and its actions: these
 * files never touch the window's private parts. The file choosers and the
 * actions that open them are in ems-window-export-dialogs.c.
 */
#define G_LOG_DOMAIN "ems-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-chart-export.h"
#include "ems-error.h"
#include "ems-file-dialogs.h"
#include "ems-report.h"
#include "ems-window-export-private.h"
#include "ems-launcher.h"
#include "ems-xlsx.h"
#include "ems-xlsx-questionnaire.h"

#define STATE_KEY "ems-window-export-state"

/* How long an export runs before a toast says it is under way */
#define PROGRESS_TOAST_DELAY_MS 400

typedef struct
{
  EmsExportKind  kind;
  EmsChartKind   chart;
  double         scale;
  GFile         *file;
  char          *path;
  GBytes        *snapshot;     /* the assessment, serialized */
  GFile         *source_file;  /* its file when unchanged since saved */
  EmsReport     *report;
  GDateTime     *when;
  char         **warnings;
} ExportJob;

static void update_actions (EmsWindow *self);

/* State */

static void
export_state_free (ExportState *state)
{
  g_cancellable_cancel (state->cancellable);
  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  g_clear_handle_id (&state->progress_timeout_id, g_source_remove);
  g_clear_object (&state->progress_toast);
  g_clear_object (&state->last_toast);
  g_clear_object (&state->print_settings);
  g_clear_object (&state->cancellable);
  g_free (state);
}

ExportState *
_ems_window_export_get_state (EmsWindow *self)
{
  ExportState *state = g_object_get_data (G_OBJECT (self), STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (ExportState, 1);
      state->window = self;
      state->cancellable = g_cancellable_new ();
      g_object_set_data_full (G_OBJECT (self), STATE_KEY, state,
                              (GDestroyNotify) export_state_free);
    }

  return state;
}

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  g_clear_pointer (&job->snapshot, g_bytes_unref);
  g_clear_object (&job->source_file);
  g_clear_pointer (&job->report, ems_report_free);
  g_clear_pointer (&job->when, g_date_time_unref);
  g_strfreev (job->warnings);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static EmsAssessment *
get_assessment (EmsWindow *self)
{
  EmsDocument *document = ems_window_get_document (self);

  return document != NULL ? ems_document_get_assessment (document) : NULL;
}

void
_ems_window_export_show_error (EmsWindow  *self,
                               const char *heading,
                               const char *body)
{
  ems_show_error_dialog (GTK_WINDOW (self), heading, body);
}

/* Busy state: a progress cursor at once, a toast when it takes a while */

static gboolean
show_progress_toast (gpointer user_data)
{
  ExportState *state = user_data;

  state->progress_timeout_id = 0;
  g_clear_object (&state->progress_toast);
  state->progress_toast = g_object_ref_sink (adw_toast_new (_("Exporting…")));
  adw_toast_set_timeout (state->progress_toast, 0);
  adw_toast_set_priority (state->progress_toast, ADW_TOAST_PRIORITY_HIGH);
  ems_window_add_toast (state->window, state->progress_toast);

  return G_SOURCE_REMOVE;
}

static void
begin_busy (ExportState *state)
{
  if (state->n_running++ == 0)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (state->window), "progress");
      state->progress_timeout_id = g_timeout_add (PROGRESS_TOAST_DELAY_MS,
                                                  show_progress_toast, state);
    }
  update_actions (state->window);
}

static void
end_busy (ExportState *state)
{
  g_assert (state->n_running > 0);

  state->n_finished++;
  if (--state->n_running == 0)
    {
      gtk_widget_set_cursor (GTK_WIDGET (state->window), NULL);
      g_clear_handle_id (&state->progress_timeout_id, g_source_remove);
      if (state->progress_toast != NULL)
        adw_toast_dismiss (state->progress_toast);
      g_clear_object (&state->progress_toast);
    }
  update_actions (state->window);
}

static void
show_done_toast (EmsWindow  *self,
                 GFile      *file,
                 const char *text)
{
  ExportState *state = _ems_window_export_get_state (self);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  g_set_object (&state->last_toast, toast);
  ems_window_add_toast (self, toast);
}

/* Worker thread */

static EmsAssessment *
load_snapshot (ExportJob  *job,
               GError    **error)
{
  gsize length;
  const char *data = g_bytes_get_data (job->snapshot, &length);

  return ems_assessment_load_from_data (ems_checklist_get_default (), data, length, NULL, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(EmsAssessment) copy = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case EMS_EXPORT_REPORT:
      ok = ems_report_save_pdf (job->report, job->path, &error);
      break;

    case EMS_EXPORT_WORKBOOK:
      copy = load_snapshot (job, &error);
      if (copy != NULL)
        {
          g_autoptr(GBytes) source = NULL;

          /* The bytes of the file as saved, so that the Method sheet's
           * SHA-256 matches the submitted file; else the hash is taken
           * over the assessment as it is now. */
          if (job->source_file != NULL)
            source = g_file_load_bytes (job->source_file, cancellable, NULL, NULL);
          ok = ems_xlsx_export_full (copy, source, job->when, job->path,
                                     &job->warnings, &error);
        }
      break;

    case EMS_EXPORT_CHART:
      copy = load_snapshot (job, &error);
      if (copy != NULL)
        ok = ems_chart_export (copy, job->chart, job->path, job->scale, &error);
      break;

    case EMS_EXPORT_QUESTIONNAIRE:
      copy = load_snapshot (job, &error);
      if (copy != NULL)
        ok = ems_xlsx_export_questionnaire (ems_assessment_get_checklist (copy), copy,
                                            job->when, job->path, &error);
      break;

    case EMS_EXPORT_QUESTIONNAIRE_BLANK:
      ok = ems_xlsx_export_questionnaire (ems_checklist_get_default (), NULL,
                                          job->when, job->path, &error);
      break;

    case EMS_EXPORT_PRINT:
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EmsWindow *self = EMS_WINDOW (object);
  GTask *task = G_TASK (result);
  ExportJob *job = g_task_get_task_data (task);
  ExportState *state = _ems_window_export_get_state (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = ems_file_display_name (job->file);
  g_autofree char *text = NULL;

  end_busy (state);

  if (!g_task_propagate_boolean (task, &error))
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Export “%s”"), name);
      _ems_window_export_show_error (self, heading, error->message);
      return;
    }

  if (job->warnings != NULL && job->warnings[0] != NULL)
    {
      guint n = g_strv_length (job->warnings);

      /* Translators: a toast; %s is a file name, %u a number of cells */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Exported “%s”; %u long text was shortened",
                                           "Exported “%s”; %u long texts were shortened",
                                           n),
                              name, n);
    }
  else
    /* Translators: a toast; %s is a file name */
    text = g_strdup_printf (_("Exported “%s”"), name);

  show_done_toast (self, job->file, text);
}

static void
start_export (EmsWindow *self,
              ExportJob *job_in)
{
  g_autoptr(ExportJob) job = job_in;
  ExportState *state = _ems_window_export_get_state (self);
  EmsDocument *document = ems_window_get_document (self);
  EmsAssessment *assessment = get_assessment (self);
  g_autoptr(GTask) task = NULL;

  if (assessment == NULL)
    return;

  job->path = g_file_get_path (job->file);
  if (job->path == NULL)
    {
      g_autofree char *name = ems_file_display_name (job->file);
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Export “%s”"), name);
      _ems_window_export_show_error (self, heading, _("Exports can only be written to a local folder."));
      return;
    }

  switch (job->kind)
    {
    case EMS_EXPORT_REPORT:
      job->report = ems_report_new (assessment, NULL);
      break;
    case EMS_EXPORT_WORKBOOK:
      if (ems_document_get_file (document) != NULL && !ems_document_get_modified (document))
        job->source_file = g_object_ref (ems_document_get_file (document));
      job->snapshot = ems_assessment_serialize (assessment);
      job->when = g_date_time_new_now_local ();
      break;
    case EMS_EXPORT_CHART:
      job->snapshot = ems_assessment_serialize (assessment);
      break;
    case EMS_EXPORT_QUESTIONNAIRE:
      job->snapshot = ems_assessment_serialize (assessment);
      job->when = g_date_time_new_now_local ();
      break;
    case EMS_EXPORT_QUESTIONNAIRE_BLANK:
      job->when = g_date_time_new_now_local ();
      break;
    case EMS_EXPORT_PRINT:
    default:
      g_assert_not_reached ();
    }

  begin_busy (state);
  task = g_task_new (self, state->cancellable, export_done, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* Printing: the report's own layout, page by page */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                EmsReport         *report)
{
  guint n_pages = ems_report_paginate (report,
                                       gtk_print_context_get_cairo_context (context),
                                       gtk_print_context_get_width (context),
                                       gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (1, (int) n_pages));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              EmsReport         *report)
{
  ems_report_draw_page (report, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               EmsWindow               *self)
{
  ExportState *state = _ems_window_export_get_state (self);
  GFile *file = g_object_get_data (G_OBJECT (operation), "export-file");

  if (g_object_get_data (G_OBJECT (operation), "finished") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "finished", GINT_TO_POINTER (TRUE));
  /* The reference print_report() took for the time it runs; the caller
   * (a signal emission or print_report()) still holds one. */
  g_object_unref (operation);

  end_busy (state);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      const char *message = _("The report could not be printed.");

      gtk_print_operation_get_error (operation, &error);
      if (file != NULL)
        {
          g_autofree char *name = ems_file_display_name (file);
          g_autofree char *heading = NULL;

          /* Translators: %s is a file name */
          heading = g_strdup_printf (_("Could Not Export “%s”"), name);
          _ems_window_export_show_error (self, heading, error ? error->message : message);
        }
      else
        _ems_window_export_show_error (self, _("Could Not Print"), error ? error->message : message);
      return;
    }

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;

  if (file != NULL)
    {
      g_autofree char *name = ems_file_display_name (file);
      g_autofree char *text = NULL;

      /* Translators: a toast; %s is a file name */
      text = g_strdup_printf (_("Exported “%s”"), name);
      show_done_toast (self, file, text);
    }
  else
    {
      g_set_object (&state->print_settings, gtk_print_operation_get_print_settings (operation));
      ems_window_add_toast (self, adw_toast_new (_("Report sent to the printer")));
    }
}

void
_ems_window_export_print (EmsWindow *self,
                          GFile     *file)
{
  EmsAssessment *assessment = get_assessment (self);
  ExportState *state = _ems_window_export_get_state (self);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  EmsReport *report;
  GtkPrintOperationResult result;

  if (assessment == NULL)
    return;

  report = ems_report_new (assessment, NULL);
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "report", report,
                          (GDestroyNotify) ems_report_free);
  title = ems_document_dup_title (ems_window_get_document (self));
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The report keeps its own 50 pt margins, wider than any printer's:
   * printed pages are then the pages of the PDF report */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (state->print_settings != NULL && file == NULL)
    gtk_print_operation_set_print_settings (operation, state->print_settings);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), report);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      g_object_set_data_full (G_OBJECT (operation), "export-file",
                              g_object_ref (file), g_object_unref);
      gtk_print_operation_set_export_filename (operation, path);
    }

  begin_busy (state);
  /* Kept until "done" (released in on_print_done) */
  g_object_ref (operation);
  result = gtk_print_operation_run (operation,
                                    file != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                 : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* Finished at once (an export, an error, a cancelled dialog): "done"
   * may not come, so report it here; on_print_done runs only once. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    on_print_done (operation, result, self);
}

static void
update_actions (EmsWindow *self)
{
  ExportState *state = _ems_window_export_get_state (self);
  gboolean enabled = get_assessment (self) != NULL && state->n_running == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-workbook", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-questionnaire", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", enabled);
}

static void
on_document_changed (EmsWindow  *self,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  update_actions (self);
}

static void
on_application_changed (EmsWindow  *self,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *workbook_accels[] = { "<Control>e", NULL };
  const char *print_accels[] = { "<Control>p", NULL };

  if (app == NULL)
    return;
  gtk_application_set_accels_for_action (app, "win.export-workbook", workbook_accels);
  gtk_application_set_accels_for_action (app, "win.print", print_accels);
}

/* Public API */

void
ems_window_export_class_init (GtkWidgetClass *widget_class)
{
  _ems_window_export_install_actions (widget_class);
}

void
ems_window_export_init (EmsWindow *self)
{
  g_return_if_fail (EMS_IS_WINDOW (self));

  _ems_window_export_get_state (self);
  g_signal_connect (self, "notify::document", G_CALLBACK (on_document_changed), NULL);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
  update_actions (self);
}

void
ems_window_export_to_file (EmsWindow     *self,
                           EmsExportKind  kind,
                           GFile         *file)
{
  ExportJob *job;

  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (kind == EMS_EXPORT_CHART)
    {
      ems_window_export_chart_to_file (self, EMS_CHART_RADAR, 1.0, file);
      return;
    }
  if (kind == EMS_EXPORT_PRINT)
    {
      _ems_window_export_print (self, file);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->file = g_object_ref (file);
  start_export (self, job);
}

void
ems_window_export_chart_to_file (EmsWindow    *self,
                                 EmsChartKind  chart,
                                 double        scale,
                                 GFile        *file)
{
  ExportJob *job;

  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (scale > 0);

  job = g_new0 (ExportJob, 1);
  job->kind = EMS_EXPORT_CHART;
  job->chart = chart;
  job->scale = scale;
  job->file = g_object_ref (file);
  start_export (self, job);
}

gboolean
ems_window_export_is_running (EmsWindow *self)
{
  g_return_val_if_fail (EMS_IS_WINDOW (self), FALSE);
  return _ems_window_export_get_state (self)->n_running > 0;
}

guint
ems_window_export_get_n_finished (EmsWindow *self)
{
  g_return_val_if_fail (EMS_IS_WINDOW (self), 0);
  return _ems_window_export_get_state (self)->n_finished;
}

AdwToast *
ems_window_export_get_last_toast (EmsWindow *self)
{
  g_return_val_if_fail (EMS_IS_WINDOW (self), NULL);
  return _ems_window_export_get_state (self)->last_toast;
}

