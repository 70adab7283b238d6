/* ems-workshop-problems.c: the files that could not be read and are left
 * out of the comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-workshop-problems"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-workshop-problems.h"

struct _EmsWorkshopProblems
{
  EmsWorkshopView  parent_instance;

  /* Template widgets */
  GtkWidget       *box;

  GPtrArray       *problems;   /* EmsLoadProblem* */
};

G_DEFINE_FINAL_TYPE (EmsWorkshopProblems, ems_workshop_problems, EMS_TYPE_WORKSHOP_VIEW)

static void
ems_workshop_problems_rebuild (EmsWorkshopView *view)
{
  EmsWorkshopProblems *self = EMS_WORKSHOP_PROBLEMS (view);
  EmsComparison *comparison = ems_workshop_view_get_comparison (view);
  gboolean anonymise = comparison != NULL && ems_comparison_get_anonymise (comparison);
  GtkWidget *group;

  ems_workshop_remove_children (self->box);
  if (self->problems->len == 0)
    return;

  group = ems_workshop_group_new (_("Files Left Out"),
                                  _("These files could not be read and are not in the comparison."));
  for (guint i = 0; i < self->problems->len; i++)
    {
      EmsLoadProblem *problem = g_ptr_array_index (self->problems, i);

      if (anonymise)
        {
          /* A file name can name an organisation: hide it, and in the error */
          /* Translators: a file left out, named by its number when anonymised */
          g_autofree char *name = g_strdup_printf (_("File %u"), i + 1);
          g_autoptr(GString) message = g_string_new (problem->message);

          if (problem->name[0] != '\0')
            g_string_replace (message, problem->name, name, 0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), ems_workshop_row_new (name, message->str));
        }
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   ems_workshop_row_new (problem->name, problem->message));
    }
  gtk_box_append (GTK_BOX (self->box), group);
}

static void
ems_workshop_problems_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EMS_TYPE_WORKSHOP_PROBLEMS);

  G_OBJECT_CLASS (ems_workshop_problems_parent_class)->dispose (object);
}

static void
ems_workshop_problems_finalize (GObject *object)
{
  EmsWorkshopProblems *self = EMS_WORKSHOP_PROBLEMS (object);

  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (ems_workshop_problems_parent_class)->finalize (object);
}

static void
ems_workshop_problems_class_init (EmsWorkshopProblemsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EmsWorkshopViewClass *view_class = EMS_WORKSHOP_VIEW_CLASS (klass);

  object_class->dispose = ems_workshop_problems_dispose;
  object_class->finalize = ems_workshop_problems_finalize;
  view_class->rebuild = ems_workshop_problems_rebuild;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-workshop-problems.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopProblems, box);
}

static void
ems_workshop_problems_init (EmsWorkshopProblems *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_load_problem_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
ems_workshop_problems_add (EmsWorkshopProblems *self,
                           GPtrArray           *problems)
{
  g_return_if_fail (EMS_IS_WORKSHOP_PROBLEMS (self));
  g_return_if_fail (problems != NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const EmsLoadProblem *problem = g_ptr_array_index (problems, i);
      EmsLoadProblem *copy = g_new0 (EmsLoadProblem, 1);

      copy->name = g_strdup (problem->name);
      copy->message = g_strdup (problem->message);
      g_ptr_array_add (self->problems, copy);
    }

  ems_workshop_view_rebuild (EMS_WORKSHOP_VIEW (self));
}

guint
ems_workshop_problems_get_n_problems (EmsWorkshopProblems *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_PROBLEMS (self), 0);
  return self->problems->len;
}
