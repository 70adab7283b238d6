/* ems-cli.c: the headless command line
 *
 * Runs before GTK is initialised and never touches the display: scripts
 * and regulators call these options on machines with no desktop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <gmodule.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>

#include "ems-assessment.h"
#include "ems-comparison.h"
#include "ems-cli.h"
#include "ems-error.h"
#include "ems-json-writer.h"
#include "ems-plan.h"
#include "ems-scores.h"
#include "ems-chart-export.h"
#include "ems-report.h"
#include "ems-xlsx.h"

typedef struct
{
  gboolean   checklist;
  gboolean   json;
  gboolean   summary;
  gboolean   validate;
  gboolean   compare;
  gboolean   anonymise;
  gboolean   version;
  char      *export_path;
  char      *chart;
  int        scale;
  char     **files;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->export_path, g_free);
  g_clear_pointer (&options->chart, g_free);
  g_clear_pointer (&options->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

G_GNUC_PRINTF (1, 2)
static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "%s: %s\n", g_get_prgname (), message);
}

/* The graphics library */

char *
ems_cli_find_private_library (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *override = g_getenv ("EMS_PRIVATE_LIBRARY_DIR");

  if (override != NULL && *override != '\0')
    return g_build_filename (override, name, NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (PRIVATE_LIBRARY_DIR, name, NULL);
}

/* The report and chart exports need Cairo and Pango, which live in the
 * graphics library: opened here only when one of them is asked for, so
 * that every other call starts without them. */
static gpointer
graphics_symbol (const char  *name,
                 GError     **error)
{
  static GModule *module = NULL;
  gpointer symbol = NULL;

  if (module == NULL)
    {
      g_autofree char *path = ems_cli_find_private_library (GRAPHICS_LIBRARY_NAME);

      module = g_module_open (path, G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          /* Translators: %s is the system's reason */
          g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                       _("Cannot load the report and chart library: %s"), g_module_error ());
          return NULL;
        }
      g_module_make_resident (module);
    }

  if (!g_module_symbol (module, name, &symbol) || symbol == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Cannot load the report and chart library: %s"), g_module_error ());
      return NULL;
    }

  return symbol;
}

/* A function of the graphics library, with the type its header gives it */
#define GRAPHICS_FUNCTION(func, error) \
  ((__typeof__ (&func)) graphics_symbol (#func, (error)))

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  print_error ("%s", message);
  /* Translators: %s is the program name */
  fprintf (stderr, _("Try “%s --help” for more information."), g_get_prgname ());
  fputc ('\n', stderr);

  return EMS_EXIT_USAGE;
}

/* --checklist --json */

static void
add_strv (EmsJsonPretty *w,
          const char    *member,
          char * const  *values)
{
  ems_json_pretty_begin (w, member, '[');
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (*values[i] != '\0')
      ems_json_pretty_string (w, NULL, values[i]);
  ems_json_pretty_end (w, ']');
}

static int
run_checklist (gboolean json)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GString) out = NULL;
  EmsJsonPretty w;

  if (!json)
    {
      for (guint e = 1; e <= ems_checklist_get_n_elements (checklist); e++)
        {
          const EmsElement *element = ems_checklist_get_element (checklist, e);

          printf ("%u. %s\n", element->number, element->title);
          for (guint q = 0; q < element->n_questions; q++)
            {
              const EmsQuestion *question = element->questions[q];

              printf ("   %s%s %s\n", question->id, question->critical ? " *" : "  ", question->text);
            }
        }
      printf ("\n%s\n", _("* critical question: answered 0, it flags its element"));
      return EMS_EXIT_OK;
    }

  out = g_string_sized_new (64 * 1024);
  ems_json_pretty_init (&w, out);
  ems_json_pretty_begin (&w, NULL, '{');

  ems_json_pretty_begin (&w, "framework", '{');
  ems_json_pretty_string (&w, "id", ems_checklist_get_id (checklist));
  ems_json_pretty_int (&w, "version", ems_checklist_get_version (checklist));
  ems_json_pretty_end (&w, '}');

  ems_json_pretty_begin (&w, "levels", '[');
  for (guint l = 0; l < EMS_N_LEVELS; l++)
    {
      ems_json_pretty_begin (&w, NULL, '{');
      if (l == EMS_LEVEL_NA)
        ems_json_pretty_string (&w, "level", "N/A");
      else
        ems_json_pretty_int (&w, "level", l);
      ems_json_pretty_string (&w, "label", ems_checklist_get_level_label (checklist, l));
      ems_json_pretty_string (&w, "meaning", ems_checklist_get_level_meaning (checklist, l));
      ems_json_pretty_end (&w, '}');
    }
  ems_json_pretty_end (&w, ']');

  ems_json_pretty_begin (&w, "elements", '[');
  for (guint e = 1; e <= ems_checklist_get_n_elements (checklist); e++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, e);

      ems_json_pretty_begin (&w, NULL, '{');
      ems_json_pretty_int (&w, "number", element->number);
      ems_json_pretty_string (&w, "title", element->title);
      ems_json_pretty_string (&w, "why", element->why);
      ems_json_pretty_begin (&w, "questions", '[');
      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsQuestion *question = element->questions[q];

          ems_json_pretty_begin (&w, NULL, '{');
          ems_json_pretty_string (&w, "id", question->id);
          ems_json_pretty_string (&w, "text", question->text);
          ems_json_pretty_string (&w, "help", question->help);
          ems_json_pretty_int (&w, "weight", question->weight);
          ems_json_pretty_bool (&w, "critical", question->critical);
          add_strv (&w, "iso14001", question->iso_clauses);
          add_strv (&w, "epa_cfems", question->epa_elements);
          ems_json_pretty_begin (&w, "next_steps", '{');
          for (guint k = 0; k < EMS_N_STEP_KINDS; k++)
            {
              const EmsNextStep *step = &question->next_steps[k];

              ems_json_pretty_begin (&w, ems_step_kind_to_string (k), '{');
              ems_json_pretty_string (&w, "text", step->text);
              ems_json_pretty_string (&w, "effort", ems_effort_to_string (step->effort));
              ems_json_pretty_end (&w, '}');
            }
          ems_json_pretty_end (&w, '}');
          ems_json_pretty_end (&w, '}');
        }
      ems_json_pretty_end (&w, ']');
      ems_json_pretty_end (&w, '}');
    }
  ems_json_pretty_end (&w, ']');

  ems_json_pretty_end (&w, '}');
  g_string_append_c (out, '\n');
  fwrite (out->str, 1, out->len, stdout);

  return EMS_EXIT_OK;
}

/* Loading for --summary, --validate, --export */

static void
print_problem (const char       *file,
               const EmsProblem *problem)
{
  g_autoptr(GString) line = g_string_new (file);

  if (problem->line > 0)
    g_string_append_printf (line, ":%u:%u", problem->line, problem->column);
  g_string_append (line, ": ");
  /* Translators: prefixes of the problems --validate prints */
  g_string_append (line, problem->warning ? _("warning: ") : _("error: "));
  if (problem->path != NULL)
    g_string_append_printf (line, "%s: ", problem->path);
  g_string_append (line, problem->message);

  fprintf (stderr, "%s\n", line->str);
}

/* Returns the assessment, or NULL after printing why to stderr. Warnings
 * (answers to unknown questions) are printed too when @show_warnings. */
static EmsAssessment *
load (const char  *path,
      gboolean     show_warnings,
      GBytes     **bytes_out)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  EmsAssessment *assessment;
  GStatBuf st;
  gsize length = 0;

  /* Plain stat and read: this runs once per file over thousands of files. */
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
    }
  else if (S_ISDIR (st.st_mode))
    g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                         _("It is a folder, not an assessment file"));
  else if (st.st_size > EMS_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *max = g_format_size (EMS_MAX_FILE_SIZE);

      g_set_error (&error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                   _("The file is too large to be an assessment (%s; the limit is %s)"), size, max);
    }

  if (error == NULL)
    g_file_get_contents (path, &contents, &length, &error);

  if (error != NULL)
    {
      fprintf (stderr, "%s: %s%s\n", path, _("error: "), error->message);
      return NULL;
    }

  assessment = ems_assessment_load_from_data (ems_checklist_get_default (),
                                              contents, length, &problems, &error);

  for (guint i = 0; i < problems->len; i++)
    {
      EmsProblem *problem = g_ptr_array_index (problems, i);

      if (!problem->warning || show_warnings)
        print_problem (path, problem);
    }

  if (assessment != NULL && bytes_out != NULL)
    *bytes_out = g_bytes_new_take (g_steal_pointer (&contents), length);

  return assessment;
}

/* --validate */

static int
run_validate (char **files)
{
  int status = EMS_EXIT_OK;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(EmsAssessment) assessment = load (files[i], TRUE, NULL);

      if (assessment == NULL)
        status = EMS_EXIT_INVALID;
    }

  return status;
}

/* --summary */

static void
append_number_or_null (GString  *out,
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
      append_number_or_null (out, clause->has_score, clause->score);
      g_string_append_printf (out, ",\"questions\":%u,\"answered\":%u}",
                              clause->n_questions, clause->n_answered);
    }
  g_string_append_c (out, ']');
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
  g_string_append (out, ",\"organisation\":");
  ems_json_append_string (out, name != NULL ? name : "");
  g_string_append (out, ",\"site\":");
  ems_json_append_string (out, ems_assessment_get_site (assessment));
  g_string_append (out, ",\"overall\":");
  append_number_or_null (out, scores->has_overall, scores->overall);
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
      append_number_or_null (out, es->has_score, es->score);
      g_string_append (out, ",\"coverage\":");
      ems_json_append_double (out, es->coverage);
      g_string_append (out, ",\"gap\":");
      append_number_or_null (out, es->has_score, es->gap);
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
  const char *name = ems_assessment_get_name (assessment);

  printf ("%s\n", path);
  printf ("  %s\n", name != NULL ? name : _("(no organisation name)"));
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
  printf ("\n");
}

static int
run_summary (char     **files,
             gboolean   json)
{
  g_autoptr(GString) out = g_string_sized_new (4096);
  int status = EMS_EXIT_OK;
  guint n_printed = 0;

  if (json)
    fputs ("[", stdout);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(EmsAssessment) assessment = load (files[i], FALSE, NULL);
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

/* --export */

static GDateTime *
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  /* Reproducible exports: a fixed time gives byte-identical files. */
  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);

  return g_date_time_new_now_local ();
}

static int
run_export (const char *out,
            const char *path)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  if (!(assessment = load (path, FALSE, &bytes)))
    return EMS_EXIT_INVALID;

  when = export_time ();

  if (g_str_has_suffix (out, ".pdf") || g_str_has_suffix (out, ".PDF"))
    {
      __typeof__ (&ems_report_write_pdf) write_pdf = GRAPHICS_FUNCTION (ems_report_write_pdf, &error);

      if (write_pdf == NULL || !write_pdf (assessment, out, when, &error))
        {
          print_error ("%s", error->message);
          return EMS_EXIT_INVALID;
        }
      return EMS_EXIT_OK;
    }

  if (!ems_xlsx_export_full (assessment, bytes, when, out, &warnings, &error))
    {
      print_error ("%s", error->message);
      return EMS_EXIT_INVALID;
    }

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    fprintf (stderr, "%s: %s%s\n", out, _("warning: "), warnings[i]);

  return EMS_EXIT_OK;
}

static int
run_export_chart (const char   *out,
                  const char   *path,
                  EmsChartKind  kind,
                  int           scale)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  __typeof__ (&ems_chart_export) chart_export = NULL;

  if (!(assessment = load (path, FALSE, NULL)))
    return EMS_EXIT_INVALID;

  chart_export = GRAPHICS_FUNCTION (ems_chart_export, &error);
  if (chart_export == NULL || !chart_export (assessment, kind, out, scale, &error))
    {
      print_error ("%s", error->message);
      return EMS_EXIT_INVALID;
    }

  return EMS_EXIT_OK;
}

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

      printf ("  %-40s %8s  %s\n", label, overall, ems_band_to_label (scores->band));
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

      /* Translators: an organisation assessed more than once */
      printf ("\n");
      printf (_("Change over time: %s (%u assessments)"), follow_up->name, follow_up->n);
      printf ("\n");
      for (guint e = 1; e <= ems_comparison_get_n_elements (comparison); e++)
        {
          double delta;

          if (ems_comparison_get_delta (comparison, follow_up, e, &delta))
            printf ("  %2u %+7.1f %s\n", e, delta, delta > 0 ? "↑" : delta < 0 ? "↓" : "=");
          else
            printf ("  %2u %7s\n", e, "—");
        }
    }
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
      append_number_or_null (out, scores->has_overall, scores->overall);
      g_string_append (out, ",\"scores\":[");
      for (guint e = 0; e < scores->n_elements; e++)
        {
          if (e > 0)
            g_string_append_c (out, ',');
          append_number_or_null (out, scores->elements[e].has_score, scores->elements[e].score);
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
      append_number_or_null (out, st->has_stats, st->mean);
      g_string_append (out, ",\"median\":");
      append_number_or_null (out, st->has_stats, st->median);
      g_string_append (out, ",\"min\":");
      append_number_or_null (out, st->has_stats, st->min);
      g_string_append (out, ",\"max\":");
      append_number_or_null (out, st->has_stats, st->max);
      g_string_append (out, ",\"stddev\":");
      append_number_or_null (out, st->has_stats, st->stddev);
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
          append_number_or_null (out, has, has ? delta : 0);
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}\n");
}

static int
run_compare (char       **files,
             gboolean     json,
             gboolean     anonymise,
             const char  *export_path)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  int status = EMS_EXIT_OK;

  /* Files that fail to load are reported and left out; the rest compare. */
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(EmsAssessment) assessment = load (files[i], FALSE, NULL);

      if (assessment == NULL)
        {
          status = EMS_EXIT_INVALID;
          continue;
        }
      ems_comparison_add (comparison, assessment, files[i]);
    }

  if (ems_comparison_get_n_participants (comparison) == 0)
    {
      print_error ("%s", _("No file could be read: nothing to compare"));
      return EMS_EXIT_INVALID;
    }

  ems_comparison_set_anonymise (comparison, anonymise);

  if (export_path != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) when = export_time ();

      if (!export_comparison (comparison, export_path, when, &error))
        {
          print_error ("%s", error->message);
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

/* Entry */

int
ems_cli_run (int    *argc,
             char ***argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint n_modes, n_files;
  const GOptionEntry entries[] = {
    { "checklist", 0, 0, G_OPTION_ARG_NONE, &options.checklist,
      N_("Print the checklist (with --json: as JSON)"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &options.summary,
      N_("Print the scores of each FILE (with --json: as JSON)"), NULL },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options.validate,
      N_("Check that each FILE is a valid assessment; one line per problem"), NULL },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &options.compare,
      N_("Compare the FILEs: statistics per element (with --export: write them)"), NULL },
    { "anonymise", 0, 0, G_OPTION_ARG_NONE, &options.anonymise,
      N_("With --compare: “Participant A”, “Participant B”… instead of names"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options.export_path,
      N_("Write FILE to OUT, in the format its extension names: .xlsx (workbook), .pdf (report), .svg or .png (a chart)"), N_("OUT") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &options.chart,
      N_("With --export to .svg or .png: radar (the default), gaps, distribution or coverage"), N_("CHART") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &options.scale,
      N_("With --export to .png: 1 (the default) or 2 for high-density screens"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("Print JSON instead of text"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files,
      NULL, N_("[FILE…]") },
    { NULL }
  };

  g_set_prgname ("ten-elements");

  /* Translators: the summary of --help */
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Self-assess an environmental management system against the "
                                  "CEC's 10 Elements.\n\n"
                                  "With no option, opens each FILE (an .emsa assessment) in a window. "
                                  "The options below run without a display."));
  description = g_strdup_printf (_("Exit status: 0 success, 1 invalid input or failed export, 2 usage error.\n"
                                   "The .emsa format is documented in the README.\n\n"
                                   "Examples:\n"
                                   "  %s --summary --json assessment.emsa\n"
                                   "  %s --validate *.emsa\n"
                                   "  %s --export report.xlsx assessment.emsa"),
                                 "ten-elements", "ten-elements", "ten-elements");
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  {
    int n_args = *argc;
    /* g_option_context_parse rearranges the array it is given: hand it a
     * copy of the pointers and keep the caller's argv as it was. */
    g_autofree char **argv_copy = g_memdup2 (*argv, sizeof (char *) * (n_args + 1));
    char **parse_argv = argv_copy;

    if (!g_option_context_parse (context, &n_args, &parse_argv, &error))
      return usage_error (context, error->message);
  }

  n_files = options.files != NULL ? g_strv_length (options.files) : 0;
  n_modes = !!options.checklist + !!options.summary + !!options.validate +
            !!options.compare + !!options.version +
            !!(options.export_path != NULL && !options.compare);

  if (n_modes > 1)
    return usage_error (context, _("Give only one of --checklist, --summary, --validate, --compare, --export and --version"));

  if (options.json && !options.checklist && !options.summary && !options.compare)
    return usage_error (context, _("--json goes with --checklist, --summary or --compare"));

  if ((options.chart != NULL || options.scale != 0) && (options.export_path == NULL || options.compare))
    return usage_error (context, _("--chart and --scale go with --export"));

  if (options.anonymise && !options.compare)
    return usage_error (context, _("--anonymise goes with --compare"));

  if (options.compare)
    {
      if (n_files == 0)
        return usage_error (context, _("--compare needs at least one FILE"));
      if (options.json && options.export_path != NULL)
        return usage_error (context, _("--compare prints JSON or writes --export OUT, not both"));
      if (options.export_path != NULL)
        {
          g_autofree char *lower = g_ascii_strdown (options.export_path, -1);

          if (!g_str_has_suffix (lower, ".xlsx") && !g_str_has_suffix (lower, ".pdf"))
            return usage_error (context, _("--compare --export writes .xlsx or .pdf files"));
        }
      return run_compare (options.files, options.json, options.anonymise, options.export_path);
    }

  if (options.version)
    {
      printf ("%s %s\n", "ten-elements", PACKAGE_VERSION);
      return EMS_EXIT_OK;
    }

  if (options.checklist)
    {
      if (n_files > 0)
        return usage_error (context, _("--checklist takes no file"));
      return run_checklist (options.json);
    }

  if (options.summary || options.validate)
    {
      if (n_files == 0)
        return usage_error (context, options.summary ? _("--summary needs at least one FILE")
                                                     : _("--validate needs at least one FILE"));
      return options.summary ? run_summary (options.files, options.json)
                             : run_validate (options.files);
    }

  if (options.export_path != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (options.export_path, -1);
      EmsChartKind kind = EMS_CHART_RADAR;

      if (n_files != 1)
        return usage_error (context, _("--export OUT needs exactly one FILE"));

      if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".pdf"))
        {
          if (options.chart != NULL || options.scale != 0)
            return usage_error (context, _("--chart and --scale go with an .svg or .png OUT"));
          return run_export (options.export_path, options.files[0]);
        }

      if (!g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".png"))
        return usage_error (context, _("--export writes .xlsx, .pdf, .svg or .png files"));

      if (options.chart != NULL)
        {
          __typeof__ (&ems_chart_kind_from_string) kind_from_string =
            GRAPHICS_FUNCTION (ems_chart_kind_from_string, &error);

          if (kind_from_string == NULL)
            {
              print_error ("%s", error->message);
              return EMS_EXIT_INVALID;
            }
          if (!kind_from_string (options.chart, &kind))
            return usage_error (context, _("--chart is radar, gaps, distribution or coverage"));
        }

      if (options.scale != 0 && (options.scale < 1 || options.scale > 2 || g_str_has_suffix (lower, ".svg")))
        return usage_error (context, _("--scale is 1 or 2, for .png only"));

      return run_export_chart (options.export_path, options.files[0], kind,
                               options.scale != 0 ? options.scale : 1);
    }

  /* The window: the program name and the files to open. */
  {
    GPtrArray *gui_argv = g_ptr_array_new ();

    g_ptr_array_add (gui_argv, g_strdup ((*argv)[0]));
    for (guint i = 0; i < n_files; i++)
      g_ptr_array_add (gui_argv, g_strdup (options.files[i]));
    g_ptr_array_add (gui_argv, NULL);

    *argc = (int) gui_argv->len - 1;
    /* The array lives as long as the process. */
    *argv = (char **) g_ptr_array_free (gui_argv, FALSE);
  }

  return -1;
}
