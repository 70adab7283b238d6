/* ems-workshop-table.h: the workshop's participants × elements table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-workshop-view.h"

G_BEGIN_DECLS

#define EMS_TYPE_WORKSHOP_TABLE (ems_workshop_table_get_type ())

G_DECLARE_FINAL_TYPE (EmsWorkshopTable, ems_workshop_table, EMS, WORKSHOP_TABLE, EmsWorkshopView)

/* Columns of the grid (gtk_grid_get_child_at): column 0 the participant,
 * 1..n_elements the elements, then the overall score. Row 0 is the
 * header, rows 1..n_participants the participants, then the statistics:
 * mean, median, lowest, highest, standard deviation, scored. */
#define EMS_WORKSHOP_TABLE_FIRST_ROW 1

/* The grid, or NULL while there is no participant */
GtkWidget *ems_workshop_table_get_grid (EmsWorkshopTable *self);

G_END_DECLS
