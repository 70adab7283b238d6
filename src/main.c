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

  path = ems_cli_find_private_library (GUI_LIBRARY_NAME);
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
