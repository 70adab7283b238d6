/* test-emsa-indicators.c: .emsa format version 2, the "indicators" member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ems-assessment.h"
#include "ems-comparison.h"
#include "ems-error.h"

#define HEAD "{\n\"format\": \"ten-elements-assessment\",\n\"format_version\": 2,\n"

static const char v2_text[] =
  "{\n"
  "  \"format\" : \"ten-elements-assessment\",\n"
  "  \"format_version\" : 2,\n"
  "  \"framework\" : {\n"
  "    \"id\" : \"cec-10-elements\",\n"
  "    \"version\" : 1\n"
  "  },\n"
  "  \"organisation\" : {\n"
  "    \"name\" : \"Acme\"\n"
  "  },\n"
  "  \"target_level\" : 3,\n"
  "  \"answers\" : {  },\n"
  "  \"actions\" : [],\n"
  "  \"indicators\" : {\n"
  "    \"period\" : {\n"
  "      \"from\" : \"2025-01-01\",\n"
  "      \"to\" : \"2025-12-31\"\n"
  "    },\n"
  "    \"output\" : {\n"
  "      \"kind\" : \"production\",\n"
  "      \"value\" : 1200,\n"
  "      \"unit\" : \"t of product\"\n"
  "    },\n"
  "    \"values\" : {\n"
  "      \"energy\" : 412.5,\n"
  "      \"renewable-share\" : 12.5,\n"
  "      \"violations\" : 0,\n"
  "      \"zz-noise\" : 3.25\n"
  "    }\n"
  "  }\n"
  "}\n";

static void
test_v2_round_trip (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) unknown = NULL;
  gboolean warned = FALSE;
  double value, ratio;

  assessment = ems_assessment_load_from_data (checklist, v2_text, strlen (v2_text), &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ems_assessment_get_period_from (assessment), ==, "2025-01-01");
  g_assert_cmpstr (ems_assessment_get_output_kind (assessment), ==, "production");
  g_assert_cmpstr (ems_assessment_get_output_unit (assessment), ==, "t of product");
  g_assert_true (ems_assessment_get_indicator_value (assessment, "energy", &value));
  g_assert_cmpfloat (value, ==, 412.5);
  g_assert_true (ems_assessment_get_indicator_ratio (assessment, "energy", &ratio));
  g_assert_cmpfloat_with_epsilon (ratio, 412.5 / 1200, 1e-12);
  g_assert_false (ems_assessment_get_indicator_ratio (assessment, "violations", &ratio));
  g_assert_false (ems_assessment_get_indicator_ratio (assessment, "renewable-share", &ratio));

  /* The unknown id is kept and reported */
  unknown = ems_assessment_dup_unknown_indicator_ids (assessment);
  g_assert_cmpuint (g_strv_length (unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "zz-noise");
  for (guint i = 0; i < problems->len; i++)
    {
      EmsProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->path, "indicators/values/zz-noise") == 0)
        {
          g_assert_true (problem->warning);
          g_assert_cmpuint (problem->line, ==, 28);
          warned = TRUE;
        }
    }
  g_assert_true (warned);

  /* …and saved back: the whole file byte for byte */
  bytes = ems_assessment_serialize (assessment);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, v2_text);
}

static void
test_version_rules (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  const char *v1 = "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"organisation\":{\"name\":\"A\"}}";
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GBytes) first = NULL, second = NULL, third = NULL;
  g_autoptr(EmsAssessment) again = NULL;
  g_autoptr(GError) error = NULL;

  assessment = ems_assessment_load_from_data (checklist, v1, strlen (v1), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ems_assessment_has_indicators (assessment));

  /* v1 → v1, byte-identical */
  first = ems_assessment_serialize (assessment);
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "\"format_version\" : 1,"));
  g_assert_null (strstr (g_bytes_get_data (first, NULL), "indicators"));
  again = ems_assessment_load_from_data (checklist, g_bytes_get_data (first, NULL), g_bytes_get_size (first), NULL, &error);
  g_assert_no_error (error);
  second = ems_assessment_serialize (again);
  g_assert_true (g_bytes_equal (first, second));

  /* An indicator makes it version 2; without one it is 1 again */
  ems_assessment_set_indicator_value (assessment, "spills", 1);
  third = ems_assessment_serialize (assessment);
  g_assert_nonnull (strstr (g_bytes_get_data (third, NULL), "\"format_version\" : 2,"));
  g_assert_nonnull (strstr (g_bytes_get_data (third, NULL), "\"spills\" : 1"));
  ems_assessment_clear_indicator_value (assessment, "spills");
  g_clear_pointer (&third, g_bytes_unref);
  third = ems_assessment_serialize (assessment);
  g_assert_true (g_bytes_equal (first, third));
}

static void
count_signal (gpointer data)
{
  (*(guint *) data)++;
}

static void
test_signals (void)
{
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (ems_checklist_get_default ());
  guint n_energy = 0, n_changed = 0, n_output = 0;
  double value;

  g_signal_connect_swapped (assessment, "indicator-changed::energy", G_CALLBACK (count_signal), &n_energy);
  g_signal_connect_swapped (assessment, "indicator-changed::output", G_CALLBACK (count_signal), &n_output);
  g_signal_connect_swapped (assessment, "changed", G_CALLBACK (count_signal), &n_changed);

  ems_assessment_set_indicator_value (assessment, "energy", 10);
  ems_assessment_set_indicator_value (assessment, "energy", 10);   /* no change */
  ems_assessment_set_output (assessment, "employees", 35, NULL, NULL);
  ems_assessment_set_period (assessment, "2025-01-01", "2025-12-31");
  g_assert_cmpuint (n_energy, ==, 1);
  g_assert_cmpuint (n_output, ==, 1);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_true (ems_assessment_get_output_value (assessment, &value));
  g_assert_cmpfloat (value, ==, 35);
  g_assert_true (ems_assessment_get_indicator_ratio (assessment, "energy", &value));
  g_assert_cmpfloat (value, ==, 10.0 / 35);
}

/* Each invalid case, with its message and its place */
static const struct
{
  const char *name;
  const char *text;
  const char *path;
  guint       line;
  guint       column;
  const char *needle;
  gboolean    warning;
} invalid[] = {
  { "negative", HEAD "\"indicators\": {\"values\": {\"spills\": -1}}}", "indicators/values/spills", 4, 37, "cannot be negative", FALSE },
  { "not-finite", HEAD "\"indicators\": {\"values\": {\"spills\": 1e400}}}", "indicators/values/spills", 4, 37, "finite", FALSE },
  { "percent", HEAD "\"indicators\": {\"values\": {\"renewable-share\": 100.5}}}", "indicators/values/renewable-share", 4, 46, "from 0 to 100", FALSE },
  { "unknown-negative", HEAD "\"indicators\": {\"values\": {\"ozone\": -2}}}", "indicators/values/ozone", 4, 36, "cannot be negative", FALSE },
  { "text", HEAD "\"indicators\": {\"values\": {\"water\": \"12\"}}}", "indicators/values/water", 4, 36, "a number", FALSE },
  { "period", HEAD "\"indicators\": {\"period\": {\"from\": \"2025-06-01\",\n\"to\": \"2025-05-31\"}}}", "indicators/period/to", 5, 7, "before the period starts", FALSE },
  { "period-date", HEAD "\"indicators\": {\"period\": {\"from\": \"June\"}}}", "indicators/period/from", 4, 35, "YYYY-MM-DD", FALSE },
  { "output-zero", HEAD "\"indicators\": {\"output\": {\"kind\": \"employees\", \"value\": 0}}}", "indicators/output/value", 4, 57, "above 0", FALSE },
  { "output-kind", HEAD "\"indicators\": {\"output\": {\"kind\": \"staff\", \"value\": 3}}}", "indicators/output/kind", 4, 35, "employees, production, revenue, floor-area", FALSE },
  { "production-unit", HEAD "\"indicators\": {\"output\": {\"kind\": \"production\", \"value\": 3}}}", "indicators/output", 4, 35, "unit", FALSE },
  { "revenue-currency", HEAD "\"indicators\": {\"output\": {\"kind\": \"revenue\", \"value\": 3, \"currency\": \"dollars\"}}}", "indicators/output/currency", 4, 70, "ISO 4217", FALSE },
  { "ratio-no-output", HEAD "\"indicators\": {\"values\": {\"energy\": 5}}}", "indicators/values/energy", 4, 37, "no “indicators/output”", TRUE },
  { "unknown-id", HEAD "\"indicators\": {\"values\": {\"ozone\": 2}}}", "indicators/values/ozone", 4, 36, "not an indicator", TRUE },
  { "version-1", "{\n\"format\": \"ten-elements-assessment\",\n\"format_version\": 1,\n\"indicators\": {\"values\": {\"spills\": 0}}}", "indicators", 4, 15, "format_version 2", TRUE },
};

static void
test_invalid (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;
  EmsProblem *found = NULL;

  assessment = ems_assessment_load_from_data (ems_checklist_get_default (), invalid[i].text,
                                              strlen (invalid[i].text), &problems, &error);
  for (guint p = 0; p < problems->len; p++)
    {
      EmsProblem *problem = g_ptr_array_index (problems, p);

      g_test_message ("%u:%u %s %s", problem->line, problem->column, problem->path, problem->message);
      if (g_strcmp0 (problem->path, invalid[i].path) == 0)
        found = problem;
    }
  g_assert_nonnull (found);
  g_assert_nonnull (strstr (found->message, invalid[i].needle));
  g_assert_cmpuint (found->line, ==, invalid[i].line);
  g_assert_cmpuint (found->column, ==, invalid[i].column);
  g_assert_cmpint (found->warning, ==, invalid[i].warning);
  if (invalid[i].warning)
    {
      g_assert_no_error (error);
      g_assert_nonnull (assessment);
    }
  else
    {
      g_assert_error (error, EMS_ERROR, EMS_ERROR_INVALID);
      g_assert_null (assessment);
    }
}

static EmsAssessment *
participant (const char *name,
             const char *site,
             const char *date,
             guint       level,
             double      employees,
             double      energy)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  EmsAssessment *assessment = ems_assessment_new (checklist);

  ems_assessment_set_name (assessment, name);
  ems_assessment_set_site (assessment, site);
  ems_assessment_set_assessed_on (assessment, date);
  ems_assessment_set_level (assessment, "1.1", level);
  if (!isnan (employees))
    ems_assessment_set_output (assessment, "employees", employees, NULL, NULL);
  ems_assessment_set_indicator_value (assessment, "energy", energy);
  ems_assessment_set_indicator_value (assessment, "spills", 1);
  return assessment;
}

/* The points of "Maturity and outcomes", by hand */
static void
test_outcome_points (void)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  const EmsIndicator *energy = ems_indicator_set_lookup (set, "energy");
  const EmsIndicator *spills = ems_indicator_set_lookup (set, "spills");
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GArray) points = NULL;
  EmsIndicatorStats st;
  double delta;
  struct { const char *name, *site, *date; guint level; double employees, energy; } rows[] = {
    { "Acme", "Here", "2025-03-01", 1, 10, 100 },      /* 0: superseded by 1 */
    { " ACME ", "here", "2026-03-01", 3, 10, 50 },     /* 1: x 75, y 5 */
    { "Beta", NULL, "2026-01-01", 2, 20, 200 },        /* 2: x 50, y 10 */
    { "Gamma", NULL, "2026-01-01", 4, 4, 80 },         /* 3: x 100, y 20 */
    { "Delta", NULL, "2026-01-01", 0, NAN, 30 },       /* 4: no output, left out */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(EmsAssessment) a = participant (rows[i].name, rows[i].site, rows[i].date,
                                                rows[i].level, rows[i].employees, rows[i].energy);

      ems_comparison_add (comparison, a, NULL);
    }

  points = ems_comparison_outcome_points (comparison);
  g_assert_cmpuint (points->len, ==, 4);
  g_assert_cmpuint (g_array_index (points, guint, 0), ==, 1);

  /* x 75, 50, 100 against y 5, 10, 20: ranks 2,1,3 and 1,2,3, ρ = 0.5 */
  ems_comparison_get_indicator_stats (comparison, energy, 0, &st);
  g_assert_cmpuint (st.n, ==, 3);
  g_assert_cmpuint (st.n_left_out, ==, 1);
  g_assert_true (st.spearman.has_value);
  g_assert_cmpfloat_with_epsilon (st.spearman.value, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (st.mean.value, 35.0 / 3, 1e-12);
  g_assert_cmpfloat (st.median.value, ==, 10);

  /* spills: the value (no ratio), 1 everywhere: constant, no ρ */
  ems_comparison_get_indicator_stats (comparison, spills, 0, &st);
  g_assert_cmpuint (st.n, ==, 4);
  g_assert_false (st.spearman.has_value);

  /* Acme's follow-up: energy per employee 10 → 5 */
  follow_ups = ems_comparison_follow_ups (comparison);
  g_assert_cmpuint (follow_ups->len, ==, 1);
  g_assert_true (ems_comparison_get_indicator_change (comparison, g_ptr_array_index (follow_ups, 0), energy, &delta));
  g_assert_cmpfloat (delta, ==, -5);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/emsa-v2/round-trip", test_v2_round_trip);
  g_test_add_func ("/emsa-v2/version-rules", test_version_rules);
  g_test_add_func ("/emsa-v2/signals", test_signals);
  g_test_add_func ("/outcomes/points", test_outcome_points);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *path = g_strdup_printf ("/emsa-v2/invalid/%s", invalid[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_invalid);
    }

  return g_test_run ();
}
