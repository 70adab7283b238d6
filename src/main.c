/* main.c: entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ten-elements"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdio.h>

#include "ems-cli.h"
#include "ems-i18n.h"

typedef int (*GuiMain) (int argc, char **argv);

/* The window module: beside the executable in the build tree, else where
 * it is installed (EMS_GUI_MODULE overrides both). */
static char *
find_gui_module (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *override = g_getenv ("EMS_GUI_MODULE");

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, GUI_MODULE_NAME, NULL);

      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (GUI_MODULE_DIR, GUI_MODULE_NAME, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  GModule *module;
  GuiMain gui_main = NULL;
  int status;

  ems_i18n_init ();

  /* The headless options run here: GTK is never loaded for them. */
  status = ems_cli_run (&argc, &argv);
  if (status >= 0)
    return status;

  path = find_gui_module ();
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, "ems_gui_main", (gpointer *) &gui_main))
    {
      /* Translators: %s is the reason the window could not be loaded */
      fprintf (stderr, _("ten-elements: cannot open the window: %s\n"), g_module_error ());
      return 1;
    }

  /* Never unloaded: the module's types live as long as the process. */
  g_module_make_resident (module);

  return gui_main (argc, argv);
}
