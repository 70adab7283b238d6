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

G_END_DECLS
