/* ems-emsa-problems.c: the problems found while reading an .emsa
 * document, and the error that sums them up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-emsa-reader-private.h"
#include "ems-error.h"

void
ems_problem_free (EmsProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem->path);
  g_free (problem);
}

void
ems_emsa_locate_offset (const char *data,
                        gsize       offset,
                        guint      *line,
                        guint      *column)
{
  *line = 1;
  *column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

void
ems_emsa_reader_fail (GError       **error,
                      EmsEmsaReader *reader,
                      int            code,
                      guint          line,
                      guint          column,
                      const char    *message)
{
  EmsProblem *problem = g_new0 (EmsProblem, 1);

  g_ptr_array_set_size (reader->problems, 0);
  problem->message = g_strdup (message);
  problem->line = line;
  problem->column = column;
  g_ptr_array_add (reader->problems, problem);
  reader->n_errors = 1;

  if (line > 0)
    /* Translators: line, column, then the problem */
    g_set_error (error, EMS_ERROR, code, _("Line %u, column %u: %s"), line, column, message);
  else
    g_set_error_literal (error, EMS_ERROR, code, message);
}

void
ems_emsa_reader_set_error (GError       **error,
                           EmsEmsaReader *reader)
{
  EmsProblem *first = NULL;
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < reader->problems->len; i++)
    {
      EmsProblem *problem = g_ptr_array_index (reader->problems, i);

      if (!problem->warning)
        {
          first = problem;
          break;
        }
    }
  g_assert (first != NULL);

  if (first->line > 0)
    g_string_append_printf (message, _("Line %u, column %u: "), first->line, first->column);

  if (first->path != NULL)
    /* Translators: the first %s names where in the file (e.g.
     * "answers/1.2/level"), the second says what is wrong */
    g_string_append_printf (message, _("“%s” %s"), first->path, first->message);
  else
    g_string_append (message, first->message);

  if (reader->n_errors > 1)
    {
      g_string_append (message, " ");
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "(and %u more problem)",
                                           "(and %u more problems)",
                                           reader->n_errors - 1),
                              reader->n_errors - 1);
    }

  g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID, message->str);
}
