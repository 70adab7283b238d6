/* ems-gui-main.c: the window's entry point, called by main.c
 *
 * The executable holds the command line; the window and GTK live in
 * libten-elements-gui.so, which main.c opens only when no headless option
 * was given, so the command line never loads GTK: it starts fast and runs
 * on servers with no desktop libraries installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ten-elements"

#include "config.h"

#include <gmodule.h>
#include <gtk/gtk.h>

#include "ems-application.h"
#include "ems-bench.h"
#include "ems-launcher.h"

G_MODULE_EXPORT int ems_gui_main (int    argc,
                                  char **argv);

/* TRUE when the machine has a device a graphics driver could render with:
 * a DRM node (Mesa and most drivers) or NVIDIA's control device. */
static gboolean
has_gpu_device (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open ("/dev/dri", 0, NULL);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
      return TRUE;

  return FALSE;
}

/* GTK before 4.14 renders with OpenGL whenever the display offers it, even
 * when the only OpenGL is Mesa's software rasteriser (llvmpipe): on a
 * machine with no graphics driver, in a virtual machine, under Xvfb. There
 * GL set-up and shader compilation run on the CPU, which makes the first
 * window much slower and every frame dearer than GTK's cairo renderer.
 * GTK 4.14 makes the same choice itself ("gsk: Don't use gpu renderers with
 * llvmpipe"). Without a GPU device OpenGL can only be software, so leave it
 * off. GDK_DEBUG or GSK_RENDERER set by the user always win, and programs
 * the window launches never see ours (ems-launcher.c). */
static void
prefer_cairo_without_gpu (void)
{
  if (gtk_get_major_version () > 4 || gtk_get_minor_version () >= 14)
    return;
  if (g_getenv ("GDK_DEBUG") != NULL || g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (has_gpu_device ())
    return;

  g_debug ("No GPU device: OpenGL would be software only, using the cairo renderer");
  ems_launcher_set_private_env ("GDK_DEBUG", "gl-disable");
  ems_launcher_set_private_env ("GSK_RENDERER", "cairo");
}

G_MODULE_EXPORT int
ems_gui_main (int    argc,
              char **argv)
{
  g_autoptr(EmsApplication) app = NULL;

  ems_bench_mark ("module-loaded");
  prefer_cairo_without_gpu ();
  app = ems_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
