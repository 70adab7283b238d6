/* ems-cli-checklist.c: --checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ems-cli-private.h"
#include "ems-json-writer.h"

/* --checklist --json */

static void
add_strv (EmsJsonPretty *w,
          const char    *member,
          char * const  *values)
{
  ems_json_pretty_begin (w, member, '[');
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (*values[i] != '\0')
      ems_json_pretty_string (w, NULL, values[i]);
  ems_json_pretty_end (w, ']');
}

int
ems_cli_run_checklist (gboolean json)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  g_autoptr(GString) out = NULL;
  EmsJsonPretty w;

  if (!json)
    {
      for (guint e = 1; e <= ems_checklist_get_n_elements (checklist); e++)
        {
          const EmsElement *element = ems_checklist_get_element (checklist, e);

          printf ("%u. %s\n", element->number, element->title);
          for (guint q = 0; q < element->n_questions; q++)
            {
              const EmsQuestion *question = element->questions[q];

              printf ("   %s%s %s\n", question->id, question->critical ? " *" : "  ", question->text);
            }
        }
      printf ("\n%s\n", _("* critical question: answered 0, it flags its element"));
      return EMS_EXIT_OK;
    }

  out = g_string_sized_new (64 * 1024);
  ems_json_pretty_init (&w, out);
  ems_json_pretty_begin (&w, NULL, '{');

  ems_json_pretty_begin (&w, "framework", '{');
  ems_json_pretty_string (&w, "id", ems_checklist_get_id (checklist));
  ems_json_pretty_int (&w, "version", ems_checklist_get_version (checklist));
  ems_json_pretty_end (&w, '}');

  ems_json_pretty_begin (&w, "levels", '[');
  for (guint l = 0; l < EMS_N_LEVELS; l++)
    {
      ems_json_pretty_begin (&w, NULL, '{');
      if (l == EMS_LEVEL_NA)
        ems_json_pretty_string (&w, "level", "N/A");
      else
        ems_json_pretty_int (&w, "level", l);
      ems_json_pretty_string (&w, "label", ems_checklist_get_level_label (checklist, l));
      ems_json_pretty_string (&w, "meaning", ems_checklist_get_level_meaning (checklist, l));
      ems_json_pretty_end (&w, '}');
    }
  ems_json_pretty_end (&w, ']');

  ems_json_pretty_begin (&w, "elements", '[');
  for (guint e = 1; e <= ems_checklist_get_n_elements (checklist); e++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, e);

      ems_json_pretty_begin (&w, NULL, '{');
      ems_json_pretty_int (&w, "number", element->number);
      ems_json_pretty_string (&w, "title", element->title);
      ems_json_pretty_string (&w, "why", element->why);
      ems_json_pretty_begin (&w, "questions", '[');
      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsQuestion *question = element->questions[q];

          ems_json_pretty_begin (&w, NULL, '{');
          ems_json_pretty_string (&w, "id", question->id);
          ems_json_pretty_string (&w, "text", question->text);
          ems_json_pretty_string (&w, "help", question->help);
          ems_json_pretty_int (&w, "weight", question->weight);
          ems_json_pretty_bool (&w, "critical", question->critical);
          add_strv (&w, "iso14001", question->iso_clauses);
          add_strv (&w, "epa_cfems", question->epa_elements);
          ems_json_pretty_begin (&w, "next_steps", '{');
          for (guint k = 0; k < EMS_N_STEP_KINDS; k++)
            {
              const EmsNextStep *step = &question->next_steps[k];

              ems_json_pretty_begin (&w, ems_step_kind_to_string (k), '{');
              ems_json_pretty_string (&w, "text", step->text);
              ems_json_pretty_string (&w, "effort", ems_effort_to_string (step->effort));
              ems_json_pretty_end (&w, '}');
            }
          ems_json_pretty_end (&w, '}');
          ems_json_pretty_end (&w, '}');
        }
      ems_json_pretty_end (&w, ']');
      ems_json_pretty_end (&w, '}');
    }
  ems_json_pretty_end (&w, ']');

  ems_json_pretty_end (&w, '}');
  g_string_append_c (out, '\n');
  fwrite (out->str, 1, out->len, stdout);

  return EMS_EXIT_OK;
}
