/* ems-i18n.c: gettext set-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ems-i18n.h"

void
ems_i18n_init (void)
{
  const char *localedir = g_getenv ("EMS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
