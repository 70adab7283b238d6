/* ems-file-dialogs.h: the small dialogs every file action of the windows
 * shares: an error to acknowledge, and "Replace this file?"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The file's name as a person reads it (valid UTF-8 whatever the bytes) */
char      *ems_file_display_name   (GFile      *file);

/* A message dialog over @parent with one Close button, presented */
void       ems_show_error_dialog   (GtkWindow  *parent,
                                    const char *heading,
                                    const char *body);

/* "Replace “NAME”?" for a name the file chooser never confirmed because
 * the extension was added afterwards; responses "cancel" (the default)
 * and "replace". Not yet presented. */
GtkWidget *ems_replace_dialog_new  (GtkWindow  *parent,
                                    GFile      *file);

G_END_DECLS
