/* test-results.c: the results page, the window's exports and printing,
 * under Xvfb; writes screenshots of the results page, light and dark, into
 * the build directory (tests/screenshots/results-*.png)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-results"

#include "config.h"

#include <string.h>
#include <gtk/gtkunixprint.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ems-element-page.h"
#include "ems-question-row.h"
#include "ems-results-page.h"
#include "ems-scores.h"
#include "ems-test-utils.h"
#include "ems-window-export.h"

static EmsApplication *app;
static char *output_dir;

static EmsAssessment *
window_assessment (EmsWindow *window)
{
  return ems_document_get_assessment (ems_window_get_document (window));
}

static guint
results_page_index (EmsWindow *window)
{
  /* The results page is the last one */
  return ems_window_get_n_pages (window) - 1;
}

static EmsResultsPage *
show_results (EmsWindow *window)
{
  GtkWidget *page;

  ems_window_show_page (window, results_page_index (window));
  page = ems_window_get_page_widget (window, results_page_index (window));
  g_assert_true (EMS_IS_RESULTS_PAGE (page));
  ems_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (page));

  return EMS_RESULTS_PAGE (page);
}

static void
assert_page_matches (EmsResultsPage *page,
                     EmsAssessment  *assessment)
{
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autofree char *overall = ems_format_percent (scores->has_overall, scores->overall);
  g_autofree char *target = ems_format_percent (TRUE, scores->target);

  g_assert_cmpstr (ems_results_page_get_overall_text (page), ==, overall);

  for (guint i = 0; i < scores->n_elements; i++)
    {
      const EmsElementScore *es = &scores->elements[i];
      g_autofree char *score = ems_format_percent (es->has_score, es->score);
      g_autofree char *gap = ems_format_percent (es->has_score, es->gap);
      g_autofree char *coverage = ems_format_percent (TRUE, es->coverage * 100.0);
      const char *title = ems_checklist_get_element (ems_assessment_get_checklist (assessment),
                                                     es->number)->title;

      g_assert_nonnull (strstr (ems_results_page_get_cell_text (page, es->number, EMS_RESULTS_COLUMN_ELEMENT),
                                title));
      g_assert_cmpstr (ems_results_page_get_cell_text (page, es->number, EMS_RESULTS_COLUMN_SCORE), ==, score);
      g_assert_cmpstr (ems_results_page_get_cell_text (page, es->number, EMS_RESULTS_COLUMN_TARGET), ==, target);
      g_assert_cmpstr (ems_results_page_get_cell_text (page, es->number, EMS_RESULTS_COLUMN_GAP), ==, gap);
      g_assert_cmpstr (ems_results_page_get_cell_text (page, es->number, EMS_RESULTS_COLUMN_BAND), ==,
                       ems_band_to_label (es->band));
      g_assert_cmpstr (ems_results_page_get_cell_text (page, es->number, EMS_RESULTS_COLUMN_COVERAGE), ==,
                       coverage);
      /* Told in words, not by colour alone */
      g_assert_cmpstr (ems_results_page_get_cell_text (page, es->number, EMS_RESULTS_COLUMN_RED_FLAG), !=, "");
    }
}

static void
assert_descriptions (EmsResultsPage *page,
                     EmsAssessment  *assessment)
{
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  g_autoptr(EmsRadarData) radar = ems_radar_data_new_from_scores (checklist, scores, NULL);
  g_autoptr(EmsGapBarsData) gaps = ems_gap_bars_data_new_from_scores (checklist, scores);
  g_autofree char *radar_text = ems_radar_data_describe (radar);
  g_autofree char *gaps_text = ems_gap_bars_data_describe (gaps);
  GtkWidget *radar_area = ems_results_page_get_chart_area (page, EMS_CHART_RADAR);
  GtkWidget *gaps_area = ems_results_page_get_chart_area (page, EMS_CHART_GAPS);

  g_assert_cmpuint (strlen (radar_text), >, 20);
  g_assert_cmpuint (strlen (gaps_text), >, 20);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (radar_area),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, radar_text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gaps_area),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gaps_text);
}

typedef struct
{
  EmsResultsPage *page;
  const char     *expected;
} TextWait;

static gboolean
overall_is (gpointer user_data)
{
  TextWait *wait = user_data;

  return g_strcmp0 (ems_results_page_get_overall_text (wait->page), wait->expected) == 0;
}

/* A question answered at a level other than @avoid, or any answered one */
static const char *
find_answered_question (EmsAssessment *assessment,
                        guint         *level)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);
      const EmsAnswer *answer = ems_assessment_get_answer (assessment, question->id);

      if (answer != NULL && answer->state == EMS_ANSWER_LEVEL && answer->level < EMS_LEVEL_MAX)
        {
          *level = answer->level;
          return question->id;
        }
    }

  g_assert_not_reached ();
  return NULL;
}

static void
test_values (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsAssessment *assessment = window_assessment (window);
  EmsResultsPage *page = show_results (window);
  g_autoptr(EmsScores) after = NULL;
  g_autofree char *expected = NULL;
  const char *question_id;
  guint level = 0;
  TextWait wait;
  GtkWidget *radar_area;
  GtkWidget *gaps_area;

  assert_page_matches (page, assessment);
  assert_descriptions (page, assessment);

  radar_area = ems_results_page_get_chart_area (page, EMS_CHART_RADAR);
  gaps_area = ems_results_page_get_chart_area (page, EMS_CHART_GAPS);
  g_object_add_weak_pointer (G_OBJECT (radar_area), (gpointer *) &radar_area);

  /* A change through the model shows at once */
  question_id = find_answered_question (assessment, &level);
  ems_assessment_set_level (assessment, question_id, EMS_LEVEL_MAX);
  after = ems_scores_compute (assessment);
  expected = ems_format_percent (after->has_overall, after->overall);
  wait.page = page;
  wait.expected = expected;
  ems_test_wait_until (overall_is, &wait, 30, "the overall score to follow the change");
  ems_test_wait_drawn (GTK_WIDGET (window));
  assert_page_matches (page, assessment);
  assert_descriptions (page, assessment);

  /* The chart areas are kept (redrawn, never rebuilt) */
  g_assert_nonnull (radar_area);
  g_assert_true (ems_results_page_get_chart_area (page, EMS_CHART_RADAR) == radar_area);
  g_assert_true (ems_results_page_get_chart_area (page, EMS_CHART_GAPS) == gaps_area);
  g_assert_true (gtk_widget_get_mapped (radar_area));
  g_object_remove_weak_pointer (G_OBJECT (radar_area), (gpointer *) &radar_area);

  /* A change while hidden shows when the page comes back */
  ems_window_show_page (window, 1);
  ems_test_wait_drawn (GTK_WIDGET (window));
  ems_assessment_set_level (assessment, question_id, 0);
  show_results (window);
  assert_page_matches (page, assessment);

  ems_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
focus_in_row (gpointer user_data)
{
  GtkWidget **data = user_data;
  EmsWindow *window = EMS_WINDOW (data[0]);
  GtkWidget *row = data[1];
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
test_show_question (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsAssessment *assessment = window_assessment (window);
  EmsResultsPage *page = show_results (window);
  g_autoptr(GPtrArray) buttons = ems_results_page_get_question_buttons (page);
  const EmsQuestion *question;
  GtkWidget *element_page;
  GtkWidget *row;
  GtkWidget *data[2];
  const char *id;

  g_assert_cmpuint (buttons->len, >, 0);
  id = g_object_get_data (G_OBJECT (g_ptr_array_index (buttons, 0)), "question-id");
  g_assert_nonnull (id);
  question = ems_checklist_lookup_question (ems_assessment_get_checklist (assessment), id);
  g_assert_nonnull (question);

  /* Each listed question is below the target */
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *qid = g_object_get_data (G_OBJECT (g_ptr_array_index (buttons, i)), "question-id");
      const EmsAnswer *answer = ems_assessment_get_answer (assessment, qid);

      g_assert_nonnull (answer);
      g_assert_cmpint (answer->state, ==, EMS_ANSWER_LEVEL);
      g_assert_cmpuint (answer->level, <, ems_assessment_get_target_level (assessment));
    }

  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  g_assert_cmpuint (ems_window_get_page (window), ==, question->element);
  element_page = ems_window_get_page_widget (window, question->element);
  row = ems_element_page_get_question_row (EMS_ELEMENT_PAGE (element_page), question->id);
  g_assert_nonnull (row);
  data[0] = GTK_WIDGET (window);
  data[1] = row;
  ems_test_wait_until (focus_in_row, data, 30, "the focus on the question");

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* Exports */

typedef struct
{
  EmsWindow *window;
  guint      n;
} FinishWait;

static gboolean
export_finished (gpointer user_data)
{
  FinishWait *wait = user_data;

  return ems_window_export_get_n_finished (wait->window) > wait->n &&
         !ems_window_export_is_running (wait->window);
}

static void
wait_export (EmsWindow *window,
             guint      before)
{
  FinishWait wait = { window, before };

  ems_test_wait_until (export_finished, &wait, 60, "the export to finish");
  ems_test_flush ();
}

static void
assert_toast_names (EmsWindow  *window,
                    GFile      *file)
{
  AdwToast *toast = ems_window_export_get_last_toast (window);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  GVariant *target;

  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), basename));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-export");
  target = adw_toast_get_action_target_value (toast);
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
assert_starts_with (GFile      *file,
                    const char *magic)
{
  g_autoptr(GBytes) bytes = read_file (file);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_true (memcmp (data, magic, strlen (magic)) == 0);
}

/* Pages in a PDF file written by Cairo (its page objects are plain text) */
static guint
count_pdf_pages (GFile *file)
{
  g_autoptr(GBytes) bytes = read_file (file);
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  guint n = 0;

  /* Binary streams may hold NULs: search the whole buffer */
  for (gsize i = 0; i + 11 < length; i++)
    if (memcmp (text + i, "/Type /Page", 11) == 0 && text[i + 11] != 's')
      n++;
  return n;
}

static void
png_size (GFile *file,
          int   *width,
          int   *height)
{
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);
  cairo_surface_destroy (surface);
}

static GFile *
export_one (EmsWindow     *window,
            GFile         *dir,
            const char    *name,
            EmsExportKind  kind)
{
  GFile *file = g_file_get_child (dir, name);
  guint before = ems_window_export_get_n_finished (window);

  ems_window_export_to_file (window, kind, file);
  wait_export (window, before);
  g_assert_true (g_file_query_exists (file, NULL));
  assert_toast_names (window, file);

  return file;
}

static GFile *
export_chart (EmsWindow    *window,
              GFile        *dir,
              const char   *name,
              EmsChartKind  kind,
              double        scale)
{
  GFile *file = g_file_get_child (dir, name);
  guint before = ems_window_export_get_n_finished (window);

  ems_window_export_chart_to_file (window, kind, scale, file);
  wait_export (window, before);
  g_assert_true (g_file_query_exists (file, NULL));
  assert_toast_names (window, file);

  return file;
}

/* Deletes @file and, for a folder, what it holds */
static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) enumerator =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  while (enumerator != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static GFile *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("ems-test-export-XXXXXX", &error);

  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
test_exports (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (1);
  g_autoptr(GFile) dir = make_temp_dir ();
  EmsWindow *window = ems_test_open_window (app, file);
  g_autoptr(GFile) xlsx = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GFile) printed = NULL;
  g_autoptr(GFile) png1 = NULL;
  g_autoptr(GFile) png2 = NULL;
  g_autoptr(GFile) svg = NULL;
  g_autoptr(GFile) chart_pdf = NULL;
  int w1, h1, w2, h2;

  show_results (window);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));

  xlsx = export_one (window, dir, "results.xlsx", EMS_EXPORT_WORKBOOK);
  assert_starts_with (xlsx, "PK");

  pdf = export_one (window, dir, "report.pdf", EMS_EXPORT_REPORT);
  assert_starts_with (pdf, "%PDF");

  /* Printing, with the print dialog's "export to a file" */
  printed = export_one (window, dir, "printed.pdf", EMS_EXPORT_PRINT);
  assert_starts_with (printed, "%PDF");
  /* The same drawing code, the same pages */
  g_assert_cmpuint (count_pdf_pages (printed), >, 1);
  g_assert_cmpuint (count_pdf_pages (printed), ==, count_pdf_pages (pdf));

  png1 = export_chart (window, dir, "radar.png", EMS_CHART_RADAR, 1);
  png2 = export_chart (window, dir, "radar@2x.png", EMS_CHART_RADAR, 2);
  assert_starts_with (png1, "\x89PNG");
  png_size (png1, &w1, &h1);
  png_size (png2, &w2, &h2);
  g_assert_cmpint (w1, >, 0);
  g_assert_cmpint (w2, ==, 2 * w1);
  g_assert_cmpint (h2, ==, 2 * h1);

  svg = export_chart (window, dir, "gaps.svg", EMS_CHART_GAPS, 1);
  {
    g_autoptr(GBytes) bytes = read_file (svg);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_nonnull (strstr (text, "<svg"));
  }
  chart_pdf = export_chart (window, dir, "distribution.pdf", EMS_CHART_DISTRIBUTION, 1);
  assert_starts_with (chart_pdf, "%PDF");

  ems_test_destroy_window (GTK_WINDOW (window));
  remove_tree (dir);
}

/* Through the action and its file chooser (GTK's own dialog here: no
 * portal outside a sandbox), answered as a user would */

typedef struct
{
  GtkWindow *parent;
  GtkWindow *dialog;
} ChooserWait;

static gboolean
find_chooser (gpointer user_data)
{
  ChooserWait *wait = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && GTK_IS_DIALOG (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          wait->dialog = window;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *folder;
  GFile          *file;
} FolderWait;

static gboolean
chooser_has_file (gpointer user_data)
{
  FolderWait *wait = user_data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (wait->chooser);

  return file != NULL && g_file_equal (file, wait->file);
}

static gboolean
chooser_in_folder (gpointer user_data)
{
  FolderWait *wait = user_data;
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (wait->chooser);

  return current != NULL && g_file_equal (current, wait->folder);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
test_export_action (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  g_autoptr(GFile) dir = make_temp_dir ();
  EmsWindow *window = ems_test_open_window (app, file);
  ChooserWait wait = { GTK_WINDOW (window), NULL };
  guint before = ems_window_export_get_n_finished (window);
  g_autoptr(GFile) expected = NULL;
  FolderWait folder_wait;

  ems_test_wait_drawn (GTK_WIDGET (window));
  /* The chooser opens in the last folder used */
  {
    g_autofree char *uri = g_file_get_uri (dir);

    g_settings_set_string (ems_application_get_settings (app), "last-folder", uri);
  }
  {
    g_auto(GStrv) workbook = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export-workbook");
    g_auto(GStrv) print = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");

    g_assert_true (g_strv_contains ((const char * const *) workbook, "<Control>e"));
    g_assert_true (g_strv_contains ((const char * const *) print, "<Control>p"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-workbook", NULL));
  ems_test_wait_until (find_chooser, &wait, 30, "the file chooser");

  /* The name offered ends in .xlsx; the user types one without it */
  folder_wait.chooser = GTK_FILE_CHOOSER (wait.dialog);
  folder_wait.folder = dir;
  ems_test_wait_until (chooser_in_folder, &folder_wait, 30, "the chooser to show the folder");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (wait.dialog), "from-action");
  folder_wait.file = g_file_get_child (dir, "from-action");
  ems_test_wait_until (chooser_has_file, &folder_wait, 30, "the chooser to take the name");
  g_clear_object (&folder_wait.file);
  gtk_dialog_response (GTK_DIALOG (wait.dialog), GTK_RESPONSE_ACCEPT);

  wait_export (window, before);
  expected = g_file_get_child (dir, "from-action.xlsx");
  g_assert_true (g_file_query_exists (expected, NULL));
  assert_starts_with (expected, "PK");
  assert_toast_names (window, expected);

  ems_test_destroy_window (GTK_WINDOW (window));
  remove_tree (dir);
}

/* Selects item @index in the drop-down of @widget that has @n_items */
static gboolean
pick_choice (GtkWidget *widget,
             guint      n_items,
             guint      index)
{
  if (GTK_IS_DROP_DOWN (widget) &&
      g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) == n_items)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), index);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (pick_choice (child, n_items, index))
      return TRUE;

  return FALSE;
}

/* win.export-chart: the chart and the PNG scale are choices in the chooser */
static void
test_export_chart_action (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  g_autoptr(GFile) dir = make_temp_dir ();
  EmsWindow *window = ems_test_open_window (app, file);
  ChooserWait wait = { GTK_WINDOW (window), NULL };
  guint before = ems_window_export_get_n_finished (window);
  g_autoptr(GFile) expected = NULL;
  FolderWait folder_wait;
  double width, height;
  int png_width, png_height;

  ems_test_wait_drawn (GTK_WIDGET (window));
  {
    g_autofree char *uri = g_file_get_uri (dir);

    g_settings_set_string (ems_application_get_settings (app), "last-folder", uri);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-chart", NULL));
  ems_test_wait_until (find_chooser, &wait, 30, "the file chooser");
  folder_wait.chooser = GTK_FILE_CHOOSER (wait.dialog);
  folder_wait.folder = dir;
  ems_test_wait_until (chooser_in_folder, &folder_wait, 30, "the chooser to show the folder");

  /* The gap bars, at 2×, named without an extension: PNG, the first filter */
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (wait.dialog), "chart"), ==, "radar");
  /* As a user picks them: GTK 4.8's set_choice() does not reach the
   * drop-downs of its own dialog */
  pick_choice (GTK_WIDGET (wait.dialog), EMS_CHART_N_KINDS, EMS_CHART_GAPS);
  pick_choice (GTK_WIDGET (wait.dialog), 2, 1);
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (wait.dialog), "chart"), ==, "gaps");
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (wait.dialog), "scale"), ==, "2");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (wait.dialog), "chart-action");
  folder_wait.file = g_file_get_child (dir, "chart-action");
  ems_test_wait_until (chooser_has_file, &folder_wait, 30, "the chooser to take the name");
  g_clear_object (&folder_wait.file);
  gtk_dialog_response (GTK_DIALOG (wait.dialog), GTK_RESPONSE_ACCEPT);

  wait_export (window, before);
  expected = g_file_get_child (dir, "chart-action.png");
  g_assert_true (g_file_query_exists (expected, NULL));
  assert_toast_names (window, expected);
  ems_chart_get_default_size (EMS_CHART_GAPS, &width, &height);
  png_size (expected, &png_width, &png_height);
  g_assert_cmpint (png_width, ==, (int) (2 * width + 0.5));
  g_assert_cmpint (png_height, ==, (int) (2 * height + 0.5));

  ems_test_destroy_window (GTK_WINDOW (window));
  remove_tree (dir);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
find_print_dialog (gpointer user_data)
{
  GtkWindow **dialog = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *dialog = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
export_idle (gpointer user_data)
{
  return !ems_window_export_is_running (user_data);
}

/* win.print shows the print dialog; cancelling it leaves the window ready */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
test_print_dialog (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  EmsWindow *window = ems_test_open_window (app, file);
  GtkWindow *dialog = NULL;

  ems_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  ems_test_wait_until (find_print_dialog, &dialog, 30, "the print dialog");
  g_assert_true (ems_window_export_is_running (window));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  ems_test_wait_until (export_idle, window, 30, "the print operation to end");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  dialog = NULL;
  ems_test_wait_until (find_print_dialog, &dialog, 30, "the print dialog again");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  ems_test_wait_until (export_idle, window, 30, "the print operation to end");

  ems_test_destroy_window (GTK_WINDOW (window));
}
G_GNUC_END_IGNORE_DEPRECATIONS

static guint
count_children (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                      G_FILE_QUERY_INFO_NONE, NULL, NULL);
  guint n = 0;

  if (enumerator == NULL)
    return 0;
  while (TRUE)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) || info == NULL)
        break;
      n++;
    }
  return n;
}

static void
check_unwritable (EmsExportKind kind,
                  const char   *name)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  g_autoptr(GFile) dir = make_temp_dir ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *folder_path = NULL;
  EmsWindow *window = ems_test_open_window (app, file);
  guint before = ems_window_export_get_n_finished (window);
  AdwMessageDialog *dialog;
  gboolean is_root = geteuid () == 0;

  /* Root writes anywhere: then the "folder" is a plain file */
  if (is_root)
    {
      folder = g_file_get_child (dir, "not-a-folder");
      g_assert_true (g_file_replace_contents (folder, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE,
                                              NULL, NULL, NULL));
    }
  else
    {
      folder = g_file_get_child (dir, "read-only");
      g_assert_true (g_file_make_directory (folder, NULL, NULL));
      folder_path = g_file_get_path (folder);
      g_assert_cmpint (g_chmod (folder_path, 0555), ==, 0);
    }
  target = g_file_get_child (folder, name);

  ems_window_export_to_file (window, kind, target);
  wait_export (window, before);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, name));
  ems_test_respond (dialog, "close");

  g_assert_false (g_file_query_exists (target, NULL));
  if (!is_root)
    {
      g_assert_cmpuint (count_children (folder), ==, 0);
      g_chmod (folder_path, 0755);
    }
  /* Nothing left beside it either */
  g_assert_cmpuint (count_children (dir), ==, 1);

  ems_test_destroy_window (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
test_unwritable (void)
{
  check_unwritable (EMS_EXPORT_WORKBOOK, "cannot.xlsx");
  check_unwritable (EMS_EXPORT_REPORT, "cannot.pdf");
  check_unwritable (EMS_EXPORT_CHART, "cannot.png");
}

/* Screenshots */

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (output_dir, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static gboolean
has_some_size (gpointer user_data)
{
  return gtk_widget_get_width (user_data) > 0;
}

static void
shoot (const char     *scheme_name,
       AdwColorScheme  scheme)
{
  static const int sizes[][2] = { { 1280, 800 }, { 800, 600 }, { 360, 640 } };
  g_autoptr(GFile) file = ems_test_get_example (0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      EmsWindow *window = ems_window_new (GTK_APPLICATION (app));
      g_autofree char *name = NULL;
      EmsResultsPage *page;
      int dx, dy;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
      gtk_window_present (GTK_WINDOW (window));
      ems_test_wait_until (has_some_size, window, 30, "the window to be shown");
      ems_test_wait_drawn (GTK_WIDGET (window));
      dx = sizes[i][0] - gtk_widget_get_width (GTK_WIDGET (window));
      dy = sizes[i][1] - gtk_widget_get_height (GTK_WIDGET (window));
      if (dx != 0 || dy != 0)
        gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0] + dx, sizes[i][1] + dy);

      ems_window_open_file (window, file);
      {
        gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

        while (ems_window_get_document (window) == NULL || ems_window_is_busy (window))
          {
            g_assert_cmpint (g_get_monotonic_time (), <, end);
            if (!g_main_context_iteration (NULL, FALSE))
              g_usleep (2000);
          }
      }
      page = show_results (window);
      ems_test_wait_drawn (GTK_WIDGET (window));
      g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - sizes[i][0]), <=, 16);

      /* The charts are drawn at a readable size */
      g_assert_cmpint (gtk_widget_get_width (ems_results_page_get_chart_area (page, EMS_CHART_RADAR)), >=, 280);
      g_assert_cmpint (gtk_widget_get_height (ems_results_page_get_chart_area (page, EMS_CHART_RADAR)), >=, 300);

      name = g_strdup_printf ("results-%s-%dx%d.png", scheme_name, sizes[i][0], sizes[i][1]);
      save_screenshot (GTK_WIDGET (window), name);

      /* And scrolled down, a screen at a time: the table, where to start,
       * the open actions */
      {
        GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (page));
        GtkAdjustment *adjustment;

        g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
        adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
        for (guint n = 2; n <= 8; n++)
          {
            double value = gtk_adjustment_get_value (adjustment);
            double last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

            if (value >= last - 1)
              break;
            gtk_adjustment_set_value (adjustment, MIN (last, value + gtk_adjustment_get_page_size (adjustment) * 0.9));
            ems_test_wait_drawn (GTK_WIDGET (window));
            g_free (name);
            name = g_strdup_printf ("results-%s-%dx%d-%u.png", scheme_name, sizes[i][0], sizes[i][1], n);
            save_screenshot (GTK_WIDGET (window), name);
          }
      }
      ems_test_destroy_window (GTK_WINDOW (window));
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots_light (void)
{
  shoot ("light", ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_screenshots_dark (void)
{
  shoot ("dark", ADW_COLOR_SCHEME_FORCE_DARK);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  const char *builddir;

  /* The test accessibility backend, to read the charts' descriptions */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = ems_test_init (&argc, &argv);

  builddir = g_getenv ("G_TEST_BUILDDIR");
  output_dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_mkdir_with_parents (output_dir, 0755);

  g_test_add_func ("/app/results/values", test_values);
  g_test_add_func ("/app/results/show-question", test_show_question);
  g_test_add_func ("/app/results/exports", test_exports);
  g_test_add_func ("/app/results/export-action", test_export_action);
  g_test_add_func ("/app/results/export-chart-action", test_export_chart_action);
  g_test_add_func ("/app/results/print-dialog", test_print_dialog);
  g_test_add_func ("/app/results/unwritable", test_unwritable);
  g_test_add_func ("/app/results/screenshots/light", test_screenshots_light);
  g_test_add_func ("/app/results/screenshots/dark", test_screenshots_dark);

  status = g_test_run ();
  g_object_unref (app);
  g_free (output_dir);
  return status;
}
