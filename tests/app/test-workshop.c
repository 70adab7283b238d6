/* test-workshop.c: the workshop window and the presentation, driven under
 * Xvfb: loading, anonymising, changes, keys, and the window's figures
 * against the handout's and the workbook's (the screenshots are in
 * test-workshop-screenshots.c)
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
#include "workshop-test-utils.h"

static EmsApplication *app;

/* Helpers ---------------------------------------------------------------- */

static EmsScores *
scores_of_file (GFile *file)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  return ems_scores_compute (assessment);
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

/* Tests ------------------------------------------------------------------ */

static void
test_broken_file (void)
{
  g_autofree char *dir = ems_workshop_test_temp_dir ();
  GFile *files[4];
  EmsWorkshopWindow *window;
  EmsComparison *comparison;
  GtkWidget *table;
  guint n_elements;

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  files[3] = ems_workshop_test_write_broken (dir);

  window = ems_workshop_test_open (GTK_APPLICATION (app), files, 4, 1280, 800);
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
  ems_test_wait_until (ems_workshop_test_loaded, window, 60, "the set to reload");
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 3);

  for (guint i = 0; i < 4; i++)
    g_object_unref (files[i]);
  ems_workshop_test_destroy (window);
}

static void
test_folder (void)
{
  g_autofree char *dir = ems_workshop_test_temp_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) empty_folder = g_file_new_for_path (empty);
  g_autoptr(GFile) broken = ems_workshop_test_write_broken (dir);
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

  window = ems_workshop_test_open (GTK_APPLICATION (app), files, 2, 1024, 700);
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 3);
  /* broken.emsa, and a folder with no assessment */
  g_assert_cmpuint (ems_workshop_window_get_n_problems (window), ==, 2);
  ems_workshop_test_destroy (window);
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
  g_autofree char *dir = ems_workshop_test_temp_dir ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFile *files[4];
  EmsWorkshopWindow *window;
  EmsComparison *comparison;
  GtkWindow *slides;
  g_autofree char *leak = NULL;

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  files[3] = ems_workshop_test_write_baseline (dir, 0);

  window = ems_workshop_test_open (GTK_APPLICATION (app), files, 4, 1280, 800);
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

  ems_workshop_test_destroy (slides);
  for (guint i = 0; i < 4; i++)
    g_object_unref (files[i]);
  ems_workshop_test_destroy (window);
}

static void
test_changes (void)
{
  g_autofree char *dir = ems_workshop_test_temp_dir ();
  GFile *files[2];
  g_autoptr(EmsScores) first = NULL;
  g_autoptr(EmsScores) last = NULL;
  EmsWorkshopWindow *window;
  GtkWidget *changes;

  files[0] = ems_test_get_example (0);
  files[1] = ems_workshop_test_write_baseline (dir, 0);
  last = scores_of_file (files[0]);
  first = scores_of_file (files[1]);

  window = ems_workshop_test_open (GTK_APPLICATION (app), files, 2, 1280, 800);
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
  ems_workshop_test_destroy (window);
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
  window = ems_workshop_test_open (GTK_APPLICATION (app), files, 3, 1024, 768);

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
  ems_workshop_test_destroy (window);
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

  /* The slides show a copy: editing the assessment meanwhile changes
   * neither their names nor their figures */
  ems_assessment_set_name (assessment, "Renamed while presenting");
  g_assert_true (ems_comparison_get_assessment (ems_presentation_get_comparison (slides), 0) != assessment);
  {
    g_autofree char *still = ems_comparison_dup_label (ems_presentation_get_comparison (slides), 0);

    g_assert_cmpstr (still, ==, label);
  }
  ems_test_press_key (GTK_WIDGET (slides), GDK_KEY_Page_Down);
  assert_counter (slides, 2);

  ems_workshop_test_destroy (slides);
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
  g_autofree char *dir = ems_workshop_test_temp_dir ();
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

  ems_test_wait_until (ems_workshop_test_loaded, window, 60, "the dropped files to load");
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 3);
  g_assert_cmpuint (ems_workshop_window_get_n_problems (window), ==, 0);
  ems_workshop_test_destroy (window);
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
  ems_workshop_test_destroy (window);
  g_assert_null (find_workshop_window ());

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  g_application_open (G_APPLICATION (app), files, 3, "");
  ems_test_wait_until (has_workshop_window, NULL, 30, "a workshop window");
  window = find_workshop_window ();
  ems_test_wait_until (ems_workshop_test_loaded, window, 60, "the files to load");
  g_assert_cmpuint (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)), ==, 3);
  ems_workshop_test_destroy (window);

  /* Closing while loading */
  window = ems_workshop_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  ems_workshop_window_open_files (window, files, 3);
  ems_workshop_test_destroy (window);
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
  g_autofree char *dir = ems_workshop_test_temp_dir ();
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
  window = ems_workshop_test_open (GTK_APPLICATION (app), files, 3, 1280, 800);
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
  ems_workshop_test_destroy (window);
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
      ems_workshop_test_destroy (slides);
      return;
    }

  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* A CSS parse error is a warning, fatal in a test: the child fails */
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ems_test_init (&argc, &argv);

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

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
