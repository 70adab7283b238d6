/* ems-examples.c: the bundled example assessments
 *
 * Apart from ems-i18n.c because it hands out GFiles: the command line
 * links ems-i18n.c without GIO.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-i18n"

#include "config.h"

#include <gio/gio.h>

#include "ems-i18n.h"

/* For g_ptr_array_sort () of GFile*: by path */
int
ems_compare_file_paths (gconstpointer a,
                        gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **) a);
  g_autofree char *pb = g_file_get_path (*(GFile **) b);

  return g_strcmp0 (pa, pb);
}

GPtrArray *
ems_list_examples (void)
{
  const char *dirs[] = { g_getenv ("EMS_EXAMPLES_DIR"), EXAMPLES_DIR, SOURCE_EXAMPLES_DIR };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      if (!(dir = g_dir_open (dirs[i], 0, NULL)))
        continue;

      while ((name = g_dir_read_name (dir)))
        {
          if (g_str_has_suffix (name, ".emsa"))
            g_ptr_array_add (files, g_file_new_build_filename (dirs[i], name, NULL));
        }

      if (files->len > 0)
        break;
    }

  g_ptr_array_sort (files, ems_compare_file_paths);

  return g_steal_pointer (&files);
}
