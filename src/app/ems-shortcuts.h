/* ems-shortcuts.h: a window's shortcuts window, built on first use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ems_shortcuts_show (GtkApplicationWindow *window);

G_END_DECLS
