/* ems-emsa-reader.c: reading the .emsa format into an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ems-emsa-reader-private.h"
#include "ems-error.h"

/* The problem's place is @prefix/@member (either may be NULL): built
 * only when there is a problem to report. */
G_GNUC_PRINTF (5, 6)
static void
report (EmsEmsaReader *reader,
        gboolean       warning,
        const char    *prefix,
        const char    *member,
        const char    *format,
        ...)
{
  EmsProblem *problem = g_new0 (EmsProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  if (prefix != NULL && member != NULL)
    problem->path = g_strconcat (prefix, "/", member, NULL);
  else
    problem->path = g_strdup (prefix != NULL ? prefix : member);
  problem->warning = warning;
  if (reader->json != NULL)
    {
      problem->line = ems_json_reader_get_line (reader->json);
      problem->column = ems_json_reader_get_column (reader->json);
    }

  if (!warning)
    reader->n_errors++;

  g_ptr_array_add (reader->problems, problem);
}

static const char *
token_type_name (EmsEmsaReader *reader,
                 EmsJsonToken   token)
{
  switch (token)
    {
    case EMS_JSON_NULL:
      return "null";
    case EMS_JSON_BEGIN_OBJECT:
      return _("an object");
    case EMS_JSON_BEGIN_ARRAY:
      return _("a list");
    case EMS_JSON_STRING:
      return _("text");
    case EMS_JSON_BOOLEAN:
      return _("true or false");
    case EMS_JSON_INTEGER:
      return _("a whole number");
    case EMS_JSON_DOUBLE:
      if (ems_json_reader_get_int_overflow (reader->json))
        return _("a whole number too large for 64 bits");
      return _("a decimal number");
    case EMS_JSON_ERROR:
    case EMS_JSON_END:
    case EMS_JSON_END_OBJECT:
    case EMS_JSON_END_ARRAY:
    default:
      return _("a value");
    }
}

/* Reports a value of the wrong type and skips it. Returns FALSE on a
 * syntax error. */
static gboolean
wrong_type (EmsEmsaReader *reader,
            EmsJsonToken   token,
            const char    *path,
            const char    *member,
            const char    *expected)
{
  if (token == EMS_JSON_ERROR)
    return FALSE;

  /* Translators: what was expected, then the kind of JSON value found,
   * e.g. "must be text, not a list" */
  report (reader, FALSE, path, member, _("must be %s, not %s"), expected, token_type_name (reader, token));

  return ems_json_reader_skip (reader->json, token);
}

/* The members each object of the format knows, for member_index () */
static const char * const top_members[] = {
  "format", "format_version", "framework", "organisation", "assessor",
  "assessed_on", "target_level", "answers", "actions", "indicators", NULL
};
static const char * const framework_members[] = { "id", "version", NULL };
static const char * const organisation_members[] = {
  "name", "site", "sector", "employees", "country", NULL
};
static const char * const answer_members[] = {
  "level", "not_applicable", "note", "evidence", "reason", NULL
};
static const char * const action_members[] = {
  "title", "element", "question", "owner", "due", "status",
  "description", "phase", NULL
};

static int
member_index (const char * const *members,
              const char         *name)
{
  for (int i = 0; members[i] != NULL; i++)
    if (g_str_equal (members[i], name))
      return i;
  return -1;
}

/* A member known to this object that was already read in it: reported
 * and skipped, the first value kept. Never keep one value and silently
 * drop the other, at any level. */
static gboolean
repeated (EmsEmsaReader *reader,
          guint         *seen,
          int            index,
          const char    *path,
          const char    *member,
          EmsJsonToken   token)
{
  if (index < 0)
    return FALSE;

  if ((*seen & (1u << index)) == 0)
    {
      *seen |= 1u << index;
      return FALSE;
    }

  if (token != EMS_JSON_ERROR)
    {
      report (reader, FALSE, path, member, _("appears more than once"));
      ems_json_reader_skip (reader->json, token);
    }
  return TRUE;
}

/* A text value, or null. */
static gboolean
read_string (EmsEmsaReader *reader,
             EmsJsonToken   token,
             const char    *path,
             const char    *member,
             char         **out)
{
  const char *value;

  if (token == EMS_JSON_NULL)
    return TRUE;

  if (token != EMS_JSON_STRING)
    return wrong_type (reader, token, path, member, _("text"));

  value = ems_json_reader_get_string (reader->json);
  g_free (*out);
  *out = *value != '\0' ? g_strdup (value) : NULL;

  return TRUE;
}

/* A whole number in [min, max], or null; *set tells whether one was read. */
static gboolean
read_int (EmsEmsaReader *reader,
          EmsJsonToken   token,
          const char    *path,
          const char    *member,
          gint64         min,
          gint64         max,
          gint64        *out,
          gboolean      *set)
{
  gint64 value;

  *set = FALSE;

  if (token == EMS_JSON_NULL)
    return TRUE;

  if (token != EMS_JSON_INTEGER)
    {
      g_autofree char *expected = NULL;

      /* Translators: a range of whole numbers, e.g. "a whole number from 0 to 4" */
      /* (long long, not G_GINT64_FORMAT: xgettext cannot read that macro) */
      expected = g_strdup_printf (_("a whole number from %lld to %lld"),
                                  (long long) min, (long long) max);
      return wrong_type (reader, token, path, member, expected);
    }

  value = ems_json_reader_get_int (reader->json);
  if (value < min || value > max)
    {
      report (reader, FALSE, path, member,
              _("must be a whole number from %lld to %lld, not %lld"),
              (long long) min, (long long) max, (long long) value);
      return TRUE;
    }

  *out = value;
  *set = TRUE;

  return TRUE;
}

static gboolean
read_date (EmsEmsaReader *reader,
           EmsJsonToken   token,
           const char    *path,
           const char    *member,
           char         **out)
{
  g_autofree char *value = NULL;
  GDate date;

  if (!read_string (reader, token, path, member, &value))
    return FALSE;

  if (value == NULL)
    return TRUE;

  if (!ems_date_parse_iso (value, &date))
    {
      /* Translators: %s is what the file holds instead of a date */
      report (reader, FALSE, path, member, _("must be a date written YYYY-MM-DD, not “%s”"), value);
      return TRUE;
    }

  g_free (*out);
  *out = g_steal_pointer (&value);

  return TRUE;
}

/* Expects an object; reports and skips anything else. Returns FALSE when
 * the value is not an object (or on a syntax error). */
static gboolean
expect_object (EmsEmsaReader *reader,
               EmsJsonToken   token,
               const char    *path)
{
  if (token == EMS_JSON_BEGIN_OBJECT)
    return TRUE;
  if (token != EMS_JSON_NULL)
    wrong_type (reader, token, path, NULL, _("an object"));
  return FALSE;
}

/* A member this version does not know, kept to be written back; a
 * repeated one is an error, as for the members it knows. */
static void
keep_extra (EmsEmsaReader *reader,
            GPtrArray    **extra,
            const char    *path,
            const char    *name,
            EmsJsonToken   token)
{
  g_autofree char *member = g_strdup (name);
  g_autofree char *json = NULL;
  EmsExtraMember *kept;

  for (guint i = 0; *extra != NULL && i < (*extra)->len; i++)
    {
      kept = g_ptr_array_index (*extra, i);
      if (g_str_equal (kept->name, member))
        {
          if (token != EMS_JSON_ERROR)
            {
              report (reader, FALSE, path, member, _("appears more than once"));
              ems_json_reader_skip (reader->json, token);
            }
          return;
        }
    }

  json = ems_json_reader_dup_raw (reader->json, token);
  if (json == NULL)
    return;

  if (*extra == NULL)
    *extra = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_extra_member_free);

  kept = g_new0 (EmsExtraMember, 1);
  kept->name = g_steal_pointer (&member);
  kept->json = g_steal_pointer (&json);
  g_ptr_array_add (*extra, kept);
}

static void
skip_unknown (EmsEmsaReader *reader,
              const char    *path,
              const char    *name,
              EmsJsonToken   token)
{
  /* Translators: a member of the file this version does not know */
  report (reader, TRUE, path, name, _("is not a member Ten Elements knows: it is not kept when the file is saved again"));
  ems_json_reader_skip (reader->json, token);
}

static void
read_framework (EmsEmsaReader *reader)
{
  EmsChecklist *checklist = reader->self->checklist;
  const char *name;
  guint seen = 0;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *member = g_strdup (name);
      int index = member_index (framework_members, member);
      EmsJsonToken token = ems_json_reader_next (reader->json);

      if (repeated (reader, &seen, index, "framework", member, token))
        continue;

      if (g_str_equal (member, "id"))
        {
          g_autofree char *id = NULL;

          if (read_string (reader, token, "framework", "id", &id) &&
              id != NULL && g_strcmp0 (id, ems_checklist_get_id (checklist)) != 0)
            /* Translators: two checklist identifiers */
            report (reader, FALSE, "framework", "id",
                    _("names the checklist “%s”, but this program knows “%s”"),
                    id, ems_checklist_get_id (checklist));
        }
      else if (g_str_equal (member, "version"))
        {
          gint64 version = 0;
          gboolean set;

          if (read_int (reader, token, "framework", "version", 1, G_MAXINT, &version, &set) && set &&
              version > ems_checklist_get_version (checklist))
            report (reader, TRUE, "framework", "version",
                    _("is newer than this program's checklist (%lld > %u): answers to new questions are kept but not scored"),
                    (long long) version, ems_checklist_get_version (checklist));
        }
      else
        skip_unknown (reader, "framework", member, token);
    }
}

static void
read_organisation (EmsEmsaReader *reader)
{
  EmsAssessment *self = reader->self;
  const char *name;
  guint seen = 0;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      int index = member_index (organisation_members, name);
      EmsJsonToken token = ems_json_reader_next (reader->json);

      /* (the name of a plain value stays valid past next ()) */
      if (repeated (reader, &seen, index, "organisation", name, token))
        continue;

      if (g_str_equal (name, "name"))
        read_string (reader, token, "organisation", "name", &self->name);
      else if (g_str_equal (name, "site"))
        read_string (reader, token, "organisation", "site", &self->site);
      else if (g_str_equal (name, "sector"))
        read_string (reader, token, "organisation", "sector", &self->sector);
      else if (g_str_equal (name, "employees"))
        {
          gint64 value;
          gboolean set;

          if (read_int (reader, token, "organisation", "employees", 0, G_MAXINT, &value, &set) && set)
            self->employees = (int) value;
        }
      else if (g_str_equal (name, "country"))
        {
          if (read_string (reader, token, "organisation", "country", &self->country) &&
              self->country != NULL &&
              !(strlen (self->country) == 2 &&
                g_ascii_isupper (self->country[0]) && g_ascii_isupper (self->country[1])))
            {
              report (reader, FALSE, "organisation", "country",
                      _("must be a two-letter ISO 3166-1 country code such as CA, MX or US, not “%s”"),
                      self->country);
              g_clear_pointer (&self->country, g_free);
            }
        }
      else
        keep_extra (reader, &self->extra_organisation, "organisation", name, token);
    }
}

static void
read_answer (EmsEmsaReader *reader,
             const char    *id)
{
  EmsAssessment *self = reader->self;
  const char *path = reader->path->str;   /* "answers/<id>" */
  g_autoptr(EmsAnswer) answer = ems_answer_new ();
  gboolean has_level = FALSE, not_applicable = FALSE;
  guint line, column;
  gint64 level = 0;
  const char *name;
  guint seen = 0;

  line = ems_json_reader_get_line (reader->json);
  column = ems_json_reader_get_column (reader->json);

  while (ems_json_reader_next_member (reader->json, &name))
    {
      /* Decide on the name before the value is read: reading a nested
       * object would reuse the name's buffer. */
      int index = member_index (answer_members, name);
      g_autofree char *member = index < 0 ? g_strdup (name) : NULL;
      EmsJsonToken token = ems_json_reader_next (reader->json);

      if (repeated (reader, &seen, index, path, index >= 0 ? answer_members[index] : NULL, token))
        continue;

      if (index == 0)
        read_int (reader, token, path, "level", 0, EMS_LEVEL_MAX, &level, &has_level);
      else if (index == 1)
        {
          if (token == EMS_JSON_BOOLEAN)
            not_applicable = ems_json_reader_get_boolean (reader->json);
          else if (token != EMS_JSON_NULL)
            wrong_type (reader, token, path, "not_applicable", _("true or false"));
        }
      else if (index == 2)
        read_string (reader, token, path, "note", &answer->note);
      else if (index == 3)
        read_string (reader, token, path, "evidence", &answer->evidence);
      else if (index == 4)
        read_string (reader, token, path, "reason", &answer->reason);
      else
        skip_unknown (reader, path, member, token);
    }

  if (ems_json_reader_get_error (reader->json) != NULL)
    return;

  if (not_applicable)
    {
      EmsProblem *problem = NULL;

      if (has_level)
        report (reader, FALSE, path, NULL, _("is marked not applicable and also has a level"));
      else if (answer->reason == NULL)
        report (reader, TRUE, path, NULL, _("is marked not applicable without a reason"));
      else
        goto located;

      problem = g_ptr_array_index (reader->problems, reader->problems->len - 1);
      problem->line = line;
      problem->column = column;
    located:
      answer->state = EMS_ANSWER_NOT_APPLICABLE;
    }
  else if (has_level)
    {
      answer->state = EMS_ANSWER_LEVEL;
      answer->level = (guint) level;
    }

  if (ems_checklist_lookup_question (self->checklist, id) == NULL)
    {
      EmsProblem *problem;

      /* Translators: %s is a checklist identifier such as cec-10-elements */
      report (reader, TRUE, path, NULL,
              _("is not a question of the checklist “%s”: it is kept but not scored"),
              ems_checklist_get_id (self->checklist));
      problem = g_ptr_array_index (reader->problems, reader->problems->len - 1);
      problem->line = line;
      problem->column = column;
    }

  if (!ems_answer_is_empty (answer))
    g_hash_table_insert (self->answers, g_strdup (id), g_steal_pointer (&answer));
}

static void
read_answers (EmsEmsaReader *reader)
{
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *id = g_strdup (name);
      EmsJsonToken token;

      g_string_assign (reader->path, "answers/");
      g_string_append (reader->path, id);
      token = ems_json_reader_next (reader->json);

      /* Never keep one answer and silently drop the other. (An entry
       * with nothing in it is not kept, so a repeat of it loses nothing.) */
      if (g_hash_table_contains (reader->self->answers, id))
        {
          report (reader, FALSE, reader->path->str, NULL, _("appears more than once"));
          ems_json_reader_skip (reader->json, token);
          continue;
        }

      if (expect_object (reader, token, reader->path->str))
        read_answer (reader, id);
    }
}

static void
read_action (EmsEmsaReader *reader,
             guint          index)
{
  EmsChecklist *checklist = reader->self->checklist;
  const char *path = reader->path->str;   /* "actions/<n>" */
  g_autofree char *title = NULL, *question = NULL, *owner = NULL, *due = NULL;
  g_autofree char *description = NULL;
  g_autoptr(EmsAction) action = NULL;
  EmsActionStatus status = EMS_ACTION_OPEN;
  gint64 element = 0;
  gint64 phase = 0;
  guint line, column;
  const char *name;
  guint seen = 0;

  line = ems_json_reader_get_line (reader->json);
  column = ems_json_reader_get_column (reader->json);

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *member = g_strdup (name);
      EmsJsonToken token = ems_json_reader_next (reader->json);

      if (repeated (reader, &seen, member_index (action_members, member), path, member, token))
        continue;

      if (g_str_equal (member, "title"))
        read_string (reader, token, path, member, &title);
      else if (g_str_equal (member, "element"))
        {
          gboolean set;

          read_int (reader, token, path, member, 1, ems_checklist_get_n_elements (checklist), &element, &set);
        }
      else if (g_str_equal (member, "question"))
        read_string (reader, token, path, member, &question);
      else if (g_str_equal (member, "owner"))
        read_string (reader, token, path, member, &owner);
      else if (g_str_equal (member, "due"))
        read_date (reader, token, path, member, &due);
      else if (g_str_equal (member, "description"))
        read_string (reader, token, path, member, &description);
      else if (g_str_equal (member, "phase"))
        {
          gboolean set;

          read_int (reader, token, path, member, 1, EMS_ACTION_MAX_PHASE, &phase, &set);
        }
      else if (g_str_equal (member, "status"))
        {
          g_autofree char *value = NULL;

          if (read_string (reader, token, path, member, &value) &&
              value != NULL && !ems_action_status_from_string (value, &status))
            /* Translators: do not translate open, in-progress, done */
            report (reader, FALSE, path, member, _("must be open, in-progress or done, not “%s”"), value);
        }
      else
        skip_unknown (reader, path, member, token);
    }

  if (title == NULL)
    {
      EmsProblem *problem;

      report (reader, TRUE, path, NULL, _("has no title"));
      problem = g_ptr_array_index (reader->problems, reader->problems->len - 1);
      problem->line = line;
      problem->column = column;
    }

  action = g_object_new (EMS_TYPE_ACTION,
                         "title", title,
                         "element", (guint) element,
                         "question", question,
                         "owner", owner,
                         "due", due,
                         "description", description,
                         "phase", (guint) phase,
                         "status", status,
                         NULL);
  ems_assessment_add_action (reader->self, action);
}

static void
read_actions (EmsEmsaReader *reader)
{
  for (guint i = 0;; i++)
    {
      EmsJsonToken token = ems_json_reader_next (reader->json);

      if (token == EMS_JSON_END_ARRAY || token == EMS_JSON_ERROR)
        return;

      g_string_printf (reader->path, "actions/%u", i + 1);
      if (expect_object (reader, token, reader->path->str))
        read_action (reader, i);
    }
}

/**
 * ems_assessment_load_from_data:
 * @problems: (out) (optional) (transfer full): every problem found,
 *   EmsProblem*, warnings included
 *
 * Reads an .emsa document. Returns %NULL and sets @error when the
 * document is not a valid assessment; answers for question ids the
 * checklist does not know are kept and reported as warnings.
 */
EmsAssessment *
ems_assessment_load_from_data (EmsChecklist  *checklist,
                               const char    *data,
                               gsize          length,
                               GPtrArray    **problems,
                               GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_problem_free);
  g_autoptr(GString) path = g_string_sized_new (64);
  g_autoptr(EmsAssessment) self = NULL;
  g_autoptr(EmsJsonReader) json = NULL;
  g_autofree char *format = NULL;
  EmsEmsaReader reader = { NULL, NULL, found, 0, path };
  gboolean has_format = FALSE, has_version = FALSE, version_overflow = FALSE;
  guint seen = 0;
  gint64 version = 0;
  guint version_line = 0, version_column = 0;
  guint indicators_line = 0, indicators_column = 0;
  const char *name;
  EmsJsonToken token;

  g_return_val_if_fail (checklist == NULL || EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (problems != NULL)
    *problems = NULL;

  self = ems_assessment_new (checklist);
  reader.self = self;

  if (length > EMS_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (EMS_MAX_FILE_SIZE);
      g_autofree char *message = NULL;

      /* Translators: two sizes, e.g. "50.0 MB" and "16.8 MB" */
      message = g_strdup_printf (_("The file is too large to be an assessment (%s; the limit is %s)"), size, max);
      ems_emsa_reader_fail (error, &reader, EMS_ERROR_TOO_LARGE, 0, 0, message);
      goto out;
    }

  if (length == 0)
    {
      ems_emsa_reader_fail (error, &reader, EMS_ERROR_NOT_JSON, 0, 0, _("The file is empty"));
      goto out;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      guint line, column;

      ems_emsa_locate_offset (data, (const char *) memchr (data, '\0', length) - data, &line, &column);
      ems_emsa_reader_fail (error, &reader, EMS_ERROR_NOT_JSON, line, column,
                            _("The file holds binary data, not an assessment"));
      goto out;
    }

  json = ems_json_reader_new (data, length);
  reader.json = json;

  token = ems_json_reader_next (json);
  if (token != EMS_JSON_BEGIN_OBJECT)
    {
      if (token != EMS_JSON_ERROR)
        {
          ems_emsa_reader_fail (error, &reader, EMS_ERROR_INVALID, 0, 0,
                                _("The file is JSON, but not an assessment: it does not hold an object"));
          goto out;
        }
    }
  else
    {
      while (ems_json_reader_next_member (json, &name))
        {
          g_autofree char *member = g_strdup (name);

          token = ems_json_reader_next (json);

          if (repeated (&reader, &seen, member_index (top_members, member), NULL, member, token))
            continue;

          if (g_str_equal (member, "format"))
            {
              has_format = TRUE;
              if (token == EMS_JSON_STRING)
                format = g_strdup (ems_json_reader_get_string (json));
              else
                ems_json_reader_skip (json, token);
            }
          else if (g_str_equal (member, "format_version"))
            {
              has_version = token == EMS_JSON_INTEGER;
              version_overflow = token == EMS_JSON_DOUBLE && ems_json_reader_get_int_overflow (json);
              version = ems_json_reader_get_int (json);
              version_line = ems_json_reader_get_line (json);
              version_column = ems_json_reader_get_column (json);
              ems_json_reader_skip (json, token);
            }
          else if (g_str_equal (member, "framework"))
            {
              if (expect_object (&reader, token, "framework"))
                read_framework (&reader);
            }
          else if (g_str_equal (member, "organisation"))
            {
              if (expect_object (&reader, token, "organisation"))
                read_organisation (&reader);
            }
          else if (g_str_equal (member, "assessor"))
            read_string (&reader, token, NULL, "assessor", &self->assessor);
          else if (g_str_equal (member, "assessed_on"))
            read_date (&reader, token, NULL, "assessed_on", &self->assessed_on);
          else if (g_str_equal (member, "target_level"))
            {
              gint64 value;
              gboolean set;

              if (read_int (&reader, token, NULL, "target_level", 0, EMS_LEVEL_MAX, &value, &set) && set)
                self->target_level = (guint) value;
            }
          else if (g_str_equal (member, "answers"))
            {
              if (expect_object (&reader, token, "answers"))
                read_answers (&reader);
            }
          else if (g_str_equal (member, "actions"))
            {
              if (token == EMS_JSON_BEGIN_ARRAY)
                read_actions (&reader);
              else if (token != EMS_JSON_NULL)
                wrong_type (&reader, token, NULL, "actions", _("a list"));
            }
          else if (g_str_equal (member, "indicators"))
            {
              indicators_line = ems_json_reader_get_line (json);
              indicators_column = ems_json_reader_get_column (json);
              ems_emsa_read_indicators (&reader, token);
            }
          else
            keep_extra (&reader, &self->extra, NULL, member, token);
        }

      if (ems_json_reader_get_error (json) == NULL)
        ems_json_reader_next (json);   /* only the end may follow */
    }

  if (ems_json_reader_get_error (json) != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s describes what is wrong in the JSON text */
      message = g_strdup_printf (_("not a valid JSON document: %s"), ems_json_reader_get_error (json));
      ems_emsa_reader_fail (error, &reader, EMS_ERROR_NOT_JSON,
                            ems_json_reader_get_line (json), ems_json_reader_get_column (json), message);
      goto out;
    }

  /* The format and its version decide whether the rest means anything: a
   * newer version is refused whole, never half-read. */
  if (!has_format || g_strcmp0 (format, EMS_FORMAT_NAME) != 0)
    {
      /* Translators: %s is the format name, ten-elements-assessment */
      g_autofree char *message = g_strdup_printf (_("The file is not a Ten Elements assessment (its “format” is not “%s”)"),
                                                  EMS_FORMAT_NAME);

      ems_emsa_reader_fail (error, &reader, EMS_ERROR_INVALID, 0, 0, message);
      goto out;
    }

  if (!has_version || version < 1)
    {
      ems_emsa_reader_fail (error, &reader, EMS_ERROR_INVALID, version_line, version_column,
                            version_overflow ? _("The file’s “format_version” is a whole number too large for 64 bits")
                                             : _("The file has no valid “format_version”"));
      goto out;
    }

  if (version > EMS_FORMAT_VERSION_NEWEST)
    {
      g_autofree char *message = NULL;

      /* Translators: two version numbers */
      message = g_strdup_printf (_("The file was written by a newer version of Ten Elements (format version %lld; this version reads up to %d). Update Ten Elements to open it."),
                                 (long long) version, EMS_FORMAT_VERSION_NEWEST);
      ems_emsa_reader_fail (error, &reader, EMS_ERROR_NEWER_VERSION, 0, 0, message);
      goto out;
    }

  ems_emsa_check_indicators_version (&reader, version, indicators_line, indicators_column);

  if (reader.n_errors > 0)
    ems_emsa_reader_set_error (error, &reader);

out:
  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  if (reader.n_errors > 0)
    return NULL;

  return g_steal_pointer (&self);
}
