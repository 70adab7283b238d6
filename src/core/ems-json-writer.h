/* ems-json-writer.h: small helpers to write JSON text by hand, where a
 * json-glib tree per record would cost more than the work itself
 * (--summary --json over thousands of files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A JSON string literal, quoted and escaped; NULL writes null. */
void ems_json_append_string (GString    *out,
                             const char *value);
/* The shortest decimal that reads back as the same double; NaN and
 * infinities, which JSON cannot hold, write null. */
void ems_json_append_double (GString    *out,
                             double      value);

/* Indented output, two spaces a level, in json-glib's pretty layout
 * ("name" : value), for documents built member by member. A NULL @member
 * is an array element (or the root). */
typedef struct
{
  GString *out;
  guint    depth;
  gboolean empty;    /* nothing written yet in the open object or array */
} EmsJsonPretty;

void ems_json_pretty_init   (EmsJsonPretty *w,
                             GString       *out);
void ems_json_pretty_begin  (EmsJsonPretty *w,
                             const char    *member,
                             char           bracket);
void ems_json_pretty_end    (EmsJsonPretty *w,
                             char           bracket);
void ems_json_pretty_string (EmsJsonPretty *w,
                             const char    *member,
                             const char    *value);
void ems_json_pretty_int    (EmsJsonPretty *w,
                             const char    *member,
                             gint64         value);
void ems_json_pretty_bool   (EmsJsonPretty *w,
                             const char    *member,
                             gboolean       value);
void ems_json_pretty_raw    (EmsJsonPretty *w,
                             const char    *member,
                             const char    *json);

G_END_DECLS
