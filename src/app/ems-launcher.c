/* ems-launcher.c: open a file or URI in another program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window may set GDK_DEBUG and GSK_RENDERER for GTK itself (see
 * ems-gui-main.c). A program it launches, a PDF viewer or a spreadsheet
 * after an export, must start with the user's environment, not with the
 * renderer choice made for this process: launches go through a launch
 * context that unsets those variables.
 */
#define G_LOG_DOMAIN "ems-launcher"

#include "config.h"

#include "ems-launcher.h"

static GPtrArray *private_env = NULL;

void
ems_launcher_set_private_env (const char *name,
                              const char *value)
{
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  if (private_env == NULL)
    private_env = g_ptr_array_new ();
  g_ptr_array_add (private_env, g_strdup (name));
  g_setenv (name, value, TRUE);
}

GAppLaunchContext *
ems_launcher_new_context (GtkWindow *parent)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                                       : gdk_display_get_default ();
  GAppLaunchContext *context;

  context = display != NULL ? G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (display))
                            : g_app_launch_context_new ();

  for (guint i = 0; private_env != NULL && i < private_env->len; i++)
    g_app_launch_context_unsetenv (context, g_ptr_array_index (private_env, i));

  return context;
}

static void
on_launched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ems_launcher_open_uri (GtkWindow           *parent,
                       const char          *uri,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GAppLaunchContext) context = NULL;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (uri != NULL);

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_launcher_open_uri);

  context = ems_launcher_new_context (parent);
  g_app_info_launch_default_for_uri_async (uri, context, cancellable, on_launched, task);
}

gboolean
ems_launcher_open_uri_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
