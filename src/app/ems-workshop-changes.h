/* ems-workshop-changes.h: the changes over time of the organisations
 * assessed more than once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-workshop-view.h"

G_BEGIN_DECLS

#define EMS_TYPE_WORKSHOP_CHANGES (ems_workshop_changes_get_type ())

G_DECLARE_FINAL_TYPE (EmsWorkshopChanges, ems_workshop_changes, EMS, WORKSHOP_CHANGES, EmsWorkshopView)

/* How many organisations the view shows changes of */
guint ems_workshop_changes_get_n_follow_ups (EmsWorkshopChanges *self);

G_END_DECLS
