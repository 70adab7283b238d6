/* ems-assessment-indicators.c: the assessment's outcome indicators (the
 * model of .emsa format version 2's "indicators" member)
 *
 * The reporting period, the output measure and the indicator values. No
 * checks here beyond what keeps the model sane (a value is a number):
 * the reader and the window check values against the indicator set
 * (ems-indicators.h) and say what is wrong where it was typed or read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ems-assessment-private.h"
#include "ems-indicators.h"

static guint indicator_changed_signal;

void
ems_assessment_class_init_indicators (EmsAssessmentClass *klass)
{
  /**
   * EmsAssessment::indicator-changed:
   * @what: "period", "output" or the id of the indicator whose value
   *   changed (also the signal's detail)
   *
   * Followed by EmsAssessment::changed.
   */
  indicator_changed_signal =
    g_signal_new ("indicator-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

void
ems_assessment_clear_indicators (EmsAssessment *self)
{
  g_clear_pointer (&self->period_from, g_free);
  g_clear_pointer (&self->period_to, g_free);
  g_clear_pointer (&self->output_kind, g_free);
  g_clear_pointer (&self->output_unit, g_free);
  g_clear_pointer (&self->output_currency, g_free);
  self->has_output_value = FALSE;
  g_clear_pointer (&self->indicator_values, g_hash_table_unref);
  g_clear_pointer (&self->extra_indicators, g_ptr_array_unref);
}

static void
emit_indicator_changed (EmsAssessment *self,
                        const char    *what)
{
  g_autofree char *detail = g_strdup (what);

  g_signal_emit (self, indicator_changed_signal, g_quark_from_string (detail), detail);
  g_signal_emit_by_name (self, "changed");
}

/* Sets *field to @value ("" is NULL); TRUE when it changed */
static gboolean
set_text (char       **field,
          const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
ems_assessment_has_indicators (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), FALSE);

  return self->period_from != NULL || self->period_to != NULL ||
         self->output_kind != NULL || self->has_output_value ||
         self->output_unit != NULL || self->output_currency != NULL ||
         (self->indicator_values != NULL && g_hash_table_size (self->indicator_values) > 0) ||
         (self->extra_indicators != NULL && self->extra_indicators->len > 0);
}

const char *
ems_assessment_get_period_from (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return self->period_from;
}

const char *
ems_assessment_get_period_to (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return self->period_to;
}

void
ems_assessment_set_period (EmsAssessment *self,
                           const char    *from,
                           const char    *to)
{
  gboolean changed;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));

  changed = set_text (&self->period_from, from);
  changed |= set_text (&self->period_to, to);
  if (changed)
    emit_indicator_changed (self, "period");
}

const char *
ems_assessment_get_output_kind (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return self->output_kind;
}

gboolean
ems_assessment_get_output_value (EmsAssessment *self,
                                 double        *value)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), FALSE);

  if (self->has_output_value && value != NULL)
    *value = self->output_value;
  return self->has_output_value;
}

const char *
ems_assessment_get_output_unit (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return self->output_unit;
}

const char *
ems_assessment_get_output_currency (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return self->output_currency;
}

void
ems_assessment_set_output (EmsAssessment *self,
                           const char    *kind,
                           double         value,
                           const char    *unit,
                           const char    *currency)
{
  gboolean has_value = !isnan (value);
  gboolean changed;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));

  changed = set_text (&self->output_kind, kind);
  changed |= set_text (&self->output_unit, unit);
  changed |= set_text (&self->output_currency, currency);
  if (has_value != self->has_output_value ||
      (has_value && memcmp (&value, &self->output_value, sizeof value) != 0))
    {
      self->has_output_value = has_value;
      self->output_value = has_value ? value : 0;
      changed = TRUE;
    }

  if (changed)
    emit_indicator_changed (self, "output");
}

gboolean
ems_assessment_get_indicator_value (EmsAssessment *self,
                                    const char    *id,
                                    double        *value)
{
  const double *stored;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->indicator_values == NULL)
    return FALSE;

  stored = g_hash_table_lookup (self->indicator_values, id);
  if (stored == NULL)
    return FALSE;

  if (value != NULL)
    *value = *stored;
  return TRUE;
}

void
ems_assessment_set_indicator_value (EmsAssessment *self,
                                    const char    *id,
                                    double         value)
{
  double *stored;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_return_if_fail (!isnan (value));

  if (self->indicator_values == NULL)
    self->indicator_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stored = g_hash_table_lookup (self->indicator_values, id);
  if (stored != NULL && memcmp (stored, &value, sizeof value) == 0)
    return;

  stored = g_new (double, 1);
  *stored = value;
  g_hash_table_insert (self->indicator_values, g_strdup (id), stored);
  emit_indicator_changed (self, id);
}

void
ems_assessment_clear_indicator_value (EmsAssessment *self,
                                      const char    *id)
{
  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (id != NULL);

  if (self->indicator_values != NULL && g_hash_table_remove (self->indicator_values, id))
    emit_indicator_changed (self, id);
}

gboolean
ems_assessment_get_indicator_ratio (EmsAssessment *self,
                                    const char    *id,
                                    double        *ratio)
{
  const EmsIndicator *indicator = ems_indicator_set_lookup (ems_indicator_set_get_default (), id);
  double value, result;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), FALSE);

  if (indicator == NULL || !self->has_output_value ||
      !ems_assessment_get_indicator_value (self, id, &value) ||
      !ems_indicator_compute_ratio (indicator, value, self->output_value, &result))
    return FALSE;

  if (ratio != NULL)
    *ratio = result;
  return TRUE;
}

/* g_ptr_array_sort () passes pointers to the elements */
static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char **
dup_ids (EmsAssessment *self,
         gboolean       unknown_only)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (!unknown_only)
    for (guint i = 0; i < ems_indicator_set_get_n_indicators (set); i++)
      {
        const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);

        if (ems_assessment_get_indicator_value (self, indicator->id, NULL))
          g_ptr_array_add (ids, g_strdup (indicator->id));
      }

  if (self->indicator_values != NULL)
    {
      g_hash_table_iter_init (&iter, self->indicator_values);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (ems_indicator_set_lookup (set, key) == NULL)
          g_ptr_array_add (unknown, key);
    }
  g_ptr_array_sort (unknown, compare_ids);
  for (guint i = 0; i < unknown->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (unknown, i)));

  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

char **
ems_assessment_dup_indicator_ids (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return dup_ids (self, FALSE);
}

char **
ems_assessment_dup_unknown_indicator_ids (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return dup_ids (self, TRUE);
}
