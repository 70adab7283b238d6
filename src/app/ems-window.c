/* ems-window.c: the main window: its frame, the pages and the navigation
 * between them, and the document it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions (opening, saving, undo, closing) are in ems-window-actions.c,
 * the sidebar in ems-window-sidebar.c, the exports in ems-window-export.c,
 * the page without a document in ems-welcome-page.c; they share the state
 * in ems-window-private.h.
 */
#define G_LOG_DOMAIN "ems-window"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "ems-actions-page.h"
#include "ems-bench.h"
#include "ems-element-page.h"
#include "ems-examples.h"
#include "ems-profile-page.h"
#include "ems-question-row.h"
#include "ems-results-page.h"
#include "ems-scores.h"
#include "ems-window-export.h"
#include "ems-window-private.h"

G_DEFINE_FINAL_TYPE (EmsWindow, ems_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_BUSY,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_welcome (EmsWindow *self);

guint
ems_window_get_n_pages (EmsWindow *self)
{
  return _ems_window_n_elements () + 3;
}

void
_ems_window_set_busy (EmsWindow *self,
                      gboolean   busy)
{
  gboolean was_busy = self->n_busy > 0;

  if (busy)
    self->n_busy++;
  else if (self->n_busy > 0)
    self->n_busy--;

  if (was_busy != (self->n_busy > 0))
    {
      _ems_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

gboolean
ems_window_is_busy (EmsWindow *self)
{
  g_return_val_if_fail (EMS_IS_WINDOW (self), FALSE);
  return self->n_busy > 0;
}

void
ems_window_add_toast (EmsWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (EMS_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GSettings *
_ems_window_get_settings (EmsWindow *self)
{
  return self->settings;
}

/* The application's schema, when it is installed (not when running from
 * an unconfigured tree): every GSettings on it shares one backend, so the
 * window and the application see the same values. */
static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/* By folder and name: no disk access on the main loop */
gboolean
_ems_window_file_is_example (GFile *file)
{
  return ems_file_is_example (file);
}

/* Title */

static void
update_title (EmsWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Ten Elements"));
      return;
    }

  title = ems_document_dup_title (self->document);
  modified = ems_document_get_modified (self->document);
  if (modified)
    gtk_widget_add_css_class (self->save_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->save_button, "suggested-action");
  /* Translators: the window title of a document with unsaved changes */
  shown = modified ? g_strdup_printf (_("• %s"), title) : g_strdup (title);
  adw_window_title_set_title (self->window_title, shown);

  if (ems_document_get_file (self->document) == NULL)
    {
      const char *from = g_object_get_data (G_OBJECT (self->document), EMS_WINDOW_IMPORTED_FROM);

      if (from != NULL)
        /* Translators: the window's subtitle; %s is a workbook's file name */
        subtitle = g_strdup_printf (_("From “%s”, not saved yet"), from);
      else
        subtitle = g_strdup (_("Not saved yet"));
    }
  else if (self->document_is_example)
    subtitle = g_strdup (_("Example: use Save As to keep your changes"));
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (ems_document_get_file (self->document));
      g_autofree char *path = parent ? g_file_get_path (parent) : NULL;

      if (path != NULL)
        {
          const char *home = g_get_home_dir ();

          if (home != NULL && g_str_has_prefix (path, home) && path[strlen (home)] == '/')
            subtitle = g_strconcat ("~", path + strlen (home), NULL);
          else
            subtitle = g_strdup (path);
        }
    }
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  /* Translators: window title: document title, then the application name */
  window_title = g_strdup_printf (_("%s – Ten Elements"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* Pages */

static gboolean
bench_after_paint (gpointer user_data)
{
  EmsWindow *self = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  struct timespec cpu;

  g_print ("first-element-page-drawn %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  /* CPU time of the whole process so far: less sensitive to a busy machine */
  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0)
    g_print ("cpu-usec %" G_GINT64_FORMAT "\n",
             (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
on_bench_after_paint (GdkFrameClock *clock,
                      EmsWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint, self);
  g_idle_add_full (G_PRIORITY_HIGH, bench_after_paint, g_object_ref (self), g_object_unref);
}

static gboolean
bench_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  EmsWindow *self = user_data;

  ems_bench_mark ("first-frame-started");
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_bench_after_paint), self);
  g_signal_connect_swapped (clock, "layout", G_CALLBACK (ems_bench_mark), (gpointer) "layout-phase");
  g_signal_connect_swapped (clock, "paint", G_CALLBACK (ems_bench_mark), (gpointer) "paint-phase");
  return G_SOURCE_REMOVE;
}

/* The results page asks to see a question: show it on its element's page */
static void
on_results_show_question (EmsResultsPage *page,
                          const char     *question_id,
                          EmsWindow      *self)
{
  const EmsQuestion *question = ems_checklist_lookup_question (ems_checklist_get_default (),
                                                               question_id);
  GtkWidget *widget;
  GtkWidget *row = NULL;

  if (question == NULL || question->element < 1 || question->element > _ems_window_n_elements ())
    return;

  ems_window_show_page (self, question->element);
  widget = ems_window_get_page_widget (self, question->element);
  if (EMS_IS_ELEMENT_PAGE (widget))
    row = ems_element_page_get_question_row (EMS_ELEMENT_PAGE (widget), question_id);
  if (row != NULL)
    ems_question_row_focus (EMS_QUESTION_ROW (row));
}

GtkWidget *
ems_window_get_page_widget (EmsWindow *self,
                            guint      page)
{
  GtkWidget *widget;
  EmsAssessment *assessment;

  g_return_val_if_fail (EMS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (page < ems_window_get_n_pages (self), NULL);

  assessment = _ems_window_get_assessment (self);
  if (assessment == NULL)
    return NULL;

  widget = g_ptr_array_index (self->pages, page);
  if (widget != NULL)
    return widget;

  if (page == EMS_WINDOW_PAGE_PROFILE)
    widget = ems_profile_page_new (assessment);
  else if (page == _ems_window_actions_page_index (self))
    widget = ems_actions_page_new (assessment);
  else if (page == _ems_window_results_page_index (self))
    {
      widget = ems_results_page_new (assessment);
      g_signal_connect_object (widget, "show-question",
                               G_CALLBACK (on_results_show_question), self, 0);
    }
  else
    widget = ems_element_page_new (assessment, page);

  g_ptr_array_index (self->pages, page) = widget;
  gtk_stack_add_child (self->content_stack, widget);

  return widget;
}

guint
ems_window_get_page (EmsWindow *self)
{
  g_return_val_if_fail (EMS_IS_WINDOW (self), 0);
  return self->page;
}

void
ems_window_show_page (EmsWindow *self,
                      guint      page)
{
  GtkWidget *widget;

  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (page < ems_window_get_n_pages (self));

  widget = ems_window_get_page_widget (self, page);
  if (widget == NULL)
    return;

  gtk_stack_set_visible_child (self->content_stack, widget);

  if (page < self->sidebar_rows->len)
    {
      self->selecting = TRUE;
      gtk_list_box_select_row (self->sidebar_list,
                               GTK_LIST_BOX_ROW (g_array_index (self->sidebar_rows, SidebarRow, page).row));
      self->selecting = FALSE;
    }

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  if (!self->bench_reported && g_getenv ("EMS_BENCH_STARTUP") != NULL &&
      EMS_IS_ELEMENT_PAGE (widget))
    {
      self->bench_reported = TRUE;
      gtk_widget_add_tick_callback (widget, bench_tick, self, NULL);
    }

  if (self->page != page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  _ems_window_update_actions (self);
}

static void
on_sidebar_row_selected (GtkListBox    *list,
                         GtkListBoxRow *row,
                         EmsWindow     *self)
{
  GtkListBoxRow *current;

  if (self->selecting || row == NULL || self->page >= self->sidebar_rows->len)
    return;

  /* Moving the focus through the list (Tab, arrows) never switches pages:
   * only activating a row does (click, Enter, Space). The selection keeps
   * showing the page shown. */
  current = GTK_LIST_BOX_ROW (g_array_index (self->sidebar_rows, SidebarRow, self->page).row);
  if (row != current)
    {
      self->selecting = TRUE;
      gtk_list_box_select_row (list, current);
      self->selecting = FALSE;
    }
}

static void
on_sidebar_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          EmsWindow     *self)
{
  ems_window_show_page (self, gtk_list_box_row_get_index (row));
}

static void
on_back_clicked (GtkButton *button,
                 EmsWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

/* Where to start: the profile of an empty assessment, else the first
 * element with an unanswered question. */
static guint
starting_page (EmsWindow *self)
{
  EmsAssessment *assessment = _ems_window_get_assessment (self);
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  const char *name = ems_assessment_get_name (assessment);

  if ((name == NULL || *name == '\0') &&
      scores->n_answered + scores->n_not_applicable == 0)
    return EMS_WINDOW_PAGE_PROFILE;

  for (guint i = 0; i < scores->n_elements; i++)
    if (scores->elements[i].n_answered + scores->elements[i].n_not_applicable <
        scores->elements[i].n_questions)
      return i + 1;

  return 1;
}

static gboolean
focus_where_left_off (gpointer user_data)
{
  EmsWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  if (EMS_IS_ELEMENT_PAGE (page))
    ems_element_page_focus_first_unanswered (EMS_ELEMENT_PAGE (page));
  else if (EMS_IS_PROFILE_PAGE (page))
    {
      /* A new assessment starts with the organisation's name */
      gtk_widget_grab_focus (ems_profile_page_get_row (EMS_PROFILE_PAGE (page), "name"));
      gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
    }
  return G_SOURCE_REMOVE;
}

/* Document */

static void
on_document_notify (EmsDocument *document,
                    GParamSpec  *pspec,
                    EmsWindow   *self)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "file"))
    self->document_is_example = _ems_window_file_is_example (ems_document_get_file (document));

  update_title (self);
  _ems_window_update_actions (self);
}

static void
on_assessment_changed (EmsAssessment *assessment,
                       EmsWindow     *self)
{
  _ems_window_update_sidebar (self);
}

EmsDocument *
ems_window_get_document (EmsWindow *self)
{
  g_return_val_if_fail (EMS_IS_WINDOW (self), NULL);
  return self->document;
}

static void
clear_pages (EmsWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->pages, i);

      if (widget != NULL)
        gtk_stack_remove (self->content_stack, widget);
      g_ptr_array_index (self->pages, i) = NULL;
    }
}

static void
disconnect_document (EmsWindow *self)
{
  if (self->document == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->document, self);
  g_signal_handlers_disconnect_by_data (ems_document_get_assessment (self->document), self);
}

/* Once per document, not on every failed attempt: the recovery copy could
 * not be written (full disk, unwritable cache), so a crash could now lose
 * answers. */
static void
on_autosave_failed (EmsDocument  *document,
                    const GError *error,
                    EmsWindow    *self)
{
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (g_object_get_data (G_OBJECT (document), "ems-autosave-warned") != NULL)
    return;
  g_object_set_data (G_OBJECT (document), "ems-autosave-warned", GINT_TO_POINTER (TRUE));

  /* Translators: %s is the system's reason */
  title = g_strdup_printf (_("No recovery copy could be kept (%s): save your work"), error->message);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Save"));
  adw_toast_set_action_name (toast, "win.save");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
ems_window_set_document (EmsWindow   *self,
                         EmsDocument *document)
{
  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (!document || EMS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  disconnect_document (self);
  clear_pages (self);
  if (self->document != NULL && !ems_document_get_modified (self->document))
    ems_document_discard_recovery (self->document);
  g_set_object (&self->document, document);
  self->document_is_example = document != NULL &&
                              _ems_window_file_is_example (ems_document_get_file (document));

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify", G_CALLBACK (on_document_notify), self, 0);
      g_signal_connect_object (document, "autosave-failed", G_CALLBACK (on_autosave_failed), self, 0);
      g_signal_connect_object (ems_document_get_assessment (document), "changed",
                               G_CALLBACK (on_assessment_changed), self, 0);
      _ems_window_build_sidebar (self);
      gtk_stack_set_visible_child_name (self->main_stack, "document");
      self->page = G_MAXUINT;
      ems_window_show_page (self, starting_page (self));
      if (!adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      g_idle_add_full (G_PRIORITY_LOW, focus_where_left_off,
                       g_object_ref (self), g_object_unref);
    }
  else
    {
      refresh_welcome (self);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  update_title (self);
  _ems_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
ems_window_is_reusable (EmsWindow *self)
{
  g_return_val_if_fail (EMS_IS_WINDOW (self), FALSE);

  return self->document == NULL ||
         (ems_document_is_untitled (self->document) &&
          !ems_document_get_modified (self->document));
}
void
ems_window_show_welcome (EmsWindow *self)
{
  g_return_if_fail (EMS_IS_WINDOW (self));
  ems_window_set_document (self, NULL);
}

/* Welcome page */

/* Filled when it is first shown, and again each time it comes back */
static void
refresh_welcome (EmsWindow *self)
{
  self->welcome_populated = TRUE;
  ems_welcome_page_refresh (self->welcome_page);
}

static void
on_welcome_open_file (EmsWelcomePage *page,
                      GFile          *file,
                      EmsWindow      *self)
{
  ems_window_open_file (self, file);
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EmsWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    _ems_window_open_dropped (self, l->data);

  return files != NULL;
}

/* The main menu's popover is built when it is first opened: building it
 * with the window cost a sixth of the window's creation, twice (the
 * welcome page and the assessment each have the button). */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  EmsWindow *self = EMS_WINDOW (user_data);

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* GObject */

/* The size the last window closed with */
static void
restore_window_state (EmsWindow *self)
{
  GSettings *settings = _ems_window_get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}


static void
save_window_state (EmsWindow *self)
{
  GSettings *settings = _ems_window_get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width >= 360 && height >= 294)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
ems_window_close_request (GtkWindow *window)
{
  EmsWindow *self = EMS_WINDOW (window);

  save_window_state (self);
  /* Unsaved changes: the window asks, then closes itself or not */
  if (_ems_window_confirm_close (self))
    return TRUE;
  return GTK_WINDOW_CLASS (ems_window_parent_class)->close_request (window);
}

static void
ems_window_constructed (GObject *object)
{
  EmsWindow *self = EMS_WINDOW (object);

  G_OBJECT_CLASS (ems_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = settings_new ();
  if (self->settings != NULL)
    {
      /* win.auto-advance: the menu toggle, read by the element pages */
      g_autoptr(GAction) action = g_settings_create_action (self->settings, "auto-advance");

      g_action_map_add_action (G_ACTION_MAP (self), action);
    }
  restore_window_state (self);
  update_title (self);
  _ems_window_update_actions (self);
}

static void
ems_window_map (GtkWidget *widget)
{
  EmsWindow *self = EMS_WINDOW (widget);

  ems_bench_mark ("window-mapped");
  /* The welcome page is filled when it is first shown */
  if (self->document == NULL && !self->welcome_populated)
    refresh_welcome (self);

  GTK_WIDGET_CLASS (ems_window_parent_class)->map (widget);
}

static void
ems_window_dispose (GObject *object)
{
  EmsWindow *self = EMS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* The setting outlives the window: no more state changes to a window gone */
  g_action_map_remove_action (G_ACTION_MAP (self), "auto-advance");
  disconnect_document (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_WINDOW);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ems_window_parent_class)->dispose (object);
}

static void
ems_window_finalize (GObject *object)
{
  EmsWindow *self = EMS_WINDOW (object);

  g_array_unref (self->sidebar_rows);
  g_ptr_array_unref (self->pages);

  G_OBJECT_CLASS (ems_window_parent_class)->finalize (object);
}

static void
ems_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EmsWindow *self = EMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EmsWindow *self = EMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ems_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      ems_window_show_page (self, g_value_get_uint (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_window_class_init (EmsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (EMS_TYPE_WELCOME_PAGE);

  object_class->constructed = ems_window_constructed;
  object_class->dispose = ems_window_dispose;
  object_class->finalize = ems_window_finalize;
  object_class->get_property = ems_window_get_property;
  object_class->set_property = ems_window_set_property;
  widget_class->map = ems_window_map;
  window_class->close_request = ems_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, EMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Where the window keeps its size and the last folder; NULL: the
   * application's schema when it is installed */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, content_stack);

  gtk_widget_class_bind_template_callback (widget_class, on_welcome_open_file);

  /* win.save, win.undo, win.show-page, win.present and the others */
  _ems_window_class_actions_init (widget_class);
  /* win.export-workbook, win.export-report, win.export-chart, win.print */
  ems_window_export_class_init (widget_class);
}

static void
ems_window_init (EmsWindow *self)
{
  GtkDropTarget *drop;

  self->sidebar_rows = g_array_new (FALSE, TRUE, sizeof (SidebarRow));
  self->pages = g_ptr_array_new ();
  g_ptr_array_set_size (self->pages, ems_window_get_n_pages (self));
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ems_window_export_init (self);

  g_signal_connect (self->sidebar_list, "row-selected", G_CALLBACK (on_sidebar_row_selected), self);
  g_signal_connect (self->sidebar_list, "row-activated", G_CALLBACK (on_sidebar_row_activated), self);
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (on_back_clicked), self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  /* Narrow: undo and redo stay in the menu and on their keys */
  g_object_bind_property (self->leaflet, "folded", self->undo_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->leaflet, "folded", self->redo_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

EmsWindow *
ems_window_new (GtkApplication *application)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (EMS_TYPE_WINDOW, "application", application, NULL);
}
