/* ems-action-csv.c: the action plan alone, as CSV for a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For owners who track their work in a spreadsheet (issue 13): the
 * columns are the .emsa members of an action, so that a sheet and a file
 * say the same thing.
 */
#define G_LOG_DOMAIN "ems-action-csv"

#include "config.h"

#include <string.h>

#include "ems-action-csv.h"
#include "ems-atomic-file.h"

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  if (value != NULL && value[strcspn (value, ",\"\r\n")] != '\0')
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (value != NULL)
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_uint (GString *out,
             guint    value)
{
  char buffer[16];

  if (value == 0)
    {
      g_string_append_c (out, ',');
      return;
    }
  g_snprintf (buffer, sizeof buffer, "%u", value);
  append_field (out, buffer, FALSE);
}

GBytes *
ems_action_plan_to_csv (EmsAssessment *assessment)
{
  GString *out;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  g_string_append (out, "phase,title,description,element,question,owner,due,status\r\n");

  for (guint i = 0; i < ems_assessment_get_n_actions (assessment); i++)
    {
      EmsAction *action = ems_assessment_get_action (assessment, i);

      append_uint (out, ems_action_get_phase (action));
      append_field (out, ems_action_get_title (action), FALSE);
      append_field (out, ems_action_get_description (action), FALSE);
      append_uint (out, ems_action_get_element (action));
      append_field (out, ems_action_get_question (action), FALSE);
      append_field (out, ems_action_get_owner (action), FALSE);
      append_field (out, ems_action_get_due (action), FALSE);
      append_field (out, ems_action_status_to_string (ems_action_get_status (action)), TRUE);
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
