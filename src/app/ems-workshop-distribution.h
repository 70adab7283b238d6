/* ems-workshop-distribution.h: the answers to one element, one row per
 * participant, with the element's statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-workshop-view.h"

G_BEGIN_DECLS

#define EMS_TYPE_WORKSHOP_DISTRIBUTION (ems_workshop_distribution_get_type ())

G_DECLARE_FINAL_TYPE (EmsWorkshopDistribution, ems_workshop_distribution, EMS, WORKSHOP_DISTRIBUTION, EmsWorkshopView)

/* The element shown, 1-based */
guint ems_workshop_distribution_get_element (EmsWorkshopDistribution *self);
void  ems_workshop_distribution_set_element (EmsWorkshopDistribution *self,
                                             guint                    number);

G_END_DECLS
