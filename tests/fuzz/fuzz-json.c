/* fuzz-json.c: libFuzzer harness for the streaming JSON reader
 *
 * Walks the whole document through the public API, as the .emsa loader
 * does: member names, values, skip () and dup_raw (). What the reader
 * hands back must hold: strings are valid UTF-8, an error has a message
 * and a position, and the raw text of a value is itself a whole JSON
 * document that reads without error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ems-json-reader.h"
#include "fuzz-common.h"

static gboolean walk (EmsJsonReader *reader,
                      EmsJsonToken   token);

static void
check_position (EmsJsonReader *reader)
{
  g_assert_cmpuint (ems_json_reader_get_line (reader), >=, 1);
  g_assert_cmpuint (ems_json_reader_get_column (reader), >=, 1);
}

/* A value's raw text must read back as a document of its own. */
static void
check_raw (const char *raw)
{
  g_autoptr(EmsJsonReader) reader = ems_json_reader_new (raw, strlen (raw));

  g_assert_true (walk (reader, ems_json_reader_next (reader)));
  g_assert_cmpint (ems_json_reader_next (reader), ==, EMS_JSON_END);
}

static gboolean
walk (EmsJsonReader *reader,
      EmsJsonToken   token)
{
  const char *name;

  check_position (reader);

  switch (token)
    {
    case EMS_JSON_ERROR:
      g_assert_nonnull (ems_json_reader_get_error (reader));
      g_assert_true (g_utf8_validate (ems_json_reader_get_error (reader), -1, NULL));
      return FALSE;

    case EMS_JSON_STRING:
      g_assert_true (g_utf8_validate (ems_json_reader_get_string (reader), -1, NULL));
      return TRUE;

    case EMS_JSON_INTEGER:
      g_assert_cmpfloat (ems_json_reader_get_double (reader), ==,
                         (double) ems_json_reader_get_int (reader));
      return TRUE;

    case EMS_JSON_DOUBLE:
      (void) ems_json_reader_get_double (reader);
      return TRUE;

    case EMS_JSON_BOOLEAN:
      (void) ems_json_reader_get_boolean (reader);
      return TRUE;

    case EMS_JSON_NULL:
      return TRUE;

    case EMS_JSON_BEGIN_OBJECT:
      while (ems_json_reader_next_member (reader, &name))
        {
          gsize len = strlen (name);
          EmsJsonToken value;

          g_assert_true (g_utf8_validate (name, len, NULL));
          value = ems_json_reader_next (reader);

          /* The loader keeps members it does not know as raw text and
           * skips others: the name's length picks which, so that the
           * fuzzer can reach every path. */
          if (len % 3 == 1)
            {
              g_autofree char *raw = ems_json_reader_dup_raw (reader, value);

              if (raw == NULL)
                return FALSE;
              check_raw (raw);
            }
          else if (len % 3 == 2)
            {
              if (!ems_json_reader_skip (reader, value))
                return FALSE;
            }
          else if (!walk (reader, value))
            return FALSE;
        }
      return ems_json_reader_get_error (reader) == NULL;

    case EMS_JSON_BEGIN_ARRAY:
      for (;;)
        {
          EmsJsonToken item = ems_json_reader_next (reader);

          if (item == EMS_JSON_END_ARRAY)
            return TRUE;
          if (!walk (reader, item))
            return FALSE;
        }

    case EMS_JSON_END:
    case EMS_JSON_END_OBJECT:
    case EMS_JSON_END_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(EmsJsonReader) reader = ems_json_reader_new ((const char *) data, size);
  EmsJsonToken token;

  if (walk (reader, ems_json_reader_next (reader)))
    {
      token = ems_json_reader_next (reader);
      g_assert_true (token == EMS_JSON_END || token == EMS_JSON_ERROR);
      if (token == EMS_JSON_ERROR)
        g_assert_nonnull (ems_json_reader_get_error (reader));
    }
  else
    g_assert_nonnull (ems_json_reader_get_error (reader));

  /* After an error, the reader stays in error */
  g_assert_true (ems_json_reader_get_error (reader) == NULL ||
                 ems_json_reader_next (reader) == EMS_JSON_ERROR);

  return 0;
}
