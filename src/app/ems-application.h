/* ems-application.h: the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EMS_TYPE_APPLICATION (ems_application_get_type ())

G_DECLARE_FINAL_TYPE (EmsApplication, ems_application, EMS, APPLICATION, AdwApplication)

EmsApplication *ems_application_new             (void);
/* NULL when the schema is not installed (running from an unconfigured tree) */
GSettings      *ems_application_get_settings    (EmsApplication *self);
/* Offers to restore what a killed process left behind (activate and open
 * do it once per process).
 * @parent: the window that shows the dialogs. */
void            ems_application_check_recovery  (EmsApplication *self,
                                                 GtkWindow      *parent);
/* Shows the keyboard shortcuts window of @window (win.show-help-overlay),
 * building it the first time. */

G_END_DECLS
