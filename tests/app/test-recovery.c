/* test-recovery.c: autosave and recovery after the process is killed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-recovery"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ems-recovery.h"
#include "ems-window-export.h"
#include "ems-test-utils.h"

static EmsApplication *app;
static char *self_path;

static gboolean
autosaved_after (gpointer user_data)
{
  EmsDocument *document = user_data;

  return ems_document_get_n_autosaves (document) > 0;
}

/* In the child: edit, wait for the autosave, then die like kill -9 */
static void
child_edit_and_die (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("EMS_TEST_FILE"));
  EmsWindow *window = ems_test_open_window (app, file);
  EmsAssessment *assessment = ems_document_get_assessment (ems_window_get_document (window));
  EmsDocument *document = ems_window_get_document (window);

  ems_assessment_set_level (assessment, "1.1", 0);
  ems_assessment_set_not_applicable (assessment, "2.3", "Child reason");
  ems_assessment_set_note (assessment, "4.1", "typed before the crash");
  ems_assessment_set_name (assessment, "Renamed before the crash");

  ems_test_wait_until (autosaved_after, document, 30, "the autosave");
  raise (SIGKILL);
  g_assert_not_reached ();
}

static char *
prepare (void)
{
  g_autoptr(GFile) file = ems_test_copy_example (0);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) recovery = g_file_get_child (dir, "recovery");
  g_autofree char *recovery_path = g_file_get_path (recovery);
  char *path = g_file_get_path (file);

  g_setenv ("EMS_TEST_FILE", path, TRUE);
  g_setenv ("EMS_RECOVERY_DIR", recovery_path, TRUE);

  return path;
}

static void
run_killed_child (void)
{
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  /* Killed: neither passed nor exited cleanly */
  g_test_trap_assert_failed ();
}

static gboolean
file_gone (gpointer user_data)
{
  return !g_file_query_exists (G_FILE (user_data), NULL);
}

static gboolean
has_restored_document (gpointer user_data)
{
  EmsWindow *window = user_data;

  return ems_window_get_document (window) != NULL;
}

static void
test_restore (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(EmsAssessment) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  EmsRecoveryItem *item;
  g_autoptr(GFile) recovery = NULL;
  EmsWindow *window;
  EmsAssessment *assessment;
  AdwMessageDialog *dialog;
  const EmsAnswer *answer;

  if (g_test_subprocess ())
    {
      child_edit_and_die ();
      return;
    }

  path = prepare ();
  file = g_file_new_for_path (path);
  run_killed_child ();

  /* The child left a recovery file naming the original */
  orphans = ems_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  item = g_ptr_array_index (orphans, 0);
  g_assert_nonnull (item->original);
  g_assert_true (g_file_equal (item->original, file));
  recovery = g_object_ref (item->data_file);
  /* The listed items hold the locks: let go, as the dialog would */
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* The file itself was never touched */
  on_disk = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ems_assessment_get_name (on_disk), !=, "Renamed before the crash");

  window = ems_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  ems_application_check_recovery (app, GTK_WINDOW (window));
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, ".emsa"));
  ems_test_respond (dialog, "restore");
  ems_test_wait_until (has_restored_document, window, 30, "the restored document");

  assessment = ems_document_get_assessment (ems_window_get_document (window));
  g_assert_true (ems_document_get_modified (ems_window_get_document (window)));
  g_assert_true (g_file_equal (ems_document_get_file (ems_window_get_document (window)), file));
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, "Renamed before the crash");
  answer = ems_assessment_get_answer (assessment, "1.1");
  g_assert_cmpint (answer->state, ==, EMS_ANSWER_LEVEL);
  g_assert_cmpuint (answer->level, ==, 0);
  answer = ems_assessment_get_answer (assessment, "2.3");
  g_assert_cmpint (answer->state, ==, EMS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (answer->reason, ==, "Child reason");
  g_assert_cmpstr (ems_assessment_get_answer (assessment, "4.1")->note, ==, "typed before the crash");

  /* Saving removes the recovery file */
  ems_window_save_to (window, NULL);
  while (ems_document_get_modified (ems_window_get_document (window)) ||
         ems_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  ems_test_wait_until (file_gone, recovery, 30, "the recovery file's removal");

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_decline (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GFile) data_file = NULL;
  EmsWindow *window;
  AdwMessageDialog *dialog;

  if (g_test_subprocess ())
    {
      child_edit_and_die ();
      return;
    }

  path = prepare ();
  run_killed_child ();

  orphans = ems_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  data_file = g_object_ref (((EmsRecoveryItem *) g_ptr_array_index (orphans, 0))->data_file);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  window = ems_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  ems_application_check_recovery (app, GTK_WINDOW (window));

  /* Discard, then change one's mind: nothing is deleted */
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  ems_test_respond (dialog, "discard");
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  ems_test_respond (dialog, "cancel");
  g_assert_true (g_file_query_exists (data_file, NULL));

  /* Asked again; this time discard and confirm */
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  ems_test_respond (dialog, "discard");
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  ems_test_respond (dialog, "discard");

  /* Removed in a thread */
  ems_test_wait_until (file_gone, data_file, 30, "the recovery file's removal");
  orphans = ems_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_null (ems_window_get_document (window));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_untitled_autosave (void)
{
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(EmsDocument) document = ems_document_new (assessment, NULL);
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *path = prepare ();

  ems_assessment_set_level (assessment, "3.3", 2);
  g_assert_true (ems_document_get_modified (document));
  ems_test_wait_until (autosaved_after, document, 30, "the autosave");

  recovery = ems_document_get_recovery_file (document);
  g_assert_true (g_file_query_exists (recovery, NULL));
  /* Our own process is alive: not an orphan */
  orphans = ems_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  ems_document_discard_recovery (document);
  ems_test_wait_until (file_gone, recovery, 30, "the recovery file's removal");
  ems_document_set_modified (document, FALSE);
}

/* A recovery as a process that died would leave it: data, info and an
 * unlocked lock file (none at all with @lock FALSE: an older version).
 * The info names a process id that is alive, ours, as after PID reuse or
 * in another PID namespace: it must not matter. */
static char *
make_recovery (const char *name,
               gboolean    lock)
{
  g_autoptr(GFile) example = ems_test_get_example (0);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GFile) data_file = ems_recovery_get_data_file (id);
  g_autoptr(GFile) info_file = ems_recovery_get_info_file (id);
  g_autoptr(GFile) lock_file = ems_recovery_get_lock_file (id);
  g_autoptr(GFile) dir = ems_recovery_get_dir ();
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (dir, NULL, NULL);
  g_assert_true (g_file_copy (example, data_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  info = g_strdup_printf ("[Recovery]\nPid=%d\nTime=1700000000\nName=%s\n", (int) getpid (), name);
  g_assert_true (g_file_replace_contents (info_file, info, strlen (info), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  if (lock)
    g_assert_true (g_file_replace_contents (lock_file, "", 0, NULL, FALSE,
                                            G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&id);
}

static void
test_stale_lock_offered (void)
{
  g_autofree char *path = prepare ();
  g_autofree char *with_lock = make_recovery ("Stale lock", TRUE);
  g_autofree char *without_lock = make_recovery ("No lock", FALSE);
  g_autoptr(GPtrArray) orphans = ems_recovery_list_orphans ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (orphans->len, ==, 2);
  for (guint i = 0; i < orphans->len; i++)
    {
      EmsRecoveryItem *item = g_ptr_array_index (orphans, i);

      g_assert_true (g_str_equal (item->id, with_lock) || g_str_equal (item->id, without_lock));
      /* Offered items hold the lock: another window cannot offer them too */
      g_assert_cmpint (item->lock_fd, >=, 0);
      g_assert_cmpint (ems_recovery_lock (item->id, FALSE, &error), ==, -1);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
      g_clear_error (&error);
      ems_recovery_item_delete (item);
    }
}

/* The child: takes the lock of the recovery named in EMS_TEST_HOLD_LOCK,
 * says so, and holds it until its standard input closes. */
static int
hold_lock (const char *id)
{
  g_autoptr(GError) error = NULL;
  char buffer[16];
  int fd = ems_recovery_lock (id, FALSE, &error);

  if (fd < 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("locked\n");
  fflush (stdout);
  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    ;
  return 0;
}

static void
test_held_lock_not_offered (void)
{
  g_autofree char *path = prepare ();
  g_autofree char *id = make_recovery ("Held by another process", TRUE);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "EMS_TEST_HOLD_LOCK", id, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "locked");

  /* Another process holds it: alive, whatever its process id */
  orphans = ems_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* The process ends: the kernel drops the lock, the recovery is offered */
  g_output_stream_close (g_subprocess_get_stdin_pipe (child), NULL, NULL);
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);
  orphans = ems_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((EmsRecoveryItem *) g_ptr_array_index (orphans, 0))->name, ==,
                   "Held by another process");
  ems_recovery_item_delete (g_ptr_array_index (orphans, 0));
}

static gboolean
toast_shown (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static void
on_autosave_failed (EmsDocument  *document,
                    const GError *error,
                    gboolean     *failed)
{
  g_assert_nonnull (error);
  *failed = TRUE;
}

/* A recovery copy that cannot be written is said, not only logged */
static void
test_autosave_failure_shown (void)
{
  g_autofree char *path = prepare ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) blocker = g_file_get_child (dir, "not-a-folder");
  g_autofree char *blocker_path = g_file_get_path (blocker);
  g_autofree char *recovery_path = g_build_filename (blocker_path, "recovery", NULL);
  EmsWindow *window;
  EmsDocument *document;
  gboolean failed = FALSE;

  /* A file where the recovery folder's parent should be: no one, root
   * included, can create the folder. */
  g_assert_true (g_file_set_contents (blocker_path, "x", 1, NULL));
  g_setenv ("EMS_RECOVERY_DIR", recovery_path, TRUE);

  window = ems_test_open_window (app, file);
  document = ems_window_get_document (window);
  g_signal_connect (document, "autosave-failed", G_CALLBACK (on_autosave_failed), &failed);

  ems_assessment_set_level (ems_document_get_assessment (document), "1.1", 0);
  ems_test_wait_until (toast_shown, &failed, 30, "the failed autosave");
  g_assert_nonnull (g_object_get_data (G_OBJECT (document), "ems-autosave-warned"));

  ems_document_set_modified (document, FALSE);
  ems_test_destroy_window (GTK_WINDOW (window));
}

/* Another program rewrites @file, with a modification time of its own so
 * that the change shows however fast the test runs */
static void
change_on_disk (GFile      *file,
                const char *name)
{
  g_autoptr(EmsAssessment) other = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(GError) error = NULL;

  ems_assessment_set_name (other, name);
  g_assert_true (ems_assessment_save_to_file (other, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
window_idle (gpointer user_data)
{
  return !ems_window_is_busy (EMS_WINDOW (user_data));
}

static char *
name_on_disk (GFile *file)
{
  g_autoptr(EmsAssessment) on_disk = NULL;
  g_autoptr(GError) error = NULL;

  on_disk = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (ems_assessment_get_name (on_disk));
}

static void
test_changed_on_disk (void)
{
  g_autofree char *path = prepare ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  EmsWindow *window = ems_test_open_window (app, file);
  EmsDocument *document = ems_window_get_document (window);
  AdwMessageDialog *dialog;

  /* Save Anyway: our changes replace the other program's */
  ems_assessment_set_name (ems_document_get_assessment (document), "Ours");
  change_on_disk (file, "Theirs");
  ems_window_save_to (window, NULL);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, "Changed on Disk"));
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  /* Nothing written while the question is open */
  name = name_on_disk (file);
  g_assert_cmpstr (name, ==, "Theirs");
  g_clear_pointer (&name, g_free);
  ems_test_respond (dialog, "save-anyway");
  ems_test_wait_until (window_idle, window, 30, "the save");
  g_assert_false (ems_document_get_modified (document));
  name = name_on_disk (file);
  g_assert_cmpstr (name, ==, "Ours");
  g_clear_pointer (&name, g_free);

  /* Reload: the other program's version replaces ours */
  ems_assessment_set_name (ems_document_get_assessment (document), "Ours again");
  change_on_disk (file, "Theirs again");
  ems_window_save_to (window, NULL);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  ems_test_respond (dialog, "reload");
  ems_test_wait_until (window_idle, window, 30, "the reload");
  g_assert_true (ems_window_get_document (window) != document);
  document = ems_window_get_document (window);
  g_assert_cmpstr (ems_assessment_get_name (ems_document_get_assessment (document)), ==, "Theirs again");
  g_assert_false (ems_document_get_modified (document));
  name = name_on_disk (file);
  g_assert_cmpstr (name, ==, "Theirs again");
  g_clear_pointer (&name, g_free);

  /* And the reloaded document saves without a false alarm */
  ems_assessment_set_name (ems_document_get_assessment (document), "Edited after reload");
  ems_window_save_to (window, NULL);
  ems_test_wait_until (window_idle, window, 30, "the save");
  g_assert_false (ems_document_get_modified (document));
  name = name_on_disk (file);
  g_assert_cmpstr (name, ==, "Edited after reload");

  ems_test_destroy_window (GTK_WINDOW (window));
}

static void
test_read_only_refused (void)
{
  g_autofree char *path = prepare ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsDocument *document = ems_window_get_document (window);
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  ems_assessment_set_name (ems_document_get_assessment (document), "Not written");
  ems_window_save_to (window, NULL);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, "read-only"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  ems_test_respond (dialog, "cancel");
  g_assert_true (ems_document_get_modified (document));

  g_chmod (path, 0644);
  ems_document_set_modified (document, FALSE);
  ems_test_destroy_window (GTK_WINDOW (window));
}

static GtkWidget *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) widget = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (widget) && gtk_widget_get_visible (widget))
        return widget;
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer user_data)
{
  return find_chooser () != NULL;
}

/* Save As, typing @name in @dir and accepting, as a user would */
static void
save_as_typed (EmsWindow  *window,
               GFile      *dir,
               const char *name)
{
  GtkWidget *chooser;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  ems_test_wait_until (chooser_shown, NULL, 30, "the file chooser");
  chooser = find_chooser ();
  /* The suggested name has the extension, so the chooser's own overwrite
   * check covers it */
  {
    g_autofree char *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_assert_true (g_str_has_suffix (suggested, ".emsa"));
  }
  ems_test_wait_drawn (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL));
  ems_test_flush ();
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  ems_test_flush ();
  /* The chooser returns the name as typed */
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autofree char *basename = chosen ? g_file_get_basename (chosen) : NULL;
    g_assert_cmpstr (basename, ==, name);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

/* The window's Undo (win.undo) back to the saved state clears the unsaved
 * mark, Redo sets it again; action edits are in the same history. */
static void
test_undo_to_saved (void)
{
  g_autofree char *path = prepare ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EmsWindow *window = ems_test_open_window (app, file);
  EmsDocument *document = ems_window_get_document (window);
  EmsAssessment *assessment = ems_document_get_assessment (document);
  g_autoptr(EmsAction) action = ems_action_new ("Fix the leaking drum store");
  guint n_actions = ems_assessment_get_n_actions (assessment);

  ems_assessment_set_level (assessment, "1.1", 4);
  ems_window_save_to (window, NULL);
  ems_test_wait_until (window_idle, window, 30, "the save");
  g_assert_false (ems_document_get_modified (document));

  ems_assessment_add_action (assessment, action);
  ems_action_set_status (action, EMS_ACTION_DONE);
  g_assert_true (ems_document_get_modified (document));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (ems_action_get_status (action), ==, EMS_ACTION_OPEN);
  g_assert_true (ems_document_get_modified (document));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, n_actions);
  g_assert_false (ems_document_get_modified (document));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, n_actions + 1);
  g_assert_true (ems_document_get_modified (document));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static EmsDocument *save_as_document;

static gboolean
document_saved_as (gpointer user_data)
{
  GFile *file = ems_document_get_file (save_as_document);

  return file != NULL && g_file_equal (file, G_FILE (user_data)) &&
         !ems_document_get_modified (save_as_document);
}

static void
test_save_as_extension (void)
{
  g_autofree char *path = prepare ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) existing = g_file_get_child (dir, "Plant.emsa");
  g_autoptr(GFile) bare = g_file_get_child (dir, "Plant");
  g_autoptr(GFile) fresh = g_file_get_child (dir, "Fresh.emsa");
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  EmsWindow *window = ems_test_open_window (app, file);
  EmsDocument *document = ems_window_get_document (window);
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_replace_contents (existing, "not ours", 8, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  ems_assessment_set_name (ems_document_get_assessment (document), "Saved as");

  /* "Plant" typed, "Plant.emsa" exists: asked, and Cancel writes nothing */
  save_as_typed (window, dir, "Plant");
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, "Plant.emsa"));
  ems_test_respond (dialog, "cancel");
  ems_test_wait_until (window_idle, window, 30, "the window");
  g_assert_true (g_file_load_contents (existing, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not ours");
  g_clear_pointer (&contents, g_free);
  g_assert_false (g_file_query_exists (bare, NULL));
  g_assert_true (g_file_equal (ems_document_get_file (document), file));
  g_assert_true (ems_document_get_modified (document));

  /* Replace confirmed: that name is written, and the document follows it */
  save_as_typed (window, dir, "Plant");
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  ems_test_respond (dialog, "replace");
  ems_test_wait_until (window_idle, window, 30, "the save");
  g_assert_true (g_file_equal (ems_document_get_file (document), existing));
  g_assert_false (ems_document_get_modified (document));
  name = name_on_disk (existing);
  g_assert_cmpstr (name, ==, "Saved as");
  g_assert_false (g_file_query_exists (bare, NULL));

  /* A new name without the extension: nothing to replace, no question */
  save_as_document = document;
  ems_assessment_set_name (ems_document_get_assessment (document), "Fresh one");
  save_as_typed (window, dir, "Fresh");
  ems_test_wait_until (document_saved_as, fresh, 30, "the save as Fresh.emsa");
  ems_test_wait_until (window_idle, window, 30, "the save");
  g_assert_true (g_file_query_exists (fresh, NULL));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
export_finished (gpointer user_data)
{
  EmsWindow *window = user_data;

  return ems_window_export_get_n_finished (window) > GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "test-before"));
}

/* Export Workbook, typing @name in @dir and accepting */
static void
export_typed (EmsWindow  *window,
              GFile      *dir,
              const char *name)
{
  GtkWidget *chooser;

  g_object_set_data (G_OBJECT (window), "test-before",
                     GUINT_TO_POINTER (ems_window_export_get_n_finished (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-workbook", NULL);
  ems_test_wait_until (chooser_shown, NULL, 30, "the file chooser");
  chooser = find_chooser ();
  ems_test_wait_drawn (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL));
  ems_test_flush ();
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  ems_test_flush ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

/* An export named without its extension never replaces the file with the
 * extension added unless the user confirms it: the chooser only checked the
 * name as typed. */
static void
test_export_extension (void)
{
  g_autofree char *path = prepare ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) existing = g_file_get_child (dir, "Sheet.xlsx");
  g_autoptr(GFile) bare = g_file_get_child (dir, "Sheet");
  g_autofree char *contents = NULL;
  gsize length = 0;
  EmsWindow *window = ems_test_open_window (app, file);
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_replace_contents (existing, "not ours", 8, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Cancel: nothing written under either name */
  export_typed (window, dir, "Sheet");
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, "Sheet.xlsx"));
  ems_test_respond (dialog, "cancel");
  ems_test_flush ();
  g_assert_true (g_file_load_contents (existing, NULL, &contents, &length, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not ours");
  g_clear_pointer (&contents, g_free);
  g_assert_false (g_file_query_exists (bare, NULL));
  g_assert_cmpuint (ems_window_export_get_n_finished (window), ==,
                    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "test-before")));

  /* Replace: the workbook is written under the confirmed name */
  export_typed (window, dir, "Sheet");
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  ems_test_respond (dialog, "replace");
  ems_test_wait_until (export_finished, window, 30, "the export");
  g_assert_true (g_file_load_contents (existing, NULL, &contents, &length, NULL, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "PK", 2) == 0);
  g_assert_false (g_file_query_exists (bare, NULL));

  ems_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("EMS_TEST_HOLD_LOCK") != NULL)
    return hold_lock (g_getenv ("EMS_TEST_HOLD_LOCK"));

  self_path = g_canonicalize_filename (argv[0], NULL);
  app = ems_test_init (&argc, &argv);

  g_test_add_func ("/app/recovery/restore-after-kill", test_restore);
  g_test_add_func ("/app/recovery/decline-after-kill", test_decline);
  g_test_add_func ("/app/recovery/untitled-autosave", test_untitled_autosave);
  g_test_add_func ("/app/recovery/autosave-failure-shown", test_autosave_failure_shown);
  g_test_add_func ("/app/recovery/stale-lock-offered", test_stale_lock_offered);
  g_test_add_func ("/app/recovery/held-lock-not-offered", test_held_lock_not_offered);
  g_test_add_func ("/app/save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/app/save/read-only-refused", test_read_only_refused);
  g_test_add_func ("/app/save/save-as-extension", test_save_as_extension);
  g_test_add_func ("/app/save/undo-to-saved", test_undo_to_saved);
  g_test_add_func ("/app/save/export-extension", test_export_extension);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
