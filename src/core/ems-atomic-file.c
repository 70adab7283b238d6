/* ems-atomic-file.c: the one way Ten Elements writes a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every save, autosave and export goes through here, so that a file is
 * either the old one or the whole new one, never half of each.
 *
 * Why not g_file_replace() for local files: through a symbolic link it
 * writes the target in place (truncate, then write), so a crash or a full
 * disk there loses the file; it cannot hand a path to libraries that open
 * their output by name (libxlsxwriter); and it cannot tell the temporary
 * file of a writer that was killed from one still being written, so those
 * would pile up. Here the temporary file is locked (flock) for as long as
 * its writer lives: one whose lock can be taken is an orphan.
 */

#define G_LOG_DOMAIN "ems-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ems-atomic-file.h"

#define TEMP_SUFFIX ".ten-elements-tmp"
#define MAX_LINKS 40
#define MAX_TRIES 8

struct _EmsAtomicFile
{
  GFile    *target;         /* for etags and remote targets; may be NULL */
  char     *display;        /* the target's name, for messages */
  char     *real_path;      /* symbolic links resolved; NULL: not local */
  char     *temp_path;
  char     *expected_etag;
  int       fd;             /* holds the lock; -1 once closed */
  gboolean  committed;
};

static void
set_errno_error (GError        **error,
                 EmsAtomicFile  *self,
                 int             saved_errno)
{
  const char *display = self->display;

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* Translators: %s is a file name */
                 _("Could not write “%s”: the disk is full"), display);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* Translators: %s are a file name and the system's reason */
                 _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

/* The file a chain of symbolic links ends at (which may not exist yet) */
static char *
resolve_links (const char  *path,
               int         *saved_errno)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      struct stat st;

      if (lstat (current, &st) != 0)
        {
          if (errno == ENOENT)
            return g_steal_pointer (&current);
          *saved_errno = errno;
          return NULL;
        }
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        {
          *saved_errno = errno != 0 ? errno : EINVAL;
          return NULL;
        }
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, link, NULL);
    }

  *saved_errno = ELOOP;
  return NULL;
}

static gboolean
is_temp_name (const char *name)
{
  return name[0] == '.' && g_str_has_suffix (name, TEMP_SUFFIX);
}

/* Removes the temporary files that writers killed before they could commit
 * or clean up left in @dir: those whose lock can be taken. Ours only. */
static void
remove_orphans (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name))
        continue;

      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          struct stat now;

          /* Still the file we locked, not a new writer's of the same name */
          if (lstat (path, &now) == 0 && now.st_ino == st.st_ino && now.st_dev == st.st_dev)
            {
              g_debug ("Removing %s, left by a writer that did not finish", path);
              g_unlink (path);
            }
        }
      close (fd);
    }
}

/* The temporary name for @base: ".BASE.XXXXXX.ten-elements-tmp", with
 * BASE cut (at a character boundary) when the whole would pass NAME_MAX,
 * so that a target name near the limit can still be written. Hidden and
 * unique either way. */
static char *
temp_template (const char *base)
{
  gsize room = NAME_MAX - strlen (".." "XXXXXX" TEMP_SUFFIX);
  gsize len = strlen (base);

  if (len > room)
    {
      len = room;
      /* Not in the middle of a UTF-8 sequence */
      while (len > 0 && ((guchar) base[len] & 0xC0) == 0x80)
        len--;
    }

  return g_strdup_printf (".%.*s.XXXXXX" TEMP_SUFFIX, (int) len, base);
}

/* A new temporary file beside @real_path, locked: -1 and errno on failure */
static int
create_locked_temp (const char  *real_path,
                    mode_t       mode,
                    char       **temp_path)
{
  g_autofree char *dir = g_path_get_dirname (real_path);
  g_autofree char *base = g_path_get_basename (real_path);

  for (guint i = 0; i < MAX_TRIES; i++)
    {
      g_autofree char *name = temp_template (base);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      struct stat st_fd;
      struct stat st_path;
      int fd;

      fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, mode);
      if (fd < 0)
        return -1;

      /* Between creating and locking, another writer's clean-up may have
         taken the unlocked file for an orphan: start again if so. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          fstat (fd, &st_fd) == 0 && lstat (path, &st_path) == 0 &&
          st_fd.st_ino == st_path.st_ino && st_fd.st_dev == st_path.st_dev)
        {
          *temp_path = g_steal_pointer (&path);
          return fd;
        }

      close (fd);
    }

  errno = EEXIST;
  return -1;
}

static gboolean
open_local (EmsAtomicFile  *self,
            const char     *path,
            GError        **error)
{
  g_autofree char *dir = NULL;
  struct stat st;
  gboolean exists = FALSE;
  mode_t mode = 0666;
  int saved_errno = 0;

  self->real_path = resolve_links (path, &saved_errno);
  if (self->real_path == NULL)
    {
      set_errno_error (error, self, saved_errno);
      return FALSE;
    }

  if (stat (self->real_path, &st) == 0)
    {
      const char *display = self->display;

      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       /* Translators: %s is a file name */
                       _("Could not write “%s”: it is not a regular file"), display);
          return FALSE;
        }
      /* Read-only for everyone counts even for root, whom access() lets
       * write anything. */
      if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
          access (self->real_path, W_OK) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                       /* Translators: %s is a file name */
                       _("Could not write “%s”: the file is read-only"), display);
          return FALSE;
        }
      mode = st.st_mode & 07777;
      exists = TRUE;
    }

  dir = g_path_get_dirname (self->real_path);
  remove_orphans (dir);

  self->fd = create_locked_temp (self->real_path, mode, &self->temp_path);
  if (self->fd < 0)
    {
      const char *display = self->display;
      g_autofree char *display_dir = g_filename_display_name (dir);

      saved_errno = errno;
      if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        set_errno_error (error, self, saved_errno);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     /* Translators: %s are a file name, a folder name and the system's reason */
                     _("Could not write “%s”: cannot create a file in the folder “%s”: %s"),
                     display, display_dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* An existing file keeps its owner and group where we may give them
   * (root may; others only a group they belong to: EPERM otherwise, and
   * the file becomes theirs, as any new file would), then its mode:
   * g_mkstemp_full() applied the umask, and chown clears set-id bits. */
  if (exists)
    {
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (self->fd, st.st_uid, st.st_gid) != 0 && errno == EPERM)
        (void) fchown (self->fd, (uid_t) -1, st.st_gid);
      (void) fchmod (self->fd, mode);
    }

  return TRUE;
}

static EmsAtomicFile *
atomic_file_new (const char *display,
                 const char *expected_etag)
{
  EmsAtomicFile *self = g_new0 (EmsAtomicFile, 1);

  self->display = g_strdup (display);
  self->expected_etag = g_strdup (expected_etag);
  self->fd = -1;

  return self;
}

/**
 * ems_atomic_file_open_path:
 *
 * The same as ems_atomic_file_open () for a local path, without going
 * through GIO's virtual file system (the command line's exports).
 */
EmsAtomicFile *
ems_atomic_file_open_path (const char    *path,
                           const char    *expected_etag,
                           GError       **error)
{
  g_autoptr(EmsAtomicFile) self = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  self = atomic_file_new (display, expected_etag);
  if (expected_etag != NULL)
    self->target = g_file_new_for_path (path);

  if (!open_local (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

EmsAtomicFile *
ems_atomic_file_open (GFile         *target,
                      const char    *expected_etag,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(EmsAtomicFile) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  display = g_file_get_parse_name (target);
  self = atomic_file_new (display, expected_etag);
  self->target = g_object_ref (target);

  path = g_file_get_path (target);
  if (path != NULL)
    {
      if (!open_local (self, path, error))
        return NULL;
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      /* Not a local file: write locally, then stream it over on commit. */
      self->fd = g_file_open_tmp ("ten-elements-XXXXXX" TEMP_SUFFIX, &self->temp_path, &local_error);
      if (self->fd < 0)
        {
          g_set_error (error, G_IO_ERROR, local_error->code,
                       _("Could not write “%s”: %s"), self->display, local_error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

const char *
ems_atomic_file_get_temp_path (EmsAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

gboolean
ems_atomic_file_write (EmsAtomicFile  *self,
                       gconstpointer   data,
                       gsize           length,
                       GError        **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, p, MIN (length, G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (error, self, errno);
          return FALSE;
        }
      p += n;
      length -= n;
    }

  return TRUE;
}

char *
ems_file_query_etag (GFile        *file,
                     GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

static gboolean
check_etag (EmsAtomicFile  *self,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autofree char *now = NULL;

  if (self->expected_etag == NULL)
    return TRUE;

  /* A file removed since does not count as changed: it is written anew. */
  now = ems_file_query_etag (self->target, cancellable);
  if (now == NULL || g_strcmp0 (now, self->expected_etag) == 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               /* Translators: %s is a file name */
               _("“%s” was changed by another program since it was opened"), self->display);
  return FALSE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

static gboolean
commit_remote (EmsAtomicFile  *self,
               char          **new_etag,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GFile) temp = g_file_new_for_path (self->temp_path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;

  in = g_file_read (temp, cancellable, error);
  if (in == NULL)
    return FALSE;
  out = g_file_replace (self->target, self->expected_etag, FALSE, G_FILE_CREATE_NONE,
                        cancellable, error);
  if (out == NULL)
    return FALSE;
  if (g_output_stream_splice (G_OUTPUT_STREAM (out), G_INPUT_STREAM (in),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, error) < 0)
    return FALSE;

  if (new_etag != NULL)
    *new_etag = g_strdup (g_file_output_stream_get_etag (out));

  return TRUE;
}

gboolean
ems_atomic_file_commit (EmsAtomicFile  *self,
                        char          **new_etag,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* A full disk shows now, not after the rename */
  if (fsync (self->fd) != 0 && errno != EINVAL)
    {
      set_errno_error (error, self, errno);
      return FALSE;
    }

  if (self->real_path == NULL)
    {
      if (!commit_remote (self, new_etag, cancellable, error))
        return FALSE;
      self->committed = TRUE;
      g_unlink (self->temp_path);
      return TRUE;
    }

  if (!check_etag (self, cancellable, error))
    return FALSE;

  if (g_rename (self->temp_path, self->real_path) != 0)
    {
      set_errno_error (error, self, errno);
      return FALSE;
    }
  self->committed = TRUE;
  sync_folder (self->real_path);

  if (new_etag != NULL)
    {
      g_autoptr(GFile) file = self->target != NULL ? g_object_ref (self->target)
                                                   : g_file_new_for_path (self->real_path);

      *new_etag = ems_file_query_etag (file, cancellable);
    }

  return TRUE;
}

void
ems_atomic_file_free (EmsAtomicFile *self)
{
  if (self == NULL)
    return;

  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);
  if (self->fd >= 0)
    close (self->fd);   /* releases the lock */

  g_clear_object (&self->target);
  g_free (self->display);
  g_free (self->real_path);
  g_free (self->temp_path);
  g_free (self->expected_etag);
  g_free (self);
}

gboolean
ems_write_file_atomically (GFile         *file,
                           GBytes        *bytes,
                           const char    *expected_etag,
                           char         **new_etag,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(EmsAtomicFile) writer = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  writer = ems_atomic_file_open (file, expected_etag, cancellable, error);
  if (writer == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  return ems_atomic_file_write (writer, data, length, error) &&
         ems_atomic_file_commit (writer, new_etag, cancellable, error);
}

gboolean
ems_write_path_atomically (const char  *path,
                           GBytes      *bytes,
                           GError     **error)
{
  g_autoptr(EmsAtomicFile) writer = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  writer = ems_atomic_file_open_path (path, NULL, error);
  if (writer == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  return ems_atomic_file_write (writer, data, length, error) &&
         ems_atomic_file_commit (writer, NULL, NULL, error);
}
