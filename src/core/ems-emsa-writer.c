/* ems-emsa-writer.c: writing an assessment in the .emsa format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include "ems-emsa-reader-private.h"

/* Writing
 *
 * By hand with EmsJsonPretty, in the layout json-glib's generator gave
 * (two spaces, "name" : value), so files read the same as before.
 */

static void
write_string (EmsJsonPretty *w,
              const char    *member,
              const char    *value)
{
  if (value != NULL)
    ems_json_pretty_string (w, member, value);
}

static void
write_extra (EmsJsonPretty *w,
             GPtrArray     *extra)
{
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    {
      EmsExtraMember *member = g_ptr_array_index (extra, i);

      ems_json_pretty_raw (w, member->name, member->json);
    }
}

/**
 * ems_assessment_serialize:
 * @self: an assessment
 *
 * Returns: (transfer full): the .emsa text, as saving writes it
 */
GBytes *
ems_assessment_serialize (EmsAssessment *self)
{
  g_autoptr(GString) out = g_string_sized_new (16 * 1024);
  g_auto(GStrv) ids = NULL;
  EmsJsonPretty w;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);

  ems_json_pretty_init (&w, out);
  ems_json_pretty_begin (&w, NULL, '{');

  ems_json_pretty_string (&w, "format", EMS_FORMAT_NAME);
  ems_json_pretty_int (&w, "format_version", ems_emsa_format_version (self));

  ems_json_pretty_begin (&w, "framework", '{');
  ems_json_pretty_string (&w, "id", ems_checklist_get_id (self->checklist));
  ems_json_pretty_int (&w, "version", ems_checklist_get_version (self->checklist));
  ems_json_pretty_end (&w, '}');

  ems_json_pretty_begin (&w, "organisation", '{');
  ems_json_pretty_string (&w, "name", self->name != NULL ? self->name : "");
  write_string (&w, "site", self->site);
  write_string (&w, "sector", self->sector);
  if (self->employees >= 0)
    ems_json_pretty_int (&w, "employees", self->employees);
  write_string (&w, "country", self->country);
  write_extra (&w, self->extra_organisation);
  ems_json_pretty_end (&w, '}');

  write_string (&w, "assessor", self->assessor);
  write_string (&w, "assessed_on", self->assessed_on);
  ems_json_pretty_int (&w, "target_level", self->target_level);

  ems_json_pretty_begin (&w, "answers", '{');
  ids = ems_assessment_dup_ids (self, FALSE);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const EmsAnswer *answer = g_hash_table_lookup (self->answers, ids[i]);

      ems_json_pretty_begin (&w, ids[i], '{');
      if (answer->state == EMS_ANSWER_LEVEL)
        ems_json_pretty_int (&w, "level", answer->level);
      else if (answer->state == EMS_ANSWER_NOT_APPLICABLE)
        ems_json_pretty_bool (&w, "not_applicable", TRUE);
      write_string (&w, "reason", answer->reason);
      write_string (&w, "note", answer->note);
      write_string (&w, "evidence", answer->evidence);
      ems_json_pretty_end (&w, '}');
    }
  ems_json_pretty_end (&w, '}');

  ems_json_pretty_begin (&w, "actions", '[');
  for (guint i = 0; i < self->actions->len; i++)
    {
      EmsAction *action = g_ptr_array_index (self->actions, i);

      ems_json_pretty_begin (&w, NULL, '{');
      ems_json_pretty_string (&w, "title", ems_action_get_title (action) ? ems_action_get_title (action) : "");
      if (ems_action_get_element (action) > 0)
        ems_json_pretty_int (&w, "element", ems_action_get_element (action));
      write_string (&w, "question", ems_action_get_question (action));
      write_string (&w, "owner", ems_action_get_owner (action));
      write_string (&w, "due", ems_action_get_due (action));
      write_string (&w, "description", ems_action_get_description (action));
      if (ems_action_get_phase (action) > 0)
        ems_json_pretty_int (&w, "phase", ems_action_get_phase (action));
      write_string (&w, "status", ems_action_status_to_string (ems_action_get_status (action)));
      ems_json_pretty_end (&w, '}');
    }
  ems_json_pretty_end (&w, ']');

  ems_emsa_write_indicators (&w, self);

  write_extra (&w, self->extra);

  ems_json_pretty_end (&w, '}');

  /* A text file ends with a newline. */
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
