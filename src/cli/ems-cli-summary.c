/* ems-cli-summary.c: --summary, as text or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ems-cli-private.h"
#include "ems-indicators.h"
#include "ems-json-writer.h"
#include "ems-plan.h"
#include "ems-scores.h"

/* --summary */

/* A JSON number, or null */
void
ems_cli_append_number_or_null (GString  *out,
                               gboolean  has_value,
                               double    value)
{
  if (has_value)
    ems_json_append_double (out, value);
  else
    g_string_append (out, "null");
}

static void
append_band (GString *out,
             EmsBand  band)
{
  ems_json_append_string (out, ems_band_to_string (band));
}

/* "next_steps": the first entries of where to start, and "iso14001": the
 * readiness per clause, as the domain brief's "From gaps to a plan" says */
#define N_SUMMARY_NEXT_STEPS 5

static void
append_plan_json (GString       *out,
                  EmsAssessment *assessment,
                  EmsScores     *scores)
{
  g_autoptr(GArray) steps = ems_plan_where_to_start (assessment, scores);
  g_autoptr(GArray) clauses = ems_plan_iso14001_readiness (assessment);

  g_string_append (out, ",\"next_steps\":[");
  for (guint i = 0; i < MIN (steps->len, N_SUMMARY_NEXT_STEPS); i++)
    {
      const EmsPlanStep *step = &g_array_index (steps, EmsPlanStep, i);

      g_string_append (out, i > 0 ? ",{\"question\":" : "{\"question\":");
      ems_json_append_string (out, step->question->id);
      g_string_append (out, ",\"step\":");
      ems_json_append_string (out, ems_step_kind_to_string (step->step));
      g_string_append (out, ",\"text\":");
      ems_json_append_string (out, step->text);
      g_string_append (out, ",\"effort\":");
      ems_json_append_string (out, ems_effort_to_string (step->effort));
      g_string_append_c (out, '}');
    }

  g_string_append (out, "],\"iso14001\":[");
  for (guint i = 0; i < clauses->len; i++)
    {
      const EmsClauseReadiness *clause = &g_array_index (clauses, EmsClauseReadiness, i);

      g_string_append (out, i > 0 ? ",{\"clause\":" : "{\"clause\":");
      ems_json_append_string (out, clause->clause);
      g_string_append (out, ",\"title\":");
      ems_json_append_string (out, clause->title);
      g_string_append (out, ",\"score\":");
      ems_cli_append_number_or_null (out, clause->has_score, clause->score);
      g_string_append_printf (out, ",\"questions\":%u,\"answered\":%u}",
                              clause->n_questions, clause->n_answered);
    }
  g_string_append_c (out, ']');
}

/* "indicators", "unknown_indicators", "period" and "output", as the
 * domain brief's "Outcome indicators" says */
static void
append_indicators_json (GString       *out,
                        EmsAssessment *assessment)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  g_auto(GStrv) ids = ems_assessment_dup_indicator_ids (assessment);
  g_auto(GStrv) unknown = ems_assessment_dup_unknown_indicator_ids (assessment);
  const char *from = ems_assessment_get_period_from (assessment);
  const char *to = ems_assessment_get_period_to (assessment);
  const char *kind = ems_assessment_get_output_kind (assessment);
  gboolean first = TRUE;
  double value;

  g_string_append (out, ",\"indicators\":[");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_lookup (set, ids[i]);
      double ratio = 0;
      gboolean has_ratio;

      if (indicator == NULL)
        continue;
      ems_assessment_get_indicator_value (assessment, ids[i], &value);
      has_ratio = ems_assessment_get_indicator_ratio (assessment, ids[i], &ratio);
      g_string_append (out, first ? "{\"id\":" : ",{\"id\":");
      ems_json_append_string (out, indicator->id);
      g_string_append (out, ",\"value\":");
      ems_json_append_double (out, value);
      g_string_append (out, ",\"unit\":");
      ems_json_append_string (out, indicator->unit);
      g_string_append (out, ",\"ratio\":");
      ems_cli_append_number_or_null (out, has_ratio, ratio);
      g_string_append_c (out, '}');
      first = FALSE;
    }

  g_string_append (out, "],\"unknown_indicators\":[");
  for (guint i = 0; unknown[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ems_json_append_string (out, unknown[i]);
    }

  g_string_append (out, "],\"period\":");
  if (from == NULL && to == NULL)
    g_string_append (out, "null");
  else
    {
      g_string_append (out, "{\"from\":");
      ems_json_append_string (out, from);
      g_string_append (out, ",\"to\":");
      ems_json_append_string (out, to);
      g_string_append_c (out, '}');
    }

  g_string_append (out, ",\"output\":");
  if (kind == NULL)
    g_string_append (out, "null");
  else
    {
      gboolean has_value = ems_assessment_get_output_value (assessment, &value);

      g_string_append (out, "{\"kind\":");
      ems_json_append_string (out, kind);
      g_string_append (out, ",\"value\":");
      ems_cli_append_number_or_null (out, has_value, has_value ? value : 0);
      if (ems_assessment_get_output_unit (assessment) != NULL)
        {
          g_string_append (out, ",\"unit\":");
          ems_json_append_string (out, ems_assessment_get_output_unit (assessment));
        }
      if (ems_assessment_get_output_currency (assessment) != NULL)
        {
          g_string_append (out, ",\"currency\":");
          ems_json_append_string (out, ems_assessment_get_output_currency (assessment));
        }
      g_string_append_c (out, '}');
    }
}

/* The indicators in brief: "energy 412.5 MWh (11.8 MWh per employee)" */
static void
print_indicators_text (EmsAssessment *assessment)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  g_auto(GStrv) ids = ems_assessment_dup_indicator_ids (assessment);
  const EmsOutputKind *output = ems_indicator_set_lookup_output_kind (set, ems_assessment_get_output_kind (assessment));
  const char *output_unit = ems_assessment_get_output_unit (assessment);

  if (ids[0] == NULL)
    return;

  if (output != NULL && output->detail == EMS_OUTPUT_DETAIL_CURRENCY)
    output_unit = ems_assessment_get_output_currency (assessment);

  printf ("  %s\n", _("Outcome indicators:"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_lookup (set, ids[i]);
      g_autofree char *ratio_unit = NULL;
      double value, ratio;

      if (indicator == NULL)
        continue;
      ems_assessment_get_indicator_value (assessment, ids[i], &value);
      printf ("    %-36s %12.6g %s", indicator->name, value, indicator->unit_label);
      ratio_unit = ems_indicator_dup_ratio_unit (indicator, output, output_unit);
      if (ratio_unit != NULL && ems_assessment_get_indicator_ratio (assessment, ids[i], &ratio))
        printf ("  (%.6g %s)", ratio, ratio_unit);
      printf ("\n");
    }
}

/* One file's entry, written by hand: a json-glib tree per file costs more
 * than reading the file (see bench/bench-core). */
static void
append_summary_json (GString       *out,
                     const char    *path,
                     EmsAssessment *assessment,
                     EmsScores     *scores)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  g_auto(GStrv) unknown = ems_assessment_dup_unknown_ids (assessment);
  const char *name = ems_assessment_get_name (assessment);

  g_string_append (out, "{\"file\":");
  ems_json_append_string (out, path);
  /* A name that is not UTF-8 is shown with U+FFFD above (JSON holds only
   * Unicode text); its exact bytes follow, percent-encoded. */
  if (!g_utf8_validate (path, -1, NULL))
    {
      g_autofree char *escaped = g_uri_escape_bytes ((const guint8 *) path, strlen (path), "/");

      g_string_append (out, ",\"file_bytes\":");
      ems_json_append_string (out, escaped);
    }
  g_string_append (out, ",\"organisation\":");
  ems_json_append_string (out, name != NULL ? name : "");
  g_string_append (out, ",\"site\":");
  ems_json_append_string (out, ems_assessment_get_site (assessment));
  g_string_append (out, ",\"overall\":");
  ems_cli_append_number_or_null (out, scores->has_overall, scores->overall);
  g_string_append (out, ",\"band\":");
  append_band (out, scores->band);
  g_string_append (out, ",\"coverage\":");
  ems_json_append_double (out, scores->coverage);
  g_string_append (out, ",\"target\":");
  ems_json_append_double (out, scores->target);
  g_string_append_printf (out, ",\"target_level\":%u,\"elements\":[", scores->target_level);

  for (guint e = 0; e < scores->n_elements; e++)
    {
      const EmsElementScore *es = &scores->elements[e];

      g_string_append_printf (out, "%s{\"number\":%u,\"title\":", e > 0 ? "," : "", es->number);
      ems_json_append_string (out, ems_checklist_get_element (checklist, es->number)->title);
      g_string_append (out, ",\"score\":");
      ems_cli_append_number_or_null (out, es->has_score, es->score);
      g_string_append (out, ",\"coverage\":");
      ems_json_append_double (out, es->coverage);
      g_string_append (out, ",\"gap\":");
      ems_cli_append_number_or_null (out, es->has_score, es->gap);
      g_string_append (out, ",\"band\":");
      append_band (out, es->band);
      g_string_append (out, es->red_flag ? ",\"red_flag\":true}" : ",\"red_flag\":false}");
    }

  g_string_append (out, "],\"priority\":[");
  for (guint e = 0; e < scores->n_elements; e++)
    g_string_append_printf (out, "%s%u", e > 0 ? "," : "", scores->elements[scores->priority[e]].number);

  g_string_append (out, "],\"unknown_questions\":[");
  for (guint i = 0; unknown[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ems_json_append_string (out, unknown[i]);
    }
  g_string_append_c (out, ']');
  append_plan_json (out, assessment, scores);
  append_indicators_json (out, assessment);
  g_string_append_c (out, '}');
}

static void
print_summary_text (const char    *path,
                    EmsAssessment *assessment,
                    EmsScores     *scores)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  g_autofree char *overall = ems_format_percent (scores->has_overall, scores->overall);
  g_autofree char *coverage = ems_format_percent (TRUE, 100.0 * scores->coverage);
  g_autofree char *target = ems_format_percent (TRUE, scores->target);
  g_autofree char *shown_path = ems_cli_text (path);
  g_autofree char *shown_name = ems_cli_text (ems_assessment_get_name (assessment));

  printf ("%s\n", shown_path);
  printf ("  %s\n", shown_name != NULL ? shown_name : _("(no organisation name)"));
  /* Translators: overall score, its band, coverage and target, e.g.
   * "Overall 62.5 % (Amber) · coverage 90.0 % · target 75.0 %" */
  printf ("  ");
  printf (_("Overall %s (%s) · coverage %s · target %s"),
          overall, ems_band_to_label (scores->band), coverage, target);
  printf ("\n");

  for (guint e = 0; e < scores->n_elements; e++)
    {
      const EmsElementScore *es = &scores->elements[e];
      g_autofree char *score = ems_format_percent (es->has_score, es->score);
      g_autofree char *gap = ems_format_percent (es->has_score, es->gap);
      g_autofree char *cov = ems_format_percent (TRUE, 100.0 * es->coverage);

      /* Translators: one element line: number, title, score, band, gap,
       * coverage, and a red-flag mark */
      printf (_("  %2u  %-58s %8s  %-8s gap %8s  coverage %8s%s"),
              es->number,
              ems_checklist_get_element (checklist, es->number)->title,
              score, ems_band_to_label (es->band), gap, cov,
              es->red_flag ? _("  ⚑ red flag") : "");
      printf ("\n");
    }
  print_indicators_text (assessment);
  printf ("\n");
}

int
ems_cli_run_summary (char     **files,
                     gboolean   json)
{
  g_autoptr(GString) out = g_string_sized_new (4096);
  int status = EMS_EXIT_OK;
  guint n_printed = 0;

  if (json)
    fputs ("[", stdout);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(EmsAssessment) assessment = ems_cli_load (files[i], FALSE, NULL);
      g_autoptr(EmsScores) scores = NULL;

      if (assessment == NULL)
        {
          status = EMS_EXIT_INVALID;
          continue;
        }

      scores = ems_scores_compute (assessment);

      if (json)
        {
          g_string_assign (out, n_printed > 0 ? ",\n" : "\n");
          append_summary_json (out, files[i], assessment, scores);
          fwrite (out->str, 1, out->len, stdout);
        }
      else
        print_summary_text (files[i], assessment, scores);

      n_printed++;
    }

  if (json)
    fputs (n_printed > 0 ? "\n]\n" : "]\n", stdout);

  return status;
}
