/* ems-workshop-export.c: the workshop window's exports, the comparison
 * workbook and the PDF handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the main window's exports (ems-window-export.c): a progress cursor at
 * once and a toast when it takes a while, a dialog naming the file when it
 * fails, a toast with "Open" when done. The worker thread never sees the
 * window's comparison: the handout is a report made in the main thread
 * (ems_report_new_comparison() snapshots its figures and texts), the
 * workbook is written from a new comparison of copies of the assessments,
 * loaded in the thread from their serialized bytes. Both files reach the
 * disk through the atomic writer (in ems_report_save_pdf() and
 * ems_xlsx_export_comparison()).
 */
#define G_LOG_DOMAIN "ems-workshop-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-file-dialogs.h"
#include "ems-launcher.h"
#include "ems-report.h"
#include "ems-workshop-export.h"
#include "ems-xlsx.h"

#define STATE_KEY "ems-workshop-export-state"

/* How long an export runs before a toast says it is under way */
#define PROGRESS_TOAST_DELAY_MS 400

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Kept on the window (g_object_set_data) */
typedef struct
{
  EmsWorkshopWindow    *window;            /* unowned: the state lives on it */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  AdwToast             *progress_toast;
  AdwToast             *last_toast;
  guint                 progress_timeout_id;
  guint                 n_running;
  guint                 n_finished;
} ExportState;

/* One participant of the snapshot */
typedef struct
{
  GBytes *bytes;     /* the assessment, serialized */
  char   *source;    /* its file; NULL when anonymised */
} SnapshotItem;

typedef struct
{
  EmsWorkshopExportKind  kind;
  GFile                 *file;
  char                  *path;
  GDateTime             *when;
  gboolean               anonymise;
  GArray                *items;     /* SnapshotItem: the workbook */
  EmsReport             *report;    /* the handout */
} ExportJob;

/* State ------------------------------------------------------------------- */

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
  g_clear_object (&state->cancellable);
  g_free (state);
}

static ExportState *
get_state (EmsWorkshopWindow *self)
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
snapshot_item_clear (SnapshotItem *item)
{
  g_clear_pointer (&item->bytes, g_bytes_unref);
  g_clear_pointer (&item->source, g_free);
}

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  g_clear_pointer (&job->when, g_date_time_unref);
  g_clear_pointer (&job->items, g_array_unref);
  g_clear_pointer (&job->report, ems_report_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static guint
n_participants (EmsWorkshopWindow *self)
{
  EmsComparison *comparison = ems_workshop_window_get_comparison (self);

  return comparison != NULL ? ems_comparison_get_n_participants (comparison) : 0;
}

/* The time the exports record: SOURCE_DATE_EPOCH when set, as the
 * command line does, so that the window and the command line can give
 * byte-identical files */
static GDateTime *
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);

  return g_date_time_new_now_local ();
}

static void
show_export_error (EmsWorkshopWindow *self,
                   GFile             *file,
                   const char        *message)
{
  g_autofree char *name = ems_file_display_name (file);
  g_autofree char *heading = NULL;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Export “%s”"), name);
  ems_show_error_dialog (GTK_WINDOW (self), heading, message);
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
  ems_workshop_window_add_toast (state->window, state->progress_toast);

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
  ems_workshop_export_update_actions (state->window);
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
  ems_workshop_export_update_actions (state->window);
}

/* Worker thread ----------------------------------------------------------- */

static gboolean
write_workbook (ExportJob     *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(EmsComparison) copy = ems_comparison_new ();

  for (guint i = 0; i < job->items->len; i++)
    {
      SnapshotItem *item = &g_array_index (job->items, SnapshotItem, i);
      g_autoptr(EmsAssessment) assessment = NULL;
      gsize length;
      const char *data = g_bytes_get_data (item->bytes, &length);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      assessment = ems_assessment_load_from_data (ems_checklist_get_default (), data, length,
                                                  NULL, error);
      if (assessment == NULL)
        return FALSE;
      ems_comparison_add (copy, assessment, item->source);
    }
  ems_comparison_set_anonymise (copy, job->anonymise);

  return ems_xlsx_export_comparison (copy, job->when, job->path, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case EMS_WORKSHOP_EXPORT_WORKBOOK:
      ok = write_workbook (job, cancellable, &error);
      break;

    case EMS_WORKSHOP_EXPORT_HANDOUT:
      ok = ems_report_save_pdf (job->report, job->path, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
show_done_toast (EmsWorkshopWindow *self,
                 GFile             *file,
                 const char        *text)
{
  ExportState *state = get_state (self);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "workshop.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  g_set_object (&state->last_toast, toast);
  ems_workshop_window_add_toast (self, toast);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EmsWorkshopWindow *self = EMS_WORKSHOP_WINDOW (object);
  GTask *task = G_TASK (result);
  ExportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = ems_file_display_name (job->file);
  g_autofree char *text = NULL;

  end_busy (get_state (self));

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_export_error (self, job->file, error->message);
      return;
    }

  /* Translators: a toast; %s is a file name */
  text = g_strdup_printf (_("Exported “%s”"), name);
  show_done_toast (self, job->file, text);
}

/* The snapshot: copies, never the window's objects */
static GArray *
snapshot_participants (EmsComparison *comparison)
{
  guint n = ems_comparison_get_n_participants (comparison);
  GArray *items = g_array_sized_new (FALSE, TRUE, sizeof (SnapshotItem), n);

  g_array_set_clear_func (items, (GDestroyNotify) snapshot_item_clear);
  for (guint i = 0; i < n; i++)
    {
      SnapshotItem item;

      item.bytes = ems_assessment_serialize (ems_comparison_get_assessment (comparison, i));
      /* NULL when anonymised: the workbook names no file then */
      item.source = g_strdup (ems_comparison_get_source (comparison, i));
      g_array_append_val (items, item);
    }

  return items;
}

void
ems_workshop_export_to_file (EmsWorkshopWindow     *self,
                             EmsWorkshopExportKind  kind,
                             GFile                 *file)
{
  ExportState *state;
  EmsComparison *comparison;
  g_autoptr(ExportJob) job = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kind == EMS_WORKSHOP_EXPORT_WORKBOOK || kind == EMS_WORKSHOP_EXPORT_HANDOUT);

  if (n_participants (self) == 0)
    return;

  state = get_state (self);
  comparison = ems_workshop_window_get_comparison (self);

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      show_export_error (self, file, _("Exports can only be written to a local folder."));
      return;
    }
  job->when = export_time ();
  job->anonymise = ems_comparison_get_anonymise (comparison);

  if (kind == EMS_WORKSHOP_EXPORT_WORKBOOK)
    job->items = snapshot_participants (comparison);
  else
    job->report = ems_report_new_comparison (comparison, job->when);

  begin_busy (state);
  task = g_task_new (self, state->cancellable, export_done, NULL);
  g_task_set_source_tag (task, ems_workshop_export_to_file);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* File choosers ----------------------------------------------------------- */

/* @file with @extension appended when its name does not end with it */
static GFile *
with_extension (GFile      *file,
                const char *extension)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (basename, -1);
  g_autofree char *with_ext = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (lower, extension))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  with_ext = g_strconcat (basename, extension, NULL);
  return g_file_get_child (parent, with_ext);
}

/* A name the chooser did not confirm: the user typed it without the
 * extension and we added one. When that other name exists, ask before
 * replacing it, as the chooser would have. */

typedef struct
{
  EmsWorkshopWindow     *self;
  GFile                 *target;
  EmsWorkshopExportKind  kind;
} PendingExport;

static void
pending_export_free (PendingExport *pending)
{
  g_clear_object (&pending->self);
  g_clear_object (&pending->target);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PendingExport, pending_export_free)

static void
pending_export_notify (gpointer  data,
                       GClosure *closure)
{
  pending_export_free (data);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PendingExport    *pending)
{
  if (g_str_equal (response, "replace"))
    ems_workshop_export_to_file (pending->self, pending->kind, pending->target);
}

static void
on_target_checked (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PendingExport) pending = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);
  GtkWidget *dialog;

  if (info == NULL)
    {
      ems_workshop_export_to_file (pending->self, pending->kind, pending->target);
      return;
    }

  dialog = ems_replace_dialog_new (GTK_WINDOW (pending->self), pending->target);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_replace_response),
                         g_steal_pointer (&pending), pending_export_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (GtkNativeDialog   *dialog,
                     int                response,
                     EmsWorkshopWindow *self)
{
  ExportState *state = get_state (self);
  EmsWorkshopExportKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "kind"));
  const char *extension = kind == EMS_WORKSHOP_EXPORT_WORKBOOK ? ".xlsx" : ".pdf";
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;
  PendingExport *pending;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (state->chooser == GTK_FILE_CHOOSER_NATIVE (dialog))
    g_clear_object (&state->chooser);
  if (file == NULL)
    return;

  target = with_extension (file, extension);
  if (g_file_equal (file, target))
    {
      /* The chooser confirmed this name */
      ems_workshop_export_to_file (self, kind, target);
      return;
    }

  pending = g_new0 (PendingExport, 1);
  pending->self = g_object_ref (self);
  pending->target = g_object_ref (target);
  pending->kind = kind;
  g_file_query_info_async (target, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                           G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, G_PRIORITY_DEFAULT,
                           NULL, on_target_checked, pending);
}

static void
show_chooser (EmsWorkshopWindow     *self,
              EmsWorkshopExportKind  kind)
{
  ExportState *state = get_state (self);
  gboolean workbook = kind == EMS_WORKSHOP_EXPORT_WORKBOOK;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (n_participants (self) == 0)
    return;

  chooser = gtk_file_chooser_native_new (workbook ? _("Export Comparison Workbook")
                                                  : _("Export Handout"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     /* Translators: the file name offered for the comparison workbook */
                                     workbook ? _("Workshop Comparison.xlsx")
                                              /* Translators: the file name offered for the PDF handout */
                                              : _("Workshop Handout.pdf"));
  if (workbook)
    {
      gtk_file_filter_set_name (filter, _("Spreadsheet Workbooks"));
      gtk_file_filter_add_mime_type (filter, XLSX_MIME_TYPE);
      gtk_file_filter_add_pattern (filter, "*.xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);

  /* Keep a reference: a native dialog is not kept alive by its window */
  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  state->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Actions ----------------------------------------------------------------- */

static void
export_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  show_chooser (EMS_WORKSHOP_WINDOW (widget), EMS_WORKSHOP_EXPORT_WORKBOOK);
}

static void
export_handout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  show_chooser (EMS_WORKSHOP_WINDOW (widget), EMS_WORKSHOP_EXPORT_HANDOUT);
}

static void
on_open_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EmsWorkshopWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ems_launcher_open_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ems_show_error_dialog (GTK_WINDOW (self), _("Could Not Open the File"), error->message);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ems_launcher_open_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), NULL,
                         on_open_done, g_object_ref (widget));
}

/* Public API -------------------------------------------------------------- */

void
ems_workshop_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "workshop.export-workbook", NULL,
                                   export_workbook_action);
  gtk_widget_class_install_action (widget_class, "workshop.export-handout", NULL,
                                   export_handout_action);
  gtk_widget_class_install_action (widget_class, "workshop.open-export", "s", open_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "workshop.export-workbook", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "workshop.export-handout", NULL);
}

void
ems_workshop_export_init (EmsWorkshopWindow *self)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));

  get_state (self);
  ems_workshop_export_update_actions (self);
}

void
ems_workshop_export_dispose (EmsWorkshopWindow *self)
{
  ExportState *state = g_object_get_data (G_OBJECT (self), STATE_KEY);

  /* While the window still is one: a native dialog hides itself when
   * destroyed, which a finalizing parent does not survive */
  if (state == NULL)
    return;
  g_cancellable_cancel (state->cancellable);
  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
}

void
ems_workshop_export_update_actions (EmsWorkshopWindow *self)
{
  ExportState *state;
  gboolean enabled;

  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));

  state = get_state (self);
  enabled = n_participants (self) > 0 && state->n_running == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.export-workbook", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.export-handout", enabled);
}

gboolean
ems_workshop_export_is_running (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), FALSE);
  return get_state (self)->n_running > 0;
}

guint
ems_workshop_export_get_n_finished (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), 0);
  return get_state (self)->n_finished;
}

AdwToast *
ems_workshop_export_get_last_toast (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);
  return get_state (self)->last_toast;
}
