/* ems-cli-private.h: what the command's files share (ems-cli.c parses the
 * options; one file per command: -input, -checklist, -summary, -export,
 * -compare)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ems-assessment.h"
#include "ems-chart-export.h"
#include "ems-cli.h"

G_BEGIN_DECLS

/* "ten-elements: MESSAGE" on stderr */
G_GNUC_PRINTF (1, 2)
void            ems_cli_print_error          (const char    *format,
                                              ...);

/* @text for the terminal: valid UTF-8, control characters escaped */
char           *ems_cli_text                 (const char    *text);

/* Returns the assessment, or NULL after printing why to stderr. Warnings
 * (answers to unknown questions) are printed too when @show_warnings;
 * @bytes_out (optional) receives the file's contents. */
EmsAssessment  *ems_cli_load                 (const char    *path,
                                              gboolean       show_warnings,
                                              GBytes       **bytes_out);

/* As ems_cli_load(); @n_errors (optional) receives the number of
 * problems that are not warnings */
EmsAssessment  *ems_cli_load_full            (const char    *path,
                                              gboolean       show_warnings,
                                              GBytes       **bytes_out,
                                              guint         *n_errors);

/* The assessment in @data: an .emsa by the core library, or one of our
 * workbooks by the reader library, opened on first use
 * (ems-cli-reader.c); @from_workbook says which. */
EmsAssessment  *ems_cli_load_data            (const char    *path,
                                              const char    *data,
                                              gsize          length,
                                              gboolean      *from_workbook,
                                              GPtrArray    **problems,
                                              GError       **error);

/* A JSON number, or null (ems-cli-summary.c) */
void            ems_cli_append_number_or_null (GString      *out,
                                               gboolean      has_value,
                                               double        value);

/* A symbol of the graphics library, opened on first use */
gpointer        ems_cli_graphics_symbol      (const char    *name,
                                              GError       **error);
/* A function of the graphics library, with the type its header gives it */
#define GRAPHICS_FUNCTION(func, error) \
  ((__typeof__ (&func)) ems_cli_graphics_symbol (#func, (error)))

/* FALSE, after saying why, when @out is one of @files (the same inode) */
gboolean        ems_cli_check_output         (const char    *out,
                                              char         **files);

/* The time exports record: SOURCE_DATE_EPOCH when set */
GDateTime      *ems_cli_export_time          (void);

int             ems_cli_run_checklist        (gboolean       json);
int             ems_cli_run_validate         (char         **files);
int             ems_cli_run_summary          (char         **files,
                                              gboolean       json);
/* --export OUT.csv --actions FILE (ems-cli-actions.c) */
int             ems_cli_run_export_actions   (const char    *out,
                                              const char    *path);
int             ems_cli_run_export           (const char    *out,
                                              const char    *path);
int             ems_cli_run_export_chart     (const char    *out,
                                              const char    *path,
                                              EmsChartKind   kind,
                                              int            scale);
int             ems_cli_run_compare          (char         **files,
                                              gboolean       json,
                                              gboolean       anonymise,
                                              const char    *export_path);

/* --export OUT.xlsx --questionnaire [FILE] (ems-cli-reader.c; @path may
 * be NULL) */
int             ems_cli_run_export_questionnaire (const char *out,
                                                  const char *path);

/* --export OUT.emsa FILE: a workbook converted (ems-cli-reader.c) */
int             ems_cli_run_export_emsa      (const char    *out,
                                              const char    *path);

/* CSV (ems-cli-csv.c) */
int             ems_cli_run_summary_csv      (char         **files);
int             ems_cli_run_export_csv       (const char    *out,
                                              const char    *path);
int             ems_cli_run_compare_csv      (char         **files,
                                              gboolean       anonymise,
                                              const char    *out);

G_END_DECLS
