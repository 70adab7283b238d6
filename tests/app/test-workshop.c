/* test-workshop.c: the workshop window and the presentation, driven under
 * Xvfb; writes screenshots of every view and slide at 1920×1080 and
 * 1024×768 into $G_TEST_BUILDDIR/screenshots/ to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-workshop"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ems-presentation.h"
#include "ems-test-utils.h"
#include "ems-tooltip.h"
#include "ems-workshop-table.h"
#include "ems-workshop-window.h"

static EmsApplication *app;
static char *output_dir;
static char *self_path;
/* What an undecorated window's frame takes from its default size */
static int frame_width, frame_height;

static const struct
{
  int width;
  int height;
} sizes[] = {
  { 1920, 1080 },
  { 1024, 768 },
};

static const char *views[] = {
  "table", "radar", "distribution", "priorities", "changes", "problems",
};

/* Helpers ---------------------------------------------------------------- */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ems-workshop-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GFile *
write_broken_file (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "broken.emsa", NULL);

  g_file_set_contents (path, "{ \"format\": \"ten-elements-assessment\", \"format_version\": 1, \"answ",
                       -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* A copy of example @index assessed a year earlier, element 1 all at
 * level 0 and element 2 all at level 4 */
static GFile *
write_baseline (const char *dir,
                guint       index)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GFile) example = ems_test_get_example (index);
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "baseline.emsa", NULL);
  GFile *file = g_file_new_for_path (path);

  assessment = ems_assessment_load_from_file (checklist, example, NULL, NULL, &error);
  g_assert_no_error (error);
  ems_assessment_set_assessed_on (assessment, "2025-01-15");
  for (guint e = 1; e <= 2; e++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, e);

      for (guint q = 0; q < element->n_questions; q++)
        ems_assessment_set_level (assessment, element->questions[q]->id, e == 1 ? 0 : 4);
    }
  ems_assessment_save_to_file (assessment, file, NULL, &error);
  g_assert_no_error (error);

  return file;
}

static EmsScores *
scores_of_file (GFile *file)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  return ems_scores_compute (assessment);
}

static gboolean
loaded (gpointer user_data)
{
  EmsWorkshopWindow *window = user_data;

  return !ems_workshop_window_is_busy (window) &&
         (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)) > 0 ||
          ems_workshop_window_get_n_problems (window) > 0);
}

static EmsWorkshopWindow *
open_workshop (GFile **files,
               guint   n_files,
               int     width,
               int     height)
{
  EmsWorkshopWindow *window = ems_workshop_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_present (GTK_WINDOW (window));
  ems_workshop_window_open_files (window, files, n_files);
  ems_test_wait_until (loaded, window, 60, "the assessments to load");
  ems_test_wait_drawn (GTK_WIDGET (window));

  return window;
}

typedef void (*TextFunc) (const char *text,
                          gpointer    user_data);

static void
walk_texts (GtkWidget *widget,
            TextFunc   func,
            gpointer   user_data)
{
  const char *tooltip = ems_tooltip_get_text (widget);

  if (GTK_IS_LABEL (widget))
    func (gtk_label_get_text (GTK_LABEL (widget)), user_data);
  else if (GTK_IS_INSCRIPTION (widget))
    func (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), user_data);
  if (GTK_IS_WINDOW (widget))
    func (gtk_window_get_title (GTK_WINDOW (widget)), user_data);
  if (tooltip != NULL)
    func (tooltip, user_data);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_texts (child, func, user_data);
}

typedef struct
{
  const char *needle;
  guint       n_found;
} Search;

static void
count_text (const char *text,
            gpointer    user_data)
{
  Search *search = user_data;

  if (text != NULL && strstr (text, search->needle) != NULL)
    search->n_found++;
}

static guint
count_in_tree (GtkWidget  *widget,
               const char *needle)
{
  Search search = { needle, 0 };

  walk_texts (widget, count_text, &search);
  return search.n_found;
}

static GtkWidget *
find_change_label (GtkWidget *widget,
                   guint      element)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), "change") == 0 &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "element")) == element)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_change_label (child, element);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Pixels of the rectangle (x, y, width, height) of @pixels (RGBA,
 * @stride bytes a row) that differ from its top-left pixel */
static double
share_not_background (const guchar *pixels,
                      gsize         stride,
                      int           x0,
                      int           y0,
                      int           width,
                      int           height)
{
  const guchar *background = pixels + y0 * stride + x0 * 4;
  guint64 n = 0;

  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;

        if (ABS (p[0] - background[0]) + ABS (p[1] - background[1]) + ABS (p[2] - background[2]) > 24)
          n++;
      }

  return width > 0 && height > 0 ? (double) n / ((double) width * height) : 0.0;
}

static GtkWidget *
find_drawing_area (GtkWidget *widget)
{
  if (GTK_IS_DRAWING_AREA (widget) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drawing_area (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Writes a screenshot of @window, and checks it: the size asked for,
 * something drawn, and when @chart the chart on screen is drawn (a good
 * share of its area is not background) */
static void
save_screenshot (GtkWidget  *window,
                 const char *name,
                 int         width,
                 int         height,
                 gboolean    chart)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (output_dir, name, NULL);
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  gsize stride;

  g_assert_cmpint (gtk_widget_get_width (window), ==, width);
  g_assert_cmpint (gtk_widget_get_height (window), ==, height);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s (%d×%d)", path, width, height);

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  /* Not blank: text, rules and widgets over the background */
  g_assert_cmpfloat (share_not_background (pixels, stride, 0, 0, width, height), >, 0.01);

  if (chart)
    {
      GtkWidget *area = find_drawing_area (window);
      graphene_rect_t bounds;

      g_assert_nonnull (area);
      g_assert_true (gtk_widget_compute_bounds (area, window, &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 100);
      g_assert_cmpfloat (bounds.size.height, >, 100);
      /* Rings, bars, labels: a chart covers far more than a few pixels */
      g_assert_cmpfloat (share_not_background (pixels, stride,
                                               MAX (0, (int) bounds.origin.x), MAX (0, (int) bounds.origin.y),
                                               MIN (width - (int) bounds.origin.x, (int) bounds.size.width),
                                               MIN (height - (int) bounds.origin.y, (int) bounds.size.height)),
                         >, 0.03);
    }
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ems_test_flush ();
}

/* Tests ------------------------------------------------------------------ */

static void
test_broken_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  GFile *files[4];
  EmsWorkshopWindow *window;
  EmsComparison *comparison;
  GtkWidget *table;
  guint n_elements;

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  files[3] = write_broken_file (dir);

  window = open_workshop (files, 4, 1280, 800);
  comparison = ems_workshop_window_get_comparison (window);

  g_assert_cmpuint (ems_comparison_get_n_participants (comparison), ==, 3);
  g_assert_cmpuint (ems_workshop_window_get_n_problems (window), ==, 1);
  g_assert_true (ems_workshop_window_view_is_visible (window, "problems"));
  g_assert_cmpuint (count_in_tree (ems_workshop_window_get_view (window, "problems"), "broken.emsa"), >=, 1);
  /* No follow-up in three different organisations */
  g_assert_false (ems_workshop_window_view_is_visible (window, "changes"));

  /* The overall column shows what scoring each file alone gives */
  table = ems_workshop_window_get_table (window);
  n_elements = ems_comparison_get_n_elements (comparison);
  for (guint p = 0; p < 3; p++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (ems_comparison_get_source (comparison, p));
      g_autoptr(EmsScores) scores = scores_of_file (file);
      g_autofree char *expected = ems_format_percent (scores->has_overall, scores->overall);
      GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (table), n_elements + 1,
                                               EMS_WORKSHOP_TABLE_FIRST_ROW + p);
      g_autofree char *label = ems_comparison_dup_label (comparison, p);
      GtkWidget *name = gtk_grid_get_child_at (GTK_GRID (table), 0, EMS_WORKSHOP_TABLE_FIRST_ROW + p);

      g_assert_true (GTK_IS_LABEL (cell));
      g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (cell)), expected));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, label);

      for (guint e = 0; e < n_elements; e++)
        {
          g_autofree char *element = ems_format_percent (scores->elements[e].has_score,
                                                         scores->elements[e].score);

          cell = gtk_grid_get_child_at (GTK_GRID (table), e + 1, EMS_WORKSHOP_TABLE_FIRST_ROW + p);
          g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (cell)), element));
        }
    }

  /* Adding a file already there changes nothing */
  ems_workshop_window_open_files (window, files, 1);
  ems_test_wait_until (loaded, window, 60, "the set to reload");
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 3);

  for (guint i = 0; i < 4; i++)
    g_object_unref (files[i]);
  destroy_window (window);
}

static void
test_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) empty_folder = g_file_new_for_path (empty);
  g_autoptr(GFile) broken = write_broken_file (dir);
  GFile *files[2] = { folder, empty_folder };
  EmsWorkshopWindow *window;

  g_mkdir_with_parents (empty, 0700);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GFile) example = ems_test_get_example (i);
      g_autofree char *basename = g_file_get_basename (example);
      g_autoptr(GFile) copy = g_file_get_child (folder, basename);
      g_autoptr(GError) error = NULL;

      g_file_copy (example, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  window = open_workshop (files, 2, 1024, 700);
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 3);
  /* broken.emsa, and a folder with no assessment */
  g_assert_cmpuint (ems_workshop_window_get_n_problems (window), ==, 2);
  destroy_window (window);
}

typedef struct
{
  GPtrArray *names;
  guint      n_found;
  char      *first;
} NameSearch;

static void
find_names (const char *text,
            gpointer    user_data)
{
  NameSearch *search = user_data;

  if (text == NULL)
    return;
  for (guint i = 0; i < search->names->len; i++)
    if (strstr (text, g_ptr_array_index (search->names, i)) != NULL)
      {
        if (search->first == NULL)
          search->first = g_strdup (text);
        search->n_found++;
      }
}

static guint
count_names (GtkWidget *widget,
             GPtrArray *names,
             char     **first)
{
  NameSearch search = { names, 0, NULL };

  walk_texts (widget, find_names, &search);
  if (first != NULL)
    *first = search.first;
  else
    g_free (search.first);
  return search.n_found;
}

static void
test_anonymise (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFile *files[4];
  EmsWorkshopWindow *window;
  EmsComparison *comparison;
  GtkWindow *slides;
  g_autofree char *leak = NULL;

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  files[3] = write_baseline (dir, 0);

  window = open_workshop (files, 4, 1280, 800);
  comparison = ems_workshop_window_get_comparison (window);
  g_assert_cmpuint (ems_comparison_get_n_participants (comparison), ==, 4);
  for (guint p = 0; p < 4; p++)
    {
      EmsAssessment *assessment = ems_comparison_get_assessment (comparison, p);

      g_ptr_array_add (names, g_strdup (ems_assessment_get_name (assessment)));
      if (ems_assessment_get_site (assessment) != NULL)
        g_ptr_array_add (names, g_strdup (ems_assessment_get_site (assessment)));
    }

  /* The walk sees the names while they are shown */
  g_assert_cmpuint (count_names (GTK_WIDGET (window), names, NULL), >, 0);

  /* The switch, as a click would toggle it */
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.anonymise", NULL);
  ems_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (ems_workshop_window_get_anonymise (window));
  g_assert_true (ems_comparison_get_anonymise (ems_workshop_window_get_comparison (window)));

  g_assert_cmpuint (count_names (GTK_WIDGET (window), names, &leak), ==, 0);
  g_assert_null (leak);
  g_assert_cmpuint (count_in_tree (GTK_WIDGET (window), "Participant A"), >, 0);
  g_assert_cmpuint (count_in_tree (GTK_WIDGET (window), "Participant D"), >, 0);

  /* The slides too, including while they are shown */
  slides = ems_workshop_window_present_slides (window);
  ems_test_wait_drawn (GTK_WIDGET (slides));
  g_assert_cmpuint (count_names (GTK_WIDGET (slides), names, &leak), ==, 0);
  g_assert_null (leak);

  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.anonymise", NULL);
  ems_test_wait_drawn (GTK_WIDGET (slides));
  g_assert_cmpuint (count_names (GTK_WIDGET (slides), names, NULL), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.anonymise", NULL);
  ems_test_wait_drawn (GTK_WIDGET (slides));
  g_assert_cmpuint (count_names (GTK_WIDGET (slides), names, &leak), ==, 0);
  g_assert_null (leak);

  destroy_window (slides);
  for (guint i = 0; i < 4; i++)
    g_object_unref (files[i]);
  destroy_window (window);
}

static void
test_changes (void)
{
  g_autofree char *dir = make_temp_dir ();
  GFile *files[2];
  g_autoptr(EmsScores) first = NULL;
  g_autoptr(EmsScores) last = NULL;
  EmsWorkshopWindow *window;
  GtkWidget *changes;

  files[0] = ems_test_get_example (0);
  files[1] = write_baseline (dir, 0);
  last = scores_of_file (files[0]);
  first = scores_of_file (files[1]);

  window = open_workshop (files, 2, 1280, 800);
  g_assert_true (ems_workshop_window_view_is_visible (window, "changes"));
  ems_workshop_window_show_view (window, "changes");
  ems_test_wait_drawn (GTK_WIDGET (window));
  changes = ems_workshop_window_get_view (window, "changes");

  for (guint e = 1; e <= 2; e++)
    {
      double delta = last->elements[e - 1].score - first->elements[e - 1].score;
      g_autofree char *expected = ems_format_change (delta);
      GtkWidget *label = find_change_label (changes, e);

      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
      /* Baseline 0 then higher: up, in words; baseline 4 then lower: down */
      g_assert_true (g_str_has_prefix (expected, e == 1 ? "↑" : "↓"));
    }

  for (guint i = 0; i < 2; i++)
    g_object_unref (files[i]);
  destroy_window (window);
}

static gboolean
is_null (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static void
assert_counter (EmsPresentation *slides,
                guint            slide)
{
  g_autofree char *expected = g_strdup_printf ("%u / %u", slide,
                                               ems_presentation_get_n_slides (slides));

  g_assert_cmpstr (ems_presentation_get_counter_text (slides), ==, expected);
  g_assert_cmpuint (ems_presentation_get_slide (slides), ==, slide - 1);
}

static void
test_presentation_keys (void)
{
  GFile *files[3];
  EmsWorkshopWindow *window;
  EmsPresentation *slides;
  gpointer pointer;
  guint n;

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  window = open_workshop (files, 3, 1024, 768);

  /* F5 on the window */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "workshop.present", NULL));
  slides = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (EMS_IS_PRESENTATION (l->data))
      slides = l->data;
  g_assert_nonnull (slides);
  ems_test_wait_drawn (GTK_WIDGET (slides));

  /* radar, group answers, ten elements, priorities */
  n = ems_presentation_get_n_slides (slides);
  g_assert_cmpuint (n, ==, 13);
  assert_counter (slides, 1);

  gtk_widget_activate_action (GTK_WIDGET (slides), "slides.next", NULL);
  assert_counter (slides, 2);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Page_Down));
  assert_counter (slides, 3);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Right));
  assert_counter (slides, 4);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_space));
  assert_counter (slides, 5);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Left));
  assert_counter (slides, 4);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Page_Up));
  assert_counter (slides, 3);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_End));
  assert_counter (slides, n);
  /* No wrapping past the ends */
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Page_Down));
  assert_counter (slides, n);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Home));
  assert_counter (slides, 1);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Page_Up));
  assert_counter (slides, 1);
  gtk_widget_activate_action (GTK_WIDGET (slides), "slides.last", NULL);
  assert_counter (slides, n);
  gtk_widget_activate_action (GTK_WIDGET (slides), "slides.first", NULL);
  assert_counter (slides, 1);
  ems_test_wait_drawn (GTK_WIDGET (slides));

  pointer = slides;
  g_object_add_weak_pointer (G_OBJECT (slides), &pointer);
  g_assert_true (ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Escape));
  ems_test_wait_until (is_null, &pointer, 30, "Esc to close the slides");

  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  destroy_window (window);
}

static gboolean
has_size (gpointer user_data)
{
  int *size = g_object_get_data (user_data, "size");

  return gtk_widget_get_width (user_data) == size[0] && gtk_widget_get_height (user_data) == size[1];
}

/* Shows @window undecorated with @size as its content size. The frame a
 * window adds depends on its style, so it is measured on the window
 * itself: shown once, then resized by what the frame took. */
static void
present_at_size (GtkWindow *window,
                 int       *size)
{
  g_object_set_data (G_OBJECT (window), "size", size);
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, size[0] + frame_width, size[1] + frame_height);
  gtk_window_present (window);
  ems_test_wait_drawn (GTK_WIDGET (window));

  if (!has_size (window))
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (window, &width, &height);
      gtk_window_set_default_size (window,
                                   width + size[0] - gtk_widget_get_width (GTK_WIDGET (window)),
                                   height + size[1] - gtk_widget_get_height (GTK_WIDGET (window)));
    }

  ems_test_wait_until (has_size, window, 30, "the window to take its size");
}

static void
test_single_assessment (void)
{
  g_autoptr(GFile) file = ems_test_get_example (1);
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  EmsPresentation *slides;
  g_autofree char *label = NULL;

  assessment = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  slides = ems_presentation_new_for_assessment (GTK_APPLICATION (app), assessment);
  gtk_window_set_default_size (GTK_WINDOW (slides), 1024, 768);
  gtk_window_present (GTK_WINDOW (slides));
  ems_test_wait_drawn (GTK_WIDGET (slides));

  /* radar, answers, priorities */
  g_assert_cmpuint (ems_presentation_get_n_slides (slides), ==, 3);
  assert_counter (slides, 1);
  label = ems_comparison_dup_label (ems_presentation_get_comparison (slides), 0);
  g_assert_cmpuint (count_in_tree (GTK_WIDGET (slides), label), >, 0);
  ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Page_Down);
  assert_counter (slides, 2);

  destroy_window (slides);
}

static EmsWorkshopWindow *
find_workshop_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (EMS_IS_WORKSHOP_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
has_workshop_window (gpointer user_data)
{
  return find_workshop_window () != NULL;
}

/* Drag and drop: a folder and a file dropped on the window at once */
static void
test_drop (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = ems_test_get_example (2);
  g_autoptr(GListModel) controllers = NULL;
  GFile *dropped[2] = { folder, file };
  GtkDropTarget *target = NULL;
  EmsWorkshopWindow *window;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) example = ems_test_get_example (i);
      g_autofree char *basename = g_file_get_basename (example);
      g_autoptr(GFile) copy = g_file_get_child (folder, basename);
      g_autoptr(GError) error = NULL;

      g_file_copy (example, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  window = ems_workshop_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  ems_test_wait_drawn (GTK_WIDGET (window));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (dropped, 2));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  ems_test_wait_until (loaded, window, 60, "the dropped files to load");
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 3);
  g_assert_cmpuint (ems_workshop_window_get_n_problems (window), ==, 0);
  destroy_window (window);
}

/* app.workshop opens an empty workshop window; several files at once from
 * the command line or a file manager open in one */
static void
test_application (void)
{
  EmsWorkshopWindow *window;
  GFile *files[3];

  g_assert_null (find_workshop_window ());
  g_action_group_activate_action (G_ACTION_GROUP (app), "workshop", NULL);
  ems_test_wait_until (has_workshop_window, NULL, 30, "a workshop window");
  window = find_workshop_window ();
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 0);
  g_assert_null (ems_workshop_window_get_table (window));
  /* Nothing to present yet */
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.present", NULL);
  ems_test_flush ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    g_assert_false (EMS_IS_PRESENTATION (l->data));
  destroy_window (window);
  g_assert_null (find_workshop_window ());

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  g_application_open (G_APPLICATION (app), files, 3, "");
  ems_test_wait_until (has_workshop_window, NULL, 30, "a workshop window");
  window = find_workshop_window ();
  ems_test_wait_until (loaded, window, 60, "the files to load");
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 3);
  destroy_window (window);

  /* Closing while loading */
  window = ems_workshop_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  ems_workshop_window_open_files (window, files, 3);
  destroy_window (window);
  ems_test_flush ();

  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
}

/* The window, the handout and the workbook show one set of figures -------- */

static char *
run (const char * const *argv,
     gboolean            must_succeed)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (must_succeed && !g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return g_steal_pointer (&out);
}

/* The mean (first percentage) of each element's row in the handout's
 * "Statistics by element" table, by element number */
static GHashTable *
handout_means (const char *text)
{
  GHashTable *means = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GRegex) row = g_regex_new ("^(\\d+)\\. .*?\\s(\\d+\\.\\d) %", G_REGEX_MULTILINE, 0, NULL);
  const char *start = strstr (text, "Statistics by element");
  const char *end = start != NULL ? strstr (start, "Mean shaded by its band") : NULL;
  g_autofree char *table = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  table = g_strndup (start, end - start);
  g_regex_match (row, table, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);

      g_hash_table_insert (means, GUINT_TO_POINTER (atoi (number)), g_match_info_fetch (match, 2));
      g_match_info_next (match, NULL);
    }

  return means;
}

static char *
handout_value (const char *text,
               const char *key)
{
  g_autofree char *pattern = g_strdup_printf ("^%s\\s+(\\d+\\.\\d) %%", key);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_true (g_regex_match (regex, text, 0, &match));
  return g_match_info_fetch (match, 1);
}

/* A cell of the window's table, "44.2 %" (or "44.2 %\nAmber"), as "44.2" */
static char *
table_number (GtkWidget *table,
              guint      column,
              guint      row)
{
  GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (table), column, row);
  g_auto(GStrv) words = NULL;

  g_assert_true (GTK_IS_LABEL (cell));
  words = g_strsplit (gtk_label_get_text (GTK_LABEL (cell)), " ", 2);
  return g_strdup (words[0]);
}

static char *
one_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
test_figures_match_exports (void)
{
  const char *exe = g_getenv ("TEN_ELEMENTS");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "compare.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *target = NULL;
  g_autofree char *window_target = NULL;
  g_autoptr(GHashTable) means = NULL;
  g_autoptr(EmsRadarData) radar = NULL;
  g_auto(GStrv) rows = NULL;
  g_autofree char *paths[3] = { NULL };
  GFile *files[3];
  EmsWorkshopWindow *window;
  EmsComparison *comparison;
  GtkWidget *table;
  guint n_elements, mean_row;
  const char *script =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1], data_only=True)['Statistics']\n"
    "for r in ws.iter_rows(min_row=2, values_only=True):\n"
    "    if r[0] is not None:\n"
    "        print('%d %.1f %.1f' % (r[0], r[2], r[9]))\n";

  if (exe == NULL || pdftotext == NULL || !g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs TEN_ELEMENTS, pdftotext and /usr/bin/python3");
      return;
    }

  for (guint i = 0; i < 3; i++)
    {
      files[i] = ems_test_get_example (i);
      paths[i] = g_file_get_path (files[i]);
    }

  /* The window reads the files itself… */
  window = open_workshop (files, 3, 1280, 800);
  comparison = ems_workshop_window_get_comparison (window);
  table = ems_workshop_window_get_table (window);
  n_elements = ems_comparison_get_n_elements (comparison);
  mean_row = EMS_WORKSHOP_TABLE_FIRST_ROW + 3;
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 0, mean_row))),
                   ==, "Mean");

  /* …and so does the command line, for the handout and the workbook */
  {
    const char *argv_pdf[] = { exe, "--compare", paths[0], paths[1], paths[2], "--export", pdf, NULL };
    const char *argv_xlsx[] = { exe, "--compare", paths[0], paths[1], paths[2], "--export", xlsx, NULL };
    const char *argv_text[] = { pdftotext, "-layout", pdf, "-", NULL };
    const char *argv_read[] = { "/usr/bin/python3", "-c", script, xlsx, NULL };

    g_free (run (argv_pdf, TRUE));
    g_free (run (argv_xlsx, TRUE));
    text = run (argv_text, TRUE);
    workbook = run (argv_read, FALSE);
  }

  /* Each element's group mean */
  means = handout_means (text);
  g_assert_cmpuint (g_hash_table_size (means), ==, n_elements);
  rows = g_strsplit (workbook, "\n", -1);
  if (workbook[0] == '\0')
    g_test_message ("openpyxl could not read the workbook: only the handout is compared");
  else
    g_assert_cmpuint (g_strv_length (rows), ==, n_elements + 1);

  for (guint e = 1; e <= n_elements; e++)
    {
      g_autofree char *shown = table_number (table, e, mean_row);

      g_assert_cmpstr (shown, ==, g_hash_table_lookup (means, GUINT_TO_POINTER (e)));
      if (workbook[0] != '\0')
        {
          g_auto(GStrv) cells = g_strsplit (rows[e - 1], " ", -1);

          g_assert_cmpuint (atoi (cells[0]), ==, e);
          g_assert_cmpstr (shown, ==, cells[1]);
        }
    }

  /* The mean of the overall scores */
  overall = table_number (table, n_elements + 1, mean_row);
  {
    g_autofree char *printed = handout_value (text, "Mean overall score");

    g_assert_cmpstr (overall, ==, printed);
  }

  /* The group target: the window's radar ring, the handout's cover and
   * the workbook's Target column (the examples' targets differ) */
  radar = ems_radar_data_new_for_comparison (comparison, NULL, 0);
  g_assert_true (radar->has_target);
  window_target = one_decimal (radar->target);
  target = handout_value (text, "Target");
  g_assert_cmpstr (window_target, ==, target);
  g_assert_cmpstr (window_target, ==, "66.7");
  if (workbook[0] != '\0')
    for (guint e = 1; e <= n_elements; e++)
      {
        g_auto(GStrv) cells = g_strsplit (rows[e - 1], " ", -1);

        g_assert_cmpstr (window_target, ==, cells[2]);
      }

  g_remove (pdf);
  g_remove (xlsx);
  g_rmdir (dir);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  destroy_window (window);
}

/* Numbers for CSS are written for a machine: a French locale must not
 * turn the slides' type size into "28,4px", which GTK rejects */
static void
test_presentation_css_locale (void)
{
  locale_t french = newlocale (LC_ALL_MASK, "fr_FR.UTF-8", (locale_t) 0);

  if (french == (locale_t) 0)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }
  freelocale (french);

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = ems_test_get_example (0);
      g_autoptr(EmsAssessment) assessment = NULL;
      g_autoptr(GError) error = NULL;
      EmsPresentation *slides;
      const PangoFontDescription *font;
      double expected;

      /* The child runs in French: a comma for decimals */
      g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

      assessment = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
      g_assert_no_error (error);
      slides = ems_presentation_new_for_assessment (GTK_APPLICATION (app), assessment);
      gtk_window_set_decorated (GTK_WINDOW (slides), FALSE);
      gtk_window_set_default_size (GTK_WINDOW (slides), 1024, 768);
      gtk_window_present (GTK_WINDOW (slides));
      ems_test_wait_drawn (GTK_WIDGET (slides));
      ems_test_flush ();

      /* The window's font size is its height / 27, to one decimal, in px */
      expected = round (gtk_widget_get_height (GTK_WIDGET (slides)) / 27.0 * 10.0) / 10.0;
      font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (slides)));
      g_assert_nonnull (font);
      g_test_message ("font size %g (absolute %d), expected %g px",
                      (double) pango_font_description_get_size (font) / PANGO_SCALE,
                      pango_font_description_get_size_is_absolute (font), expected);
      g_assert_true (pango_font_description_get_size_is_absolute (font));
      g_assert_cmpfloat_with_epsilon ((double) pango_font_description_get_size (font) / PANGO_SCALE,
                                      expected, 0.01);
      destroy_window (slides);
      return;
    }

  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* A CSS parse error is a warning, fatal in a test: the child fails */
  g_test_trap_assert_passed ();
}

static gboolean
screen_fits (int width,
             int height)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.width >= width && geometry.height >= height;
}

/* GTK keeps a window within its monitor, and xvfb-run's default screen is
 * 1280×1024: run the screenshots again under a full-HD Xvfb. */
static void
run_on_big_screen (void)
{
  g_autofree char *xvfb_run = g_find_program_in_path ("xvfb-run");
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = {
    NULL, "-a", "-s", "-screen 0 2560x1440x24", NULL, "-p", "/app/workshop/screenshots", NULL,
  };

  if (xvfb_run == NULL)
    {
      g_test_skip ("xvfb-run is needed for screenshots at 1920×1080");
      return;
    }

  argv[0] = xvfb_run;
  argv[4] = self_path;
  env = g_environ_setenv (env, "EMS_TEST_BIG_SCREEN", "1", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s\n%s", out, err);
      g_test_fail_printf ("the screenshots under a 1920×1080 Xvfb failed");
      return;
    }
  g_test_message ("screenshots written under a 1920×1080 Xvfb into %s", output_dir);
}

static void
test_screenshots (void)
{
  g_autofree char *dir = make_temp_dir ();
  GFile *files[5];
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GFile) single = ems_test_get_example (1);
  g_autoptr(GError) error = NULL;
  EmsPresentation *slides;

  /* room for the window's frame and shadows too */
  if (!screen_fits (1920 + 128, 1080 + 128))
    {
      if (g_getenv ("EMS_TEST_BIG_SCREEN") != NULL)
        g_error ("The screen is smaller than 1920×1080");
      run_on_big_screen ();
      return;
    }

  assessment = ems_assessment_load_from_file (ems_checklist_get_default (), single, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Measure the frame once, then ask for the size plus the frame */
  {
    GtkWidget *probe = adw_window_new ();
    int size[2] = { 800, 600 };

    g_object_set_data (G_OBJECT (probe), "size", size);
    gtk_window_set_default_size (GTK_WINDOW (probe), size[0], size[1]);
    gtk_window_set_decorated (GTK_WINDOW (probe), FALSE);
    gtk_window_present (GTK_WINDOW (probe));
    ems_test_wait_drawn (probe);
    frame_width = size[0] - gtk_widget_get_width (probe);
    frame_height = size[1] - gtk_widget_get_height (probe);
    destroy_window (probe);
  }

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  files[3] = write_baseline (dir, 0);
  files[4] = write_broken_file (dir);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int size[2] = { sizes[i].width, sizes[i].height };
      EmsWorkshopWindow *window = open_workshop (files, 5, size[0] + frame_width, size[1] + frame_height);
      guint picked[] = { 1, 2 };
      EmsPresentation *slides;

      g_object_set_data (G_OBJECT (window), "size", size);
      ems_test_wait_until (has_size, window, 30, "the window to take its size");
      ems_workshop_window_set_picked (window, picked, G_N_ELEMENTS (picked));

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("workshop-%s-%dx%d.png", views[v], size[0], size[1]);

          ems_workshop_window_show_view (window, views[v]);
          ems_test_wait_drawn (GTK_WIDGET (window));
          save_screenshot (GTK_WIDGET (window), name, size[0], size[1],
                           g_str_equal (views[v], "radar") || g_str_equal (views[v], "distribution"));
        }

      gtk_widget_activate_action (GTK_WIDGET (window), "workshop.anonymise", NULL);
      ems_workshop_window_show_view (window, "table");
      ems_test_wait_drawn (GTK_WIDGET (window));
      {
        g_autofree char *name = g_strdup_printf ("workshop-table-anonymised-%dx%d.png", size[0], size[1]);

        save_screenshot (GTK_WIDGET (window), name, size[0], size[1], FALSE);
      }

      /* The slides in a window of the projector's size (the test screen
       * may be smaller than full HD, so not full screen) */
      slides = ems_presentation_new (GTK_APPLICATION (app),
                                     ems_workshop_window_get_comparison (window),
                                     picked, G_N_ELEMENTS (picked));
      present_at_size (GTK_WINDOW (slides), size);
      for (guint s = 0; s < ems_presentation_get_n_slides (slides); s++)
        {
          g_autofree char *name = g_strdup_printf ("slide-%02u-%dx%d.png", s + 1, size[0], size[1]);

          ems_presentation_set_slide (slides, s);
          ems_test_wait_drawn (GTK_WIDGET (slides));
          /* Slides 1 and 2: the group radar and the group's answers */
          save_screenshot (GTK_WIDGET (slides), name, size[0], size[1], s < 2);
        }

      destroy_window (slides);
      destroy_window (window);
    }

  /* One assessment, light; then dark at the projector size */
  for (guint i = 0; i <= G_N_ELEMENTS (sizes); i++)
    {
      gboolean dark = i == G_N_ELEMENTS (sizes);
      int size[2] = { sizes[dark ? 1 : i].width, sizes[dark ? 1 : i].height };

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
      slides = ems_presentation_new_for_assessment (GTK_APPLICATION (app), assessment);
      present_at_size (GTK_WINDOW (slides), size);
      for (guint s = 0; s < ems_presentation_get_n_slides (slides); s++)
        {
          g_autofree char *name = g_strdup_printf ("single-slide-%02u-%dx%d%s.png", s + 1, size[0], size[1],
                                                   dark ? "-dark" : "");

          ems_presentation_set_slide (slides, s);
          ems_test_wait_drawn (GTK_WIDGET (slides));
          save_screenshot (GTK_WIDGET (slides), name, size[0], size[1], s < 2);
        }
      destroy_window (slides);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  const char *builddir;

  self_path = g_canonicalize_filename (argv[0], NULL);
  app = ems_test_init (&argc, &argv);

  builddir = g_getenv ("G_TEST_BUILDDIR");
  output_dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_mkdir_with_parents (output_dir, 0755);

  g_test_add_func ("/app/workshop/broken-file", test_broken_file);
  g_test_add_func ("/app/workshop/folder", test_folder);
  g_test_add_func ("/app/workshop/drop", test_drop);
  g_test_add_func ("/app/workshop/application", test_application);
  g_test_add_func ("/app/workshop/anonymise", test_anonymise);
  g_test_add_func ("/app/workshop/changes", test_changes);
  g_test_add_func ("/app/workshop/presentation-keys", test_presentation_keys);
  g_test_add_func ("/app/workshop/single-assessment", test_single_assessment);
  g_test_add_func ("/app/workshop/figures-match-exports", test_figures_match_exports);
  g_test_add_func ("/app/workshop/presentation-css-locale", test_presentation_css_locale);
  g_test_add_func ("/app/workshop/screenshots", test_screenshots);

  status = g_test_run ();
  g_object_unref (app);
  g_free (output_dir);
  g_free (self_path);
  return status;
}
