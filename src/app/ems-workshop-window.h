/* ems-workshop-window.h: workshop mode: many assessments compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-comparison.h"

G_BEGIN_DECLS

#define EMS_TYPE_WORKSHOP_WINDOW (ems_workshop_window_get_type ())

G_DECLARE_FINAL_TYPE (EmsWorkshopWindow, ems_workshop_window, EMS, WORKSHOP_WINDOW, AdwApplicationWindow)

EmsWorkshopWindow *ems_workshop_window_new             (GtkApplication    *application);
/* Adds @files to the set, loading them off the main thread. A folder adds
 * the .emsa files in it. Files that fail are listed in the Problems view
 * and left out. Files already in the set are skipped. */
void               ems_workshop_window_open_files      (EmsWorkshopWindow *self,
                                                        GFile            **files,
                                                        guint              n_files);
/* Shows @toast over the window (the overlay takes the floating ref) */
void               ems_workshop_window_add_toast       (EmsWorkshopWindow *self,
                                                        AdwToast          *toast);
gboolean           ems_workshop_window_is_busy         (EmsWorkshopWindow *self);
/* The set compared: empty until files are read, never NULL */
EmsComparison     *ems_workshop_window_get_comparison  (EmsWorkshopWindow *self);
gboolean           ems_workshop_window_get_anonymise   (EmsWorkshopWindow *self);
void               ems_workshop_window_set_anonymise   (EmsWorkshopWindow *self,
                                                        gboolean           anonymise);
/* Files that could not be loaded */
guint              ems_workshop_window_get_n_problems  (EmsWorkshopWindow *self);
/* "table", "radar", "distribution", "priorities", "changes", "problems":
 * each an EmsWorkshopView of the comparison */
void               ems_workshop_window_show_view       (EmsWorkshopWindow *self,
                                                        const char        *name);
GtkWidget         *ems_workshop_window_get_view        (EmsWorkshopWindow *self,
                                                        const char        *name);
gboolean           ems_workshop_window_view_is_visible (EmsWorkshopWindow *self,
                                                        const char        *name);
/* The participants table: a GtkGrid, see EMS_WORKSHOP_TABLE_FIRST_ROW in
 * ems-workshop-table.h; NULL while the set is empty */
GtkWidget         *ems_workshop_window_get_table       (EmsWorkshopWindow *self);
/* Participants drawn over the group mean in the radar (at most
 * EMS_CHART_MAX_SERIES - 1) */
void               ems_workshop_window_set_picked      (EmsWorkshopWindow *self,
                                                        const guint       *participants,
                                                        guint              n_participants);
/* Opens the presentation of the set, full screen */
GtkWindow         *ems_workshop_window_present_slides  (EmsWorkshopWindow *self);

G_END_DECLS
