/* ems-i18n.h: gettext set-up and paths to bundled data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* setlocale, bindtextdomain (EMS_LOCALEDIR overrides the installed
 * catalogue directory, for running from the build tree). */
void       ems_i18n_init          (void);
/* The bundled example assessments, sorted by name: the installed copies,
 * or the source tree's when running uninstalled (EMS_EXAMPLES_DIR
 * overrides both). */
GPtrArray *ems_list_examples      (void);
/* Orders GFile* array elements by path (for g_ptr_array_sort) */
int        ems_compare_file_paths (gconstpointer a,
                                   gconstpointer b);

G_END_DECLS
