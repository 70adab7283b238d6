/* ems-workbook-import-private.h: what the importer's files share (not API)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ems-workbook-import.c finds the sheets and reads the answers,
 * ems-workbook-cells.c reads cell values, ems-workbook-profile.c the
 * profile and the action plan.
 */
#pragma once

#include "ems-workbook-import.h"
#include "ems-xlsx-reader.h"

G_BEGIN_DECLS

#define HEADER_ROWS   20     /* where a header row is looked for */
#define PROFILE_ROWS  60
#define SHOWN_CHARS   40     /* of a wrong value, in a message */

enum {
  H_ID,
  H_QUESTION,
  H_LEVEL,
  H_REASON,
  H_NOTE,
  H_EVIDENCE,
  N_HEADINGS
};

typedef struct
{
  EmsChecklist  *checklist;
  EmsXlsxReader *reader;
  EmsAssessment *assessment;
  GPtrArray     *problems;
  EmsFileKind    kind;
  /* From the marker sheet */
  char          *answers_sheet;
  char          *profile_sheet;
  char          *marker_headings[N_HEADINGS];
} Import;

/* Lower case, trimmed, inner spaces and line breaks as one space */
char     *ems_workbook_normalize        (const char        *text);
/* A problem at @sheet's cell @row, @col */
void      ems_workbook_add_problem      (Import            *im,
                                         gboolean           warning,
                                         EmsXlsxSheet      *sheet,
                                         guint              row,
                                         guint              col,
                                         const char        *format,
                                         ...) G_GNUC_PRINTF (6, 7);
/* A cell as text (numbers in the C locale), NULL when empty or an error */
char     *ems_workbook_cell_text        (const EmsXlsxCell *cell);
gboolean  ems_workbook_cell_is_empty    (const EmsXlsxCell *cell);
/* What the cell held, quoted, for a message */
char     *ems_workbook_shown_value      (const EmsXlsxCell *cell);
gboolean  ems_workbook_parse_level_cell (const EmsXlsxCell *cell,
                                         EmsAnswerState    *state,
                                         guint             *level);
gboolean  ems_workbook_serial_to_date   (double             serial,
                                         gboolean           date1904,
                                         char             **out);
gboolean  ems_workbook_text_to_date     (const char        *text,
                                         char             **out);
/* The profile (and, from the assessment workbook, the action plan) from
 * the sheets other than @answers_index */
gboolean  ems_workbook_read_profile     (Import            *im,
                                         int                answers_index,
                                         GError           **error);
/* The action plan from the assessment workbook's Actions sheet */
gboolean  ems_workbook_read_actions     (Import            *im,
                                         int                answers_index,
                                         GError           **error);
/* "1.1", "10.12" */
gboolean  ems_workbook_is_question_id   (const char        *id);

G_END_DECLS
