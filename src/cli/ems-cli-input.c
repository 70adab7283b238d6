/* ems-cli-input.c: reading the FILEs of the command line, and --validate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>

#include "ems-cli-private.h"
#include "ems-error.h"

G_GNUC_PRINTF (1, 2)
void
ems_cli_print_error (const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "%s: %s\n", g_get_prgname (), message);
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
EmsAssessment *
ems_cli_load (const char  *path,
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

int
ems_cli_run_validate (char **files)
{
  int status = EMS_EXIT_OK;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(EmsAssessment) assessment = ems_cli_load (files[i], TRUE, NULL);

      if (assessment == NULL)
        status = EMS_EXIT_INVALID;
    }

  return status;
}
