/* test-window.c: the window driven through its actions and widgets
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
#include "ems-tooltip.h"
#include "ems-welcome-page.h"

static EmsApplication *app;

static EmsAssessment *
window_assessment (EmsWindow *window)
{
  return ems_document_get_assessment (ems_window_get_document (window));
}

static EmsQuestionRow *
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

static const EmsAnswer *
answer (EmsWindow  *window,
        const char *question_id)
{
  return ems_assessment_get_answer (window_assessment (window), question_id);
}

/* What a mouse click does (gtk_widget_activate delays the click) */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
window_not_busy (gpointer user_data)
{
  return !ems_window_is_busy (user_data);
}

static gboolean
document_saved (gpointer user_data)
{
  EmsWindow *window = user_data;

  return !ems_window_is_busy (window) &&
         !ems_document_get_modified (ems_window_get_document (window));
}

/* @widget or its first descendant of @type */
static GtkWidget *
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
static GtkWidget *
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
static GtkWidget *
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
static GtkWidget *
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
static GtkWidget *
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
static GtkWidget *
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

/* Tests */

static void
test_open_example (void)
{
  g_autoptr(GFile) file = ems_test_get_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsAssessment *assessment = window_assessment (window);
  GtkWidget *profile;
  GtkWidget *name_row;
  const char *title;

  ems_test_wait_drawn (GTK_WIDGET (window));

  g_assert_false (ems_document_get_modified (ems_window_get_document (window)));
  g_assert_nonnull (ems_assessment_get_name (assessment));

  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_nonnull (strstr (title, ".emsa"));

  /* Opens where the user left off: an element page, not the profile */
  g_assert_cmpuint (ems_window_get_page (window), >=, 1);
  g_assert_cmpuint (ems_window_get_page (window), <=, 10);

  profile = ems_window_get_page_widget (window, EMS_WINDOW_PAGE_PROFILE);
  name_row = ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   ems_assessment_get_name (assessment));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_welcome_and_new (void)
{
  EmsWindow *window = ems_window_new (GTK_APPLICATION (app));
  EmsDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (ems_window_get_document (window));
  g_assert_true (ems_window_is_reusable (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  document = ems_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_true (ems_document_is_untitled (document));
  g_assert_false (ems_document_get_modified (document));
  /* An empty assessment starts on the profile */
  g_assert_cmpuint (ems_window_get_page (window), ==, EMS_WINDOW_PAGE_PROFILE);

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* The welcome page lists the examples by organisation; activating one
 * opens it in the window */
static void
test_welcome_example (void)
{
  g_autoptr(GFile) file = ems_test_get_example (1);
  g_autoptr(EmsAssessment) example = ems_assessment_load_from_file (NULL, file, NULL, NULL, NULL);
  EmsWindow *window = ems_window_new (GTK_APPLICATION (app));
  GtkWidget *welcome;
  GtkWidget *row;

  g_assert_nonnull (example);
  gtk_window_present (GTK_WINDOW (window));
  ems_test_wait_drawn (GTK_WIDGET (window));
  welcome = find_descendant (GTK_WIDGET (window), EMS_TYPE_WELCOME_PAGE);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (welcome));

  row = find_row_titled (welcome, ems_assessment_get_name (example));
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  ems_test_wait_until (window_not_busy, window, 30, "the example to open");
  g_assert_nonnull (ems_window_get_document (window));
  g_assert_true (g_file_equal (ems_document_get_file (ems_window_get_document (window)), file));
  g_assert_false (gtk_widget_get_mapped (welcome));

  /* Back to the welcome page: filled again */
  ems_window_show_welcome (window);
  ems_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_nonnull (find_row_titled (welcome, ems_assessment_get_name (example)));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_level_chooser (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsQuestionRow *row = question_row (window, "1.1");
  GtkWidget *button;

  for (guint level = 0; level <= EMS_LEVEL_MAX; level++)
    {
      button = ems_question_row_get_level_button (row, level);
      click (button);
      g_assert_cmpint (answer (window, "1.1")->state, ==, EMS_ANSWER_LEVEL);
      g_assert_cmpuint (answer (window, "1.1")->level, ==, level);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
    }

  g_assert_true (ems_document_get_modified (ems_window_get_document (window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_keyboard_levels (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsQuestionRow *row = question_row (window, "2.1");
  GtkWidget *note_row;
  GtkWidget *focus;

  ems_test_wait_drawn (GTK_WIDGET (window));
  ems_question_row_focus (row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));

  g_assert_true (ems_test_press_key (focus, GDK_KEY_3));
  g_assert_cmpint (answer (window, "2.1")->state, ==, EMS_ANSWER_LEVEL);
  g_assert_cmpuint (answer (window, "2.1")->level, ==, 3);

  /* The focus moved on to the next question: back to this one */
  ems_question_row_focus (row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (ems_test_press_key (focus, GDK_KEY_KP_0));
  g_assert_cmpuint (answer (window, "2.1")->level, ==, 0);

  /* The focus moved on to the next question: back to this one */
  ems_question_row_focus (row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (ems_test_press_key (focus, GDK_KEY_4));
  g_assert_cmpuint (answer (window, "2.1")->level, ==, 4);

  /* Typing digits in a note types them: no level change */
  note_row = ems_question_row_get_note_row (row);
  gtk_widget_grab_focus (note_row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_false (ems_test_press_key (focus, GDK_KEY_1));
  g_assert_cmpuint (answer (window, "2.1")->level, ==, 4);

  /* Alt+Page Down / Up move between elements */
  ems_window_show_page (window, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-element", NULL));
  g_assert_cmpuint (ems_window_get_page (window), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-element", NULL));
  g_assert_cmpuint (ems_window_get_page (window), ==, 2);
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "win.next-element");
    g_assert_true (g_strv_contains ((const char * const *) accels, "<Alt>Page_Down"));
  }

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_not_applicable_reason (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsQuestionRow *row = question_row (window, "1.2");
  GtkWidget *reason_row = ems_question_row_get_reason_row (row);
  GtkWidget *focus;

  ems_test_wait_drawn (GTK_WIDGET (window));
  ems_assessment_set_level (window_assessment (window), "1.2", 2);
  g_assert_false (gtk_widget_get_visible (reason_row));

  ems_question_row_focus (row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (ems_test_press_key (focus, GDK_KEY_n));
  g_assert_cmpint (answer (window, "1.2")->state, ==, EMS_ANSWER_NOT_APPLICABLE);
  g_assert_true (gtk_widget_get_visible (reason_row));

  /* The reason is required: shown as an error until given */
  if (answer (window, "1.2")->reason == NULL)
    g_assert_true (gtk_widget_has_css_class (reason_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (reason_row), "");
  g_assert_true (gtk_widget_has_css_class (reason_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (reason_row), "We have no outside stakeholders at all");
  g_assert_cmpstr (answer (window, "1.2")->reason, ==, "We have no outside stakeholders at all");
  g_assert_false (gtk_widget_has_css_class (reason_row, "error"));

  /* Choosing a level again keeps the reason for later */
  click (ems_question_row_get_level_button (row, 1));
  g_assert_cmpint (answer (window, "1.2")->state, ==, EMS_ANSWER_LEVEL);
  g_assert_false (gtk_widget_get_visible (reason_row));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_add_action (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (2);
  EmsWindow *window = ems_test_open_window (app, file);
  GListModel *actions = ems_assessment_get_actions (window_assessment (window));
  guint before = g_list_model_get_n_items (actions);
  g_autoptr(EmsAction) action = NULL;
  GtkWidget *page;

  question_row (window, "4.2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-action", "s", "4.2"));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, before + 1);
  action = g_list_model_get_item (actions, before);
  g_assert_cmpstr (ems_action_get_question (action), ==, "4.2");
  g_assert_cmpuint (ems_action_get_element (action), ==, 4);

  /* The action plan lists it, and sorts */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-actions", NULL));
  g_assert_cmpuint (ems_window_get_page (window), ==, 11);
  page = ems_window_get_page_widget (window, 11);
  g_assert_cmpuint (g_list_model_get_n_items (ems_actions_page_get_model (EMS_ACTIONS_PAGE (page))),
                    ==, before + 1);
  ems_actions_page_set_sort (EMS_ACTIONS_PAGE (page), EMS_ACTIONS_SORT_ELEMENT);
  {
    GListModel *sorted = ems_actions_page_get_model (EMS_ACTIONS_PAGE (page));
    guint last_element = 0;

    for (guint i = 0; i < g_list_model_get_n_items (sorted); i++)
      {
        g_autoptr(EmsAction) item = g_list_model_get_item (sorted, i);
        guint element = ems_action_get_element (item);

        if (element == 0)
          continue;
        g_assert_cmpuint (element, >=, last_element);
        last_element = element;
      }
  }

  /* An unlinked action from the plan itself: its row opens to edit it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-action", "s", ""));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, before + 2);
  {
    g_autoptr(EmsAction) added = g_list_model_get_item (actions, before + 1);
    GtkWidget *row = find_action_row (page, added);
    GtkWidget *title_row;

    g_assert_nonnull (row);
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
    title_row = find_row_titled (row, "What Needs to Be Done");
    g_assert_nonnull (title_row);
    gtk_editable_set_text (GTK_EDITABLE (title_row), "Label the drums");
    g_assert_cmpstr (ems_action_get_title (added), ==, "Label the drums");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Label the drums");
    ems_action_set_owner (added, "Priya");
    g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Priya"));

    /* Delete removes it from the plan */
    click (find_button_labelled (row, "_Delete"));
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, before + 1);
  }

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_save_and_reload (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsAssessment *assessment = window_assessment (window);
  EmsQuestionRow *row = question_row (window, "3.1");
  g_autoptr(EmsAssessment) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autoptr(GBytes) reloaded_bytes = NULL;
  GtkWidget *profile;

  click (ems_question_row_get_level_button (row, 2));
  gtk_editable_set_text (GTK_EDITABLE (ems_question_row_get_note_row (row)),
                         "Objetivos revisados · ünïcödé ✓");
  click (ems_question_row_get_level_button (question_row (window, "3.2"),
                                                          EMS_LEVEL_NA));
  gtk_editable_set_text (GTK_EDITABLE (ems_question_row_get_reason_row (question_row (window, "3.2"))),
                         "Sin metas externas");
  profile = ems_window_get_page_widget (window, EMS_WINDOW_PAGE_PROFILE);
  gtk_editable_set_text (GTK_EDITABLE (ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "site")),
                         "Planta 2, León");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-action", "s", "3.1");

  g_assert_true (ems_document_get_modified (ems_window_get_document (window)));
  ems_window_save_to (window, NULL);
  ems_test_wait_until (document_saved, window, 30, "the save to finish");
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  reloaded = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ems_assessment_get_answer (reloaded, "3.1")->note, ==,
                   "Objetivos revisados · ünïcödé ✓");
  g_assert_cmpuint (ems_assessment_get_answer (reloaded, "3.1")->level, ==, 2);
  g_assert_cmpint (ems_assessment_get_answer (reloaded, "3.2")->state, ==, EMS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (ems_assessment_get_answer (reloaded, "3.2")->reason, ==, "Sin metas externas");
  g_assert_cmpstr (ems_assessment_get_site (reloaded), ==, "Planta 2, León");

  saved_bytes = ems_assessment_serialize (assessment);
  reloaded_bytes = ems_assessment_serialize (reloaded);
  g_assert_true (g_bytes_equal (saved_bytes, reloaded_bytes));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_undo_redo (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsAssessment *assessment = window_assessment (window);
  EmsQuestionRow *row = question_row (window, "5.1");
  g_autoptr(EmsAnswer) original = NULL;
  g_autofree char *original_name = g_strdup (ems_assessment_get_name (assessment));
  GtkWidget *profile, *name_row, *note_row, *undo_button;
  guint other = 0;

  if (answer (window, "5.1") != NULL)
    original = ems_answer_copy (answer (window, "5.1"));
  if (original != NULL && original->state == EMS_ANSWER_LEVEL && original->level == 0)
    other = 1;

  /* Nothing to undo in a file just opened: win.undo is disabled (its
   * button too), and activating it changes nothing */
  undo_button = find_action_button (GTK_WIDGET (window), "win.undo");
  g_assert_nonnull (undo_button);
  g_assert_false (ems_document_get_can_undo (ems_window_get_document (window)));
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (ems_document_get_modified (ems_window_get_document (window)));
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, original_name);

  /* A level through the chooser */
  click (ems_question_row_get_level_button (row, other));
  g_assert_cmpuint (answer (window, "5.1")->level, ==, other);
  g_assert_true (gtk_widget_get_sensitive (undo_button));

  /* A note typed in several steps is one undo step */
  note_row = ems_question_row_get_note_row (row);
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Dra");
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Draft procedure");

  /* A profile edit */
  profile = ems_window_get_page_widget (window, EMS_WINDOW_PAGE_PROFILE);
  name_row = ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Renamed Ltd.");
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, "Renamed Ltd.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, original_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, original_name);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (answer (window, "5.1")->note, ==, original ? original->note : NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==,
                   original && original->note ? original->note : "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  if (original != NULL)
    g_assert_true (ems_answer_equal (answer (window, "5.1"), original));
  else
    g_assert_true (answer (window, "5.1") == NULL || ems_answer_is_empty (answer (window, "5.1")));

  /* Redo all three */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (answer (window, "5.1")->level, ==, other);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ems_question_row_get_level_button (row, other))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (answer (window, "5.1")->note, ==, "Draft procedure");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, "Renamed Ltd.");
  g_assert_false (ems_document_get_can_redo (ems_window_get_document (window)));

  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.undo");
    g_assert_cmpstr (accels[0], ==, "<Control>z");
  }

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
on_destroyed (gpointer  data,
              GObject  *where)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static void
test_close_unsaved (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (2);
  EmsWindow *window = ems_test_open_window (app, file);
  AdwMessageDialog *dialog;
  gboolean destroyed = FALSE;
  g_autoptr(EmsAssessment) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_object_weak_ref (G_OBJECT (window), on_destroyed, &destroyed);
  ems_assessment_set_level (window_assessment (window), "6.1", 1);

  /* Cancel keeps the window and the changes */
  gtk_window_close (GTK_WINDOW (window));
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  ems_test_respond (dialog, "cancel");
  g_assert_false (destroyed);
  g_assert_true (ems_document_get_modified (ems_window_get_document (window)));

  /* Save saves, then closes */
  gtk_window_close (GTK_WINDOW (window));
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  ems_test_respond (dialog, "save");
  ems_test_wait_until (flag_set, &destroyed, 30, "the window to close after saving");

  reloaded = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ems_assessment_get_answer (reloaded, "6.1")->level, ==, 1);

  /* Discard closes without writing */
  window = ems_test_open_window (app, file);
  destroyed = FALSE;
  g_object_weak_ref (G_OBJECT (window), on_destroyed, &destroyed);
  ems_assessment_set_level (window_assessment (window), "6.1", 4);
  gtk_window_close (GTK_WINDOW (window));
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  ems_test_respond (dialog, "discard");
  ems_test_wait_until (flag_set, &destroyed, 30, "the window to close");

  g_clear_object (&reloaded);
  reloaded = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ems_assessment_get_answer (reloaded, "6.1")->level, ==, 1);
}

static void
test_bad_file_keeps_document (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsDocument *document = ems_window_get_document (window);
  g_autoptr(GBytes) before = ems_assessment_serialize (window_assessment (window));
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) bad = g_file_get_child (dir, "broken-file.emsa");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  const char *garbage = "{ \"format\": \"ten-elements-assessment\", \"answers\": [1, 2";

  g_file_replace_contents (bad, garbage, strlen (garbage), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  ems_window_open_file (window, bad);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, "broken-file.emsa"));
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  ems_test_respond (dialog, "close");
  ems_test_wait_until (window_not_busy, window, 30, "the window to be idle");

  g_assert_true (ems_window_get_document (window) == document);
  g_assert_false (ems_document_get_modified (document));
  after = ems_assessment_serialize (window_assessment (window));
  g_assert_true (g_bytes_equal (before, after));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_save_error (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  EmsWindow *window = ems_test_open_window (app, file);
  g_autoptr(GFile) unwritable = g_file_new_for_path ("/proc/ten-elements-cannot-write-here/x.emsa");
  AdwMessageDialog *dialog;

  ems_assessment_set_level (window_assessment (window), "7.1", 2);
  ems_window_save_to (window, unwritable);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, ".emsa"));
  ems_test_respond (dialog, "close");
  ems_test_wait_until (window_not_busy, window, 30, "the window to be idle");

  g_assert_true (ems_document_get_modified (ems_window_get_document (window)));
  g_assert_true (g_file_equal (ems_document_get_file (ems_window_get_document (window)), file));
  g_assert_cmpuint (answer (window, "7.1")->level, ==, 2);

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_profile_validation (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsAssessment *assessment = window_assessment (window);
  GtkWidget *profile = ems_window_get_page_widget (window, EMS_WINDOW_PAGE_PROFILE);
  GtkWidget *employees = ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "employees");
  GtkWidget *date = ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "assessed-on");
  GtkWidget *name = ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "name");
  int before = ems_assessment_get_employees (assessment);
  g_autofree char *date_title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date)));
  static const struct
  {
    const char *text;
    const char *problem;
  } bad_dates[] = {
    { "2026-02-30", "no such day" },
    { "2026-02-29", "no such day" },
    { "2026-13-01", "no such day" },
    { "2026-00-10", "no such day" },
    { "0000-01-01", "no such day" },
    { "2026-2-3", "2026-11-23" },
    { "2026-02-3x", "2026-11-23" },
    { "20261120", "2026-11-23" },
    { "2026/11/20", "2026-11-23" },
    { "+026-11-20", "2026-11-23" },
    { "2026- 1-20", "2026-11-23" },
    { "next week", "2026-11-23" },
  };
  static const char *good_dates[] = { "2024-02-29", "2026-12-31", " 2026-01-05 " };

  ems_window_show_page (window, EMS_WINDOW_PAGE_PROFILE);

  gtk_editable_set_text (GTK_EDITABLE (employees), "about forty");
  g_assert_true (gtk_widget_has_css_class (employees, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (employees)), ==, "about forty");
  /* The model keeps the last valid number (replacing the text passes
   * through an empty field, which is not applied while text follows) */
  g_assert_cmpint (ems_assessment_get_employees (assessment), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (employees), "42");
  g_assert_false (gtk_widget_has_css_class (employees, "error"));
  g_assert_cmpint (ems_assessment_get_employees (assessment), ==, 42);

  /* Typing an invalid number, then editing another field, keeps the text */
  gtk_editable_set_text (GTK_EDITABLE (employees), "forty-two");
  gtk_editable_set_text (GTK_EDITABLE (name), "Renamed while typing");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (employees)), ==, "forty-two");
  g_assert_true (gtk_widget_has_css_class (employees, "error"));
  gtk_editable_set_text (GTK_EDITABLE (employees), "42");

  /* Dates: only real ISO dates. The model keeps the last valid date; the
   * field keeps what was typed, in the error style, with the reason in
   * its title. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (date), "2026-11-20");
      g_assert_false (gtk_widget_has_css_class (date, "error"));
      g_assert_cmpstr (ems_assessment_get_assessed_on (assessment), ==, "2026-11-20");

      gtk_editable_set_text (GTK_EDITABLE (date), bad_dates[i].text);
      g_test_message ("date “%s”", bad_dates[i].text);
      g_assert_true (gtk_widget_has_css_class (date, "error"));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, bad_dates[i].text);
      g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date)),
                                bad_dates[i].problem));
      g_assert_cmpstr (ems_tooltip_get_text (date), ==,
                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date)));
      ems_test_flush ();
      g_assert_cmpstr (ems_assessment_get_assessed_on (assessment), ==, "2026-11-20");

      /* Another edit, and its undo, leave the typed text alone */
      gtk_editable_set_text (GTK_EDITABLE (name), bad_dates[i].text);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, bad_dates[i].text);
      g_assert_true (gtk_widget_has_css_class (date, "error"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_dates); i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (good_dates[i]));

      g_test_message ("date “%s”", good_dates[i]);
      gtk_editable_set_text (GTK_EDITABLE (date), good_dates[i]);
      g_assert_false (gtk_widget_has_css_class (date, "error"));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date)), ==, date_title);
      g_assert_null (ems_tooltip_get_text (date));
      g_assert_cmpstr (ems_assessment_get_assessed_on (assessment), ==, stripped);
    }

  /* A field left empty clears the date */
  gtk_editable_set_text (GTK_EDITABLE (date), "");
  ems_test_flush ();
  g_assert_null (ems_assessment_get_assessed_on (assessment));
  g_assert_false (gtk_widget_has_css_class (date, "error"));

  /* Undoing the date puts the earlier one back in the field, without
   * the error */
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-11-20");
  gtk_editable_set_text (GTK_EDITABLE (name), "Another name");
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-03-01");
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-02-30");
  g_assert_cmpstr (ems_assessment_get_assessed_on (assessment), ==, "2026-03-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ems_assessment_get_assessed_on (assessment), ==, "2026-11-20");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2026-11-20");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date)), ==, date_title);
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-11-20");

  /* The country: Canada, Mexico and the United States come first, after
   * "Not stated", which clears it; the model follows the row both ways. */
  {
    GtkWidget *country = ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "country");

    g_assert_cmpstr (ems_assessment_get_country (assessment), ==, "CA");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (country)), ==, 1);
    adw_combo_row_set_selected (ADW_COMBO_ROW (country), 2);
    g_assert_cmpstr (ems_assessment_get_country (assessment), ==, "MX");
    adw_combo_row_set_selected (ADW_COMBO_ROW (country), 0);
    g_assert_null (ems_assessment_get_country (assessment));
    ems_assessment_set_country (assessment, "US");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (country)), ==, 3);
  }

  ems_document_set_modified (ems_window_get_document (window), FALSE);
  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_narrow_window (void)
{
  g_autoptr(GFile) file = ems_test_get_example (0);
  EmsWindow *window = ems_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_present (GTK_WINDOW (window));
  ems_window_open_file (window, file);
  ems_test_wait_until (window_not_busy, window, 30, "the file to open");
  ems_test_wait_drawn (GTK_WIDGET (window));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-element", NULL));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
has_focus_in_page (gpointer user_data)
{
  EmsWindow *window = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *page = ems_window_get_page_widget (window, ems_window_get_page (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, page);
}

/* Reopening a half-done assessment lands on the first unanswered question */
static void
test_where_left_off (void)
{
  g_autoptr(GFile) file = ems_test_get_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsAssessment *assessment = window_assessment (window);
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  guint expected = 0;
  GtkWidget *focus;
  GtkWidget *row;
  const EmsAnswer *focused_answer;

  for (guint i = 0; i < scores->n_elements && expected == 0; i++)
    if (scores->elements[i].n_answered + scores->elements[i].n_not_applicable <
        scores->elements[i].n_questions)
      expected = i + 1;
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (ems_window_get_page (window), ==, expected);

  ems_test_wait_drawn (GTK_WIDGET (window));
  ems_test_wait_until (has_focus_in_page, window, 30, "the focus on the page");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  row = gtk_widget_get_ancestor (focus, EMS_TYPE_QUESTION_ROW);
  g_assert_nonnull (row);
  focused_answer = ems_assessment_get_answer (assessment,
                                              ems_question_row_get_question (EMS_QUESTION_ROW (row))->id);
  g_assert_true (focused_answer == NULL || focused_answer->state == EMS_ANSWER_UNANSWERED);

  ems_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
shortcuts_window_shown (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(GtkWindow **) user_data = window;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GFile) file = ems_test_get_example (1);
  EmsWindow *window = ems_test_open_window (app, file);
  GtkWindow *shortcuts = NULL;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.show-help-overlay");
  GLogLevelFlags fatal;

  /* GTK 4.8's shortcuts window measures a keycap label at -3 px and warns
   * ("reported min width -3"): GTK's noise, not ours. Warnings are not
   * fatal while it is shown; criticals still are. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ems_test_wait_until (shortcuts_window_shown, &shortcuts, 30, "the shortcuts window");
  ems_test_wait_drawn (GTK_WIDGET (shortcuts));
  gtk_window_close (shortcuts);
  ems_test_flush ();
  g_log_set_always_fatal (fatal);

  ems_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
presentation_shown (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (EMS_IS_PRESENTATION (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(GtkWindow **) user_data = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* F5 presents the open assessment alone, as slides */
static GtkMenuButton *
find_visible_menu_button (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0)
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_visible_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
popover_shown (gpointer user_data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (user_data));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The main menu is built when first opened */
static void
test_main_menu (void)
{
  g_autoptr(GFile) file = ems_test_get_example (1);
  EmsWindow *window = ems_test_open_window (app, file);
  GtkMenuButton *button;
  GMenuModel *model;
  gboolean has_shortcuts = FALSE;

  ems_test_wait_drawn (GTK_WIDGET (window));
  button = find_visible_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_menu_model (button));

  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  ems_test_wait_until (popover_shown, button, 10, "the main menu");

  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "win.show-help-overlay"))
            has_shortcuts = TRUE;
        }
    }
  g_assert_true (has_shortcuts);

  gtk_menu_button_popdown (button);
  ems_test_flush ();
  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_present_single (void)
{
  g_autoptr(GFile) file = ems_test_get_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  GtkWindow *presentation = NULL;
  EmsComparison *comparison;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  ems_test_wait_until (presentation_shown, &presentation, 30, "the presentation");
  ems_test_wait_drawn (GTK_WIDGET (presentation));

  comparison = ems_presentation_get_comparison (EMS_PRESENTATION (presentation));
  g_assert_cmpuint (ems_comparison_get_n_participants (comparison), ==, 1);
  /* A copy of the document's assessment, as it was when the slides opened */
  g_assert_cmpstr (ems_assessment_get_name (ems_comparison_get_assessment (comparison, 0)), ==,
                   ems_assessment_get_name (ems_document_get_assessment (ems_window_get_document (window))));
  g_assert_cmpuint (ems_presentation_get_n_slides (EMS_PRESENTATION (presentation)), >=, 2);

  ems_test_destroy_window (presentation);
  ems_test_destroy_window (GTK_WINDOW (window));
}

/* A whole new assessment answered from the keyboard, saved and reopened */
static void
test_complete_by_keyboard (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  EmsWindow *window = ems_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) dir_file = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(EmsAssessment) reloaded = NULL;
  g_autoptr(EmsScores) scores = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ems-test-XXXXXX", &error);
  EmsAssessment *assessment;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ems_window_new_document (window);
  assessment = window_assessment (window);
  ems_test_wait_drawn (GTK_WIDGET (window));

  /* Alt+Page Down from the profile to element 1, and on through the ten */
  for (guint e = 1; e <= ems_checklist_get_n_elements (checklist); e++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, e);
      GtkWidget *page;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-element", NULL));
      g_assert_cmpuint (ems_window_get_page (window), ==, e);
      page = ems_window_get_page_widget (window, e);

      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsQuestion *question = element->questions[q];
          GtkWidget *row = ems_element_page_get_question_row (EMS_ELEMENT_PAGE (page), question->id);
          GtkWidget *focus;
          guint key = (question->index % 5 == 4 && q == 0) ? GDK_KEY_n : GDK_KEY_0 + question->index % 5;

          ems_question_row_focus (EMS_QUESTION_ROW (row));
          focus = gtk_root_get_focus (GTK_ROOT (window));
          g_assert_true (ems_test_press_key (focus, key));
          if (key == GDK_KEY_n)
            {
              /* The reason field has the focus: type the reason */
              focus = gtk_root_get_focus (GTK_ROOT (window));
              g_assert_true (gtk_widget_is_ancestor (focus, ems_question_row_get_reason_row (EMS_QUESTION_ROW (row))));
              gtk_editable_set_text (GTK_EDITABLE (ems_question_row_get_reason_row (EMS_QUESTION_ROW (row))),
                                     "Not done here");
            }
        }
    }

  scores = ems_scores_compute (assessment);
  g_assert_cmpfloat (scores->coverage, ==, 1.0);

  file = g_file_new_build_filename (dir, "keyboard.emsa", NULL);
  ems_window_save_to (window, file);
  ems_test_wait_until (document_saved, window, 30, "the save to finish");

  reloaded = ems_assessment_load_from_file (checklist, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&scores, ems_scores_free);
  scores = ems_scores_compute (reloaded);
  g_assert_cmpfloat (scores->coverage, ==, 1.0);
  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);

      g_assert_true (ems_answer_equal (ems_assessment_get_answer (reloaded, question->id),
                                       ems_assessment_get_answer (assessment, question->id)));
    }

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* The window size is kept in GSettings when a window closes */
static void
test_window_size_kept (void)
{
  GSettings *settings = ems_application_get_settings (app);
  EmsWindow *window;
  gboolean destroyed = FALSE;
  int width, height;

  g_assert_nonnull (settings);
  window = ems_window_new (GTK_APPLICATION (app));
  g_object_weak_ref (G_OBJECT (window), on_destroyed, &destroyed);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
  ems_test_wait_drawn (GTK_WIDGET (window));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);

  gtk_window_close (GTK_WINDOW (window));
  ems_test_wait_until (flag_set, &destroyed, 30, "the window to close");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height);

  /* A new window starts at that size */
  window = ems_window_new (GTK_APPLICATION (app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, g_settings_get_int (settings, "window-width"));
  ems_test_destroy_window (GTK_WINDOW (window));
}

/* The window keeps its size in the settings it is given (the application
 * gives none: the window opens the schema itself) */
static void
test_window_settings_property (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) own = NULL;
  g_autoptr(GSettings) shown = NULL;
  EmsWindow *window;
  int width, height;

  g_assert_nonnull (schema);
  own = g_settings_new_full (schema, backend, NULL);
  g_settings_set_int (own, "window-width", 777);
  g_settings_set_int (own, "window-height", 555);
  g_settings_set_boolean (own, "window-maximized", FALSE);

  window = g_object_new (EMS_TYPE_WINDOW, "application", app, "settings", own, NULL);
  g_object_get (window, "settings", &shown, NULL);
  g_assert_true (shown == own);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  ems_test_destroy_window (GTK_WINDOW (window));

  /* Without: the application's schema, the same values as the application */
  window = ems_window_new (GTK_APPLICATION (app));
  g_clear_object (&shown);
  g_object_get (window, "settings", &shown, NULL);
  g_assert_nonnull (shown);
  g_assert_cmpint (g_settings_get_int (shown, "window-width"), ==,
                   g_settings_get_int (ems_application_get_settings (app), "window-width"));
  ems_test_destroy_window (GTK_WINDOW (window));
}

/* A file dropped on the window opens */
static void
test_drop_file (void)
{
  g_autoptr(GFile) file = ems_test_get_example (2);
  EmsWindow *window = ems_window_new (GTK_APPLICATION (app));
  g_autoptr(GListModel) controllers = NULL;
  GSList *files = g_slist_append (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (dropped);

  ems_test_wait_until (window_not_busy, window, 30, "the dropped file to open");
  g_assert_nonnull (ems_window_get_document (window));
  g_assert_true (g_file_equal (ems_document_get_file (ems_window_get_document (window)), file));

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* Run under fr_FR.UTF-8 (the test-window-fr test): the figures shown to
 * people have a decimal comma, and the file saved is the one a C locale
 * writes */
static void
test_french_numbers (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  g_autoptr(EmsScores) scores = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *after = NULL;
  gsize n_after;
  g_autoptr(EmsAssessment) reloaded = NULL;
  g_autoptr(EmsScores) reloaded_scores = NULL;
  g_autoptr(GError) error = NULL;
  locale_t c_locale, old_locale;
  g_autoptr(GBytes) expected = NULL;
  EmsWindow *window;

  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  window = ems_test_open_window (app, file);
  scores = ems_scores_compute (window_assessment (window));
  g_assert_true (scores->has_overall);
  g_assert_cmpfloat (scores->overall, !=, floor (scores->overall));
  overall = ems_format_percent (TRUE, scores->overall);
  g_assert_nonnull (strchr (overall, ','));
  g_assert_null (strchr (overall, '.'));
  /* The sidebar's progress line and the results row show it */
  g_assert_nonnull (find_label_with (GTK_WIDGET (window), overall));

  /* Saved under the French locale: what the C locale writes */
  c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  old_locale = uselocale (c_locale);
  expected = ems_assessment_serialize (window_assessment (window));
  uselocale (old_locale);
  freelocale (c_locale);

  ems_window_save_to (window, NULL);
  ems_test_wait_until (document_saved, window, 30, "the save to finish");
  g_assert_true (g_file_load_contents (file, NULL, &after, &n_after, NULL, NULL));
  g_assert_cmpmem (after, n_after, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  /* and it reads back to the same figures */
  reloaded = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  reloaded_scores = ems_scores_compute (reloaded);
  g_assert_cmpfloat (reloaded_scores->overall, ==, scores->overall);

  ems_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ems_test_init (&argc, &argv);

  /* The same program run under a French locale (test-window-fr) */
  if (g_getenv ("EMS_TEST_FRENCH") != NULL)
    {
      g_test_add_func ("/app/window/french-numbers", test_french_numbers);
      status = g_test_run ();
      g_object_unref (app);
      return status;
    }

  g_test_add_func ("/app/window/open-example", test_open_example);
  g_test_add_func ("/app/window/welcome-and-new", test_welcome_and_new);
  g_test_add_func ("/app/window/welcome-example", test_welcome_example);
  g_test_add_func ("/app/window/level-chooser", test_level_chooser);
  g_test_add_func ("/app/window/keyboard-levels", test_keyboard_levels);
  g_test_add_func ("/app/window/not-applicable-reason", test_not_applicable_reason);
  g_test_add_func ("/app/window/add-action", test_add_action);
  g_test_add_func ("/app/window/save-and-reload", test_save_and_reload);
  g_test_add_func ("/app/window/undo-redo", test_undo_redo);
  g_test_add_func ("/app/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/app/window/bad-file-keeps-document", test_bad_file_keeps_document);
  g_test_add_func ("/app/window/save-error", test_save_error);
  g_test_add_func ("/app/window/profile-validation", test_profile_validation);
  g_test_add_func ("/app/window/narrow", test_narrow_window);
  g_test_add_func ("/app/window/where-left-off", test_where_left_off);
  g_test_add_func ("/app/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app/window/main-menu", test_main_menu);
  g_test_add_func ("/app/window/present-single", test_present_single);
  g_test_add_func ("/app/window/drop-file", test_drop_file);
  g_test_add_func ("/app/window/window-size-kept", test_window_size_kept);
  g_test_add_func ("/app/window/settings-property", test_window_settings_property);
  g_test_add_func ("/app/window/complete-by-keyboard", test_complete_by_keyboard);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
