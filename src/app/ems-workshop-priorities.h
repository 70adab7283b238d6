/* ems-workshop-priorities.h: where the group disagrees most, where it is
 * weakest, and the questions most often answered 0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-workshop-view.h"

G_BEGIN_DECLS

#define EMS_TYPE_WORKSHOP_PRIORITIES (ems_workshop_priorities_get_type ())

G_DECLARE_FINAL_TYPE (EmsWorkshopPriorities, ems_workshop_priorities, EMS, WORKSHOP_PRIORITIES, EmsWorkshopView)

G_END_DECLS
