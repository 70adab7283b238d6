/* ems-document.h: an open assessment: its file, unsaved state, undo and
 * autosave to a recovery file (no widgets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_DOCUMENT (ems_document_get_type ())

G_DECLARE_FINAL_TYPE (EmsDocument, ems_document, EMS, DOCUMENT, GObject)

EmsDocument   *ems_document_new                (EmsAssessment       *assessment,
                                                GFile               *file);
EmsDocument   *ems_document_new_recovered      (EmsAssessment       *assessment,
                                                GFile               *file,
                                                const char          *recovery_id);
EmsAssessment *ems_document_get_assessment     (EmsDocument         *self);
GFile         *ems_document_get_file           (EmsDocument         *self);
gboolean       ems_document_get_modified       (EmsDocument         *self);
void           ems_document_set_modified       (EmsDocument         *self,
                                                gboolean             modified);
gboolean       ems_document_is_untitled        (EmsDocument         *self);
char          *ems_document_dup_title          (EmsDocument         *self);

gboolean       ems_document_get_can_undo       (EmsDocument         *self);
gboolean       ems_document_get_can_redo       (EmsDocument         *self);
void           ems_document_undo               (EmsDocument         *self);
void           ems_document_redo               (EmsDocument         *self);

void           ems_document_save_async         (EmsDocument         *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       ems_document_save_finish        (EmsDocument         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* Recovery: the document writes itself to a recovery file while it has
 * unsaved changes (every EMS_AUTOSAVE_INTERVAL milliseconds at most,
 * 10 seconds by default). */
GFile         *ems_document_get_recovery_file  (EmsDocument         *self);
guint          ems_document_get_n_autosaves    (EmsDocument         *self);
void           ems_document_autosave_now       (EmsDocument         *self);
void           ems_document_discard_recovery   (EmsDocument         *self);

G_END_DECLS
