/* test-workshop-screenshots.c: every view of the workshop window and
 * every slide at 1920×1080 and 1024×768, light and dark, written into
 * $G_TEST_BUILDDIR/screenshots/ to look at, and checked: the size asked
 * for, a frame that is not blank, and the charts drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-workshop"

#include "config.h"

#include "ems-presentation.h"
#include "ems-test-utils.h"
#include "ems-workshop-window.h"
#include "workshop-test-utils.h"

static EmsApplication *app;
static char *output_dir;
static char *self_path;
/* What an undecorated window's frame takes from its default size */
static int frame_width, frame_height;

static const struct
{
  int width;
  int height;
} sizes[] = {
  { 1920, 1080 },
  { 1024, 768 },
};

static const char *views[] = {
  "table", "radar", "distribution", "priorities", "changes", "problems",
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

static GtkWidget *
find_drawing_area (GtkWidget *widget)
{
  if (GTK_IS_DRAWING_AREA (widget) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drawing_area (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Writes a screenshot of @window, and checks it: the size asked for,
 * something drawn, and when @chart the chart on screen is drawn (a good
 * share of its area is not background) */
static void
save_screenshot (GtkWidget  *window,
                 const char *name,
                 int         width,
                 int         height,
                 gboolean    chart)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (output_dir, name, NULL);
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  gsize stride;

  g_assert_cmpint (gtk_widget_get_width (window), ==, width);
  g_assert_cmpint (gtk_widget_get_height (window), ==, height);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s (%d×%d)", path, width, height);

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  /* Not blank: text, rules and widgets over the background */
  g_assert_cmpfloat (share_not_background (pixels, stride, 0, 0, width, height), >, 0.01);

  if (chart)
    {
      GtkWidget *area = find_drawing_area (window);
      graphene_rect_t bounds;

      g_assert_nonnull (area);
      g_assert_true (gtk_widget_compute_bounds (area, window, &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 100);
      g_assert_cmpfloat (bounds.size.height, >, 100);
      /* Rings, bars, labels: a chart covers far more than a few pixels */
      g_assert_cmpfloat (share_not_background (pixels, stride,
                                               MAX (0, (int) bounds.origin.x), MAX (0, (int) bounds.origin.y),
                                               MIN (width - (int) bounds.origin.x, (int) bounds.size.width),
                                               MIN (height - (int) bounds.origin.y, (int) bounds.size.height)),
                         >, 0.03);
    }
}

static gboolean
has_size (gpointer user_data)
{
  int *size = g_object_get_data (user_data, "size");

  return gtk_widget_get_width (user_data) == size[0] && gtk_widget_get_height (user_data) == size[1];
}

/* Shows @window undecorated with @size as its content size. The frame a
 * window adds depends on its style, so it is measured on the window
 * itself: shown once, then resized by what the frame took. */
static void
present_at_size (GtkWindow *window,
                 int       *size)
{
  g_object_set_data (G_OBJECT (window), "size", size);
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, size[0] + frame_width, size[1] + frame_height);
  gtk_window_present (window);
  ems_test_wait_drawn (GTK_WIDGET (window));

  if (!has_size (window))
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (window, &width, &height);
      gtk_window_set_default_size (window,
                                   width + size[0] - gtk_widget_get_width (GTK_WIDGET (window)),
                                   height + size[1] - gtk_widget_get_height (GTK_WIDGET (window)));
    }

  ems_test_wait_until (has_size, window, 30, "the window to take its size");
}

static gboolean
screen_fits (int width,
             int height)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.width >= width && geometry.height >= height;
}

/* GTK keeps a window within its monitor, and xvfb-run's default screen is
 * 1280×1024: run the screenshots again under a full-HD Xvfb. */
static void
run_on_big_screen (void)
{
  g_autofree char *xvfb_run = g_find_program_in_path ("xvfb-run");
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = {
    NULL, "-a", "-s", "-screen 0 2560x1440x24", NULL, "-p", "/app/workshop/screenshots/all", NULL,
  };

  if (xvfb_run == NULL)
    {
      g_test_skip ("xvfb-run is needed for screenshots at 1920×1080");
      return;
    }

  argv[0] = xvfb_run;
  argv[4] = self_path;
  env = g_environ_setenv (env, "EMS_TEST_BIG_SCREEN", "1", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s\n%s", out, err);
      g_test_fail_printf ("the screenshots under a 1920×1080 Xvfb failed");
      return;
    }
  g_test_message ("screenshots written under a 1920×1080 Xvfb into %s", output_dir);
}

static void
test_screenshots (void)
{
  g_autofree char *dir = ems_workshop_test_temp_dir ();
  GFile *files[5];
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GFile) single = ems_test_get_example (1);
  g_autoptr(GError) error = NULL;
  EmsPresentation *slides;

  /* room for the window's frame and shadows too */
  if (!screen_fits (1920 + 128, 1080 + 128))
    {
      if (g_getenv ("EMS_TEST_BIG_SCREEN") != NULL)
        g_error ("The screen is smaller than 1920×1080");
      run_on_big_screen ();
      return;
    }

  assessment = ems_assessment_load_from_file (ems_checklist_get_default (), single, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Measure the frame once, then ask for the size plus the frame */
  {
    GtkWidget *probe = adw_window_new ();
    int size[2] = { 800, 600 };

    g_object_set_data (G_OBJECT (probe), "size", size);
    gtk_window_set_default_size (GTK_WINDOW (probe), size[0], size[1]);
    gtk_window_set_decorated (GTK_WINDOW (probe), FALSE);
    gtk_window_present (GTK_WINDOW (probe));
    ems_test_wait_drawn (probe);
    frame_width = size[0] - gtk_widget_get_width (probe);
    frame_height = size[1] - gtk_widget_get_height (probe);
    ems_workshop_test_destroy (probe);
  }

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  files[3] = ems_workshop_test_write_baseline (dir, 0);
  files[4] = ems_workshop_test_write_broken (dir);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int size[2] = { sizes[i].width, sizes[i].height };
      EmsWorkshopWindow *window = ems_workshop_test_open (GTK_APPLICATION (app), files, 5,
                                                          size[0] + frame_width, size[1] + frame_height);
      guint picked[] = { 1, 2 };
      EmsPresentation *slides;

      g_object_set_data (G_OBJECT (window), "size", size);
      ems_test_wait_until (has_size, window, 30, "the window to take its size");
      ems_workshop_window_set_picked (window, picked, G_N_ELEMENTS (picked));

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("workshop-%s-%dx%d.png", views[v], size[0], size[1]);

          ems_workshop_window_show_view (window, views[v]);
          ems_test_wait_drawn (GTK_WIDGET (window));
          save_screenshot (GTK_WIDGET (window), name, size[0], size[1],
                           g_str_equal (views[v], "radar") || g_str_equal (views[v], "distribution"));
        }

      gtk_widget_activate_action (GTK_WIDGET (window), "workshop.anonymise", NULL);
      ems_workshop_window_show_view (window, "table");
      ems_test_wait_drawn (GTK_WIDGET (window));
      {
        g_autofree char *name = g_strdup_printf ("workshop-table-anonymised-%dx%d.png", size[0], size[1]);

        save_screenshot (GTK_WIDGET (window), name, size[0], size[1], FALSE);
      }

      /* The slides in a window of the projector's size (the test screen
       * may be smaller than full HD, so not full screen) */
      slides = ems_presentation_new (GTK_APPLICATION (app),
                                     ems_workshop_window_get_comparison (window),
                                     picked, G_N_ELEMENTS (picked));
      present_at_size (GTK_WINDOW (slides), size);
      for (guint s = 0; s < ems_presentation_get_n_slides (slides); s++)
        {
          g_autofree char *name = g_strdup_printf ("slide-%02u-%dx%d.png", s + 1, size[0], size[1]);

          ems_presentation_set_slide (slides, s);
          ems_test_wait_drawn (GTK_WIDGET (slides));
          /* Slides 1 and 2: the group radar and the group's answers */
          save_screenshot (GTK_WIDGET (slides), name, size[0], size[1], s < 2);
        }

      ems_workshop_test_destroy (slides);
      ems_workshop_test_destroy (window);
    }

  /* One assessment, light; then dark at the projector size */
  for (guint i = 0; i <= G_N_ELEMENTS (sizes); i++)
    {
      gboolean dark = i == G_N_ELEMENTS (sizes);
      int size[2] = { sizes[dark ? 1 : i].width, sizes[dark ? 1 : i].height };

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
      slides = ems_presentation_new_for_assessment (GTK_APPLICATION (app), assessment);
      present_at_size (GTK_WINDOW (slides), size);
      for (guint s = 0; s < ems_presentation_get_n_slides (slides); s++)
        {
          g_autofree char *name = g_strdup_printf ("single-slide-%02u-%dx%d%s.png", s + 1, size[0], size[1],
                                                   dark ? "-dark" : "");

          ems_presentation_set_slide (slides, s);
          ems_test_wait_drawn (GTK_WIDGET (slides));
          save_screenshot (GTK_WIDGET (slides), name, size[0], size[1], s < 2);
        }
      ems_workshop_test_destroy (slides);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  const char *builddir;

  self_path = g_canonicalize_filename (argv[0], NULL);
  app = ems_test_init (&argc, &argv);

  builddir = g_getenv ("G_TEST_BUILDDIR");
  output_dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_mkdir_with_parents (output_dir, 0755);

  g_test_add_func ("/app/workshop/screenshots/all", test_screenshots);

  status = g_test_run ();
  g_object_unref (app);
  g_free (output_dir);
  g_free (self_path);
  return status;
}
