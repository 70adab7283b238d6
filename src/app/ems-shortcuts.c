/* ems-shortcuts.c: a window's shortcuts window, built on first use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkApplication builds every window's shortcuts window as the window is
 * created, from gtk/help-overlay.ui under the resource base path: about
 * 300 widgets, a large part of the time to create the main window, for a
 * window most sittings never open. It is built here on first use instead;
 * the windows install win.show-help-overlay and the application gives it
 * Ctrl+? as GTK would.
 */
#define G_LOG_DOMAIN "ems-shortcuts"

#include "config.h"

#include "ems-shortcuts.h"

void
ems_shortcuts_show (GtkApplicationWindow *window)
{
  GtkShortcutsWindow *overlay;

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));

  overlay = gtk_application_window_get_help_overlay (window);
  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/tenelements/TenElements/ems-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}
