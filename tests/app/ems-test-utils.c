/* ems-test-utils.c: helpers for the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-test"

#include "config.h"

#include <string.h>

#include "ems-i18n.h"
#include "ems-test-utils.h"

EmsApplication *
ems_test_init (int    *argc,
               char ***argv)
{
  EmsApplication *app;
  g_autoptr(GError) error = NULL;

  g_autofree char *home = NULL;

  /* Private user directories (recent files, recovery files). Not
   * G_TEST_OPTION_ISOLATE_DIRS: it also hides XDG_DATA_DIRS, and with it the
   * MIME database that image loading needs. */
  home = g_dir_make_tmp ("ems-test-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);

  g_test_init (argc, argv, NULL);
  /* Short autosave interval for the recovery tests */
  g_setenv ("EMS_AUTOSAVE_INTERVAL", "200", FALSE);
  ems_i18n_init ();
  gtk_init ();

  /* No transitions: what is asked for is what is drawn next */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ems_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  return app;
}

void
ems_test_wait_until (EmsTestCondition  condition,
                     gpointer          user_data,
                     double            timeout_sec,
                     const char       *what)
{
  gint64 end = g_get_monotonic_time () + (gint64) (timeout_sec * G_USEC_PER_SEC);

  while (!condition (user_data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Timed out after %.0f s waiting for %s", timeout_sec, what);
      /* A bounded blocking wait so that a thread's completion wakes us. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

void
ems_test_flush (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *count)
{
  (*count)++;
}

static gboolean
painted (gpointer user_data)
{
  return *(guint *) user_data >= 1;
}

static gboolean
is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_frame_clock (user_data) != NULL;
}

void
ems_test_wait_drawn (GtkWidget *window)
{
  GdkFrameClock *clock;
  guint count = 0;
  gulong id;

  ems_test_wait_until (is_mapped, window, 30, "the window to be mapped");
  clock = gtk_widget_get_frame_clock (window);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &count);
  /* Twice: the first frame may have started before the last change */
  for (guint i = 0; i < 2; i++)
    {
      count = 0;
      gtk_widget_queue_draw (window);
      ems_test_wait_until (painted, &count, 30, "the window to be drawn");
    }
  g_signal_handler_disconnect (clock, id);
  ems_test_flush ();
}

GFile *
ems_test_get_example (guint index)
{
  g_autoptr(GPtrArray) examples = ems_list_examples ();

  g_assert_cmpuint (index, <, examples->len);
  return g_object_ref (g_ptr_array_index (examples, index));
}

GFile *
ems_test_copy_example (guint index)
{
  g_autoptr(GFile) example = ems_test_get_example (index);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ems-test-XXXXXX", &error);
  g_autofree char *basename = g_file_get_basename (example);
  GFile *copy;

  g_assert_no_error (error);
  copy = g_file_new_build_filename (dir, basename, NULL);
  g_file_copy (example, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return copy;
}

typedef struct
{
  EmsWindow *window;
  GFile     *file;
} OpenWait;

static gboolean
document_is_open (gpointer user_data)
{
  OpenWait *wait = user_data;
  EmsDocument *document = ems_window_get_document (wait->window);

  return document != NULL && ems_document_get_file (document) != NULL &&
         g_file_equal (ems_document_get_file (document), wait->file);
}

EmsWindow *
ems_test_open_window (EmsApplication *app,
                      GFile          *file)
{
  OpenWait wait;

  wait.window = ems_window_new (GTK_APPLICATION (app));
  wait.file = file;
  gtk_window_present (GTK_WINDOW (wait.window));
  ems_window_open_file (wait.window, file);
  ems_test_wait_until (document_is_open, &wait, 30, "the file to open");

  return wait.window;
}

typedef struct
{
  GtkWindow        *parent;
  AdwMessageDialog *dialog;
} DialogWait;

static gboolean
find_dialog (gpointer user_data)
{
  DialogWait *wait = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == wait->parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          wait->dialog = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }

  return FALSE;
}

AdwMessageDialog *
ems_test_wait_dialog (GtkWindow *parent)
{
  DialogWait wait = { parent, NULL };

  ems_test_wait_until (find_dialog, &wait, 30, "a message dialog");
  return wait.dialog;
}

gboolean
ems_test_dialog_mentions (AdwMessageDialog *dialog,
                          const char       *text)
{
  const char *heading = adw_message_dialog_get_heading (dialog);
  const char *body = adw_message_dialog_get_body (dialog);

  return (heading != NULL && strstr (heading, text) != NULL) ||
         (body != NULL && strstr (body, text) != NULL);
}

void
ems_test_destroy_window (GtkWindow *window)
{
  EmsDocument *document = EMS_IS_WINDOW (window) ? ems_window_get_document (EMS_WINDOW (window)) : NULL;

  /* Tests do not keep recovery files. */
  if (document != NULL)
    {
      ems_document_discard_recovery (document);
      ems_document_set_modified (document, FALSE);
    }
  gtk_window_destroy (window);
  ems_test_flush ();
}

/* Offers the key to the key controllers of @widget and its ancestors, in
 * the order the bubble phase would. */
gboolean
ems_test_press_key (GtkWidget *widget,
                    guint      keyval)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
            continue;
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          if (handled)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
dialog_gone (gpointer user_data)
{
  GtkWidget **dialog = user_data;

  return *dialog == NULL || !gtk_widget_get_visible (*dialog);
}

void
ems_test_respond (AdwMessageDialog *dialog,
                  const char       *response)
{
  GtkWidget *pointer = GTK_WIDGET (dialog);

  g_object_add_weak_pointer (G_OBJECT (pointer), (gpointer *) &pointer);
  /* What clicking the response button does: respond, then destroy */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ems_test_wait_until (dialog_gone, &pointer, 30, "the dialog to close");
  if (pointer != NULL)
    g_object_remove_weak_pointer (G_OBJECT (pointer), (gpointer *) &pointer);
  ems_test_flush ();
}
