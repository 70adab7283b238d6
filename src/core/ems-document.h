/* ems-document.h: an open assessment: its file and etag, unsaved state,
 * undo with a saved point, and autosave to a locked recovery file (no
 * widgets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ems-assessment.h"
#include "ems-recovery.h"

G_BEGIN_DECLS

#define EMS_TYPE_DOCUMENT (ems_document_get_type ())

G_DECLARE_FINAL_TYPE (EmsDocument, ems_document, EMS, DOCUMENT, GObject)

typedef enum
{
  EMS_DOCUMENT_SAVE_NONE            = 0,
  /* "Save Anyway": replace the file even if another program changed it */
  EMS_DOCUMENT_SAVE_IGNORE_CHANGES  = 1 << 0,
} EmsDocumentSaveFlags;

EmsDocument   *ems_document_new                (EmsAssessment       *assessment,
                                                GFile               *file);
/* Takes over @item's recovery and its lock (the item keeps its files). */
EmsDocument   *ems_document_new_recovered      (EmsAssessment       *assessment,
                                                EmsRecoveryItem     *item);
/* Reads @file in a thread, with its etag (taken before the content) */
void           ems_document_load_async         (GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
EmsDocument   *ems_document_load_finish        (GAsyncResult        *result,
                                                GError             **error);
EmsAssessment *ems_document_get_assessment     (EmsDocument         *self);
GFile         *ems_document_get_file           (EmsDocument         *self);
/* The file's etag when it was read or last saved; NULL when unknown */
const char    *ems_document_get_etag           (EmsDocument         *self);
/* TRUE when the assessment differs from the file: undoing back to the
 * state last saved clears it, redoing past it sets it again. */
gboolean       ems_document_get_modified       (EmsDocument         *self);
void           ems_document_set_modified       (EmsDocument         *self,
                                                gboolean             modified);
gboolean       ems_document_is_untitled        (EmsDocument         *self);
char          *ems_document_dup_title          (EmsDocument         *self);

gboolean       ems_document_get_can_undo       (EmsDocument         *self);
gboolean       ems_document_get_can_redo       (EmsDocument         *self);
void           ems_document_undo               (EmsDocument         *self);
void           ems_document_redo               (EmsDocument         *self);
/* Every change made between these two calls (they nest) is undone and
 * redone as one step, such as the answers imported from a workbook */
void           ems_document_begin_group        (EmsDocument         *self);
void           ems_document_end_group          (EmsDocument         *self);

/* Writes the assessment to @file (NULL: the document's file) through the
 * atomic writer, in a thread. Saving to the document's own file fails with
 * G_IO_ERROR_WRONG_ETAG when another program changed it since it was read
 * or saved, unless @flags has EMS_DOCUMENT_SAVE_IGNORE_CHANGES; a
 * read-only file fails with G_IO_ERROR_READ_ONLY. */
void           ems_document_save_full_async    (EmsDocument         *self,
                                                GFile               *file,
                                                EmsDocumentSaveFlags flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
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
 * 10 seconds by default) and holds that recovery's lock while it is open
 * (ems-recovery.h). Discarding removes the files in a thread. */
GFile         *ems_document_get_recovery_file  (EmsDocument         *self);
guint          ems_document_get_n_autosaves    (EmsDocument         *self);
void           ems_document_autosave_now       (EmsDocument         *self);
void           ems_document_discard_recovery   (EmsDocument         *self);

G_END_DECLS
