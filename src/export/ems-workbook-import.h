/* ems-workbook-import.h: assessments from our workbooks, and one entry
 * point that opens an .emsa file or a workbook alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"

G_BEGIN_DECLS

typedef enum
{
  EMS_FILE_KIND_ASSESSMENT,           /* an .emsa document */
  EMS_FILE_KIND_QUESTIONNAIRE,        /* our fill-in questionnaire (.xlsx) */
  EMS_FILE_KIND_ASSESSMENT_WORKBOOK,  /* our assessment workbook (.xlsx) */
} EmsFileKind;

/* Reads an assessment from a workbook written by Ten Elements (the
 * questionnaire or the assessment workbook), as saved again by Excel,
 * LibreOffice, Gnumeric or a script.
 *
 * Returns NULL with @error set (EMS_ERROR_INVALID, EMS_ERROR_TOO_LARGE or
 * EMS_ERROR_NEWER_VERSION) when the file cannot be read as one of our
 * workbooks. Otherwise returns the assessment, and @problems (EmsProblem*,
 * always set when not NULL) holds every cell that could not be read, its
 * path "Sheet!E7" and a message saying what was expected: those cells are
 * left out and the rest is imported. A problem with warning FALSE means
 * something the owner typed was not imported (--validate fails on it).
 *
 * @checklist: NULL for the default one. @kind: (out) (optional). */
EmsAssessment *ems_workbook_import          (EmsChecklist  *checklist,
                                             GBytes        *bytes,
                                             EmsFileKind   *kind,
                                             GPtrArray    **problems,
                                             GError       **error);

/* TRUE when @data starts like a workbook: a zip container, or an old
 * Office (OLE) file that ems_workbook_import() explains */
gboolean       ems_data_is_workbook         (const char    *data,
                                             gsize          length);

/* The one entry point for commands that take an assessment: @data is the
 * file's content (read by the caller, at most EMS_MAX_FILE_SIZE); a
 * workbook goes to ems_workbook_import(), anything else to
 * ems_assessment_load_from_data(), except text in a file named .xlsx,
 * .xlsm or .xls, which is refused as not a workbook. @path only names the
 * file (its extension); it is not opened. */
EmsAssessment *ems_load_assessment_data     (EmsChecklist  *checklist,
                                             const char    *path,
                                             const char    *data,
                                             gsize          length,
                                             EmsFileKind   *kind,
                                             GPtrArray    **problems,
                                             GError       **error);

/* As ems_load_assessment_data(), reading @path first (refused unread when
 * larger than EMS_MAX_FILE_SIZE) */
EmsAssessment *ems_load_assessment_file     (EmsChecklist  *checklist,
                                             const char    *path,
                                             EmsFileKind   *kind,
                                             GPtrArray    **problems,
                                             GError       **error);

/* How a level cell's text reads: "3 – Implemented" (any language), "3",
 * "N/A", "na", the translated N/A mark. FALSE for anything else; empty
 * text is EMS_ANSWER_UNANSWERED. */
gboolean       ems_workbook_parse_level_text (const char     *text,
                                              EmsAnswerState *state,
                                              guint          *level);

G_END_DECLS
