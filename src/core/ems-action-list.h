/* ems-action-list.h: an assessment's action plan as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_ACTION_LIST (ems_action_list_get_type ())

G_DECLARE_FINAL_TYPE (EmsActionList, ems_action_list, EMS, ACTION_LIST, GObject)

GListModel *ems_action_list_new (EmsAssessment *assessment);

G_END_DECLS
