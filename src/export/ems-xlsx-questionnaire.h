/* ems-xlsx-questionnaire.h: the fill-in questionnaire workbook (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"

G_BEGIN_DECLS

/* The hidden sheet that marks a questionnaire written by Ten Elements
 * (its name is never translated), and what its first cell holds */
#define EMS_QUESTIONNAIRE_MARKER_SHEET   "ten-elements"
#define EMS_QUESTIONNAIRE_MARKER         "ten-elements-questionnaire"
/* The layout version of the questionnaire, in the marker sheet's B1 */
#define EMS_QUESTIONNAIRE_VERSION        1

/* Writes a fill-in questionnaire for @checklist to @path, in the user's
 * language: the sheets Instructions, Profile and Questions (one row per
 * question with a level drop-down, N/A reason, note and evidence) and the
 * hidden marker sheet the reader recognises. The ids, questions and labels
 * are locked (sheet protection without a password); the answers are not.
 *
 * @assessment: pre-fills the profile and the answers; NULL for a blank
 *   questionnaire (its checklist must be @checklist).
 * @export_time: the document's creation time (the same time gives the same
 *   bytes); NULL means now.
 *
 * Written through a temporary file renamed into place; errors are
 * EMS_ERROR_EXPORT naming the file. */
gboolean ems_xlsx_export_questionnaire (EmsChecklist   *checklist,
                                        EmsAssessment  *assessment,
                                        GDateTime      *export_time,
                                        const char     *path,
                                        GError        **error);

G_END_DECLS
