/* ems-profile-page.h: the organisation profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_PROFILE_PAGE (ems_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (EmsProfilePage, ems_profile_page, EMS, PROFILE_PAGE, GtkWidget)

GtkWidget *ems_profile_page_new        (EmsAssessment  *assessment);
/* For tests: "name", "site", "sector", "employees", "assessor", "assessed-on" */
GtkWidget *ems_profile_page_get_row    (EmsProfilePage *self,
                                        const char     *property);
/* Translated name of an ISO 3166-1 alpha-2 code we list, else NULL */
const char *ems_country_name           (const char     *code);

G_END_DECLS
