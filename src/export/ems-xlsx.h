/* ems-xlsx.h: the assessment as a spreadsheet workbook (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"
#include "ems-comparison.h"

G_BEGIN_DECLS

/* Writes @assessment to @path as an Office Open XML workbook with the sheets
 * Summary, Answers, Actions and Method (names in the user's language).
 *
 * @source: the bytes of the .emsa file the assessment came from; the Method
 *   sheet prints their SHA-256 so a workbook can be matched to a submission.
 *   When NULL, the hash is taken over ems_assessment_serialize() and the
 *   Method sheet says so.
 * @export_time: printed on the Method sheet and used as the document's
 *   creation time; with the same time the output is byte-identical. NULL
 *   means now.
 *
 * The file is written to a temporary file in the same folder and renamed
 * into place: on failure nothing is left behind and an existing file at
 * @path is untouched. Errors are EMS_ERROR_EXPORT with a message naming the
 * file. Text cut to fit a cell is reported with g_message(); use
 * ems_xlsx_export_full() to receive those reports instead. */
gboolean ems_xlsx_export      (EmsAssessment  *assessment,
                               GBytes         *source,
                               GDateTime      *export_time,
                               const char     *path,
                               GError        **error);

/* As ems_xlsx_export(); when @warnings is not NULL it receives a
 * NULL-terminated array of translated messages about text that was cut or
 * cleaned (free with g_strfreev()), and nothing is logged. */
gboolean ems_xlsx_export_full (EmsAssessment  *assessment,
                               GBytes         *source,
                               GDateTime      *export_time,
                               const char     *path,
                               char         ***warnings,
                               GError        **error);

/* Writes @comparison to @path as a workbook with the sheets Matrix
 * (participants × elements), Statistics (per element: formulas over the
 * Matrix stored with the comparison's values, a radar of the group mean
 * against the target and a bar chart of the standard deviations),
 * Distribution (participants per band, with a chart), Priorities, Changes
 * (only when the set holds follow-ups) and Method.
 *
 * When ems_comparison_get_anonymise() is TRUE nothing in the file names a
 * participant: no organisation, site, assessor, date, file name, note,
 * evidence or action owner, document properties included. Otherwise the
 * Method sheet lists each participant's file with the SHA-256 of its bytes
 * (or, when the file is gone or changed, of the assessment as saved).
 *
 * @export_time and the temporary-file write behave as in
 * ems_xlsx_export(); text cut to fit a cell is logged with g_message(). */
gboolean ems_xlsx_export_comparison (EmsComparison  *comparison,
                                     GDateTime      *export_time,
                                     const char     *path,
                                     GError        **error);

G_END_DECLS
