/* ems-step-view.c: a question's next step for its current level, with
 * "Add to Plan"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The step and the action it becomes come from core (the checklist data,
 * ems_plan_action_for_question()); this widget shows the step and, once
 * an action of the plan is linked to the question, says so instead of
 * offering it again.
 */
#define G_LOG_DOMAIN "ems-step-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-plan-draft.h"
#include "ems-step-view.h"

struct _EmsStepView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkWidget         *heading_label;
  GtkWidget         *text_label;
  GtkWidget         *add_button;

  EmsAssessment     *assessment;
  const EmsQuestion *question;
};

G_DEFINE_FINAL_TYPE (EmsStepView, ems_step_view, GTK_TYPE_WIDGET)

static void
update (EmsStepView *self)
{
  const EmsAnswer *answer;
  const EmsNextStep *step = NULL;
  gboolean planned;
  g_autofree char *heading = NULL;

  if (self->assessment == NULL || self->question == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  answer = ems_assessment_get_answer (self->assessment, self->question->id);
  if (answer != NULL && answer->state == EMS_ANSWER_LEVEL)
    step = ems_question_get_next_step (self->question, answer->level);

  gtk_widget_set_visible (GTK_WIDGET (self), step != NULL);
  if (step == NULL)
    return;

  /* Translators: above a question's next step; %s is its effort ("Low", "Medium", "High") */
  heading = g_strdup_printf (_("Next step · %s effort"), ems_effort_to_label (step->effort));
  gtk_label_set_text (GTK_LABEL (self->heading_label), heading);
  gtk_label_set_text (GTK_LABEL (self->text_label), step->text);

  planned = ems_plan_has_action_for (self->assessment, self->question->id);
  gtk_button_set_label (GTK_BUTTON (self->add_button),
                        planned ? _("In the Plan") : _("Add to _Plan"));
  gtk_button_set_use_underline (GTK_BUTTON (self->add_button), !planned);
  gtk_widget_set_sensitive (self->add_button, !planned);
}

static void
on_answer_changed (EmsAssessment *assessment,
                   const char    *question_id,
                   EmsStepView   *self)
{
  if (self->question != NULL && g_strcmp0 (question_id, self->question->id) == 0)
    update (self);
}

EmsAction *
ems_step_view_add_to_plan (EmsStepView *self)
{
  g_autoptr(EmsAction) action = NULL;

  g_return_val_if_fail (EMS_IS_STEP_VIEW (self), NULL);

  if (self->assessment == NULL || self->question == NULL)
    return NULL;

  action = ems_plan_action_for_question (self->assessment, self->question, NULL);
  if (action == NULL)
    return NULL;

  ems_assessment_add_action (self->assessment, action);
  return action;   /* the assessment holds it */
}

static void
on_add_clicked (GtkButton   *button,
                EmsStepView *self)
{
  ems_step_view_add_to_plan (self);
}

static void
ems_step_view_dispose (GObject *object)
{
  EmsStepView *self = EMS_STEP_VIEW (object);
  GtkWidget *child;

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_STEP_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (ems_step_view_parent_class)->dispose (object);
}

static void
ems_step_view_class_init (EmsStepViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_step_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stepview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-step-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsStepView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, EmsStepView, text_label);
  gtk_widget_class_bind_template_child (widget_class, EmsStepView, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
ems_step_view_init (EmsStepView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ems_step_view_new (void)
{
  return g_object_new (EMS_TYPE_STEP_VIEW, NULL);
}

void
ems_step_view_set_question (EmsStepView       *self,
                            EmsAssessment     *assessment,
                            const EmsQuestion *question)
{
  g_return_if_fail (EMS_IS_STEP_VIEW (self));
  g_return_if_fail (EMS_IS_ASSESSMENT (assessment));

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_set_object (&self->assessment, assessment);
  self->question = question;

  g_signal_connect_object (assessment, "answer-changed",
                           G_CALLBACK (on_answer_changed), self, 0);
  g_signal_connect_object (assessment, "actions-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}
