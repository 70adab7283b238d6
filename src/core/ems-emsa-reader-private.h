/* ems-emsa-reader-private.h: the state of reading an .emsa document,
 * shared by the reader (ems-emsa-reader.c) and its problem list
 * (ems-emsa-problems.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment-private.h"
#include "ems-json-reader.h"
#include "ems-json-writer.h"

G_BEGIN_DECLS

/* Token by token with EmsJsonReader, so that every problem carries its
 * line and column, and a problem in one member never stops the others
 * from being checked: --validate reports them all at once. */
typedef struct
{
  EmsAssessment *self;
  EmsJsonReader *json;
  GPtrArray     *problems;   /* EmsProblem* */
  guint          n_errors;
  GString       *path;       /* the answer or action being read */
} EmsEmsaReader;

/* The 1-based line and column of byte @offset of @data */
void  ems_emsa_locate_offset     (const char     *data,
                                  gsize           offset,
                                  guint          *line,
                                  guint          *column);
/* Forgets every problem found so far and records only this one: for the
 * problems that make the rest meaningless (not JSON, another format, a
 * newer version). */
void  ems_emsa_reader_fail       (GError        **error,
                                  EmsEmsaReader  *reader,
                                  int             code,
                                  guint           line,
                                  guint           column,
                                  const char     *message);
/* The error that stands for every problem: the first, and how many more */
void  ems_emsa_reader_set_error  (GError        **error,
                                  EmsEmsaReader  *reader);

/* The "indicators" member (format version 2: ems-emsa-indicators.c) */
void  ems_emsa_read_indicators           (EmsEmsaReader  *reader,
                                          EmsJsonToken    token);
void  ems_emsa_check_indicators_version  (EmsEmsaReader  *reader,
                                          gint64          version,
                                          guint           line,
                                          guint           column);
void  ems_emsa_write_indicators          (EmsJsonPretty  *w,
                                          EmsAssessment  *self);
int   ems_emsa_format_version            (EmsAssessment  *self);

G_END_DECLS
