/* ems-workshop-problems.h: the files that could not be read and are left
 * out of the comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-workshop-view.h"

G_BEGIN_DECLS

#define EMS_TYPE_WORKSHOP_PROBLEMS (ems_workshop_problems_get_type ())

G_DECLARE_FINAL_TYPE (EmsWorkshopProblems, ems_workshop_problems, EMS, WORKSHOP_PROBLEMS, EmsWorkshopView)

/* Adds @problems (EmsLoadProblem*, as ems_comparison_load_files_finish()
 * gives them) to the list; when the comparison is anonymised the files
 * are numbered, not named. */
void  ems_workshop_problems_add            (EmsWorkshopProblems *self,
                                            GPtrArray           *problems);
guint ems_workshop_problems_get_n_problems (EmsWorkshopProblems *self);

G_END_DECLS
