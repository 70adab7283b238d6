/* ems-file-read.h: reading a whole input file, bounded and type-checked
 *
 * Every place that reads an assessment file goes through here: the window
 * (through ems_assessment_load_from_file), the command line and the
 * comparison workbook's hashes. Only regular files are read, never a
 * directory, a device (/dev/zero) or a FIFO (which would block), and the
 * size limit holds while reading, not only on what stat () said.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads @path whole into a NUL-terminated buffer. Errors: G_FILE_ERROR
 * (with the system's reason) when it cannot be opened or read; ISDIR for a
 * folder, INVAL for anything else that is not a regular file;
 * EMS_ERROR_TOO_LARGE beyond @max_size bytes. */
gboolean ems_file_read_bounded  (const char    *path,
                                 gsize          max_size,
                                 char         **contents,
                                 gsize         *length,
                                 GError       **error);

/* The same for a GFile: local files as above, others through GIO, with
 * the same checks. */
gboolean ems_file_load_bounded  (GFile         *file,
                                 gsize          max_size,
                                 GCancellable  *cancellable,
                                 char         **contents,
                                 gsize         *length,
                                 GError       **error);

G_END_DECLS
