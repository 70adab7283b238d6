/* test-atomic-file.c: the one atomic writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "ems-atomic-file.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("test-atomic-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_chmod (path, 0644);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
read_all (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
write_string (const char *path,
              const char *text,
              const char *etag,
              GError    **error,
              gboolean   *ok)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  *ok = ems_write_file_atomically (file, bytes, etag, NULL, NULL, error);
}

/* Nothing but @expected in the folder: no temporary file left behind */
static void
assert_folder_holds (Fixture    *f,
                     const char *const *expected)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_assert_cmpuint (names->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, expected[i], g_str_equal, NULL));
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = path_in (f, "new.emsa");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "new.emsa", NULL };
  mode_t mask = umask (022);
  struct stat st;
  gboolean ok;

  write_string (path, "hello", NULL, &error, &ok);
  umask (mask);
  g_assert_no_error (error);
  g_assert_true (ok);
  text = read_all (path);
  g_assert_cmpstr (text, ==, "hello");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  assert_folder_holds (f, expected);
}

static void
test_keeps_mode (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (f, "kept.emsa");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  write_string (path, "new", NULL, &error, &ok);
  g_assert_no_error (error);
  g_assert_true (ok);
  text = read_all (path);
  g_assert_cmpstr (text, ==, "new");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}

/* 0666 is a mode like any other: kept, whatever the umask */
static void
test_keeps_mode_0666 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = path_in (f, "shared.emsa");
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);
  struct stat st;
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);

  write_string (path, "new", NULL, &error, &ok);
  umask (mask);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0666);
}

/* The owner and group of an existing file are kept where we may set
 * them: root may give any; others their own groups (tested when the
 * user has a second group). */
static void
test_keeps_owner (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (f, "owned.emsa");
  g_autoptr(GError) error = NULL;
  gid_t groups[64];
  uid_t uid = geteuid ();
  gid_t gid = getegid ();
  struct stat st;
  gboolean ok;
  int n;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  if (uid == 0)
    {
      uid = 4321;
      gid = 8765;
    }
  else
    {
      n = getgroups (G_N_ELEMENTS (groups), groups);
      for (int i = 0; i < n; i++)
        if (groups[i] != gid)
          {
            gid = groups[i];
            break;
          }
      if (gid == getegid ())
        {
          g_test_skip ("needs root or a second group");
          return;
        }
    }
  g_assert_cmpint (chown (path, uid, gid), ==, 0);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  write_string (path, "new", NULL, &error, &ok);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, uid);
  g_assert_cmpint (st.st_gid, ==, gid);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
}

/* A name near NAME_MAX: the temporary name is cut to fit, stays hidden,
 * and two writers still get two names. */
static void
test_long_name (Fixture       *f,
                gconstpointer  data)
{
  for (gsize len = 230; len <= 255; len += 5)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EmsAtomicFile) first = NULL;
      g_autoptr(EmsAtomicFile) second = NULL;
      g_autofree char *first_name = NULL;
      g_autofree char *second_name = NULL;
      const char *expected[] = { NULL, NULL };
      GString *s = g_string_new (NULL);
      gboolean ok;

      /* "é" is two bytes: the cut must not split it */
      while (s->len + 6 < len)
        g_string_append (s, "é");
      while (s->len + 5 < len)
        g_string_append_c (s, 'x');
      g_string_append (s, ".emsa");
      name = g_string_free (s, FALSE);
      g_assert_cmpuint (strlen (name), ==, len);
      path = path_in (f, name);

      first = ems_atomic_file_open_path (path, NULL, &error);
      g_assert_no_error (error);
      second = ems_atomic_file_open_path (path, NULL, &error);
      g_assert_no_error (error);
      first_name = g_path_get_basename (ems_atomic_file_get_temp_path (first));
      second_name = g_path_get_basename (ems_atomic_file_get_temp_path (second));
      g_assert_cmpstr (first_name, !=, second_name);
      g_assert_cmpuint (strlen (first_name), <=, 255);
      g_assert_true (first_name[0] == '.');
      g_assert_true (g_str_has_suffix (first_name, ".ten-elements-tmp"));
      g_assert_true (g_utf8_validate (first_name, -1, NULL));
      g_assert_true (strncmp (first_name + 1, name, 100) == 0);
      g_clear_pointer (&first, ems_atomic_file_free);
      g_clear_pointer (&second, ems_atomic_file_free);

      write_string (path, "long", NULL, &error, &ok);
      g_assert_no_error (error);
      g_assert_true (ok);
      text = read_all (path);
      g_assert_cmpstr (text, ==, "long");
      expected[0] = name;
      assert_folder_holds (f, expected);
      g_unlink (path);
    }
}

static void
test_keeps_symlink (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *real = path_in (f, "real.emsa");
  g_autofree char *link = path_in (f, "link.emsa");
  g_autofree char *text = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "real.emsa", "link.emsa", NULL };
  struct stat before, after;
  gboolean ok;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.emsa", link), ==, 0);
  g_assert_cmpint (g_stat (real, &before), ==, 0);

  write_string (link, "new", NULL, &error, &ok);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* The link is still a link to the same name; its target was replaced
   * whole (a new inode), not rewritten in place. */
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.emsa");
  text = read_all (real);
  g_assert_cmpstr (text, ==, "new");
  g_assert_cmpint (g_stat (real, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  assert_folder_holds (f, expected);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = path_in (f, "locked.emsa");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "locked.emsa", NULL };
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  write_string (path, "new", NULL, &error, &ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_false (ok);
  g_assert_nonnull (strstr (error->message, "read-only"));
  text = read_all (path);
  g_assert_cmpstr (text, ==, "keep me");
  assert_folder_holds (f, expected);
}

static void
test_etag (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = path_in (f, "shared.emsa");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "shared.emsa", NULL };
  struct utimbuf times = { 1000000000, 1000000000 };
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "mine", -1, NULL));
  etag = ems_file_query_etag (file, NULL);
  g_assert_nonnull (etag);

  /* Unchanged: the etag matches and the write goes through */
  write_string (path, "mine, saved", etag, &error, &ok);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* Another program writes the file: the etag from before no longer
   * matches, and nothing is written. */
  g_clear_pointer (&etag, g_free);
  etag = ems_file_query_etag (file, NULL);
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  write_string (path, "mine again", etag, &error, &ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_false (ok);
  text = read_all (path);
  g_assert_cmpstr (text, ==, "theirs");
  assert_folder_holds (f, expected);
}

static void
test_abort (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = path_in (f, "kept.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *temp_base = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "kept.xlsx", NULL };
  EmsAtomicFile *writer;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  writer = ems_atomic_file_open (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ems_atomic_file_write (writer, "half", 4, &error));

  /* Hidden, beside the target, so that the rename stays in one folder */
  temp_base = g_path_get_basename (ems_atomic_file_get_temp_path (writer));
  g_assert_true (temp_base[0] == '.');
  g_assert_true (g_file_test (ems_atomic_file_get_temp_path (writer), G_FILE_TEST_EXISTS));

  ems_atomic_file_free (writer);
  text = read_all (path);
  g_assert_cmpstr (text, ==, "old");
  assert_folder_holds (f, expected);
}

static void
test_orphans (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *orphan = path_in (f, ".report.pdf.Ab12Cd.ten-elements-tmp");
  g_autofree char *live = path_in (f, ".other.xlsx.Zz99Yy.ten-elements-tmp");
  g_autofree char *unrelated = path_in (f, ".hidden-notes.txt");
  g_autofree char *path = path_in (f, "new.pdf");
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "new.pdf", ".other.xlsx.Zz99Yy.ten-elements-tmp", ".hidden-notes.txt", NULL };
  gboolean ok;
  int fd;

  /* A killed writer's file (no lock), a live writer's (locked), and a
   * hidden file that is not ours */
  g_assert_true (g_file_set_contents (orphan, "stale", -1, NULL));
  g_assert_true (g_file_set_contents (live, "in progress", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "notes", -1, NULL));
  fd = g_open (live, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  write_string (path, "report", NULL, &error, &ok);
  g_assert_no_error (error);
  g_assert_true (ok);
  close (fd);

  assert_folder_holds (f, expected);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "x.emsa", NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  write_string (path, "x", NULL, &error, &ok);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.emsa"));
}

static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  write_string (f->dir, "x", NULL, &error, &ok);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/atomic-file/new-file", test_new_file);
  ADD ("/atomic-file/keeps-mode", test_keeps_mode);
  ADD ("/atomic-file/keeps-mode-0666", test_keeps_mode_0666);
  ADD ("/atomic-file/keeps-owner", test_keeps_owner);
  ADD ("/atomic-file/long-name", test_long_name);
  ADD ("/atomic-file/keeps-symlink", test_keeps_symlink);
  ADD ("/atomic-file/read-only", test_read_only);
  ADD ("/atomic-file/etag", test_etag);
  ADD ("/atomic-file/abort", test_abort);
  ADD ("/atomic-file/orphans", test_orphans);
  ADD ("/atomic-file/missing-folder", test_missing_folder);
  ADD ("/atomic-file/not-regular", test_not_regular);
#undef ADD

  return g_test_run ();
}
