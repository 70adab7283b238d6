/* test-plan-draft.c: the drafted, phased action plan against hand-built
 * cases: phases, due dates, order, no duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ems-plan-draft.h"

/* Ten elements of two questions each: E.1 weight 1, E.2 weight 2;
 * 1.1 and 4.1 critical. Steps: "Start E.N now. Then more." */
static EmsChecklist *
test_checklist (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EmsChecklist *checklist;

  g_string_append (xml, "<checklist id='test' version='1'><levels>");
  for (guint l = 0; l <= 4; l++)
    g_string_append_printf (xml, "<level value='%u'><label>L%u</label><meaning>M%u</meaning></level>", l, l, l);
  g_string_append (xml, "<level value='na'><label>NA</label><meaning>MNA</meaning></level></levels>");
  for (guint e = 1; e <= 10; e++)
    {
      g_string_append_printf (xml, "<element number='%u'><title>E%u</title>", e, e);
      for (guint q = 1; q <= 2; q++)
        g_string_append_printf (xml,
                                "<question id='%u.%u' weight='%u'%s><text>q%u.%u</text><help>h</help>"
                                "<step kind='start' effort='low'>Start %u.%u now. Then more.</step>"
                                "<step kind='improve' effort='high'>Improve %u.%u! Keep records.</step>"
                                "</question>",
                                e, q, q, (q == 1 && (e == 1 || e == 4)) ? " critical='yes'" : "",
                                e, q, e, q, e, q);
      g_string_append (xml, "</element>");
    }
  g_string_append (xml, "</checklist>");

  bytes = g_bytes_new (xml->str, xml->len);
  checklist = ems_checklist_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (checklist);

  return checklist;
}

/* Target 3, assessed 2026-11-23:
 *   1.1 critical 0 (phase 1), 1.2 4              element 1 amber
 *   2.1 2 (compliance: phase 1), 2.2 3           element 2 amber
 *   3.1 0, 3.2 1                                 element 3 red: phase 2
 *   4.1 critical 1, 4.2 1                        element 4 red: phase 2
 *   5.1 2, 5.2 3                                 element 5 amber: phase 3
 *   6.1 N/A, 6.2 4                               nothing to do
 *   7.x unanswered                               nothing to do
 *   8.1 3, 8.2 2                                 element 8 amber: phase 3
 *   9.1 4, 9.2 4                                 nothing to do
 *   10.1 3, 10.2 0 (compliance: phase 1)         element 10 red
 * Where to start: 1.1 (critical 0), 10.2 (6 points), 3.2 and 4.2 (4,
 * element 3's gap larger), 3.1 (3), 4.1 (2, gap 50) and 8.2 (2, gap 16.7),
 * 2.1 and 5.1 (1, same gap: by id). */
static EmsAssessment *
scenario (EmsChecklist *checklist)
{
  static const struct { const char *id; int level; } answers[] = {
    { "1.1", 0 }, { "1.2", 4 }, { "2.1", 2 }, { "2.2", 3 }, { "3.1", 0 }, { "3.2", 1 },
    { "4.1", 1 }, { "4.2", 1 }, { "5.1", 2 }, { "5.2", 3 }, { "6.1", -1 }, { "6.2", 4 },
    { "8.1", 3 }, { "8.2", 2 }, { "9.1", 4 }, { "9.2", 4 }, { "10.1", 3 }, { "10.2", 0 },
  };
  EmsAssessment *assessment = ems_assessment_new (checklist);

  ems_assessment_set_target_level (assessment, 3);
  ems_assessment_set_assessed_on (assessment, "2026-11-23");
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      if (answers[i].level < 0)
        ems_assessment_set_not_applicable (assessment, answers[i].id, "does not apply");
      else
        ems_assessment_set_level (assessment, answers[i].id, answers[i].level);
    }
  return assessment;
}

typedef struct
{
  const char *id;
  guint       phase;
  const char *due;
  const char *title;
} Expected;

static void
assert_draft (GArray         *draft,
              const Expected *expected,
              guint           n_expected)
{
  for (guint i = 0; i < draft->len; i++)
    g_test_message ("got %s phase %u due %s",
                    g_array_index (draft, EmsPlanDraftItem, i).question->id,
                    g_array_index (draft, EmsPlanDraftItem, i).phase,
                    g_array_index (draft, EmsPlanDraftItem, i).due);

  g_assert_cmpuint (draft->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const EmsPlanDraftItem *item = &g_array_index (draft, EmsPlanDraftItem, i);

      g_assert_cmpstr (item->question->id, ==, expected[i].id);
      g_assert_cmpuint (item->phase, ==, expected[i].phase);
      g_assert_cmpstr (item->due, ==, expected[i].due);
      if (expected[i].title != NULL)
        g_assert_cmpstr (item->title, ==, expected[i].title);
      g_assert_true (g_str_has_prefix (item->description, item->title));
    }
}

#define D30  "2026-12-23"
#define D90  "2027-02-21"
#define D180 "2027-05-22"

static void
test_phases_and_dates (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = scenario (checklist);
  g_autoptr(GArray) draft = ems_plan_draft (assessment, NULL, NULL);
  static const Expected expected[] = {
    { "1.1", 1, D30, "Start 1.1 now." },
    { "10.2", 1, D30, "Start 10.2 now." },
    { "2.1", 1, D30, "Improve 2.1!" },
    { "3.2", 2, D90, "Start 3.2 now." },
    { "4.2", 2, D90, NULL },
    { "3.1", 2, D90, NULL },
    { "4.1", 2, D90, NULL },
    { "8.2", 3, D180, "Improve 8.2!" },
    { "5.1", 3, D180, NULL },
  };
  const EmsPlanDraftItem *first;
  g_autoptr(EmsAction) action = NULL;

  assert_draft (draft, expected, G_N_ELEMENTS (expected));

  first = &g_array_index (draft, EmsPlanDraftItem, 0);
  g_assert_cmpstr (first->description, ==, "Start 1.1 now. Then more.");
  g_assert_cmpint (first->step, ==, EMS_STEP_START);
  g_assert_cmpint (first->effort, ==, EMS_EFFORT_LOW);

  action = ems_plan_draft_item_to_action (first);
  g_assert_cmpstr (ems_action_get_title (action), ==, "Start 1.1 now.");
  g_assert_cmpstr (ems_action_get_description (action), ==, "Start 1.1 now. Then more.");
  g_assert_cmpuint (ems_action_get_element (action), ==, 1);
  g_assert_cmpstr (ems_action_get_question (action), ==, "1.1");
  g_assert_cmpuint (ems_action_get_phase (action), ==, 1);
  g_assert_cmpstr (ems_action_get_due (action), ==, D30);
  g_assert_cmpint (ems_action_get_status (action), ==, EMS_ACTION_OPEN);
}

/* A question already linked to an action is not proposed again; adding the
 * draft and drafting again proposes nothing. */
static void
test_no_duplicates (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = scenario (checklist);
  g_autoptr(EmsAction) mine = ems_action_new ("My own plan for 3.2");
  g_autoptr(EmsAction) unlinked = ems_action_new ("Not about a question");
  g_autoptr(GArray) draft = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  static const Expected expected[] = {
    { "1.1", 1, D30, NULL },
    { "10.2", 1, D30, NULL },
    { "2.1", 1, D30, NULL },
    { "4.2", 2, D90, NULL },
    { "3.1", 2, D90, NULL },
    { "4.1", 2, D90, NULL },
    { "8.2", 3, D180, NULL },
    { "5.1", 3, D180, NULL },
  };

  ems_action_set_question (mine, "3.2");
  ems_assessment_add_action (assessment, mine);
  ems_assessment_add_action (assessment, unlinked);
  g_assert_true (ems_plan_has_action_for (assessment, "3.2"));
  g_assert_false (ems_plan_has_action_for (assessment, "3.1"));

  draft = ems_plan_draft (assessment, NULL, NULL);
  assert_draft (draft, expected, G_N_ELEMENTS (expected));

  for (guint i = 0; i < draft->len; i++)
    g_ptr_array_add (actions, ems_plan_draft_item_to_action (&g_array_index (draft, EmsPlanDraftItem, i)));
  ems_assessment_add_actions (assessment, actions);
  g_assert_cmpuint (ems_assessment_get_n_actions (assessment), ==, 10);

  again = ems_plan_draft (assessment, NULL, NULL);
  g_assert_cmpuint (again->len, ==, 0);
}

/* No assessment date: the dates count from the day given */
static void
test_no_assessment_date (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = scenario (checklist);
  g_autoptr(GArray) draft = NULL;
  g_autofree char *due = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2027);
  ems_assessment_set_assessed_on (assessment, NULL);
  draft = ems_plan_draft (assessment, NULL, &today);
  g_assert_cmpuint (draft->len, ==, 9);
  g_assert_cmpstr (g_array_index (draft, EmsPlanDraftItem, 0).due, ==, "2027-01-31");
  g_assert_cmpstr (g_array_index (draft, EmsPlanDraftItem, 3).due, ==, "2027-04-01");
  g_assert_cmpstr (g_array_index (draft, EmsPlanDraftItem, 8).due, ==, "2027-06-30");

  /* Without a day either: today's date, still a valid date */
  due = ems_plan_due_date (assessment, 90, NULL);
  g_assert_true (ems_date_parse_iso (due, &today));
}

/* Nothing below the target: nothing to draft (all at target, target 0,
 * everything N/A) */
static void
test_nothing_to_draft (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = scenario (checklist);
  g_autoptr(EmsAssessment) empty = ems_assessment_new (checklist);
  g_autoptr(GArray) at_zero = NULL;
  g_autoptr(GArray) unanswered = NULL;

  ems_assessment_set_target_level (assessment, 0);
  at_zero = ems_plan_draft (assessment, NULL, NULL);
  g_assert_cmpuint (at_zero->len, ==, 0);

  unanswered = ems_plan_draft (empty, NULL, NULL);
  g_assert_cmpuint (unanswered->len, ==, 0);
}

/* "Add to plan" from one question: the step for its level, due in 90 days */
static void
test_action_for_question (void)
{
  g_autoptr(EmsChecklist) checklist = test_checklist ();
  g_autoptr(EmsAssessment) assessment = scenario (checklist);
  g_autoptr(EmsAction) start = NULL;
  g_autoptr(EmsAction) improve = NULL;
  g_autoptr(EmsAction) above = NULL;

  start = ems_plan_action_for_question (assessment, ems_checklist_lookup_question (checklist, "3.2"), NULL);
  g_assert_nonnull (start);
  g_assert_cmpstr (ems_action_get_title (start), ==, "Start 3.2 now.");
  g_assert_cmpstr (ems_action_get_description (start), ==, "Start 3.2 now. Then more.");
  g_assert_cmpuint (ems_action_get_element (start), ==, 3);
  g_assert_cmpstr (ems_action_get_question (start), ==, "3.2");
  g_assert_cmpstr (ems_action_get_due (start), ==, D90);
  g_assert_cmpuint (ems_action_get_phase (start), ==, 0);

  /* level 3, above nothing: the improve step all the same */
  improve = ems_plan_action_for_question (assessment, ems_checklist_lookup_question (checklist, "8.1"), NULL);
  g_assert_cmpstr (ems_action_get_title (improve), ==, "Improve 8.1!");

  above = ems_plan_action_for_question (assessment, ems_checklist_lookup_question (checklist, "1.2"), NULL);
  g_assert_null (above);
  g_assert_null (ems_plan_action_for_question (assessment, ems_checklist_lookup_question (checklist, "6.1"), NULL));
  g_assert_null (ems_plan_action_for_question (assessment, ems_checklist_lookup_question (checklist, "7.1"), NULL));
}

static void
test_first_sentence (void)
{
  static const char * const cases[][2] = {
    { "One. Two.", "One." },
    { "Is it? Yes.", "Is it?" },
    { "No stop at all", "No stop at all" },
    { "Version 1.5 is out. Then.", "Version 1.5 is out." },
    { "Ends here.", "Ends here." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ems_plan_first_sentence (cases[i][0]);

      g_assert_cmpstr (got, ==, cases[i][1]);
    }
  g_assert_null (ems_plan_first_sentence (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-draft/phases-and-dates", test_phases_and_dates);
  g_test_add_func ("/plan-draft/no-duplicates", test_no_duplicates);
  g_test_add_func ("/plan-draft/no-assessment-date", test_no_assessment_date);
  g_test_add_func ("/plan-draft/nothing-to-draft", test_nothing_to_draft);
  g_test_add_func ("/plan-draft/action-for-question", test_action_for_question);
  g_test_add_func ("/plan-draft/first-sentence", test_first_sentence);

  return g_test_run ();
}
