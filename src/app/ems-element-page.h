/* ems-element-page.h: the page of one element and its questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ems-assessment.h"

G_BEGIN_DECLS

#define EMS_TYPE_ELEMENT_PAGE (ems_element_page_get_type ())

G_DECLARE_FINAL_TYPE (EmsElementPage, ems_element_page, EMS, ELEMENT_PAGE, GtkWidget)

GtkWidget *ems_element_page_new                  (EmsAssessment  *assessment,
                                                  guint           element);
guint      ems_element_page_get_element          (EmsElementPage *self);
GtkWidget *ems_element_page_get_question_row     (EmsElementPage *self,
                                                  const char     *question_id);
/* Focuses the first unanswered question (or the first); TRUE when one was
 * unanswered. */
gboolean   ems_element_page_focus_first_unanswered (EmsElementPage *self);

G_END_DECLS
