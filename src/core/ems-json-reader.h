/* ems-json-reader.h: a strict, streaming JSON reader with positions
 *
 * json-glib builds a whole tree and cannot say where in the text a member
 * stood; reading assessments token by token is several times faster and
 * lets every problem carry its line and column (writing is
 * ems-json-writer.h). It needs only GLib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EMS_JSON_ERROR,          /* see ems_json_reader_get_error () */
  EMS_JSON_END,            /* after the root value */
  EMS_JSON_NULL,
  EMS_JSON_BOOLEAN,
  EMS_JSON_INTEGER,        /* fits a gint64, no fraction or exponent */
  EMS_JSON_DOUBLE,
  EMS_JSON_STRING,
  EMS_JSON_BEGIN_OBJECT,
  EMS_JSON_END_OBJECT,
  EMS_JSON_BEGIN_ARRAY,
  EMS_JSON_END_ARRAY,
} EmsJsonToken;

#define EMS_JSON_MAX_DEPTH 64

typedef struct _EmsJsonReader EmsJsonReader;

/* @data must outlive the reader; invalid UTF-8 is a syntax error. */
EmsJsonReader *ems_json_reader_new         (const char     *data,
                                            gsize           length);
void           ems_json_reader_free        (EmsJsonReader  *reader);

/* The next value token. Inside an object, a value is preceded by its
 * member name: call ems_json_reader_next_member () there instead. */
EmsJsonToken   ems_json_reader_next        (EmsJsonReader  *reader);
/* In an object: TRUE and the name (valid until the next member) when a
 * member follows, FALSE at the closing brace (consumed) or on error. */
gboolean       ems_json_reader_next_member (EmsJsonReader  *reader,
                                            const char    **name);
/* Skips the value whose first token was just read. */
gboolean       ems_json_reader_skip        (EmsJsonReader  *reader,
                                            EmsJsonToken    first);
/* Skips the value whose first token was just read and returns its text
 * as it stands in the input, or NULL on a syntax error. */
char          *ems_json_reader_dup_raw     (EmsJsonReader  *reader,
                                            EmsJsonToken    first);

const char    *ems_json_reader_get_string  (EmsJsonReader  *reader);
gint64         ems_json_reader_get_int     (EmsJsonReader  *reader);
/* Out of range: ±HUGE_VAL (1e400 is a number, but not a finite double) */
double         ems_json_reader_get_double  (EmsJsonReader  *reader);
/* After EMS_JSON_DOUBLE: TRUE when the number is written as a whole
 * number (no fraction, no exponent) too large for 64 bits */
gboolean       ems_json_reader_get_int_overflow (EmsJsonReader *reader);
gboolean       ems_json_reader_get_boolean (EmsJsonReader  *reader);
/* 1-based position of the last token (or of the error) */
guint          ems_json_reader_get_line    (EmsJsonReader  *reader);
guint          ems_json_reader_get_column  (EmsJsonReader  *reader);
/* The syntax error, translated, once next() returned EMS_JSON_ERROR */
const char    *ems_json_reader_get_error   (EmsJsonReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsJsonReader, ems_json_reader_free)

G_END_DECLS
