/* ems-window-export-private.h: shared by ems-window-export.c (the state,
 * the worker thread, printing) and ems-window-export-dialogs.c (the file
 * choosers and the actions that open them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-window-export.h"

G_BEGIN_DECLS

/* Kept on the window (g_object_set_data): the window's struct is not ours */
typedef struct
{
  EmsWindow            *window;            /* unowned: the state lives on it */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  AdwToast             *progress_toast;
  AdwToast             *last_toast;
  GtkPrintSettings     *print_settings;   /* the last print's, offered again */
  guint                 progress_timeout_id;
  guint                 n_running;
  guint                 n_finished;
} ExportState;

ExportState *_ems_window_export_get_state         (EmsWindow      *self);
/* The report through GtkPrintOperation; to @file (PDF) when not NULL */
void         _ems_window_export_print             (EmsWindow      *self,
                                                   GFile          *file);
void         _ems_window_export_show_error        (EmsWindow      *self,
                                                   const char     *heading,
                                                   const char     *body);
/* win.export-workbook, win.export-report, win.export-chart, win.print,
 * win.open-export */
void         _ems_window_export_install_actions   (GtkWidgetClass *widget_class);

G_END_DECLS
