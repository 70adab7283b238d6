/* test-json-reader.c: the strict JSON reader, one row per case
 *
 * Each row is a document and what reading it must give: either the
 * values, dumped in a small notation (below), or an error whose message
 * holds a fragment, at a line and column. The reader's messages are
 * English here (LC_ALL=C.UTF-8, no translation loaded).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ems-json-reader.h"
#include "ems-json-writer.h"

typedef struct
{
  const char *name;
  const char *data;
  gssize      length;     /* -1: strlen */
  const char *dump;       /* the values when it reads, or NULL */
  const char *error;      /* a fragment of the error, or NULL */
  guint       line;       /* of the error, 0: not checked */
  guint       column;
} Row;

/* The notation: null, true, false; integers as written; 'big' for a whole
 * number beyond 64 bits; other numbers as %.17g (inf for 1e400); strings
 * in quotes with control characters as <NN>; [a,b]; {name:value,…}. */
static gboolean
dump_value (EmsJsonReader *reader,
            EmsJsonToken   token,
            GString       *out)
{
  const char *name;
  gboolean first = TRUE;

  switch (token)
    {
    case EMS_JSON_NULL:
      g_string_append (out, "null");
      return TRUE;
    case EMS_JSON_BOOLEAN:
      g_string_append (out, ems_json_reader_get_boolean (reader) ? "true" : "false");
      return TRUE;
    case EMS_JSON_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, ems_json_reader_get_int (reader));
      return TRUE;
    case EMS_JSON_DOUBLE:
      if (ems_json_reader_get_int_overflow (reader))
        g_string_append (out, "big");
      else
        g_string_append_printf (out, "%.17g", ems_json_reader_get_double (reader));
      return TRUE;
    case EMS_JSON_STRING:
      g_string_append_c (out, '"');
      for (const char *p = ems_json_reader_get_string (reader); *p != '\0'; p++)
        {
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "<%02x>", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      return TRUE;
    case EMS_JSON_BEGIN_ARRAY:
      g_string_append_c (out, '[');
      for (;;)
        {
          EmsJsonToken next = ems_json_reader_next (reader);

          if (next == EMS_JSON_END_ARRAY)
            break;
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          if (!dump_value (reader, next, out))
            return FALSE;
        }
      g_string_append_c (out, ']');
      return TRUE;
    case EMS_JSON_BEGIN_OBJECT:
      g_string_append_c (out, '{');
      while (ems_json_reader_next_member (reader, &name))
        {
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          g_string_append_printf (out, "%s:", name);
          if (!dump_value (reader, ems_json_reader_next (reader), out))
            return FALSE;
        }
      if (ems_json_reader_get_error (reader) != NULL)
        return FALSE;
      g_string_append_c (out, '}');
      return TRUE;
    case EMS_JSON_ERROR:
    case EMS_JSON_END:
    case EMS_JSON_END_OBJECT:
    case EMS_JSON_END_ARRAY:
    default:
      return FALSE;
    }
}

#define DOC(s) "{\"format\":\"x\"," s "}"
#define NEST64_OPEN  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
#define NEST64_CLOSE "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
#define OBJ8_OPEN   "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":"
#define OBJ8_CLOSE  "}}}}}}}}"

static const Row rows[] = {
  /* Values */
  { "literals", "[true,false,null]", -1, "[true,false,null]", NULL },
  { "scalar-root", " 42 ", -1, "42", NULL },
  { "empty-containers", "{\"a\":[],\"b\":{}}", -1, "{a:[],b:{}}", NULL },
  { "whitespace", " \t\r\n[ 1 ,\n 2 ]\n", -1, "[1,2]", NULL },
  { "literal-cut", "tru", -1, NULL, "where a value was expected", 1, 1 },
  { "literal-case", "True", -1, NULL, "unexpected “T”", 1, 1 },
  { "nan", "NaN", -1, NULL, "unexpected “N”", 1, 1 },
  { "infinity", "[-Infinity]", -1, NULL, "a digit", 1, 3 },
  { "single-quotes", "['a']", -1, NULL, "unexpected “'”", 1, 2 },
  { "comment", "[1 /* no */]", -1, NULL, "a comma or “]”", 1, 4 },

  /* Escapes */
  { "escapes", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", -1, "\"\"\\/<08><0c><0a><0d><09>\"", NULL },
  { "unicode-escape", "\"\\u00e9\\u4E2D\"", -1, "\"é中\"", NULL },
  { "unknown-escape", "\"a\\x\"", -1, NULL, "unknown escape", 1, 4 },
  { "short-hex", "\"\\u12\"", -1, NULL, "four hexadecimal digits", 0, 0 },
  { "bad-hex", "\"\\u12g4\"", -1, NULL, "four hexadecimal digits", 0, 0 },
  { "nul-escape", "\"a\\u0000b\"", -1, NULL, "NUL character", 0, 0 },

  /* Surrogates */
  { "surrogate-pair", "\"\\ud83c\\udf0d\"", -1, "\"🌍\"", NULL },
  { "surrogate-pair-upper", "\"\\uD834\\uDD1E\"", -1, "\"𝄞\"", NULL },
  { "lone-high", "\"\\ud83c\"", -1, NULL, "lone surrogate", 0, 0 },
  { "lone-high-then-text", "\"\\ud83cabcdef\"", -1, NULL, "lone surrogate", 0, 0 },
  { "lone-low", "\"\\udf0d\"", -1, NULL, "lone surrogate", 0, 0 },
  { "reversed-pair", "\"\\udf0d\\ud83c\"", -1, NULL, "lone surrogate", 0, 0 },
  { "high-then-bmp", "\"\\ud83c\\u0041\"", -1, NULL, "lone surrogate", 0, 0 },
  { "high-then-high", "\"\\ud83c\\ud83c\"", -1, NULL, "lone surrogate", 0, 0 },

  /* Text */
  { "utf8", "\"Söhne ✓ 🌍\"", -1, "\"Söhne ✓ 🌍\"", NULL },
  { "del-allowed", "\"a\x7f" "b\"", -1, "\"a\x7f" "b\"", NULL },
  { "raw-tab", "\"a\tb\"", -1, NULL, "control character", 1, 3 },
  { "raw-newline", "[\"a\nb\"]", -1, NULL, "control character", 1, 4 },
  { "raw-escape", "\"\x1b[2J\"", -1, NULL, "control character", 1, 2 },
  { "raw-nul", "\"a\0b\"", 5, NULL, "control character", 1, 3 },
  { "unterminated", "\"abc", -1, NULL, "not closed with a quote", 0, 0 },
  { "invalid-utf8", "[\"caf\xe9\"]", -1, NULL, "not valid UTF-8", 1, 6 },
  { "overlong-utf8", "\"\xc0\xaf\"", -1, NULL, "not valid UTF-8", 1, 2 },
  { "utf8-surrogate", "\"\xed\xa0\x80\"", -1, NULL, "not valid UTF-8", 1, 2 },
  { "bom", "\xEF\xBB\xBF{\"a\":1}", -1, "{a:1}", NULL },
  { "bom-position", "\xEF\xBB\xBF[1,]", -1, NULL, "comma stands before “]”", 1, 3 },
  { "bom-twice", "\xEF\xBB\xBF\xEF\xBB\xBF{}", -1, NULL, "where a value was expected", 1, 1 },

  /* Numbers */
  { "int64-max", "9223372036854775807", -1, "9223372036854775807", NULL },
  { "int64-min", "-9223372036854775808", -1, "-9223372036854775808", NULL },
  { "2^63", "9223372036854775808", -1, "big", NULL },
  { "-2^63-1", "-9223372036854775809", -1, "big", NULL },
  { "huge-integer", "[123456789012345678901234567890123456789012345678901234567890123456789012345]", -1, "[big]", NULL },
  { "1e400", "1e400", -1, "inf", NULL },
  { "-1e400", "-1e400", -1, "-inf", NULL },
  { "1e-400", "1e-400", -1, "0", NULL },
  { "decimal", "[2.5,-0.125,1E2,1e+2,1e-2]", -1, "[2.5,-0.125,100,100,0.01]", NULL },
  { "minus-zero", "-0", -1, "0", NULL },
  { "leading-zero", "01", -1, NULL, "more text after the end", 1, 2 },
  { "plus", "+1", -1, NULL, "unexpected “+”", 1, 1 },
  { "minus-alone", "[-]", -1, NULL, "a digit", 1, 3 },
  { "dot-alone", "[1.]", -1, NULL, "a digit", 1, 4 },
  { "dot-first", "[.5]", -1, NULL, "unexpected “.”", 1, 2 },
  { "exponent-alone", "[1e]", -1, NULL, "a digit", 1, 4 },

  /* Structure */
  { "[1,]", "[1,]", -1, NULL, "comma stands before “]”", 1, 3 },
  { "[,1]", "[,1]", -1, NULL, "unexpected “,”", 1, 2 },
  { "[1 2]", "[1 2]", -1, NULL, "a comma or “]”", 1, 4 },
  { "object-trailing-comma", "{\"a\":1,}", -1, NULL, "comma", 1, 7 },
  { "object-no-colon", "{\"a\" 1}", -1, NULL, "unexpected “1”", 1, 6 },
  { "object-number-key", "{1:2}", -1, NULL, "unexpected “1”", 1, 2 },
  { "unclosed-array", "[1,2", -1, NULL, "the text ends", 0, 0 },
  { "unclosed-object", "{\"a\":1", -1, NULL, "the text ends", 0, 0 },
  { "mismatched", "[1}", -1, NULL, "a comma or “]”", 1, 3 },
  { "empty", "", 0, NULL, "the text ends", 1, 1 },
  { "only-space", "  \n ", -1, NULL, "the text ends", 2, 2 },

  /* Duplicate keys are the loader's business: the reader gives both */
  { "duplicate-keys", "{\"a\":1,\"a\":2}", -1, "{a:1,a:2}", NULL },
  { "duplicate-nested", DOC ("\"o\":{\"b\":true,\"b\":false}"), -1, "{format:\"x\",o:{b:true,b:false}}", NULL },

  /* Depth: 64 levels read, 65 do not */
  { "depth-64", NEST64_OPEN NEST64_CLOSE, -1,
    NEST64_OPEN NEST64_CLOSE, NULL },
  { "depth-65", "[" NEST64_OPEN NEST64_CLOSE "]", -1, NULL, "nested too deeply", 1, 65 },
  { "objects-depth-64", OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{}"
    "}}}}}}}" OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE, -1, NULL, NULL },
  { "objects-depth-65", OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN OBJ8_OPEN "{}"
    OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE OBJ8_CLOSE, -1, NULL, "nested too deeply", 0, 0 },

  /* Trailing garbage */
  { "trailing-space", "{} \n\t", -1, "{}", NULL },
  { "trailing-word", "{} x", -1, NULL, "more text after the end", 1, 4 },
  { "two-roots", "{}{}", -1, NULL, "more text after the end", 1, 3 },
  { "trailing-comma-root", "[1],", -1, NULL, "more text after the end", 1, 4 },
  { "trailing-nul", "{}\0", 3, NULL, "more text after the end", 1, 3 },
  { "second-line", "{}\n\n  ]", -1, NULL, "more text after the end", 3, 3 },
};

static void
test_row (gconstpointer user_data)
{
  const Row *row = user_data;
  gsize length = row->length >= 0 ? (gsize) row->length : strlen (row->data);
  g_autoptr(EmsJsonReader) reader = ems_json_reader_new (row->data, length);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean ok;

  ok = dump_value (reader, ems_json_reader_next (reader), out);
  if (ok && ems_json_reader_next (reader) != EMS_JSON_END)
    ok = FALSE;

  if (row->error == NULL)
    {
      g_assert_null (ems_json_reader_get_error (reader));
      g_assert_true (ok);
      if (row->dump != NULL)
        g_assert_cmpstr (out->str, ==, row->dump);
      return;
    }

  g_assert_false (ok);
  g_assert_nonnull (ems_json_reader_get_error (reader));
  g_test_message ("%s: %u:%u: %s", row->name,
                  ems_json_reader_get_line (reader), ems_json_reader_get_column (reader),
                  ems_json_reader_get_error (reader));
  g_assert_nonnull (strstr (ems_json_reader_get_error (reader), row->error));
  if (row->line > 0)
    {
      g_assert_cmpuint (ems_json_reader_get_line (reader), ==, row->line);
      g_assert_cmpuint (ems_json_reader_get_column (reader), ==, row->column);
    }

  /* Once failed, it stays failed */
  g_assert_cmpint (ems_json_reader_next (reader), ==, EMS_JSON_ERROR);
}

/* The raw text of a value, as kept for members the loader does not know */
static void
test_dup_raw (void)
{
  const char *data = "{\"keep\" : [1, {\"x\": \"\\u00e9\"}, 2.5e3] , \"next\": 1}";
  g_autoptr(EmsJsonReader) reader = ems_json_reader_new (data, strlen (data));
  g_autofree char *raw = NULL;
  const char *name;

  g_assert_cmpint (ems_json_reader_next (reader), ==, EMS_JSON_BEGIN_OBJECT);
  g_assert_true (ems_json_reader_next_member (reader, &name));
  g_assert_cmpstr (name, ==, "keep");
  raw = ems_json_reader_dup_raw (reader, ems_json_reader_next (reader));
  g_assert_cmpstr (raw, ==, "[1, {\"x\": \"\\u00e9\"}, 2.5e3]");
  g_assert_true (ems_json_reader_next_member (reader, &name));
  g_assert_cmpstr (name, ==, "next");
}

/* The writer's side, where it meets the reader: numbers read back to the
 * same double, whole numbers as %.15g writes them, and text that is not
 * UTF-8 never makes the document invalid. */
static void
test_writer_round_trip (void)
{
  const double values[] = {
    0, -0.0, 1, -1, 100, 62.5, 0.1, 1.0 / 3, 2.0 / 3, 11.0 / 12, 1e15 - 1, 1e15,
    -1e15 + 1, 123456789012345.0, 9007199254740993.0, 1e300, 5e-324, 75.0 * 7 / 9,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(EmsJsonReader) reader = NULL;
      char expected[G_ASCII_DTOSTR_BUF_SIZE];
      EmsJsonToken token;

      ems_json_append_double (out, values[i]);
      if (values[i] == (double) (gint64) values[i] && values[i] > -1e15 && values[i] < 1e15)
        {
          g_ascii_formatd (expected, sizeof expected, "%.15g", values[i]);
          g_assert_cmpstr (out->str, ==, expected);
        }
      reader = ems_json_reader_new (out->str, out->len);
      token = ems_json_reader_next (reader);
      g_assert_true (token == EMS_JSON_INTEGER || token == EMS_JSON_DOUBLE);
      g_assert_true (ems_json_reader_get_double (reader) == values[i]);
      /* (an integer has no signed zero: "-0" reads as 0) */
      if (token == EMS_JSON_DOUBLE)
        g_assert_cmpint (signbit (ems_json_reader_get_double (reader)), ==, signbit (values[i]));
    }
}

static void
test_writer_not_utf8 (void)
{
  const char *cases[][2] = {
    { "caf\xe9.emsa", "\"caf\xef\xbf\xbd.emsa\"" },
    { "a\tb\x1b\x7f\"\\", "\"a\\tb\\u001b\\u007f\\\"\\\\\"" },
    { "ok é", "\"ok é\"" },
    { "\xff\n", "\"\xef\xbf\xbd\\n\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("[");
      g_autoptr(EmsJsonReader) reader = NULL;

      ems_json_append_string (out, cases[i][0]);
      g_assert_cmpstr (out->str + 1, ==, cases[i][1]);
      g_string_append_c (out, ']');
      reader = ems_json_reader_new (out->str, out->len);
      g_assert_cmpint (ems_json_reader_next (reader), ==, EMS_JSON_BEGIN_ARRAY);
      g_assert_cmpint (ems_json_reader_next (reader), ==, EMS_JSON_STRING);
      g_assert_cmpint (ems_json_reader_next (reader), ==, EMS_JSON_END_ARRAY);
      g_assert_cmpint (ems_json_reader_next (reader), ==, EMS_JSON_END);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-reader/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  g_test_add_func ("/json-reader/dup-raw", test_dup_raw);
  g_test_add_func ("/json-writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/json-writer/not-utf8", test_writer_not_utf8);

  return g_test_run ();
}
