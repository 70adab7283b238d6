/* ems-action-list.c: an assessment's action plan as a GListModel
 *
 * The assessment keeps its actions in an array and says what changed with
 * EmsAssessment::actions-changed, so that it needs no GIO. This is the
 * GListModel the window binds its lists to (ems_assessment_get_actions()):
 * it reads the assessment's array and forwards the changes as
 * items-changed. It does not keep the assessment alive; once the
 * assessment is gone it is empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include "ems-action-list.h"

struct _EmsActionList
{
  GObject        parent_instance;

  EmsAssessment *assessment;   /* weak */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EmsActionList, ems_action_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
ems_action_list_get_item_type (GListModel *model)
{
  return EMS_TYPE_ACTION;
}

static guint
ems_action_list_get_n_items (GListModel *model)
{
  EmsActionList *self = EMS_ACTION_LIST (model);

  return self->assessment != NULL ? ems_assessment_get_n_actions (self->assessment) : 0;
}

static gpointer
ems_action_list_get_item (GListModel *model,
                          guint       position)
{
  EmsActionList *self = EMS_ACTION_LIST (model);

  if (self->assessment == NULL || position >= ems_assessment_get_n_actions (self->assessment))
    return NULL;

  return g_object_ref (ems_assessment_get_action (self->assessment, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ems_action_list_get_item_type;
  iface->get_n_items = ems_action_list_get_n_items;
  iface->get_item = ems_action_list_get_item;
}

static void
on_actions_changed (EmsActionList *self,
                    guint          position,
                    guint          removed,
                    guint          added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
ems_action_list_dispose (GObject *object)
{
  EmsActionList *self = EMS_ACTION_LIST (object);

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_clear_weak_pointer (&self->assessment);

  G_OBJECT_CLASS (ems_action_list_parent_class)->dispose (object);
}

static void
ems_action_list_class_init (EmsActionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ems_action_list_dispose;
}

static void
ems_action_list_init (EmsActionList *self)
{
}

/**
 * ems_action_list_new:
 * @assessment: the assessment whose actions to list
 *
 * Returns: (transfer full): a GListModel of EmsAction
 */
GListModel *
ems_action_list_new (EmsAssessment *assessment)
{
  EmsActionList *self;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (EMS_TYPE_ACTION_LIST, NULL);
  g_set_weak_pointer (&self->assessment, assessment);
  g_signal_connect_object (assessment, "actions-changed",
                           G_CALLBACK (on_actions_changed), self,
                           G_CONNECT_SWAPPED);

  return G_LIST_MODEL (self);
}
