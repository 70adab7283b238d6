/* ems-cli-actions.c: --export OUT.csv --actions FILE, the action plan alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include "ems-action-csv.h"
#include "ems-cli-private.h"

int
ems_cli_run_export_actions (const char *out,
                            const char *path)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  if (!(assessment = ems_cli_load (path, FALSE, NULL)))
    return EMS_EXIT_INVALID;

  if (!ems_action_plan_write_csv (assessment, out, &error))
    {
      ems_cli_print_error ("%s", error->message);
      return EMS_EXIT_INVALID;
    }

  return EMS_EXIT_OK;
}
