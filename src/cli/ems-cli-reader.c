/* ems-cli-reader.c: the FILEs that are workbooks, read by the workbook
 * reader library, opened only when one is met
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader links libgsf and libxml2 (and what they pull in): loading
 * them costs every start, so an .emsa never opens them. A FILE whose
 * content starts like a zip or an old Office file, or whose name ends in
 * .xlsx, .xlsm or .xls, goes to ems_load_assessment_data() (which also
 * explains a text file named as a workbook); anything else to the .emsa
 * reader in the core library.
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <string.h>

#include "ems-atomic-file.h"
#include "ems-cli-private.h"
#include "ems-error.h"
#include "ems-workbook-import.h"
#include "ems-xlsx-questionnaire.h"

static gpointer
reader_symbol (const char  *name,
               GError     **error)
{
  static GModule *module = NULL;
  gpointer symbol = NULL;

  if (module == NULL)
    {
      g_autofree char *path = ems_cli_find_private_library (READER_LIBRARY_NAME);

      module = g_module_open (path, G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          /* Translators: %s is the system's reason */
          g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                       _("Cannot load the workbook reader library: %s"), g_module_error ());
          return NULL;
        }
      g_module_make_resident (module);
    }

  if (!g_module_symbol (module, name, &symbol) || symbol == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   _("Cannot load the workbook reader library: %s"), g_module_error ());
      return NULL;
    }

  return symbol;
}

#define READER_FUNCTION(func, error) \
  ((__typeof__ (&func)) reader_symbol (#func, (error)))

/* As ems_data_is_workbook(), which lives in the reader */
static gboolean
is_workbook (const char *path,
             const char *data,
             gsize       length)
{
  static const guint8 ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
         || (length >= sizeof ole && memcmp (data, ole, sizeof ole) == 0)
         || g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm")
         || g_str_has_suffix (lower, ".xls");
}

EmsAssessment *
ems_cli_load_data (const char    *path,
                   const char    *data,
                   gsize          length,
                   gboolean      *from_workbook,
                   GPtrArray    **problems,
                   GError       **error)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  __typeof__ (&ems_load_assessment_data) load_data = NULL;

  *from_workbook = is_workbook (path, data, length);
  if (!*from_workbook)
    return ems_assessment_load_from_data (checklist, data, length, problems, error);

  load_data = READER_FUNCTION (ems_load_assessment_data, error);
  if (load_data == NULL)
    return NULL;

  return load_data (checklist, path, data, length, NULL, problems, error);
}

/* --export OUT.xlsx --questionnaire [FILE] */

int
ems_cli_run_export_questionnaire (const char *out,
                                  const char *path)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = g_ascii_strdown (out, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    {
      /* The paper form is written by the graphics library */
      ems_cli_print_error ("%s", _("The paper questionnaire (.pdf) is not available yet: write an .xlsx OUT"));
      return EMS_EXIT_INVALID;
    }

  if (path != NULL && !(assessment = ems_cli_load (path, FALSE, NULL)))
    return EMS_EXIT_INVALID;

  when = ems_cli_export_time ();
  if (!ems_xlsx_export_questionnaire (ems_checklist_get_default (), assessment, when, out, &error))
    {
      ems_cli_print_error ("%s", error->message);
      return EMS_EXIT_INVALID;
    }

  return EMS_EXIT_OK;
}

/* --export OUT.emsa FILE: a workbook (or an .emsa) written as .emsa */
int
ems_cli_run_export_emsa (const char *out,
                         const char *path)
{
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!(assessment = ems_cli_load (path, FALSE, NULL)))
    return EMS_EXIT_INVALID;

  bytes = ems_assessment_serialize (assessment);
  if (!ems_write_path_atomically (out, bytes, &error))
    {
      ems_cli_print_error ("%s", error->message);
      return EMS_EXIT_INVALID;
    }

  return EMS_EXIT_OK;
}
