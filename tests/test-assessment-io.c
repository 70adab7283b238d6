/* test-assessment-io.c: .emsa reading and writing, good files and bad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "ems-assessment.h"
#include "ems-error.h"
#include "ems-file-read.h"

static EmsAssessment *
build_full_assessment (void)
{
  EmsAssessment *assessment = ems_assessment_new (NULL);
  g_autoptr(EmsAction) a1 = ems_action_new ("Write the emergency plan — «urgent»");
  g_autoptr(EmsAction) a2 = ems_action_new ("Réviser la politique 🌱");
  g_autoptr(EmsAction) a3 = ems_action_new ("תוכנית פעולה");

  ems_assessment_set_name (assessment, "Société Ñandú “Métal” 金属加工 🏭");
  ems_assessment_set_site (assessment, "Hamilton, ON");
  ems_assessment_set_sector (assessment, "Metal finishing");
  ems_assessment_set_employees (assessment, 42);
  ems_assessment_set_country (assessment, "CA");
  ems_assessment_set_assessor (assessment, "Zoë Ó Briain");
  ems_assessment_set_assessed_on (assessment, "2026-11-23");
  ems_assessment_set_target_level (assessment, 4);

  ems_assessment_set_level (assessment, "1.1", 3);
  ems_assessment_set_note (assessment, "1.1", "Signed by the owner\nline two\t«tab»");
  ems_assessment_set_evidence (assessment, "1.1", "Policy v2 on the notice board");
  ems_assessment_set_not_applicable (assessment, "1.2", "No public-facing site — عربي");
  ems_assessment_set_level (assessment, "2.4", 0);
  ems_assessment_set_note (assessment, "3.1", "To ask: =SUM(A1) is text");
  ems_assessment_set_level (assessment, "10.5", 4);
  ems_assessment_set_level (assessment, "99.1", 2);   /* unknown id: kept */

  ems_action_set_element (a1, 6);
  ems_action_set_question (a1, "6.4");
  ems_action_set_owner (a1, "Ana");
  ems_action_set_due (a1, "2027-03-31");
  ems_action_set_status (a1, EMS_ACTION_IN_PROGRESS);
  ems_action_set_description (a1, "Walk the site with the supervisor.\nWrite down «every» spill risk.\n\tThen file it.");
  ems_action_set_phase (a1, 1);
  ems_action_set_phase (a2, 3);
  ems_action_set_status (a2, EMS_ACTION_DONE);
  ems_action_set_element (a2, 1);
  ems_assessment_add_action (assessment, a1);
  ems_assessment_add_action (assessment, a2);
  ems_assessment_add_action (assessment, a3);

  return assessment;
}

static void
assert_answers_equal (EmsAssessment *a,
                      EmsAssessment *b)
{
  g_auto(GStrv) ids_a = ems_assessment_dup_answer_ids (a);
  g_auto(GStrv) ids_b = ems_assessment_dup_answer_ids (b);

  g_assert_cmpstrv (ids_a, ids_b);
  for (guint i = 0; ids_a[i] != NULL; i++)
    g_assert_true (ems_answer_equal (ems_assessment_get_answer (a, ids_a[i]),
                                     ems_assessment_get_answer (b, ids_a[i])));
}

static void
assert_assessments_equal (EmsAssessment *a,
                          EmsAssessment *b)
{
  GListModel *actions_a = ems_assessment_get_actions (a);
  GListModel *actions_b = ems_assessment_get_actions (b);

  g_assert_cmpstr (ems_assessment_get_name (a), ==, ems_assessment_get_name (b));
  g_assert_cmpstr (ems_assessment_get_site (a), ==, ems_assessment_get_site (b));
  g_assert_cmpstr (ems_assessment_get_sector (a), ==, ems_assessment_get_sector (b));
  g_assert_cmpint (ems_assessment_get_employees (a), ==, ems_assessment_get_employees (b));
  g_assert_cmpstr (ems_assessment_get_country (a), ==, ems_assessment_get_country (b));
  g_assert_cmpstr (ems_assessment_get_assessor (a), ==, ems_assessment_get_assessor (b));
  g_assert_cmpstr (ems_assessment_get_assessed_on (a), ==, ems_assessment_get_assessed_on (b));
  g_assert_cmpuint (ems_assessment_get_target_level (a), ==, ems_assessment_get_target_level (b));
  assert_answers_equal (a, b);

  g_assert_cmpuint (g_list_model_get_n_items (actions_a), ==, g_list_model_get_n_items (actions_b));
  for (guint i = 0; i < g_list_model_get_n_items (actions_a); i++)
    {
      g_autoptr(EmsAction) x = g_list_model_get_item (actions_a, i);
      g_autoptr(EmsAction) y = g_list_model_get_item (actions_b, i);

      g_assert_cmpstr (ems_action_get_title (x), ==, ems_action_get_title (y));
      g_assert_cmpuint (ems_action_get_element (x), ==, ems_action_get_element (y));
      g_assert_cmpstr (ems_action_get_question (x), ==, ems_action_get_question (y));
      g_assert_cmpstr (ems_action_get_owner (x), ==, ems_action_get_owner (y));
      g_assert_cmpstr (ems_action_get_due (x), ==, ems_action_get_due (y));
      g_assert_cmpint (ems_action_get_status (x), ==, ems_action_get_status (y));
      g_assert_cmpstr (ems_action_get_description (x), ==, ems_action_get_description (y));
      g_assert_cmpuint (ems_action_get_phase (x), ==, ems_action_get_phase (y));
    }
}

static void
test_round_trip (void)
{
  g_autoptr(EmsAssessment) original = build_full_assessment ();
  g_autoptr(EmsAssessment) loaded = NULL;
  g_autoptr(GBytes) first = ems_assessment_serialize (original);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (first, &length);
  g_assert_true (g_utf8_validate_len (data, length, NULL));
  g_assert_nonnull (strstr (data, "\"format\" : \"ten-elements-assessment\""));

  loaded = ems_assessment_load_from_data (NULL, data, length, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_assessments_equal (original, loaded);

  /* the unknown id is kept and reported as a warning, never dropped */
  unknown = ems_assessment_dup_unknown_ids (loaded);
  g_assert_cmpuint (g_strv_length (unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "99.1");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (((EmsProblem *) problems->pdata[0])->warning);
  g_assert_cmpstr (((EmsProblem *) problems->pdata[0])->path, ==, "answers/99.1");

  /* writing what was read gives the same bytes */
  second = ems_assessment_serialize (loaded);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_extra_members_kept (void)
{
  const char *doc =
    "{\"format\":\"ten-elements-assessment\",\"format_version\":1,"
    "\"framework\":{\"id\":\"cec-10-elements\",\"version\":1},"
    "\"organisation\":{\"name\":\"X\",\"naics\":\"332813\"},"
    "\"answers\":{\"1.1\":{\"level\":2}},"
    "\"workshop\":{\"room\":\"B\",\"seats\":[1,2]}}";
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  assessment = ems_assessment_load_from_data (NULL, doc, strlen (doc), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ems_assessment_get_target_level (assessment), ==, 3);
  g_assert_cmpint (ems_assessment_get_employees (assessment), ==, -1);

  bytes = ems_assessment_serialize (assessment);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"naics\" : \"332813\""));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"workshop\""));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"room\" : \"B\""));
}

static void
test_examples_load (void)
{
  const char *dir = g_getenv ("EMS_EXAMPLES_DIR");
  g_autoptr(GDir) examples = NULL;
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  examples = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (examples);

  while ((name = g_dir_read_name (examples)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EmsAssessment) assessment = NULL;
      g_autoptr(EmsAssessment) reloaded = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (name, ".emsa"))
        continue;

      assessment = ems_assessment_load_from_file (NULL, file, &problems, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_nonnull (ems_assessment_get_name (assessment));
      g_assert_cmpuint (g_list_model_get_n_items (ems_assessment_get_actions (assessment)), >=, 3);

      bytes = ems_assessment_serialize (assessment);
      reloaded = ems_assessment_load_from_data (NULL, g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes), NULL, &error);
      g_assert_no_error (error);
      assert_assessments_equal (assessment, reloaded);
      n++;
    }

  g_assert_cmpuint (n, >=, 3);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_save_atomic (void)
{
  g_autoptr(EmsAssessment) assessment = build_full_assessment ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ems-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a.emsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EmsAssessment) loaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  struct rlimit old_limit, small_limit;
  guint n_files = 0;

  g_assert_no_error (error);

  g_assert_true (ems_assessment_save_to_file (assessment, file, NULL, &error));
  g_assert_no_error (error);
  loaded = ems_assessment_load_from_file (NULL, file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_assessments_equal (assessment, loaded);
  before = read_file (path);

  /* A disk that fills up mid-write (a file size limit makes write() fail
   * the same way): the save fails, the previous file is intact and no
   * temporary file is left behind. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *note = g_strdup_printf ("Long note %u: the quick brown fox jumps over the lazy dog", i);
      ems_assessment_set_note (assessment, "5.1", note);
      ems_assessment_set_evidence (assessment, "5.2", note);
    }
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(EmsAction) action = ems_action_new ("A large plan makes a large file");
      ems_assessment_add_action (assessment, action);
    }

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &old_limit);
  small_limit = old_limit;
  small_limit.rlim_cur = 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small_limit), ==, 0);

  g_assert_false (ems_assessment_save_to_file (assessment, file, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("full disk: %s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);

  after = read_file (path);
  g_assert_cmpstr (before, ==, after);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  /* An unwritable place gives an error, and nothing is created. */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/a.emsa");

    g_assert_false (ems_assessment_save_to_file (assessment, nowhere, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *name;
  const char *data;
  gssize      length;      /* -1: strlen */
  int         code;
  const char *needle;      /* in the message, or NULL */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", 0, EMS_ERROR_NOT_JSON, NULL },
  { "not-json", "Hello, regulator", -1, EMS_ERROR_NOT_JSON, "Line 1" },
  { "truncated", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":{\"lev", -1, EMS_ERROR_NOT_JSON, NULL },
  { "trailing-comma", "{\n  \"format\": \"ten-elements-assessment\",\n  \"format_version\": 1,\n}", -1, EMS_ERROR_NOT_JSON, "Line 3" },
  { "array-root", "[1, 2, 3]", -1, EMS_ERROR_INVALID, NULL },
  { "wrong-format", "{\"format\":\"something-else\",\"format_version\":1}", -1, EMS_ERROR_INVALID, "format" },
  { "no-version", "{\"format\":\"ten-elements-assessment\"}", -1, EMS_ERROR_INVALID, "format_version" },
  { "newer-version", "{\"format\":\"ten-elements-assessment\",\"format_version\":3,\"answers\":{\"1.1\":{\"level\":9}}}", -1, EMS_ERROR_NEWER_VERSION, "newer" },
  { "level-too-high", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":{\"level\":5}}}", -1, EMS_ERROR_INVALID, "answers/1.1/level" },
  { "level-negative", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":{\"level\":-1}}}", -1, EMS_ERROR_INVALID, "answers/1.1/level" },
  { "level-string", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":{\"level\":\"3\"}}}", -1, EMS_ERROR_INVALID, "text" },
  { "level-decimal", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":{\"level\":2.5}}}", -1, EMS_ERROR_INVALID, "answers/1.1/level" },
  { "answers-list", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":[1]}", -1, EMS_ERROR_INVALID, "answers" },
  { "answer-string", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":\"yes\"}}", -1, EMS_ERROR_INVALID, "answers/1.1" },
  { "employees-text", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"organisation\":{\"name\":\"x\",\"employees\":\"many\"}}", -1, EMS_ERROR_INVALID, "organisation/employees" },
  { "name-number", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"organisation\":{\"name\":12}}", -1, EMS_ERROR_INVALID, "organisation/name" },
  { "bad-country", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"organisation\":{\"country\":\"Canada\"}}", -1, EMS_ERROR_INVALID, "organisation/country" },
  { "bad-date", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"assessed_on\":\"23/11/2026\"}", -1, EMS_ERROR_INVALID, "assessed_on" },
  { "bad-target", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"target_level\":7}", -1, EMS_ERROR_INVALID, "target_level" },
  { "bad-status", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"actions\":[{\"title\":\"t\",\"status\":\"closed\"}]}", -1, EMS_ERROR_INVALID, "actions/1/status" },
  { "bad-phase", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"actions\":[{\"title\":\"t\",\"phase\":4}]}", -1, EMS_ERROR_INVALID, "actions/1/phase" },
  { "bad-due", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"actions\":[{\"title\":\"t\",\"due\":\"2027-02-30\"}]}", -1, EMS_ERROR_INVALID, "actions/1/due" },
  { "na-and-level", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":{\"level\":2,\"not_applicable\":true,\"reason\":\"r\"}}}", -1, EMS_ERROR_INVALID, "answers/1.1" },
  { "other-framework", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"framework\":{\"id\":\"iso-14001\",\"version\":1}}", -1, EMS_ERROR_INVALID, "framework/id" },
  { "binary", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, EMS_ERROR_NOT_JSON, "binary" },
  { "invalid-utf8", "{\"format\":\"ten-elements-assessment\",\n\"organisation\":{\"name\":\"Caf\xe9\"}}", -1, EMS_ERROR_NOT_JSON, "Line 2, column 28" },
  { "utf16", "\xff\xfe{\0}\0", 6, EMS_ERROR_NOT_JSON, NULL },
  /* A repeated member is an error where it repeats, at every level:
   * never one value kept and the other silently dropped */
  { "repeated-assessor", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"assessor\":\"A\",\n\"assessor\":\"B\"}", -1, EMS_ERROR_INVALID, "Line 2, column 12: “assessor” appears more than once" },
  { "repeated-format", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\n  \"format\":\"ten-elements-assessment\"}", -1, EMS_ERROR_INVALID, "Line 2, column 12: “format” appears more than once" },
  { "repeated-format-other", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"format\":\"x\"}", -1, EMS_ERROR_INVALID, "“format” appears more than once" },
  { "repeated-version", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"format_version\":1}", -1, EMS_ERROR_INVALID, "“format_version” appears more than once" },
  { "repeated-answers", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{},\"answers\":{}}", -1, EMS_ERROR_INVALID, "“answers” appears more than once" },
  { "repeated-unknown", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"workshop\":1,\"workshop\":2}", -1, EMS_ERROR_INVALID, "“workshop” appears more than once" },
  { "repeated-org-name", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"organisation\":{\"name\":\"x\",\"name\":\"y\"}}", -1, EMS_ERROR_INVALID, "“organisation/name” appears more than once" },
  { "repeated-framework-id", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"framework\":{\"id\":\"cec-10-elements\",\"id\":\"cec-10-elements\"}}", -1, EMS_ERROR_INVALID, "“framework/id” appears more than once" },
  { "repeated-level", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":{\"level\":2,\"level\":3}}}", -1, EMS_ERROR_INVALID, "“answers/1.1/level” appears more than once" },
  { "repeated-action-title", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"actions\":[{\"title\":\"a\",\"title\":\"b\"}]}", -1, EMS_ERROR_INVALID, "“actions/1/title” appears more than once" },
  /* Whole numbers beyond 64 bits say so */
  { "level-2^63", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"answers\":{\"1.1\":{\"level\":9223372036854775808}}}", -1, EMS_ERROR_INVALID, "too large for 64 bits" },
  { "employees-below-int64", "{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"organisation\":{\"employees\":-9223372036854775809}}", -1, EMS_ERROR_INVALID, "too large for 64 bits" },
  { "version-huge", "{\"format\":\"ten-elements-assessment\",\"format_version\":123456789012345678901234567890}", -1, EMS_ERROR_INVALID, "too large for 64 bits" },
};

static void
test_bad_file (gconstpointer user_data)
{
  const BadCase *bad = user_data;
  gsize length = bad->length >= 0 ? (gsize) bad->length : strlen (bad->data);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  gsize after_length = 0;
  int fd;

  assessment = ems_assessment_load_from_data (NULL, bad->data, length, &problems, &error);
  g_assert_null (assessment);
  g_assert_error (error, EMS_ERROR, bad->code);
  g_test_message ("%s: %s", bad->name, error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  if (bad->needle != NULL)
    g_assert_nonnull (strstr (error->message, bad->needle));
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);

  /* The same through a real file: an error, and the file is unchanged. */
  fd = g_file_open_tmp ("ems-bad-XXXXXX.emsa", &path, &file_error);
  g_assert_no_error (file_error);
  g_assert_cmpint (write (fd, bad->data, length), ==, (gssize) length);
  close (fd);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(EmsAssessment) from_file = NULL;
    g_autoptr(GError) load_error = NULL;

    from_file = ems_assessment_load_from_file (NULL, file, NULL, NULL, &load_error);
    g_assert_null (from_file);
    g_assert_error (load_error, EMS_ERROR, bad->code);
  }
  g_file_get_contents (path, &after, &after_length, &file_error);
  g_assert_no_error (file_error);
  g_assert_cmpmem (after, after_length, bad->data, length);
  g_unlink (path);
}

static void
test_many_problems_counted (void)
{
  const char *doc =
    "{\"format\":\"ten-elements-assessment\",\"format_version\":1,"
    "\"target_level\":9,\"answers\":{\"1.1\":{\"level\":7},\"1.2\":{\"level\":\"x\"},"
    "\"77.7\":{\"level\":1}}}";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;
  guint errors = 0, warnings = 0;

  assessment = ems_assessment_load_from_data (NULL, doc, strlen (doc), &problems, &error);
  g_assert_null (assessment);
  g_assert_error (error, EMS_ERROR, EMS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 more problems"));

  for (guint i = 0; i < problems->len; i++)
    {
      if (((EmsProblem *) problems->pdata[i])->warning)
        warnings++;
      else
        errors++;
    }
  g_assert_cmpuint (errors, ==, 3);
  g_assert_cmpuint (warnings, ==, 1);
}

static void
test_na_without_reason_is_warning (void)
{
  const char *doc =
    "{\"format\":\"ten-elements-assessment\",\"format_version\":1,"
    "\"answers\":{\"1.1\":{\"not_applicable\":true}}}";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;

  assessment = ems_assessment_load_from_data (NULL, doc, strlen (doc), &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ems_assessment_get_answer (assessment, "1.1")->state, ==, EMS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (((EmsProblem *) problems->pdata[0])->warning);
}

static void
test_huge_garbage (void)
{
  gsize size = 50 * 1000 * 1000;
  g_autofree char *garbage = g_malloc (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *path = NULL;
  int fd;

  for (gsize i = 0; i < size; i += 4)
    *(guint32 *) (garbage + i) = g_rand_int (rand);

  assessment = ems_assessment_load_from_data (NULL, garbage, size, NULL, &error);
  g_assert_null (assessment);
  g_assert_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Through a file it is refused on its size, unread. */
  fd = g_file_open_tmp ("ems-huge-XXXXXX.emsa", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (fd, garbage, size), ==, (gssize) size);
  close (fd);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    assessment = ems_assessment_load_from_file (NULL, file, NULL, NULL, &error);
    g_assert_null (assessment);
    g_assert_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE);
  }
  g_unlink (path);
  g_clear_error (&error);

  /* Just under the limit, garbage is still a clean error. */
  garbage[0] = '{';
  assessment = ems_assessment_load_from_data (NULL, garbage, EMS_MAX_FILE_SIZE - 1, NULL, &error);
  g_assert_null (assessment);
  g_assert_nonnull (error);
}

/* Only regular files, and the limit holds while reading: a file whose
 * size stat () gives as 0 (as /proc files) is still cut off. */
static void
test_read_bounded (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ems-read-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.emsa", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_false (ems_file_read_bounded ("/proc/self/maps", 16, &contents, &length, &error));
  g_assert_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_true (ems_file_read_bounded ("/proc/self/maps", 1024 * 1024, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16);
  g_assert_cmpuint (strlen (contents), ==, length);
  g_clear_pointer (&contents, g_free);

  g_assert_false (ems_file_read_bounded ("/dev/zero", 1024, &contents, &length, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_assert_false (ems_file_read_bounded (dir, 1024, &contents, &length, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_error (&error);

  /* A FIFO with no writer: refused at once, never waited on */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (ems_file_read_bounded (fifo, 1024, &contents, &length, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (fifo);
    g_autoptr(EmsAssessment) assessment = ems_assessment_load_from_file (NULL, file, NULL, NULL, &error);

    g_assert_null (assessment);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
    g_clear_error (&error);
  }
  g_unlink (fifo);

  g_assert_false (ems_file_read_bounded (fifo, 1024, &contents, &length, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_rmdir (dir);
}

static void
test_deep_nesting (void)
{
  gsize depth = 200000;
  g_autoptr(GString) doc = g_string_new ("{\"format\":\"ten-elements-assessment\",\"format_version\":1,\"deep\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (doc, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (doc, ']');
  g_string_append_c (doc, '}');

  assessment = ems_assessment_load_from_data (NULL, doc->str, doc->len, NULL, &error);
  g_assert_null (assessment);
  g_assert_error (error, EMS_ERROR, EMS_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "nested"));

  /* brackets inside strings do not count */
  {
    const char *ok = "{\"format\":\"ten-elements-assessment\",\"format_version\":1,"
                     "\"assessor\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[\"}";
    g_autoptr(EmsAssessment) fine = NULL;

    g_clear_error (&error);
    fine = ems_assessment_load_from_data (NULL, ok, strlen (ok), NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (fine);
  }
}

static void
test_signals (void)
{
  g_autoptr(EmsAssessment) assessment = ems_assessment_new (NULL);
  g_autoptr(EmsAction) action = ems_action_new ("t");
  guint changed = 0, answer_changed = 0, notified = 0;

  g_signal_connect_swapped (assessment, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_signal_connect_swapped (assessment, "answer-changed::1.1", G_CALLBACK (g_atomic_int_inc), &answer_changed);
  g_signal_connect_swapped (assessment, "notify::name", G_CALLBACK (g_atomic_int_inc), &notified);

  ems_assessment_set_name (assessment, "A");
  ems_assessment_set_name (assessment, "A");        /* unchanged: silent */
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  ems_assessment_set_level (assessment, "1.1", 2);
  ems_assessment_set_level (assessment, "1.1", 2);  /* unchanged: silent */
  ems_assessment_set_level (assessment, "1.2", 2);  /* other detail */
  g_assert_cmpuint (answer_changed, ==, 1);
  g_assert_cmpuint (changed, ==, 3);

  ems_assessment_set_not_applicable (assessment, "1.1", "reason");
  ems_assessment_set_level (assessment, "1.1", 1);
  /* the reason typed is kept when switching away from N/A */
  g_assert_cmpstr (ems_assessment_get_answer (assessment, "1.1")->reason, ==, "reason");
  ems_assessment_set_not_applicable (assessment, "1.1", NULL);
  g_assert_cmpstr (ems_assessment_get_answer (assessment, "1.1")->reason, ==, "reason");
  g_assert_cmpuint (answer_changed, ==, 4);

  ems_assessment_add_action (assessment, action);
  g_assert_cmpuint (changed, ==, 7);
  ems_action_set_owner (action, "Ana");
  g_assert_cmpuint (changed, ==, 8);
  ems_assessment_remove_action (assessment, 0);
  g_assert_cmpuint (changed, ==, 9);
  ems_action_set_owner (action, "Bea");             /* removed: no longer ours */
  g_assert_cmpuint (changed, ==, 9);

  /* clearing every part of an answer removes its entry */
  ems_assessment_set_answer (assessment, "1.2", NULL);
  g_assert_null (ems_assessment_get_answer (assessment, "1.2"));
}

static void
test_dates (void)
{
  GDate date;

  g_assert_true (ems_date_parse_iso ("2026-11-23", &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2026);
  g_assert_true (ems_date_parse_iso ("2028-02-29", &date));
  g_assert_false (ems_date_parse_iso ("2027-02-29", &date));
  g_assert_false (ems_date_parse_iso ("2026-13-01", &date));
  g_assert_false (ems_date_parse_iso ("2026-1-01", &date));
  g_assert_false (ems_date_parse_iso ("+026-11-23", &date));
  g_assert_false (ems_date_parse_iso ("2026-11-23T10:00", &date));
  g_assert_false (ems_date_parse_iso (NULL, &date));
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static EmsAction *
new_action (const char *title)
{
  return g_object_new (EMS_TYPE_ACTION, "title", title, NULL);
}

static const char *
model_title (GListModel *model,
             guint       position)
{
  g_autoptr(EmsAction) action = g_list_model_get_item (model, position);

  return action != NULL ? ems_action_get_title (action) : NULL;
}

/* The action plan as a GListModel follows every change, as GListStore did */
static void
test_action_list (void)
{
  g_autoptr(EmsAssessment) a = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GListModel) model = g_object_ref (ems_assessment_get_actions (a));
  g_autoptr(EmsAction) first = new_action ("first");
  g_autoptr(EmsAction) second = new_action ("second");
  g_autoptr(EmsAction) middle = new_action ("middle");
  g_autoptr(EmsAction) last = new_action ("last");
  Change *c;

  g_assert_true (ems_assessment_get_actions (a) == model);
  g_assert_true (g_list_model_get_item_type (model) == EMS_TYPE_ACTION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);

  ems_assessment_add_action (a, first);
  ems_assessment_add_action (a, second);
  ems_assessment_insert_action (a, 1, middle);
  ems_assessment_insert_action (a, 99, last);   /* past the end: appended */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (ems_assessment_get_n_actions (a), ==, 4);
  g_assert_cmpstr (model_title (model, 0), ==, "first");
  g_assert_cmpstr (model_title (model, 1), ==, "middle");
  g_assert_cmpstr (model_title (model, 2), ==, "second");
  g_assert_cmpstr (model_title (model, 3), ==, "last");
  g_assert_null (g_list_model_get_item (model, 4));
  g_assert_true (ems_assessment_get_action (a, 1) == middle);

  ems_assessment_remove_action (a, 0);
  g_assert_cmpstr (model_title (model, 0), ==, "middle");

  g_assert_cmpuint (changes->len, ==, 5);
  c = &g_array_index (changes, Change, 2);
  g_assert_cmpuint (c->position, ==, 1);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 1);
  c = &g_array_index (changes, Change, 3);
  g_assert_cmpuint (c->position, ==, 3);
  c = &g_array_index (changes, Change, 4);
  g_assert_cmpuint (c->position, ==, 0);
  g_assert_cmpuint (c->removed, ==, 1);
  g_assert_cmpuint (c->added, ==, 0);

  /* The model does not keep the assessment: once it is gone, it is empty */
  g_clear_object (&a);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));
}

/* The written layout is json-glib's, as files had it before */
static void
test_written_layout (void)
{
  g_autoptr(EmsAssessment) a = ems_assessment_new (ems_checklist_get_default ());
  g_autoptr(GBytes) bytes = NULL;
  static const char expected[] =
    "{\n"
    "  \"format\" : \"ten-elements-assessment\",\n"
    "  \"format_version\" : 1,\n"
    "  \"framework\" : {\n"
    "    \"id\" : \"cec-10-elements\",\n"
    "    \"version\" : 1\n"
    "  },\n"
    "  \"organisation\" : {\n"
    "    \"name\" : \"Tab\\tquote\\\" \\u0001 \\u007f é\",\n"
    "    \"employees\" : 0\n"
    "  },\n"
    "  \"target_level\" : 3,\n"
    "  \"answers\" : {  },\n"
    "  \"actions\" : []\n"
    "}\n";

  ems_assessment_set_name (a, "Tab\tquote\" \001 \177 é");
  ems_assessment_set_employees (a, 0);
  bytes = ems_assessment_serialize (a);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, sizeof expected - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assessment/round-trip", test_round_trip);
  g_test_add_func ("/assessment/extra-members", test_extra_members_kept);
  g_test_add_func ("/assessment/examples", test_examples_load);
  g_test_add_func ("/assessment/save-atomic", test_save_atomic);
  g_test_add_func ("/assessment/many-problems", test_many_problems_counted);
  g_test_add_func ("/assessment/na-without-reason", test_na_without_reason_is_warning);
  g_test_add_func ("/assessment/huge-garbage", test_huge_garbage);
  g_test_add_func ("/assessment/signals", test_signals);
  g_test_add_func ("/assessment/action-list", test_action_list);
  g_test_add_func ("/assessment/written-layout", test_written_layout);
  g_test_add_func ("/assessment/deep-nesting", test_deep_nesting);
  g_test_add_func ("/assessment/read-bounded", test_read_bounded);
  g_test_add_func ("/assessment/dates", test_dates);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/assessment/bad/%s", bad_cases[i].name);
      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }

  return g_test_run ();
}
