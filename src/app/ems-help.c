/* ems-help.c: open the user help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The help is Mallard (help/C, translated with itstool), installed for a
 * help browser under $datadir/help and, as HTML, under
 * $datadir/ten-elements/help/<language>/. With yelp installed, F1 opens
 * help:ten-elements/<page>; without it (a desktop without yelp, the
 * flatpak) the HTML page opens in the web browser.
 */
#define G_LOG_DOMAIN "ems-help"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ems-actions-page.h"
#include "ems-element-page.h"
#include "ems-help.h"
#include "ems-launcher.h"
#include "ems-presentation.h"
#include "ems-profile-page.h"
#include "ems-results-page.h"
#include "ems-window.h"
#include "ems-workshop-window.h"

static EmsHelpOpenFunc test_open_func;
static gboolean test_have_browser;
static gpointer test_user_data;

void
ems_help_set_open_func_for_testing (EmsHelpOpenFunc func,
                                    gboolean        have_browser,
                                    gpointer        user_data)
{
  test_open_func = func;
  test_have_browser = have_browser;
  test_user_data = user_data;
}

/* The page shown in the main window: the first mapped page widget (the
 * content stack maps only its visible child). */
static const char *
find_page (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (EMS_IS_RESULTS_PAGE (widget))
    return EMS_HELP_PAGE ("results");
  if (EMS_IS_ACTIONS_PAGE (widget))
    return EMS_HELP_PAGE ("action-plan");
  if (EMS_IS_ELEMENT_PAGE (widget))
    return EMS_HELP_PAGE ("answer");
  if (EMS_IS_PROFILE_PAGE (widget))
    return EMS_HELP_PAGE ("start");

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *page = find_page (child);

      if (page != NULL)
        return page;
    }

  return NULL;
}

const char *
ems_help_page_for_window (GtkWindow *window)
{
  g_return_val_if_fail (window == NULL || GTK_IS_WINDOW (window), NULL);

  if (window == NULL)
    return NULL;
  if (EMS_IS_WORKSHOP_WINDOW (window))
    return EMS_HELP_PAGE ("workshop");
  if (EMS_IS_PRESENTATION (window))
    return EMS_HELP_PAGE ("workshop-present");
  if (EMS_IS_WINDOW (window))
    return find_page (GTK_WIDGET (window));

  return NULL;
}

static char *
html_page_uri (const char *html_dir,
               const char *language,
               const char *page)
{
  g_autofree char *name = g_strconcat (page, ".html", NULL);
  g_autofree char *path = g_build_filename (html_dir, language, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_filename_to_uri (path, NULL, NULL);
}

char *
ems_help_resolve_uri (const char         *page,
                      gboolean            have_browser,
                      const char         *html_dir,
                      const char * const *languages)
{
  const char *fallback[] = { "C", NULL };

  if (have_browser)
    {
      if (page == NULL)
        return g_strdup ("help:" EMS_HELP_DOCUMENT);
      return g_strconcat ("help:" EMS_HELP_DOCUMENT "/", page, NULL);
    }

  g_return_val_if_fail (html_dir != NULL, NULL);

  if (languages == NULL)
    languages = fallback;

  /* The page in the first language that has it, else the front page in
   * that language, then the same in English */
  for (guint pass = 0; pass < 2; pass++)
    {
      const char * const *list = pass == 0 ? languages : fallback;

      for (guint i = 0; list[i] != NULL; i++)
        {
          char *uri;

          /* "fr_FR.UTF-8" and "fr_FR@euro" never name a directory */
          if (strchr (list[i], '.') != NULL || strchr (list[i], '@') != NULL)
            continue;
          if (page != NULL && (uri = html_page_uri (html_dir, list[i], page)) != NULL)
            return uri;
          if ((uri = html_page_uri (html_dir, list[i], "index")) != NULL)
            return uri;
        }
    }

  return NULL;
}

const char *
ems_help_get_html_dir (void)
{
  const char *dir = g_getenv ("EMS_HELP_DIR");

  if (dir != NULL && *dir != '\0')
    return dir;

  return PKGDATADIR G_DIR_SEPARATOR_S "help";
}

gboolean
ems_help_have_browser (void)
{
  g_autoptr(GAppInfo) info = g_app_info_get_default_for_uri_scheme ("help");

  return info != NULL;
}

/* Whether ems_help_show () opens help: URIs. A build tree's help
 * (EMS_HELP_DIR) is not where a help browser looks: its HTML opens. */
static gboolean
use_browser (void)
{
  const char *dir = g_getenv ("EMS_HELP_DIR");

  if (test_open_func != NULL)
    return test_have_browser;

  return (dir == NULL || *dir == '\0') && ems_help_have_browser ();
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *content = NULL;

  /* A presentation has no toasts: tell the window it came from */
  if (parent != NULL && !ADW_IS_APPLICATION_WINDOW (parent) &&
      gtk_window_get_transient_for (parent) != NULL)
    parent = gtk_window_get_transient_for (parent);

  if (ADW_IS_APPLICATION_WINDOW (parent))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));

  if (ADW_IS_TOAST_OVERLAY (content))
    {
      g_autofree char *title = NULL;

      /* Translators: %s says why, e.g. “No application is registered as handling this file” */
      title = g_strdup_printf (_("Could not open the help: %s"), error->message);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (title));
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Open the Help"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!ems_launcher_open_uri_finish (result, &error))
    show_error (parent, error);
}

void
ems_help_show (GtkWindow  *parent,
               const char *page)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  uri = ems_help_resolve_uri (page, use_browser (), ems_help_get_html_dir (),
                              g_get_language_names ());
  if (uri == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                     _("The help is not installed."));
      show_error (parent, error);
      return;
    }

  if (test_open_func != NULL)
    {
      test_open_func (parent, uri, test_user_data);
      return;
    }

  ems_launcher_open_uri (parent, uri, NULL, on_opened,
                         parent != NULL ? g_object_ref (parent) : NULL);
}
