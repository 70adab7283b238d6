/* ems-window-export-dialogs.c: the file choosers of the window's exports
 * and the actions that open them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each action asks for a file, adds the extension its choice implies (and
 * asks before replacing a file under that longer name, which the chooser
 * never confirmed), then hands the file to ems_window_export_to_file()
 * (ems-window-export.c).
 */
#define G_LOG_DOMAIN "ems-window-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ems-file-dialogs.h"
#include "ems-launcher.h"
#include "ems-window-export-private.h"

static EmsAssessment *
get_assessment (EmsWindow *self)
{
  EmsDocument *document = ems_window_get_document (self);

  return document != NULL ? ems_document_get_assessment (document) : NULL;
}

/* File choosers */

static char *
suggested_base_name (EmsWindow *self)
{
  EmsDocument *document = ems_window_get_document (self);
  g_autofree char *title = document ? ems_document_dup_title (document) : NULL;
  char *base;

  if (title == NULL || *title == '\0')
    /* Translators: the base of an export's file name when the assessment has none */
    return g_strdup (_("Assessment"));

  base = g_strdup (title);
  if (g_str_has_suffix (base, ".emsa"))
    base[strlen (base) - strlen (".emsa")] = '\0';
  g_strdelimit (base, "/", '-');
  return base;
}

static void
set_chooser_folder (EmsWindow      *self,
                    GtkFileChooser *chooser)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *uri = NULL;

  /* The window's public property: its struct is not ours */
  g_object_get (self, "settings", &settings, NULL);
  if (settings != NULL)
    uri = g_settings_get_string (settings, "last-folder");

  if (uri != NULL && *uri != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (uri);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

static GtkFileFilter *
filter_new (const char *name,
            const char *mime_type,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

/* @file with @extension appended when its name has none of @known */
static GFile *
with_extension (GFile       *file,
                const char  *extension,
                const char **known)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (basename, -1);
  g_autofree char *with_ext = NULL;
  g_autoptr(GFile) parent = NULL;

  for (guint i = 0; known[i] != NULL; i++)
    if (g_str_has_suffix (lower, known[i]))
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
  EmsWindow    *self;
  GFile        *target;
  gboolean      chart;
  EmsExportKind kind;
  EmsChartKind  chart_kind;
  double        scale;
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
pending_export_run (PendingExport *pending)
{
  if (pending->chart)
    ems_window_export_chart_to_file (pending->self, pending->chart_kind, pending->scale,
                                     pending->target);
  else
    ems_window_export_to_file (pending->self, pending->kind, pending->target);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PendingExport    *pending)
{
  if (g_str_equal (response, "replace"))
    pending_export_run (pending);
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
      pending_export_run (pending);
      return;
    }

  dialog = ems_replace_dialog_new (GTK_WINDOW (pending->self), pending->target);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_replace_response),
                         g_steal_pointer (&pending), pending_export_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export to @target, which is @file with an extension perhaps added */
static void
export_when_confirmed (PendingExport *pending,
                       GFile         *file)
{
  if (g_file_equal (file, pending->target))
    {
      pending_export_run (pending);
      pending_export_free (pending);
      return;
    }
  g_file_query_info_async (pending->target, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                           G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, G_PRIORITY_DEFAULT,
                           NULL, on_target_checked, pending);
}

static PendingExport *
pending_export_new (EmsWindow *self,
                    GFile     *target)
{
  PendingExport *pending = g_new0 (PendingExport, 1);

  pending->self = g_object_ref (self);
  pending->target = g_object_ref (target);
  return pending;
}

static GtkFileChooserNative *
chooser_new (EmsWindow  *self,
             const char *title,
             const char *suggested)
{
  ExportState *state = _ems_window_export_get_state (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  /* Keep a reference: a native dialog is not kept alive by its window */
  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  state->chooser = chooser;

  return chooser;
}

static GFile *
chooser_take_file (EmsWindow       *self,
                   GtkNativeDialog *dialog,
                   int              response)
{
  ExportState *state = _ems_window_export_get_state (self);
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (state->chooser == GTK_FILE_CHOOSER_NATIVE (dialog))
    g_clear_object (&state->chooser);

  return file;
}

static void
on_workbook_response (GtkNativeDialog *dialog,
                      int              response,
                      EmsWindow       *self)
{
  const char *known[] = { ".xlsx", NULL };
  g_autoptr(GFile) file = chooser_take_file (self, dialog, response);
  g_autoptr(GFile) target = NULL;

  if (file == NULL)
    return;
  target = with_extension (file, ".xlsx", known);
  {
    PendingExport *pending = pending_export_new (self, target);

    pending->kind = EMS_EXPORT_WORKBOOK;
    export_when_confirmed (pending, file);
  }
}

static void
export_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  g_autofree char *base = suggested_base_name (self);
  g_autofree char *suggested = g_strconcat (base, ".xlsx", NULL);
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  if (get_assessment (self) == NULL)
    return;

  chooser = chooser_new (self, _("Export Workbook"), suggested);
  filter = filter_new (_("Spreadsheet Workbooks"),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_workbook_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_report_response (GtkNativeDialog *dialog,
                    int              response,
                    EmsWindow       *self)
{
  const char *known[] = { ".pdf", NULL };
  g_autoptr(GFile) file = chooser_take_file (self, dialog, response);
  g_autoptr(GFile) target = NULL;

  if (file == NULL)
    return;
  target = with_extension (file, ".pdf", known);
  {
    PendingExport *pending = pending_export_new (self, target);

    pending->kind = EMS_EXPORT_REPORT;
    export_when_confirmed (pending, file);
  }
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  g_autofree char *base = suggested_base_name (self);
  g_autofree char *suggested = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  if (get_assessment (self) == NULL)
    return;

  /* Translators: the file name offered for the PDF report; %s is the assessment's name */
  suggested = g_strdup_printf (_("%s Report.pdf"), base);
  chooser = chooser_new (self, _("Export Report"), suggested);
  filter = filter_new (_("PDF Documents"), "application/pdf", "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_report_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The questionnaire: pre-filled from this assessment unless the user
 * turns that off in the chooser */

static void
on_questionnaire_response (GtkNativeDialog *dialog,
                           int              response,
                           EmsWindow       *self)
{
  const char *known[] = { ".xlsx", NULL };
  const char *prefill = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "prefill");
  gboolean blank = g_strcmp0 (prefill, "false") == 0;
  g_autoptr(GFile) file = chooser_take_file (self, dialog, response);
  g_autoptr(GFile) target = NULL;

  if (file == NULL)
    return;
  target = with_extension (file, ".xlsx", known);
  {
    PendingExport *pending = pending_export_new (self, target);

    pending->kind = blank ? EMS_EXPORT_QUESTIONNAIRE_BLANK : EMS_EXPORT_QUESTIONNAIRE;
    export_when_confirmed (pending, file);
  }
}

static void
export_questionnaire_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  g_autofree char *base = suggested_base_name (self);
  g_autofree char *suggested = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  if (get_assessment (self) == NULL)
    return;

  /* Translators: the file name offered for the questionnaire; %s is the assessment's name */
  suggested = g_strdup_printf (_("%s Questionnaire.xlsx"), base);
  chooser = chooser_new (self, _("Export Questionnaire"), suggested);
  filter = filter_new (_("Spreadsheet Workbooks"),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* A boolean choice (no options): "true" or "false" */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "prefill",
                               _("Fill in this assessment’s profile and answers"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "prefill", "true");
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_questionnaire_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const char *
chart_kind_label (EmsChartKind kind)
{
  switch (kind)
    {
    case EMS_CHART_RADAR:
      return _("Radar of the Scores");
    case EMS_CHART_GAPS:
      return _("Gaps to the Target");
    case EMS_CHART_DISTRIBUTION:
      return _("Answer Distribution");
    case EMS_CHART_COVERAGE:
      return _("Coverage");
    default:
      g_assert_not_reached ();
    }
}

static void
on_chart_response (GtkNativeDialog *dialog,
                   int              response,
                   EmsWindow       *self)
{
  const char *known[] = { ".png", ".svg", ".pdf", NULL };
  const char *chart_id = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "chart");
  const char *scale_id = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "scale");
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  const char *extension = filter ? g_object_get_data (G_OBJECT (filter), "extension") : NULL;
  EmsChartKind kind = EMS_CHART_RADAR;
  double scale = g_strcmp0 (scale_id, "2") == 0 ? 2.0 : 1.0;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;

  if (chart_id != NULL)
    ems_chart_kind_from_string (chart_id, &kind);

  file = chooser_take_file (self, dialog, response);
  if (file == NULL)
    return;
  target = with_extension (file, extension ? extension : ".png", known);
  {
    PendingExport *pending = pending_export_new (self, target);

    pending->chart = TRUE;
    pending->chart_kind = kind;
    pending->scale = scale;
    export_when_confirmed (pending, file);
  }
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  g_autofree char *base = suggested_base_name (self);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  const char *chart_ids[EMS_CHART_N_KINDS + 1];
  const char *chart_labels[EMS_CHART_N_KINDS + 1];
  const char *scale_ids[] = { "1", "2", NULL };
  const char *scale_labels[] = {
    /* Translators: PNG resolution of an exported chart */
    _("Standard Resolution (1×)"),
    /* Translators: PNG resolution of an exported chart */
    _("High Resolution (2×)"),
    NULL
  };
  struct
  {
    const char *name;
    const char *mime_type;
    const char *pattern;
    const char *extension;
  } formats[] = {
    { N_("PNG Images"), "image/png", "*.png", ".png" },
    { N_("SVG Images"), "image/svg+xml", "*.svg", ".svg" },
    { N_("PDF Documents"), "application/pdf", "*.pdf", ".pdf" },
  };

  if (get_assessment (self) == NULL)
    return;

  for (guint i = 0; i < EMS_CHART_N_KINDS; i++)
    {
      chart_ids[i] = ems_chart_kind_to_string (i);
      chart_labels[i] = chart_kind_label (i);
    }
  chart_ids[EMS_CHART_N_KINDS] = NULL;
  chart_labels[EMS_CHART_N_KINDS] = NULL;

  /* Translators: the file name offered for a chart; %s is the assessment's name */
  suggested = g_strdup_printf (_("%s Chart.png"), base);
  chooser = chooser_new (self, _("Export Chart"), suggested);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = filter_new (_(formats[i].name), formats[i].mime_type,
                                                    formats[i].pattern);

      g_object_set_data (G_OBJECT (filter), "extension", (gpointer) formats[i].extension);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "chart", _("Chart"),
                               chart_ids, chart_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "chart",
                               ems_chart_kind_to_string (EMS_CHART_RADAR));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scale", _("PNG Resolution"),
                               scale_ids, scale_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scale", "1");
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chart_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  _ems_window_export_print (EMS_WINDOW (widget), NULL);
}

static void
on_show_uri_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EmsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ems_launcher_open_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _ems_window_export_show_error (self, _("Could Not Open the File"), error->message);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  const char *uri = g_variant_get_string (param, NULL);

  ems_launcher_open_uri (GTK_WINDOW (self), uri, NULL,
                         on_show_uri_done, g_object_ref (self));
}


void
_ems_window_export_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-questionnaire", NULL,
                                   export_questionnaire_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
}
