/* ems-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-window"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "ems-actions-page.h"
#include "ems-application.h"
#include "ems-bench.h"
#include "ems-element-page.h"
#include "ems-i18n.h"
#include "ems-presentation.h"
#include "ems-profile-page.h"
#include "ems-question-row.h"
#include "ems-results-page.h"
#include "ems-scores.h"
#include "ems-shortcuts.h"
#include "ems-tooltip.h"
#include "ems-window-export.h"
#include "ems-window.h"

#define MIME_TYPE "application/x-ten-elements-assessment"

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
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
  GtkWidget            *examples_group;
  GtkListBox           *examples_list;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GMenuModel           *primary_menu;
  GtkMenuButton        *welcome_menu_button;
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

  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  guint                 n_busy;
  gboolean              close_after_save;
  gboolean              bench_reported;
  gboolean              welcome_populated;
  gboolean              document_is_example;   /* cached: no disk access on edits */
};

G_DEFINE_FINAL_TYPE (EmsWindow, ems_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (EmsWindow *self);
static void save_as (EmsWindow *self);
static void populate_welcome (EmsWindow *self);

static EmsAssessment *
get_assessment (EmsWindow *self)
{
  return self->document ? ems_document_get_assessment (self->document) : NULL;
}

static guint
n_elements (void)
{
  return ems_checklist_get_n_elements (ems_checklist_get_default ());
}

guint
ems_window_get_n_pages (EmsWindow *self)
{
  return n_elements () + 3;
}

static guint
actions_page_index (EmsWindow *self)
{
  return n_elements () + 1;
}

/* The results page (ems-results-page.c) comes last */
static guint
results_page_index (EmsWindow *self)
{
  return n_elements () + 2;
}

static void
set_busy (EmsWindow *self,
          gboolean   busy)
{
  gboolean was_busy = self->n_busy > 0;

  if (busy)
    self->n_busy++;
  else if (self->n_busy > 0)
    self->n_busy--;

  if (was_busy != (self->n_busy > 0))
    {
      update_actions (self);
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

static GSettings *
get_settings (EmsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (EMS_IS_APPLICATION (app))
    return ems_application_get_settings (EMS_APPLICATION (app));
  return NULL;
}

static gboolean
is_example (GFile *file)
{
  g_autoptr(GPtrArray) examples = ems_list_examples ();

  if (file == NULL)
    return FALSE;
  for (guint i = 0; i < examples->len; i++)
    if (g_file_equal (file, g_ptr_array_index (examples, i)))
      return TRUE;
  return FALSE;
}

static void
remember_folder (EmsWindow *self,
                 GFile     *file)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (settings == NULL || parent == NULL)
    return;
  uri = g_file_get_uri (parent);
  g_settings_set_string (settings, "last-folder", uri);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "ten-elements %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  if (is_example (file))
    return;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
show_error_dialog (EmsWindow  *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
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
    subtitle = g_strdup (_("Not saved yet"));
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

/* Sidebar */

static GtkWidget *
sidebar_row_new (EmsWindow  *self,
                 const char *number,
                 const char *icon_name,
                 const char *title,
                 SidebarRow *out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *lead;

  if (number != NULL)
    {
      lead = gtk_label_new (number);
      gtk_widget_add_css_class (lead, "element-number");
    }
  else
    lead = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (lead, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), lead);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  ems_tooltip_set_text (title_label, title);
  out->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (out->subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (out->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (out->subtitle, "caption");
  gtk_widget_add_css_class (out->subtitle, "dim-label");
  gtk_box_append (GTK_BOX (vbox), title_label);
  gtk_box_append (GTK_BOX (vbox), out->subtitle);
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_widget_set_valign (vbox, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), vbox);

  out->flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  ems_tooltip_set_text (out->flag, _("A critical question is at level 0"));
  gtk_widget_add_css_class (out->flag, "warning");
  gtk_widget_set_visible (out->flag, FALSE);
  gtk_box_append (GTK_BOX (box), out->flag);

  out->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (out->badge, "band-badge");
  gtk_widget_set_valign (out->badge, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (out->badge, FALSE);
  gtk_box_append (GTK_BOX (box), out->badge);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  out->row = row;

  return row;
}

static void
update_sidebar (EmsWindow *self)
{
  EmsAssessment *assessment = get_assessment (self);
  g_autoptr(EmsScores) scores = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *progress = NULL;
  const char *name;
  GListModel *actions;
  guint n_open = 0;
  guint n_overdue = 0;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  if (assessment == NULL || self->sidebar_rows->len == 0)
    return;

  scores = ems_scores_compute (assessment);

  name = ems_assessment_get_name (assessment);
  gtk_label_set_text (GTK_LABEL (g_array_index (self->sidebar_rows, SidebarRow, 0).subtitle),
                      name && *name ? name : _("Not filled in yet"));

  for (guint i = 0; i < scores->n_elements && i + 1 < self->sidebar_rows->len; i++)
    {
      const EmsElementScore *es = &scores->elements[i];
      SidebarRow *sr = &g_array_index (self->sidebar_rows, SidebarRow, i + 1);
      g_autofree char *score = ems_format_percent (es->has_score, es->score);
      g_autofree char *text = NULL;
      const char *band = ems_band_to_string (es->band);

      if (es->has_score)
        /* Translators: sidebar: answered of total, then the score with its % */
        text = g_strdup_printf (_("%u/%u answered · %s"),
                                es->n_answered + es->n_not_applicable, es->n_questions, score);
      else
        /* Translators: sidebar: answered of total */
        text = g_strdup_printf (_("%u/%u answered"),
                                es->n_answered + es->n_not_applicable, es->n_questions);
      gtk_label_set_text (GTK_LABEL (sr->subtitle), text);
      {
        const EmsElement *element = ems_checklist_get_element (ems_assessment_get_checklist (assessment), i + 1);
        g_autofree char *accessible = NULL;

        /* Translators: accessible name of a sidebar row: number, element, progress, band */
        accessible = g_strdup_printf (_("Element %u, %s: %s%s%s%s"), i + 1, element->title, text,
                                      band ? ", " : "", band ? ems_band_to_label (es->band) : "",
                                      es->red_flag ? _(", a critical question is at level 0") : "");
        gtk_accessible_update_property (GTK_ACCESSIBLE (sr->row),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      }

      gtk_widget_remove_css_class (sr->badge, "red");
      gtk_widget_remove_css_class (sr->badge, "amber");
      gtk_widget_remove_css_class (sr->badge, "green");
      gtk_widget_set_visible (sr->badge, band != NULL);
      if (band != NULL)
        {
          gtk_widget_add_css_class (sr->badge, band);
          gtk_label_set_text (GTK_LABEL (sr->badge), ems_band_to_label (es->band));
        }
      gtk_widget_set_visible (sr->flag, es->red_flag);
    }

  actions = ems_assessment_get_actions (assessment);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(EmsAction) action = g_list_model_get_item (actions, i);

      if (ems_action_get_status (action) != EMS_ACTION_DONE)
        n_open++;
      if (ems_action_is_overdue (action, today))
        n_overdue++;
    }
  {
    g_autofree char *text = NULL;

    if (n_overdue > 0)
      /* Translators: sidebar: number of unfinished actions, number overdue */
      text = g_strdup_printf (_("%u to do, %u overdue"), n_open, n_overdue);
    else
      /* Translators: sidebar: number of unfinished actions */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action to do", "%u actions to do", n_open), n_open);
    gtk_label_set_text (GTK_LABEL (g_array_index (self->sidebar_rows, SidebarRow,
                                                  actions_page_index (self)).subtitle), text);
  }

  overall = ems_format_percent (scores->has_overall, scores->overall);
  if (results_page_index (self) < self->sidebar_rows->len)
    {
      g_autofree char *text = NULL;

      if (scores->has_overall)
        /* Translators: sidebar: the overall score with its %, then its band word */
        text = g_strdup_printf (_("Overall %s · %s"), overall, ems_band_to_label (scores->band));
      else
        text = g_strdup (_("No score yet"));
      gtk_label_set_text (GTK_LABEL (g_array_index (self->sidebar_rows, SidebarRow,
                                                    results_page_index (self)).subtitle), text);
    }
  if (scores->has_overall)
    /* Translators: progress: answered, total, overall score with its % */
    progress = g_strdup_printf (_("%u of %u questions answered · overall %s"),
                                scores->n_answered + scores->n_not_applicable,
                                scores->n_questions, overall);
  else
    /* Translators: progress: answered (or not applicable), total */
    progress = g_strdup_printf (_("%u of %u questions answered"),
                                scores->n_answered + scores->n_not_applicable,
                                scores->n_questions);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, scores->coverage);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress, -1);
}

static void
build_sidebar (EmsWindow *self)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  GtkWidget *child;
  SidebarRow sr = { 0 };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))))
    gtk_list_box_remove (self->sidebar_list, child);
  g_array_set_size (self->sidebar_rows, 0);

  gtk_list_box_append (self->sidebar_list,
                       sidebar_row_new (self, NULL, "avatar-default-symbolic",
                                        _("Organisation Profile"), &sr));
  g_array_append_val (self->sidebar_rows, sr);

  for (guint i = 1; i <= ems_checklist_get_n_elements (checklist); i++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, i);
      char number[8];

      g_snprintf (number, sizeof number, "%u", i);
      gtk_list_box_append (self->sidebar_list,
                           sidebar_row_new (self, number, NULL, element->title, &sr));
      g_array_append_val (self->sidebar_rows, sr);
    }

  gtk_list_box_append (self->sidebar_list,
                       sidebar_row_new (self, NULL, "view-list-bullet-symbolic",
                                        _("Action Plan"), &sr));
  g_array_append_val (self->sidebar_rows, sr);

  gtk_list_box_append (self->sidebar_list,
                       sidebar_row_new (self, NULL, "x-office-presentation-symbolic",
                                        _("Results"), &sr));
  g_array_append_val (self->sidebar_rows, sr);

  update_sidebar (self);
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

  if (question == NULL || question->element < 1 || question->element > n_elements ())
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

  assessment = get_assessment (self);
  if (assessment == NULL)
    return NULL;

  widget = g_ptr_array_index (self->pages, page);
  if (widget != NULL)
    return widget;

  if (page == EMS_WINDOW_PAGE_PROFILE)
    widget = ems_profile_page_new (assessment);
  else if (page == actions_page_index (self))
    widget = ems_actions_page_new (assessment);
  else if (page == results_page_index (self))
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
  update_actions (self);
}

static void
on_sidebar_row_selected (GtkListBox    *list,
                         GtkListBoxRow *row,
                         EmsWindow     *self)
{
  if (self->selecting || row == NULL)
    return;
  ems_window_show_page (self, gtk_list_box_row_get_index (row));
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
  EmsAssessment *assessment = get_assessment (self);
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
  return G_SOURCE_REMOVE;
}

/* Document */

static void
on_document_notify (EmsDocument *document,
                    GParamSpec  *pspec,
                    EmsWindow   *self)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "file"))
    self->document_is_example = is_example (ems_document_get_file (document));

  update_title (self);
  update_actions (self);
}

static void
on_assessment_changed (EmsAssessment *assessment,
                       EmsWindow     *self)
{
  update_sidebar (self);
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
                              is_example (ems_document_get_file (document));

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify", G_CALLBACK (on_document_notify), self, 0);
      g_signal_connect_object (document, "autosave-failed", G_CALLBACK (on_autosave_failed), self, 0);
      g_signal_connect_object (ems_document_get_assessment (document), "changed",
                               G_CALLBACK (on_assessment_changed), self, 0);
      build_sidebar (self);
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
      populate_welcome (self);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  update_title (self);
  update_actions (self);
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

static EmsWindow *
target_window (EmsWindow *self)
{
  EmsWindow *window;

  if (ems_window_is_reusable (self))
    return self;

  window = ems_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
ems_window_new_document (EmsWindow *self)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(EmsDocument) document = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  EmsWindow *window;

  g_return_if_fail (EMS_IS_WINDOW (self));

  assessment = ems_assessment_new (ems_checklist_get_default ());
  ems_assessment_set_assessed_on (assessment, today);
  document = ems_document_new (assessment, NULL);
  window = target_window (self);
  ems_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

void
ems_window_show_welcome (EmsWindow *self)
{
  g_return_if_fail (EMS_IS_WINDOW (self));
  ems_window_set_document (self, NULL);
}

/* Opening */

typedef struct
{
  EmsWindow *self;
  GFile     *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  EmsWindow *self = data->self;
  GFile *file = data->file;
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(EmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  EmsWindow *window;

  set_busy (self, FALSE);
  assessment = ems_assessment_load_file_finish (result, &error);
  ems_bench_mark ("file-loaded");
  name = file_display_name (file);

  if (assessment == NULL)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_window_present (GTK_WINDOW (self));
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      show_error_dialog (self, heading, error->message);
      return;
    }

  document = ems_document_new (assessment, file);
  window = target_window (self);
  ems_window_set_document (window, document);
  ems_bench_mark ("document-shown");
  gtk_window_present (GTK_WINDOW (window));

  {
    g_auto(GStrv) unknown = ems_assessment_dup_unknown_ids (assessment);
    guint n = unknown ? g_strv_length (unknown) : 0;

    if (n > 0)
      {
        g_autofree char *ids = g_strjoinv (", ", unknown);
        g_autofree char *text = NULL;

        /* Translators: a toast; %u is a count, %s a list of question ids */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u answer for a question this version does not know (%s) is kept unchanged",
                                             "%u answers for questions this version does not know (%s) are kept unchanged",
                                             n),
                                n, ids);
        adw_toast_overlay_add_toast (window->toast_overlay, adw_toast_new (text));
      }
  }
  add_to_recent (file);
  remember_folder (self, file);
}

void
ems_window_open_file (EmsWindow *self,
                      GFile     *file)
{
  OpenData *data;

  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Already open here: nothing to do. */
  if (self->document != NULL && ems_document_get_file (self->document) != NULL &&
      g_file_equal (ems_document_get_file (self->document), file))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  set_busy (self, TRUE);
  ems_assessment_load_file_async (ems_checklist_get_default (), file, self->cancellable,
                                  open_done, data);
}

/* Saving */

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EmsWindow) self = user_data;
  EmsDocument *document = EMS_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);

  if (!ems_document_save_finish (document, result, &error))
    {
      g_autofree char *title = ems_document_dup_title (document);
      g_autofree char *heading = NULL;

      self->close_after_save = FALSE;
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), title);
      show_error_dialog (self, heading, error->message);
      return;
    }

  add_to_recent (ems_document_get_file (document));
  remember_folder (self, ems_document_get_file (document));

  if (self->close_after_save && !ems_document_get_modified (document))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

void
ems_window_save_to (EmsWindow *self,
                    GFile     *file)
{
  g_return_if_fail (EMS_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL);

  set_busy (self, TRUE);
  ems_document_save_async (self->document, file, NULL, save_done, g_object_ref (self));
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     EmsWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);

  if (file == NULL || self->document == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  {
    g_autofree char *basename = g_file_get_basename (file);

    if (strchr (basename, '.') == NULL)
      {
        g_autofree char *with_ext = g_strconcat (basename, ".emsa", NULL);
        g_autoptr(GFile) parent = g_file_get_parent (file);

        g_set_object (&file, g_file_get_child (parent, with_ext));
      }
  }

  ems_window_save_to (self, file);
}

static GtkFileFilter *
emsa_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Assessments"));
  gtk_file_filter_add_mime_type (filter, MIME_TYPE);
  gtk_file_filter_add_pattern (filter, "*.emsa");
  return filter;
}

static void
set_chooser_folder (EmsWindow      *self,
                    GtkFileChooser *chooser)
{
  GSettings *settings = get_settings (self);
  g_autofree char *uri = settings ? g_settings_get_string (settings, "last-folder") : NULL;

  if (uri != NULL && *uri != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (uri);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

static void
save_as (EmsWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = emsa_filter ();
  const char *name;
  g_autofree char *suggested = NULL;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Assessment"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));

  name = ems_assessment_get_name (get_assessment (self));
  if (ems_document_get_file (self->document) != NULL &&
      !self->document_is_example)
    suggested = g_file_get_basename (ems_document_get_file (self->document));
  else if (name != NULL && *name != '\0')
    suggested = g_strconcat (name, ".emsa", NULL);
  else
    /* Translators: the file name offered for a new assessment */
    suggested = g_strdup (_("Assessment.emsa"));
  g_strdelimit (suggested, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
save (EmsWindow *self)
{
  GFile *file;

  if (self->document == NULL)
    return;

  file = ems_document_get_file (self->document);
  if (file == NULL || self->document_is_example)
    save_as (self);
  else
    ems_window_save_to (self, NULL);
}

/* Actions */

static void
update_actions (EmsWindow *self)
{
  gboolean has_doc = self->document != NULL;
  gboolean idle = self->n_busy == 0;
  guint last = ems_window_get_n_pages (self) - 1;

  /* One write at a time */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_doc && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_doc && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_doc && ems_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_doc && ems_document_get_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-element",
                                 has_doc && self->page > 0 && self->page <= last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-element",
                                 has_doc && self->page < last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-profile", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-actions", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-action", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_doc);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (EMS_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  save_as (EMS_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL)
    ems_document_undo (self->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL)
    ems_document_redo (self->document);
}

static void
go_to_page (EmsWindow *self,
            guint      page)
{
  GtkWidget *widget;

  ems_window_show_page (self, page);
  widget = ems_window_get_page_widget (self, page);
  if (EMS_IS_ELEMENT_PAGE (widget))
    ems_element_page_focus_first_unanswered (EMS_ELEMENT_PAGE (widget));
}

static void
previous_element_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL && self->page > 0)
    go_to_page (self, self->page - 1);
}

static void
next_element_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL && self->page + 1 < ems_window_get_n_pages (self))
    go_to_page (self, self->page + 1);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  guint page = g_variant_get_uint32 (param);

  if (self->document != NULL && page < ems_window_get_n_pages (self))
    go_to_page (self, page);
}

static void
show_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL)
    ems_window_show_page (self, EMS_WINDOW_PAGE_PROFILE);
}

static void
show_actions_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);

  if (self->document != NULL)
    ems_window_show_page (self, actions_page_index (self));
}

/* F5: the slides for this one assessment (issue 6: presentation mode
 * works for a single assessment too) */
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

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ems_shortcuts_show (GTK_APPLICATION_WINDOW (widget));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  EmsPresentation *presentation;

  if (self->document == NULL)
    return;

  presentation = ems_presentation_new_for_assessment (application,
                                                      ems_document_get_assessment (self->document));
  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  ems_presentation_start (presentation);
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EmsWindow *self = EMS_WINDOW (widget);
  EmsAssessment *assessment = get_assessment (self);
  const char *question_id = g_variant_get_string (param, NULL);
  const EmsQuestion *question = NULL;
  g_autoptr(EmsAction) action = NULL;

  if (assessment == NULL)
    return;

  if (*question_id != '\0')
    question = ems_checklist_lookup_question (ems_assessment_get_checklist (assessment),
                                              question_id);

  if (question != NULL)
    {
      AdwToast *toast;
      g_autofree char *title = NULL;

      /* Translators: the title of a new action, %s is the question's text */
      title = g_strdup_printf (_("Improve: %s"), question->text);
      action = ems_action_new (title);
      ems_action_set_element (action, question->element);
      ems_action_set_question (action, question->id);
      ems_assessment_add_action (assessment, action);

      /* Translators: a toast, %s is a question id */
      title = (g_free (title), g_strdup_printf (_("Action added for question %s"), question->id));
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-actions");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      GtkWidget *page;

      action = ems_action_new (NULL);
      ems_assessment_add_action (assessment, action);
      ems_window_show_page (self, actions_page_index (self));
      page = ems_window_get_page_widget (self, actions_page_index (self));
      ems_actions_page_edit (EMS_ACTIONS_PAGE (page), action);
    }
}

/* Closing */

static void
save_window_state (EmsWindow *self)
{
  GSettings *settings = get_settings (self);
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

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   EmsWindow        *self)
{
  if (g_str_equal (response, "discard"))
    {
      if (self->document != NULL)
        {
          ems_document_discard_recovery (self->document);
          ems_document_set_modified (self->document, FALSE);
        }
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      save (self);
    }
}

static gboolean
ems_window_close_request (GtkWindow *window)
{
  EmsWindow *self = EMS_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  save_window_state (self);

  if (self->document == NULL || !ems_document_get_modified (self->document))
    return GTK_WINDOW_CLASS (ems_window_parent_class)->close_request (window);

  title = ems_document_dup_title (self->document);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), title);
  dialog = adw_message_dialog_new (window, heading,
                                   _("Your answers since the last save are lost if you close without saving."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Welcome page */

/* An example's organisation and what it does, read from the file (three
 * small bundled files); the file name when it cannot be read. */
static void
example_title (GFile  *file,
               char  **title,
               char  **subtitle)
{
  g_autoptr(EmsAssessment) example = ems_assessment_load_from_file (NULL, file, NULL, NULL, NULL);

  if (example != NULL && ems_assessment_get_name (example) != NULL)
    {
      const char *sector = ems_assessment_get_sector (example);
      const char *site = ems_assessment_get_site (example);

      *title = g_strdup (ems_assessment_get_name (example));
      if (sector != NULL && site != NULL)
        /* Translators: an example's sector, then its town, e.g.
         * "Commercial printing · Dayton, Ohio" */
        *subtitle = g_strdup_printf (_("%s · %s"), sector, site);
      else
        *subtitle = g_strdup (sector != NULL ? sector : site);
    }
  else
    {
      *title = g_file_get_basename (file);
      *subtitle = NULL;
    }
}

static void
on_file_row_activated (AdwActionRow *row,
                       EmsWindow    *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  ems_window_open_file (self, file);
}

static GtkWidget *
file_row_new (EmsWindow  *self,
              GFile      *file,
              const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_file_row_activated), self);

  return row;
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ma = gtk_recent_info_get_modified (ia);
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (mb, ma);
}

static void
populate_welcome (EmsWindow *self)
{
  g_autoptr(GPtrArray) examples = ems_list_examples ();
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) recent = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GtkWidget *child;
  guint shown = 0;

  self->welcome_populated = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->examples_list))))
    gtk_list_box_remove (self->examples_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".emsa") ||
          g_strcmp0 (gtk_recent_info_get_mime_type (info), MIME_TYPE) == 0)
        g_ptr_array_add (recent, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (recent, compare_recent);

  for (guint i = 0; i < recent->len && shown < 6; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (recent, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;

      if (!gtk_recent_info_exists (info) || is_example (file))
        continue;
      gtk_list_box_append (self->recent_list,
                           file_row_new (self, file, gtk_recent_info_get_display_name (info), folder));
      shown++;
    }
  gtk_widget_set_visible (self->recent_group, shown > 0);

  for (guint i = 0; i < examples->len; i++)
    {
      GFile *file = g_ptr_array_index (examples, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      example_title (file, &title, &subtitle);
      gtk_list_box_append (self->examples_list, file_row_new (self, file, title, subtitle));
    }
  gtk_widget_set_visible (self->examples_group, examples->len > 0);
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
    ems_window_open_file (self, l->data);

  return files != NULL;
}

/* GObject */

/* The size the last window closed with */
static void
restore_window_state (EmsWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
ems_window_constructed (GObject *object)
{
  EmsWindow *self = EMS_WINDOW (object);

  G_OBJECT_CLASS (ems_window_parent_class)->constructed (object);

  update_title (self);
  update_actions (self);
}

static void
ems_window_map (GtkWidget *widget)
{
  EmsWindow *self = EMS_WINDOW (widget);

  ems_bench_mark ("window-mapped");
  /* The welcome page is filled when it is first shown */
  if (self->document == NULL && !self->welcome_populated)
    populate_welcome (self);

  GTK_WIDGET_CLASS (ems_window_parent_class)->map (widget);
}

static void
ems_window_dispose (GObject *object)
{
  EmsWindow *self = EMS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  disconnect_document (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_WINDOW);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, examples_group);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, examples_list);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, EmsWindow, welcome_menu_button);
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

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.previous-element", NULL, previous_element_action);
  gtk_widget_class_install_action (widget_class, "win.next-element", NULL, next_element_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "u", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-profile", NULL, show_profile_action);
  gtk_widget_class_install_action (widget_class, "win.show-actions", NULL, show_actions_action);
  gtk_widget_class_install_action (widget_class, "win.add-action", "s", add_action_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
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
  gtk_menu_button_set_create_popup_func (self->welcome_menu_button, create_primary_menu, self, NULL);
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
  EmsWindow *self = g_object_new (EMS_TYPE_WINDOW, "application", application, NULL);

  /* "application" is set after constructed(): the settings come now */
  restore_window_state (self);

  return self;
}
