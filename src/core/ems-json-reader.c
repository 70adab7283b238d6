/* ems-json-reader.c: a strict (RFC 8259), streaming JSON reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "ems-json-reader.h"

typedef struct
{
  gboolean is_object;
  guint    count;
} Level;

struct _EmsJsonReader
{
  const char  *data;
  const char  *end;
  const char  *p;

  guint        line;          /* of p */
  const char  *line_start;    /* of p */

  guint        token_line;
  const char  *token_line_start;
  const char  *token_start;

  Level        levels[EMS_JSON_MAX_DEPTH];
  guint        depth;
  gboolean     root_done;

  GString     *string;
  GString     *name;          /* member names, apart from values */
  gint64       int_value;
  double       double_value;
  gboolean     int_overflow;  /* of the last number */
  gboolean     boolean_value;

  char        *error;
};

EmsJsonReader *
ems_json_reader_new (const char *data,
                     gsize       length)
{
  EmsJsonReader *reader = g_new0 (EmsJsonReader, 1);

  reader->data = data;
  reader->end = data + length;

  /* A UTF-8 byte order mark (Windows editors write one) is not part of
   * the text: RFC 8259 lets a reader ignore it, and columns count from
   * after it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;

  reader->p = data;
  reader->line = 1;
  reader->line_start = data;
  reader->token_line = 1;
  reader->token_line_start = data;
  reader->token_start = data;
  reader->string = g_string_sized_new (256);
  reader->name = g_string_sized_new (64);

  return reader;
}

void
ems_json_reader_free (EmsJsonReader *reader)
{
  if (reader == NULL)
    return;

  g_string_free (reader->string, TRUE);
  g_string_free (reader->name, TRUE);
  g_free (reader->error);
  g_free (reader);
}

G_GNUC_PRINTF (2, 3)
static EmsJsonToken
fail (EmsJsonReader *reader,
      const char    *format,
      ...)
{
  va_list args;

  if (reader->error == NULL)
    {
      va_start (args, format);
      reader->error = g_strdup_vprintf (format, args);
      va_end (args);
    }

  /* Point at where the problem is. */
  reader->token_line = reader->line;
  reader->token_line_start = reader->line_start;
  reader->token_start = reader->p;

  return EMS_JSON_ERROR;
}

/* As fail (), but pointing at the token marked last. */
static EmsJsonToken
fail_at_token (EmsJsonReader *reader,
               const char    *message)
{
  reader->line = reader->token_line;
  reader->line_start = reader->token_line_start;
  reader->p = reader->token_start;

  return fail (reader, "%s", message);
}

static EmsJsonToken
fail_unexpected (EmsJsonReader *reader,
                 const char    *expected)
{
  if (reader->p >= reader->end)
    /* Translators: %s says what was expected, e.g. "a value" */
    return fail (reader, _("the text ends where %s was expected (is the file cut short?)"), expected);

  {
    gunichar c = g_utf8_get_char_validated (reader->p, reader->end - reader->p);
    char buf[8] = { 0 };

    if (c == (gunichar) -1 || c == (gunichar) -2)
      return fail (reader, _("the text is not valid UTF-8 (was the file saved in another encoding?)"));

    g_unichar_to_utf8 (c, buf);
    /* Translators: the character found, then what was expected */
    return fail (reader, _("unexpected “%s” where %s was expected"), buf, expected);
  }
}

static void
skip_space (EmsJsonReader *reader)
{
  const char *p = reader->p;

  while (p < reader->end)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\r')
        p++;
      else if (c == '\n')
        {
          p++;
          reader->line++;
          reader->line_start = p;
        }
      else
        break;
    }

  reader->p = p;
}

static void
mark_token (EmsJsonReader *reader)
{
  reader->token_line = reader->line;
  reader->token_line_start = reader->line_start;
  reader->token_start = reader->p;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (EmsJsonReader *reader,
           gunichar      *out)
{
  gunichar value = 0;

  if (reader->end - reader->p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (reader->p[i]);

      if (h < 0)
        return FALSE;
      value = value * 16 + h;
    }

  reader->p += 4;
  *out = value;

  return TRUE;
}

/* The bytes that end a run of plain text in a string: the quote, the
 * backslash and the control characters (one look-up per byte) */
static const guint8 ends_run[256] = {
  [0x00 ... 0x1f] = 1,
  ['"'] = 1,
  ['\\'] = 1,
};

/* At the opening quote. */
static EmsJsonToken
read_string (EmsJsonReader *reader,
             GString       *s)
{
  g_string_truncate (s, 0);
  reader->p++;

  for (;;)
    {
      const char *run = reader->p;
      guchar high = 0;

      while (reader->p < reader->end && !ends_run[(guchar) *reader->p])
        high |= (guchar) *reader->p++;

      if (reader->p > run)
        {
          const char *bad = NULL;

          /* Only text values may hold non-ASCII bytes: check them here
           * rather than the whole document up front. */
          if ((high & 0x80) && !g_utf8_validate_len (run, reader->p - run, &bad))
            {
              reader->p = bad;
              return fail (reader, _("the text is not valid UTF-8 (was the file saved in another encoding?)"));
            }
          g_string_append_len (s, run, reader->p - run);
        }

      if (reader->p >= reader->end)
        return fail (reader, _("a text value is not closed with a quote (is the file cut short?)"));

      if (*reader->p == '"')
        {
          reader->p++;
          return EMS_JSON_STRING;
        }

      if ((guchar) *reader->p < 0x20)
        return fail (reader, _("a text value holds a control character or a line break; write it as \\n or \\t"));

      /* a backslash */
      reader->p++;
      if (reader->p >= reader->end)
        return fail (reader, _("a text value is not closed with a quote (is the file cut short?)"));

      switch (*reader->p++)
        {
        case '"': g_string_append_c (s, '"'); break;
        case '\\': g_string_append_c (s, '\\'); break;
        case '/': g_string_append_c (s, '/'); break;
        case 'b': g_string_append_c (s, '\b'); break;
        case 'f': g_string_append_c (s, '\f'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!read_hex4 (reader, &c))
              return fail (reader, _("\\u must be followed by four hexadecimal digits"));

            if (c >= 0xD800 && c <= 0xDBFF)
              {
                if (reader->end - reader->p < 6 || reader->p[0] != '\\' || reader->p[1] != 'u')
                  return fail (reader, _("a \\u escape names half of a character (a lone surrogate)"));
                reader->p += 2;
                if (!read_hex4 (reader, &low) || low < 0xDC00 || low > 0xDFFF)
                  return fail (reader, _("a \\u escape names half of a character (a lone surrogate)"));
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (c >= 0xDC00 && c <= 0xDFFF)
              return fail (reader, _("a \\u escape names half of a character (a lone surrogate)"));

            if (c == 0)
              return fail (reader, _("a text value holds a NUL character (\\u0000)"));

            g_string_append_unichar (s, c);
          }
          break;
        default:
          reader->p--;
          return fail (reader, _("unknown escape in a text value (use \\\\ for a backslash)"));
        }
    }
}

static EmsJsonToken
read_number (EmsJsonReader *reader)
{
  const char *start = reader->p;
  const char *p = start;
  gboolean integral = TRUE;
  char buf[64];
  gsize len;

  if (p < reader->end && *p == '-')
    p++;

  if (p < reader->end && *p == '0')
    p++;
  else if (p < reader->end && *p >= '1' && *p <= '9')
    while (p < reader->end && g_ascii_isdigit (*p))
      p++;
  else
    {
      reader->p = p;
      return fail_unexpected (reader, _("a digit"));
    }

  if (p < reader->end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        {
          reader->p = p;
          return fail_unexpected (reader, _("a digit"));
        }
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < reader->end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < reader->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= reader->end || !g_ascii_isdigit (*p))
        {
          reader->p = p;
          return fail_unexpected (reader, _("a digit"));
        }
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    }

  reader->p = p;
  len = p - start;

  /* Up to 18 digits always fit a gint64: no strtoll, no copy (levels,
   * versions and counts are all of this kind) */
  if (integral && len - (*start == '-') <= 18)
    {
      gint64 value = 0;

      for (const char *d = start + (*start == '-'); d < p; d++)
        value = value * 10 + (*d - '0');
      if (*start == '-')
        value = -value;
      reader->int_overflow = FALSE;
      reader->int_value = value;
      reader->double_value = (double) value;
      return EMS_JSON_INTEGER;
    }

  /* A whole number that does not fit a gint64 comes as a double, marked
   * so that the caller can say why it is not a whole number. */
  reader->int_overflow = FALSE;
  if (len >= sizeof buf)
    {
      /* Far longer than any number an assessment holds. */
      g_autofree char *copy = g_strndup (start, len);

      reader->double_value = g_ascii_strtod (copy, NULL);
      reader->int_overflow = integral;
      return EMS_JSON_DOUBLE;
    }

  memcpy (buf, start, len);
  buf[len] = '\0';

  if (integral)
    {
      char *end = NULL;
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (buf, &end, 10);
      if (errno == 0)
        {
          reader->int_value = value;
          reader->double_value = (double) value;
          return EMS_JSON_INTEGER;
        }
      reader->int_overflow = TRUE;
    }

  reader->double_value = g_ascii_strtod (buf, NULL);
  return EMS_JSON_DOUBLE;
}

static gboolean
match_literal (EmsJsonReader *reader,
               const char    *word)
{
  gsize len = strlen (word);

  if ((gsize) (reader->end - reader->p) < len || memcmp (reader->p, word, len) != 0)
    return FALSE;

  reader->p += len;
  return TRUE;
}

static EmsJsonToken
push (EmsJsonReader *reader,
      gboolean       is_object)
{
  if (reader->depth >= EMS_JSON_MAX_DEPTH)
    return fail (reader, _("the data is nested too deeply"));

  reader->levels[reader->depth].is_object = is_object;
  reader->levels[reader->depth].count = 0;
  reader->depth++;

  return is_object ? EMS_JSON_BEGIN_OBJECT : EMS_JSON_BEGIN_ARRAY;
}

/* A value starts at p (whitespace skipped). */
static EmsJsonToken
read_value (EmsJsonReader *reader)
{
  mark_token (reader);

  if (reader->p >= reader->end)
    return fail_unexpected (reader, _("a value"));

  switch (*reader->p)
    {
    case '{':
    case '[':
      {
        /* Pushed before the bracket is consumed, so that "nested too
         * deeply" points at the bracket */
        EmsJsonToken token = push (reader, *reader->p == '{');

        if (token != EMS_JSON_ERROR)
          reader->p++;
        return token;
      }

    case '"':
      return read_string (reader, reader->string);

    case 't':
      if (match_literal (reader, "true"))
        {
          reader->boolean_value = TRUE;
          return EMS_JSON_BOOLEAN;
        }
      break;

    case 'f':
      if (match_literal (reader, "false"))
        {
          reader->boolean_value = FALSE;
          return EMS_JSON_BOOLEAN;
        }
      break;

    case 'n':
      if (match_literal (reader, "null"))
        return EMS_JSON_NULL;
      break;

    default:
      if (*reader->p == '-' || g_ascii_isdigit (*reader->p))
        return read_number (reader);
      break;
    }

  return fail_unexpected (reader, _("a value"));
}

EmsJsonToken
ems_json_reader_next (EmsJsonReader *reader)
{
  Level *level;

  g_return_val_if_fail (reader != NULL, EMS_JSON_ERROR);

  if (reader->error != NULL)
    return EMS_JSON_ERROR;

  skip_space (reader);

  if (reader->depth == 0)
    {
      if (!reader->root_done)
        {
          EmsJsonToken token = read_value (reader);

          reader->root_done = TRUE;
          return token;
        }

      mark_token (reader);
      if (reader->p < reader->end)
        return fail (reader, _("there is more text after the end of the data"));

      return EMS_JSON_END;
    }

  level = &reader->levels[reader->depth - 1];

  if (level->is_object)
    {
      /* Called after next_member () consumed the name and the colon. */
      return read_value (reader);
    }

  if (reader->p < reader->end && *reader->p == ']')
    {
      mark_token (reader);
      reader->p++;
      reader->depth--;
      return EMS_JSON_END_ARRAY;
    }

  if (level->count > 0)
    {
      if (reader->p >= reader->end || *reader->p != ',')
        return fail_unexpected (reader, _("a comma or “]”"));
      mark_token (reader);
      reader->p++;
      skip_space (reader);
      if (reader->p < reader->end && *reader->p == ']')
        return fail_at_token (reader, _("a comma stands before “]” with nothing after it"));
    }

  level->count++;

  return read_value (reader);
}

gboolean
ems_json_reader_next_member (EmsJsonReader  *reader,
                             const char    **name)
{
  Level *level;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (reader->error != NULL)
    return FALSE;

  g_return_val_if_fail (reader->depth > 0 && reader->levels[reader->depth - 1].is_object, FALSE);

  level = &reader->levels[reader->depth - 1];
  skip_space (reader);

  if (reader->p < reader->end && *reader->p == '}')
    {
      mark_token (reader);
      reader->p++;
      reader->depth--;
      return FALSE;
    }

  if (level->count > 0)
    {
      if (reader->p >= reader->end || *reader->p != ',')
        {
          fail_unexpected (reader, _("a comma or “}”"));
          return FALSE;
        }
      mark_token (reader);
      reader->p++;
      skip_space (reader);
      if (reader->p < reader->end && *reader->p == '}')
        {
          fail_at_token (reader, _("a comma stands before “}” with nothing after it"));
          return FALSE;
        }
    }

  mark_token (reader);
  if (reader->p >= reader->end || *reader->p != '"')
    {
      fail_unexpected (reader, _("a member name in quotes"));
      return FALSE;
    }

  if (read_string (reader, reader->name) != EMS_JSON_STRING)
    return FALSE;

  skip_space (reader);
  if (reader->p >= reader->end || *reader->p != ':')
    {
      fail_unexpected (reader, _("a colon"));
      return FALSE;
    }
  reader->p++;

  level->count++;
  *name = reader->name->str;

  return TRUE;
}

gboolean
ems_json_reader_skip (EmsJsonReader *reader,
                      EmsJsonToken   first)
{
  const char *name;

  switch (first)
    {
    case EMS_JSON_ERROR:
      return FALSE;

    case EMS_JSON_BEGIN_OBJECT:
      while (ems_json_reader_next_member (reader, &name))
        if (!ems_json_reader_skip (reader, ems_json_reader_next (reader)))
          return FALSE;
      return reader->error == NULL;

    case EMS_JSON_BEGIN_ARRAY:
      for (;;)
        {
          EmsJsonToken token = ems_json_reader_next (reader);

          if (token == EMS_JSON_END_ARRAY)
            return TRUE;
          if (!ems_json_reader_skip (reader, token))
            return FALSE;
        }

    case EMS_JSON_END:
    case EMS_JSON_NULL:
    case EMS_JSON_BOOLEAN:
    case EMS_JSON_INTEGER:
    case EMS_JSON_DOUBLE:
    case EMS_JSON_STRING:
    case EMS_JSON_END_OBJECT:
    case EMS_JSON_END_ARRAY:
    default:
      return TRUE;
    }
}

char *
ems_json_reader_dup_raw (EmsJsonReader *reader,
                         EmsJsonToken   first)
{
  const char *start = reader->token_start;

  switch (first)
    {
    case EMS_JSON_NULL:
    case EMS_JSON_BOOLEAN:
    case EMS_JSON_INTEGER:
    case EMS_JSON_DOUBLE:
    case EMS_JSON_STRING:
    case EMS_JSON_BEGIN_OBJECT:
    case EMS_JSON_BEGIN_ARRAY:
      break;

    case EMS_JSON_ERROR:
    case EMS_JSON_END:
    case EMS_JSON_END_OBJECT:
    case EMS_JSON_END_ARRAY:
    default:
      return NULL;
    }

  /* After the value's last token, reader->p stands just past it */
  if (!ems_json_reader_skip (reader, first) || reader->error != NULL)
    return NULL;

  return g_strndup (start, reader->p - start);
}

const char *
ems_json_reader_get_string (EmsJsonReader *reader)
{
  return reader->string->str;
}

gint64
ems_json_reader_get_int (EmsJsonReader *reader)
{
  return reader->int_value;
}

double
ems_json_reader_get_double (EmsJsonReader *reader)
{
  return reader->double_value;
}

gboolean
ems_json_reader_get_int_overflow (EmsJsonReader *reader)
{
  return reader->int_overflow;
}

gboolean
ems_json_reader_get_boolean (EmsJsonReader *reader)
{
  return reader->boolean_value;
}

guint
ems_json_reader_get_line (EmsJsonReader *reader)
{
  return reader->token_line;
}

guint
ems_json_reader_get_column (EmsJsonReader *reader)
{
  return (guint) g_utf8_strlen (reader->token_line_start,
                                reader->token_start - reader->token_line_start) + 1;
}

const char *
ems_json_reader_get_error (EmsJsonReader *reader)
{
  return reader->error;
}
