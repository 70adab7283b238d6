/* ems-cli-input.c: reading the FILEs of the command line, and --validate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ems-cli-private.h"
#include "ems-error.h"
#include "ems-file-read.h"

/* Text for the terminal: bytes that are not UTF-8 become U+FFFD, control
 * characters (C0, DEL, C1) are written \xNN or \u00NN, so that neither a
 * file name nor a name inside a file can move the cursor, clear the
 * screen or fake a line of output. */
char *
ems_cli_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c >= 0x80 && c < 0xa0)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

G_GNUC_PRINTF (1, 2)
void
ems_cli_print_error (const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Messages can quote file names and the files' text */
  shown = ems_cli_text (message);

  fprintf (stderr, "%s: %s\n", g_get_prgname (), shown);
}

/* Loading for --summary, --validate, --export */

static void
print_problem (const char       *file,
               const EmsProblem *problem)
{
  g_autoptr(GString) line = g_string_new (file);
  g_autofree char *shown = NULL;

  if (problem->line > 0)
    g_string_append_printf (line, ":%u:%u", problem->line, problem->column);
  g_string_append (line, ": ");
  /* Translators: prefixes of the problems --validate prints */
  g_string_append (line, problem->warning ? _("warning: ") : _("error: "));
  if (problem->path != NULL)
    g_string_append_printf (line, "%s: ", problem->path);
  g_string_append (line, problem->message);
  /* The name and the message can both hold what the file holds */
  shown = ems_cli_text (line->str);

  fprintf (stderr, "%s\n", shown);
}

/* Returns the assessment, or NULL after printing why to stderr. Warnings
 * (answers to unknown questions) are printed too when @show_warnings;
 * @n_errors (optional) receives the number of problems that are not
 * warnings (cells of a workbook that did not read: the rest imports). */
EmsAssessment *
ems_cli_load_full (const char  *path,
                   gboolean     show_warnings,
                   GBytes     **bytes_out,
                   guint       *n_errors)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  EmsAssessment *assessment;
  gboolean from_workbook = FALSE;
  guint errors = 0;
  gsize length = 0;

  if (n_errors != NULL)
    *n_errors = 0;

  /* Regular files only, never more than the limit: not a folder, not
   * /dev/zero, not a FIFO that would block. */
  if (!ems_file_read_bounded (path, EMS_MAX_FILE_SIZE, &contents, &length, &error))
    {
      g_autofree char *shown = ems_cli_text (path);

      fprintf (stderr, "%s: %s%s\n", shown, _("error: "), error->message);
      return NULL;
    }

  /* An .emsa, or one of our workbooks (ems-cli-reader.c) */
  assessment = ems_cli_load_data (path, contents, length, &from_workbook, &problems, &error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      EmsProblem *problem = g_ptr_array_index (problems, i);

      if (!problem->warning)
        errors++;
      if (!problem->warning || show_warnings)
        print_problem (path, problem);
    }

  /* The .emsa reader reports why it failed as problems; the workbook
   * reader as the error */
  if (assessment == NULL && errors == 0)
    {
      g_autofree char *shown = ems_cli_text (path);

      fprintf (stderr, "%s: %s%s\n", shown, _("error: "),
               error != NULL ? error->message : _("not a valid assessment"));
    }

  /* The bytes are the .emsa's, whose hash the workbook prints */
  if (assessment != NULL && bytes_out != NULL && !from_workbook)
    *bytes_out = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (n_errors != NULL)
    *n_errors = errors;

  return assessment;
}

EmsAssessment *
ems_cli_load (const char  *path,
              gboolean     show_warnings,
              GBytes     **bytes_out)
{
  return ems_cli_load_full (path, show_warnings, bytes_out, NULL);
}

/* --validate */

int
ems_cli_run_validate (char **files)
{
  int status = EMS_EXIT_OK;

  for (guint i = 0; files[i] != NULL; i++)
    {
      guint n_errors = 0;
      g_autoptr(EmsAssessment) assessment = ems_cli_load_full (files[i], TRUE, NULL, &n_errors);

      /* A workbook cell that did not read makes the file invalid, though
       * the rest of it imports elsewhere */
      if (assessment == NULL || n_errors > 0)
        status = EMS_EXIT_INVALID;
    }

  return status;
}
