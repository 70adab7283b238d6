/* test-checklist.c: the bundled checklist data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ems-checklist.h"

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

  g_test_add_func ("/checklist/default-structure", test_default_structure);
  g_test_add_func ("/checklist/bad", test_bad_checklists);

  return g_test_run ();
}
