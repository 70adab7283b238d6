/* workshop-test-utils.c: what the workshop tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-workshop"

#include "config.h"

#include "ems-test-utils.h"
#include "workshop-test-utils.h"

char *
ems_workshop_test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ems-workshop-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

GFile *
ems_workshop_test_write_broken (const char *dir)
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
GFile *
ems_workshop_test_write_baseline (const char *dir,
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

gboolean
ems_workshop_test_loaded (gpointer user_data)
{
  EmsWorkshopWindow *window = user_data;

  return !ems_workshop_window_is_busy (window) &&
         (ems_comparison_get_n_participants (ems_workshop_window_get_comparison (window)) > 0 ||
          ems_workshop_window_get_n_problems (window) > 0);
}

EmsWorkshopWindow *
ems_workshop_test_open (GtkApplication  *app,
                        GFile          **files,
                        guint            n_files,
                        int              width,
                        int              height)
{
  EmsWorkshopWindow *window = ems_workshop_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_present (GTK_WINDOW (window));
  ems_workshop_window_open_files (window, files, n_files);
  ems_test_wait_until (ems_workshop_test_loaded, window, 60, "the assessments to load");
  ems_test_wait_drawn (GTK_WIDGET (window));

  return window;
}

void
ems_workshop_test_destroy (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ems_test_flush ();
}
