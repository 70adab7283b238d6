/* ems-draft-dialog.h: review a drafted, phased action plan before adding it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_DRAFT_DIALOG (ems_draft_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EmsDraftDialog, ems_draft_dialog, EMS, DRAFT_DIALOG, AdwWindow)

GtkWidget  *ems_draft_dialog_new           (GtkWindow      *parent,
                                            EmsAssessment  *assessment);
/* The proposed actions, and each one's tick and title (for tests) */
guint       ems_draft_dialog_get_n_proposed (EmsDraftDialog *self);
void        ems_draft_dialog_set_ticked    (EmsDraftDialog *self,
                                            guint           index,
                                            gboolean        ticked);
void        ems_draft_dialog_set_title_at  (EmsDraftDialog *self,
                                            guint           index,
                                            const char     *title);
/* Adds the ticked actions as one change (one undo step) and closes;
 * returns how many were added */
guint       ems_draft_dialog_add           (EmsDraftDialog *self);

G_END_DECLS
