/* ems-workshop-distribution.c: the answers to one element, one row per
 * participant, with the element's statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-workshop-distribution"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-workshop-distribution.h"

struct _EmsWorkshopDistribution
{
  EmsWorkshopView  parent_instance;

  /* Template widgets */
  GtkDropDown     *element_dropdown;
  GtkLabel        *stats;
  GtkDrawingArea  *area;
};

G_DEFINE_FINAL_TYPE (EmsWorkshopDistribution, ems_workshop_distribution, EMS_TYPE_WORKSHOP_VIEW)

static EmsDistributionData *
distribution_data (EmsWorkshopDistribution *self)
{
  EmsWorkshopView *view = EMS_WORKSHOP_VIEW (self);

  if (ems_workshop_view_get_n_participants (view) == 0)
    return NULL;

  return ems_distribution_data_new_for_element (ems_workshop_view_get_comparison (view),
                                                ems_workshop_distribution_get_element (self));
}

static void
draw_distribution (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  g_autoptr(EmsDistributionData) data = distribution_data (user_data);
  EmsChartStyle style = ems_workshop_chart_style ();

  if (data != NULL)
    ems_distribution_draw (cr, width, height, data, &style);
}

static void
ems_workshop_distribution_rebuild (EmsWorkshopView *view)
{
  EmsWorkshopDistribution *self = EMS_WORKSHOP_DISTRIBUTION (view);
  EmsComparison *comparison = ems_workshop_view_get_comparison (view);
  guint n = ems_workshop_view_get_n_participants (view);
  guint number = ems_workshop_distribution_get_element (self);
  g_autoptr(EmsDistributionData) data = NULL;
  g_autofree char *description = NULL;
  g_autofree char *stats = NULL;

  if (n == 0 || number > ems_comparison_get_n_elements (comparison))
    {
      gtk_label_set_text (self->stats, "");
      return;
    }

  stats = ems_element_stats_describe (ems_comparison_get_element_stats (comparison, number));
  gtk_label_set_text (self->stats, stats);

  data = distribution_data (self);
  description = ems_distribution_data_describe (data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_drawing_area_set_content_height (self->area, MAX (200, 56 * n + 110));
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
on_element_changed (GtkDropDown             *dropdown,
                    GParamSpec              *pspec,
                    EmsWorkshopDistribution *self)
{
  ems_workshop_view_rebuild (EMS_WORKSHOP_VIEW (self));
}

static void
ems_workshop_distribution_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EMS_TYPE_WORKSHOP_DISTRIBUTION);

  G_OBJECT_CLASS (ems_workshop_distribution_parent_class)->dispose (object);
}

static void
ems_workshop_distribution_class_init (EmsWorkshopDistributionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EmsWorkshopViewClass *view_class = EMS_WORKSHOP_VIEW_CLASS (klass);

  object_class->dispose = ems_workshop_distribution_dispose;
  view_class->rebuild = ems_workshop_distribution_rebuild;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-workshop-distribution.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopDistribution, element_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopDistribution, stats);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopDistribution, area);
  gtk_widget_class_bind_template_callback (widget_class, on_element_changed);
}

static void
ems_workshop_distribution_init (EmsWorkshopDistribution *self)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GtkStringList) elements = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint e = 1; e <= ems_checklist_get_n_elements (checklist); e++)
    {
      g_autofree char *title = ems_workshop_element_title (e);

      gtk_string_list_append (elements, title);
    }
  gtk_drop_down_set_model (self->element_dropdown, G_LIST_MODEL (elements));

  gtk_drawing_area_set_draw_func (self->area, draw_distribution, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
}

guint
ems_workshop_distribution_get_element (EmsWorkshopDistribution *self)
{
  guint position;

  g_return_val_if_fail (EMS_IS_WORKSHOP_DISTRIBUTION (self), 1);

  position = gtk_drop_down_get_selected (self->element_dropdown);
  return position == GTK_INVALID_LIST_POSITION ? 1 : position + 1;
}

void
ems_workshop_distribution_set_element (EmsWorkshopDistribution *self,
                                       guint                    number)
{
  g_return_if_fail (EMS_IS_WORKSHOP_DISTRIBUTION (self));
  g_return_if_fail (number >= 1);

  gtk_drop_down_set_selected (self->element_dropdown, number - 1);
}
