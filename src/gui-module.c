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
#include <gtk/gtk.h>

#include "ems-application.h"
#include "ems-bench.h"
#include "ems-memory.h"

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
 * OpenGL makes the first window take three times as long (900 ms instead of
 * 300 ms on a two-core virtual machine: GL set-up and shader compilation on
 * the CPU) and every frame costs more than with GTK's cairo renderer.
 * GTK 4.14 makes the same choice itself ("gsk: Don't use gpu renderers with
 * llvmpipe"). Without a GPU device OpenGL can only be software, so leave it
 * off. GDK_DEBUG or GSK_RENDERER set by the user always win. */
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
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
}

/* GTK loads its own default theme, a large stylesheet, when it first
 * creates the display's GtkSettings; libadwaita then replaces it with its
 * own stylesheet and the empty "Adwaita-empty" theme. Parsing the default
 * theme for nothing was a quarter of GTK's start-up here (20 ms).
 *
 * GTK_THEME names the theme GtkSettings loads. Set to Adwaita-empty only
 * while the settings are created, and unset before libadwaita starts, as
 * libadwaita keeps off its stylesheet when GTK_THEME is set. The result is
 * what libadwaita would have left anyway. A GTK_THEME set by the user is
 * left alone. No other thread runs yet: the environment is safe to change. */
static void
skip_gtk_default_theme (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;

  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  if (gtk_init_check ())
    gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
}

/* Up to the first frame of the window, GTK, libadwaita and the window
 * allocate about 7 MiB of heap, and the cairo renderer a frame buffer:
 * ready them in one go (see ems-memory.c; 25 ms less here). Once the window
 * is up, free heap goes back to the system as usual. */
#define STARTUP_HEAP (12 * 1024 * 1024)
#define STARTUP_SECONDS 10

static gboolean
end_startup_heap (gpointer user_data)
{
  ems_memory_reset_heap_pad ();
  return G_SOURCE_REMOVE;
}

G_MODULE_EXPORT int
ems_gui_main (int    argc,
              char **argv)
{
  g_autoptr(EmsApplication) app = NULL;

  ems_bench_mark ("module-loaded");
  ems_memory_prefault_heap (STARTUP_HEAP);
  g_timeout_add_seconds (STARTUP_SECONDS, end_startup_heap, NULL);

  prefer_cairo_without_gpu ();
  skip_gtk_default_theme ();
  ems_bench_mark ("display-opened");
  app = ems_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
