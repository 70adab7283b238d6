/* ems-actions-page.h: the action plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_ACTIONS_PAGE (ems_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (EmsActionsPage, ems_actions_page, EMS, ACTIONS_PAGE, GtkWidget)

typedef enum
{
  EMS_ACTIONS_SORT_DUE,
  EMS_ACTIONS_SORT_ELEMENT,
} EmsActionsSort;

GtkWidget *ems_actions_page_new        (EmsAssessment  *assessment);
void       ems_actions_page_set_sort   (EmsActionsPage *self,
                                        EmsActionsSort  sort);
/* The sorted model the list shows */
GListModel *ems_actions_page_get_model (EmsActionsPage *self);
/* Expands the row of @action and focuses its title */
void       ems_actions_page_edit       (EmsActionsPage *self,
                                        EmsAction      *action);

/* Opens the "Draft an Action Plan" dialog over the page's window */
GtkWidget      *ems_actions_page_draft     (EmsActionsPage *self);

G_END_DECLS
