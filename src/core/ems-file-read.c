/* ems-file-read.c: reading a whole input file, bounded and type-checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-file-read"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ems-error.h"
#include "ems-file-read.h"

static void
set_too_large (GError **error,
               goffset  size,
               gsize    max_size)
{
  g_autofree char *max = g_format_size (max_size);

  if (size >= 0)
    {
      g_autofree char *shown = g_format_size (size);

      /* Translators: two sizes, e.g. "50.0 MB" and "16.8 MB" */
      g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                   _("The file is too large to be an assessment (%s; the limit is %s)"), shown, max);
    }
  else
    /* Translators: a size, e.g. "16.8 MB" */
    g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                 _("The file is too large to be an assessment (more than %s)"), max);
}

static gboolean
check_type (mode_t    mode,
            GError  **error)
{
  if (S_ISREG (mode))
    return TRUE;

  if (S_ISDIR (mode))
    g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                         _("It is a folder, not an assessment file"));
  else
    g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                         _("It is not a regular file (but a device, a pipe or a socket), so not an assessment file"));
  return FALSE;
}

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

gboolean
ems_file_read_bounded (const char  *path,
                       gsize        max_size,
                       char       **contents,
                       gsize       *length,
                       GError     **error)
{
  g_autofree char *buffer = NULL;
  gsize allocated, used = 0;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. The type is
   * checked on the descriptor, so nothing can swap the file in between. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      GStatBuf lst;

      /* A socket cannot be opened at all: say what it is */
      if (saved_errno == ENXIO && g_stat (path, &lst) == 0 && !S_ISREG (lst.st_mode))
        return check_type (lst.st_mode, error);
      return set_errno_error (error, saved_errno);
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno);
    }

  if (!check_type (st.st_mode, error))
    {
      close (fd);
      return FALSE;
    }

  if (st.st_size > 0 && (guint64) st.st_size > max_size)
    {
      close (fd);
      set_too_large (error, st.st_size, max_size);
      return FALSE;
    }

  /* The size stat () gave, plus room to see the end (or that the file
   * grew); never more than the limit and one byte. */
  allocated = MIN ((gsize) st.st_size, max_size) + 1;
  buffer = g_malloc (allocated + 1);

  for (;;)
    {
      gssize n;

      if (used == allocated)
        {
          if (allocated > max_size)
            {
              close (fd);
              set_too_large (error, -1, max_size);
              return FALSE;
            }
          allocated = MIN (MAX (allocated * 2, 4096), max_size + 1);
          buffer = g_realloc (buffer, allocated + 1);
        }

      n = read (fd, buffer + used, allocated - used);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          close (fd);
          return set_errno_error (error, saved_errno);
        }
      if (n == 0)
        break;
      used += n;
    }

  close (fd);

  if (used > max_size)
    {
      set_too_large (error, -1, max_size);
      return FALSE;
    }

  buffer[used] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = used;

  return TRUE;
}

gboolean
ems_file_load_bounded (GFile         *file,
                       gsize          max_size,
                       GCancellable  *cancellable,
                       char         **contents,
                       gsize         *length,
                       GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  guint8 chunk[16 * 1024];

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return ems_file_read_bounded (path, max_size, contents, length, error);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      return check_type (S_IFDIR, error);
    default:
      return check_type (S_IFIFO, error);
    }

  if (g_file_info_get_size (info) > 0 && (guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large (error, g_file_info_get_size (info), max_size);
      return FALSE;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  bytes = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > max_size)
        {
          set_too_large (error, -1, max_size);
          return FALSE;
        }
      g_byte_array_append (bytes, chunk, n);
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);

  return TRUE;
}
