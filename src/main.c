/* main.c: entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ten-elements"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ems-application.h"
#include "ems-cli.h"
#include "ems-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EmsApplication) app = NULL;
  int status;

  ems_i18n_init ();

  /* The headless options run here, before GTK is ever initialised. */
  status = ems_cli_run (&argc, &argv);
  if (status >= 0)
    return status;

  app = ems_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
