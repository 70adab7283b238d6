/* ems-draft-dialog.c: review a drafted, phased action plan before adding it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core drafts the plan (ems-plan-draft.c); this dialog only lists it, by
 * phase, with a tick and an editable title for each proposed action, and
 * adds the ticked ones in one change, so that one undo takes them all back.
 */
#define G_LOG_DOMAIN "ems-draft-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-draft-dialog.h"
#include "ems-plan-draft.h"

struct _EmsDraftDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkWidget     *add_button;
  GtkWidget     *stack;
  GtkWidget     *groups;

  EmsAssessment *assessment;
  GArray        *draft;    /* EmsPlanDraftItem */
  GPtrArray     *checks;   /* GtkCheckButton, one per item */
  GPtrArray     *entries;  /* AdwEntryRow, one per item */
};

G_DEFINE_FINAL_TYPE (EmsDraftDialog, ems_draft_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
phase_title (guint phase)
{
  switch (phase)
    {
    case 1:
      return _("Phase 1: First 30 Days");
    case 2:
      return _("Phase 2: By 90 Days");
    default:
      return _("Phase 3: By 180 Days");
    }
}

static const char *
phase_description (guint phase)
{
  switch (phase)
    {
    case 1:
      return _("Critical questions answered 0, and compliance: legal requirements, emergencies, checking and correcting");
    case 2:
      return _("The other questions of the elements in the red");
    default:
      return _("Everything else below your target");
    }
}

static guint
count_ticked (EmsDraftDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      n++;
  return n;
}

static void
update_add_button (EmsDraftDialog *self)
{
  guint n = count_ticked (self);
  g_autofree char *label = NULL;

  /* Translators: the button that adds the ticked actions to the plan */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %u Action", "_Add %u Actions", n), n);
  gtk_button_set_label (GTK_BUTTON (self->add_button), label);
  gtk_widget_set_sensitive (self->add_button, n > 0);
}

static GtkWidget *
item_row (EmsDraftDialog         *self,
          const EmsPlanDraftItem *item)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *info = NULL;

  /* Translators: a proposed action: its question id, due date, and the
   * effort of the step ("Low", "Medium", "High") */
  info = g_strdup_printf (_("Question %s · due %s · %s effort"),
                          item->question->id, item->due,
                          ems_effort_to_label (item->effort));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info);
  gtk_editable_set_text (GTK_EDITABLE (row), item->title);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add this action"), -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_add_button), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);
  if (item->description != NULL)
    gtk_widget_set_tooltip_text (row, item->description);

  g_ptr_array_add (self->checks, check);
  g_ptr_array_add (self->entries, row);
  return row;
}

static void
fill (EmsDraftDialog *self)
{
  GtkWidget *group = NULL;
  guint phase = 0;

  self->draft = ems_plan_draft (self->assessment, NULL, NULL);

  for (guint i = 0; i < self->draft->len; i++)
    {
      const EmsPlanDraftItem *item = &g_array_index (self->draft, EmsPlanDraftItem, i);

      if (group == NULL || item->phase != phase)
        {
          phase = item->phase;
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), phase_title (phase));
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), phase_description (phase));
          gtk_box_append (GTK_BOX (self->groups), group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item_row (self, item));
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->draft->len > 0 ? "list" : "empty");
  update_add_button (self);
}

guint
ems_draft_dialog_add (EmsDraftDialog *self)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (EMS_IS_DRAFT_DIALOG (self), 0);

  for (guint i = 0; i < self->draft->len; i++)
    {
      EmsAction *action;
      const char *title;

      if (!gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
        continue;

      action = ems_plan_draft_item_to_action (&g_array_index (self->draft, EmsPlanDraftItem, i));
      title = gtk_editable_get_text (g_ptr_array_index (self->entries, i));
      if (title != NULL && *title != '\0')
        ems_action_set_title (action, title);
      g_ptr_array_add (actions, action);
    }

  ems_assessment_add_actions (self->assessment, actions);
  g_signal_emit (self, signals[ADDED], 0, actions->len);
  gtk_window_close (GTK_WINDOW (self));

  return actions->len;
}

static void
on_add_clicked (GtkButton      *button,
                EmsDraftDialog *self)
{
  ems_draft_dialog_add (self);
}

static void
on_cancel_clicked (GtkButton      *button,
                   EmsDraftDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
ems_draft_dialog_dispose (GObject *object)
{
  EmsDraftDialog *self = EMS_DRAFT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_DRAFT_DIALOG);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->draft, g_array_unref);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (ems_draft_dialog_parent_class)->dispose (object);
}

static void
ems_draft_dialog_class_init (EmsDraftDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_draft_dialog_dispose;

  /* The actions were added: their number */
  signals[ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-draft-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsDraftDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, EmsDraftDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EmsDraftDialog, groups);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
ems_draft_dialog_init (EmsDraftDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
  self->entries = g_ptr_array_new ();
}

GtkWidget *
ems_draft_dialog_new (GtkWindow     *parent,
                      EmsAssessment *assessment)
{
  EmsDraftDialog *self;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (EMS_TYPE_DRAFT_DIALOG, "transient-for", parent, NULL);
  self->assessment = g_object_ref (assessment);
  fill (self);

  return GTK_WIDGET (self);
}

guint
ems_draft_dialog_get_n_proposed (EmsDraftDialog *self)
{
  g_return_val_if_fail (EMS_IS_DRAFT_DIALOG (self), 0);
  return self->draft->len;
}

void
ems_draft_dialog_set_ticked (EmsDraftDialog *self,
                             guint           index,
                             gboolean        ticked)
{
  g_return_if_fail (EMS_IS_DRAFT_DIALOG (self));
  g_return_if_fail (index < self->checks->len);
  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), ticked);
}

void
ems_draft_dialog_set_title_at (EmsDraftDialog *self,
                               guint           index,
                               const char     *title)
{
  g_return_if_fail (EMS_IS_DRAFT_DIALOG (self));
  g_return_if_fail (index < self->entries->len);
  gtk_editable_set_text (g_ptr_array_index (self->entries, index), title);
}
