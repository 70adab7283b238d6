/* ems-workshop-window.c: workshop mode: many assessments compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The frame: a header bar, a sidebar and one EmsWorkshopView per view
 * (ems-workshop-{table,radar,distribution,priorities,changes,problems}.c),
 * each showing the window's EmsComparison and rebuilding itself when it
 * changes. Files are read by the comparison, off the main thread
 * (ems_comparison_load_files_async()); one job runs at a time and files
 * asked for meanwhile wait for the next. Every participant name shown comes
 * from ems_comparison_dup_label(), so the anonymise switch covers the whole
 * window.
 */
#define G_LOG_DOMAIN "ems-workshop-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-presentation.h"
#include "ems-workshop-export.h"
#include "ems-shortcuts.h"
#include "ems-workshop-changes.h"
#include "ems-workshop-distribution.h"
#include "ems-workshop-priorities.h"
#include "ems-workshop-problems.h"
#include "ems-workshop-radar.h"
#include "ems-workshop-table.h"
#include "ems-workshop-window.h"

#define MIME_TYPE "application/x-ten-elements-assessment"

struct _EmsWorkshopWindow
{
  AdwApplicationWindow     parent_instance;

  /* Template widgets */
  AdwToastOverlay         *toast_overlay;
  AdwWindowTitle          *window_title;
  GtkStack                *main_stack;
  GtkSpinner              *spinner;
  GtkStack                *view_stack;
  EmsWorkshopTable        *table_view;
  EmsWorkshopRadar        *radar_view;
  EmsWorkshopDistribution *distribution_view;
  EmsWorkshopPriorities   *priorities_view;
  EmsWorkshopChanges      *changes_view;
  EmsWorkshopProblems     *problems_view;

  EmsComparison           *comparison;

  GCancellable            *cancellable;
  GPtrArray               *pending;        /* GFile*: waiting for the running job */
  gboolean                 loading;
  GtkNativeDialog         *chooser;
};

G_DEFINE_FINAL_TYPE (EmsWorkshopWindow, ems_workshop_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ANONYMISE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_next_job (EmsWorkshopWindow *self);

static guint
n_participants (EmsWorkshopWindow *self)
{
  return ems_comparison_get_n_participants (self->comparison);
}

/* The frame: which views, the title, the actions ------------------------ */

static void
set_view_visible (EmsWorkshopWindow *self,
                  const char        *name,
                  gboolean           visible)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->view_stack, name);

  gtk_stack_page_set_visible (gtk_stack_get_page (self->view_stack, child), visible);
}

static void
update_title (EmsWorkshopWindow *self)
{
  guint n = n_participants (self);
  guint n_problems = ems_workshop_problems_get_n_problems (self->problems_view);
  g_autofree char *subtitle = NULL;

  if (n == 0 && n_problems == 0)
    subtitle = g_strdup ("");
  else if (n_problems == 0)
    /* Translators: window subtitle */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
  else
    {
      g_autofree char *participants = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
      g_autofree char *failed = NULL;

      /* Translators: window subtitle: files that could not be read */
      failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file left out", "%u files left out",
                                             n_problems),
                                n_problems);
      /* Translators: window subtitle: "3 participants, 1 file left out" */
      subtitle = g_strdup_printf (_("%s, %s"), participants, failed);
    }

  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* The window title names no organisation, anonymised or not */
  gtk_window_set_title (GTK_WINDOW (self), _("Workshop"));
}

/* The views rebuild themselves; the frame shows the ones with something
 * to show */
static void
update_frame (EmsWorkshopWindow *self)
{
  guint n = n_participants (self);
  guint n_problems = ems_workshop_problems_get_n_problems (self->problems_view);
  GtkWidget *visible;

  set_view_visible (self, "table", n > 0);
  set_view_visible (self, "radar", n > 0);
  set_view_visible (self, "distribution", n > 0);
  set_view_visible (self, "priorities", n > 0);
  set_view_visible (self, "changes", ems_workshop_changes_get_n_follow_ups (self->changes_view) > 0);
  set_view_visible (self, "problems", n_problems > 0);

  visible = gtk_stack_get_visible_child (self->view_stack);
  if (n == 0 && n_problems > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "problems");
  else if (n > 0 && (visible == NULL ||
                     !gtk_stack_page_get_visible (gtk_stack_get_page (self->view_stack, visible))))
    gtk_stack_set_visible_child_name (self->view_stack, "table");

  if (n > 0 || n_problems > 0)
    gtk_stack_set_visible_child_name (self->main_stack, "content");
  else
    gtk_stack_set_visible_child_name (self->main_stack, self->loading ? "loading" : "empty");

  update_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.present", n > 0);
  ems_workshop_export_update_actions (self);
}

/* Loading ------------------------------------------------------------------ */

static void
set_loading (EmsWorkshopWindow *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  if (loading)
    {
      gtk_spinner_start (self->spinner);
      if (n_participants (self) == 0)
        gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }
  else
    gtk_spinner_stop (self->spinner);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_load_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EmsWorkshopWindow) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled: the window is gone (disposed) */
  if (!ems_comparison_load_files_finish (EMS_COMPARISON (object), result, NULL, &problems, &error))
    return;

  if (problems->len > 0)
    {
      g_autofree char *text = NULL;

      ems_workshop_problems_add (self->problems_view, problems);
      /* Translators: %u files could not be read and are left out */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u file could not be read: see Problems",
                                           "%u files could not be read: see Problems",
                                           problems->len),
                              problems->len);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }

  if (self->pending->len > 0)
    start_next_job (self);
  else
    set_loading (self, FALSE);
  update_frame (self);
}

static void
start_next_job (EmsWorkshopWindow *self)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  set_loading (self, TRUE);
  /* The window stays alive until the job ends (its cancellable is
   * cancelled when it is disposed) */
  ems_comparison_load_files_async (self->comparison, (GFile **) files->pdata, files->len,
                                   self->cancellable, on_load_done, g_object_ref (self));
}

void
ems_workshop_window_open_files (EmsWorkshopWindow  *self,
                                GFile             **files,
                                guint               n_files)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending, g_object_ref (files[i]));

  if (!self->loading && self->pending->len > 0)
    start_next_job (self);
}

void
ems_workshop_window_add_toast (EmsWorkshopWindow *self,
                               AdwToast          *toast)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
ems_workshop_window_is_busy (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), FALSE);
  return self->loading;
}

/* Public API ------------------------------------------------------------- */

EmsComparison *
ems_workshop_window_get_comparison (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);
  return self->comparison;
}

gboolean
ems_workshop_window_get_anonymise (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), FALSE);
  /* NULL once disposed */
  return self->comparison != NULL && ems_comparison_get_anonymise (self->comparison);
}

void
ems_workshop_window_set_anonymise (EmsWorkshopWindow *self,
                                   gboolean           anonymise)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));

  /* The views and the slides follow the comparison's notify */
  if (self->comparison != NULL)
    ems_comparison_set_anonymise (self->comparison, anonymise);
}

guint
ems_workshop_window_get_n_problems (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), 0);
  return ems_workshop_problems_get_n_problems (self->problems_view);
}

void
ems_workshop_window_show_view (EmsWorkshopWindow *self,
                               const char        *name)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));
  g_return_if_fail (gtk_stack_get_child_by_name (self->view_stack, name) != NULL);

  gtk_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
ems_workshop_window_get_view (EmsWorkshopWindow *self,
                              const char        *name)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->view_stack, name);
}

gboolean
ems_workshop_window_view_is_visible (EmsWorkshopWindow *self,
                                     const char        *name)
{
  GtkWidget *child;

  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), FALSE);

  child = gtk_stack_get_child_by_name (self->view_stack, name);
  return child != NULL && gtk_stack_page_get_visible (gtk_stack_get_page (self->view_stack, child));
}

GtkWidget *
ems_workshop_window_get_table (EmsWorkshopWindow *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);
  return ems_workshop_table_get_grid (self->table_view);
}

void
ems_workshop_window_set_picked (EmsWorkshopWindow *self,
                                const guint       *participants,
                                guint              n_participants)
{
  g_return_if_fail (EMS_IS_WORKSHOP_WINDOW (self));

  ems_workshop_radar_set_picked (self->radar_view, participants, n_participants);
}

GtkWindow *
ems_workshop_window_present_slides (EmsWorkshopWindow *self)
{
  EmsPresentation *presentation;
  const guint *picked;
  guint n_picked;

  g_return_val_if_fail (EMS_IS_WORKSHOP_WINDOW (self), NULL);

  if (n_participants (self) == 0)
    return NULL;

  picked = ems_workshop_radar_get_picked (self->radar_view, &n_picked);
  presentation = ems_presentation_new (gtk_window_get_application (GTK_WINDOW (self)),
                                       self->comparison, picked, n_picked);
  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (presentation), TRUE);
  ems_presentation_start (presentation);

  return GTK_WINDOW (presentation);
}

/* Actions ---------------------------------------------------------------- */

static void
on_chooser_response (GtkNativeDialog   *dialog,
                     int                response,
                     EmsWorkshopWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      ems_workshop_window_open_files (self, (GFile **) array->pdata, array->len);
    }

  g_clear_object (&self->chooser);
}

static void
show_chooser (EmsWorkshopWindow    *self,
              GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;
  gboolean folder = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  chooser = gtk_file_chooser_native_new (folder ? _("Add Folders of Assessments") : _("Open Assessments"),
                                         GTK_WINDOW (self), action,
                                         folder ? _("_Add") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Assessments"));
      gtk_file_filter_add_mime_type (filter, MIME_TYPE);
      gtk_file_filter_add_pattern (filter, "*.emsa");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  show_chooser (EMS_WORKSHOP_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  show_chooser (EMS_WORKSHOP_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ems_workshop_window_present_slides (EMS_WORKSHOP_WINDOW (widget));
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ems_shortcuts_show (GTK_APPLICATION_WINDOW (widget));
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         EmsWorkshopWindow *self)
{
  g_autoptr(GSList) list = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  /* Files and folders alike: folders add the assessments in them */
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  ems_workshop_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
on_anonymise_changed (EmsWorkshopWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMISE]);
}

/* GObject ---------------------------------------------------------------- */

static void
ems_workshop_window_dispose (GObject *object)
{
  EmsWorkshopWindow *self = EMS_WORKSHOP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  ems_workshop_export_dispose (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_WORKSHOP_WINDOW);

  g_clear_object (&self->comparison);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (ems_workshop_window_parent_class)->dispose (object);
}

static void
ems_workshop_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EmsWorkshopWindow *self = EMS_WORKSHOP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ANONYMISE:
      g_value_set_boolean (value, ems_workshop_window_get_anonymise (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_workshop_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EmsWorkshopWindow *self = EMS_WORKSHOP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ANONYMISE:
      ems_workshop_window_set_anonymise (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_workshop_window_class_init (EmsWorkshopWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_workshop_window_dispose;
  object_class->get_property = ems_workshop_window_get_property;
  object_class->set_property = ems_workshop_window_set_property;

  properties[PROP_ANONYMISE] =
    g_param_spec_boolean ("anonymise", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EMS_TYPE_WORKSHOP_TABLE);
  g_type_ensure (EMS_TYPE_WORKSHOP_RADAR);
  g_type_ensure (EMS_TYPE_WORKSHOP_DISTRIBUTION);
  g_type_ensure (EMS_TYPE_WORKSHOP_PRIORITIES);
  g_type_ensure (EMS_TYPE_WORKSHOP_CHANGES);
  g_type_ensure (EMS_TYPE_WORKSHOP_PROBLEMS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-workshop-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, table_view);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, radar_view);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, distribution_view);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, priorities_view);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, changes_view);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopWindow, problems_view);

  gtk_widget_class_install_action (widget_class, "workshop.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "workshop.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "workshop.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_property_action (widget_class, "workshop.anonymise", "anonymise");

  ems_workshop_export_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "workshop.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "workshop.open", NULL);
}

static void
ems_workshop_window_init (EmsWorkshopWindow *self)
{
  EmsWorkshopView *views[6];
  GtkDropTarget *target;

  /* Before the template: the anonymise switch reads it */
  self->comparison = ems_comparison_new ();
  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  ems_workshop_load_stylesheet ("/io/github/tenelements/TenElements/ems-workshop.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  views[0] = EMS_WORKSHOP_VIEW (self->table_view);
  views[1] = EMS_WORKSHOP_VIEW (self->radar_view);
  views[2] = EMS_WORKSHOP_VIEW (self->distribution_view);
  views[3] = EMS_WORKSHOP_VIEW (self->priorities_view);
  views[4] = EMS_WORKSHOP_VIEW (self->changes_view);
  views[5] = EMS_WORKSHOP_VIEW (self->problems_view);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    ems_workshop_view_set_comparison (views[i], self->comparison);

  /* The views rebuild on the comparison's notifications; the frame after
   * them (connected last) */
  g_signal_connect_swapped (self->comparison, "notify::n-participants", G_CALLBACK (update_frame), self);
  g_signal_connect_swapped (self->comparison, "notify::anonymise", G_CALLBACK (on_anonymise_changed), self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  ems_workshop_export_init (self);
  update_frame (self);
}

EmsWorkshopWindow *
ems_workshop_window_new (GtkApplication *application)
{
  return g_object_new (EMS_TYPE_WORKSHOP_WINDOW,
                       "application", application,
                       NULL);
}
