/* ems-welcome-page.c: what the window shows without a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-examples.h"
#include "ems-welcome-page.h"

#define EMS_ASSESSMENT_MIME_TYPE "application/x-ten-elements-assessment"

struct _EmsWelcomePage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GtkWidget     *recent_group;
  GtkListBox    *recent_list;
  GtkWidget     *examples_group;
  GtkListBox    *examples_list;

  GMenuModel    *menu_model;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (EmsWelcomePage, ems_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MENU_MODEL,
  N_PROPS
};

enum {
  OPEN_FILE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_file_row_activated (AdwActionRow   *row,
                       EmsWelcomePage *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  g_signal_emit (self, signals[OPEN_FILE], 0, file);
}

static GtkWidget *
file_row_new (EmsWelcomePage *self,
              GFile          *file,
              const char     *title,
              const char     *subtitle)
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

/* The rows come from threads (ems-examples.h): the existence of the
 * recent files and the examples' titles are disk reads. */
static void
on_recent_checked (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(EmsWelcomePage) self = user_data;
  g_autoptr(GPtrArray) existing = ems_filter_existing_files_finish (result, NULL);

  if (existing == NULL)
    return;

  for (guint i = 0; i < existing->len && i < 6; i++)
    {
      GFile *file = g_ptr_array_index (existing, i);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;

      gtk_list_box_append (self->recent_list,
                           file_row_new (self, file, g_object_get_data (G_OBJECT (file), "ems-display-name"),
                                         folder));
    }
  gtk_widget_set_visible (self->recent_group, existing->len > 0);
}

static void
on_examples_listed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EmsWelcomePage) self = user_data;
  g_autoptr(GPtrArray) examples = ems_list_examples_finish (result, NULL);

  if (examples == NULL)
    return;

  for (guint i = 0; i < examples->len; i++)
    {
      EmsExample *example = g_ptr_array_index (examples, i);

      gtk_list_box_append (self->examples_list,
                           file_row_new (self, example->file, example->title, example->subtitle));
    }
  gtk_widget_set_visible (self->examples_group, examples->len > 0);
}

void
ems_welcome_page_refresh (EmsWelcomePage *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) recent = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  g_return_if_fail (EMS_IS_WELCOME_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->examples_list))))
    gtk_list_box_remove (self->examples_list, child);
  gtk_widget_set_visible (self->recent_group, FALSE);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".emsa") ||
          g_strcmp0 (gtk_recent_info_get_mime_type (info), EMS_ASSESSMENT_MIME_TYPE) == 0)
        g_ptr_array_add (recent, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (recent, compare_recent);

  /* Six are shown: a few more in case some are gone */
  for (guint i = 0; i < recent->len && candidates->len < 12; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (recent, i);
      GFile *file = g_file_new_for_uri (gtk_recent_info_get_uri (info));

      if (ems_file_is_example (file))
        {
          g_object_unref (file);
          continue;
        }
      g_object_set_data_full (G_OBJECT (file), "ems-display-name",
                              g_strdup (gtk_recent_info_get_display_name (info)), g_free);
      g_ptr_array_add (candidates, file);
    }

  ems_filter_existing_files_async (candidates, self->cancellable, on_recent_checked,
                                   g_object_ref (self));
  ems_list_examples_async (self->cancellable, on_examples_listed, g_object_ref (self));
}

/* The menu's popover is built when it is first opened: building it with the
 * window cost a sixth of the window's creation. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  EmsWelcomePage *self = EMS_WELCOME_PAGE (user_data);

  gtk_menu_button_set_menu_model (button, self->menu_model);
}

GMenuModel *
ems_welcome_page_get_menu_model (EmsWelcomePage *self)
{
  g_return_val_if_fail (EMS_IS_WELCOME_PAGE (self), NULL);
  return self->menu_model;
}

void
ems_welcome_page_set_menu_model (EmsWelcomePage *self,
                                 GMenuModel     *menu_model)
{
  g_return_if_fail (EMS_IS_WELCOME_PAGE (self));
  g_return_if_fail (!menu_model || G_IS_MENU_MODEL (menu_model));

  if (!g_set_object (&self->menu_model, menu_model))
    return;
  /* Already built: follow the change */
  if (gtk_menu_button_get_menu_model (self->menu_button) != NULL)
    gtk_menu_button_set_menu_model (self->menu_button, menu_model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENU_MODEL]);
}

static void
ems_welcome_page_dispose (GObject *object)
{
  EmsWelcomePage *self = EMS_WELCOME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_WELCOME_PAGE);
  g_clear_object (&self->menu_model);

  G_OBJECT_CLASS (ems_welcome_page_parent_class)->dispose (object);
}

static void
ems_welcome_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EmsWelcomePage *self = EMS_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_MENU_MODEL:
      g_value_set_object (value, self->menu_model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_welcome_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EmsWelcomePage *self = EMS_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_MENU_MODEL:
      ems_welcome_page_set_menu_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_welcome_page_class_init (EmsWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_welcome_page_dispose;
  object_class->get_property = ems_welcome_page_get_property;
  object_class->set_property = ems_welcome_page_set_property;

  properties[PROP_MENU_MODEL] =
    g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWelcomePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EmsWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, EmsWelcomePage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, EmsWelcomePage, examples_group);
  gtk_widget_class_bind_template_child (widget_class, EmsWelcomePage, examples_list);
}

static void
ems_welcome_page_init (EmsWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
}

GtkWidget *
ems_welcome_page_new (void)
{
  return g_object_new (EMS_TYPE_WELCOME_PAGE, NULL);
}
