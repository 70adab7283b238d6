/* ems-examples.h: the bundled example assessments, read off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ems-i18n.h"

G_BEGIN_DECLS

typedef struct
{
  GFile *file;
  char  *title;      /* the organisation, or the file name */
  char  *subtitle;   /* "sector · town", or NULL */
} EmsExample;

void       ems_example_free          (EmsExample    *example);

/* ems_list_examples() and each example's title, in a thread. */
void       ems_list_examples_async   (GCancellable  *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer       user_data);
/* Returns: (transfer full) (element-type EmsExample) */
GPtrArray *ems_list_examples_finish  (GAsyncResult  *result,
                                      GError       **error);

/* Of @files (GFile), those that exist, in the same order and the same
 * objects, checked in a thread: for the list of recent files. */
void       ems_filter_existing_files_async  (GPtrArray     *files,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
/* Returns: (transfer full) (element-type GFile) */
GPtrArray *ems_filter_existing_files_finish (GAsyncResult  *result,
                                             GError       **error);

/* Whether @file is one of the bundled examples, by its folder and name:
 * no I/O, so the main loop may ask. */
gboolean   ems_file_is_example       (GFile         *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsExample, ems_example_free)

G_END_DECLS
