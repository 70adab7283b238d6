/* ems-application.c: the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-application.h"
#include "ems-bench.h"
#include "ems-document.h"
#include "ems-help.h"
#include "ems-recovery.h"
#include "ems-window.h"
#include "ems-workshop-window.h"

struct _EmsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GtkNativeDialog *chooser;
  GPtrArray      *recovery_items;
  gboolean        recovery_checked;
  gboolean        recovery_scanning;
};

G_DEFINE_FINAL_TYPE (EmsApplication, ems_application, ADW_TYPE_APPLICATION)

GSettings *
ems_application_get_settings (EmsApplication *self)
{
  g_return_val_if_fail (EMS_IS_APPLICATION (self), NULL);
  return self->settings;
}

static EmsWindow *
get_window (EmsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (EMS_IS_WINDOW (window))
    return EMS_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (EMS_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static EmsWindow *
get_reusable_window (EmsApplication *self)
{
  EmsWindow *window = get_window (self);

  if (window == NULL)
    window = ems_window_new (GTK_APPLICATION (self));
  return window;
}

/* Recovery */

static void offer_next_recovery (EmsApplication *self,
                                 GtkWindow      *parent);

static void
restore_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  EmsRecoveryItem *item = user_data;
  EmsApplication *self = EMS_APPLICATION (g_application_get_default ());
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(EmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  EmsWindow *window;

  assessment = ems_assessment_load_file_finish (result, &error);
  window = get_reusable_window (self);

  if (assessment == NULL)
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Restore Unsaved Work"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      document = ems_document_new_recovered (assessment, item);
      if (!ems_window_is_reusable (window))
        window = ems_window_new (GTK_APPLICATION (self));
      ems_window_set_document (window, document);
      gtk_window_present (GTK_WINDOW (window));
      ems_window_add_toast (window, adw_toast_new (_("Unsaved work restored")));
    }

  ems_recovery_item_free (item);
  if (self != NULL)
    {
      g_application_release (G_APPLICATION (self));
      offer_next_recovery (self, GTK_WINDOW (window));
    }
}

static void
on_confirm_discard (AdwMessageDialog *dialog,
                    const char       *response,
                    EmsApplication   *self)
{
  EmsRecoveryItem *item = g_object_steal_data (G_OBJECT (dialog), "item");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (item == NULL)
    return;

  if (g_str_equal (response, "discard"))
    {
      /* In a thread; the item's lock is kept until the files are gone. */
      ems_recovery_item_delete_async (item, NULL, NULL);
    }
  else
    {
      /* Back to the question: restore or discard */
      g_ptr_array_insert (self->recovery_items, 0, item);
    }
  offer_next_recovery (self, parent);
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      EmsApplication   *self)
{
  EmsRecoveryItem *item = g_object_steal_data (G_OBJECT (dialog), "item");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (item == NULL)
    return;

  if (g_str_equal (response, "restore"))
    {
      g_application_hold (G_APPLICATION (self));
      ems_assessment_load_file_async (ems_checklist_get_default (), item->data_file, NULL,
                                      restore_done, item);
    }
  else if (!g_str_equal (response, "discard"))
    {
      /* Not now: asked again at the next start */
      ems_recovery_item_free (item);
      offer_next_recovery (self, parent);
    }
  else
    {
      GtkWidget *confirm;

      confirm = adw_message_dialog_new (parent, _("Discard Unsaved Work?"),
                                        _("The answers that were not saved are deleted for good."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
      g_object_set_data_full (G_OBJECT (confirm), "item", item,
                              (GDestroyNotify) ems_recovery_item_free);
      g_signal_connect (confirm, "response", G_CALLBACK (on_confirm_discard), self);
      gtk_window_present (GTK_WINDOW (confirm));
    }
}

static void
offer_next_recovery (EmsApplication *self,
                     GtkWindow      *parent)
{
  EmsRecoveryItem *item;
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) time = NULL;
  const char *what;
  g_autofree char *basename = NULL;

  if (self->recovery_items == NULL || self->recovery_items->len == 0)
    return;

  item = g_ptr_array_steal_index (self->recovery_items, 0);
  time = g_date_time_new_from_unix_local (item->saved_time);
  when = time ? g_date_time_format (time, "%x %X") : g_strdup ("");

  if (item->original != NULL)
    {
      g_autofree char *raw = g_file_get_basename (item->original);
      basename = g_filename_display_name (raw);
      what = basename;
    }
  else if (item->name != NULL && *item->name != '\0')
    what = item->name;
  else
    what = _("a new assessment");

  /* Translators: first %s is a file or organisation name, second a date and time */
  body = g_strdup_printf (_("Ten Elements did not close normally. Answers to “%s” that were not saved, last kept at %s, can be restored."),
                          what, when);
  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Work?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard…"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Escape keeps the question for the next start: nothing is deleted. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "item", item, (GDestroyNotify) ems_recovery_item_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_orphans_done (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  EmsApplication *self = EMS_APPLICATION (g_application_get_default ());
  g_autoptr(GPtrArray) items = ems_recovery_list_orphans_finish (result, NULL);

  if (self == NULL)
    return;
  self->recovery_scanning = FALSE;
  g_application_release (G_APPLICATION (self));

  if (items == NULL || items->len == 0)
    return;

  g_clear_pointer (&self->recovery_items, g_ptr_array_unref);
  self->recovery_items = g_steal_pointer (&items);
  /* The window may have gone while the folder was read. */
  if (!gtk_widget_get_visible (GTK_WIDGET (parent)))
    g_set_object (&parent, GTK_WINDOW (get_window (self)));
  if (parent != NULL)
    offer_next_recovery (self, parent);
}

void
ems_application_check_recovery (EmsApplication *self,
                                GtkWindow      *parent)
{
  g_return_if_fail (EMS_IS_APPLICATION (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  /* A scan or dialogs already on the way */
  if (self->recovery_scanning ||
      (self->recovery_items != NULL && self->recovery_items->len > 0))
    return;

  /* The folder is read, and each lock tried, in a thread. */
  self->recovery_scanning = TRUE;
  g_application_hold (G_APPLICATION (self));
  ems_recovery_list_orphans_async (NULL, list_orphans_done, g_object_ref (parent));
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  EmsApplication *self = user_data;
  EmsWindow *window = get_reusable_window (self);

  ems_window_new_document (window);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  EmsApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      EmsWindow *window = get_reusable_window (self);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          ems_window_open_file (window, file);
        }
    }

  g_clear_object (&self->chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  EmsApplication *self = user_data;
  EmsWindow *window = get_window (self);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Open Assessment"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Assessments"));
  gtk_file_filter_add_mime_type (filter, "application/x-ten-elements-assessment");
  gtk_file_filter_add_pattern (filter, "*.emsa");
  /* Our workbooks open as new assessments (ems-window-import.c) */
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Spreadsheet Workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");

      if (*uri != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
workshop_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  EmsApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (ems_workshop_window_new (GTK_APPLICATION (self))));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  EmsApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  EmsApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The page about what the active window shows */
  ems_help_show (window, ems_help_page_for_window (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  EmsApplication *self = user_data;
  const char *developers[] = { _("The Ten Elements contributors"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Over the window it was asked from: the workshop window has About too */
  if (parent == NULL)
    parent = GTK_WINDOW (get_window (self));

  adw_show_about_window (parent,
                         "application-name", _("Ten Elements"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("A self-assessment of your environmental management system against the 10 Elements of the North American Commission for Environmental Cooperation"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
apply_color_scheme (EmsApplication *self,
                    const char     *scheme)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
color_scheme_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  EmsApplication *self = user_data;
  const char *scheme = g_variant_get_string (param, NULL);

  g_simple_action_set_state (action, param);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "color-scheme", scheme);
  apply_color_scheme (self, scheme);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "workshop", workshop_action },
  { "quit", quit_action },
  { "help", help_action },
  { "about", about_action },
  { "color-scheme", NULL, "s", "'follow'", color_scheme_action },
};

/* GApplication */

/* Running from the build tree: find the icon in the source tree. */
static void
add_source_icons (void)
{
  g_autofree char *data_dir = g_path_get_dirname (SOURCE_EXAMPLES_DIR);
  g_autofree char *icons = g_build_filename (data_dir, "icons", NULL);
  GdkDisplay *display = gdk_display_get_default ();

  if (display != NULL && g_file_test (icons, G_FILE_TEST_IS_DIR))
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (display), icons);
}

static void
ems_application_startup (GApplication *application)
{
  EmsApplication *self = EMS_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *new_accels[] = { "<Control>n", NULL };
  const char *open_accels[] = { "<Control>o", NULL };
  const char *workshop_accels[] = { "<Control><Shift>o", NULL };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *save_accels[] = { "<Control>s", NULL };
  const char *save_as_accels[] = { "<Shift><Control>s", NULL };
  const char *undo_accels[] = { "<Control>z", NULL };
  const char *redo_accels[] = { "<Shift><Control>z", "<Control>y", NULL };
  const char *prev_accels[] = { "<Alt>Page_Up", "<Alt>Up", NULL };
  const char *next_accels[] = { "<Alt>Page_Down", "<Alt>Down", NULL };
  const char *profile_accels[] = { "<Alt>Home", NULL };
  const char *actions_accels[] = { "<Alt>End", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *help_accels[] = { "F1", NULL };

  ems_bench_mark ("startup");
  G_APPLICATION_CLASS (ems_application_parent_class)->startup (application);
  ems_bench_mark ("gtk-initialised");

  g_set_application_name (_("Ten Elements"));
  gtk_window_set_default_icon_name (APPLICATION_ID);
  add_source_icons ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  else
    g_debug ("Schema %s not installed: settings are not kept", APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  if (self->settings != NULL)
    {
      g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "color-scheme");

      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (scheme));
      apply_color_scheme (self, scheme);
    }

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.workshop", workshop_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save", save_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.previous-element", prev_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.next-element", next_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-profile", profile_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-actions", actions_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}

static void
ems_application_activate (GApplication *application)
{
  EmsApplication *self = EMS_APPLICATION (application);
  EmsWindow *window = get_window (self);

  if (window == NULL)
    window = ems_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
  if (!self->recovery_checked)
    {
      self->recovery_checked = TRUE;
      ems_application_check_recovery (self, GTK_WINDOW (window));
    }
}

static void
ems_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  EmsApplication *self = EMS_APPLICATION (application);
  EmsWindow *window;

  ems_bench_mark ("open");

  /* Several files at once: compare them in a workshop window */
  if (n_files > 1)
    {
      EmsWorkshopWindow *workshop = ems_workshop_window_new (GTK_APPLICATION (self));

      ems_workshop_window_open_files (workshop, files, n_files);
      gtk_window_present (GTK_WINDOW (workshop));
      return;
    }

  window = get_reusable_window (self);
  ems_bench_mark ("window-created");

  /* A new window shows itself once the file is read: the welcome page is
   * never drawn for nothing. */
  if (gtk_widget_get_visible (GTK_WIDGET (window)))
    gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    ems_window_open_file (window, files[i]);
  if (!self->recovery_checked)
    {
      self->recovery_checked = TRUE;
      ems_application_check_recovery (self, GTK_WINDOW (window));
    }
}

static void
ems_application_dispose (GObject *object)
{
  EmsApplication *self = EMS_APPLICATION (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->recovery_items, g_ptr_array_unref);

  G_OBJECT_CLASS (ems_application_parent_class)->dispose (object);
}

static void
ems_application_class_init (EmsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ems_application_dispose;
  app_class->startup = ems_application_startup;
  app_class->activate = ems_application_activate;
  app_class->open = ems_application_open;
}

static void
ems_application_init (EmsApplication *self)
{
}

EmsApplication *
ems_application_new (void)
{
  return g_object_new (EMS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/tenelements/TenElements",
                       NULL);
}
