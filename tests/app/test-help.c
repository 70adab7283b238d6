/* test-help.c: F1 and the Help entries open the help page for the view,
 * with the help browser when there is one, else the HTML built into the
 * build tree for the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-help"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ems-help.h"
#include "ems-question-row.h"
#include "ems-results-page.h"
#include "ems-test-utils.h"
#include "ems-workshop-window.h"

static EmsApplication *app;

/* What ems_help_show () would have opened */
static char *opened_uri;
static guint n_opened;

static void
record_uri (GtkWindow  *parent,
            const char *uri,
            gpointer    user_data)
{
  g_free (opened_uri);
  opened_uri = g_strdup (uri);
  n_opened++;
}

static char *
activate_help (void)
{
  guint before = n_opened;

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_cmpuint (n_opened, ==, before + 1);
  return g_strdup (opened_uri);
}

static void
write_file (const char *dir,
            const char *lang,
            const char *name)
{
  g_autofree char *sub = g_build_filename (dir, lang, NULL);
  g_autofree char *path = g_build_filename (sub, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  g_file_set_contents (path, "<html/>", -1, &error);
  g_assert_no_error (error);
}

static char *
file_uri (const char *dir,
          const char *lang,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, lang, name, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

/* The URI-choosing rule, on a small tree */
static void
test_resolve (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ems-help-XXXXXX", NULL);
  const char *french[] = { "fr_FR.UTF-8", "fr_FR", "fr.UTF-8", "fr", "C", NULL };
  const char *german[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  const char *mexican[] = { "es_MX.UTF-8", "es_MX", "es", "C", NULL };
  char *uri, *expected;

  write_file (dir, "C", "index.html");
  write_file (dir, "C", "workshop.html");
  write_file (dir, "C", "scale.html");
  write_file (dir, "fr", "index.html");
  write_file (dir, "fr", "workshop.html");
  write_file (dir, "es", "workshop.html");

  /* A help browser: the help: URI, whatever the files */
  uri = ems_help_resolve_uri ("workshop", TRUE, dir, french);
  g_assert_cmpstr (uri, ==, "help:ten-elements/workshop");
  g_free (uri);
  uri = ems_help_resolve_uri (NULL, TRUE, dir, french);
  g_assert_cmpstr (uri, ==, "help:ten-elements");
  g_free (uri);

  /* No browser: the page in the user's language */
  uri = ems_help_resolve_uri ("workshop", FALSE, dir, french);
  expected = file_uri (dir, "fr", "workshop.html");
  g_assert_cmpstr (uri, ==, expected);
  g_free (uri);
  g_free (expected);

  uri = ems_help_resolve_uri ("workshop", FALSE, dir, mexican);
  expected = file_uri (dir, "es", "workshop.html");
  g_assert_cmpstr (uri, ==, expected);
  g_free (uri);
  g_free (expected);

  /* A language without help: English */
  uri = ems_help_resolve_uri ("workshop", FALSE, dir, german);
  expected = file_uri (dir, "C", "workshop.html");
  g_assert_cmpstr (uri, ==, expected);
  g_free (uri);
  g_free (expected);

  /* The front page */
  uri = ems_help_resolve_uri (NULL, FALSE, dir, french);
  expected = file_uri (dir, "fr", "index.html");
  g_assert_cmpstr (uri, ==, expected);
  g_free (uri);
  g_free (expected);

  /* A page missing in French: the French front page before English */
  uri = ems_help_resolve_uri ("scale", FALSE, dir, french);
  expected = file_uri (dir, "fr", "index.html");
  g_assert_cmpstr (uri, ==, expected);
  g_free (uri);
  g_free (expected);

  /* Spanish has no front page here: the page in English */
  uri = ems_help_resolve_uri ("scale", FALSE, dir, mexican);
  expected = file_uri (dir, "C", "scale.html");
  g_assert_cmpstr (uri, ==, expected);
  g_free (uri);
  g_free (expected);

  /* Nothing installed */
  uri = ems_help_resolve_uri ("scale", FALSE, "/nonexistent/help", french);
  g_assert_null (uri);
}

static void
assert_opened_html (const char *uri,
                    const char *lang,
                    const char *page)
{
  g_autofree char *name = g_strconcat (page, ".html", NULL);
  g_autofree char *expected = file_uri (ems_help_get_html_dir (), lang, name);
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpstr (uri, ==, expected);
  /* The page was built, in that language */
  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  if (!g_str_equal (lang, "C"))
    {
      g_autofree char *attr = g_strdup_printf ("lang=\"%s\"", lang);
      g_assert_nonnull (strstr (contents, attr));
    }
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

/* app.help with no help: handler opens the build tree's HTML for the
 * locale, at the page of the active window */
static void
test_html_fallback (void)
{
  g_autoptr(GFile) example = ems_test_get_example (0);
  g_autofree char *html_dir = NULL;
  EmsWorkshopWindow *workshop;
  EmsWindow *window;
  guint before;
  char *uri;

  ems_help_set_open_func_for_testing (record_uri, FALSE, NULL);

  /* The main window, on the results */
  window = ems_test_open_window (app, example);
  ems_window_show_page (window, ems_window_get_n_pages (window) - 1);
  g_assert_true (EMS_IS_RESULTS_PAGE (ems_window_get_page_widget (window, ems_window_get_n_pages (window) - 1)));
  ems_test_wait_drawn (GTK_WIDGET (window));
  g_assert_cmpstr (ems_help_page_for_window (GTK_WINDOW (window)), ==, "results");

  g_setenv ("LANGUAGE", "es_MX:es", TRUE);
  uri = activate_help ();
  assert_opened_html (uri, "es", "results");
  g_free (uri);

  /* An element */
  ems_window_show_page (window, 1);
  ems_test_wait_drawn (GTK_WIDGET (window));
  g_assert_cmpstr (ems_help_page_for_window (GTK_WINDOW (window)), ==, "answer");

  /* The workshop window, the newest and so the active one */
  workshop = ems_workshop_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (workshop));
  ems_test_wait_drawn (GTK_WIDGET (workshop));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (workshop));
  g_assert_cmpstr (ems_help_page_for_window (GTK_WINDOW (workshop)), ==, "workshop");

  g_setenv ("LANGUAGE", "fr_FR:fr", TRUE);
  uri = activate_help ();
  assert_opened_html (uri, "fr", "workshop");
  g_free (uri);

  /* A language the help is not translated into */
  g_setenv ("LANGUAGE", "de_DE:de", TRUE);
  uri = activate_help ();
  assert_opened_html (uri, "C", "workshop");
  g_free (uri);

  /* With a help browser */
  ems_help_set_open_func_for_testing (record_uri, TRUE, NULL);
  uri = activate_help ();
  g_assert_cmpstr (uri, ==, "help:ten-elements/workshop");
  g_free (uri);

  /* No help at all: a toast says so, nothing opens */
  g_unsetenv ("LANGUAGE");
  ems_help_set_open_func_for_testing (record_uri, FALSE, NULL);
  html_dir = g_strdup (g_getenv ("EMS_HELP_DIR"));
  g_setenv ("EMS_HELP_DIR", "/nonexistent/help", TRUE);
  before = n_opened;
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_cmpuint (n_opened, ==, before);
  ems_test_flush ();
  g_assert_true (find_label (GTK_WIDGET (workshop), "The help is not installed."));
  if (html_dir != NULL)
    g_setenv ("EMS_HELP_DIR", html_dir, TRUE);
  else
    g_unsetenv ("EMS_HELP_DIR");

  ems_help_set_open_func_for_testing (NULL, FALSE, NULL);
  ems_test_destroy_window (GTK_WINDOW (workshop));
  ems_test_destroy_window (GTK_WINDOW (window));
}

/* Writes what @native shows (a window or a popover) to screenshots/@name
 * in the build tree, to look at */
static void
shoot (GtkWidget  *native,
       const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (native);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width, height;

  for (guint attempt = 0; attempt < 10 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      ems_test_wait_drawn (native);
      width = gtk_widget_get_width (native);
      height = gtk_widget_get_height (native);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (native)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) sub = g_menu_link_iter_get_value (links);

          if (menu_has_action (sub, action))
            return TRUE;
        }
    }

  return FALSE;
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)) &&
      gtk_widget_get_mapped (widget))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *button = find_menu_button (child);

      if (button != NULL)
        return button;
    }

  return NULL;
}

static gboolean
find_shortcut (GtkWidget  *widget,
               const char *action,
               const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *name = NULL;
      g_autofree char *accel = NULL;

      g_object_get (widget, "action-name", &name, "accelerator", &accel, NULL);
      if (g_strcmp0 (name, action) == 0 && g_strcmp0 (accel, accelerator) == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_shortcut (child, action, accelerator))
      return TRUE;

  return FALSE;
}

/* The shortcuts section's pages are a stack: show the last one */
static void
show_last_page (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && GTK_IS_SHORTCUTS_SECTION (gtk_widget_get_parent (widget)))
    {
      GtkWidget *last = gtk_widget_get_last_child (widget);

      if (last != NULL)
        gtk_stack_set_visible_child (GTK_STACK (widget), last);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_last_page (child);
}

/* F1 is app.help; the main menus carry Help (and About in the workshop
 * window); the shortcuts window lists F1 */
static void
test_entries (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_autoptr(GFile) example = ems_test_get_example (0);
  EmsWorkshopWindow *workshop;
  GtkMenuButton *button;
  GMenuModel *menu;
  EmsWindow *window;
  GtkShortcutsWindow *overlay;
  GLogLevelFlags fatal;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "F1");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));

  workshop = ems_workshop_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (workshop));
  ems_test_wait_drawn (GTK_WIDGET (workshop));
  button = find_menu_button (GTK_WIDGET (workshop));
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "app.help"));
  g_assert_true (menu_has_action (menu, "app.about"));
  gtk_window_set_default_size (GTK_WINDOW (workshop), 800, 500);
  gtk_menu_button_popup (button);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  shoot (GTK_WIDGET (workshop), "help-workshop-window.png");
  shoot (GTK_WIDGET (gtk_menu_button_get_popover (button)), "help-workshop-menu.png");
  gtk_menu_button_popdown (button);
  ems_test_destroy_window (GTK_WINDOW (workshop));

  /* The main window builds its menu on first use: read the template's */
  window = ems_test_open_window (app, example);
  button = find_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  ems_test_flush ();
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "app.help"));
  shoot (GTK_WIDGET (gtk_menu_button_get_popover (button)), "help-main-menu.png");
  gtk_menu_button_popdown (button);

  /* The shortcuts window lists F1, on its second page */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (find_shortcut (GTK_WIDGET (overlay), "app.help", "F1"));
  ems_test_wait_drawn (GTK_WIDGET (overlay));
  show_last_page (GTK_WIDGET (overlay));
  shoot (GTK_WIDGET (overlay), "help-shortcuts.png");
  gtk_window_close (GTK_WINDOW (overlay));
  ems_test_flush ();
  g_log_set_always_fatal (fatal);

  ems_test_destroy_window (GTK_WINDOW (window));
}

static EmsQuestionRow *
find_question_row (GtkWidget *widget)
{
  if (EMS_IS_QUESTION_ROW (widget) && gtk_widget_get_mapped (widget))
    return EMS_QUESTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EmsQuestionRow *row = find_question_row (child);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* F1 on a question is no longer the examples' key: it reaches app.help;
 * “?” still shows the examples */
static void
test_question_row_f1 (void)
{
  g_autoptr(GFile) example = ems_test_get_example (0);
  EmsWindow *window = ems_test_open_window (app, example);
  EmsQuestionRow *row;

  ems_window_show_page (window, 1);
  ems_test_wait_drawn (GTK_WIDGET (window));
  row = find_question_row (GTK_WIDGET (window));
  g_assert_nonnull (row);

  g_assert_false (ems_test_press_key (GTK_WIDGET (row), GDK_KEY_F1));
  g_assert_true (ems_test_press_key (GTK_WIDGET (row), GDK_KEY_question));

  ems_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ems_test_init (&argc, &argv);

  g_test_add_func ("/app/help/resolve", test_resolve);
  g_test_add_func ("/app/help/html-fallback", test_html_fallback);
  g_test_add_func ("/app/help/entries", test_entries);
  g_test_add_func ("/app/help/question-row-f1", test_question_row_f1);

  status = g_test_run ();
  g_free (opened_uri);
  g_object_unref (app);
  return status;
}
