/* ems-chart-comparison.c: chart data of a workshop comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builders only: every number comes from EmsComparison (the group mean,
 * the spread, the group target, the answer counts), so the window, the
 * slides and the handout draw the same figures.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-charts-private.h"

static EmsChecklist *
comparison_checklist (EmsComparison *comparison)
{
  if (ems_comparison_get_n_participants (comparison) > 0)
    return ems_assessment_get_checklist (ems_comparison_get_assessment (comparison, 0));

  return ems_checklist_get_default ();
}

EmsRadarData *
ems_radar_data_new_for_comparison (EmsComparison *comparison,
                                   const guint   *picked,
                                   guint          n_picked)
{
  EmsChecklist *checklist;
  g_autoptr(EmsScores) group = NULL;
  guint n_participants;
  EmsRadarData *data;

  g_return_val_if_fail (EMS_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (picked != NULL || n_picked == 0, NULL);

  checklist = comparison_checklist (comparison);
  n_participants = ems_comparison_get_n_participants (comparison);
  n_picked = MIN (n_picked, EMS_CHART_MAX_SERIES - 1);

  /* One participant is the group: its own chart, red flags included */
  if (n_participants == 1)
    {
      g_autofree char *label = ems_comparison_dup_label (comparison, 0);

      return ems_radar_data_new_from_scores (checklist, ems_comparison_get_scores (comparison, 0), label);
    }

  group = ems_comparison_dup_group_scores (comparison);

  /* Picked participants first: series 0 is drawn on top */
  if (n_picked > 0 && picked[0] < n_participants)
    {
      g_autofree char *label = ems_comparison_dup_label (comparison, picked[0]);

      data = ems_radar_data_new_from_scores (checklist, ems_comparison_get_scores (comparison, picked[0]),
                                             label);
    }
  else
    /* Translators: legend of the radar series of the group's mean scores */
    data = ems_radar_data_new_from_scores (checklist, group, _("Group mean"));

  for (guint i = 1; i < n_picked; i++)
    {
      g_autofree char *label = NULL;

      if (picked[i] >= n_participants)
        continue;
      label = ems_comparison_dup_label (comparison, picked[i]);
      ems_radar_data_add_series (data, label, ems_comparison_get_scores (comparison, picked[i]));
    }
  if (n_picked > 0 && picked[0] < n_participants)
    ems_radar_data_add_series (data, _("Group mean"), group);

  /* Flags of one of the series would be read as the group's; the ring is
   * the group's target, whoever is drawn over it */
  if (data->red_flags != NULL)
    memset (data->red_flags, 0, sizeof (gboolean) * data->n_axes);
  data->has_target = ems_comparison_get_target (comparison)->has_target;
  data->target = group->target;

  return data;
}

EmsRadarData *
ems_radar_data_new_for_group_range (EmsComparison *comparison)
{
  EmsChecklist *checklist;
  const EmsGroupTarget *target;
  EmsRadarData *data;
  guint n;
  /* Translators: radar legend in the comparison handout */
  const char *names[] = { _("Group mean"), _("Lowest score"), _("Highest score") };

  G_STATIC_ASSERT (EMS_CHART_MAX_SERIES >= G_N_ELEMENTS (names));
  g_return_val_if_fail (EMS_IS_COMPARISON (comparison), NULL);

  checklist = comparison_checklist (comparison);
  target = ems_comparison_get_target (comparison);
  n = MIN (ems_comparison_get_n_elements (comparison), EMS_RADAR_MAX_AXES);

  data = g_new0 (EmsRadarData, 1);
  data->n_axes = n;
  data->labels = g_new0 (char *, n + 1);
  data->short_labels = g_new0 (char *, n + 1);
  data->short_titles = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, i + 1);

      data->labels[i] = g_strdup (element != NULL ? element->title : "");
      data->short_titles[i] = g_strdup (element != NULL ? ems_element_get_short_title (element) : "");
      data->short_labels[i] = g_strdup_printf ("%u", i + 1);
    }

  data->has_target = target->has_target;
  data->target = target->mean;

  data->n_series = G_N_ELEMENTS (names);
  for (guint s = 0; s < data->n_series; s++)
    {
      data->series[s].name = g_strdup (names[s]);
      data->series[s].values = g_new0 (EmsChartValue, n);
      for (guint i = 0; i < n; i++)
        {
          const EmsElementStats *st = ems_comparison_get_element_stats (comparison, i + 1);

          data->series[s].values[i].has_value = st->has_stats;
          data->series[s].values[i].value = !st->has_stats ? 0.0 :
                                            s == 0 ? st->mean : s == 1 ? st->min : st->max;
        }
    }

  return data;
}

EmsDistributionData *
ems_distribution_data_new_for_group (EmsComparison *comparison)
{
  g_autoptr(EmsScores) group = NULL;

  g_return_val_if_fail (EMS_IS_COMPARISON (comparison), NULL);

  group = ems_comparison_dup_group_scores (comparison);

  return ems_distribution_data_new_from_scores (comparison_checklist (comparison), group);
}

EmsDistributionData *
ems_distribution_data_new_for_element (EmsComparison *comparison,
                                       guint          number)
{
  guint n;
  EmsDistributionData *data;

  g_return_val_if_fail (EMS_IS_COMPARISON (comparison), NULL);

  n = ems_comparison_get_n_participants (comparison);
  data = ems_distribution_data_new_empty (comparison_checklist (comparison), n);
  for (guint p = 0; p < n; p++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, p);

      data->rows[p].label = ems_comparison_dup_label (comparison, p);
      if (number >= 1 && number <= scores->n_elements)
        ems_distribution_row_fill (&data->rows[p], &scores->elements[number - 1]);
    }

  return data;
}
