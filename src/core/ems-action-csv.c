/* ems-action-csv.c: the action plan alone, as CSV for a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For owners who track their work in a spreadsheet (issue 13): the
 * columns are the .emsa members of an action, so that a sheet and a file
 * say the same thing. Written in the dialect of the other CSV outputs
 * (ems-csv.h): no byte order mark, and text a spreadsheet would take for a
 * formula made safe.
 */
#define G_LOG_DOMAIN "ems-action-csv"

#include "config.h"

#include "ems-action-csv.h"
#include "ems-atomic-file.h"
#include "ems-csv.h"

/* A number that 0 means "none" for (phase, element): an empty field */
static void
append_count (GString *out,
              guint    value)
{
  ems_csv_append_number (out, value != 0, value);
}

GBytes *
ems_action_plan_to_csv (EmsAssessment *assessment)
{
  GString *out;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  /* The same dialect as the other CSV outputs (ems-csv.h) */
  out = g_string_new (NULL);
  for (const char * const *h = (const char * const[]) { "phase", "title", "description", "element",
                                                       "question", "owner", "due", "status", NULL };
       *h != NULL; h++)
    ems_csv_append_text (out, *h);
  ems_csv_end_record (out);

  for (guint i = 0; i < ems_assessment_get_n_actions (assessment); i++)
    {
      EmsAction *action = ems_assessment_get_action (assessment, i);

      append_count (out, ems_action_get_phase (action));
      ems_csv_append_text (out, ems_action_get_title (action));
      ems_csv_append_text (out, ems_action_get_description (action));
      append_count (out, ems_action_get_element (action));
      ems_csv_append_text (out, ems_action_get_question (action));
      ems_csv_append_text (out, ems_action_get_owner (action));
      ems_csv_append_text (out, ems_action_get_due (action));
      ems_csv_append_text (out, ems_action_status_to_string (ems_action_get_status (action)));
      ems_csv_end_record (out);
    }

  return g_string_free_to_bytes (out);
}

gboolean
ems_action_plan_write_csv (EmsAssessment  *assessment,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = ems_action_plan_to_csv (assessment);
  return ems_write_path_atomically (path, bytes, error);
}
