/* ems-action-row.h: one action of the plan, expanded to edit it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_ACTION_ROW (ems_action_row_get_type ())

G_DECLARE_FINAL_TYPE (EmsActionRow, ems_action_row, EMS, ACTION_ROW, AdwExpanderRow)

/* The row edits @action directly; "delete" asks the page to remove it
 * from the plan. */
GtkWidget *ems_action_row_new        (EmsAction    *action);
EmsAction *ems_action_row_get_action (EmsActionRow *self);

G_END_DECLS
