/* ems-import-dialog.h: what importing a workbook into the open assessment
 * changes, shown before it is applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-import-changes.h"

G_BEGIN_DECLS

#define EMS_TYPE_IMPORT_DIALOG (ems_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EmsImportDialog, ems_import_dialog, EMS, IMPORT_DIALOG, AdwWindow)

/* A modal window over @parent listing @changes (taken over) and the
 * @problems (EmsProblem*, or NULL) of @file_name. It emits "apply" when
 * the user applies the changes, then closes. */
EmsImportDialog  *ems_import_dialog_new         (GtkWindow        *parent,
                                                 EmsAssessment    *current,
                                                 const char       *file_name,
                                                 EmsImportChanges *changes,
                                                 GPtrArray        *problems);
EmsImportChanges *ems_import_dialog_get_changes (EmsImportDialog  *self);
/* The summary line, e.g. "12 answers, 3 notes and 2 profile fields change" */
const char       *ems_import_dialog_get_summary (EmsImportDialog  *self);
/* The number of rows in the list of changes (for tests) */
guint             ems_import_dialog_get_n_rows  (EmsImportDialog  *self);
/* As the Apply button */
void              ems_import_dialog_apply       (EmsImportDialog  *self);

G_END_DECLS
