/* ems-emsa-indicators.c: the "indicators" member of .emsa format version
 * 2, read and written
 *
 * Read token by token like the rest of the file (ems-emsa-reader.c), so
 * every problem has its line and column; the rules for the figures are the
 * indicator set's (ems-indicators.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ems-emsa-reader-private.h"
#include "ems-error.h"
#include "ems-indicators.h"

/* A problem at the reader's place, or at @line:@column when not 0 */
static void
report_at (EmsEmsaReader *reader,
           gboolean       warning,
           guint          line,
           guint          column,
           const char    *path,
           const char    *message)
{
  EmsProblem *problem = g_new0 (EmsProblem, 1);

  problem->message = g_strdup (message);
  problem->path = g_strdup (path);
  problem->warning = warning;
  if (line > 0)
    {
      problem->line = line;
      problem->column = column;
    }
  else
    {
      problem->line = ems_json_reader_get_line (reader->json);
      problem->column = ems_json_reader_get_column (reader->json);
    }
  if (!warning)
    reader->n_errors++;
  g_ptr_array_add (reader->problems, problem);
}

static void
report_error (EmsEmsaReader *reader,
              const char    *path,
              GError        *error)
{
  report_at (reader, FALSE, 0, 0, path, error->message);
}

/* Reports a value of another type than @expected and skips it */
static void
wrong_type (EmsEmsaReader *reader,
            EmsJsonToken   token,
            const char    *path,
            const char    *expected)
{
  g_autofree char *message = NULL;

  if (token == EMS_JSON_ERROR)
    return;

  /* Translators: what a member must be, e.g. "must be a number" */
  message = g_strdup_printf (_("must be %s"), expected);
  report_at (reader, FALSE, 0, 0, path, message);
  ems_json_reader_skip (reader->json, token);
}

/* TRUE when the member was not seen yet in this object; else reports it */
static gboolean
first_time (EmsEmsaReader *reader,
            GHashTable    *seen,
            const char    *path,
            EmsJsonToken   token)
{
  if (g_hash_table_add (seen, g_strdup (path)))
    return TRUE;

  if (token != EMS_JSON_ERROR)
    {
      report_at (reader, FALSE, 0, 0, path, _("appears more than once"));
      ems_json_reader_skip (reader->json, token);
    }
  return FALSE;
}

static gboolean
read_text (EmsEmsaReader *reader,
           EmsJsonToken   token,
           const char    *path,
           char         **out)
{
  if (token == EMS_JSON_NULL)
    return FALSE;
  if (token != EMS_JSON_STRING)
    {
      wrong_type (reader, token, path, _("text"));
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (ems_json_reader_get_string (reader->json));
  return TRUE;
}

/* A number (whole or not); FALSE for null or another type (reported) */
static gboolean
read_number (EmsEmsaReader *reader,
             EmsJsonToken   token,
             const char    *path,
             double        *out)
{
  if (token == EMS_JSON_INTEGER)
    *out = (double) ems_json_reader_get_int (reader->json);
  else if (token == EMS_JSON_DOUBLE)
    *out = ems_json_reader_get_double (reader->json);
  else
    {
      if (token != EMS_JSON_NULL)
        wrong_type (reader, token, path, _("a number"));
      return FALSE;
    }
  return TRUE;
}

static void
skip_unknown (EmsEmsaReader *reader,
              const char    *path,
              EmsJsonToken   token)
{
  report_at (reader, TRUE, 0, 0, path,
             _("is not a member Ten Elements knows: it is not kept when the file is saved again"));
  ems_json_reader_skip (reader->json, token);
}

static void
read_period (EmsEmsaReader *reader)
{
  EmsAssessment *self = reader->self;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint to_line = 0, to_column = 0;
  GDate from_date, to_date;
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *path = g_strconcat ("indicators/period/", name, NULL);
      gboolean is_from = g_str_equal (name, "from"), is_to = g_str_equal (name, "to");
      EmsJsonToken token = ems_json_reader_next (reader->json);
      char **field = is_from ? &self->period_from : &self->period_to;
      g_autofree char *value = NULL;

      if (!first_time (reader, seen, path, token))
        continue;
      if (!is_from && !is_to)
        {
          skip_unknown (reader, path, token);
          continue;
        }

      if (!read_text (reader, token, path, &value))
        continue;
      if (!ems_date_parse_iso (value, &from_date))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("must be a date written YYYY-MM-DD, not “%s”"), value);
          report_at (reader, FALSE, 0, 0, path, message);
          continue;
        }
      if (is_to)
        {
          to_line = ems_json_reader_get_line (reader->json);
          to_column = ems_json_reader_get_column (reader->json);
        }
      g_free (*field);
      *field = g_steal_pointer (&value);
    }

  if (self->period_from != NULL && self->period_to != NULL &&
      ems_date_parse_iso (self->period_from, &from_date) &&
      ems_date_parse_iso (self->period_to, &to_date) &&
      g_date_compare (&to_date, &from_date) < 0)
    {
      g_autofree char *message = NULL;

      /* Translators: the period's end, then its start, both YYYY-MM-DD */
      message = g_strdup_printf (_("is %s, before the period starts (%s): the period must end on or after its start"),
                                 self->period_to, self->period_from);
      report_at (reader, FALSE, to_line, to_column, "indicators/period/to", message);
    }
}

static void
read_output (EmsEmsaReader *reader,
             guint          line,
             guint          column)
{
  EmsAssessment *self = reader->self;
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint kind_line = 0, kind_column = 0;
  const EmsOutputKind *kind;
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *path = g_strconcat ("indicators/output/", name, NULL);
      g_autofree char *member = g_strdup (name);
      EmsJsonToken token = ems_json_reader_next (reader->json);
      g_autoptr(GError) error = NULL;

      if (!first_time (reader, seen, path, token))
        continue;

      if (g_str_equal (member, "kind"))
        {
          if (!read_text (reader, token, path, &self->output_kind))
            continue;
          kind_line = ems_json_reader_get_line (reader->json);
          kind_column = ems_json_reader_get_column (reader->json);
          if (!ems_indicator_set_check_output_kind (set, self->output_kind, &error))
            report_error (reader, path, error);
        }
      else if (g_str_equal (member, "value"))
        {
          double value;

          if (!read_number (reader, token, path, &value))
            continue;
          if (!ems_output_check_value (value, &error))
            report_error (reader, path, error);
          else
            {
              self->has_output_value = TRUE;
              self->output_value = value;
            }
        }
      else if (g_str_equal (member, "unit"))
        {
          if (read_text (reader, token, path, &self->output_unit) &&
              !ems_output_check_unit (self->output_unit, &error))
            report_error (reader, path, error);
        }
      else if (g_str_equal (member, "currency"))
        {
          if (read_text (reader, token, path, &self->output_currency) &&
              !ems_output_check_currency (self->output_currency, &error))
            report_error (reader, path, error);
        }
      else
        skip_unknown (reader, path, token);
    }

  if (ems_json_reader_get_error (reader->json) != NULL)
    return;

  if (self->output_kind == NULL)
    {
      report_at (reader, FALSE, line, column, "indicators/output",
                 _("has no “kind”: say what the indicators are divided by (employees, production, revenue or floor-area)"));
      return;
    }
  if (!g_hash_table_contains (seen, "indicators/output/value"))
    report_at (reader, FALSE, line, column, "indicators/output",
               _("has no “value”: a number above 0 that the ratios are divided by"));

  kind = ems_indicator_set_lookup_output_kind (set, self->output_kind);
  if (kind != NULL && kind->detail == EMS_OUTPUT_DETAIL_UNIT && self->output_unit == NULL)
    report_at (reader, FALSE, kind_line, kind_column, "indicators/output",
               _("is production without a “unit”: name the unit of production, such as “t of product”"));
  else if (kind != NULL && kind->detail == EMS_OUTPUT_DETAIL_CURRENCY && self->output_currency == NULL)
    report_at (reader, FALSE, kind_line, kind_column, "indicators/output",
               _("is revenue without a “currency”: give its ISO 4217 code, such as CAD, MXN or USD"));
}

typedef struct
{
  char  *id;
  guint  line;
  guint  column;
} RatioValue;

static void
ratio_value_free (RatioValue *value)
{
  g_free (value->id);
  g_free (value);
}

/* Reads "values"; adds to @ratio_values where each value of an indicator
 * with a ratio stands */
static void
read_values (EmsEmsaReader *reader,
             GPtrArray     *ratio_values)
{
  EmsAssessment *self = reader->self;
  EmsIndicatorSet *set = ems_indicator_set_get_default ();
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *id = g_strdup (name);
      g_autofree char *path = g_strconcat ("indicators/values/", name, NULL);
      const EmsIndicator *indicator = ems_indicator_set_lookup (set, id);
      EmsJsonToken token = ems_json_reader_next (reader->json);
      g_autoptr(GError) error = NULL;
      double value;

      if (ems_assessment_get_indicator_value (self, id, NULL))
        {
          report_at (reader, FALSE, 0, 0, path, _("appears more than once"));
          ems_json_reader_skip (reader->json, token);
          continue;
        }

      if (!read_number (reader, token, path, &value))
        continue;

      if (indicator != NULL ? !ems_indicator_check_value (indicator, value, &error)
                            : !ems_indicator_check_unknown_value (value, &error))
        {
          report_error (reader, path, error);
          continue;
        }

      if (indicator == NULL)
        report_at (reader, TRUE, 0, 0, path,
                   _("is not an indicator Ten Elements knows: it is kept and saved back, but not shown or compared"));
      else if (indicator->has_ratio)
        {
          RatioValue *where = g_new0 (RatioValue, 1);

          where->id = g_strdup (id);
          where->line = ems_json_reader_get_line (reader->json);
          where->column = ems_json_reader_get_column (reader->json);
          g_ptr_array_add (ratio_values, where);
        }

      if (self->indicator_values == NULL)
        self->indicator_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->indicator_values, g_strdup (id), g_memdup2 (&value, sizeof value));
    }
}

/* A member of "indicators" this version does not know: kept */
static void
keep_extra (EmsEmsaReader *reader,
            const char    *name,
            EmsJsonToken   token)
{
  EmsExtraMember *kept;
  char *json = ems_json_reader_dup_raw (reader->json, token);

  if (json == NULL)
    return;

  if (reader->self->extra_indicators == NULL)
    reader->self->extra_indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_extra_member_free);

  kept = g_new0 (EmsExtraMember, 1);
  kept->name = g_strdup (name);
  kept->json = json;
  g_ptr_array_add (reader->self->extra_indicators, kept);
}

/**
 * ems_emsa_read_indicators:
 * @token: the first token of the "indicators" member's value
 *
 * Reads the member into the assessment, reporting every problem.
 */
void
ems_emsa_read_indicators (EmsEmsaReader *reader,
                          EmsJsonToken   token)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ratio_values = g_ptr_array_new_with_free_func ((GDestroyNotify) ratio_value_free);
  const char *name;

  if (token == EMS_JSON_NULL)
    return;
  if (token != EMS_JSON_BEGIN_OBJECT)
    {
      wrong_type (reader, token, "indicators", _("an object"));
      return;
    }

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *member = g_strdup (name);
      g_autofree char *path = g_strconcat ("indicators/", name, NULL);
      EmsJsonToken value = ems_json_reader_next (reader->json);

      if (!first_time (reader, seen, path, value))
        continue;

      if (g_str_equal (member, "period") || g_str_equal (member, "output") ||
          g_str_equal (member, "values"))
        {
          guint line = ems_json_reader_get_line (reader->json);
          guint column = ems_json_reader_get_column (reader->json);

          if (value == EMS_JSON_NULL)
            continue;
          if (value != EMS_JSON_BEGIN_OBJECT)
            {
              wrong_type (reader, value, path, _("an object"));
              continue;
            }
          if (g_str_equal (member, "period"))
            read_period (reader);
          else if (g_str_equal (member, "output"))
            read_output (reader, line, column);
          else
            read_values (reader, ratio_values);
        }
      else
        keep_extra (reader, member, value);
    }

  if (ems_json_reader_get_error (reader->json) != NULL)
    return;

  /* A ratio needs something to divide by: the value is kept, its ratio
   * is null */
  if (!g_hash_table_contains (seen, "indicators/output"))
    for (guint i = 0; i < ratio_values->len; i++)
      {
        RatioValue *where = g_ptr_array_index (ratio_values, i);
        g_autofree char *path = g_strconcat ("indicators/values/", where->id, NULL);

        report_at (reader, TRUE, where->line, where->column, path,
                   _("has a ratio, but the file has no “indicators/output” to divide it by: the value is kept, its ratio is empty"));
      }
}

/**
 * ems_emsa_check_indicators_version:
 * @version: the file's format_version
 * @line: (nullable): where the "indicators" member stands
 *
 * A file with indicators is version 2; an older number is reported (the
 * indicators are read all the same, and the file is saved as version 2).
 */
void
ems_emsa_check_indicators_version (EmsEmsaReader *reader,
                                   gint64         version,
                                   guint          line,
                                   guint          column)
{
  g_autofree char *message = NULL;

  if (version >= 2 || !ems_assessment_has_indicators (reader->self))
    return;

  /* Translators: %lld is the file's format_version, 1 */
  message = g_strdup_printf (_("needs format_version 2, but the file says %lld: the indicators are read, and the file is saved as version 2"),
                             (long long) version);
  report_at (reader, TRUE, line, column, "indicators", message);
}

/* Writing */

static void
write_number (EmsJsonPretty *w,
              const char    *member,
              double         value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  ems_json_append_double (text, value);
  ems_json_pretty_raw (w, member, text->str);
}

/**
 * ems_emsa_write_indicators:
 *
 * Writes the "indicators" member when the assessment has any; the file is
 * then version 2 (ems_emsa_format_version()).
 */
void
ems_emsa_write_indicators (EmsJsonPretty *w,
                           EmsAssessment *self)
{
  g_auto(GStrv) ids = NULL;

  if (!ems_assessment_has_indicators (self))
    return;

  ems_json_pretty_begin (w, "indicators", '{');

  if (self->period_from != NULL || self->period_to != NULL)
    {
      ems_json_pretty_begin (w, "period", '{');
      if (self->period_from != NULL)
        ems_json_pretty_string (w, "from", self->period_from);
      if (self->period_to != NULL)
        ems_json_pretty_string (w, "to", self->period_to);
      ems_json_pretty_end (w, '}');
    }

  if (self->output_kind != NULL || self->has_output_value ||
      self->output_unit != NULL || self->output_currency != NULL)
    {
      ems_json_pretty_begin (w, "output", '{');
      if (self->output_kind != NULL)
        ems_json_pretty_string (w, "kind", self->output_kind);
      if (self->has_output_value)
        write_number (w, "value", self->output_value);
      if (self->output_unit != NULL)
        ems_json_pretty_string (w, "unit", self->output_unit);
      if (self->output_currency != NULL)
        ems_json_pretty_string (w, "currency", self->output_currency);
      ems_json_pretty_end (w, '}');
    }

  ids = ems_assessment_dup_indicator_ids (self);
  if (ids[0] != NULL)
    {
      ems_json_pretty_begin (w, "values", '{');
      for (guint i = 0; ids[i] != NULL; i++)
        {
          double value = 0;

          ems_assessment_get_indicator_value (self, ids[i], &value);
          write_number (w, ids[i], value);
        }
      ems_json_pretty_end (w, '}');
    }

  for (guint i = 0; self->extra_indicators != NULL && i < self->extra_indicators->len; i++)
    {
      EmsExtraMember *member = g_ptr_array_index (self->extra_indicators, i);

      ems_json_pretty_raw (w, member->name, member->json);
    }

  ems_json_pretty_end (w, '}');
}

/* The version a file is written as: 1 while it has no indicators, so that
 * older readers keep opening it */
int
ems_emsa_format_version (EmsAssessment *self)
{
  return ems_assessment_has_indicators (self) ? EMS_FORMAT_VERSION_NEWEST : EMS_FORMAT_VERSION;
}
