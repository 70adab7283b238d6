/* ems-workshop-export.h: the workshop window's exports, the comparison
 * workbook and the PDF handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installs workshop.export-workbook (Ctrl+E), workshop.export-handout
 * (Ctrl+Shift+E) and workshop.open-export (s: a URI). Each export asks for
 * a file, writes it in a worker thread from a snapshot of the comparison
 * (anonymised when the window's switch is on), then shows a toast with an
 * "Open" button, or a dialog naming the file when it failed (nothing is
 * left behind then). The export time is SOURCE_DATE_EPOCH when set, as on
 * the command line, so that both give the same bytes.
 */
#pragma once

#include "ems-workshop-window.h"

G_BEGIN_DECLS

typedef enum
{
  EMS_WORKSHOP_EXPORT_WORKBOOK,   /* .xlsx */
  EMS_WORKSHOP_EXPORT_HANDOUT,    /* .pdf */
} EmsWorkshopExportKind;

/* From the window's class_init and init */
void      ems_workshop_export_class_init     (GtkWidgetClass        *widget_class);
void      ems_workshop_export_init           (EmsWorkshopWindow     *self);
/* From the window's dispose: closes the file chooser */
void      ems_workshop_export_dispose        (EmsWorkshopWindow     *self);
/* Enables the actions: something to export, nothing running */
void      ems_workshop_export_update_actions (EmsWorkshopWindow     *self);

/* An export without the file chooser */
void      ems_workshop_export_to_file        (EmsWorkshopWindow     *self,
                                              EmsWorkshopExportKind  kind,
                                              GFile                 *file);

/* For tests: exports finished (successfully or not) since the window
 * opened, and the toast of the last successful one (or NULL) */
gboolean  ems_workshop_export_is_running     (EmsWorkshopWindow     *self);
guint     ems_workshop_export_get_n_finished (EmsWorkshopWindow     *self);
AdwToast *ems_workshop_export_get_last_toast (EmsWorkshopWindow     *self);

G_END_DECLS
