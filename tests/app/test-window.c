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
#include "window-test-helpers.h"
#include "ems-tooltip.h"
#include "ems-welcome-page.h"

EmsApplication *app;

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

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ems_test_init (&argc, &argv);

  /* The same program run under a French locale (test-window-fr) */
  if (g_getenv ("EMS_TEST_FRENCH") != NULL)
    {
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
  g_test_add_func ("/app/window/narrow", test_narrow_window);
  g_test_add_func ("/app/window/where-left-off", test_where_left_off);
  g_test_add_func ("/app/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app/window/main-menu", test_main_menu);
  g_test_add_func ("/app/window/present-single", test_present_single);
  g_test_add_func ("/app/window/complete-by-keyboard", test_complete_by_keyboard);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
