/* test-document.c: EmsDocument: undo and redo, the saved point, the
 * unsaved mark, action edits in undo, autosave and its lock, and saving
 * against another program's changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "ems-atomic-file.h"
#include "ems-document.h"
#include "ems-import-changes.h"
#include "ems-recovery.h"

typedef struct
{
  char  *dir;
  char  *path;        /* an assessment file in dir */
  GFile *file;
  char  *recovery_dir;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        {
          g_chmod (child, 0644);
          g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-document-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "plant.emsa", NULL);
  f->file = g_file_new_for_path (f->path);
  f->recovery_dir = g_build_filename (f->dir, "recovery", NULL);
  g_setenv ("EMS_RECOVERY_DIR", f->recovery_dir, TRUE);

  ems_assessment_set_name (assessment, "Plant");
  ems_assessment_set_level (assessment, "1.1", 2);
  g_assert_true (ems_assessment_save_to_file (assessment, f->file, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_object_unref (f->file);
  g_free (f->recovery_dir);
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

static EmsDocument *
load (GFile *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  EmsDocument *document;

  ems_document_load_async (file, NULL, on_result, &result);
  document = ems_document_load_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (EMS_IS_DOCUMENT (document));
  return document;
}

static gboolean
save (EmsDocument           *document,
      GFile                 *file,
      EmsDocumentSaveFlags   flags,
      GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ems_document_save_full_async (document, file, flags, NULL, on_result, &result);
  return ems_document_save_finish (document, wait_result (&result), error);
}

/* Iterates until @path exists (or not) */
static void
wait_exists (const char *path,
             gboolean    exists)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_file_test (path, G_FILE_TEST_EXISTS) != exists)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static guint
level_of (EmsAssessment *assessment,
          const char    *id)
{
  const EmsAnswer *answer = ems_assessment_get_answer (assessment, id);

  if (answer == NULL || answer->state != EMS_ANSWER_LEVEL)
    return G_MAXUINT;
  return answer->level;
}

static void
test_load_keeps_etag (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  g_autofree char *etag = ems_file_query_etag (f->file, NULL);

  g_assert_nonnull (ems_document_get_etag (document));
  g_assert_cmpstr (ems_document_get_etag (document), ==, etag);
  g_assert_false (ems_document_get_modified (document));
  g_assert_cmpstr (ems_assessment_get_name (ems_document_get_assessment (document)), ==, "Plant");
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  EmsAssessment *assessment = ems_document_get_assessment (document);

  g_assert_false (ems_document_get_can_undo (document));
  ems_assessment_set_level (assessment, "1.1", 4);
  ems_assessment_set_level (assessment, "2.1", 1);
  ems_assessment_set_name (assessment, "Plant two");
  g_assert_true (ems_document_get_can_undo (document));
  g_assert_true (ems_document_get_modified (document));

  ems_document_undo (document);
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, "Plant");
  ems_document_undo (document);
  g_assert_cmpuint (level_of (assessment, "2.1"), ==, G_MAXUINT);
  ems_document_undo (document);
  g_assert_cmpuint (level_of (assessment, "1.1"), ==, 2);
  g_assert_false (ems_document_get_can_undo (document));
  g_assert_true (ems_document_get_can_redo (document));

  ems_document_redo (document);
  g_assert_cmpuint (level_of (assessment, "1.1"), ==, 4);
  ems_document_redo (document);
  ems_document_redo (document);
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, "Plant two");
  g_assert_false (ems_document_get_can_redo (document));

  /* A new edit drops what could be redone */
  ems_document_undo (document);
  ems_assessment_set_site (assessment, "Dayton");
  g_assert_false (ems_document_get_can_redo (document));

  ems_document_set_modified (document, FALSE);
}

static void
test_saved_point (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  EmsAssessment *assessment = ems_document_get_assessment (document);
  g_autoptr(GError) error = NULL;

  /* Undo back to the state as loaded: nothing unsaved */
  ems_assessment_set_level (assessment, "3.1", 3);
  g_assert_true (ems_document_get_modified (document));
  ems_document_undo (document);
  g_assert_false (ems_document_get_modified (document));
  ems_document_redo (document);
  g_assert_true (ems_document_get_modified (document));

  /* Saved here */
  g_assert_true (save (document, NULL, EMS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (ems_document_get_modified (document));

  /* Undo past the saved point and back */
  ems_document_undo (document);
  g_assert_true (ems_document_get_modified (document));
  ems_document_redo (document);
  g_assert_false (ems_document_get_modified (document));

  /* Typing right after a save is not merged into the saved step */
  ems_assessment_set_note (assessment, "3.1", "a");
  g_assert_true (save (document, NULL, EMS_DOCUMENT_SAVE_NONE, &error));
  ems_assessment_set_note (assessment, "3.1", "ab");
  g_assert_true (ems_document_get_modified (document));
  ems_document_undo (document);
  g_assert_cmpstr (ems_assessment_get_answer (assessment, "3.1")->note, ==, "a");
  g_assert_false (ems_document_get_modified (document));

  /* Undone past the saved point, then a new edit: the saved state cannot
   * come back by redo any more */
  ems_document_undo (document);
  ems_assessment_set_level (assessment, "4.1", 1);
  g_assert_true (ems_document_get_modified (document));
  ems_document_undo (document);
  g_assert_true (ems_document_get_modified (document));

  ems_document_set_modified (document, FALSE);
}

static void
test_edit_during_save (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  EmsAssessment *assessment = ems_document_get_assessment (document);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) on_disk = NULL;

  ems_assessment_set_note (assessment, "1.1", "first");
  ems_document_save_async (document, NULL, NULL, on_result, &result);
  /* Typed while the file is written: same question, same second */
  ems_assessment_set_note (assessment, "1.1", "first and more");
  g_assert_true (ems_document_save_finish (document, wait_result (&result), &error));
  g_assert_no_error (error);

  g_assert_true (ems_document_get_modified (document));
  on_disk = ems_assessment_load_from_file (NULL, f->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ems_assessment_get_answer (on_disk, "1.1")->note, ==, "first");

  ems_document_undo (document);
  g_assert_false (ems_document_get_modified (document));
}

static EmsAction *
action_at (EmsAssessment *assessment,
           guint          position)
{
  return ems_assessment_get_action (assessment, position);
}

static void
test_action_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  EmsAssessment *assessment = ems_document_get_assessment (document);
  g_autoptr(EmsAction) first = ems_action_new ("Write the policy");
  g_autoptr(EmsAction) second = ems_action_new ("Train the staff");
  EmsAction *kept;

  ems_assessment_add_action (assessment, first);
  ems_assessment_add_action (assessment, second);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 2);
  g_assert_true (ems_document_get_modified (document));

  /* Add */
  ems_document_undo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 1);
  ems_document_redo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 2);
  g_assert_true (action_at (assessment, 1) == second);

  /* Title (typed, merged into one step), due date, status */
  ems_action_set_title (first, "Write the");
  ems_action_set_title (first, "Write the environmental policy");
  ems_action_set_due (first, "2027-03-31");
  ems_action_set_status (first, EMS_ACTION_IN_PROGRESS);

  ems_document_undo (document);
  g_assert_cmpint (ems_action_get_status (first), ==, EMS_ACTION_OPEN);
  ems_document_undo (document);
  g_assert_null (ems_action_get_due (first));
  ems_document_undo (document);
  g_assert_cmpstr (ems_action_get_title (first), ==, "Write the policy");
  ems_document_redo (document);
  g_assert_cmpstr (ems_action_get_title (first), ==, "Write the environmental policy");
  ems_document_redo (document);
  ems_document_redo (document);
  g_assert_cmpstr (ems_action_get_due (first), ==, "2027-03-31");
  g_assert_cmpint (ems_action_get_status (first), ==, EMS_ACTION_IN_PROGRESS);

  /* Description (multi-line, typed: one step) and phase */
  ems_action_set_description (first, "Draft it");
  ems_action_set_description (first, "Draft it.\nHave it signed.");
  ems_action_set_phase (first, 2);
  ems_document_undo (document);
  g_assert_cmpuint (ems_action_get_phase (first), ==, 0);
  ems_document_undo (document);
  g_assert_null (ems_action_get_description (first));
  ems_document_redo (document);
  g_assert_cmpstr (ems_action_get_description (first), ==, "Draft it.\nHave it signed.");
  ems_document_redo (document);
  g_assert_cmpuint (ems_action_get_phase (first), ==, 2);

  /* Remove: undo puts the same action back where it was */
  ems_assessment_remove_action (assessment, 0);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 1);
  ems_document_undo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 2);
  kept = action_at (assessment, 0);
  g_assert_true (kept == first);
  g_assert_cmpstr (ems_action_get_title (kept), ==, "Write the environmental policy");

  /* All the way back: the file as loaded, nothing unsaved */
  while (ems_document_get_can_undo (document))
    ems_document_undo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 0);
  g_assert_false (ems_document_get_modified (document));
}

/* Several actions added at once are one undo step */
static void
test_actions_added_together (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  EmsAssessment *assessment = ems_document_get_assessment (document);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EmsAction) single = ems_action_new ("Already there");

  ems_assessment_add_action (assessment, single);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("Drafted %u", i);

      g_ptr_array_add (actions, ems_action_new (title));
    }
  ems_assessment_add_actions (assessment, actions);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (ems_assessment_get_actions (assessment)), ==, 5);

  ems_document_undo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 1);
  g_assert_true (action_at (assessment, 0) == single);
  ems_document_redo (document);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 5);
  g_assert_true (action_at (assessment, 4) == g_ptr_array_index (actions, 3));
}

static void
on_n_autosaves (EmsDocument *document,
                GParamSpec  *pspec,
                gboolean    *done)
{
  *done = TRUE;
}

static void
test_autosave_and_discard (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  g_autoptr(GFile) recovery = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *lock_path = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) recovered = NULL;
  gboolean done = FALSE;
  int fd;

  g_signal_connect (document, "notify::n-autosaves", G_CALLBACK (on_n_autosaves), &done);
  ems_assessment_set_level (ems_document_get_assessment (document), "5.2", 4);
  ems_document_autosave_now (document);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  recovery = ems_document_get_recovery_file (document);
  data_path = g_file_get_path (recovery);
  g_assert_true (g_file_test (data_path, G_FILE_TEST_IS_REGULAR));
  recovered = ems_assessment_load_from_file (NULL, recovery, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (level_of (recovered, "5.2"), ==, 4);

  /* Its lock is held while the document is open, even against this
   * process: not an orphan. */
  {
    g_autofree char *base = g_file_get_basename (recovery);
    id = g_strndup (base, strlen (base) - strlen (".emsa"));
  }
  {
    g_autoptr(GFile) lock_file = ems_recovery_get_lock_file (id);
    lock_path = g_file_get_path (lock_file);
  }
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_IS_REGULAR));
  fd = ems_recovery_lock (id, FALSE, &error);
  g_assert_cmpint (fd, ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  orphans = ems_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Discarding removes the files, in a thread */
  ems_document_discard_recovery (document);
  wait_exists (data_path, FALSE);
  wait_exists (lock_path, FALSE);

  /* Undoing back to the saved state does too */
  done = FALSE;
  ems_document_autosave_now (document);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&recovery);
  g_free (data_path);
  recovery = ems_document_get_recovery_file (document);
  data_path = g_file_get_path (recovery);
  g_assert_true (g_file_test (data_path, G_FILE_TEST_IS_REGULAR));
  ems_document_undo (document);
  g_assert_false (ems_document_get_modified (document));
  wait_exists (data_path, FALSE);
}

/* The file as another program would change it */
static void
change_on_disk (Fixture    *f,
                const char *name)
{
  g_autoptr(EmsAssessment) other = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(GError) error = NULL;
  struct utimbuf times = { .actime = 1000000000, .modtime = 1000000000 };

  ems_assessment_set_name (other, name);
  g_assert_true (ems_assessment_save_to_file (other, f->file, NULL, &error));
  g_assert_no_error (error);
  /* A time of its own, so that the etag differs however fast this runs */
  g_assert_cmpint (utime (f->path, &times), ==, 0);
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) on_disk = NULL;

  ems_assessment_set_level (ems_document_get_assessment (document), "6.1", 1);
  change_on_disk (f, "Changed by another program");

  g_assert_false (save (document, NULL, EMS_DOCUMENT_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (ems_document_get_modified (document));
  on_disk = ems_assessment_load_from_file (NULL, f->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ems_assessment_get_name (on_disk), ==, "Changed by another program");
  g_clear_object (&on_disk);

  /* Save Anyway */
  g_assert_true (save (document, NULL, EMS_DOCUMENT_SAVE_IGNORE_CHANGES, &error));
  g_assert_no_error (error);
  g_assert_false (ems_document_get_modified (document));
  on_disk = ems_assessment_load_from_file (NULL, f->file, NULL, NULL, &error);
  g_assert_cmpstr (ems_assessment_get_name (on_disk), ==, "Plant");

  /* The etag follows our own saves: no false alarm the next time */
  {
    g_autofree char *etag = ems_file_query_etag (f->file, NULL);
    g_assert_cmpstr (ems_document_get_etag (document), ==, etag);
  }
  ems_assessment_set_level (ems_document_get_assessment (document), "6.1", 2);
  g_assert_true (save (document, NULL, EMS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
}

static void
test_read_only_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) on_disk = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  ems_assessment_set_name (ems_document_get_assessment (document), "Not written");

  g_assert_false (save (document, NULL, EMS_DOCUMENT_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "plant.emsa"));
  g_assert_true (ems_document_get_modified (document));
  /* Not even with "Save Anyway" */
  g_clear_error (&error);
  g_assert_false (save (document, NULL, EMS_DOCUMENT_SAVE_IGNORE_CHANGES, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);

  on_disk = ems_assessment_load_from_file (NULL, f->file, NULL, NULL, &error);
  g_assert_cmpstr (ems_assessment_get_name (on_disk), ==, "Plant");
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);

  ems_document_set_modified (document, FALSE);
}

/* Saving through a symbolic link replaces the file it points to, keeps the
 * link, and keeps the file's mode */
static void
test_symlink_and_mode_kept (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (f->dir, "link.emsa", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(EmsDocument) document = NULL;
  g_autoptr(EmsAssessment) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  g_assert_cmpint (symlink ("plant.emsa", link_path), ==, 0);
  document = load (link);
  ems_assessment_set_name (ems_document_get_assessment (document), "Through the link");
  g_assert_true (save (document, NULL, EMS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  on_disk = ems_assessment_load_from_file (NULL, f->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ems_assessment_get_name (on_disk), ==, "Through the link");

  /* The etag follows the file behind the link: a second save is no
   * conflict */
  ems_assessment_set_name (ems_document_get_assessment (document), "Again");
  g_assert_true (save (document, NULL, EMS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
}

static void
test_save_as_keeps_new_file (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(EmsDocument) document = load (f->file);
  g_autofree char *other_path = g_build_filename (f->dir, "copy.emsa", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;

  /* Another program changed the original: Save As elsewhere is not
   * concerned, and the document then follows the new file. */
  change_on_disk (f, "Changed by another program");
  ems_assessment_set_level (ems_document_get_assessment (document), "7.1", 3);
  g_assert_true (save (document, other, EMS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (ems_document_get_file (document), other));
  g_assert_false (ems_document_get_modified (document));
  {
    g_autofree char *etag = ems_file_query_etag (other, NULL);
    g_assert_cmpstr (ems_document_get_etag (document), ==, etag);
  }
}

/* Changes made in a group are one step, undone and redone together */
static void
test_undo_group (void)
{
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(EmsDocument) document = ems_document_new (assessment, NULL);

  ems_assessment_set_level (assessment, "1.1", 2);
  ems_document_begin_group (document);
  ems_assessment_set_level (assessment, "1.1", 4);
  ems_assessment_set_not_applicable (assessment, "2.1", "Not here");
  ems_document_begin_group (document);   /* nested: still the one group */
  ems_assessment_set_note (assessment, "3.1", "From the workbook");
  ems_document_end_group (document);
  ems_assessment_set_name (assessment, "Imported");
  ems_document_end_group (document);

  ems_document_undo (document);
  g_assert_cmpuint (ems_assessment_get_answer (assessment, "1.1")->level, ==, 2);
  g_assert_null (ems_assessment_get_answer (assessment, "2.1"));
  g_assert_null (ems_assessment_get_answer (assessment, "3.1"));
  g_assert_null (ems_assessment_get_name (assessment));
  g_assert_true (ems_document_get_can_undo (document));

  ems_document_redo (document);
  g_assert_cmpuint (ems_assessment_get_answer (assessment, "1.1")->level, ==, 4);
  g_assert_cmpint (ems_assessment_get_answer (assessment, "2.1")->state, ==, EMS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (ems_assessment_get_answer (assessment, "3.1")->note, ==, "From the workbook");
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, "Imported");
  g_assert_false (ems_document_get_can_redo (document));

  /* An edit after the group is a step of its own */
  ems_assessment_set_name (assessment, "Imported, then renamed");
  ems_document_undo (document);
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, "Imported");
  ems_document_undo (document);
  ems_document_undo (document);
  g_assert_null (ems_assessment_get_answer (assessment, "1.1"));
  g_assert_false (ems_document_get_can_undo (document));
  g_assert_false (ems_document_get_modified (document));

  /* An empty group adds nothing */
  ems_document_begin_group (document);
  ems_document_end_group (document);
  g_assert_false (ems_document_get_can_undo (document));
}

/* What a workbook changes: blanks keep what the assessment has */
static void
test_import_changes (void)
{
  g_autoptr(EmsAssessment) current = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(EmsAssessment) imported = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(EmsImportChanges) changes = NULL;

  ems_assessment_set_name (current, "Kept");
  ems_assessment_set_site (current, "Old site");
  ems_assessment_set_target_level (current, 4);
  ems_assessment_set_level (current, "1.1", 2);
  ems_assessment_set_note (current, "1.1", "Kept note");
  ems_assessment_set_level (current, "1.2", 3);

  /* The workbook: no name (blank), target 3 (a blank questionnaire's
   * default), a new site; 1.1 raised with no note; 1.2 the same; 2.1 a
   * note only; 2.2 N/A */
  ems_assessment_set_site (imported, "New site");
  ems_assessment_set_level (imported, "1.1", 3);
  ems_assessment_set_level (imported, "1.2", 3);
  ems_assessment_set_note (imported, "2.1", "Typed");
  ems_assessment_set_not_applicable (imported, "2.2", "No such thing");

  changes = ems_import_changes_new (current, imported);
  g_assert_cmpuint (changes->n_profile, ==, 1);
  g_assert_cmpuint (changes->n_answers, ==, 2);   /* 1.1, 2.2 */
  g_assert_cmpuint (changes->n_notes, ==, 2);     /* 2.1's note, 2.2's reason */
  g_assert_cmpuint (changes->changes->len, ==, 4);

  ems_import_changes_apply (changes, current);
  g_assert_cmpstr (ems_assessment_get_name (current), ==, "Kept");
  g_assert_cmpstr (ems_assessment_get_site (current), ==, "New site");
  g_assert_cmpuint (ems_assessment_get_target_level (current), ==, 4);
  g_assert_cmpuint (ems_assessment_get_answer (current, "1.1")->level, ==, 3);
  g_assert_cmpstr (ems_assessment_get_answer (current, "1.1")->note, ==, "Kept note");
  g_assert_cmpstr (ems_assessment_get_answer (current, "2.1")->note, ==, "Typed");
  g_assert_cmpint (ems_assessment_get_answer (current, "2.1")->state, ==, EMS_ANSWER_UNANSWERED);
  g_assert_cmpint (ems_assessment_get_answer (current, "2.2")->state, ==, EMS_ANSWER_NOT_APPLICABLE);

  /* Once applied, nothing is left to change */
  g_clear_pointer (&changes, ems_import_changes_free);
  changes = ems_import_changes_new (current, imported);
  g_assert_true (ems_import_changes_is_empty (changes));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("EMS_AUTOSAVE_INTERVAL", "30000", TRUE);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/document/load-keeps-etag", test_load_keeps_etag);
  ADD ("/document/undo-redo", test_undo_redo);
  ADD ("/document/saved-point", test_saved_point);
  ADD ("/document/edit-during-save", test_edit_during_save);
  ADD ("/document/action-undo", test_action_undo);
  ADD ("/document/actions-added-together", test_actions_added_together);
  ADD ("/document/autosave-and-discard", test_autosave_and_discard);
  ADD ("/document/changed-on-disk", test_changed_on_disk);
  ADD ("/document/read-only-refused", test_read_only_refused);
  ADD ("/document/symlink-and-mode-kept", test_symlink_and_mode_kept);
  ADD ("/document/save-as-keeps-new-file", test_save_as_keeps_new_file);
  g_test_add_func ("/document/undo-group", test_undo_group);
  g_test_add_func ("/document/import-changes", test_import_changes);

  return g_test_run ();
}
