/* ems-csv.c: CSV for other tools (see ems-csv.h for the rules)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ems-csv.h"
#include "ems-json-writer.h"

/* A field after the end of a record (or at the start) is the first of
 * its record; a record therefore never starts with an unquoted empty
 * field. */
/* The comma before a field, unless it is the first of its record. An empty
 * first field is written as "" (RFC 4180's empty quoted field): written as
 * nothing, the next field would take it for the start of the record and
 * leave out its comma. Returns whether the field is the first. */
static gboolean
begin_field (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    {
      g_string_append_c (out, ',');
      return FALSE;
    }
  return TRUE;
}

static void
end_empty_field (GString  *out,
                 gboolean  first)
{
  if (first)
    g_string_append (out, "\"\"");
}

/* A spreadsheet program opening the file runs a cell that starts like a
 * formula (CSV injection): such text starts with an apostrophe instead,
 * which the programs show as text and do not print. */
static gboolean
looks_like_formula (const char *text)
{
  return text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
         text[0] == '\t' || text[0] == '\r';
}

void
ems_csv_append_text (GString    *out,
                     const char *text)
{
  g_autofree char *valid = NULL;
  gboolean quote = FALSE;

  gboolean first = begin_field (out);

  if (text == NULL || *text == '\0')
    {
      end_empty_field (out, first);
      return;
    }

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p++)
    if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
      {
        quote = TRUE;
        break;
      }

  if (quote)
    g_string_append_c (out, '"');
  if (looks_like_formula (text))
    g_string_append_c (out, '\'');

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        {
          /* CR LF and a lone CR are both a line feed */
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        continue;
      if (c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, (char) c);
    }

  if (quote)
    g_string_append_c (out, '"');
}

void
ems_csv_append_number (GString  *out,
                       gboolean  has_value,
                       double    value)
{
  gboolean first = begin_field (out);

  /* ems_json_append_double() never depends on the locale */
  if (has_value && isfinite (value))
    ems_json_append_double (out, value);
  else
    end_empty_field (out, first);
}

static void
append_unsigned (GString *out,
                 guint    value)
{
  begin_field (out);
  g_string_append_printf (out, "%u", value);
}

static void
append_word (GString    *out,
             const char *word)
{
  gboolean first = begin_field (out);

  if (word != NULL && *word != '\0')
    g_string_append (out, word);
  else
    end_empty_field (out, first);
}

void
ems_csv_end_record (GString *out)
{
  g_string_append (out, "\r\n");
}

static void
append_element_headers (GString *out,
                        guint    n_elements)
{
  for (guint e = 1; e <= n_elements; e++)
    {
      begin_field (out);
      g_string_append_printf (out, "element_%u", e);
    }
}

/* --summary --csv */

void
ems_csv_append_summary_header (GString *out,
                               guint    n_elements)
{
  g_string_append (out, "file,organisation,site,assessed_on,overall,coverage,target,band");
  append_element_headers (out, n_elements);
  ems_csv_end_record (out);
}

void
ems_csv_append_summary_record (GString         *out,
                               const char      *file,
                               EmsAssessment   *assessment,
                               const EmsScores *scores)
{
  ems_csv_append_text (out, file);
  ems_csv_append_text (out, ems_assessment_get_name (assessment));
  ems_csv_append_text (out, ems_assessment_get_site (assessment));
  ems_csv_append_text (out, ems_assessment_get_assessed_on (assessment));
  ems_csv_append_number (out, scores->has_overall, scores->overall);
  ems_csv_append_number (out, TRUE, scores->coverage);
  ems_csv_append_number (out, TRUE, scores->target);
  append_word (out, scores->has_overall ? ems_band_to_string (scores->band) : NULL);
  for (guint e = 0; e < scores->n_elements; e++)
    ems_csv_append_number (out, scores->elements[e].has_score, scores->elements[e].score);
  ems_csv_end_record (out);
}

/* --export OUT.csv FILE */

static void
append_answer (GString         *out,
               const EmsAnswer *answer)
{
  gboolean has_level = answer != NULL && answer->state == EMS_ANSWER_LEVEL;
  gboolean na = answer != NULL && answer->state == EMS_ANSWER_NOT_APPLICABLE;

  begin_field (out);
  if (has_level)
    g_string_append_printf (out, "%u", answer->level);
  append_word (out, na ? "true" : "false");
  ems_csv_append_text (out, answer != NULL ? answer->reason : NULL);
  ems_csv_append_text (out, answer != NULL ? answer->note : NULL);
  ems_csv_append_text (out, answer != NULL ? answer->evidence : NULL);
}

GBytes *
ems_csv_answers (EmsAssessment *assessment)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (assessment);
  g_auto(GStrv) unknown = ems_assessment_dup_unknown_ids (assessment);
  GString *out = g_string_sized_new (16384);

  g_string_append (out, "element,id,question,weight,critical,level,not_applicable,reason,note,evidence");
  ems_csv_end_record (out);

  for (guint i = 0; i < ems_checklist_get_n_questions (checklist); i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);

      append_unsigned (out, question->element);
      ems_csv_append_text (out, question->id);
      ems_csv_append_text (out, question->text);
      append_unsigned (out, question->weight);
      append_word (out, question->critical ? "true" : "false");
      append_answer (out, ems_assessment_get_answer (assessment, question->id));
      ems_csv_end_record (out);
    }

  /* Kept and reported, never dropped: no element, no question text */
  for (guint i = 0; unknown != NULL && unknown[i] != NULL; i++)
    {
      /* An empty first field is written "" so that the next one knows
       * it is not the first */
      g_string_append (out, "\"\"");
      ems_csv_append_text (out, unknown[i]);
      g_string_append (out, ",,,");
      append_answer (out, ems_assessment_get_answer (assessment, unknown[i]));
      ems_csv_end_record (out);
    }

  return g_string_free_to_bytes (out);
}

/* --compare --export OUT.csv */

GBytes *
ems_csv_comparison (EmsComparison *comparison)
{
  guint n_elements = ems_comparison_get_n_elements (comparison);
  GString *out = g_string_sized_new (4096);

  g_string_append (out, "participant,file,overall");
  append_element_headers (out, n_elements);
  ems_csv_end_record (out);

  for (guint i = 0; i < ems_comparison_get_n_participants (comparison); i++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, i);
      g_autofree char *label = ems_comparison_dup_label (comparison, i);

      ems_csv_append_text (out, label);
      /* NULL when anonymised: the file name often names the organisation */
      ems_csv_append_text (out, ems_comparison_get_source (comparison, i));
      ems_csv_append_number (out, scores->has_overall, scores->overall);
      for (guint e = 0; e < scores->n_elements; e++)
        ems_csv_append_number (out, scores->elements[e].has_score, scores->elements[e].score);
      ems_csv_end_record (out);
    }

  return g_string_free_to_bytes (out);
}
