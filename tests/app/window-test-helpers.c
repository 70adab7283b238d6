/* window-test-helpers.c: what the window test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ems-action-row.h"
#include "ems-actions-page.h"
#include "ems-element-page.h"
#include "ems-profile-page.h"
#include "ems-question-row.h"
#include "ems-scores.h"
#include "ems-presentation.h"
#include "ems-test-utils.h"
#include "window-test-helpers.h"
#include "ems-tooltip.h"
#include "ems-welcome-page.h"

EmsAssessment *
window_assessment (EmsWindow *window)
{
  return ems_document_get_assessment (ems_window_get_document (window));
}

EmsQuestionRow *
question_row (EmsWindow  *window,
              const char *question_id)
{
  guint element = (guint) g_ascii_strtoull (question_id, NULL, 10);
  GtkWidget *page;
  GtkWidget *row;

  ems_window_show_page (window, element);
  page = ems_window_get_page_widget (window, element);
  g_assert_true (EMS_IS_ELEMENT_PAGE (page));
  row = ems_element_page_get_question_row (EMS_ELEMENT_PAGE (page), question_id);
  g_assert_nonnull (row);
  return EMS_QUESTION_ROW (row);
}

const EmsAnswer *
answer (EmsWindow  *window,
        const char *question_id)
{
  return ems_assessment_get_answer (window_assessment (window), question_id);
}

/* What a mouse click does (gtk_widget_activate delays the click) */
void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

gboolean
window_not_busy (gpointer user_data)
{
  return !ems_window_is_busy (user_data);
}

gboolean
document_saved (gpointer user_data)
{
  EmsWindow *window = user_data;

  return !ems_window_is_busy (window) &&
         !ems_document_get_modified (ems_window_get_document (window));
}

/* @widget or its first descendant of @type */
GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A visible label under @widget whose text contains @text */
GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button under @widget that activates @action */
GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row under @widget that shows @action */
GtkWidget *
find_action_row (GtkWidget *widget,
                 EmsAction *action)
{
  if (EMS_IS_ACTION_ROW (widget) && ems_action_row_get_action (EMS_ACTION_ROW (widget)) == action)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_row (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button under @widget labelled @label */
GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row (not an expander) under @widget titled @title */
GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && !ADW_IS_EXPANDER_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}
