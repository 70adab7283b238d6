/* ems-launcher.h: open a file or URI in another program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets @name=@value in this process for GTK's own use (the renderer
 * choice) and keeps it out of every program launched through here. Only
 * before GTK starts: no other thread may run. */
void     ems_launcher_set_private_env (const char          *name,
                                       const char          *value);

/* Opens @uri with the user's default program for it, as
 * gtk_show_uri_full () does, but with an environment free of the
 * variables set through ems_launcher_set_private_env (). */
void     ems_launcher_open_uri        (GtkWindow           *parent,
                                       const char          *uri,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean ems_launcher_open_uri_finish (GAsyncResult        *result,
                                       GError             **error);

/* The launch context ems_launcher_open_uri () uses (for tests) */
GAppLaunchContext *ems_launcher_new_context (GtkWindow     *parent);

G_END_DECLS
