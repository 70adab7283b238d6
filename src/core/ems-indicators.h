/* ems-indicators.h: the outcome indicators, loaded from data
 *
 * The indicator set of .emsa format version 2 (data/indicators.xml):
 * operational indicators (energy, water, waste…) and compliance
 * indicators (inspections, violations…), the output measures a value can
 * be divided by, and the rules for a value. Immutable once loaded, so it
 * may be shared between threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  EMS_INDICATOR_OPERATIONAL,  /* what the site uses and sends out */
  EMS_INDICATOR_COMPLIANCE,   /* counts of inspections, violations… */
} EmsIndicatorKind;

#define EMS_N_INDICATOR_KINDS 2

/* What an output measure needs besides its value */
typedef enum
{
  EMS_OUTPUT_DETAIL_NONE,      /* employees, floor-area */
  EMS_OUTPUT_DETAIL_UNIT,      /* production: output.unit, a short free text */
  EMS_OUTPUT_DETAIL_CURRENCY,  /* revenue: output.currency, ISO 4217 */
} EmsOutputDetail;

typedef struct
{
  char             *id;          /* "energy", as in .emsa "indicators.values" */
  guint             index;       /* 0-based position in data order */
  EmsIndicatorKind  kind;
  gboolean          has_ratio;   /* ratio = value / output value */
  double            max;         /* largest valid value: 100 for a percentage, else INFINITY */
  char             *unit;        /* untranslated, as machines get it: "MWh", "%", "m³", "t", "t CO₂e", "count" */
  char             *name;        /* translated */
  char             *unit_label;  /* translated unit as shown after a figure */
  char             *help;        /* translated: where the figure is found */
} EmsIndicator;

typedef struct
{
  char            *id;           /* "employees", "production", "revenue", "floor-area" */
  guint            index;        /* 0-based position in data order */
  EmsOutputDetail  detail;
  char            *name;         /* translated */
  char            *unit_label;   /* translated unit after the value; NULL when the
                                  * user gives it (production, revenue) */
  char            *per_label;    /* translated, singular, after "per" in a ratio
                                  * unit; NULL when the user gives it */
  char            *help;         /* translated */
} EmsOutputKind;

#define EMS_TYPE_INDICATOR_SET (ems_indicator_set_get_type ())

G_DECLARE_FINAL_TYPE (EmsIndicatorSet, ems_indicator_set, EMS, INDICATOR_SET, GObject)

/* The set compiled into the program, translated into the language of the
 * first call. Loaded once; thread-safe. */
EmsIndicatorSet      *ems_indicator_set_get_default          (void);
/* The bundled data/indicators.xml, untranslated */
GBytes               *ems_indicator_set_dup_bundled_data     (void);
/* Parses and translates (g_dgettext) the XML in the current language */
EmsIndicatorSet      *ems_indicator_set_new_from_bytes       (GBytes           *bytes,
                                                              GError          **error);
guint                 ems_indicator_set_get_version          (EmsIndicatorSet  *self);

guint                 ems_indicator_set_get_n_indicators     (EmsIndicatorSet  *self);
const EmsIndicator   *ems_indicator_set_get_indicator        (EmsIndicatorSet  *self,
                                                              guint             index);
/* NULL for an id the set does not know (or NULL) */
const EmsIndicator   *ems_indicator_set_lookup               (EmsIndicatorSet  *self,
                                                              const char       *id);

/* Translated heading and help text of a kind */
const char           *ems_indicator_set_get_kind_name        (EmsIndicatorSet  *self,
                                                              EmsIndicatorKind  kind);
const char           *ems_indicator_set_get_kind_help        (EmsIndicatorSet  *self,
                                                              EmsIndicatorKind  kind);

guint                 ems_indicator_set_get_n_output_kinds   (EmsIndicatorSet  *self);
const EmsOutputKind  *ems_indicator_set_get_output_kind      (EmsIndicatorSet  *self,
                                                              guint             index);
const EmsOutputKind  *ems_indicator_set_lookup_output_kind   (EmsIndicatorSet  *self,
                                                              const char       *id);

/* "operational" or "compliance" */
const char           *ems_indicator_kind_to_string           (EmsIndicatorKind  kind);

/* The rules for the figures. Each check returns FALSE with an
 * EMS_ERROR_INVALID error whose translated message is a predicate to put
 * after the member it is about ("must be 0 or more"), as the .emsa reader
 * reports problems ("LINE:COLUMN: indicators/values/energy must be…"). */

/* An indicator's value: finite, ≥ 0 and ≤ indicator->max */
gboolean              ems_indicator_check_value              (const EmsIndicator  *indicator,
                                                              double               value,
                                                              GError             **error);
/* The value of an indicator the set does not know: finite and ≥ 0 */
gboolean              ems_indicator_check_unknown_value      (double               value,
                                                              GError             **error);
/* output.kind: one of the set's output kinds */
gboolean              ems_indicator_set_check_output_kind    (EmsIndicatorSet     *self,
                                                              const char          *kind,
                                                              GError             **error);
/* output.value: finite and > 0 */
gboolean              ems_output_check_value                 (double               value,
                                                              GError             **error);
/* output.unit (production): some text besides white space, on one line */
gboolean              ems_output_check_unit                  (const char          *unit,
                                                              GError             **error);
/* output.currency (revenue): the shape of an ISO 4217 code, three
 * upper-case ASCII letters ("CAD", "MXN", "USD"). Whether the code is
 * assigned is not checked. */
gboolean              ems_currency_code_is_valid             (const char          *code);
gboolean              ems_output_check_currency              (const char          *code,
                                                              GError             **error);

/* The ratio R = value / output_value (EMAS: A / B). TRUE and *ratio set
 * only when the indicator has a ratio, the value is valid (see
 * ems_indicator_check_value) and output_value is finite and > 0;
 * otherwise FALSE (the ratio is null) and *ratio is left alone. */
gboolean              ems_indicator_compute_ratio            (const EmsIndicator  *indicator,
                                                              double               value,
                                                              double               output_value,
                                                              double              *ratio);

/* The unit of an indicator's ratio for people, such as "MWh per employee"
 * or "t per t of product": @output_unit is the user's text for production,
 * the currency code for revenue, and ignored for the others (NULL is
 * fine). NULL when the indicator has no ratio. */
char                 *ems_indicator_dup_ratio_unit           (const EmsIndicator  *indicator,
                                                              const EmsOutputKind *output,
                                                              const char          *output_unit);

G_END_DECLS
