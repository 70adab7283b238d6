/* fuzz-main.c: runs a harness once over files, without libFuzzer
 *
 * In the ordinary build (and the ASan build) every harness is linked with
 * this main and run over its seed corpus, so each file committed there,
 * the regression cases included, is checked by `meson test` with GCC too.
 *
 *   fuzz-emsa-run FILE-OR-DIRECTORY…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "fuzz-common.h"

static guint n_run;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  n_run++;
  g_print ("ok %u - %s\n", n_run, path);
}

static void
run_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      run_file (path);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  /* In a stable order, so that a failure names the same file each run */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    run_file (g_ptr_array_index (names, i));
}

int
main (int    argc,
      char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    run_path (argv[i]);

  if (n_run == 0)
    g_error ("no input files");

  g_print ("1..%u\n", n_run);

  return 0;
}
