/* ems-emsa-reader.c: reading the .emsa format into an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ems-assessment-private.h"
#include "ems-error.h"
#include "ems-json-reader.h"

void
ems_problem_free (EmsProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem->path);
  g_free (problem);
}

/* Reading
 *
 * Token by token with EmsJsonReader, so that every problem carries its
 * line and column, and a problem in one member never stops the others from
 * being checked: --validate reports them all at once.
 */

typedef struct
{
  EmsAssessment *self;
  EmsJsonReader *json;
  GPtrArray     *problems;   /* EmsProblem* */
  guint          n_errors;
  GString       *path;       /* the answer or action being read */
} Reader;

/* The problem's place is @prefix/@member (either may be NULL): built
 * only when there is a problem to report. */
G_GNUC_PRINTF (5, 6)
static void
report (Reader     *reader,
        gboolean    warning,
        const char *prefix,
        const char *member,
        const char *format,
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
token_type_name (EmsJsonToken token)
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
wrong_type (Reader       *reader,
            EmsJsonToken  token,
            const char   *path,
            const char   *member,
            const char   *expected)
{
  if (token == EMS_JSON_ERROR)
    return FALSE;

  /* Translators: what was expected, then the kind of JSON value found,
   * e.g. "must be text, not a list" */
  report (reader, FALSE, path, member, _("must be %s, not %s"), expected, token_type_name (token));

  return ems_json_reader_skip (reader->json, token);
}

/* A text value, or null. */
static gboolean
read_string (Reader       *reader,
             EmsJsonToken  token,
             const char   *path,
             const char   *member,
             char        **out)
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
read_int (Reader       *reader,
          EmsJsonToken  token,
          const char   *path,
          const char   *member,
          gint64        min,
          gint64        max,
          gint64       *out,
          gboolean     *set)
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
read_date (Reader       *reader,
           EmsJsonToken  token,
           const char   *path,
           const char   *member,
           char        **out)
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
expect_object (Reader       *reader,
               EmsJsonToken  token,
               const char   *path)
{
  if (token == EMS_JSON_BEGIN_OBJECT)
    return TRUE;
  if (token != EMS_JSON_NULL)
    wrong_type (reader, token, path, NULL, _("an object"));
  return FALSE;
}

static void
keep_extra (Reader        *reader,
            GPtrArray    **extra,
            const char    *name,
            EmsJsonToken   token)
{
  g_autofree char *member = g_strdup (name);
  g_autofree char *json = ems_json_reader_dup_raw (reader->json, token);
  EmsExtraMember *kept;

  if (json == NULL)
    return;

  if (*extra == NULL)
    *extra = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_extra_member_free);

  /* A repeated member: the last one stands, where the first stood */
  for (guint i = 0; i < (*extra)->len; i++)
    {
      kept = g_ptr_array_index (*extra, i);
      if (g_str_equal (kept->name, member))
        {
          g_free (kept->json);
          kept->json = g_steal_pointer (&json);
          return;
        }
    }

  kept = g_new0 (EmsExtraMember, 1);
  kept->name = g_steal_pointer (&member);
  kept->json = g_steal_pointer (&json);
  g_ptr_array_add (*extra, kept);
}

static void
skip_unknown (Reader       *reader,
              const char   *path,
              const char   *name,
              EmsJsonToken  token)
{
  /* Translators: a member of the file this version does not know */
  report (reader, TRUE, path, name, _("is not a member Ten Elements knows: it is not kept when the file is saved again"));
  ems_json_reader_skip (reader->json, token);
}

static void
read_framework (Reader *reader)
{
  EmsChecklist *checklist = reader->self->checklist;
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      EmsJsonToken token;

      if (g_str_equal (name, "id"))
        {
          g_autofree char *id = NULL;

          token = ems_json_reader_next (reader->json);
          if (read_string (reader, token, "framework", "id", &id) &&
              id != NULL && g_strcmp0 (id, ems_checklist_get_id (checklist)) != 0)
            /* Translators: two checklist identifiers */
            report (reader, FALSE, "framework", "id",
                    _("names the checklist “%s”, but this program knows “%s”"),
                    id, ems_checklist_get_id (checklist));
        }
      else if (g_str_equal (name, "version"))
        {
          gint64 version = 0;
          gboolean set;

          token = ems_json_reader_next (reader->json);
          if (read_int (reader, token, "framework", "version", 1, G_MAXINT, &version, &set) && set &&
              version > ems_checklist_get_version (checklist))
            report (reader, TRUE, "framework", "version",
                    _("is newer than this program's checklist (%lld > %u): answers to new questions are kept but not scored"),
                    (long long) version, ems_checklist_get_version (checklist));
        }
      else
        skip_unknown (reader, "framework", name, ems_json_reader_next (reader->json));
    }
}

static void
read_organisation (Reader *reader)
{
  EmsAssessment *self = reader->self;
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      EmsJsonToken token = ems_json_reader_next (reader->json);

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
        keep_extra (reader, &self->extra_organisation, name, token);
    }
}

static void
read_answer (Reader     *reader,
             const char *id)
{
  EmsAssessment *self = reader->self;
  const char *path = reader->path->str;   /* "answers/<id>" */
  g_autoptr(EmsAnswer) answer = ems_answer_new ();
  gboolean has_level = FALSE, not_applicable = FALSE;
  guint line, column;
  gint64 level = 0;
  const char *name;

  line = ems_json_reader_get_line (reader->json);
  column = ems_json_reader_get_column (reader->json);

  while (ems_json_reader_next_member (reader->json, &name))
    {
      EmsJsonToken token;

      /* Decide on the name before the value is read: reading a nested
       * object would reuse the name's buffer. */
      if (g_str_equal (name, "level"))
        read_int (reader, ems_json_reader_next (reader->json), path, "level",
                  0, EMS_LEVEL_MAX, &level, &has_level);
      else if (g_str_equal (name, "not_applicable"))
        {
          token = ems_json_reader_next (reader->json);
          if (token == EMS_JSON_BOOLEAN)
            not_applicable = ems_json_reader_get_boolean (reader->json);
          else if (token != EMS_JSON_NULL)
            wrong_type (reader, token, path, "not_applicable", _("true or false"));
        }
      else if (g_str_equal (name, "note"))
        read_string (reader, ems_json_reader_next (reader->json), path, "note", &answer->note);
      else if (g_str_equal (name, "evidence"))
        read_string (reader, ems_json_reader_next (reader->json), path, "evidence", &answer->evidence);
      else if (g_str_equal (name, "reason"))
        read_string (reader, ems_json_reader_next (reader->json), path, "reason", &answer->reason);
      else
        {
          g_autofree char *member = g_strdup (name);

          skip_unknown (reader, path, member, ems_json_reader_next (reader->json));
        }
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
read_answers (Reader *reader)
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
read_action (Reader *reader,
             guint   index)
{
  EmsChecklist *checklist = reader->self->checklist;
  const char *path = reader->path->str;   /* "actions/<n>" */
  g_autofree char *title = NULL, *question = NULL, *owner = NULL, *due = NULL;
  g_autoptr(EmsAction) action = NULL;
  EmsActionStatus status = EMS_ACTION_OPEN;
  gint64 element = 0;
  guint line, column;
  const char *name;

  line = ems_json_reader_get_line (reader->json);
  column = ems_json_reader_get_column (reader->json);

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *member = g_strdup (name);
      EmsJsonToken token = ems_json_reader_next (reader->json);

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
                         "status", status,
                         NULL);
  ems_assessment_add_action (reader->self, action);
}

static void
read_actions (Reader *reader)
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

static void
locate_offset (const char *data,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

/* Forgets every problem found so far and records only this one: used for
 * the problems that make the rest meaningless (not JSON, another format,
 * a newer version). */
static void
fail_with (GError     **error,
           Reader      *reader,
           int          code,
           guint        line,
           guint        column,
           const char  *message)
{
  EmsProblem *problem = g_new0 (EmsProblem, 1);

  g_ptr_array_set_size (reader->problems, 0);
  problem->message = g_strdup (message);
  problem->line = line;
  problem->column = column;
  g_ptr_array_add (reader->problems, problem);
  reader->n_errors = 1;

  if (line > 0)
    /* Translators: line, column, then the problem */
    g_set_error (error, EMS_ERROR, code, _("Line %u, column %u: %s"), line, column, message);
  else
    g_set_error_literal (error, EMS_ERROR, code, message);
}

static void
set_error_from_problems (GError **error,
                         Reader  *reader)
{
  EmsProblem *first = NULL;
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < reader->problems->len; i++)
    {
      EmsProblem *problem = g_ptr_array_index (reader->problems, i);

      if (!problem->warning)
        {
          first = problem;
          break;
        }
    }
  g_assert (first != NULL);

  if (first->line > 0)
    g_string_append_printf (message, _("Line %u, column %u: "), first->line, first->column);

  if (first->path != NULL)
    /* Translators: the first %s names where in the file (e.g.
     * "answers/1.2/level"), the second says what is wrong */
    g_string_append_printf (message, _("“%s” %s"), first->path, first->message);
  else
    g_string_append (message, first->message);

  if (reader->n_errors > 1)
    {
      g_string_append (message, " ");
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "(and %u more problem)",
                                           "(and %u more problems)",
                                           reader->n_errors - 1),
                              reader->n_errors - 1);
    }

  g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID, message->str);
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
  Reader reader = { NULL, NULL, found, 0, path };
  gboolean has_format = FALSE, has_version = FALSE;
  gint64 version = 0;
  guint version_line = 0, version_column = 0;
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
      fail_with (error, &reader, EMS_ERROR_TOO_LARGE, 0, 0, message);
      goto out;
    }

  if (length == 0)
    {
      fail_with (error, &reader, EMS_ERROR_NOT_JSON, 0, 0, _("The file is empty"));
      goto out;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      guint line, column;

      locate_offset (data, (const char *) memchr (data, '\0', length) - data, &line, &column);
      fail_with (error, &reader, EMS_ERROR_NOT_JSON, line, column,
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
          fail_with (error, &reader, EMS_ERROR_INVALID, 0, 0,
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
          else
            keep_extra (&reader, &self->extra, member, token);
        }

      if (ems_json_reader_get_error (json) == NULL)
        ems_json_reader_next (json);   /* only the end may follow */
    }

  if (ems_json_reader_get_error (json) != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s describes what is wrong in the JSON text */
      message = g_strdup_printf (_("not a valid JSON document: %s"), ems_json_reader_get_error (json));
      fail_with (error, &reader, EMS_ERROR_NOT_JSON,
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

      fail_with (error, &reader, EMS_ERROR_INVALID, 0, 0, message);
      goto out;
    }

  if (!has_version || version < 1)
    {
      fail_with (error, &reader, EMS_ERROR_INVALID, version_line, version_column,
                 _("The file has no valid “format_version”"));
      goto out;
    }

  if (version > EMS_FORMAT_VERSION)
    {
      g_autofree char *message = NULL;

      /* Translators: two version numbers */
      message = g_strdup_printf (_("The file was written by a newer version of Ten Elements (format version %lld; this version reads up to %d). Update Ten Elements to open it."),
                                 (long long) version, EMS_FORMAT_VERSION);
      fail_with (error, &reader, EMS_ERROR_NEWER_VERSION, 0, 0, message);
      goto out;
    }

  if (reader.n_errors > 0)
    set_error_from_problems (error, &reader);

out:
  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  if (reader.n_errors > 0)
    return NULL;

  return g_steal_pointer (&self);
}
