/* ems-welcome-page.h: what the window shows without a document: new, open,
 * the recent assessments and the bundled examples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EMS_TYPE_WELCOME_PAGE (ems_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (EmsWelcomePage, ems_welcome_page, EMS, WELCOME_PAGE, AdwBin)

/* The page emits "open-file" (a GFile) when a recent assessment or an
 * example is activated; "New" and "Open" activate app.new and app.open. */
GtkWidget  *ems_welcome_page_new            (void);
/* Reads the recent files and the examples again */
void        ems_welcome_page_refresh        (EmsWelcomePage *self);
GMenuModel *ems_welcome_page_get_menu_model (EmsWelcomePage *self);
void        ems_welcome_page_set_menu_model (EmsWelcomePage *self,
                                             GMenuModel     *menu_model);

G_END_DECLS
