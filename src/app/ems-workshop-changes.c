/* ems-workshop-changes.c: the changes over time of the organisations
 * assessed more than once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-workshop-changes"

#include "config.h"

#include "ems-workshop-changes.h"

struct _EmsWorkshopChanges
{
  EmsWorkshopView  parent_instance;

  /* Template widgets */
  GtkWidget       *box;

  guint            n_follow_ups;
};

G_DEFINE_FINAL_TYPE (EmsWorkshopChanges, ems_workshop_changes, EMS_TYPE_WORKSHOP_VIEW)

static void
ems_workshop_changes_rebuild (EmsWorkshopView *view)
{
  EmsWorkshopChanges *self = EMS_WORKSHOP_CHANGES (view);
  EmsComparison *comparison = ems_workshop_view_get_comparison (view);
  g_autoptr(GPtrArray) follow_ups = NULL;

  ems_workshop_remove_children (self->box);
  self->n_follow_ups = 0;
  if (comparison == NULL)
    return;

  follow_ups = ems_comparison_follow_ups (comparison);
  for (guint i = 0; i < follow_ups->len; i++)
    {
      const EmsFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *title = ems_follow_up_dup_title (follow_up);
      g_autofree char *description = ems_comparison_describe_follow_up (comparison, follow_up);
      GtkWidget *group = ems_workshop_group_new (title, description);
      GtkWidget *grid = ems_workshop_change_grid_new (comparison, follow_up, "cell", TRUE);

      gtk_widget_set_margin_top (grid, 6);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), grid);
      gtk_box_append (GTK_BOX (self->box), group);
    }
  self->n_follow_ups = follow_ups->len;
}

static void
ems_workshop_changes_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EMS_TYPE_WORKSHOP_CHANGES);

  G_OBJECT_CLASS (ems_workshop_changes_parent_class)->dispose (object);
}

static void
ems_workshop_changes_class_init (EmsWorkshopChangesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EmsWorkshopViewClass *view_class = EMS_WORKSHOP_VIEW_CLASS (klass);

  object_class->dispose = ems_workshop_changes_dispose;
  view_class->rebuild = ems_workshop_changes_rebuild;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-workshop-changes.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopChanges, box);
}

static void
ems_workshop_changes_init (EmsWorkshopChanges *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
ems_workshop_changes_get_n_follow_ups (EmsWorkshopChanges *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_CHANGES (self), 0);
  return self->n_follow_ups;
}
