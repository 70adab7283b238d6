/* ems-presentation.h: full-screen slides of a comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-comparison.h"

G_BEGIN_DECLS

#define EMS_TYPE_PRESENTATION (ems_presentation_get_type ())

G_DECLARE_FINAL_TYPE (EmsPresentation, ems_presentation, EMS, PRESENTATION, AdwWindow)

/* Slides of @comparison; the radar draws @picked participants (at most
 * EMS_CHART_MAX_SERIES - 1) over the group mean. The slides follow the
 * comparison's anonymise setting, also while they are shown. */
EmsPresentation *ems_presentation_new                 (GtkApplication  *application,
                                                       EmsComparison   *comparison,
                                                       const guint     *picked,
                                                       guint            n_picked);
/* A one-participant comparison of @assessment */
EmsPresentation *ems_presentation_new_for_assessment  (GtkApplication  *application,
                                                       EmsAssessment   *assessment);
/* Presents the window full screen */
void             ems_presentation_start               (EmsPresentation *self);
EmsComparison   *ems_presentation_get_comparison      (EmsPresentation *self);
guint            ems_presentation_get_n_slides        (EmsPresentation *self);
guint            ems_presentation_get_slide           (EmsPresentation *self);
void             ems_presentation_set_slide           (EmsPresentation *self,
                                                       guint            slide);
/* The counter as shown, "3 / 12" */
const char      *ems_presentation_get_counter_text    (EmsPresentation *self);

G_END_DECLS
