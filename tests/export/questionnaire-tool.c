/* questionnaire-tool.c: the questionnaire functions, for the tests and the
 * benchmark, until the command line offers them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   questionnaire-tool export OUT.xlsx [FILE]   a questionnaire, blank or
 *                                               pre-filled from FILE (.emsa
 *                                               or one of our workbooks)
 *   questionnaire-tool import FILE              the assessment read from FILE
 *                                               as .emsa on stdout; one line
 *                                               per problem on stderr
 *
 * Exit status: 0 when FILE read without errors, 1 when it read with
 * problems (the .emsa is still printed), 2 when it could not be read.
 * SOURCE_DATE_EPOCH fixes the export time.
 */

#define G_LOG_DOMAIN "questionnaire-tool"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ems-error.h"
#include "ems-i18n.h"
#include "ems-workbook-import.h"
#include "ems-xlsx-questionnaire.h"

static const char *
kind_name (EmsFileKind kind)
{
  switch (kind)
    {
    case EMS_FILE_KIND_ASSESSMENT:
      return "assessment";
    case EMS_FILE_KIND_QUESTIONNAIRE:
      return "questionnaire";
    case EMS_FILE_KIND_ASSESSMENT_WORKBOOK:
      return "assessment-workbook";
    default:
      return "?";
    }
}

static EmsAssessment *
load (const char *path,
      gboolean   *had_errors)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  EmsFileKind kind = EMS_FILE_KIND_ASSESSMENT;
  EmsAssessment *assessment;

  assessment = ems_load_assessment_file (NULL, path, &kind, &problems, &error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      EmsProblem *problem = g_ptr_array_index (problems, i);

      fprintf (stderr, "%s: %s: %s%s%s\n", path, problem->warning ? "warning" : "error",
               problem->path != NULL ? problem->path : "", problem->path != NULL ? ": " : "",
               problem->message);
      if (!problem->warning)
        *had_errors = TRUE;
    }
  if (assessment == NULL)
    {
      fprintf (stderr, "%s: fatal: %s\n", path, error->message);
      return NULL;
    }
  fprintf (stderr, "%s: kind: %s\n", path, kind_name (kind));

  return assessment;
}

int
main (int    argc,
      char **argv)
{
  gboolean had_errors = FALSE;

  ems_i18n_init ();

  if (argc >= 3 && g_str_equal (argv[1], "export") && argc <= 4)
    {
      g_autoptr(EmsAssessment) assessment = NULL;
      g_autoptr(GDateTime) time = NULL;
      g_autoptr(GError) error = NULL;
      const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

      if (argc == 4 && (assessment = load (argv[3], &had_errors)) == NULL)
        return 2;
      if (epoch != NULL)
        time = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
      if (!ems_xlsx_export_questionnaire (ems_checklist_get_default (), assessment, time, argv[2], &error))
        {
          fprintf (stderr, "%s: fatal: %s\n", argv[2], error->message);
          return 2;
        }
      return 0;
    }

  if (argc == 3 && g_str_equal (argv[1], "import"))
    {
      g_autoptr(EmsAssessment) assessment = load (argv[2], &had_errors);
      g_autoptr(GBytes) json = NULL;

      if (assessment == NULL)
        return 2;
      json = ems_assessment_serialize (assessment);
      fwrite (g_bytes_get_data (json, NULL), 1, g_bytes_get_size (json), stdout);
      return had_errors ? 1 : 0;
    }

  fprintf (stderr, "usage: %s export OUT.xlsx [FILE] | import FILE\n", argv[0]);
  return 2;
}
