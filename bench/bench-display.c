/* bench-display.c: run a benchmark on a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "bench-display.h"

int
bench_ensure_display (const char *argv0,
                      const char *screen,
                      gboolean    session_bus)
{
  g_autofree char *xvfb = NULL;
  g_autofree char *self = NULL;
  g_autofree char *server_args = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) args = NULL;

  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return -1;

  name = g_path_get_basename (argv0);
  xvfb = g_find_program_in_path ("xvfb-run");
  if (xvfb == NULL)
    {
      g_printerr ("%s: no display and no xvfb-run\n", name);
      return 77;
    }

  self = g_canonicalize_filename (argv0, NULL);
  server_args = g_strdup_printf ("-screen 0 %s", screen);
  args = g_ptr_array_new ();
  g_ptr_array_add (args, xvfb);
  g_ptr_array_add (args, (char *) "-a");
  g_ptr_array_add (args, (char *) "-s");
  g_ptr_array_add (args, server_args);
  if (session_bus)
    {
      g_ptr_array_add (args, (char *) "dbus-run-session");
      g_ptr_array_add (args, (char *) "--");
    }
  g_ptr_array_add (args, self);
  g_ptr_array_add (args, NULL);

  execv (xvfb, (char **) args->pdata);
  g_printerr ("%s: could not run xvfb-run\n", name);
  return 1;
}
