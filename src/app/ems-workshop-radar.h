/* ems-workshop-radar.h: the workshop's group radar, with participants to
 * draw over the group mean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-workshop-view.h"

G_BEGIN_DECLS

#define EMS_TYPE_WORKSHOP_RADAR (ems_workshop_radar_get_type ())

G_DECLARE_FINAL_TYPE (EmsWorkshopRadar, ems_workshop_radar, EMS, WORKSHOP_RADAR, EmsWorkshopView)

/* At most EMS_CHART_MAX_SERIES - 1 participants drawn over the group mean */
#define EMS_WORKSHOP_RADAR_MAX_PICKED (EMS_CHART_MAX_SERIES - 1)

void         ems_workshop_radar_set_picked (EmsWorkshopRadar *self,
                                            const guint      *participants,
                                            guint             n_participants);
const guint *ems_workshop_radar_get_picked (EmsWorkshopRadar *self,
                                            guint            *n_participants);

G_END_DECLS
