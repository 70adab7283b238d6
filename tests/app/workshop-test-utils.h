/* workshop-test-utils.h: what the workshop tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ems-workshop-window.h"

G_BEGIN_DECLS

char              *ems_workshop_test_temp_dir       (void);
/* "broken.emsa" in @dir: a file cut short */
GFile             *ems_workshop_test_write_broken   (const char      *dir);
/* "baseline.emsa" in @dir: a copy of example @index assessed a year
 * earlier, element 1 all at level 0 and element 2 all at level 4 */
GFile             *ems_workshop_test_write_baseline (const char      *dir,
                                                     guint            index);
/* The window has read what it was given */
gboolean           ems_workshop_test_loaded         (gpointer         window);
/* A workshop window of @files, undecorated at @width × @height, loaded
 * and drawn */
EmsWorkshopWindow *ems_workshop_test_open           (GtkApplication  *app,
                                                     GFile          **files,
                                                     guint            n_files,
                                                     int              width,
                                                     int              height);
void               ems_workshop_test_destroy        (gpointer         window);

G_END_DECLS
