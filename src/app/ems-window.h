/* ems-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-document.h"

G_BEGIN_DECLS

#define EMS_TYPE_WINDOW (ems_window_get_type ())

G_DECLARE_FINAL_TYPE (EmsWindow, ems_window, EMS, WINDOW, AdwApplicationWindow)

/* Pages: 0 the profile, 1..n_elements the elements, then the action plan,
 * then the results */
#define EMS_WINDOW_PAGE_PROFILE 0

EmsWindow   *ems_window_new                 (GtkApplication *application);
EmsDocument *ems_window_get_document        (EmsWindow      *self);
void         ems_window_set_document        (EmsWindow      *self,
                                             EmsDocument    *document);
/* Loads @file; on success shows it here when this window is free (see
 * ems_window_is_reusable()), else in a new window; on failure shows a
 * dialog and changes nothing. */
void         ems_window_open_file           (EmsWindow      *self,
                                             GFile          *file);
void         ems_window_new_document        (EmsWindow      *self);
gboolean     ems_window_is_reusable         (EmsWindow      *self);
/* Reads @file (one of our workbooks) in a thread and shows what it changes
 * in the open assessment, applied as one undoable step when the user
 * agrees; without an open assessment, opens it as a new one. */
void         ems_window_import_answers      (EmsWindow      *self,
                                             GFile          *file);
void         ems_window_show_welcome        (EmsWindow      *self);
gboolean     ems_window_is_busy             (EmsWindow      *self);
/* Reads the document's file again, dropping unsaved changes */
void         ems_window_reload              (EmsWindow      *self);
/* Saves to @file (NULL: the document's own file) without a file chooser */
void         ems_window_save_to             (EmsWindow      *self,
                                             GFile          *file);
guint        ems_window_get_n_pages         (EmsWindow      *self);
guint        ems_window_get_page            (EmsWindow      *self);
void         ems_window_show_page           (EmsWindow      *self,
                                             guint           page);
/* The widget of a page, created if needed */
GtkWidget   *ems_window_get_page_widget     (EmsWindow      *self,
                                             guint           page);
void         ems_window_add_toast           (EmsWindow      *self,
                                             AdwToast       *toast);

G_END_DECLS
