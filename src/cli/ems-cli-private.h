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

G_END_DECLS
