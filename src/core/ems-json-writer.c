/* ems-json-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-json-writer"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ems-json-reader.h"
#include "ems-json-writer.h"

void
ems_json_append_string (GString    *out,
                        const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const char *start = value;
  gsize mark = out->len;
  guchar high = 0;
  const char *run;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');

  for (run = value; *value != '\0'; value++)
    {
      guchar c = (guchar) *value;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        {
          high |= c;
          continue;
        }

      g_string_append_len (out, run, value - run);
      run = value + 1;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xF]);
          break;
        }
    }

  /* JSON text is Unicode: a value with bytes that are not UTF-8 (a file
   * name in another encoding) is written again with U+FFFD for them,
   * rather than make the document invalid. Only values with non-ASCII
   * bytes are checked. */
  if ((high & 0x80) && !g_utf8_validate (start, value - start, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (start, value - start);

      g_string_truncate (out, mark);
      ems_json_append_string (out, valid);
      return;
    }

  g_string_append_len (out, run, value - run);
  g_string_append_c (out, '"');
}

void
ems_json_append_double (GString *out,
                        double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  /* Whole numbers (0, 1, 100: many scores and coverages) are their
   * digits, as %.15g writes them below 10^15; -0 goes the long way. */
  if (value > -1e15 && value < 1e15 && value == (double) (gint64) value &&
      (value != 0 || !signbit (value)))
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  /* The shortest of 15, 16 or 17 significant digits that reads back */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (i == G_N_ELEMENTS (formats) - 1 || g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
}

void
ems_json_pretty_init (EmsJsonPretty *w,
                      GString       *out)
{
  w->out = out;
  w->depth = 0;
  w->empty = TRUE;
}

/* The separator, line break, indentation and member name before a value */
static void
pretty_lead (EmsJsonPretty *w,
             const char    *member)
{
  if (w->depth > 0)
    {
      if (!w->empty)
        g_string_append_c (w->out, ',');
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
    }
  if (member != NULL)
    {
      ems_json_append_string (w->out, member);
      g_string_append (w->out, " : ");
    }
  w->empty = FALSE;
}

void
ems_json_pretty_begin (EmsJsonPretty *w,
                       const char    *member,
                       char           bracket)
{
  pretty_lead (w, member);
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->empty = TRUE;
}

void
ems_json_pretty_end (EmsJsonPretty *w,
                     char           bracket)
{
  g_return_if_fail (w->depth > 0);

  w->depth--;
  if (!w->empty)
    g_string_append_c (w->out, '\n');
  /* json-glib writes an empty object as "{", the indentation, "}" and an
   * empty array as "[]": kept, so that files read the same as before */
  if (!w->empty || bracket == '}')
    for (guint i = 0; i < w->depth; i++)
      g_string_append (w->out, "  ");
  g_string_append_c (w->out, bracket);
  w->empty = FALSE;
}

void
ems_json_pretty_string (EmsJsonPretty *w,
                        const char    *member,
                        const char    *value)
{
  pretty_lead (w, member);
  ems_json_append_string (w->out, value);
}

void
ems_json_pretty_int (EmsJsonPretty *w,
                     const char    *member,
                     gint64         value)
{
  pretty_lead (w, member);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
ems_json_pretty_bool (EmsJsonPretty *w,
                      const char    *member,
                      gboolean       value)
{
  pretty_lead (w, member);
  g_string_append (w->out, value ? "true" : "false");
}

static void
pretty_copy (EmsJsonPretty *w,
             const char    *member,
             EmsJsonReader *reader,
             EmsJsonToken   token)
{
  const char *name;

  switch (token)
    {
    case EMS_JSON_BEGIN_OBJECT:
      ems_json_pretty_begin (w, member, '{');
      while (ems_json_reader_next_member (reader, &name))
        {
          g_autofree char *copy = g_strdup (name);

          pretty_copy (w, copy, reader, ems_json_reader_next (reader));
        }
      ems_json_pretty_end (w, '}');
      break;

    case EMS_JSON_BEGIN_ARRAY:
      ems_json_pretty_begin (w, member, '[');
      for (;;)
        {
          EmsJsonToken next = ems_json_reader_next (reader);

          if (next == EMS_JSON_END_ARRAY || next == EMS_JSON_ERROR)
            break;
          pretty_copy (w, NULL, reader, next);
        }
      ems_json_pretty_end (w, ']');
      break;

    default:
      {
        g_autofree char *raw = ems_json_reader_dup_raw (reader, token);

        if (raw != NULL)
          {
            pretty_lead (w, member);
            g_string_append (w->out, raw);
          }
      }
      break;
    }
}

/**
 * ems_json_pretty_raw:
 * @w: the writer
 * @member: (nullable): the member name, or %NULL in an array
 * @json: a JSON value, checked already (ems_json_reader_dup_raw())
 *
 * Writes @json laid out like the rest; numbers and strings as they are.
 */
void
ems_json_pretty_raw (EmsJsonPretty *w,
                     const char    *member,
                     const char    *json)
{
  g_autoptr(EmsJsonReader) reader = ems_json_reader_new (json, strlen (json));

  pretty_copy (w, member, reader, ems_json_reader_next (reader));
}
