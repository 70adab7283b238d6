/* ems-csv.h: CSV for other tools (pandas, R, DuckDB, spreadsheets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: fields separated by commas, records ended by CR LF, a field
 * quoted when it holds a comma, a quote or a line break (quotes doubled).
 * UTF-8 without a byte order mark. Numbers are written as JSON writes
 * them, with "." whatever the locale; a null number is an empty field.
 * Text from an assessment is made safe as in the workbooks: valid UTF-8,
 * no control character but tab and line feed, and a text that a
 * spreadsheet would take for a formula (starting with =, +, -, @, a tab or
 * a carriage return) gets a leading apostrophe.
 */
#pragma once

#include <glib.h>

#include "ems-assessment.h"
#include "ems-comparison.h"
#include "ems-scores.h"

G_BEGIN_DECLS

/* Fields: each adds a comma first unless @out is empty or ends a record;
 * an empty first field is written "" */
void    ems_csv_append_text            (GString        *out,
                                        const char     *text);
void    ems_csv_append_number          (GString        *out,
                                        gboolean        has_value,
                                        double          value);
void    ems_csv_end_record             (GString        *out);

/* --summary --csv: the header, then one record per file:
 * file,organisation,site,assessed_on,overall,coverage,target,band,
 * element_1,…,element_N (coverage 0–1 as in the JSON, scores in percent) */
void    ems_csv_append_summary_header  (GString        *out,
                                        guint           n_elements);
void    ems_csv_append_summary_record  (GString        *out,
                                        const char     *file,
                                        EmsAssessment  *assessment,
                                        const EmsScores *scores);

/* --export OUT.csv FILE: one record per question of the checklist, then
 * one per answer to a question the checklist does not know:
 * element,id,question,weight,critical,level,not_applicable,reason,note,evidence */
GBytes *ems_csv_answers                (EmsAssessment  *assessment);

/* --compare --export OUT.csv: the participants × elements matrix:
 * participant,file,overall,element_1,…,element_N (file empty when
 * anonymised) */
GBytes *ems_csv_comparison             (EmsComparison  *comparison);

G_END_DECLS
