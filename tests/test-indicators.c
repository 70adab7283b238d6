/* test-indicators.c: the outcome indicator set, the rules for its values,
 * and the statistics of "Maturity and outcomes"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "ems-error.h"
#include "ems-indicators.h"
#include "ems-stats.h"

/* The table of the domain brief, in its order */
static const struct
{
  const char       *id;
  const char       *unit;
  EmsIndicatorKind  kind;
  gboolean          ratio;
  double            max;
} expected_indicators[] = {
  { "energy",          "MWh",    EMS_INDICATOR_OPERATIONAL, TRUE,  INFINITY },
  { "renewable-share", "%",      EMS_INDICATOR_OPERATIONAL, FALSE, 100 },
  { "water",           "m³",     EMS_INDICATOR_OPERATIONAL, TRUE,  INFINITY },
  { "materials",       "t",      EMS_INDICATOR_OPERATIONAL, TRUE,  INFINITY },
  { "waste",           "t",      EMS_INDICATOR_OPERATIONAL, TRUE,  INFINITY },
  { "hazardous-waste", "t",      EMS_INDICATOR_OPERATIONAL, TRUE,  INFINITY },
  { "ghg",             "t CO₂e", EMS_INDICATOR_OPERATIONAL, TRUE,  INFINITY },
  { "inspections",     "count",  EMS_INDICATOR_COMPLIANCE,  FALSE, INFINITY },
  { "violations",      "count",  EMS_INDICATOR_COMPLIANCE,  FALSE, INFINITY },
  { "spills",          "count",  EMS_INDICATOR_COMPLIANCE,  FALSE, INFINITY },
  { "complaints",      "count",  EMS_INDICATOR_COMPLIANCE,  FALSE, INFINITY },
};

static const struct
{
  const char      *id;
  EmsOutputDetail  detail;
} expected_outputs[] = {
  { "employees",  EMS_OUTPUT_DETAIL_NONE },
  { "production", EMS_OUTPUT_DETAIL_UNIT },
  { "revenue",    EMS_OUTPUT_DETAIL_CURRENCY },
  { "floor-area", EMS_OUTPUT_DETAIL_NONE },
};

static EmsIndicatorSet *
load_bundled (void)
{
  g_autoptr(GBytes) bytes = ems_indicator_set_dup_bundled_data ();
  g_autoptr(GError) error = NULL;
  EmsIndicatorSet *set = ems_indicator_set_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static void
test_set_structure (void)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();

  g_assert_nonnull (set);
  g_assert_true (set == ems_indicator_set_get_default ());
  g_assert_cmpuint (ems_indicator_set_get_version (set), ==, 1);
  g_assert_cmpuint (ems_indicator_set_get_n_indicators (set), ==, G_N_ELEMENTS (expected_indicators));

  for (guint i = 0; i < G_N_ELEMENTS (expected_indicators); i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);

      g_assert_cmpstr (indicator->id, ==, expected_indicators[i].id);
      g_assert_cmpuint (indicator->index, ==, i);
      g_assert_cmpstr (indicator->unit, ==, expected_indicators[i].unit);
      g_assert_cmpint (indicator->kind, ==, expected_indicators[i].kind);
      g_assert_cmpint (indicator->has_ratio, ==, expected_indicators[i].ratio);
      g_assert_cmpfloat (indicator->max, ==, expected_indicators[i].max);
      g_assert_true (ems_indicator_set_lookup (set, indicator->id) == indicator);
      g_assert_cmpuint (strlen (indicator->name), >, 4);
      g_assert_cmpuint (strlen (indicator->unit_label), >, 0);
      /* a help text says where the figure is found */
      g_assert_cmpuint (strlen (indicator->help), >, 100);
    }

  g_assert_null (ems_indicator_set_lookup (set, NULL));
  g_assert_null (ems_indicator_set_lookup (set, "Energy"));
  g_assert_null (ems_indicator_set_lookup (set, "noise"));

  g_assert_cmpuint (ems_indicator_set_get_n_output_kinds (set), ==, G_N_ELEMENTS (expected_outputs));
  for (guint i = 0; i < G_N_ELEMENTS (expected_outputs); i++)
    {
      const EmsOutputKind *output = ems_indicator_set_get_output_kind (set, i);
      gboolean user_unit = expected_outputs[i].detail != EMS_OUTPUT_DETAIL_NONE;

      g_assert_cmpstr (output->id, ==, expected_outputs[i].id);
      g_assert_cmpuint (output->index, ==, i);
      g_assert_cmpint (output->detail, ==, expected_outputs[i].detail);
      g_assert_true (ems_indicator_set_lookup_output_kind (set, output->id) == output);
      g_assert_cmpuint (strlen (output->name), >, 4);
      g_assert_cmpuint (strlen (output->help), >, 50);
      g_assert_true ((output->unit_label == NULL) == user_unit);
      g_assert_true ((output->per_label == NULL) == user_unit);
    }
  g_assert_cmpstr (ems_indicator_set_lookup_output_kind (set, "floor-area")->unit_label, ==, "m²");
  g_assert_null (ems_indicator_set_lookup_output_kind (set, "turnover"));

  for (EmsIndicatorKind k = 0; k < EMS_N_INDICATOR_KINDS; k++)
    {
      g_assert_cmpuint (strlen (ems_indicator_set_get_kind_name (set, k)), >, 4);
      g_assert_cmpuint (strlen (ems_indicator_set_get_kind_help (set, k)), >, 50);
    }
  g_assert_cmpstr (ems_indicator_kind_to_string (EMS_INDICATOR_OPERATIONAL), ==, "operational");
  g_assert_cmpstr (ems_indicator_kind_to_string (EMS_INDICATOR_COMPLIANCE), ==, "compliance");
}

/* @xml with @OUTPUTS@ replaced by @outputs */
static char *
with_outputs (const char *xml,
              const char *outputs)
{
  g_auto(GStrv) parts = g_strsplit (xml, "@OUTPUTS@", -1);

  return g_strjoinv (outputs, parts);
}

static void
test_bad_data (void)
{
  const char *good_outputs =
    "<kinds><kind id='operational'><name>o</name><help>h</help></kind>"
    "<kind id='compliance'><name>c</name><help>h</help></kind></kinds>"
    "<outputs><output kind='employees'><name>E</name><unit-label>e</unit-label>"
    "<per-label>e</per-label><help>h</help></output></outputs>";
  const char *bad[] = {
    "",
    "<indicators version='1'>",
    "<indicators version='0'></indicators>",
    "<indicators version='1'></indicators>",
    /* no output kinds */
    "<indicators version='1'><indicator id='energy' kind='operational' unit='MWh' ratio='yes'>"
      "<name>E</name><unit-label>MWh</unit-label><help>h</help></indicator></indicators>",
    /* a bad kind, ratio, id, max; a missing help; a duplicate id */
    "<indicators version='1'>@OUTPUTS@<indicator id='energy' kind='other' unit='MWh' ratio='yes'>"
      "<name>E</name><unit-label>MWh</unit-label><help>h</help></indicator></indicators>",
    "<indicators version='1'>@OUTPUTS@<indicator id='energy' kind='operational' unit='MWh' ratio='maybe'>"
      "<name>E</name><unit-label>MWh</unit-label><help>h</help></indicator></indicators>",
    "<indicators version='1'>@OUTPUTS@<indicator id='Energy' kind='operational' unit='MWh' ratio='yes'>"
      "<name>E</name><unit-label>MWh</unit-label><help>h</help></indicator></indicators>",
    "<indicators version='1'>@OUTPUTS@<indicator id='share' kind='operational' unit='%' ratio='no' max='lots'>"
      "<name>E</name><unit-label>%</unit-label><help>h</help></indicator></indicators>",
    "<indicators version='1'>@OUTPUTS@<indicator id='energy' kind='operational' unit='MWh' ratio='yes'>"
      "<name>E</name><unit-label>MWh</unit-label></indicator></indicators>",
    "<indicators version='1'>@OUTPUTS@<indicator id='energy' kind='operational' unit='MWh' ratio='yes'>"
      "<name>E</name><unit-label>MWh</unit-label><help>h</help></indicator>"
      "<indicator id='energy' kind='operational' unit='MWh' ratio='yes'>"
      "<name>E</name><unit-label>MWh</unit-label><help>h</help></indicator></indicators>",
    "<indicators version='1'>@OUTPUTS@<bogus/></indicators>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *xml = with_outputs (bad[i], good_outputs);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(EmsIndicatorSet) set = ems_indicator_set_new_from_bytes (bytes, &error);

      g_test_message ("case %u", i);
      g_assert_null (set);
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), >, 0);
    }

  /* …and the same shape, well formed, loads */
  {
    g_autofree char *xml = with_outputs (
      "<indicators version='1'>@OUTPUTS@<indicator id='energy' kind='operational' unit='MWh' ratio='yes'>"
      "<name>E</name><unit-label>MWh</unit-label><help>h</help></indicator></indicators>", good_outputs);
    g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
    g_autoptr(GError) error = NULL;
    g_autoptr(EmsIndicatorSet) set = ems_indicator_set_new_from_bytes (bytes, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ems_indicator_set_get_n_indicators (set), ==, 1);
  }
}

/* Every translatable string of the set differs from the English one in
 * the locale @data, and none is empty. */
static void
test_translated (gconstpointer data)
{
  const char *locale = data;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(EmsIndicatorSet) english = load_bundled ();
  g_autoptr(EmsIndicatorSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) english_error = NULL;

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip ("the locale is not installed");
      return;
    }
  set = load_bundled ();

  for (guint i = 0; i < ems_indicator_set_get_n_indicators (set); i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);
      const EmsIndicator *en = ems_indicator_set_get_indicator (english, i);

      g_test_message ("%s: %s", indicator->id, indicator->name);
      g_assert_cmpstr (indicator->id, ==, en->id);
      g_assert_cmpstr (indicator->unit, ==, en->unit);
      g_assert_cmpstr (indicator->name, !=, en->name);
      g_assert_cmpstr (indicator->help, !=, en->help);
      g_assert_cmpuint (strlen (indicator->name), >, 4);
      g_assert_cmpuint (strlen (indicator->help), >, 100);
      g_assert_cmpuint (strlen (indicator->unit_label), >, 0);
      if (g_str_equal (indicator->unit, "count"))
        g_assert_cmpstr (indicator->unit_label, !=, en->unit_label);
    }

  for (guint i = 0; i < ems_indicator_set_get_n_output_kinds (set); i++)
    {
      const EmsOutputKind *output = ems_indicator_set_get_output_kind (set, i);
      const EmsOutputKind *en = ems_indicator_set_get_output_kind (english, i);

      g_assert_cmpstr (output->name, !=, en->name);
      g_assert_cmpstr (output->help, !=, en->help);
      if (g_str_equal (output->id, "employees"))
        {
          g_assert_cmpstr (output->unit_label, !=, en->unit_label);
          g_assert_cmpstr (output->per_label, !=, en->per_label);
        }
    }

  for (EmsIndicatorKind k = 0; k < EMS_N_INDICATOR_KINDS; k++)
    {
      g_assert_cmpstr (ems_indicator_set_get_kind_name (set, k), !=,
                       ems_indicator_set_get_kind_name (english, k));
      g_assert_cmpstr (ems_indicator_set_get_kind_help (set, k), !=,
                       ems_indicator_set_get_kind_help (english, k));
    }

  /* the messages too */
  g_assert_false (ems_indicator_check_value (ems_indicator_set_lookup (set, "energy"), -1, &error));
  g_assert_cmpuint (strlen (error->message), >, 5);
  g_assert_cmpstr (error->message, !=, "must be 0 or more: it cannot be negative");

  setlocale (LC_ALL, saved);

  /* back in English */
  g_assert_false (ems_indicator_check_value (ems_indicator_set_lookup (english, "energy"), -1, &english_error));
  g_assert_cmpstr (english_error->message, ==, "must be 0 or more: it cannot be negative");
}

static void
check_invalid (gboolean  valid,
               GError   *error)
{
  g_assert_false (valid);
  g_assert_error (error, EMS_ERROR, EMS_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 5);
  g_test_message ("%s", error->message);
}

/* @call first, then its error (function arguments have no order) */
#define assert_invalid(call, error) \
  G_STMT_START { gboolean valid_ = (call); check_invalid (valid_, error); } G_STMT_END

static void
test_check_value (void)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  const EmsIndicator *energy = ems_indicator_set_lookup (set, "energy");
  const EmsIndicator *share = ems_indicator_set_lookup (set, "renewable-share");
  const EmsIndicator *spills = ems_indicator_set_lookup (set, "spills");
  const double bad_any[] = { -1, -0.001, -INFINITY, INFINITY, NAN };
  const double good_any[] = { 0, 0.5, 3, 100 };

  for (guint i = 0; i < G_N_ELEMENTS (bad_any); i++)
    {
      const EmsIndicator *indicators[] = { energy, share, spills };

      for (guint j = 0; j < G_N_ELEMENTS (indicators); j++)
        {
          g_autoptr(GError) error = NULL;

          assert_invalid (ems_indicator_check_value (indicators[j], bad_any[i], &error), error);
        }
      {
        g_autoptr(GError) error = NULL;

        assert_invalid (ems_indicator_check_unknown_value (bad_any[i], &error), error);
      }
      g_assert_false (ems_indicator_check_value (energy, bad_any[i], NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_any); i++)
    {
      g_assert_true (ems_indicator_check_value (energy, good_any[i], NULL));
      g_assert_true (ems_indicator_check_value (share, good_any[i], NULL));
      g_assert_true (ems_indicator_check_value (spills, good_any[i], NULL));
      g_assert_true (ems_indicator_check_unknown_value (good_any[i], NULL));
    }

  /* a percentage ends at 100; other figures do not */
  {
    g_autoptr(GError) error = NULL;

    assert_invalid (ems_indicator_check_value (share, 100.5, &error), error);
    g_assert_nonnull (strstr (error->message, "100"));
  }
  g_assert_false (ems_indicator_check_value (share, 1e6, NULL));
  g_assert_true (ems_indicator_check_value (energy, 1e6, NULL));
  g_assert_true (ems_indicator_check_value (spills, 101, NULL));
  g_assert_true (ems_indicator_check_unknown_value (1e9, NULL));

  /* the messages differ by cause */
  {
    g_autoptr(GError) negative = NULL;
    g_autoptr(GError) infinite = NULL;
    g_autoptr(GError) nan = NULL;
    g_autoptr(GError) over = NULL;

    ems_indicator_check_value (share, -1, &negative);
    ems_indicator_check_value (share, INFINITY, &infinite);
    ems_indicator_check_value (share, NAN, &nan);
    ems_indicator_check_value (share, 101, &over);
    g_assert_cmpstr (negative->message, !=, infinite->message);
    g_assert_cmpstr (infinite->message, ==, nan->message);
    g_assert_cmpstr (over->message, !=, negative->message);
    g_assert_cmpstr (over->message, !=, infinite->message);
  }
}

static void
test_check_output (void)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  const char *good_kinds[] = { "employees", "production", "revenue", "floor-area" };
  const char *bad_kinds[] = { NULL, "", "Employees", "employee", "floor_area", "turnover", " revenue" };
  const char *good_codes[] = { "CAD", "MXN", "USD", "EUR", "XXX" };
  const char *bad_codes[] = { NULL, "", "cad", "Cad", "CA", "CADX", "C1D", "C D", "ÉUR", "$" };
  const char *good_units[] = { "t of product", "pieces", "m² printed", " t " };
  const char *bad_units[] = { NULL, "", "   ", "\t", "t\nof product", "t\rx" };
  const double bad_values[] = { 0, -0.0, -1, NAN, INFINITY, -INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (good_kinds); i++)
    g_assert_true (ems_indicator_set_check_output_kind (set, good_kinds[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_kinds); i++)
    {
      g_autoptr(GError) error = NULL;

      assert_invalid (ems_indicator_set_check_output_kind (set, bad_kinds[i], &error), error);
      /* the message lists what is valid */
      g_assert_nonnull (strstr (error->message, "employees, production, revenue, floor-area"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_codes); i++)
    {
      g_assert_true (ems_currency_code_is_valid (good_codes[i]));
      g_assert_true (ems_output_check_currency (good_codes[i], NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ems_currency_code_is_valid (bad_codes[i]));
      assert_invalid (ems_output_check_currency (bad_codes[i], &error), error);
      g_assert_nonnull (strstr (error->message, "ISO 4217"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_units); i++)
    g_assert_true (ems_output_check_unit (good_units[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_units); i++)
    {
      g_autoptr(GError) error = NULL;

      assert_invalid (ems_output_check_unit (bad_units[i], &error), error);
    }

  g_assert_true (ems_output_check_value (35, NULL));
  g_assert_true (ems_output_check_value (0.001, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    {
      g_autoptr(GError) error = NULL;

      assert_invalid (ems_output_check_value (bad_values[i], &error), error);
    }
}

static void
test_ratio (void)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  const EmsOutputKind *employees = ems_indicator_set_lookup_output_kind (set, "employees");
  const EmsOutputKind *production = ems_indicator_set_lookup_output_kind (set, "production");
  const EmsOutputKind *revenue = ems_indicator_set_lookup_output_kind (set, "revenue");
  const EmsOutputKind *area = ems_indicator_set_lookup_output_kind (set, "floor-area");
  const double bad_outputs[] = { 0, -0.0, -35, NAN, INFINITY };
  double ratio;

  /* R = value / output value, for exactly the indicators with a ratio */
  for (guint i = 0; i < ems_indicator_set_get_n_indicators (set); i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);

      ratio = -42;
      if (indicator->has_ratio)
        {
          g_assert_true (ems_indicator_compute_ratio (indicator, 412.5, 35, &ratio));
          g_assert_cmpfloat_with_epsilon (ratio, 412.5 / 35, 1e-12);
          g_assert_true (ems_indicator_compute_ratio (indicator, 0, 35, &ratio));
          g_assert_cmpfloat (ratio, ==, 0);
        }
      else
        {
          g_assert_false (ems_indicator_compute_ratio (indicator, 12, 35, &ratio));
          g_assert_cmpfloat (ratio, ==, -42);
        }
    }

  {
    const EmsIndicator *energy = ems_indicator_set_lookup (set, "energy");
    const EmsIndicator *waste = ems_indicator_set_lookup (set, "waste");
    const EmsIndicator *share = ems_indicator_set_lookup (set, "renewable-share");
    const EmsIndicator *spills = ems_indicator_set_lookup (set, "spills");
    char *unit;

    g_assert_true (ems_indicator_compute_ratio (waste, 18, 1200, &ratio));
    g_assert_cmpfloat_with_epsilon (ratio, 0.015, 1e-15);

    /* no output, or an invalid one, or an invalid value: no ratio */
    for (guint i = 0; i < G_N_ELEMENTS (bad_outputs); i++)
      {
        ratio = -42;
        g_assert_false (ems_indicator_compute_ratio (energy, 100, bad_outputs[i], &ratio));
        g_assert_cmpfloat (ratio, ==, -42);
      }
    g_assert_false (ems_indicator_compute_ratio (energy, -1, 35, &ratio));
    g_assert_false (ems_indicator_compute_ratio (energy, NAN, 35, &ratio));
    g_assert_false (ems_indicator_compute_ratio (energy, INFINITY, 35, &ratio));
    g_assert_cmpfloat (ratio, ==, -42);

    /* and the unit of the ratio, for people */
    unit = ems_indicator_dup_ratio_unit (energy, employees, NULL);
    g_assert_cmpstr (unit, ==, "MWh per employee");
    g_free (unit);
    unit = ems_indicator_dup_ratio_unit (waste, production, " t of product ");
    g_assert_cmpstr (unit, ==, "t per t of product");
    g_free (unit);
    unit = ems_indicator_dup_ratio_unit (energy, revenue, "CAD");
    g_assert_cmpstr (unit, ==, "MWh per CAD");
    g_free (unit);
    unit = ems_indicator_dup_ratio_unit (energy, area, "ignored");
    g_assert_cmpstr (unit, ==, "MWh per m²");
    g_free (unit);
    g_assert_null (ems_indicator_dup_ratio_unit (energy, production, NULL));
    g_assert_null (ems_indicator_dup_ratio_unit (energy, production, "  "));
    g_assert_null (ems_indicator_dup_ratio_unit (energy, NULL, NULL));
    g_assert_null (ems_indicator_dup_ratio_unit (share, employees, NULL));
    g_assert_null (ems_indicator_dup_ratio_unit (spills, employees, NULL));
  }
}

/* Statistics */

static void
assert_stat (EmsStat stat,
             double  expected)
{
  g_assert_true (stat.has_value);
  g_assert_cmpfloat_with_epsilon (stat.value, expected, 1e-12);
}

static void
assert_null (EmsStat stat)
{
  g_assert_false (stat.has_value);
  g_assert_true (isnan (stat.value));
}

static void
test_mean_median (void)
{
  const double odd[] = { 3, 1, 2 };
  const double even[] = { 4, 1, 3, 2 };
  const double ties[] = { 5, 1, 5, 5, 1, 9 };
  const double one[] = { 7.5 };

  assert_stat (ems_stats_mean (odd, 3), 2);
  assert_stat (ems_stats_mean (even, 4), 2.5);
  assert_stat (ems_stats_mean (one, 1), 7.5);
  assert_null (ems_stats_mean (NULL, 0));

  assert_stat (ems_stats_median (odd, 3), 2);
  assert_stat (ems_stats_median (even, 4), 2.5);
  /* sorted 1 1 5 5 5 9: the two middle ones are 5 and 5 */
  assert_stat (ems_stats_median (ties, 6), 5);
  /* 1 1 5 5 5: the third */
  assert_stat (ems_stats_median (ties, 5), 5);
  /* 5 1 5 5 sorted 1 5 5 5 */
  assert_stat (ems_stats_median (ties, 4), 5);
  /* 5 1 sorted 1 5 */
  assert_stat (ems_stats_median (ties, 2), 3);
  assert_stat (ems_stats_median (one, 1), 7.5);
  assert_null (ems_stats_median (NULL, 0));

  /* the input is left as it was */
  g_assert_cmpfloat (odd[0], ==, 3);
  g_assert_cmpfloat (even[0], ==, 4);
}

static void
test_ranks (void)
{
  const double values[] = { 20, 10, 30, 20 };
  const double expected[] = { 2.5, 1, 4, 2.5 };
  const double same[] = { 5, 5, 5 };
  const double three_way[] = { 1, 2, 2, 2, 3 };
  const double three_way_ranks[] = { 1, 3, 3, 3, 5 };
  double ranks[5];

  ems_stats_ranks (values, 4, ranks);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (ranks[i], ==, expected[i]);

  ems_stats_ranks (same, 3, ranks);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (ranks[i], ==, 2);

  ems_stats_ranks (three_way, 5, ranks);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpfloat (ranks[i], ==, three_way_ranks[i]);

  ems_stats_ranks (NULL, 0, NULL);
}

static void
test_spearman (void)
{
  const double x[] = { 1, 2, 3, 4 };
  const double up[] = { 10, 20, 30, 100 };    /* monotonic, not linear */
  const double down[] = { 9, 4, 1, 0.5 };
  const double constant[] = { 50, 50, 50, 50 };

  /* Perfect monotonic relations give exactly ±1, where Pearson does not */
  assert_stat (ems_stats_spearman (x, up, 4), 1);
  assert_stat (ems_stats_spearman (x, down, 4), -1);
  assert_stat (ems_stats_spearman (up, x, 4), 1);
  g_assert_cmpfloat (ems_stats_pearson (x, up, 4).value, <, 0.95);
  g_assert_cmpfloat (ems_stats_pearson (x, down, 4).value, >, -0.95);

  /* Ties in y, worked out by hand:
   *   x 1 2 3 4 5    ranks 1 2 3 4 5          mean 3, dx −2 −1 0 1 2
   *   y 2 1 4 4 5    ranks 2 1 3.5 3.5 5      mean 3, dy −1 −2 .5 .5 2
   *   Σdx·dy = 2 + 2 + 0 + .5 + 4 = 8.5, Σdx² = 10, Σdy² = 9.5
   *   ρ = 8.5 / √95 = 0.872082…
   * (the shortcut 1 − 6Σd²/(n(n²−1)) would give 0.875) */
  {
    const double tx[] = { 1, 2, 3, 4, 5 };
    const double ty[] = { 2, 1, 4, 4, 5 };

    assert_stat (ems_stats_spearman (tx, ty, 5), 8.5 / sqrt (95));
    g_assert_cmpfloat (fabs (ems_stats_spearman (tx, ty, 5).value - 0.875), >, 0.002);
  }

  /* Ties in both:
   *   x 10 20 20 30  ranks 1 2.5 2.5 4   mean 2.5, dx −1.5 0 0 1.5
   *   y  1  1  2  3  ranks 1.5 1.5 3 4   mean 2.5, dy −1 −1 .5 1.5
   *   Σdx·dy = 1.5 + 0 + 0 + 2.25 = 3.75, Σdx² = 4.5, Σdy² = 4.5
   *   ρ = 3.75 / 4.5 = 5/6 */
  {
    const double tx[] = { 10, 20, 20, 30 };
    const double ty[] = { 1, 1, 2, 3 };

    assert_stat (ems_stats_spearman (tx, ty, 4), 5.0 / 6.0);
    assert_stat (ems_stats_spearman (ty, tx, 4), 5.0 / 6.0);
  }

  /* No relation at all: x 1 2 3, y 2 3 1 → dx −1 0 1, dy 0 1 −1
   * Σdx·dy = −1, Σdx² = Σdy² = 2, ρ = −0.5 */
  {
    const double tx[] = { 1, 2, 3 };
    const double ty[] = { 2, 3, 1 };

    assert_stat (ems_stats_spearman (tx, ty, 3), -0.5);
  }

  /* Null: fewer than 3 points, or a constant variable */
  assert_null (ems_stats_spearman (x, up, 2));
  assert_null (ems_stats_spearman (x, up, 1));
  assert_null (ems_stats_spearman (NULL, NULL, 0));
  assert_null (ems_stats_spearman (x, constant, 4));
  assert_null (ems_stats_spearman (constant, x, 4));
  assert_null (ems_stats_spearman (constant, constant, 4));
  assert_null (ems_stats_pearson (x, constant, 4));
  assert_null (ems_stats_pearson (x, up, 2));

  /* 3 points is enough */
  assert_stat (ems_stats_spearman (x, up, 3), 1);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("EMS_LOCALEDIR");

  /* The build tree's catalogues; the language is chosen per test with
   * setlocale (LANGUAGE would override it). */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/indicators/set-structure", test_set_structure);
  g_test_add_func ("/indicators/bad-data", test_bad_data);
  g_test_add_data_func ("/indicators/translated/fr_FR", "fr_FR.UTF-8", test_translated);
  g_test_add_data_func ("/indicators/translated/es_MX", "es_MX.UTF-8", test_translated);
  g_test_add_func ("/indicators/check-value", test_check_value);
  g_test_add_func ("/indicators/check-output", test_check_output);
  g_test_add_func ("/indicators/ratio", test_ratio);
  g_test_add_func ("/stats/mean-median", test_mean_median);
  g_test_add_func ("/stats/ranks", test_ranks);
  g_test_add_func ("/stats/spearman", test_spearman);

  return g_test_run ();
}
