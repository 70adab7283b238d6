/* ems-action-csv.h: the action plan alone, as CSV for a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"

G_BEGIN_DECLS

/* RFC 4180 CSV in UTF-8 with a byte-order mark (so that spreadsheets read
 * the accents right), CRLF line ends, one header row:
 *   phase,title,description,element,question,owner,due,status
 * then one row per action in the plan's order. Fields with a comma, a
 * double quote or a line break are quoted; empty fields stay empty.
 *
 * Returns: (transfer full): the file's bytes */
GBytes     *ems_action_plan_to_csv      (EmsAssessment  *assessment);

/* Writes it to @path atomically */
gboolean    ems_action_plan_write_csv   (EmsAssessment  *assessment,
                                         const char     *path,
                                         GError        **error);

G_END_DECLS
