/* ems-atomic-file.h: the one way Ten Elements writes a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _EmsAtomicFile EmsAtomicFile;

/* Starts writing @target: the new content goes to a hidden temporary file
 * (".NAME.XXXXXX.ten-elements-tmp") beside the real file, locked for as long
 * as it is open, and replaces the target only on commit. Follows symbolic
 * links (the link stays, its target is replaced), keeps the mode of an
 * existing file (and its owner and group, where the user may set them),
 * and refuses a read-only one. A target name near NAME_MAX gets a shorter
 * temporary name, still hidden and unique. Temporary files that a killed
 * writer left in that folder (unlocked ones) are removed on the way.
 *
 * @expected_etag, when not NULL, is the etag the target had when it was
 * read (G_FILE_ATTRIBUTE_ETAG_VALUE): commit then fails with
 * G_IO_ERROR_WRONG_ETAG if another program changed the file since.
 *
 * Targets that are not local files are written through g_file_replace(),
 * from a local temporary file. */
EmsAtomicFile *ems_atomic_file_open           (GFile          *target,
                                               const char     *expected_etag,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* The same for a local path, without GIO's virtual file system */
EmsAtomicFile *ems_atomic_file_open_path      (const char     *path,
                                               const char     *expected_etag,
                                               GError        **error);
/* A local path for libraries that open their output by name
 * (libxlsxwriter): they may truncate and write it freely. */
const char    *ems_atomic_file_get_temp_path  (EmsAtomicFile  *self);
gboolean       ems_atomic_file_write          (EmsAtomicFile  *self,
                                               gconstpointer   data,
                                               gsize           length,
                                               GError        **error);
/* Flushes the temporary file to disk and renames it over the target. On
 * failure the target is left as it was. @new_etag, when not NULL, receives
 * the written file's etag. Either way @self is done: free it. */
gboolean       ems_atomic_file_commit         (EmsAtomicFile  *self,
                                               char          **new_etag,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* Removes the temporary file unless committed. */
void           ems_atomic_file_free           (EmsAtomicFile  *self);

/* The whole of @bytes, through an EmsAtomicFile. */
gboolean       ems_write_file_atomically      (GFile          *file,
                                               GBytes         *bytes,
                                               const char     *expected_etag,
                                               char          **new_etag,
                                               GCancellable   *cancellable,
                                               GError        **error);

gboolean       ems_write_path_atomically      (const char     *path,
                                               GBytes         *bytes,
                                               GError        **error);

/* The etag of @file now, or NULL when it does not exist. */
char          *ems_file_query_etag            (GFile          *file,
                                               GCancellable   *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsAtomicFile, ems_atomic_file_free)

G_END_DECLS
