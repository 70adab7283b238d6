/* ems-cli-csv.c: --summary --csv, --export OUT.csv FILE and --compare
 * --export OUT.csv (the columns are in src/core/ems-csv.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ems-atomic-file.h"
#include "ems-cli-private.h"
#include "ems-comparison.h"
#include "ems-csv.h"
#include "ems-scores.h"

/* --summary --csv: one record per file, written as it is read, so that
 * memory stays flat over any number of files */
int
ems_cli_run_summary_csv (char **files)
{
  g_autoptr(GString) out = g_string_sized_new (1024);
  int status = EMS_EXIT_OK;

  ems_csv_append_summary_header (out, ems_checklist_get_n_elements (ems_checklist_get_default ()));
  fwrite (out->str, 1, out->len, stdout);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(EmsAssessment) assessment = ems_cli_load (files[i], FALSE, NULL);
      g_autoptr(EmsScores) scores = NULL;

      if (assessment == NULL)
        {
          status = EMS_EXIT_INVALID;
          continue;
        }

      scores = ems_scores_compute (assessment);
      g_string_truncate (out, 0);
      ems_csv_append_summary_record (out, files[i], assessment, scores);
      fwrite (out->str, 1, out->len, stdout);
    }

  if (fflush (stdout) != 0)
    status = EMS_EXIT_INVALID;

  return status;
}

static int
write_csv (const char *out,
           GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  if (!ems_write_path_atomically (out, bytes, &error))
    {
      ems_cli_print_error ("%s", error->message);
      return EMS_EXIT_INVALID;
    }

  return EMS_EXIT_OK;
}

/* --export OUT.csv FILE: one record per question */
int
ems_cli_run_export_csv (const char *out,
                        const char *path)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!(assessment = ems_cli_load (path, FALSE, NULL)))
    return EMS_EXIT_INVALID;

  bytes = ems_csv_answers (assessment);
  return write_csv (out, bytes);
}

/* --compare FILE… [--anonymise] --export OUT.csv: participants × elements */
int
ems_cli_run_compare_csv (char       **files,
                         gboolean     anonymise,
                         const char  *out)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  g_autoptr(GBytes) bytes = NULL;
  int status = EMS_EXIT_OK;

  /* Files that fail to load are reported and left out, as for --compare */
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(EmsAssessment) assessment = ems_cli_load (files[i], FALSE, NULL);

      if (assessment == NULL)
        {
          status = EMS_EXIT_INVALID;
          continue;
        }
      ems_comparison_add (comparison, assessment, files[i]);
    }

  if (ems_comparison_get_n_participants (comparison) == 0)
    {
      ems_cli_print_error ("%s", _("No file could be read: nothing to compare"));
      return EMS_EXIT_INVALID;
    }

  ems_comparison_set_anonymise (comparison, anonymise);
  bytes = ems_csv_comparison (comparison);
  if (write_csv (out, bytes) != EMS_EXIT_OK)
    return EMS_EXIT_INVALID;

  return status;
}
