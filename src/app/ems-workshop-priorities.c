/* ems-workshop-priorities.c: where the group disagrees most, where it is
 * weakest, and the questions most often answered 0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-workshop-priorities"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-workshop-priorities.h"

/* Elements listed in each ranking, questions answered 0 */
#define N_RANKED    5
#define N_MOST_ZERO 10

struct _EmsWorkshopPriorities
{
  EmsWorkshopView  parent_instance;

  /* Template widgets */
  GtkWidget       *box;
};

G_DEFINE_FINAL_TYPE (EmsWorkshopPriorities, ems_workshop_priorities, EMS_TYPE_WORKSHOP_VIEW)

static GtkWidget *
spread_group (EmsComparison *comparison)
{
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (comparison);
  GtkWidget *group = ems_workshop_group_new (_("Largest Spread"),
                                             _("Elements where participants differ most (standard deviation of the scores)"));

  for (guint i = 0; i < MIN (spread->len, N_RANKED); i++)
    {
      guint number = g_array_index (spread, guint, i);
      const EmsElementStats *stats = ems_comparison_get_element_stats (comparison, number);
      g_autofree char *title = NULL;
      g_autofree char *sd = NULL;
      g_autofree char *min = NULL;
      g_autofree char *max = NULL;
      g_autofree char *subtitle = NULL;

      if (!stats->has_stats)
        continue;
      title = ems_workshop_element_title (number);
      sd = ems_format_percent (TRUE, stats->stddev);
      min = ems_format_percent (TRUE, stats->min);
      max = ems_format_percent (TRUE, stats->max);
      /* Translators: spread of an element's scores: standard deviation, lowest and highest score */
      subtitle = g_strdup_printf (_("Standard deviation %s, from %s to %s"), sd, min, max);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), ems_workshop_row_new (title, subtitle));
    }

  return group;
}

static GtkWidget *
weakest_group (EmsComparison *comparison)
{
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (comparison);
  GtkWidget *group = ems_workshop_group_new (_("Weakest Elements"), _("Lowest group mean score first"));

  for (guint i = 0; i < MIN (weakest->len, N_RANKED); i++)
    {
      guint number = g_array_index (weakest, guint, i);
      const EmsElementStats *stats = ems_comparison_get_element_stats (comparison, number);
      g_autofree char *title = NULL;
      g_autofree char *mean = NULL;
      g_autofree char *subtitle = NULL;

      if (!stats->has_stats)
        continue;
      title = ems_workshop_element_title (number);
      mean = ems_format_percent (TRUE, stats->mean);
      /* Translators: the group's mean score of an element and its band word */
      subtitle = g_strdup_printf (_("Group mean %s (%s)"), mean,
                                  ems_band_to_label (ems_band_from_score (stats->mean)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), ems_workshop_row_new (title, subtitle));
    }

  return group;
}

static GtkWidget *
zero_group (EmsComparison *comparison)
{
  g_autoptr(GArray) zeros = ems_comparison_most_zero (comparison, N_MOST_ZERO);
  GtkWidget *group = ems_workshop_group_new (_("Most Often Answered 0"),
                                             _("Questions the group most often answered “Not in place”"));

  if (zeros->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               ems_workshop_row_new (_("No question was answered 0"), NULL));
  for (guint i = 0; i < zeros->len; i++)
    {
      const EmsZeroCount *zero = &g_array_index (zeros, EmsZeroCount, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", zero->question->id, zero->question->text);
      g_autofree char *subtitle = NULL;

      /* Translators: how many participants answered a question 0, of those that answered it */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Answered 0 by %u of %u participant",
                                               "Answered 0 by %u of %u participants",
                                               zero->n_answered),
                                  zero->n_zero, zero->n_answered);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), ems_workshop_row_new (title, subtitle));
    }

  return group;
}

static void
ems_workshop_priorities_rebuild (EmsWorkshopView *view)
{
  EmsWorkshopPriorities *self = EMS_WORKSHOP_PRIORITIES (view);
  EmsComparison *comparison = ems_workshop_view_get_comparison (view);

  ems_workshop_remove_children (self->box);
  if (ems_workshop_view_get_n_participants (view) == 0)
    return;

  gtk_box_append (GTK_BOX (self->box), spread_group (comparison));
  gtk_box_append (GTK_BOX (self->box), weakest_group (comparison));
  gtk_box_append (GTK_BOX (self->box), zero_group (comparison));
}

static void
ems_workshop_priorities_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EMS_TYPE_WORKSHOP_PRIORITIES);

  G_OBJECT_CLASS (ems_workshop_priorities_parent_class)->dispose (object);
}

static void
ems_workshop_priorities_class_init (EmsWorkshopPrioritiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EmsWorkshopViewClass *view_class = EMS_WORKSHOP_VIEW_CLASS (klass);

  object_class->dispose = ems_workshop_priorities_dispose;
  view_class->rebuild = ems_workshop_priorities_rebuild;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-workshop-priorities.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopPriorities, box);
}

static void
ems_workshop_priorities_init (EmsWorkshopPriorities *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
