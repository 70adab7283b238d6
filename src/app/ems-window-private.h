/* ems-window-private.h: the window's state, shared by the files that make
 * up the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ems-window.c          the frame: title, pages, navigation, the document
 * ems-window-sidebar.c  the list of sections and the progress above it
 * ems-window-actions.c  the win.* actions: opening, saving, undo, closing
 * ems-window-import.c   our workbooks: opened as new, or imported into
 *
 * Only these files include this header. The exports and printing
 * (ems-window-export*.c) keep their own state and use only the window's
 * public API and properties.
 */
#pragma once

#include "ems-checklist.h"
#include "ems-welcome-page.h"
#include "ems-window.h"

G_BEGIN_DECLS

#define EMS_WINDOW_MIME_TYPE "application/x-ten-elements-assessment"

/* Data on an untitled EmsDocument read from a workbook: the workbook's
 * display name (the title says where it came from) */
#define EMS_WINDOW_IMPORTED_FROM "ems-window-imported-from"

typedef struct
{
  GtkWidget *row;
  GtkWidget *subtitle;
  GtkWidget *badge;
  GtkWidget *flag;
} SidebarRow;

struct _EmsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  EmsWelcomePage       *welcome_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GMenuModel           *primary_menu;
  GtkMenuButton        *menu_button;
  GtkWidget            *content_box;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkListBox           *sidebar_list;
  GtkWidget            *back_button;
  GtkWidget            *undo_button;
  GtkWidget            *save_button;
  GtkWidget            *redo_button;
  AdwWindowTitle       *window_title;
  GtkStack             *content_stack;

  EmsDocument          *document;
  GArray               *sidebar_rows;   /* SidebarRow, one per page */
  GPtrArray            *pages;          /* page widgets or NULL */
  guint                 page;
  gboolean              selecting;

  GSettings            *settings;       /* or NULL: nothing is kept */
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  guint                 n_busy;
  gboolean              close_after_save;
  gboolean              bench_reported;
  gboolean              welcome_populated;
  gboolean              document_is_example;   /* cached: no disk access on edits */
};

static inline EmsAssessment *
_ems_window_get_assessment (EmsWindow *self)
{
  return self->document ? ems_document_get_assessment (self->document) : NULL;
}

static inline guint
_ems_window_n_elements (void)
{
  return ems_checklist_get_n_elements (ems_checklist_get_default ());
}

static inline guint
_ems_window_actions_page_index (EmsWindow *self)
{
  return _ems_window_n_elements () + 1;
}

/* The results page (ems-results-page.c) comes last */
static inline guint
_ems_window_results_page_index (EmsWindow *self)
{
  return _ems_window_n_elements () + 2;
}

/* ems-window.c */
void       _ems_window_set_busy             (EmsWindow      *self,
                                             gboolean        busy);
GSettings *_ems_window_get_settings         (EmsWindow      *self);
gboolean   _ems_window_file_is_example      (GFile          *file);

/* ems-window-sidebar.c */
void       _ems_window_build_sidebar        (EmsWindow      *self);
void       _ems_window_update_sidebar       (EmsWindow      *self);

/* ems-window-actions.c */
void       _ems_window_class_actions_init   (GtkWidgetClass *widget_class);
void       _ems_window_update_actions       (EmsWindow      *self);
/* From close-request: TRUE when closing waits for the user (unsaved
 * changes), FALSE when the window may close now */
gboolean   _ems_window_confirm_close        (EmsWindow      *self);

/* ems-window-import.c */
void       _ems_window_class_import_init    (GtkWidgetClass *widget_class);
void       _ems_window_import_update_actions (EmsWindow     *self);
/* TRUE for a name ending in .xlsx, .xlsm or .xls */
gboolean   _ems_window_file_is_workbook     (GFile          *file);
/* A new untitled assessment from the workbook, read in a thread */
void       _ems_window_open_workbook        (EmsWindow      *self,
                                             GFile          *file);
/* The workbook's name without its extension, for an untitled document
 * read from one; else NULL */
char      *_ems_window_imported_base_name   (EmsWindow      *self);
/* A file dropped on the window */
void       _ems_window_open_dropped         (EmsWindow      *self,
                                             GFile          *file);

G_END_DECLS
