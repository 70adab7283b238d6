/* bench-xlsx.c: the spreadsheet export alone, in process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads one assessment and exports it repeatedly, printing the median and
 * minimum time of one ems_xlsx_export() (the whole-process figure, with
 * program start, is in bench-xlsx.py).
 *
 * usage: bench-xlsx [FILE.emsa] [RUNS]
 */

#define G_LOG_DOMAIN "bench-xlsx"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "ems-i18n.h"
#include "ems-xlsx.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (1795458600);
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree double *ms = NULL;
  g_autoptr(GPtrArray) examples = NULL;
  guint runs;

  ems_i18n_init ();

  if (argc > 1)
    {
      file = g_file_new_for_commandline_arg (argv[1]);
    }
  else
    {
      examples = ems_list_examples ();
      if (examples == NULL || examples->len == 0)
        {
          g_printerr ("bench-xlsx: no example assessment found\n");
          return EXIT_FAILURE;
        }
      file = g_object_ref (g_ptr_array_index (examples, 0));
    }
  runs = argc > 2 ? MAX (1, atoi (argv[2])) : 50;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    assessment = ems_assessment_load_from_data (ems_checklist_get_default (),
                                                g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes), NULL, &error);
  if (assessment == NULL)
    {
      g_printerr ("bench-xlsx: %s\n", error->message);
      return EXIT_FAILURE;
    }

  dir = g_dir_make_tmp ("bench-xlsx-XXXXXX", &error);
  g_assert_no_error (error);
  out = g_build_filename (dir, "out.xlsx", NULL);
  ms = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!ems_xlsx_export (assessment, bytes, time, out, &error))
        {
          g_printerr ("bench-xlsx: %s\n", error->message);
          return EXIT_FAILURE;
        }
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (ms, runs, sizeof (double), compare_doubles);
  g_print ("ems_xlsx_export (in process): median %.1f ms, min %.1f ms (%u runs)\n",
           ms[runs / 2], ms[0], runs);

  g_unlink (out);
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
