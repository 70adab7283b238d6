/* ems-xlsx-compare-sheets.c: the Priorities, Changes and Method sheets
 * and the properties of the comparison workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ems-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-file-read.h"
#include "ems-xlsx-compare-private.h"

/* Priorities ------------------------------------------------------------- */

static lxw_row_t
write_ranking (EmsXlsxCompare *cx,
               lxw_row_t       row,
               const char     *title,
               GArray         *numbers,
               const char     *value_heading,
               gboolean        by_spread)
{
  lxw_worksheet *ws = cx->priorities;
  const char *headers[] = {
    _("Rank"), C_("column heading: element number", "#"), _("Element"), value_heading,
    _("Minimum"), _("Maximum"), _("Scored"),
  };
  static const double widths[] = { 7, 9, 60, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH };

  check (cx, worksheet_write_string (ws, row++, 0, title, cx->book->f_section), "section");
  ems_xlsx_write_header_row (cx->book, ws, row++, headers, G_N_ELEMENTS (headers), widths, NULL, 0);

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

void
ems_xlsx_compare_write_priorities (EmsXlsxCompare *cx)
{
  lxw_worksheet *ws = cx->priorities;
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (cx->comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (cx->comparison);
  g_autoptr(GArray) zero = ems_comparison_most_zero (cx->comparison, 0);
  static const double widths[] = { 7, 9, 60, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH };
  const EmsXlsxSheetLayout layout = { 0 };
  lxw_row_t row = 0;

  ems_xlsx_set_columns (cx->book, ws, widths, NULL, G_N_ELEMENTS (widths));
  ems_xlsx_finish_sheet (cx->book, ws, &layout);

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
      return;
    }

  {
    const char *headers[] = {
      _("Rank"), _("Question"), _("Question text"), _("Answered 0"), _("Answered with a level"),
      _("Share answered 0"), _("Element"),
    };

    ems_xlsx_write_header_row (cx->book, ws, row++, headers, G_N_ELEMENTS (headers), widths, NULL, 0);
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
}

/* Changes ---------------------------------------------------------------- */

void
ems_xlsx_compare_write_changes (EmsXlsxCompare *cx)
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

  ems_xlsx_set_columns (cx->book, ws, widths, NULL, N_CH_COLS);
  ems_xlsx_write_header_row (cx->book, ws, 0, headers, N_CH_COLS, widths, NULL, 0);

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

  {
    EmsXlsxSheetLayout layout = {
      .landscape = TRUE, .freeze_rows = 1,
      .filter = TRUE, .header_row = 0, .last_row = row - 1, .last_col = N_CH_COLS - 1,
      .repeat_header = TRUE,
    };

    ems_xlsx_finish_sheet (cx->book, ws, &layout);
  }
}

/* Method ----------------------------------------------------------------- */

static lxw_row_t
write_method_line (EmsXlsxCompare *cx,
                   lxw_row_t       row,
                   const char     *label,
                   const char     *text)
{
  return ems_xlsx_write_method_line (cx->book, cx->method, cx->method_name, row, label, text,
                                     METHOD_WIDTH_B + METHOD_WIDTH_C);
}

/* The SHA-256 of a participant's file when its bytes on disk still hold
 * the assessment compared; else of the assessment as the application
 * saves it (*from_file FALSE). */
static char *
participant_hash (EmsXlsxCompare *cx,
                  guint           index,
                  gboolean       *from_file)
{
  EmsAssessment *assessment = ems_comparison_get_assessment (cx->comparison, index);
  const char *source = ems_comparison_get_source (cx->comparison, index);
  g_autoptr(GBytes) saved = ems_assessment_serialize (assessment);
  g_autofree char *data = NULL;
  gsize length = 0;

  *from_file = FALSE;

  /* The same bounded, regular-file-only read as loading: a source
   * replaced by a FIFO or a device since must not block or run away. */
  if (source != NULL && ems_file_read_bounded (source, EMS_MAX_FILE_SIZE, &data, &length, NULL))
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

void
ems_xlsx_compare_write_method (EmsXlsxCompare *cx)
{
  lxw_worksheet *ws = cx->method;
  g_autofree char *app = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  g_autofree char *time = g_date_time_format (cx->export_time, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *count = g_strdup_printf ("%u", cx->n_participants);
  g_autofree char *version = g_strdup_printf ("%u", ems_checklist_get_version (cx->checklist));
  static const double widths[] = { METHOD_WIDTH_A, METHOD_WIDTH_B, METHOD_WIDTH_C };
  const EmsXlsxSheetLayout layout = { 0 };
  lxw_row_t row = 0;

  ems_xlsx_set_columns (cx->book, ws, widths, NULL, G_N_ELEMENTS (widths));
  ems_xlsx_finish_sheet (cx->book, ws, &layout);

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

  ems_xlsx_write_cut_texts (cx->book, ws, cx->method_name, row);
}

/* Never the assessors' or organisations' names: a comparison has many,
 * and an anonymised one must name nobody. */
void
ems_xlsx_compare_set_properties (EmsXlsxCompare *cx)
{
  lxw_doc_properties props = { 0 };

  props.title = (char *) _("Environmental self-assessments compared");
  props.subject = (char *) _("Workshop comparison against the 10 Elements of an effective environmental management system (CEC)");
  props.author = (char *) "";
  props.company = (char *) "";
  props.category = (char *) _("Environmental management");
  /* Translators: document keywords, separated by commas */
  props.keywords = (char *) _("EMS, environmental management system, 10 Elements, CEC, workshop, comparison");
  props.comments = (char *) _("Exported by Ten Elements");
  props.created = g_date_time_to_unix (cx->export_time);
  ems_xlsx_set_properties (cx->book, &props, cx->checklist);
  check (cx, workbook_set_custom_property_integer (cx->book->workbook, "EMS participants",
                                                   cx->n_participants), "custom");
  check (cx, workbook_set_custom_property_boolean (cx->book->workbook, "EMS anonymised",
                                                   cx->anonymise), "custom");
}
