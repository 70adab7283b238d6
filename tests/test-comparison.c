/* test-comparison.c: workshop statistics against hand-computed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "ems-comparison.h"

/* Every question of @element at @level: the element scores 25 × level. */
static void
set_element (EmsAssessment *assessment,
             guint          element,
             guint          level)
{
  const EmsElement *e = ems_checklist_get_element (ems_checklist_get_default (), element);

  for (guint q = 0; q < e->n_questions; q++)
    ems_assessment_set_level (assessment, e->questions[q]->id, level);
}

static EmsAssessment *
participant (const char *name,
             const char *site,
             const char *date,
             int         e1,
             int         e2,
             int         e3)
{
  EmsAssessment *assessment = ems_assessment_new (NULL);

  ems_assessment_set_name (assessment, name);
  ems_assessment_set_site (assessment, site);
  ems_assessment_set_assessed_on (assessment, date);
  if (e1 >= 0)
    set_element (assessment, 1, e1);
  if (e2 >= 0)
    set_element (assessment, 2, e2);
  if (e3 >= 0)
    set_element (assessment, 3, e3);

  return assessment;
}

static EmsComparison *
three_participants (void)
{
  EmsComparison *comparison = ems_comparison_new ();
  /* element 1: 100, 50, 25 · element 2: 50, 50, null · element 3: null, 0, 100 */
  g_autoptr(EmsAssessment) p1 = participant ("Acme Plating", "Plant 1", "2025-01-10", 4, 2, -1);
  g_autoptr(EmsAssessment) p2 = participant ("Beta Wood", "León", "2025-02-01", 2, 2, 0);
  g_autoptr(EmsAssessment) p3 = participant ("ACME plating ", "plant 1", "2024-01-10", 1, -1, 4);

  ems_comparison_add (comparison, p1, "/data/acme-2025.emsa");
  ems_comparison_add (comparison, p2, "/data/beta.emsa");
  ems_comparison_add (comparison, p3, "/data/acme-2024.emsa");

  return comparison;
}

static void
test_statistics (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  const EmsElementStats *e1, *e2, *e3, *e4;
  double mean1 = (100.0 + 50.0 + 25.0) / 3.0;
  double sd1 = sqrt ((pow (100 - mean1, 2) + pow (50 - mean1, 2) + pow (25 - mean1, 2)) / 3.0);

  g_assert_cmpuint (ems_comparison_get_n_participants (comparison), ==, 3);
  g_assert_cmpuint (ems_comparison_get_n_elements (comparison), ==, 10);

  e1 = ems_comparison_get_element_stats (comparison, 1);
  g_assert_true (e1->has_stats);
  g_assert_cmpuint (e1->n_scored, ==, 3);
  g_assert_cmpuint (e1->n_null, ==, 0);
  g_assert_cmpfloat_with_epsilon (e1->mean, 58.333333333333336, 1e-9);
  g_assert_cmpfloat_with_epsilon (e1->mean, mean1, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->median, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->min, 25.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->max, 100.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->range, 75.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e1->stddev, 31.180478223116177, 1e-9);
  g_assert_cmpfloat_with_epsilon (e1->stddev, sd1, 1e-12);
  g_assert_cmpuint (e1->n_bands[EMS_BAND_RED], ==, 1);
  g_assert_cmpuint (e1->n_bands[EMS_BAND_AMBER], ==, 1);
  g_assert_cmpuint (e1->n_bands[EMS_BAND_GREEN], ==, 1);

  /* a null score is left out of the statistics, and counted */
  e2 = ems_comparison_get_element_stats (comparison, 2);
  g_assert_cmpuint (e2->n_scored, ==, 2);
  g_assert_cmpuint (e2->n_null, ==, 1);
  g_assert_cmpuint (e2->n_bands[EMS_BAND_NONE], ==, 1);
  g_assert_cmpfloat_with_epsilon (e2->mean, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e2->stddev, 0.0, 1e-12);

  /* even count: the median is the mean of the middle two */
  e3 = ems_comparison_get_element_stats (comparison, 3);
  g_assert_cmpuint (e3->n_scored, ==, 2);
  g_assert_cmpfloat_with_epsilon (e3->median, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e3->stddev, 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (e3->min, 0.0, 1e-12);

  e4 = ems_comparison_get_element_stats (comparison, 4);
  g_assert_false (e4->has_stats);
  g_assert_cmpuint (e4->n_null, ==, 3);
  g_assert_true (isnan (e4->mean));
}

static void
test_rankings (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (comparison);
  g_autoptr(GArray) zero = ems_comparison_most_zero (comparison, 0);
  g_autoptr(GArray) zero2 = ems_comparison_most_zero (comparison, 2);
  const EmsElement *e3 = ems_checklist_get_element (ems_checklist_get_default (), 3);

  g_assert_cmpuint (spread->len, ==, 10);
  g_assert_cmpuint (g_array_index (spread, guint, 0), ==, 3);   /* sd 50 */
  g_assert_cmpuint (g_array_index (spread, guint, 1), ==, 1);   /* sd 31.2 */
  g_assert_cmpuint (g_array_index (spread, guint, 2), ==, 2);   /* sd 0 */
  g_assert_cmpuint (g_array_index (spread, guint, 3), ==, 4);   /* nulls, in order */

  g_assert_cmpuint (g_array_index (weakest, guint, 0), ==, 2);  /* mean 50 */
  g_assert_cmpuint (g_array_index (weakest, guint, 1), ==, 3);  /* mean 50, later */
  g_assert_cmpuint (g_array_index (weakest, guint, 2), ==, 1);  /* mean 58.3 */
  g_assert_cmpuint (g_array_index (weakest, guint, 3), ==, 4);

  /* only participant 2's element 3 is answered 0 */
  g_assert_cmpuint (zero->len, ==, e3->n_questions);
  for (guint i = 0; i < zero->len; i++)
    {
      EmsZeroCount *count = &g_array_index (zero, EmsZeroCount, i);

      g_assert_cmpuint (count->n_zero, ==, 1);
      g_assert_cmpuint (count->n_answered, ==, 2);
      g_assert_cmpuint (count->question->element, ==, 3);
    }
  g_assert_cmpuint (zero2->len, ==, 2);
}

static void
test_labels_and_anonymise (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autofree char *plain = ems_comparison_dup_label (comparison, 1);
  g_autofree char *acme = ems_comparison_dup_label (comparison, 0);
  g_autofree char *anon0 = NULL, *anon2 = NULL;
  const char *expected[][2] = {
    { "0", "Participant A" }, { "25", "Participant Z" }, { "26", "Participant AA" },
    { "27", "Participant AB" }, { "701", "Participant ZZ" }, { "702", "Participant AAA" },
  };

  g_assert_cmpstr (plain, ==, "Beta Wood");
  g_assert_cmpstr (acme, ==, "Acme Plating");
  g_assert_cmpstr (ems_comparison_get_source (comparison, 1), ==, "/data/beta.emsa");

  ems_comparison_set_anonymise (comparison, TRUE);
  anon0 = ems_comparison_dup_label (comparison, 0);
  anon2 = ems_comparison_dup_label (comparison, 2);
  g_assert_cmpstr (anon0, ==, "Participant A");
  g_assert_cmpstr (anon2, ==, "Participant C");
  g_assert_null (ems_comparison_get_source (comparison, 1));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *label = ems_participant_label (atoi (expected[i][0]));
      g_assert_cmpstr (label, ==, expected[i][1]);
    }
}

static void
test_follow_ups (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (comparison);
  g_autoptr(GPtrArray) anonymous = NULL;
  EmsFollowUp *acme;

  /* "Acme Plating"/"Plant 1" and "ACME plating "/"plant 1" are one site */
  g_assert_cmpuint (follow_ups->len, ==, 1);
  acme = g_ptr_array_index (follow_ups, 0);
  g_assert_cmpuint (acme->n, ==, 2);
  g_assert_cmpuint (acme->participants[0], ==, 2);   /* 2024 first */
  g_assert_cmpuint (acme->participants[1], ==, 0);
  g_assert_cmpstr (acme->name, ==, "ACME plating ");

  /* 2024: 25, null, 100 → 2025: 100, 50, null */
  {
    double delta = 0;

    g_assert_true (ems_comparison_get_delta (comparison, acme, 1, &delta));
    g_assert_cmpfloat_with_epsilon (delta, 75.0, 1e-12);
    g_assert_false (ems_comparison_get_delta (comparison, acme, 2, &delta));
    g_assert_false (ems_comparison_get_delta (comparison, acme, 3, &delta));
  }

  ems_comparison_set_anonymise (comparison, TRUE);
  anonymous = ems_comparison_follow_ups (comparison);
  g_assert_cmpstr (((EmsFollowUp *) anonymous->pdata[0])->name, ==, "Participant C");
  g_assert_null (((EmsFollowUp *) anonymous->pdata[0])->site);
}

static void
test_empty (void)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (comparison);
  const EmsElementStats *stats = ems_comparison_get_element_stats (comparison, 1);

  g_assert_false (stats->has_stats);
  g_assert_cmpuint (stats->n_scored + stats->n_null, ==, 0);
  g_assert_cmpuint (follow_ups->len, ==, 0);
}

/* The overall scores follow the same rules as an element's */
static void
test_overall_and_target (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  const EmsElementStats *overall = ems_comparison_get_overall_stats (comparison);
  const EmsGroupTarget *target;
  double values[3];
  double mean, sd = 0;

  for (guint i = 0; i < 3; i++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, i);

      g_assert_true (scores->has_overall);
      values[i] = scores->overall;
    }
  mean = (values[0] + values[1] + values[2]) / 3.0;
  for (guint i = 0; i < 3; i++)
    sd += (values[i] - mean) * (values[i] - mean);
  sd = sqrt (sd / 3.0);

  g_assert_cmpuint (overall->number, ==, 0);
  g_assert_true (overall->has_stats);
  g_assert_cmpuint (overall->n_scored, ==, 3);
  g_assert_cmpfloat_with_epsilon (overall->mean, mean, 1e-12);
  g_assert_cmpfloat_with_epsilon (overall->stddev, sd, 1e-12);
  g_assert_cmpfloat_with_epsilon (overall->min, MIN (values[0], MIN (values[1], values[2])), 1e-12);
  g_assert_cmpuint (overall->n_bands[EMS_BAND_RED] + overall->n_bands[EMS_BAND_AMBER] +
                    overall->n_bands[EMS_BAND_GREEN], ==, 3);

  /* Every target is 75: uniform */
  target = ems_comparison_get_target (comparison);
  g_assert_true (target->has_target);
  g_assert_true (target->uniform);
  g_assert_cmpfloat (target->mean, ==, 75.0);

  /* One participant at level 2: the group's target is the mean */
  {
    g_autoptr(EmsAssessment) low = participant ("Gamma", NULL, "2025-03-01", 1, 1, 1);

    ems_assessment_set_target_level (low, 2);
    ems_comparison_add (comparison, low, NULL);
  }
  target = ems_comparison_get_target (comparison);
  g_assert_false (target->uniform);
  g_assert_cmpfloat_with_epsilon (target->mean, (3 * 75.0 + 50.0) / 4, 1e-12);
  g_assert_cmpfloat (target->lowest, ==, 50.0);
  g_assert_cmpfloat (target->highest, ==, 75.0);
  /* The statistics followed the new participant */
  g_assert_cmpuint (ems_comparison_get_overall_stats (comparison)->n_scored, ==, 4);
  g_assert_cmpuint (ems_comparison_get_element_stats (comparison, 1)->n_scored, ==, 4);
}

static void
test_group_scores (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autoptr(EmsScores) group = ems_comparison_dup_group_scores (comparison);
  const EmsGroupTarget *target = ems_comparison_get_target (comparison);
  guint n_level4 = 0;

  g_assert_cmpuint (group->n_elements, ==, ems_comparison_get_n_elements (comparison));
  g_assert_cmpfloat (group->target, ==, target->mean);
  g_assert_cmpuint (group->target_level, ==, 3);
  g_assert_true (group->has_overall);
  g_assert_cmpfloat (group->overall, ==, ems_comparison_get_overall_stats (comparison)->mean);

  for (guint e = 1; e <= group->n_elements; e++)
    {
      const EmsElementStats *st = ems_comparison_get_element_stats (comparison, e);
      const EmsElementScore *es = &group->elements[e - 1];
      guint n_questions = 0;

      g_assert_cmpuint (es->number, ==, e);
      g_assert_cmpint (es->has_score, ==, st->has_stats);
      g_assert_false (es->red_flag);
      if (es->has_score)
        {
          g_assert_cmpfloat (es->score, ==, st->mean);
          g_assert_cmpfloat (es->gap, ==, MAX (0.0, target->mean - st->mean));
          g_assert_cmpint (es->band, ==, ems_band_from_score (st->mean));
        }
      else
        g_assert_cmpint (es->band, ==, EMS_BAND_NONE);

      /* Answers are summed over the participants */
      for (guint i = 0; i < 3; i++)
        n_questions += ems_comparison_get_scores (comparison, i)->elements[e - 1].n_questions;
      g_assert_cmpuint (es->n_questions, ==, n_questions);
    }

  /* Element 1: participant 1 answered every question 4 */
  n_level4 = group->elements[0].n_levels[4];
  g_assert_cmpuint (n_level4, ==, ems_checklist_get_element (ems_checklist_get_default (), 1)->n_questions);
  /* Largest gap first: element 3 (mean 50) and 2 (50) before 1 (58.3) */
  g_assert_cmpuint (group->priority[0], ==, 1);
  g_assert_cmpuint (group->priority[1], ==, 2);
  g_assert_cmpuint (group->priority[2], ==, 0);
}

static void
test_changes (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (comparison);
  EmsFollowUp *acme = g_ptr_array_index (follow_ups, 0);
  const EmsScores *first = ems_comparison_get_scores (comparison, 2);
  const EmsScores *last = ems_comparison_get_scores (comparison, 0);
  EmsChange change;
  g_autofree char *up = ems_format_change (12.46);
  g_autofree char *down = ems_format_change (-5.0);
  g_autofree char *tiny = ems_format_change (0.04);
  g_autofree char *title = ems_follow_up_dup_title (acme);
  g_autofree char *span = ems_comparison_describe_follow_up (comparison, acme);
  g_autofree char *anonymous = NULL;

  g_assert_true (ems_comparison_get_change (comparison, acme, 1, &change));
  g_assert_cmpfloat (change.first, ==, 25.0);
  g_assert_cmpfloat (change.last, ==, 100.0);
  g_assert_cmpfloat (change.delta, ==, 75.0);
  g_assert_cmpint (change.direction, ==, 1);

  /* 50 then null: no change to tell */
  g_assert_false (ems_comparison_get_change (comparison, acme, 2, &change));
  g_assert_false (change.has_first);
  g_assert_true (change.has_last);
  g_assert_cmpint (change.direction, ==, 0);

  /* 0: the overall scores */
  g_assert_true (ems_comparison_get_change (comparison, acme, 0, &change));
  g_assert_cmpfloat (change.first, ==, first->overall);
  g_assert_cmpfloat (change.last, ==, last->overall);

  /* The direction is the one shown, at one decimal */
  g_assert_cmpint (ems_change_direction (0.04), ==, 0);
  g_assert_cmpint (ems_change_direction (-0.04), ==, 0);
  g_assert_cmpint (ems_change_direction (0.06), ==, 1);
  g_assert_cmpint (ems_change_direction (-0.06), ==, -1);
  g_assert_cmpstr (up, ==, "↑ +12.5 %");
  g_assert_cmpstr (down, ==, "↓ −5.0 %");
  g_assert_cmpstr (tiny, ==, "= 0.0 %");

  g_assert_cmpstr (title, ==, "ACME plating , plant 1");
  g_assert_cmpstr (span, ==, "2 assessments, from 2024-01-10 to 2025-01-10");
  /* Anonymised, the dates are left out */
  ems_comparison_set_anonymise (comparison, TRUE);
  anonymous = ems_comparison_describe_follow_up (comparison, acme);
  g_assert_cmpstr (anonymous, ==, "2 assessments");
}

static void
test_describe (void)
{
  g_autoptr(EmsComparison) comparison = three_participants ();
  g_autofree char *e2 = ems_element_stats_describe (ems_comparison_get_element_stats (comparison, 2));
  g_autofree char *e4 = ems_element_stats_describe (ems_comparison_get_element_stats (comparison, 4));

  g_assert_cmpstr (e2, ==, "Mean 50.0 %, median 50.0 %, lowest 50.0 %, highest 50.0 %, "
                           "standard deviation 0.0 % · 2 scored, 1 without a score");
  g_assert_cmpstr (e4, ==, "No participant has a score for this element.");
}

/* Loading ------------------------------------------------------------------ */

static void
save (EmsAssessment *assessment,
      const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  ems_assessment_save_to_file (assessment, file, NULL, &error);
  g_assert_no_error (error);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
load (EmsComparison  *comparison,
      GFile         **files,
      guint           n_files,
      GCancellable   *cancellable,
      guint          *n_added,
      GPtrArray     **problems,
      GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ems_comparison_load_files_async (comparison, files, n_files, cancellable, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return ems_comparison_load_files_finish (comparison, result, n_added, problems, error);
}

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ems-comparison-XXXXXX", &error);
  g_autofree char *folder_path = g_build_filename (dir, "folder", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty", NULL);
  g_autofree char *single_path = g_build_filename (dir, "single.emsa", NULL);
  g_autofree char *broken_path = g_build_filename (folder_path, "b-broken.emsa", NULL);
  g_autofree char *other_path = g_build_filename (folder_path, "notes.txt", NULL);
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) empty = NULL;
  g_autoptr(GFile) single = NULL;
  g_autoptr(GFile) missing = NULL;
  guint n_added = 0, n_notified = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (empty_path, 0700), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      static const char *names[] = { "c-gamma.emsa", "a-alpha.emsa", "d-delta.emsa" };
      g_autofree char *path = g_build_filename (folder_path, names[i], NULL);
      g_autoptr(EmsAssessment) a = participant (names[i], NULL, "2025-01-01", i, i, i);

      save (a, path);
    }
  {
    g_autoptr(EmsAssessment) a = participant ("Single", NULL, "2025-01-01", 4, 4, 4);

    save (a, single_path);
  }
  g_assert_true (g_file_set_contents (broken_path, "{ \"format\": ", -1, NULL));
  g_assert_true (g_file_set_contents (other_path, "not an assessment", -1, NULL));

  folder = g_file_new_for_path (folder_path);
  empty = g_file_new_for_path (empty_path);
  single = g_file_new_for_path (single_path);
  missing = g_file_new_for_path ("/nonexistent/ems-missing.emsa");

  g_signal_connect (comparison, "notify::n-participants", G_CALLBACK (notify_count), &n_notified);

  /* The folder's files by name, then the single file, given twice */
  {
    GFile *files[] = { folder, single, empty, single, missing };

    g_assert_true (load (comparison, files, G_N_ELEMENTS (files), NULL, &n_added, &problems, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (n_added, ==, 4);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpuint (ems_comparison_get_n_participants (comparison), ==, 4);
  g_assert_cmpstr (ems_assessment_get_name (ems_comparison_get_assessment (comparison, 0)), ==, "a-alpha.emsa");
  g_assert_cmpstr (ems_assessment_get_name (ems_comparison_get_assessment (comparison, 1)), ==, "c-gamma.emsa");
  g_assert_cmpstr (ems_assessment_get_name (ems_comparison_get_assessment (comparison, 2)), ==, "d-delta.emsa");
  g_assert_cmpstr (ems_comparison_get_source (comparison, 3), ==, single_path);
  /* The scores came with them */
  g_assert_cmpfloat (ems_comparison_get_scores (comparison, 3)->overall, ==, 100.0);

  /* The empty folder (found while listing), then broken and missing */
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (((EmsLoadProblem *) problems->pdata[0])->name, ==, "empty");
  g_assert_cmpstr (((EmsLoadProblem *) problems->pdata[1])->name, ==, "b-broken.emsa");
  g_assert_cmpstr (((EmsLoadProblem *) problems->pdata[2])->name, ==, "ems-missing.emsa");
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpstr (((EmsLoadProblem *) problems->pdata[i])->message, !=, "");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Files already there are skipped */
  {
    GFile *files[] = { single, folder };

    g_assert_true (load (comparison, files, G_N_ELEMENTS (files), NULL, &n_added, &problems, &error));
  }
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (ems_comparison_get_n_participants (comparison), ==, 4);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Cancelled: nothing comes in */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(EmsComparison) other = ems_comparison_new ();
    GFile *files[] = { folder };

    g_cancellable_cancel (cancellable);
    g_assert_false (load (other, files, 1, cancellable, &n_added, &problems, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (problems);
    g_assert_cmpuint (ems_comparison_get_n_participants (other), ==, 0);
    g_clear_error (&error);
  }

  g_remove (broken_path);
  g_remove (other_path);
  for (guint i = 0; i < ems_comparison_get_n_participants (comparison); i++)
    g_remove (ems_comparison_get_source (comparison, i));
  g_rmdir (folder_path);
  g_rmdir (empty_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comparison/statistics", test_statistics);
  g_test_add_func ("/comparison/rankings", test_rankings);
  g_test_add_func ("/comparison/labels-anonymise", test_labels_and_anonymise);
  g_test_add_func ("/comparison/follow-ups", test_follow_ups);
  g_test_add_func ("/comparison/empty", test_empty);
  g_test_add_func ("/comparison/overall-target", test_overall_and_target);
  g_test_add_func ("/comparison/group-scores", test_group_scores);
  g_test_add_func ("/comparison/changes", test_changes);
  g_test_add_func ("/comparison/describe", test_describe);
  g_test_add_func ("/comparison/load", test_load);

  return g_test_run ();
}
