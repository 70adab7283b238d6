/* ems-xlsx-compare.c: many assessments compared, as a workbook (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a workshop facilitator: Matrix (participants × elements), Statistics
 * (per element, plain A1 formulas over the Matrix with the values the
 * comparison computed, and two native charts), Distribution (participants
 * per band, with a chart), Priorities, Changes (follow-ups only) and
 * Method. The safety rules are those of the assessment workbook and live in
 * ems-xlsx.c (ems-xlsx-private.h).
 *
 * An anonymised comparison holds "Participant A"… labels and nothing that
 * names anyone: no organisation, site, assessor, file, note, evidence or
 * action owner, in the cells or in the document properties.
 */

#define G_LOG_DOMAIN "ems-xlsx"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-comparison.h"
#include "ems-error.h"
#include "ems-xlsx.h"
#include "ems-xlsx-private.h"

/* Matrix: the header row, then one row per participant */
#define MX_COL_LABEL         0
#define MX_COL_FIRST_ELEMENT 1
#define MX_WIDTH_LABEL       30
#define MX_WIDTH_ELEMENT     13
#define MX_WIDTH_FIGURE      11

/* Statistics and Distribution: the header row, then one row per element */
enum {
  ST_COL_NUMBER,
  ST_COL_TITLE,
  ST_COL_MEAN,
  ST_COL_MEDIAN,
  ST_COL_MIN,
  ST_COL_MAX,
  ST_COL_STDDEV,
  ST_COL_SCORED,
  ST_COL_NULL,
  ST_COL_TARGET,
  N_ST_COLS
};

enum {
  DI_COL_NUMBER,
  DI_COL_TITLE,
  DI_COL_RED,
  DI_COL_AMBER,
  DI_COL_GREEN,
  DI_COL_NONE,
  N_DI_COLS
};

/* Changes: one row per follow-up and element */
enum {
  CH_COL_NAME,
  CH_COL_SITE,
  CH_COL_FROM,
  CH_COL_TO,
  CH_COL_NUMBER,
  CH_COL_TITLE,
  CH_COL_FIRST,
  CH_COL_LAST,
  CH_COL_DELTA,
  CH_COL_DIRECTION,
  N_CH_COLS
};

#define TITLE_WIDTH    60
#define FIGURE_WIDTH   11
#define METHOD_WIDTH_A 26
#define METHOD_WIDTH_B 30
#define METHOD_WIDTH_C 74

/* Band colours, as in the assessment workbook */
#define COLOR_RED   0xC0504D
#define COLOR_AMBER 0xE6A117
#define COLOR_GREEN 0x4E9A5B
#define COLOR_NONE  0xA6A6A6

typedef struct
{
  EmsComparison *comparison;
  EmsChecklist  *checklist;
  GDateTime     *export_time;
  EmsXlsxBook   *book;

  guint          n_participants;
  guint          n_elements;
  gboolean       anonymise;
  GPtrArray     *follow_ups;     /* EmsFollowUp */

  /* Matrix columns after the elements */
  lxw_col_t      mx_col_overall;
  lxw_col_t      mx_col_target;
  lxw_col_t      mx_col_coverage;
  lxw_col_t      mx_col_date;    /* G_MAXUINT16 when left out */
  lxw_col_t      mx_last_col;

  lxw_worksheet *matrix;
  lxw_worksheet *statistics;
  lxw_worksheet *distribution;
  lxw_worksheet *priorities;
  lxw_worksheet *changes;
  lxw_worksheet *method;

  char          *matrix_name;
  char          *statistics_name;
  char          *distribution_name;
  char          *priorities_name;
  char          *changes_name;
  char          *method_name;
  char          *matrix_ref;     /* "'Matrix'!" */

  const char    *null_mark;

  /* Centred vertically: rows grow with wrapped text */
  lxw_format    *f_band_score;   /* "62.5 Amber" */
  lxw_format    *f_figure;
  lxw_format    *f_share;
  lxw_format    *f_day;
  lxw_format    *f_cell_text;    /* wrapped */
  lxw_format    *f_cell_plain;
  lxw_format    *f_null;
  lxw_format    *f_count;
  lxw_format    *f_delta;
  lxw_format    *f_direction;
  lxw_format    *f_rank;
  lxw_format    *f_mono;
  lxw_format    *f_header_red;
  lxw_format    *f_header_amber;
  lxw_format    *f_header_green;
  lxw_format    *f_header_none;
  lxw_format    *f_up;
  lxw_format    *f_down;
} Compare;

static void
compare_clear (Compare *cx)
{
  g_clear_pointer (&cx->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&cx->matrix_name, g_free);
  g_clear_pointer (&cx->statistics_name, g_free);
  g_clear_pointer (&cx->distribution_name, g_free);
  g_clear_pointer (&cx->priorities_name, g_free);
  g_clear_pointer (&cx->changes_name, g_free);
  g_clear_pointer (&cx->method_name, g_free);
  g_clear_pointer (&cx->matrix_ref, g_free);
}

static void
check (Compare    *cx,
       lxw_error   err,
       const char *where)
{
  ems_xlsx_check (cx->book, err, where);
}

static void
write_text (Compare       *cx,
            lxw_worksheet *sheet,
            const char    *sheet_name,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  ems_xlsx_write_text (cx->book, sheet, sheet_name, row, col, text, format);
}

static const char *
element_title (Compare *cx,
               guint    number)
{
  if (number <= ems_checklist_get_n_elements (cx->checklist))
    return ems_checklist_get_element (cx->checklist, number)->title;
  return NULL;
}

/* A number format text literal: no quote or backslash inside */
static char *
format_literal (const char *text)
{
  g_autoptr(GString) s = g_string_new (" ");

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '"' && *p != '\\')
      g_string_append_c (s, *p);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static lxw_format *
header_format (Compare *cx,
               guint32  color)
{
  lxw_format *f = workbook_add_format (cx->book->workbook);

  format_set_bold (f);
  format_set_font_color (f, LXW_COLOR_WHITE);
  format_set_bg_color (f, color);
  format_set_text_wrap (f);
  format_set_align (f, LXW_ALIGN_CENTER);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (f, LXW_BORDER_THIN);
  format_set_border_color (f, 0xBFBFBF);
  return f;
}

static void
make_formats (Compare *cx)
{
  lxw_workbook *wb = cx->book->workbook;
  g_autofree char *red = format_literal (ems_band_to_label (EMS_BAND_RED));
  g_autofree char *amber = format_literal (ems_band_to_label (EMS_BAND_AMBER));
  g_autofree char *green = format_literal (ems_band_to_label (EMS_BAND_GREEN));
  g_autofree char *band_format = NULL;

  /* The score with its band word: the cell stays a number */
  band_format = g_strdup_printf ("[<40]0.0\"%s\";[<70]0.0\"%s\";0.0\"%s\"", red, amber, green);
  cx->f_band_score = workbook_add_format (wb);
  format_set_num_format (cx->f_band_score, band_format);
  format_set_align (cx->f_band_score, LXW_ALIGN_CENTER);
  format_set_align (cx->f_band_score, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_figure = workbook_add_format (wb);
  format_set_num_format (cx->f_figure, "0.0");
  format_set_align (cx->f_figure, LXW_ALIGN_CENTER);
  format_set_align (cx->f_figure, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_share = workbook_add_format (wb);
  format_set_num_format (cx->f_share, "0.0%");
  format_set_align (cx->f_share, LXW_ALIGN_CENTER);
  format_set_align (cx->f_share, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_day = workbook_add_format (wb);
  format_set_num_format (cx->f_day, "yyyy-mm-dd");
  format_set_align (cx->f_day, LXW_ALIGN_CENTER);
  format_set_align (cx->f_day, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_cell_text = workbook_add_format (wb);
  format_set_text_wrap (cx->f_cell_text);
  format_set_align (cx->f_cell_text, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_cell_plain = workbook_add_format (wb);
  format_set_align (cx->f_cell_plain, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_null = workbook_add_format (wb);
  format_set_align (cx->f_null, LXW_ALIGN_CENTER);
  format_set_align (cx->f_null, LXW_ALIGN_VERTICAL_CENTER);
  format_set_font_color (cx->f_null, 0x808080);

  cx->f_count = workbook_add_format (wb);
  format_set_num_format (cx->f_count, "0");
  format_set_align (cx->f_count, LXW_ALIGN_CENTER);
  format_set_align (cx->f_count, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_delta = workbook_add_format (wb);
  format_set_num_format (cx->f_delta, "+0.0;-0.0;0.0");
  format_set_align (cx->f_delta, LXW_ALIGN_CENTER);
  format_set_align (cx->f_delta, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_direction = workbook_add_format (wb);
  format_set_align (cx->f_direction, LXW_ALIGN_CENTER);
  format_set_align (cx->f_direction, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bold (cx->f_direction);

  cx->f_rank = workbook_add_format (wb);
  format_set_align (cx->f_rank, LXW_ALIGN_CENTER);
  format_set_align (cx->f_rank, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_mono = workbook_add_format (wb);
  format_set_font_name (cx->f_mono, "DejaVu Sans Mono");
  format_set_font_size (cx->f_mono, 9);
  format_set_align (cx->f_mono, LXW_ALIGN_VERTICAL_TOP);

  cx->f_header_red = header_format (cx, COLOR_RED);
  cx->f_header_amber = header_format (cx, COLOR_AMBER);
  cx->f_header_green = header_format (cx, COLOR_GREEN);
  cx->f_header_none = header_format (cx, COLOR_NONE);

  cx->f_up = workbook_add_format (wb);
  format_set_font_color (cx->f_up, 0x274E13);
  format_set_bg_color (cx->f_up, 0xD9EAD3);

  cx->f_down = workbook_add_format (wb);
  format_set_font_color (cx->f_down, 0x990000);
  format_set_bg_color (cx->f_down, 0xF4CCCC);
}

/* A score with its band, or the no-score mark: never 0 */
static void
write_score (Compare       *cx,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             gboolean       has_score,
             double         score)
{
  if (has_score)
    check (cx, worksheet_write_number (sheet, row, col, score, cx->f_band_score), "score");
  else
    check (cx, worksheet_write_string (sheet, row, col, cx->null_mark, cx->f_null), "no score");
}

/* A formula with its computed number, or "" when there is none */
static void
write_formula (Compare       *cx,
               lxw_worksheet *sheet,
               lxw_row_t      row,
               lxw_col_t      col,
               const char    *formula,
               lxw_format    *format,
               gboolean       has_value,
               double         value)
{
  if (has_value)
    check (cx, worksheet_write_formula_num (sheet, row, col, formula, format, value), "formula");
  else
    check (cx, worksheet_write_formula_str (sheet, row, col, formula, format, ""), "formula");
}

static void
write_headers (Compare        *cx,
               lxw_worksheet  *sheet,
               lxw_row_t       row,
               const char    **headers,
               guint           n,
               const double   *widths)
{
  guint lines = 1;

  for (guint c = 0; c < n; c++)
    {
      check (cx, worksheet_write_string (sheet, row, c, headers[c], cx->book->f_header), "header");
      lines = MAX (lines, ems_xlsx_text_lines (headers[c], widths[c]));
    }
  check (cx, worksheet_set_row (sheet, row, MIN (409.0, 15.0 * lines + 6.0), NULL), "row");
}

static void
print_setup (lxw_worksheet *sheet,
             gboolean       landscape)
{
  if (landscape)
    worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
}

/* "'Matrix'!$B$2:$B$9": a Matrix column over the participants */
static char *
matrix_range (Compare   *cx,
              lxw_col_t  col)
{
  char first[LXW_MAX_CELL_NAME_LENGTH];
  char last[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (first, 1, col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last, cx->n_participants, col, TRUE, TRUE);

  return g_strdup_printf ("%s%s:%s", cx->matrix_ref, first, last);
}

/* Matrix ----------------------------------------------------------------- */

static void
write_matrix (Compare *cx)
{
  lxw_worksheet *ws = cx->matrix;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *widths = NULL;
  char top_left[LXW_MAX_CELL_NAME_LENGTH];
  guint header_lines = 1;

  cx->mx_col_overall = MX_COL_FIRST_ELEMENT + cx->n_elements;
  cx->mx_col_target = cx->mx_col_overall + 1;
  cx->mx_col_coverage = cx->mx_col_target + 1;
  cx->mx_col_date = cx->anonymise ? G_MAXUINT16 : cx->mx_col_coverage + 1;
  cx->mx_last_col = cx->anonymise ? cx->mx_col_coverage : cx->mx_col_date;
  widths = g_new0 (double, cx->mx_last_col + 1);

  g_ptr_array_add (headers, g_strdup (_("Participant")));
  widths[MX_COL_LABEL] = MX_WIDTH_LABEL;
  for (guint e = 1; e <= cx->n_elements; e++)
    {
      const char *title = element_title (cx, e);

      /* Translators: a column heading: element number and title */
      g_ptr_array_add (headers, title ? g_strdup_printf (_("%u. %s"), e, title)
                                      : g_strdup_printf ("%u", e));
      widths[MX_COL_FIRST_ELEMENT + e - 1] = MX_WIDTH_ELEMENT;
    }
  g_ptr_array_add (headers, g_strdup (_("Overall")));
  widths[cx->mx_col_overall] = MX_WIDTH_ELEMENT;
  g_ptr_array_add (headers, g_strdup (_("Target (%)")));
  widths[cx->mx_col_target] = MX_WIDTH_FIGURE;
  g_ptr_array_add (headers, g_strdup (_("Coverage")));
  widths[cx->mx_col_coverage] = MX_WIDTH_FIGURE;
  if (!cx->anonymise)
    {
      g_ptr_array_add (headers, g_strdup (_("Assessed on")));
      widths[cx->mx_col_date] = MX_WIDTH_FIGURE + 1;
    }

  for (lxw_col_t c = 0; c <= cx->mx_last_col; c++)
    {
      check (cx, worksheet_set_column (ws, c, c, widths[c], NULL), "column");
      check (cx, worksheet_write_string (ws, 0, c, g_ptr_array_index (headers, c), cx->book->f_header), "header");
      header_lines = MAX (header_lines, ems_xlsx_text_lines (g_ptr_array_index (headers, c), widths[c]));
    }
  check (cx, worksheet_set_row (ws, 0, MIN (409.0, 15.0 * header_lines + 4.0), NULL), "row");

  for (guint i = 0; i < cx->n_participants; i++)
    {
      const EmsScores *scores = ems_comparison_get_scores (cx->comparison, i);
      g_autofree char *label = ems_comparison_dup_label (cx->comparison, i);
      lxw_row_t row = i + 1;

      write_text (cx, ws, cx->matrix_name, row, MX_COL_LABEL, label, cx->f_cell_text);
      ems_xlsx_fit_row (cx->book, ws, row, MIN (ems_xlsx_text_lines (label, MX_WIDTH_LABEL), 6));

      for (guint e = 1; e <= cx->n_elements; e++)
        {
          gboolean has = e <= scores->n_elements && scores->elements[e - 1].has_score;

          write_score (cx, ws, row, MX_COL_FIRST_ELEMENT + e - 1, has,
                       has ? scores->elements[e - 1].score : 0.0);
        }
      write_score (cx, ws, row, cx->mx_col_overall, scores->has_overall, scores->overall);
      check (cx, worksheet_write_number (ws, row, cx->mx_col_target, scores->target, cx->f_figure), "target");
      check (cx, worksheet_write_number (ws, row, cx->mx_col_coverage, scores->coverage, cx->f_share),
             "coverage");
      if (!cx->anonymise)
        {
          EmsAssessment *a = ems_comparison_get_assessment (cx->comparison, i);
          const char *date = ems_assessment_get_assessed_on (a);
          int y, m, d;
          char tail;

          if (date != NULL && sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3
              && y >= 1900 && g_date_valid_dmy (d, m, y))
            {
              lxw_datetime dt = { .year = y, .month = m, .day = d };

              check (cx, worksheet_write_datetime (ws, row, cx->mx_col_date, &dt, cx->f_day), "date");
            }
          else
            write_text (cx, ws, cx->matrix_name, row, cx->mx_col_date, date, NULL);
        }
    }

  /* Band colours over the scores and the overall column */
  lxw_rowcol_to_cell (top_left, 1, MX_COL_FIRST_ELEMENT);
  ems_xlsx_band_formats (cx->book, ws, 1, MX_COL_FIRST_ELEMENT, cx->n_participants, cx->mx_col_overall,
                         top_left);

  worksheet_freeze_panes (ws, 1, 1);
  check (cx, worksheet_autofilter (ws, 0, 0, cx->n_participants, cx->mx_last_col), "autofilter");
  print_setup (ws, TRUE);
  check (cx, worksheet_repeat_rows (ws, 0, 0), "repeat rows");
  check (cx, worksheet_repeat_columns (ws, 0, 0), "repeat columns");
}

/* Statistics ------------------------------------------------------------- */

static void
write_statistics (Compare *cx)
{
  lxw_worksheet *ws = cx->statistics;
  const char *headers[N_ST_COLS];
  static const double widths[N_ST_COLS] = {
    5, TITLE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH,
    FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH,
  };
  g_autofree char *targets = matrix_range (cx, cx->mx_col_target);
  /* The targets may differ between participants: the group's is their mean */
  const EmsGroupTarget *group_target = ems_comparison_get_target (cx->comparison);

  headers[ST_COL_NUMBER] = C_("column heading: element number", "#");
  headers[ST_COL_TITLE] = _("Element");
  headers[ST_COL_MEAN] = _("Mean");
  headers[ST_COL_MEDIAN] = _("Median");
  headers[ST_COL_MIN] = _("Minimum");
  headers[ST_COL_MAX] = _("Maximum");
  headers[ST_COL_STDDEV] = _("Standard deviation");
  headers[ST_COL_SCORED] = _("Scored");
  headers[ST_COL_NULL] = _("No score");
  headers[ST_COL_TARGET] = _("Target (%)");

  for (guint c = 0; c < N_ST_COLS; c++)
    check (cx, worksheet_set_column (ws, c, c, widths[c], NULL), "column");
  write_headers (cx, ws, 0, headers, N_ST_COLS, widths);

  for (guint e = 1; e <= cx->n_elements; e++)
    {
      const EmsElementStats *st = ems_comparison_get_element_stats (cx->comparison, e);
      g_autofree char *r = matrix_range (cx, MX_COL_FIRST_ELEMENT + e - 1);
      lxw_row_t row = e;
      struct { lxw_col_t col; const char *function; double value; } stats[] = {
        { ST_COL_MEAN, "AVERAGE", st->mean },
        { ST_COL_MEDIAN, "MEDIAN", st->median },
        { ST_COL_MIN, "MIN", st->min },
        { ST_COL_MAX, "MAX", st->max },
        /* The population standard deviation; Excel 2010's name needs the
         * prefix in the file, LibreOffice reads it */
        { ST_COL_STDDEV, "_xlfn.STDEV.P", st->stddev },
      };

      check (cx, worksheet_write_number (ws, row, ST_COL_NUMBER, e, cx->f_rank), "number");
      write_text (cx, ws, cx->statistics_name, row, ST_COL_TITLE, element_title (cx, e), cx->f_cell_text);

      for (guint s = 0; s < G_N_ELEMENTS (stats); s++)
        {
          /* Scores left empty ("—") are text: these functions skip them */
          g_autofree char *formula = g_strdup_printf ("=IF(COUNT(%s)=0,\"\",%s(%s))",
                                                      r, stats[s].function, r);

          write_formula (cx, ws, row, stats[s].col, formula, cx->f_figure,
                         st->has_stats, stats[s].value);
        }

      {
        g_autofree char *scored = g_strdup_printf ("=COUNT(%s)", r);
        g_autofree char *nulls = g_strdup_printf ("=ROWS(%s)-COUNT(%s)", r, r);
        g_autofree char *target = g_strdup_printf ("=AVERAGE(%s)", targets);

        write_formula (cx, ws, row, ST_COL_SCORED, scored, cx->f_count, TRUE, st->n_scored);
        write_formula (cx, ws, row, ST_COL_NULL, nulls, cx->f_count, TRUE, st->n_null);
        write_formula (cx, ws, row, ST_COL_TARGET, target, cx->f_figure,
                       group_target->has_target, group_target->mean);
      }

      ems_xlsx_fit_row (cx->book, ws, row, ems_xlsx_text_lines (element_title (cx, e), TITLE_WIDTH));
    }

  {
    char cell[LXW_MAX_CELL_NAME_LENGTH];

    lxw_rowcol_to_cell_abs (cell, 1, ST_COL_MEAN, FALSE, FALSE);
    ems_xlsx_band_formats (cx->book, ws, 1, ST_COL_MEAN, cx->n_elements, ST_COL_MAX, cell);
  }

  worksheet_freeze_panes (ws, 1, 2);
  check (cx, worksheet_autofilter (ws, 0, 0, MAX (cx->n_elements, 1), N_ST_COLS - 1), "autofilter");
  print_setup (ws, TRUE);
}

static void
write_statistics_charts (Compare *cx)
{
  lxw_row_t first = 1;
  lxw_row_t last = MAX (cx->n_elements, 1);
  const char *sheet = cx->statistics_name;
  lxw_chart *radar, *bars;
  lxw_chart_series *series;
  lxw_chart_line mean_line = { .color = 0x2E6B57, .width = 2.25 };
  lxw_chart_fill mean_fill = { .color = 0x2E6B57, .transparency = 75 };
  lxw_chart_line target_line = { .color = 0xC55A11, .width = 1.5, .dash_type = LXW_CHART_LINE_DASH_DASH };
  lxw_chart_line min_line = { .color = 0x7F7F7F, .width = 1.0, .dash_type = LXW_CHART_LINE_DASH_ROUND_DOT };
  lxw_chart_line max_line = { .color = 0x2F5597, .width = 1.0, .dash_type = LXW_CHART_LINE_DASH_ROUND_DOT };
  lxw_chart_fill no_fill = { .none = LXW_TRUE };
  lxw_chart_fill sd_fill = { .color = 0x2F5597 };
  lxw_chart_font axis_font = { .size = 9 };
  /* Side by side under the table: the radar over columns A to E (about
   * 770 pixels), the bars from column F */
  lxw_chart_options radar_options = { .x_offset = 10, .y_offset = 10, .x_scale = 1.45, .y_scale = 1.75 };
  lxw_chart_options bar_options = { .x_offset = 20, .y_offset = 10, .x_scale = 1.4, .y_scale = 1.75 };
  struct { lxw_col_t col; lxw_chart_line *line; lxw_chart_fill *fill; } radar_series[] = {
    { ST_COL_MEAN, &mean_line, &mean_fill },
    { ST_COL_TARGET, &target_line, &no_fill },
    { ST_COL_MIN, &min_line, &no_fill },
    { ST_COL_MAX, &max_line, &no_fill },
  };

  /* Radar: the group mean against the target, with the spread */
  radar = workbook_add_chart (cx->book->workbook, LXW_CHART_RADAR_FILLED);
  chart_title_set_name (radar, _("Group mean against target"));
  for (guint i = 0; i < G_N_ELEMENTS (radar_series); i++)
    {
      series = chart_add_series (radar, NULL, NULL);
      chart_series_set_categories (series, sheet, first, ST_COL_NUMBER, last, ST_COL_NUMBER);
      chart_series_set_values (series, sheet, first, radar_series[i].col, last, radar_series[i].col);
      chart_series_set_name_range (series, sheet, 0, radar_series[i].col);
      chart_series_set_line (series, radar_series[i].line);
      chart_series_set_fill (series, radar_series[i].fill);
    }
  chart_axis_set_min (radar->y_axis, 0);
  chart_axis_set_max (radar->y_axis, 100);
  chart_axis_set_major_unit (radar->y_axis, 25);
  chart_axis_set_num_font (radar->y_axis, &axis_font);
  chart_axis_set_num_font (radar->x_axis, &axis_font);
  chart_legend_set_position (radar, LXW_CHART_LEGEND_BOTTOM);
  check (cx, worksheet_insert_chart_opt (cx->statistics, last + 2, ST_COL_NUMBER, radar, &radar_options),
         "radar");

  /* Bars: the standard deviation per element, element 1 at the top */
  bars = workbook_add_chart (cx->book->workbook, LXW_CHART_BAR);
  chart_title_set_name (bars, _("Disagreement: standard deviation per element"));
  series = chart_add_series (bars, NULL, NULL);
  chart_series_set_categories (series, sheet, first, ST_COL_TITLE, last, ST_COL_TITLE);
  chart_series_set_values (series, sheet, first, ST_COL_STDDEV, last, ST_COL_STDDEV);
  chart_series_set_name_range (series, sheet, 0, ST_COL_STDDEV);
  chart_series_set_fill (series, &sd_fill);
  chart_series_set_labels (series);
  chart_series_set_labels_num_format (series, "0.0");
  chart_axis_set_reverse (bars->y_axis);
  chart_axis_set_min (bars->x_axis, 0);
  chart_axis_set_num_font (bars->x_axis, &axis_font);
  chart_axis_set_num_font (bars->y_axis, &axis_font);
  chart_legend_set_position (bars, LXW_CHART_LEGEND_NONE);
  check (cx, worksheet_insert_chart_opt (cx->statistics, last + 2, ST_COL_MAX, bars, &bar_options),
         "bars");
}

/* Distribution ----------------------------------------------------------- */

static void
write_distribution (Compare *cx)
{
  lxw_worksheet *ws = cx->distribution;
  const char *headers[N_DI_COLS];
  static const double widths[N_DI_COLS] = { 5, TITLE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH };
  lxw_format *header_formats[N_DI_COLS] = { NULL };
  static const EmsBand bands[] = { EMS_BAND_RED, EMS_BAND_AMBER, EMS_BAND_GREEN, EMS_BAND_NONE };
  static const guint32 colors[] = { COLOR_RED, COLOR_AMBER, COLOR_GREEN, COLOR_NONE };
  lxw_chart *chart;
  lxw_chart_font axis_font = { .size = 9 };
  lxw_chart_options options = { .x_offset = 10, .y_offset = 5, .x_scale = 1.5, .y_scale = 1.5 };
  guint lines = 1;

  headers[DI_COL_NUMBER] = C_("column heading: element number", "#");
  headers[DI_COL_TITLE] = _("Element");
  headers[DI_COL_RED] = ems_band_to_label (EMS_BAND_RED);
  headers[DI_COL_AMBER] = ems_band_to_label (EMS_BAND_AMBER);
  headers[DI_COL_GREEN] = ems_band_to_label (EMS_BAND_GREEN);
  headers[DI_COL_NONE] = ems_band_to_label (EMS_BAND_NONE);
  header_formats[DI_COL_RED] = cx->f_header_red;
  header_formats[DI_COL_AMBER] = cx->f_header_amber;
  header_formats[DI_COL_GREEN] = cx->f_header_green;
  header_formats[DI_COL_NONE] = cx->f_header_none;

  check (cx, worksheet_write_string (ws, 0, 0, _("Participants per band, for each element"),
                                     cx->book->f_section), "title");
  for (guint c = 0; c < N_DI_COLS; c++)
    {
      check (cx, worksheet_set_column (ws, c, c, widths[c], NULL), "column");
      check (cx, worksheet_write_string (ws, 1, c, headers[c],
                                         header_formats[c] ? header_formats[c] : cx->book->f_header), "header");
      lines = MAX (lines, ems_xlsx_text_lines (headers[c], widths[c]));
    }
  check (cx, worksheet_set_row (ws, 1, MIN (409.0, 15.0 * lines + 6.0), NULL), "row");

  for (guint e = 1; e <= cx->n_elements; e++)
    {
      const EmsElementStats *st = ems_comparison_get_element_stats (cx->comparison, e);
      g_autofree char *r = matrix_range (cx, MX_COL_FIRST_ELEMENT + e - 1);
      lxw_row_t row = e + 1;
      g_autofree char *red = g_strdup_printf ("=COUNTIF(%s,\"<40\")", r);
      g_autofree char *amber = g_strdup_printf ("=COUNTIFS(%s,\">=40\",%s,\"<70\")", r, r);
      g_autofree char *green = g_strdup_printf ("=COUNTIF(%s,\">=70\")", r);
      g_autofree char *none = g_strdup_printf ("=ROWS(%s)-COUNT(%s)", r, r);

      check (cx, worksheet_write_number (ws, row, DI_COL_NUMBER, e, cx->f_rank), "number");
      write_text (cx, ws, cx->distribution_name, row, DI_COL_TITLE, element_title (cx, e), cx->f_cell_text);
      write_formula (cx, ws, row, DI_COL_RED, red, cx->f_count, TRUE, st->n_bands[EMS_BAND_RED]);
      write_formula (cx, ws, row, DI_COL_AMBER, amber, cx->f_count, TRUE, st->n_bands[EMS_BAND_AMBER]);
      write_formula (cx, ws, row, DI_COL_GREEN, green, cx->f_count, TRUE, st->n_bands[EMS_BAND_GREEN]);
      write_formula (cx, ws, row, DI_COL_NONE, none, cx->f_count, TRUE, st->n_bands[EMS_BAND_NONE]);
      ems_xlsx_fit_row (cx->book, ws, row, ems_xlsx_text_lines (element_title (cx, e), TITLE_WIDTH));
    }

  /* Stacked bars: each element's participants by band */
  chart = workbook_add_chart (cx->book->workbook, LXW_CHART_BAR_STACKED);
  chart_title_set_name (chart, _("Participants per band"));
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      lxw_col_t col = DI_COL_RED + b;
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      lxw_chart_fill fill = { .color = colors[b] };

      chart_series_set_categories (series, cx->distribution_name, 2, DI_COL_TITLE,
                                   cx->n_elements + 1, DI_COL_TITLE);
      chart_series_set_values (series, cx->distribution_name, 2, col, cx->n_elements + 1, col);
      chart_series_set_name_range (series, cx->distribution_name, 1, col);
      chart_series_set_fill (series, &fill);
    }
  chart_set_series_gap (chart, 50);
  chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_min (chart->x_axis, 0);
  chart_axis_set_max (chart->x_axis, cx->n_participants);
  chart_axis_set_num_font (chart->x_axis, &axis_font);
  chart_axis_set_num_font (chart->y_axis, &axis_font);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  check (cx, worksheet_insert_chart_opt (ws, 1, N_DI_COLS + 1, chart, &options), "distribution chart");

  worksheet_freeze_panes (ws, 2, 0);
  check (cx, worksheet_autofilter (ws, 1, 0, MAX (cx->n_elements, 1) + 1, N_DI_COLS - 1), "autofilter");
  print_setup (ws, TRUE);
}

/* Priorities ------------------------------------------------------------- */

static lxw_row_t
write_ranking (Compare    *cx,
               lxw_row_t   row,
               const char *title,
               GArray     *numbers,
               const char *value_heading,
               gboolean    by_spread)
{
  lxw_worksheet *ws = cx->priorities;
  const char *headers[] = {
    _("Rank"), C_("column heading: element number", "#"), _("Element"), value_heading,
    _("Minimum"), _("Maximum"), _("Scored"),
  };
  static const double widths[] = { 7, 9, 60, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH };

  check (cx, worksheet_write_string (ws, row++, 0, title, cx->book->f_section), "section");
  write_headers (cx, ws, row++, headers, G_N_ELEMENTS (headers), widths);

  for (guint i = 0; i < numbers->len; i++, row++)
    {
      guint e = g_array_index (numbers, guint, i);
      const EmsElementStats *st = ems_comparison_get_element_stats (cx->comparison, e);

      check (cx, worksheet_write_number (ws, row, 0, i + 1, cx->f_rank), "rank");
      check (cx, worksheet_write_number (ws, row, 1, e, cx->f_rank), "number");
      write_text (cx, ws, cx->priorities_name, row, 2, element_title (cx, e), cx->f_cell_text);
      if (st->has_stats)
        {
          check (cx, worksheet_write_number (ws, row, 3, by_spread ? st->stddev : st->mean,
                                             by_spread ? cx->f_figure : cx->f_band_score), "value");
          check (cx, worksheet_write_number (ws, row, 4, st->min, cx->f_band_score), "min");
          check (cx, worksheet_write_number (ws, row, 5, st->max, cx->f_band_score), "max");
        }
      else
        {
          for (lxw_col_t c = 3; c <= 5; c++)
            check (cx, worksheet_write_string (ws, row, c, cx->null_mark, cx->f_null), "no score");
        }
      check (cx, worksheet_write_number (ws, row, 6, st->n_scored, cx->f_count), "scored");
    }

  return row + 1;
}

static void
write_priorities (Compare *cx)
{
  lxw_worksheet *ws = cx->priorities;
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (cx->comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (cx->comparison);
  g_autoptr(GArray) zero = ems_comparison_most_zero (cx->comparison, 0);
  static const double widths[] = { 7, 9, 60, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH };
  lxw_row_t row = 0;

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    check (cx, worksheet_set_column (ws, c, c, widths[c], NULL), "column");

  check (cx, worksheet_write_string (ws, row++, 0, _("Priorities for the group"), cx->book->f_title), "title");
  check (cx, worksheet_set_row (ws, 0, 22, NULL), "row");
  row++;

  row = write_ranking (cx, row, _("Where participants disagree most (largest standard deviation first)"),
                       spread, _("Standard deviation"), TRUE);
  row = write_ranking (cx, row, _("Where the group is weakest (lowest mean first)"),
                       weakest, _("Mean"), FALSE);

  check (cx, worksheet_write_string (ws, row++, 0, _("Questions most often answered 0 (not in place)"),
                                     cx->book->f_section), "section");
  if (zero->len == 0)
    {
      check (cx, worksheet_write_string (ws, row++, 0, _("No participant answered any question 0."),
                                         cx->f_cell_plain), "none");
      print_setup (ws, FALSE);
      return;
    }

  {
    const char *headers[] = {
      _("Rank"), _("Question"), _("Question text"), _("Answered 0"), _("Answered with a level"),
      _("Share answered 0"), _("Element"),
    };

    write_headers (cx, ws, row++, headers, G_N_ELEMENTS (headers), widths);
  }

  for (guint i = 0; i < zero->len; i++, row++)
    {
      EmsZeroCount *count = &g_array_index (zero, EmsZeroCount, i);

      check (cx, worksheet_write_number (ws, row, 0, i + 1, cx->f_rank), "rank");
      write_text (cx, ws, cx->priorities_name, row, 1, count->question->id, cx->f_rank);
      write_text (cx, ws, cx->priorities_name, row, 2, count->question->text, cx->f_cell_text);
      check (cx, worksheet_write_number (ws, row, 3, count->n_zero, cx->f_count), "zero");
      check (cx, worksheet_write_number (ws, row, 4, count->n_answered, cx->f_count), "answered");
      check (cx, worksheet_write_number (ws, row, 5,
                                         count->n_answered > 0 ? (double) count->n_zero / count->n_answered : 0.0,
                                         cx->f_share), "share");
      check (cx, worksheet_write_number (ws, row, 6, count->question->element, cx->f_count), "element");
      ems_xlsx_fit_row (cx->book, ws, row, ems_xlsx_text_lines (count->question->text, widths[2]));
    }

  print_setup (ws, FALSE);
}

/* Changes ---------------------------------------------------------------- */

static void
write_changes (Compare *cx)
{
  lxw_worksheet *ws = cx->changes;
  const char *headers[N_CH_COLS];
  static const double widths[N_CH_COLS] = {
    26, 20, 28, 28, 5, TITLE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH,
  };
  lxw_row_t row = 1;

  headers[CH_COL_NAME] = _("Organisation");
  headers[CH_COL_SITE] = _("Site");
  headers[CH_COL_FROM] = _("First assessment");
  headers[CH_COL_TO] = _("Last assessment");
  headers[CH_COL_NUMBER] = C_("column heading: element number", "#");
  headers[CH_COL_TITLE] = _("Element");
  headers[CH_COL_FIRST] = _("First score");
  headers[CH_COL_LAST] = _("Last score");
  headers[CH_COL_DELTA] = _("Change (points)");
  headers[CH_COL_DIRECTION] = _("Direction");

  for (guint c = 0; c < N_CH_COLS; c++)
    check (cx, worksheet_set_column (ws, c, c, widths[c], NULL), "column");
  write_headers (cx, ws, 0, headers, N_CH_COLS, widths);

  for (guint f = 0; f < cx->follow_ups->len; f++)
    {
      EmsFollowUp *follow_up = g_ptr_array_index (cx->follow_ups, f);
      guint first_index = follow_up->participants[0];
      guint last_index = follow_up->participants[follow_up->n - 1];
      g_autofree char *from = ems_comparison_dup_label (cx->comparison, first_index);
      g_autofree char *to = ems_comparison_dup_label (cx->comparison, last_index);

      for (guint e = 1; e <= cx->n_elements; e++, row++)
        {
          char first_cell[LXW_MAX_CELL_NAME_LENGTH];
          char last_cell[LXW_MAX_CELL_NAME_LENGTH];
          char delta_cell[LXW_MAX_CELL_NAME_LENGTH];
          g_autofree char *formula = NULL;
          const char *direction = "";
          EmsChange change;

          ems_comparison_get_change (cx->comparison, follow_up, e, &change);
          write_text (cx, ws, cx->changes_name, row, CH_COL_NAME, follow_up->name, cx->f_cell_plain);
          /* NULL when anonymised: a site could tell who it is */
          write_text (cx, ws, cx->changes_name, row, CH_COL_SITE, follow_up->site, cx->f_cell_plain);
          write_text (cx, ws, cx->changes_name, row, CH_COL_FROM, from, cx->f_cell_text);
          write_text (cx, ws, cx->changes_name, row, CH_COL_TO, to, cx->f_cell_text);
          ems_xlsx_fit_row (cx->book, ws, row, MIN (6, MAX (ems_xlsx_text_lines (from, widths[CH_COL_FROM]),
                                                            ems_xlsx_text_lines (to, widths[CH_COL_TO]))));
          check (cx, worksheet_write_number (ws, row, CH_COL_NUMBER, e, cx->f_rank), "number");
          write_text (cx, ws, cx->changes_name, row, CH_COL_TITLE, element_title (cx, e), cx->f_cell_plain);
          write_score (cx, ws, row, CH_COL_FIRST, change.has_first, change.first);
          write_score (cx, ws, row, CH_COL_LAST, change.has_last, change.last);

          lxw_rowcol_to_cell (first_cell, row, CH_COL_FIRST);
          lxw_rowcol_to_cell (last_cell, row, CH_COL_LAST);
          lxw_rowcol_to_cell (delta_cell, row, CH_COL_DELTA);
          formula = g_strdup_printf ("=IF(AND(ISNUMBER(%s),ISNUMBER(%s)),%s-%s,\"\")",
                                     first_cell, last_cell, last_cell, first_cell);
          write_formula (cx, ws, row, CH_COL_DELTA, formula, cx->f_delta, change.has_delta, change.delta);
          g_clear_pointer (&formula, g_free);

          /* The direction as shown, at one decimal (ems_change_direction()) */
          if (change.has_delta)
            direction = change.direction > 0 ? "↑" : change.direction < 0 ? "↓" : "=";
          formula = g_strdup_printf ("=IF(ISNUMBER(%s),IF(ROUND(%s,1)>0,\"↑\",IF(ROUND(%s,1)<0,\"↓\",\"=\")),\"\")",
                                     delta_cell, delta_cell, delta_cell);
          check (cx, worksheet_write_formula_str (ws, row, CH_COL_DIRECTION, formula, cx->f_direction,
                                                  direction), "direction");
        }
    }

  /* Rises green, falls red */
  {
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    g_autofree char *up = NULL;
    g_autofree char *down = NULL;
    lxw_conditional_format cf = { 0 };

    lxw_rowcol_to_cell_abs (cell, 1, CH_COL_DELTA, FALSE, TRUE);
    up = g_strdup_printf ("=AND(ISNUMBER(%s),ROUND(%s,1)>0)", cell, cell);
    down = g_strdup_printf ("=AND(ISNUMBER(%s),ROUND(%s,1)<0)", cell, cell);
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = up;
    cf.format = cx->f_up;
    check (cx, worksheet_conditional_format_range (ws, 1, CH_COL_DELTA, MAX (row - 1, 1), CH_COL_DIRECTION, &cf),
           "conditional format");
    cf.value_string = down;
    cf.format = cx->f_down;
    check (cx, worksheet_conditional_format_range (ws, 1, CH_COL_DELTA, MAX (row - 1, 1), CH_COL_DIRECTION, &cf),
           "conditional format");

    lxw_rowcol_to_cell_abs (cell, 1, CH_COL_FIRST, FALSE, FALSE);
    ems_xlsx_band_formats (cx->book, ws, 1, CH_COL_FIRST, MAX (row - 1, 1), CH_COL_LAST, cell);
  }

  worksheet_freeze_panes (ws, 1, 0);
  check (cx, worksheet_autofilter (ws, 0, 0, MAX (row - 1, 1), N_CH_COLS - 1), "autofilter");
  print_setup (ws, TRUE);
  check (cx, worksheet_repeat_rows (ws, 0, 0), "repeat rows");
}

/* Method ----------------------------------------------------------------- */

static lxw_row_t
write_method_line (Compare    *cx,
                   lxw_row_t   row,
                   const char *label,
                   const char *text)
{
  return ems_xlsx_write_method_line (cx->book, cx->method, cx->method_name, row, label, text,
                                     METHOD_WIDTH_B + METHOD_WIDTH_C);
}

/* The SHA-256 of a participant's file when its bytes on disk still hold
 * the assessment compared; else of the assessment as the application
 * saves it (*from_file FALSE). */
static char *
participant_hash (Compare  *cx,
                  guint     index,
                  gboolean *from_file)
{
  EmsAssessment *assessment = ems_comparison_get_assessment (cx->comparison, index);
  const char *source = ems_comparison_get_source (cx->comparison, index);
  g_autoptr(GBytes) saved = ems_assessment_serialize (assessment);
  g_autofree char *data = NULL;
  gsize length = 0;

  *from_file = FALSE;

  if (source != NULL && g_file_get_contents (source, &data, &length, NULL))
    {
      g_autoptr(EmsAssessment) reread = NULL;

      reread = ems_assessment_load_from_data (ems_assessment_get_checklist (assessment),
                                              data, length, NULL, NULL);
      if (reread != NULL)
        {
          g_autoptr(GBytes) again = ems_assessment_serialize (reread);

          if (g_bytes_equal (saved, again))
            {
              *from_file = TRUE;
              return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
            }
        }
    }

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, saved);
}

static void
write_method (Compare *cx)
{
  lxw_worksheet *ws = cx->method;
  g_autofree char *app = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  g_autofree char *time = g_date_time_format (cx->export_time, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *count = g_strdup_printf ("%u", cx->n_participants);
  g_autofree char *version = g_strdup_printf ("%u", ems_checklist_get_version (cx->checklist));
  lxw_row_t row = 0;

  check (cx, worksheet_set_column (ws, 0, 0, METHOD_WIDTH_A, NULL), "column");
  check (cx, worksheet_set_column (ws, 1, 1, METHOD_WIDTH_B, NULL), "column");
  check (cx, worksheet_set_column (ws, 2, 2, METHOD_WIDTH_C, NULL), "column");
  print_setup (ws, FALSE);

  check (cx, worksheet_write_string (ws, row++, 0, _("Method"), cx->book->f_title), "title");
  row++;

  check (cx, worksheet_write_string (ws, row++, 0, _("The statistics"), cx->book->f_section), "section");
  row = write_method_line (cx, row, _("Scores"),
                           _("Each participant's element and overall scores follow the scoring rule of the assessment: 100 × Σ(weight × level) ÷ Σ(4 × weight) over the questions answered with a level; the overall score is the mean of the element scores. Bands: red below 40, amber from 40 to below 70, green from 70."));
  row = write_method_line (cx, row, _("No score"),
                           _("An element with no question answered with a level has no score: the Matrix shows “—”, never 0. It is left out of that element's mean, median, minimum, maximum and standard deviation and counted under “No score”."));
  row = write_method_line (cx, row, _("Mean"),
                           _("The sum of the scores divided by the number of participants with a score (AVERAGE)."));
  row = write_method_line (cx, row, _("Median"),
                           _("The middle score once sorted; with an even number of scores, the mean of the two middle ones (MEDIAN)."));
  row = write_method_line (cx, row, _("Minimum and maximum"),
                           _("The lowest and the highest score (MIN, MAX)."));
  row = write_method_line (cx, row, _("Standard deviation"),
                           _("The population standard deviation: the square root of the mean squared difference from the mean, dividing by the number of scores, not one less (STDEV.P). It measures how far the participants disagree."));
  row = write_method_line (cx, row, _("Target"),
                           _("25 × each participant's target level; the Statistics sheet shows the mean of the participants' targets."));
  row = write_method_line (cx, row, _("Distribution"),
                           _("For each element, the number of participants whose score is red, amber or green, and the number with no score."));
  row = write_method_line (cx, row, _("Priorities"),
                           _("Elements by standard deviation, largest first, and by mean, lowest first (elements with no score last; ties by element number); then the questions answered 0 by the most participants."));
  row = write_method_line (cx, row, _("Changes"),
                           _("When the set holds two or more assessments of the same organisation and site: each element's score in the oldest and the newest, and the change in percentage points."));
  row = write_method_line (cx, row, _("In this workbook"),
                           _("The Statistics and Distribution sheets are formulas over the Matrix sheet, stored with the values the application computed: edit a score in the Matrix and they follow. Figures are shown rounded to one decimal."));

  row++;
  check (cx, worksheet_write_string (ws, row++, 0, _("This export"), cx->book->f_section), "section");
  row = write_method_line (cx, row, _("Application"), app);
  row = write_method_line (cx, row, _("Exported"), time);
  row = write_method_line (cx, row, _("Checklist"), ems_checklist_get_id (cx->checklist));
  row = write_method_line (cx, row, _("Checklist version"), version);
  row = write_method_line (cx, row, _("Participants"), count);
  row = write_method_line (cx, row, _("Anonymised"),
                           cx->anonymise
                           ? _("Yes: participants are shown as “Participant A”, “Participant B”…; organisation names, sites, assessors, dates, file names, notes, evidence and action owners are left out.")
                           : _("No: participants are named."));

  if (!cx->anonymise)
    {
      const char *headers[] = { _("Participant"), _("File"), _("SHA-256") };
      gboolean any_saved_form = FALSE;

      row++;
      check (cx, worksheet_write_string (ws, row++, 0, _("Sources"), cx->book->f_section), "section");
      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        check (cx, worksheet_write_string (ws, row, c, headers[c], cx->book->f_header), "header");
      row++;

      for (guint i = 0; i < cx->n_participants; i++, row++)
        {
          g_autofree char *label = ems_comparison_dup_label (cx->comparison, i);
          const char *source = ems_comparison_get_source (cx->comparison, i);
          g_autofree char *file = source ? g_path_get_basename (source) : NULL;
          g_autofree char *display = file ? g_filename_display_name (file) : NULL;
          g_autofree char *hash = NULL;
          gboolean from_file;

          hash = participant_hash (cx, i, &from_file);
          if (!from_file)
            {
              g_autofree char *marked = g_strconcat (hash, " *", NULL);

              g_free (hash);
              hash = g_steal_pointer (&marked);
              any_saved_form = TRUE;
            }

          write_text (cx, ws, cx->method_name, row, 0, label, cx->book->f_wrap);
          write_text (cx, ws, cx->method_name, row, 1, display, cx->book->f_wrap);
          write_text (cx, ws, cx->method_name, row, 2, hash, cx->f_mono);
          ems_xlsx_fit_row (cx->book, ws, row, MAX (ems_xlsx_text_lines (label, METHOD_WIDTH_A),
                                                    ems_xlsx_text_lines (display, METHOD_WIDTH_B)));
        }

      row = write_method_line (cx, row, _("SHA-256 of"),
                               _("The bytes of each assessment file (.emsa), read at export time and checked to hold the assessment compared, so a workbook can be matched to the submissions."));
      if (any_saved_form)
        row = write_method_line (cx, row, "*",
                                 _("The file was not available or has changed since it was loaded: the hash is of the assessment as the application saves it, which matches a file saved from the same assessment."));
    }

  if (cx->book->warnings->len > 0)
    {
      row++;
      check (cx, worksheet_write_string (ws, row++, 0, _("Texts cut to fit"), cx->book->f_section), "section");
      for (guint i = 0; i < cx->book->warnings->len; i++)
        write_text (cx, ws, cx->method_name, row++, 1, g_ptr_array_index (cx->book->warnings, i), NULL);
    }
}

/* Never the assessors' or organisations' names: a comparison has many,
 * and an anonymised one must name nobody. */
static void
set_properties (Compare *cx)
{
  lxw_doc_properties props = { 0 };
  g_autofree char *checklist = NULL;

  props.title = (char *) _("Environmental self-assessments compared");
  props.subject = (char *) _("Workshop comparison against the 10 Elements of an effective environmental management system (CEC)");
  props.author = (char *) "";
  props.company = (char *) "";
  props.category = (char *) _("Environmental management");
  /* Translators: document keywords, separated by commas */
  props.keywords = (char *) _("EMS, environmental management system, 10 Elements, CEC, workshop, comparison");
  props.comments = (char *) _("Exported by Ten Elements");
  props.created = g_date_time_to_unix (cx->export_time);
  check (cx, workbook_set_properties (cx->book->workbook, &props), "properties");

  /* Custom properties: fixed English names, for scripts */
  check (cx, workbook_set_custom_property_integer (cx->book->workbook, "EMS format version",
                                                   EMS_FORMAT_VERSION), "custom");
  checklist = g_strdup_printf ("%s %u", ems_checklist_get_id (cx->checklist),
                               ems_checklist_get_version (cx->checklist));
  check (cx, workbook_set_custom_property_string (cx->book->workbook, "EMS checklist", checklist), "custom");
  check (cx, workbook_set_custom_property_integer (cx->book->workbook, "EMS participants",
                                                   cx->n_participants), "custom");
  check (cx, workbook_set_custom_property_boolean (cx->book->workbook, "EMS anonymised",
                                                   cx->anonymise), "custom");
}

static gboolean
build_comparison (EmsXlsxBook  *book,
                  gpointer      user_data,
                  GError      **error)
{
  Compare *cx = user_data;

  cx->book = book;
  make_formats (cx);

  cx->matrix = ems_xlsx_add_sheet (book, C_("sheet name", "Matrix"), "Matrix", &cx->matrix_name);
  cx->statistics = ems_xlsx_add_sheet (book, C_("sheet name", "Statistics"), "Statistics", &cx->statistics_name);
  cx->distribution = ems_xlsx_add_sheet (book, C_("sheet name", "Distribution"), "Distribution",
                                         &cx->distribution_name);
  cx->priorities = ems_xlsx_add_sheet (book, C_("sheet name", "Priorities"), "Priorities", &cx->priorities_name);
  if (cx->follow_ups->len > 0)
    cx->changes = ems_xlsx_add_sheet (book, C_("sheet name", "Changes"), "Changes", &cx->changes_name);
  cx->method = ems_xlsx_add_sheet (book, C_("sheet name", "Method"), "Method", &cx->method_name);

  if (cx->matrix == NULL || cx->statistics == NULL || cx->distribution == NULL
      || cx->priorities == NULL || cx->method == NULL
      || (cx->follow_ups->len > 0 && cx->changes == NULL))
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Could not name the sheets of the workbook"));
      return FALSE;
    }

  cx->matrix_ref = ems_xlsx_sheet_ref (cx->matrix_name);

  write_matrix (cx);
  write_statistics (cx);
  write_statistics_charts (cx);
  write_distribution (cx);
  write_priorities (cx);
  if (cx->changes != NULL)
    write_changes (cx);
  write_method (cx);
  set_properties (cx);
  worksheet_activate (cx->matrix);

  return TRUE;
}

/**
 * ems_xlsx_export_comparison:
 *
 * Writes @comparison to @path: see ems-xlsx.h.
 */
gboolean
ems_xlsx_export_comparison (EmsComparison  *comparison,
                            GDateTime      *export_time,
                            const char     *path,
                            GError        **error)
{
  Compare cx = { 0 };
  g_autoptr(GDateTime) now = NULL;
  gboolean ok;

  g_return_val_if_fail (EMS_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ems_comparison_get_n_participants (comparison) == 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   /* Translators: %s is a file name */
                   _("Could not write “%s”: there is no assessment to compare"), display);
      return FALSE;
    }

  if (export_time == NULL)
    export_time = now = g_date_time_new_now_local ();

  cx.comparison = comparison;
  cx.checklist = ems_assessment_get_checklist (ems_comparison_get_assessment (comparison, 0));
  cx.export_time = export_time;
  cx.n_participants = ems_comparison_get_n_participants (comparison);
  cx.n_elements = ems_comparison_get_n_elements (comparison);
  cx.anonymise = ems_comparison_get_anonymise (comparison);
  cx.follow_ups = ems_comparison_follow_ups (comparison);

  /* Translations first, in the user's locale */
  /* Translators: shown in a spreadsheet cell where an element has no score */
  cx.null_mark = C_("no score", "—");

  ok = ems_xlsx_write_atomic (path, build_comparison, &cx, NULL, error);

  compare_clear (&cx);

  return ok;
}
