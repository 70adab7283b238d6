/* test-checklist.c: the bundled checklist data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ems-checklist.h"
#include "ems-i18n.h"

static const char *canonical_titles[] = {
  "Environmental Policy",
  "Environmental Requirements and Voluntary Initiatives",
  "Objectives and Targets",
  "Structure, Responsibility and Resources",
  "Operational Control",
  "Corrective and Preventive Action and Emergency Procedures",
  "Training, Awareness and Competence",
  "Organizational Decision-Making and Planning",
  "Document Control",
  "Continuous Evaluation and Improvement",
};

static void
test_default_structure (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  guint index = 0;

  g_assert_nonnull (checklist);
  g_assert_true (checklist == ems_checklist_get_default ());
  g_assert_cmpstr (ems_checklist_get_id (checklist), ==, "cec-10-elements");
  g_assert_cmpuint (ems_checklist_get_version (checklist), ==, 1);
  g_assert_cmpuint (ems_checklist_get_n_elements (checklist), ==, 10);

  for (guint e = 1; e <= 10; e++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, e);
      gboolean has_critical = FALSE;

      g_assert_cmpuint (element->number, ==, e);
      g_assert_cmpstr (element->title, ==, canonical_titles[e - 1]);
      g_assert_cmpuint (strlen (element->why), >, 40);
      g_assert_cmpuint (element->n_questions, >=, 4);
      g_assert_cmpuint (element->n_questions, <=, 6);

      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsQuestion *question = element->questions[q];
          g_autofree char *id = g_strdup_printf ("%u.%u", e, q + 1);

          g_assert_cmpstr (question->id, ==, id);
          g_assert_cmpuint (question->element, ==, e);
          g_assert_cmpuint (question->index, ==, index);
          g_assert_true (ems_checklist_get_question (checklist, index) == question);
          g_assert_true (ems_checklist_lookup_question (checklist, id) == question);
          g_assert_cmpuint (question->weight, >=, 1);
          g_assert_cmpuint (question->weight, <=, 3);
          g_assert_cmpuint (strlen (question->text), >, 15);
          g_assert_cmpuint (strlen (question->help), >, 15);
          g_assert_nonnull (question->iso_clauses);
          g_assert_nonnull (question->iso_clauses[0]);
          g_assert_true (g_ascii_isdigit (question->iso_clauses[0][0]));
          g_assert_nonnull (question->epa_elements);
          g_assert_nonnull (question->epa_elements[0]);
          has_critical |= question->critical;
          index++;
        }

      /* the compliance questions of elements 2, 6 and 10 are critical */
      if (e == 2 || e == 6 || e == 10)
        g_assert_true (has_critical);
    }

  g_assert_cmpuint (ems_checklist_get_n_questions (checklist), ==, index);
  g_assert_null (ems_checklist_lookup_question (checklist, "11.1"));
  g_assert_null (ems_checklist_lookup_question (checklist, "1.0"));

  for (guint l = 0; l < EMS_N_LEVELS; l++)
    {
      g_assert_cmpuint (strlen (ems_checklist_get_level_label (checklist, l)), >, 2);
      g_assert_cmpuint (strlen (ems_checklist_get_level_meaning (checklist, l)), >, 10);
    }
}

static EmsChecklist *
load_bundled (void)
{
  g_autoptr(GBytes) bytes = ems_checklist_dup_bundled_data ();
  g_autoptr(GError) error = NULL;
  EmsChecklist *checklist = ems_checklist_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return checklist;
}

static void
check_steps (EmsChecklist *checklist,
             EmsChecklist *english)
{
  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);
      const EmsQuestion *original = ems_checklist_get_question (english, i);

      for (guint k = 0; k < EMS_N_STEP_KINDS; k++)
        {
          const EmsNextStep *step = &question->next_steps[k];

          g_assert_nonnull (step->text);
          g_assert_cmpuint (g_utf8_strlen (step->text, -1), >, 60);
          g_assert_cmpstr (step->text, !=, question->help);
          g_assert_cmpstr (step->text, !=, question->text);
          g_assert_cmpint (step->effort, >=, EMS_EFFORT_LOW);
          g_assert_cmpint (step->effort, <=, EMS_EFFORT_HIGH);
          /* the effort is data, not language */
          g_assert_cmpint (step->effort, ==, original->next_steps[k].effort);
          if (checklist != english)
            g_assert_cmpstr (step->text, !=, original->next_steps[k].text);
        }

      g_assert_cmpstr (question->next_steps[EMS_STEP_START].text, !=,
                       question->next_steps[EMS_STEP_IMPROVE].text);
    }
}

typedef struct
{
  const char *locale;
  const char *language;
  const char *effort_low;
} Language;

static const Language languages[] = {
  { "C.UTF-8", NULL, "Low" },
  { "fr_FR.UTF-8", "fr", "Faible" },
  { "es_MX.UTF-8", "es", "Bajo" },
};

/* GLib decides once per process whether g_dgettext translates at all, so
 * each language runs in a child started in that locale. There the
 * checklist is parsed twice: translated, then with the catalogue moved
 * out of reach, which gives the English to compare with. */
static void
test_next_steps (gconstpointer data)
{
  const Language *language = data;

  if (language->language == NULL)
    {
      g_autoptr(EmsChecklist) english = load_bundled ();

      g_assert_cmpuint (ems_checklist_get_n_questions (english), ==, 51);
      g_assert_cmpstr (ems_effort_to_label (EMS_EFFORT_LOW), ==, language->effort_low);
      check_steps (english, english);
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(EmsChecklist) translated = load_bundled ();
      g_autoptr(EmsChecklist) english = NULL;
      g_autofree char *localedir = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));

      g_assert_cmpstr (ems_effort_to_label (EMS_EFFORT_LOW), ==, language->effort_low);
      bindtextdomain (GETTEXT_PACKAGE, "/nonexistent");
      english = load_bundled ();
      bindtextdomain (GETTEXT_PACKAGE, localedir);

      g_assert_cmpstr (ems_checklist_get_element (english, 1)->title, ==, "Environmental Policy");
      g_assert_cmpstr (ems_checklist_get_element (translated, 1)->title, !=, "Environmental Policy");
      check_steps (translated, english);
      return;
    }

  {
    g_autofree char *saved_all = g_strdup (g_getenv ("LC_ALL"));
    g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
    g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));

    if (setlocale (LC_ALL, language->locale) == NULL)
      {
        /* build-aux/dev generates both locales: their absence is a failure */
        g_test_message ("the locale %s is not installed", language->locale);
        g_test_fail ();
        return;
      }
    setlocale (LC_ALL, saved_locale);

    g_setenv ("LC_ALL", language->locale, TRUE);
    g_setenv ("LANGUAGE", language->language, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    if (saved_all != NULL)
      g_setenv ("LC_ALL", saved_all, TRUE);
    else
      g_unsetenv ("LC_ALL");
    if (saved_language != NULL)
      g_setenv ("LANGUAGE", saved_language, TRUE);
    else
      g_unsetenv ("LANGUAGE");

    g_test_trap_assert_passed ();
  }
}

/* The ratings are spread, not all the same */
static void
test_efforts_spread (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  guint n_efforts[EMS_EFFORT_HIGH + 1] = { 0 };

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    for (guint k = 0; k < EMS_N_STEP_KINDS; k++)
      n_efforts[ems_checklist_get_question (checklist, i)->next_steps[k].effort]++;
  for (guint e = EMS_EFFORT_LOW; e <= EMS_EFFORT_HIGH; e++)
    g_assert_cmpuint (n_efforts[e], >, 0);
}

/* Which step a level calls for, and the words for it */
static void
test_step_for_level (void)
{
  const EmsQuestion *question = ems_checklist_lookup_question (ems_checklist_get_default (), "2.1");
  EmsStepKind kind = EMS_STEP_IMPROVE;
  EmsEffort effort;

  for (guint level = 0; level <= EMS_LEVEL_MAX; level++)
    {
      const EmsNextStep *step = ems_question_get_next_step (question, level);

      if (level == EMS_LEVEL_MAX)
        {
          g_assert_false (ems_step_kind_for_level (level, &kind));
          g_assert_null (step);
          continue;
        }
      g_assert_true (ems_step_kind_for_level (level, &kind));
      g_assert_cmpint (kind, ==, level <= 1 ? EMS_STEP_START : EMS_STEP_IMPROVE);
      g_assert_true (step == &question->next_steps[kind]);
    }
  g_assert_null (ems_question_get_next_step (question, EMS_LEVEL_NA));

  g_assert_cmpstr (ems_step_kind_to_string (EMS_STEP_START), ==, "start");
  g_assert_cmpstr (ems_step_kind_to_string (EMS_STEP_IMPROVE), ==, "improve");
  g_assert_cmpstr (ems_effort_to_string (EMS_EFFORT_LOW), ==, "low");
  g_assert_cmpstr (ems_effort_to_string (EMS_EFFORT_MEDIUM), ==, "medium");
  g_assert_cmpstr (ems_effort_to_string (EMS_EFFORT_HIGH), ==, "high");
  for (EmsEffort e = EMS_EFFORT_LOW; e <= EMS_EFFORT_HIGH; e++)
    {
      g_assert_true (ems_effort_from_string (ems_effort_to_string (e), &effort));
      g_assert_cmpint (effort, ==, e);
    }
  g_assert_false (ems_effort_from_string ("Low", &effort));
  g_assert_false (ems_effort_from_string (NULL, &effort));
}

/* Short titles for every clause the questions cite, in all languages */
static void
test_iso_clause_titles (void)
{
  EmsChecklist *checklist = ems_checklist_get_default ();

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);

      for (guint c = 0; question->iso_clauses[c] != NULL; c++)
        {
          const char *title = ems_checklist_get_iso_clause_title (checklist, question->iso_clauses[c]);

          g_assert_nonnull (title);
          g_assert_cmpuint (strlen (title), >, 4);
        }
    }

  g_assert_cmpstr (ems_checklist_get_iso_clause_title (checklist, "6.1.3"), ==, "Compliance obligations");
  g_assert_cmpstr (ems_checklist_get_iso_clause_title (checklist, "5.1"), ==, "Leadership and commitment");
  g_assert_nonnull (ems_checklist_get_iso_clause_title (checklist, "4.3"));
  g_assert_nonnull (ems_checklist_get_iso_clause_title (checklist, "4.4"));
  g_assert_null (ems_checklist_get_iso_clause_title (checklist, "11.1"));
  g_assert_null (ems_checklist_get_iso_clause_title (checklist, NULL));
}

/* A checklist with no steps still loads (the steps are optional data) */
static void
test_steps_optional (void)
{
  static const char xml[] =
    "<checklist id='x' version='1'><levels>"
    "<level value='0'><label>L0</label><meaning>M0</meaning></level>"
    "<level value='1'><label>L1</label><meaning>M1</meaning></level>"
    "<level value='2'><label>L2</label><meaning>M2</meaning></level>"
    "<level value='3'><label>L3</label><meaning>M3</meaning></level>"
    "<level value='4'><label>L4</label><meaning>M4</meaning></level>"
    "<level value='na'><label>NA</label><meaning>MNA</meaning></level>"
    "</levels>"
    "<iso14001><clause number='10.3'>Better</clause></iso14001>"
    "<element number='1'><title>t</title>"
    "<question id='1.1' iso='10.3'><text>q</text>"
    "<step kind='improve' effort='high'>\n   Do   it\n  well.  </step></question>"
    "<question id='1.2'><text>q</text></question>"
    "</element></checklist>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsChecklist) checklist = ems_checklist_new_from_bytes (bytes, &error);
  const EmsQuestion *q1, *q2;

  g_assert_no_error (error);
  q1 = ems_checklist_lookup_question (checklist, "1.1");
  q2 = ems_checklist_lookup_question (checklist, "1.2");
  g_assert_null (q1->next_steps[EMS_STEP_START].text);
  /* whitespace folded as xgettext folds it */
  g_assert_cmpstr (q1->next_steps[EMS_STEP_IMPROVE].text, ==, "Do it well.");
  g_assert_cmpint (q1->next_steps[EMS_STEP_IMPROVE].effort, ==, EMS_EFFORT_HIGH);
  g_assert_null (ems_question_get_next_step (q1, 0));
  g_assert_nonnull (ems_question_get_next_step (q1, 3));
  g_assert_null (q2->next_steps[EMS_STEP_START].text);
  g_assert_null (q2->next_steps[EMS_STEP_IMPROVE].text);
  g_assert_cmpstr (ems_checklist_get_iso_clause_title (checklist, "10.3"), ==, "Better");
}

static void
test_bad_checklists (void)
{
  const char *bad[] = {
    "",
    "<checklist id='x' version='1'>",
    "<checklist id='x' version='1'><element number='2'><title>t</title></element></checklist>",
    "<checklist id='x' version='1'><element number='1'><title>t</title>"
      "<question id='1.2'><text>q</text></question></element></checklist>",
    "<checklist id='x' version='1'><element number='1'><title>t</title>"
      "<question id='1.1' weight='7'><text>q</text></question></element></checklist>",
    "<checklist id='x' version='1'><element number='1'><title>t</title>"
      "<question id='1.1'><text>q</text></question></element></checklist>", /* no levels */
    "<checklist id='x' version='1'><bogus/></checklist>",
#define Q(step) "<checklist id='x' version='1'><element number='1'><title>t</title>" \
                "<question id='1.1'><text>q</text>" step "</question></element></checklist>"
    Q ("<step kind='begin' effort='low'>s</step>"),
    Q ("<step kind='start' effort='tiny'>s</step>"),
    Q ("<step kind='start'>s</step>"),
    Q ("<step effort='low'>s</step>"),
    Q ("<step kind='start' effort='low'>s</step><step kind='start' effort='low'>t</step>"),
    Q ("<step kind='start' effort='low'>  </step>"),
#undef Q
    "<checklist id='x' version='1'><element number='1'><title>t</title>"
      "<step kind='start' effort='low'>s</step></element></checklist>",
    "<checklist id='x' version='1'><element number='1'><title>t</title>"
      "<question id='1.1' iso='5.2 clause-7'><text>q</text></question></element></checklist>",
    "<checklist id='x' version='1'><clause number='4.1'>t</clause></checklist>",
    "<checklist id='x' version='1'><iso14001><clause number='4.'>t</clause></iso14001></checklist>",
    "<checklist id='x' version='1'><iso14001><clause number='4..1'>t</clause></iso14001></checklist>",
    "<checklist id='x' version='1'><iso14001><clause>t</clause></iso14001></checklist>",
    "<checklist id='x' version='1'><iso14001><clause number='4.1'>t</clause>"
      "<clause number='4.1'>u</clause></iso14001></checklist>",
    "<checklist id='x' version='1'><iso14001><clause number='4.1'></clause></iso14001></checklist>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(EmsChecklist) checklist = ems_checklist_new_from_bytes (bytes, &error);

      g_assert_null (checklist);
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The locale from the environment (C.UTF-8, or a child's language) and
   * the build tree's catalogues (EMS_LOCALEDIR) */
  ems_i18n_init ();

  g_test_add_func ("/checklist/default-structure", test_default_structure);
  g_test_add_data_func ("/checklist/next-steps/C", &languages[0], test_next_steps);
  g_test_add_data_func ("/checklist/next-steps/fr", &languages[1], test_next_steps);
  g_test_add_data_func ("/checklist/next-steps/es", &languages[2], test_next_steps);
  g_test_add_func ("/checklist/efforts-spread", test_efforts_spread);
  g_test_add_func ("/checklist/step-for-level", test_step_for_level);
  g_test_add_func ("/checklist/iso-clause-titles", test_iso_clause_titles);
  g_test_add_func ("/checklist/steps-optional", test_steps_optional);
  g_test_add_func ("/checklist/bad", test_bad_checklists);

  return g_test_run ();
}
