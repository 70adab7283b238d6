/* test-screenshots.c: writes a PNG of each view, light and dark, at three
 * sizes, into the build directory (tests/screenshots/) to look at, and
 * checks each: the size asked for, the view asked for, and not blank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-screenshots"

#include "config.h"

#include "ems-profile-page.h"
#include "ems-test-utils.h"

static EmsApplication *app;
static char *output_dir;

static const struct
{
  int width;
  int height;
} sizes[] = {
  { 1280, 800 },
  { 800, 600 },
  { 360, 640 },   /* the narrowest supported: the sidebar folds away */
};

/* Pixels of the rectangle (x, y, width, height) of @pixels (RGBA,
 * @stride bytes a row) that differ from its top-left pixel */
static double
share_not_background (const guchar *pixels,
                      gsize         stride,
                      int           x0,
                      int           y0,
                      int           width,
                      int           height)
{
  const guchar *background = pixels + y0 * stride + x0 * 4;
  guint64 n = 0;

  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;

        if (ABS (p[0] - background[0]) + ABS (p[1] - background[1]) + ABS (p[2] - background[2]) > 24)
          n++;
      }

  return width > 0 && height > 0 ? (double) n / ((double) width * height) : 0.0;
}

/* Writes @window as @name and checks the image: the window's size, and
 * something drawn in its lower half too (the content, not only a header
 * bar) */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (output_dir, name, NULL);
  g_autofree guchar *pixels = NULL;
  gsize stride;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  /* Rarely, on a loaded machine, the first snapshot comes back empty:
   * draw once more and retry. */
  for (guint attempt = 0; attempt < 10 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        ems_test_wait_drawn (window);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    g_error ("Could not draw %s (window %d×%d, mapped %d)", name, width, height,
             gtk_widget_get_mapped (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  g_assert_cmpfloat (share_not_background (pixels, stride, 0, 0, width, height), >, 0.01);
  g_assert_cmpfloat (share_not_background (pixels, stride, 0, height / 2, width, height / 2), >, 0.005);
}

static gboolean
window_not_busy (gpointer user_data)
{
  return !ems_window_is_busy (user_data) && ems_window_get_document (user_data) != NULL;
}

static gboolean
has_some_size (gpointer user_data)
{
  return gtk_widget_get_width (user_data) > 0;
}

static void
shoot_all (const char       *scheme_name,
           AdwColorScheme    scheme)
{
  g_autoptr(GFile) file = ems_test_get_example (0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      EmsWindow *window = ems_window_new (GTK_APPLICATION (app));
      int dx, dy;
      int size[2] = { sizes[i].width, sizes[i].height };
      g_autofree char *suffix = g_strdup_printf ("%s-%dx%d.png", scheme_name, size[0], size[1]);
      g_autofree char *name = NULL;

      g_object_set_data (G_OBJECT (window), "size", size);
      gtk_window_set_default_size (GTK_WINDOW (window), size[0], size[1]);
      /* No client-side shadow: its margins would count against the screen
       * (xvfb-run's is 1280×1024) and the image would not be the size asked. */
      gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
      gtk_window_present (GTK_WINDOW (window));
      /* The default size may count margins: make the window's content the
       * size asked for. */
      ems_test_wait_until (has_some_size, window, 30, "the window to be shown");
      ems_test_wait_drawn (GTK_WIDGET (window));
      dx = size[0] - gtk_widget_get_width (GTK_WIDGET (window));
      dy = size[1] - gtk_widget_get_height (GTK_WIDGET (window));
      if (dx != 0 || dy != 0)
        {
          ems_test_destroy_window (GTK_WINDOW (window));
          window = ems_window_new (GTK_APPLICATION (app));
          g_object_set_data (G_OBJECT (window), "size", size);
          gtk_window_set_default_size (GTK_WINDOW (window), size[0] + dx, size[1] + dy);
          gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
          gtk_window_present (GTK_WINDOW (window));
        }
      /* A screen narrower than the size asked (xvfb-run's default is
       * 1280×1024) clamps the window by its margins: accept that. */
      ems_test_wait_until (has_some_size, window, 30, "the window to be shown");
      ems_test_wait_drawn (GTK_WIDGET (window));
      g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - size[0]), <=, 16);
      g_assert_cmpint (ABS (gtk_widget_get_height (GTK_WIDGET (window)) - size[1]), <=, 16);
      ems_test_wait_drawn (GTK_WIDGET (window));
      name = g_strconcat ("welcome-", suffix, NULL);
      g_assert_null (ems_window_get_document (window));
      save_screenshot (GTK_WIDGET (window), name);

      ems_window_open_file (window, file);
      ems_test_wait_until (window_not_busy, window, 30, "the example to open");

      ems_window_show_page (window, EMS_WINDOW_PAGE_PROFILE);
      ems_test_wait_drawn (GTK_WIDGET (window));
      g_assert_cmpuint (ems_window_get_page (window), ==, EMS_WINDOW_PAGE_PROFILE);
      g_free (name);
      name = g_strconcat ("profile-", suffix, NULL);
      save_screenshot (GTK_WIDGET (window), name);

      /* A date that does not exist, as typed: the field keeps it and says why */
      {
        GtkWidget *profile = ems_window_get_page_widget (window, EMS_WINDOW_PAGE_PROFILE);
        GtkWidget *date = ems_profile_page_get_row (EMS_PROFILE_PAGE (profile), "assessed-on");

        gtk_editable_set_text (GTK_EDITABLE (date), "2026-02-30");
        g_assert_true (gtk_widget_has_css_class (date, "error"));
        gtk_widget_grab_focus (date);
        ems_test_wait_drawn (GTK_WIDGET (window));
        g_free (name);
        name = g_strconcat ("profile-bad-date-", suffix, NULL);
        save_screenshot (GTK_WIDGET (window), name);
        ems_document_set_modified (ems_window_get_document (window), FALSE);
      }

      ems_window_show_page (window, 2);
      ems_test_wait_drawn (GTK_WIDGET (window));
      g_assert_cmpuint (ems_window_get_page (window), ==, 2);
      g_free (name);
      name = g_strconcat ("element-", suffix, NULL);
      save_screenshot (GTK_WIDGET (window), name);

      /* the action plan, then the results, come last */
      ems_window_show_page (window, ems_window_get_n_pages (window) - 2);
      ems_test_wait_drawn (GTK_WIDGET (window));
      g_assert_cmpuint (ems_window_get_page (window), ==, ems_window_get_n_pages (window) - 2);
      g_free (name);
      name = g_strconcat ("actions-", suffix, NULL);
      save_screenshot (GTK_WIDGET (window), name);

      ems_test_destroy_window (GTK_WINDOW (window));
    }
}

static void
test_light (void)
{
  shoot_all ("light", ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_dark (void)
{
  shoot_all ("dark", ADW_COLOR_SCHEME_FORCE_DARK);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autoptr(GError) error = NULL;
  const char *builddir;

  app = ems_test_init (&argc, &argv);

  builddir = g_getenv ("G_TEST_BUILDDIR");
  output_dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_mkdir_with_parents (output_dir, 0755);

  g_test_add_func ("/app/screenshots/light", test_light);
  g_test_add_func ("/app/screenshots/dark", test_dark);

  status = g_test_run ();
  g_object_unref (app);
  g_free (output_dir);
  return status;
}
