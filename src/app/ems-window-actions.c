/* ems-window-actions.c: the window's actions: opening, saving (Save,
 * Save As), undo and redo, closing with unsaved changes, and the actions
 * that move between pages or edit the action plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ems-actions-page.h"
#include "ems-bench.h"
#include "ems-element-page.h"
#include "ems-file-dialogs.h"
#include "ems-presentation.h"
#include "ems-shortcuts.h"
#include "ems-window-private.h"

static void save_as (EmsWindow *self);

static void
remember_folder (EmsWindow *self,
                 GFile     *file)
{
  GSettings *settings = _ems_window_get_settings (self);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (settings == NULL || parent == NULL)
    return;
  uri = g_file_get_uri (parent);
  g_settings_set_string (settings, "last-folder", uri);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) EMS_WINDOW_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "ten-elements %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  if (_ems_window_file_is_example (file))
    return;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
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

void
ems_window_new_document (EmsWindow *self)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(EmsDocument) document = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  EmsWindow *window;

  g_return_if_fail (EMS_IS_WINDOW (self));

  assessment = ems_assessment_new (ems_checklist_get_default ());
  ems_assessment_set_assessed_on (assessment, today);
  document = ems_document_new (assessment, NULL);
  window = target_window (self);
  ems_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}


/* Opening */

typedef struct
{
  EmsWindow *self;
  GFile     *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  EmsWindow *self = data->self;
  GFile *file = data->file;
  EmsAssessment *assessment;
  g_autoptr(EmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  EmsWindow *window;

  _ems_window_set_busy (self, FALSE);
  /* The document keeps the file's etag, for the check when saving */
  document = ems_document_load_finish (result, &error);
  ems_bench_mark ("file-loaded");
  name = ems_file_display_name (file);

  if (document == NULL)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_window_present (GTK_WINDOW (self));
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      ems_show_error_dialog (GTK_WINDOW (self), heading, error->message);
      return;
    }

  assessment = ems_document_get_assessment (document);
  window = target_window (self);
  ems_window_set_document (window, document);
  ems_bench_mark ("document-shown");
  gtk_window_present (GTK_WINDOW (window));

  {
    g_auto(GStrv) unknown = ems_assessment_dup_unknown_ids (assessment);
    guint n = unknown ? g_strv_length (unknown) : 0;

    if (n > 0)
      {
        g_autofree char *ids = g_strjoinv (", ", unknown);
        g_autofree char *text = NULL;

        /* Translators: a toast; %u is a count, %s a list of question ids */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u answer for a question this version does not know (%s) is kept unchanged",
                                             "%u answers for questions this version does not know (%s) are kept unchanged",
                                             n),
                                n, ids);
        adw_toast_overlay_add_toast (window->toast_overlay, adw_toast_new (text));
      }
  }
  add_to_recent (file);
  remember_folder (self, file);
}

void
ems_window_open_file (EmsWindow *self,
                      GFile     *file)
{
  OpenData *data;

  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Already open here: nothing to do. */
  if (self->document != NULL && ems_document_get_file (self->document) != NULL &&
      g_file_equal (ems_document_get_file (self->document), file))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  if (_ems_window_file_is_workbook (file))   /* ems-window-import.c */
    {
      _ems_window_open_workbook (self, file);
      return;
    }

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  _ems_window_set_busy (self, TRUE);
  ems_document_load_async (file, self->cancellable, open_done, data);
}

/* Saving */

static void save_to (EmsWindow            *self,
                     GFile                *file,
                     EmsDocumentSaveFlags  flags);

/* Reload: the file as another program left it, replacing this window's
 * document and its unsaved changes (the user chose to). */
static void
reload_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EmsWindow) self = user_data;
  g_autoptr(EmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  _ems_window_set_busy (self, FALSE);
  document = ems_document_load_finish (result, &error);
  if (document == NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->document == NULL)
        return;
      title = ems_document_dup_title (self->document);
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Reload “%s”"), title);
      ems_show_error_dialog (GTK_WINDOW (self), heading, error->message);
      return;
    }

  if (self->document != NULL)
    ems_document_set_modified (self->document, FALSE);
  ems_window_set_document (self, document);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Reloaded from disk")));
}

void
ems_window_reload (EmsWindow *self)
{
  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL && ems_document_get_file (self->document) != NULL);

  _ems_window_set_busy (self, TRUE);
  ems_document_load_async (ems_document_get_file (self->document), self->cancellable,
                           reload_done, g_object_ref (self));
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      EmsWindow        *self)
{
  if (self->document == NULL)
    return;

  if (g_str_equal (response, "save-anyway"))
    {
      save_to (self, NULL, EMS_DOCUMENT_SAVE_IGNORE_CHANGES);
      return;
    }

  self->close_after_save = FALSE;
  if (g_str_equal (response, "reload"))
    ems_window_reload (self);
}

/* Another program changed the file since it was read or saved here */
static void
ask_changed_on_disk (EmsWindow *self)
{
  g_autofree char *title = ems_document_dup_title (self->document);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Another program changed “%s” since it was opened here. "
                            "Reload it to see those changes and lose yours, or save anyway "
                            "to replace them with yours."), title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "save-anyway", _("Save _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-anyway",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_cannot_write_response (AdwMessageDialog *dialog,
                          const char       *response,
                          EmsWindow        *self)
{
  if (g_str_equal (response, "save-as"))
    save_as (self);
  else
    self->close_after_save = FALSE;
}

/* A read-only file or folder: say so, and offer another file */
static void
show_cannot_write (EmsWindow    *self,
                   const GError *error)
{
  g_autofree char *title = ems_document_dup_title (self->document);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Save “%s”"), title);
  /* Translators: %s is the reason, ending with a full stop or not */
  body = g_strdup_printf (_("%s\n\nYour changes are kept in this window: save them in another file with Save As."),
                          error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cannot_write_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EmsWindow) self = user_data;
  EmsDocument *document = EMS_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  _ems_window_set_busy (self, FALSE);

  if (!ems_document_save_finish (document, result, &error))
    {
      g_autofree char *title = ems_document_dup_title (document);
      g_autofree char *heading = NULL;

      if (document != self->document)
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          /* close_after_save holds until the user answers */
          ask_changed_on_disk (self);
          return;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        {
          show_cannot_write (self, error);
          return;
        }

      self->close_after_save = FALSE;
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), title);
      ems_show_error_dialog (GTK_WINDOW (self), heading, error->message);
      return;
    }

  add_to_recent (ems_document_get_file (document));
  remember_folder (self, ems_document_get_file (document));

  if (self->close_after_save && !ems_document_get_modified (document))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

static void
save_to (EmsWindow            *self,
         GFile                *file,
         EmsDocumentSaveFlags  flags)
{
  _ems_window_set_busy (self, TRUE);
  ems_document_save_full_async (self->document, file, flags, NULL, save_done,
                                g_object_ref (self));
}

void
ems_window_save_to (EmsWindow *self,
                    GFile     *file)
{
  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL);

  save_to (self, file, EMS_DOCUMENT_SAVE_NONE);
}

/* Save As. The chooser confirms overwriting the name it returns; the
 * suggested name has the extension already. A name typed without it gets
 * ".emsa" here, and when a file of that name exists, the user confirms
 * that name too: nothing is written under a name no one confirmed. */

static gboolean
has_emsa_extension (const char *name)
{
  gsize len = strlen (name);

  return len > 5 && g_ascii_strcasecmp (name + len - 5, ".emsa") == 0;
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     EmsWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_str_equal (response, "replace") && self->document != NULL)
    ems_window_save_to (self, file);
  else
    self->close_after_save = FALSE;
}

static void
ask_replace (EmsWindow *self,
             GFile     *file)
{
  GtkWidget *dialog = ems_replace_dialog_new (GTK_WINDOW (self), file);

  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
with_extension_checked (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(EmsWindow) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GFileInfo) info = g_file_query_info_finish (file, result, NULL);

  _ems_window_set_busy (self, FALSE);
  if (self->document == NULL)
    return;

  if (info != NULL)
    ask_replace (self, file);
  else
    ems_window_save_to (self, file);
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     EmsWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);

  if (file == NULL || self->document == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  basename = g_file_get_basename (file);
  if (basename == NULL || has_emsa_extension (basename))
    {
      /* The name the chooser confirmed, as it is */
      ems_window_save_to (self, file);
      return;
    }

  {
    g_autofree char *with_ext = g_strconcat (basename, ".emsa", NULL);
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autoptr(GFile) target = g_file_get_child (parent, with_ext);

    /* Whether that other name exists, off the main loop */
    _ems_window_set_busy (self, TRUE);
    g_file_query_info_async (target, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                             G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, G_PRIORITY_DEFAULT,
                             self->cancellable, with_extension_checked, g_object_ref (self));
  }
}

static GtkFileFilter *
emsa_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Assessments"));
  gtk_file_filter_add_mime_type (filter, EMS_WINDOW_MIME_TYPE);
  gtk_file_filter_add_pattern (filter, "*.emsa");
  return filter;
}

static void
set_chooser_folder (EmsWindow      *self,
                    GtkFileChooser *chooser)
{
  GSettings *settings = _ems_window_get_settings (self);
  g_autofree char *uri = settings ? g_settings_get_string (settings, "last-folder") : NULL;

  if (uri != NULL && *uri != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (uri);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

static void
save_as (EmsWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = emsa_filter ();
  const char *name;
  g_autofree char *suggested = NULL;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Assessment"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));

  name = ems_assessment_get_name (_ems_window_get_assessment (self));
  if (ems_document_get_file (self->document) != NULL &&
      !self->document_is_example)
    suggested = g_file_get_basename (ems_document_get_file (self->document));
  else if (name != NULL && *name != '\0')
    suggested = g_strconcat (name, ".emsa", NULL);
  else if ((suggested = _ems_window_imported_base_name (self)) == NULL)
    /* Translators: the file name offered for a new assessment */
    suggested = g_strdup (_("Assessment.emsa"));
  g_strdelimit (suggested, "/", '-');
  /* The extension is in the name the chooser checks for overwriting */
  if (!has_emsa_extension (suggested))
    {
      char *with_ext = g_strconcat (suggested, ".emsa", NULL);

      g_free (suggested);
      suggested = with_ext;
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
save (EmsWindow *self)
{
  GFile *file;

  if (self->document == NULL)
    return;

  file = ems_document_get_file (self->document);
  if (file == NULL || self->document_is_example)
    save_as (self);
  else
    ems_window_save_to (self, NULL);
}

/* Actions */

void
_ems_window_update_actions (EmsWindow *self)
{
  gboolean has_doc = self->document != NULL;
  gboolean idle = self->n_busy == 0;
  guint last = ems_window_get_n_pages (self) - 1;

  /* One write at a time */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_doc && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_doc && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_doc && ems_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_doc && ems_document_get_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-element",
                                 has_doc && self->page > 0 && self->page <= last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-element",
                                 has_doc && self->page < last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-profile", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-actions", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-action", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_doc);
  _ems_window_import_update_actions (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (EMS_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  save_as (EMS_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL)
    ems_document_undo (self->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL)
    ems_document_redo (self->document);
}

static void
go_to_page (EmsWindow *self,
            guint      page)
{
  GtkWidget *widget;

  ems_window_show_page (self, page);
  widget = ems_window_get_page_widget (self, page);
  if (EMS_IS_ELEMENT_PAGE (widget))
    ems_element_page_focus_first_unanswered (EMS_ELEMENT_PAGE (widget));
}

static void
previous_element_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL && self->page > 0)
    go_to_page (self, self->page - 1);
}

static void
next_element_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL && self->page + 1 < ems_window_get_n_pages (self))
    go_to_page (self, self->page + 1);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  guint page = g_variant_get_uint32 (param);

  if (self->document != NULL && page < ems_window_get_n_pages (self))
    go_to_page (self, page);
}

static void
show_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL)
    ems_window_show_page (self, EMS_WINDOW_PAGE_PROFILE);
}

static void
show_actions_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL)
    ems_window_show_page (self, _ems_window_actions_page_index (self));
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ems_shortcuts_show (GTK_APPLICATION_WINDOW (widget));
}

/* F5: the slides for this one assessment (issue 6: presentation mode
 * works for a single assessment too) */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  EmsPresentation *presentation;

  if (self->document == NULL)
    return;

  presentation = ems_presentation_new_for_assessment (application,
                                                      ems_document_get_assessment (self->document));
  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  ems_presentation_start (presentation);
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  EmsAssessment *assessment = _ems_window_get_assessment (self);
  const char *question_id = g_variant_get_string (param, NULL);
  const EmsQuestion *question = NULL;
  g_autoptr(EmsAction) action = NULL;

  if (assessment == NULL)
    return;

  if (*question_id != '\0')
    question = ems_checklist_lookup_question (ems_assessment_get_checklist (assessment),
                                              question_id);

  if (question != NULL)
    {
      AdwToast *toast;
      g_autofree char *title = NULL;

      /* Translators: the title of a new action, %s is the question's text */
      title = g_strdup_printf (_("Improve: %s"), question->text);
      action = ems_action_new (title);
      ems_action_set_element (action, question->element);
      ems_action_set_question (action, question->id);
      ems_assessment_add_action (assessment, action);

      /* Translators: a toast, %s is a question id */
      title = (g_free (title), g_strdup_printf (_("Action added for question %s"), question->id));
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-actions");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      GtkWidget *page;

      action = ems_action_new (NULL);
      ems_assessment_add_action (assessment, action);
      ems_window_show_page (self, _ems_window_actions_page_index (self));
      page = ems_window_get_page_widget (self, _ems_window_actions_page_index (self));
      ems_actions_page_edit (EMS_ACTIONS_PAGE (page), action);
    }
}

/* Closing */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   EmsWindow        *self)
{
  if (g_str_equal (response, "discard"))
    {
      if (self->document != NULL)
        {
          ems_document_discard_recovery (self->document);
          ems_document_set_modified (self->document, FALSE);
        }
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      save (self);
    }
}

gboolean
_ems_window_confirm_close (EmsWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  if (self->document == NULL || !ems_document_get_modified (self->document))
    return FALSE;

  title = ems_document_dup_title (self->document);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Your answers since the last save are lost if you close without saving."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}


void
_ems_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.previous-element", NULL, previous_element_action);
  gtk_widget_class_install_action (widget_class, "win.next-element", NULL, next_element_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "u", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-profile", NULL, show_profile_action);
  gtk_widget_class_install_action (widget_class, "win.show-actions", NULL, show_actions_action);
  gtk_widget_class_install_action (widget_class, "win.add-action", "s", add_action_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  _ems_window_class_import_init (widget_class);
}
