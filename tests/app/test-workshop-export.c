/* test-workshop-export.c: the workshop window's exports, driven under
 * Xvfb: the comparison workbook and the PDF handout from the window (a
 * zip, a PDF, the same bytes as the command line's), anonymised when the
 * switch is on, the error path, and the slides a facilitator needs at
 * 1024×768
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-workshop-export"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ems-presentation.h"
#include "ems-test-utils.h"
#include "ems-workshop-export.h"
#include "ems-workshop-table.h"
#include "ems-workshop-window.h"
#include "workshop-test-utils.h"

/* A fixed export time: the window and the command line then give the
 * same bytes */
#define EPOCH "1767225600"

static EmsApplication *app;

/* Helpers ---------------------------------------------------------------- */

typedef struct
{
  EmsWorkshopWindow *window;
  guint              n;
} FinishWait;

static gboolean
export_finished (gpointer user_data)
{
  FinishWait *wait = user_data;

  return ems_workshop_export_get_n_finished (wait->window) > wait->n &&
         !ems_workshop_export_is_running (wait->window);
}

static void
export_and_wait (EmsWorkshopWindow     *window,
                 EmsWorkshopExportKind  kind,
                 GFile                 *file)
{
  FinishWait wait = { window, ems_workshop_export_get_n_finished (window) };

  ems_workshop_export_to_file (window, kind, file);
  ems_test_wait_until (export_finished, &wait, 120, "the export to finish");
  ems_test_flush ();
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return g_steal_pointer (&out);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
assert_starts_with (const char *path,
                    const char *magic)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_cmpmem (data, strlen (magic), magic, strlen (magic));
}

/* Every text part of the workbook (shared strings, sheets, properties) */
static char *
workbook_texts (const char *path)
{
  const char *script =
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "for n in z.namelist():\n"
    "    if n.endswith('.xml') or n.endswith('.rels'):\n"
    "        sys.stdout.write(z.read(n).decode('utf-8'))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };

  return run (argv);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, path, "-", NULL };

  g_assert_nonnull (pdftotext);
  return run (argv);
}

static char *
pdf_info (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { pdfinfo, path, NULL };

  g_assert_nonnull (pdfinfo);
  return run (argv);
}

static gboolean
have_tools (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL || !g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs pdftotext, pdfinfo (poppler-utils) and /usr/bin/python3");
      return FALSE;
    }
  return TRUE;
}

static EmsWorkshopWindow *
open_examples (GFile **files,
               char  **paths)
{
  for (guint i = 0; i < 3; i++)
    {
      files[i] = ems_test_get_example (i);
      paths[i] = g_file_get_path (files[i]);
    }
  return ems_workshop_test_open (GTK_APPLICATION (app), files, 3, 1280, 800);
}

static void
close_examples (EmsWorkshopWindow *window,
                GFile            **files,
                char             **paths)
{
  ems_workshop_test_destroy (window);
  for (guint i = 0; i < 3; i++)
    {
      g_object_unref (files[i]);
      g_free (paths[i]);
    }
}

static void
assert_toast_for (EmsWorkshopWindow *window,
                  const char        *path)
{
  AdwToast *toast = ems_workshop_export_get_last_toast (window);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GVariant *target;

  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), basename));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "workshop.open-export");
  target = adw_toast_get_action_target_value (toast);
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
}

/* The files the command line writes of the same set */
static void
assert_same_as_cli (char       **paths,
                    gboolean     anonymise,
                    const char  *dir,
                    const char  *from_window,
                    const char  *extension)
{
  const char *exe = g_getenv ("TEN_ELEMENTS");
  g_autofree char *name = g_strconcat ("cli", extension, NULL);
  g_autofree char *out = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) window_bytes = NULL;
  g_autoptr(GBytes) cli_bytes = NULL;
  const char *argv[] = { exe, "--compare", paths[0], paths[1], paths[2], "--export", out,
                         anonymise ? "--anonymise" : NULL, NULL };

  if (exe == NULL)
    {
      g_test_message ("TEN_ELEMENTS is not set: not compared with the command line");
      return;
    }

  g_free (run (argv));
  window_bytes = read_bytes (from_window);
  cli_bytes = read_bytes (out);
  g_test_message ("%s: window %" G_GSIZE_FORMAT " bytes, command line %" G_GSIZE_FORMAT,
                  extension, g_bytes_get_size (window_bytes), g_bytes_get_size (cli_bytes));
  g_assert_true (g_bytes_equal (window_bytes, cli_bytes));
  g_remove (out);
}

/* Writes @widget, drawn as it is, to $G_TEST_BUILDDIR/screenshots/@name to
 * look at */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  g_mkdir_with_parents (dir, 0755);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s (%d×%d)", path, width, height);
}

/* Tests ------------------------------------------------------------------ */

static void
check_exports (gboolean anonymise)
{
  g_autofree char *dir = ems_workshop_test_temp_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "compare.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *workbook = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  char *paths[3];
  GFile *files[3];
  EmsWorkshopWindow *window;
  EmsComparison *comparison;

  if (!have_tools ())
    return;

  window = open_examples (files, paths);
  comparison = ems_workshop_window_get_comparison (window);
  g_assert_cmpuint (ems_comparison_get_n_participants (comparison), ==, 3);
  /* The organisations, while they are shown */
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (names, ems_comparison_dup_label (comparison, i));

  /* The switch, as the user turns it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "workshop.anonymise", NULL));
  if (!anonymise)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "workshop.anonymise", NULL));
  g_assert_cmpint (ems_workshop_window_get_anonymise (window), ==, anonymise);

  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  export_and_wait (window, EMS_WORKSHOP_EXPORT_WORKBOOK, xlsx_file);
  assert_toast_for (window, xlsx);
  save_screenshot (GTK_WIDGET (window), anonymise ? "workshop-exported-anonymised.png"
                                                  : "workshop-exported.png");
  export_and_wait (window, EMS_WORKSHOP_EXPORT_HANDOUT, pdf_file);
  assert_toast_for (window, pdf);

  /* A zip and a PDF */
  assert_starts_with (xlsx, "PK\x03\x04");
  assert_starts_with (pdf, "%PDF-");
  workbook = workbook_texts (xlsx);
  text = pdf_text (pdf);
  info = pdf_info (pdf);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];

      g_test_message ("participant %u: “%s”", i, name);
      if (anonymise)
        {
          g_assert_null (strstr (workbook, name));
          g_assert_null (strstr (text, name));
          g_assert_null (strstr (info, name));
        }
      else
        {
          g_assert_nonnull (strstr (workbook, name));
          g_assert_nonnull (strstr (text, name));
        }
    }
  if (anonymise)
    {
      g_assert_nonnull (strstr (workbook, "Participant A"));
      g_assert_nonnull (strstr (text, "Participant A"));
      /* No file names either */
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *basename = g_path_get_basename (paths[i]);

          g_assert_null (strstr (workbook, basename));
          g_assert_null (strstr (text, basename));
        }
    }

  /* The command line's files of the same set, byte for byte */
  assert_same_as_cli (paths, anonymise, dir, xlsx, ".xlsx");
  assert_same_as_cli (paths, anonymise, dir, pdf, ".pdf");
  g_unsetenv ("SOURCE_DATE_EPOCH");

  g_remove (xlsx);
  g_remove (pdf);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  close_examples (window, files, paths);
}

static void
test_exports (void)
{
  check_exports (FALSE);
}

static void
test_exports_anonymised (void)
{
  check_exports (TRUE);
}

static guint
count_children (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
check_unwritable (EmsWorkshopExportKind  kind,
                  const char            *name)
{
  g_autofree char *dir = ems_workshop_test_temp_dir ();
  g_autofree char *folder = NULL;
  g_autofree char *target_path = NULL;
  g_autoptr(GFile) target = NULL;
  gboolean is_root = geteuid () == 0;
  char *paths[3];
  GFile *files[3];
  EmsWorkshopWindow *window = open_examples (files, paths);
  AdwMessageDialog *dialog;

  /* Root writes anywhere: then the "folder" is a plain file */
  if (is_root)
    {
      folder = g_build_filename (dir, "not-a-folder", NULL);
      g_assert_true (g_file_set_contents (folder, "x", 1, NULL));
    }
  else
    {
      folder = g_build_filename (dir, "read-only", NULL);
      g_assert_cmpint (g_mkdir (folder, 0555), ==, 0);
    }
  target_path = g_build_filename (folder, name, NULL);
  target = g_file_new_for_path (target_path);

  export_and_wait (window, kind, target);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, name));
  g_assert_null (ems_workshop_export_get_last_toast (window));
  ems_test_respond (dialog, "close");

  /* Nothing left behind */
  g_assert_false (g_file_test (target_path, G_FILE_TEST_EXISTS));
  if (!is_root)
    g_assert_cmpuint (count_children (folder), ==, 0);
  g_assert_cmpuint (count_children (dir), ==, 1);

  if (is_root)
    g_remove (folder);
  else
    g_rmdir (folder);
  g_rmdir (dir);
  close_examples (window, files, paths);
}

static void
test_unwritable (void)
{
  check_unwritable (EMS_WORKSHOP_EXPORT_WORKBOOK, "cannot.xlsx");
  check_unwritable (EMS_WORKSHOP_EXPORT_HANDOUT, "cannot.pdf");
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
popover_mapped (gpointer user_data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (user_data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover)) &&
         gtk_widget_get_width (GTK_WIDGET (popover)) > 0;
}

static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer user_data)
{
  return find_chooser () != NULL;
}

static gboolean
chooser_gone (gpointer user_data)
{
  return find_chooser () == NULL;
}

static void
check_chooser (EmsWorkshopWindow *window,
               const char        *action,
               const char        *extension)
{
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  ems_test_wait_until (chooser_shown, NULL, 30, "the file chooser");
  chooser = find_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (chooser);
  g_test_message ("%s offers “%s”", action, name);
  g_assert_true (g_str_has_suffix (name, extension));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ems_test_wait_until (chooser_gone, NULL, 30, "the file chooser to close");
  g_assert_cmpuint (ems_workshop_export_get_n_finished (window), ==, 0);
}

/* The actions: in the primary menu, disabled while there is nothing to
 * export */
static void
test_actions (void)
{
  EmsWorkshopWindow *window = ems_workshop_window_new (GTK_APPLICATION (app));
  GtkWidget *menu_button;
  GMenuModel *menu;
  gboolean found_workbook = FALSE, found_handout = FALSE;
  char *paths[3];
  GFile *files[3];

  /* Nothing to export yet: nothing runs */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/empty.xlsx");

    ems_workshop_export_to_file (window, EMS_WORKSHOP_EXPORT_WORKBOOK, nowhere);
    g_assert_false (ems_workshop_export_is_running (window));
    g_assert_cmpuint (ems_workshop_export_get_n_finished (window), ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_examples (files, paths);
  menu_button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          found_workbook |= g_strcmp0 (action, "workshop.export-workbook") == 0;
          found_handout |= g_strcmp0 (action, "workshop.export-handout") == 0;
        }
    }
  g_assert_true (found_workbook);
  g_assert_true (found_handout);

  /* The menu as it opens */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  ems_test_wait_until (popover_mapped, menu_button, 30, "the primary menu");
  ems_test_flush ();
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                   "workshop-menu.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  /* Each asks for a file, offering a name with its extension */
  check_chooser (window, "workshop.export-workbook", ".xlsx");
  check_chooser (window, "workshop.export-handout", ".pdf");

  close_examples (window, files, paths);
}

/* The participants' names in full in the table: not cut, and on one line
 * where there is room (the examples' names are all under 32 characters) */
static void
test_names_in_full (void)
{
  char *paths[3];
  GFile *files[3];
  EmsWorkshopWindow *window = open_examples (files, paths);
  EmsComparison *comparison = ems_workshop_window_get_comparison (window);
  GtkWidget *table;

  ems_workshop_window_show_view (window, "table");
  ems_test_flush ();
  table = ems_workshop_window_get_table (window);
  for (guint p = 0; p < ems_comparison_get_n_participants (comparison); p++)
    {
      g_autofree char *label = ems_comparison_dup_label (comparison, p);
      GtkWidget *name = gtk_grid_get_child_at (GTK_GRID (table), 0, EMS_WORKSHOP_TABLE_FIRST_ROW + p);
      PangoLayout *layout;

      g_assert_true (GTK_IS_LABEL (name));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, label);
      layout = gtk_label_get_layout (GTK_LABEL (name));
      g_test_message ("“%s”: %d line(s), %d px wide", label, pango_layout_get_line_count (layout),
                      gtk_widget_get_width (name));
      g_assert_false (pango_layout_is_ellipsized (layout));
      g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
    }

  close_examples (window, files, paths);
}

/* The slides a facilitator needs, each drawn at 1024×768 without being
 * cut: one per element's distribution, the priorities and the changes
 * over time */
static gboolean
has_label (GtkWidget  *widget,
           const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, needle))
      return TRUE;
  return FALSE;
}

/* The deepest visible child of the stack: the slide's scrolled window */
static GtkWidget *
visible_slide (EmsPresentation *slides)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (slides)); w != NULL;)
    {
      if (GTK_IS_STACK (w))
        return gtk_stack_get_visible_child (GTK_STACK (w));
      w = gtk_widget_get_first_child (w) != NULL ? gtk_widget_get_first_child (w)
                                                 : gtk_widget_get_next_sibling (w);
    }
  return NULL;
}

static gboolean
slide_allocated (gpointer user_data)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (user_data);

  return gtk_widget_get_mapped (user_data) && gtk_adjustment_get_page_size (vadj) > 0;
}

static gboolean
slides_at_size (gpointer user_data)
{
  return gtk_widget_get_width (user_data) == 1024 && gtk_widget_get_height (user_data) == 768;
}

/* Shows every slide of @comparison at 1024×768, asserts that none needs
 * scrolling, and says which kinds it saw */
static void
walk_slides (EmsComparison *comparison,
             guint         *n_element_slides,
             gboolean      *priorities,
             gboolean      *changes,
             gboolean      *bands)
{
  guint n_elements = ems_comparison_get_n_elements (comparison);
  EmsPresentation *slides;

  slides = ems_presentation_new (GTK_APPLICATION (app), comparison, NULL, 0);
  gtk_window_set_decorated (GTK_WINDOW (slides), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (slides), 1024, 768);
  gtk_window_present (GTK_WINDOW (slides));
  ems_test_wait_drawn (GTK_WIDGET (slides));
  /* The frame an undecorated window keeps (its shadow) comes off the
   * default size: add it back */
  if (!slides_at_size (slides))
    gtk_window_set_default_size (GTK_WINDOW (slides),
                                 2048 - gtk_widget_get_width (GTK_WIDGET (slides)),
                                 1536 - gtk_widget_get_height (GTK_WIDGET (slides)));
  ems_test_wait_until (slides_at_size, slides, 30, "the slides at 1024×768");

  for (guint s = 0; s < ems_presentation_get_n_slides (slides); s++)
    {
      GtkWidget *scroller;
      GtkAdjustment *vadj, *hadj;

      ems_presentation_set_slide (slides, s);
      scroller = visible_slide (slides);
      g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
      ems_test_wait_until (slide_allocated, scroller, 30, "the slide laid out");
      ems_test_flush ();
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (slides)), ==, 1024);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (slides)), ==, 768);

      /* Readable without scrolling: the slide fits its window */
      vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
      g_test_message ("slide %u: %g of %g high, %g of %g wide", s,
                      gtk_adjustment_get_page_size (vadj), gtk_adjustment_get_upper (vadj),
                      gtk_adjustment_get_page_size (hadj), gtk_adjustment_get_upper (hadj));
      g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), <=, gtk_adjustment_get_page_size (vadj) + 0.5);
      g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <=, gtk_adjustment_get_page_size (hadj) + 0.5);

      for (guint e = 1; e <= n_elements; e++)
        {
          g_autofree char *prefix = g_strdup_printf ("%u. ", e);
          GtkWidget *slide = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
          GtkWidget *title = slide;

          while (title != NULL && !GTK_IS_LABEL (title))
            title = gtk_widget_get_first_child (title);
          if (title != NULL && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (title)), prefix))
            (*n_element_slides)++;
        }
      *priorities |= has_label (scroller, "Most often answered 0");
      *changes |= has_label (scroller, "Change");
      if (!*bands && has_label (scroller, "Participants per band"))
        {
          save_screenshot (GTK_WIDGET (slides), "slide-bands-1024x768.png");
          *bands = TRUE;
        }
    }

  ems_workshop_test_destroy (slides);
}

/* Past 16 participants, each element's slide counts the participants per
 * band rather than giving each a row */
static void
test_slides_many (void)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  guint n_element_slides = 0;
  gboolean priorities = FALSE, changes = FALSE, bands = FALSE;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GFile) file = ems_test_get_example (i % 3);
      g_autoptr(GError) error = NULL;
      g_autoptr(EmsAssessment) assessment =
        ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);

      g_assert_no_error (error);
      ems_comparison_add (comparison, assessment, NULL);
    }

  walk_slides (comparison, &n_element_slides, &priorities, &changes, &bands);
  g_assert_cmpuint (n_element_slides, ==, ems_comparison_get_n_elements (comparison));
  g_assert_true (priorities);
  g_assert_true (bands);
}

static void
test_slides (void)
{
  g_autofree char *dir = ems_workshop_test_temp_dir ();
  g_autoptr(GFile) baseline = ems_workshop_test_write_baseline (dir, 0);
  GFile *files[4];
  EmsWorkshopWindow *window;
  EmsComparison *comparison;
  guint n_elements, n_element_slides = 0;
  gboolean priorities = FALSE, changes = FALSE, bands = FALSE;

  for (guint i = 0; i < 3; i++)
    files[i] = ems_test_get_example (i);
  files[3] = g_object_ref (baseline);
  window = ems_workshop_test_open (GTK_APPLICATION (app), files, 4, 1280, 800);
  comparison = ems_workshop_window_get_comparison (window);
  n_elements = ems_comparison_get_n_elements (comparison);

  walk_slides (comparison, &n_element_slides, &priorities, &changes, &bands);

  g_assert_cmpuint (n_element_slides, ==, n_elements);
  g_assert_true (priorities);
  g_assert_true (changes);
  g_assert_false (bands);

  ems_workshop_test_destroy (window);
  for (guint i = 0; i < 4; i++)
    g_object_unref (files[i]);
  g_remove (g_file_peek_path (baseline));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ems_test_init (&argc, &argv);

  g_test_add_func ("/app/workshop-export/actions", test_actions);
  g_test_add_func ("/app/workshop-export/exports", test_exports);
  g_test_add_func ("/app/workshop-export/exports-anonymised", test_exports_anonymised);
  g_test_add_func ("/app/workshop-export/unwritable", test_unwritable);
  g_test_add_func ("/app/workshop-export/names-in-full", test_names_in_full);
  g_test_add_func ("/app/workshop-export/slides", test_slides);
  g_test_add_func ("/app/workshop-export/slides-many", test_slides_many);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
