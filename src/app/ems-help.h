/* ems-help.h: open the user help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The name of the help document (help:ten-elements) */
#define EMS_HELP_DOCUMENT "ten-elements"

/* Marks a page id of the help (help/C/<id>.page); the test-help test
 * checks that every id so marked in the sources exists. */
#define EMS_HELP_PAGE(id) (id)

/* The help page for what @window shows now (the workshop, the results,
 * the action plan…), or NULL for the front page. */
const char *ems_help_page_for_window (GtkWindow           *window);

/* The URI that shows @page (NULL: the front page): help:ten-elements/@page
 * when @have_browser, else the file:// URI of @page's HTML under
 * @html_dir/<language>/, for the first of @languages (as
 * g_get_language_names () gives them) that has it, then "C". NULL when
 * there is no browser and no HTML page. */
char       *ems_help_resolve_uri     (const char          *page,
                                      gboolean             have_browser,
                                      const char          *html_dir,
                                      const char * const  *languages);

/* The HTML help: $EMS_HELP_DIR (a build tree), else the installed copy */
const char *ems_help_get_html_dir    (void);

/* Whether a program handles help: URIs (yelp) */
gboolean    ems_help_have_browser    (void);

/* Opens @page (NULL: the front page) for @parent: with the help browser,
 * or the HTML help in the user's language when there is none or when
 * running from the build tree (EMS_HELP_DIR). A failure is shown as a
 * toast in @parent (or a dialog when it has none). */
void        ems_help_show            (GtkWindow           *parent,
                                      const char          *page);

/* For tests: ems_help_show () calls @func with the URI it would open
 * instead of launching anything, as if @have_browser said whether a help
 * browser is installed. NULL restores the normal behaviour. */
typedef void (*EmsHelpOpenFunc) (GtkWindow  *parent,
                                 const char *uri,
                                 gpointer    user_data);
void        ems_help_set_open_func_for_testing (EmsHelpOpenFunc func,
                                                gboolean        have_browser,
                                                gpointer        user_data);

G_END_DECLS
