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

#include "ems-error.h"
#include "ems-xlsx.h"
#include "ems-xlsx-compare-private.h"

static void
compare_clear (EmsXlsxCompare *cx)
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
header_format (EmsXlsxCompare *cx,
               guint32         color)
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

/* Figures sit in the middle of their cell, which grows with wrapped text */
static lxw_format *
centred (lxw_workbook *wb,
         const char   *num_format)
{
  lxw_format *f = workbook_add_format (wb);

  if (num_format != NULL)
    format_set_num_format (f, num_format);
  format_set_align (f, LXW_ALIGN_CENTER);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

static void
make_formats (EmsXlsxCompare *cx)
{
  lxw_workbook *wb = cx->book->workbook;
  g_autofree char *red = format_literal (ems_band_to_label (EMS_BAND_RED));
  g_autofree char *amber = format_literal (ems_band_to_label (EMS_BAND_AMBER));
  g_autofree char *green = format_literal (ems_band_to_label (EMS_BAND_GREEN));
  g_autofree char *band_format = NULL;

  /* The score with its band word: the cell stays a number */
  band_format = g_strdup_printf ("[<40]0.0\"%s\";[<70]0.0\"%s\";0.0\"%s\"", red, amber, green);
  cx->f_band_score = centred (wb, band_format);
  cx->f_figure = centred (wb, "0.0");
  cx->f_share = centred (wb, "0.0%");
  cx->f_day = centred (wb, "yyyy-mm-dd");

  cx->f_cell_text = workbook_add_format (wb);
  format_set_text_wrap (cx->f_cell_text);
  format_set_align (cx->f_cell_text, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_cell_plain = workbook_add_format (wb);
  format_set_align (cx->f_cell_plain, LXW_ALIGN_VERTICAL_CENTER);

  cx->f_null = centred (wb, NULL);
  format_set_font_color (cx->f_null, 0x808080);

  cx->f_count = centred (wb, "0");
  cx->f_delta = centred (wb, "+0.0;-0.0;0.0");
  cx->f_direction = centred (wb, NULL);
  format_set_bold (cx->f_direction);
  cx->f_rank = centred (wb, NULL);

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

/* "'Matrix'!$B$2:$B$9": a Matrix column over the participants */
static char *
matrix_range (EmsXlsxCompare *cx,
              lxw_col_t       col)
{
  char first[LXW_MAX_CELL_NAME_LENGTH];
  char last[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (first, 1, col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last, cx->n_participants, col, TRUE, TRUE);

  return g_strdup_printf ("%s%s:%s", cx->matrix_ref, first, last);
}

/* Matrix ----------------------------------------------------------------- */

static void
write_matrix (EmsXlsxCompare *cx)
{
  lxw_worksheet *ws = cx->matrix;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *widths = NULL;
  char top_left[LXW_MAX_CELL_NAME_LENGTH];

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

  ems_xlsx_set_columns (cx->book, ws, widths, NULL, cx->mx_last_col + 1);
  ems_xlsx_write_header_row (cx->book, ws, 0, (const char **) headers->pdata, cx->mx_last_col + 1,
                             widths, NULL, 0);

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

          ems_xlsx_write_date_or_text (cx->book, ws, cx->matrix_name, row, cx->mx_col_date,
                                       ems_assessment_get_assessed_on (a), cx->f_day, NULL);
        }
    }

  /* Band colours over the scores and the overall column */
  lxw_rowcol_to_cell (top_left, 1, MX_COL_FIRST_ELEMENT);
  ems_xlsx_band_formats (cx->book, ws, 1, MX_COL_FIRST_ELEMENT, cx->n_participants, cx->mx_col_overall,
                         top_left);

  {
    EmsXlsxSheetLayout layout = {
      .landscape = TRUE, .freeze_rows = 1, .freeze_cols = 1,
      .filter = TRUE, .header_row = 0, .last_row = cx->n_participants, .last_col = cx->mx_last_col,
      .repeat_header = TRUE, .repeat_first_column = TRUE,
    };

    ems_xlsx_finish_sheet (cx->book, ws, &layout);
  }
}

/* Statistics ------------------------------------------------------------- */

static void
write_statistics (EmsXlsxCompare *cx)
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

  ems_xlsx_set_columns (cx->book, ws, widths, NULL, N_ST_COLS);
  ems_xlsx_write_header_row (cx->book, ws, 0, headers, N_ST_COLS, widths, NULL, 0);

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

  {
    EmsXlsxSheetLayout layout = {
      .landscape = TRUE, .freeze_rows = 1, .freeze_cols = 2,
      .filter = TRUE, .header_row = 0, .last_row = cx->n_elements, .last_col = N_ST_COLS - 1,
    };

    ems_xlsx_finish_sheet (cx->book, ws, &layout);
  }
}

static void
write_statistics_charts (EmsXlsxCompare *cx)
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
write_distribution (EmsXlsxCompare *cx)
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
  ems_xlsx_set_columns (cx->book, ws, widths, NULL, N_DI_COLS);
  ems_xlsx_write_header_row (cx->book, ws, 1, headers, N_DI_COLS, widths, header_formats, 0);

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

  {
    EmsXlsxSheetLayout layout = {
      .landscape = TRUE, .freeze_rows = 2,
      .filter = TRUE, .header_row = 1, .last_row = cx->n_elements + 1, .last_col = N_DI_COLS - 1,
    };

    ems_xlsx_finish_sheet (cx->book, ws, &layout);
  }
}

static gboolean
build_comparison (EmsXlsxBook  *book,
                  gpointer      user_data,
                  GError      **error)
{
  EmsXlsxCompare *cx = user_data;

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
  ems_xlsx_compare_write_priorities (cx);
  if (cx->changes != NULL)
    ems_xlsx_compare_write_changes (cx);
  ems_xlsx_compare_write_method (cx);
  ems_xlsx_compare_set_properties (cx);
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
  EmsXlsxCompare cx = { 0 };
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
