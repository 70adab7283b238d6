/* ems-cli-compare.c: --compare, as text, JSON or an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ems-cli-private.h"
#include "ems-comparison.h"
#include "ems-json-writer.h"
#include "ems-report.h"
#include "ems-scores.h"
#include "ems-xlsx.h"

/* --compare */

static gboolean
export_comparison (EmsComparison  *comparison,
                   const char     *path,
                   GDateTime      *when,
                   GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return ems_xlsx_export_comparison (comparison, when, path, error);
  if (g_str_has_suffix (lower, ".pdf"))
    {
      __typeof__ (&ems_report_write_comparison_pdf) write_pdf =
        GRAPHICS_FUNCTION (ems_report_write_comparison_pdf, error);

      return write_pdf != NULL && write_pdf (comparison, path, when, error);
    }

  /* ems_cli_run () checked the extension */
  g_assert_not_reached ();
  return FALSE;
}

static void
print_stat (const EmsElementStats *st,
            double                 value)
{
  g_autofree char *text = ems_format_percent (st->has_stats, value);

  printf (" %8s", text);
}

/* "Maturity and outcomes" in brief: ρ and n per indicator */
static void
print_outcomes_text (EmsComparison *comparison)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  gboolean heading = FALSE;

  for (guint i = 0; i < ems_indicator_set_get_n_indicators (set); i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);
      EmsIndicatorStats st;
      g_autofree char *rho = NULL;

      ems_comparison_get_indicator_stats (comparison, indicator, 0, &st);
      if (st.n == 0)
        continue;
      if (!heading)
        {
          printf ("\n%s\n", _("Maturity and outcomes (Spearman’s ρ of the overall score; a correlation across a few organisations is not proof):"));
          heading = TRUE;
        }
      rho = st.spearman.has_value ? g_strdup_printf ("%+.2f", st.spearman.value) : g_strdup ("—");
      /* Translators: an indicator, its Spearman ρ, how many points */
      printf (_("  %-36s ρ %6s  n %u"), indicator->name, rho, st.n);
      printf ("\n");
    }
}

/* Per follow-up: the change in overall score and in each indicator */
static void
print_follow_up_outcomes_text (EmsComparison *comparison,
                               EmsFollowUp   *follow_up)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  EmsChange change;

  if (ems_comparison_get_change (comparison, follow_up, 0, &change))
    printf ("  %s %+7.1f\n", _("overall"), change.delta);
  for (guint i = 0; i < ems_indicator_set_get_n_indicators (set); i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);
      double delta;

      if (ems_comparison_get_indicator_change (comparison, follow_up, indicator, &delta))
        printf ("  %-36s %+.6g\n", indicator->name, delta);
    }
}

static void
print_compare_text (EmsComparison *comparison)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (comparison);
  g_autoptr(GArray) zero = ems_comparison_most_zero (comparison, 5);
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (comparison);
  guint n = ems_comparison_get_n_participants (comparison);

  /* Translators: a heading, then one line per participant */
  printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
  printf ("\n");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = ems_comparison_dup_label (comparison, i);
      const EmsScores *scores = ems_comparison_get_scores (comparison, i);
      g_autofree char *overall = ems_format_percent (scores->has_overall, scores->overall);
      g_autofree char *shown = ems_cli_text (label);

      printf ("  %-40s %8s  %s\n", shown, overall, ems_band_to_label (scores->band));
    }

  printf ("\n%-58s %8s %8s %8s %8s %8s %s\n", _("Element"), _("mean"), _("median"),
          _("min"), _("max"), _("std dev"), _("scored/no score"));
  for (guint e = 1; e <= ems_comparison_get_n_elements (comparison); e++)
    {
      const EmsElementStats *st = ems_comparison_get_element_stats (comparison, e);

      printf ("%2u %-55s", e, ems_checklist_get_element (checklist, e)->title);
      print_stat (st, st->mean);
      print_stat (st, st->median);
      print_stat (st, st->min);
      print_stat (st, st->max);
      printf (" %8.1f", st->has_stats ? st->stddev : 0.0);
      printf (" %u/%u\n", st->n_scored, st->n_null);
    }

  printf ("\n%s", _("Largest disagreement:"));
  for (guint i = 0; i < MIN (3, spread->len); i++)
    printf (" %u", g_array_index (spread, guint, i));
  printf ("\n%s", _("Weakest on average:"));
  for (guint i = 0; i < MIN (3, weakest->len); i++)
    printf (" %u", g_array_index (weakest, guint, i));
  printf ("\n");

  if (zero->len > 0)
    {
      printf ("\n%s\n", _("Questions most often answered 0:"));
      for (guint i = 0; i < zero->len; i++)
        {
          EmsZeroCount *count = &g_array_index (zero, EmsZeroCount, i);

          /* Translators: question id, how many answered 0, out of how many, the question */
          printf (_("  %-5s %u of %u  %s"), count->question->id, count->n_zero, count->n_answered,
                  count->question->text);
          printf ("\n");
        }
    }

  for (guint f = 0; f < follow_ups->len; f++)
    {
      EmsFollowUp *follow_up = g_ptr_array_index (follow_ups, f);
      g_autofree char *shown = ems_cli_text (follow_up->name);

      /* Translators: an organisation assessed more than once */
      printf ("\n");
      printf (_("Change over time: %s (%u assessments)"), shown, follow_up->n);
      printf ("\n");
      for (guint e = 1; e <= ems_comparison_get_n_elements (comparison); e++)
        {
          double delta;

          if (ems_comparison_get_delta (comparison, follow_up, e, &delta))
            printf ("  %2u %+7.1f %s\n", e, delta, delta > 0 ? "↑" : delta < 0 ? "↓" : "=");
          else
            printf ("  %2u %7s\n", e, "—");
        }
      print_follow_up_outcomes_text (comparison, follow_up);
    }

  print_outcomes_text (comparison);
}

/* "indicators": [{"id", "n", "spearman_overall", "mean", "median"}] */
static void
append_outcomes_json (GString       *out,
                      EmsComparison *comparison)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();

  g_string_append (out, ",\"indicators\":[");
  for (guint i = 0; i < ems_indicator_set_get_n_indicators (set); i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);
      EmsIndicatorStats st;

      ems_comparison_get_indicator_stats (comparison, indicator, 0, &st);
      g_string_append (out, i > 0 ? ",{\"id\":" : "{\"id\":");
      ems_json_append_string (out, indicator->id);
      g_string_append_printf (out, ",\"n\":%u,\"n_left_out\":%u,\"spearman_overall\":", st.n, st.n_left_out);
      ems_cli_append_number_or_null (out, st.spearman.has_value, st.spearman.value);
      g_string_append (out, ",\"mean\":");
      ems_cli_append_number_or_null (out, st.mean.has_value, st.mean.value);
      g_string_append (out, ",\"median\":");
      ems_cli_append_number_or_null (out, st.median.has_value, st.median.value);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* A follow-up's "overall_delta" and "indicator_changes": {id: Δy}, every
 * indicator of the set, null where the first or the last has no y */
static void
append_follow_up_outcomes_json (GString       *out,
                                EmsComparison *comparison,
                                EmsFollowUp   *follow_up)
{
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  EmsChange change;
  gboolean has;

  has = ems_comparison_get_change (comparison, follow_up, 0, &change);
  g_string_append (out, ",\"overall_delta\":");
  ems_cli_append_number_or_null (out, has, has ? change.delta : 0);
  g_string_append (out, ",\"indicator_changes\":{");
  for (guint i = 0; i < ems_indicator_set_get_n_indicators (set); i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);
      double delta = 0;

      has = ems_comparison_get_indicator_change (comparison, follow_up, indicator, &delta);
      if (i > 0)
        g_string_append_c (out, ',');
      ems_json_append_string (out, indicator->id);
      g_string_append_c (out, ':');
      ems_cli_append_number_or_null (out, has, delta);
    }
  g_string_append_c (out, '}');
}

static void
append_compare_json (GString       *out,
                     EmsComparison *comparison)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (comparison);
  g_autoptr(GArray) zero = ems_comparison_most_zero (comparison, 0);
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (comparison);

  g_string_append (out, "{\"participants\":[");
  for (guint i = 0; i < ems_comparison_get_n_participants (comparison); i++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, i);
      g_autofree char *label = ems_comparison_dup_label (comparison, i);

      g_string_append (out, i > 0 ? ",{\"label\":" : "{\"label\":");
      ems_json_append_string (out, label);
      g_string_append (out, ",\"file\":");
      ems_json_append_string (out, ems_comparison_get_source (comparison, i));
      g_string_append (out, ",\"overall\":");
      ems_cli_append_number_or_null (out, scores->has_overall, scores->overall);
      g_string_append (out, ",\"scores\":[");
      for (guint e = 0; e < scores->n_elements; e++)
        {
          if (e > 0)
            g_string_append_c (out, ',');
          ems_cli_append_number_or_null (out, scores->elements[e].has_score, scores->elements[e].score);
        }
      g_string_append (out, "]}");
    }

  g_string_append (out, "],\"elements\":[");
  for (guint e = 1; e <= ems_comparison_get_n_elements (comparison); e++)
    {
      const EmsElementStats *st = ems_comparison_get_element_stats (comparison, e);

      g_string_append_printf (out, "%s{\"number\":%u,\"title\":", e > 1 ? "," : "", e);
      ems_json_append_string (out, ems_checklist_get_element (checklist, e)->title);
      g_string_append_printf (out, ",\"n_scored\":%u,\"n_null\":%u", st->n_scored, st->n_null);
      g_string_append (out, ",\"mean\":");
      ems_cli_append_number_or_null (out, st->has_stats, st->mean);
      g_string_append (out, ",\"median\":");
      ems_cli_append_number_or_null (out, st->has_stats, st->median);
      g_string_append (out, ",\"min\":");
      ems_cli_append_number_or_null (out, st->has_stats, st->min);
      g_string_append (out, ",\"max\":");
      ems_cli_append_number_or_null (out, st->has_stats, st->max);
      g_string_append (out, ",\"stddev\":");
      ems_cli_append_number_or_null (out, st->has_stats, st->stddev);
      g_string_append_c (out, '}');
    }

  g_string_append (out, "],\"disagreement\":[");
  for (guint i = 0; i < spread->len; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? "," : "", g_array_index (spread, guint, i));
  g_string_append (out, "],\"weakest\":[");
  for (guint i = 0; i < weakest->len; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? "," : "", g_array_index (weakest, guint, i));

  g_string_append (out, "],\"most_zero\":[");
  for (guint i = 0; i < zero->len; i++)
    {
      EmsZeroCount *count = &g_array_index (zero, EmsZeroCount, i);

      g_string_append_printf (out, "%s{\"id\":", i > 0 ? "," : "");
      ems_json_append_string (out, count->question->id);
      g_string_append_printf (out, ",\"n_zero\":%u,\"n_answered\":%u}", count->n_zero, count->n_answered);
    }

  g_string_append (out, "],\"follow_ups\":[");
  for (guint f = 0; f < follow_ups->len; f++)
    {
      EmsFollowUp *follow_up = g_ptr_array_index (follow_ups, f);

      g_string_append (out, f > 0 ? ",{\"name\":" : "{\"name\":");
      ems_json_append_string (out, follow_up->name);
      g_string_append (out, ",\"site\":");
      ems_json_append_string (out, follow_up->site);
      g_string_append (out, ",\"participants\":[");
      for (guint i = 0; i < follow_up->n; i++)
        {
          g_autofree char *label = ems_comparison_dup_label (comparison, follow_up->participants[i]);

          if (i > 0)
            g_string_append_c (out, ',');
          ems_json_append_string (out, label);
        }
      g_string_append (out, "],\"deltas\":[");
      for (guint e = 1; e <= ems_comparison_get_n_elements (comparison); e++)
        {
          double delta;
          gboolean has = ems_comparison_get_delta (comparison, follow_up, e, &delta);

          if (e > 1)
            g_string_append_c (out, ',');
          ems_cli_append_number_or_null (out, has, has ? delta : 0);
        }
      g_string_append_c (out, ']');
      append_follow_up_outcomes_json (out, comparison, follow_up);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  append_outcomes_json (out, comparison);
  g_string_append (out, "}\n");
}

int
ems_cli_run_compare (char       **files,
                     gboolean     json,
                     gboolean     anonymise,
                     const char  *export_path)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  int status = EMS_EXIT_OK;

  /* Files that fail to load are reported and left out; the rest compare. */
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(EmsAssessment) assessment = ems_cli_load (files[i], FALSE, NULL);

      if (assessment == NULL)
        {
          status = EMS_EXIT_INVALID;
          continue;
        }
      ems_comparison_add (comparison, assessment, files[i]);
    }

  if (ems_comparison_get_n_participants (comparison) == 0)
    {
      ems_cli_print_error ("%s", _("No file could be read: nothing to compare"));
      return EMS_EXIT_INVALID;
    }

  ems_comparison_set_anonymise (comparison, anonymise);

  if (export_path != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) when = ems_cli_export_time ();

      if (!export_comparison (comparison, export_path, when, &error))
        {
          ems_cli_print_error ("%s", error->message);
          return EMS_EXIT_INVALID;
        }
    }
  else if (json)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      append_compare_json (out, comparison);
      fwrite (out->str, 1, out->len, stdout);
    }
  else
    print_compare_text (comparison);

  return status;
}
