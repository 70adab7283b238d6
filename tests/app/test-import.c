/* test-import.c: the window and our workbooks: a questionnaire opened as a
 * new assessment, answers imported into an open one (the changes shown,
 * applied, one undo), a damaged workbook refused with nothing lost, and
 * the questionnaire exported from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes screenshots of the import dialog (import-dialog-*.png) and of
 * the problems dialog (import-problems.png) in tests/screenshots/ of the
 * build directory.
 */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "ems-import-dialog.h"
#include "ems-test-utils.h"
#include "ems-window-export.h"
#include "ems-xlsx-questionnaire.h"

/* libgsf 1.14 declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

static EmsApplication *app;
static char *output_dir;

static char *
tmp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ems-import-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static EmsAssessment *
load_example (guint index)
{
  g_autoptr(GFile) file = ems_test_get_example (index);
  g_autoptr(GError) error = NULL;
  EmsAssessment *assessment;

  assessment = ems_assessment_load_from_file (ems_checklist_get_default (), file, NULL, NULL, &error);
  g_assert_no_error (error);
  return assessment;
}

static GFile *
write_questionnaire (EmsAssessment *assessment,
                     const char    *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (ems_xlsx_export_questionnaire (ems_checklist_get_default (), assessment,
                                                NULL, path, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static char *
serialized (EmsAssessment *assessment)
{
  g_autoptr(GBytes) bytes = ems_assessment_serialize (assessment);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_same_answers (EmsAssessment *a,
                     EmsAssessment *b)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  guint n = ems_checklist_get_n_questions (checklist);
  guint n_answered = 0;

  for (guint i = 0; i < n; i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);
      const EmsAnswer *x = ems_assessment_get_answer (a, question->id);
      const EmsAnswer *y = ems_assessment_get_answer (b, question->id);
      EmsAnswerState sx = x ? x->state : EMS_ANSWER_UNANSWERED;
      EmsAnswerState sy = y ? y->state : EMS_ANSWER_UNANSWERED;

      g_assert_cmpint (sx, ==, sy);
      if (sx == EMS_ANSWER_LEVEL)
        {
          g_assert_cmpuint (x->level, ==, y->level);
          n_answered++;
        }
      if (x != NULL && y != NULL)
        g_assert_cmpstr (x->note, ==, y->note);
    }
  g_assert_cmpuint (n_answered, >, 0);
}

static gboolean
window_has_document (gpointer user_data)
{
  return ems_window_get_document (user_data) != NULL;
}

static gboolean
wait_for_document (EmsWindow *window)
{
  ems_test_wait_until (window_has_document, window, 30, "the workbook to open");
  return TRUE;
}

/* Open… on a questionnaire: a new untitled assessment with its answers */
static void
test_open_questionnaire (void)
{
  g_autoptr(EmsAssessment) example = load_example (0);
  g_autoptr(GFile) xlsx = write_questionnaire (example, "Returned.xlsx");
  EmsWindow *window = ems_window_new (GTK_APPLICATION (app));
  EmsDocument *document;
  EmsAssessment *assessment;

  gtk_window_present (GTK_WINDOW (window));
  ems_window_open_file (window, xlsx);
  g_assert_true (wait_for_document (window));
  document = ems_window_get_document (window);
  g_assert_nonnull (document);

  /* Untitled, unsaved, and it says where it came from */
  g_assert_true (ems_document_is_untitled (document));
  g_assert_null (ems_document_get_file (document));
  g_assert_true (ems_document_get_modified (document));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (document), "ems-window-imported-from"), ==,
                   "Returned.xlsx");
  g_assert_false (ems_window_is_reusable (window));

  assessment = ems_document_get_assessment (document);
  assert_same_answers (example, assessment);
  g_assert_cmpstr (ems_assessment_get_name (assessment), ==, ems_assessment_get_name (example));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static EmsImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (EMS_IS_IMPORT_DIALOG (item) && gtk_widget_get_mapped (GTK_WIDGET (item)))
        return EMS_IMPORT_DIALOG (item);
    }
  return NULL;
}

static gboolean
import_dialog_shown (gpointer user_data)
{
  return find_import_dialog () != NULL;
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (output_dir, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* Import into an open assessment: the changes listed and counted, applied,
 * and one undo restores everything */
static void
test_import_into_open (void)
{
  g_autoptr(GFile) copy = ems_test_copy_example (0);
  g_autoptr(EmsAssessment) edited = load_example (0);
  g_autoptr(GFile) xlsx = NULL;
  EmsWindow *window = ems_test_open_window (app, copy);
  EmsDocument *document = ems_window_get_document (window);
  EmsAssessment *assessment = ems_document_get_assessment (document);
  g_autofree char *before = serialized (assessment);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  EmsImportDialog *dialog;
  EmsImportChanges *changes;
  const EmsAnswer *answer;
  guint old_1_1;

  /* The owner changed three levels, one note and the site */
  answer = ems_assessment_get_answer (edited, "1.1");
  old_1_1 = answer && answer->state == EMS_ANSWER_LEVEL ? answer->level : 0;
  ems_assessment_set_level (edited, "1.1", old_1_1 == 4 ? 0 : 4);
  ems_assessment_set_level (edited, "2.1", 0);
  ems_assessment_set_not_applicable (edited, "3.2", "No such process here");
  ems_assessment_set_note (edited, "5.1", "Typed in the spreadsheet");
  ems_assessment_set_site (edited, "The new warehouse");
  {
    g_autoptr(EmsImportChanges) expected = ems_import_changes_new (assessment, edited);

    xlsx = write_questionnaire (edited, "Returned.xlsx");
    ems_window_import_answers (window, xlsx);
    ems_test_wait_until (import_dialog_shown, NULL, 30, "the import dialog");
    dialog = find_import_dialog ();
    changes = ems_import_dialog_get_changes (dialog);

    /* What the workbook changes, as the core computes it from the assessment itself */
    g_assert_cmpuint (changes->n_answers, ==, expected->n_answers);
    g_assert_cmpuint (changes->n_notes, ==, expected->n_notes);
    g_assert_cmpuint (changes->n_profile, ==, expected->n_profile);
  }
  /* Levels of 1.1 and 2.1 unless 2.1 was 0 already, and 3.2 to N/A (with its reason) */
  g_assert_cmpuint (changes->n_answers, >=, 2);
  g_assert_cmpuint (changes->n_answers, <=, 3);
  g_assert_cmpuint (changes->n_notes, >=, 1);
  g_assert_cmpuint (changes->n_profile, ==, 1);
  g_assert_cmpuint (ems_import_dialog_get_n_rows (dialog), ==, changes->changes->len);
  g_assert_nonnull (strstr (ems_import_dialog_get_summary (dialog), "1 profile field"));
  g_test_message ("summary: %s", ems_import_dialog_get_summary (dialog));

  /* Nothing changed before Apply */
  after = serialized (assessment);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  ems_test_wait_drawn (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "import-dialog-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ems_test_flush ();
  save_screenshot (GTK_WIDGET (dialog), "import-dialog-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  ems_import_dialog_apply (dialog);
  ems_test_flush ();
  g_assert_null (find_import_dialog ());

  answer = ems_assessment_get_answer (assessment, "1.1");
  g_assert_cmpint (answer->state, ==, EMS_ANSWER_LEVEL);
  g_assert_cmpuint (answer->level, ==, old_1_1 == 4 ? 0 : 4);
  answer = ems_assessment_get_answer (assessment, "3.2");
  g_assert_cmpint (answer->state, ==, EMS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (ems_assessment_get_answer (assessment, "5.1")->note, ==, "Typed in the spreadsheet");
  g_assert_cmpstr (ems_assessment_get_site (assessment), ==, "The new warehouse");
  g_assert_true (ems_document_get_modified (document));

  /* One step back restores everything, and the file's state */
  ems_document_undo (document);
  undone = serialized (assessment);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (ems_document_get_modified (document));
  g_assert_false (ems_document_get_can_undo (document));

  /* And one step forward makes it all again */
  ems_document_redo (document);
  g_assert_cmpstr (ems_assessment_get_site (assessment), ==, "The new warehouse");
  g_assert_cmpint (ems_assessment_get_answer (assessment, "3.2")->state, ==, EMS_ANSWER_NOT_APPLICABLE);
  ems_document_undo (document);

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* A damaged workbook: a clear error, and the open assessment untouched */
static void
test_damaged_workbook (void)
{
  g_autoptr(GFile) copy = ems_test_copy_example (0);
  g_autoptr(EmsAssessment) example = load_example (0);
  g_autoptr(GFile) good = write_questionnaire (example, "Good.xlsx");
  g_autofree char *bad_path = tmp_path ("Damaged.xlsx");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  EmsWindow *window = ems_test_open_window (app, copy);
  EmsDocument *document = ems_window_get_document (window);
  g_autofree char *before = serialized (ems_document_get_assessment (document));
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  /* The first half of a questionnaire, as an interrupted download leaves it */
  g_assert_true (g_file_load_contents (good, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (bad_path, contents, length / 2, &error));
  g_assert_no_error (error);

  ems_window_import_answers (window, bad);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, "Damaged.xlsx"));
  g_test_message ("error: %s", adw_message_dialog_get_body (dialog));
  g_assert_cmpuint (strlen (adw_message_dialog_get_body (dialog)), >, 10);
  g_assert_null (find_import_dialog ());
  ems_test_respond (dialog, "close");

  g_assert_true (ems_window_get_document (window) == document);
  after = serialized (ems_document_get_assessment (document));
  g_assert_cmpstr (after, ==, before);
  g_assert_false (ems_document_get_modified (document));
  g_assert_false (ems_document_get_can_undo (document));

  /* A text file named .xlsx, opened as new: refused, the window kept */
  g_assert_true (g_file_set_contents (bad_path, "organisation,site\nA,B\n", -1, &error));
  g_assert_no_error (error);
  ems_window_open_file (window, bad);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, "Damaged.xlsx"));
  ems_test_respond (dialog, "close");
  g_assert_true (ems_window_get_document (window) == document);

  ems_test_destroy_window (GTK_WINDOW (window));
}

/* @in with @old replaced by @new in its shared strings, as a spreadsheet
 * program saving what someone typed would leave it */
static GFile *
rewrite_shared_strings (GFile      *in,
                        const char *old,
                        const char *new,
                        const char *name)
{
  g_autofree char *in_path = g_file_get_path (in);
  g_autofree char *out_path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (in_path, &error);
  g_autoptr(GsfInfile) infile = NULL;
  g_autoptr(GsfOutput) output = NULL;
  g_autoptr(GsfOutfile) outfile = NULL;
  const char *dirs[] = { "", "_rels", "xl", "xl/_rels", "xl/worksheets", "xl/theme", "docProps", NULL };
  guint replaced = 0;

  g_assert_no_error (error);
  infile = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  output = gsf_output_stdio_new (out_path, &error);
  g_assert_no_error (error);
  outfile = gsf_outfile_zip_new (output, &error);
  g_assert_no_error (error);

  /* Our workbooks are two levels deep at most: copy each member */
  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autoptr(GsfInfile) dir = NULL;
      g_autoptr(GsfOutfile) out_dir = NULL;
      g_auto(GStrv) parts = g_strsplit (dirs[d], "/", -1);

      if (*dirs[d] == '\0')
        dir = g_object_ref (infile);
      else
        dir = GSF_INFILE (gsf_infile_child_by_aname (infile, (const char **) parts));
      if (dir == NULL)
        continue;
      for (int i = 0; i < gsf_infile_num_children (dir); i++)
        {
          g_autoptr(GsfInput) child = gsf_infile_child_by_index (dir, i);
          g_autofree char *member = NULL;
          g_autoptr(GsfOutput) out = NULL;
          GString *data;
          gsize size;

          if (gsf_infile_num_children (GSF_INFILE (child)) >= 0)
            continue;   /* a folder */
          member = *dirs[d] ? g_strconcat (dirs[d], "/", gsf_input_name (child), NULL)
                            : g_strdup (gsf_input_name (child));
          size = gsf_input_size (child);
          data = g_string_new_len ((const char *) gsf_input_read (child, size, NULL), size);
          if (g_str_equal (member, "xl/sharedStrings.xml"))
            replaced = g_string_replace (data, old, new, 0);
          out = gsf_outfile_new_child_full (outfile, member, FALSE,
                                            "compression-level", GSF_ZIP_DEFLATED, NULL);
          g_assert_true (gsf_output_write (out, data->len, (const guint8 *) data->str));
          g_assert_true (gsf_output_close (out));
          g_string_free (data, TRUE);
        }
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (outfile)));
  g_assert_cmpuint (replaced, ==, 1);

  return g_file_new_for_path (out_path);
}

/* A cell that cannot be read: named and explained, the rest imported */
static void
test_workbook_with_problems (void)
{
  g_autoptr(EmsAssessment) example = load_example (0);
  g_autoptr(GFile) good = write_questionnaire (example, "Good.xlsx");
  g_autoptr(GFile) bad = rewrite_shared_strings (good, "<t>CA</t>", "<t>Canada</t>",
                                                 "Problems.xlsx");
  EmsWindow *window = ems_window_new (GTK_APPLICATION (app));
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  const char *list;

  gtk_window_present (GTK_WINDOW (window));
  ems_window_open_file (window, bad);
  dialog = ems_test_wait_dialog (GTK_WINDOW (window));
  g_assert_true (ems_test_dialog_mentions (dialog, "Problems.xlsx"));
  g_assert_true (ems_test_dialog_mentions (dialog, "1 cell"));
  extra = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (extra))
    extra = gtk_viewport_get_child (GTK_VIEWPORT (extra));
  list = gtk_label_get_text (GTK_LABEL (extra));
  g_test_message ("problems: %s", list);
  g_assert_true (g_str_has_prefix (list, "Profile!C"));
  g_assert_nonnull (strstr (list, "Canada"));
  ems_test_wait_drawn (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "import-problems.png");
  ems_test_respond (dialog, "close");

  /* Everything else came in */
  g_assert_nonnull (ems_window_get_document (window));
  assert_same_answers (example, ems_document_get_assessment (ems_window_get_document (window)));
  g_assert_cmpstr (ems_assessment_get_site (ems_document_get_assessment (ems_window_get_document (window))),
                   ==, ems_assessment_get_site (example));

  ems_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
export_finished (gpointer user_data)
{
  return ems_window_export_get_n_finished (user_data) > 0 &&
         !ems_window_export_is_running (user_data);
}

/* Export Questionnaire, pre-filled: what it writes reads back the same */
static void
test_export_questionnaire (void)
{
  g_autoptr(GFile) copy = ems_test_copy_example (0);
  g_autofree char *path = tmp_path ("Questionnaire.xlsx");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  EmsWindow *window = ems_test_open_window (app, copy);
  EmsWindow *second;

  ems_window_export_to_file (window, EMS_EXPORT_QUESTIONNAIRE, out);
  ems_test_wait_until (export_finished, window, 60, "the questionnaire export");
  g_assert_nonnull (ems_window_export_get_last_toast (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  second = ems_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (second));
  ems_window_open_file (second, out);
  g_assert_true (wait_for_document (second));
  g_assert_nonnull (ems_window_get_document (second));
  assert_same_answers (ems_document_get_assessment (ems_window_get_document (window)),
                       ems_document_get_assessment (ems_window_get_document (second)));

  ems_test_destroy_window (GTK_WINDOW (second));
  ems_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;
  const char *builddir;

  app = ems_test_init (&argc, &argv);
  builddir = g_getenv ("G_TEST_BUILDDIR");
  output_dir = g_build_filename (builddir ? builddir : ".", "screenshots", NULL);
  g_mkdir_with_parents (output_dir, 0755);

  g_test_add_func ("/app/import/open-questionnaire", test_open_questionnaire);
  g_test_add_func ("/app/import/into-open-assessment", test_import_into_open);
  g_test_add_func ("/app/import/damaged-workbook", test_damaged_workbook);
  g_test_add_func ("/app/import/problems-listed", test_workbook_with_problems);
  g_test_add_func ("/app/import/export-questionnaire", test_export_questionnaire);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
