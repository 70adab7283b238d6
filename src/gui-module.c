/* gui-module.c: the window, as a module main.c loads on demand
 *
 * The executable holds core, export and the command line; the window and
 * GTK come in this module, loaded only when no headless option was given.
 * So the command line never loads GTK at all: it starts fast and runs on
 * servers with no desktop libraries installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ten-elements"

#include "config.h"

#include <gmodule.h>

#include "ems-application.h"

G_MODULE_EXPORT int ems_gui_main (int    argc,
                                  char **argv);

G_MODULE_EXPORT int
ems_gui_main (int    argc,
              char **argv)
{
  g_autoptr(EmsApplication) app = ems_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
