/* test-action-csv.c: the action plan as CSV, byte for byte, in the
 * dialect of the other CSV outputs (no byte order mark, formulas made safe)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ems-action-csv.h"

static void
test_csv (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autoptr(EmsAction) a = ems_action_new ("Write the \"emergency\" plan, today");
  g_autoptr(EmsAction) b = ems_action_new ("Réviser la politique");
  g_autoptr(EmsAction) c = ems_action_new ("=HYPERLINK(\"http://example.com\")");
  g_autoptr(GBytes) bytes = NULL;
  const char *expected =
    "phase,title,description,element,question,owner,due,status\r\n"
    "1,\"Write the \"\"emergency\"\" plan, today\",\"Walk the site.\nList the risks.\",6,6.4,Ana,2027-03-31,in-progress\r\n"
    /* An empty first field is "", or the next would lose its comma */
    "\"\",Réviser la politique,,,,,,done\r\n"
    /* A title a spreadsheet would run as a formula starts with an apostrophe */
    "\"\",\"'=HYPERLINK(\"\"http://example.com\"\")\",,,,,,open\r\n";
  gsize length;
  const char *data;

  ems_action_set_phase (a, 1);
  ems_action_set_description (a, "Walk the site.\nList the risks.");
  ems_action_set_element (a, 6);
  ems_action_set_question (a, "6.4");
  ems_action_set_owner (a, "Ana");
  ems_action_set_due (a, "2027-03-31");
  ems_action_set_status (a, EMS_ACTION_IN_PROGRESS);
  ems_action_set_status (b, EMS_ACTION_DONE);
  ems_assessment_add_action (assessment, a);
  ems_assessment_add_action (assessment, b);
  ems_assessment_add_action (assessment, c);

  bytes = ems_action_plan_to_csv (assessment);
  data = g_bytes_get_data (bytes, &length);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpmem (data, length, expected, strlen (expected));
}

static void
test_empty_plan_written (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (checklist);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ems-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (ems_action_plan_write_csv (assessment, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "phase,title,description,element,question,owner,due,status\r\n");
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/action-csv/quoting", test_csv);
  g_test_add_func ("/action-csv/empty-plan-written", test_empty_plan_written);

  return g_test_run ();
}
