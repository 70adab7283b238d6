/* ems-workshop-view.c: the base of the workshop's views, and the pieces
 * the views and the slides share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-workshop-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-workshop-view.h"

typedef struct
{
  EmsComparison *comparison;
} EmsWorkshopViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (EmsWorkshopView, ems_workshop_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
disconnect (EmsWorkshopView *self)
{
  EmsWorkshopViewPrivate *priv = ems_workshop_view_get_instance_private (self);

  if (priv->comparison != NULL)
    g_signal_handlers_disconnect_by_data (priv->comparison, self);
  g_clear_object (&priv->comparison);
}

static void
ems_workshop_view_dispose (GObject *object)
{
  disconnect (EMS_WORKSHOP_VIEW (object));

  G_OBJECT_CLASS (ems_workshop_view_parent_class)->dispose (object);
}

static void
ems_workshop_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EmsWorkshopView *self = EMS_WORKSHOP_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, ems_workshop_view_get_comparison (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_workshop_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EmsWorkshopView *self = EMS_WORKSHOP_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      ems_workshop_view_set_comparison (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_workshop_view_class_init (EmsWorkshopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ems_workshop_view_dispose;
  object_class->get_property = ems_workshop_view_get_property;
  object_class->set_property = ems_workshop_view_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, EMS_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ems_workshop_view_init (EmsWorkshopView *self)
{
}

EmsComparison *
ems_workshop_view_get_comparison (EmsWorkshopView *self)
{
  EmsWorkshopViewPrivate *priv;

  g_return_val_if_fail (EMS_IS_WORKSHOP_VIEW (self), NULL);

  priv = ems_workshop_view_get_instance_private (self);
  return priv->comparison;
}

guint
ems_workshop_view_get_n_participants (EmsWorkshopView *self)
{
  EmsComparison *comparison = ems_workshop_view_get_comparison (self);

  return comparison != NULL ? ems_comparison_get_n_participants (comparison) : 0;
}

void
ems_workshop_view_rebuild (EmsWorkshopView *self)
{
  g_return_if_fail (EMS_IS_WORKSHOP_VIEW (self));

  if (EMS_WORKSHOP_VIEW_GET_CLASS (self)->rebuild != NULL)
    EMS_WORKSHOP_VIEW_GET_CLASS (self)->rebuild (self);
}

void
ems_workshop_view_set_comparison (EmsWorkshopView *self,
                                  EmsComparison   *comparison)
{
  EmsWorkshopViewPrivate *priv;

  g_return_if_fail (EMS_IS_WORKSHOP_VIEW (self));
  g_return_if_fail (comparison == NULL || EMS_IS_COMPARISON (comparison));

  priv = ems_workshop_view_get_instance_private (self);
  if (priv->comparison == comparison)
    return;

  disconnect (self);
  if (comparison != NULL)
    {
      priv->comparison = g_object_ref (comparison);
      /* New participants, or names hidden or shown: everything may change */
      g_signal_connect_swapped (comparison, "notify::n-participants",
                                G_CALLBACK (ems_workshop_view_rebuild), self);
      g_signal_connect_swapped (comparison, "notify::anonymise",
                                G_CALLBACK (ems_workshop_view_rebuild), self);
    }

  ems_workshop_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/* Shared pieces ------------------------------------------------------------ */

void
ems_workshop_load_stylesheet (const char *resource)
{
  static GHashTable *loaded = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (resource != NULL);

  if (display == NULL)
    return;
  if (loaded == NULL)
    loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (loaded, resource))
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_hash_table_add (loaded, g_strdup (resource));
}

EmsChartStyle
ems_workshop_chart_style (void)
{
  EmsChartStyle style = *(adw_style_manager_get_dark (adw_style_manager_get_default ())
                          ? ems_chart_style_dark ()
                          : ems_chart_style_light ());

  style.fill_background = FALSE;
  return style;
}

char *
ems_workshop_element_title (guint number)
{
  const EmsElement *element = ems_checklist_get_element (ems_checklist_get_default (), number);

  /* Translators: an element number and its title */
  return g_strdup_printf (_("%u. %s"), number, element ? element->title : "");
}

void
ems_workshop_remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

GtkWidget *
ems_workshop_cell_label (const char *text,
                         const char *css_class,
                         float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
ems_workshop_group_new (const char *title,
                        const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

GtkWidget *
ems_workshop_row_new (const char *title,
                      const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and question texts are text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

GtkWidget *
ems_workshop_change_grid_new (EmsComparison     *comparison,
                              const EmsFollowUp *follow_up,
                              const char        *cell_class,
                              gboolean           wrap_titles)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *headers[] = { N_("Element"), N_("First"), N_("Last"), N_("Change") };
  guint n = ems_comparison_get_n_elements (comparison);

  gtk_widget_add_css_class (grid, "change-table");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *header = ems_workshop_cell_label (_(headers[c]), cell_class, c == 0 ? 0 : 1);

      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "slide-heading");
      gtk_grid_attach (GTK_GRID (grid), header, c, 0, 1, 1);
    }

  for (guint e = 1; e <= n; e++)
    {
      g_autofree char *title = ems_workshop_element_title (e);
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *text = NULL;
      GtkWidget *title_label, *change_label;
      EmsChange change;

      ems_comparison_get_change (comparison, follow_up, e, &change);
      first = ems_format_percent (change.has_first, change.first);
      last = ems_format_percent (change.has_last, change.last);
      text = change.has_delta ? ems_format_change (change.delta) : g_strdup (_("—"));

      title_label = ems_workshop_cell_label (title, cell_class, 0);
      /* The title in full where the page scrolls (it wraps between
       * words); on one line where everything must fit one screen */
      if (wrap_titles)
        {
          gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
        }
      else
        gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (title_label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), title_label, 0, e, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), ems_workshop_cell_label (first, cell_class, 1), 1, e, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), ems_workshop_cell_label (last, cell_class, 1), 2, e, 1, 1);
      change_label = ems_workshop_cell_label (text, cell_class, 1);
      g_object_set_data (G_OBJECT (change_label), "element", GUINT_TO_POINTER (e));
      gtk_widget_set_name (change_label, "change");
      gtk_grid_attach (GTK_GRID (grid), change_label, 3, e, 1, 1);
    }

  return grid;
}
