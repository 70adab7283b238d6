/* ems-indicator-values.c: the rules for indicator and output values, and
 * the ratio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-indicators"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ems-error.h"
#include "ems-indicators.h"

/* The rules for the figures */

static gboolean
is_percent (const EmsIndicator *indicator)
{
  return g_str_equal (indicator->unit, "%");
}

static gboolean
check_number (double      value,
              double      max,
              gboolean    percent,
              GError    **error)
{
  if (!isfinite (value))
    {
      g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID,
                           _("must be a finite number"));
      return FALSE;
    }
  if (value < 0)
    {
      g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID,
                           _("must be 0 or more: it cannot be negative"));
      return FALSE;
    }
  if (value > max)
    {
      if (percent && max == 100)
        g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID,
                             _("is a percentage: it must be from 0 to 100"));
      else
        {
          g_autofree char *limit = g_strdup_printf ("%g", max);

          g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                       /* Translators: %s is the largest valid value, such as 1000 */
                       _("must be from 0 to %s"), limit);
        }
      return FALSE;
    }

  return TRUE;
}

/**
 * ems_indicator_check_value:
 * @indicator: an indicator of a set
 * @value: its value, as read or typed
 * @error: (nullable): where to put the problem
 *
 * Valid values are finite, 0 or more, and at most `indicator->max` (100
 * for the renewable share, a percentage).
 *
 * Returns: TRUE when @value is valid; else FALSE with an EMS_ERROR_INVALID
 *   error, translated
 */
gboolean
ems_indicator_check_value (const EmsIndicator  *indicator,
                           double               value,
                           GError             **error)
{
  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_number (value, indicator->max, is_percent (indicator), error);
}

gboolean
ems_indicator_check_unknown_value (double   value,
                                   GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_number (value, INFINITY, FALSE, error);
}

/**
 * ems_indicator_set_check_output_kind:
 * @kind: (nullable): an `output.kind` as read
 *
 * Returns: TRUE when @kind is one of the set's output kinds (the match is
 *   exact: "Employees" is not valid); else FALSE with an EMS_ERROR_INVALID
 *   error that lists the valid kinds
 */
gboolean
ems_indicator_set_check_output_kind (EmsIndicatorSet  *self,
                                     const char       *kind,
                                     GError          **error)
{
  g_autoptr(GString) kinds = NULL;

  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ems_indicator_set_lookup_output_kind (self, kind) != NULL)
    return TRUE;

  kinds = g_string_new (NULL);
  for (guint i = 0; i < ems_indicator_set_get_n_output_kinds (self); i++)
    {
      const EmsOutputKind *output = ems_indicator_set_get_output_kind (self, i);

      if (i > 0)
        g_string_append (kinds, ", ");
      g_string_append (kinds, output->id);
    }

  g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
               /* Translators: the first %s lists the valid ids
                * ("employees, production, revenue, floor-area"), which
                * stay in English; the second is the text found */
               _("must be one of %s, not “%s”"), kinds->str, kind != NULL ? kind : "");
  return FALSE;
}

/**
 * ems_output_check_value:
 *
 * Returns: TRUE when @value can divide an indicator: finite and above 0
 */
gboolean
ems_output_check_value (double   value,
                        GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (value))
    {
      g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID,
                           _("must be a finite number"));
      return FALSE;
    }
  if (value <= 0)
    {
      g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID,
                           _("must be a number above 0: the ratios are divided by it"));
      return FALSE;
    }

  return TRUE;
}

/**
 * ems_output_check_unit:
 * @unit: (nullable): `output.unit` as read
 *
 * Returns: TRUE when @unit holds something besides white space and no
 *   line break or other control character
 */
gboolean
ems_output_check_unit (const char  *unit,
                       GError     **error)
{
  gboolean blank = TRUE;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (const char *p = unit; p != NULL && *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        {
          g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID,
                               _("must be a short unit on one line, such as “t of product”"));
          return FALSE;
        }
      if (!g_ascii_isspace (*p))
        blank = FALSE;
    }

  if (blank)
    {
      g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID,
                           _("must name the unit of production, such as “t of product”"));
      return FALSE;
    }

  return TRUE;
}

gboolean
ems_currency_code_is_valid (const char *code)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;

  return code[3] == '\0';
}

gboolean
ems_output_check_currency (const char  *code,
                           GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ems_currency_code_is_valid (code))
    return TRUE;

  g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
               /* Translators: %s is the text found */
               _("must be a three-letter ISO 4217 currency code such as CAD, MXN or USD, not “%s”"),
               code != NULL ? code : "");
  return FALSE;
}

/**
 * ems_indicator_compute_ratio:
 * @indicator: an indicator of a set
 * @value: the indicator's value
 * @output_value: the output measure's value (`output.value`)
 * @ratio: (out): where to put value / output_value
 *
 * The ratio of the domain brief, R = value / output_value, for the
 * indicators that have one.
 *
 * Returns: TRUE with *@ratio set when the indicator has a ratio, @value is
 *   valid and @output_value is finite and above 0; FALSE (no ratio) otherwise
 */
gboolean
ems_indicator_compute_ratio (const EmsIndicator *indicator,
                             double              value,
                             double              output_value,
                             double             *ratio)
{
  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (ratio != NULL, FALSE);

  if (!indicator->has_ratio ||
      !check_number (value, indicator->max, FALSE, NULL) ||
      !isfinite (output_value) || !(output_value > 0))
    return FALSE;

  *ratio = value / output_value;
  return TRUE;
}

char *
ems_indicator_dup_ratio_unit (const EmsIndicator  *indicator,
                              const EmsOutputKind *output,
                              const char          *output_unit)
{
  g_autofree char *user_unit = NULL;
  const char *per;

  g_return_val_if_fail (indicator != NULL, NULL);

  if (!indicator->has_ratio || output == NULL)
    return NULL;

  if (output->detail == EMS_OUTPUT_DETAIL_NONE)
    per = output->per_label;
  else if (output_unit != NULL && ems_output_check_unit (output_unit, NULL))
    per = user_unit = g_strstrip (g_strdup (output_unit));
  else
    return NULL;

  /* Translators: the unit of a ratio: an indicator's unit, then the
   * output measure it is divided by, as in "MWh per employee" or
   * "t per t of product" */
  return g_strdup_printf (_("%s per %s"), indicator->unit_label, per);
}
