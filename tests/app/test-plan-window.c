/* test-plan-window.c: the drafted action plan and the next steps in the
 * window, under Xvfb; writes screenshots of the draft dialog, the phased
 * plan and a question with its step (tests/screenshots/plan-*.png)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-plan-window"

#include "config.h"

#include "ems-actions-page.h"
#include "ems-draft-dialog.h"
#include "ems-element-page.h"
#include "ems-plan-draft.h"
#include "ems-results-page.h"
#include "ems-step-view.h"
#include "ems-test-utils.h"

static EmsApplication *app;
static char *output_dir;

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (output_dir, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static EmsAssessment *
window_assessment (EmsWindow *window)
{
  return ems_document_get_assessment (ems_window_get_document (window));
}

static guint
actions_page_index (EmsWindow *window)
{
  for (guint i = 0; i < ems_window_get_n_pages (window); i++)
    if (EMS_IS_ACTIONS_PAGE (ems_window_get_page_widget (window, i)))
      return i;
  g_assert_not_reached ();
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

static void
test_draft_dialog (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsDocument *document = ems_window_get_document (window);
  EmsAssessment *assessment = window_assessment (window);
  guint index = actions_page_index (window);
  GtkWidget *page;
  EmsDraftDialog *dialog;
  g_autoptr(GArray) draft = ems_plan_draft (assessment, NULL, NULL);
  guint before = ems_assessment_get_n_actions (assessment);
  guint proposed;
  guint added;
  EmsAction *first;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  ems_window_show_page (window, index);
  page = ems_window_get_page_widget (window, index);
  ems_test_wait_drawn (GTK_WIDGET (window));

  dialog = EMS_DRAFT_DIALOG (ems_actions_page_draft (EMS_ACTIONS_PAGE (page)));
  ems_test_wait_until (is_mapped, dialog, 10, "the draft dialog");
  ems_test_wait_drawn (GTK_WIDGET (dialog));
  proposed = ems_draft_dialog_get_n_proposed (dialog);
  g_assert_cmpuint (proposed, ==, draft->len);
  g_assert_cmpuint (proposed, >=, 3);
  save_screenshot (GTK_WIDGET (dialog), "plan-draft-dialog.png");

  /* Untick the second, rename the first: N - 1 actions in one change */
  ems_draft_dialog_set_ticked (dialog, 1, FALSE);
  ems_draft_dialog_set_title_at (dialog, 0, "Our own first step");
  added = ems_draft_dialog_add (dialog);
  g_assert_cmpuint (added, ==, proposed - 1);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, before + proposed - 1);

  first = ems_assessment_get_action (assessment, before);
  g_assert_cmpstr (ems_action_get_title (first), ==, "Our own first step");
  g_assert_cmpstr (ems_action_get_question (first), ==,
                   g_array_index (draft, EmsPlanDraftItem, 0).question->id);
  g_assert_cmpuint (ems_action_get_phase (first), ==, g_array_index (draft, EmsPlanDraftItem, 0).phase);
  g_assert_cmpstr (ems_action_get_due (first), ==, g_array_index (draft, EmsPlanDraftItem, 0).due);
  for (guint i = before; i < ems_assessment_get_n_actions (assessment); i++)
    {
      EmsAction *action = ems_assessment_get_action (assessment, i);

      g_assert_cmpuint (ems_action_get_phase (action), >=, 1);
      g_assert_cmpuint (ems_action_get_phase (action), <=, 3);
      g_assert_cmpstr (ems_action_get_question (action), !=,
                       g_array_index (draft, EmsPlanDraftItem, 1).question->id);
    }

  ems_test_wait_drawn (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "plan-phased.png");

  /* One undo takes them all back; redo brings them again */
  ems_document_undo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, before);
  ems_document_redo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, before + proposed - 1);

  /* Drafting again proposes only the one left out */
  {
    g_autoptr(GArray) again = ems_plan_draft (assessment, NULL, NULL);

    g_assert_cmpuint (again->len, ==, 1);
    g_assert_cmpstr (g_array_index (again, EmsPlanDraftItem, 0).question->id, ==,
                     g_array_index (draft, EmsPlanDraftItem, 1).question->id);
  }

  ems_document_set_modified (document, FALSE);
  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_add_to_plan_from_question (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsDocument *document = ems_window_get_document (window);
  EmsAssessment *assessment = window_assessment (window);
  g_autoptr(GArray) steps = ems_plan_where_to_start (assessment, NULL);
  const EmsPlanStep *step;
  GtkWidget *element_page;
  GtkWidget *row;
  GtkWidget *view;
  EmsAction *action;
  g_autofree char *due = NULL;
  guint before = ems_assessment_get_n_actions (assessment);

  g_assert_cmpuint (steps->len, >, 0);
  /* A question with no action yet */
  step = NULL;
  for (guint i = 0; i < steps->len && step == NULL; i++)
    if (!ems_plan_has_action_for (assessment, g_array_index (steps, EmsPlanStep, i).question->id))
      step = &g_array_index (steps, EmsPlanStep, i);
  g_assert_nonnull (step);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 1300);
  ems_window_show_page (window, step->question->element);
  element_page = ems_window_get_page_widget (window, step->question->element);
  row = ems_element_page_get_question_row (EMS_ELEMENT_PAGE (element_page), step->question->id);
  view = find_descendant (row, EMS_TYPE_STEP_VIEW);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_visible (view));
  ems_test_wait_drawn (GTK_WIDGET (window));
  /* Scrolled into view: the focus on its button */
  gtk_widget_grab_focus (find_descendant (view, GTK_TYPE_BUTTON));
  ems_test_wait_drawn (GTK_WIDGET (window));
  ems_test_flush ();
  /* The question's card alone, with its step */
  save_screenshot (row, "plan-question-step.png");

  action = ems_step_view_add_to_plan (EMS_STEP_VIEW (view));
  g_assert_nonnull (action);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, before + 1);
  g_assert_true (ems_assessment_get_action (assessment, before) == action);
  g_assert_cmpstr (ems_action_get_question (action), ==, step->question->id);
  g_assert_cmpuint (ems_action_get_element (action), ==, step->question->element);
  g_assert_true (g_str_has_prefix (step->text, ems_action_get_title (action)));
  due = ems_plan_due_date (assessment, 90, NULL);
  g_assert_cmpstr (ems_action_get_due (action), ==, due);

  ems_document_undo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, before);

  /* At level 4 and N/A there is no step */
  ems_assessment_set_level (assessment, step->question->id, 4);
  g_assert_false (gtk_widget_get_visible (view));
  g_assert_null (ems_step_view_add_to_plan (EMS_STEP_VIEW (view)));
  ems_assessment_set_not_applicable (assessment, step->question->id, "not here");
  g_assert_false (gtk_widget_get_visible (view));
  ems_assessment_set_level (assessment, step->question->id, step->level);
  g_assert_true (gtk_widget_get_visible (view));

  ems_document_set_modified (document, FALSE);
  ems_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *builddir;

  app = ems_test_init (&argc, &argv);

  builddir = g_getenv ("G_TEST_BUILDDIR");
  output_dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_mkdir_with_parents (output_dir, 0755);

  g_test_add_func ("/app/plan/draft-dialog", test_draft_dialog);
  g_test_add_func ("/app/plan/add-to-plan-from-question", test_add_to_plan_from_question);

  {
    int status = g_test_run ();

    g_object_unref (app);
    g_free (output_dir);
    return status;
  }
}
