/* ems-report-private.h: the report's page machinery, shared by the
 * assessment report (ems-report.c) and the comparison handout
 * (ems-report-compare.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is a flat list of blocks (paragraphs, table rows, charts, page
 * breaks). A builder appends them; ems-report.c measures them with Pango,
 * paginates them (headings kept with what follows, long paragraphs split
 * between lines, table headers repeated on the pages a table runs onto),
 * draws them with the footer and "Page N of M", and writes the PDF.
 */
#pragma once

#include <pango/pangocairo.h>

#include "ems-charts.h"
#include "ems-report.h"

G_BEGIN_DECLS

#define EMS_REPORT_MAX_CELLS 12
#define EMS_REPORT_BODY_SIZE 9.5   /* points */

/* Table cells cannot run over pages: user texts in them are cut shorter */
#define EMS_REPORT_MAX_CELL_CHARS 600

#define EMS_REPORT_COLOR_FG    "#1e1e1e"
#define EMS_REPORT_COLOR_MUTED "#5e5c64"

typedef enum
{
  EMS_REPORT_BLOCK_TEXT,
  EMS_REPORT_BLOCK_ROW,
  EMS_REPORT_BLOCK_CHART,
  EMS_REPORT_BLOCK_BREAK,
} EmsReportBlockKind;

/* Draws a chart in (0, 0, width, height) from @data */
typedef void (*EmsReportDrawFunc) (cairo_t             *cr,
                                   double               width,
                                   double               height,
                                   gconstpointer        data,
                                   const EmsChartStyle *style);

typedef struct
{
  EmsReportBlockKind  kind;
  guint               n_cells;
  char               *markup[EMS_REPORT_MAX_CELLS];
  double              col_x[EMS_REPORT_MAX_CELLS];  /* fractions of the text width */
  double              col_w[EMS_REPORT_MAX_CELLS];
  EmsBand             tint[EMS_REPORT_MAX_CELLS];   /* cell shaded in the band's colour */
  double              scale;                        /* font size / EMS_REPORT_BODY_SIZE */
  double              indent;
  double              space_before;
  double              space_after;
  gboolean            keep_with_next;
  gboolean            header;               /* shaded table header row */
  gboolean            rule;                 /* thin line under a row */
  gboolean            flag;                 /* red-flag marker in the last cell */
  guint               repeat_header;        /* rows: 1 + the index of their table's header */
  EmsChartKind        chart;                /* chart of the report's scores, or… */
  EmsReportDrawFunc   draw;                 /* …when set, this drawing of draw_data */
  gpointer            draw_data;
  GDestroyNotify      draw_data_free;
  double              chart_height;
  guint               outline_level;        /* headings: 1 or 2 in the PDF outline */
  char               *outline;

  /* Pagination */
  PangoLayout        *layouts[EMS_REPORT_MAX_CELLS];
  double              height;
  guint               n_lines;              /* EMS_REPORT_BLOCK_TEXT */
  double             *line_top;             /* n_lines + 1: tops, then the bottom */
} EmsReportBlock;

/* The report itself: built in ems-report.c (and ems-report-compare.c
 * through the functions below), laid out and drawn in ems-report-layout.c */

/* Where a block (or lines @line_start..@line_end of a paragraph) went */
typedef struct
{
  guint  block;
  guint  page;
  double y;
  guint  line_start;
  guint  line_end;
} EmsReportPlacement;

struct _EmsReport
{
  EmsAssessment *assessment;
  EmsChecklist  *checklist;
  EmsScores     *scores;
  GDateTime     *when;
  char          *footer;
  char          *assessor;
  GArray        *blocks;        /* EmsReportBlock */
  GArray        *placements;    /* EmsReportPlacement */
  guint          n_pages;
  double         page_width;
  double         page_height;
  PangoContext  *context;
  EmsChartStyle  chart_style;
  guint          last_header;   /* 1 + index of the open table's header row */
};

/* Drops a block's Pango layouts and measures (ems-report-layout.c) */
void            ems_report_block_clear_layout (EmsReportBlock     *block);

/* An empty report for a builder to fill: @footer is printed on every page
 * and is the PDF's title (so it names nobody a handout must not name);
 * @assessor, when set, is the PDF's author. */
EmsReport      *ems_report_new_empty        (EmsChecklist       *checklist,
                                             GDateTime          *when,
                                             const char         *footer,
                                             const char         *assessor);
GDateTime      *ems_report_get_when         (EmsReport          *report);

/* Blocks: every markup string passed in is taken */
EmsReportBlock *ems_report_add_block        (EmsReport          *report,
                                             EmsReportBlockKind  kind);
EmsReportBlock *ems_report_add_text         (EmsReport          *report,
                                             char               *markup,
                                             double              scale,
                                             double              space_before,
                                             double              space_after);
/* Headings from scale 1.25 up go in the PDF outline */
void            ems_report_add_heading      (EmsReport          *report,
                                             const char         *text,
                                             double              scale,
                                             double              space_before);
void            ems_report_add_break        (EmsReport          *report);
/* A table row; @widths are fractions of the text width. Rows after a
 * header row repeat it at the top of each page the table runs onto. */
EmsReportBlock *ems_report_add_row          (EmsReport          *report,
                                             guint               n_cells,
                                             const double       *widths,
                                             char              **cells,
                                             gboolean            header);
/* A key and its value, as on a cover */
void            ems_report_add_profile_row  (EmsReport          *report,
                                             const char         *key,
                                             const char         *value,
                                             gboolean            strong);
/* A drawing of @data (taken: freed with @data_free) @height points high */
EmsReportBlock *ems_report_add_drawing      (EmsReport          *report,
                                             EmsReportDrawFunc   draw,
                                             gpointer            data,
                                             GDestroyNotify      data_free,
                                             double              height);
/* The answer scale (levels and N/A with their meanings) as a table */
void            ems_report_add_answer_scale (EmsReport          *report);

/* The "Where to start" and "ISO 14001 readiness" sections of the
 * assessment report, each on its own page (ems-report-plan.c) */
void            ems_report_build_where_to_start (EmsReport      *report,
                                                 EmsAssessment  *assessment);
void            ems_report_build_iso14001       (EmsReport      *report,
                                                 EmsAssessment  *assessment);

/* Markup helpers; each returns a new string */
char           *ems_report_escape           (const char         *str);
char           *ems_report_muted            (const char         *str);
/* User text in a table cell: cut to EMS_REPORT_MAX_CELL_CHARS, escaped */
char           *ems_report_cell             (const char         *str);
char           *ems_report_clip             (const char         *str,
                                             glong               max_chars);
/* @str, or "—" when NULL or empty */
const char     *ems_report_or_dash          (const char         *str);

G_END_DECLS
