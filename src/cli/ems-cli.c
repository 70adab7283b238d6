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
#include <stdio.h>

#include "ems-cli-private.h"

typedef struct
{
  gboolean   checklist;
  gboolean   json;
  gboolean   csv;
  gboolean   questionnaire;
  gboolean   actions;
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

/* The graphics library's place */

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

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  ems_cli_print_error ("%s", message);
  /* Translators: %s is the program name */
  fprintf (stderr, _("Try “%s --help” for more information."), g_get_prgname ());
  fputc ('\n', stderr);

  return EMS_EXIT_USAGE;
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
      N_("Write FILE to OUT, in the format its extension names: .xlsx (workbook), .pdf (report), .svg or .png (a chart), .csv (the answers), .emsa (an assessment read from a workbook)"), N_("OUT") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &options.chart,
      N_("With --export to .svg or .png: radar (the default), gaps, distribution or coverage"), N_("CHART") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &options.scale,
      N_("With --export to .png: 1 (the default) or 2 for high-density screens"), N_("N") },
    { "actions", 0, 0, G_OPTION_ARG_NONE, &options.actions,
      N_("With --export to .csv: write the action plan alone"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("Print JSON instead of text"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &options.csv,
      N_("With --summary: print CSV, one row per FILE"), NULL },
    { "questionnaire", 0, 0, G_OPTION_ARG_NONE, &options.questionnaire,
      N_("With --export OUT.xlsx: write a fill-in questionnaire, blank or pre-filled from FILE"), NULL },
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
                                  "With no option, opens each FILE (an .emsa assessment, or a questionnaire or assessment workbook) in a window. "
                                  "The options below run without a display."));
  description = g_strdup_printf (_("Exit status: 0 success, 1 invalid input or failed export, 2 usage error.\n"
                                   "The .emsa format is documented in the README.\n\n"
                                   "Examples:\n"
                                   "  %s --summary --json assessment.emsa\n"
                                   "  %s --validate *.emsa\n"
                                   "  %s --export report.xlsx assessment.emsa\n"
                                   "  %s --export questionnaire.xlsx --questionnaire\n"
                                   "  %s --summary --csv returned/*.xlsx > scores.csv"),
                                 "ten-elements", "ten-elements", "ten-elements", "ten-elements", "ten-elements");
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

  if (options.csv && (!options.summary || options.json))
    return usage_error (context, _("--csv goes with --summary, without --json (--compare writes CSV with --export OUT.csv)"));

  if (options.questionnaire && (options.export_path == NULL || options.compare))
    return usage_error (context, _("--questionnaire goes with --export OUT.xlsx"));

  if ((options.chart != NULL || options.scale != 0) && (options.export_path == NULL || options.compare))
    return usage_error (context, _("--chart and --scale go with --export"));

  if (options.actions && (options.export_path == NULL || options.compare))
    return usage_error (context, _("--actions goes with --export"));

  if (options.anonymise && !options.compare)
    return usage_error (context, _("--anonymise goes with --compare"));

  /* Before anything is read or written: an export never replaces one of
   * its own inputs (exit status 2, as for any other misuse). */
  if (options.export_path != NULL && !ems_cli_check_output (options.export_path, options.files))
    return EMS_EXIT_USAGE;

  if (options.compare)
    {
      if (n_files == 0)
        return usage_error (context, _("--compare needs at least one FILE"));
      if (options.json && options.export_path != NULL)
        return usage_error (context, _("--compare prints JSON or writes --export OUT, not both"));
      if (options.export_path != NULL)
        {
          g_autofree char *lower = g_ascii_strdown (options.export_path, -1);

          if (g_str_has_suffix (lower, ".csv"))
            return ems_cli_run_compare_csv (options.files, options.anonymise, options.export_path);
          if (!g_str_has_suffix (lower, ".xlsx") && !g_str_has_suffix (lower, ".pdf"))
            return usage_error (context, _("--compare --export writes .xlsx, .pdf or .csv files"));
        }
      return ems_cli_run_compare (options.files, options.json, options.anonymise, options.export_path);
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
      return ems_cli_run_checklist (options.json);
    }

  if (options.summary || options.validate)
    {
      if (n_files == 0)
        return usage_error (context, options.summary ? _("--summary needs at least one FILE")
                                                     : _("--validate needs at least one FILE"));
      if (options.csv)
        return ems_cli_run_summary_csv (options.files);
      return options.summary ? ems_cli_run_summary (options.files, options.json)
                             : ems_cli_run_validate (options.files);
    }

  if (options.export_path != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (options.export_path, -1);
      EmsChartKind kind = EMS_CHART_RADAR;

      if (options.questionnaire)
        {
          if (n_files > 1)
            return usage_error (context, _("--export OUT --questionnaire takes at most one FILE"));
          if (options.chart != NULL || options.scale != 0)
            return usage_error (context, _("--chart and --scale go with an .svg or .png OUT"));
          if (!g_str_has_suffix (lower, ".xlsx") && !g_str_has_suffix (lower, ".pdf"))
            return usage_error (context, _("--export --questionnaire writes .xlsx files"));
          return ems_cli_run_export_questionnaire (options.export_path,
                                                   n_files == 1 ? options.files[0] : NULL);
        }

      if (n_files != 1)
        return usage_error (context, _("--export OUT needs exactly one FILE"));

      /* A .csv OUT is the answers; with --actions, the action plan alone */
      if (options.actions && !g_str_has_suffix (lower, ".csv"))
        return usage_error (context, _("--actions goes with --export to a .csv OUT"));
      if (options.actions)
        return ems_cli_run_export_actions (options.export_path, options.files[0]);

      if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".pdf"))
        {
          if (options.chart != NULL || options.scale != 0)
            return usage_error (context, _("--chart and --scale go with an .svg or .png OUT"));
          return ems_cli_run_export (options.export_path, options.files[0]);
        }

      if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".emsa"))
        {
          if (options.chart != NULL || options.scale != 0)
            return usage_error (context, _("--chart and --scale go with an .svg or .png OUT"));
          return g_str_has_suffix (lower, ".csv") ? ems_cli_run_export_csv (options.export_path, options.files[0])
                                                  : ems_cli_run_export_emsa (options.export_path, options.files[0]);
        }

      if (!g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".png"))
        return usage_error (context, _("--export writes .xlsx, .pdf, .svg, .png, .csv or .emsa files"));

      if (options.chart != NULL)
        {
          __typeof__ (&ems_chart_kind_from_string) kind_from_string =
            GRAPHICS_FUNCTION (ems_chart_kind_from_string, &error);

          if (kind_from_string == NULL)
            {
              ems_cli_print_error ("%s", error->message);
              return EMS_EXIT_INVALID;
            }
          if (!kind_from_string (options.chart, &kind))
            return usage_error (context, _("--chart is radar, gaps, distribution or coverage"));
        }

      if (options.scale != 0 && (options.scale < 1 || options.scale > 2 || g_str_has_suffix (lower, ".svg")))
        return usage_error (context, _("--scale is 1 or 2, for .png only"));

      return ems_cli_run_export_chart (options.export_path, options.files[0], kind,
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
