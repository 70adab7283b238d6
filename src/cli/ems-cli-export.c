/* ems-cli-export.c: --export of one assessment, and the graphics library
 * that the report and the charts need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>
#include <stdio.h>

#include "ems-cli-private.h"
#include "ems-error.h"
#include "ems-report.h"
#include "ems-xlsx.h"

/* The report and chart exports need Cairo and Pango, which live in the
 * graphics library: opened here only when one of them is asked for, so
 * that every other call starts without them. */
gpointer
ems_cli_graphics_symbol (const char  *name,
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

/* --export */

/* TRUE when @out is not one of @files. The same file is the same inode,
 * whatever the path: "./a.emsa", a symbolic link or a hard link to it. */
gboolean
ems_cli_check_output (const char  *out,
                      char       **files)
{
  GStatBuf out_st;

  /* An OUT that does not exist yet cannot be an input. */
  if (g_stat (out, &out_st) != 0)
    return TRUE;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      GStatBuf st;

      if (g_stat (files[i], &st) == 0 &&
          st.st_dev == out_st.st_dev && st.st_ino == out_st.st_ino)
        {
          /* Translators: %s is a file name given twice, as OUT and as FILE */
          ems_cli_print_error (_("“%s” is also an input FILE: refusing to write the export over it"), out);
          return FALSE;
        }
    }

  return TRUE;
}

GDateTime *
ems_cli_export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  /* Reproducible exports: a fixed time gives byte-identical files. */
  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);

  return g_date_time_new_now_local ();
}

int
ems_cli_run_export (const char *out,
                    const char *path)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  if (!(assessment = ems_cli_load (path, FALSE, &bytes)))
    return EMS_EXIT_INVALID;

  when = ems_cli_export_time ();

  if (g_str_has_suffix (out, ".pdf") || g_str_has_suffix (out, ".PDF"))
    {
      __typeof__ (&ems_report_write_pdf) write_pdf = GRAPHICS_FUNCTION (ems_report_write_pdf, &error);

      if (write_pdf == NULL || !write_pdf (assessment, out, when, &error))
        {
          ems_cli_print_error ("%s", error->message);
          return EMS_EXIT_INVALID;
        }
      return EMS_EXIT_OK;
    }

  if (!ems_xlsx_export_full (assessment, bytes, when, out, &warnings, &error))
    {
      ems_cli_print_error ("%s", error->message);
      return EMS_EXIT_INVALID;
    }

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    {
      g_autofree char *shown = ems_cli_text (out);

      fprintf (stderr, "%s: %s%s\n", shown, _("warning: "), warnings[i]);
    }

  return EMS_EXIT_OK;
}

int
ems_cli_run_export_chart (const char   *out,
                          const char   *path,
                          EmsChartKind  kind,
                          int           scale)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  __typeof__ (&ems_chart_export) chart_export = NULL;

  if (!(assessment = ems_cli_load (path, FALSE, NULL)))
    return EMS_EXIT_INVALID;

  chart_export = GRAPHICS_FUNCTION (ems_chart_export, &error);
  if (chart_export == NULL || !chart_export (assessment, kind, out, scale, &error))
    {
      ems_cli_print_error ("%s", error->message);
      return EMS_EXIT_INVALID;
    }

  return EMS_EXIT_OK;
}
