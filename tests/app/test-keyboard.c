/* test-keyboard.c: answering from the keyboard, the focus always in view,
 * the level chooser as a screen reader sees it, the sidebar at every size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-keyboard"

#include "config.h"

#include <string.h>

#include "ems-element-page.h"
#include "ems-profile-page.h"
#include "ems-question-row.h"
#include "ems-scores.h"
#include "ems-test-utils.h"

static EmsApplication *app;

static EmsAssessment *
window_assessment (EmsWindow *window)
{
  return ems_document_get_assessment (ems_window_get_document (window));
}

static const EmsAnswer *
answer (EmsWindow  *window,
        const char *question_id)
{
  return ems_assessment_get_answer (window_assessment (window), question_id);
}

static GtkWidget *
focus_of (EmsWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static EmsQuestionRow *
focused_row (EmsWindow *window)
{
  GtkWidget *focus = focus_of (window);

  return focus ? EMS_QUESTION_ROW (gtk_widget_get_ancestor (focus, EMS_TYPE_QUESTION_ROW)) : NULL;
}

static const char *
focused_question (EmsWindow *window)
{
  EmsQuestionRow *row = focused_row (window);

  return row ? ems_question_row_get_question (row)->id : NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static EmsElementPage *
element_page (EmsWindow *window,
              guint      element)
{
  ems_window_show_page (window, element);
  return EMS_ELEMENT_PAGE (ems_window_get_page_widget (window, element));
}

static gboolean
page_focused (gpointer user_data)
{
  EmsWindow *window = user_data;
  GtkWidget *focus = focus_of (window);
  GtkWidget *page = ems_window_get_page_widget (window, ems_window_get_page (window));

  return focus != NULL && page != NULL && gtk_widget_is_ancestor (focus, page);
}

/* The whole of @widget lies in its page's scrolled view */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_nonnull (scroller);
  if (!gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return gtk_widget_get_height (scroller) > 0 && bounds.origin.y >= -1 &&
         bounds.origin.y + MIN (bounds.size.height, gtk_widget_get_height (scroller)) <=
         gtk_widget_get_height (scroller) + 1;
}

typedef struct { GtkWidget *widget; } Target;

static gboolean
target_in_view (gpointer user_data)
{
  return in_view (((Target *) user_data)->widget);
}

static void
assert_in_view (GtkWidget  *widget,
                const char *what)
{
  Target target = { widget };

  ems_test_wait_until (target_in_view, &target, 10, what);
}

static gboolean
window_opened (gpointer user_data)
{
  return !ems_window_is_busy (user_data) && ems_window_get_document (user_data) != NULL;
}

static EmsWindow *
open_sized (GFile *file,
            int    width,
            int    height)
{
  EmsWindow *window = ems_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_present (GTK_WINDOW (window));
  if (file != NULL)
    {
      ems_window_open_file (window, file);
      ems_test_wait_until (window_opened, window, 30, "the file to open");
    }
  ems_test_wait_drawn (GTK_WIDGET (window));
  return window;
}

/* Opened, with the focus placed where the user left off (an idle) */
static EmsWindow *
open_settled (GFile *file)
{
  EmsWindow *window = ems_test_open_window (app, file);

  ems_test_wait_drawn (GTK_WIDGET (window));
  ems_test_wait_until (page_focused, window, 30, "the focus where left off");
  return window;
}

/* From a new assessment: each question of element 1 answered with one key,
 * the focus moving on by itself */
static void
test_one_key_a_question (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  const EmsElement *element = ems_checklist_get_element (checklist, 1);
  EmsWindow *window = open_sized (NULL, 1366, 768);
  guint presses = 0;

  ems_window_new_document (window);
  ems_test_wait_drawn (GTK_WIDGET (window));
  element_page (window, 1);
  ems_element_page_focus_first_unanswered (element_page (window, 1));
  g_assert_cmpstr (focused_question (window), ==, element->questions[0]->id);

  for (guint q = 0; q < element->n_questions; q++)
    {
      const char *id = element->questions[q]->id;

      g_assert_cmpstr (focused_question (window), ==, id);
      assert_in_view (GTK_WIDGET (focused_row (window)), "the focused question in view");
      g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_0 + q % 5));
      presses++;
      g_assert_cmpint (answer (window, id)->state, ==, EMS_ANSWER_LEVEL);
      g_assert_cmpuint (answer (window, id)->level, ==, q % 5);
    }
  /* Far below 3 keys a question */
  g_assert_cmpuint (presses, <=, 3 * element->n_questions);
  /* Past the last question: the Next button */
  g_assert_true (GTK_IS_BUTTON (focus_of (window)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus_of (window))), ==,
                   "win.next-element");
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* Left and Right in reading order, never wrapping; Down/Up and J/K between
 * questions; Enter opens the note */
static void
test_arrows (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  EmsWindow *window = open_settled (file);
  EmsElementPage *page = element_page (window, 3);
  EmsQuestionRow *row = EMS_QUESTION_ROW (ems_element_page_get_question_row (page, "3.1"));
  guint n_focusable = 0;

  ems_test_wait_drawn (GTK_WIDGET (window));
  ems_assessment_clear_level (window_assessment (window), "3.1");
  ems_question_row_focus (row);
  g_assert_true (focus_of (window) == ems_question_row_get_level_button (row, 0));

  /* One Tab stop */
  for (guint i = 0; i < EMS_N_LEVELS; i++)
    n_focusable += gtk_widget_get_focusable (ems_question_row_get_level_button (row, i));
  g_assert_cmpuint (n_focusable, ==, 1);

  for (guint i = 1; i < EMS_N_LEVELS; i++)
    {
      g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_Right));
      g_assert_true (focus_of (window) == ems_question_row_get_level_button (row, i));
    }
  /* Right at the end stays there: never backwards */
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_Right));
  g_assert_true (focus_of (window) == ems_question_row_get_level_button (row, EMS_LEVEL_NA));
  for (int i = EMS_N_LEVELS - 2; i >= 0; i--)
    {
      g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_Left));
      g_assert_true (focus_of (window) == ems_question_row_get_level_button (row, i));
    }
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_Left));
  g_assert_true (focus_of (window) == ems_question_row_get_level_button (row, 0));
  /* Moving does not answer */
  g_assert_true (answer (window, "3.1") == NULL || answer (window, "3.1")->state == EMS_ANSWER_UNANSWERED);

  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_Down));
  g_assert_cmpstr (focused_question (window), ==, "3.2");
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_j));
  g_assert_cmpstr (focused_question (window), ==, "3.3");
  assert_in_view (GTK_WIDGET (focused_row (window)), "3.3 in view");
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_k));
  g_assert_cmpstr (focused_question (window), ==, "3.2");
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_Up));
  g_assert_cmpstr (focused_question (window), ==, "3.1");

  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_Return));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), ems_question_row_get_note_row (row)));
  /* In the note, keys type */
  g_assert_false (ems_test_press_key (focus_of (window), GDK_KEY_j));
  g_assert_cmpstr (focused_question (window), ==, "3.1");

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_auto_advance_off (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  EmsWindow *window = open_settled (file);
  g_autoptr(GSettings) settings = NULL;
  EmsQuestionRow *row;

  g_object_get (window, "settings", &settings, NULL);
  g_assert_nonnull (settings);
  g_assert_true (g_settings_get_boolean (settings, "auto-advance"));
  /* The menu toggle is the setting */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.auto-advance", NULL));
  g_assert_false (g_settings_get_boolean (settings, "auto-advance"));

  row = EMS_QUESTION_ROW (ems_element_page_get_question_row (element_page (window, 2), "2.2"));
  ems_test_wait_drawn (GTK_WIDGET (window));
  ems_question_row_focus (row);
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_2));
  g_assert_cmpuint (answer (window, "2.2")->level, ==, 2);
  g_assert_cmpstr (focused_question (window), ==, "2.2");
  g_assert_true (focus_of (window) == ems_question_row_get_level_button (row, 2));
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_3));
  g_assert_cmpuint (answer (window, "2.2")->level, ==, 3);

  g_settings_reset (settings, "auto-advance");
  ems_test_destroy_window (GTK_WINDOW (window));
}

/* Reopening: the first unanswered question focused, in view, with a ring */
static void
test_focus_after_open (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = open_sized (file, 1024, 600);
  EmsAssessment *assessment = window_assessment (window);
  EmsChecklist *checklist = ems_checklist_get_default ();
  const EmsElement *element = ems_checklist_get_element (checklist, ems_window_get_page (window));
  const char *first = NULL;
  EmsQuestionRow *row;

  g_assert_nonnull (element);
  for (guint q = 0; q < element->n_questions && first == NULL; q++)
    {
      const EmsAnswer *a = ems_assessment_get_answer (assessment, element->questions[q]->id);

      if (a == NULL || a->state == EMS_ANSWER_UNANSWERED)
        first = element->questions[q]->id;
    }
  g_assert_nonnull (first);

  ems_test_wait_until (page_focused, window, 30, "the focus on the page");
  g_assert_cmpstr (focused_question (window), ==, first);
  row = focused_row (window);
  assert_in_view (GTK_WIDGET (row), "the first unanswered question in view");
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* N: the reason field takes the focus, in view */
static void
test_n_focuses_reason (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  EmsWindow *window = open_sized (file, 1024, 600);
  EmsElementPage *page = element_page (window, 4);
  EmsChecklist *checklist = ems_checklist_get_default ();
  const EmsElement *element = ems_checklist_get_element (checklist, 4);
  const char *id = element->questions[element->n_questions - 1]->id;
  EmsQuestionRow *row = EMS_QUESTION_ROW (ems_element_page_get_question_row (page, id));
  GtkWidget *reason = ems_question_row_get_reason_row (row);

  ems_test_wait_until (page_focused, window, 30, "the focus where left off");
  ems_assessment_clear_level (window_assessment (window), id);
  ems_question_row_focus (row);
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_n));
  g_assert_cmpint (answer (window, id)->state, ==, EMS_ANSWER_NOT_APPLICABLE);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), reason));
  assert_in_view (reason, "the reason field in view");

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* A radio group named by its question; radios, the chosen one checked */
static void
test_accessible (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  EmsWindow *window = open_settled (file);
  EmsQuestionRow *row = EMS_QUESTION_ROW (ems_element_page_get_question_row (element_page (window, 1), "1.3"));
  const EmsQuestion *question = ems_question_row_get_question (row);
  GtkWidget *chooser = gtk_widget_get_parent (ems_question_row_get_level_button (row, 0));
  g_autofree char *name = g_strdup_printf ("Question %s: %s", question->id, question->text);

  ems_assessment_set_level (window_assessment (window), "1.3", 3);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  for (guint i = 0; i < EMS_N_LEVELS; i++)
    {
      GtkWidget *button = ems_question_row_get_level_button (row, i);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_RADIO);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                                        i == 3 ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE);
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_POS_IN_SET, (int) i + 1);
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_SET_SIZE, EMS_N_LEVELS);
      g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED));
    }
  {
    EmsChecklist *checklist = ems_checklist_get_default ();
    g_autofree char *level3 = g_strdup_printf ("Level 3, %s", ems_checklist_get_level_label (checklist, 3));

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ems_question_row_get_level_button (row, 3)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, level3);
  }

  /* Choosing by key moves "checked" */
  ems_question_row_focus (row);
  g_assert_true (ems_test_press_key (focus_of (window), GDK_KEY_1));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (ems_question_row_get_level_button (row, 1)),
                                    GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (ems_question_row_get_level_button (row, 3)),
                                    GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE);

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* Moving through the sidebar never switches pages; activating does */
static void
test_sidebar_focus (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  EmsWindow *window = open_sized (file, 1366, 768);
  GtkListBox *list;
  guint page;

  ems_test_wait_until (page_focused, window, 30, "the focus where left off");

  ems_window_show_page (window, 2);
  page = ems_window_get_page (window);
  list = GTK_LIST_BOX (find_with_class (GTK_WIDGET (window), "navigation-sidebar"));

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 5)));
  gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_DOWN);
  g_assert_cmpuint (ems_window_get_page (window), ==, page);
  /* What the arrow keys do: move the cursor, which selects */
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  ems_test_flush ();
  g_assert_cmpuint (ems_window_get_page (window), ==, page);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, page));

  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 7), "activate");
  g_assert_cmpuint (ems_window_get_page (window), ==, 7);

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* New: the organisation's name takes the focus */
static void
test_new_focuses_name (void)
{
  EmsWindow *window = open_sized (NULL, 1366, 768);
  GtkWidget *profile;

  ems_window_new_document (window);
  ems_test_wait_until (page_focused, window, 30, "the focus on the profile");
  profile = ems_window_get_page_widget (window, EMS_WINDOW_PAGE_PROFILE);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window),
                                         ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "name")));

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* The sidebar folds when narrow, with a back button; wide, it stays */
static void
test_sizes (void)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1024, 768 }, { 800, 600 }, { 360, 640 } };
  g_autoptr(GFile) file = ems_test_get_example (0);
  const char *dir = g_getenv ("EMS_KEYBOARD_SCREENSHOTS");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      EmsWindow *window = open_sized (file, sizes[i][0], sizes[i][1]);
      AdwLeaflet *leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
      gboolean narrow = sizes[i][0] < 700;

      ems_test_wait_drawn (GTK_WIDGET (window));
      g_test_message ("%d×%d: window %d, folded %d", sizes[i][0], sizes[i][1],
                      gtk_widget_get_width (GTK_WIDGET (window)), adw_leaflet_get_folded (leaflet));
      g_assert_cmpint (adw_leaflet_get_folded (leaflet), ==, narrow);
      if (narrow)
        g_assert_true (gtk_widget_get_visible (find_with_class (GTK_WIDGET (window), "back-button")));
      if (dir != NULL)
        {
          g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
          g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
          g_autoptr(GskRenderNode) node = NULL;
          g_autoptr(GdkTexture) texture = NULL;
          g_autofree char *name = g_strdup_printf ("%s/keyboard-%dx%d.png", dir, sizes[i][0], sizes[i][1]);
          int w = gtk_widget_get_width (GTK_WIDGET (window));
          int h = gtk_widget_get_height (GTK_WIDGET (window));

          gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
          g_assert_nonnull (node);
          texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                                 &GRAPHENE_RECT_INIT (0, 0, w, h));
          g_assert_true (gdk_texture_save_to_png (texture, name));
        }
      ems_test_destroy_window (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ems_test_init (&argc, &argv);

  g_test_add_func ("/app/keyboard/one-key-a-question", test_one_key_a_question);
  g_test_add_func ("/app/keyboard/arrows", test_arrows);
  g_test_add_func ("/app/keyboard/auto-advance-off", test_auto_advance_off);
  g_test_add_func ("/app/keyboard/focus-after-open", test_focus_after_open);
  g_test_add_func ("/app/keyboard/n-focuses-reason", test_n_focuses_reason);
  g_test_add_func ("/app/keyboard/accessible", test_accessible);
  g_test_add_func ("/app/keyboard/sidebar-focus", test_sidebar_focus);
  g_test_add_func ("/app/keyboard/new-focuses-name", test_new_focuses_name);
  g_test_add_func ("/app/keyboard/sizes", test_sizes);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
